"""Language packs: one module per language, named by its ISO 639-1 code.

A pack defines one subclass of :class:`~itinerary.extract.lang.base.Language`: its words as a
:class:`~itinerary.extract.lexicon.Lexicon` (travel, tense and cancellation words, prepositions,
month and weekday names, relative days, titles, elisions, list joiners ...) and, where the
language needs them, its morphology hooks (``variants``, ``tense``, ``is_genitive``, ...; the base
class gives each a typed default). A pack that lists ``travel_lemmas`` ships
``<code>_forms.json`` beside it (inflected forms from simplemma, by
``scripts/build_lemma_forms.py``).

Adding a language is adding ``xx.py`` here and its case file ``tests/extract/cases/xx.yaml``: the
extractor finds it, the language detector's answer is accepted for it, every ``--lang`` choice
lists it, and the pack tests check that it fills every group of words. A language without a pack
is refused with the list of the supported ones.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from itinerary.errors import ExtractionError
from itinerary.extract.lang.base import Language
from itinerary.extract.lexicon import Lexicon


@cache
def supported() -> tuple[str, ...]:
    """The codes of the languages that have a pack, sorted."""
    return tuple(sorted(m.name for m in pkgutil.iter_modules(__path__) if len(m.name) == 2))


@cache
def language(code: str) -> Language:
    """The pack of language ``code`` (refused, with the supported ones, when there is none)."""
    if code not in supported():
        raise ExtractionError(
            f"no extraction support for language {code!r}; supported languages: {', '.join(supported())}"
        )
    module = importlib.import_module(f"{__name__}.{code}")
    found = [
        v
        for v in vars(module).values()
        if isinstance(v, type)
        and issubclass(v, Language)
        and v is not Language
        and v.__module__ == module.__name__
    ]
    if len(found) != 1 or found[0].code != code:
        raise ExtractionError(
            f"language pack {code!r}: define exactly one Language subclass with code {code!r}"
        )
    return found[0]()


def lexicon(code: str) -> Lexicon:
    """The words of language ``code``."""
    return language(code).words


def variants(code: str, surface: str) -> list[str]:
    """``surface`` and the dictionary forms the pack's morphology gives for it."""
    out = [surface, *language(code).variants(surface)]
    return list(dict.fromkeys(v for v in out if v))


def tense(code: str, words: list[str]) -> str | None:
    """ "past", "present" or "future" for the words of a clause (None when the pack cannot tell)."""
    found = language(code).tense(words)
    return str(found) if found else None


def is_genitive(code: str, surface: str) -> bool:
    """True when the pack's morphology reads ``surface`` as a genitive."""
    return language(code).is_genitive(surface)


def lemma(code: str, word: str) -> str:
    """The dictionary form of ``word`` (lower case) where the pack's table of forms knows it."""
    return language(code).lemma(word)
