"""Conflicting figures: claims about the same quantity whose ranges do not overlap.

Claims whose quantities name the same ``measure`` in the same ``unit`` are about the
same quantity.  Two of them conflict when no number lies in both ranges: "between
10,000 and 12,000 troops" and "at least 15,000 troops" do; "about 11,000" and
"between 10,000 and 12,000" do not.  A figure is compared as stated: an approximate
value without bounds is the point it names, so give the bounds the approximation
allows where it matters.  Figures in other units, or without a measure, are not
compared (validation warns of a measure stated in two units, CM903).
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from claimmodel.model import Claim, Quantity

__all__ = ["FigureConflict", "conflicting_figures"]


@attrs.frozen(kw_only=True)
class FigureConflict:
    """Claims ``first`` and ``second`` (in id order) state figures of one ``measure`` and
    ``unit`` whose ranges do not overlap."""

    measure: str
    unit: str | None
    first: str
    first_text: str
    first_quantity: Quantity
    second: str
    second_text: str
    second_quantity: Quantity

    @property
    def description(self) -> str:
        """In words: ``"c1 (between 10,000 and 12,000 troops) against c2 (at least 15,000
        troops)"``."""
        return (
            f"{self.first} ({self.first_quantity}) against {self.second} ({self.second_quantity})"
        )


def conflicting_figures(claims: Iterable[Claim]) -> tuple[FigureConflict, ...]:
    """Every pair of ``claims`` whose figures conflict, by measure, then by the claims' ids.

    Claims are taken once per id (the first); the work is quadratic only in the number of
    claims that share one measure and unit.
    """
    by_measure: dict[tuple[str, str | None], dict[str, Claim]] = {}
    for claim in claims:
        quantity = claim.quantity
        if quantity is None or quantity.measure is None:
            continue
        by_measure.setdefault((quantity.measure, quantity.unit), {}).setdefault(claim.id, claim)
    found: list[FigureConflict] = []
    for (measure, unit), members in sorted(
        by_measure.items(), key=lambda item: (item[0][0], item[0][1] is not None, item[0][1] or "")
    ):
        ordered = [members[key] for key in sorted(members)]
        for position, first in enumerate(ordered):
            for second in ordered[position + 1 :]:
                a, b = first.quantity, second.quantity
                if a is not None and b is not None and not a.overlaps(b):
                    found.append(
                        FigureConflict(
                            measure=measure,
                            unit=unit,
                            first=first.id,
                            first_text=first.text,
                            first_quantity=a,
                            second=second.id,
                            second_text=second.text,
                            second_quantity=b,
                        )
                    )
    return tuple(found)
