"""The place a traveller comes back from is a place the trip reached: "returned from Nairobi",
"regresó de Nairobi", "вернулся из Найроби", "est rentré de Nairobi". A general fact of every
language: coming back from a place tells that one was there.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor, extract

pytestmark = pytest.mark.data

TUESDAY = dt.date(2026, 3, 10)


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("en", "President Anna Berg returned from Nairobi on Monday.", "Nairobi"),
        ("en", "Back from Nairobi, President Anna Berg met her cabinet on Monday.", "Nairobi"),
        ("es", "La presidenta Anna Berg regresó el lunes de Nairobi.", "Nairobi"),
        ("es", "La presidenta Anna Berg volvió de Nairobi el lunes.", "Nairobi"),
        ("fr", "La présidente Anna Berg est rentrée lundi de Nairobi.", "Nairobi"),
        ("fr", "De retour de Nairobi, la présidente Anna Berg a réuni lundi son gouvernement.", "Nairobi"),
        ("it", "La presidente Anna Berg è rientrata lunedì da Nairobi.", "Nairobi"),
        ("pt", "A presidente Anna Berg regressou na segunda-feira de Nairóbi.", "Nairóbi"),
        ("pt", "A presidente Anna Berg voltou de Nairóbi na segunda-feira.", "Nairóbi"),
        ("ru", "Президент Анна Берг вернулась из Найроби в понедельник.", "Найроби"),
        ("de", "Präsidentin Anna Berg ist am Montag aus Nairobi zurückgekehrt.", "Nairobi"),
    ],
)
def test_the_place_one_returns_from_was_reached(
    lang: str, text: str, place: str, extractor: Extractor
) -> None:
    it = extract(text, published=TUESDAY, language=lang, extractor=extractor)
    got = {str(s.place): s for _, _, s in it.stops()}
    assert place in got, sorted(got)
    assert got[place].status.value == "confirmed"
