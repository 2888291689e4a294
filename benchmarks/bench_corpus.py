"""Corpus benchmark: `itinerary build` over a corpus that looks like news (most articles report no
trip, wire copy is reprinted), on a local Dask cluster of 1 and 2 workers.

    .venv/bin/python benchmarks/bench_corpus.py [ARTICLES_DIR] [--articles 600] [--big]

The corpus (JSON Lines in a temporary folder, read from ../shared at run time: no third-party
text enters the project) mixes, at about one trip article in ``--trip-share`` (10):

* the development articles that report a trip (ARTICLES_DIR/dev, dev2, dev3 with a truth file
  whose ``trips`` is not empty);
* articles that report none: the no-trip development articles of dev3 and, where
  ../shared/geoparsing holds them, the local news of LGL and TR-News (not checked for trips:
  general news, as a feed brings it);
* reprints: about one article in ``--reprint-share`` (5) appears again under another outlet's
  id, as wire copy does;

scaled to ``--articles`` by repetition under new ids. Each row states its language (as feeds
do); ``--unstated-language`` leaves it out, so the screen's second pass (the detector) runs.

Printed, for 1 and 2 workers (a fresh output folder each, the same corpus): start-up (cluster up,
workers warm), the wall time of the whole run with start-up, articles/s per worker for the
screen (its first pass, in the reading process), the extraction (per worker process) and the
merge (drafts/s, one process), the peak memory of each worker and of the reading process, the
screened share, the 2/1 wall-time ratio, whether both runs wrote the same trips.yaml, and the
time projected for 100,000 articles (start-up + the run's time per article x 100,000). The
screen alone is also timed in this process over the whole corpus (first pass, and both passes).
``--big`` adds a 10,000-article run on 2 workers, the base of the 100,000-article projection
(about 10-20 minutes on two free cores).
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import os
import random
import re
import statistics
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PROJECTED = 100_000
BIG = 10_000


@dataclass(frozen=True)
class Source:
    """One article the corpus repeats: its text and what a feed says about it."""

    key: str
    text: str
    published: str | None
    language: str | None
    trip: bool


@dataclass
class Row:
    screen: bool
    workers: int
    articles: int
    startup_s: float
    wall_s: float
    screened: int
    extracted: int
    screen_rate: float
    extract_rate_per_worker: float
    cpu_per_article: float
    merge_rate: float
    merged: int
    peak_mb: list[float]
    driver_mb: float
    trips: bytes
    map_s: float = 0.0  # the extraction step (screen, workers, drafts written)
    close_s: float = 0.0  # the cluster's end
    load: str = ""  # load averages at the start and at the end of the run

    def projected_h(self) -> float:
        """Hours for 100,000 articles: start-up, then this run's time per article."""
        per_article = (self.wall_s - self.startup_s) / self.articles
        return (self.startup_s + PROJECTED * per_article) / 3600

    def free_cores_h(self) -> float:
        """Hours for 100,000 articles if each worker had a core to itself: start-up, then the
        workers' CPU time per article of the corpus (those the first pass screened out cost
        the workers nothing), shared among the workers."""
        per_article = self.cpu_per_article * self.extracted / self.articles
        return (self.startup_s + PROJECTED * per_article / self.workers) / 3600


# ---------------------------------------------------------------- the corpus


def development(articles: Path) -> list[Source]:
    """The development articles, each marked by whether its truth holds a trip."""
    import yaml

    from itinerary.extract import read_article

    out = []
    for folder in ("dev", "dev2", "dev3"):
        for path in sorted((articles / folder).glob("*.txt")):
            truth = yaml.safe_load((articles / folder / "truth" / f"{path.stem}.yaml").read_text("utf-8"))
            art = read_article(path)
            day = art.published.isoformat() if art.published else None
            out.append(Source(path.stem, art.text, day, art.language, bool(truth["trips"])))
    return out


def general_news(geoparsing: Path) -> list[Source]:
    """The articles of LGL and TR-News (local and general news, English), when present."""
    out = []
    for name in ("lgl", "trnews"):
        path = geoparsing / f"{name}.xml.gz"
        if not path.is_file():
            continue
        with gzip.open(path) as fh:
            root = ET.parse(fh).getroot()
        for art in root.iter("article"):
            text = (art.findtext("text") or "").strip()
            if text:
                stamp = re.match(r"\d{4}-\d{2}-\d{2}", art.findtext("dltime") or "")
                day = stamp.group() if stamp else None  # TR-News writes "DEC. 14, 2017" or nothing
                out.append(Source(f"{name}-{art.get('docid')}", text, day, "en", False))
    return out


def make_corpus(
    sources: list[Source], n: int, trip_share: int, reprint_share: int, stated: bool, dest: Path
) -> dict[str, int]:
    """Write ``n`` rows to ``dest`` (JSON Lines): one trip article in ``trip_share``, one row in
    ``reprint_share`` a reprint of an earlier row under another id. The counts written."""
    rng = random.Random(27)
    trips = [s for s in sources if s.trip]
    others = [s for s in sources if not s.trip]
    rng.shuffle(trips)
    rng.shuffle(others)
    rows: list[dict[str, Any]] = []
    counts = {"trip": 0, "no trip": 0, "reprint": 0}
    used = {"trip": 0, "no trip": 0}
    while len(rows) < n:
        if rows and rng.randrange(reprint_share) == 0:
            original = rng.choice(rows)
            rows.append({**original, "id": f"{original['id']}-reprint-{len(rows)}", "outlet": "wire reprint"})
            counts["reprint"] += 1
            continue
        kind = "trip" if rng.randrange(trip_share) == 0 else "no trip"
        pool = trips if kind == "trip" else others
        src = pool[used[kind] % len(pool)]
        copy = used[kind] // len(pool)  # a repetition under a new id
        used[kind] += 1
        counts[kind] += 1
        row = {"id": f"{src.key}-r{copy}", "text": src.text, "published": src.published, "outlet": "bench"}
        if stated and src.language:
            row["language"] = src.language
        rows.append(row)
    with dest.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return counts


# ---------------------------------------------------------------- measures


def peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def cpu_seconds() -> float:
    import resource

    use = resource.getrusage(resource.RUSAGE_SELF)
    return use.ru_utime + use.ru_stime


def run_build(corpus: Path, out: Path, n: int, screen: bool = True) -> Row:
    """A fresh local cluster of ``n`` workers and one build of ``corpus`` into ``out``."""
    from itinerary.build import build
    from itinerary.build.engine import dask_client, prepare_workers

    load_at_start = load()
    started = time.perf_counter()
    with dask_client(n, None, dashboard=False) as client:  # the local cluster `itinerary build` starts
        prepare_workers(client)  # cluster up, workers warm: the start-up ends here
        startup = time.perf_counter() - started
        cpu0 = client.run(cpu_seconds)
        summary = build([corpus], out, client=client, screen=screen)
        cpu = sum(v - cpu0[w] for w, v in client.run(cpu_seconds).items())
        peaks = sorted(client.run(peak_rss_mb).values())
        closing = time.perf_counter()
    wall = time.perf_counter() - started  # the cluster's end included: the build waits for it
    return Row(
        screen=screen,
        workers=n,
        articles=summary.total,
        startup_s=startup,
        wall_s=wall,
        screened=summary.screened,
        extracted=summary.sent,  # past the first pass: to the workers (second pass, extraction)
        screen_rate=summary.total / summary.screen_seconds if summary.screen_seconds else float("nan"),
        extract_rate_per_worker=summary.sent / summary.map_seconds / n if summary.map_seconds else 0.0,
        cpu_per_article=cpu / max(1, summary.sent),
        merge_rate=summary.merged / summary.merge_seconds if summary.merge_seconds else float("nan"),
        merged=summary.merged,
        peak_mb=peaks,
        driver_mb=peak_rss_mb(),
        trips=(out / "trips.yaml").read_bytes() if (out / "trips.yaml").exists() else b"",
        map_s=summary.map_seconds,
        close_s=wall - (closing - started),
        load=f"{load_at_start} -> {load()}",
    )


def _rate(fn: Any, articles: list[Any]) -> tuple[float, float, int]:
    """Articles/s of ``fn`` over ``articles`` by CPU time of this process (per core, whatever
    else the machine runs) and by the clock, and how many it screens out."""
    c0, t0 = time.process_time(), time.perf_counter()
    out = sum(not fn(a) for a in articles)
    cpu, wall = time.process_time() - c0, time.perf_counter() - t0
    return len(articles) / cpu, len(articles) / wall, out


def screen_alone(articles: list[Any]) -> str:
    """The screen in this process over ``articles``: the first pass (stated language), and both
    passes with the language unstated (the detector runs)."""
    from itinerary.build.screen import Screen

    screen = Screen()
    unstated = [dataclasses.replace(a, language=None) for a in articles]
    screen.passes(unstated[0])  # the gazetteer, the words and the detector loaded
    cpu1, wall1, out1 = _rate(screen.first_pass, articles)
    cpu2, wall2, out2 = _rate(lambda a: screen.passes(a)[0], unstated)
    return (
        f"first pass (stated language) {cpu1:.0f} articles/s per core ({wall1:.0f} by the clock), "
        f"{out1} of {len(articles)} screened out; both passes (language unstated, detector) "
        f"{cpu2:.0f} articles/s per core ({wall2:.0f} by the clock), {out2} screened out"
    )


def corpus_articles(corpus: Path) -> list[Any]:
    from itinerary.build.sources import DraftSettings, expand, iter_items, to_article

    settings = DraftSettings(None, None, "bench")
    return [to_article(i, settings) for i in iter_items(expand([str(corpus)]), settings)]


def screen_figures(articles: Path, repeat: int) -> None:
    """Recall on every development article with a trip (the sealed ones as one count, their
    names unprinted), the share of the no-trip ones screened out, and the speed on the no-trip
    articles of dev3 repeated."""
    import yaml

    from itinerary.build.screen import Screen
    from itinerary.extract import read_article

    split = json.loads((ROOT / "benchmarks" / "extract_split.json").read_text("utf-8"))["articles"]
    screen = Screen()
    kept: dict[str, list[int]] = {"open": [0, 0], "sealed": [0, 0]}
    lost_open: list[str] = []
    no_trip = []
    for folder in ("dev", "dev2", "dev3"):
        for path in sorted((articles / folder).glob("*.txt")):
            truth = yaml.safe_load((articles / folder / "truth" / f"{path.stem}.yaml").read_text("utf-8"))
            art = read_article(path)
            if not truth["trips"]:
                no_trip.append(art)
                continue
            side = split.get(path.name, {}).get("side", "open")
            ok = screen.passes(art)[0] and screen.passes(dataclasses.replace(art, language=None))[0]
            kept[side][0] += 1
            kept[side][1] += not ok
            if not ok and side == "open":
                lost_open.append(path.name)
    for side, (n, lost) in kept.items():
        names = f" ({', '.join(lost_open)})" if side == "open" and lost_open else ""
        print(f"screen recall, {side} development articles with a trip: {n - lost} of {n} kept{names}")
    out = sum(not screen.passes(a)[0] for a in no_trip)
    print(f"no-trip development articles (dev3) screened out: {out} of {len(no_trip)}")
    print(f"screen speed, the {len(no_trip)} no-trip articles x{repeat}: {screen_alone(no_trip * repeat)}")


def language_figures(articles: Path) -> None:
    """The screen's guess of the language (function words) and the detector on every development
    article, against the language its truth gives: how many the guess places, how many of those
    it places right, and whether it ever names another language than the detector."""
    import yaml

    try:
        from itinerary.build.screen import guess_language
    except ImportError:  # a version without the guess: the detector alone
        print("language of the development articles: this version has no guess from function words")
        return
    from itinerary.extract import detect_language, read_article
    from itinerary.extract.article import clean_text

    placed = right = differs = detector_right = total = 0
    for folder in ("dev", "dev2", "dev3"):
        for path in sorted((articles / folder).glob("*.txt")):
            truth = yaml.safe_load((articles / folder / "truth" / f"{path.stem}.yaml").read_text("utf-8"))
            art = read_article(path)
            lang = str(truth.get("language") or art.language)
            text = clean_text(art.text)
            guessed, detected = guess_language(text), detect_language(text)
            total += 1
            detector_right += detected == lang
            if guessed is not None:
                placed += 1
                right += guessed == lang
                differs += guessed != detected
    print(
        f"language of the {total} development articles: the detector right on {detector_right}; the "
        f"function words place {placed} ({100 * placed / total:.0f} %), {right} of them right, "
        f"{differs} otherwise than the detector (the rest go to the detector)"
    )


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3]) if Path("/proc/loadavg").exists() else "?"


# ---------------------------------------------------------------- report


def report(rows: list[Row]) -> None:
    print(
        "| screen | workers | articles | screened | to the workers | start-up s | wall s | screen art/s (1st pass) "
        "| extraction art/s per worker | worker CPU s per article | merge drafts/s | peak RSS per "
        "worker MB | reading process MB | 100,000 articles at this rate | 100,000 articles, a core per worker |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        peaks = ", ".join(f"{p:.0f}" for p in r.peak_mb)
        print(
            f"| {'on' if r.screen else 'off'} | {r.workers} | {r.articles} | {r.screened} ({100 * r.screened / r.articles:.0f} %) "
            f"| {r.extracted} | {r.startup_s:.1f} | {r.wall_s:.1f} | {r.screen_rate:.0f} "
            f"| {r.extract_rate_per_worker:.1f} | {r.cpu_per_article:.3f} | {r.merge_rate:.0f} ({r.merged}) "
            f"| {peaks} | {r.driver_mb:.0f} | {r.projected_h():.2f} h | {r.free_cores_h():.2f} h |"
        )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("articles", nargs="?", type=Path, default=ROOT.parent / "shared" / "articles")
    ap.add_argument(
        "--articles", dest="n", type=int, default=600, help="articles in the corpus (default 600)"
    )
    ap.add_argument("--trip-share", type=int, default=10, help="one trip article in N (default 10)")
    ap.add_argument("--reprint-share", type=int, default=5, help="one reprint in N rows (default 5)")
    ap.add_argument("--unstated-language", action="store_true", help="rows without a language field")
    ap.add_argument(
        "--repeat", type=int, default=50, help="copies of dev3's no-trip articles timed (default 50)"
    )
    ap.add_argument("--screen-only", action="store_true", help="only the screen's recall and speed")
    ap.add_argument(
        "--compare-no-screen", action="store_true", help="also the 2-worker build with the screen off"
    )
    ap.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="pairs of 1- and 2-worker builds, back to back (the median pair is summed up; default 1)",
    )
    ap.add_argument("--big", action="store_true", help=f"also a {BIG:,}-article run on 2 workers")
    args = ap.parse_args()
    if not (args.articles / "dev").is_dir():
        print(f"no development set at {args.articles / 'dev'}", file=sys.stderr)
        return 1
    print(f"cores: {os.cpu_count()}, load average at start: {load()}")
    language_figures(args.articles)
    screen_figures(args.articles, args.repeat)
    if args.screen_only:
        return 0
    sources = development(args.articles) + general_news(args.articles.parent / "geoparsing")
    trips = sum(s.trip for s in sources)
    print(f"sources: {trips} development articles with a trip, {len(sources) - trips} without")
    with tempfile.TemporaryDirectory(prefix="bench-corpus-") as tmpdir:
        tmp = Path(tmpdir)
        corpus = tmp / "corpus.jsonl"
        made = make_corpus(
            sources, args.n, args.trip_share, args.reprint_share, not args.unstated_language, corpus
        )
        print(
            f"corpus: {args.n} articles ({made['trip']} trip, {made['no trip']} no trip, {made['reprint']} reprints)"
        )
        print(f"screen alone over the corpus: {screen_alone(corpus_articles(corpus))}")
        pairs = []
        for r in range(args.rounds):  # 1 and 2 workers back to back, the order swapped each round
            order = (1, 2) if r % 2 == 0 else (2, 1)
            made_rows = {n: run_build(corpus, tmp / f"out{n}-{r}", n) for n in order}
            pairs.append((made_rows[1], made_rows[2]))
            report([made_rows[1], made_rows[2]])
        for r, (one, two) in enumerate(pairs):
            print(
                f"round {r + 1}: 2 workers / 1 worker {one.wall_s / two.wall_s:.2f}x in wall time with start-up "
                f"({one.wall_s:.1f} s / {two.wall_s:.1f} s), {one.map_s / two.map_s:.2f}x on the extraction "
                f"step ({one.map_s:.1f} s / {two.map_s:.1f} s); start-up {one.startup_s:.1f} s and "
                f"{two.startup_s:.1f} s, cluster end {one.close_s:.1f} s and {two.close_s:.1f} s; load "
                f"averages {one.load} (1 worker), {two.load} (2 workers)"
            )
        walls = [a.wall_s / b.wall_s for a, b in pairs]
        maps = [a.map_s / b.map_s for a, b in pairs]
        print(
            f"2 workers / 1 worker, wall time with start-up: median {statistics.median(walls):.2f}x, "
            f"{min(walls):.2f}-{max(walls):.2f}x over {len(pairs)} round(s) (target 1.6x)"
        )
        print(
            f"2 workers / 1 worker, the extraction step: median {statistics.median(maps):.2f}x, "
            f"{min(maps):.2f}-{max(maps):.2f}x (target 1.8x)"
        )
        one, two = pairs[-1]
        print(
            f"worker CPU per article, 2 workers / 1 worker: {two.cpu_per_article / one.cpu_per_article:.2f} "
            "(1.00 = no parallel overhead; the wall-time ratio reaches 2 only with both cores free)"
        )
        print(f"same trips.yaml from both runs: {one.trips == two.trips}")
        if args.compare_no_screen:
            off = run_build(corpus, tmp / "out-no-screen", 2, screen=False)
            report([off])
            cpu_on, cpu_off = two.cpu_per_article * two.extracted, off.cpu_per_article * off.extracted
            print(
                f"the screen, 2 workers: worker CPU {cpu_on:.0f} s with it, {cpu_off:.0f} s without "
                f"({100 * (1 - cpu_on / cpu_off):.0f} % saved); wall {two.wall_s:.0f} s and {off.wall_s:.0f} s; "
                f"same trips.yaml: {two.trips == off.trips}"
            )
        if args.big:
            big = tmp / "big.jsonl"
            made = make_corpus(
                sources, BIG, args.trip_share, args.reprint_share, not args.unstated_language, big
            )
            print(
                f"big corpus: {BIG} articles ({made['trip']} trip, {made['no trip']} no trip, {made['reprint']} reprints)"
            )
            row = run_build(big, tmp / "out-big", 2)
            report([row])
            print(
                f"projected for {PROJECTED:,} articles on 2 workers, from the {BIG:,}-article run: {row.projected_h():.2f} h"
            )
        else:
            print(
                f"projected for {PROJECTED:,} articles on 2 workers, from this {args.n}-article run: "
                f"{two.projected_h():.2f} h at its rate, {two.free_cores_h():.2f} h with a core per worker "
                f"(--big measures it from a {BIG:,}-article run)"
            )
    print(f"load average at the end: {load()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
