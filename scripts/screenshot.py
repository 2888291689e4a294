"""Render the seed trip's offline map in headless Chromium and save docs/seed-map.png."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from itinerary import load
from itinerary.render import make_map, save_map
from itinerary.render.browser import screenshot

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    trip = ROOT / "geodata" / "trips" / "kim-jong-un-russia-2023-09-14.yaml"
    out = ROOT / "docs" / "seed-map.png"
    out.parent.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        html = Path(tmp) / "seed.html"
        save_map(make_map(load(trip), offline=True), html)
        errors = screenshot(html, out)
    print(f"wrote {out.relative_to(ROOT)}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
