"""What changed between two versions of an itinerary (say, the reports of 14 and 18 September).

Trips are paired by id; stops within a trip are aligned in order by place (the resolved
place id when both sides have one, else the normalised name), so a place visited twice is
two stops. Each aligned pair reports the status and date changes; a stop that only moved in
the order (its date changed) is paired all the same; unpaired stops are ``added`` or ``removed``.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

from itinerary.geocode.normalize import normalize
from itinerary.model import Itinerary, Stop, Trip

CHANGE_KINDS = ("added", "removed", "status", "date", "status+date", "unchanged")
COLUMNS = ["trip", "traveller", "place", "change", "old_status", "new_status", "old_date", "new_date"]


@dataclass(frozen=True)
class StopChange:
    """One row of a diff: a stop added, removed, or changed in status or date."""

    trip_id: str
    traveller: str | None
    place: str
    change: str
    old_status: str | None = None
    new_status: str | None = None
    old_date: str | None = None
    new_date: str | None = None

    def to_dict(self) -> dict[str, Any]:
        values = [self.trip_id, self.traveller, self.place, self.change]
        values += [self.old_status, self.new_status, self.old_date, self.new_date]
        return dict(zip(COLUMNS, values, strict=True))


def _key(stop: Stop) -> str:

    if stop.place:
        return normalize(stop.place)
    if stop.resolved is not None:
        return stop.resolved.id
    return f"{stop.lat:.3f},{stop.lon:.3f}"


def _date(stop: Stop) -> str | None:
    return str(stop.date) if stop.date.known else None


def _trip_changes(old: Trip | None, new: Trip | None, *, unchanged: bool) -> list[StopChange]:
    ref = new or old
    assert ref is not None
    olds = old.stops if old else ()
    news = new.stops if new else ()
    out: list[StopChange] = []

    def row(change: str, a: Stop | None, b: Stop | None) -> StopChange:
        stop = b or a
        assert stop is not None
        return StopChange(
            ref.id,
            ref.traveller,
            stop.label,
            change,
            a.status.value if a else None,
            b.status.value if b else None,
            _date(a) if a else None,
            _date(b) if b else None,
        )

    def changed(a: Stop, b: Stop) -> None:
        checks = (("status", a.status != b.status), ("date", a.date != b.date))
        parts = [name for name, differs in checks if differs]
        if parts or unchanged:
            out.append(row("+".join(parts) or "unchanged", a, b))

    old_keys, new_keys = [_key(s) for s in olds], [_key(s) for s in news]
    matcher = difflib.SequenceMatcher(a=old_keys, b=new_keys, autojunk=False)
    opcodes = matcher.get_opcodes()
    moved = _moved(old_keys, new_keys, opcodes)
    for op, i1, i2, j1, j2 in opcodes:
        if op == "equal":
            for a, b in zip(olds[i1:i2], news[j1:j2], strict=True):
                changed(a, b)
            continue
        out.extend(row("removed", olds[i], None) for i in range(i1, i2) if i not in moved.values())
        for j in range(j1, j2):
            if j in moved:  # the same stop, moved in the list (its date changed): one change
                changed(olds[moved[j]], news[j])
            else:
                out.append(row("added", None, news[j]))
    return out


def _moved(old_keys: list[str], new_keys: list[str], opcodes: list[Any]) -> dict[int, int]:
    """Stops left unpaired by the alignment but present on both sides: new index -> old index.

    A stop whose date changed may move in the trip's order; the alignment then sees it removed
    in one place and added in another. Each unpaired new stop takes the first unpaired old stop
    of the same place (a second visit to a place already paired stays ``added``).
    """
    left = [i for op, i1, i2, _, _ in opcodes if op != "equal" for i in range(i1, i2)]
    out: dict[int, int] = {}
    for op, _, _, j1, j2 in opcodes:
        if op == "equal":
            continue
        for j in range(j1, j2):
            i = next((i for i in left if old_keys[i] == new_keys[j]), None)
            if i is not None:
                left.remove(i)
                out[j] = i
    return out


def diff(old: Itinerary, new: Itinerary, *, unchanged: bool = False) -> list[StopChange]:
    """The stop-level changes from ``old`` to ``new``, trip by trip in ``new``'s order."""
    old_trips = {t.id: t for t in old.trips}
    new_ids = {t.id for t in new.trips}
    out: list[StopChange] = []
    for t in new.trips:
        out.extend(_trip_changes(old_trips.get(t.id), t, unchanged=unchanged))
    for t in old.trips:
        if t.id not in new_ids:
            out.extend(_trip_changes(t, None, unchanged=unchanged))
    return out


def diff_table(old: Itinerary, new: Itinerary, *, unchanged: bool = False) -> Any:
    """:func:`diff` as a pandas DataFrame (one row per change)."""
    import pandas as pd

    rows = [c.to_dict() for c in diff(old, new, unchanged=unchanged)]
    return pd.DataFrame(rows, columns=COLUMNS)
