"""Ranking: every match of a place name scored on features (how the name matches, prominence,
kind words, qualifiers, the hint, the trip's other stops; weights in
:data:`~itinerary.geocode.answers.WEIGHTS`), restricted to the places its qualifiers or hint
name, and given a confidence: the softmax share of the answer among the candidates (namesakes
within 25 km count as one place), capped for fuzzy matches and contradicted answers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from itinerary.coords import haversine_km
from itinerary.geocode.answers import Candidate, Weights, _same_place
from itinerary.geocode.gazetteer import Gazetteer
from itinerary.geocode.hints import NEAR_KM, Hint, HintReader
from itinerary.geocode.matching import KIND, LANDMARK_CODES, NameMatch, NameMatcher, country_of
from itinerary.geocode.normalize import analyze, full_key
from itinerary.geocode.records import ALTERNATE, CODE, PRIMARY, REDUCED, Record

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


PRUNE_ABOVE = 32  # a bare name with more namesakes is ranked on its best 32 by prominence


SHORT_NAME = 6  # a name this short is not confidently matched more than one edit away


NAMESAKE_CITY = 100_000  # people: a city this large stands for the region named after it


@dataclass
class QueryContext:
    """What a query says beside the place name."""

    place: str
    quals: list[Hint]
    hint: Hint
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


#: a town's other names beyond this many say it is known abroad (most towns have a few romanisations)
FAME_FROM = 30.0
#: Natural Earth's scalerank runs from 0 (the world's cities) to 10
RANK_SCALE = 10.0


def priors(g: Gazetteer, w: Weights, renown: Any = None) -> Any:
    """Prominence of every record: cities by log population, national capital, first-level
    capital, the rank a map-maker gives the town (Natural Earth) and how many names it has in
    other languages; countries like a city of 10 million, regions like one of 100,000 (weighed
    by their people, "New York" read the state before the city), landmarks by their curated
    importance. ``renown``: the towns' renown (:func:`renowns`) when the caller keeps it too, so
    the load computes it once."""
    import numpy as np

    kind = g.kind_codes
    imp = g._importance.astype(np.float64)
    out = w.population * np.log10(g._pop.astype(np.float64) + 1.0) + np.where(imp > 1.0, w.capital, 0.0)
    out += renowns(g, w) if renown is None else renown
    out = np.where(kind == KIND["country"], w.population * 7.0, out)
    out = np.where(kind == KIND["region"], w.population * 5.0, out)
    return np.where(np.isin(kind, list(LANDMARK_CODES)), w.population * 6.0 * imp, out)


def _renown(ranks: Any, seats: Any, alts: Any, w: Weights) -> Any:
    """A town's renown beside its people: the seat of a first-level division, the rank a map gives
    it (Natural Earth) and its names in other languages (arrays or single values)."""
    import numpy as np

    r = np.asarray(ranks, dtype=np.float64)
    out = np.where(np.asarray(seats) == 1, w.seat, 0.0)
    out = out + np.where(r >= 0, w.rank * (RANK_SCALE - r) / RANK_SCALE, 0.0)
    many = np.log10(np.asarray(alts, dtype=np.float64) + 1.0) - np.log10(FAME_FROM + 1.0)
    return out + w.fame * np.maximum(0.0, many)


def renowns(g: Gazetteer, w: Weights) -> Any:
    """The renown part of every record's prominence (:func:`priors`; 0 for what is no town)."""
    import numpy as np

    return np.where(g.kind_codes == KIND["city"], _renown(g.ranks, g.seats, g.alt_counts, w), 0.0)


@cache
def _region_and_city_sets(g: Gazetteer) -> tuple[frozenset[int], frozenset[int]]:
    """The record indices of the gazetteer's regions and of its cities of ``NAMESAKE_CITY``
    people or more (a quick test per query)."""
    import numpy as np

    kind = g.kind_codes
    regions = np.flatnonzero(kind == KIND["region"]).tolist()
    cities = np.flatnonzero((kind == KIND["city"]) & (g._pop >= NAMESAKE_CITY)).tolist()
    return frozenset(regions), frozenset(cities)


def wanted(kinds: frozenset[str] | set[str]) -> frozenset[int]:
    """The record kinds (codes) that kind words ask for."""
    return frozenset(KIND[k] for x in kinds for k in KIND_MATCH.get(x, {x}) if k in KIND)


class Ranker:
    """Scores and ranks the matches of one query's place name in one gazetteer.

    ``priors`` is the prominence of every record (:func:`priors`, computed once per gazetteer
    by the geocoder); an answer whose confidence is below ``ambiguous_below`` is ambiguous.
    """

    def __init__(
        self, gazetteer: Gazetteer, weights: Weights, priors: Any, ambiguous_below: float, renowns: Any = None
    ) -> None:
        self.gazetteer = gazetteer
        self.weights = weights
        self._priors = priors
        self._renowns = renowns  # the renown part of each prior (:func:`renowns`)
        self._named_as_country: frozenset[int] = frozenset()  # see :meth:`_towns_named_as_a_country`
        self._beside_country: frozenset[int] = frozenset()  # see :meth:`_towns_beside_a_country`
        self.ambiguous_below = ambiguous_below
        self.hints = HintReader(gazetteer)

    def _country(self, i: int) -> str:
        return country_of(self.gazetteer, i)

    def _name_score(self, c: NameMatch, x: QueryContext) -> float:
        w, g = self.weights, self.gazetteer
        s = w.name * c.similarity
        if c.mtype == ALTERNATE and self._map_name(c, x):
            pass  # the name a map gives the town in a news language ("Odessa", "Frankfurt")
        elif c.mtype == ALTERNATE:  # a curated landmark's aliases are vetted names of the news
            s -= (
                w.curated_alias
                if int(g.kind_codes[c.i]) in LANDMARK_CODES and c.i in g.curated
                else w.alternate
            )
            if int(g.ranks[c.i]) >= 0 and not g.is_map_key(c.key, c.i):  # a town a map names in
                # the news languages (those names are its own, "Habana" without its article too):
                s -= w.unmapped_name  # another of its names is historic or foreign
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
        if self._cut_short(c, x):
            name = g._names[c.i]
            bare_region = not x.kinds and int(g.kind_codes[c.i]) == KIND["region"] and analyze(name).kinds
            s -= w.reduced if bare_region else w.article
        return s

    def _map_name(self, c: NameMatch, x: QueryContext) -> bool:
        """An alternate name that a map gives the town in a news language, asked as a town (not
        beside a kind word asking for an airport or a station: "gare de Kiev"), nor reached only
        once the query's kind word is dropped: "Città di Castello" asks for a town whose name
        holds "Città", not for the one a map calls "Castelló" (renown never makes a match of a
        name's remainder strong)."""
        g = self.gazetteer
        if (
            int(g.ranks[c.i]) < 0
            or (x.wanted and KIND["city"] not in x.wanted)
            or c.i in self._beside_country
        ):
            return False  # (only a town a map ranks has a map's names)
        if x.kinds:
            return False
        return g.is_map_name(c.key, c.i)

    def _cut_short(self, c: NameMatch, x: QueryContext) -> bool:
        """The record's own name matched only once words are dropped from it or from the query
        ("El Salvador" for Salvador, "Kansas" for Kansas City). A map's shorter name of the town
        ("Angeles" for Angeles City, Portuguese "Áquila" for L'Aquila) is no reason to read the
        query in full: "Ángeles" is Los Angeles' name cut short as well."""
        g = self.gazetteer
        if c.mtype != PRIMARY or not (x.lossy or g.lossy[c.i]):
            return False
        name = g._names[c.i]
        return full_key(name) != x.full and analyze(name).key == c.key

    def _renown_of(self, c: NameMatch, x: QueryContext) -> float:
        """The renown counted in the score of ``c``."""
        if self._renowns is None or not self._renowns[c.i] or not self._renowned(c, x):
            return 0.0
        return float(self._renowns[c.i])

    def _renowned(self, c: NameMatch, x: QueryContext) -> bool:
        """The town's renown counts for the names it is known by in the news (its own name in
        full, a map's name, another spelling of them), when the query asks for a town: not for an
        alternate (historic, foreign) name, its name cut short, nor beside a kind word asking for
        an airport, a station, a region ("gare de Vladivostok", "Kiev Oblast"); a typo of a
        well-known name is more likely than of an obscure one. Beside a trip's other stops the
        stops decide, not renown ("Paris" beside Dallas and Houston), as in running text
        (``ContextWeights.renown_discount``); nor beside a country of the name
        (:meth:`_towns_beside_a_country`)."""
        if c.i in self._beside_country or x.near:
            return False
        if c.mtype == ALTERNATE:
            return self._map_name(c, x)
        if c.mtype != PRIMARY or self._cut_short(c, x):
            return False
        return not x.wanted or KIND["city"] in x.wanted

    def _hint_score(self, c: NameMatch, h: Hint) -> float:
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

    def _kind_score(self, i: int, x: QueryContext) -> float:
        w = self.weights
        kind = int(self.gazetteer.kind_codes[i])
        if kind in x.stated:
            return w.kind_stated
        if kind in x.wanted:
            return w.kind_hinted
        return w.kind_city if kind == KIND["city"] else w.kind_other

    def _score(self, c: NameMatch, x: QueryContext) -> float:
        w, g = self.weights, self.gazetteer
        s = self._name_score(c, x) + float(self._priors[c.i])
        if self._renowns is not None and self._renowns[c.i] and not self._renowned(c, x):
            s -= float(self._renowns[c.i])
        if c.i in self._named_as_country and g._importance[c.i] > 1.0 and not self._own_name(c):
            s -= w.capital  # a capital named as a country is named: the country's name
        if x.wanted:
            s += self._kind_score(c.i, x)
        for q in x.quals:
            agrees, is_self = self.hints.agreement(c.i, q)
            s += 0.0 if is_self else (w.qualifier if agrees else -w.qualifier)
        if x.hint.resolved:
            s += self._hint_score(c, x.hint)
        if x.near:
            lat, lon = float(g.lat[c.i]), float(g.lon[c.i])
            d = min(haversine_km(lat, lon, la, lo) for la, lo in x.near)
            s += w.context * math.exp(-d / w.context_km)
            if x.near_countries:  # the share of the trip's other stops in the candidate's country
                s += w.context_country * x.near_countries.get(self._country(c.i), 0.0)
        return s

    def _elsewhere(self, i: int, x: QueryContext) -> bool:
        """The record contradicts a qualifier, or lies outside the country the hint names."""
        for q in x.quals:
            agrees, is_self = self.hints.agreement(i, q)
            if not (agrees or is_self):
                return True
        h = x.hint
        if h.countries and i not in h.records and self._country(i) not in h.countries:
            return int(self.gazetteer.admin1_codes[i]) not in h.admin1
        return False

    def _confidences(self, ranked: list[tuple[float, NameMatch]], n: int, x: QueryContext) -> list[float]:
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

    def _prune(self, matches: list[NameMatch]) -> list[NameMatch]:
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

    def rank(self, x: QueryContext, country: str | Sequence[str] | None, limit: int) -> list[Candidate]:
        """The ``limit`` best answers, in the given countries, inside the query's scope (or the
        scope's place itself, approximate, when nothing of that name lies there)."""
        g = self.gazetteer
        matches = NameMatcher(g, self.weights).matches(x.place, x.countries)
        if country:
            allowed = {c.upper() for c in ([country] if isinstance(country, str) else country)}
            matches = [c for c in matches if self._country(c.i) in allowed]
        if not matches:  # unknown: "Madison Square Garden, New York" is in New York at least
            return self._approximate(x.quals) if x.quals else []
        if len(matches) > PRUNE_ABOVE and not (x.quals or x.hint.resolved or x.near or x.wanted):
            matches = self._prune(matches)
        self._beside_country = self._towns_beside_a_country(matches)
        self._named_as_country = self._towns_named_as_a_country(matches, self._beside_country)
        scores = self._scores(matches, x)
        ranked = sorted(
            ((scores[c.i], c) for c in matches), key=lambda sc: (-sc[0], -int(g._pop[sc[1].i]), sc[1].i)
        )
        scope = self._scope(x)
        if scope is not None:  # a qualifier or a hint naming a place: its surroundings only
            inside = [(s, c) for s, c in ranked if self.hints.within(c.i, scope)]
            if not inside:  # else a name that holds its own qualifier ("Misato, Saitama") in
                # the qualifier's country, or any match in the country of a hint that names a
                # region or a country ("Kimsomolsk", hint "Amur Oblast")
                countries = self.hints.scope_countries(scope)
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
            label = label_of(c, r)
            ambiguous = conf < self.ambiguous_below or label == "fuzzy"
            renown = self._renown_of(c, x)
            out.append(Candidate(r, s, c.similarity, c.key, conf, (label,), label, ambiguous, renown))
        return out

    def _towns_named_as_a_country(self, matches: list[NameMatch], beside: frozenset[int]) -> frozenset[int]:
        """The towns of the query's name, when it also names a country, but for a city-state
        (a town of half its country's people or more: "Singapur"). Their capital weight counts
        only for their own names (:meth:`_own_name`: "México" for Mexico City, "Алжир" for
        Algiers): the weight ranks a capital before the other towns of its name; it is no reason
        to read a country's name as a capital that bears it only as another name ("Бразилия":
        Brasília, which GeoNames also calls so), nor a typo of it ("Ruanda": Luanda)."""
        if not beside:
            return frozenset()
        g = self.gazetteer
        people = {
            self._country(c.i): int(g._pop[c.i]) for c in matches if int(g.kind_codes[c.i]) == KIND["country"]
        }
        return frozenset(i for i in beside if 2 * int(g._pop[i]) < people.get(self._country(i), math.inf))

    def _own_name(self, c: NameMatch) -> bool:
        """The town's own name or the name a map gives it in a news language, as written (no
        typo): "México" for Mexico City, "Алжир" for Algiers (Russian names the country and its
        capital alike); not another of its names ("Бразилия" for Brasília, which maps call
        "Бразилиа")."""
        if c.fuzzy:
            return False
        return c.mtype == PRIMARY or (c.mtype == ALTERNATE and self.gazetteer.is_map_name(c.key, c.i))

    def _towns_beside_a_country(self, matches: list[NameMatch]) -> frozenset[int]:
        """The towns of the query's name when the name (or a typo of it, or an inflected form
        read as one: "Ирана") also names a country, in that country or any other ("Армения":
        the town of Armenia, Colombia, whose name a map writes so; "Колумбия": Columbia,
        Missouri): a town's renown and its map names decide between towns, not between a town
        and a country, which the name reads as before renown (countries have none). A town
        asked by its own name keeps them beside a country asked by another of its names
        ("Granada": the city in Spain, not Grenada, whose Spanish name it is)."""
        g = self.gazetteer
        countries = [c for c in matches if int(g.kind_codes[c.i]) == KIND["country"]]
        if not countries:
            return frozenset()
        country_own = any(c.mtype == PRIMARY and not c.fuzzy for c in countries)
        return frozenset(
            c.i
            for c in matches
            if int(g.kind_codes[c.i]) == KIND["city"] and (country_own or c.mtype != PRIMARY or c.fuzzy)
        )

    def _scores(self, matches: list[NameMatch], x: QueryContext) -> dict[int, float]:
        """The score of every match, a region named after a city ranked after that city."""
        g = self.gazetteer
        scores = {c.i: self._score(c, x) for c in matches}
        named = self._regions_named_after_city(matches, x)
        for region, city in named.items():
            # the name's reading as the region is the city's: the region comes after it
            if g.admin1_codes[city] == g.admin1_codes[region]:  # one place (_same_place): the
                # city takes the region's rank, the weights of the place stay as they were
                if scores[region] > scores[city]:
                    scores[city], scores[region] = scores[region], scores[city]
            else:
                scores[city] = max(scores[city], scores[region])
                scores[region] -= self.weights.reduced
        return scores

    def _regions_named_after_city(self, matches: list[NameMatch], x: QueryContext) -> dict[int, int]:
        """The regions of the query's name that a city of the same name in the same country
        stands for, each with that city (the largest of the name in the country, of
        ``NAMESAKE_CITY`` people or more): a bare name shared by a first-level region and the
        city it is named after ("Kiev", "Odessa", "Sofia", "Lagos", "Moscow") names the city
        unless the query or the hint says region ("Kiev Oblast", hint "region"), or the region
        holds ``REGION_SHARE`` times the city's people ("Quebec": the province), as in running
        text (:mod:`itinerary.geocode.toponyms`). The region is named after the city: the city's
        own name is one of the region's ("Kyiv" for Kiev Oblast; not "Anchorage", which some
        list as "Alaska"), and the city's name is the bare name (not "Kansas City" for
        "Kansas"). A city inside its region is one place with it
        (:func:`~itinerary.geocode.answers._same_place`, their confidence shared): it takes the
        region's rank when the region's is higher (their scores swapped); a region the city lies
        outside of ("Kiev" Oblast around the city of Kyiv) gives the city its score and is
        scored ``Weights.reduced`` lower."""
        from itinerary.geocode.toponyms import REGION_SHARE, region_people

        if "region" in x.kinds or KIND["region"] in x.wanted:
            return {}
        g = self.gazetteer
        known, big = _region_and_city_sets(g)
        regions = [c.i for c in matches if c.i in known and not c.fuzzy]
        cities = [c.i for c in matches if c.i in big and not c.fuzzy]
        if not (regions and cities):  # most names: no region and city to weigh
            return {}
        biggest: dict[str, int] = {}  # country -> its largest city of the name
        for i in cities:
            if not analyze(g._names[i]).kinds:
                cc = self._country(i)
                if cc not in biggest or int(g._pop[i]) > int(g._pop[biggest[cc]]):
                    biggest[cc] = i
        people = region_people(g)
        out: dict[int, int] = {}
        for r in regions:
            city = biggest.get(self._country(r))
            if city is None or float(people[int(g.admin1_codes[r])]) >= REGION_SHARE * int(g._pop[city]):
                continue
            if r in g.exact(analyze(g._names[city]).key):  # named after the city
                out[r] = city
        return out

    def _scope(self, x: QueryContext) -> list[Hint] | None:
        """The places a query is restricted to: its resolved qualifiers, else a hint that names
        a place (a country, a region or a city); None when neither does."""
        if x.quals:
            named = set().union(*(q.countries for q in x.quals))
            if not named:
                return x.quals
            # a qualifier read as a place outside the country the query names was misread
            # ("Zanzibar, Zanzibar Urban/West, Tanzania": not the West region of Cameroon)
            kept = [q for q in x.quals if q.countries or self.hints.scope_countries([q]) & named]
            return kept or x.quals
        if x.hint.resolved and x.hint_text:
            texts = [p for p in x.hint_text.split(",") if p.strip()]
            parts = [self.hints.part(p) for p in texts]
            self.hints.place_points(texts, parts)  # "Woodside, California": the Woodside in California
            return [h for h in parts if h.resolved] or [x.hint]
        return None

    def _holds_qualifier(self, i: int, x: QueryContext) -> bool:
        """The record's own name holds the words of a qualifier ("Misato, Saitama")."""
        name = f" {full_key(self.gazetteer._names[i])} "
        return any(q and f" {full_key(q)} " in name for q in x.qual_texts)

    def _approximate(self, scope: list[Hint]) -> list[Candidate]:
        """No candidate in the qualifier's place: that place itself, approximate ("Moscone
        Center, San Francisco" -> San Francisco), to be reviewed."""
        g = self.gazetteer
        for n, h in enumerate(scope):  # the most specific first, inside the others
            rest = scope[:n] + scope[n + 1 :]
            points = [i for i in h.point_records if self.hints.within(i, rest)]
            picks = (
                points[:1]
                or sorted(h.records, key=lambda i: (int(g.kind_codes[i]) != KIND["region"], -int(g._pop[i])))[
                    :1
                ]
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
        if int(g.kind_codes[i]) != KIND["region"]:
            return i
        adm = int(g.admin1_codes[i])
        people = float(region_people(g)[adm])
        cities = [j for j in g.exact(analyze(g._names[i]).key) if int(g.kind_codes[j]) == KIND["city"]]
        big = max(
            (j for j in cities if int(g._pop[j]) >= NAMESAKE_CITY), key=lambda j: int(g._pop[j]), default=None
        )
        if big is None or people > REGION_SHARE * int(g._pop[big]):
            return i
        return big


def label_of(c: NameMatch, r: Record) -> str:
    """How the answer's name matched, as the candidate says it."""
    if c.fuzzy:
        return "fuzzy"
    if r.id.startswith("landmark:"):
        return "curated"
    return "alternate" if c.mtype == ALTERNATE else "exact"
