"""Where markers overlap, the reader can see every stop they hold: the tooltip and the popup of
a marker in a cluster list every stop of the cluster (real headless Chromium, network blocked)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from itinerary import load
from itinerary.render import make_map, save_map
from tests.conftest import SEED_18

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("mini_data_for_module")]

# Each marker: its stop numbers and its box at its true place (undoing the screen offset that
# moves overlapping markers apart).
MARKERS = """() => [...document.querySelectorAll('.itn-stop')].map((e, i) => {
  const r = e.getBoundingClientRect();
  const t = (e.style.translate || '0px 0px').split(' ').map(parseFloat);
  return {i: i, text: e.textContent.replace('?', ''), x0: r.left - t[0], y0: r.top - (t[1] || 0),
          x1: r.right - t[0], y1: r.bottom - (t[1] || 0), moved: !!(t[0] || t[1])};
})"""


HOVER, UNHOVER, CLICK = (
    f"i => document.querySelectorAll('.itn-stop')[i].dispatchEvent(new MouseEvent('{ev}', {{bubbles: true}}))"
    for ev in ("mouseover", "mouseout", "click")
)


def _clusters(marks: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Markers whose true boxes overlap, joined transitively."""
    parent = list(range(len(marks)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i, a in enumerate(marks):
        for j, b in enumerate(marks[:i]):
            if a["x0"] < b["x1"] and b["x0"] < a["x1"] and a["y0"] < b["y1"] and b["y0"] < a["y1"]:
                parent[root(i)] = root(j)
    groups: dict[int, list[dict[str, Any]]] = {}
    for i, m in enumerate(marks):
        groups.setdefault(root(i), []).append(m)
    return sorted(groups.values(), key=len, reverse=True)


def _numbers(text: str) -> set[str]:
    return set(re.findall(r"\d+", text))


@pytest.fixture(scope="module")
def seed18(tmp_path_factory: pytest.TempPathFactory) -> Path:
    p = tmp_path_factory.mktemp("clusters") / "18.html"
    save_map(make_map(load(SEED_18), offline=True), p)
    return p


def test_a_cluster_lists_every_stop_it_holds(seed18: Path, artifacts: Path) -> None:
    from itinerary.render.browser import browser_page

    with browser_page() as page:
        page.goto(seed18.resolve().as_uri())
        page.wait_for_selector(".itn-stop")
        page.wait_for_timeout(300)
        marks = page.evaluate(MARKERS)
        cluster = _clusters(marks)[0]
        assert len(cluster) >= 3, marks  # Vladivostok: markers that would hide one another
        assert any(m["moved"] for m in cluster)
        expected = set().union(*(_numbers(m["text"]) for m in cluster))
        for m in (cluster[0], cluster[-1]):
            page.evaluate(
                HOVER,
                m["i"],
            )
            page.wait_for_selector(".itn-cluster-tip .itn-cluster-num")
            nums = page.eval_on_selector_all(
                ".itn-cluster-tip .itn-cluster-num", "es => es.map(e => e.textContent)"
            )
            assert {n.rstrip(".") for n in nums} == expected
            head = page.text_content(".itn-cluster-tip .itn-cluster-head") or ""
            assert head == f"{len(expected)} stops here"
            page.evaluate(
                UNHOVER,
                m["i"],
            )
        # the popup (a phone has no hover) lists them too, names as text
        page.evaluate(
            CLICK,
            cluster[0]["i"],
        )
        page.wait_for_selector(".leaflet-popup-content .itn-cluster")
        nums = page.eval_on_selector_all(
            ".leaflet-popup-content .itn-cluster-num", "es => es.map(e => e.textContent)"
        )
        assert {n.rstrip(".") for n in nums} == expected
        assert page.eval_on_selector_all(
            ".leaflet-popup-content .itn-cluster-name", "es => es.every(e => e.children.length === 0)"
        )
        page.screenshot(path=str(artifacts / "map-cluster-18.png"))
        # a marker alone lists only its own stops
        alone = [c[0] for c in _clusters(marks) if len(c) == 1]
        if alone:
            page.keyboard.press("Escape")
            page.evaluate(
                "() => document.querySelectorAll('.itn-stop').forEach(e => "
                "e.dispatchEvent(new MouseEvent('mouseout', {bubbles: true})))"
            )
            page.wait_for_selector(".itn-cluster-tip", state="detached")
            page.evaluate(
                HOVER,
                alone[0]["i"],
            )
            page.wait_for_timeout(100)
            nums = page.eval_on_selector_all(
                ".itn-cluster-tip .itn-cluster-num", "es => es.map(e => e.textContent)"
            )
            assert {n.rstrip(".") for n in nums} == _numbers(alone[0]["text"])
        assert not page.console_errors and not page.blocked_requests
