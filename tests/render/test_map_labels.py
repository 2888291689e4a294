"""The interactive map in headless Chromium (network blocked): every stop labelled on the first
view without overlaps, everything drawn inside the first view, the Pacific drawn continuously,
the live route around a cancelled stop, a phone-size screen, and golden screenshots compared
with a tolerance (pixelmatch).

Regenerate the golden screenshots after an intended change with
``ITINERARY_UPDATE_GOLDEN=1 pytest tests/render/test_map_labels.py`` and look at them before committing.
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path
from typing import Any

import pytest

from itinerary import load
from itinerary.prepare import prepare
from itinerary.render import make_map, save_map
from itinerary.render.map import payload
from tests.conftest import ROOT, SEED_14, SEED_18

FIXTURES = ROOT / "tests" / "data" / "trips"
GOLDEN = ROOT / "tests" / "data" / "golden"
TRIPS = {
    "seed14": SEED_14,
    "seed18": SEED_18,
    "hanoi": FIXTURES / "hanoi-2019.yaml",
    "kyiv": FIXTURES / "kyiv-2024.yaml",
    "pyongyang": FIXTURES / "pyongyang-2024.yaml",
    "oceania": FIXTURES / "oceania-2024.yaml",
}

# Golden screenshots of trips geocoded and routed on the shipped data.
pytestmark = [pytest.mark.browser, pytest.mark.data]


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("labelled")
    paths = {}
    for name, src in TRIPS.items():
        path = out / f"{name}.html"
        save_map(make_map(load(src), offline=True), path)
        paths[name] = path
    return paths


def _open(page: Any, path: Path) -> None:
    page.goto(path.resolve().as_uri())
    page.wait_for_selector(".itn-label-stop")
    page.wait_for_timeout(200)


BOXES_JS = """sel => Array.from(document.querySelectorAll(sel))
  .filter(e => getComputedStyle(e).display !== 'none')
  .map(e => { const r = e.getBoundingClientRect();
              return [r.left, r.top, r.right, r.bottom, e.textContent]; })"""
VIEW_JS = """() => { const r = document.querySelector('.folium-map').getBoundingClientRect();
                     return [r.left, r.top, r.right, r.bottom]; }"""
ZOOM_IN_JS = """() => { const m = Object.values(window).find(v => v && v.itinerary && v.setZoom);
                        m.setZoom(m.getZoom() + 2, {animate: false}); }"""


def _intersect(a: list[Any], b: list[Any]) -> bool:
    return a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5


def _expected_labels(name: str) -> int:
    data = payload(prepare(load(TRIPS[name])))
    return sum(1 for t in data["trips"] for m in t["markers"] if not m.get("same"))


@pytest.mark.parametrize("name", list(TRIPS))
def test_first_view_labels_every_stop_without_overlaps(
    pages: dict[str, Path], name: str, artifacts: Path
) -> None:
    from itinerary.render.browser import browser_page

    with browser_page() as page:
        _open(page, pages[name])
        assert page.console_errors == [] and page.blocked_requests == []
        labels = page.evaluate(BOXES_JS, ".itn-label")
        stops = page.evaluate(BOXES_JS, ".itn-label-stop")
        assert len(stops) == _expected_labels(name)  # every stop (or shared place) labelled
        markers = page.evaluate(BOXES_JS, ".itn-stop")
        for i, a in enumerate(labels):
            for b in labels[i + 1 :]:
                assert not _intersect(a, b), (a[4], b[4])
            for m in markers:
                assert not _intersect(a, m), (a[4], m[4])
        view = page.evaluate(VIEW_JS)
        drawn = page.evaluate(BOXES_JS, "path.itn-leg") + markers + stops
        for d in drawn:  # every line, marker and label inside the first view
            assert (
                view[0] - 1 <= d[0] and d[2] <= view[2] + 1 and view[1] - 1 <= d[1] and d[3] <= view[3] + 1
            ), d[4]
        page.screenshot(path=str(artifacts / f"labels-{name}.png"))


def test_basemap_labels_in_the_chosen_language(tmp_path: Path) -> None:
    from itinerary.render.browser import browser_page

    path = tmp_path / "fr.html"
    save_map(make_map(load(TRIPS["kyiv"]), offline=True, lang="fr"), path)
    with browser_page() as page:
        _open(page, path)
        names = [b[4] for b in page.evaluate(BOXES_JS, ".itn-bl")]
        assert "Moscou" in names or "Mer Noire" in names
        page.evaluate(ZOOM_IN_JS)
        page.wait_for_timeout(200)
        after = [b[4] for b in page.evaluate(BOXES_JS, ".itn-bl")]
        assert set(after) - set(names)  # zooming in reveals labels hidden at the lower zoom


def test_pacific_crossing_is_drawn_continuously(pages: dict[str, Path]) -> None:
    from itinerary.render.browser import browser_page

    data = payload(prepare(load(TRIPS["hanoi"])))
    trump = data["trips"][0]["legs"][0]["paths"]
    assert len(trump) == 1  # one continuous line, not split at the antimeridian
    lons = [p[1] for p in trump[0]]
    assert max(abs(a - b) for a, b in itertools.pairwise(lons)) < 10
    assert lons[0] > 180 and abs(lons[-1] - 105.85) < 0.01  # Washington drawn east of the date line
    with browser_page() as page:
        _open(page, pages["hanoi"])
        (leg,) = page.evaluate(BOXES_JS, "path.itn-leg.itn-mode-air")
        hanoi = page.evaluate(BOXES_JS, ".itn-stop[title='Hanoi']")
        assert len(hanoi) == 2  # Trump's and Kim's (Dong Dang, nearby, may be moved aside)
        wash = next(m for m in page.evaluate(BOXES_JS, ".itn-stop") if m[4] == "1" and m[0] > 600)
        # the arc runs from Washington's marker to Hanoi's, both inside its box
        assert leg[0] <= min(h[0] for h in hanoi) + 12 and leg[2] >= wash[0] + 4


def test_live_route_goes_round_a_cancelled_stop(pages: dict[str, Path]) -> None:
    from itinerary.render.browser import browser_page

    data = payload(prepare(load(TRIPS["pyongyang"])))
    legs = {(leg["from"], leg["to"]): leg["status"] for leg in data["trips"][0]["legs"]}
    assert legs[("Pyongyang", "Hanoi")] == "planned"
    assert legs[("Pyongyang", "Khabarovsk")] == legs[("Khabarovsk", "Hanoi")] == "cancelled"
    with browser_page() as page:
        _open(page, pages["pyongyang"])
        assert page.locator("path.itn-leg-planned").count() == 1
        assert page.locator("path.itn-leg-cancelled").count() == 2
        assert page.locator("path.itn-leg-cancelled").first.get_attribute("stroke") == "#888888"
        assert page.locator(".itn-label-cancelled").count() == 1


def test_repeated_visit_is_one_marker_with_both_visits(pages: dict[str, Path]) -> None:
    from itinerary.render.browser import browser_page

    with browser_page() as page:
        _open(page, pages["kyiv"])
        assert page.locator(".itn-stop").count() == 4  # six stops, two places visited twice
        page.locator(".leaflet-marker-icon[title='Przemyśl']").click()
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for()
        text = popup.inner_text()
        assert text.startswith("3, 5. Przemyśl") and "Stop 3" in text and "Stop 5" in text
        assert "22 Aug 2024" in text and "24 Aug 2024" in text
        assert page.locator(".itn-legend-totals").first.inner_text().endswith("4 days")


@pytest.mark.parametrize("name", ["seed18", "hanoi"])
def test_markers_never_hide_one_another(pages: dict[str, Path], name: str) -> None:
    """Markers of nearby stops are moved apart at the first view (with a leader line from the
    true place), so each stop's own marker is on top at its centre: no number is hidden."""
    from itinerary.render.browser import browser_page

    js = """() => Array.from(document.querySelectorAll('.itn-stop')).map(e => {
        const r = e.getBoundingClientRect(), x = (r.left + r.right) / 2, y = (r.top + r.bottom) / 2;
        const top = document.elementFromPoint(x, y);
        return [e.textContent, !!top && (top === e || e.contains(top))]; })"""
    with browser_page() as page:
        _open(page, pages[name])
        shown = page.evaluate(js)
        assert len(shown) == page.locator(".itn-stop").count() > 0
        assert [t for t, ok in shown if not ok] == []


def test_phone_screen(pages: dict[str, Path], artifacts: Path) -> None:
    from itinerary.render.browser import browser_page

    with browser_page(width=390, height=844) as page:
        _open(page, pages["seed14"])
        assert page.console_errors == []
        assert page.locator(".leaflet-control-layers-expanded").count() == 0  # collapsed
        assert page.locator(".itn-legend.itn-legend-closed").count() == 1
        assert page.locator(".itn-minimap").count() == 0
        area = page.evaluate(
            """() => Array.from(document.querySelectorAll('.leaflet-control'))
                .map(e => e.getBoundingClientRect()).reduce((s, r) => s + r.width * r.height, 0)"""
        )
        assert area / (390 * 844) < 0.15
        labels = page.evaluate(BOXES_JS, ".itn-label")
        for i, a in enumerate(labels):
            for b in labels[i + 1 :]:
                assert not _intersect(a, b), (a[4], b[4])
        page.locator(".itn-legend-title").click()
        assert page.locator(".itn-legend.itn-legend-closed").count() == 0  # the legend unfolds
        page.screenshot(path=str(artifacts / "labels-seed14-phone.png"))


def test_online_map_draws_without_network_and_says_so(tmp_path: Path, artifacts: Path) -> None:
    from itinerary.render.browser import browser_page

    path = tmp_path / "online.html"
    save_map(make_map(load(TRIPS["pyongyang"])), path)
    html = path.read_text("utf-8")
    assert "<script src=" not in html  # Leaflet is inlined: a notebook needs no network for it
    with browser_page() as page:
        _open(page, path)
        assert page.locator(".itn-stop").count() == 4 and page.locator(".itn-label-stop").count() == 4
        page.wait_for_selector(".itn-notice")
        assert "need the network" in page.locator(".itn-notice").inner_text()
        assert page.blocked_requests and all("arcgisonline" in u for u in page.blocked_requests)
        page.locator(".itn-notice-close").click()  # the notice can be closed, uncovering the map
        assert page.locator(".itn-notice").count() == 0


@pytest.mark.parametrize("name", ["seed14", "hanoi", "kyiv", "pyongyang", "oceania"])
def test_golden_screenshots(pages: dict[str, Path], name: str, artifacts: Path) -> None:
    from PIL import Image
    from pixelmatch.contrib.PIL import pixelmatch

    from itinerary.render.browser import browser_page

    shot = artifacts / f"golden-{name}-now.png"
    with browser_page() as page:
        _open(page, pages[name])
        page.screenshot(path=str(shot))
    path = GOLDEN / f"map-{name}.png"
    if os.environ.get("ITINERARY_UPDATE_GOLDEN"):
        GOLDEN.mkdir(parents=True, exist_ok=True)
        Image.open(shot).convert("RGB").save(path)
    now, golden = Image.open(shot).convert("RGB"), Image.open(path).convert("RGB")
    assert now.size == golden.size
    diff = Image.new("RGBA", now.size)  # pixelmatch writes RGBA pixels
    bad = pixelmatch(golden, now, diff, threshold=0.2)
    if bad:
        diff.save(artifacts / f"golden-{name}-diff.png")
    assert bad / (now.width * now.height) <= 0.02
