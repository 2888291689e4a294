"""Toponym resolution on news: LGL and TR-News, against five published geoparsers.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_toponyms.py [--data ../shared/geoparsing] [--misses N]

Reads the public benchmarks in ``../shared/geoparsing`` (never copied into the project; see its
README): LGL (588 local news articles) and TR-News (118 articles), each toponym with its character
span and its GeoNames point, and the published outputs of CLAVIN, the Edinburgh Geoparser, GeoTxt,
Topocluster and Yahoo! PlaceSpotter on LGL.

What it prints:

1. **The published LGL comparison**, recomputed here from the peers' output files with the matching
   rule of the paper's ``methods.py``: a system's toponym matches a gold one when the phrases are
   equal (case-folded) and the middles of their spans are less than 10 characters apart (Topocluster:
   the phrase alone); accuracy@161 is the share of matched toponyms placed less than 161 km from the
   gold point (``log(1 + km) < log(161)``), AUC the trapezoid area under the log(1 + km) errors over
   log(20039). The comparison set is the toponyms every peer matched. itinerary is given the gold
   spans, so it "matches" every toponym; its answers go through the same scoring code.
2. **Every toponym of LGL and TR-News**, two readings: *strict* (the answer's point within 161 km of
   the gold point) and *inside* (also right when the answer is a country or an admin-1 region whose
   polygon contains the gold point: GeoNames puts a country's point in its middle, not at its capital).
3. **Errors per class** (inside reading): demonym ("Turkish"), abbreviation ("U.S.", "B.C."),
   region/city (the right name at the wrong level: the province for its city or the reverse),
   homonym in context (a namesake elsewhere), unknown (no answer).
4. **Speed** of ``resolve_spans`` after loading, per article and for 3,000 characters with 30
   toponyms (target: 20 ms).

Two systems of itinerary are measured on the same toponyms: ``geocode()`` of the phrase alone (the
single-query geocoder) and ``resolve_spans(text, spans)`` (the article as context).

The articles are split by a fixed hash of the corpus and article id: half A is the development half
(the only one whose misses ``--misses`` prints and on which rules were checked), half B is held out;
both are printed side by side.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import math
import re
import statistics
import sys
import time
import warnings
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from itinerary.coords import haversine_km
from itinerary.geocode import OfflineGeocoder

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "geoparsing"
PEERS = {
    "CLAVIN": "clavin",
    "Edinburgh Geoparser": "edin",
    "GeoTxt": "geo",
    "Yahoo! PlaceSpotter": "yahoo",
    "Topocluster": "topo",
}
K_KM = 161.0
MAX_ERROR_KM = 20039.0
TARGETS = {"common": 0.80, "inside": 0.85, "ms_3000": 20.0}
AREA_KINDS = frozenset({"country", "region"})


@dataclass(frozen=True)
class Toponym:
    start: int
    end: int
    phrase: str
    lat: float
    lon: float
    fcode: str
    name: str


@dataclass
class Article:
    corpus: str
    docid: str
    text: str
    toponyms: list[Toponym]
    half: str = field(init=False)

    def __post_init__(self) -> None:
        digest = hashlib.blake2b(f"{self.corpus}:{self.docid}".encode(), digest_size=2).digest()
        self.half = "A" if digest[0] % 2 == 0 else "B"


@dataclass(frozen=True)
class Answer:
    """What a system said for one toponym (None: no answer)."""

    lat: float
    lon: float
    kind: str
    place_id: str
    name: str
    match: str


def load_corpus(path: Path, corpus: str) -> list[Article]:
    """Articles with their geocoded toponyms (toponyms without a GeoNames entry are left out, as
    the published evaluation does)."""
    root = ET.fromstring(gzip.open(path).read())
    out = []
    for a in root.iter("article"):
        tops = []
        for t in a.findall("./toponyms/toponym"):
            g = t.find("gaztag")
            if g is None or g.findtext("lat") is None:
                continue
            tops.append(
                Toponym(
                    int(t.findtext("start") or 0),
                    int(t.findtext("end") or 0),
                    t.findtext("phrase") or "",
                    float(g.findtext("lat") or 0),
                    float(g.findtext("lon") or 0),
                    g.findtext("fcode") or "",
                    g.findtext("name") or "",
                )
            )
        out.append(Article(corpus, a.get("docid") or str(len(out)), a.findtext("text") or "", tops))
    return out


# ---------------------------------------------------------------- the published metric
def read_lines(path: Path) -> list[list[list[str]]]:
    """One list of toponyms per article, each ``[name, phrase, lat, lon, start, end, ...]``."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [[t.split(",,") for t in line.rstrip("\n").split("||")[:-1]] for line in fh]


def calculate_scores(
    predicted: list[list[list[str]]], gold: list[list[list[str]]], *, topocluster: bool = False
) -> dict[int, float]:
    """log(1 + error km) per gold toponym index that the system matched (the paper's rule)."""
    accuracy: dict[int, float] = {}
    index = -1
    for pred_line, gold_line in zip(predicted, gold, strict=False):
        preds = list(pred_line)
        for g in gold_line:
            index += 1
            mean_g = (int(g[4]) + int(g[5])) / 2.0
            for p in preds:
                same = p[1].lower() == g[1].lower()
                close = abs(mean_g - (int(p[4]) + int(p[5])) / 2.0) < 10
                match = same if topocluster else same and close  # Topocluster: the phrase alone
                if match:
                    preds.remove(p)
                    km = haversine_km(float(p[2]), float(p[3]), float(g[2]), float(g[3]))
                    accuracy[index] = math.log(1 + km)
                    break
    return accuracy


def acc161(errors: Sequence[float]) -> float:
    k = math.log(K_KM)
    return sum(1 for e in errors if e < k) / len(errors) if errors else 0.0


def auc(errors: Sequence[float]) -> float:
    import numpy as np

    if len(errors) < 2:
        return 0.0
    return float(np.trapezoid(sorted(errors)) / (math.log(MAX_ERROR_KM) * (len(errors) - 1)))


def our_lines(
    articles: list[Article], answers: dict[tuple[str, int], Answer | None]
) -> list[list[list[str]]]:
    """itinerary's answers in the peers' line format (unanswered toponyms are left out)."""
    out = []
    for a in articles:
        line = []
        for k, t in enumerate(a.toponyms):
            ans = answers.get((a.docid, k))
            if ans is not None:
                line.append([ans.name, t.phrase, str(ans.lat), str(ans.lon), str(t.start), str(t.end)])
        out.append(line)
    return out


# ---------------------------------------------------------------- itinerary's answers
def _answer(loc: Any) -> Answer | None:
    if loc is None:
        return None
    raw = loc.raw
    return Answer(
        loc.latitude,
        loc.longitude,
        raw.get("kind", ""),
        raw.get("id", ""),
        raw.get("name", ""),
        raw.get("match", ""),
    )


def run_geocode(geo: OfflineGeocoder, articles: list[Article]) -> dict[tuple[str, int], Answer | None]:
    out: dict[tuple[str, int], Answer | None] = {}
    for a in articles:
        for k, t in enumerate(a.toponyms):
            out[(a.docid, k)] = _answer(geo.geocode(t.phrase))
    return out


def article_spans(a: Article) -> tuple[str, list[tuple[int, int]]]:
    """The text and a span per toponym. A gold offset that does not hold its phrase (a few, where
    the annotators' text differed) takes the nearest occurrence of the phrase; a phrase missing
    from the text is appended as a line of its own."""
    text, spans = a.text, []
    for t in a.toponyms:
        if text[t.start : t.end] == t.phrase:
            spans.append((t.start, t.end))
            continue
        found = [m.start() for m in re.finditer(re.escape(t.phrase), text)]
        if found:
            s = min(found, key=lambda x: abs(x - t.start))
        else:
            text += "\n"
            s = len(text)
            text += t.phrase
        spans.append((s, s + len(t.phrase)))
    return text, spans


def run_spans(
    geo: OfflineGeocoder, articles: list[Article]
) -> tuple[dict[tuple[str, int], Answer | None], list[tuple[int, int, float]]]:
    """resolve_spans per article, and (characters, toponyms, ms) per article."""
    out: dict[tuple[str, int], Answer | None] = {}
    times = []
    for a in articles:
        text, spans = article_spans(a)
        t0 = time.perf_counter()
        locs = geo.resolve_spans(text, spans)
        times.append((len(a.text), len(spans), 1000 * (time.perf_counter() - t0)))
        for k, loc in enumerate(locs):
            out[(a.docid, k)] = _answer(loc)
    return out, times


class Inside:
    """Whether a country or region answer contains the gold point (prepared polygons, cached)."""

    def __init__(self) -> None:
        self._cache: dict[str, Any] = {}

    def __call__(self, place_id: str, lat: float, lon: float) -> bool:
        import shapely
        from shapely.geometry import Point

        from itinerary.geocode.regions import region_shape

        if place_id not in self._cache:
            shape = region_shape(place_id)
            if shape is not None:
                shapely.prepare(shape)
            self._cache[place_id] = shape
        shape = self._cache[place_id]
        return shape is not None and bool(shape.covers(Point(lon, lat)))


def right(ans: Answer | None, t: Toponym, inside: Inside | None) -> bool:
    if ans is None:
        return False
    if haversine_km(ans.lat, ans.lon, t.lat, t.lon) < K_KM:
        return True
    return inside is not None and ans.kind in AREA_KINDS and inside(ans.place_id, t.lat, t.lon)


# ---------------------------------------------------------------- error classes
_ABBREV_CHARS = frozenset(".")


def error_class(t: Toponym, ans: Answer | None, geo: OfflineGeocoder) -> str:
    """demonym, abbreviation, region/city, homonym in context, or unknown."""
    phrase = t.phrase.strip()
    try:
        from itinerary.geocode.toponyms import forms_of
    except ImportError:  # a tree without the table of forms
        form = None
    else:
        form = forms_of().form(phrase)
    if form is not None and form.kind == "demonym":
        return "demonym"
    if form is not None and form.kind == "abbreviation":
        return "abbreviation"
    if _ABBREV_CHARS & set(phrase) or (phrase.isupper() and len(phrase) <= 5):
        return "abbreviation"
    if (
        phrase[:1].isupper()
        and phrase.rstrip("s").endswith(("ish", "ian", "ese", "ean", "ic", "i"))
        and (t.fcode.startswith("PCL") or t.fcode in {"ADM1", "RGN", "CONT"})
        and t.name.lower()[:3] == phrase.lower()[:3]
        and phrase.lower() != t.name.lower()
    ):
        return "demonym"  # an adjective of the gold place that the table does not hold
    if ans is None:
        return "unknown"
    gold_area = t.fcode.startswith(("PCL", "ADM")) or t.fcode in {"CONT", "RGN", "AREA"}
    if gold_area != (ans.kind in AREA_KINDS | {"continent"}):
        return "region/city"
    return "homonym in context"


CLASSES = ("demonym", "abbreviation", "region/city", "homonym in context", "unknown")


# ---------------------------------------------------------------- printing
def pct(ok: Sequence[bool]) -> str:
    return f"{sum(ok) / len(ok):.3f}" if ok else "  -  "


def peer_table(
    data: Path, lgl: list[Article], systems: dict[str, dict[tuple[str, int], Answer | None]]
) -> None:
    gold = read_lines(data / "lgl_gold.txt.gz")
    n_gold = sum(len(x) for x in gold)
    n_xml = sum(len(a.toponyms) for a in lgl)
    if n_gold != n_xml or any(
        [(int(g[4]), int(g[5])) for g in gl] != [(t.start, t.end) for t in a.toponyms]
        for gl, a in zip(gold, lgl, strict=False)
    ):
        sys.exit(f"{data}/lgl_gold.txt.gz does not follow lgl.xml.gz ({n_gold} vs {n_xml} toponyms)")
    scores = {
        name: calculate_scores(read_lines(data / f"lgl_{stem}.txt.gz"), gold, topocluster=stem == "topo")
        for name, stem in PEERS.items()
    }
    common = set.intersection(*(set(s) for s in scores.values()))
    worst = math.log(1 + MAX_ERROR_KM)
    ours = {
        name: calculate_scores(our_lines(lgl, ans), gold) for name, ans in systems.items()
    }  # the same scorer; an unanswered toponym counts as the worst error below
    half = {}
    index = 0
    for a in lgl:
        for _ in a.toponyms:
            half[index] = a.half
            index += 1
    print(
        f"LGL, the {len(common)} toponyms all five peers recognised (their methods.py rule), accuracy@161 and AUC"
    )
    print(
        f"  {'system':34} {'acc@161':>8} {'AUC':>6} {'A (dev)':>8} {'B (held)':>9}  all matched (n, acc@161)"
    )
    rows: list[tuple[str, dict[int, float], bool]] = [(n, s, True) for n, s in scores.items()]
    rows += [(f"itinerary {n}", s, False) for n, s in ours.items()]
    for name, s, peer in rows:
        errs = [s.get(k, worst) for k in sorted(common)]
        a = [s.get(k, worst) for k in sorted(common) if half[k] == "A"]
        b = [s.get(k, worst) for k in sorted(common) if half[k] == "B"]
        allm = list(s.values()) if peer else [s.get(k, worst) for k in range(n_gold)]
        target = f"   (target >= {TARGETS['common']:.2f})" if name.endswith("resolve_spans") else ""
        print(
            f"  {name:34} {acc161(errs):8.3f} {auc(errs):6.3f} {acc161(a):8.3f} {acc161(b):9.3f}"
            f"  {len(allm):5d} {acc161(allm):.3f}{target}"
        )
    # itinerary answers a country with its capital's point and a region with its label point,
    # GeoNames (and so every peer here) with a central point: the inside reading of the same set
    inside = Inside()
    tops = [(a, t) for a in lgl for t in a.toponyms]
    for sname, ans in systems.items():
        keyed = {}
        index = 0
        for a in lgl:
            for k, _ in enumerate(a.toponyms):
                keyed[index] = ans.get((a.docid, k))
                index += 1
        ok = {k: right(keyed[k], tops[k][1], inside) for k in common}
        a_ok = [v for k, v in ok.items() if half[k] == "A"]
        b_ok = [v for k, v in ok.items() if half[k] == "B"]
        print(
            f"  {'itinerary ' + sname + ', inside':34} {pct(list(ok.values())):>8} {'':6} {pct(a_ok):>8} {pct(b_ok):>9}"
            "  (a country or region answer containing the gold point counts)"
        )


def corpus_table(
    corpora: dict[str, list[Article]], systems: dict[str, dict[tuple[str, int], Answer | None]]
) -> None:
    inside = Inside()
    print(
        "\nevery toponym: strict (within 161 km) and inside (a country or region containing the gold point)"
    )
    print(
        f"  {'corpus':8} {'system':24} {'n':>5} {'strict':>7} {'inside':>7} {'A strict':>9} {'B strict':>9}"
        f" {'A inside':>9} {'B inside':>9}"
    )
    for cname, arts in corpora.items():
        for sname, ans in systems.items():
            strict, ins = [], []
            halves: dict[str, tuple[list[bool], list[bool]]] = {"A": ([], []), "B": ([], [])}
            for a in arts:
                for k, t in enumerate(a.toponyms):
                    x = ans[(a.docid, k)]
                    st, ok = right(x, t, None), right(x, t, inside)
                    strict.append(st)
                    ins.append(ok)
                    halves[a.half][0].append(st)
                    halves[a.half][1].append(ok)
            target = f"   (target >= {TARGETS['inside']:.2f})" if sname == "resolve_spans" else ""
            (a_st, a_in), (b_st, b_in) = halves["A"], halves["B"]
            print(
                f"  {cname:8} {sname:24} {len(strict):5d} {pct(strict):>7} {pct(ins):>7} {pct(a_st):>9}"
                f" {pct(b_st):>9} {pct(a_in):>9} {pct(b_in):>9}{target}"
            )


def class_table(
    geo: OfflineGeocoder,
    corpora: dict[str, list[Article]],
    systems: dict[str, dict[tuple[str, int], Answer | None]],
    misses: int,
) -> None:
    inside = Inside()
    print("\nerrors per class (inside reading; share of all toponyms of the corpus)")
    header = "".join(f"{c:>20}" for c in CLASSES)
    print(f"  {'corpus':8} {'system':16}{header}")
    shown: list[str] = []
    for cname, arts in corpora.items():
        n = sum(len(a.toponyms) for a in arts)
        for sname, ans in systems.items():
            counts: Counter[str] = Counter()
            for a in arts:
                for k, t in enumerate(a.toponyms):
                    x = ans[(a.docid, k)]
                    if right(x, t, inside):
                        continue
                    cls = error_class(t, x, geo)
                    counts[cls] += 1
                    if sname == "resolve_spans" and a.half == "A" and len(shown) < misses:
                        got = f"{x.name} ({x.kind}, {x.lat:.2f}, {x.lon:.2f}) [{x.match}]" if x else "-"
                        shown.append(
                            f"  {cname} {a.docid} {t.phrase!r} gold {t.name} {t.fcode} "
                            f"({t.lat:.2f}, {t.lon:.2f}) -> {got}  [{cls}]"
                        )
            cells = "".join(f"{f'{counts[c]} ({counts[c] / n:.1%})':>20}" for c in CLASSES)
            print(f"  {cname:8} {sname:16}{cells}")
    if shown:
        print(f"\nmisses of resolve_spans on the development half A (first {len(shown)}):")
        print("\n".join(shown))


def speed_table(geo: OfflineGeocoder, arts: list[Article], times: list[tuple[int, int, float]]) -> None:
    per_article = [ms for _, _, ms in times]
    print("\nspeed of resolve_spans after loading (this process):")
    print(f"  per article: median {statistics.median(per_article):.2f} ms, max {max(per_article):.2f} ms")
    # 3,000 characters with 30 toponyms: an article's first 30 toponyms in a 3,000-character window
    samples = []
    for a in arts:
        text, spans = article_spans(a)
        spans = [sp for sp in spans if sp[1] <= 3000][:30]
        if len(spans) == 30:
            t0 = time.perf_counter()
            geo.resolve_spans(text[:3000], spans)
            samples.append(1000 * (time.perf_counter() - t0))
    if samples:
        print(
            f"  3,000 characters, 30 toponyms ({len(samples)} articles): median {statistics.median(samples):.2f} ms, "
            f"max {max(samples):.2f} ms (target <= {TARGETS['ms_3000']:.0f} ms)"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the geoparsing benchmark folder")
    ap.add_argument("--misses", type=int, default=0, help="print this many misses of the development half A")
    ap.add_argument("--no-spans", action="store_true", help="measure geocode() only")
    args = ap.parse_args()
    if not (args.data / "lgl.xml.gz").exists():
        sys.exit(f"{args.data}: no lgl.xml.gz here; pass --data with the geoparsing benchmark folder")
    warnings.simplefilter("ignore")
    corpora = {
        "LGL": load_corpus(args.data / "lgl.xml.gz", "lgl"),
        "TR-News": load_corpus(args.data / "trnews.xml.gz", "trnews"),
    }
    t0 = time.perf_counter()
    geo = OfflineGeocoder()
    geo.geocode("Paris")
    geo.gazetteer.fuzzy("warmup query")  # decode the fuzzy blocks once, as any long-running process has
    print(f"gazetteer loaded in {time.perf_counter() - t0:.2f} s")
    for cname, arts in corpora.items():
        n = sum(len(a.toponyms) for a in arts)
        na = sum(len(a.toponyms) for a in arts if a.half == "A")
        print(f"{cname}: {len(arts)} articles, {n} toponyms ({na} in the development half A)")
    every = [a for arts in corpora.values() for a in arts]
    systems: dict[str, dict[tuple[str, int], Answer | None]] = {"geocode(phrase)": run_geocode(geo, every)}
    times: list[tuple[int, int, float]] = []
    if not args.no_spans and hasattr(geo, "resolve_spans"):
        geo.resolve_spans(*article_spans(every[0]))  # load the tables
        systems["resolve_spans"], times = run_spans(geo, every)
    print()
    peer_table(args.data, corpora["LGL"], systems)
    corpus_table(corpora, systems)
    class_table(geo, corpora, systems, args.misses)
    if times:
        speed_table(geo, every, times)


if __name__ == "__main__":
    main()
