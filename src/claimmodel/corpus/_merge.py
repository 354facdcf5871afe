"""Merging a corpus: bundles written apart, whose local ids may collide.

:func:`~claimmodel.merge` is strict: the same id must mean the same item
everywhere, and ``desk`` in two separately written records makes it fail.
:func:`merge_corpus` instead treats every id as local to its bundle:

- An item's key is its bundle's *namespace* (the bundle's id, else the name
  the caller gives it, such as ``file.jsonl:12``, else ``#`` and its position)
  and its local id.  Items with the same key are one item; the same key with
  different content is a :class:`Conflict`.
- Sources in different namespaces are one source only on evidence: a shared
  external identifier, or a ``same_as`` declaration.  Two sources that merely
  look alike (the same id, name and kind, no identifier) stay two.  A join that
  would make one source of two kinds is refused and reported as a conflict.
- Claims in different namespaces are one claim when their content derives the
  same id (:attr:`~claimmodel.Claim.derived_id`: the same normalized wording,
  structure and polarity) or when sameness is declared, by a ``same-as``
  relation between two claims or a ``same_as`` declaration.
- Assertions, relations and verdicts are never joined across namespaces: each is
  one act in one record.

Every merged item keeps its local id when no other merged item wants it;
otherwise it is namespaced as ``NAMESPACE/LOCAL`` (with ``~2``, ``~3`` … added in
the rare case that this is taken too).  :class:`CorpusMerge` maps every merged id
back to the (namespace, local id) pairs it came from, so the renaming can be undone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cached_property
from typing import Any

import attrs

from claimmodel.analysis._origins import UnionFind
from claimmodel.corpus._references import Renamer
from claimmodel.exceptions import InvalidValueError, MergeConflictError
from claimmodel.model import (
    Bundle,
    Claim,
    DeclaredScale,
    FrozenMap,
    Identifier,
    RelationKind,
    Source,
    normalize_text,
)
from claimmodel.model import _checks as check

__all__ = ["KINDS", "Conflict", "CorpusMerge", "ItemOrigin", "differences", "merge_corpus"]

KINDS = ("sources", "claims", "assertions", "relations", "verdicts")
"""The collections of a bundle, in the order they are merged."""

# The bundle's own fields: kept where every bundle agrees (``document`` is renamed first).
_METADATA = tuple(
    field.name for field in attrs.fields(Bundle) if field.name not in (*KINDS, "document", "scales")
)


@attrs.frozen(kw_only=True)
class ItemOrigin:
    """Where a merged item came from: a bundle's ``namespace`` and the item's ``local`` id."""

    namespace: str
    local: str

    def __str__(self) -> str:
        return f"{self.namespace}/{self.local}"


@attrs.frozen(kw_only=True)
class Conflict:
    """Two items the merge could not make one, and why.

    ``kind`` is the collection (``"sources"``, ``"claims"``, ``"assertions"``,
    ``"relations"``, ``"verdicts"``, ``"scales"``); ``first`` is where the item that was
    kept came from, ``second`` the other; ``message`` says what differs.
    """

    kind: str
    first: ItemOrigin
    second: ItemOrigin
    message: str

    def __str__(self) -> str:
        return f"{self.kind[:-1]} {self.first} and {self.second}: {self.message}"


@attrs.frozen(kw_only=True)
class CorpusMerge:
    """The result of :func:`merge_corpus`.

    ``bundle`` holds every item of the corpus under its merged id;
    ``conflicts`` lists what could not be made one; ``origins`` maps each
    collection's merged ids to the (namespace, local id) pairs they stand for;
    ``namespaces`` is each input bundle's namespace, in input order.
    """

    bundle: Bundle
    conflicts: tuple[Conflict, ...]
    origins: FrozenMap[FrozenMap[tuple[ItemOrigin, ...]]]
    namespaces: tuple[str, ...]

    @cached_property
    def _merged_ids(self) -> dict[tuple[str, str, str], str]:
        return {
            (kind, origin.namespace, origin.local): merged
            for kind, table in self.origins.items()
            for merged, origins in table.items()
            for origin in origins
        }

    def merged_id(self, namespace: str, local: str, *, kind: str = "sources") -> str:
        """The merged id of the item ``local`` of the bundle with this namespace.

        Raises :class:`KeyError` when the corpus holds no such item.
        """
        return self._merged_ids[(kind, namespace, local)]

    def origins_of(self, merged: str, *, kind: str = "sources") -> tuple[ItemOrigin, ...]:
        """The (namespace, local id) pairs the merged item stands for."""
        return self.origins[kind][merged]


def _namespaces(bundles: Sequence[Bundle], names: Sequence[str] | None) -> list[str]:
    result = []
    for position, bundle in enumerate(bundles):
        if bundle.id is not None:
            result.append(bundle.id)
        elif names is not None:
            result.append(names[position])
        else:
            result.append(f"#{position + 1}")
    return result


def differences(first: Any, second: Any) -> str:
    """Why two items under one key are a conflict: what differs, and that the first is kept."""
    if type(first) is not type(second):
        return (
            f"the same id for a {type(first).__name__} and a {type(second).__name__}; "
            "the first is kept"
        )
    fields = [
        field.name
        for field in attrs.fields(type(first))
        if getattr(first, field.name) != getattr(second, field.name)
    ]
    return (
        "the same id with different content (they differ in "
        + ", ".join(fields)
        + "); the first is kept"
    )


def _normalized(claim: Claim) -> Claim:
    def norm(text: str | None) -> str | None:
        return None if text is None else normalize_text(text)

    return attrs.evolve(
        claim,
        text=normalize_text(claim.text),
        subject=norm(claim.subject),
        predicate=norm(claim.predicate),
        object=norm(claim.object),
    )


def _same(first: object, second: object) -> bool:
    # Wording that differs only as far as normalize_text erases is the same claim, as
    # in merge(); every other item must be equal.
    if first == second:
        return True
    if isinstance(first, Claim) and isinstance(second, Claim):
        return _normalized(first) == _normalized(second)
    return False


def _merged_ids(groups: list[list[int]], keys: list[tuple[str, str]]) -> list[str]:
    """A unique id for each group: its first key's local id unless another group wants it."""
    wanted: dict[str, int] = {}
    for members in groups:
        local = keys[members[0]][1]
        wanted[local] = wanted.get(local, 0) + 1
    taken: set[str] = {local for local, count in wanted.items() if count == 1}
    result = []
    for members in groups:
        namespace, local = keys[members[0]]
        if wanted[local] == 1:
            result.append(local)
            continue
        candidate = f"{namespace}/{local}"
        suffix = 1
        while candidate in taken:
            suffix += 1
            candidate = f"{namespace}/{local}~{suffix}"
        taken.add(candidate)
        result.append(candidate)
    return result


def _union_tuple(values: Iterable[tuple[Any, ...]]) -> tuple[Any, ...]:
    seen: dict[Any, None] = {}
    for value in values:
        for item in value:
            seen.setdefault(item, None)
    return tuple(seen)


_SOURCE_LISTS = ("aliases", "identifiers", "roles", "affiliations", "members", "authors")


def _joined_source(members: list[Source]) -> Source:
    """One source holding what every member says: the first's fields, the others' lists added."""
    first = members[0]
    if len(members) == 1:
        return first
    changes: dict[str, Any] = {}
    for name in _SOURCE_LISTS:
        if hasattr(first, name):
            changes[name] = _union_tuple(getattr(m, name) for m in members)
    names = [m.name for m in members if m.name is not None and m.name != first.name]
    aliases = _union_tuple([changes.get("aliases", ()), tuple(names)])
    changes["aliases"] = tuple(a for a in aliases if a != first.name)
    for field in attrs.fields(type(first)):
        if getattr(first, field.name) is None:
            later = next(
                (getattr(m, field.name) for m in members if getattr(m, field.name) is not None),
                None,
            )
            if later is not None:
                changes[field.name] = later
    return attrs.evolve(first, **changes)


def _joined_claim(members: list[Claim]) -> Claim:
    """The first claim, naming every member's interested parties once (in order)."""
    first = members[0]
    parties = _union_tuple(member.parties for member in members)
    return first if parties == first.parties else attrs.evolve(first, parties=parties)


Key = tuple[str, str]
"""An item's key in the corpus: its bundle's namespace and its local id."""


class _Merger:
    """One merge: the items gathered by key, the joins, the merged ids, the merged bundle."""

    def __init__(self, bundles: tuple[Bundle, ...], namespaces: list[str], *, strict: bool) -> None:
        self.bundles = bundles
        self.namespaces = namespaces
        self.strict = strict
        self.conflicts: list[Conflict] = []
        self.slots: dict[str, dict[Key, int]] = {kind: {} for kind in KINDS}
        self.keys: dict[str, list[Key]] = {kind: [] for kind in KINDS}
        self.items: dict[str, list[Any]] = {kind: [] for kind in KINDS}
        self.joins: dict[str, UnionFind] = {}

    def conflict(self, kind: str, first: Key, second: Key, message: str) -> None:
        found = Conflict(
            kind=kind,
            first=ItemOrigin(namespace=first[0], local=first[1]),
            second=ItemOrigin(namespace=second[0], local=second[1]),
            message=message,
        )
        if self.strict:
            raise MergeConflictError(
                str(found),
                kind=kind,
                item=first[1],
                first=str(found.first),
                second=str(found.second),
            )
        self.conflicts.append(found)

    def gather(self) -> None:
        """Every item under its key; the same key twice is one item, or a conflict."""
        for namespace, bundle in zip(self.namespaces, self.bundles, strict=True):
            for kind in KINDS:
                slots, keys, items = self.slots[kind], self.keys[kind], self.items[kind]
                for item in getattr(bundle, kind):
                    key = (namespace, item.id)
                    slot = slots.get(key)
                    if slot is None:
                        slots[key] = len(keys)
                        keys.append(key)
                        items.append(item)
                    elif not _same(items[slot], item):
                        self.conflict(kind, key, key, differences(items[slot], item))
        self.joins = {kind: UnionFind(len(self.keys[kind])) for kind in ("sources", "claims")}

    def join_sources(self, first: int, second: int, why: str) -> None:
        """Make two sources one, unless that would make one source of two kinds."""
        joins = self.joins["sources"]
        a, b = joins.find(first), joins.find(second)
        if a == b:
            return
        # Only sources of one kind are joined, so a group's kind is any member's (a set
        # per source, kept to compare groups, would be a fifth of the merge's memory).
        sources = self.items["sources"]
        kind_a, kind_b = sources[a].kind, sources[b].kind
        if kind_a is not kind_b:
            kinds = " and ".join(sorted((kind_a.value, kind_b.value)))
            keys = self.keys["sources"]
            self.conflict(
                "sources", keys[first], keys[second], f"{why}, but are {kinds}: kept apart"
            )
            return
        joins.union(a, b)

    def join_by_evidence(self) -> None:
        """Sources joined by shared identifiers; claims by derived id and same-as relations."""
        holder: dict[Identifier, int] = {}
        for slot, source in enumerate(self.items["sources"]):
            for identifier in source.identifiers:
                earlier = holder.setdefault(identifier, slot)
                if earlier != slot:
                    self.join_sources(earlier, slot, f"they share the identifier {identifier}")
        claims = self.joins["claims"]
        # The first claim of each content in each bundle joins those of other bundles;
        # two claims of one bundle stay two unless the bundle says they are the same.
        by_content: dict[str, dict[str, int]] = {}
        for slot, claim in enumerate(self.items["claims"]):
            namespace = self.keys["claims"][slot][0]
            holders = by_content.setdefault(claim.derived_id, {})
            if namespace not in holders:
                for other in holders.values():
                    claims.union(other, slot)
                holders[namespace] = slot
        slots = self.slots["claims"]
        for namespace, bundle in zip(self.namespaces, self.bundles, strict=True):
            for relation in bundle.relations:
                if relation.kind is RelationKind.SAME_AS:
                    first = slots.get((namespace, relation.subject))
                    second = slots.get((namespace, relation.object))
                    if first is not None and second is not None:
                        claims.union(first, second)

    def declare(self, same_as: Iterable[tuple[tuple[str, str], tuple[str, str]]]) -> None:
        """Join the pairs the caller declares the same."""
        for pair in same_as:
            try:
                first_ref, second_ref = pair
            except (TypeError, ValueError):
                raise InvalidValueError(
                    f"same_as takes pairs of (namespace, local id) pairs, not {pair!r}"
                ) from None
            first, second = _ref(first_ref), _ref(second_ref)
            sources, claims = self.slots["sources"], self.slots["claims"]
            if first in sources and second in sources:
                self.join_sources(sources[first], sources[second], "they are declared the same")
            elif first in claims and second in claims:
                self.joins["claims"].union(claims[first], claims[second])
            else:
                raise InvalidValueError(
                    f"same_as names {first_ref!r} and {second_ref!r}, which are not two sources or "
                    "two claims of the corpus"
                )

    def groups(self, kind: str) -> list[list[int]]:
        """The slots of each merged item, in order of each one's first slot."""
        joins = self.joins.get(kind)
        found: dict[int, list[int]] = {}
        for slot in range(len(self.keys[kind])):
            found.setdefault(slot if joins is None else joins.find(slot), []).append(slot)
        return list(found.values())

    def build(self) -> CorpusMerge:
        groups = {kind: self.groups(kind) for kind in KINDS}
        merged_of: dict[str, dict[Key, str]] = {}
        origins: dict[str, FrozenMap[tuple[ItemOrigin, ...]]] = {}
        for kind in KINDS:
            keys = self.keys[kind]
            ids = _merged_ids(groups[kind], keys)
            pairs = list(zip(groups[kind], ids, strict=True))
            merged_of[kind] = {keys[slot]: new for members, new in pairs for slot in members}
            origins[kind] = FrozenMap(
                {
                    new: tuple(ItemOrigin(namespace=keys[s][0], local=keys[s][1]) for s in members)
                    for members, new in pairs
                }
            )
        taken = {new for kind in KINDS for new in origins[kind]}
        renamers = _renamers(dict.fromkeys(self.namespaces), merged_of, taken)
        merged: dict[str, Any] = {}
        for kind in KINDS:
            built: list[Any] = []
            for members in groups[kind]:
                renamed = [
                    _rename(
                        kind,
                        renamers[self.keys[kind][slot][0]],
                        self.items[kind][slot],
                        merged_of[kind][self.keys[kind][slot]],
                    )
                    for slot in members
                ]
                if kind == "sources":
                    built.append(_joined_source(renamed))
                elif kind == "claims":
                    self.figures(members, renamed)
                    built.append(_joined_claim(renamed))
                else:
                    built.append(renamed[0])
            merged[kind] = tuple(built)
        merged["scales"] = self.scales()
        merged.update(self.metadata(renamers))
        return CorpusMerge(
            bundle=Bundle(**merged),
            conflicts=tuple(self.conflicts),
            origins=FrozenMap(origins),
            namespaces=tuple(self.namespaces),
        )

    def scales(self) -> tuple[DeclaredScale, ...]:
        """Every declared scale once: scale ids are shared by the corpus, not namespaced,
        since confidences and ratings name them; a different scale under an id already
        declared is a conflict, and the first stands."""
        kept: dict[str, tuple[DeclaredScale, Key]] = {}
        for namespace, bundle in zip(self.namespaces, self.bundles, strict=True):
            for declared in bundle.scales:
                key = (namespace, declared.id)
                first = kept.setdefault(declared.id, (declared, key))
                if first[0] != declared:
                    self.conflict(
                        "scales",
                        first[1],
                        key,
                        f"a different scale is declared under the id {declared.id!r}; the "
                        "first stands",
                    )
        return tuple(declared for declared, _ in kept.values())

    def figures(self, members: list[int], claims: list[Claim]) -> None:
        """Report joined claims that state different figures: the first one's is kept."""
        kept = claims[0].quantity
        for slot, claim in zip(members[1:], claims[1:], strict=True):
            if claim.quantity is not None and claim.quantity != kept:
                keys = self.keys["claims"]
                shown = "none" if kept is None else f"'{kept}'"
                self.conflict(
                    "claims",
                    keys[members[0]],
                    keys[slot],
                    f"the same claim states the figure '{claim.quantity}' here and {shown} "
                    "where it is kept; the kept one stands",
                )

    def metadata(self, renamers: dict[str, Renamer]) -> dict[str, Any]:
        """The bundle-level fields every bundle agrees on (the merged bundle describes them)."""
        agreed: dict[str, Any] = {}
        pairs = list(zip(self.namespaces, self.bundles, strict=True))
        documents = {renamers[namespace].document(bundle) for namespace, bundle in pairs}
        if len(documents) == 1:
            agreed["document"] = documents.pop()
        for field in _METADATA:
            values = [getattr(bundle, field) for bundle in self.bundles]
            if values and all(value == values[0] for value in values):
                agreed[field] = values[0]
        if agreed.get("published") is None:  # a certainty qualifies a date kept
            agreed.pop("published_certainty", None)
        return agreed


def _renamers(
    namespaces: Iterable[str], merged_of: dict[str, dict[Key, str]], taken: set[str]
) -> dict[str, Renamer]:
    """A :class:`Renamer` for each namespace, its local ids gathered in one pass per kind."""
    local: dict[str, dict[str, dict[str, str]]] = {
        namespace: {kind: {} for kind in KINDS} for namespace in namespaces
    }
    for kind, table in merged_of.items():
        for (namespace, item), new in table.items():
            local[namespace][kind][item] = new

    def renamer(namespace: str) -> Renamer:
        def dangling(reference: str) -> str:
            # A reference to nothing in its own bundle must not land on another bundle's item.
            return f"{namespace}/{reference}" if reference in taken else reference

        ids = local[namespace]
        return Renamer(
            sources=ids["sources"],
            claims=ids["claims"],
            assertions=ids["assertions"],
            dangling=dangling,
        )

    return {namespace: renamer(namespace) for namespace in local}


def _rename(kind: str, renamer: Renamer, item: Any, new: str) -> Any:
    if kind == "sources":
        return renamer.source(item, new)
    if kind == "claims":
        return renamer.claim(item, new)
    if kind == "assertions":
        return renamer.assertion(item, new)
    if kind == "verdicts":
        return renamer.verdict(item, new)
    return renamer.relation(item, new)


def merge_corpus(
    bundles: Iterable[Bundle],
    *,
    names: Sequence[str] | None = None,
    same_as: Iterable[tuple[tuple[str, str], tuple[str, str]]] = (),
    strict: bool = False,
) -> CorpusMerge:
    """Merge a corpus of bundles written apart into one (see the module's description).

    ``names`` names each bundle that has no id (for example ``"wire.jsonl:12"``);
    ``same_as`` declares pairs of sources, or of claims, to be one, each item given
    as ``(namespace, local id)``.  Conflicts are returned in
    :attr:`CorpusMerge.conflicts`; with ``strict=True`` the first raises
    :class:`~claimmodel.exceptions.MergeConflictError` instead.
    """
    bundles = check.arguments("merge_corpus", bundles, Bundle, "Bundles")
    if names is not None and len(names) != len(bundles):
        raise InvalidValueError(
            f"{len(bundles)} bundles need {len(bundles)} names, not {len(names)}"
        )
    for name in names or ():
        if type(name) is not str or not name or name.strip() != name:
            raise InvalidValueError(
                f"each name is a non-empty string without surrounding whitespace (it prefixes "
                f"ids), not {name!r}"
            )
    merger = _Merger(bundles, _namespaces(bundles, names), strict=strict)
    merger.gather()
    merger.join_by_evidence()
    merger.declare(same_as)
    return merger.build()


def _ref(value: object) -> tuple[str, str]:
    if (
        not isinstance(value, tuple)
        or len(value) != 2
        or not all(isinstance(part, str) for part in value)
    ):
        raise InvalidValueError(f"same_as takes pairs of (namespace, local id), not {value!r}")
    return (value[0], value[1])
