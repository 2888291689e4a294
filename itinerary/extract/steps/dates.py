"""Dates of stops: one date per clause, the nearest place of its own clause owning it; weekdays
read from their clause's tense; "until" closing a stay; a stated visit length stretching a single
day; dates in quotations counted from the day their reporting clause gives."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from itinerary.extract.dates import DateFinder, DateHit, anchor, month_span, requote, visit_length
from itinerary.extract.document import AREA_KINDS, Clauses, Context, Document, Mention, Reading, Sentence
from itinerary.extract.lexicon import phrase_in, starts
from itinerary.extract.registry import step
from itinerary.extract.steps.persons import subjects_of
from itinerary.extract.steps.status import clause_future, last_cue, tense_of, trip_told
from itinerary.extract.text import dateline_date_span, word_list
from itinerary.extract.tuning import Tuning
from itinerary.model import DateSpan, Precision, Status


def stop_date(
    s: Sentence, reading: Reading, p: Mention, status: Status | None, ctx: Context
) -> DateSpan | None:
    """The stop's date: the dates of its clause (see :func:`owned_dates`), each weekday read
    from the tense of its own clause, an "until" date closing the stay, stretched over a stated
    visit length ("his two-day state visit")."""
    published = ctx.published
    # the dates of the clause go to its stops (and their hints), not to places that are none
    stops = {s.places.index(q) for q, _ in reading.stops} | set(reading.hint_owner)
    owned = owned_dates(s, p, reading, ctx.tuning, stops)
    owned = told_elsewhere(s, p, owned, ctx.tuning)
    owned = untold(s, p, owned, status, ctx)
    # "arrived in Kyiv on Tuesday, days before the summit on 15 July": the summit's day, when the
    # stop has one of its own
    if any(not h.event for h in owned):
        owned = [h for h in owned if not h.event]
    # "announced on Tuesday a summit in Amman the following day": the anchor dates the announcement
    anchors = {h.anchor for h in owned if h.anchor is not None}
    owned = [h for h in owned if h.start not in anchors]
    # "arrived in Gao on Wednesday to honour the soldiers killed on Monday": the Monday dates
    # the killing, not the stop, when the stop has a date of its own
    events = [h for h in owned if of_participle(s, h, ctx)]
    if events and len(events) < len(owned):
        owned = [h for h in owned if h not in events]
    # "will visit Ghana, Togo and Benin from 21 to 25 September": the range of days is the
    # tour's, and says not which days each stop of the list takes (a month or a year, "in
    # 2020 he visited Magadan and Blagoveshchensk", still dates them all)
    if in_list(s, p, reading):
        owned = [
            h for h in owned if not (is_range(h) and h.span is not None and h.span.precision is Precision.DAY)
        ]
    spans: list[DateSpan] = []
    ends: list[DateSpan] = []
    last: list[DateHit] = []  # "until Wednesday": read once the stay's first day is known
    for h in owned:
        # "next Tuesday", "mardi prochain": the word says which Tuesday, whatever tense a
        # reporting clause beside it has ("..., her office said")
        if h.weekday is not None and not h.next_ and this_week(s, h, ctx):
            h = dataclasses.replace(h, this=True)
        if h.until and h.span is None and h.weekday is not None and not (h.next_ or h.this):
            last.append(h)
            continue
        ahead = clause_future(s, h.start, ctx) if h.weekday is not None or h.yearless else None
        if ahead is None and not h.yearless:  # no tense to read: the status says it
            ahead = status in (Status.PLANNED, Status.CANCELLED)
        elif h.yearless and ahead is False and status is not Status.CONFIRMED:
            ahead = None  # no visit told done (a plan, its cancellation, no cue): the nearest month
        if (d := h.resolve(published, future=ahead)) is not None:
            if s.clauses is None or s.clauses.at(h.start) == s.clauses.at(p.start):
                d = next_of_month(h, d, status, ahead, published)
            (ends if h.until else spans).append(d)
    first = combine(spans, ctx.tuning)
    ends += until_weekdays(s, last, first, status, ctx)
    date = until_span(first, ends, status, published, ctx.tuning)
    found = visit_length(s.span.text, ctx.lx) if len(reading.stops) == 1 else None
    if (
        date is not None
        and date.start
        and found
        and date.start == date.end
        and not of_area(s, p, found[1], ctx.tuning)
    ):
        end = date.start + dt.timedelta(days=found[0] - 1)
        date = DateSpan(date.start, end, date.precision, f"{date.start}/{end}")
    return date


def next_of_month(
    h: DateHit, d: DateSpan, status: Status | None, ahead: bool | None, published: dt.date | None
) -> DateSpan:
    """A month named without its year for a plan told in the future ("will visit Japan in
    November", said in March) is the next month of that name, not a nearer one already over: a
    plan's past month would leave the stop undated. Only in the stop's own clause: a month of
    another clause may be another event's, over already ("the trip, which will include Beijing,
    comes after China announced in June ...")."""
    if (
        h.yearless
        and ahead
        and status is Status.PLANNED
        and published is not None
        and d.start is not None
        and d.end is not None
        and d.end < published
    ):
        return month_span(d.start.year + 1, d.start.month)
    return d


def until_weekdays(
    s: Sentence, hits: list[DateHit], first: DateSpan | None, status: Status | None, ctx: Context
) -> list[DateSpan]:
    """The last days of "until" weekdays ("arrived on Sunday and will stay until Wednesday",
    "bleibt bis Mittwoch"): a stay ends on the first such weekday after it began, whatever the
    tense of its clause; without a first day, the tense (else the status) gives the direction."""
    out: list[DateSpan] = []
    for h in hits:
        if first is not None and first.end is not None and h.weekday is not None:
            day = first.end + dt.timedelta(days=(h.weekday - first.end.weekday()) % 7)
            out.append(day_span(day, day))
            continue
        ahead = clause_future(s, h.start, ctx)
        if ahead is None and status is not None:  # no tense to read: the status says it
            ahead = status in (Status.PLANNED, Status.CANCELLED)
        if (d := h.resolve(ctx.published, future=ahead)) is not None:
            out.append(d)
    return out


def told_elsewhere(s: Sentence, p: Mention, owned: list[DateHit], t: Tuning) -> list[DateHit]:
    """The stop's dates without those another part of its sentence tells, when the stop has a
    date of its own: the dateline's date (the day the report was written) and the date of a
    relative clause with no place of its own (its noun's event)."""
    # "VILNIUS, May 12 (Reuters) - Berg will travel to Riga on Wednesday": the dateline's date
    # says when the report was written; a stop of the lede with a date of its own takes that one
    if s.span.start == 0 and len(owned) > 1:
        head = [
            h for h in owned if h.end <= t.dateline_window and dateline_date_span(s.span.text, h.start, h.end)
        ]
        if head and len(head) < len(owned):
            owned = [h for h in owned if h not in head]
    # "arrived in Tallinn on Tuesday for the summit, which had been postponed from 28 April": a
    # relative clause with no place of its own tells of its noun; the stop's own clause dates it
    c = s.clauses
    if c is not None and c.bounds and len(owned) > 1:
        home = c.at(p.start)
        # (and the day of a trailing attribution: "..., the ministry said on Monday")
        aside = [h for h in owned if c.at(h.start) != home and c.kind(c.at(h.start)) in ("aside", "report")]
        if c.kind(home) == "where":  # "flog am Montag nach Polen, wo er am Dienstag in Warschau ...":
            aside = [h for h in owned if c.at(h.start) != home]  # the clause of "where" dates its place
        if aside and any(c.at(h.start) == home for h in owned):
            owned = [h for h in owned if h not in aside]
    return owned


def untold(
    s: Sentence, p: Mention, owned: list[DateHit], status: Status | None, ctx: Context
) -> list[DateHit]:
    """The stop's dates without those that name no day of it: the day a plan (or its end) is
    told ("confirmed on Monday that he will not travel to Oslo", "wie Staatsmedien am Sonntag
    meldeten, wird Putin nach Duschanbe reisen": the trip is still ahead, its day untold), and a
    day offered as one of several ("could arrive in Oslo on Friday or at the weekend")."""
    if status in (Status.PLANNED, Status.CANCELLED):
        owned = [h for h in owned if not of_telling(s, h, p, ctx)]
    return [h for h in owned if not offered_with_others(s, h, ctx)]


def of_telling(s: Sentence, h: DateHit, p: Mention, ctx: Context) -> bool:
    """The date ``h`` tells when something was said about the place ``p``, not when the traveller
    is there: it stands before a complementizer that opens the place's clause ("confirmed on
    Monday that he will not travel to Oslo", "bestätigte am Montag, dass er nicht nach Oslo
    reist", "в понедельник подтвердил, что не поедет в Осло"), or in a stretch between commas that
    holds a verb of saying while the place stands outside it ("As state media reported on
    Sunday, he will travel to Oslo", "Wie Staatsmedien am Sonntag meldeten, ...", "..., —
    говорится в сообщении во вторник")."""
    text, lx = s.span.text, ctx.lx
    if h.end <= p.start:
        # the complementizer right after the date, or after the verb that follows it (a relative
        # pronoun follows its noun, not a date)
        after = word_list(text[h.end : p.start].lower())[: ctx.tuning.telling_words + 1]
        if any(w in lx.complementizers for w in after):
            return True
    a = max(text.rfind(c, 0, h.start) for c in ",;—–") + 1
    ends = [i for c in ",;—–" if (i := text.find(c, h.end)) >= 0]
    b = min(ends, default=len(text))
    if a <= p.start < b:
        return False
    stretch = text[a:b].lower()
    cues = (*lx.speech, *lx.attributions)
    return any(starts(w, cues) for w in word_list(stretch)) or phrase_in(stretch, cues) is not None


def offered_with_others(s: Sentence, h: DateHit, ctx: Context) -> bool:
    """A date right before a word offering a choice, with no place after that word in its
    stretch of the sentence ("on Friday or at the weekend", "el viernes o durante el fin de
    semana", "am Freitag oder am Wochenende"): one of several days the trip may take."""
    text = s.span.text
    words = word_list(text[h.end :].lower())
    if not words or words[0] not in ctx.lx.alternatives:
        return False
    # "on Friday or in Bergen on Saturday": a place right after the word is the other choice
    # (of a stop); "am Freitag oder am Wochenende in Oslo": the place of both days
    reach = text.lower().find(words[0], h.end) + len(words[0])
    most = ctx.tuning.telling_words
    return not any(reach <= q.start and len(word_list(text[reach : q.start])) <= most for q in s.places)


def in_list(s: Sentence, p: Mention, reading: Reading) -> bool:
    """The place is one item of a list of stops of the sentence ("Ghana, Togo and Benin")."""
    group = reading.group
    me = s.places.index(p)
    first = group.get(me, me)
    return sum(1 for k in range(len(s.places)) if group.get(k, k) == first) > 1


def of_participle(s: Sentence, h: DateHit, ctx: Context) -> bool:
    """A date right after a participle that qualifies a noun ("the soldiers killed on Monday",
    "les soldats tués lundi soir"): it dates that noun's event. Read from the parse, where the
    language has one."""
    if not ctx.trained:
        return False
    base = s.span.start_char
    verbs = [t for t in s.span if t.pos_ in ("VERB", "AUX") and t.idx - base + len(t.text) <= h.start]
    if not verbs:
        return False
    v = verbs[-1]
    gap = s.span.text[v.idx - base + len(v.text) : h.start]
    return (
        "Part" in v.morph.get("VerbForm", [])
        and v.dep_ == "acl"
        and len(word_list(gap.lower())) <= ctx.tuning.participle_date_words
        and not re.search(r"[,;:.!?()]", gap)
    )


def this_week(s: Sentence, h: DateHit, ctx: Context) -> bool:
    """A weekday whose clause gives no direction of its own is the one nearest the publication:
    in a clause with no tense after "before" ("prima di lasciare Hiroshima sabato sera", said
    in the past: the Saturday just gone; "before flying on to Quito Thursday": the coming one),
    and in a plan told in the past ("had been expected in Jakarta on Monday", "war für Montag
    geplant"), which speaks of the days around the news, before or after it."""
    c = s.clauses
    if c is None or not c.bounds:
        return False
    cid = c.at(h.start)
    a, b = c.bounds[cid]
    # "était attendu lundi à Kiev", "era esperado na segunda-feira", "doveva recarsi lunedì": a
    # plan as it stood before the news, whatever tense the imperfect is read as
    text = s.span.text[a:b].lower()
    if plan_then(s, h.start, ctx):
        return not trip_told(s, a + last_cue(text, ctx.lx.plans_then), b, ctx)
    tense = tense_of(s.span, ctx, a, b)
    if tense is None:
        return c.kind(cid) == "before"
    if tense != "past":
        return False
    text = s.span.text[a:b].lower()
    planned = ctx.lx.planned
    if not (any(starts(w, planned) for w in word_list(text)) or phrase_in(text, planned) is not None):
        return False
    # a trip told as made after the word of plan ("Il papa, atteso da migliaia di fedeli, è
    # arrivato mercoledì a Lisbona"): a past, as the status reads it (see status.trip_told)
    return not trip_told(s, a + last_cue(text, planned), b, ctx)


def plan_then(s: Sentence, pos: int, ctx: Context) -> bool:
    """The clause at ``pos`` tells a plan as it stood before the news ("était attendu lundi à Kiev",
    "was expected in Kyiv on Monday", "doveva recarsi lunedì a Kiev"): a day of that plan already
    gone is still its day, no date of something else."""
    then, c = ctx.lx.plans_then, s.clauses
    if not then:
        return False
    a, b = c.bounds[c.at(pos)] if c is not None and c.bounds else (0, len(s.span.text))
    text = s.span.text[a:b].lower()
    return any(starts(w, then) for w in word_list(text)) or phrase_in(text, then) is not None


def until_span(
    date: DateSpan | None, ends: list[DateSpan], status: Status | None, published: dt.date | None, t: Tuning
) -> DateSpan | None:
    """A stay closed by an "until" date: from the stop's own date (or, where the traveller is
    already, the publication date) to that day."""
    end = max((e.end for e in ends if e.end), default=None)
    if end is None:
        return date
    start = date.start if date is not None else (published if status is Status.CONFIRMED else None)
    if start is None or start > end or (end - start).days > t.until_max_days:
        return date
    return day_span(start, end)


def of_area(s: Sentence, p: Mention, end: int, t: Tuning) -> bool:
    """A stated visit length followed by a country that qualifies the stop ("arrivé à Dakar pour
    une visite de trois jours au Sénégal"): the length is the country's, not the city's."""
    nxt = next((q for q in s.places if q.start >= end), None)
    if nxt is None or nxt is p or nxt.start - end > t.area_after_length:
        return False
    return nxt.record is not None and nxt.record.kind in AREA_KINDS


def owned_dates(
    s: Sentence,
    p: Mention,
    reading: Reading,
    t: Tuning,
    among: set[int] | None = None,
    *,
    by_clause: bool = True,
) -> list[DateHit]:
    """The dates of the sentence that belong to this place: one date per clause. A date goes to
    the nearest place of its own clause; a clause opened by "where" ("où", "wo", "где") speaks
    of the place before it; a clause with no place gives a single day to the nearest place of
    the sentence, but never a range. A date next to a hint belongs to the place it qualifies
    ("in Hanoi, Vietnam, early Thursday"); a date owned by one item of a list belongs to the
    whole list ("ce vendredi 3 mars: l'Angola, le Congo-Brazzaville puis la RDC"). Without
    ``by_clause``, the nearest eligible place owns each date. ``among``: the eligible places."""
    places, group = s.places, reading.group
    clauses = s.clauses if by_clause else None
    me = places.index(p)
    eligible = sorted(among | {me}) if among is not None else list(range(len(places)))
    mine = [h for h in s.dates if _owner(h, places, eligible, reading, clauses, t) == group.get(me, me)]
    if not mine and clauses is not None and clauses.kind(clauses.at(p.start)) == "sequel":
        mine = _sequel_dates(s.dates, p, clauses)
    return mine


def _owner(
    h: DateHit,
    places: list[Mention],
    eligible: list[int],
    reading: Reading,
    clauses: Clauses | None,
    t: Tuning,
) -> int | None:
    """The place (the first of its list) that owns the date ``h``, if any."""
    # a name inside the date's own words ("Am Tag darauf": "Am Tag" is also a town) is the date
    inside_date = {k for k in range(len(places)) if h.start <= places[k].start and places[k].end <= h.end}
    eligible = [k for k in eligible if k not in inside_date]
    if not eligible:
        return None
    pool = eligible
    if clauses is not None:
        # a semicolon closes what goes before it: no date crosses it ("... Bogotá y Londres;
        # Davos, mañana", "... in Oslo; on Friday, Helsinki")
        eligible = [k for k in eligible if ";" not in _between(clauses.text, h, places[k])]
        pool = eligible
        cid = clauses.at(h.start)
        inside = [k for k in eligible if clauses.at(places[k].start) == cid]
        if inside:
            pool = inside
        elif clauses.kind(cid) == "where":
            pool = [k for k in eligible if places[k].end <= h.start][-1:]
        elif any(clauses.at(q.start) == cid for q in places) or h.until or is_range(h):
            return None  # the clause's own place is no stop; a range stays in its clause
        elif clauses.kind(cid) == "opener":
            # "a week after the ceasefire was signed on 8 September", "nachdem ... am 8.
            # September unterzeichnet worden war": a clause of another time, with no place of
            # its own, dates its own event
            return None
        if not pool:
            return None
    j = min(
        pool,
        key=lambda k: (clauses is not None and joined_before(h, places[k], clauses), gap_to(h, places[k])),
    )
    # "débutée ce lundi 3 juin en Guinée, ... attendu à Ouagadougou": the date qualifies the
    # place right beside it, which is no stop here
    beside = min(
        (k for k in range(len(places)) if k not in inside_date), key=lambda k: gap_to(h, places[k]), default=j
    )
    if (
        clauses is not None
        and beside not in eligible
        and beside_date(h, places[beside], clauses, t)
        and gap_to(h, places[j]) > t.date_beside
    ):
        return None
    j = reading.hint_owner.get(j, j)
    return reading.group.get(j, j)


def _sequel_dates(hits: list[DateHit], p: Mention, clauses: Clauses) -> list[DateHit]:
    """ "un acto previsto el día 25, tras el cual viajará a Madrid": Madrid on that day (the last
    single day of the clause before the "after which" clause)."""
    first = clauses.bounds[clauses.at(p.start)][0] if clauses.bounds else 0
    before = clauses.at(first - 1)
    mine = [h for h in hits if clauses.at(h.start) == before and h.span is not None and not is_range(h)]
    return [h for h in mine if h.span is not None and h.span.precision is Precision.DAY][-1:]


def joined_before(h: DateHit, p: Mention, clauses: Clauses) -> bool:
    """A conjunction between the place and the date: the date opens what follows ("llegó a Quito
    y esta mañana viajó a Lima", "arrived in Quito and on Tuesday flew on to Lima") or closes
    what goes before ("stops in Jakarta on Wednesday, and Singapore on Thursday")."""
    gap = clauses.text[p.end : h.start] if p.end <= h.start else clauses.text[h.end : p.start]
    return any(w in clauses.joiners for w in word_list(gap.lower()))


def beside_date(h: DateHit, p: Mention, clauses: Clauses, t: Tuning) -> bool:
    """A place right beside a date, joined by nothing but a preposition ("3 juin en Guinée",
    "in Cairo on Sunday")."""
    text = clauses.text
    gap = text[p.end : h.start] if p.end <= h.start else text[h.end : p.start]
    words = word_list(gap.lower())
    # a place preposition, or the one short word that puts a date ("on", "am", "el", "na", "во")
    short = len(words) == 1 and len(words[0]) <= 3 and words[0] not in clauses.joiners
    return (
        len(gap) <= t.date_beside
        and not re.search(r"[,;:.]", gap)
        and (short or all(w in clauses.at_words for w in words))
    )


def requote_sentence(s: Sentence, hits: list[DateHit], ctx: Context) -> list[DateHit]:
    """Relative days in a quotation count from the day its reporting clause gives ("„Die Reise
    wird morgen fortgesetzt“, hieß es am Mittwochabend")."""
    c, published = s.clauses, ctx.published
    if c is None or "quote" not in c.kinds or published is None:
        return hits
    said = None
    for h in hits:
        if c.kind(c.at(h.start)) != "quote" and h.relative is None:
            a, b = c.bounds[c.at(h.start)]
            ahead = tense_of(s.span, ctx, a, b) != "past"
            d = h.resolve(published, future=ahead)
            if d is not None and d.precision is Precision.DAY and d.start == d.end:
                said = d.start
    inside = [h for h in hits if c.kind(c.at(h.start)) == "quote"]
    moved = dict(zip(map(id, inside), requote(inside, said), strict=True))
    return [moved.get(id(h), h) for h in hits]


def is_range(h: DateHit) -> bool:
    return h.span is not None and h.span.start != h.span.end


def combine(spans: list[DateSpan], t: Tuning) -> DateSpan | None:
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
    # "Announced on Monday, the visit will take place from 6 to 8 August", "The king, whose visit
    # was confirmed on Monday, will be in Bogotá from 6 to 8 August": a range of days states the
    # whole stay; a single day outside it is another event's (the announcement), not its stretch
    ranges = [d for d in spans if d.precision is Precision.DAY and d.start != d.end]
    if len(ranges) == 1 and all(
        d.precision is Precision.DAY and d.start == d.end for d in spans if d is not ranges[0]
    ):
        return ranges[0]
    a = min(d.start for d in spans if d.start)
    b = max(d.end for d in spans if d.end)
    if (b - a).days > t.stay_max_days or any(d.precision.value != "day" for d in spans):
        return spans[0]
    return DateSpan(a, b, spans[0].precision, f"{a.isoformat()}/{b.isoformat()}")


def consistent(date: DateSpan | None, status: Status | None, published: dt.date | None) -> DateSpan | None:
    """No past date on a planned stop, no future date on a confirmed one: such a date belongs
    to something else in the sentence ("a tour that began on Monday will take him to ...")."""
    if date is None or published is None or status is None or date.start is None or date.end is None:
        return date
    if status is Status.PLANNED and date.end < published:
        return None
    if status is Status.CONFIRMED and date.start > published:
        return None
    return date


def _between(text: str, h: DateHit, p: Mention) -> str:
    """The text between a date and a place."""
    return text[p.end : h.start] if p.end <= h.start else text[h.end : p.start]


def gap_to(h: DateHit, p: Mention) -> int:
    return max(h.start - p.end, p.start - h.end, 0)


def collect_dated(s: Sentence, reading: Reading, ctx: Context) -> None:
    """Dated mentions of places that are not stops here can date an undated stop later
    ("Speaking to reporters in Cairo on Sunday" dates the stop in Egypt)."""
    stop_ids = {id(p) for p, _ in reading.stops}
    for idx, p in enumerate(s.places):
        if idx in reading.hint_owner or id(p) in stop_ids or p.record is None:
            continue
        for h in owned_dates(s, p, reading, ctx.tuning):
            d = h.resolve(
                ctx.published, future=bool(h.weekday is not None and clause_future(s, h.start, ctx))
            )
            if d is not None and d.precision.value == "day":
                ctx.dated.append((p.record, d, subjects_of(s, ctx)))
    for day in arrived_unplaced(s, ctx):
        ctx.arrivals.append((day, subjects_of(s, ctx)))
    for day in visit_end_unplaced(s, ctx):
        ctx.visit_ends.append((day, subjects_of(s, ctx)))
    for span in visit_day_unplaced(s, ctx):
        ctx.visit_days.append((span, subjects_of(s, ctx)))


def visit_day_unplaced(s: Sentence, ctx: Context) -> list[DateSpan]:
    """The days a sentence naming no place gives a visit ("The visit is scheduled for 14 May",
    "La visite est prévue le 14 mai", "Визит запланирован на 14 мая"): a visit noun before a
    day-precise date of the trip's own (no end of a stay, no other event's day). The assembly
    dates the trip's one planned stop still undated with it (see
    :func:`itinerary.extract.completion.date_from_visit_day`)."""
    lx = ctx.lx
    if not lx.visit_nouns or s.places:
        return []
    text = s.span.text
    out: list[DateSpan] = []
    for h in s.dates:
        if h.until or h.event or h.shift is not None:
            continue
        if not any(starts(w, lx.visit_nouns) for w in word_list(text[: h.start].lower())):
            continue
        d = h.resolve(ctx.published, future=True)
        if d is not None and d.precision is Precision.DAY and d.start is not None:
            out.append(d)
    return out


def visit_end_unplaced(s: Sentence, ctx: Context) -> list[dt.date]:
    """The days a sentence gives as the end of a visit without naming where ("A visita, de
    quatro dias, termina na sexta-feira", "the visit ends on Friday", "Der Besuch endet am
    Freitag"; an "until" date too: "the visit goes on until Friday"): the stay where the news
    finds the traveller closes then (see :func:`itinerary.extract.completion.stay_until_visit_end`)."""
    c, lx = s.clauses, ctx.lx
    if c is None or not c.bounds or not lx.visit_ends:
        return []
    out: list[dt.date] = []
    for h in s.dates:
        cid = c.at(h.start)
        a, _ = c.bounds[cid]
        # a place of the clause before the date, or right beside it, is where the visit ends
        mine = [q for q in s.places if c.at(q.start) == cid]
        if is_range(h) or any(q.start < h.start or beside_date(h, q, c, ctx.tuning) for q in mine):
            continue
        if not h.until and not any(starts(w, lx.visit_ends) for w in word_list(c.text[a : h.start].lower())):
            continue
        ahead = clause_future(s, h.start, ctx) if h.weekday is not None else None
        d = h.resolve(ctx.published, future=True if ahead is None else ahead)
        if d is not None and d.precision is Precision.DAY and d.start is not None and d.start == d.end:
            out.append(d.start)
    return sorted(set(out))


def arrived_unplaced(s: Sentence, ctx: Context) -> list[dt.date]:
    """The days of arrivals a sentence tells in the past without naming where ("Tajani era
    arrivato ieri, domenica", "She had landed on Sunday evening"): the place is the one the
    article is about, where the news finds the traveller (see
    :func:`itinerary.extract.completion.stay_from_arrival`)."""
    c, lx = s.clauses, ctx.lx
    if c is None or not c.bounds or not lx.arrival:
        return []
    out: list[dt.date] = []
    for h in s.dates:
        cid = c.at(h.start)
        a, b = c.bounds[cid]
        if h.until or is_range(h) or any(c.at(q.start) == cid for q in s.places):
            continue
        if not any(starts(w, lx.arrival) for w in word_list(c.text[a:b].lower())):
            continue
        if tense_of(s.span, ctx, a, b) != "past":
            continue
        d = h.resolve(ctx.published, future=False)
        if d is not None and d.precision is Precision.DAY and d.start is not None and d.start == d.end:
            out.append(d.start)
    return sorted(set(out))


def day_span(a: dt.date, b: dt.date) -> DateSpan:
    """The days from ``a`` to ``b``."""
    return DateSpan(a, b, Precision.DAY, a.isoformat() if a == b else f"{a.isoformat()}/{b.isoformat()}")


def dateline_day(sentences: list[Sentence], published: dt.date | None, t: Tuning) -> dt.date | None:
    """The day of the article's dateline ("MINSK, Sept 16 (Reuters) -", "PARIS, 3 mars (AFP) -",
    "МИНСК, 16 сентября. /ТАСС/.", the shapes of :func:`text.dateline_date_span`): the day the
    agency wrote the report, which its "today", "yesterday" and "tomorrow" count from, when the
    paper prints it on that day or the next ones (up to ``dateline_lag_days``)."""
    if published is None:
        return None
    for s in sentences[: t.lede_sentences]:
        if s.span.start != 0:
            continue  # a dateline opens its paragraph
        text = s.span.text
        for h in s.dates[:1]:
            d = h.span
            if (
                d is not None
                and d.precision is Precision.DAY
                and d.start is not None
                and d.start == d.end
                and h.end <= t.dateline_window
                and dateline_date_span(text, h.start, h.end)
                and 0 <= (published - d.start).days <= t.dateline_lag_days
            ):
                return d.start
    return None


@step("dates", reads=("sentences", "sentences.clauses"), writes=("sentences.dates",))
def dates(doc: Document) -> None:
    """The dates of each sentence, relative phrases anchored (counted from the dateline's day
    where it has one: the article's day from here on), quotations counted from their day."""
    ctx = doc.ctx
    finder = DateFinder(ctx.lx)
    for s in doc.sentences:
        s.dates = finder.find(s.span.text, ctx.published)
    if (day := dateline_day(doc.sentences, ctx.published, ctx.tuning)) is not None:
        for s in doc.sentences:
            s.dates = requote(s.dates, day)
        # wire copy speaks from the day it was written: its weekdays ("will travel to Riga on
        # Wednesday", written on Tuesday for Thursday's paper) and its tenses count from the
        # dateline's day, not from the paper's
        ctx.published = day
    ahead = [tense_of(s.span, ctx, 0, len(s.span.text)) != "past" for s in doc.sentences]
    anchored = anchor([s.dates for s in doc.sentences], ctx.published, ahead)
    for s, hits in zip(doc.sentences, anchored, strict=True):
        s.dates = requote_sentence(s, hits, ctx)
