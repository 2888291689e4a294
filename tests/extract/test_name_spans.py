"""Where a person's name begins: a word of the language's closed classes (a preposition, an
interrogative, an adverb of negation) capitalised because it opens the sentence is no part of the
name that follows it ("Für Steinmeier ist es ...", "Куда Лукашенко отправится ..."), and a frequent
common word before a surname the article gives with another first name is not a first name
("Самолет Лукашенко приземлился ...": the plane, not a person). The sentences are written for the
suite; for the second rule the traveller of the trip is checked, as ``itinerary build`` names
trips after it."""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor, extract
from itinerary.extract.lang import lexicon
from itinerary.extract.text import opens_no_name

pytestmark = pytest.mark.data

PUBLISHED = dt.date(2024, 5, 8)  # a Wednesday


def travellers(text: str, lang: str, extractor: Extractor) -> set[str]:
    it = extract(text, published=PUBLISHED, language=lang, extractor=extractor)
    return {t.traveller for t in it.trips}


#: words of a closed class that open sentences before a name, and words that may begin one
CLOSED_CLASS = [
    ("de", "Für", True),
    ("en", "For", True),
    ("es", "Para", True),
    ("it", "Niente", True),
    ("pt", "Para", True),
    ("ru", "Куда", True),
    ("fr", "Pour", True),
    ("de", "Von", False),  # "Von der Leyen"
    ("it", "Di", False),  # "Di Maio"
    ("pt", "Dos", False),  # "Dos Santos"
    ("ru", "Ли", False),  # "Ли Цян", a family name written first
    ("en", "Albanese", False),
    ("ru", "Самолет", False),  # a noun: the next rule's business
]


@pytest.mark.parametrize(
    ("lang", "word", "closed"), CLOSED_CLASS, ids=[f"{c[0]}-{c[1]}" for c in CLOSED_CLASS]
)
def test_a_closed_class_word_opening_the_sentence_begins_no_name(lang: str, word: str, closed: bool) -> None:
    assert opens_no_name(word, lexicon(lang)) is closed


#: a common word opening the sentence before a surname the article gives in full elsewhere
COMMON_NOUN_BEFORE_SURNAME = [
    (
        "ru",
        "Президент Белоруссии Александр Лукашенко в субботу начал визит в Африку. "
        "Самолет Лукашенко приземлился в Малабо.",
        "Лукашенко",
        "Самолет",
    ),
    (
        "ru",
        "Президент Владимир Путин в субботу начал визит в Азию. Кортеж Путина прибыл в Ханой.",
        "Путин",
        "Кортеж",
    ),
    (
        "it",
        "Il ministro degli Esteri Antonio Tajani è partito lunedì per la Cina. "
        "Missione Tajani a Pechino. Martedì il ministro è arrivato a Shanghai.",
        "Tajani",
        "Missione",
    ),
    (
        "it",
        "La premier Giorgia Meloni è partita per il Giappone. Viaggio Meloni a Tokyo, poi Hiroshima.",
        "Meloni",
        "Viaggio",
    ),
]


@pytest.mark.parametrize(
    ("lang", "text", "surname", "not_name"),
    COMMON_NOUN_BEFORE_SURNAME,
    ids=[f"{c[0]}-{c[3]}" for c in COMMON_NOUN_BEFORE_SURNAME],
)
def test_a_common_word_before_a_surname_named_in_full_elsewhere_is_no_first_name(
    lang: str, text: str, surname: str, not_name: str, extractor: Extractor
) -> None:
    found = travellers(text, lang, extractor)
    assert found, text
    assert all(not_name not in t.split() for t in found), found
    assert all(t.endswith(surname) for t in found), found


#: names that open with a short word which is a function word of the language elsewhere
KEEP = [
    (
        "de",
        "Die Kommissionspräsidentin Ursula von der Leyen ist in der Ukraine. "
        "Von der Leyen reiste am Dienstag nach Kiew.",
        "Leyen",
    ),
    (
        "it",
        "Il ministro degli Esteri Luigi Di Maio è in Africa. Di Maio è arrivato martedì a Luanda.",
        "Di Maio",
    ),
    (
        "en",
        "Prime Minister Theresa May is in Brussels. May flew to Brussels on Tuesday for talks.",
        "May",
    ),
    (
        "ru",
        "Премьер Госсовета КНР Ли Цян находится в Европе. Ли Цян прибыл в понедельник в Берлин.",
        "Ли Цян",
    ),
]


@pytest.mark.parametrize(
    ("lang", "text", "part"),
    [
        pytest.param(*c[:3], marks=pytest.mark.xfail(reason=c[3], strict=True)) if len(c) > 3 else c
        for c in KEEP
    ],
    ids=[c[0] for c in KEEP],
)
def test_name_particles_and_surnames_that_are_also_function_words_stay(
    lang: str, text: str, part: str, extractor: Extractor
) -> None:
    found = travellers(text, lang, extractor)
    assert any(part in t for t in found), found


#: abbreviated titles, written in capitals before a name as the title in full is ("PM Modi")
ROLE_WORDS = [
    (
        "en",
        "Prime Minister Narendra Modi arrived in Moscow on Monday. Deputy Prime Minister Denis Manturov "
        "accompanied PM Modi to the hotel, and on Tuesday PM Modi flew to Vienna.",
        "PM",
    ),
]


@pytest.mark.parametrize(("lang", "text", "role"), ROLE_WORDS, ids=[f"{c[0]}-{c[2]}" for c in ROLE_WORDS])
def test_a_role_word_before_a_name_is_no_part_of_it(
    lang: str, text: str, role: str, extractor: Extractor
) -> None:
    found = travellers(text, lang, extractor)
    assert found, text
    assert all(role not in t.split() for t in found), found


def test_lady_is_a_title(extractor: Extractor) -> None:
    """ "Lady" stands before a name as a title ("First Lady Rachel Ruto", "Lady Ashton"): the
    traveller is the person, as the merge compares her."""
    text = "The President and First Lady Rachel Ruto landed in Atlanta on Monday for a state visit."
    assert travellers(text, "en", extractor) == {"Rachel Ruto"}
