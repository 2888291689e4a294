"""Helpers shared by the extraction tests."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from itinerary.extract import Article, Extractor, extract
from itinerary.extract.document import Candidate
from itinerary.model import Status


def load_probes(folder: Path, tag: str = "") -> list[Any]:
    """The probes of ``folder`` (one ``<language code>.yaml`` each: ``published`` and ``cases``)
    as test parameters ``(language, published, case)``, with an id ``<tag>code-index-class``; a case
    with ``xfail`` (its cause) is a strict expected failure: it fails loudly once it passes."""
    params = []
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for i, case in enumerate(data["cases"]):
            marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
            kind = re.sub(r"\W+", "_", str(case.get("class", ""))).strip("_")
            cid = f"{tag}{path.stem}-{i}-{kind}" if kind else f"{tag}{path.stem}-{i}"
            params.append(pytest.param(path.stem, data.get("published"), case, id=cid, marks=marks))
    return params


def stop_names(stop: Any) -> set[str]:
    """A stop's names to match a probe's place: as the article wrote it and as the gazetteer
    resolved it (lower case)."""
    names = {str(stop.place).lower()}
    if stop.resolved is not None:
        names.add(stop.resolved.name.lower())
    return names


def trips_by_traveller(text: str, lang: str, extractor: Extractor, published: dt.date) -> dict[str, set[str]]:
    """Traveller -> the names of their stops (the article's and the gazetteer's, lower case)."""
    it = extract(text, published=published, language=lang, extractor=extractor)
    out: dict[str, set[str]] = {}
    for trip in it.trips:
        names = out.setdefault(trip.traveller, set())
        for s in trip.stops:
            names.add(str(s.place).lower())
            if s.resolved is not None:
                names.add(s.resolved.name.lower())
    return out


def candidate_status(
    text: str, lang: str, place: str, extractor: Extractor, published: dt.date
) -> Status | None:
    """The status the rules give the first candidate ``place`` (None when it is no candidate)."""
    doc = extractor.analyse(Article(text=text, published=published, language=lang))
    found = [c.status for c in doc.candidates if c.place.text == place]
    return found[0] if found else None


def candidates_by_place(
    text: str, lang: str, extractor: Extractor, published: dt.date
) -> dict[str, Candidate]:
    """The article's candidates by the place's text (the first of each)."""
    doc = extractor.analyse(Article(text=text, published=published, language=lang))
    out: dict[str, Candidate] = {}
    for c in doc.candidates:
        out.setdefault(c.place.text, c)
    return out


#: the publication day of the status rule tests: a Tuesday (Monday is past, Wednesday ahead)
TUESDAY = dt.date(2026, 3, 10)


def tuesday_status(text: str, lang: str, place: str, extractor: Extractor) -> Status | None:
    """The status the rules give the first candidate ``place`` of a text published on TUESDAY."""
    return candidate_status(text, lang, place, extractor, TUESDAY)


#: the publication day of the brief and clause tests: a Wednesday (Tuesday the 17th and Friday the
#: 13th ahead, Monday the 9th past)
WEDNESDAY = dt.date(2026, 3, 11)


def wednesday_stops(text: str, lang: str, extractor: Extractor) -> dict[str, tuple[Status, str]]:
    """The stops of a text published on WEDNESDAY: the place as written -> (status, date)."""
    it = extract(text, published=WEDNESDAY, language=lang, extractor=extractor)
    return {str(s.place): (s.status, str(s.date)) for _, _, s in it.stops()}


def dates_by_place(text: str, lang: str, extractor: Extractor, published: dt.date) -> dict[str, str]:
    """The stops of a text: the gazetteer's name (else the place as written) -> its date ("" for
    none)."""
    it = extract(text, published=published, language=lang, extractor=extractor)
    return {(s.resolved.name if s.resolved else str(s.place)): str(s.date or "") for _, _, s in it.stops()}
