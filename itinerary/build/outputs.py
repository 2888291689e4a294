"""The reduce step's files: the merged ``trips.yaml`` and GeoParquet stops and legs.

Most of a rebuild's merged trips are the trips of the run before: each trip's YAML text and
GeoParquet rows (by column, see :func:`_tables`; and each source's YAML text) are kept in
``.merged-parts.sqlite``, keyed by the SHA-256 of what they are made from, and only the trips
that changed are written out (resolved, routed) again; the files are put together from the
parts (the GeoParquet tables as Arrow arrays of all the trips' columns, with no data frame of
them), the same bytes as when made whole (tested). The store also keeps each traveller's merge for
:func:`itinerary.merge.split.merge_split` (:meth:`Parts.recall`, :meth:`Parts.keep`), so only the
travellers whose drafts changed are merged again. A missing or damaged store is made again; it
holds only the parts of the last merge.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from itinerary import __version__
from itinerary.files import write_text, write_with
from itinerary.io import yaml as yaml_io
from itinerary.model import Itinerary, Source, Trip

TRIPS = "trips.yaml"
GEOPARQUET = {"stop": "stops.parquet", "leg": "legs.parquet"}
STATE = ".merged.json"  # what the merged files were made from, so an unchanged run skips them
EDITED = ".edited"  # the suffix of a file a person edited, moved aside instead of replaced
PARTS = ".merged-parts.sqlite"  # the text of each merged trip and source, kept for the next run
PARTS_VERSION = 3  # in every key: another layout of the parts is never read


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
    merged: Itinerary,
    out_dir: Path,
    key: str,
    *,
    geoparquet: bool = True,
    text: str | None = None,
    parts: Parts | None = None,
) -> list[Path]:
    """Write ``trips.yaml`` (``text`` when given: the YAML of ``merged``) and, when ``geoparquet``,
    ``stops.parquet`` and ``legs.parquet`` (EPSG:4326, one row per stop, one per leg that has a
    line: see :func:`itinerary.io.gis.to_geodataframe`), each atomically; the paths written.
    The parts of trips written before come from ``parts`` (the folder's own when None).
    ``key`` (see :func:`reduce_key`) and the files' hashes are recorded last, for
    :func:`up_to_date`."""
    with contextlib.ExitStack() as stack:
        if parts is None:
            parts = stack.enter_context(Parts.open(out_dir))
        written = [out_dir / TRIPS]
        write_text(written[0], merged_yaml(merged, parts) if text is None else text)
        if geoparquet:
            done, header = _tables(merged, parts)
            for feature, name in GEOPARQUET.items():
                write_with(out_dir / name, _table_writer(_joined(done, feature, header)))
                written.append(out_dir / name)
        parts.save()
    state = {
        "key": key,
        "files": {p.name: file_digest(p) for p in written},
        "trips": len(merged.trips),
        "stops": sum(len(t.stops) for t in merged.trips),
    }
    write_text(out_dir / STATE, json.dumps(state, indent=1) + "\n")
    return written


def merged_yaml(merged: Itinerary, parts: Parts) -> str:
    """:func:`itinerary.io.yaml.dumps` of ``merged``, its trips and sources taken from ``parts``
    when there (the ones made here are added)."""
    trips = parts.texts([("yaml-trip", t) for t in merged.trips], lambda t: yaml_io.trip_text(t))
    sources = parts.texts([("yaml-source", s) for s in merged.sources], lambda s: yaml_io.source_text(s))
    return yaml_io.dumps_from_parts(merged, trips, sources)


#: The property value types whose column pandas and Arrow type by the set of types alone (no
#: value decides it), so a few parts that hold every type of a column are typed as the whole.
_PLAIN = frozenset({"str", "int", "float", "bool", "NoneType", "None", "geometry"})


def _tables(merged: Itinerary, parts: Parts) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Each trip's part of the GeoParquet files, from ``parts`` for the trips made before (only
    the others are resolved, routed and turned into rows), and the ``itinerary`` member of
    ``merged`` (see :func:`itinerary.io.geojson.to_feature_collection`, regions apart). A part:
    ``header`` (the trip's entry) and per feature kind its rows (:func:`_rows`)."""
    from itinerary.io import geojson

    by_id: dict[str, Source] = {}
    for s in merged.sources:
        by_id.setdefault(s.id, s)
    items = [("geo-part", (t, _own_sources(t, by_id))) for t in merged.trips]

    def make_all(missing: list[tuple[Trip, tuple[Source, ...]]]) -> list[str]:
        from itinerary.prepare import prepare

        p = prepare(Itinerary(trips=tuple(t for t, _ in missing)), regions=False)
        made = [
            (
                _stored(geojson.trip_features(Itinerary(sources=mine), t, p.legs.get(t.id, ()))),
                geojson.trip_header(t, p.legs.get(t.id, ())),
            )
            for t, (_, mine) in zip(p.itinerary.trips, missing, strict=True)
        ]
        rows = {feature: _rows([features for features, _ in made], feature) for feature in GEOPARQUET}
        return [
            json.dumps(
                {"header": header, **{feature: rows[feature][i] for feature in GEOPARQUET}},
                ensure_ascii=False,
            )
            for i, (_, header) in enumerate(made)
        ]

    found = [_part(x) for x in parts.texts_many(items, make_all)]
    bad = [i for i, d in enumerate(found) if d is None]
    if bad:  # a damaged part: made again, and kept in its place
        for i, text in zip(bad, make_all([items[i][1] for i in bad]), strict=True):
            parts.replace(*items[i], text)
            found[i] = _part(text)
    done = [d for d in found if d is not None]
    if len(done) != len(found):
        raise AssertionError("a part just made cannot be read back")
    header = {
        "version": merged.version,
        "title": merged.title,
        "as_of": merged.as_of.isoformat() if merged.as_of else None,
        "sources": [geojson.source_header(s) for s in merged.sources],
        "trips": [d["header"] for d in done],
    }
    return done, header


def _part(text: str) -> dict[str, Any] | None:
    """A kept part (see :func:`_tables`) read; None when it is damaged."""
    try:
        part = json.loads(text)
        if not isinstance(part, dict) or not isinstance(part["header"], dict):
            return None
        for feature in GEOPARQUET:
            rows = part[feature]
            n, kinds, wkb, columns = rows["rows"], _kinds_read(rows["kinds"]), rows["wkb"], rows["columns"]
            if kinds is None:
                return None
            if not isinstance(wkb, list) or len(wkb) != n or not isinstance(columns, list):
                return None
            if n and (kinds[0] is None or len(columns) != len(kinds[0])):
                return None
            if any(not isinstance(c, list) or len(c) != n for c in columns):
                return None
            if any(not (w is None or isinstance(w, str)) for w in wkb):
                return None
        return part
    except (ValueError, KeyError, TypeError):
        return None


@functools.lru_cache(maxsize=4096)
def _kinds_read(text: str) -> list[Any] | None:
    """:func:`_kinds` from its JSON text (read once for all the parts that share it); None
    when it is not one."""
    try:
        kinds = json.loads(text)
    except (ValueError, TypeError):
        return None
    if not isinstance(kinds, list) or len(kinds) != 2 or not isinstance(kinds[1], dict):
        return None
    if kinds[0] is not None and not isinstance(kinds[0], list):
        return None
    return kinds


def _kinds(features: list[dict[str, Any]]) -> list[Any]:
    """What types a frame of ``features`` by: their property names in order (the same for
    every feature, else None) and each property's value types (under "": the geometries')."""
    names = [list(f["properties"]) for f in features]
    if any(n != names[0] for n in names):
        return [None, {}]
    types: dict[str, set[str]] = {}
    for f in features:
        for k, v in f["properties"].items():
            types.setdefault(k, set()).add(type(v).__name__)
    types[""] = {"None" if f["wkb"] is None else "geometry" for f in features}
    return [names[0] if names else [], {k: sorted(v) for k, v in types.items()}]


def _rows(made: list[list[dict[str, Any]]], feature: str) -> list[dict[str, Any]]:
    """Each trip's ``feature`` rows (``made``: each trip's stored features), by column:
    ``{"rows": n, "kinds": ... (see :func:`_kinds`), "wkb": [each geometry as the GeoParquet
    writer writes it, hex], "columns": [each property's values]}``."""
    mine = [[f for f in features if f["feature"] == feature] for features in made]
    flat = [f for m in mine for f in m]
    wkb: list[Any] = _arrow(_geodataframe(flat, {})).column("geometry").to_pylist() if flat else []
    out: list[dict[str, Any]] = []
    at = 0
    for m in mine:
        kinds = _kinds(m)
        names = kinds[0] or []
        out.append(
            {
                "rows": len(m),
                "kinds": json.dumps(kinds, ensure_ascii=False),
                "wkb": [None if w is None else w.hex() for w in wkb[at : at + len(m)]],
                "columns": [[f["properties"][k] for f in m] for k in names] if kinds[0] is not None else [],
            }
        )
        at += len(m)
    return out


def _features_of(part: dict[str, Any], feature: str) -> list[dict[str, Any]]:
    """A part's ``feature`` rows as features (:func:`_stored`)."""
    names = (_kinds_read(part["kinds"]) or [[], {}])[0]
    return [
        {"feature": feature, "wkb": w, "properties": dict(zip(names, values, strict=True))}
        for w, *values in zip(part["wkb"], *part["columns"], strict=True)
    ]


def _arrow(gdf: Any) -> Any:
    """The Arrow table the GeoParquet writer makes of ``gdf`` (with its metadata)."""
    from geopandas.io.arrow import _geopandas_to_arrow

    return _geopandas_to_arrow(gdf, index=False)


def _whole(done: list[dict[str, Any]], feature: str, header: dict[str, Any]) -> Any:
    """The ``feature`` file's Arrow table made from the frame of every trip's rows."""
    features = [f for d in done if d[feature]["rows"] for f in _features_of(d[feature], feature)]
    return _arrow(_frame(_geodataframe(features, _Shared(header))))


def _joined(done: list[dict[str, Any]], feature: str, header: dict[str, Any]) -> Any:
    """The ``feature`` file's Arrow table: :func:`_put_together`, else :func:`_whole`."""
    table = _put_together(done, feature, header)
    return _whole(done, feature, header) if table is None else table


def _put_together(done: list[dict[str, Any]], feature: str, header: dict[str, Any]) -> Any:
    """The ``feature`` file's Arrow table, the same as the writer makes of the whole frame of
    every trip's rows: the trips' kept columns put together, typed as the frame of a few parts
    that hold every value type of every column (pandas types a column by those types), with
    the ``geo`` metadata of all the geometries. None when the parts cannot be put together
    (no rows, parts naming their columns otherwise, values of other types)."""
    import geopandas as gpd
    import pyarrow as pa
    import shapely
    from geopandas.io.arrow import _create_metadata, _encode_metadata

    mine = [d[feature] for d in done if d[feature]["rows"]]
    first: dict[str, dict[str, Any]] = {}  # the first part of each kinds text
    for part in mine:
        first.setdefault(part["kinds"], part)
    kinds = [_kinds_read(k) or [None, {}] for k in first]
    names = {json.dumps(k[0]) for k in kinds}
    plain = all(set(t) <= _PLAIN for k in kinds for t in k[1].values())
    if not mine or len(names) != 1 or kinds[0][0] is None or not plain:
        return None
    seen: set[tuple[str, str]] = set()
    sample: list[dict[str, Any]] = []
    for k, part in zip(kinds, first.values(), strict=True):
        pairs = {(name, t) for name, types in k[1].items() for t in types}
        if not pairs <= seen:
            seen |= pairs
            sample += _features_of(part, feature)
    schema = _arrow(_geodataframe(sample, _Shared(header))).schema
    if schema.names != ["geometry", *kinds[0][0]]:
        return None
    wkb: list[Any] = []
    columns: list[list[Any]] = [[] for _ in mine[0]["columns"]]
    for part in mine:
        wkb += part["wkb"]
        for column, values in zip(columns, part["columns"], strict=True):
            column += values
    geometry = [None if w is None else bytes.fromhex(w) for w in wkb]
    try:
        arrays = [pa.array(geometry, type=schema.field(0).type)] + [
            pa.array(values, type=schema.field(i).type, from_pandas=True)
            for i, values in enumerate(columns, 1)
        ]
    except (pa.ArrowException, ValueError, TypeError, OverflowError):  # values pandas types otherwise
        return None
    geoms = gpd.GeoDataFrame(geometry=shapely.from_wkb(geometry), crs="EPSG:4326")
    metadata = dict(schema.metadata) | {b"geo": _encode_metadata(_create_metadata(geoms))}
    return pa.Table.from_arrays(arrays, schema=schema.with_metadata(metadata))


def _stored(features: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """GeoJSON features as kept: the feature kind, the geometry as hex WKB (the geometry
    :meth:`geopandas.GeoDataFrame.from_features` would make of it, and cheaper to read back than
    its coordinates), the properties."""
    import shapely
    from shapely.geometry import shape

    return [
        {
            "feature": f["properties"]["feature"],
            "wkb": shapely.to_wkb(shape(f["geometry"]), hex=True) if f["geometry"] else None,
            "properties": f["properties"],
        }
        for f in features
    ]


def _geodataframe(features: list[dict[str, Any]], header: dict[str, Any]) -> Any:
    """:func:`itinerary.io.gis.from_features` of kept features (:func:`_stored`): the same frame,
    the geometries made from WKB all at once."""
    import geopandas as gpd
    import shapely

    from itinerary.io.gis import _multi

    if not features:
        gdf = gpd.GeoDataFrame(geometry=[], crs="EPSG:4326")
    else:
        geoms = shapely.from_wkb([None if f["wkb"] is None else bytes.fromhex(f["wkb"]) for f in features])
        rows = [{"geometry": g} | f["properties"] for g, f in zip(geoms, features, strict=True)]
        gdf = gpd.GeoDataFrame(rows, crs="EPSG:4326")
    if "geometry" in gdf.columns and not gdf.empty:
        gdf["geometry"] = gdf.geometry.map(_multi)
    gdf.attrs["itinerary"] = header
    return gdf


class _Shared(dict[str, Any]):
    """The ``itinerary`` member in a frame's ``attrs``, shared rather than copied: pandas deep-copies
    ``attrs`` into every column it hands out (a third of the time of writing 10,000 trips' files,
    measured), and this member is only read (by the Parquet writer, as JSON)."""

    def __deepcopy__(self, memo: dict[int, Any]) -> _Shared:
        return self


def _own_sources(trip: Trip, by_id: dict[str, Source]) -> tuple[Source, ...]:
    """The sources the trip's stops name as theirs (their ``source``), once each."""
    ids = dict.fromkeys(s.source for s in trip.stops if s.source)
    return tuple(by_id[i] for i in ids if i in by_id)


class Parts:
    """The store of merged parts in an output folder: ``(kind, object) -> text``, keyed by the
    SHA-256 of the kind, the package and store versions and the object's ``repr`` (every field
    of a frozen model object), or for a trip the merge told (:meth:`known`) the key it was told
    by. Unreadable: empty, made again. :meth:`save` keeps only the parts used since it was opened."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.db: sqlite3.Connection | None = None
        self.new: dict[str, str] = {}
        self.used: set[str] = set()
        self.reprs: dict[int, tuple[Trip, str]] = {}
        if path is not None:
            self.db = _connect(path)

    @classmethod
    @contextlib.contextmanager
    def open(cls, out_dir: Path | None) -> Iterator[Parts]:
        """The store of ``out_dir`` (None: a store that keeps nothing), closed on leaving."""
        parts = cls(None if out_dir is None else out_dir / PARTS)
        try:
            yield parts
        finally:
            if parts.db is not None:
                parts.db.close()

    def texts(self, items: list[tuple[str, Any]], make: Callable[[Any], str]) -> list[str]:
        """The text of each ``(kind, object)``: kept, else ``make(object)``."""
        return self.texts_many(items, lambda missing: [make(x) for x in missing])

    def texts_many(self, items: list[tuple[str, Any]], make: Callable[[list[Any]], list[str]]) -> list[str]:
        """The text of each ``(kind, object)``: kept, else made by ``make`` (all missing objects at once)."""
        keys = [self._key(kind, obj) for kind, obj in items]
        found = self._get(keys)
        missing = [i for i, k in enumerate(keys) if k not in found]
        if missing:
            for i, text in zip(missing, make([items[i][1] for i in missing]), strict=True):
                found[keys[i]] = self.new[keys[i]] = text
        self.used.update(keys)
        return [found[k] for k in keys]

    def replace(self, kind: str, obj: Any, text: str) -> None:
        """Keep ``text`` as the part of ``(kind, obj)`` instead of the one found (saved by :meth:`save`)."""
        self.keep(self._key(kind, obj), text)

    def recall(self, keys: list[str]) -> dict[str, str]:
        """The texts kept under ``keys`` (already keys: see :class:`itinerary.merge.split.Memo`),
        those found kept for the next run."""
        found = self._get(keys)
        self.used.update(found)
        return found

    def keep(self, key: str, text: str) -> None:
        """Keep ``text`` under ``key`` (saved by :meth:`save`)."""
        self.new[key] = text
        self.used.add(key)

    def known(self, trip: Trip, key: str) -> None:
        """``trip`` is all that ``key`` says (see :class:`itinerary.merge.split.Memo`): its parts
        are kept under ``key``, and its ``repr`` is not made."""
        self.reprs[id(trip)] = (trip, f"known\0{key}")

    def _key(self, kind: str, obj: Any) -> str:
        """The key of ``(kind, obj)``; a trip's ``repr`` (the costly part) made once for all kinds."""
        if isinstance(obj, tuple) and obj and isinstance(obj[0], Trip):
            what = self._repr(obj[0]) + repr(obj[1:])
        else:
            what = self._repr(obj) if isinstance(obj, Trip) else repr(obj)
        text = f"{kind}\0{PARTS_VERSION}\0{__version__}\0{what}"
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

    def _repr(self, trip: Trip) -> str:
        found = self.reprs.get(id(trip))
        if found is None or found[0] is not trip:
            found = self.reprs[id(trip)] = (trip, repr(trip))  # the trip held: its id stays its own
        return found[1]

    def _get(self, keys: list[str]) -> dict[str, str]:
        if self.db is None:
            return {}
        try:
            self.db.execute("DELETE FROM wanted")
            self.db.executemany("INSERT OR IGNORE INTO wanted VALUES (?)", ((k,) for k in keys))
            rows = self.db.execute("SELECT parts.key, parts.text FROM parts JOIN wanted USING (key)")
            found = dict(rows.fetchall())
            self.db.commit()
            return found
        except sqlite3.Error:
            self._drop()
            return {}

    def save(self) -> None:
        """Add the parts made since :meth:`open` and forget the ones not used (one transaction)."""
        if self.db is None:
            return
        try:
            with self.db:
                self.db.execute("DELETE FROM wanted")
                self.db.executemany("INSERT OR IGNORE INTO wanted VALUES (?)", ((k,) for k in self.used))
                self.db.execute("DELETE FROM parts WHERE key NOT IN (SELECT key FROM wanted)")
                self.db.executemany("INSERT OR REPLACE INTO parts VALUES (?, ?)", self.new.items())
                self.db.execute("DELETE FROM wanted")
        except sqlite3.Error:
            self._drop()
        self.new = {}

    def _drop(self) -> None:
        """A damaged store: removed, and nothing kept this run."""
        if self.db is not None:
            self.db.close()
            self.db = None
        if self.path is not None:
            self.path.unlink(missing_ok=True)


def _connect(path: Path) -> sqlite3.Connection | None:
    """The store at ``path`` (made when missing, made again when damaged); None when it cannot
    be used (e.g. a folder one may not write to: the parts are then made every run)."""
    for _ in range(2):
        try:
            db = sqlite3.connect(path)
        except (sqlite3.Error, OSError):
            return None
        try:
            db.execute("CREATE TABLE IF NOT EXISTS parts (key TEXT PRIMARY KEY, text TEXT NOT NULL)")
            db.execute("CREATE TEMP TABLE IF NOT EXISTS wanted (key TEXT PRIMARY KEY)")
            return db
        except sqlite3.OperationalError:
            db.close()
            return None
        except sqlite3.Error:  # not a database (damaged, or another file by that name)
            db.close()
            path.unlink(missing_ok=True)
    return None


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
    for name in (TRIPS, *GEOPARQUET.values(), PARTS):
        path = out_dir / name
        if path.exists():
            path.unlink()
            removed.append(path)
    (out_dir / STATE).unlink(missing_ok=True)
    return removed, aside


def _table_writer(table: Any) -> Callable[[Path], None]:
    """Write ``table`` as :meth:`geopandas.GeoDataFrame.to_parquet` writes its table."""

    def write(tmp: Path) -> None:
        import pyarrow.parquet as pq

        pq.write_table(table, tmp, compression="snappy")

    return write


def _frame(gdf: Any) -> Any:
    """An empty selection still needs a geometry column to be a GeoParquet file."""
    import geopandas as gpd

    if "geometry" in gdf.columns:
        return gdf
    return gpd.GeoDataFrame({"feature": []}, geometry=gpd.GeoSeries([], crs="EPSG:4326"))
