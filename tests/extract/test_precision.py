"""Mentions the extractor must not take for stops: places that speak for their government, words
that only look like travel words, and the articles that report no trip.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Article, Extractor

TUESDAY = dt.date(2026, 3, 10)


def _candidates(text: str, lang: str, extractor: Extractor) -> dict[str, bool]:
    """Place text -> whether the travel rules made it a stop, for every candidate of the text."""
    doc = extractor.analyse(Article(text=text, published=TUESDAY, language=lang))
    return {c.place.text: c.rule for c in doc.candidates}


@pytest.mark.parametrize(
    ("text", "lang", "stop", "speaker"),
    [
        (
            "Biden arrived in Amman on Tuesday. Washington has not commented on the reports.",
            "en",
            "Amman",
            "Washington",
        ),
        (
            "Biden est arrivé mardi à Amman. Washington n'a pas commenté ces informations.",
            "fr",
            "Amman",
            "Washington",
        ),
        (
            "Biden llegó el martes a Amán. Washington no ha comentado la información.",
            "es",
            "Amán",
            "Washington",
        ),
        (
            "Biden è arrivato martedì ad Amman. Washington non ha commentato la notizia.",
            "it",
            "Amman",
            "Washington",
        ),
        (
            "Biden chegou na terça-feira a Amã. Washington não comentou a notícia.",
            "pt",
            "Amã",
            "Washington",
        ),
    ],
)
def test_a_place_that_has_not_spoken_is_still_a_speaker(
    text: str, lang: str, stop: str, speaker: str, extractor: Extractor
) -> None:
    # negation and the auxiliary of a compound tense stand between the subject and its speech
    # verb: the capital is its government ("Washington has not commented"), no place of the trip
    found = _candidates(text, lang, extractor)
    assert found.get(stop) is True
    assert speaker not in found


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("La prossima tappa del viaggio è Tokyo, ha detto il portavoce.", "it"),
        ("La próxima etapa del viaje es Tokio, dijo el portavoz.", "es"),
    ],
    ids=["it", "es"],
)
def test_a_reporting_clause_after_a_comma_leaves_the_place(
    text: str, lang: str, extractor: Extractor
) -> None:
    # "..., ha detto il portavoce": the speech verb belongs to the reporting clause, not to the place
    found = _candidates(text, lang, extractor)
    assert any(found.values())


@pytest.mark.parametrize(
    ("text", "lang", "place", "stop"),
    [
        # "parte" alone is mostly the noun: "in gran parte" (for the most part) is no departure
        (
            "Migliaia di italiani vivono in Argentina, in gran parte a Buenos Aires.",
            "it",
            "Buenos Aires",
            False,
        ),
        ("Milhares de portugueses vivem no Brasil, em grande parte em São Paulo.", "pt", "São Paulo", False),
        # the verb, with its destination or its day
        ("Il ministro parte per Tokyo domani mattina.", "it", "Tokyo", True),
        ("Il ministro parte domani per Tokyo.", "it", "Tokyo", True),
    ],
)
def test_the_noun_part_is_no_departure(
    text: str, lang: str, place: str, stop: bool, extractor: Extractor
) -> None:
    assert _candidates(text, lang, extractor).get(place) is stop


@pytest.mark.parametrize(
    ("text", "lang", "dateline", "stop"),
    [
        (
            "АСТАНА. Президент Казахстана Касым-Жомарт Токаев во вторник прибыл в Москву с визитом.",
            "ru",
            "АСТАНА",
            "Москву",
        ),
        (
            "ASTANA. Kazakh President Tokayev arrived in Moscow on Tuesday for a state visit.",
            "en",
            "ASTANA",
            "Moscow",
        ),
    ],
)
def test_a_dateline_alone_before_a_lede_abroad_is_the_reporters_city(
    text: str, lang: str, dateline: str, stop: str, extractor: Extractor
) -> None:
    # the dateline stands as a sentence of its own; the lede puts the traveller in another
    # country, so the dateline is where the report was filed, not a stop
    found = _candidates(text, lang, extractor)
    assert found.get(stop) is True
    assert dateline not in found


def test_a_dateline_alone_before_a_lede_at_home_is_kept(extractor: Extractor) -> None:
    # the lede stays in the dateline's country: the dateline may be a stop, for the model to weigh
    found = _candidates("ASTANA. Kazakh President Tokayev arrived in Almaty on Tuesday.", "en", extractor)
    assert "ASTANA" in found


@pytest.mark.parametrize(
    "text",
    [
        "В Астане напоминают, что прошлой осенью с визитом в Казахстан приезжал Путин.",
        "В Москве считают, что визит в Пекин пройдет успешно.",
    ],
)
def test_an_impersonal_speech_verb_makes_the_place_a_speaker(text: str, extractor: Extractor) -> None:
    # "в Астане напоминают" (Astana recalls): the third person plural without a subject speaks for
    # the government there, the place is no stop of the rules
    doc = extractor.analyse(Article(text=text, published=TUESDAY, language="ru"))
    first = min(doc.candidates, key=lambda c: c.place.start)
    assert not first.rule


@pytest.mark.parametrize(
    ("text", "lang", "no_trip_lede"),
    [
        (
            "Biden spoke by phone with Macron on Tuesday about the war in Ukraine. The two leaders "
            "discussed energy prices. They agreed to speak again soon. "
            "Macron invited Biden to travel to Paris in the spring.",
            "en",
            True,
        ),
        (
            "After a phone call with Macron, Biden arrived in Paris on Tuesday for talks on Ukraine.",
            "en",
            False,
        ),
        (
            "Telefonata tra Meloni e Macron martedì sulla guerra in Ucraina. I due leader hanno parlato "
            "di energia. Hanno deciso di risentirsi presto. "
            "Macron ha invitato Meloni a recarsi a Parigi in primavera.",
            "it",
            True,
        ),
        (
            "Dopo una telefonata con Macron, Meloni è arrivata martedì a Parigi per colloqui sull'Ucraina.",
            "it",
            False,
        ),
    ],
)
def test_a_call_article_without_a_trip_in_its_lede_is_marked(
    text: str, lang: str, no_trip_lede: bool, extractor: Extractor
) -> None:
    # an article that opens on a call and names no trip in its headline and lede reports the call:
    # a trip it mentions later is background (an invitation, a past visit)
    doc = extractor.analyse(Article(text=text, published=TUESDAY, language=lang))
    assert doc.candidates
    assert {c.features["call_no_trip_lede"] for c in doc.candidates} == {float(no_trip_lede)}
