"""The observation table: every draft's stops as rows of a Parquet table beside the drafts, so a
rebuild reads rows, not YAML.

``observations/stops/`` holds one row per stop of every draft: the article's name, the hash of
its draft (the SHA-256 of the draft file, as the manifest records it), the trip and stop index, a
few plain columns to query (traveller, place, status, date, source, lat, lon), and the stop in the
layout of the itinerary file (``data``, JSON). ``observations/drafts/`` holds one row per draft:
the same key and the whole draft in that layout (``data``, JSON), which is what a rebuild reads
(one JSON text a draft); the stops' rows are made from it, for queries, and never read back.
Each is a Parquet dataset of ``PARTS`` files (``part-NN.parquet``; ``pyarrow.parquet.read_table``
or ``pandas.read_parquet`` of the folder reads it whole), an article's rows always in the part its
name hashes to, so a rebuild after one article changed writes two small files, not the whole
table. A draft read back from its rows is the draft read from its YAML file (:func:`draft_rows`,
:func:`from_rows`; tested on every development draft).

The table is kept in step with the drafts by :class:`Observations`: rows of a draft whose hash
changed, of an article that failed, found no trip, or left the input, are dropped; a new draft
adds its rows. Every file is written atomically, a part's stops before its drafts, the two
sharing a token (a hash of the part's articles and draft hashes) in their metadata: a part whose
stops do not carry its drafts' token (a run stopped between the two, a damaged file) has its stops
written again from its drafts' rows; a part whose drafts cannot be read is made again from the
drafts' YAML.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Iterator
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
TABLE_VERSION = 3  # in the files' metadata: another version is rebuilt from the drafts
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
DRAFT_COLUMNS = ("article", "draft", "data")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def draft_rows(name: str, digest: str, draft: Itinerary) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The draft's row (the whole draft in the layout of the itinerary file, JSON) and its stop rows."""
    data = yaml_io.to_data(draft)
    return {"article": name, "draft": digest, "data": _json(data)}, stop_rows(name, digest, data)


def stop_rows(name: str, digest: str, data: dict[str, Any]) -> list[dict[str, Any]]:
    """The stop rows of a draft in the layout of the itinerary file (``data``)."""
    stops: list[dict[str, Any]] = []
    for ti, trip in enumerate(data["trips"]):
        for si, stop in enumerate(trip.get("stops") or ()):
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
                    "data": _json(stop),
                }
            )
    return stops


def from_rows(data: str, source: str) -> Itinerary:
    """A draft from its row's ``data`` (see :func:`draft_rows`); errors name ``source``."""
    return yaml_io._build(json.loads(data), {}, source)


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
    """The table of ``out_dir``: the drafts' rows read once (the stops' rows are made from them and
    never read back), changed in memory; the parts that changed are written again."""

    out_dir: Path
    #: article -> (draft hash, draft JSON); the JSON is None until its part's data is read
    heads: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    dirty: set[int] = field(default_factory=set)  # the parts to write again
    _legacy: bool = False  # the files of the one-file layout are there (removed by :meth:`write`)
    _asked: set[int] = field(default_factory=set)  # the parts a draft was read from
    #: part -> the articles of the table in it when first needed (a merge of all reads every part:
    #: the rows of each are found once, not by a pass over every row for each part)
    _by_part: dict[int, list[str]] | None = None

    @property
    def folder(self) -> Path:
        return self.out_dir / FOLDER

    @property
    def changed(self) -> bool:
        """Something to write: a part changed, or an older layout's files are to go."""
        return bool(self.dirty) or self._legacy

    @functools.cached_property
    def _where(self) -> str:
        """The drafts' folder as errors name it (made once: a rebuild reads every draft)."""
        return str(self.folder / DRAFTS)

    @classmethod
    def read(cls, out_dir: Path) -> Observations:
        """The table of ``out_dir`` (empty when there is none). A part whose drafts' file cannot
        be read (damaged, or another version's) is left out and made again from the drafts' YAML;
        a part whose stops' file is not the one written with its drafts' (a run stopped between
        the two, or a damaged file) is written again from its drafts' rows. Only the names and
        hashes are read here: a rebuild asks for few drafts, and a part's drafts' JSON is read when
        one of them is asked for or the part is written again."""
        table = cls(out_dir)
        if not table.folder.is_dir():
            return table
        table._legacy = any((table.folder / name).exists() for name in LEGACY)
        import pyarrow.parquet as pq

        for part in range(PARTS):
            paths = [table.folder / sub / part_name(part) for sub in (DRAFTS, STOPS)]
            if not any(path.exists() for path in paths):
                continue
            try:
                heads = pq.read_table(paths[0], columns=list(DRAFT_COLUMNS[:2]))
                token = _token(heads.schema)
                if token is None:
                    raise ValueError("another version of the table")
                data = pq.read_schema(paths[0]).field(DRAFT_COLUMNS[2]).type
                if str(data) != "string":
                    raise ValueError("another version of the table")
                rows = zip(*(heads.column(c).to_pylist() for c in DRAFT_COLUMNS[:2]), strict=True)
            except Exception:  # damaged or another version's: made again from the drafts' YAML
                table.dirty.add(part)
                continue
            try:
                if _token(pq.read_schema(paths[1])) != token:
                    table.dirty.add(part)
            except Exception:  # missing or damaged: written again
                table.dirty.add(part)
            for name, digest in rows:
                if not (isinstance(name, str) and isinstance(digest, str)):
                    table.dirty.add(part)  # not what this version writes: the part is made again
                    continue
                if part_of(name) != part or name in table.heads:  # not this part's: the part is made again
                    table.dirty.add(part)
                    continue
                table.heads[name] = (digest, None)
        return table

    def _data(self, name: str) -> str:
        """The draft JSON of ``name`` (a row of the table), read from its part's file when first
        asked (that row only)."""
        data = self.heads[name][1]
        if data is None:
            part = part_of(name)
            if part in self._asked:  # a second draft of the part: all of it, once (a merge of all)
                unread = {n for n in self._names_in(part) if n in self.heads and self.heads[n][1] is None}
                self._read_data(part, unread)
            else:  # a rebuild asks for a few drafts: that row only
                self._asked.add(part)
                self._read_data(part, {name}, one=True)
            data = self.heads[name][1] if name in self.heads else None
        if data is None:  # the part's file no longer gives it: no row, the YAML is read instead
            raise KeyError(name)
        return data

    def _names_in(self, part: int) -> list[str]:
        """The articles of ``part``, as the table held them the first time this was asked (an
        article put since has its JSON, and one gone is no longer a row: the caller checks)."""
        if self._by_part is None:
            self._by_part = defaultdict(list)
            for n in self.heads:
                self._by_part[part_of(n)].append(n)
        return self._by_part.get(part, [])

    def _read_data(self, part: int, want: set[str], one: bool = False) -> None:
        """Fill in the draft JSON of the part's rows ``want`` (rows without it) from its drafts'
        file (``one``: only those rows are decoded); a row whose JSON is missing there, or not
        text, or there under another hash than the one read (the file written again since, by
        another build), leaves the table and its part is written again."""
        import pyarrow.parquet as pq

        if not want:
            return
        try:
            cols = pq.read_table(
                self.folder / DRAFTS / part_name(part),
                columns=list(DRAFT_COLUMNS),
                filters=[("article", "in", sorted(want))] if one else None,
            )
            found = {
                name: (digest, data)
                for name, digest, data in zip(
                    *(cols.column(c).to_pylist() for c in DRAFT_COLUMNS), strict=True
                )
            }
        except Exception:  # gone or damaged since it was read: those drafts come from their YAML
            found = {}
        for name in want:
            digest, text = found.get(name, (None, None))
            if isinstance(text, str) and digest == self.heads[name][0]:
                self.heads[name] = (self.heads[name][0], text)
            else:
                del self.heads[name]
                self.dirty.add(part)

    def draft(self, name: str, digest: str) -> Itinerary | None:
        """The draft of ``name`` with hash ``digest`` from its row, or None when it is not here."""
        found = self.heads.get(name)
        if found is None or found[0] != digest:
            return None
        try:
            data = self._data(name)
        except KeyError:
            return None
        return from_rows(data, f"{self._where} ({name})")

    def has(self, name: str, digest: str) -> bool:
        return self.heads.get(name, ("",))[0] == digest

    def put(self, name: str, digest: str, draft: Itinerary) -> None:
        """Rows for the draft of ``name`` (replacing an older draft's)."""
        self.heads[name] = (digest, _json(yaml_io.to_data(draft)))
        self.dirty.add(part_of(name))

    def keep_only(self, names: set[str]) -> list[str]:
        """Drop the rows of every article not in ``names``; the articles dropped."""
        gone = sorted(n for n in self.heads if n not in names)
        for name in gone:
            del self.heads[name]
            self.dirty.add(part_of(name))
        return gone

    def write(self) -> None:
        """Write the parts that changed, each one's two files atomically (with no draft left in a
        part, its files leave; with none at all, the table's folder leaves)."""
        if not self.changed:
            return
        for name in LEGACY:  # the one-file layout of an earlier version: its drafts are in the parts now
            (self.folder / name).unlink(missing_ok=True)
        unread: dict[int, set[str]] = {}  # the rows written again are read before their file goes
        for name, (_, data) in self.heads.items():
            if data is None and part_of(name) in self.dirty:
                unread.setdefault(part_of(name), set()).add(name)
        for part, names in sorted(unread.items()):
            self._read_data(part, names)
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
        self.dirty, self._legacy = set(), False

    def _write_part(self, part: int, names: list[str]) -> None:
        """One part's files: the stops (made from the drafts' rows) first, then the drafts; both
        carry one token, so a run stopped between the two leaves a part whose stops are written
        again."""
        paths = [self.folder / sub / part_name(part) for sub in (STOPS, DRAFTS)]
        if not names:
            for path in paths:
                path.unlink(missing_ok=True)
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        rows: dict[str, list[Any]] = {c: [] for c in STOP_COLUMNS}
        texts = {name: self._data(name) for name in names}
        for name in names:
            digest = self.heads[name][0]
            for row in stop_rows(name, digest, json.loads(texts[name])):
                for c in STOP_COLUMNS:
                    rows[c].append(row[c])
        token = hashlib.sha256(
            _json([TABLE_VERSION, [(n, self.heads[n][0]) for n in names]]).encode()
        ).hexdigest()
        meta = {META: f"{TABLE_VERSION} {token}".encode()}
        stops = pa.table(rows, schema=_STOP_SCHEMA(pa)).replace_schema_metadata(meta)
        heads = pa.table(
            {
                "article": names,
                "draft": [self.heads[n][0] for n in names],
                "data": [texts[n] for n in names],
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


def _token(schema: Any) -> str | None:
    """The part's version and token (what its two files share), or None for another version."""
    raw = (schema.metadata or {}).get(META)
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
