"""Who travels: the second traveller and co-travellers, each with their own trip.

Rules of language, each checked in at least two languages on sentences written for the suite:
a listed subject of a travel verb ("Macron, Scholz and Draghi arrived") gives every person listed
the stop; so do "accompanied by" and a plural that stands for persons named together before ("the
two leaders"); a subject written after its verb ("A Kiev è arrivato il presidente romeno") is the
traveller; persons are recognised without a trained recogniser (a full name whose surname
recurs, a title with a nationality adjective); a stop of another person stays theirs.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor, extract
from tests.extract.support import trips_by_traveller

PUBLISHED = dt.date(2026, 3, 12)  # a Thursday


def _trips(text: str, lang: str, extractor: Extractor) -> dict[str, set[str]]:
    return trips_by_traveller(text, lang, extractor, PUBLISHED)


def _with(trips: dict[str, set[str]], surname: str) -> set[str]:
    """The stops of the traveller whose name holds ``surname``."""
    found = [stops for who, stops in trips.items() if surname in who]
    assert found, f"no trip of {surname}: {trips}"
    return found[0]


LISTED = [
    (
        "it",
        "Il premier Mario Draghi, il presidente francese Emmanuel Macron e il cancelliere Olaf Scholz "
        "sono arrivati ieri a Varsavia.",
        ("Draghi", "Macron", "Scholz"),
        "warsaw",
    ),
    (
        "en",
        "President Emmanuel Macron, Chancellor Olaf Scholz and Prime Minister Mario Draghi arrived in "
        "Warsaw on Wednesday.",
        ("Draghi", "Macron", "Scholz"),
        "warsaw",
    ),
    (
        "pt",
        "O presidente angolano João Lourenço e o presidente moçambicano Filipe Nyusi chegaram ontem a "
        "Nairobi.",
        ("Lourenço", "Nyusi"),
        "nairobi",
    ),
    (
        "ru",
        "Президент России Владимир Путин и президент Белоруссии Александр Лукашенко прибыли в Пекин.",
        ("Путин", "Лукашенко"),
        "beijing",
    ),
]


@pytest.mark.parametrize(("lang", "text", "who", "place"), LISTED, ids=[c[0] for c in LISTED])
def test_every_person_of_a_listed_subject_gets_the_stop(
    lang: str, text: str, who: tuple[str, ...], place: str, extractor: Extractor
) -> None:
    trips = _trips(text, lang, extractor)
    for surname in who:
        assert place in _with(trips, surname), trips


ACCOMPANIED = [
    (
        "it",
        "Il presidente Sergio Mattarella, accompagnato dal ministro Antonio Tajani, è arrivato ieri a Tokyo.",
        ("Mattarella", "Tajani"),
        "tokyo",
    ),
    (
        "en",
        "Prime Minister Anthony Albanese, accompanied by Foreign Minister Penny Wong, arrived in Beijing "
        "on Wednesday.",
        ("Albanese", "Wong"),
        "beijing",
    ),
    (
        "fr",
        "Le président Emmanuel Macron, accompagné de la ministre Catherine Colonna, est arrivé mercredi à "
        "Nairobi.",
        ("Macron", "Colonna"),
        "nairobi",
    ),
]


@pytest.mark.parametrize(("lang", "text", "who", "place"), ACCOMPANIED, ids=[c[0] for c in ACCOMPANIED])
def test_a_person_who_accompanies_the_traveller_travels_too(
    lang: str, text: str, who: tuple[str, ...], place: str, extractor: Extractor
) -> None:
    trips = _trips(text, lang, extractor)
    for surname in who:
        assert place in _with(trips, surname), trips


GROUPS = [
    (
        "it",
        "Il premier Mario Draghi e il cancelliere Olaf Scholz si sono parlati martedì. "
        "I due leader sono arrivati ieri a Varsavia.",
        ("Draghi", "Scholz"),
        "warsaw",
    ),
    (
        "en",
        "President Cyril Ramaphosa and President Macky Sall spoke to reporters on Monday. "
        "The two leaders flew to Warsaw on Wednesday.",
        ("Ramaphosa", "Sall"),
        "warsaw",
    ),
    # the plural stands between the last person named and the travel word: it is the subject
    (
        "en",
        "President Cyril Ramaphosa and President Macky Sall spoke to reporters on Monday. "
        "After meeting President Andrzej Duda the two leaders flew to Vilnius on Wednesday.",
        ("Ramaphosa", "Sall"),
        "vilnius",
    ),
    (
        "fr",
        "Le président Emmanuel Macron et le chancelier Olaf Scholz ont parlé lundi à la presse. "
        "Après leur rencontre avec le président Andrzej Duda, les deux dirigeants sont arrivés "
        "mercredi à Vilnius.",
        ("Macron", "Scholz"),
        "vilnius",
    ),
]


@pytest.mark.parametrize(("lang", "text", "who", "place"), GROUPS, ids=[c[0] for c in GROUPS])
def test_a_plural_that_stands_for_persons_named_together_makes_them_all_travel(
    lang: str, text: str, who: tuple[str, ...], place: str, extractor: Extractor
) -> None:
    trips = _trips(text, lang, extractor)
    for surname in who:
        assert place in _with(trips, surname), trips


AFTER_VERB = [
    ("it", "A Kiev è arrivato ieri anche il presidente romeno Klaus Iohannis.", "Iohannis", "kyiv"),
    ("pt", "Chegou ontem a Luanda o presidente ruandês Paul Kagame.", "Kagame", "luanda"),
    ("es", "Llegó ayer a Bogotá el presidente chileno Gabriel Boric.", "Boric", "bogotá"),
]


@pytest.mark.parametrize(("lang", "text", "who", "place"), AFTER_VERB, ids=[c[0] for c in AFTER_VERB])
def test_a_subject_written_after_its_verb_is_the_traveller(
    lang: str, text: str, who: str, place: str, extractor: Extractor
) -> None:
    assert place in _with(_trips(text, lang, extractor), who)


NAMES = [
    # a full name, then the surname alone: a person without a title
    ("it", "Mario Rossi è arrivato ieri a Tokyo. Rossi ha poi incontrato la stampa.", "Mario Rossi"),
    ("pt", "Paulo Macedo chegou ontem a Tóquio. Macedo falou depois à imprensa.", "Paulo Macedo"),
    # a title, a nationality adjective, then the name
    ("it", "Il presidente angolano João Lourenço è arrivato ieri a Roma.", "João Lourenço"),
    ("pt", "O presidente ruandês Paul Kagame chegou ontem a Lisboa.", "Paul Kagame"),
    # a compound title, a hyphenated first name
    (
        "de",
        "Bundespräsident Frank-Walter Steinmeier ist am Dienstag in Warschau eingetroffen.",
        "Frank-Walter Steinmeier",
    ),
]


@pytest.mark.parametrize(("lang", "text", "who"), NAMES, ids=[f"{c[0]}-{i}" for i, c in enumerate(NAMES)])
def test_names_are_recognised_without_a_trained_recogniser(
    lang: str, text: str, who: str, extractor: Extractor
) -> None:
    trips = _trips(text, lang, extractor)
    assert who in trips, trips


OTHERS = [
    (
        "it",
        "Il premier Mario Draghi è arrivato ieri a Kiev e poi a Irpin. "
        "A Kiev è arrivato anche il presidente romeno Klaus Iohannis.",
        ("Draghi", {"kyiv", "irpin"}),
        ("Iohannis", {"kyiv"}),
    ),
    (
        "ru",
        "Президент России Владимир Путин прибыл в Пекин, а затем в Шанхай. "
        "В Пекин прибыл и президент Белоруссии Александр Лукашенко.",
        ("Путин", {"beijing", "shanghai"}),
        ("Лукашенко", {"beijing"}),
    ),
]


@pytest.mark.parametrize(("lang", "text", "main", "other"), OTHERS, ids=[c[0] for c in OTHERS])
def test_a_stop_of_another_person_is_theirs_and_kept(
    lang: str, text: str, main: tuple[str, set[str]], other: tuple[str, set[str]], extractor: Extractor
) -> None:
    trips = _trips(text, lang, extractor)
    assert main[1] <= _with(trips, main[0]), trips
    assert other[1] <= _with(trips, other[0]), trips
    assert "irpin" not in _with(trips, other[0]) and "shanghai" not in _with(trips, other[0])


def test_a_fellow_traveller_s_only_stop_is_resolved_with_the_article_s_places(extractor: Extractor) -> None:
    """A trip of one stop has no other stops to resolve it by: the article's stops are its context
    (Saint Petersburg in Russia after Kyiv and Moscow, not the town in Florida)."""
    text = (
        "Il presidente russo Vladimir Putin è arrivato ieri a Mosca e poi a Kaliningrad. "
        "Il presidente Aleksandr Lukashenko e il premier Mikhail Mishustin sono arrivati oggi a "
        "San Pietroburgo."
    )
    it = extract(text, published=PUBLISHED, language="it", extractor=extractor)
    far = [
        (t.traveller, s.resolved.country_code)
        for t in it.trips
        for s in t.stops
        if s.resolved is not None and s.resolved.country_code != "RU"
    ]
    assert not far, far
    assert sum(1 for t in it.trips if "Lukashenko" in t.traveller or "Mishustin" in t.traveller) == 2


HOSTS = [
    (
        "en",
        "President Joe Biden met President Emmanuel Macron and Chancellor Olaf Scholz, then flew to Warsaw.",
        ("Macron", "Scholz"),
    ),
    (
        "it",
        "Il presidente Joe Biden ha incontrato il presidente francese Emmanuel Macron e il cancelliere "
        "Olaf Scholz, poi è volato a Varsavia.",
        ("Macron", "Scholz"),
    ),
]


@pytest.mark.parametrize(("lang", "text", "hosts"), HOSTS, ids=[c[0] for c in HOSTS])
def test_persons_met_are_no_co_travellers(
    lang: str, text: str, hosts: tuple[str, ...], extractor: Extractor
) -> None:
    trips = _trips(text, lang, extractor)
    assert "warsaw" in _with(trips, "Biden"), trips
    for surname in hosts:
        assert not any(surname in who for who in trips), trips


ELIDED = [
    ("it", "Il premier Mario Rossi è atterrato ieri all'aeroporto di Rzeszów.", "rzeszów"),
    ("fr", "Le Premier ministre Jean Dupont a atterri hier soir à l'aéroport de Rzeszów.", "rzeszów"),
]


@pytest.mark.parametrize(("lang", "text", "place"), ELIDED, ids=[c[0] for c in ELIDED])
def test_a_kind_word_with_an_elided_preposition_makes_a_stop(
    lang: str, text: str, place: str, extractor: Extractor
) -> None:
    """ "all'aeroporto di X", "à l'aéroport de X": the preposition is written onto the kind word."""
    trips = _trips(text, lang, extractor)
    assert any(place in stops for stops in trips.values()), trips
