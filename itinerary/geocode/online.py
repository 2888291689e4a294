"""Online geocoding as an option: any geopy geocoder behind a cache, the gazetteer and a polite pace.

The chain, for each name:

1. the **offline gazetteer** answers when it is confident (most names in the news);
2. otherwise the **persistent cache** (SQLite in the user cache folder) answers if the
   service was asked before; every write is one transaction, so a crash mid-write leaves the
   previous state, never a half-written answer;
3. otherwise, and only when the user enabled a service, the **online geocoder** (Nominatim or
   Photon through geopy) is asked, at most one request a second (Nominatim's usage policy),
   with a timeout and retries with back-off on timeouts, 429 and 5xx answers;
4. if the service fails, the offline answer is used with a :class:`GeocoderWarning`.

Nothing here opens a connection unless an online geocoder is given. Tests replay responses
through :class:`itinerary.geocode.replay.ReplayAdapter`, a geopy adapter.
"""

from __future__ import annotations

import re
import threading
import time
import warnings
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from itinerary.errors import GeocoderUnavailable, GeocoderWarning, ItineraryError, PlaceNotFound
from itinerary.geocode.cache import GeocodeCache as GeocodeCache  # re-exported: part of the chain's API
from itinerary.geocode.gazetteer import Gazetteer, Record
from itinerary.geocode.normalize import normalize
from itinerary.geocode.offline import Candidate, OfflineGeocoder
from itinerary.options import get_options

PROVIDERS = ("nominatim", "photon")
MIN_DELAY_SECONDS = 1.0
ONLINE_BELOW = 0.5  # ask the service when the offline answer's confidence is below this
_DEFAULT_AGENTS = re.compile(r"^(geopy/|my[-_ ]?app|my_user_agent|test)", re.I)


def online_geocoder(
    provider: str,
    *,
    user_agent: str | None,
    timeout: float = 10.0,
    domain: str | None = None,
    adapter_factory: Any = None,
) -> Any:
    """A geopy geocoder for ``provider`` ("nominatim" or "photon") with our requirements checked.

    ``user_agent`` must identify the application and a contact, as Nominatim's usage policy
    asks ("itinerary-newsroom (desk@example.org)"); geopy's default is refused.
    """
    if provider not in PROVIDERS:
        raise ItineraryError(f"unknown online geocoder {provider!r}; choose one of {', '.join(PROVIDERS)}")
    agent = (user_agent or "").strip()
    if not agent or _DEFAULT_AGENTS.match(agent):
        raise ItineraryError(
            f"the {provider} service needs a user agent that names your application and a contact, "
            "e.g. --user-agent 'my-newsroom-maps (maps@example.org)' or $ITINERARY_USER_AGENT "
            "(https://operations.osmfoundation.org/policies/nominatim/)"
        )
    kwargs: dict[str, Any] = {"user_agent": agent, "timeout": timeout}
    if domain:
        kwargs["domain"] = domain
    if adapter_factory is not None:
        kwargs["adapter_factory"] = adapter_factory
    if provider == "nominatim":
        from geopy.geocoders import Nominatim

        return Nominatim(**kwargs)
    from geopy.geocoders import Photon

    return Photon(**kwargs)


class Pace:
    """At most one call every ``min_delay`` seconds (the clock and sleep are injectable)."""

    def __init__(
        self,
        min_delay: float = MIN_DELAY_SECONDS,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.min_delay = min_delay
        self.clock = clock
        self.sleep = sleep
        self._last: float | None = None
        self._lock = threading.Lock()

    def wait(self) -> None:
        with self._lock:
            if self._last is not None:
                left = self.min_delay - (self.clock() - self._last)
                if left > 0:
                    self.sleep(left)
            self._last = self.clock()


def _service_name(online: Any) -> str:
    return type(online).__name__.lower()


def _answer_json(loc: Any) -> dict[str, Any]:
    return {"address": loc.address, "lat": loc.latitude, "lon": loc.longitude, "raw": loc.raw}


def _record_from(service: str, ans: dict[str, Any]) -> Record:
    """A gazetteer-like record for an online answer (Nominatim or Photon shapes)."""
    raw = ans.get("raw") or {}
    props = raw.get("properties") or {}  # Photon: GeoJSON feature
    osm_type = raw.get("osm_type") or props.get("osm_type") or "place"
    osm_id = raw.get("osm_id") or props.get("osm_id") or raw.get("place_id") or 0
    osm_type = {"N": "node", "W": "way", "R": "relation"}.get(str(osm_type), str(osm_type))
    address = raw.get("address") or {}
    cc = (address.get("country_code") or props.get("countrycode") or "").upper()
    kind = raw.get("addresstype") or raw.get("type") or props.get("osm_value") or props.get("type") or "place"
    kind = {"city": "city", "town": "city", "village": "city", "state": "region", "country": "country"}.get(
        str(kind), str(kind)
    )
    name = raw.get("name") or props.get("name") or str(ans.get("address", "")).split(",")[0]
    admin1 = address.get("state") or props.get("state")
    return Record(
        index=-1,
        id=f"{service}:{osm_type}/{osm_id}",
        name=str(name),
        lat=float(ans["lat"]),
        lon=float(ans["lon"]),
        kind=kind,
        country_code=cc,
        admin1=admin1,
        population=0,
        importance=float(raw.get("importance") or 0.0),
    )


class ChainGeocoder(OfflineGeocoder):
    """The offline geocoder, completed by a cached, paced online service when one is given.

    It keeps :class:`OfflineGeocoder`'s interface (``candidates``, ``resolve``, and geopy's
    ``geocode``/``reverse``), so ``resolve_itinerary`` and ``geopandas.tools.geocode`` use it
    unchanged.
    """

    def __init__(
        self,
        online: Any = None,
        *,
        cache: GeocodeCache | None = None,
        gazetteer: Gazetteer | None = None,
        strict: bool = False,
        online_below: float = ONLINE_BELOW,
        min_delay_seconds: float = MIN_DELAY_SECONDS,
        retries: int = 2,
        backoff_seconds: float = 2.0,
        clock: Callable[[], float] | None = None,
        sleep: Callable[[float], None] | None = None,
    ) -> None:
        """``clock`` and ``sleep`` time the pace and the back-off; default: the ``clock`` and
        ``sleep`` options, else the real ones."""
        super().__init__(gazetteer, strict=strict)
        options = get_options()
        clock = clock or options.clock or time.monotonic
        sleep = sleep or options.sleep or time.sleep
        self.online = online
        self.cache = cache if cache is not None or online is None else GeocodeCache()
        self.online_below = online_below
        self.retries = retries
        self.backoff_seconds = backoff_seconds
        self.pace = Pace(min_delay_seconds, clock=clock, sleep=sleep)
        self.requests = 0  # calls actually sent to the service
        self.gave_up: str | None = None  # why the service is no longer asked in this run

    # ------------------------------------------------------------ online part
    def _query_key(self, query: str, country: Sequence[str]) -> str:
        return normalize(query) + ("|" + ",".join(sorted(c.lower() for c in country)) if country else "")

    def _ask(self, query: str, country: Sequence[str] = ()) -> list[dict[str, Any]]:
        """Answers of the online service for ``query`` (cached), or raise GeocoderUnavailable."""
        from geopy.exc import GeocoderQueryError, GeopyError

        assert self.online is not None
        service = _service_name(self.online)
        key = self._query_key(query, country)
        if self.cache is not None:
            hit = self.cache.get(service, key)
            if hit is not None:
                return hit
        if self.gave_up is not None:
            raise GeocoderUnavailable(self.gave_up)
        kwargs: dict[str, Any] = {"exactly_one": False}
        if service == "nominatim":
            kwargs["addressdetails"] = True
            if country:
                kwargs["country_codes"] = [c.lower() for c in country]
        last: Exception | None = None
        for attempt in range(self.retries + 1):
            if attempt:
                self.pace.sleep(self.backoff_seconds * 2 ** (attempt - 1))
            self.pace.wait()
            self.requests += 1
            try:
                locs = self.online.geocode(query, **kwargs)
            except GeocoderQueryError as exc:  # the service refuses the query itself: no retry
                raise GeocoderUnavailable(f"{service} refused {query!r}: {exc}") from exc
            except (GeopyError, OSError) as exc:
                last = exc
                continue
            answers = [_answer_json(loc) for loc in (locs or [])]
            if self.cache is not None:
                self.cache.put(service, key, answers)
            return answers
        # A service that fails every attempt is down or unreachable: stop asking it in this run,
        # so 20 unknown names cost one round of retries, not 20.
        self.gave_up = (
            f"{service} did not answer for {query!r} after {self.retries + 1} attempts ({last}); "
            f"{service} is not asked again in this run"
        )
        raise GeocoderUnavailable(self.gave_up)

    def _online_candidates(self, query: str, country: Sequence[str]) -> list[Candidate]:
        service = _service_name(self.online)
        answers = self._ask(query, country)
        out = []
        for i, ans in enumerate(answers):
            rec = _record_from(service, ans)
            conf = 0.9 if i == 0 else 0.1
            out.append(Candidate(rec, 1.0 - 0.1 * i, 1.0, normalize(query), conf, (f"online {service}",)))
        return out

    # ------------------------------------------------------------ interface
    def resolve(
        self,
        query: str | Mapping[str, str],
        *,
        hint: str | None = None,
        country: str | Sequence[str] | None = None,
        near: Sequence[tuple[float, float]] = (),
    ) -> Candidate:
        """The offline answer when it is confident; else the online one; else the offline one."""
        offline: Candidate | None = None
        missing: PlaceNotFound | None = None
        use_online = self.online is not None and self.gave_up is None
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                offline = super().resolve(query, hint=hint, country=country, near=near)
            except PlaceNotFound as exc:
                if not use_online:
                    raise
                missing = exc
        if offline is not None and (not use_online or offline.confidence >= self.online_below):
            for w in caught:
                warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
            return offline
        countries = [country] if isinstance(country, str) else list(country or ())
        if not countries and hint:
            countries = sorted(self._parse_hint(hint).countries)
        try:
            found = self._online_candidates(_text(query), countries)
        except GeocoderUnavailable as exc:
            if offline is not None:
                warnings.warn(f"{exc}; using the offline answer {offline}", GeocoderWarning, stacklevel=2)
                return offline
            warnings.warn(
                f"{exc}; the offline gazetteer does not know it either", GeocoderWarning, stacklevel=2
            )
            raise PlaceNotFound(_text(query), missing.suggestions if missing else []) from exc
        if found:
            return found[0]
        if offline is not None:
            return offline
        assert missing is not None
        raise missing

    def geocode(
        self,
        query: str | Mapping[str, str],
        *,
        exactly_one: bool = True,
        limit: int | None = None,
        hint: str | None = None,
        country_codes: str | Sequence[str] | None = None,
        **kwargs: Any,
    ) -> Any:
        """geopy-style geocode through the chain (offline, cache, online)."""
        from geopy.location import Location

        cands = self.candidates(query, hint=hint, country=country_codes, limit=limit or 10)
        online: list[Candidate] = []
        use_online = self.online is not None and self.gave_up is None
        if use_online and (not cands or cands[0].confidence < self.online_below):
            countries = [country_codes] if isinstance(country_codes, str) else list(country_codes or ())
            try:
                online = self._online_candidates(_text(query), countries)
            except GeocoderUnavailable as exc:
                warnings.warn(f"{exc}; using the offline answer", GeocoderWarning, stacklevel=2)
        if not online:
            return super().geocode(
                query, exactly_one=exactly_one, limit=limit, hint=hint, country_codes=country_codes, **kwargs
            )
        locs = [Location(c.record.name, (c.record.lat, c.record.lon, 0.0), c.to_json()) for c in online]
        return locs[0] if exactly_one else locs[: limit or len(locs)]


def _text(query: str | Mapping[str, str]) -> str:
    """A structured query as the free text an online service reads ("Paris, Texas, US")."""
    return query if isinstance(query, str) else ", ".join(str(v) for v in query.values() if v)


__all__ = ["PROVIDERS", "ChainGeocoder", "GeocodeCache", "Pace", "online_geocoder"]
