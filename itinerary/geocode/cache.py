"""The persistent cache of online geocoding answers (SQLite in the user cache folder): a service
is asked a name once; what it answered, or that it found nothing, is kept.
"""

from __future__ import annotations

import json
import math
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

from itinerary.errors import CacheError
from itinerary.paths import cache_dir


class GeocodeCache:
    """Answers of online services, kept in SQLite (one row per service and query).

    Writes are single transactions in WAL mode: a process killed mid-write leaves the file
    with the previous answers. A damaged file raises :class:`CacheError` naming it.
    """

    def __init__(self, path: str | Path | None = None) -> None:
        if path is None:
            path = cache_dir() / "geocode-cache.sqlite3"
        self.path = Path(path)
        self._lock = threading.Lock()
        self._con: sqlite3.Connection | None = None

    def _connect(self) -> sqlite3.Connection:
        if self._con is None:
            if self.path.is_dir():
                raise CacheError(f"{self.path}: is a folder; the geocoding cache is a file, give a file path")
            try:
                con = sqlite3.connect(self.path, timeout=10, check_same_thread=False)
                con.execute("PRAGMA journal_mode=WAL")
                con.execute("PRAGMA synchronous=NORMAL")
                con.execute(
                    "CREATE TABLE IF NOT EXISTS answers (service TEXT NOT NULL, query TEXT NOT NULL, "
                    "created REAL NOT NULL, payload TEXT NOT NULL, PRIMARY KEY (service, query))"
                )
                con.commit()
            except sqlite3.DatabaseError as exc:
                raise self._damaged(exc) from None
            self._con = con
        return self._con

    def _damaged(self, exc: Exception) -> CacheError:
        return CacheError(
            f"{self.path}: the geocoding cache is unreadable ({exc}); delete this file "
            "(it only holds answers of online services and is rebuilt as needed)"
        )

    def get(self, service: str, query: str) -> list[dict[str, Any]] | None:
        """The stored answers (``[]`` when the service found nothing), or None if never asked."""
        with self._lock:
            try:
                row = (
                    self._connect()
                    .execute("SELECT payload FROM answers WHERE service = ? AND query = ?", (service, query))
                    .fetchone()
                )
            except sqlite3.DatabaseError as exc:
                raise self._damaged(exc) from None
        if row is None:
            return None
        try:
            data = json.loads(row[0])
        except (json.JSONDecodeError, TypeError) as exc:
            raise self._damaged(exc) from None
        if not isinstance(data, list) or not all(_valid_answer(a) for a in data):
            raise self._damaged(ValueError(f"the stored answer for {query!r} is malformed"))
        return data

    def put(self, service: str, query: str, answers: list[dict[str, Any]]) -> None:
        payload = json.dumps(answers, ensure_ascii=False)
        with self._lock:
            con = self._connect()
            try:
                with con:  # one transaction: all of it or nothing
                    con.execute(
                        "INSERT OR REPLACE INTO answers (service, query, created, payload) "
                        "VALUES (?, ?, ?, ?)",
                        (service, query, time.time(), payload),
                    )
            except sqlite3.DatabaseError as exc:
                raise self._damaged(exc) from None

    def __len__(self) -> int:
        with self._lock:
            return int(self._connect().execute("SELECT COUNT(*) FROM answers").fetchone()[0])

    def close(self) -> None:
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None


def _valid_answer(ans: Any) -> bool:
    """A cached answer has finite coordinates in range, a text address and a mapping as raw."""
    if not isinstance(ans, dict):
        return False
    lat, lon = ans.get("lat"), ans.get("lon")
    if not all(
        isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in (lat, lon)
    ):
        return False
    assert isinstance(lat, (int, float)) and isinstance(lon, (int, float))
    raw = ans.get("raw")
    return (
        -90 <= lat <= 90
        and -180 <= lon <= 180
        and isinstance(ans.get("address", ""), str)
        and (raw is None or isinstance(raw, dict))
    )
