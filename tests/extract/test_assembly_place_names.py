"""A name written after a noun of places ("the village of Ashwell", "das Grenzdorf Kulm") is the
place's name, not a person's: not in that sentence, nor where the name recurs alone. A stop is
then not given to a "traveller" who is a village, and the village can be a stop.

Rules of language, checked in German and English on sentences written for the suite.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Article, Extractor

PUBLISHED = dt.date(2026, 3, 12)

CASES = [
    (
        "de",
        "Gegen Mittag traf die Kanzlerin in dem kleinen Grenzdorf Kulm ein. Kulm liegt an der Oder. "
        "Am Abend fuhr sie weiter nach Görlitz.",
        "Kulm",
    ),
    (
        "de",
        "Der Minister besuchte am Dienstag das Winzerdorf Ahrweiler. In Ahrweiler sprach er mit Helfern.",
        "Ahrweiler",
    ),
    (
        "en",
        "On Monday the prime minister arrived in the small village of Ashwell, where floods destroyed "
        "homes. Ashwell lies north of London.",
        "Ashwell",
    ),
]


@pytest.mark.parametrize(("lang", "text", "place"), CASES, ids=[f"{c[0]}-{c[2]}" for c in CASES])
def test_a_name_after_a_place_noun_is_no_person(
    lang: str, text: str, place: str, extractor: Extractor
) -> None:
    doc = extractor.analyse(Article(text=text, published=PUBLISHED, language=lang))
    persons = {p.name for s in doc.sentences for p in s.persons}
    assert not any(place in name for name in persons), persons
    assert not any(c.traveller and place in c.traveller for c in doc.candidates), [
        (c.place.text, c.traveller) for c in doc.candidates
    ]


def test_the_village_becomes_a_stop_of_the_traveller(extractor: Extractor) -> None:
    text = CASES[0][1]
    doc = extractor.analyse(Article(text=text, published=PUBLISHED, language="de"))
    assert "Kulm" in {c.place.text for c in doc.candidates}


@pytest.mark.parametrize(
    ("lang", "text", "person"),
    [
        ("en", "The mayor of the village, John Miller, flew to Brussels on Monday.", "John Miller"),
        (
            "de",
            "Bundeskanzler Olaf Scholz besuchte am Montag die Hafenstadt Rostock. "
            "Danach flog Scholz nach Brüssel.",
            "Olaf Scholz",
        ),
    ],
)
def test_the_traveller_beside_a_place_noun_stays_a_person(
    lang: str, text: str, person: str, extractor: Extractor
) -> None:
    doc = extractor.analyse(Article(text=text, published=PUBLISHED, language=lang))
    persons = {p.name for s in doc.sentences for p in s.persons}
    assert any(person in name for name in persons), persons
