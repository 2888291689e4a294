"""The reduce step's files: the merged ``trips.yaml`` and GeoParquet stops and legs."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from itinerary.files import write_text, write_with
from itinerary.io import yaml as yaml_io
from itinerary.model import Itinerary

TRIPS = "trips.yaml"
GEOPARQUET = {"stop": "stops.parquet", "leg": "legs.parquet"}
STATE = ".merged.json"  # what the merged files were made from, so an unchanged run skips them
EDITED = ".edited"  # the suffix of a file a person edited, moved aside instead of replaced


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
            if file_digest(out_dir / name) != digest:
                return None
        return int(state["trips"]), int(state["stops"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def write_merged(
    merged: Itinerary, out_dir: Path, key: str, *, geoparquet: bool = True, text: str | None = None
) -> list[Path]:
    """Write ``trips.yaml`` (``text`` when given: the YAML of ``merged``) and, when ``geoparquet``,
    ``stops.parquet`` and ``legs.parquet`` (EPSG:4326, one row per stop, one per leg that has a
    line: see :func:`itinerary.io.gis.to_geodataframe`), each atomically; the paths written.
    ``key`` (see :func:`reduce_key`) and the files' hashes are recorded last, for
    :func:`up_to_date`."""
    written = [out_dir / TRIPS]
    write_text(written[0], yaml_io.dumps(merged) if text is None else text)
    if geoparquet:
        # deferred: geopandas and routing, needed only for the GeoParquet files
        from itinerary.io.gis import to_geodataframe
        from itinerary.prepare import prepare

        prepared = prepare(merged, regions=False)
        for feature, name in GEOPARQUET.items():
            frame = _frame(to_geodataframe(prepared, feature=feature))
            write_with(out_dir / name, _parquet_writer(frame))
            written.append(out_dir / name)
    state = {
        "key": key,
        "files": {p.name: file_digest(p) for p in written},
        "trips": len(merged.trips),
        "stops": sum(len(t.stops) for t in merged.trips),
    }
    write_text(out_dir / STATE, json.dumps(state, indent=1) + "\n")
    return written


def file_digest(path: Path) -> str | None:
    """The SHA-256 of the file at ``path``; None when there is none (or it cannot be read)."""
    h = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return None
    return h.hexdigest()


def set_aside(path: Path) -> Path:
    """Rename ``path`` to ``<name>.edited`` (``.edited-2`` ... when taken); the new path."""
    target = path.with_name(path.name + EDITED)
    n = 2
    while target.exists():
        target = path.with_name(f"{path.name}{EDITED}-{n}")
        n += 1
    os.replace(path, target)
    return target


def _recorded(out_dir: Path, name: str) -> str | None:
    """The hash of ``name`` as the last merge wrote it (None when unknown)."""
    try:
        digest = json.loads((out_dir / STATE).read_text(encoding="utf-8"))["files"][name]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return digest if isinstance(digest, str) else None


def set_aside_edited_trips(out_dir: Path, new_text: str | None = None) -> Path | None:
    """Move ``trips.yaml`` aside when a person edited it: it is neither what the last merge
    wrote nor ``new_text`` (what this one writes, there already after a stopped run). The
    path it was moved to, or None."""
    path = out_dir / TRIPS
    on_disk = file_digest(path)
    if on_disk is None or on_disk == _recorded(out_dir, TRIPS):
        return None
    if new_text is not None and on_disk == hashlib.sha256(new_text.encode("utf-8")).hexdigest():
        return None
    return set_aside(path)


def remove_merged(out_dir: Path) -> tuple[list[Path], Path | None]:
    """Remove the merged files of an earlier run (an edited ``trips.yaml`` is moved aside):
    the files removed, and where the edited one went."""
    aside = set_aside_edited_trips(out_dir)
    removed = []
    for name in (TRIPS, *GEOPARQUET.values()):
        path = out_dir / name
        if path.exists():
            path.unlink()
            removed.append(path)
    (out_dir / STATE).unlink(missing_ok=True)
    return removed, aside


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
