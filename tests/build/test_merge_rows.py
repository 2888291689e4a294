"""The build's merge reads the drafts' rows (the observation table), keeps them in step with the
drafts, and gives the file the one-process merge of the drafts' YAML gives (mini gazetteer)."""

from __future__ import annotations

from pathlib import Path

import pytest

import itinerary
from itinerary.build import build
from itinerary.build.manifest import Manifest
from itinerary.build.observations import Observations
from itinerary.build.run import Run
from itinerary.build.sources import Item
from itinerary.build.summary import Silent, Summary
from itinerary.io import yaml as yaml_io
from itinerary.merge import merge_report
from tests.build.support import MACRON, SCHOLZ, SCHOLZ_2, article

pytest.importorskip("pyarrow")


def merged_from_yaml(out: Path) -> str:
    """The one-process merge of the drafts' YAML files, as the build wrote it before."""
    drafts = [itinerary.load(p) for p in sorted((out / "drafts").glob("*.yaml"))]
    return yaml_io.dumps(merge_report(drafts)[0])


def table_of(out: Path) -> dict[str, str]:
    return {name: digest for name, (digest, _) in Observations.read(out).heads.items()}


def manifest_drafts(out: Path) -> dict[str, str | None]:
    return {n: e.draft for n, e in Manifest(out / "manifest.jsonl").entries.items()}


def test_the_rows_follow_the_drafts_and_the_merge_is_the_same(mini_build: None, tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    article(src / "macron.txt", MACRON)
    scholz = article(src / "scholz.txt", SCHOLZ)
    first = build([src], out, serial=True)
    assert first.ok == 2
    assert table_of(out) == manifest_drafts(out)  # a row set per draft, keyed by its hash
    assert (out / "trips.yaml").read_text(encoding="utf-8") == merged_from_yaml(out)

    article(scholz, SCHOLZ_2, day="2024-05-21")  # one article changes
    second = build([src], out, serial=True)
    assert (second.extracted, second.skipped) == (1, 1)
    assert table_of(out) == manifest_drafts(out)
    assert (out / "trips.yaml").read_text(encoding="utf-8") == merged_from_yaml(out)
    assert "Rome" in (out / "trips.yaml").read_text(encoding="utf-8")

    scholz.unlink()  # one article leaves the input: its draft and its rows go, and the build says so
    third = build([src], out, serial=True)
    assert table_of(out) == manifest_drafts(out) == {"macron": manifest_drafts(out)["macron"]}
    assert not (out / "drafts" / "scholz.yaml").exists()
    notes = " | ".join(third.notes)
    assert "removed 1 draft of articles no longer in the input" in notes
    assert (
        f"removed the observations of 1 article no longer in the input from {out / 'observations'}" in notes
    )
    assert "scholz" in notes
    assert (out / "trips.yaml").read_text(encoding="utf-8") == merged_from_yaml(out)

    (src / "macron.txt").unlink()
    article(src / "weather.txt", "It rained all day.")  # no draft at all: the table leaves too
    build([src], out, serial=True, screen=False)
    assert not (out / "observations").exists()


def test_a_draft_held_in_the_table_is_read_from_its_rows(tmp_path: Path) -> None:
    """The YAML file is not read when the table holds the draft's rows: here there is none."""
    draft = itinerary.load(Path(__file__).parents[1] / "data" / "merge" / "lula-lisbon.yaml")
    table = Observations.read(tmp_path)
    table.put("lula", "hash", draft)
    table.write()
    run = Run(tmp_path, Manifest(tmp_path / "manifest.jsonl"), Silent(), Summary())
    run.digests["lula"] = "hash"
    item = Item("lula", "in/lula.txt", "article hash", "in/lula.txt")
    assert run._draft(item, Observations.read(tmp_path)) == draft
    run.digests["lula"] = "another hash"  # the draft changed: its rows are not used
    with pytest.raises(itinerary.ItineraryError, match=r"lula\.yaml"):
        run._draft(item, Observations.read(tmp_path))
