"""Where the shipped data and the user cache live."""

from __future__ import annotations

import os
from pathlib import Path

from itinerary.errors import ItineraryError

_PACKAGE_DIR = Path(__file__).resolve().parent


def geodata_dir() -> Path:
    """The folder of shipped data (``geodata/``), or ``$ITINERARY_GEODATA`` when set."""
    env = os.environ.get("ITINERARY_GEODATA")
    candidates = [Path(env)] if env else []
    candidates += [_PACKAGE_DIR.parent / "geodata", _PACKAGE_DIR / "geodata"]
    for c in candidates:
        if (c / "landmarks.yaml").is_file():
            return c
    raise ItineraryError(
        "the project's geodata folder was not found (looked in "
        + ", ".join(str(c) for c in candidates)
        + "); set ITINERARY_GEODATA to the geodata folder of an itinerary checkout"
    )


def cache_dir() -> Path:
    """The user cache folder (``$ITINERARY_CACHE_DIR`` or the platform's cache folder)."""
    env = os.environ.get("ITINERARY_CACHE_DIR")
    if env:
        path = Path(env)
    else:
        import platformdirs

        path = Path(platformdirs.user_cache_dir("itinerary"))
    path.mkdir(parents=True, exist_ok=True)
    return path
