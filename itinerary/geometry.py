"""Geometry on the sphere: great circles and cutting lines at the antimeridian.

Base layer: used by routing (to draw legs) and by io (GeoJSON must split lines at +-180),
neither of which may import the other.
"""

from __future__ import annotations

import math
from functools import cache
from typing import Any

import numpy as np
from shapely.geometry import LineString, MultiLineString

from itinerary.coords import xy

STEP_KM = 25.0


@cache
def _geod() -> Any:
    from pyproj import Geod

    return Geod(ellps="WGS84")


def great_circle(
    a: tuple[float, float], b: tuple[float, float], step_km: float = STEP_KM
) -> tuple[LineString, float]:
    """Densified great circle between two (lat, lon) points and its length in km.

    Longitudes are unwrapped, so a path across the antimeridian stays continuous
    (it may run past 180 or below -180); see :func:`split_antimeridian` for GeoJSON.
    """
    (x1, y1), (x2, y2) = xy(*a), xy(*b)
    g = _geod()
    _, _, dist_m = g.inv(x1, y1, x2, y2)
    km = dist_m / 1000.0
    n = max(0, math.ceil(km / step_km) - 1)
    mids = g.npts(x1, y1, x2, y2, n) if n else []
    lons = np.array([x1, *(p[0] for p in mids), x2], dtype=float)
    lats = np.array([y1, *(p[1] for p in mids), y2], dtype=float)
    lons = np.unwrap(lons, period=360.0)
    if len(lons) == 2 and lons[0] == lons[1] and lats[0] == lats[1]:
        lons = np.array([lons[0], lons[0] + 1e-9])
    return LineString(np.column_stack([lons, lats])), km


def normalize_lon(x: float) -> float:
    return ((x + 180.0) % 360.0) - 180.0


def split_antimeridian(line: LineString | MultiLineString) -> LineString | MultiLineString:
    """Cut an unwrapped line where it crosses +-180 and bring every part into [-180, 180]."""
    parts = list(line.geoms) if isinstance(line, MultiLineString) else [line]
    out: list[list[tuple[float, float]]] = []
    for part in parts:
        coords = np.asarray(part.coords)
        current: list[tuple[float, float]] = []
        for i, (x, y) in enumerate(coords):
            if i:
                px, py = coords[i - 1]
                k0, k1 = math.floor((px + 180) / 360), math.floor((x + 180) / 360)
                if k0 != k1:
                    edge = 180.0 + 360.0 * min(k0, k1)  # the meridian crossed, unwrapped
                    t = (edge - px) / (x - px)
                    yc = py + t * (y - py)
                    side = 180.0 if x > px else -180.0
                    current.append((side, yc))
                    out.append(current)
                    current = [(-side, yc)]
            current.append((normalize_lon(x) if abs(x) > 180 else float(x), float(y)))
        out.append(current)
    out = [p for p in out if len(p) >= 2]
    if len(out) == 1:
        return LineString(out[0])
    return MultiLineString(out)
