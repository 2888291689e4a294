"""Places: the place mentions of a sentence, from two sources merged by span: the recogniser's
LOC/GPE/FAC entities where a trained pipeline exists, and a scan of capitalised word windows
against the gazetteer with the pack's dictionary forms (so "Kimsomolsk-sur-l'Amour" and Cyrillic
case forms are found where the recogniser misses them). A mention keeps the gazetteer record it
resolved to; a mention refused is kept with the reason (``Sentence.dropped``)."""

from __future__ import annotations

import dataclasses
import re
import warnings
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from itinerary.coords import haversine_km
from itinerary.errors import AmbiguityWarning
from itinerary.extract.document import AREA_KINDS, Context, Document, Mention
from itinerary.extract.lexicon import starts
from itinerary.extract.registry import step
from itinerary.extract.steps.roles import is_listed, landmark_named, role_before, seat_speaks
from itinerary.extract.text import (
    DATELINE_END,
    DATELINE_HEAD,
    capitalised,
    function_word,
    word_list,
    words_of,
)
from itinerary.geocode.gazetteer import Record
from itinerary.geocode.normalize import KIND_WORDS, analyze
from itinerary.geocode.offline import Candidate as GeoCandidate
from itinerary.model import Place, Role

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: the recogniser's labels of places, of persons, and of other names (no place)
PLACE_LABELS = frozenset({"LOC", "GPE", "FAC"})
PERSON_LABELS = frozenset({"PER", "PERSON"})
NON_PLACE_LABELS = frozenset({"PER", "PERSON", "ORG", "NORP", "MISC", "WORK_OF_ART", "EVENT", "PRODUCT"})


def find_places(
    sent: Span, ctx: Context, person_words: set[str]
) -> tuple[list[Mention], list[tuple[str, str]]]:
    """The place mentions of a sentence, and the mentions refused with why."""
    ner, blocked = _recognised(sent, ctx) if ctx.trained else ([], [])
    dropped: list[tuple[str, str]] = []
    line = dateline_place(sent, ctx)
    if line is not None:  # the recogniser's reading of a dateline in capitals is no guide
        ner = [p for p in ner if p.start >= line.end]
        blocked = [(a, b) for a, b in blocked if a >= line.end]
        ner.insert(0, line)
    ner = [trimmed(p, sent.text, ctx) for p in ner]
    accepted = [p for p in ner if _keep(p, sent.text, ctx, person_words, dropped)]
    for p in [p for p in ner if p not in accepted]:  # "l'aéroport Marrakech-Menara": Marrakech
        city = city_of_landmark_name(p.start, p.end, sent.text, ctx, p.from_ner)
        if city is not None and _keep(city, sent.text, ctx, person_words, dropped):
            accepted.append(city)
    # What the recogniser saw and the gazetteer refused is not rescanned ("the Pacific").
    blocked.extend((p.start, p.end) for p in ner if p not in accepted)
    found = gazetteer_scan(sent, ctx, blocked, accepted)
    scanned = [p for p in found if _keep(p, sent.text, ctx, person_words, dropped)]
    for tok in sent:  # a hyphenated name the recogniser missed ("all'aeroporto Roma-Fiumicino")
        a = tok.idx - sent.start_char
        if "-" not in tok.text or any(q.start <= a < q.end for q in accepted + scanned):
            continue
        city = city_of_landmark_name(a, a + len(tok.text), sent.text, ctx, False)
        if city is not None and _keep(city, sent.text, ctx, person_words, dropped):
            scanned.append(city)
    for p in accepted:
        landmark_run(p, sent, ctx)
    scanned.extend(towns_of_their_country(sent.text, accepted + scanned, ctx))
    out: list[Mention] = []
    for p in sorted(accepted + scanned, key=lambda p: (p.start, -(p.end - p.start))):
        if not any(p.start < q.end and q.start < p.end for q in out):
            out.append(p)
    return out, dropped


def trimmed(p: Mention, text: str, ctx: Context) -> Mention:
    """A recognised place whose span runs on over lower-case words the gazetteer does not know it
    with ("Canberra overnight", "Tumen while"): a name ends on a capitalised word (the words after
    it are not the place's), so the span is cut after its last capitalised word when the gazetteer
    knows that shorter name; else the span as the recogniser read it."""
    words = list(re.finditer(r"[^\W\d_][\w'’-]*", text[p.start : p.end]))
    k = len(words)
    while k > 1 and not words[k - 1].group(0)[:1].isupper():
        k -= 1
    if k == len(words) or not words[k - 1].group(0)[:1].isupper() or accept(p, ctx):
        return p
    if any(function_word(w.group(0).lower(), ctx.lx) for w in words[k:]):
        return p  # "Palais du peuple", "Bosnia and Herzegovina": lower-case words inside a name
    end = p.start + words[k - 1].end()
    cut = Mention(p.start, end, text[p.start : end], text[p.start : end], p.from_ner, natural=p.natural)
    return cut if accept(cut, ctx) else p


#: a name, then its country in brackets or after a comma ("Davos (Suiza)", "Gao, au Mali")
_NAME_THEN_COUNTRY = re.compile(r"([^\W\d_][\w'’-]*)(?: \(| ?, ?)$")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def towns_of_their_country(text: str, found: Sequence[Mention], ctx: Context) -> list[Mention]:
    """Towns named with their country in brackets or after a comma ("estará en Davos (Suiza)",
    "sera à Davos (Suisse)", "in Davos, Switzerland"): news writes the country beside a town its
    readers may not know, so a town too small to be taken alone (``accept``) is a place when the
    gazetteer has a town of that very name (its main name, ``Tuning.min_town_population`` people
    or more) in the country named beside it."""
    out: list[Mention] = []
    for q in found:
        if q.record is None or q.record.kind != "country":
            continue
        m = _NAME_THEN_COUNTRY.search(text[: q.start])
        if m is None:
            continue
        words = list(_WORD.finditer(text, 0, m.end(1)))
        k = len(words)  # the name: the capitalised words before the country ("en Davos": Davos)
        while k > 0 and len(words) - k < ctx.tuning.scan_max_words and words[k - 1].group(0)[:1].isupper():
            k -= 1
        if k == len(words) or k == 0:
            continue  # no name, or the sentence's first word (capitalised whatever it is)
        a, b = words[k].start(), words[-1].end()
        if any(p.start < b and a < p.end for p in [*found, *out]):
            continue
        town = _town_in(text[a:b], a, b, q.record.country_code, ctx)
        if town is not None:
            out.append(town)
    return out


def _town_in(name: str, a: int, b: int, country: str, ctx: Context) -> Mention | None:
    """The town called ``name`` (its main name, ``Tuning.min_town_population`` people or more) in
    ``country``."""
    t, g = ctx.tuning, ctx.geocoder.gazetteer
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", AmbiguityWarning)
        cands = ctx.geocoder.candidates(name, limit=t.candidates_per_mention)
    for c in cands:
        r = c.record
        if c.name_score < 1.0 or r.kind != "city" or r.country_code != country:
            continue
        if r.population < t.min_town_population or not g.is_main_name(c.matched, r.index):
            continue
        p = Mention(a, b, name, name, False, r, confidence=c.confidence, match=c)
        p.overruled = c is not cands[0]
        return p
    return None


#: the kinds of landmark named "City-Name" after their city ("aéroport Marrakech-Menara"), and
#: that serve a city from out of town (:func:`airport_city`)
SERVING_KINDS = frozenset({"airport", "station"})


def city_of_landmark_name(start: int, end: int, text: str, ctx: Context, from_ner: bool) -> Mention | None:
    """The city that opens the name of an airport or station the gazetteer does not know, after the
    kind word ("l'aéroport Marrakech-Menara", "aeroporto Roma-Fiumicino", "la gare Lyon-Perrache"):
    such names join the city and the landmark's own name by a hyphen, and the stop is the city.
    None unless the part before the hyphen names a prominent city. ``start``/``end``: the name in
    ``text``, with or without the kind word before it."""
    m = re.search(r"[^\W\d_][\w'’]*-[^\W\d_][\w'’-]*$", text[start:end])
    if m is None or not m.group(0)[:1].isupper():
        return None
    start += m.start()
    first, _, rest = m.group(0).partition("-")
    if not rest[:1].isupper():
        return None
    before = re.findall(r"\w+", text[max(0, start - ctx.tuning.verb_window) : start].lower())[
        -ctx.tuning.kind_reach :
    ]
    if not any(KIND_WORDS.get(w) in SERVING_KINDS for w in before):
        return None
    g = ctx.geocoder.gazetteer
    records = [g.record(k) for k in g.lookup(first)]
    if not any(r.kind == "city" and prominent(r, ctx) for r in records):
        return None
    return Mention(start, start + len(first), first, first, from_ner)


#: the words right after a name, on its line
_NAME_RUN = re.compile(r"(?:[ \t]+(?:[^\W\d_][\w'’-]*))+")


def landmark_run(p: Mention, sent: Span, ctx: Context) -> None:
    """Read a place the recogniser cut short together with the capitalised words after it when,
    with them, the gazetteer knows a landmark by that very name ("aéroport Léopold" + "Sédar
    Senghor": the airport of Dakar, not Leopold in Australia); the mention grows over those words
    inside its sentence (a sentence splitter may have cut the name too). A name runs on over its
    capitalised words; ``p`` keeps its own reading when no landmark takes the longer one."""
    text = sent.doc.text
    at = sent.start_char + p.end
    m = _NAME_RUN.match(text, at)
    if m is None:
        return
    words = list(re.finditer(r"[^\W\d_][\w'’-]*", m.group(0)))[: ctx.tuning.scan_max_words]
    for k in range(len(words), 0, -1):
        if not words[k - 1].group(0)[:1].isupper() or not words[0].group(0)[:1].isupper():
            continue
        tail = m.group(0)[: words[k - 1].end()]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", AmbiguityWarning)
            cands = ctx.geocoder.candidates(p.query + tail, limit=1)
        if cands and cands[0].name_score >= 1.0 and cands[0].record.is_landmark:
            c = cands[0]
            p.query = p.query + tail
            p.end = min(p.end + len(tail), sent.end_char - sent.start_char)
            p.text = sent.text[p.start : p.end]
            p.record, p.confidence, p.match, p.overruled = c.record, c.confidence, c, False
            p.main_name = ctx.geocoder.gazetteer.is_main_name(c.matched, c.record.index)
            return


def dateline_place(sent: Span, ctx: Context) -> Mention | None:
    """The place of the article's dateline, whatever a recogniser makes of words in capitals
    ("NAIROBI (Reuters) -", "ULAN BATOR /Mongolia/, June 2. /TASS/.", "GUADALAJARA, 3 mars (AFP) -")."""
    text = sent.text
    if sent.start_char != 0 or DATELINE_END.search(text[: ctx.tuning.dateline_window]) is None:
        return None
    m = DATELINE_HEAD.match(text)
    if m is None or not all(capitalised(w) for w in m.group("place").split()):
        return None
    name = m.group("place").rstrip(".")
    p = Mention(0, len(name), name, name, True)
    return p if accept(p, ctx) and not outlet_after(text, p.end, ctx) else None


def _recognised(sent: Span, ctx: Context) -> tuple[list[Mention], list[tuple[int, int]]]:
    """The recogniser's places, and the spans of its other names (no place is scanned there)."""
    base = sent.start_char
    blocked: list[tuple[int, int]] = []
    ner: list[Mention] = []
    for ent in sent.ents:
        a, b = ent.start_char - base, ent.end_char - base
        place_like = ent.label_ in PERSON_LABELS and place_not_person(ent.text, ctx)
        # "rejoindre Djibouti" tagged MISC, "arrived in Montevideo" tagged PRODUCT: a well-known
        # place after a preposition or visit verb, or closing a list of places ("a visité Accra,
        # Lomé et Cotonou"), whatever other name the recogniser took it for
        after_place = bool(ner) and is_listed(sent.text[ner[-1].end : a], ctx)
        place_like = place_like or (
            ent.label_ in NON_PLACE_LABELS - PERSON_LABELS
            and (role_before(sent.text, a, ctx) is not None or after_place)
            and (well_known_place(ent.text, ctx) or known_landmark(ent.text, ctx))
        )
        if ent.label_ in PLACE_LABELS or place_like:
            p = Mention(a, b, ent.text, query_of(sent, ent.start, ent.text, ctx), True)
            p.natural = ent.label_ == "LOC" and ctx.lx.loc_is_natural
            ner.append(p)
        elif ent.label_ in NON_PLACE_LABELS:
            after = [
                t.lower_ for t in sent.doc[ent.end : min(ent.end + ctx.tuning.kind_words_after, sent.end)]
            ]
            if ent.label_ == "ORG" and any(w in KIND_WORDS for w in after):
                continue  # "Khasan train station": a facility, not an organisation
            blocked.append((a, b))
    return ner, blocked


def _keep(
    p: Mention, text: str, ctx: Context, person_words: set[str], dropped: list[tuple[str, str]]
) -> bool:
    why = refusal(p, text, ctx, person_words)
    if why is not None:
        dropped.append((p.text, why))
    return why is None


def refusal(p: Mention, text: str, ctx: Context, person_words: set[str]) -> str | None:
    """Why a mention is no place (None: it is one, and ``p.record`` is set)."""
    if outlet_before(text, p.start, ctx) or outlet_after(text, p.end, ctx):
        return "a news outlet"
    if p.text.lower() in person_words or beside_name(text, p, person_words, ctx):
        return "a person's name"
    if after_name_adjective(text, p.start, ctx):
        return "the end of a longer name (an organisation)"
    if inside_name(text, p, ctx):
        return "a word of a longer capitalised name (a person's)"
    if not accept(p, ctx) and not accept_dictionary_form(p, ctx) and not accept_landmark(p, text, ctx):
        return f"not a known place (query {p.query!r})"
    serving_landmark(p, text, ctx)
    if not p.from_ner and not p.main_name and p.start == 0 and " " not in p.text and not p.text.isupper():
        # "Dort", "Wie", "Там", "Este" opening a sentence: a common word that is also a
        # place's alternate name (a dateline is written in capitals, a subject is no stop)
        return "a sentence-initial word matching an alternate name"
    if common_word(p, text, ctx):
        return "a common word of the language (no city of that name after a preposition)"
    if seat_speaks(text, p, ctx):
        return "a seat of power speaking for its government (no mention of its city)"
    kind = p.record.kind if p.record is not None else ""
    if p.text.isupper() and len(p.text) <= ctx.tuning.acronym_max and kind not in AREA_KINDS:
        return "an acronym (party, ministry, airport code)"
    return None


def word_zipf(word: str, code: str) -> float:
    """The zipf frequency of a lower-case word in language ``code`` (wordfreq's small lists;
    0 for a language wordfreq has no list of)."""
    from wordfreq import zipf_frequency  # loaded with the first article, not at import

    try:
        return float(zipf_frequency(word, code, wordlist="small"))
    except LookupError:
        return 0.0


def common_word(p: Mention, text: str, ctx: Context) -> bool:
    """A one-word name that is a frequent word of the language written lower-case ("Parlamento",
    "República", "Guarda", "Interior": zipf frequency of ``Tuning.common_word_zipf`` or more) and
    resolves to no country and no city of ``Tuning.place_not_person_population`` people: the
    institution or the common noun, not the palace, village or district some gazetteer entry is
    named after. A city of that name after a travel preposition stays a place ("visitou a
    Guarda"); a dateline in capitals is the reporter's city whatever its name."""
    r = p.record
    if r is None or " " in p.text or "-" in p.text or r.kind == "country":
        return False
    if p.start == 0 and p.text.isupper():
        return False
    if r.kind == "city" and r.population >= ctx.tuning.place_not_person_population:
        return False
    if word_zipf(p.text.lower(), ctx.language.code) < ctx.tuning.common_word_zipf:
        return False
    if role_before(text, p.start, ctx) is not Role.VISIT:
        return True
    g = ctx.geocoder.gazetteer
    return not any(g.record(i).kind == "city" for i in g.lookup(p.text))


def query_of(sent: Span, tok_start: int, text: str, ctx: Context) -> str:
    """The mention with the kind words just before it ("spatioport de" + "Vostochny")."""
    doc, joiners = sent.doc, ctx.lx.kind_joiners
    j = tok_start
    while j > sent.start and tok_start - j < ctx.tuning.kind_words_before:
        w = doc[j - 1].lower_
        if w in KIND_WORDS or w in joiners:
            j -= 1
            continue
        break
    while j < tok_start and doc[j].lower_ not in KIND_WORDS:
        j += 1
    return doc[j:tok_start].text + " " + text if j < tok_start else text


def gazetteer_scan(
    sent: Span, ctx: Context, blocked: Sequence[tuple[int, int]], known: Sequence[Mention]
) -> Iterable[Mention]:
    """Capitalised word windows that name a prominent place, outside the blocked spans."""
    toks = list(sent)
    base = sent.start_char
    i = 0
    while i < len(toks):
        t = toks[i]
        a = t.idx - base
        if not capitalised(t.text) or function_word(t.lower_, ctx.lx):
            i += 1
            continue
        if any(a < e and s <= a for s, e in blocked) or any(p.start <= a < p.end for p in known):
            i += 1
            continue
        hit = scan_at(sent, toks, i, ctx)
        if hit:
            yield hit
            while i < len(toks) and toks[i].idx - base < hit.end:
                i += 1
        else:
            i += 1


def scan_at(sent: Span, toks: list[Token], i: int, ctx: Context) -> Mention | None:
    """The longest window of capitalised words from ``toks[i]`` that names a prominent place."""
    g = ctx.geocoder.gazetteer
    base = sent.start_char
    a = toks[i].idx - base
    for n in range(min(ctx.tuning.scan_max_words, len(toks) - i), 0, -1):
        last = toks[i + n - 1]
        if not capitalised(last.text) or function_word(last.lower_, ctx.lx):
            continue  # "Yakarta a las": a name ends on a capitalised word
        if any(k.is_punct and k.text not in "-'’" for k in toks[i : i + n]):
            continue  # "LISBOA.- El", "Russland: Das": punctuation ends a name
        b = last.idx + len(last.text) - base
        surface = sent.text[a:b]
        for variant in dict.fromkeys([surface, *ctx.language.variants(surface)]):
            if variant and any(prominent(g.record(k), ctx) for k in g.lookup(variant)):
                return Mention(a, b, surface, scan_query(sent, toks[i].i, variant, ctx), False)
    return None


def scan_query(sent: Span, tok_start: int, name: str, ctx: Context) -> str:
    """The query of a scanned name: with the kind words before it, as for a recognised name
    (:func:`query_of`), when they name a landmark the name alone does not ("aeroporto di" +
    "Vnukovo": the airport, where "Vnukovo" is a small town); else the name alone."""
    query = query_of(sent, tok_start, name, ctx)
    if query == name:
        return name
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", AmbiguityWarning)
        kind = ctx.geocoder.candidates(query, limit=1)
        bare = ctx.geocoder.candidates(name, limit=1)
    if not kind or not kind[0].record.is_landmark:
        return name
    return name if bare and bare[0].record.id == kind[0].record.id else query


def outlet_before(text: str, start: int, ctx: Context) -> bool:
    """An outlet word just before the place ("l'agence TASS", "Radio Moscou")."""
    t = ctx.tuning
    before = text[max(0, start - t.outlet_window) : start].lower().split()
    return bool(before) and any(starts(w.strip("'’(«\""), ctx.lx.outlet) for w in before[-t.outlet_words :])


def outlet_after(text: str, end: int, ctx: Context) -> bool:
    """An outlet's name after the place ("Moscow Times")."""
    pattern = ctx.language.outlet_after
    return pattern is not None and pattern.match(text, end) is not None


def accept(p: Mention, ctx: Context) -> bool:
    """Whether the gazetteer knows the mention as a place it can be (and set its record)."""
    t = ctx.tuning
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", AmbiguityWarning)
        cands = ctx.geocoder.candidates(p.query, limit=t.candidates_per_mention)
    if not cands:
        return False
    best = city_over_region(cands, ctx)
    r = best.record
    if best.name_score < 1.0:  # a typo: only for long names the recogniser saw as places
        key = analyze(p.query).key
        if not p.from_ner or len(key) < t.typo_min_key or key[:1] != best.matched[:1]:
            return False
        if best.name_score < (t.typo_min_score_area if r.kind in AREA_KINDS else t.typo_min_score_city):
            return False
    main = ctx.geocoder.gazetteer.is_main_name(best.matched, r.index)
    if p.natural and r.kind == "city" and (not main or best.ambiguous):
        return False  # "the Pacific" is an ocean, not Huntington Beach nor Pacific (Missouri)
    # a small town: only under its own name, and only where the recogniser saw a place
    small = r.kind == "city" and r.population < t.min_city_population
    if small and (not p.from_ner or r.population < t.min_town_population or not main):
        return False
    p.record, p.confidence, p.main_name, p.match = r, best.confidence, main, best
    p.overruled = best is not cands[0]
    return True


def accept_landmark(p: Mention, text: str, ctx: Context) -> bool:
    """Whether a kind word of a building or site beside the mention names the landmark the
    gazetteer knows under exactly that name, when its first answer (a village of the same name)
    was refused: "в аэропорту Внуково" is the airport, not the village Vnukovo."""
    if not landmark_named(text, p, ctx):
        return False
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", AmbiguityWarning)
        cands = ctx.geocoder.candidates(p.query, limit=ctx.tuning.candidates_per_mention)
    best = next((c for c in cands if c.record.is_landmark and c.name_score >= 1.0), None)
    if best is None:
        return False
    main = ctx.geocoder.gazetteer.is_main_name(best.matched, best.record.index)
    p.record, p.confidence, p.main_name, p.match = best.record, best.confidence, main, best
    p.overruled = best is not cands[0]
    return True


def serving_landmark(p: Mention, text: str, ctx: Context) -> None:
    """A name beside the kind word of an airport or station is that landmark when the gazetteer
    knows one of that kind under exactly that name, though its first answer is the town the
    landmark is named after ("landed at Vnukovo airport", "all'aeroporto di Fiumicino", "в
    аэропорту Домодедово": the airports, not the towns Vnukovo, Fiumicino, Domodedovo); the
    airport then stands for the city it serves (:func:`itinerary.extract.assemble.airport_city`)."""
    r = p.record
    if r is None or r.is_landmark or r.kind in AREA_KINDS:
        return
    if r.population >= ctx.tuning.landmark_city_population:
        return  # "Kyiv station", "l'aéroport Marrakech-Menara": the city itself is the stop
    kinds = serving_kinds_beside(text, p, ctx)
    if not kinds:
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", AmbiguityWarning)
        cands = ctx.geocoder.candidates(p.query, limit=ctx.tuning.candidates_per_mention)
    best = next((c for c in cands if c.record.kind in kinds and c.name_score >= 1.0), None)
    if best is None and "airport" in kinds and r.kind == "city":
        # an airport the gazetteer does not know, named after the small town it lies in ("Flughafen
        # Schönefeld", "aeropuerto de Barajas"): the city it serves
        best = _served_city(r, ctx)
        if best is not None:
            p.query = best.record.name
    if best is None:
        return
    p.record, p.confidence, p.match, p.overruled = best.record, best.confidence, best, best is not cands[0]
    p.main_name = ctx.geocoder.gazetteer.is_main_name(best.matched, best.record.index)


def _served_city(town: Record, ctx: Context) -> GeoCandidate | None:
    """The gazetteer's answer for the city an airport named after ``town`` serves (as for an
    airport at the town's point, :func:`airport_city`), when the town is no such city itself."""
    if town.population >= ctx.tuning.landmark_city_population:
        return None
    city = airport_city(dataclasses.replace(town, kind="airport"), ctx)
    if city is None:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", AmbiguityWarning)
        cands = ctx.geocoder.candidates(city.name, limit=ctx.tuning.candidates_per_mention)
    return next((c for c in cands if c.record.id == city.id), None)


def serving_kinds_beside(text: str, p: Mention, ctx: Context) -> set[str]:
    """The kinds (airport, station) of the kind words right before or after the place or opening its
    name ("aeroporto di", "аэропорту" in its dictionary form, "airport" after the name, "Flughafen
    Schönefeld")."""
    t = ctx.tuning
    before = words_of(text[max(0, p.start - t.verb_window) : p.start].lower(), ctx.lx)[-t.kind_reach :]
    after = word_list(text[p.end : p.end + t.verb_window].lower())[:1]
    inside = word_list(p.query.lower())[:-1]  # "Flughafen Schönefeld" read as one name
    words = [*before, *inside, *after]
    words += [v.lower() for w in words for v in ctx.language.variants(w)]
    return {k for w in words if (k := KIND_WORDS.get(w, "")) in SERVING_KINDS}


def accept_dictionary_form(p: Mention, ctx: Context) -> bool:
    """Whether the gazetteer knows the mention under a dictionary form of its words (the pack's
    morphology: "после посещения Самарканда" -> "Самарканд"), when it does not know the form
    written; the mention then asks that form."""
    asked = p.query
    for v in ctx.language.variants(p.text):
        if v != asked and v != p.text:
            p.query = v
            if accept(p, ctx):
                return True
    p.query = asked
    return False


def city_over_region(cands: Sequence[GeoCandidate], ctx: Context) -> GeoCandidate:
    """The best candidate, but a large city rather than a same-named region of no population near it
    ("Kiev", "Астана", "Ulaanbaatar": a capital that is also its own province): news names the city.
    The city must be a seat (a national or first-level capital: "Tver", "Salzburg") or large in its
    own right (``landmark_city_population``: Veracruz); a town that only shares its state's name
    ("Brandenburg an der Havel", Potsdam being the seat) leaves the region."""
    best = cands[0]
    r = best.record
    if r.kind != "region" or r.population:
        return best
    t = ctx.tuning
    for c in cands[1:]:
        q = c.record
        near = haversine_km(r.lat, r.lon, q.lat, q.lon) <= t.region_city_km
        if (
            q.kind == "city"
            and q.country_code == r.country_code
            and q.population >= t.min_city_population
            and near
            and (ctx.geocoder.gazetteer.seats[q.index] > 0 or q.population >= t.landmark_city_population)
        ):
            return c
    return best


def beside_name(text: str, p: Mention, person_words: set[str], ctx: Context) -> bool:
    """A one-word place right after or before a word of a person's name: an inflected part of
    that name ("Ким Чен Ына", "Си Цзиньпин"). A well-known place after the last word of a name the
    article gives in full is no part of it: the name is complete, the place is the clause's object
    ("nachdem Scholz Tokio besucht hatte", "Ранее Путин Астану не посещал"). Before a name, a
    place is its part: a given name the article may leave out ("Wladimir" of "Putin")."""
    if " " in p.text or p.from_ner:
        return False
    before = re.search(r"([^\W\d_][\w'-]*)\s+$", text[: p.start])
    after = re.match(r"\s+([^\W\d_][\w'-]*)", text[p.end :])
    for side, m in (("before", before), ("after", after)):
        if m is None or not m.group(1)[0].isupper() or m.group(1).lower() not in person_words:
            continue
        if side == "before" and _name_edge(m.group(1), ctx) and _well_known_mention(p, ctx):
            continue  # the name ends there: the place is beside it, not in it
        return True
    return False


def _name_edge(word: str, ctx: Context) -> bool:
    """``word`` is the last word of a person's name the article gives: the name ends there."""
    return any(n.split()[-1].lower() == word.lower() for n in ctx.names.values() if n.split())


def _well_known_mention(p: Mention, ctx: Context) -> bool:
    """The mention names a well-known place (:func:`well_known_place`), also in an inflected form
    the gazetteer knows by its dictionary form ("Астану")."""
    if well_known_place(p.text, ctx):
        return True
    if not (accept(p, ctx) or accept_dictionary_form(p, ctx)) or p.record is None:
        return False
    r = p.record
    return prominent(r, ctx) and r.population >= ctx.tuning.place_not_person_population


def inside_name(text: str, p: Mention, ctx: Context) -> bool:
    """A one-word place the scan found with a capitalised word right beside it that is no place,
    prominent place, title, preposition or kind word: a word of a longer name ("Augusto Santos Silva", "João
    Lourenço", "Capoulas Santos"); a place name runs into no other name. Where nouns are
    capitalised (German), only the word after counts ("Hauptstadt Berlin")."""
    if p.from_ner or " " in p.text:
        return False
    lx = ctx.lx
    after = re.match(r" ([^\W\d_][\w'’-]*)", text[p.end :])
    before = None if lx.nouns_capitalised else re.search(r"(?:^|[\s(])([^\W\d_][\w'’-]*) $", text[: p.start])
    for m in (before, after):
        if m is None:
            continue
        w = m.group(1)
        if not w[0].isupper() or w.isupper() or function_word(w.lower(), lx) or w.lower() in KIND_WORDS:
            continue
        if m is before and m.start(1) == 0:
            continue  # a capitalised first word of the sentence
        if m is before and _name_edge(w, ctx) and _well_known_mention(p, ctx):
            continue  # "Ранее Путин Астану посещал": a whole name, then the place
        g = ctx.geocoder.gazetteer
        if not any(prominent(g.record(i), ctx) for i in g.lookup(w)):
            return True
    return False


def after_name_adjective(text: str, start: int, ctx: Context) -> bool:
    """A capitalised adjective inside a sentence just before the place: both belong to a longer
    name ("Afrikanischen Union", "Европейского союза"), not to a place."""
    endings = ctx.lx.adjective_endings
    m = re.search(r"([^\W\d_][\w-]*)\s+$", text[:start])
    if m is None or m.start(1) == 0 or not endings:
        return False
    w = m.group(1)
    return w[0].isupper() and w.lower().endswith(
        tuple(e for e in endings if len(e) >= ctx.tuning.adjective_name_min)
    )


def prominent(r: Record, ctx: Context) -> bool:
    """A country, region or landmark, or a city of ``Tuning.min_city_population`` people or more."""
    if r.kind in AREA_KINDS or r.is_landmark:
        return True
    return bool(r.kind == "city" and r.population >= ctx.tuning.min_city_population)


def place_not_person(text: str, ctx: Context) -> bool:
    """A one-word "person" that is a well-known place (recognisers tag "VLADIVOSTOK" so)."""
    return len(text.split()) == 1 and well_known_place(text, ctx)


def well_known_place(text: str, ctx: Context) -> bool:
    """A name of a prominent place of ``Tuning.place_not_person_population`` people or more ("Ulan
    Bator" after "arrived in", which a recogniser may tag as an organisation)."""
    g = ctx.geocoder.gazetteer
    floor = ctx.tuning.place_not_person_population
    return any(prominent(g.record(i), ctx) and g.record(i).population >= floor for i in g.lookup(text))


def known_landmark(text: str, ctx: Context) -> bool:
    """A name the gazetteer knows as a landmark (a palace, a seat of government): after a
    preposition of place or a visit verb it is the building, also where the recogniser tagged it as
    the institution ("received at the Kremlin", tagged ORG); the institution speaking ("the
    Kremlin said") has no preposition before it."""
    g = ctx.geocoder.gazetteer
    # not an airport or station: those carry their town's name ("Charters Towers" is the town)
    return any(g.record(i).is_landmark and g.record(i).kind not in SERVING_KINDS for i in g.lookup(text))


def towns_in_context(
    sent: Span, found: Sequence[Mention], anchors: Sequence[Record], ctx: Context
) -> list[Mention]:
    """Small towns the sentence names after a locative or directional preposition, each within
    ``Tuning.town_context_km`` of a city or landmark the article names in the same country ("le
    cortège est attendu à Samatiguila" near Odienné, "joined the group in Bucha" near Kyiv), or
    inside a region the article names ("ein Besuch in Bad Münstereifel" in an article naming
    Nordrhein-Westfalen): a town too small to be taken alone (``accept``) is a place when the
    article is already there, whatever a recogniser made of its name (a person's, an
    organisation's). A name runs over its capitalised words ("Bad Münstereifel"); a word of a
    longer person's name is never one."""
    t = ctx.tuning
    base, text = sent.start_char, sent.text
    name_words = {w.lower() for n in ctx.names.values() if " " in n for w in n.split()}
    toks = list(sent)
    out: list[Mention] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        a = tok.idx - base
        i += 1
        if not capitalised(tok.text) or tok.text.isupper() or function_word(tok.lower_, ctx.lx):
            continue
        if tok.lower_ in name_words or role_before(text, a, ctx) is not Role.VISIT:
            continue
        run = [tok]  # the capitalised words of the name, longest first
        while len(run) < t.scan_max_words and i - 1 + len(run) < len(toks):
            nxt = toks[i - 1 + len(run)]
            if not capitalised(nxt.text) or nxt.text.isupper() or function_word(nxt.lower_, ctx.lx):
                break
            run.append(nxt)
        for n in range(len(run), 0, -1):
            b = run[n - 1].idx - base + len(run[n - 1].text)
            if any(p.start < b and a < p.end for p in found):
                continue
            p = _town_near(text[a:b], a, b, anchors, ctx)
            if p is not None:
                out.append(p)
                i += n - 1
                break
    return out


def _town_near(name: str, a: int, b: int, anchors: Sequence[Record], ctx: Context) -> Mention | None:
    """The town called ``name`` (under its main name, of ``Tuning.min_town_population`` people or
    more) near a city or landmark of ``anchors`` in its country, or inside a region of them."""
    t, g = ctx.tuning, ctx.geocoder.gazetteer
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", AmbiguityWarning)
        cands = ctx.geocoder.candidates(name, limit=t.candidates_per_mention)
    for c in cands:
        r = c.record
        if c.name_score < 1.0 or r.kind != "city" or r.population < t.min_town_population:
            continue
        if not g.is_main_name(c.matched, r.index):
            continue
        if not any(
            q.id != r.id
            and q.country_code == r.country_code
            and (
                haversine_km(q.lat, q.lon, r.lat, r.lon) <= t.town_context_km
                if q.kind not in AREA_KINDS
                else q.kind == "region" and r.admin1_id is not None and q.id.endswith(":" + r.admin1_id)
            )
            for q in anchors
        ):
            continue
        p = Mention(a, b, name, name, False, r, confidence=c.confidence, match=c)
        p.overruled = c is not cands[0]
        return p
    return None


def in_article_country(mentions: Sequence[Mention], ctx: Context) -> None:
    """Re-read in the country of the article's other places a city, landmark or country the
    gazetteer put in a country the article names nowhere else, when a place of that name lies
    in a country the article names. The geocoder ranks the name again with the article's other
    places as context (their countries and their distances weigh, see
    :mod:`itinerary.geocode.ranking`) and its first answer is taken when it lies in a country
    of ``Tuning.context_country_min`` of them or more ("St. Petersburg" after Tampa and
    Orlando, "Odessa" after Kyiv and Mykolaiv, "Córdoba" after Sevilla and Málaga, "Georgia"
    the state after Atlanta and Savannah); else, in the country the article is about
    (the one most of its places lie in, named ``Tuning.article_country_min`` times or more),
    the first place of that name there under its main name ("Granada" in an article on
    Nicaragua, "Belém" in one on Lisbon). A national capital keeps its reading ("Madrid" in an
    article on Colombia is Spain's)."""
    t = ctx.tuning
    counts = Counter(p.record.country_code for p in mentions if p.record is not None)
    if not counts:
        return
    home, n = counts.most_common(1)[0]
    for p in mentions:
        r = p.record
        if r is None or r.is_capital or (r.kind not in ("city", "country") and not r.is_landmark):
            continue
        others = [q for q in mentions if q.record is not None and q.query != p.query]
        around = Counter(q.record.country_code for q in others if q.record is not None)
        there = {cc for cc, k in around.items() if k >= t.context_country_min}
        # the article names the country of the reading elsewhere (a country, a region or a place
        # the geocoder is sure of, not another shared name): the reading may be right
        named = any(
            q.record.country_code == r.country_code
            and (q.record.kind in AREA_KINDS or q.confidence >= t.context_named_confidence)
            for q in others
            if q.record is not None
        )
        c = None
        if there and not named:
            c = _reading_in_context(p, [(q.record.lat, q.record.lon) for q in others if q.record], there, ctx)
            if c is not None and c.record.index == r.index:
                c = None
            elif c is not None:  # how sure the geocoder is of it in that context
                p.confidence = c.confidence
        if (
            c is None
            and not named
            and n >= t.article_country_min
            and r.country_code != home
            and r.kind != "country"
        ):
            c = _reading_in(p, home, ctx)
        if c is not None:
            p.record, p.match, p.overruled = c.record, c, True
            p.main_name = ctx.geocoder.gazetteer.is_main_name(c.matched, c.record.index)


def _reading_in_context(
    p: Mention, near: Sequence[tuple[float, float]], countries: set[str], ctx: Context
) -> GeoCandidate | None:
    """The geocoder's first answer for ``p`` with the points ``near`` as context, when it lies
    in one of ``countries`` (a town of ``Tuning.min_town_population`` people or more, a landmark, or for
    a country's name a region: "Georgia")."""
    t = ctx.tuning
    r = p.record
    assert r is not None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", AmbiguityWarning)
        cands = ctx.geocoder.candidates(p.query, near=near, limit=1)
    kinds = ("region",) if r.kind == "country" else ("city",)
    for c in cands:
        q = c.record
        if q.country_code not in countries or c.name_score < 1.0 or not (q.kind in kinds or q.is_landmark):
            continue
        if q.kind == "city" and q.population < t.min_town_population:
            continue
        return c
    return None


def _reading_in(p: Mention, home: str, ctx: Context) -> GeoCandidate | None:
    """The first place of ``p``'s name in the country ``home`` under its main name (a town of
    ``Tuning.min_town_population`` people or more, or a landmark)."""
    t, g = ctx.tuning, ctx.geocoder.gazetteer
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", AmbiguityWarning)
        cands = ctx.geocoder.candidates(p.query, limit=t.country_candidates)
    for c in cands:
        q = c.record
        if q.country_code != home or c.name_score < 1.0 or not g.is_main_name(c.matched, q.index):
            continue
        if not q.is_landmark and (q.kind != "city" or q.population < t.min_town_population):
            continue
        return c
    return None


@step("places", reads=("sentences", "ctx.names"), writes=("sentences.places", "sentences.dropped"))
def places(doc: Document) -> None:
    """The place mentions of each sentence, each with its gazetteer record; then the small towns
    named beside the cities and landmarks of the article (:func:`towns_in_context`)."""
    person_words = {w.lower() for n in doc.ctx.names.values() for w in n.split()}
    for s in doc.sentences:
        s.places, s.dropped = find_places(s.span, doc.ctx, person_words)
    in_article_country([p for s in doc.sentences for p in s.places], doc.ctx)
    anchors = [
        p.record
        for s in doc.sentences
        for p in s.places
        if p.record is not None
        and (p.record.kind == "region" or (p.record.kind not in AREA_KINDS and prominent(p.record, doc.ctx)))
    ]
    if not anchors:
        return
    for s in doc.sentences:
        towns = towns_in_context(s.span, s.places, anchors, doc.ctx)
        for town in towns:  # "auf dem Flughafen Schönefeld": the airport's city
            serving_landmark(town, s.span.text, doc.ctx)
        if towns:
            s.places = sorted([*s.places, *towns], key=lambda p: p.start)


def airport_city(r: Record | Place, ctx: Context) -> Record | None:
    """The city an airport or station out of town serves: of the cities of
    ``Tuning.landmark_city_population`` people or more in its country within
    ``Tuning.landmark_airport_km``, the one of most people per kilometre away (Sheremetyevo, Vnukovo
    and Domodedovo: Moscow; Fiumicino: Rome; Kuala Lumpur's airport: Kuala Lumpur, not the nearer
    Subang Jaya; Düsseldorf's: Düsseldorf, not Cologne farther off). None for another landmark (the
    Vostochny cosmodrome, a castle) or an airport far from any such city."""
    if r.kind not in SERVING_KINDS:
        return None
    t = ctx.tuning
    near = ctx.geocoder.gazetteer.nearest(r.lat, r.lon, k=t.landmark_airport_near, kinds=["city"])
    cities = [
        (c, km)
        for c, km in near
        if km <= t.landmark_airport_km
        and c.population >= t.landmark_city_population
        and c.country_code == r.country_code
    ]
    # the pull of a city: its people over its distance (a capital farther off over a suburb)
    return max(cities, key=lambda x: x[0].population / max(x[1], 1.0))[0] if cities else None
