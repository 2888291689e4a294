"""The first word of a sentence is capitalised anyway: a verb or a common word opening a sentence
("Acompanham Lula ...", "Begleiten Scholz ...", "Depois, Lula ...") is no part of a person's name,
and a given name opening a sentence stays one.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Article, Extractor

TUESDAY = dt.date(2026, 3, 10)


def _names(text: str, lang: str, extractor: Extractor) -> set[str]:
    """Every person name the extractor reads in the text."""
    doc = extractor.analyse(Article(text=text, published=TUESDAY, language=lang))
    return {p.name for s in doc.sentences for p in s.persons}


@pytest.mark.parametrize(
    ("text", "lang", "verb", "name"),
    [
        (
            "O presidente Lula chegou a Lisboa na segunda-feira. Acompanham Lula na viagem a "
            "primeira-dama e dois ministros. Depois, Lula seguiu para Madri.",
            "pt",
            "Acompanham",
            "Lula",
        ),
        (
            "Bundeskanzler Scholz ist am Montag nach Lissabon gereist. Begleiten Scholz auf der Reise "
            "zwei Minister und eine Delegation. Danach fliegt Scholz weiter nach Madrid.",
            "de",
            "Begleiten",
            "Scholz",
        ),
        (
            "El presidente Sánchez llegó el lunes a Lisboa. Acompañan Sánchez en el viaje tres "
            "ministros. Después, Sánchez voló a Roma.",
            "es",
            "Acompañan",
            "Sánchez",
        ),
        (
            "Il presidente Mattarella è arrivato lunedì a Lisbona. Accompagnano Mattarella nel "
            "viaggio due ministri. Poi, Mattarella è volato a Madrid.",
            "it",
            "Accompagnano",
            "Mattarella",
        ),
    ],
)
def test_a_verb_opening_a_sentence_is_no_part_of_the_name(
    text: str, lang: str, verb: str, name: str, extractor: Extractor
) -> None:
    names = _names(text, lang, extractor)
    assert name in names, names
    assert not any(n.split()[0] == verb for n in names), names
    opener = text.split(". ")[-1].split(",")[0]  # "Depois", "Danach", "Después", "Poi"
    assert opener not in names, names


@pytest.mark.parametrize(
    ("text", "lang", "full"),
    [
        (
            "Marco Rubio chegou a Lisboa na segunda-feira. Na terça-feira, Rubio seguiu para Madri.",
            "pt",
            "Marco Rubio",
        ),
        (
            "Gustavo Petro llegó el lunes a Lisboa para una visita. Petro voló el martes a Roma.",
            "es",
            "Gustavo Petro",
        ),
        (
            "Guido Crosetto è arrivato lunedì a Lisbona. Martedì Crosetto è volato a Madrid.",
            "it",
            "Guido Crosetto",
        ),
    ],
)
def test_a_given_name_opening_a_sentence_stays_in_the_name(
    text: str, lang: str, full: str, extractor: Extractor
) -> None:
    assert full in _names(text, lang, extractor)
