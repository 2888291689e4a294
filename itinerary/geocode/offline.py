"""OfflineGeocoder: the embedded gazetteer behind geopy's geocoder contract.

``OfflineGeocoder().geocode("Paris, TX")`` returns a geopy ``Location`` whose ``raw`` is our
record, so the class works with ``geopandas.tools.geocode(names, provider=OfflineGeocoder)``
and geopy's ``RateLimiter`` unchanged.

A query is parsed into a place and its qualifiers ("City, Admin-1, Country", "Springfield
(Illinois)", "Kumsusan Palace, Pyongyang"; see :mod:`itinerary.geocode.query`). Every record
whose name matches the place is scored on features, with the weights in :data:`WEIGHTS`:

- how the name matches: the record's primary name, an alternate (or historic) name, a
  landmark's name without its kind words, a code (IATA, ICAO, ISO), or a fuzzy match with its
  edit distance;
- prominence: population, national capital, country, region, curated landmark;
- agreement with the query's kind words ("airport", "oblast"), its qualifiers (a filter: a
  country, an admin-1 region, or a containing city for landmarks), the free-text hint and
  the trip's other stops.

The confidence is the softmax share of the best answer among the candidates (namesakes within
25 km count as one place), capped for fuzzy matches. :meth:`OfflineGeocoder.candidates`
exposes the ranking.
"""

from __future__ import annotations

import math
import re
import warnings
import weakref
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from itinerary.coords import EARTH_RADIUS_KM
from itinerary.errors import AmbiguityWarning, AmbiguousPlace, PlaceNotFound
from itinerary.geocode.gazetteer import (
    ALTERNATE,
    CODE,
    KINDS,
    LANDMARK_KINDS,
    PRIMARY,
    REDUCED,
    Gazetteer,
    Record,
)
from itinerary.geocode.normalize import analyze, full_key, has_cyrillic, transliterate
from itinerary.geocode.query import ParsedQuery, parse_query, parse_structured
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
NEAR_KM = 60.0  # a qualifier or hint naming a city covers what lies this close to it
AMBIGUOUS_BELOW = 0.6
FUZZY_CUTOFF = 75.0
SHORT_NAME = 6  # a name this short is not confidently matched more than one edit away
_CODE_QUERY = re.compile(r"[A-Za-z]{3,4}")
_KIND = {k: i for i, k in enumerate(KINDS)}
_AREA = np.array([_KIND["country"], _KIND["region"]])


@dataclass(frozen=True)
class Weights:
    """Feature weights of the ranking (log-odds units; see the module docstring).

    Set on the tuning half of the GeoNames-wide query sets (``benchmarks/geocode_sets.py``)
    and checked on the held-out half by ``benchmarks/bench_geocode.py``.
    """

    name: float = 4.0  # an exact name match (fuzzy matches get name * similarity)
    alternate: float = 2.0  # an alternate or historic name, not the record's own
    article: float = 0.8  # the primary name, but only once articles are dropped ("El Salvador")
    reduced: float = 2.0  # "Vladivostok" for "Vladivostok Airport"
    fuzzy: float = 1.0  # any fuzzy match
    edit: float = 0.7  # per edit of a fuzzy match
    code: float = 4.0  # an upper-case code that is an IATA/ICAO/ISO code
    population: float = 0.8  # per factor 10 of population
    capital: float = 0.8
    kind_stated: float = 3.0  # the query's own kind word ("... Airport")
    kind_hinted: float = 1.5  # a kind word of the hint ("region")
    kind_other: float = -0.8
    kind_city: float = -0.3
    qualifier: float = 3.0  # per qualifier agreeing (+) or disagreeing (-)
    hint_country: float = 1.0
    hint_country_fuzzy: float = 2.5  # a typo'd name leans on the hint's country
    hint_region: float = 3.0
    hint_near: float = 1.0
    context: float = 1.5  # a stop near the trip's other stops
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


@dataclass
class _Hint:
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


@dataclass
class _Matches:
    """Candidate records of a place name as parallel arrays."""

    idx: np.ndarray
    mtype: np.ndarray
    similarity: np.ndarray  # 1.0 for exact matches, rapidfuzz ratio / 100 for fuzzy ones
    edits: np.ndarray
    keys: list[str]  # the gazetteer key each candidate matched
    kinds: frozenset[str]

    @property
    def fuzzy(self) -> np.ndarray:
        return self.similarity < 1.0


_PRIORS: weakref.WeakKeyDictionary[Gazetteer, np.ndarray] = weakref.WeakKeyDictionary()


def _priors(g: Gazetteer, w: Weights) -> np.ndarray:
    """Prominence of every record: cities by log population (+ capital), countries like a
    city of 10 million, regions like one of 100,000, landmarks by curated importance."""
    if g in _PRIORS:
        return _PRIORS[g]
    kind = g.kind_codes
    imp = g._importance.astype(np.float64)
    out = w.population * np.log10(g._pop.astype(np.float64) + 1.0)
    out += np.where(imp > 1.0, w.capital, 0.0)
    out = np.where(kind == _KIND["country"], w.population * 7.0, out)
    out = np.where(kind == _KIND["region"], w.population * 5.0, out)
    landmark = np.isin(kind, [_KIND[k] for k in LANDMARK_KINDS])
    out = np.where(landmark, w.population * 6.0 * imp, out)
    _PRIORS[g] = out
    return out


def _distances_km(lat: float, lon: float, lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    """Great-circle distances from one point to many (vectorised haversine)."""
    p1, p2 = math.radians(lat), np.radians(lats)
    dp, dl = p2 - p1, np.radians(lons - lon)
    a = np.sin(dp / 2) ** 2 + math.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    out: np.ndarray = 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(a)))
    return out


def _wanted(kinds: frozenset[str] | set[str]) -> np.ndarray:
    return np.array(sorted({_KIND[k] for x in kinds for k in KIND_MATCH.get(x, {x}) if k in _KIND}))


class OfflineGeocoder:
    """Geocode place names with no network, on the embedded gazetteer.

    Parameters
    ----------
    gazetteer:
        The index to use; the shared default when omitted.
    strict:
        Raise :class:`~itinerary.errors.AmbiguousPlace` instead of warning when the best
        answer is ambiguous (confidence below ``ambiguous_below``, or a fuzzy match).
    """

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        *,
        strict: bool = False,
        ambiguous_below: float = AMBIGUOUS_BELOW,
        weights: Weights = WEIGHTS,
        **_geopy_kwargs: Any,
    ) -> None:
        self._gazetteer = gazetteer
        self.strict = strict
        self.ambiguous_below = ambiguous_below
        self.weights = weights

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = Gazetteer.default()
        return self._gazetteer

    # ------------------------------------------------------------ name matches
    def _matches(self, place: str, countries: set[str]) -> _Matches:
        """Exact matches of ``place`` (and codes); fuzzy ones when there is none, or none in
        the ``countries`` a hint or qualifier names."""
        g = self.gazetteer
        info = analyze(place)
        keys = [info.key]
        if has_cyrillic(info.key):
            keys.append(analyze(transliterate(place)).key)
        found: dict[int, int] = {}
        for key in keys:
            for i, m in g.exact_typed(key):
                found[i] = min(m, found.get(i, m))
        if _CODE_QUERY.fullmatch(place.strip()):
            for i in g.code(place):
                found.setdefault(i, CODE)
        n = len(found)
        exact = _Matches(
            np.fromiter(found.keys(), dtype=np.int64, count=n),
            np.fromiter(found.values(), dtype=np.int64, count=n),
            np.ones(n),
            np.zeros(n),
            [keys[0]] * n,
            info.kinds,
        )
        if n and not (countries and not self._any_in(exact.idx, countries)):
            return exact
        return _concat(exact, self._fuzzy_matches(keys, info.kinds, found, wide=bool(countries)))

    def _any_in(self, idx: np.ndarray, countries: set[str]) -> bool:
        g = self.gazetteer
        return any(g.countries[c] in countries for c in g.country_codes[idx].tolist())

    def _fuzzy_matches(self, keys: list[str], kinds: frozenset[str], skip: dict[int, int], wide: bool) -> _Matches:
        from rapidfuzz.distance import Levenshtein

        g = self.gazetteer
        best: dict[int, tuple[int, float, int, str]] = {}
        for key in keys:
            for k, score in g.fuzzy(key, limit=40 if wide else 12, cutoff=FUZZY_CUTOFF):
                edits = Levenshtein.distance(key, k)
                for i, m in g.exact_typed(k):
                    if i not in skip and (i not in best or best[i][1] < score):
                        best[i] = (m, score / 100.0, edits, k)
        vals = list(best.values())
        return _Matches(
            np.fromiter(best.keys(), dtype=np.int64, count=len(best)),
            np.array([v[0] for v in vals], dtype=np.int64),
            np.array([v[1] for v in vals], dtype=np.float64),
            np.array([v[2] for v in vals], dtype=np.float64),
            [v[3] for v in vals],
            kinds,
        )

    # ------------------------------------------------------------ qualifiers and hints
    def _resolve_part(self, part: str) -> _Hint:
        """What one qualifier names: countries and admin-1 regions (by name in any language
        or by code: ISO 3166-1, ISO 3166-2 "US-TX" or its tail "TX"); only when it names
        neither, the most populous cities or the landmarks of that name (a landmark's city)."""
        g = self.gazetteer
        out = _Hint()
        info = analyze(part)
        wants_region = "region" in info.kinds
        hits = g.exact(info.key)
        code = part.strip().replace(".", "")
        if 2 <= len(code) <= 6 and code.replace("-", "").isalnum():
            hits += g.code(code)
            out.admin1.update(g.admin1_by_code.get(code.upper(), ()))
        for i in hits:
            kind = int(g.kind_codes[i])
            if kind == _KIND["country"] and not wants_region:
                out.countries.add(g.countries[int(g.country_codes[i])])
                out.records.add(i)
            elif kind == _KIND["region"]:
                out.admin1.add(int(g.admin1_codes[i]))
                out.records.add(i)
        if not out.resolved and not wants_region:
            self._add_points(out, hits)
        if not out.resolved:
            out.kinds.update(info.kinds)
        return out

    def _add_points(self, out: _Hint, hits: Sequence[int]) -> None:
        """The three most populous cities (of 1,000+) and every landmark among ``hits``."""
        g = self.gazetteer
        landmarks = [i for i in hits if KINDS[int(g.kind_codes[i])] in LANDMARK_KINDS]
        cities = sorted(
            (i for i in hits if g.kind_codes[i] == _KIND["city"] and g._pop[i] >= 1000),
            key=lambda i: -int(g._pop[i]),
        )[:3]
        for i in (*cities, *landmarks):
            out.points.append((float(g.lat[i]), float(g.lon[i])))
            out.point_records.append(i)
            out.records.add(i)

    def _parse_hint(self, hint: str | None) -> _Hint:
        """The free-text hint: every comma part, and the whole, resolved like a qualifier."""
        out = _Hint()
        if not hint:
            return out
        parts = [hint, *hint.split(",")] if "," in hint else [hint]
        for part in parts:
            h = self._resolve_part(part)
            out.countries |= h.countries
            out.admin1 |= h.admin1
            out.points += h.points
            out.point_records += h.point_records
            out.kinds |= h.kinds
            out.records |= h.records
        return out

    # ------------------------------------------------------------ scoring
    def _agreement(self, m: _Matches, h: _Hint) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Per candidate: in a named country, in a named region, near a named city, is a named record."""
        g = self.gazetteer
        idx = m.idx
        in_country = _member(g.country_codes[idx], [g.countries.index(c) for c in h.countries])
        adm = g.admin1_codes[idx]
        in_region = _member(adm, h.admin1) & (adm > 0)
        near = np.zeros(len(idx), bool)
        for (lat, lon), rec in zip(h.points, h.point_records, strict=True):
            near |= (_distances_km(lat, lon, g.lat[idx], g.lon[idx]) <= NEAR_KM) & (idx != rec)
        return in_country, in_region, near, _member(idx, h.records)

    def _name_scores(self, m: _Matches, place: str) -> np.ndarray:
        w = self.weights
        s = w.name * m.similarity
        s -= np.where(m.mtype == ALTERNATE, w.alternate, 0.0)
        if not m.kinds:
            s -= np.where(m.mtype == REDUCED, w.reduced, 0.0)
        upper = place.strip().isupper()
        s += np.where(m.mtype == CODE, w.code if upper else -w.alternate, 0.0)
        s -= np.where(m.fuzzy, w.fuzzy + w.edit * m.edits, 0.0)
        return s

    def _article_penalty(self, m: _Matches, s: np.ndarray, place: str, top: int) -> None:
        """Lower the primary names that match only once articles are dropped ("El Salvador"
        for "Salvador"), among the best ``top`` (a penalty only lowers, so that suffices)."""
        want, names, checked = full_key(place), self.gazetteer._names, set()
        while True:
            best = np.argsort(-s, kind="stable")[:top].tolist()
            todo = [j for j in best if j not in checked and m.mtype[j] == PRIMARY and not m.fuzzy[j]]
            if not todo:
                return
            for j in todo:
                checked.add(j)
                if full_key(names[int(m.idx[j])]) != want:
                    s[j] -= self.weights.article

    def _kind_scores(self, m: _Matches, hint: _Hint, kind: str | None) -> np.ndarray | float:
        w, g = self.weights, self.gazetteer
        kinds = set(m.kinds | hint.kinds | ({kind} if kind else set()))
        if not kinds:
            return 0.0
        k = g.kind_codes[m.idx]
        stated = _member(k, _wanted(m.kinds))
        wanted = _member(k, _wanted(kinds))
        other = np.where(k == _KIND["city"], w.kind_city, w.kind_other)
        out: np.ndarray = np.where(stated, w.kind_stated, np.where(wanted, w.kind_hinted, other))
        return out

    def _scores(
        self,
        m: _Matches,
        place: str,
        qualifiers: list[_Hint],
        hint: _Hint,
        kind: str | None,
        near: Sequence[tuple[float, float]],
    ) -> np.ndarray:
        w, g = self.weights, self.gazetteer
        s = self._name_scores(m, place) + _priors(g, w)[m.idx] + self._kind_scores(m, hint, kind)
        for q in qualifiers:
            in_country, in_region, close, is_self = self._agreement(m, q)
            agree = in_region | close | in_country  # "GA": Gabon or Georgia (US)
            s += np.where(is_self, 0.0, np.where(agree, w.qualifier, -w.qualifier))
        if hint.resolved:
            in_country, in_region, close, is_self = self._agreement(m, hint)
            if hint.countries:
                weight = np.where(m.fuzzy, w.hint_country_fuzzy, w.hint_country)
                s += np.where(is_self, 0.0, np.where(in_country, weight, -weight))
            s += np.where(in_region & ~is_self, w.hint_region, 0.0)
            s += np.where(close & ~is_self, w.hint_near, 0.0)
        if near:
            d = np.min([_distances_km(la, lo, g.lat[m.idx], g.lon[m.idx]) for la, lo in near], axis=0)
            s += w.context * np.exp(-d / 1000.0)
        return s

    # ------------------------------------------------------------ confidence
    def _same_place(self, best: int, others: np.ndarray) -> np.ndarray:
        """Which of ``others`` a reader would take for the same place as ``best``: points
        within 25 km, or a region and its namesake city inside it (Moscow and Moscow region)."""
        g = self.gazetteer
        kb = int(g.kind_codes[best])
        ko = g.kind_codes[others]
        region_o = ko == _KIND["region"]
        area_o = region_o | (ko == _KIND["country"])
        if kb == _KIND["region"]:
            inside = g.admin1_codes[others] == g.admin1_codes[best]
            return np.where(area_o, others == best, inside)
        d = _distances_km(float(g.lat[best]), float(g.lon[best]), g.lat[others], g.lon[others])
        close = d <= SAME_PLACE_KM
        if kb == _KIND["country"]:
            return np.where(area_o, others == best, close)
        contains = g.admin1_codes[others] == g.admin1_codes[best]
        return np.where(region_o, contains, close)

    def _confidences(self, m: _Matches, s: np.ndarray, order: np.ndarray, n: int, h: _Hint) -> list[float]:
        w, g = self.weights, self.gazetteer
        top = order[:50]
        weights = np.exp((s[top] - s[top[0]]) / w.temperature)
        total = float(weights.sum())
        out = []
        for j in top[:n].tolist():
            conf = 1.0 if len(top) == 1 else float(weights[self._same_place(int(m.idx[j]), m.idx[top])].sum()) / total
            if m.fuzzy[j]:
                cap = w.fuzzy_cap
                short = len(m.keys[j]) <= SHORT_NAME and m.edits[j] > 1
                if short or (h.countries and g.countries[int(g.country_codes[m.idx[j]])] not in h.countries):
                    cap = w.doubtful_cap
                conf = min(conf * float(m.similarity[j]), cap)
            out.append(conf)
        return out

    # ------------------------------------------------------------ ranking
    def candidates(
        self,
        query: str | Mapping[str, str],
        *,
        hint: str | None = None,
        country: str | Sequence[str] | None = None,
        kind: str | None = None,
        near: Sequence[tuple[float, float]] = (),
        limit: int = 10,
    ) -> list[Candidate]:
        """Every plausible answer for ``query``, best first, with scores and confidences.

        ``query`` is free text ("Paris, TX") or a Nominatim-style structured dict;
        ``country`` restricts the answers to ISO 3166-1 codes (geopy's ``country_codes``);
        ``near`` is the trip's context: (lat, lon) points of the other stops.
        """
        parsed = parse_structured(query) if isinstance(query, Mapping) else parse_query(query)
        g = self.gazetteer
        if parsed.head != parsed.place and g.exact(analyze(parsed.head).key):
            parsed = ParsedQuery(parsed.head, parsed.qualifiers[parsed.in_head :], parsed.near)  # "Halle (Saale)"
        quals = [self._resolve_part(q) for q in parsed.qualifiers]
        if isinstance(query, str) and any(not q.resolved for q in quals) and g.exact(analyze(query).key):
            parsed, quals = ParsedQuery(query.strip()), []
        h = self._parse_hint(hint)
        for q in quals:  # kind words of an unresolved qualifier ("Vostochny, cosmodrome")
            h.kinds |= q.kinds
        return self._rank(parsed, [q for q in quals if q.resolved], h, country, kind, near, limit)

    def _rank(
        self,
        parsed: ParsedQuery,
        quals: list[_Hint],
        h: _Hint,
        country: str | Sequence[str] | None,
        kind: str | None,
        near: Sequence[tuple[float, float]],
        limit: int,
    ) -> list[Candidate]:
        g = self.gazetteer
        countries = set().union(h.countries, *(q.countries for q in quals))
        m = self._matches(parsed.place, countries)
        if country:
            wanted = [country] if isinstance(country, str) else list(country)
            m = _subset(m, _member(g.country_codes[m.idx], [g.countries.index(c.upper())
                                                            for c in wanted if c.upper() in g.countries]))  # fmt: skip
        if not len(m.idx):
            return []
        s = self._scores(m, parsed.place, quals, h, kind, near)
        self._article_penalty(m, s, parsed.place, max(limit, 5))
        order = np.lexsort((m.idx, -g._pop[m.idx], -s))
        n = min(limit, len(order))
        conf = self._confidences(m, s, order, n, h)
        out = []
        for c, j in zip(conf, order[:n].tolist(), strict=True):
            r = g.record(int(m.idx[j]))
            label = self._label(m, j, r)
            ambiguous = c < self.ambiguous_below or label == "fuzzy"
            out.append(
                Candidate(r, float(s[j]), float(m.similarity[j]), m.keys[j], c, (label,), label, ambiguous)
            )
        return out

    @staticmethod
    def _label(m: _Matches, j: int, r: Record) -> str:
        if m.fuzzy[j]:
            return "fuzzy"
        if r.id.startswith("landmark:"):
            return "curated"
        return "alternate" if int(m.mtype[j]) == ALTERNATE else "exact"

    def resolve(
        self,
        query: str | Mapping[str, str],
        *,
        hint: str | None = None,
        country: str | Sequence[str] | None = None,
        near: Sequence[tuple[float, float]] = (),
    ) -> Candidate:
        """The best candidate; warns (or raises when ``strict``) if it is ambiguous."""
        cands = self.candidates(query, hint=hint, country=country, near=near)
        if not cands:
            raise PlaceNotFound(str(query), self.gazetteer.suggestions(_place_text(query)))
        best = cands[0]
        if best.ambiguous:
            others = [c for c in cands[1:] if not _same_place(best.record, c.record)]
            if self.strict:
                raise AmbiguousPlace(str(query), [best, *others[:4]])
            self._warn(query, best, others, stacklevel=3)
        return best

    @staticmethod
    def _warn(query: Any, best: Candidate, others: list[Candidate], *, stacklevel: int) -> None:
        if best.match == "fuzzy":
            why = f"only a fuzzy match ({best.matched!r})"
        else:
            why = f"the runner-up is close: {others[0] if others else '?'}"
        warnings.warn(
            f"{query!r} resolved to {best} but {why}; add a hint or pin the stop",
            AmbiguityWarning,
            stacklevel=stacklevel + 1,
        )

    # ------------------------------------------------------------ geopy contract
    def geocode(
        self,
        query: str | Mapping[str, str],
        *,
        exactly_one: bool = True,
        limit: int | None = None,
        hint: str | None = None,
        country_codes: str | Sequence[str] | None = None,
        **_kwargs: Any,
    ) -> Any:
        """geopy-style geocode: None, one ``Location`` or a list of them.

        ``query`` may be a Nominatim-style dict; ``country_codes`` restricts the answers.
        An ambiguous or fuzzy best answer emits an :class:`AmbiguityWarning`.
        """
        from geopy.location import Location

        cands = self.candidates(
            query, hint=hint, country=country_codes, limit=2 if exactly_one else (limit or 10)
        )
        if not cands:
            return None
        if cands[0].ambiguous:
            self._warn(query, cands[0], cands[1:], stacklevel=2)
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


def _member(values: np.ndarray, wanted: Any) -> np.ndarray:
    """``np.isin`` for a handful of wanted values (much cheaper than ``np.isin`` on small arrays)."""
    out = np.zeros(len(values), bool)
    for v in wanted:
        out |= values == v
    return out


def _subset(m: _Matches, keep: np.ndarray) -> _Matches:
    keys = [k for k, x in zip(m.keys, keep.tolist(), strict=True) if x]
    return _Matches(m.idx[keep], m.mtype[keep], m.similarity[keep], m.edits[keep], keys, m.kinds)


def _concat(a: _Matches, b: _Matches) -> _Matches:
    return _Matches(
        np.concatenate([a.idx, b.idx]),
        np.concatenate([a.mtype, b.mtype]),
        np.concatenate([a.similarity, b.similarity]),
        np.concatenate([a.edits, b.edits]),
        a.keys + b.keys,
        a.kinds,
    )


def _place_text(query: str | Mapping[str, str]) -> str:
    return query if isinstance(query, str) else parse_structured(query).place


def _same_place(a: Record, b: Record) -> bool:
    """Two answers that a reader would take for the same place: points within 25 km, or a
    region and its namesake city inside it (the city of Moscow and Moscow region)."""
    from itinerary.coords import haversine_km

    area = {"country", "region"}
    if a.kind in area and b.kind in area:
        return a.id == b.id
    if a.kind in area or b.kind in area:
        region, city = (a, b) if a.kind in area else (b, a)
        if region.kind == "country":  # a city-state, or the capital standing for its country
            return haversine_km(a.lat, a.lon, b.lat, b.lon) <= SAME_PLACE_KM
        return city.admin1_id == region.admin1_id and city.country_code == region.country_code
    return haversine_km(a.lat, a.lon, b.lat, b.lon) <= SAME_PLACE_KM


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


__all__ = ["LANDMARK_KINDS", "WEIGHTS", "Candidate", "OfflineGeocoder", "Weights"]
