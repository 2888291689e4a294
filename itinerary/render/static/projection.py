"""The print map's projection and frame, chosen from the points it draws.

Every point within 25 degrees of the data's spherical centre: an azimuthal equidistant
projection centred there (true distances from the centre, so a scale bar is honest). Beyond:
Miller on the data's central meridian, north up everywhere, so an ocean crossing keeps its
continents upright and the frame is a rectangle that never leaves the map. The frame is tight
to everything drawn, padded, and widened to the page's shape."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from itinerary.errors import ValidationError
from itinerary.model import Prepared
from itinerary.render.layout import LonFrame, lon_frame
from itinerary.render.static.seams import leg_parts

# width and height in inches (None: from the data's shape); a column is 8.8 cm wide
SIZES: dict[str, tuple[float, float | None]] = {
    "column": (3.46, None),
    "16:9": (10.0, 5.625),
    "square": (7.0, 7.0),
}
AZIMUTHAL_MAX_DEG = 25.0  # about 2,800 km: beyond, an azimuthal map turns the continents at its edges


@dataclass(frozen=True)
class MapPoints:
    """Every point the map draws (stops and leg vertices), in lon/lat of the map's continuous
    longitude range."""

    lons: np.ndarray
    lats: np.ndarray


def drawn_points(p: Prepared, frame: LonFrame) -> MapPoints:
    """The stops and the vertices of every leg, longitudes in ``frame``."""
    pts = [(frame.shift(ll[1]), ll[0]) for _, _, s in p.itinerary.stops() if (ll := s.latlon) is not None]
    for trip in p.itinerary.trips:
        for _, xy in leg_parts(p, frame, trip.id):
            pts += [(float(x), float(y)) for x, y in xy]
    arr = np.asarray(pts, dtype=float).reshape(-1, 2)
    return MapPoints(arr[:, 0], arr[:, 1])


def _centre(d: MapPoints) -> tuple[float, float, float]:
    """(lon, lat) of the points' spherical centre and the largest angle (deg) from it."""
    lo, la = np.radians(d.lons), np.radians(d.lats)
    v = np.column_stack([np.cos(la) * np.cos(lo), np.cos(la) * np.sin(lo), np.sin(la)])
    c = v.mean(axis=0)
    n = float(np.linalg.norm(c))
    c = c / n if n > 1e-9 else np.array([1.0, 0.0, 0.0])
    spread = float(np.degrees(np.arccos(np.clip(v @ c, -1, 1))).max())
    return math.degrees(math.atan2(c[1], c[0])), math.degrees(math.asin(c[2])), spread


def choose_projection(d: MapPoints) -> tuple[Any, bool]:
    """(cartopy projection, metric): azimuthal equidistant on the data's centre when every point
    lies within 25 degrees of it (true distances from the centre: a scale bar is honest), else
    Miller on the data's central meridian: north up everywhere (an ocean crossing keeps its
    continents upright) and a rectangle, so the frame never leaves the map."""
    import cartopy.crs as ccrs

    lon, lat, spread = _centre(d)
    if spread <= AZIMUTHAL_MAX_DEG:
        return ccrs.AzimuthalEquidistant(central_longitude=lon, central_latitude=lat), True
    frame = lon_frame(d.lons)
    return ccrs.Miller(central_longitude=frame.centre), False


def extent(proj: Any, d: MapPoints, aspect: float | None, pad: float = 0.08) -> tuple[float, ...]:
    """(x0, x1, y0, y1) in projected units around every point, padded, widened to ``aspect``
    (width / height) so the map fills the canvas."""
    import cartopy.crs as ccrs

    pts = proj.transform_points(ccrs.PlateCarree(), d.lons, d.lats)
    ok = np.isfinite(pts[:, 0]) & np.isfinite(pts[:, 1])
    x0, x1 = float(pts[ok, 0].min()), float(pts[ok, 0].max())
    y0, y1 = float(pts[ok, 1].min()), float(pts[ok, 1].max())
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    w, h = max(x1 - x0, 5e5), max(y1 - y0, 5e5)  # at least 500 km: the basemap is 1:50m
    x0, x1, y0, y1 = cx - w / 2, cx + w / 2, cy - h / 2, cy + h / 2
    x0, x1, y0, y1 = x0 - w * pad, x1 + w * pad, y0 - h * (pad + 0.04), y1 + h * (pad + 0.1)
    if aspect is None:
        return x0, x1, y0, y1
    return aspect_fit(proj, (x0, x1, y0, y1), aspect)


def aspect_fit(proj: Any, ext: tuple[float, ...], aspect: float) -> tuple[float, ...]:
    """``ext`` grown to width / height == ``aspect`` and slid inside the projection's limits."""
    x0, x1, y0, y1 = ext
    w, h = x1 - x0, y1 - y0
    if w / h < aspect:
        grow = (h * aspect - w) / 2
        x0, x1 = x0 - grow, x1 + grow
    else:
        grow = (w / aspect - h) / 2
        y0, y1 = y0 - grow, y1 + grow
    (x0, x1), (y0, y1) = _inside((x0, x1), proj.x_limits), _inside((y0, y1), proj.y_limits)
    if (x1 - x0) / (y1 - y0) > aspect * 1.001:  # taller than the map allows: widen
        grow = ((y1 - y0) * aspect - (x1 - x0)) / 2
        x0, x1 = _inside((x0 - grow, x1 + grow), proj.x_limits)
    return x0, x1, y0, y1


def _inside(span: tuple[float, float], limits: tuple[float, float]) -> tuple[float, float]:
    """``span`` slid (then cut) to lie within the projection's ``limits``."""
    a, b = span
    lo, hi = limits
    if b - a >= hi - lo:
        return lo, hi
    if a < lo:
        a, b = lo, b + (lo - a)
    if b > hi:
        a, b = a - (b - hi), hi
    return a, b


def page_size(preset: str, proj: Any, d: MapPoints) -> tuple[float, float]:
    """(width, height) in inches of a size preset; a column's height follows the data's shape."""
    if preset not in SIZES:
        raise ValidationError(f"unknown size {preset!r}; use one of {', '.join(SIZES)}")
    width, height = SIZES[preset]
    if height is None:
        x0, x1, y0, y1 = extent(proj, d, None)
        height = width * min(1.4, max(0.6, (y1 - y0) / (x1 - x0)))
    return width, height
