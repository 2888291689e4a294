"""The status probes: tiny articles (a headline, one to three sentences, a publication date) in
every language we read, written for the suite (never taken from an article), one per class of
status that breaks on unseen news: the headline's present of arrival, the historical present,
the future and the periphrastic future, "is expected / scheduled to", the conditional, "was to"
(and "was to have", then cancelled), cancellation and postponement, negation, reported speech,
an invitation accepted, "after visiting X he will go to Y", and the perfect. The files are
``tests/extract/status_probes/<code>.yaml``, in the format of the case files (see
``tests/extract/test_cases.py``): each stop listed must be found with its status. A probe that
fails today carries ``xfail`` with its cause (strict: it fails loudly once it passes).

A second set (``status_probes/news/``) was written later, before reading the status rules, as a
reader of news meets status: a place first expected and then reached (the arrival wins when it
gives a recent day), a plan told in the past, a trip called off or cut short, several places under one
verb, a present tense with a day after publication, a trip under way, "could visit", a negated
past.

A third set (``status_probes/wire/``) was written as wire copy tells trip status, in the classes
the first two cover least, before the rules were changed for them: "is set / due / expected to"
(and "was due to", then called off), a postponement told after the place, the future in the past
of reported speech, a past relative clause inside a sentence whose main verb is future, a present
stay ("is in Lagos on a visit"), "not only ... but also", a modal with an infinitive, a negated
future.

A fourth set (``status_probes/feature/``) was written in the register of features, analysis and
long reports, before reading the status rules: long sentences with background, reported speech
("according to", "said that he would"), hedged plans ("hopes to", "could", "is considering a trip,
no date has been set"), an earlier trip told as background (dated by a past month or year: a visit
of another time is background, no stop; the trip to come keeps its status), "would be the first
visit since", an invitation accepted (planned) or extended (the host's stop stays; the invitee's
place is asserted nowhere), a visit "which had been planned" then postponed or called off, a
headline in the present over a body in the future, "headed to X, where he arrived", and forms of
one language ("language form", one to three per language: "is due to", "was to have", "will have
visited"; "è atteso", "dovrebbe", the passato prossimo with "essere"; "tiene previsto",
"realizará", the imperfect of a stay; the Russian perfective future, "побывает"; "doit se rendre";
"soll ... eintreffen").

A fifth set (``status_probes/brief/``) was written in the register of short briefs, live blogs and
radio or TV transcripts, before reading the status rules: the perfect and pluperfect of travel
verbs (German "ist ... gereist", "war ... eingetroffen"; the Italian passato prossimo and remoto),
"returned from", negation at a German clause's end and "has not been back since", a plan word after
the place ("the visit to X is planned for April"), a trailing attribution (", her office said") that
must neither make a future trip past nor drop its date, "was expected in X ... arrived in X" (the
later telling wins), a trip postponed or called off in the body under a headline in the present,
a plan of the past left unrealised ("was supposed to", "должен был", "tenía previsto ... pero"),
a past stop then a future one, and the Russian perfective future against its past. Its stops may
give a ``date`` (checked), and ``not_confirmed`` lists places that must not be confirmed stops.
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

PROBES = Path(__file__).parent / "status_probes"
NEWS = PROBES / "news"
WIRE = PROBES / "wire"
FEATURE = PROBES / "feature"
BRIEF = PROBES / "brief"

#: the classes every language's probe file covers, in the first set and in the second (NEWS)
CLASSES = frozenset(
    {
        "headline present",
        "historical present",
        "future",
        "periphrastic future",
        "expected / scheduled",
        "conditional",
        "was to",
        "was to, then cancelled",
        "cancellation",
        "postponement",
        "negation",
        "reported speech",
        "invitation accepted",
        "after X, will go to Y",
        "perfect tense",
    }
)
NEWS_CLASSES = frozenset(
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
WIRE_CLASSES = frozenset(
    {
        "due to",
        "was due to, then called off",
        "postponed after the place",
        "future in the past",
        "past relative, future main",
        "present stay",
        "not only",
        "modal and infinitive",
        "negated future",
    }
)

FEATURE_CLASSES = frozenset(
    {
        "reported speech",
        "hedged plan",
        "under consideration",
        "earlier trip as background",
        "first visit since",
        "invitation accepted",
        "invitation extended",
        "had been planned, then postponed",
        "had been planned, then called off",
        "headline and body tenses",
        "headed to, where arrived",
        "language form",
    }
)


#: the classes of the fifth set (BRIEF): every one of en, de, it, ru, es covers BRIEF_CORE
BRIEF_CORE = frozenset(
    {
        "perfect of travel",
        "returned from",
        "not since",
        "plan after the place",
        "trailing attribution",
        "expected, then arrived",
        "postponed in the body",
        "called off in the body",
        "unrealised plan of the past",
        "past, then future",
        "transcript",
    }
)
BRIEF_CLASSES = BRIEF_CORE | {
    "pluperfect",
    "passato remoto",
    "preterite",
    "clause-end negation",
    "perfective future",
    "plan of the past, still ahead",
}


def test_brief_set_is_well_formed() -> None:
    assert {p.stem for p in BRIEF.glob("*.yaml")} >= set(supported())
    for path in sorted(BRIEF.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert isinstance(data["published"], dt.date), path.name
        classes = {case["class"] for case in data["cases"]}
        assert classes <= BRIEF_CLASSES, (path.name, sorted(classes - BRIEF_CLASSES))
        if path.stem in {"en", "de", "it", "ru", "es"}:
            assert classes >= BRIEF_CORE, (path.name, sorted(BRIEF_CORE - classes))
        for case in data["cases"]:
            assert set(case) <= {"text", "class", "stops", "not_confirmed", "xfail"}, (path.name, case)
            assert case.get("stops") or case.get("not_confirmed"), (path.name, case)
            for stop in case.get("stops", []):
                assert set(stop) <= {"place", "status", "date"}, (path.name, stop)
            assert "\n\n" in case["text"], f"{path.name}: a probe is a headline and a body: {case['text']}"


@pytest.mark.parametrize(
    ("folder", "wanted"),
    [(PROBES, CLASSES), (NEWS, NEWS_CLASSES), (WIRE, WIRE_CLASSES), (FEATURE, FEATURE_CLASSES)],
    ids=["first", "news", "wire", "feature"],
)
def test_every_language_has_every_class(folder: Path, wanted: frozenset[str]) -> None:
    assert {p.stem for p in folder.glob("*.yaml")} >= set(supported())
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert isinstance(data["published"], dt.date), path.name
        classes = {case["class"] for case in data["cases"]}
        assert classes == wanted, (path.name, sorted(wanted ^ classes))
        for case in data["cases"]:
            assert set(case) <= {"text", "class", "stops", "xfail"} and case["stops"], (path.name, case)
            assert "\n\n" in case["text"], f"{path.name}: a probe is a headline and a body: {case['text']}"


@pytest.mark.parametrize(
    ("lang", "published", "case"),
    load_probes(PROBES)
    + load_probes(NEWS, "news-")
    + load_probes(WIRE, "wire-")
    + load_probes(FEATURE, "feature-"),
)
def test_probe(lang: str, published: dt.date, case: dict[str, Any], extractor: Extractor) -> None:
    got = [
        s
        for _, _, s in extract(case["text"], published=published, language=lang, extractor=extractor).stops()
    ]
    found = [f"{s.place} ({s.status.value})" for s in got]
    for want in case["stops"]:
        match = [s for s in got if str(want["place"]).lower() in stop_names(s)]
        assert match, f"{want['place']} not found among {found}"
        assert match[0].status.value == want["status"], f"{want['place']}: {found}, not {want['status']}"


@pytest.mark.parametrize(("lang", "published", "case"), load_probes(BRIEF, "brief-"))
def test_brief_probe(lang: str, published: dt.date, case: dict[str, Any], extractor: Extractor) -> None:
    got = [
        s
        for _, _, s in extract(case["text"], published=published, language=lang, extractor=extractor).stops()
    ]
    found = [f"{s.place} ({s.status.value}, {s.date})" for s in got]
    for want in case.get("stops", []):
        match = [s for s in got if str(want["place"]).lower() in stop_names(s)]
        assert match, f"{want['place']} not found among {found}"
        assert match[0].status.value == want["status"], f"{want['place']}: {found}, not {want['status']}"
        if "date" in want:
            assert str(match[0].date) == str(want["date"]), f"{want['place']}: {found}, not {want['date']}"
    for place in case.get("not_confirmed", []):
        bad = [s for s in got if str(place).lower() in stop_names(s) and s.status.value == "confirmed"]
        assert not bad, f"{place} is a confirmed stop: {found}"
