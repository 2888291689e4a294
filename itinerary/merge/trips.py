"""A traveller's stops cut into trips by time, and each trip with its id and title."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence

from itinerary.groups import DisjointSets
from itinerary.merge.cluster import _Cluster
from itinerary.merge.observe import TRIP_GAP_DAYS
from itinerary.merge.places import _norm
from itinerary.merge.stops import _build_stop, _order
from itinerary.merge.travellers import _Person
from itinerary.model import Precision, Stop, Trip


def _cluster_anchor(c: _Cluster, dated: bool) -> tuple[dt.date, dt.date] | None:
    anchors = [o.anchor for o in c.obs if o.anchor and (o.dated or not dated)]
    if not anchors:
        return None
    return (min(a for a, _ in anchors), max(b for _, b in anchors))


def _cut(clusters: list[_Cluster]) -> list[list[_Cluster]]:
    """A traveller's stops as trips: a new trip where more than ``TRIP_GAP_DAYS`` days pass
    without a stop. Stops without a known day go with the trip their reports' other stops are
    in; a report with no known day at all keeps its stops together, in the trip its bounds fit
    (a month, the weeks around its publication), else in a trip of their own."""
    parts: list[list[int]] = []
    spans: list[tuple[dt.date, dt.date]] = []
    dated = sorted((a, i) for i, c in enumerate(clusters) if (a := _cluster_anchor(c, True)) is not None)
    for (start, end), i in dated:
        if not spans or (start - spans[-1][1]).days > TRIP_GAP_DAYS:
            parts.append([])
            spans.append((start, end))
        parts[-1].append(i)
        spans[-1] = (spans[-1][0], max(spans[-1][1], end))
    where = {i: n for n, part in enumerate(parts) for i in part}
    keys_of = {i: {o.trip_key for o in clusters[i].obs} for i in range(len(clusters))}
    placed: dict[int, set[int]] = defaultdict(set)  # input trip -> the placed stops it reports
    for i in where:
        for k in keys_of[i]:
            placed[k].add(i)
    components = _linked([i for i in range(len(clusters)) if i not in where], keys_of)
    bounds = {id(c): _bounds(clusters, c) for c in components}
    for comp in sorted(components, key=lambda c: (bounds[id(c)] or (dt.date.max, dt.date.max), c)):
        keys = set().union(*(keys_of[i] for i in comp))
        votes = Counter(where[j] for j in set().union(*(placed.get(k, set()) for k in keys)))
        span = bounds[id(comp)]
        if votes:
            n = min(votes, key=lambda n: (-votes[n], n))
        elif span is None:
            n = 0 if len(parts) == 1 else len(parts)
        else:
            near = [
                (max((span[0] - b).days, (a - span[1]).days, 0), k)
                for k, (a, b) in enumerate(spans)
                if max((span[0] - b).days, (a - span[1]).days) <= TRIP_GAP_DAYS
            ]
            n = min(near)[1] if near else len(parts)
        if n == len(parts):
            parts.append([])
            spans.append(span or (dt.date.max, dt.date.max))
        parts[n].extend(comp)
        where.update({i: n for i in comp})
        for i in comp:
            for k in keys_of[i]:
                placed[k].add(i)
    return [[clusters[i] for i in sorted(part)] for part in parts if part] or [clusters]


def _linked(items: list[int], keys_of: dict[int, set[int]]) -> list[list[int]]:
    """``items`` in groups linked by a key they share (stops reported by one input trip)."""
    sets = DisjointSets(items)
    first: dict[int, int] = {}
    for i in items:
        for k in keys_of[i]:
            sets.join(i, first.setdefault(k, i))
    return [sorted(g) for g in sets.groups().values()]


def _as_given(clusters: list[_Cluster]) -> list[list[_Cluster]]:
    """One file's trips as it gives them (a hand-written trip, a merged file as known on a day)."""
    parts: dict[int, list[_Cluster]] = {}
    for c in clusters:
        parts.setdefault(min(o.trip_key for o in c.obs), []).append(c)
    return [parts[k] for k in sorted(parts)]


def _bounds(clusters: list[_Cluster], comp: list[int]) -> tuple[dt.date, dt.date] | None:
    """The narrowest bound all of a group of stops' reports agree on, else their widest."""
    anchors = [a for i in comp if (a := _cluster_anchor(clusters[i], False)) is not None]
    if not anchors:
        return None
    start, end = max(a for a, _ in anchors), min(b for _, b in anchors)
    if start <= end:
        return (start, end)
    return (min(a for a, _ in anchors), max(b for _, b in anchors))


_MONTHS = ("January February March April May June July August September October November December").split()


def _when(stops: Sequence[Stop]) -> tuple[str, str] | None:
    """(id part, title part) of a trip's dates: "2024-06-18", "18-20 June 2024"."""
    days = [s.date for s in stops if s.date.precision is Precision.DAY and s.date.start and s.date.end]
    coarse = [s.date for s in stops if s.date.start and s.date.end and s.date.precision is Precision.MONTH]
    if days:
        a = min(d.start for d in days if d.start)
        b = max(d.end for d in days if d.end)
        if a == b:
            text = f"{a.day} {_MONTHS[a.month - 1]} {a.year}"
        elif (a.year, a.month) == (b.year, b.month):
            text = f"{a.day}-{b.day} {_MONTHS[a.month - 1]} {a.year}"
        elif a.year == b.year:
            text = f"{a.day} {_MONTHS[a.month - 1]} - {b.day} {_MONTHS[b.month - 1]} {a.year}"
        else:
            text = f"{a.day} {_MONTHS[a.month - 1]} {a.year} - {b.day} {_MONTHS[b.month - 1]} {b.year}"
        return a.isoformat(), text
    if coarse:
        m = min(d.start for d in coarse if d.start)
        return f"{m.year}-{m.month:02d}", f"{_MONTHS[m.month - 1]} {m.year}"
    return None


def _slug(text: str) -> str:
    return _norm(text).replace(" ", "-") or "trip"


def _merge_trip(
    person: _Person,
    name: str,
    clusters: list[_Cluster],
    groups: dict[str, int],
    known_on: dt.date | None,
    alone: bool,
) -> tuple[Trip, list[str]]:
    """One trip of a traveller. Its id and title carry its dates ("Vladimir Putin, 18-20 June
    2024"); a hand-written id and title are kept when the trip stands ``alone`` (the person's only
    trip, or a trip of a single file) and every input trip of it has the same."""
    keys = {o.trip_key for c in clusters for o in c.obs}
    trips = [t for k, t in zip(person.obs_keys, person.trips, strict=True) if k in keys]
    srcs = {o.source for c in clusters for o in c.obs if o.source}
    independent = len({groups.get(s, 0) for s in srcs})
    built = [_build_stop(c, groups, known_on, independent) for c in clusters]
    stops = _order(clusters, [s for s, _ in built])
    conflicts = [f"{name} / {s.label}: {n}" for s, notes in built for n in notes]
    modes = Counter(t.mode for t in trips if t.mode)
    when = _when(stops)
    hand = all(t.title and "(from the article)" not in t.title for t in trips)
    titles = {t.title for t in trips}
    ids = {t.id for t in trips}
    if alone and hand and len(titles) == 1 and len(ids) == 1:
        tid, title = ids.pop(), titles.pop()
    else:
        tid = _slug(name) + (f"-{when[0]}" if when else "")
        title = f"{name}, {when[1]}" if when else name
    trip = Trip(
        id=tid,
        traveller=name,
        stops=tuple(stops),
        mode=min(modes, key=lambda m: (-modes[m], m.value)) if modes else None,
        title=title,
    )
    return trip, conflicts
