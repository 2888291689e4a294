"""Roles: which place mentions of a sentence are stops by the travel rules (a preposition or a
visit verb before them, and a travel word that reaches them), which are hints qualifying another
place, and which form lists. Every refusal names its rule (``Reading.refused``)."""

from __future__ import annotations

import functools
import logging
import re
from typing import TYPE_CHECKING

from itinerary.extract.document import AREA_KINDS, Context, Mention, Person, Reading, Sentence
from itinerary.extract.lexicon import Lexicon, Stem, phrase_in, phrase_positions, phrase_spans, starts
from itinerary.extract.text import SPACE, joined_run, possessive_after, word_before, word_list, words_of
from itinerary.geocode.normalize import KIND_WORDS
from itinerary.model import Mode, Role

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

log = logging.getLogger("itinerary.extract")

#: the kinds of ``KIND_WORDS`` that name a building or site (not "region" nor "city")
LANDMARK_WORD_KINDS = frozenset({"spaceport", "airport", "station", "university", "palace"})


def travel_positions(sent: Span, ctx: Context) -> list[int]:
    """Where the travel words of a sentence start (characters)."""
    lx = ctx.lx
    base = sent.start_char
    toks = list(sent)
    out = [
        t.idx - base for i, t in enumerate(toks) if starts(t.lower_, lx.travel) or travel_word(toks, i, ctx)
    ]
    # every multi-word phrase, each time it occurs: a sentence may tell two legs ("se reunió el
    # lunes en Riad ... y el martes se desplazó a Doha")
    out.extend(phrase_positions(sent.text.lower(), lx.travel))
    out.extend(dated_phrase_positions(sent.text.lower(), ctx))
    return sorted(x for x in set(out) if not again_at(sent.text, x, ctx))


def dated_phrase_positions(text: str, ctx: Context) -> list[int]:
    """Where a travel phrase of a verb and a preposition of place ("andrà a", "sarà a", "estará
    en", "ira à") starts with the words of a date between them ("andrà venerdì a Varsavia", "estará
    el jueves en Davos", "ira vendredi à Dakar"): a date goes between a verb and its complement of
    place, the verb still leads there. At most ``Tuning.travel_gap_words`` words, each a weekday, a
    month, a relative day, a number, or an article or link of a date (``text``: lower case)."""
    lx = ctx.lx
    dated = {*lx.weekdays, *lx.months, *lx.relative, *lx.determiners, *lx.weekday_leads, *lx.date_links}
    dated |= {w for phrase in lx.day_words for w in phrase.split()}
    out = []
    for pattern in _gapped(lx.travel, lx.at):
        for m in pattern.finditer(text):
            gap = m.group(1).split()
            if len(gap) <= ctx.tuning.travel_gap_words and all(w in dated or w.isdigit() for w in gap):
                out.append(m.start())
    return out


@functools.cache
def _gapped(travel: tuple[str, ...], at: frozenset[str]) -> list[re.Pattern[str]]:
    """A pattern per travel phrase of a verb and a preposition of place, with words between them."""
    out = []
    for phrase in travel:
        words = phrase.split()
        if len(words) != 2 or words[1] not in at or isinstance(phrase, Stem):
            continue
        verb, prep = (re.escape(w) for w in words)
        out.append(re.compile(rf"(?<![\w-]){verb}\s+((?:[\w'-]+\s+)+?){prep}(?![\w-])"))
    return out


def again_at(text: str, at: int, ctx: Context) -> bool:
    """The travel word at ``at`` is a verb of coming back that means "again" here: its
    preposition and an infinitive follow ("volverá a reunirse con", "tornerà a incontrare", "voltou
    a subir"; the pack's ``again``), where "volvió a Madrid" and "tornerà a Roma" are travel."""
    lx = ctx.lx
    if not lx.again:
        return False
    words = [w.lower() for w in word_list(text[at : at + ctx.tuning.verb_window])]
    first = next(zip(words, words[1:], words[2:], strict=False), None)  # the verb and the two after it
    if first is None or not first[2].endswith(lx.infinitive_endings):
        return False
    verb, prep, _ = first
    return any(verb.startswith(v) and prep == p for v, p in (e.split() for e in lx.again))


def travel_word(toks: list[Token], i: int, ctx: Context) -> bool:
    """A travel word by its lemma ("flog" -> fliegen), a separable verb with its particle later in
    the clause ("reist ... weiter" -> weiterreisen), or a compound ending in a travel noun
    ("Ostafrikareise")."""
    lx, t_ = ctx.lx, ctx.tuning
    if not lx.travel_lemmas:
        return False
    w = toks[i].lower_
    if lx.traffic and w.endswith(lx.traffic):
        return False  # "Flüge aus Russland": air traffic, nobody's trip
    base = ctx.language.lemma(w)
    if base in lx.travel_lemmas:
        return True
    if lx.particles:
        for t in toks[i + 1 : i + t_.particle_window]:
            if t.is_punct and t.text in ",.;:!?":
                break
            if t.lower_ in lx.particles and t.lower_ + base in lx.travel_lemmas:
                return True
    return (
        toks[i].text[:1].isupper()
        and any(w.endswith(h) and len(w) >= len(h) + t_.compound_min_stem for h in lx.compound_heads)
        and not w.endswith(lx.compound_not)
    )


def related(sent: Span, p: Mention, ctx: Context) -> bool | None:
    """Whether the parse links the place to a travel word (None when there is no verb to judge by).

    Walks up from the place to the first verb: a travel word on the way, or a travel verb,
    links them ("scheduled to land in Amman"); another verb does not ("chose not to attend a
    summit in Switzerland", "a adressé des avertissements à la Corée du Nord").
    """
    lx, doc = ctx.lx, sent.doc
    span = doc.char_span(sent.start_char + p.start, sent.start_char + p.end, alignment_mode="expand")
    if span is None:
        return None
    tok = span.root
    times = lx.weekdays.keys() | lx.months.keys() | lx.relative.keys()
    for _ in range(ctx.tuning.parse_walk):
        if tok.i not in range(span.start, span.end) and starts(tok.lower_, lx.travel):
            return True
        # a weekday or month the parser took for a verb is none ("s'est rendue lundi à Berlin")
        verb = tok.pos_ in ("VERB", "AUX") and tok.lower_ not in times
        if verb and tok.i not in range(span.start, span.end):
            around = doc[max(tok.i - 2, sent.start) : min(tok.i + 2, sent.end)].text.lower()
            # "ended the tour in China", "a achevé sa tournée à Dakar": the verb's object is the trip
            trip = any(c.dep_ in ("dobj", "obj") and starts(c.lower_, lx.travel) for c in tok.children)
            # "se trouve", "is in"; "qui venait de Niamey" (a phrase of provenance)
            return trip or phrase_in(around, lx.travel + lx.from_phrases) is not None
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def role_before(text: str, start: int, ctx: Context) -> Role | None:
    """VISIT or ORIGIN when the words before a place make it a destination or a departure."""
    lx, t = ctx.lx, ctx.tuning
    prev = word_before(text, start, lx, t.word_before_window)
    tail = SPACE.sub(" ", text[max(0, start - t.role_tail) : start].lower()).rstrip()
    if any(tail.endswith(t) or tail.endswith(t + " la") or tail.endswith(t + " le") for t in lx.toward):
        return Role.VISIT
    if provenance_before(tail, lx) or left_from(text, start, ctx):
        return Role.ORIGIN
    if prev not in lx.at and prev not in lx.origin:
        prev = preposition_before_noun(text, start, ctx) or prev
    if prev in lx.at:
        return Role.VISIT
    if prev in lx.origin:
        return Role.ORIGIN
    return role_by_verb(text, start, ctx)


def provenance_before(tail: str, lx: Lexicon) -> bool:
    """A phrase of provenance ends ``tail`` (the lower-case words before a place): "en provenance
    de Dakar", "procedente de Quito", "vindo de Luanda", where "de" is also "of"."""
    return any(tail.endswith(f) or tail.endswith(f + " la") for f in lx.from_phrases)


def left_from(text: str, start: int, ctx: Context) -> bool:
    """The place is the one a verb of leaving leaves, through the preposition that is also "of"
    ("de", "von"): with only a time between the verb and it ("salió el domingo de Moscú",
    "partiu no domingo à noite de Moscovo"), or, where the verb ends its clause, with the verb
    right after the place ("ist am Sonntag von Moskau abgeflogen": a language with separable
    particles puts its participles last; elsewhere "de Rusia partió" is "of Russia"). A verb of
    coming back leaves the place it comes back from ("regresó el lunes de Nairobi"), and so does
    a verb of leaving right before the preposition ("salió de Madrid", "partiu de Brasília")."""
    lx, t = ctx.lx, ctx.tuning
    words = word_list(text[max(0, start - t.verb_window) : start].lower())
    if not words or words[-1] not in lx.genitives or words[-1] in lx.origin:
        return False
    leave = tuple(
        ({w.split()[0] for w in lx.departure} | set(lx.returns) | set(lx.leaving)) - lx.at - lx.determiners
    )
    # the participle right after the place's name ("von Moskau abgeflogen")
    after = [w for w in word_list(text[start : start + t.verb_window])[1:] if not w[:1].isupper()]
    if lx.particles and after and starts(after[0].lower(), leave):
        return True
    # the verb before it, past the words of a time ("el domingo", "no domingo à noite", "lundi soir")
    times = {w for k in lx.weekdays.keys() | lx.months.keys() | lx.relative.keys() for w in k.split()}
    k = len(words) - 2
    while (
        k >= 0
        and len(words) - 2 - k < t.verb_words
        and (words[k] in times or words[k] in lx.determiners or words[k] in lx.at)
    ):
        k -= 1
    if 0 <= k < len(words) - 2 and starts(words[k], leave):
        return True
    # right after a verb of leaving ("salió de Madrid", "est parti de Paris"), not after a noun of
    # its letters, which an article opens ("la salida de Madrid", "les partis de Paris")
    if k == len(words) - 2 and starts(words[k], tuple(lx.leaving)):
        return k == 0 or words[k - 1] not in lx.determiners
    # right after a verb or noun of coming back ("volvió de Nairobi", "de retour de Nairobi")
    return k == len(words) - 2 and k >= 0 and starts(words[k], tuple(lx.returns))


def role_by_verb(text: str, start: int, ctx: Context) -> Role | None:
    """VISIT when a visit verb governs the place, or a stop noun is equated with it; the role of
    the preposition before a kind word that names it ("all'aeroporto di", "depuis l'aéroport de")."""
    lx, t = ctx.lx, ctx.tuning
    if equated_with_stop(text, start, ctx):
        return Role.VISIT
    prev = word_before(text, start, lx, t.word_before_window)
    raw = words_of(text[max(0, start - t.verb_window) : start], lx)[-t.verb_words :]
    # "besucht der Bundeskanzler Kasachstan", "visited the Jordanian capital Amman"
    # (but not "la visite du Russe": a genitive names the visitor, not the place)
    times = {w for w in (lx.weekdays.keys() | lx.months.keys() | lx.relative.keys()) if " " not in w}
    for k in range(len(raw) - 1, -1, -1):
        w = raw[k]
        lw = w.lower()
        if starts(lw, lx.visit_verbs):
            return Role.VISIT
        if lw in lx.genitives:
            break
        if lw in lx.determiners or lw in lx.titles or w[0].isupper():
            continue
        if (
            lw in lx.subject_pronouns
            and k + 1 == len(raw)
            and k > 0
            and starts(raw[k - 1].lower(), lx.visit_verbs)
        ):
            continue  # "besuchte sie Accra": the subject after its verb, right before the object
        before_time = k + 1 < len(raw) and raw[k + 1].lower() in times and len(lw) <= t.time_preposition
        if lw in times or before_time:
            continue  # "besuchte am Dienstag Irpin", "a visité mardi Irpin": a time between them
        break
    # "à l'aéroport international de Conakry", "at the space centre of ...", "dall'aeroporto di
    # Fiumicino": a joiner before the name, the preposition before the kind word
    # "all'aeroporto Charles de Gaulle", "au palais de Carthage": the kind word right before it
    if prev in lx.genitives or prev in lx.kind_joiners or prev + "'" in lx.elisions or prev in KIND_WORDS:
        return role_of_kind_word([w.lower() for w in raw], ctx)
    return None


def role_of_kind_word(words: list[str], ctx: Context) -> Role | None:
    """The role the preposition before a kind word gives the name after it: VISIT after "a"/"à"
    ("all'aeroporto di", "à l'aéroport de"), ORIGIN after "da"/"depuis" ("dall'aeroporto di")."""
    lx = ctx.lx
    for i, w in enumerate(words):
        if w not in KIND_WORDS:
            continue
        for x in reversed(words[max(0, i - ctx.tuning.kind_reach) : i]):
            if x in lx.at:
                return Role.VISIT
            if x in lx.origin:
                return Role.ORIGIN
    return None


def preposition_before_noun(text: str, start: int, ctx: Context) -> str | None:
    """The preposition before a place noun or adjectives that precede the name ("in die
    tadschikische Hauptstadt Duschanbe", "на приграничную станцию Хасан", "in the Jordanian
    capital Amman"), if any."""
    lx, t = ctx.lx, ctx.tuning
    words = word_list(text[max(0, start - t.verb_window) : start])
    skipped = 0
    while words and skipped < t.place_noun_skip:
        w = words[-1]
        low = w.lower()
        noun = place_noun(low, lx)
        adjective = bool(lx.adjective_endings) and w.islower() and low.endswith(lx.adjective_endings)
        demonym = (
            w[:1].isupper() and skipped > 0 and bool(lx.demonym_endings) and low.endswith(lx.demonym_endings)
        )
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


def place_noun(word: str, lx: Lexicon) -> bool:
    """A noun of places ("Hauptstadt", "станция"), also at the end of a compound ("Hafenstadt")."""
    return any(word.startswith(n) or (len(word) > len(n) + 2 and word.endswith(n)) for n in lx.place_nouns)


def equated_with_stop(text: str, start: int, ctx: Context) -> bool:
    """A place said to be a stop of the trip ("Erste Station ist Usbekistan", "the next stop will be
    Hanoi"): a stop noun a few words before it in its clause."""
    lx, t = ctx.lx, ctx.tuning
    if not lx.stop_nouns:
        return False
    before = text[max(0, start - t.stop_noun_window) : start]
    # a colon or a dash stands for the copula ("Prochaine étape : Vladivostok", "Следующая
    # остановка — Владивосток": Russian writes no copula in the present, only the dash)
    if (m := _NOUN_MARK.search(before)) is not None and starts(m.group(1).lower(), lx.stop_nouns):
        return True
    clause = re.split(r"[.;:!?]", before)[-1]
    words = [w.lower() for w in word_list(clause)][-t.stop_noun_words :]
    noun = next((i for i, w in enumerate(words) if starts(w, lx.stop_nouns)), None)
    return noun is not None and any(w in lx.copulas for w in words[noun + 1 :])


#: a word, then a colon or a dash right before the place ("étape :", "остановка —")
_NOUN_MARK = re.compile(r"([^\W\d_][\w-]*)\s*(?::|\s[—–-])\s*$")


def is_listed(gap: str, ctx: Context) -> bool:
    """True when ``gap`` only joins two items of a list (", ", "et à", "and", "y", "puis en")."""
    lx = ctx.lx
    words = word_list(gap.lower())
    joiners = lx.list_joiners
    rest = [w for w in words if w not in joiners and w not in lx.at and w not in lx.determiners]
    rest = [w for w in rest if w not in lx.elisions and not (lx.elisions and w.startswith(lx.elisions))]
    joined = "," in gap or any(w in joiners for w in words)  # "du Russe à Conakry" is no list
    return joined and not rest and len(gap) <= ctx.tuning.list_gap and not re.search(r"[.;!?()]", gap)


def colon_list(text: str, places: list[Mention], idx: int, ctx: Context) -> bool:
    """True when places[idx] belongs to a list of two or more places after a colon."""
    i, j = joined_run(len(places), idx, lambda n: is_listed(text[places[n].end : places[n + 1].start], ctx))
    if j - i + 1 < 2:
        return False
    before = text[max(0, places[i].start - ctx.tuning.colon_window) : places[i].start]
    return ":" in before


def near_travel(text: str, p: Mention, travel: list[int], ctx: Context) -> bool:
    """A travel word a few words before the place or after it (``Tuning.travel_*_words``)."""
    tu = ctx.tuning
    for t in travel:
        if t < p.start and len(word_list(text[t : p.start])) <= tu.travel_before_words:
            return True
        if t >= p.end and len(word_list(text[p.end : t])) <= tu.travel_after_words:
            return True
    return False


def followed_by_speech(text: str, end: int, ctx: Context) -> bool:
    """The place is the subject of a speech verb ("Moscow said", "Washington warned"), not the end
    of a clause a reporting clause follows ("... ist Äthiopien, sagte ein Sprecher"), also where
    the place closes a quotation ("«... en Kampala», declaró", "«... в Кампале», — заявил"), nor
    a place a relative "where" follows ("Tokio, donde dijo", "Токио, где заявил": where someone
    else speaks)."""
    lx, t = ctx.lx, ctx.tuning
    after = word_list(text[end : end + t.speech_window].lower())
    if (
        re.match(r"\s*,", text[end:])
        and after
        and any(" ".join(after[: len(w.split())]) == w for w in lx.where_words)
    ):
        return False
    if re.match(r"\s*[»”“\"]?\s*(?:,\s*[—–-]?|[—–-])\s*[^\W\d_]", text[end:]) and starts(
        after[:1][0], lx.speech
    ):
        return False
    return any(starts(w, lx.speech) for w in after[: t.speech_words])


#: punctuation that ends a clause: a seat of power speaks only in its own clause
CLAUSE_END = r"[.;:!?,«»\"“”()]"


def seat_speaks(text: str, p: Mention, ctx: Context) -> bool:
    """A landmark is the subject of a verb of saying or deciding ("the Kremlin said", "l'Élysée
    a annoncé", "il Quirinale ha fatto sapere", "o Planalto não comentou", "Кремль заявил"), also
    written after its verb ("hatte das Kanzleramt gestrichen", "confirmó el Kremlin"): a seat of
    power speaks for its government, no stop and no mention of its city. Only in its clause, and
    not after a locative preposition ("im Kanzleramt erklärte er": where someone speaks)."""
    if p.record is None or not p.record.is_landmark:
        return False
    lx, t = ctx.lx, ctx.tuning
    after = word_list(re.split(CLAUSE_END, text[p.end : p.end + t.speech_window])[0].lower())
    before = [
        w
        for w in word_list(re.split(CLAUSE_END, text[: p.start])[-1].lower())
        if w not in lx.determiners and w not in lx.elisions
    ]
    if before and (before[-1] in lx.at or before[-1] in lx.origin or before[-1] in lx.toward):
        return False  # "im Kanzleramt erklärte er", "al Quirinale ha detto": where someone speaks
    i = 0
    while i < min(len(after), t.speech_skip) and after[i] in lx.negations:
        i += 1
    if i < len(after) and _saying_at(after, i, lx):
        return True  # the subject before its verb, auxiliaries and negations between
    if not before:
        return False
    if _saying_at(before, len(before) - 1, lx):
        return True  # "sagte das Kanzleramt", "confirmó el Kremlin"
    # "hatte das Kanzleramt bereits gestrichen": an auxiliary before it, its participle after it
    return before[-1] in lx.negations and any(_saying_at(after, k, lx) for k in range(len(after)))


def _saying_at(words: list[str], i: int, lx: Lexicon) -> bool:
    """``words[i]`` is a verb of saying or deciding, alone or in a phrase of the pack's
    ("ha detto", "fatto sapere")."""
    verbs = (*lx.speech, *lx.decisions)
    if starts(words[i], tuple(v for v in verbs if " " not in v)):
        return True
    pairs = (" ".join(words[max(0, i - 1) : i + 1]), " ".join(words[i : i + 2]))
    return any(a == 0 for pair in pairs for a, _ in phrase_spans(pair, verbs))


#: a word where hosting verbs are looked for (an apostrophe of the typesetter's splits "l’accueille")
_HOST_WORD = re.compile(r"[^\W\d_][\w'-]*")


def verb_spans(
    low: str, verbs: tuple[str, ...], start: int, end: int, word: re.Pattern[str] | None = None
) -> list[tuple[int, int]]:
    """Where the pack's ``verbs`` are in ``low`` between ``start`` and ``end``: a single word at
    a word's start (:func:`starts`), a phrase as words of its own (:func:`phrase_spans`). The one
    search of the hosting and receiving verbs (:func:`hosted_at`, :func:`received_guest`)."""
    pattern = _WORD if word is None else word
    hits = [m.span() for m in pattern.finditer(low, start, end) if starts(m.group(), verbs)]
    return hits + phrase_spans(low, verbs, start, end)


def hosted_at(text: str, start: int, travel: list[int], ctx: Context) -> bool:
    """A hosting verb in the active voice is the nearest cue before the place ("Starmer hosted the
    Nordic leaders at Downing Street", "Macron a accueilli lundi à Paris un sommet"): the host is
    at home there. Not a passive ("was hosted by", "a été accueilli", "è stato ospitato")."""
    lx = ctx.lx
    if not lx.hosting:
        return False
    low = text[:start].lower()
    hits = verb_spans(low, lx.hosting, 0, start, _HOST_WORD)
    if not hits:
        return False
    at, end = max(hits)
    if any(end <= t < start for t in travel):
        return False  # a travel word after the host word speaks of this place
    before = word_list(low[max(0, at - ctx.tuning.verb_window) : at])[-2:]
    after = word_list(low[end : end + ctx.tuning.verb_window])[:1]
    passive = any(
        w in lx.copulas or w in ("been", "été", "stato", "stata", "sido", "был", "была") for w in before
    )
    return not passive and not (after and after[0] in ("by", "par", "von", "por", "da", "pelo", "pela"))


#: future auxiliaries a pack lists among its copulas ("the next stop will be Hanoi"): before a verb
#: of receiving they make a future ("will host"), not a passive
FUTURE_AUXILIARIES = frozenset({"will"})

#: prepositions of the agent of a passive ("received by", "accolto da"): who follows is the host
AGENTS = frozenset({"by", "par", "von", "vom", "por", "pelo", "pela", "da", "dal", "dalla", "dai"})


def received_guest(s: Sentence, place_start: int, travel: list[int], ctx: Context) -> Person | None:
    """The person a host receives at the place, in the active voice ("Ruto received President Lula
    in Nairobi", "a reçu mardi à Alger la présidente Giorgia Meloni", "recibió en Bogotá al
    presidente X", "принял в Москве президента X"): the guest came there, the host is at home.

    The nearest verb of hosting or receiving before the place, in its sentence and within
    ``Tuning.guest_window`` characters, with no travel word between it and the place (that word
    tells of the place), not in the passive ("was received", "a été reçu": the subject is the
    guest) nor followed by its agent; the guest is the first person after the verb within the
    window (before or after the place), with no "with", agent or preposition of place before it (a
    list after "with" holds no guest: "would host a summit in Amman with X, Y and Z"), and not
    right after "of" (a portfolio: "al ministro de Asuntos Exteriores ..., Wang Yi")."""
    if not ctx.lx.receiving:
        return None
    # asked for each place by the rules, the candidate and its traveller: read once (the same
    # sentence, travel words, persons and context give the same guest)
    key = (place_start, tuple(travel), tuple((q.start, q.end, q.name) for q in s.persons))
    known = s.guests.get(key)
    if known is not None and known[0] is ctx:
        return known[1]
    guest = _received_guest(s, place_start, travel, ctx)
    s.guests[key] = (ctx, guest)
    return guest


def _received_guest(s: Sentence, place_start: int, travel: list[int], ctx: Context) -> Person | None:
    """The search of :func:`received_guest`, once per place."""
    lx, t = ctx.lx, ctx.tuning
    text = s.span.text
    low = text.lower()
    cut = max(low.rfind(c, 0, place_start) for c in ".;!?") + 1
    hits = verb_spans(low, (*lx.hosting, *lx.receiving), cut, place_start)
    if not hits:
        return None
    at, end = max(hits)
    if place_start - end > t.guest_window or any(end <= x < place_start for x in travel):
        return None
    before = word_list(low[max(0, at - t.verb_window) : at])[-t.passive_words :]
    after = word_list(low[end : end + t.verb_window])[:1]
    passive = [w for w in before if w not in FUTURE_AUXILIARIES]
    if passive_before(passive, ctx) or (after and after[0] in AGENTS):
        return None
    for q in s.persons:
        if q.start < end:
            continue
        gap = text[end : q.start]
        if q.start - end > t.guest_window or re.search(r"[.;:!?]", gap):
            return None
        words = [w for w in word_list(gap.lower()) if w not in lx.titles and w not in lx.determiners]
        last = words[-1] if words else ""
        if last in lx.with_ or last in AGENTS or last in lx.origin or starts(last, lx.meet):
            return None  # "a summit with X, Y and Z", "by X", "from X": not one received
        if last in lx.genitives and not gap.rstrip().endswith(","):
            continue  # "al ministro de Asuntos Exteriores": what the title is of, the name follows
        return q
    return None


def reached_by_weapon(s: Sentence, p: Mention, ctx: Context) -> bool:
    """A weapon is the subject that reaches the place ("i missili lanciati dall'Iran hanno
    raggiunto Tel Aviv", "Raketen erreichten Kiew"): a noun of weapons earlier in its clause, with
    no capitalised word but other places between it and the place (a person would be the
    traveller: "Nach einem Raketenangriff reiste Scholz nach Kiew")."""
    lx, text = ctx.lx, s.span.text
    if not lx.projectiles:
        return False
    cut = max(text.rfind(c, 0, p.start) for c in ",;:")
    clause = text[cut + 1 : p.start]
    base = cut + 1
    spans = [(q.start, q.end) for q in s.places]
    for m in re.finditer(r"[^\W\d_][\w'-]*", clause):
        if not starts(m.group().lower(), lx.projectiles):
            continue
        between = [
            w
            for w in re.finditer(r"[^\W\d_][\w'-]*", clause[m.end() :])
            if not any(a <= base + m.end() + w.start() < b for a, b in spans)
        ]
        return not any(w.group()[:1].isupper() and "'" not in w.group() for w in between)
    return False


def travel_of_others(s: Sentence, p: Mention, travel: list[int], ctx: Context) -> str | None:
    """Why the travel that reaches the place is not a person's of the article (a weapon's, a
    crowd's or goods'), if it is not."""
    if reached_by_weapon(s, p, ctx):
        return "reached by a weapon: nobody's stop"
    if moved_by_others(s, p, travel, ctx):
        return "a travel word of a group or of goods (refugees, migrants, troops): no leader's stop"
    return None


def moved_by_others(s: Sentence, p: Mention, travel: list[int], ctx: Context) -> bool:
    """The travel word that reaches the place is that of a group of people or of goods (the pack's
    ``movers``): its complement ("the return of refugees to Syria", "die Rückkehr von Flüchtlingen",
    "возвращение беженцев в Сирию") or its subject ("migrants arrived in Dover", "la columna de
    manifestantes llegó a Rosario", "centinaia di migranti sono arrivati a Palermo"). The crowd
    travels, not the article's leader. The travel word is the nearest one before the place in its
    clause, else the nearest one after it (``Tuning.travel_after_words``)."""
    lx, tu, text = ctx.lx, ctx.tuning, s.span.text
    if not lx.movers:
        return False
    before = [t for t in travel if t < p.start and not re.search(r"[.;:!?]", text[t : p.start])]
    after = [t for t in travel if t >= p.end and len(word_list(text[p.end : t])) <= tu.travel_after_words]
    if not before and not after:
        return False
    at = max(before) if before else min(after)
    # the complement: "return of refugees", "retour des réfugiés", "возвращение беженцев"
    skip = lx.genitives | lx.origin | lx.determiners | lx.of
    follow = [w.lower() for w in word_list(text[at : at + tu.verb_window])[1:]]
    rest = [w for w in follow[: tu.verb_words] if w not in skip]
    if rest and starts(rest[0], lx.movers):
        return True
    return _crowd_subject(s, at, travel, ctx)


def _crowd_subject(s: Sentence, at: int, travel: list[int], ctx: Context) -> bool:
    """The subject of the travel verb at ``at`` (characters into the sentence) names a crowd or
    goods of the pack's ``movers``: by the parse where a tagger read the text (the subject of the
    verb or of the verb it is joined to, "passengers have continued to reach"), else a mover noun
    earlier in its clause with no capitalised word but places between it and the verb."""
    lx, text = ctx.lx, s.span.text
    if ctx.trained:
        tok = next((t for t in s.span if t.idx - s.span.start_char == at), None)
        if tok is None:
            return False
        for _ in range(ctx.tuning.parse_walk):
            subjects = [c for c in tok.children if c.dep_.startswith("nsubj") or c.dep_ == "sb"]
            if subjects:
                return any(
                    starts(w.lower_, lx.movers)
                    for c in subjects
                    for w in list(c.subtree)[: ctx.tuning.verb_words]
                )
            if tok.dep_ not in ("xcomp", "conj", "oc", "cj", "acl") or tok.head is tok:
                return False
            tok = tok.head
        return False
    # a joiner ends the search ("traf Soldaten und reiste nach": the soldiers are met) unless a
    # travel word of the same subject stands before it ("la columna partió del Congreso y llegó a")
    cut = max(text.rfind(c, 0, at) for c in ",;:") + 1
    words = [(m.start() + cut, m.group()) for m in _WORD.finditer(text[cut:at])]
    k = len(words) - 1
    while k >= 0:
        pos, w = words[k]
        if starts(w.lower(), lx.movers):
            return True
        if w.lower() in lx.list_joiners:
            earlier = [t for t in travel if cut <= t < pos]
            if not earlier:
                return False
            # the word holding that travel word (a phrase may start inside the window's first word)
            k = max((i for i, (q, _) in enumerate(words) if q <= max(earlier)), default=-1)
            if k < 0:
                return False
        elif w[:1].isupper() and not any(q.start <= pos < q.end for q in s.places):
            return False
        k -= 1
    return False


def hint_anchor(places: list[Mention], idx: int, text: str, ctx: Context) -> int | None:
    """The index of the place that ``places[idx]`` qualifies, if it is an area beside one.

    A region of the same country next to a city or landmark of the sentence ("au centre spatial
    de Vostochny, dans la province d'Amour") is a hint; so is a country right beside a place of
    that country ("à Luanda en Angola", "Amman, Jordan", "Samarkand (Usbekistan)"). A hint
    constrains the stop's resolution, so one of another country is none.
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
        if q.record.country_code != p.record.country_code:
            continue  # a region or country of another country qualifies nothing here
        if p.record.kind == "country":
            if len(gap) > ctx.tuning.hint_country_gap or abs(j - idx) > 1:
                continue
        elif len(gap) > ctx.tuning.hint_region_gap:
            continue
        if best is None or len(gap) < best[0]:
            best = (len(gap), j)
    return None if best is None else best[1]


def classify(s: Sentence, ctx: Context) -> Reading:
    """Which places of a sentence are stops, which are hints, which form lists (and why not)."""
    text = s.span.text
    reading = Reading(travel=travel_positions(s.span, ctx))
    stop_roles: dict[int, Role] = {}
    denied = denied_plans(text, ctx)
    for idx, p in enumerate(s.places):
        if any(a <= p.start < b for a, b in denied):
            reading.refused[idx] = "the place of a trip the sentence denies is planned"
            continue
        anchor = hint_anchor(s.places, idx, text, ctx)
        if anchor is not None:
            reading.hints_of.setdefault(anchor, []).append(p.text)
            reading.hint_owner[idx] = anchor
            reading.refused[idx] = f"an area qualifying {s.places[anchor].text!r} (a hint)"
            continue
        if possessive_after(text, p.end, ctx.lx):
            reading.refused[idx] = "a possessive qualifies a person or thing"
            continue  # "Russia's Khasan station"
        role, made = _role_and_link(s, idx, reading, stop_roles, ctx)
        if role is None:
            reading.refused[idx] = made
            log.debug("%r: %s", p.text, made)
            continue
        if followed_by_speech(text, p.end, ctx):
            reading.refused[idx] = "followed by a speech verb (it speaks for its government)"
            continue
        others = travel_of_others(s, p, reading.travel, ctx)
        if others is not None:
            reading.refused[idx] = others
            continue
        if (
            hosted_at(text, p.start, reading.travel, ctx)
            and received_guest(s, p.start, reading.travel, ctx) is None
        ):
            reading.refused[idx] = "where the subject hosts (at home): no stop of theirs"
            continue
        stop_roles[idx] = role
        reading.made[idx] = made
        reading.stops.append((p, role))
    if not any(role is Role.VISIT for _, role in reading.stops):
        # a leg runs from a place to a place: a provenance with no arrival in its sentence is that
        # of flights or goods ("vuelos procedentes de Caracas"), no traveller's
        tu = ctx.tuning
        for idx, p in enumerate(s.places):
            tail = SPACE.sub(" ", text[max(0, p.start - tu.role_tail) : p.start].lower()).rstrip()
            if idx in stop_roles and provenance_before(tail, ctx.lx):
                reading.stops = [(q, r) for q, r in reading.stops if q is not p]
                reading.made.pop(idx, None)
                reading.refused[idx] = "a provenance with no arrival in its sentence (no leg of a trip)"
    return reading


def denied_plans(text: str, ctx: Context) -> list[tuple[int, int]]:
    """The spans of a sentence that a denied plan covers: from a phrase of the pack's
    ``plans_denied`` ("has no plans to travel to", "n'a pas l'intention de se rendre à", "plant
    keine Reise nach", "no tiene previsto viajar a", "не планирует ехать в") to the end of the
    sentence or to the first word of contrast after it ("but", "mais", "но"). A trip nobody plans
    is no stop at all, not even a cancelled one: nothing was set to be called off."""
    lx = ctx.lx
    if not lx.plans_denied:
        return []
    low = text.lower().replace("’", "'")
    spans = []
    for _, end in phrase_spans(low, lx.plans_denied):
        stop = next((m.start() for m in _WORD.finditer(low, end) if m.group() in lx.contrasts), len(low))
        spans.append((end, stop))
    return spans


def _role_and_link(
    s: Sentence, idx: int, reading: Reading, stop_roles: dict[int, Role], ctx: Context
) -> tuple[Role | None, str]:
    """The role of the idx-th place and the rule that links it to the trip (or why none does)."""
    text, p = s.span.text, s.places[idx]
    role = role_before(text, p.start, ctx)
    if role is not None and unknown_landmark_name(text, p, ctx):
        return None, "the name of a landmark the gazetteer does not know (not a place of that name)"
    linked = related(s.span, p, ctx) if ctx.trained and role is not None else None
    made = "a preposition or visit verb, linked to a travel word by the parse"
    listed = idx > 0 and is_listed(text[s.places[idx - 1].end : p.start], ctx)
    if listed:
        reading.group[idx] = reading.group.get(idx - 1, idx - 1)
    if role is None and listed and idx - 1 in stop_roles:
        # "à Papúa Nueva Guinea, Timor Oriental y Singapur": a list shares its preposition
        role, linked, made = stop_roles[idx - 1], True, "an item of a list of stops"
    if colon_list(text, s.places, idx, ctx):
        # "... he had visited: Egypt, Bahrain, Qatar and ...": the list answers the travel words
        role, linked, made = role or Role.VISIT, bool(reading.travel), "a list after a colon"
    if linked is None:
        linked = near_travel(text, p, reading.travel, ctx)
        made = "a preposition or visit verb, and a travel word nearby"
    if role is None:
        return None, "no preposition, visit verb or stop noun before it"
    if not linked and role is Role.VISIT and meeting_at_landmark(s.span, p, ctx):
        linked, made = True, "a landmark where the sentence's meeting or reception takes place"
    if not linked and role is Role.VISIT and received_guest(s, p.start, reading.travel, ctx) is not None:
        linked, made = True, "where a host receives a named guest (the guest's stop)"
    if not linked and role is Role.VISIT and received_at(s.span, p, ctx):
        linked, made = True, "the place where the subject is received (a passive: the guest)"
    if not linked and role is Role.VISIT and equated_with_stop(text, p.start, ctx):
        # "The next stop is Vladivostok": the stop noun itself tells the trip
        linked, made = True, "a place said to be a stop of the trip"
    if not linked:
        return None, "no travel word reaches it"
    return role, made


def unknown_landmark_name(text: str, p: Mention, ctx: Context) -> bool:
    """The place stands in apposition after a kind word of a building or site ("aeropuerto El
    Dorado", "Flughafen Ben Gurion") but the gazetteer read it as no landmark: the name is the
    landmark's own, not the town some entry of that name is (joined by "de"/"of" the name may
    be its town: "au palais de Carthage", "aeroporto di Fiumicino")."""
    if p.record is None or p.record.is_landmark:
        return False
    words = words_of(text[max(0, p.start - ctx.tuning.verb_window) : p.start], ctx.lx)
    k = len(words)
    while k > 0 and words[k - 1][:1].isupper() and not landmark_word(words[k - 1].lower()):
        k -= 1  # the capitalised words of the name before the place ("El" of "El Dorado")
    return k > 0 and landmark_word(words[k - 1].lower())


def meeting_at_landmark(sent: Span, p: Mention, ctx: Context) -> bool:
    """A landmark (a palace, a seat of government, an airport) after a locative preposition in a
    sentence that meets or receives someone ("was received at the Elysee Palace", "a été reçu au
    Kremlin", "В Кремле Путин принял ..."): being received in a building is being there, where
    a city after the same words may be its government speaking. Only the passive: the guest."""
    if p.record is None or not ctx.lx.meet:
        return False
    if not (p.record.is_landmark or landmark_named(sent.text, p, ctx)):
        return False
    toks = list(sent)
    reach = ctx.tuning.passive_words
    return any(
        starts(t.lower_, ctx.lx.meet) and passive_before([w.lower_ for w in toks[max(0, i - reach) : i]], ctx)
        for i, t in enumerate(toks)
    )


def received_at(sent: Span, p: Mention, ctx: Context) -> bool:
    """A verb of receiving or meeting in the passive right before the place, in its clause ("was
    received in Wellington by the prime minister", "a été reçu mercredi à Wellington", "è stato
    ricevuto mercoledì a Wellington"): the subject received there is the guest, so the place is a
    stop (the active, "Sheinbaum recibió en Palacio Nacional", is the host at home). The clause runs
    from the verb to the place with no comma and no capitalised word between (not "received by US
    Ambassador to Kenya")."""
    if not ctx.lx.meet:
        return False
    toks = [t for t in sent if t.idx - sent.start_char < p.start]
    reach = ctx.tuning.passive_words
    for i in range(len(toks) - 1, -1, -1):
        t = toks[i]
        if t.is_punct and t.text in ",;:()":
            return False
        if starts(t.lower_, ctx.lx.meet):
            before = [w.lower_ for w in toks[max(0, i - reach) : i]]
            return (
                passive_before(before, ctx) and p.start - (t.idx - sent.start_char) <= ctx.tuning.verb_window
            )
        if t.text[:1].isupper():
            return False  # a name between: "received by US Ambassador to Kenya" (the host's post)
    return False


#: past participles of "to be" and passive auxiliaries the packs' copulas do not list
PASSIVE_AUXILIARIES = frozenset(
    "been été stato stata stati state sido wurde wurden worden был была были было foi foram".split()
)


def passive_before(words: list[str], ctx: Context) -> bool:
    """A passive voice: a copula or a passive auxiliary among the words before the verb ("was
    received", "a été reçue", "fue recibido", "è stata ricevuta"). The one received is the guest
    (where the subject receives, active, it is the host at home: "Sheinbaum recibió en Palacio
    Nacional a los gobernadores")."""
    return any(w in ctx.lx.copulas or w in PASSIVE_AUXILIARIES for w in words)


def landmark_named(text: str, p: Mention, ctx: Context) -> bool:
    """The place names a landmark by a kind word right before or after it ("au palais de Carthage",
    "the Baikonur cosmodrome", "в аэропорту Внуково"): a building or site, not a city's government."""
    t = ctx.tuning
    before = words_of(text[max(0, p.start - t.verb_window) : p.start].lower(), ctx.lx)[-t.kind_reach :]
    after = word_list(text[p.end : p.end + t.verb_window].lower())[:1]
    # a kind word in a case form ("в аэропорту", "на космодроме"): its dictionary forms
    words = (*before, *after)
    return any(landmark_word(w) for w in words) or any(
        landmark_word(v) for w in words for v in ctx.language.variants(w)
    )


def landmark_word(word: str) -> bool:
    """A kind word of a building or site ("palais", "cosmodrome", "аэропорт")."""
    return KIND_WORDS.get(word, "region") in LANDMARK_WORD_KINDS


#: a word of a sentence (letters, then letters, digits, apostrophes and hyphens)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def travel_mode(text: str, at: int, ctx: Context) -> Mode | None:
    """The means of travel ``text`` names nearest the character ``at`` (a stop's place), from the
    pack's ``modes`` within ``Tuning.mode_window`` characters of it: "arrived in Vladivostok by
    armoured train", "im Sonderzug nach Moskau",
    "a bordo del treno", "в поезде". A word matches at its start ("=": the whole word); where
    nouns are capitalised and compounded (German) a word may also end in a mode noun of the
    pack ("Regierungsflugzeug", "Kriegsschiff"). Of two entries that start at the same place the
    longer tells (the motorcade "comboio de carros", not the train "comboio"). The sentence's
    words are read once for every mode. None when the sentence names no means of travel."""
    lx, low, window = ctx.lx, text.lower(), ctx.tuning.mode_window
    best: tuple[int, int, Mode] | None = None  # (distance, -length, mode): nearest, then longest
    # a car bombing or an electric car later in the sentence is no means of travel
    words = [(m.start(), m.group(0)) for m in _WORD.finditer(low) if abs(m.start() - at) <= window]
    for name, entries in lx.modes.items():
        mode = Mode(name)
        single = tuple(e for e in entries if " " not in e)
        heads = tuple(e for e in single if not e.endswith("=") and len(e) >= ctx.tuning.mode_head_min)
        found = [
            (pos, w) for pos, w in words if starts(w, single) or (lx.nouns_capitalised and w.endswith(heads))
        ]
        spans = [(pos, len(w)) for pos, w in found]
        spans += [(a, b - a) for a, b in phrase_spans(low, entries) if abs(a - at) <= window]
        for pos, length in spans:
            key = (abs(pos - at), -length, mode)
            if best is None or key[:2] < best[:2]:
                best = key
    return None if best is None else best[2]
