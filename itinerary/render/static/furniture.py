"""The print map's furniture: the title (wrapped and scaled to the page, never cut), the legend
(travellers with their totals and the keys of what is drawn, fitted to the page), the credit
line, the scale bar and the locator globe, each in the emptiest corner it may take."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from typing import Any

import numpy as np

from itinerary.model import Prepared
from itinerary.render.layout import frame_for, leg_doubt, markers, totals
from itinerary.render.static.basemap import add_projected, coarse_world
from itinerary.render.static.marks import doubtful, linestyle
from itinerary.render.static.projection import MapPoints
from itinerary.theme import print_colors, status_color, theme, trip_color

CREDIT = "Basemap: Natural Earth (public domain). Places: GeoNames (CC BY 4.0). Made with itinerary."
CREDIT_SHORT = "Natural Earth; GeoNames (CC BY 4.0)"
CORNERS = ("upper right", "lower left", "lower right", "upper left")


# ---------------------------------------------------------------- corners


def corner_box(fig: Any, corner: str, w: float, h: float) -> Any:
    """A w x h (figure fraction) box in a corner, as display coordinates."""
    from matplotlib.transforms import Bbox

    m = 0.015
    x0 = m if "left" in corner else 1 - m - w
    y0 = m + 0.03 if "lower" in corner else 1 - m - h
    return Bbox.from_bounds(x0, y0, w, h).transformed(fig.transFigure)


def crowding(bbox: Any, pts_disp: np.ndarray) -> int:
    """How many of the display points lie in ``bbox``."""
    inside = (
        (pts_disp[:, 0] >= bbox.x0)
        & (pts_disp[:, 0] <= bbox.x1)
        & (pts_disp[:, 1] >= bbox.y0)
        & (pts_disp[:, 1] <= bbox.y1)
    )
    return int(inside.sum())


def emptiest(fig: Any, corners: list[str], w: float, h: float, pts: np.ndarray) -> str:
    """The corner whose w x h box holds the fewest ``pts`` (the first listed on a tie)."""
    return min(corners, key=lambda c: (crowding(corner_box(fig, c, w, h), pts), corners.index(c)))


def clashes(box: Any, others: tuple[Any, ...]) -> bool:
    return any(box.overlaps(o) for o in others)


def busy_points(ax: Any, proj: Any, d: MapPoints, mxy: np.ndarray, texts: list[Any]) -> np.ndarray:
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


# ---------------------------------------------------------------- legend


def _traveller_label(p: Prepared, ti: int, narrow: bool) -> str:
    """A traveller's legend entry: name, then km, days, km per mode and doubtful legs."""
    trip = p.itinerary.trips[ti]
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
        detail = "\n".join(textwrap.wrap(detail, 34))
    return trip.traveller + (f"{sep}{detail}{'' if narrow else ')'}" if bits else "")


def _status_keys(p: Prepared) -> list[Any]:
    """A key for each status of leg and of stop drawn."""
    from matplotlib.lines import Line2D

    th = theme()
    legs = {leg.status.value for leg in p.all_legs()}
    stops = {s.status.value for _, _, s in p.itinerary.stops()}
    key = print_colors()["key"]
    handles = [
        Line2D(
            [],
            [],
            color=status_color(st, key),
            linestyle=linestyle(st, 1.2),
            linewidth=1.2,
            label=f"{st} leg",
        )
        for st in ("confirmed", "planned", "cancelled")
        if st in legs
    ]
    marks = {
        "confirmed": Line2D(
            [], [], marker="o", color=key, markerfacecolor=key, linestyle="", label="confirmed stop"
        ),
        "planned": Line2D(
            [], [], marker="o", color=key, markerfacecolor="white", linestyle="", label="planned stop"
        ),
        "cancelled": Line2D(
            [], [], marker="X", color=th["status"]["cancelled"]["color"], linestyle="", label="cancelled stop"
        ),
    }
    return handles + [h for st, h in marks.items() if st in stops]


def legend_handles(p: Prepared, narrow: bool) -> list[Any]:
    """One entry per traveller (with km, days and km per mode) and keys for the statuses drawn."""
    from matplotlib.lines import Line2D

    handles = [
        Line2D([], [], color=trip_color(ti), linewidth=2, label=_traveller_label(p, ti, narrow))
        for ti in range(len(p.itinerary.trips))
    ]
    handles += _status_keys(p)
    dc = theme()["doubt"]["color"]
    if any(doubtful(p, m) for m in markers(p, frame_for(p))):
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


def _shrink_to_fit(fig: Any, leg: Any, fontsize: float) -> Any:
    """Smaller type until the legend takes at most about half the map (so it is never cut at the
    edge). Returns its box in figure fractions."""
    size = fontsize
    bb = leg.get_window_extent(fig.canvas.get_renderer()).transformed(fig.transFigure.inverted())
    while (bb.height > 0.5 or bb.width > 0.62) and size > 4.0:
        size -= 0.5
        for t in leg.get_texts():
            t.set_fontsize(size)
        bb = leg.get_window_extent(fig.canvas.get_renderer()).transformed(fig.transFigure.inverted())
    return bb


def legend(
    fig: Any, ax: Any, p: Prepared, pts: np.ndarray, fontsize: float, narrow: bool, title: Any
) -> tuple[str, Any]:
    """The legend, fitted to the page, in the emptiest corner clear of the title."""
    handles = legend_handles(p, narrow)
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
    bb = _shrink_to_fit(fig, leg, fontsize)
    tb = title.get_window_extent(fig.canvas.get_renderer())
    corners = ["upper right", "lower left", "lower right"]
    clear = [c for c in corners if not corner_box(fig, c, bb.width, bb.height).overlaps(tb)]
    corner = emptiest(fig, clear or corners, bb.width, bb.height, pts)
    leg.set_loc(corner)
    if corner.startswith("lower"):
        leg.set_bbox_to_anchor((0, 0.035, 1, 1), transform=ax.transAxes)
    leg.set_zorder(9)
    return corner, leg


# ---------------------------------------------------------------- title and credit


def _wrap(words: list[str], max_width: float, width: Callable[[str], float]) -> list[str]:
    """Words joined into lines no wider than ``max_width`` (a word wider than that alone)."""
    lines: list[str] = []
    for w in words:
        if lines and width(lines[-1] + " " + w) <= max_width:
            lines[-1] += " " + w
        else:
            lines.append(w)
    return lines


def fit_title(fig: Any, t: Any, max_width: float, min_size: float = 5.5, max_lines: int = 2) -> None:
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
        lines = _wrap(words, max_width, width)
        fits = all(width(line) <= max_width for line in lines)
        if (fits and len(lines) <= max_lines) or size <= min_size:
            t.set_text("\n".join(lines))
            if not fits or len(lines) > max_lines:  # the smallest font still too wide: scale it
                widest = max(width(line) for line in lines)
                t.set_fontsize(max(2.0, size * max_width / widest))
                t.set_text("\n".join(lines))
            return
        size -= 0.5


def title(ax: Any, text: str, fontsize: float) -> Any:
    return ax.text(
        0.015,
        0.985,
        text,
        transform=ax.transAxes,
        ha="left",
        va="top",
        fontsize=fontsize,
        fontweight="bold",
        zorder=10,
        parse_math=False,
        bbox={"boxstyle": "round,pad=0.3", "fc": "white", "ec": "none", "alpha": 0.88},
    )


def credit(fig: Any, narrow: bool, fontsize: float) -> Any:
    """The sources' credit line in the lower right (short on a narrow page)."""
    return fig.text(
        0.995,
        0.004,
        CREDIT_SHORT if narrow else CREDIT,
        ha="right",
        va="bottom",
        fontsize=fontsize,
        color=print_colors()["credit"],
        parse_math=False,
        bbox={"boxstyle": "square,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75},
    )


# ---------------------------------------------------------------- scale bar and locator


def _km(value: float, unit: str) -> str:
    """Scale bar text in km (never megametres)."""
    factor = {"Mm": 1000.0, "km": 1.0, "m": 0.001}.get(unit)
    return f"{value * factor:g} km" if factor else f"{value:g} {unit}"


def scalebar(ax: Any, corner: str, fontsize: float) -> None:
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


def locator(fig: Any, proj: Any, ext: tuple[float, ...], corner: str, size: tuple[float, float]) -> None:
    """A globe in ``corner`` with the map's frame outlined on it."""
    import cartopy.crs as ccrs

    lon, lat = ccrs.PlateCarree().transform_point((ext[0] + ext[1]) / 2, (ext[2] + ext[3]) / 2, proj)
    box = corner_box(fig, corner, size[0], size[1]).transformed(fig.transFigure.inverted())
    ins = fig.add_axes(box.bounds, projection=ccrs.Orthographic(lon, lat))
    ins.set_global()
    ins.set_facecolor(theme()["basemap"]["sea"])
    add_projected(ins, coarse_world(), facecolor=print_colors()["locator_land"], edgecolor="none")
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
    ins.plot(ring[:, 0], ring[:, 1], color=print_colors()["locator_frame"], linewidth=1, transform=proj)
