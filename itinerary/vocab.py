"""The format's closed vocabularies: a stop's status and role, a leg's mode, how the mode is
known and how the leg was drawn, a date's precision. String enums: a member is its file value
(``str(Status.CONFIRMED) == "confirmed"``); :mod:`itinerary.model` re-exports them.
"""

from __future__ import annotations

from enum import Enum


class _StrEnum(str, Enum):
    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def choices(cls) -> list[str]:
        return [m.value for m in cls]


class Status(_StrEnum):
    """How certain a stop is, as of the itinerary's ``as_of`` date."""

    CONFIRMED = "confirmed"
    PLANNED = "planned"
    CANCELLED = "cancelled"


class Mode(_StrEnum):
    """How the traveller reaches a stop."""

    RAIL = "rail"
    AIR = "air"
    ROAD = "road"
    SEA = "sea"
    UNKNOWN = "unknown"


class Role(_StrEnum):
    """The part a stop plays in its trip."""

    ORIGIN = "origin"
    VISIT = "visit"
    TRANSIT = "transit"
    DESTINATION = "destination"


class Basis(_StrEnum):
    """How a leg's mode is known."""

    REPORTED = "reported"  # the itinerary says how the traveller went
    ASSUMED = "assumed"  # the itinerary does not say: the mode is unknown
    FALLBACK = "fallback"  # read from older files only; legs now say how they are drawn in Drawn


class Drawn(_StrEnum):
    """How a leg's path was drawn (independent of how its mode is known)."""

    RAIL_NETWORK = "rail_network"  # along the railway network
    GREAT_CIRCLE = "great_circle"  # a great circle (air, road, sea, unknown, or no rail route)
    STRAIGHT_LINE = "straight_line"  # a straight segment (e.g. a stop to the railway it is snapped to)


class Precision(_StrEnum):
    """How precisely a date is known."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    UNKNOWN = "unknown"
