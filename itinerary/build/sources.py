"""The articles of a corpus: text files, JSON Lines or Parquet, each with a stable name and a
content hash (what the manifest compares to skip finished articles)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import glob
import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from itinerary.errors import ExtractionError, ItineraryError
from itinerary.extract import Article, read_article
from itinerary.extract.limits import MAX_ARTICLE_BYTES
from itinerary.files import read_limited

TEXT_SUFFIXES = frozenset({".txt"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
PARQUET_SUFFIXES = frozenset({".parquet", ".pq"})
COLUMNS = "text, published, url, language (optional: id, title, outlet)"
_GLOB = re.compile(r"[*?\[]")
_SLUG = re.compile(r"[^a-z0-9]+")
MAX_LINE_BYTES = 4 * MAX_ARTICLE_BYTES  # an article's text in JSON, escapes included
MIN_YEAR, MAX_YEAR = 100, 9000  # publication dates read: far from the calendar's ends (1 and 9999)
MAX_NAME = 80  # characters of an article's name (its draft's file name, less ".yaml")
NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # what slug() gives: a safe file name


@dataclass(frozen=True)
class Item:
    """One article of the corpus, not yet parsed.

    ``record`` is the path of a text file, or the fields of a JSON Lines row or Parquet row;
    ``error`` is set when the row could not even be read (bad JSON).
    """

    name: str
    origin: str
    digest: str
    record: str | dict[str, Any]
    error: str | None = None


@dataclass(frozen=True)
class DraftSettings:
    """What else decides a draft besides the article (part of every content hash)."""

    language: str | None = None
    published_default: dt.date | None = None
    version: str = ""

    def key(self) -> bytes:
        return json.dumps(
            [self.language, self.published_default and self.published_default.isoformat(), self.version]
        ).encode()


def slug(text: str) -> str:
    """A file name for ``text``: lower-case letters, digits and dashes, at most ``MAX_NAME``
    characters (a longer one is cut and ends with a short hash of the whole text, so two long
    ids that share a beginning keep apart)."""
    name = _SLUG.sub("-", text.lower()).strip("-") or "article"
    if len(name) <= MAX_NAME:
        return name
    tag = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"{name[: MAX_NAME - len(tag) - 1].rstrip('-')}-{tag}"


def expand(sources: Sequence[str | Path]) -> list[Path]:
    """The files behind folders (their .txt, .jsonl and .parquet files), globs and plain paths."""
    files: list[Path] = []
    for src in sources:
        text = str(src)
        if _GLOB.search(text):
            found = sorted(Path(p) for p in glob.glob(text, recursive=True) if Path(p).is_file())
            if not found:
                raise ExtractionError(f"{text}: no file matches this pattern")
            files.extend(found)
        elif Path(text).is_dir():
            known = TEXT_SUFFIXES | JSONL_SUFFIXES | PARQUET_SUFFIXES
            found = sorted(p for p in Path(text).iterdir() if p.suffix.lower() in known and p.is_file())
            if not found:
                raise ExtractionError(f"{text}: no .txt, .jsonl or .parquet articles in this folder")
            files.extend(found)
        elif Path(text).is_file():
            files.append(Path(text))
        else:
            raise ExtractionError(f"{text}: no such file or folder; check the path")
    return files


def iter_items(files: Sequence[Path], settings: DraftSettings) -> Iterator[Item]:
    """Every article of ``files``, in order, with the name its origin gives it (``x`` for
    ``x.txt``, the slug of a row's ``id``); :func:`unique_names` makes them unique."""
    for path in files:
        suffix = path.suffix.lower()
        if suffix in JSONL_SUFFIXES:
            yield from _jsonl_items(path, settings)
        elif suffix in PARQUET_SUFFIXES:
            yield from _parquet_items(path, settings)
        else:
            yield _text_item(path, settings)


def unique_names(items: Iterable[Item]) -> tuple[list[Item], list[str]]:
    """The items with names made unique, and a note for each renamed one.

    The first article of a name keeps it; a later one gets the first of ``NAME-2``,
    ``NAME-3`` ... that no article of the input is named (every natural name is reserved
    first), so a generated name never takes the name of another article, whatever the order.
    """
    listed = list(items)
    taken = {item.name for item in listed}
    first: dict[str, str] = {}
    out: list[Item] = []
    notes: list[str] = []
    for item in listed:
        if item.name not in first:
            first[item.name] = item.origin
            out.append(item)
            continue
        n = 2
        while (candidate := f"{item.name}-{n}") in taken:
            n += 1
        taken.add(candidate)
        notes.append(
            f"{item.origin}: the name {item.name!r} is already the name of {first[item.name]}; "
            f"its draft is {candidate}.yaml (give every article its own id or file name)"
        )
        out.append(dataclasses.replace(item, name=candidate))
    return out, notes


def _digest(payload: bytes, settings: DraftSettings) -> str:
    return hashlib.sha256(settings.key() + b"\0" + payload).hexdigest()


def _text_item(path: Path, settings: DraftSettings) -> Item:
    try:
        payload = read_limited(path, MAX_ARTICLE_BYTES, what="article")
    except ItineraryError as exc:
        return Item(slug(path.stem), str(path), "", str(path), str(exc))
    return Item(slug(path.stem), str(path), _digest(payload, settings), str(path))


def _record_item(
    stem: str, origin: str, record: dict[str, Any], settings: DraftSettings, raw: bytes | None = None
) -> Item:
    """The item of a row; its content hash is of ``raw`` (a JSON line as read, which decides the
    row: hashing it costs less than writing the row out again), else of the row as JSON."""
    if raw is None:
        raw = json.dumps(record, sort_keys=True, ensure_ascii=False, default=str).encode()
    name = slug(str(record["id"])) if record.get("id") not in (None, "") else stem
    return Item(name, origin, _digest(raw, settings), record)


def _jsonl_items(path: Path, settings: DraftSettings) -> Iterator[Item]:
    stem = slug(path.stem)
    with path.open("rb") as fh:
        for lineno, line in enumerate(iter(lambda: fh.readline(MAX_LINE_BYTES + 1), b""), start=1):
            origin = f"{path}:{lineno}"
            if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
                _skip_line(fh)
                why = f"line over the {MAX_LINE_BYTES // 1024} KB limit for one article"
                yield _bad_row(stem, lineno, origin, line[:1024], why, settings)
                continue
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as exc:
                yield _bad_row(stem, lineno, origin, line, f"not valid JSON ({exc})", settings)
                continue
            if not isinstance(record, dict):
                yield _bad_row(stem, lineno, origin, line, "a line must be a JSON object", settings)
                continue
            yield _record_item(f"{stem}-{lineno}", origin, record, settings, line.strip())


def _skip_line(fh: Any) -> None:
    """Read past the rest of an overlong line, a megabyte at a time."""
    while (chunk := fh.readline(1 << 20)) and not chunk.endswith(b"\n"):
        pass


def _bad_row(stem: str, n: int, origin: str, raw: bytes, why: str, settings: DraftSettings) -> Item:
    return Item(f"{stem}-{n}", origin, _digest(raw, settings), {}, f"{origin}: {why}; expected {{{COLUMNS}}}")


def _parquet_items(path: Path, settings: DraftSettings) -> Iterator[Item]:
    try:
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise ExtractionError(f"{path}: reading Parquet needs pyarrow; pip install pyarrow") from exc
    try:
        table = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several kinds for a damaged file
        raise ExtractionError(f"{path}: not a readable Parquet file ({exc})") from None
    if "text" not in table.schema_arrow.names:
        raise ExtractionError(f"{path}: no 'text' column; expected columns {COLUMNS}")
    stem = slug(path.stem)
    row = 0
    for batch in table.iter_batches(batch_size=1024):
        for record in batch.to_pylist():
            row += 1
            yield _record_item(f"{stem}-{row}", f"{path} (row {row})", record, settings)


def to_article(item: Item, settings: DraftSettings) -> Article:
    """The article of ``item`` (its name as source id); :class:`ExtractionError` when unusable."""
    if item.error:
        raise ExtractionError(item.error)
    if isinstance(item.record, str):
        article = read_article(item.record, language=settings.language)
    else:
        article = _record_article(item.origin, item.record, settings)
    if article.published is None and settings.published_default is not None:
        article = dataclasses.replace(article, published=settings.published_default)
    check_year(item.origin, article.published)
    return dataclasses.replace(article, source_id=item.name)


def check_year(origin: str, day: dt.date | None) -> None:
    """Refuse a publication date outside the years ``MIN_YEAR``-``MAX_YEAR`` before anything
    reads dates against it (a week after 9999-12-31 is no date)."""
    if day is not None and not MIN_YEAR <= day.year <= MAX_YEAR:
        raise ExtractionError(
            f"{origin}: published {day.isoformat()} is outside the years {MIN_YEAR}-{MAX_YEAR} "
            "this tool reads; check the date (YYYY-MM-DD)"
        )


def _record_article(origin: str, record: dict[str, Any], settings: DraftSettings) -> Article:
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ExtractionError(f"{origin}: no article text (field 'text' is missing or empty)")
    if "\x00" in text:
        raise ExtractionError(f"{origin}: 'text' holds binary data, not the text of an article")
    if len(text) > MAX_ARTICLE_BYTES:
        raise ExtractionError(
            f"{origin}: the text is over the {MAX_ARTICLE_BYTES // 1024} KB limit for one article; split it"
        )
    url = _opt(record.get("url"))
    language = settings.language or (_opt(record.get("language")) or "")[:2].lower() or None
    return Article(
        text=text,
        published=_published(origin, record.get("published")),
        language=language,
        title=_opt(record.get("title")),
        url=url if url and url.startswith(("http://", "https://")) else None,
        publisher=_opt(record.get("outlet") or record.get("publisher")),
    )


def _opt(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None


def _published(origin: str, value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    m = re.match(r"(\d{4}-\d{2}-\d{2})", str(value).strip())
    try:
        return dt.date.fromisoformat(m.group(1)) if m else dt.date.fromisoformat(str(value))
    except ValueError:
        raise ExtractionError(
            f"{origin}: published {str(value)[:40]!r} is not a date; write it as YYYY-MM-DD"
        ) from None
