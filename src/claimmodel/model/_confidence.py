"""Confidence: a level on a named scale, the probability band it stands for, and who said so.

The original scale and level are kept beside the numbers, because a round trip
through a single 0–100 number drifts: a converted confidence carries the
judgement it was converted from in ``original``.  A confidence with no
probability interval either *cannot be judged* (a statement, not a number) or
is on a scale that does not grade probability at all (analytic confidence,
source reliability); its :class:`~claimmodel.Scale` tells which.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import attrs

from claimmodel.exceptions import InvalidTypeError, InvalidValueError
from claimmodel.model import _checks as check
from claimmodel.model._frozen import EMPTY_MAP, FrozenMap, JSONValue
from claimmodel.model._interval import Interval
from claimmodel.model._scale import CANNOT_BE_JUDGED, Scale, is_unjudged

__all__ = ["CANNOT_BE_JUDGED", "Confidence", "Interval"]


@cache
def _builtin_scale() -> Callable[[str], Scale | None]:
    """:func:`~claimmodel.get_scale`, imported on first use.

    Building and decoding records never needs the built-in tables, so their
    module loads when a confidence is first parsed or asked whether it is
    judged.  Cached, because an import statement costs about a microsecond even
    when the module is loaded, and :attr:`Confidence.judged` runs for every
    confidence an analysis summarizes.
    """
    from claimmodel.model._scales import get_scale  # noqa: PLC0415  (the tables load lazily)

    return get_scale


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
        if is_unjudged(self.level) and self.probability is not None:
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

        False for :data:`CANNOT_BE_JUDGED` and for the levels a built-in scale
        defines as "cannot be judged"; on any other scale (one you define
        included), true exactly when there is a probability band.
        :meth:`Scale.judges` answers for a scale you define.
        """
        if is_unjudged(self.level):
            return False
        scale = _builtin_scale()(self.scale)
        level = scale.level(self.level) if scale is not None else None
        if level is None:
            return self.probability is not None
        return level.judged

    @classmethod
    def parse(
        cls,
        text: str,
        *,
        scale: str | Scale,
        assessor: str | None = None,
        basis: str | None = None,
    ) -> Confidence:
        """The confidence spelt ``text`` on ``scale``, with the level's canonical label and band.

        ``scale`` is a built-in scale id or a :class:`~claimmodel.Scale` (one you
        define, for instance).  Every published spelling is accepted,
        case-insensitively ("Probable", "highly improbable", "b", "2 - probably
        true"); anything else raises :class:`~claimmodel.exceptions.InvalidValueError`
        listing the valid levels.
        """
        if type(text) is not str:
            raise InvalidTypeError(
                f"a confidence level must be a string, not {check.type_name(text)}", field="level"
            )
        if isinstance(scale, Scale):
            found = scale
        else:
            from claimmodel.model._scales import require_scale  # noqa: PLC0415  (lazy tables)

            found = require_scale(scale)
        level = found.level(text)
        if level is None:
            raise InvalidValueError(
                f"{text!r} is not a level of scale {found.id!r}; valid levels: "
                f"{found.describe_levels()}",
                field="level",
            )
        return cls(
            scale=found.id,
            level=level.label,
            probability=level.band,
            assessor=assessor,
            basis=basis,
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
