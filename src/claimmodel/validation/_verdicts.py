"""Verdict rules: a verdict names its reviewer and assertions of the bundle, of one claim,
and is not dated before them (CM330-CM332 among the references, CM510 among the dates).

A verdict's rating is checked against its scale with the confidences (CM201, CM205,
CM207), its evidence with every other piece of evidence (CM307, CM601, CM602), and
its id with the other verdicts' (CM302).
"""

from __future__ import annotations

from claimmodel.model import Assertion, Bundle, Verdict
from claimmodel.validation._context import Context
from claimmodel.validation._dates import definitely_after

__all__ = ["check"]


def check(ctx: Context) -> None:
    """Apply every verdict rule."""
    if not ctx.bundle.verdicts:
        return
    groups = _declared_same(ctx.bundle)
    for index, verdict in enumerate(ctx.bundle.verdicts):
        base = f"$.verdicts[{index}]"
        if verdict.reviewer not in ctx.sources:
            ctx.emit(
                "CM330",
                f"{base}.reviewer",
                f"the reviewer {verdict.reviewer!r} is not a source of the bundle; add the "
                "fact-checker as a source or correct the id",
            )
        reviewed: list[tuple[int, Assertion]] = []
        for position, assertion_id in enumerate(verdict.reviews):
            assertion = ctx.assertion(assertion_id)
            if assertion is None:
                ctx.emit(
                    "CM331",
                    f"{base}.reviews[{position}]",
                    f"verdict {verdict.id!r} reviews {assertion_id!r}, which is not an "
                    "assertion of the bundle; name the assertion that made the claim reviewed",
                )
            else:
                reviewed.append((position, assertion))
        _one_claim(ctx, base, verdict, reviewed, groups)
        _after_said(ctx, base, verdict, reviewed)


def _one_claim(
    ctx: Context,
    base: str,
    verdict: Verdict,
    reviewed: list[tuple[int, Assertion]],
    groups: dict[str, str],
) -> None:
    # An assertion of a claim the bundle does not hold is CM301's, not a second claim.
    known = [(position, a) for position, a in reviewed if a.claim in ctx.claim_ids]
    if not known:
        return
    first = known[0][1].claim
    for position, assertion in known[1:]:
        if groups.get(assertion.claim, assertion.claim) != groups.get(first, first):
            ctx.emit(
                "CM332",
                f"{base}.reviews[{position}]",
                f"verdict {verdict.id!r} reviews assertions of claim {first!r} and of claim "
                f"{assertion.claim!r}; review one claim per verdict, or declare the claims "
                "the same (same-as, translation-of, paraphrase-of)",
            )


def _after_said(
    ctx: Context, base: str, verdict: Verdict, reviewed: list[tuple[int, Assertion]]
) -> None:
    if verdict.date is None:
        return
    for _, assertion in reviewed:
        said = assertion.date if assertion.date is not None else assertion.earliest
        if said is not None and definitely_after(said, verdict.date):
            ctx.emit(
                "CM510",
                f"{base}.date",
                f"verdict {verdict.id!r} is dated {verdict.date}, before assertion "
                f"{assertion.id!r} was made ({said}); a review comes after what it reviews: "
                "correct either date",
            )


def _declared_same(bundle: Bundle) -> dict[str, str]:
    """Each claim id in a declaration of sameness, mapped to one id of its group.

    The groups are those the analysis counts as one claim (closed under symmetry and
    transitivity); which member names a group does not matter here.
    """
    parent: dict[str, str] = {}

    def find(item: str) -> str:
        root = item
        while parent.get(root, root) != root:
            root = parent[root]
        while item != root:  # path compression
            parent[item], item = root, parent[item]
        return root

    claims = {claim.id for claim in bundle.claims}
    for relation in bundle.relations:
        if relation.kind.declares_same_claim and {relation.subject, relation.object} <= claims:
            first, second = find(relation.subject), find(relation.object)
            if first != second:
                parent[max(first, second)] = min(first, second)
    return {item: find(item) for item in list(parent)}
