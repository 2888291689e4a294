"""A kept traveller's trips as the last merge stored them: :class:`StoredTrip` reads its id and
traveller (all the merge's ordering, unique ids, title and report need), and the few counts the
build writes (stops, stops to review, the sources its stops name), from what was stored; its
stops become model objects only when something reads them.

A rebuild merges again only the travellers whose reports changed; the others' trips are what the
last merge stored. Turning every one of them back into :class:`~itinerary.model.Trip` objects
(each stop, date and report checked as a file's are) was a third of a rebuild's merge, for trips
whose files are then taken whole from the last merge's parts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from itinerary.model import Mode, Stop, Trip

__all__ = ["StoredTrip", "own_source_ids", "review_count", "stop_count", "summary"]


def summary(trip: Trip) -> dict[str, Any]:
    """What :class:`StoredTrip` reads without its stops: the trip's id, traveller, count of
    stops, count of stops to review and the sources its stops name (their ``source``, once each)."""
    return {
        "id": trip.id,
        "traveller": trip.traveller,
        "stops": len(trip.stops),
        "review": sum(s.needs_review for s in trip.stops),
        "own": list(own_source_ids(trip)),
    }


class StoredTrip(Trip):
    """A trip as stored by the last merge: equal to the :class:`~itinerary.model.Trip` it stores
    (compared, hashed and shown as that trip), its stops, mode and title made by ``load`` the
    first time one is read. Made by :meth:`stored`; called as a ``Trip`` (as
    :func:`dataclasses.replace` does), it holds the trip given."""

    _trip: Trip | None
    _load: Callable[[], Trip] | None
    _summary: dict[str, Any]

    def __init__(
        self,
        id: str,
        traveller: str,
        stops: tuple[Stop, ...] = (),
        mode: Mode | None = None,
        title: str | None = None,
    ) -> None:
        trip = Trip(id, traveller, stops, mode, title)
        self._set(trip, None, summary(trip))

    @classmethod
    def stored(cls, head: dict[str, Any], load: Callable[[], Trip]) -> StoredTrip:
        """The trip whose :func:`summary` is ``head``, its whole made by ``load`` when needed."""
        self = object.__new__(cls)
        self._set(None, load, head)
        return self

    def _set(self, trip: Trip | None, load: Callable[[], Trip] | None, head: dict[str, Any]) -> None:
        object.__setattr__(self, "_trip", trip)
        object.__setattr__(self, "_load", load)
        object.__setattr__(self, "_summary", head)
        object.__setattr__(self, "id", str(head["id"]))
        object.__setattr__(self, "traveller", str(head["traveller"]))

    def whole(self) -> Trip:
        """The trip stored, made the first time it is asked for."""
        if self._trip is None:
            assert self._load is not None
            trip = self._load()
            if (trip.id, trip.traveller) != (self.id, self.traveller):
                raise ValueError(f"the stored trip {self.id} is not the trip its summary names")
            object.__setattr__(self, "_trip", trip)
            object.__setattr__(self, "_load", None)
        assert self._trip is not None
        return self._trip

    @property
    def stops(self) -> tuple[Stop, ...]:
        return self.whole().stops

    @property
    def mode(self) -> Mode | None:
        return self.whole().mode

    @property
    def title(self) -> str | None:
        return self.whole().title

    def __eq__(self, other: object) -> bool:
        if isinstance(other, StoredTrip):
            other = other.whole()
        return self.whole() == other if isinstance(other, Trip) else NotImplemented

    def __hash__(self) -> int:
        return hash(self.whole())

    def __repr__(self) -> str:
        return repr(self.whole())

    def __reduce__(self) -> tuple[Any, ...]:  # copied or sent elsewhere: the trip itself
        return (Trip, (self.id, self.traveller, self.stops, self.mode, self.title))


def stop_count(trip: Trip) -> int:
    """``len(trip.stops)``; a :class:`StoredTrip`'s from what was stored."""
    return int(trip._summary["stops"]) if isinstance(trip, StoredTrip) else len(trip.stops)


def review_count(trip: Trip) -> int:
    """The trip's stops that need review; a :class:`StoredTrip`'s from what was stored."""
    if isinstance(trip, StoredTrip):
        return int(trip._summary["review"])
    return sum(s.needs_review for s in trip.stops)


def own_source_ids(trip: Trip) -> tuple[str, ...]:
    """The sources the trip's stops name as theirs (their ``source``), once each, in order; a
    :class:`StoredTrip`'s from what was stored."""
    if isinstance(trip, StoredTrip):
        return tuple(str(s) for s in trip._summary["own"])
    return tuple(dict.fromkeys(s.source for s in trip.stops if s.source))
