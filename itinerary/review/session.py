"""One review: a draft trip file and its article, what the page shows, and the save.

:class:`ReviewSession` reads the draft (validated by the trip-file reader) and the article, lets
the extractor analyse the article (read-only use of :mod:`itinerary.extract`'s public API) to find
every place mention with the rule and probability that kept or dropped it, and gives the page its
state as plain JSON data. :meth:`ReviewSession.save` applies the page's edits to the file with a
ruamel round trip (comments, key order and quoting kept), refuses when the file changed on disk
since it was read (an ETag check), writes atomically, and appends every decision to the
corrections file beside the draft (:mod:`itinerary.review.corrections`).

Nothing here takes a path from the page: the two files are fixed when the session starts.
"""

from __future__ import annotations

import difflib
import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from itinerary.errors import ItineraryError, MissingDependency, ValidationError
from itinerary.files import read_limited, write_text
from itinerary.io import yaml as yaml_io
from itinerary.model import DateSpan, Itinerary, Place, Role, Status
from itinerary.review.corrections import Decision, append_decisions, corrections_path

#: the largest save request the page may send (bytes)
MAX_SAVE_BYTES = 4_000_000
#: the largest draft or article a review reads (bytes)
MAX_FILE_BYTES = 50_000_000


class Conflict(ItineraryError):
    """The draft changed on disk since the page read it; ``diff`` shows how."""

    def __init__(self, message: str, diff: str, etag: str) -> None:
        super().__init__(message)
        self.diff = diff
        self.etag = etag


class EditError(ItineraryError, ValueError):
    """An edit the page sent that the trip file cannot take (a bad date, an unknown place)."""


def etag_of(data: bytes) -> str:
    return '"' + hashlib.sha256(data).hexdigest()[:32] + '"'


@dataclass
class MentionInfo:
    """A place mention in the article text (offsets in the text the page shows)."""

    id: int
    start: int
    end: int
    text: str
    query: str
    kind: str  # kept | dropped | context
    rule: str
    probability: float | None
    sentence: tuple[int, int]
    sentence_text: str
    status: str | None = None
    date: str | None = None
    role: str | None = None
    traveller: str | None = None
    place: dict[str, Any] | None = None
    hint: str | None = None
    features: dict[str, float] = field(default_factory=dict)  # the stop model's (a candidate's)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "query": self.query,
            "kind": self.kind,
            "rule": self.rule,
            "probability": None if self.probability is None else round(self.probability, 3),
            "sentence": list(self.sentence),
            "status": self.status,
            "date": self.date,
            "role": self.role,
            "traveller": self.traveller,
            "place": self.place,
        }


@dataclass
class Marks:
    """What the page highlights in the article: place mentions, persons and dates."""

    mentions: list[MentionInfo] = field(default_factory=list)
    persons: list[tuple[int, int]] = field(default_factory=list)
    dates: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)  # where each sentence is
    note: str = ""


def _place_json(p: Place) -> dict[str, Any]:
    return p.to_dict()


def _sentence_spans(body: str, analysis: Any, marks: Marks) -> dict[int, tuple[int, int]]:
    """Where each sentence sits in ``body`` (by the sentence object's id); persons and dates are
    added to ``marks`` on the way."""
    cursor = 0
    spans: dict[int, tuple[int, int]] = {}
    for s in analysis.sentences:
        stext = s.span.text
        at = body.find(stext, cursor)
        at = at if at >= 0 else body.find(stext)
        if at < 0:
            continue
        cursor = at + len(stext)
        spans[id(s)] = (at, at + len(stext))
        marks.sentences.append(spans[id(s)])
        marks.persons += [(at + p.start, at + p.end) for p in s.persons]
        marks.dates += [(at + d.start, at + d.end) for d in s.dates]
    return spans


def _mention_info(body: str, m: Any, c: Any, span: tuple[int, int], sentence: str) -> MentionInfo | None:
    """A place mention of a sentence in the offsets of ``body``; ``c`` its candidate, if any."""
    start, end = span[0] + m.start, span[0] + m.end
    if body[start:end] != m.text:  # offsets that do not fit the text: find the name
        start = body.find(m.text, span[0], span[1])
        if start < 0:
            return None
        end = start + len(m.text)
    info = MentionInfo(
        id=0,
        start=start,
        end=end,
        text=m.text,
        query=m.query,
        kind="context",
        rule="named in the sentence, not read as a stop",
        probability=None,
        sentence=span,
        sentence_text=sentence,
        place=m.match.to_place().to_dict() if m.match is not None else None,
    )
    if c is not None:
        info.kind = "kept" if c.reason.kept else "dropped"
        info.rule = c.reason.text()
        info.probability = c.reason.probability
        info.status = c.status.value
        info.date = c.date.text if c.date is not None and c.date.known else None
        info.role = c.role.value
        info.traveller = c.traveller
        info.hint = ", ".join(dict.fromkeys(c.hints)) or None
        info.features = dict(c.features)
    return info


def analyse_article(article: Any, extractor: Any) -> tuple[str, Marks]:
    """The text the extractor read and its marks, from the extractor's analysis: every
    candidate, kept or dropped, and the place mentions that are no candidate, as context."""
    analysis = extractor.analyse(article)
    extractor.assemble(analysis)  # every candidate's reason gets the model's verdict
    body: str = analysis.text
    marks = Marks()
    spans = _sentence_spans(body, analysis, marks)
    by_mention = {id(c.place): c for c in analysis.candidates}
    for s in analysis.sentences:
        span = spans.get(id(s))
        if span is None:
            continue
        for m in s.places:
            info = _mention_info(body, m, by_mention.get(id(m)), span, s.span.text)
            if info is not None:
                marks.mentions.append(info)
    marks.mentions.sort(key=lambda x: x.start)
    for n, x in enumerate(marks.mentions):
        x.id = n
    return body, marks


def marks_from_quotes(text: str, it: Itinerary) -> Marks:
    """The marks without the extractor (its extra is not installed): each stop's place name
    found in its quote."""
    marks = Marks(note="the article was not analysed: only the stops' own mentions are marked")
    for _, _, st in it.stops():
        if not st.quote or not st.place:
            continue
        at = text.find(st.quote)
        if at < 0:
            continue
        marks.sentences.append((at, at + len(st.quote)))
        inner = st.quote.find(st.place)
        if inner < 0:
            continue
        marks.mentions.append(
            MentionInfo(
                id=len(marks.mentions),
                start=at + inner,
                end=at + inner + len(st.place),
                text=st.place,
                query=st.place,
                kind="kept",
                rule="a stop of the draft",
                probability=st.confidence,
                sentence=(at, at + len(st.quote)),
                sentence_text=st.quote,
                status=st.status.value,
                place=st.resolved.to_dict() if st.resolved else None,
            )
        )
    marks.mentions.sort(key=lambda x: x.start)
    for n, x in enumerate(marks.mentions):
        x.id = n
    return marks


class ReviewSession:
    """A draft and its article under review (see the module docstring)."""

    def __init__(
        self,
        draft: Path,
        article: Path,
        *,
        extractor: Any = None,
        geocoder: Any = None,
        analyse: bool = True,
    ) -> None:
        self.draft = Path(draft)
        self.article_path = Path(article)
        self.corrections = corrections_path(self.draft)
        raw = read_limited(self.draft, MAX_FILE_BYTES, what="draft")
        try:
            self._loaded_text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ValidationError(
                f"not UTF-8 text (byte {exc.start}); save the draft as UTF-8", source=str(self.draft)
            ) from None
        self.etag = etag_of(raw)
        self.itinerary = yaml_io.loads(self._loaded_text, source=str(self.draft))
        from ruamel.yaml import YAML

        self._rt = YAML(typ="rt")  # the layout of the project's own trip files, comments kept
        self._rt.preserve_quotes = True
        self._rt.width = 4096  # a flow-style stop stays on its line
        self._rt.indent(mapping=2, sequence=4, offset=2)
        self._doc: Any = None  # the parsed draft, once a save has parsed it
        article_bytes = read_limited(self.article_path, MAX_FILE_BYTES, what="article")
        self.article_sha256 = hashlib.sha256(article_bytes).hexdigest()
        self._extractor = extractor
        self._geocoder = geocoder
        self.text, self.marks = self._read_article(analyse)
        #: places the page may choose (ids it was offered), by id
        self.offered: dict[str, Place] = {}
        for _, _, st in self.itinerary.stops():
            if st.resolved is not None:
                self.offered[st.resolved.id] = st.resolved
        for m in self.marks.mentions:  # a mention's own place: a stop added from it
            if m.place is not None and m.place["id"] not in self.offered:
                self.offered[m.place["id"]] = Place(**m.place)

    # ------------------------------------------------------------ reading
    def _read_article(self, analyse: bool) -> tuple[str, Marks]:
        from itinerary.extract import read_article  # spaCy loads only to analyse

        article = read_article(self.article_path, published=self.itinerary.as_of)
        text: str = article.text
        if not analyse:
            return text, marks_from_quotes(text, self.itinerary)
        try:
            if self._extractor is None:
                from itinerary.extract import Extractor

                self._extractor = Extractor(self._geocoder)
            return analyse_article(article, self._extractor)
        except MissingDependency as exc:
            marks = marks_from_quotes(text, self.itinerary)
            marks.note = f"the article was not analysed ({exc}); only the stops' own mentions are marked"
            return text, marks

    @property
    def geocoder(self) -> Any:
        if self._geocoder is None:
            self._geocoder = getattr(self._extractor, "geocoder", None)
        if self._geocoder is None:
            from itinerary.geocode import OfflineGeocoder

            self._geocoder = OfflineGeocoder()
        return self._geocoder

    def _mention_of(self, quote: str | None, place: str | None) -> int | None:
        if not quote:
            return None
        best: MentionInfo | None = None
        for m in self.marks.mentions:
            same_sentence = m.sentence_text.strip() == quote.strip() or quote.strip() in m.sentence_text
            if not same_sentence:
                continue
            if place and (m.query == place or m.text == place):
                return m.id
            if best is None or (m.kind == "kept" and best.kind != "kept"):
                best = m
        return best.id if best is not None else None

    def state(self) -> dict[str, Any]:
        """Everything the page shows, as JSON data (text is text: the page inserts it as such)."""
        trips = []
        for ti, trip in enumerate(self.itinerary.trips):
            stops = []
            for si, st in enumerate(trip.stops):
                stops.append(
                    {
                        "orig": si,
                        "place": st.place or st.label,
                        "status": st.status.value,
                        "date": st.date.text if st.date.known else "",
                        "role": st.role.value,
                        "confidence": st.confidence,
                        "rule": st.note or "",
                        "quote": st.quote or "",
                        "needs_review": st.needs_review,
                        "reviewed": st.reviewed,
                        "resolved": st.resolved.to_dict() if st.resolved else None,
                        "mention": self._mention_of(st.quote, st.place),
                    }
                )
            trips.append({"index": ti, "id": trip.id, "traveller": trip.traveller, "stops": stops})
        return {
            "draft": self.draft.name,
            "article": self.article_path.name,
            "etag": self.etag,
            "text": self.text,
            "note": self.marks.note,
            "mentions": [m.to_json() for m in self.marks.mentions],
            "persons": [list(p) for p in self.marks.persons],
            "dates": [list(d) for d in self.marks.dates],
            "trips": trips,
            "statuses": [s.value for s in Status],
            "roles": [r.value for r in Role],
        }

    def candidates(self, mention: int) -> list[dict[str, Any]]:
        """The gazetteer's answers for a mention, best first (each becomes choosable)."""
        if not 0 <= mention < len(self.marks.mentions):
            raise EditError(f"no mention {mention}")
        m = self.marks.mentions[mention]
        return self._answers(m.query, hint=m.hint)

    def search(self, query: str) -> list[dict[str, Any]]:
        """The offline geocoder's answers for what the person typed."""
        query = query.strip()[:200]
        if not query:
            return []
        return self._answers(query)

    def mention_from_text(self, start: int, end: int) -> dict[str, Any]:
        """A mention of text the person selected in the article (a place the extractor missed),
        with the offline geocoder's best answer as its place; it can then become a stop."""
        if not (0 <= start < end <= len(self.text)) or end - start > 200:
            raise EditError("select a place name in the article (at most 200 characters)")
        raw = self.text[start:end]
        name = raw.strip()
        if not name or "\n" in name:
            raise EditError("select a place name within one paragraph")
        start += len(raw) - len(raw.lstrip())
        end = start + len(name)
        inside = [x for x in self.marks.sentences if x[0] <= start and end <= x[1]]
        if inside:
            sentence = inside[0]
        else:  # the paragraph around it
            sentence = (self.text.rfind("\n", 0, start) + 1, _find_or_end(self.text, "\n", end))
        answers = self._answers(name)
        m = MentionInfo(
            id=len(self.marks.mentions),
            start=start,
            end=end,
            text=name,
            query=name,
            kind="selected",
            rule="selected in the article by a person",
            probability=None,
            sentence=sentence,
            sentence_text=self.text[sentence[0] : sentence[1]],
            place=answers[0] if answers else None,
        )
        self.marks.mentions.append(m)
        return m.to_json()

    def _answers(self, query: str, hint: str | None = None) -> list[dict[str, Any]]:
        out = []
        for c in self.geocoder.candidates(query, hint=hint, limit=8):
            p = c.to_place()
            self.offered[p.id] = p
            out.append(p.to_dict())
        return out

    @property
    def draft_bytes(self) -> bytes:
        """The draft as the session last read or wrote it."""
        return self._loaded_text.encode("utf-8")

    # ------------------------------------------------------------ saving
    def save(self, edits: dict[str, Any], if_match: str | None) -> dict[str, Any]:
        """Apply the page's edits to the draft and write it; returns the new ETag and the number
        of decisions stored. Refuses (:class:`Conflict`) when the file changed on disk."""
        raw = read_limited(self.draft, MAX_FILE_BYTES, what="draft")
        now = etag_of(raw)
        if if_match is None or if_match != self.etag or now != self.etag:
            diff = "".join(
                difflib.unified_diff(
                    self._loaded_text.splitlines(keepends=True),
                    raw.decode("utf-8", "replace").splitlines(keepends=True),
                    fromfile=f"{self.draft.name} (as the page read it)",
                    tofile=f"{self.draft.name} (on disk now)",
                )
            )
            raise Conflict(
                f"{self.draft.name} changed on disk since the page read it; nothing was written. "
                "Your edits are still in the page: reload to see the file as it is now.",
                diff,
                now,
            )
        doc, self._doc = self._doc or self._rt.load(self._loaded_text), None  # None until written
        text, decisions = self._apply(doc, edits)
        new_it = yaml_io.loads(text, source=str(self.draft))  # the result is a valid trip file
        write_text(self.draft, text)
        append_decisions(self.corrections, decisions)
        self._doc = doc  # the file as written, for the next save (a parse costs most of a save)
        self._loaded_text = text
        self.etag = etag_of(text.encode("utf-8"))
        self.itinerary = new_it
        return {"etag": self.etag, "decisions": len(decisions), "corrections": self.corrections.name}

    def _apply(self, doc: Any, edits: dict[str, Any]) -> tuple[str, list[Decision]]:
        """The edits applied to ``doc`` (the draft's ruamel tree), dumped; and the decisions."""
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
        out = io.StringIO()
        self._rt.dump(doc, out)
        return out.getvalue(), decisions

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
            resolved = _place_json(p)
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
            mid = self._mention_of(quote, place)
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


def _find_or_end(text: str, sub: str, start: int) -> int:
    at = text.find(sub, start)
    return at if at >= 0 else len(text)


def _list(v: Any, what: str) -> list[Any]:
    if not isinstance(v, list):
        raise EditError(f"the page sent no list of {what}")
    return v


def _int(v: Any, what: str) -> int:
    if not isinstance(v, int) or isinstance(v, bool):
        raise EditError(f"the page sent a bad {what}: {v!r}")
    return v


__all__ = ["Conflict", "EditError", "ReviewSession", "ValidationError", "etag_of"]
