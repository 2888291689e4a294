"""A surname written alone after the full name, and a place after an adjective of position.

Rules of language, each checked in at least two languages on sentences written for the suite:
with a recogniser, a person's family name (short, written first: "Xi Jinping ... Xi") or
surname written alone where the recogniser found nobody is that person, so the stop of that
sentence is theirs, not the last person's named; an adjective of position between a preposition
and the name ("in neighbouring Uzbekistan", "nel vicino Uzbekistan") leaves the preposition to
make the place a stop.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor
from tests.extract.support import trips_by_traveller

PUBLISHED = dt.date(2026, 3, 12)  # a Thursday

ALONE = [
    (
        "en",
        "China's President Xi Jinping arrived in Kazakhstan for a state visit on Wednesday. Kazakh "
        "President Kassym-Jomart Tokayev greeted him at the airport. Xi is expected in neighbouring "
        "Uzbekistan later on Wednesday.",
        "uzbekistan",
    ),
    (
        "fr",
        "Le président chinois Xi Jinping est arrivé mercredi au Kazakhstan pour une visite d'État. Le "
        "président kazakh Kassym-Jomart Tokaïev l'a accueilli à l'aéroport. Xi est attendu jeudi à "
        "Samarcande.",
        "samarkand",
    ),
]


@pytest.mark.parametrize(("lang", "text", "stop"), ALONE, ids=[c[0] for c in ALONE])
def test_a_family_name_written_alone_is_the_person_named_in_full(
    lang: str, text: str, stop: str, extractor: Extractor
) -> None:
    trips = trips_by_traveller(text, lang, extractor, PUBLISHED)
    xi = [stops for who, stops in trips.items() if "Xi" in who]
    assert xi and stop in xi[0], trips
    others = [stops for who, stops in trips.items() if "Xi" not in who]
    assert not any(stop in stops for stops in others), trips


NEIGHBOURS = [
    (
        "en",
        "President Xi Jinping arrived in Astana on Wednesday. He is expected in neighbouring Uzbekistan "
        "later on Wednesday.",
        "uzbekistan",
    ),
    (
        "it",
        "Il presidente Xi Jinping è arrivato mercoledì ad Astana. È atteso nel vicino Uzbekistan giovedì.",
        "uzbekistan",
    ),
    (
        "pt",
        "O presidente Xi Jinping chegou na quarta-feira a Astana. É esperado no vizinho Uzbequistão na "
        "quinta-feira.",
        "uzbekistan",
    ),
]


@pytest.mark.parametrize(("lang", "text", "stop"), NEIGHBOURS, ids=[c[0] for c in NEIGHBOURS])
def test_an_adjective_of_position_keeps_the_preposition_s_stop(
    lang: str, text: str, stop: str, extractor: Extractor
) -> None:
    trips = trips_by_traveller(text, lang, extractor, PUBLISHED)
    assert any(stop in stops for stops in trips.values()), trips
