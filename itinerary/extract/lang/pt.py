"""The Portuguese language pack: travel, tense, time and title words of news about official trips,
in their European and Brazilian forms ("deslocou-se", "digressão", "cimeira"; "turnê", "cúpula",
"pra")."""

from __future__ import annotations

from itertools import pairwise

from itinerary.extract.lang.base import Language
from itinerary.extract.lexicon import Lexicon, month_names, weekday_names

PACK = Lexicon(
    "pt",
    # "de 3 a 5 de março", "3 e 4 de março"
    range_joiners=("a", "e"),
    # "1º de maio" (the ordinal indicator, and the degree sign often typed for it)
    ordinal_suffixes=("º", "°"),
    # "3 de março de 2024"
    date_links=("de",),
    this=("este", "esta", "neste", "nesta", "deste", "desta", "nesse", "nessa"),
    person_links=frozenset({"de", "do", "da", "dos", "das"}),
    genitives=frozenset({"de", "do", "da", "dos", "das"}),
    kind_joiners=frozenset({"de", "do", "da", "dos", "das"}),
    list_joiners=frozenset({"e", "ou", "depois", "seguida", "finalmente", "fim"}),
    # lower-case demonyms after a place noun ("à capital angolana, Luanda"); only endings shorter
    # than four letters, so no capitalised word is read as the start of an organisation's name
    adjective_endings=("ano", "ana", "ês", "esa", "ino", "ina", "ico", "ica"),
    # words that lead to a place not reached yet ("partiu para", "rumo a"); a bare "partiu" is
    # not one ("partiu de Brasília" names the place left)
    departure=(
        "partiu para",
        "partiu rumo",
        "parte para",
        "partem para",
        "partiram para",
        "rumo a",
        "rumo ao",
        "rumo à",
        "a caminho de",
        "a caminho do",
        "a caminho da",
        "embarca para",
        "embarcam para",
        "embarcou para",
        "segue para",
        "seguem para",
        "descolou para",
        "decolou para",
    ),
    arrival=("cheg", "desembarc", "aterrou", "aterrar", "aterraram", "aterrissou", "aterrizou"),
    meet=(
        "reuniu",
        "reunirá",
        "reunir-se",
        "encontrou",
        "encontrar-se",
        "encontra-se com",
        "recebeu",
        "receberá",
        "recebido",
        "recebida",
        "acolhido",  # "foi acolhido no Palácio do Planalto" (acolher: to welcome)
        "acolhida",
        "conversou",
        "avistou-se",
    ),
    travel=(
        # coming back from a place tells that the trip reached it ("returned from Nairobi")
        "regressou=",
        "regressou de",
        "regressou do",
        "regressou da",
        "voltou de",
        "voltou do",
        "voltou da",
        "de volta de",
        "de regresso de",
        "cruzou",  # crossing or driving on the way (a leg without a verb of arrival)
        "cheg",
        "desembarc",
        "aterrou",
        "aterrar=",
        "aterra=",
        "aterraram",
        "aterrará",
        "aterrad",  # "tinha aterrado"
        "aterragem",
        "aterriss",
        "aterriz",
        "viaj",
        "viagem",
        "viagens",
        "visit",
        "desloc",  # "deslocou-se", "deslocação", "deslocamento"
        "partiu",
        "partiram",
        "partirá",
        "partir=",
        "regress",
        "retorn",
        "voltou",
        "voltará",
        "voltar=",
        "volta a",
        "volta ao",
        "volta à",
        "rumou",
        "rumará",
        "embarc",
        "voou",
        "sobrevo",  # "sobrevoou a região", "depois de sobrevoar"
        "voa=",
        "voam=",
        "voará",
        "escala=",
        "escalas=",
        "périplo",
        "giro=",
        "turnê",
        "digressão",
        "estada",
        "estadia",
        "permanec",
        "comitiva",
        "recebid",
        "acolhid",
        "esperado",  # "é esperado em Luanda"
        "esperada",
        "aguardado",
        "aguardada",
        "seguiu para",
        "segue para",
        "seguirá para",
        "seguiram para",
        "passagem por",
        "passou por",
        "passa por",
        "passará por",
        "passando por",
        "fez escala",
        "parou em",
        "parou no",
        "parou na",
        "esteve em",
        "esteve no",
        "esteve na",
        "estará em",
        "está em",
        # the traveller's own words ("Hoje estou em Acra", "Ontem eu estava em Kigali")
        "estou em",
        "estou no",
        "estou na",
        "estive em",
        "estava em",
        "estava no",
        "estava na",
        "estamos em",
        "estivemos em",
        "encontra-se em",
        "ida a",
        "ida ao",
        "ida à",
        "reuniu-se",
        "encontrou-se",
        "coroa de flores",  # a wreath is laid in person ("depositou uma coroa de flores em Hanói")
        # the future of "ir" with its preposition of place ("irá a Luanda na sexta-feira")
        "irá a",
        "irá ao",
        "irá à",
        "irá para",
        "irão a",
        "irão ao",
        "irão à",
        "irão para",
    ),
    at=frozenset("em no na nos nas num numa a ao à aos às para pra pro até".split()),
    origin=frozenset({"desde"}),
    # provenance, where "de" is also "of" ("vindo de Luanda", "procedente de Luanda")
    from_phrases=(
        "vindo de",
        "vindo do",
        "vindo da",
        "vinda de",
        "vinda do",
        "vinda da",
        "vindos de",
        "procedente de",
        "procedente do",
        "procedente da",
        "proveniente de",
        "proveniente do",
        "proveniente da",
        "chegado de",
        "chegado do",
        "chegado da",
        "voado de",  # a leg by air from a place ("que tinha voado de Adis Abeba")
        "voou de",
        "voando de",
    ),
    visit_verbs=("visit", "percorr", "deix", "abandon"),
    # subject pronouns (one may follow a visit verb: "besuchte sie Accra")
    subject_pronouns=frozenset("ele ela eles elas você".split()),
    toward=(
        "rumo a",
        "rumo ao",
        "rumo à",
        "em direção a",
        "em direção ao",
        "em direção à",
        "com destino a",
        "com destino ao",
        "com destino à",
        "a caminho de",
        "a caminho do",
        "a caminho da",
        # passing through a place on the way (a transit stop: "depois de passar por Luanda")
        "passar por",
        "passou por",
        "passará por",
        "passagem por",
        "via",
    ),
    # the future and the plural conditional; a pronoun inside the verb ("realizar-se-á",
    # "far-se-ia") leaves the ending after a hyphen
    future_endings=(
        "ará",
        "erá",
        "irá",
        "arão",
        "erão",
        "irão",
        "ariam",
        "eriam",
        "iriam",
        "-á",
        "-ão",
        "-ia",
        "-iam",
    ),
    # verbs and the noun of inviting ("convidou o presidente a visitar Kiev"); the noun with a genitive after
    # it ("at the invitation of") is a visit made (see steps.status.invited)
    invitations=(
        "convidou",
        "convida=",
        "convidam",
        "convidaram",
        "convidado",
        "convidada",
        "convidar",
        "convite",
    ),
    projectiles=("míssi", "foguete", "drone"),
    planned=(
        "vai=",
        "vão=",
        "irá=",
        "irão=",
        "iria=",
        "iriam=",
        "será=",
        "serão=",
        "seria=",
        "deverá",
        "deverão",
        "deveria",
        "deve=",
        "devem=",
        "devia=",  # "devia regressar a Lisboa à noite": was to
        "deviam=",
        "previst",
        "prevê",
        "programad",
        "agendad",
        "planej",  # Brazil: "planeja visitar"
        "planeia",  # Portugal: "planeia visitar"
        "planead",
        "pretende",
        "tenciona",
        "esperad",
        "espera-se",
        "aguardad",
        "próxim",
        "amanhã",
        "visitará",
        "viajará",
        "chegará",
        "seguirá",
        "estará",
        # a hope, a trip weighed or possible: one that may be, not one made ("espera viajar a",
        # "estuda uma visita a", "uma possível visita a")
        "espera=",
        "esperam=",
        "esperava=",
        "estuda=",
        "estudam=",
        "avalia=",
        "cogita",
        # a trip fixed for later ("tem viagem marcada para Doha", "uma visita marcada a"; not
        # "marcado por", marked by)
        "viagem marcada",
        "visita marcada",
        "marcada para",
        "marcado para",
        "possível",
        "possibilidade",
        "eventual",
        "queria viajar",
        "queriam viajar",
        "queria visitar",
        "queriam visitar",
        "queria ir",
        "queriam ir",
        "pretendia viajar",
        "pretendia visitar",
    ),
    plans_denied=(
        "não tem planos",
        "não tem plano",
        "não tem intenção",
        "não pretende",
        "não prevê",
        "não planeja",
        "não planeia",
    ),
    contrasts=frozenset({"mas", "porém", "contudo", "todavia"}),
    movers=(
        "refugiado",
        "migrante",
        "imigrante",
        "passageiro",
        "tropas=",
        "soldado",
        "manifestante",
        "turista",
        "peregrino",
        "mercadoria",
        "coluna=",
    ),
    again=("volt a", "volt à"),
    infinitive_endings=("ar", "er", "ir", "or", "ar-se", "er-se", "ir-se"),
    returns=("regress", "volt"),
    event_nouns=(
        "guerra",
        "conflito",
        "crise",
        "situação",
        "ajuda",
        "assistência",
        "ataque",
        "atentado",
        "explosão",
        "bombarde",
        "sanção",
        "sanções",
        "eleição",
        "eleições",
        "trégua",
        "cessar-fogo",
        "combates",
        "violência",
        "catástrofe",
        "tensão",
        "tensões",
        "ofensiva",
        "invasão",
        "ocupação",
        "genocídio",
        "armas=",
        "armament",
        "muniç",
    ),
    event_preps=frozenset("contra com sobre".split()),
    adjectives_after=True,
    locating=(
        "ao norte de",
        "ao sul de",
        "a leste de",
        "a oeste de",
        "a nordeste de",
        "a noroeste de",
        "a sudeste de",
        "a sudoeste de",
        "ao norte do",
        "ao sul do",
        "ao norte da",
        "ao sul da",
        "a leste do",
        "a oeste do",
        "a leste da",
        "a oeste da",
        "perto de",
        "perto do",
        "perto da",
        "próximo a",
        "próximo de",
        "próximo do",
        "próximo da",
        "nos arredores de",
        "nos arredores do",
        "nos arredores da",
        "não muito longe de",
        "km de",
        "km do",
        "km da",
        "quilômetros de",
        "quilómetros de",
    ),
    # "not only X but also Y": both are the objects of the verb before it
    correlatives=(
        ("não só", "mas também"),
        ("não só", "como também"),
        ("não apenas", "mas também"),
        ("não apenas", "como também"),
        ("não somente", "mas também"),
    ),
    refusals=(
        ("negou", "autoriza"),
        ("negou", "permissão"),
        ("recusou", "autoriza"),
        ("recusou", "permissão"),
    ),
    no_plan=(
        "como previsto",
        "como estava previsto",
        "como esperado",
        "como se esperava",
        "conforme previsto",
        "conforme o previsto",
        "como planeado",
        "como planejado",
        # "near": "uma fábrica próxima de Lisboa"
        "próximo de",
        "próxima de",
        "próximos de",
        "próximas de",
        "próximo do",
        "próxima do",
        "próximo da",
        "próxima da",
        "próximo ao",
        "próxima ao",
        "próximo à",
        "próxima à",
    ),
    sequence=(
        "depois",
        "em seguida",
    ),
    cancelled=(
        "cancel",
        "adiou",
        "adiad",
        "adiament",
        "adiar=",
        "suspend",
        "suspens",
        "desmarc",
        "anulou",
        "anulad",
        "desist",
        "renunciou",  # "renunciou à viagem" (not "a renúncia", a resignation)
        "renunciar=",
        "renunciará",
        # an absence from a meeting or a summit ("não compareceu", "fez-se representar")
        "não compareceu",
        "não comparecerá",
        "não comparecerão",
        "fez-se representar",
        "se fez representar",
        "far-se-á representar",
        # a visit that will not or did not take place
        "não vai acontecer",
        "não acontecerá",
        "não se realizará",
        "não vai se realizar",
        "não se vai realizar",
        "não se realizou",
    ),
    denied=(
        "não viajará",
        "não vai viajar",
        "não visitará",
        "não vai visitar",
    ),
    hosting=(
        "acolheu",
        "acolhe=",
        "acolherá",
        "anfitrião",
        "anfitriã",
    ),
    receiving=(
        "recebeu",
        "recebe=",
        "receberá",
        "vai receber",
    ),
    decisions=(
        "cancel",
        "anunci",
        "confirm",
        "decid",
        "desment",
        "suspend",
        "informou",
    ),
    negation_words=frozenset("não".split()),
    yet_words=frozenset("ainda".split()),
    only_words=frozenset("só somente apenas".split()),
    complementizers=frozenset("que".split()),
    possibility=frozenset("pode podem".split()),  # see Lexicon.possibility
    sources=(
        "segundo",
        "de acordo com",
        "conforme",
        "fontes do",
        "fontes de",
        "um porta-voz do",
        "um porta-voz de",
    ),
    owners=frozenset("seu sua seus suas".split()),
    births=frozenset("nascido nascida nascidos nascidas".split()),
    talk=("discutid", "discutiu", "debatid", "mencionad", "abordad"),
    negations=frozenset("não tem têm tinha tinham ainda nunca".split()),
    calls=(
        "telefon",
        "videoconferência",
        "videochamada",
    ),
    speech=(
        "disse",
        "declar",
        "afirm",
        "anunci",
        "advert",
        "alert",
        "critic",
        "conden",
        "acus",
        "denunci",
        "reag",
        "rejeit",
        "repudi",
        "exig",
        "apel",
        "avis",
        "garant",
        "saud",
        "coment",
        "respond",
        "replic",
        "protest",
        "precis",
        "indicou",
        "explicou",
        "assegur",
        "sublinh",
    ),
    outlet=(
        "agência",
        "jornal",
        "diário",
        "emissora",
        "canal",
        "rádio",
        "televisão",
        "revista",
        "portal",
        "site",
    ),
    titles=frozenset(
        """presidente presidenta primeiro-ministro primeira-ministra premiê premier ministro ministra
        chanceler vice-presidente secretário secretária governador governadora papa rei rainha
        príncipe princesa general senhor senhora sr. sra. dom líder chefe o os""".split()
    ),  # not "do", "da", "de": "do Lobito", "da República" would open a name
    # not "a": it is also the preposition of "chegou a Luanda"
    determiners=frozenset("o os as um uma uns umas".split()),
    with_=frozenset("com e".split()),
    subject_after_verb=True,
    accompanied=(
        "acompanhado de",
        "acompanhada de",
        "acompanhado por",
        "acompanhada por",
        "acompanhado pelo",
        "acompanhada pelo",
        "acompanhado pela",
        "acompanhada pela",
        "junto com",
        "juntamente com",
    ),
    groups=(
        "os dois líderes",
        "os três líderes",
        "os líderes",
        "os dois presidentes",
        "os três presidentes",
        "os presidentes",
        "os chefes de estado",
        "os dois",
        "os três",
        "ambos",
        "a delegação",
    ),
    nationality_endings=("ano", "ana", "ês", "esa", "eno", "ena", "ino", "ina", "ense"),
    place_nouns=(
        "vizinh",  # an adjective of position: "no vizinho Uzbequistão", "na vizinha Bolívia"
        "capital",
        "cidade",
        "localidade",
        "província",
        "região",
        "município",
        "vila",
        "porto",
        "ilha",
    ),
    transit_nouns=("fronteira", "plataforma", "estação", "posto fronteiriço", "cais"),
    modes={
        "rail": (
            "trem=",
            "trens=",
            "comboio",
            "trem blindado",
            "comboio blindado",
            "trem especial",
            "ferrovia",
            "ferroviári",
            "vagão",
            "locomotiva",
        ),
        "air": (
            "avião",
            "aviões",
            "aeronave",
            "helicóptero",
            "voou",
            "voado",
            "voar",
            "voo=",
            "voos=",
            "de avião",
            "por via aérea",
            "aéreo",
            "aérea",
        ),
        "road": (
            "carreata",
            # a column of cars (a motorcade), where "comboio" alone is a train (the longer entry
            # wins where both start)
            "comboio de carros",
            "comboio de viaturas",
            "comboio de veículos",
            "comboio automóvel",
            "carro=",
            "carros=",
            "automóvel",
            "de carro",
            "por estrada",
            "ônibus",
            "autocarro",
            "limusine",
        ),
        "sea": ("navio", "barco", "iate", "balsa", "ferry", "por mar", "cruzador", "fragata"),
    },
    stop_nouns=("etapa", "escala", "destino", "paragem", "parada"),
    copulas=frozenset("é são será serão foi foram era seria".split()),
    months=month_names(
        "janeiro jan",
        "fevereiro fev",
        "março",
        "abril abr",
        "maio mai",
        "junho jun",
        "julho jul",
        "agosto ago",
        "setembro set",
        "outubro out",
        "novembro nov",
        "dezembro",
    ),
    # "mar" is the sea ("em mar aberto"), "dez" is ten ("em dez anos"): months only after a day
    # ("07 mar (Lusa)", "5 dez")
    day_months={"mar": 3, "dez": 12},
    # the weekday alone is the usual Brazilian form ("na segunda (3)")
    weekdays=weekday_names(
        "segunda-feira segunda",
        "terça-feira terça",
        "quarta-feira quarta",
        "quinta-feira quinta",
        "sexta-feira sexta",
        "sábado sabado",
        "domingo",
    ),
    relative={
        "hoje": 0,
        "esta noite": 0,
        "esta manhã": 0,
        "esta tarde": 0,
        "amanhã": 1,
        "depois de amanhã": 2,
        "ontem": -1,
        "anteontem": -2,
        "antes de ontem": -2,
    },
    next_words=frozenset("próximo próxima".split()),
    # not "no": "no mar" is the sea, not March
    plan_preps=frozenset("para".split()),
    period_preps=frozenset("em início inícios princípio princípios fim fins final finais meados".split()),
    anchored={
        "no dia seguinte": 1,
        "um dia depois": 1,
        "dois dias depois": 2,
        "um dia mais tarde": 1,
        "dois dias mais tarde": 2,
        "na véspera": -1,
        "no dia anterior": -1,
        # a time of day without a day: the day being told (see dates.anchor)
        "de manhã": 0,
        "pela manhã": 0,
        "à tarde": 0,
        "à noite": 0,
        "ao fim da tarde": 0,
        "ao final da tarde": 0,
        "no fim da tarde": 0,
        "no final da tarde": 0,
    },
    # periods that name no day: such a stop is not where the news finds the traveller today
    vague_periods=(
        "semana passada",
        "próxima semana",
        "semana que vem",
        "esta semana",
        "nesta semana",
        "mês passado",
        "próximo mês",
        "mês que vem",
        "este mês",
        "neste mês",
        # the beginning, middle or end of the month: no day of it
        "deste mês",
        "início do mês",
        "princípio do mês",
        "final do mês",
        "fim do mês",
        "meados do mês",
        "ano passado",
        "próximo ano",
        "ano que vem",
        "nos próximos dias",
        "nos últimos dias",
    ),
    past_years=("ano passado", "no ano passado", "do ano passado"),
    ago=(
        ("há um ano", 12),
        ("há {n} anos", 12),
        ("faz um ano", 12),
        ("faz {n} anos", 12),
        ("há um mês", 1),
        ("há {n} meses", 1),
    ),
    past_months=("{m} passado", "{m} último", "passado mês de {m}"),
    same_day=("no mesmo dia", "nesse mesmo dia", "nesse dia", "a noite"),
    of=frozenset("de do da dos das ao à aos às".split()),
    visit_ends=(
        "termina=",
        "terminará=",
        "terminou=",
        "encerra=",
        "encerrará=",
        "encerrou=",
        "conclui=",
        "concluirá=",
    ),
    pro_drop=True,
    plural_endings=("s",),
    weekday_ordinals=frozenset("segunda terça terca quarta quinta sexta".split()),
    weekday_leads=frozenset(
        {"na", "no", "nesta", "neste", "desta", "deste", "nessa", "esta", "este", "até"}
        | {"próxima", "próximo", "última", "último", "passada", "passado"}
    ),
    pronouns=frozenset("ele ela".split()),
    until=("até ao", "até à", "até o", "até a", "até"),
    day_words=("dia",),
    numbers={
        "um": 1,
        "uma": 1,
        "dois": 2,
        "duas": 2,
        "três": 3,
        "quatro": 4,
        "cinco": 5,
        "seis": 6,
        "sete": 7,
        "oito": 8,
        "nove": 9,
        "dez": 10,
    },
    durations=(
        r"(?:visita|viagem|estada|estadia|deslocação|périplo|digressão|turnê|giro)"
        r"\s+(?:[\w-]+\s+){0,2}?de\s+{n}\s+dias",
    ),
    clause_openers=(
        "antes de",
        "antes do",
        "antes da",
        "antes que",
        "depois de",
        "depois do",
        "depois da",
        "após",
        "enquanto",
    ),
    before=("antes de", "antes do", "antes da", "antes que"),
    sequel=("após o que", "depois do que", "após a qual", "após o qual"),
    when_words=("quando", "assim que", "logo que"),
    where_words=("onde", "aonde"),
    relative_pronouns=("que", "quem", "o qual", "a qual", "os quais", "as quais"),
    attributions=("informou", "informaram", "anunciaram", "disseram", "comunicou"),
    instead=("em vez disso", "ao invés disso", "em seu lugar"),
    told=("informad", "avisad", "advertid", "notificad", "consultad", "alertad"),
    told_auxiliaries=frozenset("foi foram sido é são era eram está estão estava estavam".split()),
    topic_preps=frozenset({"sobre"}),
    traffic=("voos",),
    stance_nouns=("posição", "papel", "política", "decisão", "postura", "atitude", "interesses"),
    recall=("na época", "naquela época", "naquela altura"),
    since=("desde",),
    event_times=(
        "antes da",
        "antes do",
        "antes das",
        "antes dos",
        "depois da",
        "depois do",
        "depois das",
        "depois dos",
        "após a",
        "após o",
        "após as",
        "após os",
    ),
    plans_then=(
        "era esperado",
        "era esperada",
        "eram esperados",
        "era aguardado",
        "era aguardada",
        "estava previsto",
        "estava prevista",
        "devia=",
        "deviam=",
    ),
    partner_preps=frozenset("com".split()),
    consulting=(
        "conversas",
        "consultas",
        "negociaç",
        "coordenad",
        "coordenaç",
        "concertad",
        "acordad",
        "diálogo",
    ),
    # the feminine article, which the pack reads as "to" elsewhere (not among the determiners):
    # before the object of a verb of saying or of taking a side ("apoiou a Ucrânia")
    addressee_preps=frozenset({"a"}),
    stance_verbs=(
        "apoiou",
        "apoia",
        "apoiado",
        "respaldou",
        "reconheceu",
        "reconhece",
        "reconhecido",
        "condenou",
        "condena",
        "sancionou",
    ),
    stayed=("ficou", "ficaram", "permaneceu", "permaneceram"),
    postponing=("adiou", "adiad", "adiament", "adiar=", "posterg"),
    postponed_to=frozenset("para até a ao".split()),
    unreal_modals=("deveria ter", "deveriam ter", "devia ter", "deviam ter"),
    visit_nouns=("visita=", "viagem=", "deslocação=", "deslocamento="),
    # "partiu de Brasília", "depois de sair de Brasília": not "parte" ("parte de Lisboa", part of
    # it), "partido" (the party) nor "partir" ("a partir do Palácio", from the palace)
    leaving=(
        "partiu=",
        "partiram=",
        "partindo=",
        "partia=",
        "saiu=",
        "saíram=",
        "sair=",
        "saindo=",
        "saía=",
        "descol",
        "decol",
    ),
    wanting=("queria=", "queriam="),
    alternatives=frozenset("ou".split()),
    residences=frozenset(
        (
            "radicado radicada radicados radicadas residente residentes natural naturais morador "
            "moradora moradores moradoras reside residia mora morava"
        ).split()
    ),
    viewpoints=frozenset({"para"}),
    counterparts=("homólog",),
    accepting=("aceit",),
    distances=frozenset("km quilômetros quilómetros quilômetro quilómetro milhas".split()),
    distance_from=frozenset("de do da dos das".split()),
)

#: words with the ending of a past, a future or a conditional that are none: nouns, names and
#: present forms ("europeu", "secretaria", "Maria", "Ceará", "estou")
_LOOKALIKES = frozenset(
    """seu meu teu europeu museu judeu ateu liceu troféu jubileu estou secretaria galeria bateria
    loteria livraria padaria artilharia infantaria cavalaria tesouraria pastelaria maria ceará
    pará""".split()
)
#: irregular preterites of "ser/ir", "estar", "ter", "fazer", "vir", "dizer", "dar", "haver"
_PRETERITES = frozenset(
    "foi foram esteve estiveram teve tiveram fez fizeram veio vieram disse disseram deu deram houve".split()
)


def _tense(words: list[str]) -> str | None:
    """Past for a preterite, an imperfect or a pluperfect ("chegou", "partiram", "visitava",
    "tinha chegado"), future for the future, the conditional or "ir" + infinitive ("chegará",
    "visitaria", "vai visitar"), else present."""
    low = [_without_clitic(w.lower()) for w in words if w.lower() not in _LOOKALIKES]
    if any(w in _PRETERITES for w in low):
        return "past"
    if any(len(w) > 3 and w.endswith(("ou", "eu", "iu", "aram", "eram", "iram", "ava", "avam")) for w in low):
        return "past"
    if any(
        a in ("tinha", "tinham", "havia", "haviam") and b.endswith(("ado", "ido", "ada", "ida"))
        for a, b in pairwise(low)
    ):
        return "past"
    future = (
        "ará",
        "erá",
        "irá",
        "arão",
        "erão",
        "irão",
        "aria",
        "eria",
        "iria",
        "ariam",
        "eriam",
        "iriam",
        "-á",
        "-ão",
    )
    if any(w.endswith(future) and w not in _R_IMPERFECTS for w in low) or any(
        w in ("vai", "vão") for w in low
    ):
        return "future"
    return "present"


#: endings of the conditional
_CONDITIONAL = ("aria", "eria", "iria", "ariam", "eriam", "iriam")
#: the imperfect of a verb in -er or -ir whose stem ends in "r" ends like a conditional: "queria"
#: (quer-ia, wanted) is no "quereria" (would want), "preferia" no "preferiria"; the frequent ones
_R_IMPERFECTS = frozenset(
    stem + end
    for stem in (
        "quer prefer requer refer morr ocorr corr percorr adquir sofr abr cobr descobr transcorr"
    ).split()
    for end in ("ia", "iam", "íamos")
)


def _conditional(words: list[str]) -> bool:
    """A conditional ("viajaria", "visitariam"; not "secretaria"), not the conditional perfect of
    an unreal past ("teria viajado", "haveria visitado")."""
    low = [_without_clitic(w.lower()) for w in words if w.lower() not in _LOOKALIKES]
    return any(
        w.endswith(_CONDITIONAL)
        and w not in _R_IMPERFECTS
        and not (
            w.startswith(("ter", "haver")) and any(n.endswith(("ado", "ido")) for n in low[i + 1 : i + 3])
        )
        for i, w in enumerate(low)
    )


#: pronouns written after a verb with a hyphen ("reuniu-se", "encontrou-o")
_CLITICS = frozenset("se lhe lhes o a os as me te nos vos".split())


def _without_clitic(word: str) -> str:
    """The verb of a form with an enclitic pronoun ("reuniu-se" -> "reuniu"; "reunir-se-á", with
    the future after the pronoun, stays)."""
    head, _, tail = word.rpartition("-")
    return head if head and tail in _CLITICS else word


class Portuguese(Language):
    """Portuguese (European and Brazilian)."""

    code = "pt"
    name = "Portuguese"
    words = PACK
    lacks = frozenset(
        {
            "verb_final_after",  # the verb follows its subject in every clause
            "being",  # a place put first seldom has its verb negated after it (steps.status)
            "day_nouns",  # the day words come before the number ("no dia 18")
            "invitation_final",  # the verb of inviting comes before the place
            "be_perfect",
            "month_before_day",
            "year_after",
            "year_before",
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
            "time_of_day",
            "travel_lemmas",
        }
    )

    def tense(self, words: list[str]) -> str | None:
        return _tense(words)

    def prospective(self, words: list[str]) -> bool:
        return _conditional(words)  # "ir" + infinitive ("vai viajar"): the pack's words of plan

    def past_participle(self, word: str) -> bool:
        return len(word) > 5 and word.endswith(("ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas"))
