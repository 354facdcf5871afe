"""Interval: a closed probability interval within [0, 1], the band a confidence stands for."""

from __future__ import annotations

import attrs

from claimmodel.exceptions import InvalidTypeError, InvalidValueError
from claimmodel.model import _checks as check

__all__ = ["Interval"]


def _probability(value: object, name: str) -> float:
    # The range is checked before any conversion, so an integer beyond any float
    # (2**1024) is out of range like any other, not an OverflowError.  -0.0 becomes
    # 0.0, as 1 becomes 1.0: one probability, one value, so equal intervals encode
    # identically.
    if (type(value) is float or type(value) is int) and 0 <= value <= 1:  # not NaN
        return float(value) + 0.0
    if type(value) is not float and type(value) is not int:
        raise InvalidTypeError(f"{name} must be a number, not {check.type_name(value)}", field=name)
    raise InvalidValueError(
        f"{name} must be a probability from 0 to 1, not {check.shown(value)}", field=name
    )


def _low(value: object) -> float:
    return _probability(value, "low")


def _high(value: object) -> float:
    return _probability(value, "high")


@attrs.frozen(kw_only=True)
class Interval:
    """A closed probability interval ``[low, high]`` within ``[0, 1]``; a point when equal.

    A band that excludes a bound (IPCC "more likely than not", more than 50 %) is
    a property of the scale's level (:attr:`claimmodel.Level.low_open`), not of
    the interval a record states: a stated interval is always closed.
    """

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
