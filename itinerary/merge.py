"""From many reports to one trip: merge itineraries with provenance, as known on any day.

:func:`merge` combines itineraries (drafts extracted from articles, hand-written files, earlier
merges) into one trip per traveller:

* **Travellers** are matched by name across spellings, titles and scripts: names are
  transliterated to ASCII (``anyascii``), titles dropped, then compared token by token with
  rapidfuzz and, for tokens transliterated differently ("Chen"/"Jong", "Yn"/"Un"), by their
  Soundex consonant classes. A trip with no named traveller joins the only traveller, or the
  one whose places it shares.
* **Stops** are matched by place (the same gazetteer id, the same kind within a radius, or the
  same name when a side is not resolved) when their dates and roles agree; a return to a place
  (days later, or origin against destination) stays a separate stop. A landmark inside a
  city visited the same day joins that stop, and so does a country stop when one city of
  that country is visited then.
* **Status** follows the latest source that speaks of the stop: planned becomes confirmed or
  cancelled, a confirmed stop never goes back to planned. **Dates** are reconciled to the
  most precise consistent value; disagreements set ``needs_review`` with a note naming the
  sources and their values. **Order** comes from the dates, then from the sources' own order.
* **Provenance**: every stop keeps ``sources`` (the quote's first), ``history`` (what each
  source said) and ``corroboration`` (independent sources: copies of one agency text, found
  by near-identical quotes or the same URL, count once).

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
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from anyascii import anyascii
from rapidfuzz import fuzz

from itinerary.coords import haversine_km
from itinerary.errors import MergeError, MergeWarning
from itinerary.model import DateSpan, Itinerary, Place, Precision, Report, Role, Source, Status, Stop, Trip

__all__ = ["MergeReport", "as_known_on", "merge", "merge_report", "same_traveller"]

UNKNOWN_TRAVELLER = "Unknown traveller"
CITY_RADIUS_KM = 25.0  # the same city, however each source's gazetteer placed it
SITE_RADIUS_KM = 2.0  # the same landmark without the same id or name
LANDMARK_IN_CITY_KM = 30.0  # a landmark this close to a city visited that day is part of that stop
REPRINT_RATIO = 90.0  # rapidfuzz ratio between two quotes that are one agency text
REPRINT_MIN_CHARS = 40
TITLES = frozenset(
    """
    pope pape papa papst papiez president presidente prasident praesident prezident mr mrs ms dr
    sir king roi rey konig koenig queen reine prince chancellor kanzler bundeskanzler chancelier
    canciller minister ministre ministro ministr prime premier foreign secretary leader dirigeant
    general le la les el los der die the his her sa su saint st holiness saintete santo padre
    glava lider
    """.split()
)
# Soundex consonant classes (Russell & Odell), with l and r together as Korean and Japanese names
# are written both ways ("Il"/"Ир"): letters that sound alike across transliterations.
_SOUNDEX = {c: str(d) for d, letters in enumerate(("bfpv", "cgjkqsxz", "dt", "lr", "mn"), 1) for c in letters}
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

    def lines(self) -> list[str]:
        """The report as short lines for a terminal."""
        out = [f"traveller {name}: {', '.join(spell)}" for name, spell in self.travellers if len(spell) > 1]
        out += [f"reprints counted once: {', '.join(g)}" for g in self.reprints]
        if self.skipped:
            out.append(f"published after the as-of date, left out: {', '.join(self.skipped)}")
        out += [f"needs review: {c}" for c in self.conflicts]
        return out


# ---------------------------------------------------------------- travellers


def _tokens(name: str) -> list[str]:
    ascii_name = anyascii(name).lower().replace("'", "")
    return [t for t in _NON_WORD.split(ascii_name) if t and t not in TITLES]


def _sound(token: str) -> str:
    codes = [_SOUNDEX[c] for c in token if c in _SOUNDEX]
    return "".join(c for i, c in enumerate(codes) if i == 0 or c != codes[i - 1])


def _token_match(a: str, b: str) -> bool:
    if a == b or fuzz.ratio(a, b) >= 80:
        return True
    sa, sb = _sound(a), _sound(b)
    return bool(sa and sb and sa[0] == sb[0] and fuzz.ratio(sa, sb) >= 80)


def _strong_match(a: list[str], b: list[str]) -> bool:
    if not a or not b:
        return False
    if fuzz.token_sort_ratio(" ".join(a), " ".join(b)) >= 90:
        return True
    if len(a) != len(b):
        return False
    return all(map(_token_match, a, b)) or all(map(_token_match, sorted(a), sorted(b)))


def _part_of(short: list[str], long: list[str]) -> bool:
    """Every token of ``short`` matches a different token of ``long`` ("Putin" in "Vladimir Putin")."""
    rest = list(long)
    for t in short:
        hit = next((x for x in rest if _token_match(t, x)), None)
        if hit is None:
            return False
        rest.remove(hit)
    return len(short) < len(long)


def same_traveller(a: str, b: str) -> bool:
    """True when two names are the same person written differently (spelling, title, script)."""
    return _strong_match(_tokens(a), _tokens(b))


def _is_unknown(name: str) -> bool:
    return not _tokens(name) or _tokens(name) in (["unknown", "traveller"], ["unknown"])


def _display_name(names: list[str]) -> str:
    """Latin script first, then the fullest, then the most frequent, then the first seen."""
    counts = Counter(names)
    first = {n: i for i, n in reversed(list(enumerate(names)))}
    return min(counts, key=lambda n: (anyascii(n) != n, -len(_tokens(n)), -counts[n], first[n]))


def _group_names(names: list[str]) -> list[list[str]]:
    """Names grouped by person: strong matches, then a partial name that fits one group only."""
    distinct = list(dict.fromkeys(n for n in names if not _is_unknown(n)))
    groups: list[list[str]] = []
    for n in distinct:
        home = next((g for g in groups if any(_strong_match(_tokens(n), _tokens(m)) for m in g)), None)
        if home is None:
            groups.append([n])
        else:
            home.append(n)
    for g in sorted(groups, key=lambda g: max(len(_tokens(n)) for n in g)):
        toks = _tokens(g[0])
        fits = [h for h in groups if h is not g and any(_part_of(toks, _tokens(m)) for m in h)]
        if all(len(_tokens(n)) == len(toks) for n in g) and len(fits) == 1:
            fits[0].extend(g)
            g.clear()
    return [g for g in groups if g]


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

    @property
    def sort_key(self) -> tuple[dt.date, int]:
        return (self.published or dt.date.min, self.seq)


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
    km = haversine_km(ra.lat, ra.lon, rb.lat, rb.lon)
    if ka == "city":
        return km <= CITY_RADIUS_KM
    return km <= SITE_RADIUS_KM or (km <= CITY_RADIUS_KM and fuzz.ratio(_norm(ra.name), _norm(rb.name)) >= 90)


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
        for pos, stop in enumerate(trip.stops):
            for src, status, date in _reports(stop):
                sid = renamed.get(src, src) if src else _only_source(it, renamed)
                known = inputs.sources[sid].published if sid in inputs.sources else it.as_of
                if as_of is not None and known is not None and known > as_of:
                    continue
                seq += 1
                quote = stop.quote if src == stop.source or len(stop.all_sources) < 2 else None
                obs.append(_Obs(stop, sid, status, date, known, seq, key, pos / n, quote))
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
    ordered = sorted(trips, key=lambda obs: min((o.sort_key for o in obs), default=(dt.date.min, 0)))
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
    return _Span.of(host.obs).fits(_Span.of(guest.obs), slack=0 if kind == "site" else 1)


_SPECIFIC = {"city": 4, "site": 3, "region": 2, "country": 1, None: 0}


def _lead(c: _Cluster) -> _Obs:
    """The observation that names the stop: a city (its landmarks join it), a site, then areas."""
    return max(c.obs, key=lambda o: (_SPECIFIC[_coarse_kind(o.stop)], o.stop.confidence or 0.0, -o.seq))


# ---------------------------------------------------------------- reconciling


def _status(obs: list[_Obs]) -> tuple[Status, _Obs, list[str]]:
    """Latest source wins, but a confirmed stop never goes back to planned or cancelled."""
    notes: list[str] = []
    ordered = sorted(obs, key=lambda o: o.sort_key)
    status, decider = ordered[0].status, ordered[0]
    for o in ordered[1:]:
        if status is Status.CONFIRMED and o.status is not Status.CONFIRMED:
            if o.status is Status.CANCELLED:
                notes.append(
                    f"status disagrees: {decider.source} says confirmed, {o.source} (later) says "
                    "cancelled; kept confirmed"
                )
            continue
        status, decider = o.status, o
    return status, decider, notes


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
        fine, key=lambda o: (o.sort_key[0], _SPECIFIC[_coarse_kind(o.stop)], agree[str(o.date)], o.seq)
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


def _build_stop(c: _Cluster, groups: dict[str, int], known_on: dt.date | None) -> tuple[Stop, list[str]]:
    obs = sorted(c.obs, key=lambda o: o.sort_key)
    status, decider, notes = _status(obs)
    date, date_notes = _dates(obs)
    notes += date_notes
    stale = _unconfirmed(status, date, obs, known_on)
    lead = _lead(c)
    quoted = decider if decider.quote else next((o for o in reversed(obs) if o.quote), decider)
    sources = list(dict.fromkeys([quoted.source, *(o.source for o in obs)]))
    srcs = tuple(s for s in sources if s)
    latest = obs[-1].stop
    pinned = next((o.stop for o in reversed(obs) if o.stop.pinned), None)
    own_notes = list(dict.fromkeys(o.stop.note for o in obs if o.stop.note))
    if c.landmarks:
        own_notes.append("landmarks: " + ", ".join(dict.fromkeys(c.landmarks)))
    history = tuple(dict.fromkeys(Report(o.source, o.status, o.date) for o in obs if o.source))
    confidences = [o.stop.confidence for o in obs if o.stop.confidence is not None]
    stop = Stop(
        status=status,
        place=_place_text(obs, lead),
        role=_role(obs),
        hint=lead.stop.hint or next((o.stop.hint for o in reversed(obs) if o.stop.hint), None),
        date=date,
        mode=next((o.stop.mode for o in reversed(obs) if o.stop.mode), latest.mode),
        source=srcs[0] if srcs else None,
        sources=srcs if len(srcs) > 1 else (),
        quote=quoted.quote,
        note=" | ".join([*own_notes, *c.notes, *notes, *([stale] if stale else [])]) or None,
        lat=pinned.lat if pinned else None,
        lon=pinned.lon if pinned else None,
        resolved=lead.stop.resolved,
        needs_review=bool(notes) or stale is not None or all(o.stop.needs_review for o in obs),
        confidence=max(confidences) if confidences else None,
        corroboration=len({groups.get(s, 0) for s in srcs}) if srcs else 0,
        history=history if len(history) > 1 or len(srcs) > 1 else (),
    )
    return stop, notes


def _order(clusters: list[_Cluster], stops: list[Stop]) -> list[Stop]:
    """Sources' own order (each trip's stops inserted after the one before them), then dates."""
    seq: list[int] = []
    by_trip: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for i, c in enumerate(clusters):
        for o in c.obs:
            by_trip[o.trip_key].append((o.seq, i))
    for key in dict.fromkeys(o.trip_key for c in clusters for o in sorted(c.obs, key=lambda o: o.seq)):
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
    keyed = []
    last = dt.date.min
    for pos, i in enumerate(seq):
        start = stops[i].date.start
        last = start if start is not None else last
        keyed.append((last, 0 if stops[i].role is Role.ORIGIN else 1, pos, i))
    return [stops[i] for *_, i in sorted(keyed)]


# ---------------------------------------------------------------- reprints


def _near_duplicate(a: str, b: str) -> bool:
    return min(len(a), len(b)) >= REPRINT_MIN_CHARS and fuzz.ratio(a, b) >= REPRINT_RATIO


def _one_text(c: _Cluster, known: dict[str, str]) -> Iterator[tuple[str, str]]:
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
    parent = {s: s for s in sources}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        parent[find(a)] = find(b)

    by_url: dict[str, str] = {}
    for sid, s in sources.items():
        if s.url:
            union(sid, by_url.setdefault(s.url, sid))
    for c in clusters:
        for sa, sb in _one_text(c, parent):
            union(sa, sb)
    roots = {r: n for n, r in enumerate(dict.fromkeys(find(s) for s in sources))}
    return {s: roots[find(s)] for s in sources}


# ---------------------------------------------------------------- trips


@dataclass
class _Person:
    names: list[str] = field(default_factory=list)
    obs: list[list[_Obs]] = field(default_factory=list)
    trips: list[Trip] = field(default_factory=list)
    inputs: set[int] = field(default_factory=set)
    places: dict[tuple[object, ...], Stop] = field(default_factory=dict)  # one stop per distinct place


def _people(inputs: _Inputs, observed: list[tuple[str, list[_Obs]]]) -> list[_Person]:
    groups = _group_names([name for name, _ in observed])
    people = [_Person(names=list(g)) for g in groups]
    index = {n: p for p in people for n in p.names}
    unknown: list[int] = []
    for k, (name, obs) in enumerate(observed):
        person = index.get(name)
        if person is None:
            unknown.append(k)
            continue
        _add(person, inputs, k, obs, name)
    for k in unknown:
        name, obs = observed[k]
        person = _adopt(people, obs)
        if person is None:
            person = _Person(names=[name or UNKNOWN_TRAVELLER])
            people.append(person)
        else:  # the traveller is assumed: the stops need a look
            doubtful = {id(o.stop): dataclasses.replace(o.stop, needs_review=True) for o in obs}
            obs = [dataclasses.replace(o, stop=doubtful[id(o.stop)]) for o in obs]
        _add(person, inputs, k, obs, name)
    return [p for p in people if any(p.obs)]


def _add(person: _Person, inputs: _Inputs, k: int, obs: list[_Obs], name: str) -> None:
    if not obs:  # nothing of this trip was published by the as-of day
        return
    person.names.append(name)
    person.obs.append(obs)
    for o in obs:  # what _same_place looks at
        person.places.setdefault((o.stop.resolved, o.stop.place, o.stop.lat, o.stop.lon), o.stop)
    person.trips.append(inputs.trips[k][1])
    person.inputs.add(inputs.trips[k][0])


def _adopt(people: list[_Person], obs: list[_Obs]) -> _Person | None:
    """The traveller an unnamed trip belongs to: the only one, or the one sharing its places."""
    named = [p for p in people if any(p.obs)]
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


def _trip_id(person: _Person, name: str, used: set[str]) -> str:
    ids = Counter(t.id for t in person.trips)
    base = ids.most_common(1)[0][0] if ids else (_norm(name).replace(" ", "-") or "trip")
    tid = base
    while tid in used:
        tid += "-2"
    used.add(tid)
    return tid


def _merge_person(
    person: _Person,
    clusters: list[_Cluster],
    groups: dict[str, int],
    used: set[str],
    known_on: dt.date | None,
) -> tuple[Trip, list[str]]:
    name = _display_name([n for n in person.names if not _is_unknown(n)] or [UNKNOWN_TRAVELLER])
    built = [_build_stop(c, groups, known_on) for c in clusters]
    stops = _order(clusters, [s for s, _ in built])
    conflicts = [f"{name} / {s.label}: {n}" for s, notes in built for n in notes]
    modes = Counter(t.mode for t in person.trips if t.mode)
    titles = [t.title for t in person.trips if t.title and "(from the article)" not in t.title]
    trip = Trip(
        id=_trip_id(person, name, used),
        traveller=name,
        stops=tuple(stops),
        mode=modes.most_common(1)[0][0] if modes else None,
        title=titles[-1] if titles else None,
    )
    return trip, conflicts


# ---------------------------------------------------------------- public


def merge_report(
    itineraries: Sequence[Itinerary], *, as_of: dt.date | None = None
) -> tuple[Itinerary, MergeReport]:
    """:func:`merge`, with the :class:`MergeReport` of what was matched, skipped and disputed."""
    if not itineraries:
        raise MergeError("nothing to merge; give at least one itinerary")
    _check_versions(itineraries)
    inputs = _collect(itineraries, as_of)
    observed = _observations(inputs, as_of)
    people = _people(inputs, observed)
    used_sources = {o.source for p in people for t in p.obs for o in t if o.source}
    sources = {k: s for k, s in inputs.sources.items() if k in used_sources}
    clusters = [_absorb(_cluster([o for o in p.obs if o])) for p in people]
    groups = _reprint_groups([c for cs in clusters for c in cs], sources)
    used_ids: set[str] = set()
    trips: list[Trip] = []
    conflicts: list[str] = []
    travellers: list[tuple[str, tuple[str, ...]]] = []
    known_on = as_of or max((s.published for s in sources.values() if s.published), default=None)
    for person, cs in zip(people, clusters, strict=True):
        trip, notes = _merge_person(person, cs, groups, used_ids, known_on)
        trips.append(trip)
        conflicts += notes
        travellers.append((trip.traveller, tuple(dict.fromkeys(n for n in person.names if n))))
    ordered_sources = sorted(sources.values(), key=lambda s: (s.published or dt.date.max, s.id))
    itinerary = Itinerary(
        trips=tuple(trips),
        title=_title(itineraries, trips, as_of),
        as_of=known_on,
        sources=tuple(ordered_sources),
        version=itineraries[0].version,
    )
    report = MergeReport(
        travellers=tuple(travellers),
        sources=tuple(s.id for s in ordered_sources),
        skipped=tuple(inputs.skipped),
        reprints=_reprint_list(groups),
        conflicts=tuple(conflicts),
        disjoint=len({i for p in people for i in p.inputs}) > 1 and all(len(p.inputs) < 2 for p in people),
    )
    return itinerary, report


def _reprint_list(groups: dict[str, int]) -> tuple[tuple[str, ...], ...]:
    by: dict[int, list[str]] = {}
    for s, g in groups.items():
        by.setdefault(g, []).append(s)
    return tuple(tuple(v) for v in by.values() if len(v) > 1)


def _title(itineraries: Sequence[Itinerary], trips: list[Trip], as_of: dt.date | None) -> str | None:
    """One input's title; for several, the latest hand-written one, else the travellers'."""
    usable = [it for it in itineraries if as_of is None or it.as_of is None or it.as_of <= as_of]
    latest = max(usable or itineraries, key=lambda it: it.as_of or dt.date.min)
    if len(itineraries) == 1 or (latest.title and not latest.title.startswith("Draft")):
        return latest.title
    names = ", ".join(t.traveller for t in trips)
    return f"{names}: merged from {len(itineraries)} reports"


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
