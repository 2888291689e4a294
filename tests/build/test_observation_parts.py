"""The observation table in parts (see :mod:`itinerary.build.observations`): an article's rows
stay in the part its name hashes to, a change writes only its part, a part whose two files were
not written together is made again, and the folders read as one Parquet dataset."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import itinerary
from itinerary.build.observations import (
    DRAFTS,
    FOLDER,
    LEGACY,
    PARTS,
    STOPS,
    Observations,
    part_name,
    part_of,
)
from itinerary.model import Itinerary

pytest.importorskip("pyarrow")

MERGE = Path(__file__).parents[1] / "data" / "merge"
DRAFT_FILES = sorted(os.listdir(MERGE))


def drafts(n: int) -> dict[str, Itinerary]:
    """``n`` articles, each with one of the merge test drafts."""
    loaded = [itinerary.load(MERGE / f) for f in DRAFT_FILES]
    return {f"article-{i}": loaded[i % len(loaded)] for i in range(n)}


def files(out: Path) -> dict[str, tuple[int, bytes]]:
    """Every file of the table: its inode (an atomic write makes a new one) and bytes."""
    return {
        str(p.relative_to(out)): (p.stat().st_ino, p.read_bytes())
        for p in sorted((out / FOLDER).rglob("*"))
        if p.is_file()
    }


def written(out: Path, table: dict[str, Itinerary]) -> None:
    obs = Observations.read(out)
    for name, draft in table.items():
        obs.put(name, f"h-{name}", draft)
    obs.write()


def test_a_change_writes_only_its_part(tmp_path: Path) -> None:
    table = drafts(60)
    written(tmp_path, table)
    before = files(tmp_path)
    assert len({part_of(n) for n in table}) * 2 == len(before)  # two files a part, one part per name hash
    obs = Observations.read(tmp_path)
    changed = "article-7"
    obs.put(changed, "another hash", table["article-8"])
    obs.write()
    after = files(tmp_path)
    mine = {f"{FOLDER}/{sub}/{part_name(part_of(changed))}" for sub in (STOPS, DRAFTS)}
    assert {k for k in after if after[k] != before[k]} == mine
    back = Observations.read(tmp_path)
    assert back.draft(changed, "another hash") == table["article-8"]
    assert all(back.draft(n, f"h-{n}") == d for n, d in table.items() if n != changed)
    assert not back.changed


def test_an_unchanged_table_is_not_written(tmp_path: Path) -> None:
    table = drafts(20)
    written(tmp_path, table)
    before = files(tmp_path)
    obs = Observations.read(tmp_path)
    assert obs.keep_only(set(table)) == []
    obs.write()
    assert files(tmp_path) == before


@pytest.mark.parametrize("stale", [STOPS, DRAFTS])
def test_a_part_whose_files_were_not_written_together_is_written_again(tmp_path: Path, stale: str) -> None:
    """A run stopped between a part's two files leaves one of them older: the drafts' rows of the
    part are read as written (the older ones, when the drafts' file is the older: the build puts
    the changed draft again), and the part is written again, its stops made from those rows."""
    import pyarrow.parquet as pq

    table = drafts(60)
    written(tmp_path, table)
    changed = "article-3"
    old = tmp_path / FOLDER / stale / part_name(part_of(changed))
    kept = old.read_bytes()
    obs = Observations.read(tmp_path)
    obs.put(changed, "another hash", table["article-4"])
    obs.write()
    old.write_bytes(kept)  # as if the run had stopped before writing this one
    back = Observations.read(tmp_path)
    assert set(back.heads) == set(table)
    assert back.dirty == {part_of(changed)}
    assert back.has(changed, "h-article-3" if stale == DRAFTS else "another hash")
    if stale == DRAFTS:  # what the build does: the draft's hash is not the table's
        back.put(changed, "another hash", table["article-4"])
    back.write()
    again = Observations.read(tmp_path)
    assert not again.changed and again.draft(changed, "another hash") == table["article-4"]
    stops = pq.read_table(tmp_path / FOLDER / STOPS / part_name(part_of(changed))).to_pylist()
    assert {(r["article"], r["draft"]) for r in stops if r["article"] == changed} == {
        (changed, "another hash")
    }
    assert len([r for r in stops if r["article"] == changed]) == sum(
        len(t.stops) for t in table["article-4"].trips
    )


def test_a_part_whose_drafts_cannot_be_read_is_made_again(tmp_path: Path) -> None:
    table = drafts(60)
    written(tmp_path, table)
    broken = part_of("article-5")
    (tmp_path / FOLDER / DRAFTS / part_name(broken)).write_bytes(b"not parquet")
    back = Observations.read(tmp_path)
    assert set(back.heads) == {n for n in table if part_of(n) != broken}
    assert back.dirty == {broken}


def test_a_part_holding_another_parts_article_is_made_again(tmp_path: Path) -> None:
    """A name in a part its hash does not send it to (a file copied by hand) is not read from
    there, and that part is written again."""
    table = drafts(60)
    written(tmp_path, table)
    a = "article-1"
    b = next(n for n in table if part_of(n) != part_of(a))
    pa, pb = (tmp_path / FOLDER / sub for sub in (STOPS, DRAFTS))
    for folder in (pa, pb):
        (folder / part_name(part_of(b))).write_bytes((folder / part_name(part_of(a))).read_bytes())
    back = Observations.read(tmp_path)
    assert a in back.heads and part_of(b) in back.dirty
    assert not {n for n in back.heads if part_of(n) == part_of(b)}


def test_the_parts_read_as_one_dataset(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    table = drafts(40)
    written(tmp_path, table)
    stops = pq.read_table(tmp_path / FOLDER / STOPS)
    heads = pq.read_table(tmp_path / FOLDER / DRAFTS)
    assert sorted(heads.column("article").to_pylist()) == sorted(table)
    assert stops.num_rows == sum(len(t.stops) for d in table.values() for t in d.trips)
    assert {part_of(n) for n in table} <= set(range(PARTS))


def test_the_one_file_layout_is_read_as_empty_and_removed(tmp_path: Path) -> None:
    folder = tmp_path / FOLDER
    folder.mkdir()
    for name in LEGACY:
        (folder / name).write_bytes(b"an older version's file")
    obs = Observations.read(tmp_path)
    assert not obs.heads and obs.changed
    table = drafts(5)
    for name, draft in table.items():
        obs.put(name, f"h-{name}", draft)
    obs.write()
    assert not any((folder / name).exists() for name in LEGACY)
    assert set(Observations.read(tmp_path).heads) == set(table)


def test_no_draft_left_removes_the_folder(tmp_path: Path) -> None:
    written(tmp_path, drafts(10))
    obs = Observations.read(tmp_path)
    obs.keep_only(set())
    obs.write()
    assert not (tmp_path / FOLDER).exists()


def test_a_part_of_another_layout_is_made_again_not_a_crash(tmp_path: Path) -> None:
    """A drafts' file with this version's mark but not its columns (another layout of the same
    version, or a file written by hand) is read as a part to make again."""
    import pyarrow.parquet as pq

    table = drafts(60)
    written(tmp_path, table)
    part = part_of("article-2")
    path = tmp_path / FOLDER / DRAFTS / part_name(part)
    heads = pq.read_table(path)
    pq.write_table(heads.rename_columns(["article", "draft", "head"]), path)
    back = Observations.read(tmp_path)
    assert back.dirty == {part} and set(back.heads) == {n for n in table if part_of(n) != part}
    import pyarrow as pa

    numbers = pa.array(range(heads.num_rows), pa.int64())  # the right names, values of another type
    pq.write_table(heads.set_column(2, "data", numbers).replace_schema_metadata(heads.schema.metadata), path)
    back = Observations.read(tmp_path)
    assert back.dirty == {part} and set(back.heads) == {n for n in table if part_of(n) != part}


def test_a_rebuild_decodes_only_the_drafts_it_asks_for(tmp_path: Path) -> None:
    """Reading the table gives every article's name and hash; a draft's JSON is decoded when that
    draft is asked for (a rebuild reads few of them; a second draft of a part decodes the part, as a
    merge of all asks for every draft), and a part written again after a change keeps its other
    rows whole."""
    table = drafts(60)
    written(tmp_path, table)
    obs = Observations.read(tmp_path)
    assert set(obs.heads) == set(table)
    assert all(data is None for _, data in obs.heads.values())  # nothing decoded yet
    asked = "article-5"
    assert obs.draft(asked, f"h-{asked}") == table[asked]
    decoded = {n for n, (_, data) in obs.heads.items() if data is not None}
    assert decoded == {asked}
    second = next(n for n in table if part_of(n) == part_of(asked) and n != asked)
    assert obs.draft(second, f"h-{second}") == table[second]  # a second of its part: the part, once
    decoded = {n for n, (_, data) in obs.heads.items() if data is not None}
    assert decoded == {n for n in table if part_of(n) == part_of(asked)}
    changed = second
    obs.put(changed, "another hash", table["article-8"])
    obs.write()
    back = Observations.read(tmp_path)
    assert back.draft(changed, "another hash") == table["article-8"]
    assert all(back.draft(n, f"h-{n}") == d for n, d in table.items() if n != changed)


def test_a_part_damaged_after_it_was_read_gives_its_drafts_from_their_yaml(tmp_path: Path) -> None:
    """A part's drafts' file damaged between the read and the ask: the draft is not in the table
    (the build reads its YAML and puts it again) and the part is written again."""
    table = drafts(30)
    written(tmp_path, table)
    obs = Observations.read(tmp_path)
    asked = "article-2"
    (tmp_path / FOLDER / DRAFTS / part_name(part_of(asked))).write_bytes(b"not parquet")
    assert obs.draft(asked, f"h-{asked}") is None
    assert not obs.has(asked, f"h-{asked}") and part_of(asked) in obs.dirty
    obs.put(asked, f"h-{asked}", table[asked])
    obs.write()
    back = Observations.read(tmp_path)
    assert back.draft(asked, f"h-{asked}") == table[asked]


def test_a_draft_written_again_after_the_read_is_not_taken_for_the_one_read(tmp_path: Path) -> None:
    """A part's drafts' file written again between the read and the ask (another build), a draft
    there of another hash: its JSON is not given for the hash read; the draft is not in the table
    (its YAML is read) and the part is written again."""
    table = drafts(30)
    written(tmp_path, table)
    obs = Observations.read(tmp_path)
    asked = "article-2"
    other = dict(table)
    other[asked] = table["article-3"] if table["article-3"] != table[asked] else table["article-4"]
    later = Observations.read(tmp_path)
    later.put(asked, "a later hash", other[asked])
    later.write()
    assert obs.draft(asked, f"h-{asked}") is None
    assert not obs.has(asked, f"h-{asked}") and part_of(asked) in obs.dirty


def test_a_merge_of_all_finds_each_parts_rows_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every draft asked for, as a merge of all asks: each part's rows are found in one pass over
    the table, not one pass for each part (the article's part hashed about once per article, not
    once per article and part), and every draft is the one put."""
    from itinerary.build import observations

    table = drafts(200)
    written(tmp_path, table)
    obs = Observations.read(tmp_path)
    hashed = 0

    def counted(name: str) -> int:
        nonlocal hashed
        hashed += 1
        return part_of(name)

    monkeypatch.setattr(observations, "part_of", counted)
    assert all(obs.draft(n, f"h-{n}") == d for n, d in table.items())
    assert hashed <= 2 * len(table)
