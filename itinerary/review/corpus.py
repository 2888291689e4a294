"""The review queue of a corpus: the output folder of ``itinerary build``.

``OUT_DIR/manifest.jsonl`` lists every article; a draft's line carries the SHA-256 of the
article text the build kept (``articles/<name>.txt``) and an ``index`` of what the queue shows
(travellers, language, stops, ``doubt``: stops marked needs_review, ``low``: the lowest stop
confidence). The queue reads that file alone, so it opens in well under a second on 10,000
drafts; a draft is read only when it is opened. A line without an index (a folder built by an
older version) has its draft read once, and the result is cached in ``.review-index.json``
keyed by the draft's SHA-256.

Order: the drafts that need a person most come first. A draft is as doubtful as its weakest
stop (one wrong stop makes the trip wrong), so the key is the lowest stop confidence, lowest
first (a stop without a confidence counts as 0: nobody has said how sure it is); ties go to the
draft with more stops marked needs_review (a loose or ambiguous place), then to the draft with
more stops (more to check), then by name.

A save in the review appends a line to ``reviewed.jsonl`` (name, the SHA-256 of the saved
draft, time, its new index): ``itinerary build`` reads it to keep the reviewed drafts (the
format is shared with :mod:`itinerary.build.manifest`; the two packages do not import each
other). The manifest itself is the build's: the review never writes it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from itinerary.errors import ItineraryError, ValidationError
from itinerary.files import write_text
from itinerary.model import Itinerary, draft_index

MANIFEST = "manifest.jsonl"
REVIEWED = "reviewed.jsonl"
DRAFTS = "drafts"
ARTICLES = "articles"
CACHE = ".review-index.json"
NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
PER_PAGE = 50
SHOW = ("todo", "reviewed", "all")


@dataclass
class Row:
    """One draft of the queue."""

    name: str
    draft: str  # SHA-256 of the draft the build wrote
    article: str | None  # SHA-256 of the kept article text
    index: dict[str, Any] | None
    reviewed: bool = False

    def key(self) -> tuple[float, int, int, str]:
        ix = self.index or {}
        low = ix.get("low")
        return (
            1.0 if low is None else float(low),
            -int(ix.get("doubt", 0)),
            -int(ix.get("stops", 0)),
            self.name,
        )

    def to_json(self) -> dict[str, Any]:
        ix = self.index or {}
        return {
            "name": self.name,
            "travellers": ix.get("travellers", []),
            "language": ix.get("language"),
            "stops": ix.get("stops"),
            "doubt": ix.get("doubt"),
            "low": ix.get("low"),
            "reviewed": self.reviewed,
            "article": self.article is not None,
        }


class Corpus:
    """The drafts of a build's output folder, as a queue (see the module docstring)."""

    def __init__(self, out: Path) -> None:
        self.out = Path(out)
        path = self.out / MANIFEST
        if not path.is_file():
            raise ValidationError(
                f"{self.out} has no {MANIFEST}: give the output folder of `itinerary build` "
                "(or a draft with --article)"
            )
        self.rows: dict[str, Row] = {}
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            row = _row(line)
            if row is not None:
                self.rows[row.name] = row
        self._reviewed: dict[str, dict[str, Any]] = {}
        self._read_reviewed()
        self._fill_missing()
        self.order = sorted(self.rows.values(), key=Row.key)

    # ------------------------------------------------------------ reading
    def _read_reviewed(self) -> None:
        try:
            lines = (self.out / REVIEWED).read_text(encoding="utf-8", errors="replace").splitlines()
        except FileNotFoundError:
            return
        for line in lines:
            try:
                data = json.loads(line)
            except (ValueError, RecursionError):
                continue
            if not isinstance(data, dict) or data.get("name") not in self.rows:
                continue
            row = self.rows[data["name"]]
            row.reviewed = True
            if isinstance(data.get("index"), dict):
                row.index = data["index"]

    def _fill_missing(self) -> None:
        """Index the drafts whose manifest line has none (read once, cached by draft hash)."""
        missing = [r for r in self.rows.values() if r.index is None]
        if not missing:
            return
        cache_path = self.out / CACHE
        try:
            cache = json.loads(cache_path.read_text(encoding="utf-8"))
            cache = cache if isinstance(cache, dict) else {}
        except (OSError, ValueError):
            cache = {}
        fresh = {}
        for row in missing:
            hit = cache.get(row.draft)
            if not isinstance(hit, dict):
                try:
                    hit = draft_index(_load(self.draft_path(row.name)))
                except ItineraryError:
                    continue  # shown without figures; opening it says what is wrong
            row.index = hit
            fresh[row.draft] = hit
        if fresh != cache:
            write_text(cache_path, json.dumps(fresh, sort_keys=True) + "\n")

    def draft_path(self, name: str) -> Path:
        return self.out / DRAFTS / f"{name}.yaml"

    def article_path(self, name: str) -> Path:
        return self.out / ARTICLES / f"{name}.txt"

    # ------------------------------------------------------------ the queue
    def facets(self) -> dict[str, list[list[Any]]]:
        """The travellers and languages of the drafts, each with its count (for the filters)."""
        travellers: dict[str, int] = {}
        languages: dict[str, int] = {}
        for row in self.rows.values():
            ix = row.index or {}
            for t in ix.get("travellers", []):
                travellers[t] = travellers.get(t, 0) + 1
            lang = ix.get("language") or ""
            languages[lang] = languages.get(lang, 0) + 1
        return {
            "travellers": [[k, v] for k, v in sorted(travellers.items(), key=lambda kv: (-kv[1], kv[0]))],
            "languages": [[k, v] for k, v in sorted(languages.items())],
        }

    def page(
        self,
        *,
        traveller: str = "",
        language: str = "",
        show: str = "todo",
        page: int = 1,
        per_page: int = PER_PAGE,
    ) -> dict[str, Any]:
        """One page of the queue, filtered, with the progress of the whole corpus."""
        if show not in SHOW:
            raise ValueError(f"show is one of {', '.join(SHOW)}")
        per_page = max(1, min(per_page, 500))
        rows = [
            r
            for r in self.order
            if (show == "all" or r.reviewed == (show == "reviewed"))
            and (not traveller or traveller in (r.index or {}).get("travellers", []))
            and (not language or ((r.index or {}).get("language") or "") == language)
        ]
        pages = max(1, -(-len(rows) // per_page))
        page = max(1, min(page, pages))
        shown = rows[(page - 1) * per_page : page * per_page]
        done = sum(1 for r in self.rows.values() if r.reviewed)
        return {
            "corpus": self.out.name,
            "reviewed": done,
            "total": len(self.rows),
            "progress": f"reviewed {done} of {len(self.rows)}",
            "matching": len(rows),
            "page": page,
            "pages": pages,
            "per_page": per_page,
            "first": (page - 1) * per_page + 1 if shown else 0,
            "rows": [r.to_json() for r in shown],
        }

    # ------------------------------------------------------------ one draft
    def check_openable(self, name: str) -> Row:
        """The row of a draft that can be reviewed: its draft and the article text it came
        from are on disk; :class:`ValidationError` saying what is missing otherwise."""
        row = self.rows.get(name)
        if row is None:
            raise KeyError(name)
        draft, article = self.draft_path(name), self.article_path(name)
        if not draft.is_file():
            raise ValidationError(f"{draft} is not on disk: run `itinerary build` again to extract it")
        if row.article is None or not article.is_file():
            raise ValidationError(
                f"the build kept no article text for {name} (a folder built by an older version): "
                f"review it with `itinerary review {draft} --article ARTICLE`, or build again with --force"
            )
        if _file_digest(article) != row.article:
            raise ValidationError(
                f"{article} changed since the build wrote the draft: it is no longer the text the draft "
                "came from; build again to extract it"
            )
        return row

    def mark_reviewed(self, name: str, it: Itinerary, draft_bytes: bytes) -> None:
        """Record a save of ``name`` in ``reviewed.jsonl`` (appended, flushed to disk)."""
        row = self.rows[name]
        row.reviewed = True
        row.index = draft_index(it)
        line = {
            "name": name,
            "draft": hashlib.sha256(draft_bytes).hexdigest(),
            "time": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "index": row.index,
        }
        data = (json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
        fd = os.open(self.out / REVIEWED, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        self.order = sorted(self.rows.values(), key=Row.key)


def _row(line: str) -> Row | None:
    """A draft of the manifest line (None: a line of no draft, or not one of ours)."""
    try:
        data = json.loads(line)
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or data.get("status") != "ok":
        return None
    name, draft, article, index = data.get("name"), data.get("draft"), data.get("article"), data.get("index")
    if not isinstance(name, str) or not NAME.fullmatch(name) or not isinstance(draft, str):
        return None
    return Row(
        name,
        draft,
        article if isinstance(article, str) else None,
        index if isinstance(index, dict) else None,
    )


def _load(path: Path) -> Itinerary:
    from itinerary.io import yaml as yaml_io

    return yaml_io.load(path)


def _file_digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None
