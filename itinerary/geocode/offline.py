"""OfflineGeocoder: the embedded gazetteer behind geopy's geocoder contract.

``OfflineGeocoder().geocode("Wladiwostok")`` returns a geopy ``Location`` whose ``raw`` is our
record, so the class works with ``geopandas.tools.geocode(names, provider=OfflineGeocoder)``
and geopy's ``RateLimiter`` unchanged. :meth:`OfflineGeocoder.candidates` exposes the ranking:
name similarity, prominence, kind words (cosmodrome, airport, province), hints (country,
region, nearby city) and the trip's context (a candidate near the trip's other stops beats a
namesake far away).
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from itinerary.coords import haversine_km
from itinerary.errors import AmbiguityWarning, AmbiguousPlace, PlaceNotFound
from itinerary.geocode.gazetteer import LANDMARK_KINDS, Gazetteer, Record
from itinerary.geocode.normalize import analyze, has_cyrillic, transliterate
from itinerary.model import Place

# Kind words in a query or hint -> record kinds they ask for.
KIND_MATCH: dict[str, frozenset[str]] = {
    "region": frozenset({"region"}),
    "spaceport": frozenset({"spaceport"}),
    "airport": frozenset({"airport", "airfield"}),
    "station": frozenset({"station", "border_station"}),
    "university": frozenset({"university"}),
    "palace": frozenset({"palace", "government"}),
    "city": frozenset({"city"}),
}
SAME_PLACE_KM = 25.0
NAME_WEIGHT = 4.0
TEMPERATURE = 0.5
AMBIGUOUS_BELOW = 0.6
FUZZY_CUTOFF = 80.0


@dataclass(frozen=True)
class Candidate:
    """A ranked gazetteer answer."""

    record: Record
    score: float
    name_score: float
    matched: str
    confidence: float = 0.0
    reasons: tuple[str, ...] = field(default=(), compare=False)

    def to_place(self) -> Place:
        r = self.record
        return Place(
            id=r.id,
            name=r.name,
            lat=round(r.lat, 6),
            lon=round(r.lon, 6),
            kind=r.kind,
            country_code=r.country_code or None,
            admin1=r.admin1,
            confidence=round(self.confidence, 3),
        )

    def to_json(self) -> dict[str, Any]:
        """The JSON shape of ``itinerary geocode --json``."""
        return {**_record_json(self.record), "confidence": round(self.confidence, 3)}

    def __str__(self) -> str:
        r = self.record
        where = ", ".join(x for x in (r.admin1, r.country_code) if x)
        return f"{r.name} ({r.kind}, {where}; {r.lat:.4f}, {r.lon:.4f}; confidence {self.confidence:.2f})"


@dataclass
class _Hint:
    countries: set[str] = field(default_factory=set)
    regions: set[str] = field(default_factory=set)
    points: list[tuple[float, float]] = field(default_factory=list)
    kinds: set[str] = field(default_factory=set)


POP_WEIGHT = 0.8  # with TEMPERATURE 0.5 a city's prior weight grows as population ** 0.74


def _prominence(r: Record) -> float:
    """Prior score of a record. Countries rank like a city of 10 million, regions like one
    of 100,000, landmarks by their curated importance (0.9 ~ a city of a million)."""
    if r.kind == "country":
        return POP_WEIGHT * 7.0
    if r.kind == "region":
        return POP_WEIGHT * 5.0
    if r.is_landmark:
        return POP_WEIGHT * 6.0 * r.importance
    capital = POP_WEIGHT if r.importance > 1.0 else 0.0
    return POP_WEIGHT * math.log10(r.population + 1) + capital


class OfflineGeocoder:
    """Geocode place names with no network, on the embedded gazetteer.

    Parameters
    ----------
    gazetteer:
        The index to use; the shared default when omitted.
    strict:
        Raise :class:`~itinerary.errors.AmbiguousPlace` instead of warning when the best
        answer's confidence is below ``ambiguous_below``.
    """

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        *,
        strict: bool = False,
        ambiguous_below: float = AMBIGUOUS_BELOW,
        **_geopy_kwargs: Any,
    ) -> None:
        self._gazetteer = gazetteer
        self.strict = strict
        self.ambiguous_below = ambiguous_below

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = Gazetteer.default()
        return self._gazetteer

    # ------------------------------------------------------------ ranking
    def _matches(self, query: str) -> tuple[dict[int, tuple[float, str]], frozenset[str]]:
        g = self.gazetteer
        info = analyze(query)
        keys = [info.key]
        if has_cyrillic(info.key):
            keys.append(analyze(transliterate(query)).key)
        found: dict[int, tuple[float, str]] = {}
        for key in keys:
            for i in g.exact(key):
                found[i] = (1.0, key)
        if not found:
            for key in keys:
                for k, score in g.fuzzy(key, limit=8, cutoff=FUZZY_CUTOFF):
                    for i in g.exact(k):
                        if i not in found or found[i][0] < score / 100:
                            found[i] = (score / 100, k)
        return found, info.kinds

    def _parse_hint(self, hint: str | None) -> _Hint:
        out = _Hint()
        if not hint:
            return out
        g = self.gazetteer
        for part in [hint, *hint.split(",")]:
            info = analyze(part)
            out.kinds.update(info.kinds)
            for i in g.exact(info.key):
                r = g.record(i)
                if r.kind == "country":
                    out.countries.add(r.country_code)
                elif r.kind == "region":
                    out.regions.add(r.name)
                    out.countries.add(r.country_code)
                elif r.population >= 1000 or r.is_landmark:
                    out.points.append((r.lat, r.lon))
        return out

    def candidates(
        self,
        query: str,
        *,
        hint: str | None = None,
        country: str | Sequence[str] | None = None,
        kind: str | None = None,
        near: Sequence[tuple[float, float]] = (),
        limit: int = 10,
    ) -> list[Candidate]:
        """Every plausible answer for ``query``, best first, with scores and confidences.

        ``near`` is the trip's context: (lat, lon) points of the other stops.
        """
        g = self.gazetteer
        found, qkinds = self._matches(query)
        if not found:
            return []
        h = self._parse_hint(hint)
        kinds = frozenset(qkinds | h.kinds | ({kind} if kind else set()))
        wanted = frozenset().union(*(KIND_MATCH.get(k, {k}) for k in kinds)) if kinds else None
        # a kind the query itself names ("... International Airport") weighs more than a hint's
        stated = frozenset().union(*(KIND_MATCH.get(k, {k}) for k in qkinds)) if qkinds else frozenset()
        countries = {country.upper()} if isinstance(country, str) else {c.upper() for c in country or ()}
        scored: list[Candidate] = []
        for i, (name_score, key) in found.items():
            r = g.record(i)
            reasons = [f"name {name_score:.2f}"]
            s = NAME_WEIGHT * name_score + _prominence(r)
            if g.is_main_name(key, i):
                s += 0.5  # the current name beats a historical or variant one
            if not kinds and g.is_reduced(key, i):
                s -= 2.0  # "Vladivostok" means the city, not "Vladivostok Airport"
                reasons.append("bare name of a landmark")
            if wanted is not None:
                bonus = (
                    (3.0 if r.kind in stated else 1.5)
                    if r.kind in wanted
                    else (-0.3 if r.kind == "city" else -0.8)
                )
                s += bonus
                reasons.append(f"kind {bonus:+.1f}")
            if countries:
                s += 0.5 if r.country_code in countries else -3.0
            if h.countries:
                s += 1.0 if r.country_code in h.countries else -1.0
            if h.regions and r.admin1 in h.regions:
                s += 1.0
                reasons.append("hint region")
            if h.points:
                d = min(haversine_km(r.lat, r.lon, la, lo) for la, lo in h.points)
                if d <= 60:
                    s += 1.0
                    reasons.append("near hint place")
            if near:
                d = min(haversine_km(r.lat, r.lon, la, lo) for la, lo in near)
                s += 1.5 * math.exp(-d / 1000.0)
                reasons.append(f"context {d:.0f} km")
            scored.append(Candidate(r, s, name_score, key, reasons=tuple(reasons)))
        scored.sort(key=lambda c: (-c.score, -c.record.population, c.record.id))
        return _with_confidence(scored)[:limit]

    def resolve(
        self,
        query: str,
        *,
        hint: str | None = None,
        country: str | Sequence[str] | None = None,
        near: Sequence[tuple[float, float]] = (),
    ) -> Candidate:
        """The best candidate; warns (or raises when ``strict``) if it is ambiguous."""
        cands = self.candidates(query, hint=hint, country=country, near=near)
        if not cands:
            raise PlaceNotFound(query, self.gazetteer.suggestions(query))
        best = cands[0]
        if best.confidence < self.ambiguous_below:
            others = [c for c in cands[1:] if not _same_place(best.record, c.record)]
            if self.strict:
                raise AmbiguousPlace(query, [best, *others[:4]])
            warnings.warn(
                f"{query!r} resolved to {best} but the runner-up is close: "
                f"{others[0] if others else '?'}; add a hint or pin the stop",
                AmbiguityWarning,
                stacklevel=2,
            )
        return best

    # ------------------------------------------------------------ geopy contract
    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        limit: int | None = None,
        hint: str | None = None,
        country_codes: str | Sequence[str] | None = None,
        **_kwargs: Any,
    ) -> Any:
        """geopy-style geocode: None, one ``Location`` or a list of them."""
        from geopy.location import Location

        cands = self.candidates(query, hint=hint, country=country_codes, limit=limit or 10)
        if not cands:
            return None
        locs = [Location(_address(c.record), (c.record.lat, c.record.lon, 0.0), _raw(c)) for c in cands]
        return locs[0] if exactly_one else locs

    def reverse(
        self, query: Any, *, exactly_one: bool = True, limit: int | None = None, **_kwargs: Any
    ) -> Any:
        """geopy-style reverse: the nearest place(s) to a ``(lat, lon)`` pair or geopy Point."""
        from geopy.location import Location
        from geopy.point import Point

        p = Point(query)
        hits = self.gazetteer.nearest(p.latitude, p.longitude, k=1 if exactly_one else (limit or 5))
        locs = [
            Location(_address(r), (r.lat, r.lon, 0.0), {**_record_raw(r), "distance_km": d}) for r, d in hits
        ]
        if not locs:
            return None
        return locs[0] if exactly_one else locs


def _same_place(a: Record, b: Record) -> bool:
    """Two answers that a reader would take for the same place: points within 25 km, or a
    region and its namesake city inside it (the city of Moscow and Moscow region)."""
    area = {"country", "region"}
    if a.kind in area and b.kind in area:
        return a.id == b.id
    if a.kind in area or b.kind in area:
        region, city = (a, b) if a.kind in area else (b, a)
        if region.kind == "country":  # a city-state, or the capital standing for its country
            return haversine_km(a.lat, a.lon, b.lat, b.lon) <= SAME_PLACE_KM
        return city.admin1 == region.name and city.country_code == region.country_code
    return haversine_km(a.lat, a.lon, b.lat, b.lon) <= SAME_PLACE_KM


def _with_confidence(cands: list[Candidate]) -> list[Candidate]:
    """Softmax over scores; candidates within 25 km of a better one count with it."""
    if not cands:
        return cands
    top = cands[0].score
    weights = [math.exp((c.score - top) / TEMPERATURE) for c in cands]
    total = sum(weights)
    out = []
    for c, _w in zip(cands, weights, strict=True):
        same = sum(w2 for c2, w2 in zip(cands, weights, strict=True) if _same_place(c.record, c2.record))
        conf = (same / total) * min(1.0, c.name_score)
        out.append(Candidate(c.record, c.score, c.name_score, c.matched, conf, c.reasons))
    return out


def _address(r: Record) -> str:
    parts = [r.name]
    if r.admin1 and r.admin1 != r.name:
        parts.append(r.admin1)
    if r.country_code and r.kind != "country":
        parts.append(r.country_code)
    return ", ".join(parts)


def _record_json(r: Record) -> dict[str, Any]:
    return {
        "id": r.id,
        "name": r.name,
        "latitude": r.lat,
        "longitude": r.lon,
        "kind": r.kind,
        "country_code": r.country_code or None,
        "admin1": r.admin1,
    }


def _record_raw(r: Record) -> dict[str, Any]:
    return {**_record_json(r), "population": r.population}


def _raw(c: Candidate) -> dict[str, Any]:
    return {**_record_raw(c.record), "confidence": c.confidence, "score": c.score}


__all__ = ["LANDMARK_KINDS", "Candidate", "OfflineGeocoder"]
