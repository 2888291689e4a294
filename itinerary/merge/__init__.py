"""From many reports to trips: merge itineraries with provenance, as known on any day.

:func:`merge` combines itineraries (drafts extracted from articles, hand-written files, earlier
merges) into trips, one per traveller and journey:

* **Travellers** are matched by :mod:`itinerary.people`: the same name across spellings,
  titles and scripts, a part holding whole words ("Putin" in "Vladimir Putin"), or a known
  alias (flagged); look-alikes that are not matched are listed as kept apart. With several
  inputs, a name that is an institution, a country or a visited place is not a traveller: its
  trip, like a trip with no name, joins the traveller its own article names when they share a
  place (for review), else is left out and reported.
* **Trips** are cut by time: a traveller's stops split where more than ``TRIP_GAP_DAYS`` days
  pass without a stop (stops without a day follow their report's other stops, or the weeks
  around its publication); a trip's id and title carry its dates. One input keeps its trips.
* **Stops** are matched by place (the same gazetteer id, the same kind within a radius, or the
  same name when a side is not resolved) when their dates and roles agree and they happened
  at most ``TRIP_GAP_DAYS`` apart; a return to a place (days later, or origin against
  destination) stays a separate stop. A landmark inside a city visited the same day joins that
  stop, and so does a country stop when one city of that country is visited then.
* **Status** follows the latest source that speaks of the stop: planned becomes confirmed or
  cancelled, a confirmed stop never goes back to planned. **Dates** are reconciled to the
  most precise consistent value; disagreements set ``needs_review`` with a note naming the
  sources and their values. ``needs_review`` from any source is kept; a stop cancelled then
  back, a traveller matched by alias and a stop only one of many sources reports are noted.
* **Order** comes from the dates, then from the sources' own order, the earliest source first
  (a stop later cancelled stays where the plan had it), an undated origin first.
* **Provenance**: every stop keeps ``sources`` (the quote's first), ``history`` (what each
  source said) and ``corroboration`` (independent sources: copies of one agency text, found
  by near-identical quotes or the same URL, count once).

The result is a function of the set of inputs: they are put in an order of their own content
and ties are broken by publication day and source id, never by position; merging a merged
file again, with or without its drafts, gives the same file.

``as_of`` keeps only what was published by that day, so the trip can be shown as it was
known on any day (:func:`as_known_on`). A source without a publication date takes its file's
``as_of``; with neither, it is always kept. A merged file keeps the latest quote and all notes
of a stop, so an earlier state shows its status, date and sources, but no quote published later.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

from itinerary.errors import MergeError, MergeWarning
from itinerary.identity import UNKNOWN_TRAVELLER, unique_id
from itinerary.merge.cluster import _absorb, _cluster
from itinerary.merge.observe import _check_versions, _collect, _Inputs, _name, _observations
from itinerary.merge.reprints import _reprint_groups, _reprint_list
from itinerary.merge.stored import review_count
from itinerary.merge.travellers import _display_name, _is_unknown, _people, _Travellers, same_traveller
from itinerary.merge.trips import _as_given, _cut, _merge_trip
from itinerary.model import Itinerary, Source, Trip

__all__ = ["UNKNOWN_TRAVELLER", "MergeReport", "as_known_on", "merge", "merge_report", "same_traveller"]


@dataclass(frozen=True)
class MergeReport:
    """What a merge did: whom it matched, what it left out and what needs a look."""

    travellers: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (name kept, spellings merged)
    sources: tuple[str, ...] = ()  # source ids merged
    skipped: tuple[str, ...] = ()  # source ids published after as_of
    reprints: tuple[tuple[str, ...], ...] = ()  # groups of sources that are one text
    conflicts: tuple[str, ...] = ()  # "trip/place: note" for every disagreement kept
    disjoint: bool = False  # several inputs, no traveller in common
    refused: tuple[tuple[str, str], ...] = ()  # (name, why it is not a traveller, where its stops went)
    kept_apart: tuple[tuple[str, str], ...] = ()  # names that look alike, not taken as one person
    aliases: tuple[tuple[str, str], ...] = ()  # (name, name) joined by the known alias list only
    review: tuple[tuple[str, int], ...] = ()  # (trip id, stops that need review)

    def lines(self) -> list[str]:
        """The report as short lines for a terminal."""
        out = [f"traveller {name}: {', '.join(spell)}" for name, spell in self.travellers if len(spell) > 1]
        out += [f"taken as one person by alias: '{a}' and '{b}'" for a, b in self.aliases]
        out += [f"kept apart: '{a}' and '{b}'" for a, b in self.kept_apart]
        out += [f"not a traveller: '{n}' ({why})" for n, why in self.refused]
        out += [f"reprints counted once: {', '.join(g)}" for g in self.reprints]
        if self.skipped:
            out.append(f"published after the as-of date, left out: {', '.join(self.skipped)}")
        out += [f"needs review: {c}" for c in self.conflicts]
        out += [f"trip {t}: {n} stop{'s' if n != 1 else ''} to review" for t, n in self.review]
        return out


class _InputKey:
    """An order of the inputs that depends on what they say, never on where they were given:
    the earliest publication, the source ids, then the whole input's ``repr`` (made only for a
    tie, which is rare and costly to make for every input)."""

    __slots__ = ("head", "it")

    def __init__(self, it: Itinerary) -> None:
        published = min((s.published or it.as_of or dt.date.min for s in it.sources), default=dt.date.min)
        self.head = (published, tuple(sorted(s.id for s in it.sources)))
        self.it = it

    def __lt__(self, other: _InputKey) -> bool:
        if self.head != other.head:
            return self.head < other.head
        return repr(self.it) < repr(other.it)


def _input_key(it: Itinerary) -> _InputKey:
    return _InputKey(it)


def merge_report(
    itineraries: Sequence[Itinerary], *, as_of: dt.date | None = None
) -> tuple[Itinerary, MergeReport]:
    """:func:`merge`, with the :class:`MergeReport` of what was matched, skipped and disputed."""
    if not itineraries:
        raise MergeError("nothing to merge; give at least one itinerary")
    _check_versions(itineraries)
    itineraries = sorted(itineraries, key=_input_key)
    inputs = _collect(itineraries, as_of)
    observed = _observations(inputs, as_of)
    who = _people(inputs, observed, several=len(itineraries) > 1)
    used_sources = {o.source for p in who.people for t in p.obs for o in t if o.source}
    sources = {k: s for k, s in inputs.sources.items() if k in used_sources}
    clusters = [_absorb(_cluster([o for o in p.obs if o])) for p in who.people]
    groups = _reprint_groups([c for cs in clusters for c in cs], sources)
    known_on = as_of or max((s.published for s in sources.values() if s.published), default=None)
    made: list[tuple[Trip, list[str]]] = []
    travellers: list[tuple[str, tuple[str, ...]]] = []
    for person, cs in zip(who.people, clusters, strict=True):
        name = _display_name([n for n in person.names if not _is_unknown(n)] or [UNKNOWN_TRAVELLER])
        parts = _cut(cs) if len(itineraries) > 1 else _as_given(cs)
        alone = len(parts) == 1 or len(itineraries) == 1
        made += [_merge_trip(person, name, part, groups, known_on, alone) for part in parts]
        travellers.append((name, tuple(sorted(set(n for n in person.names if n)))))
    return _finish(_whole(itineraries, inputs, who), sources, groups, known_on, made, travellers, as_of)


@dataclass(frozen=True)
class _Whole:
    """What the merged file and its report need of all the inputs besides the trips: each input's
    title and ``as_of`` (in their order), the format version, the sources published too late,
    whether the inputs share no traveller, the names refused and the names' look-alikes."""

    heads: tuple[tuple[str | None, dt.date | None], ...]
    version: int
    skipped: tuple[str, ...]
    disjoint: bool
    refused: tuple[tuple[str, str], ...]
    kept_apart: tuple[tuple[str, str], ...]
    aliases: tuple[tuple[str, str], ...]


def _whole(itineraries: Sequence[Itinerary], inputs: _Inputs, who: _Travellers) -> _Whole:
    return _Whole(
        heads=tuple((it.title, it.as_of) for it in itineraries),
        version=itineraries[0].version,
        skipped=tuple(inputs.skipped),
        disjoint=len({i for p in who.people for i in p.inputs}) > 1
        and all(len(p.inputs) < 2 for p in who.people),
        refused=tuple(who.refused),
        kept_apart=who.kept_apart,
        aliases=who.aliases,
    )


def _finish(
    whole: _Whole,
    sources: dict[str, Source],
    groups: dict[str, int],
    known_on: dt.date | None,
    made: list[tuple[Trip, list[str]]],
    travellers: list[tuple[str, tuple[str, ...]]],
    as_of: dt.date | None,
) -> tuple[Itinerary, MergeReport]:
    """The merged itinerary and its report from every traveller's trips, in the people's order."""
    made.sort(key=lambda tc: (tc[0].traveller, tc[0].id))
    trips = _unique_ids([trip for trip, _ in made])
    conflicts = [c for _, notes in made for c in notes]
    ordered_sources = sorted(sources.values(), key=lambda s: (s.published or dt.date.max, s.id))
    itinerary = Itinerary(
        trips=tuple(trips),
        title=_title(whole.heads, trips, as_of, len(sources)),
        as_of=known_on,
        sources=tuple(ordered_sources),
        version=whole.version,
    )
    report = MergeReport(
        travellers=tuple(sorted(travellers)),
        sources=tuple(s.id for s in ordered_sources),
        skipped=whole.skipped,
        reprints=_reprint_list(groups),
        conflicts=tuple(conflicts),
        disjoint=whole.disjoint,
        refused=whole.refused,
        kept_apart=whole.kept_apart,
        aliases=whole.aliases,
        review=tuple((t.id, n) for t in trips if (n := review_count(t))),
    )
    return itinerary, report


def _unique_ids(trips: list[Trip]) -> list[Trip]:
    """The trips, each id made unique by :func:`itinerary.identity.unique_id` in their order (a
    trip whose id stays is the same object: a stored trip is not made whole)."""
    used: set[str] = set()
    out: list[Trip] = []
    for trip in trips:
        tid = unique_id(trip.id, used)
        used.add(tid)
        out.append(trip if tid == trip.id else dataclasses.replace(trip, id=tid))
    return out


_GENERATED_TITLE = re.compile(r": merged from \d+ reports?$")


def _title(
    heads: Sequence[tuple[str | None, dt.date | None]], trips: list[Trip], as_of: dt.date | None, sources: int
) -> str | None:
    """The inputs' title when they share one (``heads``: each input's title and ``as_of``); else
    the latest hand-written one, else the travellers' (a title made by an earlier merge is made
    again, so merging is idempotent)."""
    usable = [h for h in heads if as_of is None or h[1] is None or h[1] <= as_of]
    usable = usable or list(heads)
    titles = {title for title, _ in usable}
    if len(titles) == 1:
        return titles.pop()
    hand = [
        (title, day)
        for title, day in usable
        if title and not title.startswith("Draft") and not _GENERATED_TITLE.search(title)
    ]
    if hand:
        return max(hand, key=lambda h: (h[1] or dt.date.min, h[0] or ""))[0]
    names = ", ".join(dict.fromkeys(t.traveller for t in trips))
    return f"{names}: merged from {sources} report{'s' if sources != 1 else ''}"


def merge(itineraries: Sequence[Itinerary], *, as_of: dt.date | None = None) -> Itinerary:
    """One trip per traveller from several itineraries, every stop with all its sources.

    ``as_of`` keeps only sources published by that day. Warns (:class:`MergeWarning`) when
    several itineraries share no traveller; raises :class:`MergeError` when their format
    versions differ.
    """
    merged, report = merge_report(itineraries, as_of=as_of)
    if report.disjoint:
        warnings.warn(_disjoint_message(itineraries), MergeWarning, stacklevel=2)
    return merged


def _disjoint_message(itineraries: Sequence[Itinerary]) -> str:
    who = "; ".join(
        f"{_name(it, i)}: {', '.join(t.traveller for t in it.trips)}" for i, it in enumerate(itineraries)
    )
    return (
        f"the itineraries have no traveller in common ({who}); each trip comes from one of them. "
        "Merge reports about the same trip, or check how the travellers are named"
    )


def as_known_on(itinerary: Itinerary, day: dt.date) -> Itinerary:
    """The itinerary as it was known on ``day``: only what sources published by then said."""
    return merge([itinerary], as_of=day)
