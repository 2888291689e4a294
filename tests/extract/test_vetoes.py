"""The features that veto a stop (:data:`itinerary.extract.scoring.VETOES`): a place where a person
was born, and a place where a trip was talked about; and the stop model's feature of a title that
a possessive points back to ("his foreign minister had visited Algiers"), no veto.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Article, Extractor, extract
from itinerary.extract.scoring import VETOES, cued

TUESDAY = dt.date(2026, 3, 10)


def _features(text: str, lang: str, extractor: Extractor, feature: str) -> dict[str, float]:
    """Place text -> the highest value ``feature`` takes over its candidates."""
    doc = extractor.analyse(Article(text=text, published=TUESDAY, language=lang))
    out: dict[str, float] = {}
    for c in doc.candidates:
        out[c.place.text] = max(out.get(c.place.text, 0.0), c.features.get(feature, 0.0))
    return out


def _stops(text: str, lang: str, extractor: Extractor) -> set[str]:
    """The place texts of the stops the extractor keeps."""
    it = extract(text, published=TUESDAY, language=lang, extractor=extractor)
    return {str(s.place) for _, _, s in it.stops()}


def test_a_veto_overrides_every_cue() -> None:
    """A candidate with a travel rule behind it is still no stop when a veto fires."""
    for veto in VETOES:
        assert cued({"rule": 1.0, "travel_sentence": 1.0})
        assert not cued({"rule": 1.0, "travel_sentence": 1.0, veto: 1.0})


OWNED = [
    (
        "Prime Minister Pedro Sánchez arrived in Rabat on Monday. His foreign minister had visited "
        "Algiers last month.",
        "en",
        "Algiers",
        "Rabat",
    ),
    (
        "Le président Emmanuel Macron est arrivé lundi à Dakar. Son ministre des Affaires étrangères "
        "s'était rendu à Bamako le mois dernier.",
        "fr",
        "Bamako",
        "Dakar",
    ),
    (
        "Bundeskanzler Friedrich Merz ist am Montag in Hanoi eingetroffen. Seine Außenministerin hatte "
        "im Januar Manila besucht.",
        "de",
        "Manila",
        "Hanoi",
    ),
    (
        "La presidente del Consiglio Giorgia Meloni è arrivata lunedì al Cairo. Il suo ministro della "
        "Difesa aveva visitato Amman a gennaio.",
        "it",
        "Amman",
        "Cairo",
    ),
    (
        "Президент Казахстана Касым-Жомарт Токаев прибыл в понедельник в Баку. Его министр "
        "иностранных дел посетил Ереван в январе.",
        "ru",
        "Ереван",
        "Баку",
    ),
]


@pytest.mark.parametrize(("text", "lang", "other", "stop"), OWNED)
def test_a_title_a_possessive_introduces_is_another_traveller(
    text: str, lang: str, other: str, stop: str, extractor: Extractor
) -> None:
    """A possessive before a title ("his foreign minister had visited Algiers") points back to the
    article's traveller, so the title is another person, named by office only: ``owned_title``
    fires on that person's place, not on the traveller's. It is a feature the model weighs, no
    veto: a second traveller of the same day ("son Premier ministre s'est rendu le même jour à
    Alger") is a stop."""
    owned = _features(text, lang, extractor, "owned_title")
    assert owned.get(other) == 1.0 and owned.get(stop) == 0.0, owned


@pytest.mark.parametrize(
    ("text", "lang", "stop"),
    [
        (
            "Pedro Sánchez and his foreign minister arrived in Rabat on Monday.",
            "en",
            "Rabat",
        ),
        (
            "Accompagné de son ministre des Armées, le président Emmanuel Macron est arrivé lundi à Dakar.",
            "fr",
            "Dakar",
        ),
        (
            "Con il suo ministro degli Esteri, Giorgia Meloni è arrivata lunedì al Cairo.",
            "it",
            "Cairo",
        ),
    ],
)
def test_the_traveller_with_their_minister_keeps_the_stop(
    text: str, lang: str, stop: str, extractor: Extractor
) -> None:
    """A possessive title after the traveller's name, or after "with", is a companion: the
    traveller is the subject and the stop stays."""
    assert _features(text, lang, extractor, "owned_title").get(stop) == 0.0
    assert stop in _stops(text, lang, extractor)


BORN = [
    (
        "President Emmanuel Macron arrived in Chisinau on Monday with his defence minister, who was "
        "born in Toulouse.",
        "en",
        "Toulouse",
        "Chisinau",
    ),
    (
        "Le président Emmanuel Macron est arrivé lundi à Chisinau avec son ministre des Armées, "
        "né à Toulouse.",
        "fr",
        "Toulouse",
        "Chisinau",
    ),
    (
        "Bundespräsident Frank-Walter Steinmeier ist am Montag in Kiew eingetroffen, begleitet von "
        "einer in Charkiw geborenen Schriftstellerin.",
        "de",
        "Charkiw",
        "Kiew",
    ),
    (
        "El presidente Pedro Sánchez llegó el lunes a Kiev con su ministra de Defensa, nacida en Bilbao.",
        "es",
        "Bilbao",
        "Kiev",
    ),
    (
        "Il presidente Sergio Mattarella è arrivato lunedì a Kiev con il ministro della Difesa, nato a Bari.",
        "it",
        "Bari",
        "Kiev",
    ),
    (
        "O presidente Lula chegou na segunda-feira a Kiev com o seu ministro da Defesa, nascido em Belém.",
        "pt",
        "Belém",
        "Kiev",
    ),
    (
        "Президент Белоруссии Александр Лукашенко прибыл в понедельник в Москву вместе с министром "
        "обороны, который родился в Гомеле.",
        "ru",
        "Гомеле",
        "Москва",
    ),
]


@pytest.mark.parametrize(("text", "lang", "born", "stop"), BORN)
def test_a_birthplace_is_no_stop(text: str, lang: str, born: str, stop: str, extractor: Extractor) -> None:
    """A word of birth before or after the place ("né à Marseille", "in Odessa geboren"): where a
    person was born, not where anyone went."""
    assert _features(text, lang, extractor, "birthplace").get(born) == 1.0
    kept = _stops(text, lang, extractor)
    assert kept == {stop}, kept


TALKED = [
    (
        "Prime Minister Mark Carney arrived in Oslo on Monday. The visit was not discussed in Stockholm, "
        "where Nordic ministers met.",
        "en",
        "Stockholm",
        "Oslo",
    ),
    (
        "Le Premier ministre Mark Carney est arrivé lundi à Oslo. Cette visite a été évoquée à Stockholm, "
        "où les ministres nordiques étaient réunis.",
        "fr",
        "Stockholm",
        "Oslo",
    ),
    (
        "Premierminister Mark Carney ist am Montag in Oslo eingetroffen. Über den Besuch wurde in "
        "Stockholm nicht gesprochen.",
        "de",
        "Stockholm",
        "Oslo",
    ),
    (
        "El primer ministro Mark Carney llegó el lunes a Oslo. La visita se discutió en Estocolmo, donde "
        "se reunían los ministros nórdicos.",
        "es",
        "Estocolmo",
        "Oslo",
    ),
    (
        "Премьер-министр Марк Карни прибыл в понедельник в Осло. Визит обсуждался в Стокгольме, где "
        "собрались министры северных стран.",
        "ru",
        "Стокгольме",
        "Осло",
    ),
]


@pytest.mark.parametrize(("text", "lang", "talk", "stop"), TALKED)
def test_where_a_trip_is_talked_about_is_no_stop(
    text: str, lang: str, talk: str, stop: str, extractor: Extractor
) -> None:
    """A clause that opens on a travel noun, with a verb of talking beside the place ("the visit
    was not discussed in Stockholm", "über den Besuch wurde in Stockholm nicht gesprochen"): the
    place is where the trip was talked about."""
    assert _features(text, lang, extractor, "talked_about").get(talk) == 1.0
    assert _stops(text, lang, extractor) == {stop}


@pytest.mark.parametrize(
    ("text", "lang", "stop"),
    [
        (
            "President Emmanuel Macron arrived in Dakar on Monday. He said in Dakar that the talks "
            "went well.",
            "en",
            "Dakar",
        ),
        ("Le président Emmanuel Macron a évoqué à Dakar, lundi, sa visite au Sénégal.", "fr", "Dakar"),
        (
            "Президент Казахстана Касым-Жомарт Токаев прибыл в понедельник в Пекин. Визит в Пекин "
            "обсуждался давно.",
            "ru",
            "Пекин",
        ),
    ],
)
def test_a_traveller_speaking_or_a_trip_named_with_its_place_keeps_the_stop(
    text: str, lang: str, stop: str, extractor: Extractor
) -> None:
    """The traveller talks at the place ("he said in Dakar"), or the place completes the travel
    noun ("визит в Пекин обсуждался"): the veto does not fire."""
    assert _features(text, lang, extractor, "talked_about").get(stop) == 0.0
