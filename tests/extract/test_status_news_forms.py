"""The forms news uses to tell a stop's status, in every language where the form exists.

* The present of a verb of arrival in a headline or lead ("Modi lands in Paris", "Scholz landet
  in Peking", "Macron arrive à Alger") reports an arrival of the day: confirmed; with a later
  weekday ("arrives on Thursday") it announces one: planned.
* A plan told in the past and undone: the unreal past of a modal ("should have travelled",
  "avrebbe dovuto recarsi", "aurait dû se rendre", "hätte reisen sollen", "debería haber
  viajado", "deveria ter viajado"), a plan followed by the trip called off in its sentence or the
  next ("was due to ... but the visit was postponed", "Die Reise fand jedoch nicht statt", "el
  viaje no tuvo lugar"), or by the traveller staying elsewhere ("devait se rendre à Alger, mais il
  est resté à Paris", "должен был посетить Минск, но остался в Москве"): cancelled.
* A trip under way: the stops reached are confirmed; the next one, told in the present or the
  future after a word of sequence ("then travels to", "reist dann weiter nach", "poi prosegue
  per") or in a clause of "before" after a main clause in the present ("se trouve à Hanoï avant
  de poursuivre vers Jakarta"), is planned, even when an arrival in the past opens the sentence.
* A trip postponed without a new date is cancelled; one postponed to a later date ("postponed to
  April 20", "reporté au 20 avril", "auf den 20. April verschoben", "перенес на 20 апреля") is
  planned, at that date.
* A possibility ("could visit", "pourrait se rendre", "может посетить") and an invitation
  ("invited Lula to visit Kyiv", "a accepté l'invitation à se rendre à") are planned.

Every sentence here is written for these tests; they are published on a Tuesday (TUESDAY).
"""

from __future__ import annotations

import pytest

from itinerary.extract import Extractor, extract
from itinerary.model import Status
from tests.extract.support import TUESDAY
from tests.extract.support import tuesday_status as _status

pytestmark = pytest.mark.data


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Modi lands in Paris", "en", "Paris"),
        ("Macron arrives in Algiers for talks with Tebboune.", "en", "Algiers"),
        ("Scholz landet in Peking", "de", "Peking"),
        ("Sánchez aterriza en Pekín", "es", "Pekín"),
        ("Macron arrive à Alger pour une visite d'État.", "fr", "Alger"),
        ("Lula chega a Pequim", "pt", "Pequim"),
        ("Meloni atterra a Tunisi", "it", "Tunisi"),
        ("Путин прилетел в Пхеньян", "ru", "Пхеньян"),
        ("Путин прибывает в Пхеньян", "ru", "Пхеньян"),
    ],
)
def test_the_present_of_an_arrival_in_the_news_is_confirmed(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert _status(text, lang, place, extractor) is Status.CONFIRMED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Macron arrives in Algiers on Thursday for talks.", "en", "Algiers"),
        ("Scholz landet am Donnerstag in Peking.", "de", "Peking"),
        ("Sánchez llega el jueves a Pekín.", "es", "Pekín"),
        ("Macron arrive jeudi à Alger.", "fr", "Alger"),
        ("Lula chega na quinta-feira a Pequim.", "pt", "Pequim"),
        ("Meloni arriva giovedì a Tunisi.", "it", "Tunisi"),
    ],
)
def test_the_present_of_an_arrival_on_a_later_day_is_planned(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert _status(text, lang, place, extractor) is Status.PLANNED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("The minister should have travelled to Lima last week but stayed at home.", "en", "Lima"),
        ("The minister should have flown to Lima on Monday, but the storm kept him in Quito.", "en", "Lima"),
        ("The envoy ought to have gone to Lima on Monday.", "en", "Lima"),
        ("Il premier avrebbe dovuto recarsi a Tunisi lunedì, ma è rimasto a Roma.", "it", "Tunisi"),
        ("I ministri avrebbero dovuto volare a Tunisi lunedì.", "it", "Tunisi"),
        ("La ministra sarebbe dovuta volare a Tunisi lunedì.", "it", "Tunisi"),
        ("Il premier sarebbe dovuto andare a Tunisi lunedì.", "it", "Tunisi"),
        ("Le ministre aurait dû se rendre à Alger lundi.", "fr", "Alger"),
        ("Der Kanzler hätte am Montag nach Warschau reisen sollen.", "de", "Warschau"),
        ("El presidente debería haber viajado a Lima el lunes, pero se quedó en Quito.", "es", "Lima"),
        ("O presidente deveria ter viajado a Lima na segunda-feira, mas ficou em Brasília.", "pt", "Lima"),
        ("The president was to have visited Lima on Monday.", "en", "Lima"),
    ],
)
def test_the_unreal_past_of_a_modal_is_cancelled(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert _status(text, lang, place, extractor) is Status.CANCELLED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("The minister arrived in Tunis, where she should have met the president.", "en", "Tunis"),
        ("The minister, who should have stayed at home, flew to Tunis on Monday.", "en", "Tunis"),
        ("Meloni è arrivata a Tunisi, dove avrebbe dovuto incontrare Saied.", "it", "Tunisi"),
        ("Meloni è arrivata a Tunisi con un ritardo che sarebbe dovuto al maltempo.", "it", "Tunisi"),
        ("Sánchez llegó a Lima, donde debería haber firmado el acuerdo.", "es", "Lima"),
        ("Scholz ist am Montag in Tunis gelandet, wo er Saied hätte treffen sollen.", "de", "Tunis"),
        (
            "Die Ministerin, die eigentlich in Berlin hätte bleiben sollen, flog am Montag nach Tunis.",
            "de",
            "Tunis",
        ),
    ],
)
def test_an_unreal_modal_of_another_verb_cancels_no_stop(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert _status(text, lang, place, extractor) is Status.CONFIRMED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("The president was due to visit Lima next week, but the visit has been postponed.", "en", "Lima"),
        ("Le président devait se rendre à Alger lundi, mais la visite a été reportée.", "fr", "Alger"),
        (
            "Der Kanzler sollte am Montag nach Warschau reisen, die Reise wurde aber verschoben.",
            "de",
            "Warschau",
        ),
        ("El presidente debía viajar a Lima el lunes, pero el viaje fue aplazado.", "es", "Lima"),
        ("O presidente devia viajar para Lima na segunda-feira, mas a visita foi adiada.", "pt", "Lima"),
        ("Il premier doveva recarsi a Tunisi lunedì, ma il viaggio è stato rinviato.", "it", "Tunisi"),
        ("Президент должен был посетить Минск в понедельник, но визит был отложен.", "ru", "Минск"),
        (
            "The minister was supposed to fly to Lima on Monday. The trip was cancelled at the last minute.",
            "en",
            "Lima",
        ),
        (
            "Der Kanzler sollte am Montag nach Warschau reisen. Die Reise fand jedoch nicht statt.",
            "de",
            "Warschau",
        ),
        ("El presidente debía viajar a Lima el lunes. Sin embargo, el viaje no tuvo lugar.", "es", "Lima"),
        ("Le président devait se rendre à Alger lundi. Mais la visite n'a pas eu lieu.", "fr", "Alger"),
        ("The president was due to visit Lima on Monday, but the trip fell through.", "en", "Lima"),
        (
            "Президент должен был посетить Минск в понедельник. Однако визит так и не состоялся.",
            "ru",
            "Минск",
        ),
    ],
)
def test_a_plan_in_the_past_called_off_is_cancelled(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert _status(text, lang, place, extractor) is Status.CANCELLED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("The president had been due to fly to Lima on Monday, but he stayed at home.", "en", "Lima"),
        ("Le ministre devait se rendre à Alger lundi, mais il est resté à Paris.", "fr", "Alger"),
        ("Der Kanzler sollte am Montag nach Warschau reisen, blieb aber in Berlin.", "de", "Warschau"),
        ("El presidente debía viajar a Lima el lunes, pero se quedó en Quito por la huelga.", "es", "Lima"),
        ("O presidente devia viajar para Lima na segunda-feira, mas ficou em Brasília.", "pt", "Lima"),
        ("Il premier doveva recarsi a Tunisi lunedì, ma è rimasto a Roma per lo sciopero.", "it", "Tunisi"),
        ("Президент должен был посетить Минск в понедельник, но остался в Москве.", "ru", "Минск"),
    ],
)
def test_a_plan_in_the_past_and_a_stay_elsewhere_is_cancelled(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert _status(text, lang, place, extractor) is Status.CANCELLED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("The minister was due in Lima on Monday and stayed there for two days.", "en", "Lima"),
        ("Le ministre devait se rendre à Alger lundi, il y est resté deux jours.", "fr", "Alger"),
        ("Der Kanzler sollte am Montag nach Warschau reisen und blieb dort zwei Tage.", "de", "Warschau"),
    ],
)
def test_a_stay_at_the_place_itself_undoes_no_plan(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert _status(text, lang, place, extractor) is not Status.CANCELLED


@pytest.mark.parametrize(
    ("text", "lang", "place", "status"),
    [
        (
            "The president arrived in Hanoi on Monday and will fly on to Jakarta on Thursday.",
            "en",
            "Hanoi",
            "c",
        ),
        (
            "The president arrived in Hanoi on Monday and will fly on to Jakarta on Thursday.",
            "en",
            "Jakarta",
            "p",
        ),
        ("Biden, who arrived in Hanoi on Sunday, then travels to Jakarta.", "en", "Jakarta", "p"),
        ("The president is in Hanoi before travelling on to Jakarta.", "en", "Jakarta", "p"),
        ("Le président est arrivé lundi à Hanoï et poursuivra vers Jakarta jeudi.", "fr", "Hanoï", "c"),
        ("Le président est arrivé lundi à Hanoï et poursuivra vers Jakarta jeudi.", "fr", "Jakarta", "p"),
        ("Le président se trouve à Hanoï avant de poursuivre sa tournée vers Jakarta.", "fr", "Jakarta", "p"),
        (
            "Der Präsident ist seit Montag in Hanoi und reist am Donnerstag weiter nach Jakarta.",
            "de",
            "Jakarta",
            "p",
        ),
        (
            "Der Präsident traf am Montag in Hanoi ein und reist dann weiter nach Jakarta.",
            "de",
            "Jakarta",
            "p",
        ),
        ("El presidente llegó el lunes a Hanói y seguirá a Yakarta el jueves.", "es", "Yakarta", "p"),
        ("El presidente está en Hanói antes de seguir viaje a Yakarta.", "es", "Yakarta", "p"),
        ("O presidente chegou na segunda-feira a Hanói e seguirá para Jacarta.", "pt", "Jacarta", "p"),
        (
            "Il presidente è arrivato lunedì ad Hanoi e proseguirà per Giacarta giovedì.",
            "it",
            "Giacarta",
            "p",
        ),
        ("Il presidente è arrivato ad Hanoi e poi prosegue per Giacarta.", "it", "Giacarta", "p"),
        ("Президент прибыл в Ханой, а затем отправится в Джакарту.", "ru", "Ханой", "c"),
        ("Президент прибыл в Ханой, а затем отправится в Джакарту.", "ru", "Джакарту", "p"),
    ],
)
def test_a_trip_under_way_reached_and_ahead(
    text: str, lang: str, place: str, status: str, extractor: Extractor
) -> None:
    want = {"c": Status.CONFIRMED, "p": Status.PLANNED}[status]
    assert _status(text, lang, place, extractor) is want


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("The president visited Hanoi before travelling on to Jakarta.", "en", "Jakarta"),
        ("Biden, who arrived in Hanoi on Sunday, then travelled to Jakarta.", "en", "Jakarta"),
        ("The president visited Hanoi and then Jakarta.", "en", "Jakarta"),
        ("Der Präsident traf am Montag in Hanoi ein und reiste dann weiter nach Jakarta.", "de", "Jakarta"),
        ("Il presidente è arrivato ad Hanoi e poi è andato a Giacarta.", "it", "Giacarta"),
    ],
)
def test_a_sequence_told_in_the_past_is_confirmed(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert _status(text, lang, place, extractor) is Status.CONFIRMED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Der Minister reiste am Montag nach Oslo und am Tag danach nach Helsinki.", "de", "Helsinki"),
        ("Il ministro è volato a Oslo lunedì e poi a Helsinki.", "it", "Helsinki"),
        ("The minister flew to Oslo on Monday and then to Helsinki.", "en", "Helsinki"),
    ],
)
def test_a_sequence_with_no_verb_of_its_own_keeps_the_past(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert _status(text, lang, place, extractor) is not Status.PLANNED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("The president postponed his visit to Lima.", "en", "Lima"),
        ("The visit to Lima has been postponed indefinitely.", "en", "Lima"),
        ("Le président a reporté sa visite à Alger.", "fr", "Alger"),
        ("Der Kanzler hat seine Reise nach Warschau verschoben.", "de", "Warschau"),
        ("El presidente aplazó su viaje a Lima.", "es", "Lima"),
        ("Президент отложил визит в Минск.", "ru", "Минск"),
    ],
)
def test_a_trip_postponed_without_a_new_date_is_cancelled(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert _status(text, lang, place, extractor) is Status.CANCELLED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("The president postponed his visit to Lima to April 20.", "en", "Lima"),
        ("The visit to Lima has been postponed to April 20.", "en", "Lima"),
        ("Le président a reporté sa visite à Alger au 20 avril.", "fr", "Alger"),
        ("Der Kanzler hat seine Reise nach Warschau auf den 20. April verschoben.", "de", "Warschau"),
        ("El presidente aplazó su viaje a Lima al 20 de abril.", "es", "Lima"),
        ("O presidente adiou a viagem a Lima para 20 de abril.", "pt", "Lima"),
        ("Il premier ha rinviato la visita a Tunisi al 20 aprile.", "it", "Tunisi"),
        ("Президент перенес визит в Минск на 20 апреля.", "ru", "Минск"),
    ],
)
def test_a_trip_postponed_to_a_later_date_is_planned_at_it(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert _status(text, lang, place, extractor) is Status.PLANNED
    it = extract(text, published=TUESDAY, language=lang, extractor=extractor)
    dates = [str(s.date) for _, _, s in it.stops() if str(s.place) == place]
    assert dates == ["2026-04-20"]


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("The president postponed his visit to Lima, planned for March 2.", "en", "Lima"),
        ("Le président a reporté au 2 mars sa visite à Alger.", "fr", "Alger"),
    ],
)
def test_a_trip_postponed_to_a_past_date_is_no_plan(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert _status(text, lang, place, extractor) is not Status.PLANNED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("The president could visit Lima next month.", "en", "Lima"),
        ("The president may travel to Lima in April.", "en", "Lima"),
        ("Le président pourrait se rendre à Lima le mois prochain.", "fr", "Lima"),
        ("Il presidente potrebbe recarsi a Lima il mese prossimo.", "it", "Lima"),
        ("Der Präsident könnte nächsten Monat nach Lima reisen.", "de", "Lima"),
        ("El presidente podría viajar a Lima el próximo mes.", "es", "Lima"),
        ("Президент может посетить Лиму в следующем месяце.", "ru", "Лиму"),
        ("Zelensky invited Lula to visit Kyiv.", "en", "Kyiv"),
        ("Lula accepted an invitation to visit Kyiv.", "en", "Kyiv"),
        ("Lula a accepté l'invitation à se rendre à Kiev.", "fr", "Kiev"),
        ("Zelensky ha invitato Lula a visitare Kiev.", "it", "Kiev"),
        ("Selenskyj hat Lula nach Kiew eingeladen.", "de", "Kiew"),
    ],
)
def test_a_possible_or_invited_trip_is_planned(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert _status(text, lang, place, extractor) is Status.PLANNED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Der Kanzler hat die Reise nach Lima abgesagt.", "de", "Lima"),
        ("Die Kanzlerin hat ihren Besuch in Hanoi abgesagt, teilte ihr Sprecher mit.", "de", "Hanoi"),
        ("Der Präsident hat die Reise nach Warschau gestrichen.", "de", "Warschau"),
    ],
)
def test_a_participle_of_cancelling_closing_the_clause_after_the_place_cancels(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    # the participle of a perfect closes a German clause: "nach Lima abgesagt" is the trip to
    # Lima called off, not Lima deciding (as "Moskau hat abgesagt", "Luanda suspendeu as visitas")
    assert _status(text, lang, place, extractor) is Status.CANCELLED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Nach dem Treffen hat Moskau abgesagt.", "de", "Moskau"),
        ("Luanda suspendeu todas as visitas oficiais.", "pt", "Luanda"),
        ("Moscou a annulé la visite du ministre.", "fr", "Moscou"),
    ],
)
def test_a_place_that_decides_is_not_cancelled(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert _status(text, lang, place, extractor) is not Status.CANCELLED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("The president was due to visit Lima on Monday. The trip, however, was called off.", "en", "Lima"),
        ("El presidente debía viajar a Lima el lunes. El viaje, sin embargo, no tuvo lugar.", "es", "Lima"),
        (
            "Le président devait se rendre à Alger lundi. La visite, cependant, n'a pas eu lieu.",
            "fr",
            "Alger",
        ),
    ],
)
def test_a_trip_called_off_next_with_a_connective_after_its_subject_is_cancelled(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    """A connective set off by commas after the subject ("The trip, however, was called off")
    leaves the trip the subject of the next sentence, as one before it does."""
    assert _status(text, lang, place, extractor) is Status.CANCELLED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("La visite à Alger, prévue pour le 20 avril, a été reportée.", "fr", "Alger"),
        ("El viaje a Lima, previsto para el 20 de abril, fue aplazado.", "es", "Lima"),
        ("A viagem a Lima, prevista para 20 de abril, foi adiada.", "pt", "Lima"),
        ("Визит в Минск, запланированный на 20 апреля, перенесен.", "ru", "Минск"),
    ],
)
def test_a_trip_postponed_from_the_date_it_was_planned_for_is_no_plan(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    """The date a trip was planned for ("prévue pour le 20 avril", "запланированный на 20
    апреля") is no new date of a postponed trip, though its preposition is one of a new date."""
    assert _status(text, lang, place, extractor) is not Status.PLANNED
