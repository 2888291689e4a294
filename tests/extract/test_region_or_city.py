"""A name shared by a first-level region and a town in it names the region, unless the town is
the region's seat or a national capital ("Tver", "Salzburg", "Kyiv") or a large city in its own
right: news about "Brandenburg" means the German state, not the town on the Havel (Potsdam is the
seat), while "Salzburg" means the city that gives the state its name.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Article, Extractor

pytestmark = pytest.mark.data

TUESDAY = dt.date(2026, 3, 10)


def _kinds(text: str, lang: str, extractor: Extractor) -> dict[str, str]:
    """The kind of place each mention resolves to (whether it is a stop is the model's call)."""
    doc = extractor.analyse(Article(text=text, published=TUESDAY, language=lang))
    return {p.text: p.record.kind for s in doc.sentences for p in s.places if p.record is not None}


@pytest.mark.parametrize(
    ("lang", "text", "place", "kind"),
    [
        ("de", "Am Montag reiste der Präsident nach Brandenburg.", "Brandenburg", "region"),
        ("en", "On Monday the president travelled to Brandenburg.", "Brandenburg", "region"),
        ("ru", "В понедельник президент посетил Бранденбург.", "Бранденбург", "region"),
        # the seat that names its region, and a national capital, stay cities
        ("de", "Am Montag reiste der Präsident nach Salzburg.", "Salzburg", "city"),
        ("ru", "В понедельник президент посетил Тверь.", "Тверь", "city"),
        ("en", "On Monday the president travelled to Kyiv.", "Kyiv", "city"),
        # a large city that is not its state's seat stays the city
        ("es", "El lunes el presidente viajó a Veracruz.", "Veracruz", "city"),
    ],
)
def test_region_or_its_town(lang: str, text: str, place: str, kind: str, extractor: Extractor) -> None:
    assert _kinds(text, lang, extractor).get(place) == kind
