"""Reference rules (CM3xx): every id points at something, once, and without circles."""

from __future__ import annotations

import re
from collections.abc import Iterator

from claimmodel.model import AffiliationKind, Collective, Document, Identifier, RelationKind
from claimmodel.validation._context import Context

__all__ = ["check"]

_ACYCLIC_KINDS = (AffiliationKind.PART_OF, AffiliationKind.CONTROLLED_BY)
_RENDERINGS = (RelationKind.TRANSLATION_OF, RelationKind.PARAPHRASE_OF)


def check(ctx: Context) -> None:
    """Apply every reference rule."""
    _duplicates(ctx)
    _claims(ctx)
    _parties(ctx)
    _relations(ctx)
    _source_links(ctx)
    _hedges_and_evidence(ctx)
    _identifiers(ctx)
    _revisions(ctx)
    if ctx.wants("CM314"):
        _derived_ids(ctx)
    if ctx.wants("CM308"):
        for kind in _ACYCLIC_KINDS:
            _cycles(ctx, kind)


def _duplicates(ctx: Context) -> None:
    collections: tuple[tuple[str, dict[str, int], Iterator[str]], ...] = (
        ("sources", ctx.source_ids, (s.id for s in ctx.bundle.sources)),
        ("claims", ctx.claim_ids, (c.id for c in ctx.bundle.claims)),
        ("assertions", ctx.assertion_ids, (a.id for a in ctx.bundle.assertions)),
        ("relations", ctx.relation_ids, (r.id for r in ctx.bundle.relations)),
        ("verdicts", ctx.verdict_ids, (v.id for v in ctx.bundle.verdicts)),
        ("scales", _first([s.id for s in ctx.bundle.scales]), (s.id for s in ctx.bundle.scales)),
    )
    for name, first, ids in collections:
        for position, item_id in enumerate(ids):
            if first[item_id] != position:
                ctx.emit(
                    "CM302",
                    f"$.{name}[{position}].id",
                    f"id {item_id!r} is already used by $.{name}[{first[item_id]}]; "
                    f"give each of the {name} its own id",
                )


def _first(ids: list[str]) -> dict[str, int]:
    first: dict[str, int] = {}
    for position, item_id in enumerate(ids):
        first.setdefault(item_id, position)
    return first


def _parties(ctx: Context) -> None:
    for index, claim in enumerate(ctx.bundle.claims):
        seen: set[str] = set()
        for position, party in enumerate(claim.parties):
            path = f"$.claims[{index}].parties[{position}]"
            if party in seen:
                ctx.emit(
                    "CM323",
                    path,
                    f"claim {claim.id!r} names the party {party!r} twice; remove the repetition",
                )
            elif party not in ctx.sources:
                ctx.emit(
                    "CM322",
                    path,
                    f"the party {party!r} is not a source of the bundle; add it as a source "
                    "(a government, an organization, a person) or correct the id",
                )
            seen.add(party)


def _claims(ctx: Context) -> None:
    for index, assertion in enumerate(ctx.bundle.assertions):
        if assertion.claim not in ctx.claim_ids:
            ctx.emit(
                "CM301",
                f"$.assertions[{index}].claim",
                f"claim {assertion.claim!r} is not a claim of the bundle; "
                "add the claim or correct the id",
            )


def _relations(ctx: Context) -> None:
    for index, relation in enumerate(ctx.bundle.relations):
        for end in ("subject", "object"):
            target: str = getattr(relation, end)
            is_assertion = target in ctx.assertion_ids
            is_claim = target in ctx.claim_ids
            path = f"$.relations[{index}].{end}"
            if not (is_assertion or is_claim):
                ctx.emit(
                    "CM303",
                    path,
                    f"{end} {target!r} is neither an assertion nor a claim of the bundle; "
                    "add it or correct the id",
                )
            elif is_assertion and is_claim:
                ctx.emit(
                    "CM304",
                    path,
                    f"{end} {target!r} is the id of both an assertion and a claim; "
                    "rename one so the relation names a single item",
                )
        if relation.subject == relation.object:
            ctx.emit(
                "CM320",
                f"$.relations[{index}].object",
                f"the relation {relation.kind.value} relates {relation.subject!r} to itself; "
                "name the other item it relates to, or remove the relation",
            )
        elif relation.kind in _RENDERINGS:
            for end in ("subject", "object"):
                target = getattr(relation, end)
                if target in ctx.assertion_ids and target not in ctx.claim_ids:
                    ctx.emit(
                        "CM321",
                        f"$.relations[{index}].{end}",
                        f"{end} {target!r} is an assertion, but {relation.kind.value} joins two "
                        "claims (the same claim in other words or another language); name the "
                        "claims, or record a translated quotation as the evidence's original",
                    )


def _unknown_source(ctx: Context, path: str, what: str, source_id: str | None) -> None:
    if source_id is not None and source_id not in ctx.sources:
        ctx.emit(
            "CM305",
            path,
            f"{what} {source_id!r} is not a source of the bundle; add the source or correct the id",
        )


def _source_links(ctx: Context) -> None:
    for index, source in enumerate(ctx.bundle.sources):
        base = f"$.sources[{index}]"
        for position, role in enumerate(source.roles):
            path = f"{base}.roles[{position}].organization"
            _unknown_source(ctx, path, "the organization", role.organization)
        for position, affiliation in enumerate(source.affiliations):
            path = f"{base}.affiliations[{position}].target"
            _unknown_source(ctx, path, "the affiliation target", affiliation.target)
        if isinstance(source, Collective):
            for position, member in enumerate(source.members):
                _unknown_source(ctx, f"{base}.members[{position}]", "member", member)
        if isinstance(source, Document):
            for position, author in enumerate(source.authors):
                _unknown_source(ctx, f"{base}.authors[{position}]", "author", author)
            _unknown_source(ctx, f"{base}.publisher", "publisher", source.publisher)


def _document_reference(ctx: Context, path: str, what: str, source_id: str) -> None:
    found = ctx.source(source_id)
    if found is None:
        ctx.emit(
            "CM307",
            path,
            f"{what} {source_id!r} is not a source of the bundle; "
            "add it as a document source or correct the id",
        )
    elif not isinstance(found, Document):
        ctx.emit(
            "CM307",
            path,
            f"{what} {source_id!r} is a {found.kind.value} source, not a document; "
            "name a source of kind 'document'",
        )


def _hedges_and_evidence(ctx: Context) -> None:
    if ctx.bundle.document is not None:
        _document_reference(ctx, "$.document", "the bundle's document", ctx.bundle.document)
    for index, assertion in enumerate(ctx.bundle.assertions):
        base = f"$.assertions[{index}]"
        for position, hedge in enumerate(assertion.hedges):
            if hedge.voiced_by is not None and hedge.voiced_by not in ctx.sources:
                ctx.emit(
                    "CM306",
                    f"{base}.hedges[{position}].voiced_by",
                    f"the hedge is voiced by {hedge.voiced_by!r}, which is not a source of the "
                    "bundle; add the source, correct the id, or leave voiced_by out for the "
                    "asserting source",
                )
    for path, evidence in ctx.evidence():
        if evidence.document is not None:
            _document_reference(ctx, f"{path}.document", "the evidence document", evidence.document)


_DERIVED_FORM = re.compile(r"claim-[0-9a-f]{16}", re.ASCII)


def _derived_ids(ctx: Context) -> None:
    for index, claim in enumerate(ctx.bundle.claims):
        if _DERIVED_FORM.fullmatch(claim.id) and not claim.id_is_derived:
            ctx.emit(
                "CM314",
                f"$.claims[{index}].id",
                f"{claim.id!r} has the form of a derived id but the claim's content derives "
                f"{claim.derived_id!r}: its wording was probably edited after the id was made, "
                "so it will not merge with the same claim elsewhere; use the derived id "
                "(Claim.with_text re-derives it), or an id of another form",
            )


def _revisions(ctx: Context) -> None:
    assertions = ctx.bundle.assertions
    for index, assertion in enumerate(assertions):
        target = assertion.revises
        if target is None:
            continue
        field = "retracts" if assertion.retracts is not None else "corrects"
        path = f"$.assertions[{index}].{field}"
        position = ctx.assertion_ids.get(target)
        if position is None:
            ctx.emit(
                "CM311",
                path,
                f"it {field} {target!r}, which is not an assertion of the bundle; "
                "add the assertion or correct the id",
            )
        elif field == "retracts" and assertions[position].claim != assertion.claim:
            ctx.emit(
                "CM312",
                f"$.assertions[{index}].claim",
                f"it retracts {target!r}, an assertion of claim {assertions[position].claim!r}, "
                f"but is itself of claim {assertion.claim!r}: a retraction withdraws the same "
                "claim; to put another claim in its place, write corrects instead",
            )
    if ctx.wants("CM313"):
        _revision_cycles(ctx)


def _revision_cycles(ctx: Context) -> None:
    # Each assertion revises at most one other, so following revises from any assertion
    # either ends or enters one circle; every circle is found once, in linear time.
    assertions = ctx.bundle.assertions
    state: dict[int, int] = {}  # position -> 1 on the current walk, 2 done
    for start in range(len(assertions)):
        walk: list[int] = []
        position: int | None = start
        while position is not None and position not in state:
            state[position] = 1
            walk.append(position)
            target = assertions[position].revises
            position = ctx.assertion_ids.get(target) if target is not None else None
        if position is not None and state[position] == 1:
            circle = walk[walk.index(position) :]
            ids = ", ".join(sorted(repr(assertions[p].id) for p in circle))
            for member in circle:
                field = "retracts" if assertions[member].retracts is not None else "corrects"
                ctx.emit(
                    "CM313",
                    f"$.assertions[{member}].{field}",
                    f"revisions go round in a circle ({ids}): each assertion revises one "
                    "made before it; remove the revision that closes the circle",
                )
        for visited in walk:
            state[visited] = 2


def _identifiers(ctx: Context) -> None:
    # Each identifier's holders (source index, identifier position), found once per source;
    # a shared one is reported at every holder, so the findings do not depend on order.
    holders: dict[Identifier, list[tuple[int, int]]] = {}
    for index, source in enumerate(ctx.bundle.sources):
        seen: set[Identifier] = set()
        for position, identifier in enumerate(source.identifiers):
            if identifier in seen:
                ctx.emit(
                    "CM309",
                    f"$.sources[{index}].identifiers[{position}]",
                    f"{source.id!r} lists {identifier} twice; remove the repetition",
                )
                continue
            seen.add(identifier)
            holders.setdefault(identifier, []).append((index, position))
    if not ctx.wants("CM310"):
        return
    for identifier, found in holders.items():
        if len(found) < 2:
            continue
        ids = {index: ctx.bundle.sources[index].id for index, _ in found}
        for index, position in found:
            others = ", ".join(repr(i) for i in sorted(v for k, v in ids.items() if k != index))
            ctx.emit(
                "CM310",
                f"$.sources[{index}].identifiers[{position}]",
                f"{identifier} is also an identifier of {others}: sources of one bundle "
                "that carry the same identifier name the same entity; merge them, or correct "
                "the identifier",
            )


def _cycles(ctx: Context, kind: AffiliationKind) -> None:
    """Report every affiliation of ``kind`` that lies on a cycle (Tarjan's SCC, iterative)."""
    edges: dict[str, list[tuple[str, str]]] = {}  # source id -> [(target id, path)]
    for index, source in enumerate(ctx.bundle.sources):
        if ctx.source_ids[source.id] != index:
            continue  # a duplicate; CM302 reports it
        for position, affiliation in enumerate(source.affiliations):
            if affiliation.kind is kind and affiliation.target in ctx.sources:
                path = f"$.sources[{index}].affiliations[{position}].target"
                edges.setdefault(source.id, []).append((affiliation.target, path))
    component = _components(edges)
    members: dict[int, list[str]] = {}
    for node, number in component.items():
        members.setdefault(number, []).append(node)
    for node, targets in edges.items():
        for target, path in targets:
            if component[node] != component[target]:
                continue
            circle = sorted(members[component[node]])
            if len(circle) == 1:
                ring = f"{node!r} is {kind.value} itself"
            else:
                ring = "these sources form a circle: " + ", ".join(repr(s) for s in circle)
            ctx.emit(
                "CM308",
                path,
                f"{kind.value} affiliations go round in a circle ({ring}); "
                "remove or reverse the affiliation that closes it",
            )


def _components(edges: dict[str, list[tuple[str, str]]]) -> dict[str, int]:
    """Strongly connected component numbers of every node, in linear time."""
    number: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    component: dict[str, int] = {}
    nodes = list(edges)
    for targets in edges.values():
        nodes.extend(target for target, _ in targets)
    counter = 0
    for root in nodes:
        if root in number:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, next_edge = work.pop()
            if next_edge == 0:
                number[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            targets = edges.get(node, [])
            if next_edge < len(targets):
                work.append((node, next_edge + 1))
                target = targets[next_edge][0]
                if target not in number:
                    work.append((target, 0))
                elif target in on_stack:
                    low[node] = min(low[node], number[target])
                continue
            if low[node] == number[node]:
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component[member] = number[node]
                    if member == node:
                        break
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return component
