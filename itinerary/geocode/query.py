"""Parse what people type into a place and its qualifiers.

``parse_query("Vladivostok, Primorsky Krai, Russia")`` gives the place "Vladivostok" and the
qualifiers ("Primorsky Krai", "Russia"); "Springfield (Illinois)" and "Paris, TX" work the
same way, "near Pyongyang" and "Kumsusan Palace near Pyongyang" mark the vicinity. Nominatim's
structured queries (``{"city": ..., "state": ..., "country": ...}``) become the same shape.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

_NEAR_WORDS = (
    r"near|close to|outside|nearby|près de|pres de|aux environs de|bei|nahe|in der nähe von|cerca de"
    r"|около|под|возле"
)
_LEADING_NEAR = re.compile(rf"^\s*(?:{_NEAR_WORDS})\s+", re.IGNORECASE)
_MIDDLE_NEAR = re.compile(rf"\s+(?:{_NEAR_WORDS})\s+", re.IGNORECASE)
_TRAILING_PAREN = re.compile(r"^(?P<place>[^()]+?)\s*\((?P<inner>[^()]+)\)\s*$")
_SEPARATORS = re.compile(r"\s*[,;/]\s*")
# Nominatim's structured fields, the most specific first (streets and postal codes are not in
# the gazetteer: accepted and ignored).
STRUCTURED_FIELDS = ("amenity", "city", "county", "state", "country")
IGNORED_FIELDS = frozenset({"street", "postalcode"})


@dataclass(frozen=True)
class ParsedQuery:
    """The place asked for and the qualifiers that locate it, the most specific first."""

    place: str
    qualifiers: tuple[str, ...] = ()
    near: bool = False
    head: str = ""  # the leading part with its parenthesis ("Halle (Saale)"), when it had one
    in_head: int = 0  # how many qualifiers came from that parenthesis

    def __post_init__(self) -> None:
        if not self.head:
            object.__setattr__(self, "head", self.place)


def parse_query(text: str) -> ParsedQuery:
    """Split ``text`` into the place and its qualifiers (see the module docstring)."""
    t = " ".join(text.split())
    if " " not in t and not any(ch in t for ch in ",;/()"):
        return ParsedQuery(t)
    near = False
    m = _LEADING_NEAR.match(t)
    if m and m.end() < len(t):
        t, near = t[m.end() :], True
    qualifiers: list[str] = []
    parts = [p for p in _SEPARATORS.split(t) if p]
    if not parts:
        return ParsedQuery(text.strip())
    head, rest = parts[0], parts[1:]
    m = _MIDDLE_NEAR.search(head)
    if m and m.start() > 0:
        head, near = head[: m.start()], True
        qualifiers.append(parts[0][m.end() :])
    full, in_head = head.strip(), 0
    p = _TRAILING_PAREN.match(head)
    if p:
        head = p["place"]
        inner = [x.strip() for x in _SEPARATORS.split(p["inner"]) if x.strip()]
        qualifiers.extend(inner)
        in_head = len(inner)
    qualifiers.extend(rest)
    kept = tuple(q.strip() for q in qualifiers if q.strip())
    return ParsedQuery(head.strip(), kept, near, full, in_head)


def parse_structured(query: Mapping[str, str]) -> ParsedQuery:
    """A Nominatim-style structured query: the most specific field is the place."""
    unknown = set(query) - set(STRUCTURED_FIELDS) - IGNORED_FIELDS
    if unknown:
        raise ValueError(
            f"unknown structured query field(s) {', '.join(sorted(unknown))}; "
            f"expected {', '.join(STRUCTURED_FIELDS)}"
        )
    values = [str(query[f]).strip() for f in STRUCTURED_FIELDS if str(query.get(f) or "").strip()]
    if not values:
        raise ValueError("empty structured query; give at least one of " + ", ".join(STRUCTURED_FIELDS))
    return ParsedQuery(values[0], tuple(values[1:]))
