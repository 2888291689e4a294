"""The optional online chain: offline first, a persistent cache, a polite pace, retries, fallbacks.

Services are never reached: geopy's real Nominatim and Photon classes talk to a ReplayAdapter
that serves the answers in tests/data/geocoding/ (and the autouse no_network fixture fails
any connection that would leave the machine).
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from itinerary.errors import CacheError, GeocoderWarning, ItineraryError, PlaceNotFound
from itinerary.geocode.online import ChainGeocoder, GeocodeCache, Pace, online_geocoder
from itinerary.geocode.replay import ReplayAdapter, UnrecordedRequest
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data" / "geocoding"
AGENT = "itinerary-tests (maps@example.org)"
# "Posyet" is only a fuzzy match offline (Pos’yet, confidence about 0.7: a fuzzy match is capped
# at 0.75): below this.
ONLINE_BELOW = 0.8


class FakeTime:
    """A clock that only moves when the code under test sleeps."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 6))
        self.now += seconds


def recorded(service: str) -> dict:  # type: ignore[type-arg]
    return json.loads((DATA / f"{service}.json").read_text(encoding="utf-8"))


@pytest.fixture
def replay() -> ReplayAdapter:
    return ReplayAdapter(DATA / "nominatim.json")


@pytest.fixture
def chain(replay: ReplayAdapter, mini_geocoder, tmp_path: Path):  # type: ignore[no-untyped-def]
    t = FakeTime()
    online = online_geocoder("nominatim", user_agent=AGENT, adapter_factory=replay.factory)
    c = ChainGeocoder(
        online, cache=GeocodeCache(tmp_path / "cache.sqlite3"), gazetteer=mini_geocoder.gazetteer,
        clock=t.clock, sleep=t.sleep, online_below=ONLINE_BELOW,
    )  # fmt: skip
    c.fake_time = t  # type: ignore[attr-defined]
    return c


def test_offline_confident_answers_never_go_online(chain, replay) -> None:  # type: ignore[no-untyped-def]
    best = chain.resolve("Vladivostok")
    assert best.record.id.startswith("geonames:") and replay.calls == []


def test_unknown_place_asks_the_service_once_then_the_cache(chain, replay, tmp_path) -> None:  # type: ignore[no-untyped-def]
    best = chain.resolve("Zvezda shipyard")
    expected = recorded("nominatim")["recordings"][0]["responses"][0]["json"][0]
    assert best.record.id == f"nominatim:way/{expected['osm_id']}"
    assert (best.record.lat, best.record.lon) == (float(expected["lat"]), float(expected["lon"]))
    assert best.record.country_code == "RU" and best.record.admin1 == "Primorsky Krai"
    assert len(replay.calls) == 1
    url, headers = replay.calls[0]
    assert "q=Zvezda+shipyard" in url and "addressdetails=1" in url
    assert headers["User-Agent"] == AGENT
    chain.resolve("zvezda  SHIPYARD")  # same key after normalisation
    assert len(replay.calls) == 1
    # a new process (new geocoder, same cache file) still does not ask again
    again = ChainGeocoder(
        online_geocoder("nominatim", user_agent=AGENT, adapter_factory=replay.factory),
        cache=GeocodeCache(tmp_path / "cache.sqlite3"),
        gazetteer=chain.gazetteer,
    )
    assert again.resolve("Zvezda shipyard").record.id == best.record.id
    assert len(replay.calls) == 1 and again.requests == 0


def test_low_confidence_offline_answer_is_checked_online(chain, replay) -> None:  # type: ignore[no-untyped-def]
    offline = super(ChainGeocoder, chain).candidates("Posyet")
    assert offline and offline[0].confidence < chain.online_below and offline[0].match == "fuzzy"
    best = chain.resolve("Posyet")
    assert best.record.country_code == "RU" and best.record.name == "Posyet"


def test_one_request_a_second(chain, replay) -> None:  # type: ignore[no-untyped-def]
    t = chain.fake_time
    for q in ("Zvezda shipyard", "Posyet", "Nowhere Atoll Base"):
        with contextlib.suppress(PlaceNotFound):
            chain.resolve(q)
    assert len(replay.calls) == 3
    assert t.sleeps == [1.0, 1.0]  # the clock did not move between calls: the pace waits a full second


def test_retries_with_backoff_then_success(chain, replay) -> None:  # type: ignore[no-untyped-def]
    best = chain.resolve("Ryugyong Hotel")
    assert best.record.country_code == "KP" and len(replay.calls) == 3  # 503, 503, 200
    assert chain.fake_time.sleeps == [2.0, 4.0]  # back-off; the pace is already satisfied by it


def test_service_failure_falls_back_to_the_offline_answer(mini_geocoder, tmp_path) -> None:  # type: ignore[no-untyped-def]
    down = ReplayAdapter({"recordings": [{"match": {"q": "Posyet"}, "responses": [{"error": "timeout"}]}]})
    c = ChainGeocoder(
        online_geocoder("nominatim", user_agent=AGENT, adapter_factory=down.factory),
        cache=GeocodeCache(tmp_path / "c.sqlite3"),
        gazetteer=mini_geocoder.gazetteer,
        sleep=lambda s: None,
        online_below=ONLINE_BELOW,
    )
    with pytest.warns(GeocoderWarning, match="after 3 attempts.*using the offline answer"):
        best = c.resolve("Posyet")
    assert len(down.calls) == 3
    assert best.record.id.startswith("geonames:")  # the offline guess, with the warning above
    assert c.cache is not None and len(c.cache) == 0  # a failure is not cached


def test_unknown_everywhere(chain, replay) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PlaceNotFound):
        chain.resolve("Nowhere Atoll Base")  # the service answers: nothing
    with pytest.warns(GeocoderWarning, match="does not know it either"), pytest.raises(PlaceNotFound):
        chain.resolve("Hwasong plant")  # the service times out, the gazetteer has nothing


def test_unrecorded_requests_fail_loudly(chain) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UnrecordedRequest):
        chain.resolve("Qwertzuiop Kraftwerk")


def test_photon_answers_too(mini_geocoder, tmp_path) -> None:  # type: ignore[no-untyped-def]
    replay = ReplayAdapter(DATA / "photon.json")
    c = ChainGeocoder(
        online_geocoder("photon", user_agent=AGENT, adapter_factory=replay.factory),
        cache=GeocodeCache(tmp_path / "c.sqlite3"),
        gazetteer=mini_geocoder.gazetteer,
        sleep=lambda s: None,
    )
    loc = c.geocode("Zvezda shipyard")
    assert (loc.latitude, loc.longitude) == (43.1112, 132.3497)
    assert loc.raw["id"] == "photon:way/153870001" and len(replay.calls) == 1


def test_user_agent_is_required() -> None:
    for agent in (None, "", "geopy/2.4.1", "my-app"):
        with pytest.raises(ItineraryError, match="user agent"):
            online_geocoder("nominatim", user_agent=agent)
    with pytest.raises(ItineraryError, match="unknown online geocoder"):
        online_geocoder("google", user_agent=AGENT)


def test_pace_with_a_fake_clock() -> None:
    t = FakeTime()
    pace = Pace(1.0, clock=t.clock, sleep=t.sleep)
    pace.wait()
    t.now += 0.25
    pace.wait()
    t.now += 5
    pace.wait()
    assert t.sleeps == [0.75]


def test_damaged_cache_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "cache.sqlite3"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(CacheError, match=r"cache\.sqlite3.*delete this file"):
        GeocodeCache(bad).get("nominatim", "x")


def test_cache_survives_a_crash_mid_write(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    cache = GeocodeCache(path)
    cache.put("nominatim", "kept", [{"lat": 1.5, "lon": 2.5}])
    cache.close()
    # A second process starts a write and dies before committing it.
    code = f"""
import os, sqlite3
con = sqlite3.connect({str(path)!r})
con.execute("BEGIN")
con.execute("INSERT INTO answers VALUES ('nominatim', 'lost', 0, '[]')")
con.execute("UPDATE answers SET payload = 'garbage' WHERE query = 'kept'")
os._exit(9)
"""
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 9
    cache = GeocodeCache(path)
    assert cache.get("nominatim", "kept") == [{"lat": 1.5, "lon": 2.5}]
    assert cache.get("nominatim", "lost") is None and len(cache) == 1
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_geopy_contract_with_the_chain(chain) -> None:  # type: ignore[no-untyped-def]
    from geopy.extra.rate_limiter import RateLimiter

    limited = RateLimiter(chain.geocode, min_delay_seconds=0)
    loc = limited("Vladivostok")
    assert round(loc.latitude, 2) == 43.11 and round(loc.longitude, 2) == 131.87
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert chain.geocode("Zvezda shipyard").raw["id"].startswith("nominatim:")


def test_cli_online_with_the_network_down(tmp_path: Path, mini_data: None) -> None:
    """The real geopy adapter against a closed network (the no_network guard refuses the
    connection): the command warns and answers offline after two retries; nothing is cached.
    The fake clock of the options takes the back-off (nothing sleeps for real)."""
    from click.testing import CliRunner

    from itinerary.cli import cli
    from itinerary.options import options_context

    cache = tmp_path / "c.sqlite3"
    args = ["geocode", "Springfield", "--online", "nominatim", "--geocode-cache", str(cache)]
    t = FakeTime()
    with options_context(clock=t.clock, sleep=t.sleep):
        res = CliRunner().invoke(cli, [*args, "--user-agent", AGENT])
    assert t.sleeps == [2.0, 4.0]  # the back-off of two retries; the pace is already satisfied
    assert res.exit_code == 0, res.output  # Springfield is ambiguous offline (confidence ~0.2)
    assert "did not answer" in res.output and "using the offline answer" in res.output
    assert "Springfield (city" in res.output
    assert len(GeocodeCache(cache)) == 0
    res = CliRunner().invoke(cli, args, env={"ITINERARY_USER_AGENT": ""})
    assert res.exit_code == 1 and "user agent" in res.output
