"""What a review page marks in the article: place mentions, persons, dates and sentences.

:func:`analyse_article` reads them from the extractor's analysis (read-only use of
:mod:`itinerary.extract`'s public API: every candidate, kept or dropped, with the rule and
probability that decided it); :func:`marks_from_quotes` finds each stop's own mention when the
extractor is not installed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from itinerary.model import Itinerary


@dataclass
class MentionInfo:
    """A place mention in the article text (offsets in the text the page shows)."""

    id: int
    start: int
    end: int
    text: str
    query: str
    kind: str  # kept | dropped | context
    rule: str
    probability: float | None
    sentence: tuple[int, int]
    sentence_text: str
    status: str | None = None
    date: str | None = None
    role: str | None = None
    traveller: str | None = None
    place: dict[str, Any] | None = None
    hint: str | None = None
    features: dict[str, float] = field(default_factory=dict)  # the stop model's (a candidate's)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "query": self.query,
            "kind": self.kind,
            "rule": self.rule,
            "probability": None if self.probability is None else round(self.probability, 3),
            "sentence": list(self.sentence),
            "status": self.status,
            "date": self.date,
            "role": self.role,
            "traveller": self.traveller,
            "place": self.place,
        }


@dataclass
class Marks:
    """What the page highlights in the article: place mentions, persons and dates."""

    mentions: list[MentionInfo] = field(default_factory=list)
    persons: list[tuple[int, int]] = field(default_factory=list)
    dates: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)  # where each sentence is
    note: str = ""

    def mention_of(self, quote: str | None, place: str | None) -> int | None:
        """The mention of a stop's ``quote``: the first one in that sentence naming ``place``,
        else the sentence's first kept mention, else its first one; None if none is there."""
        if not quote:
            return None
        best: MentionInfo | None = None
        for m in self.mentions:
            same_sentence = m.sentence_text.strip() == quote.strip() or quote.strip() in m.sentence_text
            if not same_sentence:
                continue
            if place and (m.query == place or m.text == place):
                return m.id
            if best is None or (m.kind == "kept" and best.kind != "kept"):
                best = m
        return best.id if best is not None else None


def _sentence_spans(body: str, analysis: Any, marks: Marks) -> dict[int, tuple[int, int]]:
    """Where each sentence sits in ``body`` (by the sentence object's id); persons and dates are
    added to ``marks`` on the way."""
    cursor = 0
    spans: dict[int, tuple[int, int]] = {}
    for s in analysis.sentences:
        stext = s.span.text
        at = body.find(stext, cursor)
        at = at if at >= 0 else body.find(stext)
        if at < 0:
            continue
        cursor = at + len(stext)
        spans[id(s)] = (at, at + len(stext))
        marks.sentences.append(spans[id(s)])
        marks.persons += [(at + p.start, at + p.end) for p in s.persons]
        marks.dates += [(at + d.start, at + d.end) for d in s.dates]
    return spans


def _mention_info(body: str, m: Any, c: Any, span: tuple[int, int], sentence: str) -> MentionInfo | None:
    """A place mention of a sentence in the offsets of ``body``; ``c`` its candidate, if any."""
    start, end = span[0] + m.start, span[0] + m.end
    if body[start:end] != m.text:  # offsets that do not fit the text: find the name
        start = body.find(m.text, span[0], span[1])
        if start < 0:
            return None
        end = start + len(m.text)
    info = MentionInfo(
        id=0,
        start=start,
        end=end,
        text=m.text,
        query=m.query,
        kind="context",
        rule="named in the sentence, not read as a stop",
        probability=None,
        sentence=span,
        sentence_text=sentence,
        place=m.match.to_place().to_dict() if m.match is not None else None,
    )
    if c is not None:
        info.kind = "kept" if c.reason.kept else "dropped"
        info.rule = c.reason.text()
        info.probability = c.reason.probability
        info.status = c.status.value
        info.date = c.date.text if c.date is not None and c.date.known else None
        info.role = c.role.value
        info.traveller = c.traveller
        info.hint = ", ".join(dict.fromkeys(c.hints)) or None
        info.features = dict(c.features)
    return info


def analyse_article(article: Any, extractor: Any) -> tuple[str, Marks]:
    """The text the extractor read and its marks, from the extractor's analysis: every
    candidate, kept or dropped, and the place mentions that are no candidate, as context."""
    analysis = extractor.analyse(article)
    extractor.assemble(analysis)  # every candidate's reason gets the model's verdict
    return analysis.text, marks_of(analysis)


def marks_of(analysis: Any) -> Marks:
    """The marks of an analysis that was assembled (so every candidate carries its verdict)."""
    body: str = analysis.text
    marks = Marks()
    spans = _sentence_spans(body, analysis, marks)
    by_mention = {id(c.place): c for c in analysis.candidates}
    for s in analysis.sentences:
        span = spans.get(id(s))
        if span is None:
            continue
        for m in s.places:
            info = _mention_info(body, m, by_mention.get(id(m)), span, s.span.text)
            if info is not None:
                marks.mentions.append(info)
    marks.mentions.sort(key=lambda x: x.start)
    for n, x in enumerate(marks.mentions):
        x.id = n
    return marks


def marks_from_quotes(text: str, it: Itinerary) -> Marks:
    """The marks without the extractor (its extra is not installed): each stop's place name
    found in its quote."""
    marks = Marks(note="the article was not analysed: only the stops' own mentions are marked")
    for _, _, st in it.stops():
        if not st.quote or not st.place:
            continue
        at = text.find(st.quote)
        if at < 0:
            continue
        marks.sentences.append((at, at + len(st.quote)))
        inner = st.quote.find(st.place)
        if inner < 0:
            continue
        marks.mentions.append(
            MentionInfo(
                id=len(marks.mentions),
                start=at + inner,
                end=at + inner + len(st.place),
                text=st.place,
                query=st.place,
                kind="kept",
                rule="a stop of the draft",
                probability=st.confidence,
                sentence=(at, at + len(st.quote)),
                sentence_text=st.quote,
                status=st.status.value,
                place=st.resolved.to_dict() if st.resolved else None,
            )
        )
    marks.mentions.sort(key=lambda x: x.start)
    for n, x in enumerate(marks.mentions):
        x.id = n
    return marks


__all__ = ["Marks", "MentionInfo", "analyse_article", "marks_from_quotes"]
