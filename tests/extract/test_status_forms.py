"""Forms of a plan and of a cancellation that the cue words alone miss. Every sentence is written
for these tests.

A verb split around the place: a German separable particle closes the clause and joins its verb
("sagte seine Reise nach Manila ab" is absagen), an English phrasal particle too ("called the
visit to Manila off"). The past of a strong or irregular verb of postponing or cancelling
("verschob", "anuló", "rinvia", "сорвал", "переносит") cancels like its other forms. A future of a
short stem ("voará para Baku") is the future of the place's own clause. "set to visit" in a
headline (its copula left out) is a plan, not the purpose of a verb in the past. A past participle
of arrival opening a clause after a comma ("arrivato lunedì ad Ankara", "прибывший в понедельник
в Анкару") tells an arrival done whatever the tense of the main clause.
"""

from __future__ import annotations

import pytest

from itinerary.extract import Extractor
from itinerary.model import Status
from tests.extract.support import tuesday_status as _status

pytestmark = pytest.mark.data


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Der Präsident sagte seine Reise nach Manila wegen des Sturms ab.", "de", "Manila"),
        ("Die Kanzlerin sagt den Besuch in Hanoi in letzter Minute ab.", "de", "Hanoi"),
        ("The president called his visit to Manila off because of the storm.", "en", "Manila"),
        ("The minister called the trip to Hanoi off at the last minute.", "en", "Hanoi"),
    ],
)
def test_a_verb_split_around_the_place_cancels(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert _status(text, lang, place, extractor) is Status.CANCELLED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Der Präsident reiste nach Manila ab.", "de", "Manila"),  # abreisen: a departure, no cancellation
        ("The president set off for Manila on Monday.", "en", "Manila"),
    ],
)
def test_a_particle_of_another_verb_does_not_cancel(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert _status(text, lang, place, extractor) is not Status.CANCELLED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Der Kanzler verschob seine Reise nach Warschau auf unbestimmte Zeit.", "de", "Warschau"),
        ("El presidente anuló su viaje a Bogotá por la tormenta.", "es", "Bogotá"),
        ("Il premier rinvia la visita a Tunisi per lo sciopero.", "it", "Tunisi"),
        ("Il presidente ha posticipato la visita a Tunisi.", "it", "Tunisi"),
        ("Шторм сорвал визит президента в Манилу.", "ru", "Манилу"),
        ("Президент переносит визит в Ханой на следующий месяц.", "ru", "Ханой"),
    ],
)
def test_every_form_of_a_verb_of_cancelling_cancels(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert _status(text, lang, place, extractor) is Status.CANCELLED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("O avião presidencial voará para Dacar antes de seguir para Lima.", "pt", "Dacar"),
        ("El presidente irá a Lima para la cumbre de la región.", "es", "Lima"),
        ("Lula set to visit Canberra", "en", "Canberra"),
        ("Meloni set to travel to Rabat", "en", "Rabat"),
    ],
)
def test_a_future_the_endings_miss_is_planned(text: str, lang: str, place: str, extractor: Extractor) -> None:
    assert _status(text, lang, place, extractor) is Status.PLANNED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Il premier, arrivato lunedì ad Ankara, incontrerà il presidente.", "it", "Ankara"),
        ("El rey, llegado el lunes a Rabat, se reunirá con el primer ministro.", "es", "Rabat"),
        ("O rei, chegado na segunda-feira a Rabat, reunir-se-á com o primeiro-ministro.", "pt", "Rabat"),
        ("Премьер-министр, прибывший в понедельник в Анкару, встретится с президентом.", "ru", "Анкару"),
        ("Le Premier ministre, arrivé lundi à Ankara, rencontrera le président.", "fr", "Ankara"),
    ],
)
def test_a_participle_of_arrival_is_an_arrival_done(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    """A past participle of arrival without an auxiliary, after a comma, in a sentence whose main
    verb is future: the place is reached, and its weekday is the past one."""
    assert _status(text, lang, place, extractor) is Status.CONFIRMED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Il presidente, atteso lunedì a Roma, incontrerà il papa.", "it", "Roma"),
        ("El rey, esperado el lunes en Rabat, se reunirá con el primer ministro.", "es", "Rabat"),
    ],
)
def test_a_participle_of_a_plan_is_no_arrival(text: str, lang: str, place: str, extractor: Extractor) -> None:
    assert _status(text, lang, place, extractor) is Status.PLANNED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("When he arrives in Lima, the president will meet the mayor.", "en", "Lima"),
        ("Cuando llegue a Lima, el presidente se reunirá con el alcalde.", "es", "Lima"),
        ("Quando chegar a Lisboa, o presidente reunir-se-á com o primeiro-ministro.", "pt", "Lisboa"),
        ("Sobald er in Rom ankommt, wird der Kanzler den Papst treffen.", "de", "Rom"),
    ],
)
def test_a_clause_of_time_before_a_future_is_planned(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    """English, Spanish, Portuguese and German keep a present or a subjunctive in a clause of time
    about what is to come ("when he arrives", "cuando llegue", "quando chegar")."""
    assert _status(text, lang, place, extractor) is Status.PLANNED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("When he arrived in Lima, the president met the mayor.", "en", "Lima"),
        ("Cuando llegó a Lima, el presidente se reunió con el alcalde.", "es", "Lima"),
        ("Quando chegou a Lisboa, o presidente reuniu-se com o primeiro-ministro.", "pt", "Lisboa"),
        ("Als er in Rom ankam, traf der Kanzler den Papst.", "de", "Rom"),
        ("When he arrives in Lima, the president meets the mayor and lays a wreath.", "en", "Lima"),
    ],
)
def test_a_clause_of_time_in_the_past_or_present_is_no_plan(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert _status(text, lang, place, extractor) is not Status.PLANNED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("The trip to Lima, which had been planned for June, will not take place.", "en", "Lima"),
        ("La visite à Lima, prévue en juin, n'aura pas lieu.", "fr", "Lima"),
        ("Der Besuch in Lima findet nicht statt.", "de", "Lima"),
        ("La visita a Lima non avrà luogo.", "it", "Lima"),
        ("A visita a Lima não vai acontecer.", "pt", "Lima"),
        ("La visita a Lima no se realizará.", "es", "Lima"),
        ("Визит в Лиму не состоится.", "ru", "Лиму"),
    ],
)
def test_a_visit_that_will_not_take_place_is_cancelled(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert _status(text, lang, place, extractor) is Status.CANCELLED
