"""A folder rebuilt after any sequence of edits (an article added, removed, or changed) writes
the files a build of the same input from scratch writes: ``trips.yaml`` and both GeoParquet
files compared byte for byte, and the merged trips parsed back compared as objects too.

The edits are drawn at random (seeded, so a failure is replayed) over copies of the merge
groups' drafts (the development groups of ``tests/data/merge``), each copy naming its travellers
anew, as a news feed does; the rebuild keeps its merge's work between the edits, the build from
scratch starts from the same drafts with no merged file, no store of parts, no kept table and no
observation table."""

from __future__ import annotations

import json
import random
import shutil
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

import itinerary
from itinerary.build.outputs import KEPT, PARTS, STATE, file_digest
from itinerary.errors import MergeWarning
from itinerary.io import yaml as yaml_io
from itinerary.model import Itinerary
from tests.conftest import ROOT

pytest.importorskip("pyarrow")

GROUPS = sorted((ROOT / "tests" / "data" / "merge").glob("*.yaml"))
FILES = ("trips.yaml", "stops.parquet", "legs.parquet")


@pytest.fixture(autouse=True)
def _quiet() -> Iterator[None]:
    with warnings.catch_warnings():  # unrelated inputs warn that they share no traveller
        warnings.simplefilter("ignore", MergeWarning)
        yield


class _Feed:
    """A build folder fed by a JSON Lines file whose articles' drafts are put in place as an
    extraction would leave them (the manifest records each draft), so a build merges without
    extracting."""

    def __init__(self, root: Path) -> None:
        self.src, self.out = root / "feed.jsonl", root / "out"
        self.rows: dict[str, dict[str, str]] = {}
        self.drafts: dict[str, Itinerary] = {}
        (self.out / "drafts").mkdir(parents=True)

    def put(self, name: str, draft: Itinerary, text: str) -> None:
        """Article ``name`` (added, or changed to ``text``) whose draft is ``draft``."""
        self.rows[name] = {"id": name, "text": text, "published": "2024-01-01"}
        self.drafts[name] = draft

    def remove(self, name: str) -> None:
        del self.rows[name]
        del self.drafts[name]

    def write(self) -> None:
        """The input file, and each article's draft where the build finds it done."""
        from itinerary import __version__
        from itinerary.build.manifest import OK, Entry, Manifest, text_digest
        from itinerary.build.sources import DraftSettings, iter_items

        self.src.write_text("".join(json.dumps(r) + "\n" for r in self.rows.values()), encoding="utf-8")
        manifest = Manifest(self.out / "manifest.jsonl")
        for item in iter_items([self.src], DraftSettings(None, None, __version__)):
            entry = manifest.entries.get(item.name)
            if entry is not None and entry.digest == item.digest:
                continue
            text = yaml_io.dumps(self.drafts[item.name])
            (self.out / "drafts" / f"{item.name}.yaml").write_text(text, encoding="utf-8")
            manifest.record(Entry(item.name, item.digest, OK, draft=text_digest(text)))
        manifest.compact()


def _from_scratch(out: Path, into: Path) -> None:
    """``into``: the drafts and manifest of ``out`` with nothing of its merges."""
    from itinerary.build.observations import FOLDER

    shutil.copytree(out, into)
    for name in [PARTS, STATE, *KEPT.values(), *FILES]:
        (into / name).unlink(missing_ok=True)
    shutil.rmtree(into / FOLDER, ignore_errors=True)


@pytest.mark.parametrize(
    "seed", [1, pytest.param(2, marks=pytest.mark.slow), pytest.param(3, marks=pytest.mark.slow)]
)
def test_a_rebuild_after_random_edits_writes_the_files_of_a_build_from_scratch(
    mini_data: None, tmp_path: Path, seed: int
) -> None:
    """Twelve articles, then five random edits, each rebuild compared with a build from scratch
    (bytes of the three files, and the trips parsed back)."""
    from benchmarks.bench_merge import copy_of
    from itinerary.build import build

    rng = random.Random(seed)
    base = [itinerary.load(p) for p in GROUPS]
    feed = _Feed(tmp_path)
    made = 0

    def another() -> Itinerary:
        nonlocal made
        made += 1
        return copy_of(base[rng.randrange(len(base))], made, spread=rng.random() < 0.7)

    for _ in range(12):
        feed.put(f"a{made}", another(), f"Article {made}.")
    feed.write()
    build([feed.src], feed.out, serial=True)

    for step in range(5):
        what = rng.choice(["add", "remove", "change"])
        names = sorted(feed.rows)
        if what == "add" or len(names) < 3:
            name = f"a{made + 1}"
            feed.put(name, another(), f"Article {name}.")
        elif what == "remove":
            feed.remove(rng.choice(names))
        else:
            name = rng.choice(names)
            feed.put(name, another(), f"Article {name}, as corrected ({step}).")
        feed.write()
        build([feed.src], feed.out, serial=True)
        scratch = tmp_path / f"scratch-{step}"
        _from_scratch(feed.out, scratch)
        build([feed.src], scratch, serial=True)
        mine = {n: file_digest(feed.out / n) for n in FILES}
        assert all(mine.values()), (seed, step, what)
        assert mine == {n: file_digest(scratch / n) for n in FILES}, (seed, step, what)
        assert itinerary.load(feed.out / "trips.yaml") == itinerary.load(scratch / "trips.yaml")
