"""A well-known place right after a person's complete name, or right before it, is no part of it.

Rule of language, checked in the languages that have the form (a free word order puts the
subject's surname right before the object: German subordinate and verb-second clauses, Russian),
on sentences written for the suite: a one-word place after the last word of a name the article
gives in full ("nachdem Scholz Tokio besucht hatte", "Ранее Путин Астану посещал") is a candidate
place; a word inside a name stays refused ("Ким Чен Ына"), and so does a given name that is a
city before a surname ("Präsident Wladimir Putin" where the article knows "Putin").
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor
from itinerary.extract.article import Article

pytestmark = pytest.mark.data

PUBLISHED = dt.date(2026, 3, 12)

BESIDE = [
    (
        "de",
        "Bundeskanzler Olaf Scholz ist am Dienstag in Peking eingetroffen, nachdem Scholz Tokio "
        "besucht hatte.",
        "Tokio",
    ),
    (
        "de",
        "Außenministerin Annalena Baerbock ist in Kiew eingetroffen. Zuvor hatte Baerbock Warschau besucht.",
        "Warschau",
    ),
    ("ru", "Президент Владимир Путин прибыл в Пекин. Ранее Путин Астану посещал дважды.", "Астану"),
]


def _candidates(text: str, lang: str, extractor: Extractor) -> tuple[set[str], dict[str, str]]:
    doc = extractor.analyse(Article(text=text, published=PUBLISHED, source_id="a", language=lang))
    found = {p.text for s in doc.sentences for p in s.places}
    dropped = {t: why for s in doc.sentences for t, why in s.dropped}
    return found, dropped


@pytest.mark.parametrize(("lang", "text", "place"), BESIDE, ids=[f"{c[0]}-{c[2]}" for c in BESIDE])
def test_a_place_beside_a_complete_name_is_a_place(
    lang: str, text: str, place: str, extractor: Extractor
) -> None:
    found, dropped = _candidates(text, lang, extractor)
    assert place in found, dropped.get(place)


def test_a_given_name_before_a_surname_stays_part_of_it(extractor: Extractor) -> None:
    text = (
        "Nordkoreas Machthaber Kim Jong Un ist am Dienstag zu Gesprächen mit Präsident Wladimir Putin "
        "in Russland angekommen. Putin war bereits am Montag in Wladiwostok."
    )
    found, _ = _candidates(text, "de", extractor)
    assert "Wladimir" not in found, found


def test_a_word_inside_a_name_stays_part_of_it(extractor: Extractor) -> None:
    found, _ = _candidates("Поезд Ким Чен Ына прибыл в Хасан во вторник.", "ru", extractor)
    assert not {"Ким", "Чен", "Ына"} & found, found
