"""Articles that report no trip give no stop.

Two parts. First, whole news-length articles (150 to 300 words) in every language, from
``tests/extract/notrip_probes/news2/<code>.yaml``, in the format and under the convention of
``tests/extract/test_notrip_probes.py``: a leader recalling a visit dated relatively ("last
year", "im vergangenen Oktober"), a host receiving guests at home, calls, protests and summits
held where the leader does not go, sanctions and flight bans naming airports, interviews and
briefings in the leader's capital, obituaries and anniversaries of old trips, "volverá a" and its
kin (again, not travel), election campaigns at home. Second, the rules those articles need, each
on short sentences in at least two languages.
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

NEWS = Path(__file__).parent / "notrip_probes" / "news2"

#: the words of a news-length article (its headline and dateline included)
MIN_WORDS, MAX_WORDS = 150, 300


@pytest.mark.data
def test_every_language_has_news_length_notrip_articles() -> None:
    for code in supported():
        data = yaml.safe_load((NEWS / f"{code}.yaml").read_text(encoding="utf-8"))
        assert 2 <= len(data["cases"]) <= 3, code
        assert len({c["class"] for c in data["cases"]}) == len(data["cases"]), code
        for case in data["cases"]:
            assert set(case) <= {"text", "class", "allowed", "xfail"}, case
            words = len(case["text"].split())
            assert MIN_WORDS <= words <= MAX_WORDS, (code, case["class"], words)
            assert "\n\n" in case["text"], (code, case["class"])


@pytest.mark.data
@pytest.mark.parametrize(("lang", "published", "case"), load_probes(NEWS, tag="news2-"))
def test_news_length_notrip_article_gives_no_stop(
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
