"""The one theme: status, mode and basis styles, read from ``theme.json`` by the HTML map (sent
to the browser in the payload), the static image and the KML writer."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def theme() -> dict[str, Any]:
    """The theme as plain data (do not mutate: it is cached)."""
    data: dict[str, Any] = json.loads(resources.files("itinerary").joinpath("theme.json").read_text("utf-8"))
    return data


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
