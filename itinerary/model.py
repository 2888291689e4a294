"""The itinerary model: frozen dataclasses, no I/O (their enums, the format's vocabularies, are
in :mod:`itinerary.vocab` and re-exported here).

An :class:`Itinerary` holds :class:`Source` records and :class:`Trip` objects; a trip is a
traveller's ordered :class:`Stop` list. :class:`Leg` objects join consecutive stops and are
derived, never stored in files.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING, Any

from itinerary.vocab import Basis as Basis
from itinerary.vocab import Drawn as Drawn
from itinerary.vocab import Mode as Mode
from itinerary.vocab import Precision as Precision
from itinerary.vocab import Role as Role
from itinerary.vocab import Status as Status

if TYPE_CHECKING:  # pragma: no cover - typing only
    from shapely.geometry.base import BaseGeometry


_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _parse_one(text: str) -> tuple[dt.date, dt.date, Precision]:
    m = _DATE_RE.match(text.strip())
    if not m:
        raise ValueError(f"invalid date {text!r}; expected YYYY-MM-DD, YYYY-MM, YYYY or START/END")
    year = int(m.group(1))
    if m.group(3):
        try:
            day = dt.date(year, int(m.group(2)), int(m.group(3)))
        except ValueError as exc:  # 2023-13-45, 2023-02-30
            raise ValueError(f"invalid date {text!r} ({exc}); expected a real calendar day") from None
        return day, day, Precision.DAY
    if m.group(2):
        month = int(m.group(2))
        if not 1 <= month <= 12:
            raise ValueError(f"invalid month {month:02d} in date {text!r}")
        last = calendar.monthrange(year, month)[1]
        return dt.date(year, month, 1), dt.date(year, month, last), Precision.MONTH
    return dt.date(year, 1, 1), dt.date(year, 12, 31), Precision.YEAR


@dataclass(frozen=True)
class DateSpan:
    """A date or date range with its precision.

    ``start`` and ``end`` are inclusive calendar days; for a month or a year they are the
    first and last day of it. ``text`` keeps the form the date was written in.
    """

    start: dt.date | None = None
    end: dt.date | None = None
    precision: Precision = Precision.UNKNOWN
    text: str | None = None

    @classmethod
    def parse(cls, value: str | dt.date | None) -> DateSpan:
        """Parse ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or an ISO interval ``START/END``."""
        if value is None or value == "":
            return cls()
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return cls(value, value, Precision.DAY, value.isoformat())
        text = str(value).strip()
        if "/" in text:
            left, _, right = text.partition("/")
            s0, _, p0 = _parse_one(left)
            _, e1, p1 = _parse_one(right)
            if e1 < s0:
                raise ValueError(f"date range {text!r} ends before it starts")
            coarse = max((p0, p1), key=_PRECISION_RANK.__getitem__)
            return cls(s0, e1, coarse, text)
        start, end, precision = _parse_one(text)
        return cls(start, end, precision, text)

    @property
    def known(self) -> bool:
        return self.start is not None

    def __str__(self) -> str:
        return self.text or ""

    def display(self) -> str:
        """Human form with its precision: ``13 Sep 2023``, ``Oct 2023``, ``date unknown``."""
        if self.start is None or self.end is None:
            return "date unknown"
        fmt = {Precision.DAY: "%-d %b %Y", Precision.MONTH: "%b %Y", Precision.YEAR: "%Y"}
        f = fmt.get(self.precision, "%Y-%m-%d")
        first = self.start.strftime(f)
        last = self.end.strftime(f)
        single = {
            Precision.DAY: self.start == self.end,
            Precision.MONTH: self.start.replace(day=1) == self.end.replace(day=1),
            Precision.YEAR: self.start.year == self.end.year,
        }.get(self.precision, False)
        return first if single else f"{first} – {last}"


_PRECISION_RANK = {Precision.DAY: 0, Precision.MONTH: 1, Precision.YEAR: 2, Precision.UNKNOWN: 3}


@dataclass(frozen=True)
class Source:
    """Where a piece of information comes from."""

    id: str
    publisher: str | None = None
    url: str | None = None
    published: dt.date | None = None
    language: str | None = None
    title: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain data in the layout of format v1 (dates as ISO text)."""
        return {
            "id": self.id,
            "publisher": self.publisher,
            "url": self.url,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "language": self.language,
        }


@dataclass(frozen=True)
class Place:
    """A gazetteer answer: where a stop was resolved to."""

    id: str
    name: str
    lat: float
    lon: float
    kind: str
    country_code: str | None = None
    admin1: str | None = None
    confidence: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "lat": self.lat,
            "lon": self.lon,
            "kind": self.kind,
            "country_code": self.country_code,
            "admin1": self.admin1,
            "confidence": self.confidence,
        }


@dataclass(frozen=True)
class Report:
    """What one source said about a stop: its status and date as of that source."""

    source: str
    status: Status
    date: DateSpan = field(default_factory=DateSpan)


@dataclass(frozen=True)
class Stop:
    """One stop of a trip, with its status, date, mode and evidence.

    ``source`` is the source of the quote; ``sources`` every source that reports the stop
    (merged itineraries), ``corroboration`` how many of them are independent (reprints of one
    agency copy count once) and ``history`` what each source said, so the stop can be shown
    as known on any day.
    """

    status: Status
    place: str | None = None
    role: Role = Role.VISIT
    hint: str | None = None
    date: DateSpan = field(default_factory=DateSpan)
    mode: Mode | None = None
    source: str | None = None
    quote: str | None = None
    note: str | None = None
    why: str | None = None  # why the extractor took it (its rule, or the stop model's reading)
    lat: float | None = None
    lon: float | None = None
    resolved: Place | None = None
    needs_review: bool = False
    reviewed: bool = False  # a person checked it against the article
    confidence: float | None = None
    sources: tuple[str, ...] = ()
    corroboration: int | None = None
    history: tuple[Report, ...] = ()

    @property
    def all_sources(self) -> tuple[str, ...]:
        """Every source id of the stop: ``sources``, else the single ``source``."""
        if self.sources:
            return self.sources
        return (self.source,) if self.source else ()

    @property
    def pinned(self) -> bool:
        """True when the stop's coordinates are given in the file."""
        return self.lat is not None and self.lon is not None

    @property
    def latlon(self) -> tuple[float, float] | None:
        """(lat, lon) from the pinned coordinates, else from the resolved place."""
        if self.lat is not None and self.lon is not None:
            return (self.lat, self.lon)
        if self.resolved is not None:
            return (self.resolved.lat, self.resolved.lon)
        return None

    @property
    def label(self) -> str:
        if self.place:
            return self.place
        if self.resolved is not None:
            return self.resolved.name
        return f"{self.lat:.4f}, {self.lon:.4f}"


@dataclass(frozen=True)
class Leg:
    """The way between two consecutive stops of a trip.

    ``geometry`` is a shapely (Multi)LineString in lon/lat (EPSG:4326), unwrapped across the
    antimeridian (longitudes may leave [-180, 180] so the line stays continuous for display).
    ``index`` and ``to_index`` are the positions of its ends in the trip (``to_index`` is
    ``index + 1`` unless cancelled stops lie between them); ``drawn`` says how the path was made.
    """

    trip_id: str
    index: int
    origin: Stop
    destination: Stop
    mode: Mode
    basis: Basis
    geometry: BaseGeometry | None = None
    length_km: float | None = None
    connectors: tuple[BaseGeometry, ...] = ()
    drawn: Drawn = Drawn.GREAT_CIRCLE
    to_index: int | None = None

    @property
    def status(self) -> Status:
        return leg_status(self.origin, self.destination)

    @property
    def end_index(self) -> int:
        """The position of the destination stop in the trip."""
        return self.index + 1 if self.to_index is None else self.to_index


def leg_status(a: Stop, b: Stop) -> Status:
    """A leg is cancelled if either end is, else planned if either end is."""
    statuses = {a.status, b.status}
    if Status.CANCELLED in statuses:
        return Status.CANCELLED
    if Status.PLANNED in statuses:
        return Status.PLANNED
    return Status.CONFIRMED


@dataclass(frozen=True)
class Trip:
    """A traveller's journey: stops in travel order."""

    id: str
    traveller: str
    stops: tuple[Stop, ...] = ()
    mode: Mode | None = None
    title: str | None = None

    def leg_mode(self, index: int) -> tuple[Mode, Basis]:
        """Mode and basis of the leg that ends at stop ``index``."""
        stop = self.stops[index]
        if stop.mode is Mode.UNKNOWN:  # said to be unknown: not replaced by the trip's mode
            return Mode.UNKNOWN, Basis.ASSUMED
        if stop.mode is not None:
            return stop.mode, Basis.REPORTED
        if self.mode is not None and self.mode is not Mode.UNKNOWN:
            return self.mode, Basis.REPORTED
        return Mode.UNKNOWN, Basis.ASSUMED

    def pairs(self) -> Iterator[tuple[int, Stop, Stop]]:
        """(index of the destination, origin, destination) for each consecutive pair."""
        for i in range(1, len(self.stops)):
            yield i, self.stops[i - 1], self.stops[i]


@dataclass(frozen=True)
class Itinerary:
    """A file's worth of trips and the sources behind them."""

    trips: tuple[Trip, ...] = ()
    title: str | None = None
    as_of: dt.date | None = None
    sources: tuple[Source, ...] = ()
    version: int = 1

    @cached_property
    def _sources_by_id(self) -> dict[str, Source]:
        """The sources by id (the first of a repeated id, as a scan would find it), built once."""
        index: dict[str, Source] = {}
        for s in self.sources:
            index.setdefault(s.id, s)
        return index

    def source(self, source_id: str | None) -> Source | None:
        return None if source_id is None else self._sources_by_id.get(source_id)

    def trip(self, trip_id: str) -> Trip:
        for t in self.trips:
            if t.id == trip_id:
                return t
        raise KeyError(trip_id)

    def stops(self) -> Iterator[tuple[Trip, int, Stop]]:
        for t in self.trips:
            for i, s in enumerate(t.stops):
                yield t, i, s

    def with_trips(self, trips: tuple[Trip, ...]) -> Itinerary:
        return replace(self, trips=trips)


@dataclass(frozen=True)
class Region:
    """A polygon to highlight: a stop that is a region or country, or a region hint."""

    trip_id: str
    name: str
    place_id: str
    geometry: Any
    from_hint: bool = False


@dataclass(frozen=True)
class Prepared:
    """An itinerary with every stop resolved, its legs routed and its regions found.

    Plain data made by :func:`itinerary.prepare.prepare`; exporters and renderers take it.
    A ``Prepared`` built from an itinerary alone has no legs and no regions.
    """

    itinerary: Itinerary
    legs: dict[str, tuple[Leg, ...]] = field(default_factory=dict)
    regions: tuple[Region, ...] = ()

    def all_legs(self) -> list[Leg]:
        return [leg for t in self.itinerary.trips for leg in self.legs.get(t.id, ())]


def trip_totals(trip: Trip, legs: Sequence[Leg]) -> dict[str, Any]:
    """Distance of the live route (km, cancelled legs left out), per mode, and days travelled
    (first to last stop dated to the day and not cancelled, both counted)."""
    by_mode: dict[str, float] = {}
    for leg in legs:
        if leg.status is not Status.CANCELLED and leg.length_km is not None:
            by_mode[leg.mode.value] = by_mode.get(leg.mode.value, 0.0) + leg.length_km
    spans = [
        (s.date.start, s.date.end)
        for s in trip.stops
        if s.status is not Status.CANCELLED and s.date.precision is Precision.DAY
    ]
    days = (max(e for _, e in spans if e) - min(a for a, _ in spans if a)).days + 1 if spans else None
    return {
        "km": round(sum(by_mode.values())),
        "km_by_mode": {m: round(km) for m, km in sorted(by_mode.items(), key=lambda kv: -kv[1])},
        "days": days,
    }


def draft_index(it: Itinerary) -> dict[str, Any]:
    """What a corpus's review queue shows of a draft: ``itinerary build`` writes it in the
    manifest, the review refreshes it (``low``: the lowest stop confidence, a stop without one
    counting as 0; None for a draft without stops)."""
    stops = [st for _, _, st in it.stops()]
    return {
        "travellers": sorted({t.traveller for t in it.trips if t.traveller}),
        "language": next((s.language for s in it.sources if s.language), None),
        "stops": len(stops),
        "doubt": sum(1 for st in stops if st.needs_review),
        "low": min((st.confidence or 0.0 for st in stops), default=None),
    }
