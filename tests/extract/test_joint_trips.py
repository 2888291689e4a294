"""A joint trip: persons said to travel together make every later stop of the trip that no
sentence gives to one of them alone ("Their first stop was Irpin"), each on their own trip; a
stop a sentence gives to one person alone stays theirs.

Rules of language, checked in three languages on sentences written for the suite.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor
from tests.extract.support import trips_by_traveller

PUBLISHED = dt.date(2026, 3, 12)  # a Thursday

JOINT = [
    (
        "en",
        "President Emmanuel Macron, Chancellor Olaf Scholz and Prime Minister Mario Draghi arrived together "
        "in Kyiv on Thursday morning after a night on the train. Their first stop was Irpin, where the mayor "
        "showed them the ruined houses.",
        ("Macron", "Scholz", "Draghi"),
    ),
    (
        "it",
        "Il presidente francese Emmanuel Macron e il cancelliere Olaf Scholz sono arrivati insieme a Kiev "
        "stamattina dopo una notte in treno. La prima tappa è stata Irpin, dove il sindaco ha mostrato le "
        "case distrutte.",
        ("Macron", "Scholz"),
    ),
    (
        "de",
        "Präsident Emmanuel Macron und Bundeskanzler Olaf Scholz sind am Donnerstagmorgen gemeinsam mit dem "
        "Zug in Kiew angekommen. Die erste Station war Irpin, wo der Bürgermeister ihnen die zerstörten "
        "Häuser zeigte.",
        ("Macron", "Scholz"),
    ),
]


def _with(trips: dict[str, set[str]], surname: str) -> set[str]:
    found = [stops for who, stops in trips.items() if surname in who]
    assert found, f"no trip of {surname}: {trips}"
    return found[0]


@pytest.mark.parametrize(("lang", "text", "party"), JOINT, ids=[c[0] for c in JOINT])
def test_every_member_of_a_joint_trip_makes_its_later_stops(
    lang: str, text: str, party: tuple[str, ...], extractor: Extractor
) -> None:
    trips = trips_by_traveller(text, lang, extractor, PUBLISHED)
    for surname in party:
        assert "irpin" in _with(trips, surname), (surname, trips)


ALONE = [
    (
        "en",
        "President Emmanuel Macron, Chancellor Olaf Scholz and Prime Minister Mario Draghi arrived together "
        "in Kyiv on Thursday morning. On Friday Macron flew on to Chisinau.",
    ),
    (
        "it",
        "Il presidente francese Emmanuel Macron e il cancelliere Olaf Scholz sono arrivati insieme a Kiev "
        "stamattina. Venerdì Macron è volato a Chisinau.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), ALONE, ids=[c[0] for c in ALONE])
def test_a_stop_given_to_one_member_alone_stays_theirs(lang: str, text: str, extractor: Extractor) -> None:
    trips = trips_by_traveller(text, lang, extractor, PUBLISHED)
    assert "chișinău" in _with(trips, "Macron") or "chisinau" in _with(trips, "Macron"), trips
    assert not {"chisinau", "chișinău"} & _with(trips, "Scholz"), trips
