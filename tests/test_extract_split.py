"""The open / sealed split of the development articles (benchmarks/extract_split.json).

The split file is checked against its own rule (every article's side follows from the hash of
its event key and the salt in the file) and, when ../shared is present, against the articles
there: every article is listed with the event its set's README gives it. No article text is read.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import extract_split as split


def test_rule_is_a_fixed_hash_of_the_event() -> None:
    salt = "itinerary-extract-split-test"
    events = [f"event {i}" for i in range(400)]
    sides = [split.side_of(e, salt) for e in events]
    assert sides == [split.side_of(e, salt) for e in events]  # the same key, the same side
    assert 0.2 < sides.count(split.SEALED) / len(sides) < 0.4  # about the sealed share
    assert sides != [split.side_of(e, salt + "x") for e in events]  # the salt matters
    assert (
        split.side_of("e", salt, share=0.0) == split.OPEN
        and split.side_of("e", salt, share=1.0) == split.SEALED
    )


def test_split_file_follows_its_rule() -> None:
    entries = split.load_split()
    salt, share = split.split_salt()
    assert entries, "the split file lists no article"
    by_event: dict[str, set[str]] = {}
    for e in entries.values():
        assert e.side == split.side_of(e.event, salt, share), e.name
        by_event.setdefault(e.event, set()).add(e.side)
    assert all(len(sides) == 1 for sides in by_event.values())  # no event on both sides
    sealed = sum(e.side == split.SEALED for e in entries.values()) / len(entries)
    assert 0.25 <= sealed <= 0.35
    assert {e.lang for e in entries.values() if e.side == split.SEALED} == {e.lang for e in entries.values()}


def test_balance_rule() -> None:
    def entry(i: int, lang: str, side: str) -> split.Entry:
        return split.Entry(f"{i}_{lang}_x.txt", "dev3", f"ev{i}", side)

    good = [entry(i, "en", split.SEALED if i % 10 < 3 else split.OPEN) for i in range(20)]
    no_trip = {good[0].name, good[1].name, good[5].name, good[6].name}
    assert split.balanced(good, no_trip)
    assert not split.balanced(good, {good[5].name})  # the no-trip articles on one side only
    assert not split.balanced([*good, entry(99, "pt", split.OPEN)], no_trip)  # a language on one side


def test_split_covers_the_development_set(shared: Path) -> None:
    articles = shared / "articles"
    events = split.events_in(articles)
    entries = split.load_split()
    assert set(entries) == set(events), "articles missing from or unknown to the split file"
    for name, (folder, event) in events.items():
        assert (entries[name].folder, entries[name].event) == (folder, event), name
    assert split.balanced(entries.values(), split.no_trip_articles(articles))
    # the file is what the rule writes from the articles and the salt
    salt, _ = split.split_salt()
    text = split.SPLIT_FILE.read_text(encoding="utf-8")
    assert split.dumps(split.to_json(split.assign(events, salt), salt)) == text
    assert json.loads(text)["rule"] == split.RULE


def test_dev3_event_keys_from_readme(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(
        "| id | lang | event | traps | event key |\n|---|---|---|---|---|\n"
        "| 301 | en | A visit | Some trap, with a comma | Ana Lopez | 2024-01 | Nairobi |\n"
        "| 302 | fr | No trip | - | none (phone call) | 2024-02 | none |\n",
        encoding="utf-8",
    )
    assert split.dev3_events(readme) == {
        "301": "Ana Lopez | 2024-01 | Nairobi",
        "302": "none (phone call) | 2024-02 | none",
    }


@pytest.mark.parametrize("name", ["201_en_a_b.txt", "00_fr_seed.txt"])
def test_entry_names(name: str) -> None:
    e = split.Entry(name, "dev", "ev", split.OPEN)
    assert e.stem == name[:-4] and e.lang == name.split("_")[1] and split.number(name) == name.split("_")[0]
