"""Elided words: an elided article or preposition is a word of its own ("all'aeroporto" ->
"all'" + "aeroporto", "à l'aéroport" -> "à" + "l'" + "aéroport"), as spaCy's Italian and French
tokenizers split it, so the rules see the preposition and the kind word after it.

Every sentence is written for these tests, in Italian and French (the languages that elide), with
Portuguese, whose contractions are words of their own ("no", "na", "à", "pelo"), beside them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from itinerary.extract import Article, Extractor
from itinerary.extract.document import Context, Mention
from itinerary.extract.lang import language
from itinerary.extract.nlp import pipeline
from itinerary.extract.steps.roles import landmark_named, role_before
from itinerary.extract.text import word_list, words_of
from itinerary.model import Role

TUESDAY = dt.date(2026, 3, 10)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "it",
            "atterrati all'aeroporto di Rzeszów, nell'aeroporto, dall'Eliseo, sull'isola, all'Avana, "
            "d'Abidjan, l'Eliseo, quest'anno, un'isola, L'Aquila, N'Djamena",
        ),
        (
            "fr",
            "atterri à l'aéroport de Conakry, jusqu'à Abidjan, d'Abidjan, l'Élysée, lorsqu'il, "
            "presqu'île, N'Djamena, aujourd'hui",
        ),
    ],
)
def test_elided_words_split_as_the_tokenizer_splits_them(lang: str, text: str) -> None:
    tokens = [t.text for t in pipeline(lang).tokenizer(text) if not t.is_punct]
    assert words_of(text, language(lang).words) == tokens


@pytest.mark.parametrize(
    ("lang", "text", "whole"),
    [
        ("it", "partito l'indomani per Roma", "l'indomani"),  # a phrase the pack lists whole
        ("fr", "arrivé aujourd'hui à Dakar", "aujourd'hui"),
    ],
)
def test_a_word_the_pack_lists_whole_stays_whole(lang: str, text: str, whole: str) -> None:
    assert whole in words_of(text, language(lang).words)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Russia's capital, O'Hare airport"),  # no elision: a possessive, a name
        ("pt", "chegou no aeroporto, na Casa Branca, à estação, pelo porto, do Brasil, da Bahia"),
    ],
)
def test_languages_without_elisions_keep_their_words(lang: str, text: str) -> None:
    assert words_of(text, language(lang).words) == word_list(text)


@pytest.mark.parametrize(
    ("lang", "text", "place", "role"),
    [
        # the preposition and the kind word before the name ("all'" = "a" + "l'")
        ("it", "I leader sono atterrati ieri all'aeroporto di Rzeszów.", "Rzeszów", Role.VISIT),
        ("it", "I leader sono atterrati ieri nell'aeroporto di Rzeszów.", "Rzeszów", Role.VISIT),
        ("it", "Il presidente è decollato dall'aeroporto di Fiumicino.", "Fiumicino", Role.ORIGIN),
        ("es", "El presidente despegó desde el aeropuerto de Barajas.", "Barajas", Role.ORIGIN),
        # "jusqu'à" is "jusqu'" + "à"
        ("fr", "Le convoi présidentiel est allé mardi jusqu'à Abidjan.", "Abidjan", Role.VISIT),
        # the same in Portuguese, whose contractions are words already
        ("pt", "Os líderes aterraram ontem no aeroporto de Rzeszów.", "Rzeszów", Role.VISIT),
        # an articulated preposition: "in"/"a"/"da" with every article
        ("it", "Il presidente è arrivato martedì nelle Filippine.", "Filippine", Role.VISIT),
        ("it", "Il presidente è arrivato martedì alle Maldive.", "Maldive", Role.VISIT),
        ("it", "Il presidente è rientrato martedì dagli Stati Uniti.", "Stati Uniti", Role.ORIGIN),
        ("pt", "O presidente chegou na terça-feira às Maldivas.", "Maldivas", Role.VISIT),
    ],
)
def test_the_preposition_of_an_elided_word_gives_the_role(
    lang: str, text: str, place: str, role: Role, mini_geocoder: Any
) -> None:
    ctx = Context.start(lang, mini_geocoder)
    assert role_before(text, text.index(place), ctx) is role


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("it", "Il presidente è stato ricevuto all'aeroporto di Vnukovo.", "Vnukovo"),
        ("it", "Il presidente è stato ricevuto nell'aeroporto di Vnukovo.", "Vnukovo"),
        ("fr", "Le président a été reçu à l'aéroport de Vnukovo.", "Vnukovo"),
        ("pt", "O presidente foi recebido no aeroporto de Vnukovo.", "Vnukovo"),
    ],
)
def test_a_kind_word_after_an_elided_article_names_a_landmark(
    lang: str, text: str, place: str, mini_geocoder: Any
) -> None:
    ctx = Context.start(lang, mini_geocoder)
    a = text.index(place)
    assert landmark_named(text, Mention(a, a + len(place), place, place, False), ctx)


@pytest.mark.data
@pytest.mark.parametrize(
    ("lang", "text", "places"),
    [
        # the place scan finds the name after the elided word (Italian has no recogniser)
        (
            "it",
            "Il presidente è partito martedì dall'Avana per Caracas, poi è arrivato all'Aquila.",
            ["Avana", "Caracas", "Aquila"],
        ),
        ("it", "Il presidente è arrivato martedì nella capitale d'Abidjan.", ["Abidjan"]),
        ("it", "La premier è stata ricevuta martedì all'Eliseo dal presidente.", ["Eliseo"]),
        ("fr", "Le président est parti mardi d'Abidjan pour Dakar.", ["Abidjan", "Dakar"]),
        ("fr", "Le président a été reçu mardi à l'Élysée.", ["Élysée"]),
    ],
)
def test_a_place_after_an_elided_word_is_found(
    lang: str, text: str, places: list[str], geocoder: Any
) -> None:
    doc = Extractor(geocoder).analyse(Article(text=text, published=TUESDAY, language=lang))
    found = [p.text for s in doc.sentences for p in s.places]
    assert found == places
