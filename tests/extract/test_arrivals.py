"""An arrival or a visit's end told without its place ("Tajani era arrivato ieri", "she had
landed on Sunday evening"; "A visita termina na quarta-feira", "the visit ends on Wednesday") is
told of the stay where the news finds the traveller: that stay begins on the arrival's day; the
visit's end closes the stay at the trip's last stop. Not when the sentence names its own place,
not for another traveller, not days before; no visit's end while a leg of an untold day is still
to come.

Every sentence here is written for these tests (no article text).
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor, extract
from itinerary.extract.completion import stay_from_arrival, stay_until_visit_end
from itinerary.extract.tuning import TUNING
from itinerary.model import DateSpan, Itinerary, Place, Role, Status, Stop

MONDAY = dt.date(2024, 6, 3)
SUNDAY = dt.date(2024, 6, 2)


def _table(it: Itinerary) -> dict[str, tuple[str, str]]:
    return {
        (s.resolved.name if s.resolved else s.place or ""): (s.status.value, str(s.date))
        for _, _, s in it.stops()
    }


# ---------------------------------------------------------------- extraction
@pytest.mark.parametrize(
    ("lang", "text", "here"),
    [
        ("en", "Minister Jane Doe met her counterpart in Oslo today. She had landed on Sunday evening.",
         "Oslo"),
        ("it", "Il ministro Mario Rossi è arrivato oggi a Pechino. Rossi era arrivato ieri sera, domenica.",
         "Beijing"),
        ("es", "El presidente Juan Pérez se reunió hoy en Lima con su homólogo. Había llegado el domingo "
         "por la noche.", "Lima"),
        ("pt", "O ministro João Silva reuniu-se hoje em Luanda com o homólogo. Tinha chegado no domingo "
         "à noite.", "Luanda"),
        ("de", "Ministerin Anna Muster traf heute in Nairobi ihren Amtskollegen. Sie war am Sonntagabend "
         "gelandet.", "Nairobi"),
        ("fr", "Le ministre Jean Martin a rencontré aujourd'hui à Dakar son homologue. Il était arrivé "
         "dimanche soir.", "Dakar"),
    ],
)  # fmt: skip
def test_an_arrival_without_its_place_begins_the_stay(
    extractor: Extractor, lang: str, text: str, here: str
) -> None:
    table = _table(extract(text, published=MONDAY, language=lang, extractor=extractor))
    assert table[here] == ("confirmed", "2024-06-02/2024-06-03")


@pytest.mark.parametrize(
    ("lang", "text", "here", "there"),
    [
        ("en", "Minister Jane Doe met her counterpart in Oslo today. On Sunday she arrived in Bergen.",
         "Oslo", "Bergen"),
        ("es", "El presidente Juan Pérez se reunió hoy en Lima con su homólogo. El domingo llegó a Cusco.",
         "Lima", "Cusco"),
    ],
)  # fmt: skip
def test_an_arrival_that_names_its_place_is_there(
    extractor: Extractor, lang: str, text: str, here: str, there: str
) -> None:
    table = _table(extract(text, published=MONDAY, language=lang, extractor=extractor))
    assert table[here] == ("confirmed", "2024-06-03")
    assert table[there] == ("confirmed", "2024-06-02")


@pytest.mark.parametrize(
    ("lang", "text", "here"),
    [
        ("en", "Minister Jane Doe met her counterpart in Oslo today. The visit ends on Wednesday.", "Oslo"),
        ("pt", "O ministro João Silva reuniu-se hoje em Luanda com o homólogo. A visita, de três dias, "
         "termina na quarta-feira e inclui ainda um jantar com a comunidade portuguesa em Angola.", "Luanda"),
        ("es", "El presidente Juan Pérez se reunió hoy en Lima con su homólogo. La visita termina el "
         "miércoles.", "Lima"),
        ("de", "Ministerin Anna Muster traf heute in Nairobi ihren Amtskollegen. Der Besuch endet am "
         "Mittwoch.", "Nairobi"),
        ("it", "Il ministro Mario Rossi è arrivato oggi a Pechino. La visita si conclude mercoledì.",
         "Beijing"),
        ("fr", "Le ministre Jean Martin a rencontré aujourd'hui à Dakar son homologue. La visite s'achève "
         "mercredi.", "Dakar"),
        # an "until" date without its place closes the same stay
        ("es", "El presidente Juan Pérez se reunió hoy en Lima con su homólogo. La visita se prolonga "
         "hasta el miércoles.", "Lima"),
    ],
)  # fmt: skip
def test_a_visits_end_without_its_place_closes_the_stay(
    extractor: Extractor, lang: str, text: str, here: str
) -> None:
    table = _table(extract(text, published=MONDAY, language=lang, extractor=extractor))
    assert table[here] == ("confirmed", "2024-06-03/2024-06-05")


@pytest.mark.parametrize(
    ("lang", "text", "last"),
    [
        ("en", "Minister Jane Doe met her counterpart in Oslo today. On Wednesday she flies on to Bergen. "
         "There her trip ends on Thursday.", "Bergen"),
        ("de", "Ministerin Anna Muster traf heute in Nairobi ihren Amtskollegen. Am Mittwoch fliegt sie "
         "weiter nach Mombasa. Dort endet am Donnerstag ihre Reise.", "Mombasa"),
        ("es", "El presidente Juan Pérez se reunió hoy en Lima con su homólogo. El miércoles viajará a "
         "Cusco. Allí termina el jueves su gira.", "Cusco"),
    ],
)  # fmt: skip
def test_a_visits_end_closes_the_stay_at_the_last_stop(
    extractor: Extractor, lang: str, text: str, last: str
) -> None:
    table = _table(extract(text, published=MONDAY, language=lang, extractor=extractor))
    assert table[last] == ("planned", "2024-06-05/2024-06-06")
    assert [v for k, v in table.items() if k != last] == [("confirmed", "2024-06-03")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Minister Jane Doe met her counterpart in Oslo today. The visit ends in Bergen on Wednesday."),
        ("pt", "O ministro João Silva reuniu-se hoje em Luanda com o homólogo. A visita termina no Lubango "
         "na quarta-feira."),
    ],
)  # fmt: skip
def test_a_visits_end_that_names_its_place_is_there(extractor: Extractor, lang: str, text: str) -> None:
    table = _table(extract(text, published=MONDAY, language=lang, extractor=extractor))
    assert [v for k, v in table.items() if k != "Bergen" and k != "Lubango"] == [("confirmed", "2024-06-03")]


# ---------------------------------------------------------------- the completion steps alone
def _stop(name: str, status: Status, day: str, *, kind: str = "city", role: Role = Role.VISIT) -> Stop:
    return Stop(
        status=status,
        place=name,
        role=role,
        date=DateSpan.parse(day),
        resolved=Place(id=name.lower(), name=name, lat=0.0, lon=0.0, kind=kind, country_code="XX"),
        quote=f"The minister is in {name}.",
    )


def _dates(stops: tuple[Stop, ...], arrivals: list[tuple[dt.date, set[str]]]) -> list[str]:
    return [str(s.date) for s in stay_from_arrival(stops, arrivals, "Jane Doe", TUNING)]


def test_the_latest_confirmed_stop_begins_on_the_arrival() -> None:
    stops = (_stop("Alpha", Status.CONFIRMED, "2024-06-01"), _stop("Beta", Status.CONFIRMED, "2024-06-03"))
    assert _dates(stops, [(SUNDAY, {"Jane Doe"})]) == ["2024-06-01", "2024-06-02/2024-06-03"]
    assert _dates(stops, [(SUNDAY, set())]) == ["2024-06-01", "2024-06-02/2024-06-03"]


def test_another_travellers_arrival_leaves_the_stay_alone() -> None:
    stops = (_stop("Beta", Status.CONFIRMED, "2024-06-03"),)
    assert _dates(stops, [(SUNDAY, {"John Roe"})]) == ["2024-06-03"]


def test_an_arrival_days_before_or_at_another_stop_leaves_the_stay_alone() -> None:
    beta = _stop("Beta", Status.CONFIRMED, "2024-06-03")
    assert _dates((beta,), [(dt.date(2024, 5, 31), {"Jane Doe"})]) == ["2024-06-03"]
    alpha = _stop("Alpha", Status.CONFIRMED, "2024-06-02")
    assert _dates((alpha, beta), [(SUNDAY, {"Jane Doe"})]) == ["2024-06-02", "2024-06-03"]


def test_no_stay_begins_at_an_airport_nor_at_a_departure_point() -> None:
    airport = _stop("Beta Airport", Status.CONFIRMED, "2024-06-03", kind="airport")
    origin = _stop("Gamma", Status.CONFIRMED, "2024-06-03", role=Role.ORIGIN)
    assert _dates((airport,), [(SUNDAY, {"Jane Doe"})]) == ["2024-06-03"]
    assert _dates((origin,), [(SUNDAY, {"Jane Doe"})]) == ["2024-06-03"]


def test_two_arrival_days_say_nothing() -> None:
    stops = (_stop("Beta", Status.CONFIRMED, "2024-06-03"),)
    assert _dates(stops, [(SUNDAY, set()), (dt.date(2024, 6, 1), set())]) == ["2024-06-03"]


def _ends(stops: tuple[Stop, ...], ends: list[tuple[dt.date, set[str]]]) -> list[str]:
    return [str(s.date) for s in stay_until_visit_end(stops, ends, "Jane Doe", TUNING)]


WEDNESDAY = dt.date(2024, 6, 5)


def test_the_visits_end_closes_the_stay_dated_latest() -> None:
    stops = (_stop("Alpha", Status.CONFIRMED, "2024-06-01"), _stop("Beta", Status.CONFIRMED, "2024-06-03"))
    assert _ends(stops, [(WEDNESDAY, {"Jane Doe"})]) == ["2024-06-01", "2024-06-03/2024-06-05"]
    assert _ends(stops, [(WEDNESDAY, {"John Roe"})]) == ["2024-06-01", "2024-06-03"]
    stops = (_stop("Beta", Status.CONFIRMED, "2024-06-03"), _stop("Gamma", Status.PLANNED, "2024-06-04"))
    assert _ends(stops, [(WEDNESDAY, set())]) == ["2024-06-03", "2024-06-04/2024-06-05"]


def test_a_leg_of_an_untold_day_still_to_come_says_the_end_is_elsewhere() -> None:
    stops = (_stop("Beta", Status.CONFIRMED, "2024-06-03"), _stop("Gamma", Status.PLANNED, ""))
    assert _ends(stops, [(WEDNESDAY, set())]) == ["2024-06-03", ""]
    stops = (_stop("Beta", Status.CONFIRMED, "2024-06-03"), _stop("Gamma", Status.PLANNED, "2024-06-06"))
    assert _ends(stops, [(WEDNESDAY, set())]) == ["2024-06-03", "2024-06-06"]


def test_no_visits_end_before_the_stay_nor_weeks_after_it() -> None:
    stops = (_stop("Beta", Status.CONFIRMED, "2024-06-03"),)
    assert _ends(stops, [(dt.date(2024, 6, 2), set())]) == ["2024-06-03"]
    assert _ends(stops, [(dt.date(2024, 6, 30), set())]) == ["2024-06-03"]
    airport = _stop("Beta Airport", Status.CONFIRMED, "2024-06-03", kind="airport")
    assert _ends((airport,), [(WEDNESDAY, set())]) == ["2024-06-03"]
