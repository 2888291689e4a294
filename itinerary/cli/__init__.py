"""The ``itinerary`` command line: thin commands over the library, one module per command group.

Importing a module registers its commands on the group in `main`: `check` (validate, diff),
`places` (geocode, resolve), `map` (map, export), `extract`, `merge`, `build`, `review`
(review, train). `common` holds what several commands share.
"""

from __future__ import annotations

from itinerary.cli import build as _build  # noqa: F401  (registers the build command)
from itinerary.cli import check as _check  # noqa: F401  (registers validate and diff)
from itinerary.cli import extract as _extract  # noqa: F401  (registers the extract command)
from itinerary.cli import map as _map  # noqa: F401  (registers map and export)
from itinerary.cli import merge as _merge  # noqa: F401  (registers the merge command)
from itinerary.cli import places as _places  # noqa: F401  (registers geocode and resolve)
from itinerary.cli import review as _review  # noqa: F401  (registers the review command)
from itinerary.cli.main import cli, main

__all__ = ["cli", "main"]
