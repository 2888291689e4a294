"""Dates as news gives them: the dateline's day for "today", periods that name no day, the date
of another event in a clause of its own, a range over a list of stops. The probes of
``date_cases/news`` check the cases where these rules give a date; the tests here check where
they must not.

Every sentence here is written for these tests (no article text).
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor, extract
from itinerary.extract.article import Article
from itinerary.extract.completion import vague_period
from itinerary.extract.lang import lexicon
from itinerary.extract.steps.dates import dateline_day
from itinerary.extract.tuning import TUNING

WEDNESDAY = dt.date(2026, 9, 16)


def _dates(text: str, lang: str, extractor: Extractor, day: dt.date = WEDNESDAY) -> dict[str, str]:
    it = extract(text, published=day, language=lang, extractor=extractor)
    return {(s.resolved.name if s.resolved else str(s.place)): str(s.date) for _, _, s in it.stops()}


def _dateline(text: str, lang: str, extractor: Extractor, day: dt.date) -> dt.date | None:
    doc = extractor.analyse(Article(text=text, published=day, language=lang, source_id="probe"))
    return dateline_day(doc.sentences, day, TUNING)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "MINSK, Sept 16 (Reuters) - President Anna Berg arrived in Minsk today."),
        ("fr", "MINSK, 16 sept (AFP) - La présidente Anna Berg est arrivée aujourd'hui à Minsk."),
        ("ru", "МИНСК, 16 сентября. /ТАСС/. Президент Анна Берг сегодня прибыла в Минск."),
    ],
)  # fmt: skip
def test_the_dateline_day_is_read_only_near_the_publication(
    extractor: Extractor, lang: str, text: str
) -> None:
    assert _dateline(text, lang, extractor, dt.date(2026, 9, 17)) == dt.date(2026, 9, 16)
    # printed a week later, or (a wrong year, a typo) before it was written: no day of writing
    assert _dateline(text, lang, extractor, dt.date(2026, 9, 23)) is None
    assert _dateline(text, lang, extractor, dt.date(2026, 9, 15)) is None


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "On Sept 16, President Anna Berg arrived in Minsk. Today she met the prime minister."),
        ("de", "Am 16. September ist Präsidentin Anna Berg in Minsk eingetroffen. "
         "Heute traf sie den Regierungschef."),
    ],
)  # fmt: skip
def test_a_date_that_opens_a_sentence_is_no_dateline(extractor: Extractor, lang: str, text: str) -> None:
    assert _dateline(text, lang, extractor, dt.date(2026, 9, 17)) is None


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "President Anna Berg will visit Ghana and Togo on 21 September."),
        ("es", "La presidenta Anna Berg visitará Ghana y Togo el 21 de septiembre."),
    ],
)  # fmt: skip
def test_a_single_day_still_dates_every_stop_of_a_list(extractor: Extractor, lang: str, text: str) -> None:
    got = _dates(text, lang, extractor)
    assert got["Togo"] == "2026-09-21", got


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "President Anna Berg arrived in Kyiv a week after the ceasefire was signed on 8 September."),
        ("fr", "La présidente Anna Berg est arrivée à Kiev une semaine après la signature du "
         "cessez-le-feu le 8 septembre."),
    ],
)  # fmt: skip
def test_the_date_of_an_earlier_event_is_not_the_stop_s(extractor: Extractor, lang: str, text: str) -> None:
    got = _dates(text, lang, extractor)
    assert "2026-09-08" not in got.get("Kyiv", ""), got


@pytest.mark.parametrize(
    ("lang", "text", "vague"),
    [
        ("en", "She visited Cairo last week.", True),
        ("en", "She visited Cairo on Tuesday, a week after the elections.", False),
        ("fr", "Elle s’est rendue au Caire l’année dernière.", True),
        ("ru", "На прошлой неделе она посетила Каир.", True),
        ("ru", "Она посетила Каир во вторник.", False),
    ],
)
def test_periods_that_name_no_day(lang: str, text: str, vague: bool) -> None:
    assert vague_period(text, lexicon(lang).vague_periods) is vague
