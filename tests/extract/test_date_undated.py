"""Stops the article does not date stay undated: the day a plan or its cancellation is told
("confirmed on Thursday that he will not travel to Oslo", "wie Staatsmedien am Donnerstag
meldeten, wird er nach Oslo reisen") is the day of the telling, not of the trip still ahead;
a day offered as one of several ("on Friday or at the weekend", "el viernes o durante el fin de
semana") names no day of the stop.

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
        ("en", "The president confirmed on Thursday that he will not travel to Oslo for the summit."),
        ("es", "El presidente confirmó este jueves que no viajará a Oslo para la cumbre."),
        ("fr", "Le président a confirmé jeudi qu'il ne se rendra pas à Oslo pour le sommet."),
        ("de", "Der Präsident bestätigte am Donnerstag, dass er nicht zum Gipfel nach Oslo reisen wird."),
        ("ru", "Президент в четверг подтвердил, что не поедет в Осло на саммит."),
    ],
)
def test_the_day_a_cancellation_is_told_is_not_the_trips(lang: str, text: str, extractor: Extractor) -> None:
    assert _dates(text, lang, extractor).get("Oslo") == ""


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "As state media reported on Thursday, the president will first travel to Oslo."),
        ("de", "Wie Staatsmedien am Donnerstag meldeten, wird der Präsident zunächst nach Oslo reisen."),
        ("es", "Según informaron este jueves medios estatales, el presidente viajará primero a Oslo."),
        ("fr", "Comme l'a annoncé jeudi l'Élysée, le président se rendra d'abord à Oslo."),
        ("de", "Wie Staatsmedien am Donnerstag berichteten, wird der Präsident zunächst nach Oslo reisen."),
        ("ru", "«Президент отправится в Осло с визитом», — говорится в сообщении в четверг."),
        ("ru", "Президент отправится в Осло с визитом, говорится в сообщении Кремля в четверг."),
    ],
)
def test_the_day_a_plan_is_reported_is_not_the_trips(lang: str, text: str, extractor: Extractor) -> None:
    assert _dates(text, lang, extractor).get("Oslo") == ""


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The president could arrive in Oslo on Friday or at the weekend."),
        ("es", "El presidente podría llegar a Oslo el viernes o durante el fin de semana."),
        ("fr", "Le président pourrait arriver à Oslo vendredi ou pendant le week-end."),
        ("de", "Der Präsident könnte am Freitag oder am Wochenende in Oslo eintreffen."),
        ("it", "Il presidente potrebbe arrivare a Oslo venerdì o durante il fine settimana."),
    ],
)
def test_a_day_offered_as_one_of_several_names_no_day(lang: str, text: str, extractor: Extractor) -> None:
    assert _dates(text, lang, extractor).get("Oslo") == ""


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The president will travel to Oslo on Friday, his office said on Thursday."),
        ("es", "El presidente viajará el viernes a Oslo, informó este jueves su oficina."),
        ("de", "Der Präsident reist am Freitag nach Oslo, sagte ein Sprecher am Donnerstag."),
    ],
)
def test_a_plan_with_a_day_of_its_own_keeps_it(lang: str, text: str, extractor: Extractor) -> None:
    # the control: the trip's own Friday, not the telling's Thursday
    assert _dates(text, lang, extractor).get("Oslo") == "2026-07-10"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The president arrived in Oslo on Thursday, state media reported."),
        ("de", "Der Präsident ist am Donnerstag in Oslo eingetroffen, berichteten Staatsmedien."),
    ],
)
def test_an_arrival_keeps_its_day(lang: str, text: str, extractor: Extractor) -> None:
    assert _dates(text, lang, extractor).get("Oslo") == "2026-07-09"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The president will arrive in Oslo on Friday or in Bergen on Saturday."),
        ("es", "El presidente llegará a Oslo el viernes o a Bergen el sábado."),
    ],
)
def test_a_choice_of_places_keeps_each_its_day(lang: str, text: str, extractor: Extractor) -> None:
    assert _dates(text, lang, extractor).get("Oslo") == "2026-07-10"
