"""Identity rules of the model, each defined once: when two answers are one place, what a stop's
status is after several reports, how an id is made unique, the order of a trip's stops and the
name of a traveller nobody named.

The extractor, the merge, the geocoder and the map read these functions instead of keeping
their own copies, so a change to a rule reaches every part that applies it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from itinerary.coords import SAME_CITY_KM, haversine_km
from itinerary.model import Role, Status, Stop

__all__ = [
    "AREA_KINDS",
    "UNKNOWN_TRAVELLER",
    "Located",
    "StatusVerdict",
    "latest_status",
    "same_place",
    "travel_order",
    "unique_id",
]

#: The traveller of a trip no report names.
UNKNOWN_TRAVELLER = "Unknown traveller"

#: Kinds of place that are areas, not points: never one place with a point by distance alone.
AREA_KINDS = frozenset({"country", "region"})


class Located(Protocol):
    """A place with an id, a kind and a point (a gazetteer record, a resolved :class:`Place`)."""

    @property
    def id(self) -> str: ...

    @property
    def kind(self) -> str: ...

    @property
    def lat(self) -> float: ...

    @property
    def lon(self) -> float: ...


def same_place(a: Located, b: Located, km: float = SAME_CITY_KM) -> bool:
    """One place to a reader: the same id, or two points (neither a country nor a region) at most
    ``km`` apart (a city and its airport, two gazetteers' points for one city).

    Callers that know more add their own rule on top and say so: the geocoder takes a region and
    its namesake city for one answer, the merge wants the same kind of place."""
    if a.id == b.id:
        return True
    if a.kind in AREA_KINDS or b.kind in AREA_KINDS:
        return False
    return haversine_km(a.lat, a.lon, b.lat, b.lon) <= km


@dataclass(frozen=True)
class StatusVerdict:
    """What several reports of one stop come to: the status, the report that decided it (its
    position in the reports) and notes on disagreements a reviewer should see."""

    status: Status
    decider: int
    notes: tuple[str, ...] = field(default=())


def latest_status(reports: Sequence[tuple[str | None, Status]]) -> StatusVerdict:
    """The latest report wins, but a confirmed stop never goes back to planned or cancelled.

    ``reports`` are (source id, status) pairs, the earliest published first. A stop confirmed
    then said cancelled, or cancelled then back, is noted for review."""
    if not reports:
        raise ValueError("a stop's status needs at least one report")
    notes: list[str] = []
    status, decider = reports[0][1], 0
    for i, (source, said) in enumerate(reports[1:], start=1):
        by = reports[decider][0]
        if status is Status.CONFIRMED and said is not Status.CONFIRMED:
            if said is Status.CANCELLED:
                notes.append(
                    f"status disagrees: {by} says confirmed, {source} (later) says cancelled; kept confirmed"
                )
            continue
        if status is Status.CANCELLED and said is not Status.CANCELLED:
            notes.append(f"status changed: {by} says cancelled, {source} (later) says {said}; kept {said}")
        status, decider = said, i
    return StatusVerdict(status, decider, tuple(dict.fromkeys(notes)))


def unique_id(base: str, used: Collection[str]) -> str:
    """``base``, or ``base-2``, ``base-3``... the first that is not in ``used``."""
    if base not in used:
        return base
    n = 2
    while f"{base}-{n}" in used:
        n += 1
    return f"{base}-{n}"


def travel_order(stops: Sequence[Stop]) -> list[int]:
    """The positions of ``stops`` (given in the sources' order) in travel order: by date, a stop
    without one keeping the date of the stop before it, an origin before the other stops of its
    day. An origin without a date comes just before the first dated stop told in its sentence (the
    same quote: "arrived in Pyongyang on Tuesday from Yakutsk"), else at the start of the trip
    (news tells the journey to the first stop after the arrival: "Modi, who flew in from New
    Delhi, ...")."""
    told: dict[str, dt.date] = {}
    for s in stops:
        if s.quote and s.date.start is not None:
            told.setdefault(s.quote, s.date.start)
    keyed: list[tuple[dt.date, int, int]] = []
    last = dt.date.min
    for pos, s in enumerate(stops):
        start = s.date.start
        last = start if start is not None else last
        origin = s.role is Role.ORIGIN
        day = told.get(s.quote or "", dt.date.min) if origin and start is None else last
        keyed.append((day, 0 if origin else 1, pos))
    return [pos for *_, pos in sorted(keyed)]


def in_travel_order(stops: Iterable[Stop]) -> tuple[Stop, ...]:
    """``stops`` sorted by :func:`travel_order`."""
    given = list(stops)
    return tuple(given[i] for i in travel_order(given))
