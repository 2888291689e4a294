"""Qualifiers and hints: what "…, Texas", "(Illinois)" or a free-text hint ("Amur Oblast",
"Woodside, California") names in the gazetteer (countries, admin-1 regions, the points of
named cities and landmarks, kind words), and whether a record lies there.

The ranking (:mod:`itinerary.geocode.ranking`) scores and filters candidates with these.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from itinerary.coords import haversine_km
from itinerary.geocode.gazetteer import Gazetteer
from itinerary.geocode.matching import KIND, LANDMARK_CODES, country_of
from itinerary.geocode.normalize import KIND_WORDS, analyze

NEAR_KM = 60.0  # a qualifier or hint naming a city covers what lies this close to it


@dataclass
class Hint:
    """What a qualifier or a hint says: countries (ISO codes), admin-1 regions (gazetteer
    admin-1 numbers), points of named cities, kind words, and the records it named."""

    countries: set[str] = field(default_factory=set)
    admin1: set[int] = field(default_factory=set)
    points: list[tuple[float, float]] = field(default_factory=list)
    point_records: list[int] = field(default_factory=list)
    kinds: set[str] = field(default_factory=set)
    records: set[int] = field(default_factory=set)

    @property
    def resolved(self) -> bool:
        return bool(self.countries or self.admin1 or self.points)


class HintReader:
    """Reads qualifiers and hints against one gazetteer."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def part(self, part: str) -> Hint:
        """What one qualifier names: countries and admin-1 regions (by name in any language
        or by code: ISO 3166-1, ISO 3166-2 "US-TX" or its tail "TX"); only when it names
        neither, the most populous cities or the landmarks of that name (a landmark's city)."""
        g = self.gazetteer
        out = Hint()
        info = analyze(part)
        if info.kinds and all(t in KIND_WORDS for t in info.tokens):  # "region", "airport"
            out.kinds.update(info.kinds)
            return out
        wants_region = "region" in info.kinds
        hits = g.exact(info.key)
        code = part.strip().replace(".", "")
        if 2 <= len(code) <= 6 and code.replace("-", "").isalnum():
            hits += g.code(code)
            out.admin1.update(g.admin1_by_code.get(code.upper(), ()))
        for i in hits:
            kind = int(g.kind_codes[i])
            if kind == KIND["country"] and not wants_region:
                out.countries.add(country_of(self.gazetteer, i))
                out.records.add(i)
            elif kind == KIND["region"]:
                out.admin1.add(int(g.admin1_codes[i]))
                out.records.add(i)
        if not out.resolved and not wants_region:
            self.add_points(out, hits)
        if not out.resolved:
            out.kinds.update(info.kinds)
        return out

    def add_points(self, out: Hint, hits: Sequence[int]) -> None:
        """The three most populous cities (of 1,000+) and every landmark among ``hits``."""
        g = self.gazetteer
        landmarks = [i for i in hits if int(g.kind_codes[i]) in LANDMARK_CODES]
        cities = sorted(
            (i for i in hits if g.kind_codes[i] == KIND["city"] and g._pop[i] >= 1000),
            key=lambda i: -int(g._pop[i]),
        )[:3]
        for i in (*cities, *landmarks):
            out.points.append((float(g.lat[i]), float(g.lon[i])))
            out.point_records.append(i)
            out.records.add(i)

    def hint(self, hint: str | None) -> Hint:
        """The free-text hint: every comma part, and the whole, resolved like a qualifier."""
        out = Hint()
        if not hint:
            return out
        parts = [hint, *hint.split(",")] if "," in hint else [hint]
        for part in parts:
            h = self.part(part)
            out.countries |= h.countries
            out.admin1 |= h.admin1
            out.points += h.points
            out.point_records += h.point_records
            out.kinds |= h.kinds
            out.records |= h.records
        return out

    # ------------------------------------------------------------ scoring

    def agreement(self, i: int, h: Hint) -> tuple[bool, bool]:
        """(agrees, is the very record the hint names): in a named country or region, or
        near a named city."""
        g = self.gazetteer
        if i in h.records:
            return False, True
        adm = int(g.admin1_codes[i])
        if (adm and adm in h.admin1) or country_of(self.gazetteer, i) in h.countries:
            return True, False
        lat, lon = float(g.lat[i]), float(g.lon[i])
        close = any(haversine_km(lat, lon, la, lo) <= NEAR_KM for la, lo in h.points)
        return close, False

    def within(self, i: int, scope: list[Hint]) -> bool:
        """In every place of ``scope`` (or one of them): its country, its region, within
        ``NEAR_KM`` of its city."""
        for h in scope:
            agrees, is_self = self.agreement(i, h)
            if not (agrees or is_self):
                return False
        return True

    def scope_countries(self, scope: list[Hint]) -> set[str]:
        """The countries the places of ``scope`` lie in."""
        g = self.gazetteer
        out: set[str] = set()
        for h in scope:
            out |= h.countries
            out |= {country_of(self.gazetteer, i) for i in h.records}
            out |= {g.admin1_ids[n].split("-", 1)[0] for n in h.admin1 if g.admin1_ids[n]}
        return out

    def points_within(self, h: Hint, text: str, areas: list[Hint]) -> None:
        """Replace the cities a qualifier names by those of that name inside ``areas``."""
        g = self.gazetteer
        hits = [
            i
            for i in g.exact(analyze(text).key)
            if int(g.kind_codes[i]) == KIND["city"] and self.within(i, areas)
        ]
        if hits:
            h.records -= set(h.point_records)
            h.points, h.point_records = [], []
            self.add_points(h, hits)

    def place_points(self, texts: Sequence[str], parts: list[Hint]) -> None:
        """Among several parts ("Woodside, California"), the cities a part names are those of
        that name inside the countries and regions the other parts name."""
        for n, (text, h) in enumerate(zip(texts, parts, strict=True)):
            areas = [o for o in parts[:n] + parts[n + 1 :] if o.countries or o.admin1]
            if h.points and areas:
                self.points_within(h, text, areas)
