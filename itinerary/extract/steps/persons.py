"""Persons: who is named in each sentence (the recogniser's PERSON entities, else a title followed
by capitalised words), the fullest form of each name, title phrases that stand for a person, and
who travels to each stop."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from itinerary.extract.document import AREA_KINDS, Context, Document, Mention, Person, Reading, Sentence
from itinerary.extract.lexicon import Lexicon, starts
from itinerary.extract.registry import step
from itinerary.extract.steps.places import PERSON_LABELS, place_not_person
from itinerary.extract.text import capitalised, word_list

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def find_persons(sent: Span, ctx: Context) -> list[Person]:
    """The persons named in a sentence."""
    if ctx.trained:
        out = _recognised(sent, ctx)
        if out:
            return out
    return _titled(sent, ctx)  # no recogniser (or it found nobody)


def _recognised(sent: Span, ctx: Context) -> list[Person]:
    out: list[Person] = []
    base, text = sent.start_char, sent.doc.text
    for ent in sent.ents:
        if ent.label_ in PERSON_LABELS and not place_not_person(ent.text, ctx):
            end = ent.end_char
            m = re.match(r"-[^\W\d_]+", text[end:])  # "Kim Jong" + "-un"
            if m:
                end += m.end()
            out.append(Person(ent.start_char - base, end - base, text[ent.start_char : end]))
    return out


def _titled(sent: Span, ctx: Context) -> list[Person]:
    """A title followed by capitalised words ("президент России Владимир Путин")."""
    lx, most = ctx.lx, ctx.tuning.name_max_words
    out: list[Person] = []
    toks = list(sent)
    base = sent.start_char
    i = 0
    while i < len(toks):
        if toks[i].lower_ not in lx.titles or toks[i].lower_ in lx.determiners:
            i += 1
            continue
        j = i + 1
        while j < len(toks) and toks[j].lower_ in lx.titles:
            j += 1
        k = _name_end(toks, j, most, sent_start=True)
        if k > j and is_country_word(toks[j].text, ctx) and k < len(toks):
            j += 1  # skip a country after a title ("президент России")
            k = _name_end(toks, j, most, sent_start=False)
        while j < k - 1 and toks[j].text.isupper() and len(toks[j].text) > 1:
            j += 1  # "Генсек НАТО Йенс Столтенберг": an organisation, not a first name
        if k > j:
            a, b = toks[j].idx - base, toks[k - 1].idx + len(toks[k - 1].text) - base
            out.append(Person(a, b, sent.text[a:b]))
            i = k
            continue
        i += 1
    return out


def _name_end(toks: list[Token], j: int, most: int, *, sent_start: bool) -> int:
    """The end of the run of at most ``most`` capitalised words from ``toks[j]``."""
    k = j
    while k < len(toks) and k - j < most and capitalised(toks[k].text):
        if sent_start and toks[k].is_sent_start:
            break
        k += 1
    return k


def is_country_word(word: str, ctx: Context) -> bool:
    """A word naming a country or region (in any of its case forms)."""
    g = ctx.geocoder.gazetteer
    forms = [word, *ctx.language.variants(word)]
    return any(
        g.record(i).kind in AREA_KINDS for w in dict.fromkeys(f for f in forms if f) for i in g.lookup(w)
    )


def canonical_persons(raw: list[str], lx: Lexicon) -> dict[str, str]:
    """Map every person mention to the fullest form of the same name in the article."""
    raw = [r for r in raw if not all(w.lower().strip(",.") in lx.titles for w in r.split())]
    cleaned = {r: strip_titles(r, lx) for r in raw}
    forms = Counter(strip_titles(r, lx) for r in raw)
    first = {f: i for i, f in reversed(list(enumerate(strip_titles(r, lx) for r in raw)))}
    out: dict[str, str] = {}
    for r, c in cleaned.items():
        toks = set(c.lower().split())
        longer = [f for f in forms if f != c and toks and toks <= set(f.lower().split())]
        # the fullest form seen most often, then the one introduced first (the article's subject)
        out[r] = max(longer, key=lambda f: (forms[f], -first[f])) if longer else c
    return out


def strip_titles(name: str, lx: Lexicon) -> str:
    """The name without its titles and possessive ending ("President Biden's" -> "Biden")."""
    words = name.replace("’", "'").split()
    while len(words) > 1 and words[0].lower().strip(",") in lx.titles:
        words.pop(0)
    out = " ".join(words)
    for e in lx.possessives:
        out = out.removesuffix(e)
    return out.strip(" ,.")


def inflected_persons(sentences: list[Sentence], names: dict[str, str], ctx: Context) -> None:
    """Without a recogniser, find the case forms of names already seen ("визит Путина")."""
    shortest = ctx.tuning.name_word_min
    known: dict[str, str] = {}
    for name in dict.fromkeys(names.values()):  # a word two names share is the first one's
        for w in name.split():
            if len(w) > shortest:
                known.setdefault(w.lower(), name)
    for s in sentences:
        base = s.span.start_char
        for t in s.span:
            a = t.idx - base
            if not capitalised(t.text) or any(p.start <= a < p.end for p in s.persons):
                continue
            full = next(
                (known[v.lower()] for v in [t.text, *ctx.language.variants(t.text)] if v.lower() in known),
                None,
            )
            if full is not None:
                s.persons.append(Person(a, a + len(t.text), t.text))
                names[t.text] = full
        s.persons.sort(key=lambda p: p.start)


def title_phrases(sentences: list[Sentence], names: dict[str, str], ctx: Context) -> dict[str, Counter[str]]:
    """Title phrases written just before a name ("le dirigeant nord-coréen Kim Jong-un"),
    mapped to the persons they introduce, so a later bare title can be read as that person."""
    lx, t = ctx.lx, ctx.tuning
    out: dict[str, Counter[str]] = {}
    for s in sentences:
        text = s.span.text
        for p in s.persons:
            words = text[max(0, p.start - t.title_window) : p.start].lower().replace(",", " ").split()
            run: list[str] = []
            while words and len(run) < t.title_max_words and words[-1] not in lx.determiners:
                w = words.pop()
                if w in lx.at or w in lx.with_ or not re.match(r"^[^\W\d_][\w'-]*$", w):
                    break
                run.insert(0, w)
            while run and run[0] not in lx.titles:
                run.pop(0)
            if run and len(run) >= t.title_min_words:
                out.setdefault(" ".join(run), Counter())[names.get(p.name, p.name)] += 1
    return out


def by_title(text: str, roles: dict[str, Counter[str]]) -> str | None:
    """The person a title phrase in ``text`` stands for, if the article named one."""
    found = [(text.rfind(k), k) for k in roles if k in text]
    if not found:
        return None
    _, key = max(found)
    return roles[key].most_common(1)[0][0]


def stop_traveller(
    s: Sentence, reading: Reading, p: Mention, ctx: Context, carry: str | None
) -> tuple[str | None, bool]:
    """Who travels to this stop, and whether the sentence names them."""
    text = s.span.text
    trig = max((t for t in reading.travel if t < p.start), default=None)
    if trig is None:
        trig = min(reading.travel, default=0)
    person = after_travel_noun(s, trig, ctx) or traveller_before(s.persons, trig, p.start, text, ctx)
    if person is not None:
        return ctx.names.get(person.name, person.name), True
    # "le dirigeant nord-coréen est arrivé": the person that title names, or the last traveller
    return by_title(text[: max(trig, 0)].lower(), ctx.roles) or carry, False


def after_travel_noun(s: Sentence, trigger: int, ctx: Context) -> Person | None:
    """The person named right after a travel noun: "визит Путина", "la visite du pape François"."""
    tok = next((t for t in s.span if t.idx - s.span.start_char == trigger), None)
    if tok is None or tok.pos_ in ("VERB", "AUX"):
        return None
    t = ctx.tuning
    end = trigger + len(tok.text)
    after = s.span.text[end : end + t.travel_noun_window]
    between = ctx.language.person_link
    for p in s.persons:
        gap = p.start - end
        if 0 <= gap <= t.travel_noun_gap and between.fullmatch(after[:gap]):
            return p
    return None


def traveller_before(
    persons: list[Person], trigger: int, place_start: int, text: str, ctx: Context
) -> Person | None:
    """The person named nearest before the travel word (or before the place)."""
    lx, window = ctx.lx, ctx.tuning.companion_window
    limit = max(trigger, 0)
    before = [p for p in persons if p.end <= limit] or [p for p in persons if p.end <= place_start]
    for p in reversed(before):
        prev = [w for w in word_list(text[max(0, p.start - window) : p.start].lower()) if w not in lx.titles]
        if prev and prev[-1] in lx.with_:
            continue  # "avec le président Poutine": a companion or host
        if any(starts(w, lx.meet) for w in prev[-2:]):
            continue  # "a rencontré Vladimir Poutine": the host
        return p
    return None


def subjects_of(s: Sentence, ctx: Context) -> set[str]:
    """The persons a sentence is about: those named, less the ones met or accompanied
    ("встреча с президентом Путиным")."""
    text = s.span.text
    return {
        ctx.names.get(q.name, q.name)
        for q in s.persons
        if not companion_before(text[max(0, q.start - ctx.tuning.companion_window) : q.start], ctx.lx)
    }


def companion_before(before: str, lx: Lexicon) -> bool:
    """Whether the words just before a person make them a companion or a host ("with", "avec",
    "mit", "con", "с"; "met", "a rencontré")."""
    prev = [w for w in word_list(before.lower()) if w not in lx.titles]
    return bool(prev) and (prev[-1] in lx.with_ or any(starts(w, lx.meet) for w in prev[-2:]))


@step("persons", reads=("sentences",), writes=("sentences.persons",))
def persons(doc: Document) -> None:
    """The persons named in each sentence."""
    for s in doc.sentences:
        s.persons = find_persons(s.span, doc.ctx)


@step("names", reads=("sentences.persons",), writes=("ctx.names", "sentences.persons"))
def names(doc: Document) -> None:
    """Each name mapped to its fullest form; bare titles dropped; case forms of known names added."""
    ctx = doc.ctx
    ctx.names = canonical_persons([p.name for s in doc.sentences for p in s.persons], ctx.lx)
    for s in doc.sentences:  # a bare title ("Le Pape") is not a name
        s.persons = [p for p in s.persons if p.name in ctx.names]
    if not ctx.trained:
        inflected_persons(doc.sentences, ctx.names, ctx)


@step("titles", reads=("sentences.persons", "ctx.names"), writes=("ctx.roles",))
def titles(doc: Document) -> None:
    """Title phrases that stand for a named person ("le dirigeant nord-coréen")."""
    doc.ctx.roles = title_phrases(doc.sentences, doc.ctx.names, doc.ctx)
