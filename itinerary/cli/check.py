"""``itinerary validate`` and ``itinerary diff``: check one itinerary file; compare two, or two
days of one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from itinerary.cli.common import TRIP, count
from itinerary.cli.main import DATE, cli, handle_errors, say
from itinerary.io import yaml as yaml_io
from itinerary.merge import as_known_on


@cli.command()
@click.argument("trip_file", metavar="TRIP.yaml", type=TRIP)
@handle_errors
def validate(trip_file: Path) -> None:
    """Check an itinerary file against format v1 and report every problem (schema and calendar)."""
    it = yaml_io.load(trip_file)
    n_stops = sum(len(t.stops) for t in it.trips)
    say(f"{trip_file}: valid ({count(len(it.trips), 'trip')}, {count(n_stops, 'stop')})", err=False)


@cli.command("diff")
@click.argument("files", metavar="OLD.yaml [NEW.yaml]", nargs=-1, required=True, type=TRIP)
@click.option(
    "--as-of",
    "as_of",
    multiple=True,
    type=DATE,
    help="With one file: compare the trip as known on this day (give it twice for two days; "
    "once compares that day with the whole file).",
)
@click.option("--all", "show_all", is_flag=True, help="Also list the stops that did not change.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array, one object per change.")
@handle_errors
def diff_(files: tuple[Path, ...], as_of: tuple[Any, ...], show_all: bool, as_json: bool) -> None:
    """What changed between two itineraries, or between two days of one merged itinerary.

    \b
      itinerary diff trip-0914.yaml trip-0918.yaml
      itinerary diff trip.yaml --as-of 2023-09-14 --as-of 2023-09-16
    """
    import json

    from itinerary.diff import diff  # deferred: the gazetteer's normaliser

    days = [d.date() for d in as_of]
    if len(files) == 2 and not days:
        old, new = yaml_io.load(files[0]), yaml_io.load(files[1])
    elif len(files) == 1 and 1 <= len(days) <= 2:
        it = yaml_io.load(files[0])
        old = as_known_on(it, days[0])
        new = as_known_on(it, days[1]) if len(days) == 2 else it
    else:
        raise click.UsageError("give two files, or one file with one or two --as-of days")
    changes = diff(old, new, unchanged=show_all)
    if as_json:
        click.echo(json.dumps([c.to_dict() for c in changes], ensure_ascii=False, indent=2))
        return
    if changes:  # a header row names the columns (none when nothing changed: stdout stays empty)
        say("trip\tplace\tchange\tstatus\tdate", err=False)
    for c in changes:
        status = f"{c.old_status or '-'} -> {c.new_status or '-'}"
        date = f"{c.old_date or '-'} -> {c.new_date or '-'}"
        say(f"{c.trip_id}\t{c.place}\t{c.change}\t{status}\t{date}", err=False)
    say(f"{len(changes)} change{'s' * (len(changes) != 1)}")
