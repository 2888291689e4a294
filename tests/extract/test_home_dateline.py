"""Two places an article names that are rarely stops, as the stop model's features read them: the
traveller's own country and its capital, and a dateline written where the trip is not.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Article, Extractor
from itinerary.extract.document import Candidate

TUESDAY = dt.date(2026, 3, 10)


def _features(text: str, lang: str, extractor: Extractor, feature: str) -> dict[str, set[float]]:
    """Place text -> the values ``feature`` takes over its candidates."""
    doc = extractor.analyse(Article(text=text, published=TUESDAY, language=lang))
    out: dict[str, set[float]] = {}
    c: Candidate
    for c in doc.candidates:
        out.setdefault(c.place.text, set()).add(c.features[feature])
    return out


@pytest.mark.parametrize(
    ("text", "lang", "dateline", "away"),
    [
        (
            "La ministre Claire Dumas est arrivée à Bamako\n\n"
            "PARIS – La ministre des Armées a rencontré mercredi les soldats français, "
            "a annoncé son ministère.",
            "fr",
            "PARIS",
            True,
        ),
        (
            "Il ministro Marco Neri è arrivato a Luanda\n\n"
            "ROMA – Il ministro degli Esteri ha incontrato martedì il presidente angolano, ha fatto sapere "
            "la Farnesina.",
            "it",
            "ROMA",
            True,
        ),
        (
            "La ministre Claire Dumas est arrivée à Lyon\n\n"
            "PARIS – La ministre des Armées a rencontré mercredi les soldats français, "
            "a annoncé son ministère.",
            "fr",
            "PARIS",
            False,
        ),
        (
            "Il ministro Marco Neri è arrivato a Milano\n\n"
            "ROMA – Il ministro degli Esteri ha incontrato martedì il sindaco, ha fatto sapere la Farnesina.",
            "it",
            "ROMA",
            False,
        ),
    ],
)
def test_a_dateline_is_away_when_the_lede_puts_the_traveller_in_another_country(
    text: str, lang: str, dateline: str, away: bool, extractor: Extractor
) -> None:
    # the headline sends the traveller abroad: the dateline in capitals after the headline is
    # where the report was filed; a trip inside the dateline's country leaves it a possible stop
    found = _features(text, lang, extractor, "dateline_away")
    assert found[dateline] == {float(away)}
    assert {v for k, vs in found.items() if k != dateline for v in vs} <= {0.0}


@pytest.mark.parametrize(
    ("text", "lang", "home", "abroad"),
    [
        (
            "Президент Александр Лукашенко прилетел во вторник в Найроби. "
            "Белорусский лидер провел переговоры с кенийским президентом. В Минск он вернется в пятницу.",
            "ru",
            "Минск",
            "Найроби",
        ),
        (
            "Alexander Lukashenko arrived in Nairobi on Tuesday. The Belarusian leader held talks with "
            "the Kenyan president. He will be back in Minsk on Friday.",
            "en",
            "Minsk",
            "Nairobi",
        ),
        (
            "Alexandre Loukachenko est arrivé mardi à Nairobi. Le dirigeant biélorusse s'est entretenu "
            "avec le président kényan. Il sera de retour à Minsk vendredi.",
            "fr",
            "Minsk",
            "Nairobi",
        ),
    ],
)
def test_a_demonym_beside_a_title_names_the_travellers_home(
    text: str, lang: str, home: str, abroad: str, extractor: Extractor
) -> None:
    # no title stands before the traveller's name; "the Belarusian leader" names his country, and
    # "the Kenyan president" names the host (the country the traveller flies to is not his home)
    found = _features(text, lang, extractor, "home")
    assert found[home] == {1.0}
    assert found[abroad] == {0.0}


@pytest.mark.parametrize(
    ("text", "lang", "capital"),
    [
        ("In Kenya, Governor Oleg Kozhemyako visited the city of Nairobi on Tuesday.", "en", "Nairobi"),
        (
            "Au Kenya, le gouverneur Oleg Kojemiako a visité mardi la ville de Nairobi.",
            "fr",
            "ville de Nairobi",
        ),
    ],
)
def test_the_country_a_traveller_travels_to_is_not_home(
    text: str, lang: str, capital: str, extractor: Extractor
) -> None:
    # the country named before the title is where the governor goes, not where he comes from
    found = _features(text, lang, extractor, "home")
    assert found[capital] == {0.0}
