"""Articles that report no trip give no stop: a trip the article denies is planned, travel words of
other people or of no person, and "again" verbs that are no travel.

Each rule on short articles written for these tests, in at least two languages.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor, extract
from tests.extract.support import candidates_by_place, stop_names

pytestmark = pytest.mark.data

#: the publication day of the rule tests: a Wednesday in November
DAY = dt.date(2026, 11, 18)

# --- a denied plan: "has no plans to travel to Nigeria" names the place of a trip nobody plans.
# It is no stop (neither planned nor made: nothing was set to be called off).

#: (language, a short article whose only trip is one it denies is planned, the denied place)
DENIED = [
    (
        "en",
        "White House on Africa\n\nWASHINGTON (AP) - President Donald Trump has no plans to travel to "
        "Nigeria this year, a spokeswoman said on Tuesday. She said he would speak with African leaders "
        "by phone.",
        "Nigeria",
    ),
    (
        "fr",
        "L'Élysée et l'Afrique\n\nPARIS (AFP) - Le président Emmanuel Macron n'a pas l'intention de se "
        "rendre à Bamako cette année, a indiqué mardi un conseiller. Il parlera à ses homologues par "
        "téléphone.",
        "Bamako",
    ),
    (
        "de",
        "Merz und Afrika\n\nBERLIN (dpa) - Bundeskanzler Friedrich Merz plant keine Reise nach Nigeria "
        "in diesem Jahr, sagte ein Regierungssprecher am Dienstag. Er werde mit den Präsidenten "
        "telefonieren.",
        "Nigeria",
    ),
    (
        "es",
        "Sánchez y Marruecos\n\nMADRID (EFE) - El presidente del Gobierno, Pedro Sánchez, no tiene "
        "previsto viajar a Rabat este año, dijeron el martes fuentes del Gobierno. Hablará por teléfono "
        "con el rey.",
        "Rabat",
    ),
    (
        "ru",
        "Песков о планах Путина\n\nМОСКВА, 17 ноября. /ТАСС/. Президент России Владимир Путин не "
        "планирует посетить Бразилию в этом году, сообщил во вторник Дмитрий Песков. Путин проведет "
        "телефонный разговор с Лулой.",
        "Бразилию",
    ),
    (
        "it",
        "Meloni e l'Africa\n\nROMA (ANSA) - La presidente del Consiglio Giorgia Meloni non ha in "
        "programma di recarsi a Nairobi quest'anno, hanno detto martedì fonti del governo. Parlerà al "
        "telefono con Ruto.",
        "Nairobi",
    ),
    (
        "pt",
        "Lula e a China\n\nBRASÍLIA (Agência Brasil) - O presidente Lula não tem planos de viajar para "
        "Pequim neste ano, informou nesta terça-feira um assessor. Ele falará por telefone com Xi Jinping.",
        "Pequim",
    ),
]


@pytest.mark.parametrize(("lang", "text", "place"), DENIED, ids=[c[0] for c in DENIED])
def test_a_trip_denied_is_planned_is_no_stop(lang: str, text: str, place: str, extractor: Extractor) -> None:
    found = candidates_by_place(text, lang, extractor, DAY)
    assert not found[place].rule
    assert not extract(text, published=DAY, language=lang, extractor=extractor).trips


#: a trip told after a word of contrast is not denied with the plan before it
CONTRAST = [
    (
        "en",
        "Trump in Miami\n\nWASHINGTON (AP) - President Donald Trump has no plans to travel to Nigeria this "
        "year, but he flew to Miami on Tuesday for a rally.",
        "Miami",
    ),
    (
        "es",
        "Sánchez en Sevilla\n\nMADRID (EFE) - El presidente del Gobierno, Pedro Sánchez, no tiene previsto "
        "viajar a Rabat este año, pero viajó el martes a Sevilla para un mitin.",
        "Sevilla",
    ),
]


@pytest.mark.parametrize(("lang", "text", "place"), CONTRAST, ids=[c[0] for c in CONTRAST])
def test_a_trip_after_a_contrast_stays_a_stop(lang: str, text: str, place: str, extractor: Extractor) -> None:
    found = candidates_by_place(text, lang, extractor, DAY)
    assert found[place].rule
    stops = extract(text, published=DAY, language=lang, extractor=extractor).trips[0].stops
    assert place.lower() in {n for s in stops for n in stop_names(s)}
