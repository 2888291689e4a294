"""Great circles: the route for air travel and the fallback for every mode."""

from __future__ import annotations

from itinerary.geometry import STEP_KM, great_circle, normalize_lon, split_antimeridian
from itinerary.model import Basis, Leg, Mode, Stop
from itinerary.routing.base import Router, stop_latlon

__all__ = ["STEP_KM", "GeodesicRouter", "great_circle", "normalize_lon", "split_antimeridian"]


class GeodesicRouter(Router):
    """A great circle densified every ~25 km (pyproj.Geod)."""

    def __init__(self, step_km: float = STEP_KM) -> None:
        self.step_km = step_km

    def _route(self, a: Stop, b: Stop, mode: Mode, basis: Basis) -> Leg:
        line, km = great_circle(stop_latlon(a), stop_latlon(b), self.step_km)
        return Leg("", 0, a, b, mode, basis, line, round(km, 3))
