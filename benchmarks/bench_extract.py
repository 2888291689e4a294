"""Extraction benchmark: runs the extractor over the development articles and scores the drafts.

    .venv/bin/python benchmarks/bench_extract.py [ARTICLES_DIR] [--keep DRAFTS_DIR] [--verbose]

ARTICLES_DIR defaults to ../shared/articles beside the project (the development set with its
ground truth and score.py; the article texts are third-party and stay there). Each article is
given to the extractor as its body only, with the publication date of its header and the
language detected from the text, exactly as a user would run
``itinerary extract ARTICLE --published DATE``. The drafts go to a temporary folder (or
``--keep``), then the set's own scorer prints precision, recall, F1, status and date accuracy.
Also printed: model load time and time per article (a 3,000-character rescale).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def body_and_date(path: Path) -> tuple[str, dt.date | None]:
    raw = path.read_text(encoding="utf-8")
    head, sep, body = raw.partition("\n---\n")
    if not sep:
        return raw, None
    m = re.search(r"^# date:\s*(\d{4}-\d{2}-\d{2})", head, re.M)
    return body, dt.date.fromisoformat(m.group(1)) if m else None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("articles", nargs="?", type=Path, default=ROOT.parent / "shared" / "articles")
    ap.add_argument("--keep", type=Path, help="write the drafts here instead of a temporary folder")
    ap.add_argument("--verbose", action="store_true", help="per-article detail from the scorer")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs per article (the median is kept)")
    args = ap.parse_args()
    dev = args.articles / "dev"
    if not dev.is_dir():
        print(f"no development set at {dev}", file=sys.stderr)
        return 1

    import itinerary
    from itinerary.extract import Extractor, extract
    from itinerary.extract.nlp import pipeline

    t0 = time.perf_counter()
    ex = Extractor()
    ex.geocoder.gazetteer  # noqa: B018 (load the index)
    t_gaz = time.perf_counter() - t0
    t0 = time.perf_counter()
    for lang in ("fr", "en"):
        pipeline(lang)
    t_models = time.perf_counter() - t0

    out = args.keep or Path(tempfile.mkdtemp(prefix="drafts-"))
    out.mkdir(parents=True, exist_ok=True)
    per_kchar: list[float] = []
    rows = []
    extract("Warm-up: the minister arrived in Paris.", extractor=ex)  # first-call caches
    for path in sorted(dev.glob("*.txt")):
        text, published = body_and_date(path)
        runs = []
        for _ in range(max(1, args.repeat)):
            t0 = time.perf_counter()
            it = extract(text, published=published, source_id=path.stem, extractor=ex)
            runs.append(time.perf_counter() - t0)
        took = statistics.median(runs)
        per_kchar.append(took / max(len(text), 1) * 3000)
        itinerary.dump(it, out / f"{path.stem}.yaml")
        rows.append((path.stem, len(text), took, sum(len(t.stops) for t in it.trips), len(it.trips)))

    print(f"{'article':52} {'chars':>6} {'ms':>7} {'trips':>5} {'stops':>5}")
    for stem, n, took, stops, trips in rows:
        print(f"{stem:52} {n:6d} {took * 1000:7.0f} {trips:5d} {stops:5d}")
    print()
    print(f"gazetteer load {t_gaz:.2f} s; spaCy fr+en pipelines load {t_models:.2f} s")
    print(
        f"time per 3,000 characters: median {statistics.median(per_kchar) * 1000:.0f} ms, "
        f"max {max(per_kchar) * 1000:.0f} ms (median of {args.repeat} runs per article, after one warm-up call)"
    )
    print(f"drafts in {out}")
    print()
    cmd = [sys.executable, str(args.articles / "score.py"), str(out)]
    if args.verbose:
        cmd.append("--verbose")
    return subprocess.call(cmd)


if __name__ == "__main__":
    raise SystemExit(main())
