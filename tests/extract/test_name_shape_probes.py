"""The name-shape probes: tiny articles written for the suite (never taken from an article), in every
language we read, each naming its traveller in a shape that a recogniser trained on other text cuts
or misses: a name with lower-case particles ("Ursula von der Leyen", "Lula da Silva"), after a comma
or mid-sentence; a regnal number ("Felipe VI", "Карл III"); an institution or a portfolio written
between the title and the name ("Premier of the State Council Li Qiang", "el ministro de Asuntos
Exteriores José Manuel Albares"); a name after "the visit of" or "that" with no title; a companion
whose long title puts "accompanied by" far before the name; a country's adjective before the title
or the name; a rare given name; the apostrophe of the genitive; a surname that is a country's name.

The files are ``tests/extract/name_shape_probes/<code>.yaml``. A stop names its place, the
traveller's ``traveller`` (the name in full as the article writes it) and optionally its ``core``
(the part the name must keep; the full name when absent). The match is stricter than the
benchmark's (one shared word): a trip holding the place must be named by a traveller that holds
every word of ``core`` and no word outside ``traveller`` (words compared up to a case ending), so a
name cut at a particle ("Ursula") or glued to its institution ("Госсовета КНР Ли Цян") fails.
``not_travellers`` lists persons that must name no trip. A probe that fails today carries ``xfail``
with its cause (strict: it fails loudly once it passes).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from itinerary.extract import Extractor
from itinerary.extract.lang import supported
from tests.extract.support import load_probes, trips_by_traveller
from tests.extract.test_traveller_probes import _norm, names_one

pytestmark = pytest.mark.data

PROBES = Path(__file__).parent / "name_shape_probes"


def _same_word(a: str, b: str) -> bool:
    """Two words of a name alike up to a case ending ('Лаврова' / 'Лавров')."""
    if a == b:
        return True
    shorter = min(len(a), len(b))
    return shorter >= 4 and a[: max(3, shorter - 2)] == b[: max(3, shorter - 2)]


def _within(part: str, whole: str) -> bool:
    """Every word of ``part`` is a word of ``whole``."""
    words = _norm(whole).split()
    return all(any(_same_word(p, w) for w in words) for p in _norm(part).split())


def names_exactly(full: str, core: str, traveller: str) -> bool:
    """Whether ``traveller`` keeps the whole ``core`` and adds nothing from outside ``full``."""
    return bool(_norm(traveller)) and _within(core, traveller) and _within(traveller, full)


def test_every_language_has_probes() -> None:
    assert {p.stem for p in PROBES.glob("*.yaml")} >= set(supported())
    for path in sorted(PROBES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert isinstance(data["published"], dt.date), path.name
        assert len(data["cases"]) >= 8, path.name
        for case in data["cases"]:
            assert set(case) <= {"text", "class", "stops", "not_travellers", "xfail"}, (path.name, case)
            assert case["stops"], case
            fields = [set(s) for s in case["stops"]]
            assert all({"place", "traveller"} <= f <= {"place", "traveller", "core"} for f in fields), case
            assert "\n\n" in case["text"], f"{path.name}: a probe is a headline and a body: {case['text']}"


def test_the_match_is_strict() -> None:
    full, core = "Ursula von der Leyen", "von der Leyen"
    assert names_exactly(full, core, "Ursula von der Leyen")
    assert names_exactly(full, core, "von der Leyen")
    assert not names_exactly(full, core, "Ursula")
    assert not names_exactly("Ли Цян", "Ли Цян", "Госсовета КНР Ли Цян")
    assert names_exactly("Сергей Лавров", "Лавров", "Сергея Лаврова")


@pytest.mark.parametrize(("lang", "published", "case"), load_probes(PROBES))
def test_probe(lang: str, published: dt.date, case: dict[str, Any], extractor: Extractor) -> None:
    trips = trips_by_traveller(case["text"], lang, extractor, published)
    for want in case["stops"]:
        place = str(want["place"]).lower()
        full = str(want["traveller"])
        core = str(want.get("core") or full)
        mine = [names for who, names in trips.items() if names_exactly(full, core, who)]
        assert any(place in names for names in mine), f"{want['place']} not on {full}'s trip: {trips}"
    for other in case.get("not_travellers") or []:
        assert not any(names_one(str(other), who) for who in trips), f"{other} travels: {trips}"
