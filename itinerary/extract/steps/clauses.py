"""Sentences and clauses: a paragraph's sentences (a list after a colon kept in its sentence), and
each sentence's clauses, split at the pack's clause openers, relative adverbs and pronouns, and
quotations."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from itinerary.extract.dates import anchored_openers
from itinerary.extract.document import Clauses, Document, Sentence
from itinerary.extract.lexicon import Lexicon, phrase_at, starts
from itinerary.extract.registry import step
from itinerary.extract.text import DATELINE_END, word_list

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


def split_clauses(text: str, lx: Lexicon, max_clauses: int, attribution_words: int | None = None) -> Clauses:
    """Split a sentence into clauses at the pack's clause openers ("before", "avant de",
    "bevor", "antes de", "перед"), relative adverbs ("where", "où", "wo", "donde", "где") and
    relative pronouns set off by commas (", qui ... ,", ", который ... ,": a clause between
    the commas; the outer clause goes on after it); a quotation is a clause of its own, and so is
    a trailing attribution of at most ``attribution_words`` words (see :func:`attribution`;
    none without that reach)."""
    marks = _marks(text, lx)
    at = attribution(text, lx, attribution_words) if attribution_words else None
    if at is not None:
        marks.append((at, "report", len(text)))
    ids = [0] * len(text)
    kinds = ["main"]
    seen: set[int] = set()
    order = {"sequel": 0, "before": 1}
    # a sentence has a few clauses; a run of hundreds of openers is no prose (and would cost
    # time in proportion to its length times their number)
    for pos, kind, stop in sorted(marks, key=lambda m: (m[0], order.get(m[1], 2)))[:max_clauses]:
        if pos in seen:
            continue  # "avant de" and "avant d'" at one place
        seen.add(pos)
        outer, new = ids[pos], len(kinds)
        kinds.append(kind)
        for i in range(pos, stop):
            if ids[i] == outer:
                ids[i] = new
    bounds = [(len(text), 0)] * len(kinds)
    for i, c in enumerate(ids):
        a, b = bounds[c]
        bounds[c] = (min(a, i), max(b, i + 1))
    return Clauses(tuple(ids), tuple(kinds), text, lx.at | lx.origin, tuple(bounds), lx.list_joiners)


def attribution(text: str, lx: Lexicon, most: int) -> int | None:
    """Where a trailing attribution opens: the words after the sentence's last comma, at most
    ``most`` of them, with a verb of saying and no complementizer (", her office said", ", the
    Foreign Office said on Monday", ", teilte das Präsidialamt mit", ", сообщили в Кремле",
    ", informó el lunes el ministerio"). It tells who said it and when, in the telling's tense:
    the sentence's trip keeps its own ("will travel to Jakarta on Friday, her office said"). Not
    after a quotation: its telling's day is the day its words count from (see the dates step)."""
    cut = text.rfind(",")
    if cut < 0 or any(q in text for q in '„“”«»"'):
        return None
    tail = text[cut + 1 :]
    words = word_list(tail.lower())
    if not words or len(words) > most or any(w in lx.complementizers for w in words):
        return None
    cues = (*lx.speech, *lx.attributions)
    if not any(starts(w, cues) for w in words) and phrase_at(tail.lower(), cues) is None:
        return None
    return cut + 1 + (len(tail) - len(tail.lstrip()))


def _marks(text: str, lx: Lexicon) -> list[tuple[int, str, int]]:
    """Where clauses open: (position, kind, end)."""
    marks: list[tuple[int, str, int]] = []
    kinds_of = (
        (lx.sequel, "sequel"),
        (lx.before, "before"),
        (lx.clause_openers, "opener"),
        (lx.where_words, "where"),
    )
    dated = anchored_openers(text, lx)  # "the day after that": a date, no clause
    for words, kind in kinds_of:
        for w in words:
            # not inside a hyphenated compound ("après-midi" is no "après")
            for m in re.finditer(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text, re.I):
                if kind != "opener" or m.start() not in dated:
                    marks.append((m.start(), kind, len(text)))
    # a quotation speaks in its own time ("„... morgen ...“, hieß es am Mittwochabend")
    # (one whose opening mark fell in the sentence before ends in a mark and a comma)
    for m in re.finditer(r"[„“«\"][^„“”«»\"]{12,}[“”»\"]|^[^„“”«»\"]{12,}[“”»\"](?=\s*,)", text):
        marks.append((m.start(), "quote", m.end()))
    for w in lx.relative_pronouns:
        for m in re.finditer(rf",\s*({re.escape(w)})(?!\w)", text, re.I):
            close = text.find(",", m.end())
            marks.append((m.start(1), "aside", close if close >= 0 else len(text)))
    return marks


def split_sentences(doc: Doc, window: int) -> list[Span]:
    """The sentences of a paragraph, with a list after a colon kept in its sentence, a sentence
    the parser cut where no punctuation ends it kept whole, and a dateline
    (within ``window`` characters of the paragraph's start) kept with the sentence it opens
    ("BEIJING, Sept 14 (Reuters) -" | "Xi arrived ...")."""
    dateline = DATELINE_END.search(doc.text[:window]) if doc.text[:1].isupper() else None
    cut = dateline.end() if dateline else 0
    out: list[Span] = []
    for sent in doc.sents:
        # a list after a colon; a sentence cut before its comma ("Samedi" | ", dans la matinée");
        # a piece of the dateline
        joined = out and (out[-1].text.rstrip().endswith(":") or sent.text.lstrip()[:1] in (",", ";"))
        # a cut the parser made where no punctuation ends a sentence ("elle a visité" | "Accra,
        # Lomé et Cotonou."): a paragraph's sentences end in punctuation (a headline is a paragraph)
        joined = joined or bool(out and out[-1].text.rstrip()[-1:].isalnum())
        if joined or (out and out[-1].end_char <= cut):  # the one before lies in the dateline
            out[-1] = doc[out[-1].start : sent.end]
        else:
            out.append(sent)
    return out


@step("parse", reads=("text",), writes=("sentences", "sentences.clauses"))
def parse(doc: Document) -> None:
    """Paragraphs through the language's spaCy pipeline; sentences and their clauses."""
    from itinerary.extract.nlp import pipeline  # deferred: spaCy

    nlp = pipeline(doc.lang)
    paragraphs = [p.strip() for p in re.split(r"\n+", doc.text) if p.strip()]
    for parsed in nlp.pipe(paragraphs):
        for sent in split_sentences(parsed, doc.ctx.tuning.dateline_window):
            t = doc.ctx.tuning
            clauses = split_clauses(sent.text, doc.ctx.lx, t.max_clauses, t.attribution_words)
            doc.sentences.append(Sentence(parsed, sent, clauses=clauses))
