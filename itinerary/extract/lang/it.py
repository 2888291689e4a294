"""The Italian language pack: travel, tense, time and title words of news about official trips."""

from __future__ import annotations

from itertools import pairwise

from itinerary.extract.lang.base import Language
from itinerary.extract.lexicon import Lexicon, Stem, month_names, weekday_names

PACK = Lexicon(
    "it",
    range_joiners=("al", "e", "all'", "all’"),
    ordinal_suffixes=("º",),
    this=("questo", "questa", "quest'"),
    elisions=("l'", "d'"),
    person_links=frozenset({"di", "del", "della"}),
    genitives=frozenset({"di", "del", "della", "dei", "degli", "delle"}),
    kind_joiners=frozenset({"di", "del", "della"}),
    list_joiners=frozenset({"e", "ed", "poi", "o", "quindi", "infine", "successivamente"}),
    departure=(
        "partito",
        "partita",
        "partirà",
        "diretto",
        "diretta",
        "in volo per",
        "decollat",
        "in viaggio verso",
        "in partenza per",  # about to leave: not there yet
    ),
    arrival=("arrivat", "arriva", "atterrat", "giunt"),
    # "è stato ricevuto", "è stata accolta" (accogliere: to welcome)
    meet=("incontr", "ricevut", "riceverà", "ha ricevuto", "accolt"),
    travel=(
        "attraversato",  # crossing or driving on the way (a leg without a verb of arrival)
        Stem("proveniente da"),  # coming from a place: a leg (goods' provenance has no arrival: refused)
        # spostarsi: to move on to a place ("si sposterà a Napoli"), as French "se déplacer"
        Stem("si spost"),
        # recarsi: to go to a place ("si è recato a Lima", "intende recarsi in Giappone")
        "recarsi",
        "recat",
        "recherà",
        "recheranno",
        "recherebbe",
        Stem("si reca"),
        "arriv",
        "giunt",
        "giung",
        "viagg",
        "visit",
        "atterr",
        "partit",
        "partirà",
        # "parte" alone is mostly the noun ("in gran parte", "da parte di"): the verb with its "per"
        "parte per",
        "partono per",
        "parte oggi",
        "parte domani",
        "parte stasera",
        "tappa",
        "tappe",
        "scalo",
        "passare per",  # passing through on the way ("dopo essere passato per Baku")
        "passato per",
        "passata per",
        "passerà per",
        "soggiorn",
        "trasfer",
        "raggiung",
        "raggiunt",
        "missione",
        "tour=",
        "attes",  # "è atteso a Tokyo"
        "si recherà",
        "si è recato",
        "si è recata",
        Stem("si reca"),
        # the participle of andare (go): "è andato martedì a Beirut" (not the future "andrà", as
        # often "it will go well" as a journey)
        "andato=",
        "andata=",
        "andati=",
        "andate=",
        # ... and its future, with the preposition of a place right after it ("andrà a Varsavia",
        # "andranno in Cina"; "andrà bene" is no journey)
        "andrà a",
        "andrà ad",
        "andrà in",
        "andranno a",
        "andranno ad",
        "andranno in",
        # volare, rientrare/tornare (return), proseguire (travel on), a sosta (halt)
        "volat",
        "volerà",
        "vola=",
        "rientr",
        "tornat",
        "tornerà",
        "ritorn",
        "prosegu",
        "sosta",
        "sarà a",  # being at the place ("giovedì sarà a Davos", "ieri era stato a Chisinau")
        "è stato a",
        "è stata a",
        "era stato a",
        "era stata a",
        # the traveller's own words ("Ieri ero a Kigali"; not "sono a": a phrase matches the start
        # of the next word, and "ci sono anche" is no being somewhere)
        "ero a",
        "ero ad",
        "ero in",
        "eravamo a",
        "eravamo ad",
        "incontr",  # meeting someone where they are ("ha incontrato il governatore a ...")
        "corona di fiori",  # a wreath is laid in person ("ha deposto una corona di fiori ad Hanoi")
        "corona d'alloro",
    ),
    # "a" and "in" with every article they join ("all'aeroporto", "nell'isola", "negli Stati Uniti")
    at=frozenset(
        "a ad in al allo alla all' ai agli alle nel nello nella nell' nei negli nelle "
        "verso per presso".split()
    ),
    origin=frozenset("da dal dallo dalla dall' dai dagli dalle".split()),
    visit_verbs=("visit", "raggiung", "raggiunt", "lasci"),
    # subject pronouns (one may follow a visit verb: "besuchte sie Accra")
    subject_pronouns=frozenset("egli ella lui lei essi esse loro".split()),
    # ... and the phrases of passing through a place on the way ("dopo essere passato per Baku")
    toward=(
        "alla volta di",
        "in direzione di",
        "diretto a",
        "diretta a",
        "passare per",
        "passato per",
        "passata per",
        "passerà per",
        "via",
    ),
    future_endings=("erà", "irà", "erò", "eranno", "iranno", "arà"),
    # verbs and the noun of inviting ("ha invitato il presidente a visitare Kiev"); the noun with a
    # genitive after it ("at the invitation of") is a visit made (see steps.status.invited)
    invitations=(
        "invitato",
        "invitata",
        "invitati",
        "invitò",
        "invita=",
        "invitano",
        "invitare",
        "invito=",
        "inviti=",
    ),
    projectiles=("missil", "razz", "dron"),
    planned=(
        "visiterà",
        "arriverà",
        "partirà",
        "andrà",
        "sarà",
        "si recherà",
        "raggiungerà",
        "previst",
        "programmat",
        "in programma",
        "atteso",
        "attesa",
        "dovrebbe",
        # "dovrà rientrare", "doveva rientrare a Roma in serata": will have to, was to
        "dovrà",
        "dovranno",
        "doveva=",
        "dovevano=",
        "prossim",
        "domani",
        "proseguirà",
        # a hope, a trip weighed or possible: one that may be, not one made ("spera di andare a",
        # "sta valutando una visita a", "una possibile visita a")
        "in agenda",  # "il viaggio a Quito è in agenda per aprile"
        "spera=",
        "sperano=",
        "sperava=",
        "valutando",
        "valuta=",
        "possibil",
        "eventual",
        "voleva recarsi",
        "volevano recarsi",
        "voleva andare",
        "volevano andare",
        "voleva visitare",
        "volevano visitare",
        "voleva volare",
    ),
    plans_denied=(
        "non ha in programma",
        "non è in programma",
        "non ha intenzione",
        "non intende",
        "non prevede",
        "non ha previsto",
        "non pensa di",
    ),
    contrasts=frozenset({"ma", "però", "tuttavia", "invece"}),
    movers=(
        "profug",
        "rifugiat",
        "migrant",
        "passegger",
        "truppe=",
        "soldat",
        "manifestant",
        "turist",
        "pellegrin",
        "merci=",
    ),
    again=("torn a", "torn ad", "ritorn a", "ritorn ad"),
    infinitive_endings=(
        "are",
        "ere",
        "ire",
        "arsi",
        "ersi",
        "irsi",
        "arlo",
        "erlo",
        "irlo",
        "arla",
        "erla",
        "irla",
    ),
    returns=("rientr", "torn", "ritorn"),
    event_nouns=(
        "guerra",
        "conflitt",
        "crisi=",
        "situazion",
        "aiut",
        "assistenza",
        "attacc",
        "attentat",
        "esplosion",
        "bombardament",
        "sanzion",
        "elezion",
        "tregua",
        "combattiment",
        "violenz",
        "catastrof",
        "tension",
        "offensiva",
        "invasion",
        "occupazion",
        "carestia",
        "genocidio",
        "armi=",
        "armament",
        "munizion",
        "fornitur",
    ),
    event_preps=frozenset("contro con su sul sulla sui sulle".split()),
    adjectives_after=True,
    # being somewhere: the participle of essere ("A Mosca non è più stato"), not the auxiliary
    being=("stato=", "stata=", "stati=", "state="),
    locating=(
        "a nord di",
        "a sud di",
        "a est di",
        "a ovest di",
        "a nord-est di",
        "a nord-ovest di",
        "a sud-est di",
        "a sud-ovest di",
        "a nordest di",
        "a nordovest di",
        "a sudest di",
        "a sudovest di",
        "vicino a",
        "nei pressi di",
        "alle porte di",
        "non lontano da",
        "alla periferia di",
        "km da",
        "chilometri da",
    ),
    # "not only X but also Y": both are the objects of the verb before it
    correlatives=(("non solo", "ma anche"), ("non soltanto", "ma anche"), ("non solo", "ma pure")),
    refusals=(
        ("negat", "permesso"),
        ("negat", "autorizza"),
        ("negò", "permesso"),
        ("negò", "autorizza"),
        ("rifiut", "autorizza"),
    ),
    no_plan=(
        "come previsto",
        "come atteso",
        "come programmato",
        "come annunciato",
        "come da programma",
        "prossimità",  # "in prossimità di Roma": near
    ),
    sequence=("poi=",),
    # "nella capitale Astana", "all'aeroporto di Fiumicino", "nel porto di Genova"
    place_nouns=(
        "vicin",  # an adjective of position: "nel vicino Uzbekistan", "nella vicina Slovenia"
        "capitale",
        "città",
        "cittadina",
        "porto",
        "base",
        "aeroporto",
        "stazione",
        "provincia",
        "regione",
        "località",
        "villaggio",
    ),
    # "la prima tappa sarà Hanoi", "destinazione finale è Nairobi"
    transit_nouns=("confine", "frontiera", "banchina", "binario", "stazione", "valico"),
    modes={
        "rail": (
            "treno",
            "treni=",
            "treno blindato",
            "treno speciale",
            "ferrovia",
            "ferroviari",
            "vagone",
            "locomotiva",
        ),
        "air": (
            "aereo",
            "aerei=",
            "velivolo",
            "elicottero",
            "volato",
            "volata",
            "volo=",
            "voli=",
            "in aereo",
            "per via aerea",
        ),
        "road": (
            "corteo",
            "colonna di auto",
            "auto=",
            "automobile",
            "in macchina",
            # "su strada" is by road; "per strada" is in the street, on the way ("salutato per strada")
            "su strada",
            "autobus",
            "pullman",
            "limousine",
        ),
        "sea": ("nave", "navi=", "yacht", "traghetto", "barca", "per mare", "incrociatore", "fregata"),
    },
    stop_nouns=("tappa", "tappe", "destinazione", "meta=", "scalo"),
    copulas=frozenset("è sono sarà saranno era erano fu furono sarebbe".split()),
    cancelled=(
        "annullat",
        "cancellat",
        "cancellare",
        "cancella=",
        "cancellerà",
        "rinviat",
        "rinvia=",  # "rinvia la visita" (the present), "rinvierà"
        "rinvier",
        "annulla=",
        "annullerà",
        "posticip",  # "ha posticipato la visita", "posticipata"
        "sospes",
        "saltat",  # "è saltata la tappa", "fa saltare", "salta la missione"
        "saltare",
        "salta=",
        "salterà",
        "rinunc",  # "rinunciare al viaggio in Angola", "ha rinunciato alla tappa"
        # a visit that will not or did not take place
        "non avrà luogo",
        "non ha avuto luogo",
        "non si terrà",
    ),
    denied=(
        "non andrà",
        "non partirà",
        "non si recherà",
        "non visiterà",
        "non volerà",
        "non parteciperà",
    ),
    hosting=(
        "ha ospitato",
        "ospita=",
        "ospiterà",
        "padrone di casa",
    ),
    receiving=(
        "ha ricevuto",
        "riceve=",
        "riceverà",
        "ricevette",
        "ha accolto",
        "accoglie=",
        "accoglierà",
    ),
    decisions=(
        "annull",
        "cancell",
        "annunci",
        "conferm",
        "decis",
        "smentit",
        "sospes",
        "fatto sapere",
    ),
    negation_words=frozenset("non".split()),
    yet_words=frozenset("ancora".split()),
    only_words=frozenset("solo soltanto solamente".split()),
    complementizers=frozenset("che".split()),
    possibility=frozenset("può possono".split()),  # see Lexicon.possibility
    sources=(
        "secondo",
        "stando a",
        "fonti di",
        "un portavoce di",
        "fonti del",
        "un portavoce del",
    ),
    owners=frozenset("suo sua suoi sue loro".split()),
    births=frozenset("nato nata nati nate".split()),
    talk=("discuss", "dibattut", "menzionat", "affrontat"),
    negations=frozenset("non ha hanno aveva avevano ancora mai".split()),
    calls=(
        "telefon",
        "videoconferenza",
        "videochiamata",
        "videocollegamento",
    ),
    speech=(
        "ha detto",
        "ha dichiarato",
        "ha affermato",
        "ha annunciato",
        "ha avvertito",
        "ha criticato",
        "ha commentato",
        "ha risposto",
        "ha reagito",
        "ha replicato",
        "ha precisato",
        "ha denunciato",
        "ha condannato",
        "ha protestato",
        "ha respinto",
        "ha indicato",
        "ha spiegato",
        "ha assicurato",
        "ha sottolineato",
    ),
    outlet=("agenzia", "quotidiano", "giornale", "emittente", "testata"),
    titles=frozenset(
        "papa presidente premier ministro ministra re regina cancelliere il la lo del della sig. consiglio "
        "segretario esteri".split()
    ),
    determiners=frozenset("il lo la i gli le un uno una l'".split()),
    with_=frozenset("con e".split()),
    subject_after_verb=True,
    accompanied=(
        "accompagnato da",
        "accompagnata da",
        "insieme a",
        "insieme con",
        "raggiunto da",
        "raggiunta da",
    ),
    groups=(
        "i due leader",
        "i tre leader",
        "i quattro leader",
        "i leader",
        "i due presidenti",
        "i tre presidenti",
        "i presidenti",
        "i capi di stato",
        "i due",
        "i tre",
        "i quattro",
        "entrambi",
        "la delegazione",
    ),
    nationality_endings=("ese", "ano", "ana", "eno", "ena", "ino", "ina"),
    months=month_names(
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ),
    weekdays=weekday_names(
        "lunedì lunedi",
        "martedì martedi",
        "mercoledì mercoledi",
        "giovedì giovedi",
        "venerdì venerdi",
        "sabato",
        "domenica",
    ),
    relative={
        "oggi": 0,
        "stasera": 0,
        "stamattina": 0,
        "stamane": 0,
        "questa mattina": 0,
        "questo pomeriggio": 0,
        "domani": 1,
        "dopodomani": 2,
        "ieri": -1,
        "l'altro ieri": -2,
        "domattina": 1,
    },
    next_words=frozenset("prossimo prossima".split()),
    plan_preps=frozenset("per ad".split()),
    period_preps=frozenset("a in nel inizio fine metà".split()),  # "nel 2019": a year takes the article
    anchored={
        "il giorno dopo": 1,
        "il giorno seguente": 1,
        "un giorno dopo": 1,
        "un giorno più tardi": 1,
        "due giorni dopo": 2,
        "due giorni più tardi": 2,
        "l'indomani": 1,
        "la vigilia": -1,
        "il giorno prima": -1,
        # a time of day without a day: the day being told (see dates.anchor)
        "in mattinata": 0,
        "in tarda mattinata": 0,
        "nel pomeriggio": 0,
        "in serata": 0,
        "in tarda serata": 0,
        "in nottata": 0,
        "in giornata": 0,
    },
    # periods that name no day: such a stop is not where the news finds the traveller today
    vague_periods=(
        "la settimana scorsa",
        "la scorsa settimana",
        "la settimana prossima",
        "la prossima settimana",
        "questa settimana",
        "il mese scorso",
        "lo scorso mese",
        "il mese prossimo",
        "il prossimo mese",
        "questo mese",
        # the beginning, middle or end of the month: no day of it
        "inizio del mese",
        "inizio di questo mese",
        "inizio mese",
        "fine del mese",
        "fine mese",
        "metà del mese",
        "metà mese",
        "l'anno scorso",
        "lo scorso anno",
        "l'anno prossimo",
        "il prossimo anno",
        "nei prossimi giorni",
        "negli ultimi giorni",
    ),
    past_years=(
        "lo scorso anno",
        "l'anno scorso",
        "l'anno passato",
        "dello scorso anno",
        "dell'anno scorso",
        "dell'anno passato",
    ),
    ago=(("un anno fa", 12), ("{n} anni fa", 12), ("un mese fa", 1), ("{n} mesi fa", 1)),
    past_months=("lo scorso {m}", "lo scorso mese di {m}", "{m} scorso"),
    same_day=("lo stesso giorno", "quello stesso giorno", "nello stesso giorno", "la notte"),
    of=frozenset("di del della".split()),
    visit_ends=(
        "termina=",
        "terminerà=",
        "terminata=",
        "conclude=",
        "concluderà=",
        "conclusa=",
        "finisce=",
        "finirà=",
    ),
    pro_drop=True,
    pronouns=frozenset("lui lei egli".split()),
    until=("fino al", "fino a"),
    # "il giorno 25": the month is the one nearest the publication date
    # "il 18": a day of the month alone after the article, as in "le 18", "am 18." (dates._day_only)
    day_words=("il giorno", "il"),
    numbers={"un": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7, "otto": 8},
    durations=(r"(?:visita|soggiorno)\s+(?:[\w'-]+\s+){0,2}?di\s+{n}\s+giorni",),
    clause_openers=("prima di", "prima che", "dopo", "mentre"),
    before=("prima di", "prima che"),
    sequel=("dopo di che", "dopodiché"),
    where_words=("dove",),
    relative_pronouns=("che", "il quale", "la quale"),
    attributions=(
        "ha reso noto",
        "ha fatto sapere",
        "hanno reso noto",
        "hanno fatto sapere",
        "hanno annunciato",
        "ha comunicato",
    ),
    instead=("invece", "al suo posto"),
    told=("informat", "avvertit", "avvisat", "preavvisat", "notificat", "consultat", "allertat"),
    told_auxiliaries=frozenset("è sono stato stata stati state era erano fu viene venne".split()),
    topic_preps=frozenset("su sul sulla sui sulle sull'".split()),
    traffic=("voli",),
    stance_nouns=("posizione", "ruolo", "politica", "decisione", "atteggiamento", "interessi"),
    recall=("all'epoca", "a quel tempo", "in quell'occasione"),
    since=("dal", "dalla", "dallo"),
    event_times=(
        "prima del",
        "prima della",
        "prima dei",
        "prima delle",
        "prima dell'",
        "dopo il",
        "dopo la",
        "dopo i",
        "dopo le",
        "dopo l'",
    ),
    plans_then=(
        "era atteso",
        "era attesa",
        "erano attesi",
        "era previsto",
        "era prevista",
        "si attendeva",
        "doveva=",
        "dovevano=",
    ),
    partner_preps=frozenset("con".split()),
    consulting=(
        "colloqui",
        "consultazion",
        "coordinat",
        "coordinament",
        "concordat",
        "negoziat",
        "trattativ",
        "concertat",
    ),
    stance_verbs=(
        "sostenuto",
        "sostiene",
        "appoggiato",
        "appoggia",
        "riconosciuto",
        "riconosce",
        "condannato",
        "condanna",
    ),
    stayed=("rimast", "rimase=", "rimasero"),
    postponing=("rinvi", "posticip", "spostat", "slittat"),
    postponed_to=frozenset("a al all' fino".split()),
    unreal_modals=(
        "avrebbe dovuto",
        "avrebbero dovuto",
        "sarebbe dovuto",  # with a verb of motion the auxiliary is "essere"
        "sarebbe dovuta",
        "sarebbero dovuti",
        "sarebbero dovute",
    ),
    visit_nouns=("visita=", "viaggio=", "missione="),
    wanting=("voleva=", "volevano="),
    alternatives=frozenset("o oppure".split()),
    residences=frozenset(
        (
            "residente residenti originario originaria originari originarie basato basata basati "
            "basate risiede risiedeva vive viveva"
        ).split()
    ),
    viewpoints=frozenset({"per"}),
    counterparts=("omolog",),
    accepting=("accett",),
    distances=frozenset("km chilometri chilometro miglia".split()),
    distance_from=frozenset("da dal dalla dallo dai di del della".split()),
)


#: auxiliaries of the perfect and the pluperfect
_PERFECT_AUX = frozenset("è ha hanno sono era erano aveva avevano".split())
#: adverbs written between the auxiliary and the participle
_ADVERBS = frozenset("poi già quindi anche infine ormai appena dunque inoltre allora".split())
#: endings of past participles: the regular ones and those of common irregular travel verbs
#: ("giunto", "raggiunto", "visto", "fatto")
_PARTICIPLE_ENDINGS = tuple(
    "ato ata ati ate ito ita iti ite uto uta uti ute unto unta unti unte isto atto atta".split()
)


def _participle(word: str) -> bool:
    return len(word) > 3 and word.endswith(_PARTICIPLE_ENDINGS)


def _conditional(low: list[str]) -> bool:
    """A conditional ("si recherebbe", "visiterebbero"), not the conditional perfect of an unreal
    past ("si sarebbe trattato", "avrebbe visitato")."""
    return any(
        w.endswith(("rebbe", "rebbero"))
        and not (w.startswith(("sar", "avr")) and any(_participle(n) for n in low[i + 1 : i + 3]))
        for i, w in enumerate(low)
    )


def _about_to(low: list[str]) -> bool:
    """ "stare per" + infinitive: about to ("sta per partire per Rabat")."""
    return any(a in ("sta", "stanno") and b == "per" for a, b in pairwise(low))


#: the imperfect of "essere" and the endings of the imperfect (not "-iva", the ending of many nouns
#: and adjectives: "iniziativa", "trattativa")
_IMPERFECT = frozenset("era erano".split())
_IMPERFECT_ENDINGS = ("ava", "avano", "eva", "evano", "ivano")


#: the stems of the modal verbs, whose imperfect tells a plan ("doveva recarsi a Quito": was to)
_MODALS = ("dov", "vol", "pot")


def _imperfect(word: str) -> bool:
    """An imperfect ("era", "si trovava", "visitavano"): a past of what was going on; not a modal
    ("doveva", "voleva", "poteva"), whose imperfect is a plan of the past."""
    if word.startswith(_MODALS):
        return False
    return word in _IMPERFECT or (len(word) > 5 and word.endswith(_IMPERFECT_ENDINGS))


def _tense(words: list[str]) -> str | None:
    """Past for a perfect, a preterite or an imperfect ("è arrivato", "ha visitato", "arrivò",
    "era a Quito"), future for "-rà", else present."""
    low = [w.lower() for w in words]
    # the perfect and the pluperfect ("era giunto", "avevano visitato"), an adverb may stand
    # between the auxiliary and the participle ("è poi arrivato", "ha già incontrato")
    for i, w in enumerate(low):
        nxt = low[i + 1 : i + 3]
        if (
            w in _PERFECT_AUX
            and nxt
            and (_participle(nxt[0]) or (nxt[0] in _ADVERBS and _participle(nxt[-1])))
        ):
            return "past"
    if any(w.endswith("ò") and len(w) > 3 for w in low):
        return "past"
    if any(_imperfect(w) for w in low):
        return "past"  # the imperfect of a stay told ("era a Quito", "si trovava a Lima")
    if any(w.endswith(("rà", "ranno")) for w in low):
        return "future"
    if _conditional(low):
        return "future"  # the conditional ("si recherebbe", "visiterebbero")
    if _about_to(low):
        return "future"
    return "present"


class Italian(Language):
    """Italian."""

    code = "it"
    name = "Italian"
    words = PACK
    lacks = frozenset(
        {
            "verb_final_after",  # the verb follows its subject in every clause
            "addressee_preps",  # no preposition marks the object of a verb of saying
            "day_months",  # no month abbreviation is also a common word
            "day_nouns",  # the day words come before the number ("il 18")
            "from_phrases",  # "da" alone marks provenance (origin)
            "leaving",  # "da" alone marks provenance (origin)
            "when_words",  # the clause of time takes the future itself
            "plural_endings",  # Italian plurals end like singular verbs ("-e", "-i")
            "weekday_leads",  # no weekday word is an ordinal
            "weekday_ordinals",
            "invitation_final",  # the verb of inviting comes before the place
            "be_perfect",
            "date_links",
            "month_before_day",
            "year_after",
            "year_before",
            "adjective_endings",
            "compound_heads",
            "compound_not",
            "demonym_endings",
            "future_auxiliaries",
            "irrealis",
            "loc_is_natural",
            "nouns_capitalised",
            "particles",
            "perfect_auxiliaries",
            "possessives",
            "time_of_day",
            "travel_lemmas",
        }
    )

    def tense(self, words: list[str]) -> str | None:
        return _tense(words)

    def prospective(self, words: list[str]) -> bool:
        low = [w.lower() for w in words]
        return _conditional(low) or _about_to(low)

    def past_participle(self, word: str) -> bool:
        return len(word) > 5 and word.endswith(tuple(a + b for a in ("at", "ut", "it") for b in "oaie"))
