"""A sentence without a subject carries on the subject before it, never a person who is only the
object of a preposition there ("luogo caro a Macron", "un lieu cher à Macron", "un lugar querido
para Macron"): such a person is no traveller of a stop (see ``traveller_before``), and no subject
to carry either. Every text is written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor
from tests.extract.support import trips_by_traveller

pytestmark = pytest.mark.data

WEDNESDAY = dt.date(2024, 5, 8)


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        (
            "Il presidente cinese Xi Jinping è arrivato ieri a Belgrado. Xi era giunto domenica a "
            "Parigi, dove ha incontrato Emmanuel Macron. Martedì i due presidenti si sono spostati "
            "sui Pirenei, luogo caro a Macron che vi passava le vacanze. Oggi il leader cinese ha "
            "firmato accordi con Vučić. In serata partirà per Budapest.",
            "it",
            "Budapest",
        ),
        (
            "Le président chinois Xi Jinping est arrivé hier à Belgrade. Xi était arrivé dimanche à "
            "Paris, où il a rencontré Emmanuel Macron. Mardi, les deux présidents se sont rendus dans "
            "les Pyrénées, un lieu cher à Macron qui y passait ses vacances. Aujourd'hui, le dirigeant "
            "chinois a signé des accords avec Vučić. Dans la soirée, il partira pour Budapest.",
            "fr",
            "Budapest",
        ),
        (
            "El presidente chino Xi Jinping llegó ayer a Belgrado. Xi había llegado el domingo a París, "
            "donde se reunió con Emmanuel Macron. El martes los dos presidentes se trasladaron a los "
            "Pirineos, un lugar querido para Macron, que pasaba allí sus vacaciones. Hoy el líder chino "
            "firmó acuerdos con Vučić. Por la noche partirá hacia Budapest.",
            "es",
            "Budapest",
        ),
    ],
)
def test_a_person_after_a_preposition_is_not_the_subject_carried_on(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    trips = trips_by_traveller(text, lang, extractor, WEDNESDAY)
    assert place.lower() in trips.get("Xi Jinping", set()), trips
    assert not any(place.lower() in stops for who, stops in trips.items() if who != "Xi Jinping"), trips


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Il presidente cinese Xi Jinping è arrivato ieri a Belgrado. Martedì il presidente francese "
            "Emmanuel Macron ha parlato ai giornalisti. Oggi il presidente cinese ha firmato accordi con "
            "Vučić. In serata partirà per Budapest.",
            "it",
        ),
        (
            "El presidente chino Xi Jinping llegó ayer a Belgrado. El martes el presidente francés Emmanuel "
            "Macron habló con los periodistas. Hoy el presidente chino firmó acuerdos con Vučić. Por la "
            "noche partirá hacia Budapest.",
            "es",
        ),
        (
            "Le président chinois Xi Jinping est arrivé hier à Belgrade. Mardi, le président français "
            "Emmanuel Macron a parlé aux journalistes. Aujourd'hui, le président chinois a signé des "
            "accords avec Vučić. Dans la soirée, il partira pour Budapest.",
            "fr",
        ),
    ],
)
def test_a_sentence_that_opens_with_a_bare_title_gives_its_subject_to_the_next(
    text: str, lang: str, extractor: Extractor
) -> None:
    """A title with no name that opens a short sentence ("Oggi il presidente cinese ha firmato")
    is its subject, the person the article introduced with that title and nationality; the next
    sentence without a subject carries it on, not the person named in the sentence before."""
    trips = trips_by_traveller(text, lang, extractor, WEDNESDAY)
    assert "budapest" in trips.get("Xi Jinping", set()), trips
    assert "budapest" not in trips.get("Emmanuel Macron", set()), trips
