"""What the interactive map and the static image agree on: one continuous longitude range per
map, markers grouped by place, label texts with short dates, label priorities, and the doubts
a reader must see (stops to be checked, implausible legs).

The longitude frame is :mod:`itinerary.render.frame` (its names are importable from here too)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from itinerary.model import DateSpan, Drawn, Itinerary, Leg, Precision, Role, Status, Stop, Trip, trip_totals
from itinerary.prepare import Prepared
from itinerary.render.frame import LonFrame as LonFrame  # re-exported: the renderers import it from here
from itinerary.render.frame import frame_for as frame_for
from itinerary.render.frame import frame_pieces as frame_pieces
from itinerary.render.frame import lon_frame as lon_frame
from itinerary.render.i18n import ENGLISH, Words, kind_words
from itinerary.routing.legs import PLAUSIBLE_KM, implausible

SAME_PLACE_DEG = 0.01  # stops closer than this (about 1 km) share one marker


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


# ---------------------------------------------------------------- doubt

#: Kinds of place that stand for an area: a stop resolved to one is drawn at its centre.
APPROXIMATE_KINDS = frozenset({"country", "region", "approximate"})
#: Below this gazetteer confidence a stop marked for review names the match it got.
REVIEW_CONFIDENCE = 0.8


def leg_doubt(leg: Leg, w: Words = ENGLISH) -> str | None:
    """Why a leg is implausible (a road leg of 10,000 km), in ``w``'s language, else None."""
    if implausible(leg.mode, leg.length_km) is None or leg.length_km is None:
        return None
    return w._("{km} km by {mode} in one leg (more than {limit} km): check the places or the mode").format(
        km=w.number(leg.length_km), mode=w._(leg.mode.value), limit=w.number(PLAUSIBLE_KM[leg.mode])
    )


def _same_name(a: str, b: str) -> bool:
    x, y = (re.sub(r"\W+", " ", t.casefold()).strip() for t in (a, b))
    return bool(x and y) and (x in y or y in x)


def stop_doubts(stop: Stop, arriving: Sequence[Leg] = (), w: Words = ENGLISH) -> list[str]:
    """Why a reader should check a stop, in words (empty: nothing to check): marked for review
    (naming the place it was matched to when that is another name), placed at the centre of an
    area, or reached by an implausible leg. In ``w``'s language."""
    out = []
    r = stop.resolved
    if stop.needs_review:
        if r is not None and stop.place and not stop.pinned and not _same_name(stop.place, r.name):
            where = ", ".join(dict.fromkeys(x for x in (r.name, r.admin1, r.country_code) if x))
            out.append(
                w._(
                    "to be checked: \u201c{written}\u201d was matched to {place} (confidence {confidence}); "
                    "is this the place?"
                ).format(written=clip(stop.place), place=where, confidence=w.number(r.confidence, 2))
            )
        elif r is not None and not stop.pinned and r.confidence < REVIEW_CONFIDENCE:
            out.append(
                w._("to be checked: the place was matched with confidence {confidence}").format(
                    confidence=w.number(r.confidence, 2)
                )
            )
        elif stop.note:
            out.append(w._("to be checked: marked for review (see the note)"))
        else:
            out.append(w._("to be checked: marked for review"))
    if r is not None and not stop.pinned and r.kind in APPROXIMATE_KINDS:
        out.append(
            w._("approximate: drawn at the centre of {place} ({kind}), the exact place is not known").format(
                place=r.name, kind=w._(kind_words(r.kind))
            )
        )
    for leg in arriving:
        if (why := leg_doubt(leg, w)) is not None:
            out.append(w._("reached by an implausible leg: {why}").format(why=why))
    return out


def arriving_legs(p: Prepared, trip: Trip) -> dict[int, list[Leg]]:
    """The legs of a trip by the position of the stop they reach."""
    out: dict[int, list[Leg]] = {}
    for leg in p.legs.get(trip.id, ()):
        out.setdefault(leg.end_index, []).append(leg)
    return out


def doubtful(p: Prepared) -> list[str]:
    """One line per stop to be checked and per implausible leg, naming where it is in the file
    (for ``map --strict``, which refuses to draw them until reviewed)."""
    out = []
    for ti, trip in enumerate(p.itinerary.trips):
        arriving = arriving_legs(p, trip)
        for i, stop in enumerate(trip.stops):
            own = stop_doubts(stop)
            if stop.needs_review:
                out.append(f"trips[{ti}].stops[{i}] ({clip(stop.label)}): {'; '.join(own)}")
            for leg in arriving.get(i, []):
                if (why := leg_doubt(leg)) is not None:
                    out.append(
                        f"trips[{ti}] leg {leg.index + 1}\u2192{i + 1} "
                        f"({clip(leg.origin.label)} \u2192 {clip(stop.label)}): {why}"
                    )
    return out


def totals(trip: Trip, legs: Sequence[Leg]) -> dict[str, Any]:
    """km per trip and mode and days (see :func:`itinerary.model.trip_totals`), implausible legs
    left out of the distances and counted in ``doubtful_legs``."""
    sure = [leg for leg in legs if leg_doubt(leg) is None]
    out = trip_totals(trip, sure)
    if len(sure) < len(legs):
        out["doubtful_legs"] = len(legs) - len(sure)
    return out


TITLE_CHARS = 80  # a longer title of a map of many travellers (a list of names) is summarised


def map_title(it: Itinerary, limit: int = 3, w: Words = ENGLISH) -> str:
    """The map's title: the file's, else (or when it is a long list of more than ``limit``
    travellers' names) the travellers, then how many, and the years: ``Kim Jong-un, 2023`` or
    ``21 travellers, 2019\u20132024``."""
    names = list(dict.fromkeys(t.traveller for t in it.trips))
    if it.title and (len(it.title) <= TITLE_CHARS or len(names) <= limit):
        return it.title
    n = len(names)
    who = ", ".join(names) if n <= limit else w.ngettext("{n} traveller", "{n} travellers", n).format(n=n)
    years = sorted({d.year for _, _, s in it.stops() for d in (s.date.start, s.date.end) if d is not None})
    when = "" if not years else str(years[0]) if years[0] == years[-1] else f"{years[0]}\u2013{years[-1]}"
    return ", ".join(x for x in (who, when) if x) or w._("Itinerary")


# ---------------------------------------------------------------- legs over the same path

BEND = 0.1  # how far a leg drawn over another one bows out, as a share of its length
BEND_RAIL = 0.03  # a railway path keeps close to its rails
_STATUS_RANK = {Status.CONFIRMED: 0, Status.PLANNED: 1, Status.CANCELLED: 2}


def _place_key(ll: tuple[float, float]) -> tuple[int, int]:
    return (round(ll[0] / SAME_PLACE_DEG), round((((ll[1] + 180.0) % 360.0) - 180.0) / SAME_PLACE_DEG))


def parallel_bends(p: Prepared) -> dict[tuple[str, int, int], float]:
    """Legs of the map between the same two places (either way, any traveller) bow apart so
    each stays visible: ``{(trip id, index, to_index): bend}``, the bend a signed share of the
    leg's length (0 for the first: the most certain, confirmed before planned before cancelled,
    stays straight; then +, -, ++, --, ... on the same side of the path whichever way it runs)."""
    groups: dict[tuple[tuple[int, int], tuple[int, int]], list[tuple[tuple[int, int, int], Leg, bool]]] = {}
    for ti, trip in enumerate(p.itinerary.trips):
        for leg in p.legs.get(trip.id, ()):
            a, b = leg.origin.latlon, leg.destination.latlon
            if a is None or b is None or leg.geometry is None:
                continue
            ka, kb = _place_key(a), _place_key(b)
            if ka == kb:
                continue
            key = (min(ka, kb), max(ka, kb))
            groups.setdefault(key, []).append(((_STATUS_RANK[leg.status], ti, leg.index), leg, ka > kb))
    out: dict[tuple[str, int, int], float] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        for k, (_, leg, reverse) in enumerate(sorted(members, key=lambda m: m[0])):
            side = (k + 1) // 2 * (1 if k % 2 else -1)
            size = BEND_RAIL if leg.drawn is Drawn.RAIL_NETWORK else BEND
            out[(leg.trip_id, leg.index, leg.end_index)] = size * side * (-1 if reverse else 1)
    return out


def bend(xy: np.ndarray, share: float) -> np.ndarray:
    """A line (lon, lat rows) bowed sideways by ``share`` of its chord at its middle (a sine
    along its length), ends unmoved: the left of the chord for a positive share."""
    xy = np.asarray(xy, dtype=float)
    if share == 0 or len(xy) < 2:
        return xy
    if len(xy) == 2:
        xy = np.column_stack([np.linspace(xy[0, 0], xy[1, 0], 17), np.linspace(xy[0, 1], xy[1, 1], 17)])
    k = max(0.2, float(np.cos(np.radians(np.mean(xy[:, 1])))))  # degrees of longitude are shorter
    dx, dy = (xy[-1, 0] - xy[0, 0]) * k, xy[-1, 1] - xy[0, 1]
    length = float(np.hypot(dx, dy))
    if length == 0:
        return xy
    steps = np.hypot(np.diff(xy[:, 0]) * k, np.diff(xy[:, 1]))
    t = np.concatenate([[0.0], np.cumsum(steps)])
    t = t / t[-1] if t[-1] > 0 else np.linspace(0, 1, len(xy))
    off = share * length * np.sin(np.pi * t)
    out = xy.copy()
    out[:, 0] += -dy / length * off / k
    out[:, 1] += dx / length * off
    return out
