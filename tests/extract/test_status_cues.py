"""Cues of a plan and of a cancellation that every language we read has.

A past of a verb of obligation says what was to happen and had not yet at the time ("sollte
am Abend nach Wien zurückfliegen", "doveva rientrare a Roma", "debía regresar a Madrid",
"devia regressar a Lisboa", "devait rentrer à Paris"): planned. Giving a trip up ("rinunciare al
viaggio", "renunció al viaje", "verzichtet auf die Reise", "отказался от поездки") cancels it.
A place listed after another under the same verb ("expected in Kuala Lumpur for a two-day
visit and in Indonesia on Monday") takes that verb's status: a noun of travel between them
does not report a trip made. Every sentence is written for these tests.
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
        ("Nehammer sollte noch am Abend nach Wien zurückfliegen.", "de", "Wien"),
        ("Die Minister sollten am Abend nach Wien zurückfliegen.", "de", "Wien"),
        ("Il premier doveva rientrare a Roma in serata.", "it", "Roma"),
        ("El presidente debía regresar a Madrid por la noche.", "es", "Madrid"),
        ("El presidente deberá viajar a Quito el jueves.", "es", "Quito"),
        ("O presidente devia regressar a Lisboa à noite.", "pt", "Lisboa"),
        ("Le président devait rentrer à Paris dans la soirée.", "fr", "Paris"),
        ("Biden should go on to Jakarta after Hanoi.", "en", "Jakarta"),
        ("Il presidente dovrebbe proseguire per Giacarta.", "it", "Giacarta"),
    ],
)
def test_what_was_to_happen_is_planned(text: str, lang: str, place: str, extractor: Extractor) -> None:
    assert _status(text, lang, place, extractor) is Status.PLANNED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Draghi dovrà restare in isolamento e rinunciare al viaggio in Angola.", "it", "Angola"),
        ("El presidente renunció al viaje a Bogotá por la tormenta.", "es", "Bogotá"),
        ("O presidente renunciou à viagem a Luanda.", "pt", "Luanda"),
        ("Der Kanzler verzichtet auf die Reise nach Kiew.", "de", "Kiew"),
        ("Президент отказался от поездки в Киев.", "ru", "Киев"),
        ("Le président a renoncé à son voyage à Kiev.", "fr", "Kiev"),
    ],
)
def test_a_trip_given_up_is_cancelled(text: str, lang: str, place: str, extractor: Extractor) -> None:
    assert _status(text, lang, place, extractor) is Status.CANCELLED


@pytest.mark.parametrize(
    ("text", "lang", "place", "want"),
    [
        (
            "The prince had been expected in Kuala Lumpur on Sunday for a two-day visit"
            " and in Indonesia on Monday.",
            "en",
            "Indonesia",
            Status.PLANNED,
        ),
        (
            "Le président est attendu à Dakar pour une visite de deux jours et à Abidjan vendredi.",
            "fr",
            "Abidjan",
            Status.PLANNED,
        ),
        (
            "The prince arrived in Kuala Lumpur on Sunday for a two-day visit and in Jakarta on Monday.",
            "en",
            "Jakarta",
            Status.CONFIRMED,
        ),
        (
            "El rey llegó a Lima para una visita de dos días y a Quito el lunes.",
            "es",
            "Quito",
            Status.CONFIRMED,
        ),
    ],
)
def test_a_place_listed_after_another_takes_its_status(
    text: str, lang: str, place: str, want: Status, extractor: Extractor
) -> None:
    assert _status(text, lang, place, extractor) is want


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        (
            "El Congreso le negó el jueves, por 67 votos contra 42, el permiso para salir del país"
            " y viajar a Bogotá.",
            "es",
            "Bogotá",
        ),
        ("Congress denied the president permission to travel to Bogotá.", "en", "Bogotá"),
        ("O Congresso negou ao presidente a autorização para viajar a Bogotá.", "pt", "Bogotá"),
        (
            "Das Parlament verweigerte dem Präsidenten die Genehmigung für die Reise nach Bogotá.",
            "de",
            "Bogotá",
        ),
        ("Le Parlement a refusé au président l'autorisation de se rendre à Bogota.", "fr", "Bogota"),
    ],
)
def test_a_trip_not_allowed_is_cancelled(text: str, lang: str, place: str, extractor: Extractor) -> None:
    assert _status(text, lang, place, extractor) is Status.CANCELLED


@pytest.mark.parametrize(
    ("text", "lang", "place", "want"),
    [
        (
            "Kagame fez-se representar pelo ministro dos Negócios Estrangeiros, Vincent Biruta,"
            " que está em Luanda à frente da delegação.",
            "pt",
            "Luanda",
            Status.CONFIRMED,
        ),
        (
            "Kagame cancelled his trip and sent his foreign minister, who arrived in Luanda on Monday.",
            "en",
            "Luanda",
            Status.CONFIRMED,
        ),
        (
            "Kagame a annulé son voyage et a envoyé son ministre, qui est arrivé lundi à Luanda.",
            "fr",
            "Luanda",
            Status.CONFIRMED,
        ),
        (
            "Kagame canceló la visita, que debía incluir una escala en Luanda.",
            "es",
            "Luanda",
            Status.CANCELLED,
        ),
        (
            "Kagame cancelled the visit, which was to include a stop in Luanda.",
            "en",
            "Luanda",
            Status.CANCELLED,
        ),
    ],
)
def test_a_relative_clause_of_a_person_has_its_own_status(
    text: str, lang: str, place: str, want: Status, extractor: Extractor
) -> None:
    """What the main clause cancels is not where the person of a relative clause is; the relative
    clause of a trip ("the visit, which was to include") shares the trip's cancellation."""
    assert _status(text, lang, place, extractor) is want
