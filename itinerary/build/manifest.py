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
the end of a run the file is rewritten (atomically) with one line per article, sorted by name,
when that changes what a reader finds or the file has grown: an article left the input, a line
was bad or cut short, an article's last line says other than "ok" after an earlier line (the
review lists the "ok" lines), or the lines beyond one per article reach an eighth of the
articles. Otherwise the lines a
run appended stay at the end (a rebuild after one article changed does not rewrite the lines
of 100,000 articles).

Every line is checked when read: a line that is not one of ours (a field of the wrong type,
an unknown status, a name that is not a draft's file name) is skipped and reported in
:attr:`Manifest.problems`; its article is extracted again. A bad line is never fatal.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from dataclasses import dataclass
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
        self._lines: dict[str, str] = {}  # name -> its line as read (or written), for a rewrite
        self.entries: dict[str, Entry] = {}
        # lines beyond one per article, and whether a reader of the "ok" lines could be misled
        self._appended, self._compact = _read(path, self.problems, self.entries, self._lines)
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
        line = json.dumps(_plain(entry), ensure_ascii=False)
        self._fh.write(line + "\n")
        self._fh.flush()
        self._appended += 1
        if entry.status != OK and entry.name in self._lines:
            self._compact = False  # a reader of the "ok" lines must not find the older line
        self._lines[entry.name] = line

    def compact(self, *, always: bool = False) -> None:
        """Rewrite the file atomically, one sorted line per article, when it is not that already
        and the difference matters (see the module docstring), or ``always``."""
        self.close()
        if not self.entries and not self.path.exists():
            return  # nothing was done: leave no empty manifest behind
        if not always and self._compact and self._appended * 8 < max(len(self.entries), 8):
            return  # this run's lines appended stay at the end: the last line for a name wins
        text = "".join(self._lines[k] + "\n" for k in sorted(self.entries))
        write_text(self.path, text)
        self._compact, self._appended = True, 0

    def forget(self, name: str) -> None:
        """Drop the entry of ``name`` (an article no longer in the input)."""
        if self.entries.pop(name, None) is not None:
            self._lines.pop(name, None)
            self._compact = False

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


_FIELDS = tuple(Entry.__dataclass_fields__)


def _plain(entry: Entry) -> dict[str, Any]:
    """The entry's fields that are set, for its line (not copied: written out at once)."""
    return {k: v for k in _FIELDS if (v := getattr(entry, k)) is not None}


def _read(
    path: Path, problems: list[str], entries: dict[str, Entry], raw: dict[str, str]
) -> tuple[int, bool]:
    """Fill ``entries`` from the file (the last line for a name wins) and ``raw`` with each
    entry's line as read (as a rewrite writes it again). The number of lines beyond one per
    article, and False when the file needs a rewrite before the review reads it: a bad line, or
    a name whose last line is not "ok" after an earlier one."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except FileNotFoundError:
        return 0, True
    count, clean = 0, True
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except (ValueError, RecursionError):  # RecursionError: brackets nested thousands deep
            if lineno == len(lines):
                clean = False  # rewritten without it, lest a line appended after it be taken as bad
                continue  # the last line cut short by an interrupted run: nothing to report
            data = None
        why = _check(data)
        if why is not None:
            problems.append(
                f"{path}, line {lineno}: {why}; the line is ignored and its article extracted again"
            )
            continue
        good = _good_index(data.get("index"))
        if not good:
            data.pop("index", None)  # the queue works it out from the draft
        entry = Entry(**data)
        if entry.name in entries and entry.status != OK:
            clean = False
        entries[entry.name] = entry
        raw[entry.name] = line.strip() if good else json.dumps(_plain(entry), ensure_ascii=False)
        count += 1
    return count - len(entries), clean and not problems


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


STATS = ".draft-stats.jsonl"  # beside the manifest: the drafts' hashes by file status
SETTLED_NS = 2_000_000_000  # a file changed this recently may change again in the same tick


class DraftDigests:
    """The SHA-256 of each draft file, taken from ``.draft-stats.jsonl`` when the file's status
    (size, modification and change times in nanoseconds, inode) is the one recorded with it,
    else read and hashed: a rebuild does not read 100,000 unchanged drafts to learn they are
    unchanged. An edit changes the change time (which no tool sets back) and the inode or
    size or modification time. A status is recorded only for a file left alone for
    ``SETTLED_NS`` and unchanged while it was hashed, so an edit in the same clock tick as
    the write is never mistaken for it.

    The file holds one JSON array a line (name, hash, size, mtime_ns, ctime_ns, inode), the
    last line for a name winning; :meth:`save` appends the new lines and rewrites the file
    (atomically) when names left or the lines outnumber the drafts by an eighth. It is only
    a cache: a bad or missing file means the drafts are hashed again.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.known: dict[str, tuple[str, int, int, int, int]] = {}
        self.lines = 0
        self.used: set[str] = set()
        self.new: dict[str, tuple[str, int, int, int, int]] = {}
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return
        for line in text.splitlines():
            self.lines += 1
            try:
                name, digest, *sig = json.loads(line)
            except (ValueError, TypeError, RecursionError):
                continue
            if (
                isinstance(name, str)
                and isinstance(digest, str)
                and _HEX.fullmatch(digest)
                and len(sig) == 4
                and all(type(x) is int for x in sig)
            ):
                self.known[name] = (digest, *sig)

    def digest(self, name: str, path: str) -> str | None:
        """The SHA-256 of the draft ``name`` at ``path``; None when there is none (or it
        cannot be read)."""
        sig = _status(path)
        if sig is None:
            return None
        known = self.known.get(name)
        self.used.add(name)
        if known is not None and known[1:] == sig:
            return known[0]
        h = hashlib.sha256()
        try:
            with open(path, "rb") as fh:
                for chunk in iter(lambda: fh.read(1 << 20), b""):
                    h.update(chunk)
        except OSError:
            return None
        digest = h.hexdigest()
        if _status(path) == sig and time.time_ns() - max(sig[1], sig[2]) > SETTLED_NS:
            self.known[name] = self.new[name] = (digest, *sig)
        return digest

    def save(self) -> None:
        """Record the statuses hashed this run; forget the names not asked for."""
        gone = self.known.keys() - self.used
        for name in gone:
            del self.known[name]
        if not gone and not self.new:
            return
        try:
            if not self.known:
                self.path.unlink(missing_ok=True)
                self.lines = 0
            elif gone or (self.lines + len(self.new)) * 8 > len(self.known) * 9 + 64:
                write_text(self.path, "".join(_stat_line(n, v) for n, v in sorted(self.known.items())))
                self.lines = len(self.known)
            else:  # an appended line cut short is skipped when read back
                with self.path.open("a", encoding="utf-8") as fh:
                    if fh.tell() and not _ends_with_newline(self.path):
                        fh.write("\n")
                    fh.write("".join(_stat_line(n, v) for n, v in self.new.items()))
                self.lines += len(self.new)
        except OSError:
            pass  # a folder one may not write to: the drafts are hashed again next time
        self.new = {}


def _status(path: str) -> tuple[int, int, int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino


def _stat_line(name: str, value: tuple[str, int, int, int, int]) -> str:
    return json.dumps([name, *value]) + "\n"
