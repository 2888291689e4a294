"""Command-line wording: counts, bad option values and errors that name the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from itinerary.cli import cli

pytestmark = pytest.mark.usefixtures("mini_data_for_module")


def _trip(tmp_path: Path, stops: str, trips: int = 1) -> Path:
    path = tmp_path / "trip.yaml"
    body = "".join(
        f"  - id: t{i}\n    traveller: T{i}\n    mode: air\n    stops:\n{stops}" for i in range(trips)
    )
    path.write_text(f"itinerary: 1\ntrips:\n{body}", "utf-8")
    return path


ONE = "      - {place: Rome, lat: 41.9028, lon: 12.4964, status: confirmed}\n"


def test_validate_counts_in_words(tmp_path: Path) -> None:
    res = CliRunner().invoke(cli, ["validate", str(_trip(tmp_path, ONE))])
    assert res.exit_code == 0 and "valid (1 trip, 1 stop)" in res.output
    res = CliRunner().invoke(cli, ["validate", str(_trip(tmp_path, ONE * 2, trips=2))])
    assert res.exit_code == 0 and "valid (2 trips, 4 stops)" in res.output


def test_country_must_be_a_two_letter_code() -> None:
    res = CliRunner().invoke(cli, ["geocode", "Rome", "--country", "ITA"])
    assert res.exit_code == 2 and "two-letter ISO 3166 code" in res.output and "Traceback" not in res.output
    res = CliRunner().invoke(cli, ["geocode", "Rome", "--country", "it"])
    assert res.exit_code == 0 and "Rome" in res.output


def test_unknown_place_on_map_and_export_names_the_file(tmp_path: Path) -> None:
    trip = _trip(tmp_path, "      - {place: Xqzwwvtown, status: planned}\n" + ONE)
    for args in (["map", "-o", str(tmp_path / "m.html")], ["export", "-o", str(tmp_path / "m.geojson")]):
        res = CliRunner().invoke(cli, [args[0], str(trip), *args[1:]])
        assert res.exit_code == 1, res.output
        assert f"error: {trip}: trips[0].stops[0].place: unknown place 'Xqzwwvtown'" in res.output
        assert not Path(args[2]).exists()


def test_date_options_say_yyyy_mm_dd(tmp_path: Path) -> None:
    for command in ("extract", "merge", "diff", "build"):
        res = CliRunner().invoke(cli, [command, "--help"])
        assert res.exit_code == 0 and "%Y" not in res.output and "YYYY-MM-DD" in res.output, command
    trip = _trip(tmp_path, ONE)
    res = CliRunner().invoke(cli, ["diff", str(trip), "--as-of", "2024-99-01"])
    assert res.exit_code == 2 and "'2024-99-01' is not a date YYYY-MM-DD" in res.output


def test_merge_counts_in_words(tmp_path: Path) -> None:
    trip = _trip(tmp_path, ONE)
    res = CliRunner().invoke(cli, ["merge", str(trip), "-o", str(tmp_path / "m.yaml")])
    assert res.exit_code == 0, res.output
    assert "(1 trip, 1 stop, 0 sources, 0 to review)" in res.output


def test_choice_lists_read_their_registries() -> None:
    from itinerary.cli.choices import MAP_LANGUAGES, ONLINE_SERVICES, PRINT_SIZES
    from itinerary.geocode.online import PROVIDERS
    from itinerary.render.i18n import languages
    from itinerary.render.labels import LANGS
    from itinerary.render.static import SIZES

    # the page catalogues' languages first, then those only the basemap names
    assert MAP_LANGUAGES.choices == tuple(dict.fromkeys((*languages(), *LANGS)))
    assert set(LANGS) <= set(MAP_LANGUAGES.choices) and "pt" in MAP_LANGUAGES.choices
    assert ONLINE_SERVICES.choices == tuple(PROVIDERS)
    assert PRINT_SIZES.choices == tuple(SIZES)
    result = CliRunner().invoke(cli, ["map", "trip.yaml", "--size", "poster"])
    assert result.exit_code == 2 and "'poster' is not one of 'column', '16:9', 'square'" in result.output
    result = CliRunner().invoke(cli, ["geocode", "Paris", "--online", "bing"])
    assert result.exit_code == 2 and "'bing' is not one of 'nominatim', 'photon'" in result.output


@pytest.mark.parametrize("name", ["trip.png", "trip.PDF", "trip.svg"])
def test_map_output_named_as_an_image_is_refused(tmp_path: Path, name: str) -> None:
    """-o is the HTML page: an image name is refused before anything is written, naming --static."""
    trip = _trip(tmp_path, ONE)
    out = tmp_path / name
    res = CliRunner().invoke(cli, ["map", str(trip), "-o", str(out)])
    assert res.exit_code == 2, res.output
    assert f"--static {out}" in res.output and "Traceback" not in res.output
    assert not out.exists()
