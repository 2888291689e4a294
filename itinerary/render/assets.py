"""Static assets for self-contained pages: Leaflet from the xstatic-leaflet package, our runtime."""

from __future__ import annotations

import base64
import re
from functools import cache
from importlib import resources
from pathlib import Path

from itinerary.errors import MissingDependency


def _leaflet_dir() -> Path:
    try:
        import xstatic.pkg.leaflet as xl
    except ImportError:  # pragma: no cover - a declared dependency
        raise MissingDependency("offline maps need Leaflet from PyPI: pip install xstatic-leaflet") from None
    return Path(xl.BASE_DIR)


@cache
def leaflet_js() -> str:
    return (_leaflet_dir() / "leaflet.js").read_text("utf-8")


@cache
def leaflet_css() -> str:
    """leaflet.css with its images inlined as data URIs."""
    base = _leaflet_dir()
    css = (base / "leaflet.css").read_text("utf-8")

    def inline(m: re.Match[str]) -> str:
        path = base / m.group(1)
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        return f"url(data:image/png;base64,{data})"

    return re.sub(r"url\((images/[\w.-]+\.png)\)", inline, css)


#: The browser runtime's modules (templates/runtime/NAME.js), in the order they are joined.
RUNTIME_MODULES = (
    "util",
    "i18n",
    "rules",
    "icons",
    "popup",
    "labels",
    "basemap",
    "trip",
    "legend",
    "layers",
    "sliders",
    "minimap",
    "main",
)

_RUNTIME_HEAD = """/* itinerary map runtime: draws trips from a JSON payload with plain Leaflet.
 * Untrusted text (names, quotes, notes) only ever reaches the page through textContent,
 * never through innerHTML or HTML strings. Styles come from the payload's theme, words from
 * its message catalogue. Joined from the modules in itinerary/render/templates/runtime/. */
(function () {
"use strict";
"""


def runtime_module(name: str) -> str:
    """One module of the runtime (ES5 declarations, meant to run inside the runtime's closure)."""
    return resources.files("itinerary.render").joinpath(f"templates/runtime/{name}.js").read_text("utf-8")


@cache
def runtime_js() -> str:
    """The runtime: its modules joined inside one closure (one ``itineraryDraw`` global)."""
    return _RUNTIME_HEAD + "\n".join(runtime_module(n) for n in RUNTIME_MODULES) + "})();\n"


@cache
def runtime_css() -> str:
    return resources.files("itinerary.render").joinpath("templates/itinerary.css").read_text("utf-8")


def script_safe(text: str) -> str:
    """Text that can sit inside <script> or <style> without closing it."""
    return re.sub(r"</(script|style)", r"<\\/\1", text, flags=re.IGNORECASE)
