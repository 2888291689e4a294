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


def review_statuses(folder: Path, extractor: Any, article: str, to: str = "confirmed") -> tuple[Path, Path]:
    """A person's review that keeps every stop and says each planned one was made (``to``)."""
    folder.mkdir()
    draft, art = write_pair(folder, extractor, article)
    session = ReviewSession(draft, art, extractor=extractor)
    stops = [
        {
            **s,
            "reviewed": True,
            "resolved_id": None,
            "status": to if s["status"] == "planned" else s["status"],
        }
        for s in session.state()["trips"][0]["stops"]
    ]
    session.save({"trips": [{"index": 0, "stops": stops}]}, session.etag)
    return corrections_path(draft), art


def test_train_the_status_model_on_reviewed_statuses(extractor: Any, tmp_path: Path) -> None:
    from itinerary.extract.status_model import load_status_model
    from itinerary.model import Status
    from itinerary.review.learn import score_status

    c1, a1 = review_statuses(tmp_path / "one", extractor, ARTICLE)
    c2, _ = review_statuses(tmp_path / "two", extractor, SECOND)
    found = collect([c1, c2], extractor)
    assert not found.statuses_skipped, found.statuses_skipped
    # the stops the rules read as planned, said made by the person: what the model must learn
    changed = [e for e in found.statuses if e.rule is Status.PLANNED]
    assert changed and all(e.status is Status.CONFIRMED for e in changed)
    assert {e.article for e in found.statuses} == {e.article for e in found.examples}

    stop_path, status_path = tmp_path / "model.json", tmp_path / "status.json"
    args = ["train", str(c1), str(c2), "-o", str(stop_path), "--status-output", str(status_path)]
    result = CliRunner().invoke(cli, [*args, "--prior", "0.5"])
    assert result.exit_code == 0, result.output
    assert "for the status model" in result.output and "held out, retrained status model:" in result.output
    base, new = load_status_model(), load_status_model(status_path)
    assert new.trained_on.endswith("reviewed stops")
    # the fit moves toward the person: the corrected stops are more likely confirmed than before
    for e in changed:
        assert new.probabilities(e.features)[Status.CONFIRMED] > base.probabilities(e.features).get(
            Status.CONFIRMED, 0.0
        )
    assert score_status(new, found.statuses).log_loss < score_status(base, found.statuses).log_loss

    out = tmp_path / "again.yaml"
    result = CliRunner().invoke(
        cli,
        ["extract", str(a1), "--model", str(stop_path), "--status-model", str(status_path), "-o", str(out)],
    )
    assert result.exit_code == 0, result.output
    assert CliRunner().invoke(cli, ["extract", str(a1), "-o", str(tmp_path / "base.yaml")]).exit_code == 0
    before = (tmp_path / "base.yaml").read_text("utf-8")
    assert out.read_text("utf-8").count("status: planned") < before.count("status: planned"), out.read_text(
        "utf-8"
    )


def test_status_training_refuses_what_it_cannot_use(extractor: Any, tmp_path: Path) -> None:
    c1, _ = review(tmp_path / "one", extractor, ARTICLE)
    same = tmp_path / "m.json"
    result = CliRunner().invoke(cli, ["train", str(c1), "-o", str(same), "--status-output", str(same)])
    assert result.exit_code == 1 and "name the same file" in result.output and not same.exists()
    other = tmp_path / "d.json"
    result = CliRunner().invoke(
        cli, ["train", str(c1), "-o", str(other), "--status-output", str(same), "--date-output", str(other)]
    )
    assert result.exit_code == 1 and "-o and --date-output name the same file" in result.output
    assert not other.exists() and not same.exists()
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else"}\n', encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["extract", str(tmp_path / "one" / "article.txt"), "--status-model", str(bad)]
    )
    assert (
        result.exit_code == 1 and "not a status model" in result.output and "Traceback" not in result.output
    )


PUBLISHED = "2023-09-14"  # the article's "# date:"


def review_dates(folder: Path, extractor: Any, article: str) -> tuple[Path, Path, dict[str, str]]:
    """A person's review that keeps every stop and dates each confirmed one to the publication
    day (a date the article offers every stop, and one the rules give none of them here)."""
    folder.mkdir()
    draft, art = write_pair(folder, extractor, article)
    session = ReviewSession(draft, art, extractor=extractor)
    stops, changed = [], {}
    for s in session.state()["trips"][0]["stops"]:
        s = {**s, "reviewed": True, "resolved_id": None}
        if s["status"] == "confirmed" and s.get("date") != PUBLISHED:
            s["date"] = PUBLISHED
            changed[s["place"]] = s["date"]
        stops.append(s)
    session.save({"trips": [{"index": 0, "stops": stops}]}, session.etag)
    return corrections_path(draft), art, changed


def test_train_the_date_model_on_reviewed_dates(extractor: Any, tmp_path: Path) -> None:
    from itinerary.extract.date_model import load_date_model
    from itinerary.review.learn import score_dates

    c1, a1, changed = review_dates(tmp_path / "one", extractor, ARTICLE)
    assert changed
    c2, _, _ = review_dates(tmp_path / "two", extractor, SECOND)
    found = collect([c1, c2], extractor)
    assert found.dates and not found.dates_skipped, found.dates_skipped
    # every example has the person's date among its options, and "undated" is one of them
    for e in found.dates:
        assert any(e.labels) and any(not o.date.known for o in e.options)
    stop_path, date_path = tmp_path / "model.json", tmp_path / "dates.json"
    result = CliRunner().invoke(
        cli,
        ["train", str(c1), str(c2), "-o", str(stop_path), "--date-output", str(date_path), "--prior", "0.5"],
    )
    assert result.exit_code == 0, result.output
    assert "for the date model" in result.output and "held out, retrained date model:" in result.output
    base, new = load_date_model(), load_date_model(date_path)
    assert new.enabled and new.trained_on.endswith("reviewed stops")
    assert score_dates(new, found.dates).right > score_dates(base, found.dates).right
    out = tmp_path / "again.yaml"
    result = CliRunner().invoke(cli, ["extract", str(a1), "--date-model", str(date_path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    # the extractor with the new model gives the person's date to more stops than with the shipped one
    assert CliRunner().invoke(cli, ["extract", str(a1), "-o", str(tmp_path / "base.yaml")]).exit_code == 0
    base_text, new_text = (tmp_path / "base.yaml").read_text("utf-8"), out.read_text("utf-8")
    assert new_text.count(PUBLISHED) > base_text.count(PUBLISHED), new_text
