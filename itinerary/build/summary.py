"""What a build reports: the plan before the first article, the summary at the end, and the
reporter protocol that receives progress in between."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from itinerary.build.engine import Outcome


@dataclass(frozen=True)
class Plan:
    """What a run is about to do; given to the reporter before the first article."""

    total: int
    to_extract: int
    reused: int
    engine: str
    workers: int
    dashboard: str | None = None
    note: str | None = None


@dataclass
class Summary:
    """What a run did. ``failures`` are (origin, reason) pairs, in input order. ``ok`` counts
    the articles that gave a draft; the ones with no trip (screened out, or read and found empty)
    are neither ok nor failed."""

    total: int = 0
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    extracted: int = 0
    seconds: float = 0.0
    map_seconds: float = 0.0
    merge_seconds: float = 0.0  # reading, merging and writing the drafts (0 when up to date)
    merged: int = 0  # drafts merged by this run (0 when the merged files were up to date)
    sent: int = 0  # articles handed to the engine (past the screen's first pass)
    screen_seconds: float = 0.0  # of the map step, spent in the screen's first pass (in this process)
    trips: int = 0
    stops: int = 0
    workers: int = 0
    engine: str = "nothing to extract"
    failures: list[tuple[str, str]] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    review: list[tuple[str, int]] = field(default_factory=list)  # (trip id, stops to review) when merged
    undated: int = 0  # drafts merged whose article had no publication date
    #: Drafts the merge read (the changed ones and those of the travellers they touch; all of them
    #: when it merged every draft) and why it merged every draft (None: only the touched travellers).
    drafts_read: int = 0
    merged_all: str | None = None
    #: Articles the screen sent to "no trip" without extracting them (this run and earlier ones).
    screened: int = 0
    #: Articles read in full in which the extractor found no trip (no draft, no failure).
    no_trip: int = 0
    #: What the user should know about: kept or moved hand edits, renamed articles, removed
    #: drafts, manifest lines skipped.
    notes: list[str] = field(default_factory=list)
    #: Why no merged file was written (no article gave a draft, nothing published by --as-of).
    nothing_merged: str | None = None

    @property
    def rate(self) -> float:
        """Articles extracted per second of the map step (cluster start-up not counted)."""
        return self.extracted / self.map_seconds if self.map_seconds > 0 else 0.0

    def line(self) -> str:
        """The one-line summary printed at the end of a run."""
        speed = f"{self.rate:.2f} articles/s on {self.engine}"
        extracted = (
            f"{self.extracted} extracted in {self.map_seconds:.1f} s ({speed})"
            if self.extracted
            else "nothing to extract"
        )
        return (
            f"{self.ok} ok, {self.failed} failed, "
            + (f"{self.screened} screened out as holding no trip, " if self.screened else "")
            + (f"{self.no_trip} read with no trip found, " if self.no_trip else "")
            + f"{self.skipped} skipped as finished; {extracted}; "
            f"{self.trips} trips, {self.stops} stops"
            + (f" ({sum(n for _, n in self.review)} to review)" if self.review else "")
            + (f"; the merge read {self.drafts_read} of {self.merged} drafts" if self.merged else "")
            + (f" ({self.merged_all})" if self.merged and self.merged_all else "")
            + f"; {self.seconds:.1f} s in all"
        )


class Reporter(Protocol):
    """Receives progress: the plan, each finished article, the end of the map step."""

    def start(self, plan: Plan) -> None: ...

    def advance(self, outcome: Outcome) -> None: ...

    def finish(self) -> None: ...


class Silent:
    """A reporter that reports nothing (the default of :func:`~itinerary.build.build`)."""

    def start(self, plan: Plan) -> None:
        return None

    def advance(self, outcome: Outcome) -> None:
        return None

    def finish(self) -> None:
        return None


def exit_code(summary: Summary) -> int:
    """0 when no article failed (one with no trip is no failure) and the merge wrote its files,
    1 otherwise."""
    return 1 if summary.failed or summary.nothing_merged else 0
