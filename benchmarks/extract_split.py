"""The open / sealed split of the development articles, by event.

    .venv/bin/python benchmarks/extract_split.py [ARTICLES_DIR] [--write]

Articles about the same trip form one *event* (for ``dev/`` and ``dev2/`` the table
:data:`EVENTS` below, from the topics in the set's README; for ``dev3/`` the event key its
README gives per article). Each event falls on one side by a fixed hash of its key::

    sealed  when  int(sha256(SALT + "\\n" + event key), 16) / 2**256 < SEALED_SHARE  else  open

so an event's side depends on its key alone: articles added later join their event's side, and
no event already sealed is ever opened by a new article. The salt is the first of
``itinerary-extract-split-1``, ``-2``, ... that balances the split (every language and the no-trip
articles, truth with ``trips: []``, have at least two articles on each side and at most half of
them sealed; 25-35 % of all articles sealed); it is fixed once chosen and written in the split
file. Develop, read and tune on the open articles only; the sealed ones are read by
``bench_extract.py --sealed`` alone, which prints aggregate figures.

Without ``--write`` the script prints the counts of the split it would write (never article text).
The split file lists article file names and event keys only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT.parent / "shared" / "articles"
SPLIT_FILE = ROOT / "benchmarks" / "extract_split.json"
SETS = ("dev", "dev2", "dev3")
SEALED_SHARE = 0.30
SALT_STEM = "itinerary-extract-split-"
OPEN, SEALED = "open", "sealed"

#: dev/ and dev2/: article number -> event (one trip of one traveller); from the topics in the set's README
EVENTS: dict[str, str] = {
    "00": "kim-russia-2023", "42": "kim-russia-2023",
    "21": "kim-russia-2019", "47": "kim-russia-2019",
    "22": "us-israel-oct-2023", "23": "us-israel-oct-2023",
    "24": "modi-moscow-2024", "25": "putin-nk-vietnam-2024", "32": "putin-nk-vietnam-2024",
    "26": "macron-central-africa-2023", "27": "xi-europe-2024", "28": "lavrov-africa-2024",
    "29": "pope-lux-belgium-2024", "30": "pope-asia-2024", "31": "scholz-central-asia-2024",
    "33": "lula-iberia-2023", "34": "sanchez-china-2024",
    "35": "pope-congo-sudan-2023", "52": "pope-congo-sudan-2023",
    "36": "putin-mongolia-2024", "37": "blinken-latam-2022", "38": "lavrov-caribbean-2024",
    "39": "scholz-africa-2022", "40": "baerbock-pakistan-2022", "41": "putin-central-asia-2022",
    "43": "baerbock-east-africa-2024", "44": "pope-marseille-2023", "45": "putin-tehran-2022",
    "46": "putin-china-2024", "48": "lavrov-africa-2022", "49": "lavrov-africa-2023",
    "50": "xi-central-asia-2024", "51": "modi-us-2023", "53": "xi-central-asia-2022",
    "54": "pope-mongolia-2023", "55": "xi-malaysia-2025", "56": "macron-senegal-2018",
}  # fmt: skip


@dataclass(frozen=True)
class Entry:
    """One development article of the split."""

    name: str  # file name, e.g. "201_en_albanese_shanghai_beijing.txt"
    folder: str  # dev, dev2 or dev3
    event: str
    side: str

    @property
    def stem(self) -> str:
        return self.name.removesuffix(".txt")

    @property
    def lang(self) -> str:
        return self.name.split("_")[1]


def number(name: str) -> str:
    """The article number of a file name ("201_en_x.txt" -> "201")."""
    return name.split("_", 1)[0]


def side_of(event: str, salt: str, share: float = SEALED_SHARE) -> str:
    """The side of ``event`` under ``salt``: the rule of the split (see the module docstring)."""
    digest = hashlib.sha256(f"{salt}\n{event}".encode()).hexdigest()
    return SEALED if int(digest, 16) / 2**256 < share else OPEN


def dev3_events(readme: Path) -> dict[str, str]:
    """Article number -> event key from the table of ``dev3/README.md`` (its last three columns:
    traveller | YYYY-MM | main destination)."""
    out: dict[str, str] = {}
    for line in readme.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\|\s*(\d{3})\s*\|", line)
        if m:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            out[m.group(1)] = " | ".join(cells[-3:])
    return out


def events_in(articles: Path = ARTICLES) -> dict[str, tuple[str, str]]:
    """File name -> (folder, event) for every article of the development set."""
    dev3 = dev3_events(articles / "dev3" / "README.md") if (articles / "dev3").is_dir() else {}
    out: dict[str, tuple[str, str]] = {}
    for folder in SETS:
        for path in sorted((articles / folder).glob("*.txt")):
            num = number(path.name)
            event = dev3.get(num) if folder == "dev3" else EVENTS.get(num)
            if not event:
                raise SystemExit(f"{path}: no event key for article {num}; add it to the split's sources")
            out[path.name] = (folder, event)
    return out


def no_trip_articles(articles: Path = ARTICLES) -> set[str]:
    """File names of the articles whose truth reports no trip (``trips: []``)."""
    import yaml

    out: set[str] = set()
    for folder in SETS:
        for t in (articles / folder / "truth").glob("*.yaml"):
            if not (yaml.safe_load(t.read_text(encoding="utf-8")) or {}).get("trips"):
                out.add(t.stem + ".txt")
    return out


def balanced(entries: Iterable[Entry], no_trip: set[str]) -> bool:
    """Every language, and the no-trip articles, have at least two articles on each side and at
    most half of them sealed; between 25 % and 35 % of all articles are sealed."""
    entries = list(entries)
    groups: dict[str, list[str]] = {}
    for e in entries:
        groups.setdefault(e.lang, []).append(e.side)
        if e.name in no_trip:
            groups.setdefault("no-trip", []).append(e.side)
    share = sum(e.side == SEALED for e in entries) / max(1, len(entries))
    return 0.25 <= share <= 0.35 and all(
        2 <= sides.count(SEALED) <= len(sides) / 2 and sides.count(OPEN) >= 2 for sides in groups.values()
    )


def assign(events: dict[str, tuple[str, str]], salt: str) -> list[Entry]:
    order = sorted(events.items(), key=lambda kv: int(number(kv[0])))
    return [Entry(n, folder, ev, side_of(ev, salt)) for n, (folder, ev) in order]


def choose_salt(events: dict[str, tuple[str, str]], no_trip: set[str], tries: int = 1000) -> str:
    """The first salt of the sequence that gives a balanced split."""
    for i in range(1, tries + 1):
        salt = f"{SALT_STEM}{i}"
        if balanced(assign(events, salt), no_trip):
            return salt
    raise SystemExit(f"no balanced split in {tries} salts")


RULE = (
    "Articles about one trip form an event (dev/, dev2/: the EVENTS table of benchmarks/extract_split.py; "
    "dev3/: the event key of dev3/README.md). An event is sealed when "
    "int(sha256(salt + '\\n' + event).hexdigest(), 16) / 2**256 < sealed_share, else open. The salt is the "
    "first of itinerary-extract-split-1, -2, ... for which every language and the no-trip articles have at "
    "least two articles on each side and at most half of them sealed, with 25-35 % of all articles sealed; "
    "it stays fixed, so new articles join their event's side."
)


def to_json(entries: list[Entry], salt: str) -> dict[str, Any]:
    return {
        "format": "itinerary-extract-split",
        "rule": RULE,
        "salt": salt,
        "sealed_share": SEALED_SHARE,
        "articles": {e.name: {"set": e.folder, "event": e.event, "side": e.side} for e in entries},
    }


def dumps(data: dict[str, Any]) -> str:
    """The split file's text: the rule first, then one line per article."""
    head = {k: v for k, v in data.items() if k != "articles"}
    lines = [json.dumps(head, indent=1, ensure_ascii=False)[:-2] + ',\n "articles": {']
    rows = [
        f"  {json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}"
        for k, v in data["articles"].items()
    ]
    return "\n".join(lines) + "\n" + ",\n".join(rows) + "\n }\n}\n"


def load_split(path: Path = SPLIT_FILE) -> dict[str, Entry]:
    """File name -> :class:`Entry`, from the committed split file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {
        name: Entry(name, str(a["set"]), str(a["event"]), str(a["side"]))
        for name, a in data["articles"].items()
    }


def split_salt(path: Path = SPLIT_FILE) -> tuple[str, float]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return str(data["salt"]), float(data["sealed_share"])


def counts(entries: list[Entry], no_trip: set[str]) -> str:
    """A summary table (events and articles per side, per language; no article names)."""
    lines = []
    for side in (OPEN, SEALED):
        es = [e for e in entries if e.side == side]
        langs: dict[str, int] = {}
        for e in es:
            langs[e.lang] = langs.get(e.lang, 0) + 1
        lines.append(
            f"{side:6} {len({e.event for e in es}):3} events {len(es):3} articles "
            f"({sum(e.name in no_trip for e in es)} no-trip); "
            + " ".join(f"{k} {v}" for k, v in sorted(langs.items()))
        )
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("articles", nargs="?", type=Path, default=ARTICLES)
    ap.add_argument("--write", action="store_true", help=f"write the split to {SPLIT_FILE.name}")
    args = ap.parse_args()
    if not (args.articles / "dev").is_dir():
        print(f"no development set at {args.articles / 'dev'}", file=sys.stderr)
        return 1
    events = events_in(args.articles)
    no_trip = no_trip_articles(args.articles)
    # the salt is chosen once; later runs keep it
    salt = split_salt()[0] if SPLIT_FILE.exists() else choose_salt(events, no_trip)
    entries = assign(events, salt)
    print(f"salt {salt!r}, sealed share {SEALED_SHARE}")
    print(counts(entries, no_trip))
    if not balanced(entries, no_trip):
        print("warning: some language or the no-trip articles are on one side only", file=sys.stderr)
    if args.write:
        SPLIT_FILE.write_text(dumps(to_json(entries, salt)), encoding="utf-8")
        print(f"wrote {SPLIT_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
