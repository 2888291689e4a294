"""From a news article to a draft itinerary: places, travellers, status and dates.

The pipeline, sentence by sentence (the words of each language come from its pack in
:mod:`itinerary.extract.lang`; a language without a pack is refused):

1. **Place mentions** come from two sources merged by span: the spaCy entity recogniser
   (LOC/GPE/FAC) where a trained pipeline exists, and a scan of capitalised word windows
   against the gazetteer, with the pack's dictionary forms (so "Kimsomolsk-sur-l'Amour" and
   Cyrillic case forms are found even where the recogniser misses them). Mentions inside
   person or organisation names, or right after an outlet word ("l'agence TASS"), are dropped.
2. **Candidates**: every mention the gazetteer resolves, except a region or a country beside
   a place of the same sentence ("à Luanda en Angola": a hint for Luanda). The travel rules
   mark some as stops (a locative or directional preposition or a visit verb, *and* travel
   words nearby); each candidate gets features (see :mod:`itinerary.extract.scoring`).
3. **Status** from the words between the previous stop of the sentence and this one:
   cancellation words, then future/conditional morphology and cue words, departure words
   ("left for": not there yet), then the date against the publication date; otherwise
   confirmed. A weekday follows the tense (present or future: the next one).
4. **Traveller**: the person named nearest before the travel word; a pronoun or a title
   ("le dirigeant nord-coréen") carries the previous sentence's traveller on.
5. **Dates** (see :mod:`itinerary.extract.dates`): one date per clause (clauses split at the
   pack's openers, "where" words, relative clauses between commas and quotations); a weekday
   read from the tense of its own clause; "the day after" / "la veille" counted from the date
   before it; "until" closing a stay; a stated visit length stretching a single day. A later
   mention's day completes a stop where it fits the stop's status; an undated city takes the
   day of its country stop; the latest confirmed stop of an undated trip gets the publication
   date, with a note saying so.
6. **Scoring**: the stop model decides which candidates are stops; its probability is the
   stop's ``confidence``, low ones get ``needs_review``, and the reasons go to its ``note``.

Trips are then grouped by traveller, geocoded with the article as context, de-duplicated,
and ordered by date. :meth:`Extractor.analyse` stops before the scoring, so that a
cross-validation reads each article once (``benchmarks/bench_extract.py``).
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import logging
import math
import re
import warnings
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from itinerary.coords import haversine_km, latlon, point
from itinerary.errors import AmbiguityWarning, ExtractionError, ValidationError
from itinerary.extract.dates import DateFinder, DateHit, anchor, requote, visit_length
from itinerary.extract.lang import is_genitive, lemma, tense, variants
from itinerary.extract.lexicon import Lexicon, lexicon, phrase_in, starts, time_of_day
from itinerary.extract.limits import MAX_ARTICLE_BYTES, check_article_text
from itinerary.extract.nlp import check_supported, detect_language, has_model, pipeline
from itinerary.extract.scoring import StopModel, cued, load_model
from itinerary.files import read_limited
from itinerary.geocode import OfflineGeocoder
from itinerary.geocode.normalize import KIND_WORDS, analyze
from itinerary.geocode.regions import region_shape
from itinerary.geocode.resolve import resolve_itinerary
from itinerary.model import DateSpan, Itinerary, Precision, Role, Source, Status, Stop, Trip

log = logging.getLogger("itinerary.extract")
PLACE_LABELS = frozenset({"LOC", "GPE", "FAC"})
PERSON_LABELS = frozenset({"PER", "PERSON"})
NON_PLACE_LABELS = frozenset({"PER", "PERSON", "ORG", "NORP", "MISC", "WORK_OF_ART", "EVENT", "PRODUCT"})
AREA_KINDS = frozenset({"country", "region"})
GENITIVES = frozenset({"du", "de", "des", "d'", "of", "von", "del"})
MIN_CITY_POPULATION = 50_000  # for gazetteer-only mentions (no recogniser agreed)
REVIEW_BELOW = 0.6
MAX_CLAUSES = 24  # clause marks read per sentence
MAX_QUOTE = 400
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Article:
    """The text of a news article and what is known about it."""

    text: str
    published: dt.date | None = None
    language: str | None = None
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    source_id: str = "article"


def read_article(
    path: str | Path, *, published: dt.date | None = None, language: str | None = None
) -> Article:
    """Read an article file. An optional header of ``# key: value`` lines ended by ``---``
    supplies ``date``, ``language``, ``title``, ``source_url`` and ``outlet``; arguments win."""
    p = Path(path)
    try:
        data = read_limited(p, MAX_ARTICLE_BYTES, what="article")
    except ValidationError as exc:
        raise ExtractionError(str(exc)) from None
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ExtractionError(
            f"{p}: not UTF-8 text (byte {exc.start}); convert it, e.g. with iconv"
        ) from None
    if "\x00" in raw:
        raise ExtractionError(f"{p}: this is a binary file, not the text of an article")
    meta: dict[str, str] = {}
    lines = raw.splitlines()
    if lines and lines[0].startswith("# ") and "---" in (ln.strip() for ln in lines):
        end = next(i for i, ln in enumerate(lines) if ln.strip() == "---")
        for ln in lines[:end]:
            key, sep, value = ln[2:].partition(":")
            if sep:
                meta[key.strip().lower()] = value.strip()
        raw = "\n".join(lines[end + 1 :])
    if not raw.strip():
        raise ExtractionError(f"{p}: the article is empty")
    check_article_text(raw, str(p))
    if published is None and meta.get("date"):
        m = re.match(r"\d{4}-\d{2}-\d{2}", meta["date"])
        if m:
            try:
                published = dt.date.fromisoformat(m.group())
            except ValueError:
                raise ExtractionError(
                    f"{p}: header 'date: {meta['date']}' is not a real date; write it as YYYY-MM-DD"
                ) from None
    url = meta.get("source_url")
    return Article(
        text=raw,
        published=published,
        language=language or (meta.get("language") or "")[:2] or None,
        title=meta.get("title") or None,
        url=url if url and url.startswith(("http://", "https://")) else None,
        publisher=meta.get("outlet") or None,
        source_id=re.sub(r"[^a-z0-9]+", "-", p.stem.lower()).strip("-") or "article",
    )


# ---------------------------------------------------------------- internal records
@dataclass
class _Place:
    start: int  # character offsets in the paragraph
    end: int
    text: str
    query: str
    from_ner: bool
    record: Any = None  # best gazetteer record
    natural: bool = False  # English LOC: seas, mountains, regions
    confidence: float = 0.0
    main_name: bool = True  # matched under the record's main name (not an alias)


@dataclass
class _Person:
    start: int
    end: int
    name: str


@dataclass
class _Draft:
    place: _Place
    sentence: str
    status: Status
    date: DateSpan | None
    traveller: str | None
    role: Role
    hints: list[str]
    order: int
    explicit_traveller: bool = False
    rule: bool = True  # the travel rules made it a stop (else: a scored candidate)
    features: dict[str, float] = field(default_factory=dict)
    score: float = 1.0
    why: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Analysis:
    """An article read up to the candidates (see :meth:`Extractor.analyse`)."""

    article: Article
    lang: str
    drafts: list[_Draft]
    ctx: _Context


@dataclass
class _Sentence:
    doc: Any
    span: Any
    places: list[_Place] = field(default_factory=list)
    persons: list[_Person] = field(default_factory=list)
    dates: list[DateHit] = field(default_factory=list)
    clauses: _Clauses | None = None


class Extractor:
    """Turns articles into draft itineraries (reusable: models and gazetteer load once).

    ``geocoder`` is any :class:`~itinerary.geocode.OfflineGeocoder` (a
    :class:`~itinerary.geocode.online.ChainGeocoder` to let an online service answer what the
    gazetteer does not know).
    """

    def __init__(self, geocoder: Any = None, model: StopModel | None = None) -> None:

        self.geocoder = geocoder or OfflineGeocoder()
        self.model = model or load_model()

    # ------------------------------------------------------------ public
    def extract(self, article: Article) -> Itinerary:
        """The draft itinerary of one article: a trip per traveller, stops resolved and ordered,
        each with its status, date, quote and confidence (``needs_review`` where unsure)."""
        return self.assemble(self.analyse(article))

    def analyse(self, article: Article) -> Analysis:
        """Everything about the article that does not depend on the stop model: the candidates
        with their features (so a cross-validation reads each article once)."""
        check_article_text(article.text, article.source_id)
        text = _clean(article.text)
        lang = check_supported(article.language or detect_language(text))
        lx = lexicon(lang)
        nlp = pipeline(lang)
        trained = has_model(lang)
        finder = DateFinder(lx)
        paragraphs = [p.strip() for p in re.split(r"\n+", text) if p.strip()]
        sentences: list[_Sentence] = []
        for doc in nlp.pipe(paragraphs):
            for sent in _sentences(doc):
                s = _Sentence(doc, sent)
                s.persons = self._persons(sent, lx, trained)
                s.dates = finder.find(sent.text, article.published)
                s.clauses = _clauses(sent.text, lx)
                sentences.append(s)
        ahead = [_tense(s.span, lx, trained, 0, len(s.span.text)) != "past" for s in sentences]
        anchored = anchor([s.dates for s in sentences], article.published, ahead)
        for s, hits in zip(sentences, anchored, strict=True):
            s.dates = _requote(s, hits, article.published, lx, trained)
        names = _canonical_persons([p.name for s in sentences for p in s.persons], lx)
        for s in sentences:  # a bare title ("Le Pape") is not a name
            s.persons = [p for p in s.persons if p.name in names]
        if not trained:
            _inflected_persons(sentences, names, lang)
        person_words = {w.lower() for n in names.values() for w in n.split()}
        for s in sentences:
            s.places = self._places(s.span, lx, trained, person_words)
        roles = _title_phrases(sentences, names, lx)
        ctx = _Context(lx, names, roles, article.published, trained)
        drafts = self._drafts(sentences, ctx)
        seen = Counter(d.place.record.id for d in drafts if d.place.record is not None)
        for d in drafts:
            d.features["repeated"] = float(d.place.record is not None and seen[d.place.record.id] > 1)
        return Analysis(article, lang, drafts, ctx)

    def assemble(self, analysis: Analysis, model: StopModel | None = None) -> Itinerary:
        """The draft itinerary from an analysis, with ``model`` (default: the extractor's) deciding
        which candidates are stops."""
        model = model or self.model
        article, lang, ctx = analysis.article, analysis.lang, analysis.ctx
        chosen: list[_Draft] = []
        for d in analysis.drafts:
            p = model.probability(d.features)
            if p >= model.tuning.threshold and cued(d.features):
                chosen.append(dataclasses.replace(d, score=p, why=model.reasons(d.features)))
        trips = self._trips(chosen, article, ctx, model)
        source = Source(
            id=article.source_id,
            publisher=article.publisher,
            url=article.url,
            title=article.title,
            published=article.published,
            language=lang,
        )
        title = f"Draft: {article.title}" if article.title else f"Draft itinerary from {article.source_id}"
        return Itinerary(trips=tuple(trips), title=title, as_of=article.published, sources=(source,))

    # ------------------------------------------------------------ mentions
    def _persons(self, sent: Any, lx: Lexicon, trained: bool) -> list[_Person]:  # noqa: C901 - known debt, to split (listed in the project notes)
        out: list[_Person] = []
        base = sent.start_char
        text = sent.doc.text
        if trained:
            for ent in sent.ents:
                if ent.label_ in PERSON_LABELS and not self._place_not_person(ent.text):
                    end = ent.end_char
                    m = re.match(r"-[^\W\d_]+", text[end:])  # "Kim Jong" + "-un"
                    if m:
                        end += m.end()
                    out.append(_Person(ent.start_char - base, end - base, text[ent.start_char : end]))
            if out:
                return out
        # No recogniser (or it found nobody): a title followed by capitalised words.
        toks = list(sent)
        i = 0
        while i < len(toks):
            if toks[i].lower_ in lx.titles and toks[i].lower_ not in lx.determiners:
                j = i + 1
                while j < len(toks) and toks[j].lower_ in lx.titles:
                    j += 1
                k = j
                while (
                    k < len(toks) and k - j < 3 and _capitalised(toks[k].text) and not toks[k].is_sent_start
                ):
                    k += 1
                # skip a country after a title ("президент России Владимир Путин")
                if k > j and self._is_country(toks[j].text, lx.lang) and k < len(toks):
                    j += 1
                    k = j
                    while k < len(toks) and k - j < 3 and _capitalised(toks[k].text):
                        k += 1
                while j < k - 1 and toks[j].text.isupper() and len(toks[j].text) > 1:
                    j += 1  # "Генсек НАТО Йенс Столтенберг": an organisation, not a first name
                if k > j:
                    a, b = toks[j].idx - base, toks[k - 1].idx + len(toks[k - 1].text) - base
                    out.append(_Person(a, b, sent.text[a:b]))
                    i = k
                    continue
            i += 1
        return out

    def _place_not_person(self, text: str) -> bool:
        """A one-word "person" that is a well-known place (recognisers tag "VLADIVOSTOK" so)."""
        if len(text.split()) > 1:
            return False
        g = self.geocoder.gazetteer
        return any(_prominent(g.record(i)) and g.record(i).population >= 100_000 for i in g.lookup(text))

    def _is_country(self, word: str, lang: str) -> bool:
        g = self.geocoder.gazetteer
        return any(g.record(i).kind in AREA_KINDS for w in variants(lang, word) for i in g.lookup(w))

    def _places(self, sent: Any, lx: Lexicon, trained: bool, person_words: set[str]) -> list[_Place]:
        base = sent.start_char
        blocked: list[tuple[int, int]] = []
        ner: list[_Place] = []
        if trained:
            for ent in sent.ents:
                a, b = ent.start_char - base, ent.end_char - base
                place_like = ent.label_ in PERSON_LABELS and self._place_not_person(ent.text)
                # "rejoindre Djibouti" tagged MISC: a well-known place after a preposition or visit verb
                place_like = place_like or (
                    ent.label_ in ("MISC", "ORG")
                    and _role(sent.text, a, lx) is not None
                    and self._place_not_person(ent.text)
                )
                if ent.label_ in PLACE_LABELS or place_like:
                    p = _Place(a, b, ent.text, self._query(sent, ent.start, ent.text, lx), True)
                    p.natural = ent.label_ == "LOC" and lx.lang == "en"
                    ner.append(p)
                elif ent.label_ in NON_PLACE_LABELS:
                    after = [t.lower_ for t in sent.doc[ent.end : min(ent.end + 3, sent.end)]]
                    if ent.label_ == "ORG" and any(w in KIND_WORDS for w in after):
                        continue  # "Khasan train station": a facility, not an organisation
                    blocked.append((a, b))
        accepted = [p for p in ner if self._usable(p, sent.text, lx, person_words)]
        # What the recogniser saw and the gazetteer refused is not rescanned ("the Pacific").
        blocked.extend((p.start, p.end) for p in ner if p not in accepted)
        scanned = [
            p
            for p in self._gazetteer_scan(sent, lx, blocked, accepted)
            if self._usable(p, sent.text, lx, person_words)
        ]
        out: list[_Place] = []
        for p in sorted(accepted + scanned, key=lambda p: (p.start, -(p.end - p.start))):
            if not any(p.start < q.end and q.start < p.end for q in out):
                out.append(p)
        return out

    def _usable(self, p: _Place, text: str, lx: Lexicon, person_words: set[str]) -> bool:
        if self._outlet_before(text, p.start, lx) or _outlet_after(text, p.end):
            log.debug("%r: a news outlet", p.text)
            return False
        if p.text.lower() in person_words or _beside_name(text, p, person_words):
            log.debug("%r: a person's name", p.text)
            return False
        if _after_name_adjective(text, p.start, lx):
            log.debug("%r: the end of a longer name (an organisation)", p.text)
            return False
        if not self._accept(p):
            log.debug("%r: not a known place (query %r)", p.text, p.query)
            return False
        if not p.from_ner and not p.main_name and p.start == 0 and " " not in p.text and not p.text.isupper():
            # "Dort", "Wie", "Там", "Este" opening a sentence: a common word that is also a
            # place's alternate name (a dateline is written in capitals, a subject is no stop)
            log.debug("%r: a sentence-initial word matching an alternate name", p.text)
            return False
        if p.text.isupper() and len(p.text) <= 3 and p.record.kind not in AREA_KINDS:
            log.debug("%r: an acronym (party, ministry, airport code), not a stop", p.text)
            return False
        return True

    def _query(self, sent: Any, tok_start: int, text: str, lx: Lexicon) -> str:
        """The mention with the kind words just before it ("spatioport de" + "Vostochny")."""

        doc = sent.doc
        j = tok_start
        while j > sent.start and tok_start - j < 4:
            w = doc[j - 1].lower_
            if w in KIND_WORDS or w in {"de", "du", "d'", "of", "centre", "center"}:
                j -= 1
                continue
            break
        while j < tok_start and doc[j].lower_ not in KIND_WORDS:
            j += 1
        return doc[j:tok_start].text + " " + text if j < tok_start else text

    def _gazetteer_scan(
        self, sent: Any, lx: Lexicon, blocked: Sequence[tuple[int, int]], known: Sequence[_Place]
    ) -> Iterable[_Place]:
        toks = list(sent)
        base = sent.start_char
        i = 0
        while i < len(toks):
            t = toks[i]
            a = t.idx - base
            if not _capitalised(t.text) or _function_word(t.lower_, lx):
                i += 1
                continue
            if any(a < e and s <= a for s, e in blocked) or any(p.start <= a < p.end for p in known):
                i += 1
                continue
            hit = self._scan_at(sent, toks, i, lx)
            if hit:
                yield hit
                while i < len(toks) and toks[i].idx - base < hit.end:
                    i += 1
            else:
                i += 1

    def _scan_at(self, sent: Any, toks: list[Any], i: int, lx: Lexicon) -> _Place | None:
        """The longest window of capitalised words from ``toks[i]`` that names a prominent place."""
        g = self.geocoder.gazetteer
        base = sent.start_char
        a = toks[i].idx - base
        for n in range(min(5, len(toks) - i), 0, -1):
            last = toks[i + n - 1]
            if not _capitalised(last.text) or _function_word(last.lower_, lx):
                continue  # "Yakarta a las": a name ends on a capitalised word
            if any(k.is_punct and k.text not in "-'’" for k in toks[i : i + n]):
                continue  # "LISBOA.- El", "Russland: Das": punctuation ends a name
            b = last.idx + len(last.text) - base
            surface = sent.text[a:b]
            for variant in variants(lx.lang, surface):
                if variant and any(_prominent(g.record(k)) for k in g.lookup(variant)):
                    return _Place(a, b, surface, variant, False)
        return None

    def _outlet_before(self, text: str, start: int, lx: Lexicon) -> bool:
        before = text[max(0, start - 40) : start].lower().split()
        return bool(before) and any(starts(w.strip("'’(«\""), lx.outlet) for w in before[-3:])

    def _accept(self, p: _Place) -> bool:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", AmbiguityWarning)
            cands = self.geocoder.candidates(p.query, limit=3)
        if not cands:
            return False

        best = cands[0]
        r = best.record
        if best.name_score < 1.0:  # a typo: only for long names the recogniser saw as places
            key = analyze(p.query).key
            if not p.from_ner or len(key) < 7 or key[:1] != best.matched[:1]:
                return False
            if best.name_score < (0.95 if r.kind in AREA_KINDS else 0.9):
                return False
        main = self.geocoder.gazetteer.is_main_name(best.matched, r.index)
        if p.natural and r.kind == "city" and (not main or best.ambiguous):
            return False  # "the Pacific" is an ocean, not Huntington Beach nor Pacific (Missouri)
        # a small town: only under its own name, and only where the recogniser saw a place
        small = r.kind == "city" and r.population < MIN_CITY_POPULATION
        if small and (not p.from_ner or r.population < 1000 or not main):
            return False
        p.record, p.confidence, p.main_name = r, best.confidence, main
        return True

    # ------------------------------------------------------------ stops
    def _drafts(self, sentences: list[_Sentence], ctx: _Context) -> list[_Draft]:
        """Every resolved place mention as a candidate: the rule stops and the rest, each with
        the features the scorer reads."""
        drafts: list[_Draft] = []
        carry: str | None = None
        for si, s in enumerate(sentences):
            reading = self._classify(s, ctx)
            self._collect_dated(s, reading, ctx)
            prev_end = 0
            prev_status: Status | None = None
            for k, (p, _) in enumerate(reading.stops):
                d, carry = self._draft(s, reading, k, prev_end, prev_status, ctx, carry)
                d.order = len(drafts)
                d.features = _features(s, si, len(sentences), reading, p, d, ctx)
                drafts.append(d)
                prev_end, prev_status = p.end, d.status
            if not reading.stops and s.persons:
                carry = ctx.names.get(s.persons[0].name, carry)
            drafts.extend(self._other_candidates(s, si, len(sentences), reading, ctx, carry, len(drafts)))
        return drafts

    def _draft(
        self,
        s: _Sentence,
        reading: _Reading,
        k: int,
        prev_end: int,
        prev_status: Status | None,
        ctx: _Context,
        carry: str | None,
    ) -> tuple[_Draft, str | None]:
        p, role = reading.stops[k]
        status = self._status(s, reading, k, prev_end, ctx) or prev_status
        date = _stop_date(s, reading, p, status, ctx)
        later = date is not None and ctx.published and date.start and date.start > ctx.published
        if later and status is Status.CONFIRMED and _clause_tense(s, reading, k, ctx) != "past":
            # a date ahead in a clause not in the past: still to come ("avant de rejoindre
            # Djibouti le 15 mars", "Am Mittwoch reist er nach Seoul weiter")
            status = Status.PLANNED
        date = _consistent(date, status, ctx.published)
        if role is not Role.ORIGIN and status in (None, Status.CONFIRMED) and _en_route(s, p, ctx.lx):
            status = Status.PLANNED  # "left Beijing for Astana": on the way, not there yet
        if status is None:  # no tense or cue: the date decides, else it happened
            later = date is not None and ctx.published and date.start and date.start > ctx.published
            status = Status.PLANNED if later else Status.CONFIRMED
        traveller, explicit = _stop_traveller(s, reading, p, ctx, carry)
        hints = reading.hints_of.get(s.places.index(p), [])
        d = _Draft(p, _quote(s.span.text), status, date, traveller, role, hints, 0, explicit)
        return d, traveller or carry

    def _other_candidates(
        self, s: _Sentence, si: int, n: int, reading: _Reading, ctx: _Context, carry: str | None, order: int
    ) -> list[_Draft]:
        """The places of the sentence the rules did not take, read as if they were stops."""
        taken = {id(p) for p, _ in reading.stops}
        out: list[_Draft] = []
        for idx, p in enumerate(s.places):
            if id(p) in taken or idx in reading.hint_owner or p.record is None:
                continue
            if s.span.text[p.end : p.end + 2] == "'s":
                continue  # "America's top diplomat": a possessive qualifies a person or thing
            if _dateline_elsewhere(s, p, reading):
                continue
            role = _role(s.span.text, p.start, ctx.lx) or Role.VISIT
            trial = dataclasses.replace(
                reading, stops=sorted([*reading.stops, (p, role)], key=lambda x: x[0].start)
            )
            k = next(i for i, (q, _) in enumerate(trial.stops) if q is p)
            prev_end = trial.stops[k - 1][0].end if k else 0
            d, _ = self._draft(s, trial, k, prev_end, None, ctx, carry)
            d.rule, d.order = False, order + len(out)
            d.features = _features(s, si, n, trial, p, d, ctx, rule=False)
            out.append(d)
        return out

    def _classify(self, s: _Sentence, ctx: _Context) -> _Reading:
        """Which places of a sentence are stops, which are hints, which form lists."""
        lx, text = ctx.lx, s.span.text
        reading = _Reading(travel=_travel_positions(s.span, lx))
        stop_roles: dict[int, Role] = {}
        for idx, p in enumerate(s.places):
            anchor = self._hint_anchor(s.places, idx, text)
            if anchor is not None:
                log.debug("%r: hint for %r", p.text, s.places[anchor].text)
                reading.hints_of.setdefault(anchor, []).append(p.text)
                reading.hint_owner[idx] = anchor
                continue
            if text[p.end : p.end + 2] == "'s":
                log.debug("%r: possessive, not a stop", p.text)
                continue  # "Russia's Khasan station": a possessive qualifies, it is not a stop
            role = _role(text, p.start, lx)
            linked = _related(s.span, p, lx) if ctx.trained and role is not None else None
            listed = idx > 0 and _listed(text[s.places[idx - 1].end : p.start], lx)
            if listed:
                reading.group[idx] = reading.group.get(idx - 1, idx - 1)
            if role is None and listed and idx - 1 in stop_roles:
                # "à Papúa Nueva Guinea, Timor Oriental y Singapur": a list shares its preposition
                role, linked = stop_roles[idx - 1], True
            if _colon_list(text, s.places, idx, lx):
                # "... he had visited: Egypt, Bahrain, Qatar and ...": the list answers the travel words
                role, linked = role or Role.VISIT, bool(reading.travel)
            if linked is None:
                linked = _near_travel(text, p, reading.travel)
            if role is None or not linked:
                log.debug("%r: not a stop (role %s, travel words at %s)", p.text, role, reading.travel)
                continue
            if _followed_by_speech(text, p.end, lx):
                log.debug("%r: speaks (metonymy), not a stop", p.text)
                continue
            stop_roles[idx] = role
            reading.stops.append((p, role))
        return reading

    def _collect_dated(self, s: _Sentence, reading: _Reading, ctx: _Context) -> None:
        """Dated mentions of places that are not stops here can date an undated stop later
        ("Speaking to reporters in Cairo on Sunday" dates the stop in Egypt)."""
        stop_ids = {id(p) for p, _ in reading.stops}
        for idx, p in enumerate(s.places):
            if idx in reading.hint_owner or id(p) in stop_ids or p.record is None:
                continue
            for h in _owned_dates(s.dates, p, s.places, reading.hint_owner, reading.group, None, s.clauses):
                d = h.resolve(
                    ctx.published, future=bool(h.weekday is not None and _clause_future(s, h.start, ctx))
                )
                if d is not None and d.precision.value == "day":
                    ctx.dated.append((p.record, d, _subjects(s, ctx)))

    def _hint_anchor(self, places: list[_Place], idx: int, text: str) -> int | None:
        """The index of the place that ``places[idx]`` qualifies, if it is an area beside one.

        A region next to a city or landmark of the sentence ("au centre spatial de Vostochny,
        dans la province d'Amour") is a hint; so is a country right beside a place of that
        country ("à Luanda en Angola", "Amman, Jordan", "Samarkand (Usbekistan)").
        """
        p = places[idx]
        if p.record is None or p.record.kind not in AREA_KINDS:
            return None
        best: tuple[int, int] | None = None
        for j, q in enumerate(places):
            if j == idx or q.record is None or q.record.kind in AREA_KINDS:
                continue
            gap = text[q.end : p.start] if j < idx else text[p.end : q.start]
            if re.search(r"[.;!?]", gap):
                continue
            if p.record.kind == "country":
                if q.record.country_code != p.record.country_code or len(gap) > 40 or abs(j - idx) > 1:
                    continue
            elif len(gap) > 80:
                continue
            if best is None or len(gap) < best[0]:
                best = (len(gap), j)
        return None if best is None else best[1]

    def _status(self, s: _Sentence, reading: _Reading, k: int, start: int, ctx: _Context) -> Status | None:
        """Status from the words between the previous stop of the sentence and this one."""
        lx, trained = ctx.lx, ctx.trained
        text = s.span.text
        p = reading.stops[k][0]
        end = p.start
        nxt = reading.stops[k + 1][0].start if k + 1 < len(reading.stops) else len(text)
        window, after = text[start:end], text[p.end : nxt]
        base = s.span.start_char
        toks = list(s.span)
        # cancellation words count between the previous stop and the next one ("no longer
        # scheduled to travel to Jordan ... after he visits Israel" cancels Jordan, not Israel;
        # "a planned stop in Kigali was called off" cancels Kigali)
        # "the next day", "le lendemain": a date counted from another, not a word of the future
        counted = [
            (h.start, h.end) for h in s.dates if h.shift is not None and h.end > start and h.start < end
        ]
        words = [
            t.lower_
            for t in toks
            if start <= t.idx - base < end
            and not time_of_day(lx, text, t.idx - base, t.text)
            and not _inside(t.idx - base, counted)
        ]
        wl = window.lower()
        for a, b in counted:  # blank the counted phrases out of the window
            a, b = max(a - start, 0), min(b - start, len(wl))
            wl = wl[:a] + " " * (b - a) + wl[b:]
        for part in (wl, after.lower()):
            if any(starts(w, lx.cancelled) for w in _words(part)) or phrase_in(part, lx.cancelled):
                return Status.CANCELLED
        sentence = set(_words(text.lower()))
        if any(a in sentence and b in sentence for a, b in lx.irrealis):
            return Status.CANCELLED  # "die nächste Station wäre X gewesen": it did not happen
        if any(starts(w, lx.planned) for w in words) or phrase_in(wl, lx.planned):
            return Status.PLANNED
        if lx.future_endings and not trained and any(_ends(w, lx.future_endings) for w in _words(wl)):
            return Status.PLANNED
        # an infinitive has no tense ("avant de rejoindre Djibouti le 15 mars": the date decides)
        verbs = [
            t
            for t in toks
            if start <= t.idx - base < end
            and t.pos_ in ("VERB", "AUX")
            and "Inf" not in t.morph.get("VerbForm")
        ]
        for t in verbs:
            tense, mood = t.morph.get("Tense"), t.morph.get("Mood")
            if "Fut" in tense or "Cnd" in mood:
                return Status.PLANNED
            if lx.lang == "fr" and re.search(r"r(ait|aient|a|ont)$", t.lower_) and "Imp" in tense:
                return Status.PLANNED  # the small model tags -rait conditionals as imperfect
        if verbs or any(starts(w, lx.travel) for w in words):
            return Status.CONFIRMED if trained else None
        return None

    @staticmethod
    def _date_from_mentions(stop: Stop, traveller: str, ctx: _Context) -> Stop:
        """An undated stop takes the one date the article gives the same place (a confirmed
        country: or a place inside it), in a sentence about the same traveller (or about nobody
        named): a confirmed stop a date up to the publication, a planned one a date from it on
        ("Во Владивостоке 25 апреля у него запланирована встреча")."""
        r = stop.resolved
        if stop.date.known or stop.status is Status.CANCELLED or r is None:
            return stop
        inside = stop.status is Status.CONFIRMED  # a planned country: not from a city already done
        found = {
            d
            for rec, d, who in ctx.dated
            if (rec.id == r.id or (inside and r.kind == "country" and rec.country_code == r.country_code))
            and (not who or traveller in who)
            and _consistent(d, stop.status, ctx.published) is d
        }
        if len(found) != 1:
            return stop
        return dataclasses.replace(stop, date=found.pop())

    # ------------------------------------------------------------ trips
    def _trips(self, drafts: list[_Draft], article: Article, ctx: _Context, model: StopModel) -> list[Trip]:

        published = article.published
        explicit = Counter(d.traveller for d in drafts if d.explicit_traveller and d.traveller and d.rule)
        explicit = explicit or Counter(d.traveller for d in drafts if d.explicit_traveller and d.traveller)
        main = explicit.most_common(1)[0][0] if explicit else None
        by_traveller: dict[str, list[_Draft]] = {}
        for d in drafts:
            if published and d.date and d.date.end and (published - d.date.end).days > 365:
                continue  # a visit years ago is background, not part of this trip
            # a stop only the scorer found belongs to the article's main traveller
            who = (d.traveller if d.rule else main or d.traveller) or main or "Unknown traveller"
            by_traveller.setdefault(who, []).append(d)
        trips: list[Trip] = []
        used_ids: set[str] = set()
        for who, items in by_traveller.items():
            stops = _merge(items, published)
            if not stops:
                continue
            tid = _slug(who if who != "Unknown traveller" else "unknown")
            while tid in used_ids:
                tid += "-2"
            used_ids.add(tid)
            built = tuple(
                Stop(
                    status=d.status,
                    place=d.place.query,
                    role=d.role,
                    hint=", ".join(dict.fromkeys(d.hints)) or None,
                    date=d.date or DateSpan(),
                    source=article.source_id,
                    quote=d.sentence,
                    confidence=round(d.score, 3),
                    needs_review=d.score < model.tuning.review_below or d.place.confidence < REVIEW_BELOW,
                    note=_why_note(d),
                )
                for d in stops
            )
            trips.append(Trip(id=tid, traveller=who, stops=built, title=f"{who} (from the article)"))
        draft = Itinerary(trips=tuple(trips))
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", AmbiguityWarning)
            try:
                resolved = resolve_itinerary(draft, self.geocoder)
            except ValidationError as exc:  # a place the gazetteer knew a moment ago
                raise ExtractionError(str(exc)) from None
        doubtful = {str(w.message).split(":")[0] for w in caught}
        # the article's main traveller: the one with the most stops (the first such trip)
        main_traveller = max(resolved.trips, key=lambda t: len(t.stops)).traveller if resolved.trips else None
        out: list[Trip] = []
        for ti, trip in enumerate(resolved.trips):
            kept: list[Stop] = []
            for si, st in enumerate(trip.stops):
                if f"trips[{ti}].stops[{si}]" in doubtful:
                    st = dataclasses.replace(st, needs_review=True)
                kept.append(st)
            kept = [self._date_from_mentions(st, trip.traveller, ctx) for st in kept]
            ordered = _order(_absorb_countries(_date_from_country(kept, article.published)))
            if trip.traveller == main_traveller:
                ordered = _date_from_publication(ordered, article.published)
            ordered = _place_country_entries(ordered)
            out.append(dataclasses.replace(trip, stops=ordered))
        return [t for t in out if t.stops]


# ---------------------------------------------------------------- helpers
@dataclass(frozen=True)
class _Context:
    """What one extraction knows beyond a sentence (an Extractor keeps no per-article state)."""

    lx: Lexicon
    names: dict[str, str]
    roles: dict[str, Counter[str]]
    published: dt.date | None
    trained: bool
    # (place record, date, persons of the sentence) of dated mentions that are not stops
    dated: list[tuple[Any, DateSpan, set[str]]] = field(default_factory=list)


@dataclass
class _Reading:
    """What one sentence says: its stops and the hints, lists and travel words around them."""

    travel: list[int]
    stops: list[tuple[_Place, Role]] = field(default_factory=list)
    hints_of: dict[int, list[str]] = field(default_factory=dict)  # stop index -> hint texts
    hint_owner: dict[int, int] = field(default_factory=dict)  # hint index -> stop index
    group: dict[int, int] = field(default_factory=dict)  # list item -> first item of its list


def _travel_positions(sent: Any, lx: Lexicon) -> list[int]:
    base = sent.start_char
    toks = list(sent)
    out = [
        t.idx - base for i, t in enumerate(toks) if starts(t.lower_, lx.travel) or _travel_word(toks, i, lx)
    ]
    lower = sent.text.lower()
    if (ph := phrase_in(lower, lx.travel)) is not None:
        out.append(lower.index(ph))
    return out


def _travel_word(toks: list[Any], i: int, lx: Lexicon) -> bool:
    """A travel word by its lemma ("flog" -> fliegen), a separable verb with its particle later in
    the clause ("reist ... weiter" -> weiterreisen), or a compound ending in a travel noun
    ("Ostafrikareise")."""
    if not lx.travel_lemmas:
        return False
    w = toks[i].lower_
    base = lemma(lx.lang, w)
    if base in lx.travel_lemmas:
        return True
    if lx.particles:
        for t in toks[i + 1 : i + 16]:
            if t.is_punct and t.text in ",.;:!?":
                break
            if t.lower_ in lx.particles and t.lower_ + base in lx.travel_lemmas:
                return True
    return (
        toks[i].text[:1].isupper()
        and any(w.endswith(h) and len(w) >= len(h) + 3 for h in lx.compound_heads)
        and not w.endswith(lx.compound_not)
    )


def _stop_date(
    s: _Sentence, reading: _Reading, p: _Place, status: Status | None, ctx: _Context
) -> DateSpan | None:
    """The stop's date: the dates of its clause (see :func:`_owned_dates`), each weekday read
    from the tense of its own clause, an "until" date closing the stay, stretched over a stated
    visit length ("his two-day state visit")."""
    published = ctx.published
    # the dates of the clause go to its stops (and their hints), not to places that are none
    stops = {s.places.index(q) for q, _ in reading.stops} | set(reading.hint_owner)
    owned = _owned_dates(s.dates, p, s.places, reading.hint_owner, reading.group, stops, s.clauses)
    # "announced on Tuesday a summit in Amman the following day": the anchor dates the announcement
    anchors = {h.anchor for h in owned if h.anchor is not None}
    owned = [h for h in owned if h.start not in anchors]
    spans: list[DateSpan] = []
    ends: list[DateSpan] = []
    for h in owned:
        ahead = _clause_future(s, h.start, ctx) if h.weekday is not None else None
        if ahead is None:  # no tense to read: the status says it
            ahead = status in (Status.PLANNED, Status.CANCELLED)
        if (d := h.resolve(published, future=ahead)) is not None:
            (ends if h.until else spans).append(d)
    date = _until(_combine(spans), ends, status, published)
    found = visit_length(s.span.text, ctx.lx) if len(reading.stops) == 1 else None
    if date is not None and date.start and found and date.start == date.end and not _of_area(s, p, found[1]):
        end = date.start + dt.timedelta(days=found[0] - 1)
        date = DateSpan(date.start, end, date.precision, f"{date.start}/{end}")
    return date


def _until(
    date: DateSpan | None, ends: list[DateSpan], status: Status | None, published: dt.date | None
) -> DateSpan | None:
    """A stay closed by an "until" date: from the stop's own date (or, where the traveller is
    already, the publication date) to that day."""
    end = max((e.end for e in ends if e.end), default=None)
    if end is None:
        return date
    start = date.start if date is not None else (published if status is Status.CONFIRMED else None)
    if start is None or start > end or (end - start).days > 31:
        return date
    return _day_span(start, end)


def _of_area(s: _Sentence, p: _Place, end: int) -> bool:
    """A stated visit length followed by a country that qualifies the stop ("arrivé à Dakar pour
    une visite de trois jours au Sénégal"): the length is the country's, not the city's."""
    nxt = next((q for q in s.places if q.start >= end), None)
    if nxt is None or nxt is p or nxt.start - end > 12:
        return False
    return nxt.record is not None and nxt.record.kind in AREA_KINDS


def _stop_traveller(
    s: _Sentence, reading: _Reading, p: _Place, ctx: _Context, carry: str | None
) -> tuple[str | None, bool]:
    """Who travels to this stop, and whether the sentence names them."""
    text = s.span.text
    trig = max((t for t in reading.travel if t < p.start), default=None)
    if trig is None:
        trig = min(reading.travel, default=0)
    person = _after_travel_noun(s, trig) or _traveller(s.persons, trig, p.start, text, ctx.lx)
    if person is not None:
        return ctx.names.get(person.name, person.name), True
    # "le dirigeant nord-coréen est arrivé": the person that title names, or the last traveller
    return _by_title(text[: max(trig, 0)].lower(), ctx.roles) or carry, False


def _clean(text: str) -> str:
    import unicodedata

    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u00a0", " ").replace("\u2019", "'").replace("\u02bc", "'")
    return re.sub(r"\[excerpt truncated[^\]]*\]", "", text)


def _beside_name(text: str, p: _Place, person_words: set[str]) -> bool:
    """A one-word place right after or before a word of a person's name: an inflected part of
    that name ("Ким Чен Ына", "Си Цзиньпин")."""
    if " " in p.text or p.from_ner:
        return False
    before = re.search(r"([^\W\d_][\w'-]*)\s+$", text[: p.start])
    after = re.match(r"\s+([^\W\d_][\w'-]*)", text[p.end :])
    return any(
        m is not None and m.group(1)[0].isupper() and m.group(1).lower() in person_words
        for m in (before, after)
    )


def _after_name_adjective(text: str, start: int, lx: Lexicon) -> bool:
    """A capitalised adjective inside a sentence just before the place: both belong to a longer
    name ("Afrikanischen Union", "Европейского союза"), not to a place."""
    m = re.search(r"([^\W\d_][\w-]*)\s+$", text[:start])
    if m is None or m.start(1) == 0 or not lx.adjective_endings:
        return False
    w = m.group(1)
    return w[0].isupper() and w.lower().endswith(tuple(e for e in lx.adjective_endings if len(e) >= 4))


def _function_word(low: str, lx: Lexicon) -> bool:
    """A determiner, title or preposition: capitalised at a sentence start ("Im Senegal", "В
    Пекине"), it does not begin a place name."""
    return low in lx.determiners or low in lx.titles or low in lx.at or low in lx.origin


def _capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper() and any(c.isalpha() for c in word)


def _prominent(r: Any) -> bool:
    if r.kind in AREA_KINDS or r.is_landmark:
        return True
    return bool(r.kind == "city" and r.population >= MIN_CITY_POPULATION)


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_][\w'-]*", text)


def _word_before(text: str, start: int, lx: Lexicon) -> str:
    words = _words(text[max(0, start - 60) : start].lower())
    while words and (words[-1] in lx.determiners or words[-1] in {"l'", "d'"} or words[-1].endswith("'s")):
        words.pop()
    if words and words[-1].endswith(("l'", "d'")):
        words[-1] = words[-1][:-2]
    w = words[-1] if words else ""
    if w.startswith(("l'", "d'")):  # "l'Angola" tokenised with its article
        w = w[2:]
    return w


def _sentences(doc: Any) -> list[Any]:
    """The sentences of a paragraph, with a list after a colon kept in its sentence."""
    out: list[Any] = []
    for sent in doc.sents:
        # a list after a colon; a sentence cut before its comma ("Samedi" | ", dans la matinée")
        if out and (out[-1].text.rstrip().endswith(":") or sent.text.lstrip()[:1] in (",", ";")):
            out[-1] = doc[out[-1].start : sent.end]
        else:
            out.append(sent)
    return out


def _related(sent: Any, p: _Place, lx: Lexicon) -> bool | None:
    """Whether the parse links the place to a travel word (None when there is no verb to judge by).

    Walks up from the place to the first verb: a travel word on the way, or a travel verb,
    links them ("scheduled to land in Amman"); another verb does not ("chose not to attend a
    summit in Switzerland", "a adressé des avertissements à la Corée du Nord").
    """
    doc = sent.doc
    span = doc.char_span(sent.start_char + p.start, sent.start_char + p.end, alignment_mode="expand")
    if span is None:
        return None
    tok = span.root
    for _ in range(12):
        if tok.i not in range(span.start, span.end) and starts(tok.lower_, lx.travel):
            return True
        if tok.pos_ in ("VERB", "AUX") and tok.i not in range(span.start, span.end):
            around = doc[max(tok.i - 2, sent.start) : min(tok.i + 2, sent.end)].text.lower()
            return phrase_in(around, lx.travel) is not None  # "se trouve", "is in"
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _role(text: str, start: int, lx: Lexicon) -> Role | None:
    """VISIT or ORIGIN when the words before a place make it a destination or a departure."""

    prev = _word_before(text, start, lx)
    tail = _SPACE.sub(" ", text[max(0, start - 30) : start].lower()).rstrip()
    if any(tail.endswith(t) or tail.endswith(t + " la") or tail.endswith(t + " le") for t in lx.toward):
        return Role.VISIT
    if prev not in lx.at and prev not in lx.origin:
        prev = _preposition_before_noun(text, start, lx) or prev
    if prev in lx.at:
        return Role.VISIT
    if prev in lx.origin:
        return Role.ORIGIN
    return _role_by_verb(text, start, lx)


def _role_by_verb(text: str, start: int, lx: Lexicon) -> Role | None:
    """VISIT when a visit verb governs the place, or a stop noun is equated with it."""
    if _equated_with_stop(text, start, lx):
        return Role.VISIT
    prev = _word_before(text, start, lx)
    raw = re.findall(r"[^\W\d_][\w'-]*", text[max(0, start - 80) : start])[-6:]
    # "besucht der Bundeskanzler Kasachstan", "visited the Jordanian capital Amman"
    # (but not "la visite du Russe": a genitive names the visitor, not the place)
    for w in reversed(raw):
        lw = w.lower()
        if starts(lw, lx.visit_verbs):
            return Role.VISIT
        if lw in GENITIVES:
            break
        if lw in lx.determiners or lw in lx.titles or w[0].isupper():
            continue
        break
    # "à l'aéroport international de Conakry", "at the space centre of ..."
    if prev in {"de", "of", "di", "von", "du", "d", "del"}:
        low = [w.lower() for w in raw]
        for i, w in enumerate(low):
            if w in KIND_WORDS and any(x in lx.at for x in low[max(0, i - 3) : i]):
                return Role.VISIT
    return None


def _preposition_before_noun(text: str, start: int, lx: Lexicon) -> str | None:
    """The preposition before a place noun or adjectives that precede the name ("in die
    tadschikische Hauptstadt Duschanbe", "на приграничную станцию Хасан", "in the Jordanian
    capital Amman"), if any."""
    words = _words(text[max(0, start - 80) : start])
    skipped = 0
    while words and skipped < 3:
        w = words[-1]
        low = w.lower()
        noun = _place_noun(low, lx)
        adjective = bool(lx.adjective_endings) and w.islower() and low.endswith(lx.adjective_endings)
        demonym = w[:1].isupper() and skipped > 0 and low.endswith(("an", "ese", "ish", "i"))
        if not (noun or adjective or demonym):
            break
        words.pop()
        skipped += 1
        while words and words[-1].lower() in lx.determiners:
            words.pop()
    if not skipped or not words:
        return None
    w = words[-1].lower()
    return w if w in lx.at or w in lx.origin else None


def _place_noun(word: str, lx: Lexicon) -> bool:
    return any(word.startswith(n) or (len(word) > len(n) + 2 and word.endswith(n)) for n in lx.place_nouns)


def _equated_with_stop(text: str, start: int, lx: Lexicon) -> bool:
    """A place said to be a stop of the trip ("Erste Station ist Usbekistan", "the next stop will be
    Hanoi"): a stop noun a few words before it in its clause."""
    if not lx.stop_nouns:
        return False
    clause = re.split(r"[.;:!?]", text[max(0, start - 90) : start])[-1]
    words = [w.lower() for w in _words(clause)][-8:]
    noun = next((i for i, w in enumerate(words) if starts(w, lx.stop_nouns)), None)
    return noun is not None and any(w in lx.copulas for w in words[noun + 1 :])


def _listed(gap: str, lx: Lexicon) -> bool:
    """True when ``gap`` only joins two items of a list (", ", "et à", "and", "y", "puis en")."""
    words = _words(gap.lower())
    joiners = {"et", "and", "y", "und", "и", "puis", "then", "plus", "as", "well", "e", "ou", "or"}
    rest = [w for w in words if w not in joiners and w not in lx.at and w not in lx.determiners]
    rest = [w for w in rest if w not in {"l'", "d'"} and not w.startswith(("l'", "d'"))]
    joined = "," in gap or any(w in joiners for w in words)  # "du Russe à Conakry" is no list
    return joined and not rest and len(gap) <= 25 and not re.search(r"[.;!?()]", gap)


def _colon_list(text: str, places: list[_Place], idx: int, lx: Lexicon) -> bool:
    """True when places[idx] belongs to a list of two or more places after a colon."""
    i = idx
    while i > 0 and _listed(text[places[i - 1].end : places[i].start], lx):
        i -= 1
    j = idx
    while j + 1 < len(places) and _listed(text[places[j].end : places[j + 1].start], lx):
        j += 1
    if j - i + 1 < 2:
        return False
    before = text[max(0, places[i].start - 30) : places[i].start]
    return ":" in before


def _near_travel(text: str, p: _Place, travel: list[int]) -> bool:
    """A travel word within 15 words before the place or 6 after it."""
    for t in travel:
        if t < p.start and len(_words(text[t : p.start])) <= 15:
            return True
        if t >= p.end and len(_words(text[p.end : t])) <= 6:
            return True
    return False


def _outlet_after(text: str, end: int) -> bool:
    return bool(re.match(r"\s+(News|Globe|Times|Post|Herald|Tribune|Today|TV|Radio)\b", text[end:]))


def _followed_by_speech(text: str, end: int, lx: Lexicon) -> bool:
    """The place is the subject of a speech verb ("Moscow said", "Washington warned"), not the end
    of a clause a reporting clause follows ("... ist Äthiopien, sagte ein Sprecher")."""
    if re.match(r"\s*,\s*[^\W\d_]", text[end:]) and starts(
        _words(text[end : end + 40].lower())[:1][0], lx.speech
    ):
        return False
    nxt = _words(text[end : end + 40].lower())[:3]
    return any(starts(w, lx.speech) for w in nxt[:2])


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``pos`` lies in one of ``spans`` (sorted, not overlapping)."""
    i = bisect.bisect_right(spans, (pos, math.inf)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _subjects(s: _Sentence, ctx: _Context) -> set[str]:
    """The persons a sentence is about: those named, less the ones met or accompanied
    ("встреча с президентом Путиным")."""
    text = s.span.text
    return {
        ctx.names.get(q.name, q.name)
        for q in s.persons
        if not _companion(text[max(0, q.start - 40) : q.start], ctx.lx)
    }


def _companion(before: str, lx: Lexicon) -> bool:
    """Whether the words just before a person make them a companion or a host ("with", "avec",
    "mit", "con", "с"; "met", "a rencontré")."""
    prev = [w for w in _words(before.lower()) if w not in lx.titles]
    return bool(prev) and (prev[-1] in lx.with_ or any(starts(w, lx.meet) for w in prev[-2:]))


def _consistent(date: DateSpan | None, status: Status | None, published: dt.date | None) -> DateSpan | None:
    """No past date on a planned stop, no future date on a confirmed one: such a date belongs
    to something else in the sentence ("a tour that began on Monday will take him to ...")."""
    if date is None or published is None or status is None or date.start is None or date.end is None:
        return date
    if status is Status.PLANNED and date.end < published:
        return None
    if status is Status.CONFIRMED and date.start > published:
        return None
    return date


def _ends(word: str, endings: tuple[str, ...]) -> bool:
    for e in endings:
        if e.endswith("="):
            if word.endswith(e[:-1]) and len(word) > len(e) + 3:
                return True
        elif word.endswith(e) and len(word) > len(e) + 2:
            return True
    return False


def _gap(h: DateHit, p: _Place) -> int:
    return max(h.start - p.end, p.start - h.end, 0)


def _owned_dates(
    hits: list[DateHit],
    p: _Place,
    places: list[_Place],
    hint_owner: dict[int, int],
    group: dict[int, int],
    among: set[int] | None = None,
    clauses: _Clauses | None = None,
) -> list[DateHit]:
    """The dates of the sentence that belong to this place: one date per clause. A date goes to
    the nearest place of its own clause; a clause opened by "where" ("où", "wo", "где") speaks
    of the place before it; a clause with no place gives a single day to the nearest place of
    the sentence, but never a range. A date next to a hint belongs to the place it qualifies
    ("in Hanoi, Vietnam, early Thursday"); a date owned by one item of a list belongs to the
    whole list ("ce vendredi 3 mars: l'Angola, le Congo-Brazzaville puis la RDC")."""
    me = places.index(p)
    eligible = sorted(among | {me}) if among is not None else list(range(len(places)))

    def owner(h: DateHit) -> int | None:
        pool = eligible
        if clauses is not None:
            cid = clauses.at(h.start)
            inside = [k for k in eligible if clauses.at(places[k].start) == cid]
            if inside:
                pool = inside
            elif clauses.kind(cid) == "where":
                pool = [k for k in eligible if places[k].end <= h.start][-1:]
            elif any(clauses.at(q.start) == cid for q in places) or h.until or _is_range(h):
                return None  # the clause's own place is no stop; a range stays in its clause
            if not pool:
                return None
        j = min(pool, key=lambda k: _gap(h, places[k]))
        # "débutée ce lundi 3 juin en Guinée, ... attendu à Ouagadougou": the date qualifies the
        # place right beside it, which is no stop here
        beside = min(range(len(places)), key=lambda k: _gap(h, places[k]))
        if (
            clauses is not None
            and beside not in eligible
            and _beside(h, places[beside], clauses)
            and _gap(h, places[j]) > _BESIDE
        ):
            return None
        j = hint_owner.get(j, j)
        return group.get(j, j)

    mine = [h for h in hits if owner(h) == group.get(me, me)]
    if not mine and clauses is not None and clauses.kind(clauses.at(p.start)) == "sequel":
        # "un acto previsto el día 25, tras el cual viajará a Madrid": Madrid on that day
        first = clauses.bounds[clauses.at(p.start)][0] if clauses.bounds else 0
        before = clauses.at(first - 1)
        mine = [h for h in hits if clauses.at(h.start) == before and h.span is not None and not _is_range(h)]
        mine = [h for h in mine if h.span is not None and h.span.precision is Precision.DAY][-1:]
    return mine


_BESIDE = 6  # characters between a date and the place it qualifies ("3 juin en Guinée")


def _beside(h: DateHit, p: _Place, clauses: _Clauses) -> bool:
    """A place right beside a date, joined by nothing but a preposition ("3 juin en Guinée",
    "in Cairo on Sunday")."""
    text = clauses.text
    gap = text[p.end : h.start] if p.end <= h.start else text[h.end : p.start]
    words = _words(gap.lower())
    return len(gap) <= _BESIDE and not re.search(r"[,;:.]", gap) and all(w in clauses.at_words for w in words)


def _requote(
    s: _Sentence, hits: list[DateHit], published: dt.date | None, lx: Lexicon, trained: bool
) -> list[DateHit]:
    """Relative days in a quotation count from the day its reporting clause gives ("„Die Reise
    wird morgen fortgesetzt“, hieß es am Mittwochabend")."""
    c = s.clauses
    if c is None or "quote" not in c.kinds or published is None:
        return hits
    said = None
    for h in hits:
        if c.kind(c.at(h.start)) != "quote" and h.relative is None:
            a, b = c.bounds[c.at(h.start)]
            ahead = _tense(s.span, lx, trained, a, b) != "past"
            d = h.resolve(published, future=ahead)
            if d is not None and d.precision is Precision.DAY and d.start == d.end:
                said = d.start
    inside = [h for h in hits if c.kind(c.at(h.start)) == "quote"]
    moved = dict(zip(map(id, inside), requote(inside, said), strict=True))
    return [moved.get(id(h), h) for h in hits]


def _is_range(h: DateHit) -> bool:
    return h.span is not None and h.span.start != h.span.end


@dataclass(frozen=True)
class _Clauses:
    """The clauses of a sentence: an id for every character, and each id's kind ("main",
    "opener", "before", "sequel", "where", "aside", "quote")."""

    ids: tuple[int, ...]
    kinds: tuple[str, ...]
    text: str = ""
    at_words: frozenset[str] = frozenset()  # the pack's locative prepositions
    bounds: tuple[tuple[int, int], ...] = ()  # per clause id: its first and last character + 1

    def at(self, pos: int) -> int:
        return self.ids[min(max(pos, 0), len(self.ids) - 1)] if self.ids else 0

    def kind(self, cid: int) -> str:
        return self.kinds[cid]


def _clauses(text: str, lx: Lexicon) -> _Clauses:
    """Split a sentence into clauses at the pack's clause openers ("before", "avant de",
    "bevor", "antes de", "перед"), relative adverbs ("where", "où", "wo", "donde", "где") and
    relative pronouns set off by commas (", qui ... ,", ", который ... ,": a clause between
    the commas; the outer clause goes on after it); a quotation is a clause of its own."""
    marks: list[tuple[int, str, int]] = []
    kinds_of = (
        (lx.sequel, "sequel"),
        (lx.before, "before"),
        (lx.clause_openers, "opener"),
        (lx.where_words, "where"),
    )
    for words, kind in kinds_of:
        for w in words:
            for m in re.finditer(rf"(?<!\w){re.escape(w)}(?!\w)", text, re.I):
                marks.append((m.start(), kind, len(text)))
    # a quotation speaks in its own time ("„... morgen ...“, hieß es am Mittwochabend")
    # (one whose opening mark fell in the sentence before ends in a mark and a comma)
    for m in re.finditer(r"[„“«\"][^„“”«»\"]{12,}[“”»\"]|^[^„“”«»\"]{12,}[“”»\"](?=\s*,)", text):
        marks.append((m.start(), "quote", m.end()))
    for w in lx.relative_pronouns:
        for m in re.finditer(rf",\s*({re.escape(w)})(?!\w)", text, re.I):
            close = text.find(",", m.end())
            marks.append((m.start(1), "aside", close if close >= 0 else len(text)))
    ids = [0] * len(text)
    kinds = ["main"]
    seen: set[int] = set()
    order = {"sequel": 0, "before": 1}
    # a sentence has a few clauses; a run of hundreds of openers is no prose (and would cost
    # time in proportion to its length times their number)
    for pos, kind, stop in sorted(marks, key=lambda m: (m[0], order.get(m[1], 2)))[:MAX_CLAUSES]:
        if pos in seen:
            continue  # "avant de" and "avant d'" at one place
        seen.add(pos)
        outer, new = ids[pos], len(kinds)
        kinds.append(kind)
        for i in range(pos, stop):
            if ids[i] == outer:
                ids[i] = new
    bounds = [(len(text), 0)] * len(kinds)
    for i, c in enumerate(ids):
        a, b = bounds[c]
        bounds[c] = (min(a, i), max(b, i + 1))
    return _Clauses(tuple(ids), tuple(kinds), text, lx.at | lx.origin, tuple(bounds))


def _combine(spans: list[DateSpan]) -> DateSpan | None:
    """Several dates for one stop in one sentence: the span from the first to the last
    ("dès ce soir ... dimanche"), when it is a stay of at most two weeks."""
    spans = [d for d in spans if d.start is not None and d.end is not None]
    if not spans:
        return None
    if len(spans) == 1:
        return spans[0]
    # A date inside another is the more precise one ("du 1er au 5 mars ... ce vendredi 3 mars").
    inner = [d for d in spans if all(o is d or (o.start <= d.start and d.end <= o.end) for o in spans)]  # type: ignore[operator]
    if inner:
        return inner[0]
    a = min(d.start for d in spans if d.start)
    b = max(d.end for d in spans if d.end)
    if (b - a).days > 14 or any(d.precision.value != "day" for d in spans):
        return spans[0]
    return DateSpan(a, b, spans[0].precision, f"{a.isoformat()}/{b.isoformat()}")


def _after_travel_noun(s: _Sentence, trigger: int) -> _Person | None:
    """The person named right after a travel noun: "визит Путина", "la visite du pape François"."""
    tok = next((t for t in s.span if t.idx - s.span.start_char == trigger), None)
    if tok is None or tok.pos_ in ("VERB", "AUX"):
        return None
    end = trigger + len(tok.text)
    after = s.span.text[end : end + 30]
    for p in s.persons:
        gap = p.start - end
        if 0 <= gap <= 12 and re.fullmatch(
            r"\s*(?:(?:du|de|des|of|the|del|des)\s+)*(?:\w+\s+)?", after[:gap]
        ):
            return p
    return None


def _traveller(
    persons: list[_Person], trigger: int, place_start: int, text: str, lx: Lexicon
) -> _Person | None:
    """The person named nearest before the travel word (or before the place)."""
    limit = max(trigger, 0)
    before = [p for p in persons if p.end <= limit] or [p for p in persons if p.end <= place_start]
    for p in reversed(before):
        prev = [w for w in _words(text[max(0, p.start - 40) : p.start].lower()) if w not in lx.titles]
        if prev and prev[-1] in lx.with_:
            continue  # "avec le président Poutine": a companion or host
        if any(starts(w, lx.meet) for w in prev[-2:]):
            continue  # "a rencontré Vladimir Poutine": the host
        return p
    return None


def _inflected_persons(sentences: list[_Sentence], names: dict[str, str], lang: str) -> None:
    """Without a recogniser, find the case forms of names already seen ("визит Путина")."""
    known = {w.lower(): full for full in set(names.values()) for w in full.split() if len(w) > 3}
    for s in sentences:
        base = s.span.start_char
        for t in s.span:
            a = t.idx - base
            if not _capitalised(t.text) or any(p.start <= a < p.end for p in s.persons):
                continue
            full = next((known[v.lower()] for v in variants(lang, t.text) if v.lower() in known), None)
            if full is not None:
                s.persons.append(_Person(a, a + len(t.text), t.text))
                names[t.text] = full
        s.persons.sort(key=lambda p: p.start)


def _title_phrases(sentences: list[_Sentence], names: dict[str, str], lx: Lexicon) -> dict[str, Counter[str]]:
    """Title phrases written just before a name ("le dirigeant nord-coréen Kim Jong-un"),
    mapped to the persons they introduce, so a later bare title can be read as that person."""
    out: dict[str, Counter[str]] = {}
    for s in sentences:
        text = s.span.text
        for p in s.persons:
            words = text[max(0, p.start - 60) : p.start].lower().replace(",", " ").split()
            run: list[str] = []
            while (
                words and len(run) < 3 and words[-1] not in lx.determiners and words[-1].isalpha() is not None
            ):
                w = words.pop()
                if w in lx.at or w in lx.with_ or not re.match(r"^[^\W\d_][\w'-]*$", w):
                    break
                run.insert(0, w)
            while run and run[0] not in lx.titles:
                run.pop(0)
            if run and len(run) >= 2:
                out.setdefault(" ".join(run), Counter())[names.get(p.name, p.name)] += 1
    return out


def _by_title(text: str, roles: dict[str, Counter[str]]) -> str | None:
    """The person a title phrase in ``text`` stands for, if the article named one."""
    found = [(text.rfind(k), k) for k in roles if k in text]
    if not found:
        return None
    _, key = max(found)
    return roles[key].most_common(1)[0][0]


def _strip_titles(name: str, lx: Lexicon) -> str:
    words = name.replace("’", "'").split()
    while len(words) > 1 and words[0].lower().strip(",") in lx.titles:
        words.pop(0)
    out = " ".join(words)
    return re.sub(r"'s$", "", out).strip(" ,.")


def _canonical_persons(raw: list[str], lx: Lexicon) -> dict[str, str]:
    """Map every person mention to the fullest form of the same name in the article."""
    raw = [r for r in raw if not all(w.lower().strip(",.") in lx.titles for w in r.split())]
    cleaned = {r: _strip_titles(r, lx) for r in raw}
    forms = Counter(_strip_titles(r, lx) for r in raw)
    first = {f: i for i, f in reversed(list(enumerate(_strip_titles(r, lx) for r in raw)))}
    out: dict[str, str] = {}
    for r, c in cleaned.items():
        toks = set(c.lower().split())
        longer = [f for f in forms if f != c and toks and toks <= set(f.lower().split())]
        # the fullest form seen most often, then the one introduced first (the article's subject)
        out[r] = max(longer, key=lambda f: (forms[f], -first[f])) if longer else c
    return out


def _quote(sentence: str) -> str:
    q = _SPACE.sub(" ", sentence).strip()
    return q if len(q) <= MAX_QUOTE else q[: MAX_QUOTE - 1].rstrip() + "…"


def _slug(text: str) -> str:
    import unicodedata

    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-") or "trip"


def _same_place(a: _Place, b: _Place) -> bool:
    ra, rb = a.record, b.record
    if ra is None or rb is None:
        return bool(a.query.lower() == b.query.lower())
    if ra.id == rb.id:
        return True
    if ra.kind in AREA_KINDS or rb.kind in AREA_KINDS:
        return False
    return haversine_km(ra.lat, ra.lon, rb.lat, rb.lon) <= 25


def _merge(items: list[_Draft], published: dt.date | None = None) -> list[_Draft]:
    """One stop per place and trip: the first mention, completed by the later ones (their days
    where they fit the stop's status)."""
    out: list[_Draft] = []
    for d in items:
        same = next((o for o in out if _same_place(o.place, d.place)), None)
        if same is None:
            out.append(dataclasses.replace(d, hints=list(d.hints)))
            continue
        if d.rule and not same.rule:  # the mention the rules read as a stop speaks for the place
            out.remove(same)  # ... and takes its place in the text order
            date = d.date or (same.date if _fits(same.date, d.status, published) else None)
            hints = [*same.hints, *d.hints]
            out.append(dataclasses.replace(d, hints=hints, score=max(d.score, same.score), date=date))
            continue
        # a vague month or year only from a mention the rules read as a stop (not "im Juni
        # Gastland beim G7-Gipfel"; but "his father visited Russia in 2011")
        vague = d.date is not None and d.date.precision is not Precision.DAY
        if d.date is not None and (d.rule or not vague) and _fits(d.date, same.status, published):
            if same.date is None:
                same.date = d.date
            elif same.status is d.status:
                same.date = _stay(same.date, d.date)  # a stay: arrival here, mass there on Sunday
        if d.status is Status.CANCELLED:
            same.status = Status.CANCELLED
        same.hints.extend(d.hints)
        if d.place.confidence > same.place.confidence:
            same.place = d.place
    return out


def _day_span(a: dt.date, b: dt.date) -> DateSpan:
    return DateSpan(a, b, Precision.DAY, a.isoformat() if a == b else f"{a.isoformat()}/{b.isoformat()}")


def _fits(date: DateSpan | None, status: Status, published: dt.date | None) -> bool:
    """Whether a date another mention gives fits this stop's status (no day ahead for a stop
    already made, no day past for one still planned)."""
    return date is not None and _consistent(date, status, published) is date


def _stay(a: DateSpan, b: DateSpan) -> DateSpan:
    """Two dates of one stop from two mentions: the span that covers both (a stay: landed on
    Tuesday, the ceremony there on Wednesday), if it is at most two weeks of days; else the
    first one."""
    if a.start is None or a.end is None or b.start is None or b.end is None:
        return a
    if a.precision is not Precision.DAY or b.precision is not Precision.DAY:
        return a
    lo, hi = min(a.start, b.start), max(a.end, b.end)
    if (hi - lo).days > 14:
        return a
    return _day_span(lo, hi)


def _date_from_country(stops: list[Stop], published: dt.date | None) -> list[Stop]:
    """An undated city takes the day of the country stop it lies in when that day fits its own
    status ("llegó este martes 20 de febrero a Venezuela ... se reunirá en Caracas": Caracas on
    the 20th; "heute zu einem zweitägigen Besuch in Frankreich erwartet ... in Marseille")."""
    out = list(stops)
    for s in stops:
        r = s.resolved
        if r is None or r.kind != "country" or s.date.precision is not Precision.DAY:
            continue
        for i, o in enumerate(out):
            inside = (
                o.resolved is not None
                and o.resolved.kind not in AREA_KINDS
                and o.resolved.country_code == r.country_code
            )
            if (
                inside
                and not o.date.known
                and o.status is not Status.CANCELLED
                and _consistent(s.date, o.status, published) is s.date
            ):
                out[i] = dataclasses.replace(o, date=s.date)
    return out


def _absorb_countries(stops: list[Stop]) -> list[Stop]:
    """Drop a country stop that only repeats the country of a city stop of the same trip.

    Its date passes to the cities of that country that have none ("arrivé le 3 juin en
    Guinée" ... "à son arrivée à Conakry"). A country dated just after a city in it extends
    that city's stay; one dated before keeps its own stop, as an entry (Russia on the 12th,
    the cosmodrome on the 13th).
    """
    out = list(stops)
    for s in stops:
        r = s.resolved
        if r is None or r.kind != "country":
            continue
        done_inside = any(
            o.status is Status.CONFIRMED and o.resolved and o.resolved.kind not in AREA_KINDS
            and o.resolved.country_code == r.country_code
            for o in out
        )  # fmt: skip
        if s.status is Status.PLANNED and not s.date.known and done_inside:
            out = [o for o in out if o is not s]  # "will be in Russia" when he is already in Moscow
            continue
        if s.status is Status.CANCELLED:  # the trip to the country is off: so are its planned stops
            out = [
                dataclasses.replace(o, status=Status.CANCELLED)
                if o.status is Status.PLANNED
                and o.resolved is not None
                and o.resolved.country_code == r.country_code
                else o
                for o in out
            ]
        inside = [
            i
            for i, o in enumerate(out)
            if o is not s
            and o.resolved is not None
            and o.resolved.kind not in AREA_KINDS
            and o.resolved.country_code == r.country_code
            and o.status is s.status
        ]
        if not inside:
            continue
        dated = [i for i in inside if out[i].date.known]
        if s.date.known and dated and all(out[i].date != s.date for i in dated):
            # Dated after the last dated city in it: the stay there goes on ("arrivé le 2 mars
            # à Luanda", then "ce vendredi 3 mars: l'Angola, ..."). Dated before: an entry.
            last = max(dated, key=lambda i: out[i].date.end or dt.date.min)
            city = out[last]
            gap = (s.date.start - city.date.end).days if s.date.start and city.date.end else -1
            if not 0 < gap <= 2 or not city.date.start or not s.date.end:
                continue
            text = f"{city.date.start.isoformat()}/{s.date.end.isoformat()}"
            out[last] = dataclasses.replace(
                city, date=DateSpan(city.date.start, s.date.end, city.date.precision, text)
            )
            out = [o for o in out if o is not s]
            continue
        for i in inside:
            if not out[i].date.known and s.date.known and out[i].status is s.status:
                out[i] = dataclasses.replace(out[i], date=s.date)
        out = [o for o in out if o is not s]
    return out


def _place_country_entries(stops: tuple[Stop, ...]) -> tuple[Stop, ...]:
    """A country stop next to a stop inside that country ("arrivé en Russie le 12 septembre",
    then the cosmodrome) is an entry, not a visit to the capital: it is pinned to the point of
    the country nearest that stop, so no route is drawn through a capital the article never
    names, and a note says so."""
    from shapely.ops import nearest_points

    out = list(stops)
    for i, s in enumerate(stops):
        r = s.resolved
        if r is None or r.kind != "country" or s.pinned:
            continue
        near = [
            o
            for o in (stops[i + 1] if i + 1 < len(stops) else None, stops[i - 1] if i else None)
            if o is not None
            and o.resolved is not None
            and o.resolved.kind not in AREA_KINDS
            and o.resolved.country_code == r.country_code
            and o.latlon is not None
        ]
        shape = region_shape(r.id) if near else None
        if shape is None:
            continue
        target = point(*near[0].latlon)  # type: ignore[misc]
        x, y = nearest_points(shape, target)[0].coords[0]
        lat, lon = latlon(x, y)
        note = f"the article names only the country; placed at the point of {r.name} nearest {near[0].label}"
        out[i] = dataclasses.replace(s, lat=round(lat, 5), lon=round(lon, 5), role=Role.TRANSIT, note=note)
    return tuple(out)


def _date_from_publication(stops: tuple[Stop, ...], published: dt.date | None) -> tuple[Stop, ...]:
    """When no confirmed stop of a trip is dated, the latest one is where the news finds the
    traveller ("Scholz ist am Nachmittag in Samarkand gelandet"): it gets the publication
    date, with a note saying so."""
    if published is None:
        return stops
    confirmed = [i for i, s in enumerate(stops) if s.status is Status.CONFIRMED and s.role is not Role.ORIGIN]
    if not confirmed or any(stops[i].date.known for i in confirmed):
        return stops  # the article dates the trip itself: nothing to infer
    i = confirmed[-1]
    s = stops[i]
    # a stop before it that is already done later than the publication ... is none; a planned
    # one ahead of it in text order ("Во Владивостоке 25 апреля ... запланирована") says nothing
    ahead = [o for o in stops[:i] if o.status is not Status.PLANNED]
    if s.date.known or any(o.date.known and o.date.start and o.date.start > published for o in ahead):
        return stops
    note = "date inferred: the article's publication date (the latest confirmed stop)"
    fixed = dataclasses.replace(s, date=DateSpan.parse(published), note=note)
    return (*stops[:i], fixed, *stops[i + 1 :])


def _order(stops: list[Stop]) -> tuple[Stop, ...]:
    """Text order, made consistent with the dates that are known (stable)."""
    keyed = []
    last: dt.date | None = None
    for i, s in enumerate(stops):
        if s.date.start is not None:
            last = s.date.start
        keyed.append((last or dt.date.min, 0 if s.role is Role.ORIGIN else 1, i, s))
    return tuple(s for *_, s in sorted(keyed, key=lambda k: k[:3]))


def extract(
    text: str,
    *,
    published: dt.date | None = None,
    language: str | None = None,
    title: str | None = None,
    source_id: str = "article",
    extractor: Extractor | None = None,
) -> Itinerary:
    """A draft itinerary from the text of a news article (see the module docstring)."""
    article = Article(text=text, published=published, language=language, title=title, source_id=source_id)
    return (extractor or Extractor()).extract(article)


# ---------------------------------------------------------------- scorer features
_DATELINE_TAIL = re.compile(r"^\s*(?:/[^,(]{0,30})?\s*(?:,|\(|[-–—]|\.-)")


def _features(
    s: _Sentence,
    si: int,
    n: int,
    reading: _Reading,
    p: _Place,
    d: _Draft,
    ctx: _Context,
    rule: bool = True,
) -> dict[str, float]:
    """What the scorer reads about one candidate (names in :data:`scoring.FEATURES`)."""
    text, lx = s.span.text, ctx.lx
    role = _role(text, p.start, lx)
    dists = [abs(t - p.start) for t in reading.travel]
    close = max(0.0, 1.0 - min(dists) / 200) if dists else 0.0
    r = p.record
    kind = r.kind if r is not None else ""
    landmark = bool(r is not None and r.is_landmark)
    idx = s.places.index(p)
    listed = idx > 0 and _listed(text[s.places[idx - 1].end : p.start], lx)
    listed = listed or (idx + 1 < len(s.places) and _listed(text[p.end : s.places[idx + 1].start], lx))
    owned = _owned_dates(s.dates, p, s.places, reading.hint_owner, reading.group)
    old = bool(ctx.published and d.date and d.date.end and (ctx.published - d.date.end).days > 365)
    dateline = (
        s.span.start_char == 0 and p.start <= 2 and bool(_DATELINE_TAIL.match(text[p.end : p.end + 40]))
    )
    f = {
        "rule": float(rule),
        "prep_visit": float(role is Role.VISIT),
        "prep_origin": float(role is Role.ORIGIN),
        "travel_sentence": float(bool(reading.travel)),
        "travel_near": float(_near_travel(text, p, reading.travel)),
        "travel_close": close,
        "speech_after": float(_followed_by_speech(text, p.end, lx)),
        "possessive": float(text[p.end : p.end + 2] == "'s"),
        "genitive": float(role is None and _genitive(text, p, lx)),
        "noun_attached": float(role is Role.VISIT and _noun_attached(s, p, lx, ctx.trained)),
        "listed": float(listed),
        "kind_country": float(kind == "country"),
        "kind_region": float(kind == "region"),
        "kind_city": float(kind == "city" and not landmark),
        "kind_landmark": float(landmark),
        "population": min(1.0, math.log10(1 + (r.population if r is not None else 0)) / 7),
        "first_sentence": float(si == 0),
        "dateline": float(dateline or (p.start <= 2 and p.text.isupper() and len(p.text) > 3)),
        "date_sentence": float(bool(s.dates)),
        "date_owned": float(bool(owned)),
        "persons": float(bool(s.persons)),
        "status_planned": float(d.status is Status.PLANNED),
        "status_cancelled": float(d.status is Status.CANCELLED),
        "recogniser": float(p.from_ner),
        "position": si / max(1, n - 1),
        "old_date": float(old),
        "sentence_has_stop": float(
            any(q is not p for q, _ in reading.stops) if rule else bool(reading.stops)
        ),
    }
    f.update({f"lang_{k}": float(lx.lang == k) for k in ("de", "es", "ru", "en")})
    return f


_DATELINE_END = re.compile(r"\((?:[^)]{1,40})\)\s*[-–—]|\s[-–—]\s|\.-")


def _dateline_elsewhere(s: _Sentence, p: _Place, reading: _Reading) -> bool:
    """A place of the dateline that is not where the traveller is: a second city of the dateline
    ("NEW YORK/NEW DELHI, June 20 (Reuters) -"), or the reporter's city when the lede puts the
    traveller in another country ("BEIJING (Reuters) - Xi arrived in Kazakhstan")."""
    if s.span.start_char != 0:
        return False
    text = s.span.text
    end = _DATELINE_END.search(text[:120])
    if end is None or p.start >= end.start():
        return False
    if "/" in text[: p.start]:
        return True
    r = p.record
    return any(
        q.record is not None and q.start > end.start() and q.record.country_code != r.country_code
        for q, _ in reading.stops
    )


def _noun_attached(s: _Sentence, p: _Place, lx: Lexicon, trained: bool) -> bool:
    """The preposition before the place belongs to a noun that is no travel word ("the explosion in
    Gaza", "Kampfhandlungen in der Ukraine"): the place says where something else is. From the
    parse where there is one; in German, from the capitalised noun before the preposition."""
    if trained:
        doc = s.span.doc
        span = doc.char_span(s.span.start_char + p.start, s.span.start_char + p.end, alignment_mode="expand")
        if span is None:
            return False
        tok = span.root
        head = tok.head.head if tok.dep_ == "pobj" else tok.head
        return bool(head.pos_ == "NOUN" and head.i < tok.i and not _is_travel(head.lower_, lx))
    if lx.lang != "de":
        return False
    words = _words(s.span.text[max(0, p.start - 80) : p.start])
    while words and (words[-1].lower() in lx.determiners or (words[-1].islower() and words[-1] not in lx.at)):
        words.pop()
    if len(words) < 3 or words[-1].lower() not in lx.at:
        return False
    noun = words[-2].lower()
    time_word = noun in lx.weekdays or noun in lx.months or noun in lx.relative
    return words[-2][:1].isupper() and not time_word and not _is_travel(noun, lx)


def _is_travel(word: str, lx: Lexicon) -> bool:
    return starts(word, lx.travel) or lemma(lx.lang, word) in lx.travel_lemmas


def _genitive(text: str, p: _Place, lx: Lexicon) -> bool:
    """The place complements a noun ("representatives of Brazil", "представители Бразилии"):
    a genitive preposition before it, or a genitive case form (the pack's morphology)."""
    words = _words(text[max(0, p.start - 30) : p.start].lower())
    if words and words[-1] in GENITIVES:
        return True
    return is_genitive(lx.lang, p.text)


def _why_note(d: _Draft) -> str:
    """The reasons that made a stop, for the draft's ``note``."""
    head = "rules" if d.rule else "scorer"
    return f"why ({head}, p={d.score:.2f}): " + "; ".join(d.why or ["no single strong cue"])


def _clause_tense(s: _Sentence, reading: _Reading, k: int, ctx: _Context) -> str | None:
    """The tense of the clause of the k-th stop (from the previous stop to the next one)."""
    text = s.span.text
    start = reading.stops[k - 1][0].end if k else 0
    end = reading.stops[k + 1][0].start if k + 1 < len(reading.stops) else len(text)
    return _tense(s.span, ctx.lx, ctx.trained, start, end)


def _clause_future(s: _Sentence, pos: int, ctx: _Context) -> bool | None:
    """Whether a weekday at ``pos`` points forward, from the tense of its own clause (present
    or future: the next one; past: the previous one); None when the clause has no tense."""
    start, end = 0, len(s.span.text)
    if s.clauses is not None and s.clauses.bounds:
        start, end = s.clauses.bounds[s.clauses.at(pos)]
    found = _tense(s.span, ctx.lx, ctx.trained, start, end)
    if found is None and s.clauses is not None and s.clauses.kind(s.clauses.at(pos)) == "before":
        return True  # "before traveling on to Vladivostok for a summit Thursday": later on
    return None if found is None else found != "past"


_HAVE = frozenset({"has", "have", "had", "'ve", "'d"})  # English perfect auxiliaries


def _tense(span: Any, lx: Lexicon, trained: bool, start: int, end: int) -> str | None:
    """ "past", "present" or "future" for the words of ``span`` between ``start`` and ``end``:
    the tagger's morphology where there is one (a finite past verb or a perfect is past; the
    future, a conditional or "will" is future), else the language pack's hook."""
    if not trained:
        return tense(lx.lang, _words(span.text[start:end]))
    base = span.start_char
    toks = [t for t in span if start <= t.idx - base < end and t.pos_ in ("VERB", "AUX")]
    found: set[str] = set()
    for t in toks:
        tense_, mood, form = t.morph.get("Tense"), t.morph.get("Mood"), t.morph.get("VerbForm")
        if "Fut" in tense_ or "Cnd" in mood or t.lower_ in ("will", "shall", "'ll"):
            found.add("future")
        elif "Past" in tense_ and "Part" not in form:
            found.add("past")
        elif "Past" in tense_ and any(
            c.dep_ == "aux:tense" or (c.dep_ == "aux" and c.lower_ in _HAVE) for c in t.children
        ):
            found.add("past")  # "has arrived", "est arrivé" (not the passive "is scheduled")
        elif "Pres" in tense_ and "Fin" in form:
            found.add("present")
    for name in ("past", "future", "present"):
        if name in found:
            return name
    return None


def _en_route(s: _Sentence, p: _Place, lx: Lexicon) -> bool:
    """A departure word before the place in its sentence, with no arrival word and no other
    destination between them ("left Beijing for Astana": Astana is not reached yet)."""
    text = s.span.text
    low = text[: p.start].lower()
    hits = [m.start() for m in re.finditer(r"[^\W\d_][\w'-]*", low) if starts(m.group(), lx.departure)]
    hits += [low.rfind(ph) for ph in lx.departure if " " in ph and ph in low]
    if not hits:
        return False
    dep = max(hits)
    between = low[dep:]
    if any(starts(w, lx.arrival) for w in _words(between)) or phrase_in(between, lx.arrival) is not None:
        return False
    return not any(dep < q.start < p.start and _role(text, q.start, lx) is not Role.ORIGIN for q in s.places)
