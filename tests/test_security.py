"""Hostile and broken input: it never runs code, crashes, hangs or destroys a file.

One test (or more) per kind of failure found by the adversarial probe: template injection,
YAML bombs, outputs that destroy files, OS errors, injections in exports, values that validate
then crash, article limits, the online chain without a network, a damaged gazetteer cache and
mathtext in the static image.
"""

from __future__ import annotations

import csv
import errno
import json
import os
import re
import resource
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from itinerary.cli import cli
from itinerary.options import options_context
from tests.conftest import SEED_14

# Trips are geocoded and routed on the mini data: these tests are about hostile input, not places.
pytestmark = pytest.mark.usefixtures("mini_data_for_module")

RCE = "{{ cycler.__init__.__globals__.os.makedirs(dict(PWNED=1)|first, exist_ok=true) }}"
JINJA = "{{ 7*7 }} said the statement {# ref 12}. {% for x in range(3) %}x{% endfor %}"


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


def assert_clean_failure(result: Result, *fragments: str) -> None:
    """Exit 1 with a one-line message, no traceback, no internal error."""
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and "internal error" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    for f in fragments:
        assert f in result.output, result.output


def trip_yaml(**fields: str) -> str:
    """A small valid trip; ``title`` and ``traveller`` go to their places, other fields to stop 1."""
    import yaml

    title = fields.pop("title", "T")
    traveller = fields.pop("traveller", "Kim")
    first = {"place": "Vladivostok", "lat": 43.1056, "lon": 131.8735, "status": "confirmed", **fields}
    second = {"place": "Khabarovsk", "lat": 48.4827, "lon": 135.0838, "status": "planned"}
    data = {
        "itinerary": 1,
        "title": title,
        "trips": [{"id": "k", "traveller": traveller, "stops": [first, second]}],
    }
    text: str = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return text


def payload_of(html: str) -> dict[str, Any]:
    m = re.search(r"itineraryDraw\([\w_]+, (\{.*\})\);", html)
    assert m, "payload call not found"
    data: dict[str, Any] = json.loads(m.group(1))
    return data


# ---------------------------------------------------------------- 1. template injection


@pytest.mark.parametrize("field", ["note", "quote", "place", "traveller", "title"])
def test_template_text_is_inert_in_the_map(
    field: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    text = f"{RCE} {JINJA}"
    (tmp_path / "t.yaml").write_text(trip_yaml(**{field: text}), encoding="utf-8")
    result = run("map", "t.yaml", "-o", "out.html", "--offline")
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "PWNED").exists()
    html = (tmp_path / "out.html").read_text("utf-8")
    assert ">49<" not in html and '"49' not in html
    if field == "title":
        assert "<title>" + text.replace("<", "&lt;") in html.replace("&#x27;", "'")
    else:
        texts = json.dumps(payload_of(html), ensure_ascii=False)
        assert json.dumps(text, ensure_ascii=False)[1:-1] in texts


def test_template_text_from_an_article_is_inert(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("spacy", reason="the nlp extra is part of the dev set-up")
    monkeypatch.chdir(tmp_path)
    article = tmp_path / "a.txt"
    article.write_text(
        f"Kim Jong-un arrived in Vladivostok on 12 September by train ({RCE} {JINJA}).\n", encoding="utf-8"
    )
    assert run("extract", article, "--lang", "en", "--published", "2023-09-14", "-o", "d.yaml").exit_code == 0
    assert "{{ 7*7 }}" in (tmp_path / "d.yaml").read_text("utf-8")
    result = run("map", "d.yaml", "-o", "d.html", "--offline")
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "PWNED").exists()
    assert "{{ 7*7 }}" in json.dumps(payload_of((tmp_path / "d.html").read_text("utf-8")), ensure_ascii=False)


# ---------------------------------------------------------------- 2. YAML bombs and nesting


def _alias_bomb() -> str:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev, cur = chr(96 + i), chr(97 + i)
        lines.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        (_alias_bomb(), "anchors and aliases"),
        ("x: &r [*r]\n", "anchors and aliases"),
        ("itinerary: 1\nx: " + "[" * 600 + "]" * 600 + "\n", "nesting too deep"),
        ("itinerary: 1\nx: " + "{a: " * 600 + "1" + "}" * 600 + "\n", "nesting too deep"),
    ],
)
def test_yaml_bombs_are_refused_quickly(text: str, fragment: str, tmp_path: Path) -> None:
    (tmp_path / "b.yaml").write_text(text, encoding="utf-8")
    for command in ("validate", "resolve"):
        assert_clean_failure(run(command, tmp_path / "b.yaml"), fragment, "b.yaml:")


@pytest.mark.slow  # parses a file of 20,001 stops (about 20 s on one core)
def test_stop_count_limit(tmp_path: Path) -> None:
    from itinerary.io.yaml import MAX_STOPS

    stops = "".join("      - {lat: 10.5, lon: 20.25, status: confirmed}\n" for _ in range(MAX_STOPS + 1))
    (tmp_path / "many.yaml").write_text(
        f"itinerary: 1\ntrips:\n  - id: a\n    traveller: A\n    stops:\n{stops}", encoding="utf-8"
    )
    assert_clean_failure(run("validate", tmp_path / "many.yaml"), "over the limit", "split")


# ---------------------------------------------------------------- 3. outputs that destroy files


def test_outputs_never_replace_their_input(tmp_path: Path) -> None:
    trip = tmp_path / "trip.yaml"
    trip.write_text(SEED_14.read_text("utf-8"), encoding="utf-8")
    before = trip.read_bytes()
    for args in (
        ["map", trip, "-o", trip, "--offline", "--force"],
        ["map", trip, "-o", tmp_path / "m.html", "--png", trip, "--force"],
        ["resolve", trip, "-o", trip, "--force"],
        ["export", trip, "-o", tmp_path / "trip.geojson", "--format", "geojson", "--force"],
    ):
        if args[3] == tmp_path / "trip.geojson":
            link = tmp_path / "trip.geojson"
            link.symlink_to(trip)  # the same file through a link
        result = run(*args)
        assert_clean_failure(result, "also an input")
        assert trip.read_bytes() == before


def test_existing_outputs_need_force(tmp_path: Path) -> None:
    out = tmp_path / "r.yaml"
    out.write_text("keep me", encoding="utf-8")
    assert_clean_failure(run("resolve", SEED_14, "-o", out), "exists; pass --force")
    assert out.read_text("utf-8") == "keep me"
    html = tmp_path / "m.html"
    html.write_text("keep", encoding="utf-8")
    assert_clean_failure(run("map", SEED_14, "-o", html, "--offline"), "--force")
    assert html.read_text("utf-8") == "keep"


def test_flatgeobuf_sidecars_obey_force(tmp_path: Path) -> None:
    side = tmp_path / "t-legs.fgb"
    side.write_bytes(b"precious")
    assert_clean_failure(run("export", SEED_14, "-o", tmp_path / "t.fgb"), "t-legs.fgb exists")
    assert side.read_bytes() == b"precious" and not (tmp_path / "t.fgb").exists()
    assert run("export", SEED_14, "-o", tmp_path / "t.fgb", "--force").exit_code == 0
    assert side.read_bytes() != b"precious"


@pytest.mark.parametrize("target", ["/dev/null", "folder", ""])
def test_outputs_that_are_not_files_are_refused(target: str, tmp_path: Path) -> None:
    if target == "folder":
        (tmp_path / "folder").mkdir()
        target = str(tmp_path / "folder")
    result = run("map", SEED_14, "-o", target, "--offline", "--force")
    assert result.exit_code in (1, 2) and "Traceback" not in result.output  # 2: click's usage error
    assert os.path.exists("/dev/null") and not Path("/dev/null").is_file()


# ---------------------------------------------------------------- 4. OS errors


def test_os_errors_are_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert_clean_failure(run("map", SEED_14, "-o", blocker / "out.html", "--offline"), str(blocker))
    cache = run(
        "geocode",
        "Zzyzxqq",
        "--online",
        "nominatim",
        "--user-agent",
        "t/1 (t@example.org)",
        "--geocode-cache",
        tmp_path,
    )
    assert cache.exit_code == 2 and "is a directory" in cache.output  # click refuses a folder


def _limited_run(args: list[str], cwd: Path, fsize: int) -> subprocess.CompletedProcess[str]:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))

    return subprocess.run(
        [sys.executable, "-m", "itinerary.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        preexec_fn=limit,
        timeout=300,
        check=False,
    )


@pytest.mark.slow
@pytest.mark.parametrize("suffix", [".html", ".gpkg", ".fgb"])
def test_file_size_limit_leaves_nothing_behind(suffix: str, tmp_path: Path) -> None:
    args = (
        ["map", str(SEED_14), "-o", f"out{suffix}", "--offline"]
        if suffix == ".html"
        else ["export", str(SEED_14), "-o", f"out{suffix}"]
    )
    proc = _limited_run(args, tmp_path, 20_000)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "file too large" in proc.stderr or "file-size limit" in proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # no target, no temporary


def test_stale_temporaries_of_a_killed_run_are_removed(tmp_path: Path) -> None:
    dead_pid = 4_194_305  # above Linux's largest pid: never a live process
    stale = tmp_path / f".m.html.{dead_pid}-abc.tmp"
    stale.write_text("half", encoding="utf-8")
    live = tmp_path / f".m.html.{os.getpid()}-abc.tmp"  # ours: still running, kept
    live.write_text("busy", encoding="utf-8")
    assert run("map", SEED_14, "-o", tmp_path / "m.html", "--offline").exit_code == 0
    assert not stale.exists() and live.exists()


# ---------------------------------------------------------------- 5. injections in exports

FORMULAS = ['=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0", "+1+1", "@SUM(A1)", "-2+3", "a\rb"]


def test_csv_cells_are_never_formulas(tmp_path: Path) -> None:
    (tmp_path / "t.yaml").write_text(trip_yaml(note=FORMULAS[0], quote=" | ".join(FORMULAS)), "utf-8")
    out = tmp_path / "t.csv"
    assert run("export", tmp_path / "t.yaml", "-o", out).exit_code == 0
    with out.open(encoding="utf-8", newline="") as fh:
        table = list(csv.DictReader(fh))
    rows = [r for r in table if r["feature"] == "stop"]
    assert len(rows) == 2
    assert rows[0]["quote"].startswith("'=") and rows[0]["quote"][1:] == " | ".join(FORMULAS)
    for row in table:
        for value in row.values():
            assert not value.startswith(("=", "+", "@", "\t", "\r")) or value == ""
    assert float(rows[0]["lon"]) == pytest.approx(131.8735)


def test_kml_is_well_formed_and_shows_markup_as_text(tmp_path: Path) -> None:
    quote = "<b>bold</b> & <script>x</script> \x01\x1f end"
    (tmp_path / "t.yaml").write_text(trip_yaml(quote=quote), "utf-8")
    out = tmp_path / "t.kml"
    assert run("export", tmp_path / "t.yaml", "-o", out).exit_code == 0
    root = ET.parse(out).getroot()
    ns = {"k": "http://www.opengis.net/kml/2.2"}
    descs = [d.text or "" for d in root.iterfind(".//k:description", ns)]
    assert any("<b>bold</b> & <script>x</script>  end" in d for d in descs)  # text, not markup
    assert "&lt;b&gt;" in out.read_text("utf-8")
    names = [n.text or "" for n in root.iterfind(".//k:name", ns)]
    assert not any("nan" in n.split() for n in names)


def test_kml_connectors_have_names(tmp_path: Path) -> None:
    out = tmp_path / "seed.kml"
    assert run("export", SEED_14, "-o", out).exit_code == 0
    assert " nan" not in out.read_text("utf-8") and "to the railway" in out.read_text("utf-8")


# ---------------------------------------------------------------- 6. values that validate then crash


@pytest.mark.parametrize(
    ("snippet", "fragment"),
    [
        ("lat: .nan\n        lon: 10.5", "not a finite number"),
        ("lat: 10.5\n        lon: .inf", "not a finite number"),
        ('place: "A\\ud800B"', "lone surrogate"),
    ],
)
def test_values_that_cannot_be_used_fail_validation(snippet: str, fragment: str, tmp_path: Path) -> None:
    head = "itinerary: 1\ntrips:\n  - id: a\n    traveller: A\n    stops:\n"
    (tmp_path / "v.yaml").write_text(f"{head}      - status: confirmed\n        {snippet}\n", "utf-8")
    for command in ("validate", "map"):
        args = [command, tmp_path / "v.yaml"] + (["-o", tmp_path / "v.html"] if command == "map" else [])
        assert_clean_failure(run(*args), fragment, "v.yaml:")


# ---------------------------------------------------------------- 7. articles and special files


def test_special_files_are_refused_without_reading(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for path, fragment in ((Path("/dev/zero"), "is a device"), (fifo, "named pipe")):
        assert_clean_failure(run("validate", path), fragment)
        assert_clean_failure(run("extract", path, "--lang", "en"), fragment)


def test_article_limits(tmp_path: Path) -> None:
    from itinerary.extract.limits import MAX_ARTICLE_BYTES, MAX_NAMES_PER_SENTENCE

    big = tmp_path / "big.txt"
    big.write_text("Paris. " * (MAX_ARTICLE_BYTES // 7 + 10), "utf-8")
    assert_clean_failure(run("extract", big, "--lang", "en"), "larger than")
    line = tmp_path / "line.txt"
    line.write_text("word " * 20_000, "utf-8")
    assert_clean_failure(run("extract", line, "--lang", "en"), "line 1 is", "paragraphs")
    names = tmp_path / "names.txt"
    names.write_text("He visited " + ", ".join(["Paris"] * (MAX_NAMES_PER_SENTENCE + 5)) + ".", "utf-8")
    assert_clean_failure(run("extract", names, "--lang", "en"), "capitalised words")
    header = tmp_path / "h.txt"
    header.write_text("# date: 2023-02-30\n---\nKim arrived in Vladivostok.\n", "utf-8")
    assert_clean_failure(run("extract", header, "--lang", "en"), "not a real date")


# ---------------------------------------------------------------- 8. online without a network


class _Down:
    """A geopy-like service whose every call fails as an unreachable network does."""

    def __init__(self) -> None:
        self.calls = 0

    def geocode(self, query: str, **kwargs: Any) -> Any:
        from geopy.exc import GeocoderUnavailable

        self.calls += 1
        raise GeocoderUnavailable("connection refused")


def test_online_chain_gives_up_after_one_failed_round(tmp_path: Path) -> None:
    from itinerary.errors import GeocoderWarning, PlaceNotFound
    from itinerary.geocode.online import ChainGeocoder, GeocodeCache

    down = _Down()
    slept: list[float] = []
    chain = ChainGeocoder(
        down, cache=GeocodeCache(tmp_path / "c.sqlite3"), sleep=slept.append, clock=lambda: 0
    )
    with pytest.warns(GeocoderWarning, match="not asked again"):
        for i in range(20):
            with pytest.raises(PlaceNotFound):
                chain.resolve(f"Qxzzyv Unknownplace {i}")
    assert down.calls == chain.retries + 1 == 3
    assert sum(slept) < 10


def test_poisoned_cache_rows_are_reported(tmp_path: Path) -> None:
    from itinerary.errors import CacheError
    from itinerary.geocode.online import GeocodeCache

    cache = GeocodeCache(tmp_path / "c.sqlite3")
    for i, bad in enumerate([[{"lat": "x", "lon": 1}], [{"lat": float("nan"), "lon": 1.5}], [7], {"a": 1}]):
        cache.put("nominatim", f"q{i}", bad)  # type: ignore[arg-type]
        with pytest.raises(CacheError, match="delete this file"):
            cache.get("nominatim", f"q{i}")


# ---------------------------------------------------------------- 9. the gazetteer cache


def test_truncated_gazetteer_arrays_are_refused(mini_gazetteer: Any, tmp_path: Path) -> None:
    import numpy as np

    from itinerary.errors import CacheError
    from itinerary.geocode.gazetteer import Gazetteer

    arrays = dict(mini_gazetteer._a)
    for name in ("lat", "names", "key_target", "block_members", "multi_idx"):
        broken = dict(arrays, **{name: arrays[name][: len(arrays[name]) // 2]})
        with pytest.raises(ValueError, match="inconsistent index arrays"):
            Gazetteer(broken)
    path = tmp_path / "g.npz"
    np.savez(path, **dict(arrays, lat=arrays["lat"][:10]))
    with pytest.raises(CacheError, match="delete it to rebuild"):
        Gazetteer.load(path, rebuild=False)


def test_unusable_cache_folder_builds_in_memory(
    mini_gazetteer: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from itinerary.errors import ItineraryWarning
    from itinerary.geocode import gazetteer as gz
    from itinerary.geocode import index_build

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", "utf-8")
    built: list[int] = []
    monkeypatch.setattr(index_build, "build_index", lambda *a: built.append(1) or {})
    monkeypatch.setattr(
        index_build, "to_arrays", lambda data: dict(mini_gazetteer._a)
    )  # an index, not rebuilt
    with (
        options_context(cache_dir=blocker / "cache"),
        pytest.warns(ItineraryWarning, match="built in memory"),
    ):
        g = gz.Gazetteer.load()
    assert built == [1] and len(g) == len(mini_gazetteer)


# ---------------------------------------------------------------- 10. the static image


def test_static_image_draws_dollars_as_typed(tmp_path: Path) -> None:
    (tmp_path / "t.yaml").write_text(
        trip_yaml(traveller="A $^^$", title="Deal worth $5bn to $7bn", note="$\\frac{1}{0}$"), "utf-8"
    )
    result = run("map", tmp_path / "t.yaml", "-o", tmp_path / "t.html", "--png", tmp_path / "t.png")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "t.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize(
    ("code", "fix"),
    [
        (errno.EACCES, "permission denied"),
        (errno.EROFS, "read-only file system"),
        (errno.ENOSPC, "no space left"),
        (errno.EDQUOT, "quota"),
    ],
)
def test_write_errors_name_the_file_and_the_fix(
    code: int, fix: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The errors a root test run cannot provoke for real (a read-only or full disk), injected
    at the rename that ends every atomic write."""
    import itinerary.files as files

    def refuse(src: Any, dst: Any) -> None:
        raise OSError(code, os.strerror(code))

    target = tmp_path / "m.html"
    target.write_text("old", encoding="utf-8")
    monkeypatch.setattr(files.os, "replace", refuse)
    result = run("map", SEED_14, "-o", target, "--offline", "--force")
    assert_clean_failure(result, str(target), fix)
    assert target.read_text("utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["m.html"]


def test_print_labels_are_clipped() -> None:
    """A 200,000-character place name once took over a minute to place on the print map."""
    from itinerary.render.layout import LABEL_CHARS, clip

    assert clip("Vladivostok") == "Vladivostok"
    long = clip("x" * 200_000)
    assert len(long) == LABEL_CHARS and long.endswith("…")
