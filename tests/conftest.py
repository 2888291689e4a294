"""Shared fixtures: no network, the seed trips, the shared article folder, the full data and
the mini data (a mini gazetteer and a toy rail network, tests/minidata.py)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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


def pytest_configure(config: pytest.Config) -> None:
    """The environment variables the command line reads (``ITINERARY_CACHE_DIR`` ...) apply to
    the tests too, so ``ITINERARY_CACHE_DIR=$(mktemp -d) pytest`` runs them on a cold cache."""
    from itinerary.options import options_from_env, set_options

    set_options(**options_from_env())


class FullDataNotMarked(AssertionError):
    pass


_RUNNING: list[pytest.Item] = []  # the test being set up, run or torn down


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    _RUNNING[:] = [item]


@pytest.fixture(scope="session", autouse=True)
def full_data_only_in_the_data_tier() -> Iterator[None]:
    """The full gazetteer and rail network are for tests marked ``data`` (the ``gazetteer`` and
    ``geocoder`` fixtures mark theirs); any other test that reaches them, from its body or from
    a fixture of any scope, fails, so the fast tier never builds the full index. Unit tests
    take ``mini_gazetteer``, ``mini_geocoder``, ``toy_rail`` or ``mini_data``."""
    from itinerary.geocode import Gazetteer
    from itinerary.routing.rail import RailNetwork

    def guarded(cls: type, what: str) -> Any:
        real = cls.__dict__["default"]

        def default(klass: type) -> Any:
            item = _RUNNING[0] if _RUNNING else None
            if item is not None and item.get_closest_marker("data") is None:
                raise FullDataNotMarked(
                    f"{item.nodeid} uses the full {what}: mark it @pytest.mark.data "
                    "or give it the mini data (mini_gazetteer, mini_geocoder, toy_rail, mini_data)"
                )
            return real.__func__(klass)

        return real, classmethod(default)

    saved = {}
    for cls, what in ((Gazetteer, "gazetteer"), (RailNetwork, "rail network")):
        saved[cls], patched = guarded(cls, what)
        cls.default = patched  # type: ignore[method-assign]
    yield
    for cls, real in saved.items():
        cls.default = real  # type: ignore[method-assign]


@pytest.fixture(scope="session")
def gazetteer():  # type: ignore[no-untyped-def]
    """The full gazetteer (built into the user cache on first use); its tests are marked ``data``."""
    from itinerary.geocode import Gazetteer

    return Gazetteer.default()


@pytest.fixture(scope="session")
def geocoder(gazetteer):  # type: ignore[no-untyped-def]
    from itinerary.geocode import OfflineGeocoder

    return OfflineGeocoder(gazetteer)


@pytest.fixture(scope="session")
def mini_gazetteer():  # type: ignore[no-untyped-def]
    """A gazetteer of a few hundred real places (tests/data/mini_gazetteer.csv), compiled by
    the real index builder in a fraction of a second."""
    from tests.minidata import mini_gazetteer

    return mini_gazetteer()


@pytest.fixture(scope="session")
def mini_geocoder(mini_gazetteer):  # type: ignore[no-untyped-def]
    from itinerary.geocode import OfflineGeocoder

    return OfflineGeocoder(mini_gazetteer)


@pytest.fixture(scope="session")
def toy_rail(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The toy rail network of tests/data/toy_rail.yaml, with a link and a disconnected line."""
    from tests.minidata import toy_rail

    return toy_rail(tmp_path_factory.mktemp("toy-rail"))


@pytest.fixture
def mini_data(mini_gazetteer, toy_rail) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """The process's gazetteer and rail network are the mini ones for this test: code that
    takes the defaults (the command line, the pipeline) runs on the mini data. A test module
    whose module-scoped fixtures need them uses ``mini_data_for_module``."""
    from tests.minidata import as_defaults

    with as_defaults(mini_gazetteer, toy_rail):
        yield


@pytest.fixture
def mini_build(mini_data: None) -> Iterator[None]:
    """Builds in this test extract on the mini gazetteer: the extractor of the process is made
    afresh before and after, so no other test sees the mini one."""
    from itinerary.build import engine

    engine.extractor.cache_clear()
    yield
    engine.extractor.cache_clear()


@pytest.fixture(scope="module")
def mini_data_for_module(mini_gazetteer, toy_rail) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """``mini_data`` for a whole module (``pytestmark = pytest.mark.usefixtures(...)``)."""
    from tests.minidata import as_defaults

    with as_defaults(mini_gazetteer, toy_rail):
        yield


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present (CI always has it)")
    return SHARED


SLOW_TIERS = ("browser", "notebooks", "articles", "slow", "data")


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tiers, and Chromium.

    Tests of the development articles get the ``articles`` marker (and ``data``: they are
    extracted with the full gazetteer), notebook runs the ``notebooks`` marker, tests of the
    full gazetteer (the ``gazetteer`` and ``geocoder`` fixtures) the ``data`` marker, and every
    test in none of these slow tiers the ``fast`` marker: ``pytest -m fast`` is the fast tier,
    ``pytest`` runs everything (as CI does). Browser tests need headless Chromium:
    outside CI they skip, with the reason, when it is missing; in CI (``CI`` set, as
    `scripts/test.sh` sets it after installing Chromium) they always run."""
    import os

    from itinerary.errors import MissingDependency
    from itinerary.render.browser import chromium_path

    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "shared" in fixtures:
            item.add_marker(pytest.mark.articles)
        # the development articles are extracted with the full gazetteer
        if "gazetteer" in fixtures or "geocoder" in fixtures or "shared" in fixtures:
            item.add_marker(pytest.mark.data)
        if item.nodeid.startswith("tests/test_notebooks.py"):
            item.add_marker(pytest.mark.notebooks)
        if not any(item.get_closest_marker(tier) for tier in SLOW_TIERS):
            item.add_marker(pytest.mark.fast)

    if os.environ.get("CI"):
        return
    try:
        chromium_path()
    except MissingDependency as exc:
        skip = pytest.mark.skip(reason=str(exc))
        for item in items:
            if "browser" in item.keywords:
                item.add_marker(skip)
