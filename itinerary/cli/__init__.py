"""The ``itinerary`` command line: thin commands over the library."""

from __future__ import annotations

from itinerary.cli import build as _build  # noqa: F401  (registers the build command)
from itinerary.cli import commands as _commands  # noqa: F401  (registers the commands)
from itinerary.cli import review as _review  # noqa: F401  (registers the review command)
from itinerary.cli.main import cli, main

__all__ = ["cli", "main"]
