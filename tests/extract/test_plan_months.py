"""A month after the preposition of a plan is the trip's date: "planned for April", "geplant für
April", "prevista para abril", "prévue pour avril", "in agenda per aprile", "запланирован на
апрель". A general fact of every language: a schedule names its period after "for".

Every sentence here is written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract.dates import DateFinder
from itinerary.extract.lang import lexicon

pytestmark = pytest.mark.fast

PUBLISHED = dt.date(2026, 3, 10)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The visit is planned for April."),
        ("de", "Der Besuch ist für April geplant."),
        ("es", "La visita está prevista para abril."),
        ("fr", "La visite est prévue pour avril."),
        ("it", "Il viaggio è in agenda per aprile."),
        ("it", "Il viaggio è previsto ad aprile."),
        ("pt", "A visita está prevista para abril."),
        ("ru", "Визит запланирован на апрель."),
    ],
)
def test_a_month_after_the_preposition_of_a_plan(lang: str, text: str) -> None:
    hits = DateFinder(lexicon(lang)).find(text, PUBLISHED)
    assert [str(h.resolve(PUBLISHED, future=True)) for h in hits] == ["2026-04"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "He thanked them for 20 years of work."),
        ("de", "Er dankte ihnen für 20 Jahre Arbeit."),
        ("ru", "Он приехал на 3 дня."),
    ],
)
def test_a_number_after_it_is_no_year(lang: str, text: str) -> None:
    assert DateFinder(lexicon(lang)).find(text, PUBLISHED) == []
