"""Place names as the news writes them: demonyms, abbreviations, qualifiers, the article as
context (resolve_spans), and qualifiers and hints that constrain a query."""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import Any

import pytest

from itinerary.coords import haversine_km
from itinerary.geocode.toponyms import forms_of

GEOPARSING = Path(__file__).resolve().parents[3] / "shared" / "geoparsing"


def spans_of(text: str, *names: str) -> list[tuple[int, int]]:
    """The span of every occurrence of each name (whole words), in text order."""
    out = []
    for n in names:
        out += [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(n)}(?!\w)", text)]
    return sorted(out)


def by_surface(text: str, spans: list[tuple[int, int]], locs: list[Any]) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for (s, e), loc in zip(spans, locs, strict=True):
        out.setdefault(text[s:e], []).append(loc)
    return out


# ---------------------------------------------------------------- the table of forms
@pytest.mark.parametrize(
    ("surface", "kind", "target"),
    [
        ("Turkish", "demonym", "country:TR"),
        ("turc", "demonym", "country:TR"),
        ("turque", "demonym", "country:TR"),
        ("türkische", "demonym", "country:TR"),
        ("турецкого", "demonym", "country:TR"),
        ("italiano", "demonym", "country:IT"),
        ("Canadian", "demonym", "country:CA"),
        ("French", "demonym", "country:FR"),
        ("Americans", "demonym", "country:US"),
        ("U.S.", "abbreviation", "country:US"),
        ("U.K.", "abbreviation", "country:GB"),
        ("UAE", "abbreviation", "country:AE"),
        ("U.A.E.", "abbreviation", "country:AE"),
        ("DRC", "abbreviation", "country:CD"),
        ("B.C.", "abbreviation", "admin1:CA-BC"),
        ("N.Y.", "abbreviation", "admin1:US-NY"),
        ("N.Y", "abbreviation", "admin1:US-NY"),
        ("Ont.", "abbreviation", "admin1:CA-ON"),
        ("NSW", "abbreviation", "admin1:AU-NSW"),
        ("ACT", "abbreviation", "admin1:AU-ACT"),
        ("Qld", "abbreviation", "admin1:AU-QLD"),
        ("Asia", "continent", "continent:6255147"),
        ("Afrique", "continent", "continent:6255146"),
        ("Европа", "continent", "continent:6255148"),
        ("England", "area", "area:GB-ENG"),
        ("pays de Galles", "area", "area:GB-WLS"),
        ("Scottish", "demonym", "area:GB-SCT"),
        ("EU", "abbreviation", "area:EU"),
        ("Union européenne", "area", "area:EU"),
    ],
)
def test_forms(surface: str, kind: str, target: str) -> None:
    form = forms_of().form(surface)
    assert form is not None, surface
    assert (form.kind, form.target) == (kind, target)


@pytest.mark.parametrize("surface", ["Paris", "Turkey", "Ontario", "US Open", "u.s.", "Moscow"])
def test_not_forms(surface: str) -> None:
    assert forms_of().form(surface) is None


# ---------------------------------------------------------------- resolve_spans, mini gazetteer
def test_demonym_is_its_country_not_a_town(mini_geocoder) -> None:  # type: ignore[no-untyped-def]
    text = "A Russian delegation and German officials met in Berlin."
    spans = spans_of(text, "Russian", "German", "Berlin")
    got = by_surface(text, spans, mini_geocoder.resolve_spans(text, spans))
    assert got["Russian"][0].raw["id"] == "country:RU"
    assert got["Russian"][0].raw["match"] == "demonym"
    assert got["German"][0].raw["id"] == "country:DE"
    assert got["Berlin"][0].raw["country_code"] == "DE"


def test_qualifier_in_text_and_one_reading_per_name(mini_geocoder) -> None:  # type: ignore[no-untyped-def]
    text = "The fair in Paris, Tex., drew crowds. Paris police said the roads were closed."
    spans = spans_of(text, "Paris")
    locs = mini_geocoder.resolve_spans(text, spans)
    assert [loc.raw["admin1"] for loc in locs] == ["Texas", "Texas"]
    assert locs[0].raw["match"] == "qualified"
    # without the qualifier, the famous namesake
    alone = mini_geocoder.resolve_spans("Paris police said the roads were closed.", [(0, 5)])
    assert alone[0].raw["country_code"] == "FR"


def test_a_list_is_not_a_qualifier(mini_geocoder) -> None:  # type: ignore[no-untyped-def]
    text = "Storms hit Texas, Ohio and Florida."
    spans = spans_of(text, "Texas", "Ohio", "Florida")
    locs = mini_geocoder.resolve_spans(text, spans)
    assert [loc.raw["id"] for loc in locs] == ["admin1:US-TX", "admin1:US-OH", "admin1:US-FL"]


def test_co_mentioned_places_decide_a_homonym(mini_geocoder) -> None:  # type: ignore[no-untyped-def]
    alone = mini_geocoder.resolve_spans("Alexandria", [(0, 10)])[0]
    assert alone.raw["country_code"] == "EG"
    text = (
        "ALEXANDRIA — Officials in Alexandria met on Monday. Virginia's governor said Virginia "
        "would help, and Philadelphia sent crews."
    )
    spans = spans_of(text, "ALEXANDRIA", "Alexandria", "Virginia", "Philadelphia")
    got = by_surface(text, spans, mini_geocoder.resolve_spans(text, spans))
    assert got["Alexandria"][0].raw["admin1"] == "Virginia"
    assert got["ALEXANDRIA"][0].raw["admin1"] == "Virginia"
    assert got["Alexandria"][0].raw["runner_up"] is not None  # the other reading is kept


def test_trip_points_are_context(mini_geocoder) -> None:  # type: ignore[no-untyped-def]
    dallas = (32.78, -96.80)
    got = mini_geocoder.resolve_spans("Paris", [(0, 5)], near=[dallas, dallas])[0]
    assert got.raw["admin1"] == "Texas"


def test_unknown_and_fuzzy_names(mini_geocoder) -> None:  # type: ignore[no-untyped-def]
    # a short capitalised word is not fuzzily matched to a town elsewhere
    assert mini_geocoder.resolve_spans("Moscone", [(0, 7)]) == [None]
    # a county the gazetteer does not hold: the article's main place, approximately
    text = "Deputies in Travis County and Austin police searched Paris, Texas."
    spans = spans_of(text, "Travis County", "Paris", "Texas")
    got = by_surface(text, spans, mini_geocoder.resolve_spans(text, spans))
    county = got["Travis County"][0]
    assert county is not None and county.raw["approximate"] and county.raw["ambiguous"]
    assert county.raw["admin1"] == "Texas"


def test_a_country_answer_stands_at_its_centre_not_its_capital(mini_geocoder) -> None:  # type: ignore[no-untyped-def]
    from shapely.geometry import Point

    from itinerary.geocode.regions import region_shape

    text = "Russia and the United States signed; Russian officials flew home to Moscow."
    spans = spans_of(text, "Russia", "United States", "Russian", "Moscow")
    got = by_surface(text, spans, mini_geocoder.resolve_spans(text, spans))
    for name, code in (("Russia", "RU"), ("United States", "US"), ("Russian", "RU")):
        loc = got[name][0]
        assert loc.raw["id"] == f"country:{code}"
        capital = loc.raw["capital"]
        far = haversine_km(loc.latitude, loc.longitude, capital["latitude"], capital["longitude"])
        assert far > 500, name  # the middle of a large country, not its capital
        assert region_shape(f"country:{code}").covers(Point(loc.longitude, loc.latitude))
        assert (loc.raw["latitude"], loc.raw["longitude"]) == (loc.latitude, loc.longitude)
    moscow = got["Moscow"][0]
    assert "capital" not in moscow.raw  # a city stands at its own point
    # a typed query (a trip's stop) still stands at the capital
    typed = mini_geocoder.geocode("Russia")
    assert haversine_km(typed.latitude, typed.longitude, moscow.latitude, moscow.longitude) < 1


def test_an_abbreviation_before_the_full_stop(mini_geocoder) -> None:  # type: ignore[no-untyped-def]
    """A span that leaves out an abbreviation's full stop ("in Springfield, Ill.") is read with it."""
    text = "Sen. Cole, R-Tex., met farmers in Springfield, Ill."
    spans = [(text.index("Tex"), text.index("Tex") + 3), (text.index("Ill"), text.index("Ill") + 3)]
    got = mini_geocoder.resolve_spans(text, spans)
    assert [loc.raw["id"] for loc in got] == ["admin1:US-TX", "admin1:US-IL"]
    assert [loc.raw["match"] for loc in got] == ["abbreviation", "abbreviation"]


def test_nations_of_the_united_kingdom_and_the_eu_are_areas(mini_geocoder) -> None:  # type: ignore[no-untyped-def]
    text = "Fans from England, Scotland and Northern Ireland travelled; the EU and Welsh officials said."
    spans = spans_of(text, "England", "Scotland", "Northern Ireland", "EU", "Welsh")
    got = by_surface(text, spans, mini_geocoder.resolve_spans(text, spans))
    for name, want in (("England", "area:GB-ENG"), ("Scotland", "area:GB-SCT"), ("Welsh", "area:GB-WLS")):
        loc = got[name][0]
        assert (loc.raw["id"], loc.raw["kind"], loc.raw["country_code"]) == (want, "region", "GB"), name
    assert got["Northern Ireland"][0].raw["name"] == "Northern Ireland"
    eu = got["EU"][0]
    assert eu.raw["kind"] == "union" and eu.raw["country_code"] is None
    from shapely.geometry import Point

    from itinerary.geocode.regions import region_shape

    assert region_shape("country:BE").covers(Point(eu.longitude, eu.latitude))  # its seat, Brussels
    for name in ("England", "Scotland", "Northern Ireland", "Welsh"):
        loc = got[name][0]
        assert region_shape("country:GB").covers(Point(loc.longitude, loc.latitude)), name


def test_an_airport_named_without_its_city(mini_geocoder) -> None:  # type: ignore[no-untyped-def]
    """The news drops the city from an airport's name ("Jasionka Airport" for Rzeszow-Jasionka
    Airport): an airport whose name holds every word is the answer, not nothing or a town."""
    text = "The jets landed at Jasionka Airport and left from Novy Airport."
    spans = spans_of(text, "Jasionka Airport", "Novy Airport")
    got = by_surface(text, spans, mini_geocoder.resolve_spans(text, spans))
    assert got["Jasionka Airport"][0].raw["name"] == "Rzeszow-Jasionka Airport"
    assert got["Novy Airport"][0].raw["name"] == "Khabarovsk-Novy Airport"
    assert got["Novy Airport"][0].raw["kind"] == "airport"
    # a name the gazetteer holds in full keeps its exact reading
    text = "He landed at Fiumicino International Airport."
    loc = mini_geocoder.resolve_spans(text, spans_of(text, "Fiumicino International Airport"))[0]
    assert loc.raw["kind"] == "airport" and loc.raw["match"] == "exact"


def test_counties_are_places_of_the_story(mini_geocoder) -> None:  # type: ignore[no-untyped-def]
    """A name the gazetteer lacks answers the story's main region, and the counties named in the
    story vote for the state they were read in (here Virginia, not the twice-named Florida)."""
    text = (
        "A York County man and a New Kent County woman were arrested in Lanexa on Monday, Virginia "
        "police said. The man had lived in Florida; Florida police sought him."
    )
    spans = spans_of(text, "York County", "New Kent County", "Lanexa", "Virginia", "Florida")
    got = by_surface(text, spans, mini_geocoder.resolve_spans(text, spans))
    lanexa = got["Lanexa"][0]
    assert lanexa.raw["admin1"] == "Virginia" and lanexa.raw["approximate"]
    assert got["Florida"][0].raw["id"] == "admin1:US-FL"


def test_bad_spans(mini_geocoder) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="not inside the text"):
        mini_geocoder.resolve_spans("Paris", [(0, 9)])
    assert mini_geocoder.resolve_spans("Paris", []) == []
    assert mini_geocoder.resolve_spans("a   b", [(1, 4)]) == [None]


# ---------------------------------------------------------------- qualifiers and hints constrain
def test_qualifier_restricts_and_falls_back_to_its_place(mini_geocoder) -> None:  # type: ignore[no-untyped-def]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        free = mini_geocoder.candidates("Moscone Center")
        assert free and free[0].record.name == "Moscow"  # the fuzzy reading this guards against
        for query, hint in (("Moscone Center, Berlin", None), ("Moscone Center", "Berlin")):
            got = mini_geocoder.candidates(query, hint=hint)
            assert len(got) == 1, (query, hint)
            c = got[0]
            assert c.record.name == "Berlin" and c.match == "approximate" and c.ambiguous
            assert c.confidence <= 0.4
        # a qualifier that holds the place keeps it exact
        c = mini_geocoder.candidates("Paris, Texas")[0]
        assert c.record.admin1 == "Texas" and c.match == "exact"


def test_landmark_words_in_any_order(mini_geocoder) -> None:  # type: ignore[no-untyped-def]
    a = mini_geocoder.candidates("Moscow Kremlin")[0]
    b = mini_geocoder.candidates("Kremlin Moscow")[0]
    assert a.record.id == b.record.id == "landmark:moscow-kremlin"


# ---------------------------------------------------------------- the full gazetteer
@pytest.mark.data
@pytest.mark.parametrize(
    ("text", "name", "want"),
    [
        ("Ontario will vote in June.", "Ontario", "admin1:CA-ON"),
        ("Quebec will vote in June.", "Quebec", "admin1:CA-QC"),
        ("Хабаровск встретил делегацию.", "Хабаровск", "geonames:2022890"),
        ("The Turkish ambassador spoke.", "Turkish", "country:TR"),
        ("The U.S. embassy spoke.", "U.S.", "country:US"),
    ],
)
def test_full_region_or_city_and_forms(geocoder, text: str, name: str, want: str) -> None:  # type: ignore[no-untyped-def]
    s = text.index(name)
    loc = geocoder.resolve_spans(text, [(s, s + len(name))])[0]
    assert loc.raw["id"] == want


@pytest.mark.data
def test_full_a_state_is_not_a_city_named_after_it(geocoder) -> None:  # type: ignore[no-untyped-def]
    """A name the gazetteer holds only with a kind word dropped ("Missouri City") is not read
    for a state named in full, however near the article's places are; a city of the state's
    weight keeps its reading ("New York")."""
    text = "The Missouri team played in Pearland, Texas."
    spans = spans_of(text, "Missouri", "Pearland", "Texas")
    got = by_surface(text, spans, geocoder.resolve_spans(text, spans))
    assert got["Missouri"][0].raw["id"] == "admin1:US-MO"
    loc = geocoder.resolve_spans("New York police said.", [(0, 8)])[0]
    assert {loc.raw["name"], loc.raw["runner_up"]["name"]} == {"New York", "New York City"}


@pytest.mark.data
def test_full_a_region_holding_the_article_places_is_near_them(geocoder) -> None:  # type: ignore[no-untyped-def]
    """A region that holds the article's other places is as near to them as its namesake city."""
    text = "Quebec police in Montreal and Sherbrooke said."
    spans = spans_of(text, "Quebec", "Montreal", "Sherbrooke")
    got = by_surface(text, spans, geocoder.resolve_spans(text, spans))
    assert got["Quebec"][0].raw["id"] == "admin1:CA-QC"
    assert got["Quebec"][0].raw["runner_up"]["kind"] == "city"


@pytest.mark.data
def test_full_a_small_namesake_far_from_a_local_story_is_a_place_of_it(geocoder) -> None:  # type: ignore[no-untyped-def]
    """A small town far from every place of a story told in one region is read as a place of
    that region (approximately, the town kept as runner-up); in a story spread over several
    regions, it stays the town."""
    text = (
        "Police in Los Angeles said a man from Glendale was found in Mount Washington on Sunday; "
        "Pasadena officers helped."
    )
    spans = spans_of(text, "Los Angeles", "Glendale", "Mount Washington", "Pasadena")
    got = by_surface(text, spans, geocoder.resolve_spans(text, spans))
    la = got["Los Angeles"][0]
    mw = got["Mount Washington"][0]
    assert mw.raw["approximate"] and mw.raw["ambiguous"] and mw.raw["admin1"] == "California"
    assert haversine_km(mw.latitude, mw.longitude, la.latitude, la.longitude) < 50
    assert mw.raw["runner_up"]["name"] == "Mount Washington"
    text = "Officials in Boston, Chicago and Denver met on Monday; Sun Valley will host the next meeting."
    spans = spans_of(text, "Boston", "Chicago", "Denver", "Sun Valley")
    got = by_surface(text, spans, geocoder.resolve_spans(text, spans))
    sv = got["Sun Valley"][0]
    assert sv.raw["name"] == "Sun Valley" and not sv.raw["approximate"]


@pytest.mark.data
def test_full_a_list_of_states_holds_states(geocoder) -> None:  # type: ignore[no-untyped-def]
    """Names joined in a list are read as areas of one kind: "Montana and Wyoming" are states,
    though the story's places (Ohio) hold a town named Wyoming; a city in the list does not turn
    a state into a town ("Atlanta and Florida")."""
    from itinerary.geocode.toponyms import ContextWeights, resolve_spans

    text = "Families in Cincinnati and Dayton looked as far as Montana and Wyoming."
    spans = spans_of(text, "Cincinnati", "Dayton", "Montana", "Wyoming")
    got = by_surface(text, spans, geocoder.resolve_spans(text, spans))
    assert got["Wyoming"][0].raw["id"] == "admin1:US-WY"
    # without the list, the Ohio town (the reading this rule corrects)
    unlisted = by_surface(
        text, spans, resolve_spans(geocoder, text, spans, weights=ContextWeights(list_kind=0))
    )
    assert unlisted["Wyoming"][0].raw["admin1"] == "Ohio"
    text = "Police in Dayton said the man had lived in Atlanta and Florida."
    spans = spans_of(text, "Dayton", "Atlanta", "Florida")
    got = by_surface(text, spans, geocoder.resolve_spans(text, spans))
    assert got["Florida"][0].raw["id"] == "admin1:US-FL"


@pytest.mark.data
def test_full_abbreviations_are_names_of_their_own(geocoder) -> None:  # type: ignore[no-untyped-def]
    """Two abbreviations that differ only in letters a name's key drops are two names."""
    text = "Sen. Hoeven, R-N.D., and Rep. Rangel, D-N.Y., spoke."
    spans = spans_of(text, "N.D.", "N.Y.")
    got = by_surface(text, spans, geocoder.resolve_spans(text, spans))
    assert got["N.D."][0].raw["id"] == "admin1:US-ND"
    assert got["N.Y."][0].raw["id"] == "admin1:US-NY"


@pytest.mark.data
def test_full_a_hyphen_touching_a_name_is_no_dateline(geocoder) -> None:  # type: ignore[no-untyped-def]
    """A compound at the top of a text ("Logan-Rogersville") is not a dateline, so it does not
    outweigh the story's places; a small namesake far from them is read as a place of the story."""
    text = "Logan-Rogersville students moved into a new school near Springfield; Rogersville parents cheered."
    spans = spans_of(text, "Logan", "Rogersville", "Springfield")
    got = by_surface(text, spans, geocoder.resolve_spans(text, spans))
    logan = got["Logan"][0]
    assert logan.raw["admin1"] == "Missouri" and logan.raw["approximate"]


@pytest.mark.data
def test_full_a_country_is_not_qualified_by_a_country(geocoder) -> None:  # type: ignore[no-untyped-def]
    """A town named after a country is qualified by its state ("Jordan, Minn."); a country's name
    followed by another country is a list or a new clause ("in Russia, U.S. officials said")."""
    text = "He reported on entanglements in Russia, U.S. officials said on Wednesday."
    spans = spans_of(text, "Russia", "U.S.")
    got = by_surface(text, spans, geocoder.resolve_spans(text, spans))
    assert got["Russia"][0].raw["id"] == "country:RU"
    text = "The plant in Jordan, Minn., closed."
    spans = spans_of(text, "Jordan", "Minn.")
    got = by_surface(text, spans, geocoder.resolve_spans(text, spans))
    assert got["Jordan"][0].raw["admin1"] == "Minnesota" and got["Jordan"][0].raw["match"] == "qualified"


@pytest.mark.data
def test_full_qualified_and_contextual(geocoder) -> None:  # type: ignore[no-untyped-def]
    text = "LONDON, Ont. — Police in London said a man from Toronto was arrested near Windsor."
    spans = spans_of(text, "LONDON", "Ont.", "London", "Toronto", "Windsor")
    got = by_surface(text, spans, geocoder.resolve_spans(text, spans))
    for name in ("LONDON", "London", "Windsor"):
        assert got[name][0].raw["admin1"] == "Ontario", name
    ontario = got["Ont."][0]
    assert ontario.raw["id"] == "admin1:CA-ON"
    text = "Ontario officials said the province would pay."
    loc = geocoder.resolve_spans(text, [(0, 7)])[0]
    assert loc.raw["runner_up"] is not None and loc.raw["runner_up"]["kind"] == "city"


@pytest.mark.data
def test_full_moscone_center(geocoder) -> None:  # type: ignore[no-untyped-def]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for query, hint in (("Moscone Center, San Francisco", None), ("Moscone Center", "San Francisco")):
            c = geocoder.candidates(query, hint=hint)[0]
            assert c.match == "approximate" and c.record.name == "San Francisco"
        c = geocoder.candidates("Filoli", hint="Woodside, California")[0]
        assert haversine_km(c.record.lat, c.record.lon, 37.43, -122.25) < 10
        c = geocoder.candidates("Marine Corps Air Station Iwakuni")[0]
        assert c.record.country_code == "JP" and c.record.kind == "airport"


@pytest.mark.data
@pytest.mark.skipif(not (GEOPARSING / "trnews.xml.gz").exists(), reason="no ../shared/geoparsing here")
def test_full_trnews_inside_reading(geocoder) -> None:  # type: ignore[no-untyped-def]
    """TR-News, every toponym, the inside-the-answer reading: at least 0.85 (the issue's target)."""
    from benchmarks.bench_toponyms import Inside, article_spans, load_corpus, right

    inside = Inside()
    arts = load_corpus(GEOPARSING / "trnews.xml.gz", "trnews")
    ok = []
    for a in arts:
        text, spans = article_spans(a)
        for t, loc in zip(a.toponyms, geocoder.resolve_spans(text, spans), strict=True):
            ans = None
            if loc is not None:
                from benchmarks.bench_toponyms import _answer

                ans = _answer(loc)
            ok.append(right(ans, t, inside))
    assert sum(ok) / len(ok) >= 0.85


def test_resolve_marks_an_approximate_stop_for_review(mini_data: None) -> None:
    from itinerary.errors import AmbiguityWarning
    from itinerary.geocode import resolve_itinerary
    from itinerary.io.yaml import loads

    it = loads(
        "itinerary: 1\ntitle: t\ntrips:\n  - id: a\n    traveller: A\n    stops:\n"
        "      - place: Berlin\n        status: confirmed\n"
        "      - place: Moscone Center\n        hint: Berlin\n        status: planned\n"
    )
    with pytest.warns(AmbiguityWarning, match="approximately"):
        out = resolve_itinerary(it)
    first, second = out.trip("a").stops
    assert not first.needs_review and second.needs_review
    assert second.resolved is not None and second.resolved.name == "Berlin"


def test_trip_stops_are_the_context_of_each_stop(mini_geocoder) -> None:  # type: ignore[no-untyped-def]
    dallas, houston = (32.78, -96.80), (29.76, -95.37)
    assert mini_geocoder.candidates("Paris", limit=1)[0].record.country_code == "FR"
    best = mini_geocoder.candidates("Paris", near=[dallas, houston], limit=1)[0]
    assert best.record.admin1 == "Texas"
