"""Traveller identity: names that are one person by a rule a reader accepts, and names that are
not persons."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from itinerary.people import Match, display_name, group_names, match, not_a_person


@pytest.mark.parametrize(
    ("a", "b", "how"),
    [
        ("Lula", "Kim Jong Il", None),  # one shared sound, no shared word
        ("Lula", "Luiz Inácio Lula da Silva", Match.PART),
        ("Putin", "Vladimir Putin", Match.PART),
        ("President Putin", "Владимир Путин", Match.PART),
        ("Poutine", "Vladimir Putin", Match.ALIAS),
        ("Си Цзиньпин", "Xi Jinping", Match.ALIAS),
        ("Si Tsinpin", "Xi Jinping", Match.ALIAS),
        ("Xi Jin-ping", "Xi Jinping", Match.SPELLING),
        ("Jinping Xi", "Xi Jinping", Match.SAME),
        ("Kim Jong-un", "Ким Чен Ын", Match.SPELLING),
        ("Kim Jong Un", "Kim Jong Il", None),
        ("A. Blinken", "Antony Blinken", Match.SPELLING),
        ("J. Blinken", "Antony Blinken", None),  # another given name
        ("Karl Nehammer", "Giorgia Meloni", None),  # alike by consonant classes only
        ("Sergei Lavrov", "Sergueï Lavrov", Match.SPELLING),
        ("Kim", "Kim Jong Un", Match.PART),
        ("Vladimir", "Vladimir Putin", Match.PART),
        ("Putina", "Vladimir Putin", None),  # a one-word name must be a whole word of the other
        ("PM Modi", "Narendra Modi", Match.PART),  # an abbreviated title
        ("First Lady Rachel Ruto", "Rachel Ruto", Match.SAME),
        ("First Lady Rachel Ruto", "William Ruto", None),  # the title does not make her the president
    ],
)
def test_names_match_by_a_rule_a_reader_accepts(a: str, b: str, how: Match | None) -> None:
    assert match(a, b) is how
    assert match(b, a) is how


def test_a_part_joins_the_one_person_it_fits_and_look_alikes_are_listed() -> None:
    grouping = group_names(
        ["Lula", "Kim Jong Il", "Kim Jong Un", "Kim", "Putin", "Vladimir Putin", "Poutine"]
    )
    groups = {frozenset(g) for g in grouping.groups}
    assert frozenset({"Vladimir Putin", "Putin", "Poutine"}) in groups
    assert {
        frozenset({"Lula"}),
        frozenset({"Kim"}),
        frozenset({"Kim Jong Il"}),
        frozenset({"Kim Jong Un"}),
    } <= groups
    kept = {frozenset(p) for p in grouping.kept_apart}
    assert frozenset({"Lula", "Kim Jong Il"}) in kept
    assert {frozenset({"Kim", "Kim Jong Il"}), frozenset({"Kim", "Kim Jong Un"})} <= kept
    assert ("Poutine", "Vladimir Putin") in grouping.aliases or (
        "Vladimir Putin",
        "Poutine",
    ) in grouping.aliases


def test_grouping_does_not_depend_on_the_order_of_the_names() -> None:
    names = ["Putin", "Kim", "Ким Чен Ын", "Kim Jong-un", "Kim Jong Il", "Vladimir Putin", "Lula"]
    assert group_names(names) == group_names(list(reversed(names)))


def test_the_alias_list_gives_the_full_name_when_it_is_fuller_or_given() -> None:
    assert display_name(["Lula"]) == "Luiz Inácio Lula da Silva"
    assert display_name(["François", "Franziskus"]) == "Pope Francis"
    assert display_name(["Vladimir Putin", "Putin"]) == "Vladimir Putin"  # one of them
    assert display_name(["Kim Jong-un"]) is None  # as full as the list's "Kim Jong Un": kept as written
    assert display_name(["Joe Biden"]) is None


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("Parlamento", "an institution, office, place or common noun"),
        ("República Popular China", "an institution, office, place or common noun"),
        ("Asuntos Exteriores", "an institution, office, place or common noun"),
        ("Estado", "an institution, office, place or common noun"),
        ("Cancillería", "an institution, office, place or common noun"),
        ("Китайской Народной Республики", "an institution, office, place or common noun"),
        ("Afrika", "an institution, office, place or common noun"),
        ("Unknown traveller", "no name"),
        ("le président", "no name"),
        ("Francia", "a country"),
        ("Deutschland", "a country"),
        ("Caracas", "a place"),
        ("Macky Sall", None),
        ("Luiz Inácio Lula da Silva", None),
        ("Владимир Путин", None),
    ],
)
def test_institutions_countries_places_and_fragments_are_not_persons(name: str, why: str | None) -> None:
    assert not_a_person(name, places=["Caracas", "Lisboa"]) == why


_NAMES = [
    "Kim Jong Un",
    "Kim Jong-un",
    "Ким Чен Ын",
    "Kim Jong Il",
    "Ким Чен Ир",
    "Kim",
    "Lula",
    "Lula da Silva",
    "Luiz Inácio Lula da Silva",
    "Putin",
    "Poutine",
    "Vladimir Putin",
    "Владимир Путин",
    "Xi Jinping",
    "Xi Jin-ping",
    "Си Цзиньпин",
    "Jinping Xi",
    "Sergei Lavrov",
    "Sergueï Lavrov",
    "Сергей",
    "A. Blinken",
    "J. Blinken",
    "Antony Blinken",
    "Pope Francis",
    "François",
    "Franziskus",
    "Volodymyr Zelensky",
    "Wolodymyr Selenskyj",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_NAMES), min_size=1, max_size=len(_NAMES), unique=True))
def test_grouping_compares_every_pair_that_can_join(names: list[str]) -> None:
    """Names are compared only when they share a word spelled alike, an alias group or their
    letters: no pair that the rules join is left in two groups, whatever the order."""
    grouping = group_names(names)
    assert grouping == group_names(list(reversed(names)))
    where = {n: i for i, g in enumerate(grouping.groups) for n in g}
    for a in names:
        for b in names:
            if where[a] != where[b]:
                assert match(a, b) not in (Match.SAME, Match.SPELLING, Match.ALIAS), (a, b)


def test_every_language_packs_title_is_a_title_when_travellers_are_compared() -> None:
    """The packs' titles (dropped from a name where an article is read) and the identity's titles
    (dropped where travellers' names are compared across articles) are one list of words in two
    forms: a title an article may leave on a traveller's name ("Kanzlerin Merkel", "Premiê
    Lula") must not keep that traveller apart in the merge. The particles of names ("de Sousa",
    "da Silva", "von der Leyen") and the packs' articles ("il", the last word of "Kim Jong Il")
    are words of the name, and single letters are initials."""
    from itinerary.extract.lang import lexicon, supported
    from itinerary.extract.text import NAME_PARTICLES
    from itinerary.people import _data, _fold

    particles = {*NAME_PARTICLES, "dem"}
    missing = {
        code: sorted(
            f
            for w in lexicon(code).titles
            for f in _fold(w)
            if len(f) > 1
            and f not in particles
            and w not in lexicon(code).determiners
            and f not in _data().titles
        )
        for code in supported()
    }
    assert not any(missing.values()), f"add to 'titles' in itinerary/people.json: {missing}"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kanzlerin Angela Merkel", "Angela Merkel"),
        ("Premiê Lula", "Luiz Inácio Lula da Silva"),
        ("Sheikh Mohammed bin Zayed", "Mohammed bin Zayed"),
        ("Председатель Си Цзиньпин", "Xi Jinping"),
    ],
)
def test_a_title_in_any_language_does_not_keep_a_traveller_apart(a: str, b: str) -> None:
    assert match(a, b) is not None


def _every_pair_alike(words: set[str]) -> dict[str, set[str]]:
    """Each word -> the words spelled alike, every pair of words compared (the matrix the
    grouping of names made before it compared only the pairs that may be alike)."""
    from rapidfuzz import fuzz, process

    from itinerary.people import SPELLING_RATIO

    vocab = sorted(words)
    out = {w: {w} for w in vocab}
    scores = process.cdist(vocab, vocab, scorer=fuzz.ratio, score_cutoff=SPELLING_RATIO, workers=1)
    for i, j in zip(*scores.nonzero(), strict=True):
        out[vocab[i]].add(vocab[j])
    return out


def _near_words(seed: int, n: int) -> set[str]:
    """Words of 1 to 20 letters of a small alphabet, each with copies one to three edits away
    (a letter left out, put in or changed): many pairs at the edge of the spelling ratio."""
    import random

    rng = random.Random(seed)
    out: set[str] = set()
    for _ in range(n):
        word = "".join(rng.choice("abcde") for _ in range(rng.randint(1, 20)))
        out.add(word)
        for _ in range(3):
            w = list(word)
            for _ in range(rng.randint(1, 3)):
                at = rng.randrange(len(w) + 1)
                edit = rng.choice("dic")
                if edit == "d" and w:
                    del w[min(at, len(w) - 1)]
                elif edit == "i":
                    w.insert(at, rng.choice("abcde"))
                elif w:
                    w[min(at, len(w) - 1)] = rng.choice("abcde")
            if w:
                out.add("".join(w))
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_words_spelled_alike_are_those_every_pair_compared_finds(seed: int) -> None:
    from itinerary.people import _alike_words

    words = _near_words(seed, 250) | {"putin", "poutine", "putina", "jinping", "tszinpin", "lula", "il"}
    expected = _every_pair_alike(words)
    assert sum(len(v) - 1 for v in expected.values()) > 200  # many pairs alike, at the ratio's edge too
    assert _alike_words(words) == expected


def test_every_look_alike_by_sound_with_a_one_word_name_is_listed() -> None:
    """The look-alikes (:func:`itinerary.people._loose`) are found from both sides, a name of one
    word against a word of a longer name whatever came first, and never two names of several
    words by sound alone."""
    from itinerary.people import _loose, _shown_key, tokens

    names = [
        "Lula",
        "Kim Jong Il",
        "Il",
        "Leyla Aliyeva",
        "Lale Vargas",
        "Karl Nehammer",
        "Kira Nemirova",
        "Nemirov",
        "Tom Lale",
        "Xi Jinping",
        "Xiomara Castro",
    ]
    grouping = group_names(names)
    firsts = [min(g, key=_shown_key) for g in grouping.groups]
    expected = {
        frozenset((a, b))
        for i, a in enumerate(firsts)
        for b in firsts[i + 1 :]
        if _loose(tokens(a), tokens(b))
    }
    assert len(expected) > 3
    assert expected <= {frozenset(p) for p in grouping.kept_apart}
    # nothing else is listed but a part fitting several names
    assert all(frozenset(p) in expected or match(*p) is Match.PART for p in grouping.kept_apart)
