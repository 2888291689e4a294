"""What the print map draws for the trips: legs (styled by status, mode and basis, cut at the
map's edges), stop markers, and one label text per marker (placed by
:mod:`itinerary.render.static.placement`). Confirmed is drawn above planned above cancelled;
doubtful stops and implausible legs are drawn in the doubt colour."""

from __future__ import annotations

from typing import Any

import numpy as np

from itinerary.model import Leg, Prepared, Status
from itinerary.render.layout import (
    LonFrame,
    Marker,
    arriving_legs,
    label_text,
    leg_doubt,
    repeated_labels,
    stop_doubts,
)
from itinerary.render.static.seams import leg_parts, seam_parts
from itinerary.theme import print_colors, status_color, theme, trip_color

_STATUS_Z = {Status.CONFIRMED: 0.2, Status.PLANNED: 0.1, Status.CANCELLED: 0.0}


def linestyle(status: str, lw: float) -> Any:
    """The theme's dash pattern of a status for a line ``lw`` points wide (matplotlib's form)."""
    dash = theme()["status"][status]["dash"]
    if not dash:
        return "-"
    return (0, tuple(max(0.5, v / 2 / lw) for v in dash))


def draw_legs(ax: Any, p: Prepared, frame: LonFrame, proj: Any, metric: bool) -> None:
    """Every leg in its trip's colour; on a cylindrical map cut at the left and right edge."""
    import cartopy.crs as ccrs

    src = ccrs.PlateCarree()
    centre = float(proj.proj4_params.get("lon_0", 0.0))
    for ti, trip in enumerate(p.itinerary.trips):
        color = trip_color(ti)
        for leg, whole in leg_parts(p, frame, trip.id):
            for xy in [whole] if metric else seam_parts(whole, centre):
                _draw_leg(ax, leg, proj.transform_points(src, xy[:, 0], xy[:, 1]), color)


def _draw_leg(ax: Any, leg: Leg, pts: np.ndarray, color: str) -> None:
    th = theme()
    lw = th["mode"][leg.mode.value]["weight"] * 0.45
    doubt = leg_doubt(leg) is not None
    if doubt:  # implausible: a wide halo of the doubt colour under a dotted line
        ax.plot(pts[:, 0], pts[:, 1], color=th["doubt"]["color"], linewidth=lw + 4, alpha=0.4, zorder=2)
    ax.plot(
        pts[:, 0],
        pts[:, 1],
        color=status_color(leg.status.value, color),
        linestyle=(0, (1, 1.5)) if doubt else linestyle(leg.status.value, lw),
        linewidth=lw,
        alpha=th["basis"][leg.basis.value]["opacity"],
        solid_capstyle="round",
        zorder=3 + _STATUS_Z[leg.status] if leg.status is not Status.CANCELLED else 2,  # confirmed on top
    )


def doubtful(p: Prepared, m: Marker) -> bool:
    """Whether a stop of the marker is to be checked."""
    trip = p.itinerary.trips[m.trip]
    arriving = arriving_legs(p, trip)
    return any(stop_doubts(trip.stops[i], arriving.get(i, [])) for i in m.stops)


def draw_markers(ax: Any, p: Prepared, marks: list[Marker], xy: np.ndarray) -> None:
    """A marker per place: filled when a stop there is confirmed, hollow when planned, a cross
    when every stop there is cancelled; a ring of the doubt colour when one is to be checked."""
    for m, (x, y) in zip(marks, xy, strict=True):
        trip = p.itinerary.trips[m.trip]
        color = trip_color(m.trip)
        stops = [trip.stops[i] for i in m.stops]
        if doubtful(p, m):  # to be checked: a ring of the doubt colour
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


def _label(p: Prepared, m: Marker, numbered: bool) -> tuple[str, bool]:
    """A marker's label text ("2. Paris, 3 Sep (to be checked)") and whether it is cancelled."""
    trip = p.itinerary.trips[m.trip]
    name, dates = label_text(trip, m)
    cancelled = all(trip.stops[i].status is Status.CANCELLED for i in m.stops)
    nums = f"{m.numbers()}. " if numbered else ""
    doubt = " (to be checked)" if doubtful(p, m) else ""
    text = f"{nums}{name}" + (f", {dates}" if dates else "") + (" (cancelled)" if cancelled else "") + doubt
    return text, cancelled


def label_texts(
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
        text, cancelled = _label(p, m, numbered=(m.lat, m.lon) not in shared)
        targets.append((x, y))
        # several travellers: each label in its traveller's colour, so equal numbers are told apart
        ink = trip_color(m.trip) if len(p.itinerary.trips) > 1 else print_colors()["label"]
        texts.append(
            ax.text(
                x,
                y,
                text,
                fontsize=fontsize,
                color=print_colors()["cancelled_label"] if cancelled else ink,
                style="italic" if cancelled else "normal",
                ha="left",
                va="bottom",
                zorder=8,
                parse_math=False,
                bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8},
            )
        )
    return texts, np.asarray(targets, dtype=float).reshape(-1, 2)
