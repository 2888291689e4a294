"""Shared fixtures: no network, the seed trips, the shared article folder."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TRIPS = ROOT / "geodata" / "trips"
SEED_14 = TRIPS / "kim-jong-un-russia-2023-09-14.yaml"
SEED_18 = TRIPS / "kim-jong-un-russia-2023-09-18.yaml"
SHARED = ROOT.parent / "shared"
ARTIFACTS = ROOT / "test-artifacts"


class NetworkBlocked(ConnectionRefusedError):
    pass


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any attempt to open a real network connection (local sockets stay allowed)."""
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: object) -> object:
        if self.family == socket.AF_UNIX:
            return real_connect(self, address)  # type: ignore[arg-type]
        host = address[0] if isinstance(address, tuple) else address
        if host in ("127.0.0.1", "::1", "localhost"):
            return real_connect(self, address)  # type: ignore[arg-type]
        raise NetworkBlocked(f"test tried to open a network connection to {address!r}")

    monkeypatch.setattr(socket.socket, "connect", guarded)
    monkeypatch.setattr(
        socket, "create_connection", lambda *a, **k: (_ for _ in ()).throw(NetworkBlocked(str(a)))
    )


@pytest.fixture(scope="session")
def gazetteer():  # type: ignore[no-untyped-def]
    from itinerary.geocode import Gazetteer

    return Gazetteer.default()


@pytest.fixture(scope="session")
def geocoder(gazetteer):  # type: ignore[no-untyped-def]
    from itinerary.geocode import OfflineGeocoder

    return OfflineGeocoder(gazetteer)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present (CI always has it)")
    return SHARED


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tiers, and Chromium.

    Tests of the development articles get the ``articles`` marker and notebook runs the
    ``notebooks`` marker, so the fast tier is ``pytest -m "not browser and not notebooks and
    not articles and not slow"``; CI runs everything. Browser tests need headless Chromium:
    outside CI they skip, with the reason, when it is missing; in CI (``CI`` set, as
    `scripts/test.sh` sets it after installing Chromium) they always run."""
    import os

    from itinerary.errors import MissingDependency
    from itinerary.render.browser import chromium_path

    for item in items:
        if "shared" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.articles)
        if item.nodeid.startswith("tests/test_notebooks.py"):
            item.add_marker(pytest.mark.notebooks)

    if os.environ.get("CI"):
        return
    try:
        chromium_path()
    except MissingDependency as exc:
        skip = pytest.mark.skip(reason=str(exc))
        for item in items:
            if "browser" in item.keywords:
                item.add_marker(skip)
