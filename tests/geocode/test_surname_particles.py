"""A name led by a family name's particle ("Di Maio", "Dos Santos", "Da Silva") is a person's:
the gazetteer's key drops the particle as it drops "di" in "Reggio di Calabria", but no place whose
own name lacks it is that name (Maio, Cape Verde; Santos, Brazil). Places whose name holds the
particle stay places, and so do names led by an article ("El Cairo", "La Habana").

The sentences are written for these tests.
"""

from __future__ import annotations

import datetime as dt
import warnings

import pytest

from itinerary.extract import Article, Extractor
from itinerary.geocode.matching import surname_particle


def _names(geocoder, query: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return [(c.record.name, c.record.country_code) for c in geocoder.candidates(query, limit=10)]


@pytest.mark.parametrize(
    ("query", "particle"),
    [
        ("Di Maio", "di"),
        ("Dos Santos", "dos"),
        ("De Gaulle", "de"),
        ("Von Trier", "von"),
        ("di Maio", None),  # lower case: "of Maio", a preposition before a place
        ("DI MAIO", None),  # capitals (a dateline): not read as a family name
        ("Di", None),  # the particle alone
        ("Di maio", None),  # no capitalised name after it
        ("El Cairo", None),  # an article, not a particle
        ("Reggio di Calabria", None),
    ],
)
def test_a_family_names_particle_is_read_where_it_opens_the_name(query: str, particle: str | None) -> None:
    assert surname_particle(query) == particle


@pytest.mark.data
@pytest.mark.parametrize(
    ("query", "place"),
    [
        ("Di Maio", "Maio"),  # Italian: the island of Cape Verde
        ("Dos Santos", "Santos"),  # Portuguese: the Brazilian port
        ("Da Silva", "Silva"),
        ("Del Piero", "Piero"),
        ("Von Trier", "Trier"),  # German
    ],
)
def test_a_name_led_by_a_particle_is_no_place_that_lacks_it(query: str, place: str, geocoder) -> None:  # type: ignore[no-untyped-def]
    assert all(name != place for name, _ in _names(geocoder, query))
    # the place itself, asked by its name, is found as before
    if place != "Piero":
        assert any(name == place for name, _ in _names(geocoder, place))
    # and the particle in lower case is a preposition before it ("di Maio": of Maio)
    if place == "Maio":
        assert ("Maio", "CV") in _names(geocoder, "di Maio")


@pytest.mark.data
@pytest.mark.parametrize(
    ("query", "name", "country"),
    [
        ("Da Nang", "Da Nang", "VN"),  # the particle is a word of the place's own name
        ("Del Rio", "Del Rio", "US"),
        ("De Panne", "De Panne", "BE"),
        ("Dos Hermanas", "Dos Hermanas", "ES"),
        ("El Cairo", "Cairo", "EG"),  # articles are no family names' particles
        ("Le Caire", "Cairo", "EG"),
        ("La Habana", "Havana", "CU"),
    ],
)
def test_a_place_whose_name_holds_the_particle_is_found(
    query: str, name: str, country: str, geocoder
) -> None:  # type: ignore[no-untyped-def]
    assert _names(geocoder, query)[0] == (name, country)


@pytest.mark.data
@pytest.mark.parametrize(
    ("lang", "text", "surname"),
    [
        ("it", "A Luanda e Brazzaville vanno Di Maio e Cingolani.", "Di Maio"),
        ("es", "El canciller italiano Di Maio viajó a Luanda el martes.", "Di Maio"),
        ("pt", "O chanceler italiano Di Maio viajou para Luanda na terça-feira.", "Di Maio"),
        ("de", "Der italienische Außenminister Di Maio reiste am Dienstag nach Luanda.", "Di Maio"),
        ("pt", "O presidente Dos Santos viajou para Luanda na terça-feira.", "Dos Santos"),
        ("it", "Il presidente Dos Santos è arrivato a Luanda martedì.", "Dos Santos"),
    ],
)
def test_a_persons_particle_name_is_no_stop_candidate(lang: str, text: str, surname: str, geocoder) -> None:  # type: ignore[no-untyped-def]
    doc = Extractor(geocoder).analyse(Article(text=text, published=dt.date(2022, 4, 19), language=lang))
    places = {c.place.text: c.place.record for c in doc.candidates}
    assert surname not in places
    luanda = places.get("Luanda")
    assert luanda is not None and luanda.country_code == "AO"
