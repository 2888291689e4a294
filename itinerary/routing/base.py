"""The Router strategy: one public ``route()``, one hook to override."""

from __future__ import annotations

from abc import ABC, abstractmethod

from itinerary.errors import ValidationError
from itinerary.model import Basis, Leg, Mode, Stop


def stop_latlon(stop: Stop) -> tuple[float, float]:
    ll = stop.latlon
    if ll is None:
        raise ValidationError(
            f"stop {stop.label!r} has no coordinates; run 'itinerary resolve' or pin lat/lon"
        )
    return ll


class Router(ABC):
    """Turns two stops and a mode into a :class:`~itinerary.model.Leg`.

    Subclasses implement :meth:`_route`; :meth:`route` checks the input.
    """

    def route(self, a: Stop, b: Stop, mode: Mode, basis: Basis = Basis.REPORTED) -> Leg:
        """The leg from ``a`` to ``b`` travelled by ``mode``.

        ``basis`` says whether the mode was reported or assumed; the leg's ``drawn`` says how
        the router drew the path (a rail router that cannot follow the rails draws a great circle).
        """
        stop_latlon(a)
        stop_latlon(b)
        return self._route(a, b, mode, basis)

    @abstractmethod
    def _route(self, a: Stop, b: Stop, mode: Mode, basis: Basis) -> Leg:
        """Compute the leg (both stops have coordinates)."""
