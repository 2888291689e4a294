"""Merge benchmark: several articles about the same trips, merged, against the trips as they happened.

    .venv/bin/python benchmarks/bench_merge.py [ARTICLES_DIR] [--truth DIR] [--keep DRAFTS_DIR] [--verbose]

ARTICLES_DIR defaults to ../shared/articles beside the project (the development set and its
score.py; the article texts are third-party and stay there). Each file of --truth (default
tests/data/merge_truth) is one group: the trips as they happened and the articles about them.
Every article is extracted with the project's Extractor (publication date from its header), then

* each draft alone is scored against the truth as known on its own publication day (a stop that
  happened later is expected as planned), and
* the group's drafts are merged (itinerary.merge) and scored against the truth as known on the
  day of the latest article,

with the development set's own scorer (stops P/R/F1, status accuracy, exact-date accuracy). The
table puts the merged trip beside the best single article (highest F1, then recall).

The drafts are **held out** by default: each article is extracted with a stop model trained on
the development articles of the other events only (leave one event out, as
``benchmarks/bench_extract.py`` does), so no draft comes from a model that saw its trip.
``--in-sample`` uses the shipped model instead (trained on every development article).
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]


def as_known_on(truth: dict[str, Any], day: dt.date) -> dict[str, Any]:
    """The truth on ``day``: a stop that happened after it was still planned."""
    out = copy.deepcopy(truth)
    for trip in out["trips"]:
        for s in trip["stops"]:
            start = s.get("date_start")
            if s["status"] == "confirmed" and start and str(start)[:10] > day.isoformat():
                s["status"] = "planned"
    return out


def predictions(scorer: ModuleType, it: Any) -> list[dict[str, Any]]:
    from itinerary.io.yaml import to_data

    data = to_data(it)
    return [
        scorer.stop_to_pred(s, t.get("traveller"), f"trips[{i}].stops[{j}]")
        for i, t in enumerate(data["trips"])
        for j, s in enumerate(t["stops"])
    ]


def find_article(articles: Path, stem: str) -> Path:
    for sub in ("dev", "dev2"):
        p = articles / sub / f"{stem}.txt"
        if p.exists():
            return p
    raise SystemExit(f"article {stem} not found under {articles}")


def fmt(s: dict[str, Any]) -> str:
    def f(v: float | None) -> str:
        return "  n/a" if v is None else f"{v:.3f}"

    return f"{f(s['precision'])} {f(s['recall'])} {f(s['f1'])} {f(s['status_accuracy'])} {f(s['date_exact'])}"


def _held_out(extractor: Any, articles: Path) -> Any:
    """``stem -> draft``, each article assembled with the model of all other events."""
    sys.path.insert(0, str(ROOT))
    from benchmarks import extract_eval as ev

    items = {it.stem: it for it in ev.load(extractor, articles)}
    models = ev.cross_validated(list(items.values()))

    def extract(stem: str) -> Any:
        it = items[stem]
        return extractor.assemble(it.analysis, models[it.event])

    return extract


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("articles", nargs="?", type=Path, default=ROOT.parent / "shared" / "articles")
    ap.add_argument("--truth", type=Path, default=ROOT / "tests" / "data" / "merge_truth")
    ap.add_argument("--keep", type=Path, help="write the drafts and merged trips here")
    ap.add_argument("--verbose", action="store_true", help="per-group detail from the scorer")
    ap.add_argument("--in-sample", action="store_true", help="the shipped model, not held-out ones")
    args = ap.parse_args()
    if not (args.articles / "score.py").exists():
        print(f"no development set at {args.articles}", file=sys.stderr)
        return 1
    sys.path.insert(0, str(ROOT))
    from benchmarks.extract_eval import scorer_module

    scorer = scorer_module(args.articles)

    import itinerary
    from itinerary.extract import Extractor, read_article
    from itinerary.merge import merge_report

    extractor = Extractor()
    extract = _held_out(extractor, args.articles) if not args.in_sample else None
    print("drafts:", "shipped model (in-sample)" if extract is None else "held out (leave one event out)")
    groups = [
        (p.stem, yaml.safe_load(p.read_text(encoding="utf-8"))) for p in sorted(args.truth.glob("*.yaml"))
    ]
    counters = scorer.COUNTERS
    total_best = {k: 0 for k in counters}
    total_merged = {k: 0 for k in counters}
    rows = []
    all_drafts: list[Any] = []
    merge_seconds = 0.0
    for name, truth in groups:
        drafts = []
        singles = []
        for stem in truth["articles"]:
            article = read_article(find_article(args.articles, stem))
            draft = extractor.extract(article) if extract is None else extract(stem)
            drafts.append(draft)
            assert article.published is not None, stem
            res = scorer.score_article(as_known_on(truth, article.published), predictions(scorer, draft))
            singles.append((stem, res, scorer.summary(res)))
            if args.keep:
                (args.keep / name).mkdir(parents=True, exist_ok=True)
                itinerary.dump(draft, args.keep / name / f"{stem}.yaml")
        all_drafts += drafts
        t0 = time.perf_counter()
        merged, report = merge_report(drafts)
        merge_seconds += time.perf_counter() - t0
        assert merged.as_of is not None
        mres = scorer.score_article(as_known_on(truth, merged.as_of), predictions(scorer, merged))
        msum = scorer.summary(mres)
        best_stem, bres, bsum = max(singles, key=lambda x: (x[2]["f1"], x[2]["recall"]))
        for k in counters:
            total_best[k] += bres[k]
            total_merged[k] += mres[k]
        ok = msum["recall"] >= bsum["recall"] and msum["precision"] >= bsum["precision"]
        rows.append((name, len(drafts), len(merged.trips), best_stem, bsum, msum, ok))
        if args.keep:
            itinerary.dump(merged, args.keep / name / "merged.yaml")
        if args.verbose:
            print(f"== {name} (merged, as of {merged.as_of}): {len(merged.trips)} trips")
            for d in mres["details"]:
                print("   ", *d)
            for line in report.lines():
                print("    report:", line)

    head = "P     R     F1    status dates"
    print(
        f"{'group':<18} {'n':>2} {'trips':>5} | {'best single article':<40} {head} | merged {head} | dR     dP"
    )
    for name, n, trips, stem, bsum, msum, _ in rows:
        print(
            f"{name:<18} {n:>2} {trips:>5} | {stem[:40]:<40} {fmt(bsum)} | {fmt(msum)} | {msum['recall'] - bsum['recall']:+.3f} {msum['precision'] - bsum['precision']:+.3f}"
        )
    print(
        f"{'all groups':<18} {sum(r[1] for r in rows):>2} {sum(r[2] for r in rows):>5} | {'(best singles pooled)':<40} "
        f"{fmt(scorer.summary(total_best))} | {fmt(scorer.summary(total_merged))} |"
    )
    wins = sum(1 for r in rows if r[6])
    gains = sum(1 for r in rows if r[6] and r[5]["recall"] > r[4]["recall"])
    print(
        f"\nmerged >= best single article on recall and precision in {wins}/{len(rows)} groups "
        f"(recall strictly higher in {gains})"
    )
    print(f"merge time for all groups: {merge_seconds * 1000:.0f} ms")
    scale(all_drafts)
    return 0


def scale(drafts: list[Any], copies: int = 20) -> None:
    """Time per draft when every draft comes back ``copies`` times as a distinct source."""
    import dataclasses

    from itinerary.merge import merge

    def copy_of(d: Any, k: int) -> Any:
        src = dataclasses.replace(d.sources[0], id=f"{d.sources[0].id}-{k}", url=None)
        trips = tuple(
            dataclasses.replace(t, stops=tuple(dataclasses.replace(s, source=src.id) for s in t.stops))
            for t in d.trips
        )
        return dataclasses.replace(d, sources=(src,), trips=trips)

    timings = []
    for n in (1, copies, 10 * copies):
        batch = [copy_of(d, k) for k in range(n) for d in drafts]
        t0 = time.perf_counter()
        merge(batch)
        timings.append((len(batch), time.perf_counter() - t0))
    n1, t1 = timings[0]
    print(
        "scale: "
        + ", ".join(f"{n} drafts in {t * 1000:.0f} ms" for n, t in timings)
        + "; time per draft against the first: "
        + ", ".join(f"x{(t / n) / (t1 / n1):.1f}" for n, t in timings[1:])
        + " (1.0 = linear)"
    )


if __name__ == "__main__":
    raise SystemExit(main())
