"""The interactive map: a Folium map whose trips are drawn by a small Leaflet runtime.

Trips travel to the page as one JSON payload (escaped for a <script> context) and the
runtime builds markers, legs, popups, legend, layer control and the date slider with DOM
text nodes, so untrusted text from articles can never become markup or code.

The rule for untrusted text (places, notes, quotes, travellers, titles, URLs):
it never becomes part of a Jinja template. branca compiles the *output* of every
``Element``/``MacroElement`` into a new ``jinja2.Template``, so a note holding ``{{ ... }}``
would run as code. Everything this module puts in the page goes through :class:`Literal`, an
element whose fixed template prints its text as data, and the payload JSON additionally
escapes ``{`` before ``{``, ``%`` and ``#`` so no template delimiter survives even if a
future change routes it through a compiled template.
"""

from __future__ import annotations

import json
import os
import re
from functools import cache
from typing import Any

import folium
import shapely
from branca.element import Element, MacroElement
from jinja2 import Template
from shapely.geometry import mapping

from itinerary.coords import latlon_path
from itinerary.errors import ValidationError
from itinerary.files import write_text
from itinerary.geocode.regions import basemap_geojson
from itinerary.model import Itinerary, Leg, Prepared, Stop, Trip
from itinerary.pipeline import prepare
from itinerary.render import assets

PALETTE = ["#c0392b", "#1f77b4", "#2ca02c", "#8e44ad", "#d35400", "#16a085", "#7f6000", "#e377c2"]
DEFAULT_TILES = "Esri.WorldGrayCanvas"
LEAFLET_CDN_JS = "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js"
LEAFLET_CDN_CSS = "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css"


_TEMPLATE_OPENERS = re.compile(r"\{(?=[{%#])")


def to_script_json(data: Any) -> str:
    """JSON that is safe inside an HTML <script> element and inert for Jinja.

    JSON never places a structural ``{`` before ``{``, ``%`` or ``#``, so every such brace is
    inside a string, where ``\\u007b`` means the same character.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = _TEMPLATE_OPENERS.sub(r"\\u007b", text)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


class ItineraryMap(folium.Map):
    """A folium Map that loads Leaflet alone (no jQuery, Bootstrap or icon fonts)."""

    default_js = [("leaflet", LEAFLET_CDN_JS)]
    default_css = [("leaflet_css", LEAFLET_CDN_CSS)]


class OfflineMap(folium.Map):
    """A folium Map with every asset inlined: the page makes no request at all."""

    default_js: list[tuple[str, str]] = []
    default_css: list[tuple[str, str]] = []


class Literal(Element):
    """Page text placed exactly as given: data for a fixed template, never compiled itself."""

    _template = Template("{{ this.text }}")

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class _Payload(MacroElement):
    """Calls the runtime with the payload; rendered as a :class:`Literal`, not a macro."""

    def __init__(self, payload: dict[str, Any]) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "ItineraryPayload"
        self.payload = to_script_json(payload)

    def render(self, **kwargs: Any) -> str:
        parent: Any = self._parent
        root: Any = self.get_root()
        call = f"itineraryDraw({parent.get_name()}, {self.payload});"
        root.script.add_child(Literal(call), name=self.get_name())
        return ""


def _inline(kind: str, text: str) -> Element:
    return Literal(f"<{kind}>{assets.script_safe(text)}</{kind}>")


# ---------------------------------------------------------------- payload builders


def _stop_json(it: Itinerary, stop: Stop, n: int) -> dict[str, Any] | None:
    ll = stop.latlon
    if ll is None:
        return None
    r = stop.resolved
    return {
        "n": n,
        "name": r.name if r else stop.label,  # the place found; "As written" shows the text
        "place": stop.place,
        "lat": round(ll[0], 6),
        "lon": round(ll[1], 6),
        "status": stop.status.value,
        "role": stop.role.value,
        "mode": stop.mode.value if stop.mode else None,
        "date_label": stop.date.display(),
        "date_start": stop.date.start.isoformat() if stop.date.start else None,
        "kind": r.kind if r else None,
        "quote": stop.quote,
        "note": stop.note,
        "source": stop.source,
        "sources": list(stop.all_sources),
        "corroboration": stop.corroboration,
        "known": _known(it, stop),
    }


def _known(it: Itinerary, stop: Stop) -> list[list[str | None]]:
    """[[day the source was published (None: unknown), status it gave, date it gave], ...], oldest first."""
    reports = [(h.source, h.status.value, h.date) for h in stop.history] or [
        (sid, stop.status.value, stop.date) for sid in stop.all_sources
    ]
    rows: list[list[str | None]] = []
    for sid, status, date in reports:
        src = it.source(sid)
        day = src.published.isoformat() if src and src.published else None
        rows.append([day, status, date.display() if date.known else None])
    return sorted(rows, key=lambda r: r[0] or "")


def _leg_json(leg: Leg) -> dict[str, Any]:
    geom = leg.geometry
    parts = list(geom.geoms) if geom is not None and geom.geom_type == "MultiLineString" else [geom]
    paths = [latlon_path(p.coords) for p in parts if p is not None]
    main = max(paths, key=len) if paths else []
    arrow = None
    if len(main) >= 2:
        k = min(len(main) // 2, len(main) - 2)
        arrow = [[round(v, 4) for v in main[k]], [round(v, 4) for v in main[k + 1]]]
    return {
        "from": leg.origin.label,
        "to": leg.destination.label,
        "from_index": leg.index,
        "to_index": leg.index + 1,
        "mode": leg.mode.value,
        "status": leg.status.value,
        "basis": leg.basis.value,
        "length_km": leg.length_km,
        "paths": [[[round(a, 4), round(b, 4)] for a, b in p] for p in paths],  # ~10 m
        "arrow": arrow,
        "connectors": [[[round(y, 4), round(x, 4)] for x, y in c.coords] for c in leg.connectors],
    }


def _trip_json(p: Prepared, trip: Trip, color: str) -> dict[str, Any]:
    stops = [s for i, st in enumerate(trip.stops) if (s := _stop_json(p.itinerary, st, i + 1))]
    regions = [
        {
            "name": r.name,
            "from_hint": r.from_hint,
            "geojson": mapping(shapely.simplify(r.geometry, 0.01, preserve_topology=True)),
        }
        for r in p.regions
        if r.trip_id == trip.id
    ]
    return {
        "id": trip.id,
        "traveller": trip.traveller,
        "title": trip.title,
        "color": color,
        "stops": stops,
        "legs": [_leg_json(leg) for leg in p.legs.get(trip.id, ())],
        "regions": regions,
    }


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


def payload(p: Prepared, *, offline: bool = False, tiles_url: str | None = None) -> dict[str, Any]:
    it = p.itinerary
    data: dict[str, Any] = {
        "title": it.title,
        "as_of": it.as_of.isoformat() if it.as_of else None,
        "sources": [
            {
                "id": s.id,
                "name": s.title or s.publisher or s.id,
                "url": s.url,
                "published": s.published.isoformat() if s.published else None,
            }
            for s in it.sources
        ],
        "known_days": sorted({s.published.isoformat() for s in it.sources if s.published}),
        "trips": [_trip_json(p, t, PALETTE[i % len(PALETTE)]) for i, t in enumerate(it.trips)],
    }
    if offline:
        data["basemap"] = _offline_basemap()
        data["minimap"] = {"geojson": data["basemap"]}
    elif tiles_url:
        data["minimap"] = {"url": tiles_url}
    return data


def _tile_provider(name: str) -> Any:
    import xyzservices.providers as xyz

    try:
        return xyz.query_name(name)
    except ValueError:
        raise ValidationError(
            f"unknown tile provider {name!r}; use an xyzservices name such as "
            "CartoDB.Positron, OpenStreetMap.Mapnik or Esri.WorldImagery"
        ) from None


def make_map(
    itinerary: Itinerary | Prepared,
    *,
    offline: bool = False,
    tiles: str = DEFAULT_TILES,
    height: str = "100%",
) -> folium.Map:
    """The interactive map of an itinerary (resolved and routed on the fly if needed).

    ``offline=True`` inlines Leaflet and a Natural Earth basemap: the HTML makes no request.
    """
    p = itinerary if isinstance(itinerary, Prepared) else prepare(itinerary)
    title = p.itinerary.title or "Itinerary"
    m: folium.Map
    if offline:
        m = OfflineMap(location=[30, 60], zoom_start=3, tiles=None, height=height, control_scale=False)
        root: Any = m.get_root()
        root.header.add_child(_inline("style", assets.leaflet_css()), name="leaflet_css_inline")
        root.header.add_child(_inline("script", assets.leaflet_js()), name="leaflet_js_inline")
        tiles_url = None
    else:
        provider = _tile_provider(tiles)
        m = ItineraryMap(location=[30, 60], zoom_start=3, tiles=None, height=height)
        folium.TileLayer(provider, name=provider.name, control=False).add_to(m)
        tiles_url = provider.build_url(fill_subdomain=False)
    root = m.get_root()
    root.header.add_child(Literal(f"<title>{_escape(title)}</title>"), name="title")
    root.header.add_child(_inline("style", assets.runtime_css()), name="itinerary_css")
    root.header.add_child(_inline("script", assets.runtime_js()), name="itinerary_js")
    m.add_child(_Payload(payload(p, offline=offline, tiles_url=tiles_url)))
    return m


def _escape(text: str) -> str:
    import html

    return html.escape(text, quote=True)


def save_map(m: folium.Map, path: str | os.PathLike[str]) -> None:
    """Write the map's HTML atomically."""
    write_text(path, m.get_root().render())
