"""From a news article to a draft itinerary (one language pack per language, see ``extract/lang``)."""

from __future__ import annotations

from itinerary.extract.core import Article, Extractor, extract, read_article
from itinerary.extract.lang import supported as supported_languages
from itinerary.extract.nlp import detect_language
from itinerary.extract.scoring import StopModel, Tuning, load_model

__all__ = [
    "Article",
    "Extractor",
    "StopModel",
    "Tuning",
    "detect_language",
    "extract",
    "load_model",
    "read_article",
    "supported_languages",
]
