"""A landmark's name that a recogniser cut short: the place is read with the capitalised words
after it when, with them, the gazetteer knows a landmark by that name.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Article, Extractor
from itinerary.extract.document import Mention
from itinerary.extract.steps.places import landmark_run

TUESDAY = dt.date(2026, 3, 10)


def test_an_airport_cut_short_by_the_recogniser_is_the_airport(extractor: Extractor) -> None:
    # the French recogniser reads "aéroport Léopold" as a place and "Sédar Senghor" as a person:
    # alone, "Léopold" is a town in Australia
    text = "Le président a été accueilli mardi à l’aéroport Léopold Sédar Senghor par Macky Sall."
    doc = extractor.analyse(Article(text=text, published=TUESDAY, language="fr"))
    found = [c.place.record for c in doc.candidates if c.place.record is not None]
    assert found
    assert {(r.country_code, r.kind) for r in found} == {("SN", "airport")}


@pytest.mark.parametrize(
    ("text", "lang", "cut", "country"),
    [
        (
            "O presidente foi recebido no aeroporto Léopold Sédar Senghor por Macky Sall.",
            "pt",
            "aeroporto Léopold",
            "SN",
        ),
        (
            "El presidente fue recibido en el aeropuerto Léopold Sédar Senghor por Macky Sall.",
            "es",
            "aeropuerto Léopold",
            "SN",
        ),
        (
            "Der Präsident landete am Flughafen Léopold Sédar Senghor in Dakar.",
            "de",
            "Flughafen Léopold",
            "SN",
        ),
    ],
)
def test_a_place_read_with_the_capitalised_words_after_it(
    text: str, lang: str, cut: str, country: str, extractor: Extractor
) -> None:
    # the mention as a recogniser may cut it; with the words after it, the gazetteer's landmark
    doc = extractor.analyse(Article(text=text, published=TUESDAY, language=lang))
    sent = doc.sentences[0].span
    start = sent.text.index(cut)
    p = Mention(start, start + len(cut), cut, cut, True)
    landmark_run(p, sent, doc.ctx)
    assert p.record is not None
    assert (p.record.country_code, p.record.is_landmark) == (country, True)
    assert p.text.endswith("Senghor")


def test_a_place_followed_by_a_persons_name_keeps_its_reading(extractor: Extractor) -> None:
    # no landmark is named by the place and the words after it: the mention stays as it was
    text = "En Dakar Macky Sall recibió al presidente."
    doc = extractor.analyse(Article(text=text, published=TUESDAY, language="es"))
    sent = doc.sentences[0].span
    p = Mention(3, 8, "Dakar", "Dakar", True)
    landmark_run(p, sent, doc.ctx)
    assert (p.text, p.record) == ("Dakar", None)
