"""A folder rebuilt after any sequence of edits (an article added, removed, or changed) writes
the files a build of the same input from scratch writes: ``trips.yaml`` and both GeoParquet
files compared byte for byte, and the merged trips parsed back compared as objects too.

The edits are drawn at random (seeded, so a failure is replayed) over copies of the merge
groups' drafts (the development groups of ``tests/data/merge``), each copy naming its travellers
anew, as a news feed does; the rebuild keeps its merge's work between the edits, the build from
scratch starts from the same drafts with no merged file, no store of parts, no kept table and no
observation table."""

from __future__ import annotations

import dataclasses
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
from itinerary.identity import UNKNOWN_TRAVELLER
from itinerary.io import yaml as yaml_io
from itinerary.model import Itinerary, Source, Stop
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


def _coupled(rng: random.Random, draft: Itinerary, others: list[Itinerary]) -> Itinerary:
    """``draft`` touching what couples the inputs of a merge, drawn at random: a source id of
    another input (renamed apart, or the same source), a source's URL another input's (one text
    counted once), a traveller named after a place another input visits (no traveller), or a
    trip with no name (given to its article's traveller, or kept apart)."""
    other = rng.choice(others)
    what = rng.choice(["id", "url", "place", "no name"])
    if what == "id" and other.sources and draft.sources:
        ids = {draft.sources[0].id: other.sources[0].id}
        moved = dataclasses.replace(draft.sources[0], id=other.sources[0].id)
        return _with_sources(draft, (moved, *draft.sources[1:]), ids)
    if what == "url" and other.sources and draft.sources:
        url = other.sources[0].url or f"https://example.org/{other.sources[0].id}"
        sources = tuple(
            dataclasses.replace(s, url=url if i == 0 else s.url) for i, s in enumerate(draft.sources)
        )
        return dataclasses.replace(draft, sources=sources)
    trip = rng.randrange(len(draft.trips))
    places = [s.place for t in other.trips for s in t.stops if s.place]
    name = rng.choice(places) if what == "place" and places else UNKNOWN_TRAVELLER
    trips = tuple(
        dataclasses.replace(t, traveller=name) if i == trip else t for i, t in enumerate(draft.trips)
    )
    return dataclasses.replace(draft, trips=trips)


def _with_sources(draft: Itinerary, sources: tuple[Source, ...], ids: dict[str, str]) -> Itinerary:
    def stop(s: Stop) -> Stop:
        return dataclasses.replace(
            s,
            source=ids.get(s.source, s.source) if s.source else None,
            sources=tuple(ids.get(x, x) for x in s.sources),
            history=tuple(dataclasses.replace(h, source=ids.get(h.source, h.source)) for h in s.history),
        )

    trips = tuple(dataclasses.replace(t, stops=tuple(map(stop, t.stops))) for t in draft.trips)
    return dataclasses.replace(draft, sources=sources, trips=trips)


@pytest.mark.parametrize("seed", [1, *(pytest.param(n, marks=pytest.mark.slow) for n in range(2, 9))])
def test_a_rebuild_after_random_edits_writes_the_files_of_a_build_from_scratch(
    mini_data: None, tmp_path: Path, seed: int
) -> None:
    """Twelve articles, then random edits (some touching what couples the inputs: a source id or
    URL of another article, a traveller named after a place, a trip with no name), each rebuild
    compared with a build from scratch (bytes of the three files, and the trips parsed back).
    Most rebuilds read only some drafts."""
    from benchmarks.bench_merge import copy_of
    from itinerary.build import build

    rng = random.Random(seed)
    base = [itinerary.load(p) for p in GROUPS]
    feed = _Feed(tmp_path)
    made = 0

    def another() -> Itinerary:
        nonlocal made
        made += 1
        draft = copy_of(base[rng.randrange(len(base))], made, spread=rng.random() < 0.7)
        if feed.drafts and rng.random() < 0.3:
            draft = _coupled(rng, draft, list(feed.drafts.values()))
        return draft

    for _ in range(12):
        feed.put(f"a{made}", another(), f"Article {made}.")
    feed.write()
    build([feed.src], feed.out, serial=True)

    partial = 0
    steps = 8
    for step in range(steps):
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
        summary = build([feed.src], feed.out, serial=True)
        partial += summary.merged_all is None and summary.drafts_read < summary.merged
        scratch = tmp_path / f"scratch-{step}"
        _from_scratch(feed.out, scratch)
        build([feed.src], scratch, serial=True)
        mine = {n: file_digest(feed.out / n) for n in FILES}
        assert all(mine.values()), (seed, step, what)
        assert mine == {n: file_digest(scratch / n) for n in FILES}, (seed, step, what)
        assert itinerary.load(feed.out / "trips.yaml") == itinerary.load(scratch / "trips.yaml")
    assert partial >= steps // 2, partial


def test_after_one_article_changes_the_rebuild_reads_the_rows_of_that_draft_only(
    mini_data: None, tmp_path: Path
) -> None:
    """Twelve articles about travellers of their own; one changes (to another such article): the
    merge reads its draft and no other (the others' travellers are taken as the last merge left
    them), and writes what a build from scratch writes. Removing one reads none."""
    from benchmarks.bench_merge import copy_of
    from itinerary.build import build

    base = [itinerary.load(p) for p in GROUPS]
    feed = _Feed(tmp_path)
    for k in range(1, 13):
        feed.put(f"a{k}", copy_of(base[k % len(base)], k, spread=True), f"Article {k}.")
    feed.write()
    first = build([feed.src], feed.out, serial=True)
    assert (first.drafts_read, first.merged) == (12, 12)
    assert first.merged_all == "no kept table of the last merge"

    feed.put("a5", copy_of(base[0], 40, spread=True), "Article 5, as corrected.")
    feed.write()
    again = build([feed.src], feed.out, serial=True)
    assert (again.drafts_read, again.merged, again.merged_all) == (1, 12, None)
    assert "the merge read 1 of 12 drafts" in again.line()
    scratch = tmp_path / "scratch"
    _from_scratch(feed.out, scratch)
    whole = build([feed.src], scratch, serial=True)
    assert whole.drafts_read == 12
    assert {n: file_digest(feed.out / n) for n in FILES} == {n: file_digest(scratch / n) for n in FILES}

    feed.remove("a7")
    feed.write()
    fewer = build([feed.src], feed.out, serial=True)
    assert (fewer.drafts_read, fewer.merged, fewer.merged_all) == (0, 11, None)


@pytest.mark.parametrize(
    "scenario", ["reprints through another traveller", "an adoption undone by another article"]
)
def test_a_rebuild_after_an_edit_that_touches_a_coupling_writes_the_files_of_a_build_from_scratch(
    mini_data: None, tmp_path: Path, scenario: str
) -> None:
    """The hand-made edits of the merge's tests (:data:`tests.test_merge_delta._SCENARIOS`: copies
    of one text joined through another traveller's article, a trip without a name given to a
    traveller and taken back) as articles of a folder: after each edit the rebuild reads only some
    drafts and writes, byte for byte, the files of a build from scratch."""
    from itinerary.build import build
    from tests.test_merge_delta import _LONE, _SCENARIOS, _filler

    feed = _Feed(tmp_path)
    for k in range(len(_LONE)):
        feed.put(f"f{k}", _filler(k), f"Article f{k}.")
    for step, edit in enumerate(_SCENARIOS[scenario]):
        for name, draft in edit.items():
            if draft is None:
                feed.remove(name)
            else:
                feed.put(name, draft, f"Article {name} ({step}).")
        feed.write()
        summary = build([feed.src], feed.out, serial=True)
        if step:
            assert summary.merged_all is None and summary.drafts_read < summary.merged, (step, summary.line())
        scratch = tmp_path / f"scratch-{step}"
        _from_scratch(feed.out, scratch)
        build([feed.src], scratch, serial=True)
        assert {n: file_digest(feed.out / n) for n in FILES} == {
            n: file_digest(scratch / n) for n in FILES
        }, step
