"""The interactive map: a Folium map whose trips are drawn by a small Leaflet runtime.

Trips travel to the page as one JSON payload (built by :mod:`itinerary.render.payload`,
escaped here for a <script> context) and the
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
from typing import Any

import folium
from branca.element import Element, MacroElement
from jinja2 import Template

from itinerary.errors import ValidationError
from itinerary.files import write_text
from itinerary.model import Itinerary, Prepared
from itinerary.prepare import prepare
from itinerary.render import assets
from itinerary.render.i18n import Words
from itinerary.render.layout import map_title
from itinerary.render.payload import LEG_PAYLOAD as LEG_PAYLOAD  # re-exported: the page's data is
from itinerary.render.payload import REGION_PAYLOAD as REGION_PAYLOAD  # built there, and read here
from itinerary.render.payload import SOURCE_PAYLOAD as SOURCE_PAYLOAD
from itinerary.render.payload import STOP_PAYLOAD as STOP_PAYLOAD
from itinerary.render.payload import map_languages as map_languages
from itinerary.render.payload import page_lang as page_lang
from itinerary.render.payload import payload as payload

DEFAULT_TILES = "Esri.WorldGrayCanvas"
# Place-name layers drawn over tiles that have none (the same provider's reference layer).
LABEL_OVERLAYS = {
    "Esri.WorldGrayCanvas": "https://server.arcgisonline.com/ArcGIS/rest/services/Canvas/"
    "World_Light_Gray_Reference/MapServer/tile/{z}/{y}/{x}",
}


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
    """A folium Map with Leaflet inlined (no jQuery, Bootstrap, icon fonts or CDN)."""

    default_js: list[tuple[str, str]] = []
    default_css: list[tuple[str, str]] = []


OfflineMap = ItineraryMap


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
    lang: str = "en",
    regions: bool = False,
) -> folium.Map:
    """The interactive map of an itinerary (resolved and routed on the fly if needed).

    Leaflet is always inlined, so the map draws without network (in a notebook too); only the
    background tiles of an online map need it, and the map says so when they fail.
    Every word of the page is in ``lang`` (see :mod:`itinerary.render.i18n`: en, fr, de, es,
    ru, it, pt; zh and ko name only the basemap's places). ``offline=True`` draws a Natural
    Earth basemap with place names in ``lang`` (English where it has none) instead of tiles:
    the HTML makes no request. ``regions=True`` also shades the regions named
    in stop hints (regions that are stops are always drawn).
    """
    words, _names = page_lang(lang)
    p = itinerary if isinstance(itinerary, Prepared) else prepare(itinerary)
    title = map_title(p.itinerary, w=Words(words))
    m = ItineraryMap(location=[30, 60], zoom_start=3, tiles=None, height=height, control_scale=False)
    root: Any = m.get_root()
    root.header.add_child(_inline("style", assets.leaflet_css()), name="leaflet_css_inline")
    root.header.add_child(_inline("script", assets.leaflet_js()), name="leaflet_js_inline")
    tiles_url = None
    if not offline:
        provider = _tile_provider(tiles)
        folium.TileLayer(provider, name=provider.name, control=False).add_to(m)
        if (labels_url := LABEL_OVERLAYS.get(tiles)) is not None:
            folium.TileLayer(labels_url, attr=provider.html_attribution, overlay=True, control=False).add_to(
                m
            )
        tiles_url = provider.build_url(fill_subdomain=False)
    root = m.get_root()
    root.header.add_child(Literal(f"<title>{_escape(title)}</title>"), name="title")
    root.header.add_child(_inline("style", assets.runtime_css()), name="itinerary_css")
    root.header.add_child(_inline("script", assets.runtime_js()), name="itinerary_js")
    data = payload(p, offline=offline, tiles_url=tiles_url, lang=lang, regions=regions)
    m.add_child(_Payload(data))
    return m


def _escape(text: str) -> str:
    import html

    return html.escape(text, quote=True)


def save_map(m: folium.Map, path: str | os.PathLike[str]) -> None:
    """Write the map's HTML atomically."""
    write_text(path, m.get_root().render())
