"""Merging itineraries: travellers across scripts, stops by place and visit, status over time,
conflicting dates, reprints, as-of states, the merge command's bad input."""

from __future__ import annotations

import datetime as dt
import random
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import itinerary
from itinerary import DateSpan, Itinerary, Place, Role, Source, Status, Stop, Trip
from itinerary.cli import cli
from itinerary.errors import MergeError, MergeWarning, ValidationError
from itinerary.merge import as_known_on, merge, merge_report, same_traveller
from itinerary.merge.cluster import _compatible, _gap_days, _Span
from itinerary.merge.observe import _Obs
from itinerary.merge.places import _PlaceIndex, _same_place
from tests.conftest import SEED_14, SEED_18

D = dt.date
VLADIVOSTOK = Place("geonames:2013348", "Vladivostok", 43.1056, 131.8735, "city", "RU")
FEFU = Place("landmark:fefu", "Far Eastern Federal University", 43.0245, 131.8930, "university", "RU")
KHASAN = Place("geonames:2022083", "Khasan", 42.4297, 130.6436, "city", "RU")
ARTYOM = Place("geonames:2027456", "Artyom", 43.3589, 132.1886, "city", "RU")
RUSSIA = Place("country:RU", "Russia", 55.7558, 37.6173, "country", "RU")


def draft(
    source: str,
    published: dt.date,
    stops: list[Stop],
    traveller: str = "Kim Jong-un",
    url: str | None = None,
) -> Itinerary:
    """A one-article draft: every stop cites the article."""
    cited = tuple(Stop(**{**s.__dict__, "source": source}) for s in stops)
    return Itinerary(
        trips=(Trip(id="t", traveller=traveller, stops=cited),),
        sources=(Source(source, published=published, url=url),),
        as_of=published,
    )


def stop(
    place: Place, status: Status, date: str | None = None, quote: str | None = None, **kw: object
) -> Stop:
    return Stop(status=status, place=place.name, resolved=place, date=DateSpan.parse(date), quote=quote, **kw)  # type: ignore[arg-type]


def only_trip(it: Itinerary) -> Trip:
    assert len(it.trips) == 1, [t.traveller for t in it.trips]
    return it.trips[0]


# ---------------------------------------------------------------- the seed files


def test_seed_files_merge_into_one_trip_per_traveller_with_sources() -> None:
    merged, report = merge_report([itinerary.load(SEED_14), itinerary.load(SEED_18)])
    # trips in the order of their travellers' names, whatever the order of the inputs
    assert [t.traveller for t in merged.trips] == ["Kim Jong-un", "Sergei Lavrov", "Vladimir Putin"]
    assert [s.id for s in merged.sources] == ["report-2023-09-14", "wire-2023-09-18"]
    assert all(s.published for s in merged.sources)
    for _, _, s in merged.stops():
        assert s.all_sources and set(s.all_sources) <= {"report-2023-09-14", "wire-2023-09-18"}
        assert s.corroboration is not None and 1 <= s.corroboration <= len(s.all_sources)
    kim = merged.trip("kim")
    places = [s.place for s in kim.stops]
    assert places.count("Khasan") == 2 and places.count("Pyongyang") == 2  # the way back is its own stop
    assert [s.role for s in kim.stops if s.place == "Pyongyang"] == [Role.ORIGIN, Role.DESTINATION]
    komsomolsk = next(s for s in kim.stops if s.place == "Komsomolsk-on-Amur")
    assert komsomolsk.status is Status.CONFIRMED and str(komsomolsk.date) == "2023-09-15"
    assert [(h.source, h.status) for h in komsomolsk.history] == [
        ("report-2023-09-14", Status.PLANNED),
        ("wire-2023-09-18", Status.CONFIRMED),
    ]
    dates = [s.date.start for s in kim.stops if s.date.start]
    assert dates == sorted(dates)
    assert not report.disjoint and not report.conflicts


def test_merged_file_round_trips_and_validates(tmp_path: Path) -> None:
    merged = merge([itinerary.load(SEED_14), itinerary.load(SEED_18)])
    out = tmp_path / "trip.yaml"
    itinerary.dump(merged, out)
    text = out.read_text()
    assert "sources:\n    - wire-2023-09-18\n    - report-2023-09-14" in text
    back = itinerary.load(out)
    assert back == merged


def test_as_of_keeps_only_what_was_published_by_then() -> None:
    both = [itinerary.load(SEED_14), itinerary.load(SEED_18)]
    early = merge(both, as_of=D(2023, 9, 14))
    assert [s.id for s in early.sources] == ["report-2023-09-14"] and early.as_of == D(2023, 9, 14)
    kim = early.trip("kim")
    assert [s.place for s in kim.stops] == [
        "Pyongyang",
        "Khasan",
        "Vostochny Cosmodrome",
        "Komsomolsk-on-Amur",
        "Vladivostok",
    ]
    assert [s.status for s in kim.stops][-2:] == [Status.PLANNED, Status.PLANNED]
    # the merged file remembers what each source said: the same state comes back from it alone
    late = merge(both)
    again = as_known_on(itinerary.loads(itinerary.dumps(late)), D(2023, 9, 14))
    assert [(s.place, s.status, str(s.date)) for s in again.trip("kim").stops] == [
        (s.place, s.status, str(s.date)) for s in kim.stops
    ]
    assert merge(both, as_of=D(2023, 9, 1)).trips == ()


# ---------------------------------------------------------------- status and dates


def test_status_over_time() -> None:
    monday = draft("a", D(2023, 9, 11), [stop(VLADIVOSTOK, Status.PLANNED), stop(KHASAN, Status.PLANNED)])
    tuesday = draft("b", D(2023, 9, 12), [stop(VLADIVOSTOK, Status.CONFIRMED, "2023-09-12")])
    wednesday = draft(
        "c", D(2023, 9, 13), [stop(VLADIVOSTOK, Status.PLANNED, "2023-09-12"), stop(KHASAN, Status.CANCELLED)]
    )
    for order in ([monday, tuesday, wednesday], [wednesday, monday, tuesday]):  # input order does not matter
        trip = only_trip(merge(order))
        by = {s.place: s for s in trip.stops}
        assert by["Vladivostok"].status is Status.CONFIRMED  # never back to planned
        assert by["Khasan"].status is Status.CANCELLED  # a later report called it off
        assert [h.source for h in by["Vladivostok"].history] == ["a", "b", "c"]
        assert by["Vladivostok"].source == "b"  # the report that confirmed it comes first
    assert only_trip(merge([monday, tuesday], as_of=D(2023, 9, 11))).stops[0].status is Status.PLANNED


def test_confirmed_then_cancelled_is_kept_for_review() -> None:
    a = draft("a", D(2023, 9, 12), [stop(VLADIVOSTOK, Status.CONFIRMED, "2023-09-12")])
    b = draft("b", D(2023, 9, 13), [stop(VLADIVOSTOK, Status.CANCELLED, "2023-09-12")])
    (s,) = only_trip(merge([a, b])).stops
    assert s.status is Status.CONFIRMED and s.needs_review
    assert s.note is not None and "a says confirmed" in s.note and "b (later) says cancelled" in s.note


def test_planned_stop_whose_day_passed_unreported_is_kept_planned_for_review() -> None:
    early = draft("a", D(2023, 9, 11), [stop(VLADIVOSTOK, Status.PLANNED, "2023-09-15")])
    later = draft("b", D(2023, 9, 20), [stop(ARTYOM, Status.CONFIRMED, "2023-09-17")])
    by = {s.place: s for s in only_trip(merge([early, later])).stops}
    vlad = by["Vladivostok"]
    assert vlad.status is Status.PLANNED  # what was reported; the merge infers nothing
    assert vlad.needs_review and vlad.note is not None
    assert "planned for 2023-09-15 (last reported on 2023-09-11)" in vlad.note
    assert "as known on 2023-09-20" in vlad.note
    assert not by["Artyom"].needs_review
    # known on a day before the planned one, or reported again after it: nothing to review
    assert not only_trip(merge([early, later], as_of=D(2023, 9, 14))).stops[0].needs_review
    again = draft("c", D(2023, 9, 16), [stop(VLADIVOSTOK, Status.PLANNED, "2023-09-15")])
    vlad = next(s for s in only_trip(merge([early, again, later])).stops if s.place == "Vladivostok")
    assert not vlad.needs_review


def test_dates_reconciled_to_the_most_precise_consistent_value() -> None:
    month = draft("a", D(2023, 9, 1), [stop(VLADIVOSTOK, Status.PLANNED, "2023-09")])
    day = draft("b", D(2023, 9, 10), [stop(VLADIVOSTOK, Status.PLANNED, "2023-09-16")])
    stay = draft("c", D(2023, 9, 17), [stop(VLADIVOSTOK, Status.CONFIRMED, "2023-09-16/2023-09-17")])
    (s,) = only_trip(merge([month, day])).stops
    assert str(s.date) == "2023-09-16" and not s.needs_review
    (s,) = only_trip(merge([month, day, stay])).stops
    assert str(s.date) == "2023-09-16/2023-09-17" and not s.needs_review


def test_conflicting_dates_need_review_with_both_sources_named() -> None:
    a = draft("agency-a", D(2024, 6, 3), [stop(VLADIVOSTOK, Status.PLANNED, "2024-06-05")])
    b = draft("agency-b", D(2024, 6, 4), [stop(VLADIVOSTOK, Status.PLANNED, "2024-06-06")])
    merged, report = merge_report([a, b])
    (s,) = only_trip(merged).stops
    assert s.needs_review and str(s.date) == "2024-06-06"  # the latest report
    assert s.note is not None
    for text in ("agency-a", "2024-06-05", "agency-b", "2024-06-06"):
        assert text in s.note
    assert len(report.conflicts) == 1 and "Vladivostok" in report.conflicts[0]


# ---------------------------------------------------------------- places and visits


def test_return_visit_stays_a_separate_stop() -> None:
    out = draft(
        "a", D(2023, 9, 12), [stop(KHASAN, Status.CONFIRMED, "2023-09-12"), stop(VLADIVOSTOK, Status.PLANNED)]
    )
    back = draft(
        "b",
        D(2023, 9, 18),
        [
            stop(VLADIVOSTOK, Status.CONFIRMED, "2023-09-16"),
            stop(ARTYOM, Status.CONFIRMED, "2023-09-17"),
            stop(KHASAN, Status.CONFIRMED, "2023-09-18"),
        ],
    )
    trip = only_trip(merge([out, back]))
    assert [(s.place, str(s.date)) for s in trip.stops] == [
        ("Khasan", "2023-09-12"),
        ("Vladivostok", "2023-09-16"),
        ("Artyom", "2023-09-17"),
        ("Khasan", "2023-09-18"),
    ]
    assert trip.stops[1].all_sources == ("b", "a")


def test_landmark_joins_the_city_visited_the_same_day() -> None:
    city = draft("a", D(2023, 9, 17), [stop(VLADIVOSTOK, Status.CONFIRMED, "2023-09-17")])
    site = draft("b", D(2023, 9, 17), [stop(FEFU, Status.CONFIRMED, "2023-09-17")])
    (s,) = only_trip(merge([city, site])).stops
    assert s.place == "Vladivostok" and s.note and "Far Eastern Federal University" in s.note
    assert set(s.all_sources) == {"a", "b"}
    other_day = draft("c", D(2023, 9, 19), [stop(FEFU, Status.CONFIRMED, "2023-09-19")])
    assert len(only_trip(merge([city, other_day])).stops) == 2


def test_country_joins_its_one_city_and_places_match_across_scripts() -> None:
    written = Stop(
        Status.PLANNED, place="Владивосток", resolved=VLADIVOSTOK, date=DateSpan.parse("2023-09-16")
    )
    ru = draft("ru", D(2023, 9, 16), [written])
    en = draft("en", D(2023, 9, 16), [stop(RUSSIA, Status.CONFIRMED, "2023-09-16")])
    (s,) = only_trip(merge([ru, en])).stops
    assert s.resolved == VLADIVOSTOK and s.status is Status.CONFIRMED and set(s.all_sources) == {"ru", "en"}
    unresolved = Itinerary(
        trips=(Trip("k", "Kim Jong-un", (Stop(Status.PLANNED, place="Vladivostok", source="de"),)),),
        sources=(Source("de", published=D(2023, 9, 12)),),
    )
    (s,) = only_trip(merge([ru, unresolved])).stops
    assert set(s.all_sources) == {"ru", "de"} and s.place == "Vladivostok"


# ---------------------------------------------------------------- reprints


def test_reprints_of_one_agency_copy_count_once() -> None:
    text = (
        "North Korean leader Kim Jong Un arrived in Vladivostok on Wednesday for his first summit with Putin."
    )
    reprint = text.replace("Wednesday", "Wednesday,").replace("summit", "summit meeting")
    own = (
        "Kim's armoured train pulled into the Pacific port in the evening, greeted by the regional governor."
    )
    ap = draft("ap-copy", D(2019, 4, 24), [stop(VLADIVOSTOK, Status.CONFIRMED, "2019-04-24", text)])
    site = draft("site-reprint", D(2019, 4, 24), [stop(VLADIVOSTOK, Status.CONFIRMED, "2019-04-24", reprint)])
    other = draft("own-report", D(2019, 4, 25), [stop(VLADIVOSTOK, Status.CONFIRMED, "2019-04-24", own)])
    merged, report = merge_report([ap, site, other])
    (s,) = only_trip(merged).stops
    assert len(s.all_sources) == 3 and s.corroboration == 2
    assert report.reprints == (("ap-copy", "site-reprint"),)
    (s,) = only_trip(merge([ap, other])).stops
    assert s.corroboration == 2
    same_url = draft(
        "x", D(2019, 4, 24), [stop(VLADIVOSTOK, Status.CONFIRMED, "2019-04-24")], url="https://a.example/1"
    )
    again = draft(
        "y", D(2019, 4, 25), [stop(VLADIVOSTOK, Status.CONFIRMED, "2019-04-24")], url="https://a.example/1"
    )
    (s,) = only_trip(merge([same_url, again])).stops
    assert s.corroboration == 1


# ---------------------------------------------------------------- travellers


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Kim Jong Un", "Kim Jong-un", True),
        ("Kim Jong-un", "Ким Чен Ын", True),
        ("Kim Jong Un", "Kim Jong Il", False),
        ("Kim Jong Un", "Kim Yo Jong", False),
        ("Ким Чен Ир", "Kim Jong Il", True),
        ("Ким Чен Ир", "Kim Jong-un", False),
        ("Vladimir Poutine", "Владимир Путин", True),
        ("Pope Francis", "le pape François", True),
        ("Papa Francisco", "Папа Франциск", True),
        ("Sergei Lavrov", "Sergueï Lavrov", True),
        ("Sergei Lavrov", "Vladimir Putin", False),
        ("Xi Jinping", "Xi Jin-ping", True),
    ],
)
def test_same_traveller_across_spellings_titles_and_scripts(a: str, b: str, same: bool) -> None:
    assert same_traveller(a, b) is same


def test_travellers_written_differently_become_one_trip() -> None:
    names = ["Kim Jong Un", "Ким Чен Ын", "Kim Jong-un", "Ким Чен Ын"]
    drafts = [
        draft(f"s{i}", D(2019, 4, 24 + i), [stop(VLADIVOSTOK, Status.CONFIRMED, "2019-04-24")], traveller=n)
        for i, n in enumerate(names)
    ]
    father = draft("bg", D(2019, 4, 24), [stop(RUSSIA, Status.CONFIRMED, "2011")], traveller="Kim Jong Il")
    merged, report = merge_report([*drafts, father])
    assert [t.traveller for t in merged.trips] == ["Kim Jong Il", "Kim Jong Un"]
    assert set(report.travellers[1][1]) == set(names)
    assert merged.trips[1].stops[0].corroboration == 4
    # a surname alone joins the one person it can be; with two Kims it stays apart
    putin = [
        draft("p", D(2024, 6, 19), [stop(KHASAN, Status.PLANNED)], traveller=n)
        for n in ("Putin", "Vladimir Putin")
    ]
    assert [t.traveller for t in merge(putin).trips] == ["Vladimir Putin"]
    kim = draft("k", D(2019, 4, 24), [stop(VLADIVOSTOK, Status.CONFIRMED)], traveller="Kim")
    assert len(merge([*drafts, father, kim]).trips) == 3


def test_unnamed_traveller_of_another_report_is_kept_apart() -> None:
    """A trip without a name is not given to the traveller of another report (that would be a
    guess); its stops are kept, as an unknown traveller's."""
    named = draft("a", D(2024, 9, 2), [stop(VLADIVOSTOK, Status.PLANNED)], traveller="Pope Francis")
    anon = draft("b", D(2024, 9, 3), [stop(KHASAN, Status.CONFIRMED)], traveller="Unknown traveller")
    invisible = draft("c", D(2024, 9, 3), [stop(KHASAN, Status.CONFIRMED)], traveller="\u200b")
    for other in (anon, invisible):
        with pytest.warns(MergeWarning, match="no traveller in common"):
            merged = merge([named, other])
        assert sorted(t.traveller for t in merged.trips) == ["Pope Francis", "Unknown traveller"]


def test_source_ids_that_collide_are_renamed() -> None:
    a = draft("article", D(2024, 6, 19), [stop(VLADIVOSTOK, Status.CONFIRMED, "2024-06-19")])
    b = draft("article", D(2024, 6, 20), [stop(KHASAN, Status.CONFIRMED, "2024-06-20")])
    merged = merge([a, b])
    assert [s.id for s in merged.sources] == ["article", "article-2"]
    assert [s.source for s in only_trip(merged).stops] == ["article", "article-2"]


# ---------------------------------------------------------------- bad input


def test_different_versions_and_no_common_traveller_say_so() -> None:
    a = draft("a", D(2024, 6, 19), [stop(VLADIVOSTOK, Status.CONFIRMED)])
    future = Itinerary(trips=a.trips, sources=a.sources, version=2, title="next format")
    with pytest.raises(MergeError, match=r"different format versions .*next format: 2"):
        merge([a, future])
    biden = draft("b", D(2024, 6, 19), [stop(KHASAN, Status.PLANNED)], traveller="Joe Biden")
    with pytest.warns(MergeWarning, match="no traveller in common"):
        merged = merge([a, biden])
    assert len(merged.trips) == 2
    with pytest.raises(MergeError, match="nothing to merge"):
        merge([])


def test_file_format_rejects_unknown_sources_in_sources_and_history() -> None:
    text = itinerary.dumps(merge([itinerary.load(SEED_14), itinerary.load(SEED_18)]))
    with pytest.raises(ValidationError, match=r"trips\[0\]\.stops\[0\]\.sources\[1\]: unknown source 'nope'"):
        itinerary.loads(text.replace("    - report-2023-09-14\n", "    - nope\n", 1))
    both = (
        "itinerary: 1\nsources: [{id: a}, {id: b}, {id: c}]\n"
        "trips:\n  - id: t\n    traveller: X\n    stops:\n"
        "      - {place: Vladivostok, status: planned, source: c, sources: [a, b]}\n"
    )
    with pytest.raises(
        ValidationError, match=r"stops\[0\]\.source: source 'c' is not in this stop's 'sources'"
    ):
        itinerary.loads(both)
    with pytest.raises(ValidationError, match=r"history\[0\]\.source"):
        itinerary.loads(text.replace("    - source: report-2023-09-14", "    - source: nope", 1))


def test_cli_merges_and_names_an_unreadable_draft(tmp_path: Path) -> None:
    bad = tmp_path / "broken.yaml"
    bad.write_text("itinerary: 1\ntrips:\n  - id: x\n    traveller: [\n")
    out = tmp_path / "trip.yaml"
    res = CliRunner().invoke(cli, ["merge", str(SEED_14), str(bad), str(SEED_18), "-o", str(out)])
    assert res.exit_code == 1
    assert f"error: {bad}:5: YAML syntax error" in res.output and "Traceback" not in res.output
    assert len(itinerary.load(out).trip("kim").stops) == 11
    res = CliRunner().invoke(cli, ["merge", str(SEED_14), str(SEED_18), "-o", str(out)])
    assert res.exit_code == 1 and "exists; pass --force" in res.output
    early = tmp_path / "early.yaml"
    res = CliRunner().invoke(
        cli, ["merge", str(SEED_14), str(SEED_18), "-o", str(early), "--as-of", "2023-09-14"]
    )
    assert res.exit_code == 0, res.output
    assert len(itinerary.load(early).trip("kim").stops) == 5


def test_cli_refuses_mixed_versions_and_disjoint_files(tmp_path: Path) -> None:
    v2 = tmp_path / "v2.yaml"
    v2.write_text(SEED_14.read_text().replace("itinerary: 1", "itinerary: 2"))
    out = tmp_path / "trip.yaml"
    res = CliRunner().invoke(cli, ["merge", str(SEED_18), str(v2), "-o", str(out)])
    assert res.exit_code == 1 and not out.exists()
    assert f"error: {v2}: format version 2 ('itinerary: 2')" in res.output
    assert "must all be format version 1" in res.output
    other = tmp_path / "biden.yaml"
    itinerary.dump(
        draft("nbc", D(2023, 10, 17), [stop(KHASAN, Status.PLANNED)], traveller="Joe Biden"), other
    )
    res = CliRunner().invoke(cli, ["merge", str(SEED_14), str(other), "-o", str(out)])
    assert res.exit_code == 1 and not out.exists()
    assert (
        "no traveller in common" in res.output and "Joe Biden" in res.output and "Kim Jong-un" in res.output
    )
    res = CliRunner().invoke(cli, ["merge", str(SEED_14), str(other), "-o", str(out), "--allow-disjoint"])
    assert res.exit_code == 0 and len(itinerary.load(out).trips) == 4


def test_merge_warning_is_not_raised_for_related_files() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", MergeWarning)
        merge([itinerary.load(SEED_14), itinerary.load(SEED_18)])


def test_geojson_and_gpkg_carry_every_source(tmp_path: Path) -> None:
    from itinerary.io.geojson import from_feature_collection, to_feature_collection
    from itinerary.io.gis import export

    merged = merge([itinerary.load(SEED_14), itinerary.load(SEED_18)])
    fc = to_feature_collection(merged)
    stops = [f["properties"] for f in fc["features"] if f["properties"]["feature"] == "stop"]
    komsomolsk = next(p for p in stops if p["place"] == "Komsomolsk-on-Amur")
    assert komsomolsk["sources"] == "wire-2023-09-18, report-2023-09-14" and komsomolsk["corroboration"] == 2
    assert '"status": "planned"' in komsomolsk["history"]
    assert all(p["sources"] for p in stops)
    back, kim = from_feature_collection(fc).trip("kim"), merged.trip("kim")
    assert [s.history for s in back.stops] == [s.history for s in kim.stops]
    assert [s.all_sources for s in back.stops] == [s.all_sources for s in kim.stops]
    written = export(merged, tmp_path / "trip.gpkg")
    assert written == "gpkg" and (tmp_path / "trip.gpkg").stat().st_size > 0


@pytest.mark.browser
def test_map_shows_the_trip_as_known_on_a_day(tmp_path: Path, mini_data: None) -> None:
    from itinerary.render import make_map, save_map
    from itinerary.render.browser import browser_page

    page_file = tmp_path / "merged.html"
    save_map(make_map(merge([itinerary.load(SEED_14), itinerary.load(SEED_18)]), offline=True), page_file)

    def titles(page, cls: str) -> list[str]:  # type: ignore[no-untyped-def]
        return list(page.eval_on_selector_all(f".itn-stop.{cls}", "els => els.map(e => e.title)"))

    with browser_page() as page:
        page.goto(page_file.resolve().as_uri())
        page.wait_for_selector(".itn-stop")
        assert page.console_errors == [] and page.blocked_requests == []
        assert page.locator(".itn-known-label").inner_text() == "As known on 18 Sept 2023"  # CLDR en_GB
        assert "Komsomolsk-on-Amur" in titles(page, "itn-confirmed")
        known = page.locator(".itn-known-input")
        known.evaluate("(e) => { e.value = '0'; e.dispatchEvent(new Event('input')); }")
        assert page.locator(".itn-known-label").inner_text() == "As known on 14 Sept 2023"
        assert "Komsomolsk-on-Amur" in titles(page, "itn-planned")
        assert "Knevichi Airfield" not in titles(page, "itn-confirmed") + titles(page, "itn-planned")
        popup = page.locator(".leaflet-popup-content")
        page.locator(".leaflet-marker-icon[title='Komsomolsk-on-Amur']").click()
        popup.wait_for()
        then = popup.inner_text()  # nothing published after the 14th: no date, note or second source yet
        assert "date unknown" in then and "aircraft plant" not in then and "Source: French-language" in then
        page.eval_on_selector_all(".leaflet-popup-close-button", "bs => bs.forEach(b => b.click())")
        popup.wait_for(state="detached")
        known.evaluate("(e) => { e.value = e.max; e.dispatchEvent(new Event('input')); }")
        page.locator(".leaflet-marker-icon[title='Komsomolsk-on-Amur']").click()
        popup.wait_for()
        now = popup.inner_text()
        assert "Sources (2, 2 independent)" in now and "(14 Sept 2023)" in now and "15 Sept 2023" in now


def test_cli_diff_compares_two_as_of_states(tmp_path: Path) -> None:
    trip = tmp_path / "trip.yaml"
    itinerary.dump(merge([itinerary.load(SEED_14), itinerary.load(SEED_18)]), trip)
    res = CliRunner().invoke(cli, ["diff", str(trip), "--as-of", "2023-09-14", "--as-of", "2023-09-18"])
    assert res.exit_code == 0, res.output
    rows = [line.split("\t") for line in res.stdout.splitlines()]
    assert ["kim", "Komsomolsk-on-Amur", "status+date", "planned -> confirmed", "- -> 2023-09-15"] in rows
    assert ["kim", "Khasan", "added", "- -> confirmed", "- -> 2023-09-18"] in rows
    same = CliRunner().invoke(cli, ["diff", str(trip), "--as-of", "2023-09-14", "--as-of", "2023-09-16"])
    assert same.exit_code == 0 and same.stdout == ""  # nothing was published in between
    two_files = CliRunner().invoke(cli, ["diff", str(SEED_14), str(SEED_18), "--json"])
    assert two_files.exit_code == 0 and '"change": "added"' in two_files.stdout
    bad = CliRunner().invoke(cli, ["diff", str(trip)])
    assert bad.exit_code == 2 and "one or two --as-of days" in bad.output


def test_as_known_on_a_day_quotes_nothing_published_later() -> None:
    first = "Kim is expected to travel on to the port city of Vladivostok later this week, officials said."
    later = "Kim toured a Pacific Fleet frigate in Vladivostok on Saturday before visiting the university."
    a = draft("early", D(2023, 9, 14), [stop(VLADIVOSTOK, Status.PLANNED, None, first)])
    b = draft("late", D(2023, 9, 18), [stop(VLADIVOSTOK, Status.CONFIRMED, "2023-09-16", later)])
    merged = itinerary.loads(itinerary.dumps(merge([a, b])))
    (now,) = only_trip(merged).stops
    assert (now.source, now.quote, now.status) == ("late", later, Status.CONFIRMED)
    (then,) = only_trip(as_known_on(merged, D(2023, 9, 15))).stops
    assert (then.source, then.status, then.date.known) == ("early", Status.PLANNED, False)
    assert then.quote is None  # the file keeps the latest quote only: never one from a later report
    (direct,) = only_trip(merge([a, b], as_of=D(2023, 9, 15))).stops
    assert (direct.source, direct.quote) == ("early", first)


def test_one_source_in_a_list_reads_as_the_stop_source() -> None:
    text = SEED_14.read_text().replace("source: report-2023-09-14", "sources: [report-2023-09-14]", 1)
    it = itinerary.loads(text)
    first = it.trips[0].stops[0]
    assert first.source == "report-2023-09-14" and first.all_sources == ("report-2023-09-14",)
    assert itinerary.loads(itinerary.dumps(it)) == it


def test_drafts_of_two_articles_about_one_trip_merge(shared: Path) -> None:
    from itinerary.extract import Extractor, read_article

    articles = shared / "articles" / "dev"
    extractor = Extractor()
    drafts = [
        extractor.extract(read_article(articles / f"{stem}.txt"))
        for stem in ("25_en_dagens_putin_pyongyang_hanoi", "32_ru_ru24_putin_pyongyang")
    ]
    merged, report = merge_report(drafts)
    putin = [t for t in merged.trips if same_traveller(t.traveller, "Vladimir Putin")]
    assert len(putin) == 1 and not report.disjoint
    assert all(s.all_sources for _, _, s in merged.stops())
    assert {s.id for s in merged.sources} == {d.sources[0].id for d in drafts}
    pyongyang = [s for s in putin[0].stops if s.resolved and s.resolved.name == "Pyongyang"]
    assert len(pyongyang) == 1 and len(pyongyang[0].all_sources) == 2 and pyongyang[0].corroboration == 2


def test_cli_merge_never_writes_over_an_input(tmp_path: Path) -> None:
    draft_file = tmp_path / "draft.yaml"
    draft_file.write_text(SEED_14.read_text())
    res = CliRunner().invoke(cli, ["merge", str(draft_file), str(SEED_18), "-o", str(draft_file), "--force"])
    assert res.exit_code == 1 and "is also an input" in res.output
    assert draft_file.read_text() == SEED_14.read_text()


def test_order_from_dates_then_the_sources_own_order() -> None:
    first = draft("a", D(2023, 9, 12), [stop(KHASAN, Status.PLANNED), stop(ARTYOM, Status.PLANNED)])
    second = draft("b", D(2023, 9, 13), [stop(ARTYOM, Status.PLANNED), stop(VLADIVOSTOK, Status.PLANNED)])
    assert [s.place for s in only_trip(merge([second, first])).stops] == ["Khasan", "Artyom", "Vladivostok"]
    dated = draft("c", D(2023, 9, 15), [stop(KHASAN, Status.CONFIRMED, "2023-09-11")])
    assert [s.place for s in only_trip(merge([first, second, dated])).stops] == [
        "Khasan",
        "Artyom",
        "Vladivostok",
    ]
    flip = draft(
        "f",
        D(2023, 9, 16),
        [stop(VLADIVOSTOK, Status.CONFIRMED, "2023-09-12"), stop(KHASAN, Status.CONFIRMED, "2023-09-14")],
    )  # the dates say Vladivostok came first: they win over the order the sources wrote
    assert [s.place for s in only_trip(merge([first, second, flip])).stops] == [
        "Vladivostok",
        "Khasan",
        "Artyom",
    ]


# ---------------------------------------------------------------- the fast paths agree with the rules

_ROLES = list(Role)


@st.composite
def _observation(draw: st.DrawFn) -> _Obs:
    role = draw(st.sampled_from(_ROLES))
    if draw(st.booleans()):
        start = D(2023, 9, 1) + dt.timedelta(days=draw(st.integers(0, 12)))
        end = start + dt.timedelta(days=draw(st.integers(0, 4)))
        span = DateSpan.parse(f"{start.isoformat()}/{end.isoformat()}" if end != start else start.isoformat())
    else:
        span = DateSpan()
    s = stop(VLADIVOSTOK, Status.CONFIRMED, role=role)
    return _Obs(s, "a", Status.CONFIRMED, span, None, 0, 0, 0.0)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    st.lists(_observation(), max_size=6), st.lists(_observation(), min_size=1, max_size=6), st.integers(0, 1)
)
def test_span_summary_agrees_with_every_pair(group: list[_Obs], other: list[_Obs], slack: int) -> None:
    """Clusters are matched through a summary of their members (roles, latest start, earliest
    end); it must say what comparing every pair with _compatible and _gap_days says."""
    span = _Span.of(group)
    assert span.fits(_Span.of(other), slack) == all(_compatible(a, b, slack) for a in group for b in other)
    o = other[0]
    gaps = [g for x in group if (g := _gap_days(o.date, x.date)) is not None]
    assert span.widest_gap(o) == (max(gaps) if gaps else None)


@st.composite
def _places(draw: st.DrawFn) -> list[Stop]:
    """Places of every kind, many within a few km of each other, near the poles and the antimeridian."""
    lat0 = draw(st.sampled_from([43.1, -33.9, 69.6, 84.0, -77.8]))
    lon0 = draw(st.sampled_from([131.9, 179.9, -179.95, 0.01, -70.6]))
    out = []
    for k in range(draw(st.integers(2, 8))):
        lat = max(-89.9, min(89.9, lat0 + draw(st.floats(-0.4, 0.4))))
        lon = (lon0 + draw(st.floats(-1.5, 1.5)) + 180) % 360 - 180
        kind = draw(st.sampled_from(["city", "city", "monument", "country", "region", "airport"]))
        cc = draw(st.sampled_from(["RU", "FJ"]))
        name = draw(st.sampled_from(["Vladivostok", "Primorye", "Artyom"]))
        place = Place(f"x:{k}" if draw(st.booleans()) else "x:0", name, lat, lon, kind, cc)
        out.append(
            Stop(status=Status.CONFIRMED, place=name, resolved=place if k or draw(st.booleans()) else None)
        )
    return out


@settings(max_examples=300, deadline=None, derandomize=True)
@given(_places())
def test_place_index_offers_every_cluster_that_can_be_the_same_place(stops: list[Stop]) -> None:
    index = _PlaceIndex()
    for i, s in enumerate(stops):
        index.add(i, s)
    for b in stops:
        found = set(index.candidates(b))
        assert {i for i, a in enumerate(stops) if _same_place(a, b)} <= found


# ---------------------------------------------------------------- who travels, when, in what order

SUITE = Path(__file__).parent / "data" / "merge"
PYONGYANG = Place("geonames:1871859", "Pyongyang", 39.03385, 125.75432, "city", "KP")
HANOI = Place("geonames:1581130", "Hanoi", 21.0245, 105.84117, "city", "VN")


def suite(name: str) -> Itinerary:
    return itinerary.load(SUITE / f"{name}.yaml")


def test_lula_and_kim_jong_il_stay_two_travellers_and_are_listed_as_kept_apart(tmp_path: Path) -> None:
    files = [SUITE / "lula-lisbon.yaml", SUITE / "kim-jong-il-ulan-ude.yaml"]
    merged, report = merge_report([itinerary.load(f) for f in files])
    assert sorted(t.traveller for t in merged.trips) == ["Kim Jong Il", "Luiz Inácio Lula da Silva"]
    assert all(len(t.stops) == 1 for t in merged.trips)
    assert "kept apart: 'Kim Jong Il' and 'Lula'" in report.lines()
    out = tmp_path / "trip.yaml"
    res = CliRunner().invoke(cli, ["merge", *map(str, files), "-o", str(out), "--allow-disjoint"])
    assert res.exit_code == 0, res.output
    assert "kept apart: 'Kim Jong Il' and 'Lula'" in res.output
    assert "Kim Jong Il, Lula" not in res.output and len(itinerary.load(out).trips) == 2


def test_g7_drafts_merge_in_travel_order_with_their_review_flags() -> None:
    plan, news = suite("g7-plan-fr"), suite("g7-news-en")
    for inputs in ([plan, news], [news, plan]):
        merged, report = merge_report(inputs)
        trip = only_trip(merged)
        assert [s.place for s in trip.stops] == ["Washington", "Hiroshima", "Port Moresby", "Sydney"]
        assert [s.status for s in trip.stops] == [
            Status.CONFIRMED,
            Status.PLANNED,
            Status.CANCELLED,
            Status.CANCELLED,
        ]
        # the English draft's two stops to review stay to review; Hiroshima back from cancelled too
        assert [s.needs_review for s in trip.stops] == [False, True, True, True]
        hiroshima = trip.stops[1]
        assert (
            hiroshima.note
            and "status changed" in hiroshima.note
            and "plan-fr says cancelled" in hiroshima.note
        )
        assert report.review == ((trip.id, 3),)
        assert f"trip {trip.id}: 3 stops to review" in report.lines()
        assert trip.title == "President Joe Biden, 17-21 May 2023"
    assert itinerary.dumps(merge([plan, news])) == itinerary.dumps(merge([news, plan]))


def test_a_travellers_stops_are_cut_into_trips_by_time() -> None:
    visit_2019 = draft(
        "ap-2019",
        D(2019, 4, 25),
        [stop(VLADIVOSTOK, Status.CONFIRMED, "2019-04-25"), stop(RUSSIA, Status.CONFIRMED)],
        traveller="Vladimir Putin",
    )
    visit_2024 = draft(
        "ru-2024",
        D(2024, 6, 19),
        [
            stop(RUSSIA, Status.CONFIRMED, role=Role.ORIGIN),
            stop(PYONGYANG, Status.CONFIRMED, "2024-06-18/2024-06-19"),
            stop(HANOI, Status.PLANNED, "2024-06-20"),
        ],
        traveller="Путин",
    )
    hanoi_news = draft(
        "vn-2024", D(2024, 6, 20), [stop(HANOI, Status.CONFIRMED, "2024-06-20")], traveller="Putin"
    )
    merged = merge([visit_2019, visit_2024, hanoi_news])
    assert [t.title for t in merged.trips] == [
        "Vladimir Putin, 25 April 2019",
        "Vladimir Putin, 18-20 June 2024",
    ]
    assert [t.id for t in merged.trips] == ["vladimir-putin-2019-04-25", "vladimir-putin-2024-06-18"]
    first, second = merged.trips
    assert [s.place for s in first.stops] == ["Vladivostok"]  # its country the same day joins it
    assert [s.place for s in second.stops] == ["Russia", "Pyongyang", "Hanoi"]
    # the undated 2019 "Russia" stays in 2019: never one stop with the 2024 origin
    assert {s for st in first.stops for s in st.all_sources} == {"ap-2019"}
    assert second.stops[0].all_sources == ("ru-2024",)
    assert second.stops[2].status is Status.CONFIRMED and second.stops[2].corroboration == 2
    # a return to a place years later is another stop and another trip, whatever its place
    again = draft("ap-2020", D(2020, 1, 10), [stop(VLADIVOSTOK, Status.CONFIRMED, "2020-01-10")], "Putin")
    assert len(merge([visit_2019, again]).trips) == 2
    days_apart = draft(
        "ap-0430", D(2019, 4, 30), [stop(VLADIVOSTOK, Status.CONFIRMED, "2019-04-30")], "Putin"
    )
    assert len(merge([visit_2019, days_apart]).trips) == 2  # five days without a stop: two trips
    next_day = draft("ap-0426", D(2019, 4, 26), [stop(VLADIVOSTOK, Status.CONFIRMED, "2019-04-26")], "Putin")
    (trip,) = merge([visit_2019, next_day]).trips  # a day apart: one visit, its dates to check
    assert [set(s.all_sources) for s in trip.stops] == [{"ap-2019", "ap-0426"}] and trip.stops[0].needs_review


def test_names_that_are_not_persons_are_refused_and_reported() -> None:
    person = draft("a", D(2024, 6, 19), [stop(PYONGYANG, Status.CONFIRMED, "2024-06-19")], traveller="Putin")
    others = [
        draft(f"x{i}", D(2024, 6, 19), [stop(PYONGYANG, Status.CONFIRMED, "2024-06-19")], traveller=name)
        for i, name in enumerate(["Parlamento", "República Popular China", "Francia", "Pyongyang"])
    ]
    kim = draft("k", D(2024, 6, 19), [stop(KHASAN, Status.CONFIRMED, "2024-06-19")], traveller="Kim Jong Un")
    lost = draft(
        "y", D(2024, 6, 19), [stop(KHASAN, Status.CONFIRMED, "2024-06-19")], traveller="Unknown traveller"
    )
    merged, report = merge_report([person, kim, *others, lost])  # another article's traveller is not assumed
    assert [t.traveller for t in merged.trips] == ["Kim Jong Un", "Unknown traveller", "Vladimir Putin"]
    left_out = "its stops left out: no traveller of its article to give them to"
    assert dict(report.refused) == {
        "Parlamento": f"an institution, office, place or common noun; {left_out}",
        "República Popular China": f"an institution, office, place or common noun; {left_out}",
        "Francia": f"a country; {left_out}",
        "Pyongyang": f"a place; {left_out}",
    }
    assert f"not a traveller: 'Francia' (a country; {left_out})" in report.lines()
    assert {s.id for s in merged.sources} == {"a", "k", "y"}  # the unnamed trip's stops are kept
    # a name that is not a person, in an article that names its traveller: the stops go to that
    # traveller when they share a place, for review
    both = Itinerary(
        trips=(
            Trip(
                id="lula",
                traveller="Lula",
                stops=(stop(VLADIVOSTOK, Status.CONFIRMED, "2024-06-19", source="z"),),
            ),
            Trip(
                id="p",
                traveller="Parlamento",
                stops=(stop(VLADIVOSTOK, Status.CONFIRMED, "2024-06-20", source="z"),),
            ),
        ),
        sources=(Source("z", published=D(2024, 6, 19)),),
    )
    merged, report = merge_report([both, kim])
    lula = merged.trips[1]
    assert lula.traveller == "Luiz Inácio Lula da Silva" and [s.needs_review for s in lula.stops] == [True]
    assert dict(report.refused) == {
        "Parlamento": "an institution, office, place or common noun; its stops given to the traveller "
        "of its article, for review"
    }


def test_a_stop_one_source_of_many_reports_and_an_alias_match_are_flagged() -> None:
    common = [stop(PYONGYANG, Status.CONFIRMED, "2024-06-19")]
    drafts = [draft(f"s{i}", D(2024, 6, 19), list(common), traveller="Vladimir Putin") for i in range(2)]
    alone = draft(
        "s9", D(2024, 6, 20), [*common, stop(HANOI, Status.PLANNED, "2024-06-20")], traveller="Poutine"
    )
    trip = only_trip(merge([*drafts, alone]))
    pyongyang, hanoi = trip.stops
    assert hanoi.needs_review and hanoi.note and "reported by one source of the 3" in hanoi.note
    assert "'Poutine', taken as the same person by alias" in hanoi.note
    assert pyongyang.needs_review and pyongyang.corroboration == 3  # the alias note


def _canonical(it: Itinerary) -> str:
    return itinerary.dumps(it)


_POOL = [
    "g7-plan-fr",
    "g7-news-en",
    "lula-lisbon",
    "lula-lisbon-pt",
    "kim-jong-il-ulan-ude",
]


@settings(max_examples=25, deadline=None)
@given(st.permutations(range(len(_POOL) + 2)), st.integers(min_value=1, max_value=len(_POOL) + 2))
def test_merge_is_a_function_of_the_set_of_inputs_and_idempotent(order: list[int], size: int) -> None:
    pool = [suite(n) for n in _POOL] + [itinerary.load(SEED_14), itinerary.load(SEED_18)]
    chosen = [pool[i] for i in order[:size]]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MergeWarning)
        once = merge(chosen)
        assert _canonical(merge(sorted(chosen, key=repr))) == _canonical(once)
        assert _canonical(merge([once])) == _canonical(once)
        assert _canonical(merge([once, *chosen])) == _canonical(once)


def test_notes_are_not_repeated_and_reconciled_dates_stay_put() -> None:
    a = draft("a", D(2024, 6, 19), [stop(HANOI, Status.PLANNED, "2024-06-20")], traveller="Vladimir Putin")
    b = draft("b", D(2024, 6, 19), [stop(HANOI, Status.PLANNED, "2024-06-19")], traveller="Vladimir Putin")
    once = merge([a, b])
    again = merge([merge([once])])
    assert again == once
    (hanoi,) = only_trip(once).stops
    assert hanoi.note and hanoi.note.count("dates disagree") == 1 and hanoi.needs_review


def test_development_articles_merge_into_one_trip_per_traveller_and_event(shared: Path) -> None:
    """Articles of several events of a few travellers, merged together: each event's articles give
    one trip of its traveller, no trip holds a stop of another year, and every trip is a person's."""
    from itinerary.extract import Extractor, read_article
    from itinerary.people import not_a_person

    events = {  # (traveller, event): the articles about it
        ("Vladimir Putin", "2024-06"): [
            "dev/25_en_dagens_putin_pyongyang_hanoi",
            "dev/32_ru_ru24_putin_pyongyang",
        ],
        ("Kim Jong Un", "2019-04"): [
            "dev/21_en_ktsa_ap_kim_arrives_russia_2019",
            "dev2/47_ru_mixnews_kim_hasan_2019",
        ],
        ("Pope Francis", "2023-02"): [
            "dev2/35_es_carlosmartinhuerta_papa_kinshasa",
            "dev2/52_en_ap_pope_juba",
        ],
    }
    others = [  # more trips of the same travellers, other years
        "dev/00_fr_seed",
        "dev2/42_de_cash_kim_chasan_2023",
        "dev/24_en_outlookindia_modi_moscow_austria",
        "dev2/45_ru_jewishru_putin_tegeran",
        "dev2/46_ru_regnum_putin_harbin",
    ]
    extractor = Extractor()
    articles = {p: read_article(shared / "articles" / f"{p}.txt") for ps in events.values() for p in ps}
    articles.update({p: read_article(shared / "articles" / f"{p}.txt") for p in others})
    drafts = [extractor.extract(a) for a in articles.values()]
    merged = merge(drafts)
    # the same answer for any order of the same drafts, and merging the result again changes nothing
    text = itinerary.dumps(merged)
    rng = random.Random(23)
    with warnings.catch_warnings():  # a subset may hold unrelated trips
        warnings.simplefilter("ignore", MergeWarning)
        for _ in range(4):
            subset = rng.sample(drafts, rng.randint(2, len(drafts)))
            once = itinerary.dumps(merge(subset))
            assert itinerary.dumps(merge(list(reversed(subset)))) == once
            assert itinerary.dumps(merge([itinerary.loads(once)])) == once
        assert itinerary.dumps(merge([itinerary.loads(text), *drafts])) == text
    for trip in merged.trips:
        assert not_a_person(trip.traveller) is None, trip.traveller
        years = {s.date.start.year for s in trip.stops if s.date.start and s.date.precision.value == "day"}
        assert len(years) <= 1, (trip.id, years)
    for (who, month), paths in events.items():
        ids = {articles[p].source_id for p in paths}
        trips = [
            t
            for t in merged.trips
            if same_traveller(t.traveller, who) and ids & {s for st in t.stops for s in st.all_sources}
        ]
        holding = [
            t for t in trips if any(s.date.start and s.date.start.isoformat()[:7] == month for s in t.stops)
        ]
        assert len(holding) == 1, (who, month, [t.id for t in trips])
        assert ids <= {s for st in holding[0].stops for s in st.all_sources}, (who, month)


def test_one_file_keeps_its_trips_as_written_whatever_their_gaps() -> None:
    tour = Itinerary(
        trips=(
            Trip(
                id="grand-tour",
                traveller="Kim Jong Un",
                title="Grand tour",
                stops=(
                    stop(KHASAN, Status.CONFIRMED, "2023-06-01", source="a"),
                    stop(VLADIVOSTOK, Status.PLANNED, "2023-06-20", source="b"),
                ),
            ),
        ),
        sources=(Source("a", published=D(2023, 6, 1)), Source("b", published=D(2023, 6, 10))),
    )
    assert [(t.id, t.title, len(t.stops)) for t in merge([tour]).trips] == [("grand-tour", "Grand tour", 2)]
    assert [(t.id, len(t.stops)) for t in as_known_on(tour, D(2023, 6, 5)).trips] == [("grand-tour", 1)]
    # merged with another report, the gap of 19 days without a stop makes two trips
    other = draft("c", D(2023, 6, 21), [stop(VLADIVOSTOK, Status.CONFIRMED, "2023-06-20")])
    assert [t.title for t in merge([tour, other]).trips] == [
        "Kim Jong Un, 1 June 2023",
        "Kim Jong Un, 20 June 2023",
    ]
