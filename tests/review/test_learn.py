"""The loop from reviews to the stop model: decisions saved by review sessions, `itinerary train`
on their corrections files, `extract --model` with the result (real extractor, mini gazetteer)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from itinerary.cli import cli
from itinerary.extract import load_model
from itinerary.review import ReviewSession, corrections_path
from itinerary.review.learn import collect, score
from tests.review.conftest import ARTICLE, write_pair

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("mini_data")]

SECOND = ARTICLE.replace("Komsomolsk-on-Amur", "Blagoveshchensk").replace("Moscow", "Berlin")


def review(folder: Path, extractor: Any, article: str) -> tuple[Path, Path]:
    """A person's review through the session's API: the dropped Seoul and Tokyo made stops,
    the last stop (a cancelled visit) rejected."""
    folder.mkdir()
    draft, art = write_pair(folder, extractor, article)
    session = ReviewSession(draft, art, extractor=extractor)
    state = session.state()
    stops = [{**s, "reviewed": True, "resolved_id": None} for s in state["trips"][0]["stops"]][:-1]
    for m in state["mentions"]:
        if m["text"] in ("Seoul", "Tokyo"):
            assert m["kind"] == "dropped"
            stops.append(
                {**m, "orig": None, "place": m["query"], "resolved_id": m["place"]["id"], "mention": m["id"]}
            )
    stops.sort(key=lambda s: state["mentions"][s["mention"]]["start"])
    session.save({"trips": [{"index": 0, "stops": stops}]}, session.etag)
    return corrections_path(draft), art


def test_train_on_reviews_then_extract_with_the_model(extractor: Any, tmp_path: Path) -> None:
    c1, a1 = review(tmp_path / "one", extractor, ARTICLE)
    c2, _ = review(tmp_path / "two", extractor, SECOND)
    found = collect([c1, c2], extractor)
    assert not found.skipped
    tokyo = next(e for e in found.examples if e.text == "Tokyo")
    assert tokyo.stop
    model_path = tmp_path / "model.json"
    result = CliRunner().invoke(cli, ["train", str(c1), str(c2), "-o", str(model_path), "--prior", "0.5"])
    assert result.exit_code == 0, result.output
    assert "from 2 article(s)" in result.output
    assert "held out, base model:" in result.output and "held out, retrained model:" in result.output
    base, new = load_model(), load_model(model_path)
    assert new.trained_on.endswith("reviewed candidates") and new.weights != base.weights
    # the fit lowers the examples' log-loss below the base model's (its prior term is >= 0)
    assert score(new, found.examples).log_loss < score(base, found.examples).log_loss
    assert new.probability(tokyo.features) > base.probability(tokyo.features)  # added by the person

    out = tmp_path / "again.yaml"
    result = CliRunner().invoke(cli, ["extract", str(a1), "--model", str(model_path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.exists()


def test_changed_articles_and_empty_corrections_are_explained(extractor: Any, tmp_path: Path) -> None:
    corrections, article = review(tmp_path / "one", extractor, ARTICLE)
    article.write_text(ARTICLE + "\nA late paragraph.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["train", str(corrections), "-o", str(tmp_path / "m.json")])
    assert result.exit_code == 1 and "article changed since the review" in result.output
    assert "no usable correction" in result.output and not (tmp_path / "m.json").exists()
