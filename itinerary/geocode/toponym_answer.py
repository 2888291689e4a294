"""The answer for a resolved toponym: a geopy ``Location`` with the confidence of its reading,
the runner-up, and a country placed at its centre (its capital kept in ``raw["capital"]``).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from itinerary.geocode.toponym_context import Name, Option
from itinerary.geocode.toponym_forms import forms_of

if TYPE_CHECKING:
    from itinerary.geocode.offline import OfflineGeocoder


def location(geo: OfflineGeocoder, name: Name) -> Any:
    from geopy.location import Location

    from itinerary.geocode.offline import _address, _record_raw

    if not name.options:
        return None
    o = name.options[name.choice]
    scores = name.scores or [x.base for x in name.options]
    best = scores[name.choice]
    total = sum(math.exp((s - best) / geo.weights.temperature) for s in scores)
    confidence = 1.0 / total if total else 1.0
    if name.approximate or o.match == "fuzzy":
        confidence = min(confidence, geo.weights.doubtful_cap)
    runner = None
    others = [j for j in range(len(name.options)) if j != name.choice]
    if others:
        j = max(others, key=lambda k: scores[k])
        r = name.options[j]
        runner = {"id": _oid(r), "name": _oname(r), "kind": r.kind, "latitude": r.lat, "longitude": r.lon}
    lat, lon = o.lat, o.lon
    if o.record is not None:
        raw = _record_raw(o.record)
        address = _address(o.record)
        centre = forms_of().country_centres.get(o.country) if o.kind == "country" else None
        if centre is not None:  # the whole country, not its capital (kept in raw)
            raw["capital"] = {"latitude": o.lat, "longitude": o.lon}
            lat, lon = centre
            raw.update(latitude=lat, longitude=lon)
    else:
        raw = {
            "id": o.extra["id"],
            "name": o.extra["name"],
            "latitude": o.lat,
            "longitude": o.lon,
            "kind": o.kind,
            "country_code": o.country or None,
            "admin1": None,
            "population": 0,
        }
        address = o.extra["name"]
    match = "approximate" if name.approximate else o.match
    raw.update(
        confidence=round(confidence, 3),
        match=match,
        ambiguous=confidence < geo.ambiguous_below or match in ("fuzzy", "approximate"),
        approximate=name.approximate,
        runner_up=runner,
    )
    return Location(address, (lat, lon, 0.0), raw)


def _oid(o: Option) -> str:
    return o.record.id if o.record is not None else str(o.extra.get("id", ""))


def _oname(o: Option) -> str:
    return o.record.name if o.record is not None else str(o.extra.get("name", ""))


__all__ = ["location"]
