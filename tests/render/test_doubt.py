"""Doubt on the map, one longitude frame, legs over the same path and the map's title: the
parts the interactive and the print map share (itinerary.render.layout), and `map --strict`.

Trips are the hand-written fixtures of tests/data/trips (real places, pinned coordinates),
resolved on the mini gazetteer and routed on the toy rail network."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from itinerary import load
from itinerary.cli import cli
from itinerary.model import DateSpan, Itinerary, Mode, Place, Status, Stop, Trip
from itinerary.prepare import Prepared, prepare
from itinerary.render.layout import (
    LonFrame,
    bend,
    doubtful,
    frame_for,
    frame_pieces,
    lon_frame,
    map_title,
    parallel_bends,
    stop_doubts,
    totals,
)
from itinerary.render.map import payload
from itinerary.routing.legs import implausible, implausible_legs
from tests.conftest import ROOT

TRIPS = ROOT / "tests" / "data" / "trips"
DOUBTFUL = TRIPS / "doubtful-sf-2023.yaml"
TWO_OCEANS = TRIPS / "two-oceans-2022.yaml"
RETURN = TRIPS / "return-planned-2024.yaml"


@pytest.fixture
def doubtful_trip(mini_data: None) -> Prepared:
    return prepare(load(DOUBTFUL))


def test_implausible_is_per_mode() -> None:
    assert implausible(Mode.ROAD, 1999.0) is None
    assert "2,500 km by road" in (implausible(Mode.ROAD, 2500.0) or "")
    assert implausible(Mode.RAIL, 9000.0) is None and implausible(Mode.RAIL, 12000.0) is not None
    assert implausible(Mode.AIR, 15000.0) is None and implausible(Mode.SEA, 20000.0) is None
    assert implausible(Mode.ROAD, None) is None


def test_implausible_legs_need_no_routing() -> None:
    trip = load(DOUBTFUL).trips[0]
    found = implausible_legs(trip)
    assert [(d.index, d.to_index) for d in found] == [(2, 3)]  # Strathmore -> Moscow by road
    assert "by road" in found[0].reason
    by_air = dataclasses.replace(trip, mode=Mode.AIR)
    assert implausible_legs(by_air) == []


def test_stop_doubts_say_why() -> None:
    moscow = Place("524901", "Moscow", 55.7558, 37.6173, "city", "RU", "Moscow", 0.4)
    stop = Stop(Status.CONFIRMED, place="Moscone Center", resolved=moscow, needs_review=True)
    (why,) = stop_doubts(stop)
    assert "Moscone Center" in why and "Moscow, RU" in why and "0.40" in why
    assert stop_doubts(dataclasses.replace(stop, needs_review=False)) == []
    country = Place("country:KP", "North Korea", 40.0, 127.0, "country", "KP", None, 1.0)
    approx = stop_doubts(Stop(Status.PLANNED, place="North Korea", resolved=country))
    assert len(approx) == 1 and approx[0].startswith("approximate") and "North Korea" in approx[0]
    # a pinned stop is where the file says
    pinned = Stop(Status.PLANNED, place="North Korea", resolved=country, lat=39.0, lon=125.7)
    assert stop_doubts(pinned) == []


def test_payload_marks_doubt_and_leaves_implausible_legs_out_of_the_totals(doubtful_trip: Prepared) -> None:
    data = payload(doubtful_trip)
    (trip,) = data["trips"]
    doubt = {s["name"]: s.get("doubt", []) for s in trip["stops"]}
    assert doubt["Beijing"] == [] and doubt["San Francisco"] == []
    assert any("Filoli" in w for w in doubt["Strathmore"])
    assert any("Moscone Center" in w for w in doubt["Moscow"])
    assert any("implausible" in w for w in doubt["Moscow"])  # reached by road from California
    bad = [leg for leg in trip["legs"] if leg.get("doubt")]
    assert [(leg["from"], leg["to"]) for leg in bad] == [("Filoli", "Moscone Center")]
    assert trip["totals"]["doubtful_legs"] == 1
    legs = doubtful_trip.legs["xi"]
    counted = sum(leg.length_km or 0 for leg in legs if (leg.index, leg.end_index) != (2, 3))
    assert trip["totals"]["km"] == round(counted)
    assert totals(doubtful_trip.itinerary.trips[0], legs)["km_by_mode"]["road"] < 2000


def test_doubtful_lists_where_each_one_is(doubtful_trip: Prepared) -> None:
    lines = doubtful(doubtful_trip)
    assert len(lines) == 3
    assert lines[0].startswith("trips[0].stops[2] (Filoli)")
    assert lines[1].startswith("trips[0].stops[3] (Moscone Center)")
    assert lines[2].startswith("trips[0] leg 3\u21924 (Filoli \u2192 Moscone Center)")


def test_map_strict_refuses_doubtful_stops(tmp_path: Path, mini_data: None) -> None:
    out = tmp_path / "xi.html"
    r = CliRunner().invoke(cli, ["map", str(DOUBTFUL), "-o", str(out), "--offline", "--strict"])
    assert r.exit_code == 1 and not out.exists()
    assert "doubtful-sf-2023.yaml" in r.output and "trips[0].stops[3] (Moscone Center)" in r.output
    assert "needs_review: false" in r.output and "Traceback" not in r.output
    r = CliRunner().invoke(cli, ["map", str(DOUBTFUL), "-o", str(out), "--offline"])
    assert r.exit_code == 0 and out.exists()
    assert "leg 3\u21924" in r.output and "2 stops marked needs_review are drawn" in r.output
    reviewed = tmp_path / "reviewed.yaml"
    reviewed.write_text(
        DOUBTFUL.read_text("utf-8")
        .replace("needs_review: true", "needs_review: false")
        .replace("mode: road", "mode: air"),
        "utf-8",
    )
    r = CliRunner().invoke(cli, ["map", str(reviewed), "-o", str(tmp_path / "ok.html"), "--strict"])
    assert r.exit_code == 0, r.output


def test_resolve_warns_of_an_implausible_leg(tmp_path: Path, mini_data: None) -> None:
    r = CliRunner().invoke(cli, ["resolve", str(DOUBTFUL), "-o", str(tmp_path / "r.yaml")])
    assert r.exit_code == 0, r.output
    assert (
        "warning: trips[0] leg 3\u21924 (Filoli \u2192 Moscone Center)" in r.output and "by road" in r.output
    )


def test_lon_frame_puts_its_seam_where_no_line_runs() -> None:
    # Tokyo and Washington, joined over the Pacific: the seam falls in the Atlantic-Eurasia gap
    frame = lon_frame([139.7, -77.0], arcs=[(139.7, 283.0)])
    assert frame.shift(139.7) < frame.shift(-77.0 + 360.0 if frame.west > -77.0 else -77.0)
    assert frame.west % 360.0 < 139.7 % 360.0 or frame.west % 360 > 283.0 % 360
    # stops alone: the seam in the middle of the widest gap
    assert lon_frame([0.0, 10.0]).west == pytest.approx(-175.0)


def test_a_line_that_must_cross_the_seam_ends_on_both_markers() -> None:
    frame = LonFrame(-40.0)
    line = np.array([[-120.0, 37.0], [-80.0, 70.0], [-20.0, 75.0], [37.6, 55.7]])  # over Greenland
    pieces = frame_pieces(line, frame)
    assert len(pieces) == 2
    assert pieces[0][0, 0] == pytest.approx(frame.shift(-120.0))
    assert pieces[-1][-1, 0] == pytest.approx(frame.shift(37.6))
    for piece in pieces:
        assert (piece[:, 0] >= frame.west - 1e-9).all() and (piece[:, 0] <= frame.west + 360 + 1e-9).all()
    assert frame_pieces(np.array([[10.0, 0.0], [20.0, 0.0]]), frame)[0].tolist() == [[10.0, 0.0], [20.0, 0.0]]


@pytest.mark.filterwarnings("ignore::itinerary.errors.RoutingWarning")  # no toy railway in Ukraine
def test_the_frame_of_two_trips_on_opposite_oceans(mini_data: None) -> None:
    p = prepare(load(TWO_OCEANS))
    frame = frame_for(p)
    data = payload(p)
    for trip in data["trips"]:
        stops = trip["stops"]
        for leg in trip["legs"]:
            a, b = stops[leg["from_index"]], stops[leg["to_index"]]
            ends = [pt for path in leg["paths"] + leg.get("connectors", []) for pt in (path[0], path[-1])]
            for s in (a, b):
                assert min(abs(e[0] - s["lat"]) + abs(e[1] - s["lon"]) for e in ends) < 1e-3
    lons = [s["lon"] for t in data["trips"] for s in t["stops"]]
    assert max(lons) - min(lons) < 360 and all(frame.west <= x < frame.west + 360 for x in lons)


def test_legs_over_one_path_bow_apart(mini_data: None) -> None:
    p = prepare(load(RETURN))
    bends = parallel_bends(p)
    legs = p.legs["scholz"]
    shares = [bends[(leg.trip_id, leg.index, leg.end_index)] for leg in legs]
    assert shares[0] == 0.0  # the first confirmed leg stays straight
    mids = []
    for leg, share in zip(legs, shares, strict=True):
        assert leg.geometry is not None
        coords = np.asarray(leg.geometry.coords)[:, :2]
        xy = bend(coords, share)
        assert np.allclose(xy[0], coords[0]) and np.allclose(xy[-1], coords[-1])
        mids.append(xy[len(xy) // 2])
    for i in range(3):
        for j in range(i + 1, 3):
            assert np.hypot(*(mids[i] - mids[j])) > 0.3  # degrees apart at the middle


def test_map_title_summarises_many_travellers() -> None:
    def trip(i: int, year: int) -> Trip:
        s = Stop(Status.CONFIRMED, place="Rome", lat=41.9, lon=12.5)
        return Trip(
            f"t{i}", f"Traveller {i}", stops=(dataclasses.replace(s, date=DateSpan.parse(f"{year}-05-01")),)
        )

    many = Itinerary(trips=tuple(trip(i, 2019 + i % 6) for i in range(21)))
    assert map_title(many) == "21 travellers, 2019\u20132024"
    listed = dataclasses.replace(
        many, title=", ".join(t.traveller for t in many.trips) + ": merged from 30 reports"
    )
    assert map_title(listed) == "21 travellers, 2019\u20132024"
    two = Itinerary(trips=(trip(1, 2023), trip(2, 2023)))
    assert map_title(two) == "Traveller 1, Traveller 2, 2023"
    assert map_title(dataclasses.replace(two, title="A summit")) == "A summit"
