"""The ``no_traveller`` feature: no person or title of the article can be the one at the place.

A leader's trip names the leader (or their title) before it is told; a place the travel rules read
as a stop with nobody to make the trip is a trip word about something else ("they may not travel
to Miami", "a new round is expected in Muscat", "the river rose again in Porto Alegre"), so the
stop model weighs it. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor
from tests.extract.support import candidates_by_place

pytestmark = pytest.mark.data

DAY = dt.date(2026, 3, 10)

#: (language, article, a place the travel rules read as a stop, whether nobody can travel there)
CASES = [
    (
        "es",
        "Sanciones a funcionarios venezolanos\n\nWASHINGTON (AFP) - El Tesoro impuso este martes sanciones a "
        "quince funcionarios venezolanos. Las sanciones congelan sus bienes y les prohíben viajar a Miami.",
        "Miami",
        True,
    ),
    (
        "es",
        "Sánchez viaja a Rabat\n\nMADRID (EFE) - El presidente del Gobierno, Pedro Sánchez, viajó este lunes "
        "a Rabat. Después viajará a Tánger.",
        "Tánger",
        False,
    ),
    (
        "fr",
        "Sanctions contre des entreprises chinoises\n\nWASHINGTON (AFP) - Les États-Unis ont annoncé mardi "
        "des sanctions contre des entreprises chinoises. Une nouvelle session de discussions est attendue à "
        "Mascate à la fin du mois.",
        "Mascate",
        True,
    ),
    (
        "fr",
        "Macron au Maroc\n\nPARIS (AFP) - Le président Emmanuel Macron est arrivé lundi à Rabat. "
        "Il se rendra mardi à Tanger.",
        "Tanger",
        False,
    ),
]


@pytest.mark.parametrize(("lang", "text", "place", "want"), CASES, ids=[f"{c[0]}-{c[3]}" for c in CASES])
def test_no_traveller(lang: str, text: str, place: str, want: bool, extractor: Extractor) -> None:
    d = candidates_by_place(text, lang, extractor, DAY)[place]
    assert d.rule, f"{place} should be a rule stop for this test to mean anything"
    assert d.features.get("no_traveller") == float(want)
