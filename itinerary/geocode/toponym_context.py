"""The article as the context of each of its names: the readings of every name scored against
the readings of the others (see :mod:`itinerary.geocode.toponyms`).

Each name's readings (:class:`Option`) get, on top of the gazetteer's score, the share of the
article's other mentions in their country and admin-1 region, the distance to the nearest other
place, a named region that holds them, and the kind of the names listed with them; the answers
are improved in a few rounds until they agree. Then names the gazetteer lacks, counties and small
namesakes far from a story told in one region answer the article's main place, approximately.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from itinerary.coords import haversine_km

if TYPE_CHECKING:
    from itinerary.geocode.gazetteer import Record

ROUNDS = 3
STRAY_PEOPLE = 100_000  # a namesake town smaller than this ...
STRAY_KM = 400.0  # ... this far from every place of a one-region story is read as a place of it


@dataclass(frozen=True)
class ContextWeights:
    """Weights of the article context (log-odds units, added to the gazetteer's scores)."""

    country: float = 2.5  # times the share of the other mentions in the candidate's country
    admin1: float = 3.0  # times the share of the other mentions in its admin-1 region
    near: float = 2.0  # times exp(-km / near_km) to the nearest other place
    near_km: float = 300.0  # set on the development half A of LGL and TR-News (150 and 500 were worse)
    dateline: float = 3.0  # how many mentions the dateline counts for
    prior_mentions: float = 2.0  # the shares above are taken over this many more mentions
    named_region: float = 1.5  # the article names the candidate's admin-1 region
    county_reach: float = 0.5  # per other name with a reading in a county's candidate state
    country_bonus: float = 1.0  # a bare country name in a text is the country, not its capital
    qualifying_area: float = 3.0  # a name that qualifies the one before it ("..., New York") is an area
    list_kind: float = 2.5  # an area, times the share of the names of its list read as areas of its kind
    # a story that names other places names its own towns, well known abroad or not: there the
    # town's renown (its rank on maps, its seat, its names in other languages) counts up to this
    # much less (times the share of the other mentions, over ``prior_mentions`` more)
    renown_discount: float = 0.8


CONTEXT = ContextWeights()


@dataclass
class Option:
    """One reading of a name: a gazetteer record, or a continent."""

    index: int  # record index; -1 for a continent
    lat: float
    lon: float
    kind: str
    country: str
    admin1: int
    base: float
    match: str
    record: Record | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    renown: float = (
        0.0  # the part of ``base`` that is the town's renown (see ``ContextWeights.renown_discount``)
    )

    @property
    def area(self) -> bool:
        return self.kind in ("country", "region", "continent", "union")


@dataclass
class Name:
    """Every mention of one name in the article, and its readings."""

    key: str
    surface: str
    mentions: list[int]
    qualifier: str | None = None
    dateline: bool = False
    options: list[Option] = field(default_factory=list)
    fixed: bool = False  # a form (demonym, abbreviation) or a qualified name: context does not move it
    approximate: bool = False
    county: bool = False  # "Laurel County", "Rapides Parish", "Loudon Co."
    qualifying: bool = False  # follows another name as its qualifier ("Albany, New York")
    mates: list[Name] = field(default_factory=list)  # the other names of its list ("A, B and C")
    choice: int = 0
    scores: list[float] = field(default_factory=list)

    @property
    def weight(self) -> float:
        return min(len(self.mentions), 3) + (CONTEXT.dateline if self.dateline else 0.0)


def context_score(o: Option, me: Name, names: list[Name], w: ContextWeights) -> float:
    total = 0.0
    country = 0.0
    admin1 = 0.0
    named = 0.0
    nearest = math.inf
    for other in names:
        if other is me or not other.options:
            continue
        c = other.options[other.choice]
        wt = other.weight
        if c.kind == "region" and c.admin1 == o.admin1 and o.kind != "region":
            named = w.named_region  # the article names the region the candidate lies in
        total += wt
        if c.country and c.country == o.country:
            country += wt
            if c.admin1 and c.admin1 == o.admin1 and o.kind != "country":
                admin1 += wt
        if not c.area and not o.area:
            nearest = min(nearest, haversine_km(o.lat, o.lon, c.lat, c.lon))
        elif not c.area and o.kind == "region" and c.admin1 == o.admin1:
            nearest = 0.0  # a place of the article lies in the region: it is as near as can be
    if me.mates and o.area:  # a list joins areas of one kind: "Montana and Wyoming"
        same = sum(1 for m in me.mates if m.options and m.options[m.choice].kind == o.kind)
        list_share = w.list_kind * same / len(me.mates)
    else:
        list_share = 0.0
    if total == 0:
        return list_share
    total += w.prior_mentions
    s = w.country * country / total + w.admin1 * admin1 / total + named + list_share
    if nearest < math.inf:
        s += w.near * math.exp(-nearest / w.near_km)
    return s


# What joins the names of a list, in the languages the project reads.
_LIST_JOIN = re.compile(r"\s*(?:,|;|/)?\s*(?:(?:and|or|et|ou|und|oder|y|o|e|и|или)\s+)?", re.IGNORECASE)


def lists(text: str, spans: Sequence[tuple[int, int]], of_span: Sequence[Name | None]) -> None:
    """Each name's list mates: names whose spans follow one another joined only by a comma or a
    conjunction ("New South Wales, Western Australia and Queensland")."""
    order = sorted(range(len(spans)), key=lambda k: spans[k])
    for a, b in pairwise(order):
        na, nb = of_span[a], of_span[b]
        if na is None or nb is None or na is nb:
            continue
        gap = text[spans[a][1] : spans[b][0]]
        if gap.strip() and _LIST_JOIN.fullmatch(gap):
            group = list({id(n): n for n in (na, *na.mates, nb, *nb.mates)}.values())
            for n in group:
                n.mates = [m for m in group if m is not n]


def _best(scores: list[float]) -> int:
    return max(range(len(scores)), key=lambda j: scores[j]) if scores else 0


def first_readings(names: list[Name], weights: ContextWeights) -> None:
    """First readings, before the context: a name that qualifies another is an area, and a
    county's state leans to where the article's other names could lie."""
    for name in names:
        if name.qualifying and not name.fixed:
            for o in name.options:
                if o.area:
                    o.base += weights.qualifying_area
        if name.county and len(name.options) > 1 and name.options[0].match == "county":
            reach = Counter(
                adm for n in names if n is not name for adm in {o.admin1 for o in n.options if o.admin1}
            )
            for o in name.options:
                o.base += weights.county_reach * reach[o.admin1]
        name.scores = [o.base for o in name.options]
        name.choice = _best(name.scores)


def settle(names: list[Name], weights: ContextWeights) -> None:
    """Each name's reading against the others' until they agree (a few rounds)."""
    movable = [n for n in names if n.options and not n.fixed and len(n.options) > 1]
    total = sum(n.weight for n in names if n.options)  # weights and options stay as they are here
    for _ in range(ROUNDS):
        changed = False
        for name in movable:
            # the more of the story's places there are, the more they, not renown, decide
            told = total - name.weight
            cut = weights.renown_discount * told / (told + weights.prior_mentions)
            scores = [o.base - cut * o.renown + context_score(o, name, names, weights) for o in name.options]
            best = _best(scores)
            changed |= best != name.choice
            name.choice, name.scores = best, scores
        if not changed:
            break


def finish(names: list[Name]) -> None:
    """Counties and names the gazetteer does not hold: the article's place, approximately."""
    for name in names:
        if name.county and name.options and name.options[name.choice].match == "county":
            # the state chosen; the answer is the article's main place in it
            state = name.options[name.choice]
            local = _focus([n for n in names if not n.county], state.admin1)
            name.options, name.choice, name.approximate, name.scores = [local or state], 0, True, [0.0]
        elif name.county and name.options:  # a namesake town in a region of the article, or none
            regions = {n.options[n.choice].admin1 for n in names if n is not name and n.options}
            if name.options[name.choice].admin1 not in regions:
                name.options = []
    focus = _focus(names)
    for name in names:
        if not name.options and focus is not None and name.surface[:1].isupper():
            name.options, name.choice, name.approximate, name.scores = [focus], 0, True, [0.0]
        elif focus is not None and _stray(name, names, focus):
            # a small namesake far from a story told in one region: more likely a place of that
            # region the gazetteer lacks ("Mount Washington" in a Los Angeles story)
            best = max(name.scores) if name.scores else 0.0
            name.options = [focus, *name.options]
            name.scores = [best, *(name.scores or [o.base for o in name.options[1:]])]
            name.choice, name.approximate = 0, True


def _stray(name: Name, names: list[Name], focus: Option) -> bool:
    """Whether a name's reading is a small town (under :data:`STRAY_PEOPLE`) more than
    :data:`STRAY_KM` from every other place of an article told in one admin-1 region (at least
    two other names there, and at least half of the article's places)."""
    if name.fixed or name.county or name.dateline or name.approximate or not name.options:
        return False
    o = name.options[name.choice]
    if o.area or o.record is None or o.record.population >= STRAY_PEOPLE or o.admin1 == focus.admin1:
        return False
    others = [
        n.options[n.choice]
        for n in names
        if n is not name and n.options and not n.approximate and not n.options[n.choice].area
    ]
    local = sum(1 for c in others if c.admin1 == focus.admin1)
    if local < 2 or 2 * local < len(others):
        return False
    return all(haversine_km(o.lat, o.lon, c.lat, c.lon) > STRAY_KM for c in others)


def _focus(names: list[Name], within: int = 0) -> Option | None:
    """The article's main place: a place of the admin-1 region most of its places lie in
    (or of region ``within``), as an option. A county votes for the state it was read in (a
    county named in a story is a place of the story), but stands for it only if nothing else does."""
    votes: Counter[int] = Counter()
    keep: dict[int, Option] = {}
    fallback: dict[int, Option] = {}
    for n in names:
        if n.options and (not n.approximate or n.county):
            o = n.options[n.choice]
            if within and (o.admin1 != within or o.kind == "region"):
                continue
            if o.admin1 and o.kind != "country":
                votes[o.admin1] += len(n.mentions)
                (fallback if n.county else keep).setdefault(o.admin1, o)
    if not votes:
        return None
    adm, _ = votes.most_common(1)[0]
    o = keep.get(adm) or fallback[adm]
    return Option(o.index, o.lat, o.lon, o.kind, o.country, o.admin1, 0.0, "approximate", o.record)


__all__ = [
    "CONTEXT",
    "ROUNDS",
    "STRAY_KM",
    "STRAY_PEOPLE",
    "ContextWeights",
    "Name",
    "Option",
    "context_score",
    "finish",
    "first_readings",
    "lists",
    "settle",
]
