"""Persons: who is named in each sentence (the recogniser's PERSON entities, else a title followed
by capitalised words), the fullest form of each name, title phrases that stand for a person, and
who travels to each stop."""

from __future__ import annotations

import functools
import itertools
import json
import re
from collections import Counter
from importlib import resources
from typing import TYPE_CHECKING

from itinerary.extract.document import AREA_KINDS, Context, Document, Mention, Person, Reading, Sentence
from itinerary.extract.lexicon import Lexicon, starts
from itinerary.extract.registry import step
from itinerary.extract.steps.places import PERSON_LABELS, place_not_person, prominent, word_zipf
from itinerary.extract.steps.roles import AGENTS, received_guest
from itinerary.extract.text import (
    NAME_PARTICLES,
    capitalised,
    ends_with,
    function_word,
    joined_run,
    opens_no_name,
    word_list,
)
from itinerary.extract.tuning import TUNING
from itinerary.geocode.toponyms import forms_of
from itinerary.people import institution_word, known_name, known_word

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def find_persons(sent: Span, ctx: Context) -> list[Person]:
    """The persons named in a sentence."""
    if ctx.trained:
        out = _recognised(sent, ctx)
        if out:
            return out
    return _titled(sent, ctx)  # no recogniser (or it found nobody)


def _recognised(sent: Span, ctx: Context) -> list[Person]:
    out: list[Person] = []
    base, text = sent.start_char, sent.doc.text
    lx = ctx.lx
    for ent in sent.ents:
        calendar = ent.text.lower() in lx.weekdays or ent.text.lower() in lx.months  # "Jeudi, il ..."
        label = ent.start == sent.start and len(ent) == 1 and sent.doc[ent.end : ent.end + 1].text == ":"
        if label:
            continue  # "Photo : bain de foule", "Foto: Kanzler Merz": a caption's label
        if ent.label_ in PERSON_LABELS and not calendar and not place_not_person(ent.text, ctx):
            start, end = ent.start_char, ent.end_char
            first = _past_institution(list(sent), ent.start - sent.start, ent.end - sent.start, ctx)
            if first is not None:
                start, end = first.start + base, first.end + base
            if len(ent) > 1 and _opening(ent[0]) and opens_no_name(ent[0].text, lx):
                start = ent[1].idx  # "Für Steinmeier ist es ...": the preposition is the sentence's
            m = re.match(r"-[^\W\d_]+", text[end:])  # "Kim Jong" + "-un"
            if m:
                end += m.end()
            else:
                toks = list(sent)
                tail = name_tail(toks, ent.end - sent.start, ctx)
                if tail > ent.end - sent.start:  # "Ursula" + "von der Leyen", "Felipe" + "VI"
                    end = toks[tail - 1].idx + len(toks[tail - 1].text.rstrip("."))
            out.append(Person(start - base, end - base, text[start:end]))
    return out


def _past_institution(toks: list[Token], a: int, b: int, ctx: Context) -> Person | None:
    """The name inside a recognised span ``toks[a:b]`` that took, after a title, what the title is
    of: a word in the genitive before two more words, and acronyms ("Премьер | Госсовета КНР Ли"
    -> "Ли Цян"); the name runs on to its end. None when the span opens on no such word."""
    if a == 0 or not is_title(toks[a - 1].text, ctx.lx):
        return None
    start = a
    if b - start > 2 and not toks[start].text.isupper() and ctx.language.is_genitive(toks[start].text):
        start += 1
    while b - start > 1 and toks[start].text.isupper() and len(toks[start].text) > 1:
        start += 1
    if start == a:
        return None
    end = max(b, _name_end(toks, start, ctx.tuning.name_max_words, sent_start=False, ctx=ctx))
    base = toks[0].idx
    x, y = toks[start].idx - base, toks[end - 1].idx + len(toks[end - 1].text.rstrip(".")) - base
    return Person(x, y, toks[0].doc.text[x + base : y + base])


def _opening(tok: Token) -> bool:
    """``tok`` opens its sentence or follows a mark ("CITTÀ DEL VATICANO – Niente Emirati"): its
    capital may be the sentence's, not a name's."""
    return bool(tok.is_sent_start) or (tok.i > 0 and tok.doc[tok.i - 1].is_punct)


def place_noun_word(word: str, lx: Lexicon) -> bool:
    """A whole word of ``Lexicon.place_nouns`` ("village", "localidad"), or a compound ending in one
    in a language that writes them ("Grenzdorf", "Hafenstadt")."""
    w = word.lower()
    return w in lx.place_nouns or (
        bool(lx.compound_heads) and any(len(w) > len(n) + 2 and w.endswith(n) for n in lx.place_nouns)
    )


def named_by_place_noun(sent: Span, person: Person, lx: Lexicon) -> bool:
    """A name that follows a noun of places is the place's name, not a person's ("im Eifeldorf
    Schuld", "the village of Tumen", "la localidad de Paracuellos"): the noun opens the name or
    stands before it, a genitive preposition ("of", "de", "von") may come between. The noun is a
    whole word of ``Lexicon.place_nouns``, or the end of a compound in a language that writes them
    ("Grenzdorf", "Hafenstadt")."""

    base = sent.start_char
    toks = [t for t in sent if not t.is_space]
    inside = [k for k, t in enumerate(toks) if person.start <= t.idx - base < person.end]
    if not inside:
        return False
    first = inside[0]
    if len(inside) > 1 and place_noun_word(toks[first].text, lx):
        return True
    i = first - 1
    if i > 0 and toks[i].lower_ in lx.genitives:
        i -= 1
    return i >= 0 and place_noun_word(toks[i].text, lx)


def names_after_place_nouns(sentences: list[Sentence], lx: Lexicon) -> set[str]:
    """The names an article writes after a noun of places ("the village of Tumen", "dem Eifeldorf
    Schuld", "la localidad de Paracuellos"): places, wherever else they stand ("Tumen lies on the
    river" is no person)."""
    out: set[str] = set()
    for s in sentences:
        toks = [t for t in s.span if not t.is_space]
        for i, t in enumerate(toks):
            if not place_noun_word(t.text, lx):
                continue
            j = i + 1
            if j < len(toks) and toks[j].lower_ in lx.genitives:
                j += 1
            k = j
            while k < len(toks) and toks[k].text[:1].isupper() and not place_noun_word(toks[k].text, lx):
                k += 1
            if k > j:
                out.add(" ".join(x.text for x in toks[j:k]))
    return out


def _titled(sent: Span, ctx: Context) -> list[Person]:
    """A title followed by capitalised words ("президент России Владимир Путин")."""
    lx, most = ctx.lx, ctx.tuning.name_max_words
    out: list[Person] = []
    toks = list(sent)
    base = sent.start_char
    i = 0
    while i < len(toks):
        if (
            not is_title(toks[i].text, lx)
            or toks[i].lower_ in lx.determiners
            or toks[i].lower_ in lx.genitives
        ):
            i += 1  # a title run starts with a title, not "della"/"de" ("della Romagna" is no person)
            continue
        j = i + 1
        while j < len(toks) and is_title(toks[j].text, lx):
            j += 1
        qualified = _past_qualifiers(toks, j, ctx)
        took = 1 + (j > i + 2 and toks[j - 1].lower_ in lx.determiners)  # "presidenta de la"
        if qualified == j and toks[j - took].lower_ in lx.genitives:
            # the title run took the genitive ("presidente del"): a portfolio, then the name after
            # a comma ("el presidente del Gobierno, Pedro Sánchez")
            after = _past_qualifiers(toks, j - took, ctx)
            qualified = after if after > j else j
        j, plain = qualified, qualified == j
        k = _name_end(toks, j, most, sent_start=True, ctx=ctx)
        # the title's genitive, in the title run ("presidente del Consiglio" in a pack whose titles
        # hold "del" and "consiglio") or just before the name
        of = [
            g
            for g in range(i + 1, min(j + 1, len(toks)))
            # where nouns are capitalised, the article of the genitive ("der Präsident des Rates")
            if toks[g].lower_ in lx.genitives or (lx.nouns_capitalised and toks[g].lower_ in lx.determiners)
        ]
        country = of != [] and of[-1] + 1 < len(toks) and is_country_word(toks[of[-1] + 1].text, ctx)
        if plain and of and not country:
            named = _past_portfolio(toks, of[-1] + 1, ctx)
            if named is not None:  # "el ministro de Asuntos Exteriores José Manuel Albares"
                a, b = toks[named[0]].idx - base, toks[named[1] - 1].idx + len(toks[named[1] - 1].text) - base
                out.append(Person(a, b, sent.text[a:b]))
                i = named[1]
                continue
        if (
            plain
            and k == j + 1
            and toks[j - 1].lower_ in lx.genitives
            and not is_country_word(toks[j].text, ctx)
        ):
            # one capitalised word after "del"/"of" names what the title is of ("el presidente
            # del Parlamento luso", "il ministro della Difesa"), not the person
            i = k
            continue
        if plain and k > j and is_country_word(toks[j].text, ctx) and k < len(toks):
            j += 1  # skip a country after a title ("президент России")
            k = _name_end(toks, j, most, sent_start=False, ctx=ctx)
        if plain and k - j > 2 and not toks[j].text.isupper() and ctx.language.is_genitive(toks[j].text):
            # what the title is of, in the genitive, before a name of two words ("Премьер Госсовета
            # КНР Ли Цян", "Председатель Еврокомиссии Урсула фон дер Ляйен")
            j += 1
            k = _name_end(toks, j, most, sent_start=False, ctx=ctx)
        while j < k - 1 and toks[j].text.isupper() and len(toks[j].text) > 1:
            j += 1  # "Генсек НАТО Йенс Столтенберг": an organisation, not a first name
            k = max(k, _name_end(toks, j, most, sent_start=False, ctx=ctx))
        if k > j:
            a, b = toks[j].idx - base, toks[k - 1].idx + len(toks[k - 1].text.rstrip(".")) - base
            out.append(Person(a, b, sent.text[a:b]))
            i = k
            continue
        i += 1
    return out


def _past_portfolio(toks: list[Token], j: int, ctx: Context) -> tuple[int, int] | None:
    """The name after a title's portfolio with no comma before it, the portfolio opening at
    ``toks[j]`` after the title's genitive ("il presidente del | Consiglio europeo António Costa",
    "der Präsident des | Europäischen Rates António Costa", "el ministro de | Asuntos Exteriores José
    Manuel Albares"): the first run of two capitalised words or more, less the institution words
    that open it (:func:`itinerary.people.institution_word`), with none inside it and name-like;
    the portfolio between holds capitalised words, genitives,
    articles, joiners and adjectives, ``Tuning.companion_portfolio_words`` words at most. The word
    a genitive or an article governs is the portfolio's, when two words or more follow it. Its
    token span, or None."""
    lx, t = ctx.lx, ctx.tuning
    m = j
    while m < len(toks) and m - j <= t.companion_portfolio_words:
        x = toks[m]
        if capitalised(x.text) and not x.text.isupper():
            end = _name_end(toks, m, t.name_max_words + t.portfolio_words, sent_start=False, ctx=ctx)
            a = m
            governed = toks[m - 1].lower_ in lx.genitives or toks[m - 1].lower_ in lx.determiners
            if end - a > 2 and governed:
                a += 1  # "do Orçamento Simone Tebet": the word the genitive governs is the portfolio's
            while end - a > 2 and (institution_word(toks[a].text) or is_title(toks[a].text, lx)):
                a += 1
            if (
                end - a >= 2
                and not any(institution_word(y.text) or is_title(y.text, lx) for y in toks[a:end])
                and _name_like(toks, a, end, ctx)
            ):
                return a, end
            m = end
            continue
        low = x.lower_
        joins = low in lx.genitives or low in lx.determiners or low in lx.list_joiners
        # a lower-case adjective of the portfolio ("europeo", "wirtschaftliche"): no function word,
        # no verb ("il ministro degli Esteri ha incontrato ...": what follows is another person)
        adjective = x.is_lower and not x.is_stop and not opening_verb(x.text, ctx)
        if not x.is_alpha or not (joins or nationality(x.text, lx) or adjective):
            return None
        m += 1
    return None


def _name_end(toks: list[Token], j: int, most: int, *, sent_start: bool, ctx: Context | None = None) -> int:
    """The end of the run of at most ``most`` capitalised words from ``toks[j]`` (a hyphen
    joins two parts of one word: "Frank-Walter", "Jong-un"); with ``ctx``, the name's lower-case
    particles and surname and its regnal number after the run (:func:`name_tail`)."""
    k, words = j, 0
    while k < len(toks) and words < most:
        if capitalised(toks[k].text) and not (sent_start and toks[k].is_sent_start):
            k, words = k + 1, words + 1
        elif k > j and _hyphen_joins(toks, k):
            k += 2
        else:
            break
    return name_tail(toks, k, ctx) if ctx is not None and k > j else k


#: a regnal number after a name ("Felipe VI", "Карл III", "Felipe VI." in German), not "I" alone
#: (the English pronoun)
REGNAL = re.compile(r"(?:X{0,2})(?:IX|IV|V?I{0,3})\.?")


def regnal(word: str) -> bool:
    """``word`` is a Roman numeral of a ruler's name ("III", "VI", "XIV"; "VI." in German)."""
    bare = word.rstrip(".")
    return bool(bare) and bare != "I" and REGNAL.fullmatch(word) is not None


def name_tail(toks: list[Token], k: int, ctx: Context) -> int:
    """The end of a name whose capitalised words end at ``toks[k]``, with what follows them in
    every language's names: lower-case particles and the surname after them ("Ursula von der
    Leyen", "Lula da Silva", "Урсула фон дер Ляйен"; at most ``PARTICLES_MOST`` particles, the
    first no article of the language: "sagte Scholz der Zeitung" is no name; the surname no
    country, prominent place or title: "Gustavo Petro de Colombia") and a regnal number ("Felipe
    VI", "Карл III")."""
    lx, m = ctx.lx, k
    while m < len(toks) and m - k < PARTICLES_MOST and toks[m].is_lower and toks[m].lower_ in NAME_PARTICLES:
        m += 1
    if (
        m > k
        and toks[k].lower_ not in lx.determiners
        and m < len(toks)
        and capitalised(toks[m].text)
        and not toks[m].text.isupper()
        and not is_title(toks[m].text, lx)
        and not _prominent_place(toks[m].text, ctx)
    ):
        k = m + 1
        while k < len(toks) and _hyphen_joins(toks, k):
            k += 2
    if k < len(toks) and regnal(toks[k].text):
        k += 1
    return k


def _hyphen_joins(toks: list[Token], k: int) -> bool:
    """``toks[k]`` is a hyphen written inside a word ("Frank-Walter": no space on either side)."""
    return (
        toks[k].text in HYPHENS
        and k + 1 < len(toks)
        and not toks[k - 1].whitespace_
        and not toks[k].whitespace_
        and toks[k + 1].text[:1].isalpha()
    )


#: hyphens that join the parts of a name
HYPHENS = frozenset({"-", "\u2010", "\u2011"})
#: lower-case words skipped between a title and a name ("il presidente francese Emmanuel Macron")
QUALIFIERS_MAX = 2


def is_title(word: str, lx: Lexicon, shortest: int = TUNING.compound_title_min) -> bool:
    """A title word; where nouns are capitalised, also a compound ending in one of ``shortest``
    letters or more ("Bundespräsident")."""
    low = word.lower()
    if low in lx.titles:
        return True
    return (
        lx.nouns_capitalised
        and word[:1].isupper()
        and any(len(t) >= shortest and low.endswith(t) and len(low) > len(t) for t in lx.titles)
    )


def nationality(word: str, lx: Lexicon) -> bool:
    """A lower-case nationality adjective ("francese", "angolano", "ivoirien")."""
    if not word.islower():
        return False
    form = forms_of().form(word)
    if form is not None and form.kind == "demonym":
        return True
    return ends_with(word, lx.nationality_endings, 2)


def _past_qualifiers(toks: list[Token], j: int, ctx: Context) -> int:
    """Where the name starts after a title's qualifiers: nationality adjectives ("il presidente
    angolano João Lourenço") or a genitive country and a comma ("o Presidente do Ruanda, Paul
    Kagame"); ``j`` itself when there are none."""
    lx = ctx.lx
    k = j
    while k < len(toks) and k - j < QUALIFIERS_MAX and nationality(toks[k].text, lx):
        k += 1
    if k > j and k < len(toks) and capitalised(toks[k].text):
        return k
    if j + 2 < len(toks) and toks[j].text == "," and _named_after_comma(toks, j + 1, ctx):
        return j + 1  # "O primeiro-ministro, António Costa,": the name in apposition
    if (
        j + 2 < len(toks)
        and toks[j].lower_ in lx.genitives
        and toks[j + 1].lower_ not in lx.determiners  # "de la Comisión": "la" is no country
        and is_country_word(toks[j + 1].text, ctx)
    ):
        k = j + 2
        k += toks[k].text == ","  # "do Ruanda, Paul Kagame"
        if k < len(toks) and capitalised(toks[k].text) and not is_country_word(toks[k].text, ctx):
            return k
    # the genitive may take an article ("la presidenta de la Comisión Europea, Ursula ...")
    p = j + 1 + (j + 2 < len(toks) and toks[j + 1].lower_ in lx.determiners)
    if p + 1 < len(toks) and toks[j].lower_ in lx.genitives and capitalised(toks[p].text):
        # a portfolio, maybe a nationality, then the name after a comma ("ministro das Relações
        # Exteriores angolano, Manuel Augusto", "Minister of Foreign Affairs, Sergey Lavrov")
        k = p
        while k < len(toks) and k - p < ctx.tuning.portfolio_words and capitalised(toks[k].text):
            k += 1
        while k < len(toks) and (nationality(toks[k].text, lx) or toks[k].lower_ in lx.genitives):
            k += 1
        if k + 2 < len(toks) and toks[k].is_lower and toks[k + 1].text == ",":
            k += 1  # an adjective the nationality list lacks ("del Parlamento luso, Augusto Santos Silva")
        if k + 1 < len(toks) and toks[k].text == "," and _named_after_comma(toks, k + 1, ctx):
            return k + 1
    return j


def _named_after_comma(toks: list[Token], k: int, ctx: Context) -> bool:
    """``toks[k]`` starts a name of two capitalised words or more, closed by a comma, a
    full stop or the sentence's end ("..., António Costa, aterrou")."""
    end = _name_end(toks, k, ctx.tuning.name_max_words, sent_start=False, ctx=ctx)
    if end - k < 2 or is_country_word(toks[k].text, ctx) or is_title(toks[k].text, ctx.lx):
        return False
    return end >= len(toks) or toks[end].text in {",", ".", ";"}


def is_country_word(word: str, ctx: Context) -> bool:
    """A word naming a country or region (in any of its case forms)."""
    g = ctx.geocoder.gazetteer
    forms = [word, *ctx.language.variants(word)]
    return any(
        g.record(i).kind in AREA_KINDS for w in dict.fromkeys(f for f in forms if f) for i in g.lookup(w)
    )


def canonical_persons(raw: list[str], lx: Lexicon) -> dict[str, str]:
    """Map every person mention to the fullest form of the same name in the article."""
    raw = [r for r in raw if not all(w.lower().strip(",.") in lx.titles for w in r.split())]
    cleaned = {r: strip_titles(r, lx) for r in raw}
    forms = Counter(strip_titles(r, lx) for r in raw)
    first = {f: i for i, f in reversed(list(enumerate(strip_titles(r, lx) for r in raw)))}
    out: dict[str, str] = {}
    for r, c in cleaned.items():
        toks = set(c.lower().split())
        longer = [f for f in forms if f != c and toks and toks <= set(f.lower().split())]
        # the fullest form seen most often, then the one introduced first (the article's subject)
        out[r] = max(longer, key=lambda f: (forms[f], -first[f])) if longer else c
    return out


def base_forms(names: dict[str, str], ctx: Context) -> None:
    """A name written in a case form of another name of the article is that name ("встретил
    Нарендру Моди ... Нарендра Моди посетил", "Ким Чен Ына ... Ким Чен Ын"): names of two words
    or more, word for word the same or a case form of it (the pack's variants, or the word with
    an ending of at most ``CASE_ENDING_MAX`` letters added), at least one word differing. A
    shorter name whose every word is a case form of a word of a longer name (or the base of one:
    "Лавров" ... "Сергея Лаврова") is the longer name."""
    values = list(dict.fromkeys(names.values()))
    base: dict[str, str] = {}
    for c in values:
        words = c.split()
        for f in values:
            other = f.split()
            if f == c or len(other) != len(words) or len(words) < 2:
                continue
            if all(_case_form(w, o, ctx) for w, o in zip(words, other, strict=True)):
                base[c] = f
                break
    for c in values:  # "Лавров" ... "Сергея Лаврова": a part of a longer name, in another case
        words = c.split()
        if c in base:
            continue
        longer = [
            f
            for f in values
            if len(f.split()) > len(words)
            and all(any(_case_form(w, o, ctx) or _case_form(o, w, ctx) for o in f.split()) for w in words)
        ]
        if longer:
            base[c] = base.get(longer[0], longer[0])
    for r, c in names.items():
        names[r] = base.get(c, c)


def common_word_openers(sentences: list[Sentence], names: dict[str, str], ctx: Context) -> None:
    """A name whose first word is a word of a language that writes its nouns in lower case
    (``Tuning.opener_word_zipf``), written with a capital only where it opens a sentence, before
    the surname (or a case form of it) of another name of the article whose first word is written
    with its capital mid-sentence too, is that other name: "Самолет Лукашенко приземлился" (the
    plane of "Александр Лукашенко"), "Кортеж Путина", the Italian headline's "Viaggio Meloni a
    Tokyo". A person keeps one given name through an article, and a given name keeps its capital
    wherever it stands."""
    if ctx.lx.nouns_capitalised:
        return
    text = " ".join(s.span.text for s in sentences)
    opener_only = functools.cache(lambda word: _sentence_opener_only(word, text, sentences))
    values = list(dict.fromkeys(names.values()))
    fold: dict[str, str] = {}
    for c in values:
        words = c.split()
        if len(words) < 2 or known_word(words[0]) or not opener_only(words[0]):
            continue
        if word_zipf(words[0].lower(), ctx.language.code) < ctx.tuning.opener_word_zipf:
            continue
        other = [
            f
            for f in dict.fromkeys([*values, *names])  # "Путин" ... "Кортеж Путина": the shorter too
            if f != c
            and words[0] not in f.split()
            and all(any(_case_form(w, o, ctx) or _case_form(o, w, ctx) for o in f.split()) for w in words[1:])
            and not opener_only(f.split()[0])
        ]
        if other:
            fold[c] = max(other, key=lambda f: len(f.split()))
    for r, c in names.items():
        names[r] = fold.get(c, c)


def _sentence_opener_only(word: str, text: str, sentences: list[Sentence]) -> bool:
    """``word`` is written with its capital only as the first word of sentences."""
    openers = sum(1 for s in sentences if s.span.text.lstrip().startswith(word + " "))
    return openers > 0 and len(re.findall(rf"(?<!\w){re.escape(word)}(?!\w)", text)) == openers


#: the most letters a case ending adds to a name ("Ына", "Моди" is its own)
CASE_ENDING_MAX = 2


def _case_form(word: str, base: str, ctx: Context) -> bool:
    """``word`` is ``base`` or a case form of it (never the other way round)."""
    w, b = word.lower(), base.lower()
    if w == b:
        return True
    if len(b) < 2 or len(w) < len(b) - 1:
        return False
    variants = {v.lower() for v in ctx.language.variants(word)}
    return b in variants or (w.startswith(b) and 0 < len(w) - len(b) <= CASE_ENDING_MAX)


def strip_titles(name: str, lx: Lexicon) -> str:
    """The name without its titles and possessive ending ("President Biden's" -> "Biden")."""
    words = name.replace("’", "'").split()
    while len(words) > 1 and words[0].lower().strip(",") in lx.titles:
        words.pop(0)
    out = " ".join(words)
    for e in lx.possessives:
        out = out.removesuffix(e)
    return out.strip(" ,.")


def inflected_persons(sentences: list[Sentence], names: dict[str, str], ctx: Context) -> None:
    """Without a recogniser, find the case forms of names already seen ("визит Путина")."""
    shortest = ctx.tuning.name_word_min
    known: dict[str, str] = {}
    short: dict[str, str] = {}
    for name in dict.fromkeys(names.values()):  # a word two names share is the first one's
        words = name.split()
        for w in words:
            if len(w) > shortest:
                known.setdefault(w.lower(), name)
        if len(words) > 1 and len(words[0]) <= shortest and capitalised(words[0]):
            short.setdefault(words[0], name)  # the family name first: "Xi Jinping" ... "Xi"
    for s in sentences:
        base = s.span.start_char
        for t in s.span:
            a = t.idx - base
            if not capitalised(t.text) or any(p.start <= a < p.end for p in s.persons):
                continue
            full = next(
                (known[v.lower()] for v in [t.text, *ctx.language.variants(t.text)] if v.lower() in known),
                None,
            )
            if full is None and t.text in short and _family_first(t.text, ctx):
                full = short[t.text]
            if full is not None:
                s.persons.append(Person(a, a + len(t.text), t.text))
                names[t.text] = full
        s.persons.sort(key=lambda p: p.start)


def names_alone(sentences: list[Sentence], names: dict[str, str], ctx: Context) -> None:
    """With a recogniser: the surname of a person it found in full, written alone where it found
    nobody ("Xi Jinping arrived ... Xi is expected in", "Scholz reist ... Scholz trifft"), is that
    person: a family name first when short (Chinese, Korean, Vietnamese names), else the last
    word; never a word that names a place or a country (not "Jordan" of "Michael Jordan")."""
    shortest = ctx.tuning.name_word_min
    alone: dict[str, str] = {}
    for name in dict.fromkeys(names.values()):  # a word two names share is the first one's
        words = name.split()
        if len(words) < 2:
            continue
        first, last = words[0], words[-1]
        if len(first) <= shortest and capitalised(first) and _family_first(first, ctx):
            alone.setdefault(first, name)
        place = _is_place(last, ctx) or is_country_word(last, ctx)
        if len(last) > shortest and capitalised(last) and not place:
            alone.setdefault(last, name)
    for s in sentences:
        base = s.span.start_char
        for t in s.span:
            a = t.idx - base
            if t.text not in alone or any(p.start <= a < p.end for p in s.persons):
                continue
            s.persons.append(Person(a, a + len(t.text), t.text))
            names[t.text] = alone[t.text]
        s.persons.sort(key=lambda p: p.start)


def _family_first(word: str, ctx: Context) -> bool:
    """A short first word of a full name, written alone, stands for that person (Chinese, Korean
    and Vietnamese names put the family name first: "Xi Jinping ... Xi", "Li Qiang ... Li"),
    unless it is a function word or a title of the language, or names a country (a village
    called "Xi" does not make the word a place: the article already uses it as a name)."""
    low = word.lower()
    return not function_word(low, ctx.lx) and low not in ctx.lx.titles and not is_country_word(word, ctx)


def _runs(sent: Span, lx: Lexicon, most: int) -> list[tuple[int, int]]:
    """The runs of capitalised words of a sentence that may be names (token indices): no title,
    function word, month or weekday, nor a word in capitals ("KIEV")."""
    toks = list(sent)
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        k, words = i, 0
        while k < len(toks) and words < most:
            w = toks[k].text
            low = w.lower()
            plain = capitalised(w) and not (w.isupper() and len(w) > 1)
            calendar = low in lx.months or low in lx.weekdays
            owner = any(low.replace("’", "'").endswith(e) for e in lx.possessives)  # "Zambia's"
            opener = k == i and _opening(toks[k]) and opens_no_name(w, lx)  # "Куда Лукашенко отправится ..."
            if (
                plain
                and not calendar
                and not owner
                and not opener
                and not function_word(low, lx)
                and not is_title(w, lx)
            ):
                k, words = k + 1, words + 1
                continue
            if k > i and _hyphen_joins(toks, k):
                k += 2
                continue
            break
        if k > i:
            out.append((i, k))
            i = k
        else:
            i += 1
    return out


def _span_of(sent: Span, a: int, b: int) -> Person:
    toks = list(sent)
    base = sent.start_char
    start, end = toks[a].idx - base, toks[b - 1].idx + len(toks[b - 1].text) - base
    return Person(start, end, sent.text[start:end])


def _is_place(name: str, ctx: Context) -> bool:
    """The gazetteer knows ``name`` (or a case form of it) as a place."""
    g = ctx.geocoder.gazetteer
    return any(g.lookup(f) for f in dict.fromkeys([name, *ctx.language.variants(name)]) if f)


def _place_before_name(word: str, run: int, ctx: Context) -> bool:
    """The first word of a run of ``run`` capitalised words is a place, not a first name: a
    country before a first name and surname ("России Михаил Мишустин"), or a place in a case
    form of its own ("Во Владивостоке Мишустин", "губернатор Приморья Олег Кожемяко": a first
    name takes the case of its surname, a place written in another case is no part of it)."""
    if run > 2 and is_country_word(word, ctx):
        return True
    g = ctx.geocoder.gazetteer
    return not g.lookup(word) and any(g.lookup(v) for v in dict.fromkeys(ctx.language.variants(word)) if v)


def _name_start(toks: list[Token], a: int, b: int, surname_last: bool, ctx: Context) -> int:
    """Where the name of the run ``a:b`` starts: after the places before it, and after a verb
    opening the sentence (its capital is the sentence's: "Acompanham Lula na viagem ...")."""
    while surname_last and b - a > 1 and _place_before_name(toks[a].text, b - a, ctx):
        a += 1  # "Председатель правительства России Михаил Мишустин", "Во Владивостоке Мишустин"
    if b - a > 1 and toks[a].is_sent_start and opening_verb(toks[a].text, ctx):
        a += 1
    return a


def recurring_names(sentences: list[Sentence], ctx: Context) -> None:
    """Without a recogniser: a first name and surname written in full, then the surname alone
    elsewhere in the article ("Mario Draghi ... Draghi"), is a person (the news names a person
    in full once, then by the surname)."""
    lx, most = ctx.lx, ctx.tuning.name_max_words
    alone: Counter[str] = Counter()
    inside: Counter[str] = Counter()  # alone, not at a sentence start
    stems: Counter[str] = Counter()  # the base forms of the words alone
    runs: list[tuple[Sentence, list[tuple[int, int]]]] = []
    lower = {t.text for s in sentences for t in s.span if t.is_lower}  # "am" in "am Montag"
    for s in sentences:
        found = _runs(s.span, lx, most)
        runs.append((s, found))
        toks = list(s.span)
        for a, b in found:
            if b - a == 1:
                alone[toks[a].text] += 1
                inside[toks[a].text] += not toks[a].is_sent_start
                for v in dict.fromkeys(ctx.language.variants(toks[a].text)):
                    stems[v] += 1  # its case forms: "Лавров" is "Сергея Лаврова"'s surname
    for s, found in runs:
        toks = list(s.span)
        for a, b in found:
            words = [t.text for t in toks[a:b] if t.text not in HYPHENS]
            last, first = toks[b - 1].text, toks[a].text
            cased = alone[last] > 0 or any(
                stems[v] > 0 for v in dict.fromkeys([last, *ctx.language.variants(last)])
            )
            surname_last = cased and len(last) > ctx.tuning.name_word_min
            # the family name first ("Xi Jinping ... Xi"): a short word, or one seen inside a sentence
            short = len(first) <= ctx.tuning.name_word_min
            surname_first = (
                (inside[first] > 0 or (short and alone[first] > 0))
                and first.lower() not in lower  # a word the article also writes in lower case
                and _family_first(first, ctx)
            )
            if len(words) < 2 or not (surname_last or surname_first):
                continue
            a = _name_start(toks, a, b, surname_last, ctx)
            if b - a < 2:
                continue  # the surname alone: a case form of a known name (inflected_persons)
            p = _span_of(s.span, a, b)
            if any(q.start < p.end and p.start < q.end for q in s.persons):
                continue
            if _is_place(p.name, ctx) or is_country_word(toks[b - 1].text, ctx):
                continue
            s.persons.append(p)
        s.persons.sort(key=lambda q: q.start)


def unrecognised_names(sentences: list[Sentence], ctx: Context) -> None:
    """Names of two words or more that neither the recogniser nor a title found, read as persons
    by a general fact ("Нарендра Моди прилетел в Москву", "Xi Jinping reiste nach Moskau",
    "Shehbaz Sharif, el primer ministro de Pakistán, llegó"; names of another script or culture
    than the language's):

    * the project's list of known names has it, in any spelling or case form ("Ким Чен Ына",
      "Лула да Силва": :func:`itinerary.people.known_name`);
    * it is the subject of a travel word: a lower-case word follows it, and a travel word comes
      in its clause within ``Tuning.subject_travel_words`` words, before any speech word;
    * a title follows it in apposition ("Kim Jong-un, le dirigeant nord-coréen");
    * it follows "with" or a verb of meeting ("traf Xi Jinping", "с Нарендрой Моди").

    Never a run the gazetteer knows as a place, nor one with a country's name or a frequent word
    in a language that capitalises its nouns ("Weiße Haus"); a verb or a frequent word that opens
    the sentence is no part of it ("Поезд Ким Чен Ына")."""
    lx, t = ctx.lx, ctx.tuning
    seen = {p.name for s in sentences for p in s.persons}
    lower = {x.lower_ for s in sentences for x in s.span if x.is_lower}
    for s in sentences:
        toks = list(s.span)
        found = [*_known_runs(toks, s, ctx, lower)]
        for a, b in _joined_runs(toks, _runs(s.span, lx, t.name_max_words + 1), ctx):
            opens, head = _clause_start(toks, a, ctx), a
            while (
                b - a > 1
                and toks[a].is_sent_start
                and _opening_word(toks[a].text, ctx)
                and (toks[a].is_stop or _words_in(toks, a + 1, b, ctx) >= 2 or _text(toks, a + 1, b) in seen)
            ):
                opens = opens and not _governs(toks, a, b, ctx)  # "После Объединенных ...": an object
                a += 1  # "Поезд Ким Чен Ына", "Depois Lula", "Куда Лукашенко": a common word's capital
            while (
                _words_in(toks, a, b, ctx) > 2
                and a > 0
                and (is_title(toks[a - 1].text, lx) or a > head)
                and ctx.language.is_genitive(toks[a].text)
            ):
                a += 1  # "Губернатор Приморья Олег Кожемяко": what the title or noun is of (genitive)
            a = _name_start(toks, a, b, True, ctx)
            if _words_in(toks, a, b, ctx) < 2 or not _name_like(toks, a, b, ctx):
                continue
            subject = opens and _travel_subject(toks, b, ctx)
            if subject or _apposed_title(toks, b, ctx) or _met_before(toks, a, ctx):
                found.append(_span_of(s.span, a, b))
        for p in found:
            if not any(q.start < p.end and p.start < q.end for q in s.persons):
                s.persons.append(p)
        s.persons.sort(key=lambda q: q.start)


def headline_subject(sentences: list[Sentence], ctx: Context) -> None:
    """A word alone that opens the headline (the article's first sentence, a paragraph of its own)
    before a lower-case word ("Orbán in Berlin", "Lula to visit Oslo", "Токаев в Минске") is the
    person the article follows, when the article names nobody else: news headlines open on their
    subject, named once, and a short body may go on with a title alone ("the Hungarian prime
    minister"). Not a title, function word, month, day, demonym or verb; never written in lower case
    in the article; no place (a name of the project's list of known names only when no prominent
    place is called by it: "Lula" is another spelling of Luleå; else no place as written, the subject
    standing in the nominative) and no frequent word of the language unless that list knows it
    ("Lula" is frequent in Portuguese news)."""
    if len(sentences) < 2 or sentences[1].span.doc is sentences[0].span.doc:
        return
    if any(s.persons for s in sentences):
        return
    lx = ctx.lx
    toks = [t for t in sentences[0].span if not t.is_space]
    if not toks[2:] or not toks[1].is_lower:  # a word, then a lower-case one, then more
        return
    word, low = toks[0].text, toks[0].lower_
    if not capitalised(word) or word.isupper() or len(word) <= ctx.tuning.name_word_min:
        return
    if function_word(low, lx) or is_title(word, lx) or low in lx.months or low in lx.weekdays:
        return
    if opening_verb(word, ctx) or is_country_word(word, ctx):
        return
    if (f := forms_of().form(word)) is not None and f.kind == "demonym":
        return
    if any(t.lower_ == low and t.is_lower for s in sentences for t in s.span):
        return
    if any(known_word(v) for v in dict.fromkeys([word, *ctx.language.variants(word)]) if v):
        if _place_called(word, ctx):
            return
    elif (
        ctx.geocoder.gazetteer.lookup(word)
        or word_zipf(low, ctx.language.code) >= ctx.tuning.common_word_zipf
    ):
        return  # the word as written: a subject stands in the nominative ("Токаев", not "Токай")
    _mark(sentences, word)


def _place_called(word: str, ctx: Context) -> bool:
    """A prominent place of the gazetteer is called ``word`` by its own name (not one of its other
    spellings: "Lula" for Luleå)."""
    g, low = ctx.geocoder.gazetteer, word.lower()
    return any(
        prominent(r, ctx) and r.name.lower() == low
        for f in dict.fromkeys([word, *ctx.language.variants(word)])
        if f
        for r in (g.record(i) for i in g.lookup(f))
    )


def particles_of_names(sentences: list[Sentence], ctx: Context) -> None:
    """A surname written alone that opens with a particle of its full name ("Luigi Di Maio ... Di
    Maio said", "Ursula von der Leyen ... von der Leyen") is a person as a whole: the short words
    (``Tuning.name_particle_max`` letters at most) that stand before it as they stand in the full name
    are part of the span, so that no word of the name is read as a place ("Maio", an island)."""
    for s in sentences:
        text = s.span.text
        spans: list[Person] = []
        for p in s.persons:
            full = " " + ctx.names.get(p.name, p.name) + " "
            start = p.start
            for _ in range(PARTICLES_MOST):
                m = re.search(r"([^\W\d_]+)\s+$", text[:start])
                if m is None or len(m.group(1)) > ctx.tuning.name_particle_max:
                    break
                if f" {m.group(1)} {text[start : p.end]} " not in full:
                    break
                start = m.start(1)
            if start == p.start:
                spans.append(p)
                continue
            spans.append(Person(start, p.end, text[start : p.end]))
            ctx.names.setdefault(text[start : p.end], ctx.names.get(p.name, p.name))
        s.persons = spans


#: the most particles before a surname written alone ("von der Leyen")
PARTICLES_MOST = 2


def _joined_runs(toks: list[Token], runs: list[tuple[int, int]], ctx: Context) -> list[tuple[int, int]]:
    """Runs of capitalised words joined by a capitalised particle of a name between them, inside
    the sentence ("Luigi Di Maio", "Ursula Von der Leyen" is not: only one particle): a short
    function word written with a capital is part of a name, not of the sentence."""
    out: list[tuple[int, int]] = []
    for a, b in runs:
        if out:
            pa, pb = out[-1]
            gap = toks[pb:a]
            if (
                len(gap) == 1
                and capitalised(gap[0].text)
                and not gap[0].is_sent_start
                and len(gap[0].text) <= ctx.tuning.name_particle_max
                and (function_word(gap[0].lower_, ctx.lx) or gap[0].lower_ in ctx.lx.genitives)
            ):
                out[-1] = (pa, b)
                continue
        out.append((a, b))
    return out


def _governs(toks: list[Token], a: int, b: int, ctx: Context) -> bool:
    """``toks[a]`` is a preposition of the words after it up to ``b``: one of the pack's
    prepositions, or a function word before words in the genitive ("После Объединенных Арабских
    Эмиратов")."""
    lx, low = ctx.lx, toks[a].lower_
    if low in lx.at or low in lx.origin or low in lx.toward or low in lx.genitives:
        return True
    return toks[a].is_stop and any(ctx.language.is_genitive(x.text) for x in toks[a + 1 : b])


def _text(toks: list[Token], a: int, b: int) -> str:
    return toks[a].doc[toks[a].i : toks[b - 1].i + 1].text if b > a else ""


def _clause_start(toks: list[Token], a: int, ctx: Context) -> bool:
    """``toks[a]`` opens a clause, where a subject stands: the sentence's start, after punctuation,
    a list joiner, a weekday or a relative day ("В понедельник Шахбаз Шариф прилетел") or a title
    ("Губернатор Приморья Олег Кожемяко"), not after a preposition ("после Объединенных Арабских
    Эмиратов")."""
    if a == 0 or toks[a].is_sent_start:
        return True
    prev = toks[a - 1]
    low, lx = prev.lower_, ctx.lx
    time = low in lx.weekdays or low in lx.relative
    that = low in lx.complementizers  # "dass Pedro Sánchez am Freitag reisen werde"
    return prev.is_punct or low in lx.list_joiners or time or that or is_title(prev.text, lx)


def _words_in(toks: list[Token], a: int, b: int, ctx: Context) -> int:
    """The words of a name in ``toks[a:b]``, its hyphens and short particles not counted."""
    short = ctx.tuning.name_particle_max
    return sum(1 for x in toks[a:b] if x.text not in HYPHENS and not (len(x.text) <= short and x.is_stop))


def _name_like(toks: list[Token], a: int, b: int, ctx: Context) -> bool:
    """The capitalised words ``toks[a:b]`` may be a person's name: no place, no country's name,
    and no frequent word where nouns are capitalised."""
    words = [x.text for x in toks[a:b] if x.text not in HYPHENS]
    written = toks[a].doc[toks[a].i : toks[b - 1].i + 1].text
    if any(_prominent_place(n, ctx) for n in {" ".join(words), written}):
        return False  # "Buenos Aires", "Casa Rosada"; a village called "Pedro Sánchez" is no bar
    if _country(words[-1], ctx) or _country(words[0], ctx):
        return False
    if any((f := forms_of().form(w)) is not None and f.kind == "demonym" for w in words):
        return False
    code, most = ctx.language.code, ctx.tuning.common_word_zipf
    return not ctx.lx.nouns_capitalised or all(word_zipf(w.lower(), code) < most for w in words)


def _prominent_place(name: str, ctx: Context) -> bool:
    """The gazetteer knows ``name`` (or a case form of it) as a country, a region, a landmark or a
    city of ``Tuning.min_city_population`` people or more."""
    g = ctx.geocoder.gazetteer
    return any(
        prominent(g.record(i), ctx)
        for f in dict.fromkeys([name, *ctx.language.variants(name)])
        if f
        for i in g.lookup(f)
    )


def _country(word: str, ctx: Context) -> bool:
    """``word`` (or a case form of it) names a country."""
    g = ctx.geocoder.gazetteer
    return any(
        g.record(i).kind == "country"
        for f in dict.fromkeys([word, *ctx.language.variants(word)])
        if f
        for i in g.lookup(f)
    )


def _known_runs(toks: list[Token], s: Sentence, ctx: Context, lower: set[str]) -> list[Person]:
    """The names of the project's list of known names written in the sentence, longest first,
    short lower-case particles inside them ("Лула да Силва")."""
    out: list[Person] = []
    i = 0
    while i < len(toks):
        if not capitalised(toks[i].text):
            i += 1
            continue
        hit = 0
        for k in range(min(len(toks), i + ctx.tuning.known_name_tokens), i + 1, -1):
            inner = toks[i:k]
            if not capitalised(inner[-1].text) or any(
                not (
                    capitalised(x.text)
                    or x.text in HYPHENS
                    or (x.is_lower and len(x.text) <= ctx.tuning.name_particle_max)
                )
                for x in inner
            ):
                continue
            if known_name(toks[i].doc[toks[i].i : toks[k - 1].i + 1].text):
                hit = k
                break
        if not hit and _known_word(toks, i, ctx, lower):
            hit = i + 1
        if hit:
            out.append(_span_of(s.span, i, hit))
            i = hit
        else:
            i += 1
    return out


def _known_word(toks: list[Token], i: int, ctx: Context, lower: set[str]) -> bool:
    """``toks[i]`` is a one-word name of the list of known names ("Macron", "Путин", "Lula"),
    or a case form of one ("Путина"), written alone (no capitalised word beside it: not "San
    Francisco"), of ``Tuning.known_word_min`` letters or more, never written in lower case in the
    article (``lower``: "lula", squid), no frequent word of the language unless the list has it as
    written (news makes "Путин", and "Lula" in Portuguese, frequent words; a case form of a frequent
    word is not taken for a name), and no prominent place's own name (not another spelling of one:
    "Lula" for Luleå)."""
    word = toks[i].text
    if len(word) < ctx.tuning.known_word_min or word.isupper():
        return False
    if any(0 <= k < len(toks) and capitalised(toks[k].text) for k in (i - 1, i + 1)):
        return False
    if not any(known_word(v) for v in dict.fromkeys([word, *ctx.language.variants(word)]) if v):
        return False
    if word.lower() in lower:
        return False
    if word_zipf(word.lower(), ctx.language.code) >= ctx.tuning.common_word_zipf and not known_word(word):
        return False
    return not _place_called(word, ctx)


def _travel_subject(toks: list[Token], b: int, ctx: Context) -> bool:
    """The run ending before ``toks[b]`` is the subject of a travel word: a lower-case word follows
    it, and a travel word comes in the clause within ``Tuning.subject_travel_words`` words, before
    any speech word or complementizer ("Xi Jinping ist am Dienstag in Moskau eingetroffen")."""
    lx = ctx.lx
    if b >= len(toks) or not toks[b].is_lower:
        return False
    for x in toks[b : b + ctx.tuning.subject_travel_words]:
        low = x.lower_
        if x.is_punct and low not in HYPHENS:
            return False
        if starts(low, lx.speech) or low in lx.complementizers:
            return False
        if x.is_lower and starts(low, lx.travel):
            return True
    return False


def _apposed_title(toks: list[Token], b: int, ctx: Context) -> bool:
    """A title follows the run in apposition, after a comma, within ``Tuning.apposed_title_words``
    words of determiners, nationality adjectives, qualifiers and countries ("Kim Jong-un, le
    dirigeant nord-coréen", "Shehbaz Sharif, el primer ministro de Pakistán")."""
    lx = ctx.lx
    if b + 1 >= len(toks) or toks[b].text != ",":
        return False
    for x in toks[b + 1 : b + 1 + ctx.tuning.apposed_title_words]:
        if is_title(x.text, lx) and x.lower_ not in lx.determiners:
            return True
        if not (x.is_lower or is_country_word(x.text, ctx)):
            return False
    return False


def _met_before(toks: list[Token], a: int, ctx: Context) -> bool:
    """The run follows "with" (not a list joiner) or a verb of meeting, titles and determiners
    between ("traf Xi Jinping", "встреча с Нарендрой Моди", "con el presidente Lula da Silva")."""
    lx = ctx.lx
    k = a - 1
    while k >= 0 and (
        is_title(toks[k].text, lx) or toks[k].lower_ in lx.determiners or nationality(toks[k].text, lx)
    ):
        k -= 1
    if k < 0 or not toks[k].is_lower:
        return False
    low = toks[k].lower_
    return (low in lx.with_ and low not in lx.list_joiners) or starts(low, lx.meet)


def opening_verb(word: str, ctx: Context) -> bool:
    """A frequent inflected verb form of the language ("Acompanham", "Begleitet", "Acompañan",
    "Сопровождают"; ``<code>_verb_forms.json``, built by ``scripts/build_verb_forms.py``): a
    sentence may open with it before its subject, and it is no given name."""
    return word.lower() in _verb_forms(ctx.language.code)


def _opening_word(word: str, ctx: Context) -> bool:
    """A one-word run opening a sentence that is a verb form or a frequent word of the language
    (``Tuning.common_word_zipf``: "Depois", "Danach", "Luego"): capitalised as the sentence's
    first word, not as a name."""
    if " " in word:
        return False
    return (
        opening_verb(word, ctx) or word_zipf(word.lower(), ctx.language.code) >= ctx.tuning.common_word_zipf
    )


@functools.cache
def _verb_forms(code: str) -> frozenset[str]:
    ref = resources.files("itinerary.extract.lang").joinpath(f"{code}_verb_forms.json")
    return frozenset(json.loads(ref.read_text(encoding="utf-8"))["forms"]) if ref.is_file() else frozenset()


#: how often a capitalised word must stand alone before a verb to be taken for a surname
LONE_NAME_MIN = 2


def lone_names(sentences: list[Sentence], ctx: Context) -> None:
    """Without a recogniser, where only names are capitalised: a capitalised word written alone
    before two different lower-case words that are not function words ("Blinken comenzó ...
    Blinken concluirá", "Лавров прибыл ... Лавров примет") is a surname (see :func:`_surname`)."""
    if ctx.lx.nouns_capitalised:
        return
    lower: set[str] = set()
    common: set[str] = set()  # after a determiner, or a common word of the language
    before_verb: dict[str, set[str]] = {}  # the words that follow it (each verb once)
    for s in sentences:
        toks = list(s.span)
        for i, t in enumerate(toks):
            if t.is_lower:
                lower.add(t.lower_)
            elif capitalised(t.text) and not t.text.isupper():
                if t.is_stop or (i > 0 and toks[i - 1].lower_ in ctx.lx.determiners):
                    common.add(t.text)
                nxt = toks[i + 1] if i + 1 < len(toks) else None
                alone = not (i > 0 and capitalised(toks[i - 1].text))
                if alone and nxt is not None and nxt.is_lower and not nxt.is_stop:
                    before_verb.setdefault(t.text, set()).add(nxt.lower_)
    for word, verbs in before_verb.items():
        if len(verbs) >= LONE_NAME_MIN and word not in common and _surname(word, lower, ctx):
            _mark(sentences, word)


def _surname(word: str, lower: set[str], ctx: Context) -> bool:
    """``word`` may be a surname: the article never writes it in lower case, and it is no title,
    function word, month, day, demonym or place."""
    lx, low = ctx.lx, word.lower()
    if low in lower or len(word) <= ctx.tuning.name_word_min:
        return False
    if function_word(low, lx) or is_title(word, lx) or low in lx.months or low in lx.weekdays:
        return False
    if opening_verb(word, ctx):
        return False
    form = forms_of().form(word)
    demonym = form is not None and form.kind == "demonym"
    return not demonym and not _is_place(word, ctx) and not is_country_word(word, ctx)


def _mark(sentences: list[Sentence], word: str) -> None:
    """Every mention of ``word`` outside a person already found becomes a person."""
    for s in sentences:
        base = s.span.start_char
        for t in s.span:
            a = t.idx - base
            if t.text == word and not any(p.start <= a < p.end for p in s.persons):
                s.persons.append(Person(a, a + len(word), word))
        s.persons.sort(key=lambda q: q.start)


def listed_persons(sentences: list[Sentence], ctx: Context) -> None:
    """Without a recogniser: a name listed with a person ("Tshisekedi, Ndayishimiye e Kenyatta",
    "Путин, Лукашенко и Токаев") is a person too, unless the gazetteer knows it as a place."""
    lx, most, gap = ctx.lx, ctx.tuning.name_max_words, ctx.tuning.list_name_gap
    for s in sentences:
        if not s.persons:
            continue
        text = s.span.text
        toks = list(s.span)
        # a run after a genitive is a portfolio or an institution ("ministro das Relações Exteriores")
        found = [
            _span_of(s.span, a, b)
            for a, b in _runs(s.span, lx, most)
            if a == 0 or toks[a - 1].lower_ not in lx.genitives
        ]
        changed = True
        while changed:
            changed = False
            for r in found:
                if any(q.start < r.end and r.start < q.end for q in s.persons):
                    continue
                near = any(
                    listed_with(text[q.end : r.start], ctx, gap)
                    or listed_with(text[r.end : q.start], ctx, gap)
                    for q in s.persons
                    if q.end <= r.start or r.end <= q.start
                )
                demonym = (f := forms_of().form(r.name)) is not None and f.kind == "demonym"  # "Egyptian"
                if near and r.start == 0 and _opening_word(r.name, ctx):
                    continue  # "Depois, Lula seguiu": the sentence's capital on a common word
                if near and not demonym and not _is_place(r.name, ctx) and not is_country_word(r.name, ctx):
                    s.persons.append(r)
                    ctx.names.setdefault(r.name, r.name)
                    changed = True
        s.persons.sort(key=lambda q: q.start)


def listed_with(gap: str, ctx: Context, most: int) -> bool:
    """``gap`` joins two names of a list: a comma or a joiner ("Tshisekedi, Ndayishimiye e
    Kenyatta"), or the titles and countries of a listed subject ("e il presidente angolano")."""
    return coordinated(gap, ctx.lx, most) or (bool(gap.strip()) and party_gap(gap, ctx))


def coordinated(gap: str, lx: Lexicon, most: int) -> bool:
    """``gap`` only joins two names of a list: a comma or a list joiner ("and", "e", "и")."""
    if len(gap) > most or re.search(r"[.;:!?()«»\"“”]", gap):
        return False
    words = word_list(gap.lower())
    return (bool(words) or "," in gap) and all(w in lx.list_joiners for w in words)


def party_gap(gap: str, ctx: Context) -> bool:
    """``gap`` joins two persons of one list, maybe with their titles and countries (", Zambia's",
    " and Comoros President ", " e o presidente angolano "), a title's portfolio included (" e il
    ministro della Transizione ecologica ", " and the Minister of Foreign Affairs ")."""
    lx = ctx.lx
    gap, portfolio = _portfolio_split(gap, lx)
    if len(portfolio) > ctx.tuning.companion_window or re.search(r"[.;:!?()«»\"“”,]", portfolio):
        return False
    if len(gap) > ctx.tuning.companion_window or re.search(r"[.;:!?()«»\"“”]", gap):
        return False
    words = word_list(gap)
    if not ("," in gap or any(w.lower() in lx.list_joiners for w in words)):
        return False
    for w in words:
        low = w.lower().replace("’", "'")
        for e in lx.possessives:
            low = low.removesuffix(e)
        if low in lx.list_joiners or low in lx.determiners or is_title(w, lx) or nationality(low, lx):
            continue
        if w[:1].isupper() and (is_country_word(w, ctx) or is_country_word(low.title(), ctx)):
            continue
        return False
    return True


def _portfolio_split(gap: str, lx: Lexicon) -> tuple[str, str]:
    """``gap`` cut before the portfolio of its last title ("ministro | della Transizione ecologica",
    "Minister | of Foreign Affairs"): the title's genitive and what follows it up to the name
    (``(gap, "")`` when no title has one)."""
    matches = list(re.finditer(r"[^\W\d_]+(?:['’][^\W\d_]+)?", gap))
    for a, b in itertools.pairwise(matches):
        if is_title(a.group(), lx) and b.group().lower() in lx.genitives:
            return gap[: b.start()], gap[b.start() :]
    return gap, ""


def party_of(persons: list[Person], k: int, text: str, ctx: Context) -> list[Person]:
    """The persons listed together with ``persons[k]`` (itself included), in text order."""
    a, b = joined_run(len(persons), k, lambda i: party_gap(text[persons[i].end : persons[i + 1].start], ctx))
    return persons[a : b + 1]


def _object_before(before: str, ctx: Context) -> bool:
    """The words before a person make them an object: "with", a verb of meeting, the agent of a
    passive, or a preposition ("to", "à", "nach", "в"), titles and determiners between."""
    lx = ctx.lx
    if companion_before(before, lx) or agent_before(before, ctx):
        return True
    prev = [
        w
        for w in word_list(before.lower())
        if w not in lx.titles and w not in lx.determiners and not nationality(w, lx)
    ]
    return bool(prev) and (prev[-1] in lx.at or prev[-1] in lx.toward or prev[-1] in lx.origin)


def sentence_groups(sentences: list[Sentence], ctx: Context) -> dict[int, tuple[str, ...]]:
    """Per sentence (by ``id``): the latest list of persons named together up to it (the largest
    of a sentence that names several)."""
    out: dict[int, tuple[str, ...]] = {}
    latest: tuple[str, ...] = ()
    for s in sentences:
        best: tuple[str, ...] = ()
        text = s.span.text
        for k in range(len(s.persons)):
            party = party_of(s.persons, k, text, ctx)
            if _object_before(
                text[max(0, party[0].start - ctx.tuning.companion_window) : party[0].start], ctx
            ):
                continue  # "bring a plan to Zelensky, Putin", "met Xi and Li": no subject to stand for
            names = tuple(dict.fromkeys(ctx.names.get(q.name, q.name) for q in party))
            if len(names) > len(best):
                best = names
        if len(best) > 1:
            latest = best
        if latest:
            out[id(s)] = latest
    return out


def title_phrases(sentences: list[Sentence], names: dict[str, str], ctx: Context) -> dict[str, Counter[str]]:
    """Title phrases written just before a name ("le dirigeant nord-coréen Kim Jong-un"),
    mapped to the persons they introduce, so a later bare title can be read as that person."""
    lx, t = ctx.lx, ctx.tuning
    out: dict[str, Counter[str]] = {}
    for s in sentences:
        text = s.span.text
        for p in s.persons:
            words = text[max(0, p.start - t.title_window) : p.start].lower().replace(",", " ").split()
            run: list[str] = []
            while words and len(run) < t.title_max_words and words[-1] not in lx.determiners:
                w = words.pop()
                if w in lx.at or w in lx.with_ or not re.match(r"^[^\W\d_][\w'-]*$", w):
                    break
                run.insert(0, w)
            while run and run[0] not in lx.titles:
                run.pop(0)
            if run and len(run) >= t.title_min_words:
                out.setdefault(" ".join(run), Counter())[names.get(p.name, p.name)] += 1
    return out


#: marks a person's name in a text given to :func:`by_title`
NAMED = "\x00"


def by_title(text: str, roles: dict[str, Counter[str]]) -> str | None:
    """The person a title phrase in ``text`` stands for, if the article named one (a title right
    before a name marked with :data:`NAMED` is that name's, not a bare title)."""
    found = []
    for k in roles:
        at = text.rfind(k)
        while at >= 0 and text[at + len(k) :].lstrip()[:1] == NAMED:
            at = text.rfind(k, 0, at)
        if at >= 0:
            found.append((at, k))
    if not found:
        return None
    _, key = max(found)
    return roles[key].most_common(1)[0][0]


def stop_traveller(
    s: Sentence, reading: Reading, p: Mention, ctx: Context, carry: str | None
) -> tuple[str | None, bool, tuple[str, ...]]:
    """Who travels to this stop, whether the sentence names them, and who travels with them
    (the other persons of a listed subject, those who accompany the traveller)."""
    guest = received_guest(s, p.start, reading.travel, ctx)
    if guest is not None:  # "Ruto received Lula in Nairobi": the guest came, the host is at home
        return ctx.names.get(guest.name, guest.name), True, ()
    return _subject_traveller(s, reading, p, ctx, carry)


def _subject_traveller(
    s: Sentence, reading: Reading, p: Mention, ctx: Context, carry: str | None
) -> tuple[str | None, bool, tuple[str, ...]]:
    """Who travels to this stop as the subject of its travel word (:func:`stop_traveller`)."""
    text = s.span.text
    trig = max((t for t in reading.travel if t < p.start), default=None)
    if trig is None:
        trig = min(reading.travel, default=0)
    party = listed_subject(s, trig, p.start, ctx)
    if party:
        return party[0], True, hosts_at_home(party[0], party[1:], p, ctx)
    person = after_travel_noun(s, trig, ctx) or traveller_before(s.persons, trig, p.start, text, ctx)
    if person is None and bare_title(s, 0, max(trig, 0), ctx) is None:
        # a person after the verb is its subject only when no title stands before it ("el
        # presidente de Brasil viajará a Oporto y participará en un acto en el Parlamento")
        person = traveller_after(s, trig, p.start, ctx)
    since = person.end if person is not None else 0
    if person is None or person.end <= trig:
        title = bare_title(s, since, p.start, ctx)
        if title is not None:  # "mit Xi und Li fliegt der Kanzler nach": the title is the subject
            # the person the article introduced with it, else the title itself (assembly gives
            # it the article's main traveller, if the article names one)
            return by_title(title.lower(), ctx.roles) or title, False, ()
    group = group_subject(s, trig, ctx, since=person.end) if person is not None else ()
    if group:  # "After the Zelensky meeting the leaders fly to": the plural is the subject
        return group[0], False, group[1:]
    if person is not None and person.end <= trig and _plural_between(s, person.end, trig, ctx):
        return None, False, ()  # a plural the article did not list: its main traveller
    if person is not None:
        who = ctx.names.get(person.name, person.name)
        return who, True, tuple(c for c in accompanying(s, person, ctx) if c != who)
    group = group_subject(s, trig, ctx)
    if group:
        return group[0], False, group[1:]
    # "le dirigeant nord-coréen est arrivé": the person that title names, or the last traveller
    head = text[: max(trig, 0)].lower()
    for q in s.persons:  # "the funeral of King X": the title is X's, it does not stand alone
        if q.end <= len(head):
            head = head[: q.start] + NAMED * (q.end - q.start) + head[q.end :]
    return by_title(head, ctx.roles) or carry, False, ()


def traveller_after(s: Sentence, trigger: int, place_start: int, ctx: Context) -> Person | None:
    """The subject written after the travel verb when nobody is named before it ("A Kiev è
    arrivato anche il presidente romeno Klaus Iohannis", "В Киев прибыл президент Румынии",
    "Llegó a Bogotá el rey Felipe"): the first person after it in the same clause, unless
    "with", a verb of meeting or the agent of a passive stands before them."""
    if not ctx.lx.subject_after_verb or trigger < 0:
        return None
    text, lx = s.span.text, ctx.lx
    for q in s.persons:
        if q.start <= trigger:
            continue
        if re.search(r"[.;:!?«»\"“”]", text[trigger : q.start]):
            return None
        if "," in text[place_start : q.start] and not _incise(text, place_start, trigger, q.start):
            return None  # a comma after the place closes the verb's clause ("in Kiew, wo er X traf")
        prev = [
            w.lower()
            for w in word_list(text[max(0, q.start - ctx.tuning.companion_window) : q.start])
            if not w[:1].isupper()
            and not is_title(w, lx)
            and w not in lx.determiners
            and not nationality(w, lx)
        ]
        if agent_before(text[max(0, q.start - ctx.tuning.companion_window) : q.start], ctx):
            return None  # "ricevuto dal primo ministro X", "recebido pelo presidente X": the host
        if prev and (prev[-1] in AGENTS or (prev[-1] in lx.with_ and prev[-1] not in lx.list_joiners)):
            return None  # "accolto da X", "arrivato con X": not the subject
        if any(starts(w, lx.meet) for w in prev[-2:]):
            return None
        return q
    return None


def met_list_before(before: str, ctx: Context) -> bool:
    """The person closes a list that follows "with" or a verb of meeting ("nach dem Treffen mit Xi
    und Ministerpräsident", "after meeting Xi and Premier", "con Xi e il premier"): met, not the
    subject. Only names, titles, determiners, nationality adjectives and list joiners may stand
    between; a comma only when a joiner follows it ("with X, Y and Z", not "with X, Z")."""
    lx = ctx.lx
    words = re.findall(r"[^\W\d_][\w'’-]*|,", before)[-ctx.tuning.met_list_words :]
    joined = False
    for w in reversed(words):
        low = w.lower()
        if w == ",":
            if not joined:
                return False
            continue
        if low in lx.list_joiners:
            joined = True
            continue
        if (low in lx.with_ or starts(low, lx.meet)) and w.islower():
            return True
        if w[:1].isupper() or is_title(w, lx) or low in lx.determiners or nationality(low, lx):
            continue
        return False
    return False


def agent_before(before: str, ctx: Context) -> bool:
    """The person follows the agent preposition of a passive ("ricevuto dal primo ministro",
    "received by Prime Minister", "accueilli par le président", "recebido pelo presidente"): the
    host. Between the preposition and the name only determiners, titles, nationality adjectives
    and lower-case qualifiers ("primo")."""
    lx = ctx.lx
    words = word_list(before)
    for k in range(len(words) - 1, max(-1, len(words) - 2 - ctx.tuning.agent_gap_words), -1):
        w, low = words[k], words[k].lower()
        if low in AGENTS and w.islower():
            return True
        qualifier = w.islower() and k + 1 < len(words) and is_title(words[k + 1], lx)  # "primo ministro"
        if not (qualifier or is_title(w, lx) or low in lx.determiners or nationality(low, lx)):
            return False
    return False


def bare_title(s: Sentence, since: int, place_start: int, ctx: Context) -> str | None:
    """A title with its determiner and no name, between ``since`` and the place ("der Kanzler",
    "the chancellor", "il premier", "le chef de l'État"): it stands for the article's traveller
    and is the subject, not a person named before it. The phrase as written, or None."""
    lx, text = ctx.lx, s.span.text
    toks = [t for t in s.span if since <= t.idx - s.span.start_char < place_start]
    for a, b in _title_pairs(toks, lx):
        end = b.idx - s.span.start_char + len(b.text)
        nxt = b.nbor(1) if b.i + 1 < len(b.doc) else None
        named = (
            nxt is not None and capitalised(nxt.text) and (not lx.nouns_capitalised or nxt.pos_ == "PROPN")
        )
        if named or any(end <= q.start <= end + 1 for q in s.persons):
            continue  # "der Kanzler Olaf Scholz", "la ministre Catherine Colonna": a name follows
        start = a.idx - s.span.start_char
        if any(q.end <= start and text[q.end : start].strip() == "," for q in s.persons):
            continue  # "Shehbaz Sharif, der pakistanische Premierminister,": the name's apposition
        before = text[max(0, start - ctx.tuning.companion_window) : start]
        if companion_before(before, lx):
            continue  # "mit dem Kanzler": met, not the subject
        with_title = text[max(0, start - ctx.tuning.companion_window) : end].lower()
        if accompanied_before(word_list(with_title), lx, ctx.tuning.accompanied_words):
            continue  # "accompanied by the Minister of ...", "accompagné du ministre": the companion's
        return text[a.idx - s.span.start_char : end]
    return None


def _title_pairs(toks: list[Token], lx: Lexicon) -> list[tuple[Token, Token]]:
    """A determiner and the title it opens, maybe with lower-case words between ("the
    chancellor", "the crown prince", "die neue Außenministerin")."""
    out: list[tuple[Token, Token]] = []
    for i, a in enumerate(toks):
        if a.lower_ not in lx.determiners:
            continue
        for b in toks[i + 1 : i + 1 + BARE_TITLE_GAP + 1]:
            if is_title(b.text, lx) and b.lower_ not in lx.determiners and b.lower_ not in lx.genitives:
                out.append((a, b))
                break
            if not (b.is_alpha and b.is_lower) or b.lower_ in lx.genitives or b.lower_ in lx.determiners:
                break
    return out


#: lower-case words between a determiner and its title ("the crown prince")
BARE_TITLE_GAP = 2


def listed_subject(s: Sentence, trigger: int, place_start: int, ctx: Context) -> tuple[str, ...]:
    """The persons of a list written before the travel word ("Draghi, Macron e Scholz sono
    arrivati", "Путин и Лукашенко прибыли"): all of them travel. Empty when the nearest person
    before it is no list, or the list follows "with" or a verb of meeting (hosts, not travellers)."""
    text = s.span.text
    limit = max(trigger, 0)
    before = [k for k, q in enumerate(s.persons) if q.end <= limit] or [
        k for k, q in enumerate(s.persons) if q.end <= place_start
    ]
    if not before:
        return ()
    party = party_of(s.persons, before[-1], text, ctx)
    if len(party) < 2:
        return ()
    first = party[0]
    if companion_before(text[max(0, first.start - ctx.tuning.companion_window) : first.start], ctx.lx):
        return ()
    return tuple(dict.fromkeys(ctx.names.get(q.name, q.name) for q in party))


def accompanying(s: Sentence, person: Person, ctx: Context) -> list[str]:
    """The persons said to accompany the traveller ("X, accompanied by Y", "X, accompagnato da
    Y", "X в сопровождении Y"): they make the trip too."""
    text = s.span.text
    after = [k for k, q in enumerate(s.persons) if q.start >= person.end]
    if not after:
        return []
    k = after[0]
    gap = text[person.end : s.persons[k].start].lower()
    words = " ".join(word_list(gap))
    # a long title with its portfolio may stand between "accompanied by" and the name
    near = len(gap) <= ctx.tuning.companion_window or accompanied_past_title(text[: s.persons[k].start], ctx)
    if not near or not any(words.startswith(a) or f" {a}" in f" {words}" for a in ctx.lx.accompanied):
        return []
    return [ctx.names.get(q.name, q.name) for q in party_of(s.persons, k, text, ctx)]


def _incise(text: str, place_start: int, trigger: int, person_start: int) -> bool:
    """The commas between the travel verb and its subject only enclose an insert, the place
    before the verb ("A Kiev è arrivato, con un altro treno, anche X", "A Bogotá llegó, en un
    vuelo privado, el rey Felipe"): they do not close the verb's clause."""
    if place_start > trigger or "," in text[place_start:trigger]:
        return False
    return text[trigger:person_start].count(",") % 2 == 0


def _plural_between(s: Sentence, since: int, trigger: int, ctx: Context) -> bool:
    """A plural of persons ("the leaders", "i tre leader") stands between ``since`` and the travel word."""
    low = " " + " ".join(word_list(s.span.text[since:trigger].lower())) + " "
    return any(f" {g} " in low for g in ctx.lx.groups)


def group_subject(s: Sentence, trigger: int, ctx: Context, since: int = 0) -> tuple[str, ...]:
    """A plural before the travel word (after ``since``) that stands for persons named together
    before ("the three leaders", "i tre leader", "les deux présidents", "оба лидера"): the latest
    list of persons of the article up to this sentence."""
    if trigger < since or not ctx.lx.groups:
        return ()
    low = " " + " ".join(word_list(s.span.text[since:trigger].lower())) + " "
    if not any(f" {g} " in low for g in ctx.lx.groups):
        return ()
    return ctx.groups.get(id(s), ())


def after_travel_noun(s: Sentence, trigger: int, ctx: Context) -> Person | None:
    """The person named right after a travel noun: "визит Путина", "la visite du pape François"."""
    tok = next((t for t in s.span if t.idx - s.span.start_char == trigger), None)
    if tok is None or tok.pos_ in ("VERB", "AUX"):
        return None
    t = ctx.tuning
    end = trigger + len(tok.text)
    after = s.span.text[end : end + t.travel_noun_window]
    between = ctx.language.person_link
    for p in s.persons:
        gap = p.start - end
        if 0 <= gap <= t.travel_noun_gap and between.fullmatch(after[:gap]):
            return p
    return None


def traveller_before(
    persons: list[Person], trigger: int, place_start: int, text: str, ctx: Context
) -> Person | None:
    """The person named nearest before the travel word (or before the place)."""
    lx, window = ctx.lx, ctx.tuning.companion_window
    limit = max(trigger, 0)
    # a travel word after the place reaches back over it, not into the next clause ("war er in
    # Kiew, wo er Präsident X traf": X is after a comma that closes the place's clause)
    persons = [p for p in persons if p.start < place_start or "," not in text[place_start : p.start]]
    before = [p for p in persons if p.end <= limit] or [p for p in persons if p.end <= place_start]
    for p in reversed(before):
        if relative_subject(text, p, limit, place_start, persons, ctx):
            return p  # "met X, who had flown in from Y": X travels, whoever met them
        if met_list_before(text[max(0, p.start - ctx.tuning.title_window) : p.start], ctx):
            continue  # "mit Xi und Ministerpräsident Li": a list of persons met, not the subject
        if noun_complement(text[max(0, p.start - window) : p.start], ctx):
            continue  # "the funeral of King X", "o aniversário de João Lourenço": not the subject
        if _after_place_preposition(text[max(0, p.start - window) : p.start], ctx):
            continue  # "Из Приморья премьер направится", "a message from X": not the subject
        if agent_before(text[max(0, p.start - window) : p.start], ctx):
            continue  # "accueilli par le président X": the host
        prev = [w for w in word_list(text[max(0, p.start - window) : p.start].lower()) if w not in lx.titles]
        if prev and prev[-1] in lx.with_:
            continue  # "avec le président Poutine": a companion or host
        if any(starts(w, lx.meet) for w in prev[-2:]):
            continue  # "a rencontré Vladimir Poutine": the host
        words = word_list(text[max(0, p.start - window) : p.start].lower())
        if accompanied_before(words, lx, ctx.tuning.accompanied_words) or accompanied_past_title(
            text[: p.start], ctx
        ):
            continue  # "X, accompagné de la ministre Y": Y travels with X, who is the traveller
        return p
    return None


#: relative pronouns of a pack that are never the subject of their clause ("dont": "of which")
NOT_SUBJECT = frozenset({"dont"})


def relative_subject(
    text: str, p: Person, trigger: int, place_start: int, persons: list[Person], ctx: Context
) -> bool:
    """``p`` is the subject of the travel word at ``trigger`` through a relative clause that opens
    right after the name ("se reunió con Mike Pompeo, que había llegado desde Berlín", "traf X, der
    aus Y angereist war"): the pronoun follows a comma after the name, the travel word is in its
    clause (no comma, no other person between) within ``Tuning.companion_window`` characters, and
    so is the place."""
    lx = ctx.lx
    gap = text[p.end : max(trigger, place_start)]  # "X, der aus Y angereist war": the verb last
    pronouns = [w for w in lx.relative_pronouns if w not in NOT_SUBJECT]
    m = (
        re.match(r"\s*,\s*(" + "|".join(map(re.escape, pronouns)) + r")(?!\w)", gap, re.I)
        if pronouns
        else None
    )
    if m is None:
        return False
    rest = gap[m.end() :]
    if "," in rest or len(rest) > ctx.tuning.companion_window or "," in text[trigger:place_start]:
        return False  # the travel word, or the place, outside the relative clause
    return not any(p.end < q.start < trigger for q in persons)


def _after_place_preposition(before: str, ctx: Context) -> bool:
    """A preposition of place or origin stands right before the name ("из", "from", "bei"): the
    name is its object (a place the finder took for a name, or a host), not a subject."""
    lx = ctx.lx
    if not re.search(r"[^\W\d_]\s*$", before):
        return False  # punctuation between: no preposition governs the name
    words = [w.lower() for w in word_list(before)]
    while words and (is_title(words[-1], lx) or words[-1] in lx.determiners or nationality(words[-1], lx)):
        words.pop()
    return bool(words) and (words[-1] in lx.at or words[-1] in lx.origin)


def noun_complement(before: str, ctx: Context) -> bool:
    """The person complements a noun ("the funeral of X", "o aniversário de X", "il compleanno di
    X"): "of" right before the name, after a lower-case noun that is no travel word ("the visit of
    X" keeps X as the visitor)."""
    lx = ctx.lx
    words = re.findall(r"[^\W\d_][\w'’-]*|[^\w\s]", before)
    while (
        len(words) > 2
        and words[-1].lower() not in lx.genitives
        and (is_title(words[-1], lx) or nationality(words[-1], lx))
    ):
        words.pop()  # "the funeral of King X"
    if len(words) < 2 or words[-1].lower() not in lx.genitives:
        return False
    noun = words[-2].split("'")[-1].split("’")[-1]  # "d'eau" -> "eau"
    return noun.isalpha() and noun.islower() and not is_title(noun, lx) and not starts(noun, lx.travel)


def accompanied_before(prev: list[str], lx: Lexicon, reach: int) -> bool:
    """The last words before a person say they accompany someone ("accompanied by the minister",
    "accompagnato dal", "в сопровождении")."""
    tail = " " + " ".join(prev[-reach:])
    return any(f" {a}" in tail for a in lx.accompanied)


def accompanied_past_title(before: str, ctx: Context) -> bool:
    """ "Accompanied by" before the title of a person whose portfolio stands between the title and
    the name ("accompagné du ministre de l'Europe et des Affaires étrangères X", "в сопровождении
    министра иностранных дел Российской Федерации X"): the words are counted from the title (its
    last word within ``Tuning.companion_title_window`` characters, at most
    ``Tuning.companion_portfolio_words`` words and no punctuation between it and the name)."""
    lx, t = ctx.lx, ctx.tuning
    window = before[max(0, len(before) - t.companion_title_window) :]
    marks = list(re.finditer(r"[^\W\d_]+(?:['’][^\W\d_]+)?", window))
    for n in range(len(marks) - 1, max(-1, len(marks) - 2 - t.companion_portfolio_words), -1):
        if re.search(r"[.;:!?()«»\"“”,]", window[marks[n].end() :]):
            return False
        w = marks[n].group()
        low = w.lower()
        if low in lx.determiners or low in lx.genitives:
            continue
        if is_title(w, lx) or is_title(ctx.language.lemma(low), lx):
            words = word_list(window[: marks[n].end()].lower())
            if accompanied_before(words, lx, t.accompanied_words):
                return True
    return False


def subjects_of(s: Sentence, ctx: Context) -> set[str]:
    """The persons a sentence is about: those named, less the ones met or accompanied
    ("встреча с президентом Путиным")."""
    text = s.span.text
    return {
        ctx.names.get(q.name, q.name)
        for q in s.persons
        if not companion_before(text[max(0, q.start - ctx.tuning.companion_window) : q.start], ctx.lx)
    }


def carried_subject(s: Sentence, ctx: Context, carry: str | None) -> str | None:
    """Who the next sentence without a subject continues with, after a sentence without stops:
    its first person who is no object ("Il leader cinese ha firmato accordi con il presidente
    serbo X. In serata partirà per Budapest": the leader, not X). A person after "with", a verb
    of meeting or the agent of a passive is met; when every person is, the subject stays."""
    text, window = s.span.text, ctx.tuning.companion_window
    for q in s.persons:
        before = text[max(0, q.start - window) : q.start]
        if companion_before(before, ctx.lx) or agent_before(before, ctx):
            continue
        if _after_place_preposition(before, ctx):
            continue  # "luogo caro a Macron", "un lieu cher à Macron": an object, as for a traveller
        if met_list_before(text[max(0, q.start - ctx.tuning.title_window) : q.start], ctx):
            continue
        if _opening_title(s, q.start, ctx):
            break  # "El presidente aseguró que ..., su homólogo X": the title is the subject
        return ctx.names.get(q.name, q.name)
    title = _opening_title(s, len(text), ctx, before_name=False)
    if title is None:
        return carry
    # "il presidente cinese": the title with its nationality, as the article introduced a person
    end = text.find(title) + len(title)
    kin = list(itertools.takewhile(lambda w: nationality(w, ctx.lx), word_list(text[end:])[:2]))
    return by_title(" ".join([title, *kin]).lower(), ctx.roles)


def _opening_title(s: Sentence, until: int, ctx: Context, before_name: bool = True) -> str | None:
    """A bare title that opens the sentence (at most ``OPENING_WORDS`` words before it); when a
    name starts at ``until`` (``before_name``), one that ends more than ``Tuning.title_window``
    characters before it (a title right before a name in apposition is that name's: "El
    presidente de México, Andrés Manuel López Obrador")."""
    title = bare_title(s, 0, until, ctx)
    if title is None:
        return None
    at = s.span.text.find(title)
    if len(word_list(s.span.text[:at])) > OPENING_WORDS or (
        before_name and until - (at + len(title)) <= ctx.tuning.title_window
    ):
        return None
    return title


#: words that may stand before a title that opens a sentence ("Además, el presidente ...")
OPENING_WORDS = 2


def companion_before(before: str, lx: Lexicon) -> bool:
    """Whether the words just before a person make them a companion or a host ("with", "avec",
    "mit", "con", "с"; "met", "a rencontré")."""
    prev = [w for w in word_list(before.lower()) if w not in lx.titles]
    return bool(prev) and (prev[-1] in lx.with_ or any(starts(w, lx.meet) for w in prev[-2:]))


def owned_title_subject(s: Sentence, p: Mention, ctx: Context) -> bool:
    """The place's clause opens on a title that a possessive of the third person introduces, with
    no name ("His foreign minister had visited Algiers", "Son ministre s'était rendu à Alger",
    "Sein Außenminister hatte Islamabad besucht", "Его министр посетил Пхеньян"): its subject is
    another person than the one the possessive points back to, named by office only, not a
    traveller the article follows. The clause runs from the place before (or the sentence's
    start) to the place; nobody is named in it, and no title, "with" or verb of meeting stands
    before the possessive ("Macron and his minister", "accompagné de son ministre, le président")."""
    lx, text = ctx.lx, s.span.text
    if not lx.owners:
        return False
    # the clause starts after the place before (not a possessive read as a village: "Son")
    before = [q.end for q in s.places if q.end <= p.start and q.text.lower() not in lx.owners]
    start = max(before, default=0)
    if any(start <= q.start < p.start for q in s.persons):
        return False
    words = word_list(text[start : p.start])
    for i, w in enumerate(words):
        low = w.lower()
        name = i > 0 and capitalised(w) and not lx.nouns_capitalised
        if low in lx.determiners:
            continue  # "Il suo ministro", "O seu ministro"
        if is_title(w, lx) or (name and low not in lx.weekdays and low not in lx.months):
            return False  # a title or a name before the possessive: its person is the subject
        if low not in lx.owners:
            continue
        if companion_before(" ".join(words[:i]), lx):
            return False
        return any(is_title(x, lx) for x in words[i + 1 : i + 1 + ctx.tuning.owned_title_gap])
    return False


def title_countries(sentences: list[Sentence], ctx: Context) -> dict[str, set[str]]:
    """The countries the titles of each person name ("Russian President Vladimir Putin", "le
    président russe", "Президент России", "O Presidente do Ruanda, Paul Kagame"): a demonym or a
    country's name in the few words before the name, in the same sentence."""
    forms, g, t = forms_of(), ctx.geocoder.gazetteer, ctx.tuning
    out: dict[str, set[str]] = {}
    for s in sentences:
        text = s.span.text
        for q in s.persons:
            zone = re.split(r"[.;:!?()\[\]«»\"“”]", text[max(0, q.start - t.home_window) : q.start])[-1]
            codes: set[str] = set()
            for w in word_list(zone)[-t.home_words :]:
                form = forms.form(w)
                if form is not None and form.kind == "demonym" and form.target.startswith("country:"):
                    codes.add(form.target.removeprefix("country:"))
                    continue
                if not w[:1].isupper():
                    continue
                for variant in dict.fromkeys([w, *ctx.language.variants(w)]):
                    codes.update(
                        r.country_code for i in g.lookup(variant) if (r := g.record(i)).kind == "country"
                    )
            out.setdefault(ctx.names.get(q.name, q.name), set()).update(codes)
    return out


def headline_home(sentences: list[Sentence], ctx: Context) -> None:
    """The countries of the one person an article names only in its headline ("Orbán in Berlin"),
    from the nationality the body gives a title ("Der ungarische Ministerpräsident ist
    eingetroffen"): the body goes on with a title alone for the headline's subject, so that title
    is theirs, not another person's (:func:`itinerary.extract.assemble.foreign_title`)."""
    if len(sentences) < 2 or sentences[1].span.doc is sentences[0].span.doc:
        return
    named = {ctx.names.get(q.name, q.name) for q in sentences[0].persons}
    if len(named) != 1 or any(s.persons for s in sentences[1:]):
        return
    (who,) = named
    if ctx.homes.get(who):
        return
    forms, lx = forms_of(), ctx.lx
    for s in sentences[1:]:
        words = word_list(s.span.text)
        for i, w in enumerate(words):
            if not is_title(w, lx):
                continue
            for x in words[max(0, i - 1) : i + 2 : 2]:
                form = forms.form(x)
                if form is not None and form.kind == "demonym" and form.target.startswith("country:"):
                    ctx.homes[who] = {form.target.removeprefix("country:")}
                    return


@step("persons", reads=("sentences",), writes=("sentences.persons",))
def persons(doc: Document) -> None:
    """The persons named in each sentence."""
    for s in doc.sentences:
        s.persons = find_persons(s.span, doc.ctx)


@step("names", reads=("sentences.persons",), writes=("ctx.names", "sentences.persons", "ctx.groups"))
def names(doc: Document) -> None:
    """Each name mapped to its fullest form; bare titles dropped; case forms of known names added."""
    ctx = doc.ctx
    if not ctx.trained:
        recurring_names(doc.sentences, ctx)
        lone_names(doc.sentences, ctx)
    # "im Eifeldorf Schuld", "the village of Tumen": a place's name, here and wherever it recurs
    unrecognised_names(doc.sentences, ctx)
    headline_subject(doc.sentences, ctx)
    placed = names_after_place_nouns(doc.sentences, ctx.lx)
    for s in doc.sentences:
        s.persons = [
            p for p in s.persons if p.name not in placed and not named_by_place_noun(s.span, p, ctx.lx)
        ]
    ctx.names = canonical_persons([p.name for s in doc.sentences for p in s.persons], ctx.lx)
    base_forms(ctx.names, ctx)
    common_word_openers(doc.sentences, ctx.names, ctx)
    for s in doc.sentences:  # a bare title ("Le Pape") is not a name
        s.persons = [p for p in s.persons if p.name in ctx.names]
    if not ctx.trained:
        inflected_persons(doc.sentences, ctx.names, ctx)
        listed_persons(doc.sentences, ctx)
    else:
        names_alone(doc.sentences, ctx.names, ctx)
    particles_of_names(doc.sentences, ctx)
    ctx.groups = sentence_groups(doc.sentences, ctx)


@step("titles", reads=("sentences.persons", "ctx.names"), writes=("ctx.roles", "ctx.homes"))
def titles(doc: Document) -> None:
    """Title phrases that stand for a named person ("le dirigeant nord-coréen"), and the
    countries those titles name."""
    doc.ctx.roles = title_phrases(doc.sentences, doc.ctx.names, doc.ctx)
    doc.ctx.homes = title_countries(doc.sentences, doc.ctx)
    headline_home(doc.sentences, doc.ctx)


def hosts_at_home(
    traveller: str | None, companions: tuple[str, ...], p: Mention, ctx: Context
) -> tuple[str, ...]:
    """The companions less those at home where the stop is ("Tshisekedi e João Lourenço em
    Luanda": the Angolan president receives, he does not travel): a person whose title names the
    stop's country, when the traveller's does not."""
    r = p.record
    if r is None or not companions or r.country_code in ctx.homes.get(traveller or "", set()):
        return companions
    return tuple(c for c in companions if r.country_code not in ctx.homes.get(c, set()))
