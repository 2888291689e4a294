"""GIS interop through geopandas/pyogrio: GeoDataFrames, GeoPackage, FlatGeobuf, KML, CSV."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from itinerary import fields
from itinerary.errors import FileError, ValidationError
from itinerary.files import atomic_dir, check_output, describe_os_error, write_text
from itinerary.io import geojson
from itinerary.model import Itinerary, Prepared
from itinerary.theme import kml_color, theme


def to_geodataframe(it: Itinerary | Prepared, *, feature: str | None = None) -> Any:
    """A GeoDataFrame (EPSG:4326) of stop, leg and region features; ``feature`` filters.

    One geometry type per kind, as GIS layers want: stops are Points, legs and connectors
    MultiLineStrings (one part, or two when a leg crosses the antimeridian), regions
    MultiPolygons. Every geometry is valid: a leg with no length is left out (see
    :mod:`itinerary.io.geojson`)."""
    import geopandas as gpd

    fc = geojson.to_feature_collection(it)
    feats = [f for f in fc["features"] if feature is None or f["properties"]["feature"] == feature]
    gdf = gpd.GeoDataFrame.from_features(feats, crs="EPSG:4326")
    if "geometry" in gdf.columns and not gdf.empty:
        gdf["geometry"] = gdf.geometry.map(_multi)
    gdf.attrs["itinerary"] = fc["itinerary"]
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

    Legs and regions come from a :class:`Prepared` itinerary; :func:`itinerary.pipeline.export`
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


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value: Any) -> str:
    """A value as KML text: missing values empty, XML-invalid characters removed."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return _XML_INVALID.sub("", str(value))


def escape(value: Any) -> str:
    """Text for a KML element: XML-escaped, so markup in a quote is shown, not rendered."""
    from xml.sax.saxutils import escape as xml_escape

    return xml_escape(_text(value), {'"': "&quot;"})


def to_kml(gdf: Any) -> str:
    """KML 2.2 for Google Earth and My Maps: one folder per traveller (its totals in the
    folder's description), one style per status from the theme, each stop with a TimeSpan and
    ExtendedData (source, quote, note, status), legs with mode, basis, path and km."""
    header = gdf.attrs.get("itinerary") or {}
    folders: dict[str, list[str]] = {}
    days = _stop_days(gdf)
    for _, row in gdf.iterrows():
        geom = row.geometry
        if geom is None or geom.is_empty:
            continue
        folders.setdefault(_text(row.get("trip")), []).append(_placemark(row, geom, days))
    body = "".join(_folder(t, folders.pop(t["id"], [])) for t in header.get("trips", []))
    body += "".join(f"<Folder><name>{escape(k)}</name>{''.join(v)}</Folder>" for k, v in folders.items())
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
        + f"<name>{escape(header.get('title') or 'Itinerary')}</name>"
        + _kml_styles()
        + body
        + "</Document></kml>\n"
    )


def _kml_styles() -> str:
    th = theme()
    out = []
    for status, st in th["status"].items():
        color = kml_color(st["badge"])
        width = 3 if not st["dash"] else 2
        out.append(
            f'<Style id="{status}"><IconStyle><color>{color}</color></IconStyle>'
            f"<LineStyle><color>{color}</color><width>{width}</width></LineStyle>"
            f"<PolyStyle><color>{kml_color(st['badge'], 0x33)}</color></PolyStyle></Style>"
        )
    return "".join(out)


def _folder(trip: dict[str, Any], marks: list[str]) -> str:
    tot = trip.get("totals") or {}
    bits = [f"{tot['km']:,} km"] if tot.get("km") else []
    if tot.get("days"):
        bits.append(f"{tot['days']} days")
    bits += [f"{m} {km:,} km" for m, km in (tot.get("km_by_mode") or {}).items()]
    return (
        f"<Folder><name>{escape(trip.get('traveller') or trip['id'])}</name>"
        f"<description>{escape(', '.join(bits))}</description>{''.join(marks)}</Folder>"
    )


def _stop_days(gdf: Any) -> dict[tuple[str, int], tuple[str, str]]:
    """(trip, order) -> (first day, last day) of every dated stop, for the legs' TimeSpans."""
    out: dict[tuple[str, int], tuple[str, str]] = {}
    if "date_start" not in gdf.columns:
        return out
    for _, row in gdf[gdf["feature"] == "stop"].iterrows():
        a, b = _text(row.get("date_start")), _text(row.get("date_end"))
        if a:
            out[(_text(row.get("trip")), int(row["order"]))] = (a, b or a)
    return out


def _time_span(begin: str, end: str) -> str:
    if not begin and not end:
        return ""
    parts = (f"<begin>{escape(begin)}</begin>" if begin else "") + (
        f"<end>{escape(end)}</end>" if end else ""
    )
    return f"<TimeSpan>{parts}</TimeSpan>"


def _extended(row: Any, keys: tuple[str, ...]) -> str:
    data = "".join(
        f'<Data name="{k}"><value>{escape(row.get(k))}</value></Data>' for k in keys if _text(row.get(k))
    )
    return f"<ExtendedData>{data}</ExtendedData>" if data else ""


def _placemark(row: Any, geom: Any, days: dict[tuple[str, int], tuple[str, str]]) -> str:
    kind = row["feature"]
    span = ""
    if kind == "stop":
        name = f"{int(row['order']) + 1}. {_text(row['name'])}"
        desc = " — ".join(
            _text(x) for x in (row.get("status"), row.get("date_label"), row.get("quote")) if _text(x)
        )
        extra = _extended(row, fields.keys("stop", "kml"))
        span = _time_span(_text(row.get("date_start")), _text(row.get("date_end")))
    elif kind in ("leg", "connector"):
        name = f"{_text(row.get('from'))} → {_text(row.get('to'))}"
        if kind == "connector":
            name = f"{name} (to the railway)" if name != " → " else "to the railway"
        desc = f"{_text(row.get('mode'))}, {_text(row.get('status'))}, {_text(row.get('basis'))}"
        if _text(row.get("length_km")):
            desc += f", {_text(row.get('length_km'))} km"
        extra = _extended(row, fields.keys("leg", "kml"))
        trip = _text(row.get("trip"))
        a = days.get((trip, int(row["order"]))) if _text(row.get("order")) else None
        b = days.get((trip, int(row["to_order"]))) if _text(row.get("to_order")) else None
        span = _time_span(a[0] if a else "", b[1] if b else "")
    else:
        name, desc, extra = _text(row.get("name")), "region", ""
    style = row.get("status") if row.get("status") in theme()["status"] else "confirmed"
    return (
        f"<Placemark><name>{escape(name)}</name><description>{escape(desc)}</description>{span}"
        f"<styleUrl>#{style}</styleUrl>{extra}{_kml_geometry(geom)}</Placemark>"
    )


def _kml_coords(coords: Any) -> str:
    return " ".join(f"{x:.6f},{y:.6f}" for x, y, *_ in coords)


def _kml_geometry(g: Any) -> str:
    t = g.geom_type
    if t == "Point":
        return f"<Point><coordinates>{g.x:.6f},{g.y:.6f}</coordinates></Point>"
    if t == "LineString":
        coords = _kml_coords(g.coords)
        return f"<LineString><tessellate>1</tessellate><coordinates>{coords}</coordinates></LineString>"
    if t == "Polygon":
        inner = "".join(
            f"<innerBoundaryIs><LinearRing><coordinates>{_kml_coords(r.coords)}</coordinates></LinearRing></innerBoundaryIs>"
            for r in g.interiors
        )
        return (
            f"<Polygon><outerBoundaryIs><LinearRing><coordinates>{_kml_coords(g.exterior.coords)}"
            f"</coordinates></LinearRing></outerBoundaryIs>{inner}</Polygon>"
        )
    return "<MultiGeometry>" + "".join(_kml_geometry(p) for p in g.geoms) + "</MultiGeometry>"
