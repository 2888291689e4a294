"""Status from tense and clause structure.

* A relative clause of place ("where", "où", "wo", "donde", "где", "dove", "onde") takes its own
  tense, not the main clause's: "returned to Poland, where he will meet the president in Warsaw on
  Tuesday" (Warsaw is to come, on the coming Tuesday); "will fly to Ukraine, where he met the
  president in Lviv last year" (Lviv is a visit of the past, no plan).
* The simple future of the verb of going ("andrà", "irá", "ira") is a verb of travel: the trip is
  planned, as with "partirà", "viajará", "se rendra".
* A negated presence since a time ("has not been to Moscow since 2019", "war seit 2019 nicht mehr in
  Moskau", "не был в Москве с 2019 года") tells no stop of the trip: it is background.
* A past visit told with an adverb of recall ("damals", "at the time", "à l'époque", "тогда",
  "en aquel momento", "all'epoca", "na época") is background, not a stop of the trip the article
  tells.
* A plan of the past ("sollte", "was to", "doveva", "должен был") followed by a sentence that calls
  the trip off ("Die Reise wurde jedoch abgesagt") did not come true: cancelled.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from itinerary.extract import Extractor
from itinerary.model import Status
from tests.extract.support import WEDNESDAY, candidates_by_place, wednesday_stops

pytestmark = pytest.mark.data


def _candidate(text: str, lang: str, place: str, extractor: Extractor) -> tuple[Status, str]:
    """The rules' status and date of the first candidate ``place``."""
    c = candidates_by_place(text, lang, extractor, WEDNESDAY)[place]
    return c.status, str(c.date)


# 1. a relative clause of place keeps its own tense


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        (
            "The prime minister returned to Poland, where he is due to "
            "meet the president in Warsaw on Tuesday.",
            "en",
            "Warsaw",
        ),
        (
            "Der Premierminister flog am Montag nach Polen, wo er am Dienstag in Warschau den Präsidenten "
            "treffen wird.",
            "de",
            "Warschau",
        ),
        (
            "Der Premierminister kehrte nach Polen zurück, wo er am Dienstag in Warschau den Präsidenten "
            "treffen soll.",
            "de",
            "Warschau",
        ),
        (
            "Le Premier ministre est rentré en Pologne, où il doit rencontrer le président à Varsovie mardi.",
            "fr",
            "Varsovie",
        ),
        (
            "El primer ministro regresó a Polonia, donde se reunirá el martes en Varsovia con el presidente.",
            "es",
            "Varsovia",
        ),
        (
            "Премьер-министр вернулся в Польшу, где во вторник встретится в Варшаве с президентом.",
            "ru",
            "Варшаве",
        ),
        (
            "Il primo ministro è tornato in Polonia, dove martedì incontrerà a Varsavia il presidente.",
            "it",
            "Varsavia",
        ),
        (
            "O primeiro-ministro regressou à Polónia, onde se reunirá na terça-feira em Varsóvia com o "
            "presidente.",
            "pt",
            "Varsóvia",
        ),
    ],
)
def test_where_clause_in_the_future_after_a_past(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    """The main clause tells a return made, the clause of "where" a meeting to come: the place in
    it is planned on the coming Tuesday."""
    assert _candidate(text, lang, place, extractor) == (Status.PLANNED, "2026-03-17")


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        (
            "The prime minister will travel to Ukraine on Friday, where "
            "he met the president in Lviv last year.",
            "en",
            "Lviv",
        ),
        (
            "Der Premierminister wird am Freitag in die Ukraine reisen, wo er im vergangenen Jahr in Lwiw "
            "den Präsidenten traf.",
            "de",
            "Lwiw",
        ),
        (
            "El primer ministro viajará el viernes a Ucrania, donde el año pasado se reunió con el "
            "presidente en Leópolis.",
            "es",
            "Leópolis",
        ),
        (
            "Il primo ministro andrà venerdì in Ucraina, dove l'anno "
            "scorso ha incontrato il presidente a Leopoli.",
            "it",
            "Leopoli",
        ),
        (
            "Премьер-министр в пятницу поедет на Украину, где в прошлом "
            "году встречался с президентом во Львове.",
            "ru",
            "Львове",
        ),
        (
            "Le Premier ministre se rendra vendredi en Ukraine, où il avait rencontré le président à Lviv "
            "l'an dernier.",
            "fr",
            "Lviv",
        ),
    ],
)
def test_where_clause_in_the_past_after_a_future(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    """The main clause tells a trip to come, the clause of "where" a meeting of the past: its
    place is no plan (a visit made, and background: no stop of the coming trip)."""
    assert _candidate(text, lang, place, extractor)[0] is Status.CONFIRMED
    assert place not in wednesday_stops(text, lang, extractor)


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        (
            "The prime minister will fly to Kyiv on Friday, where he spoke to parliament last year.",
            "en",
            "Kyiv",
        ),
        (
            "Der Premierminister wird am Freitag nach Kiew fliegen, wo er im vergangenen Jahr vor dem "
            "Parlament sprach.",
            "de",
            "Kiew",
        ),
        (
            "El primer ministro viajará el viernes a Kiev, donde habló ante el parlamento el año pasado.",
            "es",
            "Kiev",
        ),
    ],
)
def test_past_where_clause_leaves_the_trip_ahead(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    """The place before the clause of "where" keeps the main clause's future and its Friday."""
    assert _candidate(text, lang, place, extractor) == (Status.PLANNED, "2026-03-13")


# 2. the simple future of the verbs of going


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("La premier andrà venerdì a Varsavia per un vertice sull'energia.", "it", "Varsavia"),
        ("La premier partirà venerdì per Varsavia per un vertice sull'energia.", "it", "Varsavia"),
        ("La premier sarà venerdì a Varsavia per un vertice sull'energia.", "it", "Varsavia"),
        ("O presidente irá a Luanda na sexta-feira para uma cimeira sobre energia.", "pt", "Luanda"),
        ("O presidente viajará para Luanda na sexta-feira para uma cimeira sobre energia.", "pt", "Luanda"),
        ("O presidente estará em Luanda na sexta-feira para uma cimeira sobre energia.", "pt", "Luanda"),
        ("El presidente irá a Lima el viernes para una cumbre sobre energía.", "es", "Lima"),
        ("El presidente viajará a Lima el viernes para una cumbre sobre energía.", "es", "Lima"),
        ("Le président ira à Dakar vendredi pour un sommet sur l'énergie.", "fr", "Dakar"),
        ("Le président se rendra à Dakar vendredi pour un sommet sur l'énergie.", "fr", "Dakar"),
        ("Le président sera à Dakar vendredi pour un sommet sur l'énergie.", "fr", "Dakar"),
    ],
)
def test_future_of_going_is_a_planned_stop(text: str, lang: str, place: str, extractor: Extractor) -> None:
    """ "andrà a", "irá a", "ira à": the future of the verb of going takes the leader to the place
    on Friday, a stop to come like "partirà per" or "viajará a"."""
    assert wednesday_stops(text, lang, extractor).get(place) == (Status.PLANNED, "2026-03-13")


# 3. a negated presence since a time is background


@pytest.mark.parametrize(
    ("text", "lang", "trip", "place"),
    [
        (
            "The president will travel to Kyiv on Friday. He has not been to Moscow since 2019.",
            "en",
            "Kyiv",
            "Moscow",
        ),
        (
            "Der Präsident reist am Freitag nach Kiew. Er war seit 2019 nicht mehr in Moskau.",
            "de",
            "Kiew",
            "Moskau",
        ),
        (
            "Der Präsident reist am Freitag nach Kiew. In Moskau war er seit 2019 nicht mehr.",
            "de",
            "Kiew",
            "Moskau",
        ),
        ("Президент в пятницу отправится в Киев. Он не был в Москве с 2019 года.", "ru", "Киев", "Москва"),
        ("Президент в пятницу отправится в Киев. В Москве он не был с 2019 года.", "ru", "Киев", "Москва"),
        (
            "Le président se rendra vendredi à Kiev. Il ne s'est pas rendu à Moscou depuis 2019.",
            "fr",
            "Kiev",
            "Moscou",
        ),
        ("El presidente viajará el viernes a Kiev. No ha estado en Moscú desde 2019.", "es", "Kiev", "Moscú"),
        ("Il presidente si recherà venerdì a Kiev. Non è più stato a Mosca dal 2019.", "it", "Kiev", "Mosca"),
        (
            "O presidente viajará na sexta-feira para Kiev. Não esteve em Moscovo desde 2019.",
            "pt",
            "Kiev",
            "Moscovo",
        ),
    ],
)
def test_not_there_since_is_background(
    text: str, lang: str, trip: str, place: str, extractor: Extractor
) -> None:
    """Not having been somewhere since a year is no stop of the trip, neither made nor called
    off: the place is no stop; the trip's own stop stays planned."""
    stops = wednesday_stops(text, lang, extractor)
    assert place not in stops
    assert stops.get(trip) == (Status.PLANNED, "2026-03-13")


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("The president did not travel to Moscow on Monday.", "en", "Moscow"),
        ("Der Präsident reiste am Montag nicht nach Moskau.", "de", "Moskau"),
        ("Le président ne s'est pas rendu à Moscou lundi.", "fr", "Moscou"),
    ],
)
def test_not_there_without_since_stays_cancelled(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    """Without a time since which, the negated trip is one called off: cancelled, as before."""
    assert _candidate(text, lang, place, extractor)[0] is Status.CANCELLED


# 4. a past visit told with an adverb of recall is background


@pytest.mark.parametrize(
    ("text", "lang", "trip", "place"),
    [
        (
            "Der Kanzler reist am Freitag nach Kiew, zum zweiten Mal seit Kriegsbeginn. Damals besuchte er "
            "auch Warschau.",
            "de",
            "Kiew",
            "Warschau",
        ),
        (
            "The chancellor will travel to Kyiv on Friday, his second "
            "visit since the war began. At the time, "
            "he also visited Warsaw.",
            "en",
            "Kyiv",
            "Warsaw",
        ),
        (
            "Le chancelier se rendra vendredi à Kiev, pour la deuxième fois depuis le début de la guerre. "
            "À l'époque, il avait aussi visité Varsovie.",
            "fr",
            "Kiev",
            "Varsovie",
        ),
        (
            "El canciller viajará el viernes a Kiev, por segunda vez desde el inicio de la guerra. En aquel "
            "momento también visitó Varsovia.",
            "es",
            "Kiev",
            "Varsovia",
        ),
        (
            "Il cancelliere si recherà venerdì a Kiev, per la seconda volta dall'inizio della guerra. "
            "All'epoca aveva visitato anche Varsavia.",
            "it",
            "Kiev",
            "Varsavia",
        ),
        (
            "O chanceler viajará na sexta-feira para Kiev, pela segunda vez desde o início da guerra. Na "
            "época, visitou também Varsóvia.",
            "pt",
            "Kiev",
            "Varsóvia",
        ),
        (
            "Канцлер в пятницу отправится в Киев, во второй раз с начала войны. Тогда он посетил и Варшаву.",
            "ru",
            "Киев",
            "Варшава",
        ),
    ],
)
def test_recalled_visit_is_background(
    text: str, lang: str, trip: str, place: str, extractor: Extractor
) -> None:
    """ "Damals besuchte er Warschau": a visit of another time the article recalls, no stop of
    the trip it tells; the trip's own stop stays planned on Friday."""
    stops = wednesday_stops(text, lang, extractor)
    assert place not in stops
    assert stops.get(trip) == (Status.PLANNED, "2026-03-13")


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("The chancellor visited Warsaw at the time of the summit.", "en", "Warsaw"),
        ("Le chancelier a visité Varsovie à l'époque du sommet.", "fr", "Varsovie"),
        ("Der Kanzler besuchte damals am Montag Warschau.", "de", "Warschau"),
        ("The chancellor will then travel to Warsaw.", "en", "Warsaw"),
    ],
)
def test_no_recall_without_its_adverb(text: str, lang: str, place: str, extractor: Extractor) -> None:
    """ "at the time of the summit" is a preposition of time, not an adverb of recall; a visit
    with a day of its own is one of the article's days; "then" is an order, no recall."""
    assert not candidates_by_place(text, lang, extractor, WEDNESDAY)[place].background


# 5. "sollte": a plan of the past


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Der Kanzler sollte am Freitag nach Paris reisen.", "de", "Paris"),
        ("The chancellor was to travel to Paris on Friday.", "en", "Paris"),
    ],
)
def test_plan_of_the_past_still_ahead(text: str, lang: str, place: str, extractor: Extractor) -> None:
    """ "sollte am Freitag nach Paris reisen" with Friday ahead: planned on that Friday."""
    assert _candidate(text, lang, place, extractor) == (Status.PLANNED, "2026-03-13")


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        (
            "Der Kanzler sollte am Montag nach Paris reisen. Die Reise wurde jedoch kurzfristig abgesagt.",
            "de",
            "Paris",
        ),
        (
            "The chancellor was to travel to Paris on Monday. The trip "
            "was however called off at short notice.",
            "en",
            "Paris",
        ),
        (
            "Il cancelliere doveva recarsi lunedì a Parigi. Il viaggio è "
            "stato però annullato all'ultimo momento.",
            "it",
            "Parigi",
        ),
        (
            "Канцлер должен был в понедельник посетить Париж. Однако визит был отменён в последний момент.",
            "ru",
            "Париж",
        ),
        ("Der Kanzler sollte am Montag nach Paris reisen, doch die Reise wurde abgesagt.", "de", "Paris"),
    ],
)
def test_plan_of_the_past_called_off_after(text: str, lang: str, place: str, extractor: Extractor) -> None:
    """A plan of the past and the next sentence calling the trip off (a travel noun and a word of
    cancellation, no place of its own): the plan did not come true."""
    assert _candidate(text, lang, place, extractor)[0] is Status.CANCELLED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        (
            "Der Kanzler sollte am Montag nach Paris reisen. Die Reise nach Rom wurde dagegen abgesagt.",
            "de",
            "Paris",
        ),
        (
            "Der Kanzler sollte am Freitag nach Paris reisen. Die Reise nach Rom wurde abgesagt.",
            "de",
            "Paris",
        ),
    ],
)
def test_a_cancellation_of_another_trip_keeps_the_plan(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    """The next sentence calls off a trip to another place: the plan is not the one called off."""
    assert _candidate(text, lang, place, extractor)[0] is Status.PLANNED


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Der Kanzler hätte am Montag nach Paris reisen sollen.", "de", "Paris"),
        ("Die Ministerin wäre am Montag in Paris gewesen.", "de", "Paris"),
        ("Il cancelliere avrebbe dovuto recarsi lunedì a Parigi.", "it", "Parigi"),
        ("The chancellor should have travelled to Paris on Monday.", "en", "Paris"),
    ],
)
def test_unreal_past_of_a_plan(text: str, lang: str, place: str, extractor: Extractor) -> None:
    """ "hätte ... reisen sollen" (the subjunctive of "sollte": should have, was to but did not):
    a plan that did not come true, on the Monday just past."""
    assert _candidate(text, lang, place, extractor) == (Status.CANCELLED, "2026-03-09")
