"""Every geometry written is valid as PostGIS and QGIS check it (``shapely.is_valid``), and a
GIS layer holds one geometry type: legs with no length are left out, lines are Multi*."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import shapely

from itinerary.io import geojson
from itinerary.io import yaml as yaml_io
from itinerary.io.gis import export, to_geodataframe
from itinerary.model import Prepared
from itinerary.prepare import prepare

# Tel Aviv twice (a country given by its capital's point, then the city), then a point 1e-8
# degrees away (one point once rounded to six decimals), Rome, and across the antimeridian.
TRIP = """itinerary: 1
trips:
- id: t
  traveller: T
  mode: air
  stops:
  - {place: Israel, lat: 32.0853, lon: 34.7818, status: confirmed}
  - {place: Tel Aviv, lat: 32.0853, lon: 34.7818, status: confirmed}
  - {place: Jaffa gate, lat: 32.08530001, lon: 34.78180001, status: confirmed}
  - {place: Rome, lat: 41.9, lon: 12.5, status: planned}
  - {place: Suva, lat: -18.1, lon: 178.4, status: planned}
  - {place: Apia, lat: -13.8, lon: -171.8, status: planned}
"""


def check_layers(gdf: Any) -> None:
    geoms = gdf.geometry[gdf.geometry.notna()]
    assert shapely.is_valid(geoms.values).all(), gdf[~shapely.is_valid(gdf.geometry.values)]
    for kind, types in {
        "stop": {"Point"},
        "leg": {"MultiLineString"},
        "connector": {"MultiLineString"},
        "region": {"MultiPolygon"},
    }.items():
        assert set(gdf[gdf["feature"] == kind].geom_type) <= types, kind


def check_geojson(fc: dict[str, Any]) -> None:
    for f in fc["features"]:
        if f["geometry"] is not None:
            geom = shapely.geometry.shape(f["geometry"])
            assert geom.is_valid and not geom.is_empty, f


@pytest.fixture
def prepared(mini_data: None) -> Prepared:
    return prepare(yaml_io.loads(TRIP), regions=False)


def test_legs_with_no_length_are_left_out(prepared: Prepared) -> None:
    assert len(prepared.legs["t"]) == 5  # the model keeps every leg
    fc = geojson.to_feature_collection(prepared)
    legs = [
        (f["properties"]["from"], f["properties"]["to"])
        for f in fc["features"]
        if f["properties"]["feature"] == "leg"
    ]
    assert legs == [("Jaffa gate", "Rome"), ("Rome", "Suva"), ("Suva", "Apia")]
    assert sum(f["properties"]["feature"] == "stop" for f in fc["features"]) == 6  # every stop stays
    check_geojson(fc)
    gdf = to_geodataframe(prepared)
    check_layers(gdf)
    assert len(gdf[gdf["feature"] == "leg"].iloc[2].geometry.geoms) == 2  # split at the antimeridian


@pytest.mark.parametrize("suffix", [".gpkg", ".fgb", ".geojson"])
def test_exported_files_hold_valid_geometries_of_one_type_per_layer(
    prepared: Prepared, tmp_path: Path, suffix: str
) -> None:
    import geopandas as gpd
    import pyogrio

    path = tmp_path / f"trip{suffix}"
    export(prepared, path)
    files = [path, *tmp_path.glob("trip-*.fgb")]
    for f in files:
        for layer, _ in pyogrio.list_layers(f):
            gdf = gpd.read_file(f, layer=layer)
            assert shapely.is_valid(gdf.geometry.values).all(), (f, layer)
            if suffix != ".geojson":  # one collection of every kind, by design
                assert gdf.geom_type.nunique() == 1, (f, layer, set(gdf.geom_type))


def test_development_corpus_geometries_are_valid(shared: Path, tmp_path: Path) -> None:
    """Every draft of the development articles, built, then routed and written as GeoParquet,
    GeoPackage and GeoJSON: no invalid geometry anywhere."""
    import geopandas as gpd
    import pyogrio

    from itinerary.build import build

    out = tmp_path / "corpus"
    summary = build([shared / "articles" / "dev"], out, serial=True)
    assert summary.ok >= 10
    left_out = 0
    for draft in sorted((out / "drafts").glob("*.yaml")):
        p = prepare(yaml_io.load(draft), regions=False)
        fc = geojson.to_feature_collection(p)
        check_geojson(fc)
        check_layers(to_geodataframe(p))
        drawn = sum(f["properties"]["feature"] == "leg" for f in fc["features"])
        left_out += sum(leg.geometry is not None for legs in p.legs.values() for leg in legs) - drawn
        gpkg = tmp_path / f"{draft.stem}.gpkg"
        export(p, gpkg)
        for layer, _ in pyogrio.list_layers(gpkg):
            assert shapely.is_valid(gpd.read_file(gpkg, layer=layer).geometry.values).all(), (draft, layer)
    for name in ("stops.parquet", "legs.parquet"):
        frame = gpd.read_parquet(out / name)
        assert shapely.is_valid(frame.geometry.values).all(), name
        assert frame.geom_type.nunique() == 1, name
    print(f"{left_out} legs with no length left out")  # the corpus has some: the case is real
    assert left_out > 0
