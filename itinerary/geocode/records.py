"""What a gazetteer record is: the place kinds (their codes are stored in the index), the
ways a key names a record, and :class:`Record`, one entry as the geocoder returns it.

Shared by the index builder (:mod:`itinerary.geocode.index_build`) and the index that serves
queries (:mod:`itinerary.geocode.gazetteer`), which re-exports these names.
"""

from __future__ import annotations

from dataclasses import dataclass

KINDS = (
    "city",
    "region",
    "country",
    "spaceport",
    "airport",
    "airfield",
    "border_station",
    "station",
    "factory",
    "university",
    "island",
    "museum",
    "government",
    "palace",
    "stadium",
    "landmark",
    # appended (codes of the kinds above stay as they are in cached indexes)
    "residence",
    "parliament",
    "headquarters",
    "venue",
    "border_crossing",
)


_KIND_CODE = {k: i for i, k in enumerate(KINDS)}


LANDMARK_KINDS = frozenset(KINDS[3:])


# How a key names a record (stored in the two low bits of each key target).
PRIMARY, ALTERNATE, REDUCED, CODE = 0, 1, 2, 3


MATCH_TYPES = ("primary", "alternate", "reduced", "code")


@dataclass(frozen=True)
class Record:
    """One gazetteer entry."""

    index: int
    id: str
    name: str
    lat: float
    lon: float
    kind: str
    country_code: str
    admin1: str | None
    population: int
    importance: float
    admin1_id: str | None = None

    @property
    def is_capital(self) -> bool:
        """A national capital (its importance carries a 0.3 bonus above 1.0)."""
        return self.kind == "city" and self.importance > 1.0

    @property
    def is_landmark(self) -> bool:
        return self.kind in LANDMARK_KINDS
