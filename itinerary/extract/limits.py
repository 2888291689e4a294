"""Limits on article input: what an article may be before any language model sees it.

News articles are a few kilobytes. These bounds keep hostile or broken input (a 20 MB file,
one 2 MB line, thousands of names in one sentence) from exhausting memory or time: such input
is refused with a message that says what to change, and nothing is written.
"""

from __future__ import annotations

import re

from itinerary.errors import ExtractionError

MAX_ARTICLE_BYTES = 512 * 1024
MAX_PARAGRAPH_CHARS = 50_000
MAX_NAMES_PER_SENTENCE = 200

_SENTENCE_END = re.compile(r"[.!?;:\n。]+")
_CAPITALISED = re.compile(r"\b[^\W\d_][\w'’-]*", re.UNICODE)


def check_article_text(text: str, source: str) -> None:
    """Raise :class:`ExtractionError` when ``text`` is beyond what an article can be."""
    for n, paragraph in enumerate(text.split("\n"), start=1):
        if len(paragraph) > MAX_PARAGRAPH_CHARS:
            raise ExtractionError(
                f"{source}: line {n} is {len(paragraph):,} characters long, over the limit of "
                f"{MAX_PARAGRAPH_CHARS:,} for one paragraph; break the text into paragraphs"
            )
    for sentence in _SENTENCE_END.split(text):
        names = sum(1 for w in _CAPITALISED.findall(sentence) if w[0].isupper())
        if names > MAX_NAMES_PER_SENTENCE:
            start = sentence.strip()[:40]
            raise ExtractionError(
                f"{source}: the sentence starting {start!r} holds {names} capitalised words, over "
                f"the limit of {MAX_NAMES_PER_SENTENCE} (a list, not prose); split it or leave it out"
            )
