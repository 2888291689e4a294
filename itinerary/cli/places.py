"""``itinerary geocode`` and ``itinerary resolve``: place names to gazetteer places (offline, or
online when asked)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from itinerary.cli.common import FORCE, TRIP, make_geocoder, online_options, warn_implausible
from itinerary.cli.main import cli, handle_errors, say
from itinerary.errors import AmbiguousPlace, PlaceNotFound
from itinerary.files import check_output, read_limited, write_text
from itinerary.io import yaml as yaml_io


def _country_code(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not (len(value) == 2 and value.isascii() and value.isalpha()):
        raise click.BadParameter(f"{value!r} is not a two-letter ISO 3166 code; use e.g. IT, RU or KP")
    return value.upper() if value else None


@cli.command()
@click.argument("queries", metavar="QUERY...", nargs=-1, required=True)
@click.option("--hint", help="Context that helps choose: a region, a country or a kind of place.")
@click.option(
    "--country",
    "country",
    metavar="CC",
    callback=_country_code,
    help="Keep places in this country (two-letter ISO 3166 code, e.g. IT).",
)
@click.option(
    "--limit", type=click.IntRange(1, 50), default=5, show_default=True, help="How many candidates to list."
)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array, one object per query.")
@click.option("--strict", is_flag=True, help="Fail when an answer is ambiguous.")
@online_options
@handle_errors
def geocode(
    queries: tuple[str, ...],
    hint: str | None,
    country: str | None,
    limit: int,
    as_json: bool,
    strict: bool,
    online: str | None,
    user_agent: str | None,
    geocode_cache: Path | None,
) -> None:
    """Look place names up in the offline gazetteer (any language, typos allowed).

    With --online, names the gazetteer does not know or is unsure of are also asked of
    Nominatim or Photon, one request a second, and the answers are cached. Exits with code 1
    when a name is unknown, listing the nearest names.
    """
    import json

    geocoder = make_geocoder(online, user_agent, geocode_cache, strict)
    results = []
    failed: list[str] = []
    for q in queries:
        results.append(_look_up(geocoder, q, hint, country, limit, as_json, failed))
    if as_json:
        click.echo(json.dumps(results, ensure_ascii=False, indent=2))
    for msg in failed:
        say(f"error: {msg}", fg="red")
    if failed:
        raise SystemExit(1)


def _look_up(
    geocoder: Any, q: str, hint: str | None, country: str | None, limit: int, as_json: bool, failed: list[str]
) -> dict[str, Any]:
    """One query's answer and candidates (said on stdout unless --json); a failure is added to `failed`
    (an ambiguous answer stops the command unless --json)."""
    cands = geocoder.candidates(q, hint=hint, country=country, limit=limit)
    best = None
    try:
        best = geocoder.resolve(q, hint=hint, country=country)
    except AmbiguousPlace as exc:
        if not as_json:
            raise
        failed.append(str(exc))
    except PlaceNotFound as exc:
        failed.append(str(exc))
    if best is not None and all(c.record.id != best.record.id for c in cands):
        cands = [best, *cands][:limit]  # an online answer
    if not as_json and best is not None:
        say(f"{q}: {best}", err=False)
        for c in cands[1:]:
            say(f"    or {c}", err=False)
    return {
        "query": q,
        "result": best.to_json() if best else None,
        "candidates": [c.to_json() for c in cands],
    }


@cli.command()
@click.argument("trip_file", metavar="TRIP.yaml", type=TRIP)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the resolved file (default: print to standard output).",
)
@click.option("--strict", is_flag=True, help="Fail on ambiguous places instead of warning.")
@click.option("--refresh", is_flag=True, help="Re-resolve stops that already have a resolved block.")
@FORCE
@online_options
@handle_errors
def resolve(
    trip_file: Path,
    output: Path | None,
    strict: bool,
    refresh: bool,
    force: bool,
    online: str | None,
    user_agent: str | None,
    geocode_cache: Path | None,
) -> None:
    """Pin every stop to a gazetteer place: writes the file back with 'resolved:' blocks.

    Review the choices, edit them if needed: a resolved block is used as is next time.
    """
    from itinerary.geocode import resolve_itinerary  # deferred: the gazetteer's numpy index

    if output is not None:
        check_output(output, inputs=[trip_file], force=force)
    it = yaml_io.load(trip_file)
    geocoder = make_geocoder(online, user_agent, geocode_cache, strict)
    resolved = resolve_itinerary(it, geocoder, strict=strict, force=refresh, source=str(trip_file))
    warn_implausible(resolved)
    # the file as written, with its comments and layout, plus the resolved blocks
    text = yaml_io.dumps_like(resolved, read_limited(trip_file, yaml_io.MAX_BYTES).decode("utf-8"))
    if output is None:
        click.echo(text, nl=False)
    else:
        write_text(output, text)
        say(f"wrote {output}")
