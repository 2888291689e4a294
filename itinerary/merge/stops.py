"""One stop from its reports: a value for every field of the field table by its ``merge`` policy
(the status by :func:`itinerary.identity.latest_status`, dates reconciled), and the stops of a
trip in travel order.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from anyascii import anyascii

from itinerary import fields
from itinerary.fields import Field
from itinerary.identity import in_travel_order, latest_status
from itinerary.merge.cluster import _SPECIFIC, _Cluster, _lead
from itinerary.merge.observe import _Obs
from itinerary.merge.places import _coarse_kind
from itinerary.model import DateSpan, Precision, Report, Role, Status, Stop

MANY_SOURCES = 3  # a trip reported by this many independent sources flags a stop only one reports


def _status(obs: list[_Obs]) -> tuple[Status, _Obs, list[str]]:
    """The stop's status by :func:`itinerary.identity.latest_status`, the report that decided it and
    the notes for review."""
    ordered = sorted(obs, key=lambda o: o.sort_key)
    verdict = latest_status([(o.source, o.status) for o in ordered])
    return verdict.status, ordered[verdict.decider], list(verdict.notes)


def _span_text(start: dt.date, end: dt.date) -> str:
    return start.isoformat() if start == end else f"{start.isoformat()}/{end.isoformat()}"


def _dates(obs: list[_Obs]) -> tuple[DateSpan, list[str]]:
    """The most precise value all sources agree with; else the latest source's, with a note."""
    dated = [o for o in sorted(obs, key=lambda o: o.sort_key) if o.date.known]
    if not dated:
        return DateSpan(), []
    rank = {Precision.DAY: 0, Precision.MONTH: 1, Precision.YEAR: 2, Precision.UNKNOWN: 3}
    finest = min(rank[o.date.precision] for o in dated)
    fine = [o for o in dated if rank[o.date.precision] == finest]
    # every two overlap (``_gap_days`` <= 0): the latest start is not after the earliest end
    consistent = len(dated) < 2 or (
        all(o.date.start and o.date.end for o in dated)
        and max(o.date.start for o in dated if o.date.start) <= min(o.date.end for o in dated if o.date.end)
    )
    if consistent:
        if finest == 0:
            start = min(o.date.start for o in fine if o.date.start)
            end = max(o.date.end for o in fine if o.date.end)
            return DateSpan.parse(_span_text(start, end)), []
        return fine[-1].date, []
    values: dict[str, list[str]] = {}
    for o in dated:
        values.setdefault(str(o.date), []).append(o.source or "a source without id")
    said = "; ".join(f"{', '.join(dict.fromkeys(s))}: {v}" for v, s in values.items())
    agree = Counter(str(o.date) for o in fine)
    best = max(
        fine,
        key=lambda o: (
            o.sort_key[0],
            o.date == o.stop.date,
            _SPECIFIC[_coarse_kind(o.stop)],
            agree[str(o.date)],
            o.sort_key[1:],
        ),
    )
    kept = best.date
    return kept, [f"dates disagree ({said}); kept {kept} from the latest, most precise report"]


def _role(obs: list[_Obs]) -> Role:
    """The latest report's role; an origin stays an origin (drafts rarely say where a trip began)."""
    if any(o.stop.role is Role.ORIGIN for o in obs):
        return Role.ORIGIN
    return obs[-1].stop.role


def _place_text(obs: list[_Obs], lead: _Obs) -> str | None:
    kind = _coarse_kind(lead.stop)
    same = [o for o in obs if _coarse_kind(o.stop) == kind and o.stop.place]
    latin = [o.stop.place for o in same if o.stop.place and anyascii(o.stop.place) == o.stop.place]
    if latin:
        counts = Counter(latin)
        return max(reversed(latin), key=lambda p: counts[p])
    if lead.stop.resolved is not None:
        return lead.stop.resolved.name
    return lead.stop.place


def _unconfirmed(status: Status, date: DateSpan, obs: list[_Obs], known_on: dt.date | None) -> str | None:
    """A planned stop whose day has passed by ``known_on`` while no report since says what became
    of it: kept planned (that is what was reported), with a note asking for a later source."""
    if status is not Status.PLANNED or known_on is None or date.end is None or date.end >= known_on:
        return None
    latest = max((o.published for o in obs if o.published), default=None)
    if latest is not None and latest > date.end:
        return None
    said = f" (last reported on {latest.isoformat()})" if latest else ""
    return (
        f"planned for {date}{said}; no report after that date says whether it happened, "
        f"as known on {known_on.isoformat()}"
    )


@dataclass(frozen=True)
class _Merging:
    """What the policies of a stop's fields read: its reports in publication order, the status
    and date worked out once, the report that names the place and the one whose quote is kept."""

    obs: list[_Obs]
    cluster: _Cluster
    status: Status
    date: DateSpan
    lead: _Obs
    quoted: _Obs
    sources: tuple[str, ...]
    corroboration: int
    notes: list[str]  # disagreements found by the merge (they set needs_review)
    stale: str | None  # a planned stop whose day has passed with no later word

    def values(self, name: str) -> list[object]:
        """The field's value in each report, the latest last."""
        return [getattr(o.stop, name) for o in self.obs]


def _latest(f: Field, m: _Merging) -> object:
    """The latest report that gives a value, else the latest report's own."""
    values = m.values(f.name)
    return next((v for v in reversed(values) if v), values[-1])


def _lead_value(f: Field, m: _Merging) -> object:
    """The value of the report that names the place (see ``_lead``), else the latest given."""
    return getattr(m.lead.stop, f.name) or _latest(f, m)


def _max(f: Field, m: _Merging) -> object:
    given = [v for v in m.values(f.name) if v is not None]
    return max(given) if given else None  # type: ignore[type-var]


def _pinned(f: Field, m: _Merging) -> object:
    """The coordinates of the latest report that pins the stop."""
    pinned = next((o.stop for o in reversed(m.obs) if o.stop.pinned), None)
    return getattr(pinned, f.name) if pinned else None


def _notes(f: Field, m: _Merging) -> str | None:
    own = [part for o in m.obs if o.stop.note for part in o.stop.note.split(" | ")]
    if m.cluster.landmarks:
        own.append("landmarks: " + ", ".join(sorted(set(m.cluster.landmarks))))
    note = list(dict.fromkeys([*own, *m.cluster.notes, *m.notes, *([m.stale] if m.stale else [])]))
    return " | ".join(note) or None


def _history(f: Field, m: _Merging) -> tuple[Report, ...]:
    history = tuple(dict.fromkeys(Report(o.source, o.status, o.date) for o in m.obs if o.source))
    return history if len(history) > 1 or len(m.sources) > 1 else ()


#: How a stop's value is made from its reports, by the ``merge`` column of the field table.
POLICIES: dict[str, Callable[[Field, _Merging], Any]] = {
    "latest": _latest,
    "lead": _lead_value,
    "max": _max,
    "union": lambda f, m: m.sources if len(m.sources) > 1 else (),
    "status": lambda f, m: m.status,
    "date": lambda f, m: m.date,
    "naming": lambda f, m: _place_text(m.obs, m.lead),
    "role": lambda f, m: _role(m.obs),
    "pinned": _pinned,
    "quoted": lambda f, m: m.quoted.quote if f.name == "quote" else (m.sources[0] if m.sources else None),
    "notes": _notes,
    "review": lambda f, m: bool(m.notes) or m.stale is not None or any(o.stop.needs_review for o in m.obs),
    "independent": lambda f, m: m.corroboration,
    "history": _history,
}


def _build_stop(
    c: _Cluster, groups: dict[str, int], known_on: dt.date | None, independent: int
) -> tuple[Stop, list[str]]:
    """One stop from its reports, a value for every field of the field table by its merge policy;
    ``independent`` is how many independent sources its trip has."""
    m = _merging(c, groups, known_on, independent)
    values: dict[str, Any] = {f.name: POLICIES[f.merge](f, m) for f in fields.STOP if not f.derived}
    return Stop(**values), m.notes


def _merging(c: _Cluster, groups: dict[str, int], known_on: dt.date | None, independent: int) -> _Merging:
    obs = sorted(c.obs, key=lambda o: o.sort_key)
    status, decider, notes = _status(obs)
    date, date_notes = _dates(obs)
    notes += date_notes
    quoted = decider if decider.quote else next((o for o in reversed(obs) if o.quote), decider)
    srcs = tuple(s for s in dict.fromkeys([quoted.source, *(o.source for o in obs)]) if s)
    corroboration = len({groups.get(s, 0) for s in srcs}) if srcs else 0
    aliases = sorted({o.alias for o in obs if o.alias})
    if aliases:
        notes.append(
            f"traveller named {', '.join(repr(a) for a in aliases)}, taken as the same person by alias"
        )
    if independent >= MANY_SOURCES and corroboration == 1 and status is not Status.CANCELLED:
        notes.append(f"reported by one source of the {independent} about this trip")
    stale = _unconfirmed(status, date, obs, known_on)
    return _Merging(obs, c, status, date, _lead(c), quoted, srcs, corroboration, notes, stale)


def _order(clusters: list[_Cluster], stops: list[Stop]) -> list[Stop]:
    """Sources' own order (each trip's stops inserted after the one before them, the earliest
    source first, so a stop later cancelled stays where the plan had it), then dates; an origin
    without a date comes first."""
    seq: list[int] = []
    by_trip: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for i, c in enumerate(clusters):
        for o in c.obs:
            by_trip[o.trip_key].append((o.seq, i))
    first: dict[int, tuple[dt.date, str, int]] = {}
    for c in clusters:
        for o in c.obs:
            first[o.trip_key] = min(first.get(o.trip_key, o.sort_key), o.sort_key)
    for key in sorted(first, key=first.__getitem__):  # the earliest source lays out the plan
        order = list(dict.fromkeys(i for _, i in sorted(by_trip[key])))
        known = [i for i in order if i in seq]
        prev = (
            seq.index(known[0]) - 1 if known else len(seq) - 1
        )  # new leading stops go before the first known
        for i in order:
            if i in seq:
                prev = seq.index(i)
            else:
                seq.insert(prev + 1, i)
                prev += 1
    return list(in_travel_order(stops[i] for i in seq))
