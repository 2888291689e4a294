"""When two reports name one place: the same gazetteer id, the same kind nearby (see
:func:`itinerary.identity.same_place`), or the same name when a side is not resolved; and an
index of places so that a stop is compared only with those that can be the same.
"""

from __future__ import annotations

import functools
import math
import re
from collections import defaultdict

from anyascii import anyascii
from rapidfuzz import fuzz

from itinerary.coords import SAME_CITY_KM, haversine_km
from itinerary.identity import same_place
from itinerary.model import Place, Stop

CITY_RADIUS_KM = SAME_CITY_KM  # the same city, however each source's gazetteer placed it


SITE_RADIUS_KM = 2.0  # the same landmark without the same id or name


_NON_WORD = re.compile(r"[^a-z0-9]+")


def _coarse_kind(stop: Stop) -> str | None:
    r = stop.resolved
    if r is None:
        return None
    if r.kind in ("country", "region", "city"):
        return r.kind
    return "site"


@functools.lru_cache(maxsize=1 << 16)  # quotes and place names come back in every report of a stop
def _norm(text: str | None) -> str:
    return " ".join(_NON_WORD.split(anyascii(text or "").lower())).strip()


def _names(stop: Stop) -> set[str]:
    out = {_norm(stop.place), _norm(stop.resolved.name) if stop.resolved else ""}
    return {n for n in out if n}


def _same_place(a: Stop, b: Stop) -> bool:
    ra, rb = a.resolved, b.resolved
    if ra is not None and rb is not None:
        if ra.id == rb.id:
            return True
        return _same_resolved(ra, rb, _coarse_kind(a), _coarse_kind(b))
    la, lb = a.latlon, b.latlon
    if a.pinned and b.pinned and la is not None and lb is not None:
        return haversine_km(*la, *lb) <= CITY_RADIUS_KM
    return any(fuzz.ratio(x, y) >= 90 for x in _names(a) for y in _names(b))


def _same_resolved(ra: Place, rb: Place, ka: str | None, kb: str | None) -> bool:
    if ka != kb:
        return False
    if ka == "country":
        return bool(ra.country_code) and ra.country_code == rb.country_code
    if ka == "region":
        return ra.country_code == rb.country_code and _norm(ra.name) == _norm(rb.name)
    if ka == "city":
        return same_place(ra, rb, CITY_RADIUS_KM)
    return same_place(ra, rb, SITE_RADIUS_KM) or (
        same_place(ra, rb, CITY_RADIUS_KM) and fuzz.ratio(_norm(ra.name), _norm(rb.name)) >= 90
    )


_CELL_DEG = 0.5  # grid cells of the place index


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / _CELL_DEG), math.floor(lon / _CELL_DEG) % round(360 / _CELL_DEG)


def _cells_near(lat: float, lon: float, km: float) -> list[tuple[int, int]]:
    """The grid cells that hold every point within ``km`` of (lat, lon)."""
    row, col = _cell(lat, lon)
    dlat = math.ceil(km / 111.0 / _CELL_DEG)
    cos = max(math.cos(math.radians(min(abs(lat) + dlat * _CELL_DEG, 89.9))), 1e-6)
    dlon = min(math.ceil(km / (111.0 * cos) / _CELL_DEG), round(180 / _CELL_DEG))
    width = round(360 / _CELL_DEG)
    cols = {(col + k) % width for k in range(-dlon, dlon + 1)}
    return [(r, c) for r in range(row - dlat, row + dlat + 1) for c in sorted(cols)]


class _PlaceIndex:
    """Items (clusters) by the place of a stop, so that a stop is compared only with those that
    can be the same place by :func:`_same_place`: the same id, the same country or region, the
    same kind nearby; items whose stop is not resolved are always candidates, and so is every
    item for a stop that is not resolved (compared by name)."""

    def __init__(self, radius_km: float = CITY_RADIUS_KM) -> None:
        self.radius_km = radius_km
        self.keyed: dict[tuple[object, ...], list[int]] = defaultdict(list)
        self.loose: list[int] = []
        self.count = 0

    def _keys(self, stop: Stop) -> list[tuple[object, ...]]:
        r, kind = stop.resolved, _coarse_kind(stop)
        assert r is not None
        keys: list[tuple[object, ...]] = [("id", r.id)]
        if kind == "country":
            keys.append(("country", r.country_code))
        elif kind == "region":
            keys.append(("region", r.country_code, _norm(r.name)))
        else:
            keys.append((kind, *_cell(r.lat, r.lon)))
        return keys

    def add(self, i: int, stop: Stop) -> None:
        self.count = max(self.count, i + 1)
        if stop.resolved is None:
            self.loose.append(i)
            return
        for key in self._keys(stop):
            self.keyed[key].append(i)

    def candidates(self, stop: Stop) -> list[int]:
        r, kind = stop.resolved, _coarse_kind(stop)
        if r is None:
            return list(range(self.count))
        found = set(self.loose) | set(self.keyed.get(("id", r.id), ()))
        if kind in ("country", "region"):
            for key in self._keys(stop)[1:]:
                found.update(self.keyed.get(key, ()))
        else:
            for cell in _cells_near(r.lat, r.lon, self.radius_km):
                found.update(self.keyed.get((kind, *cell), ()))
        return sorted(found)
