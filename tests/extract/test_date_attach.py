"""Which date a stop takes, class by class: a date inside a phrase that places the trip against
another event ("days before the summit on 15 July", "avant le sommet du 15 juillet") is that
event's, not the stop's, when the stop has a day of its own; a range whose second day follows its
article ("vom 12. bis zum 14. Juli", "entre el 12 y el 14 de julio") is one range; the days two
away from the publication ("the day before yesterday", "the day after tomorrow") and "domattina"
are days of their own; a weekday of a plan told in the imperfect ("était attendu lundi à Kiev",
"era atteso lunedì") is the one nearest the publication, as for a plan told in the past.

Every sentence here is written for these tests (no article text). Published on a Thursday.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor
from tests.extract.support import dates_by_place

THURSDAY = dt.date(2026, 7, 9)


def _dates(text: str, lang: str, extractor: Extractor, published: dt.date = THURSDAY) -> dict[str, str]:
    return dates_by_place(text, lang, extractor, published)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The president arrived in Kyiv on Tuesday, days before the summit on 15 July."),
        ("fr", "Le président est arrivé mardi à Kiev, quelques jours avant le sommet du 15 juillet."),
        ("de", "Der Präsident ist am Dienstag in Kiew eingetroffen, wenige Tage vor dem Gipfel am 15. Juli."),
        ("es", "El presidente llegó el martes a Kiev, pocos días antes de la cumbre del 15 de julio."),
        ("it", "Il presidente è arrivato martedì a Kiev, pochi giorni prima del vertice del 15 luglio."),
        ("pt", "O presidente chegou na terça-feira a Kiev, poucos dias antes da cimeira de 15 de julho."),
        ("ru", "Президент во вторник прибыл в Киев за несколько дней до саммита 15 июля."),
    ],
)
def test_the_day_of_an_event_the_trip_is_placed_against_is_not_the_stops(
    lang: str, text: str, extractor: Extractor
) -> None:
    # the stop's own Tuesday, not a stay from Tuesday to the summit's day
    assert _dates(text, lang, extractor)["Kyiv"] == "2026-07-07"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The minister will travel to Oslo on Monday, after the elections on 12 July."),
        ("fr", "Le ministre se rendra lundi à Oslo, après les élections du 12 juillet."),
        ("es", "El ministro viajará el lunes a Oslo, después de las elecciones del 12 de julio."),
        ("it", "Il ministro si recherà lunedì a Oslo, dopo le elezioni del 12 luglio."),
        ("pt", "O ministro viajará na segunda-feira para Oslo, depois das eleições de 12 de julho."),
        ("de", "Der Minister reist am Montag nach Oslo, nach den Wahlen am 12. Juli."),
        ("ru", "Министр в понедельник отправится в Осло после выборов 12 июля."),
    ],
)
def test_the_day_of_an_event_after_which_the_trip_comes_is_not_the_stops(
    lang: str, text: str, extractor: Extractor
) -> None:
    assert _dates(text, lang, extractor)["Oslo"] == "2026-07-13"


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("en", "The president will travel to Brussels for the summit on 15 July.", "Brussels"),
        ("fr", "Le président se rendra à Bruxelles pour le sommet du 15 juillet.", "Brussels"),
        ("es", "El presidente viajará a Bruselas para la cumbre del 15 de julio.", "Brussels"),
        ("de", "Der Präsident reist zum Gipfel am 15. Juli nach Brüssel.", "Brussels"),
    ],
)
def test_the_day_of_the_event_a_trip_is_for_still_dates_it(
    lang: str, text: str, place: str, extractor: Extractor
) -> None:
    # a guard: no phrase of "before"/"after" here, and the event's day is the stop's only one
    assert _dates(text, lang, extractor)[place] == "2026-07-15"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "El presidente visitará Japón entre el 12 y el 14 de julio."),
        ("it", "Il presidente visiterà il Giappone tra il 12 e il 14 luglio."),
        ("fr", "Le président se rendra au Japon entre le 12 et le 14 juillet."),
        ("de", "Der Präsident reist vom 12. bis zum 14. Juli nach Japan."),
    ],
)
def test_a_range_whose_second_day_has_its_article_is_one_range(
    lang: str, text: str, extractor: Extractor
) -> None:
    assert _dates(text, lang, extractor)["Japan"] == "2026-07-12/2026-07-14"


@pytest.mark.parametrize(
    ("lang", "text", "day"),
    [
        ("en", "The prime minister arrived in Madrid the day before yesterday.", "2026-07-07"),
        ("en", "The prime minister will arrive in Madrid the day after tomorrow.", "2026-07-11"),
        ("fr", "Le Premier ministre est arrivé avant-hier à Madrid.", "2026-07-07"),
        ("it", "Il premier arriverà domattina a Madrid.", "2026-07-10"),
        ("it", "Il premier è arrivato ieri mattina a Madrid.", "2026-07-08"),
        ("es", "El primer ministro llegará mañana por la mañana a Madrid.", "2026-07-10"),
    ],
)
def test_days_counted_from_the_publication(lang: str, text: str, day: str, extractor: Extractor) -> None:
    assert _dates(text, lang, extractor)["Madrid"] == day


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Le ministre était attendu lundi à Kiev, où il devait rencontrer le président."),
        ("fr", "Le ministre était attendu lundi à Kiev."),
        ("pt", "O ministro era esperado na segunda-feira em Kiev."),
        ("it", "Il ministro era atteso lunedì a Kiev."),
        ("en", "The minister was expected in Kyiv on Monday."),
        ("fr", "Le ministre devait se rendre lundi à Kiev."),
        ("it", "Il ministro doveva recarsi lunedì a Kiev."),
        ("es", "El ministro debía viajar el lunes a Kiev."),
        ("pt", "O ministro devia viajar na segunda-feira para Kiev."),
        ("de", "Der Minister sollte am Montag nach Kiew reisen."),
    ],
)
def test_a_weekday_of_a_plan_told_in_the_imperfect_is_the_nearest(
    lang: str, text: str, extractor: Extractor
) -> None:
    # said on a Thursday: the Monday just gone, not the one to come
    assert _dates(text, lang, extractor)["Kyiv"] == "2026-07-06"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Le ministre était attendu samedi à Kiev."),
        ("it", "Il ministro era atteso sabato a Kiev."),
        ("pt", "O ministro era esperado no sábado em Kiev."),
    ],
)
def test_a_weekday_of_a_plan_told_in_the_imperfect_may_be_to_come(
    lang: str, text: str, extractor: Extractor
) -> None:
    # said on a Thursday: the Saturday two days on is nearer than the one five days back
    assert _dates(text, lang, extractor)["Kyiv"] == "2026-07-11"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Der Minister flog am 6. Juli nach Oslo. Am Tag darauf reiste er nach Stockholm."),
        ("de", "Der Minister flog am 6. Juli nach Oslo. Am Tag darauf flog er weiter nach Stockholm."),
    ],
)
def test_a_name_inside_a_date_phrase_owns_no_date(lang: str, text: str, extractor: Extractor) -> None:
    # "Am Tag" is also a town's name: inside "Am Tag darauf" it is the date, which goes to Stockholm
    assert _dates(text, lang, extractor)["Stockholm"] == "2026-07-07"
