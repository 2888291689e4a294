"""``extract --explain`` says what happened to every mention: a place the stop model keeps but the
assembly drops as a visit of another time is reported dropped, with that reason."""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor
from itinerary.extract.article import Article

pytestmark = pytest.mark.data

CASES = [
    (
        "en",
        "Biden arrived in Kyiv on Monday on an unannounced visit. "
        "In 2019 Biden visited Tokyo for talks with the emperor.",
        "Tokyo",
    ),
    (
        "fr",
        "Emmanuel Macron est arrivé lundi à Kiev pour une visite surprise. "
        "En 2019, Emmanuel Macron s'était rendu à Tokyo pour rencontrer l'empereur.",
        "Tokyo",
    ),
]


@pytest.mark.parametrize(("lang", "text", "place"), CASES, ids=[c[0] for c in CASES])
def test_background_visit_is_explained_as_dropped(
    extractor: Extractor, lang: str, text: str, place: str
) -> None:
    art = Article(text=text, published=dt.date(2023, 2, 20), source_id="a")
    analysis = extractor.analyse(art)
    draft = extractor.assemble(analysis)
    stops = {s.place for t in draft.trips for s in t.stops}
    assert place not in stops  # the assembly drops the visit of 2019 ...
    lines = [x for x in extractor.explain(analysis) if x.startswith(f"{place}: ")]
    assert lines, extractor.explain(analysis)
    # ... and --explain says so, rather than "kept"
    assert all(" kept " not in f" {x} " and "dropped" in x for x in lines), lines
    assert any("background" in x for x in lines), lines
