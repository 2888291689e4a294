"""Rail legs along the network, great circles, connectors, fallbacks and the antimeridian."""

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


def test_rail_vladivostok_khabarovsk_length() -> None:
    leg = RailRouter().route(VLADIVOSTOK, KHABAROVSK, Mode.RAIL)
    assert leg.basis is Basis.REPORTED
    assert 766 * 0.9 <= leg.length_km <= 766 * 1.1  # published rail distance 766 km
    x, y = leg.geometry.coords[0]
    assert abs(y - 43.1056) < 0.05 and abs(x - 131.8735) < 0.05  # starts at Vladivostok (lon, lat)


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


def test_snap_to_line_not_junction() -> None:
    router = RailRouter()
    net = router.network
    s = net.snap(48.4827, 135.0838, 30)
    assert s is not None and s.distance_km < 3


def test_rail_fallback_warns() -> None:
    honolulu = stop("Honolulu", 21.3069, -157.8583, "US")
    hilo = stop("Hilo", 19.7297, -155.09, "US")
    with pytest.warns(RoutingWarning, match="great circle"):
        leg = RailRouter().route(honolulu, hilo, Mode.RAIL)
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
