"""Golden files: the seed trip's GeoJSON and its normalised map payload; generated files.

A change to either output shows up as a diff against the files in ``tests/data/golden/``.
The published JSON Schema and docs/fields.md are generated from the field table
(``itinerary/fields.py``); tests/test_fields.py checks they are current.
After an intended change, regenerate them and review the diff (the schema is package data: the
package writes it itself):

    .venv/bin/python -m tests.golden
    .venv/bin/python -m itinerary.io.schema
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from itinerary import fields, load, prepare, to_feature_collection
from itinerary.io.schema import schema_text
from itinerary.render.map import payload

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "data" / "golden"
SEED_14 = ROOT / "geodata" / "trips" / "kim-jong-un-russia-2023-09-14.yaml"


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def outputs() -> dict[str, str]:
    """The golden outputs as text, by file name."""
    p = prepare(load(SEED_14))
    pay = payload(p, offline=False)
    return {
        "seed-14.geojson": _dumps(to_feature_collection(p)),
        "seed-14.payload.json": _dumps(pay),
    }


def generated() -> dict[str, str]:
    """Files generated from the field table, by path from the project root."""
    return {SCHEMA: schema_text(), "docs/fields.md": fields.markdown()}


SCHEMA = "itinerary/io/itinerary.schema.json"  # package data, written by python -m itinerary.io.schema


def main() -> None:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for name, text in outputs().items():
        (GOLDEN / name).write_text(text, encoding="utf-8")
        print(f"wrote {GOLDEN / name}")
    for path, text in generated().items():
        if path == SCHEMA:  # package data: the package's own generator writes it
            continue
        (ROOT / path).write_text(text, encoding="utf-8")
        print(f"wrote {ROOT / path}")
    print("regenerate the JSON Schema with: python -m itinerary.io.schema")


if __name__ == "__main__":
    main()
