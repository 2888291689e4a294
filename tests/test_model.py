import datetime as dt

import pytest

from itinerary.model import Basis, DateSpan, Mode, Precision, Status, Stop, Trip, leg_status


@pytest.mark.parametrize(
    ("text", "start", "end", "precision", "label"),
    [
        ("2023-09-13", dt.date(2023, 9, 13), dt.date(2023, 9, 13), Precision.DAY, "13 Sep 2023"),
        ("2023-10", dt.date(2023, 10, 1), dt.date(2023, 10, 31), Precision.MONTH, "Oct 2023"),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29), Precision.MONTH, "Feb 2024"),
        ("2023", dt.date(2023, 1, 1), dt.date(2023, 12, 31), Precision.YEAR, "2023"),
        (
            "2023-09-15/2023-09-17",
            dt.date(2023, 9, 15),
            dt.date(2023, 9, 17),
            Precision.DAY,
            "15 Sep 2023 – 17 Sep 2023",
        ),
    ],
)
def test_date_span_parse(text: str, start: dt.date, end: dt.date, precision: Precision, label: str) -> None:
    span = DateSpan.parse(text)
    assert (span.start, span.end, span.precision) == (start, end, precision)
    assert span.display() == label
    assert str(span) == text


@pytest.mark.parametrize(
    "bad", ["2023-13-45", "2023-02-30", "13/09/2023", "2023-9-1", "2023-10-05/2023-10-01", "2023-00"]
)
def test_date_span_rejects(bad: str) -> None:
    with pytest.raises(ValueError, match="date"):
        DateSpan.parse(bad)


def test_unknown_date() -> None:
    assert DateSpan.parse(None).display() == "date unknown"
    assert not DateSpan.parse("").known


def test_leg_status_and_mode() -> None:
    c, p, x = (Stop(status=s, place="A") for s in (Status.CONFIRMED, Status.PLANNED, Status.CANCELLED))
    assert leg_status(c, c) is Status.CONFIRMED
    assert leg_status(c, p) is Status.PLANNED and leg_status(p, c) is Status.PLANNED
    assert leg_status(p, x) is Status.CANCELLED
    trip = Trip("t", "T", (c, Stop(status=Status.PLANNED, place="B", mode=Mode.AIR), p), mode=Mode.RAIL)
    assert trip.leg_mode(1) == (Mode.AIR, Basis.REPORTED)
    assert trip.leg_mode(2) == (Mode.RAIL, Basis.REPORTED)
    assert Trip("u", "U", (c, p)).leg_mode(1) == (Mode.UNKNOWN, Basis.ASSUMED)


def test_stop_latlon_prefers_pin() -> None:
    s = Stop(status=Status.PLANNED, place="Vladivostok", lat=43.1056, lon=131.8735)
    assert s.latlon == (43.1056, 131.8735)
    assert Stop(status=Status.PLANNED, place="X").latlon is None
