"""The development articles as data for the stop scorer: events, labels, training, cross-validation.

The articles and their truth live in ../shared/articles (third-party text, never copied here).
Articles about the same trip form one *event*; the cross-validation leaves one event out at a
time, so an article is always scored by a model that never saw an article about its trip.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib.util
import io
import re
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import itinerary
from itinerary.extract import Analysis, Article, Extractor
from itinerary.extract.scoring import FEATURES, LANGUAGE_FEATURE, StopModel, Thresholds

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT.parent / "shared" / "articles"
SETS = ("dev", "dev2")

#: article number -> event (one trip of one traveller); from the topics in the set's README
EVENTS: dict[str, str] = {
    "00": "kim-russia-2023", "42": "kim-russia-2023",
    "21": "kim-russia-2019", "47": "kim-russia-2019",
    "22": "us-israel-oct-2023", "23": "us-israel-oct-2023",
    "24": "modi-moscow-2024", "25": "putin-nk-vietnam-2024", "32": "putin-nk-vietnam-2024",
    "26": "macron-central-africa-2023", "27": "xi-europe-2024", "28": "lavrov-africa-2024",
    "29": "pope-lux-belgium-2024", "30": "pope-asia-2024", "31": "scholz-central-asia-2024",
    "33": "lula-iberia-2023", "34": "sanchez-china-2024",
    "35": "pope-congo-sudan-2023", "52": "pope-congo-sudan-2023",
    "36": "putin-mongolia-2024", "37": "blinken-latam-2022", "38": "lavrov-caribbean-2024",
    "39": "scholz-africa-2022", "40": "baerbock-pakistan-2022", "41": "putin-central-asia-2022",
    "43": "baerbock-east-africa-2024", "44": "pope-marseille-2023", "45": "putin-tehran-2022",
    "46": "putin-china-2024", "48": "lavrov-africa-2022", "49": "lavrov-africa-2023",
    "50": "xi-central-asia-2024", "51": "modi-us-2023", "53": "xi-central-asia-2022",
    "54": "pope-mongolia-2023", "55": "xi-malaysia-2025", "56": "macron-senegal-2018",
}  # fmt: skip


@dataclass
class Item:
    """One development article: where it is, its event, its analysis and its labels."""

    stem: str
    folder: str
    lang: str
    event: str
    analysis: Analysis
    labels: list[int | None]  # per candidate: 1 stop, 0 not, None neutral (optional stop)


def scorer_module(articles: Path = ARTICLES) -> ModuleType:
    spec = importlib.util.spec_from_file_location("dev_score", articles / "score.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def event_of(stem: str) -> str:
    return EVENTS.get(stem[:2], stem)


def label(record: Any, units: list[dict[str, Any]], score: ModuleType) -> int | None:
    """1 when the place matches a required stop of the truth, None for an optional one, else 0."""
    if record is None:
        return 0
    pred = {"lat": record.lat, "lon": record.lon, "country_code": record.country_code}
    hits = [u for u in units if score.match_cost(pred, u["stop"]) is not None]
    if any(not u["optional"] for u in hits):
        return 1
    return None if hits else 0


def load(extractor: Extractor, articles: Path = ARTICLES) -> list[Item]:
    score = scorer_module(articles)
    items: list[Item] = []
    for folder in SETS:
        truth = score.load_truth(str(articles / folder / "truth"))
        for path in sorted((articles / folder).glob("*.txt")):
            # as a user runs it: the body only, the header's date, the language detected
            art = Article(text=_body(path), published=published_of(path), source_id=path.stem)
            an = extractor.analyse(art)
            units = score.gold_units(truth[path.stem])
            labels = [label(d.place.record, units, score) for d in an.candidates]
            lang = str(truth[path.stem].get("language"))
            items.append(Item(path.stem, folder, lang, event_of(path.stem), an, labels))
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
        for d in it.analysis.candidates
        for k in d.features
        if k.startswith(LANGUAGE_FEATURE)
    }
    keys = [*FEATURES, *sorted(langs)]
    xs: list[list[float]] = []
    ys: list[int] = []
    for it in items:
        for d, y in zip(it.analysis.candidates, it.labels, strict=True):
            if y is not None:
                xs.append([d.features.get(k, 0.0) for k in keys])
                ys.append(y)
    clf = LogisticRegression(C=c, max_iter=2000, class_weight="balanced" if balanced else None)
    clf.fit(xs, ys)
    weights = {k: float(w) for k, w in zip(keys, clf.coef_[0], strict=True)}
    return StopModel(weights, float(clf.intercept_[0]), tuning or Thresholds(), trained_on=name)


def write_drafts(extractor: Extractor, items: list[Item], models: dict[str, StopModel], out: Path) -> None:
    """One draft per article, each assembled with the model of its event (``models[event]``)."""
    out.mkdir(parents=True, exist_ok=True)
    for it in items:
        draft = extractor.assemble(it.analysis, models[it.event])
        itinerary.dump(draft, out / f"{it.stem}.yaml")


@contextlib.contextmanager
def _truth_of(folders: tuple[str, ...], articles: Path) -> Iterator[tuple[Path, Path]]:
    """A temporary folder and, inside it, links to the truth files of ``folders``."""
    with tempfile.TemporaryDirectory() as tmp:
        truth = Path(tmp) / "truth"
        truth.mkdir()
        for folder in folders:
            for t in (articles / folder / "truth").glob("*.yaml"):
                (truth / t.name).symlink_to(t)
        yield Path(tmp), truth


def score_drafts(drafts: Path, folders: tuple[str, ...], articles: Path = ARTICLES) -> dict[str, Any]:
    """The set's own scorer over the truth of ``folders`` (quietly; the summary as a dict)."""
    score = scorer_module(articles)
    with _truth_of(folders, articles) as (tmp, truth):
        with contextlib.redirect_stdout(io.StringIO()):
            score.score_dir(str(drafts), str(truth), json_out=str(tmp / "s.json"))
        import json

        return dict(json.loads((tmp / "s.json").read_text(encoding="utf-8")))


def score_details(drafts: Path, folders: tuple[str, ...], articles: Path = ARTICLES) -> str:
    """The set's scorer's per-article lines (--verbose), reduced to the misses and false stops."""
    score = scorer_module(articles)
    with _truth_of(folders, articles) as (tmp, truth):
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
        for d, y in zip(it.analysis.candidates, it.labels, strict=True):
            if y is None:
                continue
            p = m.probability(d.features)
            b = min(bins - 1, int(p * bins))
            rows[b][0] += y
            rows[b][1] += 1
    return [(i / bins, (i + 1) / bins, (s / n if n else 0.0), int(n)) for i, (s, n) in enumerate(rows)]


def published_of(path: Path) -> dt.date | None:
    m = re.search(r"^# date:\s*(\d{4}-\d{2}-\d{2})", path.read_text(encoding="utf-8"), re.M)
    return dt.date.fromisoformat(m.group(1)) if m else None


if __name__ == "__main__":  # pragma: no cover
    sys.exit("use benchmarks/bench_extract.py or benchmarks/train_extract_model.py")
