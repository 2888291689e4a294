"""The build manifest: what each article gave, keyed by its content hash.

``manifest.jsonl`` holds one JSON object a line: ``name``, ``digest`` (the article's content
hash), ``status`` (ok, failed, or no-trip: the screen sent the article to "no trip" unread,
``reason`` "screened", or the extractor read it and found none), ``draft`` (the SHA-256 of
the draft written) or ``reason``. A draft's line also carries ``article`` (the SHA-256 of the
article text kept in ``articles/<name>.txt`` for the review) and ``index`` (what the review
queue sorts and filters on: ``travellers``, ``language``, ``stops``, ``doubt`` (stops marked
needs_review) and ``low`` (the lowest stop confidence)), so ``itinerary review OUT_DIR`` reads
this file alone to list 10,000 drafts.

``reviewed.jsonl`` beside it is written by the review (one line a save: ``name``, ``draft``
(the SHA-256 of the saved draft), ``time``, ``index``): a draft named there was checked by a
person; a build keeps it, and ``force`` replaces it only with ``force_reviewed``.
Lines are appended as articles finish, so a run stopped at any moment keeps what it did; a
line cut short by the stop is ignored when read back, and the last line for a name wins. At
the end of a run the file is rewritten (atomically) with one line per article, sorted by name.

Every line is checked when read: a line that is not one of ours (a field of the wrong type,
an unknown status, a name that is not a draft's file name) is skipped and reported in
:attr:`Manifest.problems`; its article is extracted again. A bad line is never fatal.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, Any

from itinerary.files import write_text

OK = "ok"
FAILED = "failed"
NO_TRIP = "no-trip"  # screened out, or read and no trip found: no draft, and no failure
STATUSES = (OK, FAILED, NO_TRIP)
REVIEWED = "reviewed.jsonl"  # written by itinerary review, read here
ARTICLES = "articles"  # the article text of each draft, for the review
NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # an article's name: its draft's file name
_HEX = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Entry:
    name: str
    digest: str
    status: str
    draft: str | None = None
    reason: str | None = None
    article: str | None = None  # SHA-256 of articles/<name>.txt (the text the draft came from)
    index: dict[str, Any] | None = None  # what the review queue shows (see the module docstring)


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Manifest:
    """Read the manifest of ``out_dir``, record new entries, and compact it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[str] = []
        self.entries: dict[str, Entry] = _read(path, self.problems)
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
            if self._fh.tell() and not _ends_with_newline(self.path):
                self._fh.write("\n")  # after a line cut short by a stop: a line of its own
        self._fh.write(json.dumps(_plain(entry), ensure_ascii=False) + "\n")
        self._fh.flush()

    def compact(self) -> None:
        """Rewrite the file atomically, one sorted line per article."""
        self.close()
        if not self.entries and not self.path.exists():
            return  # nothing was done: leave no empty manifest behind
        lines = [json.dumps(_plain(self.entries[k]), ensure_ascii=False) for k in sorted(self.entries)]
        write_text(self.path, "".join(line + "\n" for line in lines))

    def forget(self, name: str) -> None:
        """Drop the entry of ``name`` (an article no longer in the input)."""
        self.entries.pop(name, None)

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None


def _ends_with_newline(path: Path) -> bool:
    with path.open("rb") as fh:
        fh.seek(-1, 2)
        return fh.read(1) == b"\n"


def read_reviewed(path: Path) -> dict[str, str]:
    """The drafts a person reviewed (``reviewed.jsonl``): name -> SHA-256 of the draft saved
    last. Lines that are not ours are skipped (a reviewed draft is then not protected: the
    hand edit is still kept as any edit is)."""
    found: dict[str, str] = {}
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except FileNotFoundError:
        return found
    for line in lines:
        try:
            data = json.loads(line)
        except (ValueError, RecursionError):
            continue
        if isinstance(data, dict) and isinstance(data.get("name"), str) and NAME.fullmatch(data["name"]):
            found[data["name"]] = str(data.get("draft", ""))
    return found


def forget_reviewed(path: Path, names: set[str]) -> None:
    """Drop the lines of ``names`` from ``reviewed.jsonl`` (their drafts were extracted again)."""
    if not names or not path.exists():
        return
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    kept = []
    for line in lines:
        try:
            data = json.loads(line)
        except (ValueError, RecursionError):
            continue
        if isinstance(data, dict) and data.get("name") not in names:
            kept.append(line + "\n")
    if kept:
        write_text(path, "".join(kept))
    else:
        path.unlink()


def _plain(entry: Entry) -> dict[str, Any]:
    return {k: v for k, v in asdict(entry).items() if v is not None}


def _read(path: Path, problems: list[str]) -> dict[str, Entry]:
    entries: dict[str, Entry] = {}
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except FileNotFoundError:
        return entries
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except (ValueError, RecursionError):  # RecursionError: brackets nested thousands deep
            if lineno == len(lines):
                continue  # the last line cut short by an interrupted run: nothing to report
            data = None
        why = _check(data)
        if why is not None:
            problems.append(
                f"{path}, line {lineno}: {why}; the line is ignored and its article extracted again"
            )
            continue
        if not _good_index(data.get("index")):
            data.pop("index", None)  # the queue works it out from the draft
        entry = Entry(**data)
        entries[entry.name] = entry
    return entries


def _check(data: Any) -> str | None:
    """Why ``data`` is not a manifest entry, or None when it is one."""
    if not isinstance(data, dict):
        return "not a JSON object of the manifest (name, digest, status)"
    unknown = sorted(str(k) for k in data if k not in Entry.__dataclass_fields__)
    if unknown:
        return f"unknown field {unknown[0][:40]!r}"
    name, digest, status = data.get("name"), data.get("digest"), data.get("status")
    if not isinstance(name, str) or not NAME.fullmatch(name):
        return f"'name' {_short(name)} is not an article's name (lower-case letters, digits, dashes)"
    if not isinstance(digest, str) or not _HEX.fullmatch(digest):
        return f"'digest' {_short(digest)} is not a SHA-256 in hexadecimal"
    if status not in STATUSES:
        return f"'status' {_short(status)} is none of {', '.join(map(repr, STATUSES))}"
    draft, reason = data.get("draft"), data.get("reason")
    if status == OK and (not isinstance(draft, str) or not _HEX.fullmatch(draft)):
        return f"'draft' {_short(draft)} is not a SHA-256 in hexadecimal"
    if status in (FAILED, NO_TRIP) and not isinstance(reason, str):
        return f"'reason' {_short(reason)} is not a text"
    article = data.get("article")
    if article is not None and (not isinstance(article, str) or not _HEX.fullmatch(article)):
        return f"'article' {_short(article)} is not a SHA-256 in hexadecimal"
    return None


def _good_index(index: Any) -> bool:
    if index is None:
        return True
    if not isinstance(index, dict):
        return False
    travellers, low = index.get("travellers"), index.get("low")
    return (
        isinstance(travellers, list)
        and all(isinstance(t, str) for t in travellers)
        and isinstance(index.get("language"), str | None)
        and all(
            isinstance(index.get(k), int) and not isinstance(index.get(k), bool) for k in ("stops", "doubt")
        )
        and (low is None or (isinstance(low, int | float) and not isinstance(low, bool)))
    )


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=True)
    return text if len(text) <= 40 else text[:37] + "..."
