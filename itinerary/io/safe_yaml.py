"""Reading YAML safely: the size and nesting limits, the characters and numbers refused before the
data reaches the model, duplicate keys, and the line of every key path for error messages.
"""

from __future__ import annotations

import math
from typing import Any

import yaml

from itinerary.errors import ValidationError

MAX_BYTES = 2 * 1024 * 1024
#: A file a build wrote (its merged ``trips.yaml``), read back unchanged: a corpus's trips in one
#: file (about 3.3 KB a draft), read up to this size (see :func:`itinerary.io.yaml.load`).
MAX_BUILT_BYTES = 1024 * 1024 * 1024


MAX_DEPTH = 32  # format v1 nests 5 levels deep; anything deeper is a mistake or an attack


# LibYAML's parser (shipped in PyYAML's wheels) reads a file about ten times faster than the
# pure-Python one; a corpus build reads back every draft it merges.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeLoader):  # type: ignore[valid-type,misc]
    """SafeLoader that keeps dates as text (we parse and validate them ourselves)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


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


def _parse_yaml(text: str, source: str | None, max_bytes: int = MAX_BYTES) -> tuple[Any, dict[str, int]]:
    if len(text.encode("utf-8", "surrogatepass")) > max_bytes:
        raise ValidationError(
            f"file is larger than {max_bytes // (1024 * 1024)} MB; an itinerary file is small "
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
