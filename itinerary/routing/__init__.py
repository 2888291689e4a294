"""Routing: legs between consecutive stops (railway paths, great circles) with their basis."""

from __future__ import annotations

from itinerary.routing.base import Router
from itinerary.routing.geodesic import GeodesicRouter, split_antimeridian
from itinerary.routing.legs import build_legs, default_routers
from itinerary.routing.rail import RailNetwork, RailRouter

__all__ = [
    "GeodesicRouter",
    "RailNetwork",
    "RailRouter",
    "Router",
    "build_legs",
    "default_routers",
    "split_antimeridian",
]
