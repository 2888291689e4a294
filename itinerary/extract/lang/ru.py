"""The Russian language pack: travel, tense, time and title words of news about official trips."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import pairwise
from typing import Any

from itinerary.extract.lang.base import Language
from itinerary.extract.lexicon import Lexicon, Stem, month_names, weekday_names

PACK = Lexicon(
    "ru",
    range_joiners=("по", "и"),
    year_after=("году", "года", "г."),
    this=("этот", "эту", "в этот"),
    list_joiners=frozenset({"и", "а", "затем", "потом", "наконец", "или"}),
    departure=(
        "отправил",
        "отправля",
        "вылетел",
        "вылетает",
        "отбыл",
        "отбывает",
        "направил",
        "направля",
        "выехал",
        "выезжает",
        "в пути",
    ),
    arrival=("прибыл", "прибыва", "прилетел", "прилета", "приехал", "приезжа", "прибудет"),
    meet=("встретил", "встретит", "встреча", "принял", "примет", "принят"),
    travel=(
        # coming back from a place tells that the trip reached it ("returned from Nairobi")
        "вернулся из",
        "вернулась из",
        "вернулись из",
        "возвратился из",
        "возвратилась из",
        "возвращается из",
        "по пути в",  # a stop on the way to the next ("по пути в Эр-Рияд сделала остановку в Каире")
        "по пути из",
        "по дороге в",
        "пересек",  # crossing or driving on the way (a leg without a verb of arrival)
        "пересёк",  # crossing or driving on the way (a leg without a verb of arrival)
        "прибы",
        # поехать, съездить: to go to a place ("собирается поехать в Рабат", "съездил в Минск")
        "поехал",
        "поехать",
        "поедет",
        "поедут",
        "съездил",
        "съездить",
        "съездит",
        # flying off to a place is travel ("улетел в Пекин")
        "улетел",
        "улетит",
        # полететь: to fly to a place, its perfective future a trip to come ("полетит в Варшаву";
        # the forms, not the stem: "полёт", "полета" are the noun of a flight)
        "полетел",
        "полетела",
        "полетели",
        "полетит",
        "полетят",
        "полететь",
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
        # the traveller's own words ("Сегодня я в Аккре", "Вчера я был в Кигали"; not "мы в": a
        # phrase matches the start of the next word, "мы вместе")
        "я в",
        "я был в",
        "я была в",
        "мы были в",
        "побыва",
        "проездом",  # passing through on the way ("проездом через Хабаровск")
        "транзитом",
        "приземл",  # landing ("самолёт приземлился в аэропорту")
        "встретил",  # meeting someone where they are ("встретился с губернатором в Благовещенске")
        "встретит",
        "венок",  # a wreath is laid in person ("возложил венок к мавзолею в Ханое")
        "венки",
        # the imperfective of flying and riding: "затем он летит в Ханой", "ехал в Минск"
        "летит=",
        "летят=",
        "летел=",
        "летела=",
        "летели=",
        "едет=",
        "едут=",
        "ехал=",
        "ехала=",
        "ехали=",
        "направляется=",
        "направляются=",
    ),
    at=frozenset("в во на к ко".split()),
    origin=frozenset("из".split()),
    visit_verbs=("посет", "покин", "посещ"),
    # subject pronouns (one may follow a visit verb: "besuchte sie Accra")
    subject_pronouns=frozenset("он она оно они мы".split()),
    # ... and the phrases of passing through a place on the way ("проездом через Хабаровск")
    toward=("в сторону", "в направлении", "проездом через", "транзитом через"),
    future_endings=("ится", "ятся", "ется", "ит=", "ут=", "ют="),
    # verbs of inviting ("пригласил президента посетить Киев"; not the noun of "at the invitation of")
    # (the participles only: "приглашен" is also the stem of the noun of "по приглашению")
    invitations=(
        "пригласил",
        "приглашает",
        "приглашают",
        "приглашен=",
        "приглашён=",
        "приглашена",
        "приглашены",
        "приглашенн",
        "приглашённ",
    ),
    projectiles=("ракет", "дрон", "беспилотник"),
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
        # "ожидается", "ожидалось" (expected); not "ожидал" (awaited: "Си ожидал Путина в аэропорту")
        "ожидается",
        "ожидаются",
        "ожидает",
        "ожидают",
        "ожидалось",
        "ожидаемый",
        "ожидаемого",
        "предстоит",
        "предстоящ",
        "завтра",
        "следующ",
        "начнется",
        "начнётся",
        # a hope, a trip weighed or possible: one that may be, not one made ("надеется посетить",
        # "рассматривает возможность визита в", "возможный визит в")
        "надеет",
        "надеют",
        "рассматрива",
        "запланир",  # "визит запланирован на апрель" (the perfective of "планировать")
        "возможн",
    ),
    plans_denied=(
        "не планирует",
        "не планировал",
        "не собирается",
        "не намерен",
        "нет планов",
    ),
    contrasts=frozenset({"но", "однако", "зато"}),
    movers=(
        "беженц",
        "мигрант",
        "пассажир",
        "войск",
        "солдат",
        "военнослужащ",
        "демонстрант",
        "протестующ",
        "туристы",
        "туристов",
        "паломник",
        "грузы=",
        "грузов=",
        "товары=",
        "товаров=",
    ),
    returns=("вернул", "возвращ", "возвратил"),
    event_nouns=(
        "войн",
        "конфликт",
        "кризис",
        "ситуаци",
        "помощ",
        "атак",
        "нападени",
        "теракт",
        "взрыв",
        "обстрел",
        "санкци",
        "выбор",
        "перемири",
        "бои=",
        "боёв=",
        "боев=",
        "насили",
        "катастроф",
        "напряж",
        "наступлени",
        "вторжени",
        "оккупаци",
        "геноцид",
        "оружи",
        "боеприпас",
        "поставк",
        "вооружени",
    ),
    event_preps=frozenset("против с со по для за".split()),
    locating=(
        "к северу от",
        "к югу от",
        "к востоку от",
        "к западу от",
        "к северо-востоку от",
        "к северо-западу от",
        "к юго-востоку от",
        "к юго-западу от",
        "под",
        "недалеко от",
        "неподалеку от",
        "неподалёку от",
        "близ",
        "возле",
        "вблизи",
        "в пригороде",
        "км от",
        "километрах от",
    ),
    # "not only X but also Y": both are the objects of the verb before it
    correlatives=(("не только", "но и"), ("не только", "а также")),
    refusals=(("отказал", "разрешени"), ("запрет", "выезд"), ("не разрешил", "выезд")),
    no_plan=(
        "как и планировалось",
        "как и ожидалось",
        "как и было запланировано",
        "как планировалось",
        "как ожидалось",
    ),
    sequence=(
        "затем",
        "потом",
        "далее",
    ),
    cancelled=(
        "отмен",
        "отлож",
        "перенес",
        "перенёс",
        "исключен",
        "исключён",
        "отказал",  # "отказался от поездки"
        "перенос",  # "переносит визит", "перенос визита"
        "сорва",  # "визит сорвался", "сорвал поездку"
        # a visit that will not or did not take place
        "не состоится",
        "не состоялся",
        "не состоялась",
        "не состоялось",
    ),
    denied=(
        "не поедет",
        "не полетит",
        "не посетит",
        "не примет участия",
    ),
    hosting=(
        "принял у себя",
        "примет у себя",
        "принимал у себя",
        "принимает у себя",
    ),
    receiving=(
        "принял=",
        "приняла=",
        "примет=",
        "принимает=",
        "принимал=",
    ),
    decisions=(
        # the active of cancelling ("Москва отменила визит"), not its passive participle ("визит в
        # Кито отменён": the visit to the place is what is cancelled)
        "отменил",
        "отменя",
        "отменит",
        "объяв",
        "подтверд",
        "решил",
        "опроверг",
        "сообщ",
        "заяв",
    ),
    negation_words=frozenset("не".split()),
    yet_words=frozenset("ещё еще пока".split()),
    only_words=frozenset("только лишь".split()),
    complementizers=frozenset("что чтобы".split()),
    possibility=frozenset("может могут".split()),  # see Lexicon.possibility
    sources=(
        "по данным",
        "по словам",
        "по информации",
        "по сведениям",
        "представитель",
    ),
    owners=frozenset("его её ее их".split()),
    births=frozenset(
        "родился родилась родились родившийся родившаяся родившегося родившейся "
        "уроженец уроженка уроженцем уроженкой уроженца уроженки".split()
    ),
    talk=("обсужда", "обсуждён", "обсужден", "упомина", "упомянут"),
    negations=frozenset("не пока ещё еще никак".split()),
    calls=(
        "телефон",
        "видеоконференц",
        "видеосвяз",
    ),
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
        "раскритиковал",
        "критиковал",
        "отметил",
        "прокомментир",
        "комментир",
        # the impersonal third person plural: "в Астане напоминают" (Astana recalls), "в Москве считают"
        "напоминают",
        "считают",
        "полагают",
        "ответил",
        "ответила",
        "отреагир",
        "выразил",
        "выразила",
        "отверг",
        "возразил",
        "возразила",
        "потребовал",
        "протестовал",
        "пояснил",
        "указал",
    ),
    outlet=("агентств", "канал", "газет", "пула", "пул", "сми"),
    titles=frozenset(
        "президент премьер министр глава лидер генсек папа г-н председатель председателя король "
        "королева".split()
    ),
    determiners=frozenset(),
    with_=frozenset("с со и".split()),
    subject_after_verb=True,
    accompanied=("в сопровождении", "вместе с", "совместно с"),
    groups=("оба лидера", "лидеры", "трое", "оба", "главы государств", "президенты", "делегация"),
    place_nouns=tuple(
        # "соседн": an adjective of position ("в соседний Узбекистан")
        """соседн столиц город поселк посёлк поселен станци район област регион деревн порт аэропорт
        курорт""".split()
    ),
    adjective_endings=("ую", "ой", "ий", "ый", "ом", "ем", "ая", "ое", "ей"),
    transit_nouns=("границ", "перрон", "платформ", "вокзал", "станци", "пункт пропуска", "кпп"),
    modes={
        "rail": (
            "поезд=",  # not "поездка" (a trip)
            "поезда=",
            "поезде=",
            "поездом=",
            "поезду=",
            "бронепоезд",
            "спецпоезд",
            Stem("железной дорог"),
            "вагон",
        ),
        "air": (
            "самолет",
            "самолёт",
            "борт=",
            "борту=",
            "бортом",
            "вертолет",
            "вертолёт",
            "прилет",
            "прилёт",
            "вылет",
            "перелет",
            "перелёт",
            "рейс",
            "летел",
            "лететь",
            "полетел",
            "полетит",
        ),
        "road": (
            "кортеж",
            "колонн",
            "автомобил",
            "машин",
            "автобус",
            # not "по дороге": "on the way" ("по дороге в Москву"), whatever carries the traveller
            "на машине",
            "по трассе",
            "лимузин",
        ),
        "sea": ("корабл", "судн", "теплоход", "яхт", "паром", "морем", "по морю", "крейсер", "фрегат"),
    },
    stop_nouns=("остановк", "пунктом", "этап"),
    copulas=frozenset("станет будет стал стала станут был была".split()),
    months=month_names(
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
    weekdays=weekday_names(
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
        "этим утром": 0,
        "ночью": 0,  # "ночью прибыл": in the night just past, the day of the news
        "этой ночью": 0,
        "завтра": 1,
        "послезавтра": 2,
        "вчера": -1,
        "позавчера": -2,
    },
    next_words=frozenset("следующий следующую следующей".split()),
    plan_preps=frozenset("на".split()),
    period_preps=frozenset("в во начале конце середине".split()),
    anchored={
        "на следующий день": 1,
        "на другой день": 1,
        "днем позже": 1,
        "днём позже": 1,
        "еще через день": 1,
        "ещё через день": 1,
        "день спустя": 1,
        "два дня спустя": 2,
        "накануне": -1,
        # a time of day without a day: the day being told (see dates.anchor)
        "утром": 0,
        "днем": 0,
        "днём": 0,
        "вечером": 0,
        "в тот же вечер": 0,
    },
    # periods that name no day: such a stop is not where the news finds the traveller today
    day_nouns=("числа",),  # "18-го числа": the 18th
    vague_periods=(
        "на прошлой неделе",
        "на следующей неделе",
        "на будущей неделе",
        "на этой неделе",
        "в прошлом месяце",
        "в следующем месяце",
        "в этом месяце",
        # the beginning, middle or end of the month: no day of it
        "в начале месяца",
        "в начале этого месяца",
        "в конце месяца",
        "в конце этого месяца",
        "в середине месяца",
        "в прошлом году",
        "в следующем году",
        "в ближайшие дни",
        "на днях",
        "в последние дни",
    ),
    past_years=(
        "в прошлом году",
        "прошлого года",
        "в минувшем году",
        "минувшего года",
        "в прошедшем году",
        "прошедшего года",
    ),
    ago=(
        ("год назад", 12),
        ("{n} года назад", 12),
        ("{n} лет назад", 12),
        ("месяц назад", 1),
        ("{n} месяца назад", 1),
        ("{n} месяцев назад", 1),
    ),
    past_months=("в прошлом {m}", "в минувшем {m}"),
    same_day=("в тот же день", "в этот же день", "в тот день"),
    of=frozenset(),
    visit_ends=(
        "завершится=",
        "завершается=",
        "завершилась=",
        "закончится=",
        "заканчивается=",
        "закончилась=",
    ),
    pronouns=frozenset("он она".split()),
    until=("до",),
    numbers={
        "одно": 1,
        "двух": 2,
        "трех": 3,
        "трёх": 3,
        "четырех": 4,
        "четырёх": 4,
        "пяти": 5,
        "два": 2,
        "три": 3,
        "четыре": 4,
        "пять": 5,
    },
    durations=(
        r"{n}дневн\w*\s+(?:[\w-]+\s+)?визит\w*",
        r"визит\w*\s+(?:[\w-]+\s+){0,2}?(?:продлится|будет\s+длиться|длится)\s+{n}\s+(?:дня|дней)",
    ),
    clause_openers=("перед тем как", "прежде чем", "после того как", "перед", "после", "пока"),
    before=("перед тем как", "прежде чем", "перед"),
    sequel=("после чего",),
    where_words=("где", "куда"),  # "направился во Владивосток, куда прибыл": reached
    relative_pronouns=(
        "который",
        "которая",
        "которое",
        "которые",
        "которого",
        "которой",
        "котором",
        "которым",
    ),
    attributions=("сообщили", "заявили", "сообщает", "сообщают", "передает", "передаёт", "говорится"),
    instead=("вместо этого", "вместо того"),
    told=(
        "уведомил",
        "уведомлен",
        "предупредил",
        "предупрежден",
        "предупреждён",
        "проинформирова",
        "известил",
        "извещен",
        "оповещен",
    ),
    topic_preps=frozenset("о об про".split()),
    traffic=("рейсы", "рейсов", "авиарейсы", "авиарейсов", "авиасообщение"),
    stance_nouns=("позици", "роль", "роли", "политик", "решени", "интерес"),
    recall=("тогда", "в тот раз", "в то время"),
    since=("с", "со"),
    event_times=("до", "после", "перед", "накануне"),
    plans_then=("должен был", "должна была", "должны были", "ожидалось", "планировалось"),
    partner_preps=frozenset("с со".split()),
    consulting=("переговор", "консультаци", "согласова", "согласу", "координ", "обсуждени"),
    stance_verbs=(
        "поддержал",
        "поддерживает",
        "поддержали",
        "признал",
        "признаёт",
        "признает",
        "осудил",
        "осуждает",
    ),
    stayed=("остался", "осталась", "остались", "оставался", "оставалась", "оставались"),
    postponing=("перенес", "перенёс", "перенос", "отлож"),
    postponed_to=frozenset("на до".split()),
    visit_nouns=("визит", "поездк", "турне="),
    wanting=("хотел=", "хотела=", "хотели="),
    alternatives=frozenset("или либо".split()),
    residences=frozenset(
        (
            "живущий живущая живущие живущего живущей живущих живущим живущем проживающий проживающая "
            "проживающие проживающего проживающей проживающих проживающим живёт живет жил жила жили "
            "проживает проживал проживала житель жительница жителя жительницы жителем жительницей"
        ).split()
    ),
    viewpoints=frozenset({"для"}),
    counterparts=("коллег",),
    accepting=("принял", "приняла", "приняли", "принять", "принимает"),
    distances=frozenset("км километрах километров километра километре милях миль".split()),
    distance_from=frozenset("от".split()),
)


# ---------------------------------------------------------------- morphology hook
_RU_ENDINGS = {
    "ом": ("",), "ем": ("", "ь", "я"), "ой": ("а", "я"), "ей": ("я", "ь"), "ою": ("а",),
    "ую": ("ая",), "ого": ("ый", "ий"),
    "а": ("",), "у": ("", "а"), "е": ("", "а", "я"), "ы": ("а",), "и": ("я", "ь"), "ю": ("я",),
}  # fmt: skip
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@cache
def _morph() -> Any:
    try:
        import pymorphy3
    except ImportError:  # the ending table below still gives the common forms
        return None
    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=65536)
def _parse(word: str) -> tuple[Any, ...]:
    """pymorphy3's analyses of a word (cached: names and verbs repeat across sentences)."""
    m = _morph()
    return () if m is None else tuple(m.parse(word))


def _variants(surface: str) -> list[str]:
    """Nominative forms of an inflected place name ("Пекине" -> "Пекин", "Северную Корею" ->
    "Северная Корея"): pymorphy3's analyses first, then a table of case endings."""
    words = surface.split()
    if not all(_CYRILLIC.search(w) for w in words):
        return []
    if len(words) == 1:
        return [*_lemmas(surface), *_by_endings(surface)]
    return [x for x in (_agree(words), _multi_by_endings(words)) if x]


def _lemmas(word: str) -> list[str]:
    m = _morph()
    if m is None:
        return []
    parses = sorted(_parse(word), key=lambda p: ("Geox" not in p.tag, -p.score))
    return [_like(word, p.normal_form) for p in parses[:3] if p.tag.POS == "NOUN"]


def _agree(words: list[str]) -> str:
    """Adjectives put in the nominative, agreeing with the noun's gender."""
    m = _morph()
    if m is None:
        return ""
    noun = _parse(words[-1])[0]
    out = []
    for w in words[:-1]:
        p = _parse(w)[0]
        form = (
            p.inflect({"nomn", "sing", noun.tag.gender}) if p.tag.POS == "ADJF" and noun.tag.gender else None
        )
        out.append(_like(w, form.word) if form else w)
    return " ".join([*out, _like(words[-1], noun.normal_form)])


def _like(model: str, word: str) -> str:
    """``word`` with the capitals of ``model`` (first letter, and after hyphens)."""
    if not model[:1].isupper():
        return word
    return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))


def _by_endings(word: str) -> list[str]:
    out: list[str] = []
    for ending, repl in _RU_ENDINGS.items():
        if word.endswith(ending) and len(word) > len(ending) + 2:
            out.extend(word[: -len(ending)] + r for r in repl)
    return out


def _multi_by_endings(words: list[str]) -> str:
    out = []
    for w in words:
        for ending, repl in (("ую", "ая"), ("ой", "ая"), ("ей", "ая"), ("ю", "я"), ("у", "а"), ("е", "а")):
            if w.endswith(ending):
                w = w[: -len(ending)] + repl
                break
        out.append(w)
    return " ".join(out)


def _tense(words: list[str]) -> str | None:
    """The tense of the clause's verbs (pymorphy3): past, future (incl. perfective present
    forms, "прибудет", and the conditional with "бы"), else present."""
    if "бы" in words:
        return "future"  # the conditional ("поехал бы"): a trip that would be, not one made
    m = _morph()
    if m is None:
        return None
    found = set()
    for w in words:
        p = _parse(w)[0]
        if p.tag.POS == "VERB":
            t = p.tag.tense
            if t == "pres" and p.tag.aspect == "perf":
                t = "futr"
            found.add(t)
    if "past" in found:
        return "past"
    if "futr" in found:
        return "future"
    return "present" if "pres" in found else None


def _prospective(low: list[str]) -> bool:
    """The conditional ("поехал бы") or "собираться" + infinitive ("собирается поехать"): a trip
    that would be or is intended, not one made."""
    if "бы" in low:
        return True
    if _morph() is None:
        return False
    return any(
        _parse(a)[0].normal_form == "собираться" and _parse(b)[0].tag.POS == "INFN" for a, b in pairwise(low)
    )


def _genitive(surface: str) -> bool:
    """The last word of a Cyrillic name read as a genitive by its likeliest analysis ("Бразилии",
    "Китая"; not "Пекин", not "Москве")."""
    words = surface.split()
    if not words or not _CYRILLIC.search(words[-1]):
        return False
    parses = [p for p in _parse(words[-1]) if p.tag.POS == "NOUN"]
    return bool(parses) and parses[0].tag.case == "gent"


class Russian(Language):
    """Russian."""

    code = "ru"
    name = "Russian"
    words = PACK
    lacks = frozenset(
        {
            "unreal_modals",  # "должен был" tells a plan as often as a duty undone (see instead)
            "verb_final_after",  # the verb follows its subject in every clause
            "addressee_preps",  # no preposition marks the object of a verb of saying
            "adjectives_after",  # adjectives stand before their noun
            "again",  # "again" is the adverb "снова", not a verb of coming back
            "infinitive_endings",  # only read after an "again" pair
            "being",  # "В Москве он не был": the negation stands before the verb (a later rule)
            "day_months",  # no month abbreviation is also a common word
            "from_phrases",  # "из" alone marks provenance (origin)
            "leaving",  # "из" alone marks provenance (origin)
            "when_words",  # the clause of time takes the future itself
            "plural_endings",  # a Russian past verb keeps its pronoun ("она встретилась")
            "pro_drop",
            "weekday_leads",  # no weekday word is an ordinal
            "weekday_ordinals",
            "invitation_final",  # the verb of inviting comes before the place
            "nationality_endings",
            "be_perfect",
            "date_links",
            "month_before_day",
            "ordinal_suffixes",
            "year_before",
            "compound_heads",
            "compound_not",
            "day_words",
            "demonym_endings",
            "determiners",
            "elisions",
            "future_auxiliaries",
            "genitives",
            "irrealis",
            "kind_joiners",
            "loc_is_natural",
            "nouns_capitalised",
            "of",
            "particles",
            "perfect_auxiliaries",
            "person_links",
            "possessives",
            "time_of_day",
            "told_auxiliaries",  # the told place is in its case, the verb alone after it
            "travel_lemmas",
        }
    )

    def variants(self, surface: str) -> list[str]:
        return _variants(surface)

    def tense(self, words: list[str]) -> str | None:
        return _tense(words)

    def prospective(self, words: list[str]) -> bool:
        return _prospective([w.lower() for w in words])

    def past_participle(self, word: str) -> bool:
        # the active past participle ("прибывший", "прилетевшая", "вернувшийся"): -(в)ш- and an
        # adjective's ending
        return re.search(r"ш(?:ий|ая|ее|ие|его|ей|им|ими|их|ую|ийся|аяся|иеся|егося|ейся)$", word) is not None

    def is_genitive(self, surface: str) -> bool:
        return _genitive(surface)
