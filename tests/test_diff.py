"""Comparing two versions of an itinerary."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import itinerary
from itinerary.diff import diff, diff_table
from itinerary.model import Status

TRIPS = Path(__file__).resolve().parents[1] / "geodata" / "trips"
OLD = itinerary.load(TRIPS / "kim-jong-un-russia-2023-09-14.yaml")
NEW = itinerary.load(TRIPS / "kim-jong-un-russia-2023-09-18.yaml")


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
