"""The extractor's reasons have their own field: a popup shows them folded under "why this stop",
in the page's language, apart from the note (real headless Chromium, network blocked)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from itinerary import load
from itinerary.model import Itinerary
from itinerary.render import make_map, save_map
from tests.conftest import SEED_14

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("mini_data_for_module")]
CLICK = (
    "i => document.querySelectorAll('.itn-stop')[i].dispatchEvent(new MouseEvent('click', {bubbles: true}))"
)

WHY = "why (scorer, p=0.71): + <b>arrived</b> in; {{ 7*7 }}"  # shown as typed, never as markup


def _close_popup(page: Any) -> None:
    page.eval_on_selector_all(".leaflet-popup-close-button", "bs => bs.forEach(b => b.click())")
    page.wait_for_selector(".leaflet-popup", state="detached")


def _first_stop_name() -> str:
    return str(load(SEED_14).trips[0].stops[0].place)


def _with_why(it: Itinerary) -> Itinerary:
    trip = it.trips[0]
    first = dataclasses.replace(trip.stops[0], why=WHY, note="A plain note.")
    return dataclasses.replace(
        it, trips=(dataclasses.replace(trip, stops=(first, *trip.stops[1:])), *it.trips[1:])
    )


@pytest.mark.parametrize(("lang", "summary"), [("en", "Why this stop"), ("fr", "Pourquoi cette étape")])
def test_the_reasons_are_folded_apart_from_the_note(tmp_path: Path, lang: str, summary: str) -> None:
    from itinerary.render.browser import browser_page

    it = _with_why(load(SEED_14))
    page_file = tmp_path / f"why-{lang}.html"
    save_map(make_map(it, offline=True, lang=lang), page_file)
    with browser_page() as page:
        page.goto(page_file.resolve().as_uri())
        page.wait_for_selector(".itn-stop")
        titles = page.eval_on_selector_all(".itn-stop", "es => es.map(e => e.title)")
        first = _first_stop_name()
        for i in (i for i, t in enumerate(titles) if t == first):  # the same place in other trips too
            page.evaluate(CLICK, i)
            page.wait_for_selector(".leaflet-popup-content .itn-visit")
            if "A plain note." in page.inner_text(".leaflet-popup-content"):
                break
            _close_popup(page)
        else:
            pytest.fail(f"no marker of {first} shows the first stop's note")
        details = page.locator(".leaflet-popup-content details.itn-why")
        assert details.count() == 1
        assert details.evaluate("d => d.open") is False  # folded
        assert details.locator("summary").inner_text() == summary
        assert details.locator("p").text_content() == WHY  # as text: no <b> element made
        assert details.locator("b").count() == 0
        note = page.locator(".leaflet-popup-content .itn-note").inner_text()
        assert note == "A plain note." and "why (" not in note
        # a stop without reasons has no fold
        _close_popup(page)
        page.evaluate(CLICK, titles.index(next(t for t in titles if t != first)))
        page.wait_for_selector(".leaflet-popup-content .itn-visit")
        assert "A plain note." not in page.inner_text(".leaflet-popup-content")
        assert page.locator(".leaflet-popup-content details.itn-why").count() == 0
