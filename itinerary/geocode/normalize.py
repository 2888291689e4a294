"""Name normalisation shared by the index and the queries.

``normalize("Kimsomolsk-sur-l'Amour")`` gives ``"kimsomolsk amour"``: case folded, accents
removed, punctuation, hyphens and apostrophes turned into spaces, articles, prepositions and
generic words (oblast, province, krai, région, область ...) dropped. Words that say what kind
of place is meant (cosmodrome, airport, province) are returned apart as kind hints.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Articles and prepositions in the languages of the news we read.
STOPWORDS = frozenset(
    """
    l la le les de des du d da do dos das del della di degli dei sur sous en au aux a
    the of on upon in at am an im der die das den dem von zu bei el los las y e et and und
    na nad pod v vo iz u
    на над под в во из у
    """.split()
)

# Generic words mapped to the kind of place they announce: the folded form (keys are folded) and,
# where it differs, the form the text writes (the extractor reads the words around a name as written).
KIND_WORDS: dict[str, str] = {}
for _kind, _words in {
    "region": """oblast oblasts oblast' oblasti province provincia provinz provincie krai kray
        region regione regiao région region' respublika republic république republica okrug
        prefecture préfecture state etat état estado bundesland land county comté departement
        département governorate gouvernorat voivodeship область край республика округ регион
        губерния провинция""",
    "spaceport": """cosmodrome cosmódromo cosmodromo kosmodrom spaceport spatioport space spatial
        spaziale espacial launch космодром""",
    "airport": """airport aeroport aéroport aeropuerto aeroporto flughafen airfield aerodrome
        aérodrome aeródromo aerodromo airbase base aerea aérea аэропорт аэродром""",
    "station": """station gare bahnhof estacion estación estação estacao stazione вокзал станция
        border""",
    "university": """university université universidad universität universitat universita
        università universidade университет""",
    "palace": """palace palais palacio palácio palast palazzo дворец""",
    "city": """city ville ciudad stadt citta город""",
}.items():
    for _w in _words.split():
        KIND_WORDS[_w] = _kind

# Words that are dropped from the key but do not announce a kind.
GENERIC = frozenset("centre center centro zentrum международный international".split())

_CYR = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i",
    "ї": "yi", "є": "ye", "ґ": "g", "ў": "u",
}  # fmt: skip

_SPLIT = re.compile(r"[^\w]+", re.UNICODE)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def has_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC.search(text))


def transliterate(text: str) -> str:
    """Cyrillic to Latin (a simple BGN-like table); other scripts pass through."""
    return "".join(_CYR.get(ch, ch) for ch in text.lower())


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("ё", "е").replace("й", "и\u0306")
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.replace("ß", "ss").replace("ø", "o").replace("æ", "ae").replace("œ", "oe")


@dataclass(frozen=True)
class Normalized:
    """A normalised name: its key and the kinds its generic words announce."""

    key: str
    kinds: frozenset[str]
    tokens: tuple[str, ...]


@lru_cache(maxsize=65536)
def analyze(text: str) -> Normalized:
    """Normalise ``text`` and collect its kind hints."""
    tokens = [t for t in _SPLIT.split(_fold(text)) if t and t != "_"]
    kinds = frozenset(KIND_WORDS[t] for t in tokens if t in KIND_WORDS)
    kept = [t for t in tokens if t not in STOPWORDS and t not in KIND_WORDS and t not in GENERIC]
    if not kept:  # a name made only of generic words ("Gare", "Centre") keeps them
        kept = [t for t in tokens if t not in STOPWORDS] or tokens
    return Normalized(" ".join(kept), kinds, tuple(kept))


def normalize(text: str) -> str:
    """The lookup key of a name (see the module docstring)."""
    return analyze(text).key


#: the abbreviations of a saint's title written in place names ("St Petersburg", "St. Louis",
#: "Sault Ste. Marie"): the key with the word abbreviated and the key with it in full name one place
SAINT_WORDS: dict[str, str] = {"st": "saint", "saint": "st", "ste": "sainte", "sainte": "ste"}


def spelled_keys(key: str) -> list[str]:
    """``key`` and the keys of its other spellings: each saint's title abbreviated or written in
    full (:data:`SAINT_WORDS`; "st petersburg" -> "saint petersburg")."""
    words = key.split()
    if not any(w in SAINT_WORDS for w in words):
        return [key]
    other = " ".join(SAINT_WORDS.get(w, w) for w in words)
    return [key, other]


def keys_for(name: str) -> list[str]:
    """Every index key for ``name``: its key and, for Cyrillic, its transliteration."""
    key = normalize(name)
    out = [key] if key else []
    if has_cyrillic(key):
        t = normalize(transliterate(name))
        if t and t != key:
            out.append(t)
    return out


@lru_cache(maxsize=65536)
def full_key(text: str) -> str:
    """Every word of ``text``, folded, articles and generic words kept: "El Salvador" and
    "Salvador" share a key but not a full key."""
    return " ".join(t for t in _SPLIT.split(_fold(text)) if t and t != "_")


#: the languages of the news read (their wordfreq lists judge which words are names)
NEWS_LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "ru")


@lru_cache(maxsize=4096)
def news_zipf(word: str) -> float:
    """The highest zipf frequency of ``word`` in the :data:`NEWS_LANGUAGES` (wordfreq's small
    lists: a fifth of a second to load them all)."""
    from wordfreq import zipf_frequency  # loaded with the first word asked

    return max(float(zipf_frequency(word, code, wordlist="small")) for code in NEWS_LANGUAGES)
