"""A text without a ``# title:`` header is named by its headline, never a dateline or a body sentence."""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor, extract
from itinerary.extract.text import headline
from itinerary.extract.tuning import TUNING


@pytest.mark.fast
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Macron arrive à Berlin pour une visite d'État\n\nLe président est arrivé dimanche.",
            "Macron arrive à Berlin pour une visite d'État",
        ),
        ("Путин прилетел в Пекин\n\nПрезидент России прибыл в столицу Китая.", "Путин прилетел в Пекин"),
        ("  Scholz reist nach Kenia  \n \nDer Kanzler fliegt am Mittwoch.", "Scholz reist nach Kenia"),
        ("¿Viajará Sánchez a Rabat?\n\nEl presidente no lo confirmó.", "¿Viajará Sánchez a Rabat?"),
        # a first paragraph ended like a sentence of the body
        ("Lula chegou a Lisboa na sexta-feira.\n\nO presidente foi recebido.", None),
        # a dateline opening the body
        ("NAIROBI (Reuters) - Scholz landed on Sunday\n\nHe met Ruto.", None),
        # one paragraph only, or a first paragraph of several lines
        ("Il presidente è arrivato a Roma lunedì e ha incontrato il papa", None),
        ("Biden lands in Hanoi\nafter the G20\n\nThe president arrived.", None),
        ("x" * (TUNING.headline_max_chars + 1) + "\n\nBody.", None),
    ],
)
def test_headline(text: str, expected: str | None) -> None:
    assert headline(text, TUNING.headline_max_chars) == expected


@pytest.mark.data
def test_the_draft_and_its_source_are_named_by_the_headline(extractor: Extractor) -> None:
    body = "Scholz to visit Nairobi\n\nChancellor Olaf Scholz will travel to Nairobi on Thursday."
    draft = extract(body, published=dt.date(2023, 5, 1), source_id="file-name", extractor=extractor)
    assert draft.title == "Draft: Scholz to visit Nairobi"
    assert [s.title for s in draft.sources] == ["Scholz to visit Nairobi"]
    named = extract(body, published=dt.date(2023, 5, 1), title="Given", source_id="f", extractor=extractor)
    assert named.title == "Draft: Given"  # a title given wins
    bare = extract(body.split("\n\n")[1], published=dt.date(2023, 5, 1), source_id="f", extractor=extractor)
    assert bare.title == "Draft itinerary from f"
