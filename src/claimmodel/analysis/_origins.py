"""Grouping the assertions of a claim into independent origins, with union–find.

Sources are indexed once.  Undated dependencies join sources in a *base*
union–find; adding the dated ones too gives a *coarse* union–find whose groups
no date can ever join.  Assertions whose speakers fall in different coarse groups
are independent at once.  Only inside a coarse group that holds dated
dependencies does the date of each assertion matter: there the dependencies
active at that date are laid over the base groups (a small union–find over base
roots, built once per distinct set of active dependencies and cached).

Two assertions of a claim share an origin when the speaker of one is joined to
the speaker of the other by the dependencies active at the date of either of
them (for an undated one, at any time between its earliest and latest dates), and
the relation is closed transitively.  So a person who worked for a
ministry until 2019 is one origin with it for what both said in 2018 but not for
what both said in 2024; and a source is always one origin with itself.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TypeVar

from claimmodel.analysis._dependencies import (
    Period,
    overlaps,
    period,
    stated,
    unnamed_by_relay,
    unnamed_dependencies,
)
from claimmodel.model import Assertion, Bundle, PartialDate

__all__ = ["OriginFinder", "UnionFind", "overlay", "overlay_root", "when"]


class UnionFind:
    """Disjoint sets over ``0 … size-1``: union by size, path halving (no recursion)."""

    __slots__ = ("_parent", "_size")

    def __init__(self, size: int) -> None:
        self._parent = list(range(size))
        self._size = [1] * size

    def find(self, item: int) -> int:
        """The representative of ``item``'s set."""
        parent = self._parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, first: int, second: int) -> None:
        """Join the sets of ``first`` and ``second``."""
        a, b = self.find(first), self.find(second)
        if a == b:
            return
        if self._size[a] < self._size[b]:
            a, b = b, a
        self._parent[b] = a
        self._size[a] += self._size[b]

    def copy(self) -> UnionFind:
        """An independent copy."""
        other = UnionFind(0)
        other._parent = self._parent.copy()
        other._size = self._size.copy()
        return other


def _overlay_find(parent: dict[int, int], item: int) -> int:
    while (up := parent.get(item, item)) != item:
        grand = parent.get(up, up)
        parent[item] = grand
        item = grand
    return item


class OriginFinder:
    """The dependency graph of one bundle, ready to split assertions into origins.

    ``unnamed`` replaces :func:`unnamed_by_relay` of the bundle (for a record whose
    assertions are not in ``bundle``); a speaker in no dependency is an origin alone.
    """

    def __init__(
        self, bundle: Bundle, *, unnamed: Mapping[str, Sequence[str]] | None = None
    ) -> None:
        self._index: dict[str, int] = {}
        relayed = unnamed_by_relay(bundle) if unnamed is None else unnamed
        edges = [*stated(bundle), *unnamed_dependencies(relayed)]
        for edge in edges:
            self._node(edge.source)
            self._node(edge.target)
        for assertion in bundle.assertions:
            self._node(assertion.attribution.source)
        size = len(self._index)
        self._base = UnionFind(size)
        # Dated edges: (one end, the other end, the period they are in force).
        self._dated: list[tuple[int, int, Period]] = []
        for edge in edges:
            u, v = self._index[edge.source], self._index[edge.target]
            if edge.dated:
                self._dated.append((u, v, period(edge.start, edge.end)))
            else:
                self._base.union(u, v)
        self._coarse = self._base.copy()
        for u, v, _ in self._dated:
            self._coarse.union(u, v)
        # Dated edges by the coarse group they lie in.
        self._dated_in: dict[int, list[int]] = {}
        for number, (u, _, _) in enumerate(self._dated):
            self._dated_in.setdefault(self._coarse.find(u), []).append(number)
        self._periods: dict[tuple[PartialDate | None, ...], Period] = {}
        # A signature (the set of dated edges active at a date) is named by a small
        # number, so that comparing and hashing it costs nothing however many edges
        # it holds.
        self._signature_at: dict[tuple[int, Period], int] = {}
        self._signature_ranked: dict[tuple[int, int, int], int] = {}
        self._bounds: dict[int, tuple[list[dt.timedelta], list[dt.timedelta]]] = {}
        self._signature_ids: dict[tuple[int, ...], int] = {}
        self._overlays: list[tuple[dict[int, int], frozenset[int]]] = []

    @classmethod
    def of_answers(
        cls,
        roots: Mapping[str, tuple[int, int]],
        answers: Mapping[tuple[int, Period], tuple[Mapping[int, int], frozenset[int]]],
    ) -> OriginFinder:
        """A finder over part of a graph another finder resolved: each source's base and
        coarse roots there (:meth:`roots`) and, for each coarse group that holds dated
        dependencies and each period assertions are made in, the root the dependencies
        in force then join each base root to and the base roots they touch
        (:func:`overlay` of the group's :meth:`dated_groups`, read for the base roots of
        the speakers and parties in ``roots``).  It splits assertions and finds
        dependencies as that finder does, for assertions made at those periods by
        speakers in ``roots``, and parties in ``roots``."""
        finder, number = _of_roots(_Answered.__new__(_Answered), roots)
        for (group, at), (labels, touched) in answers.items():
            local = finder._coarse.find(number("coarse", group))
            finder._dated_in.setdefault(local, [])
            parent = {number("base", base): number("base", label) for base, label in labels.items()}
            finder._answered[(local, at)] = len(finder._overlays)
            finder._overlays.append((parent, frozenset(number("base", b) for b in touched)))
        return finder

    def roots(self, source_id: str) -> tuple[int, int] | None:
        """The source's base root (joined by undated dependencies) and coarse root (by all of
        them), or ``None`` for a source in no dependency."""
        node = self._index.get(source_id)
        if node is None:
            return None
        return self._base.find(node), self._coarse.find(node)

    def sources(self) -> list[str]:
        """The sources in some dependency (or, for a bundle, speaking), in order."""
        return list(self._index)

    def dated_groups(self) -> dict[int, list[tuple[int, int, Period]]]:
        """Each coarse group's dated dependencies, between the base roots they join."""
        return {
            group: [
                (
                    self._base.find(self._dated[n][0]),
                    self._base.find(self._dated[n][1]),
                    self._dated[n][2],
                )
                for n in numbers
            ]
            for group, numbers in self._dated_in.items()
        }

    def _node(self, source_id: str) -> int:
        number = self._index.get(source_id)
        if number is None:
            number = self._index[source_id] = len(self._index)
        return number

    # -- dated refinement --------------------------------------------------------------

    def _when(self, assertion: Assertion) -> Period:
        """The period an assertion's date stands for (cached: dates repeat).

        Without a date, its bounds: from its earliest to its latest date, either open.
        """
        date = assertion.date
        key = (date,) if date is not None else (None, assertion.earliest, assertion.latest)
        found = self._periods.get(key)
        if found is None:
            found = self._periods[key] = when(assertion)
        return found

    def _signature(self, group: int, when: Period) -> int:
        """The number of the set of a coarse group's dated edges active at some instant of
        ``when``."""
        key = (group, when)
        found = self._signature_at.get(key)
        if found is None:
            # The edges active at some instant of ``when`` are those that start by its end
            # and end from its start, so which they are depends only on where its two ends
            # fall among the edges' starts and ends: the edges are looked through once per
            # such place, not once per distinct period (at 100,000 assertions, 40,000
            # periods in a group of some 200 dated edges).
            bounds = self._bounds.get(group)
            if bounds is None:
                held = [self._dated[number][2] for number in self._dated_in[group]]
                bounds = self._bounds[group] = (
                    sorted([start for start, _ in held]),
                    sorted([end for _, end in held]),
                )
            ranked = (group, bisect_right(bounds[0], when[1]), bisect_left(bounds[1], when[0]))
            found = self._signature_ranked.get(ranked)
            if found is None:
                edges = tuple(
                    number
                    for number in self._dated_in[group]
                    if overlaps(when, self._dated[number][2])
                )
                found = self._signature_ids.get(edges)
                if found is None:
                    found = self._signature_ids[edges] = len(self._overlays)
                    self._overlays.append(self._overlay(edges))
                self._signature_ranked[ranked] = found
            self._signature_at[key] = found
        return found

    def _overlay(self, edges: tuple[int, ...]) -> tuple[dict[int, int], frozenset[int]]:
        """Base roots joined by the dated ``edges`` (a sparse union–find), and the base
        roots those edges touch."""
        base = self._base
        ends = (self._dated[number] for number in edges)
        return overlay((base.find(u), base.find(v), held) for u, v, held in ends)

    # -- interested parties ------------------------------------------------------------

    def depends(self, assertion: Assertion, party: str) -> bool:
        """Whether the speaker of ``assertion`` is ``party`` or would be one origin with it:
        joined by dependencies in force when the assertion was made."""
        speaker = assertion.attribution.source
        if speaker == party:
            return True
        node, other = self._index.get(speaker), self._index.get(party)
        if node is None or other is None:
            return False
        group = self._coarse.find(node)
        if group != self._coarse.find(other):
            return False
        base, party_base = self._base.find(node), self._base.find(other)
        if base == party_base:
            return True
        parent, _ = self._overlays[self._signature(group, self._when(assertion))]
        return _overlay_find(parent, base) == _overlay_find(parent, party_base)

    # -- origins -----------------------------------------------------------------------

    def origins(self, assertions: Sequence[Assertion]) -> list[list[int]]:
        """``assertions`` (all of one claim) split into origins, as lists of their positions."""
        coarse_groups: dict[int | str, list[int]] = {}
        for position, assertion in enumerate(assertions):
            speaker = assertion.attribution.source
            node = self._index.get(speaker)
            # A speaker in no dependency (unknown to the graph) is a group of its own.
            group = speaker if node is None else self._coarse.find(node)
            coarse_groups.setdefault(group, []).append(position)
        result: list[list[int]] = []
        for group, positions in coarse_groups.items():
            if isinstance(group, int) and group in self._dated_in:
                result.extend(self._refine(group, positions, assertions))
            else:
                result.append(positions)
        return result

    def _refine(
        self, group: int, positions: list[int], assertions: Sequence[Assertion]
    ) -> Iterable[list[int]]:
        joined = UnionFind(len(positions))
        # Speakers joined by undated dependencies are one origin at every date.
        first_at: dict[int, int] = {}  # base root -> first local index
        signatures_at: dict[int, set[int]] = {}  # base root -> signatures there
        signed: dict[int, None] = {}
        for local, position in enumerate(positions):
            assertion = assertions[position]
            base = self._base.find(self._index[assertion.attribution.source])
            signature = self._signature(group, self._when(assertion))
            signed[signature] = None
            signatures_at.setdefault(base, set()).add(signature)
            if base in first_at:
                joined.union(first_at[base], local)
            else:
                first_at[base] = local
        # At each date that occurs, the dated dependencies active then join base groups;
        # a join counts only through a group with an assertion made at that date.
        for signature in signed:
            parent, touched = self._overlays[signature]
            if not touched:
                continue
            present = (
                [b for b in touched if b in first_at]
                if len(touched) < len(first_at)
                else [b for b in first_at if b in touched]
            )
            buckets: dict[int, list[int]] = {}
            for base in present:
                buckets.setdefault(_overlay_find(parent, base), []).append(base)
            for bases in buckets.values():
                if len(bases) > 1 and any(signature in signatures_at[b] for b in bases):
                    for base in bases[1:]:
                        joined.union(first_at[bases[0]], first_at[base])
        split: dict[int, list[int]] = {}
        for local, position in enumerate(positions):
            split.setdefault(joined.find(local), []).append(position)
        return split.values()


_Finder = TypeVar("_Finder", bound=OriginFinder)


def _of_roots(
    finder: _Finder, roots: Mapping[str, tuple[int, int]]
) -> tuple[_Finder, Callable[[str, int], int]]:
    """``finder`` (not yet initialized) made a finder of ``roots`` without dated
    dependencies, and what numbers a root of the other graph in it: each base and coarse
    root is a node of its own, those of ``roots`` in the union–find structures (a root
    numbered later is a label only)."""
    finder._index = {source_id: number for number, source_id in enumerate(roots)}
    numbers: dict[tuple[str, int], int] = {}

    def number(kind: str, root: int) -> int:
        found = numbers.get((kind, root))
        if found is None:
            found = numbers[(kind, root)] = len(numbers) + len(roots)
        return found

    for base, group in roots.values():
        number("base", base)
        number("coarse", group)
    finder._base = UnionFind(len(roots) + len(numbers))
    for source_id, (base, _) in roots.items():
        finder._base.union(number("base", base), finder._index[source_id])
    finder._coarse = finder._base.copy()
    for base, group in roots.values():
        finder._coarse.union(number("coarse", group), number("base", base))
    finder._dated = []
    finder._dated_in = {}
    finder._periods = {}
    finder._signature_at = {}
    finder._signature_ranked = {}
    finder._bounds = {}
    finder._signature_ids = {}
    finder._overlays = []
    if isinstance(finder, _Answered):
        finder._answered = {}
    return finder, number


class _Answered(OriginFinder):
    """A finder whose dated dependencies were applied elsewhere (:meth:`OriginFinder.of_answers`):
    the overlay of each coarse group at each period is looked up, not computed."""

    _answered: dict[tuple[int, Period], int]

    def _signature(self, group: int, when: Period) -> int:
        return self._answered[(group, when)]


def when(assertion: Assertion) -> Period:
    """The period an assertion's date stands for; without a date, its bounds (from its
    earliest to its latest date, either open)."""
    date = assertion.date
    return period(date, date) if date is not None else period(assertion.earliest, assertion.latest)


def overlay(
    edges: Iterable[tuple[int, int, Period]], at: Period | None = None
) -> tuple[dict[int, int], frozenset[int]]:
    """The base roots the dated ``edges`` of one coarse group join, those in force at some
    instant of ``at`` (all of them, when it is ``None``): a sparse union–find, whose roots
    :func:`overlay_root` reads; and the base roots those edges touch."""
    parent: dict[int, int] = {}
    touched: set[int] = set()
    for u, v, held in edges:
        if at is not None and not overlaps(at, held):
            continue
        touched.update((u, v))
        a, b = _overlay_find(parent, u), _overlay_find(parent, v)
        if a != b:
            parent[max(a, b)] = min(a, b)
    return parent, frozenset(touched)


def overlay_root(parent: dict[int, int], item: int) -> int:
    """The root of ``item`` in an :func:`overlay`."""
    return _overlay_find(parent, item)
