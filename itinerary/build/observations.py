"""The observation table: every draft's stops as rows of a Parquet table beside the drafts, so a
rebuild reads rows, not YAML.

``observations/stops/`` holds one row per stop of every draft: the article's name, the hash of
its draft (the SHA-256 of the draft file, as the manifest records it), the trip and stop index, a
few plain columns to query (traveller, place, status, date, source, lat, lon), and the stop in the
layout of the itinerary file (``stop``, JSON). ``observations/drafts/`` holds one row per draft:
the same key and the rest of the draft (title, as-of day, sources, the trips' own fields; JSON).
Each is a Parquet dataset of ``PARTS`` files (``part-NN.parquet``; ``pyarrow.parquet.read_table``
or ``pandas.read_parquet`` of the folder reads it whole), an article's rows always in the part its
name hashes to, so a rebuild after one article changed writes two small files, not the whole
table. A draft read back from its rows is the draft read from its YAML file (:func:`draft_rows`,
:func:`from_rows`; tested on every development draft).

The table is kept in step with the drafts by :class:`Observations`: rows of a draft whose hash
changed, of an article that failed, found no trip, or left the input, are dropped; a new draft
adds its rows. Every file is written atomically, a part's stops before its drafts, the two
sharing a token (a hash of the part's articles and draft hashes) in their metadata: a part whose
files do not share it (a run stopped between the two), a damaged or foreign part, is read as
empty and made again from the drafts.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from itinerary.files import write_with
from itinerary.io import yaml as yaml_io
from itinerary.model import Itinerary

FOLDER = "observations"
STOPS = "stops"  # a folder of parts: ``stops/part-NN.parquet``
DRAFTS = "drafts"  # likewise, one row per draft
PARTS = (
    32  # the parts an article's rows are spread over by its name (a rebuild writes only those that changed)
)
LEGACY = ("stops.parquet", "drafts.parquet")  # the one-file layout of version 1: removed
TABLE_VERSION = 2  # in the files' metadata: another version is rebuilt from the drafts
META = b"itinerary-observations"

STOP_COLUMNS = (
    "article",
    "draft",
    "trip",
    "stop",
    "traveller",
    "place",
    "status",
    "date",
    "source",
    "lat",
    "lon",
    "data",
)
DRAFT_COLUMNS = ("article", "draft", "head")


def draft_rows(name: str, digest: str, draft: Itinerary) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The draft's row (its head) and its stop rows."""
    data = yaml_io.to_data(draft)
    stops: list[dict[str, Any]] = []
    for ti, trip in enumerate(data["trips"]):
        for si, stop in enumerate(trip.pop("stops")):
            stops.append(
                {
                    "article": name,
                    "draft": digest,
                    "trip": ti,
                    "stop": si,
                    "traveller": trip.get("traveller"),
                    "place": stop.get("place"),
                    "status": stop.get("status"),
                    "date": stop.get("date"),
                    "source": stop.get("source") or (stop.get("sources") or [None])[0],
                    "lat": stop.get("lat"),
                    "lon": stop.get("lon"),
                    "data": json.dumps(stop, ensure_ascii=False, separators=(",", ":")),
                }
            )
    head = {
        "article": name,
        "draft": digest,
        "head": json.dumps(data, ensure_ascii=False, separators=(",", ":")),
    }
    return head, stops


def from_rows(head: str, stops: Iterable[tuple[int, str]], source: str) -> Itinerary:
    """A draft from its head and its ``(trip index, stop JSON)`` rows in order."""
    data = json.loads(head)
    for trip in data["trips"]:
        trip["stops"] = []
    for ti, stop in stops:
        data["trips"][ti]["stops"].append(json.loads(stop))
    return yaml_io._build(data, {}, source)


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """The cyclic garbage collector paused: reading the rows and merging make millions of small
    objects that are kept, so its passes find nothing and cost a third of the time (measured at
    30,000 drafts); reference counting still frees what is dropped.

    On leaving, the objects made meanwhile join the oldest generation (``gc.freeze`` then
    ``gc.unfreeze``, which moves them there at no cost), so the first collection after it does
    not walk them all as young objects (0.25 s a million objects, measured); they are still
    collected by the next full collection. Skipped when something else froze objects (whose
    permanent generation is not ours to empty)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            if gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()


@dataclass
class Observations:
    """The table of ``out_dir``: read once, changed in memory; the parts that changed are written
    back."""

    out_dir: Path
    heads: dict[str, tuple[str, str]] = field(default_factory=dict)  # article -> (draft hash, head)
    stops: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # article -> (trip, stop JSON)
    extra: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # article -> new stop rows
    dirty: set[int] = field(default_factory=set)  # the parts to write again
    _rows: dict[int, Any] = field(
        default_factory=dict, repr=False, compare=False
    )  # each part's stops, as read
    _legacy: bool = False  # the files of the one-file layout are there (removed by :meth:`write`)

    @property
    def folder(self) -> Path:
        return self.out_dir / FOLDER

    @property
    def changed(self) -> bool:
        """Something to write: a part changed, or an older layout's files are to go."""
        return bool(self.dirty) or self._legacy

    @functools.cached_property
    def _where(self) -> str:
        """The stops' folder as errors name it (made once: a rebuild reads every draft)."""
        return str(self.folder / STOPS)

    @classmethod
    def read(cls, out_dir: Path) -> Observations:
        """The table of ``out_dir`` (empty when there is none). A part that cannot be read (damaged,
        written by another version, or its two files not written together) is left out, and
        written again from the drafts."""
        table = cls(out_dir)
        if not table.folder.is_dir():
            return table
        table._legacy = any((table.folder / name).exists() for name in LEGACY)
        import pyarrow.parquet as pq

        for part in range(PARTS):
            found = [(table.folder / sub / part_name(part)).exists() for sub in (DRAFTS, STOPS)]
            if not any(found):
                continue
            try:
                heads = pq.read_table(table.folder / DRAFTS / part_name(part))
                rows = pq.read_table(table.folder / STOPS / part_name(part))  # every column: kept for write
                token = _token(heads)
                if token is None or token != _token(rows):
                    raise ValueError("another version of the table, or its files not written together")
            except Exception:  # damaged, half written or another version's: made again from the drafts
                table.dirty.add(part)
                continue
            table._rows[part] = rows
            mine: set[str] = set()
            for name, digest, head in zip(*(heads.column(c).to_pylist() for c in DRAFT_COLUMNS), strict=True):
                if part_of(name) != part or name in table.heads:  # not this part's: the part is made again
                    table.dirty.add(part)
                    continue
                table.heads[name] = (digest, head)
                table.stops[name] = []
                mine.add(name)
            cols = [rows.column(c).to_pylist() for c in ("article", "draft", "trip", "data")]
            for name, digest, ti, data in zip(*cols, strict=True):
                if name in mine and table.heads[name][0] == digest:
                    table.stops[name].append((ti, data))
        return table

    def draft(self, name: str, digest: str) -> Itinerary | None:
        """The draft of ``name`` with hash ``digest`` from its rows, or None when they are not here."""
        found = self.heads.get(name)
        if found is None or found[0] != digest:
            return None
        return from_rows(found[1], self.stops[name], f"{self._where} ({name})")

    def has(self, name: str, digest: str) -> bool:
        return self.heads.get(name, ("",))[0] == digest

    def put(self, name: str, digest: str, draft: Itinerary) -> None:
        """Rows for the draft of ``name`` (replacing an older draft's)."""
        head, rows = draft_rows(name, digest, draft)
        self.heads[name] = (digest, head["head"])
        self.stops[name] = [(r["trip"], r["data"]) for r in rows]
        self.extra[name] = rows
        self.dirty.add(part_of(name))

    def keep_only(self, names: set[str]) -> list[str]:
        """Drop the rows of every article not in ``names``; the articles dropped."""
        gone = sorted(n for n in self.heads if n not in names)
        for name in gone:
            del self.heads[name]
            del self.stops[name]
            self.extra.pop(name, None)
            self.dirty.add(part_of(name))
        return gone

    def write(self) -> None:
        """Write the parts that changed, each one's two files atomically (with no draft left in a
        part, its files leave; with none at all, the table's folder leaves)."""
        if not self.changed:
            return
        for name in LEGACY:  # the one-file layout of an earlier version: its drafts are in the parts now
            (self.folder / name).unlink(missing_ok=True)
        by_part: dict[int, list[str]] = {part: [] for part in self.dirty}
        if self.dirty:
            for name in self.heads:
                mine = by_part.get(part_of(name))
                if mine is not None:
                    mine.append(name)
        for part in sorted(self.dirty):
            self._write_part(part, by_part[part])
        if not self.heads:
            for sub in (STOPS, DRAFTS):
                with contextlib.suppress(OSError):  # a file of someone else's in it: left there
                    (self.folder / sub).rmdir()
            with contextlib.suppress(OSError):
                self.folder.rmdir()
        self.dirty, self.extra, self._rows, self._legacy = set(), {}, {}, False

    def _write_part(self, part: int, names: list[str]) -> None:
        """One part's files: the stops first, then the heads; both carry one token, so a run
        stopped between the two leaves a part that is read as damaged (made again)."""
        paths = [self.folder / sub / part_name(part) for sub in (STOPS, DRAFTS)]
        if not names:
            for path in paths:
                path.unlink(missing_ok=True)
            return
        import pyarrow as pa
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        rows: dict[str, list[Any]] = {c: [] for c in STOP_COLUMNS}
        for name in names:
            for row in self.extra.get(name, ()):
                for c in STOP_COLUMNS:
                    rows[c].append(row[c])
        new = pa.table(rows, schema=_STOP_SCHEMA(pa))
        kept = [n for n in names if n not in self.extra]
        parts = [new]
        if kept:
            try:
                old = self._rows[part].select(list(STOP_COLUMNS))
                old = old.replace_schema_metadata(None).cast(_STOP_SCHEMA(pa))
                key = pc.binary_join_element_wise(old["article"], old["draft"], "\0")
                wanted = pa.array([f"{n}\0{self.heads[n][0]}" for n in kept])
                parts.insert(0, old.filter(pc.is_in(key, value_set=wanted)))
            except Exception:  # not read: those drafts leave the table, read from YAML next time
                for name in kept:
                    del self.heads[name], self.stops[name]
                names = [n for n in names if n not in set(kept)]
        token = hashlib.sha256(
            json.dumps([TABLE_VERSION, [(n, self.heads[n][0]) for n in names]]).encode()
        ).hexdigest()
        meta = {META: f"{TABLE_VERSION} {token}".encode()}
        stops = pa.concat_tables(parts).replace_schema_metadata(meta)
        heads = pa.table(
            {
                "article": names,
                "draft": [self.heads[n][0] for n in names],
                "head": [self.heads[n][1] for n in names],
            }
        ).replace_schema_metadata(meta)
        for path in paths:
            path.parent.mkdir(parents=True, exist_ok=True)
        write_with(paths[0], _writer(pq, stops))
        write_with(paths[1], _writer(pq, heads))


def part_of(name: str) -> int:
    """The part of the table that holds the article ``name``'s rows (by a hash of the name, so
    an article stays in its part)."""
    digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).digest()
    return int.from_bytes(digest[:4], "big") % PARTS


def part_name(part: int) -> str:
    return f"part-{part:02d}.parquet"


def _token(table: Any) -> str | None:
    """The part's version and token (what its two files share), or None for another version."""
    raw = (table.schema.metadata or {}).get(META)
    if not raw:
        return None
    version, _, token = raw.decode().partition(" ")
    return token if version == str(TABLE_VERSION) and token else None


def _writer(pq: Any, table: Any) -> Callable[[Path], None]:
    return lambda path: pq.write_table(table, path)


def _STOP_SCHEMA(pa: Any) -> Any:  # a constant made on first use (pyarrow is optional)
    return pa.schema(
        [
            ("article", pa.string()),
            ("draft", pa.string()),
            ("trip", pa.int32()),
            ("stop", pa.int32()),
            ("traveller", pa.string()),
            ("place", pa.string()),
            ("status", pa.string()),
            ("date", pa.string()),
            ("source", pa.string()),
            ("lat", pa.float64()),
            ("lon", pa.float64()),
            ("data", pa.string()),
        ]
    )
