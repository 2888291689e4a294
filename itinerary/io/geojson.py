"""GeoJSON export and import (RFC 7946).

One FeatureCollection in WGS84 lon/lat with no ``crs`` member, coordinates rounded to six
decimals, polygons wound right-hand (exterior counter-clockwise), lines that cross the
antimeridian split into MultiLineStrings. Features: ``stop`` (Point), ``leg``
((Multi)LineString) and ``region`` ((Multi)Polygon). Every geometry is valid (OGC simple
features, as PostGIS and QGIS check them): a leg or connector with no length once rounded
(its two ends at one point, e.g. a country then its capital) has no line and is left out,
while both its stops are there. The itinerary's own fields (title,
sources, trips) travel in the foreign member ``itinerary`` so a file we wrote reads back into
an equal :class:`~itinerary.model.Itinerary`.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
from collections.abc import Callable
from typing import Any

import shapely
from shapely.geometry import mapping

from itinerary import fields
from itinerary.coords import haversine_km, latlon, xy
from itinerary.errors import ValidationError
from itinerary.files import write_text
from itinerary.geometry import split_antimeridian
from itinerary.model import (
    Basis,
    DateSpan,
    Drawn,
    Itinerary,
    Leg,
    Place,
    Precision,
    Prepared,
    Report,
    Source,
    Status,
    Stop,
    Trip,
    trip_totals,
)

DECIMALS = 6


def _round(geom: Any) -> Any:
    return shapely.set_precision(geom, 10**-DECIMALS, mode="pointwise")


def _geometry(geom: Any) -> dict[str, Any]:
    if geom.geom_type in ("LineString", "MultiLineString"):
        geom = split_antimeridian(geom)
    elif geom.geom_type in ("Polygon", "MultiPolygon"):
        geom = shapely.orient_polygons(geom, exterior_cw=False)
    out: dict[str, Any] = mapping(_round(geom))
    result: dict[str, Any] = json.loads(json.dumps(out))  # tuples -> lists
    return result


def _line(geom: Any) -> dict[str, Any] | None:
    """A leg's or connector's line as GeoJSON (split at the antimeridian, rounded), without
    the parts that have no length; None when nothing is left (the line is one point)."""
    rounded = _round(split_antimeridian(geom))
    parts = [g for g in shapely.get_parts(rounded) if g.length > 0 and g.is_valid]
    if not parts:
        return None
    line = parts[0] if len(parts) == 1 else shapely.MultiLineString(parts)
    result: dict[str, Any] = json.loads(json.dumps(mapping(line)))
    return result


def _date_text(span: DateSpan) -> str | None:
    return span.text if span.known else None


def _geo_date(it: Itinerary, stop: Stop) -> dict[str, Any]:
    span = stop.date
    return {
        "date": _date_text(span),
        "date_start": span.start.isoformat() if span.start else None,
        "date_end": span.end.isoformat() if span.end else None,
        "date_precision": span.precision.value,
        "date_label": span.display(),
    }


def _geo_resolved(it: Itinerary, stop: Stop) -> dict[str, Any]:
    r = stop.resolved
    return {
        "name": r.name if r else stop.label,
        "kind": r.kind if r else None,
        "country_code": r.country_code if r else None,
        "admin1": r.admin1 if r else None,
        "place_id": r.id if r else None,
        "confidence": r.confidence if r else None,
    }


def _geo_source(it: Itinerary, stop: Stop) -> dict[str, Any]:
    src = it.source(stop.source)
    return {"source": stop.source, "source_url": src.url if src else None}


#: Stop fields whose GeoJSON properties are more than their value (see itinerary.fields).
STOP_WRITERS: dict[str, Callable[[Itinerary, Stop], dict[str, Any]]] = {
    "lat": lambda it, stop: {"pinned": stop.pinned},
    "date": _geo_date,
    "source": _geo_source,
    "sources": lambda it, stop: {"sources": ", ".join(stop.all_sources) or None},  # flat text for GPKG/CSV
    "history": lambda it, stop: {"history": _history_text(stop)},
    "resolved": _geo_resolved,
}


def stop_properties(it: Itinerary, trip: Trip, order: int, stop: Stop) -> dict[str, Any]:
    head = {"feature": "stop", "trip": trip.id, "traveller": trip.traveller, "order": order}
    return head | fields.fill("stop", "geojson", stop, STOP_WRITERS, it)


def _history_text(stop: Stop) -> str | None:
    """What each source said, as JSON text: [{"source", "status", "date"}, ...]."""
    if not stop.history:
        return None
    rows = [{"source": h.source, "status": h.status.value, "date": _date_text(h.date)} for h in stop.history]
    return json.dumps(rows, ensure_ascii=False)


def _sources_from(text: str | None) -> tuple[str, ...]:
    ids = tuple(x for x in (text or "").split(", ") if x)
    return ids if len(ids) > 1 else ()  # one source is the stop's ``source``


def _history_from(text: str | None) -> tuple[Report, ...]:
    rows = json.loads(text) if text else []
    return tuple(Report(r["source"], Status(r["status"]), DateSpan.parse(r.get("date"))) for r in rows)


def _line_km(line: Any) -> float:
    pts = [latlon(x, y) for x, y in line.coords]
    return sum(haversine_km(*a, *b) for a, b in itertools.pairwise(pts))


_NONE: dict[str, Callable[[Any, Any], dict[str, Any]]] = {}  # every field plain

#: Leg fields whose GeoJSON properties are more than their value (see itinerary.fields).
LEG_WRITERS: dict[str, Callable[[Trip, Leg], dict[str, Any]]] = {
    "traveller": lambda trip, leg: {"traveller": trip.traveller},
    "to_index": lambda trip, leg: {"to_order": leg.end_index},
    "origin": lambda trip, leg: {"from": leg.origin.label},
    "destination": lambda trip, leg: {"to": leg.destination.label},
    "length_km": lambda trip, leg: {"length_km": None if leg.length_km is None else round(leg.length_km, 1)},
}


def leg_properties(trip: Trip, leg: Leg) -> dict[str, Any]:
    return {"feature": "leg"} | fields.fill("leg", "geojson", leg, LEG_WRITERS, trip)


def _plain_fields(owner: str, obj: Any) -> dict[str, Any]:
    """The table's plain fields of ``obj`` by their GeoJSON key (trips and sources in the header)."""
    values = {
        f.geojson[0]: fields.to_plain(f, getattr(obj, f.name)) for f in fields.table(owner) if f.geojson
    }
    return fields.arrange(owner, "geojson", values)


def _header(it: Itinerary, legs: dict[str, tuple[Leg, ...]] | None = None) -> dict[str, Any]:
    return {
        "version": it.version,
        "title": it.title,
        "as_of": it.as_of.isoformat() if it.as_of else None,
        "sources": [source_header(s) for s in it.sources],
        "trips": [trip_header(t, legs.get(t.id, ()) if legs else None) for t in it.trips],
    }


def _from_plain(owner: str, data: dict[str, Any], **given: Any) -> dict[str, Any]:
    """Model arguments from header data: the table's fields by their GeoJSON key, then ``given``."""
    rows = [f for f in fields.table(owner) if f.geojson and not f.derived]
    return {f.name: fields.from_plain(f, data.get(f.geojson[0])) for f in rows} | given


def to_feature_collection(it: Itinerary | Prepared) -> dict[str, Any]:
    """The itinerary as an RFC 7946 FeatureCollection (dict).

    Legs and regions come from a :class:`Prepared` itinerary (see
    :func:`itinerary.prepare.prepare`); a plain :class:`Itinerary` gives its stops that have
    coordinates only.
    """
    p = it if isinstance(it, Prepared) else Prepared(it)
    features: list[dict[str, Any]] = []
    for trip in p.itinerary.trips:
        features += trip_features(p.itinerary, trip, p.legs.get(trip.id, ()))
    for region in p.regions:
        features.append(
            {
                "type": "Feature",
                "geometry": _geometry(region.geometry),
                "properties": {"feature": "region"} | fields.fill("region", "geojson", region, _NONE),
            }
        )
    return {"type": "FeatureCollection", "itinerary": _header(p.itinerary, p.legs), "features": features}


def trip_features(it: Itinerary, trip: Trip, legs: tuple[Leg, ...]) -> list[dict[str, Any]]:
    """The features of one trip of ``it``: its stops in order, then its legs (and connectors).
    They depend on the trip, its legs and the URLs of its stops' sources alone."""
    features: list[dict[str, Any]] = []
    for i, stop in enumerate(trip.stops):
        ll = stop.latlon
        geom = None if ll is None else {"type": "Point", "coordinates": [round(v, DECIMALS) for v in xy(*ll)]}
        features.append(
            {"type": "Feature", "geometry": geom, "properties": stop_properties(it, trip, i, stop)}
        )
    for leg in legs:
        features += _leg_features(trip, leg)
    return features


def trip_header(trip: Trip, legs: tuple[Leg, ...] | None) -> dict[str, Any]:
    """A trip's entry in the ``itinerary`` member (its totals when the itinerary was routed)."""
    return _plain_fields("trip", trip) | ({"totals": trip_totals(trip, legs)} if legs is not None else {})


def source_header(source: Source) -> dict[str, Any]:
    """A source's entry in the ``itinerary`` member."""
    return _plain_fields("source", source)


def _leg_features(trip: Trip, leg: Leg) -> list[dict[str, Any]]:
    """A leg's line, then the stretches between a stop and the railway it was snapped to: part of
    the leg's line, and also their own features so a GIS can style them as assumed."""
    line = None if leg.geometry is None else _line(leg.geometry)
    if line is None:
        return []
    out = [{"type": "Feature", "geometry": line, "properties": leg_properties(trip, leg)}]
    for c in leg.connectors:
        stretch = _line(c)
        if stretch is None:
            continue
        properties = {
            **leg_properties(trip, leg),
            "feature": "connector",
            "basis": Basis.ASSUMED.value,
            "drawn_as": Drawn.STRAIGHT_LINE.value,
            "length_km": round(_line_km(c), 1),
        }
        out.append({"type": "Feature", "geometry": stretch, "properties": properties})
    return out


def dumps(it: Itinerary | Prepared, *, indent: int | None = None) -> str:
    return json.dumps(to_feature_collection(it), ensure_ascii=False, indent=indent)


def dump(it: Itinerary | Prepared, path: str | os.PathLike[str]) -> None:
    """Write GeoJSON atomically."""
    write_text(path, dumps(it))


# ---------------------------------------------------------------- reading


def _d(v: Any) -> dt.date | None:
    return dt.date.fromisoformat(v) if v else None


def _read_resolved(props: dict[str, Any], ll: tuple[float, float] | None) -> Place | None:
    if not props.get("place_id") or ll is None:
        return None
    return Place(
        id=props["place_id"],
        name=props["name"],
        lat=ll[0],
        lon=ll[1],
        kind=props.get("kind") or "point",
        country_code=props.get("country_code"),
        admin1=props.get("admin1"),
        confidence=1.0 if props.get("confidence") is None else float(props["confidence"]),
    )


def _pinned(props: dict[str, Any], ll: tuple[float, float] | None, i: int) -> float | None:
    return ll[i] if ll is not None and props.get("pinned") else None


#: Stop fields read back from more than their one property (see itinerary.fields).
STOP_READERS: dict[str, Callable[[dict[str, Any], tuple[float, float] | None], Any]] = {
    "lat": lambda props, ll: _pinned(props, ll, 0),
    "lon": lambda props, ll: _pinned(props, ll, 1),
    "date": lambda props, ll: (
        DateSpan.parse(props.get("date")) if props.get("date") else _date_from_parts(props)
    ),
    "source": lambda props, ll: props.get("source"),
    "sources": lambda props, ll: _sources_from(props.get("sources")),
    "history": lambda props, ll: _history_from(props.get("history")),
    "resolved": _read_resolved,
}


def _stop_from(props: dict[str, Any], geom: dict[str, Any] | None) -> Stop:
    ll = None
    if geom and geom.get("type") == "Point":
        ll = latlon(*geom["coordinates"][:2])
    args: dict[str, Any] = {}
    for f in fields.table("stop"):
        if f.name in STOP_READERS:
            args[f.name] = STOP_READERS[f.name](props, ll)
        elif f.geojson and not f.derived:
            args[f.name] = fields.from_plain(f, props.get(f.geojson[0]))
    return Stop(**args)


def _date_from_parts(props: dict[str, Any]) -> DateSpan:
    start, end = props.get("date_start"), props.get("date_end")
    if not start:
        return DateSpan()
    prec = Precision(props.get("date_precision") or "day")
    text = {Precision.DAY: start, Precision.MONTH: start[:7], Precision.YEAR: start[:4]}.get(prec, start)
    if prec is Precision.DAY and end and end != start:
        text = f"{start}/{end}"
    return DateSpan.parse(text)


def from_feature_collection(fc: dict[str, Any]) -> Itinerary:
    """Read back a FeatureCollection written by :func:`to_feature_collection`."""
    if fc.get("type") != "FeatureCollection":
        raise ValidationError("not a GeoJSON FeatureCollection")
    head = fc.get("itinerary") or {}
    stops: dict[str, list[tuple[int, Stop]]] = {}
    travellers: dict[str, str] = {}
    for f in fc.get("features", []):
        props = f.get("properties") or {}
        if props.get("feature") != "stop":
            continue
        stops.setdefault(props["trip"], []).append(
            (int(props["order"]), _stop_from(props, f.get("geometry")))
        )
        travellers.setdefault(props["trip"], props.get("traveller") or props["trip"])
    trip_meta = {t["id"]: t for t in head.get("trips", [])} or {
        tid: {"id": tid, "traveller": travellers[tid]} for tid in stops
    }
    trips = tuple(
        Trip(
            **_from_plain(
                "trip",
                meta,
                id=tid,
                traveller=meta.get("traveller") or travellers.get(tid, tid),
                stops=tuple(s for _, s in sorted(stops.get(tid, []), key=lambda x: x[0])),
            )
        )
        for tid, meta in trip_meta.items()
    )
    sources = tuple(Source(**_from_plain("source", s)) for s in head.get("sources", []))
    return Itinerary(trips=trips, title=head.get("title"), as_of=_d(head.get("as_of")), sources=sources)


def load(path: str | os.PathLike[str]) -> Itinerary:
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except json.JSONDecodeError as exc:
        raise ValidationError(f"invalid JSON: {exc.msg}", source=str(path), line=exc.lineno) from None
    return from_feature_collection(data)
