"""Format v1: seed files, line-numbered errors, round trips (including generated itineraries)."""

from __future__ import annotations

import datetime as dt
import re
import string
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from itinerary import ValidationError, dumps, load, loads
from itinerary.cli import cli
from itinerary.model import DateSpan, Itinerary, Mode, Place, Role, Source, Status, Stop, Trip
from tests.conftest import SEED_14, SEED_18

GOOD = """\
itinerary: 1
title: Test
sources:
  - id: s1
    publisher: Agency
trips:
  - id: a
    traveller: Someone
    stops:
      - place: Vladivostok
        status: confirmed
        date: 2023-09-16
        source: s1
      - place: Khabarovsk
        status: planned
"""


def test_seed_files_validate() -> None:
    for path in (SEED_14, SEED_18):
        it = load(path)
        assert it.trips[0].traveller == "Kim Jong-un"
        assert {t.id for t in it.trips} == {"kim", "putin", "lavrov"}
    it14 = load(SEED_14)
    statuses = [(s.place, s.status.value) for s in it14.trips[0].stops]
    assert ("Vostochny Cosmodrome", "confirmed") in statuses
    assert ("Komsomolsk-on-Amur", "planned") in statuses
    assert it14.trip("lavrov").stops[-1].date.text == "2023-10"


@pytest.mark.parametrize(
    ("old", "new", "line", "needle"),
    [
        (
            "status: confirmed",
            "status: confimed",
            11,
            "unknown value 'confimed'; expected one of confirmed, planned, cancelled",
        ),
        ("date: 2023-09-16", "date: 2023-13-45", 12, "invalid date '2023-13-45'"),
        ("source: s1", "source: s2", 13, "unknown source 's2'"),
        ("- id: a", "- id: a\n    mode: boat", 8, "unknown value 'boat'"),
        ("      - place: Khabarovsk\n", "      - lat: 95.0\n        lon: 10.0\n", 14, "out of range"),
        (
            "      - place: Khabarovsk\n",
            "      - note: nothing\n",
            14,
            "needs a 'place' name or both 'lat' and 'lon'",
        ),
        ("itinerary: 1", "itinerary: 2", 1, "unsupported value 2"),
        (
            "    traveller: Someone",
            "    traveller: Someone\n    traveller: Other",
            9,
            "duplicate key 'traveller'",
        ),
        (
            "        status: planned",
            "        status: planned\n        colour: red",
            16,
            "unknown key 'colour'",
        ),
    ],
)
def test_errors_name_line_and_value(old: str, new: str, line: int, needle: str) -> None:
    text = GOOD.replace(old, new, 1)
    assert text != GOOD
    with pytest.raises(ValidationError) as info:
        loads(text, source="trip.yaml")
    assert info.value.line == line, str(info.value)
    assert needle in str(info.value)
    assert str(info.value).startswith(f"trip.yaml:{line}")


def test_duplicate_trip_ids() -> None:
    text = GOOD + "  - id: a\n    traveller: X\n    stops:\n      - place: Moscow\n        status: planned\n"
    with pytest.raises(ValidationError, match="duplicate trip id 'a'") as info:
        loads(text)
    assert info.value.line == 16


def test_tabs_empty_and_huge(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="tab") as info:
        loads("itinerary: 1\ntrips:\n\t- id: a\n")
    assert info.value.line == 3
    with pytest.raises(ValidationError, match="empty"):
        loads("  \n")
    big = tmp_path / "big.yaml"
    big.write_text(GOOD + "# " + "x" * (5 * 1024 * 1024) + "\n")
    with pytest.raises(ValidationError, match="MB"):
        load(big)
    with pytest.raises(ValidationError, match="not found"):
        load(tmp_path / "missing.yaml")
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes(GOOD.encode() + "# caf\xe9\n".encode("latin-1"))
    with pytest.raises(ValidationError, match="UTF-8") as info:
        load(bad)
    assert info.value.line == 16


def test_safe_yaml_only() -> None:
    with pytest.raises(ValidationError):
        loads("itinerary: 1\ntrips: !!python/object/apply:os.system ['echo hi']\n")


def test_cli_validate_exit_codes(tmp_path: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(cli, ["validate", str(SEED_18)])
    assert ok.exit_code == 0 and "valid (3 trips" in ok.output
    bad = tmp_path / "bad.yaml"
    bad.write_text(GOOD.replace("status: confirmed", "status: confimed"))
    res = runner.invoke(cli, ["validate", str(bad)])
    assert res.exit_code == 1
    assert f"{bad}:11" in res.output and "confimed" in res.output
    assert "Traceback" not in res.output
    usage = runner.invoke(cli, ["validate"])
    assert usage.exit_code == 2


def test_round_trip_seed(tmp_path: Path) -> None:
    from itinerary import dump

    for path in (SEED_14, SEED_18):
        it = load(path)
        out = tmp_path / path.name
        dump(it, out)
        assert load(out) == it


# ---------------------------------------------------------------- property-based round trip

text = st.text(
    alphabet=string.ascii_letters + string.digits + " '\"-:#<>&éЖ\n`\\", min_size=1, max_size=30
).filter(lambda s: s.strip() == s and s != "")
dates = st.one_of(
    st.none(),
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)).map(lambda d: DateSpan.parse(d.isoformat())),
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)).map(lambda d: DateSpan.parse(d.isoformat()[:7])),
    st.integers(1900, 2100).map(lambda y: DateSpan.parse(str(y))),
)
lat = st.floats(-90, 90, allow_nan=False).map(lambda v: round(v, 6))
lon = st.floats(-180, 180, allow_nan=False).map(lambda v: round(v, 6))


@st.composite
def stops(draw: st.DrawFn) -> Stop:
    pinned = draw(st.booleans())
    resolved = None
    if draw(st.booleans()):
        resolved = Place(
            id="geonames:1",
            name=draw(text),
            lat=draw(lat),
            lon=draw(lon),
            kind="city",
            country_code="RU",
            admin1=draw(st.none() | text),
            confidence=draw(st.floats(0, 1).map(lambda v: round(v, 3))),
        )
    return Stop(
        status=draw(st.sampled_from(Status)),
        place=draw(text) if not pinned or draw(st.booleans()) else None,
        role=draw(st.sampled_from(Role)),
        hint=draw(st.none() | text),
        date=draw(dates) or DateSpan(),
        mode=draw(st.none() | st.sampled_from(Mode)),
        quote=draw(st.none() | text),
        note=draw(st.none() | text),
        lat=draw(lat) if pinned else None,
        lon=draw(lon) if pinned else None,
        resolved=resolved,
        needs_review=draw(st.booleans()),
    )


@st.composite
def itineraries(draw: st.DrawFn) -> Itinerary:
    n = draw(st.integers(1, 3))
    trips = tuple(
        Trip(
            id=f"t{i}",
            traveller=draw(text),
            stops=tuple(draw(st.lists(stops(), min_size=1, max_size=4))),
            mode=draw(st.none() | st.sampled_from(Mode)),
            title=draw(st.none() | text),
        )
        for i in range(n)
    )
    return Itinerary(
        trips=trips,
        title=draw(st.none() | text),
        as_of=draw(st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2030, 1, 1))),
        sources=(Source(id="s", publisher=draw(st.none() | text), url="https://example.org/a?b=1&c='x'"),),
    )


@pytest.mark.slow  # fuzzing: 150 generated itineraries
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(itineraries())
def test_round_trip_generated(it: Itinerary) -> None:
    assert loads(dumps(it)) == it


def test_validate_reports_every_problem_in_file_order(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "itinerary: 1\ntrips:\n  - id: k\n    traveller: Kim\n    stops:\n"
        "      - {place: Vladivostok, status: confirmed, hint: Primorsky Krai, Russia}\n"
        "      - {place: Khabarovsk, status: confimed}\n"
        "      - {place: Ussuriysk, status: planned, hint: Primorsky Krai, Russia}\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationError) as info:
        load(bad)
    lines = [p.line for p in info.value.problems]
    assert lines == [6, 7, 8]
    assert "must be quoted" in str(info.value.problems[0])
    assert "'confimed'" in str(info.value.problems[1])
    result = CliRunner().invoke(cli, ["validate", str(bad)])
    assert result.exit_code == 1 and "3 problems" in result.output and "bad.yaml:8" in result.output


def test_validate_reports_calendar_and_schema_problems_together(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "itinerary: 1\nas_of: 2023-02-30\ntrips:\n  - id: k\n    traveller: Kim\n    stops:\n"
        "      - {place: Vladivostok, status: confimed, date: 2023-09-16}\n"
        "      - {place: Khabarovsk, status: planned, date: 2023-09-20/2023-09-18}\n"
        "      - {place: Ussuriysk, status: planned, date: 2023-13}\n"
        "      - {place: Artyom, status: planned, date: 2023-09-31}\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationError) as info:
        load(bad)
    found = [(p.line, p.path) for p in info.value.problems]
    assert found == [
        (2, "as_of"),
        (7, "trips[0].stops[0].status"),
        (8, "trips[0].stops[1].date"),
        (9, "trips[0].stops[2].date"),
        (10, "trips[0].stops[3].date"),
    ]
    messages = [p.message for p in info.value.problems]
    assert "'2023-02-30'" in messages[0] and "real calendar day" in messages[0]
    assert (
        "'2023-09-20/2023-09-18' ends before it starts" in messages[2] and "earlier day first" in messages[2]
    )
    assert "month 13" in messages[3] and "01 to 12" in messages[3]
    assert "'2023-09-31'" in messages[4]
    result = CliRunner().invoke(cli, ["validate", str(bad)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "5 problems" in result.output
    for line in (2, 7, 8, 9, 10):
        assert f"bad.yaml:{line}:" in result.output


def test_validate_reports_every_calendar_problem_alone(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(GOOD.replace("date: 2023-09-16", "date: 2023-09-16/2023-09-01"), encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        load(bad)
    assert (info.value.line, info.value.path) == (12, "trips[0].stops[0].date")
    assert "ends before it starts; write the earlier day first" in info.value.message


def test_resolve_keeps_comments_order_and_flow_style(tmp_path: Path, mini_data: None) -> None:
    src = tmp_path / "trip.yaml"
    src.write_text(
        "# my notes on this trip\nitinerary: 1\ntitle: 'Kim in the Far East'  # working title\n"
        "trips:\n  - id: k\n    traveller: Kim\n    stops:\n"
        "      - {place: Vladivostok, status: confirmed}  # by train\n"
        "      - place: Khabarovsk\n        status: planned\n        date: 2023-09-14\n",
        encoding="utf-8",
    )
    out = tmp_path / "resolved.yaml"
    assert CliRunner().invoke(cli, ["resolve", str(src), "-o", str(out)]).exit_code == 0
    text = out.read_text("utf-8")
    assert text.startswith("# my notes on this trip\n")
    assert "'Kim in the Far East'  # working title" in text
    assert "- {place: Vladivostok, status: confirmed, resolved: {" in text and "# by train" in text
    flow = next(line for line in text.splitlines() if "{place: Vladivostok" in line)
    assert re.search(r"\}\} +# by train$", flow)  # the whole stop on its line, not broken mid-value
    assert not [line for line in text.splitlines() if line != line.rstrip()]
    assert "date: 2023-09-14" in text
    it = load(out)
    assert [s.resolved.name for s in it.trips[0].stops if s.resolved] == ["Vladivostok", "Khabarovsk"]
    assert it.trips[0].stops[1].resolved.lat == pytest.approx(48.48, abs=0.1)


def _one_stop(**stop: object) -> dict[str, object]:
    """A file's data (as parsed, before the schema) with one trip of one stop."""
    return {
        "itinerary": 1,
        "sources": [{"id": "s1", "published": "2024-05-02"}],
        "trips": [{"id": "a", "traveller": "Someone", "stops": [{"place": "Rome", **stop}]}],
    }


def test_data_read_key_by_key_is_the_model_read_field_by_field() -> None:
    """The reader converts only the keys a mapping has; every field it does not name is the
    table's default, and each value is what ``fields.from_plain`` makes of it."""
    from itinerary import fields
    from itinerary.io.yaml import _build

    stop = {
        "lat": "41.9",
        "lon": 12.5,
        "role": "destination",
        "status": "confirmed",
        "date": "2024-05-03",
        "mode": "air",
        "hint": "",
        "confidence": "0.5",
        "corroboration": "2",
        "needs_review": 1,
        "date_unknown_key": "ignored",
        "quote": None,
        "source": "s1",
    }
    got = _build(_one_stop(**stop), {}, "data").trips[0].stops[0]
    for f in fields.table("stop"):
        if f.derived or f.yaml is None or f.name in ("source", "sources", "history", "resolved"):
            continue
        raw = _one_stop(**stop)["trips"][0]["stops"][0].get(f.yaml)  # type: ignore[index]
        want = f.default if raw is None else fields.from_plain(f, raw)
        assert getattr(got, f.name) == want, f.name
    assert got.source == "s1" and got.sources == () and got.history == () and got.resolved is None
    assert _build(_one_stop(date=""), {}, "data").trips[0].stops[0].date == DateSpan.parse(None)


def test_the_first_bad_value_in_the_tables_order_is_the_one_named() -> None:
    """Two bad values: the error names the one the field table lists first (``role`` before
    ``status``), whatever order the mapping gives them in, with its path."""
    from itinerary.io.yaml import _build

    with pytest.raises(ValidationError, match=r"trips\[0\]\.stops\[0\]\.role") as bad:
        _build(_one_stop(status="flying", role="nowhere"), {}, "data")
    assert "nowhere" in str(bad.value) and "data" in str(bad.value)
    with pytest.raises(ValidationError, match=r"trips\[0\]\.stops\[0\]\.status"):
        _build(_one_stop(status="flying"), {}, "data")
    with pytest.raises(ValidationError, match=r"trips\[0\]\.stops\[0\]\.date"):
        _build(_one_stop(date="the day after"), {}, "data")
