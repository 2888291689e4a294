"""itinerary build: a real local Dask scheduler and worker processes, a killed worker, an
interrupted run resumed, bad articles recorded, and the one-process fallback."""

from __future__ import annotations

import json
import os
import shutil
import signal
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import itinerary
from itinerary.build import BuildError, Plan, Summary, build
from itinerary.build.engine import Outcome
from itinerary.build.manifest import STATS, Manifest
from itinerary.build.sources import MAX_LINE_BYTES
from itinerary.cli import cli
from itinerary.errors import ValidationError
from itinerary.extract import read_article
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data" / "build"
GOOD = ["a1-minister-oslo", "a2-president-lisbon", "a3-premier-nairobi", "a4-minister-tromso"]
BAD = "b1-weather"
# Tests that extract articles are marked ``data``: the extraction geocodes with the full
# gazetteer, in this process and in every Dask worker process.


class Hook:
    """A reporter that calls ``action(n)`` after the n-th finished article."""

    def __init__(self, action: Any = None) -> None:
        self.action = action
        self.plan: Plan | None = None
        self.seen: list[Outcome] = []

    def start(self, plan: Plan) -> None:
        self.plan = plan

    def advance(self, outcome: Outcome) -> None:
        self.seen.append(outcome)
        if self.action is not None:
            self.action(len(self.seen))

    def finish(self) -> None:
        return None


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A real scheduler and two worker processes (one thread each) on 127.0.0.1."""
    distributed = pytest.importorskip("distributed")  # imported here: it takes seconds to import
    cluster = distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=":0",
        scheduler_kwargs={"dashboard": False},
    )
    with cluster, distributed.Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def reference(client: Any, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Summary]:
    out = tmp_path_factory.mktemp("reference")
    return out, build([DATA], out, client=client)


def snapshot(out: Path) -> dict[str, bytes]:
    """Every file of an output folder, by relative path (but the drafts' hashes by file status:
    a cache of this machine's file system, which differs between two folders of the same drafts)."""
    return {
        str(p.relative_to(out)): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name != STATS
    }


@pytest.mark.data
def test_build_on_a_local_cluster(reference: tuple[Path, Summary]) -> None:
    out, summary = reference
    # the weather report holds no travel word: the screen sends it to "no trip" unread
    assert (summary.ok, summary.failed, summary.screened, summary.skipped, summary.extracted) == (
        4,
        0,
        1,
        0,
        5,
    )
    assert summary.engine.startswith("Dask, 2 worker processes at tcp://127.0.0.1:")
    assert sorted(p.stem for p in (out / "drafts").glob("*.yaml")) == GOOD
    assert summary.failures == []
    merged = itinerary.load(out / "trips.yaml")
    travellers = sorted(t.traveller for t in merged.trips)
    assert travellers == [
        "Luiz Inácio Lula da Silva",
        "Mélanie Joly",
        "Narendra Modi",
    ]  # the alias list names him in full
    joly = next(t for t in merged.trips if t.traveller == "Mélanie Joly")
    assert {s.source for s in joly.stops} == {"a1-minister-oslo", "a4-minister-tromso"}
    assert {s.id for s in merged.sources} == set(GOOD)
    entries = Manifest(out / "manifest.jsonl").entries
    assert (entries[BAD].status, entries[BAD].reason) == ("no-trip", "screened")
    assert all(entries[n].status == "ok" for n in GOOD)


@pytest.mark.data
def test_geoparquet_is_read_by_geopandas_and_dask_geopandas(reference: tuple[Path, Summary]) -> None:
    import dask_geopandas
    import geopandas as gpd

    out, _ = reference
    merged = itinerary.load(out / "trips.yaml")
    stops = gpd.read_parquet(out / "stops.parquet")
    assert stops.crs.to_epsg() == 4326
    assert len(stops) == sum(len(t.stops) for t in merged.trips)
    oslo = stops[stops["place"] == "Oslo"].geometry.iloc[0]
    assert (round(oslo.x, 1), round(oslo.y, 1)) == (10.7, 59.9)  # lon, lat
    legs = dask_geopandas.read_parquet(out / "legs.parquet").compute()
    assert len(legs) == sum(len(t.stops) - 1 for t in merged.trips)
    assert set(legs.geom_type) <= {"LineString", "MultiLineString"}


@pytest.mark.data
def test_interrupted_run_resumes_to_the_same_output(
    client: Any, reference: tuple[Path, Summary], tmp_path: Path
) -> None:
    def stop_after_two(n: int) -> None:
        if n == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build([DATA], tmp_path, client=client, reporter=Hook(stop_after_two))
    assert not (tmp_path / "trips.yaml").exists()
    assert len(Manifest(tmp_path / "manifest.jsonl").entries) == 2
    # What a harder stop leaves behind: a line cut short and a temporary file.
    with (tmp_path / "manifest.jsonl").open("a") as fh:
        fh.write('{"name": "a3-premier-nairobi", "dig')
    (tmp_path / "drafts" / ".a3-premier-nairobi.yaml.x1.tmp").write_text("half")

    resumed = build([DATA], tmp_path, client=client)
    assert (resumed.skipped, resumed.extracted) == (2, 3)
    assert snapshot(tmp_path) == snapshot(reference[0])

    again = build([DATA], tmp_path, client=client, reporter=(hook := Hook()))
    assert (again.skipped, again.extracted, again.failed, again.screened) == (5, 0, 0, 1)
    assert hook.plan is not None and hook.plan.engine == "nothing to extract"
    assert again.written == [] and again.trips == resumed.trips  # the merged files were up to date
    assert snapshot(tmp_path) == snapshot(reference[0])


@pytest.mark.data
def test_cli_through_a_running_scheduler(
    client: Any, reference: tuple[Path, Summary], tmp_path: Path
) -> None:
    address = client.scheduler.address
    result = CliRunner().invoke(cli, ["build", str(DATA), "-o", str(tmp_path), "--scheduler", address])
    assert result.exit_code == 0, result.output
    assert f"at {address}" in result.output
    assert (
        "4 ok, 0 failed, 1 screened out as holding no trip, 0 skipped as finished; 5 extracted"
        in result.output
    )
    assert snapshot(tmp_path) == snapshot(reference[0])


@pytest.mark.data
def test_a_killed_worker_has_its_task_run_again(
    client: Any, reference: tuple[Path, Summary], tmp_path: Path
) -> None:
    before = client.run(os.getpid)
    killed: list[str] = []
    done = threading.Event()

    def kill_the_first_busy_worker() -> None:
        """Poll the scheduler and kill the first worker seen working on an article."""
        while not done.is_set() and not killed:
            busy = [w for w, keys in client.processing().items() if keys]
            if busy:
                os.kill(before[busy[0]], signal.SIGKILL)
                killed.append(busy[0])
            done.wait(0.02)

    watcher = threading.Thread(target=kill_the_first_busy_worker, daemon=True)
    watcher.start()
    try:
        summary = build([DATA], tmp_path, client=client, reporter=Hook())
    finally:
        done.set()
        watcher.join()
    assert killed, "no worker was seen working on an article"
    assert (summary.ok, summary.failed, summary.screened) == (4, 0, 1)
    assert snapshot(tmp_path) == snapshot(reference[0])
    client.wait_for_workers(2, timeout=120)
    assert set(client.run(os.getpid).values()) != set(before.values())  # the nanny started a new one


def corpus_rows() -> list[dict[str, Any]]:
    """The test articles as JSON Lines rows (text, published, url, language)."""
    rows = []
    for name in ("a1_minister_oslo", "a4_minister_tromso"):
        art = read_article(DATA / f"{name}.txt")
        rows.append(
            {
                "text": art.text,
                "published": art.published.isoformat() if art.published else None,
                "url": f"https://example.org/{name}",
                "language": art.language,
            }
        )
    return rows


@pytest.mark.data
def test_jsonl_with_a_bad_line_in_one_process(tmp_path: Path) -> None:
    rows = corpus_rows()
    src = tmp_path / "feed.jsonl"
    huge = json.dumps({**rows[0], "text": "x" * (MAX_LINE_BYTES + 10)})
    lines = [
        json.dumps(rows[0]),
        '{"text": "cut short',
        json.dumps({**rows[1], "published": "last week"}),
        huge,
    ]
    src.write_text("\n".join([*lines, json.dumps(rows[1])]) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    summary = build([src], out, serial=True)
    assert (summary.ok, summary.failed, summary.engine) == (2, 3, "one process")
    reasons = dict(summary.failures)
    assert "not valid JSON" in reasons[f"{src}:2"]
    assert "'last week' is not a date" in reasons[f"{src}:3"]
    assert "over the 2048 KB limit" in reasons[f"{src}:4"]
    assert sorted(p.stem for p in (out / "drafts").glob("*.yaml")) == ["feed-1", "feed-5"]
    merged = itinerary.load(out / "trips.yaml")
    assert {s.url for s in merged.sources} == {r["url"] for r in rows}


@pytest.mark.data
def test_parquet_input_and_a_changed_article(tmp_path: Path) -> None:
    import pandas as pd

    rows = [{**r, "id": f"story {i}"} for i, r in enumerate(corpus_rows())]
    src = tmp_path / "feed.parquet"
    pd.DataFrame(rows).to_parquet(src)
    out = tmp_path / "out"
    first = build([src], out, serial=True)
    assert (first.ok, first.extracted) == (2, 2)
    assert sorted(p.stem for p in (out / "drafts").glob("*.yaml")) == ["story-0", "story-1"]
    rows[1]["text"] = rows[1]["text"].replace("Wednesday", "Thursday")
    pd.DataFrame(rows).to_parquet(src)
    second = build([src], out, serial=True)
    assert (second.skipped, second.extracted) == (1, 1)
    assert [p.name for p in second.written] == ["trips.yaml", "stops.parquet", "legs.parquet"]
    assert build([src], out, serial=True).written == []
    (out / "legs.parquet").unlink()
    third = build([src], out, serial=True)
    assert third.extracted == 0 and (out / "legs.parquet") in third.written


@pytest.mark.data
def test_without_dask_it_runs_in_one_process_and_says_how_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import itinerary.build as build_module

    monkeypatch.setattr(build_module, "dask_available", lambda: False)
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(DATA / "a2_president_lisbon.txt", src)
    result = CliRunner().invoke(cli, ["build", str(src), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert 'pip install "itinerary[scale]"' in result.output
    assert "(one process)" in result.output
    assert (tmp_path / "out" / "drafts" / "a2-president-lisbon.yaml").is_file()


def test_workers_and_scheduler_together_is_a_usage_error(tmp_path: Path) -> None:
    args = ["build", str(DATA), "-o", str(tmp_path), "--workers", "2", "--scheduler", "tcp://127.0.0.1:1"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert "not both" in result.output


def test_a_missing_source_is_named(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "nope"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "nope: no such file or folder" in result.output
    assert not (tmp_path / "out").exists()


def test_articles_inside_the_output_folder_are_refused(tmp_path: Path) -> None:
    shutil.copy(DATA / "a2_president_lisbon.txt", tmp_path)
    with pytest.raises(ValidationError, match="inside the output folder"):
        build([tmp_path], tmp_path, serial=True)
    assert list(tmp_path.iterdir()) == [tmp_path / "a2_president_lisbon.txt"]


def test_one_build_at_a_time_in_a_folder(tmp_path: Path) -> None:
    import fcntl

    out = tmp_path / "out"
    out.mkdir()
    with (out / ".build.lock").open("a") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(BuildError, match="another build is writing into this folder"):
            build([DATA / "a2_president_lisbon.txt"], out, serial=True)
    assert not (out / "drafts").exists()


def test_control_characters_in_names_do_not_reach_the_terminal(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "evil\x1b[2J.txt").write_text("# date: 2024-01-01\n---\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(src), "-o", str(tmp_path / "out"), "--serial"])
    assert result.exit_code == 1
    assert "\x1b" not in result.output
    assert "evil\\x1b[2J.txt: the article is empty" in result.output


def test_a_scheduler_address_that_is_not_one_is_named(tmp_path: Path) -> None:
    args = ["build", str(DATA / "a2_president_lisbon.txt"), "-o", str(tmp_path / "out"), "--scheduler", "foo"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    assert "--scheduler 'foo' is not a Dask scheduler address" in result.output
