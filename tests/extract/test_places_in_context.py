"""A name several places share is read in the context of the article: with the article's other
places of one country as context the geocoder ranks that name again, their country and their
distance weighing, and its first answer in that country is taken ("St Petersburg" after Moscow
and Kazan is Russia's, after Tampa and Orlando Florida's). With no context a world-famous name is
the far larger place, whether the saint's title is abbreviated or written out.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Article, Extractor

TUESDAY = dt.date(2026, 3, 10)


def _places(text: str, lang: str, extractor: Extractor) -> dict[str, tuple[str, str]]:
    """Place text -> (country code, admin-1 region) of its record, for every place mention."""
    doc = extractor.analyse(Article(text=text, published=TUESDAY, language=lang))
    return {
        p.text: (p.record.country_code, p.record.admin1 or "")
        for s in doc.sentences
        for p in s.places
        if p.record is not None
    }


@pytest.mark.parametrize(
    ("text", "lang", "name", "country"),
    [
        # one name, two countries, read by the article's other places
        (
            "Putin met the governor in Moscow on Tuesday. On Wednesday he flew to St Petersburg, "
            "and on Thursday to Kazan.",
            "en",
            "St Petersburg",
            "RU",
        ),
        (
            "Putin empfing am Dienstag den Gouverneur in Moskau. Am Mittwoch reiste er nach "
            "St. Petersburg und dann nach Kasan.",
            "de",
            "St. Petersburg",
            "RU",
        ),
        (
            "Vladimir Poutine a reçu mardi le gouverneur à Moscou. Mercredi, il s'est rendu à "
            "Saint-Pétersbourg, puis à Kazan.",
            "fr",
            "Saint-Pétersbourg",
            "RU",
        ),
        (
            "The governor toured Tampa and Orlando on Tuesday, then spoke in St. Petersburg on Wednesday.",
            "en",
            "St. Petersburg",
            "US",
        ),
        (
            "El presidente llegó el martes a Buenos Aires. El miércoles viajó a Rosario y el jueves "
            "a Córdoba.",
            "es",
            "Córdoba",
            "AR",
        ),
        (
            "El presidente llegó el martes a Sevilla. El miércoles viajó a Málaga y el jueves a Córdoba.",
            "es",
            "Córdoba",
            "ES",
        ),
        (
            "The prime minister was in Madrid on Tuesday and flew to Valencia on Wednesday before Barcelona.",
            "en",
            "Valencia",
            "ES",
        ),
        (
            "El presidente recibió el martes en Caracas al ministro. El miércoles viajó a Maracaibo y "
            "luego a Valencia.",
            "es",
            "Valencia",
            "VE",
        ),
        (
            "Le Premier ministre était mardi à Madrid ; mercredi il s'est rendu à Valence puis à Barcelone.",
            "fr",
            "Valence",
            "ES",
        ),
        (
            "Zelensky travelled from Kyiv to Odessa on Tuesday and visited the port of Mykolaiv.",
            "en",
            "Odessa",
            "UA",
        ),
        (
            "Selenskyj reiste am Dienstag von Kiew nach Odessa und besuchte den Hafen von Mykolajiw.",
            "de",
            "Odessa",
            "UA",
        ),
        # a country's name, or a region of the country the other places lie in
        (
            "The president flew from Washington to Atlanta on Tuesday and toured Savannah and Macon "
            "in Georgia.",
            "en",
            "Georgia",
            "US",
        ),
        (
            "The president flew from Ankara to Tbilisi on Tuesday; it was his first visit to Georgia "
            "since 2020.",
            "en",
            "Georgia",
            "GE",
        ),
    ],
)
def test_a_shared_name_is_read_in_the_context_of_the_article(
    text: str, lang: str, name: str, country: str, extractor: Extractor
) -> None:
    assert _places(text, lang, extractor)[name][0] == country


@pytest.mark.parametrize(
    ("text", "lang", "name"),
    [
        ("President Putin flew to St Petersburg on Tuesday for the economic forum.", "en", "St Petersburg"),
        (
            "Präsident Putin flog am Dienstag zum Wirtschaftsforum nach St. Petersburg.",
            "de",
            "St. Petersburg",
        ),
        (
            "Le président Poutine s'est rendu mardi à Saint-Pétersbourg pour le forum économique.",
            "fr",
            "Saint-Pétersbourg",
        ),
    ],
)
def test_a_bare_world_famous_name_is_the_larger_place(
    text: str, lang: str, name: str, extractor: Extractor
) -> None:
    assert _places(text, lang, extractor)[name][0] == "RU"


def test_a_reading_in_a_country_the_article_names_is_kept(extractor: Extractor) -> None:
    # the United States are named: the Los Angeles of the summit stays California's, though
    # Chile's Los Ángeles lies near the article's other places
    text = (
        "El presidente chileno llegó el martes a Santiago y el miércoles a Concepción. "
        "Recordó la cumbre que Estados Unidos celebró en Los Ángeles."
    )
    got = _places(text, "es", extractor)
    assert got["Santiago"][0] == "CL"
    assert got["Ángeles"][0] == "US"  # the recogniser leaves the article out of the name
