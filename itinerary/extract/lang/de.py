"""The German language pack: travel, tense, time and title words of news about official trips."""

from __future__ import annotations

from itinerary.extract.lang.base import Language
from itinerary.extract.lexicon import Lexicon, month_names, weekday_names

_DAYTIMES = ("morgen", "vormittag", "mittag", "nachmittag", "abend", "nacht")

PACK = Lexicon(
    "de",
    range_joiners=("bis", "und", "bis zum"),
    ordinal_suffixes=(".",),
    this=("diesen", "dieser", "diesem"),
    genitives=frozenset({"von"}),
    list_joiners=frozenset({"und", "oder", "dann", "danach", "anschließend", "schließlich", "zuletzt"}),
    nouns_capitalised=True,
    time_of_day={"morgen": r"\b(am|heute|jeden|vom)"},
    departure=(
        "aufgebrochen",
        "bricht",
        "abgereist",
        "abgeflogen",
        "unterwegs",
        "auf dem weg",
        "flug nach",
        "losgeflogen",
        "gestartet",
    ),
    arrival=("gelandet", "angekommen", "eingetroffen", "landet", "kommt an", "trifft ein"),
    meet=("trifft", "traf", "getroffen", "empfängt", "empfing", "empfangen"),
    travel=(
        "passierte",  # crossing or driving on the way (a leg without a verb of arrival)
        "überquerte",  # crossing or driving on the way (a leg without a verb of arrival)
        "reise",
        "reist",
        "besuch",
        "gelandet",
        "erwartet",  # "wird am Freitag in Peking erwartet"
        "zwischenstopp",
        "auf dem weg nach",  # a stop on the way to the next ("auf dem Weg nach Riad")
        "auf dem rückweg",
        "stopp",
        "landet",
        "ankunft",
        "landung",  # "nach seiner Landung in Nikosia"
        "angekommen",
        "eingetroffen",
        "station",
        "weiterreis",
        "fliegt",
        "flog",
        "geflogen",
        "aufenthalt",
        "fährt",
        "fuhr",
        "abgereist",
        "verlässt",
        "verließ",
        "ist in",
        "war in",
        # the traveller's own words ("Heute bin ich in Accra", "Gestern waren wir in Kigali")
        "bin ich in",
        "ich bin in",
        "war ich in",
        "ich war in",
        "sind wir in",
        "wir sind in",
        "waren wir in",
        "wir waren in",
        "ist im",
        "war im",
        "trifft",
        "traf",
        "getroffen",
        "empfangen",
        "kranz",  # a wreath is laid in person ("legte in Hanoi einen Kranz nieder", "Kranzniederlegung")
    ),
    at=frozenset("in im nach zu zum zur auf bei".split()),
    origin=frozenset("aus".split()),
    visit_verbs=("besuch", "verlässt", "verließ", "erreich", "bereist"),
    # subject pronouns (one may follow a visit verb: "besuchte sie Accra")
    subject_pronouns=frozenset("er sie es wir ihr man".split()),
    toward=("richtung", "weiter nach"),
    # verbs and the noun of inviting ("lud den Kanzler ein, Kiew zu besuchen"); the noun with a genitive after
    # it ("at the invitation of") is a visit made (see steps.status.invited)
    invitations=("eingeladen", "einzuladen", "lädt=", "lud=", "luden=", "einladung"),
    projectiles=("rakete", "drohne", "geschoss"),
    planned=(
        "wird=",
        "werden=",
        "soll=",
        "sollen=",
        "sollte=",  # "sollte am Abend nach Wien zurückfliegen": was to, not yet done
        "sollten=",
        "will=",
        "wollen=",
        "geplant",
        "plant=",
        "erwartet",
        "morgen",
        "übermorgen",
        "nächst",
        "vorgesehen",
        # a hope, a trip weighed or possible: one that may be, not one made ("hofft, nach Tunis zu
        # reisen", "erwägt einen Besuch in", "einen möglichen Besuch in")
        "hofft",
        "hoffen=",
        "erwägt",
        "erwägen",
        "möglich",
    ),
    plans_denied=(
        "plant keine",
        "plant keinen",
        "plane keine",
        "plane keinen",
        "hat nicht vor",
        "habe nicht vor",
        "keine pläne",
        "keine reisepläne",
    ),
    contrasts=frozenset({"aber", "doch", "jedoch", "sondern", "stattdessen"}),
    movers=(
        "flüchtling",
        "migrant",
        "geflüchtete",
        "passagier",
        "fluggäste",
        "asylbewerber",
        "truppen=",
        "soldat",
        "demonstrant",
        "touristen=",
        "pilger",
        "güter=",
        "demonstrationszug",
        "protestzug",
    ),
    returns=("zurück", "rückkehr", "heimkehr"),
    event_nouns=(
        "krieg",
        "konflikt",
        "krise",
        "lage=",
        "situation",
        "hilfe",
        "hilfen",
        "angriff",
        "anschlag",
        "anschläge",
        "explosion",
        "sanktion",
        "wahl=",
        "wahlen=",
        "waffenruhe",
        "kämpfe",
        "kampfhandlung",
        "gewalt",
        "katastrophe",
        "spannung",
        "offensive",
        "invasion",
        "besatzung",
        "hungersnot",
        "völkermord",
        "waffe",
        "munition",
        "lieferung",
    ),
    event_preps=frozenset("gegen für mit um über an am".split()),
    # being somewhere, not the auxiliary ("Nach Minsk ist er nie gewesen", "In Kiew war er nicht"),
    # and participles of travel ("Nach Kiew ist sie nicht gereist")
    being=("gewesen", "war=", "waren=", "weilte", "gereist", "gefahren"),
    locating=(
        "nördlich von",
        "südlich von",
        "östlich von",
        "westlich von",
        "nordöstlich von",
        "nordwestlich von",
        "südöstlich von",
        "südwestlich von",
        "bei",
        "nahe",
        "in der nähe von",
        "unweit von",
        "unweit",
        "vor den toren von",
        "am stadtrand von",
        "km von",
        "kilometer von",
    ),
    # "not only X but also Y": both are the objects of the verb before it
    correlatives=(("nicht nur", "sondern auch"), ("nicht nur", "aber auch")),
    refusals=(("verweiger", "genehmigung"), ("verweiger", "erlaubnis"), ("verweiger", "ausreise")),
    no_plan=("wie geplant", "wie erwartet", "wie vorgesehen", "wie angekündigt", "wie vereinbart"),
    sequence=(
        "anschließend",
        "danach",
        "weiter",
    ),
    invitation_final=("eingeladen", "einzuladen"),
    traffic=("flüge", "flügen", "luftraum"),
    # (with the past of the strong verb: "verschob"; "sagte ... ab" is absagte, see
    # steps.status.split_cue)
    cancelled=(
        "abgesagt",
        "absag",
        "verschoben",
        "verschieb",
        "verschob",
        "gestrichen",
        "verzicht",
        # a visit that will not or did not take place
        "findet nicht statt",
        "fand nicht statt",
        "nicht stattfinden",
        "nicht statt",  # "fand jedoch nicht statt": the particle closes the clause
    ),
    denied=(
        "wird nicht nach",
        "reist nicht",
        "fliegt nicht",
        "nicht reisen",
        "nicht teilnehmen",
        "nicht fahren",
    ),
    hosting=(
        "empfing",
        "empfängt",
        "gastgeber",
    ),
    receiving=(
        "begrüßte",
        "begrüßt=",
    ),
    decisions=(
        "gestrichen",
        "strich",
        "abgesagt",
        "sagte",
        "absagte",
        "bestätigt",
        "bestätigte",
        "angekündigt",
        "kündigte",
        "entschieden",
        "entschied",
        "mitgeteilt",
        "dementiert",
        "dementierte",
    ),
    negation_words=frozenset("nicht".split()),
    yet_words=frozenset("noch".split()),
    only_words=frozenset("nur".split()),
    complementizers=frozenset("dass daß".split()),
    possibility=frozenset("kann können".split()),  # see Lexicon.possibility
    sources=(
        "laut",
        "nach angaben",
        "nach angaben des",
        "nach angaben der",
        "ein sprecher des",
        "eine sprecherin des",
        "aus kreisen",
    ),
    owners=frozenset("sein seine seinem seinen seiner seines ihr ihre ihrem ihren ihrer ihres".split()),
    births=frozenset(
        "geboren geborene geborenen geborener geborenes gebürtig gebürtige gebürtigen gebürtiger".split()
    ),
    talk=("gesprochen", "besprochen", "diskutiert", "erörtert", "erwähnt", "thematisiert"),
    negations=frozenset("hat haben hatte hatten nicht noch bisher".split()),
    calls=(
        "telefon",
        "videokonferenz",
        "videoschalte",
        "videogespräch",
    ),
    speech=(
        "sagte",
        "sagt",
        "erklärte",
        "erklärt",
        "warnte",
        "warnt",
        "kritisiert",
        "betonte",
        "teilte",
        "verkündete",
        "meldete",
        "verurteilt",
        "reagiert",
        "antwortete",
        "protestiert",
        "wies",
        "betont",
        "forderte",
    ),
    outlet=("agentur", "zeitung", "sender", "rundfunk", "info"),
    titles=frozenset(
        "herr frau präsident präsidentin bundeskanzler kanzler kanzlerin minister ministerin "
        "außenminister papst könig königin machthaber staatschef regierungschef der die den dem von".split()
    ),
    determiners=frozenset("der die das den dem des ein eine einen einem".split()),
    with_=frozenset("mit und".split()),
    accompanied=(
        "in begleitung von",
        "in begleitung des",
        "in begleitung der",
        "begleitet von",
        "zusammen mit",
        "gemeinsam mit",
    ),
    groups=(
        "die beiden",
        "die drei",
        "die vier",
        "beide",
        "die staatschefs",
        "die präsidenten",
        "die regierungschefs",
        "die delegation",
    ),
    months=month_names(
        "januar jan",
        "februar feb",
        "märz maerz",
        "april apr",
        "mai",
        "juni",
        "juli",
        "august aug",
        "september sept",
        "oktober okt",
        "november nov",
        "dezember dez",
    ),
    travel_lemmas=frozenset(
        """reisen weiterreisen abreisen anreisen zurückreisen heimreisen bereisen fliegen weiterfliegen
        zurückfliegen abfliegen heimfliegen fahren weiterfahren zurückfahren durchfahren landen ankommen
        eintreffen besuchen verlassen erreichen aufbrechen zurückkehren heimkehren übernachten weilen
        reise besuch flug visite abstecher zwischenstopp station stippvisite aufenthalt ankunft
        rückkehr tournee etappe""".split()
    ),
    particles=frozenset("weiter ein an ab auf zurück los heim durch fort vorbei weg".split()),
    compound_heads=("reise", "reisen", "besuch", "besuche", "besuchs", "flug", "stopp", "visite", "tournee"),
    compound_not=("kreise", "preise", "greise", "kreisen", "preisen"),
    place_nouns=tuple(
        """hauptstadt stadt metropole provinz region ortschaft dorf bahnhof grenzbahnhof flughafen hafen
        palast königreich emirat republik benachbart""".split()  # benachbart: "ins benachbarte Usbekistan"
    ),
    # lower-case words between a preposition and a name are adjectives ("im fernen Peking"); the
    # long endings also mark a capitalised adjective that begins a name ("Afrikanischen Union")
    adjective_endings=("ische", "ischen", "ischem", "ischer", "isches", "sten", "e", "en", "em", "er", "es"),
    transit_nouns=("grenze", "grenzübergang", "bahnsteig", "bahnhof", "station", "kontrollpunkt"),
    modes={
        "rail": (
            "zug=",
            "zuge=",
            "zuges=",
            "zugs=",
            "sonderzug",
            "panzerzug",
            "bahn=",
            "eisenbahn",
            "salonwagen",
            "regierungszug",
            "lokomotive",
        ),
        "air": (
            "flugzeug",
            "regierungsmaschine",
            "regierungsflieger",
            "flieger",
            "maschine=",
            "hubschrauber",
            "flog=",
            "geflogen",
            "fliegt",
            "fliegen",
            "flug=",
            "flugs=",
            "luftweg",
        ),
        "road": (
            "autokolonne",
            "wagenkolonne",
            "konvoi",
            "auto=",
            "autos=",
            "wagen=",
            "limousine",
            "bus=",
            "busse=",
            "fuhr=",
            "landweg",
        ),
        "sea": ("schiff", "jacht", "yacht", "fähre", "boot=", "boots=", "seeweg", "kreuzer", "fregatte"),
    },
    stop_nouns=("station", "etappe", "zwischenstation", "reiseziel"),
    copulas=frozenset("ist sind war waren wird werden wäre wären sein".split()),
    irrealis=(("wäre", "gewesen"), ("wären", "gewesen"), ("hätte", "sollen"), ("hätten", "sollen")),
    # "am Mittwochabend", "Dienstagmorgen": a weekday and a time of day in one word
    weekdays=weekday_names(
        *(
            " ".join([day] + [day + part for part in _DAYTIMES])
            for day in ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag")
        )
    ),
    relative={"heute": 0, "heute abend": 0, "morgen": 1, "übermorgen": 2, "gestern": -1, "vorgestern": -2},
    next_words=frozenset("nächsten nächste kommenden kommende".split()),
    plan_preps=frozenset("für".split()),
    period_preps=frozenset("im anfang ende mitte".split()),
    year_before=("jahr", "jahre"),  # "im Jahr 2019", "im Jahre 2019"
    anchored={
        "am tag darauf": 1,
        "tags darauf": 1,
        "am folgenden tag": 1,
        "am nächsten tag": 1,
        "am tag danach": 1,
        "am folgetag": 1,
        "am vortag": -1,
        "am tag zuvor": -1,
        "tags zuvor": -1,
        # a time of day without a day: the day being told (see dates.anchor)
        "am morgen": 0,
        "am vormittag": 0,
        "am mittag": 0,
        "am nachmittag": 0,
        "am abend": 0,
        "im laufe des tages": 0,
    },
    # periods that name no day: such a stop is not where the news finds the traveller today
    vague_periods=(
        "vergangene woche",
        "vergangener woche",
        "letzte woche",
        "letzter woche",
        "vorige woche",
        "voriger woche",
        "nächste woche",
        "nächster woche",
        "kommende woche",
        "kommender woche",
        "diese woche",
        "dieser woche",
        "im laufe der woche",
        "ende der woche",
        "vergangenen monat",
        "letzten monat",
        "nächsten monat",
        "kommenden monat",
        "diesen monat",
        # the beginning, middle or end of the month: no day of it
        "anfang des monats",
        "anfang dieses monats",
        "ende des monats",
        "ende dieses monats",
        "mitte des monats",
        "mitte dieses monats",
        "vergangenes jahr",
        "vergangenen jahr",
        "letztes jahr",
        "nächstes jahr",
        "nächsten jahr",
        "kommendes jahr",
        "in den kommenden tagen",
        "in den nächsten tagen",
        "in den vergangenen tagen",
    ),
    past_years=(
        "im vergangenen jahr",
        "im letzten jahr",
        "im vorigen jahr",
        "im vorjahr",
        "vergangenes jahr",
        "letztes jahr",
        "voriges jahr",
        "vergangenen jahres",
        "letzten jahres",
        "vorigen jahres",
    ),
    ago=(("vor einem jahr", 12), ("vor {n} jahren", 12), ("vor einem monat", 1), ("vor {n} monaten", 1)),
    past_months=("vergangenen {m}", "letzten {m}", "vorigen {m}"),
    same_day=("am selben tag", "am gleichen tag", "am selben abend"),
    of=frozenset("des der von vor".split()),
    visit_ends=("endet=", "enden=", "endete=", "endeten="),
    pronouns=frozenset("er sie".split()),
    until=("bis zum", "bis am", "bis"),
    # "am 18.": the day of a month the publication implies ("am 18. Mai" is read whole first)
    day_words=("am",),
    numbers={"ein": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8},
    durations=(r"{n}tägig\w*\s+(?:[\w-]+\s+)?(?:besuch|aufenthalt|staatsbesuch|arbeitsbesuch)\w*",),
    clause_openers=("bevor", "nachdem", "während", "ehe"),
    before=("bevor", "ehe"),
    sequel=("wonach", "woraufhin"),
    when_words=("wenn", "sobald"),  # (not "als": its clause is past)
    where_words=("wo",),
    relative_pronouns=("der", "die", "das", "welcher", "welche", "welches"),
    attributions=("hieß", "mitgeteilt", "verlautete", "berichtete"),
    instead=("stattdessen", "statt dessen"),
    told=("informiert", "unterrichtet", "gewarnt", "vorgewarnt", "benachrichtigt", "konsultiert"),
    told_auxiliaries=frozenset("wurde wurden worden war waren ist sind sei seien".split()),
    topic_preps=frozenset("zu zum zur über".split()),
    stance_nouns=("haltung", "position", "rolle", "politik", "entscheidung", "standpunkt", "interessen"),
    recall=("damals", "seinerzeit", "zu jener zeit"),
    since=("seit",),
    event_times=(
        "vor dem",
        "vor der",
        "vor den",
        "nach dem",
        "nach der",
        "nach den",
        "seit dem",
        "seit der",
        "seit den",
    ),
    plans_then=("sollte=", "sollten=", "war geplant", "war vorgesehen", "wurde erwartet", "wurden erwartet"),
    partner_preps=frozenset("mit".split()),
    consulting=(
        "abgestimmt",
        "koordiniert",
        "abgesprochen",
        "gespräche",
        "verhandlungen",
        "konsultationen",
        "absprache",
        "vereinbart",
    ),
    stance_verbs=("unterstützt", "anerkannt", "anerkennt", "verurteilt", "sanktioniert"),
    verb_final_after=frozenset(
        "nachdem weil dass obwohl obgleich als während bevor ehe sobald wenn falls ob damit".split()
    ),
    stayed=("blieb", "geblieben"),
    postponing=("verschob", "verschieb", "vertag"),
    postponed_to=frozenset("auf bis".split()),
    visit_nouns=("besuch=", "reise=", "visite=", "staatsbesuch=", "auslandsreise="),
    wanting=("wollte=", "wollten="),
    alternatives=frozenset("oder".split()),
    residences=frozenset(
        (
            "lebend lebende lebenden lebender lebendes ansässig ansässige ansässigen ansässiger "
            "ansässiges wohnhaft wohnhafte wohnhaften wohnhafter stammend stammende stammenden "
            "stammender stammendes beheimatet beheimatete beheimateten lebt lebte lebten wohnt wohnte "
            "wohnten"
        ).split()
    ),
    viewpoints=frozenset({"für"}),
    counterparts=("amtskolleg", "kolleg"),
    accepting=("angenommen", "annehm", "nahm=", "nimmt="),
    distances=frozenset("km kilometer kilometern meilen".split()),
    distance_from=frozenset("von vom".split()),
)


_PAST = frozenset(
    "war waren kam kamen traf trafen empfing empfingen flog flogen fuhr hielt sprach musste mussten "
    "wurde wurden hieß ging gingen blieb blieben begann fand gab nahm rief ließ brach zog schrieb stand "
    "lag saß ließen trat traten schien schienen".split()
)
_AUX = frozenset("ist sind hat haben hatte hatten".split())
#: "werden" of the future, of reported speech ("er werde reisen") and of the conditional ("würde
#: reisen"): what is to come, or would be
_FUTURE = frozenset("wird werden werde würde würden".split())
_ARTICLES = frozenset(
    "der die das den dem des ein eine einen einem einer eines im am zum zur vom beim".split()
)
_PARTICLES = ("weiter", "ein", "an", "ab", "auf", "zurück", "los", "heim", "durch", "fort", "vorbei", "weg")
_INSEPARABLE = ("be", "ver", "er", "emp", "ent", "zer")


def _prefixed_past(w: str) -> bool:
    """A strong preterite behind an inseparable prefix ("verließ", "verließen", "betrat",
    "erschien"): no "-te" ending tells it, its stem does. Written in lower case: a noun of the
    same letters is capitalised ("der Verlag")."""
    return w.islower() and any(w.startswith(p) and w[len(p) :] in _PAST for p in _INSEPARABLE)


def _participle(w: str) -> bool:
    """A past participle: ge-t/-en, after a separable particle too ("eingetroffen", "angekommen"),
    or with an inseparable prefix ("besucht", "verlassen", "erreicht")."""
    if len(w) <= 5 or not w.endswith(("t", "en")):
        return False
    if w.startswith("ge") or any(w.startswith(p + "ge") for p in _PARTICLES):
        return True
    return w.startswith(_INSEPARABLE) and w.endswith("t")


def _tense(words: list[str]) -> str | None:
    """Future for "wird" / "werden" (with an infinitive or a passive: "wird ... erwartet"), for
    "werde" and the conditional "würde",
    past for a preterite or a perfect ("ist ... gelandet", "ist ... eingetroffen", "reiste"),
    else present (a weekday then points forward: "Am Mittwoch reist er nach Seoul weiter").
    A word in -te after an article or a preposition is an adjective ("die geplante Reise")."""
    low = [w.lower() for w in words]
    if any(w in _FUTURE for w in low):
        return "future"
    if any(w in _PAST for w in low) or any(_prefixed_past(w) for w in words):
        return "past"
    if any(w in _AUX for w in low) and any(_participle(w) for w in low):
        return "past"
    for i, w in enumerate(low):
        preterite = len(w) > 5 and w.endswith(("te", "ten")) and not w.startswith("heute")
        if preterite and w not in _SUBJUNCTIVE and not _determiner(words[i - 1] if i else ""):
            return "past"
    return "present"


#: the subjunctive of the modals: a wish or a possibility ("möchte reisen", "könnte reisen"), no past
_SUBJUNCTIVE = frozenset("möchte möchten möchtest könnte könnten dürfte dürften müsste müssten".split())
#: personal pronouns that end like an inflected determiner ("er", "es") and stand before a verb
_PRONOUNS = frozenset("er sie es wir ihr man".split())


def _determiner(word: str) -> bool:
    """The word before a form in -te makes it an adjective ("die geplante", "einer erwarteten"):
    an article, or a lower-case inflected determiner ("diesen", "jener"); not a noun (capitalised:
    "Der Kanzler reiste") nor a pronoun ("er reiste")."""
    low = word.lower()
    if low in _ARTICLES:
        return True
    return word[:1].islower() and low not in _PRONOUNS and low.endswith(("en", "er", "em", "es"))


#: endings of an inflected adjective inside a name, and the nominative endings tried instead
_ADJECTIVE_CASES = ("en", "em", "er", "es")
_NOMINATIVE = ("es", "e", "er")


def _variants(surface: str) -> list[str]:
    """Nominative forms of a name whose adjectives are inflected ("im Weißen Haus" -> "Weißes Haus",
    "auf dem Roten Platz" -> "Roter Platz", "in den Vereinigten Staaten" -> "Vereinigte Staaten"):
    every capitalised word but the last that ends like an inflected adjective takes each
    nominative ending in turn."""
    words = surface.split(" ")
    if len(words) < 2:
        return []
    which = [
        i
        for i, w in enumerate(words[:-1])
        if w[:1].isupper() and len(w) > 4 and w.lower().endswith(_ADJECTIVE_CASES)
    ]
    if not which:
        return []
    out = []
    for ending in _NOMINATIVE:
        forms = list(words)
        for i in which:
            forms[i] = words[i][:-2] + ending
        out.append(" ".join(forms))
    return [v for v in out if v != surface]


class German(Language):
    """German."""

    code = "de"
    name = "German"
    words = PACK
    lacks = frozenset(
        {
            "unreal_modals",  # the verb closes the clause ("hätte ... reisen sollen"): see irrealis
            "addressee_preps",  # no preposition marks the object of a verb of saying
            "adjectives_after",  # adjectives stand before their noun
            "again",  # "again" is the adverb "wieder", not a verb of coming back
            "infinitive_endings",  # only read after an "again" pair
            "day_months",  # no month abbreviation is also a common word
            "day_nouns",  # the day words come before the number ("am 18.")
            "from_phrases",  # "aus" alone marks provenance (origin)
            "leaving",  # "aus" and a participle after "von" mark it (origin)
            "plural_endings",  # German keeps its subject pronouns
            "pro_drop",  # "sie", "er" are said
            "weekday_leads",  # no weekday word is an ordinal
            "weekday_ordinals",
            "subject_after_verb",
            "nationality_endings",
            "be_perfect",
            "date_links",
            "month_before_day",
            "year_after",
            "demonym_endings",
            "elisions",
            "future_auxiliaries",
            "future_endings",
            "kind_joiners",
            "loc_is_natural",
            "perfect_auxiliaries",
            "person_links",
            "possessives",
        }
    )

    def tense(self, words: list[str]) -> str | None:
        return _tense(words)

    def prospective(self, words: list[str]) -> bool:
        low = [w.lower() for w in words]
        return any(w in ("würde", "würden") or w in _SUBJUNCTIVE for w in low) and "gewesen" not in low

    def variants(self, surface: str) -> list[str]:
        return _variants(surface)
