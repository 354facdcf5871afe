"""Quantities: the figure a claim states ("between 10,000 and 12,000 troops")."""

from __future__ import annotations

import math

import attrs

from claimmodel.exceptions import InvalidValueError
from claimmodel.model import _checks as check
from claimmodel.model._frozen import EMPTY_MAP, FrozenMap, JSONValue

__all__ = ["Quantity"]


def _figure(number: float) -> str:
    return format(number, ",")


@attrs.frozen(kw_only=True)
class Quantity:
    """A figure a claim states: a ``value``, bounds, or both, with a ``unit``.

    ``value`` alone is a point ("600 killed"); ``lower`` and ``upper`` bound a range,
    either side left open when ``None`` ("at least 600": ``lower=600``), and
    ``lower_exclusive`` / ``upper_exclusive`` make a bound itself excluded ("more
    than 600").  A value with bounds is the estimate within them.  ``approximate``
    says the figure is hedged ("about 3 %").  Claims whose quantities share a
    ``measure`` (a key of your choosing, such as ``"nk-troops-in-kursk"``) are about
    the same quantity: the analysis reports their figures as conflicting when their
    ranges do not overlap.
    """

    measure: str | None = attrs.field(default=None, validator=check.optional_text)
    value: float | None = check.number_field()
    lower: float | None = check.number_field()
    upper: float | None = check.number_field()
    lower_exclusive: bool = attrs.field(
        default=False, validator=check.instance_of(bool, "a boolean")
    )
    upper_exclusive: bool = attrs.field(
        default=False, validator=check.instance_of(bool, "a boolean")
    )
    unit: str | None = attrs.field(default=None, validator=check.optional_text)
    """What is counted or measured, as written: ``"troops"``, ``"%"``, ``"km"``."""
    approximate: bool = attrs.field(default=False, validator=check.instance_of(bool, "a boolean"))
    extensions: FrozenMap[JSONValue] = attrs.field(
        default=EMPTY_MAP, converter=check.freeze_extensions
    )

    def __attrs_post_init__(self) -> None:
        if self.value is None and self.lower is None and self.upper is None:
            raise InvalidValueError("a quantity needs a value, a lower or an upper bound")
        for side in ("lower", "upper"):
            if getattr(self, f"{side}_exclusive") and getattr(self, side) is None:
                raise InvalidValueError(
                    f"{side}_exclusive needs a {side} bound to exclude",
                    field=f"{side}_exclusive",
                )

    @property
    def bounds(self) -> tuple[float, bool, float, bool]:
        """The range the figure allows: ``(low, low excluded, high, high excluded)``.

        A value alone is the closed range of itself; otherwise the bounds, a missing
        one open (infinite).
        """
        if self.lower is None and self.upper is None and self.value is not None:
            return self.value, False, self.value, False
        low = -math.inf if self.lower is None else self.lower
        high = math.inf if self.upper is None else self.upper
        return low, self.lower_exclusive, high, self.upper_exclusive

    def overlaps(self, other: Quantity) -> bool:
        """Whether the two ranges share a number (the units and measures are not compared)."""
        return _meet(self.bounds, other.bounds) and _meet(other.bounds, self.bounds)

    def __str__(self) -> str:
        unit = f" {self.unit}" if self.unit is not None else ""
        about = "about " if self.approximate else ""
        if self.lower is None and self.upper is None and self.value is not None:
            return f"{about}{_figure(self.value)}{unit}"
        if (
            self.lower is not None
            and self.upper is not None
            and not (self.lower_exclusive or self.upper_exclusive)
        ):
            span = f"between {_figure(self.lower)} and {_figure(self.upper)}"
        else:
            parts = []
            if self.lower is not None:
                word = "more than" if self.lower_exclusive else "at least"
                parts.append(f"{word} {_figure(self.lower)}")
            if self.upper is not None:
                word = "less than" if self.upper_exclusive else "at most"
                parts.append(f"{word} {_figure(self.upper)}")
            span = " and ".join(parts)
        if self.value is not None:
            return f"{about}{_figure(self.value)}{unit} ({span})"
        return f"{'roughly ' if self.approximate else ''}{span}{unit}"


def _meet(first: tuple[float, bool, float, bool], second: tuple[float, bool, float, bool]) -> bool:
    """Whether ``first`` does not end before ``second`` begins."""
    high, high_excluded = first[2], first[3]
    low, low_excluded = second[0], second[1]
    if high > low:
        return True
    return high == low and not (high_excluded or low_excluded)
