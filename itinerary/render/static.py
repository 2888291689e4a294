"""Static maps for print (PNG, SVG, PDF) with cartopy and matplotlib over the shipped basemap.

The projection is chosen from the data: an azimuthal equidistant projection centred on the
trips (true distances from the centre, so a scale bar is honest) unless they span more than
a hemisphere, then Equal Earth centred on them. The frame is tight to everything drawn and
fills the whole canvas; labels are moved apart by adjustText with leader lines; the legend
and the locator inset go in the emptiest corners. All text is drawn literally (no mathtext).
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from itinerary.errors import ValidationError
from itinerary.files import atomic_path
from itinerary.geocode.regions import basemap_geojson
from itinerary.model import Itinerary, Prepared, Status
from itinerary.pipeline import prepare
from itinerary.render.layout import (
    LonFrame,
    Marker,
    arriving_legs,
    bend,
    frame_for,
    frame_pieces,
    label_text,
    leg_doubt,
    lon_frame,
    map_title,
    markers,
    parallel_bends,
    repeated_labels,
    stop_doubts,
    totals,
)
from itinerary.theme import status_color, theme, trip_color

FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}
# width and height in inches (None: from the data's shape); a column is 8.8 cm wide
SIZES: dict[str, tuple[float, float | None]] = {
    "column": (3.46, None),
    "16:9": (10.0, 5.625),
    "square": (7.0, 7.0),
}
CREDIT = "Basemap: Natural Earth (public domain). Places: GeoNames (CC BY 4.0). Made with itinerary."
CREDIT_SHORT = "Natural Earth; GeoNames (CC BY 4.0)"
CORNERS = ("upper right", "lower left", "lower right", "upper left")


def static_format(path: str | os.PathLike[str]) -> str:
    """The image format of ``path`` from its suffix, or a one-line error naming the fix."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ValidationError(
            f"cannot tell the image format of {Path(path).name!r}; use a .png, .svg or .pdf suffix"
        )
    return FORMATS[suffix]


# ---------------------------------------------------------------- geometry


@dataclass(frozen=True)
class Drawn:
    """Every point the map draws, in lon/lat of the map's continuous longitude range."""

    lons: np.ndarray
    lats: np.ndarray


def _leg_parts(p: Prepared, frame: LonFrame, trip_id: str) -> Iterator[tuple[Any, np.ndarray]]:
    bends = parallel_bends(p)  # legs over the same path bow apart (as on the HTML map)
    for leg in p.legs.get(trip_id, ()):
        g = leg.geometry
        if g is None:
            continue
        share = bends.get((leg.trip_id, leg.index, leg.end_index), 0.0)
        for part in list(g.geoms) if g.geom_type == "MultiLineString" else [g]:
            coords = bend(np.asarray(part.coords, dtype=float)[:, :2], share)
            for xy in frame_pieces(coords, frame):
                yield leg, xy


def drawn_points(p: Prepared, frame: LonFrame) -> Drawn:
    pts = [(frame.shift(ll[1]), ll[0]) for _, _, s in p.itinerary.stops() if (ll := s.latlon) is not None]
    for trip in p.itinerary.trips:
        for _, xy in _leg_parts(p, frame, trip.id):
            pts += [(float(x), float(y)) for x, y in xy]
    arr = np.asarray(pts, dtype=float).reshape(-1, 2)
    return Drawn(arr[:, 0], arr[:, 1])


def _centre(d: Drawn) -> tuple[float, float, float]:
    """(lon, lat) of the points' spherical centre and the largest angle (deg) from it."""
    lo, la = np.radians(d.lons), np.radians(d.lats)
    v = np.column_stack([np.cos(la) * np.cos(lo), np.cos(la) * np.sin(lo), np.sin(la)])
    c = v.mean(axis=0)
    n = float(np.linalg.norm(c))
    c = c / n if n > 1e-9 else np.array([1.0, 0.0, 0.0])
    spread = float(np.degrees(np.arccos(np.clip(v @ c, -1, 1))).max())
    return math.degrees(math.atan2(c[1], c[0])), math.degrees(math.asin(c[2])), spread


AZIMUTHAL_MAX_DEG = 25.0  # about 2,800 km: beyond, an azimuthal map turns the continents at its edges


def choose_projection(d: Drawn) -> tuple[Any, bool]:
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


# ---------------------------------------------------------------- drawing


@cache
def _world() -> list[Any]:
    import shapely
    from shapely.geometry import shape

    geoms = [shape(f["geometry"]) for f in basemap_geojson()["features"]]
    return [g for g in shapely.simplify(geoms, 0.02, preserve_topology=True) if not g.is_empty]


def _view_box(proj: Any, ext: tuple[float, ...], frame: LonFrame) -> tuple[float, float, float, float]:
    """A lon/lat box (longitudes in the map's frame) that holds the whole view."""
    import cartopy.crs as ccrs

    gx, gy = np.meshgrid(np.linspace(ext[0], ext[1], 24), np.linspace(ext[2], ext[3], 24))
    ll = ccrs.PlateCarree().transform_points(proj, gx.ravel(), gy.ravel())
    ok = np.isfinite(ll[:, 0]) & np.isfinite(ll[:, 1])
    lons = np.array([frame.shift(x) for x in ll[ok, 0]])
    lats = ll[ok, 1]
    y0, y1 = float(lats.min()) - 5, float(lats.max()) + 5
    if y1 > 80 or y0 < -80 or lons.max() - lons.min() > 300:  # a pole in view: every longitude
        return -180.0, max(-90.0, y0), 180.0, min(90.0, y1)
    return float(lons.min()) - 5, max(-90.0, y0), float(lons.max()) + 5, min(90.0, y1)


def _basemap(ax: Any, box: tuple[float, float, float, float]) -> None:
    """Land clipped to a lon/lat box around the view (faster, and no far-side artefacts)."""
    import shapely

    th = theme()["basemap"]
    x0, y0, x1, y1 = box
    pieces = []
    for s in (-360.0, 0.0, 360.0):
        a, b = max(-180.0, x0 + s), min(180.0, x1 + s)
        if a < b:
            pieces += [g for g in shapely.clip_by_rect(_world(), a, y0, b, y1) if not g.is_empty]
    _add_projected(ax, pieces, facecolor=th["land"], edgecolor=th["border"], linewidth=0.35)


@cache
def _transformer(proj4: str) -> Any:
    from pyproj import Transformer

    return Transformer.from_crs("EPSG:4326", proj4, always_xy=True)


@cache
def _coarse_world() -> list[Any]:
    import shapely

    parts = shapely.get_parts(shapely.simplify(_world(), 0.5, preserve_topology=True))
    return [g for g in parts if g.area > 4.0]  # a locator shows continents, not islands


def _add_projected(ax: Any, geoms: list[Any], **style: Any) -> None:
    """Polygons projected once into the axes' projection and drawn as one collection (cartopy's
    feature artists re-project on every draw, and label placement draws several times)."""
    import cartopy.crs as ccrs
    import shapely
    from cartopy.mpl.path import shapely_to_path
    from matplotlib.collections import PathCollection

    if isinstance(ax.projection, ccrs.Orthographic):  # a globe: cartopy cuts the far side
        src = ccrs.PlateCarree()
        projected = [ax.projection.project_geometry(g, src) for g in geoms]
    else:  # the view lies well inside the projection's domain: project vertex by vertex
        to_map = _transformer(ax.projection.proj4_init)
        projected = list(
            shapely.transform(geoms, lambda xy: np.column_stack(to_map.transform(xy[:, 0], xy[:, 1])))
        )
    paths = [shapely_to_path(g) for g in projected if not g.is_empty and shapely.is_valid(g)]
    ax.add_collection(PathCollection(paths, transform=ax.transData, zorder=1, **style), autolim=False)


def _linestyle(status: str, lw: float) -> Any:
    dash = theme()["status"][status]["dash"]
    if not dash:
        return "-"
    return (0, tuple(max(0.5, v / 2 / lw) for v in dash))


def seam_parts(xy: np.ndarray, centre: float) -> list[np.ndarray]:
    """``xy`` (lon/lat) cut where it crosses the meridian opposite ``centre`` (the left and right
    edge of a cylindrical map), each piece ending on that edge, so no segment is drawn across the
    whole map. Longitudes come back within 180 degrees of ``centre``."""
    rel = (xy[:, 0] - centre + 180.0) % 360.0 - 180.0
    parts: list[np.ndarray] = []
    current = [(rel[0], xy[0, 1])]
    for i in range(1, len(xy)):
        x0, x1, y0, y1 = rel[i - 1], rel[i], xy[i - 1, 1], xy[i, 1]
        if abs(x1 - x0) > 180.0:  # the path leaves by one edge and comes back by the other
            edge = 180.0 if x0 > 0 else -180.0
            run = (x1 + 2 * edge) - x0
            y = y0 + (y1 - y0) * ((edge - x0) / run if run else 0.0)
            inside = edge - math.copysign(1e-6, edge)  # on the edge, on this side of it
            parts.append(np.array([*current, (inside, y)]))
            current = [(-inside, y)]
        current.append((x1, y1))
    parts.append(np.array(current))
    return [np.column_stack([part[:, 0] + centre, part[:, 1]]) for part in parts if len(part) > 1]


def _draw_legs(ax: Any, p: Prepared, frame: LonFrame, proj: Any, metric: bool) -> None:
    import cartopy.crs as ccrs

    src = ccrs.PlateCarree()
    centre = float(proj.proj4_params.get("lon_0", 0.0))
    for ti, trip in enumerate(p.itinerary.trips):
        color = trip_color(ti)
        for leg, whole in _leg_parts(p, frame, trip.id):
            for xy in [whole] if metric else seam_parts(whole, centre):
                _draw_leg(ax, leg, proj.transform_points(src, xy[:, 0], xy[:, 1]), color)


def _draw_leg(ax: Any, leg: Any, pts: np.ndarray, color: str) -> None:
    th = theme()
    lw = th["mode"][leg.mode.value]["weight"] * 0.45
    doubt = leg_doubt(leg) is not None
    if doubt:  # implausible: a wide halo of the doubt colour under a dotted line
        ax.plot(pts[:, 0], pts[:, 1], color=th["doubt"]["color"], linewidth=lw + 4, alpha=0.4, zorder=2)
    ax.plot(
        pts[:, 0],
        pts[:, 1],
        color=status_color(leg.status.value, color),
        linestyle=(0, (1, 1.5)) if doubt else _linestyle(leg.status.value, lw),
        linewidth=lw,
        alpha=th["basis"][leg.basis.value]["opacity"],
        solid_capstyle="round",
        zorder=3 + _STATUS_Z[leg.status] if leg.status is not Status.CANCELLED else 2,  # confirmed on top
    )


def _doubtful(p: Prepared, m: Marker) -> bool:
    trip = p.itinerary.trips[m.trip]
    arriving = arriving_legs(p, trip)
    return any(stop_doubts(trip.stops[i], arriving.get(i, [])) for i in m.stops)


_STATUS_Z = {Status.CONFIRMED: 0.2, Status.PLANNED: 0.1, Status.CANCELLED: 0.0}


def _draw_markers(ax: Any, p: Prepared, marks: list[Marker], xy: np.ndarray) -> None:
    for m, (x, y) in zip(marks, xy, strict=True):
        trip = p.itinerary.trips[m.trip]
        color = trip_color(m.trip)
        stops = [trip.stops[i] for i in m.stops]
        if _doubtful(p, m):  # to be checked: a dashed ring of the doubt colour
            ax.plot(
                x,
                y,
                "o",
                markersize=11,
                markerfacecolor="none",
                markeredgewidth=1.3,
                markeredgecolor=theme()["doubt"]["color"],
                linestyle="none",
                zorder=6.5,
            )
        if all(s.status is Status.CANCELLED for s in stops):
            ax.plot(x, y, "X", markersize=6, color=status_color("cancelled", color), zorder=5)
            continue
        filled = any(s.status is Status.CONFIRMED for s in stops)
        ax.plot(
            x,
            y,
            "o",
            markersize=5.5,
            markeredgewidth=1.2,
            markeredgecolor=color,
            markerfacecolor=color if filled else "white",
            zorder=6 + (_STATUS_Z[Status.CONFIRMED] if filled else _STATUS_Z[Status.PLANNED]),
        )


def _label_texts(
    ax: Any, p: Prepared, marks: list[Marker], xy: np.ndarray, fontsize: float
) -> tuple[list[Any], np.ndarray]:
    """One label per place and text: a place that several travellers reach on the same dates
    gets one label without stop numbers. Returns the texts and their target points."""
    same = repeated_labels(p, marks)
    shared = {(m.lat, m.lon) for m in same}
    texts, targets = [], []
    for m, (x, y) in zip(marks, xy, strict=True):
        if m in same:
            continue
        trip = p.itinerary.trips[m.trip]
        name, dates = label_text(trip, m)
        cancelled = all(trip.stops[i].status is Status.CANCELLED for i in m.stops)
        nums = "" if (m.lat, m.lon) in shared else f"{m.numbers()}. "
        doubt = " (to be checked)" if _doubtful(p, m) else ""
        text = (
            f"{nums}{name}" + (f", {dates}" if dates else "") + (" (cancelled)" if cancelled else "") + doubt
        )
        targets.append((x, y))
        # several travellers: each label in its traveller's colour, so equal numbers are told apart
        ink = trip_color(m.trip) if len(p.itinerary.trips) > 1 else "#1a1a1a"
        texts.append(
            ax.text(
                x,
                y,
                text,
                fontsize=fontsize,
                color="#777777" if cancelled else ink,
                style="italic" if cancelled else "normal",
                ha="left",
                va="bottom",
                zorder=8,
                parse_math=False,
                bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8},
            )
        )
    return texts, np.asarray(targets, dtype=float).reshape(-1, 2)


def _fit_texts(fig: Any, ax: Any, proj: Any, ext: tuple[float, ...], texts: list[Any], aspect: float) -> Any:
    """Widen the view so every label, as first placed, fits inside it (keeping the aspect)."""
    if not texts:
        return ext
    r = fig.canvas.get_renderer()
    inv = ax.transData.inverted()
    boxes = np.array([inv.transform(t.get_window_extent(r).get_points()) for t in texts]).reshape(-1, 2)
    x0, x1 = min(ext[0], float(boxes[:, 0].min())), max(ext[1], float(boxes[:, 0].max()))
    y0, y1 = min(ext[2], float(boxes[:, 1].min())), max(ext[3], float(boxes[:, 1].max()))
    mx, my = (x1 - x0) * 0.02, (y1 - y0) * 0.02
    new = _aspect_fit(proj, (x0 - mx, x1 + mx, y0 - my, y1 + my), aspect)
    ax.set_xlim(new[0], new[1])
    ax.set_ylim(new[2], new[3])
    return new


_DIRS = ((1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (1, -1), (-1, 1), (-1, -1))
_GAPS = (3.0, 14.0, 30.0)  # points between a stop and its label; beyond the first, a leader line


def _candidates(x: float, y: float, w: float, h: float, r: float, unit: float) -> np.ndarray:
    """(x0, y0, x1, y1, gap) rows: label boxes around a stop, nearest first."""
    rows = []
    for gap in _GAPS:
        g = r + gap * unit
        for dx, dy in _DIRS:
            x0 = x + g if dx > 0 else x - g - w if dx < 0 else x - w / 2
            y0 = y + g if dy > 0 else y - g - h if dy < 0 else y - h / 2
            rows.append((x0, y0, x0 + w, y0 + h, gap))
    return np.array(rows)


def _overlaps(cands: np.ndarray, placed: np.ndarray) -> np.ndarray:
    """Total overlap area of each candidate box with the placed boxes."""
    w = np.minimum(cands[:, None, 2], placed[None, :, 2]) - np.maximum(cands[:, None, 0], placed[None, :, 0])
    h = np.minimum(cands[:, None, 3], placed[None, :, 3]) - np.maximum(cands[:, None, 1], placed[None, :, 1])
    out: np.ndarray = (np.clip(w, 0, None) * np.clip(h, 0, None)).sum(axis=1)
    return out


def place_labels(
    ax: Any, texts: list[Any], xy: np.ndarray, time_lim: float = 1.0, avoid: list[Any] | None = None
) -> int:
    """Put each label beside its stop where it overlaps no other label or stop (eight directions,
    three distances, a leader line when it sits away from the stop); labels that still overlap
    are handed to adjustText. The ``avoid`` boxes (title, legend, inset, scale bar, credit) are
    never covered: a label adjustText moves onto one goes back to its first place. Returns how
    many labels overlapped after the first pass."""
    if not texts:
        return 0
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    unit = fig.dpi / 72.0
    fx0, fy0, fx1, fy1 = ax.bbox.extents
    pts = ax.transData.transform(xy)
    r = 4.0 * unit
    placed = np.column_stack([pts[:, 0] - r, pts[:, 1] - r, pts[:, 0] + r, pts[:, 1] + r])
    hard = np.asarray(avoid or [], dtype=float).reshape(-1, 4)
    pad = 3.0 * unit  # the title's and legend's frames reach beyond their text
    hard = np.column_stack([hard[:, 0] - pad, hard[:, 1] - pad, hard[:, 2] + pad, hard[:, 3] + pad])
    inv = ax.transData.inverted()
    left: list[Any] = []
    for t, (x, y) in zip(texts, pts, strict=True):
        ext = t.get_window_extent(renderer)
        c = _candidates(x, y, ext.width + 4 * unit, ext.height + 3 * unit, r, unit)
        outside = (c[:, 0] < fx0) | (c[:, 1] < fy0) | (c[:, 2] > fx1) | (c[:, 3] > fy1)
        cost = _overlaps(c, placed) + outside * 1e12 + (_overlaps(c, hard) > 0) * 1e9
        k = int(np.argmin(cost))  # the nearest candidate among the least crowded
        best = c[k]
        placed = np.vstack([placed, best[:4]])
        t.set_ha("left")
        t.set_va("bottom")
        t.set_position(inv.transform((best[0] + 2 * unit, best[1] + 1.5 * unit)))
        if best[4] > _GAPS[0]:
            end = (min(max(x, best[0]), best[2]), min(max(y, best[1]), best[3]))
            line = inv.transform([(x, y), end])
            ax.plot(line[:, 0], line[:, 1], color="#555555", linewidth=0.5, zorder=7)
        if cost[k] > 0:
            left.append(t)
    if left:
        from adjustText import adjust_text

        first = [t.get_position() for t in left]
        adjust_text(left, ax=ax, time_lim=time_lim, expand=(1.1, 1.3))
        for t, pos in zip(left, first, strict=True):
            b = t.get_window_extent(renderer)
            box = np.array([[b.x0, b.y0, b.x1, b.y1]])
            if (_overlaps(box, hard) > 0).any() or b.x0 < fx0 or b.y0 < fy0 or b.x1 > fx1 or b.y1 > fy1:
                t.set_position(pos)
    return len(left)


# ---------------------------------------------------------------- framing and furniture


def _extent(proj: Any, d: Drawn, aspect: float | None, pad: float = 0.08) -> tuple[float, ...]:
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
    return _aspect_fit(proj, (x0, x1, y0, y1), aspect)


def _aspect_fit(proj: Any, ext: tuple[float, ...], aspect: float) -> tuple[float, ...]:
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


def _size(preset: str, proj: Any, d: Drawn) -> tuple[float, float]:
    if preset not in SIZES:
        raise ValidationError(f"unknown size {preset!r}; use one of {', '.join(SIZES)}")
    width, height = SIZES[preset]
    if height is None:
        x0, x1, y0, y1 = _extent(proj, d, None)
        height = width * min(1.4, max(0.6, (y1 - y0) / (x1 - x0)))
    return width, height


def _busy_points(ax: Any, proj: Any, d: Drawn, mxy: np.ndarray, texts: list[Any]) -> np.ndarray:
    """Display points the legend and inset should not cover: line vertices once, stops and the
    corners and centres of labels many times over (they matter more than a stretch of line)."""
    import cartopy.crs as ccrs

    lines = ax.transData.transform(proj.transform_points(ccrs.PlateCarree(), d.lons, d.lats)[:, :2])
    heavy = [ax.transData.transform(mxy)]
    for t in texts:
        b = t.get_window_extent(ax.figure.canvas.get_renderer())
        heavy.append(
            np.array([[b.x0, b.y0], [b.x1, b.y0], [b.x0, b.y1], [b.x1, b.y1], [(b.x0 + b.x1) / 2, b.y0]])
        )
    return np.vstack([lines, *(np.repeat(h, 25, axis=0) for h in heavy)])


def _crowding(ax: Any, bbox: Any, pts_disp: np.ndarray) -> int:
    inside = (
        (pts_disp[:, 0] >= bbox.x0)
        & (pts_disp[:, 0] <= bbox.x1)
        & (pts_disp[:, 1] >= bbox.y0)
        & (pts_disp[:, 1] <= bbox.y1)
    )
    return int(inside.sum())


def _corner_box(fig: Any, corner: str, w: float, h: float) -> Any:
    """A w x h (figure fraction) box in a corner, as display coordinates."""
    from matplotlib.transforms import Bbox

    m = 0.015
    x0 = m if "left" in corner else 1 - m - w
    y0 = m + 0.03 if "lower" in corner else 1 - m - h
    return Bbox.from_bounds(x0, y0, w, h).transformed(fig.transFigure)


def _emptiest(fig: Any, ax: Any, corners: list[str], w: float, h: float, pts: np.ndarray) -> str:
    return min(corners, key=lambda c: (_crowding(ax, _corner_box(fig, c, w, h), pts), corners.index(c)))


def _legend_handles(p: Prepared, narrow: bool) -> list[Any]:
    """One entry per traveller (with km, days and km per mode) and keys for the statuses drawn."""
    from matplotlib.lines import Line2D

    th = theme()
    handles = []
    for ti, trip in enumerate(p.itinerary.trips):
        tot = totals(trip, p.legs.get(trip.id, ()))
        bits = [f"{tot['km']:,} km"] if tot["km"] else []
        if tot["days"]:
            bits.append(f"{tot['days']} day{'s' if tot['days'] != 1 else ''}")
        if len(tot["km_by_mode"]) > 1:
            bits.append(", ".join(f"{m} {km:,}" for m, km in tot["km_by_mode"].items()))
        if tot.get("doubtful_legs"):
            n = tot["doubtful_legs"]
            bits.append(f"{n} doubtful leg{'s' * (n != 1)} not counted")
        sep = "\n" if narrow else " ("
        detail = "; ".join(bits)
        if narrow:  # a column is 8.8 cm wide: long details wrap
            import textwrap

            detail = "\n".join(textwrap.wrap(detail, 34))
        label = trip.traveller + (f"{sep}{detail}{'' if narrow else ')'}" if bits else "")
        handles.append(Line2D([], [], color=trip_color(ti), linewidth=2, label=label))
    legs = {leg.status.value for leg in p.all_legs()}
    stops = {s.status.value for _, _, s in p.itinerary.stops()}
    for st in ("confirmed", "planned", "cancelled"):
        if st in legs:
            color = status_color(st, "#444444")
            lw = 1.2
            handles.append(
                Line2D([], [], color=color, linestyle=_linestyle(st, lw), linewidth=lw, label=f"{st} leg")
            )
    marks = {
        "confirmed": Line2D(
            [], [], marker="o", color="#444", markerfacecolor="#444", linestyle="", label="confirmed stop"
        ),
        "planned": Line2D(
            [], [], marker="o", color="#444", markerfacecolor="white", linestyle="", label="planned stop"
        ),
        "cancelled": Line2D(
            [], [], marker="X", color=th["status"]["cancelled"]["color"], linestyle="", label="cancelled stop"
        ),
    }
    handles += [h for st, h in marks.items() if st in stops]
    dc = th["doubt"]["color"]
    if any(_doubtful(p, m) for m in markers(p, frame_for(p))):
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                markerfacecolor="none",
                markeredgecolor=dc,
                markersize=8,
                linestyle="",
                label="to be checked",
            )
        )
    if any(leg_doubt(leg) is not None for leg in p.all_legs()):
        handles.append(
            Line2D([], [], color=dc, linewidth=3, alpha=0.6, label="implausible leg (to be checked)")
        )
    return handles


def _legend(
    fig: Any, ax: Any, p: Prepared, pts: np.ndarray, fontsize: float, narrow: bool, title: Any
) -> tuple[str, Any]:
    handles = _legend_handles(p, narrow)
    leg = ax.legend(
        handles=handles,
        loc="upper right",
        fontsize=fontsize,
        framealpha=0.92,
        borderaxespad=0.6,
        ncols=2 if narrow and len(handles) > 4 else 1,
        handlelength=1.6 if narrow else 2.0,
        columnspacing=0.8,
    )
    for t in leg.get_texts():
        t.set_parse_math(False)
    # fitted to the size: a legend never takes more than about half the map (smaller type),
    # so it is never cut at the edge
    size = fontsize
    bb = leg.get_window_extent(fig.canvas.get_renderer()).transformed(fig.transFigure.inverted())
    while (bb.height > 0.5 or bb.width > 0.62) and size > 4.0:
        size -= 0.5
        for t in leg.get_texts():
            t.set_fontsize(size)
        bb = leg.get_window_extent(fig.canvas.get_renderer()).transformed(fig.transFigure.inverted())
    tb = title.get_window_extent(fig.canvas.get_renderer())
    corners = ["upper right", "lower left", "lower right"]
    clear = [c for c in corners if not _corner_box(fig, c, bb.width, bb.height).overlaps(tb)]
    corner = _emptiest(fig, ax, clear or corners, bb.width, bb.height, pts)
    leg.set_loc(corner)
    if corner.startswith("lower"):
        leg.set_bbox_to_anchor((0, 0.035, 1, 1), transform=ax.transAxes)
    leg.set_zorder(9)
    return corner, leg


def _fit_title(fig: Any, t: Any, max_width: float, min_size: float = 5.5, max_lines: int = 2) -> None:
    """Wrap the title at word breaks to ``max_width`` display units, shrinking its font until it
    takes at most ``max_lines`` lines (never cut: a word too long for a line shrinks the font)."""
    words = t.get_text().split()
    renderer = fig.canvas.get_renderer()

    def width(text: str) -> float:
        t.set_text(text)
        return float(t.get_window_extent(renderer).width)

    size = t.get_fontsize()
    while True:
        t.set_fontsize(size)
        lines: list[str] = []
        for w in words:
            if lines and width(lines[-1] + " " + w) <= max_width:
                lines[-1] += " " + w
            else:
                lines.append(w)
        fits = all(width(line) <= max_width for line in lines)
        if (fits and len(lines) <= max_lines) or size <= min_size:
            t.set_text("\n".join(lines))
            if not fits or len(lines) > max_lines:  # the smallest font still too wide: scale it
                widest = max(width(line) for line in lines)
                t.set_fontsize(max(2.0, size * max_width / widest))
                t.set_text("\n".join(lines))
            return
        size -= 0.5


def _title(ax: Any, title: str, fontsize: float) -> Any:
    return ax.text(
        0.015,
        0.985,
        title,
        transform=ax.transAxes,
        ha="left",
        va="top",
        fontsize=fontsize,
        fontweight="bold",
        zorder=10,
        parse_math=False,
        bbox={"boxstyle": "round,pad=0.3", "fc": "white", "ec": "none", "alpha": 0.88},
    )


def _km(value: float, unit: str) -> str:
    """Scale bar text in km (never megametres)."""
    factor = {"Mm": 1000.0, "km": 1.0, "m": 0.001}.get(unit)
    return f"{value * factor:g} km" if factor else f"{value:g} {unit}"


def _scalebar(ax: Any, corner: str, fontsize: float) -> None:
    from matplotlib_scalebar.scalebar import ScaleBar

    # in the lower right it stands on the credit line
    anchor = (
        {"bbox_to_anchor": (1.0, 0.045), "bbox_transform": ax.transAxes} if corner == "lower right" else {}
    )
    ax.add_artist(
        ScaleBar(
            1,
            "m",
            location=corner,
            **anchor,
            scale_formatter=_km,
            length_fraction=0.18,
            frameon=True,
            box_alpha=0.8,
            font_properties={"size": fontsize},
        )
    )


def _locator(fig: Any, proj: Any, ext: tuple[float, ...], corner: str, size: tuple[float, float]) -> None:
    import cartopy.crs as ccrs
    import cartopy.feature as cfeature  # noqa: F401  (registers nothing; kept local)

    lon, lat = ccrs.PlateCarree().transform_point((ext[0] + ext[1]) / 2, (ext[2] + ext[3]) / 2, proj)
    box = _corner_box(fig, corner, size[0], size[1]).transformed(fig.transFigure.inverted())
    ins = fig.add_axes(box.bounds, projection=ccrs.Orthographic(lon, lat))
    ins.set_global()
    ins.set_facecolor(theme()["basemap"]["sea"])
    _add_projected(ins, _coarse_world(), facecolor="#dddad2", edgecolor="none")
    xs = np.linspace(ext[0], ext[1], 20)
    ys = np.linspace(ext[2], ext[3], 20)
    ring = np.vstack(
        [
            np.column_stack([xs, np.full(20, ext[2])]),
            np.column_stack([np.full(20, ext[1]), ys]),
            np.column_stack([xs[::-1], np.full(20, ext[3])]),
            np.column_stack([np.full(20, ext[0]), ys[::-1]]),
        ]
    )
    ins.plot(ring[:, 0], ring[:, 1], color="#c0392b", linewidth=1, transform=proj)


# ---------------------------------------------------------------- the figure


#: Text stays text: SVG keeps <text> elements and PDF embeds TrueType fonts (Type 42, not
#: Type 3), so a graphics desk can edit the words; untrusted text is drawn as typed (no
#: mathtext, no LaTeX).
FONT_RC: Any = {  # rc keys are typed as literals in matplotlib
    "text.parse_math": False,
    "text.usetex": False,
    "svg.fonttype": "none",
    "pdf.fonttype": 42,
    "ps.fonttype": 42,
}


def _zoom(ax: Any, proj: Any, ext: tuple[float, ...], width_in: float) -> float:
    """The web-map zoom level whose scale matches the print map (for the basemap names)."""
    import cartopy.crs as ccrs

    y = (ext[2] + ext[3]) / 2
    a, b = ccrs.PlateCarree().transform_points(proj, np.array([ext[0], ext[1]]), np.array([y, y]))[:, 0]
    deg = abs(float(b - a)) if np.isfinite([a, b]).all() and abs(b - a) > 1e-6 else 360.0
    return math.log2(max(1e-9, width_in * 96 * 360.0 / (256 * deg)))


def place_names(
    ax: Any,
    proj: Any,
    ext: tuple[float, ...],
    frame: LonFrame,
    taken: list[Any],
    fontsize: float,
    zoom: float,
) -> list[Any]:
    """Country and sea names of the basemap (as on the HTML map at this scale) where they cover
    no label, stop, legend or title (``taken``: display boxes x0, y0, x1, y1)."""
    import cartopy.crs as ccrs

    from itinerary.render.labels import basemap_labels

    rows = [r for r in basemap_labels("en") if r[4] in ("c", "s") and r[2] <= zoom + 1.0]
    rows.sort(key=lambda r: (r[2], r[3]))
    if not rows:
        return []
    lons = np.array([frame.shift(float(r[0])) for r in rows])
    pts = proj.transform_points(ccrs.PlateCarree(), lons, np.array([float(r[1]) for r in rows]))
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    fx0, fy0, fx1, fy1 = ax.bbox.extents
    boxes = [tuple(b) for b in taken]
    out = []
    for r, (x, y, _) in zip(rows, pts, strict=True):
        if not (np.isfinite(x) and np.isfinite(y) and ext[0] < x < ext[1] and ext[2] < y < ext[3]):
            continue
        sea = r[4] == "s"
        t = ax.text(
            x,
            y,
            r[5],
            fontsize=fontsize,
            color="#4a7896" if sea else "#6b6b6b",
            style="italic" if sea else "normal",
            fontweight="normal" if sea else "bold",
            ha="center",
            va="center",
            zorder=2.5,
            parse_math=False,
            alpha=0.9,
        )
        e = t.get_window_extent(renderer)
        box = (e.x0 - 2, e.y0 - 2, e.x1 + 2, e.y1 + 2)
        inside = fx0 <= box[0] and fy0 <= box[1] and box[2] <= fx1 and box[3] <= fy1
        if not inside or any(
            box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in boxes
        ):
            t.remove()
            continue
        boxes.append(box)
        out.append(t)
    return out


def figure(
    it: Itinerary | Prepared, *, size: str = "16:9", regions: bool = False, label_time: float = 1.5
) -> Any:
    """The print map as a matplotlib Figure (caller closes it)."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    p = it if isinstance(it, Prepared) else prepare(it)
    frame = frame_for(p)
    d = drawn_points(p, frame)
    if d.lons.size == 0:
        raise ValidationError("nothing to draw: no stop has coordinates; run 'itinerary resolve' first")
    proj, metric = choose_projection(d)
    w, h = _size(size, proj, d)
    fs = 7.0 if w < 5 else 8.5
    with plt.rc_context({**FONT_RC, "font.size": fs}):
        fig = plt.figure(figsize=(w, h))
        fig.patch.set_facecolor(theme()["basemap"]["sea"])
        ax = fig.add_axes((0.0, 0.0, 1.0, 1.0), projection=proj)
        ext = _extent(proj, d, w / h)
        ax.set_xlim(ext[0], ext[1])
        ax.set_ylim(ext[2], ext[3])
        ax.set_facecolor(theme()["basemap"]["sea"])
        if regions:
            _regions(ax, p)
        _draw_legs(ax, p, frame, proj, metric)
        marks = markers(p, frame)
        import cartopy.crs as ccrs

        mxy = proj.transform_points(
            ccrs.PlateCarree(), np.array([m.lon for m in marks]), np.array([m.lat for m in marks])
        )[:, :2]
        _draw_markers(ax, p, marks, mxy)
        narrow = w < 5
        canvas: Any = fig.canvas
        renderer = canvas.get_renderer()
        title = _title(ax, map_title(p.itinerary), fs + (1.0 if narrow else 2.5))
        _fit_title(fig, title, fig.bbox.width * (0.94 if narrow else 0.6), max_lines=3 if narrow else 2)
        texts, targets = _label_texts(ax, p, marks, mxy, fs)
        ext = _fit_texts(fig, ax, proj, ext, texts, w / h)
        _basemap(ax, _view_box(proj, ext, frame))
        credit = fig.text(
            0.995,
            0.004,
            CREDIT_SHORT if narrow else CREDIT,
            ha="right",
            va="bottom",
            fontsize=fs - 2.5,
            color="#444444",
            parse_math=False,
            bbox={"boxstyle": "square,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75},
        )
        # furniture first, in the corners with the fewest stops and lines; labels then avoid it
        pts = _busy_points(ax, proj, d, mxy, [title])
        legend_corner, legend = _legend(fig, ax, p, pts, fs - (1.5 if narrow else 0.5), narrow, title)
        tbox = title.get_window_extent(renderer)
        lbox = legend.get_window_extent(renderer)
        avoid = [b.extents for b in (tbox, credit.get_window_extent(renderer))]
        avoid.append(lbox.extents)
        free = [c for c in CORNERS if c not in ("upper left", legend_corner)]
        spread_km = (ext[1] - ext[0]) / 1000 if metric else 1e9
        if spread_km < 4000:
            side = min(w, h) * 0.26  # inches: a square globe
            spots = [c for c in free if c != "lower right"] or free
            stops_disp = ax.transData.transform(mxy)  # the globe never hides a stop: else no globe
            clear = [
                c
                for c in spots
                if not _clashes(box := _corner_box(fig, c, side / w, side / h), (tbox, lbox))
                and _crowding(ax, box, stops_disp) == 0
            ]
            if clear:
                inset = _emptiest(fig, ax, clear, side / w, side / h, pts)
                _locator(fig, proj, ext, inset, (side / w, side / h))
                avoid.append(_corner_box(fig, inset, side / w, side / h).extents)
                free.remove(inset)
        if metric:  # not lower right: the credit line sits there; never over the title or legend
            bar = [c for c in free if c != "lower right"] or free
            bar = [c for c in bar if not _clashes(_corner_box(fig, c, 0.2, 0.08), (tbox, lbox))]
            if bar:
                corner = _emptiest(fig, ax, bar, 0.2, 0.08, pts)
                _scalebar(ax, corner, fs - 1)
                avoid.append(_corner_box(fig, corner, 0.2, 0.08).extents)
        place_labels(ax, texts, targets, label_time, avoid=avoid)
        taken = [t.get_window_extent(renderer).extents for t in texts] + avoid
        r = 5.0 * fig.dpi / 72.0
        taken += [(x - r, y - r, x + r, y + r) for x, y in ax.transData.transform(mxy)]
        place_names(ax, proj, ext, frame, taken, fs - 1.0, _zoom(ax, proj, ext, w))
    return fig


def _clashes(box: Any, others: tuple[Any, ...]) -> bool:
    return any(box.overlaps(o) for o in others)


def _regions(ax: Any, p: Prepared) -> None:
    import cartopy.crs as ccrs

    for ti, trip in enumerate(p.itinerary.trips):
        color = trip_color(ti)
        geoms = [r.geometry for r in p.regions if r.trip_id == trip.id]
        if geoms:
            ax.add_geometries(
                geoms, crs=ccrs.PlateCarree(), facecolor=color, alpha=0.1, edgecolor=color, linewidth=0.6
            )


def save_static(
    it: Itinerary | Prepared,
    path: str | os.PathLike[str],
    *,
    size: str = "16:9",
    dpi: int = 200,
    regions: bool = False,
) -> None:
    """Write a print map in the format of ``path``'s suffix (PNG, SVG or PDF), atomically."""
    import matplotlib.pyplot as plt

    fmt = static_format(path)
    if not 50 <= dpi <= 1200:
        raise ValidationError(f"dpi {dpi} is out of range; use a value from 50 to 1200 (300 for print)")
    fig = figure(it, size=size, regions=regions)
    try:
        with atomic_path(path) as tmp, plt.rc_context(FONT_RC):
            fig.savefig(tmp, dpi=dpi, format=fmt, metadata=_metadata(fmt), facecolor=fig.get_facecolor())
    finally:
        plt.close(fig)


def _metadata(fmt: str) -> dict[str, Any]:
    # no creation dates: the same trip gives the same file
    if fmt == "pdf":
        return {"CreationDate": None, "ModDate": None}
    if fmt == "svg":
        return {"Date": None}
    return {}


def save_png(it: Itinerary | Prepared, path: str | os.PathLike[str], *, dpi: int = 150, **kw: Any) -> None:
    """Write a PNG (kept for ``--png``): refuses a path whose suffix is not ``.png``."""
    check_png(path)
    save_static(it, path, dpi=dpi, **kw)


def check_png(path: str | os.PathLike[str]) -> None:
    if Path(path).suffix.lower() != ".png":
        raise ValidationError(
            f"--png writes PNG only but {Path(path).name!r} has another suffix; "
            "use --static FILE.svg or FILE.pdf for other formats"
        )
