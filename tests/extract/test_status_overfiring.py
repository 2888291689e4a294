"""Words of plans, invitations and sequence inside reports of visits that were made.

A status word must not fire outside its own grammar: the noun of an invitation ("at the
invitation of", "по приглашению") or a guest of honour is no invitation to come; a verb of the
trip made between an invitation and the place ("was invited by the king and arrived in Madrid")
reports the trip; "as expected", "comme prévu" say that a plan came true; an infinitive of
purpose after a verb in the past ("traveled on Monday to visit flood victims in Kentucky") says
why a trip was made; the preposition "after" ("después de visitar Lima", "после визита в
Пекин") puts what follows it first, it is no adverb of sequence; a capital that decides or speaks
("Luanda suspendeu todas as visitas", "Riyadh had informed him that both visits were
postponed") is not the place of the trip it cancels. The shapes that do mean a plan or a
cancellation keep theirs. Every sentence is written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Article, Extractor
from itinerary.model import Status
from tests.extract.support import TUESDAY
from tests.extract.support import tuesday_status as _status

pytestmark = pytest.mark.data


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("At the invitation of King Felipe, Lula arrived in Madrid on Monday.", "en", "Madrid"),
        ("À l'invitation du roi, Macron est arrivé lundi à Rabat.", "fr", "Rabat"),
        ("Invité par le roi, Macron est arrivé lundi à Rabat.", "fr", "Rabat"),
        ("По приглашению председателя Си Путин прибыл в Пекин.", "ru", "Пекин"),
        ("По приглашению председателя Си Путин прибывает в Пекин.", "ru", "Пекин"),
        ("Lula was invited by King Felipe and arrived in Madrid on Monday.", "en", "Madrid"),
        ("The invited leaders arrived in Madrid on Monday.", "en", "Madrid"),
        ("Lula, invitado de honor en la cumbre de Lima, llegó el lunes.", "es", "Lima"),
        ("Lula, convidado de honra da cimeira de Lisboa, chegou na segunda-feira.", "pt", "Lisboa"),
    ],
)
def test_an_invitation_that_was_taken_up_is_a_confirmed_visit(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert _status(text, lang, place, extractor) is Status.CONFIRMED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Zelensky invited Lula to visit Kyiv.", "en", "Kyiv"),
        ("Lula was invited by Zelensky to visit Kyiv.", "en", "Kyiv"),
        ("Zelensky a invité Lula à se rendre à Kiev.", "fr", "Kiev"),
        ("Зеленский пригласил Лулу посетить Киев.", "ru", "Киев"),
        ("Лула приглашён посетить Киев.", "ru", "Киев"),
        ("Zelensky convidou Lula a visitar Kiev.", "pt", "Kiev"),
    ],
)
def test_an_invitation_to_come_stays_planned(text: str, lang: str, place: str, extractor: Extractor) -> None:
    assert _status(text, lang, place, extractor) is Status.PLANNED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("As expected, Lula arrived in Madrid on Monday.", "en", "Madrid"),
        ("As scheduled, Blinken landed in Amman on Monday night.", "en", "Amman"),
        ("Comme prévu, Macron est arrivé lundi à Rabat.", "fr", "Rabat"),
        ("Wie geplant landete Scholz am Montag in Madrid.", "de", "Madrid"),
        ("Como estaba previsto, el rey llegó el lunes a Bogotá.", "es", "Bogotá"),
        ("Come previsto, Mattarella è arrivato lunedì a Madrid.", "it", "Madrid"),
        ("Как и планировалось, Путин прибыл в Пекин в понедельник.", "ru", "Пекин"),
    ],
)
def test_a_plan_that_came_true_is_confirmed(text: str, lang: str, place: str, extractor: Extractor) -> None:
    assert _status(text, lang, place, extractor) is Status.CONFIRMED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Mr. Blinken was scheduled to land in Amman on Monday night.", "en", "Amman"),
        ("Lula is expected in Madrid on Monday.", "en", "Madrid"),
        ("Lula agreed to visit Madrid.", "en", "Madrid"),
        ("Lula plans to travel to Madrid.", "en", "Madrid"),
    ],
)
def test_a_plan_stays_planned(text: str, lang: str, place: str, extractor: Extractor) -> None:
    assert _status(text, lang, place, extractor) is Status.PLANNED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Biden traveled on Monday to visit flood victims in Kentucky.", "en", "Kentucky"),
        ("The pope returned on Sunday to visit a hospital in Lisbon.", "en", "Lisbon"),
    ],
)
def test_the_purpose_of_a_trip_made_is_no_plan(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert _status(text, lang, place, extractor) is Status.CONFIRMED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Después de visitar Lima, el presidente llega a Quito.", "es", "Lima"),
        ("Después de visitar Lima, el presidente llega a Quito.", "es", "Quito"),
        ("Después del encuentro en Lima, el presidente llega a Quito.", "es", "Quito"),
        ("Depois de passar por Lisboa, Lula chega a Madrid.", "pt", "Lisboa"),
        ("Depois do encontro em Lisboa, Lula chega a Madrid.", "pt", "Madrid"),
        ("После визита в Пекин Путин прибывает в Ханой.", "ru", "Ханой"),
    ],
)
def test_the_preposition_after_is_no_sequence_ahead(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert _status(text, lang, place, extractor) is Status.CONFIRMED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("El presidente visita hoy Lima y después viaja a Quito.", "es", "Quito"),
        ("Lula visita hoje Lisboa e depois viaja para Madrid.", "pt", "Madrid"),
        ("Путин сегодня в Пекине, затем летит в Ханой.", "ru", "Ханой"),
    ],
)
def test_the_adverb_then_still_points_ahead(text: str, lang: str, place: str, extractor: Extractor) -> None:
    assert _status(text, lang, place, extractor) is Status.PLANNED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Riyadh had informed him on Friday that both visits were postponed.", "en", "Riyadh"),
        ("Luanda suspendeu todas as visitas de alto nível a Portugal.", "pt", "Luanda"),
        ("Moscou a annulé la visite du ministre à Kiev.", "fr", "Moscou"),
        ("Caracas suspendió la visita del ministro a Bogotá.", "es", "Caracas"),
    ],
)
def test_a_capital_that_cancels_is_not_cancelled(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert _status(text, lang, place, extractor) is not Status.CANCELLED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("A planned stop in Kigali was called off.", "en", "Kigali"),
        ("Moscou a annulé la visite du ministre à Kiev.", "fr", "Kiev"),
        ("Caracas suspendió la visita del ministro a Bogotá.", "es", "Bogotá"),
        ("La escala en Quito fue cancelada.", "es", "Quito"),
    ],
)
def test_the_trip_a_capital_cancels_is_cancelled(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert _status(text, lang, place, extractor) is Status.CANCELLED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Biden's plane landed in Hanoi on Sunday.", "en", "Hanoi"),
        ("Due to bad weather, the president landed in Shannon on Sunday.", "en", "Shannon"),
        (
            "The president landed in Shannon on Sunday due to bad weather and flew on to Dublin.",
            "en",
            "Dublin",
        ),
    ],
)
def test_a_word_that_only_looks_like_a_plan_is_none(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    """ "plane" is no "plan", the "due to" of a cause no "is due to arrive"."""
    assert _status(text, lang, place, extractor) is Status.CONFIRMED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("The president is due to arrive in Hanoi on Sunday.", "en", "Hanoi"),
        ("The prince was due in Kuala Lumpur on Sunday.", "en", "Kuala Lumpur"),
        ("The president plans to travel to Hanoi.", "en", "Hanoi"),
    ],
)
def test_due_and_plan_still_mean_a_plan(text: str, lang: str, place: str, extractor: Extractor) -> None:
    assert _status(text, lang, place, extractor) is Status.PLANNED


@pytest.mark.parametrize(
    ("text", "lang", "place", "want"),
    [
        ("Biden toured Vietnam last week, followed by a stop in Jakarta.", "en", "Jakarta", Status.CONFIRMED),
        (
            "Le président a visité Dakar lundi, suivi d'une escale à Abidjan.",
            "fr",
            "Abidjan",
            Status.CONFIRMED,
        ),
        ("Biden tours Vietnam this week, followed by a stop in Jakarta.", "en", "Jakarta", Status.PLANNED),
    ],
)
def test_followed_by_is_a_sequence(
    text: str, lang: str, place: str, want: Status, extractor: Extractor
) -> None:
    """ "followed by", "suivi de" say "after": past after a verb in the past, ahead otherwise."""
    assert _status(text, lang, place, extractor) is want


@pytest.mark.parametrize(
    ("text", "place", "date"),
    [
        ("Macron a visité Dakar lundi.", "Dakar", "2026-03-09"),
        ("Le président a visité Dakar lundi, puis une escale à Abidjan.", "Dakar", "2026-03-09"),
        ("Macron avait quitté Dakar lundi.", "Dakar", "2026-03-09"),
    ],
)
def test_a_french_compound_past_is_past_whatever_the_participle_is_tagged(
    text: str, place: str, date: str, extractor: Extractor
) -> None:
    """The auxiliary of a compound tense ("a visité", the tagger's aux:tense) makes the clause
    past even where the small French model takes the participle for a noun."""
    doc = extractor.analyse(Article(text=text, published=TUESDAY, language="fr"))
    found = [c for c in doc.candidates if c.place.text == place]
    assert found and found[0].status is Status.CONFIRMED
    assert str(found[0].date) == date


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Le pape, attendu par des milliers de fidèles, est arrivé mercredi à Lisbonne.", "fr", "Lisbonne"),
        ("Il papa, atteso da migliaia di fedeli, è arrivato mercoledì a Lisbona.", "it", "Lisbona"),
        ("Der Papst, der seit Wochen erwartet wurde, landete am Mittwoch in Lissabon.", "de", "Lissabon"),
        ("After the planned talks, Lula flew to Madrid on Monday.", "en", "Madrid"),
        ("Tras la reunión prevista, Lula viajó el lunes a Madrid.", "es", "Madrid"),
        ("Depois da reunião prevista, Lula viajou na segunda-feira para Madrid.", "pt", "Madrid"),
    ],
)
def test_a_trip_told_in_the_past_after_a_word_of_plan_is_confirmed(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    """A verb of travel in the past between the word of a plan and the place tells the trip made."""
    assert _status(text, lang, place, extractor) is Status.CONFIRMED


@pytest.mark.parametrize(
    ("text", "lang", "place", "day"),
    [
        ("Il papa, atteso da migliaia di fedeli, è arrivato mercoledì a Lisbona.", "it", "Lisbona", 4),
        ("Der Papst, der seit Wochen erwartet wurde, landete am Mittwoch in Lissabon.", "de", "Lissabon", 4),
        ("Le pape, attendu par les fidèles, est arrivé mercredi à Lisbonne.", "fr", "Lisbonne", 4),
    ],
)
def test_the_weekday_of_a_trip_told_in_the_past_after_a_word_of_plan_is_the_past_one(
    text: str, lang: str, place: str, day: int, extractor: Extractor
) -> None:
    """The date reads the trip as the status does: made, so its weekday is the one gone by (a
    plan told in the past alone, "had been expected in Jakarta on Monday", takes the nearest)."""
    doc = extractor.analyse(Article(text=text, published=TUESDAY, language=lang))
    dates = [c.date for c in doc.candidates if c.place.text == place]
    assert dates and dates[0] is not None
    assert dates[0].start == dt.date(2026, 3, day)


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Il papa è atteso mercoledì a Lisbona.", "it", "Lisbona"),
        ("Der Papst wird am Mittwoch in Lissabon erwartet.", "de", "Lissabon"),
        ("Le pape est attendu mercredi à Lisbonne.", "fr", "Lisbonne"),
        ("Lula had planned to visit Madrid.", "en", "Madrid"),
        ("Biden, who was expected to attend, said he would travel to Hanoi.", "en", "Hanoi"),
    ],
)
def test_a_word_of_plan_without_a_trip_told_stays_planned(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert _status(text, lang, place, extractor) is Status.PLANNED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("After a two-hour delay, Biden landed in Hanoi on Sunday.", "en", "Hanoi"),
        ("Nach einer Verschiebung um einen Tag landete Scholz am Montag in Peking.", "de", "Peking"),
        ("Путин, перенесший визит на день, прибыл в Пекин в понедельник.", "ru", "Пекин"),
        ("Tras la retirada de las tropas, el presidente visitó el lunes Kabul.", "es", "Kabul"),
        ("Selon un reportage de France 24, Macron est arrivé lundi à Dakar.", "fr", "Dakar"),
        ("Biden postponed his trip and flew to Warsaw instead.", "en", "Warsaw"),
        ("Malgré le report de la réunion, Macron a visité Dakar lundi.", "fr", "Dakar"),
    ],
)
def test_a_trip_told_in_the_past_after_a_word_of_cancellation_was_made(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    """A delay or a postponement before a verb of travel in the past: the trip was made."""
    assert _status(text, lang, place, extractor) is Status.CONFIRMED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Biden cancelled the trip he had planned to Hanoi.", "en", "Hanoi"),
        ("The cancelled trip would have taken Biden to Hanoi.", "en", "Hanoi"),
        ("Scholz hat die Reise abgesagt, die ihn nach Peking geführt hätte.", "de", "Peking"),
        ("El presidente canceló el viaje que había planeado a Quito.", "es", "Quito"),
        ("Lula cancelou a viagem que tinha planeado a Luanda.", "pt", "Luanda"),
    ],
)
def test_a_cancelled_trip_without_a_verb_of_travel_in_the_past_stays_cancelled(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert _status(text, lang, place, extractor) is Status.CANCELLED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Shortly after the plane had taken off from Hanoi, Biden flew on to Jakarta.", "en", "Jakarta"),
        ("The plane had taken off for Jakarta on Sunday.", "en", "Jakarta"),
        ("Macron a répondu aux reporters à Dakar lundi.", "fr", "Dakar"),
    ],
)
def test_a_word_that_only_looks_like_a_cancellation_is_none(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    """A plane that has "taken off" is no trip "taken off the schedule"; "reporters" is no "report"."""
    assert _status(text, lang, place, extractor) is not Status.CANCELLED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Lula visitou ontem uma fábrica próxima de Lisboa.", "pt", "Lisboa"),
        ("El rey visitó ayer una base militar próxima a Bagdad.", "es", "Bagdad"),
        ("Il presidente ha visitato ieri una base in prossimità di Roma.", "it", "Roma"),
    ],
)
def test_next_that_means_near_is_no_plan(text: str, lang: str, place: str, extractor: Extractor) -> None:
    """ "próxima de", "próxima a", "in prossimità di" say "near", not "next"."""
    assert _status(text, lang, place, extractor) is Status.CONFIRMED


@pytest.mark.parametrize(
    ("text", "lang", "place", "want"),
    [
        ("Председатель Си ожидал Путина в аэропорту Пекина.", "ru", "Пекина", Status.CONFIRMED),
        ("Путин ожидается в Пекине в среду.", "ru", "Пекине", Status.PLANNED),
        ("Lula visitará a próxima semana Lisboa.", "es", "Lisboa", Status.PLANNED),
    ],
)
def test_awaited_is_no_expected(text: str, lang: str, place: str, want: Status, extractor: Extractor) -> None:
    """A host who awaited the guest ("ожидал") tells an arrival; "is expected" ("ожидается") a plan."""
    assert _status(text, lang, place, extractor) is want


@pytest.mark.parametrize(
    ("text", "lang", "place", "want"),
    [
        ("Tokayev then left for Astana, where he met the cabinet.", "en", "Astana", Status.CONFIRMED),
        (
            "Le chef de l'État s'est ensuite envolé pour Canton, où il a rencontré des étudiants.",
            "fr",
            "Canton",
            Status.CONFIRMED,
        ),
        ("Затем он отправился в Харбин, где посетил выставку.", "ru", "Харбин", Status.CONFIRMED),
        ("Luego partió hacia Shanghái, donde visitó una fábrica.", "es", "Shanghái", Status.CONFIRMED),
        ("Depois partiu para Xangai, onde visitou uma fábrica.", "pt", "Xangai", Status.CONFIRMED),
        ("Tokayev left for Astana, where he will meet the cabinet.", "en", "Astana", Status.PLANNED),
    ],
)
def test_what_was_done_there_tells_the_traveller_arrived(
    text: str, lang: str, place: str, want: Status, extractor: Extractor
) -> None:
    """After a word of departure ("left for", "отправился в") the place is not reached yet, unless
    a clause of "where" in the past tells what the traveller did there."""
    assert _status(text, lang, place, extractor) is want
