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


@cli.command()
@click.argument("queries", metavar="QUERY...", nargs=-1, required=True)
@click.option("--hint", help="Context that helps choose: a region, a country or a kind of place.")
@click.option("--country", "country", metavar="CC", help="Keep places in this ISO country code.")
@click.option(
    "--limit", type=click.IntRange(1, 50), default=5, show_default=True, help="How many candidates to list."
)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array, one object per query.")
@click.option("--strict", is_flag=True, help="Fail when an answer is ambiguous.")
@handle_errors
def geocode(
    queries: tuple[str, ...],
    hint: str | None,
    country: str | None,
    limit: int,
    as_json: bool,
    strict: bool,
) -> None:
    """Look place names up in the offline gazetteer (any language, typos allowed).

    Exits with code 1 when a name is unknown, listing the nearest names.
    """
    import json

    from itinerary.errors import AmbiguousPlace, PlaceNotFound
    from itinerary.geocode import OfflineGeocoder

    geocoder = OfflineGeocoder(strict=strict)
    results = []
    failed: list[str] = []
    for q in queries:
        cands = geocoder.candidates(q, hint=hint, country=country, limit=limit)
        best = None
        if cands:
            try:
                best = geocoder.resolve(q, hint=hint, country=country)
            except AmbiguousPlace as exc:
                if not as_json:
                    raise
                failed.append(str(exc))
        else:
            failed.append(str(PlaceNotFound(q, geocoder.gazetteer.suggestions(q))))
        results.append(
            {
                "query": q,
                "result": best.to_json() if best else None,
                "candidates": [c.to_json() for c in cands],
            }
        )
        if not as_json and best is not None:
            click.echo(f"{q}: {best}")
            for c in cands[1:]:
                click.echo(f"    or {c}")
    if as_json:
        click.echo(json.dumps(results, ensure_ascii=False, indent=2))
    for msg in failed:
        click.secho(f"error: {msg}", fg="red", err=True)
    if failed:
        raise SystemExit(1)


@cli.command()
@click.argument("trip_file", metavar="TRIP.yaml", type=TRIP)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the resolved file (default: print to standard output).",
)
@click.option("--strict", is_flag=True, help="Fail on ambiguous places instead of warning.")
@click.option("--force", is_flag=True, help="Re-resolve stops that already have a resolved block.")
@handle_errors
def resolve(trip_file: Path, output: Path | None, strict: bool, force: bool) -> None:
    """Pin every stop to a gazetteer place: writes the file back with 'resolved:' blocks.

    Review the choices, edit them if needed: a resolved block is used as is next time.
    """
    from itinerary.geocode import resolve_itinerary

    it = yaml_io.load(trip_file)
    resolved = resolve_itinerary(it, strict=strict, force=force, source=str(trip_file))
    if output is None:
        click.echo(yaml_io.dumps(resolved), nl=False)
    else:
        yaml_io.dump(resolved, output)
        click.echo(f"wrote {output}", err=True)


@cli.command("map")
@click.argument("trip_file", metavar="TRIP.yaml", type=TRIP)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The HTML file to write.",
)
@click.option(
    "--offline",
    is_flag=True,
    help="Self-contained page: Leaflet and a Natural Earth basemap inlined, no request at all.",
)
@click.option(
    "--tiles",
    default="Esri.WorldGrayCanvas",
    show_default=True,
    help="xyzservices tile provider name (ignored with --offline).",
)
@click.option(
    "--png",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write a static image (no browser needed).",
)
@handle_errors
def map_(trip_file: Path, output: Path, offline: bool, tiles: str, png: Path | None) -> None:
    """Draw an interactive map: confirmed solid, planned dashed, every stop with its source."""
    from itinerary.pipeline import prepare
    from itinerary.render import make_map, save_map

    p = prepare(yaml_io.load(trip_file))
    save_map(make_map(p, offline=offline, tiles=tiles), output)
    click.echo(f"wrote {output}", err=True)
    if png is not None:
        from itinerary.render.static import save_png

        save_png(p, png)
        click.echo(f"wrote {png}", err=True)


@cli.command()
@click.argument("trip_file", metavar="TRIP.yaml", type=TRIP)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Output file: .geojson, .gpkg, .fgb, .kml or .csv.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["geojson", "gpkg", "fgb", "kml", "csv"]),
    help="Format when the suffix does not say.",
)
@click.option("--force", is_flag=True, help="Overwrite an existing output.")
@handle_errors
def export(trip_file: Path, output: Path, fmt: str | None, force: bool) -> None:
    """Export stops, legs and regions (GeoJSON RFC 7946, GeoPackage, FlatGeobuf, KML, CSV)."""
    from itinerary.io.gis import export as do_export

    written = do_export(yaml_io.load(trip_file), output, fmt=fmt, force=force)
    click.echo(f"wrote {output} ({written})", err=True)
