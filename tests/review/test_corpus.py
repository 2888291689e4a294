"""The review of a corpus: the build keeps each article's text and an index of its draft, the
queue orders, filters and pages the drafts, a saved review is recorded, and a later build keeps
the reviewed draft (``--force`` refuses without ``--force-reviewed``) and merges it.

The builds run in one process on the mini gazetteer, as tests/build/test_integrity.py's do."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import itinerary
from itinerary.build import build
from itinerary.cli import cli
from itinerary.review.corpus import Corpus
from tests.review.synthetic import write_corpus

MACRON = "President Emmanuel Macron landed in Berlin on Sunday."
SCHOLZ = "Chancellor Olaf Scholz arrived in Rome on Monday."
MELONI = "Prime Minister Giorgia Meloni flew to Paris on Tuesday."


def article(path: Path, text: str, day: str = "2024-05-20") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"# date: {day}\n# language: en\n# title: A report\n---\n{text}\n", encoding="utf-8")
    return path


def manifest(out: Path) -> dict[str, dict[str, Any]]:
    lines = (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    return {d["name"]: d for d in map(json.loads, lines)}


def review_in_corpus(out: Path, name: str) -> bytes:
    """Accept every stop of ``name`` through the corpus app's save (the real HTTP server)."""
    from itinerary.review.server import ReviewServer
    from tests.review.test_review_server import origin, request  # the raw loopback client

    srv = ReviewServer(corpus=Corpus(out), analyse=False).start()
    try:
        t = srv.token
        status, _, body = request(srv, "GET", f"/{t}/d/{name}/api/state")
        assert status == 200, body
        state = json.loads(body)
        trips = [
            {
                "index": tr["index"],
                "stops": [{**s, "reviewed": True, "resolved_id": None} for s in tr["stops"]],
            }
            for tr in state["trips"]
        ]
        status, _, body = request(
            srv,
            "POST",
            f"/{t}/d/{name}/api/save",
            headers={**origin(srv), "If-Match": state["etag"], "Content-Type": "application/json"},
            body={"trips": trips},
        )
        assert status == 200, body
    finally:
        srv.stop()
    return (out / "drafts" / f"{name}.yaml").read_bytes()


def test_build_keeps_the_article_text_and_the_queue_index(mini_build: None, tmp_path: Path) -> None:
    src = [article(tmp_path / "in" / "x.txt", MACRON), article(tmp_path / "in" / "y.txt", SCHOLZ)]
    out = tmp_path / "out"
    build(src, out, serial=True)
    m = manifest(out)
    kept = out / "articles" / "x.txt"
    assert m["x"]["article"] == hashlib.sha256(kept.read_bytes()).hexdigest()
    assert MACRON in kept.read_text(encoding="utf-8")
    assert "# date: 2024-05-20" in kept.read_text(encoding="utf-8")
    assert m["x"]["index"]["travellers"] == ["Emmanuel Macron"]
    assert m["x"]["index"]["language"] == "en" and m["x"]["index"]["stops"] >= 1
    from itinerary.extract import read_article

    assert read_article(kept).text.strip() == MACRON  # the review reads it as extract did
    queue = Corpus(out).page(show="all")
    assert queue["progress"] == "reviewed 0 of 2"
    assert {r["name"] for r in queue["rows"]} == {"x", "y"}


def test_a_reviewed_draft_survives_build_and_force_asks_for_force_reviewed(
    mini_build: None, tmp_path: Path
) -> None:
    src = [article(tmp_path / "in" / "x.txt", MACRON), article(tmp_path / "in" / "y.txt", SCHOLZ)]
    out = tmp_path / "out"
    build(src, out, serial=True)
    assert not any(s.reviewed for _, _, s in itinerary.load(out / "trips.yaml").stops())
    reviewed = review_in_corpus(out, "x")
    assert b"reviewed: true" in reviewed
    line = json.loads((out / "reviewed.jsonl").read_text(encoding="utf-8"))
    assert line["name"] == "x" and line["draft"] == hashlib.sha256(reviewed).hexdigest()
    assert Corpus(out).page()["progress"] == "reviewed 1 of 2"

    again = build(src, out, serial=True)  # nothing extracted; the merge takes the review
    assert again.extracted == 0
    assert (out / "drafts" / "x.yaml").read_bytes() == reviewed
    merged = itinerary.load(out / "trips.yaml")
    macron = next(t for t in merged.trips if t.traveller == "Emmanuel Macron")
    assert macron.stops and all(s.reviewed for s in macron.stops)
    assert any("kept 1 reviewed draft" in n for n in again.notes)

    before = {p.name: p.read_bytes() for p in (out / "drafts").iterdir()}
    result = CliRunner().invoke(cli, ["build", *map(str, src), "-o", str(out), "--serial", "--force"])
    assert result.exit_code == 1, result.output
    assert "--force would replace 1 reviewed draft" in result.output and "x.yaml" in result.output
    assert "--force-reviewed" in result.output and "Traceback" not in result.output
    assert {p.name: p.read_bytes() for p in (out / "drafts").iterdir()} == before  # nothing done

    result = CliRunner().invoke(
        cli, ["build", *map(str, src), "-o", str(out), "--serial", "--force", "--force-reviewed"]
    )
    assert result.exit_code == 0, result.output
    assert (out / "drafts" / "x.yaml.edited").read_bytes() == reviewed  # the review moved aside
    assert b"reviewed: true" not in (out / "drafts" / "x.yaml").read_bytes()
    assert "moved your review of" in result.output
    assert not (out / "reviewed.jsonl").exists()  # the new draft is not reviewed
    assert Corpus(out).page()["progress"] == "reviewed 0 of 2"


def test_a_reviewed_draft_of_a_changed_article_is_moved_aside_not_lost(
    mini_build: None, tmp_path: Path
) -> None:
    src = [article(tmp_path / "in" / "x.txt", MACRON), article(tmp_path / "in" / "y.txt", SCHOLZ)]
    out = tmp_path / "out"
    build(src, out, serial=True)
    reviewed = review_in_corpus(out, "x")
    article(tmp_path / "in" / "x.txt", MELONI)
    summary = build(src, out, serial=True)
    assert summary.extracted == 1
    assert (out / "drafts" / "x.yaml.edited").read_bytes() == reviewed
    assert any("moved your review of" in n and "its article changed" in n for n in summary.notes)
    assert MELONI in (out / "articles" / "x.txt").read_text(encoding="utf-8")


def test_the_queue_orders_filters_and_pages(tmp_path: Path) -> None:
    out = write_corpus(tmp_path / "corpus", 120, seed=3)
    corpus = Corpus(out)
    everything = corpus.page(show="all", per_page=500)["rows"]
    keys = [(r["low"], -r["doubt"], -r["stops"], r["name"]) for r in everything]
    assert keys == sorted(keys) and len(keys) == 120
    first = corpus.page(per_page=50)
    assert (first["page"], first["pages"], len(first["rows"])) == (1, 3, 50)
    third = corpus.page(per_page=50, page=3)
    assert len(third["rows"]) == 20 and third["first"] == 101
    assert [r["name"] for r in first["rows"]] == [r["name"] for r in everything[:50]]
    solo = corpus.page(traveller="Traveller 2", language="fr", show="all", per_page=500)["rows"]
    assert solo and all("Traveller 2" in r["travellers"] and r["language"] == "fr" for r in solo)
    expected = [r for r in everything if "Traveller 2" in r["travellers"] and r["language"] == "fr"]
    assert [r["name"] for r in solo] == [r["name"] for r in expected]
    with pytest.raises(ValueError):
        corpus.page(show="nothing")


def test_an_older_manifest_without_an_index_is_indexed_once_and_cached(tmp_path: Path) -> None:
    out = write_corpus(tmp_path / "corpus", 5, seed=1, with_index=False)
    first = Corpus(out).page(show="all")["rows"]
    assert all(r["stops"] is not None for r in first)
    assert (out / ".review-index.json").is_file()
    again = Corpus(out).page(show="all")["rows"]
    assert again == first


def test_a_folder_that_is_no_corpus_and_an_article_with_a_corpus_are_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["review", str(tmp_path)])
    assert result.exit_code == 1 and "manifest.jsonl" in result.output and "Traceback" not in result.output
    out = write_corpus(tmp_path / "corpus", 2, seed=1)
    a = tmp_path / "a.txt"
    a.write_text("text", encoding="utf-8")
    result = CliRunner().invoke(cli, ["review", str(out), "--article", str(a)])
    assert result.exit_code == 2 and "--article" in result.output


def test_the_corpus_app_takes_no_path_and_keeps_the_guard(tmp_path: Path) -> None:
    from itinerary.review.server import ReviewServer
    from tests.review.test_review_server import origin, request

    out = write_corpus(tmp_path / "corpus", 3, seed=2)
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    srv = ReviewServer(corpus=Corpus(out), analyse=False).start()
    try:
        t = srv.token
        status, headers, body = request(srv, "GET", f"/{t}/api/queue?page=1")
        assert status == 200 and json.loads(body)["progress"] == "reviewed 0 of 3"
        assert "script-src 'self'" in headers["content-security-policy"]
        assert request(srv, "GET", "/api/queue")[0] == 403  # no token
        assert request(srv, "GET", f"/{t}/api/queue", headers={"Host": "evil.example"})[0] == 403
        for name in ("..%2f..%2fsecret", "..", "%2e%2e", "d-00000.yaml", "manifest"):
            status, _, body = request(srv, "GET", f"/{t}/d/{name}/api/state")
            assert status in (403, 404) and b"secret" not in body and b"itinerary:" not in body
        status, _, body = request(
            srv, "POST", f"/{t}/d/d-00000/api/save", headers=origin(srv) | {"If-Match": '"x"'}, body={}
        )
        assert status == 412  # a stale ETag: nothing written, nothing recorded
        assert not (out / "reviewed.jsonl").exists()
        assert request(srv, "GET", f"/{t}/api/queue?show=everything")[0] == 400
        assert request(srv, "GET", f"/{t}/api/queue?page=x")[0] == 400
    finally:
        srv.stop()
