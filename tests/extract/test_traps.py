"""Trips told beside the places an annotator marks as no stop, over ``tests/extract/traps/<code>.yaml``.

Every case is a short article written for the suite (never taken from one): a real trip and one or
more traps, or a report of no trip naming several cities. The format is that of the case files
(see :mod:`tests.extract.test_cases`): ``stops`` must be found, ``absent`` must not be stops,
``only`` allows no other stop. The ``class`` of a case names its trap:

- ``metonym``: a capital speaking for its government ("Washington warned", "Moscou a dénoncé");
- ``possessive``: a capital in the genitive or possessive ("Moscow's response", "Pekings Reaktion");
- ``government seat``: a seat of power speaking, or named as the source ("the Kremlin said",
  "según la Moncloa");
- ``dateline``: the agency's home city when the article reports a trip elsewhere;
- ``background``: the place of an event of another time ("a summit in Osaka in 2019");
- ``other person``: the place of another person's trip or event;
- ``caption``: a place named in a photo caption only;
- ``comparison``: a place named only in a comparison;
- ``partner``: a country named as a partner or the origin of goods;
- ``other event``: the place of another event, beside a travel noun ("the visit was not discussed
  in Brussels");
- ``name``: a place inside the name of an agreement ("the Minsk accords", "l'accord de Paris");
- ``origin``: a place named as the origin of a product or a team ("wine from Bordeaux", "a team
  from Manchester");
- ``description``: a place in a person's description ("the Marseille-born minister", "the former
  mayor of Lyon");
- ``no trip``: an article reporting no trip (sanctions, a call), naming several cities.
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

TRAPS = Path(__file__).parent / "traps"
CLASSES = {
    "metonym",
    "possessive",
    "government seat",
    "dateline",
    "background",
    "other person",
    "caption",
    "comparison",
    "partner",
    "other event",
    "name",
    "origin",
    "description",
    "no trip",
}


def test_every_pack_has_a_trap_file() -> None:
    assert {p.stem for p in TRAPS.glob("*.yaml")} == set(supported())


def test_trap_files_are_well_formed() -> None:
    for path in sorted(TRAPS.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        classes = {c["class"] for c in data["cases"]}
        assert classes == CLASSES, (path.name, CLASSES ^ classes)
        for case in data["cases"]:
            assert set(case) <= {"text", "class", "stops", "absent", "only", "xfail"}, (path.name, case)
            assert case["class"] == "no trip" or case.get("stops"), (path.name, case["text"])


@pytest.mark.parametrize(("lang", "published", "case"), load_probes(TRAPS))
def test_trap(lang: str, published: Any, case: dict[str, Any], extractor: Extractor) -> None:
    day = published if isinstance(published, dt.date) else dt.date.fromisoformat(str(published))
    it = extract(case["text"], published=day, language=lang, extractor=extractor)
    got = [s for _, _, s in it.stops()]
    found = [str(s.place) for s in got]
    wanted = {str(w["place"]).lower() for w in case.get("stops", [])}
    for place in wanted:
        assert any(place in stop_names(s) for s in got), f"the trip's stop {place} is lost: {found}"
    for place in case.get("absent", []):
        assert not [s for s in got if str(place).lower() in stop_names(s)], f"{place} is a stop: {found}"
    if case.get("only"):
        extra = [str(s.place) for s in got if not (stop_names(s) & wanted)]
        assert not extra, f"stops not expected: {extra}"
