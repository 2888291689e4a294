"""Legs of a whole trip: each pair of consecutive stops routed by its mode."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from itinerary.model import Basis, Leg, Mode, Trip
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


def build_legs(trip: Trip, routers: Mapping[Mode, Router] | None = None) -> tuple[Leg, ...]:
    """Route every leg of ``trip``.

    A stop's mode, else the trip's mode, is *reported*; with neither the mode is unknown and
    the leg is an *assumed* great circle. Road and sea legs are drawn as great circles, so
    their basis is *assumed* too: the map says so.
    """
    routers = routers or default_routers()
    legs = []
    for i, a, b in trip.pairs():
        mode, basis = trip.leg_mode(i)
        if mode in (Mode.ROAD, Mode.SEA, Mode.UNKNOWN):
            basis = Basis.ASSUMED
        leg = routers[mode].route(a, b, mode, basis)
        legs.append(dataclasses.replace(leg, trip_id=trip.id, index=i - 1))
    return tuple(legs)
