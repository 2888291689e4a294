"""An airport or station out of town stands for the city it serves: landing at Vnukovo is
arriving in Moscow, so the airport and the city are one stop (one date range), named by the city;
a landmark that is no airport or station (a cosmodrome) keeps its own name.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor, extract

pytestmark = pytest.mark.data

THURSDAY = dt.date(2026, 3, 12)


def _stops(text: str, lang: str, extractor: Extractor) -> list[tuple[str, str | None, str | None]]:
    """(place, resolved name, start day) of the stops of the article's main trip."""
    it = extract(text, published=THURSDAY, language=lang, extractor=extractor)
    trip = max(it.trips, key=lambda t: len(t.stops))
    return [
        (
            str(s.place),
            s.resolved.name if s.resolved else None,
            s.date.start.isoformat() if s.date.start else None,
        )
        for s in trip.stops
    ]


@pytest.mark.parametrize(
    ("text", "lang", "city"),
    [
        (
            "The Indian prime minister arrived at Sheremetyevo airport on Monday and held talks in Moscow "
            "on Tuesday.",
            "en",
            "Moscow",
        ),
        (
            "Премьер-министр Индии прилетел в понедельник в аэропорт Внуково. Во вторник он провёл "
            "переговоры с президентом в Москве в рамках визита.",
            "ru",
            "Moscow",
        ),
        (
            "Il premier indiano è atterrato lunedì all'aeroporto di Fiumicino e martedì ha avuto colloqui "
            "a Roma.",
            "it",
            "Rome",
        ),
        (
            "Der indische Premierminister landete am Montag auf dem Flughafen Schönefeld und führte am "
            "Dienstag Gespräche in Berlin.",
            "de",
            "Berlin",
        ),
    ],
)
def test_an_airport_out_of_town_and_its_city_are_one_stop(
    text: str, lang: str, city: str, extractor: Extractor
) -> None:
    got = _stops(text, lang, extractor)
    assert len(got) == 1, got  # not the airport on Monday, then the city on Tuesday
    _, resolved, start = got[0]
    assert resolved == city and start == "2026-03-09", got


@pytest.mark.parametrize(
    ("text", "lang", "city"),
    [
        ("The Brazilian president landed at Domodedovo airport on Monday evening.", "en", "Moscow"),
        ("Президент Бразилии в понедельник вечером приземлился в аэропорту Домодедово.", "ru", "Moscow"),
        ("Le président brésilien a atterri lundi soir à l'aéroport de Fiumicino.", "fr", "Rome"),
        (
            "El presidente brasileño aterrizó el lunes por la noche en el aeropuerto de Vnukovo.",
            "es",
            "Moscow",
        ),
    ],
)
def test_an_airport_alone_is_named_by_the_city_it_serves(
    text: str, lang: str, city: str, extractor: Extractor
) -> None:
    got = _stops(text, lang, extractor)
    assert [p for p, _, _ in got] == [city], got


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The Russian president flew to the Vostochny cosmodrome on Tuesday to watch a launch.", "en"),
        ("Президент России во вторник прилетел на космодром Восточный, чтобы посмотреть запуск.", "ru"),
    ],
)
def test_a_cosmodrome_out_of_town_is_no_city(text: str, lang: str, extractor: Extractor) -> None:
    got = _stops(text, lang, extractor)
    assert len(got) == 1 and got[0][1] == "Vostochny Cosmodrome", got
    assert got[0][0] not in {"Moscow", "Blagoveshchensk"}, got
