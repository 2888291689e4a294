"""The build manifest: what each article gave, keyed by its content hash.

``manifest.jsonl`` holds one JSON object a line: ``name``, ``digest`` (the article's content
hash), ``status`` (ok or failed), ``draft`` (the SHA-256 of the draft written) or ``reason``.
Lines are appended as articles finish, so a run stopped at any moment keeps what it did; a
line cut short by the stop is ignored when read back, and the last line for a name wins. At
the end of a run the file is rewritten (atomically) with one line per article, sorted by name.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO

from itinerary.files import write_text

OK = "ok"
FAILED = "failed"


@dataclass(frozen=True)
class Entry:
    name: str
    digest: str
    status: str
    draft: str | None = None
    reason: str | None = None


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Manifest:
    """Read the manifest of ``out_dir``, record new entries, and compact it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.entries: dict[str, Entry] = _read(path)
        self._fh: IO[str] | None = None

    def finished(self, name: str, digest: str, drafts: Path) -> Entry | None:
        """The entry of an article whose result can be reused: same content, and for a success,
        its draft still on disk unchanged. ``None`` means: extract it (again)."""
        entry = self.entries.get(name)
        if entry is None or entry.digest != digest:
            return None
        if entry.status == FAILED:
            return entry
        draft = drafts / f"{name}.yaml"
        try:
            text = draft.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        return entry if text_digest(text) == entry.draft else None

    def record(self, entry: Entry) -> None:
        """Append ``entry`` and flush it to the file (a later stop keeps it)."""
        self.entries[entry.name] = entry
        if self._fh is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fh = self.path.open("a", encoding="utf-8")
        self._fh.write(json.dumps(_plain(entry), ensure_ascii=False) + "\n")
        self._fh.flush()

    def compact(self) -> None:
        """Rewrite the file atomically, one sorted line per article."""
        self.close()
        if not self.entries and not self.path.exists():
            return  # nothing was done: leave no empty manifest behind
        lines = [json.dumps(_plain(self.entries[k]), ensure_ascii=False) for k in sorted(self.entries)]
        write_text(self.path, "".join(line + "\n" for line in lines))

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None


def _plain(entry: Entry) -> dict[str, str]:
    return {k: v for k, v in asdict(entry).items() if v is not None}


def _read(path: Path) -> dict[str, Entry]:
    entries: dict[str, Entry] = {}
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except FileNotFoundError:
        return entries
    for line in lines:
        try:
            data = json.loads(line)
            entry = Entry(**data)
        except (ValueError, TypeError):
            continue  # a line cut short by an interrupted run, or not ours: extract again
        entries[entry.name] = entry
    return entries
