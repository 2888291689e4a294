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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from itinerary.coords import haversine_km
from itinerary.errors import AmbiguityWarning, AmbiguousPlace, PlaceNotFound
from itinerary.geocode.answers import (
    SAME_PLACE_KM,
    WEIGHTS,
    Candidate,
    Weights,
    _raw,
    _same_place,
)
from itinerary.geocode.answers import _address as _address  # re-exported: geocode/toponyms.py imports
from itinerary.geocode.answers import _record_raw as _record_raw  # these two from here
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
from itinerary.geocode.normalize import KIND_WORDS, analyze, full_key, has_cyrillic, transliterate
from itinerary.geocode.query import ParsedQuery, parse_query, parse_structured

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


NEAR_KM = 60.0  # a qualifier or hint naming a city covers what lies this close to it


AMBIGUOUS_BELOW = 0.6


FUZZY_CUTOFF = 80.0  # rapidfuzz ratio; 75 for keys of up to 8 letters (one edit in "Dili" is 75)


SHORT_FUZZY_CUTOFF = 75.0


PRUNE_ABOVE = 32  # a bare name with more namesakes is ranked on its best 32 by prominence


SHORT_NAME = 6  # a name this short is not confidently matched more than one edit away


_CODE_QUERY = re.compile(r"[A-Za-z]{3,4}")


_KIND = {k: i for i, k in enumerate(KINDS)}


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


@dataclass(frozen=True, slots=True)
class _Match:
    """One candidate record of a place name and how the name reached it."""

    i: int  # record index
    mtype: int  # PRIMARY, ALTERNATE, REDUCED or CODE
    similarity: float = 1.0  # rapidfuzz ratio / 100 for fuzzy matches
    edits: int = 0
    key: str = ""  # the gazetteer key matched
    translit: bool = False  # reached only through the query's transliteration

    @property
    def fuzzy(self) -> bool:
        return self.similarity < 1.0


@dataclass
class _Context:
    """What a query says beside the place name."""

    place: str
    quals: list[_Hint]
    hint: _Hint
    kinds: frozenset[str]  # kind words of the query itself
    wanted: frozenset[int]  # record kinds asked for by the query, the hint or the caller
    stated: frozenset[int]  # record kinds the query's own words ask for
    near: Sequence[tuple[float, float]]
    countries: set[str]  # countries the hint and qualifiers name
    full: str = ""
    lossy: bool = False
    hint_text: str = ""
    qual_texts: tuple[str, ...] = ()
    near_countries: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.full = full_key(self.place)
        self.lossy = self.full != analyze(self.place).key


def _priors(g: Gazetteer, w: Weights) -> Any:
    """Prominence of every record: cities by log population (+ capital), countries like a
    city of 10 million, regions like one of 100,000, landmarks by their curated importance."""
    import numpy as np

    kind = g.kind_codes
    imp = g._importance.astype(np.float64)
    out = w.population * np.log10(g._pop.astype(np.float64) + 1.0) + np.where(imp > 1.0, w.capital, 0.0)
    out = np.where(kind == _KIND["country"], w.population * 7.0, out)
    out = np.where(kind == _KIND["region"], w.population * 5.0, out)
    return np.where(np.isin(kind, list(_LANDMARK_CODES)), w.population * 6.0 * imp, out)


def _wanted(kinds: frozenset[str] | set[str]) -> frozenset[int]:
    return frozenset(_KIND[k] for x in kinds for k in KIND_MATCH.get(x, {x}) if k in _KIND)


_LANDMARK_CODES = frozenset(_KIND[k] for k in LANDMARK_KINDS)


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
    def _matches(self, place: str, countries: set[str]) -> list[_Match]:
        """Exact matches of ``place`` (and codes); fuzzy ones too when there is none, or
        none in the ``countries`` a hint or qualifier names."""
        g = self.gazetteer
        info = analyze(place)
        keys = [info.key]
        if has_cyrillic(info.key):
            keys.append(analyze(transliterate(place)).key)
        found: dict[int, int] = {}
        for i, m in g.exact_typed(keys[0]):
            found[i] = min(m, found.get(i, m))
        # a transliteration merges spellings (Ukrainian і and и): a weaker match
        translit = {i: m for key in keys[1:] for i, m in g.exact_typed(key) if i not in found}
        if _CODE_QUERY.fullmatch(place.strip()):
            for i in g.code(place):
                found.setdefault(i, CODE)
        if not found:  # a landmark's words in another order ("Marine Corps Air Station Iwakuni")
            for i, m in self._reordered(keys[0]):
                found.setdefault(i, m)
        exact = [_Match(i, m, key=keys[0]) for i, m in found.items()]
        exact += [_Match(i, m, key=keys[-1], translit=True) for i, m in translit.items()]
        found.update(translit)
        if exact and not (countries and not any(self._country(c.i) in countries for c in exact)):
            return exact
        return exact + self._fuzzy_matches(keys, found, wide=bool(countries))

    def _reordered(self, key: str) -> list[tuple[int, int]]:
        """Landmarks whose key holds the words of ``key`` in another order: every rotation of
        the words (a name moved from the end to the front, or the reverse)."""
        words = key.split()
        if not 2 <= len(words) <= 8:
            return []
        g = self.gazetteer
        out: list[tuple[int, int]] = []
        for k in range(1, len(words)):
            rotated = " ".join(words[k:] + words[:k])
            out += [(i, m) for i, m in g.exact_typed(rotated) if int(g.kind_codes[i]) in _LANDMARK_CODES]
        return out

    def _fuzzy_matches(self, keys: list[str], skip: dict[int, int], wide: bool) -> list[_Match]:
        """Records of the keys close to ``keys``; each keeps its best key (similarity, edits
        counted with transpositions as one, primary before alternate)."""
        from rapidfuzz.distance import OSA

        g, w = self.gazetteer, self.weights
        best: dict[int, tuple[float, _Match]] = {}
        for key in keys:
            cutoff = SHORT_FUZZY_CUTOFF if len(key) <= 8 else FUZZY_CUTOFF
            for k, score in g.fuzzy(key, limit=40 if wide else 12, cutoff=cutoff):
                edits = OSA.distance(key, k)
                for i, m in g.exact_typed(k):
                    quick = w.name * score / 100.0 - w.edit * edits - (w.alternate if m == ALTERNATE else 0.0)
                    if i not in skip and (i not in best or best[i][0] < quick):
                        best[i] = (quick, _Match(i, m, score / 100.0, edits, k))
        return [m for _, m in best.values()]

    def _country(self, i: int) -> str:
        g = self.gazetteer
        return g.countries[int(g.country_codes[i])]

    # ------------------------------------------------------------ qualifiers and hints
    def _resolve_part(self, part: str) -> _Hint:
        """What one qualifier names: countries and admin-1 regions (by name in any language
        or by code: ISO 3166-1, ISO 3166-2 "US-TX" or its tail "TX"); only when it names
        neither, the most populous cities or the landmarks of that name (a landmark's city)."""
        g = self.gazetteer
        out = _Hint()
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
            if kind == _KIND["country"] and not wants_region:
                out.countries.add(self._country(i))
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
        landmarks = [i for i in hits if int(g.kind_codes[i]) in _LANDMARK_CODES]
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
    @property
    def _priors(self) -> Any:
        """Prominence of every record (a NumPy array computed once per gazetteer)."""
        g = self.gazetteer
        if getattr(self, "_prior_for", None) is not g:
            self._prior_array, self._prior_for = _priors(g, self.weights), g
        return self._prior_array

    def _name_score(self, c: _Match, x: _Context) -> float:
        w, g = self.weights, self.gazetteer
        s = w.name * c.similarity
        if c.mtype == ALTERNATE:  # a curated landmark's aliases are vetted names of the news
            s -= (
                w.curated_alias
                if int(g.kind_codes[c.i]) in _LANDMARK_CODES and c.i in g.curated
                else w.alternate
            )
        elif c.mtype == REDUCED and not x.kinds:
            s -= w.reduced
        elif c.mtype == CODE:
            s += w.code if x.place.strip().isupper() else -w.alternate
        if c.translit:
            s -= w.article
        if c.fuzzy:
            return s - w.fuzzy - w.edit * c.edits
        # the primary name, but only once articles are dropped ("El Salvador" for "Salvador"),
        # or a region's name without its kind word ("Sverdlovsk" for "Sverdlovsk Oblast")
        if c.mtype == PRIMARY and (x.lossy or g.lossy[c.i]):
            name = g._names[c.i]
            if full_key(name) != x.full:
                bare_region = (
                    not x.kinds and int(g.kind_codes[c.i]) == _KIND["region"] and analyze(name).kinds
                )
                s -= w.reduced if bare_region else w.article
        return s

    def _agreement(self, i: int, h: _Hint) -> tuple[bool, bool]:
        """(agrees, is the very record the hint names): in a named country or region, or
        near a named city."""
        g = self.gazetteer
        if i in h.records:
            return False, True
        adm = int(g.admin1_codes[i])
        if (adm and adm in h.admin1) or self._country(i) in h.countries:
            return True, False
        lat, lon = float(g.lat[i]), float(g.lon[i])
        close = any(haversine_km(lat, lon, la, lo) <= NEAR_KM for la, lo in h.points)
        return close, False

    def _hint_score(self, c: _Match, h: _Hint) -> float:
        w, g = self.weights, self.gazetteer
        if c.i in h.records:
            return 0.0
        s = 0.0
        if h.countries:
            weight = w.hint_country_fuzzy if c.fuzzy else w.hint_country
            s += weight if self._country(c.i) in h.countries else -weight
        adm = int(g.admin1_codes[c.i])
        if adm and adm in h.admin1:
            s += w.hint_region
        if h.points:
            lat, lon = float(g.lat[c.i]), float(g.lon[c.i])
            if any(haversine_km(lat, lon, la, lo) <= NEAR_KM for la, lo in h.points):
                s += w.hint_near
        return s

    def _kind_score(self, i: int, x: _Context) -> float:
        w = self.weights
        kind = int(self.gazetteer.kind_codes[i])
        if kind in x.stated:
            return w.kind_stated
        if kind in x.wanted:
            return w.kind_hinted
        return w.kind_city if kind == _KIND["city"] else w.kind_other

    def _score(self, c: _Match, x: _Context) -> float:
        w, g = self.weights, self.gazetteer
        s = self._name_score(c, x) + float(self._priors[c.i])
        if x.wanted:
            s += self._kind_score(c.i, x)
        for q in x.quals:
            agrees, is_self = self._agreement(c.i, q)
            s += 0.0 if is_self else (w.qualifier if agrees else -w.qualifier)
        if x.hint.resolved:
            s += self._hint_score(c, x.hint)
        if x.near:
            lat, lon = float(g.lat[c.i]), float(g.lon[c.i])
            d = min(haversine_km(lat, lon, la, lo) for la, lo in x.near)
            s += w.context * math.exp(-d / 1000.0)
            if x.near_countries:  # the share of the trip's other stops in the candidate's country
                s += w.context_country * x.near_countries.get(self._country(c.i), 0.0)
        return s

    # ------------------------------------------------------------ confidence
    def _elsewhere(self, i: int, x: _Context) -> bool:
        """The record contradicts a qualifier, or lies outside the country the hint names."""
        for q in x.quals:
            agrees, is_self = self._agreement(i, q)
            if not (agrees or is_self):
                return True
        h = x.hint
        if h.countries and i not in h.records and self._country(i) not in h.countries:
            return int(self.gazetteer.admin1_codes[i]) not in h.admin1
        return False

    def _confidences(self, ranked: list[tuple[float, _Match]], n: int, x: _Context) -> list[float]:
        """Softmax share of each of the ``n`` best (with the answers that are the same place),
        capped for fuzzy matches and for answers the qualifiers or the hint contradict."""
        w = self.weights
        top = ranked[:50]
        best = top[0][0]
        weights = [math.exp((s - best) / w.temperature) for s, _ in top]
        total = sum(weights)
        out = []
        weighty = [(wt, o) for wt, (_, o) in zip(weights, top, strict=True) if wt > 1e-4]
        records = {o.i: self.gazetteer.record(o.i) for _, o in weighty} if len(top) > 1 else {}
        for _, c in top[:n]:
            if len(top) == 1:
                conf = 1.0
            else:
                mine = records.get(c.i) or self.gazetteer.record(c.i)
                conf = sum(wt for wt, o in weighty if _same_place(mine, records[o.i])) / total
            cap = w.doubtful_cap if self._elsewhere(c.i, x) else 1.0
            if c.fuzzy:
                short = len(c.key) <= SHORT_NAME and c.edits > 1
                cap = min(cap, w.doubtful_cap if short else w.fuzzy_cap)
                conf *= c.similarity
            out.append(min(conf, cap))
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
        if isinstance(query, str) and parsed.qualifiers and g.exact(analyze(query).key):
            parsed = ParsedQuery(query.strip())  # a name with a comma ("Royal Palace, Oslo")
        elif parsed.head != parsed.place and g.exact(analyze(parsed.head).key):  # "Halle (Saale)"
            parsed = ParsedQuery(parsed.head, parsed.qualifiers[parsed.in_head :], parsed.near)
        elif isinstance(query, str) and not parsed.qualifiers:
            parsed = self._trailing_country(parsed)
        quals = [self._resolve_part(q) for q in parsed.qualifiers]
        for n, (text, q) in enumerate(zip(parsed.qualifiers, quals, strict=True)):
            areas = [o for o in quals[:n] + quals[n + 1 :] if o.countries or o.admin1]
            if q.points and areas:  # "..., Woodside, California": the Woodside in California
                self._points_within(q, text, areas)
        h = self._parse_hint(hint)
        for q in quals:  # kind words of an unresolved qualifier ("Vostochny, cosmodrome")
            h.kinds |= q.kinds
        qkinds = analyze(parsed.place).kinds
        x = _Context(
            parsed.place,
            [q for q in quals if q.resolved],
            h,
            qkinds,
            _wanted(qkinds | h.kinds | ({kind} if kind else set())),
            _wanted(qkinds),
            near,
            set().union(h.countries, *(q.countries for q in quals)),
            hint_text=hint or "",
            qual_texts=tuple(parsed.qualifiers),
            near_countries=self._countries_of(near),
        )
        return self._rank(x, country, limit)

    def _trailing_country(self, parsed: ParsedQuery) -> ParsedQuery:
        """A query typed without its comma ("paris france", "st petersburg russia"): when the whole
        is no known name but it ends in a country's name after a known place's, that country
        qualifies the place, as "paris, france" would."""
        g = self.gazetteer
        words = parsed.place.split()
        if len(words) < 2 or g.exact(analyze(parsed.place).key):
            return parsed
        for n in (1, 2, 3):
            head, tail = " ".join(words[:-n]), " ".join(words[-n:])
            if not head:
                break
            country = any(g.record(i).kind == "country" for i in g.exact(analyze(tail).key))
            if country and g.exact(analyze(head).key):
                return ParsedQuery(head, (tail,), parsed.near)
        return parsed

    def _countries_of(self, points: Sequence[tuple[float, float]]) -> dict[str, float]:
        """The share of ``points`` in each country (by the nearest gazetteer place)."""
        if not points:
            return {}
        counts: dict[str, float] = {}
        for lat, lon in points:
            hits = self.gazetteer.nearest(lat, lon, k=1)
            if hits and hits[0][0].country_code:
                cc = hits[0][0].country_code
                counts[cc] = counts.get(cc, 0.0) + 1.0
        return {cc: n / len(points) for cc, n in counts.items()}

    def _prune(self, matches: list[_Match]) -> list[_Match]:
        """The ``PRUNE_ABOVE`` best by name and prominence alone (a bare name: nothing else
        could lift the others; the article penalty is smaller than the margin kept)."""
        import numpy as np

        w = self.weights
        by_type = np.array([0.0, -w.alternate, -w.reduced, -w.alternate])
        idx = np.fromiter((c.i for c in matches), dtype=np.int64, count=len(matches))
        mtype = np.fromiter((c.mtype for c in matches), dtype=np.int64, count=len(matches))
        sim = np.fromiter((c.similarity for c in matches), dtype=np.float64, count=len(matches))
        quick = w.name * sim + by_type[mtype] + self._priors[idx]
        keep = np.flatnonzero(quick >= np.sort(quick)[-PRUNE_ABOVE] - w.article - 1.0)
        return [matches[j] for j in keep.tolist()]

    def _rank(self, x: _Context, country: str | Sequence[str] | None, limit: int) -> list[Candidate]:
        g = self.gazetteer
        matches = self._matches(x.place, x.countries)
        if country:
            wanted = {c.upper() for c in ([country] if isinstance(country, str) else country)}
            matches = [c for c in matches if self._country(c.i) in wanted]
        if not matches:  # unknown: "Madison Square Garden, New York" is in New York at least
            return self._approximate(x.quals) if x.quals else []
        if len(matches) > PRUNE_ABOVE and not (x.quals or x.hint.resolved or x.near or x.wanted):
            matches = self._prune(matches)
        ranked = sorted(
            ((self._score(c, x), c) for c in matches), key=lambda sc: (-sc[0], -int(g._pop[sc[1].i]), sc[1].i)
        )
        scope = self._scope(x)
        if scope is not None:  # a qualifier or a hint naming a place: its surroundings only
            inside = [(s, c) for s, c in ranked if self._within(c.i, scope)]
            if not inside:  # else a name that holds its own qualifier ("Misato, Saitama") in
                # the qualifier's country, or any match in the country of a hint that names a
                # region or a country ("Kimsomolsk", hint "Amur Oblast")
                countries = self._scope_countries(scope)
                if x.quals:
                    inside = [
                        (s, c)
                        for s, c in ranked
                        if not c.fuzzy and self._country(c.i) in countries and self._holds_qualifier(c.i, x)
                    ]
                elif not any(h.points for h in scope):
                    inside = [(s, c) for s, c in ranked if self._country(c.i) in countries]
            if not inside:
                return self._approximate(scope)
            ranked = inside
        n = min(limit, len(ranked))
        out = []
        for conf, (s, c) in zip(self._confidences(ranked, n, x), ranked[:n], strict=True):
            r = g.record(c.i)
            label = _label(c, r)
            ambiguous = conf < self.ambiguous_below or label == "fuzzy"
            out.append(Candidate(r, s, c.similarity, c.key, conf, (label,), label, ambiguous))
        return out

    def _scope(self, x: _Context) -> list[_Hint] | None:
        """The places a query is restricted to: its resolved qualifiers, else a hint that names
        a place (a country, a region or a city); None when neither does."""
        if x.quals:
            named = set().union(*(q.countries for q in x.quals))
            if not named:
                return x.quals
            # a qualifier read as a place outside the country the query names was misread
            # ("Zanzibar, Zanzibar Urban/West, Tanzania": not the West region of Cameroon)
            kept = [q for q in x.quals if q.countries or self._scope_countries([q]) & named]
            return kept or x.quals
        if x.hint.resolved and x.hint_text:
            texts = [p for p in x.hint_text.split(",") if p.strip()]
            parts = [self._resolve_part(p) for p in texts]
            for n, (text, h) in enumerate(zip(texts, parts, strict=True)):
                areas = [o for o in parts[:n] + parts[n + 1 :] if o.countries or o.admin1]
                if h.points and areas:  # "Woodside, California": the Woodside in California
                    self._points_within(h, text, areas)
            return [h for h in parts if h.resolved] or [x.hint]
        return None

    def _points_within(self, h: _Hint, text: str, areas: list[_Hint]) -> None:
        """Replace the cities a qualifier names by those of that name inside ``areas``."""
        g = self.gazetteer
        hits = [
            i
            for i in g.exact(analyze(text).key)
            if int(g.kind_codes[i]) == _KIND["city"] and self._within(i, areas)
        ]
        if hits:
            h.records -= set(h.point_records)
            h.points, h.point_records = [], []
            self._add_points(h, hits)

    def _holds_qualifier(self, i: int, x: _Context) -> bool:
        """The record's own name holds the words of a qualifier ("Misato, Saitama")."""
        name = f" {full_key(self.gazetteer._names[i])} "
        return any(q and f" {full_key(q)} " in name for q in x.qual_texts)

    def _scope_countries(self, scope: list[_Hint]) -> set[str]:
        """The countries the places of ``scope`` lie in."""
        g = self.gazetteer
        out: set[str] = set()
        for h in scope:
            out |= h.countries
            out |= {self._country(i) for i in h.records}
            out |= {g.admin1_ids[n].split("-", 1)[0] for n in h.admin1 if g.admin1_ids[n]}
        return out

    def _within(self, i: int, scope: list[_Hint]) -> bool:
        """In every place of ``scope`` (or one of them): its country, its region, within
        ``NEAR_KM`` of its city."""
        for h in scope:
            agrees, is_self = self._agreement(i, h)
            if not (agrees or is_self):
                return False
        return True

    def _approximate(self, scope: list[_Hint]) -> list[Candidate]:
        """No candidate in the qualifier's place: that place itself, approximate ("Moscone
        Center, San Francisco" -> San Francisco), to be reviewed."""
        g = self.gazetteer
        for n, h in enumerate(scope):  # the most specific first, inside the others
            rest = scope[:n] + scope[n + 1 :]
            points = [i for i in h.point_records if self._within(i, rest)]
            picks = (
                points[:1]
                or sorted(
                    h.records, key=lambda i: (int(g.kind_codes[i]) != _KIND["region"], -int(g._pop[i]))
                )[:1]
            )
            if picks:
                r = g.record(self._namesake_city(picks[0]))
                conf = self.weights.doubtful_cap
                return [Candidate(r, 0.0, 0.0, "", conf, ("approximate",), "approximate", True)]
        return []

    def _namesake_city(self, i: int) -> int:
        """For a region, the city of its name that stands for it in a place's address: the
        largest one of 100,000 people or more, unless the region has ``REGION_SHARE`` times
        its people ("New York" -> New York City, "Bari" -> Bari, Italy); else the region."""
        from itinerary.geocode.toponyms import REGION_SHARE, region_people

        g = self.gazetteer
        if int(g.kind_codes[i]) != _KIND["region"]:
            return i
        adm = int(g.admin1_codes[i])
        people = float(region_people(g)[adm])
        cities = [j for j in g.exact(analyze(g._names[i]).key) if int(g.kind_codes[j]) == _KIND["city"]]
        big = max(
            (j for j in cities if int(g._pop[j]) >= 100_000), key=lambda j: int(g._pop[j]), default=None
        )
        if big is None or people > REGION_SHARE * int(g._pop[big]):
            return i
        return big

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
        if best.match == "approximate":
            why = "nothing of that name lies there: the answer is the named place itself, approximately"
        elif best.match == "fuzzy":
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
            query, hint=hint, country=country_codes, limit=1 if exactly_one else (limit or 10)
        )
        if not cands:
            return None
        if exactly_one and cands[0].ambiguous:
            others = self.candidates(query, hint=hint, country=country_codes, limit=2)[1:]
            self._warn(query, cands[0], others, stacklevel=2)
        locs = [Location(_address(c.record), (c.record.lat, c.record.lon, 0.0), _raw(c)) for c in cands]
        return locs[0] if exactly_one else locs

    def resolve_spans(
        self,
        text: str,
        spans: Sequence[tuple[int, int]],
        *,
        near: Sequence[tuple[float, float]] = (),
    ) -> list[Any]:
        """Resolve every toponym of a text together: one geopy ``Location`` (or None) per span.

        ``spans`` are the ``(start, end)`` character offsets of the toponyms in ``text`` (as
        ``text[start:end]``; any order, overlapping spans are allowed), typically every place
        name an extractor found in one article; ``near`` adds (lat, lon) points known to be
        part of the story (a trip's other stops). The answer of a span is chosen with the whole
        text as context: demonyms, abbreviations and continents (``"Turkish"``, ``"U.S."``,
        ``"Ont."``), qualifiers written after the name (``"London, Ont."``), one reading per
        name per text, the importance of each reading (a region against its namesake city) and
        the countries, admin-1 regions and distances of the other places, the dateline counting
        more (see :mod:`itinerary.geocode.toponyms`).

        Each ``Location.raw`` holds the record (``id``, ``name``, ``kind``, ``country_code``,
        ``admin1``), ``confidence``, ``match`` (exact, alternate, curated, qualified, demonym,
        abbreviation, continent, fuzzy, approximate), ``ambiguous``, ``approximate`` and
        ``runner_up`` (the best other reading, or None). A span with no answer is None.
        Raises ``ValueError`` for a span outside the text.
        """
        from itinerary.geocode.toponyms import resolve_spans

        return resolve_spans(self, text, spans, near=near)

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


def _label(c: _Match, r: Record) -> str:
    if c.fuzzy:
        return "fuzzy"
    if r.id.startswith("landmark:"):
        return "curated"
    return "alternate" if c.mtype == ALTERNATE else "exact"


def _place_text(query: str | Mapping[str, str]) -> str:
    return query if isinstance(query, str) else parse_structured(query).place


__all__ = ["LANDMARK_KINDS", "SAME_PLACE_KM", "WEIGHTS", "Candidate", "OfflineGeocoder", "Weights"]
