"""The map payload: the JSON the browser runtime draws (trips with their stops, legs, markers,
regions and totals in the page's language, the sources, the theme, the popup's field labels and,
offline, the basemap with its place names), built from the field table (``STOP_PAYLOAD``,
``LEG_PAYLOAD``, ``SOURCE_PAYLOAD``, ``REGION_PAYLOAD``). :mod:`itinerary.render.map` puts it in
the page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

import shapely
from shapely.geometry import mapping

from itinerary import fields
from itinerary.coords import latlon_array
from itinerary.errors import ValidationError
from itinerary.geocode.gazetteer import KINDS
from itinerary.geocode.regions import basemap_geojson
from itinerary.model import Itinerary, Leg, Mode, Prepared, Region, Role, Source, Stop, Trip
from itinerary.render.i18n import ENGLISH, Words, check_page_lang, kind_words, languages, page_words
from itinerary.render.labels import LANGS, basemap_labels
from itinerary.render.layout import (
    LonFrame,
    Marker,
    arriving_legs,
    bend,
    frame_for,
    frame_pieces,
    leg_doubt,
    map_title,
    markers,
    parallel_bends,
    repeated_labels,
    stop_doubts,
    stop_name,
    totals,
)
from itinerary.theme import theme, trip_color


def _compact(d: dict[str, Any]) -> dict[str, Any]:
    """Leave out empty fields: the runtime treats a missing field as empty (smaller pages)."""
    return {k: v for k, v in d.items() if v is not None and v != "" and v != []}


@dataclass(frozen=True)
class _StopCtx:
    """What a stop's payload needs beyond the stop: its itinerary, the map's longitude frame."""

    it: Itinerary
    frame: LonFrame
    latlon: tuple[float, float]
    w: Words


def _place_json(c: _StopCtx, stop: Stop) -> dict[str, Any]:
    name = stop_name(stop)
    return {"name": name, "place": stop.place if stop.place != name else None}  # "As written" shows the text


#: Stop fields whose payload keys are more than their value (see itinerary.fields).
STOP_PAYLOAD: dict[str, Callable[[_StopCtx, Stop], dict[str, Any]]] = {
    "place": _place_json,
    "lat": lambda c, stop: {"lat": round(c.latlon[0], 6)},
    "lon": lambda c, stop: {"lon": round(c.frame.shift(c.latlon[1]), 6)},
    "date": lambda c, stop: {
        "date_label": c.w.date_label(stop.date),
        "d": c.w.span(stop.date, short=True),
        "date_start": stop.date.start.isoformat() if stop.date.start else None,
    },
    "sources": lambda c, stop: {"sources": list(stop.all_sources)},
    "history": lambda c, stop: {"known": _known(c.it, stop, c.w)},
    "resolved": lambda c, stop: {"kind": stop.resolved.kind if stop.resolved else None},
}


def _stop_json(
    it: Itinerary, stop: Stop, n: int, frame: LonFrame, arriving: list[Leg], w: Words
) -> dict[str, Any] | None:
    ll = stop.latlon
    if ll is None:
        return None
    c = _StopCtx(it, frame, ll, w)
    # why a reader should check the stop (drawn apart, listed in its popup)
    doubt = stop_doubts(stop, arriving, w)
    return _compact({"n": n} | fields.fill("stop", "payload", stop, STOP_PAYLOAD, c) | {"doubt": doubt})


def _known(it: Itinerary, stop: Stop, w: Words = ENGLISH) -> list[list[str | None]]:
    """[[day the source was published (None: unknown), status it gave, date it gave], ...], oldest first."""
    reports = [(h.source, h.status.value, h.date) for h in stop.history] or [
        (sid, stop.status.value, stop.date) for sid in stop.all_sources
    ]
    rows: list[list[str | None]] = []
    for sid, status, date in reports:
        src = it.source(sid)
        day = src.published.isoformat() if src and src.published else None
        rows.append([day, status, w.span(date) if date.known else None])
    return sorted(rows, key=lambda r: r[0] or "")


def _paths(lines: list[Any], frame: LonFrame) -> list[list[list[list[float]]]]:
    """Each line as pieces of [[lat, lon], ...] rounded to ~10 m in the map's longitude frame
    (one piece unless the line must cross the frame's edge; see :func:`frame_pieces`)."""
    out = []
    for line in lines:
        coords = shapely.get_coordinates(line)
        out.append([latlon_array(piece) for piece in frame_pieces(coords, frame)])
    return out


@dataclass(frozen=True)
class _LegCtx:
    """A leg's lines as [[lat, lon], ...] in the map's longitude frame."""

    paths: list[list[list[float]]]
    connectors: list[list[list[float]]]
    w: Words

    def arrow(self) -> list[list[float]] | None:
        """Two points in the middle of the longest part, for the direction arrow."""
        main = max(self.paths, key=len) if self.paths else []
        if len(main) < 2:
            return None
        k = min(len(main) // 2, len(main) - 2)
        return [main[k], main[k + 1]]


#: Leg fields whose payload keys are more than their value (see itinerary.fields).
LEG_PAYLOAD: dict[str, Callable[[_LegCtx, Leg], dict[str, Any]]] = {
    "origin": lambda c, leg: {"from": leg.origin.label},
    "destination": lambda c, leg: {"to": leg.destination.label},
    "to_index": lambda c, leg: {"to_index": leg.end_index},
    "geometry": lambda c, leg: {"paths": c.paths, "arrow": c.arrow()},
    "connectors": lambda c, leg: {"connectors": c.connectors},
}


def _km(w: Words, km: float | None) -> str | None:
    """A distance in words: ``4,538 km`` (the page language's digits and separators)."""
    return None if km is None else w._("{km} km").format(km=w.number(km))


def _leg_json(
    leg: Leg, paths: list[list[list[float]]], connectors: list[list[list[float]]], w: Words
) -> dict[str, Any]:
    c = _LegCtx(paths, connectors, w)
    out = fields.fill("leg", "payload", leg, LEG_PAYLOAD, c)
    if (km := _km(w, leg.length_km)) is not None:
        out["km_text"] = km  # the length in the page's language (tooltip)
    if (why := leg_doubt(leg, w)) is not None:
        out["doubt"] = why  # implausible: drawn as doubtful, left out of the totals
    return out


def _legs_json(
    legs: tuple[Leg, ...], frame: LonFrame, bends: dict[tuple[str, int, int], float], w: Words
) -> list[dict[str, Any]]:
    lines: list[Any] = []
    spans: list[tuple[int, int, int]] = []  # per leg: first line, parts, connectors
    for leg in legs:
        g = leg.geometry
        parts = [] if g is None else list(g.geoms) if g.geom_type == "MultiLineString" else [g]
        if (share := bends.get((leg.trip_id, leg.index, leg.end_index), 0.0)) != 0.0:
            # drawn over another leg: bowed aside so both stay visible
            parts = [shapely.LineString(bend(shapely.get_coordinates(part), share)) for part in parts]
        spans.append((len(lines), len(parts), len(leg.connectors)))
        lines += parts + list(leg.connectors)
    paths = _paths(lines, frame) if lines else []
    flat = [[piece for line in paths[a:b] for piece in line] for a, b in ((i, i + n) for i, n, _ in spans)]
    conns = [[piece for line in paths[i + n : i + n + c] for piece in line] for i, n, c in spans]
    return [_leg_json(leg, f, k, w) for leg, f, k in zip(legs, flat, conns, strict=True)]


#: Source fields whose payload keys are more than their value (see itinerary.fields).
SOURCE_PAYLOAD: dict[str, Callable[[None, Source], dict[str, Any]]] = {
    "title": lambda _, s: {"name": s.title or s.publisher or s.id},
}

#: Region fields whose payload keys are more than their value (see itinerary.fields).
REGION_PAYLOAD: dict[str, Callable[[None, Region], dict[str, Any]]] = {
    "geometry": lambda _, r: {"geojson": mapping(shapely.simplify(r.geometry, 0.01, preserve_topology=True))},
}


def _regions_json(p: Prepared, trip: Trip, hints: bool) -> list[dict[str, Any]]:
    return [
        fields.fill("region", "payload", r, REGION_PAYLOAD)
        for r in p.regions
        if r.trip_id == trip.id and (hints or not r.from_hint)
    ]


def _marker_json(m: Marker, shared: set[Marker]) -> dict[str, Any]:
    out: dict[str, Any] = {"s": list(m.stops), "p": m.priority}
    if m.slot:
        out["k"] = m.slot
    if m in shared:
        out["same"] = 1
    return out


def _trip_json(
    p: Prepared,
    ti: int,
    frame: LonFrame,
    marks: list[Marker],
    hints: bool,
    bends: dict[tuple[str, int, int], float],
    w: Words,
) -> dict[str, Any]:
    trip = p.itinerary.trips[ti]
    shared = repeated_labels(p, marks)
    legs = p.legs.get(trip.id, ())
    # stops keep their place in the trip (null when a stop has no coordinates)
    arriving = arriving_legs(p, trip)
    stops = [
        _stop_json(p.itinerary, st, i + 1, frame, arriving.get(i, []), w) for i, st in enumerate(trip.stops)
    ]
    return {
        "id": trip.id,
        "traveller": trip.traveller,
        "title": trip.title,
        "color": trip_color(ti),
        "totals": _totals_json(trip, legs, w),
        "stops": stops,
        "markers": [_marker_json(m, shared) for m in marks if m.trip == ti],
        "legs": _legs_json(legs, frame, bends, w),
        "regions": _regions_json(p, trip, hints),
    }


def _totals_json(trip: Trip, legs: tuple[Leg, ...], w: Words) -> dict[str, Any]:
    """The trip's totals, with its distances written in the page's language."""
    out = totals(trip, legs)
    out["km_text"] = _km(w, out["km"])
    out["mode_text"] = {m: _km(w, km) for m, km in out["km_by_mode"].items()}
    return out


def _popup_json(w: Words) -> list[list[Any]]:
    """[[payload key, label, {value: its words}], ...]: the popup's facts in the page's language."""
    mode_labels = theme()["mode"]
    values: dict[str, dict[str, str]] = {
        "role": {r.value: w._(r.value) for r in Role},
        "mode": {
            m.value: w._(mode_labels[m.value]["label"] if m.value in mode_labels else m.value) for m in Mode
        },
        "kind": {k: w._(kind_words(k)) for k in KINDS},
    }
    return [[key, w._(label), values.get(key, {})] for key, label in fields.popup_facts()]


def page_lang(lang: str) -> tuple[str, str]:
    """(language of the page's words, language of the basemap's names) for ``--lang``: the page
    falls back to English without a catalogue, the basemap to English without Natural Earth names."""
    if lang not in languages() and lang not in LANGS:
        raise ValidationError(f"unknown map language {lang!r}; use one of {', '.join(map_languages())}")
    return (lang if lang in languages() else "en", lang if lang in LANGS else "en")


def map_languages() -> tuple[str, ...]:
    """Every ``--lang``: the page catalogues' languages, then basemap-only ones."""
    return tuple(dict.fromkeys((*languages(), *LANGS)))


@cache
def _offline_basemap() -> dict[str, Any]:

    fc = basemap_geojson()
    feats = []
    for f in fc["features"]:
        g = shapely.geometry.shape(f["geometry"])
        # simplify only: snapping to a grid here turns thin Arctic coasts into world-wide slivers
        g = shapely.simplify(g, 0.02, preserve_topology=True)
        if not g.is_empty:
            feats.append({"type": "Feature", "properties": {}, "geometry": _round_coords(mapping(g), 3)})
    return {"type": "FeatureCollection", "features": feats}


def _round_coords(obj: Any, nd: int) -> Any:
    if isinstance(obj, float):
        return round(obj, nd)
    if isinstance(obj, (list, tuple)):
        return [_round_coords(v, nd) for v in obj]
    if isinstance(obj, dict):
        return {k: _round_coords(v, nd) for k, v in obj.items()}
    return obj


def payload(
    p: Prepared,
    *,
    offline: bool = False,
    tiles_url: str | None = None,
    lang: str = "en",
    regions: bool = False,
) -> dict[str, Any]:
    """The JSON the runtime draws: trips (longitudes in one continuous range), the theme, and
    offline the basemap with its labels in ``lang``."""
    it = p.itinerary
    words, names = page_lang(lang)
    w = Words(check_page_lang(words))
    frame = frame_for(p)
    marks = markers(p, frame)
    bends = parallel_bends(p)
    data: dict[str, Any] = {
        "title": map_title(it, w=w),
        "as_of": it.as_of.isoformat() if it.as_of else None,
        "sources": [fields.fill("source", "payload", s, SOURCE_PAYLOAD) for s in it.sources],
        "known_days": sorted({s.published.isoformat() for s in it.sources if s.published}),
        "theme": theme(),
        "popup": _popup_json(w),
        "words": page_words(w.lang),
        "trips": [_trip_json(p, i, frame, marks, regions, bends, w) for i in range(len(it.trips))],
    }
    if offline:
        data["basemap"] = _offline_basemap()
        data["labels"] = basemap_labels(names)
        data["minimap"] = {"geojson": data["basemap"]}
    elif tiles_url:
        data["minimap"] = {"url": tiles_url}
    return data
