"""Record and replay the answers of online geocoders (geopy adapters), for tests and audits.

:class:`ReplayAdapter` answers geopy's requests from a recordings file instead of the
network; :class:`RecordingAdapter` wraps geopy's real adapter and writes every answer to such
a file. A recordings file is JSON::

    {"recordings": [
        {"service": "nominatim.openstreetmap.org",
         "match": {"q": "Zvezda shipyard"},          # query parameters that must match
         "responses": [{"status": 503}, {"status": 200, "json": [...]}]}
    ]}

Responses of one recording are served in order (the last one repeats), so retries can be
replayed; ``{"error": "timeout"}`` replays a timeout. A request nothing matches raises
:class:`UnrecordedRequest`: a replaying test never falls through to the network.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from geopy.adapters import AdapterHTTPError, BaseSyncAdapter
from geopy.exc import GeocoderTimedOut

from itinerary.files import write_text


class UnrecordedRequest(LookupError):
    """A replayed geocoder asked for something that was not recorded."""


def _params(url: str) -> tuple[str, dict[str, str]]:
    parts = urlsplit(url)
    return parts.netloc, {k: v[0] for k, v in parse_qs(parts.query).items()}


class ReplayAdapter(BaseSyncAdapter):  # type: ignore[misc]
    """A geopy adapter serving recorded responses; ``calls`` lists (url, headers) it received."""

    def __init__(
        self, recordings: str | Path | dict[str, Any], *, proxies: Any = None, ssl_context: Any = None
    ):
        super().__init__(proxies=proxies, ssl_context=ssl_context)
        data = (
            json.loads(Path(recordings).read_text(encoding="utf-8"))
            if not isinstance(recordings, dict)
            else recordings
        )
        self.recordings: list[dict[str, Any]] = [dict(r, served=0) for r in data["recordings"]]
        self.calls: list[tuple[str, dict[str, str]]] = []

    def factory(self, proxies: Any = None, ssl_context: Any = None) -> ReplayAdapter:
        """Pass as ``adapter_factory=`` to a geopy geocoder (it calls it with these arguments)."""
        return self

    def _find(self, url: str) -> dict[str, Any]:
        host, params = _params(url)
        for rec in self.recordings:
            if rec.get("service", host) == host and all(params.get(k) == v for k, v in rec["match"].items()):
                responses = rec["responses"]
                resp: dict[str, Any] = responses[min(rec["served"], len(responses) - 1)]
                rec["served"] += 1
                return resp
        raise UnrecordedRequest(f"no recorded response for {url}")

    def get_json(self, url: str, *, timeout: float, headers: dict[str, str]) -> Any:
        self.calls.append((url, dict(headers)))
        resp = self._find(url)
        if resp.get("error") == "timeout":
            raise GeocoderTimedOut(f"replayed timeout for {url}")
        status = int(resp.get("status", 200))
        if status != 200:
            raise AdapterHTTPError(
                f"replayed HTTP {status}", status_code=status, headers=resp.get("headers", {}), text=""
            )
        return resp.get("json")

    def get_text(self, url: str, *, timeout: float, headers: dict[str, str]) -> str:
        return json.dumps(self.get_json(url, timeout=timeout, headers=headers))


class RecordingAdapter(BaseSyncAdapter):  # type: ignore[misc]
    """Wraps geopy's default adapter and appends every JSON answer to ``path`` (needs network)."""

    def __init__(self, path: str | Path, *, proxies: Any = None, ssl_context: Any = None):
        super().__init__(proxies=proxies, ssl_context=ssl_context)
        from geopy.geocoders import options

        self.path = Path(path)
        self.inner = options.default_adapter_factory(proxies=proxies, ssl_context=ssl_context)

    def get_json(self, url: str, *, timeout: float, headers: dict[str, str]) -> Any:
        data = self.inner.get_json(url, timeout=timeout, headers=headers)
        host, params = _params(url)
        params.pop("format", None)
        book = json.loads(self.path.read_text(encoding="utf-8")) if self.path.exists() else {"recordings": []}
        book["recordings"].append(
            {"service": host, "match": params, "responses": [{"status": 200, "json": data}]}
        )

        write_text(self.path, json.dumps(book, ensure_ascii=False, indent=1))
        return data

    def get_text(self, url: str, *, timeout: float, headers: dict[str, str]) -> str:
        return str(self.inner.get_text(url, timeout=timeout, headers=headers))


__all__ = ["RecordingAdapter", "ReplayAdapter", "UnrecordedRequest"]
