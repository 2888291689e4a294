"""The commands of the ``itinerary`` group.

Each command imports the library parts it runs inside its body: `itinerary --help` and
`itinerary validate` then start without loading geopandas, pyproj, folium, matplotlib or
spaCy (the heavy dependencies), which only the commands that draw, route or read articles need.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from itinerary.cli.choices import MAP_LANGUAGES, ONLINE_SERVICES, PRINT_SIZES
from itinerary.cli.main import ARTICLE_LANGUAGE, DATE, cli, handle_errors, say
from itinerary.errors import AmbiguousPlace, ExtractionError, MergeError, PlaceNotFound, ValidationError
from itinerary.files import check_output, read_limited, write_text
from itinerary.io import yaml as yaml_io
from itinerary.io.gis import FORMATS
from itinerary.merge import as_known_on, merge_report

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


@cli.command()
@click.argument("trip_file", metavar="TRIP.yaml", type=TRIP)
@handle_errors
def validate(trip_file: Path) -> None:
    """Check an itinerary file against format v1 and report every problem (schema and calendar)."""
    it = yaml_io.load(trip_file)
    n_stops = sum(len(t.stops) for t in it.trips)
    say(f"{trip_file}: valid ({_count(len(it.trips), 'trip')}, {_count(n_stops, 'stop')})", err=False)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _country_code(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not (len(value) == 2 and value.isascii() and value.isalpha()):
        raise click.BadParameter(f"{value!r} is not a two-letter ISO 3166 code; use e.g. IT, RU or KP")
    return value.upper() if value else None


@contextlib.contextmanager
def naming(trip_file: Path) -> Iterator[None]:
    """A data error found after loading (an unknown place) names the file it comes from."""
    try:
        yield
    except ValidationError as exc:
        if exc.source is not None:
            raise
        raise ValidationError(exc.message, source=str(trip_file), line=exc.line, path=exc.path) from None


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
        results.append(
            {
                "query": q,
                "result": best.to_json() if best else None,
                "candidates": [c.to_json() for c in cands],
            }
        )
        if not as_json and best is not None:
            say(f"{q}: {best}", err=False)
            for c in cands[1:]:
                say(f"    or {c}", err=False)
    if as_json:
        click.echo(json.dumps(results, ensure_ascii=False, indent=2))
    for msg in failed:
        say(f"error: {msg}", fg="red")
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
    from itinerary.prepare import prepare  # deferred: shapely, pyproj, the rail network
    from itinerary.render import make_map, save_map  # deferred: folium, matplotlib
    from itinerary.render.static import check_png, save_static, static_format  # deferred: matplotlib

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
            f"warning: {_count(n, 'stop')} marked needs_review {'is' if n == 1 else 'are'} drawn as "
            "'to be checked' (--strict refuses them)",
            fg="yellow",
        )
    save_map(make_map(p, offline=offline, tiles=tiles, lang=lang, regions=regions), output)
    say(f"wrote {output}")
    for path, _ in images:
        save_static(p, path, size=size, dpi=dpi, regions=regions)
        say(f"wrote {path}")


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


@cli.command()
@click.argument("articles", metavar="ARTICLE...", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--lang",
    type=ARTICLE_LANGUAGE,
    default="auto",
    show_default=True,
    help="Language of the articles (auto: detected from the text).",
)
@click.option(
    "--published",
    type=DATE,
    help="Publication date: dates without a year, weekdays and 'tomorrow' are read "
    "against it (without it, and without a '# date:' header, such dates are left out).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The draft YAML to write (one article). Without it the draft goes to stdout.",
)
@click.option(
    "--out-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Batch mode: write <article name>.yaml for each article (or each .txt of a folder) here.",
)
@FORCE
@click.option(
    "--model",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The stop model that decides which candidates are stops (from `itinerary train`; default: shipped).",
)
@click.option(
    "--explain",
    is_flag=True,
    help="Print, on stderr, every place mention with the rule or probability that kept or dropped it.",
)
@handle_errors
def extract(  # noqa: C901 - known debt, to split (listed in the project notes)
    articles: tuple[Path, ...],
    lang: str,
    published: Any,
    output: Path | None,
    out_dir: Path | None,
    force: bool,
    model: Path | None = None,
    explain: bool = False,
) -> None:
    """Turn news articles into draft itineraries (format v1) to review, resolve and map.

    Each stop carries its status (confirmed, planned or cancelled, from tense and cue
    words), its date, the sentence it comes from as `quote`, a resolved place and a
    confidence; `needs_review: true` marks what to check. An article file may start with
    '# key: value' header lines (date, language, title, source_url, outlet) ended by '---'.

    \b
      itinerary extract report.txt --published 2023-09-14 -o draft.yaml
      itinerary map draft.yaml -o draft.html
      itinerary extract articles/ --out-dir drafts/      # batch, with a progress bar
    """
    from itinerary.build.sources import check_year  # deferred: spaCy
    from itinerary.extract import Extractor, load_model, read_article

    files: list[Path] = []
    for a in articles:
        if a.is_dir():
            found = sorted(a.glob("*.txt"))
            if not found:
                raise ExtractionError(f"{a}: no .txt articles in this folder")
            files.extend(found)
        else:
            files.append(a)
    batch = out_dir is not None
    if not batch and len(files) > 1:
        raise ExtractionError(
            f"{len(files)} articles given: use --out-dir DIR to write one draft per article"
        )
    if batch and output is not None:
        raise ExtractionError("give either -o (one article) or --out-dir (several), not both")
    day = published.date() if published else None
    language = None if lang == "auto" else lang
    targets = [(f, (out_dir / f"{f.stem}.yaml") if out_dir else output) for f in files]
    _check_distinct(targets)
    finished = [] if force or not batch else [(f, t) for f, t in targets if t and _finished(f, t)]
    targets = [x for x in targets if x not in finished]
    for _, t in targets:
        if t is not None:
            check_output(t, inputs=files, force=force)
    extractor = Extractor(model=load_model(model) if model else None)
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    stats = {"trips": 0, "stops": 0, "review": 0}

    failed: list[str] = []
    undated: list[str] = []

    def one(path: Path, target: Path | None) -> None:
        try:
            article = read_article(path, published=day, language=language)
            check_year(str(path), article.published)
            if article.published is None:
                undated.append(path.name)
            analysis = extractor.analyse(article)
            it = extractor.assemble(analysis)
            if explain:  # every candidate, kept or dropped, and the mentions that are no place
                for line in extractor.explain(analysis):
                    say(f"{path.name}: {line}")  # article text, escaped
            if not it.trips:
                raise ExtractionError(
                    f"{path}: no trip found (no place is named as where someone goes or is); "
                    "check the language (--lang) or write the itinerary by hand"
                )
        except ExtractionError as exc:
            if not batch:
                raise
            failed.append(str(exc))
            return
        stops = [s for _, _, s in it.stops()]
        stats["trips"] += len(it.trips)
        stats["stops"] += len(stops)
        stats["review"] += sum(1 for s in stops if s.needs_review)
        if explain:
            for s in stops:
                flag = " [review]" if s.needs_review else ""
                line = f"{path.name}: stop {s.place} ({s.status.value}){flag}: {s.note or ''}"
                say(line)  # article text, escaped
        if target is None:
            click.echo(yaml_io.dumps(it), nl=False)
        else:
            yaml_io.dump(it, target)

    before = {t: _mtime(t) for _, t in targets if t is not None}
    try:
        if batch and len(targets) > 1:
            bar: Any
            with click.progressbar(targets, label="extracting", file=sys.stderr) as bar:
                for path, target in bar:
                    one(path, target)
        else:
            for path, target in targets:
                one(path, target)
    except KeyboardInterrupt:
        if not batch:
            raise
        # the drafts on disk that this run wrote (an interrupt may fall between a write and any
        # counting of it, so the files are what counts)
        drafts = sum(1 for t, was in before.items() if _mtime(t) not in (None, was))
        say(
            f"interrupted: {_count(drafts, 'draft')} written to {out_dir} in this run; run the same "
            "command again to extract the rest (finished drafts are kept and skipped)",
            fg="red",
        )
        raise SystemExit(130) from None
    where = out_dir if batch else output
    summary = (
        f"{_count(stats['trips'], 'trip')}, {_count(stats['stops'], 'stop')}, {stats['review']} to review"
    )
    done = len(targets) - len(failed)
    if finished:
        say(
            f"note: {_count(len(finished), 'draft')} in {out_dir} newer than the article kept as "
            "finished (--force extracts again)"
        )
    if where is not None:
        say(f"wrote {where} ({done} article{'s' * (done != 1)}: {summary})")
    else:
        say(f"draft: {summary}")
    if undated:
        names = ", ".join(undated[:3]) + (f" and {len(undated) - 3} more" if len(undated) > 3 else "")
        say(
            f"note: no publication date for {names}: weekdays and relative dates were left undated "
            "(give --published DATE, or a '# date: YYYY-MM-DD' header line ended by '---')",
            err=True,
        )
    for msg in failed:
        say(f"error: {msg}", fg="red")
    if failed:
        raise SystemExit(1)


def _mtime(path: Path) -> int | None:
    """The file's modification time in nanoseconds, None when it does not exist."""
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return None


def _check_distinct(targets: list[tuple[Path, Path | None]]) -> None:
    """Refuse two articles that would write the same draft (``a/x.txt`` and ``b/x.txt``)."""
    seen: dict[Path, Path] = {}
    for article, draft in targets:
        if draft is None:
            continue
        if draft in seen:
            raise ExtractionError(
                f"{seen[draft]} and {article} would both write {draft}; rename one, or use "
                "`itinerary build`, which names every draft apart"
            )
        seen[draft] = article


def _finished(article: Path, draft: Path) -> bool:
    """A draft of an earlier (perhaps interrupted) batch run: there, and newer than its article."""
    try:
        return draft.is_file() and draft.stat().st_mtime >= article.stat().st_mtime
    except OSError:
        return False


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
    yaml_io.dump(merged, output)
    stops = [s for _, _, s in merged.stops()]
    review = sum(1 for s in stops if s.needs_review)
    say(
        f"wrote {output} ({_count(len(merged.trips), 'trip')}, {_count(len(stops), 'stop')}, "
        f"{_count(len(merged.sources), 'source')}, "
        f"{review} to review)",
        err=True,
    )
    for line in report.lines():
        say(f"  {line}")
    for msg in failed:
        say(f"error: {msg}", fg="red")
    if failed:
        raise SystemExit(1)


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
