"""A place named to locate another ("Schloss Meseberg north of Berlin", "Bucha, outside Kyiv") is
a reference point, not a stop: the traveller is at the first place. A general fact of every
language: a direction or nearness phrase between two place names ties the second to the first.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor, extract
from itinerary.extract.lang import lexicon

pytestmark = pytest.mark.data

TUESDAY = dt.date(2026, 3, 10)


def _stops(text: str, lang: str, extractor: Extractor) -> set[str]:
    it = extract(text, published=TUESDAY, language=lang, extractor=extractor)
    return {str(s.place) for _, _, s in it.stops()}


@pytest.mark.parametrize(
    ("lang", "text", "stop", "reference"),
    [
        (
            "en",
            "On Monday the president travelled to Potsdam, 30 km south-west of Berlin.",
            "Potsdam",
            "Berlin",
        ),
        (
            "en",
            "The prime minister flew on Monday to Versailles near Paris for the talks.",
            "Versailles",
            "Paris",
        ),
        ("fr", "Lundi, le président s'est rendu à Potsdam, au sud-ouest de Berlin.", "Potsdam", "Berlin"),
        ("fr", "Le chancelier est arrivé lundi à Versailles, près de Paris.", "Versailles", "Paris"),
        ("de", "Am Montag reiste die Kanzlerin nach Potsdam südwestlich von Berlin.", "Potsdam", "Berlin"),
        ("de", "Der Präsident flog am Montag nach Versailles bei Paris.", "Versailles", "Paris"),
        ("es", "El lunes el rey viajó a Toledo, al sur de Madrid.", "Toledo", "Madrid"),
        ("es", "El presidente llegó el lunes a Versalles, cerca de París.", "Versalles", "París"),
        ("it", "Lunedì il presidente si è recato a Potsdam, a sud-ovest di Berlino.", "Potsdam", "Berlino"),
        ("it", "Il cancelliere è arrivato lunedì a Versailles, vicino a Parigi.", "Versailles", "Parigi"),
        (
            "pt",
            "Na segunda-feira o presidente viajou para Potsdam, a sudoeste de Berlim.",
            "Potsdam",
            "Berlim",
        ),
        ("pt", "O rei chegou na segunda-feira a Toledo, perto de Madri.", "Toledo", "Madri"),
        ("ru", "В понедельник президент прилетел в Потсдам к юго-западу от Берлина.", "Потсдам", "Берлина"),
        ("ru", "В понедельник канцлер посетил Подольск под Москвой.", "Подольск", "Москвой"),
    ],
)
def test_a_place_named_to_locate_the_stop_is_no_stop(
    lang: str, text: str, stop: str, reference: str, extractor: Extractor
) -> None:
    stops = _stops(text, lang, extractor)
    assert stop in stops
    assert reference not in stops


@pytest.mark.parametrize(
    ("lang", "text", "stop"),
    [
        # two stops joined by a list, not located one by the other
        ("fr", "Lundi, le président s'est rendu à Potsdam puis à Berlin.", "Berlin"),
        ("es", "El lunes el rey viajó a Toledo y después a Madrid.", "Madrid"),
        ("en", "On Monday the president flew from Potsdam to Berlin.", "Berlin"),
        ("de", "Am Montag flog der Präsident von Potsdam nach Berlin.", "Berlin"),
    ],
)
def test_a_second_stop_stays(lang: str, text: str, stop: str, extractor: Extractor) -> None:
    assert stop in _stops(text, lang, extractor)


def test_every_pack_names_its_locating_phrases() -> None:
    for code in ("en", "fr", "de", "es", "it", "pt", "ru"):
        phrases = lexicon(code).locating
        assert phrases, code
        assert all(p == p.lower() and p.strip() == p for p in phrases), code
