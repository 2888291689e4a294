"""The merge split by traveller gives the one-process merge's file and report, byte for byte; a
draft read back from its rows in the observation table is the draft read from its YAML."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import itertools
import json
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import itinerary
from itinerary.build.observations import Observations, draft_rows, from_rows
from itinerary.errors import MergeWarning
from itinerary.io import yaml as yaml_io
from itinerary.merge import merge_report
from itinerary.merge.split import merge_split
from itinerary.model import Itinerary, Trip
from tests.conftest import ROOT

GROUPS = sorted((ROOT / "tests" / "data" / "merge").glob("*.yaml"))
TRIPS = sorted((ROOT / "tests" / "data" / "trips").rglob("*.yaml"))
DRAFTS = {p.stem: itinerary.load(p) for p in GROUPS}


@pytest.fixture(autouse=True)
def _quiet() -> Iterator[None]:
    with warnings.catch_warnings():  # unrelated inputs warn that they share no traveller
        warnings.simplefilter("ignore", MergeWarning)
        yield


def both(drafts: Sequence[Itinerary], as_of: dt.date | None = None, batch: int = 1) -> tuple[str, str]:
    """The YAML of the one-process merge and of the split merge (``batch`` reports a task)."""
    one, one_report = merge_report(drafts, as_of=as_of)
    split, split_report = merge_split(drafts, as_of=as_of, batch=batch)
    assert split_report == one_report
    return yaml_io.dumps(one), yaml_io.dumps(split)


def published_days(drafts: Sequence[Itinerary]) -> list[dt.date]:
    return sorted({s.published for d in drafts for s in d.sources if s.published})


@pytest.mark.parametrize("size", range(1, len(GROUPS) + 1))
def test_every_combination_of_the_merge_groups_merges_the_same_split(size: int) -> None:
    for names in itertools.combinations(sorted(DRAFTS), size):
        drafts = [DRAFTS[n] for n in names]
        for as_of in [None, *published_days(drafts)]:
            for batch in (1, 7, 10**6):
                one, split = both(drafts, as_of, batch)
                assert split == one, (names, as_of, batch)


def test_trip_files_merged_with_the_groups_merge_the_same_split() -> None:
    """Hand-written and merged files (one input taken as given, several cut by time)."""
    files = [itinerary.load(p) for p in TRIPS]
    files = [f for f in files if f.version == 1]
    for f in files:
        one, split = both([f])
        assert split == one
    one, split = both([*files, *DRAFTS.values()], batch=3)
    assert split == one


def copy_of(d: Itinerary, k: int) -> Itinerary:
    """``d`` reported again by another outlet: every source renamed, no URL."""
    ids = {s.id: f"{s.id}-c{k}" for s in d.sources}
    sources = tuple(dataclasses.replace(s, id=ids[s.id], url=None) for s in d.sources)

    def stop(s: Any) -> Any:
        history = tuple(dataclasses.replace(h, source=ids.get(h.source, h.source)) for h in s.history)
        return dataclasses.replace(
            s,
            source=ids.get(s.source, s.source) if s.source else None,
            sources=tuple(ids.get(x, x) for x in s.sources),
            history=history,
        )

    trips = tuple(dataclasses.replace(t, stops=tuple(stop(s) for s in t.stops)) for t in d.trips)
    return dataclasses.replace(d, sources=sources, trips=trips)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(
    picks=st.lists(st.tuples(st.sampled_from(sorted(DRAFTS)), st.integers(0, 3)), min_size=1, max_size=8),
    batch=st.integers(1, 60),
    day=st.one_of(st.none(), st.dates(dt.date(2011, 8, 1), dt.date(2025, 12, 31))),
)
def test_any_inputs_copies_and_batches_merge_the_same_split(
    picks: list[tuple[str, int]], batch: int, day: dt.date | None
) -> None:
    """Any drafts, reprinted under other ids any number of times, in any order, cut into any
    batches, as known on any day: the same file and report."""
    drafts = [DRAFTS[name] if k == 0 else copy_of(DRAFTS[name], k) for name, k in picks]
    if day is not None and not any(
        (s.published or d.as_of or dt.date.min) <= day for d in drafts for s in d.sources
    ):
        day = None  # nothing published by then: both refuse alike (tested above with real days)
    one, split = both(drafts, day, batch)
    assert split == one


# ---------------------------------------------------------------- the work of each traveller kept


class DictMemo:
    """Texts kept by key in memory (what the build's parts store keeps in its folder)."""

    def __init__(self) -> None:
        self.texts: dict[str, str] = {}
        self.kept = 0
        self.named: dict[str, Trip] = {}  # every key a merge told, and its trip
        self.told: list[tuple[Trip, str]] = []  # what the last merge told

    def recall(self, keys: list[str]) -> dict[str, str]:
        return {k: self.texts[k] for k in keys if k in self.texts}

    def hold(self, keys: list[str]) -> None:
        pass

    def keep(self, key: str, text: str) -> None:
        self.texts[key] = text
        self.kept += 1

    def known(self, trip: Trip, key: str) -> None:
        assert self.named.setdefault(key, trip) == trip  # a key is one trip, in any merge told it
        self.told.append((trip, key))


def file_digest(d: Itinerary) -> str:
    return hashlib.sha256(yaml_io.dumps(d).encode("utf-8")).hexdigest()


def kept_merge(
    drafts: Sequence[Itinerary], memo: DictMemo, as_of: dt.date | None = None, batch: int = 3
) -> int:
    """The merge that keeps each traveller's work in ``memo`` gives the one-process merge's file
    and report."""
    one, one_report = merge_report(drafts, as_of=as_of)
    digests = [file_digest(d) for d in drafts]
    memo.told = []
    split, split_report = merge_split(drafts, as_of=as_of, batch=batch, digests=digests, memo=memo)
    assert split_report == one_report
    assert yaml_io.dumps(split) == yaml_io.dumps(one)
    assert [t for t, _ in memo.told] == list(split.trips)  # each trip of the merge told, in its order
    assert all(t is m for (t, _), m in zip(memo.told, split.trips, strict=True))
    assert len({k for _, k in memo.told}) == len(split.trips)
    return len(one_report.travellers)


def with_traveller(d: Itinerary, name: str) -> Itinerary:
    return dataclasses.replace(d, trips=(dataclasses.replace(d.trips[0], traveller=name), *d.trips[1:]))


def test_a_merge_keeping_each_travellers_work_merges_the_same() -> None:
    """Kept work is taken back (nothing is merged again when nothing changed), and the file is
    the same after a draft leaves, a trip moves to another traveller, a new traveller comes, and
    when the kept texts are damaged."""
    memo = DictMemo()
    drafts = [*DRAFTS.values(), copy_of(DRAFTS["lula-lisbon"], 1)]
    travellers = kept_merge(drafts, memo)
    assert memo.kept == 2 * travellers + 1  # the stops and the trips of every traveller, the names' grouping
    memo.kept = 0
    kept_merge(list(reversed(drafts)), memo)  # the same inputs in another order
    assert memo.kept == 0
    kept_merge(drafts[1:], memo)  # a draft leaves
    others = sorted({t.traveller for d in drafts[1:] for t in d.trips})
    moved = with_traveller(drafts[0], others[-1])  # its trip goes to another traveller
    kept_merge([moved, *drafts[1:]], memo)
    memo.kept = 0
    kept_merge([with_traveller(drafts[0], "Aurelia Newcomb"), *drafts[1:]], memo)  # a new traveller
    assert 0 < memo.kept < 2 * travellers  # the travellers that did not change are taken back
    for day in published_days(drafts):
        kept_merge(drafts, memo, as_of=day)
    memo.texts = dict.fromkeys(memo.texts, "not what was kept")
    kept_merge(drafts, memo)
    memo.texts = {k: '{"trips": [{"id": 1}], "conflicts": [], "traveller": ["x", []]}' for k in memo.texts}
    kept_merge(drafts, memo)


def test_the_trips_of_travellers_kept_are_not_made_again() -> None:
    """A merge again after one draft changed: the trips of the travellers it does not touch are
    the ones the last merge stored, never turned back into model objects (their stops not read)
    by the merge, its ordering, ids made unique, title and report; the file and the report are
    the one-process merge's, and a trip stored is equal to (and shown as) the trip it stores."""
    from itinerary.merge.stored import StoredTrip

    class Told(DictMemo):
        def known(self, trip: Trip, key: str) -> None:  # the trip's fields not compared here
            self.told.append((trip, key))

    memo = Told()
    drafts = [*DRAFTS.values(), copy_of(DRAFTS["lula-lisbon"], 1)]
    digests = [file_digest(d) for d in drafts]
    merge_split(drafts, digests=digests, memo=memo)
    changed = with_traveller(drafts[0], "Aurelia Newcomb")
    again = [changed, *drafts[1:]]
    merged, report = merge_split(again, digests=[file_digest(changed), *digests[1:]], memo=memo)
    stored = [t for t in merged.trips if isinstance(t, StoredTrip)]
    assert stored and len(stored) < len(merged.trips)  # the new traveller's trips are made
    assert all(t._trip is None for t in stored)  # not made whole
    one, one_report = merge_report(again)
    assert report == one_report
    assert all(t._trip is None for t in stored)
    assert merged == one and yaml_io.dumps(merged) == yaml_io.dumps(one)
    assert [repr(t) for t in merged.trips] == [repr(t) for t in one.trips]
    assert {hash(t) for t in merged.trips} == {hash(t) for t in one.trips}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(
    steps=st.lists(
        st.lists(st.tuples(st.sampled_from(sorted(DRAFTS)), st.integers(0, 2)), min_size=1, max_size=6),
        min_size=2,
        max_size=4,
    ),
    day=st.one_of(st.none(), st.dates(dt.date(2011, 8, 1), dt.date(2025, 12, 31))),
)
def test_any_sequence_of_merges_keeping_their_work_merges_the_same(
    steps: list[list[tuple[str, int]]], day: dt.date | None
) -> None:
    """Merges of any inputs one after the other, each taking back what the ones before kept:
    each is the one-process merge."""
    memo = DictMemo()
    for picks in steps:
        drafts = [DRAFTS[name] if k == 0 else copy_of(DRAFTS[name], k) for name, k in picks]
        known = day is None or any(
            (s.published or d.as_of or dt.date.min) <= day for d in drafts for s in d.sources
        )
        kept_merge(drafts, memo, day if known else None)


@pytest.mark.slow
def test_the_split_merge_on_dask_workers_is_the_same() -> None:
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=":0",
            scheduler_kwargs={"dashboard": False},
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        from itinerary.build.run import dask_mapper

        drafts = [copy_of(d, k) for k in range(4) for d in DRAFTS.values()]
        one, report = merge_report(drafts)
        split, split_report = merge_split(drafts, mapper=dask_mapper(client), batch=5)
    assert yaml_io.dumps(split) == yaml_io.dumps(one) and split_report == report


# ---------------------------------------------------------------- the observation table


@pytest.mark.parametrize("path", GROUPS + TRIPS, ids=lambda p: p.stem)
def test_a_draft_from_its_rows_is_the_draft_from_its_yaml(path: Path) -> None:
    draft = itinerary.load(path)
    head, rows = draft_rows(path.stem, "h", draft)
    back = from_rows(head["data"], "rows")
    assert back == draft and yaml_io.dumps(back) == yaml_io.dumps(draft)
    assert len(rows) == sum(len(t.stops) for t in draft.trips)
    written = [stop for trip in json.loads(head["data"])["trips"] for stop in trip["stops"]]
    assert [json.loads(r["data"]) for r in rows] == written  # the stop rows hold the stops as written
    assert [(r["trip"], r["stop"]) for r in rows] == [
        (ti, si) for ti, t in enumerate(draft.trips) for si in range(len(t.stops))
    ]
    assert {r["traveller"] for r in rows} == {t.traveller for t in draft.trips if t.stops}


def test_the_table_keeps_rows_by_article_and_draft_hash(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    table = Observations.read(tmp_path)
    assert not table.heads and not table.changed
    for name, draft in DRAFTS.items():
        table.put(name, f"hash-{name}", draft)
    table.write()
    again = Observations.read(tmp_path)
    for name, draft in DRAFTS.items():
        assert again.draft(name, f"hash-{name}") == draft
        assert again.draft(name, "another hash") is None  # a changed draft is not read from old rows
    changed, gone = sorted(DRAFTS)[:2]
    again.put(changed, "new hash", DRAFTS[gone])
    assert again.keep_only(set(DRAFTS) - {gone}) == [gone]
    again.write()
    last = Observations.read(tmp_path)
    assert set(last.heads) == set(DRAFTS) - {gone}
    assert last.draft(changed, "new hash") == DRAFTS[gone]
    for name in set(DRAFTS) - {gone, changed}:
        assert last.draft(name, f"hash-{name}") == DRAFTS[name]  # kept rows survive a rewrite


def test_a_damaged_table_is_made_again(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    table = Observations.read(tmp_path)
    table.put("a", "h", DRAFTS[sorted(DRAFTS)[0]])
    table.write()
    (path,) = (table.folder / "drafts").glob("part-*.parquet")
    path.write_bytes(b"not parquet")
    again = Observations.read(tmp_path)
    assert not again.heads and again.changed  # read nothing: the drafts' YAML is read instead


def test_damaged_stops_are_written_again_from_the_drafts_rows(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    table = Observations.read(tmp_path)
    draft = DRAFTS[sorted(DRAFTS)[0]]
    table.put("a", "h", draft)
    table.write()
    (path,) = (table.folder / "stops").glob("part-*.parquet")
    path.write_bytes(b"not parquet")
    again = Observations.read(tmp_path)
    assert again.draft("a", "h") == draft and again.changed
    again.write()
    assert pq.read_table(path).num_rows == sum(len(t.stops) for t in draft.trips)


def hand_written(traveller: str, source: str, place: str) -> Itinerary:
    """A hand-written file: one trip, its id ``visit`` as given (kept when the trip stands alone)."""
    return yaml_io.loads(
        f"""\
itinerary: 1
title: {traveller}
sources:
  - id: {source}
    published: 2024-05-02
trips:
  - id: visit
    traveller: {traveller}
    title: A visit
    stops:
      - place: {place}
        status: confirmed
        date: 2024-05-03
        source: {source}
"""
    )


def test_a_trip_told_by_its_key_carries_the_id_the_merge_made_unique() -> None:
    """One traveller's trips, taken back from the kept work, get ``visit`` in one merge and
    ``visit-2`` in another (another traveller's ``visit`` sorts first): the key each is told by
    differs, so the parts of one are never the other's."""
    alice = hand_written("Alice Martin", "s-alice", "Lisbon")
    bruno = hand_written("Bruno Keller", "s-bruno", "Porto")
    zoe = hand_written("Zoe Walter", "s-zoe", "Madrid")
    memo = DictMemo()
    day = dt.date(2024, 5, 10)
    kept_merge([alice, bruno], memo, as_of=day)
    assert {t.traveller: t.id for t, _ in memo.told} == {"Alice Martin": "visit", "Bruno Keller": "visit-2"}
    before = dict((t.traveller, k) for t, k in memo.told)
    memo.kept = 0
    kept_merge([bruno, zoe], memo, as_of=day)
    assert memo.kept == 3  # Zoe's stops and trips, the names' grouping: Bruno's work is taken back
    assert {t.traveller: t.id for t, _ in memo.told} == {"Bruno Keller": "visit", "Zoe Walter": "visit-2"}
    assert dict((t.traveller, k) for t, k in memo.told)["Bruno Keller"] != before["Bruno Keller"]


def report(traveller: str, source: str, place: str, published: str, status: str, date: str) -> Itinerary:
    """One article's draft: one stop of one traveller."""
    return yaml_io.loads(
        f"""\
itinerary: 1
title: Draft of {source}
sources:
  - id: {source}
    published: {published}
trips:
  - id: {source}-trip
    traveller: {traveller}
    title: A trip (from the article)
    stops:
      - place: {place}
        status: {status}
        date: {date}
        source: {source}
"""
    )


def test_a_newer_article_merges_again_only_its_travellers_and_the_plans_whose_day_it_passes() -> None:
    """The day the merge is known on (the newest article's) is no traveller's key: a newer article
    about another traveller leaves the others' trips taken back, but a planned stop whose day it
    passes is merged again (its note names the new day), and again when a still newer one comes."""
    alice = report("Alice Martin", "s-alice", "Lisbon", "2024-05-02", "planned", "2024-06-01")
    bruno = report("Bruno Keller", "s-bruno", "Porto", "2024-05-10", "confirmed", "2024-05-09")
    memo = DictMemo()
    kept_merge([alice, bruno], memo)
    texts = dict(memo.texts)
    memo.kept = 0
    zoe = report("Zoe Walter", "s-zoe", "Madrid", "2024-05-20", "confirmed", "2024-05-19")
    kept_merge([alice, bruno, zoe], memo)  # known on 20 May: Alice's plan (1 June) still ahead
    assert memo.kept == 3  # Zoe's stops and trips, the names' grouping: Alice and Bruno taken back
    memo.kept = 0
    yan = report("Yan Ortiz", "s-yan", "Rome", "2024-07-01", "confirmed", "2024-06-30")
    kept_merge([alice, bruno, zoe, yan], memo)  # known on 1 July: Alice's plan has passed
    assert memo.kept == 4  # Yan's stops and trips, the names, Alice's trips merged again
    memo.kept = 0
    late = report("Uma Lind", "s-uma", "Oslo", "2024-08-01", "confirmed", "2024-07-31")
    kept_merge([alice, bruno, zoe, yan, late], memo)  # known on 1 August: Alice's note says so
    assert memo.kept == 4
    memo.kept = 0
    kept_merge([late, yan, zoe, bruno, alice], memo)
    assert memo.kept == 0
    merged, _ = merge_report([alice, bruno, zoe, yan, late])
    alices = [s for t in merged.trips if t.traveller == "Alice Martin" for s in t.stops]
    assert alices and all(s.needs_review for s in alices)
    assert "as known on 2024-08-01" in yaml_io.dumps(merged)
    assert texts.keys() <= memo.texts.keys()  # Alice's trips are kept under the same key ...
    assert [k for k in texts if '"holds": {"on": "2024-08-01"' in memo.texts[k]]  # ... for that day only


def test_the_kept_work_is_kept_across_a_change_of_code_the_merge_does_not_import(tmp_path: Path) -> None:
    """The merge's kept work is keyed by the code of the merge (its modules and the package's
    modules they import), not by every module of the package: a change to the extraction or the
    maps keeps it, a change to the merge, to a module it imports, or to the names' data does not."""
    import shutil

    from itinerary.merge.split import MERGE_DATA, code_digest

    package = Path(itinerary.__file__).resolve().parent
    root = tmp_path / package.name
    for path in package.rglob("*.py"):
        (root / path.relative_to(package)).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, root / path.relative_to(package))
    for name in MERGE_DATA:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(package / name, root / name)
    before = code_digest(root, "itinerary.merge.split")
    assert before == code_digest(package, "itinerary.merge.split")

    def changed(name: str) -> str:
        path = root / name
        path.write_bytes(path.read_bytes() + b"\n# changed\n")
        return code_digest(root, "itinerary.merge.split")

    assert changed("extract/__init__.py") == before
    assert changed("render/__init__.py") == before
    assert changed("__init__.py") == before  # the package's re-exports
    for name in ("merge/cluster.py", "merge/split.py", "people.py", "io/yaml.py", "model.py", "people.json"):
        after = changed(name)
        assert after != before, name
        before = after
