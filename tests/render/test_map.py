"""The interactive map, checked in a real headless Chromium with the network blocked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from itinerary import load
from itinerary.cli import cli
from itinerary.render import make_map, save_map
from tests.conftest import ROOT, SEED_14, SEED_18

HOSTILE = ROOT / "tests" / "data" / "hostile.yaml"


def _map_var(page) -> str:  # type: ignore[no-untyped-def]
    return str(page.eval_on_selector(".folium-map", "e => e.id"))


def _open_first_popup(page) -> None:  # type: ignore[no-untyped-def]
    """Click the first stop (the confirmed one: confirmed markers are drawn last, above planned
    ones) until its popup shows (a click can land while the map is
    still settling after the previous popup closed, and then toggles nothing)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for attempt in range(3):
        page.locator(".itn-stop.itn-confirmed").first.click()
        try:
            page.wait_for_selector(".leaflet-popup-content", timeout=5_000)
            return
        except PlaywrightTimeout:
            if attempt == 2:
                raise


def _open(page, path: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(path.resolve().as_uri())
    page.wait_for_selector(".itn-stop")
    page.wait_for_timeout(300)


@pytest.fixture(scope="module")
def maps(mini_data_for_module: None, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("maps")
    paths = {}
    for name, src in {"14": SEED_14, "18": SEED_18, "hostile": HOSTILE}.items():
        p = out / f"{name}.html"
        save_map(make_map(load(src), offline=True), p)
        paths[name] = p
    return paths


def test_offline_html_has_no_external_resource(maps: dict[str, Path]) -> None:
    html = maps["14"].read_text()
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=\"https?:", html)
    assert "cdn.jsdelivr" not in html and "code.jquery" not in html
    online = make_map(load(SEED_14)).get_root().render()
    assert "arcgisonline" in online  # the online map uses tiles instead


def test_hostile_text_is_escaped_in_html(maps: dict[str, Path]) -> None:
    html = maps["hostile"].read_text()
    assert "<script>window.__pwned" not in html
    assert "<img src=x" not in html
    assert "<title>&lt;/script&gt;" in html


@pytest.mark.browser
def test_seed_map_in_browser(maps: dict[str, Path], artifacts: Path) -> None:
    from itinerary.render.browser import browser_page

    with browser_page() as page:
        _open(page, maps["14"])
        assert page.console_errors == [] and page.blocked_requests == []
        assert page.locator(".itn-stop").count() == 9
        assert page.locator("path.itn-leg").count() == 6
        assert page.locator("path.itn-connector").count() >= 1  # the missing Vostochny spur, drawn faint
        planned = page.locator("path.itn-leg-planned")
        assert planned.count() == 4
        for i in range(planned.count()):
            assert planned.nth(i).get_attribute("stroke-dasharray")
        confirmed = page.locator("path.itn-leg-confirmed")
        assert confirmed.count() == 2 and confirmed.first.get_attribute("stroke-dasharray") is None
        assert page.locator(".itn-stop.itn-confirmed").count() == 3
        assert page.locator(".itn-stop.itn-planned").count() == 6
        page.screenshot(path=str(artifacts / "seed-14-offline.png"))
        # hiding a trip's layer hides its markers
        row = page.locator(".itn-layer-row", has_text="Sergei Lavrov")  # one row per traveller
        row.locator(".itn-status-toggle[data-itn-status='planned']").click()  # a status inside it
        assert page.locator(".itn-stop").count() == 7
        row.locator(".itn-status-toggle[data-itn-status='planned']").click()
        assert page.locator(".itn-stop").count() == 9
        row.locator("input").uncheck()
        assert page.locator(".itn-stop").count() == 7
        assert page.locator(".itn-layer-row").count() == 3
        # clicking a stop opens its popup with date and note
        page.locator(".leaflet-marker-icon[title='Vostochny Cosmodrome']").click()
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for()
        text = popup.inner_text()
        assert "13 Sept 2023" in text and "confirmed" in text.lower() and "five hours" in text  # CLDR en_GB
        # the facts the payload lists from the field table: role and kind (no mode, no second name)
        assert "Role\nvisit" in text and "Kind\nspaceport" in text and "Arrives by" not in text


@pytest.mark.browser
def test_time_slider_shows_trip_as_of_a_day(maps: dict[str, Path], artifacts: Path) -> None:
    from itinerary.render.browser import browser_page

    with browser_page() as page:
        _open(page, maps["18"])
        assert page.console_errors == [] and page.blocked_requests == []
        slider = page.locator(".itn-slider-input")
        lo = int(slider.get_attribute("min"))
        day = 19613  # 2023-09-13 as days since 1970-01-01
        assert lo <= day
        slider.evaluate(f"(e) => {{ e.value = '{day}'; e.dispatchEvent(new Event('input')); }}")
        titles = page.eval_on_selector_all(".itn-stop", "els => els.map(e => e.title)")
        assert "Vostochny Cosmodrome" in titles
        assert "Komsomolsk-on-Amur" not in titles and "Knevichi Airfield" not in titles
        assert page.locator(".itn-slider-label").inner_text() == "Trip up to 13 Sept 2023"  # CLDR en_GB
        page.screenshot(path=str(artifacts / "seed-18-as-of-2023-09-13.png"))
        slider.evaluate("(e) => { e.value = e.max; e.dispatchEvent(new Event('input')); }")
        assert "Komsomolsk-on-Amur" in page.eval_on_selector_all(".itn-stop", "els => els.map(e => e.title)")


@pytest.mark.browser
def test_scale_bar_text_fits_its_bar(maps: dict[str, Path]) -> None:
    """The scale bar's label ("1000 km") stays inside the bar at every zoom (a page-wide larger
    font made it overflow the bar's right end)."""
    from itinerary.render.browser import browser_page

    with browser_page() as page:
        _open(page, maps["14"])
        name = _map_var(page)
        for zoom in range(2, 10):
            page.evaluate(f"() => window['{name}'].setZoom({zoom}, {{animate: false}})")
            page.wait_for_timeout(50)
            text, inner, box = page.eval_on_selector(
                ".leaflet-control-scale-line", "e => [e.textContent, e.scrollWidth, e.clientWidth]"
            )
            assert inner <= box, (zoom, text, inner, box)


@pytest.mark.browser
@pytest.mark.usefixtures("mini_data")
def test_known_slider_ends_on_the_files_as_of_day(tmp_path: Path) -> None:
    """The "as known on" slider, at its end, names the same day as the legend (the file's
    as_of), not the last source's publication day."""
    from itinerary.render.browser import browser_page

    trip = tmp_path / "t.yaml"
    trip.write_text(
        "itinerary: 1\nas_of: 2019-04-27\nsources:\n"
        "  - {id: a, publisher: A, published: 2019-04-24}\n  - {id: b, publisher: B, published: 2019-04-26}\n"
        "trips:\n  - id: k\n    traveller: K\n    mode: rail\n    stops:\n"
        "      - {place: Pyongyang, lat: 39.0339, lon: 125.7543, status: confirmed, source: a}\n"
        "      - {place: Vladivostok, lat: 43.1056, lon: 131.8735, status: confirmed, source: b}\n",
        "utf-8",
    )
    html = tmp_path / "t.html"
    save_map(make_map(load(trip), offline=True), html)
    with browser_page() as page:
        _open(page, html)
        assert page.locator(".itn-legend-asof").inner_text() == "As known on 27 Apr 2019"
        assert page.locator(".itn-known-label").inner_text() == "As known on 27 Apr 2019"
        slider = page.locator(".itn-known-input")
        slider.evaluate("(e) => { e.value = '0'; e.dispatchEvent(new Event('input')); }")
        assert page.locator(".itn-known-label").inner_text() == "As known on 24 Apr 2019"


@pytest.mark.browser
def test_hostile_text_runs_nothing(maps: dict[str, Path], artifacts: Path) -> None:
    from itinerary.render.browser import browser_page

    with browser_page() as page:
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        _open(page, maps["hostile"])
        for marker in page.locator(".itn-stop").all():
            marker.hover()
            marker.click()
            page.wait_for_timeout(100)
        # close the last popup (a click on its own marker would toggle it shut)
        page.eval_on_selector_all(".leaflet-popup-close-button", "bs => bs.forEach(b => b.click())")
        page.wait_for_selector(".leaflet-popup-content", state="detached", timeout=10_000)
        _open_first_popup(page)
        text = " ".join(page.locator(".leaflet-popup-content").all_inner_texts())
        assert "</script><script>window.__pwned='quote'</script>" in text
        assert "{{ 7*7 }} {# ref 12} {% for x in range(3) %}x{% endfor %}" in text  # shown as typed
        assert page.evaluate("window.__pwned") is None
        assert dialogs == [] and page.blocked_requests == []
        assert page.locator(".itn-popup a").count() == 0  # the javascript: URL is not a link
        assert "<b onmouseover" in page.locator(".leaflet-control-layers").inner_text()
        page.screenshot(path=str(artifacts / "hostile.png"))


def test_cli_map_writes_html_and_png(tmp_path: Path, mini_data: None) -> None:
    out = tmp_path / "m.html"
    png = tmp_path / "m.png"
    res = CliRunner().invoke(cli, ["map", str(SEED_14), "-o", str(out), "--offline", "--png", str(png)])
    assert res.exit_code == 0, res.output
    assert out.stat().st_size > 100_000 and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    bad = CliRunner().invoke(cli, ["map", str(SEED_14), "-o", str(tmp_path / "x.html"), "--tiles", "No.Such"])
    assert bad.exit_code == 1 and "unknown tile provider" in bad.output
    assert not (tmp_path / "x.html").exists()


def test_repr_html_for_jupyter(mini_data: None) -> None:
    html = make_map(load(SEED_14))._repr_html_()
    assert "iframe" in html and "itineraryDraw" in html


def test_hint_regions_only_on_request(mini_data: None) -> None:
    from itinerary.prepare import prepare
    from itinerary.render.map import payload

    p = prepare(load(SEED_14))
    assert any(r.from_hint for r in p.regions)  # "Amur Oblast" and other hints resolve to regions
    plain = [r for t in payload(p)["trips"] for r in t["regions"]]
    asked = [r for t in payload(p, regions=True)["trips"] for r in t["regions"]]
    assert plain and not any(r["from_hint"] for r in plain)  # a stop that is a country stays
    assert any(r["from_hint"] for r in asked) and len(asked) > len(plain)


def test_payload_carries_theme_totals_and_short_dates(mini_data: None) -> None:
    from itinerary.prepare import prepare
    from itinerary.render.map import payload
    from itinerary.theme import theme

    data = payload(prepare(load(SEED_14)))
    assert data["theme"] == theme()
    kim = data["trips"][0]
    assert kim["totals"]["km"] == round(sum(leg["length_km"] for leg in kim["legs"]))
    assert {s["d"] for s in kim["stops"] if s and "d" in s} == {"12 Sept", "13 Sept"}  # CLDR en_GB


@pytest.mark.browser
@pytest.mark.usefixtures("mini_data")
def test_legend_keys_only_what_the_map_draws(tmp_path: Path) -> None:
    """Like the print map's legend, the key lists the statuses, line kinds and regions the map
    draws, and nothing it does not."""
    from itinerary.render.browser import browser_page

    head = "itinerary: 1\ntrips:\n  - id: p\n    traveller: P\n    mode: air\n    stops:\n"
    two = (
        "      - {place: Rome, lat: 41.9028, lon: 12.4964, status: confirmed}\n"
        "      - {place: Jakarta, lat: -6.2088, lon: 106.8456, status: confirmed}\n"
    )
    keys = {}
    for name, stops in (
        ("done", two),
        ("more", two + "      - {place: Dili, lat: -8.5569, lon: 125.5603, status: planned}\n"),
    ):
        trip = tmp_path / f"{name}.yaml"
        trip.write_text(head + stops, "utf-8")
        html = tmp_path / f"{name}.html"
        save_map(make_map(load(trip), offline=True), html)
        with browser_page() as page:
            _open(page, html)
            keys[name] = page.locator(".itn-legend-keys").inner_text().lower()
    assert "confirmed stop" in keys["done"] and "confirmed leg" in keys["done"]
    assert "direction of travel" in keys["done"]
    for absent in ("planned", "cancelled", "region", "mode not reported"):
        assert absent not in keys["done"], (absent, keys["done"])
    assert "planned stop" in keys["more"] and "planned leg" in keys["more"]
    assert "cancelled" not in keys["more"]
