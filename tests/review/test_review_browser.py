"""The review page in headless Chromium against the real server on 127.0.0.1: corrections with the
keyboard and the mouse saved to the YAML on disk (comments kept), the conflict refused with
nothing lost, and a hostile article shown as typed."""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from itinerary import load
from itinerary.extract import read_article
from itinerary.review import ReviewSession, corrections_path, read_decisions
from tests.review.conftest import HEAD_COMMENT, STOPS_COMMENT, write_pair

pytestmark = pytest.mark.browser


def saved(page: Any) -> None:
    """Wait for the save's answer (the page's CSP forbids the eval that wait_for_function uses)."""
    from playwright.sync_api import expect

    expect(page.locator("#status")).to_have_text(re.compile(r"^saved"))


def card(page: Any, place: str) -> Any:
    return page.locator(".stop", has=page.locator(".place", has_text=place))


def test_correct_three_stops_with_keyboard_and_mouse_then_save(
    extractor: Any,
    serve: Callable[..., Any],
    page_of: Callable[[str], Any],
    tmp_path: Path,
    artifacts: Path,
) -> None:
    draft, article = write_pair(tmp_path, extractor)
    before = load(draft).trips[0]
    assert [s.place for s in before.stops] == ["Vladivostok", "Vostochny", "Khabarovsk", "Moscow"]
    srv = serve(ReviewSession(draft, article, extractor=extractor))
    page = page_of(srv.url)
    assert page.locator("#article").text_content() == read_article(article).text
    assert page.locator("#article mark.m-dropped", has_text="Tokyo").count() == 1

    page.keyboard.press("a")  # the first stop, selected on load: accepted
    page.keyboard.press("j")
    page.keyboard.press("e")  # Vostochny: its place replaced from the mention's candidates
    page.locator("#edit-place option").nth(2).wait_for(state="attached")
    options = page.locator("#edit-place option").all_text_contents()
    old_id = before.stops[1].resolved.id  # type: ignore[union-attr]
    other = next(i for i, o in enumerate(options) if i and f"({old_id})" not in o)
    chosen_id = options[other].rsplit("(", 1)[1].rstrip(")")
    page.select_option("#edit-place", index=other)  # with the mouse
    page.keyboard.press("Escape")
    page.keyboard.press("j")
    page.keyboard.press("e")  # Khabarovsk: planned -> confirmed
    page.select_option("#edit-status", "confirmed")
    page.keyboard.press("Escape")
    page.keyboard.press("j")  # Moscow: accepted, undone, rejected
    page.keyboard.press("a")
    assert "reviewed" in (card(page, "Moscow").get_attribute("class") or "")
    page.keyboard.press("u")
    assert "reviewed" not in (card(page, "Moscow").get_attribute("class") or "")
    page.keyboard.press("r")
    assert "rejected" in (card(page, "Moscow").get_attribute("class") or "")
    page.locator("#article mark", has_text="Tokyo").click()  # a missed stop, from its mention
    page.locator("#add-stop").click()
    assert page.locator("#dirty").is_visible()
    page.screenshot(path=str(artifacts / "review-page.png"))
    page.keyboard.press("s")
    saved(page)
    assert not page.locator("#dirty").is_visible()
    assert page.console_errors == [] and page.blocked_requests == []

    text = draft.read_text("utf-8")
    assert text.startswith(HEAD_COMMENT + "\n") and STOPS_COMMENT in text
    stops = load(draft).trips[0].stops
    assert [s.resolved.name for s in stops if s.resolved][2:] == ["Tokyo", "Khabarovsk"]
    assert len(stops) == 4 and all(s.reviewed for s in stops)
    assert stops[0].place == "Vladivostok" and stops[0].resolved == before.stops[0].resolved
    assert stops[1].resolved is not None and stops[1].resolved.id == chosen_id != old_id
    assert stops[2].quote and "Tokyo" in stops[2].quote and stops[2].resolved.country_code == "JP"  # type: ignore[union-attr]
    assert stops[3].status.value == "confirmed" and before.stops[2].status.value == "planned"

    decisions = read_decisions(corrections_path(draft))
    assert sorted(d["action"] for d in decisions) == ["accept", "add", "edit", "edit", "left", "reject"]
    (left,) = (d for d in decisions if d["action"] == "left")  # Seoul: dropped, left dropped
    assert left["mention_text"] == "Seoul" and left["stop"] is False and left["extractor_said"] == "dropped"
    digest = hashlib.sha256(article.read_bytes()).hexdigest()
    body = read_article(article).text
    for d in decisions:
        assert d["article_sha256"] == digest and d["features_version"] is not None
        assert d["article"] == "article.txt" and d["draft"] == "draft.yaml"
        assert body[d["mention_start"] : d["mention_end"]] == d["mention_text"]
    added = next(d for d in decisions if d["action"] == "add")
    assert added["extractor_said"] == "dropped" and added["stop"] is True
    assert next(d for d in decisions if d["action"] == "reject")["mention_text"] == "Moscow"


def test_a_file_changed_on_disk_is_not_overwritten(
    extractor: Any, serve: Callable[..., Any], page_of: Callable[[str], Any], tmp_path: Path
) -> None:
    draft, article = write_pair(tmp_path, extractor)
    srv = serve(ReviewSession(draft, article, extractor=extractor))
    page = page_of(srv.url)
    page.keyboard.press("r")
    hand = draft.read_text("utf-8") + "# edited by hand meanwhile\n"
    draft.write_text(hand, encoding="utf-8")
    page.locator("#save").click()
    page.wait_for_selector("#conflict:not([hidden])")
    assert "+# edited by hand meanwhile" in page.locator("#conflict-diff").text_content()
    assert draft.read_text("utf-8") == hand  # nothing written
    assert not corrections_path(draft).exists()
    assert "rejected" in (card(page, "Vladivostok").get_attribute("class") or "")  # the edit stays
    warned = page.evaluate(
        "() => { const e = new Event('beforeunload', {cancelable: true});"
        " window.dispatchEvent(e); return e.defaultPrevented; }"
    )
    assert warned is True  # closing the page would warn


HOSTILE = """\
# date: 2023-09-14
---
<script>document.body.dataset.pwned = "1"</script><img src=x onerror="document.body.dataset.pwned='2'"> \
Kim Jong Un arrived in Vladivostok on Tuesday {{7*7}} ${7*7} {% if 1 %}jinja{% endif %} &amp; &lt;b&gt;.

He will travel to Khabarovsk on Friday. \u202egnp.exe\u202c \u2067isolate\u2069 \u200fRTL\u200e <b>bold</b>
"""


def test_a_hostile_article_is_shown_as_typed(
    extractor: Any, serve: Callable[..., Any], page_of: Callable[[str], Any], tmp_path: Path
) -> None:
    draft, article = write_pair(tmp_path, extractor, HOSTILE)
    hostile_place = "<img src=y onerror=alert(1)>{{7*7}}\u202eVladivostok"
    text = draft.read_text("utf-8").replace("- place: Vladivostok", f"- place: '{hostile_place}'", 1)
    draft.write_text(text, encoding="utf-8")
    srv = serve(ReviewSession(draft, article, extractor=extractor))
    page = page_of(srv.url)
    assert page.locator("#article").text_content() == read_article(article).text
    assert page.locator("#article script, #article img, #article b").count() == 0
    assert page.locator("img:not(.leaflet-tile)").count() == 0
    assert page.evaluate("document.body.dataset.pwned") is None
    assert "{{7*7}}" in page.locator("#article").text_content()
    assert page.locator(".stop .place").first.text_content() == hostile_place
    assert page.console_errors == [] and page.blocked_requests == []


def test_the_page_works_from_the_stops_alone_without_the_analysis(
    extractor: Any, serve: Callable[..., Any], page_of: Callable[[str], Any], tmp_path: Path
) -> None:
    """Without the extractor's analysis (its extra missing) each stop's own mention is marked
    and a stop is still corrected and saved."""
    draft, article = write_pair(tmp_path, extractor)
    copy = tmp_path / "copy.yaml"
    shutil.copy(draft, copy)
    srv = serve(ReviewSession(copy, article, analyse=False, geocoder=extractor.geocoder))
    page = page_of(srv.url)
    assert page.locator("#article mark.m-kept").count() == 4
    assert page.locator("#article mark.m-dropped").count() == 0
    page.keyboard.press("J")  # Vladivostok moved after Vostochny, with the keyboard
    page.keyboard.press("j")
    page.keyboard.press("r")  # Khabarovsk rejected: its mark no longer says kept
    assert page.locator("#article mark.m-dropped", has_text="Khabarovsk").count() == 1
    for _ in range(2):  # Moscow moved up past the rejected Khabarovsk and Vladivostok, with the mouse
        page.locator(".stop", has=page.locator(".place", has_text="Moscow")).locator("button.up").click()
    page.keyboard.press("s")
    saved(page)
    stops = load(copy).trips[0].stops
    assert [s.place for s in stops] == ["Vostochny", "Moscow", "Vladivostok"]
    assert [s.reviewed for s in stops] == [False, True, True]
    assert STOPS_COMMENT in copy.read_text("utf-8")


SELECT = """(word) => {
  const root = document.getElementById("article");
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = [];
  let pos = 0;
  while (walker.nextNode()) {
    nodes.push([walker.currentNode, pos]);
    pos += walker.currentNode.length;
  }
  const a = root.textContent.indexOf(word);
  const b = a + word.length;
  const [na, pa] = nodes.filter(([, p]) => p <= a).pop();
  const [nb, pb] = nodes.filter(([, p]) => p < b).pop();
  const range = document.createRange();
  range.setStart(na, a - pa);
  range.setEnd(nb, b - pb);
  window.getSelection().removeAllRanges();
  window.getSelection().addRange(range);
  return nodes.filter(([, p]) => p >= a && p < b).length + 1;
}"""


def test_a_missed_place_is_added_from_selected_text(
    extractor: Any, serve: Callable[..., Any], page_of: Callable[[str], Any], tmp_path: Path
) -> None:
    draft, article = write_pair(tmp_path, extractor)
    srv = serve(ReviewSession(draft, article, extractor=extractor))
    page = page_of(srv.url)
    spans = page.evaluate(SELECT, "Komsomolsk-on-Amur")
    assert spans == 2  # the selection crosses into the "Amur" context mark
    page.keyboard.press("n")
    page.locator("#article mark.m-selected", has_text="Komsomolsk-on-Amur").wait_for()
    page.keyboard.press("s")
    saved(page)
    stops = load(draft).trips[0].stops
    assert [s.place for s in stops] == [
        "Vladivostok",
        "Vostochny",
        "Khabarovsk",
        "Komsomolsk-on-Amur",
        "Moscow",
    ]
    added = stops[3]
    assert added.reviewed and added.resolved is not None and added.resolved.name == "Komsomolsk-on-Amur"
    assert added.quote is not None and added.quote.startswith("Kim will travel to Khabarovsk")
    decisions = read_decisions(corrections_path(draft))
    assert sorted(d["mention_text"] for d in decisions if d["action"] == "left") == ["Seoul", "Tokyo"]
    (decision,) = (d for d in decisions if d["action"] != "left")
    body = read_article(article).text
    assert decision["action"] == "add" and decision["extractor_said"] is None
    assert body[decision["mention_start"] : decision["mention_end"]] == "Komsomolsk-on-Amur"
    assert page.console_errors == [] and page.blocked_requests == []


def test_a_stop_is_given_to_another_traveller(
    mini_geocoder: Any, serve: Callable[..., Any], page_of: Callable[[str], Any], tmp_path: Path
) -> None:
    from tests.review.test_review_server import ARTICLE as TEXT
    from tests.review.test_review_server import TWO

    draft, article = tmp_path / "two.yaml", tmp_path / "article.txt"
    draft.write_text(TWO, encoding="utf-8")
    article.write_text(TEXT + "\nThe minister stayed in Rome.\n", encoding="utf-8")
    srv = serve(ReviewSession(draft, article, analyse=False, geocoder=mini_geocoder))
    page = page_of(srv.url)
    page.keyboard.press("j")
    page.keyboard.press("e")
    page.select_option("#edit-traveller", label="The minister")
    assert page.locator(".trip").nth(1).locator(".stop .place").all_text_contents() == ["Berlin", "Rome"]
    page.keyboard.press("u")  # undone, then done again
    assert page.locator(".trip").nth(0).locator(".stop .place").all_text_contents() == ["Paris", "Berlin"]
    card(page, "Berlin").click()
    page.keyboard.press("e")
    page.select_option("#edit-traveller", label="The minister")
    page.keyboard.press("Escape")
    page.keyboard.press("s")
    saved(page)
    it = load(draft)
    assert [[s.place for s in t.stops] for t in it.trips] == [["Paris"], ["Berlin", "Rome"]]
    assert it.trips[1].stops[0].reviewed
