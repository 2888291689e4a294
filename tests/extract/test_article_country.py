"""A name several places share is read in the country the article is about: the town of that
name in the country most of the article's places lie in, when the article names the other
reading's country nowhere else. A national capital keeps its reading.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Article, Extractor

TUESDAY = dt.date(2026, 3, 10)


def _places(text: str, lang: str, extractor: Extractor) -> dict[str, str]:
    """Place text -> the country code of its record, for every place mention of the text."""
    doc = extractor.analyse(Article(text=text, published=TUESDAY, language=lang))
    return {p.text: p.record.country_code for s in doc.sentences for p in s.places if p.record is not None}


@pytest.mark.parametrize(
    ("text", "lang", "name", "country"),
    [
        (
            "O Presidente português recebeu na terça-feira o rei de Espanha em Lisboa. Na quarta-feira, "
            "os dois visitaram o Porto e Coimbra. À tarde, o rei foi recebido em Belém.",
            "pt",
            "Belém",
            "PT",
        ),
        (
            "El presidente Ortega llegó el martes a Managua. El miércoles viajó a León y a Masaya, y el "
            "jueves visitó Granada.",
            "es",
            "Granada",
            "NI",
        ),
        (
            "El presidente Sánchez llegó el martes a Sevilla. El miércoles viajó a Málaga y a Cádiz, y el "
            "jueves visitó Granada.",
            "es",
            "Cádiz",
            "ES",
        ),
        (
            "The president flew to Managua on Tuesday and to Masaya and Chinandega on Wednesday before "
            "a rally in Granada.",
            "en",
            "Granada",
            "NI",
        ),
    ],
)
def test_a_shared_name_is_read_in_the_country_of_the_article(
    text: str, lang: str, name: str, country: str, extractor: Extractor
) -> None:
    assert _places(text, lang, extractor).get(name) == country


@pytest.mark.parametrize(
    ("text", "lang", "name", "country"),
    [
        (
            # a capital keeps its reading, whatever the article's country
            "El presidente Petro llegó el martes a Medellín. El miércoles viajó a Cali y a Barranquilla, "
            "y el jueves voló a Madrid.",
            "es",
            "Madrid",
            "ES",
        ),
        (
            # the other reading's country is named: the article may well be there
            "Lula recebeu na terça-feira em Brasília os governadores. Na quarta-feira viajou para Manaus e "
            "depois para Belém.",
            "pt",
            "Belém",
            "BR",
        ),
    ],
)
def test_a_capital_or_a_reading_the_article_supports_stays(
    text: str, lang: str, name: str, country: str, extractor: Extractor
) -> None:
    assert _places(text, lang, extractor).get(name) == country
