"""Build a corpus: extract every article (the map step, on Dask when installed), then merge the
drafts into one trip per traveller (the reduce step).

``OUT_DIR`` receives ``drafts/<name>.yaml`` (one per article), ``trips.yaml`` (merged),
``stops.parquet`` and ``legs.parquet`` (GeoParquet) and ``manifest.jsonl`` (content hashes,
so a second run skips what is finished and a stopped run resumes). Every file is written
atomically.

Nothing a person wrote is lost: a draft that differs from what the manifest recorded, for an
unchanged article, is a hand edit and is used as is; when the article changed (or with
``force``) the edit is moved aside to ``<name>.yaml.edited`` before the new draft is written.
An edited ``trips.yaml`` is moved aside the same way. A draft saved in ``itinerary review``
(listed in ``reviewed.jsonl``) is kept the same way, and ``force`` refuses to replace it unless
``force_reviewed``; ``articles/<name>.txt`` keeps the text each draft came from, for the
review. The drafts of articles no longer in the input leave ``drafts/``, the manifest and the
merge; a run that merges nothing removes the merged files of an earlier run, so the folder
never shows an older input's trips.

Before an article is extracted, the screen (:mod:`itinerary.build.screen`) sends an article with
no chance of a trip to "no trip" in about a millisecond; the manifest lists it (status
``no-trip``, reason ``screened``) and ``screen=False`` extracts every article.

The modules: :mod:`.sources` (articles, names, content hashes), :mod:`.screen`, :mod:`.engine`
(where the extraction runs: this process or Dask), :mod:`.run` (one build in its folder),
:mod:`.manifest`, :mod:`.outputs` (merged files), :mod:`.summary` (plan, summary, reporter).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

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
from itinerary.build.manifest import ARTICLES, Manifest
from itinerary.build.run import DRAFTS, Engine, Run, dask_mapper
from itinerary.build.screen import Screen
from itinerary.build.sources import DraftSettings, expand, iter_items, unique_names
from itinerary.build.summary import Plan, Reporter, Silent, Summary, exit_code
from itinerary.errors import ValidationError
from itinerary.merge.split import Mapper

__all__ = ["BuildError", "Plan", "Reporter", "Summary", "build", "exit_code"]

MANIFEST = "manifest.jsonl"
LOCK = ".build.lock"


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
    force_reviewed: bool = False,
    serial: bool = False,
    dashboard: bool = True,
    screen: bool = True,
    reporter: Reporter | None = None,
) -> Summary:
    """Extract every article of ``sources`` and merge the drafts into ``out_dir``.

    The map step runs on ``client`` (a ``distributed.Client``), else on the scheduler at
    ``scheduler``, else on a new local cluster of ``workers`` processes (default: one per
    core); with ``serial`` or without Dask installed, in this process. Articles whose content
    hash and draft match the manifest are skipped (``force`` extracts them all again, but
    refuses while a draft a person reviewed is among them, unless ``force_reviewed``). With
    ``screen`` (the default) an article with no chance of a trip is not extracted.
    """
    started = time.perf_counter()
    out = Path(out_dir)
    settings = DraftSettings(language, published_default, __version__)
    files = expand([str(s) for s in sources])
    _check_out_dir(out, files)
    items, renamed = unique_names(iter_items(files, settings))
    out.mkdir(parents=True, exist_ok=True)
    with _locked(out):
        for folder in (DRAFTS, ARTICLES):
            for leftover in (out / folder).glob(".*.tmp"):  # from a run killed while writing
                leftover.unlink()
        manifest = Manifest(out / MANIFEST)
        summary = Summary(total=len(items))
        run = Run(
            out,
            manifest,
            reporter or Silent(),
            summary,
            force=force or force_reviewed,
            force_reviewed=force_reviewed,
            screen=Screen() if screen else None,
        )
        summary.notes += [*manifest.problems, *renamed]
        try:
            pending = run.reuse(items)
            with contextlib.ExitStack() as stack:  # the cluster stays up for the merge
                if pending:
                    engine = stack.enter_context(_engine(client, workers, scheduler, dashboard, serial))
                    run.extract(pending, settings, engine)
                else:
                    run.reporter.start(Plan(len(items), 0, len(items), "nothing to extract", 0))
                run.forget_removed(items)
                run.forget_replaced()
                run.reduce(items, as_of)
        except BaseException:
            with contextlib.suppress(OSError):  # the first error is the one to report
                manifest.compact()
            raise
        manifest.compact()
    summary.seconds = time.perf_counter() - started
    return summary


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
    """One build at a time in ``out``: an advisory lock on ``out/.build.lock``, which is removed
    when the build ends, however it ends (the lock is held until the file is gone, so a build
    waiting to start never takes a lock on a file about to disappear)."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock
        yield
        return
    path = out / LOCK
    while True:
        fh = path.open("a")
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.close()
            raise BuildError(
                f"{out}: another build is writing into this folder; wait for it or choose another folder"
            ) from None
        if _same_file(fh, path):
            break
        fh.close()  # the build before us removed the file between our open and our lock: again
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            path.unlink()
        fh.close()


def _same_file(fh: Any, path: Path) -> bool:
    """True when the open file ``fh`` is still the file at ``path``."""
    try:
        return os.fstat(fh.fileno()).st_ino == path.stat().st_ino
    except FileNotFoundError:
        return False


class EngineInfo(NamedTuple):
    """What runs the map step: its label, its worker threads, its dashboard, a note."""

    label: str
    workers: int
    dashboard: str | None = None
    note: str | None = None


@contextlib.contextmanager
def _engine(
    client: Any, workers: int | None, scheduler: str | None, dashboard: bool, serial: bool
) -> Iterator[tuple[Engine, EngineInfo, Mapper | None]]:
    """Where the map step runs (this process, or a Dask cluster: given, remote or local), and
    where the merge of each batch of travellers runs (None: in this process)."""
    if serial or (client is None and not dask_available()):
        note = None if serial else f"Dask is not installed: extracting in one process ({SCALE_INSTALL})"
        yield serial_outcomes, EngineInfo("one process", 1, None, note), None
        return
    with contextlib.ExitStack() as stack:
        if client is None:
            client = stack.enter_context(dask_client(workers, scheduler, dashboard))
        threads = prepare_workers(client)
        label = f"Dask, {_workers_label(client, threads)} at {client.scheduler.address}"

        def run(stream: Iterator[Job | Outcome]) -> Iterator[Outcome]:
            return dask_outcomes(client, stream, in_flight=max(8, 4 * threads))

        yield run, EngineInfo(label, threads, dashboard_link(client)), dask_mapper(client)


def _workers_label(client: Any, threads: int) -> str:
    """The cluster's workers as they are: processes, and their threads when more than one each
    ("2 worker processes", "3 worker processes, 12 threads")."""
    processes = len(client.nthreads())
    label = f"{processes} worker process{'es' * (processes != 1)}"
    return label if threads == processes else f"{label}, {threads} threads"
