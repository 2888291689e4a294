"""Disjoint sets (union-find): items joined into groups, each group named by its root item.

Used where reports, names or stops are joined by what they share (the merge's reprints and
trip parts, the people's names). ``join(item, into)`` makes ``into``'s root the root of both
groups, so a caller decides which item names a group.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T", bound=Hashable)


class DisjointSets(Generic[T]):
    """Groups of ``items``, each alone at first."""

    def __init__(self, items: Iterable[T]) -> None:
        self.parent: dict[T, T] = {i: i for i in items}

    def root(self, x: T) -> T:
        """The item that names ``x``'s group (paths halved on the way)."""
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(self, item: T, into: T) -> None:
        """One group of ``item``'s and ``into``'s, named by ``into``'s root."""
        self.parent[self.root(item)] = self.root(into)

    def groups(self) -> dict[T, list[T]]:
        """Root -> its items, in the order the items were given (roots in order of first member)."""
        out: dict[T, list[T]] = {}
        for x in self.parent:
            out.setdefault(self.root(x), []).append(x)
        return out
