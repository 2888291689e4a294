"""Candidate generation: the gazetteer records a place name can mean, and how the name reached
each one (primary or alternate name, a landmark's name without its kind words, a code, the
words in another order, a transliteration, or a fuzzy match with its edit distance).

The geocoder (:mod:`itinerary.geocode.offline`) scores these matches (:mod:`itinerary.geocode.ranking`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from itinerary.geocode.answers import Weights
from itinerary.geocode.gazetteer import Gazetteer
from itinerary.geocode.normalize import (
    analyze,
    full_key,
    has_cyrillic,
    news_zipf,
    spelled_keys,
    transliterate,
)
from itinerary.geocode.records import ALTERNATE, CODE, KINDS, LANDMARK_KINDS

FUZZY_CUTOFF = 80.0  # rapidfuzz ratio; 75 for keys of up to 8 letters (one edit in "Dili" is 75)


SHORT_FUZZY_CUTOFF = 75.0


_CODE_QUERY = re.compile(r"[A-Za-z]{3,4}")

#: a word in capitals: an acronym ("AIFA", "AMLO", "UNAM", "FARC") or a dateline's place
_CAPITALS = re.compile(r"[^\W\d_]{2,}")
ACRONYM_MAX = 4  # letters: a longer word in capitals is read as a name

#: a city's alternate name read from an acronym's letters must be a word of the news in one of
#: these languages (wordfreq), and the city a large one: "KIEW", "ROM", "PRAG", "КИЕВ" in a
#: dateline are Kyiv, Rome, Prague, Kyiv; "AIFA" is no rare name of Haifa, "AMLO" no Amloh
ACRONYM_NAME_ZIPF = 3.0
ACRONYM_CITY_PEOPLE = 100_000


#: the prepositions that open family names in the news languages ("Di Maio", "Da Silva", "De Gaulle",
#: "Del Piero", "Von Trier"): a name led by one of them capitalised is a person's, not a place whose
#: own name lacks it (Maio, Cape Verde; Silva, Trier), though the key drops it as it drops "di" in
#: "Reggio di Calabria". A place whose own name holds it ("Da Nang", "Del Rio", "De Panne") is
#: still that place. Articles are not in the list: "El Cairo", "La Habana", "Le Caire" are places.
SURNAME_PARTICLES = frozenset("di de da do dos das du del della von".split())


def surname_particle(place: str) -> str | None:
    """The particle that opens ``place`` as it opens a family name (capitalised, before a
    capitalised word: "Di Maio" -> "di"), folded; None for any other name."""
    words = place.split()
    if len(words) < 2 or not words[1][:1].isupper():
        return None
    first = words[0]
    if not (first[:1].isupper() and first[1:].islower()) or first.casefold() not in SURNAME_PARTICLES:
        return None
    return first.casefold()


KIND = {k: i for i, k in enumerate(KINDS)}  # record kind -> the gazetteer's kind code
LANDMARK_CODES = frozenset(KIND[k] for k in LANDMARK_KINDS)


def country_of(g: Gazetteer, i: int) -> str:
    """The ISO 3166-1 code of record ``i``'s country."""
    return g.countries[int(g.country_codes[i])]


@dataclass(frozen=True, slots=True)
class NameMatch:
    """One candidate record of a place name and how the name reached it."""

    i: int  # record index
    mtype: int  # PRIMARY, ALTERNATE, REDUCED or CODE
    similarity: float = 1.0  # rapidfuzz ratio / 100 for fuzzy matches
    edits: int = 0
    key: str = ""  # the gazetteer key matched
    translit: bool = False  # reached only through another spelling: a transliteration, "Saint" for "St"

    @property
    def fuzzy(self) -> bool:
        return self.similarity < 1.0


class NameMatcher:
    """The records a place name matches in one gazetteer (``weights`` order fuzzy keys)."""

    def __init__(self, gazetteer: Gazetteer, weights: Weights) -> None:
        self.gazetteer = gazetteer
        self.weights = weights

    def matches(self, place: str, countries: set[str]) -> list[NameMatch]:
        """Exact matches of ``place`` (and codes); fuzzy ones too when there is none, or
        none in the ``countries`` a hint or qualifier names. A name led by a family name's
        particle (:data:`SURNAME_PARTICLES`: "Di Maio") matches only places whose own name
        holds the name as written, particle and all ("Da Nang")."""
        found = self._matches(place, countries)
        particle = surname_particle(place)
        if particle is None:
            return found
        names, asked = self.gazetteer._names, f" {full_key(place)} "
        return [c for c in found if asked in f" {full_key(names[c.i])} "]

    def _matches(self, place: str, countries: set[str]) -> list[NameMatch]:
        g = self.gazetteer
        info = analyze(place)
        keys = [info.key]
        if has_cyrillic(info.key):
            keys.append(analyze(transliterate(place)).key)
        found: dict[int, int] = {}
        for i, m in g.exact_typed(keys[0]):
            found[i] = min(m, found.get(i, m))
        # another spelling of the name ("St Petersburg" for "Saint Petersburg"; a weaker match
        # than the name as written: "St. Louis" is the one in Missouri, "Saint-Louis" Senegal's)
        respelled: dict[int, tuple[int, str]] = {}
        for key in spelled_keys(keys[0])[1:]:
            for i, m in g.exact_typed(key):
                if m < found.get(i, 4) and (i not in respelled or m < respelled[i][0]):
                    respelled[i] = (m, key)
        # a transliteration merges spellings (Ukrainian і and и): a weaker match
        translit = {i: m for key in keys[1:] for i, m in g.exact_typed(key) if i not in found}
        if _CODE_QUERY.fullmatch(place.strip()):
            for i in g.code(place):
                found.setdefault(i, CODE)
        if not found:  # a landmark's words in another order ("Marine Corps Air Station Iwakuni")
            for i, m in self._reordered(keys[0]):
                found.setdefault(i, m)
        # the record's own name respelled before one of its other names as written
        respelled = {i: mk for i, mk in respelled.items() if i not in found or mk[0] < found[i]}
        found = {i: m for i, m in found.items() if i not in respelled}
        translit = {i: m for i, m in translit.items() if i not in found and i not in respelled}
        exact = [NameMatch(i, m, key=keys[0]) for i, m in found.items()]
        exact += [NameMatch(i, m, key=k, translit=True) for i, (m, k) in respelled.items()]
        exact += [NameMatch(i, m, key=keys[-1], translit=True) for i, m in translit.items()]
        found.update(translit)
        found.update({i: m for i, (m, _) in respelled.items()})
        word = place.strip()
        if _CAPITALS.fullmatch(word) and word.isupper():  # no typo of a place ("UNAM", "FARC", "BRICS")
            return [c for c in exact if not self._acronym_only(c, word)]
        if exact and not (countries and not any(country_of(g, c.i) in countries for c in exact)):
            return exact
        return exact + self._fuzzy_matches(keys, found, wide=bool(countries))

    def _acronym_only(self, c: NameMatch, word: str) -> bool:
        """A short word in capitals that reaches a city only through one of its alternate names,
        when that name is no word of the news (:func:`~itinerary.geocode.normalize.news_zipf`)
        or the city a small one, and is not the city's own name written without its marks: the
        letters of an acronym, not the city's name in a dateline."""
        from anyascii import anyascii

        g = self.gazetteer
        if c.mtype != ALTERNATE or len(word) > ACRONYM_MAX or int(g.kind_codes[c.i]) != KIND["city"]:
            return False
        if anyascii(g._names[c.i]).casefold() == word.casefold():
            return False  # the city's own name without its letters' marks ("LODZ": Łódź)
        return int(g._pop[c.i]) < ACRONYM_CITY_PEOPLE or news_zipf(word.lower()) < ACRONYM_NAME_ZIPF

    def _reordered(self, key: str) -> list[tuple[int, int]]:
        """Landmarks whose key holds the words of ``key`` in another order: every rotation of
        the words (a name moved from the end to the front, or the reverse)."""
        words = key.split()
        if not 2 <= len(words) <= 8:
            return []
        g = self.gazetteer
        out: list[tuple[int, int]] = []
        for k in range(1, len(words)):
            rotated = " ".join(words[k:] + words[:k])
            out += [(i, m) for i, m in g.exact_typed(rotated) if int(g.kind_codes[i]) in LANDMARK_CODES]
        return out

    def _fuzzy_matches(self, keys: list[str], skip: dict[int, int], wide: bool) -> list[NameMatch]:
        """Records of the keys close to ``keys``; each keeps its best key (similarity, edits
        counted with transpositions as one, primary before alternate)."""
        from rapidfuzz.distance import OSA

        g, w = self.gazetteer, self.weights
        best: dict[int, tuple[float, NameMatch]] = {}
        for key in keys:
            cutoff = SHORT_FUZZY_CUTOFF if len(key) <= 8 else FUZZY_CUTOFF
            for k, score in g.fuzzy(key, limit=40 if wide else 12, cutoff=cutoff):
                edits = OSA.distance(key, k)
                for i, m in g.exact_typed(k):
                    quick = w.name * score / 100.0 - w.edit * edits - (w.alternate if m == ALTERNATE else 0.0)
                    if i not in skip and (i not in best or best[i][0] < quick):
                        best[i] = (quick, NameMatch(i, m, score / 100.0, edits, k))
        return [m for _, m in best.values()]
