"""The print map's ground: land and borders from the shipped basemap clipped to the view, hint
regions, and the country and sea names the HTML basemap shows at the same scale."""

from __future__ import annotations

import math
from functools import cache
from typing import Any

import numpy as np

from itinerary.geocode.regions import basemap_geojson
from itinerary.model import Prepared
from itinerary.render.layout import LonFrame
from itinerary.theme import print_colors, theme, trip_color


@cache
def _world() -> list[Any]:
    import shapely
    from shapely.geometry import shape

    geoms = [shape(f["geometry"]) for f in basemap_geojson()["features"]]
    return [g for g in shapely.simplify(geoms, 0.02, preserve_topology=True) if not g.is_empty]


@cache
def coarse_world() -> list[Any]:
    """The continents for the locator globe (no islands)."""
    import shapely

    parts = shapely.get_parts(shapely.simplify(_world(), 0.5, preserve_topology=True))
    return [g for g in parts if g.area > 4.0]  # a locator shows continents, not islands


def view_box(proj: Any, ext: tuple[float, ...], frame: LonFrame) -> tuple[float, float, float, float]:
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


def draw_basemap(ax: Any, box: tuple[float, float, float, float]) -> None:
    """Land clipped to a lon/lat box around the view (faster, and no far-side artefacts)."""
    import shapely

    th = theme()["basemap"]
    x0, y0, x1, y1 = box
    pieces = []
    for s in (-360.0, 0.0, 360.0):
        a, b = max(-180.0, x0 + s), min(180.0, x1 + s)
        if a < b:
            pieces += [g for g in shapely.clip_by_rect(_world(), a, y0, b, y1) if not g.is_empty]
    add_projected(ax, pieces, facecolor=th["land"], edgecolor=th["border"], linewidth=0.35)


@cache
def _transformer(proj4: str) -> Any:
    from pyproj import Transformer

    return Transformer.from_crs("EPSG:4326", proj4, always_xy=True)


def add_projected(ax: Any, geoms: list[Any], **style: Any) -> None:
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


def draw_regions(ax: Any, p: Prepared) -> None:
    """The hint regions, faintly, in each trip's colour."""
    import cartopy.crs as ccrs

    for ti, trip in enumerate(p.itinerary.trips):
        color = trip_color(ti)
        geoms = [r.geometry for r in p.regions if r.trip_id == trip.id]
        if geoms:
            ax.add_geometries(
                geoms, crs=ccrs.PlateCarree(), facecolor=color, alpha=0.1, edgecolor=color, linewidth=0.6
            )


def zoom(proj: Any, ext: tuple[float, ...], width_in: float) -> float:
    """The web-map zoom level whose scale matches the print map (for the basemap names)."""
    import cartopy.crs as ccrs

    y = (ext[2] + ext[3]) / 2
    a, b = ccrs.PlateCarree().transform_points(proj, np.array([ext[0], ext[1]]), np.array([y, y]))[:, 0]
    deg = abs(float(b - a)) if np.isfinite([a, b]).all() and abs(b - a) > 1e-6 else 360.0
    return math.log2(max(1e-9, width_in * 96 * 360.0 / (256 * deg)))


def _name_text(ax: Any, x: float, y: float, text: str, sea: bool, fontsize: float) -> Any:
    return ax.text(
        x,
        y,
        text,
        fontsize=fontsize,
        color=theme()["basemap"]["sea_label"] if sea else print_colors()["country_name"],
        style="italic" if sea else "normal",
        fontweight="normal" if sea else "bold",
        ha="center",
        va="center",
        zorder=2.5,
        parse_math=False,
        alpha=0.9,
    )


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
    renderer = ax.figure.canvas.get_renderer()
    fx0, fy0, fx1, fy1 = ax.bbox.extents
    boxes = [tuple(b) for b in taken]
    out = []
    for r, (x, y, _) in zip(rows, pts, strict=True):
        if not (np.isfinite(x) and np.isfinite(y) and ext[0] < x < ext[1] and ext[2] < y < ext[3]):
            continue
        t = _name_text(ax, x, y, r[5], r[4] == "s", fontsize)
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
