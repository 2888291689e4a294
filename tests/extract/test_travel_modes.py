"""The means of travel: a stop's leg takes the mode its sentence names nearest the place (the
packs' ``modes``), and a trip whose stops name one mode travels by it throughout, so a leg by
train follows the railway, not a great circle across the sea.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor, extract
from itinerary.model import Basis, Mode

pytestmark = pytest.mark.data

THURSDAY = dt.date(2026, 3, 12)


def _modes(text: str, lang: str, extractor: Extractor) -> dict[str, Mode | None]:
    """The resolved name of every stop -> its mode (the leg that reaches it, from the trip)."""
    it = extract(text, published=THURSDAY, language=lang, extractor=extractor)
    out: dict[str, Mode | None] = {}
    for trip in it.trips:
        for i, s in enumerate(trip.stops):
            mode, basis = trip.leg_mode(i)
            out[s.resolved.name if s.resolved else str(s.place)] = mode if basis is Basis.REPORTED else None
    return out


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The North Korean leader arrived in Vladivostok by armoured train on Tuesday.", "en"),
        ("The president travelled to Vladivostok by special train on Tuesday.", "en"),
        ("Der nordkoreanische Machthaber traf am Dienstag im Panzerzug in Wladiwostok ein.", "de"),
        ("Der Präsident reiste am Dienstag im Sonderzug nach Wladiwostok.", "de"),
        ("Le dirigeant nord-coréen est arrivé mardi à Vladivostok à bord de son train blindé.", "fr"),
        ("El líder norcoreano llegó el martes a Vladivostok en su tren blindado.", "es"),
        ("Il leader nordcoreano è arrivato martedì a Vladivostok a bordo del treno blindato.", "it"),
        ("O líder norte-coreano chegou na terça-feira a Vladivostok a bordo do seu trem blindado.", "pt"),
        ("Северокорейский лидер прибыл во вторник во Владивосток на бронепоезде.", "ru"),
        ("Президент во вторник прибыл во Владивосток в поезде.", "ru"),
    ],
)
def test_a_train_named_in_the_sentence_is_the_legs_mode(text: str, lang: str, extractor: Extractor) -> None:
    assert _modes(text, lang, extractor).get("Vladivostok") is Mode.RAIL


@pytest.mark.parametrize(
    ("text", "lang", "air", "rail"),
    [
        (
            "The president flew to Tokyo on Monday and went on to Osaka by special train on Wednesday.",
            "en",
            "Tokyo",
            "Osaka",
        ),
        (
            "Der Präsident flog am Montag mit dem Regierungsflugzeug nach Tokio und reiste am Mittwoch "
            "im Sonderzug nach Osaka weiter.",
            "de",
            "Tokyo",
            "Osaka",
        ),
        (
            "Il presidente è volato lunedì a Tokyo in aereo e mercoledì ha raggiunto Osaka in treno.",
            "it",
            "Tokyo",
            "Osaka",
        ),
    ],
)
def test_each_stop_takes_the_mode_named_nearest_it(
    text: str, lang: str, air: str, rail: str, extractor: Extractor
) -> None:
    got = _modes(text, lang, extractor)
    assert got.get(air) is Mode.AIR and got.get(rail) is Mode.RAIL, got


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "The North Korean leader arrived in Vladivostok by armoured train on Tuesday. On Wednesday "
            "he travelled on to Khabarovsk.",
            "en",
        ),
        (
            "Der nordkoreanische Machthaber traf am Dienstag im Panzerzug in Wladiwostok ein. Am Mittwoch "
            "reiste er nach Chabarowsk weiter.",
            "de",
        ),
        (
            "El líder norcoreano llegó el martes a Vladivostok en su tren blindado. El miércoles viajó a "
            "Jabárovsk.",
            "es",
        ),
    ],
)
def test_a_trip_that_names_one_mode_travels_by_it(text: str, lang: str, extractor: Extractor) -> None:
    # the second leg names no vehicle: the trip's one mode is its mode
    it = extract(text, published=THURSDAY, language=lang, extractor=extractor)
    trip = max(it.trips, key=lambda t: len(t.stops))
    assert len(trip.stops) == 2
    assert [trip.leg_mode(i) for i in range(2)] == [(Mode.RAIL, Basis.REPORTED)] * 2


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The prime minister visited Oslo on Monday after a training session for his staff.", "en"),
        ("Der Kanzler besuchte am Montag Oslo; im Anzug trat er vor die Presse.", "de"),
        ("Le Premier ministre s'est rendu lundi à Oslo, selon son entourage.", "fr"),
        ("Премьер-министр в понедельник посетил Осло.", "ru"),
    ],
)
def test_no_mode_without_a_word_of_one(text: str, lang: str, extractor: Extractor) -> None:
    # "training" is no train, "Anzug" no Zug: the leg's mode stays unknown
    got = _modes(text, lang, extractor)
    assert "Oslo" in got and got["Oslo"] is None, got


@pytest.mark.parametrize(
    ("text", "lang", "mode"),
    [
        ("The president's motorcade drove on to Hebron on Tuesday.", "en", Mode.ROAD),
        ("Die Kanzlerin reiste am Dienstag mit dem Schiff nach Stockholm.", "de", Mode.SEA),
        ("El presidente llegó el martes a Hebrón en caravana por carretera.", "es", Mode.ROAD),
        ("O presidente chegou na terça-feira a Funchal de navio.", "pt", Mode.SEA),
    ],
)
def test_road_and_sea(text: str, lang: str, mode: Mode, extractor: Extractor) -> None:
    got = _modes(text, lang, extractor)
    assert mode in got.values(), got
