"""A place named as the source of a statement, and a place where a trip was talked about, are no
stops whatever the stop model weighs (:data:`itinerary.extract.scoring.VETOES`); a one-word name of
the list of known names is a person where no recogniser reads one.

Rules of language, each checked in at least two languages on sentences written for the suite.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Article, Extractor, extract
from itinerary.extract.scoring import VETOES, cued

TUESDAY = dt.date(2026, 3, 10)


def _stops(text: str, lang: str, extractor: Extractor) -> set[str]:
    it = extract(text, published=TUESDAY, language=lang, extractor=extractor)
    return {str(s.place) for t in it.trips for s in t.stops} | {
        s.resolved.name for t in it.trips for s in t.stops if s.resolved is not None
    }


def _feature(text: str, lang: str, extractor: Extractor, name: str) -> dict[str, float]:
    doc = extractor.analyse(Article(text=text, published=TUESDAY, language=lang))
    out: dict[str, float] = {}
    for c in doc.candidates:
        out[c.place.text] = max(out.get(c.place.text, 0.0), c.features.get(name, 0.0))
    return out


def test_a_source_vetoes_a_stop() -> None:
    assert "source" in VETOES
    assert not cued({"rule": 1.0, "source": 1.0})
    assert cued({"rule": 1.0, "source": 0.0})


SOURCES = [
    (
        "fr",
        "Emmanuel Macron est arrivé lundi à Nairobi. Selon le Kremlin, la visite s'est bien passée.",
        "Kremlin",
    ),
    ("it", "Macron è arrivato lunedì a Nairobi. Secondo il Cremlino, la visita è andata bene.", "Cremlino"),
    ("es", "Macron llegó el lunes a Nairobi. Según el Kremlin, la visita transcurrió bien.", "Kremlin"),
]


@pytest.mark.parametrize(("lang", "text", "source"), SOURCES, ids=[c[0] for c in SOURCES])
def test_a_place_named_as_a_source_is_no_stop(
    lang: str, text: str, source: str, extractor: Extractor
) -> None:
    assert _feature(text, lang, extractor, "source").get(source) == 1.0
    stops = _stops(text, lang, extractor)
    assert "Nairobi" in stops and source not in stops and "Moscow" not in stops, stops


TALKED = [
    (
        "en",
        "Macron arrived in Nairobi on Monday. According to the Kremlin, the visit was not discussed "
        "in Moscow.",
        "Moscow",
    ),
    (
        "it",
        "Macron è arrivato lunedì a Nairobi. Secondo il Cremlino, la visita non è stata discussa a Mosca.",
        "Mosca",
    ),
    ("es", "Macron llegó el lunes a Nairobi. Según el Kremlin, la visita no se trató en Moscú.", "Moscú"),
]


@pytest.mark.parametrize(("lang", "text", "place"), TALKED, ids=[c[0] for c in TALKED])
def test_a_trip_talked_about_after_a_source_clause(
    lang: str, text: str, place: str, extractor: Extractor
) -> None:
    """The clause of the travel noun opens after the comma that closes the source's phrase."""
    assert _feature(text, lang, extractor, "talked_about").get(place) == 1.0
    stops = _stops(text, lang, extractor)
    assert place not in stops and "Moscow" not in stops, stops


KNOWN_WORDS = [
    ("es", "Macron llegó el lunes a Nairobi para una visita de dos días.", "Macron"),
    ("it", "Macron è arrivato lunedì a Nairobi per una visita di due giorni.", "Macron"),
    ("pt", "Scholz chegou na segunda-feira a Pequim para uma visita de Estado.", "Scholz"),
]


@pytest.mark.parametrize(("lang", "text", "who"), KNOWN_WORDS, ids=[c[0] for c in KNOWN_WORDS])
def test_a_known_one_word_name_is_the_traveller(lang: str, text: str, who: str, extractor: Extractor) -> None:
    it = extract(text, published=TUESDAY, language=lang, extractor=extractor)
    assert [t.traveller for t in it.trips] == [who], it.trips


def test_a_known_word_inside_a_place_name_is_no_person(extractor: Extractor) -> None:
    text = "El presidente llegó el lunes a San Francisco para una cumbre."
    doc = extractor.analyse(Article(text=text, published=TUESDAY, language="es"))
    assert not [p.name for s in doc.sentences for p in s.persons]
