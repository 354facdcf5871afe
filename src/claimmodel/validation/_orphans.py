"""Orphan rules (CM7xx): sources and claims that nothing in the bundle uses."""

from __future__ import annotations

from claimmodel.model import Collective, Document
from claimmodel.validation._context import Context

__all__ = ["check"]


def _used_sources(ctx: Context) -> set[str]:
    bundle = ctx.bundle
    used: set[str] = set()
    if bundle.document is not None:
        used.add(bundle.document)
    for source in bundle.sources:
        used.update(role.organization for role in source.roles if role.organization)
        used.update(affiliation.target for affiliation in source.affiliations)
        if source.reliability is not None and source.reliability.assessor is not None:
            used.add(source.reliability.assessor)
        if isinstance(source, Collective):
            used.update(source.members)
        if isinstance(source, Document):
            used.update(source.authors)
            if source.publisher is not None:
                used.add(source.publisher)
    for claim in bundle.claims:
        used.update(claim.parties)
    for assertion in bundle.assertions:
        used.update(assertion.attribution.path)
        if assertion.confidence.assessor is not None:
            used.add(assertion.confidence.assessor)
        used.update(hedge.voiced_by for hedge in assertion.hedges if hedge.voiced_by)
    used.update(verdict.reviewer for verdict in bundle.verdicts)
    used.update(evidence.document for _, evidence in ctx.evidence() if evidence.document)
    return used


def check(ctx: Context) -> None:
    """Apply every orphan rule."""
    if ctx.wants("CM701"):
        used = _used_sources(ctx)
        for index, source in enumerate(ctx.bundle.sources):
            if source.id not in used:
                ctx.emit(
                    "CM701",
                    f"$.sources[{index}]",
                    f"source {source.id!r} is not used by any assertion, chain, hedge, "
                    "evidence, verdict or other source; attribute something to it or remove it",
                )
    if ctx.wants("CM702"):
        claimed = {assertion.claim for assertion in ctx.bundle.assertions}
        for relation in ctx.bundle.relations:
            claimed.update((relation.subject, relation.object))
        for index, claim in enumerate(ctx.bundle.claims):
            if claim.id not in claimed:
                ctx.emit(
                    "CM702",
                    f"$.claims[{index}]",
                    f"claim {claim.id!r} is neither asserted nor related; add the assertion "
                    "that puts it forward or remove it",
                )
