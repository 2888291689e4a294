"""Landmarks named in Italian and Portuguese stand for their city: "al Cremlino", "alla Casa
Bianca", "na Casa Branca", "no Palácio do Eliseu" (the names of geodata/landmarks.yaml).

The same rules as the landmark tests of test_recall.py, in the two languages whose names the
landmark list gained: a landmark after a locative preposition in a sentence where someone is
received (passive) is a stop, named by its city and pinned at the landmark; the host receiving
at home (active) and the seat of government speaking are not. Every sentence is written for
these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Article, Extractor, extract

TUESDAY = dt.date(2026, 3, 10)


@pytest.mark.parametrize(
    ("query", "landmark"),
    [
        # the press names, with the article where it is part of the usage
        ("Cremlino", "Moscow Kremlin"),
        ("il Cremlino", "Moscow Kremlin"),
        ("o Kremlin", "Moscow Kremlin"),
        ("Casa Bianca", "White House"),
        ("la Casa Bianca", "White House"),
        ("Casa Branca", "White House"),
        ("a Casa Branca", "White House"),
        ("l'Eliseo", "Élysée Palace"),
        ("Palácio do Eliseu", "Élysée Palace"),
        ("il Pentagono", "The Pentagon"),
        ("o Pentágono", "The Pentagon"),
        ("cosmodromo di Vostochny", "Vostochny Cosmodrome"),
        ("cosmódromo de Vostochny", "Vostochny Cosmodrome"),
        ("aeroporto di Vnukovo", "Vnukovo International Airport"),
        ("aeroporto de Vnukovo", "Vnukovo International Airport"),
        ("Piazza Rossa", "Red Square"),
        ("Praça Vermelha", "Red Square"),
        ("o Planalto", "Palácio do Planalto"),
        ("Palazzo del Planalto", "Palácio do Planalto"),
    ],
)
def test_italian_and_portuguese_names_find_the_landmark(query: str, landmark: str, geocoder) -> None:  # type: ignore[no-untyped-def]
    (best,) = geocoder.candidates(query, limit=1)
    assert best.record.name == landmark
    assert best.record.is_landmark


@pytest.mark.parametrize(
    ("text", "lang", "place", "stop"),
    [
        # a landmark after a locative preposition, in a sentence where someone is received (passive)
        (
            "Il presidente senegalese è stato ricevuto martedì al Cremlino da Vladimir Putin.",
            "it",
            "Cremlino",
            True,
        ),
        ("Il presidente brasiliano è stato ricevuto martedì alla Casa Bianca.", "it", "Casa Bianca", True),
        ("La premier è stata ricevuta martedì a Palazzo Chigi dal presidente.", "it", "Palazzo Chigi", True),
        ("O presidente senegalês foi recebido na terça-feira no Kremlin por Putin.", "pt", "Kremlin", True),
        ("O primeiro-ministro foi recebido na terça-feira na Casa Branca.", "pt", "Casa Branca", True),
        ("O presidente foi recebido na terça-feira no Palácio do Eliseu por Macron.", "pt", "Eliseu", True),
        ("O papa foi recebido na terça-feira no Palácio do Quirinal.", "pt", "Quirinal", True),
        # the active voice: the subject receives at home, the host (no rule stop by this rule)
        ("Putin ha ricevuto martedì al Cremlino il presidente senegalese.", "it", "Cremlino", False),
        ("Lula recebeu na terça-feira no Palácio do Planalto o presidente francês.", "pt", "Planalto", False),
        # a landmark that is no place where anyone is: the seat of government speaking
        ("Il Cremlino ha ricevuto la lettera martedì, ha detto un portavoce.", "it", "Cremlino", False),
        ("A Casa Branca recebeu a carta na terça-feira, disse um porta-voz.", "pt", "Casa Branca", False),
    ],
)
def test_a_landmark_where_someone_is_received_is_a_rule_stop(
    text: str, lang: str, place: str, stop: bool, extractor: Extractor
) -> None:
    doc = extractor.analyse(Article(text=text, published=TUESDAY, language=lang))
    rules = [c.features["rule"] for c in doc.candidates if place in c.place.text]
    assert rules == [1.0] if stop else rules in ([], [0.0])


@pytest.mark.parametrize(
    ("text", "lang", "place", "landmark"),
    [
        # a landmark in a city is named by the city and stays pinned at the landmark
        (
            "Il presidente senegalese è stato ricevuto martedì al Cremlino da Vladimir Putin.",
            "it",
            "Moscow",
            "Moscow Kremlin",
        ),
        (
            "Il cancelliere è stato ricevuto lunedì alla Casa Bianca dal presidente.",
            "it",
            "Washington",
            "White House",
        ),
        (
            "La premier è stata ricevuta martedì all'Eliseo dal presidente Macron.",
            "it",
            "Paris",
            "Élysée Palace",
        ),
        (
            "O primeiro-ministro foi recebido na terça-feira na Casa Branca pelo presidente.",
            "pt",
            "Washington",
            "White House",
        ),
        (
            "O presidente foi recebido na terça-feira no Palácio do Eliseu por Macron.",
            "pt",
            "Paris",
            "Élysée Palace",
        ),
        (
            "O presidente foi recebido na terça-feira no Palácio do Planalto por Lula.",
            "pt",
            "Brasília",
            "Palácio do Planalto",
        ),
        # ... unless it lies out of town: a cosmodrome keeps its own name
        (
            "O líder norte-coreano chegou ao cosmódromo de Vostochny na terça-feira.",
            "pt",
            "Vostochny",
            "Vostochny Cosmodrome",
        ),
    ],
)
def test_a_landmark_stop_is_named_by_its_city(
    text: str, lang: str, place: str, landmark: str, extractor: Extractor
) -> None:
    it = extract(text, published=TUESDAY, language=lang, extractor=extractor)
    got = {(s.place, s.resolved.name if s.resolved else None) for _, _, s in it.stops()}
    assert (place, landmark) in got


@pytest.mark.parametrize(
    ("text", "lang", "place", "landmark"),
    [
        # a kind word between the preposition and the name ("al cosmodromo di", "à estação de")
        (
            "Il leader nordcoreano è arrivato martedì al cosmodromo di Vostochny.",
            "it",
            "Vostochny",
            "Vostochny Cosmodrome",
        ),
        (
            "O líder norte-coreano chegou ao cosmódromo de Vostochny na terça-feira.",
            "pt",
            "Vostochny",
            "Vostochny Cosmodrome",
        ),
        ("Il presidente è arrivato martedì alla stazione di Khasan.", "it", "Khasan", "Khasan"),
        ("O presidente chegou na terça-feira à estação de Khasan.", "pt", "Khasan", "Khasan"),
    ],
)
def test_a_kind_word_between_preposition_and_landmark(
    text: str, lang: str, place: str, landmark: str, extractor: Extractor
) -> None:
    doc = extractor.analyse(Article(text=text, published=TUESDAY, language=lang))
    assert [c.features["rule"] for c in doc.candidates if c.place.text == place] == [1.0]
    it = extract(text, published=TUESDAY, language=lang, extractor=extractor)
    assert (place, landmark) in {(s.place, s.resolved.name if s.resolved else None) for _, _, s in it.stops()}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # a name the recogniser does not see, found by the gazetteer scan: its query keeps the
        # kind word before it ("aeroporto di Vnukovo", the airport; "Vnukovo" alone, a small town)
        ("Il presidente è atterrato lunedì all'aeroporto di Vnukovo.", "it"),
        ("O presidente aterrou na segunda-feira no aeroporto de Vnukovo.", "pt"),
    ],
)
def test_an_airport_named_by_a_small_town(text: str, lang: str, extractor: Extractor) -> None:
    it = extract(text, published=TUESDAY, language=lang, extractor=extractor)
    got = {s.resolved.name for _, _, s in it.stops() if s.resolved}
    assert "Vnukovo International Airport" in got


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        # accogliere / acolher (to welcome), passive: the guest is received in the building
        ("Il presidente è stato accolto martedì al Quirinale dal capo dello Stato.", "it", "Quirinale"),
        ("La premier è stata accolta martedì a Palazzo Chigi dal presidente.", "it", "Palazzo Chigi"),
        # far from the landmark, past the reach of the travel words: the reception reaches it
        (
            "A presidente foi acolhida pelo chefe de Estado, pela primeira-dama, pelos ministros e por "
            "uma guarda de honra do Exército na terça-feira no Palácio do Planalto.",
            "pt",
            "Palácio do Planalto",
        ),
    ],
)
def test_welcomed_at_a_landmark(text: str, lang: str, place: str, extractor: Extractor) -> None:
    doc = extractor.analyse(Article(text=text, published=TUESDAY, language=lang))
    assert [c.features["rule"] for c in doc.candidates if c.place.text == place] == [1.0]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Mattarella ha accolto martedì al Quirinale il presidente francese.", "it"),
        ("Lula acolheu na terça-feira no Palácio do Planalto o presidente francês.", "pt"),
    ],
)
def test_the_host_who_welcomes_is_at_home(text: str, lang: str, extractor: Extractor) -> None:
    doc = extractor.analyse(Article(text=text, published=TUESDAY, language=lang))
    assert all(c.features["rule"] == 0.0 for c in doc.candidates)


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        # an elided preposition before the kind word: "all'" and "nell'" are "a"/"in" + article
        (
            "I tre leader sono atterrati ieri pomeriggio all'aeroporto di Rzeszów, nel sud-est della "
            "Polonia.",
            "it",
            "Rzeszów",
        ),
        ("I tre leader sono atterrati ieri pomeriggio nell'aeroporto di Rzeszów.", "it", "Rzeszów"),
        ("Os três líderes aterraram ontem à tarde no aeroporto de Rzeszów.", "pt", "Rzeszów"),
    ],
)
def test_a_landmark_after_an_elided_preposition(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    doc = extractor.analyse(Article(text=text, published=TUESDAY, language=lang))
    assert [c.features["rule"] for c in doc.candidates if c.place.text == place] == [1.0]
