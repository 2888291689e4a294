"""How the packs' phrases are found in a text: a phrase of several words is found only as words of
its own, ending where a word ends ("я в" is not in "я вчера"), unless the pack declares its last
word a stem (:class:`~itinerary.extract.lexicon.Stem`: "se desplaz" in "se desplazará"); and the
words of the packs that mean two things are read as the one the sentence means (the sea, not
March; a motorcade, not a train; "on the way", not "by road").

Every sentence here is written for these tests.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from types import SimpleNamespace
from typing import cast

import pytest

from itinerary.extract.completion import _told_by_arrival
from itinerary.extract.dates import DateFinder
from itinerary.extract.document import Context
from itinerary.extract.lang import language, lexicon, supported
from itinerary.extract.lexicon import Lexicon, Stem, phrase_at, phrase_in, phrase_positions
from itinerary.extract.steps.roles import travel_mode
from itinerary.extract.tuning import TUNING
from itinerary.model import Mode, Status, Stop

JUNE = dt.date(2026, 6, 10)


def _ctx(lang: str) -> Context:
    """What :func:`travel_mode` reads of a context: the pack's words and the tuning."""
    return cast(Context, SimpleNamespace(lx=lexicon(lang), tuning=TUNING, language=language(lang)))


# --- a phrase ends where a word ends


@pytest.mark.parametrize(
    ("lang", "text", "field"),
    [
        ("ru", "я вчера вернулся домой и долго спал", "travel"),  # "я в"
        ("ru", "мы были вполне довольны итогами", "travel"),  # "мы были в"
        ("es", "estoy encantado de hablar con ustedes", "travel"),  # "estoy en"
        ("es", "el ministro estuvo enfermo toda la semana", "travel"),  # "estuvo en"
        ("en", "i am interested in what they say", "travel"),  # "i am in"
        ("en", "the decision was inevitable, he said", "travel"),  # "was in"
        ("it", "la visita è stata annullata all'ultimo momento", "travel"),  # "è stata a"
        ("pt", "o ministro estava naturalmente cansado", "travel"),  # "estava na"
        ("de", "ich war insgeheim froh darüber", "travel"),  # "ich war in"
    ],
)
def test_a_phrase_is_not_found_at_the_start_of_a_longer_word(lang: str, text: str, field: str) -> None:
    phrases = getattr(lexicon(lang), field)
    assert phrase_at(text, phrases) is None
    assert phrase_in(text, phrases) is None
    assert phrase_positions(text, phrases) == []


@pytest.mark.parametrize(
    ("lang", "text", "found"),
    [
        ("ru", "я в москве уже третий день", "я в"),
        ("es", "estoy en lima desde el lunes", "estoy en"),
        ("en", "i am in kyiv today", "i am in"),
        ("it", "la presidente è stata a roma", "è stata a"),
    ],
)
def test_a_phrase_is_found_as_words_of_its_own(lang: str, text: str, found: str) -> None:
    assert phrase_in(text, lexicon(lang).travel) == found
    assert text.index(found) in phrase_positions(text, lexicon(lang).travel)


@pytest.mark.parametrize(
    ("lang", "field", "text", "found"),
    [
        ("es", "travel", "el rey se desplazará a sevilla", "se desplaz"),
        ("es", "travel", "el presidente se dirigió a quito", "se dirig"),
        ("fr", "speech", "le porte-parole a annoncé la visite", "a annonc"),
        ("fr", "travel", "la navette s'est posée à nairobi", "s'est posé"),
        ("it", "travel", "il ministro si sposterà a napoli", "si spost"),
    ],
)
def test_a_declared_stem_goes_on_into_its_word(lang: str, field: str, text: str, found: str) -> None:
    phrases = getattr(lexicon(lang), field)
    assert phrase_in(text, phrases) == found
    assert isinstance(next(p for p in phrases if p == found), Stem)


@pytest.mark.parametrize(
    ("quote", "arrived"),
    [
        ("Der Kanzler bekommt anschließend in Bonn einen Preis.", False),  # not "kommt an"
        ("Das betrifft eine Sitzung in Bonn am Montag.", False),  # not "trifft ein"
        ("Der Kanzler kommt am Abend in Bonn an.", True),
        ("Der Kanzler trifft am Abend in Bonn ein.", True),
    ],
)
def test_a_separable_arrival_is_found_as_words_of_its_own(quote: str, arrived: bool) -> None:
    leg = Stop(status=Status.CONFIRMED, place="Bonn", quote=quote)
    assert _told_by_arrival(leg, lexicon("de"), TUNING) is arrived


def test_a_phrase_that_ends_with_an_apostrophe_runs_into_the_next_word() -> None:
    # "direction d'" before "Alger": the elided preposition is written onto the name
    assert phrase_at("en direction d'alger", ("direction d'",)) == "direction d'"


def _phrases(lx: Lexicon) -> list[tuple[str, str]]:
    """Every entry of several words of a pack, with its field (the modes' entries too)."""
    out: list[tuple[str, str]] = []
    for f in dataclasses.fields(lx):
        value = getattr(lx, f.name)
        groups = list(value.values()) if f.name == "modes" else [value]
        for g in groups:
            if isinstance(g, tuple | frozenset):
                out += [(f.name, p) for p in g if isinstance(p, str) and " " in p]
    return out


def _own_words(lx: Lexicon) -> set[str]:
    """The single words a pack lists itself (prepositions, determiners, numbers, times ...)."""
    words: set[str] = set()
    for f in dataclasses.fields(lx):
        value = getattr(lx, f.name)
        if isinstance(value, tuple | frozenset | dict):
            words |= {w.removesuffix("=") for w in value if isinstance(w, str) and " " not in w}
        if f.name == "modes":
            words |= {w.removesuffix("=") for g in value.values() for w in g if " " not in w}
    return words


#: words no dictionary of the language's lemmatiser knows but that are whole words
WHOLE_WORDS = {"it": {"alloro"}}


@pytest.mark.parametrize("lang", supported())
def test_every_phrase_of_a_pack_is_a_stem_or_ends_in_a_whole_word(lang: str) -> None:
    """Every phrase of several words is classified: a :class:`Stem`, or a phrase whose last word
    is a whole word of the language (known to the lemmatiser's dictionary or listed by the pack
    itself), or one that ends with punctuation ("direction d'")."""
    simplemma = pytest.importorskip("simplemma")
    lx = lexicon(lang)
    own = _own_words(lx) | WHOLE_WORDS.get(lang, set())
    unclassified = []
    for field, p in _phrases(lx):
        if isinstance(p, Stem) or not p[-1:].isalnum():
            continue
        last = p.replace("’", "'").split()[-1].split("'")[-1].split("-")[-1]
        if not (last in own or simplemma.is_known(last, lang=lang)):
            unclassified.append((field, p))
    assert not unclassified, f"declare these a Stem or make them end in a whole word: {unclassified}"


@pytest.mark.parametrize("lang", supported())
def test_a_stem_is_a_phrase_of_several_words(lang: str) -> None:
    """A single word is a stem already (``starts``): declaring one a Stem would say nothing."""
    lx = lexicon(lang)
    for f in dataclasses.fields(lx):
        value = getattr(lx, f.name)
        groups = list(value.values()) if f.name == "modes" else [value]
        for g in groups:
            if isinstance(g, tuple | frozenset):
                assert all(" " in p for p in g if isinstance(p, Stem)), f.name


# --- words of a pack that mean two things


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Las maniobras navales se hicieron en mar abierto frente a la costa."),
        ("es", "El buque salió a mar abierto con el ministro a bordo."),
        ("pt", "Os navios ficaram em mar aberto durante a visita do ministro."),
    ],
)
def test_the_sea_is_no_month(lang: str, text: str) -> None:
    hits = DateFinder(lexicon(lang)).find(text, JUNE)
    assert not [h for h in hits if "mar" in text[h.start : h.end].lower()]


def test_ten_is_no_month() -> None:
    text = "O acordo de cooperação será revisto em dez anos, disse o ministro."
    assert DateFinder(lexicon("pt")).find(text, JUNE) == []


@pytest.mark.parametrize(
    ("lang", "text", "day"),
    [
        ("es", "MADRID, 16 mar (EFE).- El rey llegó a Sevilla.", dt.date(2026, 3, 16)),
        ("pt", "Lubango, 07 mar (Lusa) — O Presidente chegou.", dt.date(2026, 3, 7)),
        ("pt", "Maputo, 5 dez (Lusa) — O Presidente chegou.", dt.date(2026, 12, 5)),
    ],
)
def test_the_wire_abbreviation_after_a_day_is_march(lang: str, text: str, day: dt.date) -> None:
    hits = DateFinder(lexicon(lang)).find(text, JUNE)
    assert any(h.span is not None and h.span.start == day for h in hits)


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        # the place before the words: "comboio" is nearer it than "carros"
        ("pt", "Em Luanda, o comboio de carros do presidente seguiu pela marginal.", "Luanda"),
        ("pt", "Em Maputo, o comboio de viaturas oficiais entrou pela avenida marginal.", "Maputo"),
        ("pt", "Em Benguela, o comboio automóvel do presidente parou junto ao porto.", "Benguela"),
    ],
)
def test_a_motorcade_is_no_train(lang: str, text: str, place: str) -> None:
    assert travel_mode(text, text.index(place), _ctx(lang)) is Mode.ROAD


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("pt", "O presidente viajou de comboio até ao Porto.", "Porto"),
    ],
)
def test_a_train_is_still_a_train(lang: str, text: str, place: str) -> None:
    assert travel_mode(text, text.index(place), _ctx(lang)) is Mode.RAIL


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("ru", "По дороге в Москву президент остановился в Твери и встретился с губернатором.", "Твери"),
        ("ru", "По дороге домой министр заехал в Тулу.", "Тулу"),
        ("it", "Per strada la folla ha salutato il presidente a Orvieto.", "Orvieto"),
    ],
)
def test_on_the_way_is_no_road(lang: str, text: str, place: str) -> None:
    assert travel_mode(text, text.index(place), _ctx(lang)) is None


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("ru", "Президент приехал в Тверь на машине.", "Тверь"),
        ("it", "Il presidente è arrivato in macchina a Orvieto.", "Orvieto"),
    ],
)
def test_a_car_is_still_the_road(lang: str, text: str, place: str) -> None:
    assert travel_mode(text, text.index(place), _ctx(lang)) is Mode.ROAD
