"""Who is who: input trips by traveller (see :mod:`itinerary.people`), and trips without a
person's name given to the traveller of their own article, for review, or refused.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from itinerary import people
from itinerary.identity import UNKNOWN_TRAVELLER
from itinerary.merge.observe import _Inputs, _Obs
from itinerary.merge.places import _same_place
from itinerary.model import Stop, Trip


def same_traveller(a: str, b: str) -> bool:
    """True when two names are one person: the same name, a transliteration, a part of the other
    or a known alias (see :mod:`itinerary.people`)."""
    return people.match(a, b) is not None


def _is_unknown(name: str) -> bool:
    return people.not_a_person(name) == "no name"


def _display_name(names: list[str]) -> str:
    """The alias list's name when it is given or fuller; else Latin script first, then the fullest
    (titles aside), then the fewest titles, the most frequent, the first in alphabetical order."""
    shown = people.display_name(names)
    if shown is not None:
        return shown
    counts = Counter(names)
    return min(
        counts,
        key=lambda n: (not people.latin(n), -len(people.tokens(n)), len(n.split()), -counts[n], n),
    )


@dataclass
class _Person:
    names: list[str] = field(default_factory=list)
    obs: list[list[_Obs]] = field(default_factory=list)
    trips: list[Trip] = field(default_factory=list)
    obs_keys: list[int] = field(default_factory=list)  # the input trip of each of ``trips``
    inputs: set[int] = field(default_factory=set)
    places: dict[tuple[object, ...], Stop] = field(default_factory=dict)  # one stop per distinct place
    made_for: int | None = None  # the input trip without a name it was made for (None: a name's group)
    group: tuple[str, ...] = ()  # the names' group it was made for


@dataclass
class _Travellers:
    """Who is who: the people found, the names refused and the look-alikes kept apart."""

    people: list[_Person]
    refused: list[tuple[str, str]]  # (name, why it is not a person)
    kept_apart: tuple[tuple[str, str], ...]
    aliases: tuple[tuple[str, str], ...]
    why: dict[str, str | None] = field(default_factory=dict)  # each name's verdict (None: a person's)
    groups: tuple[tuple[str, ...], ...] = ()  # the names grouped by person
    refused_at: list[tuple[int, tuple[str, str]]] = field(default_factory=list)  # (input trip, refusal)


def _place_names(observed: list[tuple[str, list[_Obs]]]) -> set[str]:
    names: set[str] = set()
    for _, obs in observed:
        for o in obs:
            names.update(n for n in (o.stop.place, o.stop.resolved.name if o.stop.resolved else None) if n)
    return names


def _people(
    inputs: _Inputs,
    observed: list[tuple[str, list[_Obs]]],
    several: bool,
    group: Callable[[list[str]], people.Grouping] = people.group_names,
    why: dict[str, str | None] | None = None,
) -> _Travellers:
    """Input trips by person (the names grouped by ``group``: :func:`itinerary.people.group_names`,
    or what gives the same groups). With several inputs, a name that is not a person (an institution, a
    country, a place the trips visit) is refused; a trip without a name joins the only traveller
    or the one of its own sources sharing its places, for review, and is refused when there is
    none. One input is taken as written. ``why``: each name's verdict, given (a merge of some of
    the inputs takes the verdicts of all of them), else found here."""
    names = sorted({name for name, _ in observed})
    if why is not None:
        why = {name: why[name] for name in names}
    elif several:
        places = frozenset(_place_names(observed))
        why = {name: people.not_a_person(name, places) for name in names}
    else:  # one file (a hand-written trip, or the map of a day): its names are taken as written
        why = {name: "no name" if _is_unknown(name) else None for name in names}
    grouping = group([n for n, w in why.items() if w is None])
    found = [_Person(names=list(g), group=g) for g in grouping.groups]
    index = {n: p for p in found for n in p.names}
    alias_of = dict(grouping.aliases)
    unnamed: list[int] = []
    for k, (name, obs) in enumerate(observed):
        person = index.get(name)
        if person is None:
            unnamed.append(k)
            continue
        if name in alias_of:
            obs = [dataclasses.replace(o, alias=name) for o in obs]
        _add(person, inputs, k, obs, name)
    refused = _place_unnamed(inputs, observed, unnamed, found, several, why)
    return _Travellers(
        [p for p in found if any(p.obs)],
        sorted({r for _, r in refused}),
        grouping.kept_apart,
        grouping.aliases,
        why,
        grouping.groups,
        refused,
    )


def _place_unnamed(
    inputs: _Inputs,
    observed: list[tuple[str, list[_Obs]]],
    unnamed: list[int],
    found: list[_Person],
    several: bool,
    why: dict[str, str | None],
) -> list[tuple[int, tuple[str, str]]]:
    """Each trip without a person's name (none, or not a person's: ``why``) joins the traveller
    its own article names (see :func:`_adopt`) for review; with no such traveller, a name that is
    no person's is refused (reported), and a trip with no name is kept as an unknown traveller's
    (its stops are not lost). Each refusal comes with its input trip."""
    refused: list[tuple[int, tuple[str, str]]] = []
    owners: dict[str | None, dict[int, _Person]] = defaultdict(dict)  # source -> the people it names
    for p in found:
        for src in {o.source for t in p.obs for o in t}:
            owners[src][id(p)] = p
    for k in unnamed:
        name, obs = observed[k]
        mine = {o.source for o in obs}
        candidates = {i: p for src in sorted(mine, key=str) for i, p in owners.get(src, {}).items()}
        reason = why.get(name) or "no name"
        person = _adopt(list(candidates.values()), obs)
        if person is None and reason != "no name":
            if obs:
                refused.append(
                    (
                        k,
                        (
                            name or UNKNOWN_TRAVELLER,
                            f"{reason}; its stops left out: no traveller of its article to give them to",
                        ),
                    )
                )
            continue
        if person is None:
            person = _Person(names=[name or UNKNOWN_TRAVELLER], made_for=k)
            found.append(person)
        else:  # the traveller is assumed: the stops need a look
            if reason != "no name" and obs:
                refused.append(
                    (k, (name, f"{reason}; its stops given to the traveller of its article, for review"))
                )
            doubtful = {id(o.stop): dataclasses.replace(o.stop, needs_review=True) for o in obs}
            obs = [dataclasses.replace(o, stop=doubtful[id(o.stop)]) for o in obs]
        for src in mine:
            owners[src][id(person)] = person
        _add(person, inputs, k, obs, name if reason == "no name" else UNKNOWN_TRAVELLER)
    return refused


def _add(person: _Person, inputs: _Inputs, k: int, obs: list[_Obs], name: str) -> None:
    if not obs:  # nothing of this trip was published by the as-of day
        return
    person.names.append(name)
    person.obs.append(obs)
    for o in obs:  # what _same_place looks at
        person.places.setdefault((o.stop.resolved, o.stop.place, o.stop.lat, o.stop.lon), o.stop)
    person.trips.append(inputs.trips[k][1])
    person.obs_keys.append(k)
    person.inputs.add(inputs.trips[k][0])


def _adopt(candidates: list[_Person], obs: list[_Obs]) -> _Person | None:
    """The traveller an unnamed trip belongs to: the only one of the ``candidates`` (the people its
    own sources name), or the one of them that shares its places; another article's is never
    assumed (an invisible or missing name does not join "Kim Jong Un" of another report)."""
    named = [p for p in candidates if any(p.obs)]
    if len(named) == 1:
        return named[0]
    shared = [
        (sum(any(_same_place(o.stop, x) for x in p.places.values()) for o in obs), i)
        for i, p in enumerate(named)
    ]
    best = max(shared, default=(0, -1))
    if best[0] == 0 or [s for s, _ in shared].count(best[0]) > 1:
        return None
    return named[best[1]]
