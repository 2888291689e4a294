"""The ``itinerary`` command line: thin commands over the library."""

from __future__ import annotations

from itinerary.cli.main import cli, main

__all__ = ["cli", "main"]
