"""Small data for unit tests, loaded by the real code.

- The mini gazetteer: ``tests/data/mini_gazetteer.csv`` (written by
  ``tests/data/make_mini_gazetteer.py`` from the real sources) turned into
  :class:`~itinerary.geocode.index_build.Sources` and compiled by the real index builder.
- The toy rail network: ``tests/data/toy_rail.yaml``, written as an archive in the format of
  ``geodata/railways.npz`` and loaded by :meth:`RailNetwork.load`, links included.
"""

from __future__ import annotations

import contextlib
import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from itinerary.coords import xy
from itinerary.geocode import Gazetteer
from itinerary.geocode.index_build import Sources, build_index, to_arrays
from itinerary.routing.rail import RailNetwork

DATA = Path(__file__).resolve().parent / "data"
MINI_CSV = DATA / "mini_gazetteer.csv"
TOY_RAIL = DATA / "toy_rail.yaml"


def _names(cell: str) -> list[str]:
    return [str(x) for x in json.loads(cell)] if cell else []


def _num(cell: str) -> float | None:
    return float(cell) if cell else None


def _bbox_feature(r: dict[str, str]) -> dict[str, Any]:
    w, s, e, n = (float(v) for v in r["bbox"].split())
    ring = [[w, s], [e, s], [e, n], [w, n], [w, s]]
    props = {
        "id": r["id"],
        "name": r["name"],
        "names": _names(r["names"]),
        "country_code": r["country_code"],
        "gn_code": r["admin1_code"],
        "lat": _num(r["lat"]),
        "lon": _num(r["lon"]),
    }
    return {"type": "Feature", "properties": props, "geometry": {"type": "Polygon", "coordinates": [ring]}}


def _city(r: dict[str, str]) -> dict[str, Any]:
    return {
        "geonameid": int(r["id"]),
        "name": r["name"],
        "latitude": float(r["lat"]),
        "longitude": float(r["lon"]),
        "countrycode": r["country_code"],
        "population": int(r["population"] or 0),
        "admin1code": r["admin1_code"],
        "alternatenames": _names(r["names"]),
    }


def _landmark(r: dict[str, str]) -> dict[str, Any]:
    return {
        "id": r["id"],
        "name": r["name"],
        "kind": r["kind"],
        "country_code": r["country_code"],
        "city": r["city"],
        "lat": float(r["lat"]),
        "lon": float(r["lon"]),
        "importance": float(r["importance"] or 0.5),
        "aliases": _names(r["names"]),
        "codes": _names(r["codes"]),
    }


def mini_sources(path: Path = MINI_CSV) -> Sources:
    """The CSV's rows as the builder's sources (capitals come from the country rows)."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    countries, admin1, cities, landmarks, airports = [], [], [], [], []
    for r in rows:
        kind = r["kind"]
        if kind == "country":
            countries.append(
                {
                    "iso": r["id"],
                    "name": r["name"],
                    "names": _names(r["names"]),
                    "population": int(r["population"] or 0),
                    "capital": r["capital"],
                    "lat": _num(r["lat"]),
                    "lon": _num(r["lon"]),
                }
            )
        elif kind == "region":
            admin1.append(_bbox_feature(r))
        elif kind == "city":
            cities.append(_city(r))
        elif kind == "airport":
            airports.append(
                {"iata": r["id"], "icao": (_names(r["codes"]) or [""])[0], "name": r["name"],
                 "city": r["city"], "country": r["country_code"], "lat": float(r["lat"]),
                 "lon": float(r["lon"])}
            )  # fmt: skip
        else:
            landmarks.append(_landmark(r))
    return Sources(countries, admin1, {}, cities, landmarks, airports)


def mini_gazetteer(path: Path = MINI_CSV) -> Gazetteer:
    """The mini gazetteer, compiled by the real builder (well under a second)."""
    return Gazetteer(to_arrays(build_index(sources=mini_sources(path))))


def write_rail_archive(spec: Path, out: Path) -> tuple[Path, Path]:
    """The toy network of ``spec`` as ``railways.npz`` (coords lon/lat float32, offsets,
    country) and its ``rail_links.yaml`` in ``out``; returns both paths."""
    data = yaml.safe_load(spec.read_text("utf-8"))
    lines = [np.array([xy(p[0], p[1]) for p in line["points"]], dtype=np.float32) for line in data["lines"]]
    offsets = np.zeros(len(lines) + 1, dtype=np.int64)
    offsets[1:] = np.cumsum([len(c) for c in lines])
    country = np.array([line["country_code"] for line in data["lines"]], dtype="<U2")
    npz = out / "railways.npz"
    with npz.open("wb") as fh:
        np.savez(fh, coords=np.vstack(lines), offsets=offsets, country=country)
    links = out / "rail_links.yaml"
    links.write_text(yaml.safe_dump({"version": 1, "links": data.get("links", [])}), encoding="utf-8")
    return npz, links


def toy_rail(out: Path, spec: Path = TOY_RAIL) -> RailNetwork:
    """The toy rail network, loaded from its archive by the real loader."""
    return RailNetwork.load(*write_rail_archive(spec, out))


@contextlib.contextmanager
def as_defaults(gazetteer: Gazetteer, network: RailNetwork) -> Iterator[None]:
    """Inside the block, the process's gazetteer and rail network (``Gazetteer.default()``,
    ``RailNetwork.default()``, what the command line and the pipeline take) are these."""
    saved = Gazetteer.__dict__["default"], RailNetwork.__dict__["default"]
    Gazetteer.default = classmethod(lambda cls: gazetteer)  # type: ignore[method-assign,assignment]
    RailNetwork.default = classmethod(lambda cls: network)  # type: ignore[method-assign,assignment]
    try:
        yield
    finally:
        Gazetteer.default, RailNetwork.default = saved  # type: ignore[method-assign]
