"""Status in the register of features, analysis and long reports: the hedges of a plan, an accepted
invitation with its giver named, the unreal past of a plan, "headed to X, where he arrived", the
future perfect, and a headline's present over a body's future.
Every sentence is written for these tests.

A hope is a plan ("hopes to visit", "espère se rendre", "hofft, ... zu reisen", "espera viajar",
"spera di andare", "espera viajar"), and so is a trip under consideration ("is considering a
visit", "erwägt einen Besuch", "estudia una visita", "sta valutando una visita", "рассматривает
возможность визита") or a possible one ("a possible visit", "une éventuelle visite", "einen
möglichen Besuch", "una posible visita", "una possibile visita", "uma possível visita",
"возможный визит"): a trip that may be, not one made.

An invitation accepted is a trip to come, also with the one who gave it named after the noun ("a
accepté l'invitation du président à se rendre à Dakar", "aceptó la invitación del presidente para
visitar Dakar"): the genitive names the giver, and the trip the invitation asks for follows it.

The unreal past of a plan ("was to have visited", "aurait dû se rendre", "debería haber viajado",
"deveria ter viajado", "hätte ... reisen sollen") tells a trip that did not take place: cancelled.

"Headed to X, where he arrived": the clause of "where" after a place a departure leads to tells
the arrival there; Russian says it with "куда" (whither) as well as "где", Spanish with "adonde".

The future perfect ("will have visited Hanoi by Friday", "aura visité", "wird ... besucht haben")
is a plan, and so is a trip fixed for later ("tem viagem marcada para Doha", "tiene programada una
visita a").

A headline tells in the present what is done, under way or to come ("Scholz visits Nairobi"): when
the body then tells the journey there with a word of plan or a future and a day after the
publication, the stop is planned; a body that tells the arrival keeps it confirmed.
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
        ("The minister hopes to travel to Tunis before the summer.", "en", "Tunis"),
        ("Le ministre espère se rendre à Tunis avant l'été.", "fr", "Tunis"),
        ("Die Ministerin hofft, noch vor dem Sommer nach Tunis zu reisen.", "de", "Tunis"),
        ("La ministra espera viajar a Túnez antes del verano.", "es", "Túnez"),
        ("Il ministro spera di andare a Tunisi prima dell'estate.", "it", "Tunisi"),
        ("O ministro espera viajar a Túnis antes do verão.", "pt", "Túnis"),
        ("Министр надеется до лета посетить Тунис.", "ru", "Тунис"),
    ],
)
def test_a_hope_is_a_plan(text: str, lang: str, place: str, extractor: Extractor) -> None:
    assert _status(text, lang, place, extractor) is Status.PLANNED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("The king is considering a visit to Lisbon in the autumn.", "en", "Lisbon"),
        ("Le roi envisage une visite à Lisbonne à l'automne.", "fr", "Lisbonne"),
        ("Der König erwägt einen Besuch in Lissabon im Herbst.", "de", "Lissabon"),
        ("El rey estudia una visita a Lisboa en otoño.", "es", "Lisboa"),
        ("Il re sta valutando una visita a Lisbona in autunno.", "it", "Lisbona"),
        ("O rei estuda uma visita a Lisboa no outono.", "pt", "Lisboa"),
        ("Король рассматривает возможность визита в Лиссабон осенью.", "ru", "Лиссабон"),
    ],
)
def test_a_trip_under_consideration_is_a_plan(text: str, lang: str, place: str, extractor: Extractor) -> None:
    assert _status(text, lang, place, extractor) is Status.PLANNED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("The ministers discussed a possible visit to Lisbon by the king.", "en", "Lisbon"),
        ("Les ministres ont évoqué une éventuelle visite à Lisbonne du roi.", "fr", "Lisbonne"),
        ("Die Minister sprachen über einen möglichen Besuch in Lissabon.", "de", "Lissabon"),
        ("Los ministros hablaron de una posible visita a Lisboa del rey.", "es", "Lisboa"),
        ("I ministri hanno parlato di una possibile visita a Lisbona del re.", "it", "Lisbona"),
        ("Os ministros falaram de uma possível visita a Lisboa do rei.", "pt", "Lisboa"),
        ("Министры обсудили возможный визит короля в Лиссабон.", "ru", "Лиссабон"),
    ],
)
def test_a_possible_trip_is_a_plan(text: str, lang: str, place: str, extractor: Extractor) -> None:
    assert _status(text, lang, place, extractor) is Status.PLANNED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("The king accepted the invitation of the president to visit Dakar.", "en", "Dakar"),
        ("Le roi a accepté l'invitation du président à se rendre à Dakar.", "fr", "Dakar"),
        ("El rey aceptó la invitación del presidente para visitar Dakar.", "es", "Dakar"),
        ("Il re ha accettato l'invito del presidente a visitare Dakar.", "it", "Dakar"),
        ("O rei aceitou o convite do presidente para visitar Dacar.", "pt", "Dacar"),
    ],
)
def test_an_invitation_accepted_with_its_giver_is_a_plan(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert _status(text, lang, place, extractor) is Status.PLANNED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("On the invitation of the president, the king arrived in Dakar on Monday.", "en", "Dakar"),
        ("À l'invitation du président, le roi est arrivé lundi à Dakar.", "fr", "Dakar"),
        ("Por invitación del presidente, el rey llegó el lunes a Dakar.", "es", "Dakar"),
        ("Il re, su invito del presidente, è arrivato lunedì a Dakar.", "it", "Dakar"),
    ],
)
def test_a_trip_made_at_an_invitation_stays_confirmed(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert _status(text, lang, place, extractor) is Status.CONFIRMED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("The king was to have visited Quito on Monday.", "en", "Quito"),
        ("Le roi aurait dû se rendre à Quito lundi.", "fr", "Quito"),
        ("El rey debería haber viajado a Quito el lunes.", "es", "Quito"),
        ("O rei deveria ter viajado a Quito na segunda-feira.", "pt", "Quito"),
        ("Der König hätte am Montag nach Quito reisen sollen.", "de", "Quito"),
    ],
)
def test_the_unreal_past_of_a_plan_is_cancelled(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert _status(text, lang, place, extractor) is Status.CANCELLED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Президент направился в Хабаровск, куда прибыл поздно вечером.", "ru", "Хабаровск"),
        ("Президент вылетел в Хабаровск, где провёл совещание.", "ru", "Хабаровск"),
        ("The president left for Khabarovsk, where he arrived late in the evening.", "en", "Khabarovsk"),
        ("El presidente partió hacia Jabárovsk, adonde llegó por la noche.", "es", "Jabárovsk"),
    ],
)
def test_a_clause_of_where_in_the_past_tells_the_arrival(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert _status(text, lang, place, extractor) is Status.CONFIRMED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("By Friday, the president will have visited Hanoi and Bangkok.", "en", "Hanoi"),
        ("By the end of the month the queen will have travelled to Lima.", "en", "Lima"),
        ("D'ici vendredi, le président aura visité Hanoï et Bangkok.", "fr", "Hanoï"),
        ("Bis Freitag wird der Präsident Hanoi und Bangkok besucht haben.", "de", "Hanoi"),
    ],
)
def test_the_future_perfect_is_a_plan(text: str, lang: str, place: str, extractor: Extractor) -> None:
    assert _status(text, lang, place, extractor) is Status.PLANNED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("O rei tem viagem marcada para Doha na próxima semana.", "pt", "Doha"),
        ("O rei tem uma visita marcada a Doha.", "pt", "Doha"),
        ("El rey tiene programada una visita a Doha.", "es", "Doha"),
        ("La reina tiene programado viajar a Doha.", "es", "Doha"),
    ],
)
def test_a_trip_fixed_for_later_is_a_plan(text: str, lang: str, place: str, extractor: Extractor) -> None:
    assert _status(text, lang, place, extractor) is Status.PLANNED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        (
            "Scholz visits Nairobi\n\nThe German chancellor will fly to Nairobi on Thursday "
            "for talks on a trade agreement, his spokesman said.",
            "en",
            "Nairobi",
        ),
        (
            "Scholz besucht Nairobi\n\nDer Bundeskanzler wird am Donnerstag zu Gesprächen über ein "
            "Handelsabkommen nach Nairobi fliegen, sagte sein Sprecher.",
            "de",
            "Nairobi",
        ),
    ],
)
def test_a_headline_present_takes_the_time_the_body_tells(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    stops = [s for _, _, s in extract(text, published=TUESDAY, language=lang, extractor=extractor).stops()]
    assert [s.status for s in stops if str(s.place) == place] == [Status.PLANNED]


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        (
            "Scholz visits Nairobi\n\nThe German chancellor arrived in Nairobi on Monday and "
            "will hold talks with the president there on Thursday, his spokesman said.",
            "en",
            "Nairobi",
        ),
        (
            "Scholz besucht Nairobi\n\nDer Bundeskanzler ist am Montag in Nairobi eingetroffen "
            "und wird dort am Donnerstag mit dem Präsidenten sprechen, sagte sein Sprecher.",
            "de",
            "Nairobi",
        ),
    ],
)
def test_a_headline_present_of_an_arrival_the_body_tells_stays_confirmed(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    stops = [s for _, _, s in extract(text, published=TUESDAY, language=lang, extractor=extractor).stops()]
    assert [s.status for s in stops if str(s.place) == place] == [Status.CONFIRMED]


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Lunedì il presidente era a Quito, dove ha incontrato il sindaco.", "it", "Quito"),
        ("Lunedì la ministra si trovava a Quito per i colloqui.", "it", "Quito"),
        ("El lunes el presidente estaba en Quito, donde se reunió con el alcalde.", "es", "Quito"),
        ("Na segunda-feira o presidente estava em Quito, onde se reuniu com o prefeito.", "pt", "Quito"),
        ("Lundi, le président se trouvait à Quito pour des entretiens.", "fr", "Quito"),
    ],
)
def test_the_imperfect_of_a_stay_is_a_past(text: str, lang: str, place: str, extractor: Extractor) -> None:
    assert _status(text, lang, place, extractor) is Status.CONFIRMED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Il ministro doveva poi volare a Quito dopo i colloqui.", "it", "Quito"),
        ("Il presidente voleva recarsi a Quito in aprile.", "it", "Quito"),
    ],
)
def test_the_imperfect_of_a_modal_is_a_plan(text: str, lang: str, place: str, extractor: Extractor) -> None:
    assert _status(text, lang, place, extractor) is Status.PLANNED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Il presidente è in partenza per Quito.", "it", "Quito"),
        ("Le président est en partance pour Quito.", "fr", "Quito"),
    ],
)
def test_about_to_leave_for_a_place_is_no_arrival(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert _status(text, lang, place, extractor) is Status.PLANNED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Визит президента в Кито отменён.", "ru", "Кито"),
        ("Визит президента в Кито отменен из-за шторма.", "ru", "Кито"),
        ("The president has shelved plans to visit Quito.", "en", "Quito"),
        ("The president pulled out of the summit in Quito.", "en", "Quito"),
        ("The president skipped Quito because of the protests.", "en", "Quito"),
    ],
)
def test_a_trip_called_off_in_other_words_is_cancelled(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert _status(text, lang, place, extractor) is Status.CANCELLED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Президент запланировал визит в Кито на апрель.", "ru", "Кито"),
        ("В апреле запланирован визит президента в Кито.", "ru", "Кито"),
        ("In agenda c'è anche una visita a Quito ad aprile.", "it", "Quito"),
    ],
)
def test_a_trip_put_on_the_schedule_is_a_plan(text: str, lang: str, place: str, extractor: Extractor) -> None:
    assert _status(text, lang, place, extractor) is Status.PLANNED
