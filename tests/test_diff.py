"""Comparing two versions of an itinerary."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from click.testing import CliRunner

import itinerary
from itinerary.cli import cli
from itinerary.diff import diff, diff_table
from itinerary.model import DateSpan, Status

TRIPS = Path(__file__).resolve().parents[1] / "geodata" / "trips"
OLD_NAME, NEW_NAME = "kim-jong-un-russia-2023-09-14.yaml", "kim-jong-un-russia-2023-09-18.yaml"
OLD = itinerary.load(TRIPS / OLD_NAME)
NEW = itinerary.load(TRIPS / NEW_NAME)


def test_identical_itineraries_have_no_changes() -> None:
    assert diff(NEW, NEW) == []
    assert len(diff(NEW, NEW, unchanged=True)) == sum(len(t.stops) for t in NEW.trips)


def test_14_to_18_september() -> None:
    rows = {(c.place, c.change) for c in diff(OLD, NEW)}
    assert ("Komsomolsk-on-Amur", "status+date") in rows
    assert ("Vladivostok", "status+date") in rows
    assert ("Knevichi Airfield", "added") in rows
    assert ("Vostochny Cosmodrome", "unchanged") not in rows  # same status and date: not listed
    # The return through Khasan is a second visit, not the first one moved.
    assert ("Khasan", "added") in rows and ("Khasan", "date") not in rows
    table = diff_table(OLD, NEW)
    came_true = table[(table.old_status == "planned") & (table.new_status == "confirmed")]
    assert sorted(came_true.place) == ["Komsomolsk-on-Amur", "Vladivostok"]


def test_reverse_diff_removes_and_trips_by_id() -> None:
    back = diff(NEW, OLD)
    assert {c.change for c in back} >= {"removed"}
    assert all(c.trip_id == "kim" for c in back)

    def cancel_first(t: itinerary.Trip) -> itinerary.Trip:
        first = dataclasses.replace(t.stops[0], status=Status.CANCELLED)
        return dataclasses.replace(t, stops=(first, *t.stops[1:]))

    cancelled = NEW.with_trips(tuple(cancel_first(t) if t.id == "putin" else t for t in NEW.trips))
    (change,) = diff(NEW, cancelled)
    assert (change.trip_id, change.change, change.old_status, change.new_status) == (
        "putin",
        "status",
        "planned",
        "cancelled",
    )
    dropped = NEW.with_trips(tuple(t for t in NEW.trips if t.id != "lavrov"))
    assert {(c.trip_id, c.change) for c in diff(NEW, dropped)} == {("lavrov", "removed")}


def test_a_date_change_that_reorders_the_trip_is_one_change() -> None:
    kim = NEW.trip("kim")
    stops = list(kim.stops)
    (i,) = [i for i, s in enumerate(stops) if s.place == "Vostochny Cosmodrome"]
    cosmodrome = stops.pop(i)
    # put off by four days: in date order it now comes after Artyom, before the return via Khasan
    (j,) = [j for j, s in enumerate(stops) if s.place == "Artyom"]
    later = dataclasses.replace(cosmodrome, date=DateSpan.parse("2023-09-17"))
    stops.insert(j + 1, later)
    moved = NEW.with_trips(
        tuple(dataclasses.replace(t, stops=tuple(stops)) if t.id == "kim" else t for t in NEW.trips)
    )
    (change,) = diff(NEW, moved)
    assert (change.trip_id, change.place, change.change) == ("kim", "Vostochny Cosmodrome", "date")
    assert (change.old_date, change.new_date) == ("2023-09-13", "2023-09-17")
    assert change.old_status == change.new_status == cosmodrome.status.value
    (back,) = diff(moved, NEW)
    assert (back.place, back.change, back.new_date) == ("Vostochny Cosmodrome", "date", "2023-09-13")
    same_day = NEW.with_trips(
        tuple(
            dataclasses.replace(t, stops=(*stops[: j + 1], cosmodrome, *stops[j + 2 :]))
            if t.id == "kim"
            else t
            for t in NEW.trips
        )
    )
    assert diff(NEW, same_day) == []  # moved in the list, same status and date: no change to report


def test_cli_diff_prints_a_header_row(tmp_path: Path) -> None:
    res = CliRunner().invoke(cli, ["diff", str(TRIPS / OLD_NAME), str(TRIPS / NEW_NAME)])
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    assert lines[0].split("\t") == ["trip", "place", "change", "status", "date"]
    assert len(lines) == 1 + len(diff(OLD, NEW))
    assert all(len(line.split("\t")) == 5 for line in lines)
    same = CliRunner().invoke(cli, ["diff", str(TRIPS / NEW_NAME), str(TRIPS / NEW_NAME)])
    assert same.exit_code == 0 and same.stdout == "" and "0 changes" in same.output
