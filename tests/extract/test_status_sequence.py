"""Sequence words and past perfects in the status and the dates of stops.

A sequence word ("then", "danach", "ensuite", "poi", "затем") says "after", not "in the future":
with a past verb in the sentence the stop after it is a past event; with a present verb or none it
is what comes next, planned. A pluperfect ("era giunto", "habían llegado") is a past: a weekday
in its clause is the previous one. Every sentence is written for the suite.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor, extract
from itinerary.extract.lang import tense
from itinerary.model import Stop

APRIL = dt.date(2024, 4, 16)  # a Tuesday
MAY = dt.date(2024, 5, 8)  # a Wednesday


def _stop(text: str, lang: str, published: dt.date, place: str, extractor: Extractor) -> Stop:
    it = extract(text, published=published, language=lang, extractor=extractor)
    stops = [s for _, _, s in it.stops()]
    found = [s for s in stops if place.lower() in str(s.place).lower()]
    assert found, f"{place} not among {[str(s.place) for s in stops]}"
    return found[0]


@pytest.mark.data
@pytest.mark.parametrize(
    ("lang", "text", "place", "date"),
    [
        (
            "de",
            "Am Montag reiste er weiter nach Shanghai und sprach dort mit Studenten.",
            "Shanghai",
            "2024-04-15",
        ),
        (
            "de",
            "Der Kanzler besuchte am Montag Peking und reiste anschließend nach Shanghai.",
            "Shanghai",
            None,
        ),
        ("fr", "Le président s'est ensuite rendu lundi à Shanghai.", "Shanghai", "2024-04-15"),
        ("fr", "Le président a visité Pékin lundi puis s'est rendu à Shanghai.", "Shanghai", None),
        ("ru", "Президент посетил Пекин в понедельник, а затем прилетел в Шанхай.", "Шанхай", None),
        ("ru", "В понедельник президент затем прибыл в Шанхай.", "Шанхай", "2024-04-15"),
    ],
)
def test_a_sequence_word_with_a_past_verb_is_a_past_event(
    lang: str, text: str, place: str, date: str | None, extractor: Extractor
) -> None:
    stop = _stop(text, lang, APRIL, place, extractor)
    assert stop.status.value == "confirmed"
    if date is not None:
        assert str(stop.date) == date


@pytest.mark.data
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("it", "Il presidente cinese oggi incontra Vučić a Belgrado, poi vola a Budapest."),
        ("it", "Il presidente cinese a Belgrado, poi a Budapest: la visita continua."),
        ("es", "El presidente chino en Belgrado, luego en Budapest: la gira continúa."),
        ("en", "The Chinese president meets Vučić in Belgrade today and then travels to Budapest."),
        ("es", "El presidente chino se reúne hoy con Vučić en Belgrado y luego viaja a Budapest."),
        ("de", "Der chinesische Präsident trifft heute Vučić in Belgrad und reist danach nach Budapest."),
        ("fr", "Le président chinois rencontre aujourd'hui Vučić à Belgrade, puis se rend à Budapest."),
    ],
)
def test_a_sequence_word_without_a_past_verb_is_what_comes_next(
    lang: str, text: str, extractor: Extractor
) -> None:
    assert _stop(text, lang, MAY, "Budapest", extractor).status.value == "planned"


@pytest.mark.data
@pytest.mark.parametrize(
    ("lang", "text", "place", "published", "date"),
    [
        ("it", "Il presidente era giunto domenica a Vienna.", "Vienna", MAY, "2024-05-05"),
        ("it", "Il presidente è poi arrivato lunedì a Shanghai.", "Shanghai", APRIL, "2024-04-15"),
        ("es", "Los reyes habían llegado el domingo a Lisboa.", "Lisboa", MAY, "2024-05-05"),
        ("es", "El presidente había llegado el domingo a Lisboa.", "Lisboa", MAY, "2024-05-05"),
        ("de", "Der Kanzler war am Sonntag in Madrid gelandet.", "Madrid", MAY, "2024-05-05"),
        ("fr", "Le président avait atterri dimanche à Madrid.", "Madrid", MAY, "2024-05-05"),
        ("pt", "O presidente tinha chegado no domingo a Madrid.", "Madrid", MAY, "2024-05-05"),
    ],
)
def test_a_weekday_after_a_past_perfect_is_the_previous_one(
    lang: str, text: str, place: str, published: dt.date, date: str, extractor: Extractor
) -> None:
    stop = _stop(text, lang, published, place, extractor)
    assert stop.status.value == "confirmed"
    assert str(stop.date) == date


@pytest.mark.parametrize(
    ("lang", "words", "want"),
    [
        ("it", "Xi era giunto domenica a Parigi", "past"),
        ("it", "i ministri avevano raggiunto Roma", "past"),
        ("it", "il presidente è poi arrivato a Shanghai", "past"),
        ("it", "il presidente ha già incontrato Macron", "past"),
        ("it", "il presidente è un alleato di Roma", "present"),
        ("it", "il presidente è adesso a Roma", "present"),
        ("es", "los reyes habían llegado a Lisboa", "past"),
        ("es", "hemos llegado a Lisboa", "past"),
        ("es", "los reyes llegan a Lisboa", "present"),
    ],
)
def test_the_pack_reads_a_perfect_or_pluperfect_as_past(lang: str, words: str, want: str) -> None:
    assert tense(lang, words.split()) == want
