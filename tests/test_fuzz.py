"""Fuzzing the commands with hostile trip files (hypothesis, fixed seed, bounded examples).

Every text field is drawn from a corpus of template, HTML, spreadsheet, XML, mathtext and
Unicode payloads; numbers include NaN, infinities and huge values; structures nest at random.
Each file goes through validate -> resolve -> map -> export in-process, and whatever happens:
the exit code is 0, 1 or 2, no traceback or internal error is printed, nothing is created
outside the output folder, and text that made it into an output is there literally.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from itinerary.cli import cli

# Places are geocoded and routed on the mini data: the point is hostile input, not places.
pytestmark = pytest.mark.usefixtures("mini_data_for_module")

PAYLOADS = [
    "{{ 7*7 }}",
    "{{ cycler.__init__.__globals__.os.makedirs('PWNED', exist_ok=true) }}",
    "{% for x in range(10**6) %}x{% endfor %}",
    "said the statement {# ref 12}.",
    "</script><script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    '=HYPERLINK("http://x","y")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "@SUM(A1)",
    "a\rb\nc",
    "]]></description><x>",
    "\x01\x02\x1f",
    "A $^^$",
    "Deal worth $5bn to $7bn",
    "\u202eevil\u202c",
    "zero\u200bwidth",
    "Ωμέγα 東京 🚆",
    "e\u0301\u0301\u0301",
    "x" * 5000,
    "null",
    "~",
    "- - -",
    "'\"\\`${x}`",
]

text = st.one_of(st.sampled_from(PAYLOADS), st.text(max_size=40))
WEIRD_NUMBERS = [float("nan"), float("inf"), -float("inf"), 1e308, -1e308, 91.0, 0.0]


@st.composite
def number(draw: st.DrawFn) -> float:
    """Mostly usable coordinates, one time in eight a NaN, an infinity or out of range."""
    if draw(st.integers(0, 7)) == 0:
        return draw(st.sampled_from(WEIRD_NUMBERS))
    return draw(st.floats(min_value=-80.0, max_value=80.0, allow_nan=False))


date = st.one_of(
    st.none(),
    st.sampled_from(["2023-09-13", "2023-09", "2023", "2023-09-12/2023-09-14", "2023-02-30", "13/09/2023"]),
)


@st.composite
def stops(draw: st.DrawFn) -> dict[str, Any]:
    statuses = ["confirmed", "planned", "cancelled"] * 5 + ["maybe"]
    stop: dict[str, Any] = {"status": draw(st.sampled_from(statuses))}
    if draw(st.booleans()):
        stop.update(lat=draw(number()), lon=draw(number()) + 7.25, place=draw(text))
    else:
        stop["place"] = draw(st.sampled_from(["Vladivostok", "Khabarovsk", "Pyongyang", "Moscow"]))
    for key in ("note", "quote", "hint"):
        if draw(st.booleans()):
            stop[key] = draw(text)
    if (d := draw(date)) is not None:
        stop["date"] = d
    if draw(st.integers(0, 19)) == 0:  # random nesting where none belongs
        depth = draw(st.integers(1, 40))
        nested: Any = draw(text)
        for _ in range(depth):
            nested = [nested]
        stop["extra"] = nested
    return stop


@st.composite
def trip_files(draw: st.DrawFn) -> dict[str, Any]:
    trips = [
        {
            "id": f"t{i}",
            "traveller": draw(text),
            "stops": draw(st.lists(stops(), min_size=1, max_size=4)),
        }
        for i in range(draw(st.integers(1, 2)))
    ]
    data: dict[str, Any] = {"itinerary": 1, "title": draw(text), "trips": trips}
    if draw(st.booleans()):
        data["sources"] = [{"id": "s", "publisher": draw(text), "url": draw(text)}]
    return data


OUTCOMES: list[bool] = []


def _check(result: Result) -> None:
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.output, result.exception)
    assert "Traceback" not in result.output and "internal error" not in result.output, result.output


def _texts(data: dict[str, Any]) -> list[str]:
    out = []
    for t in data["trips"]:
        for s in t["stops"]:
            out += [s[k] for k in ("note", "quote") if isinstance(s.get(k), str) and s[k].strip()]
    return out


@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.function_scoped_fixture,
        HealthCheck.data_too_large,
    ],
)
@given(data=trip_files())
def _fuzz_commands(data: dict[str, Any], tmp_path_factory: Any) -> None:
    work: Path = tmp_path_factory.mktemp("fuzz")
    src = work / "trip.yaml"
    src.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    original = src.read_bytes()
    out = work / "out"
    runner = CliRunner()

    def run(*args: Any) -> Result:
        result = runner.invoke(cli, [str(a) for a in args])
        _check(result)
        return result

    valid = run("validate", src).exit_code == 0
    OUTCOMES.append(valid)
    resolved = run("resolve", src, "-o", out / "r.yaml").exit_code == 0
    mapped = run("map", src, "-o", out / "m.html", "--offline").exit_code == 0
    exported = run("export", src, "-o", out / "e.geojson").exit_code == 0
    run("export", src, "-o", out / "e.csv")
    run("export", src, "-o", out / "e.kml")

    assert src.read_bytes() == original
    assert sorted(p.name for p in work.iterdir()) == (["out", "trip.yaml"] if out.exists() else ["trip.yaml"])
    assert not any(p.name.endswith(".tmp") for p in out.glob(".*")) if out.exists() else True
    assert valid or not (resolved or mapped or exported)
    if mapped:
        html = (out / "m.html").read_text("utf-8")
        m = re.search(r"itineraryDraw\([\w_]+, (\{.*\})\);", html)
        assert m is not None
        payload = json.dumps(json.loads(m.group(1)), ensure_ascii=False)
        for t in _texts(data):
            assert json.dumps(t, ensure_ascii=False)[1:-1] in payload
    if exported:
        fc = json.loads((out / "e.geojson").read_text("utf-8"))
        props = json.dumps([f["properties"] for f in fc["features"]], ensure_ascii=False)
        for t in _texts(data):
            assert json.dumps(t, ensure_ascii=False)[1:-1] in props


@pytest.mark.slow
def test_hostile_trip_files(tmp_path_factory: Any) -> None:
    OUTCOMES.clear()
    _fuzz_commands(tmp_path_factory=tmp_path_factory)
    # most generated files must be valid, or the run would only have tested the validator
    assert len(OUTCOMES) >= 25 and sum(OUTCOMES) >= len(OUTCOMES) // 4, OUTCOMES
