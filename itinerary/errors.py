"""The exception and warning hierarchy: one root, :class:`ItineraryError`.

Each subclass also derives from the builtin it resembles, so callers may catch
``ValueError`` or ``LookupError`` without knowing this package.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


class ItineraryError(Exception):
    """Root of every error raised by itinerary."""


class ValidationError(ItineraryError, ValueError):
    """Bad data in an itinerary file or object.

    ``source`` is the file (or ``None``), ``line`` the 1-based line (or ``None``) and
    ``path`` the key path such as ``trips[0].stops[2].status``.
    """

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        path: str | None = None,
    ) -> None:
        self.message = message
        self.source = source
        self.line = line
        self.path = path
        self.problems: list[ValidationError] = [self]  # all of them when a file has several
        super().__init__(self._format())

    def _format(self) -> str:
        where = []
        if self.source:
            where.append(str(self.source) + (f":{self.line}" if self.line else ""))
        elif self.line:
            where.append(f"line {self.line}")
        if self.path:
            where.append(self.path)
        prefix = ": ".join(where)
        return f"{prefix}: {self.message}" if prefix else self.message


class PlaceNotFound(ItineraryError, LookupError):
    """No gazetteer entry matches a query; ``suggestions`` holds the nearest names."""

    def __init__(self, query: str, suggestions: Sequence[str] = ()) -> None:
        self.query = query
        self.suggestions = list(suggestions)
        hint = f"; did you mean: {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(
            f"unknown place {query!r}{hint} "
            "(check the spelling or add the country, e.g. 'Vanimo, Papua New Guinea'; in a trip file, "
            "give a hint or pin the stop with lat/lon; or ask an online geocoder with --online)"
        )


class AmbiguousPlace(ItineraryError, LookupError):
    """Several candidates fit a query about equally well (raised in strict mode)."""

    def __init__(self, query: str, candidates: Sequence[Any]) -> None:
        self.query = query
        self.candidates = list(candidates)
        names = "; ".join(str(c) for c in self.candidates[:5])
        super().__init__(
            f"ambiguous place {query!r}: {names} (add a hint such as a region or country, "
            "or pin the stop with lat/lon)"
        )


class GeocoderUnavailable(ItineraryError, OSError):
    """An online geocoding service could not be reached or refused the request."""


class FileError(ItineraryError, OSError):
    """A file could not be read or written; the message names it, the reason and the fix."""


class CacheError(ItineraryError, OSError):
    """A cache file is unreadable or corrupt; deleting it fixes the problem."""


class NoRoute(ItineraryError):
    """No route could be found between two places for the requested mode."""


class ExtractionError(ItineraryError):
    """An article could not be turned into a draft itinerary."""


class MergeError(ItineraryError, ValueError):
    """Itineraries that cannot be merged (different format versions, say)."""


class MissingDependency(ItineraryError, ImportError):
    """An optional dependency is not installed; the message gives the install command."""


class ItineraryWarning(UserWarning):
    """Root of every warning issued by itinerary."""


class AmbiguityWarning(ItineraryWarning):
    """A place was resolved, but a runner-up candidate came close."""


class RoutingWarning(ItineraryWarning):
    """A leg fell back to a simpler geometry than its mode asks for."""


class GeocoderWarning(ItineraryWarning):
    """An online geocoder failed and the offline answer was used instead."""


class MergeWarning(ItineraryWarning):
    """A merge went through but something needs a look (no traveller in common, say)."""
