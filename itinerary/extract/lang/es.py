"""The Spanish language pack: travel, tense, time and title words of news about official trips."""

from __future__ import annotations

from itertools import pairwise

from itinerary.extract.lang.base import Language
from itinerary.extract.lexicon import Lexicon, Stem, month_names, weekday_names

PACK = Lexicon(
    "es",
    range_joiners=("al", "y"),
    ordinal_suffixes=("º",),
    date_links=("de", "del"),
    this=("este", "esta"),
    person_links=frozenset({"de", "del"}),
    genitives=frozenset({"de", "del"}),
    kind_joiners=frozenset({"de", "del"}),
    list_joiners=frozenset({"y", "e", "o", "luego", "después", "finalmente"}),
    time_of_day={"mañana": r"\b(la|esta|cada)"},
    departure=("partió", "salió", "rumbo a", "se dirige", "emprendió", "despegó", "viaja hacia", "en camino"),
    arrival=("lleg", "aterriz", "arrib"),
    meet=("reunió", "reunirá", "recibió", "recibido", "recibida", "encontró"),
    travel=(
        # coming back from a place tells that the trip reached it ("returned from Nairobi")
        "regresó=",
        "regresó de",
        "regresó del",
        "volvió de",
        "volvió del",
        "vuelve de",
        "regresa de",
        "cruzó",  # crossing or driving on the way (a leg without a verb of arrival)
        "lleg",
        # desplazarse: to move on to a place ("se desplazará a Sevilla"), as French "se déplacer"
        Stem("se desplaz"),
        # volar: flying to a place is travel ("voló a Londres")
        "voló",
        "volará",
        "volaría",
        "volar=",
        "viaj",
        "visit",
        "gira=",
        "giras=",
        "escala",
        Stem("de camino a"),  # a stop on the way to the next ("hizo escala en El Cairo, de camino a Riad")
        "en camino",
        Stem("rumbo a"),
        "pasar por",  # passing through on the way ("tras pasar por Quito")
        "pasó por",
        "pasará por",
        "aterriz",
        "partió",
        "partirá",
        "salió",
        "saldrá",
        "recorr",
        "etapa",
        "destino",
        "traslad",
        "estancia",
        "permanec",
        "descend",
        "llevará",
        "llevó",
        "periplo",
        Stem("se dirig"),
        "se reunió",
        "se reunirá",
        Stem("se entrevist"),  # meeting someone where they are ("se entrevistó con el gobernador en ...")
        "recibid",
        "estará en",  # being at the place ("el jueves estará en Davos", "estuvo en Lima")
        "estuvo en",
        "estaba en",
        # the traveller's own words ("Hoy estoy en Acra", "Ayer estuvimos en Kigali")
        "estoy en",
        "estuve en",
        "estamos en",
        "estuvimos en",
        "estábamos en",
        "ofrenda floral",  # a wreath is laid in person ("depositó una ofrenda floral en Hanói")
        "corona de flores",
        # the future of "ir" with its preposition of place ("irá a Lima el viernes"; "irá a reunirse" is
        # a periphrasis its infinitive tells)
        "irá a",
        "irá al",
        "irán a",
        "irán al",
    ),
    at=frozenset("a en hacia para al".split()),
    origin=frozenset("desde".split()),
    # provenance, where "de" is also "of" ("procedente de Quito", "que venía de Asunción")
    from_phrases=(
        "procedente de",
        "procedente del",
        "procedentes de",
        "proveniente de",
        "proveniente del",
        "venía de",
        "venía del",
        "vino de",
        "vino del",
        "viniendo de",
        "venido de",
        "venida de",
        "llegado de",
        "llegada de",
        "llegado del",
        "de regreso de",
        "de regreso del",
        "de vuelta de",
    ),
    visit_verbs=("visit", "recorr", "dej", "abandon"),
    # subject pronouns (one may follow a visit verb: "besuchte sie Accra")
    subject_pronouns=frozenset("él ella ellos ellas usted".split()),
    # ... and the phrases of passing through a place on the way (a transit stop: "tras pasar por Quito")
    toward=("rumbo a", "camino a", "con destino a", "pasar por", "pasó por", "pasará por", "vía"),
    future_endings=("ará", "erá", "irá", "arán", "erán", "irán"),
    # verbs and the noun of inviting ("invitó al presidente a visitar Kiev"); the noun with a genitive after
    # it ("at the invitation of") is a visit made (see steps.status.invited)
    invitations=("invitó", "invita=", "invitan=", "invitaron", "invitado", "invitada", "invitar", "invitaci"),
    projectiles=("misil", "cohete", "dron"),
    planned=(
        "viajará",
        "visitará",
        "llegará",
        "partirá",
        "irá",
        "estará",
        "será",
        "prevé",
        "previst",
        "tiene previsto",
        "está previsto",
        "planea",
        # "debe llegar", "deberá viajar", "debía regresar a Madrid por la noche": is to, was to
        "debe=",
        "deben=",
        "deberá",
        "deberán",
        "debería",
        "debía=",
        "debían=",
        "plane",
        "se espera",
        "esperad",
        "próxim",
        "mañana",
        "hará",
        "continuará",
        "seguirá",
        # a hope, a trip weighed or possible: one that may be, not one made ("espera viajar a",
        # "estudia una visita a", "una posible visita a")
        "espera=",
        "esperan=",
        "esperaba=",
        "estudia=",
        "estudian=",
        "sopesa",
        "contempla=",
        "evalúa",
        "posible",
        "eventual",
        # a trip fixed for later ("tiene programada una visita a", "tiene programado viajar a")
        "programad",
        "quería viajar",
        "querían viajar",
        "quería visitar",
        "querían visitar",
        "quería ir",
        "querían ir",
    ),
    plans_denied=(
        "no tiene previsto",
        "no tiene prevista",
        "no tiene planes",
        "no tiene intención",
        "no prevé",
        "no planea",
        "no contempla",
    ),
    contrasts=frozenset({"pero", "sino", "aunque"}),
    movers=(
        "refugiado",
        "migrante",
        "inmigrante",
        "pasajero",
        "tropas=",
        "soldado",
        "manifestante",
        "turista",
        "peregrino",
        "mercancía",
        "columna=",
    ),
    again=("volv a", "vuelv a", "regres a"),
    infinitive_endings=(
        "ar",
        "er",
        "ir",
        "arse",
        "erse",
        "irse",
        "arlo",
        "erlo",
        "irlo",
        "arla",
        "erla",
        "irla",
    ),
    returns=(
        "regres",
        "volvi",
        "vuelv",
    ),
    event_nouns=(
        "guerra",
        "conflicto",
        "crisis",
        "situación",
        "ayuda",
        "asistencia",
        "ataque",
        "atentado",
        "explosión",
        "bombardeo",
        "sanción",
        "sanciones",
        "elecciones",
        "tregua",
        "combates",
        "violencia",
        "catástrofe",
        "tensión",
        "tensiones",
        "ofensiva",
        "invasión",
        "ocupación",
        "hambruna",
        "genocidio",
        "armas=",
        "armamento",
        "munici",
    ),
    event_preps=frozenset("contra con sobre".split()),
    adjectives_after=True,
    locating=(
        "al norte de",
        "al sur de",
        "al este de",
        "al oeste de",
        "al noreste de",
        "al noroeste de",
        "al sureste de",
        "al suroeste de",
        "al nordeste de",
        "al sudeste de",
        "al sudoeste de",
        "cerca de",
        "no lejos de",
        "en las afueras de",
        "a las afueras de",
        "a las puertas de",
        "km de",
        "kilómetros de",
    ),
    # "not only X but also Y": both are the objects of the verb before it
    correlatives=(
        ("no solo", "sino también"),
        ("no sólo", "sino también"),
        ("no solamente", "sino también"),
        ("no solo", "sino"),
        ("no sólo", "sino"),
    ),
    refusals=(
        ("negó", "permiso"),
        ("denegó", "permiso"),
        ("negó", "autoriza"),
        ("denegó", "autoriza"),
        ("rechazó", "permiso"),
    ),
    no_plan=(
        "como estaba previsto",
        "como se esperaba",
        "como previsto",
        "como estaba planeado",
        "según lo previsto",
        "tal como se anunció",
        # "near": "una base próxima a Bagdad"
        "próximo a",
        "próxima a",
        "próximos a",
        "próximas a",
        "próximo al",
        "próxima al",
        "próximo de",
        "próxima de",
    ),
    sequence=(
        "luego=",
        "después",
    ),
    cancelled=(
        "cancel",
        "suspend",
        "aplaz",
        "anul",  # "anuló la visita", "anulada"
        "pospus",
        "posterg",
        "suprimid",
        "retirad",
        # "renunció al viaje" (not the noun "la renuncia", a resignation)
        "renunció",
        "renunciar=",
        "renunciará",
        "renunciaron",
        # a visit that will not or did not take place
        "no se realizará",
        "no se llevará a cabo",
        "no tendrá lugar",
        "no se realizó",
        "no tuvo lugar",
    ),
    denied=(
        "no irá",
        "no viajará",
        "no asistirá",
        "no acudirá",
        "no visitará",
        "no participará",
    ),
    hosting=(
        "acogió",
        "acoge=",
        "acogerá",
        "anfitrión",
        "anfitriona",
    ),
    receiving=(
        "recibió",
        "recibe=",
        "recibirá",
        "recibía",
    ),
    decisions=(
        "cancel",
        "anunci",
        "confirm",
        "decid",
        "desmint",
        "suspend",
        "informó",
    ),
    negation_words=frozenset("no".split()),
    yet_words=frozenset("todavía aún".split()),
    only_words=frozenset("sólo solo solamente únicamente".split()),
    complementizers=frozenset("que".split()),
    possibility=frozenset("puede pueden".split()),  # see Lexicon.possibility
    sources=(
        "según",
        "de acuerdo con",
        "fuentes de",
        "un portavoz de",
        "una portavoz de",
    ),
    owners=frozenset("su sus".split()),
    births=frozenset("nacido nacida nacidos nacidas".split()),
    talk=("discut", "debat", "mencion", "abordad", "abordó", "trató=", "tratará=", "trataron="),
    negations=frozenset("no ha han había habían aún todavía nunca".split()),
    calls=(
        "telefónic",
        "llamada",
        "videoconferencia",
        "videollamada",
    ),
    speech=(
        "dijo",
        "declaró",
        "afirmó",
        "anunció",
        "advirtió",
        "señaló",
        "criticó",
        "condenó",
        "coment",
        "respond",
        "reaccion",
        "replicó",
        "denunci",
        "rechaz",
        "protest",
        "precisó",
        "insistió",
        "indicó",
        "explicó",
        "aseguró",
        "subrayó",
    ),
    outlet=("agencia", "diario", "periódico", "cadena", "medio"),
    titles=frozenset(
        "papa presidente presidenta ministro ministra rey reina el la los del de sr. sra. don doña".split()
    ),
    determiners=frozenset("el la los las un una lo".split()),
    with_=frozenset("con y".split()),
    subject_after_verb=True,
    accompanied=(
        "acompañado de",
        "acompañada de",
        "acompañado por",
        "acompañada por",
        "junto a",
        "junto con",
    ),
    groups=(
        "los dos líderes",
        "los tres líderes",
        "los líderes",
        "los dos presidentes",
        "los tres presidentes",
        "los presidentes",
        "los mandatarios",
        "los dos mandatarios",
        "los jefes de estado",
        "los dos",
        "los tres",
        "ambos",
        "la delegación",
    ),
    nationality_endings=("ano", "ana", "és", "esa", "eno", "ena", "ino", "ina", "ense", "eño", "eña"),
    place_nouns=(
        "vecin",  # an adjective of position: "en el vecino Uzbekistán", "a la vecina Bolivia"
        "capital",
        "ciudad",
        "localidad",
        "puerto",
        "provincia",
        "región",
        "villa",
    ),
    transit_nouns=("frontera", "andén", "estación", "paso fronterizo", "puesto fronterizo"),
    modes={
        "rail": (
            "tren=",
            "trenes=",
            "tren blindado",
            "tren especial",
            "ferrocarril",
            "ferroviari",
            "vagón",
            "locomotora",
        ),
        "air": (
            "avión",
            "aviones",
            "aeronave",
            "helicóptero",
            "voló",
            "volado",
            "volar",
            "vuelo=",
            "vuelos=",
            "por aire",
            "en avión",
            "aéreo",
            "aérea",
        ),
        "road": (
            "caravana",
            "convoy",
            "coche",
            "automóvil",
            "por carretera",
            "en auto",
            "autobús",
            "limusina",
        ),
        "sea": ("barco", "buque", "yate", "ferri", "ferry", "por mar", "crucero", "fragata", "navío"),
    },
    stop_nouns=("etapa", "escala", "destino", "parada"),
    copulas=frozenset("es son será serán fue fueron era sería".split()),
    # the agencies' abbreviations ("MADRID, 16 sep (EFE).-"); not "mar", which is the sea
    months=month_names(
        "enero ene",
        "febrero feb",
        "marzo",
        "abril abr",
        "mayo may",  # the agencies' abbreviations ("13 may (EFE).-")
        "junio jun",
        "julio jul",
        "agosto ago",
        "septiembre setiembre sep sept",
        "octubre oct",
        "noviembre nov",
        "diciembre dic",
    ),
    # "mar" is the sea ("en mar abierto"): March only after a day ("16 mar (EFE)")
    day_months={"mar": 3},
    weekdays=weekday_names(
        "lunes", "martes", "miércoles miercoles", "jueves", "viernes", "sábado sabado", "domingo"
    ),
    relative={
        "hoy": 0,
        "esta noche": 0,
        "esta mañana": 0,
        "esta tarde": 0,
        "anoche": -1,
        "mañana": 1,
        "pasado mañana": 2,
        "ayer": -1,
        "anteayer": -2,
    },
    next_words=frozenset("próximo próxima".split()),
    plan_preps=frozenset("para".split()),
    period_preps=frozenset("en a principios finales mediados".split()),
    year_before=("el año",),  # "en el año 2019"
    anchored={
        "al día siguiente": 1,
        "el día siguiente": 1,
        "un día después": 1,
        "un día más tarde": 1,
        "dos días después": 2,
        "dos días más tarde": 2,
        "la víspera": -1,
        "el día anterior": -1,
        # a time of day without a day: the day being told (see dates.anchor)
        "por la mañana": 0,
        "por la tarde": 0,
        "por la noche": 0,
        "en la mañana": 0,
        "en la tarde": 0,
        "en la noche": 0,
        "esa tarde": 0,
        "esa noche": 0,
        "esa misma tarde": 0,
        "esa misma noche": 0,
    },
    # periods that name no day: such a stop is not where the news finds the traveller today
    vague_periods=(
        "la semana pasada",
        "la próxima semana",
        "la semana próxima",
        "la semana que viene",
        "esta semana",
        "el mes pasado",
        "el próximo mes",
        "el mes próximo",
        "el mes que viene",
        "este mes",
        # the beginning, middle or end of the month: no day of it
        "principios de mes",
        "principios del mes",
        "comienzos de mes",
        "finales de mes",
        "finales del mes",
        "fin de mes",
        "mediados de mes",
        "el año pasado",
        "el próximo año",
        "el año próximo",
        "el año que viene",
        "en los próximos días",
        "en los últimos días",
    ),
    past_years=("el año pasado", "del año pasado", "el pasado año", "del pasado año"),
    ago=(("hace un año", 12), ("hace {n} años", 12), ("hace un mes", 1), ("hace {n} meses", 1)),
    past_months=("el pasado {m}", "el pasado mes de {m}", "{m} pasado"),
    same_day=("el mismo día", "ese mismo día", "ese día", "la noche"),
    of=frozenset("de del".split()),
    visit_ends=(
        "termina=",
        "terminará=",
        "terminó=",
        "concluye=",
        "concluirá=",
        "concluyó=",
        "finaliza=",
        "finalizará=",
        "finalizó=",
    ),
    pro_drop=True,
    plural_endings=("s",),
    pronouns=frozenset("él ella".split()),
    until=("hasta el", "hasta"),
    day_words=("el día",),
    numbers={"un": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8},
    durations=(r"(?:visita|estancia|estadía)\s+(?:[\w-]+\s+){0,2}?de\s+{n}\s+días",),
    clause_openers=("antes de", "después de", "luego de", "tras", "mientras"),
    before=("antes de",),
    sequel=("tras el cual", "tras la cual", "después de lo cual", "tras lo cual"),
    when_words=("cuando", "en cuanto", "tan pronto como", "una vez que"),
    where_words=("donde", "en donde", "adonde", "a donde"),
    relative_pronouns=("que", "quien", "quienes", "el cual", "la cual"),
    attributions=("informó", "informaron", "comunicó", "anunciaron", "dijeron", "señalaron"),
    instead=("en cambio", "en su lugar"),
    told=("informad", "avisad", "advertid", "notificad", "consultad", "alertad"),
    told_auxiliaries=frozenset("fue fueron sido es son era eran está están estaba estaban".split()),
    topic_preps=frozenset({"sobre"}),
    traffic=("vuelos",),
    addressee_preps=frozenset({"a", "al"}),
    stance_nouns=("postura", "posición", "papel", "política", "decisión", "actitud", "intereses"),
    recall=(
        "en aquel momento",
        "en aquella ocasión",
        "en aquella época",
        "por aquel entonces",
        "en ese entonces",
    ),
    since=("desde",),
    event_times=(
        "antes de la",
        "antes del",
        "antes de los",
        "antes de las",
        "después de la",
        "después del",
        "después de los",
        "después de las",
        "tras la",
        "tras el",
        "tras los",
        "tras las",
    ),
    plans_then=(
        "era esperado",
        "era esperada",
        "eran esperados",
        "estaba previsto",
        "estaba prevista",
        "tenía previsto",
        "se esperaba",
        "debía=",
        "debían=",
    ),
    partner_preps=frozenset("con".split()),
    consulting=(
        "consultas",
        "conversaciones",
        "negociaciones",
        "coordinad",
        "coordinación",
        "concertad",
        "diálogo",
        "acordad",
    ),
    stance_verbs=(
        "apoyó",
        "apoya",
        "apoyado",
        "respaldó",
        "respalda",
        "reconoció",
        "reconoce",
        "reconocido",
        "condenó",
        "condena",
        "sancionó",
    ),
    stayed=("quedó=", "quedaron=", "permaneció", "permanecieron"),
    postponing=("aplaz", "pospus", "pospon", "posterg"),
    postponed_to=frozenset("a al para hasta".split()),
    unreal_modals=(
        "debería haber",
        "deberían haber",
        "habría debido",
        "habrían debido",
        "tendría que haber",
        "tendrían que haber",
    ),
    visit_nouns=("visita=", "viaje=", "gira="),
    # "salió de Madrid", "tras salir de Madrid": not "parte" ("parte de Madrid", part of it),
    # "partido" (the party) nor "partir" ("a partir de Madrid", from Madrid on)
    leaving=(
        "sali",
        "sale=",
        "salen=",
        "partió=",
        "partieron=",
        "partiendo=",
        "partía=",
        "despeg",
    ),
    wanting=("quería=", "querían="),
    alternatives=frozenset("o u".split()),
    residences=frozenset(
        (
            "residente residentes afincado afincada afincados afincadas radicado radicada radicados "
            "radicadas natural naturales originario originaria originarios originarias reside residía "
            "vive vivía"
        ).split()
    ),
    viewpoints=frozenset({"para"}),
    counterparts=("homólog",),
    accepting=("acept",),
    distances=frozenset("km kilómetros kilómetro millas".split()),
    distance_from=frozenset("de del".split()),
)


#: irregular preterites (ser/ir, estar, tener, hacer, venir, decir, poder, poner, traer, conducir)
_PRETERITES = frozenset(
    "fue fueron estuvo estuvieron tuvo tuvieron hizo hicieron vino vinieron dijo dijeron pudo "
    "pudieron puso pusieron trajo trajeron condujo condujeron".split()
)


#: auxiliaries of the perfect and the pluperfect ("ha llegado", "habían llegado")
_PERFECT_AUX = frozenset("ha han he hemos había habían habia habian".split())


def _tense(words: list[str]) -> str | None:
    """Past for a preterite, a perfect or a pluperfect ("llegó", "ha llegado", "habían llegado"),
    future for "-rá", else present."""
    low = [w.lower() for w in words]
    if any(w in _PRETERITES for w in low):
        return "past"  # "fue recibido", "estuvo en Lima"
    if any(w.endswith(("ó", "aron", "ieron", "aba", "aban")) and len(w) > 3 for w in low):
        return "past"
    if any(a in _PERFECT_AUX and b.endswith(("ado", "ido")) for a, b in pairwise(low)):
        return "past"
    if any(w.endswith(("ará", "erá", "irá", "arán", "erán", "irán")) for w in low):
        return "future"
    if _conditional(low):
        return "future"
    if _going_to(low):
        return "future"
    return "present"


def _conditional(low: list[str]) -> bool:
    """A conditional ("viajaría", "visitarían"; not a noun after its article: "la secretaría"; not
    the conditional perfect of an unreal past: "habría viajado")."""
    return any(
        w.endswith(_CONDITIONAL)
        and w not in _R_IMPERFECTS
        and len(w) > len("aría")
        and (i == 0 or low[i - 1] not in _BEFORE_NOUN)
        and not (w.startswith("habr") and any(n.endswith(("ado", "ido")) for n in low[i + 1 : i + 3]))
        for i, w in enumerate(low)
    )


def _going_to(low: list[str]) -> bool:
    """ "ir a" + infinitive, the periphrastic future ("va a viajar a Rabat"; not "va a Roma")."""
    return any(
        a in _IR and b == "a" and c.endswith(("ar", "er", "ir"))
        for a, b, c in zip(low, low[1:], low[2:], strict=False)
    )


#: endings of the conditional
_CONDITIONAL = ("ría", "rían", "ríamos")
#: the imperfect of a verb in -er or -ir whose stem ends in "r" ends like a conditional: "quería"
#: (quer-ía, wanted) is no "querría" (would want), "prefería" no "preferiría"; the frequent ones
_R_IMPERFECTS = frozenset(
    stem + end
    for stem in (
        "quer prefer requer refer mor ocurr corr recorr adquir sufr abr cubr descubr transcurr"
    ).split()
    for end in ("ía", "ían", "íamos")
)
#: words after which a form in "-ría" is a noun ("la secretaría", "una galería", "de la mayoría")
_BEFORE_NOUN = PACK.determiners | PACK.at | PACK.genitives | frozenset("su sus esta este esa".split())
#: the present of "ir" ("va a viajar")
_IR = frozenset("voy vas va vamos van".split())


class Spanish(Language):
    """Spanish."""

    code = "es"
    name = "Spanish"
    words = PACK
    lacks = frozenset(
        {
            "verb_final_after",  # the verb follows its subject in every clause
            "being",  # a place put first seldom has its verb negated after it (steps.status)
            "day_nouns",  # the day words come before the number ("el día 18")
            "weekday_leads",  # no weekday word is an ordinal
            "weekday_ordinals",
            "invitation_final",  # the verb of inviting comes before the place
            "be_perfect",
            "month_before_day",
            "year_after",
            "adjective_endings",
            "compound_heads",
            "compound_not",
            "demonym_endings",
            "elisions",
            "future_auxiliaries",
            "irrealis",
            "loc_is_natural",
            "nouns_capitalised",
            "particles",
            "perfect_auxiliaries",
            "possessives",
            "travel_lemmas",
        }
    )

    def tense(self, words: list[str]) -> str | None:
        return _tense(words)

    def prospective(self, words: list[str]) -> bool:
        low = [w.lower() for w in words]
        return _conditional(low) or _going_to(low)

    def past_participle(self, word: str) -> bool:
        return len(word) > 5 and word.endswith(("ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas"))
