"""The package's verbs stay callable whichever of their modules was imported first."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

SCRIPT = textwrap.dedent(
    """
    import importlib, types
    import itinerary
    import itinerary.diff, itinerary.prepare   # as the CLI and the renderers do
    import itinerary.extract.article            # a submodule of the extractor binds the package
    import itinerary.extract as facade
    assert isinstance(facade, types.ModuleType), type(facade)
    assert facade is importlib.import_module("itinerary.extract")
    for verb in ("diff", "prepare", "extract"):
        assert callable(getattr(itinerary, verb)), verb
    trip = itinerary.loads(open({seed!r}, encoding="utf-8").read())
    print(len(itinerary.diff(trip, trip, unchanged=True)))
    """
)


@pytest.mark.fast
def test_verbs_callable_after_their_modules_are_imported(tmp_path: object) -> None:
    from pathlib import Path

    seed = Path(__file__).parent / "data" / "trips"
    trip = next(iter(sorted(seed.glob("*.yaml"))))
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(seed=str(trip))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert int(out.stdout.strip()) > 0
