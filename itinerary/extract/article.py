"""A news article: its text and what is known about it, read from a file and cleaned."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from itinerary.errors import ExtractionError, ValidationError
from itinerary.extract.limits import MAX_ARTICLE_BYTES, check_article_text
from itinerary.files import read_limited


@dataclass(frozen=True)
class Article:
    """The text of a news article and what is known about it."""

    text: str
    published: dt.date | None = None
    language: str | None = None
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    source_id: str = "article"


def read_article(
    path: str | Path, *, published: dt.date | None = None, language: str | None = None
) -> Article:
    """Read an article file. An optional header of ``# key: value`` lines ended by ``---``
    supplies ``date``, ``language``, ``title``, ``source_url`` and ``outlet``; arguments win."""
    p = Path(path)
    meta, raw = _header(_decode(p))
    if not raw.strip():
        raise ExtractionError(f"{p}: the article is empty")
    check_article_text(raw, str(p))
    if published is None and meta.get("date"):
        m = re.match(r"\d{4}-\d{2}-\d{2}", meta["date"])
        if m:
            try:
                published = dt.date.fromisoformat(m.group())
            except ValueError:
                raise ExtractionError(
                    f"{p}: header 'date: {meta['date']}' is not a real date; write it as YYYY-MM-DD"
                ) from None
    url = meta.get("source_url")
    return Article(
        text=raw,
        published=published,
        language=language or (meta.get("language") or "")[:2] or None,
        title=meta.get("title") or None,
        url=url if url and url.startswith(("http://", "https://")) else None,
        publisher=meta.get("outlet") or None,
        source_id=re.sub(r"[^a-z0-9]+", "-", p.stem.lower()).strip("-") or "article",
    )


def _decode(p: Path) -> str:
    """The file's text (UTF-8, no binary), within the size limit."""
    try:
        data = read_limited(p, MAX_ARTICLE_BYTES, what="article")
    except ValidationError as exc:
        raise ExtractionError(str(exc)) from None
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ExtractionError(
            f"{p}: not UTF-8 text (byte {exc.start}); convert it, e.g. with iconv"
        ) from None
    if "\x00" in raw:
        raise ExtractionError(f"{p}: this is a binary file, not the text of an article")
    return raw


def _header(raw: str) -> tuple[dict[str, str], str]:
    """The ``# key: value`` header lines ended by ``---`` (lower-case keys), and the text after them."""
    meta: dict[str, str] = {}
    lines = raw.splitlines()
    if lines and lines[0].startswith("# ") and "---" in (ln.strip() for ln in lines):
        end = next(i for i, ln in enumerate(lines) if ln.strip() == "---")
        for ln in lines[:end]:
            key, sep, value = ln[2:].partition(":")
            if sep:
                meta[key.strip().lower()] = value.strip()
        raw = "\n".join(lines[end + 1 :])
    return meta, raw


def clean_text(text: str) -> str:
    """NFC, plain spaces and apostrophes, without the corpus's truncation marks."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u00a0", " ").replace("\u2019", "'").replace("\u02bc", "'")
    return re.sub(r"\[excerpt truncated[^\]]*\]", "", text)
