"""The itinerary file, format v1 (YAML): safe loading with line-numbered errors, atomic saving."""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import os
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from itinerary.errors import ValidationError
from itinerary.files import read_limited, write_text
from itinerary.model import (
    DateSpan,
    Itinerary,
    Mode,
    Place,
    Report,
    Role,
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


@cache
def schema() -> dict[str, Any]:
    """The published JSON Schema of format v1."""
    text = resources.files("itinerary.io").joinpath("itinerary.schema.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


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


def _schema_error(data: Any, lines: dict[str, int], source: str | None) -> None:
    """Raise one :class:`ValidationError` listing every schema problem, in file order."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema())
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


def _build(data: dict[str, Any], lines: dict[str, int], source: str | None) -> Itinerary:
    def fail(msg: str, *parts: str | int) -> ValidationError:
        return ValidationError(msg, source=source, line=_nearest_line(lines, parts), path=_path_str(parts))

    def date_span(value: Any, *parts: str | int) -> DateSpan:
        try:
            return DateSpan.parse(None if value is None else str(value))
        except ValueError as exc:
            raise fail(str(exc), *parts) from None

    sources = []
    seen_sources: set[str] = set()
    for i, s in enumerate(data.get("sources") or []):
        if s["id"] in seen_sources:
            raise fail(f"duplicate source id {s['id']!r}; source ids must be unique", "sources", i, "id")
        seen_sources.add(s["id"])
        sources.append(
            Source(
                id=s["id"],
                publisher=_opt_str(s.get("publisher")),
                url=_opt_str(s.get("url")),
                title=_opt_str(s.get("title")),
                published=date_span(s.get("published"), "sources", i, "published").start,
                language=_opt_str(s.get("language")),
            )
        )
    trips = []
    seen_trips: set[str] = set()
    for ti, t in enumerate(data["trips"]):
        if t["id"] in seen_trips:
            raise fail(f"duplicate trip id {t['id']!r}; trip ids must be unique", "trips", ti, "id")
        seen_trips.add(t["id"])
        stops = []
        for si, s in enumerate(t["stops"]):
            where = ("trips", ti, "stops", si)
            _check_source_refs(s, seen_sources, fail, where)
            if ("lat" in s) != ("lon" in s):
                raise fail("give both 'lat' and 'lon', or neither", *where)
            r = s.get("resolved")
            stops.append(
                Stop(
                    status=Status(s["status"]),
                    place=_opt_str(s.get("place")),
                    role=Role(s.get("role", "visit")),
                    hint=_opt_str(s.get("hint")),
                    date=date_span(s.get("date"), *where, "date"),
                    mode=Mode(s["mode"]) if s.get("mode") else None,
                    source=_opt_str(s.get("source") or (s.get("sources") or [None])[0]),
                    quote=_opt_str(s.get("quote")),
                    note=_opt_str(s.get("note")),
                    lat=float(s["lat"]) if "lat" in s else None,
                    lon=float(s["lon"]) if "lon" in s else None,
                    resolved=None if r is None else _place(r),
                    needs_review=bool(s.get("needs_review", False)),
                    confidence=None if s.get("confidence") is None else float(s["confidence"]),
                    sources=_many(s.get("sources")),
                    corroboration=None if s.get("corroboration") is None else int(s["corroboration"]),
                    history=tuple(
                        Report(
                            source=str(h["source"]),
                            status=Status(h["status"]),
                            date=date_span(h.get("date"), *where, "history", hi, "date"),
                        )
                        for hi, h in enumerate(s.get("history") or ())
                    ),
                )
            )
        trips.append(
            Trip(
                id=t["id"],
                traveller=t["traveller"],
                stops=tuple(stops),
                mode=Mode(t["mode"]) if t.get("mode") else None,
                title=_opt_str(t.get("title")),
            )
        )
    return Itinerary(
        trips=tuple(trips),
        title=_opt_str(data.get("title")),
        as_of=date_span(data.get("as_of"), "as_of").start,
        sources=tuple(sources),
        version=FORMAT_VERSION,
    )


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


def _stop_dict(s: Stop) -> dict[str, Any]:
    d: dict[str, Any] = {"place": s.place}
    if s.pinned:
        d["lat"], d["lon"] = s.lat, s.lon
    d["hint"] = s.hint
    if s.role is not Role.VISIT:
        d["role"] = s.role.value
    d["status"] = s.status.value
    d["date"] = s.date.text if s.date.known else None
    d["mode"] = s.mode.value if s.mode else None
    if len(s.all_sources) > 1:  # the quote's source first: it reads back as ``source``
        d["sources"] = sorted(s.all_sources, key=lambda x: x != s.source)
    else:
        d["source"] = s.source or (s.all_sources[0] if s.all_sources else None)
    d["quote"] = s.quote
    d["note"] = s.note
    if s.needs_review:
        d["needs_review"] = True
    d["confidence"] = s.confidence
    d["corroboration"] = s.corroboration
    if s.history:
        d["history"] = [_report_dict(h) for h in s.history]
    if s.resolved is not None:
        d["resolved"] = _clean(s.resolved.to_dict())
    return _clean(d)


def to_data(it: Itinerary) -> dict[str, Any]:
    """The itinerary as plain data in the layout of format v1."""
    out: dict[str, Any] = {"itinerary": FORMAT_VERSION}
    if it.title is not None:
        out["title"] = it.title
    if it.as_of is not None:
        out["as_of"] = it.as_of.isoformat()
    if it.sources:
        out["sources"] = [_clean(s.to_dict()) for s in it.sources]
    out["trips"] = [
        _clean(
            {
                "id": t.id,
                "traveller": t.traveller,
                "title": t.title,
                "mode": t.mode.value if t.mode else None,
                "stops": [_stop_dict(s) for s in t.stops],
            }
        )
        for t in it.trips
    ]
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
    rt.width = 100
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
