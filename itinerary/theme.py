"""The one theme: status, mode and basis styles, read from ``theme.json`` by the HTML map (sent
to the browser in the payload), the static image and the KML writer.

``theme.json`` is the one place for visual constants. Its ``print`` section holds what only the
print renderer reads (its inks, label placement in points); :func:`theme` leaves it out, so the
browser payload carries only what the browser reads; :func:`print_colors` and
:func:`label_placement` serve it.

Label placement is one rule in both renderers: a stop's label is tried beside its marker at each
gap in turn, and at each gap in the ``labels.directions`` order (x to the right, y up; the browser
flips y for the screen); a label placed beyond the first gap gets a leader line to its marker.
The gaps are the renderer's own (``labels.screen.gaps_px`` in screen pixels, read by the browser
runtime from the payload's theme; ``print.labels.gaps_pt`` in points), as are the browser's
declutter and cluster sizes (``labels.screen``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


@cache
def _theme_file() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resources.files("itinerary").joinpath("theme.json").read_text("utf-8"))
    return data


@cache
def theme() -> dict[str, Any]:
    """The theme shared by every renderer, as plain data (do not mutate: it is cached)."""
    return {k: v for k, v in _theme_file().items() if k != "print"}


@dataclass(frozen=True)
class LabelPlacement:
    """How the print map places a stop's label beside its marker (``theme.json``: print.labels).

    Sizes are in typographic points (1/72 inch). The directions are the theme's ``labels`` ones,
    which the HTML map's runtime reads too (its gaps, in screen pixels: ``labels.screen``)."""

    gaps_pt: tuple[float, ...]  # label to marker, tried in turn; beyond the first, a leader line
    directions: tuple[tuple[int, int], ...]  # sides tried at each gap, in order of preference
    stop_radius_pt: float  # half the side of the box a marker keeps free of labels
    box_pad_pt: tuple[float, float]  # added to a label's width and height (text centred in it)
    clear_of_furniture_pt: float  # margin kept around the title, legend, inset, scale bar, credit
    leader_color: str
    leader_width: float
    adjust_expand: tuple[float, float]  # adjustText's box growth for labels still overlapping
    names_clear_of_stops_pt: float  # country and sea names keep this far from a marker's centre


@cache
def label_placement() -> LabelPlacement:
    """The print map's label-placement parameters."""
    d = _theme_file()["print"]["labels"]
    ex, ey = d["adjust_expand"]
    return LabelPlacement(
        gaps_pt=tuple(float(g) for g in d["gaps_pt"]),
        directions=tuple((int(dx), int(dy)) for dx, dy in _theme_file()["labels"]["directions"]),
        stop_radius_pt=float(d["stop_radius_pt"]),
        box_pad_pt=(float(d["box_pad_pt"][0]), float(d["box_pad_pt"][1])),
        clear_of_furniture_pt=float(d["clear_of_furniture_pt"]),
        leader_color=str(d["leader"]["color"]),
        leader_width=float(d["leader"]["width"]),
        adjust_expand=(float(ex), float(ey)),
        names_clear_of_stops_pt=float(d["names_clear_of_stops_pt"]),
    )


@cache
def print_colors() -> dict[str, str]:
    """The print map's own inks (``theme.json``: print.colors): label text, a cancelled stop's
    label, country names, legend keys, the credit line, the locator globe's land and frame."""
    colors: dict[str, str] = _theme_file()["print"]["colors"]
    return colors


def trip_color(i: int) -> str:
    palette: list[str] = theme()["palette"]
    return palette[i % len(palette)]


def status_color(status: str, trip_color: str) -> str:
    """The line colour of a leg or stop with this status drawn for a trip of ``trip_color``."""
    color: str = theme()["status"][status].get("color", trip_color)
    return color


def kml_color(hex_rgb: str, alpha: int = 255) -> str:
    """KML's aabbggrr from ``#rrggbb``."""
    r, g, b = hex_rgb[1:3], hex_rgb[3:5], hex_rgb[5:7]
    return f"{alpha:02x}{b}{g}{r}".lower()
