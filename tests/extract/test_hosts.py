"""Hosts and family names: a stop goes to the article's traveller, not to a person named near it.

Rules of language, each checked in at least two languages on sentences written for the suite:
a short family name written first ("Xi Jinping ... Xi") stands alone for the person; the agent
of a passive ("ricevuto dal primo ministro X", "recibido por el primer ministro X") is the host,
never the subject written after its verb; persons listed after "with" ("mit Xi und
Ministerpräsident Li") are met, and a bare title after them ("der Kanzler", "the chancellor")
stands for the traveller.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor
from tests.extract.support import trips_by_traveller

pytestmark = pytest.mark.data

PUBLISHED = dt.date(2026, 3, 12)  # a Thursday


def _trips(text: str, lang: str, extractor: Extractor) -> dict[str, set[str]]:
    return trips_by_traveller(text, lang, extractor, PUBLISHED)


def _only_traveller_of(trips: dict[str, set[str]], place: str) -> list[str]:
    return sorted(who for who, stops in trips.items() if place in stops)


FAMILY_FIRST = [
    (
        "it",
        "Il presidente cinese Xi Jinping è arrivato ieri a Belgrado. Ad accoglierlo c'era il presidente "
        "serbo Aleksandar Vučić. Xi era giunto domenica a Parigi.",
    ),
    (
        "es",
        "El presidente chino Xi Jinping llegó ayer a Belgrado. Lo recibió el presidente serbio Aleksandar "
        "Vučić. Xi llegó el domingo a París.",
    ),
    (
        "pt",
        "O presidente chinês Xi Jinping chegou ontem a Belgrado. Foi recebido pelo presidente sérvio "
        "Aleksandar Vučić. Xi chegou no domingo a Paris.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), FAMILY_FIRST, ids=[c[0] for c in FAMILY_FIRST])
def test_a_family_name_written_first_stands_alone_for_the_person(
    lang: str, text: str, extractor: Extractor
) -> None:
    trips = _trips(text, lang, extractor)
    assert _only_traveller_of(trips, "paris") == ["Xi Jinping"], trips


AGENT = [
    (
        "it",
        "Il presidente cinese Xi Jinping è arrivato ieri a Belgrado. In serata partirà per Budapest, dove "
        "sarà ricevuto dal primo ministro Viktor Orbán.",
    ),
    (
        "es",
        "El presidente chino Xi Jinping llegó ayer a Belgrado. Por la noche viajará a Budapest, donde será "
        "recibido por el primer ministro Viktor Orbán.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), AGENT, ids=[c[0] for c in AGENT])
def test_the_agent_of_a_passive_is_the_host_not_the_traveller(
    lang: str, text: str, extractor: Extractor
) -> None:
    trips = _trips(text, lang, extractor)
    assert _only_traveller_of(trips, "budapest") == ["Xi Jinping"], trips
    assert not any("Orbán" in who for who in trips), trips


WITH_LIST = [
    (
        "de",
        "Bundeskanzler Olaf Scholz ist am Montag in Peking eingetroffen. Nach dem Treffen mit Xi und "
        "Ministerpräsident Li Qiang fliegt der Kanzler am Abend zurück nach Berlin.",
    ),
    (
        "en",
        "Chancellor Olaf Scholz arrived in Beijing on Monday. After the meeting with Xi and Premier "
        "Li Qiang, the chancellor flies back to Berlin in the evening.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), WITH_LIST, ids=[c[0] for c in WITH_LIST])
def test_persons_listed_after_with_are_met_and_a_bare_title_is_the_traveller(
    lang: str, text: str, extractor: Extractor
) -> None:
    trips = _trips(text, lang, extractor)
    assert _only_traveller_of(trips, "berlin") == ["Olaf Scholz"], trips
    assert not any("Li Qiang" in who for who in trips), trips


MET_LIST = [
    (
        "de",
        "Bundeskanzler Olaf Scholz ist am Montag in Peking eingetroffen. Nach dem Treffen mit Xi und "
        "Ministerpräsident Li Qiang flog er am Abend zurück nach Berlin.",
    ),
    (
        "en",
        "Chancellor Olaf Scholz arrived in Beijing on Monday. After the meeting with Xi and Premier "
        "Li Qiang, he flew back to Berlin in the evening.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), MET_LIST, ids=[c[0] for c in MET_LIST])
def test_the_last_person_of_a_list_after_with_is_met_not_the_subject(
    lang: str, text: str, extractor: Extractor
) -> None:
    trips = _trips(text, lang, extractor)
    assert _only_traveller_of(trips, "berlin") == ["Olaf Scholz"], trips


GENITIVE = [
    (
        "it",
        "Il presidente Sergio Mattarella è atterrato all'aeroporto della Malpensa e poi è partito per Roma.",
        "Sergio Mattarella",
        "roma",
        "Malpensa",
    ),
    (
        "es",
        "El presidente Pedro Sánchez aterrizó en el aeropuerto de Rzeszów y viajó después a Kiev.",
        "Pedro Sánchez",
        "kiev",
        "Rzeszów",
    ),
]


@pytest.mark.parametrize(
    ("lang", "text", "who", "place", "not_a_person"), GENITIVE, ids=[c[0] for c in GENITIVE]
)
def test_a_place_after_a_genitive_is_no_person(
    lang: str, text: str, who: str, place: str, not_a_person: str, extractor: Extractor
) -> None:
    trips = _trips(text, lang, extractor)
    assert _only_traveller_of(trips, place) == [who], trips
    assert not any(not_a_person in t for t in trips), trips


APPOSITION = [
    (
        "pt",
        "O primeiro-ministro, António Costa, aterrou esta manhã em Luanda, onde foi recebido pelo ministro "
        "das Relações Exteriores angolano, Manuel Augusto.",
        "António Costa",
    ),
    (
        "es",
        "El primer ministro, Pedro Sánchez, aterrizó esta mañana en Luanda, donde fue recibido por el "
        "ministro de Relaciones Exteriores angoleño, Téte António.",
        "Pedro Sánchez",
    ),
    (
        "it",
        "Il presidente del Consiglio, Giorgia Meloni, è atterrata stamattina a Luanda, dove è stata accolta "
        "dal ministro degli Esteri angolano, Téte António.",
        "Giorgia Meloni",
    ),
]


@pytest.mark.parametrize(("lang", "text", "who"), APPOSITION, ids=[c[0] for c in APPOSITION])
def test_a_name_in_apposition_after_a_title_is_the_traveller(
    lang: str, text: str, who: str, extractor: Extractor
) -> None:
    trips = _trips(text, lang, extractor)
    assert _only_traveller_of(trips, "luanda") == [who], trips


AT_HOME = [
    (
        "it",
        "Il presidente francese Emmanuel Macron e il presidente serbo Aleksandar Vučić sono arrivati "
        "insieme a Belgrado.",
        "belgrade",
    ),
    (
        "en",
        "French President Emmanuel Macron and Serbian President Aleksandar Vučić arrived together in "
        "Belgrade.",
        "belgrade",
    ),
    (
        "pt",
        "O presidente francês Emmanuel Macron e o presidente sérvio Aleksandar Vučić chegaram juntos a "
        "Belgrado.",
        "belgrade",
    ),
]


@pytest.mark.parametrize(("lang", "text", "place"), AT_HOME, ids=[c[0] for c in AT_HOME])
def test_a_host_listed_with_the_traveller_at_home_is_no_co_traveller(
    lang: str, text: str, place: str, extractor: Extractor
) -> None:
    trips = _trips(text, lang, extractor)
    assert _only_traveller_of(trips, place) == ["Emmanuel Macron"], trips


PORTFOLIO = [
    ("es", "El presidente del Gobierno, Pedro Sánchez, llegó ayer a Pekín.", "Pedro Sánchez", "beijing"),
    (
        "it",
        "Il presidente del Consiglio, Mario Draghi, è arrivato ieri a Pechino.",
        "Mario Draghi",
        "beijing",
    ),
]


@pytest.mark.parametrize(("lang", "text", "who", "place"), PORTFOLIO, ids=[c[0] for c in PORTFOLIO])
def test_the_name_after_a_title_with_its_portfolio_is_the_person(
    lang: str, text: str, who: str, place: str, extractor: Extractor
) -> None:
    trips = _trips(text, lang, extractor)
    assert _only_traveller_of(trips, place) == [who], trips
