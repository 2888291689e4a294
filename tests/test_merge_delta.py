"""The merge from a kept table (:mod:`itinerary.merge.delta`): the names grouped from the last
grouping when the names that came or went are alone, and the merge of some inputs against the
merge of all of them."""

from __future__ import annotations

import random
import warnings
from collections.abc import Callable
from typing import Any

import pytest

import itinerary
from itinerary.errors import MergeWarning
from itinerary.merge.delta import _alone, merge_delta
from itinerary.merge.names import group_names_kept
from itinerary.merge.split import merge_split
from itinerary.model import Itinerary
from itinerary.people import Grouping, group_names
from tests.conftest import ROOT

GROUPS = sorted((ROOT / "tests" / "data" / "merge").glob("*.yaml"))

NAMES = [
    "Emmanuel Macron",
    "Macron",
    "President Emmanuel Macron",
    "Olaf Scholz",
    "Scholz",
    "Vladimir Putin",
    "Putin",
    "Владимир Путин",
    "Kim Jong Un",
    "Kim Jong Il",
    "Kim",
    "Lula",
    "Luiz Inácio Lula da Silva",
    "Narendra Modi",
    "Modi",
    "Joe Biden",
    "President Joe Biden",
    "Xi Jinping",
    "Olaf Schulz",
    "Ilan",
    "Zamparelli",
    "Quentin Zamparelli",
    "Barufoso Zenavugi",
    "Gatelaki Bufimulu",
    "Bufimulu",
    "Tovakeru Simbalo",
    "Mbeki",
    "Ludavoto Kuvazadi",
    "Luvomise Ponokeni",
    "Zisakule Rifirore",
    "Sopatedi Dinetuzi Pebitugu",
    "Kapodaso",
    "Kapodasso",
    "Gatelaki",
    "Rifirore Ziso",
]


@pytest.mark.parametrize("seed", range(60))
def test_a_grouping_from_the_last_one_is_the_grouping_made_whole(seed: int) -> None:
    """Random name sets changed by a few names: whenever the names that came or went are alone,
    the grouping put together from the last one is :func:`group_names` of the new names."""
    rng = random.Random(seed)
    old = set(rng.sample(NAMES, rng.randrange(3, len(NAMES))))
    new = set(old)
    for _ in range(rng.randrange(1, 4)):
        name = rng.choice(NAMES)
        (new.discard if name in new else new.add)(name)
    last, apart = _last(old)
    got = _alone(last, old, new, apart)
    if got is not None:
        assert got == group_names(sorted(new))


def test_a_name_alone_is_put_in_its_place_and_a_name_that_shares_a_word_is_not() -> None:
    old = {"Emmanuel Macron", "Quentin Zamparelli", "Macron"}
    last, apart = _last(old)
    for new in (old | {"Barufoso Zenavugi"}, old | {"Aaron Aardvark"}, old - {"Quentin Zamparelli"}):
        assert _alone(last, old, new, apart) == group_names(sorted(new))
    assert _alone(last, old, old | {"Zamparelli"}, apart) is None  # a word of another
    assert _alone(last, old, old | {"Quentin Zamparrelli"}, apart) is None  # spelled alike
    assert _alone(last, old, old | {"Olaf Scholz"}, apart) is None  # in the alias list
    assert _alone(last, old, old - {"Macron"}, apart) is None  # a part of another's name
    assert _alone(last, old, old | {"Barufoso Zenavugi"}, None) is None  # the parts apart not known
    # a name alone that sounds like a one-word name: the pair of look-alikes is put in its place
    sounding = {"Kapodaso", "Emmanuel Macron", "Macron"}
    last, apart = _last(sounding)
    for new in (sounding | {"Kapodisa Lomu"}, sounding | {"Kapodisa Lomu", "Kepedose Vanu"}):
        assert _alone(last, sounding, new, apart) == group_names(sorted(new))
        assert _alone(last, sounding, new, apart).kept_apart  # type: ignore[union-attr]


def _last(names: set[str]) -> tuple[Grouping, int]:
    """The grouping of ``names`` and how many of its look-alikes are parts of a name."""
    grouping, state = group_names_kept(sorted(names))
    return grouping, sum(len(b.apart) for b in state.blocks.values())


class _Memo:
    def __init__(self) -> None:
        self.texts: dict[str, str] = {}

    def recall(self, keys: list[str]) -> dict[str, str]:
        return {k: self.texts[k] for k in keys if k in self.texts}

    def hold(self, keys: list[str]) -> None:
        pass

    def keep(self, key: str, text: str) -> None:
        self.texts[key] = text

    def known(self, trip: object, key: str) -> None:
        pass


def test_the_merge_of_the_inputs_changed_is_the_merge_of_all() -> None:
    """Each development group's draft left out in turn, then put back: the merge from the table
    reads only some drafts and gives the itinerary and report of the merge of all."""
    drafts = {f"d{i}": itinerary.load(p) for i, p in enumerate(GROUPS)}
    read: list[str] = []

    def load(name: str) -> Itinerary:
        read.append(name)
        return drafts[name]

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MergeWarning)
        memo = _Memo()
        names = list(drafts)
        first = merge_delta(names, [f"h{n}" for n in names], load, memo=memo)
        assert first[2].fallback == "no kept table of the last merge" and first[2].read == len(names)
        for left in names:
            rest = [n for n in names if n != left]
            for now in (rest, names):
                read.clear()
                merged, report, delta = merge_delta(now, [f"h{n}" for n in now], load, memo=memo)
                assert delta.fallback is None
                assert len(set(read)) < len(now)
                assert (merged, report) == merge_split([drafts[n] for n in now])


def test_a_damaged_table_merges_every_input() -> None:
    """A kept table that is not what a merge writes (a field of the wrong kind) is not used: every
    input is read and merged, the reason said, and the result is the merge of all."""
    from itinerary.merge.delta import _state_key

    drafts = {f"d{i}": itinerary.load(p) for i, p in enumerate(GROUPS)}
    names = list(drafts)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MergeWarning)
        memo = _Memo()
        merge_delta(names, [f"h{n}" for n in names], drafts.__getitem__, memo=memo)
        key = _state_key(None)
        memo.texts[key] = _altered(memo.texts[key], _ids_of_another_kind)
        rest = names[1:]
        merged, report, delta = merge_delta(rest, [f"h{n}" for n in rest], drafts.__getitem__, memo=memo)
    assert delta.fallback is not None and "damaged" in delta.fallback
    assert delta.read == len(rest)
    assert (merged, report) == merge_split([drafts[n] for n in rest])


def _altered(text: str, change: Callable[[dict[str, Any]], None]) -> str:
    """The kept ``text`` with its table changed by ``change`` in place, the rest of the text as it
    was (bytes of a store altered on disk, not a table written by a merge)."""
    import json

    at = text.index("{")
    table = json.loads(text[at:])
    change(table)
    return text[:at] + json.dumps(table, ensure_ascii=False)


def _ids_of_another_kind(table: dict[str, Any]) -> None:
    for entry in table["drafts"].values():
        entry["ids"] = 7


def _no_day(table: dict[str, Any]) -> None:
    for entry in table["drafts"].values():
        entry["head"][0] = "2023-04-32"


def _one_traveller_lost(table: dict[str, Any]) -> None:
    del table["persons"][next(iter(table["persons"]))]


def _another_day(table: dict[str, Any]) -> None:
    first = table["drafts"][table["order"][0]]
    first["head"][0] = "2030-01-01"


@pytest.mark.parametrize("change", [_no_day, _one_traveller_lost, _another_day])
def test_a_table_altered_in_the_store_merges_every_input(change: Callable[[dict[str, Any]], None]) -> None:
    """A kept table whose text was altered after the merge wrote it (a day that is no day, a
    traveller's entry lost, an input's day changed to another day) is found damaged: every input
    is merged, the reason said, and the result is the merge of all (not a merge that trusts it)."""
    from itinerary.merge.delta import _state_key

    drafts = {f"d{i}": itinerary.load(p) for i, p in enumerate(GROUPS)}
    names = list(drafts)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MergeWarning)
        memo = _Memo()
        merge_delta(names, [f"h{n}" for n in names], drafts.__getitem__, memo=memo)
        key = _state_key(None)
        memo.texts[key] = _altered(memo.texts[key], change)
        rest = names[1:]
        merged, report, delta = merge_delta(rest, [f"h{n}" for n in rest], drafts.__getitem__, memo=memo)
    assert delta.fallback is not None and "damaged" in delta.fallback
    assert (merged, report) == merge_split([drafts[n] for n in rest])
