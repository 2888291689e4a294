"""Adversarial probe of `build` (and of `extract --out-dir`, `merge` and `diff` around it):
names that collide, hand edits, a scheduler that does not answer, a damaged manifest,
outputs that contradict the run, invalid geometries, dates at the calendar's ends, Ctrl-C,
a full disk and terminal escapes.

Each case runs `python -m itinerary.cli` in fresh processes, in a folder of its own, one or
more commands in a row (build, edit, build again ...), each under a time limit, and is
classified as one of:

- ok: did the job and every check of the case held;
- clear error: refused with exit 1, 2 or 130 and a last line that says why;
- internal error: exit 70, or a traceback on the terminal;
- hang: a command over the time limit;
- data loss: a file a person wrote changed or vanished, or a temporary file left behind;
- inconsistent: exit 0 with outputs that contradict the run or an earlier run of the same
  input (an article missing, different bytes, an invalid geometry, a stale merged file);
- security: a control or bidi character from the input reached the terminal raw.

Prints the count table and every case that is not ok or a clear error.

    python benchmarks/probe_build.py [--timeout 90] [--only NAME] [--jobs 2]
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

MACRON = "President Emmanuel Macron landed in Berlin on Sunday. He is expected in Paris on Tuesday."
SCHOLZ = "Chancellor Olaf Scholz arrived in Rome on Monday."
MODI = "Prime Minister Narendra Modi arrived in Moscow on Monday for talks."
BIDEN = "President Joe Biden landed in Tokyo on Wednesday."
ISRAEL = "Secretary of State Antony Blinken arrived in Israel on Monday and met officials in Tel Aviv."
WEATHER = "It rained all day and the rivers rose."
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


class Finding(Exception):
    """The case ends with this outcome (not ok)."""

    def __init__(self, outcome: str, detail: str) -> None:
        super().__init__(detail)
        self.outcome = outcome


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def last(self) -> str:
        """The line that says why: the first error or failure, else the last line."""
        lines = [ln for ln in self.err.strip().splitlines() if ln.strip()]
        said = [ln for ln in lines if ln.startswith(("error:", "Error:", "failed:", "interrupted"))]
        return said[0] if said else lines[-1] if lines else ""


class Folder:
    """A case's folder, the commands run in it and what they printed."""

    def __init__(self, path: Path, timeout: float) -> None:
        self.path = path
        self.timeout = timeout
        self.protected: dict[Path, bytes] = {}
        self.last: Run | None = None  # the last command run: a refusal makes the case a clear error

    def file(self, name: str, content: str | bytes) -> Path:
        p = self.path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            p.write_bytes(content)
        else:
            p.write_text(content, encoding="utf-8")
        return p

    def article(self, name: str, text: str, day: str = "2024-05-20") -> Path:
        return self.file(name, f"# date: {day}\n# language: en\n---\n{text}\n")

    def protect(self, p: Path) -> None:
        """A file a person wrote: it must be there, byte for byte, at the end (here or moved aside)."""
        self.protected[p] = p.read_bytes()

    def cli(self, *args: str | Path, expect: tuple[int, ...] = (0,), fsize: int | None = None) -> Run:
        """Run one command; a hang, a traceback, exit 70 or a raw escape end the case."""

        def limits() -> None:
            import resource

            if fsize is not None:
                signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
                resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))

        try:
            proc = subprocess.run(
                [sys.executable, "-m", "itinerary.cli", *map(str, args)],
                cwd=self.path,
                capture_output=True,
                text=True,
                timeout=self.timeout,
                preexec_fn=limits,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise Finding("hang", f"{args[0]} over {self.timeout:.0f} s") from None
        run = Run(proc.returncode, proc.stdout, proc.stderr)
        return self.judge(run, args, expect)

    def judge(self, run: Run, args: tuple[str | Path, ...], expect: tuple[int, ...]) -> Run:
        if run.code == 70 or "Traceback" in run.err:
            raise Finding("internal error", f"{args[0]}: {run.last[:160]}")
        if RAW.search(run.err) or (args[0] not in ("extract", "resolve") and RAW.search(run.out)):
            raise Finding("security", f"{args[0]}: a raw control or bidi character on the terminal")
        if run.code not in expect:
            if run.code in (1, 2, 130) and run.last:
                raise Finding("clear error", run.last[:160])
            raise Finding("inconsistent", f"{args[0]}: exit {run.code}, expected {expect}: {run.last[:120]}")
        self.last = run
        return run

    def finish(self) -> None:
        for p, data in self.protected.items():
            kept = [q for q in (p, *p.parent.glob(p.name + ".edited*")) if q.is_file()]
            if not any(q.read_bytes() == data for q in kept):
                raise Finding("data loss", f"{p.name}: the person's version is gone")
        if any(q.name.endswith(".tmp") for q in self.path.rglob(".*")):
            raise Finding("data loss", "a temporary file left behind")


def check(condition: bool, detail: str) -> None:
    if not condition:
        raise Finding("inconsistent", detail)


def travellers(trips: Path) -> list[str]:
    import yaml

    data = yaml.safe_load(trips.read_text(encoding="utf-8"))
    return sorted(t["traveller"] for t in data["trips"])


def drafts(out: Path) -> list[str]:
    return sorted(p.name for p in (out / "drafts").glob("*.yaml"))


def snapshot(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def valid_outputs(out: Path) -> None:
    """Every geometry of the GeoParquet files valid, one type per file."""
    import geopandas as gpd
    import shapely

    for name in ("stops.parquet", "legs.parquet"):
        frame = gpd.read_parquet(out / name)
        geoms = frame.geometry[frame.geometry.notna()]
        check(bool(shapely.is_valid(geoms.values).all()), f"{name}: an invalid geometry")
        check(geoms.geom_type.nunique() <= 1, f"{name}: {sorted(set(geoms.geom_type))} in one layer")


def jsonl(rows: list[dict[str, str]]) -> str:
    return "".join(json.dumps(r) + "\n" for r in rows)


def row(id_: str, text: str, day: str = "2024-05-20") -> dict[str, str]:
    return {"id": id_, "text": text, "published": day, "language": "en"}


# ---------------------------------------------------------------- the cases

CASES: list[tuple[str, Callable[[Folder], None]]] = []


def case(name: str) -> Callable[[Callable[[Folder], None]], Callable[[Folder], None]]:
    def register(fn: Callable[[Folder], None]) -> Callable[[Folder], None]:
        CASES.append((name, fn))
        return fn

    return register


# 1. names that cannot collide


@case("1 same file name in three folders and x-2")
def _names_files(f: Folder) -> None:
    srcs = [f.article("a/x.txt", MACRON), f.article("b/x.txt", MODI), f.article("c/x-2.txt", BIDEN)]
    f.cli("build", *srcs, "-o", "out", "--serial")
    first = snapshot(f.path / "out")
    check(len(drafts(f.path / "out")) == 3, f"drafts {drafts(f.path / 'out')}")
    check(len(travellers(f.path / "out" / "trips.yaml")) == 3, "a traveller is missing")
    shutil.rmtree(f.path / "out")
    f.cli("build", *srcs, "-o", "out", "--serial")
    check(snapshot(f.path / "out") == first, "a second run from scratch differs")


@case("1 JSON Lines ids a, a, a-2")
def _names_ids(f: Folder) -> None:
    feed = f.file("feed.jsonl", jsonl([row("a", MACRON), row("a", MODI), row("a-2", BIDEN)]))
    run = f.cli("build", feed, "-o", "out", "--serial")
    check(len(drafts(f.path / "out")) == 3, f"drafts {drafts(f.path / 'out')}")
    check(len(travellers(f.path / "out" / "trips.yaml")) == 3, "a traveller is missing")
    check("already the name of" in run.err, "the reused id is not reported")


@case("1 ids that slug alike: 'Story 1', 'story-1', 'STORY_1'")
def _names_slug(f: Folder) -> None:
    feed = f.file("feed.jsonl", jsonl([row("Story 1", MACRON), row("story-1", MODI), row("STORY_1", BIDEN)]))
    f.cli("build", feed, "-o", "out", "--serial")
    check(len(drafts(f.path / "out")) == 3, f"drafts {drafts(f.path / 'out')}")


@case("1 a 5,000-character id beside a short one")
def _names_long(f: Folder) -> None:
    feed = f.file("feed.jsonl", jsonl([row("x" * 5000, MACRON), row("short", MODI)]))
    f.cli("build", feed, "-o", "out", "--serial")
    check(len(drafts(f.path / "out")) == 2, "an article is missing")
    check(all(len(n) < 100 for n in drafts(f.path / "out")), "a draft name is not capped")


@case("1 two long ids with the same first 200 characters")
def _names_long_pair(f: Folder) -> None:
    feed = f.file("feed.jsonl", jsonl([row("p" * 200 + "a", MACRON), row("p" * 200 + "b", MODI)]))
    f.cli("build", feed, "-o", "out", "--serial")
    check(len(drafts(f.path / "out")) == 2, f"drafts {drafts(f.path / 'out')}")


@case("1 Parquet rows with the same id")
def _names_parquet(f: Folder) -> None:
    import pandas as pd

    pd.DataFrame([row("same", MACRON), row("same", MODI)]).to_parquet(f.path / "feed.parquet")
    f.cli("build", "feed.parquet", "-o", "out", "--serial")
    check(drafts(f.path / "out") == ["same-2.yaml", "same.yaml"], f"drafts {drafts(f.path / 'out')}")


@case("1 hostile ids: '../../evil', '', null, 7, '.', 'CON'")
def _names_hostile(f: Folder) -> None:
    texts = (MACRON, MODI, BIDEN, SCHOLZ, ISRAEL, MACRON)
    ids: list[object] = ["../../evil", "", None, 7, ".", "CON"]
    f.file(
        "feed.jsonl",
        "".join(json.dumps({**row("x", t), "id": i}) + "\n" for i, t in zip(ids, texts, strict=True)),
    )
    f.cli("build", "feed.jsonl", "-o", "out", "--serial")
    check(len(drafts(f.path / "out")) == len(ids), f"drafts {drafts(f.path / 'out')}")
    outside = [
        p
        for p in f.path.rglob("*.yaml")
        if (f.path / "out" / "drafts") not in p.parents and p.name != "trips.yaml"
    ]
    check(not outside, f"a draft outside drafts/: {outside}")


@case("1 extract --out-dir with two x.txt")
def _names_extract(f: Folder) -> None:
    a, b = f.article("a/x.txt", MACRON), f.article("b/x.txt", MODI)
    f.cli("extract", a, b, "--out-dir", "out", expect=(1,))  # refused, nothing silently overwritten


# 2. hand edits


def built(f: Folder, *texts: str) -> list[Path]:
    srcs = [f.article(f"in/{chr(120 + i)}.txt", t) for i, t in enumerate(texts)]
    f.cli("build", "in", "-o", "out", "--serial")
    return srcs


def edit(p: Path, old: str, new: str) -> None:
    text = p.read_text(encoding="utf-8")
    assert old in text, (p, old)
    p.write_text(text.replace(old, new), encoding="utf-8")


@case("2 edit a draft, build again")
def _edit_kept(f: Folder) -> None:
    built(f, MACRON, MODI)
    draft = f.path / "out/drafts/x.yaml"
    edit(draft, "traveller: Emmanuel Macron", "traveller: E. Macron")
    f.protect(draft)
    run = f.cli("build", "in", "-o", "out", "--serial")
    check("kept your edit of" in run.err, "the kept edit is not reported")
    check("E. Macron" in travellers(f.path / "out/trips.yaml"), "the merge ignored the edit")
    f.finish()


@case("2 edit a draft, build --force")
def _edit_force(f: Folder) -> None:
    built(f, MACRON, MODI)
    draft = f.path / "out/drafts/x.yaml"
    edit(draft, "traveller: Emmanuel Macron", "traveller: E. Macron")
    f.protect(draft)
    run = f.cli("build", "in", "-o", "out", "--serial", "--force")
    check("moved your edit" in run.err, "the moved edit is not reported")
    check((f.path / "out/drafts/x.yaml.edited").is_file(), "no .edited copy")


@case("2 edit a draft, then the article changes")
def _edit_changed(f: Folder) -> None:
    srcs = built(f, MACRON, MODI)
    draft = f.path / "out/drafts/x.yaml"
    draft.write_text(draft.read_text(encoding="utf-8") + "# checked\n", encoding="utf-8")
    f.protect(draft)
    edit(srcs[0], "Sunday", "Saturday")
    f.cli("build", "in", "-o", "out", "--serial")
    check("Saturday" in draft.read_text(encoding="utf-8"), "the changed article was not extracted")


@case("2 edit trips.yaml, build again")
def _edit_trips(f: Folder) -> None:
    built(f, MACRON, MODI)
    trips = f.path / "out/trips.yaml"
    trips.write_text(trips.read_text(encoding="utf-8") + "# my notes\n", encoding="utf-8")
    f.protect(trips)
    f.cli("build", "in", "-o", "out", "--serial")
    f.finish()


@case("2 a broken edit of a draft")
def _edit_broken(f: Folder) -> None:
    built(f, MACRON, MODI)
    draft = f.file("out/drafts/x.yaml", "itinerary: 1\ntrips: [oops\n")
    f.protect(draft)
    try:
        f.cli("build", "in", "-o", "out", "--serial", expect=(1,))
    finally:
        f.finish()
    raise Finding("clear error", "the broken edit is named; the file is kept")


@case("2 a deleted draft is extracted again")
def _edit_deleted(f: Folder) -> None:
    built(f, MACRON, MODI)
    (f.path / "out/drafts/x.yaml").unlink()
    f.cli("build", "in", "-o", "out", "--serial")
    check((f.path / "out/drafts/x.yaml").is_file(), "the deleted draft was not written again")


@case("2 a hand-written draft for an article that gives none")
def _edit_failed(f: Folder) -> None:
    f.article("in/x.txt", MACRON)
    f.article("in/w.txt", WEATHER)
    f.cli("build", "in", "-o", "out", "--serial", expect=(1,))
    draft = f.file(
        "out/drafts/w.yaml",
        "itinerary: 1\nsources:\n- id: w\n  published: '2024-05-20'\ntrips:\n- id: m\n  traveller: Meteorologist\n"
        "  stops:\n  - {place: Lyon, lat: 45.76, lon: 4.84, status: confirmed, source: w}\n",
    )
    f.protect(draft)
    f.cli("build", "in", "-o", "out", "--serial")
    check("Meteorologist" in travellers(f.path / "out/trips.yaml"), "the hand-written draft is not merged")
    f.finish()


# 3. a scheduler that does not answer


@dataclass
class Listener:
    address: str
    close: Callable[[], None]


def listen(answer: bytes | None) -> Listener:
    """A loopback server: accepts and says nothing (None), or sends ``answer``."""
    server = socket.create_server(("127.0.0.1", 0))
    conns: list[socket.socket] = []

    def run() -> None:
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            conns.append(conn)
            if answer:
                conn.sendall(answer)

    threading.Thread(target=run, daemon=True).start()

    def close() -> None:
        server.close()
        for c in conns:
            c.close()

    return Listener(f"tcp://127.0.0.1:{server.getsockname()[1]}", close)


def scheduler_case(answer: bytes | None) -> Callable[[Folder], None]:
    def run(f: Folder) -> None:
        f.article("in/x.txt", MACRON)
        server = listen(answer)
        try:
            f.cli("build", "in", "-o", "out", "--scheduler", server.address, expect=(1,))
        except Finding as found:
            if found.outcome == "clear error" and server.address not in str(found):
                raise Finding("inconsistent", f"the message does not name the address: {found}") from None
            raise
        finally:
            server.close()

    return run


case("3 a scheduler that accepts and never answers")(scheduler_case(None))
case("3 a scheduler that answers HTTP")(scheduler_case(b"HTTP/1.1 400 Bad Request\r\n\r\n" * 4))
case("3 a scheduler that answers 8 bytes of 0xff")(scheduler_case(b"\xff" * 8))
case("3 a scheduler that answers a huge frame count")(scheduler_case((2**62).to_bytes(8, "little") * 3))


@case("3 a closed port")
def _sched_closed(f: Folder) -> None:
    f.article("in/x.txt", MACRON)
    with socket.create_server(("127.0.0.1", 0)) as s:
        port = s.getsockname()[1]
    f.cli("build", "in", "-o", "out", "--scheduler", f"tcp://127.0.0.1:{port}", expect=(1,))


for address in ("foo", "http://127.0.0.1:8786", "tcp://[::1", "tcp://127.0.0.1:99999", "\x1b]0;t\x07"):

    def _bad_address(f: Folder, address: str = address) -> None:
        f.article("in/x.txt", MACRON)
        run = f.cli("build", "in", "-o", "out", "--scheduler", address, expect=(1, 2))
        check("is not a Dask scheduler address" in run.err, f"not said to be a bad address: {run.last}")

    case(f"3 --scheduler {address!r}")(_bad_address)


# 4. the manifest

MANIFEST_LINES = {
    "name 5": '{"name": 5, "digest": "%s", "status": "ok", "draft": "%s"}',
    "name null": '{"name": null, "digest": "%s", "status": "ok", "draft": "%s"}',
    "name ../../x": '{"name": "../../x", "digest": "%s", "status": "ok", "draft": "%s"}',
    "status maybe": '{"name": "x", "digest": "%s", "status": "maybe", "draft": "%s"}',
    "digest a list": '{"name": "x", "digest": ["%s"], "status": "ok", "draft": "%s"}',
    "an array": '["x", "%s", "%s"]',
    "not JSON": "garbage %s %s",
    "nested 100,000 deep": "[" * 100_000 + "%s%s",
    "a cut line first": '{"name": "x", "digest": "%s", "dr%s',
}


def manifest_case(bad: str) -> Callable[[Folder], None]:
    def run(f: Folder) -> None:
        built(f, MACRON, MODI)
        manifest = f.path / "out/manifest.jsonl"
        h = "0" * 64
        manifest.write_text(
            bad.replace("%s", h) + "\n" + manifest.read_text(encoding="utf-8"), encoding="utf-8"
        )
        before = travellers(f.path / "out/trips.yaml")
        run_ = f.cli("build", "in", "-o", "out", "--serial")
        check("manifest.jsonl, line 1" in run_.err, "the bad line is not reported")
        f.cli("build", "in", "-o", "out", "--serial", "--force")
        check(travellers(f.path / "out/trips.yaml") == before, "the trips changed")

    return run


for label, line in MANIFEST_LINES.items():
    case(f"4 manifest line: {label}")(manifest_case(line))


@case("4 manifest of binary garbage")
def _manifest_binary(f: Folder) -> None:
    built(f, MACRON)
    (f.path / "out/manifest.jsonl").write_bytes(os.urandom(4096))
    f.cli("build", "in", "-o", "out", "--serial")
    f.cli("validate", "out/trips.yaml")


@case("2 an edited draft of an article removed from the input")
def _edit_removed(f: Folder) -> None:
    srcs = built(f, MACRON, MODI)
    draft = f.path / "out/drafts/y.yaml"
    draft.write_text(draft.read_text(encoding="utf-8") + "# checked\n", encoding="utf-8")
    f.protect(draft)
    srcs[1].unlink()
    f.cli("build", "in", "-o", "out", "--serial")
    check(drafts(f.path / "out") == ["x.yaml"], f"drafts {drafts(f.path / 'out')}")


@case("4 manifest.jsonl is a folder")
def _manifest_folder(f: Folder) -> None:
    f.article("in/x.txt", MACRON)
    (f.path / "out/manifest.jsonl").mkdir(parents=True)
    f.cli("build", "in", "-o", "out", "--serial", expect=(1,))


@case("4 drafts is a file")
def _drafts_file(f: Folder) -> None:
    f.article("in/x.txt", MACRON)
    f.file("out/drafts", "not a folder")
    f.cli("build", "in", "-o", "out", "--serial", expect=(1,))


# 7. outputs that match the run


@case("7 --as-of before every source")
def _as_of(f: Folder) -> None:
    built(f, MACRON, MODI)
    try:
        f.cli("build", "in", "-o", "out", "--serial", "--as-of", "2000-01-01", expect=(1,))
    finally:
        check(not (f.path / "out/trips.yaml").exists(), "an older trips.yaml is still there")
        check(not (f.path / "out/legs.parquet").exists(), "an older legs.parquet is still there")


@case("7 --as-of between two sources")
def _as_of_between(f: Folder) -> None:
    f.article("in/x.txt", MACRON, "2024-05-20")
    f.article("in/y.txt", MODI, "2024-06-20")
    f.cli("build", "in", "-o", "out", "--serial")
    f.cli("build", "in", "-o", "out", "--serial", "--as-of", "2024-06-01")
    check(travellers(f.path / "out/trips.yaml") == ["Emmanuel Macron"], "a later source is merged")
    f.cli("build", "in", "-o", "out", "--serial")
    check(len(travellers(f.path / "out/trips.yaml")) == 2, "the full merge did not come back")


@case("7 every article fails after a good run")
def _all_fail(f: Folder) -> None:
    f.article("one/x.txt", MACRON)
    f.cli("build", "one", "-o", "out", "--serial")
    f.article("two/w.txt", WEATHER)
    try:
        f.cli("build", "two", "-o", "out", "--serial", expect=(1,))
    finally:
        left = [n for n in ("trips.yaml", "stops.parquet", "legs.parquet") if (f.path / "out" / n).exists()]
        check(not left, f"merged files of the earlier input left: {left}")


@case("7 the merged file validates, maps and diffs")
def _merged_usable(f: Folder) -> None:
    built(f, MACRON, MODI)
    f.cli("validate", "out/trips.yaml")
    f.cli("diff", "out/trips.yaml", "out/trips.yaml")
    f.cli("export", "out/trips.yaml", "-o", "trip.gpkg")


@case("7 a second run changes nothing")
def _idempotent(f: Folder) -> None:
    built(f, MACRON, MODI, BIDEN)
    first = snapshot(f.path / "out")
    f.cli("build", "in", "-o", "out", "--serial")
    check(snapshot(f.path / "out") == first, "the second run changed the folder")


# 8. geometries


@case("8 Israel then Tel Aviv: GeoParquet valid")
def _zero_leg(f: Folder) -> None:
    built(f, ISRAEL, MODI)
    valid_outputs(f.path / "out")


@case("8 one point twice: every export valid")
def _zero_export(f: Folder) -> None:
    import geopandas as gpd
    import pyogrio
    import shapely

    f.file(
        "trip.yaml",
        "itinerary: 1\ntrips:\n- id: t\n  traveller: T\n  mode: air\n  stops:\n"
        "  - {place: Israel, lat: 32.0853, lon: 34.7818, status: confirmed}\n"
        "  - {place: Tel Aviv, lat: 32.0853, lon: 34.7818, status: confirmed}\n"
        "  - {place: Near, lat: 32.08530001, lon: 34.78180001, status: confirmed}\n"
        "  - {place: Suva, lat: -18.1, lon: 178.4, status: planned}\n"
        "  - {place: Apia, lat: -13.8, lon: -171.8, status: planned}\n",
    )
    for suffix in (".geojson", ".gpkg", ".fgb"):
        f.cli("export", "trip.yaml", "-o", f"trip{suffix}")
        for path in f.path.glob(f"trip*{suffix}"):
            for layer, _ in pyogrio.list_layers(path):
                frame = gpd.read_file(path, layer=layer)
                check(bool(shapely.is_valid(frame.geometry.values).all()), f"{path.name}:{layer} invalid")
                if suffix != ".geojson":
                    check(frame.geom_type.nunique() == 1, f"{path.name}:{layer} mixes types")


# 9. dates, interruptions, a full disk


@case("9 JSON Lines published 9999-12-31")
def _date_jsonl(f: Folder) -> None:
    f.file("feed.jsonl", jsonl([row("far", MACRON, "9999-12-31"), row("near", MODI)]))
    f.cli("build", "feed.jsonl", "-o", "out", "--serial", expect=(1,))
    check(travellers(f.path / "out/trips.yaml") == ["Narendra Modi"], "the good article is missing")


@case("9 Parquet published 9999-12-31")
def _date_parquet(f: Folder) -> None:
    import datetime as dt

    import pandas as pd

    rows = [
        {**row("far", MACRON), "published": dt.date(9999, 12, 31)},
        {**row("near", MODI), "published": dt.date(2024, 5, 20)},
    ]
    pd.DataFrame(rows).to_parquet(f.path / "feed.parquet")
    f.cli("build", "feed.parquet", "-o", "out", "--serial", expect=(1,))


@case("9 article header date 9999-12-31 (build)")
def _date_header_build(f: Folder) -> None:
    f.article("in/x.txt", MACRON, "9999-12-31")
    f.cli("build", "in", "-o", "out", "--serial", expect=(1,))


@case("9 article header date 0001-01-01 (extract)")
def _date_header_extract(f: Folder) -> None:
    f.article("x.txt", MACRON, "0001-01-01")
    f.cli("extract", "x.txt", expect=(1,))


@case("9 --published-default 9999-12-31")
def _date_default(f: Folder) -> None:
    f.file("in/x.txt", MACRON)
    f.cli("build", "in", "-o", "out", "--serial", "--published-default", "9999-12-31", expect=(2,))


@case("9 extract --published 9999-12-31")
def _date_extract(f: Folder) -> None:
    f.file("x.txt", MACRON)
    f.cli("extract", "x.txt", "--published", "9999-12-31", expect=(2,))


def interrupted(f: Folder, args: list[str], ready: Callable[[str], bool]) -> tuple[Run, float]:
    """Start a command, send SIGINT to its process group (as a terminal does) once ``ready``
    is true of its stderr or its folder, and wait; the run and the seconds after the signal."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "itinerary.cli", *args],
        cwd=f.path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert proc.stderr is not None
    seen = ""
    deadline = time.monotonic() + f.timeout
    while not ready(seen) and proc.poll() is None and time.monotonic() < deadline:
        if select.select([proc.stderr], [], [], 0.05)[0]:
            seen += proc.stderr.readline()
    os.killpg(proc.pid, signal.SIGINT)
    sent = time.monotonic()
    try:
        out, err = proc.communicate(timeout=f.timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        raise Finding("hang", "no exit after Ctrl-C") from None
    return Run(proc.returncode, out, seen + err), time.monotonic() - sent


@case("9 extract --out-dir interrupted, then resumed")
def _extract_interrupted(f: Folder) -> None:
    cities = ["Berlin", "Paris", "Rome", "Madrid", "Vienna", "Lisbon", "Oslo", "Prague"]
    for i, city in enumerate(cities):
        f.article(f"in/a{i}.txt", f"President Emmanuel Macron landed in {city} on Sunday.")
    out = f.path / "out"
    run, _ = interrupted(f, ["extract", "in", "--out-dir", "out"], lambda _: any(out.glob("*.yaml")))
    f.judge(run, ("extract",), (130,))
    n = len(list(out.glob("*.yaml")))
    check(f"interrupted: {n} draft" in run.err, f"the message does not say {n} drafts: {run.last}")
    f.cli("extract", "in", "--out-dir", "out")
    check(len(list(out.glob("*.yaml"))) == len(cities), "the resumed run did not finish")


@case("9 Ctrl-C during a Dask build: one line, at once")
def _ctrl_c(f: Folder) -> None:
    built(f, MACRON)  # (serial) then 3 more to extract on Dask
    for i, t in enumerate((MODI, BIDEN, SCHOLZ)):
        f.article(f"in/n{i}.txt", t)
    run, took = interrupted(
        f, ["build", "in", "-o", "out", "--workers", "1"], lambda err: "to extract" in err
    )
    f.judge(run, ("build",), (130,))
    after = run.err.partition("to extract")[2].splitlines()[1:]
    noise = [
        ln
        for ln in after
        if ln.strip() and not ln.startswith(("extracting", "Dask dashboard", "interrupted"))
    ]
    check(not noise, f"{len(noise)} lines of noise after Ctrl-C: {noise[:1]}")
    check(took < 5, f"{took:.1f} s to stop")
    f.cli("build", "in", "-o", "out", "--serial")  # resumes


@case("9 a full disk while writing a draft")
def _full_disk(f: Folder) -> None:
    built(f, MACRON)
    f.article("in/y.txt", MODI)
    try:
        f.cli("build", "in", "-o", "out", "--serial", fsize=150, expect=(1,))
    except Finding as found:
        if found.outcome == "clear error" and "y.yaml" not in str(found):
            raise Finding("inconsistent", f"the error names another file: {found}") from None
        f.finish()
        raise


# 10. terminal escapes

OSC = "\x1b]0;pwned\x07"


def hostile_draft(f: Folder, name: str, traveller: str, place: str = "Vladivostok", day: str = "13") -> Path:
    def q(s: str) -> str:
        return json.dumps(s)  # a YAML double-quoted scalar: escapes allowed

    return f.file(
        name,
        f"itinerary: 1\nsources:\n- id: {Path(name).stem}\n  published: '2023-09-{day}'\ntrips:\n- id: k\n"
        f"  traveller: {q(traveller)}\n  stops:\n"
        f"  - {{place: {q(place)}, lat: 43.1, lon: 131.9, status: confirmed, source: {Path(name).stem},"
        f" date: '2023-09-{day}'}}\n",
    )


@case("10 merge prints a traveller with an OSC sequence")
def _osc_merge(f: Folder) -> None:
    a = hostile_draft(f, "a.yaml", f"{OSC}Kim Jong Un")
    b = hostile_draft(f, "b.yaml", f"{OSC}Kim Jong Un", day="14")
    f.cli("merge", a, b, "-o", "m.yaml")


@case("10 merge prints bidi marks")
def _bidi_merge(f: Folder) -> None:
    a = hostile_draft(f, "a.yaml", "Kim \u202eJong Un\u2066")
    b = hostile_draft(f, "b.yaml", "Kim Jong Un", day="14")
    f.cli("merge", a, b, "-o", "m.yaml")


@case("10 merge names travellers with escapes")
def _osc_disjoint(f: Folder) -> None:
    a = hostile_draft(f, "a.yaml", f"{OSC}A")
    b = hostile_draft(f, "b.yaml", "\u202eB", day="14")
    f.cli("merge", a, b, "-o", "m.yaml", expect=(0, 1))  # refused as disjoint, or one left out


@case("10 diff prints a place with escapes")
def _osc_diff(f: Folder) -> None:
    a = hostile_draft(f, "a.yaml", "Kim", place=f"Vladivostok{OSC}")
    b = hostile_draft(f, "b.yaml", "Kim", place="\u202eKhabarovsk", day="14")
    f.cli("diff", a, b)


@case("10 build prints an article file name with escapes")
def _osc_build(f: Folder) -> None:
    f.article(f"in/x{OSC}\u202e.txt", WEATHER)
    f.cli("build", "in", "-o", "out", "--serial", expect=(1,))


@case("10 a failed article's reason quotes the text")
def _osc_reason(f: Folder) -> None:
    f.file("feed.jsonl", jsonl([{"id": "x", "text": MACRON, "published": f"{OSC}2024"}]))
    f.cli("build", "feed.jsonl", "-o", "out", "--serial", expect=(1,))


@case("10 validate names a file with escapes")
def _osc_validate(f: Folder) -> None:
    f.cli("validate", f"{OSC}\u202e.yaml", expect=(1, 2))


@case("10 geocode echoes a query with escapes")
def _osc_geocode(f: Folder) -> None:
    f.cli("geocode", f"Paris{OSC}", expect=(0, 1))


@case("10 extract --explain quotes article text")
def _osc_explain(f: Folder) -> None:
    f.article("x.txt", f"President Emmanuel Macron landed in Berlin on Sunday.{OSC} He met \u202eofficials.")
    f.cli("extract", "x.txt", "--explain", "-o", "d.yaml")


# 11. smaller


@case("11 a deleted article leaves drafts/ and the merge")
def _deleted(f: Folder) -> None:
    srcs = built(f, MACRON, MODI)
    srcs[1].unlink()
    f.cli("build", "in", "-o", "out", "--serial")
    check(drafts(f.path / "out") == ["x.yaml"], f"drafts {drafts(f.path / 'out')}")
    check(travellers(f.path / "out/trips.yaml") == ["Emmanuel Macron"], "the removed article is merged")


@case("11 a reused source id with other content is reported")
def _reused(f: Folder) -> None:
    f.file("feed.jsonl", jsonl([row("same", MACRON), row("same", MODI)]))
    run = f.cli("build", "feed.jsonl", "-o", "out", "--serial")
    check("'same' is already the name of" in run.err, "no word about the reused id")


@case("11 a traveller made of a zero-width space")
def _zwsp(f: Folder) -> None:
    a = hostile_draft(f, "a.yaml", "\u200b")
    b = hostile_draft(f, "b.yaml", "Kim Jong Un", day="14")
    f.cli("merge", a, b, "-o", "m.yaml", "--allow-disjoint")  # or refused: a clear error
    check(len(travellers(f.path / "m.yaml")) == 2, "the invisible traveller joined Kim Jong Un")


# ---------------------------------------------------------------- running


def run_case(name: str, fn: Callable[[Folder], None], timeout: float) -> tuple[str, str]:
    folder = Path(tempfile.mkdtemp(prefix="probe-build-"))
    f = Folder(folder, timeout)
    try:
        fn(f)
        f.finish()
        if f.last is not None and f.last.code != 0:
            return "clear error", f.last.last[:160]
        return "ok", ""
    except Finding as found:
        return found.outcome, str(found)
    except Exception as exc:  # the probe's own step failed: counted, never hidden
        return "probe error", f"{type(exc).__name__}: {exc}"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


COLUMNS = ("ok", "clear error", "internal error", "hang", "data loss", "inconsistent", "security")


def main(argv: Iterator[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--timeout", type=float, default=90.0, help="seconds for one command")
    ap.add_argument("--only", help="run the cases whose name contains this text")
    ap.add_argument("--jobs", type=int, default=2, help="cases run at the same time")
    args = ap.parse_args(list(argv) if argv is not None else None)
    os.environ["PYTHONPATH"] = str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")
    todo = [(n, fn) for n, fn in CASES if not args.only or args.only in n]
    counts: collections.Counter[str] = collections.Counter()
    rows: list[tuple[str, str, str]] = []
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = pool.map(lambda c: run_case(c[0], c[1], args.timeout), todo)
        for i, ((name, _), (outcome, detail)) in enumerate(zip(todo, results, strict=True), 1):
            counts[outcome] += 1
            rows.append((name, outcome, detail))
            print(f"\r{i}/{len(todo)}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    cols = [*COLUMNS, *(c for c in counts if c not in COLUMNS)]
    print(f"| cases | {' | '.join(cols)} |\n|---|{'---|' * len(cols)}")
    print(f"| {len(todo)} | {' | '.join(str(counts[c]) for c in cols)} |")
    print()
    for name, outcome, detail in rows:
        mark = "" if outcome in ("ok", "clear error") else "  <--"
        print(f"{outcome:14} {name}: {detail}{mark}")


if __name__ == "__main__":
    main()
