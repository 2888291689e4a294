"""The traveller probes: tiny articles (a headline, one to three sentences, a publication date) in
every language we read, written for the suite (never taken from an article), one per shape in which
news tells who moves: the host who receives a guest at home (the guest travels) and the host who
will receive one; "X's visit to Z"; a traveller named once and then called by a title or a pronoun
(or, in a language that drops it, by the verb alone) in a later sentence; a spokesperson or an
institution announcing another person's trip (neither travels); two travellers each with a place;
"accompanied by" (the stop is the leader's); a minister arriving ahead of the leader; a title with a
country adjective ("the Brazilian president") whose name the article gives elsewhere; a name in a
case or another form (a genitive, "Mr", a particle, an apposition).

The files are ``tests/extract/traveller_probes/<code>.yaml``: each stop names its place and its
traveller; a stop passes when a trip whose traveller matches (as the benchmark's strict figure
matches a traveller: one name in the other, or a shared word) holds the place. ``not_travellers``
lists persons and institutions that must name no trip. A probe that fails today carries ``xfail``
with its cause (strict: it fails loudly once it passes).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml

from itinerary.extract import Extractor
from itinerary.extract.lang import supported
from tests.extract.support import load_probes, trips_by_traveller

pytestmark = pytest.mark.data

PROBES = Path(__file__).parent / "traveller_probes"

CLASSES = frozenset(
    {
        "host receives guest",
        "host will receive guest",
        "visit of X to Z",
        "title in a later sentence",
        "pronoun in a later sentence",
        "spokesperson announces",
        "institution announces",
        "two travellers",
        "accompanied by",
        "minister ahead of the leader",
        "title with a country adjective",
        "name in a case or form",
    }
)


def _norm(text: str) -> str:
    """Lower case, without accents, words separated by one space (as the benchmark compares)."""
    text = unicodedata.normalize("NFKD", text).lower()
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^\w]+", " ", text).strip()


def same_person(wanted: str, traveller: str) -> bool:
    """The benchmark's match of a traveller: one name inside the other, or a shared word."""
    a, b = _norm(wanted), _norm(traveller)
    if not a or not b:
        return False
    return a in b or b in a or bool(set(a.split()) & set(b.split()))


def names_one(unwanted: str, traveller: str) -> bool:
    """Whether a trip's traveller is ``unwanted`` in any case form (a word of one begins with the
    other's stem: 'Кремль' / 'Кремле')."""
    if same_person(unwanted, traveller):
        return True
    for u in _norm(unwanted).split():
        stem = u[: max(4, len(u) - 2)]
        if any(w.startswith(stem) for w in _norm(traveller).split()):
            return True
    return False


def test_every_language_has_every_class() -> None:
    assert {p.stem for p in PROBES.glob("*.yaml")} >= set(supported())
    for path in sorted(PROBES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert isinstance(data["published"], dt.date), path.name
        classes = {case["class"] for case in data["cases"]}
        assert classes == CLASSES, (path.name, sorted(CLASSES ^ classes))
        for case in data["cases"]:
            assert set(case) <= {"text", "class", "stops", "not_travellers", "xfail"}, (path.name, case)
            assert case["stops"] and all(set(s) == {"place", "traveller"} for s in case["stops"]), case
            assert "\n\n" in case["text"], f"{path.name}: a probe is a headline and a body: {case['text']}"


@pytest.mark.parametrize(("lang", "published", "case"), load_probes(PROBES))
def test_probe(lang: str, published: dt.date, case: dict[str, Any], extractor: Extractor) -> None:
    trips = trips_by_traveller(case["text"], lang, extractor, published)
    for want in case["stops"]:
        place = str(want["place"]).lower()
        mine = [names for who, names in trips.items() if same_person(str(want["traveller"]), who)]
        where = f"{want['place']} not on {want['traveller']}'s trip: {trips}"
        assert any(place in names for names in mine), where
    for other in case.get("not_travellers") or []:
        assert not any(names_one(str(other), who) for who in trips), f"{other} travels: {trips}"
