"""A joint trip: persons said to travel together make every later stop of the trip that no
sentence gives to one of them alone ("Their first stop was Irpin"), each on their own trip; a
stop a sentence gives to one person alone stays theirs.

Rules of language, checked in three languages on sentences written for the suite.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor
from itinerary.extract.assemble import _by_traveller
from itinerary.extract.document import Candidate, Mention
from itinerary.extract.tuning import TUNING
from itinerary.model import Role, Status
from tests.extract.support import trips_by_traveller

PUBLISHED = dt.date(2026, 3, 12)  # a Thursday

JOINT = [
    (
        "en",
        "President Emmanuel Macron, Chancellor Olaf Scholz and Prime Minister Mario Draghi arrived together "
        "in Kyiv on Thursday morning after a night on the train. Their first stop was Irpin, where the mayor "
        "showed them the ruined houses.",
        ("Macron", "Scholz", "Draghi"),
    ),
    (
        "it",
        "Il presidente francese Emmanuel Macron e il cancelliere Olaf Scholz sono arrivati insieme a Kiev "
        "stamattina dopo una notte in treno. La prima tappa è stata Irpin, dove il sindaco ha mostrato le "
        "case distrutte.",
        ("Macron", "Scholz"),
    ),
    (
        "de",
        "Präsident Emmanuel Macron und Bundeskanzler Olaf Scholz sind am Donnerstagmorgen gemeinsam mit dem "
        "Zug in Kiew angekommen. Die erste Station war Irpin, wo der Bürgermeister ihnen die zerstörten "
        "Häuser zeigte.",
        ("Macron", "Scholz"),
    ),
]


def _with(trips: dict[str, set[str]], surname: str) -> set[str]:
    found = [stops for who, stops in trips.items() if surname in who]
    assert found, f"no trip of {surname}: {trips}"
    return found[0]


@pytest.mark.parametrize(("lang", "text", "party"), JOINT, ids=[c[0] for c in JOINT])
def test_every_member_of_a_joint_trip_makes_its_later_stops(
    lang: str, text: str, party: tuple[str, ...], extractor: Extractor
) -> None:
    trips = trips_by_traveller(text, lang, extractor, PUBLISHED)
    for surname in party:
        assert "irpin" in _with(trips, surname), (surname, trips)


ALONE = [
    (
        "en",
        "President Emmanuel Macron, Chancellor Olaf Scholz and Prime Minister Mario Draghi arrived together "
        "in Kyiv on Thursday morning. On Friday Macron flew on to Chisinau.",
    ),
    (
        "it",
        "Il presidente francese Emmanuel Macron e il cancelliere Olaf Scholz sono arrivati insieme a Kiev "
        "stamattina. Venerdì Macron è volato a Chisinau.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), ALONE, ids=[c[0] for c in ALONE])
def test_a_stop_given_to_one_member_alone_stays_theirs(lang: str, text: str, extractor: Extractor) -> None:
    trips = trips_by_traveller(text, lang, extractor, PUBLISHED)
    assert "chișinău" in _with(trips, "Macron") or "chisinau" in _with(trips, "Macron"), trips
    assert not {"chisinau", "chișinău"} & _with(trips, "Scholz"), trips


PORTFOLIOS = [
    (
        "it",
        "Il ministro degli Esteri Luigi Di Maio e il ministro della Transizione ecologica Roberto Cingolani "
        "sono arrivati ieri a Luanda.",
    ),
    (
        "en",
        "Foreign Minister Luigi Di Maio and the Minister of Ecological Transition Roberto Cingolani arrived "
        "in Luanda on Wednesday.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), PORTFOLIOS, ids=[c[0] for c in PORTFOLIOS])
def test_a_title_s_portfolio_does_not_break_a_list_of_travellers(
    lang: str, text: str, extractor: Extractor
) -> None:
    """ "il ministro della Transizione ecologica X": the portfolio belongs to the title, the list
    of travellers goes on."""
    trips = trips_by_traveller(text, lang, extractor, PUBLISHED)
    for surname in ("Di Maio", "Cingolani"):
        assert "luanda" in _with(trips, surname), (surname, trips)


DELEGATION = [
    (
        "it",
        "La missione non salta: a guidare la delegazione saranno il ministro degli Esteri Luigi Di Maio e il "
        "ministro Roberto Cingolani. Giovedì la delegazione volerà a Brazzaville.",
    ),
    (
        "en",
        "The mission goes ahead: Foreign Minister Luigi Di Maio and Minister Roberto Cingolani will lead it. "
        "On Thursday the delegation will fly to Brazzaville.",
    ),
    (
        "pt",
        "A missão mantém-se: o ministro Luigi Di Maio e o ministro Roberto Cingolani vão chefiá-la. Na "
        "quinta-feira a delegação viajará para Brazzaville.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), DELEGATION, ids=[c[0] for c in DELEGATION])
def test_the_delegation_stands_for_the_persons_named_together_before(
    lang: str, text: str, extractor: Extractor
) -> None:
    trips = trips_by_traveller(text, lang, extractor, PUBLISHED)
    for surname in ("Di Maio", "Cingolani"):
        assert "brazzaville" in _with(trips, surname), (surname, trips)


def _candidate(
    place: str, order: int, who: str, *, explicit: bool, rule: bool, party: tuple[str, ...] = ()
) -> Candidate:
    mention = Mention(0, len(place), place, place, True)
    return Candidate(
        mention,
        f"sentence {order}",
        Status.CONFIRMED,
        None,
        who,
        Role.VISIT,
        [],
        order,
        explicit,
        party,
        rule,
    )


def test_a_stop_of_persons_listed_together_counts_for_each_in_choosing_the_main_traveller() -> None:
    """ "Draghi, Macron e Scholz a Kiev" (no travel word: a scored stop of the three) outweighs "A
    Kiev è arrivato anche il presidente romeno Klaus Iohannis" (one rule stop of one person): a
    stop only the scorer found goes to the party, not to the last person named."""
    party = ("Emmanuel Macron", "Olaf Scholz")
    drafts = [
        _candidate("Kiev", 0, "Mario Draghi", explicit=True, rule=False, party=party),
        _candidate("Kiev", 1, "Klaus Iohannis", explicit=True, rule=True),
        _candidate("Irpin", 2, "Klaus Iohannis", explicit=False, rule=False),  # carried on
    ]
    named = {"Mario Draghi", *party, "Klaus Iohannis"}
    trips = {
        who: [d.place.text for d in ds] for who, ds in _by_traveller(drafts, None, TUNING, named).items()
    }
    for who in ("Mario Draghi", *party):
        assert "Irpin" in trips[who], trips
    assert trips["Klaus Iohannis"] == ["Kiev"], trips


INCISE = [
    (
        "it",
        "Emmanuel Macron era ieri a Chisinau. A Kiev è arrivato, con un altro treno, anche il presidente "
        "romeno Klaus Iohannis.",
        "Iohannis",
        "kiev",
    ),
    (
        "es",
        "Gustavo Petro estuvo ayer en Quito. A Bogotá llegó, en un vuelo privado, el presidente chileno "
        "Gabriel Boric.",
        "Boric",
        "bogotá",
    ),
    (
        "pt",
        "Lula esteve ontem em Brasília. A Luanda chegou, num voo privado, o presidente moçambicano "
        "Filipe Nyusi.",
        "Nyusi",
        "luanda",
    ),
    (
        "ru",
        "Путин был вчера в Минске. В Пекин прибыл, специальным рейсом, президент Казахстана "
        "Касым-Жомарт Токаев.",
        "Токаев",
        "beijing",
    ),
]


@pytest.mark.parametrize(("lang", "text", "who", "stop"), INCISE, ids=[c[0] for c in INCISE])
def test_an_insert_between_commas_does_not_cut_the_verb_from_its_subject(
    lang: str, text: str, who: str, stop: str, extractor: Extractor
) -> None:
    """ "A Kiev è arrivato, con un altro treno, anche X": the commas enclose an insert; X, written
    after the verb, is its subject."""
    trips = trips_by_traveller(text, lang, extractor, PUBLISHED)
    assert stop in _with(trips, who), trips
