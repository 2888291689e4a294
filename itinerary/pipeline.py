"""From an itinerary to what maps and exports draw: resolved stops, legs and regions."""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from typing import Any

from itinerary.errors import AmbiguityWarning
from itinerary.model import Itinerary, Leg

REGION_KINDS = frozenset({"region", "country"})


@dataclass(frozen=True)
class Region:
    """A polygon to highlight: a stop that is a region or country, or a region hint."""

    trip_id: str
    name: str
    place_id: str
    geometry: Any
    from_hint: bool = False


@dataclass(frozen=True)
class Prepared:
    """An itinerary with every stop resolved, its legs routed and its regions found."""

    itinerary: Itinerary
    legs: dict[str, tuple[Leg, ...]] = field(default_factory=dict)
    regions: tuple[Region, ...] = ()

    def all_legs(self) -> list[Leg]:
        return [leg for t in self.itinerary.trips for leg in self.legs.get(t.id, ())]


def _regions(it: Itinerary) -> tuple[Region, ...]:
    from itinerary.geocode import OfflineGeocoder
    from itinerary.geocode.regions import region_shape

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
        from itinerary.geocode import resolve_itinerary

        it = resolve_itinerary(it)
    legs: dict[str, tuple[Leg, ...]] = {}
    if route:
        from itinerary.routing import build_legs, default_routers

        routers = default_routers()
        legs = {t.id: build_legs(t, routers) for t in it.trips}
    return Prepared(it, legs, _regions(it) if regions else ())
