"""What a language pack is: its words (data, a :class:`~itinerary.extract.lexicon.Lexicon`) and
its morphology (hooks with typed defaults, overridden where the language needs them).

A pack is one module ``lang/<code>.py`` defining one subclass of :class:`Language`; the registry
(:mod:`itinerary.extract.lang`) finds it by its ``code``. A hook the pack does not override keeps
the default below, so a misspelt override is an error mypy reports (it overrides nothing and is
never called), not a silent fall-back.
"""

from __future__ import annotations

import json
import re
from functools import cached_property
from importlib import resources
from typing import ClassVar

from itinerary.extract.lexicon import Lexicon


class Language:
    """One language the extractor reads."""

    #: ISO 639-1 code ("fr")
    code: ClassVar[str]
    #: the language's name in English ("French"), for messages and ``--explain``
    name: ClassVar[str]
    #: the pack's words
    words: ClassVar[Lexicon]
    #: the groups of words the language has none of by nature (German has no elisions, Russian no
    #: articles): every other field of ``words`` must be filled (checked by the pack tests)
    lacks: ClassVar[frozenset[str]] = frozenset()
    #: words that follow a place in the name of an outlet ("Miami Herald", "Jakarta Post"): English
    #: names, quoted as they are in articles of every language
    outlet_names: ClassVar[tuple[str, ...]] = (
        "News", "Globe", "Times", "Post", "Herald", "Tribune", "Today", "TV", "Radio",
    )  # fmt: skip

    # ---------------------------------------------------------------- hooks (defaults)
    def variants(self, surface: str) -> list[str]:
        """Dictionary forms of an inflected place name ("в Пекине" -> "Пекин"), tried against the
        gazetteer after the surface form. Default: none."""
        return []

    def tense(self, words: list[str]) -> str | None:
        """ "past", "present" or "future" for the words of a clause, for languages the tagger does
        not read. Default: cannot tell."""
        return None

    def prospective(self, words: list[str]) -> bool:
        """True when the words of a clause hold a verb of what would be or is about to be that the
        pack's future endings miss, for languages the tagger does not read: the conditional
        ("würde reisen", "viajaría", "si recherebbe", "поехал бы"; not the conditional perfect of an
        unreal past: "sarebbe stato", "habría viajado") and the periphrastic future ("va a viajar",
        "sta per partire", "собирается поехать"). Default: cannot tell."""
        return False

    def past_participle(self, word: str) -> bool:
        """True when ``word`` (lower case) has the form of a past participle ("arrivato",
        "llegado", "chegado", "прибывший"), for languages the tagger does not read: with a verb of
        arrival it tells an arrival done, also without an auxiliary. Default: cannot tell."""
        return False

    def is_genitive(self, surface: str) -> bool:
        """True when ``surface`` is in the genitive case ("Бразилии"). Default: no case."""
        return False

    def misread_conditional(self, word: str) -> bool:
        """True when the tagger tags this verb form as a past imperfect although it is a
        conditional or future (the small French model on "-rait"). Default: never."""
        return False

    # ---------------------------------------------------------------- patterns built once
    @cached_property
    def outlet_after(self) -> re.Pattern[str] | None:
        """The name of an outlet right after a place (" Times", " Herald"), if the pack names any."""
        names = "|".join(re.escape(n) for n in self.outlet_names)
        return re.compile(rf"\s+(?:{names})\b") if names else None

    @cached_property
    def person_link(self) -> re.Pattern[str]:
        """What may stand between a travel noun and the person it names ("la visite du pape")."""
        links = "|".join(re.escape(w) for w in sorted(self.words.person_links, key=len, reverse=True))
        return re.compile(rf"\s*(?:(?:{links})\s+)*(?:\w+\s+)?" if links else r"\s*(?:\w+\s+)?")

    # ---------------------------------------------------------------- lemmas
    @cached_property
    def forms(self) -> dict[str, str]:
        """Inflected form -> dictionary form, from ``<code>_forms.json`` beside the pack (built from
        simplemma by ``scripts/build_lemma_forms.py``); empty where the pack ships none."""
        ref = resources.files("itinerary.extract.lang").joinpath(f"{self.code}_forms.json")
        if not ref.is_file():
            return {}
        data = json.loads(ref.read_text(encoding="utf-8"))
        return {str(k): str(v) for k, v in data["forms"].items()}

    def lemma(self, word: str) -> str:
        """The dictionary form of ``word`` (lower case) where the table of forms knows it, else the
        word itself, lower-cased ("reist" -> "reisen")."""
        low = word.lower()
        return self.forms.get(low, low)
