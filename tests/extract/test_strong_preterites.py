"""The past of a strong verb with an inseparable prefix is a past.

A fact of German, checked on sentences written for the suite: a strong verb's preterite takes no
"-te" ending ("ließ", "flog", "trat"), and with an inseparable prefix it is a word of its own
("verließ", "betrat", "erschien"). Read as a present, a weekday beside it would point forward
("verließ Moskau am Montag" dated the next Monday and planned). English, whose irregular pasts
the tagger reads, is the guard.
"""

from __future__ import annotations

import pytest

from itinerary.extract import Extractor
from itinerary.model import Status
from tests.extract.support import wednesday_stops

pytestmark = pytest.mark.data


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("de", "Präsident Putin verließ Moskau am Montag.", "Moskau"),
        ("de", "Die Ministerin verließ am Montag Brüssel.", "Brüssel"),
        ("de", "Am Montag verließen die Minister Brüssel.", "Brüssel"),
        ("en", "President Putin left Moscow on Monday.", "Moscow"),
    ],
)
def test_a_strong_preterite_with_a_prefix_dates_back(
    lang: str, text: str, place: str, extractor: Extractor
) -> None:
    stops = wednesday_stops(text, lang, extractor)
    assert stops[place] == (Status.CONFIRMED, "2026-03-09"), stops
