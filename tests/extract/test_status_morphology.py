"""Status from the morphology of the verb that leads to a place, in every language we read.

* A negated verb of travel tells a trip not made: cancelled ("did not travel to", "ne s'est pas
  rendu à", "reiste nicht nach", "no viajó a", "non è andato a", "não viajou a", "не полетел в");
  "not yet" tells one still to come: planned; "not only" negates nothing.
* The conditional and the periphrastic future are what is to come: planned ("würde reisen",
  "viajaría", "si recherebbe", "viajaria", "полетел бы"; "va se rendre", "va a viajar", "vai
  viajar", "sta per volare", "собирается полететь"); a verb of going without an infinitive is no
  future ("va à Rome", "va a Roma", "sta a Roma"); nor is the conditional perfect of an unreal past
  ("sarebbe stato", "habría sido").
* The noun of an invitation with the trip it invites to is planned ("accepted an invitation to
  visit"); at someone's invitation (a genitive after the noun), the visit was made.
* A word of plan that closes the place's clause right after it speaks of it (verb-final clauses
  and verbless headlines: "Kanzler in Ottawa erwartet", "Visite à Rabat prévue"); a time of day
  or a plan come true there does not ("am Morgen", "as planned").
* A reported clause has its own tense: "dijo que visitaría Varsovia", "disse que visitaria".
* A verb with an enclitic pronoun keeps its tense ("reuniu-se": past).

Every sentence is written for these tests; the status is the one the rules read.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor
from itinerary.extract.lang import language, supported
from itinerary.model import Status
from tests.extract.support import candidate_status

pytestmark = pytest.mark.data

WEDNESDAY = dt.date(2026, 3, 11)


def _status(text: str, lang: str, place: str, extractor: Extractor) -> Status | None:
    return candidate_status(text, lang, place, extractor, WEDNESDAY)


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("The president did not travel to Johannesburg for the summit.", "en", "Johannesburg"),
        ("Le président ne s'est pas rendu à Johannesburg pour le sommet.", "fr", "Johannesburg"),
        ("Der Präsident reiste nicht nach Johannesburg zum Gipfel.", "de", "Johannesburg"),
        ("El presidente no viajó a Johannesburgo para la cumbre.", "es", "Johannesburgo"),
        ("Il presidente non è andato a Johannesburg per il vertice.", "it", "Johannesburg"),
        ("O presidente não viajou a Joanesburgo para a cimeira.", "pt", "Joanesburgo"),
        ("Президент не полетел в Йоханнесбург на саммит.", "ru", "Йоханнесбург"),
    ],
)
def test_a_negated_trip_is_cancelled(text: str, lang: str, place: str, extractor: Extractor) -> None:
    assert _status(text, lang, place, extractor) is Status.CANCELLED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("The delegation has not yet arrived in Nairobi.", "en", "Nairobi"),
        ("La délégation n'est pas encore arrivée à Nairobi.", "fr", "Nairobi"),
        ("La delegación todavía no ha llegado a Nairobi.", "es", "Nairobi"),
        ("A delegação ainda não chegou a Nairobi.", "pt", "Nairobi"),
    ],
)
def test_not_yet_is_planned(text: str, lang: str, place: str, extractor: Extractor) -> None:
    assert _status(text, lang, place, extractor) is Status.PLANNED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Der Kanzler reiste nicht nur nach Paris, sondern auch nach Rom.", "de", "Paris"),
        ("El presidente viajó no solo a Lima sino también a Quito.", "es", "Lima"),
        ("Il presidente è andato non solo a Parigi ma anche a Berlino.", "it", "Parigi"),
    ],
)
def test_not_only_negates_no_trip(text: str, lang: str, place: str, extractor: Extractor) -> None:
    assert _status(text, lang, place, extractor) is Status.CONFIRMED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Der Präsident würde nach Havanna reisen, sagte ein Berater.", "de", "Havanna"),
        ("El presidente viajaría a La Habana, según un asesor.", "es", "Habana"),
        ("Il presidente volerebbe a Tokyo, secondo un consigliere.", "it", "Tokyo"),
        ("O presidente viajaria a Havana, segundo um assessor.", "pt", "Havana"),
        ("Президент полетел бы в Гавану, сказал советник.", "ru", "Гавану"),
        ("Le Premier ministre va se rendre à Rabat, a indiqué Matignon.", "fr", "Rabat"),
        ("A ministra vai viajar a Rabat, informou o ministério.", "pt", "Rabat"),
        ("La ministra va a viajar a Rabat, informó el ministerio.", "es", "Rabat"),
        ("La ministra sta per volare a Rabat, ha riferito il ministero.", "it", "Rabat"),
        ("Министр собирается полететь в Рабат, сообщило министерство.", "ru", "Рабат"),
    ],
)
def test_the_conditional_and_the_periphrastic_future_are_planned(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert _status(text, lang, place, extractor) is Status.PLANNED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Le président va à Rome chaque année.", "fr", "Rome"),
        ("Il presidente sta a Roma per il vertice.", "it", "Roma"),
        ("El presidente va a Roma cada año.", "es", "Roma"),
        ("La secretaría de Estado viajó a Lima.", "es", "Lima"),
    ],
)
def test_a_verb_of_going_alone_is_no_future(text: str, lang: str, place: str, extractor: Extractor) -> None:
    assert _status(text, lang, place, extractor) is Status.CONFIRMED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("El canciller dijo el martes que visitaría Varsovia el mes próximo.", "es", "Varsovia"),
        ("O chanceler disse na terça-feira que visitaria Varsóvia no próximo mês.", "pt", "Varsóvia"),
        ("Il cancelliere ha detto martedì che visiterebbe Varsavia.", "it", "Varsavia"),
    ],
)
def test_a_reported_clause_has_its_own_tense(text: str, lang: str, place: str, extractor: Extractor) -> None:
    assert _status(text, lang, place, extractor) is Status.PLANNED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("O presidente reuniu-se na terça-feira com o imperador em Tóquio.", "pt", "Tóquio"),
        ("El presidente se reunió el martes con el emperador en Tokio.", "es", "Tokio"),
    ],
)
def test_a_past_with_an_enclitic_pronoun_is_past(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    """The Tuesday before a Wednesday's publication: confirmed (a present would point forward)."""
    assert _status(text, lang, place, extractor) is Status.CONFIRMED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Sarebbe stato il terzo viaggio del papa, dopo la visita ad Abu Dhabi del 2019.", "it", "Abu Dhabi"),
        ("Habría sido el tercer viaje del papa, tras la visita a Abu Dabi de 2019.", "es", "Abu Dabi"),
    ],
)
def test_the_conditional_perfect_is_no_plan(text: str, lang: str, place: str, extractor: Extractor) -> None:
    """An unreal past ("sarebbe stato", "habría sido") tells no trip to come."""
    assert _status(text, lang, place, extractor) is not Status.PLANNED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Le pape a accepté une invitation à se rendre à Kinshasa.", "fr", "Kinshasa"),
        ("El papa aceptó una invitación para visitar Kinsasa.", "es", "Kinsasa"),
        ("Il papa ha accettato l'invito a visitare Kinshasa.", "it", "Kinshasa"),
        ("O papa aceitou o convite para visitar Kinshasa.", "pt", "Kinshasa"),
    ],
)
def test_an_invitation_accepted_is_planned(text: str, lang: str, place: str, extractor: Extractor) -> None:
    """The noun of an invitation with the trip it invites to: a trip to come, not one made."""
    assert _status(text, lang, place, extractor) is Status.PLANNED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("À l'invitation du président, le pape est arrivé lundi à Kinshasa.", "fr", "Kinshasa"),
        ("El papa llegó el lunes a Kinsasa por invitación del presidente.", "es", "Kinsasa"),
        ("Su invito del presidente, il papa è arrivato lunedì a Kinshasa.", "it", "Kinshasa"),
        ("A convite do presidente, o papa chegou na segunda-feira a Kinshasa.", "pt", "Kinshasa"),
    ],
)
def test_a_visit_made_at_an_invitation_is_confirmed(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert _status(text, lang, place, extractor) is Status.CONFIRMED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Kanzler in Ottawa erwartet", "de", "Ottawa"),
        ("Besuch des Kanzlers in Warschau geplant", "de", "Warschau"),
        ("Visite du président à Rabat prévue", "fr", "Rabat"),
        ("Visita del presidente a Rabat prevista", "it", "Rabat"),
        ("Biden in Hanoi tomorrow", "en", "Hanoi"),
    ],
)
def test_a_word_of_plan_closing_the_clause_speaks_of_the_place(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    """Verb-final clauses and verbless headlines put the word of plan after the place."""
    assert _status(text, lang, place, extractor) is Status.PLANNED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Der Kanzler war am Dienstag in Ottawa am Morgen.", "de", "Ottawa"),
        ("Biden arrived in Hanoi on Tuesday as planned.", "en", "Hanoi"),
        ("Le président est arrivé mardi à Rabat comme prévu.", "fr", "Rabat"),
    ],
)
def test_a_time_of_day_or_a_plan_come_true_after_the_place_is_no_plan(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert _status(text, lang, place, extractor) is Status.CONFIRMED


@pytest.mark.parametrize("code", supported())
def test_every_language_reads_the_conditional(code: str) -> None:
    """Parity: a language the tagger does not read has its own hook for the conditional and the
    periphrastic future (the tagger's mood and tense stand for it elsewhere)."""
    from itinerary.extract.lang.base import Language
    from itinerary.extract.nlp import MODELS

    assert code in MODELS or type(language(code)).prospective is not Language.prospective, code
