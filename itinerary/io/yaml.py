"""The itinerary file, format v1 (YAML): safe loading with line-numbered errors, atomic saving."""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from itinerary import fields
from itinerary.errors import ValidationError
from itinerary.files import read_limited, write_text
from itinerary.model import (
    DateSpan,
    Itinerary,
    Place,
    Report,
    Source,
    Status,
    Stop,
    Trip,
)

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 32  # format v1 nests 5 levels deep; anything deeper is a mistake or an attack
MAX_STOPS = 20_000
FORMAT_VERSION = 1

__all__ = ["MAX_BYTES", "dump", "dumps", "load", "loads", "schema"]


# LibYAML's parser (shipped in PyYAML's wheels) reads a file about ten times faster than the
# pure-Python one; a corpus build reads back every draft it merges.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeLoader):  # type: ignore[valid-type,misc]
    """SafeLoader that keeps dates as text (we parse and validate them ourselves)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


_SCHEMA_HEAD: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://github.com/itinerary-maps/itinerary/schema/itinerary-v1.json",
    "title": "itinerary file, format v1",
    "type": "object",
    "required": ["itinerary", "trips"],
    "additionalProperties": False,
    "properties": {
        "itinerary": {"const": 1, "description": "format version"},
        "title": {"type": "string"},
        "as_of": {"$ref": "#/$defs/date", "description": "the state of knowledge this file describes"},
        "sources": {"type": "array", "items": {"$ref": "#/$defs/source"}},
        "trips": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/trip"}},
    },
}

_SCHEMA_DEFS: dict[str, Any] = {
    "date": {
        "type": ["string", "integer"],
        "pattern": "^\\d{4}(-\\d{2}(-\\d{2})?)?(/\\d{4}(-\\d{2}(-\\d{2})?)?)?$",
    },
    "text": {"type": ["string", "null"]},
    "resolved": {
        "type": "object",
        "required": ["id", "name", "lat", "lon", "kind"],
        "additionalProperties": False,
        "properties": {
            "id": {"type": "string"},
            "name": {"type": "string"},
            "lat": {"type": "number", "minimum": -90, "maximum": 90},
            "lon": {"type": "number", "minimum": -180, "maximum": 180},
            "kind": {"type": "string"},
            "country_code": {"$ref": "#/$defs/text"},
            "admin1": {"$ref": "#/$defs/text"},
            "confidence": {"type": "number", "minimum": 0, "maximum": 1},
        },
    },
    "report": {
        "type": "object",
        "required": ["source", "status"],
        "additionalProperties": False,
        "properties": {
            "source": {"type": "string", "minLength": 1},
            "status": {"enum": Status.choices()},
            "date": {"$ref": "#/$defs/date"},
        },
    },
}

# beyond the fields' own schemas: a stop is named, or pinned by both coordinates
_SCHEMA_EXTRA: dict[str, dict[str, Any]] = {
    "stop": {"anyOf": [{"required": ["place"]}, {"required": ["lat", "lon"]}]},
}

_schema_cache: tuple[tuple[tuple[fields.Field, ...], ...], dict[str, Any]] | None = None


def _object_schema(owner: str) -> dict[str, Any]:
    rows = [f for f in fields.table(owner) if f.yaml]
    out: dict[str, Any] = {"type": "object"}
    required = [f.yaml for f in rows if f.required]
    if required:
        out["required"] = required
    out["additionalProperties"] = False
    out.update(_SCHEMA_EXTRA.get(owner, {}))
    out["properties"] = {f.yaml: fields.schema_of(f) for f in rows}
    return out


def schema() -> dict[str, Any]:
    """The JSON Schema of format v1, built from the field tables (do not mutate: it is cached).

    ``itinerary/io/itinerary.schema.json`` is its published copy (:func:`schema_text`;
    ``python -m tests.golden`` rewrites it and a test checks it is current).
    """
    global _schema_cache
    tables = tuple(fields.table(o) for o in ("source", "trip", "stop"))
    if _schema_cache is None or any(a is not b for a, b in zip(_schema_cache[0], tables, strict=True)):
        made = {o: _object_schema(o) for o in ("source", "trip", "stop")}
        d = _SCHEMA_DEFS
        defs = {"date": d["date"], "text": d["text"], "source": made["source"], "trip": made["trip"]}
        defs |= {"resolved": d["resolved"], "report": d["report"], "stop": made["stop"]}
        _schema_cache = (tables, {**_SCHEMA_HEAD, "$defs": defs})
    return _schema_cache[1]


def _path_str(parts: tuple[str | int, ...]) -> str:
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out


def _line_map(node: yaml.Node, source: str | None) -> dict[str, int]:
    """Map each key path to its 1-based line; reject duplicate keys."""
    lines: dict[str, int] = {}

    def walk(n: yaml.Node, path: tuple[str | int, ...]) -> None:
        lines[_path_str(path)] = n.start_mark.line + 1
        if isinstance(n, yaml.MappingNode):
            seen: set[str] = set()
            for k, v in n.value:
                key = str(k.value)
                if key in seen:
                    raise ValidationError(
                        f"duplicate key {key!r}; keep only one",
                        source=source,
                        line=k.start_mark.line + 1,
                        path=_path_str((*path, key)),
                    )
                seen.add(key)
                walk(v, (*path, key))
                lines[_path_str((*path, key))] = k.start_mark.line + 1
        elif isinstance(n, yaml.SequenceNode):
            for i, item in enumerate(n.value):
                walk(item, (*path, i))

    walk(node, ())
    return lines


SURROGATE = (
    "text holds an invalid character (a lone surrogate such as \\ud800); "
    "remove the escape or write the character itself"
)


def _check_events(text: str, source: str | None) -> None:
    """Refuse anchors and aliases, deep nesting and text that is not valid Unicode.

    Runs on the event stream, before any graph is built, so an alias bomb or a self-referencing
    alias costs one linear pass instead of exponential memory or a RecursionError.
    """
    depth = 0
    for ev in yaml.parse(text, Loader=_Loader):
        line = ev.start_mark.line + 1 if ev.start_mark else None
        if isinstance(ev, yaml.AliasEvent) or getattr(ev, "anchor", None):
            raise ValidationError(
                "YAML anchors and aliases (&name, *name) are not supported in itinerary files; "
                "write each value out in full",
                source=source,
                line=line,
            )
        if isinstance(ev, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise ValidationError(
                    f"nesting too deep (more than {MAX_DEPTH} levels); an itinerary file nests "
                    "trips > stops > fields only",
                    source=source,
                    line=line,
                )
        elif isinstance(ev, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
        elif isinstance(ev, yaml.ScalarEvent):
            try:
                ev.value.encode("utf-8")
            except UnicodeEncodeError:
                raise ValidationError(SURROGATE, source=source, line=line) from None


def _check_numbers(data: Any, lines: dict[str, int], source: str | None) -> None:
    """Refuse NaN and infinite numbers anywhere (YAML writes them .nan and .inf)."""

    def walk(v: Any, parts: tuple[str | int, ...]) -> None:
        if isinstance(v, float) and not math.isfinite(v):
            raise ValidationError(
                f"value {v!r} is not a finite number; write a plain number",
                source=source,
                line=_nearest_line(lines, parts),
                path=_path_str(parts),
            )
        if isinstance(v, dict):
            for k, item in v.items():
                walk(item, (*parts, str(k)))
        elif isinstance(v, list):
            for i, item in enumerate(v):
                walk(item, (*parts, i))

    walk(data, ())


def _parse_yaml(text: str, source: str | None) -> tuple[Any, dict[str, int]]:
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise ValidationError(
            f"file is larger than {MAX_BYTES // (1024 * 1024)} MB; an itinerary file is small "
            "(split it into several files)",
            source=source,
        )
    if not text.strip():
        raise ValidationError(
            "empty file; an itinerary starts with 'itinerary: 1' and a 'trips:' list",
            source=source,
            line=1,
        )
    try:
        _check_events(text, source)
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            data = None if node is None else loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or "invalid YAML"
        if "invalid Unicode character escape" in problem:  # LibYAML refuses \ud800 while scanning
            raise ValidationError(SURROGATE, source=source, line=line) from None
        bad_line = text.splitlines()[line - 1] if line and line <= len(text.splitlines()) else ""
        fix = (
            "; the line contains a tab: indent with spaces, not tabs"
            if "\t" in bad_line
            else "; check the indentation and quoting"
        )
        raise ValidationError(f"YAML syntax error: {problem}{fix}", source=source, line=line) from None
    except yaml.YAMLError as exc:  # pragma: no cover - non-marked errors are rare
        raise ValidationError(f"YAML error: {exc}", source=source) from None
    if node is None:
        raise ValidationError("empty document", source=source, line=1)
    return data, _line_map(node, source)


def _nearest_line(lines: dict[str, int], parts: tuple[str | int, ...]) -> int | None:
    for n in range(len(parts), -1, -1):
        key = _path_str(parts[:n])
        if key in lines:
            return lines[key]
    return None


def _calendar_fix(problem: str) -> str:
    """A calendar problem of a date that has the right form, with how to fix it."""
    if "ends before it starts" in problem:
        return f"{problem}; write the earlier day first (START/END)"
    if "invalid month" in problem:
        return f"{problem}; a month is 01 to 12"
    return problem  # an impossible day already says: expected a real calendar day


def _validator_class() -> Any:
    """Draft 2020-12 whose ``pattern`` keyword also checks the calendar of a well-formed date.

    So an impossible day (2023-02-30) or a range that ends before it starts is reported with the
    schema's problems, in one pass, rather than alone after they are fixed.
    """
    import jsonschema

    base = jsonschema.Draft202012Validator
    plain = base.VALIDATORS["pattern"]
    date_pattern = _SCHEMA_DEFS["date"]["pattern"]

    def pattern(validator: Any, patrn: str, instance: Any, subschema: Any) -> Any:
        errors = list(plain(validator, patrn, instance, subschema))
        yield from errors
        if not errors and patrn == date_pattern and isinstance(instance, str):
            try:
                DateSpan.parse(instance)
            except ValueError as exc:
                yield jsonschema.ValidationError(_calendar_fix(str(exc)), validator="calendar")

    return jsonschema.validators.extend(base, {"pattern": pattern})


def _schema_error(data: Any, lines: dict[str, int], source: str | None) -> None:
    """Raise one :class:`ValidationError` listing every schema and calendar problem, in file order."""
    import jsonschema

    validator = _validator_class()(schema())
    by_path: dict[tuple[Any, ...], list[Any]] = {}
    for e in validator.iter_errors(data):
        by_path.setdefault(tuple(e.absolute_path), []).append(e)
    if not by_path:
        return
    problems: list[ValidationError] = []
    for errors in by_path.values():
        err = jsonschema.exceptions.best_match(errors)
        assert err is not None
        parts = tuple(err.absolute_path)
        if err.validator == "additionalProperties" and isinstance(err.instance, dict):
            extra = sorted(set(err.instance) - set(err.schema.get("properties", {})))
            parts = (*parts, extra[0]) if extra else parts
        path = _path_str(parts) or "(top level)"
        problems.append(
            ValidationError(_explain(err), source=source, line=_nearest_line(lines, parts), path=path)
        )
    problems.sort(key=lambda e: (e.line or 0, e.path or ""))
    if len(problems) == 1:
        raise problems[0]
    listing = "\n".join(f"  {p}" for p in problems)
    combined = ValidationError(f"{len(problems)} problems, in file order:\n{listing}", source=source)
    combined.line, combined.path = problems[0].line, problems[0].path  # the first, for callers
    combined.problems = problems
    raise combined


def _explain(err: Any) -> str:
    v = err.validator
    val = err.instance
    if v == "enum":
        return f"unknown value {val!r}; expected one of {', '.join(map(str, err.validator_value))}"
    if v == "const":
        return f"unsupported value {val!r}; expected {err.validator_value!r}"
    if v == "required":
        missing = err.message.split("'")[1] if "'" in err.message else err.message
        return f"missing required key {missing!r}"
    if v == "additionalProperties":
        extra = sorted(set(val) - set(err.schema.get("properties", {})))
        allowed = ", ".join(err.schema.get("properties", {}))
        msg = f"unknown key {', '.join(map(repr, extra))}; allowed keys: {allowed}"
        if any(val.get(k) is None for k in extra):
            msg += (
                ' (a value with a comma or a colon inside {...} must be quoted: hint: "Amur Oblast, Russia")'
            )
        return msg
    if v == "anyOf":
        return "a stop needs a 'place' name or both 'lat' and 'lon'"
    if v in ("minimum", "maximum"):
        side = "or more" if v == "minimum" else "or less"
        return f"value {val!r} out of range; expected {err.validator_value} {side}"
    if v == "calendar":
        return str(err.message)
    if v == "pattern":
        return f"invalid date {val!r}; expected YYYY-MM-DD, YYYY-MM, YYYY or START/END"
    if v == "type":
        return f"value {val!r} has the wrong type; expected {err.validator_value}"
    if v == "minItems":
        return "list is empty; add at least one item"
    return str(err.message)


def _opt_str(v: Any) -> str | None:
    return None if v is None else str(v)


def _date(v: Any) -> dt.date | None:
    span = DateSpan.parse(None if v is None else str(v))
    return span.start


_Special = dict[str, Callable[[dict[str, Any], tuple[str | int, ...]], Any]]


class _Builder:
    """Builds the model from validated data; errors name the line and key path."""

    def __init__(self, lines: dict[str, int], source: str | None) -> None:
        self.lines, self.source = lines, source
        self.known_sources: set[str] = set()
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
            return DateSpan.parse(None if value is None else str(value))
        except ValueError as exc:
            raise self.fail(str(exc), *parts) from None

    def read(
        self, owner: str, raw: dict[str, Any], where: tuple[str | int, ...], special: _Special
    ) -> dict[str, Any]:
        """The model arguments of one mapping: plain fields through the table, others by ``special``."""
        out: dict[str, Any] = {}
        for f in fields.table(owner):
            if f.derived or f.yaml is None:
                continue
            if f.name in special:
                out[f.name] = special[f.name](raw, where)
                continue
            try:
                out[f.name] = fields.from_plain(f, raw.get(f.yaml))
            except ValueError as exc:
                raise self.fail(str(exc), *where, f.yaml) from None
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


def _build(data: dict[str, Any], lines: dict[str, int], source: str | None) -> Itinerary:
    return _Builder(lines, source).build(data)


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
    data, lines = _parse_yaml(text, source)
    if not isinstance(data, dict):
        raise ValidationError(
            "the file must be a mapping that starts with 'itinerary: 1'", source=source, line=1
        )
    _check_numbers(data, lines, source)
    _schema_error(data, lines, source)
    n_stops = sum(len(t.get("stops") or []) for t in data["trips"] if isinstance(t, dict))
    if n_stops > MAX_STOPS:
        raise ValidationError(
            f"{n_stops} stops is over the limit of {MAX_STOPS:,} per file; split the file by trip",
            source=source,
        )
    return _build(data, lines, source)


def load(path: str | os.PathLike[str]) -> Itinerary:
    """Read and validate an itinerary file."""
    p = Path(path)
    raw = read_limited(p, MAX_BYTES, what="itinerary file")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ValidationError(
            "not valid UTF-8 text; save the file as UTF-8", source=str(p), line=line
        ) from None
    return loads(text, source=str(p))


# ---------------------------------------------------------------- writing


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


def _str_presenter(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_presenter)


def dumps(it: Itinerary) -> str:
    """Serialise an itinerary to YAML format v1."""
    text: str = yaml.dump(to_data(it), Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    return text


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


def schema_text() -> str:
    """The published JSON Schema file's text (itinerary/io/itinerary.schema.json)."""
    return json.dumps(schema(), indent=2, ensure_ascii=False) + "\n"
