"""Homonyms: do well-known names shared by several places resolve to the place a newsroom means,
with no context and with a context that names the other place's surroundings?

    PYTHONPATH=. .venv/bin/python benchmarks/bench_homonyms.py [--verbose]

The list is ``tests/data/homonyms.csv``: a name, a context (empty: the name alone; else a place
of the story, a city or a country) and the answers expected (ISO country codes, ``CC:kind`` when
the kind matters, ``|`` between answers a newsroom would accept alike). Each row is asked four
ways where it applies:

- ``typed``: :meth:`OfflineGeocoder.candidates` of the name alone (no context) or with the
  context's point as a trip's other stop (``near``);
- ``article``: :meth:`OfflineGeocoder.resolve_spans` on a sentence that names the context and the
  name ("After Caracas, the delegation went on to Valencia.") or the name alone.
"""

from __future__ import annotations

import argparse
import csv
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from itinerary.geocode import OfflineGeocoder

HOMONYMS = Path(__file__).resolve().parents[1] / "tests" / "data" / "homonyms.csv"


@dataclass(frozen=True)
class Row:
    name: str
    context: str
    expect: tuple[str, ...]


def rows(path: Path = HOMONYMS) -> list[Row]:
    with path.open(encoding="utf-8") as fh:
        return [Row(r["name"], r["context"], tuple(r["expect"].split("|"))) for r in csv.DictReader(fh)]


def agrees(country: str, kind: str, expect: tuple[str, ...]) -> bool:
    """The answer (its country and kind) is one of the expected ones."""
    for e in expect:
        cc, _, want = e.partition(":")
        if cc == country and (not want or want == kind):
            return True
    return False


def typed(geo: OfflineGeocoder, row: Row) -> tuple[bool, str]:
    near: list[tuple[float, float]] = []
    if row.context:
        ctx = geo.candidates(row.context, limit=1)
        near = [(ctx[0].record.lat, ctx[0].record.lon)] if ctx else []
    cands = geo.candidates(row.name, near=near, limit=1)
    if not cands:
        return False, "-"
    r = cands[0].record
    return agrees(r.country_code, r.kind, row.expect), f"{r.name} ({r.kind}, {r.admin1}, {r.country_code})"


def article(geo: OfflineGeocoder, row: Row) -> tuple[bool, str]:
    if row.context:
        text = f"After {row.context}, the delegation went on to {row.name}."
        a = text.index(row.context)
        b = text.rindex(row.name)
        spans = [(a, a + len(row.context)), (b, b + len(row.name))]
    else:
        text = f"The delegation went on to {row.name}."
        b = text.rindex(row.name)
        spans = [(b, b + len(row.name))]
    loc: Any = geo.resolve_spans(text, spans)[-1]
    if loc is None:
        return False, "-"
    raw = loc.raw
    ok = agrees(raw.get("country_code") or "", raw["kind"], row.expect)
    return ok, f"{raw['name']} ({raw['kind']}, {raw.get('admin1')}, {raw.get('country_code')})"


def measure(geo: OfflineGeocoder, verbose: bool = False) -> dict[str, tuple[int, int]]:
    """(right, asked) per way of asking: typed and article, bare and in context."""
    out: dict[str, list[int]] = {}
    for row in rows():
        where = "context" if row.context else "bare"
        for how, fn in (("typed", typed), ("article", article)):
            ok, got = fn(geo, row)
            tally = out.setdefault(f"{how}, {where}", [0, 0])
            tally[0] += ok
            tally[1] += 1
            if verbose and not ok:
                ctx = f" (context {row.context})" if row.context else ""
                print(f"  MISS {how:8} {row.name}{ctx}: {got}; expected {'|'.join(row.expect)}")
    return {k: (v[0], v[1]) for k, v in out.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--verbose", action="store_true", help="print every miss")
    args = ap.parse_args()
    warnings.simplefilter("ignore")
    geo = OfflineGeocoder()
    names = {r.name for r in rows()}
    print(f"{len(rows())} rows, {len(names)} names ({HOMONYMS.name})")
    result = measure(geo, args.verbose)
    for k, (ok, n) in result.items():
        print(f"  {k:20} {ok:4d} / {n:<4d} {100 * ok / n:6.1f} %")


if __name__ == "__main__":
    main()
