"""Helpers shared by the extraction tests."""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Article, Extractor, extract
from itinerary.model import Status


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


#: a rule test whose stop the shipped stop model scores just under its keep threshold: a known gap
#: of the learned scorer, not of the rule (strict: it fails loudly once the stop is kept again)
UNDER_THE_KEEP_THRESHOLD = pytest.mark.xfail(
    strict=True,
    reason=(
        "the stop model retrained on the merged open articles keeps a stop at p >= 0.60 "
        "(the held-out F1 chose it over 0.55) and scores this one between 0.55 and 0.60"
    ),
)
