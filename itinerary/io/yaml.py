"""The itinerary file, format v1 (YAML): loading into the model with line-numbered errors, atomic
saving, and rewriting a file in the style it was written in.

Safe parsing is :mod:`itinerary.io.safe_yaml`; the JSON Schema and validation against it are
:mod:`itinerary.io.schema`.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import hashlib
import io
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from itinerary import fields
from itinerary.errors import ValidationError
from itinerary.files import BUILD_RECORD, read_limited, recorded_digest, write_text
from itinerary.io.safe_yaml import (
    MAX_BUILT_BYTES,
    MAX_BYTES,
    _check_numbers,
    _nearest_line,
    _parse_yaml,
    _path_str,
)
from itinerary.model import DateSpan, Itinerary, Place, Report, Source, Status, Stop, Trip

MAX_STOPS = 20_000


FORMAT_VERSION = 1


__all__ = [
    "MAX_BUILT_BYTES",
    "MAX_BYTES",
    "dump",
    "dumps",
    "dumps_from_parts",
    "load",
    "loads",
    "source_text",
    "trip_text",
]


def _opt_str(v: Any) -> str | None:
    return None if v is None else str(v)


def _date(v: Any) -> dt.date | None:
    span = DateSpan.parse(None if v is None else str(v))
    return span.start


_Special = dict[str, Callable[[dict[str, Any], tuple[str | int, ...]], Any]]


@functools.lru_cache(maxsize=4096)
def _span(text: str) -> DateSpan:
    """``DateSpan.parse(text)``, kept: a corpus repeats a few thousand dates in its every report
    (a span is immutable, so one value serves all)."""
    return DateSpan.parse(text)


class _Builder:
    """Builds the model from validated data; errors name the line and key path."""

    def __init__(self, lines: dict[str, int], source: str | None) -> None:
        self.lines, self.source = lines, source
        self.known_sources: set[str] = set()
        self.plans: dict[str, list[fields.Field]] = {}
        self.stop_special: _Special = {
            "source": lambda s, _: _opt_str(s.get("source") or (s.get("sources") or [None])[0]),
            "sources": lambda s, _: _many(s.get("sources")),
            "history": self.history,
            "resolved": lambda s, _: None if s.get("resolved") is None else _place(s["resolved"]),
        }

    def fail(self, msg: str, *parts: str | int) -> ValidationError:
        line = _nearest_line(self.lines, parts)
        return ValidationError(msg, source=self.source, line=line, path=_path_str(parts))

    def date_span(self, value: Any, *parts: str | int) -> DateSpan:
        try:
            return DateSpan.parse(None) if value is None else _span(str(value))
        except ValueError as exc:
            raise self.fail(str(exc), *parts) from None

    def read(
        self, owner: str, raw: dict[str, Any], where: tuple[str | int, ...], special: _Special
    ) -> dict[str, Any]:
        """The model arguments of one mapping: plain fields through the table, others by ``special``.

        Only the keys present are converted (a stop names about half its fields); a value the
        table refuses is read again field by field, so the error is the one the table gives."""
        plan = _plan(owner, tuple(special))
        out = dict(plan.defaults)
        try:
            for key, value in raw.items():
                conv = plan.convert.get(key)
                if conv is not None and value is not None:
                    out[conv[0]] = conv[1](value)
        except (ValueError, TypeError):
            return self.read_each(owner, raw, where, special)
        for name in plan.special:
            out[name] = special[name](raw, where)
        return out

    def read_each(
        self, owner: str, raw: dict[str, Any], where: tuple[str | int, ...], special: _Special
    ) -> dict[str, Any]:
        """:meth:`read` field by field, in the table's order: the first bad value is the one named."""
        out: dict[str, Any] = {}
        plan = self.plans.get(owner)
        if plan is None:  # the table's stored fields, looked up once per file
            plan = self.plans[owner] = [
                f for f in fields.table(owner) if not f.derived and f.yaml is not None
            ]
        for f in plan:
            if f.name in special:
                out[f.name] = special[f.name](raw, where)
                continue
            value = raw.get(f.yaml)  # type: ignore[arg-type]  # plan: yaml is not None
            if value is None:  # absent: the default, as fields.from_plain gives it
                out[f.name] = f.default
                continue
            try:
                out[f.name] = (
                    _span(str(value)) if f.type is DateSpan and value != "" else fields.from_plain(f, value)
                )
            except ValueError as exc:
                raise self.fail(str(exc), *where, f.yaml) from None  # type: ignore[arg-type]
        return out

    def history(self, s: dict[str, Any], where: tuple[str | int, ...]) -> tuple[Report, ...]:
        return tuple(
            Report(
                source=str(h["source"]),
                status=Status(h["status"]),
                date=self.date_span(h.get("date"), *where, "history", hi, "date"),
            )
            for hi, h in enumerate(s.get("history") or ())
        )

    def stops(self, t: dict[str, Any], where: tuple[str | int, ...]) -> tuple[Stop, ...]:
        out = []
        for si, s in enumerate(t["stops"]):
            at = (*where, "stops", si)
            _check_source_refs(s, self.known_sources, self.fail, at)
            if ("lat" in s) != ("lon" in s):
                raise self.fail("give both 'lat' and 'lon', or neither", *at)
            out.append(Stop(**self.read("stop", s, at, self.stop_special)))
        return tuple(out)

    def unique(self, kind: str, seen: set[str], value: str, *parts: str | int) -> None:
        if value in seen:
            raise self.fail(f"duplicate {kind} id {value!r}; {kind} ids must be unique", *parts)
        seen.add(value)

    def build(self, data: dict[str, Any]) -> Itinerary:
        sources = []
        for i, s in enumerate(data.get("sources") or []):
            self.unique("source", self.known_sources, s["id"], "sources", i, "id")
            sources.append(Source(**self.read("source", s, ("sources", i), {})))
        trips = []
        seen_trips: set[str] = set()
        for ti, t in enumerate(data["trips"]):
            self.unique("trip", seen_trips, t["id"], "trips", ti, "id")
            trips.append(Trip(**self.read("trip", t, ("trips", ti), {"stops": self.stops})))
        return Itinerary(
            trips=tuple(trips),
            title=_opt_str(data.get("title")),
            as_of=self.date_span(data.get("as_of"), "as_of").start,
            sources=tuple(sources),
            version=FORMAT_VERSION,
        )


@dataclass(frozen=True)
class _Plan:
    """How one mapping of ``owner`` is read: the fields' defaults, each stored key's field name
    and converter (as :func:`itinerary.fields.from_plain` converts it), and the special fields."""

    defaults: dict[str, Any]
    convert: dict[str, tuple[str, Callable[[Any], Any]]]
    special: tuple[str, ...]


#: the plan of each owner and its special fields, with the field table it was made from
_PLANS: dict[tuple[str, tuple[str, ...]], tuple[tuple[fields.Field, ...], _Plan]] = {}


def _plan(owner: str, special: tuple[str, ...]) -> _Plan:
    """How to read ``owner``'s stored fields, made once per field table (a table that changes,
    as an extension's or a test's new field does, gets a new plan)."""
    table = fields.table(owner)
    kept = _PLANS.get((owner, special))
    if kept is not None and kept[0] is table:
        return kept[1]
    plan = _make_plan(table, special)
    _PLANS[(owner, special)] = (table, plan)
    return plan


def _make_plan(table: tuple[fields.Field, ...], special: tuple[str, ...]) -> _Plan:
    stored = [f for f in table if not f.derived and f.yaml is not None]
    plain = [f for f in stored if f.name not in special]
    return _Plan(
        {f.name: f.default for f in plain},
        {f.yaml: (f.name, _converter(f)) for f in plain if f.yaml is not None},
        tuple(f.name for f in stored if f.name in special),
    )


def _converter(f: fields.Field) -> Callable[[Any], Any]:
    """``fields.from_plain(f, value)`` for a value that is not None, dates through :func:`_span`."""
    t, default = f.type, f.default
    if t is str:
        return str
    if t is DateSpan:
        return lambda v: default if v == "" else _span(str(v))
    if t is dt.date:
        return lambda v: default if v == "" else _span(str(v)).start
    if t in (bool, int, float) or (isinstance(t, type) and issubclass(t, enum.Enum)):
        return lambda v: default if v == "" else t(v)
    return lambda v: fields.from_plain(f, v)


def _build(data: dict[str, Any], lines: dict[str, int], source: str | None) -> Itinerary:
    return _Builder(lines, source).build(data)


def trip_data(trip: Trip) -> dict[str, Any]:
    """One trip as plain data, as :func:`to_data` writes it in the ``trips`` list."""
    return _write("trip", trip, _TRIP_WRITERS)


def trips_from_data(trips: list[dict[str, Any]], sources: set[str], source: str | None) -> list[Trip]:
    """The trips of :func:`trip_data`, checked as a file's are; their stops name only ``sources``.

    Raises :class:`~itinerary.errors.ValidationError` naming ``source`` and the key path."""
    builder = _Builder({}, source)
    builder.known_sources = sources  # read only here: no copy (a merge holds many thousands)
    try:
        return [
            Trip(**builder.read("trip", t, ("trips", ti), {"stops": builder.stops}))
            for ti, t in enumerate(trips)
        ]
    except (KeyError, TypeError, AttributeError) as exc:  # not the layout trip_data writes
        raise builder.fail(f"not a trip as written: {exc!r}", "trips") from None


def _many(ids: list[Any] | None) -> tuple[str, ...]:
    """A stop's ``sources`` list; one id alone is the stop's ``source``, as written back."""
    out = tuple(str(x) for x in ids or ())
    return out if len(out) > 1 else ()


def _check_source_refs(s: dict[str, Any], known: set[str], fail: Any, where: tuple[str | int, ...]) -> None:
    """Every source a stop names (``source``, ``sources``, ``history``) is defined under 'sources'."""
    refs: list[tuple[Any, tuple[str | int, ...]]] = [(s.get("source"), ("source",))]
    refs += [(x, ("sources", i)) for i, x in enumerate(s.get("sources") or ())]
    refs += [(h.get("source"), ("history", i, "source")) for i, h in enumerate(s.get("history") or ())]
    for ref, tail in refs:
        if ref is not None and ref not in known:
            names = ", ".join(sorted(known)) or "none defined"
            raise fail(f"unknown source {ref!r}; define it under 'sources' (known: {names})", *where, *tail)
    if s.get("source") is not None and s.get("sources") and s["source"] not in s["sources"]:
        raise fail(
            f"source {s['source']!r} is not in this stop's 'sources'; list it there (first: the quote's)",
            *where,
            "source",
        )


def _place(r: dict[str, Any]) -> Place:
    return Place(
        id=str(r["id"]),
        name=str(r["name"]),
        lat=float(r["lat"]),
        lon=float(r["lon"]),
        kind=str(r["kind"]),
        country_code=_opt_str(r.get("country_code")),
        admin1=_opt_str(r.get("admin1")),
        confidence=float(r.get("confidence", 1.0)),
    )


def loads(text: str, *, source: str | None = None) -> Itinerary:
    """Parse and validate an itinerary from YAML text.

    Raises :class:`~itinerary.errors.ValidationError` naming the line, key path and bad value.
    """
    return _loads(text, source, built=False)


def _loads(text: str, source: str | None, *, built: bool) -> Itinerary:
    """:func:`loads`; ``built``: the text of a file a build wrote, read under its limits (see
    :func:`load`)."""
    data, lines = _parse_yaml(text, source, MAX_BUILT_BYTES if built else MAX_BYTES)
    if not isinstance(data, dict):
        raise ValidationError(
            "the file must be a mapping that starts with 'itinerary: 1'", source=source, line=1
        )
    _check_numbers(data, lines, source)
    # deferred: the schema module is also a script (python -m itinerary.io.schema), which must not
    # be imported before it runs; its validation imports jsonschema anyway
    from itinerary.io.schema import _schema_error

    _schema_error(data, lines, source)
    n_stops = sum(len(t.get("stops") or []) for t in data["trips"] if isinstance(t, dict))
    if n_stops > MAX_STOPS and not built:
        raise ValidationError(
            f"{n_stops} stops is over the limit of {MAX_STOPS:,} per file; split the file by trip",
            source=source,
        )
    return _build(data, lines, source)


def load(path: str | os.PathLike[str]) -> Itinerary:
    """Read and validate an itinerary file.

    A file is at most :data:`MAX_BYTES` (2 MB) and :data:`MAX_STOPS` stops: a file a person
    writes or is sent is small, and a larger one is refused before it is parsed. A file a build
    wrote (the merged ``trips.yaml`` of a corpus, often larger) is read whole up to
    :data:`MAX_BUILT_BYTES` (1 GB), with no count of stops, when it is unchanged: the build's
    record beside it (``.merged.json``) gives its SHA-256, and the bytes read have it. An edited
    copy of it, or the file moved away from its folder, is held to the usual limits."""
    p = Path(path)
    built = recorded_digest(p)
    raw = read_limited(p, MAX_BUILT_BYTES if built else MAX_BYTES, what="itinerary file")
    if built and len(raw) > MAX_BYTES and hashlib.sha256(raw).hexdigest() != built:
        raise ValidationError(
            f"file is larger than {MAX_BYTES // (1024 * 1024)} MB and is not the file the build "
            f"recorded in {BUILD_RECORD} (changed since); an itinerary file is small "
            "(split it into several files), or build the folder again",
            source=str(p),
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ValidationError(
            "not valid UTF-8 text; save the file as UTF-8", source=str(p), line=line
        ) from None
    return _loads(text, str(p), built=len(raw) > MAX_BYTES)


def _clean(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None}


def _report_dict(h: Report) -> dict[str, Any]:
    return _clean(
        {"source": h.source, "status": h.status.value, "date": h.date.text if h.date.known else None}
    )


def _write(owner: str, obj: Any, special: fields.Special) -> dict[str, Any]:
    """One mapping of the file: plain fields through the table (defaults left out), others by
    ``special``; in the table's order."""
    d: dict[str, Any] = {}
    for f in fields.table(owner):
        fn = special.get(f.name)
        if fn is not None:
            d.update(fn(None, obj))
        elif f.yaml is not None:
            value = getattr(obj, f.name)
            if value is not None and (f.required or value != f.default):
                d[f.yaml] = fields.to_plain(f, value)
    return _clean(d)


def _stop_sources(s: Stop) -> dict[str, Any]:
    if len(s.all_sources) > 1:  # the quote's source first: it reads back as ``source``
        return {"sources": sorted(s.all_sources, key=lambda x: x != s.source)}
    return {"source": s.source or (s.all_sources[0] if s.all_sources else None)}


_STOP_WRITERS: dict[str, Callable[[None, Stop], dict[str, Any]]] = {
    "source": lambda _, s: _stop_sources(s),
    "sources": lambda _, s: {},  # written with ``source``
    "history": lambda _, s: {"history": [_report_dict(h) for h in s.history]} if s.history else {},
    "resolved": lambda _, s: {} if s.resolved is None else {"resolved": _clean(s.resolved.to_dict())},
}


def _stop_dict(s: Stop) -> dict[str, Any]:
    return _write("stop", s, _STOP_WRITERS)


_TRIP_WRITERS: dict[str, Callable[[None, Trip], dict[str, Any]]] = {
    "stops": lambda _, t: {"stops": [_stop_dict(s) for s in t.stops]},
}


_NONE: dict[str, Callable[[None, Any], dict[str, Any]]] = {}


def to_data(it: Itinerary) -> dict[str, Any]:
    """The itinerary as plain data in the layout of format v1."""
    out: dict[str, Any] = {"itinerary": FORMAT_VERSION}
    if it.title is not None:
        out["title"] = it.title
    if it.as_of is not None:
        out["as_of"] = it.as_of.isoformat()
    if it.sources:
        out["sources"] = [_write("source", s, _NONE) for s in it.sources]
    out["trips"] = [_write("trip", t, _TRIP_WRITERS) for t in it.trips]
    return out


class _Dumper(yaml.SafeDumper):
    pass


def _str_presenter(dumper: yaml.SafeDumper | yaml.CSafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_presenter)

# LibYAML's emitter when PyYAML was built with it: about three times faster, and the same text
# (tested on generated text in every script) unless a string holds a character the two emitters
# write differently: characters beyond U+FFFF (escaped by LibYAML), the line breaks U+0085,
# U+2028 and U+2029, control characters and BOM-like code points. Data holding one is written by
# the pure-Python emitter, as before.
_DIFFERS = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff\U00010000-\U0010ffff]"
)
_DOCUMENT_END = "\n...\n"  # what an emitter writes after a document that must be closed
_CDumper: type[Any] | None = None
if hasattr(yaml, "CSafeDumper"):

    class _CDumperType(yaml.CSafeDumper):
        pass

    _CDumperType.add_representer(str, _str_presenter)
    _CDumper = _CDumperType


def _same_in_libyaml(data: Any) -> bool:
    """No string in ``data`` holds a character LibYAML writes otherwise (see ``_DIFFERS``)."""
    if isinstance(data, str):
        return _DIFFERS.search(data) is None
    if isinstance(data, dict):
        return all(_same_in_libyaml(k) and _same_in_libyaml(v) for k, v in data.items())
    if isinstance(data, list | tuple):
        return all(_same_in_libyaml(v) for v in data)
    return True


def _emit(data: Any, *, pure: bool = False) -> str:
    """``data`` as YAML in the project's style (LibYAML's emitter unless ``pure``, or when the
    data holds a character it writes otherwise: the text is the pure-Python emitter's)."""
    fast = not pure and _CDumper is not None and _same_in_libyaml(data)
    dumper = _CDumper if fast else _Dumper
    text: str = yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100)
    if fast and text.endswith(_DOCUMENT_END):
        # LibYAML closes a document holding a kept-breaks block scalar ("|+") anywhere with the
        # end marker; the Python emitter only when that scalar is the document's last: its bytes
        return _emit(data, pure=True)
    return text


def dumps(it: Itinerary) -> str:
    """Serialise an itinerary to YAML format v1."""
    return _emit(to_data(it))


def trip_text(trip: Trip) -> str:
    """The lines :func:`dumps` writes for ``trip`` in the file's ``trips:`` list."""
    return _emit([_write("trip", trip, _TRIP_WRITERS)])


def source_text(source: Source) -> str:
    """The lines :func:`dumps` writes for ``source`` in the file's ``sources:`` list."""
    return _emit([_write("source", source, _NONE)])


def dumps_from_parts(it: Itinerary, trips: list[str], sources: list[str]) -> str:
    """:func:`dumps` of ``it`` put together from the text of its trips and sources, in order
    (:func:`trip_text`, :func:`source_text`, e.g. kept from an earlier run): the same text."""
    if not it.trips or len(trips) != len(it.trips) or len(sources) != len(it.sources):
        return dumps(it)
    head = to_data(Itinerary(title=it.title, as_of=it.as_of))
    del head["trips"]
    parts = [_emit(head), *(["sources:\n", *sources] if sources else []), "trips:\n", *trips]
    # a part whose last value is a kept-breaks block scalar ("|+") ends with the document end
    # marker: only the file's last part may keep it, or the file would be several documents
    return "".join([*(p[: -len("...\n")] if p.endswith(_DOCUMENT_END) else p for p in parts[:-1]), parts[-1]])


def dumps_like(it: Itinerary, original: str) -> str:
    """Serialise ``it`` as an edit of ``original`` (the text it was read from).

    Comments, key order, quoting and flow style of the original are kept; only the fields
    whose values changed (a ``resolved:`` block, ``needs_review``, ``confidence``...) are
    written, in place. ``it`` must have the same trips and stops as ``original``.
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap

    rt = YAML(typ="rt")
    rt.preserve_quotes = True
    rt.width = 4096  # a flow-style stop stays on its line: no break between a key and its value
    rt.indent(mapping=2, sequence=4, offset=2)  # the layout of the project's own trip files
    doc = rt.load(original)
    new = to_data(it)
    if len(doc.get("trips") or []) != len(new["trips"]):
        return dumps(it)
    for old_trip, new_trip in zip(doc["trips"], new["trips"], strict=True):
        if len(old_trip.get("stops") or []) != len(new_trip["stops"]):
            return dumps(it)
        for old_stop, new_stop in zip(old_trip["stops"], new_trip["stops"], strict=True):
            for key, value in new_stop.items():
                if isinstance(value, dict):
                    if _plain(old_stop.get(key)) != value:
                        old_stop[key] = CommentedMap(value)
                elif _plain(old_stop.get(key)) != value and not (
                    key == "date" and str(old_stop.get(key)) == value
                ):
                    old_stop[key] = value
    out = io.StringIO()
    rt.dump(doc, out)
    return out.getvalue()


def _plain(v: Any) -> Any:
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_plain(x) for x in v]
    if isinstance(v, str):
        return str(v)
    return v


def dump(it: Itinerary, path: str | os.PathLike[str]) -> None:
    """Write an itinerary file atomically (temporary file, then rename)."""
    write_text(path, dumps(it))
