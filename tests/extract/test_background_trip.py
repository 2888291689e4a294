"""A trip dated long before the article (more than ``Tuning.background_days``: "in 2023 Lula had
visited Madrid") is background: the assembly drops it, and the article-level features do not count
it as the article's trip either (``article_trip``), nor its traveller as the article's main one.
Otherwise one visit of years ago, recalled in an article on a call or a speech, makes every other
place of it (the dateline, the capitals it names) look like the stops of a trip. Sentences written
for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor
from tests.extract.support import candidates_by_place

pytestmark = pytest.mark.data

DAY = dt.date(2026, 3, 10)

#: (language, article, another place of it, whether the article tells a trip of its time)
CASES = [
    (
        "en",
        "Biden and Scholz discuss Ukraine\n\nWASHINGTON (Reuters) - President Joe Biden spoke on Monday with "
        "Chancellor Olaf Scholz about aid for Ukraine. The two leaders discussed sanctions. In 2023 Scholz "
        "had travelled to Beijing for talks.",
        "WASHINGTON",
        False,
    ),
    (
        "en",
        "Scholz in Beijing\n\nBERLIN (Reuters) - Chancellor Olaf Scholz travelled to Beijing on Monday "
        "for talks with President Xi Jinping. The two leaders discussed trade.",
        "Beijing",
        True,
    ),
    (
        "es",
        "Sánchez y Lula hablan del Mercosur\n\nMADRID (EFE) - El presidente del Gobierno, Pedro Sánchez, "
        "habló este lunes con el presidente Lula sobre el Mercosur. Ambos coincidieron en cerrar el "
        "acuerdo. En 2023 Lula había viajado a Madrid para reunirse con el rey.",
        "MADRID",
        False,
    ),
    (
        "es",
        "Lula en Madrid\n\nMADRID (EFE) - El presidente de Brasil, Lula, viajó este lunes a Madrid para "
        "reunirse con Pedro Sánchez. Ambos hablaron del Mercosur.",
        "MADRID",
        True,
    ),
    (
        "ru",
        "Путин и Си провели переговоры по телефону\n\nМОСКВА, 10 марта. /ТАСС/. Президент России "
        "Владимир Путин провел во вторник телефонный разговор с председателем КНР Си Цзиньпином. "
        "Лидеры обсудили поставки газа. В 2023 году Путин прилетел в Пекин с государственным визитом.",
        "МОСКВА",
        False,
    ),
]


@pytest.mark.parametrize(("lang", "text", "place", "want"), CASES, ids=[f"{c[0]}-{c[3]}" for c in CASES])
def test_article_trip_leaves_out_background(
    lang: str, text: str, place: str, want: bool, extractor: Extractor
) -> None:
    found = candidates_by_place(text, lang, extractor, DAY)
    assert any(d.rule for d in found.values()), "the rules should read a trip for the test to mean anything"
    assert found[place].features["article_trip"] == float(want)
