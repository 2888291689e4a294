"""Words that carry travel, tense and time in the languages we read.

Every entry is a lower-case word or word prefix (``"arriv"`` matches *arrivé*, *arrives*);
patterns are matched against a token's lower-cased text at word start (:func:`starts`; ``=``
makes one a whole word). An entry of several words is a phrase, found where a word starts and
ending where a word ends, unless the pack declares its last word a stem (:class:`Stem`); every
test of a phrase goes through :func:`phrase_spans`. Nothing here is written for one article:
each list is the ordinary vocabulary of news about official trips.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache


@dataclass(frozen=True)
class Lexicon:
    """The cue words of one language."""

    lang: str
    # Verbs and nouns of travel: a place near one of these may be a stop.
    travel: tuple[str, ...]
    # Prepositions before a place where the traveller is or goes ("à", "in", "nach", "в").
    at: frozenset[str]
    # Prepositions before a place the traveller leaves ("from", "aus", "из").
    origin: frozenset[str]
    # Verbs whose direct object is a place the traveller is at or goes to ("visit", "quitter").
    visit_verbs: tuple[str, ...]
    # Words that make what follows planned: future, conditional, schedules, invitations.
    planned: tuple[str, ...]
    # Words that make a stop cancelled or postponed.
    cancelled: tuple[str, ...]
    # Verbs of saying: a place that is their subject speaks for its government (metonymy).
    speech: tuple[str, ...]
    # Words after which a capitalised name is a news outlet, not a place.
    outlet: tuple[str, ...]
    # Titles and honorifics dropped from a person's name.
    titles: frozenset[str]
    # Determiners skipped when looking at the word before a place.
    determiners: frozenset[str]
    # Words of "with" (a person after them is a companion or host, not the traveller).
    with_: frozenset[str]
    months: dict[str, int] = field(default_factory=dict)
    # Abbreviations of months that are also words of the language ("mar", the sea, for "marzo"):
    # a month only right after a day's number ("16 mar (EFE)"), never alone ("en mar abierto").
    day_months: dict[str, int] = field(default_factory=dict)
    weekdays: dict[str, int] = field(default_factory=dict)
    # Relative days: word -> offset from the publication date.
    relative: dict[str, int] = field(default_factory=dict)
    # Words that push a weekday forward ("next Wednesday", "mercredi prochain").
    next_words: frozenset[str] = frozenset()
    # Prepositions that introduce a month or a year ("en octobre", "in 2019").
    period_preps: frozenset[str] = frozenset()
    # Prepositions of a schedule before a month (not a year: "for 2000 families" is a number):
    # "planned for April", "prevista para abril", "запланирован на апрель".
    plan_preps: frozenset[str] = frozenset()
    # Multi-word prepositions of direction ("en direction de", "on to", "rumbo a").
    toward: tuple[str, ...] = ()
    # Multi-word phrases of provenance before the place the traveller comes from, where the
    # language's plain "of" also means "from" ("en provenance de", "procedente de", "vindo de").
    from_phrases: tuple[str, ...] = ()
    # Personal pronouns that stand as a subject: one may follow its verb and stand before the
    # verb's object ("Während der Reise besuchte sie Accra").
    subject_pronouns: frozenset[str] = frozenset()
    # Verbs of meeting: the person after them is the host, not the traveller ("a rencontré Poutine").
    meet: tuple[str, ...] = ()
    # Departure words: a place they lead to is not reached yet ("left for", "отправился в"),
    # unless an arrival word comes between them and the place.
    departure: tuple[str, ...] = ()
    # Relative-day words that mean a time of day after some words ("am Morgen", "de la mañana"):
    # word -> regular expression the text just before it matches.
    time_of_day: dict[str, str] = field(default_factory=dict)
    arrival: tuple[str, ...] = ()
    # Verb endings of the future tense, for languages without a tagger ("llevará", "visitará").
    future_endings: tuple[str, ...] = ()
    # Dictionary forms (lemmas) of travel verbs and nouns: any inflected form counts, through the
    # pack's table of forms (``lang/forms/<code>.json``, built from simplemma by
    # scripts/build_lemma_forms.py): "reisen" covers reist, reiste, gereist, weiterzureisen.
    travel_lemmas: frozenset[str] = frozenset()
    # Separable verb particles: "reist ... weiter" is weiterreisen, "trifft ... ein" eintreffen.
    particles: frozenset[str] = frozenset()
    # Travel nouns that end a compound ("Ostafrikareise", "Antrittsbesuch", "Rückflug").
    compound_heads: tuple[str, ...] = ()
    # Nouns of places that stand between a preposition and a name ("in der Hauptstadt Duschanbe",
    # "на станцию Хасан"); matched at word start, and at word end for compounds ("Hafenstadt").
    place_nouns: tuple[str, ...] = ()
    # Verbs of a visit's end ("the visit ends on Friday", "A visita termina na sexta-feira"): the
    # date after one closes the stay where the news finds the traveller.
    visit_ends: tuple[str, ...] = ()
    # Adjective endings: lower-case adjectives between a preposition and a name are skipped ("im
    # saudischen Dschidda", "in die tadschikische Hauptstadt"); a capitalised word with one of the
    # endings of four letters or more before a name makes both an organisation's name.
    adjective_endings: tuple[str, ...] = ()
    # Nouns of a place a trip passes (a border, a platform, a station): a place after a preposition
    # that belongs to one is where the trip passes ("crossed the border at Nogales", "crowds lined
    # the platform in Tumen"), where another noun makes it the place of something else.
    transit_nouns: tuple[str, ...] = ()
    # Words of the means of travel, by mode ("rail", "air", "road", "sea": the values of
    # :class:`itinerary.vocab.Mode`), matched at word start ("=" for a whole word) or as phrases:
    # the mode word nearest a stop in its sentence is how the traveller reached it
    # ("arrived in Vladivostok by armoured train", "im Sonderzug nach Moskau").
    modes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Nouns of a stop in a trip: a place they are equated with is a stop ("Erste Station ist
    # Usbekistan", "the next stop will be Hanoi").
    stop_nouns: tuple[str, ...] = ()
    # Forms of "to be" that equate a stop noun with a place.
    copulas: frozenset[str] = frozenset()
    # Words that end a compound like a travel noun but are none ("Delegationskreise").
    compound_not: tuple[str, ...] = ()
    # Word pairs of an unreal past: a stop in such a clause did not happen ("wären ... gewesen").
    irrealis: tuple[tuple[str, str], ...] = ()
    # Verbs of hosting in the active voice ("hosted", "a accueilli", "empfing", "acogió"): their
    # subject is at home, so the place where it hosts is no stop of theirs (a passive, after a
    # copula or "been"/"été"/"stato", is the guest's).
    hosting: tuple[str, ...] = ()
    # Verbs of receiving a guest in the active voice ("received", "a reçu", "begrüßte",
    # "recibió", "принял"): with the hosting verbs, a person named as their object in the place's
    # clause is a guest who came there ("Ruto received Lula in Nairobi": Lula's stop).
    receiving: tuple[str, ...] = ()
    # Words of a talk at a distance (a telephone or video call): nobody travels for one.
    calls: tuple[str, ...] = ()
    # A trip denied in the future ("will not travel", "non andrà", "не поедет"): cancels the
    # place after the phrase only (in "arrived in Lima but will not travel to Quito", not Lima).
    denied: tuple[str, ...] = ()
    # Verbs of inviting: a place after one in its clause is where someone is invited, no stop
    # ("invited Lula to visit Kyiv", "convidou Lula a visitar Kiev").
    invitations: tuple[str, ...] = ()
    # Forms of "invited" that close their clause after the place ("hat ihn nach Kiew eingeladen"):
    # an invitation is no trip.
    invitation_final: tuple[str, ...] = ()
    # Nouns of weapons that travel without anyone aboard ("missiles", "Raketen", "ракеты"): a place
    # they reach ("i missili hanno raggiunto Tel Aviv") is nobody's stop.
    projectiles: tuple[str, ...] = ()
    # Plurals of travel nouns that name traffic, not one person's trip ("Flüge aus Russland"), and
    # nouns of air space; matched at word end where nouns compound ("Linienflüge"), else whole. A
    # place they lead to or from ("flights to Tehran", "les vols vers Caracas", "рейсы в Стамбул")
    # is where traffic goes, nobody's stop (with the event nouns, see features.event_noun).
    traffic: tuple[str, ...] = ()
    # Words after a person that make the next person a fellow traveller ("accompanied by",
    # "accompagnato da", "в сопровождении"): both travel.
    accompanied: tuple[str, ...] = ()
    # Plural phrases that stand for persons named together before ("the three leaders", "i tre
    # leader", "les deux présidents", "оба лидера"): the subject of a trip is all of them.
    groups: tuple[str, ...] = ()
    # Endings of lower-case nationality adjectives written between a title and a name ("il
    # presidente angolano João Lourenço", "o presidente angolano", "le président ivoirien").
    nationality_endings: tuple[str, ...] = ()
    # Negations and the auxiliaries of a compound tense that stand between a subject and its verb
    # ("has not", "n'a pas", "no ha", "non ha", "не"): a place they follow may still be the subject
    # of a speech verb ("Washington has not commented": its government, not a stop).
    negations: frozenset[str] = frozenset()
    # Words that negate a verb ("not", "ne"/"pas", "nicht", "no", "non", "não", "не"): a trip verb
    # they negate was not made ("did not travel to", "ne s'est pas rendu à", "reiste nicht nach").
    negation_words: frozenset[str] = frozenset()
    # Adverbs that make a negation "not yet" ("yet", "encore", "noch", "todavía", "ancora", "ainda",
    # "ещё"): the trip is still to come, not called off.
    yet_words: frozenset[str] = frozenset()
    # Adverbs that make a negation "not only" ("only", "seulement", "nur", "sólo", "solo", "só",
    # "только"): it negates nothing about the trip.
    only_words: frozenset[str] = frozenset()
    # Conjunctions that open a reported or complement clause ("that", "que", "dass", "che", "что"):
    # the words after the last of them before a place are its own clause, whose tense tells its
    # status ("dijo que visitaría Varsovia": planned, whatever the tense of "dijo").
    complementizers: frozenset[str] = frozenset()
    # The forms of the verb of possibility that tell no trip made ("could", "may", "might", "can";
    # "peut", "puede", "pode", "può", "kann", "может"; not their past: "a pu se rendre", "pudo
    # viajar", "konnte reisen" tell a trip made): "could visit Caracas" is a trip that may be.
    possibility: frozenset[str] = frozenset()
    # Stems of verbs of deciding and announcing that a seat of power takes as its subject ("das
    # Kanzleramt hatte gestrichen", "l'Élysée a annoncé", "el Kremlin confirmó"): it speaks for
    # its government, no stop and no mention of its city (with the speech words).
    decisions: tuple[str, ...] = ()
    # Phrases that name the source of a statement ("according to", "selon", "laut", "по данным"):
    # a place right after one speaks for its government ("according to Moscow"), no stop.
    sources: tuple[str, ...] = ()
    # Possessive determiners of the third person ("his", "son", "sein", "su", "suo", "seu", "его"):
    # a title they open with no name after it ("his foreign minister") is another person than
    # the one they point back to, not a traveller the article follows.
    owners: frozenset[str] = frozenset()
    # Words of birth ("born", "né", "geboren", "nacido", "nato", "nascido", "родился", "уроженец"):
    # a place they introduce ("born in Marseille", "in Odessa geboren") is where a person was born.
    births: frozenset[str] = frozenset()
    # Stems of verbs of talking about something ("discussed", "évoqu", "besprochen", "обсужда"):
    # with a travel noun opening their clause ("the visit was not discussed in Brussels"), the
    # place beside them is where the trip was talked about, not where it went.
    talk: tuple[str, ...] = ()
    # --- grammar and script facts the extractor reads (each defaults to "the language has none")
    # The subject may follow its verb in a plain statement ("A Kiev è arrivato il presidente
    # romeno", "Llegó a Bogotá el rey", "В Киев прибыл президент").
    subject_after_verb: bool = False
    # Elided articles and prepositions written onto the next word ("l'", "d'").
    elisions: tuple[str, ...] = ()
    # Possessive endings: a place with one qualifies a person or thing ("Russia's").
    possessives: tuple[str, ...] = ()
    # Prepositions of a genitive ("of", "de", "von"): a place after one complements a noun.
    genitives: frozenset[str] = frozenset()
    # Words between a travel noun and the person it names ("la visite du pape", "the visit of the").
    person_links: frozenset[str] = frozenset()
    # Words that join a kind word to a name ("spatioport de Vostochny", "centre of").
    kind_joiners: frozenset[str] = frozenset()
    # Words that join the items of a list ("and", "et", "puis").
    list_joiners: frozenset[str] = frozenset()
    # Endings of capitalised demonyms between a preposition and a name ("in the Jordanian capital").
    demonym_endings: tuple[str, ...] = ()
    # Auxiliaries of the future the tagger does not mark ("will", "'ll").
    future_auxiliaries: frozenset[str] = frozenset()
    # Stems of the participles of verbs whose perfect is built with "to be" ("il est arrivé"): a
    # tagger may read that perfect as a passive.
    be_perfect: tuple[str, ...] = ()
    # Auxiliaries of the perfect the tagger leaves as a plain dependency ("has arrived").
    perfect_auxiliaries: frozenset[str] = frozenset()
    # The recogniser's LOC label means natural features (seas, mountains), not towns.
    loc_is_natural: bool = False
    # A day is written after its month ("June 20"), not only before it ("20 June").
    month_before_day: bool = False
    # Nouns are written with a capital: a capitalised word before a preposition is a noun.
    nouns_capitalised: bool = False
    # --- dates (see :mod:`itinerary.extract.dates`)
    # Words that join the two ends of a range of days ("du 3 au 5 mars", "June 3 to 5", "3 bis 5").
    range_joiners: tuple[str, ...] = ()
    # Endings written after a day's number ("1er", "3rd", "3.", "3º").
    ordinal_suffixes: tuple[str, ...] = ()
    # Words between a day, its month and its year ("3 de marzo de 2024").
    date_links: tuple[str, ...] = ()
    # Words just before a year ("l'an 2019") and just after one ("в 2019 году").
    year_before: tuple[str, ...] = ()
    year_after: tuple[str, ...] = ()
    # Demonstratives before a weekday that mean the one of the current week ("ce lundi", "this Monday").
    this: tuple[str, ...] = ()
    # Phrases counted in days from the date they refer to (the date just before them in the
    # text, else the publication date): "the day after" +1, "la veille" -1, "am Tag darauf" +1.
    anchored: dict[str, int] = field(default_factory=dict)
    # Phrases for the day last told in the article ("the same day", "le même jour", "am selben Tag";
    # the night with no day of its own: "spent the night in Lobito", "a noite será passada no Lobito").
    same_day: tuple[str, ...] = ()
    # Words after an anchored phrase that tie it to an event, not a date ("la veille du sommet").
    of: frozenset[str] = frozenset()
    # Words before the last day of a stay ("until", "jusqu'au", "bis zum", "hasta el", "до").
    until: tuple[str, ...] = ()
    # Periods that name no day ("last week", "la semaine dernière", "в следующем месяце"): a
    # stop told with one is no stop where the news finds the traveller today.
    vague_periods: tuple[str, ...] = ()
    # Phrases naming the year before the publication's ("last year", "l'an dernier", "в прошлом
    # году"), with the forms that follow a month ("in May last year", "en mai de l'année
    # dernière", "в мае прошлого года"): a date, so a visit told with one is background.
    past_years: tuple[str, ...] = ()
    # Phrases making a month the last of its name before the publication's month, ``{m}`` standing
    # for the month ("last {m}", "{m} dernier", "im vergangenen {m}", "el pasado mes de {m}").
    past_months: tuple[str, ...] = ()
    # Phrases counting back from the publication, each with the months of its unit, ``{n}`` standing
    # for a number ("a year ago", "{n} months ago", "il y a {n} ans", "vor einem Jahr", "год
    # назад"): the month they count back to dates a visit of another time.
    ago: tuple[tuple[str, int], ...] = ()
    # Words before a bare day of the month ("el día 25"): the month is the one nearest the
    # publication date.
    day_words: tuple[str, ...] = ()
    # Nouns after a bare day of the month ("18-го числа"): the month is the one nearest the
    # publication date, as after ``day_words``.
    day_nouns: tuple[str, ...] = ()
    # Third-person singular subject pronouns ("she", "il", "sie", "она"): a dated sentence that
    # names nobody and no place but has one goes on with the traveller where they are (a stay).
    pronouns: frozenset[str] = frozenset()
    # Weekday words that are also ordinals ("segunda", "terça": second, third): a weekday only
    # after one of ``weekday_leads`` ("na segunda", "desta terça"), not in "a segunda visita".
    weekday_ordinals: frozenset[str] = frozenset()
    weekday_leads: frozenset[str] = frozenset()
    # The language drops its subject pronouns ("El martes se reunió con el rey"): a sentence
    # that names nobody and opens with no determiner goes on with the traveller.
    pro_drop: bool = False
    # Endings of plural nouns that no third-person singular verb has ("agricultores"): a
    # sentence that opens with such a word has a subject other than the traveller.
    plural_endings: tuple[str, ...] = ()
    # Number words, for stated lengths of visits.
    numbers: dict[str, int] = field(default_factory=dict)
    # Stated lengths of a visit, as regular expressions where ``{n}`` stands for a number
    # ("{n}-day visit", "visite de {n} jours", "{n}tägig").
    durations: tuple[str, ...] = ()
    # Words that open a clause with dates of its own ("before", "avant de", "bevor", "перед").
    clause_openers: tuple[str, ...] = ()
    # Openers of a clause about something later ("before", "avant de", "bevor", "antes de"):
    # without a tense of its own, a weekday there points forward.
    before: tuple[str, ...] = ()
    # "After which": the clause follows the event of the clause before, on its day at the
    # earliest ("tras el cual", "après quoi", "после чего").
    sequel: tuple[str, ...] = ()
    # Conjunctions of time whose clause keeps a present (or a subjunctive) for what is to come
    # ("when he arrives in Lima, he will meet", "cuando llegue a Lima", "quando chegar a Lisboa",
    # "wenn er in Rom ankommt, wird er"): in a sentence whose main verb is future, a place in
    # such a clause is planned. Languages that put the future in the clause itself ("quand il
    # arrivera", "quando arriverà", "когда прибудет") lack them.
    when_words: tuple[str, ...] = ()
    # Relative adverbs: their clause speaks of the place just before them ("where", "où", "wo").
    where_words: tuple[str, ...] = ()
    # Relative pronouns that open a clause set off by commas (", qui ... ,", ", который ... ,").
    relative_pronouns: tuple[str, ...] = ()
    # Adverbs of sequence ("then", "danach", "ensuite", "poi", "затем"): they say "after", not "in
    # the future": a stop after one is planned only in a sentence without a past verb ("danach
    # reist er nach Shanghai", "a Belgrado, poi l'Ungheria"; not "reiste danach nach Shanghai").
    sequence: tuple[str, ...] = ()
    # Phrases that hold a word of plan but tell none: a plan come true ("as planned", "comme prévu",
    # "wie erwartet": "As expected, Lula arrived in Madrid") or a word of "next" that also means
    # "near" ("una base próxima a Bagdad", "uma fábrica próxima de Lisboa").
    no_plan: tuple[str, ...] = ()
    # Verbs of saying, beyond ``speech``, that close a sentence in a trailing attribution (", teilte
    # das Präsidialamt mit", ", informó el lunes el ministerio", ", ha reso noto il Quirinale"):
    # the clause after the last comma is the telling's, in its own tense (word prefixes or phrases).
    attributions: tuple[str, ...] = ()
    # Adverbs of "instead" ("stattdessen", "invece", "вместо этого"; not the preposition "instead
    # of"): opening the clause or sentence right after a plan told in the past ("was supposed to
    # fly to Lima; instead he stayed"), they tell the plan did not come true.
    instead: tuple[str, ...] = ()
    # A trip not allowed: a verb of refusing and a noun of permission, both before the place
    # ("denied him permission to travel to", "le negó el permiso para viajar a"); word prefixes.
    refusals: tuple[tuple[str, str], ...] = ()
    # The two halves of "not only X but also Y" ("non seulement ... mais aussi", "nicht nur ...
    # sondern auch", "не только ... но и"), lower case: both places are objects of the verb before
    # the first half, the focus words standing between the verb and its objects.
    correlatives: tuple[tuple[str, str], ...] = ()
    # Phrases of direction or nearness that tie a place to the one named just before it ("Potsdam,
    # south-west of Berlin", "Meseberg bei Berlin", "Подольск под Москвой"): the second place locates
    # the first and is no stop of its own.
    locating: tuple[str, ...] = ()
    # Stems of the verbs and nouns of coming back ("regres", "rentr", "вернул"): the place they come
    # back from, through the preposition that is also "of" ("regresó el lunes de Nairobi"), is one
    # the trip reached, left as from a departure.
    returns: tuple[str, ...] = ()
    # Stems of nouns of an event, a topic or a recipient ("war", "aid=", "crisis", "krieg", "помощ";
    # "=" for a whole word; in a language that writes compounds, also the end of one: "Militärhilfe"):
    # a place that complements one ("the war in Ukraine", "aid for Kyiv", "помощь Киеву", "Ukraine
    # aid") says where something else happens or whom it is for, not where a traveller goes.
    event_nouns: tuple[str, ...] = ()
    # Prepositions that join such a noun to its place besides those of ``at`` ("sanctions against
    # Russia", "talks on Ukraine", "санкции против России").
    event_preps: frozenset[str] = frozenset()
    # Adjectives follow their noun ("l'aide militaire à Kiev", "la guerra civil en Siria"): one
    # word may stand between an event noun and its preposition.
    adjectives_after: bool = False
    # Phrases that deny a trip was ever planned ("has no plans to", "n'a pas l'intention de",
    # "plant keine", "no tiene previsto", "не планирует", "non ha in programma", "não tem planos
    # de"): the places after one in its sentence, up to a word of ``contrasts``, are no stops
    # (neither planned nor made; a trip called off is ``cancelled``, one never planned is none).
    plans_denied: tuple[str, ...] = ()
    # Words of contrast that open a new clause ("but", "mais", "aber", "pero", "но"): a denial
    # before one does not reach the places after it ("has no plans to go to Lagos but flew to Accra").
    contrasts: frozenset[str] = frozenset()
    # Nouns of groups of people or of goods that travel as a crowd ("refugees", "migrants",
    # "passengers", "troops", "protesters", "goods"; word prefixes): a travel word whose subject or
    # complement is one ("the return of refugees to Syria", "migrants arrived in Dover", "la columna
    # llegó a Rosario") tells no trip of the article's leader. Not vehicles: "his plane landed in
    # Hanoi" is the leader's.
    movers: tuple[str, ...] = ()
    # A verb of coming back and its preposition that, before an infinitive, mean "again" ("volverá
    # a reunirse", "tornerà a incontrare", "voltou a subir"): each entry is the verb's stem and the
    # preposition ("vuelv a"); the pair is no travel word there.
    again: tuple[str, ...] = ()
    # Endings of the infinitive (with the clitics it may carry: "reunirse", "riunirsi"): the word
    # after an ``again`` pair that makes it "again".
    infinitive_endings: tuple[str, ...] = ()
    # Forms of being somewhere, full verbs not auxiliaries ("gewesen", "stato"), and participles of
    # travel the stems of ``travel`` leave out ("gereist", "gefahren"): with the verbs of travel,
    # the verbs a negation after a place put first denies ("Nach Minsk ist er nicht
    # zurückgekehrt", "A Mosca non è più stato"; not "In Moskau traf er Putin nicht"). Empty: the
    # language does not put the place first with its verb after it (see steps.status).
    being: tuple[str, ...] = ()
    # Participles (stems) of verbs of telling, informing, warning and consulting ("told",
    # "informed", "prévenu", "informiert", "avisada", "уведомили"): a bare capital or country they
    # follow in its clause, after one of ``told_auxiliaries``, is told ("Moscow had been told of
    # the trip", "Berlin wurde vorab informiert"), and stands for its government as one that speaks.
    told: tuple[str, ...] = ()
    # The auxiliaries of the passive and of the perfect before a participle of ``told`` ("was",
    # "been", "été", "wurde", "fue", "stata", "foi"). A pack that lacks them puts the told place in
    # its case, the verb alone after it ("Москву заранее уведомили").
    told_auxiliaries: frozenset[str] = frozenset()
    # Prepositions of a topic ("on", "sur", "zu", "sobre", "о", "su"): in a headline after a person
    # ("Merz zu Syrien", "Macron sur l'Ukraine") they tell what the person speaks of, not where.
    topic_preps: frozenset[str] = frozenset()
    # The preposition that marks a person or a government as the object of a verb (the Spanish
    # personal "a": "criticó a Estados Unidos"): after a verb of saying, the place is addressed.
    addressee_preps: frozenset[str] = frozenset()
    # Nouns (stems) of a position, stance, role, policy or decision ("position", "Haltung",
    # "postura", "позици"): a place in their genitive ("the role of China", "la position de la
    # Chine", "позиция Китая") is whose stance is spoken of, a topic, no stop.
    stance_nouns: tuple[str, ...] = ()
    # Adverbs of recall ("damals", "at the time", "à l'époque", "тогда", "en aquel momento",
    # "all'epoca", "na época"): an undated visit told in the past with one is of another time than
    # the trip the article tells, background, not one of its stops (see steps.status.recalled).
    recall: tuple[str, ...] = ()
    # Prepositions of "since" ("since", "seit", "depuis", "desde", "dal", "с"): with a time after
    # one and a negation in the place's clause ("has not been to Moscow since 2019", "не был в
    # Москве с 2019 года") the clause tells a state up to now, no trip: background, no stop.
    since: tuple[str, ...] = ()
    # Prepositions that place a time against an event, with the article that opens the event's
    # noun ("before the", "avant le", "vor dem", "antes de la", "prima del", "depois da"; Russian,
    # with no article: "до", "после"): a date a few words after one ("days before the summit on 15
    # July", "avant le sommet du 15 juillet", "до саммита 15 июля") is the event's day. A stop with
    # a day of its own does not take it (see steps.dates.stop_date).
    event_times: tuple[str, ...] = ()
    # Words that tell a plan as it stood before the news, in the imperfect or the past ("était
    # attendu", "devait", "era atteso", "era esperado", "debía", "was expected", "sollte", "должен
    # был"; whole words with "="): a weekday of their clause is the one nearest the publication,
    # before or after it, whatever tense the tagger reads there (see steps.dates.this_week).
    plans_then: tuple[str, ...] = ()
    # Prepositions of a partner ("with", "mit", "avec", "с"): a place after one, in a clause of
    # ``consulting``, is whom something is agreed with ("talks with Moscow", "mit Berlin
    # abgestimmt"): a government, as a told one is.
    partner_preps: frozenset[str] = frozenset()
    # Nouns and participles (stems) of consulting, coordinating and negotiating ("talks",
    # "coordinated", "abgestimmt", "concertation", "переговор"): before a partner preposition, or
    # after its place where the verb ends the clause ("mit Berlin abgestimmt").
    consulting: tuple[str, ...] = ()
    # Verbs (stems) of supporting, condemning or recognising someone ("supported", "unterstützt",
    # "apoyó", "apoiou", "поддержал"), none of them a travel verb: a place right after one (in
    # Spanish after the personal "a") is its object, the government whose side is taken, no stop.
    stance_verbs: tuple[str, ...] = ()
    # Conjunctions after which the verb ends the clause (German "nachdem", "weil", "dass",
    # "obwohl"): a place right after one is the clause's subject, and a speech verb among the
    # clause's last words makes it speak for its government ("nachdem Moskau die Gespräche
    # verurteilt hatte", see features.speaks_after). Empty: the language puts the verb after its
    # subject, where the speech verb is found next to it.
    verb_final_after: frozenset[str] = frozenset()
    # Past forms (stems) of staying ("stayed", "resté", "blieb", "se quedó", "rimasto", "ficou",
    # "остался"): after a word of ``contrasts`` and before a preposition of place, they undo a plan
    # told in the past ("was due in Lima on Monday but stayed at home", "devait se rendre à Alger,
    # mais il est resté à Paris"): the traveller did not go (see steps.status.unrealised).
    stayed: tuple[str, ...] = ()
    # Words (stems) of postponing ("postpon", "report", "verschob", "aplaz", "adi", "rinvi",
    # "перен"), a part of the ``cancelled`` words: a trip postponed to a later date ("postponed to
    # April 20", "reporté au 20 avril", "auf den 20. April verschoben", "перенес на 20 апреля") is
    # planned at that date; one postponed without a new date is cancelled.
    postponing: tuple[str, ...] = ()
    # Prepositions of the new date of a postponed trip ("to", "until", "au", "auf", "al", "para",
    # "на"): a date right after one (or after one and an article: "auf den 20. April").
    postponed_to: frozenset[str] = frozenset()
    # The perfect of a modal of duty, or its past conditional ("should have", "ought to have",
    # "aurait dû", "avrebbe dovuto", "sarebbe dovuto", "debería haber", "deveria ter"): in the
    # place's own clause before it, a trip that was owed and did not take place ("should have
    # travelled to Lima"); after the place it speaks of something else ("arrived in Tunis, where
    # she should have met the president"; "sarebbe dovuto al maltempo": would be due to).
    unreal_modals: tuple[str, ...] = ()
    # Nouns of a visit or a trip (whole words with "="; stems otherwise): a day a sentence gives
    # one without naming a place ("The visit is scheduled for 14 May", "La visite est prévue le
    # 14 mai") is the day of the trip's one planned stop still undated.
    visit_nouns: tuple[str, ...] = ()
    # Verbs of leaving (stems, matched at word start) whose place left follows the preposition
    # that is also "of" ("salió de Madrid", "tras salir de Madrid", "partiu de Brasília", "est parti
    # de Paris"): that place is the trip's origin. Languages with a preposition of provenance of
    # their own ("from", "aus", "da", "из") need none.
    leaving: tuple[str, ...] = ()
    # The past of wanting or intending ("wanted=", "wollte=", "voulait=", "quería=", "voleva=",
    # "queria=", "хотел="): with a verb of travel in the place's clause (before the place, or
    # closing the clause right after it: "wollte am Montag nach Warschau reisen") a plan told in
    # the past, not a trip made (see steps.status.wanted_trip).
    wanting: tuple[str, ...] = ()
    # Words offering a choice ("or", "o", "oder", "ou", "или"): a date right after one of them
    # with no place after ("on Friday or at the weekend", "el viernes o durante el fin de
    # semana") is one of several days the trip may take, and names no day of the stop.
    alternatives: frozenset[str] = frozenset()
    # Words of residence or origin ("based", "native", "résidant", "originaire", "in Leipzig
    # lebende", "afincado", "radicado", "живущий", "житель"): a place they introduce or follow is
    # where a person lives or comes from, as a birthplace is (see ``births``), no stop.
    residences: frozenset[str] = frozenset()
    # Prepositions of a point of view ("for", "pour", "für", "para", "per", "для"): opening a
    # sentence, with a comma after the place ("For Washington, the visit is a warning", "Pour
    # Londres, la visite est un signal", "Para Argel, el viaje es una provocación"), the place is
    # whose view is told, its government, however the preposition also sends travellers.
    viewpoints: frozenset[str] = frozenset()
    # Stems of the noun of a counterpart ("counterpart", "homologue", "Amtskollege", "homólogo",
    # "omologo", "коллега"): after a possessive opening a clause ("His Japanese counterpart will
    # travel to London", "Son homologue japonais se rendra à Paris"), another person, named by
    # the office they share with the traveller, is the subject; the place is no stop of the
    # traveller the possessive points back to.
    counterparts: tuple[str, ...] = ()
    # Stems of verbs of accepting ("accepted", "a accepté", "angenommen", "aceptó", "ha accettato",
    # "aceitou", "принял"; "=" for a whole word): an invitation accepted is a planned trip, one
    # only extended or received ("Zelensky invited Lula to visit Kyiv") is none.
    accepting: tuple[str, ...] = ()
    # Units of distance ("km", "kilometres", "Kilometer", "chilometri", "километрах") and the
    # words that measure from a place ("from", "of", "de", "d'", "von", "da", "от"): a place a
    # distance is measured from ("some 600 km from Abidjan", "à quelque 600 km d'Abidjan", "a
    # circa 600 chilometri da Abidjan") locates another place; nobody goes there.
    distances: frozenset[str] = frozenset()
    distance_from: frozenset[str] = frozenset()


def month_names(*names: str) -> dict[str, int]:
    """Month names: each argument is the space-separated forms of one month."""
    return {form: i + 1 for i, forms in enumerate(names) for form in forms.split()}


def weekday_names(*names: str) -> dict[str, int]:
    return {form: i for i, forms in enumerate(names) for form in forms.split()}


def time_of_day(lx: Lexicon, text: str, start: int, word: str, window: int) -> bool:
    """True when ``word`` at ``start`` of ``text`` names a time of day, not a day ("la mañana")."""
    pattern = lx.time_of_day.get(word.lower())
    if pattern is None:
        return False
    return re.search(pattern + r"\s+$", text[max(0, start - window) : start].lower()) is not None


def starts(word: str, prefixes: tuple[str, ...] | frozenset[str]) -> bool:
    """True when ``word`` starts with one of the single-word ``prefixes``; an entry ending
    in ``=`` must match the whole word ("tour=" is not "tourism")."""
    whole, stems = _single_words(prefixes)
    return word in whole or word.startswith(stems)


@cache
def _single_words(prefixes: tuple[str, ...] | frozenset[str]) -> tuple[frozenset[str], tuple[str, ...]]:
    """The single-word entries of ``prefixes``, split once into whole words ("tour=") and stems
    (the rest): :func:`starts` is asked of every word of every sentence. Kept for every group
    asked for: they are the packs' own groups and a few made of them, as many as the packs."""
    single = [p for p in prefixes if " " not in p]
    return frozenset(p[:-1] for p in single if p.endswith("=")), tuple(
        p for p in single if not p.endswith("=")
    )


class Stem(str):
    """A pack entry of several words whose last word is a stem, not a whole word: it matches
    however the word goes on ("se rend" in *se rendra*, *se rendre*; "a annonc" in *a annoncé*;
    "fino a" in *fino alla*, where the preposition runs into its article). Every other entry of
    several words ends where a word ends ("я в" is not in *я вчера*, "estoy en" not in *estoy
    encantado*). A ``str`` itself, so a pack's tuples and every test on them read it as its text;
    only the phrase matcher (:func:`phrase_spans`) tells the two apart. Single-word entries are
    stems already (:func:`starts`; ``=`` makes one a whole word)."""

    __slots__ = ()


@cache
def _phrase_pattern(phrase: str, stem: bool) -> re.Pattern[str]:
    """The pattern of one phrase: where a word starts (a phrase that opens with punctuation, "'s
    due", may follow a letter), and where a word ends unless it is a :class:`Stem` (or ends with
    punctuation: "direction d'" before *Alger*)."""
    head = r"(?<!\w)" if phrase[:1].isalnum() else ""
    tail = "" if stem or not phrase[-1:].isalnum() else r"(?!\w)"
    return re.compile(head + re.escape(phrase) + tail)


def phrase_spans(
    text: str, phrases: Iterable[str], start: int = 0, end: int | None = None
) -> list[tuple[int, int]]:
    """Where each multi-word phrase of ``phrases`` is in ``text`` (lower case), between ``start``
    and ``end``, every time it occurs as words of its own (:class:`Stem`): the one matcher of the
    packs' phrases, which every test of a phrase goes through."""
    stop = len(text) if end is None else end
    return [
        m.span()
        for p in phrases
        if " " in p and p in text  # the cheap test first: most phrases are in no sentence
        for m in _phrase_pattern(p, isinstance(p, Stem)).finditer(text, start, stop)
    ]


def phrase_positions(text: str, phrases: Iterable[str]) -> list[int]:
    """Where each multi-word phrase of ``phrases`` starts in ``text`` (lower case), every time it
    occurs as words of its own (:func:`phrase_spans`): "no visitará" is not in "el mandatario
    peruano visitará", "не посетит" not in "в июне посетит", "я в" not in "я вчера"."""
    return [a for a, _ in phrase_spans(text, phrases)]


def phrase_at(text: str, phrases: Iterable[str]) -> str | None:
    """The first multi-word phrase of ``phrases`` found in ``text`` (lower case) as words of its
    own (:func:`phrase_spans`), if any."""
    return next((p for p in phrases if phrase_spans(text, (p,))), None)


#: the same test (a phrase is found only as words of its own, wherever it is looked for)
phrase_in = phrase_at
