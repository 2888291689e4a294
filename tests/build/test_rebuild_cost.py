"""What keeps a rebuild's cost from growing with the corpus, and what keeps it safe: the manifest
rewritten only when a reader needs it (see :mod:`itinerary.build.manifest`), the drafts' hashes
taken from their files' status (:class:`itinerary.build.manifest.DraftDigests`), a JSON line's
content hash of the line as read."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

import itinerary
from itinerary import __version__
from itinerary.build import build
from itinerary.build import manifest as manifest_module
from itinerary.build.manifest import FAILED, OK, STATS, DraftDigests, Entry, Manifest
from itinerary.build.sources import DraftSettings, iter_items
from tests.build.test_integrity import MACRON, SCHOLZ, article, travellers

H = "a" * 64


def entry(name: str, status: str = OK, draft: str = H) -> Entry:
    if status == OK:
        return Entry(name, H, OK, draft=draft)
    return Entry(name, H, status, reason="r")


def written(names: list[str], path: Path) -> Manifest:
    m = Manifest(path)
    for n in names:
        m.record(entry(n))
    m.compact()
    return Manifest(path)


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def test_a_run_that_appends_a_few_ok_lines_leaves_the_rest_of_the_manifest_alone(tmp_path: Path) -> None:
    path = tmp_path / "manifest.jsonl"
    names = [f"a{i:02}" for i in range(40)]
    m = written(names[::-1], path)  # recorded in any order: the rewrite sorts them
    assert [json.loads(x)["name"] for x in lines(path)] == names
    before = lines(path)
    m.record(entry("a05", draft="b" * 64))  # a draft that changed
    m.record(entry("b00"))  # a new article
    m.compact()
    assert lines(path) == [*before, *lines(path)[40:]] and len(lines(path)) == 42  # appended only
    back = Manifest(path)
    assert back.entries["a05"].draft == "b" * 64 and "b00" in back.entries and not back.problems
    assert len(back.entries) == 41


def test_the_manifest_is_rewritten_when_a_reader_of_its_ok_lines_would_be_misled(tmp_path: Path) -> None:
    path = tmp_path / "manifest.jsonl"
    names = [f"a{i:02}" for i in range(40)]
    m = written(names, path)
    m.record(entry("a07", status=FAILED))  # the draft of a07 is gone
    m.close()
    m = Manifest(path)
    m.compact()  # even by a run that records nothing (the last one was stopped before compacting)
    assert len(lines(path)) == 40
    assert json.loads(lines(path)[7]) == {"name": "a07", "digest": H, "status": FAILED, "reason": "r"}
    m = Manifest(path)
    m.record(entry("a08", status=FAILED))
    m.compact()
    assert len(lines(path)) == 40 and json.loads(lines(path)[8])["status"] == FAILED
    m = Manifest(path)
    m.forget("a09")  # an article that left the input
    m.compact()
    assert [json.loads(x)["name"] for x in lines(path)] == [n for n in names if n != "a09"]


def test_the_manifest_is_rewritten_when_appended_lines_reach_an_eighth(tmp_path: Path) -> None:
    path = tmp_path / "manifest.jsonl"
    written([f"a{i:02}" for i in range(40)], path)
    for k in range(5):  # 5 lines are an eighth of 40
        m = Manifest(path)
        m.record(entry(f"a{k:02}", draft=f"{k}" * 64))
        m.compact()
        assert len(lines(path)) == (40 if k == 4 else 41 + k)
    back = Manifest(path)
    assert [back.entries[f"a{k:02}"].draft for k in range(5)] == [f"{k}" * 64 for k in range(5)]


def test_a_torn_last_line_is_cleared_by_the_next_compaction(tmp_path: Path) -> None:
    path = tmp_path / "manifest.jsonl"
    written([f"a{i:02}" for i in range(40)], path)
    with path.open("a", encoding="utf-8") as fh:
        fh.write('{"name": "a41", "dig')  # a run killed while writing
    m = Manifest(path)
    m.record(entry("a42"))
    m.compact()
    again = Manifest(path)
    assert again.problems == [] and len(lines(path)) == 41 and "a42" in again.entries


def test_a_bad_line_in_the_middle_is_reported_once_then_rewritten_away(tmp_path: Path) -> None:
    path = tmp_path / "manifest.jsonl"
    written([f"a{i:02}" for i in range(40)], path)
    text = lines(path)
    path.write_text("\n".join([*text[:3], "not json", *text[3:]]) + "\n", encoding="utf-8")
    m = Manifest(path)
    assert len(m.problems) == 1
    m.compact()
    assert Manifest(path).problems == [] and lines(path) == text


# ---------------------------------------------------------------- the drafts' hashes by status


def settled(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def true_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_recorded_status_stands_for_the_hash_and_an_edit_is_hashed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(manifest_module, "SETTLED_NS", 0)  # the files of a test are new
    draft = settled(tmp_path / "x.yaml", "trips: one\n")
    cache = tmp_path / STATS
    first = DraftDigests(cache)
    assert first.digest("x", str(draft)) == true_digest(draft)
    first.save()
    [line] = lines(cache)
    name, digest, size, mtime, ctime, ino = json.loads(line)
    assert (name, digest, size) == ("x", true_digest(draft), draft.stat().st_size)
    # the status stands for the hash: the file is not read (a hash recorded by hand is believed)
    cache.write_text(json.dumps(["x", "f" * 64, size, mtime, ctime, ino]) + "\n", encoding="utf-8")
    assert DraftDigests(cache).digest("x", str(draft)) == "f" * 64
    # an edit of the same size, its modification time set back: the change time still moved
    draft.write_text("trips: two\n", encoding="utf-8")
    os.utime(draft, ns=(mtime, mtime))
    assert draft.stat().st_size == size and draft.stat().st_mtime_ns == mtime
    assert DraftDigests(cache).digest("x", str(draft)) == true_digest(draft)
    assert DraftDigests(cache).digest("x", str(tmp_path / "gone.yaml")) is None


def test_a_file_changed_within_the_settling_time_is_not_recorded(tmp_path: Path) -> None:
    draft = settled(tmp_path / "x.yaml", "trips: one\n")  # just written
    cache = tmp_path / STATS
    digests = DraftDigests(cache)
    assert digests.digest("x", str(draft)) == true_digest(draft)
    digests.save()
    assert not cache.exists()


def test_the_cache_forgets_drafts_not_asked_for_and_skips_bad_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(manifest_module, "SETTLED_NS", 0)
    cache = tmp_path / STATS
    files = {n: settled(tmp_path / f"{n}.yaml", f"trips: {n}\n") for n in ("x", "y")}
    d = DraftDigests(cache)
    for n, p in files.items():
        d.digest(n, str(p))
    d.save()
    with cache.open("a", encoding="utf-8") as fh:
        fh.write('not json\n["z", "no hash", 1, 2, 3, 4]\n["w", "' + "0" * 64 + '", 1, 2')  # torn
    d = DraftDigests(cache)
    assert set(d.known) == {"x", "y"}
    assert d.digest("x", str(files["x"])) == true_digest(files["x"])
    d.save()  # y was not asked for: it leaves, and the file is rewritten whole
    assert [json.loads(x)[0] for x in lines(cache)] == ["x"]
    d = DraftDigests(cache)
    d.save()  # nothing asked for: the cache leaves
    assert not cache.exists()


def test_a_hand_edit_that_keeps_size_and_time_is_still_found_by_a_rebuild(
    mini_build: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(manifest_module, "SETTLED_NS", 0)
    src = [article(tmp_path / "in" / "x.txt", MACRON), article(tmp_path / "in" / "y.txt", SCHOLZ)]
    out = tmp_path / "out"
    build(src, out, serial=True)
    build(src, out, serial=True)  # the drafts' statuses recorded
    assert sorted(json.loads(x)[0] for x in lines(out / STATS)) == ["x", "y"]
    draft = out / "drafts" / "x.yaml"
    text, stat = draft.read_text(encoding="utf-8"), draft.stat()
    edited = text.replace("traveller: Emmanuel Macron", "traveller: Emmanuel Macrom")
    assert len(edited) == len(text) and edited != text
    draft.write_text(edited, encoding="utf-8")
    os.utime(draft, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    kept = build(src, out, serial=True)
    assert kept.extracted == 0 and any(n.startswith(f"kept your edit of {draft}") for n in kept.notes)
    assert travellers(out) == ["Emmanuel Macrom", "Olaf Scholz"]


# ---------------------------------------------------------------- a JSON line's content hash


def test_a_json_line_is_hashed_as_read(tmp_path: Path) -> None:
    settings = DraftSettings(None, None, __version__)
    row = {"id": "x", "text": "President Macron landed in Berlin.", "published": "2024-05-20"}
    feed = tmp_path / "feed.jsonl"

    def digest(line: str) -> str:
        feed.write_text(line + "\n", encoding="utf-8")
        [item] = iter_items([feed], settings)
        assert item.record == json.loads(line)
        return item.digest

    same = digest(json.dumps(row))
    assert digest(json.dumps(row) + "  ") == same  # the line's end is not the row
    assert digest(json.dumps({**row, "text": "President Macron landed in Bonn."})) != same
    assert DraftSettings("fr", None, __version__).key() != settings.key()


# ---------------------------------------------------------------- the observation table read once


def test_the_stops_are_written_from_the_drafts_rows(tmp_path: Path) -> None:
    """A rebuild reads only the drafts' rows: a part written again makes its stops from them (here
    the part's stops file is gone before the write; the kept draft's stops are all there again,
    with the new draft's)."""
    pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    from itinerary.build.observations import FOLDER, STOPS, Observations, part_name, part_of

    folder = Path(__file__).parents[1] / "data" / "merge"
    one, two, three = (itinerary.load(folder / f) for f in sorted(os.listdir(folder))[:3])
    names = [f"a{i}" for i in range(200)]
    first, second = next((a, b) for a in names for b in names if a < b and part_of(a) == part_of(b))
    table = Observations.read(tmp_path)
    table.put(first, "h1", one)
    table.put(second, "h2", two)
    table.write()
    table = Observations.read(tmp_path)
    stops = tmp_path / FOLDER / STOPS / part_name(part_of(first))
    stops.unlink()
    table.put("three", "h3", three)
    table.keep_only({first, "three"})  # the part of both is written again, without the second
    table.write()
    back = Observations.read(tmp_path)
    assert sorted(back.heads) == sorted([first, "three"]) and not back.changed
    assert (back.draft(first, "h1"), back.draft("three", "h3")) == (one, three)
    rows = pq.read_table(stops).to_pylist()
    assert len(rows) == sum(len(t.stops) for t in one.trips) + sum(
        len(t.stops) for t in three.trips if part_of("three") == part_of(first)
    )


# ---------------------------------------------------------------- the collector paused


class _Node:
    other: object = None


def test_objects_made_while_the_collector_is_paused_grow_old_and_are_still_collected() -> None:
    import gc
    import weakref

    from itinerary.build.observations import gc_paused

    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        cycle = _Node()
        cycle.other = cycle
        gone = weakref.ref(cycle)
        made = [[] for _ in range(5000)]
    assert gc.isenabled()
    assert gc.get_count()[0] < len(made)  # not left in the young generation to be walked
    oldest = {id(x) for x in gc.get_objects(generation=2)}
    assert id(made[0]) in oldest and id(cycle) in oldest
    del cycle
    gc.collect()
    assert gone() is None  # a full collection still frees a cycle made meanwhile


def test_objects_frozen_by_someone_else_stay_frozen() -> None:
    import gc

    from itinerary.build.observations import gc_paused

    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with gc_paused():
            pass
        assert gc.get_freeze_count() == frozen and gc.isenabled()
    finally:
        gc.unfreeze()
