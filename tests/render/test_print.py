"""Print maps for a graphics desk: every size and format of a trans-Pacific trip and of a dense
trip, with nothing cut at the edges, no label under the legend or the title, country and sea
names, an upright projection for the ocean crossing, SVG text kept as <text> and PDF fonts
embedded as TrueType (no Type 3).

Both trips are written by hand (real places, pinned coordinates) and drawn on the mini data."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
from matplotlib.text import Text

from itinerary import load
from itinerary.prepare import Prepared, prepare
from itinerary.render import static
from tests.conftest import ROOT

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("mini_data_for_module")]

PACIFIC = ROOT / "tests" / "data" / "trips" / "g7-hiroshima-2023.yaml"
DENSE = """\
itinerary: 1
title: Pope Francis in Luxembourg and Belgium, 26 to 29 September 2024, a visit of many short stops
trips:
  - id: francis
    traveller: Pope Francis
    mode: road
    stops:
      - {place: Rome, lat: 41.9028, lon: 12.4964, role: origin, status: confirmed, date: 2024-09-26}
      - {place: Luxembourg, lat: 49.6116, lon: 6.1319, status: confirmed, date: 2024-09-26, mode: air}
      - {place: Brussels, lat: 50.8503, lon: 4.3517, status: confirmed, date: 2024-09-26, mode: air}
      - {place: Laeken, lat: 50.8833, lon: 4.3500, status: confirmed, date: 2024-09-27}
      - {place: Leuven, lat: 50.8798, lon: 4.7005, status: confirmed, date: 2024-09-27}
      - {place: Koekelberg, lat: 50.8625, lon: 4.3172, status: confirmed, date: 2024-09-28}
      - {place: Louvain-la-Neuve, lat: 50.6681, lon: 4.6118, status: confirmed, date: 2024-09-28}
      - {place: Heysel, lat: 50.8950, lon: 4.3410, status: confirmed, date: 2024-09-29}
      - {place: Mechelen, lat: 51.0259, lon: 4.4776, status: cancelled, date: 2024-09-29}
      - {place: Rome, lat: 41.9028, lon: 12.4964,
         role: destination, status: confirmed,
         date: 2024-09-29, mode: air}
"""


@pytest.fixture(scope="module")
def trips(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Prepared]:
    dense = tmp_path_factory.mktemp("print") / "dense.yaml"
    dense.write_text(DENSE, "utf-8")
    return {"pacific": prepare(load(PACIFIC)), "dense": prepare(load(dense))}


def _inside(box: Any, fig_box: Any, tol: float = 1.0) -> bool:
    return bool(
        box.x0 >= fig_box.x0 - tol
        and box.y0 >= fig_box.y0 - tol
        and box.x1 <= fig_box.x1 + tol
        and box.y1 <= fig_box.y1 + tol
    )


def _overlap(a: Any, b: Any) -> bool:
    return bool(a.x0 < b.x1 - 0.5 and b.x0 < a.x1 - 0.5 and a.y0 < b.y1 - 0.5 and b.y0 < a.y1 - 0.5)


@pytest.mark.parametrize("size", list(static.SIZES))
@pytest.mark.parametrize("name", ["pacific", "dense"])
def test_print_map_fits_its_size_in_every_format(
    trips: dict[str, Prepared], name: str, size: str, artifacts: Path
) -> None:
    import matplotlib.pyplot as plt

    p = trips[name]
    fig = static.figure(p, size=size, label_time=0.5)
    try:
        fig.canvas.draw()
        r = fig.canvas.get_renderer()
        ax = fig.axes[0]
        legend = ax.get_legend()
        texts = [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
        for t in texts:  # nothing cut at the edges: the title, the legend, every label and name
            assert _inside(t.get_window_extent(r), fig.bbox), t.get_text()
        assert _inside(legend.get_window_extent(r), fig.bbox)
        title = next(t for t in ax.texts if t.get_zorder() == 10)
        assert title.get_text().replace("\n", " ") == p.itinerary.title  # wrapped, never cut
        labels = [t for t in ax.texts if t.get_zorder() == 8]
        assert len(labels) >= 3
        for t in labels:
            box = t.get_window_extent(r)
            assert not _overlap(box, legend.get_window_extent(r)), t.get_text()
            assert not _overlap(box, title.get_window_extent(r)), t.get_text()
        names = [t.get_text() for t in ax.texts if t.get_zorder() == 2.5]
        expected = {
            "pacific": {"Japan", "Pacific Ocean", "Australia", "Mexico"},
            "dense": {"Belgium", "Germany", "France", "Italy", "Luxembourg"},
        }
        assert set(names) & expected[name], names
        if name == "pacific":  # an ocean crossing: north up everywhere (a cylindrical projection)
            assert type(ax.projection).__name__ == "Miller"
        svg, pdf = io.BytesIO(), io.BytesIO()
        with plt.rc_context(static.FONT_RC):
            fig.savefig(svg, format="svg")
            fig.savefig(pdf, format="pdf")
        text = svg.getvalue().decode("utf-8")
        assert len(re.findall(r"<text\b", text)) >= len(labels) + 1
        assert labels[0].get_text().split(". ", 1)[-1].split(",")[0] in text
        body = pdf.getvalue()
        assert b"/Type3" not in body and b"/FontFile2" in body
        fig.savefig(artifacts / f"print-{name}-{size.replace(':', 'x')}.png", dpi=100)
    finally:
        plt.close(fig)


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_save_static_writes_editable_text(trips: dict[str, Prepared], suffix: str, tmp_path: Path) -> None:
    out = tmp_path / f"pacific{suffix}"
    static.save_static(trips["pacific"], out, size="column", dpi=100)
    body = out.read_bytes()
    if suffix == ".svg":
        assert b"<text" in body and b"Hiroshima" in body
    elif suffix == ".pdf":
        assert b"/Type3" not in body and b"/FontFile2" in body
    else:
        assert body.startswith(b"\x89PNG")
