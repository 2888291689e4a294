"""Legs of a whole trip: the live route between the stops that still stand, each routed by
its mode, and the cancelled detours drawn apart."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from itinerary.geometry import great_circle
from itinerary.model import Leg, Mode, Status, Trip
from itinerary.routing.base import Router
from itinerary.routing.geodesic import GeodesicRouter
from itinerary.routing.rail import RailRouter


def default_routers() -> dict[Mode, Router]:
    """Rail follows the railway network; every other mode is a great circle."""
    geodesic = GeodesicRouter()
    return {
        Mode.RAIL: RailRouter(),
        Mode.AIR: geodesic,
        Mode.ROAD: geodesic,
        Mode.SEA: geodesic,
        Mode.UNKNOWN: geodesic,
    }


def leg_pairs(trip: Trip) -> Iterator[tuple[int, int]]:
    """(origin index, destination index) of every leg, in travel order.

    The live route joins each stop that is not cancelled to the next such stop, skipping
    cancelled stops between them; a run of cancelled stops becomes a detour of its own from the
    last live stop before it, through the cancelled stops, to the next live stop.
    """
    n = len(trip.stops)
    live = [i for i, s in enumerate(trip.stops) if s.status is not Status.CANCELLED]
    yield from itertools.pairwise(live)
    i = 0
    while i < n:
        if trip.stops[i].status is not Status.CANCELLED:
            i += 1
            continue
        j = i
        while j + 1 < n and trip.stops[j + 1].status is Status.CANCELLED:
            j += 1
        chain = ([i - 1] if i > 0 else []) + list(range(i, j + 1)) + ([j + 1] if j + 1 < n else [])
        yield from itertools.pairwise(chain)
        i = j + 1


def build_legs(trip: Trip, routers: Mapping[Mode, Router] | None = None) -> tuple[Leg, ...]:
    """Route every leg of ``trip`` (see :func:`leg_pairs`), sorted by origin then destination.

    A leg's mode is that of the stop it reaches, else the trip's; the basis says whether the
    file reports it (``mode: unknown`` stays unknown); the router says how it drew the path.
    """
    routers = routers or default_routers()
    legs = []
    for i, j in sorted(leg_pairs(trip)):
        a, b = trip.stops[i], trip.stops[j]
        mode, basis = trip.leg_mode(j)
        leg = routers[mode].route(a, b, mode, basis)
        legs.append(dataclasses.replace(leg, trip_id=trip.id, index=i, to_index=j))
    return tuple(legs)


#: The longest one leg of a mode plausibly is, in km. A road leg of 2,000 km is already days of
#: driving; the longest rail journeys of leaders (Pyongyang to Hanoi, Moscow to Vladivostok) stay
#: under 10,000 km. Air and sea legs have no limit.
PLAUSIBLE_KM: dict[Mode, float] = {Mode.ROAD: 2000.0, Mode.RAIL: 10000.0}


def implausible(mode: Mode, km: float | None) -> str | None:
    """Why a leg of ``km`` by ``mode`` is implausible (no such trip covers it), else None."""
    limit = PLAUSIBLE_KM.get(mode)
    if limit is None or km is None or km <= limit:
        return None
    return (
        f"{km:,.0f} km by {mode.value} in one leg (more than {limit:,.0f} km): check the places or the mode"
    )


@dataclass(frozen=True)
class Doubt:
    """An implausible leg of a trip: the positions of its ends and why it is doubtful."""

    trip_id: str
    index: int
    to_index: int
    reason: str


def implausible_legs(trip: Trip) -> list[Doubt]:
    """The trip's live and cancelled legs (see :func:`leg_pairs`) whose mode cannot cover their
    great-circle distance; a routed path is longer, so the check needs no routing (``resolve``
    runs it before any leg is drawn). Stops without coordinates are skipped."""
    out = []
    for i, j in sorted(leg_pairs(trip)):
        a, b = trip.stops[i].latlon, trip.stops[j].latlon
        mode, _ = trip.leg_mode(j)
        if a is None or b is None or mode not in PLAUSIBLE_KM:
            continue
        reason = implausible(mode, great_circle(a, b, step_km=1e9)[1])
        if reason is not None:
            out.append(Doubt(trip.id, i, j, reason))
    return out
