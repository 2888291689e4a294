"""Corrections: every decision a person makes in a review, stored as a labelled example.

The file sits beside the draft (``DRAFT.corrections.jsonl``), one JSON object a line, appended
at each save: the article's SHA-256 (so an example is tied to the exact text it was made on),
the article file (relative to the corrections file's folder where it can be), the mention's
span (character offsets in the article's text after its header) and text, the version of the
stop model's feature set the extractor used, what the extractor had said of the mention (kept /
dropped / context) and the person's decision (a stop or not, and its place id, status, date,
role and traveller). A save also records, as ``left``, every candidate the extractor dropped
that the person did not make a stop: an implicit "not a stop", without which a model trained
on the corrections only sees the person's additions among the dropped candidates.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

#: the format of a corrections line (bumped when a key changes meaning)
FORMAT = "itinerary-corrections/1"


def feature_version() -> int | None:
    """The stop model's feature-set version (None without the extractor)."""
    try:
        from itinerary.extract.scoring import FEATURE_VERSION
    except ImportError:  # pragma: no cover - the extract package is part of the project
        return None
    return FEATURE_VERSION


@dataclass(frozen=True)
class Decision:
    """One person's decision on one stop or mention."""

    article_sha256: str
    draft: str
    article: str  # the article file, relative to the corrections file's folder where it can be
    action: str  # accept | edit | reject | add | left (a dropped candidate left out: implicit)
    mention_start: int | None
    mention_end: int | None
    mention_text: str | None
    extractor_said: str | None  # kept | dropped | context (None: no mention found)
    stop: bool
    place: str | None = None
    place_id: str | None = None
    status: str | None = None
    date: str | None = None
    role: str | None = None
    traveller: str | None = None
    features_version: int | None = field(default_factory=feature_version)

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), **asdict(self)}


def corrections_path(draft: Path) -> Path:
    """The corrections file of a draft: ``NAME.corrections.jsonl`` in the draft's folder."""
    return draft.with_name(draft.stem + ".corrections.jsonl")


def append_decisions(path: Path, decisions: list[Decision]) -> None:
    """Append the decisions (one line each, written in one call and flushed to disk)."""
    if not decisions:
        return
    text = "".join(json.dumps(d.to_json(), ensure_ascii=False, sort_keys=True) + "\n" for d in decisions)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, text.encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)


def read_decisions(path: Path) -> list[dict[str, Any]]:
    """The decisions stored in a corrections file, oldest first."""
    out: list[dict[str, Any]] = []
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{n}: not a JSON line ({exc.msg})") from None
    return out
