"""OfflineGeocoder: the embedded gazetteer behind geopy's geocoder contract.

``OfflineGeocoder().geocode("Paris, TX")`` returns a geopy ``Location`` whose ``raw`` is our
record, so the class works with ``geopandas.tools.geocode(names, provider=OfflineGeocoder)``
and geopy's ``RateLimiter`` unchanged.

A query is parsed into a place and its qualifiers ("City, Admin-1, Country", "Springfield
(Illinois)", "Kumsusan Palace, Pyongyang"; see :mod:`itinerary.geocode.query`). Every record
whose name matches the place is scored on features, with the weights in :data:`WEIGHTS`:

- how the name matches: the record's primary name, an alternate (or historic) name, a
  landmark's name without its kind words, a code (IATA, ICAO, ISO), or a fuzzy match with its
  edit distance;
- prominence: population, national capital, country, region, curated landmark;
- agreement with the query's kind words ("airport", "oblast"), its qualifiers (a filter: a
  country, an admin-1 region, or a containing city for landmarks), the free-text hint and
  the trip's other stops.

The confidence is the softmax share of the best answer among the candidates (namesakes within
25 km count as one place), capped for fuzzy matches. :meth:`OfflineGeocoder.candidates`
exposes the ranking.

The geocoder is a facade over four parts: :mod:`~itinerary.geocode.query` parses the query,
:mod:`~itinerary.geocode.matching` finds the records the name can mean,
:mod:`~itinerary.geocode.hints` reads qualifiers and hints, :mod:`~itinerary.geocode.ranking`
scores, scopes and gives confidences; the answers' shapes are in :mod:`~itinerary.geocode.answers`.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from typing import Any

from itinerary.errors import AmbiguityWarning, AmbiguousPlace, PlaceNotFound
from itinerary.geocode.answers import (
    SAME_PLACE_KM,
    WEIGHTS,
    Candidate,
    Weights,
    _raw,
    _same_place,
)
from itinerary.geocode.answers import _address as _address  # re-exported: geocode/toponyms.py imports
from itinerary.geocode.answers import _record_raw as _record_raw  # these two from here
from itinerary.geocode.gazetteer import Gazetteer
from itinerary.geocode.hints import Hint, HintReader
from itinerary.geocode.normalize import analyze
from itinerary.geocode.query import ParsedQuery, parse_query, parse_structured
from itinerary.geocode.ranking import QueryContext, Ranker, priors, renowns, wanted
from itinerary.geocode.records import LANDMARK_KINDS

AMBIGUOUS_BELOW = 0.6


class OfflineGeocoder:
    """Geocode place names with no network, on the embedded gazetteer.

    Parameters
    ----------
    gazetteer:
        The index to use; the shared default when omitted.
    strict:
        Raise :class:`~itinerary.errors.AmbiguousPlace` instead of warning when the best
        answer is ambiguous (confidence below ``ambiguous_below``, or a fuzzy match).
    """

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        *,
        strict: bool = False,
        ambiguous_below: float = AMBIGUOUS_BELOW,
        weights: Weights = WEIGHTS,
        **_geopy_kwargs: Any,
    ) -> None:
        self._gazetteer = gazetteer
        self.strict = strict
        self.ambiguous_below = ambiguous_below
        self.weights = weights

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = Gazetteer.default()
        return self._gazetteer

    # ------------------------------------------------------------ qualifiers and hints
    def _resolve_part(self, part: str) -> Hint:
        """What one qualifier names (see :meth:`HintReader.part`); toponyms reads it here."""
        return HintReader(self.gazetteer).part(part)

    def _parse_hint(self, hint: str | None) -> Hint:
        """The free-text hint (see :meth:`HintReader.hint`); the online chain reads it here."""
        return HintReader(self.gazetteer).hint(hint)

    # ------------------------------------------------------------ ranking
    @property
    def _priors(self) -> Any:
        """Prominence of every record (a NumPy array computed once per gazetteer)."""
        g = self.gazetteer
        if getattr(self, "_prior_for", None) is not g:
            # the renown once: the priors hold it, and the ranker reads it alone
            self._renown_array = renowns(g, self.weights)
            self._prior_array, self._prior_for = priors(g, self.weights, self._renown_array), g
        return self._prior_array

    @property
    def _renowns(self) -> Any:
        """The renown part of every record's prominence (computed with :attr:`_priors`)."""
        self._priors  # noqa: B018 - computed together
        return self._renown_array

    def _ranker(self) -> Ranker:
        """The scorer of this query (the weights and the threshold as they are now)."""
        return Ranker(self.gazetteer, self.weights, self._priors, self.ambiguous_below, self._renowns)

    def candidates(
        self,
        query: str | Mapping[str, str],
        *,
        hint: str | None = None,
        country: str | Sequence[str] | None = None,
        kind: str | None = None,
        near: Sequence[tuple[float, float]] = (),
        limit: int = 10,
    ) -> list[Candidate]:
        """Every plausible answer for ``query``, best first, with scores and confidences.

        ``query`` is free text ("Paris, TX") or a Nominatim-style structured dict;
        ``country`` restricts the answers to ISO 3166-1 codes (geopy's ``country_codes``);
        ``near`` is the trip's context: (lat, lon) points of the other stops.
        """
        parsed = self._parse(query)
        hints = HintReader(self.gazetteer)
        quals = [hints.part(q) for q in parsed.qualifiers]
        # "..., Woodside, California": the Woodside in California
        hints.place_points(parsed.qualifiers, quals)
        h = hints.hint(hint)
        for q in quals:  # kind words of an unresolved qualifier ("Vostochny, cosmodrome")
            h.kinds |= q.kinds
        qkinds = analyze(parsed.place).kinds
        x = QueryContext(
            parsed.place,
            [q for q in quals if q.resolved],
            h,
            qkinds,
            wanted(qkinds | h.kinds | ({kind} if kind else set())),
            wanted(qkinds),
            near,
            set().union(h.countries, *(q.countries for q in quals)),
            hint_text=hint or "",
            qual_texts=tuple(parsed.qualifiers),
            near_countries=self._countries_of(near),
        )
        return self._ranker().rank(x, country, limit)

    def _parse(self, query: str | Mapping[str, str]) -> ParsedQuery:
        """The place and its qualifiers, where the gazetteer knows the whole as one name."""
        parsed = parse_structured(query) if isinstance(query, Mapping) else parse_query(query)
        g = self.gazetteer
        if isinstance(query, str) and parsed.qualifiers and g.exact(analyze(query).key):
            parsed = ParsedQuery(query.strip())  # a name with a comma ("Royal Palace, Oslo")
        elif parsed.head != parsed.place and g.exact(analyze(parsed.head).key):  # "Halle (Saale)"
            parsed = ParsedQuery(parsed.head, parsed.qualifiers[parsed.in_head :], parsed.near)
        elif isinstance(query, str) and not parsed.qualifiers:
            parsed = self._trailing_country(parsed)
        return parsed

    def _trailing_country(self, parsed: ParsedQuery) -> ParsedQuery:
        """A query typed without its comma ("paris france", "st petersburg russia"): when the whole
        is no known name but it ends in a country's name after a known place's, that country
        qualifies the place, as "paris, france" would."""
        g = self.gazetteer
        words = parsed.place.split()
        if len(words) < 2 or g.exact(analyze(parsed.place).key):
            return parsed
        for n in (1, 2, 3):
            head, tail = " ".join(words[:-n]), " ".join(words[-n:])
            if not head:
                break
            country = any(g.record(i).kind == "country" for i in g.exact(analyze(tail).key))
            if country and g.exact(analyze(head).key):
                return ParsedQuery(head, (tail,), parsed.near)
        return parsed

    def _countries_of(self, points: Sequence[tuple[float, float]]) -> dict[str, float]:
        """The share of ``points`` in each country (by the nearest gazetteer place)."""
        if not points:
            return {}
        counts: dict[str, float] = {}
        for lat, lon in points:
            hits = self.gazetteer.nearest(lat, lon, k=1)
            if hits and hits[0][0].country_code:
                cc = hits[0][0].country_code
                counts[cc] = counts.get(cc, 0.0) + 1.0
        return {cc: n / len(points) for cc, n in counts.items()}

    def resolve(
        self,
        query: str | Mapping[str, str],
        *,
        hint: str | None = None,
        country: str | Sequence[str] | None = None,
        near: Sequence[tuple[float, float]] = (),
    ) -> Candidate:
        """The best candidate; warns (or raises when ``strict``) if it is ambiguous."""
        cands = self.candidates(query, hint=hint, country=country, near=near)
        if not cands:
            raise PlaceNotFound(str(query), self.gazetteer.suggestions(_place_text(query)))
        best = cands[0]
        if best.ambiguous:
            others = [c for c in cands[1:] if not _same_place(best.record, c.record)]
            if self.strict:
                raise AmbiguousPlace(str(query), [best, *others[:4]])
            self._warn(query, best, others, stacklevel=3)
        return best

    @staticmethod
    def _warn(query: Any, best: Candidate, others: list[Candidate], *, stacklevel: int) -> None:
        if best.match == "approximate":
            why = "nothing of that name lies there: the answer is the named place itself, approximately"
        elif best.match == "fuzzy":
            why = f"only a fuzzy match ({best.matched!r})"
        else:
            why = f"the runner-up is close: {others[0] if others else '?'}"
        warnings.warn(
            f"{query!r} resolved to {best} but {why}; add a hint or pin the stop",
            AmbiguityWarning,
            stacklevel=stacklevel + 1,
        )

    # ------------------------------------------------------------ geopy contract
    def geocode(
        self,
        query: str | Mapping[str, str],
        *,
        exactly_one: bool = True,
        limit: int | None = None,
        hint: str | None = None,
        country_codes: str | Sequence[str] | None = None,
        **_kwargs: Any,
    ) -> Any:
        """geopy-style geocode: None, one ``Location`` or a list of them.

        ``query`` may be a Nominatim-style dict; ``country_codes`` restricts the answers.
        An ambiguous or fuzzy best answer emits an :class:`AmbiguityWarning`.
        """
        from geopy.location import Location

        cands = self.candidates(
            query, hint=hint, country=country_codes, limit=1 if exactly_one else (limit or 10)
        )
        if not cands:
            return None
        if exactly_one and cands[0].ambiguous:
            others = self.candidates(query, hint=hint, country=country_codes, limit=2)[1:]
            self._warn(query, cands[0], others, stacklevel=2)
        locs = [Location(_address(c.record), (c.record.lat, c.record.lon, 0.0), _raw(c)) for c in cands]
        return locs[0] if exactly_one else locs

    def resolve_spans(
        self,
        text: str,
        spans: Sequence[tuple[int, int]],
        *,
        near: Sequence[tuple[float, float]] = (),
    ) -> list[Any]:
        """Resolve every toponym of a text together: one geopy ``Location`` (or None) per span.

        ``spans`` are the ``(start, end)`` character offsets of the toponyms in ``text`` (as
        ``text[start:end]``; any order, overlapping spans are allowed), typically every place
        name an extractor found in one article; ``near`` adds (lat, lon) points known to be
        part of the story (a trip's other stops). The answer of a span is chosen with the whole
        text as context: demonyms, abbreviations and continents (``"Turkish"``, ``"U.S."``,
        ``"Ont."``), qualifiers written after the name (``"London, Ont."``), one reading per
        name per text, the importance of each reading (a region against its namesake city) and
        the countries, admin-1 regions and distances of the other places, the dateline counting
        more (see :mod:`itinerary.geocode.toponyms`).

        Each ``Location.raw`` holds the record (``id``, ``name``, ``kind``, ``country_code``,
        ``admin1``), ``confidence``, ``match`` (exact, alternate, curated, qualified, demonym,
        abbreviation, continent, fuzzy, approximate), ``ambiguous``, ``approximate`` and
        ``runner_up`` (the best other reading, or None). A span with no answer is None.
        Raises ``ValueError`` for a span outside the text.
        """
        from itinerary.geocode.toponyms import resolve_spans

        return resolve_spans(self, text, spans, near=near)

    def reverse(
        self, query: Any, *, exactly_one: bool = True, limit: int | None = None, **_kwargs: Any
    ) -> Any:
        """geopy-style reverse: the nearest place(s) to a ``(lat, lon)`` pair or geopy Point."""
        from geopy.location import Location
        from geopy.point import Point

        p = Point(query)
        hits = self.gazetteer.nearest(p.latitude, p.longitude, k=1 if exactly_one else (limit or 5))
        locs = [
            Location(_address(r), (r.lat, r.lon, 0.0), {**_record_raw(r), "distance_km": d}) for r, d in hits
        ]
        if not locs:
            return None
        return locs[0] if exactly_one else locs


def _place_text(query: str | Mapping[str, str]) -> str:
    return query if isinstance(query, str) else parse_structured(query).place


__all__ = ["LANDMARK_KINDS", "SAME_PLACE_KM", "WEIGHTS", "Candidate", "OfflineGeocoder", "Weights"]
