"""``itinerary map`` and ``itinerary export``: a trip file drawn (HTML page, print map) or written
as GIS layers."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import click

from itinerary.cli.choices import MAP_LANGUAGES, PRINT_SIZES
from itinerary.cli.common import FORCE, TRIP, count, naming, warn_implausible
from itinerary.cli.main import cli, handle_errors, say
from itinerary.errors import ValidationError
from itinerary.files import check_output
from itinerary.io import yaml as yaml_io
from itinerary.io.gis import FORMATS


def _warn_map_options(offline: bool, tiles: str, lang: str, images: list[Any]) -> None:
    """Say which options have no effect in the chosen mode (they are not silently ignored)."""
    from itinerary.render.map import DEFAULT_TILES, page_lang

    words, names = page_lang(lang)
    if offline and tiles != DEFAULT_TILES:
        say(
            f"note: --tiles {tiles} has no effect with --offline (the page draws its own basemap)",
            fg="yellow",
        )
    if not offline and lang != "en":
        say(
            f"note: --lang {lang}: the background tiles keep their own place names; "
            "use --offline for a basemap named in that language",
            fg="yellow",
        )
    if words != lang:
        say(f"note: --lang {lang}: no catalogue for the page's words, they stay in English", fg="yellow")
    if offline and names != lang:
        say(
            f"note: --lang {lang}: the offline basemap has no {lang} names, they stay in English", fg="yellow"
        )
    if images and lang != "en":
        say(f"note: --lang {lang} does not apply to the print map (English)", fg="yellow")


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
    help="xyzservices tile provider name (no effect with --offline: said on stderr).",
)
@click.option(
    "--lang",
    type=MAP_LANGUAGES,
    default="en",
    show_default=True,
    help="Language of every word of the page (from its catalogue) and of the offline basemap's "
    "place names (English where Natural Earth has none; zh and ko: the basemap only).",
)
@click.option("--regions", is_flag=True, help="Also shade the regions named in stop hints.")
@click.option(
    "--static",
    "static",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write a print map; the format comes from the suffix (.png, .svg, .pdf).",
)
@click.option(
    "--png",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write a PNG print map (same as --static with a .png file).",
)
@click.option(
    "--size",
    type=PRINT_SIZES,
    default="16:9",
    show_default=True,
    help="Print map size: one text column (8.8 cm wide), 16:9 slide, or square.",
)
@click.option(
    "--dpi", type=click.IntRange(50, 1200), default=200, show_default=True, help="Print map resolution."
)
@click.option(
    "--strict",
    is_flag=True,
    help="Refuse to draw stops marked needs_review and implausible legs (review them first).",
)
@FORCE
@handle_errors
def map_(
    trip_file: Path,
    output: Path,
    offline: bool,
    tiles: str,
    lang: str,
    regions: bool,
    static: Path | None,
    png: Path | None,
    size: str,
    dpi: int,
    strict: bool,
    force: bool,
) -> None:
    """Draw an interactive map (every stop labelled, confirmed solid, planned dashed, cancelled
    grey) and, with --static, a print map."""
    from itinerary.render import make_map, save_map  # deferred: folium, matplotlib
    from itinerary.render.static import FORMATS as IMAGE_FORMATS  # deferred: matplotlib
    from itinerary.render.static import check_png, save_static, static_format

    if output.suffix.lower() in IMAGE_FORMATS:  # an HTML page in a .png file opens nowhere
        raise click.UsageError(
            f"-o writes the interactive HTML page, and {output.name!r} names an image; for a print map "
            f"use --static {output} (with -o {output.with_suffix('.html')})"
        )
    check_output(output, inputs=[trip_file], force=force)
    images = [(path, opt) for path, opt in ((static, "--static"), (png, "--png")) if path is not None]
    for path, opt in images:  # refuse a bad name before anything is written
        check_output(path, inputs=[trip_file], force=force, option=opt)
        static_format(path)
        if os.path.abspath(path) == os.path.abspath(output):
            raise ValidationError(f"-o and {opt} name the same file; give the image another name")
    if png is not None:
        check_png(png)
    _warn_map_options(offline, tiles, lang, images)
    p = _prepared(trip_file, strict)
    save_map(make_map(p, offline=offline, tiles=tiles, lang=lang, regions=regions), output)
    say(f"wrote {output}")
    for path, _ in images:
        save_static(p, path, size=size, dpi=dpi, regions=regions)
        say(f"wrote {path}")


def _prepared(trip_file: Path, strict: bool) -> Any:
    """The trip prepared for drawing; its doubtful stops and legs refused with --strict, else warned of."""
    from itinerary.prepare import prepare  # deferred: shapely, pyproj, the rail network
    from itinerary.render.layout import doubtful  # deferred: numpy

    with naming(trip_file):
        p = prepare(yaml_io.load(trip_file))
    doubts = doubtful(p)
    if strict and doubts:
        raise ValidationError(
            f"{len(doubts)} doubtful {'stop or leg' if len(doubts) == 1 else 'stops or legs'} not reviewed"
            " (--strict):\n  "
            + "\n  ".join(doubts)
            + "\ncheck each one, fix the place or the mode, set needs_review: false once checked, "
            "or draw without --strict (they are then drawn as doubtful)",
            source=str(trip_file),
        )
    warn_implausible(p.itinerary)
    if (n := sum(1 for _, _, s in p.itinerary.stops() if s.needs_review)) > 0:
        say(
            f"warning: {count(n, 'stop')} marked needs_review {'is' if n == 1 else 'are'} drawn as "
            "'to be checked' (--strict refuses them)",
            fg="yellow",
        )
    return p


@cli.command()
@click.argument("trip_file", metavar="TRIP.yaml", type=TRIP)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Output file; its suffix gives the format: "
    + ", ".join(f"{f.suffixes[0]} {f.description}" for f in FORMATS.values())
    + ".",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(FORMATS)),
    help="Format when the suffix does not say (it must agree with a suffix that does).",
)
@click.option(
    "--regions",
    is_flag=True,
    help="Also export the regions named in stop hints (as 'map --regions' shades them).",
)
@FORCE
@handle_errors
def export(trip_file: Path, output: Path, fmt: str | None, regions: bool, force: bool) -> None:
    """Export stops, legs and regions (GeoJSON RFC 7946, GeoPackage, FlatGeobuf, KML, CSV)."""
    from itinerary.prepare import export as do_export  # deferred: geopandas, pyogrio

    check_output(output, inputs=[trip_file], force=force)
    with naming(trip_file):
        written = do_export(yaml_io.load(trip_file), output, fmt=fmt, force=force, regions=regions)
    say(f"wrote {output} ({written})")
