"""Where the shipped data and the user cache live."""

from __future__ import annotations

from pathlib import Path

from itinerary.errors import ItineraryError
from itinerary.options import get_options

_PACKAGE_DIR = Path(__file__).resolve().parent


def geodata_dir() -> Path:
    """The folder of shipped data: the ``geodata_dir`` option, else the package's own copy."""
    chosen = get_options().geodata_dir
    candidates = [chosen] if chosen else []
    candidates += [_PACKAGE_DIR.parent / "geodata", _PACKAGE_DIR / "geodata"]
    for c in candidates:
        if (c / "landmarks.yaml").is_file():
            return c
    raise ItineraryError(
        "the project's geodata folder was not found (looked in "
        + ", ".join(str(c) for c in candidates)
        + "); set ITINERARY_GEODATA (or itinerary.set_options(geodata_dir=...)) to a geodata folder"
    )


def cache_dir() -> Path:
    """The user cache folder: the ``cache_dir`` option, else the platform's cache folder."""
    chosen = get_options().cache_dir
    if chosen:
        path = chosen
    else:
        import platformdirs

        path = Path(platformdirs.user_cache_dir("itinerary"))
    path.mkdir(parents=True, exist_ok=True)
    return path
