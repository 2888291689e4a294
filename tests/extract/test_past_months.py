"""A month named without its year in a past clause is the last one of that name up to the
publication, not the nearest one: "visited Suva in May" in a November article is this year's May
(the nearest May, six months on, is next year's), "war im Dezember in Suva" last December. A plan
keeps the nearest month ahead or behind, as before.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract.dates import DateFinder
from itinerary.extract.lang import lexicon

pytestmark = pytest.mark.fast

NOVEMBER = dt.date(2026, 11, 18)


@pytest.mark.parametrize(
    ("lang", "text", "past", "ahead"),
    [
        ("en", "She visited Suva in May.", "2026-05", "2027-05"),
        ("en", "She was in Suva in December.", "2025-12", "2026-12"),
        ("de", "Sie besuchte im Mai Suva.", "2026-05", "2027-05"),
        ("fr", "Elle s'est rendue à Suva en décembre.", "2025-12", "2026-12"),
        ("es", "Visitó Suva en mayo.", "2026-05", "2027-05"),
        ("ru", "В декабре она была в Суве.", "2025-12", "2026-12"),
        # a month up to the publication's own is the same either way
        ("en", "She visited Suva in November.", "2026-11", "2026-11"),
        ("it", "Ha visitato Suva in settembre.", "2026-09", "2026-09"),
        # a year given is kept
        ("en", "She visited Suva in December 2026.", "2026-12", "2026-12"),
    ],
)
def test_a_month_of_the_past_is_the_last_one(lang: str, text: str, past: str, ahead: str) -> None:
    hits = DateFinder(lexicon(lang)).find(text, NOVEMBER)
    assert [str(h.resolve(NOVEMBER, future=False)) for h in hits] == [past]
    assert [str(h.resolve(NOVEMBER, future=True)) for h in hits] == [ahead]


TUESDAY = dt.date(2026, 3, 10)


@pytest.mark.parametrize(
    ("lang", "text", "month"),
    [
        ("en", "Biden, who travelled to Kyiv a year ago, said", "2025-03"),
        ("en", "He visited Kyiv two years ago.", "2024-03"),
        ("en", "He visited Kyiv three months ago.", "2025-12"),
        ("de", "Er besuchte Kiew vor einem Jahr.", "2025-03"),
        ("de", "Er war vor drei Monaten in Kiew.", "2025-12"),
        ("fr", "Il a visité Kiev il y a un an.", "2025-03"),
        ("fr", "Il s'est rendu à Kiev il y a deux ans.", "2024-03"),
        ("es", "Visitó Kiev hace un año.", "2025-03"),
        ("es", "Visitó Kiev hace tres meses.", "2025-12"),
        ("it", "Ha visitato Kiev un anno fa.", "2025-03"),
        ("it", "Era a Kiev due anni fa.", "2024-03"),
        ("pt", "Visitou Kiev há um ano.", "2025-03"),
        ("pt", "Esteve em Kiev há dois anos.", "2024-03"),
        ("ru", "Он посетил Киев год назад.", "2025-03"),
        ("ru", "Он был в Киеве два года назад.", "2024-03"),
        ("ru", "Он был в Киеве три месяца назад.", "2025-12"),
    ],
)
def test_a_time_ago_is_the_month_it_counts_back_to(lang: str, text: str, month: str) -> None:
    hits = DateFinder(lexicon(lang)).find(text, TUESDAY)
    assert [str(h.resolve(TUESDAY, future=False)) for h in hits] == [month]
