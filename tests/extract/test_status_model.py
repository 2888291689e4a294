"""The status model: the shipped file loads and speaks only of known features; without a model
(or with a file that is no model) the rules' status stands; training goes the way its rows say;
and the features the extractor reads from a sentence reach the decision (a stop told in the
past but dated after the publication becomes planned under a model that learned that a date
ahead means a plan). Every sentence is written for the suite."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path

import pytest

from itinerary.errors import ExtractionError, ItineraryWarning
from itinerary.extract import Article, Extractor
from itinerary.extract import status_model as sm
from itinerary.extract.status_model import (
    FEATURES,
    STATUSES,
    StatusModel,
    known_feature,
    load_status_model,
    rules_status,
)
from itinerary.model import Status

ROOT = Path(__file__).resolve().parents[2]
MARCH = dt.date(2025, 3, 3)  # a Monday


def _synthetic(n: int = 20) -> tuple[list[dict[str, float]], list[Status]]:
    """Rows where the rules' reading is right, except that a stop dated after the publication
    is planned although the rules read it as confirmed."""
    xs: list[dict[str, float]] = []
    ys: list[Status] = []
    for i in range(n):
        for st in STATUSES:
            when = ("before", "same", "unknown")[i % 3]
            xs.append({f"rule_{st.value}": 1.0, f"date_{when}": 1.0, "clause_past": float(i % 2)})
            ys.append(st)
        xs.append({"rule_confirmed": 1.0, "date_after": 1.0, "clause_past": float(i % 2)})
        ys.append(Status.PLANNED)
    return xs, ys


def _fit(xs: list[dict[str, float]], ys: list[Status]) -> StatusModel:
    pytest.importorskip("sklearn")
    from benchmarks.extract_eval import fit_status

    return fit_status(xs, ys, c=1.0, name="synthetic")


def test_shipped_model_loads_with_known_features() -> None:
    model = load_status_model()
    assert model.trained_on, "the file says what it was trained on"
    # shipped learned only when it beat the rules held out (benchmarks/train_extract_model.py);
    # otherwise a file without weights: the rules decide
    if model.learned:
        assert set(model.weights) == set(STATUSES)
        names = {k for ws in model.weights.values() for k in ws}
        assert names and all(known_feature(k) for k in names)
        assert {f"rule_{st.value}" for st in STATUSES} <= names
    else:
        assert not model.weights and not model.bias
    data = json.loads((ROOT / "itinerary" / "extract" / sm.MODEL_FILE).read_text(encoding="utf-8"))
    assert data["feature_version"] == sm.FEATURE_VERSION
    # the wheel ships it
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert f"extract/{sm.MODEL_FILE}" in project["tool"]["setuptools"]["package-data"]["itinerary"]


def test_every_feature_is_described() -> None:
    assert all(isinstance(v, str) and v for v in FEATURES.values())
    assert {f"rule_{st.value}" for st in STATUSES} <= set(FEATURES)
    assert {f"date_{w}" for w in ("before", "same", "after", "unknown")} <= set(FEATURES)


def test_without_a_model_the_rules_decide() -> None:
    model = rules_status()
    assert not model.learned
    for st in STATUSES:
        assert model.decide({"date_after": 1.0, f"rule_{st.value}": 1.0}, st) is st
    assert model.settle([], MARCH) == []


def test_missing_or_broken_shipped_file_gives_the_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sm, "MODEL_FILE", "no_such_status_model.json")
    assert not load_status_model().learned
    monkeypatch.setattr(sm, "MODEL_FILE", "stop_model.json")  # a file of the package that is no status model
    with pytest.warns(ItineraryWarning, match="status the rules read"):
        assert not load_status_model().learned


def test_a_named_file_that_is_no_model_is_an_error(tmp_path: Path) -> None:
    bad = tmp_path / "status.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ExtractionError, match=r"status\.json: line 1"):
        load_status_model(bad)
    bad.write_text(json.dumps({"format": sm.FORMAT, "feature_version": sm.FEATURE_VERSION}), encoding="utf-8")
    with pytest.raises(ExtractionError, match="bad field"):
        load_status_model(bad)
    with pytest.raises(ExtractionError, match="cannot read"):
        load_status_model(tmp_path / "missing.json")


def test_a_saved_model_reads_back(tmp_path: Path) -> None:
    model = _fit(*_synthetic())
    path = tmp_path / "status.json"
    model.save(path)
    again = load_status_model(path)
    f = {"rule_confirmed": 1.0, "date_after": 1.0}
    assert again.probabilities(f) == pytest.approx(model.probabilities(f), abs=1e-5)


def test_training_learns_the_direction_of_its_rows() -> None:
    model = _fit(*_synthetic())
    ahead = {"rule_confirmed": 1.0, "date_after": 1.0, "clause_past": 1.0}
    done = {"rule_confirmed": 1.0, "date_before": 1.0, "clause_past": 1.0}
    assert model.decide(ahead, Status.CONFIRMED) is Status.PLANNED
    assert model.decide(done, Status.CONFIRMED) is Status.CONFIRMED
    assert model.weights[Status.PLANNED]["date_after"] > model.weights[Status.CONFIRMED]["date_after"]
    for st in STATUSES:  # the rules' reading is kept where nothing else speaks
        assert model.decide({f"rule_{st.value}": 1.0, "date_unknown": 1.0}, st) is st
    assert any("after the publication" in r for r in model.reasons(ahead, Status.PLANNED))
    # the opposite rows teach the opposite direction: nothing in the fit favours a status
    xs, ys = _synthetic()
    flipped = [Status.CONFIRMED if x.get("date_after") else y for x, y in zip(xs, ys, strict=True)]
    assert _fit(xs, flipped).decide(ahead, Status.CONFIRMED) is Status.CONFIRMED


@pytest.mark.data
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The Kenyan president visited Nairobi on 12 March 2025 with his delegation."),
        ("fr", "Le président kényan a visité Nairobi le 12 mars 2025 avec sa délégation."),
    ],
)
def test_a_date_after_the_publication_makes_the_stop_planned(
    lang: str, text: str, extractor: Extractor
) -> None:
    """Told in the past, the rules read the stop as made (and drop its day ahead of the news);
    a model that learned that a date ahead is a plan makes it planned, with its day back."""
    model = _fit(*_synthetic())
    doc = extractor.analyse(Article(text=text, published=MARCH, language=lang))
    (cand,) = [c for c in doc.candidates if c.place.text == "Nairobi"]
    assert cand.status is Status.CONFIRMED
    assert cand.status_features["date_after"] == 1.0
    assert cand.status_features["clause_past"] == 1.0

    def nairobi(status: StatusModel) -> tuple[Status, dt.date | None]:
        it = extractor.assemble(doc, status_model=status)
        (stop,) = [s for _, _, s in it.stops() if s.place == "Nairobi"]
        return stop.status, stop.date.start

    assert nairobi(rules_status())[0] is Status.CONFIRMED
    assert nairobi(model) == (Status.PLANNED, dt.date(2025, 3, 12))
    assert "status planned" in cand.reason.text() and "rules: confirmed" in cand.reason.text()


@pytest.mark.data
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The Kenyan president visited Nairobi on 28 February 2025 with his delegation."),
        ("fr", "Le président kényan a visité Nairobi le 28 février 2025 avec sa délégation."),
    ],
)
def test_a_date_before_the_publication_stays_confirmed(lang: str, text: str, extractor: Extractor) -> None:
    model = _fit(*_synthetic())
    doc = extractor.analyse(Article(text=text, published=MARCH, language=lang))
    (cand,) = [c for c in doc.candidates if c.place.text == "Nairobi"]
    assert cand.status_features["date_before"] == 1.0
    it = extractor.assemble(doc, status_model=model)
    (stop,) = [s for _, _, s in it.stops() if s.place == "Nairobi"]
    assert stop.status is Status.CONFIRMED
    assert stop.date.start == dt.date(2025, 2, 28)
