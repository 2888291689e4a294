"""Resolve every stop of an itinerary to a gazetteer place, using the trip as context."""

from __future__ import annotations

import dataclasses
import warnings
from collections.abc import Sequence

from itinerary.errors import AmbiguityWarning, PlaceNotFound, ValidationError
from itinerary.geocode.offline import OfflineGeocoder
from itinerary.model import Itinerary, Place, Stop, Trip

CONFIDENT = 0.8


def _pinned_place(stop: Stop, geocoder: OfflineGeocoder) -> Place:
    assert stop.lat is not None and stop.lon is not None
    hits = geocoder.gazetteer.nearest(stop.lat, stop.lon, k=1)
    near = hits[0][0] if hits else None
    return Place(
        id=f"pinned:{stop.lat:.6f},{stop.lon:.6f}",
        name=stop.place or (near.name if near else f"{stop.lat:.4f}, {stop.lon:.4f}"),
        lat=stop.lat,
        lon=stop.lon,
        kind="point",
        country_code=near.country_code if near else None,
        admin1=near.admin1 if near else None,
        confidence=1.0,
    )


def resolve_trip(
    trip: Trip,
    geocoder: OfflineGeocoder,
    *,
    where: str = "",
    force: bool = False,
) -> Trip:
    """Resolve a trip's stops in two passes: alone, then with the confident stops as context."""
    stops = list(trip.stops)
    todo = [i for i, s in enumerate(stops) if force or s.resolved is None]
    pending = []
    for i in todo:
        if stops[i].pinned:
            stops[i] = dataclasses.replace(stops[i], resolved=_pinned_place(stops[i], geocoder))
        else:
            pending.append(i)
    first: dict[int, float] = {}
    for i in pending:
        s = stops[i]
        assert s.place is not None
        cands = geocoder.candidates(s.place, hint=s.hint)
        # unknown offline: resolve() raises PlaceNotFound, or asks the online service of a chain
        best = cands[0] if cands else geocoder.resolve(s.place, hint=s.hint)
        first[i] = best.confidence
        stops[i] = dataclasses.replace(s, resolved=best.to_place())
    for i in pending:
        s = stops[i]
        assert s.place is not None
        context: Sequence[tuple[float, float]] = [
            p
            for j, o in enumerate(stops)
            if j != i and (p := o.latlon) is not None and (j not in first or first[j] >= CONFIDENT)
        ]
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", AmbiguityWarning)
            best = geocoder.resolve(s.place, hint=s.hint, near=context)
        for w in caught:
            warnings.warn(f"{where}stops[{i}]: {w.message}", AmbiguityWarning, stacklevel=3)
        review = s.needs_review or best.ambiguous  # a close runner-up or a fuzzy match: look at it
        stops[i] = dataclasses.replace(s, resolved=best.to_place(), needs_review=review)
    return dataclasses.replace(trip, stops=tuple(stops))


def resolve_itinerary(
    it: Itinerary,
    geocoder: OfflineGeocoder | None = None,
    *,
    strict: bool = False,
    force: bool = False,
    source: str | None = None,
) -> Itinerary:
    """Return a copy of ``it`` with a ``resolved`` place on every stop.

    Stops that already carry a ``resolved`` block are kept as they are (pinned choices),
    unless ``force``. Unknown places raise :class:`~itinerary.errors.ValidationError` naming
    the stop and the nearest names.
    """
    geocoder = geocoder or OfflineGeocoder(strict=strict)
    trips = []
    for ti, trip in enumerate(it.trips):
        where = f"trips[{ti}]."
        try:
            trips.append(resolve_trip(trip, geocoder, where=where, force=force))
        except PlaceNotFound as exc:
            idx = next((si for si, s in enumerate(trip.stops) if s.place == exc.query), None)
            path = f"trips[{ti}].stops[{idx}].place" if idx is not None else f"trips[{ti}]"
            raise ValidationError(str(exc), source=source, path=path) from None
    return it.with_trips(tuple(trips))
