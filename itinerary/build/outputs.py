"""The reduce step's files: the merged ``trips.yaml`` and GeoParquet stops and legs.

Most of a rebuild's merged trips are the trips of the run before: each trip's YAML text and
GeoParquet rows (by column, see :func:`_tables`; and each source's YAML text) are kept in
``.merged-parts.sqlite``, keyed by the SHA-256 of what they are made from, and only the trips
that changed are written out (resolved, routed) again; the files are put together from the
parts (the GeoParquet tables as Arrow arrays of all the trips' columns, with no data frame of
them), the same bytes as when made whole (tested). Beside the store, the last merge's GeoParquet tables
are kept as written, each row with its trip's key (``.merged-*.arrow``): a rebuild takes the rows
of the trips it kept from them in one vectorised step, filtered by key and put in the trips' order
(:func:`_from_kept`), and reads no part of theirs. The store also keeps each traveller's merge for
:func:`itinerary.merge.split.merge_split` (:meth:`Parts.recall`, :meth:`Parts.keep`), so only the
travellers whose drafts changed are merged again. A missing or damaged store is made again; it
holds only the parts of the last merge.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from itinerary import __version__
from itinerary.files import BUILD_RECORD, write_text, write_with
from itinerary.io import yaml as yaml_io
from itinerary.merge.stored import own_source_ids, stop_count
from itinerary.model import Itinerary, Source, Trip

TRIPS = "trips.yaml"
GEOPARQUET = {"stop": "stops.parquet", "leg": "legs.parquet"}
STATE = BUILD_RECORD  # what the merged files were made from (an unchanged run skips them; the loader
# reads a large merged file whole when it is the one recorded here)
EDITED = ".edited"  # the suffix of a file a person edited, moved aside instead of replaced
PARTS = ".merged-parts.sqlite"  # the text of each merged trip and source, kept for the next run
PARTS_VERSION = 3  # in every key: another layout of the parts is never read
#: The last merge's GeoParquet tables as written, each row with its trip's part key, and one row a
#: trip (its key, entry and kinds): a rebuild takes the rows of the trips it kept from them in one
#: vectorised step (see :func:`_from_kept`).
KEPT = {"trip": ".merged-trips.arrow", "stop": ".merged-stops.arrow", "leg": ".merged-legs.arrow"}
KEPT_VERSION = 1
KEPT_META = b"itinerary-kept"
ROW_KEY = "__part"  # the kept tables' column of each row's trip part key
_P = TypeVar("_P")


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
            tables, kept = _geo_tables(out_dir, merged, parts)
            for feature, name in GEOPARQUET.items():
                write_with(out_dir / name, _table_writer(tables[feature]))
                written.append(out_dir / name)
            _keep_rows(out_dir, kept)
        parts.save()
    state = {
        "key": key,
        "files": {p.name: file_digest(p) for p in written},
        "trips": len(merged.trips),
        "stops": sum(stop_count(t) for t in merged.trips),
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


def _geo_items(merged: Itinerary) -> list[tuple[str, tuple[Trip, tuple[Source, ...]]]]:
    """Each trip's ``(kind, object)`` in the store of parts: the trip and its own sources."""
    by_id: dict[str, Source] = {}
    for s in merged.sources:
        by_id.setdefault(s.id, s)
    return [("geo-part", (t, _own_sources(t, by_id))) for t in merged.trips]


def _tables(
    merged: Itinerary, parts: Parts, items: list[tuple[str, tuple[Trip, tuple[Source, ...]]]] | None = None
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Each trip's part of the GeoParquet files, from ``parts`` for the trips made before (only
    the others are resolved, routed and turned into rows), and the ``itinerary`` member of
    ``merged`` (see :func:`itinerary.io.geojson.to_feature_collection`, regions apart). A part:
    ``header`` (the trip's entry) and per feature kind its rows (:func:`_rows`). ``items``: the
    trips' :func:`_geo_items` (made here when None)."""
    done = _parts_of(parts, _geo_items(merged) if items is None else items)
    return done, _header(merged, [d["header"] for d in done])


def _header(merged: Itinerary, trips: list[dict[str, Any]]) -> dict[str, Any]:
    """The ``itinerary`` member of the files: the itinerary's fields, its sources and ``trips``."""
    from itinerary.io import geojson

    return {
        "version": merged.version,
        "title": merged.title,
        "as_of": merged.as_of.isoformat() if merged.as_of else None,
        "sources": [geojson.source_header(s) for s in merged.sources],
        "trips": trips,
    }


def _parts_of(parts: Parts, items: list[tuple[str, tuple[Trip, tuple[Source, ...]]]]) -> list[dict[str, Any]]:
    """The parts (see :func:`_tables`) of ``items``: kept, else made (a damaged one made again
    and kept in its place)."""
    from itinerary.io import geojson

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
    return done


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


def _put_together(done: list[dict[str, Any]], feature: str, header: dict[str, Any]) -> Any:
    """The ``feature`` file's Arrow table, the same as the writer makes of the whole frame of
    every trip's rows: the trips' kept columns put together, typed as the frame of a few parts
    that hold every value type of every column (pandas types a column by those types), with
    the ``geo`` metadata of all the geometries. None when the parts cannot be put together
    (no rows, parts naming their columns otherwise, values of other types)."""
    import pyarrow as pa
    import shapely

    mine = [d[feature] for d in done if d[feature]["rows"]]
    first: dict[str, dict[str, Any]] = {}  # the first part of each kinds text
    for part in mine:
        first.setdefault(part["kinds"], part)
    schema = _schema(first, lambda part: part, feature, header)
    if schema is None:
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
    return _with_geo(arrays, schema, shapely.from_wkb(geometry))


def _schema(first: dict[str, _P], rows_of: Callable[[_P], Any], feature: str, header: dict[str, Any]) -> Any:
    """The Arrow schema the writer gives the frame of every trip's ``feature`` rows, from a few
    parts: ``first`` holds the first trip of each kinds text (see :func:`_kinds`) in the trips'
    order, ``rows_of`` gives its rows (None: they cannot be read). None when the parts cannot be
    put together (parts naming their columns otherwise, values of types pandas types otherwise)."""
    kinds = [_kinds_read(k) or [None, {}] for k in first]
    names = {json.dumps(k[0]) for k in kinds}
    plain = all(set(t) <= _PLAIN for k in kinds for t in k[1].values())
    if not first or len(names) != 1 or kinds[0][0] is None or not plain:
        return None
    seen: set[tuple[str, str]] = set()
    sample: list[dict[str, Any]] = []
    for k, trip in zip(kinds, first.values(), strict=True):
        pairs = {(name, t) for name, types in k[1].items() for t in types}
        if not pairs <= seen:
            seen |= pairs
            rows = rows_of(trip)
            if rows is None:
                return None
            sample += _features_of(rows, feature)
    schema = _arrow(_geodataframe(sample, _Shared(header))).schema
    return schema if schema.names == ["geometry", *kinds[0][0]] else None


def _with_geo(arrays: list[Any], schema: Any, geometries: Any) -> Any:
    """The table of ``arrays`` with the ``geo`` metadata of ``geometries`` (the shapely geometries
    of its rows) added to ``schema``'s."""
    import geopandas as gpd
    import pyarrow as pa
    from geopandas.io.arrow import _create_metadata, _encode_metadata

    geoms = gpd.GeoDataFrame(geometry=geometries, crs="EPSG:4326")
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
    return tuple(by_id[i] for i in own_source_ids(trip) if i in by_id)


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

    def keys(self, items: list[tuple[str, Any]]) -> list[str]:
        """The key of each ``(kind, object)``, each marked as wanted (kept by :meth:`save`)."""
        keys = [self._key(kind, obj) for kind, obj in items]
        self.used.update(keys)
        return keys

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

    def hold(self, keys: list[str]) -> None:
        """The texts kept under ``keys`` stay for the next run (see :class:`itinerary.merge.split.Memo`)."""
        self.used.update(keys)

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
        """Add the parts made since :meth:`open` and forget the ones not used (one transaction).
        The parts not used are found among the keys alone (the key index, not the rows and their
        texts, is read): a rebuild drops few parts of a store of many."""
        if self.db is None:
            return
        try:
            with self.db:
                stored = self.db.execute("SELECT key FROM parts")  # the key index only
                unused = [row for row in stored.fetchall() if row[0] not in self.used]
                self.db.executemany("DELETE FROM parts WHERE key = ?", unused)
                self.db.executemany("INSERT OR REPLACE INTO parts VALUES (?, ?)", self.new.items())
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
    for name in KEPT.values():  # the store's Arrow side: it leaves with it
        (out_dir / name).unlink(missing_ok=True)
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


# ---------------------------------------------------------------- the kept rows (one scan in C)


@dataclasses.dataclass(frozen=True)
class _Kept:
    """What :func:`_keep_rows` writes: one row a trip (``trips``: its part key, its entry in the
    ``itinerary`` member as JSON, and per feature the kinds text and count of its rows) and per
    feature the table written, each row with its trip's key (column :data:`ROW_KEY`)."""

    trips: Any
    rows: dict[str, Any]

    @classmethod
    def of(cls, done: list[dict[str, Any]], keys: list[str], tables: dict[str, Any]) -> _Kept:
        """From the parts of the trips (in order) and the tables put together from them."""
        import numpy as np
        import pyarrow as pa

        trips = _trip_table(
            keys,
            [json.dumps(d["header"], ensure_ascii=False) for d in done],
            {f: [d[f]["kinds"] for d in done] for f in GEOPARQUET},
            {f: [d[f]["rows"] for d in done] for f in GEOPARQUET},
        )
        at = pa.array(keys, type=pa.string())
        rows = {
            f: tables[f].append_column(
                ROW_KEY, at.take(pa.array(np.repeat(np.arange(len(keys)), [d[f]["rows"] for d in done])))
            )
            for f in GEOPARQUET
        }
        return cls(trips, rows)


def _trip_table(
    keys: list[str], headers: list[str], kinds: dict[str, list[str]], counts: dict[str, list[int]]
) -> Any:
    import pyarrow as pa

    columns: dict[str, Any] = {"key": pa.array(keys, pa.string()), "header": pa.array(headers, pa.string())}
    for f in GEOPARQUET:
        columns[f"{f}_kinds"] = pa.array(kinds[f], pa.string())
        columns[f"{f}_rows"] = pa.array(counts[f], pa.int64())
    return pa.table(columns)


def _keep_rows(out_dir: Path, kept: _Kept | None) -> None:
    """Write the kept tables (each atomically, all carrying one token: the hash of the trips' keys
    and row counts, so tables of two runs are never read together); with none, remove them."""
    if kept is None:
        for name in KEPT.values():
            (out_dir / name).unlink(missing_ok=True)
        return
    h = hashlib.sha256(f"{KEPT_VERSION}".encode())
    for column in ("key", "stop_rows", "leg_rows"):
        h.update(json.dumps(kept.trips.column(column).to_pylist()).encode())
    token = f"{KEPT_VERSION} {h.hexdigest()}".encode()
    for what, table in [("trip", kept.trips), *kept.rows.items()]:
        meta = dict(table.schema.metadata or {}) | {KEPT_META: token}
        write_with(out_dir / KEPT[what], _ipc_writer(table.replace_schema_metadata(meta)))


def _ipc_writer(table: Any) -> Callable[[Path], None]:
    def write(tmp: Path) -> None:
        import pyarrow as pa

        options = pa.ipc.IpcWriteOptions(compression="zstd")
        with (
            pa.OSFile(str(tmp), "wb") as sink,
            pa.ipc.new_file(sink, table.schema, options=options) as writer,
        ):
            writer.write_table(table)

    return write


def _read_kept(out_dir: Path) -> dict[str, Any] | None:
    """The kept tables (see :func:`_keep_rows`), or None when one is missing, damaged, of another
    version, or not of the same run as the others."""
    import pyarrow as pa
    import pyarrow.compute as pc

    tables: dict[str, Any] = {}
    try:
        for what, name in KEPT.items():
            with pa.memory_map(str(out_dir / name)) as source:
                tables[what] = pa.ipc.open_file(source).read_all()
    except (OSError, pa.ArrowException, ValueError):
        return None
    tokens = {(t.schema.metadata or {}).get(KEPT_META) for t in tables.values()}
    token = tokens.pop() if len(tokens) == 1 else None
    if token is None or not token.startswith(f"{KEPT_VERSION} ".encode()):
        return None
    trips = tables["trip"]
    wanted = ["key", "header", *(f"{f}_{c}" for f in GEOPARQUET for c in ("kinds", "rows"))]
    if trips.schema.names != wanted:
        return None
    for f in GEOPARQUET:
        rows = tables[f]
        if rows.schema.names[-1:] != [ROW_KEY] or rows.num_rows != (pc.sum(trips[f"{f}_rows"]).as_py() or 0):
            return None
    return tables


def _geo_tables(out_dir: Path, merged: Itinerary, parts: Parts) -> tuple[dict[str, Any], _Kept | None]:
    """The GeoParquet tables of ``merged`` by feature, and what to keep of them for the next merge
    (None: nothing): from the kept tables of the last merge when they serve (:func:`_from_kept`),
    else put together from every trip's part, else made whole."""
    items = _geo_items(merged)
    keys = parts.keys(items)
    found = _from_kept(out_dir, parts, merged, items, keys)
    if found is not None:
        return found
    done, header = _tables(merged, parts, items)
    joined = {feature: _put_together(done, feature, header) for feature in GEOPARQUET}
    tables = {f: _whole(done, f, header) if t is None else t for f, t in joined.items()}
    if any(t is None for t in joined.values()):
        return tables, None
    return tables, _Kept.of(done, keys, tables)


def _from_kept(
    out_dir: Path,
    parts: Parts,
    merged: Itinerary,
    items: list[tuple[str, tuple[Trip, tuple[Source, ...]]]],
    keys: list[str],
) -> tuple[dict[str, Any], _Kept] | None:
    """The GeoParquet tables of the trips ``items`` (their part ``keys``), the rows of the trips
    of the last merge taken from its kept tables in one vectorised step (filtered by key, put in
    the trips' order), the others' made from their parts: the same tables as put together from
    every trip's part (tested). With them, the tables to keep for the next merge. None when that
    cannot be done (no kept tables, another typing of a column, a sample part missing): the
    tables are then put together from the parts."""
    if parts.db is None or not items or len(set(keys)) != len(keys):
        return None
    kept = _read_kept(out_dir)
    if kept is None:
        return None
    import pyarrow as pa
    import pyarrow.compute as pc

    order = pa.array(keys, pa.string())
    at = pc.index_in(order, value_set=kept["trip"]["key"])
    new = [i for i, row in enumerate(at.to_pylist()) if row is None]
    made = dict(zip(new, _parts_of(parts, [items[i] for i in new]), strict=True))
    headers, kinds, counts = _trip_columns(kept["trip"].take(at.fill_null(0)), made)
    header = _header(merged, [json.loads(h) for h in headers])
    firsts: dict[str, dict[str, int]] = {}  # per feature, the first trip of each kinds text
    for f in GEOPARQUET:
        firsts[f] = {}
        for i, (k, n) in enumerate(zip(kinds[f], counts[f], strict=True)):
            if n:
                firsts[f].setdefault(k, i)
    wanted = sorted({keys[i] for first in firsts.values() for i in first.values() if i not in made})
    texts = parts.recall(wanted)  # the parts a sample may need, in one query
    tables: dict[str, Any] = {}
    rows: dict[str, Any] = {}
    for f in GEOPARQUET:

        def sample(i: int, f: str = f) -> dict[str, Any] | None:
            part = made.get(i) or _part(texts.get(keys[i], ""))
            return None if part is None else dict(part[f])

        schema = _schema(firsts[f], sample, f, header)
        if schema is None:
            return None
        found = _feature_from_kept(kept[f], schema, order, [(i, made[i][f]) for i in sorted(made)])
        if found is None or found[0].num_rows != sum(counts[f]):
            return None
        tables[f], rows[f] = found
    return tables, _Kept(_trip_table(keys, headers, kinds, counts), rows)


def _trip_columns(
    old: Any, made: dict[int, dict[str, Any]]
) -> tuple[list[str], dict[str, list[str]], dict[str, list[int]]]:
    """Each trip's entry (JSON), and per feature its kinds text and count of rows: from the kept
    table's rows ``old`` (one a trip, in order), the trips ``made`` here (index -> part) from
    their parts."""
    headers = old["header"].to_pylist()
    for i, part in made.items():
        headers[i] = json.dumps(part["header"], ensure_ascii=False)
    kinds: dict[str, list[str]] = {}
    counts: dict[str, list[int]] = {}
    for f in GEOPARQUET:
        kinds[f], counts[f] = old[f"{f}_kinds"].to_pylist(), old[f"{f}_rows"].to_pylist()
        for i, part in made.items():
            kinds[f][i], counts[f][i] = part[f]["kinds"], part[f]["rows"]
    return headers, kinds, counts


def _feature_from_kept(
    kept: Any, schema: Any, order: Any, made: list[tuple[int, dict[str, Any]]]
) -> tuple[Any, Any] | None:
    """One feature's table (typed by ``schema``) and its kept table: the rows of ``kept`` whose
    trip is in ``order`` (the keys of the merge's trips), with the rows of the trips ``made``
    (their index in ``order`` and rows), in the trips' order. None when the kept rows are not
    typed as ``schema`` types them (a column that the trips gone or come type otherwise)."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc
    import shapely

    if kept.schema.remove(len(kept.schema) - 1).remove_metadata() != schema.remove_metadata():
        return None
    where = pc.index_in(kept[ROW_KEY], value_set=order)
    valid = pc.is_valid(where)
    columns = [kept.column(j).filter(valid).chunks for j in range(len(schema))]
    position = where.filter(valid).cast(pa.int64()).chunks
    mine = [(i, p) for i, p in made if p["rows"]]
    if mine:
        try:
            wkb = [None if w is None else bytes.fromhex(w) for _, p in mine for w in p["wkb"]]
            columns[0] = [*columns[0], pa.array(wkb, type=schema.field(0).type)]
            for j in range(1, len(schema)):
                values = [v for _, p in mine for v in p["columns"][j - 1]]
                columns[j] = [*columns[j], pa.array(values, type=schema.field(j).type, from_pandas=True)]
        except (pa.ArrowException, ValueError, TypeError, OverflowError, IndexError):
            return None
        at = np.repeat([i for i, _ in mine], [p["rows"] for _, p in mine])
        position = [*position, pa.array(at, pa.int64())]
    pos = pa.chunked_array(position, pa.int64())
    ranked = pa.table({"pos": pos, "seq": pa.array(np.arange(len(pos)))})
    index = pc.sort_indices(ranked, sort_keys=[("pos", "ascending"), ("seq", "ascending")])
    arrays = [
        pa.chunked_array(c, schema.field(j).type).take(index).combine_chunks() for j, c in enumerate(columns)
    ]
    table = _with_geo(arrays, schema, shapely.from_wkb(arrays[0].to_numpy(zero_copy_only=False)))
    return table, table.append_column(ROW_KEY, order.take(pos.take(index)))
