"""Verbs of flying off are travel words: the place they reach is a rule stop.

A fact of every language, checked on sentences written for the suite: "flew off to", "voló a",
"улетел в" ("flog nach" and the Italian and Portuguese forms were travel words already). French
"s'envoler" stays a departure word, which the parse walk does not read: made a travel word,
"après un déjeuner chez X, il s'est envolé pour Varsovie" gave Varsovie to X. Verbs of returning
are not made travel words: a return home is most often one the article does not assert ("when
he will return is not known"), and the development articles' truth leaves it out or optional.
"""

from __future__ import annotations

import datetime as dt

import pytest

from itinerary.extract import Article, Extractor

pytestmark = pytest.mark.data

PUBLISHED = dt.date(2026, 3, 12)  # a Thursday

CASES = [
    ("en", "After lunch with the premier, the chancellor flew off to Warsaw.", "Warsaw"),
    ("de", "Nach dem Mittagessen flog die Ministerin nach Wien.", "Wien"),
    ("es", "Tras el almuerzo, el canciller voló a Varsovia.", "Varsovia"),
    ("ru", "После обеда министр улетел в Варшаву.", "Варшаву"),
]


@pytest.mark.parametrize(("lang", "text", "place"), CASES, ids=[f"{c[0]}-{c[2]}" for c in CASES])
def test_a_verb_of_flying_off_makes_a_rule_stop(
    lang: str, text: str, place: str, extractor: Extractor
) -> None:
    doc = extractor.analyse(Article(text=text, published=PUBLISHED, language=lang))
    found = [c for c in doc.candidates if c.place.text == place]
    assert found, [c.place.text for c in doc.candidates]
    assert found[0].features.get("rule") == 1.0, found[0].reason
