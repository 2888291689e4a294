"""The shapes of a traveller's name that are facts of a language, not of a person: lower-case
particles inside a name ("Charles de Gaulle", "Lula da Silva", "Урсула фон дер Ляйен"), a regnal
number after it ("Филипп VI", "Margrethe II."), what a title is of written between the title and the
name (an institution in the genitive, an acronym, a portfolio: "Председатель Еврокомиссии ...", "il
ministro degli Affari esteri Antonio Tajani", "des Europäischen Parlaments Roberta Metsola"), a name
with no title opening a clause after "that" ("dass", "che"), and "accompanied by" read across a
companion's long title. The sentences are written for the suite; each checks the traveller of the
trip, as ``itinerary build`` names trips after it."""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor, extract

pytestmark = pytest.mark.data

PUBLISHED = dt.date(2026, 3, 11)  # a Wednesday


def trips(text: str, lang: str, extractor: Extractor) -> dict[str, set[str]]:
    """Traveller -> the places of their trip (as written and as resolved, lower case)."""
    it = extract(text, published=PUBLISHED, language=lang, extractor=extractor)
    out: dict[str, set[str]] = {}
    for t in it.trips:
        for s in t.stops:
            names = out.setdefault(t.traveller, set())
            names.add(str(s.place).lower())
            if s.resolved is not None:
                names.add(s.resolved.name.lower())
    return out


#: (language, sentence, the traveller's name as it must be read, a place of the trip)
WHOLE_NAMES = [
    # lower-case particles between the given name and the surname
    ("fr", "Le président Charles de Gaulle s'est rendu jeudi à Alger.", "Charles de Gaulle", "Alger"),
    (
        "pt",
        "O presidente Luiz Inácio Lula da Silva viajou na quinta-feira para Lima.",
        "Luiz Inácio Lula da Silva",
        "Lima",
    ),
    (
        "de",
        "Die Kommissionspräsidentin Ursula von der Leyen reiste am Donnerstag nach Rom.",
        "Ursula von der Leyen",
        "Rom",
    ),
    (
        "ru",
        "Председатель Еврокомиссии Урсула фон дер Ляйен в четверг прилетела в Рим.",
        "Урсула фон дер Ляйен",
        "Рим",
    ),
    # a regnal number
    ("ru", "Король Испании Филипп VI прибыл в четверг в Лиссабон.", "Филипп VI", "Лиссабон"),
    ("de", "Königin Margrethe II. reiste am Donnerstag nach Oslo.", "Margrethe II", "Oslo"),
    # what the title is of, between the title and the name
    ("ru", "Премьер Госсовета КНР Ли Цян в четверг прибыл в Рим.", "Ли Цян", "Рим"),
    (
        "it",
        "Il ministro degli Affari esteri Antonio Tajani è arrivato giovedì a Pechino.",
        "Antonio Tajani",
        "Pechino",
    ),
    (
        "es",
        "La ministra de Asuntos Exteriores Arancha González Laya viajó el jueves a Argel.",
        "Arancha González Laya",
        "Argel",
    ),
    (
        "de",
        "Die Präsidentin des Europäischen Parlaments Roberta Metsola reiste am Donnerstag nach Kiew.",
        "Roberta Metsola",
        "Kiew",
    ),
    (
        "pt",
        "O presidente do Conselho Europeu António Costa chegou na quinta-feira a Varsóvia.",
        "António Costa",
        "Varsóvia",
    ),
    # a name with no title after "that"
    (
        "de",
        "Die Regierung teilte mit, dass Pedro Sánchez am Freitag nach Rom reisen werde.",
        "Pedro Sánchez",
        "Rom",
    ),
    ("it", "Il governo ha annunciato che Pedro Sánchez volerà venerdì a Parigi.", "Pedro Sánchez", "Parigi"),
]


@pytest.mark.parametrize(
    ("lang", "text", "name", "place"), WHOLE_NAMES, ids=[f"{c[0]}-{c[2]}" for c in WHOLE_NAMES]
)
def test_the_traveller_is_named_whole(
    lang: str, text: str, name: str, place: str, extractor: Extractor
) -> None:
    found = trips(text, lang, extractor)
    assert place.lower() in found.get(name, set()), found


#: a lower-case word after a name that is no particle of it: an article ("der Zeitung"), and a
#: particle before a country ("Petro de Colombia")
NOT_PARTICLES = [
    ("de", "Kanzler Olaf Scholz sagte der Zeitung, er reise am Freitag nach Paris.", "Olaf Scholz", "Paris"),
    ("es", "El presidente Gustavo Petro de Colombia viajó el jueves a Caracas.", "Gustavo Petro", "Caracas"),
]


@pytest.mark.parametrize(
    ("lang", "text", "name", "place"), NOT_PARTICLES, ids=[f"{c[0]}-{c[2]}" for c in NOT_PARTICLES]
)
def test_an_article_or_a_country_after_a_name_is_no_part_of_it(
    lang: str, text: str, name: str, place: str, extractor: Extractor
) -> None:
    found = trips(text, lang, extractor)
    assert place.lower() in found.get(name, set()), found


#: (language, sentence, the leader, a word of the companion's name, the place)
LONG_COMPANION_TITLES = [
    (
        "fr",
        "Le Premier ministre François Bayrou, accompagné de la ministre de l'Éducation nationale et de "
        "l'Enseignement supérieur Élisabeth Borne, est arrivé jeudi à Alger.",
        "François Bayrou",
        "Borne",
        "Alger",
    ),
    (
        "en",
        "Prime Minister Anthony Albanese, accompanied by the Minister for Trade and Tourism Don Farrell, "
        "arrived in Beijing on Thursday.",
        "Anthony Albanese",
        "Farrell",
        "Beijing",
    ),
    (
        "pt",
        "O presidente Lula, acompanhado pela ministra do Planejamento e do Orçamento Simone Tebet, chegou "
        "na quinta-feira a Tóquio.",
        "Lula",
        "Tebet",
        "Tóquio",
    ),
]


@pytest.mark.parametrize(
    ("lang", "text", "leader", "companion", "place"),
    LONG_COMPANION_TITLES,
    ids=[f"{c[0]}-{c[2]}" for c in LONG_COMPANION_TITLES],
)
def test_accompanied_by_reaches_across_a_long_title(
    lang: str, text: str, leader: str, companion: str, place: str, extractor: Extractor
) -> None:
    """The stop is the leader's, and the companion makes it with them, however long the
    companion's title and portfolio."""
    found = trips(text, lang, extractor)
    assert place.lower() in found.get(leader, set()), found
    assert any(companion in who and place.lower() in where for who, where in found.items()), found
