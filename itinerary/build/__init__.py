"""Build a corpus: extract every article (the map step, on Dask when installed), then merge the
drafts into one trip per traveller (the reduce step).

``OUT_DIR`` receives ``drafts/<name>.yaml`` (one per article), ``trips.yaml`` (merged),
``stops.parquet`` and ``legs.parquet`` (GeoParquet) and ``manifest.jsonl`` (content hashes,
so a second run skips what is finished and a stopped run resumes). Every file is written
atomically.

Nothing a person wrote is lost: a draft that differs from what the manifest recorded, for an
unchanged article, is a hand edit and is used as is; when the article changed (or with
``force``) the edit is moved aside to ``<name>.yaml.edited`` before the new draft is written.
An edited ``trips.yaml`` is moved aside the same way. The drafts of articles no longer in the
input leave ``drafts/``, the manifest and the merge; a run that merges nothing removes the
merged files of an earlier run, so the folder never shows an older input's trips.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import time
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, Protocol

from itinerary import __version__
from itinerary.build.engine import (
    SCALE_INSTALL,
    BuildError,
    Job,
    Outcome,
    dashboard_link,
    dask_available,
    dask_client,
    dask_outcomes,
    prepare_workers,
    serial_outcomes,
)
from itinerary.build.manifest import FAILED, OK, Entry, Manifest, text_digest
from itinerary.build.outputs import (
    TRIPS,
    file_digest,
    geoparquet_available,
    reduce_key,
    remove_merged,
    set_aside,
    set_aside_edited_trips,
    up_to_date,
    write_merged,
)
from itinerary.build.sources import Item, Options, expand, iter_items, to_article, unique_names
from itinerary.errors import ExtractionError, ItineraryError, MergeWarning, ValidationError
from itinerary.files import write_text
from itinerary.io import yaml as yaml_io
from itinerary.merge import merge_report
from itinerary.model import Itinerary

__all__ = ["BuildError", "Plan", "Reporter", "Summary", "build"]

DRAFTS = "drafts"
MANIFEST = "manifest.jsonl"
LOCK = ".build.lock"


@dataclass(frozen=True)
class Plan:
    """What a run is about to do; given to the reporter before the first article."""

    total: int
    to_extract: int
    reused: int
    engine: str
    workers: int
    dashboard: str | None = None
    note: str | None = None


@dataclass
class Summary:
    """What a run did. ``failures`` are (origin, reason) pairs, in input order."""

    total: int = 0
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    extracted: int = 0
    seconds: float = 0.0
    map_seconds: float = 0.0
    trips: int = 0
    stops: int = 0
    workers: int = 0
    engine: str = "nothing to extract"
    failures: list[tuple[str, str]] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    review: list[tuple[str, int]] = field(default_factory=list)  # (trip id, stops to review) when merged
    undated: int = 0  # drafts merged whose article had no publication date
    #: What the user should know about: kept or moved hand edits, renamed articles, removed
    #: drafts, manifest lines skipped.
    notes: list[str] = field(default_factory=list)
    #: Why no merged file was written (no article gave a draft, nothing published by --as-of).
    nothing_merged: str | None = None

    @property
    def rate(self) -> float:
        """Articles extracted per second of the map step (cluster start-up not counted)."""
        return self.extracted / self.map_seconds if self.map_seconds > 0 else 0.0

    def line(self) -> str:
        """The one-line summary printed at the end of a run."""
        speed = f"{self.rate:.2f} articles/s on {self.engine}"
        extracted = (
            f"{self.extracted} extracted in {self.map_seconds:.1f} s ({speed})"
            if self.extracted
            else "nothing to extract"
        )
        return (
            f"{self.ok} ok, {self.failed} failed, {self.skipped} skipped as finished; {extracted}; "
            f"{self.trips} trips, {self.stops} stops"
            + (f" ({sum(n for _, n in self.review)} to review)" if self.review else "")
            + f"; {self.seconds:.1f} s in all"
        )


class Reporter(Protocol):
    """Receives progress: the plan, each finished article, the end of the map step."""

    def start(self, plan: Plan) -> None: ...

    def advance(self, outcome: Outcome) -> None: ...

    def finish(self) -> None: ...


class _Silent:
    def start(self, plan: Plan) -> None:
        return None

    def advance(self, outcome: Outcome) -> None:
        return None

    def finish(self) -> None:
        return None


def build(
    sources: Sequence[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    client: Any = None,
    language: str | None = None,
    published_default: dt.date | None = None,
    as_of: dt.date | None = None,
    force: bool = False,
    serial: bool = False,
    dashboard: bool = True,
    reporter: Reporter | None = None,
) -> Summary:
    """Extract every article of ``sources`` and merge the drafts into ``out_dir``.

    The map step runs on ``client`` (a ``distributed.Client``), else on the scheduler at
    ``scheduler``, else on a new local cluster of ``workers`` processes (default: one per
    core); with ``serial`` or without Dask installed, in this process. Articles whose content
    hash and draft match the manifest are skipped (``force`` extracts them all again).
    """
    started = time.perf_counter()
    out = Path(out_dir)
    options = Options(language, published_default, __version__)
    files = expand([str(s) for s in sources])
    _check_out_dir(out, files)
    items, renamed = unique_names(iter_items(files, options))
    out.mkdir(parents=True, exist_ok=True)
    with _locked(out):
        for leftover in (out / DRAFTS).glob(".*.tmp"):  # from a run killed while writing
            leftover.unlink()
        manifest = Manifest(out / MANIFEST)
        run = _Run(out, manifest, reporter or _Silent(), Summary(total=len(items)), force=force)
        run.summary.notes += [*manifest.problems, *renamed]
        try:
            pending = run.reuse(items)
            if pending:
                run.extract(pending, options, _engine(client, workers, scheduler, dashboard, serial))
            else:
                run.reporter.start(Plan(len(items), 0, len(items), "nothing to extract", 0))
            run.forget_removed(items)
            run.reduce(items, as_of)
        except BaseException:
            with contextlib.suppress(OSError):  # the first error is the one to report
                manifest.compact()
            raise
        manifest.compact()
    run.summary.seconds = time.perf_counter() - started
    return run.summary


def _check_out_dir(out: Path, files: list[Path]) -> None:
    if out.exists() and not out.is_dir():
        raise ValidationError(f"{out} is not a folder; -o needs the folder to build into")
    if (out / DRAFTS).exists() and not (out / DRAFTS).is_dir():
        raise ValidationError(
            f"{out / DRAFTS} is not a folder; the drafts go in a folder of that name: move the file away"
        )
    root = out.resolve()
    for f in files:
        if root in f.resolve().parents:
            raise ValidationError(
                f"{f} is inside the output folder {out}; build into another folder "
                "(its drafts, manifest and Parquet files would be read as articles)"
            )


@contextlib.contextmanager
def _locked(out: Path) -> Iterator[None]:
    """One build at a time in ``out`` (an advisory lock on ``out/.build.lock``)."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock
        yield
        return
    with (out / LOCK).open("a") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildError(
                f"{out}: another build is writing into this folder; wait for it or choose another folder"
            ) from None
        yield


class _Engine(Protocol):
    def __call__(self, stream: Iterator[Job | Outcome]) -> Iterator[Outcome]: ...


@dataclass
class _Run:
    out: Path
    manifest: Manifest
    reporter: Reporter
    summary: Summary
    force: bool = False
    fresh: dict[str, Itinerary] = field(default_factory=dict)
    kept: dict[str, Itinerary] = field(default_factory=dict)
    digests: dict[str, str] = field(default_factory=dict)  # name -> SHA-256 of the draft merged
    failures: dict[str, str] = field(default_factory=dict)

    @property
    def drafts(self) -> Path:
        return self.out / DRAFTS

    def reuse(self, items: list[Item]) -> list[Item]:
        """Count the finished articles and keep the hand-edited drafts; the ones left to extract."""
        pending = []
        for item in items:
            entry = self.manifest.entries.get(item.name)
            same = entry is not None and entry.digest == item.digest and not self.force
            draft = self.drafts / f"{item.name}.yaml"
            on_disk = file_digest(draft)
            if entry is None or not same:
                pending.append(item)
            elif on_disk is None and entry.status == OK:
                pending.append(item)  # its draft was deleted: extract it again
            elif on_disk is None or on_disk == entry.draft:
                self.summary.skipped += 1  # finished before (a success or a failure)
                if entry.status == FAILED:
                    self.failures[item.name] = entry.reason or f"{item.origin}: failed"
                else:
                    self.digests[item.name] = on_disk or ""
            else:
                self.summary.skipped += 1
                self._keep_edit(item, draft, on_disk)
        return pending

    def _keep_edit(self, item: Item, draft: Path, digest: str) -> None:
        """Use a draft edited (or written) by hand for an unchanged article, as it is."""
        try:
            self.kept[item.name] = yaml_io.load(draft)
        except ItineraryError as exc:
            self.failures[item.name] = (
                f"{draft}: your edit of this draft is not a valid itinerary ({exc}); fix it, or "
                f"delete the file to extract {item.origin} again"
            )
            return
        self.digests[item.name] = digest
        self.summary.notes.append(
            f"kept your edit of {draft} (its article is unchanged; --force extracts it again "
            "and moves your edit aside)"
        )

    def extract(self, pending: list[Item], options: Options, engine: Any) -> None:
        """The map step: every pending article through the engine, results taken as they come."""
        with engine as (outcomes, info):
            self.summary.engine, self.summary.workers = info.label, info.workers
            reused = self.summary.total - len(pending)
            self.reporter.start(Plan(self.summary.total, len(pending), reused, *info))
            started = time.perf_counter()
            try:
                for outcome in outcomes(_jobs(pending, options)):
                    self.take(outcome)
            finally:
                self.reporter.finish()
            self.summary.map_seconds = time.perf_counter() - started

    def take(self, outcome: Outcome) -> None:
        """Write a finished article's draft and record it in the manifest."""
        draft = self.drafts / f"{outcome.name}.yaml"
        self._protect(draft, outcome)
        if outcome.ok:
            assert outcome.draft is not None and outcome.itinerary is not None
            write_text(draft, outcome.draft)
            digest = text_digest(outcome.draft)
            self.manifest.record(Entry(outcome.name, outcome.digest, OK, draft=digest))
            self.fresh[outcome.name] = outcome.itinerary
            self.digests[outcome.name] = digest
        else:
            draft.unlink(missing_ok=True)  # an older draft of an article that now fails
            if outcome.cacheable:
                self.manifest.record(Entry(outcome.name, outcome.digest, FAILED, reason=outcome.reason))
            self.failures[outcome.name] = outcome.reason or f"{outcome.origin}: failed"
        self.summary.extracted += 1
        self.reporter.advance(outcome)

    def _protect(self, draft: Path, outcome: Outcome) -> None:
        """Move aside a draft about to be replaced that is not the one the manifest recorded
        (nor the new one): a person edited it."""
        on_disk = file_digest(draft)
        if on_disk is None:
            return
        entry = self.manifest.entries.get(outcome.name)
        if (entry is not None and on_disk == entry.draft) or (
            outcome.draft is not None and on_disk == text_digest(outcome.draft)
        ):
            return
        aside = set_aside(draft)
        why = "--force extracts every article again" if self.force else "its article changed"
        self.summary.notes.append(f"moved your edit of {draft} to {aside} ({why}); compare and merge by hand")

    def forget_removed(self, items: list[Item]) -> None:
        """The drafts and manifest lines of articles no longer in the input leave the folder
        (a hand-edited draft is moved aside, not deleted)."""
        names = {item.name for item in items}
        gone = sorted(n for n in self.manifest.entries if n not in names)
        for name in gone:
            entry = self.manifest.entries[name]
            draft = self.drafts / f"{name}.yaml"
            on_disk = file_digest(draft)
            if on_disk is not None and on_disk != entry.draft:
                aside = set_aside(draft)
                self.summary.notes.append(
                    f"moved your edit of {draft} to {aside} (its article is no longer in the input)"
                )
            else:
                draft.unlink(missing_ok=True)
            self.manifest.forget(name)
        if gone:
            listed = ", ".join(gone[:3]) + (f" and {len(gone) - 3} more" if len(gone) > 3 else "")
            self.summary.notes.append(
                f"removed {len(gone)} draft{'s' * (len(gone) != 1)} of articles no longer in the input "
                f"from {self.drafts} ({listed})"
            )

    def reduce(self, items: list[Item], as_of: dt.date | None) -> None:
        """Merge the drafts of this input (in input order) and write the merged files, unless
        the files of the same drafts are already there. A run that merges nothing removes the
        merged files of an earlier input."""
        s = self.summary
        s.failures = [(item.origin, self.failures[item.name]) for item in items if item.name in self.failures]
        s.failed = len(s.failures)
        s.ok = len(items) - s.failed
        ok = [item for item in items if item.name not in self.failures]
        if not ok:
            self._nothing_merged("no article gave a draft")
            return
        geoparquet = geoparquet_available()
        key = reduce_key([(i.name, self.digests[i.name]) for i in ok], as_of, __version__, geoparquet)
        done = up_to_date(self.out, key)
        if done is not None:
            s.trips, s.stops = done
            return
        with warnings.catch_warnings():  # a corpus holds unrelated trips: no common traveller is normal
            warnings.simplefilter("ignore", MergeWarning)
            drafts = [self._draft(item) for item in ok]
            merged, report = merge_report(drafts, as_of=as_of)
        if not merged.trips:
            when = f"nothing was published by {as_of.isoformat()}" if as_of else "the drafts hold no trip"
            self._nothing_merged(when)
            return
        s.review = list(report.review)
        s.undated = sum(1 for d in drafts if not any(src.published for src in d.sources))
        s.trips = len(merged.trips)
        s.stops = sum(len(t.stops) for t in merged.trips)
        text = yaml_io.dumps(merged)
        aside = set_aside_edited_trips(self.out, text)
        if aside is not None:
            s.notes.append(f"moved your edit of {self.out / TRIPS} to {aside}")
        s.written = write_merged(merged, self.out, key, geoparquet=geoparquet, text=text)

    def _nothing_merged(self, why: str) -> None:
        self.summary.nothing_merged = why
        removed, aside = remove_merged(self.out)
        if aside is not None:
            self.summary.notes.append(f"moved your edit of the merged trips to {aside}")
        if removed:
            names = ", ".join(p.name for p in removed)
            self.summary.notes.append(f"removed the merged files of an earlier run ({names})")

    def _draft(self, item: Item) -> Itinerary:
        found = self.fresh.get(item.name) or self.kept.get(item.name)
        return found if found is not None else yaml_io.load(self.drafts / f"{item.name}.yaml")


def _jobs(pending: list[Item], options: Options) -> Iterator[Job | Outcome]:
    """Parse each article; an unreadable one becomes a failed outcome at once."""
    for item in pending:
        try:
            article = to_article(item, options)
        except ExtractionError as exc:
            yield Outcome(item.name, item.origin, item.digest, reason=str(exc))
            continue
        yield Job(item.name, item.origin, item.digest, article)


class EngineInfo(NamedTuple):
    label: str
    workers: int
    dashboard: str | None = None
    note: str | None = None


@contextlib.contextmanager
def _engine(
    client: Any, workers: int | None, scheduler: str | None, dashboard: bool, serial: bool
) -> Iterator[tuple[_Engine, EngineInfo]]:
    """Where the map step runs: this process, or a Dask cluster (given, remote or local)."""
    if serial or (client is None and not dask_available()):
        note = None if serial else f"Dask is not installed: extracting in one process ({SCALE_INSTALL})"
        yield serial_outcomes, EngineInfo("one process", 1, None, note)
        return
    with contextlib.ExitStack() as stack:
        if client is None:
            client = stack.enter_context(dask_client(workers, scheduler, dashboard))
        threads = prepare_workers(client)
        label = f"Dask, {threads} worker thread{'s' * (threads != 1)} at {client.scheduler.address}"

        def run(stream: Iterator[Job | Outcome]) -> Iterator[Outcome]:
            return dask_outcomes(client, stream, in_flight=max(8, 4 * threads))

        yield run, EngineInfo(label, threads, dashboard_link(client))


def exit_code(summary: Summary) -> int:
    """0 when every article gave a draft and the merge wrote its files, 1 otherwise."""
    return 1 if summary.failed or summary.nothing_merged else 0
