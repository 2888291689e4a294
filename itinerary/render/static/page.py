"""The print map as a whole: the figure put together from the projection, the trips, the
furniture and the labels, and written as PNG, SVG or PDF."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from itinerary.errors import ValidationError
from itinerary.files import atomic_path
from itinerary.model import Itinerary, Prepared
from itinerary.prepare import prepare
from itinerary.render.layout import LonFrame, frame_for, map_title, markers
from itinerary.render.static import basemap, furniture, marks, placement
from itinerary.render.static.projection import MapPoints, choose_projection, drawn_points, extent, page_size
from itinerary.theme import label_placement, theme

FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}

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


def static_format(path: str | os.PathLike[str]) -> str:
    """The image format of ``path`` from its suffix, or a one-line error naming the fix."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ValidationError(
            f"cannot tell the image format of {Path(path).name!r}; use a .png, .svg or .pdf suffix"
        )
    return FORMATS[suffix]


@dataclass
class _Sheet:
    """One print map being drawn: what it was chosen from, then its figure, map axes and view."""

    proj: Any
    metric: bool  # an azimuthal equidistant map (true distances: a scale bar is honest)
    frame: LonFrame
    points: MapPoints
    width: float  # inches
    height: float
    fig: Any = None
    ax: Any = None
    ext: tuple[float, ...] = ()  # the view, in projected units

    @property
    def narrow(self) -> bool:
        return self.width < 5

    @property
    def fontsize(self) -> float:
        return 7.0 if self.narrow else 8.5


def _plan(p: Prepared, size: str) -> _Sheet:
    """The projection and page size for every point drawn."""
    frame = frame_for(p)
    d = drawn_points(p, frame)
    if d.lons.size == 0:
        raise ValidationError("nothing to draw: no stop has coordinates; run 'itinerary resolve' first")
    proj, metric = choose_projection(d)
    w, h = page_size(size, proj, d)
    return _Sheet(proj, metric, frame, d, w, h)


def _open(s: _Sheet) -> None:
    """The empty map: a figure filled by the map axes, the view framing every point drawn."""
    import matplotlib.pyplot as plt

    s.fig = plt.figure(figsize=(s.width, s.height))
    s.fig.patch.set_facecolor(theme()["basemap"]["sea"])
    s.ax = s.fig.add_axes((0.0, 0.0, 1.0, 1.0), projection=s.proj)
    s.ext = extent(s.proj, s.points, s.width / s.height)
    s.ax.set_xlim(s.ext[0], s.ext[1])
    s.ax.set_ylim(s.ext[2], s.ext[3])
    s.ax.set_facecolor(theme()["basemap"]["sea"])


def _draw_trips(s: _Sheet, p: Prepared, regions: bool) -> tuple[list[Any], np.ndarray]:
    """Regions (on request), legs and markers; returns the markers and their projected points."""
    import cartopy.crs as ccrs

    if regions:
        basemap.draw_regions(s.ax, p)
    marks.draw_legs(s.ax, p, s.frame, s.proj, s.metric)
    mks = markers(p, s.frame)
    lons, lats = np.array([m.lon for m in mks]), np.array([m.lat for m in mks])
    mxy = s.proj.transform_points(ccrs.PlateCarree(), lons, lats)[:, :2]
    marks.draw_markers(s.ax, p, mks, mxy)
    return mks, mxy


def _locator_box(s: _Sheet, free: list[str], mxy: np.ndarray, keep: tuple[Any, ...], pts: np.ndarray) -> Any:
    """Draw the locator globe in a free corner where it hides no stop and clashes with none of
    ``keep`` (the title and legend); returns its box, or None when no corner is clear."""
    side = min(s.width, s.height) * 0.26  # inches: a square globe
    w, h = side / s.width, side / s.height
    spots = [c for c in free if c != "lower right"] or free
    stops_disp = s.ax.transData.transform(mxy)  # the globe never hides a stop: else no globe
    clear = [
        c
        for c in spots
        if not furniture.clashes(box := furniture.corner_box(s.fig, c, w, h), keep)
        and furniture.crowding(box, stops_disp) == 0
    ]
    if not clear:
        return None
    inset = furniture.emptiest(s.fig, clear, w, h, pts)
    furniture.locator(s.fig, s.proj, s.ext, inset, (w, h))
    free.remove(inset)
    return furniture.corner_box(s.fig, inset, w, h)


def _scalebar_box(s: _Sheet, free: list[str], keep: tuple[Any, ...], pts: np.ndarray) -> Any:
    """The scale bar in a free corner (not the lower right: the credit line sits there), clear
    of ``keep``; returns its box, or None."""
    bar = [c for c in free if c != "lower right"] or free
    bar = [c for c in bar if not furniture.clashes(furniture.corner_box(s.fig, c, 0.2, 0.08), keep)]
    if not bar:
        return None
    corner = furniture.emptiest(s.fig, bar, 0.2, 0.08, pts)
    furniture.scalebar(s.ax, corner, s.fontsize - 1)
    return furniture.corner_box(s.fig, corner, 0.2, 0.08)


def _furnish(s: _Sheet, p: Prepared, title: Any, mxy: np.ndarray) -> list[Any]:
    """Credit, legend, locator globe and scale bar, in the corners with the fewest stops and
    lines; returns their display boxes (x0, y0, x1, y1), which labels then avoid."""
    renderer = s.fig.canvas.get_renderer()
    credit = furniture.credit(s.fig, s.narrow, s.fontsize - 2.5)
    pts = furniture.busy_points(s.ax, s.proj, s.points, mxy, [title])
    fs = s.fontsize - (1.5 if s.narrow else 0.5)
    legend_corner, legend = furniture.legend(s.fig, s.ax, p, pts, fs, s.narrow, title)
    tbox = title.get_window_extent(renderer)
    lbox = legend.get_window_extent(renderer)
    avoid = [b.extents for b in (tbox, credit.get_window_extent(renderer), lbox)]
    free = [c for c in furniture.CORNERS if c not in ("upper left", legend_corner)]
    spread_km = (s.ext[1] - s.ext[0]) / 1000 if s.metric else 1e9
    if spread_km < 4000 and (box := _locator_box(s, free, mxy, (tbox, lbox), pts)) is not None:
        avoid.append(box.extents)
    if s.metric and (box := _scalebar_box(s, free, (tbox, lbox), pts)) is not None:
        avoid.append(box.extents)
    return avoid


def _names(s: _Sheet, texts: list[Any], avoid: list[Any], mxy: np.ndarray) -> None:
    """Country and sea names where they cover no label, furniture or stop."""
    renderer = s.fig.canvas.get_renderer()
    taken = [t.get_window_extent(renderer).extents for t in texts] + avoid
    r = label_placement().names_clear_of_stops_pt * s.fig.dpi / 72.0
    taken += [(x - r, y - r, x + r, y + r) for x, y in s.ax.transData.transform(mxy)]
    zoom = basemap.zoom(s.proj, s.ext, s.width)
    basemap.place_names(s.ax, s.proj, s.ext, s.frame, taken, s.fontsize - 1.0, zoom)


def figure(
    it: Itinerary | Prepared, *, size: str = "16:9", regions: bool = False, label_time: float = 1.5
) -> Any:
    """The print map as a matplotlib Figure (caller closes it)."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    p = it if isinstance(it, Prepared) else prepare(it)
    s = _plan(p, size)
    with plt.rc_context({**FONT_RC, "font.size": s.fontsize}):
        _open(s)
        mks, mxy = _draw_trips(s, p, regions)
        title = furniture.title(s.ax, map_title(p.itinerary), s.fontsize + (1.0 if s.narrow else 2.5))
        max_width = s.fig.bbox.width * (0.94 if s.narrow else 0.6)
        furniture.fit_title(s.fig, title, max_width, max_lines=3 if s.narrow else 2)
        texts, targets = marks.label_texts(s.ax, p, mks, mxy, s.fontsize)
        s.ext = placement.fit_texts(s.fig, s.ax, s.proj, s.ext, texts, s.width / s.height)
        basemap.draw_basemap(s.ax, basemap.view_box(s.proj, s.ext, s.frame))
        avoid = _furnish(s, p, title, mxy)  # furniture first; labels then avoid it
        placement.place_labels(s.ax, texts, targets, label_time, avoid=avoid)
        _names(s, texts, avoid, mxy)
    return s.fig


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
