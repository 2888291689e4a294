"""Stays read from the rest of the article: a stated visit length in another sentence that names
the stop, a "where" clause after the place, and Portuguese weekday words that are also ordinals.

Every sentence here is written for these tests (no article text).
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor, extract
from itinerary.extract.dates import DateFinder
from itinerary.extract.lang import lexicon

WEDNESDAY = dt.date(2026, 3, 11)


def _dates(text: str, lang: str, extractor: Extractor, day: dt.date = WEDNESDAY) -> dict[str, str]:
    it = extract(text, published=day, language=lang, extractor=extractor)
    return {(s.resolved.name if s.resolved else str(s.place)): str(s.date) for _, _, s in it.stops()}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Anna Berg lands in Hanoi: the state visit will last two days\n\n"
         "President Anna Berg arrived in Hanoi on Wednesday, her office said."),
        ("ru", "Анна Берг прилетела в Ханой: государственный визит продлится два дня\n\n"
         "Президент Анна Берг в среду прибыла в Ханой, сообщила её канцелярия."),
    ],
)  # fmt: skip
def test_a_visit_length_stated_beside_the_place_sets_the_stay(
    extractor: Extractor, lang: str, text: str
) -> None:
    assert _dates(text, lang, extractor)["Hanoi"] == "2026-03-11/2026-03-12"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Anna Berg begins her Nordic tour in Oslo\n\nPresident Anna Berg landed in Oslo on Wednesday, "
         "where she will open a trade fair on Thursday before heading to Helsinki."),
        ("fr", "Anna Berg commence sa tournée nordique à Oslo\n\nLa présidente Anna Berg a atterri mercredi "
         "à Oslo, où elle inaugurera jeudi une foire commerciale avant de se rendre à Helsinki."),
    ],
)  # fmt: skip
def test_a_where_clause_after_a_later_mention_stretches_the_stay(
    extractor: Extractor, lang: str, text: str
) -> None:
    assert _dates(text, lang, extractor)["Oslo"] == "2026-03-11/2026-03-12"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "President Anna Berg arrived in Riga on Monday. She met the prime minister on Tuesday. "
         "On Wednesday she flew on to Tallinn. On Friday she met the Estonian president."),
        ("de", "Präsidentin Anna Berg ist am Montag in Riga eingetroffen. Am Dienstag traf sie den "
         "Regierungschef. Am Mittwoch flog sie weiter nach Tallinn. Am Freitag traf sie den estnischen "
         "Präsidenten."),
    ],
)  # fmt: skip
def test_a_later_doing_goes_to_the_place_named_last(extractor: Extractor, lang: str, text: str) -> None:
    found = _dates(text, lang, extractor, dt.date(2026, 3, 13))
    assert found["Riga"] == "2026-03-09/2026-03-10"
    assert found["Tallinn"] == "2026-03-11/2026-03-13"


def test_portuguese_ordinals_are_no_weekdays_without_a_word_of_time() -> None:
    finder = DateFinder(lexicon("pt"))
    assert finder.find("Segunda visita do presidente ao estado em menos de uma semana.", WEDNESDAY) == []
    assert finder.find("A quinta edição do fórum abre hoje.", WEDNESDAY)[0].relative == 0
    assert [h.weekday for h in finder.find("O presidente chegou na segunda a Lisboa.", WEDNESDAY)] == [0]
    assert [h.weekday for h in finder.find("Desta terça, o presidente fala em Braga.", WEDNESDAY)] == [1]
