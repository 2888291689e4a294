"""Status and tense: whether a stop is confirmed, planned or cancelled, read from the words between
the previous stop of its sentence and this one (cancellation words, then planned words and future
morphology, then the tense of the verbs), and the tense of a clause (the tagger's morphology where
a trained pipeline read the text, else the language pack's hook)."""

from __future__ import annotations

import datetime as dt
import functools
import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from itinerary.extract.document import Context, Mention, Reading, Sentence
from itinerary.extract.lexicon import Lexicon, phrase_at, phrase_in, phrase_spans, starts, time_of_day
from itinerary.extract.steps.roles import role_before
from itinerary.extract.text import ends_with, inside, word_list
from itinerary.model import DateSpan, Role, Status

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: the order in which a clause's tenses win: a past verb makes the clause past
TENSES = ("past", "future", "present")


def status_of(s: Sentence, reading: Reading, k: int, start: int, ctx: Context) -> Status | None:
    """Status from the words between the previous stop of the sentence (ending at ``start``) and
    the k-th stop; None when nothing in them tells."""
    lx = ctx.lx
    text = s.span.text
    p = reading.stops[k][0]
    end = p.start
    start = _relative_start(text, start, end, ctx)
    where = where_clause(s, p.start)
    if where is not None:
        start = max(start, where[0])  # "returned to Poland, where he will meet ... in Warsaw"
    nxt = _after_end(s, reading, k)
    # "the next day", "le lendemain": a date counted from another, not a word of the future
    counted = [(h.start, h.end) for h in s.dates if h.shift is not None and h.end > start and h.start < end]
    # "as expected", "comme prévu": a plan that came true, no word of the future either
    low = text.lower()
    counted += [
        (m.start(), m.end()) for ph in lx.no_plan for m in re.finditer(rf"(?<!\w){re.escape(ph)}(?!\w)", low)
    ]
    if ctx.trained:  # "traveled on Monday to visit flood victims in Kentucky": a purpose, no plan
        counted += _purposes(s, start, end, ctx)
    wl = text[start:end].lower()
    for a, b in counted:  # blank the counted phrases out of the window
        a, b = max(a - start, 0), min(b - start, len(wl))
        wl = wl[:a] + " " * (b - a) + wl[b:]
    if _cancelled(s, p, (start, end, nxt), wl, ctx):
        after = text[p.end : nxt].lower()
        return (
            Status.PLANNED if postponed_here(wl, after, ctx.lx) and rescheduled(s, ctx) else Status.CANCELLED
        )
    negated = negation(s, p, wl, ctx)
    if negated is None:
        negated = fronted_negation(s, p, nxt, ctx)
    if negated is not None:
        return negated
    words = _window_words(s, start, end, counted, ctx)
    if invited(s, p, nxt, ctx):
        return Status.PLANNED  # "invited Lula to visit Kyiv": an invitation, no trip yet
    cue = _plan_cue(s, p, (words, wl), nxt, ctx)
    if cue is not None and not trip_told(s, start + cue, end, ctx):
        return Status.CANCELLED if unrealised(s, p, (start, end), ctx) else Status.PLANNED
    if possible(s, start, end, wl, ctx) and not trip_told(s, start, end, ctx):
        return Status.PLANNED
    if plan_closes(s, p, nxt, ctx):
        return Status.PLANNED
    found = _status_by_form(s, (start, end), words, wl, ctx)
    if found is None and where is not None:  # the verb of the clause after the place ("wo er ... traf")
        told = tense_of(s.span, ctx, *where)
        found = {"past": Status.CONFIRMED, "future": Status.PLANNED}.get(told or "")
    return found


def where_clause(s: Sentence, pos: int) -> tuple[int, int] | None:
    """The bounds of the clause of "where" ("where", "où", "wo", "donde", "dove", "onde", "где")
    that holds ``pos``, None when it is in another clause. Such a clause tells what happens at
    the place before it in its own tense: "returned to Poland, where he will meet the president in
    Warsaw on Tuesday" (Warsaw is to come), "will travel to Ukraine, where he met the president in
    Lviv last year" (Lviv is a visit made); the main clause's tense does not reach its places."""
    c = s.clauses
    if c is None or not c.bounds:
        return None
    cid = c.at(pos)
    return c.bounds[cid] if c.kind(cid) == "where" else None


def unrealised(s: Sentence, p: Mention, window: tuple[int, int], ctx: Context) -> bool:
    """A plan told in the past ("was supposed to fly to Lima", "sollte nach Lima fliegen", "должен
    был посетить Лиму", "doveva volare a Lima"; ``window``: the words before the place, in no
    future) whose next clause (after a semicolon) or next sentence of the paragraph opens with one
    of the pack's ``instead`` adverbs ("; instead he stayed at home", ". Вместо этого он остался
    дома"): the plan did not come true. Not "instead of" (a preposition: "instead of a visit")."""
    lx = ctx.lx
    # (the packs read a modal's imperfect, "doveva", "tenía previsto", as no past: not a future
    # is enough; a plan still to come, "will fly to Lima; instead of ...", is none)
    if tense_of(s.span, ctx, *window) == "future":
        return False
    text = s.span.text
    if _called_off_next(s, ctx) or stayed_elsewhere(s, p, ctx):
        return True
    semi = text.find(";", p.end)
    after = text[semi + 1 :] if semi >= 0 else s.doc.text[s.span.end_char :]
    after = after.lstrip(" \t\n-—–:").lower()
    for w in lx.instead:
        m = re.match(rf"{re.escape(w)}(?!\w)(\s+\w+)?", after)
        if m and not (m.group(1) and m.group(1).strip() in lx.genitives):
            return True
    return False


def stayed_elsewhere(s: Sentence, p: Mention, ctx: Context) -> bool:
    """A part of the sentence after the place (between punctuation) that holds a word of
    ``contrasts`` and a past form of staying (the pack's ``stayed``) with a preposition of place
    after it ("was due to fly to Lima, but he stayed at home", "devait se rendre à Alger, mais il
    est resté à Paris", "sollte nach Warschau reisen, blieb aber in Berlin", "должен был посетить
    Минск, но остался в Москве"): the traveller stayed away, the plan did not come true. Not a
    stay at the place itself without a contrast ("and stayed there two days"), nor a state
    ("mais il est resté discret": no place)."""
    lx = ctx.lx
    if not lx.stayed:
        return False
    for part in re.split(r"[,;:]", s.span.text[p.end :].lower()):
        words = word_list(part)
        if not set(words) & lx.contrasts:
            continue
        at = next((i for i, w in enumerate(words) if starts(w, lx.stayed)), None)
        if at is not None and any(w in lx.at for w in words[at + 1 :]):
            return True
    return False


def rescheduled(s: Sentence, ctx: Context) -> bool:
    """A trip postponed to a later date: a word of postponing (the pack's ``postponing``) in the
    sentence and a date right after one of the pack's ``postponed_to`` prepositions (or after one
    and an article) that falls after the publication ("postponed his visit to Lima to April 20",
    "a reporté sa visite au 20 avril", "hat die Reise auf den 20. April verschoben", "перенес
    визит на 20 апреля"): the trip is planned at its new date. One postponed without a new date,
    or to a date already past, stays cancelled; so does one whose only date follows a word of
    planning ("prévue pour le 20 avril"): that is the date it was planned for."""
    lx = ctx.lx
    published = ctx.published
    if not lx.postponing or published is None:
        return False
    text = s.span.text
    if not any(starts(w, lx.postponing) for w in word_list(text.lower())) and not phrase_in(
        text.lower(), lx.postponing
    ):
        return False
    for h in s.dates:
        before = word_list(text[: h.start].lower())
        at = len(before) - 1 if before and before[-1] not in lx.determiners else len(before) - 2
        if at < 0 or before[at] not in lx.postponed_to:
            continue
        if at > 0 and starts(before[at - 1], lx.planned):
            continue  # "prévue pour le 20 avril", "запланированный на 20 апреля": the old date
        span = h.resolve(published, future=True)
        if span is not None and span.start is not None and span.start > published:
            return True
    return False


def postponed_here(window: str, after: str, lx: Lexicon) -> bool:
    """Whether the word that calls the place's trip off is one of postponing (the pack's
    ``postponing``), so that a new date can make it planned again: the cancelling word nearest
    the place, the last before it in ``window`` (the words since the previous stop) or else the
    first in ``after`` (the words after it that still speak of it). "cancelled his visit to Lima;
    the talks were postponed to May 5" cancels Lima: what was postponed is another thing. With no
    cancelling word around the place (an unreal past, a refusal), the sentence's postponing word
    is taken as the place's."""
    if not lx.postponing:
        return False
    cancel_end = last_cue(window, lx.cancelled)
    if cancel_end:
        return last_cue(window, lx.postponing) >= cancel_end
    firsts = [_first_cue(after, cues) for cues in (lx.cancelled, lx.postponing)]
    if firsts[0] is None:
        return True
    return firsts[1] is not None and firsts[1] <= firsts[0]


def _first_cue(text: str, cues: tuple[str, ...]) -> int | None:
    """Where the first of ``cues`` in ``text`` begins (a word at its start, or a phrase), if any."""
    spots = [m.start() for m in re.finditer(r"[^\W\d_][\w'-]*", text) if starts(m.group(), cues)]
    spots += [a for a, _ in phrase_spans(text, tuple(c for c in cues if " " in c))]
    return min(spots, default=None)


def _called_off_next(s: Sentence, ctx: Context) -> bool:
    """The next sentence of the paragraph calls the trip off: a noun of travel among its first
    ``Tuning.called_off_subject_words`` words (its subject) and a word of cancellation, and no
    place of its own after a preposition ("Der Kanzler sollte am Montag nach
    Paris reisen. Die Reise wurde jedoch abgesagt.", "Однако визит был отменён"; not "Die Reise
    nach Rom wurde abgesagt": another trip)."""
    lx = ctx.lx
    after = s.doc.text[s.span.end_char :].strip()
    nxt = re.split(r"(?<=[.!?])\s", after, maxsplit=1)[0]
    low = nxt.lower()
    words = word_list(low)
    # (a connective set off by a comma may come before the subject: "Sin embargo, el viaje no
    # tuvo lugar", "However, the trip was called off"; or after it: "The trip, however, was
    # called off", where the subject is before the comma)
    lead = re.match(r"([^,]*),", low)
    first = words[: ctx.tuning.called_off_subject_words]
    if lead and len(word_list(lead.group(1))) < ctx.tuning.called_off_subject_words:
        first += word_list(low[lead.end() :])[: ctx.tuning.called_off_subject_words]
    if not any(starts(w, lx.travel) for w in first):
        return False  # the trip is the subject, near the sentence's start ("Die Reise wurde ...")
    if not any(starts(w, lx.cancelled) for w in words) and phrase_in(low, lx.cancelled) is None:
        return False
    at = "|".join(re.escape(w) for w in sorted(lx.at, key=len, reverse=True))
    return not any(m.group(1)[:1].isupper() for m in re.finditer(rf"(?<![\w'-])(?:{at})\s+(\w+)", nxt))


def _status_by_form(
    s: Sentence, bounds: tuple[int, int], words: list[str], wl: str, ctx: Context
) -> Status | None:
    """The status the forms of the verbs before the place tell, once no cue word has: a sequence
    word, a future or conditional form, a clause of time before a future, a participle of
    arrival, else the tense of the verbs (``bounds``: the window; ``wl``: its lower-case text)."""
    start, end = bounds
    if _sequence_ahead(words, wl, s, ctx) or _sequence_own(wl, s, bounds, ctx):
        return Status.PLANNED
    if not ctx.trained and _ahead_by_form(wl, ctx):
        return Status.PLANNED
    if when_ahead(s, start, end, ctx):
        return Status.PLANNED  # "When he arrives in Lima, he will meet the mayor"
    if arrival_participle(s, end, ctx):
        return Status.CONFIRMED  # "Il premier, arrivato lunedì ad Ankara, ...": reached
    if before_ahead(s, end, ctx):
        return Status.PLANNED  # "se trouve à Hanoï avant de poursuivre vers Jakarta"
    return _status_by_verbs(s, start, end, words, ctx)


def _ahead_by_form(window: str, ctx: Context) -> bool:
    """Where no tagger read the text, a verb form of what is to come before the place: a future
    ending ("viajará", "visiterà"), a conditional or a periphrastic future (the pack's hook:
    "würde nach Havanna reisen", "viajaría", "va a viajar"), or the future of the reported clause
    of the place after a complementizer ("dijo que visitaría Varsovia")."""
    lx = ctx.lx
    words = word_list(window)
    if lx.future_endings and any(_future_by_ending(w, ctx) for w in words):
        return True
    own = own_clause(window, ctx)
    if ctx.language.prospective(own):
        return True
    if len(own) < len(words) and ctx.language.tense(own) == "future":
        return True
    # a verb of travel in the future in the place's own clause (after its last punctuation), also
    # one of a short stem the endings leave out ("voará para Baku", "irá a Lima")
    trip = (*ctx.lx.travel, *ctx.lx.arrival)
    return any(
        starts(w, trip) and ctx.language.tense([w]) == "future"
        for w in word_list(re.split(r"[,;:]", window)[-1])
    )


def _future_by_ending(word: str, ctx: Context) -> bool:
    """A word with an ending of the future that the pack's morphology does not read as another
    tense: a Russian imperfective present ends like a perfective one ("находится", "проводит":
    is, holds; "посетит": will visit), the analyser tells them apart."""
    if not ends_with(word, ctx.lx.future_endings, stem=2):
        return False
    return ctx.language.tense([word]) not in ("present", "past")


def plan_closes(s: Sentence, p: Mention, nxt: int, ctx: Context) -> bool:
    """A word of plan that closes the place's clause right after it, at most
    ``Tuning.plan_after_words`` words on: a participle or infinitive at the end of a clause, or a
    verbless headline ("Kanzler in Ottawa erwartet", "Besuch in Warschau geplant", "Visite à Rabat
    prévue", "Biden in Hanoi tomorrow"). Not when another place comes first, nor a plan come true
    ("arrived in Hanoi as planned"), nor a time of day ("war in Paris am Morgen")."""
    lx = ctx.lx
    text = s.span.text
    stop = re.search(r"[,;:.!?\n]", text[p.end :])
    end = p.end + stop.start() if stop else len(text)
    if end > nxt:
        return False  # another place first: the words speak of it
    seg = text[p.end : end].lower()
    for phrase in lx.no_plan:
        seg = seg.replace(phrase, " " * len(phrase))
    found = [
        m
        for m in _WORD.finditer(seg)
        if not time_of_day(lx, text, p.end + m.start(), m.group(), ctx.tuning.time_of_day_window)
    ]
    if not found:
        return False
    planned = any(starts(m.group(), lx.planned) for m in found) or phrase_in(seg, lx.planned) is not None
    if len(found) <= ctx.tuning.plan_after_words:
        return planned
    return planned and _noun_plan(s, p, end, [p.end + m.start() for m in found], ctx)


def _noun_plan(s: Sentence, p: Mention, end: int, at: list[int], ctx: Context) -> bool:
    """The place is the complement of a travel noun that is the subject of a word of plan closing
    the clause ("the visit to Quito is planned for April", "der Besuch in Quito ist für April
    geplant", "визит в Кито запланирован на апрель", "il viaggio a Quito è in agenda per aprile"):
    a travel word before the place in its clause, no trip told in the past there ("arrived in
    Quito later than planned"), and at most ``Tuning.plan_after_noun_words`` words after it to the
    clause's end, the words of a date not counted (``at``: where those words start)."""
    text = s.span.text
    cut = max(text.rfind(c, 0, p.start) for c in ",;:.!?") + 1
    if not any(starts(w, ctx.lx.travel) for w in word_list(text[cut : p.start].lower())):
        return False
    if trip_told(s, cut, end, ctx):
        return False
    dated = [(h.start, h.end) for h in s.dates]
    return sum(1 for a in at if not inside(a, dated)) <= ctx.tuning.plan_after_noun_words


def _plan_cue(s: Sentence, p: Mention, window: tuple[list[str], str], nxt: int, ctx: Context) -> int | None:
    """Where the word of plan before the place ends in the window (``window``: its words and its
    lower-case text): one of the pack's ``planned``, else the past of wanting with a verb of
    travel (:func:`wanted_trip`); None when there is none."""
    lx = ctx.lx
    words, wl = window
    if any(starts(w, lx.planned) for w in words) or phrase_in(wl, lx.planned) is not None:
        return last_cue(wl, lx.planned)
    return last_cue(wl, lx.wanting) if wanted_trip(s, p, wl, nxt, ctx) else None


def wanted_trip(s: Sentence, p: Mention, wl: str, nxt: int, ctx: Context) -> bool:
    """The past of wanting (the pack's ``wanting``) in the place's clause before it, with a verb
    of travel after it in that clause: between it and the place ("voulait absolument se rendre
    à", "quería a toda costa viajar a", "voleva a tutti i costi recarsi a") or closing the clause
    right after the place, where German puts its infinitive ("wollte am Montag nach Warschau
    reisen"). A plan told in the past, not a trip made; what was wanted at a place already
    reached has no verb of travel ("wollte in Peking die Menschenrechte ansprechen").
    ``wl``: the window's lower-case words before the place; ``nxt``: where the words after it
    stop speaking of it."""
    lx = ctx.lx
    if not lx.wanting:
        return False
    words = word_list(re.split(r"[,;:]", wl)[-1])
    at = [i for i, w in enumerate(words) if starts(w, lx.wanting)]
    if not at:
        return False
    between = words[at[-1] + 1 :]
    if any(starts(w, lx.travel) or w in lx.travel_lemmas or starts(w, lx.visit_verbs) for w in between):
        return True
    tail = word_list(re.split(r"[,;:.!?\n]", s.span.text[p.end : nxt].lower(), maxsplit=1)[0])
    return bool(tail) and tail[-1] in lx.travel_lemmas and len(tail) <= ctx.tuning.plan_after_words


def possible(s: Sentence, start: int, end: int, window: str, ctx: Context) -> bool:
    """A verb of possibility in the present before the place ("could visit Caracas", "peut se
    rendre à Caracas", "puede viajar a Caracas", "может поехать в Каракас"): a trip that may be,
    not one made. Where a tagger read the text, the verb governs an infinitive (its auxiliary, or
    a verb with an infinitive complement: not "May", the month); else one of the pack's
    ``possibility`` words in the place's own clause (after its last complementizer)."""
    lx = ctx.lx
    if not lx.possibility:
        return False
    if not ctx.trained:
        return any(w in lx.possibility for w in own_clause(window, ctx))
    base = s.span.start_char
    for t in s.span:
        if not start <= t.idx - base < end or t.lower_ not in lx.possibility:
            continue
        if t.dep_ == "aux" and "Inf" in t.head.morph.get("VerbForm", []):
            return True
        if any(c.dep_ == "xcomp" and "Inf" in c.morph.get("VerbForm", []) for c in t.children):
            return True
    return False


def own_clause(window: str, ctx: Context) -> list[str]:
    """The words of ``window`` (lower case) after its last complementizer ("said that he would",
    "dijo que", "sagte, dass", "disse que", "заявил, что"): the clause of the place, whose tense
    is its own; the whole window without one."""
    words = word_list(window)
    cut = max((i for i, w in enumerate(words) if w in ctx.lx.complementizers), default=-1)
    return words[cut + 1 :]


def negation(s: Sentence, p: Mention, window: str, ctx: Context) -> Status | None:
    """The verb that leads to the place negated: cancelled ("did not travel to Johannesburg", "ne
    s'est pas rendu à", "reiste nicht nach", "no viajó a", "non si è recato a", "não viajou a",
    "не поехал в"), or planned for "not yet" ("has not yet arrived in", "n'est pas encore arrivé",
    "ist noch nicht in", "todavía no ha llegado"); None for "not only" ("nicht nur nach Paris")
    or no negation. Where a tagger read the text, the negation is a child of the place's verb
    (its polarity), else a negation word at most ``Tuning.negation_reach`` words before the place
    in its clause (after its last comma)."""
    lx = ctx.lx
    if ctx.trained:
        verb = _verb_of(s, p, ctx)
        if verb is None:
            return None
        heads = [verb, verb.head] if verb.dep_ == "xcomp" else [verb]  # "n'a pas pu se rendre à"
        near = [c for h in heads for c in h.children]
        negs = [c for c in near if "Neg" in c.morph.get("Polarity", [])]
        if not negs or any(c.nbor(1).lower_ in lx.only_words for c in negs if c.i + 1 < len(c.doc)):
            return None
        return Status.PLANNED if any(c.lower_ in lx.yet_words for c in near) else Status.CANCELLED
    clause = word_list(re.split(r"[,;:]", window)[-1])
    hits = [i for i, w in enumerate(clause) if w in lx.negation_words]
    if not hits or len(clause) - hits[-1] - 1 > ctx.tuning.negation_reach:
        return None
    i = hits[-1]
    if i + 1 < len(clause) and clause[i + 1] in lx.only_words:
        return None
    around = clause[max(0, i - 1) : i + ctx.tuning.negation_reach]
    return Status.PLANNED if any(w in lx.yet_words for w in around) else Status.CANCELLED


def fronted_negation(s: Sentence, p: Mention, nxt: int, ctx: Context) -> Status | None:
    """The place put first in its clause, its preposition alone before it, and the verb after it
    negated: a verb of travel, of coming back or of being there with a negation word in the
    place's clause before the next place ("Nach Minsk ist er seit 2020 nicht zurückgekehrt",
    "Nach Peking fliegt der Kanzler im April nicht", "A Mosca non è più tornato"): cancelled, or
    planned for "not yet" ("noch nicht", "non ancora"). Not a verb of meeting ("In Moskau traf er
    Putin nicht": the place may be a stop, only the meeting is denied), nor "not only"; only in
    the languages whose pack lists the verbs of being (``being``)."""
    lx = ctx.lx
    if not lx.being:
        return None
    text = s.span.text
    cut = max(text.rfind(c, 0, p.start) for c in ",;:.!?\n") + 1
    lead = word_list(text[cut : p.start].lower())
    if not lead or any(w not in lx.at for w in lead):
        return None  # the place does not open its clause after its preposition (not a dateline)
    stop = re.search(r"[,;:.!?\n–—]", text[p.end :])
    end = min(p.end + stop.start() if stop else len(text), nxt)
    words = word_list(text[p.end : end].lower())
    hits = [i for i, w in enumerate(words) if w in lx.negation_words]
    if not hits or (hits[0] + 1 < len(words) and words[hits[0] + 1] in lx.only_words):
        return None
    verbs = (*lx.travel, *lx.arrival, *lx.returns, *lx.being)
    told = any(starts(w, verbs) and not starts(w, lx.meet) for w in words)
    if not told and ctx.trained:  # a participle the stems leave out ("gereist": reisen)
        base = s.span.start_char
        told = any(p.end <= t.idx - base < end and t.lemma_.lower() in lx.travel_lemmas for t in s.span)
    if not told:
        return None
    return Status.PLANNED if any(w in lx.yet_words for w in words) else Status.CANCELLED


def recalled(s: Sentence, p: Mention, date: DateSpan | None, ctx: Context) -> bool:
    """The place is background, no stop of the trip the article tells: a presence denied since a
    time (:func:`not_since`), or an undated visit told in the past with an adverb of recall in its
    sentence part ("Damals besuchte er auch Warschau", "At the time, he also visited Warsaw",
    "Тогда он посетил и Варшаву"; the pack's ``recall``): a visit of another time. A visit with a
    date of its own is one of the article's days (``date``: the stop's)."""
    if not_since(s, p, ctx) or _past_where(s, p, ctx):
        return True
    if date is not None or not ctx.lx.recall:
        return False
    text = s.span.text
    cut = max(text.rfind(c, 0, p.start) for c in ";:!?") + 1
    stop = re.search(r"[;:!?]", text[p.end :])
    end = p.end + stop.start() if stop else len(text)
    low = text.lower()
    # (not a preposition of time before a genitive: "at the time of the summit", "à l'époque des")
    hits = [
        m.end()
        for m in _phrases(ctx.lx.recall).finditer(low, cut, end)
        if not set(word_list(low[m.end() :])[:1]) & ctx.lx.genitives
    ]
    if not hits:
        return False
    last = max(p.start, *hits)
    if tense_of(s.span, ctx, cut, last) == "past":
        return True
    # an imperfect is a past beside an adverb of recall (the rules leave it out elsewhere: "doveva",
    # a conditional misread); also the auxiliary of a pluperfect whose participle the tagger took
    # for a noun ("il avait aussi visité Varsovie")
    base = s.span.start_char
    return any(
        cut <= t.idx - base < last and t.pos_ in ("VERB", "AUX") and "Imp" in t.morph.get("Tense", [])
        for t in s.span
    )


def _past_where(s: Sentence, p: Mention, ctx: Context) -> bool:
    """The place is in a clause of "where" in the past after a main clause in the future ("will
    travel to Ukraine, where he met the president in Lviv last year", "viajará a Ucrania, donde se
    reunió con el presidente en Leópolis"): what happened there before the trip, not one of its
    stops."""
    where = where_clause(s, p.start)
    if where is None or tense_of(s.span, ctx, *where) != "past":
        return False
    return tense_of(s.span, ctx, 0, where[0]) == "future"


def not_since(s: Sentence, p: Mention, ctx: Context) -> bool:
    """A negated clause of the place with a time since which ("has not been to Moscow since 2019",
    "war seit 2019 nicht mehr in Moskau", "В Москве он не был с 2019 года", "no ha estado en Moscú
    desde 2019"): a state up to now, not a trip made nor one called off. The time: a number, a
    month or a date right after one of the pack's ``since`` prepositions (not "since" of a reason,
    nor "с" of company); the clause: from the punctuation before the place to the one after it,
    in no future ("will not go to Moscow since 2019's talks" is a plan called off)."""
    lx = ctx.lx
    if not lx.since:
        return False
    text = s.span.text
    cut = max(text.rfind(c, 0, p.start) for c in ",;:!?") + 1
    stop = re.search(r"[,;:!?]", text[p.end :])
    end = p.end + stop.start() if stop else len(text)
    low = text.lower()
    if not any(w in lx.negation_words for w in word_list(low[cut:end])):
        return False
    timed = False
    for m in _phrases(lx.since).finditer(low, cut, end):
        nxt = re.match(r"\s*([\w'-]+)", low[m.end() :])
        word = nxt.group(1) if nxt else ""
        dated = any(h.start <= m.start() < h.end or m.end() <= h.start <= m.end() + 1 for h in s.dates)
        timed = timed or dated or any(ch.isdigit() for ch in word) or word in lx.months
    return timed and tense_of(s.span, ctx, cut, end) != "future"


@functools.cache
def _phrases(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for the words and phrases of ``words``, each as words of its own."""
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w'-])(?:{alts})(?![\w'-])")


def _verb_of(s: Sentence, p: Mention, ctx: Context) -> Token | None:
    """The verb the place depends on in the tagger's parse (walking up from its first token)."""
    base = s.span.start_char
    toks = [t for t in s.span if p.start <= t.idx - base < p.end]
    if not toks:
        return None
    t = toks[0]
    for _ in range(ctx.tuning.parse_walk):
        if t.pos_ in ("VERB", "AUX") and t.idx - base < p.start:
            return t
        if t.head is t:
            return None
        t = t.head
    return None


def _cancelled(s: Sentence, p: Mention, bounds: tuple[int, int, int], wl: str, ctx: Context) -> bool:
    """Whether the words around the place cancel it; ``bounds``: the window's start and end (the
    place's start) and where the words after the place stop speaking of it; ``wl``: the window's
    lower-case text with counted phrases blanked."""
    lx = ctx.lx
    text = s.span.text
    start, end, nxt = bounds
    # cancellation words count between the previous stop and the next one ("no longer
    # scheduled to travel to Jordan ... after he visits Israel" cancels Jordan, not Israel;
    # "a planned stop in Kigali was called off" cancels Kigali)
    # (not those after a place that is the subject of a verb of saying or deciding: "Luanda
    # suspendeu todas as visitas", "Riyadh had informed him that both visits were postponed")
    # (nor one followed by the trip told in the past: "After a two-hour delay, Biden landed in
    # Hanoi", "Путин, перенесший визит на день, прибыл в Пекин": the trip was made)
    parts = (wl,) if decides(text, p.end, ctx, p.start) else (wl, text[p.end : nxt].lower())
    for i, part in enumerate(parts):
        if any(starts(w, lx.cancelled) for w in word_list(part)) or phrase_at(part, lx.cancelled):
            if i == 0 and trip_told(s, start + last_cue(wl, lx.cancelled), end, ctx):
                continue
            return True
    if owed(s, (start, end), wl, ctx):
        return True  # "should have travelled to Lima", "avrebbe dovuto recarsi a Tunisi"
    if split_cue(wl, text[p.end : nxt], lx.cancelled, lx):
        return True  # "sagte seine Reise nach Manila ab", "called the visit to Manila off"
    if phrase_at(wl, lx.denied):  # "... but will not travel to Quito": the place after it
        return True
    said = word_list(wl)
    if any(any(starts(w, (a,)) for w in said) and any(starts(w, (b,)) for w in said) for a, b in lx.refusals):
        return True  # "le negó el permiso para viajar a Bogotá": a trip not allowed
    return irreal(s, p.start, ctx)  # "wäre in Tunis gewesen", "hätte nach Tunis reisen sollen"


def irreal(s: Sentence, pos: int, ctx: Context) -> bool:
    """A word pair of the pack's unreal past (``irrealis``) in the clause at ``pos``: between the
    punctuation marks around it, as German sets off every clause with a comma. The unreal past of
    another clause is not this one's ("in Tunis gelandet, wo er Saied hätte treffen sollen")."""
    text = s.span.text
    a = _part_start(text, pos)
    ends = [i for i in (text.find(c, pos) for c in CLAUSE_MARKS) if i >= 0]
    clause = set(word_list(text[a : min(ends) if ends else len(text)].lower()))
    return any(x in clause and y in clause for x, y in ctx.lx.irrealis)


#: The marks that end a part of a sentence the status rules read as one clause (German sets off
#: every clause with a comma).
CLAUSE_MARKS = ",;:"


def _part_start(text: str, pos: int) -> int:
    """Where the part of ``text`` (between :data:`CLAUSE_MARKS`) that holds ``pos`` begins: after
    the last mark before ``pos``, or 0."""
    return max(text.rfind(c, 0, pos) for c in CLAUSE_MARKS) + 1


def owed(s: Sentence, window: tuple[int, int], wl: str, ctx: Context) -> bool:
    """One of the pack's ``unreal_modals`` in the place's own clause before it (after the window's
    last punctuation), with no trip told as made between it and the place: a trip owed that did
    not take place ("should have travelled to Lima", "ought to have gone to Lima", "avrebbe dovuto
    recarsi a Tunisi", "sarebbe dovuto andare a Tunisi"). ``window``: the bounds of ``wl``."""
    lx = ctx.lx
    cut = _part_start(wl, len(wl))
    own = wl[cut:]
    if phrase_at(own, lx.unreal_modals) is None:
        return False
    start, end = window
    return not trip_told(s, start + cut + last_cue(own, lx.unreal_modals), end, ctx)


def split_cue(window: str, after: str, cues: tuple[str, ...], lx: Lexicon) -> bool:
    """A verb of ``cues`` split around the place, its verb before the place in its clause and its
    particle after it: a separable particle closes the clause and joins the verb's front (German
    "sagte seine Reise nach Manila ab" is "absagte"), the particle of a phrasal verb follows the
    object right after the place and joins the verb's back ("called the visit to Manila off
    because of the storm" is "called off"). ``window``: the words before the place (lower case);
    ``after``: the text after it."""
    tail = word_list(re.split(r"[,;:.!?\n]", after.lower(), maxsplit=1)[0])
    if not tail:
        return False
    verbs = word_list(re.split(r"[,;:]", window)[-1])
    if tail[-1] in lx.particles and any(starts(tail[-1] + w, cues) for w in verbs):
        return True
    return any(f"{w} {tail[0]}" in cues for w in verbs)


def invited(s: Sentence, p: Mention, nxt: int, ctx: Context) -> bool:
    """A verb of inviting before the place in its clause ("Zelensky invited Lula to visit Kyiv",
    "convidou Lula a visitar Kiev", "пригласил посетить Киев"), or one closing the clause after it
    before the next place ("hat den Kanzler nach Kiew eingeladen"; not "den Besuch in Moskau
    absolviert und Putin nach Aschgabat eingeladen"): an invitation is no trip, at most a planned
    one. The noun of an invitation too, with the trip it invites to ("accepted an invitation to
    visit Kinshasa", "a accepté l'invitation à se rendre à", "aceptó la invitación para visitar",
    "ha accettato l'invito a visitare"). Not the noun of a visit made at someone's invitation, a
    genitive after it ("arrived at the invitation of", "à l'invitation d'Emmanuel", "по
    приглашению"), nor "invited by" in a clause of its own ("Invited by Xi, Putin arrived in
    Beijing"), nor an invitation followed by the verb of the trip made ("was invited by Xi and
    arrived in Beijing"), nor the guest of honour ("invitado de honor en la cumbre de Lima")."""
    lx = ctx.lx
    text = s.span.text
    cut = max(text.rfind(c, 0, p.start) for c in ",;:.!?") + 1
    hits = [
        m
        for m in re.finditer(r"[^\W\d_][\w'-]*", text[cut : p.start])
        if starts(_unelided(m.group().lower(), lx), lx.invitations)
    ]
    if lx.invitations and hits:
        last = hits[-1]
        between = text[cut + last.end() : p.start]
        words = word_list(between.lower())
        elided = words and any(words[0].startswith(e) for e in lx.elisions if e in lx.genitives)
        asks = any(starts(w, (*lx.travel, *lx.visit_verbs)) for w in words)
        if words and (words[0] in lx.genitives or elided) and not asks:
            # "invitado de honor", "convidado de honra": the guest, not an invitation; but "a
            # accepté l'invitation du président à se rendre à Dakar" names the giver, then the trip
            return False
        return not _verb_between(s, cut + last.end(), p.start, words, ctx)
    after = re.split(r"[,;:.!?]", text[p.end : nxt].lower(), maxsplit=1)[0]
    return bool(lx.invitation_final) and any(starts(w, lx.invitation_final) for w in word_list(after))


def _unelided(word: str, lx: Lexicon) -> str:
    """``word`` without the elided article or preposition written onto it ("l'invito" -> "invito")."""
    return next((word[len(e) :] for e in lx.elisions if word.startswith(e) and len(word) > len(e)), word)


def _verb_between(s: Sentence, start: int, end: int, words: list[str], ctx: Context) -> bool:
    """A verb of the trip itself between an invitation and the place: a finite verb where a tagger
    read the text ("was invited by Xi and arrives in Beijing"), else a verb the pack's tense hook
    reads as past ("convidado pelo rei, Lula chegou a Madrid")."""
    if not ctx.trained:
        return ctx.language.tense(words) == "past"
    base = s.span.start_char
    return any(
        start <= t.idx - base < end and t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm", [])
        for t in s.span
    )


def decides(text: str, end: int, ctx: Context, start: int | None = None) -> bool:
    """The place is the subject of a verb of saying or deciding right after it, an auxiliary or a
    negation between them ("Luanda suspendeu todas as visitas", "Riyadh had informed him", "Moscou
    a annulé la visite"): its government speaks or decides; what it cancels is no stop at it. Not a
    passive ("the stop in Kigali was called off"), nor a participle that closes the clause after a
    place put after its preposition (``start``: where the place begins): the participle of a
    perfect ends a German clause, "hat die Reise nach Lima abgesagt" calls off the trip to Lima."""
    lx = ctx.lx
    if re.match(r"\s*,", text[end:]):
        return False
    after = word_list(text[end : end + ctx.tuning.speech_window].lower())
    i = 0
    while i < min(len(after), ctx.tuning.speech_skip) and after[i] in lx.negations:
        i += 1
    if i >= len(after):
        return False
    if start is not None and i == 0 and set(word_list(text[:start].lower())[-1:]) & lx.at:
        closes = re.match(r"\s*[^\W\d_][\w'-]*\s*(?:[,;:.!?]|$)", text[end:])
        if closes is not None:
            return False  # "die Reise nach Lima abgesagt.": the participle closes the clause
    return (
        starts(after[i], lx.decisions)
        or starts(after[i], lx.speech)
        or phrase_in(" ".join(after[: i + 2]), lx.speech) is not None
    )


def _sequence_ahead(words: list[str], wl: str, s: Sentence, ctx: Context) -> bool:
    """A sequence word before the stop ("then", "danach", "poi") in a sentence without a past
    verb: what comes next ("a Belgrado, poi l'Ungheria"); with one it is a past event's order
    ("reiste danach nach Shanghai"). Not the preposition "after" ("después de visitar Lima",
    "depois do encontro em Lisboa"): what follows it came first."""
    if not _sequence_word(words, wl, ctx.lx):
        return False
    return tense_of(s.span, ctx, 0, len(s.span.text)) != "past"


def _sequence_word(words: list[str], wl: str, lx: Lexicon) -> bool:
    """A sequence adverb among ``words`` (not a preposition before a genitive: "después de"), or
    a sequence phrase in ``wl``."""
    adverb = any(
        starts(w, lx.sequence) and (i + 1 == len(words) or words[i + 1] not in lx.genitives)
        for i, w in enumerate(words)
    )
    return adverb or phrase_in(wl, lx.sequence) is not None


def _sequence_own(wl: str, s: Sentence, bounds: tuple[int, int], ctx: Context) -> bool:
    """A sequence word in the place's own part of the window (after its last punctuation) whose
    verb is in the present or the future, in a sentence that also tells a past: the next leg of a
    trip under way ("Biden, who arrived in Hanoi on Sunday, then travels to Jakarta", "traf in
    Hanoi ein und reist dann weiter nach Jakarta", "è arrivato ad Hanoi e poi prosegue per
    Giacarta"): the stop reached is past, the one after the sequence word is to come. Not a
    sequence told in the past ("then travelled to Jakarta") nor one with no verb of its own
    ("visited Hanoi and then Jakarta")."""
    lx = ctx.lx
    cut = _part_start(wl, len(wl))
    own = wl[cut:]
    words = word_list(own)
    if not _sequence_word(words, own, lx):
        return False
    if not ctx.trained and not any(starts(w, (*lx.travel, *lx.arrival)) for w in words):
        return False  # (the packs' tense hooks read a part with no verb as present: "und am Tag danach")
    start, end = bounds
    return tense_of(s.span, ctx, start + cut, end) in ("present", "future")


def before_ahead(s: Sentence, pos: int, ctx: Context) -> bool:
    """The place in a clause of "before" ("before", "avant de", "bevor", "antes de", "prima di",
    "перед тем как") after a main clause in the present or the future, its own verb in no past:
    what the traveller does after being where the main clause says ("is in Hanoi before travelling
    on to Jakarta", "se trouve à Hanoï avant de poursuivre vers Jakarta", "está en Hanói antes de
    seguir viaje a Yakarta"): a stop to come. After a main clause in the past ("visited Hanoi
    before travelling on to Jakarta") the tenses tell a trip made."""
    c = s.clauses
    if c is None or not c.bounds:
        return False
    cid = c.at(pos)
    if c.kind(cid) != "before":
        return False
    a, b = c.bounds[cid]
    if a <= 0 or tense_of(s.span, ctx, a, b) == "past":
        return False
    return tense_of(s.span, ctx, 0, a) in ("present", "future")


def _relative_start(text: str, start: int, end: int, ctx: Context) -> int:
    """Where the relative clause of a person that holds the place begins (after its pronoun), else
    ``start``: the clause tells where that person is, in its own tense ("Kagame fez-se representar
    pelo ministro, que está em Luanda": the minister is in Luanda; "met Sánchez, who arrived in
    Madrid on Monday"). Not after a clause that speaks of a trip ("cancelled the visit, which was
    to include Luanda", "hat die Reise abgesagt, die ihn nach Peking geführt hätte": the trip's
    cancellation reaches its places)."""
    lx = ctx.lx
    low = text[start:end].lower()
    found = None
    for pronoun in lx.relative_pronouns:
        for m in re.finditer(rf",\s*{re.escape(pronoun)}(?!\w)", low):
            if found is None or m.start() > found.start():
                found = m
    if found is None:
        return start
    if any(starts(w, lx.travel) or w in lx.stop_nouns for w in word_list(low[: found.start()])):
        return start  # "hat die Reise abgesagt, die ihn nach Peking geführt hätte"
    return start + found.end()


def last_cue(window: str, cues: tuple[str, ...]) -> int:
    """Where the last of ``cues`` in ``window`` ends (a word at its start, or a phrase)."""
    ends = [m.end() for m in re.finditer(r"[^\W\d_][\w'-]*", window) if starts(m.group(), cues)]
    ends += [window.rfind(c) + len(c) for c in cues if " " in c and c in window]
    return max(ends, default=0)


def trip_told(s: Sentence, start: int, end: int, ctx: Context) -> bool:
    """A verb of travel in the past between a word of a plan or a cancellation and the place: the
    trip is told as made ("Le pape, attendu par des milliers de fidèles, est arrivé à Lisbonne",
    "After a two-hour delay, Biden landed in Hanoi"). Not a noun of travel ("cancelled the trip he
    had planned to Hanoi"), an infinitive ("was scheduled to land in Amman") or a conditional
    ("would have flown to Hanoi")."""
    lx = ctx.lx
    trip = (*lx.travel, *lx.arrival)
    if ctx.trained:
        base = s.span.start_char
        toks = [t for t in s.span if start <= t.idx - base < end]
        if any(_verb_tense(t, ctx) == "future" for t in toks if t.pos_ in ("VERB", "AUX")):
            return False
        # (a participle the small French model takes for a noun still has its aux:tense child)
        return any(
            starts(t.lower_, trip)
            and not _perfect_infinitive(t, ctx)
            and (
                (t.pos_ in ("VERB", "AUX") and _verb_tense(t, ctx) == "past")
                or any(c.dep_ == "aux:tense" for c in t.children)
            )
            for t in toks
        )
    words = word_list(s.span.text[start:end].lower())
    return any(
        starts(w, trip) and ctx.language.tense(words[max(0, i - 2) : i + 1]) == "past"
        for i, w in enumerate(words)
    )


def _perfect_infinitive(t: Token, ctx: Context) -> bool:
    """A participle with an infinitive of its perfect auxiliary, complementing another verb ("was
    to have visited Quito") or after a modal ("should have travelled to Quito", "ought to have
    gone"): the perfect of a plan or of a duty, not a trip told as made (a perfect told as made
    has a finite auxiliary: "has travelled"). Not one that complements a verb of saying ("is
    said to have landed in Quito"): a trip reported as made."""
    if t.dep_ == "xcomp" and starts(t.head.lower_, ctx.lx.speech):
        return False
    return any(c.dep_.startswith("aux") and "Inf" in c.morph.get("VerbForm", []) for c in t.children)


def _purposes(s: Sentence, start: int, end: int, ctx: Context) -> list[tuple[int, int]]:
    """The infinitives of purpose of a verb in the past between ``start`` and ``end`` with their
    marker ("traveled to Kentucky to visit flood victims", "flew to Tokyo to attend"): why a trip
    was made, not a trip to come ("agreed to visit", "plans to travel" are complements: kept)."""
    base = s.span.start_char
    out = []
    for t in s.span:
        if not start <= t.idx - base < end or t.dep_ != "advcl" or "Inf" not in t.morph.get("VerbForm", []):
            continue
        if _verb_tense(t.head, ctx) != "past":
            continue
        marker = t.nbor(-1) if t.i > s.span.start and t.nbor(-1).dep_ in ("aux", "mark") else t
        if starts(t.head.lower_, ctx.lx.planned) or f"{t.head.lower_} {marker.lower_}" in ctx.lx.planned:
            continue  # "Lula set to visit Canberra", "expected to arrive": a plan, no purpose
        out.append((marker.idx - base, t.idx - base + len(t.text)))
    return out


def _after_end(s: Sentence, reading: Reading, k: int) -> int:
    """Where the words after the k-th stop stop speaking of it: at the next place of the sentence
    that is not in its list ("Kigali jeudi, mais son escale prévue à Addis-Abeba a été annulée":
    the cancellation is Addis-Abeba's; "Jordan and Amman were called off": both)."""
    p = reading.stops[k][0]
    me = s.places.index(p)
    mine = reading.group.get(me, me)
    for idx, q in enumerate(s.places):
        if q.start >= p.end and reading.group.get(idx, idx) != mine and idx not in reading.hint_owner:
            return q.start
    return len(s.span.text)


def _window_words(
    s: Sentence, start: int, end: int, counted: list[tuple[int, int]], ctx: Context
) -> list[str]:
    """The lower-case tokens from ``start`` to ``end``, less times of day and counted dates."""
    base, text = s.span.start_char, s.span.text
    return [
        t.lower_
        for t in s.span
        if start <= t.idx - base < end
        and not time_of_day(ctx.lx, text, t.idx - base, t.text, ctx.tuning.time_of_day_window)
        and not inside(t.idx - base, counted)
    ]


def _status_by_verbs(s: Sentence, start: int, end: int, words: list[str], ctx: Context) -> Status | None:
    """Planned for a future or conditional verb; confirmed for another finite verb or a travel word
    where a tagger read the text; else None (the date decides). After a stop of the same sentence
    a travel noun alone does not tell: "expected in Kuala Lumpur for a two-day visit and in
    Indonesia" lists Indonesia under the verb of the first (None: its status carries on)."""
    base = s.span.start_char
    # an infinitive has no tense ("avant de rejoindre Djibouti le 15 mars": the date decides)
    verbs = [
        t
        for t in s.span
        if start <= t.idx - base < end
        and t.pos_ in ("VERB", "AUX")
        and "Inf" not in t.morph.get("VerbForm", [])
    ]
    c = s.clauses
    if c is not None and c.bounds:  # the verbs of the place's own clause, where it has some: a
        # clause set off before the place tells its own time ("La ministre, qui aurait dû rester
        # chez elle, est arrivée lundi à Tunis": arrived)
        own = [t for t in verbs if c.at(t.idx - base) == c.at(end)]
        verbs = own or verbs
    for t in verbs:
        tense, mood = t.morph.get("Tense", []), t.morph.get("Mood", [])
        if "Fut" in tense or "Cnd" in mood or _going_to(t, ctx):
            return Status.PLANNED
        if "Imp" in tense and ctx.language.misread_conditional(t.lower_):
            return Status.PLANNED
    if not ctx.trained and trip_told(s, start, end, ctx):
        # where no tagger reads the verbs, a verb of travel in the past before the place tells a
        # trip made, so a later day of another clause ("arrivato a Lima, dove giovedì
        # parteciperà al vertice", "прибыл в Пхеньян, где в четверг проведёт переговоры") does
        # not make it planned
        return Status.CONFIRMED
    if verbs or (start == 0 and any(starts(w, ctx.lx.travel) for w in words)):
        return Status.CONFIRMED if ctx.trained else None
    return None


def en_route(s: Sentence, p: Mention, ctx: Context) -> bool:
    """A departure word before the place in its sentence, with no arrival word and no other
    destination between them ("left Beijing for Astana": Astana is not reached yet), nor a clause
    of "where" after the place in the past ("left for Astana, where he met the cabinet", "отправился
    в Харбин, где посетил выставку": what he did there tells he arrived), nor a finite verb of the
    past between them ("partito da Roma, ha fatto scalo a Dubai")."""
    lx = ctx.lx
    text = s.span.text
    if _done_there(s, p, ctx):
        return False
    low = text[: p.start].lower()
    hits = [m.start() for m in re.finditer(r"[^\W\d_][\w'-]*", low) if starts(m.group(), lx.departure)]
    hits += [low.rfind(ph) for ph in lx.departure if " " in ph and ph in low]
    if not hits:
        return False
    dep = max(hits)
    between = low[dep:]
    if any(starts(w, lx.arrival) for w in word_list(between)) or phrase_in(between, lx.arrival) is not None:
        return False
    # a finite verb of the past after the departure word tells what the traveller did next
    # ("partito da Roma, ha fatto scalo a Dubai", "der in Berlin abgeflogen war, legte einen
    # Zwischenstopp in Dubai ein")
    word_end = dep + len(re.findall(r"^[\w'-]*", low[dep:])[0])
    if tense_of(s.span, ctx, word_end, p.start) == "past":
        return False
    return not any(
        dep < q.start < p.start and role_before(text, q.start, ctx) is not Role.ORIGIN for q in s.places
    )


def _done_there(s: Sentence, p: Mention, ctx: Context) -> bool:
    """A clause of "where" right after the place whose verb is in the past (", where he met", ",
    où il a rencontré", ", donde visitó")."""
    text = s.span.text
    words = "|".join(re.escape(w) for w in ctx.lx.where_words)
    m = re.match(rf"\s*,?\s*(?:{words})(?!\w)", text[p.end :].lower()) if words else None
    if m is None:
        return False
    start = p.end + m.end()
    stop = re.search(r"[.;:!?]", text[start:])
    end = start + stop.start() if stop else len(text)
    return tense_of(s.span, ctx, start, end) == "past"


def tense_of(span: Span, ctx: Context, start: int, end: int) -> str | None:
    """ "past", "present" or "future" for the words of ``span`` between ``start`` and ``end``:
    the tagger's morphology where there is one (a finite past verb or a perfect is past; the
    future, a conditional or a future auxiliary is future), else the language pack's hook."""
    if not ctx.trained:
        found = ctx.language.tense(word_list(span.text[start:end]))
        return str(found) if found else None
    base = span.start_char
    tenses = {_verb_tense(t, ctx) for t in span if start <= t.idx - base < end and t.pos_ in ("VERB", "AUX")}
    return next((name for name in TENSES if name in tenses), None)


def clause_between(s: Sentence, prev_end: int, pos: int, ctx: Context) -> bool:
    """The previous stop of the sentence (ending at ``prev_end``) lies in another clause than the
    place at ``pos``, and a finite verb lies between them: that clause has its own say ("Die
    Ministerin, die in Berlin hätte bleiben sollen, flog nach Tunis": Berlin's unreal past is not
    Tunis's). A list has no verb between its items, and they share their status ("the visits to
    Paris and Rome were cancelled", "who cancelled her visits to Paris, Berlin and Rome,")."""
    c = s.clauses
    if c is None or not c.ids or prev_end <= 0 or c.at(prev_end - 1) == c.at(pos):
        return False
    return tense_of(s.span, ctx, prev_end, pos) is not None


def when_ahead(s: Sentence, start: int, end: int, ctx: Context) -> bool:
    """The place is in a clause of time opened by one of the pack's ``when_words`` ("when",
    "cuando", "quando", "wenn"), not in the past from that word to the place, in a sentence whose
    tense is the future: "When he arrives in Lima, the president will meet the mayor", "Cuando
    llegue a Lima, se reunirá con el alcalde", "Quando chegar a Lisboa, reunir-se-á com": such a
    clause keeps a present or a subjunctive for what is to come (not "When he arrived in Lima")."""
    lx = ctx.lx
    if not lx.when_words:
        return False
    text = s.span.text
    low = text[start:end].lower()
    own = re.split(r"[,;:]", low)[-1]
    hits = [m.end() for w in lx.when_words for m in re.finditer(rf"(?<!\w){re.escape(w)}(?!\w)", own)]
    if not hits:
        return False
    at = end - len(own) + max(hits)
    if tense_of(s.span, ctx, at, end) == "past":
        return False
    return tense_of(s.span, ctx, 0, len(text)) == "future"


def arrival_participle(s: Sentence, pos: int, ctx: Context) -> bool:
    """The stretch of the sentence between commas that holds ``pos`` opens, after a comma, with the
    past participle of a verb of travel or arrival without an auxiliary ("Le Premier ministre,
    arrivé lundi à Ankara, s'envolera vendredi pour Bakou", "Il premier, arrivato lunedì ad
    Ankara, ...", "El rey, llegado el lunes a Rabat, ...", "Премьер, прибывший в понедельник в
    Анкару, ..."): an arrival done, whatever the tense of the main clause; its place is reached
    and its day is past. The tagger's morphology where it read the text, else the pack's hook."""
    text = s.span.text
    cut = max(text.rfind(c, 0, pos) for c in ",;:")
    if cut < 0:
        return False
    m = re.match(r"\s*([^\W\d_][\w'-]*)", text[cut + 1 :])
    if m is None or not starts(m.group(1).lower(), (*ctx.lx.travel, *ctx.lx.arrival)):
        return False
    if not ctx.trained:
        return ctx.language.past_participle(m.group(1).lower())
    at = s.span.start_char + cut + 1 + m.start(1)
    tok = next((t for t in s.span if t.idx == at), None)
    return (
        tok is not None
        and "Part" in tok.morph.get("VerbForm", [])
        and "Past" in tok.morph.get("Tense", [])
        and not any(c.dep_.startswith("aux") for c in tok.children)
    )


def _going_to(t: Token, ctx: Context) -> bool:
    """A verb of going that governs an infinitive: a periphrastic future ("va se rendre à Rabat",
    "allait visiter"; not "va à Rome"). The pack's ``future_auxiliaries`` that the tagger reads
    as a full verb."""
    return (
        t.pos_ == "VERB"
        and t.lower_ in ctx.lx.future_auxiliaries
        and any(c.dep_ == "xcomp" and "Inf" in c.morph.get("VerbForm", []) for c in t.children)
    )


def _verb_tense(t: Token, ctx: Context) -> str | None:
    tense, mood, form = t.morph.get("Tense", []), t.morph.get("Mood", []), t.morph.get("VerbForm", [])
    if "Fut" in tense or "Cnd" in mood or _going_to(t, ctx):
        return "future"
    if t.lower_ in ctx.lx.future_auxiliaries and t.pos_ != "VERB":
        return "future"  # "will", "'ll" (a verb of going only with its infinitive: above)
    if "Part" in form and any(
        c.dep_.startswith("aux") and c.lower_ in ctx.lx.future_auxiliaries and c.pos_ != "VERB"
        for c in t.children
    ):
        return "future"  # the future perfect: "will have visited Hanoi" by the end of the week
    if t.dep_ == "aux:tense":
        return "past"  # the auxiliary of a compound past ("a visité", "est arrivé", "avait quitté"),
        # also where the tagger took the participle for a noun ("a visité Dakar lundi")
    if "Past" in tense and "Part" not in form:
        return "past"
    perfect = ctx.lx.perfect_auxiliaries
    if "Past" in tense and any(
        c.dep_ == "aux:tense" or (c.dep_ == "aux" and c.lower_ in perfect) for c in t.children
    ):
        return "past"  # "has arrived", "est arrivé" (not the passive "is scheduled")
    be_perfect = starts(t.lower_, ctx.lx.be_perfect)
    if "Past" in tense and be_perfect and any(c.dep_ == "aux:pass" for c in t.children):
        return "past"  # "est arrivé" tagged as a passive: a verb whose perfect takes "to be"
    if "Pres" in tense and "Fin" in form:
        return "present"
    return None


def clause_tense(s: Sentence, reading: Reading, k: int, ctx: Context) -> str | None:
    """The tense of the clause of the k-th stop (from the previous stop to the next one), less a
    trailing attribution after it (", her office said": the telling's tense, not the trip's)."""
    text = s.span.text
    start = reading.stops[k - 1][0].end if k else 0
    end = reading.stops[k + 1][0].start if k + 1 < len(reading.stops) else len(text)
    where = where_clause(s, reading.stops[k][0].start)
    if where is not None:  # a clause of "where" has its own tense (its verb may come after the place)
        start, end = max(start, where[0]), where[1]
    else:  # nor is the tense of a clause of "where" after the place's the place's ("traf in Lima
        # ein, wo er am Donnerstag am Gipfel teilnehmen wird": reached)
        end = min(end, _where_after(s, reading.stops[k][0].end))
    return tense_of(s.span, ctx, start, min(end, report_start(s, reading.stops[k][0].end)))


def _where_after(s: Sentence, pos: int) -> int:
    """Where the clause of "where" right after the clause holding ``pos`` opens, else the
    sentence's end."""
    c = s.clauses
    end = len(s.span.text)
    if c is None or not c.bounds:
        return end
    cid = c.at(pos)
    return c.bounds[cid + 1][0] if cid + 1 < len(c.bounds) and c.kind(cid + 1) == "where" else end


def report_start(s: Sentence, pos: int) -> int:
    """Where the sentence's trailing attribution opens (its "report" clause) when it comes after
    ``pos``, else the sentence's end."""
    c = s.clauses
    end = len(s.span.text)
    if c is None or "report" not in c.kinds or not c.bounds:
        return end
    first = min(c.bounds[i][0] for i, kind in enumerate(c.kinds) if kind == "report")
    return first if first >= pos else end


def clause_future(s: Sentence, pos: int, ctx: Context) -> bool | None:
    """Whether a weekday at ``pos`` points forward, from the tense of its own clause (present
    or future: the next one; past: the previous one); None when the clause has no tense."""
    if arrival_participle(s, pos, ctx):
        return False  # "Le Premier ministre, arrivé lundi à Ankara, s'envolera ...": that Monday is past
    if irreal(s, pos, ctx):
        return False  # an unreal past ("hätte am Montag reisen sollen"): that Monday is past
    start, end = 0, len(s.span.text)
    if s.clauses is not None and s.clauses.bounds:
        start, end = s.clauses.bounds[s.clauses.at(pos)]
    if phrase_at(s.span.text[start:end].lower(), ctx.lx.unreal_modals) is not None:
        return False  # "avrebbe dovuto recarsi lunedì a Parigi": that Monday is past
    found = coordinated_tense(s, pos, (start, end), ctx) or tense_of(s.span, ctx, start, end)
    if found is None and s.clauses is not None and s.clauses.kind(s.clauses.at(pos)) == "before":
        return True  # "before traveling on to Vladivostok for a summit Thursday": later on
    return None if found is None else found != "past"


def coordinated_tense(s: Sentence, pos: int, clause: tuple[int, int], ctx: Context) -> str | None:
    """The tense of the coordinated part of ``clause`` that holds ``pos``, when a joining word
    (the pack's ``list_joiners``: "and", "et", "und", "и") splits the clause into parts of their
    own verbs and that part has one: "was in Warsaw on Tuesday and will be in Vilnius on
    Thursday", "traf am Montag in Kairo ein und wird am Donnerstag nach Amman weiterreisen",
    "était mardi à Varsovie et sera jeudi à Vilnius": each weekday takes its own verb's tense, not
    the tense of the other verb. A finite imperfect counts as past here ("était mardi à"); a part
    with no verb ("and Rome on Tuesday") has none, and the whole clause tells (where no tagger
    reads the verbs, only a past or a future the pack's hook finds counts: it reads a part
    without a verb as present)."""
    start, end = clause
    low = s.span.text.lower()
    cuts = [m.start() for m in _WORD.finditer(low, start, end) if m.group() in ctx.lx.list_joiners]
    if not cuts:
        return None
    a = max((c for c in cuts if c < pos), default=start)
    b = min((c for c in cuts if c > pos), default=end)
    if (a, b) == (start, end):
        return None
    found = tense_of(s.span, ctx, a, b)
    if not ctx.trained:  # a pack's hook reads a part with no verb as present: only a tense it finds
        return found if found in ("past", "future") else None
    if found is None:
        base = s.span.start_char
        imperfect = any(
            a <= t.idx - base < b
            and t.pos_ in ("VERB", "AUX")
            and "Imp" in t.morph.get("Tense", [])
            and "Fin" in t.morph.get("VerbForm", [])
            for t in s.span
        )
        found = "past" if imperfect else None
    return found


def status_cues(
    s: Sentence, reading: Reading, k: int, start: int, date: DateSpan | None, ctx: Context
) -> dict[str, float]:
    """What the status model reads about the k-th stop of a sentence (names and meanings in
    :data:`itinerary.extract.status_model.FEATURES`): the tense of its clause and of the words
    before it, the words of plans, cancellations and invitations around it and how near they
    are, its date against the publication, reported speech, conditionals and sequence words.
    ``start``: where the previous stop of the sentence ends; ``date``: the stop's date as the
    rules read it (before it was made to agree with their status)."""
    lx = ctx.lx
    text = s.span.text
    low = text.lower()
    p = reading.stops[k][0]
    nxt = _after_end(s, reading, k)
    clause, verbs = clause_tense(s, reading, k, ctx), tense_of(s.span, ctx, start, p.start)
    f: dict[str, float] = {}
    for name in TENSES:
        f[f"clause_{name}"] = float(clause == name)
        f[f"verb_{name}"] = float(verbs == name)
    f["clause_untold"] = float(clause is None)
    at = [m.start() for m in _WORD.finditer(low)]  # where each word of the sentence starts
    ws, nb = bisect_left(at, start), bisect_left(at, p.start)  # the window before the place
    na, ne = bisect_left(at, p.end), bisect_left(at, nxt)  # the words after it, to the next stop
    for name, cues in (("planned", lx.planned), ("cancelled", lx.cancelled), ("invitation", lx.invitations)):
        hits = _cue_words(low, at, cues)
        f[f"{name}_before"] = float(any(ws <= h < nb for h in hits))
        f[f"{name}_after"] = float(any(na <= h < ne for h in hits))
        gaps = [nb - 1 - h for h in hits if h < nb] + [h - na for h in hits if h >= na]
        f[f"{name}_near"] = 1.0 / (1.0 + min(gaps)) if gaps else 0.0
    window = word_list(low[start : p.start])
    f["invited"] = float(invited(s, p, nxt, ctx))
    f["denied"] = float(phrase_at(low[start : p.start], lx.denied) is not None)
    f["trip_told"] = float(trip_told(s, start, p.start, ctx))
    f["en_route"] = float(en_route(s, p, ctx))
    f["arrival_before"] = float(_any_cue(window, low[start : p.start], lx.arrival))
    f["sequence_before"] = float(_any_cue(window, low[start : p.start], lx.sequence))
    said = word_list(low)
    f["speech"] = float(_any_cue(said, low, lx.speech))
    f["quoted"] = float(any(q in text for q in QUOTES))
    f["conditional"] = float(_conditional(s, said, ctx))
    f.update(date_relation(date, ctx.published))
    return f


#: quotation marks: a sentence with one quotes someone
QUOTES = ('"', "«", "»", "“", "”", "„")


def date_relation(date: DateSpan | None, published: dt.date | None) -> dict[str, float]:
    """The stop's date against the publication: before it, on that day (a span holding it), after
    it, or unknown (no date, no publication date)."""
    if date is None or published is None or date.start is None or date.end is None:
        where = "unknown"
    elif date.start > published:
        where = "after"
    elif date.end < published:
        where = "before"
    else:
        where = "same"
    return {f"date_{name}": float(where == name) for name in ("before", "same", "after", "unknown")}


_WORD = re.compile(r"[^\W\d_][\w'-]*")


@functools.cache
def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for the single words of ``cues``, matched at a word's start as
    :func:`~itinerary.extract.lexicon.starts` matches them (an entry ending in ``=``: the whole word)."""
    alts = [re.escape(c[:-1]) + "$" if c.endswith("=") else re.escape(c) for c in cues if " " not in c]
    return re.compile("(?:" + "|".join(alts) + ")") if alts else None


def _any_cue(words: list[str], text: str, cues: tuple[str, ...]) -> bool:
    """One of ``words`` is one of ``cues``, or ``text`` holds one of its phrases."""
    pattern = _cue_pattern(cues)
    return (pattern is not None and any(pattern.match(w) for w in words)) or phrase_in(text, cues) is not None


def _cue_words(low: str, at: list[int], cues: tuple[str, ...]) -> list[int]:
    """The indexes of the words of ``low`` (starting at ``at``) that are one of ``cues`` (a word
    at its start) or open one of its phrases."""
    pattern = _cue_pattern(cues)
    hits = [i for i, m in enumerate(_WORD.finditer(low)) if pattern is not None and pattern.match(m.group())]
    for c in cues:
        if " " in c and c in low:
            hits += [bisect_left(at, m.start()) for m in re.finditer(re.escape(c), low)]
    return hits


def _conditional(s: Sentence, words: list[str], ctx: Context) -> bool:
    """A conditional in the sentence: a verb the tagger reads in the conditional mood (or a form
    it misreads as a past imperfect), or one of the pack's word pairs of an unreal past."""
    if any(a in words and b in words for a, b in ctx.lx.irrealis):
        return True
    if not ctx.trained:
        return False
    return any(
        "Cnd" in t.morph.get("Mood", []) or ctx.language.misread_conditional(t.lower_)
        for t in s.span
        if t.pos_ in ("VERB", "AUX")
    )
