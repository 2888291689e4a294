"""The travellers' names grouped as :func:`itinerary.people.group_names` groups them, with the work
of the last merge kept, so that a rebuild compares only the names that changed.

:func:`itinerary.people.group_names` only ever compares two names that share a word spelled alike,
their letters run together or an alias group; the names fall into blocks (the connected parts of
that relation) that never touch one another's groups. A block is grouped by the same functions
on its own names, and the blocks' groups, alias pairs and parts kept apart are put back in the
order the whole pass makes. The look-alikes kept apart (a word in common, or a one-word name that
sounds like a word of another) are compared across blocks, between the first names of the groups.

:class:`NamesState` is what is kept from one merge to the next: the words spelled alike (rapidfuzz,
the new words against all the words only), each block's grouping by the block's names, and each
group's first name's look-alikes. A block whose names are the same is taken back; only the new
words and the blocks and first names that changed are compared again. The result is the same as
the whole pass (tested on the development drafts and on any sequence of name sets).
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from itinerary import people
from itinerary.groups import DisjointSets
from itinerary.people import Grouping

__all__ = ["NamesState", "group_names_kept"]

STATE_VERSION = 1
_CELLS = 1 << 24  # new words are compared with every word in matrices of at most this many scores
# More new words than this are not compared with every word: the pairs that may be alike are found
# by their common letters (:func:`itinerary.people._alike_candidates`, about 70 µs a word of the
# vocabulary) instead of a ratio of each new word with each word (about 30 ns a pair).
_NEW_WORDS_INDEXED = 2000


@dataclass
class _Block:
    """One block's grouping: its groups (each sorted as the whole pass sorts it), the pairs joined
    by the alias list only, and the parts kept apart with the key of the group whose turn made them."""

    groups: list[list[str]]
    aliased: list[tuple[str, str]]
    apart: list[tuple[str, str, int, str]]  # (part, group it fits, -longest name's words, root)


@dataclass
class NamesState:
    """What one grouping keeps for the next (see the module's text)."""

    alike: dict[str, list[str]] = field(default_factory=dict)  # word -> the other words spelled alike
    blocks: dict[str, _Block] = field(default_factory=dict)  # digest of a block's names -> its grouping
    loose: dict[str, list[str]] = field(default_factory=dict)  # a group's first name -> its look-alikes

    def text(self) -> str:
        """The state as JSON (read back by :meth:`from_text`)."""
        return json.dumps(
            {
                "version": STATE_VERSION,
                "alike": self.alike,
                "blocks": {
                    k: [b.groups, [list(p) for p in b.aliased], [list(p) for p in b.apart]]
                    for k, b in self.blocks.items()
                },
                "loose": self.loose,
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_text(cls, text: str) -> NamesState | None:
        """The state :meth:`text` wrote; None when ``text`` is not one (nothing is then taken back)."""
        try:
            data = json.loads(text)
            if data["version"] != STATE_VERSION:
                return None
            alike = {str(w): [str(v) for v in vs] for w, vs in data["alike"].items()}
            blocks = {
                str(k): _Block(
                    [[str(n) for n in g] for g in groups],
                    [(str(a), str(b)) for a, b in aliased],
                    [(str(a), str(b), int(n), str(r)) for a, b, n, r in apart],
                )
                for k, (groups, aliased, apart) in data["blocks"].items()
            }
            loose = {str(k): [str(v) for v in vs] for k, vs in data["loose"].items()}
        except (ValueError, KeyError, TypeError, AttributeError):
            return None
        return cls(alike, blocks, loose)


def group_names_kept(names: Iterable[str], state: NamesState | None = None) -> tuple[Grouping, NamesState]:
    """:func:`itinerary.people.group_names` of ``names``, the work kept in ``state`` (the one
    returned by the last call) taken back; the grouping and the state to keep for the next call."""
    state = state or NamesState()
    distinct = sorted({n for n in names if people.tokens(n)}, key=people._key)
    alike = _alike(distinct, state.alike)
    found: dict[str, _Block] = {}
    for block in _blocks(distinct, alike):
        key = hashlib.sha256("\0".join(block).encode("utf-8", "surrogatepass")).hexdigest()
        found[key] = state.blocks.get(key) or _group_block(block)
    groups = sorted((g for b in found.values() for g in b.groups), key=lambda g: people._key(g[0]))
    aliased = sorted(
        (p for b in found.values() for p in b.aliased), key=lambda p: (people._key(p[1]), people._key(p[0]))
    )
    apart = sorted((p for b in found.values() for p in b.apart), key=lambda p: (p[2], people._key(p[3])))
    kept = [(a, b) for a, b, _, _ in apart]
    firsts = [min(g, key=people._shown_key) for g in groups]
    loose = _loose(firsts, state.loose)
    listed = {frozenset(p) for p in kept}
    at = {name: i for i, name in enumerate(firsts)}
    pairs = sorted(
        (at[a], at[b]) for a in firsts for b in loose[a] if at[b] > at[a] and frozenset((a, b)) not in listed
    )
    kept += [(firsts[i], firsts[j]) for i, j in pairs]
    grouping = Grouping(tuple(tuple(g) for g in groups), tuple(aliased), tuple(kept))
    return grouping, NamesState(alike, found, loose)


def _alike(distinct: list[str], known: dict[str, list[str]]) -> dict[str, list[str]]:
    """Every word of the names -> the other words spelled alike (rapidfuzz ratio
    :data:`itinerary.people.SPELLING_RATIO`), ``known`` for the words compared before: only the new
    words are compared, with every word."""
    vocab = sorted({w for n in distinct for w in people._tokens(n)})
    words = set(vocab)
    new = [w for w in vocab if w not in known]
    out = {w: [v for v in known.get(w, ()) if v in words] for w in vocab}  # in one order, whatever came
    fresh = set(new)
    if len(new) > _NEW_WORDS_INDEXED:  # many new words: only the pairs that may be alike compared
        alike = people._alike_words(words)  # (every word's: the old ones' pairs found again)
        for a in new:
            for b in alike[a]:
                if b != a:
                    out[a].append(b)
                    if b not in fresh:
                        out[b].append(a)
        return {w: sorted(set(vs)) for w, vs in out.items()}
    rows = max(1, _CELLS // max(1, len(vocab)))
    for start in range(0, len(new), rows):
        chunk = new[start : start + rows]
        scores = process.cdist(chunk, vocab, scorer=fuzz.ratio, score_cutoff=people.SPELLING_RATIO, workers=1)
        for i, j in zip(*scores.nonzero(), strict=True):
            a, b = chunk[i], vocab[j]
            if a != b:
                out[a].append(b)
                if b not in fresh:  # a new word's pairs with another new word are found from both sides
                    out[b].append(a)
    return {w: sorted(set(vs)) for w, vs in out.items()}


def _blocks(distinct: list[str], alike: dict[str, list[str]]) -> list[list[str]]:
    """The names in blocks that :func:`itinerary.people.group_names` never compares across: names
    sharing a word or a word spelled alike, their letters run together or an alias group are in one
    block. Each block in the names' order."""
    sets = DisjointSets(distinct)
    first: dict[object, str] = {}
    for n in distinct:
        words = people._tokens(n)
        keys: list[object] = [("w", w) for w in words]
        keys.append(("k", "".join(words)))
        if (group := people._alias_group(n)) is not None:
            keys.append(("a", group))
        for k in keys:
            sets.join(n, first.setdefault(k, n))
    for w, vs in alike.items():
        for v in vs:
            if ("w", w) in first and ("w", v) in first:
                sets.join(first["w", v], first["w", w])
    return list(sets.groups().values())


def _group_block(block: list[str]) -> _Block:
    """One block grouped as :func:`itinerary.people.group_names` groups it, with what puts its
    results back in the whole pass's order."""
    joined, aliased = people._join_alike(block)
    root_of = {n: r for r, g in joined.items() for n in g}
    longest = {r: -max(len(people.tokens(n)) for n in g) for r, g in joined.items()}
    kept = people._join_parts(joined)
    apart = [(a, b, longest[root_of[a]], root_of[a]) for a, b in kept]
    groups = [sorted(g, key=people._key) for g in joined.values()]
    return _Block(groups, list(aliased), apart)


def _loose(firsts: list[str], known: dict[str, list[str]]) -> dict[str, list[str]]:
    """Each first name -> the first names it looks like (:func:`itinerary.people._loose`), ``known``
    for the names there before: only the new first names are compared, with every first name that
    shares a word or a sound with them."""
    current = set(firsts)
    new = [a for a in firsts if a not in known]
    out = {a: {b for b in known.get(a, ()) if b in current} for a in firsts}  # in one order, whatever came
    if new:
        by_word: dict[str, list[str]] = defaultdict(list)
        by_sound: dict[str, list[str]] = defaultdict(list)  # every first name with a word of that sound
        alone_by_sound: dict[str, list[str]] = defaultdict(list)  # the one-word names of that sound
        for a in firsts:
            for w in people._tokens(a):
                if len(w) > 2:
                    by_word[w].append(a)
                if sound := people._sound(w):
                    by_sound[sound].append(a)
                    if len(people._tokens(a)) == 1:
                        alone_by_sound[sound].append(a)
        for a in new:
            words = people._tokens(a)
            near = {b for w in words for b in by_word.get(w, ())}
            # a sound alone makes a look-alike only with a one-word name on one side
            sounds = by_sound if len(words) == 1 else alone_by_sound
            near |= {b for w in words if (s := people._sound(w)) for b in sounds.get(s, ())}
            near.discard(a)
            ta = people.tokens(a)
            for b in near:
                if people._loose(ta, people.tokens(b)):
                    out[a].add(b)
                    out[b].add(a)
    return {a: sorted(bs) for a, bs in out.items()}


def state_of(text: str | None) -> NamesState | None:
    """The state kept as ``text`` (None: none, or not a state)."""
    return None if text is None else NamesState.from_text(text)
