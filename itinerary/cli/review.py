"""``itinerary review``: a draft and its article in the browser, to correct and save."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from itinerary.cli.main import cli, handle_errors, say
from itinerary.errors import ValidationError
from itinerary.files import check_output, write_text
from itinerary.review.learn import DEFAULT_PRIOR

if TYPE_CHECKING:
    from itinerary.review.server import ReviewServer


@cli.command()
@click.argument("target", metavar="DRAFT|CORPUS_DIR", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--article",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The article the draft was extracted from (the text file given to extract); "
    "not with CORPUS_DIR, whose build kept each article.",
)
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the default browser.")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=0,
    show_default=True,
    help="Port on 127.0.0.1 (0: a random free port).",
)
@handle_errors
def review(target: Path, article: Path | None, open_browser: bool, port: int) -> None:
    """Review a draft against its article in the browser: accept, reject or correct each stop.

    The page shows the article with every place mention marked (kept as a stop, dropped, or
    context), the stops of each traveller, and a map. Keys: j/k next/previous stop, J/K move
    it, a accept, r reject, e edit (place from the gazetteer's candidates or a search, status,
    date, role, traveller), n add the text selected in the article as a stop, u undo, s save.
    A dropped mention becomes a stop from its panel.

    Saving rewrites DRAFT in place, comments kept, and refuses when the file changed on disk
    since the page read it; reviewed stops get `reviewed: true`, and every decision is added to
    DRAFT.corrections.jsonl beside it. The server listens on 127.0.0.1 only, behind a random
    token in the address; stop it with Ctrl+C.

    CORPUS_DIR, the output folder of `itinerary build`, opens the queue of its drafts: lowest
    confidence first (the draft's weakest stop, then the most stops marked needs_review),
    filtered by traveller and language, with the progress ("reviewed 37 of 412"); each draft
    opens in the same page with the article text the build kept. A saved draft is recorded in
    CORPUS_DIR/reviewed.jsonl: a later build keeps it, and merges it into trips.yaml.

    \b
      itinerary extract report.txt -o draft.yaml
      itinerary review draft.yaml --article report.txt --open
      itinerary map draft.yaml -o draft.html
      itinerary review corpus/ --open
    """
    from itinerary.review.server import require_server

    if target.is_dir() and article is not None:
        raise click.UsageError("--article goes with a draft; a corpus folder holds the article of each draft")
    if not target.is_dir() and article is None:
        raise click.UsageError("Missing option '--article': the article the draft was extracted from")
    require_server()  # before the slow part: say how to install the extra
    server, what = _open_server(target, article, port)
    say(f"review {what} at {server.url}  (Ctrl+C to stop)", fg="green")
    if open_browser:
        import webbrowser

        webbrowser.open(server.url)
    server.run()


def _open_server(target: Path, article: Path | None, port: int) -> tuple[ReviewServer, str]:
    """The review server of a corpus folder or of a draft and its article, and what it serves."""
    from itinerary.review.server import ReviewServer, bind
    from itinerary.review.session import ReviewSession

    if target.is_dir():
        from itinerary.review.corpus import Corpus

        corpus = Corpus(target)  # before the port: a folder that is no corpus is said at once
        sock = bind(port)
        server = ReviewServer(corpus=corpus, sock=sock)
        return server, f"the {len(corpus.rows)} drafts of {target} ({corpus.page()['progress']})"
    assert article is not None
    sock = bind(port)  # ... and whether the port is free
    try:
        say(f"reading {article.name} and {target.name} ...")
        server = ReviewServer(ReviewSession(target, article), sock=sock)
    except BaseException:
        sock.close()
        raise
    return server, target.name


@cli.command()
@click.argument(
    "corrections", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The stop model to write.",
)
@click.option(
    "--base",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Start from this stop model (default: the one the extractor ships).",
)
@click.option(
    "--prior",
    type=click.FloatRange(min=0.0, min_open=True),
    default=DEFAULT_PRIOR,
    show_default=True,
    help="How strongly the weights stay near the base model's (higher: the corrections move them less).",
)
@click.option(
    "--status-output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also retrain the status model on the statuses of the stops the person kept, and write it "
    "here (use it with `itinerary extract --status-model`).",
)
@click.option(
    "--status-base",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Start the status model from this one (default: the one the extractor ships).",
)
@click.option(
    "--date-output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also retrain the date model on the dates of the stops the person kept (which of the "
    "dates the article offers is theirs), and write it here (for `itinerary extract --date-model`).",
)
@click.option(
    "--date-base",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Start the date model from this one (default: the one the extractor ships).",
)
@click.option("--force", is_flag=True, help="Overwrite the output files.")
@handle_errors
def train(
    corrections: tuple[Path, ...],
    output: Path,
    base: Path | None,
    prior: float,
    force: bool,
    status_output: Path | None = None,
    status_base: Path | None = None,
    date_output: Path | None = None,
    date_base: Path | None = None,
) -> None:
    """Retrain the extractor's stop model (and its status and date models) on reviews.

    Each decision of the CORRECTIONS files (written by `itinerary review` beside the draft)
    is matched to the extractor's candidate at its span in the article, which is analysed
    again; the article must be unchanged since the review. The model starts from the shipped
    one (or --base) and moves toward the corrections; the figures printed score the base and
    the new model on the corrections of articles left out of the training (folds by article).
    Corrections are no random sample of candidates (a person corrects what looked wrong), so
    a model can win on held-out corrections and lose on other articles: check a new model on
    articles of your own, with their truth, before you use it.

    With --status-output (--date-output), each stop the person accepted or edited is matched to
    the stop of the draft assembled again, and the status model (the date model) moves toward the
    person's status (date) the same way.

    \b
      itinerary train drafts/*.corrections.jsonl -o my_model.json
      itinerary extract report.txt --model my_model.json -o draft.yaml
      itinerary train drafts/*.corrections.jsonl -o my_model.json --status-output my_status.json
      itinerary extract report.txt --model my_model.json --status-model my_status.json -o draft.yaml
      itinerary train drafts/*.corrections.jsonl -o my_model.json --date-output my_dates.json
    """
    from itinerary.extract import Extractor, load_model
    from itinerary.extract.date_model import load_date_model
    from itinerary.extract.status_model import load_status_model
    from itinerary.review.learn import collect, held_out, retrain

    outputs = {"-o": output, "--status-output": status_output, "--date-output": date_output}
    named = [(k, p.resolve()) for k, p in outputs.items() if p is not None]
    for i, (k, p) in enumerate(named):
        for k2, p2 in named[:i]:
            if p == p2:
                raise ValidationError(
                    f"{k2} and {k} name the same file: give each model its own file", source=str(p)
                )
    for out in outputs.values():
        if out is not None:
            check_output(out, inputs=list(corrections), force=force)
    base_model = load_model(base)
    status_model = load_status_model(status_base) if status_base or status_output else None
    date_model = load_date_model(date_base) if date_base or date_output else None
    extractor = Extractor(model=base_model, status_model=status_model, date_model=date_model)
    found = collect(list(corrections), extractor)
    for why, n in sorted(found.skipped.items()):
        say(f"left out {n} decision(s): {why}", fg="yellow")
    if not found.examples:
        raise ValidationError(
            "no usable correction: review a draft (itinerary review) and save, then train on its "
            ".corrections.jsonl",
            source=str(corrections[0]),
        )
    stops = sum(e.stop for e in found.examples)
    articles = len({e.article for e in found.examples})
    n = len(found.examples)
    say(f"{n} reviewed candidates ({stops} stops, {n - stops} not) from {articles} article(s)")
    before, after = held_out(base_model, found.examples, prior)
    if after.total:
        say(f"held out, base model:       {before}")
        say(f"held out, retrained model:  {after}")
    else:
        say(f"base model on the corrections: {before} (one article: no held-out figure)")
    model = retrain(base_model, found.examples, prior)
    new_status = _retrain_status(found, extractor.status_model, prior, corrections) if status_output else None
    new_dates = _retrain_dates(found, extractor.date_model, prior, corrections) if date_output else None
    written = [(output, model, "--model"), (status_output, new_status, "--status-model")]
    written.append((date_output, new_dates, "--date-model"))
    for path, trained, option in written:
        if path is not None and trained is not None:
            write_text(path, json.dumps(trained.to_json(), indent=1, sort_keys=True) + "\n")  # atomic
            say(f"wrote {path}; use it with: itinerary extract ARTICLE {option} {path}", fg="green")


def _retrain_part(
    name: str,
    examples: list[Any],
    skipped: dict[str, int],
    what: str,
    none_why: str,
    learn: tuple[Any, Any],
    base: Any,
    prior: float,
    corrections: tuple[Path, ...],
) -> Any:
    """One of the companion models (``name``: "status" or "date") retrained on its reviewed
    ``examples`` (``what`` says what they are), said as it goes with its held-out figures;
    an error saying ``none_why`` when there is none (nothing is written then). ``learn`` is the
    pair (held-out scorer, retrainer) of :mod:`itinerary.review.learn`."""
    held_out, retrain = learn
    for why, n in sorted(skipped.items()):
        say(f"{name} model: left out {n} decision(s): {why}", fg="yellow")
    if not examples:
        raise ValidationError(
            f"{none_why}, for the {name} model: accept or edit stops in the review (itinerary "
            f"review) and save, or leave out --{name}-output",
            source=str(corrections[0]),
        )
    articles = len({e.article for e in examples})
    say(f"{len(examples)} reviewed stops{what} from {articles} article(s) for the {name} model")
    before, after = held_out(base, examples, prior)
    pad = " " * (6 - len(name))
    if after.total:
        say(f"held out, base {name} model:      {pad}{before}")
        say(f"held out, retrained {name} model: {pad}{after}")
    else:
        say(f"base {name} model on the corrections: {before} (one article: no held-out figure)")
    return retrain(base, examples, prior)


def _retrain_dates(found: Any, base: Any, prior: float, corrections: tuple[Path, ...]) -> Any:
    """The date model retrained on the reviewed stops of ``found`` whose date the article offers."""
    from itinerary.review.learn import held_out_dates, retrain_dates

    none_why = "no reviewed stop whose date the article offers"
    learn = (held_out_dates, retrain_dates)
    return _retrain_part(
        "date", found.dates, found.dates_skipped, "", none_why, learn, base, prior, corrections
    )


def _retrain_status(found: Any, base: Any, prior: float, corrections: tuple[Path, ...]) -> Any:
    """The status model retrained on the reviewed stops of ``found`` that have a status."""
    from itinerary.review.learn import held_out_status, retrain_status

    examples = found.statuses
    counts = ", ".join(f"{n} {st}" for st, n in sorted(Counter(e.status.value for e in examples).items()))
    learn = (held_out_status, retrain_status)
    none_why = "no reviewed stop with a status"
    what = f" ({counts})" if counts else ""
    return _retrain_part(
        "status", examples, found.statuses_skipped, what, none_why, learn, base, prior, corrections
    )
