"""Guests: a host who receives a named person in the active voice is at home; the person received
travels there.

A rule of language, checked in several languages on sentences written for the suite: "X received
(welcomed, hosted) Y in Z", "X a reçu lundi à Z Y", "X принял в Z Y" tells that Y came to Z. The
place is Y's stop, and X, at home, makes no trip of it. Without a named guest ("hosted a summit in
Paris", "empfing die Regierungschefs") the host is at home and nobody's stop is told
(``tests/extract/test_recall.py``).
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor
from tests.extract.support import trips_by_traveller

pytestmark = pytest.mark.data

PUBLISHED = dt.date(2026, 3, 12)  # a Thursday

RECEIVED = [
    (
        "en",
        "Egyptian President Abdel Fattah al-Sisi welcomed Indian Prime Minister Narendra Modi in Cairo on "
        "Sunday for talks on trade.",
        "Modi",
        "Sisi",
        "cairo",
    ),
    (
        "fr",
        "Le roi Mohammed VI a reçu lundi à Rabat le président français Emmanuel Macron pour un dîner d'État.",
        "Macron",
        "Mohammed",
        "rabat",
    ),
    (
        "de",
        "Bundeskanzler Friedrich Merz begrüßte am Montag in Hamburg den französischen Präsidenten "
        "Emmanuel Macron.",
        "Macron",
        "Merz",
        "hamburg",
    ),
    (
        "es",
        "El presidente Gustavo Petro recibió el lunes en Bogotá al presidente francés Emmanuel Macron.",
        "Macron",
        "Petro",
        "bogotá",
    ),
    (
        "it",
        "Il presidente Sergio Mattarella riceverà giovedì a Milano il presidente tedesco Frank-Walter "
        "Steinmeier.",
        "Steinmeier",
        "Mattarella",
        "milano",
    ),
    (
        "pt",
        "O presidente angolano João Lourenço recebeu na segunda-feira em Luanda o presidente francês "
        "Emmanuel Macron.",
        "Macron",
        "Lourenço",
        "luanda",
    ),
    (
        "ru",
        "Александр Лукашенко в понедельник принял в Минске президента России Владимира Путина.",
        "Путин",
        "Лукашенко",
        "минск",
    ),
]


@pytest.mark.parametrize(("lang", "text", "guest", "host", "place"), RECEIVED, ids=[c[0] for c in RECEIVED])
def test_the_person_a_host_receives_travels_there(
    lang: str, text: str, guest: str, host: str, place: str, extractor: Extractor
) -> None:
    trips = trips_by_traveller(text, lang, extractor, PUBLISHED)
    assert any(guest in who and place in stops for who, stops in trips.items()), trips
    assert not any(host in who for who in trips), trips


WILL_RECEIVE = [
    (
        "en",
        "Kenyan President William Ruto will host French President Emmanuel Macron in Mombasa on Friday.",
        "Macron",
        "Ruto",
        "mombasa",
    ),
    (
        "it",
        "La premier Giorgia Meloni riceverà venerdì a Firenze il presidente francese Emmanuel Macron.",
        "Macron",
        "Meloni",
        "firenze",
    ),
]


@pytest.mark.parametrize(
    ("lang", "text", "guest", "host", "place"), WILL_RECEIVE, ids=[c[0] for c in WILL_RECEIVE]
)
def test_the_person_a_host_will_receive_is_the_traveller(
    lang: str, text: str, guest: str, host: str, place: str, extractor: Extractor
) -> None:
    # the future of the verb ("will host") is no passive ("was hosted": the subject is the guest)
    trips = trips_by_traveller(text, lang, extractor, PUBLISHED)
    assert any(guest in who and place in stops for who, stops in trips.items()), trips
    assert not any(host in who for who in trips), trips
