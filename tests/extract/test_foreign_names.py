"""Travellers whose names are of another script or culture than the language's, which neither the
recogniser nor a title finds ("Нарендра Моди прилетел", "Xi Jinping reiste", "Shehbaz Sharif llegó").

Rules of language, each checked in at least two languages on sentences written for the suite: a
name of the project's list of known names is a person in any spelling or case form ("Ким Чен
Ына"); two capitalised words or more that are the subject of a travel word, that a title follows
in apposition, or that follow a verb of meeting are a person, unless the gazetteer knows them as a
prominent place or they hold a frequent word where nouns are capitalised; a surname written alone
with the particle of its full name ("Di Maio") is a person as a whole, no word of it a place.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Article, Extractor
from tests.extract.support import trips_by_traveller

PUBLISHED = dt.date(2026, 3, 12)  # a Thursday


def _trips(text: str, lang: str, extractor: Extractor) -> dict[str, set[str]]:
    return trips_by_traveller(text, lang, extractor, PUBLISHED)


def _persons(text: str, lang: str, extractor: Extractor) -> list[str]:
    doc = extractor.analyse(Article(text=text, published=PUBLISHED, language=lang))
    return [p.name for s in doc.sentences for p in s.persons]


def _of(trips: dict[str, set[str]], name: str) -> set[str]:
    found = [stops for who, stops in trips.items() if name in who]
    assert found, f"no trip of {name}: {trips}"
    return found[0]


# (language, text, a word of the traveller's name, a stop of theirs)
SUBJECTS = [
    # known names, in another script and in a case form
    ("ru", "Ким Чен Ын прибыл во Владивосток во вторник.", "Ким", "vladivostok"),
    ("ru", "Поезд Ким Чен Ына прибыл в Хасан во вторник.", "Ким", "хасан"),
    ("ru", "Лула да Силва прибыл в Пекин в пятницу.", "Силва", "beijing"),
    ("de", "Kim Jong-un ist am Dienstag in Wladiwostok eingetroffen.", "Kim", "vladivostok"),
    ("es", "Kim Jong-un llegó el martes a Vladivostok.", "Kim", "vladivostok"),
    # names nobody listed, the subject of a travel word
    ("es", "Shehbaz Sharif llegó el martes a Pekín.", "Sharif", "beijing"),
    ("it", "Shehbaz Sharif è arrivato martedì a Pechino.", "Sharif", "beijing"),
    ("pt", "Shehbaz Sharif chegou terça-feira a Pequim.", "Sharif", "beijing"),
    ("ru", "Шахбаз Шариф прилетел в Пекин во вторник.", "Шариф", "beijing"),
    ("fr", "Xi Jinping est arrivé lundi à Moscou.", "Xi", "moscow"),
    # a clause opens after a time word
    ("ru", "В понедельник Шахбаз Шариф прилетел в Пекин.", "Шариф", "beijing"),
    # a title in apposition
    (
        "de",
        "Shehbaz Sharif, der pakistanische Premierminister, ist am Dienstag in Berlin eingetroffen.",
        "Sharif",
        "berlin",
    ),
    ("fr", "Shehbaz Sharif, le Premier ministre pakistanais, est arrivé mardi à Paris.", "Sharif", "paris"),
]


@pytest.mark.parametrize(("lang", "text", "who", "place"), SUBJECTS, ids=[f"{c[0]}-{c[2]}" for c in SUBJECTS])
def test_a_foreign_name_is_the_traveller(
    lang: str, text: str, who: str, place: str, extractor: Extractor
) -> None:
    trips = _trips(text, lang, extractor)
    assert place in _of(trips, who), trips
    assert "Unknown traveller" not in trips, trips


# a guest the host meets is a person: the guest's later trip is the guest's, not the host's
GUESTS = [
    (
        "ru",
        "Президент России Владимир Путин принял в Москве Ким Чен Ына. Затем Ким Чен Ын отправился в Казань.",
        "Ким",
        "kazan",
    ),
    (
        "de",
        "Bundeskanzler Olaf Scholz traf Xi Jinping in Peking. Anschließend flog Xi Jinping nach Shanghai.",
        "Xi",
        "shanghai",
    ),
    (
        "es",
        "El presidente Pedro Sánchez recibió a Xi Jinping en Madrid. Después Xi Jinping viajó a Lisboa.",
        "Xi",
        "lisbon",
    ),
]


@pytest.mark.parametrize(("lang", "text", "who", "place"), GUESTS, ids=[c[0] for c in GUESTS])
def test_a_guest_met_by_the_host_is_a_person(
    lang: str, text: str, who: str, place: str, extractor: Extractor
) -> None:
    trips = _trips(text, lang, extractor)
    assert place in _of(trips, who), trips
    assert all(place not in stops for name, stops in trips.items() if who not in name), trips


def test_a_case_form_of_a_name_is_the_same_traveller(extractor: Extractor) -> None:
    text = (
        "Президент России Владимир Путин встретил Нарендру Моди в Москве. "
        "Накануне Нарендра Моди посетил Казань."
    )
    trips = _trips(text, "ru", extractor)
    modi = [who for who in trips if "Моди" in who]
    assert len(modi) == 1 and "kazan" in trips[modi[0]], trips


# capitalised runs that are no person
NOT_PERSONS = [
    ("de", "Tausende Menschen reisten am Dienstag nach Berlin."),
    ("es", "Casa Rosada anunció que el presidente viajará a Madrid."),
    ("pt", "Depois Lula chegou a Pequim."),
    ("es", "Buenos Aires recibió al presidente, que llegó a la capital el martes."),
    # the object of a preposition that opens the sentence is no subject
    ("ru", "После Объединенных Арабских Эмиратов лидер прилетел в Кению."),
    ("de", "Nach Vereinigten Arabischen Emiraten flog der Präsident nach Kenia."),
]


@pytest.mark.parametrize(("lang", "text"), NOT_PERSONS, ids=[c[0] for c in NOT_PERSONS])
def test_a_place_or_common_words_before_a_travel_word_are_no_person(
    lang: str, text: str, extractor: Extractor
) -> None:
    persons = _persons(text, lang, extractor)
    assert all(" " not in p for p in persons), persons


PARTICLES = [
    ("it", "Il ministro Luigi Di Maio è arrivato a Praia. Il giorno dopo Di Maio ha visitato Mindelo."),
    ("es", "El ministro Luigi Di Maio llegó a Praia. El martes Di Maio visitó Mindelo."),
]


@pytest.mark.parametrize(("lang", "text"), PARTICLES, ids=[c[0] for c in PARTICLES])
def test_a_surname_with_its_particle_is_one_person(lang: str, text: str, extractor: Extractor) -> None:
    persons = _persons(text, lang, extractor)
    assert "Di Maio" in persons, persons
    trips = _trips(text, lang, extractor)
    assert "maio" not in _of(trips, "Maio"), trips
    assert "mindelo" in _of(trips, "Maio"), trips


EXACT = [
    ("ru", "Губернатор Приморья Олег Кожемяко прилетел в Пхеньян во вторник.", "Олег Кожемяко"),
    ("ru", "Поезд Ким Чен Ына прибыл в Хасан во вторник.", "Ким Чен Ына"),
    ("pt", "Depois Shehbaz Sharif chegou a Pequim.", "Shehbaz Sharif"),
]


@pytest.mark.parametrize(("lang", "text", "who"), EXACT, ids=[f"{c[0]}-{i}" for i, c in enumerate(EXACT)])
def test_a_word_before_a_name_is_no_part_of_it(lang: str, text: str, who: str, extractor: Extractor) -> None:
    """What a title or a noun is of, in the genitive ("Губернатор Приморья"), and a common word
    that opens the sentence ("Поезд", "Depois") stand before the name, not in it."""
    assert list(_trips(text, lang, extractor)) == [who]


# another person's visit named by a travel noun is theirs; the main traveller stays the one the
# article names as travelling most often
OTHER_VISITS = [
    (
        "it",
        "Il ministro Antonio Tajani è arrivato lunedì a Pechino. Il memorandum fu firmato a Roma durante "
        "la visita di Stato di Xi Jinping. Tajani ha detto che l'Italia resta amica. Martedì Tajani "
        "partirà per Astana.",
        "Tajani",
        "rome",
    ),
    (
        "es",
        "El ministro José Manuel Albares llegó el lunes a Pekín. El acuerdo se firmó en Madrid durante la "
        "visita de Estado de Xi Jinping. Albares dijo que España sigue siendo amiga. El martes Albares "
        "viajará a Astaná.",
        "Albares",
        "madrid",
    ),
]


@pytest.mark.parametrize(("lang", "text", "main", "other"), OTHER_VISITS, ids=[c[0] for c in OTHER_VISITS])
def test_another_persons_visit_is_not_the_main_travellers(
    lang: str, text: str, main: str, other: str, extractor: Extractor
) -> None:
    trips = _trips(text, lang, extractor)
    assert {"astana", "beijing"} <= _of(trips, main) and other not in _of(trips, main), trips
