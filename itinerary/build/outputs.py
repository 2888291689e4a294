"""The reduce step's files: the merged ``trips.yaml`` and GeoParquet stops and legs."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from itinerary.files import write_text, write_with
from itinerary.io import yaml as yaml_io
from itinerary.model import Itinerary

TRIPS = "trips.yaml"
GEOPARQUET = {"stop": "stops.parquet", "leg": "legs.parquet"}
STATE = ".merged.json"  # what the merged files were made from, so an unchanged run skips them


def geoparquet_available() -> bool:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return False
    return True


def reduce_key(drafts: list[tuple[str, str]], as_of: dt.date | None, version: str, geoparquet: bool) -> str:
    """What the merged files depend on: the drafts (name, hash) in order, and the options."""
    data = [version, as_of.isoformat() if as_of else None, geoparquet, drafts]
    return hashlib.sha256(json.dumps(data).encode()).hexdigest()


def up_to_date(out_dir: Path, key: str) -> tuple[int, int] | None:
    """(trips, stops) when the merged files of ``key`` are in ``out_dir`` unchanged, else None."""
    try:
        state = json.loads((out_dir / STATE).read_text(encoding="utf-8"))
        if state["key"] != key:
            return None
        for name, digest in state["files"].items():
            if _file_digest(out_dir / name) != digest:
                return None
        return int(state["trips"]), int(state["stops"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def write_merged(merged: Itinerary, out_dir: Path, key: str, *, geoparquet: bool = True) -> list[Path]:
    """Write ``trips.yaml`` and, when ``geoparquet``, ``stops.parquet`` and ``legs.parquet``
    (EPSG:4326, one row per stop or leg of every trip), each atomically; the paths written.
    ``key`` (see :func:`reduce_key`) and the files' hashes are recorded last, for
    :func:`up_to_date`."""
    written = [out_dir / TRIPS]
    yaml_io.dump(merged, written[0])
    if geoparquet:
        # deferred: geopandas and routing, needed only for the GeoParquet files
        from itinerary.io.gis import to_geodataframe
        from itinerary.pipeline import prepare

        prepared = prepare(merged, regions=False)
        for feature, name in GEOPARQUET.items():
            frame = _frame(to_geodataframe(prepared, feature=feature))
            write_with(out_dir / name, _parquet_writer(frame))
            written.append(out_dir / name)
    state = {
        "key": key,
        "files": {p.name: _file_digest(p) for p in written},
        "trips": len(merged.trips),
        "stops": sum(len(t.stops) for t in merged.trips),
    }
    write_text(out_dir / STATE, json.dumps(state, indent=1) + "\n")
    return written


def _file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _parquet_writer(frame: Any) -> Callable[[Path], None]:
    def write(tmp: Path) -> None:
        frame.to_parquet(tmp, index=False)

    return write


def _frame(gdf: Any) -> Any:
    """An empty selection still needs a geometry column to be a GeoParquet file."""
    import geopandas as gpd

    if "geometry" in gdf.columns:
        return gdf
    return gpd.GeoDataFrame({"feature": []}, geometry=gpd.GeoSeries([], crs="EPSG:4326"))
