"""Dates as features and long reports give them, rule by rule (the probes of
``date_cases/feature`` check them over whole cases): a weekday said with "next" is the one that
word points to, whatever the tense of a reporting clause beside it; the beginning or end of the
month names no day; "the day after that" and "a day later" count on from the day told before (and
open no clause of another time); a year with its article ("nel 2019", "im Jahr 2019") is that year.

Every sentence here is written for these tests (no article text).
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor, extract
from itinerary.extract.dates import DateFinder, anchor
from itinerary.extract.lang import lexicon

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


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("en", "At the beginning of the month the minister travelled to Nairobi for a summit.", "Nairobi"),
        ("fr", "Au début du mois, le ministre s'est rendu à Nairobi pour un sommet.", "Nairobi"),
        ("es", "A principios de mes, el ministro viajó a Nairobi para una cumbre.", "Nairobi"),
        ("it", "All'inizio del mese il ministro si è recato a Nairobi per un vertice.", "Nairobi"),
        ("pt", "No início do mês, o ministro viajou para Nairobi para uma cimeira.", "Nairobi"),
        ("ru", "В начале месяца министр посетил Найроби, где принял участие в саммите.", "Nairobi"),
        ("de", "Der Minister ist Anfang des Monats zu einem Gipfel nach Nairobi gereist.", "Nairobi"),
    ],
)
def test_the_beginning_of_the_month_names_no_day(
    lang: str, text: str, place: str, extractor: Extractor
) -> None:
    # "au début du mois": some day of the month already gone, not the day of the news
    assert _dates(text, lang, extractor)[place] == ""


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "The minister flew to Oslo on 6 July. "
            "The next day he travelled to Stockholm, and the day after that to Helsinki.",
        ),
        (
            "it",
            "Il ministro è volato a Oslo il 6 luglio. "
            "Il giorno seguente è andato a Stoccolma e il giorno dopo ancora a Helsinki.",
        ),
        (
            "de",
            "Der Minister flog am 6. Juli nach Oslo. "
            "Am nächsten Tag reiste er nach Stockholm weiter und am Tag danach nach Helsinki.",
        ),
    ],
)
def test_a_day_counted_on_from_the_day_before_opens_no_clause(
    lang: str, text: str, extractor: Extractor
) -> None:
    # "the day after that", "il giorno dopo ancora", "am Tag danach": a day later again, no clause
    # of another event opened by "after"; each stop of the chain keeps its own day
    got = _dates(text, lang, extractor)
    assert (got["Stockholm"], got["Helsinki"]) == ("2026-07-07", "2026-07-08")


@pytest.mark.parametrize(
    ("lang", "first", "second"),
    [
        ("es", "El ministro llegó a Oslo el 6 de julio.", "Un día más tarde viajó a Estocolmo."),
        ("es", "El ministro llegó a Oslo el 6 de julio.", "Dos días más tarde viajó a Estocolmo."),
        ("ru", "Министр прибыл в Осло 6 июля.", "Еще через день он отправился в Стокгольм."),
        ("ru", "Министр прибыл в Осло 6 июля.", "Два дня спустя он отправился в Стокгольм."),
        ("it", "Il ministro è arrivato a Oslo il 6 luglio.", "Un giorno più tardi è volato a Stoccolma."),
        ("pt", "O ministro chegou a Oslo a 6 de julho.", "Um dia mais tarde viajou para Estocolmo."),
        (
            "fr",
            "Le ministre est arrivé à Oslo le 6 juillet.",
            "Un jour plus tard, il s'est rendu à Stockholm.",
        ),
    ],
)
def test_a_day_or_two_later_counts_from_the_date_before_it(lang: str, first: str, second: str) -> None:
    # "un día más tarde", "еще через день", "deux jours plus tard": days counted on from the day
    # the sentence before told
    published = dt.date(2026, 7, 20)
    finder = DateFinder(lexicon(lang))
    hits = anchor([finder.find(t, published) for t in (first, second)], published, [False, False])
    days = 2 if any(w in second.lower() for w in ("dos días", "два дня")) else 1
    want = str(dt.date(2026, 7, 6) + dt.timedelta(days=days))
    assert [str(h.resolve(published, future=False)) for h in hits[1]] == [want]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("it", "Nel 2019 il ministro aveva visitato Pechino."),
        ("de", "Im Jahr 2019 hatte der Minister Peking besucht."),
        ("de", "Im Jahre 2019 hatte der Minister Peking besucht."),
        ("es", "En el año 2019 el ministro había visitado Pekín."),
    ],
)
def test_a_year_with_its_article_is_that_year(lang: str, text: str) -> None:
    # "nel 2019", "im Jahr 2019", "en el año 2019": a visit of that year (background, long before
    # the news), not one of the days around the publication
    hits = DateFinder(lexicon(lang)).find(text, THURSDAY)
    assert [str(h.resolve(THURSDAY, future=False)) for h in hits] == ["2019"]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Министр прибудет в Осло 18-го числа.", "2026-07-18"),
        ("Министр прибыл в Осло 3-го числа.", "2026-07-03"),
        ("Министр прибыл в Осло 3 числа.", "2026-07-03"),
    ],
)
def test_a_day_of_the_month_before_its_noun_is_that_day(text: str, day: str) -> None:
    # "18-го числа": the day of the month nearest the publication (Russian puts the noun after
    # the number; the other languages' words come before it, "el día 18")
    hits = DateFinder(lexicon("ru")).find(text, THURSDAY)
    assert [str(h.resolve(THURSDAY, future=False)) for h in hits] == [day]


def test_a_count_before_a_number_noun_is_no_day() -> None:
    # "большого числа" is "of a large number": no digit, no day
    assert (
        DateFinder(lexicon("ru")).find("Министр встретился с представителями большого числа стран.", THURSDAY)
        == []
    )
