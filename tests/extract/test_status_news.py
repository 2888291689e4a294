"""Status facts of news in every language we read, found by the second set of status probes.

* A phrase of a trip denied is a phrase where a word starts: "no visitará" is not in "el
  mandatario peruano visitará", "не посетит" not in "в июне посетит".
* A Russian imperfective present ends like a perfective one ("находится", "проводит": is, holds;
  "посетит": will visit): the morphology, not the ending, tells the future.
* A verb of possibility in the present before the place ("could visit", "peut se rendre",
  "puede viajar", "pode viajar", "может поехать") tells a trip that may be, not one made; its
  past ("a pu se rendre", "pudo viajar") tells a trip made.
* A place first told as planned and then as reached ("was expected in Dakar ... arrived in
  Dakar") is confirmed only when the arrival is told in the past with a verb of travel or
  arrival and a recent day, which dates the stop (``assemble.came_true``; an earlier, looser rule
  cost dates on the development articles). An older trip ("last visited Dakar in 2019") keeps
  the plan a plan.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor, extract
from itinerary.model import Status
from tests.extract.support import candidate_status

pytestmark = pytest.mark.data

WEDNESDAY = dt.date(2026, 3, 11)


def _status(text: str, lang: str, place: str, extractor: Extractor) -> Status | None:
    return candidate_status(text, lang, place, extractor, WEDNESDAY)


def _final(text: str, lang: str, place: str, extractor: Extractor) -> list[Status]:
    """The statuses of the final stops at ``place`` (the article's name or the gazetteer's)."""
    it = extract(text, published=WEDNESDAY, language=lang, extractor=extractor)
    return [
        s.status
        for t in it.trips
        for s in t.stops
        if place.lower() in {str(s.place).lower(), s.resolved.name.lower() if s.resolved else ""}
    ]


@pytest.mark.parametrize(
    ("text", "lang", "place", "want"),
    [
        ("El mandatario peruano visitará Quito en abril.", "es", "Quito", Status.PLANNED),
        ("El presidente boliviano viajará a Lima el próximo lunes.", "es", "Lima", Status.PLANNED),
        (
            "Папа принял приглашение иракского президента и в июне посетит Багдад.",
            "ru",
            "Багдад",
            Status.PLANNED,
        ),
        # the phrases themselves still deny the trip
        ("El presidente no visitará Quito en abril.", "es", "Quito", Status.CANCELLED),
        ("Президент заявил, что не посетит Багдад в июне.", "ru", "Багдад", Status.CANCELLED),
    ],
)
def test_a_phrase_of_denial_starts_a_word(
    text: str, lang: str, place: str, want: Status, extractor: Extractor
) -> None:
    assert _status(text, lang, place, extractor) is want


@pytest.mark.parametrize(
    ("text", "lang", "place", "want"),
    [
        (
            "Бразильский президент находится в турне по Западной Африке и во вторник провёл "
            "переговоры в Дакаре.",
            "ru",
            "Дакаре",
            Status.CONFIRMED,
        ),
        # the perfective present and the futures of other languages stay what is to come
        ("Президент посетит Пекин в апреле.", "ru", "Пекин", Status.PLANNED),
        ("Президент отправится в Пекин в апреле.", "ru", "Пекин", Status.PLANNED),
        ("Il presidente visiterà Lima.", "it", "Lima", Status.PLANNED),
        ("O presidente visitará Lima.", "pt", "Lima", Status.PLANNED),
    ],
)
def test_the_imperfective_present_is_no_future(
    text: str, lang: str, place: str, want: Status, extractor: Extractor
) -> None:
    assert _status(text, lang, place, extractor) is want


@pytest.mark.parametrize(
    ("text", "lang", "place", "want"),
    [
        (
            "The president could visit Caracas next month if the talks succeed.",
            "en",
            "Caracas",
            Status.PLANNED,
        ),
        ("Le président peut se rendre à Caracas le mois prochain.", "fr", "Caracas", Status.PLANNED),
        ("El presidente puede viajar a Caracas el mes próximo.", "es", "Caracas", Status.PLANNED),
        ("O presidente pode viajar a Caracas no próximo mês.", "pt", "Caracas", Status.PLANNED),
        ("Президент может поехать в Каракас в следующем месяце.", "ru", "Каракас", Status.PLANNED),
        # the past of the verb of possibility tells the trip made; "May" the month is no verb
        ("Le président a pu se rendre à Caracas mardi.", "fr", "Caracas", Status.CONFIRMED),
        ("El presidente pudo viajar a Caracas el martes.", "es", "Caracas", Status.CONFIRMED),
        ("In May the president visited Caracas.", "en", "Caracas", Status.CONFIRMED),
    ],
)
def test_a_trip_that_may_be(text: str, lang: str, place: str, want: Status, extractor: Extractor) -> None:
    assert _status(text, lang, place, extractor) is want


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Visit\n\nThe president will visit Dakar next week. He last visited Dakar in 2019.", "en"),
        ("Visita\n\nEl presidente visitará Dakar la próxima semana. Ya visitó Dakar en 2019.", "es"),
    ],
)
def test_an_older_trip_does_not_make_the_plan_come_true(text: str, lang: str, extractor: Extractor) -> None:
    assert _final(text, lang, "Dakar", extractor) == [Status.PLANNED]
