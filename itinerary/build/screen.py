"""The screen: a cheap first pass that sends articles with no chance of a trip to "no trip"
before the extractor parses them.

The extractor's travel rules find a stop only where one of its language pack's travel words
and a place the gazetteer knows stand in the same sentence, and a sentence never spans two
paragraphs (lines). So an article none of whose paragraphs holds both gives no rule stop. (Its
stop model may still keep a place on other evidence, a preposition and a large city named twice;
with no travel word anywhere near, that is a false positive: "Volunteers ... clean up the banks
of the Kanawha River in Charleston".) The screen reads, per language (the article's own, else
the detector's, as the extractor does):

- the pack's travel words, read from the extractor's language registry (travel, arrival and
  departure words, visit verbs, directions, stop nouns, meeting verbs, every inflected form of its
  travel lemmas and the compounds ending in its travel nouns), matched as the extractor matches
  them (a word's beginning, a whole word for entries ending in ``=``, a phrase anywhere) but on
  plain words, so it finds at least what the extractor finds;
- then, in the paragraphs that hold one, a run of capitalised words (or one of the pack's
  dictionary forms of it) that names any place of the gazetteer.

It runs in two passes. The first (:meth:`Screen.first_pass`, in the process that reads the
corpus) needs no detector: an article that states its language (``--lang``, its header or
field) is read with that pack; one that does not, with the pack of the language its function
words show beyond doubt (:func:`guess_language`, about 50 microseconds: the detector takes 2 ms),
else with the words of every pack (a superset of its own). The second (:meth:`Screen.second_pass`,
on the worker, for an article the first could not place and did not drop) runs the language
detector the extractor would run anyway and reads the article with that language's pack; the
extractor then takes the language found. An article placed by its function words reaches the
extractor without a language, as it came: the extractor detects it as it always does.

The screen never decides on what it cannot read: an article in a language without a pack, or
whose language the detector cannot tell, goes to the extractor (which says why it fails).
"""

from __future__ import annotations

import dataclasses
import importlib.util
import re
import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from itinerary.errors import ItineraryError
from itinerary.extract import Article, detect_language, supported_languages
from itinerary.extract.article import clean_text
from itinerary.extract.lang import language as language_pack
from itinerary.extract.lang import variants

SCREENED = "screened"  # the manifest's reason for an article the screen sent to "no trip"
MAX_NAME_WORDS = 5  # the longest run of capitalised words tried as a place name
MEMO_SIZE = 200_000  # gazetteer answers kept per process (names recur from article to article)
_PARAGRAPHS = re.compile(r"\n+")
_WORD = re.compile(r"[^\W\d_]+")
_NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_GUESS_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")  # a word, with an apostrophe inside ("don't")
_LOCK = threading.Lock()
GUESS_CHARS = 1000  # the beginning of the article read for its function words
GUESS_HITS = 8  # function words of one language needed to name it ...
GUESS_MARGIN = 3  # ... and how many times more than those of the next language


@dataclass(frozen=True)
class Cues:
    """Travel words, compiled for a scan of plain lower-case text."""

    prefixes: dict[int, frozenset[str]]  # word beginnings, by length
    words: frozenset[str]  # whole words: entries ending in "=", inflected forms of travel lemmas
    phrases: tuple[str, ...]  # entries of several words or with an apostrophe: found anywhere
    heads: tuple[str, ...]  # travel nouns that end a compound

    def found_in(self, lowered: str) -> bool:
        """True when ``lowered`` (lower-case text) holds one of the travel words."""
        if any(p in lowered for p in self.phrases):
            return True
        for word in set(_WORD.findall(lowered)):
            if word in self.words or (self.heads and word.endswith(self.heads)):
                return True
            for n, starts in self.prefixes.items():
                if word[:n] in starts:
                    return True
        return False


def _compile(codes: Iterable[str]) -> Cues:
    """The travel words of the packs of ``codes``, as the extractor reads them: a word's
    beginning, a whole word (entries ending in ``=``), a phrase anywhere (entries of several
    words, or not made of letters alone, such as "'ll"), an inflected form of a travel lemma
    (with a separable particle: "reist ... weiter" is weiterreisen), a compound's end."""
    prefixes: dict[int, set[str]] = {}
    words: set[str] = set()
    phrases: set[str] = set()
    heads: set[str] = set()
    for code in codes:
        pack = language_pack(code)
        lx = pack.words
        for group in (lx.travel, lx.arrival, lx.departure, lx.visit_verbs, lx.toward, lx.stop_nouns, lx.meet):
            for entry in group:
                word = entry.lower().rstrip("=")
                if not word.strip():
                    continue
                if not word.isalpha():
                    phrases.add(word)
                elif entry.endswith("="):
                    words.add(word)
                else:
                    prefixes.setdefault(len(word), set()).add(word)
        if lx.travel_lemmas:
            stems = set(lx.travel_lemmas)
            for lemma in lx.travel_lemmas:
                stems.update(lemma[len(p) :] for p in lx.particles if lemma.startswith(p) and lemma != p)
            words.update(stems)
            words.update(form for form, lemma in pack.forms.items() if lemma in stems)
            heads.update(h.lower() for h in lx.compound_heads)
    by_length = {n: frozenset(v) for n, v in sorted(prefixes.items())}
    return Cues(by_length, frozenset(words), tuple(sorted(phrases)), tuple(sorted(heads)))


@cache
def cues(code: str | None = None) -> Cues:
    """The compiled travel words of language ``code``, or of every pack (``None``); read from the
    packs once per process."""
    return _compile(supported_languages() if code is None else (code,))


@cache
def function_words() -> dict[str, str]:
    """The function words that belong to one language only, each with its language: the stop-word
    lists spaCy ships for every language it has one for (read from their files, which hold the list
    alone: importing a language of spaCy loads far more, for French a tokenizer expression of 1.4
    million characters). Empty without spaCy (the detector then decides)."""
    spec = importlib.util.find_spec("spacy")
    if spec is None or spec.origin is None:
        return {}
    owners: dict[str, set[str]] = {}
    for path in sorted((Path(spec.origin).parent / "lang").glob("*/stop_words.py")):
        module_spec = importlib.util.spec_from_file_location(
            f"_itinerary_stop_words_{path.parent.name}", path
        )
        if module_spec is None or module_spec.loader is None:
            continue
        module = importlib.util.module_from_spec(module_spec)
        module_spec.loader.exec_module(module)
        for word in getattr(module, "STOP_WORDS", ()):
            owners.setdefault(str(word).lower(), set()).add(path.parent.name)
    return {word: next(iter(codes)) for word, codes in owners.items() if len(codes) == 1}


def guess_language(text: str) -> str | None:
    """The language of ``text`` when the function words of its first ``GUESS_CHARS`` characters
    leave no doubt: at least ``GUESS_HITS`` words that belong to that language alone, ``GUESS_MARGIN``
    times as many as those of any other language spaCy lists, and a language with a pack. None
    otherwise (a short text, a language without a pack, a mixed text): the detector decides."""
    owners = function_words()
    hits = Counter(owners[w] for w in _GUESS_WORD.findall(text[:GUESS_CHARS].lower()) if w in owners)
    ranked = hits.most_common(2)
    if not ranked:
        return None
    code, n = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    sure = n >= GUESS_HITS and n >= GUESS_MARGIN * runner_up
    return code if sure and code in supported_languages() else None


class Screen:
    """Decides, in about a millisecond, whether an article can give a trip at all."""

    def __init__(self, gazetteer: Any = None) -> None:
        self._gazetteer = gazetteer
        self._known: dict[tuple[str, str], bool] = {}  # (language, surface) -> names a place

    @property
    def gazetteer(self) -> Any:
        if self._gazetteer is None:
            from itinerary.geocode.gazetteer import Gazetteer  # deferred: the index loads here

            with _LOCK:
                self._gazetteer = Gazetteer.default()
        return self._gazetteer

    def passes(self, article: Article) -> tuple[bool, Article]:
        """Whether ``article`` may hold a trip, and the article to extract: both passes."""
        if not self.first_pass(article):
            return False, article
        return self.second_pass(article) if self.needs_second_pass(article) else (True, article)

    def first_pass(self, article: Article) -> bool:
        """False when ``article`` cannot hold a trip, read without the detector: with the pack of
        its stated language, else of the language its function words show beyond doubt, else
        with the words of every pack (a superset of what its language has). An article in a
        language without a pack passes (the extractor says why it fails)."""
        text = clean_text(article.text)
        if article.language:
            code = article.language.lower()[:2]
            return code not in supported_languages() or self.may_hold_trip(text, code)
        return self.may_hold_trip(text, guess_language(text))

    def needs_second_pass(self, article: Article) -> bool:
        """True when the first pass read ``article`` with the words of every pack (no language
        stated, none beyond doubt from its function words): the detector then decides."""
        return not article.language and guess_language(clean_text(article.text)) is None

    def second_pass(self, article: Article) -> tuple[bool, Article]:
        """For an article that passed :meth:`first_pass` and :meth:`needs_second_pass`: its language
        found by the detector, as the extractor finds it, and the article read with that pack.
        The article returned has the language set, so the extractor does not detect it again."""
        text = clean_text(article.text)
        try:
            code = detect_language(text)
        except ItineraryError:  # no words, no detector: the extractor meets it and says so
            return True, article
        if code not in supported_languages():
            return True, article
        return self.may_hold_trip(text, code), dataclasses.replace(article, language=code)

    def may_hold_trip(self, text: str, code: str | None) -> bool:
        """True when a paragraph of ``text`` holds a travel word of language ``code`` (of any
        language: ``None``) and a place name the gazetteer knows (read with the pack's
        dictionary forms, or every pack's)."""
        words = cues(code)
        for paragraph in _PARAGRAPHS.split(text):
            if words.found_in(paragraph.lower()) and self.names_a_place(paragraph, code):
                return True
        return False

    def names_a_place(self, paragraph: str, code: str | None) -> bool:
        """True when a run of at most ``MAX_NAME_WORDS`` capitalised words of ``paragraph`` (or one
        of the pack's dictionary forms of it) is a name in the gazetteer."""
        g = self.gazetteer
        for run in _capitalised_runs(paragraph):
            for i in range(len(run)):
                for n in range(1, min(MAX_NAME_WORDS, len(run) - i) + 1):
                    surface = " ".join(run[i : i + n]).strip(".-'’")
                    if surface and self._is_name(g, code, surface):
                        return True
        return False

    def _is_name(self, g: Any, code: str | None, surface: str) -> bool:
        key = (code or "", surface)
        known = self._known.get(key)
        if known is None:
            if len(self._known) >= MEMO_SIZE:
                self._known.clear()
            codes = supported_languages() if code is None else (code,)
            forms = dict.fromkeys(v for c in codes for v in variants(c, surface))
            known = self._known[key] = any(g.lookup(v) for v in forms)
        return known


def _capitalised_runs(paragraph: str) -> Iterator[list[str]]:
    """The runs of capitalised words of ``paragraph`` (words apart only by spaces), each as soon
    as it ends (the caller stops at the first place name)."""
    run: list[str] = []
    end = -1
    for m in _NAME_WORD.finditer(paragraph):
        word = m.group()
        if not word[:1].isupper():
            if run:
                yield run
                run = []
            continue
        if run and paragraph[end : m.start()].strip():
            yield run
            run = []
        run.append(word)
        end = m.end()
    if run:
        yield run
