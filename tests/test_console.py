"""What the command line prints: no terminal escape from a file reaches the terminal, and
dates far from the calendar's middle are refused up front, never a crash."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from itinerary.build import build
from itinerary.cli import cli
from itinerary.cli.main import printable
from tests.conftest import ROOT

OSC_TITLE = "\x1b]0;pwned\x07"  # sets the terminal's title
RLO = "\u202e"  # right-to-left override: reverses what follows


def test_printable_escapes_controls_and_bidi_marks_only() -> None:
    assert (
        printable("Kim Jong Un in Vladivostok, 14\u201318 Sept")
        == "Kim Jong Un in Vladivostok, 14\u201318 Sept"
    )
    assert printable(f"{OSC_TITLE}Kim") == "\\x1b]0;pwned\\x07Kim"
    assert printable(f"a{RLO}b\u2066c\u200bd\x85e\x9bf") == "a\\u202eb\\u2066c\\u200bd\\x85e\\x9bf"
    assert printable("line\nnext\tcell\r") == "line\nnext\tcell\\r"
    assert (
        printable("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645")
        == "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"
    )  # ZWNJ kept


def hostile_draft(path: Path, source: str, day: str) -> Path:
    text = (
        "itinerary: 1\n"
        f"sources:\n- id: {source}\n  published: '{day}'\n"
        "trips:\n- id: kim\n"
        '  traveller: "\\e]0;pwned\\aKim Jong Un \\u202eevil"\n'
        "  stops:\n"
        f"  - {{place: Vladivostok, lat: 43.1155, lon: 131.8855, status: confirmed, source: {source},"
        f" date: '{day}'}}\n"
    )
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.usefixtures("mini_data")
def test_merge_and_diff_print_no_terminal_escape(tmp_path: Path) -> None:
    a = hostile_draft(tmp_path / "a.yaml", "a", "2023-09-13")
    b = hostile_draft(tmp_path / "b.yaml", "b", "2023-09-14")
    out = tmp_path / "merged.yaml"
    result = CliRunner().invoke(cli, ["merge", str(a), str(b), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output and RLO not in result.output
    assert "\\x1b]0;pwned\\x07Kim Jong Un \\u202eevil" in result.output  # shown, not obeyed
    result = CliRunner().invoke(cli, ["validate", str(tmp_path / f"{OSC_TITLE}{RLO}.yaml")])
    assert result.exit_code != 0
    assert "\x1b" not in result.output and RLO not in result.output


def test_an_article_named_with_escapes_is_shown_escaped(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / f"x{OSC_TITLE}{RLO}.txt").write_text("# date: 2024-01-01\n---\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(src), "-o", str(tmp_path / "out"), "--serial"])
    assert result.exit_code == 1
    assert "\x1b" not in result.output and RLO not in result.output
    assert "x\\x1b]0;pwned\\x07\\u202e.txt: the article is empty" in result.output


# ---------------------------------------------------------------- dates far from the middle


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "9001-01-01"])
def test_date_options_outside_the_years_read_are_usage_errors(tmp_path: Path, day: str) -> None:
    art = tmp_path / "a.txt"
    art.write_text("President Emmanuel Macron landed in Berlin on Sunday.\n", encoding="utf-8")
    for args in (
        ["extract", str(art), "--published", day],
        ["build", str(art), "-o", str(tmp_path / "out"), "--published-default", day],
        ["build", str(art), "-o", str(tmp_path / "out"), "--as-of", day],
    ):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 2, result.output
        assert "outside the years 100-9000" in result.output


def test_publication_dates_outside_the_years_read_fail_their_article(
    mini_build: None, tmp_path: Path
) -> None:
    feed = tmp_path / "feed.jsonl"
    text = "President Emmanuel Macron landed in Berlin on Sunday."
    rows = [
        {"id": "far", "text": text, "published": "9999-12-31", "language": "en"},
        {"id": "near", "text": text, "published": "2024-05-20", "language": "en"},
    ]
    feed.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    header = tmp_path / "header.txt"
    header.write_text(f"# date: 9999-12-31\n# language: en\n---\n{text}\n", encoding="utf-8")
    summary = build([feed, header], tmp_path / "out", serial=True)
    assert (summary.ok, summary.failed) == (1, 2)
    reasons = dict(summary.failures)
    assert reasons[f"{feed}:1"] == (
        f"{feed}:1: published 9999-12-31 is outside the years 100-9000 this tool reads; "
        "check the date (YYYY-MM-DD)"
    )
    assert "internal error" not in reasons[str(header)] and "outside the years" in reasons[str(header)]


def test_extract_refuses_a_header_date_outside_the_years_read(mini_build: None, tmp_path: Path) -> None:
    art = tmp_path / "a.txt"
    art.write_text("# date: 9999-12-31\n---\nPresident Emmanuel Macron landed in Berlin on Sunday.\n")
    result = CliRunner().invoke(cli, ["extract", str(art)])
    assert result.exit_code == 1, result.output
    assert "published 9999-12-31 is outside the years 100-9000" in result.output


# ---------------------------------------------------------------- extract --out-dir


def test_extract_refuses_two_articles_writing_one_draft(tmp_path: Path) -> None:
    for d in ("a", "b"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "x.txt").write_text("President Macron landed in Berlin.\n", encoding="utf-8")
    args = [
        "extract",
        str(tmp_path / "a" / "x.txt"),
        str(tmp_path / "b" / "x.txt"),
        "--out-dir",
        str(tmp_path),
    ]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    assert f"{tmp_path / 'a' / 'x.txt'} and {tmp_path / 'b' / 'x.txt'} would both write" in result.output


@pytest.mark.data
def test_an_interrupted_extract_out_dir_says_what_it_wrote_and_resumes(tmp_path: Path) -> None:
    """A real Ctrl-C (SIGINT) to a running `itinerary extract --out-dir`, then the same command."""
    src = tmp_path / "in"
    src.mkdir()
    cities = ["Berlin", "Paris", "Rome", "Madrid", "Vienna", "Lisbon", "Oslo", "Prague"]
    for i, city in enumerate(cities):
        body = f"President Emmanuel Macron landed in {city} on Sunday.\n"
        (src / f"a{i}.txt").write_text(f"# date: 2024-05-20\n# language: en\n---\n{body}", encoding="utf-8")
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "itinerary.cli", "extract", str(src), "--out-dir", str(out)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not list(out.glob("*.yaml")) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    written = len(list(out.glob("*.yaml")))
    assert proc.returncode == 130, err
    assert 1 <= written < len(cities), err
    assert f"interrupted: {written} draft{'s' * (written != 1)} written to {out}" in err
    assert "Traceback" not in err and "nothing was written" not in err

    again = subprocess.run(cmd, env=env, stderr=subprocess.PIPE, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert f"{written} draft{'s' * (written != 1)} in {out} newer than the article kept" in again.stderr
    assert len(list(out.glob("*.yaml"))) == len(cities)
