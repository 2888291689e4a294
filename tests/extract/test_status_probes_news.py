"""The second set of status probes: tiny articles written for the suite (never taken from an
article), one per class of status that news tells in many ways: an arrival in the headline's
present ("lands in", "aterriza en"), a trip that goes on after a stop made ("is to continue
to"), a place first expected and then reached (the confirmed mention wins), a plan told in the
past ("announced he would visit"), a trip called off or cut short, "had been scheduled to" and
then cancelled, several places under one verb ("will visit A, B and C"), a present tense with a
day after publication ("travels to Oslo on March 20"), an invitation accepted, a trip under way
("is on a tour of"), "could visit", and a negated past ("did not go to").

The files are ``tests/extract/status_probes/news/<code>.yaml``, in the format of the first set
(see ``tests/extract/test_status_probes.py``): each stop listed must be found with its status.
A probe that fails today carries ``xfail`` with its cause (strict: it fails loudly once it passes).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from itinerary.extract import Extractor, extract
from itinerary.extract.lang import supported

pytestmark = pytest.mark.data

PROBES = Path(__file__).parent / "status_probes" / "news"

#: the classes every language's probe file covers
CLASSES = frozenset(
    {
        "headline present",
        "continues on after a done stop",
        "expected, then arrived",
        "plan told in the past",
        "called off",
        "cut short",
        "had been scheduled",
        "list under one verb",
        "dated after publication",
        "invitation",
        "trip under way",
        "could visit",
        "negated past",
    }
)


def _load() -> list[Any]:
    params = []
    for path in sorted(PROBES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for i, case in enumerate(data["cases"]):
            marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
            cid = f"{path.stem}-{i}-{case['class']}"
            params.append(pytest.param(path.stem, data["published"], case, id=cid, marks=marks))
    return params


def test_every_language_has_every_class() -> None:
    assert {p.stem for p in PROBES.glob("*.yaml")} >= set(supported())
    for path in sorted(PROBES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert isinstance(data["published"], dt.date), path.name
        classes = {case["class"] for case in data["cases"]}
        assert classes == CLASSES, (path.name, sorted(CLASSES ^ classes))
        for case in data["cases"]:
            assert set(case) <= {"text", "class", "stops", "xfail"} and case["stops"], (path.name, case)
            assert "\n\n" in case["text"], f"{path.name}: a probe is a headline and a body: {case['text']}"


def _names(stop: Any) -> set[str]:
    names = {str(stop.place).lower()}
    if stop.resolved is not None:
        names.add(stop.resolved.name.lower())
    return names


@pytest.mark.parametrize(("lang", "published", "case"), _load())
def test_probe(lang: str, published: dt.date, case: dict[str, Any], extractor: Extractor) -> None:
    got = [
        s
        for _, _, s in extract(case["text"], published=published, language=lang, extractor=extractor).stops()
    ]
    found = [f"{s.place} ({s.status.value})" for s in got]
    for want in case["stops"]:
        match = [s for s in got if str(want["place"]).lower() in _names(s)]
        assert match, f"{want['place']} not found among {found}"
        assert match[0].status.value == want["status"], f"{want['place']}: {found}, not {want['status']}"
