"""The rules the browser runtime applies agree with the Python rules they copy.

The runtime's ``rules.js`` (the status of a stop as known on a day; a leg's status from its
ends) runs in a real headless Chromium over the golden payload's stops and over every short
history of reports; the same cases go through ``merge._status`` and ``model.leg_status``.
Its ``i18n.js`` writes days and plurals as Babel does in Python, for every page language.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from typing import Any

import pytest

from itinerary.merge.observe import _Obs
from itinerary.merge.stops import _status
from itinerary.model import DateSpan, Status, Stop, leg_status
from itinerary.render.assets import runtime_module
from tests.golden import GOLDEN

pytestmark = pytest.mark.browser  # the runtime's rules run in headless Chromium

STATUSES = [s.value for s in Status]
Known = list[list[Any]]  # [[published day or None, status, date label], ...] as in the payload


def _python_known_status(known: Known, day: str) -> str | None:
    """merge's rule over the reports published by ``day`` (None: no report yet)."""
    stop = Stop(status=Status.PLANNED, place="x")
    obs = [
        _Obs(
            stop=stop,
            source=f"s{i:03d}",  # the payload keeps reports of one day in this order
            status=Status(status),
            date=DateSpan(),
            published=dt.date.fromisoformat(pub) if pub else None,
            seq=i,
            trip_key=0,
            position=0.0,
        )
        for i, (pub, status, _) in enumerate(known)
        if pub is None or pub <= day
    ]
    return _status(obs)[0].value if obs else None


def _histories() -> list[Known]:
    """Every history of one to three reports over the three statuses, on distinct days, on one
    day, and with a report of unknown day first."""
    out: list[Known] = []
    for k in (1, 2, 3):
        for seq in itertools.product(STATUSES, repeat=k):
            out.append([[f"2024-01-0{i + 1}", s, None] for i, s in enumerate(seq)])
            out.append([["2024-01-01", s, None] for s in seq])
            out.append(
                [[None, seq[0], None]] + [[f"2024-01-0{i + 2}", s, None] for i, s in enumerate(seq[1:])]
            )
    return out


def _golden_histories() -> list[Known]:
    data = json.loads((GOLDEN / "seed-14.payload.json").read_text("utf-8"))
    return [s["known"] for t in data["trips"] for s in t["stops"] if s and s.get("known")]


def _days(known: Known) -> list[str]:
    pubs = sorted({p for p, _, _ in known if p})
    extra = ["2023-01-01", "2025-12-31"]  # before every report, after them all
    return pubs + extra


@pytest.fixture(scope="module")
def rules() -> Any:
    from itinerary.render.browser import browser_page

    src = "\n".join(runtime_module(n) for n in ("util", "i18n", "rules"))
    with browser_page() as page:
        page.set_content("<html><body></body></html>")
        page.add_script_tag(
            content="window.RULES = (function () {\n" + src + "\nreturn {knownStatus: knownStatus, "
            "legStatusOf: legStatusOf, dayNumber: dayNumber, fmtDay: fmtDay, tn: tn, "
            "setWords: function (w) { WORDS = w; }};\n})();"
        )
        yield page


def test_known_status_matches_merge_rule(rules: Any) -> None:
    histories = _golden_histories() + _histories()
    assert len(_golden_histories()) >= 9  # every stop of the seed trip
    cases = [(known, day) for known in histories for day in _days(known)]
    js = rules.evaluate(
        "cases => cases.map(c => RULES.knownStatus({status: 'planned', known: c[0]}, RULES.dayNumber(c[1])))",
        [[k, d] for k, d in cases],
    )
    py = [_python_known_status(k, d) for k, d in cases]
    wrong = [(k, d, j, p) for (k, d), j, p in zip(cases, js, py, strict=True) if j != p]
    assert not wrong, f"{len(wrong)} of {len(cases)} differ, e.g. {wrong[:3]}"
    assert len(set(py)) == 4  # the three statuses and "not known yet" all occur


def test_leg_status_matches_model_rule(rules: Any) -> None:
    pairs = list(itertools.product(STATUSES, repeat=2))
    js = rules.evaluate("pairs => pairs.map(p => RULES.legStatusOf(p[0], p[1]))", [list(p) for p in pairs])
    py = [leg_status(Stop(status=Status(a)), Stop(status=Status(b))).value for a, b in pairs]
    assert js == py


@pytest.mark.parametrize("lang", ["en", "fr", "de", "es", "ru", "it", "pt"])
def test_runtime_dates_and_plurals_match_babel(rules: Any, lang: str) -> None:
    """The runtime's fmtDay and tn (from the payload's CLDR pattern and plural table) write what
    Babel writes in Python."""
    from itinerary.model import Precision
    from itinerary.render.i18n import Words, page_words

    w = Words(lang)
    days = [dt.date(2023, m, d) for m in range(1, 13) for d in (1, 9, 28)] + [dt.date(1999, 12, 31)]
    counts = [*range(260), 1001, 1_000_000]
    js = rules.evaluate(
        """a => { RULES.setWords(a.words);
                  return [a.days.map(d => RULES.fmtDay(RULES.dayNumber(d))),
                          a.counts.map(n => RULES.tn('{n} day', '{n} days', n, {n: n}))]; }""",
        {"words": page_words(lang), "days": [d.isoformat() for d in days], "counts": counts},
    )
    assert js[0] == [w.span(DateSpan(d, d, Precision.DAY)) for d in days]
    assert js[1] == [w.ngettext("{n} day", "{n} days", n).format(n=n) for n in counts]
