import dataclasses
import datetime as dt

import pytest

from itinerary.identity import in_travel_order, latest_status, same_place, travel_order, unique_id
from itinerary.model import Basis, DateSpan, Mode, Place, Precision, Role, Status, Stop, Trip, leg_status


@pytest.mark.parametrize(
    ("text", "start", "end", "precision", "label"),
    [
        ("2023-09-13", dt.date(2023, 9, 13), dt.date(2023, 9, 13), Precision.DAY, "13 Sep 2023"),
        ("2023-10", dt.date(2023, 10, 1), dt.date(2023, 10, 31), Precision.MONTH, "Oct 2023"),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29), Precision.MONTH, "Feb 2024"),
        ("2023", dt.date(2023, 1, 1), dt.date(2023, 12, 31), Precision.YEAR, "2023"),
        (
            "2023-09-15/2023-09-17",
            dt.date(2023, 9, 15),
            dt.date(2023, 9, 17),
            Precision.DAY,
            "15 Sep 2023 – 17 Sep 2023",
        ),
    ],
)
def test_date_span_parse(text: str, start: dt.date, end: dt.date, precision: Precision, label: str) -> None:
    span = DateSpan.parse(text)
    assert (span.start, span.end, span.precision) == (start, end, precision)
    assert span.display() == label
    assert str(span) == text


@pytest.mark.parametrize(
    "bad", ["2023-13-45", "2023-02-30", "13/09/2023", "2023-9-1", "2023-10-05/2023-10-01", "2023-00"]
)
def test_date_span_rejects(bad: str) -> None:
    with pytest.raises(ValueError, match="date"):
        DateSpan.parse(bad)


def test_unknown_date() -> None:
    assert DateSpan.parse(None).display() == "date unknown"
    assert not DateSpan.parse("").known


def test_leg_status_and_mode() -> None:
    c, p, x = (Stop(status=s, place="A") for s in (Status.CONFIRMED, Status.PLANNED, Status.CANCELLED))
    assert leg_status(c, c) is Status.CONFIRMED
    assert leg_status(c, p) is Status.PLANNED and leg_status(p, c) is Status.PLANNED
    assert leg_status(p, x) is Status.CANCELLED
    trip = Trip("t", "T", (c, Stop(status=Status.PLANNED, place="B", mode=Mode.AIR), p), mode=Mode.RAIL)
    assert trip.leg_mode(1) == (Mode.AIR, Basis.REPORTED)
    assert trip.leg_mode(2) == (Mode.RAIL, Basis.REPORTED)
    assert Trip("u", "U", (c, p)).leg_mode(1) == (Mode.UNKNOWN, Basis.ASSUMED)


def test_stop_latlon_prefers_pin() -> None:
    s = Stop(status=Status.PLANNED, place="Vladivostok", lat=43.1056, lon=131.8735)
    assert s.latlon == (43.1056, 131.8735)
    assert Stop(status=Status.PLANNED, place="X").latlon is None


# ---------------------------------------------------------------- identity rules


def test_unique_id_counts_on_instead_of_stacking_suffixes() -> None:
    used: set[str] = set()
    made = []
    for _ in range(4):
        tid = unique_id("x", used)
        used.add(tid)
        made.append(tid)
    assert made == ["x", "x-2", "x-3", "x-4"]
    assert unique_id("y", {"x"}) == "y"
    assert unique_id("x", {"x", "x-3"}) == "x-2"


def test_latest_status_a_confirmed_stop_never_goes_back() -> None:
    c, p, x = Status.CONFIRMED, Status.PLANNED, Status.CANCELLED
    assert latest_status([("a", p), ("b", c)]).status is c
    kept = latest_status([("a", c), ("b", p), ("c", x)])
    assert (kept.status, kept.decider) == (c, 0)
    assert kept.notes == ("status disagrees: a says confirmed, c (later) says cancelled; kept confirmed",)
    back = latest_status([("a", p), ("b", x), ("c", p)])
    assert (back.status, back.decider) == (p, 2)
    assert back.notes == ("status changed: b says cancelled, c (later) says planned; kept planned",)
    with pytest.raises(ValueError, match="at least one report"):
        latest_status([])


def test_same_place_by_id_or_by_distance_between_points() -> None:
    paris = Place("p1", "Paris", 48.8566, 2.3522, "city", "FR")
    orly = Place("p2", "Orly", 48.7262, 2.3652, "airport", "FR")  # about 15 km south
    lyon = Place("p3", "Lyon", 45.764, 4.8357, "city", "FR")
    france = Place("c1", "France", 46.6, 2.4, "country", "FR")
    assert same_place(paris, paris) and same_place(paris, orly) and same_place(orly, paris)
    assert not same_place(paris, orly, km=5.0)
    assert not same_place(paris, lyon)
    assert not same_place(france, Place("c1b", "France", 46.6, 2.4, "country", "FR"))  # areas: by id only
    assert same_place(france, france)


def test_travel_order_follows_dates_then_the_sources_order() -> None:
    def at(name: str, day: str | None, role: Role = Role.VISIT) -> Stop:
        return Stop(Status.CONFIRMED, place=name, date=DateSpan.parse(day), role=role)

    stops = [at("b", "2024-06-02"), at("a", "2024-06-01"), at("c", None), at("home", None, Role.ORIGIN)]
    assert [s.place for s in in_travel_order(stops)] == ["home", "a", "c", "b"]  # c follows a
    assert travel_order(stops) == [3, 1, 2, 0]
    late = [at("a", "2024-06-01"), at("b", "2024-06-02"), at("home", None, Role.ORIGIN)]
    assert [s.place for s in in_travel_order(late)] == ["home", "a", "b"]
    # an undated origin told in the sentence of a dated stop comes just before that stop
    told = "Arrived in b on 2 June from via."
    legs = [
        at("a", "2024-06-01"),
        dataclasses.replace(at("b", "2024-06-02"), quote=told),
        at("c", "2024-06-03"),
        dataclasses.replace(at("via", None, Role.ORIGIN), quote=told),
    ]
    assert [s.place for s in in_travel_order(legs)] == ["a", "via", "b", "c"]
    # ... and only that sentence's: another quote starts the trip
    apart = [*legs[:3], dataclasses.replace(legs[3], quote="Flew in from via.")]
    assert [s.place for s in in_travel_order(apart)] == ["via", "a", "b", "c"]


def test_a_verb_stays_a_verb_when_its_module_is_imported() -> None:
    import importlib

    import itinerary

    for verb in ("prepare", "merge"):
        module = importlib.import_module(f"itinerary.{verb}")  # the module that defines the verb
        bound = getattr(itinerary, verb)
        # the verb itself, or its module made callable as the verb (itinerary/__init__.py)
        assert bound is getattr(module, verb) or (bound is module and callable(module))
