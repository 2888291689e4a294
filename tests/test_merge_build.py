"""What a build says about its merge: the stops to review per trip, and the articles that had no
publication date (extraction with the full gazetteer: the ``data`` tier)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import itinerary
from itinerary.cli import cli
from itinerary.extract import read_article
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data" / "build"


@pytest.mark.data
def test_build_counts_review_per_trip_and_articles_without_a_date(tmp_path: Path) -> None:
    rows = []
    for name in ("a1_minister_oslo", "a4_minister_tromso"):
        art = read_article(DATA / f"{name}.txt")
        rows.append({"text": art.text, "url": f"https://example.org/{name}", "language": art.language})
    src = tmp_path / "feed.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    res = CliRunner().invoke(cli, ["build", str(src), "-o", str(out), "--serial"])
    assert res.exit_code == 0, res.output
    assert "2 articles had no publication date" in res.output and "--published-default" in res.output
    merged = itinerary.load(out / "trips.yaml")
    for trip in merged.trips:
        n = sum(s.needs_review for s in trip.stops)
        assert (f"  trip {trip.id}: {n} stop" in res.output) is (n > 0)
    dated = tmp_path / "dated"
    res = CliRunner().invoke(
        cli, ["build", str(src), "-o", str(dated), "--serial", "--published-default", "2024-05-02"]
    )
    assert res.exit_code == 0, res.output
    assert "no publication date" not in res.output
