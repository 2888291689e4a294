"""GIS interop through geopandas/pyogrio: GeoDataFrames, GeoPackage, FlatGeobuf, KML, CSV."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from itinerary import fields
from itinerary.errors import FileError, ValidationError
from itinerary.files import atomic_dir, check_output, describe_os_error, write_text
from itinerary.io import geojson
from itinerary.io.kml import escape as escape  # re-exported: the KML writer's text rules
from itinerary.io.kml import to_kml as to_kml
from itinerary.model import Itinerary, Prepared


def to_geodataframe(it: Itinerary | Prepared, *, feature: str | None = None) -> Any:
    """A GeoDataFrame (EPSG:4326) of stop, leg and region features; ``feature`` filters.

    One geometry type per kind, as GIS layers want: stops are Points, legs and connectors
    MultiLineStrings (one part, or two when a leg crosses the antimeridian), regions
    MultiPolygons. Every geometry is valid: a leg with no length is left out (see
    :mod:`itinerary.io.geojson`)."""
    fc = geojson.to_feature_collection(it)
    return from_features(fc["features"], fc["itinerary"], feature=feature)


def from_features(
    features: list[dict[str, Any]], header: dict[str, Any], *, feature: str | None = None
) -> Any:
    """The GeoDataFrame of :func:`to_geodataframe` from the GeoJSON features and ``itinerary``
    member of :func:`itinerary.io.geojson.to_feature_collection` (``feature`` filters)."""
    import geopandas as gpd

    feats = [f for f in features if feature is None or f["properties"]["feature"] == feature]
    gdf = gpd.GeoDataFrame.from_features(feats, crs="EPSG:4326")
    if "geometry" in gdf.columns and not gdf.empty:
        gdf["geometry"] = gdf.geometry.map(_multi)
    gdf.attrs["itinerary"] = header
    return gdf


def _multi(geom: Any) -> Any:
    """Lines and polygons as their Multi* type (points and missing geometries as they are)."""
    import shapely

    if geom is None:
        return None
    if geom.geom_type == "LineString":
        return shapely.MultiLineString([geom])
    if geom.geom_type == "Polygon":
        return shapely.MultiPolygon([geom])
    return geom


def from_geodataframe(gdf: Any) -> Itinerary:
    """Rebuild an itinerary from a GeoDataFrame made by :func:`to_geodataframe`."""
    import json

    fc = json.loads(gdf.to_json(na="null", drop_id=True))
    fc["itinerary"] = gdf.attrs.get("itinerary")
    return geojson.from_feature_collection(fc)


@dataclass(frozen=True)
class ExportFormat:
    """One export format: its name (``--format``), file suffixes and writer."""

    name: str
    suffixes: tuple[str, ...]
    description: str
    write: Callable[[Prepared, Path], None]


def _write_geojson(p: Prepared, path: Path) -> None:
    geojson.dump(p, path)


def _write_csv(p: Prepared, path: Path) -> None:
    write_text(path, to_csv(to_geodataframe(p)))


def _write_kml(p: Prepared, path: Path) -> None:
    write_text(path, to_kml(to_geodataframe(p)))


def _write_gpkg(p: Prepared, path: Path) -> None:
    _write_ogr(to_geodataframe(p), path, "gpkg")


def _write_fgb(p: Prepared, path: Path) -> None:
    _write_ogr(to_geodataframe(p), path, "fgb")


#: The export formats, by name: the one list the CLI, suffix detection and writing read.
FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("geojson", (".geojson", ".json"), "GeoJSON (RFC 7946)", _write_geojson),
        ExportFormat("gpkg", (".gpkg",), "GeoPackage (a layer per feature kind)", _write_gpkg),
        ExportFormat("fgb", (".fgb",), "FlatGeobuf (legs etc. in -legs.fgb files beside)", _write_fgb),
        ExportFormat("kml", (".kml",), "KML 2.2 (Google Earth)", _write_kml),
        ExportFormat("csv", (".csv",), "CSV of the stops", _write_csv),
    )
}


def format_for(path: Path, fmt: str | None) -> str:
    """The format's name, from ``fmt`` or else from the suffix of ``path`` (the two must agree)."""
    suffix = path.suffix.lower()
    found = next((f.name for f in FORMATS.values() if suffix in f.suffixes), None)
    if fmt:
        if fmt not in FORMATS:
            raise ValidationError(f"unknown format {fmt!r}; known formats: {', '.join(FORMATS)}")
        if found is not None and found != fmt:
            raise ValidationError(
                f"{path.name!r} names a {found} file but the format is {fmt!r}; "
                f"give the file a {FORMATS[fmt].suffixes[0]} suffix, or leave the format out"
            )
        return fmt
    if found is None:
        suffixes = ", ".join(s for f in FORMATS.values() for s in f.suffixes)
        raise ValidationError(
            f"cannot tell the format from {path.name!r}; use a suffix ({suffixes}) "
            f"or --format ({', '.join(FORMATS)})"
        )
    return found


def export(
    it: Itinerary | Prepared, path: str | os.PathLike[str], *, fmt: str | None = None, force: bool = False
) -> str:
    """Write the itinerary to ``path`` in the format of its suffix (or ``fmt``), atomically.

    Legs and regions come from a :class:`Prepared` itinerary; :func:`itinerary.prepare.export`
    resolves and routes a plain one first.
    """
    path = Path(path)
    fmt = check_export_target(path, fmt=fmt, force=force)
    p = it if isinstance(it, Prepared) else Prepared(it)
    FORMATS[fmt].write(p, path)
    return fmt


_SIDECARS = ("leg", "connector", "region")
#: The one geometry type each layer declares (what :func:`to_geodataframe` makes), so the layers
#: of two exports append to each other in a GIS.
LAYER_TYPES = {
    "stop": "Point",
    "leg": "MultiLineString",
    "connector": "MultiLineString",
    "region": "MultiPolygon",
}


def check_export_target(path: str | os.PathLike[str], *, fmt: str | None = None, force: bool = False) -> str:
    """The format for ``path``; refuse a target (or a FlatGeobuf sidecar) that may not be written."""
    path = Path(path)
    fmt = format_for(path, fmt)
    check_output(path, force=force)
    if fmt == "fgb":  # the sidecar files obey --force too
        for kind in _SIDECARS:
            check_output(_sidecar(path, kind), force=force)
    return fmt


def _sidecar(path: Path, kind: str) -> Path:
    return path.with_name(f"{path.stem}-{kind}s.fgb")


def _write_ogr(gdf: Any, path: Path, fmt: str) -> None:
    """GeoPackage (one file, a layer per feature kind) or FlatGeobuf (a file per kind).

    Everything is written in a temporary folder beside the target and renamed into place at
    the end, so a failure (a full disk) leaves neither a partial file nor a stray sidecar.
    """
    import pyogrio

    driver = {"gpkg": "GPKG", "fgb": "FlatGeobuf"}[fmt]
    targets = [path, *(_sidecar(path, k) for k in _SIDECARS)] if fmt == "fgb" else [path]
    with atomic_dir(targets) as tmp_dir:
        main = tmp_dir / path.name
        for kind in ("stop", *_SIDECARS):
            part = gdf[gdf["feature"] == kind]
            if part.empty:
                continue
            layer_path = main
            if fmt == "fgb":  # one layer per file: legs and regions go beside the stops
                layer_path = main if kind == "stop" else tmp_dir / _sidecar(path, kind).name
            try:
                typed = {"driver": driver, "geometry_type": LAYER_TYPES[kind]}
                if fmt == "fgb":
                    pyogrio.write_dataframe(part, layer_path, **typed)
                else:
                    pyogrio.write_dataframe(part, main, layer=f"{kind}s", append=main.exists(), **typed)
            except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError) as exc:
                # GDAL reports a full disk or a file-size limit as a generic I/O failure
                raise FileError(
                    f"{path}: GDAL could not write the {driver} file ({_gdal_reason(exc)}); check the free "
                    "space and the file-size limit of the target folder, or write elsewhere"
                ) from None
    if fmt == "fgb":  # an earlier export's sidecar of a kind this one lacks would mix two trips
        for kind in _SIDECARS:
            stale = _sidecar(path, kind)
            if gdf[gdf["feature"] == kind].empty:
                try:
                    stale.unlink(missing_ok=True)
                except OSError as exc:
                    raise FileError(describe_os_error(exc, stale)) from None


def _gdal_reason(exc: Exception) -> str:
    text = str(exc)
    return text.split("; ", 1)[1] if "; " in text else text


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """A text cell that spreadsheets show as text, never evaluate (OWASP CSV injection).

    Text starting with ``= + - @``, a tab or a carriage return gets a leading apostrophe.
    Numbers are left alone (a negative longitude stays a number).
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _int_columns() -> list[str]:
    """Columns of whole numbers (a stop's position, a leg's ends, corroboration, trip days):
    written as integers, although rows of other kinds leave them empty."""
    from_table = [
        c for o in ("stop", "leg") for f in fields.table(o) if f.type is int for c in f.csv_columns()
    ]
    return list(dict.fromkeys(["order", *from_table, "days"]))


def to_csv(gdf: Any) -> str:
    """Stops, legs and trip totals as one CSV table (column ``feature`` says which row is
    which): stops with lat/lon first; legs with from, to, mode, status and km; one row per
    trip with its km, km per mode and days. Columns come from the field table
    (:mod:`itinerary.fields`). Every field quoted, formulas neutralised."""
    import csv

    import pandas as pd

    head = ["feature", "trip", "traveller", "order"]
    stops = gdf[gdf["feature"] == "stop"]
    stops = pd.DataFrame(stops[[c for c in [*head, *fields.keys("stop", "csv")] if c in stops.columns]])
    if not stops.empty:
        stops.insert(0, "lat", gdf.loc[stops.index].geometry.y.round(6))
        stops.insert(1, "lon", gdf.loc[stops.index].geometry.x.round(6))
    legs = gdf[gdf["feature"] == "leg"].rename(columns=_csv_renames("leg"))
    leg_cols = [c for c in ["feature", *fields.keys("leg", "csv")] if c in legs.columns]  # none: no legs
    trips = pd.DataFrame(_trip_rows(gdf.attrs.get("itinerary") or {}))
    parts = [stops, pd.DataFrame(legs[leg_cols]), trips]
    table = pd.concat([p for p in parts if not p.empty], ignore_index=True)
    whole = _int_columns()
    for col in table.columns:
        if col in whole:
            table[col] = pd.to_numeric(table[col]).astype("Int64")
        elif not pd.api.types.is_numeric_dtype(table[col]):
            table[col] = table[col].map(spreadsheet_safe)
    text: str = table.to_csv(index=False, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\r\n")
    return text


def _csv_renames(owner: str) -> dict[str, str]:
    return {k: v for f in fields.table(owner) for k, v in f.csv.items()}


def _trip_rows(header: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for t in header.get("trips", []):
        tot = t.get("totals") or {}
        by_mode = "; ".join(f"{m} {km}" for m, km in (tot.get("km_by_mode") or {}).items())
        rows.append(
            {
                "feature": "trip",
                "trip": t["id"],
                "traveller": t["traveller"],
                "km": tot.get("km"),
                "km_by_mode": by_mode or None,
                "days": tot.get("days"),
            }
        )
    return rows
