"""Rail legs along the network, great circles, connectors, fallbacks and the antimeridian.

The router's behaviour is tested on the toy network (tests/data/toy_rail.yaml); the tests
marked ``data`` check legs on the shipped network (published distances, borders)."""

from __future__ import annotations

import gzip
import itertools
import json

import pytest
from shapely.geometry import MultiLineString, Point, shape

from itinerary import load
from itinerary.errors import RoutingWarning
from itinerary.geocode import resolve_itinerary
from itinerary.model import Basis, Drawn, Mode, Place, Status, Stop, Trip
from itinerary.paths import geodata_dir
from itinerary.routing import GeodesicRouter, RailRouter, build_legs, split_antimeridian
from tests.conftest import SEED_14, SEED_18


def stop(name: str, lat: float, lon: float, cc: str = "RU") -> Stop:
    return Stop(status=Status.CONFIRMED, place=name, resolved=Place(f"t:{name}", name, lat, lon, "city", cc))


VLADIVOSTOK = stop("Vladivostok", 43.1056, 131.8735)
KHABAROVSK = stop("Khabarovsk", 48.4827, 135.0838)
KHASAN = stop("Khasan", 42.4298, 130.6443)
COSMODROME = stop("Vostochny Cosmodrome", 51.884, 128.334)


@pytest.fixture(scope="module")
def china():  # type: ignore[no-untyped-def]
    data = json.load(gzip.open(geodata_dir() / "countries.geojson.gz"))
    return next(shape(f["geometry"]) for f in data["features"] if f["properties"]["iso"] == "CN")


@pytest.mark.data
def test_rail_vladivostok_khabarovsk_length() -> None:
    leg = RailRouter().route(VLADIVOSTOK, KHABAROVSK, Mode.RAIL)
    assert leg.basis is Basis.REPORTED
    assert 766 * 0.9 <= leg.length_km <= 766 * 1.1  # published rail distance 766 km
    x, y = leg.geometry.coords[0]
    assert abs(y - 43.1056) < 0.05 and abs(x - 131.8735) < 0.05  # starts at Vladivostok (lon, lat)


@pytest.mark.data
def test_rail_khasan_cosmodrome_stays_in_russia(china) -> None:  # type: ignore[no-untyped-def]
    leg = RailRouter().route(KHASAN, COSMODROME, Mode.RAIL)
    assert not any(china.contains(Point(c)) for c in leg.geometry.coords[::5])
    straight = GeodesicRouter().route(KHASAN, COSMODROME, Mode.RAIL)
    assert any(china.contains(Point(c)) for c in straight.geometry.coords)  # the straight line would
    # the cosmodrome is off the network: an assumed connector ends the leg
    assert leg.connectors
    end = leg.connectors[-1]
    assert end.coords[-1] == pytest.approx((128.334, 51.884))
    assert 10 < end.length * 111 * 0.62 < 40  # roughly the 23 km the spur is missing


def passes(leg, lat: float, lon: float) -> bool:  # type: ignore[no-untyped-def]
    """The leg's line has a vertex at (lat, lon) (the toy's coordinates are float32)."""
    return any(abs(x - lon) < 1e-4 and abs(y - lat) < 1e-4 for x, y in leg.geometry.coords)


def test_snap_to_line_not_junction(toy_rail) -> None:  # type: ignore[no-untyped-def]
    # beside the middle of the Ussuriysk-Khabarovsk line, hundreds of km from either end
    s = toy_rail.snap(46.0, 133.88, 30)
    assert s is not None and s.distance_km < 3
    x, y = toy_rail.line_coords(s.line)[0]
    assert (round(y, 2), round(x, 2)) == (43.80, 131.95)  # lat, lon of the line's first point
    assert 0 < s.segment < len(toy_rail.line_coords(s.line)) - 2
    assert toy_rail.snap(46.0, 133.88 + 0.5, 30) is None  # 40 km away: too far


def test_route_along_the_network(toy_rail) -> None:  # type: ignore[no-untyped-def]
    leg = RailRouter(toy_rail).route(VLADIVOSTOK, KHABAROVSK, Mode.RAIL)
    assert (leg.basis, leg.drawn, leg.connectors) == (Basis.REPORTED, Drawn.RAIL_NETWORK, ())
    x, y = leg.geometry.coords[0]
    assert abs(y - 43.1056) < 0.01 and abs(x - 131.8735) < 0.01  # starts at Vladivostok (lon, lat)
    # the two toy lines (78 km and 583 km), no shortcut
    assert leg.length_km == pytest.approx(float(toy_rail.lengths[0] + toy_rail.lengths[1]), abs=0.01)
    assert passes(leg, 43.4, 131.93)


def test_foreign_lines_cost_more(toy_rail) -> None:  # type: ignore[no-untyped-def]
    """Ussuriysk to Belogorsk: the Chinese line is shorter, the Russian one is taken."""
    ussuriysk, belogorsk = stop("Ussuriysk", 43.80, 131.95), stop("Belogorsk", 50.92, 128.47)
    home = RailRouter(toy_rail).route(ussuriysk, belogorsk, Mode.RAIL)
    assert passes(home, 48.4827, 135.0838) and not passes(home, 45.75, 126.65)  # Khabarovsk, not Harbin
    abroad = RailRouter(toy_rail, foreign_penalty=1.0).route(ussuriysk, belogorsk, Mode.RAIL)
    assert passes(abroad, 45.75, 126.65) and abroad.length_km < home.length_km


def test_links_join_lines_and_an_off_network_stop_gets_a_connector(toy_rail, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from itinerary.routing.rail import RailNetwork
    from tests.minidata import TOY_RAIL, write_rail_archive

    pyongyang = stop("Pyongyang", 39.0339, 125.7543, "KP")
    leg = RailRouter(toy_rail).route(KHASAN, pyongyang, Mode.RAIL)
    assert leg.drawn is Drawn.RAIL_NETWORK
    assert passes(leg, 42.413, 130.642)  # over the bridge of the link
    assert len(leg.connectors) == 2  # neither stop lies on a line end
    npz, _ = write_rail_archive(TOY_RAIL, tmp_path)
    without = RailNetwork.load(npz, tmp_path / "no-links.yaml")
    assert len(without) == len(toy_rail) - 1
    with pytest.warns(RoutingWarning, match="does not connect"):
        RailRouter(without).route(KHASAN, pyongyang, Mode.RAIL)
    to_cosmo = RailRouter(toy_rail).route(KHASAN, COSMODROME, Mode.RAIL)
    end = to_cosmo.connectors[-1]
    assert end.coords[-1] == pytest.approx((128.334, 51.884))
    assert 15 < end.length * 111 * 0.62 < 35  # the toy's spur ends about 26 km short


def test_disconnected_part_falls_back_to_a_great_circle(toy_rail) -> None:  # type: ignore[no-untyped-def]
    sakhalin = stop("Yuzhno-Sakhalinsk", 46.9591, 142.7380)
    assert toy_rail.snap(46.9591, 142.7380, 30) is not None  # on its own line
    with pytest.warns(RoutingWarning, match="does not connect them"):
        leg = RailRouter(toy_rail).route(VLADIVOSTOK, sakhalin, Mode.RAIL)
    assert (leg.basis, leg.drawn) == (Basis.REPORTED, Drawn.GREAT_CIRCLE)
    assert 900 < leg.length_km < 1000


def test_rail_fallback_warns(toy_rail) -> None:  # type: ignore[no-untyped-def]
    honolulu = stop("Honolulu", 21.3069, -157.8583, "US")
    hilo = stop("Hilo", 19.7297, -155.09, "US")
    with pytest.warns(RoutingWarning, match="great circle"):
        leg = RailRouter(toy_rail).route(honolulu, hilo, Mode.RAIL)
    assert leg.basis is Basis.REPORTED and leg.drawn is Drawn.GREAT_CIRCLE
    assert 300 < leg.length_km < 400


def test_great_circle_density_and_length() -> None:
    moscow = stop("Moscow", 55.7558, 37.6173)
    pyongyang = stop("Pyongyang", 39.0339, 125.7543, "KP")
    leg = GeodesicRouter().route(moscow, pyongyang, Mode.AIR)
    assert 6300 < leg.length_km < 6500
    assert len(leg.geometry.coords) >= leg.length_km / 25
    ys = [c[1] for c in leg.geometry.coords]
    assert max(ys) > 55.8  # a great circle bulges poleward


def test_antimeridian_unwrapped_for_display_split_for_geojson() -> None:
    vladivostok = VLADIVOSTOK
    anchorage = stop("Anchorage", 61.2181, -149.9003, "US")
    leg = GeodesicRouter().route(vladivostok, anchorage, Mode.AIR)
    xs = [c[0] for c in leg.geometry.coords]
    assert max(abs(b - a) for a, b in itertools.pairwise(xs)) < 5  # continuous: no jump across the map
    assert max(xs) > 180
    split = split_antimeridian(leg.geometry)
    assert isinstance(split, MultiLineString) and len(split.geoms) == 2
    for part in split.geoms:
        px = [c[0] for c in part.coords]
        assert all(-180 <= x <= 180 for x in px)
        assert max(abs(b - a) for a, b in itertools.pairwise(px)) < 180
    assert {split.geoms[0].coords[-1][0], split.geoms[1].coords[0][0]} == {180.0, -180.0}


def test_build_legs_modes_and_basis() -> None:
    trip = Trip(
        "t",
        "T",
        (
            VLADIVOSTOK,
            KHABAROVSK,
            Stop(
                status=Status.PLANNED,
                place="X",
                mode=Mode.ROAD,
                resolved=Place("t:x", "X", 48.0, 135.5, "city", "RU"),
            ),
            stop("Y", 47.0, 136.0),
        ),
        mode=None,
    )
    legs = build_legs(trip)
    assert [leg.mode for leg in legs] == [Mode.UNKNOWN, Mode.ROAD, Mode.UNKNOWN]
    # basis says how the mode is known: the road leg is reported, the others are unknown
    assert [leg.basis for leg in legs] == [Basis.ASSUMED, Basis.REPORTED, Basis.ASSUMED]
    assert all(leg.drawn is Drawn.GREAT_CIRCLE for leg in legs)
    assert legs[1].status is Status.PLANNED
    assert [(leg.index, leg.end_index) for leg in legs] == [(0, 1), (1, 2), (2, 3)]


def test_mode_unknown_stays_unknown() -> None:
    said = Stop(
        status=Status.CONFIRMED, place="Y", mode=Mode.UNKNOWN, resolved=Place("t:y", "Y", 47, 136, "city")
    )
    trip = Trip("t", "T", (VLADIVOSTOK, said), mode=Mode.AIR)
    (leg,) = build_legs(trip)
    assert (leg.mode, leg.basis) == (Mode.UNKNOWN, Basis.ASSUMED)


def test_live_route_skips_cancelled_stops() -> None:
    def at(name: str, lat: float, lon: float, status: Status) -> Stop:
        return Stop(
            status=status, place=name, mode=Mode.AIR, resolved=Place(f"t:{name}", name, lat, lon, "city")
        )

    trip = Trip(
        "t",
        "T",
        (
            at("Pyongyang", 39.03, 125.75, Status.CONFIRMED),
            at("Khabarovsk", 48.48, 135.08, Status.CANCELLED),
            at("Hanoi", 21.03, 105.85, Status.PLANNED),
            at("Da Nang", 16.05, 108.2, Status.CANCELLED),
        ),
    )
    legs = build_legs(trip)
    ends = {(leg.origin.place, leg.destination.place): leg.status for leg in legs}
    assert ends == {
        ("Pyongyang", "Hanoi"): Status.PLANNED,  # the live route goes round the cancelled stop
        ("Pyongyang", "Khabarovsk"): Status.CANCELLED,
        ("Khabarovsk", "Hanoi"): Status.CANCELLED,
        ("Hanoi", "Da Nang"): Status.CANCELLED,
    }
    live = next(leg for leg in legs if leg.status is Status.PLANNED)
    assert (live.index, live.end_index) == (0, 2) and 2500 < live.length_km < 2800


@pytest.mark.data
@pytest.mark.parametrize("path", [SEED_14, SEED_18])
def test_seed_trip_rail_legs(path, china) -> None:  # type: ignore[no-untyped-def]
    it = resolve_itinerary(load(path))
    legs = build_legs(it.trip("kim"))
    rail = [leg for leg in legs if leg.mode is Mode.RAIL]
    assert all(leg.basis is Basis.REPORTED for leg in rail)
    to_cosmo = next(leg for leg in legs if leg.destination.place == "Vostochny Cosmodrome")
    coords = to_cosmo.geometry.coords
    # up the Trans-Siberian: through Ussuriysk (43.80 N 131.95 E), Khabarovsk and Belogorsk (50.92 N 128.47 E)
    for lat, lon in [(43.80, 131.95), (48.48, 135.08), (50.92, 128.47)]:
        assert min(abs(c[1] - lat) + abs(c[0] - lon) for c in coords) < 0.2
    assert not any(china.contains(Point(c)) for c in coords[::5])
    lavrov = build_legs(it.trip("lavrov"))
    assert lavrov[0].mode is Mode.AIR and lavrov[0].status is Status.PLANNED
