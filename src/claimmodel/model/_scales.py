"""Named confidence scales: their levels, published spellings and probability bands.

Every scale a profession uses to say how sure it is lives here as data, keyed by
a scale id that is part of the wire contract (``Confidence.scale``):

========================== ===============================================================
id                         scale
========================== ===============================================================
``icd203``                 ICD 203 expressions of likelihood (seven terms, two spellings each)
``icd203-confidence``      ICD 203 analytic confidence: low, moderate, high
``ipcc``                   IPCC AR5 likelihood (nine terms, overlapping bands)
``ipcc-confidence``        IPCC AR5 confidence qualifiers: very low … very high
``admiralty-reliability``  NATO / Admiralty source reliability A–F
``admiralty-credibility``  NATO / Admiralty information credibility 1–6
``stix``                   STIX 2.1 ``confidence``: an integer 0–100
``stix-none-low-med-high`` STIX 2.1 Appendix A, None / Low / Med / High
``stix-0-10``              STIX 2.1 Appendix A, the 0–10 scale
``stix-admiralty``         STIX 2.1 Appendix A, Admiralty Credibility
``stix-wep``               STIX 2.1 Appendix A, Words of Estimative Probability
``stix-dni``               STIX 2.1 Appendix A, DNI scale
``probability``            a probability point or interval in [0, 1]
========================== ===============================================================

Three kinds of level exist:

* a level with a probability ``band`` — a likelihood (ICD 203, IPCC, STIX, Admiralty
  credibility, plain probability);
* a *judged* level without a band — analytic confidence (ICD 203, IPCC) and source
  reliability (Admiralty A–E) grade the evidence or the source, not the probability
  that a claim is true, so no band is invented for them;
* a level that *cannot be judged* — the universal :data:`CANNOT_BE_JUDGED`, accepted
  on every scale, and the published equivalents (Admiralty F and 6, STIX "Not
  Specified"); these never carry a number.

:func:`convert` moves a confidence between probability scales by band containment
and overlap, keeping the original level beside the result; :func:`summarize`
gives the envelope of several judged bands.  See ``docs/confidence.md``.
"""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING

import attrs

from claimmodel.exceptions import InvalidTypeError, InvalidValueError
from claimmodel.model._confidence import CANNOT_BE_JUDGED, Confidence, Interval

if TYPE_CHECKING:
    from claimmodel.model._assertions import Assertion
    from claimmodel.model._sources import Source

__all__ = [
    "SCALES",
    "Level",
    "Scale",
    "ScaleKind",
    "admiralty_code",
    "convert",
    "get_scale",
    "summarize",
]


class ScaleKind(enum.Enum):
    """What a scale grades."""

    LIKELIHOOD = "likelihood"
    """Verbal probability terms, each standing for a probability band."""
    CONFIDENCE = "confidence"
    """Analytic confidence in a judgement: the quality of evidence and reasoning."""
    RELIABILITY = "reliability"
    """How far a *source* can be trusted (Admiralty A–F)."""
    CREDIBILITY = "credibility"
    """How likely a piece of *information* is to be true (Admiralty 1–6)."""
    NUMERIC = "numeric"
    """Numbers standing for themselves (STIX 0–100, plain probabilities)."""


_SPACED_JOINER = re.compile(r"\s*([/-])\s*")


@lru_cache(maxsize=1024)  # the same few spellings, once per confidence of a bundle
def _key(text: str) -> str:
    """The matching key of a spelling: case-, space- and dash-insensitive."""
    key = text.casefold().replace("–", "-").replace("—", "-").replace("_", " ")
    key = " ".join(key.split())
    return _SPACED_JOINER.sub(r"\1", key)


def _check_band(level: Level, attribute: attrs.Attribute[Interval | None], band: object) -> None:
    if band is not None and not isinstance(band, Interval):
        raise InvalidTypeError(f"band must be an Interval or None, not {band!r}", field="band")


@attrs.frozen(kw_only=True)
class Level:
    """One level of a scale.

    ``label`` is the canonical wire spelling (``Confidence.level``); ``aliases``
    are the other published spellings, all matched case-insensitively.
    ``band`` is the probability interval the level stands for, ``None`` when it
    stands for none (see ``judged``).  ``rank`` orders the judged levels of a
    scale by ascending likelihood, reliability or confidence (``None`` for
    levels that cannot be judged and for the open ``probability`` scale).
    ``code`` is a short published code (Admiralty "B", "2"), and ``stix`` the
    STIX 2.1 confidence value that STIX Appendix A assigns to the level.
    ``judged`` is false for the levels that say no judgement is possible.
    """

    label: str
    band: Interval | None = attrs.field(default=None, validator=_check_band)
    aliases: tuple[str, ...] = ()
    rank: int | None = None
    code: str | None = None
    stix: int | None = None
    judged: bool = True

    def __attrs_post_init__(self) -> None:
        if not self.judged and (self.band is not None or self.stix is not None):
            raise InvalidValueError(
                f"level {self.label!r} cannot be judged, so it carries no number", field="band"
            )

    @property
    def spellings(self) -> tuple[str, ...]:
        """The label followed by every alias."""
        return (self.label, *self.aliases)

    def __str__(self) -> str:
        return self.label


UNIVERSAL = Level(label=CANNOT_BE_JUDGED, aliases=("cannot be judged",), judged=False)
"""The level every scale accepts: no judgement is possible."""


@attrs.frozen(kw_only=True)
class Scale:
    """A named scale: its ``id`` (the wire contract), a human ``name``, the ``kind``
    of thing it grades, the ``citation`` of the publication that defines it, and
    its ``levels`` in ascending order.

    The universal :data:`CANNOT_BE_JUDGED` level is accepted on every scale
    without being listed.  ``unjudged`` is the label conversions use for "cannot
    be judged" on this scale (Admiralty "F" and "6", otherwise the universal
    level).  The ``probability`` scale is *open*: its levels are numbers, see
    :meth:`level`.
    """

    id: str
    name: str
    kind: ScaleKind
    citation: str
    levels: tuple[Level, ...]
    unjudged: str = CANNOT_BE_JUDGED
    open: bool = False
    _index: Mapping[str, Level] = attrs.field(init=False, repr=False, eq=False)
    _by_label: Mapping[str, Level] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        index: dict[str, Level] = {}
        for level in (*self.levels, UNIVERSAL):
            for spelling in level.spellings:
                key = _key(spelling)
                if index.get(key, level) is not level:
                    raise InvalidValueError(
                        f"scale {self.id!r}: spelling {spelling!r} names two levels",
                        field="levels",
                    )
                index[key] = level
        object.__setattr__(self, "_index", MappingProxyType(index))
        by_label = {level.label: level for level in self.levels}
        object.__setattr__(self, "_by_label", MappingProxyType(by_label))
        if _key(self.unjudged) not in index or index[_key(self.unjudged)].judged:
            raise InvalidValueError(
                f"scale {self.id!r}: {self.unjudged!r} is not a level that cannot be judged",
                field="unjudged",
            )

    @property
    def levels_by_label(self) -> Mapping[str, Level]:
        """The listed levels by canonical label (the universal level not included)."""
        return self._by_label

    @property
    def judged_levels(self) -> tuple[Level, ...]:
        """The listed levels that stand for a judgement, in ascending order."""
        return tuple(level for level in self.levels if level.judged)

    @property
    def is_probability(self) -> bool:
        """Whether the judged levels of this scale stand for probability bands."""
        return self.open or all(level.band is not None for level in self.judged_levels)

    def level(self, text: str) -> Level | None:
        """The level spelt ``text`` (case-insensitive, any published spelling), or None.

        On the open ``probability`` scale a level is a probability written as a
        decimal ("0.7", "1e-05") or a percentage ("70%"), or an interval of two
        such numbers joined by a dash ("0.6-0.8", "60%–80%"); the canonical label
        is Python's shortest round-tripping text of each bound ("0.7", "0.6-0.8").
        """
        if type(text) is not str:
            return None
        found = self._index.get(_key(text))
        if found is not None or not self.open:
            return found
        band = _parse_probability(text)
        if band is None:
            return None
        return Level(label=_probability_label(band), band=band)

    def unjudged_level(self) -> Level:
        """The level conversions use to say "cannot be judged" on this scale."""
        return self._index[_key(self.unjudged)]

    def describe_levels(self) -> str:
        """The valid levels, for error messages."""
        if self.open:
            return "a probability from 0 to 1 such as '0.7', '70%' or '0.6-0.8', or " + repr(
                CANNOT_BE_JUDGED
            )
        if len(self.levels) > 20:
            first, last = self.levels[0].label, self.levels[-1].label
            return f"an integer from {first!r} to {last!r}, or {CANNOT_BE_JUDGED!r}"
        return ", ".join(repr(level.label) for level in (*self.levels, UNIVERSAL))

    def __str__(self) -> str:
        return self.id


# --- the open probability scale -------------------------------------------------------

_NUMBER = r"((?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)(\s*%)?"
_PROBABILITY = re.compile(rf"\s*{_NUMBER}\s*(?:[-–]\s*{_NUMBER}\s*)?")


def _number(digits: str, percent: str | None) -> float:
    value = float(digits)
    return value / 100 if percent else value


def _parse_probability(text: str) -> Interval | None:
    match = _PROBABILITY.fullmatch(text)
    if match is None:
        return None
    low = _number(match[1], match[2])
    high = low if match[3] is None else _number(match[3], match[4])
    if not (0.0 <= low <= high <= 1.0):
        return None
    return Interval(low=low, high=high)


def _probability_label(band: Interval) -> str:
    if band.low == band.high:
        return repr(band.low)
    return f"{band.low!r}-{band.high!r}"


# --- the tables -----------------------------------------------------------------------


def _band(low: float, high: float) -> Interval:
    return Interval(low=low, high=high)


def _stix_range(low: int, high: int) -> Interval:
    """A STIX 0–100 range of values as a probability band."""
    return Interval(low=low / 100, high=high / 100)


def _levels(*rows: tuple[str, Interval | None, tuple[str, ...]]) -> tuple[Level, ...]:
    return tuple(
        Level(label=label, band=band, aliases=aliases, rank=rank)
        for rank, (label, band, aliases) in enumerate(rows)
    )


_ICD203_CITATION = (
    "Intelligence Community Directive 203, Analytic Standards (ODNI, 2 January 2015), "
    "section D.6.e(2)(a): expressions of likelihood or probability"
)

ICD203 = Scale(
    id="icd203",
    name="ICD 203 likelihood",
    kind=ScaleKind.LIKELIHOOD,
    citation=_ICD203_CITATION,
    levels=_levels(
        ("almost no chance", _band(0.01, 0.05), ("remote",)),
        ("very unlikely", _band(0.05, 0.20), ("highly improbable",)),
        ("unlikely", _band(0.20, 0.45), ("improbable", "improbably")),
        ("roughly even chance", _band(0.45, 0.55), ("roughly even odds",)),
        ("likely", _band(0.55, 0.80), ("probable", "probably")),
        ("very likely", _band(0.80, 0.95), ("highly probable",)),
        ("almost certain", _band(0.95, 0.99), ("nearly certain", "almost certainly")),
    ),
)

ICD203_CONFIDENCE = Scale(
    id="icd203-confidence",
    name="ICD 203 analytic confidence",
    kind=ScaleKind.CONFIDENCE,
    citation=(
        "Intelligence Community Directive 203, Analytic Standards (ODNI, 2015), "
        "section D.6.e(2)(b): confidence in the basis for a judgement"
    ),
    levels=_levels(
        ("low", None, ("low confidence",)),
        ("moderate", None, ("moderate confidence", "medium")),
        ("high", None, ("high confidence",)),
    ),
)

IPCC = Scale(
    id="ipcc",
    name="IPCC AR5 likelihood",
    kind=ScaleKind.LIKELIHOOD,
    citation=(
        "Mastrandrea et al., Guidance Note for Lead Authors of the IPCC Fifth Assessment "
        "Report on Consistent Treatment of Uncertainties (IPCC, 2010), Table 1"
    ),
    levels=_levels(
        ("exceptionally unlikely", _band(0.00, 0.01), ()),
        ("extremely unlikely", _band(0.00, 0.05), ()),
        ("very unlikely", _band(0.00, 0.10), ()),
        ("unlikely", _band(0.00, 0.33), ()),
        ("about as likely as not", _band(0.33, 0.66), ()),
        ("likely", _band(0.66, 1.00), ()),
        ("very likely", _band(0.90, 1.00), ()),
        ("extremely likely", _band(0.95, 1.00), ()),
        ("virtually certain", _band(0.99, 1.00), ()),
    ),
)

IPCC_CONFIDENCE = Scale(
    id="ipcc-confidence",
    name="IPCC AR5 confidence",
    kind=ScaleKind.CONFIDENCE,
    citation=(
        "Mastrandrea et al., Guidance Note for Lead Authors of the IPCC Fifth Assessment "
        "Report on Consistent Treatment of Uncertainties (IPCC, 2010), Figure 1 and §7"
    ),
    levels=_levels(
        ("very low", None, ("very low confidence",)),
        ("low", None, ("low confidence",)),
        ("medium", None, ("medium confidence",)),
        ("high", None, ("high confidence",)),
        ("very high", None, ("very high confidence",)),
    ),
)

_ADMIRALTY_CITATION = (
    "NATO STANAG 2511 and AJP-2.1 (the Admiralty or NATO system of source reliability and "
    "information credibility); US Army FM 2-22.3 (2006), appendix B, source and information "
    "reliability matrix"
)

ADMIRALTY_RELIABILITY = Scale(
    id="admiralty-reliability",
    name="Admiralty source reliability",
    kind=ScaleKind.RELIABILITY,
    citation=_ADMIRALTY_CITATION,
    levels=(
        Level(label="E", code="E", rank=0, aliases=("unreliable", "E - Unreliable")),
        Level(
            label="D",
            code="D",
            rank=1,
            aliases=("not usually reliable", "D - Not usually reliable"),
        ),
        Level(label="C", code="C", rank=2, aliases=("fairly reliable", "C - Fairly reliable")),
        Level(label="B", code="B", rank=3, aliases=("usually reliable", "B - Usually reliable")),
        Level(
            label="A", code="A", rank=4, aliases=("completely reliable", "A - Completely reliable")
        ),
        Level(
            label="F",
            code="F",
            judged=False,
            aliases=("reliability cannot be judged", "F - Reliability cannot be judged"),
        ),
    ),
    unjudged="F",
)

# Admiralty credibility has no probability bands of its own; STIX 2.1 Appendix A
# (Admiralty Credibility table) is the one published numeric reading, so the
# native scale uses its ranges of values and its STIX values.
ADMIRALTY_CREDIBILITY = Scale(
    id="admiralty-credibility",
    name="Admiralty information credibility",
    kind=ScaleKind.CREDIBILITY,
    citation=_ADMIRALTY_CITATION
    + "; probability bands from STIX 2.1 Part 1, Appendix A (Admiralty Credibility)",
    levels=(
        Level(
            label="5",
            code="5",
            rank=0,
            band=_stix_range(0, 19),
            stix=10,
            aliases=("improbable", "5 - Improbable"),
        ),
        Level(
            label="4",
            code="4",
            rank=1,
            band=_stix_range(20, 39),
            stix=30,
            aliases=("doubtful", "4 - Doubtful"),
        ),
        Level(
            label="3",
            code="3",
            rank=2,
            band=_stix_range(40, 59),
            stix=50,
            aliases=("possibly true", "3 - Possibly true"),
        ),
        Level(
            label="2",
            code="2",
            rank=3,
            band=_stix_range(60, 79),
            stix=70,
            aliases=("probably true", "2 - Probably true"),
        ),
        Level(
            label="1",
            code="1",
            rank=4,
            band=_stix_range(80, 100),
            stix=90,
            aliases=("confirmed by other sources", "confirmed", "1 - Confirmed by other sources"),
        ),
        Level(
            label="6",
            code="6",
            judged=False,
            aliases=("truth cannot be judged", "6 - Truth cannot be judged"),
        ),
    ),
    unjudged="6",
)

_STIX_CITATION = (
    "STIX Version 2.1 (OASIS Standard, 10 June 2021), Part 1 section 3.2 (confidence: "
    "an integer 0–100) and Appendix A, Confidence Scales"
)

STIX = Scale(
    id="stix",
    name="STIX 2.1 confidence (0–100)",
    kind=ScaleKind.NUMERIC,
    citation=_STIX_CITATION,
    levels=tuple(
        Level(label=str(value), band=Interval.point(value / 100), rank=value, stix=value)
        for value in range(101)
    ),
)


def _stix_levels(
    *rows: tuple[str, tuple[str, ...], int, tuple[int, int]],
) -> tuple[Level, ...]:
    """Levels from rows of STIX Appendix A: label, aliases, STIX value, range of values."""
    return tuple(
        Level(label=label, aliases=aliases, stix=value, band=_stix_range(*span), rank=rank)
        for rank, (label, aliases, value, span) in enumerate(rows)
    )


STIX_NONE_LOW_MED_HIGH = Scale(
    id="stix-none-low-med-high",
    name="STIX 2.1 None / Low / Med / High",
    kind=ScaleKind.LIKELIHOOD,
    citation=_STIX_CITATION + ", A.1 None / Low / Med / High",
    levels=(
        *_stix_levels(
            ("None", (), 0, (0, 0)),
            ("Low", (), 15, (1, 29)),
            ("Med", ("Medium",), 50, (30, 69)),
            ("High", (), 85, (70, 100)),
        ),
        Level(label="Not Specified", judged=False),
    ),
)

STIX_0_10 = Scale(
    id="stix-0-10",
    name="STIX 2.1 0–10",
    kind=ScaleKind.LIKELIHOOD,
    citation=_STIX_CITATION + ", A.2 0–10",
    levels=_stix_levels(
        ("0", (), 0, (0, 4)),
        ("1", (), 10, (5, 14)),
        ("2", (), 20, (15, 24)),
        ("3", (), 30, (25, 34)),
        ("4", (), 40, (35, 44)),
        ("5", (), 50, (45, 54)),
        ("6", (), 60, (55, 64)),
        ("7", (), 70, (65, 74)),
        ("8", (), 80, (75, 84)),
        ("9", (), 90, (85, 94)),
        ("10", (), 100, (95, 100)),
    ),
)

STIX_ADMIRALTY = Scale(
    id="stix-admiralty",
    name="STIX 2.1 Admiralty Credibility",
    kind=ScaleKind.CREDIBILITY,
    citation=_STIX_CITATION + ", A.3 Admiralty Credibility",
    levels=(
        *_stix_levels(
            ("5 - Improbable", ("5", "improbable"), 10, (0, 19)),
            ("4 - Doubtful", ("4", "doubtful"), 30, (20, 39)),
            ("3 - Possibly True", ("3", "possibly true"), 50, (40, 59)),
            ("2 - Probably True", ("2", "probably true"), 70, (60, 79)),
            ("1 - Confirmed by other sources", ("1", "confirmed by other sources"), 90, (80, 100)),
        ),
        Level(
            label="6 - Truth cannot be judged",
            aliases=("6", "truth cannot be judged"),
            judged=False,
        ),
    ),
    unjudged="6 - Truth cannot be judged",
)

STIX_WEP = Scale(
    id="stix-wep",
    name="STIX 2.1 Words of Estimative Probability",
    kind=ScaleKind.LIKELIHOOD,
    citation=_STIX_CITATION + ", A.4 WEP",
    levels=_stix_levels(
        ("Impossible", (), 0, (0, 0)),
        (
            "Highly Unlikely/Almost Certainly Not",
            ("highly unlikely", "almost certainly not"),
            10,
            (1, 19),
        ),
        ("Unlikely/Probably Not", ("unlikely", "probably not"), 30, (20, 39)),
        ("Even Chance", (), 50, (40, 59)),
        ("Likely/Probable", ("likely", "probable"), 70, (60, 79)),
        ("Highly likely/Almost Certain", ("highly likely", "almost certain"), 90, (80, 99)),
        ("Certain", (), 100, (100, 100)),
    ),
)

STIX_DNI = Scale(
    id="stix-dni",
    name="STIX 2.1 DNI scale",
    kind=ScaleKind.LIKELIHOOD,
    citation=_STIX_CITATION + ", A.5 DNI Scale",
    levels=_stix_levels(
        ("Almost No Chance / Remote", ("almost no chance", "remote"), 5, (0, 9)),
        ("Very Unlikely / Highly Improbable", ("very unlikely", "highly improbable"), 15, (10, 19)),
        ("Unlikely / Improbable", ("unlikely", "improbable"), 30, (20, 39)),
        (
            "Roughly Even Chance / Roughly Even Odds",
            ("roughly even chance", "roughly even odds"),
            50,
            (40, 59),
        ),
        ("Likely / Probable", ("likely", "probable"), 70, (60, 79)),
        ("Very Likely / Highly Probable", ("very likely", "highly probable"), 85, (80, 89)),
        ("Almost Certain / Nearly Certain", ("almost certain", "nearly certain"), 95, (90, 100)),
    ),
)

PROBABILITY = Scale(
    id="probability",
    name="Probability",
    kind=ScaleKind.NUMERIC,
    citation="A probability, or an interval of probabilities, in [0, 1]",
    levels=(),
    open=True,
)

SCALES: Mapping[str, Scale] = MappingProxyType(
    {
        scale.id: scale
        for scale in (
            ICD203,
            ICD203_CONFIDENCE,
            IPCC,
            IPCC_CONFIDENCE,
            ADMIRALTY_RELIABILITY,
            ADMIRALTY_CREDIBILITY,
            STIX,
            STIX_NONE_LOW_MED_HIGH,
            STIX_0_10,
            STIX_ADMIRALTY,
            STIX_WEP,
            STIX_DNI,
            PROBABILITY,
        )
    }
)
"""Every known scale by id (read-only)."""


def get_scale(scale_id: str) -> Scale | None:
    """The scale with id ``scale_id``, or None if claimmodel does not know it."""
    return SCALES.get(scale_id) if type(scale_id) is str else None


def require_scale(scale_id: str) -> Scale:
    """The scale with id ``scale_id``; an :class:`InvalidValueError` naming the known ones."""
    scale = get_scale(scale_id)
    if scale is None:
        known = ", ".join(repr(name) for name in SCALES)
        raise InvalidValueError(f"unknown scale {scale_id!r}; known scales: {known}", field="scale")
    return scale


def parse_level(text: str, scale_id: str) -> Level:
    """The level of ``scale_id`` spelt ``text``; an error listing the valid levels otherwise."""
    scale = require_scale(scale_id)
    level = scale.level(text)
    if level is None:
        raise InvalidValueError(
            f"{text!r} is not a level of scale {scale.id!r}; valid levels: "
            f"{scale.describe_levels()}",
            field="level",
        )
    return level


# --- conversion -----------------------------------------------------------------------


def _width(band: Interval) -> float:
    return band.high - band.low


def _distance(band: Interval, point: float) -> float:
    if point < band.low:
        return band.low - point
    return max(point - band.high, 0.0)


def _choose(source: Interval, levels: Iterable[Level]) -> Level:
    """The target level for a source band: containment first, then the centre.

    1. The narrowest level whose band contains the whole source band.
    2. Otherwise the source band straddles levels: the narrowest level whose band
       contains its centre, or else the level nearest to the centre.
    Ties go to the level whose centre is nearest the source's, then the lower rank.
    """
    banded = [(level, level.band) for level in levels if level.band is not None]
    centre = (source.low + source.high) / 2

    def order(item: tuple[Level, Interval]) -> tuple[float, float, int]:
        level, band = item
        return (_width(band), abs((band.low + band.high) / 2 - centre), level.rank or 0)

    containing = [
        item for item in banded if item[1].low <= source.low <= source.high <= item[1].high
    ]
    if containing:
        return min(containing, key=order)[0]
    return min(banded, key=lambda item: (_distance(item[1], centre), *order(item)))[0]


def _band_of(confidence: Confidence) -> Interval | None:
    """The band a judged confidence stands for: as stated, else its level's band."""
    if not confidence.judged:
        return None
    if confidence.probability is not None:
        return confidence.probability
    scale = get_scale(confidence.scale)
    level = scale.level(confidence.level) if scale is not None else None
    return level.band if level is not None else None


def _root(confidence: Confidence) -> Confidence:
    return confidence.original if confidence.original is not None else confidence


def convert(confidence: Confidence, to: str) -> Confidence:
    """The same confidence expressed on scale ``to``, keeping the original beside it.

    The rule (see ``docs/confidence.md``):

    * a confidence already on ``to`` is returned unchanged, and one whose
      ``original`` is on ``to`` gets its original back — so converting to any
      scale and back returns exactly what was there;
    * conversion always starts from the *original* judgement (never from an
      earlier conversion's result), and the result's ``original`` is that
      original, so chains of conversions do not drift;
    * a confidence that cannot be judged (or a STIX "Not Specified") becomes the
      target scale's "cannot be judged" level — never a number;
    * to ``probability``: the original band itself;
    * to ``stix``: the value STIX Appendix A publishes for the level if there is
      one, else the integer nearest the centre of the band (halves up);
    * to any other scale: the narrowest target level whose band contains the
      whole original band; if none does, the narrowest level whose band contains
      the band's centre, else the level nearest to it.

    The original band is the confidence's stated ``probability``, else its
    level's band on a known scale.  Assessor, basis and extensions are kept.
    Levels without a probability band (analytic confidence, source reliability)
    cannot be converted to another scale: an :class:`InvalidValueError` says so.
    """
    target = require_scale(to)
    if confidence.scale == target.id:
        return confidence
    root = _root(confidence)
    if root.scale == target.id:
        return root
    source_scale = get_scale(root.scale)
    source_level = source_scale.level(root.level) if source_scale is not None else None
    if source_scale is not None and source_level is None:
        raise InvalidValueError(
            f"{root.level!r} is not a level of scale {root.scale!r}; valid levels: "
            f"{source_scale.describe_levels()}",
            field="level",
        )
    unjudged = root.level == CANNOT_BE_JUDGED or (
        source_level is not None and not source_level.judged
    )
    if unjudged:
        return _result(root, target, target.unjudged_level().label, None)
    band = root.probability
    if band is None and source_level is not None:
        band = source_level.band  # the level's band when the record states none
    if band is None:
        raise InvalidValueError(
            f"{root.level!r} on scale {root.scale!r} is not a probability and has no "
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
        return _result(root, target, _probability_label(band), band)
    if target is STIX:
        published = source_level.stix if source_level is not None else None
        value = (
            published
            if published is not None
            else math.floor((band.low + band.high) * 50 + 0.5 + 1e-9)
        )
        level = STIX.levels[value]
    else:
        level = _choose(band, target.judged_levels)
    return _result(root, target, level.label, level.band)


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


def summarize(confidences: Iterable[Confidence]) -> Interval | None:
    """A conservative summary of several confidences in one claim: their envelope.

    The result is the smallest interval containing every judged probability band
    — ``[lowest low, highest high]`` — taken from each confidence's original
    judgement when it was converted (and from its level on a known scale when
    no band is stated).  Confidences that cannot be judged or carry no
    probability (analytic confidence, reliability) are left out; ``None`` when
    none is left.  Nothing is averaged: disagreement widens the interval instead
    of hiding in a mean.
    """
    low = high = None
    for confidence in confidences:
        band = _band_of(_root(confidence))
        if band is None:
            continue
        low = band.low if low is None else min(low, band.low)
        high = band.high if high is None else max(high, band.high)
    if low is None or high is None:
        return None
    return Interval(low=low, high=high)


def admiralty_code(source: Source, assertion: Assertion) -> str:
    """The two-character Admiralty grading of an assertion by a source, such as ``"B2"``.

    The letter is the source's ``reliability`` on ``admiralty-reliability``
    ("F" when it is missing or cannot be judged); the digit is the assertion's
    ``confidence`` converted to ``admiralty-credibility`` ("6" when it cannot be
    judged or carries no probability).
    """
    letter = "F"
    reliability = source.reliability
    if reliability is not None and reliability.scale == ADMIRALTY_RELIABILITY.id:
        level = ADMIRALTY_RELIABILITY.level(reliability.level)
        letter = level.code if level is not None and level.code is not None else "F"
    digit = "6"
    try:
        credibility = convert(assertion.confidence, to=ADMIRALTY_CREDIBILITY.id)
    except InvalidValueError:
        credibility = None
    if credibility is not None:
        level = ADMIRALTY_CREDIBILITY.level(credibility.level)
        if level is not None and level.judged and level.code is not None:
            digit = level.code
    return f"{letter}{digit}"
