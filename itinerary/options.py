"""Settings of the library in one object: folders, browser, online services.

The library never reads environment variables; the command line reads them
(``ITINERARY_CACHE_DIR``, ``ITINERARY_GEODATA``, ``ITINERARY_CHROMIUM``,
``ITINERARY_USER_AGENT``) and sets these options. In Python::

    import itinerary
    itinerary.set_options(cache_dir="/tmp/itinerary-cache")
    with itinerary.options_context(browser_path="/usr/bin/chromium"):
        ...
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["ENV_VARS", "Options", "get_options", "options_context", "options_from_env", "set_options"]


@dataclass(frozen=True)
class Options:
    """What the library may be told; ``None`` means the default."""

    cache_dir: Path | None = None  # default: the platform's user cache folder
    geodata_dir: Path | None = None  # default: the data shipped in the package
    browser_path: Path | None = None  # default: `chromium` on the PATH, then /usr/bin/chromium
    user_agent: str | None = None  # required by online geocoders (their usage policies)
    timeout_seconds: float = 10.0  # one request to an online service
    # The clock of every wait (the online services' pace, retry back-off); default: the real
    # one (time.monotonic, time.sleep). Tests pass a fake one so that nothing sleeps for real.
    clock: Callable[[], float] | None = None
    sleep: Callable[[float], None] | None = None

    def replace(self, **changes: Any) -> Options:
        for key in ("cache_dir", "geodata_dir", "browser_path"):
            if changes.get(key) is not None:
                changes[key] = Path(changes[key])
        return dataclasses.replace(self, **changes)


ENV_VARS = {
    "ITINERARY_CACHE_DIR": "cache_dir",
    "ITINERARY_GEODATA": "geodata_dir",
    "ITINERARY_CHROMIUM": "browser_path",
    "ITINERARY_USER_AGENT": "user_agent",
}

_current = Options()


def get_options() -> Options:
    """The options in force."""
    return _current


def set_options(**changes: Any) -> Options:
    """Change some options for the rest of the process; returns the new options."""
    global _current
    _current = _current.replace(**changes)
    return _current


@contextlib.contextmanager
def options_context(**changes: Any) -> Iterator[Options]:
    """Change some options inside a ``with`` block."""
    global _current
    saved = _current
    _current = _current.replace(**changes)
    try:
        yield _current
    finally:
        _current = saved


def options_from_env(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The option changes the environment asks for (used by the command line)."""
    env = os.environ if environ is None else environ
    return {field: env[var] for var, field in ENV_VARS.items() if env.get(var)}
