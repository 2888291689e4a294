"""The extraction pipeline: the named steps run in order over a
:class:`~itinerary.extract.document.Document`, each timed; a step can be skipped by name.

    >>> Pipeline().names
    ('parse', 'persons', 'dates', 'names', 'places', 'titles', 'candidates')
"""

from __future__ import annotations

import time
from collections.abc import Collection, Sequence

# the step modules register their steps on import
from itinerary.extract import candidates as _candidates  # noqa: F401
from itinerary.extract.document import Document
from itinerary.extract.registry import Step, registered
from itinerary.extract.steps import clauses as _clauses  # noqa: F401
from itinerary.extract.steps import dates as _dates  # noqa: F401
from itinerary.extract.steps import persons as _persons  # noqa: F401
from itinerary.extract.steps import places as _places  # noqa: F401

#: the steps that read an article up to its candidates, in order
ANALYSIS = ("parse", "persons", "dates", "names", "places", "titles", "candidates")


class Pipeline:
    """Named steps in order; ``skip`` leaves some out (a step that needs what a skipped one writes
    finds it empty)."""

    def __init__(self, names: Sequence[str] = ANALYSIS, skip: Collection[str] = ()) -> None:
        steps = registered()
        unknown = [n for n in (*names, *skip) if n not in steps]
        if unknown:
            raise ValueError(
                f"no extraction step named {', '.join(map(repr, unknown))}; steps: {', '.join(steps)}"
            )
        self.steps: tuple[Step, ...] = tuple(steps[n] for n in names if n not in skip)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.steps)

    def describe(self) -> list[str]:
        """One line per step: its name, what it reads and writes, what it does."""
        return [f"{s.name}: {', '.join(s.reads)} -> {', '.join(s.writes)}: {s.summary}" for s in self.steps]

    def run(self, doc: Document) -> Document:
        """Run every step over ``doc``; the seconds each took go to ``doc.timings``."""
        for s in self.steps:
            t0 = time.perf_counter()
            s.run(doc)
            doc.timings[s.name] = time.perf_counter() - t0
        return doc
