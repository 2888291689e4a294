"""From a news article to a draft itinerary (French and English first; others through the gazetteer)."""

from __future__ import annotations

from itinerary.extract.core import Article, Extractor, extract, read_article
from itinerary.extract.nlp import detect_language

__all__ = ["Article", "Extractor", "detect_language", "extract", "read_article"]
