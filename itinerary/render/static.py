"""A static image of an itinerary for print: geopandas and matplotlib over the shipped basemap."""

from __future__ import annotations

import os
from typing import Any

from itinerary.files import atomic_path
from itinerary.geocode.regions import basemap_geojson
from itinerary.model import Itinerary, Prepared, Status
from itinerary.pipeline import prepare
from itinerary.render.map import PALETTE

LINESTYLE = {Status.CONFIRMED: "-", Status.PLANNED: (0, (5, 3)), Status.CANCELLED: ":"}


def _bounds(p: Prepared) -> tuple[float, float, float, float]:
    xs, ys = [], []
    for _, _, s in p.itinerary.stops():
        if (ll := s.latlon) is not None:
            ys.append(ll[0])
            xs.append(ll[1])
    for leg in p.all_legs():
        if leg.geometry is not None:
            x0, y0, x1, y1 = leg.geometry.bounds
            xs += [x0, x1]
            ys += [y0, y1]
    pad_x = max(2.0, (max(xs) - min(xs)) * 0.1)
    pad_y = max(2.0, (max(ys) - min(ys)) * 0.1)
    return min(xs) - pad_x, min(ys) - pad_y, max(xs) + pad_x, max(ys) + pad_y


def draw(p: Prepared, ax: Any) -> None:
    import geopandas as gpd
    from matplotlib.lines import Line2D

    ax.set_facecolor("#cfe3ee")
    world = gpd.GeoDataFrame.from_features(basemap_geojson()["features"], crs="EPSG:4326")
    world.plot(ax=ax, color="#f2efe9", edgecolor="#9a9a9a", linewidth=0.4)
    handles = []
    for ti, trip in enumerate(p.itinerary.trips):
        color = PALETTE[ti % len(PALETTE)]
        for region in p.regions:
            if region.trip_id == trip.id:
                gpd.GeoSeries([region.geometry]).plot(
                    ax=ax, color=color, alpha=0.08, edgecolor=color, linewidth=0.8
                )
        for leg in p.legs.get(trip.id, ()):
            g = leg.geometry
            if g is None:
                continue
            parts = list(g.geoms) if g.geom_type == "MultiLineString" else [g]
            for part in parts:
                x, y = part.xy
                ax.plot(
                    x,
                    y,
                    color="#888" if leg.status is Status.CANCELLED else color,
                    linestyle=LINESTYLE[leg.status],
                    linewidth=2.2 if leg.mode.value == "rail" else 1.5,
                    alpha=0.9 if leg.basis.value == "reported" else 0.45,
                )
        for i, s in enumerate(trip.stops):
            if (ll := s.latlon) is None:
                continue
            filled = s.status is Status.CONFIRMED
            ax.plot(
                ll[1],
                ll[0],
                "o",
                markersize=11,
                markeredgewidth=1.6,
                markeredgecolor=color,
                markerfacecolor=color if filled else "white",
                zorder=5,
            )
            ax.text(
                ll[1],
                ll[0],
                str(i + 1),
                ha="center",
                va="center",
                fontsize=6.5,
                zorder=6,
                color="white" if filled else color,
                fontweight="bold",
            )
        handles.append(Line2D([], [], color=color, linewidth=2, label=trip.traveller))
    handles += [
        Line2D([], [], color="#444", linestyle="-", label="confirmed"),
        Line2D([], [], color="#444", linestyle=(0, (5, 3)), label="planned"),
        Line2D(
            [], [], marker="o", color="#444", markerfacecolor="#444", linestyle="", label="confirmed stop"
        ),
        Line2D([], [], marker="o", color="#444", markerfacecolor="white", linestyle="", label="planned stop"),
    ]
    ax.legend(handles=handles, loc="lower left", fontsize=7, framealpha=0.9)
    x0, y0, x1, y1 = _bounds(p)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    import math

    ax.set_aspect(1 / max(0.2, math.cos(math.radians((y0 + y1) / 2))))
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.set_xticks([])
    ax.set_yticks([])


def save_png(it: Itinerary | Prepared, path: str | os.PathLike[str], *, dpi: int = 150) -> None:
    """Write a PNG of the itinerary (atomic)."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    p = it if isinstance(it, Prepared) else prepare(it)
    # Untrusted text is drawn as typed: no mathtext ("$5bn to $7bn"), no LaTeX.
    with matplotlib.rc_context({"text.parse_math": False, "text.usetex": False}):
        fig, ax = plt.subplots(figsize=(9, 7))
        _draw_and_save(p, fig, ax, path, dpi)


def _draw_and_save(p: Prepared, fig: Any, ax: Any, path: str | os.PathLike[str], dpi: int) -> None:
    import matplotlib.pyplot as plt

    try:
        draw(p, ax)
        title = p.itinerary.title or "Itinerary"
        ax.set_title(title, fontsize=11)
        fig.text(
            0.99,
            0.01,
            "Basemap: Natural Earth. Places: GeoNames (CC BY 4.0).",
            ha="right",
            fontsize=6,
            color="#555",
        )
        fig.tight_layout()
        with atomic_path(path) as tmp:
            fig.savefig(tmp, dpi=dpi, format="png")
    finally:
        plt.close(fig)
