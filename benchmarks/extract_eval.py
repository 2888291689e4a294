"""The development articles as data for the stop scorer: events, labels, training, cross-validation.

The articles and their truth live in ../shared/articles (third-party text, never copied here).
Articles about the same trip form one *event*; the cross-validation leaves one event out at a
time, so an article is always scored by a model that never saw an article about its trip. The
events are split into *open* and *sealed* ones (``extract_split.py``, committed as
``extract_split.json``): :func:`load` reads one side when asked.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import importlib.util
import io
import re
import sys
import tempfile
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import itinerary
from benchmarks import extract_split as split
from benchmarks.extract_split import EVENTS
from itinerary.errors import ExtractionError
from itinerary.extract import Article, Extractor, StopModel, Thresholds
from itinerary.extract.scoring import FEATURES, LANGUAGE_FEATURE
from itinerary.extract.status_model import StatusModel
from itinerary.model import Status

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT.parent / "shared" / "articles"
SETS = ("dev", "dev2")  # the sets the stop model was first built on (the merge benchmark's articles)
ALL_SETS = split.SETS  # dev, dev2, dev3: the whole development set, split into open and sealed


@dataclass
class Item:
    """One development article: where it is, its event, its analysis and its labels."""

    stem: str
    folder: str
    lang: str
    event: str
    analysis: Any  # the extractor's analysis; None when it refuses the article (a language without a pack)
    labels: list[int | None]  # per candidate: 1 stop, 0 not, None neutral (optional stop)
    no_trip: bool = False  # the truth reports no trip


def scorer_module(articles: Path = ARTICLES) -> ModuleType:
    spec = importlib.util.spec_from_file_location("dev_score", articles / "score.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def event_of(stem: str) -> str:
    """The event of an article (from the split file, else the dev/dev2 table)."""
    entry = _split().get(f"{stem}.txt")
    return entry.event if entry else EVENTS.get(split.number(stem), stem)


def side_of(stem: str) -> str | None:
    """ "open" or "sealed" for an article of the split file, else None."""
    entry = _split().get(f"{stem}.txt")
    return entry.side if entry else None


@functools.lru_cache(maxsize=1)
def _split() -> dict[str, split.Entry]:
    return split.load_split() if split.SPLIT_FILE.exists() else {}


def label(record: Any, units: list[dict[str, Any]], score: ModuleType) -> int | None:
    """1 when the place matches a required stop of the truth, None for an optional one, else 0."""
    if record is None:
        return 0
    pred = {"lat": record.lat, "lon": record.lon, "country_code": record.country_code}
    hits = [u for u in units if score.match_cost(pred, u["stop"]) is not None]
    if any(not u["optional"] for u in hits):
        return 1
    return None if hits else 0


def load(
    extractor: Extractor,
    articles: Path = ARTICLES,
    folders: tuple[str, ...] = SETS,
    side: str | None = None,
) -> list[Item]:
    """The articles of ``folders`` (only those of ``side`` of the split when given), analysed."""
    score = scorer_module(articles)
    items: list[Item] = []
    for folder in folders:
        truth = score.load_truth(str(articles / folder / "truth"))
        for path in sorted((articles / folder).glob("*.txt")):
            if side is not None and side_of(path.stem) != side:
                continue
            # as a user runs it: the body only, the header's date, the language detected
            art = Article(text=_body(path), published=published_of(path), source_id=path.stem)
            t = truth[path.stem]
            try:
                an = extractor.analyse(art)
            except ExtractionError:  # refused (no language pack): no draft, its stops are missed
                an = None
            units = score.gold_units(t)
            labels = [label(d.place.record, units, score) for d in an.candidates] if an else []
            lang = str(t.get("language"))
            no_trip = not t.get("trips")
            items.append(Item(path.stem, folder, lang, event_of(path.stem), an, labels, no_trip))
    return items


def _body(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    return raw.partition("\n---\n")[2]


def train(
    items: list[Item],
    tuning: Thresholds | None = None,
    name: str = "",
    c: float = 0.5,
    balanced: bool = False,
) -> StopModel:
    """A logistic regression on the labelled candidates of ``items``."""
    from sklearn.linear_model import LogisticRegression

    # the named features, and one per language of the training articles (see scoring.LANGUAGE_FEATURE)
    langs = {
        k
        for it in items
        if it.analysis is not None
        for d in it.analysis.candidates
        for k in d.features
        if k.startswith(LANGUAGE_FEATURE)
    }
    keys = [*FEATURES, *sorted(langs)]
    xs: list[list[float]] = []
    ys: list[int] = []
    for it in items:
        for d, y in zip(it.analysis.candidates if it.analysis else [], it.labels, strict=True):
            if y is not None:
                xs.append([d.features.get(k, 0.0) for k in keys])
                ys.append(y)
    clf = LogisticRegression(C=c, max_iter=2000, class_weight="balanced" if balanced else None)
    clf.fit(xs, ys)
    weights = {k: float(w) for k, w in zip(keys, clf.coef_[0], strict=True)}
    return StopModel(weights, float(clf.intercept_[0]), tuning or Thresholds(), trained_on=name)


def write_drafts(
    extractor: Extractor,
    items: list[Item],
    models: dict[str, StopModel],
    out: Path,
    status_models: dict[str, StatusModel] | None = None,
) -> dict[str, int]:
    """One draft per article, each assembled with the model of its event (``models[event]``, and
    ``status_models[event]`` when given, else the extractor's status model); an article the
    extractor refused gets none. Returns the number of stops per article."""
    out.mkdir(parents=True, exist_ok=True)
    stops: dict[str, int] = {}
    for it in items:
        if it.analysis is None:
            stops[it.stem] = 0
            continue
        status = status_models[it.event] if status_models is not None else None
        draft = extractor.assemble(it.analysis, models[it.event], status)
        stops[it.stem] = sum(len(t.stops) for t in draft.trips)
        itinerary.dump(draft, out / f"{it.stem}.yaml")
    return stops


@contextlib.contextmanager
def _truth_of(
    folders: tuple[str, ...], articles: Path, stems: Collection[str] | None = None
) -> Iterator[tuple[Path, Path]]:
    """A temporary folder and, inside it, links to the truth files of ``folders`` (of the
    articles ``stems`` only, when given)."""
    with tempfile.TemporaryDirectory() as tmp:
        truth = Path(tmp) / "truth"
        truth.mkdir()
        for folder in folders:
            for t in (articles / folder / "truth").glob("*.yaml"):
                if stems is None or t.stem in stems:
                    (truth / t.name).symlink_to(t)
        yield Path(tmp), truth


def score_drafts(
    drafts: Path,
    folders: tuple[str, ...],
    articles: Path = ARTICLES,
    stems: Collection[str] | None = None,
    *,
    strict_traveller: bool = False,
) -> dict[str, Any]:
    """The set's own scorer over the truth of ``folders`` (of ``stems`` only, when given;
    quietly; the summary as a dict, with ``by_article`` that only aggregates may use for
    sealed articles). With ``strict_traveller`` a stop only matches a stop of a trip whose
    traveller fits its own (the scorer's ``--strict-traveller``)."""
    score = scorer_module(articles)
    with _truth_of(folders, articles, stems) as (tmp, truth):
        with contextlib.redirect_stdout(io.StringIO()):
            score.score_dir(str(drafts), str(truth), strict_traveller, json_out=str(tmp / "s.json"))
        import json

        return dict(json.loads((tmp / "s.json").read_text(encoding="utf-8")))


def score_details(
    drafts: Path, folders: tuple[str, ...], articles: Path = ARTICLES, stems: Collection[str] | None = None
) -> str:
    """The set's scorer's per-article lines (--verbose), reduced to the misses and false stops
    (never for sealed articles)."""
    if stems is not None and any(side_of(s) == split.SEALED for s in stems):
        raise ValueError("no per-article details for sealed articles")
    score = scorer_module(articles)
    with _truth_of(folders, articles, stems) as (tmp, truth):
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            score.score_dir(str(drafts), str(truth), verbose=True, json_out=str(tmp / "s.json"))
    out: list[str] = []
    head = ""
    for line in buf.getvalue().splitlines():
        if line.startswith("== "):
            head = line
        elif line.strip().startswith(("FN", "FP")):
            if head:
                out.append(head)
                head = ""
            out.append(line)
    return "\n".join(out)


def cross_validated(items: list[Item], tuning: Thresholds | None = None, **kw: Any) -> dict[str, StopModel]:
    """Leave one event out: a model per event, trained on the articles of all other events."""
    models: dict[str, StopModel] = {}
    for ev in sorted({it.event for it in items}):
        models[ev] = train([it for it in items if it.event != ev], tuning, name=f"all but {ev}", **kw)
    return models


def reliability(
    items: list[Item], models: dict[str, StopModel], bins: int = 5
) -> list[tuple[float, float, float, int]]:
    """Per probability bin: the share of candidates that are stops (held-out probabilities)."""
    rows: list[list[float]] = [[0.0, 0.0] for _ in range(bins)]
    for it in items:
        m = models[it.event]
        for d, y in zip(it.analysis.candidates if it.analysis else [], it.labels, strict=True):
            if y is None:
                continue
            p = m.probability(d.features)
            b = min(bins - 1, int(p * bins))
            rows[b][0] += y
            rows[b][1] += 1
    return [(i / bins, (i + 1) / bins, (s / n if n else 0.0), int(n)) for i, (s, n) in enumerate(rows)]


def held_out_decisions(items: list[Item], models: dict[str, StopModel]) -> list[tuple[float, int, bool]]:
    """One decision per place of an article, as the draft has one stop per place: the probability
    of its most probable mention (each scored by the model that did not see its event), whether
    it is a truth stop, and whether the travel rules make one of its mentions a stop."""
    from itinerary.extract.scoring import cued

    best: dict[tuple[str, str], tuple[float, int, bool]] = {}
    for it in items:
        m = models[it.event]
        for d, y in zip(it.analysis.candidates if it.analysis else [], it.labels, strict=True):
            if y is None or d.place.record is None:
                continue
            p = m.probability(d.features) if cued(d.features) else 0.0
            key = (it.stem, d.place.record.id)
            was = best.get(key, (0.0, 0, False))
            best[key] = (max(was[0], p), max(was[1], y), was[2] or d.rule)
    return list(best.values())


def kept_by_origin(
    items: list[Item], models: dict[str, StopModel], keep: float
) -> dict[str, tuple[int, int]]:
    """The held-out stops (:func:`held_out_decisions`) by what made them: ``"rule"`` when the
    travel rules make one of the place's mentions a stop, ``"model only"`` when the model alone
    keeps it. Per origin: (kept, true). A stop the model alone keeps has only the model's general
    evidence (travel words near, mentioned again), so its precision is what news nobody has read
    tests hardest."""
    out = {"rule": (0, 0), "model only": (0, 0)}
    for p, y, rule in held_out_decisions(items, models):
        if p >= keep:
            kept, true = out["rule" if rule else "model only"]
            out["rule" if rule else "model only"] = (kept + 1, true + y)
    return out


def best_threshold(items: list[Item], models: dict[str, StopModel], grid: int = 9) -> float:
    """The probability threshold that maximises the F1 of the held-out decisions
    (:func:`held_out_decisions`), over 0.30, 0.35, ..., 0.70."""
    held = [(p, y) for p, y, _ in held_out_decisions(items, models)]
    positives = sum(y for _, y in held)

    def f1(th: float) -> float:
        tp = sum(1 for p, y in held if p >= th and y)
        fp = sum(1 for p, y in held if p >= th and not y)
        return 2 * tp / (2 * tp + fp + (positives - tp)) if positives else 0.0

    # the F1 of a threshold is averaged with its neighbours' (0.05 either side): the curve is flat
    # near its top, and a bare maximum jumps between neighbours from one retrain to the next
    grid_points = [round(0.30 + 0.05 * i, 2) for i in range(grid)]

    def smooth(th: float) -> float:
        return sum(f1(round(th + d, 2)) for d in (-0.05, 0.0, 0.05)) / 3

    curve = ", ".join(f"{th:.2f}: {f1(th):.3f}" for th in grid_points)
    print(f"held-out F1 by keep threshold: {curve}", file=sys.stderr)
    # averaging flattens the top as much as it steadies it: the thresholds whose averaged F1 is
    # within one held-out decision of the best (about 1 / positives of F1) are near the top; among
    # them an own F1 within one decision of the best is a tie, and a tie goes to the higher
    # threshold: a news corpus is mostly articles with no trip, where a false stop costs and a
    # missed one cannot happen, a cost the held-out articles (nearly all with a trip) do not show
    top = max(smooth(th) for th in grid_points)
    one = 1 / max(positives, 1)
    near = [th for th in grid_points if smooth(th) >= top - one]
    peak = max(f1(th) for th in near)
    return max(th for th in near if f1(th) >= peak - one)


# --- the date model (itinerary.extract.date_model): which date the article offers is a stop's date

#: the regularisation of the date ranker: chosen on the training stops alone by a held-out search
#: over :data:`DATE_C_GRID` (:func:`choose_date_c`, steadied: the larger C on a near tie); DATE_C is
#: the default of :func:`train_dates` when none is given
DATE_C = 1.0
DATE_C_GRID = (0.1, 0.3, 1.0, 3.0, 10.0)


@dataclass
class DateRow:
    """One draft stop matched to a dated stop of the truth: the dates the article offers it and,
    for each, 1 when it is the truth's date as the scorer counts an exact date."""

    stem: str
    event: str
    lang: str
    options: list[Any]  # itinerary.extract.date_model.DateOption
    labels: list[int]
    gold: str = ""  # the truth's date, for reading the table
    dated: bool = True  # the truth gives the stop a date (else the right option is "undated")
    matrix: list[list[float]] | None = None  # the options' features in FEATURES order (see train_dates)


def _scorer_match(
    units: list[dict[str, Any]], preds: list[dict[str, Any]], score: ModuleType
) -> dict[int, int]:
    """The scorer's matching of predicted stops to truth units (its greedy lowest cost first)."""
    pairs = []
    for i, p in enumerate(preds):
        if p.get("lat") is None:
            continue
        for j, u in enumerate(units):
            c = score.match_cost(p, u["stop"])
            if c is not None:
                pairs.append((c + (0.5 if u["optional"] else 0.0) + score.tie_break(p, u["stop"]), i, j))
    pairs.sort()
    used_p: set[int] = set()
    used_u: set[int] = set()
    match: dict[int, int] = {}
    for _, i, j in pairs:
        if i not in used_p and j not in used_u:
            used_p.add(i)
            used_u.add(j)
            match[i] = j
    return match


def _exact(date: Any, gold: dict[str, Any], score: ModuleType) -> int:
    """1 when ``date`` (a DateSpan) is the gold stop's date as the scorer counts an exact date."""
    if not date.known or date.start is None or date.end is None:
        return 0
    g = score.parse_interval(gold.get("date_start"), gold.get("date_end"))
    prec = gold.get("date_precision")

    def trunc(d: dt.date) -> tuple[Any, ...]:
        return (d.year,) if prec == "year" else (d.year, d.month) if prec == "month" else (d,)

    return int(trunc(date.start) == trunc(g[0]) and trunc(date.end) == trunc(g[1]))


def date_rows(
    extractor: Extractor,
    items: list[Item],
    models: dict[str, StopModel],
    articles: Path = ARTICLES,
    status_models: dict[str, StatusModel] | None = None,
) -> list[DateRow]:
    """The date table: every stop of each article's draft (assembled with ``models[event]`` and
    the rules' dates; ``status_models[event]`` when given) that the scorer matches to a required
    stop of the truth; when the truth gives that stop no date, "undated" is its right option."""
    from itinerary.extract.date_model import rules_dates, trip_options

    score = scorer_module(articles)
    truths: dict[str, dict[str, Any]] = {}
    rows: list[DateRow] = []
    with tempfile.TemporaryDirectory() as tmp:
        for it in items:
            if it.analysis is None:
                continue
            if it.folder not in truths:
                truths[it.folder] = score.load_truth(str(articles / it.folder / "truth"))
            units = score.gold_units(truths[it.folder][it.stem])
            status = status_models[it.event] if status_models is not None else None
            draft = extractor.assemble(it.analysis, models[it.event], status, rules_dates())
            opts = [o for trip in draft.trips for o in trip_options(trip, it.analysis)]
            path = Path(tmp) / f"{it.stem}.yaml"
            itinerary.dump(draft, path)
            preds = score.load_draft(str(path))
            if len(preds) != len(opts):
                raise RuntimeError(
                    f"{it.stem}: {len(preds)} stops in the draft file, {len(opts)} in the draft"
                )
            for i, j in _scorer_match(units, preds, score).items():
                gold = units[j]["stop"]
                if units[j]["optional"]:
                    continue
                if gold.get("date_precision") == "unknown" or not gold.get("date_start"):
                    # the truth gives no date: leaving the stop undated is right
                    labels = [int(not o.date.known) for o in opts[i]]
                    rows.append(DateRow(it.stem, it.event, it.lang, opts[i], labels, "", dated=False))
                    continue
                labels = [_exact(o.date, gold, score) for o in opts[i]]
                g = f"{gold.get('date_start')}/{gold.get('date_end') or ''} ({gold.get('date_precision')})"
                rows.append(DateRow(it.stem, it.event, it.lang, opts[i], labels, g))
    return rows


def train_dates(rows: list[DateRow], name: str = "", c: float = DATE_C) -> Any:
    """The date ranker: a logistic regression on every (stop, candidate date) pair of the stops
    that have the truth's date among their candidates, each pair scored on its own."""
    from sklearn.linear_model import LogisticRegression

    from itinerary.extract.date_model import FEATURES as DATE_FEATURES
    from itinerary.extract.date_model import DateModel

    keys = list(DATE_FEATURES)
    xs: list[list[float]] = []
    ys: list[int] = []
    for r in rows:
        if not any(r.labels):
            continue  # nothing to learn: the truth's date is not among the candidates
        if r.matrix is None:  # the features as numbers, once per row (the folds refit many times)
            r.matrix = [[o.features.get(k, 0.0) for k in keys] for o in r.options]
        xs.extend(r.matrix)
        ys.extend(r.labels)
    clf = LogisticRegression(C=c, max_iter=5000)
    clf.fit(xs, ys)
    return DateModel({k: float(w) for k, w in zip(keys, clf.coef_[0], strict=True)}, trained_on=name)


def cross_validated_dates(
    rows: list[DateRow], events: Collection[str], c: float | None = None
) -> dict[str, Any]:
    """Leave one event out: a date model per event, trained on the stops of all other events
    (its C chosen by :func:`choose_date_c` on those stops alone, unless ``c`` is given)."""
    out: dict[str, Any] = {}
    for ev in sorted(events):
        train_rows = [r for r in rows if r.event != ev]
        out[ev] = train_dates(train_rows, f"all but {ev}", c if c is not None else choose_date_c(train_rows))
    return out


def choose_date_c(rows: list[DateRow], grid: tuple[float, ...] = DATE_C_GRID, folds: int = 5) -> float:
    """The C of :data:`DATE_C_GRID` with the best held-out pick accuracy over ``rows`` (the truth's
    date or, where it gives none, "undated"; their events dealt into ``folds`` groups, each left
    out in turn), steadied as :func:`best_threshold` is: each C's accuracy averaged with its
    neighbours' on the grid, and among the Cs within one held-out stop of the best average, the
    largest (the weakest penalty)."""
    events = sorted({r.event for r in rows})
    group = {ev: i % folds for i, ev in enumerate(events)}

    def held_out(c: float) -> float:
        models: dict[str, Any] = {}
        for g in range(folds):
            m = train_dates([r for r in rows if group[r.event] != g], c=c)
            models.update({ev: m for ev in events if group[ev] == g})
        return date_pick_accuracy(rows, models, dated=None)  # the right date, or rightly undated

    scores = {c: held_out(c) for c in grid}
    # the accuracies of neighbouring Cs differ by a stop or two of some 170: a bare maximum jumps
    # from one C to another when one option of one stop changes, and the ranker with it. Averaged
    # with its neighbours the curve is steadier; a near tie goes to the weaker penalty, which
    # shrinks least the weight of the rules' own option (the "rules" feature), the one the
    # ranker departs from only on steady evidence
    smooth = {}
    for k, c in enumerate(grid):
        near_cs = grid[max(0, k - 1) : k + 2]
        smooth[c] = sum(scores[x] for x in near_cs) / len(near_cs)
    top = max(smooth.values())
    one = 1 / max(len(rows), 1)
    return max(c for c in grid if smooth[c] >= top - one)


def date_pick_accuracy(
    rows: list[DateRow], models: dict[str, Any] | None = None, *, dated: bool | None = True
) -> float:
    """The share of the table's stops the truth dates (``dated``; False: of those it leaves
    undated; None: of all) whose chosen candidate is the truth's (each stop with the model of its
    event; without ``models``, the rules' choice). With ``dated``, the scorer's exact dates."""
    rows = [r for r in rows if dated is None or r.dated is dated]
    if not rows:
        return 0.0
    hits = 0
    for r in rows:
        if models is None:
            pick = next(k for k, o in enumerate(r.options) if o.features.get("rules"))
        else:
            pick = r.options.index(models[r.event].choose(r.options))
        hits += r.labels[pick]
    return hits / len(rows)


def write_dated_drafts(
    extractor: Extractor,
    items: list[Item],
    models: dict[str, StopModel],
    date_models: dict[str, Any],
    out: Path,
    status_models: dict[str, StatusModel] | None = None,
) -> dict[str, int]:
    """:func:`write_drafts` with each article's dates chosen by ``date_models[event]``."""
    out.mkdir(parents=True, exist_ok=True)
    stops: dict[str, int] = {}
    for it in items:
        if it.analysis is None:
            stops[it.stem] = 0
            continue
        status = status_models[it.event] if status_models is not None else None
        draft = extractor.assemble(it.analysis, models[it.event], status, date_models[it.event])
        stops[it.stem] = sum(len(t.stops) for t in draft.trips)
        itinerary.dump(draft, out / f"{it.stem}.yaml")
    return stops


def published_of(path: Path) -> dt.date | None:
    m = re.search(r"^# date:\s*(\d{4}-\d{2}-\d{2})", path.read_text(encoding="utf-8"), re.M)
    return dt.date.fromisoformat(m.group(1)) if m else None


# ----------------------------------------------------------------------------- the status model

#: the status model's regularisation (about 180 labelled stops, a tenth of them cancelled): strong,
#: so that a feature beside the rules' reading moves the decision only with steady evidence
STATUS_C = 0.1
#: the rules' reading (the ``rule_*`` one-hot) enters the fit multiplied by this, so its weights
#: pay a hundredth of the penalty: the model keeps what the rules know (with the same penalty
#: as the other features, the rare cancelled stops fold into planned ones) and the penalty holds
#: the other features back; the weights saved are those of the unscaled features
STATUS_RULE_SCALE = 10.0


def status_label(record: Any, units: list[dict[str, Any]], score: ModuleType) -> Status | None:
    """The truth status of the required stop the place matches as the scorer matches (the nearest
    one; None for no match, an optional stop, a status the truth marks ambiguous, or nearest
    stops that disagree)."""
    if record is None:
        return None
    pred = {"lat": record.lat, "lon": record.lon, "country_code": record.country_code}
    hits = [(c, u) for u in units if (c := score.match_cost(pred, u["stop"])) is not None]
    if not hits:
        return None
    best = min(c for c, _ in hits)
    nearest = [u for c, u in hits if c == best]
    if any(u["optional"] or u["stop"].get("status_ambiguous") for u in nearest):
        return None
    found = {score.norm_status(u["stop"].get("status")) for u in nearest}
    if len(found) != 1:
        return None
    try:
        return Status(found.pop())
    except ValueError:
        return None


@dataclass(frozen=True)
class _Recorder(StatusModel):
    """A status model that decides nothing and records every trip's merged stops with what the
    status model reads about them."""

    seen: list[tuple[Any, dict[str, float]]] = field(default_factory=list)

    def settle(self, stops: list[Any], published: dt.date | None) -> list[Any]:
        from itinerary.extract.status_model import vectors

        self.seen.extend(zip(stops, vectors(stops), strict=True))
        return stops


#: per article: the status model's features and the truth status of each of its labelled stops
StatusRows = dict[str, list[tuple[dict[str, float], Status]]]


def status_rows(
    extractor: Extractor, items: list[Item], models: dict[str, StopModel], articles: Path = ARTICLES
) -> StatusRows:
    """The stops of every article's draft (assembled with the stop model of its event,
    ``models[event]``, their mentions merged, the status the rules read), each with what the
    status model reads and the truth status of the stop it matches (see :func:`status_label`):
    what the status model decides on, where it decides."""
    score = scorer_module(articles)
    truth: dict[str, Any] = {}
    for folder in sorted({it.folder for it in items}):
        truth.update(score.load_truth(str(articles / folder / "truth")))
    out: StatusRows = {}
    for it in items:
        out[it.stem] = []
        if it.analysis is None:
            continue
        rec = _Recorder()
        extractor.assemble(it.analysis, models[it.event], rec)
        units = score.gold_units(truth[it.stem])
        for d, f in rec.seen:
            y = status_label(d.place.record, units, score)
            if y is not None:
                out[it.stem].append((f, y))
    return out


def fit_status(
    xs: list[dict[str, float]],
    ys: list[Status],
    c: float = STATUS_C,
    name: str = "",
    languages: bool = False,
    rule_scale: float = STATUS_RULE_SCALE,
) -> StatusModel:
    """A multinomial logistic regression over the named features of the status model (and one
    per language of the rows, with ``languages``); the rules' reading scaled by ``rule_scale``
    (see :data:`STATUS_RULE_SCALE`)."""
    from sklearn.linear_model import LogisticRegression

    from itinerary.extract.status_model import FEATURES as STATUS_FEATURES
    from itinerary.extract.status_model import LANGUAGE_FEATURE as LANG

    langs = sorted({k for x in xs for k in x if k.startswith(LANG)}) if languages else []
    keys = [*STATUS_FEATURES, *langs]
    classes = sorted(set(ys))
    if len(classes) < 2:  # one status only: the model always says it
        return StatusModel({classes[0]: {}} if classes else {}, {classes[0]: 0.0} if classes else {}, name, c)
    scale = [rule_scale if k.startswith("rule_") else 1.0 for k in keys]
    clf = LogisticRegression(C=c, max_iter=5000)
    clf.fit(
        [[x.get(k, 0.0) * m for k, m in zip(keys, scale, strict=True)] for x in xs], [y.value for y in ys]
    )
    found = [Status(v) for v in clf.classes_]
    if len(found) == 2:  # a binary fit: the first status is the zero of the softmax
        coef = [[0.0] * len(keys), list(clf.coef_[0])]
        bias = [0.0, float(clf.intercept_[0])]
    else:
        coef = [list(row) for row in clf.coef_]
        bias = [float(b) for b in clf.intercept_]
    weights = {
        st: {k: float(w) * m for k, w, m in zip(keys, row, scale, strict=True)}
        for st, row in zip(found, coef, strict=True)
    }
    return StatusModel(weights, dict(zip(found, bias, strict=True)), name, c)


def train_status(items: list[Item], rows: StatusRows, c: float = STATUS_C, name: str = "") -> StatusModel:
    """The status model trained on the labelled stops of ``items`` (``rows``: :func:`status_rows`)."""
    pairs = [r for it in items for r in rows[it.stem]]
    return fit_status([x for x, _ in pairs], [y for _, y in pairs], c, name)


def cross_validated_status(
    items: list[Item], rows: StatusRows, c: float = STATUS_C
) -> dict[str, StatusModel]:
    """Leave one event out: a status model per event, trained on the articles of all other events."""
    return {
        ev: train_status([it for it in items if it.event != ev], rows, c, name=f"all but {ev}")
        for ev in sorted({it.event for it in items})
    }


if __name__ == "__main__":  # pragma: no cover
    sys.exit("use benchmarks/bench_extract.py or benchmarks/train_extract_model.py")
