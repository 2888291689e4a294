"""From a news article to a draft itinerary: places, travellers, status and dates.

An :class:`Article` is read by named steps over a typed document (:mod:`.pipeline`, :mod:`.document`):

1. ``parse``: paragraphs through the language's spaCy pipeline; sentences and their clauses
   (:mod:`.steps.clauses`).
2. ``persons``, ``names``, ``titles``: who is named, the fullest form of each name, title phrases
   that stand for a person (:mod:`.steps.persons`).
3. ``dates``: the dates of each sentence, relative phrases anchored (:mod:`.steps.dates`,
   :mod:`.dates`).
4. ``places``: place mentions from the recogniser and a gazetteer scan, each with its gazetteer
   record; refused mentions keep their reason (:mod:`.steps.places`).
5. ``candidates``: every resolved mention read as a stop: role (:mod:`.steps.roles`), status
   (:mod:`.steps.status`), date, traveller, and the features the stop model scores
   (:mod:`.features`).

:meth:`Extractor.assemble` then lets the stop model (:mod:`.scoring`) choose, and builds one trip
per traveller (:mod:`.assemble`, :mod:`.completion`). The words of each language are its pack
(:mod:`.lang`); every window and threshold is in :mod:`.tuning`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from itinerary.extract.article import Article, read_article
    from itinerary.extract.document import Analysis, Candidate, Document, Mention, Reason
    from itinerary.extract.extractor import Extractor, extract
    from itinerary.extract.lang import supported as supported_languages
    from itinerary.extract.nlp import detect_language
    from itinerary.extract.pipeline import Pipeline
    from itinerary.extract.scoring import StopModel, Thresholds, load_model
    from itinerary.extract.tuning import TUNING, Tuning

# The facade loads its modules on first use, so that a command line that only lists the supported
# languages does not import the geocoder and the steps.
_WHERE = {
    "Article": "article",
    "read_article": "article",
    "Analysis": "document",
    "Candidate": "document",
    "Document": "document",
    "Mention": "document",
    "Reason": "document",
    "Extractor": "extractor",
    "extract": "extractor",
    "supported_languages": "lang:supported",
    "detect_language": "nlp",
    "Pipeline": "pipeline",
    "StopModel": "scoring",
    "Thresholds": "scoring",
    "load_model": "scoring",
    "TUNING": "tuning",
    "Tuning": "tuning",
}


def __getattr__(name: str) -> Any:
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module, _, attr = where.partition(":")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), attr or name)
    globals()[name] = value
    return value


__all__ = [
    "TUNING",
    "Analysis",
    "Article",
    "Candidate",
    "Document",
    "Extractor",
    "Mention",
    "Pipeline",
    "Reason",
    "StopModel",
    "Thresholds",
    "Tuning",
    "detect_language",
    "extract",
    "load_model",
    "read_article",
    "supported_languages",
]
