"""The seed trip's GeoJSON and map payload match the reviewed golden files.

Regenerate after an intended change with ``.venv/bin/python -m tests.golden`` and review the diff.
"""

from __future__ import annotations

import difflib

import pytest

from .golden import GOLDEN, outputs

pytestmark = pytest.mark.data  # the seed trip geocoded and routed on the shipped data


@pytest.mark.parametrize("name", ["seed-14.geojson", "seed-14.payload.json"])
def test_matches_golden_file(name: str) -> None:
    expected = (GOLDEN / name).read_text("utf-8")
    actual = outputs()[name]
    if actual != expected:
        diff = "".join(
            list(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), name, "now"))[:60]
        )
        pytest.fail(f"{name} differs from the golden file (python -m tests.golden to accept):\n{diff}")
