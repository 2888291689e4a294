"""An invitation to visit is no trip; flights as traffic and weapons reaching a place are nobody's trip.

"Zelensky invited Lula to visit Kyiv" tells of no journey: every language we read says it with a
verb of inviting before the place in its clause ("invited ... to visit", "a invité ... à se
rendre", "invitó a visitar", "пригласил посетить", "ha invitato a visitare", "convidou a
visitar"), German also with the participle closing the clause ("nach Kiew eingeladen"); the
place is at most planned. A visit made at someone's invitation ("arrived ... at
the invitation of", "Convidado pelo rei, ... chegou") stays a confirmed stop. "Flüge aus Russland"
(flights from Russia) speaks of air traffic, not of a traveller.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from itinerary.extract import Article, Extractor
from itinerary.model import Status
from tests.extract.support import TUESDAY
from tests.extract.support import tuesday_status as _status


@pytest.fixture(scope="module")
def extractor(geocoder) -> Extractor:  # type: ignore[no-untyped-def]
    return Extractor(geocoder)


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Lula chegou ontem a Madrid a convite do governo espanhol.", "pt", "Madrid"),
        ("Lula llegó ayer a Madrid por invitación del gobierno español.", "es", "Madrid"),
        ("Lula è arrivato ieri a Madrid su invito del governo spagnolo.", "it", "Madrid"),
        ("Лула прибыл вчера в Мадрид по приглашению испанского правительства.", "ru", "Мадрид"),
    ],
)
def test_a_visit_at_an_invitation_stays_confirmed(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert _status(text, lang, place, extractor) is Status.CONFIRMED


def _rule(text: str, lang: str, place: str, extractor: Extractor) -> bool | None:
    """Whether the travel rules made ``place`` a stop (None when it is no candidate)."""
    doc = extractor.analyse(Article(text=text, published=TUESDAY, language=lang))
    found = [c.rule for c in doc.candidates if c.place.text == place]
    return found[0] if found else None


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Zelensky convidou Lula a visitar Kiev.", "pt", "Kiev"),
        ("El presidente invitó a su homólogo a Moscú para el desfile.", "es", "Moscú"),
        ("Meloni ha invitato il presidente a visitare Roma.", "it", "Roma"),
        ("Selenskyj hat den Kanzler nach Kiew eingeladen.", "de", "Kiew"),
        ("Zelensky invited Lula to visit Kyiv.", "en", "Kyiv"),
        ("Pendant l'appel, Zelensky a invité le président à se rendre à Kiev.", "fr", "Kiev"),
        ("Во время разговора Зеленский пригласил президента посетить Киев.", "ru", "Киев"),
    ],
)
def test_the_place_of_an_invitation_is_at_most_planned(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert _status(text, lang, place, extractor) is Status.PLANNED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Convidado pelo rei, Lula chegou a Madrid na segunda-feira.", "pt", "Madrid"),
        ("Er hat seinen Besuch in Madrid beendet und den König nach Lissabon eingeladen.", "de", "Madrid"),
        ("Scholz reiste am Montag nach Kiew, eingeladen von Selenskyj.", "de", "Kiew"),
    ],
)
def test_a_trip_made_on_an_invitation_stays_confirmed(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert _rule(text, lang, place, extractor) is True
    assert _status(text, lang, place, extractor) is Status.CONFIRMED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Die Schweiz sperrt ihren Luftraum für Flüge aus Russland.", "de", "Russland"),
        ("Switzerland closes its airspace to flights from Russia.", "en", "Russia"),
    ],
)
def test_flights_as_traffic_are_no_trip(text: str, lang: str, place: str, extractor: Extractor) -> None:
    assert not _rule(text, lang, place, extractor)


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Di notte i missili lanciati dall'Iran hanno raggiunto Haifa.", "it", "Haifa"),
        ("In der Nacht erreichten Raketen aus dem Iran Haifa.", "de", "Haifa"),
        ("Overnight, missiles fired from Iran reached Haifa.", "en", "Haifa"),
    ],
)
def test_a_place_weapons_reach_is_no_rule_stop(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert not _rule(text, lang, place, extractor)


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Nach dem Raketenangriff reiste Scholz am Montag nach Kiew.", "de", "Kiew"),
        ("Dopo l'attacco dei missili Meloni è arrivata lunedì a Kiev.", "it", "Kiev"),
    ],
)
def test_a_traveller_after_a_weapon_word_still_travels(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert _rule(text, lang, place, extractor) is True
