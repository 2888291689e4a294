"""``itinerary extract``: news articles to draft itineraries, one article or a batch (resumable)."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from itinerary.cli.common import FORCE, count
from itinerary.cli.main import ARTICLE_LANGUAGE, DATE, cli, handle_errors, say
from itinerary.errors import ExtractionError
from itinerary.files import check_output
from itinerary.io import yaml as yaml_io


@cli.command()
@click.argument("articles", metavar="ARTICLE...", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--lang",
    type=ARTICLE_LANGUAGE,
    default="auto",
    show_default=True,
    help="Language of the articles (auto: detected from the text).",
)
@click.option(
    "--published",
    type=DATE,
    help="Publication date: dates without a year, weekdays and 'tomorrow' are read "
    "against it (without it, and without a '# date:' header, such dates are left out).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The draft YAML to write (one article). Without it the draft goes to stdout.",
)
@click.option(
    "--out-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Batch mode: write <article name>.yaml for each article (or each .txt of a folder) here.",
)
@FORCE
@click.option(
    "--model",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The stop model that decides which candidates are stops (from `itinerary train`; default: shipped).",
)
@click.option(
    "--status-model",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The status model that decides confirmed, planned or cancelled "
    "(from `itinerary train --status-output`; default: shipped).",
)
@click.option(
    "--date-model",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The date model that picks each stop's date among those the article offers "
    "(from `itinerary train --date-output`; default: shipped).",
)
@click.option(
    "--explain",
    is_flag=True,
    help="Print, on stderr, every place mention with the rule or probability that kept or dropped it.",
)
@handle_errors
def extract(
    articles: tuple[Path, ...],
    lang: str,
    published: Any,
    output: Path | None,
    out_dir: Path | None,
    force: bool,
    model: Path | None = None,
    status_model: Path | None = None,
    date_model: Path | None = None,
    explain: bool = False,
) -> None:
    """Turn news articles into draft itineraries (format v1) to review, resolve and map.

    Each stop carries its status (confirmed, planned or cancelled, from tense and cue
    words), its date, the sentence it comes from as `quote`, a resolved place and a
    confidence; `needs_review: true` marks what to check. An article file may start with
    '# key: value' header lines (date, language, title, source_url, outlet) ended by '---'.

    \b
      itinerary extract report.txt --published 2023-09-14 -o draft.yaml
      itinerary map draft.yaml -o draft.html
      itinerary extract articles/ --out-dir drafts/      # batch, with a progress bar
    """
    from itinerary.extract import Extractor, load_model
    from itinerary.extract.date_model import load_date_model
    from itinerary.extract.status_model import load_status_model

    files = _article_files(articles)
    batch = out_dir is not None
    if not batch and len(files) > 1:
        raise ExtractionError(
            f"{len(files)} articles given: use --out-dir DIR to write one draft per article"
        )
    if batch and output is not None:
        raise ExtractionError("give either -o (one article) or --out-dir (several), not both")
    targets = [(f, (out_dir / f"{f.stem}.yaml") if out_dir else output) for f in files]
    _check_distinct(targets)
    finished = [] if force or not batch else [(f, t) for f, t in targets if t and _finished(f, t)]
    targets = [x for x in targets if x not in finished]
    for _, t in targets:
        if t is not None:
            check_output(t, inputs=files, force=force)
    run = _Run(
        Extractor(
            model=load_model(model) if model else None,
            status_model=load_status_model(status_model) if status_model else None,
            date_model=load_date_model(date_model) if date_model else None,
        ),
        day=published.date() if published else None,
        language=None if lang == "auto" else lang,
        batch=batch,
        explain=explain,
    )
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    _extract_all(run, targets, out_dir)
    _summarise(run, len(targets), len(finished), out_dir if batch else output, out_dir)


def _article_files(articles: tuple[Path, ...]) -> list[Path]:
    """The article files named, a folder standing for its .txt files (sorted)."""
    files: list[Path] = []
    for a in articles:
        if a.is_dir():
            found = sorted(a.glob("*.txt"))
            if not found:
                raise ExtractionError(f"{a}: no .txt articles in this folder")
            files.extend(found)
        else:
            files.append(a)
    return files


@dataclass
class _Run:
    """One extract run: the extractor and its settings, and what the run counted so far."""

    extractor: Any
    day: Any
    language: str | None
    batch: bool
    explain: bool
    stats: dict[str, int] = field(default_factory=lambda: {"trips": 0, "stops": 0, "review": 0})
    failed: list[str] = field(default_factory=list)
    undated: list[str] = field(default_factory=list)

    def one(self, path: Path, target: Path | None) -> None:
        """Extract one article and write its draft (to stdout without a target); in a batch, a
        failed article is counted and the run goes on."""
        try:
            it = self._draft(path)
        except ExtractionError as exc:
            if not self.batch:
                raise
            self.failed.append(str(exc))
            return
        stops = [s for _, _, s in it.stops()]
        self.stats["trips"] += len(it.trips)
        self.stats["stops"] += len(stops)
        self.stats["review"] += sum(1 for s in stops if s.needs_review)
        if self.explain:
            for s in stops:
                flag = " [review]" if s.needs_review else ""
                line = f"{path.name}: stop {s.place} ({s.status.value}){flag}: {s.note or ''}"
                say(line)  # article text, escaped
        if target is None:
            click.echo(yaml_io.dumps(it), nl=False)
        else:
            yaml_io.dump(it, target)

    def _draft(self, path: Path) -> Any:
        from itinerary.build.sources import check_year  # deferred: spaCy
        from itinerary.extract import read_article

        article = read_article(path, published=self.day, language=self.language)
        check_year(str(path), article.published)
        if article.published is None:
            self.undated.append(path.name)
        analysis = self.extractor.analyse(article)
        it = self.extractor.assemble(analysis)
        if self.explain:  # every candidate, kept or dropped, and the mentions that are no place
            for line in self.extractor.explain(analysis):
                say(f"{path.name}: {line}")  # article text, escaped
        if not it.trips:
            raise ExtractionError(
                f"{path}: no trip found (no place is named as where someone goes or is); "
                "check the language (--lang) or write the itinerary by hand"
            )
        return it


def _extract_all(run: _Run, targets: list[tuple[Path, Path | None]], out_dir: Path | None) -> None:
    """Every article in turn (a progress bar in a batch); an interrupted batch says what it wrote."""
    before = {t: _mtime(t) for _, t in targets if t is not None}
    try:
        if run.batch and len(targets) > 1:
            bar: Any
            with click.progressbar(targets, label="extracting", file=sys.stderr) as bar:
                for path, target in bar:
                    run.one(path, target)
        else:
            for path, target in targets:
                run.one(path, target)
    except KeyboardInterrupt:
        if not run.batch:
            raise
        # the drafts on disk that this run wrote (an interrupt may fall between a write and any
        # counting of it, so the files are what counts)
        drafts = sum(1 for t, was in before.items() if _mtime(t) not in (None, was))
        say(
            f"interrupted: {count(drafts, 'draft')} written to {out_dir} in this run; run the same "
            "command again to extract the rest (finished drafts are kept and skipped)",
            fg="red",
        )
        raise SystemExit(130) from None


def _summarise(run: _Run, n_targets: int, n_finished: int, where: Path | None, out_dir: Path | None) -> None:
    """The run's summary, notes and errors on stderr; exit code 1 when an article failed."""
    stats = run.stats
    summary = f"{count(stats['trips'], 'trip')}, {count(stats['stops'], 'stop')}, {stats['review']} to review"
    done = n_targets - len(run.failed)
    if n_finished:
        say(
            f"note: {count(n_finished, 'draft')} in {out_dir} newer than the article kept as "
            "finished (--force extracts again)"
        )
    if where is not None:
        say(f"wrote {where} ({done} article{'s' * (done != 1)}: {summary})")
    else:
        say(f"draft: {summary}")
    if run.undated:
        undated = run.undated
        names = ", ".join(undated[:3]) + (f" and {len(undated) - 3} more" if len(undated) > 3 else "")
        say(
            f"note: no publication date for {names}: weekdays and relative dates were left undated "
            "(give --published DATE, or a '# date: YYYY-MM-DD' header line ended by '---')",
            err=True,
        )
    for msg in run.failed:
        say(f"error: {msg}", fg="red")
    if run.failed:
        raise SystemExit(1)


def _mtime(path: Path) -> int | None:
    """The file's modification time in nanoseconds, None when it does not exist."""
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return None


def _check_distinct(targets: list[tuple[Path, Path | None]]) -> None:
    """Refuse two articles that would write the same draft (``a/x.txt`` and ``b/x.txt``)."""
    seen: dict[Path, Path] = {}
    for article, draft in targets:
        if draft is None:
            continue
        if draft in seen:
            raise ExtractionError(
                f"{seen[draft]} and {article} would both write {draft}; rename one, or use "
                "`itinerary build`, which names every draft apart"
            )
        seen[draft] = article


def _finished(article: Path, draft: Path) -> bool:
    """A draft of an earlier (perhaps interrupted) batch run: there, and newer than its article."""
    try:
        return draft.is_file() and draft.stat().st_mtime >= article.stat().st_mtime
    except OSError:
        return False
