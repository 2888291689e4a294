"""Status facts of short briefs, live blogs and transcripts in every language we read, found by
the fifth set of status probes (``status_probes/brief/``).

* A word of plan after the place closes the clause of a travel noun that is its subject: "the
  visit to Quito is planned for April", "der Besuch in Quito ist für April geplant", "визит в Кито
  запланирован на апрель", "la visita a Quito está prevista para abril", "il viaggio a Quito è in
  agenda per aprile": a trip to come. The words of a date there do not count against the reach
  (``Tuning.plan_after_noun_words``); a trip told in the past before the place ("arrived in Quito
  later than planned") is no plan.
* A trailing clause of saying (", the ministry said on Monday", ", сообщили в правительстве",
  ", informó el lunes el ministerio") is a clause of its own: its past tense is the telling's, not
  the trip's, so a weekday of the trip's clause keeps the trip's future.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from itinerary.extract import Extractor
from itinerary.model import Status
from tests.extract.support import WEDNESDAY, candidate_status, wednesday_stops

pytestmark = pytest.mark.data


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("The minister's trip to Lagos is scheduled for May.", "en", "Lagos"),
        ("Die Reise der Ministerin nach Lagos ist für Mai geplant.", "de", "Lagos"),
        ("Поездка министра в Лагос запланирована на май.", "ru", "Лагос"),
        ("El viaje de la ministra a Lagos está previsto para mayo.", "es", "Lagos"),
        ("Il viaggio della ministra a Lagos è ormai in agenda.", "it", "Lagos"),
        ("La visite de la ministre à Lagos est prévue pour mai.", "fr", "Lagos"),
        ("A viagem da ministra a Lagos está prevista para maio.", "pt", "Lagos"),
    ],
)
def test_plan_word_after_a_travel_noun(text: str, lang: str, place: str, extractor: Extractor) -> None:
    assert candidate_status(text, lang, place, extractor, WEDNESDAY) is Status.PLANNED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("The minister arrived in Lagos later than planned.", "en", "Lagos"),
        ("La ministre est arrivée à Lagos plus tard que prévu.", "fr", "Lagos"),
        ("La ministra llegó a Lagos más tarde de lo previsto.", "es", "Lagos"),
    ],
)
def test_a_trip_told_is_no_plan(text: str, lang: str, place: str, extractor: Extractor) -> None:
    assert candidate_status(text, lang, place, extractor, WEDNESDAY) is Status.CONFIRMED


@pytest.mark.parametrize(
    ("text", "lang", "place", "day"),
    [
        ("Премьер-министр прилетит в Баку в пятницу, сообщили в правительстве.", "ru", "Баку", "2026-03-13"),
        ("Il ministro visiterà Baku venerdì, ha reso noto lunedì la Farnesina.", "it", "Baku", "2026-03-13"),
        (
            "La ministra viajará a Bakú el viernes, informó el lunes el ministerio.",
            "es",
            "Bakú",
            "2026-03-13",
        ),
        ("The minister will fly to Baku on Friday, the ministry said on Monday.", "en", "Baku", "2026-03-13"),
    ],
)
def test_trailing_attribution_keeps_the_day_ahead(
    text: str, lang: str, place: str, day: str, extractor: Extractor
) -> None:
    assert wednesday_stops(text, lang, extractor)[place] == (Status.PLANNED, day)


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Besuch in Lagos\n\nDer Besuch der Ministerin in Lagos ist jetzt geplant.", "de", "Lagos"),
        ("Визит в Лагос\n\nВизит министра в Лагос уже запланирован.", "ru", "Лагос"),
        ("Visita a Lagos\n\nLa visita de la ministra a Lagos ya está prevista.", "es", "Lagos"),
    ],
)
def test_headline_place_planned_after_in_the_body(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    """A verbless headline ("Besuch in Lagos") over a body whose plan word closes the place's
    clause: the body tells the trip is to come, the stop is planned though no day is given."""
    assert wednesday_stops(text, lang, extractor)[place][0] is Status.PLANNED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("The minister was supposed to fly to Lagos on Monday; instead she stayed at home.", "en", "Lagos"),
        (
            "Die Ministerin sollte am Montag nach Lagos fliegen; stattdessen blieb sie zu Hause.",
            "de",
            "Lagos",
        ),
        ("Министр должен был посетить Лагос в понедельник. Вместо этого он остался дома.", "ru", "Лагос"),
        ("La ministra doveva volare a Lagos lunedì; invece è rimasta a casa.", "it", "Lagos"),
    ],
)
def test_a_plan_of_the_past_then_instead(text: str, lang: str, place: str, extractor: Extractor) -> None:
    """A plan told in the past ("was supposed to", "sollte", "должен был", "doveva") and a clause
    or sentence right after it opened by "instead" ("stattdessen", "вместо этого", "invece"): the
    plan did not come true."""
    assert candidate_status(text, lang, place, extractor, WEDNESDAY) is Status.CANCELLED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        (
            "The minister will fly to Lagos on Friday; instead of a state visit, it is a working visit.",
            "en",
            "Lagos",
        ),
        (
            "Die Ministerin wird am Freitag nach Lagos fliegen. Stattdessen bleibt der Kanzler in Berlin.",
            "de",
            "Lagos",
        ),
    ],
)
def test_instead_after_a_plan_to_come_keeps_it(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    """ "Instead of" is a preposition; "instead" after a plan still to come (the future) speaks of
    something else: the plan stays planned."""
    assert candidate_status(text, lang, place, extractor, WEDNESDAY) is Status.PLANNED
