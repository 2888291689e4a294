"""A person met by the traveller who is the subject of a relative clause with a travel verb ("met
Chancellor X, who had flown in from Berlin") makes that leg: the stop goes to them, not to the
person who met them. A place outside the relative clause stays the traveller's.

Rules of language, checked in English and Italian on sentences written for the suite.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor
from tests.extract.support import trips_by_traveller

PUBLISHED = dt.date(2026, 3, 12)

CASES = [
    (
        "en",
        "On Monday President Joe Biden met Chancellor Olaf Scholz, who had flown in from Berlin, "
        "in the Oval Office in Washington.",
        "berlin",
        "Biden",
    ),
    (
        "it",
        "A Roma il presidente Sergio Mattarella ha incontrato il cancelliere Olaf Scholz, che era arrivato "
        "da Berlino in mattinata.",
        "berlin",
        "Mattarella",
    ),
]


def _of(trips: dict[str, set[str]], surname: str) -> set[str]:
    return set().union(*[stops for who, stops in trips.items() if surname in who])


@pytest.mark.parametrize(("lang", "text", "place", "host"), CASES, ids=[c[0] for c in CASES])
def test_the_subject_of_a_relative_clause_makes_its_leg(
    lang: str, text: str, place: str, host: str, extractor: Extractor
) -> None:
    trips = trips_by_traveller(text, lang, extractor, PUBLISHED)
    assert place in _of(trips, "Scholz"), trips
    assert place not in _of(trips, host), trips


def test_a_place_after_the_relative_clause_stays_the_travellers(extractor: Extractor) -> None:
    trips = trips_by_traveller(CASES[0][1], "en", extractor, PUBLISHED)
    assert "washington" in _of(trips, "Biden"), trips
