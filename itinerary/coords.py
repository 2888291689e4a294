"""Coordinate order lives here and only here.

The model keeps named ``lat`` and ``lon`` fields. geopy and folium take (lat, lon);
shapely, GeoJSON and pyproj take (lon, lat). Every conversion between the two goes
through this module.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

EARTH_RADIUS_KM = 6371.0088
#: km within which two points are one place to a reader (a city and its airport, two gazetteers'
#: points for one city): used by the extractor, the merge and the geocoder
SAME_CITY_KM = 25.0


def xy(lat: float, lon: float) -> tuple[float, float]:
    """(lat, lon) -> (x, y) = (lon, lat) for shapely, GeoJSON and pyproj."""
    return (float(lon), float(lat))


def latlon(x: float, y: float) -> tuple[float, float]:
    """(x, y) = (lon, lat) -> (lat, lon) for geopy and folium."""
    return (float(y), float(x))


def point(lat: float, lon: float) -> Any:
    """A shapely Point at (lat, lon)."""
    from shapely.geometry import Point

    return Point(lon, lat)


def latlon_path(coords: Iterable[Sequence[float]]) -> list[list[float]]:
    """Shapely/GeoJSON (lon, lat) coordinates -> folium [[lat, lon], ...]."""
    return [[float(c[1]), float(c[0])] for c in coords]


def latlon_array(coords: Any, *, lon_offsets: Any = 0.0, decimals: int = 4) -> list[list[float]]:
    """Shapely (lon, lat) coordinates (a sequence or an array) -> rounded [[lat, lon], ...],
    ``lon_offsets`` (a number or one per point) added to the longitudes; vectorised."""
    import numpy as np

    a = np.asarray(coords, dtype=float).reshape(-1, np.shape(coords)[-1] if np.ndim(coords) == 2 else 2)[
        :, :2
    ]
    out = np.column_stack([a[:, 1], a[:, 0] + lon_offsets]).round(decimals)
    rows: list[list[float]] = out.tolist()
    return rows


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km on the mean Earth sphere."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))
