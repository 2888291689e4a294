"""itinerary: map the trips of leaders and officials as the news reports them.

The verbs users call::

    import itinerary
    trip = itinerary.load("trip.yaml")                 # format v1, validated
    trip = itinerary.resolve(trip)                     # every stop pinned to a place
    prepared = itinerary.prepare(trip)                 # resolved, routed, regions found
    itinerary.make_map(prepared).save("trip.html")     # interactive Folium map
    itinerary.export(prepared, "trip.geojson")         # GeoJSON, GeoPackage, FlatGeobuf, KML, CSV
    gdf = itinerary.to_geodataframe(prepared)          # geopandas
    draft = itinerary.extract("Kim arrived in ...")    # article -> draft itinerary
    trip = itinerary.merge([draft_a, draft_b])          # one trip per traveller, with sources
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

from itinerary.errors import (
    AmbiguityWarning,
    AmbiguousPlace,
    GeocoderUnavailable,
    ItineraryError,
    ItineraryWarning,
    NoRoute,
    PlaceNotFound,
    ValidationError,
)
from itinerary.io.yaml import dump, dumps, load, loads
from itinerary.merge import MergeReport, merge, merge_report
from itinerary.model import (
    Basis,
    DateSpan,
    Itinerary,
    Leg,
    Mode,
    Place,
    Precision,
    Prepared,
    Region,
    Report,
    Role,
    Source,
    Status,
    Stop,
    Trip,
)
from itinerary.options import Options, get_options, options_context, set_options

if TYPE_CHECKING:
    from itinerary.diff import diff
    from itinerary.extract import Extractor, extract, read_article
    from itinerary.geocode import OfflineGeocoder
    from itinerary.geocode import resolve_itinerary as resolve
    from itinerary.prepare import export, prepare, to_feature_collection, to_geodataframe
    from itinerary.render import make_map, save_map

# Verbs whose modules pull heavy dependencies (geopandas, pyproj, folium, spaCy) are imported
# on first use, so `import itinerary` stays fast: name -> (module, attribute).
_LAZY = {
    "OfflineGeocoder": ("itinerary.geocode", "OfflineGeocoder"),
    "resolve": ("itinerary.geocode", "resolve_itinerary"),
    "prepare": ("itinerary.prepare", "prepare"),
    "export": ("itinerary.prepare", "export"),
    "to_feature_collection": ("itinerary.prepare", "to_feature_collection"),
    "to_geodataframe": ("itinerary.prepare", "to_geodataframe"),
    "make_map": ("itinerary.render", "make_map"),
    "save_map": ("itinerary.render", "save_map"),
    "extract": ("itinerary.extract", "extract"),
    "read_article": ("itinerary.extract", "read_article"),
    "Extractor": ("itinerary.extract", "Extractor"),
    "diff": ("itinerary.diff", "diff"),
}


class _VerbModule(types.ModuleType):
    """A module named like the verb it defines (``itinerary.extract``, ``itinerary.diff``,
    ``itinerary.prepare``): calling the module calls the verb. Python binds a submodule to its
    package's attribute once it is imported, so ``itinerary.extract`` may be the module or the
    function depending on what was imported first; either way ``itinerary.extract(text)`` works,
    and ``import itinerary.extract as m`` still gives the module."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return getattr(self, self.__name__.rpartition(".")[2])(*args, **kwargs)


class _Package(types.ModuleType):
    """The package: a submodule bound under a verb's name is made callable as that verb."""

    def __setattr__(self, name: str, value: Any) -> None:
        if (
            name in _VERB_MODULES
            and isinstance(value, types.ModuleType)
            and value.__name__ == f"{__name__}.{name}"
            and type(value) is types.ModuleType
        ):
            value.__class__ = _VerbModule
        super().__setattr__(name, value)


_VERB_MODULES = frozenset({"prepare", "extract", "diff"})
sys.modules[__name__].__class__ = _Package


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'itinerary' has no attribute {name!r}")


__all__ = [
    "AmbiguityWarning",
    "AmbiguousPlace",
    "Basis",
    "DateSpan",
    "Extractor",
    "GeocoderUnavailable",
    "Itinerary",
    "ItineraryError",
    "ItineraryWarning",
    "Leg",
    "MergeReport",
    "Mode",
    "NoRoute",
    "OfflineGeocoder",
    "Options",
    "Place",
    "PlaceNotFound",
    "Precision",
    "Prepared",
    "Region",
    "Report",
    "Role",
    "Source",
    "Status",
    "Stop",
    "Trip",
    "ValidationError",
    "__version__",
    "diff",
    "dump",
    "dumps",
    "export",
    "extract",
    "get_options",
    "load",
    "loads",
    "make_map",
    "merge",
    "merge_report",
    "options_context",
    "prepare",
    "read_article",
    "resolve",
    "save_map",
    "set_options",
    "to_feature_collection",
    "to_geodataframe",
]
