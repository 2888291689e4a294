"""Polygons of region and country places, from the shipped Natural Earth files."""

from __future__ import annotations

import gzip
import json
from functools import cache
from typing import Any

from shapely.geometry import shape

from itinerary.paths import geodata_dir


@cache
def _shapes(filename: str, key: str) -> dict[str, Any]:
    with gzip.open(geodata_dir() / filename) as fh:
        data = json.load(fh)
    return {str(f["properties"][key]): f["geometry"] for f in data["features"] if f["properties"].get(key)}


def region_shape(place_id: str) -> Any | None:
    """The polygon of ``admin1:XX-YYY`` or ``country:XX`` places, else None."""
    kind, _, code = place_id.partition(":")
    if kind == "admin1":
        geom = _shapes("admin1.geojson.gz", "id").get(code)
    elif kind == "country":
        geom = _shapes("countries.geojson.gz", "iso").get(code)
    else:
        return None
    return None if geom is None else shape(geom)


def basemap_geojson() -> dict[str, Any]:
    """Country outlines (Natural Earth 50m) as a GeoJSON FeatureCollection."""
    with gzip.open(geodata_dir() / "countries.geojson.gz") as fh:
        data: dict[str, Any] = json.load(fh)
    return data
