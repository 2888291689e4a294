"""Rules for stops as wire copy tells them (issue 22, classes 1-3): a guest received in a city, a
border or platform where the trip passes, a recognised name that runs on over lower-case words,
and a list of places whose last item the recogniser gives another label.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Article, Extractor
from itinerary.extract.document import Mention
from itinerary.extract.steps.places import trimmed

pytestmark = pytest.mark.data

THURSDAY = dt.date(2026, 3, 12)


def _rules(text: str, lang: str, extractor: Extractor) -> dict[str, str]:
    """Place as written -> the rule that made it a stop, or why none did."""
    doc = extractor.analyse(Article(text=text, published=THURSDAY, language=lang))
    return {c.place.text: c.reason.rule for c in doc.candidates}


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        (
            "Le président indonésien a été reçu mercredi à Wellington par la Première ministre.",
            "fr",
            "Wellington",
        ),
        (
            "Il presidente indonesiano è stato ricevuto mercoledì a Wellington dalla premier.",
            "it",
            "Wellington",
        ),
        (
            "The Indonesian president was received in Wellington on Wednesday by the prime minister.",
            "en",
            "Wellington",
        ),
    ],
)
def test_a_guest_received_in_a_city_is_there(text: str, lang: str, place: str, extractor: Extractor) -> None:
    assert _rules(text, lang, extractor)[place].startswith("the place where the subject is received")


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("Le président a reçu mercredi à Wellington la Première ministre.", "fr", "Wellington"),
        ("El presidente recibió el martes en Kampala al jefe de Estado.", "es", "Kampala"),
    ],
)
def test_a_host_receiving_is_no_guest(text: str, lang: str, place: str, extractor: Extractor) -> None:
    # the active voice: the subject receives at home
    assert not _rules(text, lang, extractor)[place].startswith("the place where the subject is received")


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        (
            "The president's train left Pyongyang on Monday. Crowds lined the platform in Tumen on Tuesday.",
            "en",
            "Tumen",
        ),
        (
            "Le train du président a quitté Pyongyang lundi. Mardi, la foule attendait sur le quai à Tumen.",
            "fr",
            "Tumen",
        ),
    ],
)
def test_a_platform_or_border_where_the_trip_passes(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert _rules(text, lang, extractor)[place] == "a place the sentence is at, the trip told just before"


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        (
            "The president's train left Pyongyang on Monday. The embassy in Tumen issued a statement "
            "on Tuesday.",
            "en",
            "Tumen",
        ),
        (
            "Le train du président a quitté Pyongyang lundi. Mardi, l'ambassade à Tumen a publié un "
            "communiqué.",
            "fr",
            "Tumen",
        ),
    ],
)
def test_another_noun_keeps_the_place_its_own(text: str, lang: str, place: str, extractor: Extractor) -> None:
    # an embassy in a town is where the embassy is, not a stop on the way
    assert _rules(text, lang, extractor)[place] != "a place the sentence is at, the trip told just before"


@pytest.mark.parametrize(
    ("text", "lang", "span", "name"),
    [
        (
            "Having flown in from Canberra overnight, he landed in Wellington.",
            "en",
            "Canberra overnight",
            "Canberra",
        ),
        ("Llegado de Quito anoche, aterrizó en Lima.", "es", "Quito anoche", "Quito"),
    ],
)
def test_a_recognised_span_is_cut_after_its_last_capitalised_word(
    text: str, lang: str, span: str, name: str, extractor: Extractor
) -> None:
    doc = extractor.analyse(Article(text=text, published=THURSDAY, language=lang))
    start = text.index(span)
    p = Mention(start, start + len(span), span, span, True)
    cut = trimmed(p, text, doc.ctx)
    assert cut.text == name and cut.record is not None
    whole = Mention(start, start + len(name), name, name, True)
    assert trimmed(whole, text, doc.ctx) is whole  # a name that ends on a capital is kept


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Le président français a visité Accra, Lomé et Cotonou avant de rentrer à Paris dimanche.", "fr"),
        (
            "Il presidente francese ha visitato Accra, Lomé e Cotonou prima di rientrare a Parigi domenica.",
            "it",
        ),
    ],
)
def test_the_last_place_of_a_list_is_a_place(text: str, lang: str, extractor: Extractor) -> None:
    doc = extractor.analyse(Article(text=text, published=THURSDAY, language=lang))
    assert "Cotonou" in {p.text for s in doc.sentences for p in s.places}
