"""The page's message catalogues: every language translates exactly the messages the page uses."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from itinerary.model import DateSpan, Precision
from itinerary.render.i18n import (
    Words,
    catalogue,
    catalogue_problems,
    languages,
    message_ids,
    page_words,
    template,
)

LANGS = ("en", "fr", "de", "es", "ru", "it", "pt")


def test_the_page_speaks_at_least_seven_languages() -> None:
    assert set(LANGS) <= set(languages())
    assert languages()[0] == "en"


@pytest.mark.parametrize("lang", LANGS)
def test_catalogue_translates_exactly_the_page_messages(lang: str) -> None:
    assert catalogue_problems(catalogue(lang)) == []


def test_a_missing_or_unknown_message_is_reported() -> None:
    cat = copy.deepcopy(catalogue("fr"))
    del cat["Whole trip"]
    cat.add("A word the page never shows", string="Un mot")
    cat["Trip up to {day}"].string = "Voyage jusqu’au"  # the date lost
    problems = catalogue_problems(cat)
    assert any("missing message 'Whole trip'" in p for p in problems)
    assert any("unknown message 'A word the page never shows'" in p for p in problems)
    assert any("Trip up to {day}" in p and "placeholders" in p for p in problems)


def test_the_template_lists_every_message() -> None:
    """locale/messages.pot is what a translator copies: it is up to date with the sources."""
    from importlib import resources

    from babel.messages.pofile import read_po

    with resources.files("itinerary.render").joinpath("locale/messages.pot").open("rb") as fh:
        pot = read_po(fh)
    shipped = {m.id if isinstance(m.id, str) else (m.id[0], m.id[1]) for m in pot if m.id}
    assert (
        shipped
        == message_ids()
        == {m.id if isinstance(m.id, str) else (m.id[0], m.id[1]) for m in template() if m.id}
    )


def test_dates_and_numbers_come_from_cldr() -> None:
    day = DateSpan(dt.date(2023, 9, 13), dt.date(2023, 9, 13), Precision.DAY)
    span = DateSpan(dt.date(2023, 9, 3), dt.date(2023, 9, 6), Precision.DAY)
    month = DateSpan(dt.date(2023, 10, 1), dt.date(2023, 10, 31), Precision.MONTH)
    assert Words("fr").span(day) == "13 sept. 2023"
    assert Words("de").span(day) == "13. Sept. 2023"
    assert Words("fr").span(span) == "3–6 sept. 2023"
    assert Words("ru").span(day, short=True) == "13 сент."
    assert Words("en").span(month) == "Oct 2023"
    assert Words("fr").number(15335) == "15\u202f335"
    assert Words("de").number(15335) == "15.335"
    assert Words("en").number(0.4, 2) == "0.40"
    assert Words("ru").ngettext("{n} day", "{n} days", 3) == "{n} дня"
    assert Words("ru").date_label(DateSpan(None, None, Precision.UNKNOWN)) == "дата неизвестна"


def test_page_words_carry_the_plural_rule_and_cldr_day_pattern() -> None:
    ru = page_words("ru")
    assert ru["lang"] == "ru"
    assert [ru["plural"][n] for n in (1, 2, 5, 11, 21, 22, 25)] == [0, 1, 2, 2, 0, 1, 2]
    assert ru["day"] == "d MMM y\u202f'г'."
    assert ru["months"][8] == "сент."
    assert ru["messages"]["Whole trip"] == "Вся поездка"
    assert page_words("en")["day"] == "d MMM y"
