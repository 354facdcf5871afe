"""The rules that carry a judgement across scales: the standards' tables first, then one rule.

:func:`convert` expresses a confidence on another scale, never stronger than the
judgement it came from unless a published table says otherwise;
:func:`summarize` gives the envelope of several judged probability bands;
:func:`admiralty_code` puts source reliability and information credibility
together.  The tables are data in :mod:`claimmodel.model._scales`; the rule is
stated in ``docs/confidence.md``.

Strength.  A band's *strength* is the distance from 0.5 of its bound nearest 0.5
(0 when the band contains 0.5), and its *side* is whether it lies above or below
0.5.  "Likely" in IPCC's sense (66–100 %) is as strong as 66 %; ICD 203's "likely"
(55–80 %) as strong as 55 %.  A converted level must lie on the same side of 0.5
as its source, or contain 0.5, and be no stronger.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, NamedTuple

from claimmodel.exceptions import InvalidTypeError, InvalidValueError
from claimmodel.model._checks import argument, arguments, type_name
from claimmodel.model._confidence import Confidence
from claimmodel.model._interval import Interval
from claimmodel.model._scale import Level, Scale, is_unjudged, probability_label
from claimmodel.model._scales import SCALES, STIX, STIX_TABLES, catalog, require_scale

if TYPE_CHECKING:
    from claimmodel.model._assertions import Assertion
    from claimmodel.model._sources import Source

__all__ = [
    "TOLERANCE",
    "admiralty_code",
    "convert",
    "envelope",
    "states_judgement",
    "summarize",
]

TOLERANCE = 1e-9
"""How much stronger than its source a level may be, for floating-point noise alone."""

ADMIRALTY_RELIABILITY = "admiralty-reliability"
ADMIRALTY_CREDIBILITY = "admiralty-credibility"


class _Band(NamedTuple):
    """A probability band with its open bounds: a stated interval, or a level's band."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    @classmethod
    def of(cls, level: Level) -> _Band:
        band = level.band
        assert band is not None
        return cls(band.low, band.high, level.low_open, level.high_open)

    @property
    def centre(self) -> float:
        return (self.low + self.high) / 2

    @property
    def side(self) -> int:
        """+1 above 0.5, -1 below it, 0 when the band contains 0.5."""
        if self.low > 0.5 or (self.low == 0.5 and self.low_open):
            return 1
        if self.high < 0.5 or (self.high == 0.5 and self.high_open):
            return -1
        return 0

    @property
    def strength(self) -> float:
        """The distance from 0.5 of the bound nearest 0.5 (0 when the band contains 0.5)."""
        side = self.side
        if side > 0:
            return self.low - 0.5
        if side < 0:
            return 0.5 - self.high
        return 0.0

    def no_stronger_than(self, source: _Band) -> bool:
        """Whether this band states no more than ``source``: same side (or none), no stronger."""
        side = self.side
        return side == 0 or (side == source.side and self.strength <= source.strength + TOLERANCE)

    def within(self, outer: _Band) -> bool:
        """Whether this band lies inside ``outer``, open bounds respected."""
        low_ok = outer.low < self.low or (
            outer.low == self.low and (self.low_open or not outer.low_open)
        )
        high_ok = self.high < outer.high or (
            self.high == outer.high and (self.high_open or not outer.high_open)
        )
        return low_ok and high_ok

    def distance(self, point: float) -> float:
        if point < self.low:
            return self.low - point
        return max(point - self.high, 0.0)

    def describe(self) -> str:
        if self.low == self.high:
            return f"{self.low:.10g}"
        low = f"(>{self.low:.10g}" if self.low_open else f"[{self.low:.10g}"
        high = f"<{self.high:.10g})" if self.high_open else f"{self.high:.10g}]"
        return f"{low}, {high}"


# --- choosing a level -----------------------------------------------------------------


def _choose(source: _Band, target: Scale, *, corroborated: bool) -> Level:
    """The target level for a source band by the general rule.

    Only levels no stronger than the source, on its side of 0.5 (or containing
    0.5), are allowed; a level that states confirmation by other sources only
    when the judgement is ``corroborated``.  Among them: the narrowest level
    whose band contains the whole source band; otherwise the level nearest the
    source's centre (one containing the centre first, the narrowest of those).
    Ties go to the level whose centre is nearest the source's, then the weaker,
    then the lower.
    """
    allowed: list[tuple[Level, _Band]] = []
    for level in target.judged_levels:
        if level.band is None or (level.corroborated and not corroborated):
            continue
        band = _Band.of(level)
        if band.no_stronger_than(source):
            allowed.append((level, band))
    if not allowed:
        raise InvalidValueError(
            f"no level of scale {target.id!r} states as little as {source.describe()}: each "
            "would state a stronger judgement than the one converted",
            field="scale",
        )
    centre = source.centre
    containing = [item for item in allowed if source.within(item[1])]

    def order(item: tuple[Level, _Band]) -> tuple[float, float, float, float, int]:
        level, band = item
        gap = 0.0 if containing else band.distance(centre)
        return (
            gap,
            band.high - band.low,
            abs(band.centre - centre),
            band.strength,
            level.rank or 0,
        )

    return min(containing or allowed, key=order)[0]


def _stix_table(scale: Scale, scales: Mapping[str, Scale]) -> Scale | None:
    """The STIX Appendix A table that spells ``scale``'s levels (itself for A.1–A.5)."""
    if scale.id in STIX_TABLES:
        return scale
    if scale.stix_table is not None:
        return scales[scale.stix_table]
    return None


def _published(
    source: Scale,
    level: Level,
    target: Scale,
    scales: Mapping[str, Scale],
    *,
    corroborated: bool,
) -> Level | None:
    """The target level STIX 2.1 Appendix A gives for ``level``, or None if it gives none.

    A level with a STIX table converts to ``stix`` by the table's value, and ``stix``
    converts to a scale with a table by the table's ranges; between two scales with
    tables, through the STIX value (two published tables, no judgement of ours),
    and between two spellings of one table (ICD 203 and the DNI scale) level for
    level.  On the doctrine's Admiralty scale a STIX value never reaches grade 1
    unless the judgement is ``corroborated`` (the rule chooses instead): only
    STIX's own presentation of the value (``stix-admiralty``) follows A.3 there.
    """
    source_table = _stix_table(source, scales)
    value: int | None = None
    if source is STIX:
        value = level.stix
    elif source_table is not None:
        value = source_table.judged_levels[level.rank or 0].stix
    if value is None:
        return None
    if target is STIX:
        return STIX.judged_levels[value]
    target_table = _stix_table(target, scales)
    if target_table is None:
        return None
    if target_table is source_table:
        return target.judged_levels[level.rank or 0]
    read = next(
        found
        for found in target_table.judged_levels
        if found.band is not None and value / 100 in found.band
    )
    chosen = target.judged_levels[read.rank or 0]
    if chosen.corroborated and not corroborated and target.id not in STIX_TABLES:
        return None  # the rule chooses, and never reaches the corroborated grade
    return chosen


# --- conversion -----------------------------------------------------------------------


def _root(confidence: Confidence) -> Confidence:
    return confidence.original if confidence.original is not None else confidence


def _scales_with(scales: Iterable[Scale], to: str | Scale) -> tuple[Mapping[str, Scale], Scale]:
    if isinstance(to, Scale):
        known = catalog((*scales, to))
        return known, known[to.id]
    if type(to) is not str:
        raise InvalidTypeError(f"to must be a scale id or a Scale, not {type_name(to)}", field="to")
    known = catalog(scales)
    return known, require_scale(to, known)


def convert(confidence: Confidence, to: str | Scale, *, scales: Iterable[Scale] = ()) -> Confidence:
    """The same confidence expressed on scale ``to``, keeping the original beside it.

    ``to`` is a scale id or a :class:`~claimmodel.Scale`; ``scales`` are scales
    you define, by which the confidence's own scale and ``to`` are found besides
    the built-in ones.  The rule (see ``docs/confidence.md``):

    * a confidence already on ``to`` is returned unchanged, and one whose
      ``original`` is on ``to`` gets its original back, so converting to any
      scale and back returns exactly what was there;
    * conversion always starts from the *original* judgement, and the result's
      ``original`` is that original, so chains of conversions do not drift;
    * a confidence that cannot be judged becomes the target's "cannot be judged"
      level, never a number;
    * to ``probability``: the judged band itself;
    * where STIX 2.1 Appendix A publishes the mapping (a level of a scale with a
      STIX table to ``stix``, ``stix`` to such a scale, and between two of them
      through the STIX value), the table decides;
    * otherwise the target level is no stronger than the judged band, on its side
      of 0.5, and among those allowed the narrowest level containing the band
      wins, else the one nearest its centre.

    The judged band is the confidence's stated ``probability``, else its level's
    band.  A stated band that differs from its level's band is a judgement in
    numbers: it chooses the target level by the rule (not by a table, which maps
    words), and it survives as the result's ``probability`` whenever the chosen
    level's band contains it; otherwise the result carries the level's band.
    Assessor, basis and extensions are kept.  Levels that grade something other
    than probability (analytic confidence, reliability, a rating) cannot be
    converted to another scale: an :class:`InvalidValueError` says so.
    """
    argument("convert", confidence, Confidence, "a Confidence")
    known, target = _scales_with(scales, to)
    return _convert(confidence, target, known, corroborated=False)


def _convert(
    confidence: Confidence, target: Scale, scales: Mapping[str, Scale], *, corroborated: bool
) -> Confidence:
    if confidence.scale == target.id:
        return confidence
    root = _root(confidence)
    if root.scale == target.id:
        return root
    source = scales.get(root.scale)
    level = source.level(root.level) if source is not None else None
    if source is not None and level is None:
        raise InvalidValueError(
            f"{root.level!r} is not a level of scale {root.scale!r}; valid levels: "
            f"{source.describe_levels()}",
            field="level",
        )
    if is_unjudged(root.level) or (level is not None and not level.judged):
        return _result(root, target, target.unjudged_level().label, None)
    if source is not None and not source.is_probability:
        raise InvalidValueError(
            f"{root.level!r} on scale {root.scale!r} is not a probability and has no "
            f"equivalent on scale {target.id!r}",
            field="level",
        )
    stated = root.probability
    words: Level | None = None  # the judgement as its level's word, which a table may map
    if level is not None and level.band is not None and stated in (None, level.band):
        band, words = _Band.of(level), level  # the level's own band, open bounds and all
    elif stated is not None:
        band = _Band(stated.low, stated.high)
    else:
        raise InvalidValueError(
            f"{root.level!r} on scale {root.scale!r} states no probability and has no "
            f"equivalent on scale {target.id!r}",
            field="level",
        )
    if not target.is_probability:
        raise InvalidValueError(
            f"scale {target.id!r} grades {target.kind.value}, not probability: "
            f"a probability cannot be converted to it",
            field="scale",
        )
    if target.open:
        interval = Interval(low=band.low, high=band.high)
        return _result(root, target, probability_label(interval), interval)
    chosen = None
    if source is not None and words is not None:
        chosen = _published(source, words, target, scales, corroborated=corroborated)
    if chosen is None:
        chosen = _choose(band, target, corroborated=corroborated)
    kept = Interval(low=band.low, high=band.high) if band.within(_Band.of(chosen)) else chosen.band
    return _result(root, target, chosen.label, kept)


def _result(root: Confidence, target: Scale, label: str, band: Interval | None) -> Confidence:
    return Confidence(
        scale=target.id,
        level=label,
        probability=band,
        assessor=root.assessor,
        basis=root.basis,
        extensions=root.extensions,
        original=root,
    )


# --- summaries and Admiralty codes ----------------------------------------------------


def _band_of(confidence: Confidence, scales: Mapping[str, Scale]) -> Interval | None:
    """The probability band a judgement stands for, or None if it stands for none."""
    if is_unjudged(confidence.level):
        return None
    scale = scales.get(confidence.scale)
    level = scale.level(confidence.level) if scale is not None else None
    if scale is None or level is None:
        return confidence.probability  # a scale or level claimmodel cannot check
    if not level.judged or not scale.is_probability:
        return None  # cannot be judged, or a grade: never folded into likelihood
    return confidence.probability if confidence.probability is not None else level.band


def states_judgement(confidence: Confidence, scales: Mapping[str, Scale]) -> bool:
    """Whether ``confidence`` states a judgement (a band or a grade) on ``scales``.

    :attr:`Confidence.judged` with scales you define: a rating or an analytic
    confidence is a judgement though it carries no probability; only the levels
    that cannot be judged are not.  On a scale or level not in ``scales``: whether
    a probability is stated.
    """
    root = _root(confidence)
    if is_unjudged(root.level):
        return False
    scale = scales.get(root.scale)
    level = scale.level(root.level) if scale is not None else None
    if level is None:
        return root.probability is not None
    return level.judged


def summarize(
    confidences: Iterable[Confidence], *, scales: Iterable[Scale] = ()
) -> Interval | None:
    """A conservative summary of several confidences in one claim: their envelope.

    The result is the smallest interval containing every judged probability band
    — ``[lowest low, highest high]`` — taken from each confidence's original
    judgement when it was converted (and from its level when no band is stated).
    Confidences that cannot be judged and grades that are not probabilities
    (analytic confidence, reliability, ratings — even with a band wrongly stated)
    are left out; ``None`` when none is left.  ``scales`` are scales you define,
    read like the built-in ones.  Nothing is averaged: disagreement widens the
    interval instead of hiding in a mean.
    """
    confidences = arguments("summarize", confidences, Confidence, "Confidences")
    return envelope(confidences, catalog(scales))


def envelope(confidences: Iterable[Confidence], scales: Mapping[str, Scale]) -> Interval | None:
    """:func:`summarize` with the scales already looked up by id (see :func:`catalog`)."""
    low = high = None
    for confidence in confidences:
        band = _band_of(_root(confidence), scales)
        if band is None:
            continue
        low = band.low if low is None else min(low, band.low)
        high = band.high if high is None else max(high, band.high)
    if low is None or high is None:
        return None
    return Interval(low=low, high=high)


def admiralty_code(source: Source, assertion: Assertion, *, independent_origins: int) -> str:
    """The two-character Admiralty grading of an assertion by a source, such as ``"B2"``.

    The letter is the source's ``reliability`` on ``admiralty-reliability``
    ("F", reliability cannot be judged, when it is missing, on another scale or
    cannot be judged).  The digit is the assertion's ``confidence`` converted to
    ``admiralty-credibility`` ("6" when it cannot be judged or is not a
    probability).  Grade 1 means *confirmed by other sources*: it needs at least
    two ``independent_origins`` behind the claim (as
    :attr:`claimmodel.analysis.ClaimAnalysis.independent_origins` counts them),
    and then a probability that STIX Appendix A.3 reads as 1 (80–100) reaches
    it; with fewer, the digit is at most 2, whatever the confidence says.
    """
    from claimmodel.model._assertions import Assertion  # noqa: PLC0415  (no cycle)
    from claimmodel.model._sources import SOURCE_CLASSES  # noqa: PLC0415

    argument("admiralty_code", source, tuple(SOURCE_CLASSES.values()), "a source")
    argument("admiralty_code", assertion, Assertion, "an Assertion")
    if type(independent_origins) is not int:
        raise InvalidTypeError(
            f"independent_origins must be an integer, not {type_name(independent_origins)}",
            field="independent_origins",
        )
    if independent_origins < 0:
        raise InvalidValueError(
            f"independent_origins must not be negative, not {independent_origins}",
            field="independent_origins",
        )
    corroborated = independent_origins >= 2
    letter = "F"
    reliability = source.reliability
    if reliability is not None and reliability.scale == ADMIRALTY_RELIABILITY:
        level = SCALES[ADMIRALTY_RELIABILITY].level(reliability.level)
        if level is not None and level.code is not None:
            letter = level.code
    credibility = SCALES[ADMIRALTY_CREDIBILITY]
    try:
        converted = _convert(assertion.confidence, credibility, SCALES, corroborated=corroborated)
    except InvalidValueError:
        return f"{letter}6"
    level = credibility.level(converted.level)
    digit = "6" if level is None or level.code is None else level.code
    if level is not None and level.corroborated and not corroborated:
        digit = credibility.judged_levels[(level.rank or 0) - 1].code or digit
    return f"{letter}{digit}"
