"""Where the build's map step runs: the order of its tasks and the end of its own local cluster
(real Dask worker processes)."""

from __future__ import annotations

import logging
import os
from typing import Any

import pytest

from itinerary.build import engine
from itinerary.build.sources import DraftSettings, Item
from itinerary.build.summary import Summary


def item(name: str, text: str) -> Item:
    return Item(name, f"corpus.jsonl:{name}", name * 8, {"text": text, "language": "en"})


def test_the_longest_articles_go_first_the_rest_in_input_order() -> None:
    items = [item("a", "x" * 10), item("b", "x" * 300), item("c", "x" * 10), item("d", "x" * 50)]
    out = list(engine.jobs(items, DraftSettings(), None, Summary(total=len(items))))
    assert [j.name for j in out] == ["b", "d", "a", "c"]
    assert all(isinstance(j, engine.Job) for j in out)


def test_a_file_is_measured_by_its_size(tmp_path: Any) -> None:
    short, long = tmp_path / "short.txt", tmp_path / "long.txt"
    short.write_text("# language: en\n---\nA short one.\n", encoding="utf-8")
    long.write_text("# language: en\n---\n" + "A longer one. " * 40 + "\n", encoding="utf-8")
    items = [Item(p.stem, str(p), p.stem * 8, str(p)) for p in (short, long, tmp_path / "gone.txt")]
    out = list(engine.jobs(items, DraftSettings(), None, Summary(total=3)))
    assert [o.name for o in out] == ["long", "short", "gone"]  # the missing file fails last
    assert isinstance(out[2], engine.Outcome) and not out[2].ok


def _plugins(dask_worker: Any) -> list[str]:
    return sorted(dask_worker.plugins)


def test_the_workers_of_the_builds_own_cluster_end_at_once(caplog: pytest.LogCaptureFixture) -> None:
    """A worker of the local cluster the build starts ends without Python's finalisation: its
    process exits with status 0 as soon as the worker has closed, never killed for lingering."""
    pytest.importorskip("distributed")
    caplog.set_level(logging.INFO, logger="distributed.nanny")
    with engine.dask_client(1, None, False) as client:
        assert all("itinerary-quick-exit" in p for p in client.run(_plugins).values())
        pids = set(client.run(os.getpid).values())
        nanny = next(iter(client.cluster.workers.values()))
        process = nanny.process.process  # the worker's process, kept to read its exit status
    assert process.exitcode == 0
    assert "killing" not in caplog.text
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def test_workers_the_build_did_not_start_keep_their_ordinary_exit() -> None:
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        engine.dask_client(None, cluster.scheduler_address, False) as client,
    ):
        assert not any("itinerary-quick-exit" in p for p in client.run(_plugins).values())
