"""The extractor learns from reviews: corrections become labelled candidates for the stop model
and labelled stops for the status model, and each model's weights move toward them.

Each decision of a corrections file names its article (file and SHA-256) and the mention's span.
The article is analysed again by the extractor (its public API: :meth:`Extractor.analyse` gives
every candidate with the features the stop model reads); the candidate at the decision's span,
with the person's verdict (a stop or not), is one example. Decisions on another version of the
feature set, on an article whose text changed, or on a mention that is no candidate (context)
are counted and left out.

Training starts from a model (the shipped one by default) and fits a logistic regression whose
weights are pulled toward that model's (a Gaussian prior of strength ``prior``): a handful of
corrections moves the model where the person disagreed with it, without forgetting what it
learned from its training articles. :func:`held_out` scores the base and the retrained model
on corrections of articles left out of the training (folds by article).

The status model learns the same way (:func:`retrain_status`, :func:`held_out_status`): each stop
the person kept (accepted or edited) with a status is matched to the stop of the draft assembled
again from the article (its mention's place and traveller), and what the status model reads about
that stop, labelled with the person's status, is one example of a softmax regression pulled
toward the base status model's weights.
"""

from __future__ import annotations

import dataclasses
import hashlib
import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from itinerary.errors import ValidationError
from itinerary.extract.date_model import DateModel, DateOption, rules_dates, trip_options
from itinerary.extract.status_model import FEATURES as STATUS_FEATURES
from itinerary.extract.status_model import STATUSES, StatusModel, vectors
from itinerary.model import DateSpan, Status
from itinerary.review.corrections import read_decisions
from itinerary.review.marks import marks_of


@dataclass(frozen=True)
class Example:
    """One reviewed candidate: its features and the person's verdict."""

    features: dict[str, float]
    stop: bool
    article: str  # the article's SHA-256 (folds keep one article's examples together)
    text: str = ""  # the mention, for a person reading the examples


@dataclass(frozen=True)
class StatusExample:
    """One reviewed stop: what the status model reads about it and the person's status."""

    features: dict[str, float]
    status: Status
    rule: Status  # the status the rules read (the model's fallback on a tie)
    article: str  # the article's SHA-256
    text: str = ""


@dataclass(frozen=True)
class DateExample:
    """One reviewed stop's dates: those the article offers it, and which is the person's."""

    options: tuple[DateOption, ...]
    labels: tuple[bool, ...]
    article: str  # the article's SHA-256
    text: str = ""


@dataclass
class Collected:
    examples: list[Example]
    skipped: dict[str, int]  # why -> how many decisions were left out
    statuses: list[StatusExample] = dataclasses.field(default_factory=list)
    statuses_skipped: dict[str, int] = dataclasses.field(default_factory=dict)
    dates: list[DateExample] = dataclasses.field(default_factory=list)
    dates_skipped: dict[str, int] = dataclasses.field(default_factory=dict)


@dataclass(frozen=True)
class _Recording(StatusModel):
    """The extractor's status model, which also records each trip's stops (their mentions
    merged) with what the status model reads about them, before it decides."""

    seen: list[tuple[Any, dict[str, float]]] = dataclasses.field(default_factory=list)

    def settle(self, stops: list[Any], published: Any) -> list[Any]:
        self.seen.extend(zip(stops, vectors(stops), strict=True))
        return super().settle(stops, published)


def collect(paths: list[Path], extractor: Any) -> Collected:
    """The examples of the corrections files (the latest decision on a mention wins)."""
    from itinerary.extract import read_article
    from itinerary.extract.scoring import FEATURE_VERSION

    skipped: dict[str, int] = defaultdict(int)
    latest: dict[tuple[Path, str, int, int], dict[str, Any]] = {}
    for path in paths:
        try:
            decisions = read_decisions(path)
        except (OSError, ValueError) as exc:
            raise ValidationError(f"cannot read the corrections ({exc})", source=str(path)) from None
        for d in decisions:
            if d.get("features_version") != FEATURE_VERSION:
                skipped["another feature version"] += 1
            elif d.get("mention_start") is None or not d.get("article"):
                skipped["no mention in the article"] += 1
            else:
                article = (path.parent / str(d["article"])).resolve()
                latest[(article, d["article_sha256"], d["mention_start"], d["mention_end"])] = d
    by_article: dict[tuple[Path, str], list[dict[str, Any]]] = defaultdict(list)
    for (article, digest, _, _), d in latest.items():
        by_article[(article, digest)].append(d)
    examples: list[Example] = []
    statuses: list[StatusExample] = []
    status_skipped: dict[str, int] = defaultdict(int)
    dates: list[DateExample] = []
    dates_skipped: dict[str, int] = defaultdict(int)
    for (article, digest), decisions in sorted(by_article.items()):
        try:
            same = hashlib.sha256(article.read_bytes()).hexdigest() == digest
        except OSError:
            skipped["article not found"] += len(decisions)
            continue
        if not same:
            skipped["article changed since the review"] += len(decisions)
            continue
        analysis = extractor.analyse(read_article(article))
        base = extractor.status_model
        recording = _Recording(base.weights, base.bias, base.trained_on, base.c)
        # every candidate gets its verdict; the rules' dates, which the date options are built on
        draft = extractor.assemble(analysis, status_model=recording, date_model=rules_dates())
        offered = _date_options(draft, analysis)
        marks = marks_of(analysis)
        at = {(m.start, m.end): m for m in marks.mentions}
        for d in decisions:
            m = at.get((d["mention_start"], d["mention_end"]))
            if m is None or not m.features:
                skipped["the mention is no candidate of the extractor"] += 1
                continue
            examples.append(Example(dict(m.features), bool(d["stop"]), digest, m.text))
            _status_example(d, m, recording.seen, digest, statuses, status_skipped)
            _date_example(d, m, offered, digest, dates, dates_skipped)
    return Collected(examples, dict(skipped), statuses, dict(status_skipped), dates, dict(dates_skipped))


def _kept(d: dict[str, Any]) -> bool:
    """A decision that keeps a stop with the person's fields (its status and date are theirs)."""
    return bool(d.get("stop")) and d.get("action") in ("accept", "edit", "add")


def _date_options(draft: Any, analysis: Any) -> list[tuple[str, str, list[DateOption]]]:
    """Every stop of the draft (its place id, its traveller) with the dates the article offers it."""
    out: list[tuple[str, str, list[DateOption]]] = []
    for trip in draft.trips:
        for stop, opts in zip(trip.stops, trip_options(trip, analysis), strict=True):
            if stop.resolved is not None and stop.resolved.id:
                out.append((str(stop.resolved.id), trip.traveller, opts))
    return out


def _date_example(
    d: dict[str, Any],
    m: Any,
    offered: list[tuple[str, str, list[DateOption]]],
    digest: str,
    out: list[DateExample],
    skipped: dict[str, int],
) -> None:
    """The date example of a decision: which of the dates the article offers the stop is the
    person's date (none: "undated" is)."""
    if not _kept(d):
        return
    try:
        gold = DateSpan.parse(d.get("date") or None)
    except ValueError:
        skipped["a date that cannot be read"] += 1
        return
    place = str((m.place or {}).get("id") or d.get("place_id") or "")
    here = [(t, o) for pid, t, o in offered if pid == place]
    mine = [o for t, o in here if t == d.get("traveller")] or [o for _, o in here]
    if not place or not mine:
        skipped["no stop of the draft at that place (the date model never read it)"] += 1
        return
    opts = mine[0]
    labels = tuple(_same_day(o.date, gold) for o in opts)
    if not any(labels):
        skipped["the reviewed date is none of those the article offers"] += 1
        return
    out.append(DateExample(tuple(opts), labels, digest, m.text))


def _same_day(a: DateSpan, b: DateSpan) -> bool:
    if not a.known or not b.known:
        return a.known == b.known
    return (a.start, a.end) == (b.start, b.end)


def _status_example(
    d: dict[str, Any],
    m: Any,
    seen: list[tuple[Any, dict[str, float]]],
    digest: str,
    out: list[StatusExample],
    skipped: dict[str, int],
) -> None:
    """The status example of a decision: the person's status of a stop they kept, with what the
    status model reads about the draft's stop at that mention's place (same traveller first)."""
    if not _kept(d):
        return
    try:
        status = Status(str(d.get("status")))
    except ValueError:
        skipped["a kept stop without a status"] += 1
        return
    place = str((m.place or {}).get("id") or d.get("place_id") or "")
    here = [(c, f) for c, f in seen if c.place.record is not None and str(c.place.record.id) == place]
    mine = [(c, f) for c, f in here if c.traveller == d.get("traveller")] or here
    if not place or not mine:
        skipped["no stop of the draft at that place (the status model never read it)"] += 1
        return
    c, f = mine[0]
    out.append(StatusExample(dict(f), status, c.status, digest, m.text))


#: How strongly a retrained model's weights stay near the base model's (a Gaussian prior's
#: precision). Chosen by the held-out log-loss of the corrections on the open development
#: articles (1: 0.448, 10: 0.420, 50: 0.402; ``bench_review.py --loop``).
DEFAULT_PRIOR = 50.0

#: the weight of the rules' own reading when a status model starts from the rules alone (a model
#: that follows the rules: p = 0.99 for the rules' status against two others, before any correction)
RULES_AS_WEIGHT = 5.0


def retrain(base: Any, examples: list[Example], prior: float = DEFAULT_PRIOR) -> Any:
    """A stop model fitted to ``examples``, its weights and bias pulled toward ``base``'s."""
    import numpy as np
    from scipy.optimize import minimize

    names = sorted(base.weights)
    w0 = np.array([base.weights[k] for k in names] + [base.bias])
    if not examples:
        return base
    x = np.array([[e.features.get(k, 0.0) for k in names] + [1.0] for e in examples])
    y = np.array([1.0 if e.stop else 0.0 for e in examples])

    def loss(w: Any) -> tuple[float, Any]:
        z = np.clip(x @ w, -30, 30)
        p = 1.0 / (1.0 + np.exp(-z))
        eps = 1e-12
        nll = -np.sum(y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps))
        d = w - w0
        return float(nll + 0.5 * prior * d @ d), x.T @ (p - y) + prior * d

    fit = minimize(loss, w0, jac=True, method="L-BFGS-B")
    w = fit.x
    return dataclasses.replace(
        base,
        weights={k: float(v) for k, v in zip(names, w[:-1], strict=True)},
        bias=float(w[-1]),
        reliability=(),  # the base's reliability table does not describe the new weights
        trained_on=f"{base.trained_on or 'the shipped model'} + {len(examples)} reviewed candidates",
    )


@dataclass(frozen=True)
class Score:
    """How a model does on examples: right verdicts (at its keep threshold) and the log-loss."""

    right: int
    total: int
    log_loss: float

    def __str__(self) -> str:
        if not self.total:
            return "no example"
        return f"{self.right}/{self.total} verdicts right, log-loss {self.log_loss:.3f}"


def score(model: Any, examples: list[Example]) -> Score:
    right, ll = 0, 0.0
    for e in examples:
        p = model.probability(e.features)
        right += (p >= model.thresholds.keep) == e.stop
        q = min(max(p if e.stop else 1 - p, 1e-12), 1.0)
        ll -= math.log(q)
    return Score(right, len(examples), ll / len(examples) if examples else 0.0)


def held_out(
    base: Any, examples: list[Example], prior: float = DEFAULT_PRIOR, folds: int = 5
) -> tuple[Score, Score]:
    """The base model and the retrained one scored on corrections of articles each fold leaves
    out of the training (every example scored once, by a model that never saw its article)."""
    return _held_out(base, examples, score, lambda m, train: retrain(m, train, prior), folds)


ExampleT = TypeVar("ExampleT", Example, StatusExample, DateExample)
ScoreT = TypeVar("ScoreT", bound=Score)
ModelT = TypeVar("ModelT")


def _held_out(
    base: ModelT,
    examples: list[ExampleT],
    score_of: Callable[[ModelT, list[ExampleT]], ScoreT],
    refit: Callable[[ModelT, list[ExampleT]], ModelT],
    folds: int,
) -> tuple[ScoreT, ScoreT]:
    """The base model and the one refitted without them, each scored on the examples of the
    articles a fold leaves out (folds by article); with one article, the base on all and no
    held-out score."""
    articles = sorted({e.article for e in examples})
    k = min(folds, len(articles))
    if k < 2:
        first = score_of(base, examples)
        return first, type(first)(0, 0, 0.0)
    fold_of = {a: n % k for n, a in enumerate(articles)}
    before: ScoreT | None = None
    after: ScoreT | None = None
    for f in range(k):
        test = [e for e in examples if fold_of[e.article] == f]
        train = [e for e in examples if fold_of[e.article] != f]
        b, a = score_of(base, test), score_of(refit(base, train), test)
        before, after = (b, a) if before is None or after is None else (_add(before, b), _add(after, a))
    assert before is not None and after is not None
    return before, after


def _add(s: ScoreT, t: ScoreT) -> ScoreT:
    n = s.total + t.total
    ll = (s.log_loss * s.total + t.log_loss * t.total) / n if n else 0.0
    return type(s)(s.right + t.right, n, ll)


# --- the status model


class StatusScore(Score):
    """How a status model does on reviewed stops: right statuses and the log-loss."""

    def __str__(self) -> str:
        if not self.total:
            return "no example"
        return f"{self.right}/{self.total} statuses right, log-loss {self.log_loss:.3f}"


def score_status(model: StatusModel, examples: list[StatusExample]) -> StatusScore:
    """Right statuses (the model's decision, the rules' on a tie or without a model) and the
    log-loss of the person's status (a model without weights gives the rules' status p = 1 and
    the others ``1e-12``... a log-loss that says it cannot hedge)."""
    right, ll = 0, 0.0
    for e in examples:
        right += model.decide(e.features, e.rule) is e.status
        p = model.probabilities(e.features).get(e.status) if model.learned else float(e.rule is e.status)
        ll -= math.log(min(max(p or 0.0, 1e-12), 1.0))
    return StatusScore(right, len(examples), ll / len(examples) if examples else 0.0)


def retrain_status(
    base: StatusModel, examples: list[StatusExample], prior: float = DEFAULT_PRIOR
) -> StatusModel:
    """A status model fitted to ``examples`` (a softmax over the statuses), its weights and
    biases pulled toward ``base``'s (without weights, toward a model that follows the rules)."""
    import numpy as np
    from scipy.optimize import minimize

    if not examples:
        return base
    if base.learned:
        names = sorted({k for ws in base.weights.values() for k in ws})
        labels = [st for st in STATUSES if st in set(base.weights) | {e.status for e in examples}]
        start = {st: base.weights.get(st, {}) for st in labels}
    else:  # the rules as a model: each status follows the rules' reading of it
        names = sorted(STATUS_FEATURES)
        labels = list(STATUSES)
        start = {st: {f"rule_{st.value}": RULES_AS_WEIGHT} for st in labels}
    w0 = np.array([[start[st].get(k, 0.0) for k in names] + [base.bias.get(st, 0.0)] for st in labels])
    x = np.array([[e.features.get(k, 0.0) for k in names] + [1.0] for e in examples])
    y = np.zeros((len(examples), len(labels)))
    for i, e in enumerate(examples):
        y[i, labels.index(e.status)] = 1.0
    shape = w0.shape

    def loss(flat: Any) -> tuple[float, Any]:
        w = flat.reshape(shape)
        z = x @ w.T
        z -= z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        d = w - w0
        grad = (np.exp(logp) - y).T @ x + prior * d
        return float(-(y * logp).sum() + 0.5 * prior * (d * d).sum()), grad.ravel()

    fit = minimize(loss, w0.ravel(), jac=True, method="L-BFGS-B")
    w = fit.x.reshape(shape)
    return StatusModel(
        weights={
            st: {k: float(v) for k, v in zip(names, w[i, :-1], strict=True)} for i, st in enumerate(labels)
        },
        bias={st: float(w[i, -1]) for i, st in enumerate(labels)},
        trained_on=f"{base.trained_on or 'the rules'} + {len(examples)} reviewed stops",
        c=base.c,
    )


def held_out_status(
    base: StatusModel, examples: list[StatusExample], prior: float = DEFAULT_PRIOR, folds: int = 5
) -> tuple[StatusScore, StatusScore]:
    """The base status model and the retrained one scored on the reviewed stops of articles each
    fold leaves out of the training (every stop scored once, by a model that never saw it)."""
    return _held_out(base, examples, score_status, lambda m, train: retrain_status(m, train, prior), folds)


# --- the date model


class DateScore(Score):
    """How a date model does on reviewed stops: how often it picks the person's date (no log-loss)."""

    def __str__(self) -> str:
        return f"{self.right}/{self.total} dates right" if self.total else "no example"


def score_dates(model: DateModel, examples: list[DateExample]) -> DateScore:
    right = 0
    for e in examples:
        pick = model.choose(list(e.options))
        right += e.labels[e.options.index(pick)]
    return DateScore(right, len(examples), 0.0)


def retrain_dates(base: DateModel, examples: list[DateExample], prior: float = DEFAULT_PRIOR) -> DateModel:
    """A date ranker fitted to ``examples`` (a softmax over each stop's options: the person's
    date against the others), its weights pulled toward ``base``'s; switched on."""
    import numpy as np
    from scipy.optimize import minimize

    from itinerary.extract.date_model import FEATURES as DATE_FEATURES

    if not examples:
        return base
    names = list(DATE_FEATURES)
    w0 = np.array([base.weights.get(k, 0.0) for k in names])
    blocks = [np.array([[o.features.get(k, 0.0) for k in names] for o in e.options]) for e in examples]
    targets = [np.array(e.labels, dtype=float) / sum(e.labels) for e in examples]

    def loss(w: Any) -> tuple[float, Any]:
        total, grad = 0.0, prior * (w - w0)
        for x, t in zip(blocks, targets, strict=True):
            z = x @ w
            z = z - z.max()
            p = np.exp(z) / np.exp(z).sum()
            total -= float(t @ np.log(p + 1e-12))
            grad = grad + x.T @ (p - t)
        d = w - w0
        return total + 0.5 * prior * float(d @ d), grad

    fit = minimize(loss, w0, jac=True, method="L-BFGS-B")
    return DateModel(
        {k: float(v) for k, v in zip(names, fit.x, strict=True)},
        trained_on=f"{base.trained_on or 'the rules'} + {len(examples)} reviewed stops",
        enabled=True,
    )


def held_out_dates(
    base: DateModel, examples: list[DateExample], prior: float = DEFAULT_PRIOR, folds: int = 5
) -> tuple[DateScore, DateScore]:
    """The base date model and the retrained one on the reviewed stops of articles each fold
    leaves out of the training."""
    return _held_out(base, examples, score_dates, lambda m, train: retrain_dates(m, train, prior), folds)
