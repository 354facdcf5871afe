"""``validate``: apply every selected rule to a bundle and report what it finds."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from claimmodel.exceptions import InvalidTypeError
from claimmodel.model import Bundle, Scale
from claimmodel.model._checks import type_name
from claimmodel.model._scales import catalog
from claimmodel.validation import (
    _attribution,
    _confidence,
    _dates,
    _hedges,
    _orphans,
    _quantities,
    _references,
    _review,
    _spans,
)
from claimmodel.validation._context import Context
from claimmodel.validation._registry import resolve_severities
from claimmodel.validation._report import Report, Severity

__all__ = ["validate"]

_FAMILIES = (
    _attribution,
    _confidence,
    _references,
    _hedges,
    _dates,
    _spans,
    _orphans,
    _review,
    _quantities,
)


def validate(
    bundle: Bundle,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    severities: Mapping[str, Severity | str] | None = None,
    warnings_as_errors: bool = False,
    scales: Iterable[Scale] = (),
) -> Report:
    """Check ``bundle`` against every document-level rule and report all findings.

    ``select`` limits the rules applied to these codes or code prefixes (``"CM1"``
    is the attribution family); ``ignore`` drops codes or prefixes and wins over
    ``select``; ``severities`` overrides the default severity of codes or
    prefixes (``{"CM701": "error"}``); ``warnings_as_errors`` turns every
    remaining warning into an error.  ``scales`` are scales you define (a
    newsroom's rating scale, an in-house confidence scale): confidences on them
    are checked like those on the built-in scales, whose ids they may not
    redefine.  An unknown code raises
    :class:`~claimmodel.exceptions.InvalidValueError`, an option of the wrong type
    :class:`~claimmodel.exceptions.InvalidTypeError`.

    Findings come out in document order (by path, then code).  Validation indexes
    the bundle once and takes time linear in its size.
    """
    if not isinstance(bundle, Bundle):
        raise InvalidTypeError(f"validate() needs a Bundle, not {type_name(bundle)}")
    chosen = resolve_severities(
        select=select, ignore=ignore, severities=severities, warnings_as_errors=warnings_as_errors
    )
    ctx = Context(bundle, chosen, catalog(scales))
    for family in _FAMILIES:
        family.check(ctx)
    return Report(ctx.findings)
