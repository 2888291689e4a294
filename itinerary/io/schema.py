"""The JSON Schema of the itinerary file (format v1), built from the field table, and validation
against it with every problem named by line and key path.

``itinerary/io/itinerary.schema.json`` is its published copy; after a change to the field table
regenerate it with ``python -m itinerary.io.schema`` (a test checks it is current).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from itinerary import fields
from itinerary.errors import ValidationError
from itinerary.files import write_text
from itinerary.io.safe_yaml import (
    _nearest_line,
    _path_str,
)
from itinerary.model import DateSpan, Status

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
    ``python -m itinerary.io.schema`` rewrites it and a test checks it is current).
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


def schema_text() -> str:
    """The published JSON Schema file's text (itinerary/io/itinerary.schema.json)."""
    return json.dumps(schema(), indent=2, ensure_ascii=False) + "\n"


SCHEMA_FILE = Path(__file__).with_name("itinerary.schema.json")


def main(argv: list[str] | None = None) -> int:
    """Write the published schema file (``--check``: only say whether it is current)."""
    args = sys.argv[1:] if argv is None else argv
    current = SCHEMA_FILE.exists() and SCHEMA_FILE.read_text("utf-8") == schema_text()
    if args == ["--check"]:
        print(
            f"{SCHEMA_FILE} is {'current' if current else 'out of date: run python -m itinerary.io.schema'}"
        )
        return 0 if current else 1
    if args:
        print("usage: python -m itinerary.io.schema [--check]", file=sys.stderr)
        return 2
    if not current:
        write_text(SCHEMA_FILE, schema_text())
    print(f"{SCHEMA_FILE} {'unchanged' if current else 'written'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
