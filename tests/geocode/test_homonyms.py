"""Homonyms: a name shared by several places is the place a newsroom means.

With no context, a town's prominence decides: its people, and its renown (the rank a map gives it,
its seat, its names in other languages); a map's name for a town ("Odessa", "Frankfurt") is a name
of the news, an alternate name no map gives it ("Victoria" for Hong Kong) is not. With context
(the trip's other stops, the article's other places), a namesake close to the story wins over a
better-known one far away, and the world city stays itself when the story travels abroad.

The list of ``tests/data/homonyms.csv`` (also measured by ``benchmarks/bench_homonyms.py``) is
checked as a whole; the sentences below are written for these tests.
"""

from __future__ import annotations

import warnings
from dataclasses import replace

import pytest

from benchmarks import bench_homonyms as bh
from itinerary.geocode import OfflineGeocoder
from itinerary.geocode.answers import WEIGHTS
from itinerary.geocode.index_build import _add_ranks, _Builder

#: a trip abroad: beside a trip's stops renown does not count (the stops decide: "Paris" beside
#: Dallas), so a single stop at home can send a world city to its namesake there
_ABROAD_GAP = pytest.mark.xfail(strict=True, reason="known gap: renown does not count beside a trip's stops")


def _top(geocoder, name: str, near: list[tuple[float, float]] | None = None) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    r = geocoder.candidates(name, near=near or [], limit=1)[0].record
    return r.country_code, r.kind


def _point(geocoder, name: str) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    r = geocoder.candidates(name, limit=1)[0].record
    return r.lat, r.lon


@pytest.mark.data
@pytest.mark.parametrize(
    ("name", "country", "kind"),
    [
        ("Valencia", "ES", "city"),  # Venezuela's city holds more people
        ("valencia", "ES", "city"),
        ("Victoria", "CA", "city"),  # not Hong Kong's former name
        ("Odessa", "UA", "city"),  # the name maps give Odesa, before Odessa, Texas
        ("Florida", "US", "region"),  # the state by its people, before Uruguay's department
        ("Santa Cruz", "BO", "city"),
        ("León", "MX", "city"),  # a map's "León" for León de los Aldama, written in full
        ("Hanover", "DE", "city"),  # a map's English name, before Jamaica's parish
        ("St Petersburg", "RU", "city"),
        ("Alexandria", "EG", "city"),
    ],
)
def test_a_bare_name_is_the_renowned_place(name: str, country: str, kind: str, geocoder) -> None:  # type: ignore[no-untyped-def]
    assert _top(geocoder, name) == (country, kind)


@pytest.mark.data
def test_a_maps_name_is_a_name_of_the_news_and_a_former_name_is_not(geocoder) -> None:  # type: ignore[no-untyped-def]
    g = geocoder.gazetteer
    odesa = geocoder.candidates("Odessa", limit=1)[0]
    assert odesa.match == "alternate" and g.is_map_name(odesa.matched, odesa.record.index)
    hong_kong = next(c for c in geocoder.candidates("Victoria", limit=40) if c.record.name == "Hong Kong")
    assert not g.is_map_name(hong_kong.matched, hong_kong.record.index)
    victoria = geocoder.candidates("Victoria", limit=1)[0]
    assert victoria.score > hong_kong.score
    # a kind word asking for a station: a map's name gives the city no advantage there
    assert geocoder.candidates("gare de Kiev", limit=1)[0].record.kind == "station"


@pytest.mark.data
@pytest.mark.parametrize(
    ("name", "country", "kind", "record"),
    [
        ("Luxemburgo", "LU", "country", "Luxembourg"),  # the town's renown is no reason to leave its country
        ("Habana", "CU", "city", "Havana"),  # a map's "La Habana" without its article: no foreign name
    ],
)
def test_renown_decides_between_towns_only(name: str, country: str, kind: str, record: str, geocoder) -> None:  # type: ignore[no-untyped-def]
    r = geocoder.candidates(name, limit=1)[0].record
    assert (r.country_code, r.kind, r.name) == (country, kind, record)


@pytest.mark.data
@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Бразилия", "BR"),  # also one of Brasília's names in GeoNames; Brasília is a capital
        ("Бразилии", "BR"),  # a typo's reading of the genitive: the capital's weight is no reason either
        ("Армения", "AM"),  # a map's Russian name of Armenia, Colombia
        ("Колумбия", "CO"),  # Columbia, Missouri, by a map's Russian name
        ("Либерия", "LR"),  # Liberia, Costa Rica
        ("Grenade", "GD"),  # French: Granada's name on a map, and Grenada's
        ("Ruanda", "RW"),  # German: not a typo of Luanda, a capital
        ("Руанда", "RW"),
    ],
)
def test_a_countrys_name_in_any_language_is_the_country(name: str, country: str, geocoder) -> None:  # type: ignore[no-untyped-def]
    """A town's renown, its map names and its capital's weight (but for the capital's own names)
    rank it among towns, not before a country that bears its name (in the town's country or
    another)."""
    assert _top(geocoder, name) == (country, "country")


@pytest.mark.data
@pytest.mark.parametrize(
    ("name", "record", "cc"),
    [
        ("México", "Mexico City", "MX"),  # the city's own name, cut short: its capital's weight counts
        ("Brasília", "Brasília", "BR"),
        ("Алжир", "Algiers", "DZ"),  # Russian names Algeria and Algiers alike; maps name the city so
        ("Granada", "Granada", "ES"),  # its own name, and Grenada's in Spanish: the town keeps its renown
        ("Сингапур", "Singapore", "SG"),  # a city-state: the town is its country
        ("Singapur", "Singapore", "SG"),
    ],
)
def test_a_town_by_its_own_name_keeps_its_weight(name: str, record: str, cc: str, geocoder) -> None:  # type: ignore[no-untyped-def]
    r = geocoder.candidates(name, limit=1)[0].record
    assert (r.name, r.kind, r.country_code) == (record, "city", cc)


@pytest.mark.data
@pytest.mark.parametrize(
    "cid", ["geonames:3469058", "geonames:3688689", "geonames:3439389", "geonames:2960316"]
)
def test_a_national_capital_a_map_gives_is_a_capital(cid: str, geocoder) -> None:  # type: ignore[no-untyped-def]
    # Brasília, Bogotá, Asunción, Luxembourg: GeoNames writes their countries' capitals without accents
    # or otherwise; Natural Earth's national capitals give them their weight
    r = geocoder.gazetteer.by_id(cid)
    assert r is not None and r.is_capital


@pytest.mark.data
def test_renown_weighs_only_the_names_a_town_bears_in_the_news(geocoder) -> None:  # type: ignore[no-untyped-def]
    """Renown lifts a town under its own name and the names maps give it, and leaves its other
    names as they were: "Goa", one of Genoa's other names, neither gains nor loses by Genoa's
    renown, and the state of Goa answers it."""
    plain = OfflineGeocoder(geocoder.gazetteer, weights=replace(WEIGHTS, rank=0.0, fame=0.0, seat=0.0))

    def score(geo: OfflineGeocoder, query: str, name: str) -> float:
        return next(c.score for c in geo.candidates(query, limit=10) if c.record.name == name)

    assert score(geocoder, "Goa", "Genoa") == pytest.approx(score(plain, "Goa", "Genoa"))
    assert score(geocoder, "Odessa", "Odesa") > score(plain, "Odessa", "Odesa")  # a map's name
    goa = geocoder.candidates("Goa", limit=1)[0].record
    assert (goa.name, goa.kind, goa.country_code) == ("Goa", "region", "IN")


@pytest.mark.data
@pytest.mark.parametrize(
    ("query", "name", "country"),
    [
        ("Città di Castello", "Città di Castello", "IT"),  # not Castelló, whose map name is "Castelló"
        ("Ciudad del Este", "Ciudad del Este", "PY"),
    ],
)
def test_a_query_with_a_kind_word_is_no_maps_name_of_its_remainder(
    query: str, name: str, country: str, geocoder
) -> None:  # type: ignore[no-untyped-def]
    """A map's name counts as the town's own only for the name asked, not for what is left once
    the query's kind word ("Città", "Ciudad") is dropped: renown never makes that match strong."""
    r = geocoder.candidates(query, limit=1)[0].record
    assert (r.name, r.country_code) == (name, country)


@pytest.mark.data
@pytest.mark.parametrize(
    ("name", "capital"),
    [("Abuja", True), ("Lagos", False), ("Dodoma", True), ("Dar es Salaam", False), ("Yangon", False)],
)
def test_a_countrys_other_seat_is_no_capital(name: str, capital: bool, geocoder) -> None:  # type: ignore[no-untyped-def]
    """A map's "other seat" of a country (a former capital) is a seat, not the national capital."""
    r = geocoder.candidates(name, limit=1)[0].record
    assert r.is_capital is capital


@pytest.mark.data
def test_a_towns_name_without_its_article_is_cut_short(geocoder) -> None:  # type: ignore[no-untyped-def]
    """ "Aquila" is L'Aquila's name cut short, though a Portuguese map writes "Áquila"."""

    def city(q: str) -> float:
        return next(
            c.score
            for c in geocoder.candidates(q, limit=5)
            if c.record.kind == "city" and c.record.country_code == "IT"
        )

    assert city("Aquila") < city("L'Aquila")


@pytest.mark.data
@pytest.mark.parametrize(
    ("name", "context", "country"),
    [
        ("Valencia", "Caracas", "VE"),
        ("Odessa", "Dallas", "US"),
        ("London", "Toronto", "CA"),
        ("Birmingham", "Montgomery", "US"),
        ("Hyderabad", "Karachi", "PK"),
        ("Tripoli", "Beirut", "LB"),
        ("Lagos", "Lisbon", "PT"),  # Nigeria's former capital is no capital: its weight lost beside Lisbon
        # a trip abroad: the world city stays itself
        ("Moscow", "Washington", "RU"),
        ("Paris", "Washington", "FR"),
        pytest.param("Naples", "Washington", "IT", marks=_ABROAD_GAP),
        pytest.param("London", "Ottawa", "GB", marks=_ABROAD_GAP),
    ],
)
def test_a_trips_other_stops_decide(name: str, context: str, country: str, geocoder) -> None:  # type: ignore[no-untyped-def]
    assert _top(geocoder, name, [_point(geocoder, context)])[0] == country


def _in_text(geocoder, text: str, names: list[str]) -> dict[str, str]:  # type: ignore[no-untyped-def]
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    return {
        n: (loc.raw.get("country_code") or "") if loc is not None else ""
        for n, loc in zip(names, geocoder.resolve_spans(text, spans), strict=True)
    }


@pytest.mark.data
@pytest.mark.parametrize(
    ("text", "names", "name", "country"),
    [
        (
            "The president met the governor in Caracas and then flew to Valencia.",
            ["Caracas", "Valencia"],
            "Valencia",
            "VE",
        ),
        (
            "El presidente se reunió en Caracas y luego voló a Valencia.",
            ["Caracas", "Valencia"],
            "Valencia",
            "VE",
        ),
        ("The president flew on to Valencia on Tuesday.", ["Valencia"], "Valencia", "ES"),
        ("Le président s'est rendu mardi à Valencia.", ["Valencia"], "Valencia", "ES"),
        ("After Karachi, the minister travelled to Hyderabad.", ["Karachi", "Hyderabad"], "Hyderabad", "PK"),
        ("Après Karachi, le ministre s'est rendu à Hyderabad.", ["Karachi", "Hyderabad"], "Hyderabad", "PK"),
        ("After Washington, the president flew to Moscow.", ["Washington", "Moscow"], "Moscow", "RU"),
        ("Tras Washington, el presidente voló a Moscú.", ["Washington", "Moscú"], "Moscú", "RU"),
    ],
)
def test_the_articles_places_decide(text: str, names: list[str], name: str, country: str, geocoder) -> None:  # type: ignore[no-untyped-def]
    assert _in_text(geocoder, text, names)[name] == country


@pytest.mark.data
def test_the_list_of_homonyms(geocoder) -> None:  # type: ignore[no-untyped-def]
    """The list as a whole: before this ranking 57/64 bare and 65/72 in context typed, 57/64 and
    62/72 in a sentence (now 64, 66, 64, 64); the figures must not fall back."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = bh.measure(geocoder)
    assert got["typed, bare"][0] >= 63, got
    assert got["article, bare"][0] >= 63, got
    assert got["typed, context"][0] >= 66, got
    assert got["article, context"][0] >= 62, got


def test_natural_earth_towns_join_their_geonames_places() -> None:
    b = _Builder(["XX-A"], ["A"], ["XX"])
    paris = b.add("geonames:1", "Paris", 48.85, 2.35, "city", "XX", 1, 2_000_000, 0.9, ["Parigi"])
    other = b.add("geonames:2", "Odesa", 46.48, 30.72, "city", "XX", 1, 1_000_000, 0.8, [])
    far = b.add("geonames:3", "Lyon", 45.76, 4.84, "city", "XX", 1, 500_000, 0.8, [])
    ranks = [
        [1, "XX", "Paris", 48.86, 2.34, 0, 2, ["Париж"]],  # by id: a national capital
        [0, "XX", "Odessa", 46.47, 30.73, 4, 1, ["Odesa"]],  # no id: one of its names, close by
        [3, "XX", "Lyon", 10.0, 10.0, 5, 1, []],  # an id naming a place far away, no name nearby
    ]
    _add_ranks(b, range(3), ranks)
    assert (b.rank[paris], b.seat[paris]) == (0, 2) and b.importance[paris] > 1.0
    assert (b.rank[other], b.seat[other]) == (4, 1)
    assert (b.rank[far], b.seat[far]) == (-1, 0)
    assert ("odessa", other) in b.map_names and b.keys["odessa"][other] == 1  # an alternate name
    assert ("париж", paris) in b.map_names and ("parizh", paris) not in b.map_names  # not the transliteration
    havana = b.add("geonames:4", "Havana", 23.13, -82.36, "city", "XX", 1, 2_000_000, 0.9, [])
    _add_ranks(b, range(4), [[4, "XX", "Havana", 23.13, -82.36, 2, 2, ["La Habana"]]])
    assert ("habana", havana) in b.map_keys and ("habana", havana) not in b.map_names  # its article lost


def test_a_maps_capital_is_a_capital_only_where_geonames_has_none() -> None:
    """Natural Earth keeps a former capital as a national capital (Dar es Salaam beside Dodoma):
    beside GeoNames' own capital it is no capital; where GeoNames has none (an accent lost in its
    capital's name) the map's capital is one."""
    b = _Builder(["XX-A"], ["A"], ["XX"])
    capital = b.add("geonames:1", "Dodoma", -6.17, 35.74, "city", "XX", 1, 400_000, 1.1, [])
    former = b.add("geonames:2", "Dar es Salaam", -6.82, 39.27, "city", "XX", 1, 4_000_000, 0.9, [])
    _add_ranks(
        b,
        range(2),
        [[2, "XX", "Dar es Salaam", -6.8, 39.27, 2, 2, []], [1, "XX", "Dodoma", -6.18, 35.75, 4, 1, []]],
    )
    assert b.importance[capital] > 1.0 and b.importance[former] <= 1.0
    assert b.seat[former] == 2  # still a seat for its renown
