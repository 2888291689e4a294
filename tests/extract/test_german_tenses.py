"""German without a tagger: the pack's tense hook. A weak preterite in -te is a past whoever its
subject is ("Er reiste", "Der Kanzler reiste", "Die Ministerin besuchte"); an adjective in -te
follows a determiner ("die geplante Reise"); the subjunctive of the modals ("möchte", "könnte")
tells a wish or a possibility, no past.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from itinerary.extract.lang import language

pytestmark = pytest.mark.fast


@pytest.mark.parametrize(
    ("text", "tense"),
    [
        ("Er reiste am Montag nach Kairo", "past"),
        ("Der Kanzler reiste am Montag nach Kairo", "past"),
        ("Der Minister besuchte am Montag Kairo", "past"),
        ("Sie reisten gemeinsam nach Kairo", "past"),
        ("Die Ministerin besuchte Kairo", "past"),
        ("Die geplante Reise nach Kairo", "present"),
        ("Er sprach über die erwartete Reise", "past"),
        ("Sie möchte im April nach Rabat reisen", "present"),
        ("Der Kanzler könnte im April nach Rabat reisen", "present"),
        ("Am Mittwoch reist er nach Seoul weiter", "present"),
    ],
)
def test_german_tense_hook(text: str, tense: str) -> None:
    assert language("de").tense(text.split()) == tense


def test_the_subjunctive_of_a_modal_is_a_prospect() -> None:
    assert language("de").prospective("Sie möchte im April nach Rabat reisen".split())
    assert language("de").prospective("Der Kanzler könnte im April nach Rabat reisen".split())
    assert not language("de").prospective("Sie reiste im April nach Rabat".split())
