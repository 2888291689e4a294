"""The interactive map in headless Chromium (network blocked), on hand-written trips: a stop to
be checked and an implausible leg drawn as doubtful; two trips on opposite oceans in one
longitude frame (every line ends on its marker, at the first view and after panning); a phone
screen where each label stays by its own marker; a return and a planned leg over a confirmed one,
all visible; a corpus map of 20 travellers (one layer row each, a folding legend, a summary
title, popups clear of the controls).

The trips are drawn on the mini data (pinned coordinates, great circles)."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest

from itinerary import load
from itinerary.errors import RoutingWarning
from itinerary.prepare import prepare
from itinerary.render import make_map, save_map
from tests.conftest import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("mini_data_for_module")]

TRIPS = ROOT / "tests" / "data" / "trips"
FILES = {
    "doubt": TRIPS / "doubtful-sf-2023.yaml",
    "oceans": TRIPS / "two-oceans-2022.yaml",
    "g7": TRIPS / "g7-hiroshima-2023.yaml",
    "return": TRIPS / "return-planned-2024.yaml",
}

# 20 capitals (real coordinates); traveller i goes from one to the next and back
CAPITALS = [
    ("Washington", 38.8951, -77.0364),
    ("Ottawa", 45.4215, -75.6972),
    ("Mexico City", 19.4326, -99.1332),
    ("Brasília", -15.7939, -47.8828),
    ("Buenos Aires", -34.6037, -58.3816),
    ("London", 51.5072, -0.1276),
    ("Paris", 48.8566, 2.3522),
    ("Berlin", 52.52, 13.405),
    ("Rome", 41.9028, 12.4964),
    ("Warsaw", 52.2297, 21.0122),
    ("Kyiv", 50.4501, 30.5234),
    ("Moscow", 55.7558, 37.6173),
    ("Ankara", 39.9334, 32.8597),
    ("Cairo", 30.0444, 31.2357),
    ("Nairobi", -1.2921, 36.8219),
    ("New Delhi", 28.6139, 77.209),
    ("Beijing", 39.9042, 116.4074),
    ("Tokyo", 35.6762, 139.6503),
    ("Canberra", -35.2809, 149.13),
    ("Pretoria", -25.7479, 28.2293),
]


def _corpus_yaml() -> str:
    lines = ["itinerary: 1", "trips:"]
    for i in range(20):
        a, b, c = CAPITALS[i], CAPITALS[(i + 7) % 20], CAPITALS[(i + 3) % 20]
        year = 2019 + i % 6

        def stop(place: tuple[str, float, float], status: str, day: int, year: int = year) -> str:
            where = f"place: {place[0]}, lat: {place[1]}, lon: {place[2]}"
            return f"      - {{{where}, status: {status}, date: {year}-03-{day:02}}}"

        lines += [f"  - id: t{i}", f"    traveller: Leader {chr(65 + i)}", "    mode: air", "    stops:"]
        lines += [stop(a, "confirmed", 1), stop(b, "confirmed", 2), stop(a, "confirmed", 4)]
        if i % 3 == 0:  # a planned trip after
            lines.append(stop(c, "planned", 20))
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("trust")
    corpus = out / "corpus.yaml"
    corpus.write_text(_corpus_yaml(), "utf-8")
    paths = {}
    for name, src in {**FILES, "corpus": corpus}.items():
        path = out / f"{name}.html"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RoutingWarning)  # no toy railway in Ukraine
            save_map(make_map(prepare(load(src)), offline=True), path)
        paths[name] = path
    return paths


def _open(page: Any, path: Path) -> None:
    page.goto(path.resolve().as_uri())
    page.wait_for_selector(".itn-stop")
    page.wait_for_timeout(200)
    assert page.console_errors == [] and page.blocked_requests == []


MAP = "Object.values(window).find(v => v && v.itinerary && v.setZoom)"
# per leg: the distance (px) from each end's marker to the nearest end of the leg's lines
LEG_ENDS_JS = f"""() => {{ const m = {MAP}; const out = [];
  m.itinerary.items.forEach(x => {{
    if (!x.leg) return;
    const ends = [];
    x.layer.eachLayer(pl => {{
      if (!pl.getLatLngs || pl.options.className === 'itn-doubt-halo') return;
      const ll = pl.getLatLngs(); ends.push(ll[0], ll[ll.length - 1]);
    }});
    const pts = ends.map(e => m.latLngToContainerPoint(e));
    out.push([x.leg.from + ' -> ' + x.leg.to].concat(x.ends.map(e => {{
      const q = m.latLngToContainerPoint(e.layer.getLatLng());
      return Math.min(...pts.map(p => Math.hypot(p.x - q.x, p.y - q.y)));
    }})));
  }});
  return out; }}"""
BOXES_JS = """sel => Array.from(document.querySelectorAll(sel))
  .filter(e => getComputedStyle(e).display !== 'none')
  .map(e => { const r = e.getBoundingClientRect();
              return [r.left, r.top, r.right, r.bottom, e.textContent]; })"""


def _intersect(a: list[Any], b: list[Any]) -> bool:
    return bool(a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5)


def test_doubtful_stop_and_implausible_leg(pages: dict[str, Path], artifacts: Path) -> None:
    from itinerary.render.browser import browser_page

    with browser_page() as page:
        _open(page, pages["doubt"])
        assert page.locator(".itn-stop.itn-doubt").count() == 2  # Strathmore and Moscow
        assert page.locator(".itn-stop:not(.itn-doubt)").count() == 2
        assert page.locator(".itn-label-doubtful").count() == 2
        assert page.locator("path.itn-leg-doubtful").count() >= 1
        assert page.locator("path.itn-doubt-halo").count() >= 1
        keys = page.locator(".itn-legend-keys").inner_text()
        assert "to be checked" in keys and "implausible leg" in keys
        assert "1 doubtful leg not counted" in page.locator(".itn-legend-totals").inner_text()
        page.screenshot(path=str(artifacts / "trust-doubt.png"))
        page.locator(".leaflet-marker-icon[title='Moscow']").click()
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for()
        text = popup.inner_text()
        assert "To be checked" in text and "Moscone Center" in text and "implausible leg" in text
        page.screenshot(path=str(artifacts / "trust-doubt-popup.png"))


def test_two_trips_on_opposite_oceans_share_one_frame(pages: dict[str, Path], artifacts: Path) -> None:
    from itinerary.render.browser import browser_page

    with browser_page() as page:
        _open(page, pages["oceans"])
        first = page.evaluate(LEG_ENDS_JS)
        assert len(first) == 7
        for leg, *gaps in first:
            assert max(gaps) < 2, (leg, gaps)  # every line ends on its markers
        page.screenshot(path=str(artifacts / "trust-oceans.png"))
        view = page.evaluate(
            """() => { const r = document.querySelector('.folium-map').getBoundingClientRect();
                       return [r.left, r.top, r.right, r.bottom]; }"""
        )
        for d in page.evaluate(BOXES_JS, ".itn-stop"):  # the first view holds every marker
            assert view[0] <= d[0] and d[2] <= view[2] and view[1] <= d[1] and d[3] <= view[3], d[4]
        for dx, dy in ((400, 0), (-900, 150), (300, -100)):
            page.evaluate(f"() => {MAP}.panBy([{dx}, {dy}], {{animate: false}})")
            page.wait_for_timeout(100)
            for leg, *gaps in page.evaluate(LEG_ENDS_JS):
                assert max(gaps) < 2, (leg, gaps)
        page.screenshot(path=str(artifacts / "trust-oceans-panned.png"))


def test_phone_labels_stay_by_their_markers(pages: dict[str, Path], artifacts: Path) -> None:
    from itinerary.render.browser import browser_page

    js = f"""() => {{ const m = {MAP}; const its = m.itinerary.labels.items.filter(it => it.marker);
      const vis = its.filter(it => it.el && it.el.style.display !== 'none' && m.hasLayer(it.marker));
      const rect = e => e.getBoundingClientRect();
      const gap = (a, b) => Math.hypot(Math.max(a.left - b.right, 0, b.left - a.right),
                                       Math.max(a.top - b.bottom, 0, b.top - a.bottom));
      return vis.map(it => {{ const l = rect(it.el), own = gap(l, rect(it.marker.getElement()));
        const other = Math.min(Infinity, ...its.filter(o => o !== it && m.hasLayer(o.marker))
          .map(o => gap(l, rect(o.marker.getElement()))));
        return [it.name, own, other]; }}); }}"""
    with browser_page(width=390, height=844) as page:
        _open(page, pages["g7"])
        placed = page.evaluate(js)
        assert len(placed) >= 4
        for name, own, other in placed:
            assert own <= 50, (name, own)  # a short leader at most
            assert own <= other, (name, own, other)  # never nearer another marker
        labels = page.evaluate(BOXES_JS, ".itn-label")
        for i, a in enumerate(labels):
            for b in labels[i + 1 :]:
                assert not _intersect(a, b), (a[4], b[4])
        page.screenshot(path=str(artifacts / "trust-g7-phone.png"))


def test_return_and_planned_leg_over_a_confirmed_one_stay_visible(
    pages: dict[str, Path], artifacts: Path
) -> None:
    from itinerary.render.browser import browser_page

    mids = f"""() => {{ const m = {MAP};
      return m.itinerary.items.filter(x => x.leg).map(x => {{ const pts = [];
        x.layer.eachLayer(pl => {{ if (pl.getLatLngs) pl.getLatLngs().forEach(q => pts.push(q)); }});
        const p = m.latLngToContainerPoint(pts[Math.floor(pts.length / 2)]);
        return [x.leg.status, p.x, p.y]; }}); }}"""
    with browser_page() as page:
        _open(page, pages["return"])
        legs = page.evaluate(mids)
        assert sorted(s for s, _, _ in legs) == ["confirmed", "confirmed", "planned"]
        for i, a in enumerate(legs):
            for b in legs[i + 1 :]:
                assert ((a[1] - b[1]) ** 2 + (a[2] - b[2]) ** 2) ** 0.5 > 10, (a, b)  # apart at their middles
        order = page.eval_on_selector_all(
            "path.itn-leg", "ps => ps.map(p => p.classList.contains('itn-leg-planned'))"
        )
        assert order.index(True) < len(order) - 1 and order[-1] is False  # confirmed drawn above planned
        page.screenshot(path=str(artifacts / "trust-return.png"))


def test_corpus_map_of_20_travellers(pages: dict[str, Path], artifacts: Path) -> None:
    from itinerary.render.browser import browser_page

    with browser_page() as page:
        _open(page, pages["corpus"])
        assert page.locator(".itn-layer-row").count() == 20  # one row per traveller
        toggles = page.locator(".itn-layer-row .itn-status-toggle").count()
        assert toggles == 20 + 7  # confirmed for each traveller, planned for 7
        assert page.locator(".itn-legend-title").inner_text().startswith("20 travellers, 2019\u20132024")
        assert page.title() == "20 travellers, 2019\u20132024"
        view = page.viewport_size
        controls = page.evaluate(BOXES_JS, ".leaflet-control")
        for c in controls:
            assert c[0] >= 0 and c[1] >= 0 and c[2] <= view["width"] and c[3] <= view["height"], c[4][:40]
        page.locator(".itn-legend-title").click()  # many travellers: the legend starts folded
        page.wait_for_timeout(100)
        controls = page.evaluate(BOXES_JS, ".leaflet-control")
        for i, a in enumerate(controls):
            for b in controls[i + 1 :]:
                assert not _intersect(a, b), (a[4][:30], b[4][:30])
        body = page.evaluate(
            "() => { const b = document.querySelector('.itn-legend-body');"
            " return [b.scrollHeight, b.clientHeight, getComputedStyle(b).overflowY]; }"
        )
        assert body[2] == "auto" and body[1] <= view["height"] * 0.5
        page.screenshot(path=str(artifacts / "trust-corpus.png"))
        # a traveller's row hides the whole trip; a status toggle only that status
        row = page.locator(".itn-layer-row").filter(has_text="Leader A")
        assert page.locator(".itn-stop[data-itn-trip='t0']").count() == 3
        row.locator(".itn-status-toggle[data-itn-status='planned']").click()
        assert page.locator(".itn-stop[data-itn-trip='t0']").count() == 2
        row.locator("input").uncheck()
        assert page.locator(".itn-stop[data-itn-trip='t0']").count() == 0
        row.locator("input").check()
        assert page.locator(".itn-stop[data-itn-trip='t0']").count() == 2
        # a popup of a marker beside the zoom and minimap controls pans clear of them
        marker = page.locator(".itn-stop[data-itn-trip='t5']").first
        box = marker.bounding_box()
        dx, dy = box["x"] + box["width"] / 2 - 170, box["y"] + box["height"] / 2 - 110
        page.evaluate(f"() => {MAP}.panBy([{dx}, {dy}], {{animate: false}})")
        page.wait_for_timeout(100)
        marker.click()
        page.locator(".leaflet-popup-content").wait_for()
        page.wait_for_timeout(300)
        popup = page.evaluate(BOXES_JS, ".leaflet-popup-content-wrapper")[0]
        for c in page.evaluate(BOXES_JS, ".leaflet-control"):
            assert not _intersect(popup, c), c[4][:30]
        page.screenshot(path=str(artifacts / "trust-corpus-popup.png"))
