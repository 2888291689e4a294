"""Helpers shared by the extraction tests."""

from __future__ import annotations

import datetime as dt

from itinerary.extract import Extractor, extract


def trips_by_traveller(text: str, lang: str, extractor: Extractor, published: dt.date) -> dict[str, set[str]]:
    """Traveller -> the names of their stops (the article's and the gazetteer's, lower case)."""
    it = extract(text, published=published, language=lang, extractor=extractor)
    out: dict[str, set[str]] = {}
    for trip in it.trips:
        names = out.setdefault(trip.traveller, set())
        for s in trip.stops:
            names.add(str(s.place).lower())
            if s.resolved is not None:
                names.add(s.resolved.name.lower())
    return out
