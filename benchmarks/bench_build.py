"""Build benchmark: `itinerary build` over a corpus on Dask, 1 and 2 workers, resumed, and through a
separately started `dask scheduler` + `dask worker` (the code path of a real cluster).

    .venv/bin/python benchmarks/bench_build.py [ARTICLES_DIR] [--repeat 5]

The corpus is the development set (ARTICLES_DIR/dev and dev2, default ../shared/articles)
repeated ``--repeat`` times under new names, as symbolic links in a temporary folder (the
third-party texts are not copied). Each run extracts the whole corpus into a fresh folder:

* local cluster, 1 worker process, then 2 worker processes (one thread each);
* the 2-worker output built again by the `itinerary build` command in a new process
  (everything finished: nothing to extract, the merged files up to date);
* a `dask scheduler` and a `dask worker --nworkers 2 --nthreads 1` started as separate
  processes on 127.0.0.1, and `build(..., scheduler=ADDRESS)`;
* the baseline: the same extraction function over the same articles in a plain
  ``concurrent.futures`` process pool of 1 and of 2 processes, no Dask. Its 2/1 ratio is what
  this machine gives two processes (shared caches, memory bandwidth, virtual cores); the Dask
  ratio is printed beside it and as a share of it.

Printed: the map step's articles/s (cluster start-up and model loading not counted), the
CPU seconds the workers spent per article (independent of other load on the machine), the
start-up time, the wall time of the whole call, the peak resident memory of each worker
process, the 2/1 ratio, the resumed run against the first, whether all runs wrote the same
trips.yaml, and the time 100,000 articles would take: start-up + 100,000 / rate, and start-up +
100,000 x CPU per article / workers (each worker with a core to itself). The machine's load
average is printed too: on a shared machine the wall-clock figures are noisy.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PROJECTED = 100_000


@dataclass
class Row:
    label: str
    workers: int
    articles: int
    rate: float
    startup_s: float
    wall_s: float
    peak_mb: list[float]
    trips: bytes
    cpu_per_article: float

    def projected_h(self) -> float:
        """Hours for 100,000 articles at the measured rate."""
        return (self.startup_s + PROJECTED / self.rate) / 3600 if self.rate else float("nan")

    def free_cores_h(self) -> float:
        """Hours for 100,000 articles if each worker had a core to itself (from its CPU per article)."""
        return (self.startup_s + PROJECTED * self.cpu_per_article / self.workers) / 3600


def make_corpus(articles: Path, dest: Path, repeat: int) -> int:
    files = sorted((articles / "dev").glob("*.txt")) + sorted((articles / "dev2").glob("*.txt"))
    dest.mkdir(parents=True)
    for r in range(repeat):
        for f in files:
            (dest / f"r{r}_{f.name}").symlink_to(f.resolve())
    return len(files) * repeat


def peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def cpu_seconds() -> float:
    import resource

    use = resource.getrusage(resource.RUSAGE_SELF)
    return use.ru_utime + use.ru_stime


def timed_build(client: Any, corpus: Path, out: Path, label: str, started: float) -> Row:
    from itinerary.build import build
    from itinerary.build.engine import prepare_workers

    prepare_workers(client)  # models loaded now, so the CPU count below is the articles' alone
    cpu0 = client.run(cpu_seconds)
    summary = build([corpus], out, client=client)
    cpu = sum(v - cpu0[w] for w, v in client.run(cpu_seconds).items())
    wall = time.perf_counter() - started
    peaks = sorted(client.run(peak_rss_mb).values())
    startup = wall - summary.map_seconds  # cluster start, model loading, merge and files
    trips = (out / "trips.yaml").read_bytes()
    return Row(
        label, len(peaks), summary.total, summary.rate, startup, wall, peaks, trips, cpu / summary.total
    )


def local_run(corpus: Path, out: Path, n: int) -> Row:
    from distributed import Client, LocalCluster

    started = time.perf_counter()
    with (
        LocalCluster(
            n_workers=n,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            scheduler_kwargs={"dashboard": False},
        ) as cluster,
        Client(cluster) as client,
    ):
        return timed_build(client, corpus, out, f"LocalCluster, {n} worker{'s' * (n > 1)}", started)


def scheduler_run(corpus: Path, out: Path, tmp: Path, n: int) -> Row:
    from distributed import Client

    dask = shutil.which("dask", path=str(Path(sys.executable).parent)) or "dask"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    sfile = tmp / "scheduler.json"
    common = ["--no-dashboard", "--host", "127.0.0.1"]
    started = time.perf_counter()
    procs = [subprocess.Popen([dask, "scheduler", "--scheduler-file", str(sfile), *common], env=env)]
    try:
        while not sfile.exists():
            time.sleep(0.2)
        procs.append(
            subprocess.Popen(
                [
                    dask,
                    "worker",
                    "--scheduler-file",
                    str(sfile),
                    "--nworkers",
                    str(n),
                    "--nthreads",
                    "1",
                    *common,
                ],
                env=env,
            )
        )
        with Client(scheduler_file=str(sfile)) as client:
            client.wait_for_workers(n, timeout=120)
            return timed_build(client, corpus, out, f"dask scheduler + dask worker ×{n}", started)
    finally:
        for p in reversed(procs):
            p.terminate()
            p.wait(timeout=60)


def resumed_run(corpus: Path, out: Path) -> tuple[float, str]:
    """The same command again, as a user runs it: a new process, the `itinerary build` command."""
    exe = shutil.which("itinerary", path=str(Path(sys.executable).parent)) or "itinerary"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    t0 = time.perf_counter()
    done = subprocess.run(
        [exe, "build", str(corpus), "-o", str(out), "--workers", "2"], env=env, capture_output=True, text=True
    )
    summary = next((ln for ln in done.stderr.splitlines() if " ok, " in ln), done.stderr.strip()[-300:])
    return time.perf_counter() - t0, summary


def pool_rate(corpus: Path, n: int) -> float:
    """Articles/s of the plain process pool (models loaded before the clock starts)."""
    from concurrent.futures import ProcessPoolExecutor

    from itinerary.build.engine import Job, extract_one, warm_up
    from itinerary.build.run import jobs as to_jobs
    from itinerary.build.sources import DraftSettings, expand, iter_items
    from itinerary.build.summary import Summary

    options = DraftSettings(None, None, "bench")
    items = list(iter_items(expand([str(corpus)]), options))
    jobs = [j for j in to_jobs(items, options, None, Summary()) if isinstance(j, Job)]
    with ProcessPoolExecutor(max_workers=n, initializer=warm_up) as pool:
        list(pool.map(_nap, range(n)))  # every process started and warmed up
        t0 = time.perf_counter()
        done = list(pool.map(extract_one, jobs, chunksize=1))
        rate = len(done) / (time.perf_counter() - t0)
    return rate


def _nap(_: int) -> None:
    time.sleep(0.5)  # one per process, so that each process runs its initializer first


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3]) if Path("/proc/loadavg").exists() else "?"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("articles", nargs="?", type=Path, default=ROOT.parent / "shared" / "articles")
    ap.add_argument("--repeat", type=int, default=5, help="copies of the development set (37 articles each)")
    args = ap.parse_args()
    if not (args.articles / "dev").is_dir():
        print(f"no development set at {args.articles / 'dev'}", file=sys.stderr)
        return 1
    print(f"cores: {os.cpu_count()}, load average at start: {load()}")
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmpdir:
        tmp = Path(tmpdir)
        n = make_corpus(args.articles, tmp / "corpus", args.repeat)
        print(f"corpus: {n} articles (the development set ×{args.repeat})")
        rows = [local_run(tmp / "corpus", tmp / "out1", 1), local_run(tmp / "corpus", tmp / "out2", 2)]
        resumed_s, resumed = resumed_run(tmp / "corpus", tmp / "out2")
        rows.append(scheduler_run(tmp / "corpus", tmp / "out3", tmp, 2))
        pool = (pool_rate(tmp / "corpus", 1), pool_rate(tmp / "corpus", 2))
    report(rows, resumed_s, resumed, pool)
    print(f"load average at the end: {load()}")
    return 0


def report(rows: list[Row], resumed_s: float, resumed: str, pool: tuple[float, float]) -> None:
    print()
    print(
        "| run | workers | articles | articles/s (map step) | worker CPU s per article | start-up s | wall s "
        "| peak RSS per worker MB | 100,000 articles at this rate | 100,000 articles, a core per worker |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        peaks = ", ".join(f"{p:.0f}" for p in r.peak_mb)
        print(
            f"| {r.label} | {r.workers} | {r.articles} | {r.rate:.2f} | {r.cpu_per_article:.3f} "
            f"| {r.startup_s:.1f} | {r.wall_s:.1f} "
            f"| {peaks} | {r.projected_h():.1f} h | {r.free_cores_h():.1f} h |"
        )
    one, two = rows[0], rows[1]
    print()
    dask_ratio, pool_ratio = two.rate / one.rate, pool[1] / pool[0]
    print(f"2 workers / 1 worker (map-step articles/s): {dask_ratio:.2f}")
    print(
        f"baseline, a plain process pool without Dask: {pool[0]:.2f} articles/s with 1 process, "
        f"{pool[1]:.2f} with 2, ratio {pool_ratio:.2f} (what this machine gives two processes); "
        f"Dask reaches {100 * dask_ratio / pool_ratio:.0f} % of it"
    )
    print(
        f"worker CPU per article, 2 workers / 1 worker: {two.cpu_per_article / one.cpu_per_article:.2f} "
        "(1.00 = no parallel overhead; the wall-clock ratio reaches 2 only with both cores free)"
    )
    print(
        f"resumed run after completion: {resumed_s:.1f} s = {100 * resumed_s / two.wall_s:.1f} % of the first "
        f"2-worker run ({two.wall_s:.1f} s), a new `itinerary build` process:\n    {resumed}"
    )
    same = len({r.trips for r in rows}) == 1
    print(f"same trips.yaml from every run: {same}")


if __name__ == "__main__":
    raise SystemExit(main())
