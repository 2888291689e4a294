"""The reduce step's files: the merged ``trips.yaml`` and GeoParquet stops and legs.

Most of a rebuild's merged trips are the trips of the run before: each trip's YAML text and
GeoParquet rows (by column, see :func:`_tables`; and each source's YAML text) are kept in
``.merged-parts.sqlite``, keyed by the SHA-256 of what they are made from, and only the trips
that changed are written out (resolved, routed) again; the files are put together from the
parts (the GeoParquet tables as Arrow arrays of all the trips' columns, with no data frame of
them), the same bytes as when made whole (tested). Beside the store, the last merge's GeoParquet
tables are kept as written (``.merged-*.arrow``), with a table of one row a trip: its key, its
entry in the files' ``itinerary`` member, and per feature its rows' count, bounds and geometry
types. A rebuild takes the rows of the trips it kept from them as slices (a run of trips kept in
the same order is one slice), their entries and the ``geo`` metadata from that trip table
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
KEPT_VERSION = 2
KEPT_META = b"itinerary-kept"
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


def _header(merged: Itinerary, trips: list[dict[str, Any]] | str) -> dict[str, Any]:
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
    schema = _schema(first, lambda part: part, feature, json.dumps(header))
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


def _schema(first: dict[str, _P], rows_of: Callable[[_P], Any], feature: str, header: str) -> Any:
    """The Arrow schema the writer gives the frame of every trip's ``feature`` rows, from a few
    parts: ``first`` holds the first trip of each kinds text (see :func:`_kinds`) in the trips'
    order, ``rows_of`` gives its rows (None: they cannot be read); ``header``: the ``itinerary``
    member as :func:`json.dumps` writes it (see :func:`_with_header`). None when the parts cannot
    be put together (parts naming their columns otherwise, values of types pandas types otherwise)."""
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
    schema = _with_header(_arrow(_geodataframe(sample, {_MARK: None})).schema, header)
    return schema if schema is not None and schema.names == ["geometry", *kinds[0][0]] else None


#: What stands for the ``itinerary`` member while a schema is made (see :func:`_with_header`).
_MARK = "\0itinerary member\0"


def _with_header(schema: Any, header: str) -> Any:
    """``schema`` (of a frame whose ``itinerary`` member is ``{_MARK: None}``) with the member
    ``header`` (its :func:`json.dumps` text) in its metadata, the bytes the writer gives the frame
    holding that member: the frame's ``attrs`` are kept as :func:`json.dumps` of them, and
    ``json.dumps`` writes a value inside a dict as it writes it alone. The member, O(trips), is
    then written once a rebuild instead of once a frame made. None when the mark is not found
    once."""
    meta = dict(schema.metadata or {})
    text = meta.get(_ATTRS, b"").decode("utf-8")
    mark = json.dumps({_MARK: None})
    if text.count(mark) != 1:
        return None
    meta[_ATTRS] = text.replace(mark, header).encode("utf-8")
    return schema.with_metadata(meta)


_ATTRS = b"PANDAS_ATTRS"  # where the GeoParquet writer keeps a frame's ``attrs``


def _header_text(merged: Itinerary, trips: list[str]) -> str:
    """:func:`json.dumps` of :func:`_header` of ``merged`` whose ``trips`` are given as their own
    :func:`json.dumps` texts (kept, so a rebuild reads no trip's entry back)."""
    mark = json.dumps(_MARK)
    text = json.dumps(_header(merged, _MARK))
    if text.count(mark) != 1:  # the mark in the itinerary's own fields: made whole
        return json.dumps(_header(merged, [json.loads(t) for t in trips]))
    return text.replace(mark, "[" + ", ".join(trips) + "]")


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
            # the keys wanted are the outer loop (CROSS JOIN keeps the order given): a few keys are
            # looked up in the store's index, where a plain join may scan every part of the store
            rows = self.db.execute(
                "SELECT parts.key, parts.text FROM wanted CROSS JOIN parts ON parts.key = wanted.key"
            )
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


# ---------------------------------------------------------------- the kept rows (slices, in C)


#: Per feature, the kept trip table's columns of each trip's rows: their kinds text and count,
#: their bounds (the NaN-skipping least and greatest x and y of their geometries: NaN for none)
#: and the set of their geometry types (bit ``i``: GeoParquet type id ``i``, 8 added for Z).
_TRIP_FEATURE_COLUMNS = ("kinds", "rows", "x0", "y0", "x1", "y1", "types")


@dataclasses.dataclass(frozen=True)
class _Kept:
    """What :func:`_keep_rows` writes: one row a trip (``trips``: its part key, its entry in the
    ``itinerary`` member as :func:`json.dumps` writes it, and per feature the columns
    :data:`_TRIP_FEATURE_COLUMNS`) and per feature the table written (the rows of each trip
    follow one another, in the trips' order)."""

    trips: Any
    rows: dict[str, Any]

    @classmethod
    def of(cls, done: list[dict[str, Any]], keys: list[str], tables: dict[str, Any]) -> _Kept:
        """From the parts of the trips (in order) and the tables put together from them."""
        import shapely

        columns: dict[str, list[Any]] = {}
        for f in GEOPARQUET:
            counts = [d[f]["rows"] for d in done]
            geoms = shapely.from_wkb(tables[f].column(0).to_numpy(zero_copy_only=False))
            bounds, types = _trip_geo(geoms, counts)
            columns |= {f"{f}_kinds": [d[f]["kinds"] for d in done], f"{f}_rows": counts}
            columns |= {f"{f}_{c}": list(bounds[:, i]) for i, c in enumerate(("x0", "y0", "x1", "y1"))}
            columns[f"{f}_types"] = list(types)
        return cls(_trip_table(keys, [json.dumps(d["header"]) for d in done], columns), dict(tables))


def _trip_geo(geoms: Any, counts: list[int]) -> tuple[Any, Any]:
    """Per trip whose rows (``counts`` of them, in order) hold the shapely geometries ``geoms``:
    their bounds (an array of rows ``x0 y0 x1 y1``, NaN for none) and their geometry types (a bit
    set, see :data:`_TRIP_FEATURE_COLUMNS`), as :func:`geopandas.io.arrow._create_metadata`
    finds them for a whole column."""
    import numpy as np
    import shapely

    n = len(counts)
    bounds = np.full((n, 4), np.nan)
    types = np.zeros(n, dtype=np.int64)
    full = np.flatnonzero(np.asarray(counts, dtype=np.int64) > 0)
    if len(geoms) == 0 or len(full) == 0:
        return bounds, types
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])[full]
    b = shapely.bounds(geoms)
    for i, reduce in enumerate((np.fmin, np.fmin, np.fmax, np.fmax)):
        bounds[full, i] = reduce.reduceat(b[:, i], starts)
    ids = shapely.get_type_id(geoms)
    ids[shapely.has_z(geoms)] += 8
    bits = np.where(ids >= 0, np.left_shift(1, np.clip(ids, 0, None)), 0).astype(np.int64)
    types[full] = np.bitwise_or.reduceat(bits, starts)
    return bounds, types


def _geo_metadata(bounds: Any, types: Any) -> bytes | None:
    """The ``geo`` metadata the writer gives a column whose trips' rows have ``bounds`` and
    ``types`` (see :func:`_trip_geo`): their least and greatest bounds and every type. None when
    a bound is a zero (which zero, -0.0 or 0.0, the whole column's least is, depends on the order
    it is read in: the geometries themselves are read instead)."""
    import warnings

    import geopandas as gpd
    import numpy as np
    from geopandas.io.arrow import _create_metadata, _encode_metadata, _geometry_type_names

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", r"All-NaN (slice|axis) encountered", RuntimeWarning)
        total = [
            np.nanmin(bounds[:, 0]) if len(bounds) else np.nan,
            np.nanmin(bounds[:, 1]) if len(bounds) else np.nan,
            np.nanmax(bounds[:, 2]) if len(bounds) else np.nan,
            np.nanmax(bounds[:, 3]) if len(bounds) else np.nan,
        ]
    if any(x == 0 for x in total):
        return None
    every = int(np.bitwise_or.reduce(types)) if len(types) else 0
    meta = _create_metadata(gpd.GeoDataFrame(geometry=gpd.GeoSeries([], crs="EPSG:4326")))
    column = meta["columns"]["geometry"]
    column["geometry_types"] = sorted(_geometry_type_names[i] for i in range(16) if every >> i & 1)
    if np.isfinite(total).all():
        column["bbox"] = [float(x) for x in total]
    encoded: bytes = _encode_metadata(meta)
    return encoded


def _trip_table(keys: list[str], headers: list[str], columns: dict[str, list[Any]]) -> Any:
    """The kept trip table (see :class:`_Kept`) of trips with part ``keys``, entries ``headers``
    and per feature the :data:`_TRIP_FEATURE_COLUMNS` in ``columns`` (named ``feature_column``),
    each column typed alike whatever its values (an empty list included), so the tables of two
    runs concatenate."""
    import pyarrow as pa

    table: dict[str, Any] = {"key": pa.array(keys, pa.string()), "header": pa.array(headers, pa.string())}
    for f in GEOPARQUET:
        for c in _TRIP_FEATURE_COLUMNS:
            kind = {"kinds": pa.string(), "rows": pa.int64(), "types": pa.int64()}.get(c, pa.float64())
            table[f"{f}_{c}"] = pa.array(columns[f"{f}_{c}"], kind)
    return pa.table(table)


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

        # LZ4: a rebuild reads and writes the kept tables whole; with zstd (files 40% smaller)
        # reading them took five times the CPU and writing them 1.4 times (10,000 drafts, measured)
        options = pa.ipc.IpcWriteOptions(compression="lz4")
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
    wanted = ["key", "header", *(f"{f}_{c}" for f in GEOPARQUET for c in _TRIP_FEATURE_COLUMNS)]
    if trips.schema.names != wanted:
        return None
    for f in GEOPARQUET:
        if tables[f].num_rows != (pc.sum(trips[f"{f}_rows"]).as_py() or 0):
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
    """The GeoParquet tables of the trips ``items`` (their part ``keys``): the rows of the trips of
    the last merge taken from its kept tables as slices (a run of trips kept in the same order is
    one slice), the others' made from their parts, put one after another in the trips' order;
    their ``geo`` metadata from each trip's kept bounds and types, and the ``itinerary`` member
    from each trip's kept entry. The same tables as put together from every trip's part (tested).
    With them, the tables to keep for the next merge. None when that cannot be done (no kept
    tables, another typing of a column, a sample part missing): the tables are then put together
    from the parts."""
    if parts.db is None or not items or len(set(keys)) != len(keys):
        return None
    kept = _read_kept(out_dir)
    if kept is None:
        return None
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    found = pc.index_in(pa.array(keys, pa.string()), value_set=kept["trip"]["key"])
    where: list[int | None] = found.to_pylist()
    new = [i for i, row in enumerate(where) if row is None]
    made = dict(zip(new, _parts_of(parts, [items[i] for i in new]), strict=True))
    trips = _trips_now(kept["trip"], where, keys, made)
    header = _header_text(merged, trips["header"].to_pylist())
    columns = {f"{f}_{c}": trips[f"{f}_{c}"].to_pylist() for f in GEOPARQUET for c in ("kinds", "rows")}
    firsts: dict[str, dict[str, int]] = {}  # per feature, the first trip of each kinds text
    for f in GEOPARQUET:
        firsts[f] = {}
        for i, (k, n) in enumerate(zip(columns[f"{f}_kinds"], columns[f"{f}_rows"], strict=True)):
            if n:
                firsts[f].setdefault(k, i)
    wanted = sorted({keys[i] for first in firsts.values() for i in first.values() if i not in made})
    texts = parts.recall(wanted)  # the parts a sample may need, in one query
    tables: dict[str, Any] = {}
    for f in GEOPARQUET:

        def sample(i: int, f: str = f) -> dict[str, Any] | None:
            part = made.get(i) or _part(texts.get(keys[i], ""))
            return None if part is None else dict(part[f])

        schema = _schema(firsts[f], sample, f, header)
        if schema is None:
            return None
        counts = kept["trip"][f"{f}_rows"].to_numpy()
        starts = np.concatenate([[0], np.cumsum(counts)]).tolist()
        table = _feature_from_kept(kept[f], schema, where, starts, [(i, made[i][f]) for i in sorted(made)])
        if table is None or table.num_rows != sum(columns[f"{f}_rows"]):
            return None
        tables[f] = _with_kept_geo(table, schema, trips, f)
    return tables, _Kept(trips, tables)


def _with_kept_geo(table: Any, schema: Any, trips: Any, f: str) -> Any:
    """``table`` with the ``geo`` metadata of its trips' bounds and types (their columns of the
    kept trip table ``trips``), or of its geometries when a bound is a zero."""
    import numpy as np
    import pyarrow as pa

    bounds = np.array(
        [trips[f"{f}_{c}"].to_numpy() for c in ("x0", "y0", "x1", "y1")], dtype=np.float64
    ).T.reshape(-1, 4)
    geo = _geo_metadata(bounds, np.asarray(trips[f"{f}_types"].to_numpy(), dtype=np.int64))
    if geo is None:
        import shapely

        return _with_geo(table.columns, schema, shapely.from_wkb(table.column(0).to_numpy(False)))
    return pa.Table.from_arrays(
        table.columns, schema=schema.with_metadata(dict(schema.metadata) | {b"geo": geo})
    )


def _trips_now(kept: Any, where: list[int | None], keys: list[str], made: dict[int, dict[str, Any]]) -> Any:
    """The kept trip table of this merge's trips (their part ``keys``, in order): each trip's row
    taken from the last merge's table ``kept`` (``where``: its row there, None for one made here),
    the rows of the trips ``made`` here (index -> part) made from their parts, in one take."""
    import numpy as np
    import pyarrow as pa

    order = sorted(made)
    columns: dict[str, list[Any]] = {}
    for f in GEOPARQUET:
        columns |= _made_columns(f, [made[i][f] for i in order])
    extra = _trip_table([keys[i] for i in order], [json.dumps(made[i]["header"]) for i in order], columns)
    both = pa.concat_tables([kept.replace_schema_metadata(None), extra])
    at = {i: kept.num_rows + n for n, i in enumerate(order)}
    index = np.array([at[i] if k is None else k for i, k in enumerate(where)], dtype=np.int64)
    return both.take(pa.array(index))


def _made_columns(f: str, rows: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """The kept trip table's ``f`` columns of trips made here (their ``f`` rows, in order), from
    their parts."""
    import shapely

    geoms = shapely.from_wkb([None if w is None else bytes.fromhex(w) for r in rows for w in r["wkb"]])
    bounds, types = _trip_geo(geoms, [r["rows"] for r in rows])
    out: dict[str, list[Any]] = {
        f"{f}_kinds": [r["kinds"] for r in rows],
        f"{f}_rows": [r["rows"] for r in rows],
    }
    for j, c in enumerate(("x0", "y0", "x1", "y1")):
        out[f"{f}_{c}"] = [float(x) for x in bounds[:, j]]
    out[f"{f}_types"] = [int(x) for x in types]
    return out


def _feature_from_kept(
    kept: Any, schema: Any, where: list[int | None], starts: list[int], made: list[tuple[int, dict[str, Any]]]
) -> Any:
    """One feature's table (typed by ``schema``, without its ``geo`` metadata): for each trip in
    order (``where``: its row in the kept trip table, None for one ``made`` here, whose index in
    the trips' order and rows are given), its rows: a kept trip's are rows ``starts[k]`` to
    ``starts[k + 1]`` of ``kept``, the table of the last merge, and a run of trips that follow one
    another there is taken as one slice. None when the kept rows are not typed as ``schema`` types
    them (a column that the trips gone or come type otherwise)."""
    import pyarrow as pa

    if kept.schema.remove_metadata() != schema.remove_metadata():
        return None
    width = len(schema)
    olds = [kept.column(j) for j in range(width)]
    olds = [c.chunk(0) if c.num_chunks == 1 else pa.concat_arrays(c.chunks) for c in olds]
    mine = [(i, p) for i, p in made if p["rows"]]
    news: list[Any] = []
    at: dict[int, int] = {}  # a trip made here -> its first row among ``news``
    if mine:
        try:
            wkb = [None if w is None else bytes.fromhex(w) for _, p in mine for w in p["wkb"]]
            news = [pa.array(wkb, type=schema.field(0).type)]
            for j in range(1, width):
                values = [v for _, p in mine for v in p["columns"][j - 1]]
                news.append(pa.array(values, type=schema.field(j).type, from_pandas=True))
        except (pa.ArrowException, ValueError, TypeError, OverflowError, IndexError):
            return None
        first = 0
        for i, p in mine:
            at[i] = first
            first += p["rows"]
    rows = {i: p["rows"] for i, p in mine}
    runs: list[tuple[bool, int, int]] = []  # (kept?, first row, end row)
    for i, k in enumerate(where):
        if k is None:
            if i in at:
                runs.append((False, at[i], at[i] + rows[i]))
            continue
        begin, end = starts[k], starts[k + 1]
        if begin == end:
            continue
        if runs and runs[-1][0] and runs[-1][2] == begin:
            runs[-1] = (True, runs[-1][1], end)
        else:
            runs.append((True, begin, end))
    arrays = []
    for j in range(width):
        pieces = [(olds if is_kept else news)[j].slice(a, b - a) for is_kept, a, b in runs]
        arrays.append(pa.concat_arrays(pieces) if pieces else olds[j].slice(0, 0))
    return pa.Table.from_arrays(arrays, schema=schema)
