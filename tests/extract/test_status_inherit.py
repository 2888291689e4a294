"""A stop whose own words tell no status takes the status of the stop before it in its sentence
only when nothing but a list lies between them.

* A list shares its status ("the visits to Paris and Rome were cancelled", "should have visited
  Paris and Rome", "aurait dû se rendre à Paris et à Rome"): every item keeps the one its cue
  gives, also in a clause set off by commas ("who cancelled her visits to Paris, Berlin and
  Rome,").
* A clause with a finite verb of its own between the two stops ("The minister, who was to have
  stayed in Berlin, flew to Tunis on Monday"; "La ministre, qui aurait dû rester à Berlin, est
  arrivée lundi à Tunis") closes the previous stop's clause: its unreal past or its plan does
  not reach the stop after it, which is read from its own clause.

Every sentence here is written for these tests; they are published on a Tuesday (TUESDAY).
"""

from __future__ import annotations

import pytest

from itinerary.extract import Extractor
from itinerary.model import Status
from tests.extract.support import tuesday_status as _status

pytestmark = pytest.mark.data


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("The minister, who was to have stayed in Berlin, flew to Tunis on Monday.", "en", "Tunis"),
        ("The minister, who should have stayed in Berlin, flew to Tunis on Monday.", "en", "Tunis"),
        ("La ministre, qui aurait dû rester à Berlin, est arrivée lundi à Tunis.", "fr", "Tunis"),
        ("La ministra, que debería haberse quedado en Berlín, voló el lunes a Túnez.", "es", "Túnez"),
        ("La ministra, che avrebbe dovuto restare a Berlino, è volata lunedì a Tunisi.", "it", "Tunisi"),
        (
            "Der Minister, der eigentlich in Berlin hätte bleiben sollen, flog am Montag nach Tunis.",
            "de",
            "Tunis",
        ),
    ],
)
def test_a_clause_between_ends_the_inherited_status(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert _status(text, lang, place, extractor) is Status.CONFIRMED


@pytest.mark.parametrize(
    ("text", "lang", "place", "status"),
    [
        ("The visits to Paris, Berlin and Rome were cancelled.", "en", "Berlin", Status.CANCELLED),
        ("The visits to Paris and Rome were cancelled.", "en", "Rome", Status.CANCELLED),
        ("The president should have visited Paris and Rome last week.", "en", "Rome", Status.CANCELLED),
        (
            "Le président aurait dû se rendre à Paris et à Rome la semaine dernière.",
            "fr",
            "Rome",
            Status.CANCELLED,
        ),
        (
            "Il presidente avrebbe dovuto visitare Parigi e Roma la settimana scorsa.",
            "it",
            "Roma",
            Status.CANCELLED,
        ),
        (
            "El presidente debería haber visitado París y Roma la semana pasada.",
            "es",
            "Roma",
            Status.CANCELLED,
        ),
        ("The president will visit Paris, Berlin and Rome next month.", "en", "Rome", Status.PLANNED),
        ("Le président se rendra à Paris, Berlin et Rome le mois prochain.", "fr", "Rome", Status.PLANNED),
        (
            "The minister, who cancelled her visits to Paris, Berlin and Rome, flew to Tunis on Monday.",
            "en",
            "Berlin",
            Status.CANCELLED,
        ),
    ],
)
def test_a_list_keeps_inheriting(
    text: str, lang: str, place: str, status: Status, extractor: Extractor
) -> None:
    assert _status(text, lang, place, extractor) is status
