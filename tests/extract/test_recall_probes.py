"""Recall probes: one tiny article per class of stop news writes outside a travel verb's own clause
(transit and border stops, origins and legs in participles, relative clauses and prepositional
phrases, recaps listing the stops, datelines, landmarks standing for their city, a second
traveller), in every language, from ``tests/extract/recall_probes/<code>.yaml``.

The format is that of ``tests/extract/cases`` (see ``test_cases.py``), with one addition: a stop's
``place`` may give alternatives ("Heathrow Airport|London"), any of which is the stop (a landmark
may stand as itself or as its city). Every article here is written for these tests.

A second set (``recall_probes/news/``) was written later, as a reader of news meets stops: an
airport standing for its city, a second multi-word travel phrase in one sentence, an origin with a
time between the verb and "from", the stops of a recap after a noun ("after stops in Baku and
Tbilisi"), a stop named only in the headline, a stop in a relative clause ("Vladivostok, where he
will meet ..."), a stop told by a meeting with a local host, a stop told by the traveller's
activity with no verb of travel ("laid a wreath in Hanoi"), and a second traveller.

A third set (``recall_probes/wire/``) tells stops as wire copy does and the first two cover least:
a transit or border stop with no verb of travel in its clause ("the train stood for an hour in
Tumen", "crossed at Nogales"), an origin in a participle or a relative clause ("having flown in
from Canberra", "aus Baku kommend", "прибыв из Хабаровска"), a recap listing the stops ("visited
Accra, Lomé and Cotonou", "after passing through Quito and Lima"), a second traveller arriving in
the same city, and a minister travelling ahead of the visit.

A fourth set (``recall_probes/feature/``) tells stops as features and long reports do: a stop at
the end of a long sentence of background, a stop with an apposition ("in Hanoi, the Vietnamese
capital,"), two coordinated verbs of travel ("flew to Colombo and then drove to Kandy"), stops
named by a landmark only ("at the Kremlin", "at the Elysee Palace"), stops in the traveller's own
quoted words, "not only X but also Y", an origin in a relative clause before the next leg ("who had
flown in from Dakar, then went on to Abidjan"), a list of stops with "first ..., then ...", a leg
told "from there", a stop "en route to" the next, and a place fronted before the traveller's
activity ("In Benguela, he opened ...").
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from itinerary.extract import Extractor, extract
from itinerary.extract.lang import supported
from tests.extract.support import load_probes, stop_names

pytestmark = pytest.mark.data

PROBES = Path(__file__).parent / "recall_probes"
NEWS = PROBES / "news"
WIRE = PROBES / "wire"
FEATURE = PROBES / "feature"

#: the classes of missed stops (issue 22) each language's file covers
CLASSES = frozenset(
    {
        "transit",
        "origin phrase",
        "origin relative",
        "leg phrase",
        "recap",
        "dateline",
        "landmark",
        "second traveller",
    }
)
NEWS_CLASSES = frozenset(
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
WIRE_CLASSES = frozenset(
    {
        "transit",
        "border",
        "origin participle",
        "origin arriving",
        "recap",
        "recap participle",
        "second traveller",
        "minister ahead",
    }
)
FEATURE_CLASSES = frozenset(
    {
        "long sentence",
        "apposition",
        "coordinated verbs",
        "landmark",
        "quote",
        "not only",
        "origin relative",
        "then list",
        "from there",
        "en route",
        "fronted place",
    }
)


@pytest.mark.parametrize(
    ("folder", "wanted"),
    [(PROBES, CLASSES), (NEWS, NEWS_CLASSES), (WIRE, WIRE_CLASSES), (FEATURE, FEATURE_CLASSES)],
    ids=["first", "news", "wire", "feature"],
)
def test_every_language_probes_every_class(folder: Path, wanted: frozenset[str]) -> None:
    for code in supported():
        data = yaml.safe_load((folder / f"{code}.yaml").read_text(encoding="utf-8"))
        assert {c["class"] for c in data["cases"]} == wanted, code
        for case in data["cases"]:
            assert set(case) <= {"text", "class", "stops", "absent", "xfail"} and case["stops"], case


@pytest.mark.parametrize(
    ("lang", "published", "case"),
    load_probes(PROBES)
    + load_probes(NEWS, "news-")
    + load_probes(WIRE, "wire-")
    + load_probes(FEATURE, "feature-"),
)
def test_probe(lang: str, published: Any, case: dict[str, Any], extractor: Extractor) -> None:
    day = published if isinstance(published, dt.date) else dt.date.fromisoformat(str(published))
    it = extract(case["text"], published=day, language=lang, extractor=extractor)
    got = [s for _, _, s in it.stops()]
    found = [f"{s.place} ({s.resolved.name if s.resolved else '-'})" for s in got]
    for want in case["stops"]:
        names = {n.lower() for n in str(want["place"]).split("|")}
        assert any(stop_names(s) & names for s in got), f"{want['place']} not found among {found}"
    for place in case.get("absent", []):
        assert not [s for s in got if str(place).lower() in stop_names(s)], f"{place} is a stop: {found}"
