"""Date attachment as a learned decision: which of the dates an article offers is a stop's date.

The date rules (:mod:`itinerary.extract.dates`, :mod:`itinerary.extract.steps.dates`,
:mod:`itinerary.extract.completion`) choose one date per stop. Here they are *candidate
generators*: for every stop of a draft, :func:`options` collects the dates the article offers it
(each date of the stop's sentence, of the sentence before and after it and of the rest of its
paragraph, the dateline's date, the publication date, the date of the trip's stop before and
after it, the rules' choice, and "undated"), each described by general features
(:data:`FEATURES`: where the date stands relative to the place, what lies between them, its kind,
whether it fits the stop's status and the trip's order). A small ranker, a logistic regression
trained by ``benchmarks/train_extract_model.py`` on the development articles and shipped as
``date_model.json`` (package data), scores each (stop, date) pair on its own; the best one is the
stop's date (:func:`redate`). Applying it needs no library: a dot product. Without a model file,
or with one that is switched off, the rules' date stays (:func:`rules_dates`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from itinerary.errors import ExtractionError
from itinerary.extract.completion import vague_period
from itinerary.extract.dates import DateHit
from itinerary.extract.document import Document, Mention, Sentence
from itinerary.extract.lexicon import starts
from itinerary.extract.scoring import read_model_file
from itinerary.extract.steps.dates import plan_then
from itinerary.extract.text import word_list
from itinerary.identity import in_travel_order
from itinerary.model import DateSpan, Itinerary, Precision, Status, Stop, Trip

FEATURE_VERSION = 1
MODEL_FILE = "date_model.json"

#: name -> what it measures; every feature is about one (stop, candidate date) pair
FEATURES: dict[str, str] = {
    "undated": "the candidate is to leave the stop undated",
    "rules": "the date rules chose this date",
    "undated_planned": "leaving undated a stop that is planned (or cancelled)",
    "undated_untold": "leaving undated a stop whose sentence and paragraph give no date",
    "undated_own_date": "leaving undated a stop whose sentence has a date",
    "same_clause": "the date stands in the clause of the stop's place",
    "same_sentence": "the date stands in the stop's sentence, in another clause",
    "before_place": "the date comes before the place in the sentence",
    "closeness": "closeness in words between the date and the place (1 / (1 + words))",
    "place_between": "another place stands between the date and the stop's place",
    "date_between": "another date stands between the date and the stop's place",
    "prev_sentence": "the date stands in the sentence before the stop's",
    "next_sentence": "the date stands in the sentence after the stop's",
    "paragraph": "the date stands earlier in the stop's paragraph (two or more sentences back)",
    "dateline": "the date of the article's dateline (the opening words of its first line)",
    "headline": "the date stands in the stop's sentence and that sentence is the article's first",
    "publication": "the publication date",
    "prev_stop": "the date of the trip's stop before this one (text order)",
    "next_stop": "the date of the trip's stop after this one (text order)",
    "kind_day": "a single day",
    "kind_range": "a range of days",
    "kind_month": "a month (or a year) only",
    "kind_weekday": "written as a weekday, resolved against the publication date",
    "kind_relative": "written as today / yesterday / tomorrow",
    "consistent": "fits the stop's status (done: not after the publication; planned: not before)",
    "inconsistent": "contradicts the stop's status",
    "order_ok": "not before the date of the trip's stop before it",
    "order_bad": "before the date of the trip's stop before it",
    "sequence_prev": "the stop follows a word of sequence ('then') with no date of its own in its "
    "sentence, and the date is the one before it (previous sentence or previous stop)",
    "own_elsewhere": "the stop's sentence has a date of its own but this candidate is another one",
    "contains_own": "a stay that holds a date of the stop's sentence (the rules extended it)",
    "publication_done": "the publication date, for a stop already made",
    "sources": "how many of the generators above offer this date (log scale)",
}


def known_feature(name: str) -> bool:
    return name in FEATURES


@dataclass(frozen=True)
class DateOption:
    """A candidate date of a stop (``DateSpan()`` for "undated") with its features."""

    date: DateSpan
    features: dict[str, float]


@dataclass(frozen=True)
class DateModel:
    """Linear weights over :data:`FEATURES`; the candidate with the highest score wins."""

    weights: dict[str, float]
    trained_on: str = ""
    enabled: bool = True  # a model file shipped switched off keeps the rules' dates

    def score(self, features: dict[str, float]) -> float:
        return sum(w * features.get(k, 0.0) for k, w in self.weights.items())

    def choose(self, opts: list[DateOption]) -> DateOption:
        """The best option; on a tie, the earlier one (:func:`options` puts the rules' first)."""
        if not self.enabled:
            return next(o for o in opts if _by_rules(o))
        best = opts[0]
        top = self.score(best.features)
        for o in opts[1:]:
            s = self.score(o.features)
            if s > top + 1e-9:
                best, top = o, s
        return best

    def to_json(self) -> dict[str, Any]:
        return {
            "format": "itinerary-date-model",
            "feature_version": FEATURE_VERSION,
            "trained_on": self.trained_on,
            "enabled": self.enabled,
            "weights": {k: round(v, 6) for k, v in self.weights.items()},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], origin: str = "model") -> DateModel:
        if data.get("format") != "itinerary-date-model" or data.get("feature_version") != FEATURE_VERSION:
            raise ExtractionError(
                f"{origin}: not a date model of feature version {FEATURE_VERSION}; "
                "rebuild it with benchmarks/train_extract_model.py"
            )
        weights = {str(k): float(v) for k, v in data["weights"].items() if known_feature(str(k))}
        return cls(weights, str(data.get("trained_on", "")), bool(data.get("enabled", True)))

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), indent=1, sort_keys=True) + "\n", encoding="utf-8")


def _by_rules(o: DateOption) -> bool:
    return bool(o.features.get("rules"))


def rules_dates() -> DateModel:
    """The fallback: every stop keeps the date the rules chose."""
    return DateModel({"rules": 1.0}, trained_on="rules")


def load_date_model(path: Path | None = None) -> DateModel:
    """The shipped date model (or the one at ``path``); the rules' dates when none is shipped."""
    read = read_model_file(path, MODEL_FILE, "date model")
    return rules_dates() if read is None else DateModel.from_json(*read)


# --- candidates -------------------------------------------------------------------------------


def _key(d: DateSpan) -> tuple[Any, ...]:
    return (d.start, d.end, d.precision) if d.known else ()


def _kind(h: DateHit | None, d: DateSpan) -> dict[str, float]:
    f: dict[str, float] = {}
    if d.precision is Precision.DAY:
        f["kind_day" if d.start == d.end else "kind_range"] = 1.0
    elif d.known:
        f["kind_month"] = 1.0
    if h is not None and h.weekday is not None and h.span is None:
        f["kind_weekday"] = 1.0
    if h is not None and h.relative is not None:
        f["kind_relative"] = 1.0
    return f


def locate(stop: Stop, doc: Document) -> tuple[int, Mention | None] | None:
    """The sentence of the stop's quote (its index) and the mention of its place there."""
    idx = next((i for i, s in enumerate(doc.sentences) if s.span.text == stop.quote), None)
    if idx is None:
        return None
    places = doc.sentences[idx].places
    want = (stop.place or "").lower()
    rid = stop.resolved.id if stop.resolved is not None else None
    for m in places:
        if m.query.lower() == want or m.text.lower() == want:
            return idx, m
    for m in places:
        if rid is not None and m.record is not None and m.record.id == rid:
            return idx, m
    return idx, None


def paragraph_start(doc: Document, idx: int) -> int:
    """The index of the first sentence of the paragraph of sentence ``idx``."""
    k = idx
    while k > 0:
        prev, cur = doc.sentences[k - 1].span, doc.sentences[k].span
        if "\n" in doc.text[prev.end_char : cur.start_char]:
            break
        k -= 1
    return k


def _in_sentence(s: Sentence, h: DateHit, m: Mention | None) -> dict[str, float]:
    """The features of a date of the stop's own sentence."""
    if m is None:
        return {"same_sentence": 1.0}
    f: dict[str, float] = {}
    c = s.clauses
    same = c is not None and c.at(h.start) == c.at(m.start)
    f["same_clause" if same else "same_sentence"] = 1.0
    lo, hi = (h.end, m.start) if h.end <= m.start else (m.end, h.start)
    if h.end <= m.start:
        f["before_place"] = 1.0
    f["closeness"] = 1.0 / (1.0 + len(word_list(s.span.text[lo:hi])))
    if any(q is not m and q.start >= lo and q.end <= hi for q in s.places):
        f["place_between"] = 1.0
    if any(o is not h and o.start >= lo and o.end <= hi for o in s.dates):
        f["date_between"] = 1.0
    return f


def _sequence_no_date(s: Sentence, m: Mention | None, seq: tuple[str, ...]) -> bool:
    """ "He then travelled to Przemysl": a word of sequence before the place, no date in the sentence."""
    if m is None or s.dates or not seq:
        return False
    before = word_list(s.span.text[: m.start].lower())
    return any(starts(w, seq) for w in before)


class _Offers:
    """The dates offered to one stop, each with the features of every generator that offers it."""

    def __init__(self) -> None:
        self.found: dict[tuple[Any, ...], tuple[DateSpan, dict[str, float]]] = {}

    def add(self, d: DateSpan | None, f: dict[str, float]) -> None:
        d = d if d is not None and d.known else DateSpan()
        k = _key(d)
        if k not in self.found:
            self.found[k] = (d, {"sources": 0.0})
        have = self.found[k][1]
        have["sources"] += 1.0
        for name, v in f.items():
            have[name] = max(have.get(name, 0.0), v)


def _resolved(hits: list[DateHit], published: dt.date | None, future: bool) -> list[tuple[DateHit, DateSpan]]:
    return [(h, d) for h in hits if (d := h.resolve(published, future=future)) is not None and d.known]


def _from_text(
    offers: _Offers, doc: Document, idx: int, m: Mention | None, stop: Stop, prev: Stop | None
) -> None:
    """The dates of the stop's sentence, of the sentences around it and of its paragraph."""
    published, future = doc.ctx.published, stop.status is not Status.CONFIRMED
    s = doc.sentences[idx]
    for h, d in _resolved([_then(s, h, doc) for h in s.dates], published, future):
        f = _in_sentence(s, h, m) | _kind(h, d)
        if idx == 0:
            f["headline"] = 1.0
        offers.add(d, f)
    around = [(idx - 1, "prev_sentence"), (idx + 1, "next_sentence")]
    around += [(k, "paragraph") for k in range(paragraph_start(doc, idx), idx - 1)]
    for k, name in around:
        if 0 <= k < len(doc.sentences):
            for h, d in _resolved(doc.sentences[k].dates, published, future):
                offers.add(d, {name: 1.0} | _kind(h, d))
    if _sequence_no_date(s, m, doc.ctx.lx.sequence) and idx > 0:
        for _, d in _resolved(doc.sentences[idx - 1].dates, published, future)[-1:]:
            offers.add(d, {"sequence_prev": 1.0})
        if prev is not None and prev.date.known:
            offers.add(prev.date, {"sequence_prev": 1.0})


def _then(s: Sentence, h: DateHit, doc: Document) -> DateHit:
    """A weekday of a plan told as it stood before the news ("était attendu lundi") is the one
    nearest the publication, as the rules read it (steps.dates.this_week)."""
    if h.weekday is None or h.span is not None or h.next_ or not plan_then(s, h.start, doc.ctx):
        return h
    return dataclasses.replace(h, this=True)


def options(stop: Stop, doc: Document, prev: Stop | None = None, nxt: Stop | None = None) -> list[DateOption]:
    """Every date the article offers ``stop`` (the rules' choice first), with its features.
    ``prev`` and ``nxt``: the trip's stops around it in the text, with the rules' dates."""
    published, future = doc.ctx.published, stop.status is not Status.CONFIRMED
    offers = _Offers()
    offers.add(stop.date, {"rules": 1.0})
    if vague_period(stop.quote or "", doc.ctx.lx.vague_periods):
        # "visited Cairo last week": the text gives no day, and no other date of the article is its
        return [_option(d, f, stop, published, prev, [], {}) for d, f in offers.found.values()]
    offers.add(None, {})
    at = locate(stop, doc)
    if at is not None:
        _from_text(offers, doc, at[0], at[1], stop, prev)
    for h, d in _resolved(doc.sentences[0].dates if doc.sentences else [], published, future):
        if h.start <= doc.ctx.tuning.dateline_window:  # the dateline's date ("WARSAW, Aug. 22 (Reuters) -")
            offers.add(d, {"dateline": 1.0} | _kind(h, d))
    if published is not None:
        offers.add(DateSpan.parse(published), {"publication": 1.0, "kind_day": 1.0})
    for near, name in ((prev, "prev_stop"), (nxt, "next_stop")):
        if near is not None and near.date.known:
            offers.add(near.date, {name: 1.0})
    own = [d for _, d in _resolved(doc.sentences[at[0]].dates if at else [], published, future)]
    # a plan told as it stood before the news: a day of its own clause gone by still fits it
    then = at is not None and at[1] is not None and plan_then(doc.sentences[at[0]], at[1].start, doc.ctx)
    # what speaks for leaving the stop undated: features of the "undated" option alone
    text = {"same_clause", "same_sentence", "prev_sentence", "next_sentence", "paragraph", "dateline"}
    told = any(text & set(f) for _, f in offers.found.values())
    undated = {
        "undated_planned": float(stop.status is not Status.CONFIRMED),
        "undated_untold": float(not told),
        "undated_own_date": float(bool(own)),
    }
    return [_option(d, f, stop, published, prev, own, undated, then) for d, f in offers.found.values()]


def _option(
    d: DateSpan,
    f: dict[str, float],
    stop: Stop,
    published: dt.date | None,
    prev: Stop | None,
    own: list[DateSpan],
    undated: dict[str, float],
    then: bool = False,
) -> DateOption:
    """The option of date ``d`` with its features completed by what holds of the date itself."""
    if not d.known:
        return DateOption(d, {"undated": 1.0, **({"rules": 1.0} if f.get("rules") else {}), **undated})
    f = {
        **f,
        "sources": math.log1p(f["sources"]),
        **_fits(d, stop.status, published, prev, then and bool(f.get("same_clause"))),
    }
    if f.get("publication") and stop.status is Status.CONFIRMED:
        f["publication_done"] = 1.0
    if any(_holds(d, o) and _key(d) != _key(o) for o in own):
        f["contains_own"] = 1.0
    elif own and not (f.get("same_clause") or f.get("same_sentence")):
        f["own_elsewhere"] = 1.0
    return DateOption(d, f)


def _holds(d: DateSpan, o: DateSpan) -> bool:
    """``d`` covers the days of ``o``."""
    return bool(d.start and d.end and o.start and o.end and d.start <= o.start and o.end <= d.end)


def _fits(
    d: DateSpan, status: Status, published: dt.date | None, prev: Stop | None, then: bool = False
) -> dict[str, float]:
    f: dict[str, float] = {}
    if published is not None and d.start is not None and d.end is not None:
        bad = (status is Status.CONFIRMED and d.start > published) or (
            status is Status.PLANNED and d.end < published and not then
        )
        f["inconsistent" if bad else "consistent"] = 1.0
    if prev is not None and prev.date.start is not None and d.start is not None:
        f["order_bad" if d.start < prev.date.start else "order_ok"] = 1.0
    return f


def trip_options(trip: Trip, doc: Document) -> list[list[DateOption]]:
    """The options of every stop of a trip, in the trip's order."""
    stops = trip.stops
    order = sorted(range(len(stops)), key=lambda i: _text_position(stops[i], doc))
    out: list[list[DateOption]] = [[] for _ in stops]
    for n, i in enumerate(order):
        prev = stops[order[n - 1]] if n > 0 else None
        nxt = stops[order[n + 1]] if n + 1 < len(order) else None
        out[i] = options(stops[i], doc, prev, nxt)
    return out


def _text_position(stop: Stop, doc: Document) -> int:
    at = locate(stop, doc)
    return at[0] if at is not None else len(doc.sentences)


def redate(draft: Itinerary, doc: Document, model: DateModel) -> Itinerary:
    """The draft with each stop's date the one ``model`` ranks first (the rules' date where the
    model is switched off or prefers it); stops put back in travel order."""
    if not model.enabled or model.trained_on == "rules":
        return draft
    trips = []
    for trip in draft.trips:
        stops = list(trip.stops)
        for i, opts in enumerate(trip_options(trip, doc)):
            best = model.choose(opts)
            if _by_rules(best):
                continue
            note = "date chosen by the date model among the dates the article offers"
            stops[i] = dataclasses.replace(stops[i], date=best.date, note=stops[i].note or note)
        ordered = in_travel_order(tuple(stops))
        trips.append(dataclasses.replace(trip, stops=ordered))
    return draft.with_trips(tuple(trips))
