"""From many reports to trips: merge itineraries with provenance, as known on any day.

:func:`merge` combines itineraries (drafts extracted from articles, hand-written files, earlier
merges) into trips, one per traveller and journey:

* **Travellers** are matched by :mod:`itinerary.people`: the same name across spellings,
  titles and scripts, a part holding whole words ("Putin" in "Vladimir Putin"), or a known
  alias (flagged); look-alikes that are not matched are listed as kept apart. With several
  inputs, a name that is an institution, a country or a visited place is not a traveller: its
  trip, like a trip with no name, joins the traveller its own article names when they share a
  place (for review), else is left out and reported.
* **Trips** are cut by time: a traveller's stops split where more than ``TRIP_GAP_DAYS`` days
  pass without a stop (stops without a day follow their report's other stops, or the weeks
  around its publication); a trip's id and title carry its dates. One input keeps its trips.
* **Stops** are matched by place (the same gazetteer id, the same kind within a radius, or the
  same name when a side is not resolved) when their dates and roles agree and they happened
  at most ``TRIP_GAP_DAYS`` apart; a return to a place (days later, or origin against
  destination) stays a separate stop. A landmark inside a city visited the same day joins that
  stop, and so does a country stop when one city of that country is visited then.
* **Status** follows the latest source that speaks of the stop: planned becomes confirmed or
  cancelled, a confirmed stop never goes back to planned. **Dates** are reconciled to the
  most precise consistent value; disagreements set ``needs_review`` with a note naming the
  sources and their values. ``needs_review`` from any source is kept; a stop cancelled then
  back, a traveller matched by alias and a stop only one of many sources reports are noted.
* **Order** comes from the dates, then from the sources' own order, the earliest source first
  (a stop later cancelled stays where the plan had it), an undated origin first.
* **Provenance**: every stop keeps ``sources`` (the quote's first), ``history`` (what each
  source said) and ``corroboration`` (independent sources: copies of one agency text, found
  by near-identical quotes or the same URL, count once).

The result is a function of the set of inputs: they are put in an order of their own content
and ties are broken by publication day and source id, never by position; merging a merged
file again, with or without its drafts, gives the same file.

``as_of`` keeps only what was published by that day, so the trip can be shown as it was
known on any day (:func:`as_known_on`). A source without a publication date takes its file's
``as_of``; with neither, it is always kept. A merged file keeps the latest quote and all notes
of a stop, so an earlier state shows its status, date and sources, but no quote published later.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
import warnings
from collections import Counter, defaultdict
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from anyascii import anyascii
from rapidfuzz import fuzz

from itinerary import fields, people
from itinerary.coords import SAME_CITY_KM, haversine_km
from itinerary.errors import MergeError, MergeWarning
from itinerary.fields import Field
from itinerary.groups import DisjointSets
from itinerary.identity import UNKNOWN_TRAVELLER, in_travel_order, latest_status, same_place, unique_id
from itinerary.model import DateSpan, Itinerary, Place, Precision, Report, Role, Source, Status, Stop, Trip

__all__ = ["MergeReport", "as_known_on", "merge", "merge_report", "same_traveller"]

CITY_RADIUS_KM = SAME_CITY_KM  # the same city, however each source's gazetteer placed it
SITE_RADIUS_KM = 2.0  # the same landmark without the same id or name
LANDMARK_IN_CITY_KM = 30.0  # a landmark this close to a city visited that day is part of that stop
REPRINT_RATIO = 90.0  # rapidfuzz ratio between two quotes that are one agency text
REPRINT_MIN_CHARS = 40
# Days without a stop that end a trip: a traveller's stops further apart than this are two trips,
# and two reports of one place further apart than this are two stops, whatever the place.
TRIP_GAP_DAYS = 4
UNDATED_DAYS = 30  # an undated stop happened within this many days of the report's publication
MANY_SOURCES = 3  # a trip reported by this many independent sources flags a stop only one reports
_NON_WORD = re.compile(r"[^a-z0-9]+")


# ---------------------------------------------------------------- report


@dataclass(frozen=True)
class MergeReport:
    """What a merge did: whom it matched, what it left out and what needs a look."""

    travellers: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (name kept, spellings merged)
    sources: tuple[str, ...] = ()  # source ids merged
    skipped: tuple[str, ...] = ()  # source ids published after as_of
    reprints: tuple[tuple[str, ...], ...] = ()  # groups of sources that are one text
    conflicts: tuple[str, ...] = ()  # "trip/place: note" for every disagreement kept
    disjoint: bool = False  # several inputs, no traveller in common
    refused: tuple[tuple[str, str], ...] = ()  # (name, why it is not a traveller, where its stops went)
    kept_apart: tuple[tuple[str, str], ...] = ()  # names that look alike, not taken as one person
    aliases: tuple[tuple[str, str], ...] = ()  # (name, name) joined by the known alias list only
    review: tuple[tuple[str, int], ...] = ()  # (trip id, stops that need review)

    def lines(self) -> list[str]:
        """The report as short lines for a terminal."""
        out = [f"traveller {name}: {', '.join(spell)}" for name, spell in self.travellers if len(spell) > 1]
        out += [f"taken as one person by alias: '{a}' and '{b}'" for a, b in self.aliases]
        out += [f"kept apart: '{a}' and '{b}'" for a, b in self.kept_apart]
        out += [f"not a traveller: '{n}' ({why})" for n, why in self.refused]
        out += [f"reprints counted once: {', '.join(g)}" for g in self.reprints]
        if self.skipped:
            out.append(f"published after the as-of date, left out: {', '.join(self.skipped)}")
        out += [f"needs review: {c}" for c in self.conflicts]
        out += [f"trip {t}: {n} stop{'s' if n != 1 else ''} to review" for t, n in self.review]
        return out


# ---------------------------------------------------------------- travellers


def same_traveller(a: str, b: str) -> bool:
    """True when two names are one person: the same name, a transliteration, a part of the other
    or a known alias (see :mod:`itinerary.people`)."""
    return people.match(a, b) is not None


def _is_unknown(name: str) -> bool:
    return people.not_a_person(name) == "no name"


def _display_name(names: list[str]) -> str:
    """The alias list's name when it is given or fuller; else Latin script first, then the fullest
    (titles aside), then the fewest titles, the most frequent, the first in alphabetical order."""
    shown = people.display_name(names)
    if shown is not None:
        return shown
    counts = Counter(names)
    return min(
        counts,
        key=lambda n: (not people.latin(n), -len(people.tokens(n)), len(n.split()), -counts[n], n),
    )


# ---------------------------------------------------------------- observations


@dataclass(frozen=True)
class _Obs:
    """One source's word on one stop."""

    stop: Stop
    source: str | None
    status: Status
    date: DateSpan
    published: dt.date | None
    seq: int  # input order: which itinerary, trip and stop
    trip_key: int  # the input trip it comes from
    position: float  # place in its trip, 0..1
    quote: str | None = None  # the stop's quote, when it is this source's
    anchor: tuple[dt.date, dt.date] | None = None  # when it happened, as near as can be told
    dated: bool = False  # the anchor is known (its days), not only a bound (see _anchor)
    alias: str | None = None  # the traveller's name, when it was joined by the alias list

    @property
    def sort_key(self) -> tuple[dt.date, str, int]:
        """Publication day, then source id: never the position of an input."""
        return (self.published or dt.date.min, self.source or "", self.seq)


def _runs(days: list[tuple[dt.date, dt.date]]) -> list[tuple[dt.date, dt.date]]:
    """Spans joined where less than ``TRIP_GAP_DAYS`` days separate them."""
    out: list[tuple[dt.date, dt.date]] = []
    for start, end in sorted(days):
        if out and (start - out[-1][1]).days <= TRIP_GAP_DAYS:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _context(dates: list[DateSpan], published: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """The days an input trip is about: its run of day-precise dates nearest its publication."""
    runs = _runs([(d.start, d.end) for d in dates if d.precision is Precision.DAY and d.start and d.end])
    if not runs:
        return None
    if published is None:
        return max(runs, key=lambda r: ((r[1] - r[0]).days, r[0]))
    return min(runs, key=lambda r: (max((r[0] - published).days, (published - r[1]).days, 0), r[0]))


def _anchor(
    date: DateSpan, context: tuple[dt.date, dt.date] | None, published: dt.date | None
) -> tuple[tuple[dt.date, dt.date] | None, bool]:
    """When a report's stop happened, as near as can be told, and whether that is known (its own
    day or days, or the days its trip is about) or only a bound (its month or year, or a month
    either side of its publication day when it has no date)."""
    if date.start is not None and date.end is not None:
        if date.precision is Precision.DAY:
            return (date.start, date.end), True
        if context and context[0] <= date.end and context[1] >= date.start:
            return (max(context[0], date.start), min(context[1], date.end)), True
        if date.precision is Precision.MONTH or not published or not date.start <= published <= date.end:
            return (date.start, date.end), False
    elif context:
        return context, True
    if published is None:
        return None, False
    near = dt.timedelta(days=UNDATED_DAYS)
    return (max(published - near, dt.date.min), min(published + near, dt.date.max)), False


@dataclass
class _Cluster:
    obs: list[_Obs] = field(default_factory=list)
    landmarks: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _coarse_kind(stop: Stop) -> str | None:
    r = stop.resolved
    if r is None:
        return None
    if r.kind in ("country", "region", "city"):
        return r.kind
    return "site"


def _norm(text: str | None) -> str:
    return " ".join(_NON_WORD.split(anyascii(text or "").lower())).strip()


def _names(stop: Stop) -> set[str]:
    out = {_norm(stop.place), _norm(stop.resolved.name) if stop.resolved else ""}
    return {n for n in out if n}


def _same_place(a: Stop, b: Stop) -> bool:
    ra, rb = a.resolved, b.resolved
    if ra is not None and rb is not None:
        if ra.id == rb.id:
            return True
        return _same_resolved(ra, rb, _coarse_kind(a), _coarse_kind(b))
    la, lb = a.latlon, b.latlon
    if a.pinned and b.pinned and la is not None and lb is not None:
        return haversine_km(*la, *lb) <= CITY_RADIUS_KM
    return any(fuzz.ratio(x, y) >= 90 for x in _names(a) for y in _names(b))


def _same_resolved(ra: Place, rb: Place, ka: str | None, kb: str | None) -> bool:
    if ka != kb:
        return False
    if ka == "country":
        return bool(ra.country_code) and ra.country_code == rb.country_code
    if ka == "region":
        return ra.country_code == rb.country_code and _norm(ra.name) == _norm(rb.name)
    if ka == "city":
        return same_place(ra, rb, CITY_RADIUS_KM)
    return same_place(ra, rb, SITE_RADIUS_KM) or (
        same_place(ra, rb, CITY_RADIUS_KM) and fuzz.ratio(_norm(ra.name), _norm(rb.name)) >= 90
    )


def _gap_days(a: DateSpan, b: DateSpan) -> int | None:
    """Days between two spans (0 or less when they overlap); None when either is unknown."""
    if a.start is None or a.end is None or b.start is None or b.end is None:
        return None
    return (max(a.start, b.start) - min(a.end, b.end)).days


@dataclass
class _Span:
    """What :func:`_compatible` looks at in a group of observations, kept as they are added:
    the roles, and the latest start and earliest end of the dated ones. Every pair's
    ``_gap_days`` is then a comparison with these, not a loop over the members."""

    roles: set[Role] = field(default_factory=set)
    max_start: dt.date | None = None
    min_end: dt.date | None = None
    max_own: int = -(10**9)  # the largest start - end of a member, in days (never above 0)
    anchor_start: dt.date | None = None  # the latest start of the members' anchors
    anchor_end: dt.date | None = None  # the earliest end of the members' anchors

    @classmethod
    def of(cls, obs: Iterable[_Obs]) -> _Span:
        span = cls()
        for o in obs:
            span.add(o)
        return span

    def add(self, o: _Obs) -> None:
        self.roles.add(o.stop.role)
        start, end = o.date.start, o.date.end
        if start is not None and end is not None:
            self.max_start = start if self.max_start is None else max(self.max_start, start)
            self.min_end = end if self.min_end is None else min(self.min_end, end)
            self.max_own = max(self.max_own, (start - end).days)
        if o.anchor is not None:
            a, b = o.anchor
            self.anchor_start = a if self.anchor_start is None else max(self.anchor_start, a)
            self.anchor_end = b if self.anchor_end is None else min(self.anchor_end, b)

    def too_far(self, other: _Span) -> bool:
        """Some member of each side happened more than ``TRIP_GAP_DAYS`` apart: never one stop."""
        if None in (self.anchor_start, self.anchor_end, other.anchor_start, other.anchor_end):
            return False
        assert self.anchor_start and self.anchor_end and other.anchor_start and other.anchor_end
        gap = max((other.anchor_start - self.anchor_end).days, (self.anchor_start - other.anchor_end).days)
        return gap > TRIP_GAP_DAYS

    def opposite(self, other: _Span) -> bool:
        """One side has an origin where the other has a destination: a departure and a return."""
        return (Role.ORIGIN in self.roles and Role.DESTINATION in other.roles) or (
            Role.DESTINATION in self.roles and Role.ORIGIN in other.roles
        )

    def widest_gap(self, o: _Obs) -> int | None:
        """The largest ``_gap_days(o.date, x.date)`` over the members; None when none applies."""
        start, end = o.date.start, o.date.end
        if start is None or end is None or self.max_start is None or self.min_end is None:
            return None
        return max((start - end).days, (start - self.min_end).days, (self.max_start - end).days, self.max_own)

    def fits(self, other: _Span, slack: int) -> bool:
        """``_compatible`` for every pair of members, one from each side."""
        if self.opposite(other):
            return False
        if None in (self.max_start, self.min_end, other.max_start, other.min_end):
            return True
        assert self.max_start and self.min_end and other.max_start and other.min_end
        return max((other.max_start - self.min_end).days, (self.max_start - other.min_end).days) <= slack


def _compatible(a: _Obs, b: _Obs, slack: int = 1) -> bool:
    """Could both be the same visit? Dates at most ``slack`` days apart, origin is not destination."""
    if {a.stop.role, b.stop.role} == {Role.ORIGIN, Role.DESTINATION}:
        return False
    gap = _gap_days(a.date, b.date)
    return gap is None or gap <= slack


# ---------------------------------------------------------------- inputs


@dataclass
class _Inputs:
    sources: dict[str, Source] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    trips: list[tuple[int, Trip, dict[str, str], Itinerary]] = field(default_factory=list)


def _name(it: Itinerary, i: int) -> str:
    return it.title or f"input {i + 1}"


def _check_versions(itineraries: Sequence[Itinerary]) -> None:
    versions = Counter(it.version for it in itineraries)
    if len(versions) > 1:
        listed = "; ".join(f"{_name(it, i)}: {it.version}" for i, it in enumerate(itineraries))
        raise MergeError(
            f"the itineraries are in different format versions ({listed}); "
            "convert them to one version before merging"
        )


def _collect(itineraries: Sequence[Itinerary], as_of: dt.date | None) -> _Inputs:
    """Sources by id (renamed when two different sources share an id) and the trips to merge."""
    out = _Inputs()
    for i, it in enumerate(itineraries):
        renamed: dict[str, str] = {}
        for s in it.sources:
            s = dataclasses.replace(s, published=s.published or it.as_of)
            sid, n = s.id, 1
            while sid in out.sources and dataclasses.replace(out.sources[sid], id=s.id) != s:
                n += 1
                sid = f"{s.id}-{n}"
            renamed[s.id] = sid
            out.sources[sid] = dataclasses.replace(s, id=sid)
        for t in it.trips:
            out.trips.append((i, t, renamed, it))
    if as_of is not None:
        out.skipped = sorted(k for k, s in out.sources.items() if s.published and s.published > as_of)
    return out


def _observations(inputs: _Inputs, as_of: dt.date | None) -> list[tuple[str, list[_Obs]]]:
    """(traveller as written, observations) for every input trip, in input order."""
    out: list[tuple[str, list[_Obs]]] = []
    seq = 0
    for key, (_, trip, renamed, it) in enumerate(inputs.trips):
        obs: list[_Obs] = []
        n = max(len(trip.stops) - 1, 1)
        reports = [(pos, stop, *r) for pos, stop in enumerate(trip.stops) for r in _reports(stop)]
        sids = [renamed.get(src, src) if src else _only_source(it, renamed) for _, _, src, _, _ in reports]
        known = [inputs.sources[sid].published if sid in inputs.sources else it.as_of for sid in sids]
        day = max((k for k in known if k), default=it.as_of)
        context = _context([d for *_, d in reports], day)
        for (pos, stop, src, status, date), sid, published in zip(reports, sids, known, strict=True):
            if as_of is not None and published is not None and published > as_of:
                continue
            seq += 1
            quote = stop.quote if src == stop.source or len(stop.all_sources) < 2 else None
            anchor, dated = _anchor(date, context, published)
            obs.append(_Obs(stop, sid, status, date, published, seq, key, pos / n, quote, anchor, dated))
        out.append((trip.traveller, obs))
    return out


def _reports(stop: Stop) -> list[tuple[str | None, Status, DateSpan]]:
    """What the stop records of each source: its history, else its one status and date."""
    if stop.history:
        return [(h.source, h.status, h.date) for h in stop.history]
    srcs = stop.all_sources or (None,)
    return [(s, stop.status, stop.date) for s in srcs]


def _only_source(it: Itinerary, renamed: dict[str, str]) -> str | None:
    return renamed.get(it.sources[0].id) if len(it.sources) == 1 else None


# ---------------------------------------------------------------- clustering


_CELL_DEG = 0.5  # grid cells of the place index


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / _CELL_DEG), math.floor(lon / _CELL_DEG) % round(360 / _CELL_DEG)


def _cells_near(lat: float, lon: float, km: float) -> list[tuple[int, int]]:
    """The grid cells that hold every point within ``km`` of (lat, lon)."""
    row, col = _cell(lat, lon)
    dlat = math.ceil(km / 111.0 / _CELL_DEG)
    cos = max(math.cos(math.radians(min(abs(lat) + dlat * _CELL_DEG, 89.9))), 1e-6)
    dlon = min(math.ceil(km / (111.0 * cos) / _CELL_DEG), round(180 / _CELL_DEG))
    width = round(360 / _CELL_DEG)
    cols = {(col + k) % width for k in range(-dlon, dlon + 1)}
    return [(r, c) for r in range(row - dlat, row + dlat + 1) for c in sorted(cols)]


class _PlaceIndex:
    """Items (clusters) by the place of a stop, so that a stop is compared only with those that
    can be the same place by :func:`_same_place`: the same id, the same country or region, the
    same kind nearby; items whose stop is not resolved are always candidates, and so is every
    item for a stop that is not resolved (compared by name)."""

    def __init__(self, radius_km: float = CITY_RADIUS_KM) -> None:
        self.radius_km = radius_km
        self.keyed: dict[tuple[object, ...], list[int]] = defaultdict(list)
        self.loose: list[int] = []
        self.count = 0

    def _keys(self, stop: Stop) -> list[tuple[object, ...]]:
        r, kind = stop.resolved, _coarse_kind(stop)
        assert r is not None
        keys: list[tuple[object, ...]] = [("id", r.id)]
        if kind == "country":
            keys.append(("country", r.country_code))
        elif kind == "region":
            keys.append(("region", r.country_code, _norm(r.name)))
        else:
            keys.append((kind, *_cell(r.lat, r.lon)))
        return keys

    def add(self, i: int, stop: Stop) -> None:
        self.count = max(self.count, i + 1)
        if stop.resolved is None:
            self.loose.append(i)
            return
        for key in self._keys(stop):
            self.keyed[key].append(i)

    def candidates(self, stop: Stop) -> list[int]:
        r, kind = stop.resolved, _coarse_kind(stop)
        if r is None:
            return list(range(self.count))
        found = set(self.loose) | set(self.keyed.get(("id", r.id), ()))
        if kind in ("country", "region"):
            for key in self._keys(stop)[1:]:
                found.update(self.keyed.get(key, ()))
        else:
            for cell in _cells_near(r.lat, r.lon, self.radius_km):
                found.update(self.keyed.get((kind, *cell), ()))
        return sorted(found)


def _cluster(trips: list[list[_Obs]]) -> list[_Cluster]:
    """Stops of one traveller grouped by place and visit, earliest reports first."""
    clusters: list[_Cluster] = []
    spans: list[_Span] = []
    index = _PlaceIndex()
    home: dict[int, int] = {}  # id(stop) -> its cluster: one stop reported by several sources
    ordered = sorted(trips, key=lambda obs: min((o.sort_key for o in obs), default=(dt.date.min, "", 0)))
    for obs in ordered:
        taken: set[int] = set()
        for o in obs:
            best = home.get(id(o.stop))
            if best is None:
                best = _best_cluster(o, clusters, spans, taken, index)
            if best is None:
                best = len(clusters)
                clusters.append(_Cluster([o]))
                spans.append(_Span())
                index.add(best, o.stop)
            else:
                clusters[best].obs.append(o)
            spans[best].add(o)
            taken.add(best)
            home.setdefault(id(o.stop), best)
    return clusters


def _best_cluster(
    o: _Obs, clusters: list[_Cluster], spans: list[_Span], taken: set[int], index: _PlaceIndex
) -> int | None:
    """The cluster of the same place whose every member could be the same visit as ``o``
    (``_compatible``), the closest in dates, then in position in the trip."""
    scored = []
    alone = _Span.of([o])
    for i in index.candidates(o.stop):
        c = clusters[i]
        if i in taken or not _same_place(c.obs[0].stop, o.stop) or spans[i].opposite(alone):
            continue
        if spans[i].too_far(alone):
            continue
        gap = spans[i].widest_gap(o)
        if gap is not None and gap > 1:
            continue
        scored.append((gap if gap is not None else 0, abs(c.obs[0].position - o.position), i))
    return min(scored)[2] if scored else None


def _absorb(clusters: list[_Cluster]) -> list[_Cluster]:
    """A landmark beside a city visited the same day, or a country with one such city, joins it.

    Hosts are looked up by country (for a country) and by grid cell (for a landmark): a host's
    lead stays a city or a site while it takes guests in, so the index holds throughout."""
    by_country: dict[str | None, list[int]] = defaultdict(list)
    cities = _PlaceIndex(LANDMARK_IN_CITY_KM)
    for i, c in enumerate(clusters):
        lead = _lead(c).stop
        kind = _coarse_kind(lead)
        if kind in ("city", "site") and lead.resolved is not None:
            by_country[lead.resolved.country_code].append(i)
            if kind == "city":
                cities.add(i, lead)
    gone: set[int] = set()
    for i, c in enumerate(clusters):
        guest = _lead(c).stop
        kind = _coarse_kind(guest)
        if kind not in ("site", "country") or guest.resolved is None:
            continue
        if kind == "country":
            near = by_country.get(guest.resolved.country_code, [])
        else:
            near = cities.candidates(dataclasses.replace(guest, resolved=_as_city(guest.resolved)))
        hosts = [j for j in near if j != i and j not in gone and _hosts(clusters[j], c, kind)]
        if len(hosts) != 1:
            continue
        host = clusters[hosts[0]]
        said = {o.source for o in host.obs}  # a source that names the city itself is taken at its word
        host.obs.extend(o for o in c.obs if o.source not in said or o.source is None)
        if kind == "site":
            host.landmarks.append(guest.label)
        gone.add(i)
    return [c for i, c in enumerate(clusters) if i not in gone]


def _as_city(place: Place) -> Place:
    return dataclasses.replace(place, kind="city", id=f"{place.id}#as-city")


def _hosts(host: _Cluster, guest: _Cluster, kind: str) -> bool:
    h, g = _lead(host).stop, _lead(guest).stop
    if _coarse_kind(h) not in (("city", "site") if kind == "country" else ("city",)) or h.resolved is None:
        return False
    if g.resolved is None:
        return False
    if kind == "site":
        near = haversine_km(h.resolved.lat, h.resolved.lon, g.resolved.lat, g.resolved.lon)
        if near > LANDMARK_IN_CITY_KM:
            return False
    elif h.resolved.country_code != g.resolved.country_code:
        return False
    hs, gs = _Span.of(host.obs), _Span.of(guest.obs)
    return hs.fits(gs, slack=0 if kind == "site" else 1) and not hs.too_far(gs)


_SPECIFIC = {"city": 4, "site": 3, "region": 2, "country": 1, None: 0}


def _lead(c: _Cluster) -> _Obs:
    """The observation that names the stop: a city (its landmarks join it), a site, then areas."""
    return max(c.obs, key=lambda o: (_SPECIFIC[_coarse_kind(o.stop)], o.stop.confidence or 0.0, -o.seq))


# ---------------------------------------------------------------- reconciling


def _status(obs: list[_Obs]) -> tuple[Status, _Obs, list[str]]:
    """The stop's status by :func:`itinerary.identity.latest_status`, the report that decided it and
    the notes for review."""
    ordered = sorted(obs, key=lambda o: o.sort_key)
    verdict = latest_status([(o.source, o.status) for o in ordered])
    return verdict.status, ordered[verdict.decider], list(verdict.notes)


def _span_text(start: dt.date, end: dt.date) -> str:
    return start.isoformat() if start == end else f"{start.isoformat()}/{end.isoformat()}"


def _dates(obs: list[_Obs]) -> tuple[DateSpan, list[str]]:
    """The most precise value all sources agree with; else the latest source's, with a note."""
    dated = [o for o in sorted(obs, key=lambda o: o.sort_key) if o.date.known]
    if not dated:
        return DateSpan(), []
    rank = {Precision.DAY: 0, Precision.MONTH: 1, Precision.YEAR: 2, Precision.UNKNOWN: 3}
    finest = min(rank[o.date.precision] for o in dated)
    fine = [o for o in dated if rank[o.date.precision] == finest]
    # every two overlap (``_gap_days`` <= 0): the latest start is not after the earliest end
    consistent = len(dated) < 2 or (
        all(o.date.start and o.date.end for o in dated)
        and max(o.date.start for o in dated if o.date.start) <= min(o.date.end for o in dated if o.date.end)
    )
    if consistent:
        if finest == 0:
            start = min(o.date.start for o in fine if o.date.start)
            end = max(o.date.end for o in fine if o.date.end)
            return DateSpan.parse(_span_text(start, end)), []
        return fine[-1].date, []
    values: dict[str, list[str]] = {}
    for o in dated:
        values.setdefault(str(o.date), []).append(o.source or "a source without id")
    said = "; ".join(f"{', '.join(dict.fromkeys(s))}: {v}" for v, s in values.items())
    agree = Counter(str(o.date) for o in fine)
    best = max(
        fine,
        key=lambda o: (
            o.sort_key[0],
            o.date == o.stop.date,
            _SPECIFIC[_coarse_kind(o.stop)],
            agree[str(o.date)],
            o.sort_key[1:],
        ),
    )
    kept = best.date
    return kept, [f"dates disagree ({said}); kept {kept} from the latest, most precise report"]


def _role(obs: list[_Obs]) -> Role:
    """The latest report's role; an origin stays an origin (drafts rarely say where a trip began)."""
    if any(o.stop.role is Role.ORIGIN for o in obs):
        return Role.ORIGIN
    return obs[-1].stop.role


def _place_text(obs: list[_Obs], lead: _Obs) -> str | None:
    kind = _coarse_kind(lead.stop)
    same = [o for o in obs if _coarse_kind(o.stop) == kind and o.stop.place]
    latin = [o.stop.place for o in same if o.stop.place and anyascii(o.stop.place) == o.stop.place]
    if latin:
        counts = Counter(latin)
        return max(reversed(latin), key=lambda p: counts[p])
    if lead.stop.resolved is not None:
        return lead.stop.resolved.name
    return lead.stop.place


def _unconfirmed(status: Status, date: DateSpan, obs: list[_Obs], known_on: dt.date | None) -> str | None:
    """A planned stop whose day has passed by ``known_on`` while no report since says what became
    of it: kept planned (that is what was reported), with a note asking for a later source."""
    if status is not Status.PLANNED or known_on is None or date.end is None or date.end >= known_on:
        return None
    latest = max((o.published for o in obs if o.published), default=None)
    if latest is not None and latest > date.end:
        return None
    said = f" (last reported on {latest.isoformat()})" if latest else ""
    return (
        f"planned for {date}{said}; no report after that date says whether it happened, "
        f"as known on {known_on.isoformat()}"
    )


@dataclass(frozen=True)
class _Merging:
    """What the policies of a stop's fields read: its reports in publication order, the status
    and date worked out once, the report that names the place and the one whose quote is kept."""

    obs: list[_Obs]
    cluster: _Cluster
    status: Status
    date: DateSpan
    lead: _Obs
    quoted: _Obs
    sources: tuple[str, ...]
    corroboration: int
    notes: list[str]  # disagreements found by the merge (they set needs_review)
    stale: str | None  # a planned stop whose day has passed with no later word

    def values(self, name: str) -> list[object]:
        """The field's value in each report, the latest last."""
        return [getattr(o.stop, name) for o in self.obs]


def _latest(f: Field, m: _Merging) -> object:
    """The latest report that gives a value, else the latest report's own."""
    return next((v for v in reversed(m.values(f.name)) if v), m.values(f.name)[-1])


def _lead_value(f: Field, m: _Merging) -> object:
    """The value of the report that names the place (see ``_lead``), else the latest given."""
    return getattr(m.lead.stop, f.name) or _latest(f, m)


def _max(f: Field, m: _Merging) -> object:
    given = [v for v in m.values(f.name) if v is not None]
    return max(given) if given else None  # type: ignore[type-var]


def _pinned(f: Field, m: _Merging) -> object:
    """The coordinates of the latest report that pins the stop."""
    pinned = next((o.stop for o in reversed(m.obs) if o.stop.pinned), None)
    return getattr(pinned, f.name) if pinned else None


def _notes(f: Field, m: _Merging) -> str | None:
    own = [part for o in m.obs if o.stop.note for part in o.stop.note.split(" | ")]
    if m.cluster.landmarks:
        own.append("landmarks: " + ", ".join(sorted(set(m.cluster.landmarks))))
    note = list(dict.fromkeys([*own, *m.cluster.notes, *m.notes, *([m.stale] if m.stale else [])]))
    return " | ".join(note) or None


def _history(f: Field, m: _Merging) -> tuple[Report, ...]:
    history = tuple(dict.fromkeys(Report(o.source, o.status, o.date) for o in m.obs if o.source))
    return history if len(history) > 1 or len(m.sources) > 1 else ()


#: How a stop's value is made from its reports, by the ``merge`` column of the field table.
POLICIES: dict[str, Callable[[Field, _Merging], Any]] = {
    "latest": _latest,
    "lead": _lead_value,
    "max": _max,
    "union": lambda f, m: m.sources if len(m.sources) > 1 else (),
    "status": lambda f, m: m.status,
    "date": lambda f, m: m.date,
    "naming": lambda f, m: _place_text(m.obs, m.lead),
    "role": lambda f, m: _role(m.obs),
    "pinned": _pinned,
    "quoted": lambda f, m: m.quoted.quote if f.name == "quote" else (m.sources[0] if m.sources else None),
    "notes": _notes,
    "review": lambda f, m: bool(m.notes) or m.stale is not None or any(o.stop.needs_review for o in m.obs),
    "independent": lambda f, m: m.corroboration,
    "history": _history,
}


def _build_stop(
    c: _Cluster, groups: dict[str, int], known_on: dt.date | None, independent: int
) -> tuple[Stop, list[str]]:
    """One stop from its reports, a value for every field of the field table by its merge policy;
    ``independent`` is how many independent sources its trip has."""
    m = _merging(c, groups, known_on, independent)
    values: dict[str, Any] = {f.name: POLICIES[f.merge](f, m) for f in fields.STOP if not f.derived}
    return Stop(**values), m.notes


def _merging(c: _Cluster, groups: dict[str, int], known_on: dt.date | None, independent: int) -> _Merging:
    obs = sorted(c.obs, key=lambda o: o.sort_key)
    status, decider, notes = _status(obs)
    date, date_notes = _dates(obs)
    notes += date_notes
    quoted = decider if decider.quote else next((o for o in reversed(obs) if o.quote), decider)
    srcs = tuple(s for s in dict.fromkeys([quoted.source, *(o.source for o in obs)]) if s)
    corroboration = len({groups.get(s, 0) for s in srcs}) if srcs else 0
    aliases = sorted({o.alias for o in obs if o.alias})
    if aliases:
        notes.append(
            f"traveller named {', '.join(repr(a) for a in aliases)}, taken as the same person by alias"
        )
    if independent >= MANY_SOURCES and corroboration == 1 and status is not Status.CANCELLED:
        notes.append(f"reported by one source of the {independent} about this trip")
    stale = _unconfirmed(status, date, obs, known_on)
    return _Merging(obs, c, status, date, _lead(c), quoted, srcs, corroboration, notes, stale)


def _order(clusters: list[_Cluster], stops: list[Stop]) -> list[Stop]:
    """Sources' own order (each trip's stops inserted after the one before them, the earliest
    source first, so a stop later cancelled stays where the plan had it), then dates; an origin
    without a date comes first."""
    seq: list[int] = []
    by_trip: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for i, c in enumerate(clusters):
        for o in c.obs:
            by_trip[o.trip_key].append((o.seq, i))
    first: dict[int, tuple[dt.date, str, int]] = {}
    for c in clusters:
        for o in c.obs:
            first[o.trip_key] = min(first.get(o.trip_key, o.sort_key), o.sort_key)
    for key in sorted(first, key=first.__getitem__):  # the earliest source lays out the plan
        order = list(dict.fromkeys(i for _, i in sorted(by_trip[key])))
        known = [i for i in order if i in seq]
        prev = (
            seq.index(known[0]) - 1 if known else len(seq) - 1
        )  # new leading stops go before the first known
        for i in order:
            if i in seq:
                prev = seq.index(i)
            else:
                seq.insert(prev + 1, i)
                prev += 1
    return list(in_travel_order(stops[i] for i in seq))


# ---------------------------------------------------------------- reprints


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


# ---------------------------------------------------------------- trips


@dataclass
class _Person:
    names: list[str] = field(default_factory=list)
    obs: list[list[_Obs]] = field(default_factory=list)
    trips: list[Trip] = field(default_factory=list)
    obs_keys: list[int] = field(default_factory=list)  # the input trip of each of ``trips``
    inputs: set[int] = field(default_factory=set)
    places: dict[tuple[object, ...], Stop] = field(default_factory=dict)  # one stop per distinct place


@dataclass
class _Travellers:
    """Who is who: the people found, the names refused and the look-alikes kept apart."""

    people: list[_Person]
    refused: list[tuple[str, str]]  # (name, why it is not a person)
    kept_apart: tuple[tuple[str, str], ...]
    aliases: tuple[tuple[str, str], ...]


def _place_names(observed: list[tuple[str, list[_Obs]]]) -> set[str]:
    names: set[str] = set()
    for _, obs in observed:
        for o in obs:
            names.update(n for n in (o.stop.place, o.stop.resolved.name if o.stop.resolved else None) if n)
    return names


def _people(inputs: _Inputs, observed: list[tuple[str, list[_Obs]]], several: bool) -> _Travellers:
    """Input trips by person. With several inputs, a name that is not a person (an institution, a
    country, a place the trips visit) is refused; a trip without a name joins the only traveller
    or the one of its own sources sharing its places, for review, and is refused when there is
    none. One input is taken as written."""
    places = frozenset(_place_names(observed))
    names = sorted({name for name, _ in observed})
    if several:
        why = {name: people.not_a_person(name, places) for name in names}
    else:  # one file (a hand-written trip, or the map of a day): its names are taken as written
        why = {name: "no name" if _is_unknown(name) else None for name in names}
    grouping = people.group_names(n for n, w in why.items() if w is None)
    found = [_Person(names=list(g)) for g in grouping.groups]
    index = {n: p for p in found for n in p.names}
    alias_of = dict(grouping.aliases)
    refused: list[tuple[str, str]] = []
    unnamed: list[int] = []
    for k, (name, obs) in enumerate(observed):
        person = index.get(name)
        if person is None:
            unnamed.append(k)
            continue
        if name in alias_of:
            obs = [dataclasses.replace(o, alias=name) for o in obs]
        _add(person, inputs, k, obs, name)
    refused += _place_unnamed(inputs, observed, unnamed, found, several, why)
    return _Travellers(
        [p for p in found if any(p.obs)],
        sorted(set(refused)),
        grouping.kept_apart,
        grouping.aliases,
    )


def _place_unnamed(
    inputs: _Inputs,
    observed: list[tuple[str, list[_Obs]]],
    unnamed: list[int],
    found: list[_Person],
    several: bool,
    why: dict[str, str | None],
) -> list[tuple[str, str]]:
    """Each trip without a person's name (none, or not a person's: ``why``) joins the traveller
    its own article names (see :func:`_adopt`) for review; with no such traveller, a name that is
    no person's is refused (reported), and a trip with no name is kept as an unknown traveller's
    (its stops are not lost)."""
    refused: list[tuple[str, str]] = []
    owners: dict[str | None, dict[int, _Person]] = defaultdict(dict)  # source -> the people it names
    for p in found:
        for src in {o.source for t in p.obs for o in t}:
            owners[src][id(p)] = p
    for k in unnamed:
        name, obs = observed[k]
        mine = {o.source for o in obs}
        candidates = {i: p for src in sorted(mine, key=str) for i, p in owners.get(src, {}).items()}
        reason = why.get(name) or "no name"
        person = _adopt(list(candidates.values()), obs)
        if person is None and reason != "no name":
            if obs:
                refused.append(
                    (
                        name or UNKNOWN_TRAVELLER,
                        f"{reason}; its stops left out: no traveller of its article to give them to",
                    )
                )
            continue
        if person is None:
            person = _Person(names=[name or UNKNOWN_TRAVELLER])
            found.append(person)
        else:  # the traveller is assumed: the stops need a look
            if reason != "no name" and obs:
                refused.append(
                    (name, f"{reason}; its stops given to the traveller of its article, for review")
                )
            doubtful = {id(o.stop): dataclasses.replace(o.stop, needs_review=True) for o in obs}
            obs = [dataclasses.replace(o, stop=doubtful[id(o.stop)]) for o in obs]
        for src in mine:
            owners[src][id(person)] = person
        _add(person, inputs, k, obs, name if reason == "no name" else UNKNOWN_TRAVELLER)
    return refused


def _add(person: _Person, inputs: _Inputs, k: int, obs: list[_Obs], name: str) -> None:
    if not obs:  # nothing of this trip was published by the as-of day
        return
    person.names.append(name)
    person.obs.append(obs)
    for o in obs:  # what _same_place looks at
        person.places.setdefault((o.stop.resolved, o.stop.place, o.stop.lat, o.stop.lon), o.stop)
    person.trips.append(inputs.trips[k][1])
    person.obs_keys.append(k)
    person.inputs.add(inputs.trips[k][0])


def _adopt(candidates: list[_Person], obs: list[_Obs]) -> _Person | None:
    """The traveller an unnamed trip belongs to: the only one of the ``candidates`` (the people its
    own sources name), or the one of them that shares its places; another article's is never
    assumed (an invisible or missing name does not join "Kim Jong Un" of another report)."""
    named = [p for p in candidates if any(p.obs)]
    if len(named) == 1:
        return named[0]
    shared = [
        (sum(any(_same_place(o.stop, x) for x in p.places.values()) for o in obs), i)
        for i, p in enumerate(named)
    ]
    best = max(shared, default=(0, -1))
    if best[0] == 0 or [s for s, _ in shared].count(best[0]) > 1:
        return None
    return named[best[1]]


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


# ---------------------------------------------------------------- public


def _input_key(it: Itinerary) -> tuple[dt.date, tuple[str, ...], str]:
    """An order of the inputs that depends on what they say, never on where they were given."""
    published = min((s.published or it.as_of or dt.date.min for s in it.sources), default=dt.date.min)
    return (published, tuple(sorted(s.id for s in it.sources)), repr(it))


def merge_report(
    itineraries: Sequence[Itinerary], *, as_of: dt.date | None = None
) -> tuple[Itinerary, MergeReport]:
    """:func:`merge`, with the :class:`MergeReport` of what was matched, skipped and disputed."""
    if not itineraries:
        raise MergeError("nothing to merge; give at least one itinerary")
    _check_versions(itineraries)
    itineraries = sorted(itineraries, key=_input_key)
    inputs = _collect(itineraries, as_of)
    observed = _observations(inputs, as_of)
    who = _people(inputs, observed, several=len(itineraries) > 1)
    used_sources = {o.source for p in who.people for t in p.obs for o in t if o.source}
    sources = {k: s for k, s in inputs.sources.items() if k in used_sources}
    clusters = [_absorb(_cluster([o for o in p.obs if o])) for p in who.people]
    groups = _reprint_groups([c for cs in clusters for c in cs], sources)
    known_on = as_of or max((s.published for s in sources.values() if s.published), default=None)
    made: list[tuple[Trip, list[str]]] = []
    travellers: list[tuple[str, tuple[str, ...]]] = []
    for person, cs in zip(who.people, clusters, strict=True):
        name = _display_name([n for n in person.names if not _is_unknown(n)] or [UNKNOWN_TRAVELLER])
        parts = _cut(cs) if len(itineraries) > 1 else _as_given(cs)
        alone = len(parts) == 1 or len(itineraries) == 1
        made += [_merge_trip(person, name, part, groups, known_on, alone) for part in parts]
        travellers.append((name, tuple(sorted(set(n for n in person.names if n)))))
    made.sort(key=lambda tc: (tc[0].traveller, tc[0].id))
    trips: list[Trip] = []
    used_ids: set[str] = set()
    for trip, _ in made:
        tid = unique_id(trip.id, used_ids)
        used_ids.add(tid)
        trips.append(dataclasses.replace(trip, id=tid))
    conflicts = [c for _, notes in made for c in notes]
    ordered_sources = sorted(sources.values(), key=lambda s: (s.published or dt.date.max, s.id))
    itinerary = Itinerary(
        trips=tuple(trips),
        title=_title(itineraries, trips, as_of, len(sources)),
        as_of=known_on,
        sources=tuple(ordered_sources),
        version=itineraries[0].version,
    )
    report = MergeReport(
        travellers=tuple(sorted(travellers)),
        sources=tuple(s.id for s in ordered_sources),
        skipped=tuple(inputs.skipped),
        reprints=_reprint_list(groups),
        conflicts=tuple(conflicts),
        disjoint=len({i for p in who.people for i in p.inputs}) > 1
        and all(len(p.inputs) < 2 for p in who.people),
        refused=tuple(who.refused),
        kept_apart=who.kept_apart,
        aliases=who.aliases,
        review=tuple((t.id, n) for t in trips if (n := sum(s.needs_review for s in t.stops))),
    )
    return itinerary, report


def _reprint_list(groups: dict[str, int]) -> tuple[tuple[str, ...], ...]:
    by: dict[int, list[str]] = {}
    for s, g in groups.items():
        by.setdefault(g, []).append(s)
    return tuple(tuple(v) for v in by.values() if len(v) > 1)


_GENERATED_TITLE = re.compile(r": merged from \d+ reports?$")


def _title(
    itineraries: Sequence[Itinerary], trips: list[Trip], as_of: dt.date | None, sources: int
) -> str | None:
    """The inputs' title when they share one; else the latest hand-written one, else the
    travellers' (a title made by an earlier merge is made again, so merging is idempotent)."""
    usable = [it for it in itineraries if as_of is None or it.as_of is None or it.as_of <= as_of]
    usable = usable or list(itineraries)
    titles = {it.title for it in usable}
    if len(titles) == 1:
        return titles.pop()
    hand = [
        it
        for it in usable
        if it.title and not it.title.startswith("Draft") and not _GENERATED_TITLE.search(it.title)
    ]
    if hand:
        return max(hand, key=lambda it: (it.as_of or dt.date.min, it.title or "")).title
    names = ", ".join(dict.fromkeys(t.traveller for t in trips))
    return f"{names}: merged from {sources} report{'s' if sources != 1 else ''}"


def merge(itineraries: Sequence[Itinerary], *, as_of: dt.date | None = None) -> Itinerary:
    """One trip per traveller from several itineraries, every stop with all its sources.

    ``as_of`` keeps only sources published by that day. Warns (:class:`MergeWarning`) when
    several itineraries share no traveller; raises :class:`MergeError` when their format
    versions differ.
    """
    merged, report = merge_report(itineraries, as_of=as_of)
    if report.disjoint:
        warnings.warn(_disjoint_message(itineraries), MergeWarning, stacklevel=2)
    return merged


def _disjoint_message(itineraries: Sequence[Itinerary]) -> str:
    who = "; ".join(
        f"{_name(it, i)}: {', '.join(t.traveller for t in it.trips)}" for i, it in enumerate(itineraries)
    )
    return (
        f"the itineraries have no traveller in common ({who}); each trip comes from one of them. "
        "Merge reports about the same trip, or check how the travellers are named"
    )


def as_known_on(itinerary: Itinerary, day: dt.date) -> Itinerary:
    """The itinerary as it was known on ``day``: only what sources published by then said."""
    return merge([itinerary], as_of=day)
