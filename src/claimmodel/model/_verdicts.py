"""Verdicts: a fact-checker's rating of a claim as it was made.

A verdict reviews *assertions*, not a bare claim: the claim reviewed is the one they
assert, the claimant is who made them and where the claim appeared comes from their
evidence.  So a verdict carries everything a schema.org ``ClaimReview`` needs with
the assertions it names: the claim's text, the claimant, its appearances (and the
first of them), the reviewer, the date and URL of the review and the rating.

A verdict is never an assertion: the reviewer does not put the claim forward, and
the corroboration analysis never counts a verdict as an origin.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import attrs

from claimmodel.exceptions import InvalidTypeError, InvalidValueError
from claimmodel.model import _checks as check
from claimmodel.model._assertions import Evidence
from claimmodel.model._dates import PartialDate
from claimmodel.model._frozen import EMPTY_MAP, FrozenMap, JSONValue

__all__ = ["Rating", "Verdict"]


@attrs.frozen(kw_only=True)
class Rating:
    """A rating as ClaimReview's ``reviewRating`` has it: a ``label`` ("Mostly false",
    its ``alternateName``) and, optionally, a ``value`` between ``worst`` and ``best``
    (``ratingValue``, ``worstRating``, ``bestRating``).

    The three numbers come together or not at all; ``best`` may be lower than
    ``worst`` (a scale where 1 is best), and ``value`` lies between them, both
    included.  ``scale`` is the id of the rating scale the label is a level of (one
    you define, see :class:`~claimmodel.Scale`); validation checks the label against it.
    """

    label: str = attrs.field(validator=check.text)
    value: float | None = check.number_field()
    best: float | None = check.number_field()
    worst: float | None = check.number_field()
    scale: str | None = attrs.field(default=None, validator=check.optional_identifier)
    extensions: FrozenMap[JSONValue] = attrs.field(
        default=EMPTY_MAP, converter=check.freeze_extensions
    )

    def __attrs_post_init__(self) -> None:
        numbers = {"value": self.value, "best": self.best, "worst": self.worst}
        missing = [name for name, number in numbers.items() if number is None]
        if missing and len(missing) < len(numbers):
            raise InvalidValueError(
                f"a rating's value, best and worst come together: {' and '.join(missing)} missing",
                field=missing[0],
            )
        value, best, worst = self.value, self.best, self.worst
        if value is None or best is None or worst is None:
            return
        if best == worst:
            raise InvalidValueError(
                f"a rating's best and worst must differ, not both {check.shown(best)}",
                field="best",
            )
        if not min(best, worst) <= value <= max(best, worst):
            raise InvalidValueError(
                f"a rating's value {check.shown(value)} is not between worst "
                f"{check.shown(worst)} and best {check.shown(best)}",
                field="value",
            )

    @property
    def position(self) -> Fraction | None:
        """Where the value lies from worst (0) to best (1), exactly; ``None`` without one.

        Exact, so that neither a huge integer nor a tiny float loses the answer.
        """
        if self.value is None or self.best is None or self.worst is None:
            return None
        worst = Fraction(self.worst)
        return (Fraction(self.value) - worst) / (Fraction(self.best) - worst)

    def __str__(self) -> str:
        if self.value is None:
            return self.label
        return f"{self.label} ({self.value} of {self.worst} to {self.best})"


def _as_tuple(value: object) -> tuple[str, ...]:
    # A list or a tuple, as tuple fields take them; a string is not a list of ids.
    if type(value) is tuple or type(value) is list:
        return tuple(value)
    raise InvalidTypeError(
        f"reviews must be a tuple or list of assertion ids, not {check.type_name(value)}",
        field="reviews",
    )


def _some_assertions(_: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    if not value:
        raise InvalidValueError(
            "a verdict reviews at least one assertion (the claim as someone made it)",
            field=attribute.name,
        )
    seen: set[str] = set()
    for index, item in enumerate(value):
        if item in seen:
            raise InvalidValueError(
                f"{attribute.name}[{index}] repeats assertion {check.shown(item)}",
                field=attribute.name,
            )
        seen.add(item)


@attrs.frozen(kw_only=True)
class Verdict:
    """A fact-check: the ``reviewer`` (a source id) rates the claim of the assertions it
    ``reviews`` (their ids, at least one, each once), on ``date``, in the review at
    ``url``, with a short ``explanation`` and the ``evidence`` it rests on.

    The claim reviewed is the one the reviewed assertions assert (validation checks
    they assert one claim, or claims declared the same); the claimants are their
    speakers.  A verdict is not an assertion: it never counts as an origin.
    """

    id: str = attrs.field(validator=check.identifier)
    reviewer: str = attrs.field(validator=check.identifier)
    """The id of the source that reviewed the claim (a fact-checking outlet, a person)."""
    reviews: tuple[str, ...] = attrs.field(
        converter=_as_tuple, validator=[check.identifier_items, _some_assertions]
    )
    """The ids of the assertions reviewed: the claim as it was made, by whom and where."""
    rating: Rating = attrs.field(validator=check.instance_of(Rating, "a Rating"))
    date: PartialDate | None = attrs.field(
        default=None, validator=check.optional_instance_of(PartialDate, "a PartialDate")
    )
    """When the review was published."""
    url: str | None = attrs.field(default=None, validator=check.optional_text)
    """Where the review can be read."""
    explanation: str | None = attrs.field(default=None, validator=check.optional_text)
    """A short explanation of the rating, in the reviewer's words."""
    evidence: tuple[Evidence, ...] = check.tuple_field(check.items_of(Evidence, "an Evidence"))
    """What the verdict rests on."""
    extensions: FrozenMap[JSONValue] = attrs.field(
        default=EMPTY_MAP, converter=check.freeze_extensions
    )

    def with_evidence(self, evidence: Evidence) -> Verdict:
        """A copy resting on one more piece of evidence."""
        return attrs.evolve(self, evidence=(*self.evidence, evidence))
