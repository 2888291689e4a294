"""The stop model's features of a candidate (names and meanings in
:data:`itinerary.extract.scoring.FEATURES`): how the rules read it, its place, its sentence, and
where it stands in the article."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from itinerary.extract.document import Candidate, Context, Mention, Reading, Sentence
from itinerary.extract.lexicon import Lexicon, starts
from itinerary.extract.steps.dates import owned_dates
from itinerary.extract.steps.roles import followed_by_speech, is_listed, near_travel, role_before
from itinerary.extract.text import DATELINE_END, possessive_after, word_list
from itinerary.extract.tuning import Tuning
from itinerary.geocode.records import Record
from itinerary.model import Role, Status

#: the end of a dateline's place ("MOSCOW, June 2 (Reuters) -", "ULAN BATOR /Mongolia/, June 2.")
_DATELINE_TAIL = re.compile(r"^\s*(?:/[^,(]{0,30})?\s*(?:,|\(|[-–—]|\.-)")


def features_of(
    s: Sentence,
    si: int,
    n: int,
    reading: Reading,
    p: Mention,
    d: Candidate,
    ctx: Context,
    rule: bool = True,
) -> dict[str, float]:
    """What the scorer reads about one candidate (names in :data:`scoring.FEATURES`)."""
    f = {"rule": float(rule), **_words_around(s, reading, p, ctx), **_place(p, ctx)}
    t = ctx.tuning
    old = bool(
        ctx.published and d.date and d.date.end and (ctx.published - d.date.end).days > t.background_days
    )
    owned = owned_dates(s, p, reading, t, by_clause=False)
    f.update(
        {
            "first_sentence": float(si == 0),
            "dateline": float(_dateline(s, p, t)),
            "date_sentence": float(bool(s.dates)),
            "date_owned": float(bool(owned)),
            "persons": float(bool(s.persons)),
            "status_planned": float(d.status is Status.PLANNED),
            "status_cancelled": float(d.status is Status.CANCELLED),
            "position": si / max(1, n - 1),
            "old_date": float(old),
            "sentence_has_stop": float(
                any(q is not p for q, _ in reading.stops) if rule else bool(reading.stops)
            ),
        }
    )
    f[f"lang_{ctx.language.code}"] = 1.0  # the model file says which languages have a weight
    return f


def _words_around(s: Sentence, reading: Reading, p: Mention, ctx: Context) -> dict[str, float]:
    """Features of the words around the place: prepositions, travel and speech words, lists."""
    text, t = s.span.text, ctx.tuning
    role = role_before(text, p.start, ctx)
    dists = [abs(w - p.start) for w in reading.travel]
    close = max(0.0, 1.0 - min(dists) / t.travel_far) if dists else 0.0
    idx = s.places.index(p)
    listed = idx > 0 and is_listed(text[s.places[idx - 1].end : p.start], ctx)
    listed = listed or (idx + 1 < len(s.places) and is_listed(text[p.end : s.places[idx + 1].start], ctx))
    return {
        "prep_visit": float(role is Role.VISIT),
        "prep_origin": float(role is Role.ORIGIN),
        "travel_sentence": float(bool(reading.travel)),
        "travel_near": float(near_travel(text, p, reading.travel, ctx)),
        "travel_close": close,
        "speech_after": float(speaks_after(text, p.end, ctx)),
        "possessive": float(possessive_after(text, p.end, ctx.lx)),
        "genitive": float(role is None and genitive_before(text, p, ctx)),
        "noun_attached": float(role is Role.VISIT and noun_attached(s, p, ctx)),
        "listed": float(listed),
    }


def speaks_after(text: str, end: int, ctx: Context) -> bool:
    """The place is the subject of a speech verb ("Moscow said"), also when negations and the
    auxiliaries of a compound tense stand before the verb ("Washington has not commented", "Moscou
    n'a pas commenté", "Roma non ha commentato", "Washington no ha comentado"): its government
    speaks. Not the end of a clause a reporting clause follows ("... Tokyo, ha detto")."""
    if followed_by_speech(text, end, ctx):
        return True
    lx, t = ctx.lx, ctx.tuning
    if re.match(r"\s*,", text[end:]):
        return False
    words = word_list(text[end : end + t.speech_window].lower())
    i = 0
    while i < min(len(words), t.speech_skip) and words[i] in lx.negations:
        i += 1
    return 0 < i < len(words) and _speech_verb(words[i - 1], words[i], lx)


def _speech_verb(before: str, word: str, lx: Lexicon) -> bool:
    """A speech verb, alone or with the auxiliary before it (a pack's "ha detto")."""
    pair = f"{before} {word}"
    return starts(word, lx.speech) or any(" " in p and pair.startswith(p) for p in lx.speech)


def _place(p: Mention, ctx: Context) -> dict[str, float]:
    """Features of the gazetteer's place: its kind and size; whether the recogniser saw it."""
    r = p.record
    kind = r.kind if r is not None else ""
    if r is not None and kind == "country" and city_state(r, ctx):
        kind = "city"  # the Vatican, Monaco, Singapore: a country that is one city is a place like a city
    landmark = bool(r is not None and r.is_landmark)
    people = r.population if r is not None else 0
    return {
        "kind_country": float(kind == "country"),
        "kind_region": float(kind == "region"),
        "kind_city": float(kind == "city" and not landmark),
        "kind_landmark": float(landmark),
        "population": min(1.0, math.log10(1 + people) / ctx.tuning.population_log_max),
        "recogniser": float(p.from_ner),
    }


def city_state(r: Record, ctx: Context) -> bool:
    """A country most of whose people live in the one city at its point (``Tuning.city_state_share``
    of them within ``Tuning.city_state_km``): a city-state, a place one visits like a city."""
    t = ctx.tuning
    near = ctx.geocoder.gazetteer.nearest(r.lat, r.lon, k=1, kinds=["city"])
    return any(
        c.country_code == r.country_code
        and km <= t.city_state_km
        and c.population >= t.city_state_share * r.population
        for c, km in near
    )


def _dateline(s: Sentence, p: Mention, t: Tuning) -> bool:
    """The place opens the article's dateline ("MOSCOW, June 2 (Reuters) -", "NAIROBI -")."""
    text = s.span.text
    first = s.span.start_char == 0 and p.start <= t.dateline_start
    if first and _DATELINE_TAIL.match(text[p.end : p.end + t.dateline_tail]):
        return True
    return p.start <= t.dateline_start and p.text.isupper() and len(p.text) > t.dateline_caps


def dateline_elsewhere(
    s: Sentence, p: Mention, reading: Reading, t: Tuning, lede: Sequence[Mention] = ()
) -> bool:
    """A place of the dateline that is not where the traveller is: a second city of the dateline
    ("NEW YORK/NEW DELHI, June 20 (Reuters) -"), or the reporter's city when the lede puts the
    traveller in another country ("BEIJING (Reuters) - Xi arrived in Kazakhstan"; ``lede``: the
    stops of the sentence after a dateline that stands alone, "АСТАНА. Токаев прибыл в Москву")."""
    if s.span.start_char != 0:
        return False
    text = s.span.text
    if lede and lone_dateline(s):
        code = p.record.country_code if p.record is not None else None
        return any(q.record is not None and q.record.country_code != code for q in lede)
    end = DATELINE_END.search(text[: t.dateline_window])
    if end is None or p.start >= end.start():
        return False
    if "/" in text[: p.start]:
        return True
    code = p.record.country_code if p.record is not None else None
    return any(
        q.record is not None and q.start > end.start() and q.record.country_code != code
        for q, _ in reading.stops
    )


def lone_dateline(s: Sentence) -> bool:
    """The article's first sentence is a dateline alone ("АСТАНА.", "MOSCOW, June 2 (TASS)."): its
    places and an agency in brackets, no other word."""
    if s.span.start_char != 0 or not s.places:
        return False
    text = s.span.text
    for q in sorted(s.places, key=lambda q: -q.start):
        text = text[: q.start] + text[q.end :]
    return not word_list(re.sub(r"\([^)]*\)|/[^/]*/", " ", text))


def noun_attached(s: Sentence, p: Mention, ctx: Context) -> bool:
    """The preposition before the place belongs to a noun that is no travel word ("the explosion in
    Gaza", "Kampfhandlungen in der Ukraine"): the place says where something else is. From the
    parse where there is one; where nouns are capitalised (German), from the capitalised noun before
    the preposition."""
    lx = ctx.lx
    if ctx.trained:
        doc = s.span.doc
        span = doc.char_span(s.span.start_char + p.start, s.span.start_char + p.end, alignment_mode="expand")
        if span is None:
            return False
        tok = span.root
        head = tok.head.head if tok.dep_ == "pobj" else tok.head
        return bool(head.pos_ == "NOUN" and head.i < tok.i and not is_travel(head.lower_, ctx))
    if not lx.nouns_capitalised:
        return False
    words = word_list(s.span.text[max(0, p.start - ctx.tuning.verb_window) : p.start])
    while words and (words[-1].lower() in lx.determiners or (words[-1].islower() and words[-1] not in lx.at)):
        words.pop()
    if len(words) <= 2 or words[-1].lower() not in lx.at:
        return False
    noun = words[-2].lower()
    time_word = noun in lx.weekdays or noun in lx.months or noun in lx.relative
    return words[-2][:1].isupper() and not time_word and not is_travel(noun, ctx)


def is_travel(word: str, ctx: Context) -> bool:
    """A travel word, by its beginning or its lemma."""
    return starts(word, ctx.lx.travel) or ctx.language.lemma(word) in ctx.lx.travel_lemmas


def genitive_before(text: str, p: Mention, ctx: Context) -> bool:
    """The place complements a noun ("representatives of Brazil", "представители Бразилии"):
    a genitive preposition before it, or a genitive case form (the pack's morphology)."""
    words = word_list(text[max(0, p.start - ctx.tuning.genitive_window) : p.start].lower())
    if words and words[-1] in ctx.lx.genitives:
        return True
    return ctx.language.is_genitive(p.text)
