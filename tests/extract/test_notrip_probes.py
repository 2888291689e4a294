"""No-trip probes: whole short articles that name leaders and places but report no trip, in every
language, from ``tests/extract/notrip_probes/<code>.yaml``.

Most news is of this kind: a phone call, sanctions, an election, a speech naming countries, a
disaster abroad, an anniversary, an interview, a visitor hosted at home told from the host's side.
Each article has a headline, an agency dateline and a body of 80 to 200 words, as a reader meets
news of that language; every article here is written for these tests.

The convention is that of the annotators and of ``tests/extract/traps`` (class ``background``): a
trip of another time recalled as background ("in 2019 he had visited Hanoi", "Lula had visited
Madrid in 2023") is no stop of the article, nor is a city that speaks for its government
("Washington warned"), an agency's dateline city, the place a statement comes from, or a place a
leader at home votes, speaks or hosts in. A visitor hosted at home does travel: a ``host`` case
lists in ``allowed`` the names under which the visitor's stop may appear (it need not be found).

A case: ``text``, ``class``, optional ``allowed`` (the only places a stop may have) and ``xfail``
(its cause).
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

PROBES = Path(__file__).parent / "notrip_probes"
#: a second set of news-length articles (150 to 300 words): a leader recalling a visit dated
#: relatively ("last year", "im vergangenen Oktober"), a host receiving guests at home, calls,
#: protests and summits held where the leader does not go, sanctions and flight bans naming
#: airports, interviews and briefings in the leader's capital, obituaries and anniversaries of old
#: trips, "volverá a" and its kin (again, not travel), election campaigns at home
NEWS = PROBES / "news2"

#: per set: its folder, the cases per language, and the words of an article's body (its headline
#: and dateline included), as a reader counts them
SETS = {"short": (PROBES, (4, 5), (80, 200)), "news2": (NEWS, (2, 3), (150, 300))}


@pytest.mark.parametrize("name", SETS)
def test_every_language_has_notrip_articles(name: str) -> None:
    folder, (least, most), (shortest, longest) = SETS[name]
    for code in supported():
        data = yaml.safe_load((folder / f"{code}.yaml").read_text(encoding="utf-8"))
        assert least <= len(data["cases"]) <= most, code
        assert len({c["class"] for c in data["cases"]}) == len(data["cases"]), code
        for case in data["cases"]:
            assert set(case) <= {"text", "class", "allowed", "xfail"}, case
            words = len(case["text"].split())
            assert shortest <= words <= longest, (code, case["class"], words)
            assert "\n\n" in case["text"], (code, case["class"])  # a headline, then the body


@pytest.mark.parametrize(
    ("lang", "published", "case"), [*load_probes(PROBES), *load_probes(NEWS, tag="news2-")]
)
def test_notrip_article_gives_no_stop(
    lang: str, published: Any, case: dict[str, Any], extractor: Extractor
) -> None:
    day = published if isinstance(published, dt.date) else dt.date.fromisoformat(str(published))
    it = extract(case["text"], published=day, language=lang, extractor=extractor)
    allowed = {str(p).lower() for p in case.get("allowed", [])}
    false = [
        f"{trip.traveller}: {s.place} ({s.resolved.name if s.resolved else '-'})"
        for trip in it.trips
        for s in trip.stops
        if not stop_names(s) & allowed
    ]
    assert not false, f"false stops: {false}"
