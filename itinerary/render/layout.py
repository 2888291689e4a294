"""What the interactive map and the static image agree on: one continuous longitude range per
map, markers grouped by place, label texts with short dates, and label priorities."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from itinerary.model import DateSpan, Precision, Role, Status, Stop, Trip
from itinerary.pipeline import Prepared

SAME_PLACE_DEG = 0.01  # stops closer than this (about 1 km) share one marker


@dataclass(frozen=True)
class LonFrame:
    """Longitudes drawn in one continuous range ``[west, west + 360)``.

    ``west`` is the first longitude after the widest empty stretch of the circle, so a trip
    across the Pacific is drawn Pacific-centred and one across the Atlantic is not moved.
    """

    west: float = -180.0
    span: float = 360.0

    @property
    def centre(self) -> float:
        c = self.west + self.span / 2
        return ((c + 180.0) % 360.0) - 180.0

    def shift(self, lon: float) -> float:
        d = (lon - self.west) % 360.0
        return self.west + (d - 360.0 if d > 360.0 - 1e-6 else d)  # the west edge itself stays put

    def offset(self, lon: float) -> float:
        """The multiple of 360 that brings ``lon`` into the frame (for a whole path)."""
        return self.shift(lon) - lon


def lon_frame(lons: Iterable[float]) -> LonFrame:
    """The frame whose range starts after the widest gap between the given longitudes."""
    xs = sorted(((x + 180.0) % 360.0) - 180.0 for x in lons)
    if not xs:
        return LonFrame()
    gaps = [(xs[0] + 360.0 - xs[-1], xs[0])]  # the gap across the antimeridian ends at xs[0]
    gaps += [(b - a, b) for a, b in itertools.pairwise(xs)]
    widest, west = max(gaps)
    return LonFrame(west, 360.0 - widest)


def frame_for(p: Prepared) -> LonFrame:
    return lon_frame(ll[1] for _, _, s in p.itinerary.stops() if (ll := s.latlon) is not None)


def short_date(span: DateSpan) -> str:
    """``13 Sep``, ``3–6 Sep``, ``Sep 2023``, ``2023`` or empty when unknown."""
    a, b = span.start, span.end
    if a is None or b is None:
        return ""
    if span.precision is Precision.DAY:
        if a == b:
            return f"{a.day} {a:%b}"
        if (a.year, a.month) == (b.year, b.month):
            return f"{a.day}–{b.day} {a:%b}"
        return f"{a.day} {a:%b}–{b.day} {b:%b}"
    if span.precision is Precision.MONTH:
        return f"{a:%b %Y}" if (a.year, a.month) == (b.year, b.month) else f"{a:%b}–{b:%b %Y}"
    return str(a.year) if a.year == b.year else f"{a.year}–{b.year}"


def stop_name(stop: Stop) -> str:
    """The name a reader knows: the place found in the gazetteer, else the text as written."""
    return stop.resolved.name if stop.resolved is not None else stop.label


@dataclass(frozen=True)
class Marker:
    """One marker: the stops of a trip at one place (a return visit shares its marker)."""

    trip: int
    stops: tuple[int, ...]
    lat: float
    lon: float
    slot: int = 0  # markers of other trips at the same place come first; this one is offset
    priority: int = 0  # lower is more important: its label is placed first

    def numbers(self) -> str:
        return ", ".join(str(i + 1) for i in self.stops)


def _priority(trip: Trip, idx: Sequence[int]) -> int:
    stops = [trip.stops[i] for i in idx]
    if all(s.status is Status.CANCELLED for s in stops):
        return 3
    if any(s.role in (Role.ORIGIN, Role.DESTINATION) for s in stops) or len(idx) > 1:
        return 0
    if any(s.role is Role.TRANSIT for s in stops):
        return 2
    return 1


def markers(p: Prepared, frame: LonFrame) -> list[Marker]:
    """Markers of every trip, grouped by place within a trip and slotted across trips."""
    out: list[Marker] = []
    slots: dict[tuple[int, int], int] = {}
    for ti, trip in enumerate(p.itinerary.trips):
        groups: dict[tuple[int, int], list[int]] = {}
        where: dict[tuple[int, int], tuple[float, float]] = {}
        for i, s in enumerate(trip.stops):
            if (ll := s.latlon) is None:
                continue
            lon = frame.shift(ll[1])
            key = (round(ll[0] / SAME_PLACE_DEG), round(lon / SAME_PLACE_DEG))
            groups.setdefault(key, []).append(i)
            where.setdefault(key, (ll[0], lon))
        for key, idx in groups.items():
            slot = slots.get(key, 0)
            slots[key] = slot + 1
            lat, lon = where[key]
            out.append(Marker(ti, tuple(idx), lat, lon, slot, _priority(trip, idx)))
    return out


def label_text(trip: Trip, m: Marker) -> tuple[str, str]:
    """(name, dates) of a marker's label: ``("Rome", "2 Sep, 13 Sep")``."""
    stops = [trip.stops[i] for i in m.stops]
    dates = [d for s in stops if (d := short_date(s.date))]
    return clip(stop_name(stops[0])), ", ".join(dict.fromkeys(dates))


LABEL_CHARS = 60  # a label longer than this is cut with an ellipsis (the popup has it all)


def clip(text: str, limit: int = LABEL_CHARS) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis, so a hostile or mistaken
    200,000-character name cannot stall label placement."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def repeated_labels(p: Prepared, marks: list[Marker]) -> set[Marker]:
    """Markers of other travellers at a place whose label would repeat the first one's text."""
    seen: dict[tuple[int, int], set[tuple[str, str]]] = {}
    out: set[Marker] = set()
    for m in sorted(marks, key=lambda m: m.slot):
        key = (round(m.lat / SAME_PLACE_DEG), round(m.lon / SAME_PLACE_DEG))
        text = label_text(p.itinerary.trips[m.trip], m)
        if text in seen.setdefault(key, set()):
            out.add(m)
        seen[key].add(text)
    return out
