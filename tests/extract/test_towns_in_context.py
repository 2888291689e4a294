"""Small towns named beside a bigger stop: a town too small to be taken alone is a place when a
preposition introduces it and the article names a city near it.

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
    ("text", "lang", "town", "country"),
    [
        (
            "La premier è arrivata martedì a Ravenna. Nel pomeriggio si è fermata a Faenza per "
            "incontrare i volontari.",
            "it",
            "Faenza",
            "IT",
        ),
        (
            "La delegación llegó el viernes a Kiev. Los líderes visitaron después Irpin y depositaron "
            "flores en Bucha.",
            "es",
            "Bucha",
            "UA",
        ),
    ],
)
def test_a_small_town_near_a_city_of_the_article_is_a_place(
    text: str, lang: str, town: str, country: str, extractor: Extractor
) -> None:
    # the article is already near the town: the preposition and the nearby city make it a place,
    # whatever the recogniser thought of the name (a person's, an organisation's)
    assert _places(text, lang, extractor).get(town) == country


@pytest.mark.parametrize(
    ("text", "lang", "town"),
    [
        (
            "La premier è arrivata martedì a Milano. Nel pomeriggio si è fermata a Faenza per "
            "incontrare i volontari.",
            "it",
            "Faenza",
        ),
        (
            "La delegación llegó el viernes a Lisboa. Los líderes depositaron después flores en Bucha.",
            "es",
            "Bucha",
        ),
    ],
)
def test_a_small_town_far_from_the_article_is_not_taken(
    text: str, lang: str, town: str, extractor: Extractor
) -> None:
    # far from every place the article names, a small town's name is no evidence (the scan takes
    # no town alone, and a recogniser's organisation stays one)
    assert town not in _places(text, lang, extractor)


@pytest.mark.parametrize(
    ("text", "lang", "town", "country"),
    [
        (
            "Der Kanzler reiste am Dienstag nach Rheinland-Pfalz. Am Nachmittag sprach er in Bad "
            "Kreuznach mit Helfern.",
            "de",
            "Bad Kreuznach",
            "DE",
        ),
        (
            "The prime minister flew to Queensland on Tuesday and stopped in Charters Towers to meet "
            "farmers.",
            "en",
            "Charters Towers",
            "AU",
        ),
    ],
)
def test_a_small_town_of_several_words_inside_a_region_of_the_article_is_a_place(
    text: str, lang: str, town: str, country: str, extractor: Extractor
) -> None:
    # the article names the region; the town is in it: its capitalised words make one name
    assert _places(text, lang, extractor).get(town) == country


@pytest.mark.parametrize(
    ("text", "lang", "town"),
    [
        ("Der Kanzler sprach am Dienstag in Bad Kreuznach mit Helfern.", "de", "Bad Kreuznach"),
        (
            "The prime minister flew to Tasmania on Tuesday and stopped in Charters Towers to meet farmers.",
            "en",
            "Charters Towers",
        ),
    ],
)
def test_a_small_town_outside_the_regions_of_the_article_is_not_taken(
    text: str, lang: str, town: str, extractor: Extractor
) -> None:
    # no region of the article holds it and no city of the article is near: no evidence
    assert town not in _places(text, lang, extractor)
