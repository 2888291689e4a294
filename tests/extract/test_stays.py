"""How long the traveller stays where the news finds them: until the next planned leg sets off,
when it sets off soon after; not when the article tells only the arrival there, nor at an airport,
nor where the trip already went on.

Every sentence here is written for these tests (no article text).
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor, extract
from itinerary.extract.completion import stay_until_next_leg
from itinerary.extract.lang import lexicon
from itinerary.extract.tuning import TUNING
from itinerary.model import DateSpan, Itinerary, Place, Role, Status, Stop

MONDAY = dt.date(2024, 6, 3)


def _table(it: Itinerary) -> dict[str, tuple[str, str]]:
    return {
        (s.resolved.name if s.resolved else s.place or ""): (s.status.value, str(s.date))
        for _, _, s in it.stops()
    }


# ---------------------------------------------------------------- extraction
@pytest.mark.parametrize(
    ("lang", "text", "here", "there"),
    [
        ("en", "Minister Jane Doe landed in Oslo on Monday. She flies to Helsinki on Tuesday evening.",
         "Oslo", "Helsinki"),
        ("de", "Ministerin Anna Muster ist am Montag in Nairobi gelandet. Am Dienstag fliegt sie weiter nach "
         "Kampala.", "Nairobi", "Kampala"),
        ("fr", "Le président Jean Martin est arrivé lundi à Dakar. Mardi, il se rendra à Bamako.",
         "Dakar", "Bamako"),
        ("es", "El presidente Juan Pérez llegó el lunes a Lima. El martes viajará a Quito.", "Lima", "Quito"),
    ],
)  # fmt: skip
def test_the_stay_lasts_until_the_next_leg_sets_off(
    extractor: Extractor, lang: str, text: str, here: str, there: str
) -> None:
    table = _table(extract(text, published=MONDAY, language=lang, extractor=extractor))
    assert table[here] == ("confirmed", "2024-06-03/2024-06-04")
    assert table[there] == ("planned", "2024-06-04")


@pytest.mark.parametrize(
    ("lang", "text", "here"),
    [
        ("en", "Minister Jane Doe landed in Oslo on Monday. She is due to arrive in Helsinki early on "
         "Tuesday.", "Oslo"),
        ("fr", "Le président Jean Martin est arrivé lundi à Dakar. Il arrivera mardi à Bamako.", "Dakar"),
        ("es", "El presidente Juan Pérez llegó el lunes a Lima. El martes llegará a Quito.", "Lima"),
        # a separable particle closes the clause: "kommt ... an" tells the arrival
        ("de", "Ministerin Anna Muster ist am Montag in Nairobi gelandet. Am Dienstag kommt sie in "
         "Kampala an.", "Nairobi"),
    ],
)  # fmt: skip
def test_a_leg_told_by_its_arrival_leaves_the_day_alone(
    extractor: Extractor, lang: str, text: str, here: str
) -> None:
    table = _table(extract(text, published=MONDAY, language=lang, extractor=extractor))
    assert table[here] == ("confirmed", "2024-06-03")


def test_a_leg_days_later_leaves_the_day_alone(extractor: Extractor) -> None:
    text = "Minister Jane Doe landed in Oslo on Monday. She flies to Helsinki on Thursday."
    table = _table(extract(text, published=MONDAY, language="en", extractor=extractor))
    assert table["Oslo"] == ("confirmed", "2024-06-03")
    assert table["Helsinki"] == ("planned", "2024-06-06")


# ---------------------------------------------------------------- the completion step alone
def _place(name: str, kind: str = "city") -> Place:
    return Place(id=name.lower(), name=name, lat=0.0, lon=0.0, kind=kind, country_code="XX")


def _stop(name: str, status: Status, day: str, *, kind: str = "city", role: Role = Role.VISIT) -> Stop:
    return Stop(
        status=status,
        place=name,
        role=role,
        date=DateSpan.parse(day),
        resolved=_place(name, kind),
        quote=f"The minister travels to {name}.",
    )


def _dates(stops: tuple[Stop, ...]) -> list[str]:
    return [str(s.date) for s in stay_until_next_leg(stops, lexicon("en"), TUNING)]


def test_where_the_news_finds_the_traveller_the_stay_goes_on() -> None:
    stops = (_stop("Alpha", Status.CONFIRMED, "2024-06-03"), _stop("Beta", Status.PLANNED, "2024-06-04"))
    assert _dates(stops) == ["2024-06-03/2024-06-04", "2024-06-04"]


def test_no_stay_of_days_at_an_airport_nor_at_a_departure_point() -> None:
    later = _stop("Beta", Status.PLANNED, "2024-06-04")
    airport = _stop("Alpha Airport", Status.CONFIRMED, "2024-06-03", kind="airport")
    origin = _stop("Gamma", Status.CONFIRMED, "2024-06-03", role=Role.ORIGIN)
    assert _dates((airport, later)) == ["2024-06-03", "2024-06-04"]
    assert _dates((origin, later)) == ["2024-06-03", "2024-06-04"]


def test_a_stop_the_trip_went_on_from_keeps_its_day() -> None:
    stops = (
        _stop("Alpha", Status.CONFIRMED, "2024-06-03"),
        _stop("Gamma", Status.CONFIRMED, "2024-06-04"),
        _stop("Beta", Status.PLANNED, "2024-06-05"),
    )
    assert _dates(stops) == ["2024-06-03", "2024-06-04/2024-06-05", "2024-06-05"]


def test_a_leg_the_same_day_ends_the_stay_that_day() -> None:
    stops = (
        _stop("Alpha", Status.CONFIRMED, "2024-06-03"),
        _stop("Gamma", Status.PLANNED, "2024-06-03"),
        _stop("Beta", Status.PLANNED, "2024-06-04"),
    )
    assert _dates(stops) == ["2024-06-03", "2024-06-03", "2024-06-04"]
