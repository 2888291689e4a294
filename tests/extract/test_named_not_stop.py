"""Places an article names that are no stop of anyone, by a general fact of the language:

- a capital or a country told, informed, warned or consulted stands for its government, as it
  does when it speaks ("Moscow had been told of the trip", "Berlin wurde vorab informiert",
  "Москву заранее уведомили");
- a country whose position, stance, role or policy is spoken of ("China's position", "la
  position de la Chine", "позиция Китая") is a topic;
- a headline's preposition of topic ("Merz zu Syrien", "Macron sur l'Ukraine", "Путин о Сирии")
  says what a person speaks of, not where they are;
- the end of flights, air lines and air space nobody rides ("flights to Tehran were
  suspended", "Flüge nach Teheran", "рейсы в Стамбул"): travel of nobody;
- a capital consulted or coordinated WITH ("talks with Moscow", "mit Berlin abgestimmt",
  "переговоры с Москвой") is a partner, its government;
- a place arms, ammunition or deliveries are sent to ("send ammunition to Kyiv", "Waffen an die
  Ukraine liefern", "поставки оружия Украине") is a recipient, as the place of aid is;
- the object of a verb of supporting, condemning or recognising ("apoyó a Ucrania", "apoiou a
  Ucrânia") is whose side is taken: the Spanish personal "a" is no "to".

Each case keeps a control: the traveller's own stop in the same text, and the same place as a
stop when the traveller really goes there. Every sentence here is written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor, extract
from itinerary.extract.document import Candidate
from tests.extract.support import candidates_by_place

pytestmark = pytest.mark.data

TUESDAY = dt.date(2026, 3, 10)

#: a sentence that sends the traveller to ``{place}``: the control of every case
ARRIVED = {
    "en": "Prime Minister Keir Starmer arrived in {place} on Monday.",
    "fr": "Le président Emmanuel Macron est arrivé lundi à {place}.",
    "de": "Bundeskanzler Friedrich Merz ist am Montag in {place} eingetroffen.",
    "es": "El presidente Pedro Sánchez llegó el lunes a {place}.",
    "ru": "Президент Казахстана Касым-Жомарт Токаев прибыл в понедельник в {place}.",
    "it": "La presidente del Consiglio Giorgia Meloni è arrivata lunedì a {place}.",
    "pt": "O presidente Luiz Inácio Lula da Silva chegou na segunda-feira a {place}.",
}


def _stops(text: str, lang: str, extractor: Extractor) -> set[str]:
    """The place texts of the stops the extractor keeps."""
    it = extract(text, published=TUESDAY, language=lang, extractor=extractor)
    return {str(s.place) for _, _, s in it.stops()}


def _candidates(text: str, lang: str, extractor: Extractor) -> dict[str, Candidate]:
    return candidates_by_place(text, lang, extractor, TUESDAY)


def _check(text: str, lang: str, named: str, stop: str, control: str, extractor: Extractor) -> None:
    """``named`` is no stop of ``text`` while ``stop`` is; ``control`` (the traveller going to
    the named place) makes it one."""
    got = _stops(text, lang, extractor)
    assert stop in got and named not in got, got
    went = _stops(ARRIVED[lang].format(place=control), lang, extractor)
    assert named in went, went


TOLD = [
    (
        "Prime Minister Keir Starmer arrived in Kyiv on Monday. Moscow had been told of the trip "
        "in advance, a spokesman said.",
        "en",
        "Moscow",
        "Kyiv",
    ),
    (
        "Prime Minister Keir Starmer travelled to Riyadh on Monday. Washington was informed before "
        "the visit.",
        "en",
        "Washington",
        "Riyadh",
    ),
    (
        "Le président Emmanuel Macron est arrivé lundi à Kiev. Moscou a été prévenu à l'avance de la visite.",
        "fr",
        "Moscou",
        "Kiev",
    ),
    (
        "Bundeskanzler Friedrich Merz ist am Montag nach Kiew gereist. Moskau wurde vorab über die "
        "Reise informiert.",
        "de",
        "Moskau",
        "Kiew",
    ),
    (
        "El presidente Pedro Sánchez viajó el lunes a Kiev. Moscú fue informado del viaje con antelación.",
        "es",
        "Moscú",
        "Kiev",
    ),
    (
        "Президент Казахстана Касым-Жомарт Токаев прибыл в понедельник в Пекин. Москву заранее "
        "уведомили о поездке.",
        "ru",
        "Москву",
        "Пекин",
    ),
    (
        "La presidente del Consiglio Giorgia Meloni è arrivata lunedì a Kiev. Mosca è stata "
        "avvertita in anticipo della visita.",
        "it",
        "Mosca",
        "Kiev",
    ),
    (
        "O presidente Luiz Inácio Lula da Silva viajou na segunda-feira a Kiev. Moscou foi avisada "
        "com antecedência da viagem.",
        "pt",
        "Moscou",
        "Kiev",
    ),
]


@pytest.mark.parametrize(("text", "lang", "named", "stop"), TOLD)
def test_a_capital_told_of_the_trip_is_its_government(
    text: str, lang: str, named: str, stop: str, extractor: Extractor
) -> None:
    """A capital that is told, informed or warned stands for its government, as one that speaks:
    no candidate of its own, or one the model reads as speaking."""
    c = _candidates(text, lang, extractor).get(named)
    assert c is None or c.features["speech_after"] == 1.0, c.features
    control = {"Москву": "Москву"}.get(named, named)
    _check(text, lang, CANONICAL.get(named, named), stop, control, extractor)


POSITION = [
    (
        "Chancellor Friedrich Merz arrived in Tokyo on Monday. China's position on the trade "
        "dispute will also be discussed during the visit.",
        "en",
        "China",
        "Tokyo",
    ),
    (
        "Le président Emmanuel Macron est arrivé lundi à Tokyo. La position de la Chine sera aussi "
        "évoquée pendant la visite.",
        "fr",
        "Chine",
        "Tokyo",
    ),
    (
        "Bundeskanzler Friedrich Merz ist am Montag nach Tokio gereist. Bei dem Besuch soll es auch "
        "um Chinas Haltung im Handelsstreit gehen.",
        "de",
        "Chinas",
        "Tokio",
    ),
    (
        "El presidente Pedro Sánchez viajó el lunes a Tokio. Durante la visita se hablará también "
        "de la postura de China.",
        "es",
        "China",
        "Tokio",
    ),
    (
        "Президент Казахстана Касым-Жомарт Токаев прибыл в понедельник в Токио. В ходе визита "
        "обсудят и позицию Китая.",
        "ru",
        "Китая",
        "Токио",
    ),
    (
        "La presidente del Consiglio Giorgia Meloni è arrivata lunedì a Tokyo. Durante la visita si "
        "parlerà anche della posizione della Cina.",
        "it",
        "Cina",
        "Tokyo",
    ),
    (
        "O presidente Luiz Inácio Lula da Silva viajou na segunda-feira a Tóquio. Durante a visita "
        "será discutida também a posição da China.",
        "pt",
        "China",
        "Tóquio",
    ),
]

#: the control's form of a place the cases name in another case
CONTROL = {"Chinas": "China", "Китая": "Китай", "Chine": "Chine"}
#: the name the extractor gives a stop named in a case form ("Москву" -> "Москва")
CANONICAL = {"Москву": "Москва", "Китая": "Китай", "Сирии": "Сирия", "Анкару": "Анкара"}


@pytest.mark.parametrize(("text", "lang", "named", "stop"), POSITION)
def test_a_country_whose_position_is_spoken_of_is_a_topic(
    text: str, lang: str, named: str, stop: str, extractor: Extractor
) -> None:
    """A country in the genitive of a noun of position, stance, role or policy is a topic."""
    got = _stops(text, lang, extractor)
    assert CANONICAL.get(stop, stop) in got and CANONICAL.get(named, named) not in got, got
    control = CONTROL.get(named, named)
    sentence = ARRIVED[lang].format(place=control).replace("à Chine", "en Chine")
    assert CANONICAL.get(control, control) in _stops(sentence, lang, extractor)


#: the control headline's form of the place ("Путин в Сирии")
CONTROL_HEADLINE = {"Сирии": "Сирии"}

HEADLINES = [
    (
        "Merz zu Syrien\n\nBundeskanzler Friedrich Merz ist am Montag nach Paris gereist. Dort "
        "äußerte er sich zur Lage im Nahen Osten.",
        "Merz in Syrien\n\nBundeskanzler Friedrich Merz sprach am Montag mit dem Präsidenten des Landes.",
        "de",
        "Syrien",
        "Paris",
    ),
    (
        "Merz zum Iran\n\nBundeskanzler Friedrich Merz ist am Montag nach Athen gereist. Dort "
        "äußerte er sich zu den Gesprächen über das Atomprogramm.",
        "Merz im Iran\n\nBundeskanzler Friedrich Merz sprach am Montag mit dem Präsidenten des Landes.",
        "de",
        "Iran",
        "Athen",
    ),
    (
        "Macron sur Israël\n\nLe président Emmanuel Macron est arrivé lundi à Berlin. Il s'y est "
        "exprimé sur la guerre.",
        "Macron en Israël\n\nLe président Emmanuel Macron s'est entretenu lundi avec le Premier ministre.",
        "fr",
        "Israël",
        "Berlin",
    ),
    (
        "Biden on Ukraine\n\nPresident Joe Biden arrived in Berlin on Monday. He spoke there about the war.",
        "Biden in Ukraine\n\nPresident Joe Biden met his Ukrainian counterpart on Monday.",
        "en",
        "Ukraine",
        "Berlin",
    ),
    (
        "Sánchez sobre Venezuela\n\nEl presidente Pedro Sánchez llegó el lunes a Bogotá. Allí habló "
        "de la crisis.",
        "Sánchez, en Venezuela\n\nEl presidente Pedro Sánchez se entrevistó el lunes con su homólogo.",
        "es",
        "Venezuela",
        "Bogotá",
    ),
    (
        "Путин о Сирии\n\nПрезидент России Владимир Путин прибыл в понедельник в Анкару. Там он "
        "говорил о войне.",
        "Путин в Сирии\n\nВладимир Путин в понедельник провёл переговоры с президентом страны.",
        "ru",
        "Сирии",
        "Анкару",
    ),
    (
        "Meloni sulla Libia\n\nLa presidente del Consiglio Giorgia Meloni è arrivata lunedì a Tunisi. "
        "Lì ha parlato della crisi.",
        "Meloni in Libia\n\nLa presidente del Consiglio Giorgia Meloni ha incontrato lunedì il premier.",
        "it",
        "Libia",
        "Tunisi",
    ),
    (
        "Lula sobre a Venezuela\n\nO presidente Luiz Inácio Lula da Silva chegou na segunda-feira a "
        "Bogotá. Lá falou da crise.",
        "Lula na Venezuela\n\nO presidente Luiz Inácio Lula da Silva reuniu-se na segunda-feira com o "
        "homólogo.",
        "pt",
        "Venezuela",
        "Bogotá",
    ),
]


@pytest.mark.parametrize(("text", "control", "lang", "named", "stop"), HEADLINES)
def test_a_headline_preposition_of_topic_puts_nobody_at_the_place(
    text: str, control: str, lang: str, named: str, stop: str, extractor: Extractor
) -> None:
    """A headline "person + preposition of topic + place" tells what the person spoke of; the
    same headline with a locative preposition puts the person there."""
    topic = _candidates(text, lang, extractor).get(named)
    assert topic is None or not topic.rule, topic.reason.text()
    assert CANONICAL.get(stop, stop) in _stops(text, lang, extractor)
    at = _candidates(control, lang, extractor)[CONTROL_HEADLINE.get(named, named)]
    assert at.rule, at.reason.text()


FLIGHTS = [
    (
        "Prime Minister Keir Starmer arrived in Ankara on Monday. Flights from Moscow were suspended "
        "last week.",
        "en",
        "Moscow",
        "Ankara",
    ),
    (
        "Le président Emmanuel Macron est arrivé lundi à Bogota. Les vols vers Caracas restent suspendus.",
        "fr",
        "Caracas",
        "Bogota",
    ),
    (
        "Bundeskanzler Friedrich Merz ist am Montag in Ankara eingetroffen. Die Flüge nach Teheran "
        "wurden ausgesetzt.",
        "de",
        "Teheran",
        "Ankara",
    ),
    (
        "El presidente Pedro Sánchez llegó el lunes a Bogotá. Los vuelos a Caracas siguen suspendidos.",
        "es",
        "Caracas",
        "Bogotá",
    ),
    (
        "Президент Казахстана Касым-Жомарт Токаев прибыл в понедельник в Баку. Рейсы в Стамбул "
        "были приостановлены.",
        "ru",
        "Стамбул",
        "Баку",
    ),
    (
        "La presidente del Consiglio Giorgia Meloni è arrivata lunedì ad Amman. I voli per Tel Aviv "
        "restano sospesi.",
        "it",
        "Tel Aviv",
        "Amman",
    ),
    (
        "O presidente Luiz Inácio Lula da Silva chegou na segunda-feira a Madrid. Os voos para "
        "Caracas continuam suspensos.",
        "pt",
        "Caracas",
        "Madrid",
    ),
    (
        "Bundeskanzler Friedrich Merz ist am Montag in Kiew eingetroffen. Russische Flugzeuge dürfen "
        "den Luftraum über Polen nicht mehr nutzen.",
        "de",
        "Polen",
        "Kiew",
    ),
]


@pytest.mark.parametrize(("text", "lang", "named", "stop"), FLIGHTS)
def test_flights_and_trade_nobody_rides_are_no_stop(
    text: str, lang: str, named: str, stop: str, extractor: Extractor
) -> None:
    """Flights, air lines and air space to or from a place are travel of nobody: a veto, whatever
    trip the paragraph told before."""
    c = _candidates(text, lang, extractor).get(named)
    assert c is None or c.features["event_noun"] == 1.0, c.reason.text()
    _check(text, lang, named, stop, named, extractor)


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Prime Minister Keir Starmer took a flight to Tehran on Monday.", "en", "Tehran"),
        ("Bundeskanzler Friedrich Merz nahm am Montag einen Flug nach Teheran.", "de", "Teheran"),
        ("Le président Emmanuel Macron a pris lundi un vol pour Caracas.", "fr", "Caracas"),
        ("Президент Казахстана Касым-Жомарт Токаев вылетел в понедельник рейсом в Стамбул.", "ru", "Стамбул"),
    ],
)
def test_the_travellers_own_flight_is_no_traffic(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    """One flight the traveller takes is a trip: only flights as a service are nobody's."""
    c = _candidates(text, lang, extractor)[place]
    assert c.features["event_noun"] == 0.0, c.reason.text()


def _feature(text: str, lang: str, place: str, feature: str, extractor: Extractor) -> float:
    """The value of ``feature`` on the candidate ``place`` (0 when it is no candidate)."""
    c = _candidates(text, lang, extractor).get(place)
    return 0.0 if c is None else c.features[feature]


ADDRESSED = [
    (
        "El presidente Pedro Sánchez llegó el lunes a Santiago. Allí criticó a Estados Unidos por "
        "las sanciones.",
        "es",
        "Estados Unidos",
        "Santiago",
    ),
    (
        "Prime Minister Keir Starmer arrived in Kyiv on Monday. There he warned Moscow against any "
        "escalation.",
        "en",
        "Moscow",
        "Kyiv",
    ),
    (
        "Bundeskanzler Friedrich Merz ist am Montag in Kiew eingetroffen. Dort kritisierte er Moskau scharf.",
        "de",
        "Moskau",
        "Kiew",
    ),
    (
        "O presidente Luiz Inácio Lula da Silva chegou na segunda-feira a Madrid. Lá criticou os "
        "Estados Unidos pelas sanções.",
        "pt",
        "Estados Unidos",
        "Madrid",
    ),
]


@pytest.mark.parametrize(("text", "lang", "named", "stop"), ADDRESSED)
def test_a_capital_a_statement_is_aimed_at_is_its_government(
    text: str, lang: str, named: str, stop: str, extractor: Extractor
) -> None:
    """A place right after a verb of saying, criticising or warning (in Spanish after its personal
    "a") is whom the statement is aimed at: its government, as the source of a statement is."""
    assert _feature(text, lang, named, "source", extractor) == 1.0
    got = _stops(text, lang, extractor)
    assert stop in got and named not in got, got


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        (
            "Президент Казахстана Касым-Жомарт Токаев прибыл в понедельник в Токио, где раскритиковал "
            "позицию Японии.",
            "ru",
            "Токио",
        ),
        (
            "O presidente Luiz Inácio Lula da Silva chegou na segunda-feira a Tóquio, onde criticou a "
            "política do Japão.",
            "pt",
            "Tóquio",
        ),
        (
            "El presidente Pedro Sánchez llegó el lunes a Tokio, donde dijo que la visita era un éxito.",
            "es",
            "Tokio",
        ),
    ],
)
def test_a_place_where_someone_speaks_is_no_speaker(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    """A relative "where" after the place ("Tokyo, where he criticised") makes the speaker
    someone else: the place is where the traveller speaks, a stop, not a government speaking."""
    assert _feature(text, lang, place, "speech_after", extractor) == 0.0
    assert CANONICAL.get(place, place) in _stops(text, lang, extractor)


STANCE = [
    (
        "El presidente Pedro Sánchez llegó el lunes a Santiago. Allí criticó la decisión de Estados "
        "Unidos de mantener las sanciones.",
        "es",
        "Estados Unidos",
        "Santiago",
    ),
    (
        "Le président Emmanuel Macron est arrivé lundi à Tokyo, où il a critiqué la position de la Chine.",
        "fr",
        "la Chine",
        "Tokyo",
    ),
    (
        "La presidente del Consiglio Giorgia Meloni è arrivata lunedì a Tokyo, dove ha criticato la "
        "posizione della Cina.",
        "it",
        "Cina",
        "Tokyo",
    ),
    (
        "O presidente Luiz Inácio Lula da Silva viajou na segunda-feira a Tóquio para falar do papel "
        "da China na região.",
        "pt",
        "China",
        "Tóquio",
    ),
    (
        "Chancellor Friedrich Merz arrived in Tokyo on Monday to discuss the role of China in the region.",
        "en",
        "China",
        "Tokyo",
    ),
    (
        "Президент Казахстана Касым-Жомарт Токаев прибыл в понедельник в Токио, чтобы обсудить "
        "позицию Китая.",
        "ru",
        "Китая",
        "Токио",
    ),
]


@pytest.mark.parametrize(("text", "lang", "named", "stop"), STANCE)
def test_a_country_whose_stance_is_spoken_of_is_vetoed(
    text: str, lang: str, named: str, stop: str, extractor: Extractor
) -> None:
    """The genitive of a noun of position, stance, role, policy or decision ("the role of China",
    "la position de la Chine", "позицию Китая") names a topic: a veto, as the event nouns'."""
    c = _candidates(text, lang, extractor).get(named)
    assert c is None or c.features["event_noun"] == 1.0, c.reason.text()
    assert CANONICAL.get(stop, stop) in _stops(text, lang, extractor)


#: a capital or a country consulted, coordinated or negotiated WITH: a partner, its government
PARTNER = [
    (
        "Prime Minister Keir Starmer arrived in Kyiv on Monday. The visit had been coordinated with "
        "Berlin, officials said.",
        "en",
        "Berlin",
        "Kyiv",
    ),
    (
        "Prime Minister Keir Starmer travelled to Riyadh on Monday after talks with Moscow.",
        "en",
        "Moscow",
        "Riyadh",
    ),
    (
        "Bundeskanzler Friedrich Merz ist am Montag nach Kiew gereist. Die Reise sei mit Paris und mit "
        "den Spitzen der EU abgestimmt worden.",
        "de",
        "Paris",
        "Kiew",
    ),
    (
        "Le président Emmanuel Macron est arrivé lundi à Kiev, une visite préparée en concertation "
        "avec Berlin.",
        "fr",
        "Berlin",
        "Kiev",
    ),
    (
        "Президент Казахстана Касым-Жомарт Токаев прибыл в понедельник в Пекин после переговоров с Москвой.",
        "ru",
        "Москвой",
        "Пекин",
    ),
    (
        "El presidente Pedro Sánchez llegó el lunes a Kiev tras consultas con Washington.",
        "es",
        "Washington",
        "Kiev",
    ),
    (
        "La presidente del Consiglio Giorgia Meloni è arrivata lunedì a Kiev dopo colloqui con Mosca.",
        "it",
        "Mosca",
        "Kiev",
    ),
    (
        "O presidente Luiz Inácio Lula da Silva chegou na segunda-feira a Pequim após conversas com "
        "Washington.",
        "pt",
        "Washington",
        "Pequim",
    ),
    (
        "Prime Minister Keir Starmer held talks with Washington in Geneva on Monday.",
        "en",
        "Washington",
        "Geneva",
    ),
    (
        "Bundeskanzler Friedrich Merz ist am Montag nach Genf gereist, um dort mit Moskau Gespräche zu "
        "führen.",
        "de",
        "Moskau",
        "Genf",
    ),
]

CANONICAL.update({"Москвой": "Москва", "Украине": "Украина"})


@pytest.mark.parametrize(("text", "lang", "named", "stop"), PARTNER)
def test_a_capital_consulted_with_is_its_government(
    text: str, lang: str, named: str, stop: str, extractor: Extractor
) -> None:
    """A place after "with" in a clause of consulting, coordinating or negotiating ("talks with
    Moscow", "mit Paris abgestimmt", "переговоры с Москвой") is a partner, its government, as
    the capital told of a trip is; "talks with Washington in Geneva" keeps Geneva."""
    control = {"ru": "Москву"}.get(lang, named)
    _check(text, lang, CANONICAL.get(named, named), CANONICAL.get(stop, stop), control, extractor)


#: a place that is sent, supplied or given something: a recipient
RECIPIENT = [
    (
        "Prime Minister Keir Starmer arrived in Warsaw on Monday and pledged to send more ammunition "
        "to Kyiv.",
        "en",
        "Kyiv",
        "Warsaw",
    ),
    (
        "O presidente Luiz Inácio Lula da Silva chegou na segunda-feira a Lisboa e recusou enviar "
        "munição a Kiev.",
        "pt",
        "Kiev",
        "Lisboa",
    ),
    (
        "Bundeskanzler Friedrich Merz ist am Montag in Warschau eingetroffen und will weitere Waffen "
        "an die Ukraine liefern.",
        "de",
        "Ukraine",
        "Warschau",
    ),
    (
        "Le président Emmanuel Macron est arrivé lundi à Varsovie et a promis de livrer des armes à "
        "l'Ukraine.",
        "fr",
        "Ukraine",
        "Varsovie",
    ),
    (
        "Президент Казахстана Касым-Жомарт Токаев прибыл в понедельник в Варшаву, где обсуждались "
        "поставки оружия Украине.",
        "ru",
        "Украине",
        "Варшава",
    ),
    (
        "La presidente del Consiglio Giorgia Meloni è arrivata lunedì a Varsavia e ha promesso di "
        "inviare armi a Kiev.",
        "it",
        "Kiev",
        "Varsavia",
    ),
    (
        "El presidente Pedro Sánchez llegó el lunes a Varsovia y anunció más ayuda a Ucrania.",
        "es",
        "Ucrania",
        "Varsovia",
    ),
]


@pytest.mark.parametrize(("text", "lang", "named", "stop"), RECIPIENT)
def test_a_place_things_are_sent_to_is_a_recipient(
    text: str, lang: str, named: str, stop: str, extractor: Extractor
) -> None:
    """Arms, ammunition and deliveries sent to a place ("send ammunition to Kyiv", "Waffen an
    die Ukraine liefern", "поставки оружия Украине") have it as their recipient, as aid does:
    nobody travels there."""
    control = {"ru": "Украину"}.get(lang, named)
    _check(text, lang, CANONICAL.get(named, named), CANONICAL.get(stop, stop), control, extractor)


#: the Spanish and Portuguese personal "a" after a verb of support, criticism or recognition
OBJECT = [
    (
        "El presidente Pedro Sánchez llegó el lunes a Bruselas, donde apoyó a Ucrania.",
        "es",
        "Ucrania",
        "Bruselas",
    ),
    (
        "El presidente Pedro Sánchez viajó el lunes a Oslo tras condenar a Rusia.",
        "es",
        "Rusia",
        "Oslo",
    ),
    (
        "O presidente Luiz Inácio Lula da Silva chegou na segunda-feira a Roma e lá apoiou a Ucrânia.",
        "pt",
        "Ucrânia",
        "Roma",
    ),
    (
        "O presidente Luiz Inácio Lula da Silva chegou na segunda-feira a Oslo, onde condenou a Rússia.",
        "pt",
        "Rússia",
        "Oslo",
    ),
]


@pytest.mark.parametrize(("text", "lang", "named", "stop"), OBJECT)
def test_the_object_of_a_verb_of_stance_is_no_destination(
    text: str, lang: str, named: str, stop: str, extractor: Extractor
) -> None:
    """A place after a verb of supporting, condemning or recognising ("apoyó a Ucrania",
    "reconoció a Palestina", "apoiou a Ucrânia") is its direct object, the government whose side
    is taken, not where anyone goes: the "a" is personal, not directional."""
    assert _feature(text, lang, named, "source", extractor) == 1.0
    _check(text, lang, named, stop, named, extractor)


#: a capital as the subject of a clause whose verb stands at its end (a German subordinate clause:
#: "nachdem Moskau die Gespräche verurteilt hatte"): its government speaks, as "Moskau
#: verurteilte" does; the English of the same sentence is the parity case (verb after subject)
VERB_FINAL = [
    (
        "Bundeskanzler Friedrich Merz ist am Montag in Ankara eingetroffen, zwei Tage nachdem Moskau "
        "die geplanten Gespräche scharf verurteilt hatte.",
        "de",
        "Moskau",
        "Ankara",
    ),
    (
        "Bundeskanzler Friedrich Merz reiste am Montag nach Kairo, obwohl Washington den Besuch am "
        "Wochenende kritisiert hatte.",
        "de",
        "Washington",
        "Kairo",
    ),
    (
        "Bundeskanzler Friedrich Merz ist am Montag in Riad gelandet, während Paris die Reise im "
        "Vorfeld öffentlich kritisiert hatte, erklärte er.",
        "de",
        "Paris",
        "Riad",
    ),
    (
        "Prime Minister Keir Starmer arrived in Ankara on Monday, two days after Moscow had condemned "
        "the planned talks.",
        "en",
        "Moscow",
        "Ankara",
    ),
]


@pytest.mark.parametrize(("text", "lang", "named", "stop"), VERB_FINAL)
def test_a_capital_speaking_at_the_end_of_its_clause_is_its_government(
    text: str, lang: str, named: str, stop: str, extractor: Extractor
) -> None:
    seen = _candidates(text, lang, extractor).get(named)  # a bare speaker is dropped before scoring
    assert seen is None or seen.features["speech_after"] == 1.0
    _check(text, lang, named, stop, named, extractor)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # the place is no subject: a verb of travel ends the clause, not one of speech
        ("Die Opposition kritisierte, dass Merz nach Moskau gereist war.", "Moskau"),
        # the clause's subject is a person; the capital is where the person spoke
        ("Merz traf Erdoğan, nachdem er in Ankara die Gespräche verurteilt hatte.", "Ankara"),
    ],
)
def test_a_place_in_a_clause_of_speech_that_is_no_subject_does_not_speak(
    text: str, place: str, extractor: Extractor
) -> None:
    assert _candidates(text, "de", extractor)[place].features["speech_after"] == 0.0
