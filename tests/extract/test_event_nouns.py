"""A place that complements a noun of an event, a topic or a recipient ("the war in Ukraine", "aid
for Kyiv", "la situation à Gaza", "der Krieg in der Ukraine", "помощь Киеву") says where something
else happens or whom something is for, not where the traveller goes: in an article that reports a
trip it is no stop, while the trip's own destination stays one. A place the rules take as a stop
keeps its reading whatever noun stands before it ("talks at the White House").

Every sentence here is written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor, extract
from tests.extract.support import stop_names

pytestmark = pytest.mark.data

#: the publication day: a Wednesday
DAY = dt.date(2024, 2, 28)

#: (language, an article that reports a trip, its destination, places of events or topics)
ARTICLES = [
    (
        "en",
        "Macron to visit Tokyo for talks on Ukraine aid\n\n"
        "French President Emmanuel Macron will fly to Tokyo on Thursday for talks with Prime Minister "
        "Fumio Kishida, as the war in Ukraine enters its third year.\n\n"
        "The two leaders are expected to discuss military aid for Kyiv and the situation in Gaza, "
        "an official said.",
        "Tokyo",
        ("Ukraine", "Kyiv", "Gaza"),
    ),
    (
        "en",
        "Erdogan heads to Madrid\n\n"
        "Turkish President Recep Tayyip Erdogan will travel to Madrid on Thursday. "
        "Sanctions against Russia and the elections in Georgia will top the agenda, as will "
        "the humanitarian crisis in Sudan.",
        "Madrid",
        ("Russia", "Sudan"),
    ),
    (
        "fr",
        "Macron à Tokyo pour parler de l'aide à l'Ukraine\n\n"
        "Le président Emmanuel Macron se rendra jeudi à Tokyo pour des entretiens avec le Premier "
        "ministre japonais sur la guerre en Ukraine.\n\n"
        "Les deux dirigeants doivent évoquer l'aide militaire à l'Ukraine et la situation à Gaza, "
        "avant un dîner officiel.",
        "Tokyo",
        ("Ukraine", "Gaza"),
    ),
    (
        "de",
        "Scholz reist für Gespräche über Ukraine-Hilfe nach Tokio\n\n"
        "Bundeskanzler Olaf Scholz reist am Donnerstag zu Gesprächen über den Krieg in der Ukraine "
        "nach Tokio.\n\n"
        "Die beiden Regierungschefs wollen über die Hilfe für die Ukraine, die Militärhilfe für Kiew "
        "und die Lage in Gaza sprechen.",
        "Tokio",
        ("Ukraine", "Kiew", "Gaza"),
    ),
    (
        "es",
        "Sánchez viaja a Tokio para hablar de la ayuda a Ucrania\n\n"
        "El presidente del Gobierno, Pedro Sánchez, viajará el jueves a Tokio para hablar de la "
        "guerra en Ucrania con el primer ministro japonés.\n\n"
        "Ambos líderes hablarán de la ayuda militar a Ucrania y de la situación en Gaza.",
        "Tokio",
        ("Ucrania", "Gaza"),
    ),
    (
        "it",
        "Meloni vola a Tokyo per parlare della guerra in Ucraina\n\n"
        "La presidente del Consiglio Giorgia Meloni volerà giovedì a Tokyo per parlare della guerra "
        "in Ucraina con il primo ministro giapponese.\n\n"
        "I due leader discuteranno degli aiuti militari all'Ucraina e della situazione a Gaza.",
        "Tokyo",
        ("Ucraina", "Gaza"),
    ),
    (
        "pt",
        "Lula viaja a Tóquio para discutir a guerra na Ucrânia\n\n"
        "O presidente Lula viajará na quinta-feira a Tóquio para discutir a guerra na Ucrânia com o "
        "primeiro-ministro japonês.\n\n"
        "Os dois líderes vão discutir a ajuda à Ucrânia e a situação em Gaza.",
        "Tóquio",
        ("Ucrânia", "Gaza"),
    ),
    (
        "ru",
        "Токаев прилетит в Пекин для переговоров о войне на Украине\n\n"
        "Президент Казахстана Касым-Жомарт Токаев в четверг прилетит в Пекин для переговоров о войне "
        "на Украине.\n\n"
        "Лидеры обсудят помощь Киеву и ситуацию в Газе.",
        "Пекин",
        ("Украине", "Киеву", "Газе"),
    ),
]


@pytest.mark.parametrize(
    ("lang", "text", "stop", "topics"), ARTICLES, ids=[f"{a[0]}-{a[2]}-{i}" for i, a in enumerate(ARTICLES)]
)
def test_a_place_of_an_event_or_topic_is_no_stop(
    lang: str, text: str, stop: str, topics: tuple[str, ...], extractor: Extractor
) -> None:
    it = extract(text, published=DAY, language=lang, extractor=extractor)
    names: set[str] = set()
    for trip in it.trips:
        for s in trip.stops:
            names |= stop_names(s)
    assert stop.lower() in names
    assert not names & {t.lower() for t in topics}


#: (language, an article, the stop whose preposition belongs to a noun that is no event: a summit
#: held there, a visit to it; or a stop an event noun follows, its preposition one of place)
KEPT = [
    (
        "en",
        "Scholz heads to Brussels\n\n"
        "German Chancellor Olaf Scholz will travel on Thursday to attend the summit in Brussels, as "
        "the war in Ukraine enters its third year.",
        "Brussels",
    ),
    (
        "en",
        "King Felipe will pay a state visit to Portugal next week, the palace said on Wednesday.",
        "Portugal",
    ),
    (
        "fr",
        "Emmanuel Macron se rendra jeudi au sommet à Bruxelles, alors que la crise au Proche-Orient "
        "s'aggrave.",
        "Bruxelles",
    ),
    (
        "de",
        "Bundeskanzler Olaf Scholz reist am Donnerstag zum Gipfel in Brüssel, während der Krieg in der "
        "Ukraine weitergeht.",
        "Brüssel",
    ),
    (
        "ru",
        "Во время визита в Киев помощь Украине обсуждали канцлер Германии Олаф Шольц и президент "
        "Владимир Зеленский.",
        "Киев",
    ),
    (
        "es",
        "Pedro Sánchez viajará el jueves a Bruselas para la cumbre, en plena crisis en Oriente Próximo.",
        "Bruselas",
    ),
]


@pytest.mark.parametrize(("lang", "text", "stop"), KEPT, ids=[f"{a[0]}-{a[2]}" for a in KEPT])
def test_a_place_after_a_noun_of_a_meeting_or_visit_stays_a_stop(
    lang: str, text: str, stop: str, extractor: Extractor
) -> None:
    it = extract(text, published=DAY, language=lang, extractor=extractor)
    names: set[str] = set()
    for trip in it.trips:
        for s in trip.stops:
            names |= stop_names(s)
    assert stop.lower() in names
