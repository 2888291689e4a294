"""One review: a draft trip file and its article, what the page shows, and the save.

:class:`ReviewSession` reads the draft (validated by the trip-file reader) and the article, lets
the extractor analyse the article (read-only use of :mod:`itinerary.extract`'s public API) to find
every place mention with the rule and probability that kept or dropped it, and gives the page its
state as plain JSON data. :meth:`ReviewSession.save` applies the page's edits to the file with a
ruamel round trip (comments, key order and quoting kept), refuses when the file changed on disk
since it was read (an ETag check), writes atomically, and appends every decision to the
corrections file beside the draft (:mod:`itinerary.review.corrections`).

The marks live in :mod:`itinerary.review.marks` and the edits in :mod:`itinerary.review.edits`;
their names are importable from here as before.

Nothing here takes a path from the page: the two files are fixed when the session starts.
"""

from __future__ import annotations

import difflib
import hashlib
import io
from pathlib import Path
from typing import Any

from itinerary.errors import ItineraryError, MissingDependency, ValidationError
from itinerary.files import read_limited, write_text
from itinerary.io import yaml as yaml_io
from itinerary.model import Place, Role, Status
from itinerary.review.corrections import Decision, append_decisions, corrections_path
from itinerary.review.edits import DraftEditor, EditError
from itinerary.review.marks import Marks, MentionInfo, analyse_article, marks_from_quotes

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


def etag_of(data: bytes) -> str:
    return '"' + hashlib.sha256(data).hexdigest()[:32] + '"'


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
        return self.marks.mention_of(quote, place)

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
                        "rule": st.why or st.note or "",  # drafts before the why field kept it in note
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
        editor = DraftEditor(
            self.itinerary,
            self.marks,
            self.offered,
            self.draft,
            self.article_path,
            self.corrections,
            self.article_sha256,
        )
        decisions = editor.apply(doc, edits)
        out = io.StringIO()
        self._rt.dump(doc, out)
        return out.getvalue(), decisions


def _find_or_end(text: str, sub: str, start: int) -> int:
    at = text.find(sub, start)
    return at if at >= 0 else len(text)


__all__ = [
    "Conflict",
    "EditError",
    "Marks",
    "MentionInfo",
    "ReviewSession",
    "ValidationError",
    "analyse_article",
    "etag_of",
    "marks_from_quotes",
]
