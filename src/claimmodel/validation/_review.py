"""Review rules (CM8xx): what a program suggested is not yet anyone's judgement."""

from __future__ import annotations

from collections.abc import Iterator

from claimmodel.model import Draft
from claimmodel.validation._context import Context

__all__ = ["check"]


def _drafts(ctx: Context) -> Iterator[tuple[str, str, Draft]]:
    """Every draft marker of the bundle: the path of its object, what it is, the marker."""
    bundle = ctx.bundle
    for index, source in enumerate(bundle.sources):
        if source.draft is not None:
            yield f"$.sources[{index}]", f"source {source.id!r}", source.draft
    for index, claim in enumerate(bundle.claims):
        if claim.draft is not None:
            yield f"$.claims[{index}]", f"claim {claim.id!r}", claim.draft
    for index, assertion in enumerate(bundle.assertions):
        if assertion.draft is not None:
            yield f"$.assertions[{index}]", f"assertion {assertion.id!r}", assertion.draft
        for position, hedge in enumerate(assertion.hedges):
            if hedge.draft is not None:
                path = f"$.assertions[{index}].hedges[{position}]"
                yield path, f"hedge {hedge.cue!r}", hedge.draft
    for index, relation in enumerate(bundle.relations):
        if relation.draft is not None:
            yield f"$.relations[{index}]", f"relation {relation.id!r}", relation.draft


def check(ctx: Context) -> None:
    """Apply every review rule."""
    if not ctx.wants("CM801"):
        return
    for path, what, draft in _drafts(ctx):
        note = f" ({draft.note})" if draft.note is not None else ""
        ctx.emit(
            "CM801",
            f"{path}.draft",
            f"{what} was suggested by {draft.by}{note} and no person has reviewed it; "
            "check it, then remove the draft marker",
        )
