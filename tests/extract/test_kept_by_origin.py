"""The benchmark's split of the held-out stops by what made them a stop: the travel rules, or
the stop model alone (whose evidence is all general: travel words near, mentioned again)."""

from __future__ import annotations

from types import SimpleNamespace

from benchmarks import extract_eval as ev
from itinerary.extract.scoring import StopModel


def _candidate(place: str, rule: bool, near: bool = True) -> SimpleNamespace:
    record = SimpleNamespace(id=place)
    features = {"rule": float(rule), "travel_near": float(near), "prep_visit": 1.0}
    return SimpleNamespace(place=SimpleNamespace(record=record), rule=rule, features=features)


def test_a_place_is_counted_once_by_its_best_mention_and_is_a_rule_stop_when_any_mention_is() -> None:
    model = StopModel({"rule": 4.0, "travel_near": 2.0}, -1.0)
    # Paris: a rule mention and a model-only one (one rule stop); Lyon: the model alone, true;
    # Nice: the model alone, false; Metz: too weak to be kept
    cands = [
        _candidate("paris", True),
        _candidate("paris", False),
        _candidate("lyon", False),
        _candidate("nice", False),
        _candidate("metz", False, near=False),
    ]
    item = ev.Item("a", "dev", "fr", "e1", SimpleNamespace(candidates=cands), [1, 1, 1, 0, 1])
    out = ev.kept_by_origin([item], {"e1": model}, keep=0.55)
    assert out == {"rule": (1, 1), "model only": (2, 1)}


def test_a_neutral_mention_is_no_decision() -> None:
    model = StopModel({"rule": 4.0, "travel_near": 2.0}, -1.0)
    item = ev.Item("a", "dev", "de", "e1", SimpleNamespace(candidates=[_candidate("bonn", False)]), [None])
    assert ev.kept_by_origin([item], {"e1": model}, keep=0.55) == {"rule": (0, 0), "model only": (0, 0)}
