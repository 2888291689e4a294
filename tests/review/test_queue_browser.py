"""The review queue of a corpus in headless Chromium against the real server on 127.0.0.1:
ordered lowest confidence first, paged, filtered, and a draft opened in the review page with the
article the build kept, saved, and counted in the progress."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from itinerary import load
from itinerary.review.corpus import Corpus
from itinerary.review.server import ReviewServer
from tests.review.synthetic import write_corpus

pytestmark = pytest.mark.browser


@pytest.fixture
def queue_server(tmp_path: Path) -> Iterator[tuple[ReviewServer, Corpus]]:
    out = write_corpus(tmp_path / "corpus", 120, seed=7)
    corpus = Corpus(out)
    srv = ReviewServer(corpus=corpus, analyse=False).start()
    yield srv, Corpus(out)  # a second reading of the folder: what the page must show
    srv.stop()


def names(page: Any) -> list[str]:
    return [str(x) for x in page.locator("#rows tr td:nth-child(2)").all_text_contents()]


def test_the_queue_is_ordered_paged_filtered_and_opens_a_draft(
    queue_server: tuple[ReviewServer, Corpus], page_of: Callable[[str], Any], artifacts: Path
) -> None:
    from playwright.sync_api import expect

    srv, corpus = queue_server
    order = [r.name for r in corpus.order]
    page = page_of(srv.url)
    expect(page.locator("#progress")).to_have_text("reviewed 0 of 120")
    assert names(page) == order[:50]
    lows = [float(x) for x in page.locator("#rows tr td:nth-child(7)").all_text_contents()]
    assert lows == sorted(lows) and lows[0] < lows[-1]
    expect(page.locator("#page")).to_have_text("page 1 of 3")
    page.screenshot(path=str(artifacts / "review-queue.png"))

    page.locator("#next").click()  # with the mouse
    expect(page.locator("#page")).to_have_text("page 2 of 3")
    assert names(page) == order[50:100]
    page.keyboard.press("]")  # with the keyboard
    expect(page.locator("#page")).to_have_text("page 3 of 3")
    assert names(page) == order[100:]
    expect(page.locator("#rows tr td.n").first).to_have_text("101")

    page.select_option("#traveller", "Traveller 3")  # a filter starts again at page 1
    expect(page.locator("#page")).to_have_text("page 1 of 1")
    wanted = [r.name for r in corpus.order if "Traveller 3" in (r.index or {})["travellers"]]
    assert wanted and names(page) == wanted
    page.select_option("#language", "fr")
    both = [
        r.name
        for r in corpus.order
        if "Traveller 3" in (r.index or {})["travellers"] and (r.index or {})["language"] == "fr"
    ]
    expect(page.locator("#matching")).to_have_text(f"{len(both)} draft{'s' * (len(both) != 1)}")
    assert names(page) == both

    first = both[0]
    page.keyboard.press("Enter")  # the first draft of the filtered queue, in the review page
    page.wait_for_selector("body[data-ready='1']")
    assert page.url.endswith(f"/d/{first}/")
    article = (corpus.out / "articles" / f"{first}.txt").read_text("utf-8").split("---\n", 1)[1]
    assert page.locator("#article").text_content() == article.rstrip("\n")
    stops = load(corpus.draft_path(first)).trips[0].stops
    assert page.locator(".stop").count() == len(stops)
    for _ in stops:
        page.keyboard.press("a")
        page.keyboard.press("j")
    page.keyboard.press("s")
    expect(page.locator("#status")).to_have_text(re.compile(r"^saved"))
    assert all(s.reviewed for s in load(corpus.draft_path(first)).trips[0].stops)

    page.locator("#back").click()  # back to the queue: the draft counted, out of the "to review" list
    page.wait_for_selector("#progress:has-text('reviewed 1 of 120')")
    page.goto(srv.url + "#show=reviewed")
    expect(page.locator("#matching")).to_have_text("1 draft")
    assert names(page) == [first]
    assert first not in [r["name"] for r in Corpus(corpus.out).page(per_page=500)["rows"]]
    assert not page.blocked_requests and not page.console_errors


def test_a_name_that_is_no_draft_of_the_corpus_is_not_opened(
    queue_server: tuple[ReviewServer, Corpus], page_of: Callable[[str], Any]
) -> None:
    from playwright.sync_api import expect

    srv, corpus = queue_server
    page = page_of(srv.url)
    page.goto(srv.url + "d/not-a-draft/")
    expect(page.locator("#status")).to_have_text("could not load the review: no such draft in this corpus")
    (corpus.out / "articles" / "d-00001.txt").write_text("changed", encoding="utf-8")
    page.goto(srv.url + "d/d-00001/")
    expect(page.locator("#status")).to_have_text(re.compile(r"changed since the build wrote the draft"))


def test_hostile_names_in_the_index_are_shown_as_typed(tmp_path: Path, page_of: Callable[[str], Any]) -> None:
    import json

    from playwright.sync_api import expect

    out = write_corpus(tmp_path / "corpus", 3, seed=5)
    hostile = "<img src=x onerror=\"document.title='owned'\">{{7*7}}\u202eEve"
    lines = (out / "manifest.jsonl").read_text("utf-8").splitlines()
    first = json.loads(lines[0])
    first["index"] |= {"travellers": [hostile], "language": "<b>xx</b>", "low": 0.0}
    lines[0] = json.dumps(first)
    (out / "manifest.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    srv = ReviewServer(corpus=Corpus(out), analyse=False).start()
    try:
        page = page_of(srv.url)
        expect(page.locator("#rows tr").first.locator("td").nth(2)).to_have_text(hostile)
        expect(page.locator("#rows tr").first.locator("td").nth(3)).to_have_text("<b>xx</b>")
        assert page.locator("#rows img, #rows b, #traveller img").count() == 0
        assert hostile + " (1)" in page.locator("#traveller option").all_text_contents()
        assert "owned" not in page.title()
        assert not page.blocked_requests and not page.console_errors
    finally:
        srv.stop()
