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
* load time per language, by stage, each in a fresh process reading one article (the gazetteer
  index already built: its build on a cold cache is a one-time cost), and time per 3,000
  characters;
* with ``--verbose``, every missed and false stop of the cross-validated drafts, per article.
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

TARGETS = {"f1": 0.85, "f1_lang": 0.75, "status": 0.90, "dates": 0.75, "load": 5.0}

#: paragraphs written for the load probe (article length, so the detector runs as on articles)
PROBES = {
    "en": "The foreign minister Ana Lopez arrived in Nairobi on Monday for talks with the president. She "
    "will travel on to Addis Ababa on Wednesday, her spokesman said, before returning to Madrid at the end of the week.",
    "fr": "La ministre des Affaires étrangères Ana Lopez est arrivée lundi à Nairobi pour des entretiens avec le "
    "président. Elle se rendra mercredi à Addis-Abeba, a indiqué son porte-parole, avant de rentrer à Madrid.",
    "de": "Die Außenministerin Ana Lopez ist am Montag in Nairobi eingetroffen. Am Mittwoch reist sie nach "
    "Addis Abeba weiter, sagte ihr Sprecher. Am Ende der Woche fliegt sie zurück nach Madrid, wo sie erwartet wird.",
    "es": "La ministra de Asuntos Exteriores, Ana López, llegó el lunes a Nairobi para conversar con el "
    "presidente. El miércoles viajará a Adís Abeba, según su portavoz, antes de regresar a Madrid el fin de semana.",
    "ru": "Министр иностранных дел Анна Лопес в понедельник прибыла в Найроби для переговоров с президентом. "
    "В среду она отправится в Аддис-Абебу, сообщил ее представитель, а в конце недели вернется в Мадрид.",
    "it": "La ministra degli Esteri Ana Lopez è arrivata lunedì a Nairobi per colloqui con il presidente. "
    "Mercoledì si recherà ad Addis Abeba, ha detto il suo portavoce, prima di rientrare a Madrid a fine settimana.",
}
STAGES = ("import", "gazetteer", "detector", "pipeline", "first call")


def probe_load(lang: str) -> dict[str, float]:
    """In a fresh process: the time of each loading stage for one article in ``lang`` (the first
    extraction minus a second one is what loading costs beyond the work itself)."""
    t = [time.perf_counter()]
    from itinerary.extract import Extractor, detect_language, extract
    from itinerary.extract.nlp import pipeline

    t.append(time.perf_counter())
    ex = Extractor()
    ex.geocoder.gazetteer  # noqa: B018 (load the index)
    t.append(time.perf_counter())
    found = detect_language(PROBES[lang])
    assert found == lang, (found, lang)
    t.append(time.perf_counter())
    pipeline(lang)
    t.append(time.perf_counter())
    extract(PROBES[lang], extractor=ex)
    t.append(time.perf_counter())
    extract(PROBES[lang], extractor=ex)
    steady = time.perf_counter() - t[-1]
    out = {name: t[i + 1] - t[i] for i, name in enumerate(STAGES)}
    out["first call"] -= steady
    out["total"] = sum(out.values())
    return out


def _load_table() -> dict[str, dict[str, float]]:
    """:func:`probe_load` for every language, each in its own process (warm disk cache: a run
    that builds the gazetteer index first is discarded)."""
    import json
    import subprocess

    rows: dict[str, dict[str, float]] = {}
    for lang in PROBES:
        cmd = [sys.executable, str(Path(__file__).resolve()), "--probe-load", lang]
        for _ in range(2):  # the first run may build caches; the second is the one reported
            res = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=ROOT)
        rows[lang] = json.loads(res.stdout.strip().splitlines()[-1])
    return rows


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


def _targets(cv: dict[str, Any], loads: dict[str, dict[str, float]]) -> None:
    o = cv["overall"]
    worst = min((s["f1"] or 0.0, lang) for lang, s in cv["by_language"].items())
    slowest = max((row["total"], lang) for lang, row in loads.items())
    print(
        f"targets (cross-validated): F1 {o['f1']:.3f}/{TARGETS['f1']} "
        f"worst language {worst[1]} {worst[0]:.3f}/{TARGETS['f1_lang']} "
        f"status {o['status_accuracy'] or 0:.3f}/{TARGETS['status']} dates {o['date_exact'] or 0:.3f}/{TARGETS['dates']} "
        f"slowest load {slowest[1]} {slowest[0]:.1f} s/{TARGETS['load']}"
    )


def _speed(ex: Any, articles: Path, repeat: int) -> dict[str, list[float]]:
    """Seconds per 3,000 characters of each article, scored and with the rules alone."""
    from benchmarks import extract_eval as ev
    from itinerary.extract import Extractor, extract
    from itinerary.extract.scoring import rules_only

    rules = Extractor(ex.geocoder, model=rules_only())
    texts = [
        (path.stem, path.read_text(encoding="utf-8").partition("\n---\n")[2], ev.published_of(path))
        for folder in ev.SETS
        for path in sorted((articles / folder).glob("*.txt"))
    ]
    for stem, text, day in texts:  # one untimed pass: every language loaded, caches warm
        extract(text, published=day, source_id=stem, extractor=rules)
    per_3k: dict[str, list[float]] = {"rules": [], "scored": []}
    for name, who in (("rules", rules), ("scored", ex)):
        for stem, text, day in texts:
            runs = []
            for _ in range(max(1, repeat)):
                t0 = time.perf_counter()
                extract(text, published=day, source_id=stem, extractor=who)
                runs.append(time.perf_counter() - t0)
            per_3k[name].append(statistics.median(runs) / max(len(text), 1) * 3000)
    return per_3k


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("articles", nargs="?", type=Path, default=ROOT.parent / "shared" / "articles")
    ap.add_argument("--keep", type=Path, help="write the cross-validated drafts here")
    ap.add_argument("--repeat", type=int, default=1, help="timed runs per article (the median is kept)")
    ap.add_argument("--verbose", action="store_true", help="list every missed and false stop per article")
    ap.add_argument("--probe-load", metavar="LANG", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.probe_load:
        import json

        print(json.dumps(probe_load(args.probe_load)))
        return 0
    if not (args.articles / "dev").is_dir():
        print(f"no development set at {args.articles / 'dev'}", file=sys.stderr)
        return 1

    from benchmarks import extract_eval as ev
    from itinerary.extract import Extractor
    from itinerary.extract.nlp import pipeline

    loads = _load_table()
    ex = Extractor()
    ex.geocoder.gazetteer  # noqa: B018 (load the index)
    for lang in ("fr", "en"):
        pipeline(lang)

    per_3k = _speed(ex, args.articles, args.repeat)

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
        models = ev.cross_validated(items, ex.model.thresholds)
        cv_dir = args.keep or Path(tmp) / "cv"
        ev.write_drafts(ex, items, models, cv_dir)
        cv = ev.score_drafts(cv_dir, ev.SETS)
        details = ev.score_details(cv_dir, ev.SETS) if args.verbose else ""
    n_events = len(models)
    _table(f"cross-validated, leave one event out ({len(items)} articles, {n_events} events)", cv)
    print()
    print("reliability of the held-out stop probabilities (candidates):")
    print(f"  {'bin':>11} {'observed':>8} {'n':>5}")
    for lo, hi, obs, n in ev.reliability(items, models):
        print(f"  {lo:.1f} - {hi:.1f} {obs:8.2f} {n:5d}")
    print()
    print("load per language (a fresh process reading one article; seconds):")
    print("  lang " + " ".join(f"{k:>10}" for k in (*STAGES, "total")))
    for lang, row in loads.items():
        print(f"  {lang:4} " + " ".join(f"{row[k]:10.2f}" for k in (*STAGES, "total")))
    med = {k: statistics.median(v) for k, v in per_3k.items()}
    print(
        f"time per 3,000 characters: median {med['scored'] * 1000:.0f} ms, "
        f"max {max(per_3k['scored']) * 1000:.0f} ms (median of {args.repeat} runs per article, after one warm "
        f"pass); rules alone in the same run {med['rules'] * 1000:.0f} ms (ratio {med['scored'] / med['rules']:.2f})"
    )
    _targets(cv, loads)
    if details:
        print()
        print(
            "cross-validated misses (FN) and false stops (FP, FP-nonstop: a place the truth says is no stop):"
        )
        print(details)
    if args.keep:
        print(f"cross-validated drafts in {args.keep}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
