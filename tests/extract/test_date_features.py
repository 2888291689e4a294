"""Dates as features and long reports give them, rule by rule (the probes of
``date_cases/feature`` check them over whole cases): a weekday said with "next" or "last" is the
one that word points to, whatever the tense of a reporting clause beside it.

Every sentence here is written for these tests (no article text).
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor, extract

THURSDAY = dt.date(2026, 7, 9)


def _dates(text: str, lang: str, extractor: Extractor, published: dt.date = THURSDAY) -> dict[str, str]:
    it = extract(text, published=published, language=lang, extractor=extractor)
    return {(s.resolved.name if s.resolved else str(s.place)): str(s.date or "") for _, _, s in it.stops()}


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("en", "The minister will fly to Riga next Monday, his spokesman said.", "Riga"),
        ("fr", "Le ministre se rendra à Riga lundi prochain, a indiqué son porte-parole.", "Riga"),
        ("es", "El ministro viajará a Riga el próximo lunes, dijo su portavoz.", "Riga"),
        ("it", "Il ministro si recherà a Riga lunedì prossimo, ha detto il suo portavoce.", "Riga"),
        ("pt", "O ministro viajará para Riga na próxima segunda-feira, disse o seu porta-voz.", "Riga"),
        ("ru", "Министр в следующий понедельник отправится в Ригу, сообщил его пресс-секретарь.", "Riga"),
    ],
)
def test_next_weekday_is_the_coming_one_beside_a_reporting_clause(
    lang: str, text: str, place: str, extractor: Extractor
) -> None:
    # "next Monday" said on a Thursday is the Monday to come, whatever tense "said" has
    assert _dates(text, lang, extractor)[place] == "2026-07-13"
