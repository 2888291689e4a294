"""Command group and shared plumbing (error reporting, exit codes).

Exit codes: 0 success, 1 bad data (the message names file, line, value and the fix),
2 usage error.
"""

from __future__ import annotations

import functools
import sys
import warnings
from collections.abc import Callable
from typing import Any, TypeVar

import click

from itinerary import __version__
from itinerary.errors import ItineraryError, ItineraryWarning

F = TypeVar("F", bound=Callable[..., Any])


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: Any = None,
    line: str | None = None,
) -> None:
    click.secho(f"warning: {message}", fg="yellow", err=True)


def handle_errors(func: F) -> F:
    """Turn library errors into a one-line message on stderr and exit code 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("always", ItineraryWarning)
                warnings.showwarning = _show_warning
                return func(*args, **kwargs)
        except ItineraryError as exc:
            click.secho(f"error: {exc}", fg="red", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="itinerary")
def cli() -> None:
    """Map the trips of leaders and officials as the news reports them.

    Trips are described in a small YAML file (format v1): stops in travel order, each
    confirmed, planned or cancelled, with its date, mode and source. Everything works
    offline on the embedded gazetteer and railway network.

    \b
    Typical use:
      itinerary validate trip.yaml
      itinerary resolve trip.yaml -o trip.resolved.yaml
      itinerary map trip.yaml -o trip.html --offline
      itinerary export trip.yaml -o trip.geojson
      itinerary extract article.txt --published 2023-09-14 -o draft.yaml
    """


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="itinerary")
