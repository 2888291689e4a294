"""itinerary: map the trips of leaders and officials as the news reports them."""

from __future__ import annotations

__version__ = "0.1.0"

from itinerary.errors import (
    AmbiguousPlace,
    GeocoderUnavailable,
    ItineraryError,
    NoRoute,
    PlaceNotFound,
    ValidationError,
)
from itinerary.io.yaml import dump, dumps, load, loads
from itinerary.model import (
    Basis,
    DateSpan,
    Itinerary,
    Leg,
    Mode,
    Place,
    Precision,
    Role,
    Source,
    Status,
    Stop,
    Trip,
)

__all__ = [
    "AmbiguousPlace",
    "Basis",
    "DateSpan",
    "GeocoderUnavailable",
    "Itinerary",
    "ItineraryError",
    "Leg",
    "Mode",
    "NoRoute",
    "Place",
    "PlaceNotFound",
    "Precision",
    "Role",
    "Source",
    "Status",
    "Stop",
    "Trip",
    "ValidationError",
    "__version__",
    "dump",
    "dumps",
    "load",
    "loads",
]
