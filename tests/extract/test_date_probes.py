"""Stop dates over short texts written for the suite, in every language, one file per language in
``tests/extract/date_cases/<code>.yaml`` (the format of ``tests/extract/cases``, see
``test_cases.py``). Each case names the class of date expression or of stay it checks: a stay
extended by later dated activities of the traveller at the same place (or with no other place
named in between) and closed by the next leg; explicit ranges; weekdays read from the tense;
today, yesterday and tomorrow; night arrivals; "the following day"; a dateline's day; a month.

A stay runs from the arrival to the last dated activity of the traveller there, or to the day the
next leg sets off; a date another person's event gives the same place is not the traveller's.
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

CASES = Path(__file__).parent / "date_cases"
# the second batch (``news/``): dates as a reader of news meets them (today beside a dateline, a
# bare weekday, the dateline's day, "the next day", ranges, a month around New Year, "last week",
# the date of another event in the same sentence, a tour in one range, the way home)
# the third batch (``wire/``): how wire copy dates the stops of a trip (a weekday counted from the
# dateline, the day before, a day of the month alone, "later this week", ranges, a date in the
# headline, a date carried from the sentence before, "arrived ... and will stay until", the date of
# another event in the same sentence)
# the fourth batch (``feature/``): dates as features and long reports give them (a tour dated once,
# ranges across months, "the following day" chained from a dated stop, "last week" and "earlier this
# month" against the publication date, a weekday with "next"/"last", a day of the month alone, a
# background trip with a year, an overnight flight in local time, a date in the headline)
BATCHES = {"": CASES, "news-": CASES / "news", "wire-": CASES / "wire", "feature-": CASES / "feature"}


def _files() -> list[tuple[str, Path]]:
    return [(tag, path) for tag, folder in BATCHES.items() for path in sorted(folder.glob("*.yaml"))]


def test_every_language_has_date_probes() -> None:
    for folder in BATCHES.values():
        assert {p.stem for p in folder.glob("*.yaml")} >= set(supported()), folder


def test_date_probes_are_well_formed() -> None:
    for _, path in _files():
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            assert set(case) <= {"text", "class", "stops", "xfail", "published"}, (path.name, case)
            assert case.get("text") and case.get("class") and case.get("stops"), (path.name, case)
            for stop in case["stops"]:
                assert set(stop) <= {"place", "status", "date"} and "date" in stop, (path.name, stop)


@pytest.mark.parametrize(
    ("lang", "published", "case"), [p for tag, folder in BATCHES.items() for p in load_probes(folder, tag)]
)
def test_date_probe(lang: str, published: Any, case: dict[str, Any], extractor: Extractor) -> None:
    day = case.get("published", published)
    day = day if isinstance(day, dt.date) or day is None else dt.date.fromisoformat(str(day))
    it = extract(case["text"], published=day, language=lang, extractor=extractor)
    got = [s for _, _, s in it.stops()]
    found = [f"{s.place} ({s.status.value}, {s.date})" for s in got]
    for want in case["stops"]:
        match = [s for s in got if str(want["place"]).lower() in stop_names(s)]
        assert match, f"{want['place']} not found among {found}"
        s = match[0]
        if "status" in want:
            assert s.status.value == want["status"], (
                f"{want['place']}: {s.status.value}, not {want['status']}"
            )
        wanted = "" if want["date"] is None else str(want["date"])  # null: no date at all
        assert str(s.date or "") == wanted, f"{want['place']}: dated {s.date}, not {want['date']}"
