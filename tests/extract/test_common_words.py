"""Capitalised common words that some gazetteer entry is named after: an institution ("Parlamento",
"República", "Sénat") or a common noun standing alone is no place, whatever palace, district or
village bears that name; a town of that name after a travel preposition still is one.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Article, Extractor
from itinerary.extract.steps.places import word_zipf

TUESDAY = dt.date(2026, 3, 10)


def _places(text: str, lang: str, extractor: Extractor) -> dict[str, str]:
    """Place text -> the kind of its record, for every place mention of the text."""
    doc = extractor.analyse(Article(text=text, published=TUESDAY, language=lang))
    return {p.text: p.record.kind for s in doc.sentences for p in s.places if p.record is not None}


@pytest.mark.parametrize(
    ("text", "lang", "word", "place"),
    [
        (
            "El presidente del Parlamento recibió el martes en Lisboa al primer ministro.",
            "es",
            "Parlamento",
            "Lisboa",
        ),
        (
            "El ministro del Interior llegó el martes a Lima para una reunión regional.",
            "es",
            "Interior",
            "Lima",
        ),
        (
            "O Presidente da República chegou na terça-feira a Luanda para uma visita de dois dias.",
            "pt",
            "República",
            "Luanda",
        ),
        (
            "O comandante da Guarda chegou na terça-feira a Luanda.",
            "pt",
            "Guarda",
            "Luanda",
        ),
        (
            "Il ministro, arrivato ieri a Tokyo, ha detto che la decisione sarà presa in Parlamento.",
            "it",
            "Parlamento",
            "Tokyo",
        ),
        (
            "Le président du Sénat a reçu mardi le ministre à Dakar.",
            "fr",
            "Sénat",
            "Dakar",
        ),
    ],
)
def test_an_institution_or_common_noun_alone_is_no_place(
    text: str, lang: str, word: str, place: str, extractor: Extractor
) -> None:
    found = _places(text, lang, extractor)
    assert place in found
    assert word not in found


@pytest.mark.parametrize(
    ("text", "lang", "town"),
    [
        ("O ministro visitou na terça-feira a Guarda.", "pt", "Guarda"),
        ("Le président s'est rendu mardi à Sens pour inaugurer un musée.", "fr", "Sens"),
        ("The prince travelled to Bath on Tuesday to open a museum.", "en", "Bath"),
    ],
)
def test_a_town_named_by_a_common_word_after_a_travel_preposition_stays(
    text: str, lang: str, town: str, extractor: Extractor
) -> None:
    assert town in _places(text, lang, extractor)


@pytest.mark.parametrize(
    ("text", "lang", "city"),
    [
        ("Il presidente della Repubblica ha incontrato il sindaco di Napoli.", "it", "Napoli"),
        ("Der Minister traf am Dienstag in Essen ein.", "de", "Essen"),
        ("ROMA – Il ministro ha lasciato ieri la capitale.", "it", "ROMA"),
    ],
)
def test_a_large_city_named_by_a_frequent_word_stays(
    text: str, lang: str, city: str, extractor: Extractor
) -> None:
    assert city in _places(text, lang, extractor)


def test_a_language_without_frequencies_reads_no_word_as_common() -> None:
    assert word_zipf("parlamento", "it") > word_zipf("parlamento", "en")
    assert word_zipf("parlamento", "zz") == 0.0
