"""A build's own merged file is read back by the project's loader whatever its size (up to
``MAX_BUILT_BYTES``) while it is the file the build recorded; any other file larger than
``MAX_BYTES`` (an edited copy, the file moved out of its folder) is refused as before."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest

import itinerary
from itinerary.build.outputs import STATE, file_digest
from itinerary.errors import ValidationError
from itinerary.io import yaml as yaml_io
from itinerary.model import Itinerary
from tests.conftest import ROOT

GROUP = ROOT / "tests" / "data" / "merge" / "lula-lisbon.yaml"


def large() -> Itinerary:
    """An itinerary over ``MAX_BYTES``: one group's trips again and again under new ids."""
    base = itinerary.load(GROUP)
    size = len(yaml_io.dumps(base).encode("utf-8"))
    copies = 2 * yaml_io.MAX_BYTES // size + 2
    trips = tuple(dataclasses.replace(t, id=f"{t.id}-{k}") for k in range(copies) for t in base.trips)
    return dataclasses.replace(base, trips=trips)


def built(folder: Path, merged: Itinerary) -> Path:
    """``merged`` written as a build writes it: ``trips.yaml`` and its record."""
    folder.mkdir(parents=True)
    path = folder / "trips.yaml"
    path.write_text(yaml_io.dumps(merged), encoding="utf-8")
    (folder / STATE).write_text(
        json.dumps({"key": "k", "files": {path.name: file_digest(path)}}), encoding="utf-8"
    )
    return path


@pytest.mark.slow  # parses a file over 2 MB
def test_a_large_file_a_build_wrote_is_read_while_it_is_the_file_recorded(tmp_path: Path) -> None:
    merged = large()
    path = built(tmp_path / "out", merged)
    assert path.stat().st_size > yaml_io.MAX_BYTES
    assert itinerary.load(path) == merged

    elsewhere = tmp_path / "copy.yaml"  # away from its record: the usual limit
    shutil.copyfile(path, elsewhere)
    with pytest.raises(ValidationError, match="larger than"):
        itinerary.load(elsewhere)

    path.write_text(path.read_text(encoding="utf-8").replace("Lisbon", "Lisboa", 1), encoding="utf-8")
    with pytest.raises(ValidationError, match="not the file the build recorded"):
        itinerary.load(path)  # edited since the build wrote it


def test_a_record_naming_another_digest_lifts_no_limit(tmp_path: Path) -> None:
    path = built(tmp_path / "out", large())
    (tmp_path / "out" / STATE).write_text(json.dumps({"files": {"trips.yaml": "0" * 64}}), encoding="utf-8")
    with pytest.raises(ValidationError, match="larger than"):
        itinerary.load(path)
    (tmp_path / "out" / STATE).write_text("not json", encoding="utf-8")
    with pytest.raises(ValidationError, match="larger than"):
        itinerary.load(path)
