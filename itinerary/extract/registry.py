"""The extraction steps by name: each is a plain function over a
:class:`~itinerary.extract.document.Document`, registered with what it reads and what it writes
(as spaCy registers its pipeline components). :mod:`itinerary.extract.pipeline` runs them in order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from itinerary.extract.document import Document

StepFunction = Callable[[Document], None]


@dataclass(frozen=True)
class Step:
    """One named step: ``run`` reads the fields named in ``reads`` and writes those in ``writes``."""

    name: str
    run: StepFunction
    reads: tuple[str, ...]
    writes: tuple[str, ...]
    summary: str  # the first line of its docstring


_STEPS: dict[str, Step] = {}


def step(
    name: str, *, reads: tuple[str, ...], writes: tuple[str, ...]
) -> Callable[[StepFunction], StepFunction]:
    """Register a function as the step ``name`` (a second step of the same name is an error)."""

    def register(fn: StepFunction) -> StepFunction:
        if name in _STEPS:
            raise ValueError(f"two extraction steps are named {name!r}")
        summary = (fn.__doc__ or "").strip().splitlines()[0] if fn.__doc__ else ""
        _STEPS[name] = Step(name, fn, reads, writes, summary)
        return fn

    return register


def registered() -> dict[str, Step]:
    """Every registered step by name."""
    return dict(_STEPS)
