"""Extraction benchmark: in-sample and cross-validated figures over the development articles.

    .venv/bin/python benchmarks/bench_extract.py [ARTICLES_DIR] [--keep DRAFTS_DIR] [--verbose]

ARTICLES_DIR defaults to ../shared/articles beside the project (dev/ and dev2/ with their
ground truth and score.py; the article texts are third-party and stay there). Each article is
given to the extractor as its body only, with the publication date of its header and the
language detected from the text, as ``itinerary extract ARTICLE --published DATE`` does.

Printed, per language and overall (stop F1, status accuracy, exact dates):

* **in-sample**: the shipped model (trained on all 37 articles) on dev/ and on dev2/;
* **cross-validated by event** (the figure that counts): articles about the same trip form an
  event; each article is scored with a model trained on the other events only;
* the reliability table of the held-out stop probabilities (calibration of ``confidence``);
* load time and time per 3,000 characters.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGETS = {"f1": 0.85, "f1_lang": 0.75, "status": 0.90, "dates": 0.75}


def _row(label: str, s: dict[str, Any]) -> str:
    def f(v: Any) -> str:
        return f"{v:.3f}" if isinstance(v, float) else "  -  "

    return (
        f"{label:24} P {f(s['precision'])} R {f(s['recall'])} F1 {f(s['f1'])} "
        f"status {f(s['status_accuracy'])} dates {f(s['date_exact'])} (tp {s['tp']} fp {s['fp']} fn {s['fn']})"
    )


def _table(title: str, result: dict[str, Any]) -> None:
    print(title)
    print(_row("  overall", result["overall"]))
    for lang, s in result["by_language"].items():
        print(_row(f"  {lang}", s))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("articles", nargs="?", type=Path, default=ROOT.parent / "shared" / "articles")
    ap.add_argument("--keep", type=Path, help="write the cross-validated drafts here")
    ap.add_argument("--repeat", type=int, default=1, help="timed runs per article (the median is kept)")
    args = ap.parse_args()
    if not (args.articles / "dev").is_dir():
        print(f"no development set at {args.articles / 'dev'}", file=sys.stderr)
        return 1

    from benchmarks import extract_eval as ev
    from itinerary.extract import Extractor, extract
    from itinerary.extract.nlp import pipeline
    from itinerary.extract.scoring import rules_only

    t0 = time.perf_counter()
    ex = Extractor()
    ex.geocoder.gazetteer  # noqa: B018 (load the index)
    for lang in ("fr", "en"):
        pipeline(lang)
    # first calls load the language detector, the blank pipelines and Russian morphology
    extract("Warm-up: the minister arrived in Paris for talks with the president.", extractor=ex)
    extract("Министр прибыл в Пекин.", language="ru", extractor=ex)
    t_load = time.perf_counter() - t0

    rules = Extractor(ex.geocoder, model=rules_only())
    texts = [
        (path.stem, path.read_text(encoding="utf-8").partition("\n---\n")[2], ev.published_of(path))
        for folder in ev.SETS
        for path in sorted((args.articles / folder).glob("*.txt"))
    ]
    for stem, text, day in texts:  # one untimed pass: every language loaded, caches warm
        extract(text, published=day, source_id=stem, extractor=rules)
    per_3k: dict[str, list[float]] = {"rules": [], "scored": []}
    for name, who in (("rules", rules), ("scored", ex)):
        for stem, text, day in texts:
            runs = []
            for _ in range(max(1, args.repeat)):
                t0 = time.perf_counter()
                extract(text, published=day, source_id=stem, extractor=who)
                runs.append(time.perf_counter() - t0)
            per_3k[name].append(statistics.median(runs) / max(len(text), 1) * 3000)

    items = ev.load(ex, args.articles)
    shipped = {it.event: ex.model for it in items}
    with tempfile.TemporaryDirectory() as tmp:
        drafts = Path(tmp) / "in-sample"
        ev.write_drafts(ex, items, shipped, drafts)
        for folder in ev.SETS:
            _table(
                f"in-sample, {folder}/ (shipped model: {ex.model.trained_on})",
                ev.score_drafts(drafts, (folder,)),
            )
        models = ev.cross_validated(items, ex.model.tuning)
        cv_dir = args.keep or Path(tmp) / "cv"
        ev.write_drafts(ex, items, models, cv_dir)
        cv = ev.score_drafts(cv_dir, ev.SETS)
    n_events = len(models)
    _table(f"cross-validated, leave one event out ({len(items)} articles, {n_events} events)", cv)
    print()
    print("reliability of the held-out stop probabilities (candidates):")
    print(f"  {'bin':>11} {'observed':>8} {'n':>5}")
    for lo, hi, obs, n in ev.reliability(items, models):
        print(f"  {lo:.1f} - {hi:.1f} {obs:8.2f} {n:5d}")
    print()
    print(f"load (gazetteer, fr+en pipelines, model, language detector, first calls) {t_load:.2f} s")
    med = {k: statistics.median(v) for k, v in per_3k.items()}
    print(
        f"time per 3,000 characters: median {med['scored'] * 1000:.0f} ms, "
        f"max {max(per_3k['scored']) * 1000:.0f} ms (median of {args.repeat} runs per article, after one warm "
        f"pass); rules alone in the same run {med['rules'] * 1000:.0f} ms (ratio {med['scored'] / med['rules']:.2f})"
    )
    o = cv["overall"]
    worst = min((s["f1"] or 0.0, lang) for lang, s in cv["by_language"].items())
    print(
        f"targets (cross-validated): F1 {o['f1']:.3f}/{TARGETS['f1']} "
        f"worst language {worst[1]} {worst[0]:.3f}/{TARGETS['f1_lang']} "
        f"status {o['status_accuracy'] or 0:.3f}/{TARGETS['status']} dates {o['date_exact'] or 0:.3f}/{TARGETS['dates']}"
    )
    if args.keep:
        print(f"cross-validated drafts in {args.keep}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
