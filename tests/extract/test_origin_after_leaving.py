"""The place a verb of leaving leaves, and what a departure told in a clause of its own does to the
places after it.

Rules of language, checked on sentences written for the suite:

- In the languages where the preposition of provenance is also "of" ("de" in Spanish, Portuguese
  and French), a place right after a verb of leaving and that preposition is the place left
  ("salió de Madrid", "partiu de Brasília", "est parti de Paris", "tras salir de Madrid"): the
  trip's origin, reached before it left. A noun of the same letters after an article is no verb
  ("el partido de Madrid", the party).
- A departure word leaves the places after it not reached yet ("left Beijing for Astana") only
  until a finite verb of the past tells what the traveller did next: in "partito da Roma, ha
  fatto scalo a Dubai" the stopover happened.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor
from itinerary.model import Role, Status
from tests.extract.support import candidates_by_place, wednesday_stops

pytestmark = pytest.mark.data

THURSDAY = dt.date(2026, 3, 12)


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("es", "El presidente Sánchez salió de Madrid y aterrizó en Hanói.", "Madrid"),
        ("es", "El presidente Sánchez, tras salir de Madrid, aterrizó en Hanói.", "Madrid"),
        ("es", "El presidente Sánchez, que partió de Madrid, aterrizó en Hanói.", "Madrid"),
        ("pt", "O presidente Lula partiu de Brasília e aterrou em Hanói.", "Brasília"),
        ("pt", "O presidente Lula, depois de sair de Brasília, aterrou em Hanói.", "Brasília"),
        ("fr", "Le président Macron est parti de Paris et a atterri à Hanoï.", "Paris"),
        ("fr", "Le président Macron, parti de Paris lundi, a atterri à Hanoï.", "Paris"),
    ],
)
def test_a_place_right_after_a_verb_of_leaving_and_of_is_the_origin(
    lang: str, text: str, place: str, extractor: Extractor
) -> None:
    c = candidates_by_place(text, lang, extractor, THURSDAY)[place]
    assert c.rule and c.role is Role.ORIGIN, c.reason.text()


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("es", "Los dirigentes del partido de Madrid viajaron a Hanói.", "Madrid"),
        ("pt", "Os dirigentes do partido de Lisboa viajaram para Hanói.", "Lisboa"),
        ("es", "La salida de Madrid del torneo sorprendió a todos.", "Madrid"),
        # "a partir de", "à partir de": a preposition (from ... on), no verb of leaving
        (
            "pt",
            "O presidente Lula falou a partir do Palácio do Planalto e viajou depois para Roma.",
            "Palácio do Planalto",
        ),
        ("fr", "Le président a parlé à partir de Paris avant de se rendre à Rome.", "Paris"),
    ],
)
def test_a_noun_of_the_same_letters_is_no_verb_of_leaving(
    lang: str, text: str, place: str, extractor: Extractor
) -> None:
    c = candidates_by_place(text, lang, extractor, THURSDAY).get(place)
    assert c is None or c.role is not Role.ORIGIN


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("fr", "Le président Macron, parti de Paris lundi, a atterri à Hanoï.", "Paris"),
        ("fr", "Le président Macron est parti de Paris et a atterri à Hanoï.", "Paris"),
        ("pt", "O presidente Lula partiu de Brasília e aterrou em Hanói.", "Brasília"),
    ],
)
def test_the_place_left_is_confirmed(lang: str, text: str, place: str, extractor: Extractor) -> None:
    stops = wednesday_stops(text, lang, extractor)
    assert stops[place][0] is Status.CONFIRMED, stops


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("it", "Il capo dello Stato Mattarella, partito da Roma, ha fatto scalo a Dubai.", "Dubai"),
        (
            "it",
            "Il capo dello Stato Mattarella, partito lunedì da Roma, ha fatto tappa a Dubai.",
            "Dubai",
        ),
        (
            "de",
            "Bundeskanzler Scholz, der am Montag in Berlin abgeflogen war, "
            "legte einen Zwischenstopp in Dubai ein.",
            "Dubai",
        ),
        ("en", "President Biden left Washington on Monday and stopped over in Dubai.", "Dubai"),
    ],
)
def test_a_past_verb_after_the_departure_tells_the_place_was_reached(
    lang: str, text: str, place: str, extractor: Extractor
) -> None:
    stops = wednesday_stops(text, lang, extractor)
    assert stops[place][0] is Status.CONFIRMED, stops


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("it", "Poi il presidente è partito da Roma diretto a Tokyo.", "Tokyo"),
        ("fr", "Le président est ensuite parti de Pékin pour Astana.", "Astana"),
    ],
)
def test_with_no_verb_between_the_departure_still_leads_to_a_place_not_reached(
    lang: str, text: str, place: str, extractor: Extractor
) -> None:
    stops = wednesday_stops(text, lang, extractor)
    assert stops[place][0] is Status.PLANNED, stops
