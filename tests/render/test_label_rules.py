"""Label placement is one rule for the print map and the HTML map: both read the theme's
``labels`` (the sides tried, in order), each its own gaps (points, screen pixels), and the
browser runtime keeps no placement constant of its own."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest

from itinerary import load
from itinerary.render import assets
from itinerary.theme import _theme_file, label_placement, theme
from tests.conftest import SEED_14


def test_both_maps_read_the_theme_s_directions_and_the_payload_carries_them() -> None:
    directions = [tuple(d) for d in _theme_file()["labels"]["directions"]]
    assert list(label_placement().directions) == directions
    assert theme()["labels"] == _theme_file()["labels"]  # what the payload's theme carries
    assert "print" not in theme()


def test_the_runtime_reads_every_screen_setting_and_has_no_placement_constant_of_its_own() -> None:
    js = assets.runtime_js()
    screen = set(_theme_file()["labels"]["screen"])
    read = set(re.findall(r"PLACING\.(\w+)", js)) | set(re.findall(r"labels\.screen\.(\w+)", js))
    assert read == screen  # no key the runtime ignores, none it reads that the theme lacks
    assert "labels.directions" in js
    assert not re.search(r"\b(DIRS|GAPS|CLUSTER_PX)\s*=\s*\[?\d", js)
    assert not re.search(r"\bDIRS\s*=\s*\[\[", js)


def test_both_maps_draw_a_leader_line_beyond_the_first_gap() -> None:
    """The one leader rule, read from each renderer's source (a label at the first gap sits
    against its marker; beyond it, a line joins them)."""
    from importlib import resources

    placement = resources.files("itinerary.render.static").joinpath("placement.py").read_text("utf-8")
    assert "> lp.gaps_pt[0]" in placement
    assert "pos.gap > GAPS[0]" in assets.runtime_module("labels")


BOXES_JS = """sel => Array.from(document.querySelectorAll(sel))
  .filter(e => getComputedStyle(e).display !== 'none')
  .map(e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })"""


def _beside_left(labels: list[list[float]], markers: list[list[float]], gap: float) -> list[list[float]]:
    """The labels that do not sit level with a marker, ``gap`` px or more to its left."""

    def left_of(lab: list[float], m: list[float]) -> bool:
        level = abs((lab[1] + lab[3]) / 2 - (m[1] + m[3]) / 2) <= 2.0
        return level and m[0] - lab[2] >= gap - 1.0

    return [lab for lab in labels if not any(left_of(lab, m) for m in markers)]


def _screen_boxes(path: Path) -> tuple[list[Any], list[Any]]:
    from itinerary.render.browser import browser_page

    with browser_page() as page:
        page.goto(path.resolve().as_uri())
        page.wait_for_selector(".itn-label-stop")
        page.wait_for_timeout(200)
        assert page.console_errors == []
        return page.evaluate(BOXES_JS, ".itn-label-stop"), page.evaluate(BOXES_JS, ".itn-stop")


@pytest.mark.browser
@pytest.mark.data
def test_screen_labels_follow_the_theme(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the shipped theme some label sits right of its marker (the first side tried); with a
    theme whose only side is 'left' every label sits level with a marker, to its left."""
    from itinerary.render import make_map, save_map

    shipped = tmp_path / "shipped.html"
    save_map(make_map(load(SEED_14), offline=True), shipped)
    labels, markers = _screen_boxes(shipped)
    assert labels and _beside_left(labels, markers, 3.0)

    left = copy.deepcopy(theme())
    left["labels"]["directions"] = [[-1, 0]]
    left["labels"]["screen"]["gaps_px"] = [6, 22, 48, 80, 120, 170]
    monkeypatch.setattr("itinerary.render.payload.theme", lambda: left)
    moved = tmp_path / "left.html"
    save_map(make_map(load(SEED_14), offline=True), moved)
    labels, markers = _screen_boxes(moved)
    assert labels
    assert _beside_left(labels, markers, 6.0) == []
