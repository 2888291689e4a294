"""Legs told outside a travel verb's own clause: a place passed through on the way ("tras pasar
por Quito", "via Doha"), and a weekday between the travel verb and its place that a parser reads
as a verb ("s'est rendue lundi à Berlin").

Every sentence here is written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor, extract

pytestmark = pytest.mark.data

FRIDAY = dt.date(2025, 3, 14)


def _stops(text: str, lang: str, extractor: Extractor) -> set[str]:
    """The gazetteer names of the draft's stops."""
    it = extract(text, published=FRIDAY, language=lang, extractor=extractor)
    return {s.resolved.name for _, _, s in it.stops() if s.resolved is not None}


@pytest.mark.parametrize(
    ("lang", "text", "transit"),
    [
        ("en", "President Ana Ruiz arrived in Lima on Monday after passing through Bogota.", "Bogotá"),
        ("en", "President Ana Ruiz flew to Lima via Bogota on Monday.", "Bogotá"),
        (
            "es",
            "La presidenta Ana Ruiz llegó el lunes a Lima. Tras pasar por Quito, la delegación siguió "
            "viaje a Lima en tren.",
            "Quito",
        ),
        ("es", "La presidenta Ana Ruiz llegó el lunes a Lima vía Bogotá.", "Bogotá"),
        (
            "pt",
            "A presidente Ana Ruiz chegou na segunda-feira a Maputo. Depois de passar por Luanda, a "
            "comitiva seguiu para Maputo.",
            "Luanda",
        ),
        ("fr", "La présidente Ana Ruiz est arrivée lundi à Abidjan, après être passée par Dakar.", "Dakar"),
        ("it", "La presidente Ana Ruiz è arrivata lunedì ad Accra, dopo essere passata per Lagos.", "Lagos"),
    ],
)
def test_a_place_passed_through_on_the_way_is_a_stop(
    lang: str, text: str, transit: str, extractor: Extractor
) -> None:
    assert transit in _stops(text, lang, extractor)


@pytest.mark.parametrize(
    ("lang", "text", "listed"),
    [
        (
            "fr",
            "Les trois gouvernements ont publié lundi un communiqué commun, repris de Dakar à Abidjan en "
            "passant par Bamako.",
            "Bamako",
        ),
        (
            "es",
            "El comunicado conjunto fue difundido el lunes por toda la región, desde Quito hasta "
            "Santiago pasando por Lima.",
            "Lima",
        ),
    ],
)
def test_a_range_from_one_place_to_another_is_no_trip(
    lang: str, text: str, listed: str, extractor: Extractor
) -> None:
    """ "de X à Y en passant par Z" spans a region; it tells no one's trip."""
    assert listed not in _stops(text, lang, extractor)


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("fr", "La présidente Ana Ruiz s'est rendue lundi à Berlin.", "Berlin"),
        ("fr", "La ministre Ana Ruiz est arrivée jeudi à Dakar.", "Dakar"),
        ("it", "La presidente Ana Ruiz è arrivata lunedì a Berlino.", "Berlin"),
    ],
)
def test_a_weekday_between_the_travel_verb_and_its_place(
    lang: str, text: str, place: str, extractor: Extractor
) -> None:
    assert place in _stops(text, lang, extractor)


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("en", "President Ana Ruiz ended the tour in China later in the week.", "China"),
        ("fr", "La présidente Ana Ruiz a achevé sa tournée à Dakar vendredi.", "Dakar"),
    ],
)
def test_a_verb_whose_object_is_the_trip_links_its_place(
    lang: str, text: str, place: str, extractor: Extractor
) -> None:
    """ "ended the tour in China": the place belongs to the verb, and the verb's object is the trip."""
    assert place in _stops(text, lang, extractor)


def test_a_verb_whose_object_is_no_trip_does_not_link_its_place(extractor: Extractor) -> None:
    text = "President Ana Ruiz ended the strike in Lima, her office said."
    assert "Lima" not in _stops(text, "en", extractor)
