"""Hedge rules (CM4xx): hedges and confidence tell the same story."""

from __future__ import annotations

from claimmodel.model import HedgeCategory
from claimmodel.validation._context import Context

__all__ = ["DOUBTING_CATEGORIES", "HEDGED_CONFIDENCE_CEILING", "check"]

HEDGED_CONFIDENCE_CEILING = 0.8
"""The probability an alleged, disputed or unverified assertion may not reach without a
stated basis (CM401): 80 %, where "very likely" begins on the ICD 203 scale."""

DOUBTING_CATEGORIES = frozenset(
    {HedgeCategory.REPORTATIVE, HedgeCategory.DISPUTED, HedgeCategory.EVIDENTIAL_GAP}
)
"""Hedge categories that mark a claim as alleged, disputed or unverified."""


def check(ctx: Context) -> None:
    """Apply every hedge rule."""
    for index, assertion in enumerate(ctx.bundle.assertions):
        confidence = assertion.confidence
        probability = confidence.probability
        if (
            probability is None
            or probability.low < HEDGED_CONFIDENCE_CEILING
            or confidence.basis is not None
        ):
            continue
        doubting = next((h for h in assertion.hedges if h.category in DOUBTING_CATEGORIES), None)
        if doubting is None:
            continue
        ctx.emit(
            "CM401",
            f"$.assertions[{index}].confidence.probability",
            f"the assertion is hedged as {doubting.category.value} ({doubting.cue!r}) yet held "
            f"at {probability}, at or above {HEDGED_CONFIDENCE_CEILING:.0%}; state the basis "
            "of that confidence or lower it",
        )
