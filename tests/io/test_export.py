"""GeoJSON (RFC 7946) and GIS exports, read back by tools we did not write."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import itinerary
from itinerary import load
from itinerary.cli import cli
from itinerary.geocode import resolve_itinerary
from itinerary.io import geojson as gj
from itinerary.io.gis import export, from_geodataframe, to_geodataframe
from itinerary.model import Itinerary, Mode, Place, Status, Stop, Trip
from itinerary.pipeline import prepare
from tests.conftest import ROOT, SEED_14, SEED_18

# Geocoded and routed on the mini data: these tests are about the formats (tests/test_golden.py
# checks the seed GeoJSON on the real data).
pytestmark = pytest.mark.usefixtures("mini_data_for_module")


@pytest.fixture(scope="module")
def seed14():  # type: ignore[no-untyped-def]
    return prepare(resolve_itinerary(load(SEED_14)))


def _ring_area(ring: list[list[float]]) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in itertools.pairwise(ring)) / 2


def _check_rfc7946(fc: dict) -> None:  # type: ignore[type-arg]
    assert "crs" not in fc
    for f in fc["features"]:
        g = f["geometry"]
        if g is None:
            continue
        t = g["type"]
        lines = {"LineString": [g["coordinates"]], "MultiLineString": g["coordinates"]}.get(t, [])
        for line in lines:
            for (x0, _), (x1, _) in itertools.pairwise(line):
                assert abs(x1 - x0) <= 180, "segment longer than 180 degrees of longitude"
            for x, y in line:
                assert -180 <= x <= 180 and -90 <= y <= 90
                assert round(x, 6) == x and round(y, 6) == y
        polys = {"Polygon": [g["coordinates"]], "MultiPolygon": g["coordinates"]}.get(t, [])
        for poly in polys:
            assert _ring_area(poly[0]) > 0, "exterior ring must be counter-clockwise"
            for hole in poly[1:]:
                assert _ring_area(hole) < 0


def test_seed_geojson_is_rfc7946_and_valid(seed14, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import geojson
    import pyogrio

    out = tmp_path / "seed.geojson"
    gj.dump(seed14, out)
    fc = json.loads(out.read_text())
    _check_rfc7946(fc)
    obj = geojson.loads(out.read_text())
    assert obj.is_valid, obj.errors()
    kinds = [f["properties"]["feature"] for f in fc["features"]]
    assert kinds.count("stop") == 9 and kinds.count("leg") == 6 and kinds.count("region") >= 2
    stop = next(f for f in fc["features"] if f["properties"].get("place") == "Vostochny Cosmodrome")
    lon, lat = stop["geometry"]["coordinates"]
    assert (lat, lon) == (51.884, 128.334)
    p = stop["properties"]
    assert p["status"] == "confirmed" and p["date_start"] == "2023-09-13" and p["date_precision"] == "day"
    assert p["kind"] == "spaceport" and p["country_code"] == "RU"
    leg = next(
        f
        for f in fc["features"]
        if f["properties"]["feature"] == "leg" and f["properties"]["to"] == "Komsomolsk-on-Amur"
    )
    assert leg["properties"]["status"] == "planned" and leg["properties"]["basis"] == "reported"
    df = pyogrio.read_dataframe(out)
    assert len(df) == len(fc["features"])
    assert set(df["feature"]) == {"stop", "leg", "connector", "region"}
    # The cosmodrome is off the railway: its stretch is a connector feature with basis assumed,
    # short, and ends exactly at the stop.
    conns = [f for f in fc["features"] if f["properties"]["feature"] == "connector"]
    to_cosmo = [c for c in conns if c["properties"]["to"] == "Vostochny Cosmodrome"]
    assert to_cosmo and all(c["properties"]["basis"] == "assumed" for c in conns)
    spur = next(c for c in to_cosmo if c["geometry"]["coordinates"][-1] == [128.334, 51.884])
    assert 0 < spur["properties"]["length_km"] < 30


def test_geojson_round_trip_exact(seed14) -> None:  # type: ignore[no-untyped-def]
    fc = json.loads(gj.dumps(seed14))
    assert gj.from_feature_collection(fc) == seed14.itinerary
    it18 = resolve_itinerary(load(SEED_18))
    assert gj.from_feature_collection(json.loads(gj.dumps(it18))) == it18


def test_antimeridian_trip_exports_split_lines() -> None:
    def s(name: str, lat: float, lon: float, status: Status) -> Stop:
        return Stop(
            status=status,
            place=name,
            mode=Mode.AIR,
            resolved=Place(f"t:{name}", name, lat, lon, "city", "XX"),
        )

    it = Itinerary(
        trips=(
            Trip(
                "t",
                "T",
                (
                    s("Vladivostok", 43.1056, 131.8735, Status.CONFIRMED),
                    s("Anchorage", 61.2181, -149.9003, Status.PLANNED),
                    s("Near pole", 89.9, 10.0, Status.PLANNED),
                ),
            ),
        )
    )
    fc = json.loads(gj.dumps(prepare(it)))
    _check_rfc7946(fc)
    legs = [f for f in fc["features"] if f["properties"]["feature"] == "leg"]
    assert legs[0]["geometry"]["type"] == "MultiLineString"
    assert gj.from_feature_collection(fc) == it


def test_geodataframe_interop(seed14) -> None:  # type: ignore[no-untyped-def]
    gdf = to_geodataframe(seed14)
    assert gdf.crs.to_epsg() == 4326
    stops = gdf[gdf["feature"] == "stop"]
    v = stops[stops["place"] == "Vladivostok"].geometry.iloc[0]
    assert v.y == pytest.approx(43.10562) and v.x == pytest.approx(131.87353)
    assert from_geodataframe(gdf) == seed14.itinerary
    assert itinerary.to_feature_collection(seed14)["type"] == "FeatureCollection"


@pytest.mark.parametrize("suffix", ["gpkg", "fgb", "kml", "csv"])
def test_other_formats_read_back(seed14, tmp_path: Path, suffix: str) -> None:  # type: ignore[no-untyped-def]
    import pandas as pd
    import pyogrio

    out = tmp_path / f"seed.{suffix}"
    export(seed14, out)
    if suffix == "csv":
        table = pd.read_csv(out)
        df = table[table["feature"] == "stop"]
        assert len(df) == 9 and {"lat", "lon", "status", "quote"} <= set(df.columns)
        row = df[df["place"] == "Vostochny Cosmodrome"].iloc[0]
        assert (row["lat"], row["lon"]) == (51.884, 128.334)
        legs = table[table["feature"] == "leg"]
        assert len(legs) == 6 and legs["km"].gt(0).all() and legs["from"].notna().all()
        kim = table[(table["feature"] == "trip") & (table["trip"] == "kim")].iloc[0]
        assert kim["km"] == pytest.approx(legs[legs["trip"] == "kim"]["km"].sum(), abs=2)
    elif suffix == "gpkg":
        layers = {name for name, _ in pyogrio.list_layers(out)}
        assert layers == {"stops", "legs", "connectors", "regions"}
        assert len(pyogrio.read_dataframe(out, layer="stops")) == 9
    elif suffix == "fgb":
        assert len(pyogrio.read_dataframe(out)) == 9
        assert len(pyogrio.read_dataframe(tmp_path / "seed-legs.fgb")) == 6
        assert set(pyogrio.read_dataframe(tmp_path / "seed-connectors.fgb")["basis"]) == {"assumed"}
    else:
        layers = [name for name, _ in pyogrio.list_layers(out)]
        assert layers == ["Kim Jong-un", "Vladimir Putin", "Sergei Lavrov"]  # one folder per traveller
        assert sum(len(pyogrio.read_dataframe(out, layer=n)) for n in layers) >= 15
        text = out.read_text()
        assert '<Style id="planned">' in text
        assert "<TimeSpan><begin>2023-09-13</begin><end>2023-09-13</end></TimeSpan>" in text
        assert '<Data name="note">' in text and '<Data name="source">' in text
        assert '<Data name="drawn_as"><value>rail_network</value></Data>' in text


def test_cli_export_force_and_unknown_format(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "seed.geojson"
    assert runner.invoke(cli, ["export", str(SEED_14), "-o", str(out)]).exit_code == 0
    before = out.read_text()
    again = runner.invoke(cli, ["export", str(SEED_14), "-o", str(out)])
    assert again.exit_code == 1 and "--force" in again.output
    assert out.read_text() == before
    assert runner.invoke(cli, ["export", str(SEED_14), "-o", str(out), "--force"]).exit_code == 0
    res = runner.invoke(cli, ["export", str(SEED_14), "-o", str(tmp_path / "x.shp")])
    assert res.exit_code == 1 and "geojson" in res.output and "gpkg" in res.output
    assert not (tmp_path / "x.shp").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary left


def test_geojson_live_route_skips_a_cancelled_stop() -> None:
    from itinerary.pipeline import to_feature_collection

    trip = ROOT / "tests" / "data" / "trips" / "pyongyang-2024.yaml"
    fc = to_feature_collection(load(trip))
    legs = {
        (f["properties"]["from"], f["properties"]["to"]): f["properties"]
        for f in fc["features"]
        if f["properties"]["feature"] == "leg"
    }
    live = legs[("Pyongyang", "Hanoi")]
    assert live["status"] == "planned" and (live["order"], live["to_order"]) == (1, 3)
    assert live["basis"] == "reported" and live["drawn_as"] == "great_circle"
    assert (
        legs[("Pyongyang", "Khabarovsk")]["status"] == legs[("Khabarovsk", "Hanoi")]["status"] == "cancelled"
    )
    totals = fc["itinerary"]["trips"][0]["totals"]
    assert totals["days"] == 3 and totals["km"] == round(
        sum(p["length_km"] for p in legs.values() if p["status"] != "cancelled")
    )


def test_format_that_contradicts_the_suffix_is_refused(tmp_path: Path) -> None:
    from itinerary.errors import ValidationError
    from itinerary.io.gis import format_for

    assert format_for(tmp_path / "trip.out", "kml") == "kml"  # the suffix says nothing: the option decides
    assert format_for(tmp_path / "trip.KML", "kml") == "kml"
    with pytest.raises(ValidationError, match=r"'trip.geojson' names a geojson file but the format is 'kml'"):
        format_for(tmp_path / "trip.geojson", "kml")


def test_flatgeobuf_leaves_no_sidecar_of_an_earlier_export(tmp_path: Path) -> None:
    """Exporting another trip over x.fgb (--force) must not leave the earlier trip's
    x-regions.fgb beside it: a GIS would show both trips' data as one export."""
    from itinerary.io.yaml import loads

    head = "itinerary: 1\ntrips:\n  - id: t\n    traveller: T\n    mode: air\n    stops:\n"
    with_region = loads(
        head + "      - {place: Amur Oblast, status: confirmed}\n"
        "      - {place: Doha, lat: 25.2854, lon: 51.531, status: confirmed}\n"
    )
    without = loads(
        head + "      - {place: Suva, lat: -18.1416, lon: 178.4419, status: confirmed}\n"
        "      - {place: Apia, lat: -13.8333, lon: -171.7667, status: planned}\n"
    )
    out = tmp_path / "x.fgb"
    itinerary.export(with_region, out)
    assert (tmp_path / "x-regions.fgb").exists() and (tmp_path / "x-legs.fgb").exists()
    itinerary.export(without, out, force=True)
    assert (tmp_path / "x-legs.fgb").exists() and not (tmp_path / "x-regions.fgb").exists()


def test_hint_regions_exported_only_on_request(tmp_path: Path) -> None:
    """As the map shades the regions named in hints only with --regions, so does the export;
    a stop that is a region or a country keeps its polygon either way."""

    def regions(fc: dict) -> list[dict]:  # type: ignore[type-arg]
        return [f["properties"] for f in fc["features"] if f["properties"]["feature"] == "region"]

    plain, asked = tmp_path / "plain.geojson", tmp_path / "asked.geojson"
    for out, extra in ((plain, []), (asked, ["--regions"])):
        res = CliRunner().invoke(cli, ["export", str(SEED_14), "-o", str(out), *extra])
        assert res.exit_code == 0, res.output
    without, with_hints = regions(json.loads(plain.read_text())), regions(json.loads(asked.read_text()))
    assert without and not any(r["from_hint"] for r in without)  # the country that is a stop stays
    assert any(r["from_hint"] for r in with_hints) and len(with_hints) > len(without)
    assert [r for r in with_hints if not r["from_hint"]] == without
    gpkg = tmp_path / "plain.gpkg"
    itinerary.export(load(SEED_14), gpkg)
    import pyogrio

    layer = pyogrio.read_dataframe(gpkg, layer="regions")
    assert sorted(layer["name"]) == sorted(r["name"] for r in without)


@pytest.mark.parametrize("suffix", ["gpkg", "fgb"])
def test_leg_layers_of_every_export_declare_one_type_so_they_append(tmp_path: Path, suffix: str) -> None:
    """A GIS appends the legs of one export to those of another (QGIS: "append features to
    layer"): that needs every export's leg layer to declare the same geometry type, whether its
    legs are one line each (Rome -> Paris) or cut at the antimeridian (Suva -> Apia)."""
    import geopandas as gpd
    import pyogrio

    from itinerary.io.yaml import loads

    head = "itinerary: 1\ntrips:\n  - id: {id}\n    traveller: T\n    mode: air\n    stops:\n"
    europe = loads(
        head.format(id="europe") + "      - {place: Rome, lat: 41.9, lon: 12.5, status: confirmed}\n"
        "      - {place: Paris, lat: 48.8566, lon: 2.3522, status: confirmed}\n"
    )
    pacific = loads(
        head.format(id="pacific") + "      - {place: Suva, lat: -18.1416, lon: 178.4419, status: confirmed}\n"
        "      - {place: Apia, lat: -13.8333, lon: -171.7667, status: planned}\n"
    )
    layers: dict[str, tuple[Path, str | None]] = {}
    for name, it in (("europe", europe), ("pacific", pacific)):
        out = tmp_path / f"{name}.{suffix}"
        export(prepare(it), out)
        layers[name] = (out, "legs") if suffix == "gpkg" else (tmp_path / f"{name}-legs.fgb", None)
    for path, layer in layers.values():
        assert pyogrio.read_info(path, layer=layer)["geometry_type"] == "MultiLineString", path
    (europe_path, layer), (pacific_path, _) = layers["europe"], layers["pacific"]
    pacific_legs = gpd.read_file(pacific_path, layer=layer)
    assert [len(g.geoms) for g in pacific_legs.geometry] == [2]  # cut at the antimeridian
    pyogrio.write_dataframe(pacific_legs, europe_path, layer=layer, append=True)
    both = gpd.read_file(europe_path, layer=layer)
    assert list(both["trip"]) == ["europe", "pacific"]
    assert set(both.geom_type) == {"MultiLineString"}
    assert [len(g.geoms) for g in both.geometry] == [1, 2]
    assert pyogrio.read_info(europe_path, layer=layer)["geometry_type"] == "MultiLineString"


def test_a_stops_layer_with_no_coordinates_yet_declares_points(tmp_path: Path) -> None:
    """Stops not yet resolved have no geometry; their layer still declares Point (GDAL would say
    Unknown), so it appends to the stops of a resolved export."""
    import pyogrio

    from itinerary.io.yaml import loads

    it = loads(
        "itinerary: 1\ntrips:\n  - id: x\n    traveller: T\n    stops:\n"
        "      - {place: Nowhere, status: confirmed}\n      - {place: Elsewhere, status: planned}\n"
    )
    out = tmp_path / "x.gpkg"
    export(it, out)
    assert pyogrio.read_info(out, layer="stops")["geometry_type"] == "Point"
    assert pyogrio.read_dataframe(out, layer="stops").geometry.isna().all()
