"""The observation table: every draft's stops as rows of a Parquet table beside the drafts, so a
rebuild reads rows, not YAML.

``observations/stops.parquet`` holds one row per stop of every draft: the article's name, the
hash of its draft (the SHA-256 of the draft file, as the manifest records it), the trip and stop
index, a few plain columns to query (traveller, place, status, date, source, lat, lon), and the
stop in the layout of the itinerary file (``stop``, JSON). ``observations/drafts.parquet`` holds
one row per draft: the same key and the rest of the draft (title, as-of day, sources, the trips'
own fields; JSON). A draft read back from its rows is the draft read from its YAML file
(:func:`draft_rows`, :func:`from_rows`; tested on every development draft).

The table is kept in step with the drafts by :class:`Observations`: rows of a draft whose hash
changed, of an article that failed, found no trip, or left the input, are dropped; a new draft
adds its rows. Both files are written atomically; a damaged or foreign table is rebuilt from the
drafts.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from itinerary.files import write_with
from itinerary.io import yaml as yaml_io
from itinerary.model import Itinerary

FOLDER = "observations"
STOPS = "stops.parquet"
DRAFTS = "drafts.parquet"
TABLE_VERSION = 1  # in the files' metadata: another version is rebuilt from the drafts

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
    """The table of ``out_dir``: read once, changed in memory, written back when it changed."""

    out_dir: Path
    heads: dict[str, tuple[str, str]] = field(default_factory=dict)  # article -> (draft hash, head)
    stops: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # article -> (trip, stop JSON)
    extra: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # article -> new stop rows
    changed: bool = False
    _rows: Any = field(default=None, repr=False, compare=False)  # the stops file as read (pyarrow)

    @property
    def folder(self) -> Path:
        return self.out_dir / FOLDER

    @functools.cached_property
    def _where(self) -> str:
        """The stops file's path as errors name it (made once: a rebuild reads every draft)."""
        return str(self.folder / STOPS)

    @classmethod
    def read(cls, out_dir: Path) -> Observations:
        """The table of ``out_dir`` (empty when there is none, or it cannot be read)."""
        table = cls(out_dir)
        try:
            import pyarrow.parquet as pq

            heads = pq.read_table(table.folder / DRAFTS)
            rows = pq.read_table(table.folder / STOPS)  # every column: kept for :meth:`write`
            if _version(heads) != TABLE_VERSION or _version(rows) != TABLE_VERSION:
                raise ValueError("another version of the table")
        except Exception:  # none yet, damaged, or written by another version: rebuilt from the drafts
            table.changed = (table.folder).exists()
            return table
        table._rows = rows
        for name, digest, head in zip(*(heads.column(c).to_pylist() for c in DRAFT_COLUMNS), strict=True):
            table.heads[name] = (digest, head)
            table.stops[name] = []
        cols = [rows.column(c).to_pylist() for c in ("article", "draft", "trip", "data")]
        for name, digest, ti, data in zip(*cols, strict=True):
            if table.heads.get(name, ("",))[0] == digest:
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
        self.changed = True

    def keep_only(self, names: set[str]) -> list[str]:
        """Drop the rows of every article not in ``names``; the articles dropped."""
        gone = sorted(n for n in self.heads if n not in names)
        for name in gone:
            del self.heads[name]
            del self.stops[name]
            self.extra.pop(name, None)
        self.changed = self.changed or bool(gone)
        return gone

    def write(self) -> None:
        """Write both files (atomically) when the table changed; with no draft left, the table's
        folder leaves."""
        if not self.changed:
            return
        if not self.heads:
            for name in (STOPS, DRAFTS):
                (self.folder / name).unlink(missing_ok=True)
            with contextlib.suppress(OSError):  # a file of someone else's in it: left there
                self.folder.rmdir()
            self.changed, self.extra, self._rows = False, {}, None
            return
        import pyarrow as pa
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        rows: dict[str, list[Any]] = {c: [] for c in STOP_COLUMNS}
        for name in self.heads:
            for row in self.extra.get(name, ()):
                for c in STOP_COLUMNS:
                    rows[c].append(row[c])
        new = pa.table(rows, schema=_STOP_SCHEMA(pa))
        kept = [n for n in self.heads if n not in self.extra]
        parts = [new]
        if kept:
            try:
                read = self._rows if self._rows is not None else pq.read_table(self.folder / STOPS)
                old = read.select(list(STOP_COLUMNS))
                old = old.replace_schema_metadata(None).cast(_STOP_SCHEMA(pa))
                key = pc.binary_join_element_wise(old["article"], old["draft"], "\0")
                wanted = pa.array([f"{n}\0{self.heads[n][0]}" for n in kept])
                parts.insert(0, old.filter(pc.is_in(key, value_set=wanted)))
            except Exception:  # unreadable: those drafts leave the table, read from YAML next time
                for name in kept:
                    del self.heads[name], self.stops[name]
        meta = {b"itinerary-observations": str(TABLE_VERSION).encode()}
        stops = pa.concat_tables(parts).replace_schema_metadata(meta)
        heads = pa.table(
            {
                "article": list(self.heads),
                "draft": [d for d, _ in self.heads.values()],
                "head": [h for _, h in self.heads.values()],
            }
        ).replace_schema_metadata(meta)
        self.folder.mkdir(parents=True, exist_ok=True)
        write_with(self.folder / STOPS, _writer(pq, stops))
        write_with(self.folder / DRAFTS, _writer(pq, heads))
        self.changed, self.extra, self._rows = False, {}, None


def _version(table: Any) -> int | None:
    meta = table.schema.metadata or {}
    raw = meta.get(b"itinerary-observations")
    return int(raw) if raw else None


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
