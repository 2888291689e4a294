"""A gazetteer hit is not evidence of a place: an acronym in capitals is no city known by a rare
alternate name, and a romanisation's syllables are no city's name; a city's name in capitals
still is one.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Article, Extractor

TUESDAY = dt.date(2026, 3, 10)


def _places(text: str, lang: str, extractor: Extractor) -> dict[str, str]:
    """Place text -> the name of its record, for every place mention of the text."""
    doc = extractor.analyse(Article(text=text, published=TUESDAY, language=lang))
    return {p.text: p.record.name for s in doc.sentences for p in s.places if p.record is not None}


@pytest.mark.parametrize(
    ("text", "lang", "acronym", "place"),
    [
        (
            "The president landed on Tuesday at the new AIFA airport north of Mexico City.",
            "en",
            "AIFA",
            "Mexico City",
        ),
        (
            "El presidente aterrizó el martes en el nuevo aeropuerto AIFA, al norte de Monterrey.",
            "es",
            "AIFA",
            "Monterrey",
        ),
        (
            "O presidente chegou na terça-feira a Lisboa, onde a AIFA apresentou o seu relatório.",
            "pt",
            "AIFA",
            "Lisboa",
        ),
    ],
)
def test_an_acronym_is_no_city(text: str, lang: str, acronym: str, place: str, extractor: Extractor) -> None:
    places = _places(text, lang, extractor)
    assert place in places and acronym not in places, places


@pytest.mark.parametrize(
    ("text", "lang", "name", "city"),
    [
        (
            "KIEW (dpa) - Der Kanzler ist am Dienstag in der ukrainischen Hauptstadt eingetroffen.",
            "de",
            "KIEW",
            "Kyiv",
        ),
        (
            "ROMA, 10 mar - Il presidente è arrivato oggi a Milano per una visita di due giorni.",
            "it",
            "ROMA",
            "Rome",
        ),
    ],
)
def test_a_dateline_city_in_capitals_is_the_city(
    text: str, lang: str, name: str, city: str, extractor: Extractor
) -> None:
    assert _places(text, lang, extractor).get(name) == city
