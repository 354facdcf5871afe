"""Confidence: a level on a named scale, the probability band it stands for, and who said so.

The original scale and level are kept beside the numbers, because a round trip
through a single 0–100 number drifts: a converted confidence carries the
judgement it was converted from in ``original``.  A confidence with no
probability interval either *cannot be judged* (a statement, not a number) or
is on a scale that does not grade probability at all (analytic confidence,
source reliability); the scales in :mod:`claimmodel.model._scales` tell which.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

import attrs

from claimmodel.exceptions import InvalidTypeError, InvalidValueError
from claimmodel.model import _checks as check
from claimmodel.model._frozen import EMPTY_MAP, FrozenMap, JSONValue

if TYPE_CHECKING:
    from claimmodel.model._scales import Scale

__all__ = ["CANNOT_BE_JUDGED", "Confidence", "Interval"]

CANNOT_BE_JUDGED = "cannot-be-judged"
"""The level, valid on every scale, that says no judgement is possible."""


@cache
def _scale_lookup() -> Callable[[str], Scale | None]:
    """:func:`~claimmodel.model._scales.get_scale`, imported on first use (scales import us).

    Cached, because an import statement costs about a microsecond even when the
    module is loaded, and :attr:`Confidence.judged` runs for every confidence an
    analysis summarizes.
    """
    from claimmodel.model._scales import get_scale  # noqa: PLC0415

    return get_scale


def _probability(value: object, name: str) -> float:
    if type(value) is float:
        number = value
    elif type(value) is int:
        number = float(value)
    else:
        raise InvalidTypeError(f"{name} must be a number, not {check.type_name(value)}", field=name)
    if not (math.isfinite(number) and 0.0 <= number <= 1.0):
        raise InvalidValueError(
            f"{name} must be a probability from 0 to 1, not {value!r}", field=name
        )
    return number


def _low(value: object) -> float:
    return _probability(value, "low")


def _high(value: object) -> float:
    return _probability(value, "high")


@attrs.frozen(kw_only=True)
class Interval:
    """A closed probability interval ``[low, high]`` within ``[0, 1]``; a point when equal."""

    low: float = attrs.field(converter=_low)
    high: float = attrs.field(converter=_high)

    def __attrs_post_init__(self) -> None:
        if self.low > self.high:
            raise InvalidValueError(
                f"low ({self.low}) must not exceed high ({self.high})", field="low"
            )

    @classmethod
    def point(cls, probability: float) -> Interval:
        """The degenerate interval ``[p, p]``."""
        return cls(low=probability, high=probability)

    def __contains__(self, probability: object) -> bool:
        return isinstance(probability, int | float) and self.low <= probability <= self.high

    def __str__(self) -> str:
        if self.low == self.high:
            return f"{self.low:.0%}"
        return f"{self.low:.0%}–{self.high:.0%}"


@attrs.frozen(kw_only=True)
class Confidence:
    """How sure someone is: ``level`` on ``scale``, the ``probability`` band it stands for,
    the ``assessor`` (a source id) and the ``basis`` of the judgement.

    ``probability`` is ``None`` when the level stands for no probability: either it
    cannot be judged (:data:`CANNOT_BE_JUDGED`, Admiralty F or 6, STIX "Not
    Specified") or its scale grades something other than probability (ICD 203 and
    IPCC analytic confidence, Admiralty source reliability).  :attr:`judged`
    tells the two apart.  ``original`` is the judgement this confidence was
    converted from (see :func:`claimmodel.convert`), ``None`` for an original.
    Whether a level belongs to its scale and matches its band is checked by
    :func:`claimmodel.validate`, which knows the scales.
    """

    scale: str = attrs.field(validator=check.identifier)
    level: str = attrs.field(validator=check.text)
    probability: Interval | None = attrs.field(
        default=None, validator=check.optional_instance_of(Interval, "an Interval")
    )
    assessor: str | None = attrs.field(default=None, validator=check.optional_identifier)
    basis: str | None = attrs.field(default=None, validator=check.optional_text)
    original: Confidence | None = attrs.field(default=None)
    """The judgement this confidence was converted from; never itself a conversion."""
    extensions: FrozenMap[JSONValue] = attrs.field(
        default=EMPTY_MAP, converter=check.freeze_extensions
    )

    def __attrs_post_init__(self) -> None:
        if self.level == CANNOT_BE_JUDGED and self.probability is not None:
            raise InvalidValueError(
                "a confidence that cannot be judged carries no probability", field="probability"
            )
        if self.original is not None:
            if not isinstance(self.original, Confidence):
                raise InvalidTypeError(
                    f"original must be a Confidence, not {check.type_name(self.original)}",
                    field="original",
                )
            if self.original.original is not None:
                raise InvalidValueError(
                    "original must be the first judgement, not itself a conversion",
                    field="original",
                )

    @property
    def judged(self) -> bool:
        """Whether this confidence states a judgement (it may still carry no probability).

        False for :data:`CANNOT_BE_JUDGED` and for the levels a known scale defines
        as "cannot be judged"; on a scale claimmodel does not know, true exactly when
        there is a probability band.
        """
        if self.level == CANNOT_BE_JUDGED:
            return False
        scale = _scale_lookup()(self.scale)
        level = scale.level(self.level) if scale is not None else None
        if level is None:
            return self.probability is not None
        return level.judged

    @classmethod
    def parse(
        cls,
        text: str,
        *,
        scale: str,
        assessor: str | None = None,
        basis: str | None = None,
    ) -> Confidence:
        """The confidence spelt ``text`` on ``scale``, with the level's canonical label and band.

        Every published spelling is accepted, case-insensitively ("Probable",
        "highly improbable", "b", "2 - probably true"); anything else raises
        :class:`~claimmodel.exceptions.InvalidValueError` listing the valid levels.
        """
        from claimmodel.model._scales import parse_level  # noqa: PLC0415  (scales import us)

        if type(text) is not str:
            raise InvalidTypeError(
                f"a confidence level must be a string, not {check.type_name(text)}", field="level"
            )
        level = parse_level(text, scale)
        return cls(
            scale=scale, level=level.label, probability=level.band, assessor=assessor, basis=basis
        )

    @classmethod
    def cannot_be_judged(
        cls, *, scale: str = "probability", assessor: str | None = None, basis: str | None = None
    ) -> Confidence:
        """The explicit statement that no confidence can be given."""
        return cls(
            scale=scale, level=CANNOT_BE_JUDGED, probability=None, assessor=assessor, basis=basis
        )

    def with_basis(self, basis: str) -> Confidence:
        """A copy with the stated ``basis`` replaced."""
        return attrs.evolve(self, basis=basis)

    def __str__(self) -> str:
        band = f" ({self.probability})" if self.probability is not None else ""
        was = f", from {self.original}" if self.original is not None else ""
        return f"{self.level} [{self.scale}]{band}{was}"
