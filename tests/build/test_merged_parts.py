"""The merged files put together from the parts of an earlier merge are the files made whole:
LibYAML's emitter writes the pure-Python emitter's bytes, ``trips.yaml`` assembled from each
trip's and source's text is ``dumps``, and the GeoParquet files written from kept parts (or with
a damaged store) are the files written from the whole itinerary."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import itinerary
from itinerary.build.outputs import KEPT, PARTS, Parts, _frame, _part, file_digest, merged_yaml, write_merged
from itinerary.errors import MergeWarning
from itinerary.io import yaml as yaml_io
from itinerary.merge import merge_report
from itinerary.model import Itinerary
from tests.build.support import MACRON, SCHOLZ, SCHOLZ_2, article
from tests.conftest import ROOT

pytest.importorskip("pyarrow")

GROUPS = sorted((ROOT / "tests" / "data" / "merge").glob("*.yaml"))
TRIPS = sorted((ROOT / "tests" / "data" / "trips").rglob("*.yaml"))


@pytest.fixture(autouse=True)
def _quiet() -> Iterator[None]:
    with warnings.catch_warnings():  # unrelated inputs warn that they share no traveller
        warnings.simplefilter("ignore", MergeWarning)
        yield


def everything() -> list[Itinerary]:
    """Every draft and trip file of the tests' data, and the merge of all the drafts."""
    files = [itinerary.load(p) for p in [*GROUPS, *TRIPS]]
    return [*files, merge_report([itinerary.load(p) for p in GROUPS])[0]]


libyaml = pytest.mark.skipif(yaml_io._CDumper is None, reason="PyYAML built without LibYAML")


@libyaml
def test_libyaml_writes_the_bytes_of_the_python_emitter() -> None:
    for it in everything():
        assert yaml_io.dumps(it) == yaml_io._emit(yaml_io.to_data(it), pure=True)


@libyaml
@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=140), min_size=1, max_size=4))
@example(["\n", ""])  # a kept-breaks block scalar that is not the document's last
def test_libyaml_writes_any_text_as_the_python_emitter_does(texts: list[str]) -> None:
    """Quotes, line breaks, long lines, any script, control characters: the same bytes."""
    data = {
        "itinerary": 1,
        "title": texts[0],
        "sources": [{"id": "s", "title": t} for t in texts],
        "trips": [{"id": "t", "traveller": texts[-1], "stops": [{"place": t, "quote": t} for t in texts]}],
    }
    assert yaml_io._emit(data) == yaml_io._emit(data, pure=True)


@libyaml
@pytest.mark.parametrize(
    ("text", "differs"),
    [("Nice \U0001f600", True), ("a\x85b", True), ("line\u2028break", False), ("bell\x07", True)],
)
def test_text_libyaml_writes_otherwise_is_written_by_the_python_emitter(text: str, differs: bool) -> None:
    """LibYAML escapes characters beyond U+FFFF and breaks lines at U+0085 where the Python
    emitter does not: such data (and any with a line-break or control character) takes the
    Python emitter, so the bytes stay the same."""
    import yaml

    data = {"title": text, "trips": [{"id": "t", "stops": [{"quote": f"{text} " * 30}]}]}
    pure = yaml_io._emit(data, pure=True)
    forced = yaml.dump(data, Dumper=yaml_io._CDumper, sort_keys=False, allow_unicode=True, width=100)
    assert (forced != pure) == differs  # what the guard is for
    assert yaml_io._emit(data) == pure


def test_a_file_put_together_from_its_parts_is_the_file() -> None:
    for it in everything():
        parts = ([yaml_io.trip_text(t) for t in it.trips], [yaml_io.source_text(s) for s in it.sources])
        assert yaml_io.dumps_from_parts(it, *parts) == yaml_io.dumps(it)
    empty = Itinerary(title="nothing yet")
    assert yaml_io.dumps_from_parts(empty, [], []) == yaml_io.dumps(empty)


@pytest.mark.parametrize("where", ["title", "first", "last"])
def test_a_text_ending_in_kept_line_breaks_leaves_the_file_one_document(where: str) -> None:
    """A quote or title ending in more than one line break is written as a "|+" block scalar,
    after which an emitter may close the document ("..."): put together from parts, the file
    must still be one document, the bytes of :func:`dumps`, and read back the same."""
    it = next(i for i in everything() if len(i.trips) > 1 and i.trips[0].stops and i.trips[-1].stops)
    trip = it.trips[0] if where == "first" else it.trips[-1]
    stop = dataclasses.replace(trip.stops[-1], quote="The president arrived.\n\n")
    edited = dataclasses.replace(trip, stops=(*trip.stops[:-1], stop))
    trips = tuple(edited if t is trip else t for t in it.trips)
    it = dataclasses.replace(it, trips=trips, title="Two lines\n\n" if where == "title" else it.title)
    parts = ([yaml_io.trip_text(t) for t in it.trips], [yaml_io.source_text(s) for s in it.sources])
    text = yaml_io.dumps_from_parts(it, *parts)
    assert text == yaml_io.dumps(it) == yaml_io._emit(yaml_io.to_data(it), pure=True)
    assert yaml_io.loads(text) == it


def made_whole(merged: Itinerary, out: Path) -> dict[str, str | None]:
    """The merged files as written from the whole itinerary (no parts), their hashes."""
    from itinerary.io.gis import to_geodataframe
    from itinerary.prepare import prepare

    out.mkdir(parents=True)
    (out / "trips.yaml").write_text(yaml_io.dumps(merged), encoding="utf-8")
    prepared = prepare(merged, regions=False)
    for feature in ("stop", "leg"):
        _frame(to_geodataframe(prepared, feature=feature)).to_parquet(
            out / f"{feature}s.parquet", index=False
        )
    return digests(out)


def digests(out: Path) -> dict[str, str | None]:
    return {n: file_digest(out / n) for n in ("trips.yaml", "stops.parquet", "legs.parquet")}


def stored(out: Path) -> int:
    with sqlite3.connect(out / PARTS) as db:
        count: int = db.execute("SELECT count(*) FROM parts").fetchone()[0]
    return count


def kept_by_build(merged: Itinerary) -> int:
    """The parts a build keeps: each trip's text and features, each source's text, each
    traveller's stops and trips, the names' grouping (see :func:`itinerary.merge.split.merge_split`)
    and the table of the merge's inputs (:mod:`itinerary.merge.delta`)."""
    return 2 * len(merged.trips) + len(merged.sources) + 2 * len({t.traveller for t in merged.trips}) + 2


def test_files_from_kept_parts_are_the_files_made_whole(mini_data: None, tmp_path: Path) -> None:
    drafts = [itinerary.load(p) for p in GROUPS]
    merged = merge_report(drafts)[0]
    out = tmp_path / "out"
    out.mkdir()
    write_merged(merged, out, "k1")  # every part made, and kept
    assert digests(out) == made_whole(merged, tmp_path / "whole")
    assert stored(out) == 2 * len(merged.trips) + len(merged.sources)

    write_merged(merged, out, "k1")  # every part kept: the same files
    assert digests(out) == made_whole(merged, tmp_path / "whole-2")

    # one draft fewer: the trips it changed are made again, the others come from the store, and
    # the store keeps only this merge's parts
    fewer = merge_report(drafts[1:])[0]
    assert fewer != merged
    write_merged(fewer, out, "k2")
    assert digests(out) == made_whole(fewer, tmp_path / "whole-3")
    assert stored(out) == 2 * len(fewer.trips) + len(fewer.sources)


def test_a_part_is_found_by_what_it_is_made_of(tmp_path: Path) -> None:
    """A trip that changed in any field (here one stop's note) is written again, not taken from
    the store; a part of another package version is never read."""
    it = merge_report([itinerary.load(p) for p in GROUPS])[0]
    with Parts.open(tmp_path) as parts:
        assert merged_yaml(it, parts) == yaml_io.dumps(it)
        parts.save()
    trip = it.trips[0]
    stops = (dataclasses.replace(trip.stops[0], note="changed by hand"), *trip.stops[1:])
    changed = dataclasses.replace(it, trips=(dataclasses.replace(trip, stops=stops), *it.trips[1:]))
    with Parts.open(tmp_path) as parts:
        text = merged_yaml(changed, parts)
        assert text == yaml_io.dumps(changed) and "changed by hand" in text
        assert len(parts.new) == 1  # that trip alone was written out


def test_a_trip_the_merge_told_is_found_by_its_key_alone(tmp_path: Path) -> None:
    """A trip told by a key (the merge's word that the key is all the trip is) is kept under that
    key: the same key finds its parts again, whatever the trip object; a trip not told is found by
    its fields."""
    it = merge_report([itinerary.load(p) for p in GROUPS])[0]
    with Parts.open(tmp_path) as parts:
        for n, trip in enumerate(it.trips):
            parts.known(trip, f"key {n}")
        assert merged_yaml(it, parts) == yaml_io.dumps(it)
        parts.save()
    trip = it.trips[0]
    stops = (dataclasses.replace(trip.stops[0], note="changed by hand"), *trip.stops[1:])
    changed = dataclasses.replace(it, trips=(dataclasses.replace(trip, stops=stops), *it.trips[1:]))
    with Parts.open(tmp_path) as parts:
        for n, trip in enumerate(changed.trips):
            parts.known(trip, f"key {n}")
        assert "changed by hand" not in merged_yaml(changed, parts)  # told as before: taken back
        assert not parts.new
    with Parts.open(tmp_path) as parts:
        for n, trip in enumerate(changed.trips[1:], start=1):
            parts.known(trip, f"key {n}")
        assert merged_yaml(changed, parts) == yaml_io.dumps(changed)
        assert len(parts.new) == 1  # the trip not told, by its fields


@pytest.mark.parametrize("damage", [b"not a database at all" * 100, b""])
def test_a_damaged_store_is_made_again(mini_data: None, tmp_path: Path, damage: bytes) -> None:
    merged = merge_report([itinerary.load(p) for p in GROUPS])[0]
    out = tmp_path / "out"
    out.mkdir()
    (out / PARTS).write_bytes(damage)
    write_merged(merged, out, "k")
    assert digests(out) == made_whole(merged, tmp_path / "whole")
    assert stored(out) == 2 * len(merged.trips) + len(merged.sources)


def test_a_folder_without_a_store_still_gets_the_files(mini_data: None, tmp_path: Path) -> None:
    """Where the store cannot be made (its name taken by a folder), the files are made whole."""
    merged = merge_report([itinerary.load(p) for p in GROUPS])[0]
    out = tmp_path / "out"
    (out / PARTS).mkdir(parents=True)
    write_merged(merged, out, "k")
    assert digests(out) == made_whole(merged, tmp_path / "whole")


def test_a_rebuild_writes_the_files_a_fresh_build_writes(mini_build: None, tmp_path: Path) -> None:
    """One article changes: the rebuild (most trips from the store) writes the bytes a build into
    an empty folder writes; a build that merges nothing removes the store with the files."""
    from itinerary.build import build

    src, out = tmp_path / "in", tmp_path / "out"
    article(src / "macron.txt", MACRON)
    scholz = article(src / "scholz.txt", SCHOLZ)
    build([src], out, serial=True)
    assert (out / PARTS).exists()

    article(scholz, SCHOLZ_2, day="2024-05-21")
    again = build([src], out, serial=True)
    assert (again.extracted, again.skipped) == (1, 1)
    fresh = tmp_path / "fresh"
    build([src], fresh, serial=True)
    assert digests(out) == digests(fresh)
    assert "Rome" in (out / "trips.yaml").read_text(encoding="utf-8")
    merged = itinerary.load(out / "trips.yaml")
    assert stored(out) == kept_by_build(merged)  # the last merge's parts only

    for p in src.glob("*.txt"):
        p.unlink()
    article(src / "weather.txt", "It rained all day.")
    build([src], out, serial=True, screen=False)
    assert not (out / PARTS).exists() and not (out / "trips.yaml").exists()


MELONI = "Prime Minister Giorgia Meloni arrived in London on Monday for talks."
MACRON_ROME = "President Emmanuel Macron arrived in Rome on Tuesday for talks."


def test_every_rebuild_of_a_changing_folder_writes_the_files_of_a_fresh_build(
    mini_build: None, tmp_path: Path
) -> None:
    """A folder rebuilt after each change writes the bytes a build of the same input into an
    empty folder writes: a new traveller comes, an article's trip moves to another traveller's
    group, an article leaves the input (its trip with it), then one comes back."""
    from itinerary.build import build

    src, out = tmp_path / "in", tmp_path / "out"
    article(src / "macron.txt", MACRON)
    article(src / "scholz.txt", SCHOLZ)
    build([src], out, serial=True)

    def travellers() -> list[str]:
        return sorted({t.traveller for t in itinerary.load(out / "trips.yaml").trips})

    def step(n: int) -> None:
        again = build([src], out, serial=True)
        assert again.skipped >= 1  # a rebuild: the unchanged articles are reused
        fresh = build([src], tmp_path / f"fresh-{n}", serial=True)
        assert digests(out) == digests(tmp_path / f"fresh-{n}")
        merged = itinerary.load(out / "trips.yaml")
        assert stored(out) == kept_by_build(merged)  # the last merge's parts only
        assert (again.trips, again.stops) == (fresh.trips, fresh.stops)

    assert travellers() == ["Emmanuel Macron", "Olaf Scholz"]
    article(src / "meloni.txt", MELONI)  # a new traveller
    step(1)
    assert travellers() == ["Emmanuel Macron", "Giorgia Meloni", "Olaf Scholz"]
    article(src / "scholz.txt", MACRON_ROME, day="2024-05-21")  # its trip goes to Macron's group
    step(2)
    assert travellers() == ["Emmanuel Macron", "Giorgia Meloni"]
    assert "Rome" in (out / "trips.yaml").read_text(encoding="utf-8")
    (src / "meloni.txt").unlink()  # an article leaves the input, its traveller with it
    step(3)
    assert travellers() == ["Emmanuel Macron"]
    article(src / "scholz.txt", SCHOLZ)  # and comes back, in another article's place
    step(4)
    assert travellers() == ["Emmanuel Macron", "Olaf Scholz"]


def test_a_merge_without_legs_gets_the_files_made_whole(mini_data: None, tmp_path: Path) -> None:
    """One stop a trip: no leg at all, an empty legs file, as the whole itinerary gives it."""
    merged = merge_report([itinerary.load(p) for p in GROUPS])[0]
    lone = dataclasses.replace(
        merged, trips=tuple(dataclasses.replace(t, stops=t.stops[:1]) for t in merged.trips)
    )
    out = tmp_path / "out"
    out.mkdir()
    write_merged(lone, out, "k")
    assert digests(out) == made_whole(lone, tmp_path / "whole")
    import pyarrow.parquet as pq

    assert pq.read_table(out / "legs.parquet").num_rows == 0
    assert pq.read_table(out / "stops.parquet").num_rows == len(lone.trips)


def mixed(merged: Itinerary) -> Itinerary:
    """``merged`` three times over (the trips' ids made new) with trips whose columns hold other
    types than their neighbours': a place with no region or country, no confidence, a travel mode
    where others have none, a corroboration left out (a number column with a gap), a date left
    out."""
    from itinerary.model import Mode

    trips = [dataclasses.replace(t, id=f"{t.id}-{k}") for k in range(3) for t in merged.trips]
    for n, trip in enumerate(trips):
        stops = list(trip.stops)
        if n % 4 == 1 and stops[0].resolved is not None:
            place = dataclasses.replace(stops[0].resolved, admin1=None, country_code=None)
            stops[0] = dataclasses.replace(stops[0], resolved=place, confidence=None, quote=None)
        if n % 4 == 2:
            stops[-1] = dataclasses.replace(stops[-1], mode=Mode.AIR)
        if n % 4 == 3:
            stops[0] = dataclasses.replace(stops[0], corroboration=None, date=type(stops[0].date)())
        trips[n] = dataclasses.replace(trip, stops=tuple(stops))
    return dataclasses.replace(merged, trips=tuple(trips))


def test_files_joined_from_parts_made_apart_are_the_files_made_whole(mini_data: None, tmp_path: Path) -> None:
    """Each trip's rows are made alone (each its own batch: the narrowest column types, a column
    of gaps only, no geometry, ...), then the files are put together from those parts alone: the
    bytes of the file made from the whole frame, and the same Arrow table and metadata."""
    import pyarrow.parquet as pq

    from itinerary.build import outputs

    merged = mixed(merge_report([itinerary.load(p) for p in GROUPS])[0])
    assert len(merged.trips) >= 8
    out = tmp_path / "out"
    out.mkdir()
    for n, trip in enumerate(merged.trips):
        write_merged(dataclasses.replace(merged, trips=(trip,)), out, f"one {n}")
        assert digests(out) == made_whole(dataclasses.replace(merged, trips=(trip,)), tmp_path / f"one-{n}")
    for order in (merged.trips, merged.trips[::-1]):
        with Parts.open(out) as parts:
            for trip in merged.trips:  # every part kept, none of them made in one batch
                write_merged(dataclasses.replace(merged, trips=(trip,)), out, "one", parts=parts)
            whole_it = dataclasses.replace(merged, trips=order)
            done, header = outputs._tables(whole_it, parts)
            assert not parts.new
            for feature in outputs.GEOPARQUET:
                joined, whole = (
                    outputs._put_together(done, feature, header),
                    outputs._whole(done, feature, header),
                )
                assert joined is not None  # put together from the parts, not made whole
                assert joined.equals(whole, check_metadata=True)
                assert joined.schema.metadata == whole.schema.metadata
        write_merged(whole_it, out, "all")
        expected = made_whole(whole_it, tmp_path / f"whole-{len(order)}-{order[0].id}")
        assert digests(out) == expected
        for name in ("stops.parquet", "legs.parquet"):
            mine, theirs = (
                pq.read_table(out / name),
                pq.read_table(tmp_path / f"whole-{len(order)}-{order[0].id}" / name),
            )
            assert mine.equals(theirs, check_metadata=True)


DAMAGED_PARTS = {
    "not JSON": lambda text: text[: len(text) // 2],
    "a value too many": lambda text: text.replace('"columns": [[', '"columns": [[0, ', 1),
    "rows cut": lambda text: text.replace('"rows": ', '"rows": 1', 1),
    "another layout": lambda text: '{"header": {}, "features": "[]"}',
}


@pytest.mark.parametrize("damage", DAMAGED_PARTS)
def test_a_damaged_part_is_made_again(mini_data: None, tmp_path: Path, damage: str) -> None:
    """A kept part that cannot be read (cut, a column longer than the others, its row count
    wrong, another layout) is made again, kept in its place, and the files are the files made whole."""
    merged = mixed(merge_report([itinerary.load(p) for p in GROUPS])[0])
    out = tmp_path / "out"
    out.mkdir()
    write_merged(merged, out, "k")
    with sqlite3.connect(out / PARTS) as db:
        rows = db.execute("SELECT key, text FROM parts WHERE text LIKE '{\"header\"%'").fetchall()
        assert len(rows) == len(merged.trips)
        for key, text in rows[:2]:
            db.execute("UPDATE parts SET text = ? WHERE key = ?", (DAMAGED_PARTS[damage](text), key))
    for name in KEPT.values():  # every part read (the kept rows would serve the trips without them)
        (out / name).unlink()
    write_merged(merged, out, "k")
    assert digests(out) == made_whole(merged, tmp_path / "whole")
    with sqlite3.connect(out / PARTS) as db:
        again = dict(db.execute("SELECT key, text FROM parts WHERE text LIKE '{\"header\"%'").fetchall())
    assert sorted(again) == sorted(key for key, _ in rows)  # the parts made again kept in their place
    assert all(_part(text) is not None for text in again.values())
    assert [again[key] for key, _ in rows[2:]] == [text for _, text in rows[2:]]
    with Parts.open(out) as parts:  # and read back as they are
        write_merged(merged, out, "k", parts=parts)
        assert not parts.new
    assert digests(out) == made_whole(merged, tmp_path / "whole-2")


def spread_folder(tmp_path: Path, n: int) -> tuple[Path, Path, list[dict[str, str]]]:
    """A build folder of ``n`` finished articles whose drafts are copies of the merge groups'
    drafts, each copy naming its travellers anew (the merge benchmark's ``--spread`` corpus):
    the input file, the folder and the input's rows."""
    import json

    from benchmarks.bench_merge import copy_of
    from itinerary import __version__
    from itinerary.build.manifest import OK, Entry, Manifest, text_digest
    from itinerary.build.sources import DraftSettings, iter_items

    base = [itinerary.load(p) for p in GROUPS]
    src, out = tmp_path / "feed.jsonl", tmp_path / "out"
    rows = [{"id": f"a{i}", "text": f"Article {i}.", "published": "2024-01-01"} for i in range(n)]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    (out / "drafts").mkdir(parents=True)
    manifest = Manifest(out / "manifest.jsonl")
    for i, item in enumerate(iter_items([src], DraftSettings(None, None, __version__))):
        text = yaml_io.dumps(copy_of(base[i % len(base)], i // len(base), spread=True))
        (out / "drafts" / f"{item.name}.yaml").write_text(text, encoding="utf-8")
        manifest.record(Entry(item.name, item.digest, OK, draft=text_digest(text)))
    manifest.compact()
    return src, out, rows


def test_every_rebuild_of_a_spread_corpus_writes_the_files_of_a_whole_merge(
    mini_data: None, tmp_path: Path
) -> None:
    """A corpus of many travellers rebuilt after each change (a draft naming other travellers, a
    draft that is the newest of all, an article leaving the input) writes the bytes of a build
    of the same folder that keeps no work of the merge before (its store and state removed)."""
    import json
    import shutil

    from benchmarks.bench_merge import copy_of
    from itinerary.build import build
    from itinerary.build.outputs import STATE

    src, out, rows = spread_folder(tmp_path, 36)
    build([src], out, serial=True)
    base = [itinerary.load(p) for p in GROUPS]

    def step(n: int) -> None:
        build([src], out, serial=True)
        whole = tmp_path / f"whole-{n}"
        shutil.copytree(out, whole)
        (whole / PARTS).unlink()
        (whole / STATE).unlink()
        build([src], whole, serial=True)
        assert digests(out) == digests(whole)
        assert all(digests(out).values())

    other = copy_of(base[1], 99, spread=True)  # other travellers in a kept article's draft
    (out / "drafts" / "a5.yaml").write_text(yaml_io.dumps(other), encoding="utf-8")
    step(1)
    newest = copy_of(base[2], 98, spread=True)  # the newest source of all: the day the merge is known on
    newest = dataclasses.replace(
        newest, sources=tuple(dataclasses.replace(s, published=dt.date(2031, 1, 1)) for s in newest.sources)
    )
    (out / "drafts" / "a7.yaml").write_text(yaml_io.dumps(newest), encoding="utf-8")
    step(2)
    assert "2031-01-01" in (out / "trips.yaml").read_text(encoding="utf-8")
    src.write_text("".join(json.dumps(r) + "\n" for r in rows if r["id"] != "a3"), encoding="utf-8")
    step(3)


def changed_trip(merged: Itinerary, n: int, note: str) -> Itinerary:
    """``merged`` with one stop's note of its ``n``-th trip changed (the columns typed as before)."""
    trip = merged.trips[n]
    stops = (dataclasses.replace(trip.stops[0], note=note), *trip.stops[1:])
    trips = list(merged.trips)
    trips[n] = dataclasses.replace(trip, stops=stops)
    return dataclasses.replace(merged, trips=tuple(trips))


def test_a_rebuild_takes_the_kept_rows_of_its_trips_in_one_step(
    mini_data: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The trips of the last merge take their GeoParquet rows from its kept tables (no part of theirs
    is read: only the changed trip is made), a trip gone leaves, and the files are the files made
    whole, in the trips' order whatever it is."""
    from itinerary.build import outputs

    merged = merge_report([itinerary.load(p) for p in GROUPS])[0]
    out = tmp_path / "out"
    out.mkdir()
    write_merged(merged, out, "k")
    assert all((out / name).exists() for name in outputs.KEPT.values())
    made: list[int] = []
    parts_of = outputs._parts_of
    monkeypatch.setattr(
        outputs, "_parts_of", lambda parts, items: made.append(len(items)) or parts_of(parts, items)
    )
    monkeypatch.setattr(outputs, "_tables", None)  # the parts' path is not taken
    for n, it in enumerate(
        [
            changed_trip(merged, 1, "changed"),
            dataclasses.replace(merged, trips=merged.trips[2:]),  # two trips leave
            dataclasses.replace(merged, trips=merged.trips[::-1]),  # and come back, in another order
        ]
    ):
        made.clear()
        write_merged(it, out, f"k{n}")
        assert digests(out) == made_whole(it, tmp_path / f"whole-{n}")
        assert made == [1, 0, 2][n : n + 1]


@pytest.mark.parametrize("damage", ["cut", "another run's", "missing"])
def test_damaged_kept_rows_are_not_read(mini_data: None, tmp_path: Path, damage: str) -> None:
    """A kept table cut, taken from another run, or missing: the files are put together from the
    parts, the same bytes, and the kept tables are written again."""
    from itinerary.build import outputs

    merged = merge_report([itinerary.load(p) for p in GROUPS])[0]
    fewer = dataclasses.replace(merged, trips=merged.trips[1:])
    out, other = tmp_path / "out", tmp_path / "other"
    out.mkdir()
    other.mkdir()
    write_merged(merged, out, "k")
    write_merged(fewer, other, "k")
    stops = out / outputs.KEPT["stop"]
    if damage == "cut":
        stops.write_bytes(stops.read_bytes()[:-100])
    elif damage == "another run's":
        stops.write_bytes((other / outputs.KEPT["stop"]).read_bytes())
    else:
        stops.unlink()
    assert outputs._read_kept(out) is None
    it = changed_trip(merged, 0, "changed")
    write_merged(it, out, "k2")
    assert digests(out) == made_whole(it, tmp_path / "whole")
    assert outputs._read_kept(out) is not None


def test_a_rebuild_does_not_make_the_kept_travellers_trips_again(
    mini_data: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After one draft changes, the rebuild (merge, ``trips.yaml``, GeoParquet, summary) never
    turns a kept traveller's stored trip back into model objects: its files' parts, counts and
    sources come from what the last merge stored."""
    from benchmarks.bench_merge import copy_of
    from itinerary.build import build
    from itinerary.merge.stored import StoredTrip

    src, out, _ = spread_folder(tmp_path, 24)
    build([src], out, serial=True)
    made_whole: list[str] = []
    whole = StoredTrip.whole

    def counted(self: StoredTrip) -> Any:
        made_whole.append(self.id)
        return whole(self)

    monkeypatch.setattr(StoredTrip, "whole", counted)
    stored: list[StoredTrip] = []
    keep = StoredTrip.stored.__func__  # type: ignore[attr-defined]

    def recorded(cls: type[StoredTrip], *args: Any) -> StoredTrip:
        stored.append(keep(cls, *args))
        return stored[-1]

    monkeypatch.setattr(StoredTrip, "stored", classmethod(recorded))
    other = copy_of(itinerary.load(GROUPS[1]), 99, spread=True)
    (out / "drafts" / "a5.yaml").write_text(yaml_io.dumps(other), encoding="utf-8")
    again = build([src], out, serial=True)
    assert again.trips > len(stored) > 10 and made_whole == []


def test_the_geo_metadata_from_each_trips_bounds_and_types_is_the_whole_columns() -> None:
    """The ``geo`` metadata put together from each trip's kept bounds and geometry types is the
    writer's for the whole column, whatever the trips hold (none, several, a line, a 3D point, no
    geometry); a bound that is a zero is not trusted to its order (None: read the geometries)."""
    import geopandas as gpd
    import numpy as np
    import shapely
    from geopandas.io.arrow import _create_metadata, _encode_metadata

    from itinerary.build.outputs import _geo_metadata, _trip_geo

    geoms = np.array(
        [
            shapely.Point(2.5, 48.1),
            None,
            shapely.LineString([(1.5, 40.2), (3.25, 41.0)]),
            shapely.Point(-9.1, 38.7, 12.0),
            shapely.Point(13.4, 52.5),
            None,
        ],
        dtype=object,
    )
    for counts in ([1, 0, 2, 3], [6], [0, 1, 1, 1, 1, 1, 1, 0], [2, 0, 0, 4]):
        bounds, types = _trip_geo(geoms, counts)
        whole = _encode_metadata(_create_metadata(gpd.GeoDataFrame(geometry=list(geoms), crs="EPSG:4326")))
        assert _geo_metadata(bounds, types) == whole
    none = np.array([None, None], dtype=object)
    bounds, types = _trip_geo(none, [1, 1])
    assert _geo_metadata(bounds, types) == _encode_metadata(
        _create_metadata(gpd.GeoDataFrame(geometry=[None, None], crs="EPSG:4326"))
    )
    bounds, types = _trip_geo(np.array([shapely.Point(0.0, 1.0)], dtype=object), [1])
    assert _geo_metadata(bounds, types) is None


def test_the_itinerary_member_from_each_trips_kept_entry_is_the_member_written_whole() -> None:
    """The ``itinerary`` member put together from each trip's kept entry (its JSON text) is the
    JSON of the member made whole, titles in any script and one holding the mark included; the
    schema given it carries the bytes the writer gives a frame holding that member."""
    import json

    from itinerary.build import outputs

    merged = merge_report([itinerary.load(p) for p in GROUPS])[0]
    trips = [{"id": t.id, "traveller": t.traveller, "note": "Путин à Paris"} for t in merged.trips]
    for title in ("Visites — Москва", outputs._MARK, None):
        it = dataclasses.replace(merged, title=title)
        text = outputs._header_text(it, [json.dumps(t) for t in trips])
        assert text == json.dumps(outputs._header(it, trips))
        features = [{"feature": "stop", "wkb": None, "properties": {"n": 1}}]
        whole = outputs._arrow(outputs._geodataframe(features, outputs._Shared(json.loads(text)))).schema
        mark = outputs._arrow(outputs._geodataframe(features, {outputs._MARK: None})).schema
        assert outputs._with_header(mark, text).metadata == whole.metadata
