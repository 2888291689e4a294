"""What the text says around each toponym span: the name it is, a qualifier, a dateline.

:func:`names_of` turns the spans of an article into :class:`~itinerary.geocode.toponym_context.Name`
objects, one per normalised name (every mention of a name shares its answer), each with what
the text says around its mentions: a qualifier written after it ("London, Ont.", "Vienna
(Virginia)"), whether it follows another name after a comma ("Albany, New York"), whether it is
a county of the United States, and whether it opens a dateline ("LONDON —"). An abbreviation
keeps its dots apart ("N.Y." and "N.D." are two names).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from itinerary.geocode.normalize import normalize
from itinerary.geocode.toponym_context import Name
from itinerary.geocode.toponym_forms import COUNTY, forms_of, strip_possessive

# A qualifier right after a name: ", Ont." ", Texas" ", N.Y." or "(Virginia)".
_QUALIFIER = re.compile(
    r"^(?:\s*,\s*(?P<comma>(?:[A-Z][\w'’.-]*\.?)(?:\s+[A-Z][\w'’.-]*\.?){0,2})|\s*\((?P<paren>[^()]{2,40})\))"
)
# A dateline's dash: a spaced hyphen or a dash ("LONDON —", "NEWARK - ", "Paris (AP) --"); a hyphen
# touching the name joins a compound ("Logan-Rogersville"). \x97 is a dash left by cp1252 text.
_DATELINE = re.compile(r"^(?:\s+[—–\x97-]{1,2}|\s*[—–\x97]|\s*--|\s*\(\w+\)\s*[—–\x97-]{1,2}|\s*:)")


def names_of(text: str, spans: Sequence[tuple[int, int]]) -> list[Name | None]:
    """The name of every span (one per normalised name), with what the text says around it."""
    by_key: dict[str, Name] = {}
    of_span: list[Name | None] = []
    ends = {e for _, e in spans}
    for start, end in spans:
        if not (0 <= start < end <= len(text)):
            raise ValueError(f"span ({start}, {end}) is not inside the text of {len(text)} characters")
        surface = strip_possessive(" ".join(text[start:end].split()))
        if not surface.strip():
            of_span.append(None)
            continue
        form = forms_of().form(surface)
        if form is None and text[end : end + 1] == ".":  # "in Calif." with the span before the stop
            dotted = forms_of().form(surface + ".")
            if dotted is not None and dotted.kind == "abbreviation":
                surface, form = surface + ".", dotted
        if form is not None and form.kind == "abbreviation":  # "N.Y." and "N.D." are not one name
            key = "\x01" + surface.replace(".", "").replace(" ", "").upper()
        else:
            key = normalize(surface) or surface.lower()
        name = by_key.setdefault(key, Name(key, surface, []))
        name.mentions.append(len(of_span))
        name.county = name.county or bool(COUNTY.search(surface))
        name.qualifying = name.qualifying or _follows_name(text, start, ends)
        q = _qualifier_after(text, end)
        if q and name.qualifier is None:
            name.qualifier = q
        name.dateline = name.dateline or _is_dateline(text, start, end)
        of_span.append(name)
    return of_span


def _follows_name(text: str, start: int, ends: set[int]) -> bool:
    """Whether another span ends just before this one, a comma between ("Albany, New York")."""
    head = text[max(0, start - 3) : start]
    m = re.search(r",\s*$", head)
    return m is not None and (start - len(head) + m.start()) in ends


def _qualifier_after(text: str, end: int) -> str | None:
    m = _QUALIFIER.match(text[end : end + 48])
    if not m:
        return None
    q = (m["comma"] or m["paren"] or "").strip()
    return q or None


def _is_dateline(text: str, start: int, end: int) -> bool:
    """A place that opens the text or a paragraph, followed by a dash or "(AP) —"."""
    before = text[max(0, start - 2) : start]
    surface = text[start:end]
    opens = start == 0 or "\n" in before or (surface.isupper() and len(surface) > 2)
    if not opens:
        return False
    rest = text[end : end + 40]
    q = _QUALIFIER.match(rest)
    if q:
        rest = rest[q.end() :]
    return bool(_DATELINE.match(rest))


__all__ = ["names_of"]
