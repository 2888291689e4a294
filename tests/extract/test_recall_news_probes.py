"""Recall probes, second batch: stops as a reader of news meets them, in every language, from
``tests/extract/recall_probes/news/<code>.yaml``: an airport standing for its city, a second
multi-word travel phrase in one sentence, an origin with a time between the verb and "from", the
stops of a recap after a participle or noun ("after stops in Baku and Tbilisi"), a stop named only
in the headline, a stop in a relative clause ("Vladivostok, where he will meet ..."), a stop told
by a meeting with a local host, a stop told by the traveller's activity with no verb of travel
("laid a wreath in Hanoi"), and a second traveller.

The format is that of ``tests/extract/recall_probes`` (see ``test_recall_probes.py``): a stop's
``place`` may give alternatives ("Vnukovo|Moscow"). Every article here is written for these tests.
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

PROBES = Path(__file__).parent / "recall_probes" / "news"

#: the classes each language's file covers
CLASSES = frozenset(
    {
        "airport",
        "second phrase",
        "origin time",
        "recap participle",
        "headline",
        "relative",
        "local host",
        "activity",
        "second traveller",
    }
)


def _load() -> list[Any]:
    params = []
    for path in sorted(PROBES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for i, case in enumerate(data["cases"]):
            marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
            cid = f"{path.stem}-{i}-{case['class'].replace(' ', '_')}"
            params.append(pytest.param(path.stem, data.get("published"), case, id=cid, marks=marks))
    return params


def test_every_language_probes_every_class() -> None:
    for code in supported():
        data = yaml.safe_load((PROBES / f"{code}.yaml").read_text(encoding="utf-8"))
        assert {c["class"] for c in data["cases"]} == CLASSES, code
        for case in data["cases"]:
            assert set(case) <= {"text", "class", "stops", "absent", "xfail"} and case["stops"], case


def _names(stop: Any) -> set[str]:
    names = {str(stop.place).lower()}
    if stop.resolved is not None:
        names.add(stop.resolved.name.lower())
    return names


@pytest.mark.parametrize(("lang", "published", "case"), _load())
def test_probe(lang: str, published: Any, case: dict[str, Any], extractor: Extractor) -> None:
    day = published if isinstance(published, dt.date) else dt.date.fromisoformat(str(published))
    it = extract(case["text"], published=day, language=lang, extractor=extractor)
    got = [s for _, _, s in it.stops()]
    found = [f"{s.place} ({s.resolved.name if s.resolved else '-'})" for s in got]
    for want in case["stops"]:
        names = {n.lower() for n in str(want["place"]).split("|")}
        assert any(_names(s) & names for s in got), f"{want['place']} not found among {found}"
    for place in case.get("absent", []):
        assert not [s for s in got if str(place).lower() in _names(s)], f"{place} is a stop: {found}"
