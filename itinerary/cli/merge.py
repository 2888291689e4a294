"""``itinerary merge``: drafts and hand-written files merged into trips, one per traveller and journey."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from itinerary.cli.common import FORCE, TRIP, count
from itinerary.cli.main import DATE, cli, handle_errors, say
from itinerary.errors import MergeError, ValidationError
from itinerary.files import check_output, read_limited
from itinerary.io import yaml as yaml_io
from itinerary.merge import merge_report


def _load_for_merge(path: Path) -> Any:
    """An itinerary file, or the error that makes it unreadable (versions apart: they stop the merge)."""
    import re

    try:
        return yaml_io.load(path)
    except ValidationError as exc:
        if exc.path == "itinerary":
            text = read_limited(path, yaml_io.MAX_BYTES).decode("utf-8", errors="replace")
            found = re.search(r"^itinerary:\s*(\S+)", text, re.M)
            version = found.group(1) if found else "?"
            raise MergeError(
                f"{path}: format version {version} ('itinerary: {version}'), but the files to merge must "
                f"all be format version {yaml_io.FORMAT_VERSION}; convert it or leave it out"
            ) from None
        return exc


def _refuse_nothing_to_write(
    loaded: list[tuple[Path, Any]], merged: Any, report: Any, as_of: Any, allow_disjoint: bool
) -> None:
    """Stop before writing when the files share no traveller (unless allowed) or no trip is left."""
    if report.disjoint and not allow_disjoint:
        who = "; ".join(
            f"{f}: {', '.join(t.traveller for t in x.trips)}"
            for f, x in loaded
            if not isinstance(x, Exception)
        )
        raise MergeError(
            f"the files have no traveller in common ({who}); merge reports about the same trip, "
            "check how the travellers are named, or pass --allow-disjoint to write them side by side"
        )
    if not merged.trips:
        for line in report.lines():
            say(f"  {line}")
        if as_of is None:
            raise MergeError("no traveller is a person (see the names above); nothing written")
        raise MergeError(f"nothing was published by {as_of.date()}; nothing written")


@cli.command()
@click.argument("files", metavar="ITINERARY.yaml...", nargs=-1, required=True, type=TRIP)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The merged itinerary to write.",
)
@click.option(
    "--as-of",
    type=DATE,
    help="Merge only sources published by this day (the trip as known then).",
)
@FORCE
@click.option(
    "--allow-disjoint",
    is_flag=True,
    help="Write the result even when the files share no traveller (they are about different trips).",
)
@handle_errors
def merge(files: tuple[Path, ...], output: Path, as_of: Any, force: bool, allow_disjoint: bool) -> None:
    """Merge itineraries (drafts, hand-written files) into trips, one per traveller and journey.

    Travellers are matched across spellings, scripts and known aliases (look-alikes kept apart
    and names that are not persons are listed); a traveller's stops are cut into trips where
    more than 4 days pass without a stop; stops are matched by place and date; each stop
    keeps all its sources, what each said (history) and how many independent sources report
    it. The latest source decides the status (a confirmed stop stays confirmed); dates that
    disagree are kept as needs_review with a note. An unreadable file is named and left out
    (exit code 1); the others are merged.

    \b
      itinerary merge drafts/*.yaml -o trip.yaml
      itinerary merge drafts/*.yaml -o trip-0915.yaml --as-of 2023-09-15
    """

    check_output(output, inputs=files, force=force)
    loaded = [(f, _load_for_merge(f)) for f in files]
    failed = [str(x) for _, x in loaded if isinstance(x, Exception)]
    good = [x for _, x in loaded if not isinstance(x, Exception)]
    if not good:
        for msg in failed:
            say(f"error: {msg}", fg="red")
        raise MergeError("no readable itinerary to merge; nothing written")
    merged, report = merge_report(good, as_of=as_of.date() if as_of else None)
    _refuse_nothing_to_write(loaded, merged, report, as_of, allow_disjoint)
    yaml_io.dump(merged, output)
    stops = [s for _, _, s in merged.stops()]
    review = sum(1 for s in stops if s.needs_review)
    say(
        f"wrote {output} ({count(len(merged.trips), 'trip')}, {count(len(stops), 'stop')}, "
        f"{count(len(merged.sources), 'source')}, "
        f"{review} to review)",
        err=True,
    )
    for line in report.lines():
        say(f"  {line}")
    for msg in failed:
        say(f"error: {msg}", fg="red")
    if failed:
        raise SystemExit(1)
