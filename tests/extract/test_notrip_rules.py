"""Articles that report no trip give no stop.

The rules that the news-length no-trip articles of ``tests/extract/notrip_probes/news2/`` (run
by ``tests/extract/test_notrip_probes.py``) need, each on short sentences in at least two
languages.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor, extract
from itinerary.extract.dates import DateFinder
from itinerary.extract.lang import lexicon
from tests.extract.support import candidates_by_place, stop_names

# --- relative past periods: a visit told "last year", "im vergangenen Oktober", "in August" with a
# past verb is dated in the past before the article's month, so it is background like a visit of
# years ago ("in 2023 Lula had visited Madrid"): no trip of the article.

#: the publication day of the rule tests: a Wednesday in November
DAY = dt.date(2026, 11, 18)

#: (language, a sentence, the date it tells (ISO, as the span's text))
PAST_PERIODS = [
    ("en", "He had travelled to Suva last year.", "2025"),
    ("en", "When he stood in Suva last September, he saw the damage.", "2026-09"),
    ("en", "He visited Suva in May last year.", "2025-05"),
    ("fr", "Il s'était rendu à Dakar l'an dernier.", "2025"),
    ("fr", "Il s'était rendu à Dakar l'année dernière.", "2025"),
    ("fr", "Il était à Dakar en octobre dernier.", "2026-10"),
    ("de", "Merz war im vergangenen Jahr in Tokio.", "2025"),
    ("de", "Merz war im vergangenen Oktober in Neu-Delhi.", "2026-10"),
    ("de", "Merz war im Mai vergangenen Jahres in Tokio.", "2025-05"),
    ("es", "Visitó Ceuta el año pasado.", "2025"),
    ("es", "Visitó Ceuta el pasado mes de octubre.", "2026-10"),
    ("es", "Visitó Ceuta en mayo del año pasado.", "2025-05"),
    ("ru", "В прошлом году Путин посетил Пекин.", "2025"),
    ("ru", "В мае прошлого года Си приезжал в Москву.", "2025-05"),
    ("it", "Lo scorso anno era stata a Tirana.", "2025"),
    ("it", "Era stata a Tirana lo scorso ottobre.", "2026-10"),
    ("it", "Era stata a Tirana nel maggio dello scorso anno.", "2025-05"),
    ("pt", "No ano passado, Lula esteve em Pequim.", "2025"),
    ("pt", "Lula esteve em Pequim em outubro passado.", "2026-10"),
    ("pt", "Lula esteve em Pequim em maio do ano passado.", "2025-05"),
]


@pytest.mark.parametrize(("lang", "text", "want"), PAST_PERIODS, ids=[f"{c[0]}-{c[2]}" for c in PAST_PERIODS])
def test_a_relative_past_period_is_a_date(lang: str, text: str, want: str) -> None:
    spans = [h.span for h in DateFinder(lexicon(lang)).find(text, DAY) if h.span is not None]
    assert [s.text for s in spans] == [want]


#: a month said as the last one before the publication's: the year before when the month has not
#: come round yet this year ("last December" in November)
def test_the_last_month_of_its_name_is_before_the_publication() -> None:
    spans = [h.span for h in DateFinder(lexicon("en")).find("He was there last December.", DAY) if h.span]
    assert [s.text for s in spans] == ["2025-12"]
    spans = [h.span for h in DateFinder(lexicon("fr")).find("Il y était en novembre dernier.", DAY) if h.span]
    assert [s.text for s in spans] == ["2025-11"]


#: (language, a short article whose only trip is one recalled with a relative past period, its dateline)
RECALLED = [
    (
        "en",
        "Albanese defends Pacific aid\n\nCANBERRA (AAP) - Prime Minister Anthony Albanese defended his aid "
        "budget on Tuesday. He recalled that he had travelled to Port Moresby last year for talks.",
        "CANBERRA",
    ),
    (
        "en",
        "Albanese defends Pacific aid\n\nCANBERRA (AAP) - Prime Minister Anthony Albanese defended his aid "
        "budget on Tuesday. He recalled that he had travelled to Port Moresby in August for talks.",
        "CANBERRA",
    ),
    (
        "de",
        "Merz wirbt für Indien\n\nBERLIN (dpa) - Bundeskanzler Friedrich Merz hat am Dienstag für engere "
        "Beziehungen zu Indien geworben. Er erinnerte an seine Reise nach Neu-Delhi im vergangenen Oktober.",
        "BERLIN",
    ),
    (
        "es",
        "Feijóo critica al Gobierno\n\nMADRID (EFE) - El líder del PP, Alberto Núñez Feijóo, criticó el "
        "martes al Gobierno. Feijóo viajó a Ceuta el año pasado para reunirse con los agentes.",
        "MADRID",
    ),
    (
        "ru",
        "Путин выступил на форуме\n\nМОСКВА, 17 ноября. /ТАСС/. Президент России Владимир Путин выступил во "
        "вторник на форуме. В прошлом году Путин прилетел в Пекин с государственным визитом.",
        "МОСКВА",
    ),
    (
        "it",
        "Meloni sui migranti\n\nROMA (ANSA) - La presidente del Consiglio Giorgia Meloni ha parlato martedì "
        "dei migranti. Lo scorso anno Meloni si era recata a Tirana per un vertice.",
        "ROMA",
    ),
    (
        "pt",
        "Lula fala com Xi\n\nBRASÍLIA (Agência Brasil) - O presidente Lula conversou nesta terça-feira com "
        "Xi Jinping. No ano passado, Lula viajou a Pequim para um fórum.",
        "BRASÍLIA",
    ),
]


@pytest.mark.data
@pytest.mark.parametrize(
    ("lang", "text", "place"), RECALLED, ids=[f"{c[0]}-{i}" for i, c in enumerate(RECALLED)]
)
def test_a_visit_of_a_past_period_is_no_trip_of_the_article(
    lang: str, text: str, place: str, extractor: Extractor
) -> None:
    found = candidates_by_place(text, lang, extractor, DAY)
    assert any(d.rule for d in found.values()), "the rules should read a trip for the test to mean anything"
    assert found[place].features["article_trip"] == 0.0
    assert not extract(text, published=DAY, language=lang, extractor=extractor).trips


#: visits told in the article's own days are its trip, whatever past period the sentence names too
NOW = [
    (
        "en",
        "Albanese in Port Moresby\n\nCANBERRA (AAP) - Prime Minister Anthony Albanese travelled to Port "
        "Moresby on Tuesday for talks, a year after his last visit.",
        "Port Moresby",
    ),
    (
        "it",
        "Meloni a Tirana\n\nROMA (ANSA) - La presidente del Consiglio Giorgia Meloni si è recata martedì a "
        "Tirana per un vertice, come lo scorso anno.",
        "Tirana",
    ),
]


@pytest.mark.data
@pytest.mark.parametrize(("lang", "text", "place"), NOW, ids=[c[0] for c in NOW])
def test_a_visit_of_the_articles_days_stays_its_trip(
    lang: str, text: str, place: str, extractor: Extractor
) -> None:
    found = candidates_by_place(text, lang, extractor, DAY)
    assert found[place].features["article_trip"] == 1.0
    stops = extract(text, published=DAY, language=lang, extractor=extractor).trips[0].stops
    assert place.lower() in {n for s in stops for n in stop_names(s)}
