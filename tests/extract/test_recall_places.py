"""Places a reader finds and the gazetteer's first reading misses: a town written with its country
beside it ("Davos (Suiza)"), an airport or station named "City-Name" after its city ("l'aéroport
Marrakech-Menara"), and a traveller being at a place ("el jueves estará en Davos", "ieri era stato
a Chisinau").

Every sentence here is written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Article, Extractor, extract

pytestmark = pytest.mark.data

FRIDAY = dt.date(2025, 3, 14)


def _stops(text: str, lang: str, extractor: Extractor) -> set[str]:
    """The gazetteer names of the draft's stops."""
    it = extract(text, published=FRIDAY, language=lang, extractor=extractor)
    return {s.resolved.name for _, _, s in it.stops() if s.resolved is not None}


def _places(text: str, lang: str, extractor: Extractor) -> dict[str, str]:
    """Place text -> the country code of its record, for every place mention of the text."""
    doc = extractor.analyse(Article(text=text, published=FRIDAY, language=lang))
    return {p.text: p.record.country_code for s in doc.sentences for p in s.places if p.record is not None}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "es",
            "La presidenta Ana Ruiz viajó el lunes a Berlín. El jueves estará en Davos (Suiza), donde "
            "se celebra el foro.",
        ),
        (
            "fr",
            "La présidente Ana Ruiz s'est rendue lundi à Berlin. Jeudi, elle sera à Davos (Suisse) "
            "pour le forum.",
        ),
    ],
)
def test_a_town_with_its_country_in_brackets_is_a_stop(lang: str, text: str, extractor: Extractor) -> None:
    assert "Davos" in _stops(text, lang, extractor)


@pytest.mark.parametrize(
    ("lang", "text", "town", "country"),
    [
        ("es", "El foro se celebra cada enero en Davos (Suiza).", "Davos", "CH"),
        ("fr", "Le sommet se tiendra à Davos (Suisse) en janvier.", "Davos", "CH"),
        ("en", "The forum meets every January in Davos, Switzerland.", "Davos", "CH"),
    ],
)
def test_the_country_beside_a_town_places_it(
    lang: str, text: str, town: str, country: str, extractor: Extractor
) -> None:
    assert _places(text, lang, extractor).get(town) == country


def test_a_town_of_another_country_than_the_one_beside_it_is_not_taken(extractor: Extractor) -> None:
    """Davos is Swiss: "Davos (Italia)" names no town the gazetteer knows in Italy."""
    assert "Davos" not in _places("El foro se celebra cada enero en Davos (Italia).", "es", extractor)


@pytest.mark.parametrize(
    ("lang", "text", "city", "country"),
    [
        (
            "fr",
            "La présidente Ana Ruiz s'est rendue lundi au Maroc. Son avion s'est posé à l'aéroport "
            "Marrakech-Menara.",
            "Marrakech",
            "MA",
        ),
        ("it", "La presidente Ana Ruiz è atterrata lunedì all'aeroporto Roma-Fiumicino.", "Roma", "IT"),
    ],
)
def test_an_airport_named_after_its_city_names_the_city(
    lang: str, text: str, city: str, country: str, extractor: Extractor
) -> None:
    assert _places(text, lang, extractor).get(city) == country


def test_a_hyphenated_name_without_an_airport_word_is_not_cut(extractor: Extractor) -> None:
    """Only an airport or station is named "City-Name"; elsewhere the hyphen joins one name."""
    places = _places("Le groupe Marrakech-Menara a publié lundi ses résultats annuels.", "fr", extractor)
    assert "Marrakech" not in places


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("fr", "La présidente Ana Ruiz s'est rendue lundi à Berlin. Mercredi, elle sera à Dakar.", "Dakar"),
        ("es", "La presidenta Ana Ruiz viajó el lunes a Berlín. Antes estuvo en Dakar.", "Dakar"),
        (
            "it",
            "La presidente Ana Ruiz è arrivata lunedì a Berlino; domenica era stata a Dakar per il vertice.",
            "Dakar",
        ),
    ],
)
def test_being_at_a_place_is_a_stop(lang: str, text: str, place: str, extractor: Extractor) -> None:
    assert place in _stops(text, lang, extractor)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("После посещения Самарканда президент Ана Руис в понедельник прибыла в Ташкент.", "Samarkand"),
        ("Президент Ана Руис прибыла в Ташкент после визита в Бухару и посещения Самарканда.", "Samarkand"),
    ],
)
def test_a_recognised_name_in_a_case_form_is_read_in_its_dictionary_form(
    text: str, place: str, extractor: Extractor
) -> None:
    """The recogniser's "Самарканда" (genitive) is the gazetteer's "Самарканд", as the scan reads it."""
    assert place in _stops(text, "ru", extractor)
