"""The ``no_trip_lede`` feature: the headline and lede of the article tell no trip (the travel rules
find no stop in them), whatever the article opens on (sanctions, an election, a speech, a call).

News tells a trip in its headline and lede; a trip first told deep in the body of an article that
opened on something else is background (an earlier visit recalled, a trip of another time), so
every candidate of such an article carries the feature for the stop model to weigh. Sentences
written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Extractor
from tests.extract.support import candidates_by_place

pytestmark = pytest.mark.data

DAY = dt.date(2026, 3, 10)

#: (language, article, its place told as a trip deep in the body, whether the lede tells no trip)
CASES = [
    (
        "en",
        "EU adopts new sanctions against Russia\n\nBRUSSELS (AP) - The European Union on Tuesday adopted "
        "new sanctions against Russian banks. Hungary lifted its veto after weeks of talks. The measures "
        "take effect on Wednesday. Ursula von der Leyen had visited Kyiv in February.",
        "Kyiv",
        True,
    ),
    (
        "en",
        "Merz in Ankara for talks on Syria\n\nBERLIN (dpa) - Chancellor Friedrich Merz arrived in Ankara on "
        "Monday for talks with President Erdoğan. The two leaders discussed refugees. Merz flew on to "
        "Istanbul on Tuesday.",
        "Istanbul",
        False,
    ),
    (
        "de",
        "EU beschließt neue Sanktionen gegen Russland\n\nBRÜSSEL (dpa) - Die Europäische Union hat am "
        "Dienstag neue Sanktionen gegen russische Banken beschlossen. Ungarn gab seinen Widerstand auf. "
        "Die Maßnahmen gelten ab Mittwoch. Ursula von der Leyen war im Februar nach Kiew gereist.",
        "Kiew",
        True,
    ),
    (
        "de",
        "Merz in Ankara\n\nBERLIN (dpa) - Bundeskanzler Friedrich Merz ist am Montag in Ankara eingetroffen. "
        "Die beiden Politiker sprachen über Flüchtlinge. Am Dienstag reiste Merz nach Istanbul weiter.",
        "Istanbul",
        False,
    ),
    (
        "fr",
        "L'UE adopte de nouvelles sanctions contre la Russie\n\nBRUXELLES (AFP) - L'Union européenne a "
        "adopté mardi de nouvelles sanctions contre des banques russes. La Hongrie a levé son veto. Les "
        "mesures entrent en vigueur mercredi. Ursula von der Leyen s'était rendue à Kiev en février.",
        "Kiev",
        True,
    ),
    (
        "fr",
        "Merz à Ankara\n\nBERLIN (AFP) - Le chancelier Friedrich Merz est arrivé lundi à Ankara pour des "
        "entretiens avec le président Erdoğan. Les deux dirigeants ont parlé des réfugiés. Merz s'est "
        "ensuite rendu mardi à Istanbul.",
        "Istanbul",
        False,
    ),
]


@pytest.mark.parametrize(("lang", "text", "place", "want"), CASES, ids=[f"{c[0]}-{c[3]}" for c in CASES])
def test_no_trip_lede(lang: str, text: str, place: str, want: bool, extractor: Extractor) -> None:
    d = candidates_by_place(text, lang, extractor, DAY)[place]
    assert d.rule, f"{place} should be a rule stop for this test to mean anything"
    assert d.features.get("no_trip_lede") == float(want)
