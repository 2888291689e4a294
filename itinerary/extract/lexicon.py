"""Words that carry travel, tense and time in the languages we read.

Every entry is a lower-case word or word prefix (``"arriv"`` matches *arrivé*, *arrives*);
patterns are matched against a token's lower-cased text at word start. Nothing here is
written for one article: each list is the ordinary vocabulary of news about official trips.
"""

from __future__ import annotations

from dataclasses import dataclass, field

LANGS = ("fr", "en", "es", "de", "ru")


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
    weekdays: dict[str, int] = field(default_factory=dict)
    # Relative days: word -> offset from the publication date.
    relative: dict[str, int] = field(default_factory=dict)
    # Words that push a weekday forward ("next Wednesday", "mercredi prochain").
    next_words: frozenset[str] = frozenset()
    # Prepositions that introduce a month or a year ("en octobre", "in 2019").
    period_preps: frozenset[str] = frozenset()
    # Multi-word prepositions of direction ("en direction de", "on to", "rumbo a").
    toward: tuple[str, ...] = ()
    # Verbs of meeting: the person after them is the host, not the traveller ("a rencontré Poutine").
    meet: tuple[str, ...] = ()
    # Verb endings of the future tense, for languages without a tagger ("llevará", "visitará").
    future_endings: tuple[str, ...] = ()


def _m(*names: str) -> dict[str, int]:
    """Month names: each argument is the space-separated forms of one month."""
    return {form: i + 1 for i, forms in enumerate(names) for form in forms.split()}


def _w(*names: str) -> dict[str, int]:
    return {form: i for i, forms in enumerate(names) for form in forms.split()}


FR = Lexicon(
    "fr",
    meet=("rencontr", "reçu", "reçue", "accueilli", "accueillie", "retrouv", "entretenu"),
    travel=(
        "arriv",
        "rendre=",
        "rendra",
        "rendu",
        "rendait",
        "rendrait",
        "visit",
        "voyag",
        "tournée",
        "étape",
        "escale",
        "séjour",
        "atterri",
        "quitt",
        "partir=",
        "parti=",
        "partira",
        "repart",
        "rejoin",
        "déplac",
        "poursuit",
        "gagner=",
        "restera",
        "rester=",
        "resté",
        "attendu",
        "attendue",
        "se trouve",
        "se trouvait",
        "est à",
        "était à",
        "mènera",
        "mène=",
        "emmen",
        "direction",
        "entretenu",
        "entretiendra",
        "rencontr",
        "accueilli",
        "reçu par",
        "reçue par",
    ),
    at=frozenset("à au aux en dans vers pour sur".split()),
    origin=frozenset("depuis".split()),
    visit_verbs=("visit", "quitt", "rejoin", "gagn", "atteindr", "parcour"),
    toward=("direction de", "direction d'", "route vers", "route pour", "à destination de"),
    planned=(
        "devr",
        "doit=",
        "doivent=",
        "devait=",
        "prévu",
        "prévoi",
        "attendu",
        "attendue",
        "sera=",
        "seront=",
        "serait=",
        "ira=",
        "iront=",
        "rendra",
        "visitera",
        "invit",
        "prochain",
        "projet",
        "envisag",
        "au programme",
        "ensuite",
        "puis=",
        "demain",
        "suivi=",
        "suivie=",
        "suivra",
        "prendra",
        "mènera",
    ),
    cancelled=("annul", "report", "renonc", "ajourn"),
    speech=(
        "a déclar",
        "déclar",
        "a annonc",
        "annonc",
        "a adressé",
        "adress",
        "averti",
        "a dit",
        "a affirm",
        "affirm",
        "estim",
        "dénonc",
        "condamn",
        "a réag",
        "réag",
        "salu",
    ),
    outlet=("agence", "journal", "quotidien", "chaîne", "radio", "télévision", "site"),
    titles=frozenset(
        "m. mm. mme président présidente premier ministre chef roi reine pape dirigeant camarade "
        "secrétaire chancelier chancelière général prince le la les du de".split()
    ),
    determiners=frozenset("le la l les un une des du de d' l' the".split()),
    with_=frozenset("avec et".split()),
    months=_m(
        "janvier janv",
        "février févr fevrier",
        "mars",
        "avril avr",
        "mai",
        "juin",
        "juillet juil",
        "août aout",
        "septembre sept",
        "octobre oct",
        "novembre nov",
        "décembre déc decembre",
    ),
    weekdays=_w("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    relative={"aujourd'hui": 0, "ce soir": 0, "demain": 1, "après-demain": 2, "hier": -1, "avant-hier": -2},
    next_words=frozenset("prochain prochaine".split()),
    period_preps=frozenset("en début fin mi- courant".split()),
)

EN = Lexicon(
    "en",
    meet=("met=", "meets=", "meet=", "meeting", "hosted", "received", "greeted", "welcomed"),
    travel=(
        "arriv",
        "travel",
        "trip",
        "visit",
        "expected",  # "is expected in Johannesburg"
        "stopover",
        "tour=",
        "tours=",
        "toured",
        "touring",
        "stop=",
        "stops=",
        "stopped",
        "landed",
        "landing",
        "lands=",
        "land=",
        "depart",
        "left=",
        "leave=",
        "leaves=",
        "leaving",
        "headed",
        "heading",
        "heads=",
        "fly=",
        "flies=",
        "flew",
        "flown",
        "flying",
        "journey",
        "go to",
        "went to",
        "going to",
        "come to",
        "came to",
        "hosted",
        "destination",
        "stay=",
        "stayed",
        "staying",
        "en route",
        "bound for",
        "reach",
        "held talks",
        "be in",
        "was in",
        "is in",
        "voyage",
        "met=",
        "meets=",
        "meet with",
        "talks with",
        "welcomed",
    ),
    at=frozenset("in at to into for inside".split()),
    origin=frozenset("from".split()),
    visit_verbs=("visit", "left=", "leave", "leaving", "reach", "tour=", "toured", "touring"),
    toward=("on to", "onward to", "bound for", "en route to", "way to"),
    planned=(
        "will=",
        "'ll",
        "would=",
        "shall=",
        "expected",
        "plan",
        "scheduled",
        "due to",
        "to travel",
        "to visit",
        "to go",
        "next",
        "later",
        "tomorrow",
        "upcoming",
        "set to",
        "going to",
        "intend",
        "invit",
        "en route",
        "bound for",
        "heads to",
        "heading",
        "departed for",
        "is to",
        "are to",
        "prepar",
        "aims to",
        "hopes to",
        "proposed",
        "followed by",
        "upcoming",
    ),
    cancelled=("cancel", "called off", "call off", "no longer", "postpon", "scrap", "scrapp", "delay"),
    speech=(
        "said=",
        "say=",
        "says=",
        "announced",
        "announces",
        "warned",
        "warns",
        "told=",
        "stated",
        "claimed",
        "claims=",
        "insisted",
        "accused",
        "condemned",
        "denied",
        "denies",
        "blamed",
        "urged",
        "reported=",
        "reports=",
        "responded",
        "criticized",
        "criticised",
    ),
    outlet=("news", "agency", "media", "television", "tv", "newspaper", "daily", "broadcaster"),
    titles=frozenset(
        "mr. mr mrs. mrs ms. ms dr. dr president prime minister secretary chancellor king queen "
        "pope leader general prince sheikh the foreign of state".split()
    ),
    determiners=frozenset("the a an".split()),
    with_=frozenset("with and".split()),
    months=_m(
        "january jan",
        "february feb",
        "march mar",
        "april apr",
        "may",
        "june jun",
        "july jul",
        "august aug",
        "september sept sep",
        "october oct",
        "november nov",
        "december dec",
    ),
    weekdays=_w("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    relative={"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1},
    next_words=frozenset("next coming".split()),
    period_preps=frozenset("in early late mid- during".split()),
)

DE = Lexicon(
    "de",
    meet=("trifft", "traf", "getroffen", "empfängt", "empfing", "empfangen"),
    travel=(
        "reise",
        "reist",
        "besuch",
        "gelandet",
        "erwartet",  # "wird am Freitag in Peking erwartet"
        "zwischenstopp",
        "stopp",
        "landet",
        "ankunft",
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
        "ist im",
        "war im",
        "trifft",
        "traf",
        "getroffen",
        "empfangen",
    ),
    at=frozenset("in im nach zu zum zur auf bei".split()),
    origin=frozenset("aus".split()),
    visit_verbs=("besuch", "verlässt", "verließ", "erreich", "bereist"),
    toward=("richtung", "weiter nach"),
    planned=(
        "wird=",
        "werden=",
        "soll=",
        "sollen=",
        "will=",
        "wollen=",
        "geplant",
        "plant=",
        "erwartet",
        "morgen",
        "übermorgen",
        "anschließend",
        "danach",
        "nächst",
        "weiter",
        "vorgesehen",
    ),
    cancelled=("abgesagt", "absag", "verschoben", "verschieb", "gestrichen"),
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
    ),
    outlet=("agentur", "zeitung", "sender", "rundfunk", "info"),
    titles=frozenset(
        "herr frau präsident präsidentin bundeskanzler kanzler kanzlerin minister ministerin "
        "außenminister papst könig der die den dem von".split()
    ),
    determiners=frozenset("der die das den dem des ein eine einen einem".split()),
    with_=frozenset("mit und".split()),
    months=_m(
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
    weekdays=_w("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"),
    relative={"heute": 0, "heute abend": 0, "morgen": 1, "übermorgen": 2, "gestern": -1, "vorgestern": -2},
    next_words=frozenset("nächsten nächste kommenden kommende".split()),
    period_preps=frozenset("im anfang ende mitte".split()),
)

ES = Lexicon(
    "es",
    meet=("reunió", "reunirá", "recibió", "recibido", "recibida", "encontró"),
    travel=(
        "lleg",
        "viaj",
        "visit",
        "gira=",
        "giras=",
        "escala",
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
        "se dirig",
        "se reunió",
        "se reunirá",
        "recibid",
    ),
    at=frozenset("a en hacia para al".split()),
    origin=frozenset("desde".split()),
    visit_verbs=("visit", "recorr", "dej", "abandon"),
    toward=("rumbo a", "camino a", "con destino a"),
    future_endings=("ará", "erá", "irá", "arán", "erán", "irán"),
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
        "plane",
        "se espera",
        "esperad",
        "próxim",
        "mañana",
        "hará",
        "continuará",
        "seguirá",
    ),
    cancelled=("cancel", "suspend", "aplaz", "pospus", "posterg"),
    speech=("dijo", "declaró", "afirmó", "anunció", "advirtió", "señaló", "criticó", "condenó"),
    outlet=("agencia", "diario", "periódico", "cadena", "medio"),
    titles=frozenset(
        "papa presidente presidenta ministro ministra rey reina el la los del de sr. sra.".split()
    ),
    determiners=frozenset("el la los las un una lo".split()),
    with_=frozenset("con y".split()),
    months=_m(
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre setiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ),
    weekdays=_w("lunes", "martes", "miércoles miercoles", "jueves", "viernes", "sábado sabado", "domingo"),
    relative={"hoy": 0, "esta noche": 0, "mañana": 1, "pasado mañana": 2, "ayer": -1, "anteayer": -2},
    next_words=frozenset("próximo próxima".split()),
    period_preps=frozenset("en a principios finales mediados".split()),
)

RU = Lexicon(
    "ru",
    meet=("встретил", "встретит", "встреча", "принял", "примет"),
    travel=(
        "прибы",
        "прилет",
        "прилёт",
        "посет",
        "визит",
        "поездк",
        "турне",
        "отправ",
        "направится",
        "направился",
        "вылет",
        "приезд",
        "приед",
        "прибуд",
        "покин",
        "находится",
        "побыва",
    ),
    at=frozenset("в во на к ко".split()),
    origin=frozenset("из".split()),
    visit_verbs=("посет", "покин", "посещ"),
    toward=("в сторону", "в направлении"),
    future_endings=("ится", "ятся", "ется", "ит=", "ут=", "ют="),
    planned=(
        "отправится",
        "посетит",
        "прибудет",
        "направится",
        "планир",
        "намерен",
        "должен",
        "должна",
        "будет",
        "собира",
        "ожида",
        "предстоит",
        "предстоящ",
        "затем",
        "после",
        "завтра",
        "следующ",
        "начнется",
        "начнётся",
    ),
    cancelled=("отмен", "отлож", "перенес", "перенёс"),
    speech=(
        "заявил",
        "заявила",
        "сообщил",
        "сообщила",
        "сказал",
        "сказала",
        "подчеркну",
        "предупред",
        "осудил",
        "отметил",
    ),
    outlet=("агентств", "канал", "газет", "пула", "пул", "сми"),
    titles=frozenset("президент премьер министр глава лидер генсек папа г-н".split()),
    determiners=frozenset(),
    with_=frozenset("с со и".split()),
    months=_m(
        "января январь январе",
        "февраля февраль феврале",
        "марта март марте",
        "апреля апрель апреле",
        "мая май мае",
        "июня июнь июне",
        "июля июль июле",
        "августа август августе",
        "сентября сентябрь сентябре",
        "октября октябрь октябре",
        "ноября ноябрь ноябре",
        "декабря декабрь декабре",
    ),
    weekdays=_w(
        "понедельник понедельника",
        "вторник вторника",
        "среду среда среды",
        "четверг четверга",
        "пятницу пятница пятницы",
        "субботу суббота субботы",
        "воскресенье воскресенья",
    ),
    relative={
        "сегодня": 0,
        "сегодня вечером": 0,
        "завтра": 1,
        "послезавтра": 2,
        "вчера": -1,
        "позавчера": -2,
    },
    next_words=frozenset("следующий следующую следующей".split()),
    period_preps=frozenset("в во начале конце середине".split()),
)

LEXICONS: dict[str, Lexicon] = {lx.lang: lx for lx in (FR, EN, ES, DE, RU)}

# Function words that tell the languages apart (used by language detection).
MARKERS: dict[str, frozenset[str]] = {
    "fr": frozenset(
        "le la les des du et est une dans pour que qui sur avec au aux ont été il elle sera".split()
    ),
    "en": frozenset("the and of to is was for that with on his her has have by from he she will".split()),
    "es": frozenset("el la los las del y en que por con para una se su al fue es lo ha".split()),
    "de": frozenset(
        "der die das und ist den dem von mit zu im nicht ein eine auf sich des er sie nach wird hat".split()
    ),
    "ru": frozenset("и в на с что по не из за для как к о от".split()),
}
# Letters that only some of the languages use.
LETTERS: dict[str, str] = {"fr": "éèêàçùœ", "de": "äöüß", "es": "ñ¿¡íóú"}


def lexicon(lang: str) -> Lexicon:
    return LEXICONS.get(lang, EN)


def starts(word: str, prefixes: tuple[str, ...] | frozenset[str]) -> bool:
    """True when ``word`` starts with one of the single-word ``prefixes``; an entry ending
    in ``=`` must match the whole word ("tour=" is not "tourism")."""
    for p in prefixes:
        if " " in p:
            continue
        if p.endswith("="):
            if word == p[:-1]:
                return True
        elif word.startswith(p):
            return True
    return False


def phrase_in(text: str, phrases: tuple[str, ...]) -> str | None:
    """The first multi-word phrase of ``phrases`` found in ``text`` (lower case), if any."""
    for p in phrases:
        if " " in p and p in text:
            return p
    return None
