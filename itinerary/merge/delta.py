"""The merge after a few inputs changed, from the changed inputs and the travellers they touch.

:func:`merge_delta` gives what :func:`itinerary.merge.split.merge_split` gives for all the inputs,
byte for byte, reading only some of them. Each merge keeps a small table (:class:`_State`, a text
in the ``memo``) of what the inputs are to the merge: their order, each one's sources (renamed),
titles, travellers' names as written and places visited, the names' verdicts and grouping, and
each traveller's inputs, keys, sources and one-text pairs. The next merge with the same code and
``as_of`` finds the inputs added, removed or changed by their digests, and reads only:

* the new inputs, and
* every input of a traveller they touch (a traveller of a removed or added input, one whose
  names' group or alias changed, one of an input whose name's verdict changed), closed over the
  trips without a name (an input with one brings in every traveller of the inputs sharing its
  sources, whose places decide where it goes) and over the reprint groups (a traveller whose
  sources are joined or parted otherwise is merged again).

Those inputs are merged as the merge of all does (their sources renamed as it renamed them,
the names' verdicts and groups of all inputs), and of their travellers only those touched are
taken; every other traveller's trips are taken as stored (:class:`itinerary.merge.stored.StoredTrip`)
under the key the last merge kept. The file and its report are put together from the table.

What couples every input is checked exactly, and the merge of all inputs is run when the check
cannot say (:attr:`Delta.fallback` says why): no table, or one of another code or ``as_of``; one
input against several; an added or removed input whose source id another input has (sources
renamed apart, or one source shared); an added input that sorts level with another (ties are
broken by the whole inputs); most inputs changed. A place name coming or going changes the
verdicts of the names it spells, the names' groups are made again when the names change, and the
newest source's day is the one every kept traveller's trips are checked against (those that do
not hold on it are merged again).
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

from itinerary import people
from itinerary.errors import MergeError
from itinerary.identity import unique_id
from itinerary.merge import MergeReport, _finish, _InputKey, _Whole
from itinerary.merge.observe import _collect, _observations
from itinerary.merge.reprints import _reprint_list
from itinerary.merge.split import (
    BATCH_OBSERVATIONS,
    MEMO_VERSION,
    Mapper,
    Memo,
    _batches_of,
    _code,
    _digest,
    _Done,
    _grouper,
    _groups,
    _holds,
    _holds_on,
    _kept,
    _mapped,
    _merge_split,
    _names_key,
    _pairs,
    _Run,
    _run_stops,
    _sources_of,
    _stale,
    _stops_keys,
    _trip_places,
    _trips_back,
    _trips_key_of,
    _trips_of,
    _trips_text,
    _TripWork,
)
from itinerary.merge.stored import StoredTrip, summary
from itinerary.merge.travellers import _is_unknown, _people, _Person
from itinerary.model import Itinerary, Source, Trip
from itinerary.people import Grouping

__all__ = ["Delta", "merge_delta"]

STATE_VERSION = 3
#: above this share of the inputs changed, the merge of all is run (reading them is then cheaper
#: than deciding which to read)
MOST_CHANGED = 0.25


@dataclass
class Delta:
    """How a merge went: whether it read every input (and why), and how many it read."""

    read: int = 0  # inputs read (the changed ones and those of the travellers they touch)
    fallback: str | None = None  # why every input was merged (None: only the touched travellers)
    touched: int = 0  # travellers merged again (their keys may still find their work kept)
    undated: int = 0  # inputs whose sources have no publication day


def _fold(name: str) -> str:
    """A name's words as the verdicts compare them with places' (see :func:`people.not_a_person`)."""
    return " ".join(people._fold(name))


def _verdict(name: str, places: Counter[str], several: bool) -> str | None:
    """:func:`people.not_a_person` of ``name`` against the places of every input (by their folded
    words, counted), as :func:`itinerary.merge.travellers._people` gives it."""
    if not several:
        return "no name" if _is_unknown(name) else None
    alone = people.not_a_person(name)
    if alone in ("no name", "a country"):
        return alone
    return "a place" if places.get(_fold(name), 0) > 0 else alone


def _places(observed: Iterable[list[Any]]) -> list[str]:
    """The folded place names of an input's reports (those published by ``as_of``)."""
    names = {
        n
        for obs in observed
        for o in obs
        for n in (o.stop.place, o.stop.resolved.name if o.stop.resolved else None)
        if n
    }
    return sorted({_fold(n) for n in names})


def _head(it: Itinerary) -> list[Any]:
    key = _InputKey(it).head
    return [key[0].isoformat(), list(key[1])]


def _head_key(head: list[Any]) -> tuple[dt.date, tuple[str, ...]]:
    return dt.date.fromisoformat(head[0]), tuple(head[1])


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _person_key(p: _Person, input_names: list[str], inputs_of_trip: Callable[[int], tuple[int, int]]) -> str:
    """A traveller's name in the table: its names' group, or the trip without a name it was made for."""
    if p.made_for is None:
        return _group_key(p.group)
    i, ti = inputs_of_trip(p.made_for)
    return json.dumps(["u", input_names[i], ti], ensure_ascii=False)


@dataclass
class _State:
    """The table a merge keeps for the next (see the module's text); plain data, kept as JSON."""

    several: bool
    version: int
    order: list[str]  # the inputs' names in the merge's order
    drafts: dict[
        str, dict[str, Any]
    ]  # name -> digest, head, title, as_of, sources, renamed, names, places, refused, unnamed
    why: dict[str, str | None]  # every traveller's name as written -> its verdict
    groups: list[list[str]]
    aliases: list[list[str]]
    kept_apart: list[list[str]]
    persons: dict[str, dict[str, Any]]  # key -> drafts, stops, trips, srcs, pairs, back
    reprints: list[list[str]] = field(default_factory=list)
    apart: int | None = None  # how many of ``kept_apart`` are parts of a name (the rest: look-alikes)
    _lines: dict[tuple[str, str, int], tuple[object, str]] = field(default_factory=dict, repr=False)

    def text(self) -> str:
        """The table as text (see :func:`_render`) after the SHA-256 of that text: a text altered
        in the store (a day changed into another, a traveller's entry lost) still reads as a
        table, and only its digest tells. An input's or traveller's line read with the table
        (:meth:`from_text`) and not changed since is written as it was read, not made again."""
        body = _render({"table": STATE_VERSION, **_fields(self)}, self._lines)
        return f"{_checksum(body)}\n{body}"

    @classmethod
    def from_text(cls, text: str | None) -> _State | None:
        """The table kept as ``text`` (None: none kept); :class:`_Fallback` when it is not what
        :meth:`text` wrote."""
        if text is None:
            return None
        check, _, body = text.partition("\n")
        try:
            if check != _checksum(body):
                raise ValueError("its digest is not its text's")
            lines: dict[tuple[str, str, int], tuple[object, str]] = {}
            data = _parse(body, lines)
            if data.pop("table") != STATE_VERSION:
                raise ValueError("another layout")
            state = cls(**data)
        except (ValueError, TypeError, KeyError, IndexError) as exc:
            raise _Fallback(f"the kept table of the last merge is damaged ({exc})") from None
        state._lines = lines
        return state

    def lines_of(self, other: _State) -> None:
        """Write the lines ``other`` read that this table's entries still are as they were read."""
        self._lines = other._lines


#: The table's two maps kept a line an entry (``d``: inputs, ``p``: travellers), after a first
#: line of the rest: a rebuild writes the lines of the entries it changed, and the others as read.
_LINED = {"drafts": "d", "persons": "p"}


def _fields(state: _State) -> dict[str, Any]:
    """The table's fields as written: not the lines read with it (``_lines``), which are how it
    is written, not what it is."""
    return {k: v for k, v in state.__dict__.items() if not k.startswith("_")}


def _render(table: dict[str, Any], lines: dict[tuple[str, str, int], tuple[object, str]]) -> str:
    """``table`` as text: a first line, the JSON of every field but :data:`_LINED`'s, then one
    line an entry of those (a letter, then the JSON of ``[name, entry]``); an entry's line is
    taken from ``lines`` (by its field, name and identity) when there."""
    out = [json.dumps({k: v for k, v in table.items() if k not in _LINED}, ensure_ascii=False)]
    for field_name, letter in _LINED.items():
        for name, entry in table[field_name].items():
            found = lines.get((letter, name, id(entry)))
            if found is not None and found[0] is entry:
                out.append(found[1])
            else:
                out.append(letter + json.dumps([name, entry], ensure_ascii=False))
    return "\n".join(out)


def _parse(body: str, lines: dict[tuple[str, str, int], tuple[object, str]]) -> dict[str, Any]:
    """The table of :func:`_render`'s ``body``; each entry's line is put in ``lines``."""
    first, *rest = body.split("\n")
    table: dict[str, Any] = json.loads(first)
    if not isinstance(table, dict) or any(k in table for k in _LINED):
        raise ValueError("not a table")
    letters = {letter: field_name for field_name, letter in _LINED.items()}
    for field_name in _LINED:
        table[field_name] = {}
    for line in rest:
        name, entry = json.loads(line[1:])
        if not isinstance(name, str):
            raise ValueError("an entry without a name")
        table[letters[line[:1]]][name] = entry
        lines[(line[:1], name, id(entry))] = (entry, line)
    return table


def _checksum(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()


def _state_key(as_of: dt.date | None) -> str:
    return _digest("delta", MEMO_VERSION, STATE_VERSION, _code(), as_of)


def _draft_entry(
    it: Itinerary,
    digest: str,
    renamed: dict[str, str],
    sources: list[Source],
    places: list[str],
    as_of: dt.date | None,
) -> dict[str, Any]:
    """An input's row of the table: its digest, its place in the order, its title, its sources
    (each as the merge renamed it, and those published after ``as_of``), its travellers' names as
    written and the places its reports visit (folded)."""
    from itinerary.io import yaml as yaml_io

    return {
        "digest": digest,
        "head": _head(it),
        "title": it.title,
        "as_of": _iso(it.as_of),
        "ids": [s.id for s in it.sources],
        "renamed": {a: b for a, b in renamed.items() if a != b},
        "sources": [yaml_io._write("source", s, yaml_io._NONE) for s in sources],
        "names": [t.traveller for t in it.trips],
        "places": places,
        "refused": [],
        "undated": not any(s.published for s in it.sources),
        "late": [s.id for s in sources if as_of is not None and s.published and s.published > as_of],
    }


def _state_of(
    run: _Run,
    names: Sequence[str],
    digests: Sequence[str],
    several: bool,
    as_of: dt.date | None,
    known_on: dt.date | None,
    memo: Memo,
) -> _State:
    """The table of a merge of every input (:func:`itinerary.merge.split._merge_split`), known on
    ``known_on``."""
    inputs, who = run.inputs, run.who
    ordered = [names[i] for i in run.order]
    by_input: dict[int, list[list[Any]]] = defaultdict(list)
    trip_of = _trip_places(inputs)
    for k, (i, *_) in enumerate(inputs.trips):
        by_input[i].append(run.observed[k][1])
    drafts: dict[str, dict[str, Any]] = {}
    for i, it in enumerate(run.itineraries):
        renamed = inputs.renamings[i]
        own = [inputs.sources[renamed[s.id]] for s in it.sources]
        drafts[ordered[i]] = _draft_entry(
            it, digests[run.order[i]], renamed, own, _places(by_input[i]), as_of
        )
    for k, refusal in who.refused_at:
        drafts[ordered[trip_of[k][0]]]["refused"].append(list(refusal))
    persons: dict[str, dict[str, Any]] = {}
    backs = _backs(list(range(len(who.people))), run.done, run.trips_keys, known_on, memo)
    for n, p in enumerate(who.people):
        key = _person_key(p, ordered, trip_of.__getitem__)
        persons[key] = {
            "drafts": sorted({ordered[i] for i in p.inputs}),
            "stops": run.stops_keys[n],
            "trips": run.trips_keys[n],
            "srcs": _sources_of(p),
            "pairs": [list(x) for x in run.pairs[n] if x[0] != x[1]],  # a source with itself joins nothing
            "back": backs[n],
        }
    groups = _groups_of(run)
    return _State(
        several=several,
        version=run.itineraries[0].version,
        order=ordered,
        drafts=drafts,
        why=dict(who.why),
        groups=[list(g) for g in who.groups],
        aliases=[list(a) for a in who.aliases],
        kept_apart=[list(a) for a in who.kept_apart],
        persons=persons,
        reprints=[list(g) for g in _reprint_list(groups)],
        apart=run.apart[-1] if run.apart else None,
    )


def _groups_of(run: _Run) -> dict[str, int]:
    used = {s for p in run.who.people for s in _sources_of(p)}
    sources = {k: s for k, s in run.inputs.sources.items() if k in used}
    return _groups(sources, (pair for n in range(len(run.who.people)) for pair in run.pairs[n]))


def _backs(
    which: list[int], done: dict[int, _Done], keys: list[str], known_on: dt.date | None, memo: Memo
) -> dict[int, dict[str, Any]]:
    """Per traveller ``which`` (its trips ``done`` kept under ``keys``), what the table keeps of
    them (see :func:`_trips_again`): what :func:`itinerary.merge.split._trips_text` keeps but each
    trip's data. The days trips taken as stored hold for are those they were kept with (read from
    the store: a stored trip's stops are not read); found from the trips when the store no longer
    gives their text back (one dropped while the merge ran answers nothing)."""
    stored = [n for n in which if any(isinstance(t, StoredTrip) for t, _ in done[n][0])]
    texts = memo.recall([keys[n] for n in stored]) if stored else {}
    out: dict[int, dict[str, Any]] = {}
    for n in which:
        made, (name, spellings) = done[n]
        text = texts.get(keys[n]) if n in stored else None
        holds = json.loads(text)["holds"] if text is not None else _holds_on(made, known_on)
        out[n] = {
            "heads": [t._summary if isinstance(t, StoredTrip) else summary(t) for t, _ in made],
            "conflicts": [list(notes) for _, notes in made],
            "traveller": [name, list(spellings)],
            "holds": holds,
        }
    return out


def _trips_again(
    back: dict[str, Any],
    key: str,
    memo: Memo,
    known: set[str],
    known_on: dt.date | None,
    texts: dict[str, str],
) -> tuple[_Done, bool] | None:
    """A kept traveller's trips from the table (``back``, see :func:`_backs`) as stored
    (:class:`itinerary.merge.stored.StoredTrip`, each trip's data read from the store under
    ``key`` only when it is made whole: from ``texts`` when read there before), and whether they
    hold on ``known_on`` only; None when they do not hold on ``known_on``. The store is not read:
    most kept trips are never made whole."""
    if not _holds(back["holds"], known_on):
        return None

    def whole(i: int) -> Callable[[], Trip]:
        def made() -> Trip:
            from itinerary.io import yaml as yaml_io

            text = texts[key] if key in texts else memo.recall([key]).get(key)
            try:
                data = json.loads(json.loads(text or "")["trips"][i])
            except (ValueError, KeyError, IndexError, TypeError) as exc:
                raise MergeError(
                    f"kept merge: a traveller's kept trips are missing or damaged ({exc})"
                ) from None
            return yaml_io.trips_from_data([data], known, "kept merge")[0]

        return made

    made: list[tuple[Trip, list[str]]] = [
        (StoredTrip.stored(h, whole(i)), [str(c) for c in notes])
        for i, (h, notes) in enumerate(zip(back["heads"], back["conflicts"], strict=True))
    ]
    name, spellings = back["traveller"]
    return (made, (str(name), tuple(str(x) for x in spellings))), back["holds"]["on"] is not None


class _Fallback(Exception):
    """The merge of every input is needed (the message says why)."""


def merge_delta(
    names: Sequence[str],
    digests: Sequence[str],
    load: Callable[[str], Itinerary],
    *,
    memo: Memo,
    as_of: dt.date | None = None,
    mapper: Mapper = map,
    batch: int = BATCH_OBSERVATIONS,
) -> tuple[Itinerary, MergeReport, Delta]:
    """:func:`itinerary.merge.split.merge_split` of the inputs ``names`` (each read by ``load``
    only when needed; ``digests``: the SHA-256 of each one's file), reading only the inputs that
    changed since the merge ``memo`` kept and those of the travellers they touch (see the
    module's text); the same itinerary and report."""
    delta = Delta()
    key = _state_key(as_of)
    several = len(names) > 1
    loaded: dict[str, Itinerary] = {}

    def read(name: str) -> Itinerary:
        if name not in loaded:
            loaded[name] = load(name)
            delta.read += 1
        return loaded[name]

    try:
        state = _State.from_text(memo.recall([key]).get(key))
        if state is None:
            raise _Fallback("no kept table of the last merge")
        step = _Step(state, list(names), list(digests), read, memo, as_of, mapper, batch)
        try:
            merged, report, new_state = step.run()
        except (KeyError, TypeError, IndexError, AttributeError) as exc:  # a table not as written
            raise _Fallback(f"the kept table of the last merge is damaged ({exc!r})") from None
        delta.touched = step.touched
    except _Fallback as why:
        delta.fallback = str(why)
        drafts = [read(n) for n in names]
        merged, report, run = _merge_split(drafts, as_of, mapper, batch, digests, memo)
        new_state = _state_of(run, names, digests, several, as_of, merged.as_of, memo)
        delta.touched = len(run.who.people)
    memo.keep(key, new_state.text())
    delta.undated = sum(1 for e in new_state.drafts.values() if e["undated"])
    return merged, report, delta


def _sources_from_data(data: list[dict[str, Any]]) -> list[Source]:
    """Sources kept as the itinerary file writes them, read back as a file's are."""
    from itinerary.io import yaml as yaml_io

    return list(yaml_io._build({"sources": data, "trips": []}, {}, "kept merge").sources)


def _alone(before: Grouping, old: set[str], new: set[str], apart: int | None) -> Grouping | None:
    """The grouping of the names ``new`` from the grouping of ``old`` when each name that came or
    went is alone: no word of it (or a word spelled alike), its letters run together or its alias
    group is another name's. Such a name is a group of its own in
    :func:`itinerary.people.group_names` (a block of one name) and changes no other's group; it is
    put in (or taken out of) the groups' order, and so are the pairs of first names that look
    alike it makes (by a word's sound) after the ``apart`` parts kept apart. None when a name is
    not alone, or the parts kept apart are not known (the names are grouped again)."""
    came, went = new - old, old - new
    if not came and not went:
        return before
    moved = [n for n in came | went if people.tokens(n)]
    if not moved:
        return before
    if apart is None:
        return None
    by_sound = _sounds(old | new, moved)
    if by_sound is None:
        return None
    gone = {(n,) for n in went if people.tokens(n)}
    if sum(1 for g in before.groups if g in gone) != len(gone):
        return None  # a name that went was not a group of its own
    parts, loose = list(before.kept_apart[:apart]), list(before.kept_apart[apart:])
    if any(n in p for p in parts for n in went) or any(n in p for p in before.aliases for n in went):
        return None
    groups = [g for g in before.groups if g not in gone]
    for n in sorted(n for n in came if people.tokens(n)):
        groups.insert(bisect.bisect_left(groups, people._key(n), key=lambda g: people._key(g[0])), (n,))
    loose = [p for p in loose if not (went & set(p))]
    made = [(n, b) for n in sorted(came) if people.tokens(n) for b in _looks_like(n, by_sound)]
    if made:
        group_of = {x: g for g in groups for x in g}
        made = [(n, b) for n, b in made if min(group_of[b], key=people._shown_key) == b]
    if made:
        at = {min(g, key=people._shown_key): i for i, g in enumerate(groups)}
        listed = {frozenset(p) for p in parts}
        made = [(a, b) if at[a] < at[b] else (b, a) for a, b in made]
        loose = sorted(
            {*loose, *(p for p in made if frozenset(p) not in listed)}, key=lambda p: (at[p[0]], at[p[1]])
        )
    return Grouping(tuple(groups), before.aliases, (*parts, *loose))


def _sounds(names: set[str], moved: list[str]) -> dict[str, list[str]] | None:
    """Each word's sound -> the ``names`` with it; None when a name of ``moved`` is not alone (a
    word, a word spelled alike, its letters run together or its alias group another name's)."""
    words: Counter[str] = Counter()
    keys: Counter[str] = Counter()
    by_sound: dict[str, list[str]] = defaultdict(list)  # a word's sound -> the names with it
    for n in names:
        ws = set(people._tokens(n))
        words.update(ws)
        keys["".join(people._tokens(n))] += 1
        for sound in {people._sound(w) for w in ws} - {""}:
            by_sound[sound].append(n)
    vocab = list(words)
    for n in moved:
        ws = set(people._tokens(n))
        if (
            people._alias_group(n) is not None
            or keys["".join(people._tokens(n))] > 1
            or any(words[w] > 1 for w in ws)
        ):
            return None
        for w in ws:
            near = process.extract(w, vocab, scorer=fuzz.ratio, score_cutoff=people.SPELLING_RATIO, limit=2)
            if any(v != w for v, *_ in near):
                return None
    return by_sound


def _looks_like(name: str, by_sound: dict[str, list[str]]) -> list[str]:
    """The other names that look like ``name`` by the sound of a word
    (:func:`itinerary.people._loose`; a word in common is found before)."""
    mine = people.tokens(name)
    near = {b for w in mine if (s := people._sound(w)) for b in by_sound.get(s, ())}
    return sorted(b for b in near if b != name and people._loose(mine, people.tokens(b)))


def _renamed(
    made: list[tuple[Trip, list[str]]], whose: list[tuple[int, int]], everyone: list[tuple[Any, ...]]
) -> list[str]:
    """The trips keys (``everyone[m][3]``, ``whose``: each trip's ``(m, i)``) of the stored trips
    whose id :func:`itinerary.merge._unique_ids` changes in the order ``made`` (those made whole
    there), to be read from the store at once."""
    used: set[str] = set()
    out: set[str] = set()
    for (trip, _), (m, _) in zip(made, whose, strict=True):
        tid = unique_id(trip.id, used)
        used.add(tid)
        if tid != trip.id and isinstance(trip, StoredTrip):
            out.add(everyone[m][3])
    return sorted(out)


def _group_key(group: Iterable[str]) -> str:
    return json.dumps(["g", list(group)], ensure_ascii=False)


class _Step:
    """One merge from the kept table: which inputs to read, the touched travellers merged, the
    others taken as stored, and the next table."""

    def __init__(
        self,
        state: _State,
        names: list[str],
        digests: list[str],
        read: Callable[[str], Itinerary],
        memo: Memo,
        as_of: dt.date | None,
        mapper: Mapper,
        batch: int,
    ) -> None:
        self.st, self.names, self.read, self.memo = state, names, read, memo
        self.as_of, self.mapper, self.batch = as_of, mapper, batch
        self.current = dict(zip(names, digests, strict=True))
        self.texts: dict[str, str] = {}  # kept travellers' trips read from the store (see _trips_again)
        self.several = len(names) > 1
        self.touched = 0

    # -- what changed -------------------------------------------------------------------------

    def run(self) -> tuple[Itinerary, MergeReport, _State]:
        st = self.st
        if self.several != st.several:
            raise _Fallback("one input against several")
        gone = {n for n, e in st.drafts.items() if self.current.get(n) != e["digest"]}
        new = [n for n in self.names if n not in st.drafts or n in gone]
        if len(gone | set(new)) > max(2, MOST_CHANGED * len(self.names)):
            raise _Fallback(f"{len(gone | set(new))} of {len(self.names)} inputs changed")
        drafts = {n: e for n, e in st.drafts.items() if n not in gone}
        self._check_ids(drafts, gone, new)
        order = [n for n in st.order if n not in gone]
        fresh: dict[str, Itinerary] = {}
        for n in new:
            it = fresh[n] = self.read(n)
            if it.version != st.version:
                raise _Fallback("the inputs' format versions differ")
            inputs = _collect([it], self.as_of)
            observed = _observations(inputs, self.as_of)
            sources = [inputs.sources[s.id] for s in it.sources]
            drafts[n] = _draft_entry(
                it, self.current[n], inputs.renamings[0], sources, _places(o for _, o in observed), self.as_of
            )
        self.drafts = drafts
        self.order = self._ordered(order, new)
        why, grouping = self._names(st.drafts, gone, new)
        self.why, self.grouping = why, grouping
        return self._merge(gone, new)

    def _check_ids(self, drafts: dict[str, dict[str, Any]], gone: set[str], new: list[str]) -> None:
        """No source id of an input added or removed is another input's (as written or renamed):
        the renaming of the others and the sources shared stay as they were."""
        ids: Counter[str] = Counter(i for e in drafts.values() for i in e["ids"])
        finals = {e["renamed"].get(i, i) for e in drafts.values() for i in e["ids"]}
        for n in gone:
            if any(ids[i] for i in self.st.drafts[n]["ids"]):
                raise _Fallback(f"a source id of the removed {n} is another input's")
        for n in new:
            mine = [s.id for s in self.read(n).sources]
            if any(ids[i] or i in finals for i in mine):
                raise _Fallback(f"a source id of {n} is another input's")
            ids.update(mine)
            finals.update(mine)

    def _ordered(self, order: list[str], new: list[str]) -> list[str]:
        """The inputs' order with the new ones put in their place; an input level with another
        (ties are broken by the whole inputs) needs the merge of all."""
        keys = [_head_key(self.drafts[n]["head"]) for n in order]
        for n in sorted(new, key=lambda n: _head_key(self.drafts[n]["head"])):
            key = _head_key(self.drafts[n]["head"])
            at = bisect.bisect_left(keys, key)
            if (at < len(keys) and keys[at] == key) or (at > 0 and keys[at - 1] == key):
                raise _Fallback(f"{n} sorts level with another input")
            keys.insert(at, key)
            order.insert(at, n)
        return order

    def _names(
        self, before: dict[str, dict[str, Any]], gone: set[str], new: list[str]
    ) -> tuple[dict[str, str | None], Grouping]:
        """Each name's verdict (those of the names a place coming or going spells found again)
        and the names' grouping (made again when the names taken as people changed)."""
        st = self.st
        places_before: Counter[str] = Counter(f for e in before.values() for f in e["places"])
        places = Counter(places_before)
        for n in gone:
            places.subtract(before[n]["places"])
        for n in new:
            places.update(self.drafts[n]["places"])
        changed = {
            f
            for f in {
                *(f for n in gone for f in before[n]["places"]),
                *(f for n in new for f in self.drafts[n]["places"]),
            }
            if (places_before[f] > 0) != (places[f] > 0)
        }
        names: Counter[str] = Counter(x for e in self.drafts.values() for x in e["names"])
        why = {n: w for n, w in st.why.items() if names[n]}
        for n in names:
            if n not in why or (changed and _fold(n) in changed):
                why[n] = _verdict(n, places, self.several)
        self.changed_names = {n for n in why.keys() | st.why.keys() if why.get(n, "-") != st.why.get(n, "-")}
        accepted = sorted(n for n, w in why.items() if w is None)
        last = Grouping(
            tuple(tuple(g) for g in st.groups),
            tuple((a, b) for a, b in st.aliases),
            tuple((a, b) for a, b in st.kept_apart),
        )
        grouping = _alone(last, {n for n, w in st.why.items() if w is None}, set(accepted), st.apart)
        self.apart = st.apart
        self.memo.hold([_names_key()])  # the names' kept grouping, for a grouping again
        if grouping is None:
            apart: list[int] = []
            grouping = _grouper(self.memo, apart)(accepted)
            self.apart = apart[-1] if apart else None
        return dict(sorted(why.items())), grouping

    # -- the travellers touched, and the inputs they need --------------------------------------

    def _closed(self, touched: set[str], read: set[str]) -> None:
        """Grow ``touched`` (travellers' keys) and ``read`` (inputs) until every touched traveller's
        inputs are read, and every input read that holds a trip without a name (or shares a source
        with one that does) has its travellers touched, so the trip goes where the merge of all
        sends it."""
        while True:
            size = (len(touched), len(read))
            for key in list(touched):
                read.update(self._drafts_of(key))
            for d in list(read):
                for x in self._sharing(d):
                    if self._unnamed(d) or self._unnamed(x):
                        read.add(x)
                        touched.update(self._persons_of(x))
                touched.update(self.unknown_of.get(d, ()))
            if (len(touched), len(read)) == size:
                return

    def _drafts_of(self, key: str) -> set[str]:
        kind, *rest = json.loads(key)
        out = {d for d in self.st.persons.get(key, {}).get("drafts", ()) if d in self.drafts}
        if kind == "g":
            out.update(d for name in rest[0] for d in self.name_drafts.get(name, ()))
        return out

    def _persons_of(self, d: str) -> set[str]:
        out = set(self.draft_persons.get(d, ()))
        out.update(_group_key(self.name_group[n]) for n in self.drafts[d]["names"] if n in self.name_group)
        return out

    def _sharing(self, d: str) -> set[str]:
        e = self.drafts[d]
        return {x for i in e["ids"] for x in self.src_drafts[e["renamed"].get(i, i)]}

    def _unnamed(self, d: str) -> bool:
        return any(self.why.get(n) is not None for n in self.drafts[d]["names"])

    def _index(self) -> None:
        """The table's travellers by input, those made for a trip without a name by input, and
        the inputs by name and by source."""
        self.name_group = {n: tuple(g) for g in self.grouping.groups for n in g}
        self.draft_persons: dict[str, set[str]] = defaultdict(set)
        self.unknown_of: dict[str, set[str]] = defaultdict(set)
        for key, p in self.st.persons.items():
            for d in p["drafts"]:
                self.draft_persons[d].add(key)
            kind, *rest = json.loads(key)
            if kind == "u":
                self.unknown_of[rest[0]].add(key)
        self.name_drafts: dict[str, set[str]] = defaultdict(set)
        self.src_drafts: dict[str, set[str]] = defaultdict(set)
        for d, e in self.drafts.items():
            for n in e["names"]:
                self.name_drafts[n].add(d)
            for i in e["ids"]:
                self.src_drafts[e["renamed"].get(i, i)].add(d)

    def _first_touched(self, gone: set[str], new: list[str]) -> tuple[set[str], set[str]]:
        """The travellers the change touches before closing over them (see :meth:`_closed`): those
        of the inputs removed or added, of the names' groups made or undone, of an alias joined or
        parted, of the inputs whose name's verdict changed; and the inputs to read."""
        st, grouping = self.st, self.grouping
        old_groups = {tuple(g) for g in st.groups}
        new_groups = {tuple(g) for g in grouping.groups}
        touched = {_group_key(g) for g in new_groups ^ old_groups}
        for a, b in {(x[0], x[1]) for x in st.aliases} ^ set(grouping.aliases):
            touched.update(_group_key(self.name_group[n]) for n in (a, b) if n in self.name_group)
        for d in gone:
            touched.update(self.draft_persons.get(d, ()))
        read = set(new)
        for d in new:
            touched.update(self._persons_of(d))
        for n in self.changed_names:
            for d in self.name_drafts.get(n, ()):
                read.add(d)
                touched.update(self._persons_of(d))
        return touched, read

    def _merge(self, gone: set[str], new: list[str]) -> tuple[Itinerary, MergeReport, _State]:
        self._index()
        touched, read = self._first_touched(gone, new)
        while True:
            self._closed(touched, read)
            result = self._try(touched, read)
            if isinstance(result, set):  # travellers kept that must be merged again
                touched |= result
                continue
            self.touched = len(touched)
            return result

    def _try(self, touched: set[str], read: set[str]) -> tuple[Itinerary, MergeReport, _State] | set[str]:
        st, as_of, several = self.st, self.as_of, self.several
        at = {d: i for i, d in enumerate(self.order)}
        subset = sorted(read, key=at.__getitem__)
        its = [self.read(d) for d in subset]
        inputs = _collect(its, as_of, [self.drafts[d]["renamed"] for d in subset])
        observed = _observations(inputs, as_of)
        why = self.why
        who = _people(inputs, observed, several, lambda _: self.grouping, why=why)
        trip_of = _trip_places(inputs)
        mine: list[tuple[str, _Person]] = []
        for p in who.people:
            key = _person_key(p, subset, trip_of.__getitem__)
            if p.made_for is not None or key in touched:
                mine.append((key, p))
        people_ = [p for _, p in mine]
        stops_keys = _stops_keys(people_, inputs, [self.current[d] for d in subset], as_of)
        stops, pairs = _pairs(people_, stops_keys, self.memo, self.mapper, self.batch)
        kept = {k: p for k, p in st.persons.items() if k not in touched}
        srcs = {key: _sources_of(p) for key, p in mine}
        used = {s for p in kept.values() for s in p["srcs"]} | {s for v in srcs.values() for s in v}
        sources = self._sources(used, subset, inputs.sources)
        all_pairs: list[tuple[str, str]] = [(a, b) for p in kept.values() for a, b in p["pairs"]]
        all_pairs += [x for n in range(len(people_)) for x in pairs[n]]
        groups = _groups(sources, all_pairs)
        known_on = as_of or max((s.published for s in sources.values() if s.published), default=None)
        reprints = _reprint_list(groups)
        moved = {s for g in {frozenset(g) for g in st.reprints} ^ {frozenset(g) for g in reprints} for s in g}
        again = {
            k
            for k, p in kept.items()
            if moved.intersection(p["srcs"])
            and _trips_key_of(p["stops"], p["srcs"], groups, several) != p["trips"]
        }
        known = set(sources)
        kept_keys = list(kept)
        found = {
            n: _trips_again(kept[k]["back"], kept[k]["trips"], self.memo, known, known_on, self.texts)
            for n, k in enumerate(kept_keys)
        }
        back = {n: x for n, x in found.items() if x is not None}
        again |= {k for n, k in enumerate(kept_keys) if n not in back}
        if again:
            return again
        self.memo.hold([kept[k]["stops"] for k in kept_keys])  # their one-text pairs, for a merge of all
        self.memo.hold([kept[k]["trips"] for k in kept_keys])  # their trips, read only when made whole
        # the touched travellers merged (their work kept under their keys is taken back)
        trips_keys = [
            _trips_key_of(sk, srcs[key], groups, several)
            for sk, (key, _) in zip(stops_keys, mine, strict=True)
        ]
        done, stale = self._merged(people_, stops, trips_keys, groups, known_on, known)
        # every traveller's trips in the people's order (a name's group in the grouping's order,
        # then those made for a trip without a name in the inputs' order)
        gidx = {tuple(g): i for i, g in enumerate(self.grouping.groups)}

        def place(key: str) -> tuple[int, int, int]:
            kind, *rest = json.loads(key)
            return (0, gidx[tuple(rest[0])], 0) if kind == "g" else (1, at[rest[0]], rest[1])

        everyone: list[tuple[str, _Done, bool, str, list[str]]] = []  # key, trips, stale, trips key, inputs
        for n, k in enumerate(kept_keys):
            d, s = back[n]
            everyone.append((k, d, s, kept[k]["trips"], kept[k]["drafts"]))
        for n, (key, p) in enumerate(mine):
            everyone.append((key, done[n], stale[n], trips_keys[n], sorted({subset[i] for i in p.inputs})))
        everyone.sort(key=lambda x: place(x[0]))
        made: list[tuple[Trip, list[str]]] = []
        whose: list[tuple[int, int]] = []
        for m, (_, (trips, _), _, _, _) in enumerate(everyone):
            made += trips
            whose += [(m, i) for i in range(len(trips))]
        ranked = sorted(range(len(made)), key=lambda j: (made[j][0].traveller, made[j][0].id))
        made = [made[j] for j in ranked]
        whose = [whose[j] for j in ranked]
        self.texts.update(self.memo.recall(_renamed(made, whose, everyone)))
        refused = self._refused(subset, who.refused_at, trip_of)
        inputs_used = {d for x in everyone for d in x[4]}
        whole = _Whole(
            heads=tuple((self.drafts[d]["title"], _day(self.drafts[d]["as_of"])) for d in self.order),
            version=st.version,
            skipped=tuple(sorted({i for d in self.order for i in self.drafts[d]["late"]})),
            disjoint=len(inputs_used) > 1 and all(len(x[4]) < 2 for x in everyone),
            refused=tuple(sorted(set(refused))),
            kept_apart=self.grouping.kept_apart,
            aliases=self.grouping.aliases,
        )
        travellers = [x[1][1] for x in everyone]
        merged, report = _finish(whole, sources, groups, known_on, made, travellers, as_of)
        for (m, i), final in zip(whose, merged.trips, strict=True):
            _, _, s, tk, _ = everyone[m]
            self.memo.known(final, _digest("trip", tk, known_on if s else None, i, final.id))
        persons = dict(kept)
        backs = _backs(list(range(len(mine))), done, trips_keys, known_on, self.memo)
        for n, (key, p) in enumerate(mine):
            persons[key] = {
                "drafts": sorted({subset[i] for i in p.inputs}),
                "stops": stops_keys[n],
                "trips": trips_keys[n],
                "srcs": srcs[key],
                "pairs": [list(x) for x in pairs[n] if x[0] != x[1]],
                "back": backs[n],
            }
        state = _State(
            several=several,
            version=st.version,
            order=self.order,
            drafts=self.drafts,
            why=self.why,
            groups=[list(g) for g in self.grouping.groups],
            aliases=[list(a) for a in self.grouping.aliases],
            kept_apart=[list(a) for a in self.grouping.kept_apart],
            persons=persons,
            reprints=[list(g) for g in reprints],
            apart=self.apart,
        )
        state.lines_of(st)
        return merged, report, state

    def _merged(
        self,
        people_: list[_Person],
        stops: dict[int, Any],
        trips_keys: list[str],
        groups: dict[str, int],
        known_on: dt.date | None,
        known: set[str],
    ) -> tuple[dict[int, _Done], dict[int, bool]]:
        """The touched travellers' trips (kept under their keys, else merged and kept), and
        whether each holds on ``known_on`` only."""
        several = self.several
        found = _kept(self.memo, trips_keys, lambda t: _trips_back(t, known, known_on))
        done: dict[int, _Done] = {n: d for n, (d, _) in found.items()}
        stale: dict[int, bool] = {n: s for n, (_, s) in found.items()}
        todo = [n for n in range(len(people_)) if n not in done]
        stops.update(_run_stops(people_, [n for n in todo if n not in stops], self.mapper, self.batch))
        batches = _batches_of(people_, todo, self.batch)
        work = [
            [_TripWork(people_[n], stops[n].clusters, groups, known_on, several) for n in b] for b in batches
        ]
        for b, results in zip(batches, _mapped(self.mapper, _trips_of, work), strict=True):
            for n, result in zip(b, results, strict=True):
                done[n] = result
                stale[n] = _stale(result[0], known_on)
                self.memo.keep(trips_keys[n], _trips_text(result, known_on))
        return done, stale

    def _refused(
        self, subset: list[str], refused_at: list[tuple[int, tuple[str, str]]], trip_of: list[tuple[int, int]]
    ) -> list[tuple[str, str]]:
        """Every input's names refused: those of the inputs read found again (and kept in the table)."""
        again: dict[str, list[list[str]]] = {d: [] for d in subset}
        for k, r in refused_at:
            again[subset[trip_of[k][0]]].append(list(r))
        for d, rs in again.items():
            self.drafts[d] = {**self.drafts[d], "refused": rs}
        return [(a, b) for e in self.drafts.values() for a, b in e["refused"]]

    def _sources(self, used: set[str], subset: list[str], read: dict[str, Source]) -> dict[str, Source]:
        """The sources used, in the inputs' order: those of the inputs read as read, the others
        from the table."""
        mine = set(subset)
        wanted: list[tuple[str, str, int]] = []  # (id, input, index among its sources)
        seen: set[str] = set()
        for d in self.order:
            e = self.drafts[d]
            for j, i in enumerate(e["ids"]):
                sid = e["renamed"].get(i, i)
                if sid in used and sid not in seen:
                    seen.add(sid)
                    wanted.append((sid, d, j))
        stored = [(sid, self.drafts[d]["sources"][j]) for sid, d, j in wanted if d not in mine]
        made = dict(zip((sid for sid, _ in stored), _sources_from_data([x for _, x in stored]), strict=True))
        return {sid: read[sid] if d in mine else made[sid] for sid, d, _ in wanted}
