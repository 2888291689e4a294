"""The commands of the ``itinerary`` group."""

from __future__ import annotations

from pathlib import Path

import click

from itinerary.cli.main import cli, handle_errors
from itinerary.io import yaml as yaml_io

TRIP = click.Path(dir_okay=False, path_type=Path)


@cli.command()
@click.argument("trip_file", metavar="TRIP.yaml", type=TRIP)
@handle_errors
def validate(trip_file: Path) -> None:
    """Check an itinerary file against format v1 and report the first problem."""
    it = yaml_io.load(trip_file)
    n_stops = sum(len(t.stops) for t in it.trips)
    click.echo(f"{trip_file}: valid ({len(it.trips)} trips, {n_stops} stops)")
