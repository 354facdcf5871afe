"""The same claim in other words or another language: claims declared one.

A relation of a kind that :attr:`~claimmodel.RelationKind.declares_same_claim`
(``same-as``, ``translation-of``, ``paraphrase-of``) between two claims of the
bundle joins them.  The joins are closed under symmetry and transitivity (a
union–find over the claims), so a chain ``c3 translation-of c2 paraphrase-of
c1`` is one group of three.  Each group is represented by one claim: of those
that are not a translation or paraphrase of another member (the originals), the
one with the smallest id in code-point order; in a group where every claim is
(a circle), the smallest id of all.  The choice depends on the record, never on
the order of its items.
"""

from __future__ import annotations

from claimmodel.analysis._origins import UnionFind
from claimmodel.model import Bundle, RelationKind

__all__ = ["same_claims"]

_RENDERINGS = (RelationKind.TRANSLATION_OF, RelationKind.PARAPHRASE_OF)


def same_claims(bundle: Bundle) -> dict[str, str]:
    """Each claim id declared the same as another, mapped to the id representing its group.

    Claims in no such declaration are left out; a representative maps to itself.
    """
    index: dict[str, int] = {}
    for claim in bundle.claims:
        index.setdefault(claim.id, len(index))
    ids = list(index)
    joins = UnionFind(len(ids))
    joined: set[int] = set()
    renders: set[int] = set()  # claims that translate or paraphrase another
    for relation in bundle.relations:
        if not relation.kind.declares_same_claim:
            continue
        first, second = index.get(relation.subject), index.get(relation.object)
        if first is None or second is None or first == second:
            continue
        joins.union(first, second)
        joined.update((first, second))
        if relation.kind in _RENDERINGS:
            renders.add(first)
    groups: dict[int, list[int]] = {}
    for member in joined:
        groups.setdefault(joins.find(member), []).append(member)
    found: dict[str, str] = {}
    for members in groups.values():
        originals = [ids[m] for m in members if m not in renders]
        representative = min(originals or [ids[m] for m in members])
        for member in members:
            found[ids[member]] = representative
    return found
