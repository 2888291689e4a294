"""Print maps for a graphics desk, the checks beyond tests/render/test_print.py: the scale bar
and the locator globe clear of the title, the legend and every label (the globe hides no stop);
every label, country and sea name a real SVG ``<text>`` element; every PDF font embedded as
TrueType; and the label placement read from the theme (``print.labels`` and the shared
``labels.directions`` in theme.json).

The trips of tests/render/test_print.py (real places, pinned coordinates) on the mini data."""

from __future__ import annotations

import dataclasses
import io
import json
import re
import xml.etree.ElementTree as ElementTree
from importlib import resources
from typing import Any

import pytest

from itinerary import load
from itinerary.io.yaml import loads
from itinerary.prepare import Prepared, prepare
from itinerary.render import static
from itinerary.theme import label_placement, theme
from tests.render.test_print import DENSE, PACIFIC

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("mini_data_for_module")]


@pytest.fixture(scope="module")
def trips() -> dict[str, Prepared]:
    return {"pacific": prepare(load(PACIFIC)), "dense": prepare(loads(DENSE))}


def _overlap(a: Any, b: Any) -> bool:
    return bool(a.x0 < b.x1 - 0.5 and b.x0 < a.x1 - 0.5 and a.y0 < b.y1 - 0.5 and b.y0 < a.y1 - 0.5)


def _furniture(fig: Any) -> dict[str, Any]:
    """Display boxes of the title, legend, scale bar and locator globe (those drawn)."""
    from matplotlib_scalebar.scalebar import ScaleBar

    ax = fig.axes[0]
    r = fig.canvas.get_renderer()
    out = {
        "title": next(t for t in ax.texts if t.get_zorder() == 10).get_window_extent(r),
        "legend": ax.get_legend().get_window_extent(r),
    }
    bars = [a for a in ax.artists if isinstance(a, ScaleBar)]
    if bars:
        out["scale bar"] = bars[0].info.window_extent
    if len(fig.axes) > 1:
        out["locator"] = fig.axes[1].get_window_extent(r)
    return out


def test_scale_bar_and_locator_keep_clear_of_title_legend_labels_and_stops(
    trips: dict[str, Prepared],
) -> None:
    import matplotlib.pyplot as plt

    drawn: set[str] = set()
    for name in trips:
        for size in static.SIZES:
            fig = static.figure(trips[name], size=size, label_time=0.5)
            try:
                fig.canvas.draw()
                ax, r = fig.axes[0], fig.canvas.get_renderer()
                boxes = _furniture(fig)
                drawn |= set(boxes)
                labels = [t for t in ax.texts if t.get_zorder() == 8]
                for what in ("scale bar", "locator"):
                    if what not in boxes:
                        continue
                    for other in ("title", "legend"):
                        assert not _overlap(boxes[what], boxes[other]), (name, size, what, other)
                    for t in labels:
                        assert not _overlap(boxes[what], t.get_window_extent(r)), (name, size, what, t)
                if "locator" in boxes:  # the globe hides no stop
                    stops = [ln for ln in ax.lines if ln.get_marker() in ("o", "X")]
                    for ln in stops:
                        xy = ax.transData.transform(list(zip(ln.get_xdata(), ln.get_ydata(), strict=True)))
                        assert not any(boxes["locator"].contains(x, y) for x, y in xy), (name, size)
            finally:
                plt.close(fig)
    assert {"scale bar", "locator"} <= drawn  # the checks above ran on both


def _svg_texts(svg: bytes) -> list[str]:
    root = ElementTree.fromstring(svg)  # our own file, not untrusted input
    return ["".join(e.itertext()) for e in root.iter("{http://www.w3.org/2000/svg}text")]


def _pdf_font_subtypes(pdf: bytes) -> list[str]:
    """The /Subtype of every font dictionary (matplotlib writes them uncompressed)."""
    found: list[bytes] = re.findall(rb"/Type\s*/Font\b[^>]*?/Subtype\s*/(\w+)", pdf)
    found += re.findall(rb"/Subtype\s*/(\w+)[^>]*?/Type\s*/Font\b", pdf)
    return [f.decode("ascii") for f in found]


@pytest.mark.parametrize("name", ["pacific", "dense"])
def test_every_word_stays_text_in_svg_and_truetype_in_pdf(trips: dict[str, Prepared], name: str) -> None:
    import matplotlib.pyplot as plt

    fig = static.figure(trips[name], size="column", label_time=0.5)
    try:
        svg, pdf = io.BytesIO(), io.BytesIO()
        with plt.rc_context(static.FONT_RC):
            fig.savefig(svg, format="svg")
            fig.savefig(pdf, format="pdf")
        ax = fig.axes[0]
        words = [t.get_text() for t in ax.texts if t.get_zorder() in (8, 2.5)]  # labels, place names
        words += [t.get_text() for t in ax.get_legend().get_texts()]
    finally:
        plt.close(fig)
    texts = _svg_texts(svg.getvalue())
    assert any(t.get_zorder() == 2.5 for t in ax.texts)  # a country or sea name is there to check
    for word in words:
        for line in word.split("\n"):
            assert line in texts, line
    fonts = _pdf_font_subtypes(pdf.getvalue())
    assert fonts and set(fonts) <= {"TrueType", "Type0", "CIDFontType2"}, fonts


def test_the_theme_holds_the_label_placement_and_keeps_it_out_of_the_browser_payload() -> None:
    data = json.loads(resources.files("itinerary").joinpath("theme.json").read_text("utf-8"))
    lp = label_placement()
    assert list(lp.gaps_pt) == data["print"]["labels"]["gaps_pt"]
    assert [list(d) for d in lp.directions] == data["labels"]["directions"]  # shared with the HTML map
    assert "print" not in theme() and set(theme()) == set(data) - {"print"}


def test_the_print_renderer_places_labels_by_the_theme(monkeypatch: pytest.MonkeyPatch) -> None:
    """Three capitals far apart: with only "left, 20 pt away" allowed, every label sits wholly
    left of its marker by 20 pt or more (the shipped theme puts them right, 3 pt away)."""
    import matplotlib.pyplot as plt

    from itinerary.render.static import placement

    three = loads(
        "itinerary: 1\ntitle: Three capitals\ntrips:\n  - id: t\n    traveller: T\n    mode: air\n"
        "    stops:\n      - {place: Lisbon, lat: 38.7223, lon: -9.1393, status: confirmed}\n"
        "      - {place: Oslo, lat: 59.9139, lon: 10.7522, status: confirmed}\n"
        "      - {place: Athens, lat: 37.9838, lon: 23.7275, status: confirmed}\n"
    )
    p = prepare(three)

    def gaps(figure: Any) -> list[float]:
        ax = figure.axes[0]
        r, unit = figure.canvas.get_renderer(), figure.dpi / 72.0
        labels = [t for t in ax.texts if t.get_zorder() == 8]
        assert len(labels) == 3
        out = []
        for t, s in zip(labels, p.itinerary.trips[0].stops, strict=True):
            x, _ = ax.transData.transform(
                ax.projection.transform_point(s.lon, s.lat, ax.projection.as_geodetic())
            )
            out.append((x - t.get_window_extent(r).x1) / unit)  # points from the label's right edge
        return out

    fig = static.figure(p, size="16:9", label_time=0.5)
    try:
        assert all(g < 0 for g in gaps(fig))  # the shipped theme: right of the marker
    finally:
        plt.close(fig)
    left = dataclasses.replace(label_placement(), gaps_pt=(20.0,), directions=((-1, 0),))
    monkeypatch.setattr(placement, "label_placement", lambda: left)
    fig = static.figure(p, size="16:9", label_time=0.5)
    try:
        assert all(g >= 20 for g in gaps(fig)), gaps(fig)
    finally:
        plt.close(fig)
