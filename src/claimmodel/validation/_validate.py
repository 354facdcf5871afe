"""``validate``: apply every selected rule to a bundle and report what it finds."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from claimmodel.exceptions import InvalidTypeError, InvalidValueError
from claimmodel.format._fast import bundle_is_large, gc_paused
from claimmodel.model import Bundle, Scale
from claimmodel.model._checks import type_name
from claimmodel.model._scales import with_declared
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
    _verdicts,
)
from claimmodel.validation._context import Context
from claimmodel.validation._registry import NOT_LISTED, resolve_severities
from claimmodel.validation._report import Finding, Report, Severity

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
    _verdicts,
)


def validate(
    bundle: Bundle,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    severities: Mapping[str, Severity | str] | None = None,
    warnings_as_errors: bool = False,
    scales: Iterable[Scale] = (),
    max_findings: int | None = None,
) -> Report:
    """Check ``bundle`` against every document-level rule and report all findings.

    ``select`` limits the rules applied to these codes or code prefixes (``"CM1"``
    is the attribution family); ``ignore`` drops codes or prefixes and wins over
    ``select``; ``severities`` overrides the default severity of codes or
    prefixes (``{"CM701": "error"}``); ``warnings_as_errors`` turns every
    remaining warning into an error.  ``scales`` are scales you define (a
    newsroom's rating scale, an in-house confidence scale): confidences on them
    are checked like those on the built-in scales, whose ids they may not
    redefine; the scales the bundle declares (``Bundle.scales``) are used alike,
    a scale passed here winning over a declared one of the same id.  An unknown code raises
    :class:`~claimmodel.exceptions.InvalidValueError`, an option of the wrong type
    :class:`~claimmodel.exceptions.InvalidTypeError`.

    Findings come out in document order (by path, then code).  Validation indexes
    the bundle once and takes time linear in its size.  ``max_findings`` bounds the
    report, and the memory it takes, whatever the bundle holds: only the first that
    many findings in document order are listed, and one more, ``CM003`` at ``$``,
    says how many errors and warnings were left out (the report's
    ``unlisted_errors`` and ``unlisted_warnings``); it is an error when any of them
    is, so that :attr:`Report.ok` still judges the whole bundle.  By default every
    finding is listed.
    """
    if not isinstance(bundle, Bundle):
        raise InvalidTypeError(f"validate() needs a Bundle, not {type_name(bundle)}")
    if max_findings is not None and type(max_findings) is not int:
        raise InvalidTypeError(
            f"max_findings must be an integer or None, not {type_name(max_findings)}"
        )
    if max_findings is not None and max_findings < 1:
        raise InvalidValueError(f"max_findings must be at least 1, not {max_findings}")
    chosen = resolve_severities(
        select=select, ignore=ignore, severities=severities, warnings_as_errors=warnings_as_errors
    )
    # The indexes and findings hold no cycles: for a large bundle, the collector's
    # passes over them while they grow would find nothing (docs/performance.md).
    with gc_paused(bundle_is_large(bundle)):
        declared = with_declared(scales, bundle.declared_scales)
        ctx = Context(bundle, chosen, declared, limit=max_findings)
        for family in _FAMILIES:
            family.check(ctx)
        ctx.trim()
    if not ctx.unlisted_errors and not ctx.unlisted_warnings:
        return Report(ctx.findings)
    return Report(
        [*ctx.findings, _not_listed(ctx)],
        unlisted_errors=ctx.unlisted_errors,
        unlisted_warnings=ctx.unlisted_warnings,
    )


def _counted(number: int, noun: str) -> str:
    return f"{number:,} {noun}" if number == 1 else f"{number:,} {noun}s"


def _not_listed(ctx: Context) -> Finding:
    """The CM003 finding that counts what ``max_findings`` left out."""
    errors, warnings = ctx.unlisted_errors, ctx.unlisted_warnings
    return Finding(
        code=NOT_LISTED.code,
        severity=Severity.ERROR if errors else Severity.WARNING,
        path="$",
        message=(
            f"{_counted(errors + warnings, 'more finding')} not listed "
            f"({_counted(errors, 'error')}, {_counted(warnings, 'warning')}): "
            f"the report stops at max_findings={ctx.limit:,}; fix those listed first, or "
            "raise max_findings (--max-findings on the command line) to see them"
        ),
    )
