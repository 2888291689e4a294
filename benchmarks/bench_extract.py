"""Extraction benchmark: open and sealed figures over the development articles.

    .venv/bin/python benchmarks/bench_extract.py [ARTICLES_DIR] [--sealed] [--keep DRAFTS_DIR] [--verbose]

ARTICLES_DIR defaults to ../shared/articles beside the project (dev/, dev2/ and dev3/ with their
ground truth and score.py; the article texts are third-party and stay there). Each article is
given to the extractor as its body only, with the publication date of its header and the
language detected from the text, as ``itinerary extract ARTICLE --published DATE`` does; an
article the extractor refuses (a language without a pack) has no draft, so its stops are missed.
The articles are split by event into *open* and *sealed* ones (``extract_split.json``, see
``extract_split.py``); the figures are those of the set's own scorer (``score.py``).

Printed, per language and overall (stop F1 with P/R, status accuracy, exact dates), and for the
no-trip articles the stops and false stops per article:

* **in-sample** on the open articles: with the shipped model and with a model trained on all open
  articles (what ``train_extract_model.py`` ships);
* **leave one event out** over the open articles: each article is scored by a model trained on
  the other open events only (every learned part retrained per fold: the stop model and the status
  model), with the status of the rules alone beside the learned one, per language;
* the reliability table of the held-out stop probabilities (calibration of ``confidence``);
* with ``--sealed``, the **sealed** articles as aggregate figures only (overall and per
  language; no per-article line, no list of misses), with the shipped model and with the model
  trained on the open articles only (the figure that counts). Run it at the end of a piece of
  work, not while tuning;
* load time per language, by stage, each in a fresh process reading one article (the gazetteer
  index already built: its build on a cold cache is a one-time cost), and time per 3,000
  characters (``--no-timing`` skips both);
* with ``--verbose``, every missed and false stop of the cross-validated drafts, per open article.
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

#: the targets of the extraction issue (sealed split and evaluation sets); no_trip: false stops per no-trip article
TARGETS = {"f1": 0.80, "f1_lang": 0.70, "status": 0.85, "dates": 0.60, "load": 3.0, "no_trip": 0.2}

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
    "pt": "A ministra dos Negócios Estrangeiros, Ana Lopes, chegou na segunda-feira a Nairobi para conversações com o "
    "presidente. Na quarta-feira viajará para Adis Abeba, disse o seu porta-voz, antes de regressar a Madrid no fim de semana.",
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


def _f3(v: Any) -> str:
    return f"{v:.3f}" if isinstance(v, float) else "  -  "


def _no_trip(items: list[Any], stops: dict[str, int], result: dict[str, Any]) -> str:
    """Stops and false stops per no-trip article (aggregates only)."""
    stems = [it.stem for it in items if it.no_trip]
    if not stems:
        return "no-trip articles: none"
    n = len(stems)
    emitted = sum(stops.get(s, 0) for s in stems)
    false = sum(result["by_article"][s]["fp"] for s in stems if s in result["by_article"])
    return (
        f"no-trip articles: {n}, {emitted} stops ({emitted / n:.2f} per article), "
        f"{false} false stops ({false / n:.2f} per article; target <= {TARGETS['no_trip']})"
    )


def _table(title: str, result: dict[str, Any], no_trip: str = "") -> None:
    print(title)
    print(_row("  overall", result["overall"]))
    for lang, s in result["by_language"].items():
        print(_row(f"  {lang}", s))
    if no_trip:
        print(f"  {no_trip}")


def _targets(name: str, res: dict[str, Any], loads: dict[str, dict[str, float]] | None = None) -> None:
    o = res["overall"]
    worst = min((s["f1"] or 0.0, lang) for lang, s in res["by_language"].items())
    load = ""
    if loads:
        slowest = max((row["total"], lang) for lang, row in loads.items())
        load = f" slowest load {slowest[1]} {slowest[0]:.1f} s/{TARGETS['load']}"
    print(
        f"targets ({name}): F1 {o['f1']:.3f}/{TARGETS['f1']} "
        f"worst language {worst[1]} {worst[0]:.3f}/{TARGETS['f1_lang']} "
        f"status {o['status_accuracy'] or 0:.3f}/{TARGETS['status']} dates {o['date_exact'] or 0:.3f}/{TARGETS['dates']}"
        + load
    )


def _speed(ex: Any, articles: Path, repeat: int) -> dict[str, list[float]]:
    """Seconds per 3,000 characters of each open article (in a language with a pack), scored and
    with the rules alone."""
    from benchmarks import extract_eval as ev
    from itinerary.extract import Extractor, extract, supported_languages
    from itinerary.extract.scoring import rules_only

    rules = Extractor(ex.geocoder, model=rules_only())
    langs = set(supported_languages())
    texts = [
        (path.stem, path.read_text(encoding="utf-8").partition("\n---\n")[2], ev.published_of(path))
        for folder in ev.ALL_SETS
        for path in sorted((articles / folder).glob("*.txt"))
        if ev.side_of(path.stem) == "open" and path.stem.split("_")[1] in langs
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


def _open_figures(
    ex: Any, items: list[Any], args: argparse.Namespace, tmp: Path
) -> tuple[Any, dict[str, Any]]:
    """In-sample and leave-one-event-out figures on the open articles; the model trained on
    all of them (what ``train_extract_model.py`` ships) and the cross-validated result."""
    from benchmarks import extract_eval as ev
    from itinerary.extract.date_model import load_date_model, rules_dates
    from itinerary.extract.status_model import rules_status

    stems = {it.stem for it in items}
    open_model = ev.train(items, ex.model.thresholds, name=f"{len(items)} open articles")
    # the status model's stops: each article's draft with the stop model that never saw its event
    cv_models = ev.cross_validated(items, ex.model.thresholds)
    rows = ev.status_rows(ex, items, cv_models, args.articles)
    open_status = ev.train_status(items, rows, name=f"{len(items)} open articles")
    runs = (
        (
            f"shipped models, trained on {ex.model.trained_on}",
            {it.event: ex.model for it in items},
            {it.event: ex.status_model for it in items},
        ),
        (
            f"models trained on the {len(items)} open articles",
            {it.event: open_model for it in items},
            {it.event: open_status for it in items},
        ),
    )
    for i, (what, models, statuses) in enumerate(runs):
        drafts = tmp / f"in-sample-{i}"
        stops = ev.write_drafts(ex, items, models, drafts, statuses)
        res = ev.score_drafts(drafts, ev.ALL_SETS, args.articles, stems)
        _table(f"in-sample, open articles ({what})", res, _no_trip(items, stops, res))
    cv_status = ev.cross_validated_status(items, rows)
    # the date model of each fold, and the rules' dates alone beside it
    date_models, rules_dated = _date_folds(ex, items, cv_models, cv_status, args, tmp)
    # the headline is what ships: the folds' date rankers only when the shipped one is switched on
    # (the training script switches it on only when it beats the rules held out)
    shipped_dates = date_models if load_date_model().enabled else {e: rules_dates() for e in date_models}
    # the status of the rules alone beside the learned one (both with the stop model of each fold)
    rules_dir = tmp / "cv-rules"
    rules_st = {it.event: rules_status() for it in items}
    ev.write_dated_drafts(ex, items, cv_models, shipped_dates, rules_dir, rules_st)
    rules_cv = ev.score_drafts(rules_dir, ev.ALL_SETS, args.articles, stems)
    cv_dir = args.keep or tmp / "cv"
    # the status of the headline is what ships too: the folds' models only when the shipped one is
    # learned (the training script ships it only when it beats the rules held out)
    shipped_status = cv_status if ex.status_model.learned else rules_st
    stops = ev.write_dated_drafts(ex, items, cv_models, shipped_dates, cv_dir, shipped_status)
    cv = ev.score_drafts(cv_dir, ev.ALL_SETS, args.articles, stems)
    _table(
        f"cross-validated, leave one event out ({len(items)} open articles, {len(cv_models)} events; "
        f"the stop, status and date models retrained per fold, a stop kept at p >= {ex.model.thresholds.keep:.2f}, "
        f"status model C = {ev.STATUS_C}, rules' reading x{ev.STATUS_RULE_SCALE:g})",
        cv,
        _no_trip(items, stops, cv),
    )
    learned_cv = cv
    if shipped_status is not cv_status:  # the learned side of the comparison, written only for it
        learned_dir = tmp / "cv-learned-status"
        ev.write_dated_drafts(ex, items, cv_models, shipped_dates, learned_dir, cv_status)
        learned_cv = ev.score_drafts(learned_dir, ev.ALL_SETS, args.articles, stems)
    shipped = "learned" if shipped_status is cv_status else "rules"
    print(
        f"  status per language, leave one event out: rules alone -> learned status model (ships: {shipped})"
    )
    for lang, s in [("overall", learned_cv["overall"]), *learned_cv["by_language"].items()]:
        r = rules_cv["overall"] if lang == "overall" else rules_cv["by_language"].get(lang, {})
        print(
            f"    {lang:8} {_f3(r.get('status_accuracy'))} -> {_f3(s['status_accuracy'])} "
            f"(n {s.get('status_n', '-')}; F1 {_f3(r.get('f1'))} -> {_f3(s['f1'])}, "
            f"dates {_f3(r.get('date_exact'))} -> {_f3(s['date_exact'])})"
        )
    if shipped_dates is date_models:
        _date_gain(rules_dated, cv)
    else:  # the learned side of the comparison, written only for it
        learned_dir = tmp / "cv-learned-dates"
        ev.write_dated_drafts(ex, items, cv_models, date_models, learned_dir, cv_status)
        _date_gain(rules_dated, ev.score_drafts(learned_dir, ev.ALL_SETS, args.articles, stems))
    strict = ev.score_drafts(cv_dir, ev.ALL_SETS, args.articles, stems, strict_traveller=True)
    print(_row("  traveller required", strict["overall"]) + "  (a stop counts only on its traveller's trip)")
    if args.verbose:
        cv["details"] = ev.score_details(cv_dir, ev.ALL_SETS, args.articles, stems)
    print()
    print("reliability of the held-out stop probabilities (candidates):")
    print(f"  {'bin':>11} {'observed':>8} {'n':>5}")
    for lo, hi, obs, n in ev.reliability(items, cv_models):
        print(f"  {lo:.1f} - {hi:.1f} {obs:8.2f} {n:5d}")
    origins = ev.kept_by_origin(items, cv_models, ex.model.thresholds.keep)
    print("held-out kept places by what made them a stop (candidates, one decision per place):")
    for origin, (kept, true) in origins.items():
        print(f"  {origin:11} precision {true / kept if kept else 0.0:.3f} ({true} of {kept})")
    return (open_model, open_status), cv


def _date_folds(
    ex: Any,
    items: list[Any],
    cv_models: dict[str, Any],
    cv_status: dict[str, Any],
    args: argparse.Namespace,
    tmp: Path,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The date model of each fold (trained on the stops of the other events' drafts, its C chosen
    on them alone) and the leave-one-event-out result with the rules' dates alone."""
    from benchmarks import extract_eval as ev
    from itinerary.extract.date_model import rules_dates

    rows = ev.date_rows(ex, items, cv_models, args.articles, cv_status)
    events = {it.event for it in items}
    date_models = ev.cross_validated_dates(rows, events)
    rules = {ev_: rules_dates() for ev_ in events}
    drafts = tmp / "cv-rules-dates"
    ev.write_dated_drafts(ex, items, cv_models, rules, drafts, cv_status)
    return date_models, ev.score_drafts(drafts, ev.ALL_SETS, args.articles, {it.stem for it in items})


def _date_gain(rules: dict[str, Any], learned: dict[str, Any]) -> None:
    """Exact dates, leave one event out, with the rules' dates and with the learned ranker."""

    def f(v: Any) -> str:
        return f"{v:.3f}" if isinstance(v, float) else "  -  "

    def line(name: str, a: dict[str, Any], b: dict[str, Any]) -> str:
        return (
            f"  {name:10} rules {f(a['date_exact'])} learned {f(b['date_exact'])} (n {b['date_n']}) "
            f"| F1 {f(a['f1'])} -> {f(b['f1'])} status {f(a['status_accuracy'])} -> {f(b['status_accuracy'])} "
            f"| dates the truth does not give {a['dates_without_gold_support']} -> {b['dates_without_gold_support']}"
        )

    print("exact dates, leave one event out: the rules' dates vs the date ranker retrained per fold")
    print(line("overall", rules["overall"], learned["overall"]))
    for lang, s in learned["by_language"].items():
        print(line(lang, rules["by_language"].get(lang, s), s))


def _sealed_figures(
    ex: Any, open_model: Any, articles: Path, tmp: Path, open_status: Any = None
) -> dict[str, Any]:
    """The sealed articles, scored in aggregate only: overall and per language, never per article
    (their drafts stay in a temporary folder, their misses are not listed)."""
    from benchmarks import extract_eval as ev

    sealed = ev.load(ex, articles, ev.ALL_SETS, side="sealed")
    stems = {it.stem for it in sealed}
    print()
    shipped = f"shipped model, trained on {ex.model.trained_on}"
    if "open" not in ex.model.trained_on:
        shipped += "; it saw sealed articles, so these figures are partly in-sample"
    result: dict[str, Any] = {}
    n_events = len({it.event for it in sealed})
    runs = (
        (shipped, ex.model, ex.status_model),
        (f"models trained on {open_model.trained_on}", open_model, open_status or ex.status_model),
    )
    for i, (what, model, status) in enumerate(runs):
        drafts = tmp / f"sealed-{i}"
        stops = ev.write_drafts(
            ex, sealed, {it.event: model for it in sealed}, drafts, {it.event: status for it in sealed}
        )
        result = ev.score_drafts(drafts, ev.ALL_SETS, articles, stems)
        title = f"SEALED, aggregate only ({len(sealed)} articles, {n_events} events; {what})"
        _table(title, result, _no_trip(sealed, stops, result))
        strict = ev.score_drafts(drafts, ev.ALL_SETS, articles, stems, strict_traveller=True)
        print(_row("  traveller required", strict["overall"]))
        for label, sets in (("dev/ dev2/", ("dev", "dev2")), ("dev3/", ("dev3",))):
            part = {it.stem for it in sealed if it.folder in sets}
            if part and part != stems:
                print(
                    _row(
                        f"  {label} only ({len(part)})",
                        ev.score_drafts(drafts, sets, articles, part)["overall"],
                    )
                )
    return result  # the figure that counts: the model trained on open articles only


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("articles", nargs="?", type=Path, default=ROOT.parent / "shared" / "articles")
    ap.add_argument("--keep", type=Path, help="write the cross-validated drafts of the open articles here")
    ap.add_argument("--repeat", type=int, default=1, help="timed runs per article (the median is kept)")
    ap.add_argument(
        "--verbose", action="store_true", help="list every missed and false stop per open article"
    )
    ap.add_argument(
        "--sealed",
        action="store_true",
        help="also score the sealed articles (aggregate figures only; at the end of a piece of work)",
    )
    ap.add_argument("--no-timing", action="store_true", help="skip the load and speed measurements")
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

    loads = {} if args.no_timing else _load_table()
    ex = Extractor()
    ex.geocoder.gazetteer  # noqa: B018 (load the index)
    per_3k = {} if args.no_timing else _speed(ex, args.articles, args.repeat)

    items = ev.load(ex, args.articles, ev.ALL_SETS, side="open")
    with tempfile.TemporaryDirectory() as tmp:
        (open_model, open_status), cv = _open_figures(ex, items, args, Path(tmp))
        sealed = (
            _sealed_figures(ex, open_model, args.articles, Path(tmp), open_status) if args.sealed else None
        )
    if loads:
        print()
        print("load per language (a fresh process reading one article; seconds):")
        print("  lang " + " ".join(f"{k:>10}" for k in (*STAGES, "total")))
        for lang, row in loads.items():
            print(f"  {lang:4} " + " ".join(f"{row[k]:10.2f}" for k in (*STAGES, "total")))
    if per_3k:
        med = {k: statistics.median(v) for k, v in per_3k.items()}
        print(
            f"time per 3,000 characters: median {med['scored'] * 1000:.0f} ms, "
            f"max {max(per_3k['scored']) * 1000:.0f} ms (median of {args.repeat} runs per open article, after one "
            f"warm pass); rules alone in the same run {med['rules'] * 1000:.0f} ms (ratio {med['scored'] / med['rules']:.2f})"
        )
    _targets("open, leave one event out", cv, loads)
    if sealed is not None:
        _targets("sealed, model trained on open articles", sealed)
    if args.verbose:
        print()
        print(
            "cross-validated misses (FN) and false stops (FP, FP-nonstop: a place the truth says is no stop), open articles:"
        )
        print(cv["details"])
    if args.keep:
        print(f"cross-validated drafts of the open articles in {args.keep}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
