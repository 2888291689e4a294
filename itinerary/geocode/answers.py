"""What the offline geocoder answers: a ranked :class:`Candidate` and its JSON shapes, the
:class:`Weights` of the ranking, and when two answers are one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from itinerary.coords import SAME_CITY_KM, haversine_km
from itinerary.geocode.gazetteer import Record
from itinerary.identity import AREA_KINDS, same_place
from itinerary.model import Place

SAME_PLACE_KM = SAME_CITY_KM


@dataclass(frozen=True)
class Weights:
    """Feature weights of the ranking (log-odds units; see the module docstring).

    Set on the tuning half of the GeoNames-wide query sets (``benchmarks/geocode_sets.py``)
    and checked on the held-out half by ``benchmarks/bench_geocode.py``.
    """

    name: float = 4.0  # an exact name match (fuzzy matches get name * similarity)
    alternate: float = 2.0  # an alternate or historic name, not the record's own
    curated_alias: float = 0.5  # an alias of a curated landmark ("Maison Blanche", "Matignon")
    article: float = 0.8  # the primary name, but only once articles are dropped ("El Salvador")
    reduced: float = 2.0  # "Vladivostok" for "Vladivostok Airport"
    fuzzy: float = 1.0  # any fuzzy match
    edit: float = 0.7  # per edit of a fuzzy match
    code: float = 4.0  # an upper-case code that is an IATA/ICAO/ISO code
    population: float = 0.8  # per factor 10 of population
    capital: float = 0.8
    # prominence beside the population, which alone decides between homonyms badly ("Valencia":
    # Venezuela's city holds more people than Spain's; "Victoria": a district of Hong Kong)
    seat: float = 0.0  # the capital of a first-level division (Natural Earth; no better held out)
    # times (10 - Natural Earth's scalerank) / 10: how a map-maker ranks the town. Natural Earth
    # ranks a town against its own region (a sparse country's towns rank high: Worcester, South
    # Africa, before Worcester, Massachusetts), so the rank counts half as much as a factor 10 of
    # people (1.0 sent Baoshan, Santa Ana and Worcester to a lesser namesake and gained nothing
    # on the homonym list)
    rank: float = 0.5
    fame: float = 1.5  # per factor 10 of the town's other names beyond 30 (languages name famous places)
    # an alternate name of a town a map names otherwise ("Victoria": Hong Kong), beyond ``alternate``.
    # 0: such names weigh as any alternate name. 1.0 reordered the weak readings below the answer
    # ("Goa", one of Genoa's other names, fell below a town of the state of Goa that bears its
    # name, and the extractor then took that town for the state) and won nothing on the homonym
    # list nor on the geocoder's sets (one typo query aside)
    unmapped_name: float = 0.0
    kind_stated: float = 3.0  # the query's own kind word ("... Airport")
    kind_hinted: float = 1.5  # a kind word of the hint ("region")
    kind_other: float = -0.8
    kind_city: float = -0.3
    qualifier: float = 3.0  # per qualifier agreeing (+) or disagreeing (-)
    hint_country: float = 1.0
    hint_country_fuzzy: float = 2.5  # a typo'd name leans on the hint's country
    hint_region: float = 3.0
    hint_near: float = 1.0
    # a stop near the trip's other stops, times exp(-km / context_km) (3.5 within 500 km won two
    # more homonyms but sent a country, Luxembourg, to its neighbour's province of that name)
    context: float = 1.5
    context_km: float = 1000.0
    context_country: float = 1.5  # times the share of the trip's other stops in its country
    temperature: float = 0.5
    fuzzy_cap: float = 0.75  # the most a fuzzy match can be trusted
    doubtful_cap: float = 0.4  # a fuzzy match in another country than the hint, or too short


WEIGHTS = Weights()


@dataclass(frozen=True)
class Candidate:
    """A ranked gazetteer answer.

    ``match`` says how the name matched (exact, alternate, fuzzy, curated) and ``ambiguous``
    that the answer needs a human look (a close runner-up or a fuzzy match).
    """

    record: Record
    score: float
    name_score: float
    matched: str
    confidence: float = 0.0
    reasons: tuple[str, ...] = field(default=(), compare=False)
    match: str = "exact"
    ambiguous: bool = False
    renown: float = field(default=0.0, compare=False)  # the part of ``score`` that is the town's renown

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
        return {
            **_record_json(self.record),
            "confidence": round(self.confidence, 3),
            "match": self.match,
            "ambiguous": self.ambiguous,
        }

    def __str__(self) -> str:
        r = self.record
        where = ", ".join(x for x in (r.admin1, r.country_code) if x)
        return f"{r.name} ({r.kind}, {where}; {r.lat:.4f}, {r.lon:.4f}; confidence {self.confidence:.2f})"


def _same_place(a: Record, b: Record) -> bool:
    """Two answers a reader would take for one place: :func:`itinerary.identity.same_place`
    (the same record, or points within ``SAME_PLACE_KM``), and also a region and its namesake
    city inside it (the city of Moscow and Moscow region), or a country and a point within
    ``SAME_PLACE_KM`` of its own (a city-state, a capital standing for its country)."""
    if (a.kind in AREA_KINDS) != (b.kind in AREA_KINDS):
        region, city = (a, b) if a.kind in AREA_KINDS else (b, a)
        if region.kind == "country":
            return haversine_km(a.lat, a.lon, b.lat, b.lon) <= SAME_PLACE_KM
        return (
            region.admin1_id is not None
            and city.admin1_id == region.admin1_id
            and city.country_code == region.country_code
        )
    return same_place(a, b, SAME_PLACE_KM)


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
    return {
        **_record_raw(c.record),
        "confidence": c.confidence,
        "score": c.score,
        "match": c.match,
        "ambiguous": c.ambiguous,
    }
