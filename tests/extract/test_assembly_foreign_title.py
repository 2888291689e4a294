"""A bare title the sentence gives a nationality ("il presidente americano", "el presidente
francés") names another person than the article's main traveller when the main traveller is not
known to be of that country: their stop gets a trip of its own under that title instead of being
filed under the main traveller. A title the article gave the main traveller stays theirs.

Rules of language, checked in Italian and Spanish (English control) on sentences written for the
suite.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor
from tests.extract.support import trips_by_traveller

PUBLISHED = dt.date(2026, 3, 12)

CASES = [
    (
        "it",
        "La premier Giorgia Meloni è arrivata ieri a Hiroshima per il vertice del G7. Anche il presidente "
        "americano ha dovuto cambiare programma e ha annullato la tappa in Australia.",
        "Meloni",
        "hiroshima",
        "australia",
    ),
    (
        "es",
        "El presidente Gustavo Petro llegó el lunes a Madrid. El presidente francés, en cambio, canceló su "
        "viaje a Lima.",
        "Petro",
        "madrid",
        "lima",
    ),
]


@pytest.mark.parametrize(("lang", "text", "main", "own", "other"), CASES, ids=[c[0] for c in CASES])
def test_a_title_of_another_nationality_travels_on_its_own_trip(
    lang: str,
    text: str,
    main: str,
    own: str,
    other: str,
    extractor: Extractor,
) -> None:
    trips = trips_by_traveller(text, lang, extractor, PUBLISHED)
    mains = [stops for who, stops in trips.items() if main in who]
    assert mains and own in mains[0], trips
    assert other not in mains[0], trips
    assert any(other in stops for who, stops in trips.items() if main not in who), trips


def test_the_main_travellers_own_title_stays_theirs(extractor: Extractor) -> None:
    text = "President Joe Biden arrived in Tokyo on Monday. The American president then flew to Seoul."
    trips = trips_by_traveller(text, "en", extractor, PUBLISHED)
    assert list(trips) == ["Joe Biden"], trips
    assert {"tokyo", "seoul"} <= trips["Joe Biden"], trips
