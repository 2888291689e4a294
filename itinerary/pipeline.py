"""Former name of :mod:`itinerary.prepare`, kept while callers move to it (import from there)."""

from __future__ import annotations

from itinerary.prepare import Prepared, Region, export, prepare, to_feature_collection, to_geodataframe

__all__ = ["Prepared", "Region", "export", "prepare", "to_feature_collection", "to_geodataframe"]
