"""Candidates: every resolved place mention, read as if it were a stop (status, date, traveller,
role), with the features the stop model scores. The travel rules' stops come first in each
sentence; the other mentions follow, each read as if the rules had taken it."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

from itinerary.extract.document import Candidate, Context, Document, Mention, Reading, Reason, Sentence
from itinerary.extract.features import (
    article_features,
    dateline_elsewhere,
    features_of,
    lone_dateline,
    long_before,
    speaks_after,
)
from itinerary.extract.lexicon import phrase_in, starts
from itinerary.extract.registry import step
from itinerary.extract.steps.dates import collect_dated, consistent, plan_then, stop_date
from itinerary.extract.steps.persons import carried_subject, stop_traveller
from itinerary.extract.steps.roles import (
    classify,
    followed_by_speech,
    hosted_at,
    is_listed,
    reached_by_weapon,
    received_guest,
    role_before,
    travel_mode,
)
from itinerary.extract.steps.status import (
    clause_between,
    clause_tense,
    en_route,
    recalled,
    status_cues,
    status_of,
)
from itinerary.extract.text import (
    DATELINE_AGENCY_OPENING,
    DATELINE_END,
    possessive_after,
    quote_of,
    word_list,
    words_of,
)
from itinerary.geocode.toponyms import forms_of
from itinerary.model import Role, Status


def candidates_of(sentences: list[Sentence], ctx: Context) -> list[Candidate]:
    """Every resolved place mention as a candidate: the rule stops and the rest, each with
    the features the scorer reads."""
    drafts: list[Candidate] = []
    carry: str | None = None
    told = False  # the sentence before, in the same paragraph, took the traveller somewhere
    named = {w for s in sentences for who in s.persons for w in who.name.split()}
    for si, s in enumerate(sentences):
        reading = classify(s, ctx)
        collect_dated(s, reading, ctx)
        prev_end = 0
        prev_status: Status | None = None
        for k, (p, _) in enumerate(reading.stops):
            i = s.places.index(p)
            if i and locates_the_place_before(s.span.text, s.places[i - 1], p, ctx):
                continue  # "Versailles bei Paris": the preposition of nearness is no "at"
            d, carry = candidate_at(s, reading, k, prev_end, prev_status, ctx, carry)
            d.order = len(drafts)
            d.reason = Reason(reading.made.get(s.places.index(p), "a stop"))
            d.features = features_of(s, si, len(sentences), reading, p, d, ctx)
            drafts.append(d)
            prev_end, prev_status = p.end, d.status
        if not reading.stops:  # a sentence naming nobody and opening with no title keeps it
            carry = carried_subject(s, ctx, carry)
        lede = _lede_stops(sentences, ctx) if si == 0 else []
        trip = si == 0 and dateline_tells_trip(sentences, reading, ctx)
        # a headline: the article's first sentence, a paragraph of its own
        head = named if si == 0 and len(sentences) > 1 and sentences[1].span.doc is not s.span.doc else None
        others = other_candidates(
            s, si, len(sentences), reading, ctx, carry, len(drafts), lede, trip, told, head
        )
        drafts.extend(others)
        # this sentence takes the traveller somewhere or from somewhere ("The train left Pyongyang")
        # or goes on with the trip (a stop on the way): the next one of its paragraph goes on with it
        on_way = any(d.rule and d.reason.rule == ON_THE_WAY for d in others)
        told = bool(reading.stops) or on_way
        told = told and si + 1 < len(sentences) and sentences[si + 1].span.doc is s.span.doc
    return drafts


#: the rule of a stop on the way (:func:`at_on_the_way`)
ON_THE_WAY = "a place the sentence is at, the trip told just before"


def dateline_tells_trip(sentences: list[Sentence], reading: Reading, ctx: Context) -> bool:
    """The lede after the article's dateline tells a trip and names none of its places ("NIAMEY,
    10 mars (AFP) - Le président, arrivé mardi pour une visite de deux jours, ..."): the dateline
    is where the traveller is. ``reading``: the first sentence's (the lede is the next sentence
    when the dateline stands alone, "УЛАН-БАТОР, 10 марта. /ТАСС/.")."""
    first = sentences[0]
    if not first.places or first.span.start_char != 0:
        return False
    end = DATELINE_END.search(first.span.text[: ctx.tuning.dateline_window])
    # the agency after a dateline cut at its date ("УЛАН-БАТОР, 10 марта." | "/ТАСС/. ...")
    agency = DATELINE_AGENCY_OPENING.match(sentences[1].span.text) if len(sentences) > 1 else None
    if end is not None and not lone_dateline(first):
        lede, cut = first, end.end()
    elif len(sentences) > 1 and (end is not None or agency is not None):
        lede, cut = sentences[1], agency.end() if agency else 0
        reading = classify(lede, ctx)
    else:
        return False
    travel = [w for w in reading.travel if w >= cut]
    if not travel or any(q.start >= cut for q, role in reading.stops if role is Role.VISIT):
        return False
    # a trip still to come or called off ("will travel next week") puts nobody at the dateline
    low = lede.span.text[cut:].lower()
    cues = ctx.lx.planned + ctx.lx.cancelled
    return not any(starts(w, cues) for w in word_list(low)) and phrase_in(low, cues) is None


def _lede_stops(sentences: list[Sentence], ctx: Context) -> list[Mention]:
    """The rule stops of the lede when the first sentence is a dateline alone ("АСТАНА."): where
    the lede puts the traveller decides whether the dateline is the reporter's city."""
    if len(sentences) < 2 or not lone_dateline(sentences[0]):
        return []
    return [q for q, _ in classify(sentences[1], ctx).stops]


def candidate_at(
    s: Sentence,
    reading: Reading,
    k: int,
    prev_end: int,
    prev_status: Status | None,
    ctx: Context,
    carry: str | None,
) -> tuple[Candidate, str | None]:
    """The k-th stop of a sentence's reading as a candidate, and the traveller it carries on."""
    p, role = reading.stops[k]
    status = status_of(s, reading, k, prev_end, ctx)
    if status is None and not clause_between(s, prev_end, p.start, ctx):
        status = prev_status  # a list's items share their status ("visits to Paris and Rome were cancelled")
    date = stop_date(s, reading, p, status, ctx)
    cues, read = status_cues(s, reading, k, prev_end, date, ctx), date  # what the status model reads
    later = date is not None and ctx.published and date.start and date.start > ctx.published
    if later and status is Status.CONFIRMED and clause_tense(s, reading, k, ctx) != "past":
        # a date ahead in a clause not in the past: still to come ("avant de rejoindre
        # Djibouti le 15 mars", "Am Mittwoch reist er nach Seoul weiter")
        status = Status.PLANNED
    if not (status is Status.PLANNED and plan_then(s, p.start, ctx)):  # a plan's day gone by is its day
        date = consistent(date, status, ctx.published)
    if role is not Role.ORIGIN and status in (None, Status.CONFIRMED) and en_route(s, p, ctx):
        status = Status.PLANNED  # "left Beijing for Astana": on the way, not there yet
    if status is None:  # no tense or cue: the date decides, else it happened
        later = date is not None and ctx.published and date.start and date.start > ctx.published
        status = Status.PLANNED if later else Status.CONFIRMED
    traveller, explicit, companions = stop_traveller(s, reading, p, ctx, carry)
    hints = reading.hints_of.get(s.places.index(p), [])
    quote = quote_of(s.span.text, ctx.tuning.max_quote)
    d = Candidate(p, quote, status, date, traveller, role, hints, 0, explicit, companions=companions)
    d.status_features, d.read_date = cues, read
    d.mode = travel_mode(s.span.text, p.start, ctx)
    d.background = recalled(s, p, date, ctx)
    if received_guest(s, p.start, reading.travel, ctx) is not None:
        return d, carried_subject(s, ctx, carry)  # the host, not the guest, is the subject
    return d, traveller or carry


def other_candidates(
    s: Sentence,
    si: int,
    n: int,
    reading: Reading,
    ctx: Context,
    carry: str | None,
    order: int,
    lede: list[Mention] | None = None,
    dateline_trip: bool = False,
    trip_before: bool = False,
    headline_names: set[str] | None = None,
) -> list[Candidate]:
    """The places of the sentence the rules did not take, read as if they were stops (``lede``:
    the stops of the lede after a dateline that stands alone; ``dateline_trip``: the lede tells a
    trip and names none of its places, so the dateline's place is a stop of the rules;
    ``trip_before``: the sentence before, in the same paragraph, takes the traveller somewhere, so
    a place this sentence is at, with no travel word of its own, is a stop of the rules: "The train
    left Moscow for Vladivostok. In Irkutsk it stood for an hour"; ``headline_names``: the sentence
    is the headline, and these are the words of the names of the article's persons)."""
    taken = {id(p) for p, _ in reading.stops}
    made = {id(p) for p, role in reading.stops if role is Role.VISIT}  # destinations, so far
    out: list[Candidate] = []
    for idx, p in enumerate(s.places):
        if id(p) in taken or idx in reading.hint_owner or p.record is None:
            continue
        if possessive_after(s.span.text, p.end, ctx.lx):
            continue  # "America's top diplomat": a possessive qualifies a person or thing
        if idx and locates_the_place_before(s.span.text, s.places[idx - 1], p, ctx):
            continue  # "Potsdam, south-west of Berlin": the second place says where the first is
        if dateline_elsewhere(s, p, reading, ctx.tuning, lede or ()):
            continue
        role = role_before(s.span.text, p.start, ctx)
        if role is None and speaks_after(s.span.text, p.end, ctx, bare=True, start=p.start):
            continue  # "Moscow criticised the visit", "Moscow was told": a bare place is its government
        role = role or Role.VISIT
        trial = dataclasses.replace(
            reading, stops=sorted([*reading.stops, (p, role)], key=lambda x: x[0].start)
        )
        k = next(i for i, (q, _) in enumerate(trial.stops) if q is p)
        prev_end = trial.stops[k - 1][0].end if k else 0
        d, _ = candidate_at(s, trial, k, prev_end, None, ctx, carry)
        d.rule, d.order = False, order + len(out)
        d.reason = Reason("not a rule stop: " + reading.refused.get(idx, "not read as one"))
        d.features = features_of(s, si, n, trial, p, d, ctx, rule=False)
        why = _rule_of_its_own(s, reading, idx, d, ctx, made, dateline_trip, trip_before, headline_names)
        if why is not None:
            d.rule, d.reason = True, Reason(why)
            d.features = features_of(s, si, n, trial, p, d, ctx, rule=True)
        if d.rule and d.role is Role.VISIT:
            made.add(id(p))
        out.append(d)
    return out


def locates_the_place_before(text: str, before: Mention, p: Mention, ctx: Context) -> bool:
    """True when ``p`` is named to say where the place ``before`` it is: a phrase of direction or
    nearness of the pack (``locating``) ends the few words between them ("Potsdam, some 30 km
    south-west of Berlin", "Schloss Meseberg bei Berlin", "Подольск под Москвой"). The traveller is
    at the first place; the second is a reference point, no stop of its own. A reference with no
    place before it ("a village near Kharkiv") is all the text gives, and stays a candidate."""
    if before.record is None or not ctx.lx.locating:
        return False
    gap = " ".join(text[before.end : p.start].lower().replace(",", " ").split())
    if not gap or len(gap.split()) > ctx.tuning.locating_gap_words:
        return False
    return any(gap == w or gap.endswith(" " + w) for w in ctx.lx.locating)


def _rule_of_its_own(
    s: Sentence,
    reading: Reading,
    idx: int,
    d: Candidate,
    ctx: Context,
    made: set[int],
    dateline_trip: bool,
    trip_before: bool,
    headline_names: set[str] | None,
) -> str | None:
    """The rule that makes the idx-th place a stop though the sentence's reading did not take it
    (see :func:`other_candidates` for the flags), if any."""
    p = d.place
    if dateline_trip and d.features["dateline"] and d.status is Status.CONFIRMED:
        return "the dateline of a lede that tells a trip and names none of its places"
    if trip_before and at_on_the_way(s, reading, idx, d, ctx):
        return ON_THE_WAY
    if headline_names and d.status is Status.CONFIRMED and person_at(s, p, headline_names, ctx):
        return "a headline puts a person of the article at the place"
    if list_goes_on(s, idx, made, d, ctx):
        return LIST_GOES_ON
    if phrase_leads_to(s.span.text, d, ctx):
        return PHRASE_LEADS_TO
    if correlative_item(s, reading, idx, made, d, ctx):
        return CORRELATIVE
    return None


def at_on_the_way(s: Sentence, reading: Reading, idx: int, d: Candidate, ctx: Context) -> bool:
    """The idx-th place of a sentence with no travel word and no stop of its own is where the
    sentence is (a locative preposition that belongs to no noun, no government speaking, no weapon
    reaching it, nobody hosting there): in a paragraph that has just told the trip, a stop on the
    way ("Crowds lined the platform in Tumen", "the motorcade crossed the border at Nogales")."""
    f, p = d.features, d.place
    if reading.travel or reading.stops or idx in reading.hint_owner or d.status is not Status.CONFIRMED:
        return False
    text = s.span.text
    if not f["prep_visit"] or f["speech_after"] or f["possessive"]:
        return False
    if f["noun_attached"] and not transit_noun_before(text, p.start, ctx):
        return False
    return not (
        followed_by_speech(text, p.end, ctx)
        or reached_by_weapon(s, p, ctx)
        or hosted_at(text, p.start, [], ctx)
    )


#: the rule of a stop listed after a stop (:func:`list_goes_on`)
LIST_GOES_ON = "an item with its own preposition in a list after a stop"


def list_goes_on(s: Sentence, idx: int, made: set[int], d: Candidate, ctx: Context) -> bool:
    """The idx-th place has a preposition of destination of its own and only a list joiner
    (the pack's ``list_joiners``: "and", "then", "finally") separates it from a destination the
    rules took just before it: the list of a tour's stops goes on ("führte ihn zunächst nach
    Jakarta, dann nach Kuala Lumpur und schließlich nach Singapur", "poi a Torino e infine a
    Genova"), however far its travel word is. Not after a place speaking, in the possessive or
    qualified by a noun of its own."""
    if idx == 0 or id(s.places[idx - 1]) not in made or d.role is not Role.VISIT:
        return False
    f, text = d.features, s.span.text
    if not f["prep_visit"] or f["speech_after"] or f["possessive"] or f["noun_attached"]:
        return False
    return is_listed(text[s.places[idx - 1].end : d.place.start], ctx)


#: the rule of a place right after a phrase of travel (:func:`phrase_leads_to`)
PHRASE_LEADS_TO = "right after a phrase of travel of several words"


def phrase_leads_to(text: str, d: Candidate, ctx: Context) -> bool:
    """A travel phrase of several words (the pack's ``travel``) stands right before the place, a
    preposition of destination and determiners at most between them ("en route pour Riyad", "auf
    dem Weg nach Riad", "по пути в Эр-Рияд", "bound for Quito"): the phrase itself takes the
    traveller there, whatever verb the parse hangs the place on. Not a place speaking or in the
    possessive. A phrase of coming back leads from the place it names ("de retour de Nairobi")."""
    f, lx = d.features, ctx.lx
    visit = d.role is Role.VISIT and bool(f["prep_visit"])
    if not (visit or d.role is Role.ORIGIN) or f["speech_after"] or f["possessive"]:
        return False
    words = words_of(text[max(0, d.place.start - ctx.tuning.verb_window) : d.place.start].lower(), lx)
    whole = " ".join(words)  # "de retour de": its last word is also a determiner
    while words and (words[-1] in lx.determiners or words[-1] in lx.elisions):
        words.pop()
    tails = [" ".join(words), whole]
    if words and words[-1] in lx.at:
        tails.append(" ".join(words[:-1]))
    phrases = [w for w in lx.travel if " " in w and (visit or any(starts(x, lx.returns) for x in w.split()))]
    return any(
        t.endswith(ph) and (len(t) == len(ph) or t[-len(ph) - 1] == " ") for t in tails for ph in phrases
    )


#: the rule of a place in "not only X but also Y" (:func:`correlative_item`)
CORRELATIVE = "an object of a verb of travel or visit in 'not only X but also Y'"


def correlative_item(
    s: Sentence, reading: Reading, idx: int, made: set[int], d: Candidate, ctx: Context
) -> bool:
    """The idx-th place is an item of "not only X but also Y" (the pack's ``correlatives``): the
    first when a travel word stands a few words before "not only" or a visit verb governs it
    ("visited not only Riyadh", "besuchte nicht nur Riad"), the focus words keeping the verb from
    its object; the second when the first is a destination the rules took ("but also Doha",
    "sondern auch Doha"). Not a place speaking or in the possessive."""
    f, text, p = d.features, s.span.text, d.place
    if d.role is not Role.VISIT or f["speech_after"] or f["possessive"]:
        return False
    low, tu = text.lower(), ctx.tuning
    for first, second in ctx.lx.correlatives:
        a = _half_before(low, p.start, first, ctx)
        if a is not None:
            near = any(t < a and len(word_list(text[t:a])) <= tu.travel_before_words for t in reading.travel)
            return near or role_before(text, a, ctx) is Role.VISIT
        b = _half_before(low, p.start, second, ctx)
        if b is not None:
            opener = low.rfind(first, 0, b)
            return opener >= 0 and any(id(q) in made for q in s.places[:idx] if q.start > opener)
    return False


def _half_before(low: str, start: int, half: str, ctx: Context) -> int | None:
    """Where ``half`` (a half of a correlative) starts in the lower-case sentence ``low`` when only
    a preposition of destination, determiners or elided articles stand between it and the place at
    ``start`` ("non seulement à", "не только", "no solo El"); else None."""
    lx = ctx.lx
    i = low.rfind(half, max(0, start - ctx.tuning.verb_window), start)
    if i < 0 or (i > 0 and low[i - 1].isalnum()) or low[i + len(half) : i + len(half) + 1].isalnum():
        return None
    between = words_of(low[i + len(half) : start], lx)
    if any(w not in lx.at and w not in lx.determiners and w not in lx.elisions for w in between):
        return None
    return i


def transit_noun_before(text: str, start: int, ctx: Context) -> bool:
    """The preposition before the place at ``start`` belongs to a noun of a place a trip passes
    (the pack's ``transit_nouns``: "crossed the border at Nogales", "lined the platform in Tumen",
    "a franchi la frontière à Nogales"): the place is where the trip passes, not that of something
    else."""
    lx = ctx.lx
    words = words_of(text[max(0, start - ctx.tuning.verb_window) : start].lower(), lx)
    while words and words[-1] in lx.determiners:
        words.pop()
    if not words or words[-1].strip("'’") not in lx.at:
        return False
    words.pop()
    if not words:
        return False
    last = words[-1]
    single = tuple(n for n in lx.transit_nouns if " " not in n)
    if starts(last, single) or any(starts(v.lower(), single) for v in ctx.language.variants(last)):
        return True
    tail = " ".join(words)
    return any(" " in n and tail.endswith(n) for n in lx.transit_nouns)


#: a headline's opening words up to a preposition right before a place ("Starmer in", "Sánchez, en")
_WHO_AT = re.compile(r"((?:[^\W\d_][\w.'’-]*\s*){1,4}?),?\s+(\w+)\s+")


def person_at(s: Sentence, p: Mention, names: set[str], ctx: Context) -> bool:
    """The headline opens with a person of the article (their name or a title) and a locative
    preposition right before the place: news headlines drop the verb of being ("Starmer in Warsaw
    for defence talks", "Путин в Пекине: переговоры о газе", "Sánchez, en Varsovia"). An event
    noun before the preposition ("Summit in Brussels", "Proteste in Paris") is no person. A
    preposition of topic (the pack's ``topic_preps``: "Merz zu Syrien", "Macron sur l'Ukraine")
    tells what the person speaks of, not where they are."""
    m = _WHO_AT.fullmatch(s.span.text[: p.start])
    if m is None or m.group(2).lower() not in ctx.lx.at - ctx.lx.topic_preps:
        return False
    words = m.group(1).split()
    return words[0][:1].isupper() and all(w in names or w.lower() in ctx.lx.titles for w in words)


def remote_call(s: Sentence, ctx: Context) -> bool:
    """The sentence speaks of a telephone or video call ("spoke by phone", "telefonata")."""
    low = s.span.text.lower()
    return any(starts(w, ctx.lx.calls) for w in word_list(low)) or phrase_in(low, ctx.lx.calls) is not None


def at_home(d: Candidate, home: set[str]) -> bool:
    """The place is the traveller's country, its capital or a landmark there (where the trip
    starts and ends, and where the government speaks from)."""
    r = d.place.record
    if r is None or r.country_code not in home:
        return False
    return r.kind == "country" or r.is_capital or r.is_landmark


def dateline_away(d: Candidate, drafts: list[Candidate], n: int, lede: int) -> bool:
    """The candidate is the article's dateline ("ROMA –", "PARIS -", "АСТАНА.") while the travel
    rules put the traveller in another country in the headline and lede (its first ``lede``
    sentences): the dateline is where the report was written, not a stop ("PARIS – La ministre
    est arrivée à Gao", "ROMA – Draghi non partirà per Luanda")."""
    r = d.place.record
    if r is None or not d.features.get("dateline"):
        return False
    codes = {
        q.place.record.country_code
        for q in drafts
        if q.rule and q is not d and q.place.record is not None and _sentence_index(q, n) < lede
    }
    return bool(codes) and r.country_code not in codes


def title_demonyms(sentences: list[Sentence], ctx: Context) -> Counter[str]:
    """The countries named by a demonym beside a title word anywhere in the article ("белорусский
    лидер", "le président français", "il premier italiano", "der russische Präsident"): the
    countries of the article's office holders, whether or not a name follows the title."""
    forms, titles = forms_of(), ctx.lx.titles
    stems = tuple(w for w in titles if len(w) >= ctx.tuning.title_stem_min)
    out: Counter[str] = Counter()
    for s in sentences:
        words = word_list(s.span.text)
        for i, w in enumerate(words):
            low = w.lower()
            if low not in titles and not low.startswith(stems):
                continue
            for j in (i - 1, i + 1):
                f = forms.form(words[j]) if 0 <= j < len(words) else None
                if f is not None and f.kind == "demonym" and f.target.startswith("country:"):
                    out[f.target.removeprefix("country:")] += 1
    return out


def home_of(main: str | None, doc: Document) -> set[str]:
    """The main traveller's own countries: those their titles name (the titles step), less the
    country where their trip opens (a title read before the name may be the destination:
    "прибыл в КНДР губернатор Олег Кожемяко"); else the country the article's title demonyms name
    most, never one the travel rules send the traveller to ("белорусский лидер" in an article on a
    visit to Kenya, where "кенийский президент" names the host)."""
    if main is None:
        return set()
    own = [d for d in doc.candidates if d.rule and d.traveller == main and d.place.record is not None]
    visited = {d.place.record.country_code for d in own if d.place.record is not None}
    named = doc.ctx.homes.get(main, set())
    if named:
        first = next((d for d in own if d.role is not Role.ORIGIN), None)
        opens = {first.place.record.country_code} if first and first.place.record else set()
        return set(named) - opens
    ranked = [c for c, _ in title_demonyms(doc.sentences, doc.ctx).most_common() if c not in visited]
    return set(ranked[:1])


def _sentence_index(d: Candidate, n: int) -> int:
    """The index of the candidate's sentence among ``n`` (its ``position`` feature is index / (n - 1))."""
    return round(d.features["position"] * max(1, n - 1))


@step("candidates", reads=("sentences", "ctx"), writes=("candidates", "ctx.dated"))
def candidates(doc: Document) -> None:
    """Every resolved place mention as a candidate stop, with its features."""
    doc.candidates = candidates_of(doc.sentences, doc.ctx)
    seen = Counter(d.place.record.id for d in doc.candidates if d.place.record is not None)
    # the travel rules found a trip somewhere, not one of long ago the assembly drops as background
    ctx = doc.ctx
    now = [
        d for d in doc.candidates if d.rule and not long_before(d, ctx.published, ctx.tuning.background_days)
    ]
    trip = float(bool(now))
    # the article's main traveller (the one the rule stops name most) and the country of their title
    named = Counter(d.traveller for d in now if d.explicit_traveller and d.traveller)
    main = named.most_common(1)[0][0] if named else None
    home = home_of(main, doc)
    t = doc.ctx.tuning
    call = any(remote_call(s, doc.ctx) for s in doc.sentences[: t.call_sentences])
    # ... and no trip in its headline and lede: the call is what it reports, a later trip is background
    n = len(doc.sentences)
    lede_trip = any(d.rule and _sentence_index(d, n) < t.lede_sentences for d in doc.candidates)
    lede = [d for d in doc.candidates if d.rule and _sentence_index(d, n) < t.lede_sentences]
    for d in doc.candidates:
        d.features["repeated"] = float(d.place.record is not None and seen[d.place.record.id] > 1)
        d.features["article_trip"] = trip
        d.features["home"] = float(at_home(d, home) and d.role is not Role.ORIGIN)
        d.features["call_article"] = float(call)
        d.features["call_no_trip_lede"] = float(call and not lede_trip)
        d.features["dateline_away"] = float(dateline_away(d, doc.candidates, n, t.lede_sentences))
        d.features.update(article_features(d, main, lede, t, doc.candidates))
