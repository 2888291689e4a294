"""Merge benchmark: several articles about the same trips, merged, against the trips as they happened.

    .venv/bin/python benchmarks/bench_merge.py [ARTICLES_DIR] [--truth DIR] [--keep DRAFTS_DIR] [--verbose]
    .venv/bin/python benchmarks/bench_merge.py --corpus [--cache DIR] [--verbose]
    .venv/bin/python benchmarks/bench_merge.py --rows [--drafts N ...] [--workers W] [--rebuild N ...] [--cache DIR]

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

``--corpus`` merges every development article (dev, dev2, dev3) together, as a build of the
whole set does, and matches each merged trip to the events of the truth files: travellers
precision and recall, trips per event (1.0 is right: one trip per traveller and event) and stops
from another event (0 is right). The drafts are extracted once with the shipped model into
``--cache`` and read from there, so the merge can be tuned without extracting again.

``--rows`` measures the build's merge: the development drafts (``--cache``) merged by the
one-process merge, split by traveller, and read back from the observation table, compared byte for
byte; then N drafts (repeated under new source ids, as wire copy reprinted by other outlets) merged
from their rows against from their YAML (the YAML parse timed on a sample and projected), in this
process and, with ``--workers``, on a local Dask cluster; ``--rebuild N ...`` builds a folder of N
finished drafts and times a real ``build`` after one article changes (its extraction apart),
twice: the merged files of the trips that did not change are put together from the parts the
first build kept. Wall and CPU time are printed side by side (a loaded machine stretches the
first); with two sizes or more, the rebuild at 100,000 drafts is projected from the two largest.

The drafts are **held out** by default: each article is extracted with a stop model trained on
the development articles of the other events only (leave one event out, as
``benchmarks/bench_extract.py`` does), so no draft comes from a model that saw its trip.
``--in-sample`` uses the shipped model instead (trained on every development article).
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import re
import sys
import time
from collections import Counter
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
    ap.add_argument(
        "--corpus",
        action="store_true",
        help="all development articles (dev, dev2, dev3) merged together, scored per event",
    )
    ap.add_argument(
        "--cache",
        type=Path,
        default=ROOT / "out" / "merge-corpus-drafts",
        help="--corpus: where the drafts are extracted once and read again (default: %(default)s)",
    )
    ap.add_argument("--rows", action="store_true", help="the merge from the observation table, timed")
    ap.add_argument(
        "--spread",
        action="store_true",
        help="--rows: each copy of a draft names its travellers anew (as a news feed names many "
        "people), instead of every copy adding to the same travellers",
    )
    ap.add_argument("--drafts", type=int, nargs="*", default=[1000, 10000], help="--rows: sizes to merge")
    ap.add_argument("--workers", type=int, default=0, help="--rows: also merge on this many Dask workers")
    ap.add_argument(
        "--rebuild",
        type=int,
        nargs="*",
        default=[],
        help="--rows: a build of N drafts, one article changed (several sizes: the 100,000 one projected)",
    )
    args = ap.parse_args()
    if not (args.articles / "score.py").exists():
        print(f"no development set at {args.articles}", file=sys.stderr)
        return 1
    if args.corpus or args.rows:
        return _whole_set(args)
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


def _whole_set(args: argparse.Namespace) -> int:
    """``--corpus`` and ``--rows``: every development draft at once."""
    sys.path.insert(0, str(ROOT))
    if args.rows:
        return rows_bench(args.articles, args.cache, args.drafts, args.workers, args.rebuild, args.spread)
    corpus(args.articles, args.cache, verbose=args.verbose)
    return 0


# ---------------------------------------------------------------- corpus

CORPUS_SETS = ("dev", "dev2", "dev3")


def _source_id(stem: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")


def corpus_drafts(articles: Path, cache: Path) -> dict[str, Any]:
    """``stem -> draft`` for every development article, extracted once into ``cache`` (shipped
    model) and read from there on later runs: the merge is what is measured, not extraction."""
    import itinerary
    from itinerary.errors import ExtractionError
    from itinerary.extract import Extractor, read_article

    cache.mkdir(parents=True, exist_ok=True)
    extractor: Any = None
    out: dict[str, Any] = {}
    for sub in CORPUS_SETS:
        for path in sorted((articles / sub).glob("*.txt")):
            cached, empty = cache / f"{path.stem}.yaml", cache / f"{path.stem}.none"
            if not cached.exists() and not empty.exists():
                extractor = extractor or Extractor()
                try:
                    draft = extractor.extract(read_article(path))
                except ExtractionError as exc:  # a language the extractor does not read
                    empty.write_text(f"{exc}\n", encoding="utf-8")
                    continue
                if not draft.trips:  # no trip found: nothing to merge (a file needs a trip)
                    empty.write_text("no trip\n", encoding="utf-8")
                    continue
                itinerary.dump(draft, cached.with_suffix(".tmp"))
                cached.with_suffix(".tmp").replace(cached)
            if cached.exists():
                out[path.stem] = itinerary.load(cached)
    return out


def event_keys(articles: Path) -> dict[str, str]:
    """Article stem -> event key: dev and dev2 from ``extract_eval.EVENTS``, dev3 from the last
    column of its README (``traveller | YYYY-MM | main destination``)."""
    from benchmarks.extract_eval import event_of

    keys: dict[str, str] = {}
    for sub in ("dev", "dev2"):
        for path in (articles / sub).glob("*.txt"):
            keys[path.stem] = event_of(path.stem)
    readme = (articles / "dev3" / "README.md").read_text(encoding="utf-8")
    by_number = {p.stem.split("_")[0]: p.stem for p in (articles / "dev3").glob("*.txt")}
    for line in readme.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 9 and cells[0] in by_number:
            keys[by_number[cells[0]]] = " | ".join(cells[-3:])
    return keys


def _fold(name: str | None) -> list[str]:
    from anyascii import anyascii

    return [t for t in re.split(r"[^a-z0-9]+", anyascii(name or "").lower()) if t]


def _is_person(name: str, trip: dict[str, Any]) -> bool:
    """The merged traveller ``name`` is the truth trip's traveller: the same folded name as the
    traveller or one of its aliases, or a name holding the traveller's surname (the last token,
    spelled alike: rapidfuzz ratio 85, for transliterations such as Dmitrii/Dmitry Medvedev)."""
    from rapidfuzz import fuzz

    got = _fold(name)
    canon = _fold(trip.get("traveller"))
    if not got or not canon:
        return False
    if any(got == _fold(n) for n in [trip.get("traveller"), *(trip.get("traveller_aliases") or [])]):
        return True
    return any(fuzz.ratio(canon[-1], t) >= 85 for t in got)


def corpus_score(scorer: ModuleType, articles: Path, merged: Any, keys: dict[str, str]) -> dict[str, Any]:
    """Each merged trip against the truth events of the articles it cites.

    A merged stop belongs to the event of the truth trip (same person, matching place) of one of
    its source articles; a trip's event is the one most of its stops belong to. Figures: travellers
    precision (merged travellers that are a truth traveller of an article they cite) and recall
    (required truth travellers found), trips per event (merged trips holding stops of an event,
    averaged over the events found; 1.0 is right) and stops from another event (0 is right)."""
    truth: dict[str, Any] = {}
    for sub in CORPUS_SETS:
        truth.update(scorer.load_truth(str(articles / sub / "truth")))
    persons = {
        tuple(_fold(trip["traveller"]))
        for t in truth.values()
        for trip in t.get("trips") or []
        if not trip.get("optional") and trip.get("stops")
    }
    trips_of_event: dict[str, set[str]] = {}
    other_event = matched_stops = 0
    names_ok: dict[str, bool] = {}
    found: set[tuple[str, ...]] = set()
    for trip in merged.trips:
        mine, events = _trip_events(scorer, truth, trip, keys)
        names_ok[trip.traveller] = names_ok.get(trip.traveller, False) or bool(mine)
        found.update(tuple(_fold(tt["traveller"])) for _, tt in mine if not tt.get("optional"))
        if not events:
            continue
        counts = Counter(events)
        main = min(counts, key=lambda e: (-counts[e], e))
        matched_stops += len(events)
        other_event += len(events) - counts[main]
        for e in counts:
            trips_of_event.setdefault(e, set()).add(trip.id)
    good = sum(names_ok.values())
    return {
        "trips": len(merged.trips),
        "travellers": len(names_ok),
        "traveller_precision": good / len(names_ok) if names_ok else 0.0,
        "traveller_recall": len(found & persons) / len(persons) if persons else 0.0,
        "events": len(trips_of_event),
        "trips_per_event": sum(len(v) for v in trips_of_event.values()) / len(trips_of_event)
        if trips_of_event
        else 0.0,
        "matched_stops": matched_stops,
        "stops_from_another_event": other_event,
        "not_persons": sorted(n for n, ok in names_ok.items() if not ok),
        "split_events": sorted(e for e, v in trips_of_event.items() if len(v) > 1),
    }


def _trip_events(
    scorer: ModuleType, truth: dict[str, Any], trip: Any, keys: dict[str, str]
) -> tuple[list[tuple[str, dict[str, Any]]], list[str]]:
    """(the truth trips of its traveller in the articles it cites, the event of each stop that
    matches a stop of one of them)."""
    by_source = {_source_id(stem): stem for stem in truth}
    stems = {by_source[s] for st in trip.stops for s in st.all_sources if s in by_source}
    mine = [
        (stem, tt)
        for stem in sorted(stems)
        for tt in truth[stem].get("trips") or []
        if _is_person(trip.traveller, tt)
    ]
    events: list[str] = []
    for j, st in enumerate(trip.stops):
        pred = scorer.stop_to_pred(_stop_data(st), trip.traveller, f"{trip.id}[{j}]")
        if pred["lat"] is None:
            continue
        votes = Counter(
            f"{keys.get(stem, stem)} / {' '.join(_fold(tt['traveller']))}"
            for stem, tt in mine
            if _source_id(stem) in st.all_sources
            and any(scorer.match_cost(pred, gs) is not None for gs in tt.get("stops") or [])
        )
        if votes:
            events.append(min(votes, key=lambda e: (-votes[e], e)))
    return mine, events


def _stop_data(stop: Any) -> dict[str, Any]:
    from itinerary.io.yaml import to_data
    from itinerary.model import Itinerary, Trip

    data = to_data(Itinerary(trips=(Trip(id="t", traveller="t", stops=(stop,)),)))
    return dict(data["trips"][0]["stops"][0])


def corpus(articles: Path, cache: Path, verbose: bool = False) -> dict[str, Any]:
    """All development articles extracted (cached) and merged together, scored per event."""
    from benchmarks.extract_eval import scorer_module
    from itinerary.merge import merge_report

    scorer = scorer_module(articles)
    drafts = corpus_drafts(articles, cache)
    t0 = time.perf_counter()
    merged, report = merge_report(list(drafts.values()))
    seconds = time.perf_counter() - t0
    res = corpus_score(scorer, articles, merged, event_keys(articles))
    res["drafts"] = len(drafts)
    res["seconds"] = seconds
    print(
        f"corpus: {len(drafts)} drafts merged in {seconds:.1f} s into {res['trips']} trips of "
        f"{res['travellers']} travellers | travellers precision {res['traveller_precision']:.3f} "
        f"recall {res['traveller_recall']:.3f} | trips per event {res['trips_per_event']:.2f} "
        f"over {res['events']} events (target 1.0) | stops from another event "
        f"{res['stops_from_another_event']} of {res['matched_stops']} (target 0)"
    )
    if verbose:
        print("  not persons:", "; ".join(res["not_persons"]))
        print("  events split over several trips:", "; ".join(res["split_events"]))
        for line in report.lines():
            print("  report:", line)
    return res


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


# ---------------------------------------------------------------- rows (the build's merge)

TARGET_100K_S = 60.0  # merge of 100,000 drafts from rows
TARGET_REBUILD_S = 5.0  # a rebuild after one article changes, its extraction apart


def copy_of(d: Any, k: int, spread: bool = False) -> Any:
    """``d`` as reprinted by another outlet: every source id given a suffix ``-c<k>``, no URL.
    With ``spread``, each of its travellers' names is also made another person's, one per copy
    (see :func:`_other_name`), so the copies spread over many travellers as news does."""
    import dataclasses

    if k == 0:
        return d
    ids = {s.id: f"{s.id}-c{k}" for s in d.sources}
    sources = tuple(dataclasses.replace(s, id=ids[s.id], url=None) for s in d.sources)

    def stop(s: Any) -> Any:
        return dataclasses.replace(
            s,
            source=ids.get(s.source, s.source) if s.source else None,
            sources=tuple(ids.get(x, x) for x in s.sources),
            history=tuple(dataclasses.replace(h, source=ids.get(h.source, h.source)) for h in s.history),
        )

    def traveller(name: str) -> str:
        return _other_name(name, k) if spread else name

    return dataclasses.replace(
        d,
        sources=sources,
        trips=tuple(
            dataclasses.replace(t, traveller=traveller(t.traveller), stops=tuple(map(stop, t.stops)))
            for t in d.trips
        ),
    )


def _other_name(name: str, k: int) -> str:
    """A person's ``name`` as copy ``k`` names it: each word replaced by a made-up word of four
    syllables drawn from a hash of the copy and the word, so the names of one copy still match
    one another as the original's do ("Modi" in "Narendra Modi") and no other copy's (checked
    with :func:`itinerary.people.match` on 300 copies of a name). A name that is no person's
    (an institution, no name) is kept."""
    import hashlib

    from itinerary import people

    if not name or people.not_a_person(name) is not None:
        return name
    words = []
    for word in name.split():
        h = int.from_bytes(hashlib.sha256(f"{k} {word}".encode()).digest()[:8], "big")
        syllables = []
        for _ in range(4):
            h, r = divmod(h, 70)
            syllables.append("bdfgklmnprstvz"[r % 14] + "aeiou"[r // 14])
        words.append("".join(syllables).capitalize())
    return " ".join(words)


def _same_yaml(drafts: list[Any]) -> str:
    """The development drafts merged three ways; "identical" when all three files are the same."""
    import warnings

    from itinerary.build.observations import draft_rows, from_rows
    from itinerary.io import yaml as yaml_io
    from itinerary.merge import merge_report
    from itinerary.merge.split import merge_split

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        one = yaml_io.dumps(merge_report(drafts)[0])
        split = yaml_io.dumps(merge_split(drafts, batch=50)[0])
        back = []
        for i, d in enumerate(drafts):
            head, _ = draft_rows(str(i), "h", d)
            back.append(from_rows(head["data"], "rows"))
        rows_text = yaml_io.dumps(merge_split(back, batch=50)[0])
    return "identical" if one == split == rows_text else "DIFFERENT"


def rows_bench(
    articles: Path, cache: Path, sizes: list[int], workers: int, rebuild: list[int], spread: bool = False
) -> int:
    import tempfile
    import warnings

    from itinerary.build.observations import Observations, gc_paused
    from itinerary.io import yaml as yaml_io
    from itinerary.merge.split import merge_split

    corpus = corpus_drafts(articles, cache)
    base = list(corpus.values())
    print(
        f"development drafts: {len(base)}; one-process merge, split merge, merge from rows: {_same_yaml(base)}"
    )
    print(
        "corpus: each copy names its travellers anew (--spread)"
        if spread
        else "corpus: every copy of a draft adds to the same travellers (--spread to name them anew)"
    )
    texts = [yaml_io.dumps(d) for d in base]
    c0 = time.process_time()
    for text in texts * 5:
        yaml_io.loads(text)
    yaml_ms = (time.process_time() - c0) * 1000 / (5 * len(texts))
    mapper, stop = _cluster(workers) if workers else (None, None)
    spent: list[tuple[int, float, float]] = []  # (drafts, wall, CPU) of reading and merging
    try:
        for n in sizes:
            drafts = [copy_of(base[i % len(base)], i // len(base), spread) for i in range(n)]
            with tempfile.TemporaryDirectory() as tmp:
                table = Observations.read(Path(tmp))
                for i, d in enumerate(drafts):
                    table.put(f"a{i}", f"h{i}", d)
                table.write()
                del drafts
                t0, c0 = time.perf_counter(), time.process_time()
                with gc_paused():  # as the build reads and merges
                    table = Observations.read(Path(tmp))
                    read = [table.draft(f"a{i}", f"h{i}") for i in range(n)]
                t_rows, c_rows = time.perf_counter() - t0, time.process_time() - c0
            drafts = [d for d in read if d is not None]
            with warnings.catch_warnings(), gc_paused():
                warnings.simplefilter("ignore")
                t0, c0 = time.perf_counter(), time.process_time()
                merged, _ = merge_split(drafts)
                t_merge, c_merge = time.perf_counter() - t0, time.process_time() - c0
                line = (
                    f"{n:>7} drafts: rows read {t_rows:5.1f} s (CPU {c_rows:5.1f} s, {c_rows * 1e3 / n:.2f} ms/draft), "
                    f"merge {t_merge:5.1f} s (CPU {c_merge:5.1f} s), from rows {t_rows + t_merge:5.1f} s "
                    f"(CPU {c_rows + c_merge:5.1f} s) | from YAML {n * yaml_ms / 1000 + c_merge:6.1f} s CPU "
                    f"(parse {yaml_ms:.2f} ms/draft CPU, projected) | {len(merged.trips)} trips"
                )
                if mapper is not None:
                    t0 = time.perf_counter()
                    on_cluster, _ = merge_split(drafts, mapper=mapper)
                    t_dask = time.perf_counter() - t0
                    same = yaml_io.dumps(on_cluster) == yaml_io.dumps(merged)
                    line += f" | merge on {workers} workers {t_dask:5.1f} s ({'same file' if same else 'DIFFERENT'})"
            print(line, flush=True)
            per_draft, cpu_per_draft = (t_rows + t_merge) / n, (c_rows + c_merge) / n
            spent.append((n, t_rows + t_merge, c_rows + c_merge))
        print(
            f"100,000 drafts from rows, projected from {sizes[-1]:,}: {per_draft * 1e5:.0f} s by the clock, "
            f"{cpu_per_draft * 1e5:.0f} s of CPU (an idle core; target {TARGET_100K_S:.0f} s)"
        )
        if len(spent) > 1:  # what grows faster than the drafts (the look-alikes listed) shows here
            (n1, w1, c1), (n2, w2, c2) = sorted(spent)[-2:]
            print(
                f"    on the line through {n1:,} and {n2:,}: {w2 + (w2 - w1) / (n2 - n1) * (1e5 - n2):.0f} s "
                f"by the clock, {c2 + (c2 - c1) / (n2 - n1) * (1e5 - n2):.0f} s of CPU"
            )
    finally:
        if stop is not None:
            stop()
    measured = [(n, *_rebuild(articles, corpus, n, spread)) for n in rebuild]
    if len(measured) > 1:
        print(_projection(measured), flush=True)
    return 0


def _projection(measured: list[tuple[int, float, float]], target: int = 100_000) -> str:
    """The steady rebuild (its extraction apart: wall time, and the CPU of the build's steps) at
    ``target`` drafts, projected on the line through the two largest sizes measured, and how it
    grew between them."""
    (n1, w1, c1), (n2, w2, c2) = sorted(measured)[-2:]

    def at(t1: float, t2: float) -> float:
        return t2 + (t2 - t1) / (n2 - n1) * (target - n2)

    return (
        f"rebuild after one article changed, its extraction apart, projected to {target:,} drafts from "
        f"{n1:,} and {n2:,}: {at(w1, w2):.1f} s by the clock, {at(c1, c2):.1f} s of CPU "
        f"(x{n2 / n1:.1f} drafts gave x{w2 / max(w1, 1e-9):.2f} wall, x{c2 / max(c1, 1e-9):.2f} CPU of the "
        f"build's steps; target {TARGET_REBUILD_S:.0f} s)"
    )


def _cluster(workers: int) -> tuple[Any, Any]:
    import distributed

    from itinerary.build.run import dask_mapper

    cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=":0")
    client = distributed.Client(cluster)

    def stop() -> None:
        client.close()
        cluster.close()

    return dask_mapper(client), stop


REBUILD_ARTICLES = ("21_en_ktsa_ap_kim_arrives_russia_2019", "24_en_outlookindia_modi_moscow_austria")


class _Phases:
    """CPU and wall time spent in the build's steps of a rebuild, each timed where the build
    calls it (the functions wrapped in :mod:`itinerary.build.run` while ``with`` lasts)."""

    STEPS = (
        ("table read", "Observations", "read"),
        ("drafts from rows", "Observations", "draft"),
        ("table written", "Observations", "write"),
        ("merge", None, "merge_delta"),
        ("trips.yaml text", None, "merged_yaml"),
        ("files written", None, "write_merged"),
    )

    def __init__(self) -> None:
        self.spent: dict[str, list[float]] = {name: [0.0, 0.0] for name, _, _ in self.STEPS}
        self.undo: list[Any] = []

    def __enter__(self) -> _Phases:
        from itinerary.build import run

        for name, owner, attr in self.STEPS:
            holder = getattr(run, owner) if owner else run
            original = holder.__dict__.get(attr) if owner else getattr(run, attr, None)
            if original is None:  # a step this version of the build does not have
                continue
            self.undo.append((holder, attr, original))
            setattr(holder, attr, self._timed(name, original))
        return self

    def __exit__(self, *exc: object) -> None:
        for holder, attr, original in reversed(self.undo):
            setattr(holder, attr, original)

    def _timed(self, name: str, original: Any) -> Any:
        spent = self.spent[name]
        inner = original.__func__ if isinstance(original, classmethod) else original

        def timed(*args: Any, **kwargs: Any) -> Any:
            w0, c0 = time.perf_counter(), time.process_time()
            try:
                return inner(*args, **kwargs)
            finally:
                spent[0] += time.perf_counter() - w0
                spent[1] += time.process_time() - c0

        return classmethod(timed) if isinstance(original, classmethod) else timed

    def line(self) -> str:
        steps = ", ".join(f"{name} {w:.1f} s (CPU {c:.1f})" for name, (w, c) in self.spent.items())
        return f"{steps}; the steps' CPU {self.cpu():.2f} s"

    def cpu(self) -> float:
        """The CPU time of the build's steps (the extraction apart, whatever the load)."""
        return sum(c for _, c in self.spent.values())


def _share(drafts: list[Any], changed: Any) -> str:
    """What a merge that keeps each traveller's result could at best leave out: the share of the
    observations held by the changed draft's travellers (merged again), and of the drafts linked
    to them through a draft that names several travellers (read again, to merge a subset alone)."""
    from itinerary.groups import DisjointSets
    from itinerary.merge import _input_key
    from itinerary.merge.observe import _collect, _observations
    from itinerary.merge.travellers import _people

    inputs = sorted(drafts, key=_input_key)
    collected = _collect(inputs, None)
    who = _people(collected, _observations(collected, None), several=True)
    k = next(i for i, d in enumerate(inputs) if d is changed)
    mine = [p for p in who.people if k in p.inputs]
    sets = DisjointSets(range(len(inputs)))
    for p in who.people:
        first, *rest = sorted(p.inputs)
        for i in rest:
            sets.join(first, i)
    linked = sum(1 for i in range(len(inputs)) if sets.root(i) == sets.root(k))
    held = sum(len(t) for p in mine for t in p.obs)
    total = sum(len(t) for p in who.people for t in p.obs)
    return (
        f"its travellers ({', '.join(p.names[0] for p in mine)}) hold {held / total:.1%} of the observations; "
        f"the drafts linked to them through shared articles {linked / len(inputs):.1%}"
    )


def _rebuild(articles: Path, corpus: dict[str, Any], n: int, spread: bool = False) -> tuple[float, float]:
    """A folder of ``n`` finished articles (their drafts, manifest and rows, made here), then a
    real ``build`` after one article changed (to a development article that has a trip, then to
    another): its time and CPU time, its extraction apart (models included), the build's steps,
    and the share of the work the changed draft's travellers hold. The last rebuild's (the
    steady state: models loaded) wall time, its extraction apart, and the CPU time of its build
    steps (read, merge, write: see :class:`_Phases`)."""
    import json
    import tempfile

    from itinerary import __version__
    from itinerary.build import build
    from itinerary.build.manifest import OK, Entry, Manifest, text_digest
    from itinerary.build.observations import Observations
    from itinerary.build.sources import DraftSettings, iter_items
    from itinerary.extract import read_article
    from itinerary.io import yaml as yaml_io

    base = list(corpus.values())
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "feed.jsonl", Path(tmp) / "out"
        rows = [{"id": f"a{i}", "text": f"Article {i}.", "published": "2024-01-01"} for i in range(n)]
        src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        items = list(iter_items([src], DraftSettings(None, None, __version__)))
        (out / "drafts").mkdir(parents=True)
        manifest, table = Manifest(out / "manifest.jsonl"), Observations.read(out)
        t0 = time.perf_counter()
        for i, item in enumerate(items):
            draft = copy_of(base[i % len(base)], i // len(base), spread)
            text = yaml_io.dumps(draft)
            (out / "drafts" / f"{item.name}.yaml").write_text(text, encoding="utf-8")
            manifest.record(Entry(item.name, item.digest, OK, draft=text_digest(text)))
            table.put(item.name, text_digest(text), draft)
        manifest.compact()
        table.write()
        c0 = time.process_time()
        first = build([src], out, serial=True)  # the merged files (every draft read from its rows)
        print(
            f"rebuild: a folder of {n:,} finished drafts made in {time.perf_counter() - t0:.0f} s; "
            f"first build (merge only) {first.seconds:.1f} s (CPU {time.process_time() - c0:.1f} s)"
        )
        steady = (0.0, 0.0)
        for stem in REBUILD_ARTICLES:
            article = read_article(articles / "dev" / f"{stem}.txt")
            assert article.published is not None
            rows[0] = {
                "id": "a0",
                "text": article.text,
                "published": article.published.isoformat(),
                "language": article.language or "en",
            }
            src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
            c0 = time.process_time()
            with _Phases() as phases:
                again = build([src], out, serial=True)
            cpu = time.process_time() - c0
            rest = again.seconds - again.map_seconds
            # the steps' CPU is the rest's, measured where the build calls them: the extraction's wall
            # time subtracted from the whole CPU (a bound) reads 0 on a loaded machine
            steady = (rest, phases.cpu())
            print(
                f"rebuild after one article changed ({stem[:24]}...): {again.seconds:.1f} s in all "
                f"(CPU {cpu:.1f} s), its extraction {again.map_seconds:.1f} s (one process, models "
                f"included), the rest {rest:.1f} s (CPU >= {max(cpu - again.map_seconds, 0.0):.1f} s; merge and files "
                f"{again.merge_seconds:.1f} s; "
                f"target {TARGET_REBUILD_S:.0f} s); {again.extracted} extracted, {again.skipped} "
                f"reused, {again.trips} trips; the merge read {again.drafts_read} of {again.merged} drafts"
                + (f" (all: {again.merged_all})" if again.merged_all else ""),
                flush=True,
            )
            print(f"    steps: {phases.line()}", flush=True)
            if stem in corpus:
                drafts = [
                    corpus[stem],
                    *(copy_of(base[i % len(base)], i // len(base), spread) for i in range(1, n)),
                ]
                print(f"    {_share(drafts, drafts[0])}", flush=True)
    return steady


if __name__ == "__main__":
    raise SystemExit(main())
