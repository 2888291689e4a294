"""Small text helpers shared by the steps: words, capitals, spans (no language words here)."""

from __future__ import annotations

import bisect
import functools
import math
import re
import unicodedata
from collections.abc import Callable

from itinerary.extract.lexicon import Lexicon
from itinerary.geocode.matching import SURNAME_PARTICLES

SPACE = re.compile(r"\s+")

# The dateline: the head of a wire story saying where (and often when) it was written, in the
# shapes the agencies of every script use: "NAIROBI (Reuters) -", "GUADALAJARA, 3 mars (AFP) -",
# "ULAN BATOR /Mongolia/, June 2. /TASS/.", "LISBOA.-", "WINDHOEK (dpa-AFX) -", "МОСКВА, 5 июня.
# /ТАСС/.", "ROMA, 4 giugno (ANSA) -", "Lubango, Angola, 07 mar (Lusa) —", "Moskau/Wien (APA) -".
# Its parts are written once here; the patterns the steps read (its end, the tail after its
# place, the head before its date, the tail after its date) and :func:`read_dateline` are built
# from them.

#: capital letters of the Latin (with Latin-1) and Cyrillic scripts
_CAPITAL = "A-ZÀ-ÖØ-ÞА-ЯЁ"
#: its place: one to four words, each opening with a letter, the first maybe with stops, hyphens
#: or apostrophes inside ("NAIROBI", "ULAN BATOR", "SANTA CRUZ DE TENERIFE", "УЛАН-БАТОР", "ST.
#: PETERSBURG", "L'AQUILA"); the fewest words that the rest of the dateline follows
_PLACE = r"[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’-]*){0,3}?"
#: what may follow the place before its date or agency: a region or second place after a slash
#: ("/Mongolia/", "/Wien"), a region in brackets before a comma ("Odienné (Côte d'Ivoire),"), a
#: country after a comma, before another ("NAIROBI, Kenya,")
_REGION = (
    r"\s*/[^/,()\n]{1,30}/?"
    r"|\s*\([^()\n]{1,30}\)(?=\s*,)"
    r"|,\s*[^\W\d_]+(?:[\s-][^\W\d_]+)?(?=\s*,)"
)
#: a dash of a dateline (hyphen, en dash, em dash; a double hyphen)
_DASH = r"[-–—]{1,2}"
#: the agency between brackets ("(Reuters)", "(dpa-AFX)", "(EFE/AFP)", "(РИА Новости)")
_AGENCY_BRACKETS = r"\([^()\n]{1,40}\)"
#: the agency between slashes, any script ("/TASS/", "/ТАСС/", "/BTA/"): a slash-name before a
#: comma is a region ("/Mongolia/,"), not an agency
_AGENCY_SLASHES = r"/[^\W\d_][\w -]{1,15}/(?!\s*,)"
#: the end of a dateline: the agency and its dash ("(Reuters) -", "(EFE).-"), an agency in
#: brackets that starts with a capital and closes with a stop or the line ("(РИА Новости).",
#: "(EUROPA PRESS)" at the end of its line), the agency between slashes ("/ТАСС/."), a dash
#: between spaces ("KYIV - ", "Астана. 2 июня. КазТАГ — "), or a stop and a hyphen ("LISBOA.-")
_END = (
    rf"{_AGENCY_BRACKETS}\s*\.?\s*{_DASH}"
    rf"|\([{_CAPITAL}][^()\n]{{0,39}}\)(?:\.(?=\s)|[ \t]*(?=\n|$))"
    rf"|{_AGENCY_SLASHES}\.?"
    rf"|\s{_DASH}\s"
    r"|\.-"
)
#: the end of a dateline, searched in the opening characters of an article
DATELINE_END = re.compile(_END)
#: after the dateline's place: maybe a region, then the comma before its date, the agency, a
#: dash or ".-" ("MOSCOW, June 2", "NAIROBI (Reuters) -", "ULAN BATOR /Mongolia/, June 2.",
#: "Moskau/Wien (APA) -", "NEW DELHI —", "LISBOA.-")
_AFTER_PLACE = rf"(?:{_REGION})?\s*(?:,|\(|{_DASH}|\.-)"
DATELINE_AFTER_PLACE = re.compile(rf"^{_AFTER_PLACE}")
#: the dateline's head: its place at the start of the article, before what may follow a place
#: (``DATELINE_AFTER_PLACE``); a stop closing the place belongs to what follows ("LISBOA.-")
DATELINE_HEAD = re.compile(rf"^(?P<place>{_PLACE})(?={_AFTER_PLACE})")
#: the agency between slashes opening the sentence after a dateline cut at its date
#: ("УЛАН-БАТОР, 10 марта." | "/ТАСС/. Президент ...")
DATELINE_AGENCY_OPENING = re.compile(rf"\s*{_AGENCY_SLASHES}\.?")
#: before the dateline's date: its place, maybe a region, and a comma ("MINSK, ", "ULAN BATOR
#: /Mongolia/, ", "NAIROBI, Kenya, ", "Odienné (Côte d'Ivoire), ")
DATELINE_BEFORE_DATE = re.compile(rf"^\s*(?P<place>{_PLACE})(?:{_REGION})?\s*,\s*$")
#: after the dateline's date: the agency, the dash, or the end of a sentence that holds the
#: dateline alone ("(Reuters) -", ". /ТАСС/.", "(EFE).-", " -", "МИНСК, 16 сентября." | ...),
#: or an agency's name before its dash ("Астана. 2 июня. КазТАГ —")
DATELINE_AFTER_DATE = re.compile(rf"^\s*\.?\s*(?:\(|/|{_DASH}|$|[{_CAPITAL}][\w-]*(?:\s[\w-]+)?\s{_DASH}\s)")


def dateline_date_span(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (a date) is the date of a dateline that opens ``text``: its
    place and region before, its agency, dash or the sentence's end after; a place in capitals
    may end its dateline with a stop alone ("ВЛАДИВОСТОК, 24 июля. Председатель ...")."""
    head = DATELINE_BEFORE_DATE.match(text[:start])
    if head is None:
        return False
    if DATELINE_AFTER_DATE.match(text[end:]):
        return True
    place = head.group("place")
    return place.isupper() and len(place) > 1 and re.match(r"\.\s", text[end:]) is not None


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


#: the particles a surname may open with: the geocoder's (:data:`SURNAME_PARTICLES`, "Di Maio",
#: "Von der Leyen") and those of the names the seven languages transliterate ("bin Salman", "ван
#: Гог"): words of a closed class elsewhere, they may still begin a name
NAME_PARTICLES = SURNAME_PARTICLES | frozenset(
    {"vom", "van", "der", "den", "des", "bin", "ibn", "ben", "abu", "ter", "ten", "dello", "degli"}
    | {"фон", "ван", "дер", "дель", "бен", "бин", "ибн", "абу", "да", "де", "ди", "дос", "ду"}
)


@functools.cache
def _stop_words(code: str) -> frozenset[str]:
    from spacy.util import get_lang_class  # the pipeline's own library, loaded with it

    try:
        return frozenset(get_lang_class(code).Defaults.stop_words)
    except ImportError:
        return frozenset()


def opens_no_name(word: str, lx: Lexicon) -> bool:
    """A word of the language's closed classes (spaCy's stop words: prepositions, pronouns,
    interrogatives, adverbs: "Für", "Para", "Per", "Куда", "Niente") capitalised because it opens
    the sentence: no name begins with it ("Für Steinmeier ist es ..." names Steinmeier). Not a
    particle of names, and not a word of two letters (a family name written first: "Ли Цян")."""
    low = word.lower()
    return len(low) > 2 and low not in NAME_PARTICLES and low in _stop_words(lx.lang)


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


def headline(text: str, max_chars: int, *, dateline_shaped: bool = False) -> str | None:
    """The article's headline when the text opens on one: a first line standing as a paragraph of
    its own (a blank line after it), short (``max_chars``), not ended like a sentence of the body
    (a full stop, colon, semicolon or comma) and not a dateline ("NAIROBI (Reuters) -"). Wire copy
    and web pages put the headline there; it names the draft and its source when the file has no
    ``# title:`` header, so that a map says what it shows rather than the file's name.
    ``dateline_shaped``: also a line that opens like a dateline ("Modi lands in Paris, Marseille
    next" has the shape of "PARIS, Feb 11"), where a place named in it matters, not the title."""
    paragraphs = re.split(r"\n\s*\n", text.strip(), maxsplit=1)
    if len(paragraphs) < 2:  # a text of one paragraph has no headline of its own
        return None
    first = " ".join(paragraphs[0].split())
    if not first or "\n" in paragraphs[0].strip() or len(first) > max_chars:
        return None
    if first[-1] in ".:;,-\u2013\u2014" or (DATELINE_HEAD.match(first) and not dateline_shaped):
        return None
    return first
