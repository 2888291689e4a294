"""Which date a stop takes, class by class: a one-day stay the traveller has already left (the
sentence of the next leg tells a return elsewhere first: "He returned to Poland, where he is due
to meet Duda in Warsaw on Tuesday") keeps its day; a range of days whose second day takes its
article ("entre el 6 y el 8 de marzo", "dal 6 all'8 marzo") is one range; the middle of a month
("mid-November", "à la mi-novembre", "Mitte November") is that month; a month named without its
year for a plan is the next one of that name; the day a later sentence gives a visit without
naming where ("The visit is scheduled for 14 July") dates the one planned stop still undated.

Every sentence here is written for these tests (no article text).
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor, extract

TUESDAY = dt.date(2026, 7, 7)
MONDAY = dt.date(2026, 7, 6)
THURSDAY = dt.date(2026, 7, 9)
MARCH = dt.date(2026, 3, 4)


def _dates(text: str, lang: str, extractor: Extractor, published: dt.date) -> dict[str, str]:
    it = extract(text, published=published, language=lang, extractor=extractor)
    return {(s.resolved.name if s.resolved else str(s.place)): str(s.date or "") for _, _, s in it.stops()}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Biden was in Kyiv on Monday. He returned to Poland,"
            " where he is due to meet Duda in Warsaw on Tuesday.",
        ),
        (
            "fr",
            "Le président était lundi à Kiev. Il est revenu en Pologne,"
            " où il doit rencontrer Duda mardi à Varsovie.",
        ),
        (
            "es",
            "El presidente estuvo el lunes en Kiev. Regresó a Polonia,"
            " donde se reunirá el martes con Duda en Varsovia.",
        ),
    ],
)
def test_a_stay_the_traveller_came_back_from_before_the_next_leg_keeps_its_day(
    lang: str, text: str, extractor: Extractor
) -> None:
    # the next leg is told after a return elsewhere: the traveller had left Kyiv by then
    assert _dates(text, lang, extractor, TUESDAY)["Kyiv"] == "2026-07-06"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The president landed in Seoul on Sunday. He will fly to Tokyo on Monday evening."),
        ("fr", "Le président a atterri dimanche à Séoul. Il s'envolera lundi soir pour Tokyo."),
        ("en", "The president arrived in Seoul on Sunday. He will return to Tokyo on Monday."),
    ],
)
def test_a_stay_where_the_news_finds_the_traveller_lasts_until_the_next_leg(
    lang: str, text: str, extractor: Extractor
) -> None:
    # a guard: nothing tells the traveller left Seoul before setting off for Tokyo
    assert _dates(text, lang, extractor, MONDAY)["Seoul"] == "2026-07-05/2026-07-06"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "El presidente visitará Japón entre el 6 y el 8 de marzo."),
        ("it", "Il presidente visiterà il Giappone dal 6 all'8 marzo."),
        ("it", "Il presidente visiterà il Giappone tra il 6 e l'8 marzo."),
        ("fr", "Le président se rendra au Japon du 6 au 8 mars."),
        ("de", "Der Präsident besucht Japan vom 6. bis 8. März."),
        ("en", "The president will visit Japan from 6 to 8 March."),
        ("ru", "Президент посетит Японию с 6 по 8 марта."),
        ("pt", "O presidente visitará o Japão de 6 a 8 de março."),
    ],
)
def test_a_range_of_days_is_one_range(lang: str, text: str, extractor: Extractor) -> None:
    assert _dates(text, lang, extractor, MARCH)["Japan"] == "2026-03-06/2026-03-08"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Announced on Monday, the king's visit to Bogotá will take place from 6 to 8 August."),
        ("en", "The king, whose office confirmed the trip on Monday, will visit Bogotá from 6 to 8 August."),
        ("fr", "Annoncée lundi, la visite du roi à Bogota aura lieu du 6 au 8 août."),
        ("es", "Anunciada el lunes, la visita del rey a Bogotá tendrá lugar del 6 al 8 de agosto."),
        ("it", "Il re, la cui visita è stata annunciata lunedì, sarà a Bogotà dal 6 all'8 agosto."),
        ("pt", "Anunciada na segunda-feira, a visita do rei a Bogotá decorrerá de 6 a 8 de agosto."),
        ("ru", "Объявленный в понедельник визит короля в Боготу пройдет с 6 по 8 августа."),
    ],
)
def test_a_range_of_days_is_the_stay_and_a_day_beside_it_is_another_events(
    lang: str, text: str, extractor: Extractor
) -> None:
    # published on Wednesday 5 August: Monday is the announcement's, not the stay's first day
    got = _dates(text, lang, extractor, dt.date(2026, 8, 5))
    assert list(got.values()) == ["2026-08-06/2026-08-08"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The president will visit Japan in mid-November."),
        ("fr", "Le président se rendra au Japon à la mi-novembre."),
        ("de", "Der Präsident wird Mitte November nach Japan reisen."),
        ("es", "El presidente visitará Japón a mediados de noviembre."),
        ("it", "Il presidente visiterà il Giappone a metà novembre."),
        ("ru", "Президент посетит Японию в середине ноября."),
    ],
)
def test_the_middle_of_a_month_is_that_month(lang: str, text: str, extractor: Extractor) -> None:
    assert _dates(text, lang, extractor, THURSDAY)["Japan"] == "2026-11"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The president will visit Japan in November."),
        ("fr", "Le président se rendra au Japon en novembre."),
        ("de", "Der Präsident wird im November nach Japan reisen."),
        ("pt", "O presidente visitará o Japão em novembro."),
        ("it", "Il presidente visiterà il Giappone a novembre."),
    ],
)
def test_a_month_without_its_year_for_a_plan_is_the_next_of_that_name(
    lang: str, text: str, extractor: Extractor
) -> None:
    # said in March: the November to come, not the one four months back
    assert _dates(text, lang, extractor, MARCH)["Japan"] == "2026-11"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "es",
            "El viaje de este año, que incluirá la visita a Pekín, se produce después de que en junio"
            " China anunciara una investigación.",
        ),
        (
            "en",
            "This year's trip, which will include a visit to Beijing, comes after China announced an"
            " inquiry in June.",
        ),
    ],
)
def test_a_month_of_another_clause_is_not_the_next_of_that_name(
    lang: str, text: str, extractor: Extractor
) -> None:
    # a guard: June is the announcement's, over already, not a plan for next June
    got = _dates(text, lang, extractor, dt.date(2026, 9, 8))
    assert "2027-06" not in got.values()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The president will travel to Japan. The visit is scheduled for 14 July."),
        ("fr", "Le président se rendra au Japon. La visite est prévue le 14 juillet."),
        ("de", "Der Präsident wird nach Japan reisen. Der Besuch ist für den 14. Juli geplant."),
        ("es", "El presidente viajará a Japón. La visita está prevista para el 14 de julio."),
        ("it", "Il presidente si recherà in Giappone. La visita è prevista per il 14 luglio."),
        ("pt", "O presidente viajará ao Japão. A visita está prevista para 14 de julho."),
        ("ru", "Президент посетит Японию. Визит запланирован на 14 июля."),
    ],
)
def test_the_day_a_later_sentence_gives_the_visit_dates_the_planned_stop(
    lang: str, text: str, extractor: Extractor
) -> None:
    assert _dates(text, lang, extractor, THURSDAY)["Japan"] == "2026-07-14"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The president will travel to Japan and Korea. The visit is scheduled for 14 July."),
        ("fr", "Le président se rendra au Japon puis en Chine. La visite est prévue le 14 juillet."),
    ],
)
def test_a_later_day_of_the_visit_does_not_date_one_of_several_planned_stops(
    lang: str, text: str, extractor: Extractor
) -> None:
    # a guard: which of the two the day is cannot be told
    assert _dates(text, lang, extractor, THURSDAY)["Japan"] == ""


@pytest.mark.parametrize(
    ("lang", "text", "day"),
    [
        (
            "fr",
            "PARIS, 7 juil (AFP) - Le président est arrivé hier à Riga pour une visite officielle.",
            "2026-07-06",
        ),
        (
            "en",
            "MOSCOW, July 7 /TASS/. The president arrived in Riga on Monday for an official visit.",
            "2026-07-06",
        ),
        ("ru", "МОСКВА, 7 июля. /ТАСС/. Президент вчера прибыл в Ригу с официальным визитом.", "2026-07-06"),
        (
            "de",
            "BERLIN, 7. Juli (dpa) - Der Präsident ist zu einem Besuch in Riga eingetroffen.",
            "2026-07-07",
        ),
        ("es", "MADRID, 7 jul (EFE).- El presidente llegó a Riga para una visita oficial.", "2026-07-07"),
    ],
)
def test_a_dateline_dates_its_lead_and_its_relative_days(
    lang: str, text: str, day: str, extractor: Extractor
) -> None:
    # a guard: the wire's day, not the paper's (published two days later)
    assert _dates(text, lang, extractor, THURSDAY)["Riga"] == day


def _choose(monkeypatch: pytest.MonkeyPatch, scores: dict[float, float], n: int) -> float:
    """The C :func:`choose_date_c` picks when a model trained with C scores ``scores[C]``."""
    from benchmarks import extract_eval as ev

    rows = [ev.DateRow(f"a{k}", f"e{k}", "en", [], []) for k in range(n)]
    monkeypatch.setattr(ev, "train_dates", lambda rows, name="", c=1.0: c)
    monkeypatch.setattr(ev, "date_pick_accuracy", lambda rows, models, dated=None: scores[models["e0"]])
    return ev.choose_date_c(rows)


def test_the_date_rankers_penalty_does_not_jump_with_one_stop(monkeypatch: pytest.MonkeyPatch) -> None:
    # two tables one stop apart (of 100): the best bare C differs, the steadied choice does not
    one = 0.01
    a = {0.1: 0.68, 0.3: 0.68, 1.0: 0.69, 3.0: 0.70, 10.0: 0.70 - one}
    b = {0.1: 0.68, 0.3: 0.68, 1.0: 0.69, 3.0: 0.70 - one, 10.0: 0.70}
    assert _choose(monkeypatch, a, 100) == _choose(monkeypatch, b, 100) == 10.0


def test_the_date_rankers_penalty_follows_a_clear_best(monkeypatch: pytest.MonkeyPatch) -> None:
    # a guard: a C ahead by many stops is chosen, whatever its place on the grid
    assert _choose(monkeypatch, {0.1: 0.60, 0.3: 0.72, 1.0: 0.75, 3.0: 0.62, 10.0: 0.55}, 100) == 1.0
