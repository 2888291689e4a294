"""Traveller identity: which names are one person, and which names are not persons at all.

Names are compared after transliteration to ASCII (``anyascii``) and lower case, titles
dropped ("President", "le pape", "Bundeskanzler"). Two names are one person when a reader
would accept it without a guess:

* **the same name**: the same words, in any order ("Xi Jinping", "Jinping Xi");
* **a transliteration**: as many words, each spelled alike (rapidfuzz ratio, or the same
  Soundex consonants for words of two letters or more on both sides: "Kim Jong-un" and
  "Ким Чен Ын");
* **a part**: every word of the shorter name is a whole word of the longer one, the surname
  included ("Putin" in "Vladimir Putin", "Lula" in "Luiz Inácio Lula da Silva"); an initial
  stands for a given name it begins ("A. Blinken"), never for another ("J. Blinken"); a part
  joins the one person it fits, never several ("Kim" with Kim Jong Un and Kim Jong Il);
* **a known alias** from ``people.json`` ("Poutine" = "Vladimir Putin", "Си Цзиньпин" =
  "Xi Jinping"): accepted, and said to be an alias so that it can be checked.

A one-word name is never matched by its sound alone: "Lula" and "Kim Jong Il" share a
Soundex class but no word, and stay apart (listed as kept apart). A name made only of
institution words, offices, continents or common nouns (``people.json``, per language) or a
country's name is not a person (:func:`not_a_person`).
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cache, lru_cache
from itertools import combinations
from pathlib import Path

from anyascii import anyascii
from rapidfuzz import fuzz, process

from itinerary.groups import DisjointSets

__all__ = [
    "Grouping",
    "Match",
    "display_name",
    "group_names",
    "known_name",
    "known_word",
    "latin",
    "match",
    "not_a_person",
    "tokens",
]

_DATA = Path(__file__).resolve().parent / "people.json"
_COUNTRIES = Path(__file__).resolve().parent / "geodata" / "countries.json.gz"
_NON_WORD = re.compile(r"[^a-z0-9]+")
SPELLING_RATIO = 80.0  # rapidfuzz ratio of two words that are one word transliterated differently
# Soundex consonant classes (Russell & Odell), with l and r together as Korean and Japanese names
# are written both ways ("Il"/"Ир"): letters that sound alike across transliterations.
_SOUNDEX = {c: str(d) for d, letters in enumerate(("bfpv", "cgjkqsxz", "dt", "lr", "mn"), 1) for c in letters}


class Match(str, Enum):
    """How two names were found to be one person."""

    SAME = "same"  # the same words
    SPELLING = "spelling"  # the same words spelled differently (transliteration)
    PART = "part"  # one name is a part of the other
    ALIAS = "alias"  # the known alias list says so


@dataclass(frozen=True)
class _Data:
    titles: frozenset[str]
    not_names: frozenset[str]
    aliases: dict[tuple[str, ...], int]  # sorted words of a name -> its alias group
    shown: tuple[str, ...]  # the name shown for each alias group


@cache
def _data() -> _Data:
    raw = json.loads(_DATA.read_text(encoding="utf-8"))
    titles = frozenset(raw["titles"])
    words = frozenset(w for lang in raw["not_names"].values() for x in lang for w in _fold(x))
    aliases: dict[tuple[str, ...], int] = {}
    for i, group in enumerate(raw["aliases"]):
        for name in group:
            aliases.setdefault(tuple(sorted(_words(name, titles))), i)
    return _Data(titles, words, aliases, tuple(group[0] for group in raw["aliases"]))


@cache
def _country_names() -> frozenset[tuple[str, ...]]:
    """Every country's name in the shipped country list, as words."""
    try:
        countries = json.loads(gzip.open(_COUNTRIES).read())
    except OSError:  # a checkout without its geodata: no country names to refuse
        return frozenset()
    out = set()
    for c in countries:
        for name in [c.get("name"), *(c.get("names") or [])]:
            if name and (words := tuple(_fold(name))):
                out.add(words)
    return frozenset(out)


def _fold(name: str) -> list[str]:
    return [t for t in _NON_WORD.split(anyascii(name).lower().replace("'", "")) if t]


def _words(name: str, titles: frozenset[str]) -> list[str]:
    return [t for t in _fold(name) if t not in titles]


def tokens(name: str) -> list[str]:
    """The words of a name that identify the person: transliterated, lower case, no titles."""
    return list(_tokens(name))


@lru_cache(maxsize=1 << 18)  # a corpus of 100,000 articles names about that many people
def _tokens(name: str) -> tuple[str, ...]:
    return tuple(_words(name, _data().titles))


@lru_cache(maxsize=1 << 18)
def _sound(token: str) -> str:
    codes = [_SOUNDEX[c] for c in token if c in _SOUNDEX]
    return "".join(c for i, c in enumerate(codes) if i == 0 or c != codes[i - 1])


def _spelled_alike(a: str, b: str) -> bool:
    """Two words of names in the same position: one word written in two transliterations."""
    if a == b or fuzz.ratio(a, b) >= SPELLING_RATIO:
        return True
    sa, sb = _sound(a), _sound(b)
    return bool(sa and sb and sa[0] == sb[0] and fuzz.ratio(sa, sb) >= SPELLING_RATIO)


def _one_word_alike(a: str, b: str) -> bool:
    """A word standing alone against a word of a longer name: equal, or spelled alike by its
    letters (never by its sound) when both are long enough to tell ("Sergei"/"Sergey")."""
    return a == b or (min(len(a), len(b)) >= 4 and a[0] == b[0] and fuzz.ratio(a, b) >= SPELLING_RATIO)


def _spelling(a: list[str], b: list[str]) -> bool:
    if "".join(a) == "".join(b):  # "Xi Jin-ping", "Xi Jinping"
        return True
    if len(a) != len(b) or len(a) < 2:
        return len(a) == len(b) == 1 and _one_word_alike(a[0], b[0])
    if fuzz.token_sort_ratio(" ".join(a), " ".join(b)) >= 90:
        return True
    return any(_aligned(x, y) for x, y in ((a, b), (sorted(a), sorted(b))))


def _aligned(a: list[str], b: list[str]) -> bool:
    """Word by word alike, and at least one pair alike by its letters, not only by its sound
    ("Kim Jong-un"/"Ким Чен Ын" share "Kim"; "Karl Nehammer"/"Giorgia Meloni" share nothing)."""
    return all(map(_word_alike, a, b)) and any(
        x == y or fuzz.ratio(x, y) >= SPELLING_RATIO for x, y in zip(a, b, strict=True)
    )


def _word_alike(a: str, b: str) -> bool:
    return _initial_of(a, b) or _initial_of(b, a) or _spelled_alike(a, b)


def _initial_of(short: str, word: str) -> bool:
    return len(short) == 1 and word.startswith(short)


def _part(short: list[str], long: list[str]) -> bool:
    """Every word of ``short`` is a different word of ``long``, in order; the surname (last word
    of ``short``) whole, the others whole, spelled alike or as an initial of a given name."""
    if not short or len(short) >= len(long):
        return False
    if len(short) == 1:  # a one-word name only as a whole word of the other
        return short[0] in long
    at = 0
    for i, t in enumerate(short):
        last = i == len(short) - 1
        for j in range(at, len(long)):
            w = long[j]
            if t == w or (not last and (_initial_of(t, w) or _one_word_alike(t, w))):
                at = j + 1
                break
        else:
            return False
    return True


def _alias_group(name: str) -> int | None:
    return _data().aliases.get(tuple(sorted(tokens(name))))


def match(a: str, b: str) -> Match | None:
    """How names ``a`` and ``b`` are one person, or None when a reader could not be sure."""
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return None
    if sorted(ta) == sorted(tb):
        return Match.SAME
    if _spelling(ta, tb):
        return Match.SPELLING
    if _part(ta, tb) or _part(tb, ta):
        return Match.PART
    ga, gb = _alias_group(a), _alias_group(b)
    if ga is not None and ga == gb:
        return Match.ALIAS
    return None


def known_word(word: str) -> bool:
    """``word`` is, as written (transliterated), a one-word name of the alias list ("Macron",
    "Путин", "Lula")."""
    words = tuple(tokens(word))
    return len(words) == 1 and words in _data().aliases


@lru_cache(maxsize=1 << 12)
def known_name(name: str) -> bool:
    """``name`` is, word for word, a name of two words or more of the alias list, maybe spelled
    otherwise or case-inflected ("Ким Чен Ына", "Lula da Silva", "Kim Jong-un"): a person wherever
    it is written, whatever a recogniser made of it."""
    words = tokens(name)
    if len(words) < 2:
        return False
    return any(
        len(known) == len(words)
        and (_letters_alike(words, list(known)) or _letters_alike(sorted(words), list(known)))
        for known in _data().aliases
        if len(known) >= 2
    )


def _letters_alike(a: list[str], b: list[str]) -> bool:
    """Word by word alike by their letters (rapidfuzz ratio), never by their sound alone."""
    return all(x == y or fuzz.ratio(x, y) >= SPELLING_RATIO for x, y in zip(a, b, strict=True))


def display_name(names: Iterable[str]) -> str | None:
    """The alias list's name for these names of one person, when it is one of them or fuller than
    all of them ("Pope Francis" for "François", "Luiz Inácio Lula da Silva" for "Lula"); else None."""
    data = _data()
    names = list(names)
    groups = {data.aliases.get(tuple(sorted(tokens(n)))) for n in names} - {None}
    if len(groups) != 1:
        return None
    (group,) = groups
    assert group is not None
    shown = data.shown[group]
    if shown in names or all(len(_fold(shown)) > len(tokens(n)) for n in names):
        return shown
    return None


def _loose(a: Sequence[str], b: Sequence[str]) -> bool:
    """Names a looser rule would take for one person: a word in common ("Kim"), or a one-word
    name that sounds like a word of the other (the same Soundex consonants: "Lula" and "Il").
    These are the pairs worth telling the reader were kept apart."""
    if not a or not b:
        return False
    if {w for w in a if len(w) > 2} & {w for w in b if len(w) > 2}:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) == 1 and any(_sound(short[0]) and _sound(short[0]) == _sound(w) for w in long)


@lru_cache(maxsize=4)
def _place_words(places: frozenset[str]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(_fold(p)) for p in places)


#: endings of a case or a plural an institution word may carry ("Rates", "Europäischen")
_INSTITUTION_ENDINGS = ("es", "en", "s", "n")


def institution_word(word: str) -> bool:
    """``word`` names an institution, an office or a portfolio in one of the languages (the list's
    ``not_names``: "Consejo", "Exteriores", "Rates"), maybe with a case or plural ending: no part
    of a person's name."""
    folded = _fold(word)
    if len(folded) != 1:
        return False
    w, names = folded[0], _data().not_names
    return w in names or any(w.endswith(e) and w[: -len(e)] in names for e in _INSTITUTION_ENDINGS)


def not_a_person(name: str, places: Iterable[str] = ()) -> str | None:
    """Why ``name`` cannot be a traveller (no name, an institution, a country, one of ``places``:
    the names of the places its itineraries visit), else None."""
    words = _fold(name)
    data = _data()
    if not words or all(w in data.titles for w in words) or words in (["unknown"], ["unknown", "traveller"]):
        return "no name"
    if tuple(words) in _country_names():
        return "a country"
    if tuple(words) in _place_words(frozenset(places)):
        return "a place"
    named = [w for w in words if w not in data.titles]
    rest = tuple(w for w in named if w not in data.not_names and not w.isdigit())
    if not rest or rest in _country_names():
        return "an institution, office, place or common noun"
    if len(named) == 1 and len(named[0]) < 3:
        return "a fragment"
    return None


@dataclass(frozen=True)
class Grouping:
    """Names grouped by person, with what a reader should check."""

    groups: tuple[tuple[str, ...], ...]  # each person's names, the first the fullest
    aliases: tuple[tuple[str, str], ...] = ()  # (name, name it was taken for by the alias list)
    kept_apart: tuple[tuple[str, str], ...] = ()  # pairs that look alike and were not joined


def _key(name: str) -> tuple[int, str, str]:
    """An order of names that does not depend on the order they came in: fullest first."""
    words = _tokens(name)
    return (-len(words), " ".join(words), name)


def group_names(names: Iterable[str]) -> Grouping:
    """Names of one person together: the same name, a transliteration or a known alias join
    at once; a part of a name ("Putin", "Lula") joins the one person it fits, and stays
    apart, listed, when it fits several; names that look alike and were not joined are listed.

    Only names that share a word, a word spelled alike, an alias group or a sound are compared,
    so a corpus of many names costs about one comparison per name and look-alike."""
    distinct = sorted({n for n in names if tokens(n)}, key=_key)
    groups, aliased = _join_alike(distinct)
    kept = _join_parts(groups)
    out = tuple(
        tuple(sorted(g, key=_key))
        for g in sorted(groups.values(), key=lambda g: _key(sorted(g, key=_key)[0]))
    )
    listed = {frozenset(p) for p in kept}
    firsts = [min(g, key=_shown_key) for g in out]
    by_word: dict[str, set[int]] = defaultdict(set)
    by_sound: dict[str, set[int]] = defaultdict(set)  # every name with a word of that sound
    alone_by_sound: dict[str, set[int]] = defaultdict(set)  # the one-word names of that sound
    for i, a in enumerate(firsts):
        for w in _tokens(a):
            if len(w) > 2:
                by_word[w].add(i)
            if _sound(w):
                by_sound[_sound(w)].add(i)
                if len(_tokens(a)) == 1:
                    alone_by_sound[_sound(w)].add(i)
    # every name found here is a look-alike (:func:`_loose`): a word of three letters or more in
    # common, or a one-word name on one side sounding like a word of the other; so no pair is
    # compared again (a corpus's one-word names meet every name of their sound: many pairs)
    for i, a in enumerate(firsts):
        words = _tokens(a)
        near = set().union(*(by_word.get(w, set()) for w in words))
        sounds = by_sound if len(words) == 1 else alone_by_sound
        near |= set().union(*(sounds.get(_sound(w), set()) for w in words if _sound(w)))
        for j in sorted(k for k in near if k > i):
            b = firsts[j]
            if frozenset((a, b)) not in listed:
                kept.append((a, b))
    return Grouping(out, tuple(aliased), tuple(kept))


def _alike_words(words: set[str]) -> dict[str, set[str]]:
    """Each word -> the words spelled alike (rapidfuzz ratio ``SPELLING_RATIO``), itself included.

    Not every pair is compared: that grows with the square of the names in a corpus (20,000
    words: 4·10^8 ratios, and a matrix of that many bytes). Two words of at most
    ``INDEXED_LETTERS`` letters are compared when they share a common subsequence as long as
    their ratio needs (:func:`_alike_candidates`); a longer word (rare, and with too many
    subsequences to index) is compared with every word."""
    out = {w: {w} for w in words}
    for a, b in _alike_candidates({w for w in words if len(w) <= INDEXED_LETTERS}):
        if fuzz.ratio(a, b, score_cutoff=SPELLING_RATIO):
            out[a].add(b)
            out[b].add(a)
    long = sorted(w for w in words if len(w) > INDEXED_LETTERS)
    if long:
        vocab = sorted(words)
        scores = process.cdist(long, vocab, scorer=fuzz.ratio, score_cutoff=SPELLING_RATIO, workers=1)
        for i, j in zip(*scores.nonzero(), strict=True):
            out[long[i]].add(vocab[j])
            out[vocab[j]].add(long[i])
    return out


#: Words of at most this many letters are indexed by their subsequences (a word of eight letters
#: has a few dozen of the lengths needed, one of twelve about 800, one of twenty tens of thousands).
INDEXED_LETTERS = 12


def _least_common(la: int, lb: int) -> int:
    """The fewest letters a common subsequence of words of ``la`` and ``lb`` letters holds when
    their rapidfuzz ratio is at least ``SPELLING_RATIO``: the ratio is ``200·LCS / (la + lb)``
    (the Indel similarity), so ``LCS >= SPELLING_RATIO / 200 · (la + lb)``, rounded up."""
    need = SPELLING_RATIO * (la + lb)
    return int(need // 200) + (need % 200 > 0)


def _alike_candidates(words: set[str]) -> set[tuple[str, str]]:
    """Pairs of distinct ``words`` that may be spelled alike: those sharing a subsequence of
    :func:`_least_common` letters for their two lengths (any longer common subsequence holds one
    of exactly that length). Each word is indexed under its subsequences of the lengths its
    partners of every length present need; a pair found is compared, so a candidate too many
    only costs a ratio. Each pair is ``(a, b)`` with ``a < b``."""
    lengths = sorted({len(w) for w in words})
    sizes = {n: {k for m in lengths if (k := _least_common(n, m)) <= min(n, m)} for n in lengths}
    by_size: dict[int, list[str]] = defaultdict(list)  # subsequence length -> the words indexed so
    for w in sorted(words):
        for k in sizes[len(w)]:
            by_size[k].append(w)
    out: set[tuple[str, str]] = set()
    for k, some in by_size.items():  # one length at a time: only keys of one length meet
        index: dict[str, list[str]] = defaultdict(list)
        for w in some:
            for key in set(map("".join, combinations(w, k))) if k < len(w) else (w,):
                index[key].append(w)
        shared = [same for same in index.values() if len(same) > 1]
        out.update((a, b) for same in shared for i, a in enumerate(same) for b in same[i + 1 :])
    return out


def _shown_key(name: str) -> tuple[bool, int, str]:
    """Latin script first, then the fullest: the name a list of look-alikes shows."""
    return (not latin(name), -len(_tokens(name)), name)


@lru_cache(maxsize=1 << 18)
def latin(name: str) -> bool:
    """Written in the Latin script (accents allowed: "François" is Latin, "Франциск" is not)."""
    return all(unicodedata.name(c, "").startswith("LATIN") for c in name if c.isalpha())


def _join_alike(distinct: list[str]) -> tuple[dict[str, list[str]], list[tuple[str, str]]]:
    """Groups of names joined by the same name, a transliteration or the alias list (with the
    pairs joined by the alias list only). Names are compared only with those that share a word
    spelled alike, an alias group or their letters run together: every pair :func:`match` can
    join has one of these."""
    sets = DisjointSets(distinct)
    by_word: dict[str, set[int]] = defaultdict(set)
    by_key: dict[object, set[int]] = defaultdict(set)
    for i, n in enumerate(distinct):
        for w in _tokens(n):
            by_word[w].add(i)
        by_key["".join(_tokens(n))].add(i)
        if (group := _alias_group(n)) is not None:
            by_key[group].add(i)
    alike = _alike_words(set(by_word))
    aliased: list[tuple[str, str]] = []
    for i, a in enumerate(distinct):
        near = {j for w in _tokens(a) for v in alike[w] for j in by_word[v]}
        near |= by_key["".join(_tokens(a))] | by_key.get(_alias_group(a), set())
        for j in sorted(k for k in near if k > i):
            b = distinct[j]
            how = match(a, b)
            listed = how is Match.PART and _alias_group(a) is not None and _alias_group(a) == _alias_group(b)
            if (how in (Match.SAME, Match.SPELLING, Match.ALIAS) or listed) and sets.root(a) != sets.root(b):
                sets.join(b, a)
                if how is Match.ALIAS:
                    aliased.append((b, a))
    return sets.groups(), aliased


def _join_parts(groups: dict[str, list[str]]) -> list[tuple[str, str]]:
    """Groups of a partial name ("Putin") joined to the one group every name of it is a part of,
    in place; the pairs of a partial name and the several groups it fits, kept apart. A part
    holds the surname of the name it is part of, so only groups with that word are looked at."""
    kept: list[tuple[str, str]] = []
    root_of = {n: r for r, g in groups.items() for n in g}
    with_word: dict[str, set[str]] = defaultdict(set)
    for n in root_of:
        for w in _tokens(n):
            with_word[w].add(n)
    # the fullest parts first: once "Lula da Silva" has joined "Luiz Inácio Lula da Silva", "Lula" fits one
    for root in sorted(groups, key=lambda r: (-max(len(tokens(n)) for n in groups[r]), _key(r))):
        g = groups.get(root)
        if g is None or any(len(tokens(n)) != len(tokens(g[0])) for n in g):
            continue
        candidates = sorted({root_of[m] for m in with_word[_tokens(g[0])[-1]]} - {root})
        fits = [r for r in candidates if all(any(match(n, m) is Match.PART for m in groups[r]) for n in g)]
        if len(fits) == 1 and all(len(tokens(m)) > len(tokens(g[0])) for m in groups[fits[0]]):
            groups[fits[0]].extend(g)
            root_of.update({n: fits[0] for n in g})
            del groups[root]
        elif len(fits) > 1:
            kept += [(g[0], min(groups[r], key=_shown_key)) for r in sorted(fits, key=_key)]
    return kept
