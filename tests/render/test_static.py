"""Print maps: formats from the suffix, framing without blank bands, labels without overlaps,
literal text, totals, and golden images compared with a tolerance (pixelmatch).

Regenerate the golden images after an intended change of the drawing with
``ITINERARY_UPDATE_GOLDEN=1 pytest tests/render/test_static.py`` and look at them before committing.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from PIL import Image

from itinerary import load
from itinerary.cli import cli
from itinerary.prepare import Prepared, prepare
from itinerary.render import static
from tests.conftest import ROOT, SEED_14

# Golden images of trips geocoded and routed on the shipped data (rail lines, nearest places).
pytestmark = pytest.mark.data

FIXTURES = ROOT / "tests" / "data" / "trips"
GOLDEN = ROOT / "tests" / "data" / "golden"
TRIPS = {
    "seed14": SEED_14,
    "hanoi": FIXTURES / "hanoi-2019.yaml",
    "kyiv": FIXTURES / "kyiv-2024.yaml",
    "pyongyang": FIXTURES / "pyongyang-2024.yaml",
    "oceania": FIXTURES / "oceania-2024.yaml",
}


@pytest.fixture(scope="module")
def prepared() -> dict[str, Prepared]:
    return {name: prepare(load(path)) for name, path in TRIPS.items()}


def _png(p: Prepared, size: str = "16:9", dpi: int = 60) -> Image.Image:
    fig = static.figure(p, size=size)
    try:
        buf = io.BytesIO()
        fig.savefig(buf, dpi=dpi, format="png")
    finally:
        import matplotlib.pyplot as plt

        plt.close(fig)
    return Image.open(io.BytesIO(buf.getvalue())).convert("RGB")


def _longest_blank_run(img: Image.Image) -> float:
    """The longest run of rows with nothing drawn (figure background only), as a share of the height."""
    a = np.asarray(img)
    blank = (a >= 250).all(axis=(1, 2))
    best = run = 0
    for b in blank:
        run = run + 1 if b else 0
        best = max(best, run)
    return best / a.shape[0]


@pytest.mark.parametrize("name", list(TRIPS))
@pytest.mark.parametrize("size", ["16:9", "column", "square"])
def test_no_blank_band(prepared: dict[str, Prepared], name: str, size: str) -> None:
    img = _png(prepared[name], size=size)
    assert _longest_blank_run(img) <= 0.10


def _text_boxes(fig) -> list[tuple[str, object]]:  # type: ignore[no-untyped-def]
    ax = fig.axes[0]
    r = fig.canvas.get_renderer()
    return [(t.get_text(), t.get_window_extent(r)) for t in ax.texts if t.get_zorder() == 8]


@pytest.mark.parametrize("name", list(TRIPS))
def test_every_stop_labelled_without_overlaps(prepared: dict[str, Prepared], name: str) -> None:
    import matplotlib.pyplot as plt

    fig = static.figure(prepared[name])
    try:
        boxes = _text_boxes(fig)
        frame = fig.axes[0].bbox
        texts = " ".join(t for t, _ in boxes)
        for trip in prepared[name].itinerary.trips:
            for stop in trip.stops:
                assert (stop.resolved.name if stop.resolved else stop.label) in texts
        for i, (ta, a) in enumerate(boxes):
            assert (
                frame.x0 - 1 <= a.x0
                and a.x1 <= frame.x1 + 1
                and frame.y0 - 1 <= a.y0
                and a.y1 <= frame.y1 + 1
            ), ta
            for tb, b in boxes[i + 1 :]:
                assert not a.overlaps(b), (ta, tb)
    finally:
        plt.close(fig)


def test_repeated_visits_share_one_label(prepared: dict[str, Prepared]) -> None:
    import matplotlib.pyplot as plt

    fig = static.figure(prepared["oceania"])
    try:
        texts = [t for t, _ in _text_boxes(fig)]
        assert "1, 8. Rome, 2 Sep, 13 Sep" in texts
        assert sum("Port Moresby" in t for t in texts) == 1
    finally:
        plt.close(fig)


def test_text_is_drawn_literally_and_totals_are_shown(prepared: dict[str, Prepared]) -> None:
    import matplotlib.pyplot as plt

    p = prepared["pyongyang"]
    fig = static.figure(p)
    try:
        ax = fig.axes[0]
        texts = [t for t in ax.texts + fig.texts + ax.get_legend().get_texts()]
        assert all(not t.get_parse_math() for t in texts)
        legend = " ".join(t.get_text() for t in ax.get_legend().get_texts())
        assert "Vladimir Putin (5,3" in legend and "3 days" in legend
        assert any(t.get_text() == "3. Khabarovsk (cancelled)" for t in ax.texts)
    finally:
        plt.close(fig)
    from itinerary.model import Itinerary

    title = "Deal worth $5bn to $7bn A $^^$"
    fig = static.figure(Prepared(Itinerary(p.itinerary.trips, title=title), p.legs))
    try:
        assert any(t.get_text() == title and not t.get_parse_math() for t in fig.axes[0].texts)
    finally:
        plt.close(fig)


def test_projection_follows_the_data(prepared: dict[str, Prepared]) -> None:
    from itinerary.render.layout import frame_for

    hanoi = prepared["hanoi"]
    d = static.drawn_points(hanoi, frame_for(hanoi))
    proj, metric = static.choose_projection(d)
    # Washington -> Hanoi is drawn over the Pacific: the central meridian lies there
    assert not metric and -180 <= proj.proj4_params["lon_0"] <= -140
    p = prepared["pyongyang"]
    proj, metric = static.choose_projection(static.drawn_points(p, frame_for(p)))
    assert metric and 110 < proj.proj4_params["lon_0"] < 135


def test_cli_static_formats_and_png_alias(tmp_path: Path) -> None:
    trip = TRIPS["pyongyang"]
    run = CliRunner().invoke
    for suffix, magic in ((".png", b"\x89PNG"), (".svg", b"<?xml"), (".pdf", b"%PDF")):
        out = tmp_path / f"m{suffix}"
        res = run(cli, ["map", str(trip), "-o", str(tmp_path / f"m{suffix}.html"), "--static", str(out)])
        assert res.exit_code == 0, res.output
        assert out.read_bytes()[:5].startswith(magic)
    svg = (tmp_path / "m.svg").read_text("utf-8")
    assert "Khabarovsk" in svg or "<path" in svg
    res = run(cli, ["map", str(trip), "-o", str(tmp_path / "x.html"), "--png", str(tmp_path / "x.svg")])
    assert res.exit_code == 1 and "--png writes PNG only" in res.output
    assert not (tmp_path / "x.html").exists() and not (tmp_path / "x.svg").exists()
    res = run(cli, ["map", str(trip), "-o", str(tmp_path / "y.html"), "--static", str(tmp_path / "y.tiff")])
    assert res.exit_code == 1 and ".png, .svg or .pdf" in res.output and not (tmp_path / "y.html").exists()
    res = run(
        cli,
        [
            "map",
            str(trip),
            "-o",
            str(tmp_path / "c.html"),
            "--static",
            str(tmp_path / "c.png"),
            "--size",
            "column",
            "--dpi",
            "100",
        ],
    )
    assert res.exit_code == 0, res.output
    with Image.open(tmp_path / "c.png") as img:
        assert img.width == round(3.46 * 100)


@pytest.mark.parametrize("name", list(TRIPS))
def test_golden_images(prepared: dict[str, Prepared], name: str, artifacts: Path) -> None:
    from pixelmatch.contrib.PIL import pixelmatch

    img = _png(prepared[name])
    path = GOLDEN / f"static-{name}.png"
    if os.environ.get("ITINERARY_UPDATE_GOLDEN"):
        GOLDEN.mkdir(parents=True, exist_ok=True)
        img.save(path)
    golden = Image.open(path).convert("RGB")
    assert golden.size == img.size
    diff = Image.new("RGBA", img.size)  # pixelmatch writes RGBA pixels
    bad = pixelmatch(golden, img, diff, threshold=0.15)
    if bad:
        diff.save(artifacts / f"static-{name}-diff.png")
    assert bad / (img.width * img.height) <= 0.01


def test_no_line_is_drawn_across_the_map_at_its_edge(tmp_path: Path) -> None:
    """A round-the-world trip: the return over the Pacific crosses the map's edge (the meridian
    opposite its centre) and must be cut there, not joined by a line across the whole map."""
    import matplotlib.pyplot as plt

    trip = tmp_path / "world.yaml"
    trip.write_text(
        "itinerary: 1\ntrips:\n  - id: t\n    traveller: T\n    mode: air\n    stops:\n"
        "      - {place: Washington, lat: 38.8951, lon: -77.0364, status: confirmed}\n"
        "      - {place: Doha, lat: 25.2854, lon: 51.531, status: confirmed}\n"
        "      - {place: Tokyo, lat: 35.6895, lon: 139.6917, status: confirmed}\n"
        "      - {place: Busan, lat: 35.1017, lon: 129.0301, status: confirmed}\n"
        "      - {place: Washington, lat: 38.8951, lon: -77.0364, status: planned}\n",
        "utf-8",
    )
    fig = static.figure(prepare(load(trip)))
    try:
        ax = fig.axes[0]
        width = abs(ax.get_xlim()[1] - ax.get_xlim()[0])
        legs = [ln for ln in ax.lines if len(ln.get_xdata()) > 2]
        assert legs
        jumps = [float(np.abs(np.diff(np.asarray(ln.get_xdata(), dtype=float))).max()) for ln in legs]
        assert max(jumps) < width / 4, jumps
    finally:
        plt.close(fig)
