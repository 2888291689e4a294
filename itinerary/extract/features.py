"""The stop model's features of a candidate (names and meanings in
:data:`itinerary.extract.scoring.FEATURES`): how the rules read it, its place, its sentence, and
where it stands in the article."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence

from itinerary.coords import haversine_km
from itinerary.extract.document import Candidate, Context, Mention, Reading, Sentence
from itinerary.extract.lexicon import Lexicon, starts
from itinerary.extract.steps.dates import owned_dates
from itinerary.extract.steps.persons import owned_title_subject
from itinerary.extract.steps.roles import followed_by_speech, is_listed, near_travel, role_before
from itinerary.extract.steps.status import invited
from itinerary.extract.text import DATELINE_AFTER_PLACE, DATELINE_END, possessive_after, word_list
from itinerary.extract.tuning import Tuning
from itinerary.geocode.records import Record
from itinerary.model import Precision, Role, Status


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
    old = long_before(d, ctx.published, t.background_days)
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
            "past_time": float(past_time_near(s, p, ctx)),
            "sentence_has_stop": float(
                any(q is not p for q, _ in reading.stops) if rule else bool(reading.stops)
            ),
        }
    )
    f[f"lang_{ctx.language.code}"] = 1.0  # the model file says which languages have a weight
    if not rule and not f["prep_visit"] and not f["prep_origin"]:
        f["in_name"] = float(inside_name(s, p, ctx))
    return f


def inside_name(s: Sentence, p: Mention, ctx: Context) -> bool:
    """The place is one word of a longer proper name: a capitalised word stands right beside it,
    a single space between ("Tokyo Electric", "Real Madrid", "Bayern München", "Paris
    Saint-Germain", "Банка Москвы", "«Спартак Москва»"). A company, a club or a bank is named
    for its city; nobody travels to it. Read only where no preposition sends anyone to the place
    (the caller's test): "In Tokyo" and "nach Berlin" are prepositions, the capitalised word
    before them no part of a name. A word of the language's grammar (an article, a preposition:
    "The", "Die", "В") opening the sentence is no part of a name either."""
    text, lx = s.span.text, ctx.lx
    small = lx.determiners | lx.at | lx.origin | lx.genitives
    before = re.search(r"(\S+) $", text[: p.start])
    after = re.match(r" (\S+)", text[p.end :])
    for m in (before, after):
        if m is None or (m is before and m.group(1)[-1] in ".,;:!?"):
            continue  # a mark between two words ends a name ("Quito and Bogotá; Caracas, tomorrow")
        word = m.group(1).strip("«»\"“”„'.,;:!?")
        name = word[:1].isupper() and word.replace("-", "").isalpha()
        if name and word.lower() not in small and not _in_person(s, word):
            return True
    return False


def _in_person(s: Sentence, word: str) -> bool:
    """The word belongs to a person's name the sentence names: a name beside a place is two
    names, no organisation's."""
    return any(word in s.span.text[x.start : x.end].split() for x in s.persons)


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
        "speech_after": float(speaks_after(text, p.end, ctx, bare=role is None, start=p.start)),
        "source": float(source_before(text, p.start, ctx) or addressed_before(text, p, ctx)),
        "birthplace": float(birthplace(text, p, ctx)),
        "owned_title": float(owned_title_subject(s, p, ctx)),
        "talked_about": float(talked_about(s, p, ctx)),
        "possessive": float(possessive_after(text, p.end, ctx.lx)),
        "genitive": float(role is None and genitive_before(text, p, ctx)),
        "noun_attached": float(role is Role.VISIT and noun_attached(s, p, ctx)),
        "event_noun": float(event_noun(text, p, ctx)),
        "viewpoint": float(viewpoint(text, p, ctx)),
        "counterpart": float(counterpart_subject(s, p, ctx)),
        "invitation": float(invitation_only(s, p, ctx)),
        "distance": float(distance_from(text, p, ctx)),
        "listed": float(listed),
    }


def speaks_after(text: str, end: int, ctx: Context, bare: bool = False, start: int | None = None) -> bool:
    """The place is the subject of a speech verb ("Moscow said"), also when negations and the
    auxiliaries of a compound tense stand before the verb ("Washington has not commented", "Moscou
    n'a pas commenté", "Roma non ha commentato", "Washington no ha comentado"): its government
    speaks. Not the end of a clause a reporting clause follows ("... Tokyo, ha detto"). A ``bare``
    place (no preposition before it) that is told, informed or warned stands for its government
    the same way (:func:`told_after`); so does the subject of a clause whose verb ends it (from
    ``start``, :func:`speaks_at_clause_end`)."""
    if followed_by_speech(text, end, ctx):
        return True
    if start is not None and speaks_at_clause_end(text, start, end, ctx):
        return True
    lx, t = ctx.lx, ctx.tuning
    if re.match(r"\s*,", text[end:]):
        return False
    if bare and told_after(text, end, ctx):
        return True
    words = word_list(text[end : end + t.speech_window].lower())
    i = _time_words(words, 0, ctx)
    stop = i + t.speech_skip
    while i < min(len(words), stop) and words[i] in lx.negations:
        i += 1
    return 0 < i < len(words) and _speech_verb(words[i - 1], words[i], lx)


def speaks_at_clause_end(text: str, start: int, end: int, ctx: Context) -> bool:
    """The place is the subject of a clause whose verb ends it (after one of the pack's
    ``verb_final_after``: German "nachdem", "weil", "obwohl") and a speech verb is among the
    clause's last ``Tuning.clause_end_words`` words: "nachdem Moskau die geplanten Gespräche
    verurteilt hatte" speaks as "Moskau verurteilte die Gespräche" does."""
    lx = ctx.lx
    if not lx.verb_final_after:
        return False
    before = word_list(text[max(0, start - ctx.tuning.speech_window) : start].lower())
    if not before or before[-1] not in lx.verb_final_after:
        return False
    clause = re.split(r"[.;:!?,«»\"“”()]", text[end:])[0]
    return any(starts(w, lx.speech) for w in word_list(clause.lower())[-ctx.tuning.clause_end_words :])


def told_after(text: str, end: int, ctx: Context) -> bool:
    """The place is told of something: a participle of telling, informing, warning or consulting
    (the pack's ``told``) follows it in its clause within ``Tuning.told_words`` words, after an
    auxiliary of the passive or the perfect (``told_auxiliaries``: "Moscow had been told of the
    trip", "Paris a été prévenu", "Berlin wurde vorab informiert", "Madrid fue informado", "Roma è
    stata avvertita", "Brasília foi avisada"); in a language that tells the told place by its case,
    the verb alone ("Москву заранее уведомили"). A government is told, as it speaks: the capital
    or country stands for it, and is no stop."""
    lx = ctx.lx
    if not lx.told:
        return False
    clause = re.split(r"[.;:!?,«»\"“”()]", text[end : end + ctx.tuning.speech_window * 2])[0]
    words = word_list(clause.lower())[: ctx.tuning.told_words]
    for j, w in enumerate(words):
        if starts(w, lx.told):
            return not lx.told_auxiliaries or any(a in lx.told_auxiliaries for a in words[:j])
    return False


def _time_words(words: list[str], i: int, ctx: Context) -> int:
    """The index after the time words at ``words[i]`` ("on Sunday", "am Sonntag", "el domingo",
    "в воскресенье", "domenica"): a weekday or a relative day, with the preposition or article
    before it; at most ``Tuning.speech_time_skip`` words."""
    lx = ctx.lx
    k = i
    while k < len(words) and k - i < ctx.tuning.speech_time_skip:
        if _time_word(words[k], lx):
            k += 1
            i = k
        elif k + 1 < len(words) and _time_word(words[k + 1], lx):
            k += 1  # the preposition or article of the time word ("on", "am", "el", "в")
        else:
            break
    return i


def _time_word(word: str, lx: Lexicon) -> bool:
    """A weekday or a relative day ("sunday", "yesterday", "вчера")."""
    return word in lx.weekdays or word in lx.relative


def source_before(text: str, start: int, ctx: Context) -> bool:
    """The place follows a phrase naming the source of a statement ("according to Moscow",
    "selon l'Élysée", "laut Kreml", "по данным Кремля"): its government speaks, no stop."""
    lx = ctx.lx
    if not lx.sources:
        return False
    words = word_list(text[max(0, start - ctx.tuning.speech_window) : start].lower())
    while words and (words[-1] in lx.determiners or words[-1] in lx.elisions):
        words.pop()
    tail = " ".join(words)
    return any(tail == src or tail.endswith(" " + src) for src in lx.sources)


def addressed_before(text: str, p: Mention, ctx: Context) -> bool:
    """The place is whom a statement is aimed at: right after a verb of saying, criticising or
    warning (the pack's ``speech``), of telling (``told``) or of taking a side (``stance_verbs``,
    never a travel verb), determiners and, in Spanish, the personal "a" (``addressee_preps``) at
    most between ("warned Moscow", "kritisierte er Moskau", "criticó a Estados Unidos", "apoyó a
    Ucrania", "apoiou a Ucrânia", "уведомили Москву"); or whom something is agreed with, a partner
    (:func:`partner_of`): its government, as the source of a statement is, no stop. In its clause
    only, and never after a locative."""
    lx = ctx.lx
    head = re.split(r"[.;:!?,«»\"“”()]", text[max(0, p.start - ctx.tuning.speech_window) : p.start])[-1]
    words = word_list(head.lower())
    while words and (words[-1] in lx.determiners or words[-1] in lx.elisions):
        words.pop()
    if words and words[-1] in lx.partner_preps:
        return partner_of(words[:-1], text, p, ctx)
    if words and words[-1] in lx.addressee_preps:
        words.pop()
    if len(words) >= 2 and words[-1] in lx.subject_pronouns:
        words.pop()  # "kritisierte er Moskau": the subject after its verb
    if not words:
        return False
    last = words[-1]
    if starts(last, lx.stance_verbs) and not is_travel(last, ctx):
        return True  # "apoyó a Ucrania": the personal "a" of a direct object, not "to"
    return starts(last, lx.told) or _speech_verb(words[-2] if len(words) > 1 else "", last, lx)


def partner_of(before: list[str], text: str, p: Mention, ctx: Context) -> bool:
    """The place after a partner preposition (the pack's ``partner_preps``: "with", "mit", "с")
    is whom something is agreed with: a noun or participle of consulting, coordinating or
    negotiating (``consulting``) stands in its clause, within ``Tuning.partner_words`` words before
    the preposition ("talks with Moscow", "had been coordinated with Berlin", "en concertation avec
    Paris", "переговоров с Москвой"), or after the place where the verb ends the clause ("mit
    Berlin abgestimmt"). A capital consulted stands for its government, as a told one does; "talks
    with Washington in Geneva" keeps Geneva, after its own preposition."""
    lx = ctx.lx
    if any(starts(w, lx.consulting) for w in before[-ctx.tuning.partner_words :]):
        return True
    clause = re.split(r"[.;:!?,«»\"“”()]", text[p.end : p.end + ctx.tuning.speech_window * 2])[0]
    return any(starts(w, lx.consulting) for w in word_list(clause.lower()))


def birthplace(text: str, p: Mention, ctx: Context) -> bool:
    """A word of birth introduces the place ("born in Marseille", "né à Marseille", "nata a
    Torino", "nacida en Sevilla", "уроженец Гомеля") or follows it ("in Odessa geborene"): a
    person's birthplace, no stop. A word of residence or origin reads the same way ("a diplomat
    based in Brussels", "the Glasgow native", "originaire de Marseille", "in Leipzig lebende",
    "radicado em Bruxelas", "живущий в Брюсселе"): where a person lives is no more their stop."""
    lx = ctx.lx
    marks = lx.births | lx.residences
    if not marks:
        return False
    words = word_list(text[max(0, p.start - ctx.tuning.genitive_window) : p.start].lower())
    while words and (words[-1] in lx.determiners or words[-1] in lx.elisions):
        words.pop()
    if words and (words[-1] in lx.at or words[-1] in lx.genitives or words[-1] in lx.origin):
        words.pop()
    if words and words[-1] in marks:
        return True
    after = word_list(text[p.end : p.end + ctx.tuning.genitive_window].lower())
    return bool(after) and after[0] in marks


def distance_from(text: str, p: Mention, ctx: Context) -> bool:
    """A distance is measured from the place: a number, a unit of distance, at most a few words
    of direction and a word of measuring from just before it ("some 600 km from Abidjan", "à
    quelque 600 km d'Abidjan", "rund 600 Kilometer von Abidjan entfernt", "a circa 600
    chilometri da Abidjan", "в 600 километрах от Абиджана", "600 km north of Abidjan"): the
    place locates another one. "Drove 600 km to Abidjan" has no word of measuring from."""
    lx, t = ctx.lx, ctx.tuning
    if not lx.distances:
        return False
    before = text[max(0, p.start - 2 * t.genitive_window) : p.start].lower()
    found = list(re.finditer(r"\d[\d.,\s]*\s*([^\W\d_]+)", before))
    if not found or found[-1].group(1) not in lx.distances:
        return False
    words = re.findall(r"[^\W\d_]+'?", before[found[-1].end() :])
    if len(words) > t.owned_title_gap:
        return False
    while words and words[-1] not in lx.distance_from and words[-1] in lx.determiners:
        words.pop()  # "600 km from the", but "d'" is both
    return bool(words) and words[-1] in lx.distance_from


def invitation_only(s: Sentence, p: Mention, ctx: Context) -> bool:
    """An invitation extended or received, not accepted, sends nobody to the place ("Zelensky
    invited Lula to visit Kyiv", "Zelensky a invité Macron à se rendre à Kiev", "Ruto received
    an invitation to visit London", "convidou Lula a visitar Kiev"): the rules read it as at most
    planned (:func:`itinerary.extract.steps.status.invited`); no verb of accepting stands in the
    place's clause before it ("accepted an invitation to visit Kyiv" is a planned trip)."""
    lx, text = ctx.lx, s.span.text
    nxt = min((q.start for q in s.places if q.start >= p.end), default=len(text))
    if not invited(s, p, nxt, ctx):
        return False
    cut = max(text.rfind(c, 0, p.start) for c in ",;:.!?") + 1
    return not any(starts(w.lower(), lx.accepting) for w in word_list(text[cut:nxt]))


def counterpart_subject(s: Sentence, p: Mention, ctx: Context) -> bool:
    """The place's clause opens on a possessive and the noun of a counterpart, no name in it ("His
    Japanese counterpart will travel to London in June", "Son homologue japonais se rendra à
    Paris", "Sein japanischer Amtskollege wird nach Berlin reisen", "Его японский коллега
    посетит Москву"): the subject is the host, named by office, not the traveller the possessive
    points back to. Only determiners and joiners may stand before the possessive: "Macron et son
    homologue", "avec son homologue" make the traveller one of the subjects."""
    lx, text = ctx.lx, s.span.text
    if not lx.counterparts or not lx.owners:
        return False
    # the clause starts after the place before (not a possessive read as a village: "Son")
    start = max((q.end for q in s.places if q.end <= p.start and q.text.lower() not in lx.owners), default=0)
    if any(start <= q.start < p.start for q in s.persons):
        return False
    words = [w.lower() for w in word_list(text[start : p.start])]
    for i, w in enumerate(words):
        if w in lx.determiners or w in lx.list_joiners:
            continue
        if w not in lx.owners:
            return False
        return any(starts(x, lx.counterparts) for x in words[i + 1 : i + 1 + ctx.tuning.owned_title_gap])
    return False


def viewpoint(text: str, p: Mention, ctx: Context) -> bool:
    """A preposition of a point of view opens the sentence, the place and a comma after it ("For
    Washington, the visit is a warning", "Pour Londres, la visite est un signal", "Para Argel, el
    viaje es una provocación"), or a clause after a semicolon, or after a comma and a joiner when
    the sentence opened the same way ("...; for Moscow, a provocation", "..., et pour Pékin, une
    menace"): whose view is told, no destination, though "pour", "para" and "per" also send
    travellers ("part pour Londres")."""
    lx = ctx.lx
    if not lx.viewpoints or not re.match(r"\s*[,;:—–]", text[p.end :]):
        return False
    head = text[: p.start]
    seps = list(re.finditer(r"[;,]", head))
    words = word_list(head[seps[-1].end() if seps else 0 :].lower())
    while words and (words[-1] in lx.determiners or words[-1] in lx.elisions):
        words.pop()
    if not words or words[-1] not in lx.viewpoints:
        return False
    lead = words[:-1]
    opened = word_list(head.lower())[:1] == words[-1:] and bool(seps)  # "For X, ...; for Y"
    if not lead:
        return not seps or seps[-1].group() == ";" or opened
    return len(lead) == 1 and lead[0] in lx.list_joiners and opened


def talked_about(s: Sentence, p: Mention, ctx: Context) -> bool:
    """The place's clause opens on a travel noun and a verb of talking stands beside the place,
    with no person named in the clause ("The visit was not discussed in Brussels", "Cette visite
    n'a pas été évoquée à Bruxelles", "Über die Reise wurde in Brüssel nicht gesprochen", "Визит
    не обсуждался в Брюсселе"): the place is where the trip was talked about, not where it went.
    The clause runs from the place or the comma before (or the sentence's start: "According to
    the Kremlin, the visit was not discussed in Moscow") to the place; the verb stands
    just before the place's preposition, or just after the place (negations between); the place
    does not complement the travel noun ("Визит в Пекин обсуждался": the trip goes there)."""
    lx, t, text = ctx.lx, ctx.tuning, s.span.text
    if not lx.talk:
        return False
    start = max((q.end for q in s.places if q.end <= p.start), default=0)
    start = max(start, text.rfind(",", start, p.start) + 1)
    if any(start <= q.start < p.start for q in s.persons):
        return False
    head = [w.lower() for w in word_list(text[start : p.start])]
    opening = [w for w in head if w not in lx.determiners][: t.talk_opening_words]
    if not any(is_travel(w, ctx) for w in opening):
        return False
    if len(head) > 1 and head[-1] in lx.at and is_travel(head[-2], ctx):
        return False
    before = head[:-1] if head and head[-1] in lx.at else []
    while before and before[-1] in lx.negations:
        before.pop()
    after = [w.lower() for w in word_list(text[p.end : p.end + t.speech_window])]
    while after and after[0] in lx.negations:
        after.pop(0)
    return any(starts(w, lx.talk) for w in (before[-1:] + after[:1]))


#: a year of four digits (1800-2099)
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


def past_time_near(s: Sentence, p: Mention, ctx: Context) -> bool:
    """A year before the publication's, or a date more than ``Tuning.past_days`` before it, is
    written beside the place with no other place between ("a summit in Osaka in 2019", "hatte
    Kasachstan zuletzt 2016 besucht", "в Осаке в 2019 году"): the place belongs to another time
    than the news (a background event or an earlier visit)."""
    published, t = ctx.published, ctx.tuning
    if published is None:
        return False
    text = s.span.text
    lo, hi = max(0, p.start - t.past_window), min(len(text), p.end + t.past_window)
    others = [(q.start, q.end) for q in s.places if q is not p]
    spans: list[tuple[int, int]] = [
        (m.start() + lo, m.end() + lo) for m in _YEAR.finditer(text[lo:hi]) if int(m.group()) < published.year
    ]
    spans += [
        (h.start, h.end)
        for h in s.dates
        if h.span is not None and h.span.end and (published - h.span.end).days > t.past_days
    ]
    for a, b in spans:
        if b <= p.start and a >= lo:
            gap = (b, p.start)
        elif a >= p.end and b <= hi:
            gap = (p.end, a)
        else:
            continue
        if not any(gap[0] <= qa and qb <= gap[1] for qa, qb in others):
            return True
    return False


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
    if first and DATELINE_AFTER_PLACE.match(text[p.end : p.end + t.dateline_tail]):
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
    after = [q.record for q, _ in reading.stops if q.record is not None and q.start > end.start()]
    if any(r.country_code != code for r in after):
        return True
    return p.record is not None and bool(after) and all(_other_place(p.record, r, t) for r in after)


def _other_place(here: Record, there: Record, t: Tuning) -> bool:
    """``there`` is another place than ``here``: not it, not its country or a region of its
    country, farther than ``Tuning.dateline_same_km`` (a landmark or district of the city)."""
    if there.id == here.id or (
        there.kind in ("country", "region") and there.country_code == here.country_code
    ):
        return False
    return haversine_km(here.lat, here.lon, there.lat, there.lon) > t.dateline_same_km


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


#: a word before a place: its text and whether only spaces part it from what follows it
_WORD = re.compile(r"[^\W\d_][\w'-]*")


def event_noun(text: str, p: Mention, ctx: Context) -> bool:
    """The place complements a noun of an event, a topic or a recipient (the pack's
    ``event_nouns``): "the war in Ukraine", "aid for Kyiv", "ammunition to Kyiv" (arms sent, as
    aid, have the place as their recipient), "la situation à Gaza", "der Krieg in der Ukraine",
    "помощь Киеву", "поставки оружия Украине" (no preposition: the case tells), "Ukraine aid"
    (before the noun, as a modifier, when no preposition of place comes before it: "hat in Kiew
    Hilfe zugesagt" keeps Kyiv). Such a place says where something else happens or whom it is for, not where a
    traveller goes, whatever travel word the sentence has. Only determiners, one preposition and,
    where adjectives follow their noun, one more word stand between the noun and the place, with
    no punctuation: "after the war, Kyiv said" keeps Kyiv."""
    lx = ctx.lx
    if not lx.event_nouns:
        return False
    head = text[max(0, p.start - ctx.tuning.verb_window) : p.start]
    words = list(_WORD.finditer(head))
    lead = [w.group().lower() for w in words if w.group().lower() not in lx.determiners][-1:]
    after = re.match(r"[ \t]+([^\W\d_][\w'-]*)", text[p.end :])
    if after and _noun_of_event(after.group(1), lx) and not (lead and lead[0] in lx.at):
        return True  # "Ukraine aid"; not "hat in Kiew Hilfe zugesagt", where the place is a stop
    preps = lx.at | lx.event_preps
    i, seen_prep, between, origin = len(words) - 1, False, 0, False
    end = len(head)
    while i >= 0:
        w = words[i]
        if re.search(r"[^\w\s'-]", head[w.end() : end]):
            return False  # punctuation parts the word from what follows
        said = w.group()
        said = said.rsplit("'", 1)[-1] if "'" in said[:-1] else said  # "l'aide": the noun
        word, bare = w.group().lower(), said.lower()
        if (_event_word(said, lx) or (not seen_prep and starts(bare, lx.stance_nouns))) and not origin:
            return True  # "позицию Китая", "die Haltung Chinas": the case tells the genitive
        if _traffic_word(said, lx):
            return True  # "flights to Tehran", "Flüge aus Moskau": traffic goes there and back
        if word in lx.determiners or bare in lx.determiners:
            pass
        elif not seen_prep and (word in preps or bare in preps):
            seen_prep = True
        elif not seen_prep and word in lx.origin:
            seen_prep, origin = True, True  # "flights from Moscow": only traffic comes from it
        elif not seen_prep and (word in lx.genitives or bare in lx.genitives):
            # "the role of China", "la position de la Chine": only a noun of stance owns it
            return _stance_before(words[: i + 1], head, lx)
        elif seen_prep and lx.adjectives_after and not between and word.islower():
            between = 1  # "l'aide militaire à Kiev": the adjective after its noun
        else:
            return False
        end, i = w.start(), i - 1
    return False


def _stance_before(words: list[re.Match[str]], head: str, lx: Lexicon) -> bool:
    """The noun before the genitive preposition ``words[-1]``, determiners between and no
    punctuation, is a noun of stance (the pack's ``stance_nouns``): a place in its genitive is
    whose stance is spoken of, a topic."""
    end = words[-1].start()
    for w in reversed(words[:-1]):
        if re.search(r"[^\w\s'-]", head[w.end() : end]):
            return False
        low = w.group().lower()
        if low not in lx.determiners:
            return starts(low, lx.stance_nouns)
        end = w.start()
    return False


def _noun_of_event(word: str, lx: Lexicon) -> bool:
    """A noun of an event or topic, or of traffic (:func:`_event_word`, :func:`_traffic_word`)."""
    return _event_word(word, lx) or _traffic_word(word, lx)


def _traffic_word(word: str, lx: Lexicon) -> bool:
    """A noun of the pack's ``traffic`` ("flights", "vols", "рейсы"): the whole word, or where
    nouns are compounded the end of one ("Linienflüge", "Luftraums": an inflection at most after
    it). Traffic to or from a place is nobody's trip."""
    low = word.lower()
    if not lx.nouns_capitalised:
        return low in lx.traffic
    return any(0 <= len(low) - low.rfind(n) - len(n) <= 1 for n in lx.traffic if n in low)


def _event_word(word: str, lx: Lexicon) -> bool:
    """A noun of an event or topic of the pack, by its beginning (a whole word for an entry that
    ends in "="). Where nouns are compounded (German), the noun itself or the end of a compound,
    with at most an inflection after it ("Krieges", "Militärhilfe", "Sanktionen"): "Krisengebiet"
    is an area, somewhere a traveller goes."""
    low = word.lower()
    if not lx.nouns_capitalised:
        return starts(low, lx.event_nouns)
    for n in lx.event_nouns:
        stem = n.rstrip("=")
        at = low.rfind(stem)
        rest = len(low) - at - len(stem)
        if at >= 0 and rest <= (0 if n.endswith("=") else 2) and (at == 0 or at > 2):
            return True
    return False


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


def article_features(
    d: Candidate, main: str | None, lede: Sequence[Candidate], t: Tuning, drafts: Sequence[Candidate] = ()
) -> dict[str, float]:
    """The features of a candidate that read the whole article: ``main`` is the article's main
    traveller, ``lede`` the rule stops of its headline and lede, ``drafts`` every candidate."""
    other = other_traveller(d, main)
    return {
        "other_traveller": float(other),
        "other_beside_main": float(other and beside_main(d, main, drafts)),
        "dateline_other_place": float(dateline_other_place(d, lede, t)),
    }


def other_traveller(d: Candidate, main: str | None) -> bool:
    """The sentence names another person than the article's main traveller as the one at the
    place ("a week after Macron visited Algiers" in an article on Sánchez's trip), and the main
    traveller is not among the persons who go there with them."""
    if main is None or d.traveller is None or not d.explicit_traveller:
        return False
    return not any(_same_person(main, who) for who in (d.traveller, *d.companions))


def beside_main(d: Candidate, main: str | None, drafts: Sequence[Candidate]) -> bool:
    """Another place of the candidate's sentence is a rule stop of the main traveller ("Sánchez
    arrived in Rabat, a week after Macron visited Algiers"): the sentence sets another person's
    trip beside the main one, to date or compare it."""
    r = d.place.record
    return main is not None and any(
        q is not d
        and q.rule
        and q.features.get("position") == d.features.get("position")
        and q.sentence == d.sentence
        and q.traveller is not None
        and _same_person(q.traveller, main)
        and q.place.record is not None
        and (r is None or q.place.record.id != r.id)
        for q in drafts
    )


def _same_person(a: str, b: str) -> bool:
    """Two names of one person: the last word of one is a word of the other ("Sánchez", "Pedro
    Sánchez")."""
    wa, wb = a.lower().split(), b.lower().split()
    return bool(wa and wb) and (wa[-1] in wb or wb[-1] in wa)


def dateline_other_place(d: Candidate, lede: Sequence[Candidate], t: Tuning) -> bool:
    """The candidate is the dateline, and the headline and lede put the traveller at other places,
    none of them the dateline's place nor its country or a region of it ("MOSCOW (Reuters) -
    Putin arrived in Vladivostok"): the dateline is where the report was written."""
    r = d.place.record
    if r is None or not d.features.get("dateline"):
        return False
    others = [q.place.record for q in lede if q is not d and q.place.record is not None]
    if not others:
        return False
    return all(_other_place(r, q, t) for q in others)


def long_before(d: Candidate, published: dt.date | None, days: int) -> bool:
    """The candidate is a visit of another time than the article's: dated more than ``days``
    (``Tuning.background_days``) before the article published on ``published`` ("in 2023 Lula
    had visited Madrid"), or done in a month or a year that ended before the publication's month
    ("had travelled to Port Moresby last year", "war im vergangenen Oktober in Neu-Delhi", "had
    visited Washington in February"): news tells its own trip by its days, a period of the past is
    what a speech, a call or an obituary recalls. The assembly drops it as background; recalled
    in an article on a call or a speech, it is no trip of the article, nor its traveller the
    article's."""
    date = d.date
    if not (published and date and date.end):
        return False
    if (published - date.end).days > days:
        return True
    return (
        d.status is Status.CONFIRMED
        and date.precision in (Precision.MONTH, Precision.YEAR)
        and date.end < published.replace(day=1)
    )
