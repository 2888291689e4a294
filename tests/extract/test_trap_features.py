"""The stop model's features of the places an annotator marks as no stop: a capital speaking with
time words before its verb, a place named as a source, a place beside a past year, and a dateline
that is another place than every stop of the lede.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Article, Extractor, extract
from itinerary.extract.document import Candidate

TUESDAY = dt.date(2026, 3, 10)


def _features(text: str, lang: str, extractor: Extractor, feature: str) -> dict[str, float]:
    """Place text -> the highest value ``feature`` takes over its candidates (absent: no candidate)."""
    doc = extractor.analyse(Article(text=text, published=TUESDAY, language=lang))
    out: dict[str, float] = {}
    c: Candidate
    for c in doc.candidates:
        out[c.place.text] = max(out.get(c.place.text, 0.0), c.features.get(feature, 0.0))
    return out


def _stops(text: str, lang: str, extractor: Extractor) -> set[str]:
    """The place texts of the stops the extractor keeps."""
    it = extract(text, published=TUESDAY, language=lang, extractor=extractor)
    return {str(s.place) for _, _, s in it.stops()}


@pytest.mark.parametrize(
    ("text", "lang", "speaker", "stop"),
    [
        (
            "Starmer arrived in Ankara on Monday, a day after Moscow on Sunday denounced the talks.",
            "en",
            "Moscow",
            "Ankara",
        ),
        (
            "Starmer llegó el lunes a Ankara, un día después de que Moscú el domingo denunció "
            "las conversaciones.",
            "es",
            "Moscú",
            "Ankara",
        ),
        (
            "Starmer è arrivato lunedì ad Ankara, un giorno dopo che Mosca domenica ha denunciato "
            "i colloqui.",
            "it",
            "Mosca",
            "Ankara",
        ),
        (
            "Стармер в понедельник прибыл в Анкару, через день после того как Москва в воскресенье осудила "
            "переговоры.",
            "ru",
            "Москва",
            "Анкара",
        ),
    ],
)
def test_a_capital_speaking_after_time_words_is_no_stop(
    text: str, lang: str, speaker: str, stop: str, extractor: Extractor
) -> None:
    """Time words between the capital and its speech verb ("Moscow on Sunday denounced") still make
    the capital the verb's subject: its government speaks (the candidates step drops such a
    speaker, or the feature says it speaks), the trip's stop stays."""
    kept = _stops(text, lang, extractor)
    assert stop in kept and speaker not in kept, kept
    speaks = _features(text, lang, extractor, "speech_after")
    assert speaks.get(speaker, 1.0) == 1.0, speaks


@pytest.mark.parametrize(
    ("text", "lang", "source", "other"),
    [
        (
            "Macron arrived in Nairobi on Monday. According to Moscow, the talks went well.",
            "en",
            "Moscow",
            "Nairobi",
        ),
        (
            "Macron chegou a Nairóbi na segunda-feira. Segundo o Kremlin, as conversas correram bem.",
            "pt",
            "Kremlin",
            "Nairóbi",
        ),
        (
            "Macron è arrivato lunedì a Nairobi. Secondo il Cremlino, i colloqui sono andati bene.",
            "it",
            "Cremlino",
            "Nairobi",
        ),
    ],
)
def test_a_place_named_as_a_source_is_read(
    text: str, lang: str, source: str, other: str, extractor: Extractor
) -> None:
    got = _features(text, lang, extractor, "source")
    assert got.get(source) == 1.0 and got.get(other) == 0.0, got


@pytest.mark.parametrize(
    ("text", "lang", "past", "now"),
    [
        (
            "Modi ist am Montag in Tokio eingetroffen. Ein Gipfel in Osaka war 2019 gescheitert.",
            "de",
            "Osaka",
            "Tokio",
        ),
        ("Modi est arrivé lundi à Tokyo. Un sommet à Osaka avait échoué en 2019.", "fr", "Osaka", "Tokyo"),
        (
            "Моди в понедельник прибыл в Токио, с первым визитом после саммита в Осаке в 2019 году.",
            "ru",
            "Осаке",
            "Токио",
        ),
    ],
)
def test_a_place_beside_a_past_year_is_read(
    text: str, lang: str, past: str, now: str, extractor: Extractor
) -> None:
    """A year before the publication's beside the place, with no other place between."""
    got = _features(text, lang, extractor, "past_time")
    assert got.get(past) == 1.0 and got.get(now) == 0.0, got


@pytest.mark.parametrize(
    ("text", "lang", "dateline", "stop"),
    [
        (
            "MOSCOW, March 10 (Reuters) - President Putin arrived in Vladivostok on Tuesday to open a forum.",
            "en",
            "MOSCOW",
            "Vladivostok",
        ),
        (
            "MOSCOU, 10 mars (AFP) - Vladimir Poutine est arrivé mardi à Vladivostok pour ouvrir un forum.",
            "fr",
            "MOSCOU",
            "Vladivostok",
        ),
    ],
)
def test_a_dateline_in_the_country_of_the_trip_but_not_at_its_place_is_no_stop(
    text: str, lang: str, dateline: str, stop: str, extractor: Extractor
) -> None:
    """The agency's city in the dateline, while the lede puts the traveller in another city of the
    same country: the report was written there, the trip is elsewhere."""
    kept = _stops(text, lang, extractor)
    assert stop in kept and dateline not in kept, kept


@pytest.mark.parametrize(
    ("text", "lang", "dateline"),
    [
        ("NAIROBI (Reuters) - President Macron arrived at Nairobi's airport on Tuesday.", "en", "NAIROBI"),
        ("TOKIO (dpa) - Kanzler Merz ist am Dienstag in Japan eingetroffen.", "de", "TOKIO"),
    ],
)
def test_a_dateline_at_the_place_or_in_the_country_of_the_lede_is_not_read_as_elsewhere(
    text: str, lang: str, dateline: str, extractor: Extractor
) -> None:
    got = _features(text, lang, extractor, "dateline_other_place")
    assert got.get(dateline) == 0.0, got
