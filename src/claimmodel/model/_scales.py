"""The confidence scales the standards publish, as data, keyed by their wire ids.

Every scale a profession uses to say how sure it is lives here, keyed by a scale
id that is part of the wire contract (``Confidence.scale``):

========================== ===============================================================
id                         scale
========================== ===============================================================
``icd203``                 ICD 203 expressions of likelihood (seven terms, two spellings each)
``icd203-confidence``      ICD 203 analytic confidence: low, moderate, high
``ipcc``                   IPCC AR5 likelihood (ten terms, overlapping bands)
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

The classes are in :mod:`claimmodel.model._scale`; the rules that use these
tables (conversion, summaries, Admiralty codes) in :mod:`claimmodel.model._convert`.
Scales a user defines are not added here: they are passed explicitly as
``scales=`` to the functions that need them, and :func:`catalog` puts them beside
these.  See ``docs/confidence.md``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType

from claimmodel.exceptions import InvalidTypeError, InvalidValueError
from claimmodel.model._checks import type_name
from claimmodel.model._interval import Interval
from claimmodel.model._scale import Level, Scale, ScaleKind

__all__ = [
    "PROBABILITY",
    "SCALES",
    "STIX",
    "STIX_TABLES",
    "catalog",
    "get_scale",
    "require_scale",
]


def _band(low: float, high: float) -> Interval:
    return Interval(low=low, high=high)


def _stix_range(low: int, high: int) -> Interval:
    """A STIX 0–100 range of values as a probability band."""
    return Interval(low=low / 100, high=high / 100)


def _levels(*rows: tuple[str, Interval | None, tuple[str, ...]]) -> tuple[Level, ...]:
    return tuple(Level(label=label, band=band, aliases=aliases) for label, band, aliases in rows)


_ICD203_CITATION = (
    "Intelligence Community Directive 203, Analytic Standards (ODNI, 2 January 2015), "
    "section D.6.e(2)(a): expressions of likelihood or probability"
)

ICD203 = Scale(
    id="icd203",
    name="ICD 203 likelihood",
    kind=ScaleKind.LIKELIHOOD,
    citation=_ICD203_CITATION,
    stix_table="stix-dni",  # STIX 2.1 A.5 is ICD 203's words, and STIX says to use it for them
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
        ("moderate", None, ("moderate confidence",)),  # "medium" is IPCC's word, not ICD 203's
        ("high", None, ("high confidence",)),
    ),
)

IPCC = Scale(
    id="ipcc",
    name="IPCC AR5 likelihood",
    kind=ScaleKind.LIKELIHOOD,
    citation=(
        "Mastrandrea et al., Guidance Note for Lead Authors of the IPCC Fifth Assessment "
        "Report on Consistent Treatment of Uncertainties (IPCC, 2010), Table 1 and its note "
        "on the additional terms (extremely likely, more likely than not, extremely unlikely)"
    ),
    levels=(
        *_levels(
            ("exceptionally unlikely", _band(0.00, 0.01), ()),
            ("extremely unlikely", _band(0.00, 0.05), ()),
            ("very unlikely", _band(0.00, 0.10), ()),
            ("unlikely", _band(0.00, 0.33), ()),
            ("about as likely as not", _band(0.33, 0.66), ()),
        ),
        # "> 50–100 %": the band excludes 50 %, which is about as likely as not.
        Level(label="more likely than not", band=_band(0.50, 1.00), low_open=True),
        *_levels(
            ("likely", _band(0.66, 1.00), ()),
            ("very likely", _band(0.90, 1.00), ()),
            ("extremely likely", _band(0.95, 1.00), ()),
            ("virtually certain", _band(0.99, 1.00), ()),
        ),
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
        Level(label="E", code="E", aliases=("unreliable", "E - Unreliable")),
        Level(
            label="D",
            code="D",
            aliases=("not usually reliable", "D - Not usually reliable"),
        ),
        Level(label="C", code="C", aliases=("fairly reliable", "C - Fairly reliable")),
        Level(label="B", code="B", aliases=("usually reliable", "B - Usually reliable")),
        Level(label="A", code="A", aliases=("completely reliable", "A - Completely reliable")),
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
# (Admiralty Credibility table, A.3) is the one published numeric reading, so the
# native scale uses its ranges of values as bands and its table for STIX values.
# Grade 1 means confirmed by other, independent sources: no probability reaches it.
ADMIRALTY_CREDIBILITY = Scale(
    id="admiralty-credibility",
    name="Admiralty information credibility",
    kind=ScaleKind.CREDIBILITY,
    citation=_ADMIRALTY_CITATION
    + "; probability bands from STIX 2.1 Part 1, Appendix A (Admiralty Credibility)",
    stix_table="stix-admiralty",
    levels=(
        Level(
            label="5",
            code="5",
            band=_stix_range(0, 19),
            aliases=("improbable", "5 - Improbable"),
        ),
        Level(
            label="4",
            code="4",
            band=_stix_range(20, 39),
            aliases=("doubtful", "4 - Doubtful"),
        ),
        Level(
            label="3",
            code="3",
            band=_stix_range(40, 59),
            aliases=("possibly true", "3 - Possibly true"),
        ),
        Level(
            label="2",
            code="2",
            band=_stix_range(60, 79),
            aliases=("probably true", "2 - Probably true"),
        ),
        Level(
            label="1",
            code="1",
            band=_stix_range(80, 100),
            corroborated=True,
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
        Level(label=str(value), band=Interval.point(value / 100), stix=value)
        for value in range(101)
    ),
)


def _stix_levels(
    *rows: tuple[str, tuple[str, ...], int, tuple[int, int]], corroborated: str = ""
) -> tuple[Level, ...]:
    """Levels from rows of STIX Appendix A: label, aliases, STIX value, range of values.

    ``corroborated`` is the label of the level that says "confirmed by other sources".
    """
    return tuple(
        Level(
            label=label,
            aliases=aliases,
            stix=value,
            band=_stix_range(*span),
            corroborated=label == corroborated,
        )
        for label, aliases, value, span in rows
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
            corroborated="1 - Confirmed by other sources",
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
"""Every built-in scale by id (read-only)."""

STIX_TABLES = frozenset(
    scale.id for scale in (STIX_NONE_LOW_MED_HIGH, STIX_0_10, STIX_ADMIRALTY, STIX_WEP, STIX_DNI)
)
"""The scales of STIX 2.1 Appendix A (A.1–A.5): each level has a STIX value and a range."""


def get_scale(scale_id: str) -> Scale | None:
    """The built-in scale with id ``scale_id``, or None if claimmodel does not know it."""
    return SCALES.get(scale_id) if type(scale_id) is str else None


def catalog(scales: Iterable[Scale] = ()) -> Mapping[str, Scale]:
    """The built-in scales and ``scales`` beside them, by id (read-only).

    ``scales`` are scales a user defines (a newsroom's rating scale, an in-house
    confidence scale).  A built-in id cannot be redefined, two of ``scales``
    cannot share an id, and a ``stix_table`` must name a built-in STIX Appendix A
    scale with as many judged levels: each is an :class:`InvalidValueError`.
    """
    extra = (scales,) if isinstance(scales, Scale) else tuple(scales)
    if not extra:
        return SCALES
    found: dict[str, Scale] = dict(SCALES)
    for index, scale in enumerate(extra):
        if not isinstance(scale, Scale):
            raise InvalidTypeError(
                f"scales[{index}] must be a Scale, not {type_name(scale)}", field="scales"
            )
        if scale.id in SCALES:
            if scale == SCALES[scale.id]:
                continue
            raise InvalidValueError(
                f"scales[{index}]: {scale.id!r} is a built-in scale id and cannot be redefined; "
                "give your scale an id of its own (such as 'x-' followed by a name)",
                field="scales",
            )
        if scale.id in found:
            raise InvalidValueError(
                f"scales[{index}]: two scales have the id {scale.id!r}", field="scales"
            )
        if scale.stix_table is not None:
            table = SCALES.get(scale.stix_table)
            if (
                table is None
                or table.id not in STIX_TABLES
                or len(table.judged_levels) != len(scale.judged_levels)
            ):
                raise InvalidValueError(
                    f"scales[{index}]: stix_table {scale.stix_table!r} is not a STIX Appendix A "
                    f"scale with {len(scale.judged_levels)} judged levels",
                    field="scales",
                )
        found[scale.id] = scale
    return MappingProxyType(found)


def with_declared(scales: Iterable[Scale], declared: Iterable[Scale]) -> Mapping[str, Scale]:
    """:func:`catalog` of ``scales`` and the ``declared`` scales of a record (see
    :attr:`claimmodel.Bundle.declared_scales`) whose ids none of ``scales`` takes: a scale
    passed explicitly wins over a declared one of the same id."""
    extra = (scales,) if isinstance(scales, Scale) else tuple(scales)
    taken = catalog(extra)  # the caller's scales checked, then their ids taken
    return catalog((*extra, *(scale for scale in declared if scale.id not in taken)))


def require_scale(scale_id: str, scales: Mapping[str, Scale] = SCALES) -> Scale:
    """The scale of ``scales`` with id ``scale_id``; an :class:`InvalidValueError` naming them."""
    scale = scales.get(scale_id) if type(scale_id) is str else None
    if scale is None:
        known = ", ".join(repr(name) for name in scales)
        raise InvalidValueError(f"unknown scale {scale_id!r}; known scales: {known}", field="scale")
    return scale
