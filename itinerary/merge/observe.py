"""The merge's inputs: sources renamed apart, and every report of a stop as an observation with
its publication day and when it happened, as near as can be told.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from itinerary.errors import MergeError
from itinerary.model import DateSpan, Itinerary, Precision, Source, Status, Stop, Trip

# Days without a stop that end a trip: a traveller's stops further apart than this are two trips,
# and two reports of one place further apart than this are two stops, whatever the place.
TRIP_GAP_DAYS = 4


UNDATED_DAYS = 30  # an undated stop happened within this many days of the report's publication


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
class _Inputs:
    sources: dict[str, Source] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    trips: list[tuple[int, Trip, dict[str, str], Itinerary]] = field(default_factory=list)
    renamings: list[dict[str, str]] = field(default_factory=list)  # each input's source ids renamed


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


def _collect(
    itineraries: Sequence[Itinerary], as_of: dt.date | None, fixed: Sequence[dict[str, str]] | None = None
) -> _Inputs:
    """Sources by id (renamed when two different sources share an id) and the trips to merge.
    ``fixed``: each input's renaming, given (a merge of some of the inputs renames them as the
    merge of all did; an id not in it stays)."""
    out = _Inputs()
    for i, it in enumerate(itineraries):
        renamed: dict[str, str] = {}
        for s in it.sources:
            s = dataclasses.replace(s, published=s.published or it.as_of)
            sid, n = s.id, 1
            if fixed is not None:
                sid = fixed[i].get(s.id, s.id)
            while (
                fixed is None and sid in out.sources and dataclasses.replace(out.sources[sid], id=s.id) != s
            ):
                n += 1
                sid = f"{s.id}-{n}"
            renamed[s.id] = sid
            out.sources[sid] = dataclasses.replace(s, id=sid)
        out.renamings.append(renamed)
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
