"""Deprecated location of the atomic-write helpers: use :mod:`itinerary.files`."""

from __future__ import annotations

from itinerary.files import atomic_path, write_text, write_with

__all__ = ["atomic_path", "write_text", "write_with"]
