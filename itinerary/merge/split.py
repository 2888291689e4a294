"""The merge split by traveller: :func:`merge_split` gives what :func:`itinerary.merge.merge_report`
gives, byte for byte, with the work of each group of travellers done where a ``mapper`` sends it
(the builtin :func:`map` in this process; a Dask client's ``map`` on a cluster).

The steps that look at every input stay in the calling process and are cheap: the inputs put in
their order, sources renamed apart, every report as an observation, and the travellers matched
(:mod:`itinerary.people`: a name refused because it is a place visited anywhere, a trip without a
name given to the traveller of its article). Then each traveller's reports are grouped into stops
(the costly part) in batches; the sources that are one text (same URL, or near-identical quotes of
a stop in any traveller's trips) are joined in the order the one-process merge joins them; and
each traveller's stops are cut into trips and merged, again in batches. The trips come back in the
people's order, so ids made unique, conflicts and the report are the same as in one process.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from itinerary.errors import MergeError
from itinerary.groups import DisjointSets
from itinerary.identity import UNKNOWN_TRAVELLER
from itinerary.merge import MergeReport, _finish, _input_key
from itinerary.merge.cluster import _absorb, _Cluster, _cluster
from itinerary.merge.observe import _check_versions, _collect, _observations
from itinerary.merge.reprints import _one_text
from itinerary.merge.travellers import _display_name, _is_unknown, _people, _Person
from itinerary.merge.trips import _as_given, _cut, _merge_trip
from itinerary.model import Itinerary, Source, Trip

__all__ = ["Mapper", "merge_split"]


Mapper = Callable[[Callable[[Any], Any], list[Any]], Iterable[Any]]
"""Runs a function over a list of work items and gives the results in the same order
(``map``; ``lambda f, xs: client.gather(client.map(f, xs, pure=False))`` on a Dask cluster)."""

BATCH_OBSERVATIONS = 20_000  # a batch of travellers holds about this many reports (one task)


@dataclass(frozen=True)
class _Stops:
    """One traveller's reports grouped into stops, and the pairs of sources found to be one text."""

    clusters: list[_Cluster]
    one_text: list[tuple[str, str]]


@dataclass(frozen=True)
class _TripWork:
    """What cutting and merging one traveller's trips needs besides the traveller."""

    person: _Person
    clusters: list[_Cluster]
    groups: dict[str, int]
    known_on: dt.date | None
    several: bool


def _stops_of(people: list[_Person]) -> list[_Stops]:
    """A batch of travellers: each one's reports as stops, with the one-text pairs in the order
    the one-process merge meets them."""
    out = []
    for p in people:
        clusters = _absorb(_cluster([o for o in p.obs if o]))
        known = {o.source for t in p.obs for o in t if o.source}
        out.append(_Stops(clusters, [pair for c in clusters for pair in _one_text(c, known)]))
    return out


def _trips_of(
    batch: list[_TripWork],
) -> list[tuple[list[tuple[Trip, list[str]]], tuple[str, tuple[str, ...]]]]:
    """A batch of travellers: each one's trips (with their conflicts) and its names."""
    out = []
    for w in batch:
        person = w.person
        name = _display_name([n for n in person.names if not _is_unknown(n)] or [UNKNOWN_TRAVELLER])
        parts = _cut(w.clusters) if w.several else _as_given(w.clusters)
        alone = len(parts) == 1 or not w.several
        made = [_merge_trip(person, name, part, w.groups, w.known_on, alone) for part in parts]
        out.append((made, (name, tuple(sorted(set(n for n in person.names if n))))))
    return out


def _batches(people: list[_Person], size: int) -> list[list[int]]:
    """Indices of ``people`` in consecutive batches of about ``size`` reports each."""
    out: list[list[int]] = [[]]
    held = 0
    for i, p in enumerate(people):
        n = sum(len(t) for t in p.obs)
        if out[-1] and held + n > size:
            out.append([])
            held = 0
        out[-1].append(i)
        held += n
    return [b for b in out if b]


def _groups(sources: dict[str, Source], one_text: Iterable[tuple[str, str]]) -> dict[str, int]:
    """Source id -> group number, joined as :func:`itinerary.merge.reprints._reprint_groups` joins
    them (URLs first, then the one-text pairs in the people's order)."""
    sets = DisjointSets(sources)
    by_url: dict[str, str] = {}
    for sid, s in sources.items():
        if s.url:
            sets.join(sid, by_url.setdefault(s.url, sid))
    for sa, sb in one_text:
        sets.join(sa, sb)
    roots = {r: n for n, r in enumerate(sets.groups())}
    return {s: roots[sets.root(s)] for s in sources}


def merge_split(
    itineraries: Sequence[Itinerary],
    *,
    as_of: dt.date | None = None,
    mapper: Mapper = map,
    batch: int = BATCH_OBSERVATIONS,
) -> tuple[Itinerary, MergeReport]:
    """:func:`itinerary.merge.merge_report`, the work of each batch of travellers (about ``batch``
    reports) run by ``mapper``; the same itinerary and report."""
    if not itineraries:
        raise MergeError("nothing to merge; give at least one itinerary")
    _check_versions(itineraries)
    itineraries = sorted(itineraries, key=_input_key)
    inputs = _collect(itineraries, as_of)
    who = _people(inputs, _observations(inputs, as_of), several=len(itineraries) > 1)
    used_sources = {o.source for p in who.people for t in p.obs for o in t if o.source}
    sources = {k: s for k, s in inputs.sources.items() if k in used_sources}
    batches = _batches(who.people, batch)
    if len(batches) < 2:  # one task: sending it elsewhere would only add the copying
        mapper = map
    stops: list[_Stops] = [
        s for done in mapper(_stops_of, [[who.people[i] for i in b] for b in batches]) for s in done
    ]
    groups = _groups(sources, (pair for s in stops for pair in s.one_text))
    known_on = as_of or max((s.published for s in sources.values() if s.published), default=None)
    several = len(itineraries) > 1
    work = [
        [_TripWork(who.people[i], stops[i].clusters, groups, known_on, several) for i in b] for b in batches
    ]
    made: list[tuple[Trip, list[str]]] = []
    travellers: list[tuple[str, tuple[str, ...]]] = []
    for done in mapper(_trips_of, work):
        for trips, traveller in done:
            made += trips
            travellers.append(traveller)
    return _finish(itineraries, inputs, who, sources, groups, known_on, made, travellers, as_of)
