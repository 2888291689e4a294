"""The names' grouping with the last merge's work kept (:mod:`itinerary.merge.names`) gives the
whole pass's groups, alias pairs and look-alikes kept apart (:func:`itinerary.people.group_names`),
in the same order, whatever names came before."""

from __future__ import annotations

import json

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import itinerary
from benchmarks.bench_merge import _other_name
from itinerary.merge.names import NamesState, group_names_kept
from itinerary.people import group_names
from tests.conftest import ROOT


def _development_names() -> list[str]:
    """The travellers' names of the development drafts kept in the suite: the golden drafts of
    the extraction, the merge groups, and the truth of the merge (with every alias it lists)."""
    names: set[str] = set()
    golden = json.loads((ROOT / "tests" / "data" / "extract_golden.json").read_text(encoding="utf-8"))
    names.update(stop[3] for stops in golden.values() for stop in stops if stop[3])
    for path in sorted((ROOT / "tests" / "data" / "merge").glob("*.yaml")):
        names.update(t.traveller for t in itinerary.load(path).trips)
    for path in sorted((ROOT / "tests" / "data" / "merge_truth").glob("*.yaml")):
        for trip in yaml.safe_load(path.read_text(encoding="utf-8")).get("trips", []):
            names.update([trip["traveller"], *trip.get("traveller_aliases", [])])
    return sorted(names)


DEV = _development_names()
# the names as copies of the drafts name them anew (the merge benchmark's --spread corpus): many
# travellers, many look-alikes by sound
SPREAD = sorted({_other_name(n, k) for k in range(12) for n in DEV})


def test_the_development_names_are_grouped_as_the_whole_pass_groups_them() -> None:
    assert len(DEV) > 40
    whole = group_names(DEV)
    assert whole.aliases and whole.kept_apart and any(len(g) > 2 for g in whole.groups)  # worth testing
    kept, state = group_names_kept(DEV)
    assert kept == whole
    again, _ = group_names_kept(DEV, NamesState.from_text(state.text()))  # all taken back
    assert again == whole


def test_a_corpus_of_many_travellers_is_grouped_as_the_whole_pass_groups_it() -> None:
    names = DEV + SPREAD
    whole = group_names(names)
    kept, state = group_names_kept(names)
    assert kept == whole
    less = [*names[::2], "Narendra Modi", "Vladimir", "Poutine"]
    assert group_names_kept(less, state)[0] == group_names(less)


@pytest.mark.parametrize("damaged", ["", "not json", "[]", '{"version": 1}', '{"version": 99}'])
def test_a_kept_state_that_is_not_one_is_not_used(damaged: str) -> None:
    assert NamesState.from_text(damaged) is None
    wrong = json.loads(group_names_kept(DEV[:20])[1].text())
    wrong["blocks"] = {"x": [[["a"]], [], [["a", "b", "not a number", "r"]]]}
    assert NamesState.from_text(json.dumps(wrong)) is None


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(
    steps=st.lists(
        st.lists(st.sampled_from(DEV + SPREAD[:300]), max_size=60, unique=True), min_size=2, max_size=5
    )
)
def test_any_sequence_of_name_sets_is_grouped_as_the_whole_pass_groups_each(steps: list[list[str]]) -> None:
    """Names come and go from one grouping to the next (each keeping the state of the one
    before): each grouping is the whole pass's."""
    state: NamesState | None = None
    for names in steps:
        grouping, state = group_names_kept(names, state)
        assert grouping == group_names(names)
        state = NamesState.from_text(state.text())


def test_new_words_compared_in_many_small_matrices_group_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    from itinerary.merge import names

    whole = group_names_kept(DEV)[1].alike  # every new word against every word at once
    assert sum(map(len, whole.values())) > 10
    monkeypatch.setattr(names, "_CELLS", 97)  # a few new words against every word at a time
    kept, state = group_names_kept(DEV)
    assert kept == group_names(DEV)
    assert state.alike == whole


def test_many_new_words_found_by_their_common_letters_are_those_every_pair_compared_finds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Past a number of new words, the pairs that may be alike are found by their subsequences
    (:func:`itinerary.people._alike_candidates`) and not by comparing each new word with every
    word: the same words alike, the same grouping."""
    from itinerary.merge import names

    names_now = DEV + SPREAD
    monkeypatch.setattr(names, "_NEW_WORDS_INDEXED", 1 << 30)  # every new word against every word
    whole = group_names_kept(names_now)[1].alike
    assert sum(map(len, whole.values())) > 10
    monkeypatch.setattr(names, "_NEW_WORDS_INDEXED", 0)
    kept, state = group_names_kept(names_now)
    assert state.alike == whole
    assert kept == group_names(names_now)
    less, _ = group_names_kept([*names_now[::2], "Vladimir Poutine"], state)  # a few new words again
    assert less == group_names([*names_now[::2], "Vladimir Poutine"])
