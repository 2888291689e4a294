"""Geocoding: an offline multilingual gazetteer, disambiguation and optional online services."""

from __future__ import annotations

from itinerary.geocode.gazetteer import Gazetteer, Record
from itinerary.geocode.normalize import normalize
from itinerary.geocode.offline import Candidate, OfflineGeocoder
from itinerary.geocode.resolve import resolve_itinerary

__all__ = [
    "Candidate",
    "Gazetteer",
    "OfflineGeocoder",
    "Record",
    "normalize",
    "resolve_itinerary",
]
