"""The field table: one description of every field of a stop, a leg, a trip, a source and a region.

Each :class:`Field` row names a model attribute and says how it is written everywhere: its
key in the trip file (YAML, format v1) and its JSON Schema, its GeoJSON properties (which are
also the CSV columns), its keys in the map payload and its line in the map popup. The YAML
reader and writer, the JSON Schema, the GeoJSON writer and reader, the CSV columns and the map
payload all read these tables, so a plain field (text, number, flag, date or one of the enums)
is one row here plus its attribute on the model class.

A field whose value needs more than a conversion (a stop's coordinates come from the geometry,
its ``resolved`` place spreads over several GeoJSON properties) is written by a small function
registered under the field's name in the module that writes that output (``STOP_WRITERS``,
``STOP_READERS`` and ``LEG_WRITERS`` in :mod:`itinerary.io.geojson`, ``STOP_PAYLOAD`` and
``LEG_PAYLOAD`` in :mod:`itinerary.render.payload`, the writers and readers of
:mod:`itinerary.io.yaml`); tests/test_fields.py checks that every such field has one.

Outputs keep the key order they had before the table (:data:`KEY_ORDER`); a new key follows
the listed ones, in table order.

:func:`markdown` gives the tables as Markdown: docs/fields.md, which ``python -m tests.golden``
rewrites with the published JSON Schema.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from types import MappingProxyType
from typing import Any

from itinerary.model import Basis, DateSpan, Drawn, Mode, Place, Role, Status, Stop


@dataclass(frozen=True)
class Field:
    """One field of a model class and where it appears.

    ``yaml`` is the key in the trip file (None: not stored in files); ``geojson`` the GeoJSON
    properties it fills, which are also the CSV columns (``csv`` renames some); ``payload``
    the keys of the map payload and ``popup`` the payload key and label the map popup lists
    it under; ``kml`` the GeoJSON properties a KML placemark carries as ExtendedData.
    ``schema`` adds JSON Schema keywords to those the type gives (or replaces them for a type
    without a plain form). ``derived`` marks a value computed from other fields
    (a property), which readers do not pass to the model class. ``type_name`` names a type
    without a plain form in the docs. ``merge`` names how :func:`itinerary.merge.merge` makes
    a stop's value from its reports (a policy of :data:`itinerary.merge.stops.POLICIES`; a new
    field takes the latest report's value unless it says otherwise).
    """

    name: str
    type: Any
    description: str
    required: bool = False
    default: Any = None
    yaml: str | None = None
    schema: Mapping[str, Any] = field(default_factory=dict)
    geojson: tuple[str, ...] = ()
    csv: Mapping[str, str] = field(default_factory=dict)
    payload: tuple[str, ...] = ()
    popup: tuple[str, str] | None = None
    kml: tuple[str, ...] = ()
    derived: bool = False
    type_name: str | None = None
    merge: str = "latest"

    @property
    def type_label(self) -> str:
        """The type as docs show it: text, integer, number, yes/no, date, or the allowed values."""
        if self.type_name:
            return self.type_name
        if isinstance(self.type, type) and issubclass(self.type, Enum):
            return " \\| ".join(m.value for m in self.type)
        return _TYPE_LABELS.get(self.type, getattr(self.type, "__name__", str(self.type)))

    @property
    def plain(self) -> bool:
        """True when :func:`to_plain` and :func:`from_plain` convert the value on their own."""
        return self.type in _TYPE_LABELS or (isinstance(self.type, type) and issubclass(self.type, Enum))

    def csv_columns(self) -> tuple[str, ...]:
        return tuple(self.csv.get(k, k) for k in self.geojson)


_TYPE_LABELS: dict[Any, str] = {
    str: "text",
    int: "integer",
    float: "number",
    bool: "yes/no",
    DateSpan: "date",
    dt.date: "date",
}

_TYPE_SCHEMAS: dict[Any, Mapping[str, Any]] = {
    str: {"$ref": "#/$defs/text"},
    int: {"type": "integer"},
    float: {"type": "number"},
    bool: {"type": "boolean"},
    DateSpan: {"$ref": "#/$defs/date"},
    dt.date: {"$ref": "#/$defs/date"},
}


def to_plain(f: Field, value: Any) -> Any:
    """A value as plain data: enums as their text, dates as written (None when unknown)."""
    if value is None or type(value) in (str, int, float, bool):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, DateSpan):
        return value.text if value.known else None
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def from_plain(f: Field, raw: Any) -> Any:
    """The model value of ``raw`` (None, or an empty value that is not text, gives the default).

    Raises ValueError for a value the type refuses (an unknown enum value, a bad date).
    """
    if raw is None or (raw == "" and f.type is not str):
        return f.default
    t = f.type
    if isinstance(t, type) and issubclass(t, Enum):
        return t(raw)
    if t is DateSpan:
        return DateSpan.parse(str(raw))
    if t is dt.date:
        return DateSpan.parse(str(raw)).start
    if t is bool:
        return bool(raw)
    if t in (str, int, float):
        return t(raw)
    raise TypeError(f"field {f.name!r} of type {t!r} has no plain form; register a function for it")


def schema_of(f: Field) -> dict[str, Any]:
    """The JSON Schema of the field's value in the trip file, with its description."""
    base: dict[str, Any] = {}
    if isinstance(f.type, type) and issubclass(f.type, Enum):
        base = {"enum": [m.value for m in f.type]}
    elif f.type in _TYPE_SCHEMAS:
        base = dict(_TYPE_SCHEMAS[f.type])
    if "$ref" in f.schema or "type" in f.schema:
        base = {}
    return {**base, **f.schema, "description": f.description}


_RANGE_LAT = MappingProxyType({"type": "number", "minimum": -90, "maximum": 90})
_RANGE_LON = MappingProxyType({"type": "number", "minimum": -180, "maximum": 180})
_SHARE = MappingProxyType({"minimum": 0, "maximum": 1})
_ID = MappingProxyType({"type": "string", "minLength": 1})

#: A stop's fields, in the order the trip file lists them.
STOP: tuple[Field, ...] = (
    Field(
        "place",
        str,
        "the place as the report names it (a label when the stop is pinned by lat and lon)",
        yaml="place",
        schema=_ID,
        geojson=("place",),
        payload=("name", "place"),
        popup=("place", "As written"),
        merge="naming",
    ),
    Field(
        "lat",
        float,
        "latitude of a stop pinned by coordinates (WGS84; give lon too)",
        yaml="lat",
        schema=_RANGE_LAT,
        geojson=("pinned",),
        payload=("lat",),
        merge="pinned",
    ),
    Field(
        "lon",
        float,
        "longitude of a stop pinned by coordinates (WGS84; give lat too)",
        yaml="lon",
        schema=_RANGE_LON,
        payload=("lon",),
        merge="pinned",
    ),
    Field(
        "hint",
        str,
        "free-text context used to tell places apart (region, country, kind)",
        yaml="hint",
        geojson=("hint",),
        merge="lead",
    ),
    Field(
        "role",
        Role,
        "the part the stop plays in the trip",
        default=Role.VISIT,
        yaml="role",
        geojson=("role",),
        payload=("role",),
        popup=("role", "Role"),
        kml=("role",),
        merge="role",
    ),
    Field(
        "status",
        Status,
        "how certain the stop is, as of the file's as_of date",
        required=True,
        yaml="status",
        geojson=("status",),
        payload=("status",),
        kml=("status",),
        merge="status",
    ),
    Field(
        "date",
        DateSpan,
        "YYYY-MM-DD, YYYY-MM, YYYY or START/END; omitted when unknown",
        default=DateSpan(),
        yaml="date",
        geojson=("date", "date_start", "date_end", "date_precision", "date_label"),
        payload=("date_label", "d", "date_start"),
        merge="date",
    ),
    Field(
        "mode",
        Mode,
        "how the traveller reaches the stop (else the trip's mode)",
        yaml="mode",
        geojson=("mode",),
        payload=("mode",),
        popup=("mode", "Arrives by"),
        kml=("mode",),
        merge="latest",
    ),
    Field(
        "source",
        str,
        "the source of the quote",
        yaml="source",
        schema={"type": "string"},
        geojson=("source", "source_url"),
        payload=("source",),
        kml=("source", "source_url"),
        merge="quoted",
    ),
    Field(
        "sources",
        tuple,
        "every source that reports the stop (a merged itinerary); the first is the quote's",
        default=(),
        yaml="sources",
        schema={
            "type": "array",
            "minItems": 1,
            "uniqueItems": True,
            "items": {"type": "string", "minLength": 1},
        },
        geojson=("sources",),
        payload=("sources",),
        type_name="list of source ids",
        merge="union",
    ),
    Field(
        "quote",
        str,
        "the sentence of the report that gives the stop",
        yaml="quote",
        geojson=("quote",),
        payload=("quote",),
        kml=("quote",),
        merge="quoted",
    ),
    Field(
        "note",
        str,
        "free text",
        yaml="note",
        geojson=("note",),
        payload=("note",),
        kml=("note",),
        merge="notes",
    ),
    Field(
        "why",
        str,
        "why the extractor took the stop: the rule that made it, or the stop model's probability and "
        "the cues it read (a draft's; a merged stop keeps its lead report's)",
        yaml="why",
        geojson=("why",),
        payload=("why",),
        merge="lead",
    ),
    Field(
        "needs_review",
        bool,
        "the stop is doubtful (a fuzzy or ambiguous place, sources that disagree)",
        default=False,
        yaml="needs_review",
        geojson=("needs_review",),
        merge="review",
    ),
    Field(
        "reviewed",
        bool,
        "a person checked the stop against its article (itinerary review) and kept it",
        default=False,
        yaml="reviewed",
        geojson=("reviewed",),
    ),
    Field(
        "confidence",
        float,
        "how sure the extractor is that this is a stop, 0 to 1 (a merged stop: its best draft)",
        yaml="confidence",
        schema=_SHARE,
        merge="max",
    ),
    Field(
        "corroboration",
        int,
        "how many independent sources report the stop (reprints of one copy count once)",
        yaml="corroboration",
        schema={"minimum": 0},
        geojson=("corroboration",),
        payload=("corroboration",),
        merge="independent",
    ),
    Field(
        "history",
        tuple,
        "what each source said of the stop, oldest first",
        default=(),
        yaml="history",
        schema={"type": "array", "items": {"$ref": "#/$defs/report"}},
        geojson=("history",),
        payload=("known",),
        type_name="list of {source, status, date}",
        merge="history",
    ),
    Field(
        "resolved",
        Place,
        "the gazetteer place the stop was resolved to (written by resolve; a pinned block is used as is)",
        yaml="resolved",
        schema={"$ref": "#/$defs/resolved"},
        geojson=("name", "kind", "country_code", "admin1", "place_id", "confidence"),
        payload=("kind",),
        popup=("kind", "Kind"),
        type_name="place block: id, name, lat, lon, kind, country_code, admin1, confidence",
        merge="lead",
    ),
)

#: A leg's fields (legs are derived from the stops, never stored in files), in GeoJSON order.
LEG: tuple[Field, ...] = (
    Field("trip_id", str, "the id of the leg's trip", required=True, geojson=("trip",)),
    Field("traveller", str, "the trip's traveller", derived=True, geojson=("traveller",)),
    Field(
        "index",
        int,
        "position of the leg's first stop in the trip (0 first)",
        required=True,
        geojson=("order",),
        payload=("from_index",),
    ),
    Field(
        "to_index",
        int,
        "position of the leg's last stop (later than index + 1 past cancelled stops)",
        geojson=("to_order",),
        payload=("to_index",),
    ),
    Field(
        "origin",
        Stop,
        "the stop the leg leaves (its label)",
        required=True,
        type_name="stop",
        geojson=("from",),
        payload=("from",),
    ),
    Field(
        "destination",
        Stop,
        "the stop the leg reaches (its label)",
        required=True,
        type_name="stop",
        geojson=("to",),
        payload=("to",),
    ),
    Field(
        "mode",
        Mode,
        "how the traveller goes",
        required=True,
        geojson=("mode",),
        payload=("mode",),
        kml=("mode",),
    ),
    Field(
        "status",
        Status,
        "cancelled if either end is, else planned if either end is",
        derived=True,
        geojson=("status",),
        payload=("status",),
        kml=("status",),
    ),
    Field(
        "basis",
        Basis,
        "how the mode is known",
        required=True,
        geojson=("basis",),
        payload=("basis",),
        kml=("basis",),
    ),
    Field(
        "drawn",
        Drawn,
        "how the path was drawn",
        default=Drawn.GREAT_CIRCLE,
        geojson=("drawn_as",),
        payload=("drawn",),
        kml=("drawn_as",),
    ),
    Field(
        "length_km",
        float,
        "length of the path in km",
        geojson=("length_km",),
        csv={"length_km": "km"},
        payload=("length_km",),
        kml=("length_km",),
    ),
    Field(
        "geometry",
        object,
        "the path, lon/lat (the feature's geometry; in the map, lat/lon paths and a direction arrow)",
        payload=("paths", "arrow"),
        type_name="line",
    ),
    Field(
        "connectors",
        tuple,
        "stretches from a stop to the railway it was snapped to (connector features)",
        default=(),
        type_name="lines",
        payload=("connectors",),
    ),
)

#: A trip's fields, in the order the trip file lists them.
TRIP: tuple[Field, ...] = (
    Field("id", str, "unique within the file", required=True, yaml="id", schema=_ID, geojson=("id",)),
    Field(
        "traveller", str, "who travels", required=True, yaml="traveller", schema=_ID, geojson=("traveller",)
    ),
    Field("title", str, "a title for the trip", yaml="title", geojson=("title",)),
    Field("mode", Mode, "default mode of the trip's legs", yaml="mode", geojson=("mode",)),
    Field(
        "stops",
        tuple,
        "the stops, in travel order",
        required=True,
        default=(),
        yaml="stops",
        schema={"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/stop"}},
        type_name="list of stops",
    ),
)

#: A source's fields, in the order the trip file lists them.
SOURCE: tuple[Field, ...] = (
    Field(
        "id",
        str,
        "unique within the file; stops name it in source and sources",
        required=True,
        yaml="id",
        schema=_ID,
        geojson=("id",),
        payload=("id",),
    ),
    Field("publisher", str, "who published it", yaml="publisher", geojson=("publisher",)),
    Field("url", str, "where it can be read", yaml="url", geojson=("url",), payload=("url",)),
    Field(
        "title",
        str,
        "its headline (the map names the source by it, else by its publisher, else by its id)",
        yaml="title",
        geojson=("title",),
        payload=("name",),
    ),
    Field(
        "published",
        dt.date,
        "the day it was published",
        yaml="published",
        geojson=("published",),
        payload=("published",),
    ),
    Field("language", str, "its language (ISO 639-1 code)", yaml="language", geojson=("language",)),
)

#: A region's fields (a polygon to shade: a stop that is a region, or a region hint), in GeoJSON order.
REGION: tuple[Field, ...] = (
    Field("trip_id", str, "the id of the region's trip", required=True, geojson=("trip",)),
    Field("name", str, "the region's name", required=True, geojson=("name",), payload=("name",)),
    Field("place_id", str, "its gazetteer id", required=True, geojson=("place_id",)),
    Field(
        "from_hint",
        bool,
        "named in a stop's hint, not a stop itself (drawn on the map on request)",
        default=False,
        geojson=("from_hint",),
        payload=("from_hint",),
    ),
    Field(
        "geometry",
        object,
        "the (Multi)Polygon, lon/lat (the feature's geometry; simplified GeoJSON in the map)",
        required=True,
        payload=("geojson",),
        type_name="polygon",
    ),
)

OWNERS = ("stop", "leg", "trip", "source", "region")

#: The key order each output had before this table; keys not listed follow in table order.
KEY_ORDER: dict[tuple[str, str], tuple[str, ...]] = {
    ("stop", "geojson"): (
        "name",
        "place",
        "status",
        "role",
        "date",
        "date_start",
        "date_end",
        "date_precision",
        "date_label",
        "mode",
        "hint",
        "kind",
        "country_code",
        "admin1",
        "place_id",
        "confidence",
        "pinned",
        "source",
        "sources",
        "corroboration",
        "history",
        "source_url",
        "quote",
        "note",
        "needs_review",
    ),
    ("stop", "payload"): (
        "name",
        "place",
        "lat",
        "lon",
        "status",
        "role",
        "mode",
        "date_label",
        "d",
        "date_start",
        "kind",
        "quote",
        "note",
        "source",
        "sources",
        "corroboration",
        "known",
    ),
    ("stop", "popup"): ("role", "mode", "place", "kind"),
    ("source", "payload"): ("id", "name", "url", "published"),
    ("stop", "kml"): ("source", "source_url", "quote", "note", "status", "role", "mode"),
    ("leg", "payload"): (
        "from",
        "to",
        "from_index",
        "to_index",
        "mode",
        "status",
        "basis",
        "drawn",
        "length_km",
        "paths",
        "arrow",
        "connectors",
    ),
}


def table(owner: str) -> tuple[Field, ...]:
    """The fields of ``owner`` (stop, leg, trip, source or region), read from this module at call time."""
    rows: tuple[Field, ...] = _MODULE[_TABLE_NAMES[owner]]
    return rows


_TABLE_NAMES = {owner: owner.upper() for owner in OWNERS}
_MODULE = globals()


def keys(owner: str, output: str) -> tuple[str, ...]:
    """The keys ``output`` (yaml, geojson, csv, payload, kml) writes for ``owner``, in their order."""
    rows = table(owner)
    hit = _KEYS_MADE.get((owner, output))
    if hit is None or hit[0] is not rows:  # made once per table (a test may swap the table)
        hit = (rows, tuple(_make_keys(owner, output, rows)))
        _KEYS_MADE[(owner, output)] = hit
    return hit[1]


_KEYS_MADE: dict[tuple[str, str], tuple[tuple[Field, ...], tuple[str, ...]]] = {}


def _make_keys(owner: str, output: str, rows: tuple[Field, ...]) -> list[str]:
    if output == "csv":
        renames = {k: v for f in rows for k, v in f.csv.items()}
        return [renames.get(k, k) for k in keys(owner, "geojson")]
    found = [k for f in rows for k in _keys_of(f, output)]
    return ordered(found, KEY_ORDER.get((owner, output), ()))


def _keys_of(f: Field, output: str) -> tuple[str, ...]:
    if output == "yaml":
        return (f.yaml,) if f.yaml else ()
    out: tuple[str, ...] = getattr(f, output)
    return out


def ordered(found: Iterable[str], order: Iterable[str]) -> list[str]:
    """``found`` with the keys listed in ``order`` first, in that order, then the others as found."""
    found = list(found)
    first = [k for k in order if k in found]
    return first + [k for k in found if k not in first]


def arrange(owner: str, output: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """``values`` in the order of :func:`keys`; refuses a key the table does not list, or a missing one."""
    order = keys(owner, output)
    if set(values) != set(order):
        extra, missing = sorted(set(values) - set(order)), sorted(set(order) - set(values))
        raise KeyError(f"{owner} {output} keys differ from the field table: extra {extra}, missing {missing}")
    return {k: values[k] for k in order}


#: A function that gives some keys of an output for one object, from a context and the object.
Special = Mapping[str, Callable[[Any, Any], Mapping[str, Any]]]


def fill(owner: str, output: str, obj: Any, special: Special, ctx: Any = None) -> dict[str, Any]:
    """The keys ``output`` (geojson or payload) has for ``obj``, in order: a plain field's value
    under its one key, the others from ``special[name](ctx, obj)``."""
    p = plan(owner, output, special)
    values: dict[str, Any] = {}
    for name, key, f in p.plain:
        v = getattr(obj, name)
        values[key] = v if v is None or type(v) in _AS_IS else to_plain(f, v)
    for fn in p.special:
        values.update(fn(ctx, obj))
    if values.keys() != p.key_set:
        arrange(owner, output, values)  # raises, naming the keys
    return {k: values[k] for k in p.order}


_AS_IS = frozenset((str, int, float, bool))


@dataclass(frozen=True)
class WritePlan:
    """How an output writes one owner's fields, worked out once per table and set of functions:
    the plain fields (name, key, field), the functions of the others, the keys in order."""

    plain: tuple[tuple[str, str, Field], ...]
    special: tuple[Callable[[Any, Any], Mapping[str, Any]], ...]
    order: tuple[str, ...]
    key_set: frozenset[str]


_PLANS: dict[tuple[str, str, int], tuple[tuple[Field, ...], Special, WritePlan]] = {}


def plan(owner: str, output: str, special: Special) -> WritePlan:
    """The :class:`WritePlan` of ``output`` for ``owner`` with the functions ``special``."""
    rows = table(owner)
    hit = _PLANS.get((owner, output, id(special)))
    if hit is None or hit[0] is not rows or hit[1] is not special:
        plain = tuple(
            (f.name, _keys_of(f, output)[0], f) for f in rows if f.name not in special and _keys_of(f, output)
        )
        fns = tuple(special[f.name] for f in rows if f.name in special)
        order = keys(owner, output)
        hit = (rows, special, WritePlan(plain, fns, order, frozenset(order)))
        _PLANS[(owner, output, id(special))] = hit
    return hit[2]


def popup_facts(owner: str = "stop") -> list[list[str]]:
    """[[payload key, label], ...]: what the map popup lists for each stop, in order."""
    labels = {f.popup[0]: f.popup[1] for f in table(owner) if f.popup}
    return [[k, labels[k]] for k in ordered(labels, KEY_ORDER.get((owner, "popup"), ()))]


def by_name(owner: str) -> dict[str, Field]:
    return {f.name: f for f in table(owner)}


# ---------------------------------------------------------------- docs


_TITLES = {
    "stop": "Stop",
    "leg": "Leg (derived, not in files)",
    "trip": "Trip",
    "source": "Source",
    "region": "Region (derived, not in files)",
}


def _cell(values: Iterable[str]) -> str:
    return ", ".join(f"`{v}`" for v in values) or "–"


def _default(f: Field) -> str:
    if f.required:
        return "required"
    if f.default is None or f.default in ((), DateSpan()):
        return ""
    value = to_plain(f, f.default)
    return f"default `{str(value).lower() if isinstance(value, bool) else value}`"


def markdown() -> str:
    """The tables as Markdown (what docs/fields.md holds)."""
    out = [
        "# Fields",
        "",
        "Every field of the model and where it appears: its key in the trip file (format v1,",
        "checked by `itinerary/io/itinerary.schema.json`), its GeoJSON properties, its keys in",
        "the map's payload and the properties KML placemarks carry as ExtendedData. The GeoJSON",
        "properties of stops and legs are also the CSV columns (a renamed column shows as",
        "property -> column) and GeoPackage/FlatGeobuf fields; stop features also carry `feature`,",
        "`trip`, `traveller` and `order` (the stop's position, 0 first). Trips and sources travel",
        "in the GeoJSON's `itinerary` member.",
        "",
        "Generated from the table in `itinerary/fields.py` (edit it there) by",
        "`python -m tests.golden`, which also rewrites the JSON Schema.",
        "",
        "To add a field: a row in the table and the attribute on the model class. A field whose",
        "value is not plain (text, a number, a flag, a date or one of a fixed set of values), or",
        "that fills several keys, also needs a function in each output that writes it;",
        "`tests/test_fields.py` names the missing ones. A popup label shows the field in the map.",
    ]
    for owner in OWNERS:
        out += ["", f"## {_TITLES[owner]}", ""]
        out += ["| field | in the file | type | | GeoJSON | map | KML | description |"]
        out += ["|---|---|---|---|---|---|---|---|"]
        for f in table(owner):
            geo = [k if k not in f.csv else f"{k} -> {f.csv[k]}" for k in f.geojson]
            row = [f"`{f.name}`", _cell([f.yaml] if f.yaml else []), f.type_label, _default(f)]
            row += [_cell(geo), _cell(f.payload), _cell(f.kml), f.description]
            out.append("| " + " | ".join(row) + " |")
    return "\n".join(out) + "\n"


__all__ = [
    "KEY_ORDER",
    "LEG",
    "OWNERS",
    "REGION",
    "SOURCE",
    "STOP",
    "TRIP",
    "Field",
    "arrange",
    "by_name",
    "fill",
    "from_plain",
    "keys",
    "markdown",
    "ordered",
    "plan",
    "popup_facts",
    "schema_of",
    "table",
    "to_plain",
]
