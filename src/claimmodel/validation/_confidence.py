"""Confidence rules (CM2xx): a level belongs to its scale and agrees with its band.

The scales are the built-in ones (:data:`claimmodel.model.SCALES`), those the bundle
declares and those passed to :func:`~claimmodel.validate` as ``scales``.  A converted confidence's
``original`` judgement is checked too, at its own path.  A stated probability
*agrees* with a level when it lies inside the level's band (both ends included,
give or take :data:`BAND_TOLERANCE` for floating-point noise, unless the band
excludes that end): an encoder may narrow "likely" (55–80 %) to 70 %, but not
widen it or step outside it.  A level that grades something other than
probability (analytic confidence, reliability, a rating) takes no probability.
A verdict's rating that names a scale is checked against it the same way.
"""

from __future__ import annotations

from claimmodel.model import Confidence, Interval, Level, Rating, Scale, ScaleKind
from claimmodel.validation._context import Context

__all__ = ["BAND_TOLERANCE", "EXTENSION_SCALE_PREFIX", "check"]

BAND_TOLERANCE = 1e-9
"""How far a stated probability may stray outside its level's band (CM202)."""

EXTENSION_SCALE_PREFIX = "x-"
"""Scale ids starting with this are the encoder's own and are not checked (CM205)."""


def _show(interval: Interval) -> str:
    if interval.low == interval.high:
        return f"{interval.low:.10g}"
    return f"[{interval.low:.10g}, {interval.high:.10g}]"


_Levels = dict[tuple[str, str], "Level | None"]


def _level(levels: _Levels, scale: Scale, text: str) -> Level | None:
    # Spellings repeat across a bundle; look each (scale, level) pair up once.
    key = (scale.id, text)
    if key not in levels:
        levels[key] = scale.level(text)
    return levels[key]


def _confidence(ctx: Context, confidence: Confidence, path: str, levels: _Levels) -> None:
    if confidence.original is not None:  # a conversion keeps the judgement it came from
        _confidence(ctx, confidence.original, f"{path}.original", levels)
    scale = ctx.scales.get(confidence.scale)
    if scale is None:
        if not confidence.scale.startswith(EXTENSION_SCALE_PREFIX):
            ctx.emit(
                "CM205",
                f"{path}.scale",
                f"scale {confidence.scale!r} is not one claimmodel knows, so its levels "
                "cannot be checked; use a known scale id (such as 'icd203' or 'probability'), "
                "declare it in the bundle's scales, pass your own Scale to "
                f"validate(scales=...), or name it with the prefix {EXTENSION_SCALE_PREFIX!r}",
            )
        return
    level = _level(levels, scale, confidence.level)
    if level is None:
        ctx.emit(
            "CM201",
            f"{path}.level",
            f"{confidence.level!r} is not a level of scale {scale.id!r}; "
            f"use one of: {scale.describe_levels()}",
        )
        return
    probability = confidence.probability
    if not level.judged:
        if probability is not None:
            ctx.emit(
                "CM203",
                f"{path}.probability",
                f"level {level.label!r} of scale {scale.id!r} means the confidence cannot be "
                f"judged, so it carries no probability; remove the probability "
                f"{_show(probability)}",
            )
        return
    if level.band is None:
        if probability is not None and not scale.is_probability:
            ctx.emit(
                "CM206",
                f"{path}.probability",
                f"level {level.label!r} of scale {scale.id!r} grades {scale.kind.value}, not "
                f"how likely the claim is, so it carries no probability; remove the "
                f"probability {_show(probability)}, or state the likelihood as a confidence "
                "on a likelihood scale",
            )
        return
    if probability is None:
        ctx.emit(
            "CM204",
            f"{path}.probability",
            f"level {level.label!r} of scale {scale.id!r} stands for {level.describe_band()} "
            "but no probability is stated, which reads as 'cannot be judged'; state the band "
            f"(low {level.band.low}, high {level.band.high}) or a narrower interval inside it",
        )
    elif not level.admits(probability, BAND_TOLERANCE):
        ctx.emit(
            "CM202",
            f"{path}.probability",
            f"{_show(probability)} is not within {level.describe_band()}, the band of level "
            f"{level.label!r} on scale {scale.id!r}; state an interval inside the band "
            "or choose the level that matches the probability",
        )


def _rating(ctx: Context, rating: Rating, path: str, levels: _Levels) -> None:
    """A verdict's rating: its label is a level of the rating scale it names, if any."""
    if rating.scale is None:
        return
    scale = ctx.scales.get(rating.scale)
    if scale is None:
        if not rating.scale.startswith(EXTENSION_SCALE_PREFIX):
            ctx.emit(
                "CM205",
                f"{path}.scale",
                f"rating scale {rating.scale!r} is not one claimmodel knows, so the label "
                "cannot be checked; declare it in the bundle's scales, pass your own Scale to "
                f"validate(scales=...), or name it with the prefix {EXTENSION_SCALE_PREFIX!r}",
            )
        return
    if scale.kind is not ScaleKind.RATING:
        ctx.emit(
            "CM207",
            f"{path}.scale",
            f"scale {scale.id!r} grades {scale.kind.value}, not a reviewer's rating of a "
            "claim; name a scale of kind 'rating'",
        )
        return
    if _level(levels, scale, rating.label) is None:
        ctx.emit(
            "CM201",
            f"{path}.label",
            f"{rating.label!r} is not a level of rating scale {scale.id!r}; "
            f"use one of: {scale.describe_levels()}",
        )


def check(ctx: Context) -> None:
    """Apply every confidence rule."""
    levels: _Levels = {}
    for index, source in enumerate(ctx.bundle.sources):
        if source.reliability is not None:
            _confidence(ctx, source.reliability, f"$.sources[{index}].reliability", levels)
    for index, assertion in enumerate(ctx.bundle.assertions):
        _confidence(ctx, assertion.confidence, f"$.assertions[{index}].confidence", levels)
    for index, verdict in enumerate(ctx.bundle.verdicts):
        _rating(ctx, verdict.rating, f"$.verdicts[{index}].rating", levels)
