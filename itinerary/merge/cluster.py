"""Reports grouped into stops: by place and visit (dates and roles that agree), then a landmark
or a country joined to the city visited the same day.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from itinerary.coords import haversine_km
from itinerary.merge.observe import TRIP_GAP_DAYS, _Obs
from itinerary.merge.places import _coarse_kind, _PlaceIndex, _same_place
from itinerary.model import DateSpan, Place, Role

LANDMARK_IN_CITY_KM = 30.0  # a landmark this close to a city visited that day is part of that stop


@dataclass
class _Cluster:
    obs: list[_Obs] = field(default_factory=list)
    landmarks: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


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
