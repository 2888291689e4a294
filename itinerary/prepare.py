"""Preparing an itinerary for maps and exports: every stop resolved, its legs routed and its
regions found (:func:`prepare`), and the exports that take the result."""

from __future__ import annotations

import dataclasses
import os
import warnings
from typing import Any

from itinerary.errors import AmbiguityWarning
from itinerary.geocode import OfflineGeocoder, resolve_itinerary
from itinerary.geocode.regions import region_shape
from itinerary.io import geojson as geojson_io
from itinerary.io import gis
from itinerary.model import Itinerary, Leg, Prepared, Region
from itinerary.routing import build_legs, default_routers

__all__ = ["Prepared", "Region", "export", "prepare", "to_feature_collection", "to_geodataframe"]

REGION_KINDS = frozenset({"region", "country"})


def _regions(it: Itinerary) -> tuple[Region, ...]:
    out: list[Region] = []
    seen: set[tuple[str, str]] = set()
    geocoder: OfflineGeocoder | None = None
    for trip, _, stop in it.stops():
        r = stop.resolved
        if r is not None and r.kind in REGION_KINDS and (trip.id, r.id) not in seen:
            geom = region_shape(r.id)
            if geom is not None:
                seen.add((trip.id, r.id))
                out.append(Region(trip.id, r.name, r.id, geom))
        if stop.hint:
            geocoder = geocoder or OfflineGeocoder()
            for part in stop.hint.split(","):
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", AmbiguityWarning)
                    cands = geocoder.candidates(part.strip(), kind="region", limit=1)
                if not cands or cands[0].record.kind != "region" or cands[0].name_score < 1:
                    continue
                rec = cands[0].record
                if stop.resolved and rec.country_code != stop.resolved.country_code:
                    continue
                if (trip.id, rec.id) in seen:
                    continue
                geom = region_shape(rec.id)
                if geom is not None:
                    seen.add((trip.id, rec.id))
                    out.append(Region(trip.id, rec.name, rec.id, geom, from_hint=True))
    return tuple(out)


def prepare(it: Itinerary, *, resolve: bool = True, route: bool = True, regions: bool = True) -> Prepared:
    """Resolve stops that lack coordinates, route every trip and collect region polygons."""
    if resolve and any(s.latlon is None or s.resolved is None for _, _, s in it.stops()):
        it = resolve_itinerary(it)
    legs: dict[str, tuple[Leg, ...]] = {}
    if route:
        routers = default_routers()
        legs = {t.id: build_legs(t, routers) for t in it.trips}
    return Prepared(it, legs, _regions(it) if regions else ())


def _prepared(it: Itinerary | Prepared) -> Prepared:
    return it if isinstance(it, Prepared) else prepare(it)


def to_feature_collection(it: Itinerary | Prepared) -> dict[str, Any]:
    """The itinerary as an RFC 7946 FeatureCollection, resolved and routed first if needed."""
    return geojson_io.to_feature_collection(_prepared(it))


def to_geodataframe(it: Itinerary | Prepared, *, feature: str | None = None) -> Any:
    """Stops, legs and regions as a GeoDataFrame (EPSG:4326), resolved and routed first if needed."""
    return gis.to_geodataframe(_prepared(it), feature=feature)


def export(
    it: Itinerary | Prepared,
    path: str | os.PathLike[str],
    *,
    fmt: str | None = None,
    force: bool = False,
    regions: bool = False,
) -> str:
    """Write the itinerary in the format of ``path``'s suffix (or ``fmt``), resolved and routed first.

    As on the map, the regions named in stop hints are left out unless ``regions=True``
    (a stop that is a region or a country is always exported with its polygon).
    """
    gis.check_export_target(path, fmt=fmt, force=force)  # fail before the work
    p = _prepared(it)
    if not regions:
        p = dataclasses.replace(p, regions=tuple(r for r in p.regions if not r.from_hint))
    return gis.export(p, path, fmt=fmt, force=force)
