"""The tense of a stop's own clause, not that of a clause set off before it, tells its status.

Rule of language, checked on sentences written for the suite in the languages that set a
relative clause off with commas: a conditional in a clause closed before the place ("La ministre,
qui aurait dû rester chez elle, est arrivée lundi à Tunis") does not make the place planned; the
verb of the place's own clause does (confirmed for a past, planned for a future or conditional).
"""

from __future__ import annotations

import pytest

from itinerary.extract import Extractor
from itinerary.model import Status
from tests.extract.support import tuesday_status as _status

pytestmark = pytest.mark.data

CASES = [
    (
        "La ministre, qui aurait dû rester chez elle, est arrivée lundi à Tunis.",
        "fr",
        "Tunis",
        Status.CONFIRMED,
    ),
    (
        "La ministra, que habría preferido quedarse en casa, llegó el lunes a Túnez.",
        "es",
        "Túnez",
        Status.CONFIRMED,
    ),
    (
        "La ministra, che avrebbe preferito restare a casa, è arrivata lunedì a Tunisi.",
        "it",
        "Tunisi",
        Status.CONFIRMED,
    ),
    (
        "The minister, who would have preferred to stay at home, arrived in Tunis on Monday.",
        "en",
        "Tunis",
        Status.CONFIRMED,
    ),
    # the place's own clause in the future or the conditional: planned, whatever came before
    ("Le ministre, qui est rentré hier de Rome, se rendra jeudi à Tunis.", "fr", "Tunis", Status.PLANNED),
    ("La ministra, que regresó ayer, viajaría el jueves a Túnez.", "es", "Túnez", Status.PLANNED),
    ("Le ministre a déclaré qu'il se rendrait jeudi à Tunis.", "fr", "Tunis", Status.PLANNED),
]


@pytest.mark.parametrize(
    ("text", "lang", "place", "want"), CASES, ids=[f"{c[1]}-{c[3].value}" for c in CASES]
)
def test_the_places_own_clause_tells_its_status(
    text: str, lang: str, place: str, want: Status, extractor: Extractor
) -> None:
    assert _status(text, lang, place, extractor) is want
