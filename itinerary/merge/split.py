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

With a ``memo`` (a store of texts by key, such as the build folder's parts) and each input's
``digests`` (the hash of its file), a traveller's work is kept and taken back the next time: the
one-text pairs of its stops under a key made of what its reports are (the digest of each input
trip's file, its place among the traveller's inputs, the sources renamed, the names, ``as_of``,
the code of the merge and the modules it imports), and its merged trips under that key with its
sources' reprint groups and whether there are several inputs (kept trips say which days the
merge may be known on for them to hold: the day of the newest source moves with every newer
article, and only a plan whose day has passed reads it). Only the travellers whose reports
changed are grouped into stops and merged again, and the names are grouped with the last
merge's grouping kept (:mod:`itinerary.merge.names`: only the names that changed are compared);
the result is the same (tested). The memo is also told each trip of the merge by a key of its
own (its traveller's trips key, its place among that traveller's trips, its id made unique), so
what is made of a trip can be kept by that
key without writing out the trip's every field.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any, Protocol, TypeVar

from itinerary.errors import MergeError
from itinerary.groups import DisjointSets
from itinerary.identity import UNKNOWN_TRAVELLER
from itinerary.merge import MergeReport, _finish, _input_key, _whole
from itinerary.merge.cluster import _absorb, _Cluster, _cluster
from itinerary.merge.names import group_names_kept, state_of
from itinerary.merge.observe import _check_versions, _collect, _Inputs, _Obs, _observations
from itinerary.merge.reprints import _one_text
from itinerary.merge.stored import StoredTrip, summary
from itinerary.merge.travellers import _display_name, _is_unknown, _people, _Person, _Travellers
from itinerary.merge.trips import _as_given, _cut, _merge_trip
from itinerary.model import Itinerary, Source, Status, Trip
from itinerary.people import Grouping, group_names

__all__ = ["Mapper", "Memo", "merge_split"]


Mapper = Callable[[Callable[[Any], Any], list[Any]], Iterable[Any]]
"""Runs a function over a list of work items and gives the results in the same order
(``map``; ``lambda f, xs: client.gather(client.map(f, xs, pure=False))`` on a Dask cluster)."""

BATCH_OBSERVATIONS = 20_000  # a batch of travellers holds about this many reports (one task)
_T = TypeVar("_T")
MEMO_VERSION = 3  # in every key: another layout of the kept work is never read


class Memo(Protocol):
    """Texts kept by key between merges (see :class:`itinerary.build.outputs.Parts`)."""

    def recall(self, keys: list[str]) -> dict[str, str]:
        """The texts kept under ``keys`` (those there), each marked as still wanted."""
        ...

    def keep(self, key: str, text: str) -> None:
        """Keep ``text`` under ``key``."""
        ...

    def hold(self, keys: list[str]) -> None:
        """The texts kept under ``keys`` are still wanted (not read: a merge from the kept table
        holds the work of the travellers it does not touch)."""
        ...

    def known(self, trip: Trip, key: str) -> None:
        """``trip``, one of the merge's, is all that ``key`` says (what is made of it can be kept
        under ``key`` instead of the trip's every field)."""
        ...


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


@functools.cache
def _code() -> str:
    """What the kept work depends on besides the inputs: the code of the merge (the package's
    modules it imports, see :func:`code_digest`), the data the matching of names reads, and the
    libraries that compare texts. Another module of the package (the extraction, the maps)
    changing keeps the work: an upgrade that did not touch the merge merges nothing again."""
    root = Path(__file__).resolve().parents[1]  # the package
    return code_digest(root, "itinerary.merge.split")


#: Data files of the package the merge reads (the matching of names).
MERGE_DATA = ("people.json", "geodata/countries.json.gz")


def code_digest(root: Path, module: str) -> str:
    """The SHA-256 of ``module`` and of every module of the package at ``root`` it imports,
    directly or not (found by reading their ``import`` statements, those inside functions too,
    and the ``__init__`` of each subpackage on the way), of :data:`MERGE_DATA` and of the
    versions of the libraries that compare texts."""
    h = hashlib.sha256(f"{MEMO_VERSION}".encode())
    for path in [*_imported(root, module), *(root / name for name in MERGE_DATA)]:
        h.update(str(path.relative_to(root)).encode())
        h.update(path.read_bytes() if path.exists() else b"")
    for lib in ("rapidfuzz", "anyascii"):
        h.update(metadata.version(lib).encode())
    return h.hexdigest()


_FROM = re.compile(r"^[ \t]*from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#]*)", re.MULTILINE)
_IMPORT = re.compile(r"^[ \t]*import[ \t]+([^\n#]+)", re.MULTILINE)


def _imports(text: str, here: list[str]) -> Iterator[tuple[str, list[str]]]:
    """``(module, names)`` of each import statement of a module's ``text`` (those inside
    functions too; a line of a docstring that reads as one counts as well, which only ever adds
    a module), relative ones resolved against the package ``here``. Read as text, not parsed: a
    tenth of the time, and every build reads them."""
    for m in _FROM.finditer(text):
        dots = len(m.group(1)) - len(m.group(1).lstrip("."))
        start = ".".join(here[: len(here) - dots + 1]) if dots else ""
        base = ".".join(x for x in (start, m.group(1).lstrip(".")) if x)
        names = [n.split()[0] for n in m.group(2).strip("() \t\n").replace("\n", " ").split(",") if n.split()]
        yield base, names
    for m in _IMPORT.finditer(text):
        for n in m.group(1).split(","):
            if n.split():
                yield n.split()[0], []


def _imported(root: Path, module: str) -> list[Path]:
    """The files of ``module`` and of the package's modules it imports, directly or not, sorted.
    The package's own ``__init__`` (``root``'s: re-exports and lazy verbs) is followed only
    when a name is imported from it that is not a module."""
    package = root.name

    def file_of(name: str) -> Path | None:
        parts = name.split(".")
        if parts[0] != package:
            return None
        base = root.joinpath(*parts[1:])
        for path in (base.with_suffix(".py"), base / "__init__.py"):
            if path.is_file():
                return path
        return None

    seen: set[Path] = set()
    todo = [module]
    while todo:
        name = todo.pop()
        path = file_of(name)
        if path is None or path in seen:
            continue
        seen.add(path)
        parts = name.split(".")
        todo += [".".join(parts[:i]) for i in range(2, len(parts))]  # the subpackages on the way
        here = parts if path.name == "__init__.py" else parts[:-1]
        for base, names in _imports(path.read_text(encoding="utf-8"), here):
            subs = [f"{base}.{n}" for n in names]
            found = [m for m in subs if file_of(m) is not None]
            todo += found
            if not names or len(found) < len(subs):  # the module itself, or a name defined in it
                todo.append(base)
    return sorted(seen)


def _digest(*parts: object) -> str:
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False, default=str).encode()).hexdigest()


def _stops_keys(
    people: list[_Person], inputs: _Inputs, digests: list[str], as_of: dt.date | None
) -> list[str]:
    """Each traveller's key for its stops: what each of its input trips is (its file's digest,
    the trip's index there, its place among the traveller's inputs, the input's sources renamed,
    the alias it was joined by, the stops a review was asked for), its names and ``as_of``."""
    index = _trip_places(inputs)
    keys = []
    for p in people:
        rank = {k: r for r, k in enumerate(sorted(p.obs_keys))}
        trips = []
        for k, obs in zip(p.obs_keys, p.obs, strict=True):
            i, ti = index[k]
            renamed = sorted((a, b) for a, b in inputs.trips[k][2].items() if a != b)
            trips.append((digests[i], ti, rank[k], renamed, obs[0].alias, [o.stop.needs_review for o in obs]))
        keys.append(_digest("stops", _code(), as_of, p.names, trips))
    return keys


def _trip_places(inputs: _Inputs) -> list[tuple[int, int]]:
    """Each input trip's input and its index among that input's trips."""
    out: list[tuple[int, int]] = []
    seen: dict[int, int] = {}
    for i, *_ in inputs.trips:
        out.append((i, seen.get(i, 0)))
        seen[i] = seen.get(i, 0) + 1
    return out


def _names_key() -> str:
    """The key of the names' kept grouping (:func:`itinerary.merge.names.group_names_kept`)."""
    return _digest("names", _code())


def _trips_key(stops_key: str, person: _Person, groups: dict[str, int], several: bool) -> str:
    """A traveller's key for its merged trips: its stops' key, its sources' reprint groups (which
    of them are one text) and whether there are several inputs. The day the merge is known on is
    not in it (a new article is often the newest, and would change every traveller's key): the
    kept trips say which days they hold for (see :func:`_holds_on`)."""
    return _trips_key_of(stops_key, _sources_of(person), groups, several)


def _sources_of(person: _Person) -> list[str]:
    """The sources a traveller's reports name, sorted."""
    return sorted({o.source for t in person.obs for o in t if o.source})


def _trips_key_of(stops_key: str, srcs: list[str], groups: dict[str, int], several: bool) -> str:
    """:func:`_trips_key` from the traveller's sources (:func:`_sources_of`)."""
    labels: dict[int, int] = {}
    together = [labels.setdefault(groups.get(s, 0), len(labels)) for s in srcs]
    return _digest("trips", stops_key, srcs, together, several)


_Done = tuple[list[tuple[Trip, list[str]]], tuple[str, tuple[str, ...]]]


def _planned_ends(made: list[tuple[Trip, list[str]]]) -> list[dt.date]:
    """The last day of every planned stop with a day: the only stops whose merge reads the day
    the merge is known on (a plan whose day has passed is noted, with that day)."""
    return [s.date.end for t, _ in made for s in t.stops if s.status is Status.PLANNED and s.date.end]


def _stale(made: list[tuple[Trip, list[str]]], known_on: dt.date | None) -> bool:
    """Whether a planned stop's day has passed by ``known_on`` (its trips then hold for that day only)."""
    return known_on is not None and any(end < known_on for end in _planned_ends(made))


def _holds_on(made: list[tuple[Trip, list[str]]], known_on: dt.date | None) -> dict[str, str | None]:
    """The days a traveller's trips merged as known on ``known_on`` are the same for: that day
    only when a planned stop's day has passed by it; else any day up to the first planned stop's
    last day (or none)."""
    ends = _planned_ends(made)
    if known_on is not None and any(end < known_on for end in ends):  # as _stale, on the ends once
        return {"on": known_on.isoformat(), "upto": None}
    return {"on": None, "upto": min(ends).isoformat() if ends else None}


def _holds(data: Any, known_on: dt.date | None) -> bool:
    """Whether kept trips (their :func:`_holds_on`) are the merge as known on ``known_on``."""
    on, upto = data["on"], data["upto"]
    if on is not None:
        return known_on is not None and known_on.isoformat() == on
    return upto is None or known_on is None or known_on <= dt.date.fromisoformat(upto)


def _trips_text(done: _Done, known_on: dt.date | None) -> str:
    from itinerary.io import yaml as yaml_io

    made, (name, spellings) = done
    return json.dumps(
        {
            "trips": [json.dumps(yaml_io.trip_data(t), ensure_ascii=False) for t, _ in made],
            "heads": [summary(t) for t, _ in made],
            "conflicts": [notes for _, notes in made],
            "traveller": [name, list(spellings)],
            "holds": _holds_on(made, known_on),
        },
        ensure_ascii=False,
    )


def _trips_back(text: str, sources: set[str], known_on: dt.date | None) -> tuple[_Done, bool] | None:
    """A traveller's kept trips, as stored (:class:`itinerary.merge.stored.StoredTrip`: each made
    whole, and checked as a file's trips are, only when its stops are read), and whether they
    hold on ``known_on`` only (a planned stop's day has passed: see :func:`_stale`). None when
    the text is not what :func:`_trips_text` writes or the trips do not hold on ``known_on``.
    Each trip's data is kept as a text of its own, read only when the trip is made whole: a
    rebuild reads every kept traveller's text, and most trips are never made whole."""
    from itinerary.io import yaml as yaml_io

    def whole(text: str) -> Callable[[], Trip]:
        def made() -> Trip:
            try:
                data = json.loads(text)
            except ValueError as exc:
                raise MergeError(f"kept merge: a trip's text is damaged ({exc})") from None
            return yaml_io.trips_from_data([data], sources, "kept merge")[0]

        return made

    try:
        data = json.loads(text)
        if not _holds(data["holds"], known_on):
            return None
        heads, trips = data["heads"], data["trips"]
        conflicts = [[str(c) for c in notes] for notes in data["conflicts"]]
        name, spellings = data["traveller"]
        if (
            not len(heads) == len(trips) == len(conflicts)
            or not all(
                isinstance(h["stops"], int) and isinstance(h["review"], int) and isinstance(h["own"], list)
                for h in heads
            )
            or not all(isinstance(t, str) for t in trips)
        ):
            return None
        made: list[tuple[Trip, list[str]]] = [
            (StoredTrip.stored(h, whole(t)), c) for h, t, c in zip(heads, trips, conflicts, strict=True)
        ]
        return (made, (str(name), tuple(str(x) for x in spellings))), data["holds"]["on"] is not None
    except (ValueError, KeyError, TypeError):
        return None


def _pairs_back(text: str) -> list[tuple[str, str]] | None:
    try:
        return [(str(a), str(b)) for a, b in json.loads(text)]
    except (ValueError, TypeError):
        return None


def merge_split(
    itineraries: Sequence[Itinerary],
    *,
    as_of: dt.date | None = None,
    mapper: Mapper = map,
    batch: int = BATCH_OBSERVATIONS,
    digests: Sequence[str] | None = None,
    memo: Memo | None = None,
) -> tuple[Itinerary, MergeReport]:
    """:func:`itinerary.merge.merge_report`, the work of each batch of travellers (about ``batch``
    reports) run by ``mapper``; the same itinerary and report. With ``memo`` and the ``digests``
    of the inputs (the SHA-256 of each one's file, in their order), a traveller whose reports did
    not change is taken from ``memo``, and the work done is kept there."""
    merged, report, _ = _merge_split(itineraries, as_of, mapper, batch, digests, memo)
    return merged, report


@dataclass
class _Run:
    """What a merge of every input found, for :mod:`itinerary.merge.delta` to keep: the inputs in
    their order (and each one's index in the given order), the inputs collected, who is who, each
    traveller's keys and one-text pairs, the reprint groups and the trips merged."""

    itineraries: list[Itinerary]
    order: list[int]
    inputs: _Inputs
    observed: list[tuple[str, list[_Obs]]]
    who: _Travellers
    stops_keys: list[str]
    trips_keys: list[str]
    pairs: dict[int, list[tuple[str, str]]]
    done: dict[int, _Done]
    apart: list[int]  # the parts kept apart among the look-alikes (see :func:`_grouper`), when told


def _merge_split(
    itineraries: Sequence[Itinerary],
    as_of: dt.date | None,
    mapper: Mapper,
    batch: int,
    digests: Sequence[str] | None,
    memo: Memo | None,
) -> tuple[Itinerary, MergeReport, _Run]:
    if not itineraries:
        raise MergeError("nothing to merge; give at least one itinerary")
    if digests is not None and len(digests) != len(itineraries):
        raise MergeError(f"{len(digests)} digests for {len(itineraries)} itineraries; give one each")
    _check_versions(itineraries)
    order = sorted(range(len(itineraries)), key=lambda i: _input_key(itineraries[i]))
    itineraries = [itineraries[i] for i in order]
    inputs = _collect(itineraries, as_of)
    observed = _observations(inputs, as_of)
    apart: list[int] = []
    who = _people(inputs, observed, len(itineraries) > 1, _grouper(memo, apart))
    used_sources = {o.source for p in who.people for t in p.obs for o in t if o.source}
    sources = {k: s for k, s in inputs.sources.items() if k in used_sources}
    if digests is None:
        memo, stops_keys = None, []
    else:
        stops_keys = _stops_keys(who.people, inputs, [digests[i] for i in order], as_of)
    stops, pairs = _pairs(who.people, stops_keys, memo, mapper, batch)
    groups = _groups(sources, (pair for n in range(len(who.people)) for pair in pairs[n]))
    known_on = as_of or max((s.published for s in sources.values() if s.published), default=None)
    several = len(itineraries) > 1
    trips_keys = (
        [_trips_key(key, p, groups, several) for key, p in zip(stops_keys, who.people, strict=True)]
        if memo is not None
        else []
    )
    known = set(sources)
    kept = _kept(memo, trips_keys, lambda text: _trips_back(text, known, known_on))
    done = {n: d for n, (d, _) in kept.items()}
    stale = {n: s for n, (_, s) in kept.items()}  # the kept trips hold on ``known_on`` only
    todo = [n for n in range(len(who.people)) if n not in done]
    stops.update(_run_stops(who.people, [n for n in todo if n not in stops], mapper, batch))
    batches = _batches_of(who.people, todo, batch)
    work = [
        [_TripWork(who.people[n], stops[n].clusters, groups, known_on, several) for n in b] for b in batches
    ]
    for b, results in zip(batches, _mapped(mapper, _trips_of, work), strict=True):
        for n, result in zip(b, results, strict=True):
            done[n] = result
            stale[n] = _stale(result[0], known_on)
            if memo is not None:
                memo.keep(trips_keys[n], _trips_text(result, known_on))
    made: list[tuple[Trip, list[str]]] = []
    travellers: list[tuple[str, tuple[str, ...]]] = []
    whose: dict[int, tuple[int, int]] = {}  # id of a trip made -> (traveller, its index there)
    for n in range(len(who.people)):
        trips, traveller = done[n]
        whose.update((id(t), (n, i)) for i, (t, _) in enumerate(trips))
        made += trips
        travellers.append(traveller)
    made.sort(key=lambda tc: (tc[0].traveller, tc[0].id))  # as _finish orders them (then a no-op)
    merged, report = _finish(
        _whole(itineraries, inputs, who), sources, groups, known_on, made, travellers, as_of
    )
    if memo is not None:  # each trip is its traveller's trips key (and the day when its trips hold
        # on it only), its place there and its id made unique
        on = {n: known_on if stale[n] else None for n in range(len(who.people))}
        for (trip, _), final in zip(made, merged.trips, strict=True):
            n, i = whose[id(trip)]
            memo.known(final, _digest("trip", trips_keys[n], on[n], i, final.id))
    run = _Run(itineraries, order, inputs, observed, who, stops_keys, trips_keys, pairs, done, apart)
    return merged, report, run


def _grouper(memo: Memo | None, apart: list[int] | None = None) -> Callable[[list[str]], Grouping]:
    """How the names are grouped: :func:`itinerary.people.group_names`, or with a ``memo`` the same
    groups with the last merge's work kept there (:func:`itinerary.merge.names.group_names_kept`).
    ``apart`` is told how many of the look-alikes kept apart are parts of a name fitting several
    groups (they come first; the others are first names that look alike)."""
    if memo is None:
        return group_names

    def group(names: list[str]) -> Grouping:
        assert memo is not None
        key = _names_key()
        before = memo.recall([key]).get(key)
        grouping, state = group_names_kept(names, state_of(before))
        if (text := state.text()) != before:
            memo.keep(key, text)
        if apart is not None:
            apart.append(sum(len(b.apart) for b in state.blocks.values()))
        return grouping

    return group


def _pairs(
    people: list[_Person], keys: list[str], memo: Memo | None, mapper: Mapper, size: int
) -> tuple[dict[int, _Stops], dict[int, list[tuple[str, str]]]]:
    """Each traveller's one-text pairs, kept in ``memo`` or found by grouping its reports into
    stops (those stops, by traveller index, come back too)."""
    pairs = _kept(memo, keys, _pairs_back)
    todo = [n for n in range(len(people)) if n not in pairs]
    stops = _run_stops(people, todo, mapper, size)
    for n in todo:
        pairs[n] = stops[n].one_text
        if memo is not None:
            memo.keep(keys[n], json.dumps(stops[n].one_text, ensure_ascii=False))
    return stops, pairs


def _kept(memo: Memo | None, keys: list[str], back: Callable[[str], _T | None]) -> dict[int, _T]:
    """Index -> what ``memo`` kept under ``keys[index]``, read by ``back`` (None: not usable)."""
    if memo is None or not keys:
        return {}
    kept = memo.recall(keys)
    found = {n: back(kept[key]) for n, key in enumerate(keys) if key in kept}
    return {n: x for n, x in found.items() if x is not None}


def _batches_of(people: list[_Person], which: list[int], size: int) -> list[list[int]]:
    """The travellers ``which`` (indices of ``people``) in batches of about ``size`` reports."""
    return [[which[i] for i in b] for b in _batches([people[n] for n in which], size)]


def _mapped(mapper: Mapper, f: Callable[[Any], Any], batches: list[Any]) -> Iterable[Any]:
    """``mapper(f, batches)``; in this process when there is one batch or none (sending it
    elsewhere would only add the copying)."""
    return map(f, batches) if len(batches) < 2 else mapper(f, batches)


def _run_stops(people: list[_Person], which: list[int], mapper: Mapper, size: int) -> dict[int, _Stops]:
    """The stops of the travellers ``which`` (indices of ``people``), by index."""
    batches = _batches_of(people, which, size)
    out: dict[int, _Stops] = {}
    for b, results in zip(
        batches, _mapped(mapper, _stops_of, [[people[n] for n in b] for b in batches]), strict=True
    ):
        out.update(zip(b, results, strict=True))
    return out
