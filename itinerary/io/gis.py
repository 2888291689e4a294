"""GIS interop through geopandas/pyogrio: GeoDataFrames, GeoPackage, FlatGeobuf, KML, CSV."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from itinerary.errors import ValidationError
from itinerary.io.atomic import write_text, write_with
from itinerary.model import Itinerary

if TYPE_CHECKING:
    from itinerary.pipeline import Prepared

FORMATS = {
    "geojson": ".geojson",
    "gpkg": ".gpkg",
    "fgb": ".fgb",
    "kml": ".kml",
    "csv": ".csv",
}
_SUFFIX = {
    ".geojson": "geojson",
    ".json": "geojson",
    ".gpkg": "gpkg",
    ".fgb": "fgb",
    ".kml": "kml",
    ".csv": "csv",
}
STATUS_COLORS = {"confirmed": "ff2e7d32", "planned": "ffc06515", "cancelled": "ff757575"}  # KML aabbggrr


def to_geodataframe(it: Itinerary | Prepared, *, feature: str | None = None) -> Any:
    """A GeoDataFrame (EPSG:4326) of stop, leg and region features; ``feature`` filters."""
    import geopandas as gpd

    from itinerary.io.geojson import to_feature_collection

    fc = to_feature_collection(it)
    feats = [f for f in fc["features"] if feature is None or f["properties"]["feature"] == feature]
    gdf = gpd.GeoDataFrame.from_features(feats, crs="EPSG:4326")
    gdf.attrs["itinerary"] = fc["itinerary"]
    return gdf


def from_geodataframe(gdf: Any) -> Itinerary:
    """Rebuild an itinerary from a GeoDataFrame made by :func:`to_geodataframe`."""
    import json

    from itinerary.io.geojson import from_feature_collection

    fc = json.loads(gdf.to_json(na="null", drop_id=True))
    fc["itinerary"] = gdf.attrs.get("itinerary")
    return from_feature_collection(fc)


def format_for(path: Path, fmt: str | None) -> str:
    if fmt:
        if fmt not in FORMATS:
            raise ValidationError(f"unknown format {fmt!r}; known formats: {', '.join(FORMATS)}")
        return fmt
    found = _SUFFIX.get(path.suffix.lower())
    if found is None:
        raise ValidationError(
            f"cannot tell the format from {path.name!r}; use a suffix "
            f"({', '.join(FORMATS.values())}) or --format ({', '.join(FORMATS)})"
        )
    return found


def export(
    it: Itinerary | Prepared, path: str | os.PathLike[str], *, fmt: str | None = None, force: bool = False
) -> str:
    """Write the itinerary to ``path`` in the format of its suffix (or ``fmt``), atomically."""
    from itinerary.io import geojson
    from itinerary.pipeline import Prepared, prepare

    path = Path(path)
    fmt = format_for(path, fmt)
    if path.exists() and not force:
        raise ValidationError(f"{path} exists; pass --force to overwrite it")
    p = it if isinstance(it, Prepared) else prepare(it)
    if fmt == "geojson":
        geojson.dump(p, path)
        return fmt
    gdf = to_geodataframe(p)
    if fmt == "csv":
        stops = gdf[gdf["feature"] == "stop"].copy()
        stops.insert(0, "lat", stops.geometry.y.round(6))
        stops.insert(1, "lon", stops.geometry.x.round(6))
        write_text(path, stops.drop(columns="geometry").to_csv(index=False))
        return fmt
    if fmt == "kml":
        write_text(path, to_kml(gdf))
        return fmt
    driver = {"gpkg": "GPKG", "fgb": "FlatGeobuf"}[fmt]

    def write(tmp: Path) -> None:
        import pyogrio

        target = tmp.with_suffix(FORMATS[fmt])
        for kind in ("stop", "leg", "connector", "region"):
            part = gdf[gdf["feature"] == kind]
            if part.empty:
                continue
            if fmt == "fgb":  # one layer per file: legs and regions go beside the stops
                layer_path = target if kind == "stop" else target.with_name(f"{target.stem}-{kind}s.fgb")
                pyogrio.write_dataframe(part, layer_path, driver=driver)
            else:
                pyogrio.write_dataframe(part, target, layer=f"{kind}s", driver=driver, append=target.exists())
        target.rename(tmp)
        for kind in ("leg", "connector", "region"):
            extra = target.with_name(f"{target.stem}-{kind}s.fgb")
            if extra.exists():
                extra.rename(path.with_name(f"{path.stem}-{kind}s.fgb"))

    write_with(path, write)
    return fmt


def to_kml(gdf: Any) -> str:
    """KML 2.2 with one style per status (for Google Earth and My Maps)."""
    from xml.sax.saxutils import escape

    styles = []
    for status, color in STATUS_COLORS.items():
        styles.append(
            f'<Style id="{status}"><IconStyle><color>{color}</color></IconStyle>'
            f"<LineStyle><color>{color}</color><width>{3 if status == 'confirmed' else 2}</width></LineStyle>"
            f"<PolyStyle><color>33{color[2:]}</color></PolyStyle></Style>"
        )
    marks = []
    for _, row in gdf.iterrows():
        geom = row.geometry
        if geom is None or geom.is_empty:
            continue
        kind = row["feature"]
        if kind == "stop":
            name = f"{int(row['order']) + 1}. {row['name']}"
            desc = " — ".join(
                str(x) for x in (row.get("status"), row.get("date_label"), row.get("quote")) if x and x == x
            )
        elif kind == "leg":
            name = f"{row['from']} → {row['to']}"
            desc = f"{row['mode']}, {row['status']}, {row['basis']}, {row['length_km']} km"
        else:
            name, desc = str(row["name"]), "region"
        style = row.get("status") if row.get("status") in STATUS_COLORS else "confirmed"
        marks.append(
            f"<Placemark><name>{escape(name)}</name><description>{escape(desc)}</description>"
            f"<styleUrl>#{style}</styleUrl>{_kml_geometry(geom)}</Placemark>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
        + "".join(styles)
        + "".join(marks)
        + "</Document></kml>\n"
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
