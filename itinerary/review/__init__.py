"""Review a draft against its article in the browser (``itinerary review DRAFT --article TEXT``).

:class:`~itinerary.review.session.ReviewSession` holds the two files and saves the edits (a
ruamel round trip: comments kept, an ETag check against changes on disk, an atomic write, every
decision appended to ``DRAFT.corrections.jsonl``); :class:`~itinerary.review.server.ReviewServer`
serves the page on 127.0.0.1 behind a random token (Starlette and uvicorn, the ``review`` extra).
"""

from __future__ import annotations

from itinerary.review.corrections import Decision, corrections_path, read_decisions
from itinerary.review.session import Conflict, EditError, ReviewSession

__all__ = ["Conflict", "Decision", "EditError", "ReviewSession", "corrections_path", "read_decisions"]
