"""A review's save, applied to the draft: the page's edits onto the trip file's ruamel tree.

:class:`DraftEditor` checks every edit the page sent (trip and stop indexes, place, status,
role, date, and a resolved place only among those the review offered), removes, inserts, moves
and updates stops in the YAML sequence (a stop's own comments stay with it), and returns one
:class:`~itinerary.review.corrections.Decision` per choice the person made, including the
dropped candidates they left dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from itinerary.errors import ItineraryError
from itinerary.model import DateSpan, Itinerary, Place, Role, Status
from itinerary.review.corrections import Decision
from itinerary.review.marks import Marks, MentionInfo


class EditError(ItineraryError, ValueError):
    """An edit the page sent that the trip file cannot take (a bad date, an unknown place)."""


@dataclass
class DraftEditor:
    """The edits of one save, checked against the draft as the review read it."""

    itinerary: Itinerary  # the draft as last read or written
    marks: Marks
    offered: dict[str, Place]  # places the page may choose, by id
    draft: Path
    article_path: Path
    corrections: Path
    article_sha256: str

    def apply(self, doc: Any, edits: dict[str, Any]) -> list[Decision]:
        """The edits applied to ``doc`` (the draft's ruamel tree, changed in place); the decisions."""
        trips = doc.get("trips") or []
        listed: list[tuple[int, list[Any]]] = []
        for te in _list(edits.get("trips"), "trips"):
            ti = _int(te.get("index"), "trip index")
            if not 0 <= ti < len(trips) or ti >= len(self.itinerary.trips) or ti in dict(listed):
                raise EditError(f"no trip {ti} in {self.draft.name}, or named twice")
            listed.append((ti, _list(te.get("stops"), "stops")))
        maps = {ti: list(trips[ti]["stops"]) for ti, _ in listed}  # before any change
        placed: dict[tuple[int, int], int] = {}  # (trip, stop) of the draft -> the trip it is in now
        for ti, stops in listed:
            for st in stops:
                if st.get("orig") is None:
                    continue
                key = (_from_trip(st, ti), _int(st["orig"], "stop"))
                if key[0] not in maps or not 0 <= key[1] < len(maps[key[0]]) or key in placed:
                    raise EditError(f"the page named stop {key[1]} of trip {key[0]}, which it cannot")
                placed[key] = ti
        decisions: list[Decision] = []
        for ti, stops in listed:
            decisions += self._apply_trip(trips[ti]["stops"], ti, stops, maps, placed)
        used = {st.get("mention") for _, stops in listed for st in stops}
        decisions += [self._left(m) for m in self.marks.mentions if m.kind == "dropped" and m.id not in used]
        return decisions

    def _apply_trip(
        self,
        seq: Any,
        ti: int,
        stops: list[Any],
        maps: dict[int, list[Any]],
        placed: dict[tuple[int, int], int],
    ) -> list[Decision]:
        """The page's stops of one trip, in the page's order, onto the trip's YAML sequence: a
        stop the page left out is removed, a new one inserted, one moved from another trip
        taken over, a reviewed one updated in place (its own comments stay with it)."""
        trip = self.itinerary.trips[ti]
        stay = [
            _int(s["orig"], "stop") for s in stops if s.get("orig") is not None and _from_trip(s, ti) == ti
        ]
        decisions: list[Decision] = []
        gone = sorted((o for o in range(len(maps[ti])) if placed.get((ti, o)) != ti), reverse=True)
        for orig in gone:
            if (ti, orig) not in placed:  # not moved to another trip: rejected
                old = trip.stops[orig]
                decisions.append(self._decision("reject", trip.traveller, None, old.quote, old.place))
        items = []
        for s in stops:
            fields = self._fields(s, trip.id)
            if s.get("orig") is None:
                items.append(self._new_stop(s, fields))
                decisions.append(self._decision("add", trip.traveller, s, None, None, fields))
                continue
            src, orig = _from_trip(s, ti), _int(s["orig"], "stop")
            ymap = maps[src][orig]
            items.append(ymap)
            if not s.get("reviewed") and src == ti:
                continue
            old = self.itinerary.trips[src].stops[orig]
            changed = self._set_fields(ymap, old, fields) or src != ti
            ymap["reviewed"] = True
            ymap.pop("needs_review", None)
            action = "edit" if changed else "accept"
            decisions.append(self._decision(action, trip.traveller, s, old.quote, old.place, fields))
        if stay != sorted(stay):  # reordered: the sequence rebuilt in the page's order
            del seq[:]
            seq.extend(items)
            return decisions
        for orig in gone:
            del seq[orig]
        for pos, item in enumerate(items):
            if pos >= len(seq) or seq[pos] is not item:
                seq.insert(pos, item)
        return decisions

    def _new_stop(self, s: dict[str, Any], fields: dict[str, Any]) -> Any:
        """A stop the person added (from a mention), as the trip file writes it."""
        from ruamel.yaml.comments import CommentedMap

        new = CommentedMap()
        new["place"] = fields["place"]
        new["status"] = fields["status"]
        if fields.get("date"):
            new["date"] = fields["date"]
        if fields["role"] != Role.VISIT.value:
            new["role"] = fields["role"]
        source = self.itinerary.sources[0].id if self.itinerary.sources else None
        if source:
            new["source"] = source
        m = self._mention(s)
        if m is not None:
            new["quote"] = m.sentence_text.strip()
        new["reviewed"] = True
        if fields.get("resolved") is not None:
            new["resolved"] = CommentedMap(fields["resolved"])
        return new

    def _set_fields(self, ymap: Any, old: Any, fields: dict[str, Any]) -> bool:
        from ruamel.yaml.comments import CommentedMap

        changed = False
        if fields["place"] != (old.place or old.label):
            ymap["place"] = fields["place"]
            changed = True
        if fields["status"] != old.status.value:
            ymap["status"] = fields["status"]
            changed = True
        old_date = old.date.text if old.date.known else ""
        if (fields.get("date") or "") != old_date:
            if fields.get("date"):
                ymap["date"] = fields["date"]
            else:
                ymap.pop("date", None)
            changed = True
        if fields["role"] != old.role.value:
            ymap["role"] = fields["role"]
            changed = True
        new_res = fields.get("resolved")
        old_res = old.resolved.to_dict() if old.resolved else None
        if new_res is not None and (old_res is None or new_res["id"] != old_res["id"]):
            ymap["resolved"] = CommentedMap(new_res)
            changed = True
        return changed

    def _fields(self, s: dict[str, Any], trip_id: str) -> dict[str, Any]:
        where = f"trip {trip_id}, stop {s.get('place')!r}"
        place = str(s.get("place") or "").strip()
        if not place:
            raise EditError(f"{where}: the place is empty; type its name")
        status = str(s.get("status"))
        if status not in {x.value for x in Status}:
            raise EditError(f"{where}: status {status!r} is none of confirmed, planned, cancelled")
        role = str(s.get("role") or Role.VISIT.value)
        if role not in {x.value for x in Role}:
            raise EditError(f"{where}: role {role!r} is none of {', '.join(r.value for r in Role)}")
        date = str(s.get("date") or "").strip()
        if date:
            try:
                span = DateSpan.parse(date)
            except ValueError as exc:
                raise EditError(
                    f"{where}: date {date!r}: {exc}; write YYYY-MM-DD, YYYY-MM, YYYY or START/END"
                ) from None
            date = span.text or date
        resolved = None
        rid = s.get("resolved_id")
        if rid is not None:
            p = self.offered.get(str(rid))
            if p is None:
                raise EditError(f"{where}: place id {rid!r} was not offered by this review")
            resolved = p.to_dict()
        return {"place": place, "status": status, "role": role, "date": date, "resolved": resolved}

    def _mention(self, s: dict[str, Any]) -> MentionInfo | None:
        mid = s.get("mention")
        if isinstance(mid, int) and 0 <= mid < len(self.marks.mentions):
            return self.marks.mentions[mid]
        return None

    def _left(self, m: MentionInfo) -> Decision:
        """A candidate the extractor dropped and the person left as it was when saving: an
        implicit "not a stop" (without these, the corrections would hold the person's additions
        but none of the dropped candidates they agreed with, and a model trained on them would
        keep too much)."""
        return Decision(
            article_sha256=self.article_sha256,
            draft=self.draft.name,
            article=self._article_ref(),
            action="left",
            mention_start=m.start,
            mention_end=m.end,
            mention_text=m.text,
            extractor_said=m.kind,
            stop=False,
        )

    def _article_ref(self) -> str:
        """The article's path as the corrections file names it (relative to its folder if inside)."""
        a, base = self.article_path.resolve(), self.corrections.parent.resolve()
        try:
            return str(a.relative_to(base))
        except ValueError:
            return str(a)

    def _decision(
        self,
        action: str,
        traveller: str,
        s: dict[str, Any] | None,
        quote: str | None,
        place: str | None,
        fields: dict[str, Any] | None = None,
    ) -> Decision:
        m = self._mention(s) if s is not None else None
        if m is None:
            mid = self.marks.mention_of(quote, place)
            m = self.marks.mentions[mid] if mid is not None else None
        res = (fields or {}).get("resolved")
        return Decision(
            article_sha256=self.article_sha256,
            draft=self.draft.name,
            article=self._article_ref(),
            action=action,
            mention_start=m.start if m else None,
            mention_end=m.end if m else None,
            mention_text=m.text if m else place,
            extractor_said=m.kind if m and m.kind in ("kept", "dropped", "context") else None,
            stop=action != "reject",
            place=(fields or {}).get("place"),
            place_id=res["id"] if res else None,
            status=(fields or {}).get("status"),
            date=(fields or {}).get("date") or None,
            role=(fields or {}).get("role"),
            traveller=traveller,
        )


def _from_trip(s: dict[str, Any], ti: int) -> int:
    """The trip of the draft a stop of trip ``ti`` comes from (another one when it was moved)."""
    src = s.get("from_trip")
    return ti if src is None else _int(src, "trip index")


def _list(v: Any, what: str) -> list[Any]:
    if not isinstance(v, list):
        raise EditError(f"the page sent no list of {what}")
    return v


def _int(v: Any, what: str) -> int:
    if not isinstance(v, int) or isinstance(v, bool):
        raise EditError(f"the page sent a bad {what}: {v!r}")
    return v


__all__ = ["DraftEditor", "EditError"]
