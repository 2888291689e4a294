"""Status facts of short briefs, second part (see ``test_status_brief.py``), found by the fifth set
of status probes (``status_probes/brief/``).

* A place first told as expected and later, for the same traveller, as reached in the past with a
  verb of travel or arrival and a recent day ("was expected in Nairobi on Sunday ... arrived in
  Nairobi on Monday evening") is a stop made, dated by the arrival's day. Not when the later
  mention is another, older trip ("last visited Nairobi in 2019") or no trip at all.
* A place put first and the verb of travel or being after it negated ("Nach Kiew ist sie seit
  2022 nicht gereist", "A Kiev non è più andata"): no stop made. Only verbs of travel and being:
  "In Moskau traf er den Präsidenten nicht" keeps Moscow a place of the trip, and a dateline's
  city ("PADOVA – ... non partirà per il Cile") is no place put first.
* The Russian perfective future of flying ("полетит в Баку") and the Italian future of going with
  the preposition of a place ("andrà a Baku") are verbs of travel: under a verbless headline
  ("Визит в Баку") the body's future with its day tells a trip to come. "Andrà bene" is no
  journey (a word of plan, but no verb of travel).

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from itinerary.extract import Extractor
from itinerary.model import Status
from tests.extract.support import WEDNESDAY, candidate_status, wednesday_stops

pytestmark = pytest.mark.data


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        (
            "Storm delays\n\nThe prime minister was expected in Nairobi on Sunday, but a storm grounded "
            "her plane. She arrived in Nairobi on Monday evening.",
            "en",
            "Nairobi",
        ),
        (
            "Sturm\n\nDie Kanzlerin wurde am Sonntag in Nairobi erwartet. Wegen eines Sturms traf sie "
            "erst am Montag in Nairobi ein.",
            "de",
            "Nairobi",
        ),
        (
            "Tempête\n\nLa Première ministre était attendue dimanche à Nairobi, mais une tempête a cloué "
            "son avion au sol. Elle est arrivée à Nairobi lundi soir.",
            "fr",
            "Nairobi",
        ),
        (
            "Tempesta\n\nLa premier era attesa domenica a Nairobi, ma una tempesta ha bloccato il suo "
            "aereo. È arrivata a Nairobi lunedì sera.",
            "it",
            "Nairobi",
        ),
    ],
)
def test_expected_then_arrived_is_a_stop_made(text: str, lang: str, place: str, extractor: Extractor) -> None:
    assert wednesday_stops(text, lang, extractor).get(place) == (Status.CONFIRMED, "2026-03-09")


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        (
            "Nairobi next\n\nThe prime minister is expected in Nairobi on Friday. She last visited "
            "Nairobi in 2019.",
            "en",
            "Nairobi",
        ),
        (
            "Nairobi\n\nDie Kanzlerin wird am Freitag in Nairobi erwartet. Zuletzt war sie 2019 in "
            "Nairobi gereist.",
            "de",
            "Nairobi",
        ),
        (
            "Nairobi\n\nLa premier è attesa venerdì a Nairobi. Era stata a Nairobi l'ultima volta nel 2019.",
            "it",
            "Nairobi",
        ),
    ],
)
def test_an_older_trip_keeps_the_plan(text: str, lang: str, place: str, extractor: Extractor) -> None:
    status, _ = wednesday_stops(text, lang, extractor).get(place, (None, ""))
    assert status is Status.PLANNED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Die Ministerin reist am Freitag nach Rom. Nach Kiew ist sie nicht gereist.", "de", "Kiew"),
        ("Nach Kiew ist die Ministerin seit Jahren nicht zurückgekehrt.", "de", "Kiew"),
        ("La ministra andrà venerdì a Roma. A Kiev non è più andata dal 2022.", "it", "Kiev"),
        ("A Kiev la ministra non è più tornata.", "it", "Kiev"),
    ],
)
def test_a_fronted_place_with_its_verb_negated(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert candidate_status(text, lang, place, extractor, WEDNESDAY) is not Status.CONFIRMED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("In Moskau traf der Kanzler den Präsidenten nicht.", "de", "Moskau"),
        ("A Mosca il ministro non ha incontrato il presidente.", "it", "Mosca"),
        ("PADOVA – Il ministro ha la febbre e non partirà per il Cile.", "it", "PADOVA"),
        ("KASSEL – Die Ministerin ist krank und fliegt nicht nach Chile.", "de", "KASSEL"),
    ],
)
def test_a_fronted_place_with_another_verb_negated(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert candidate_status(text, lang, place, extractor, WEDNESDAY) is not Status.CANCELLED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Визит в Баку\n\nМинистр полетит в Баку в пятницу.", "ru", "Баку"),
        ("Переговоры в Баку\n\nМинистры полетят в Баку в пятницу.", "ru", "Баку"),
        ("Viaggio a Baku\n\nIl ministro andrà a Baku venerdì.", "it", "Baku"),
        ("Colloqui a Baku\n\nI ministri andranno a Baku venerdì per i colloqui.", "it", "Baku"),
    ],
)
def test_a_future_of_going_under_a_headline_is_planned(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert wednesday_stops(text, lang, extractor).get(place) == (Status.PLANNED, "2026-03-13")


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Министр полетел в Баку во вторник.", "ru", "Баку"),
        ("Il ministro è andato martedì a Baku.", "it", "Baku"),
    ],
)
def test_a_past_of_going_is_confirmed(text: str, lang: str, place: str, extractor: Extractor) -> None:
    assert candidate_status(text, lang, place, extractor, WEDNESDAY) is not Status.PLANNED
