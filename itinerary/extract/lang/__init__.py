"""Language packs: one module per language, named by its ISO 639-1 code.

A pack is data: ``PACK``, a :class:`~itinerary.extract.lexicon.Lexicon` (travel, tense and
cancellation words, prepositions, month and weekday names, relative days, titles). It may add
narrow hooks:

* ``variants(surface: str) -> list[str]``: dictionary forms of an inflected place name
  ("в Пекине" -> "Пекин"), tried against the gazetteer after the surface form.
* ``tense(words: list[str]) -> str | None``: the tense of a clause.
* ``genitive(surface: str) -> bool``: the name is in the genitive case ("Бразилии").

A pack that lists ``travel_lemmas`` ships ``<code>_forms.json`` beside it: the inflected forms
of those lemmas (and of the base verbs of its separable ones), taken from simplemma's
dictionary by ``scripts/build_lemma_forms.py``; reading it needs no library and no time.

Adding a language is adding ``xx.py`` here (and its test cases); the extractor finds it, the
language detector's answer is accepted for it, and ``--language xx`` works. A language without
a pack is refused with the list of the supported ones.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
from functools import cache
from importlib import resources
from types import ModuleType

from itinerary.errors import ExtractionError
from itinerary.extract.lexicon import Lexicon


@cache
def supported() -> tuple[str, ...]:
    """The codes of the languages that have a pack, sorted."""
    return tuple(sorted(m.name for m in pkgutil.iter_modules(__path__) if len(m.name) == 2))


@cache
def _module(lang: str) -> ModuleType:
    if lang not in supported():
        raise ExtractionError(
            f"no extraction support for language {lang!r}; supported languages: {', '.join(supported())}"
        )
    return importlib.import_module(f"{__name__}.{lang}")


def pack(lang: str) -> Lexicon:
    """The words of ``lang``."""
    lx = _module(lang).PACK
    assert isinstance(lx, Lexicon)
    return lx


def variants(lang: str, surface: str) -> list[str]:
    """``surface`` and the dictionary forms the pack's morphology hook gives for it."""
    hook = getattr(_module(lang), "variants", None)
    if hook is None:
        return [surface]
    out = [surface, *hook(surface)]
    return list(dict.fromkeys(v for v in out if v))


def tense(lang: str, words: list[str]) -> str | None:
    """ "past", "present" or "future" for the words of a clause, from the pack's tense hook
    (None when the pack has none or cannot tell)."""
    hook = getattr(_module(lang), "tense", None)
    found = hook(words) if hook is not None else None
    return str(found) if found else None


def is_genitive(lang: str, surface: str) -> bool:
    """True when the pack's morphology reads ``surface`` as a genitive (False without a hook)."""
    hook = getattr(_module(lang), "genitive", None)
    return bool(hook(surface)) if hook is not None else False


@cache
def _forms(lang: str) -> dict[str, str]:
    ref = resources.files(__name__).joinpath(f"{lang}_forms.json")
    if not ref.is_file():
        return {}
    data = json.loads(ref.read_text(encoding="utf-8"))
    return {str(k): str(v) for k, v in data["forms"].items()}


def lemma(lang: str, word: str) -> str:
    """The dictionary form of ``word`` (lower case) when the pack's table of forms knows it, else
    the word itself, lower-cased ("reist" -> "reisen", "eingetroffen" -> "eintreffen")."""
    low = word.lower()
    return _forms(lang).get(low, low)
