"""Every language pack over its own case file, ``tests/extract/cases/<code>.yaml``.

A case is a sentence or a short paragraph written for the suite (never taken from an article) and
the stops it must give. The format::

    published: 2026-03-10          # the publication date of every case (a case may give its own)
    cases:
      - text: "Der Kanzler ist am Montag in Tokio gelandet."
        class: perfect tense         # the kind of fact the case checks (free text, for the report)
        stops:                       # each must be found: place (the stop's place or the
          - {place: Tokio, status: confirmed, date: 2026-03-09}   # gazetteer's name), status, date
        absent: [Berlin]             # places that must not be stops
        only: true                   # no stop other than those listed
        xfail: "why it fails today"  # a known gap (strict: the test fails once it passes)

A new language adds its pack (``itinerary/extract/lang/<code>.py``) and its case file; this test
finds both, and :func:`test_every_pack_has_a_case_file` fails until the case file exists.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from itinerary.extract import Extractor, extract
from itinerary.extract.lang import supported
from tests.extract.support import stop_names

CASES = Path(__file__).parent / "cases"


def _load() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        published = data.get("published")
        for i, case in enumerate(data["cases"]):
            marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
            params.append(pytest.param(path.stem, published, case, id=f"{path.stem}-{i}", marks=marks))
    return params


def test_every_pack_has_a_case_file() -> None:
    assert {p.stem for p in CASES.glob("*.yaml")} >= set(supported())


def test_case_files_are_well_formed() -> None:
    keys = {"text", "class", "stops", "absent", "only", "xfail", "published"}
    for path in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data["cases"], path
        for case in data["cases"]:
            assert set(case) <= keys and case.get("text") and case.get("class"), (path.name, case)
            for stop in case.get("stops", []):
                assert set(stop) <= {"place", "status", "date"} and stop.get("place"), (path.name, stop)


@pytest.mark.parametrize(("lang", "published", "case"), _load())
def test_case(lang: str, published: Any, case: dict[str, Any], extractor: Extractor) -> None:
    day = case.get("published", published)
    day = day if isinstance(day, dt.date) or day is None else dt.date.fromisoformat(str(day))
    it = extract(case["text"], published=day, language=lang, extractor=extractor)
    got = [s for _, _, s in it.stops()]
    found = [f"{s.place} ({s.status.value}, {s.date})" for s in got]
    for want in case.get("stops", []):
        place = str(want["place"]).lower()
        match = [s for s in got if place in stop_names(s)]
        assert match, f"{want['place']} not found among {found}"
        s = match[0]
        if "status" in want:
            assert s.status.value == want["status"], (
                f"{want['place']}: {s.status.value}, not {want['status']}"
            )
        if "date" in want:
            assert str(s.date) == str(want["date"]), f"{want['place']}: dated {s.date}, not {want['date']}"
    for place in case.get("absent", []):
        assert not [s for s in got if str(place).lower() in stop_names(s)], f"{place} is a stop: {found}"
    if case.get("only"):
        wanted = {str(w["place"]).lower() for w in case.get("stops", [])}
        extra = [s for s in got if not (stop_names(s) & wanted)]
        assert not extra, f"stops not expected: {[str(s.place) for s in extra]}"
