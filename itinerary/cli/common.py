"""What the trip commands share: the trip-file argument, --force, the geocoding options, and
the messages about a file's places (naming the file, implausible legs).

Each command imports the library parts it runs inside its body: `itinerary --help` and
`itinerary validate` then start without loading geopandas, pyproj, folium, matplotlib or
spaCy (the heavy dependencies), which only the commands that draw, route or read articles need.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from itinerary.cli.choices import ONLINE_SERVICES
from itinerary.cli.main import say
from itinerary.errors import ValidationError

TRIP = click.Path(dir_okay=False, path_type=Path)
FORCE = click.option("--force", is_flag=True, help="Overwrite existing output files.")


def online_options(func: Any) -> Any:
    """--online, --user-agent and --geocode-cache, shared by geocode and resolve."""
    func = click.option(
        "--geocode-cache",
        type=click.Path(dir_okay=False, path_type=Path),
        help="SQLite file for online answers (default: in the user cache folder).",
    )(func)
    func = click.option(
        "--user-agent",
        envvar="ITINERARY_USER_AGENT",
        help="Required with --online: your application and a contact (or $ITINERARY_USER_AGENT).",
    )(func)
    func = click.option(
        "--online",
        type=ONLINE_SERVICES,
        help="Ask this service (1 request/s, cached) when the offline gazetteer is unsure.",
    )(func)
    return func


def make_geocoder(online: str | None, user_agent: str | None, cache: Path | None, strict: bool) -> Any:
    from itinerary.geocode import OfflineGeocoder  # deferred: the gazetteer's numpy index

    if online is None:
        return OfflineGeocoder(strict=strict)
    from itinerary.geocode.online import ChainGeocoder, GeocodeCache, online_geocoder  # deferred: geopy

    service = online_geocoder(online, user_agent=user_agent)
    return ChainGeocoder(service, cache=GeocodeCache(cache), strict=strict)


def count(n: int, noun: str) -> str:
    """``1 trip``, ``2 trips``."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


@contextlib.contextmanager
def naming(trip_file: Path) -> Iterator[None]:
    """A data error found after loading (an unknown place) names the file it comes from."""
    try:
        yield
    except ValidationError as exc:
        if exc.source is not None:
            raise
        raise ValidationError(exc.message, source=str(trip_file), line=exc.line, path=exc.path) from None


def warn_implausible(it: Any) -> None:
    """One warning per leg that its mode cannot cover (a road leg of 10,000 km): a place was
    probably resolved to the wrong one."""
    from itinerary.routing.legs import implausible_legs  # deferred: pyproj

    for ti, trip in enumerate(it.trips):
        for d in implausible_legs(trip):
            a, b = trip.stops[d.index].label, trip.stops[d.to_index].label
            say(
                f"warning: trips[{ti}] leg {d.index + 1}\u2192{d.to_index + 1} ({a} \u2192 {b}): {d.reason}",
                fg="yellow",
            )
