"""The headline's subject: news headlines open on the person the article follows, named once
("Orbán in Berlin", "Lula to visit Oslo", "Токаев в Минске"), and the body may go on with a title
alone ("the Hungarian prime minister"). Rules of language, checked in several languages on
sentences written for the suite:

* a word alone that opens a headline, before a locative preposition or a lower-case verb, is a
  person when it is no place and no frequent word of the language, or a name of the project's list
  of known names that no prominent place is called (not a place's other spelling: "Lula");
* the nationality a body gives a title, in an article that names its one person only in the
  headline, is that person's country: the title stands for them (no second trip under the title);
* an article that names one person, whose stops the rules give to titles only, is that person's.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor
from itinerary.identity import UNKNOWN_TRAVELLER
from tests.extract.support import trips_by_traveller

pytestmark = pytest.mark.data

PUBLISHED = dt.date(2026, 3, 12)  # a Thursday

HEADLINES = [
    (
        "de",
        "Orbán in Berlin\n\nDer ungarische Ministerpräsident ist am Dienstag in Berlin eingetroffen.",
        "Orbán",
        "berlin",
    ),
    (
        "it",
        "Orbán a Roma\n\nIl premier ungherese è arrivato martedì a Roma per una visita di due giorni.",
        "Orbán",
        "roma",
    ),
    pytest.param(
        "es",
        "Boric en Lima\n\nEl presidente chileno llegó el martes a Lima para una cumbre regional.",
        "Boric",
        "lima",
        marks=pytest.mark.xfail(
            strict=True,
            reason="the demonym table knows no 'chileno': the title's country is unknown, so it stays "
            "another person's trip",
        ),
    ),
    (
        "en",
        "Lula to visit Oslo\n\nThe Brazilian president will fly to Oslo on Friday for talks on the forest.",
        "Lula",
        "oslo",
    ),
    (
        "pt",
        "Lula na Índia\n\nO presidente brasileiro chegou na segunda-feira a Nova Délhi.",
        "Lula",
        "new delhi",
    ),
    ("ru", "Токаев в Минске\n\nКазахстанский президент прибыл во вторник в Минск.", "Токаев", "minsk"),
]


@pytest.mark.parametrize(
    ("lang", "text", "who", "place"), HEADLINES, ids=["de", "it", "es", "en", "pt", "ru"]
)
def test_the_headline_s_subject_is_the_traveller_of_the_title_in_the_body(
    lang: str, text: str, who: str, place: str, extractor: Extractor
) -> None:
    trips = trips_by_traveller(text, lang, extractor, PUBLISHED)
    assert UNKNOWN_TRAVELLER not in trips, trips
    assert len(trips) == 1, trips
    ((name, stops),) = trips.items()
    assert who in name and place in stops, trips


NOT_PERSONS = [
    ("en", "Summit in Oslo\n\nThe president will fly to Oslo on Friday for talks.", "Summit"),
    ("fr", "Sommet à Dakar\n\nLe président est arrivé mardi à Dakar pour un sommet.", "Sommet"),
    ("it", "Vertice a Roma\n\nIl premier è arrivato martedì a Roma per il vertice.", "Vertice"),
]


@pytest.mark.parametrize(("lang", "text", "word"), NOT_PERSONS, ids=[c[0] for c in NOT_PERSONS])
def test_a_frequent_word_that_opens_a_headline_is_no_person(
    lang: str, text: str, word: str, extractor: Extractor
) -> None:
    trips = trips_by_traveller(text, lang, extractor, PUBLISHED)
    assert not any(word in who for who in trips), trips


KNOWN_ALONE = [
    ("ru", "Путин прилетел во вторник в Пекин на переговоры.", "Путин", "beijing"),
    ("pt", "A visita de Lula a Pequim começou na segunda-feira com uma cerimônia.", "Lula", "beijing"),
    ("en", "On Friday Lula flew to Oslo for talks on the forest.", "Lula", "oslo"),
]


@pytest.mark.parametrize(("lang", "text", "who", "place"), KNOWN_ALONE, ids=[c[0] for c in KNOWN_ALONE])
def test_a_known_name_alone_is_the_person_though_frequent_in_the_news(
    lang: str, text: str, who: str, place: str, extractor: Extractor
) -> None:
    # a name of the project's list of known names, written alone and never in lower case in the
    # article, is that person even where news made it a frequent word of the language ("Путин",
    # "Lula" in Portuguese) or a prominent place has it as another spelling ("Lula" for Luleå)
    trips = trips_by_traveller(text, lang, extractor, PUBLISHED)
    assert UNKNOWN_TRAVELLER not in trips, trips
    assert any(who in name and place in stops for name, stops in trips.items()), trips
