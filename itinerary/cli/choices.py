"""The CLI's choice lists, each read from the registry that defines it.

A registry may live in a module with heavy imports (the print map's sizes beside matplotlib,
the online services beside geopy), so :class:`RegistryChoice` reads it when a command first
needs the list (to check a value, or to show its ``--help``), not when the CLI starts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import click

__all__ = ["MAP_LANGUAGES", "ONLINE_SERVICES", "PRINT_SIZES", "RegistryChoice"]


class RegistryChoice(click.Choice):  # type: ignore[type-arg]
    """A :class:`click.Choice` whose values come from ``load()``, called once when first needed."""

    def __init__(self, load: Callable[[], Iterable[str]], case_sensitive: bool = True) -> None:
        self._load = load
        self._loaded: tuple[str, ...] | None = None
        self.case_sensitive = case_sensitive

    @property
    def choices(self) -> tuple[Any, ...]:
        if self._loaded is None:
            self._loaded = tuple(self._load())
        return self._loaded

    @choices.setter
    def choices(self, values: Sequence[Any]) -> None:
        self._loaded = tuple(values)


def _online_services() -> Iterable[str]:
    from itinerary.geocode.online import PROVIDERS

    return PROVIDERS


def _map_languages() -> Iterable[str]:
    from itinerary.render.map import map_languages

    return map_languages()


def _print_sizes() -> Iterable[str]:
    from itinerary.render.static import SIZES

    return SIZES


#: ``--online``: the online geocoding services (:data:`itinerary.geocode.online.PROVIDERS`).
ONLINE_SERVICES = RegistryChoice(_online_services)
#: ``map --lang``: the page catalogues' and the offline basemap's languages
#: (:func:`itinerary.render.map.map_languages`).
MAP_LANGUAGES = RegistryChoice(_map_languages)
#: ``map --size``: the print map's sizes (:data:`itinerary.render.static.SIZES`).
PRINT_SIZES = RegistryChoice(_print_sizes)
