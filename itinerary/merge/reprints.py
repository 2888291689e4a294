"""Copies of one text: sources with the same URL or near-identical quotes count once."""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator

from rapidfuzz import fuzz

from itinerary.groups import DisjointSets
from itinerary.merge.cluster import _Cluster
from itinerary.merge.places import _norm
from itinerary.model import Source

REPRINT_RATIO = 90.0  # rapidfuzz ratio between two quotes that are one agency text


REPRINT_MIN_CHARS = 40


def _near_duplicate(a: str, b: str) -> bool:
    return min(len(a), len(b)) >= REPRINT_MIN_CHARS and fuzz.ratio(a, b) >= REPRINT_RATIO


def _one_text(c: _Cluster, known: Container[str]) -> Iterator[tuple[str, str]]:
    """Pairs of sources whose quotes of this stop are one text: word for word, or near-identical
    (compared once per distinct text, so a thousand copies of one quote cost one comparison)."""
    first: dict[str, str] = {}
    for o in c.obs:
        if o.source and o.source in known and o.quote and len(text := _norm(o.quote)) >= REPRINT_MIN_CHARS:
            yield o.source, first.setdefault(text, o.source)
    distinct = list(first.items())
    for i, (qa, sa) in enumerate(distinct):
        for qb, sb in distinct[i + 1 :]:
            if sa != sb and _near_duplicate(qa, qb):
                yield sa, sb


def _reprint_groups(clusters: Iterable[_Cluster], sources: dict[str, Source]) -> dict[str, int]:
    """Source id -> group number; sources with the same URL or near-identical quotes share one."""
    sets = DisjointSets(sources)
    by_url: dict[str, str] = {}
    for sid, s in sources.items():
        if s.url:
            sets.join(sid, by_url.setdefault(s.url, sid))
    for c in clusters:
        for sa, sb in _one_text(c, sources):
            sets.join(sa, sb)
    roots = {r: n for n, r in enumerate(sets.groups())}
    return {s: roots[sets.root(s)] for s in sources}


def _reprint_list(groups: dict[str, int]) -> tuple[tuple[str, ...], ...]:
    by: dict[int, list[str]] = {}
    for s, g in groups.items():
        by.setdefault(g, []).append(s)
    return tuple(tuple(v) for v in by.values() if len(v) > 1)
