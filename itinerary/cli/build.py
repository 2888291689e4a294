"""``itinerary build``: a corpus of articles to drafts, one merged trip file and GeoParquet."""

from __future__ import annotations

import os
import signal
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, cast

import click

from itinerary.cli.main import ARTICLE_LANGUAGE, DATE, cli, handle_errors, say

if TYPE_CHECKING:
    from itinerary.build import Summary


class TerminalReporter:
    """Plan and summary lines on stderr, and a progress bar (rich's when installed).

    ``interrupted`` is set by Ctrl-C: a KeyboardInterrupt that a library swallows (Dask waiting
    for a result catches it in some windows, and the build would run on to the end) is raised
    again at the next article."""

    def __init__(self, interrupted: threading.Event | None = None) -> None:
        self._bar: Any = None
        self._task: Any = None
        self._interrupted = interrupted or threading.Event()

    def _check(self) -> None:
        if self._interrupted.is_set():
            raise KeyboardInterrupt

    def start(self, plan: Any) -> None:
        self._check()
        if plan.note:
            say(f"note: {plan.note}", fg="yellow")
        say(
            f"{plan.total} articles: {plan.reused} finished before, {plan.to_extract} to extract "
            f"({plan.engine})"
        )
        if plan.dashboard:
            say(f"Dask dashboard: {plan.dashboard}")
        if plan.to_extract:
            self._open(plan.to_extract)

    def _open(self, total: int) -> None:
        try:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )
        except ImportError:
            self._bar = cast(Any, click).progressbar(length=total, label="extracting", file=sys.stderr)
            self._bar.__enter__()
            return
        self._bar = Progress(
            TextColumn("extracting"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
        )
        self._bar.__enter__()
        self._task = self._bar.add_task("extract", total=total)

    def advance(self, outcome: Any) -> None:
        self._check()
        if self._bar is None:
            return
        if self._task is None:
            self._bar.update(1)
        else:
            self._bar.advance(self._task)

    def finish(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None


def _remember_ctrl_c() -> threading.Event:
    """Ctrl-C raises KeyboardInterrupt as always, and is remembered (see TerminalReporter)."""
    pressed = threading.Event()
    if threading.current_thread() is threading.main_thread():

        def on_sigint(signum: int, frame: Any) -> None:
            pressed.set()
            signal.default_int_handler(signum, frame)

        signal.signal(signal.SIGINT, on_sigint)
        shown = sys.unraisablehook

        def quiet_ctrl_c(info: Any) -> None:
            # a Ctrl-C that lands in a callback Python cannot raise from (a garbage-collector
            # hook of Dask's) is remembered above: no "Exception ignored" traceback for it
            if not isinstance(info.exc_value, KeyboardInterrupt):
                shown(info)

        sys.unraisablehook = quiet_ctrl_c
    return pressed


def _quiet_from_now_on() -> None:
    """After the first Ctrl-C the run is ending: a second one (or one that reaches the
    process while Dask shuts down) must not print tracebacks or cut the clean-up short."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def _exit_interrupted() -> NoReturn:
    """Leave with status 130 now. Everything the build opened is closed by the time Ctrl-C
    reaches here (drafts, the parts store, the cluster). The interpreter's own shutdown is skipped:
    it gives SIGINT back its default action, and on a loaded machine the process was seen to end
    by the signal after this line (status -2, no traceback) instead of with this status."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(130)


@cli.command("build")
@click.argument("sources", metavar="SOURCE...", nargs=-1, required=True)
@click.option(
    "-o",
    "--out-dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Where drafts/, trips.yaml, stops.parquet, legs.parquet and manifest.jsonl go.",
)
@click.option(
    "--workers",
    type=click.IntRange(1, None),
    help="Worker processes of the local Dask cluster (default: one per core).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Use a running Dask scheduler and its workers, e.g. tcp://10.0.0.5:8786.",
)
@click.option(
    "--lang",
    type=ARTICLE_LANGUAGE,
    default="auto",
    show_default=True,
    help="Language of every article (auto: the article's own header or field, else detected).",
)
@click.option(
    "--published-default",
    type=DATE,
    help="Publication date for articles that give none (header 'date:' or field 'published').",
)
@click.option("--as-of", type=DATE, help="Merge only sources published by this date.")
@click.option("--force", is_flag=True, help="Extract every article again, even the finished ones.")
@click.option(
    "--force-reviewed",
    is_flag=True,
    help="Extract again the drafts a person reviewed too (implies --force; each review is moved aside).",
)
@click.option("--serial", is_flag=True, help="Extract in this process, without Dask.")
@click.option(
    "--no-screen",
    is_flag=True,
    help="Extract every article; by default one with no travel word beside a known place name "
    "(in the same paragraph) is recorded as 'no trip' unread.",
)
@handle_errors
def build_command(
    sources: tuple[str, ...],
    out_dir: Path,
    workers: int | None,
    scheduler: str | None,
    lang: str,
    published_default: Any,
    as_of: Any,
    force: bool,
    force_reviewed: bool,
    serial: bool,
    no_screen: bool,
) -> None:
    """Extract a corpus of articles on Dask and merge the drafts into one trip per traveller.

    SOURCE is a folder (its .txt, .jsonl and .parquet files), a glob ('news/**/*.txt'), a
    text file (with the optional '# key: value' header of `extract`), a JSON Lines file (one
    article a line: text, published, url, language) or a Parquet file with those columns.
    Without --scheduler a local cluster of processes runs the extraction; without Dask
    installed, this process does. A second run skips the articles already done (manifest of
    content hashes), so a stopped run resumes where it was. Exit code 1 if any article failed.

    \b
      itinerary build articles/ -o corpus/
      itinerary build 'feeds/*.jsonl' -o corpus/ --scheduler tcp://10.0.0.5:8786
    """
    from itinerary.build import build as run_build  # deferred: the extractor (spaCy) and Dask
    from itinerary.build import exit_code

    if workers is not None and scheduler is not None:
        raise click.UsageError("give --workers (local cluster) or --scheduler (running cluster), not both")
    try:
        summary = run_build(
            sources,
            out_dir,
            workers=workers,
            scheduler=scheduler,
            language=None if lang == "auto" else lang,
            published_default=published_default.date() if published_default else None,
            as_of=as_of.date() if as_of else None,
            force=force,
            force_reviewed=force_reviewed,
            serial=serial,
            screen=not no_screen,
            reporter=TerminalReporter(_remember_ctrl_c()),
        )
    except KeyboardInterrupt:
        _quiet_from_now_on()
        say(
            f"interrupted; the drafts written so far are kept in {out_dir}: run the same command to resume",
            fg="red",
        )
        _exit_interrupted()
    _report(summary, out_dir)
    raise SystemExit(exit_code(summary))


def _report(summary: Summary, out_dir: Path) -> None:
    """The end of a build on stderr: notes, failures, stops to review, the summary line and
    the files written."""
    for note in summary.notes:
        say(f"note: {note}", fg="yellow")
    for _, reason in summary.failures:
        say(f"failed: {reason}", fg="red")
    for trip_id, n in summary.review:
        say(f"  trip {trip_id}: {n} stop{'s' * (n != 1)} to review")
    if summary.undated:
        say(
            f"{summary.undated} article{'s' * (summary.undated != 1)} had no publication date, so weekday "
            "and relative dates were left out; give one with --published-default YYYY-MM-DD or a "
            "'published' column (JSON Lines, Parquet)"
        )
    say(summary.line())
    for path in summary.written:
        say(f"wrote {path}")
    if summary.nothing_merged:
        say(f"error: {summary.nothing_merged}; no merged file written", fg="red")
    elif summary.ok and not summary.written:
        say(f"{out_dir}: the merged files are up to date")
