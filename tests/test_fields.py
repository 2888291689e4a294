"""The field table is the one description of the model's fields: every output reads it.

A field added to the table (and to the model class) must reach the trip file, the JSON
Schema, GeoJSON, CSV and the map payload with no other edit, and read back.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

import pytest

from itinerary import fields
from itinerary.errors import ValidationError
from itinerary.io import geojson, gis
from itinerary.io import schema as io_schema
from itinerary.io import yaml as fileformat
from itinerary.merge import merge
from itinerary.merge import stops as merge_stops
from itinerary.model import (
    DateSpan,
    Itinerary,
    Leg,
    Mode,
    Place,
    Prepared,
    Region,
    Report,
    Role,
    Source,
    Status,
    Stop,
    Trip,
)
from itinerary.render import map as htmlmap

from .golden import generated

D = dt.date
MODEL = {"stop": Stop, "leg": Leg, "trip": Trip, "source": Source, "region": Region}


@pytest.mark.parametrize("owner", fields.OWNERS)
def test_every_model_field_is_in_the_table_and_back(owner: str) -> None:
    stored = {f.name for f in fields.table(owner) if not f.derived}
    model = {f.name for f in dataclasses.fields(MODEL[owner])}
    assert stored == model, (
        f"add {sorted(model - stored)} to / remove {sorted(stored - model)} from fields.py"
    )
    for f in fields.table(owner):  # a derived field is something the model computes
        if f.derived:
            assert f.name not in model


@pytest.mark.parametrize("owner", fields.OWNERS)
def test_kml_carries_geojson_properties(owner: str) -> None:
    for f in fields.table(owner):
        assert set(f.kml) <= set(f.geojson), f"{owner}.{f.name}: kml keys must be GeoJSON properties"


@pytest.mark.parametrize("owner", fields.OWNERS)
@pytest.mark.parametrize("output", ["yaml", "geojson", "csv", "payload", "kml"])
def test_keys_are_unique_within_an_output(owner: str, output: str) -> None:
    found = fields.keys(owner, output)
    assert len(found) == len(set(found))


def _handled(owner: str, special: Mapping[str, Any], output: str) -> None:
    """Every field an output writes is plain with one key, or has its own function there."""
    for f in fields.table(owner):
        keys = ((f.yaml,) if f.yaml else ()) if output == "yaml" else getattr(f, output)
        if keys and f.name not in special:
            assert f.plain and len(keys) == 1, f"{owner}.{f.name} needs a function in the {output} writer"


def test_every_field_that_is_not_plain_has_its_functions() -> None:
    _handled("stop", fileformat._STOP_WRITERS, "yaml")
    _handled("stop", fileformat._Builder({}, None).stop_special, "yaml")
    _handled("trip", fileformat._TRIP_WRITERS, "yaml")
    _handled("source", {}, "yaml")
    _handled("trip", {}, "geojson")  # the header of a FeatureCollection: plain fields only
    _handled("source", {}, "geojson")
    _handled("stop", geojson.STOP_WRITERS, "geojson")
    _handled("stop", geojson.STOP_READERS, "geojson")
    _handled("leg", geojson.LEG_WRITERS, "geojson")
    _handled("stop", htmlmap.STOP_PAYLOAD, "payload")
    _handled("leg", htmlmap.LEG_PAYLOAD, "payload")
    _handled("region", {}, "geojson")
    _handled("region", htmlmap.REGION_PAYLOAD, "payload")
    _handled("source", htmlmap.SOURCE_PAYLOAD, "payload")


def test_an_output_refuses_keys_the_table_does_not_list() -> None:
    with pytest.raises(KeyError, match="extra \\['surprise'\\]"):
        fields.arrange("leg", "payload", {k: 1 for k in [*fields.keys("leg", "payload"), "surprise"]})


def test_plain_values_round_trip() -> None:
    by = fields.by_name("stop")
    assert fields.to_plain(by["mode"], Mode.RAIL) == "rail"
    assert fields.from_plain(by["mode"], "") is None  # empty in a GeoDataFrame: not given
    assert fields.from_plain(by["role"], None) is by["role"].default
    assert fields.from_plain(by["corroboration"], 2.0) == 2
    with pytest.raises(ValueError, match="invalid date"):
        fields.from_plain(by["date"], "2023-13-45")


# ---------------------------------------------------------------- a new field, one edit


@dataclasses.dataclass(frozen=True)
class WeatherStop(Stop):
    weather: str | None = None


WEATHER = fields.Field(
    "weather",
    str,
    "the weather that day",
    yaml="weather",
    geojson=("weather",),
    payload=("weather",),
    popup=("weather", "Weather"),
    kml=("weather",),
)

TEXT = """\
itinerary: 1
title: Weather test
trips:
- id: w
  traveller: Someone
  stops:
  - place: Vladivostok
    lat: 43.1056
    lon: 131.8735
    status: confirmed
    date: '2023-09-16'
    note: by the sea
    weather: fog over the bay
  - place: Khabarovsk
    lat: 48.4827
    lon: 135.0838
    status: planned
"""


@pytest.fixture
def weather(monkeypatch: pytest.MonkeyPatch) -> None:
    """The table gains a ``weather`` row after ``note``, the model class its attribute."""
    _add_weather(monkeypatch)


def _add_weather(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = list(fields.STOP)
    at = next(i for i, f in enumerate(rows) if f.name == "note") + 1
    monkeypatch.setattr(fields, "STOP", (*rows[:at], WEATHER, *rows[at:]))
    monkeypatch.setattr(fileformat, "Stop", WeatherStop)
    monkeypatch.setattr(geojson, "Stop", WeatherStop)
    monkeypatch.setattr(merge_stops, "Stop", WeatherStop)


@pytest.mark.usefixtures("weather")
def test_a_new_field_reaches_every_output() -> None:
    it = fileformat.loads(TEXT)
    stop = it.trips[0].stops[0]
    assert isinstance(stop, WeatherStop) and stop.weather == "fog over the bay"
    assert fileformat.dumps(it) == TEXT  # YAML -> model -> YAML, in the table's place

    prop = io_schema.schema()["$defs"]["stop"]["properties"]["weather"]
    assert prop == {"$ref": "#/$defs/text", "description": "the weather that day"}
    with pytest.raises(ValidationError, match=r"weather.*wrong type"):
        fileformat.loads(TEXT.replace("fog over the bay", "[1, 2]"))

    fc = geojson.to_feature_collection(it)
    assert [f["properties"]["weather"] for f in fc["features"]] == ["fog over the bay", None]
    assert geojson.from_feature_collection(fc) == it

    table = gis.to_csv(gis.to_geodataframe(Prepared(it)))
    header, first = table.splitlines()[:2]
    assert '"weather"' in header.split(",") and '"fog over the bay"' in first.split(",")

    kml = gis.to_kml(gis.to_geodataframe(Prepared(it)))
    assert kml.count('<Data name="weather"><value>fog over the bay</value></Data>') == 1

    data = htmlmap.payload(Prepared(it))
    assert data["trips"][0]["stops"][0]["weather"] == "fog over the bay"
    assert "weather" not in data["trips"][0]["stops"][1]  # empty fields are left out
    assert ["weather", "Weather", {}] in data["popup"]  # a free-text field: no value to translate


def test_a_field_added_after_a_file_was_read_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader's plan of the stored fields is made again when the field table changes: a file
    read before the new field came must not hide it from the files read after."""
    fileformat.loads(TEXT.replace("    weather: fog over the bay\n", ""))
    _add_weather(monkeypatch)
    stop = fileformat.loads(TEXT).trips[0].stops[0]
    assert isinstance(stop, WeatherStop) and stop.weather == "fog over the bay"


@pytest.mark.usefixtures("weather")
def test_a_new_field_is_merged_by_the_latest_report() -> None:
    assert fields.by_name("stop")["weather"].merge == "latest"  # no policy given: the default
    early = _report("a", D(2023, 9, 1), weather="fog over the bay", cls=WeatherStop)
    late = _report("b", D(2023, 9, 3), weather="sun", cls=WeatherStop)
    stop = merge([late, early]).trips[0].stops[0]
    assert isinstance(stop, WeatherStop) and stop.weather == "sun"


# ---------------------------------------------------------------- the merged value of every field


def _report(src: str, day: dt.date, cls: type[Stop] = Stop, **values: Any) -> Itinerary:
    stop = cls(**{"status": Status.CONFIRMED, "place": "Vladivostok", "source": src, **values})
    trip = Trip("t", "Vladimir Putin", (stop,))
    return Itinerary(
        (trip,), as_of=day, sources=(Source(src, url=f"https://example.org/{src}", published=day),)
    )


def test_every_field_has_a_merge_policy_and_its_merged_value() -> None:
    """Two reports of one stop that differ in every field: each merged value is the one the
    field's policy picks. A new field needs its line here (and a policy, else it is the latest)."""
    city = Place("g1", "Vladivostok", 43.1056, 131.8735, "city", "RU", confidence=0.5)
    date = DateSpan.parse("2024-06-10")
    a = dict(lat=43.10, lon=131.87, hint="Primorye", role=Role.VISIT, status=Status.PLANNED, date=date)
    a |= dict(mode=Mode.RAIL, quote="a said so", note="from a", why="a's rule", confidence=0.4)
    a |= dict(resolved=city, reviewed=True)
    b = dict(lat=43.11, lon=131.88, hint="Russia", role=Role.ORIGIN, status=Status.CONFIRMED, date=date)
    b |= dict(mode=Mode.AIR, quote="b said so", note="from b", why="b's model", confidence=0.9)
    b |= dict(needs_review=True)
    b |= dict(resolved=dataclasses.replace(city, confidence=0.9))
    merged = merge([_report("b", D(2024, 6, 12), **b), _report("a", D(2024, 6, 1), **a)])
    (stop,) = merged.trips[0].stops
    expected = {
        "place": "Vladivostok",  # naming: the most common Latin spelling of the lead's kind
        "lat": 43.11,  # pinned: the latest report that pins the stop
        "lon": 131.88,
        "hint": "Russia",  # lead: the report that names the place best (the surer city)
        "role": Role.ORIGIN,  # an origin stays an origin
        "status": Status.CONFIRMED,  # the latest report
        "date": date,
        "mode": Mode.AIR,  # latest
        "source": "b",  # the source of the quote kept
        "sources": ("b", "a"),  # union, the quote's first
        "quote": "b said so",  # the report that decided the status
        "note": "from a | from b",  # every report's notes
        "why": "b's model",  # lead: the extractor's reasons of the report that names the place best
        "needs_review": True,  # any report's flag, or the merge's own notes
        "reviewed": True,  # latest given: a person checked a (a flag false gives no value)
        "confidence": 0.9,  # max
        "corroboration": 2,  # independent sources
        "history": (Report("a", Status.PLANNED, date), Report("b", Status.CONFIRMED, date)),
        "resolved": b["resolved"],  # lead
    }
    assert set(expected) == {f.name for f in fields.STOP if not f.derived}, "add the new field here"
    assert {f.merge for f in fields.STOP} <= set(merge_stops.POLICIES)
    assert {name: getattr(stop, name) for name in expected} == expected


def test_without_the_new_field_it_is_refused() -> None:
    with pytest.raises(ValidationError, match="unknown key 'weather'"):
        fileformat.loads(TEXT)


# ---------------------------------------------------------------- generated files


@pytest.mark.parametrize("path", sorted(generated()))
def test_generated_files_are_current(path: str) -> None:
    from .golden import ROOT

    on_disk = (ROOT / path).read_text("utf-8")
    fix = "python -m itinerary.io.schema" if path.endswith(".json") else "python -m tests.golden"
    assert on_disk == generated()[path], f"{path} is out of date: run {fix}"


def test_the_schema_generator_checks_the_published_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert io_schema.main(["--check"]) == 0
    assert "is current" in capsys.readouterr().out
    assert io_schema.main(["--nonsense"]) == 2


def test_published_schema_is_the_table_schema() -> None:
    from .golden import ROOT

    assert json.loads((ROOT / "itinerary/io/itinerary.schema.json").read_text("utf-8")) == io_schema.schema()


def test_docs_list_every_field() -> None:
    text = fields.markdown()
    for owner in fields.OWNERS:
        for f in fields.table(owner):
            assert f"| `{f.name}` |" in text
    assert "`length_km -> km`" in text and "confirmed \\| planned \\| cancelled" in text
    assert Status.CONFIRMED.value in text
