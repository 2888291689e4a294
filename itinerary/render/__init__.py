"""Rendering: interactive Folium maps (online or self-contained) and static images."""

from __future__ import annotations

from itinerary.render.map import make_map, save_map

__all__ = ["make_map", "save_map"]
