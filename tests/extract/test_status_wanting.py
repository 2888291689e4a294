"""A verb of wanting before a trip tells a plan, not a trip made.

Rule of language, on sentences written for the suite in every language of the project: "wanted
to travel to Warsaw", "wollte nach Warschau reisen", "voulait se rendre à Varsovie", "quería viajar
a Varsovia", "voleva recarsi a Varsavia", "queria viajar para Varsóvia", "хотел посетить Варшаву"
is an intention: planned (a wish of now, "wants to travel") or, followed by the traveller staying
elsewhere, cancelled; never a visit made. The packs take the imperfect of wanting with a verb of
going as a word of planning ("voulait se rendre", "quería viajar", "voleva recarsi", "queria
viajar"); English and Russian read it already.
"""

from __future__ import annotations

import pytest

from itinerary.extract import Extractor
from itinerary.extract.lang import tense as lang_tense
from itinerary.model import Status
from tests.extract.support import tuesday_status as _status

pytestmark = pytest.mark.data

STAYED = [
    ("The chancellor wanted to travel to Warsaw on Monday but stayed in Berlin.", "en", "Warsaw"),
    ("Der Kanzler wollte am Montag nach Warschau reisen, blieb aber in Berlin.", "de", "Warschau"),
    ("Le chancelier voulait se rendre lundi à Varsovie, mais il est resté à Berlin.", "fr", "Varsovie"),
    ("El canciller quería viajar el lunes a Varsovia, pero se quedó en Berlín.", "es", "Varsovia"),
    ("Il cancelliere voleva recarsi lunedì a Varsavia, ma è rimasto a Berlino.", "it", "Varsavia"),
    ("O chanceler queria viajar na segunda-feira para Varsóvia, mas ficou em Berlim.", "pt", "Varsóvia"),
    ("Канцлер хотел в понедельник посетить Варшаву, но остался в Берлине.", "ru", "Варшаву"),
]

WISH = [
    ("The chancellor wants to travel to Warsaw next week.", "en", "Warsaw"),
    ("Der Kanzler will nächste Woche nach Warschau reisen.", "de", "Warschau"),
    ("Le chancelier veut se rendre à Varsovie la semaine prochaine.", "fr", "Varsovie"),
    ("El canciller quiere viajar a Varsovia la próxima semana.", "es", "Varsovia"),
    ("Il cancelliere vuole recarsi a Varsavia la prossima settimana.", "it", "Varsavia"),
    ("O chanceler quer viajar para Varsóvia na próxima semana.", "pt", "Varsóvia"),
    ("Канцлер хочет посетить Варшаву на следующей неделе.", "ru", "Варшаву"),
]


@pytest.mark.parametrize(("text", "lang", "place"), STAYED, ids=["en", "de", "fr", "es", "it", "pt", "ru"])
def test_a_wish_of_the_past_undone_is_cancelled(
    text: str, lang: str, place: str, extractor: Extractor
) -> None:
    assert _status(text, lang, place, extractor) is Status.CANCELLED


@pytest.mark.parametrize(("text", "lang", "place"), WISH, ids=[c[1] for c in WISH])
def test_a_wish_of_now_is_planned(text: str, lang: str, place: str, extractor: Extractor) -> None:
    assert _status(text, lang, place, extractor) is Status.PLANNED


@pytest.mark.parametrize(
    ("lang", "word", "tense"),
    [
        ("es", "quería", "present"),  # quer-ía: the imperfect, not a conditional
        ("es", "prefería", "present"),
        ("es", "querría", "future"),  # the conditional
        ("es", "viajaría", "future"),
        ("pt", "queria", "present"),
        ("pt", "preferia", "present"),
        ("pt", "quereria", "future"),
        ("pt", "viajaria", "future"),
    ],
)
def test_an_imperfect_in_ria_is_no_conditional(lang: str, word: str, tense: str) -> None:
    """The imperfect of a verb in -er or -ir whose stem ends in "r" ("quer-ía") ends like a
    conditional ("viajar-ía"); the packs read it as what it is where no tagger reads the text."""
    assert lang_tense(lang, [word]) == tense
