"""Command group and shared plumbing (error reporting, exit codes).

Exit codes: 0 success, 1 bad data (the message names file, line, value and the fix),
2 usage error.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.metadata
import logging
import os
import sys
import tempfile
import traceback
import unicodedata
import warnings
from collections.abc import Callable
from typing import Any, NoReturn, TypeVar

import click

from itinerary import __version__
from itinerary.errors import ItineraryError, ItineraryWarning
from itinerary.extract.lang import supported as supported_languages
from itinerary.files import describe_os_error
from itinerary.options import options_from_env, set_options

F = TypeVar("F", bound=Callable[..., Any])

#: the name on PyPI ("itinerary" there is an unrelated project); import name and command: itinerary
DISTRIBUTION = "itinerary-mapper"


def _print_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    """``--version``: the installed distribution's version, from its metadata (a source tree
    run without installing says so and gives the package's own)."""
    if not value or ctx.resilient_parsing:
        return
    try:
        version = importlib.metadata.version(DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        version = f"{__version__} (not installed: run from a source tree)"
    click.echo(f"itinerary, version {version}")
    ctx.exit()


class IsoDate(click.DateTime):
    """A day written YYYY-MM-DD (shown so in --help and in the error for a bad value)."""

    name = "date"

    def __init__(self) -> None:
        super().__init__(formats=["%Y-%m-%d"])

    def get_metavar(self, param: click.Parameter, *args: Any, **kwargs: Any) -> str:
        return "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            day = super().convert(value, param, ctx)
        except click.BadParameter:
            self.fail(f"{value!r} is not a date YYYY-MM-DD (a real calendar day)", param, ctx)
        if isinstance(day, dt.datetime) and not MIN_YEAR <= day.year <= MAX_YEAR:
            self.fail(f"{value!r} is outside the years {MIN_YEAR}-{MAX_YEAR}; check the date", param, ctx)
        return day


MIN_YEAR, MAX_YEAR = 100, 9000  # dates read against are kept far from the calendar's ends
DATE = IsoDate()
#: the article languages a command accepts: "auto" and every language pack (the registry decides)
ARTICLE_LANGUAGE = click.Choice(["auto", *supported_languages()])

# Characters a console message never prints raw: C0 and C1 controls (escape sequences that
# retitle or clear the terminal), the bidirectional controls (they reorder what follows) and
# the other invisible format characters, line and paragraph separators and lone surrogates.
# Kept: newline, tab, and the zero-width (non-)joiners that Persian, Indic and emoji text need.
_KEEP = frozenset("\n\t\u200c\u200d")
_UNSAFE = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})


def printable(text: str) -> str:
    """``text`` with every control, bidi or invisible format character written as an escape
    (``\\x1b``, ``\\u202e``): what reaches the terminal is shown, never obeyed."""
    if text.isprintable():
        return text
    return "".join(
        c
        if c in _KEEP or unicodedata.category(c) not in _UNSAFE
        else c.encode("unicode_escape", "backslashreplace").decode("ascii")
        for c in text
    )


def say(message: str, *, err: bool = True, nl: bool = True, **style: Any) -> None:
    """Print one console message (stderr unless ``err=False``), escaped by :func:`printable`.
    Every message of the command line goes through here; data written to stdout (YAML,
    JSON) does not."""
    click.secho(printable(message), err=err, nl=nl, **style)


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: Any = None,
    line: str | None = None,
) -> None:
    say(f"warning: {message}", fg="yellow")


INTERNAL_ERROR = 70  # EX_SOFTWARE: a bug in itinerary, not in the user's data


def _fail(message: str, code: int = 1) -> NoReturn:
    say(f"error: {message}", fg="red")
    sys.exit(code)


def _crash_log(exc: BaseException) -> str:
    """Write the traceback to a log file and return its path (or say why it could not)."""
    text = "".join(traceback.format_exception(exc))
    try:
        fd, path = tempfile.mkstemp(prefix="itinerary-crash-", suffix=".log")
        with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace") as f:
            f.write(f"itinerary {__version__}\n{' '.join(sys.argv)}\n\n{text}")
    except OSError:
        return "(the log could not be written)"
    return path


def handle_errors(func: F) -> F:
    """The guard around every command: no traceback ever reaches the user.

    Library errors and OS errors become one line on stderr with exit code 1; an unexpected
    exception is a bug: its traceback goes to a log file and the user is asked to report it
    (exit code 70). Click's own usage errors (exit 2) pass through.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("always", ItineraryWarning)
                warnings.showwarning = _show_warning
                return func(*args, **kwargs)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except ItineraryError as exc:
            _fail(str(exc))
        except OSError as exc:
            _fail(describe_os_error(exc))
        except UnicodeError as exc:
            _fail(f"text that is not valid Unicode ({exc}); save the file as UTF-8")
        except RecursionError:
            _fail("the input is nested too deeply to process; simplify it")
        except MemoryError:
            _fail("out of memory; the input is too large for this machine, split it")
        except KeyboardInterrupt:
            _fail("interrupted; nothing was written", 130)
        except Exception as exc:
            log = _crash_log(exc)
            _fail(
                f"internal error ({type(exc).__name__}); this is a bug in itinerary, please report it "
                f"with the log {log}",
                INTERNAL_ERROR,
            )

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="Show the version and exit.",
)
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
      itinerary merge drafts/*.yaml -o trip.yaml
      itinerary review draft.yaml --article article.txt
    """
    set_options(**options_from_env())  # the library reads no environment variables; the CLI does
    _log_notes()


class _NoteHandler(logging.Handler):
    """Writes a log record as a note on the current stderr (which tests may swap)."""

    def emit(self, record: logging.LogRecord) -> None:
        say(f"note: {record.getMessage()}", dim=True)


def _log_notes() -> None:
    """Show the library's progress notes (e.g. the one-time gazetteer build) on stderr."""
    log = logging.getLogger("itinerary")
    if not any(isinstance(h, _NoteHandler) for h in log.handlers):
        log.addHandler(_NoteHandler())
        log.setLevel(logging.INFO)


def main() -> None:
    """Console-script entry point."""
    try:
        cli(prog_name="itinerary")
    except BrokenPipeError:  # e.g. `itinerary resolve trip.yaml | head`
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
