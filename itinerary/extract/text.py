"""Small text helpers shared by the steps: words, capitals, spans (no language words here)."""

from __future__ import annotations

import bisect
import math
import re
import unicodedata
from collections.abc import Callable

from itinerary.extract.lexicon import Lexicon

SPACE = re.compile(r"\s+")
#: the end of a dateline ("(Reuters) -", "/TASS/.", " - ", "LISBOA.-")
DATELINE_END = re.compile(r"\((?:[^)]{1,40})\)\s*[-–—]|\s[-–—]\s|\.-|/[A-Z][\w-]{1,15}/\.?")


def capitalised(word: str) -> bool:
    """Starts with a capital and holds a letter."""
    return bool(word) and word[0].isupper() and any(c.isalpha() for c in word)


def word_list(text: str) -> list[str]:
    """The words of ``text`` (letters, then letters, digits, apostrophes and hyphens)."""
    return re.findall(r"[^\W\d_][\w'-]*", text)


#: the joint of an elided word and the word after it ("all'aeroporto", "l'aéroport", "jusqu'à"):
#: after a letter and an apostrophe, before a letter (the elision infix of spaCy's Italian and
#: French tokenizers, ``spacy.lang.it.punctuation``; the cleaned text has only straight apostrophes)
ELISION_JOINT = re.compile(r"(?<=[^\W\d_]')(?=[^\W\d_])")


def words_of(text: str, lx: Lexicon) -> list[str]:
    """The words of ``text`` as the language writes them: in a language that elides (its pack
    has ``elisions``) an elided article or preposition is a word of its own ("all'aeroporto" ->
    "all'", "aeroporto"), as the tokenizer splits it; a word the pack lists whole ("aujourd'hui",
    "l'indomani") stays whole."""
    words = word_list(text)
    if not lx.elisions:
        return words
    whole = lx.relative.keys() | lx.anchored.keys()
    return [part for w in words for part in ([w] if w.lower() in whole else ELISION_JOINT.split(w))]


def inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``pos`` lies in one of ``spans`` (sorted, not overlapping)."""
    i = bisect.bisect_right(spans, (pos, math.inf)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def ends_with(word: str, endings: tuple[str, ...], stem: int) -> bool:
    """True when ``word`` ends with one of ``endings`` after a stem longer than ``stem`` letters
    (an ending written with a final ``=`` needs a stem two letters longer)."""
    for e in endings:
        if e.endswith("="):
            if word.endswith(e[:-1]) and len(word) - len(e[:-1]) > stem + 2:
                return True
        elif word.endswith(e) and len(word) - len(e) > stem:
            return True
    return False


def word_before(text: str, start: int, lx: Lexicon, window: int) -> str:
    """The word before ``start`` (within ``window`` characters), past determiners, elided articles
    and possessives ("à l'Angola" -> "à", "all'aeroporto Marco Polo" -> "aeroporto")."""
    words = words_of(text[max(0, start - window) : start].lower(), lx)
    while words and (
        words[-1] in lx.determiners
        or words[-1] in lx.elisions
        or any(words[-1].endswith(e) for e in lx.possessives)
    ):
        words.pop()
    if words and lx.elisions and words[-1].endswith(lx.elisions):
        words[-1] = words[-1][: -len(next(e for e in lx.elisions if words[-1].endswith(e)))]
    w = words[-1] if words else ""
    if lx.elisions and w.startswith(lx.elisions):  # "l'Angola" tokenised with its article
        w = w[len(next(e for e in lx.elisions if w.startswith(e))) :]
    return w


def function_word(low: str, lx: Lexicon) -> bool:
    """A determiner, title or preposition: capitalised at a sentence start ("Im Senegal", "В
    Пекине"), it does not begin a place name."""
    return low in lx.determiners or low in lx.titles or low in lx.at or low in lx.origin


def quote_of(sentence: str, limit: int) -> str:
    """The sentence on one line, cut to ``limit`` characters."""
    q = SPACE.sub(" ", sentence).strip()
    return q if len(q) <= limit else q[: limit - 1].rstrip() + "…"


def slug(text: str) -> str:
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-") or "trip"


def possessive_after(text: str, end: int, lx: Lexicon) -> bool:
    """A possessive ending right after ``end`` ("Russia's")."""
    return any(text.startswith(e, end) for e in lx.possessives)


def joined_run(count: int, k: int, joined: Callable[[int], bool]) -> tuple[int, int]:
    """The first and last index of the run of items around ``k`` in which each item and the next
    are joined (``joined(i)``: items ``i`` and ``i + 1``), of ``count`` items in text order."""
    a = k
    while a > 0 and joined(a - 1):
        a -= 1
    b = k
    while b + 1 < count and joined(b):
        b += 1
    return a, b
