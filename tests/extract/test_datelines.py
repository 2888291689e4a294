"""The dateline, one description in ``itinerary.extract.text`` read by the steps: where it ends
(``DATELINE_END``, the clauses and candidates steps), what follows its place
(``DATELINE_AFTER_PLACE``, the stop model's dateline feature) and whether a date is its own
(``dateline_date_span``, the dates step), in the shapes the agencies of each language and script
write. The texts are written for the suite."""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor, extract
from itinerary.extract.text import (
    DATELINE_AFTER_PLACE,
    DATELINE_AGENCY_OPENING,
    DATELINE_BEFORE_DATE,
    DATELINE_END,
    DATELINE_HEAD,
    dateline_date_span,
)

#: (text, its place, its date or "", the end of the dateline)
SHAPES = [
    ("NAIROBI (Reuters) - The president arrived on Monday.", "NAIROBI", "", "(Reuters) -"),
    ("GUADALAJARA, 3 mars (AFP) - Le président est arrivé lundi.", "GUADALAJARA", "3 mars", "(AFP) -"),
    ("ULAN BATOR /Mongolia/, June 2. /TASS/. The president arrived.", "ULAN BATOR", "June 2", "/TASS/."),
    ("LISBOA.- O presidente chegou na segunda-feira.", "LISBOA", "", ".-"),
    ("WINDHOEK (dpa-AFX) - Der Präsident ist am Montag eingetroffen.", "WINDHOEK", "", "(dpa-AFX) -"),
    ("МОСКВА, 5 июня. /ТАСС/. Президент прибыл в Москву.", "МОСКВА", "5 июня", "/ТАСС/."),
    ("МОСКВА, 5 июня (РИА Новости). Президент прибыл в Москву.", "МОСКВА", "5 июня", "(РИА Новости)."),
    ("ROMA, 4 giugno (ANSA) - Il presidente è arrivato lunedì.", "ROMA", "4 giugno", "(ANSA) -"),
    ("BRASÍLIA (Reuters) - O presidente chegou na segunda-feira.", "BRASÍLIA", "", "(Reuters) -"),
    ("MADRID, 7 jun (EFE).- El presidente llegó el lunes.", "MADRID", "7 jun", "(EFE).-"),
    ("Lubango, Angola, 07 mar (Lusa) — O Presidente chegou.", "Lubango", "07 mar", "(Lusa) —"),
    ("Moskau/Wien (APA) - Der Kanzler ist eingetroffen.", "Moskau", "", "(APA) -"),
    ("Odienné (Côte d'Ivoire), 20 mai (APA) – Le président est arrivé.", "Odienné", "20 mai", "(APA) –"),
    ("ST. PETERSBURG, June 2 (Reuters) - The president arrived.", "ST. PETERSBURG", "June 2", "(Reuters) -"),
]


@pytest.mark.parametrize(("text", "place", "date", "end"), SHAPES, ids=[s[1] + "-" + s[3] for s in SHAPES])
def test_the_end_the_place_and_the_date_of_a_dateline(text: str, place: str, date: str, end: str) -> None:
    found = DATELINE_END.search(text[:120])
    assert found is not None and found.group().strip() == end.strip()
    assert text.startswith(place) and DATELINE_AFTER_PLACE.match(text[len(place) :])
    if date:
        a = text.index(date)
        assert dateline_date_span(text, a, a + len(date))


@pytest.mark.parametrize(("text", "place", "date", "end"), SHAPES, ids=[s[1] + "-" + s[3] for s in SHAPES])
def test_the_head_of_a_dateline_is_the_place_its_date_follows(
    text: str, place: str, date: str, end: str
) -> None:
    # one description of the dateline's place: the places step reads its head, the dates step
    # the place before its date; both find the same words
    head = DATELINE_HEAD.match(text)
    assert head is not None and head.group("place").rstrip(".") == place
    if date:
        a = text.index(date)
        before = DATELINE_BEFORE_DATE.match(text[:a])
        assert before is not None and before.group("place") == place


@pytest.mark.parametrize(("text", "place", "date", "end"), [s for s in SHAPES if s[3].startswith("/")])
def test_an_agency_cut_off_its_dateline_is_the_dateline_s_agency(
    text: str, place: str, date: str, end: str
) -> None:
    # "УЛАН-БАТОР, 10 марта." | "/ТАСС/. ...": the sentence after a dateline cut at its date opens
    # with the agency the dateline's end names
    rest = text[text.index(date) + len(date) + 1 :]
    found = DATELINE_AGENCY_OPENING.match(rest)
    assert found is not None and found.group().strip() == end


def test_a_region_between_slashes_opens_no_sentence_as_agency() -> None:
    assert DATELINE_AGENCY_OPENING.match("/Mongolia/, June 2. The president arrived.") is None


@pytest.mark.parametrize(
    "text",
    [
        "The president arrived in Nairobi on Monday - a day late.",  # a dash, but no dateline's date
        "Der Präsident ist am 3. Juni in Windhoek eingetroffen.",
        "Президент прибыл в Москву 5 июня.",
        "Il presidente, arrivato il 4 giugno (lunedì), ha incontrato il premier.",
    ],
)
def test_a_date_in_a_sentence_is_no_datelines(text: str) -> None:
    words = ["Monday", "3. Juni", "5 июня", "4 giugno"]
    w = next(w for w in words if w in text)
    a = text.index(w)
    assert not dateline_date_span(text, a, a + len(w))


def test_a_region_between_slashes_is_no_agency() -> None:
    # "/Mongolia/," holds the place's region: the dateline ends after the agency
    text = "ULAN BATOR /Mongolia/, June 2. /TASS/. The president arrived."
    found = DATELINE_END.search(text)
    assert found is not None and found.group() == "/TASS/."


@pytest.mark.parametrize(
    ("lang", "text", "place", "date"),
    [
        # "today" counts from the dateline's day, not from the paper of the next morning
        ("ru", "МОСКВА, 5 июня. /ТАСС/. Президент Анна Берг сегодня прибыла в Минск.", "Минск", "2026-06-05"),
        (
            "ru",
            "МИНСК, 5 июня (РИА Новости). Президент Анна Берг сегодня прибыла в Минск.",
            "Минск",
            "2026-06-05",
        ),
        (
            "it",
            "ROMA, 5 giugno (ANSA) - La presidente Anna Berg è arrivata oggi a Minsk.",
            "Minsk",
            "2026-06-05",
        ),
        (
            "pt",
            "Lubango, Angola, 05 jun (Lusa) — A presidente Anna Berg chegou hoje a Minsk.",
            "Minsk",
            "2026-06-05",
        ),
        ("en", "NAIROBI, Kenya, June 5 – President Anna Berg arrived in Minsk today.", "Minsk", "2026-06-05"),
    ],
)
def test_today_counts_from_the_dateline(
    lang: str, text: str, place: str, date: str, extractor: Extractor
) -> None:
    it = extract(text, published=dt.date(2026, 6, 6), language=lang, extractor=extractor)
    got = {str(s.place): str(s.date) for _, _, s in it.stops()}
    assert got.get(place) == date, got
