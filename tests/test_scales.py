"""The named confidence scales: their published tables, spellings and parsing."""

from __future__ import annotations

import runpy
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimmodel.exceptions import InvalidTypeError, InvalidValueError
from claimmodel.model import (
    CANNOT_BE_JUDGED,
    SCALES,
    Confidence,
    Interval,
    Level,
    Scale,
    ScaleKind,
    get_scale,
)
from claimmodel.model import _scales as scales_module

# The published tables, written out independently of the implementation.

# ICD 203 (DESIGN §3): both spellings of each term and its band in per cent.
ICD203_ROWS = [
    ("almost no chance", "remote", 1, 5),
    ("very unlikely", "highly improbable", 5, 20),
    ("unlikely", "improbable", 20, 45),
    ("roughly even chance", "roughly even odds", 45, 55),
    ("likely", "probable", 55, 80),
    ("very likely", "highly probable", 80, 95),
    ("almost certain", "nearly certain", 95, 99),
]

# IPCC AR5 likelihood (DESIGN §3; the guidance note's Table 1 and the additional
# terms beside it), in per cent; the bands overlap.
IPCC_ROWS = [
    ("virtually certain", 99, 100),
    ("extremely likely", 95, 100),
    ("very likely", 90, 100),
    ("likely", 66, 100),
    ("more likely than not", 50, 100),  # more than 50 %: the lower bound is open
    ("about as likely as not", 33, 66),
    ("unlikely", 0, 33),
    ("very unlikely", 0, 10),
    ("extremely unlikely", 0, 5),
    ("exceptionally unlikely", 0, 1),
]

ADMIRALTY_RELIABILITY_ROWS = [
    ("A", "completely reliable"),
    ("B", "usually reliable"),
    ("C", "fairly reliable"),
    ("D", "not usually reliable"),
    ("E", "unreliable"),
    ("F", "reliability cannot be judged"),
]

ADMIRALTY_CREDIBILITY_ROWS = [
    ("1", "confirmed by other sources"),
    ("2", "probably true"),
    ("3", "possibly true"),
    ("4", "doubtful"),
    ("5", "improbable"),
    ("6", "truth cannot be judged"),
]

# STIX Version 2.1, Part 1, Appendix A (Confidence Scales): for each verbal
# scale, the level, the STIX confidence value it maps to, and the range of
# STIX values that map back to it.
STIX_APPENDIX_A: dict[str, list[tuple[str, int, int, int]]] = {
    "stix-none-low-med-high": [  # A.1
        ("None", 0, 0, 0),
        ("Low", 15, 1, 29),
        ("Med", 50, 30, 69),
        ("High", 85, 70, 100),
    ],
    "stix-0-10": [  # A.2
        ("0", 0, 0, 4),
        ("1", 10, 5, 14),
        ("2", 20, 15, 24),
        ("3", 30, 25, 34),
        ("4", 40, 35, 44),
        ("5", 50, 45, 54),
        ("6", 60, 55, 64),
        ("7", 70, 65, 74),
        ("8", 80, 75, 84),
        ("9", 90, 85, 94),
        ("10", 100, 95, 100),
    ],
    "stix-admiralty": [  # A.3
        ("5 - Improbable", 10, 0, 19),
        ("4 - Doubtful", 30, 20, 39),
        ("3 - Possibly True", 50, 40, 59),
        ("2 - Probably True", 70, 60, 79),
        ("1 - Confirmed by other sources", 90, 80, 100),
    ],
    "stix-wep": [  # A.4
        ("Impossible", 0, 0, 0),
        ("Highly Unlikely/Almost Certainly Not", 10, 1, 19),
        ("Unlikely/Probably Not", 30, 20, 39),
        ("Even Chance", 50, 40, 59),
        ("Likely/Probable", 70, 60, 79),
        ("Highly likely/Almost Certain", 90, 80, 99),
        ("Certain", 100, 100, 100),
    ],
    "stix-dni": [  # A.5
        ("Almost No Chance / Remote", 5, 0, 9),
        ("Very Unlikely / Highly Improbable", 15, 10, 19),
        ("Unlikely / Improbable", 30, 20, 39),
        ("Roughly Even Chance / Roughly Even Odds", 50, 40, 59),
        ("Likely / Probable", 70, 60, 79),
        ("Very Likely / Highly Probable", 85, 80, 89),
        ("Almost Certain / Nearly Certain", 95, 90, 100),
    ],
}

STIX_ROWS = [(scale_id, *row) for scale_id, rows in STIX_APPENDIX_A.items() for row in rows]

CONTRACT_IDS = {
    "icd203",
    "icd203-confidence",
    "ipcc",
    "ipcc-confidence",
    "admiralty-reliability",
    "admiralty-credibility",
    "stix",
    "stix-none-low-med-high",
    "stix-0-10",
    "stix-admiralty",
    "stix-wep",
    "stix-dni",
    "probability",
}

ALL_LEVELS = [(scale, level) for scale in SCALES.values() for level in scale.levels]


def _scale(scale_id: str) -> Scale:
    scale = get_scale(scale_id)
    assert scale is not None
    return scale


def _level(scale_id: str, text: str) -> Level:
    level = _scale(scale_id).level(text)
    assert level is not None
    return level


def _percent(low: int, high: int) -> Interval:
    return Interval(low=low / 100, high=high / 100)


class TestRegistry:
    """The registry holds exactly the contract's scale ids, each well formed."""

    def test_ids_are_the_contract(self) -> None:
        assert set(SCALES) == CONTRACT_IDS

    @pytest.mark.parametrize("scale_id", sorted(CONTRACT_IDS))
    def test_lookup_by_id(self, scale_id: str) -> None:
        scale = _scale(scale_id)
        assert scale_id == scale.id
        assert scale.citation
        assert str(scale) == scale_id

    def test_unknown_scale_is_none(self) -> None:
        assert get_scale("icd-203") is None

    def test_registry_is_read_only(self) -> None:
        with pytest.raises(TypeError):
            SCALES["mine"] = _scale("icd203")  # type: ignore[index]

    @pytest.mark.parametrize(("scale", "level"), ALL_LEVELS, ids=str)
    def test_every_band_lies_in_the_unit_interval(self, scale: Scale, level: Level) -> None:
        if level.band is not None:
            assert 0.0 <= level.band.low <= level.band.high <= 1.0

    @pytest.mark.parametrize("scale", list(SCALES.values()), ids=str)
    def test_ranks_count_up_in_listed_order(self, scale: Scale) -> None:
        ranks = [level.rank for level in scale.judged_levels]
        assert list(range(len(ranks))) == ranks

    @pytest.mark.parametrize("scale", list(SCALES.values()), ids=str)
    def test_bands_rise_with_rank(self, scale: Scale) -> None:
        bands = [level.band for level in scale.judged_levels if level.band is not None]
        assert sorted(bands, key=lambda b: (b.low, b.high)) == bands
        assert sorted(bands, key=lambda b: (b.high, b.low)) == bands

    @pytest.mark.parametrize("scale", list(SCALES.values()), ids=str)
    def test_levels_by_label(self, scale: Scale) -> None:
        assert [level.label for level in scale.levels] == list(scale.levels_by_label)
        assert all(scale.levels_by_label[level.label] is level for level in scale.levels)

    @pytest.mark.parametrize("scale", list(SCALES.values()), ids=str)
    def test_unjudged_levels_carry_no_number(self, scale: Scale) -> None:
        for level in (*scale.levels, scale.unjudged_level()):
            if not level.judged:
                expected = (None, None)
                assert expected == (level.band, level.stix)

    def test_grading_scales_have_no_bands(self) -> None:
        kinds = {ScaleKind.CONFIDENCE, ScaleKind.RELIABILITY}
        graded = [scale for scale in SCALES.values() if scale.kind in kinds]
        assert {"icd203-confidence", "ipcc-confidence", "admiralty-reliability"} == {
            scale.id for scale in graded
        }
        assert all(level.band is None for scale in graded for level in scale.levels)
        assert not any(scale.is_probability for scale in graded)


class TestPublishedTables:
    """Every row of every published table is in the registry, with its band and spellings."""

    @pytest.mark.parametrize(("term", "other", "low", "high"), ICD203_ROWS)
    def test_icd203(self, term: str, other: str, low: int, high: int) -> None:
        level = _level("icd203", term)
        assert (term, _percent(low, high)) == (level.label, level.band)
        assert level is _level("icd203", other)

    @pytest.mark.parametrize(
        ("adverb", "term"),
        [
            ("improbably", "unlikely"),
            ("probably", "likely"),
            ("almost certainly", "almost certain"),
        ],
    )
    def test_icd203_adverbs(self, adverb: str, term: str) -> None:
        # ICD 203 prints these adverb forms beside the terms.
        assert _level("icd203", term) is _level("icd203", adverb)

    def test_icd203_confidence(self) -> None:
        expected = ["low", "moderate", "high"]
        assert expected == [level.label for level in _scale("icd203-confidence").levels]

    @pytest.mark.parametrize(("term", "low", "high"), IPCC_ROWS)
    def test_ipcc(self, term: str, low: int, high: int) -> None:
        level = _level("ipcc", term)
        assert (term, _percent(low, high)) == (level.label, level.band)

    def test_ipcc_has_ten_terms(self) -> None:
        assert len(IPCC_ROWS) == len(_scale("ipcc").levels)

    def test_ipcc_more_likely_than_not_excludes_one_half(self) -> None:
        level = _level("ipcc", "more likely than not")
        assert (True, False) == (level.low_open, level.high_open)
        assert "> 50%–100%" == level.describe_band()
        assert not level.admits(Interval.point(0.5))
        assert level.admits(Interval(low=0.5000001, high=1.0))
        assert all(
            not (other.low_open or other.high_open)
            for scale in SCALES.values()
            for other in scale.levels
            if other is not level
        )

    def test_ipcc_confidence(self) -> None:
        labels = [level.label for level in _scale("ipcc-confidence").levels]
        expected = ["very low", "low", "medium", "high", "very high"]
        assert expected == labels

    @pytest.mark.parametrize(("code", "meaning"), ADMIRALTY_RELIABILITY_ROWS)
    def test_admiralty_reliability(self, code: str, meaning: str) -> None:
        level = _level("admiralty-reliability", code)
        assert (code, code) == (level.label, level.code)
        assert level is _level("admiralty-reliability", meaning)
        assert level is _level("admiralty-reliability", f"{code} - {meaning}")
        assert (code != "F") == level.judged

    @pytest.mark.parametrize(("code", "meaning"), ADMIRALTY_CREDIBILITY_ROWS)
    def test_admiralty_credibility(self, code: str, meaning: str) -> None:
        level = _level("admiralty-credibility", code)
        assert (code, code) == (level.label, level.code)
        assert level is _level("admiralty-credibility", meaning)
        assert (code != "6") == level.judged

    def test_admiralty_credibility_bands_are_stix_appendix_a(self) -> None:
        # The native credibility scale reads its bands from STIX Appendix A.3, and
        # names A.3 as its table, rank for rank.
        scale = _scale("admiralty-credibility")
        assert "stix-admiralty" == scale.stix_table
        for (label, _, low, high), level in zip(
            STIX_APPENDIX_A["stix-admiralty"], scale.judged_levels, strict=True
        ):
            assert (label[0], _percent(low, high)) == (level.label, level.band)

    def test_only_grade_1_states_corroboration(self) -> None:
        corroborated = [
            (scale.id, level.label)
            for scale in SCALES.values()
            for level in scale.levels
            if level.corroborated
        ]
        expected = [
            ("admiralty-credibility", "1"),
            ("stix-admiralty", "1 - Confirmed by other sources"),
        ]
        assert expected == corroborated

    def test_icd203_names_the_dni_scale_as_its_stix_table(self) -> None:
        icd203, dni = _scale("icd203"), _scale("stix-dni")
        assert "stix-dni" == icd203.stix_table
        for term, level in zip(icd203.judged_levels, dni.judged_levels, strict=True):
            assert level is dni.level(term.label)

    @pytest.mark.parametrize(("scale_id", "label", "value", "low", "high"), STIX_ROWS)
    def test_stix_appendix_a(
        self, scale_id: str, label: str, value: int, low: int, high: int
    ) -> None:
        level = _level(scale_id, label)
        assert (label, value, _percent(low, high)) == (level.label, level.stix, level.band)

    @pytest.mark.parametrize("scale_id", sorted(STIX_APPENDIX_A))
    def test_stix_appendix_a_lists_nothing_else(self, scale_id: str) -> None:
        expected = [row[0] for row in STIX_APPENDIX_A[scale_id]]
        assert expected == [level.label for level in _scale(scale_id).judged_levels]

    @pytest.mark.parametrize("scale_id", sorted(STIX_APPENDIX_A))
    def test_stix_ranges_cover_0_to_100_once(self, scale_id: str) -> None:
        covered = [
            value for _, _, low, high in STIX_APPENDIX_A[scale_id] for value in range(low, high + 1)
        ]
        assert list(range(covered[0], 101)) == covered

    def test_stix_not_specified_and_truth_cannot_be_judged(self) -> None:
        assert not _level("stix-none-low-med-high", "Not Specified").judged
        assert not _level("stix-admiralty", "6 - Truth cannot be judged").judged

    def test_stix_integer_scale(self) -> None:
        levels = _scale("stix").levels
        assert [str(n) for n in range(101)] == [level.label for level in levels]
        assert all(Interval.point(n / 100) == levels[n].band for n in range(101))


class TestAgainstStix2Library:
    """The STIX tables agree with the ``stix2`` library's conversion functions."""

    FUNCTIONS: ClassVar[dict[str, tuple[str, str]]] = {
        "stix-none-low-med-high": ("none_low_med_high_to_value", "value_to_none_low_medium_high"),
        "stix-0-10": ("zero_ten_to_value", "value_to_zero_ten"),
        "stix-admiralty": ("admiralty_credibility_to_value", "value_to_admiralty_credibility"),
        "stix-wep": ("wep_to_value", "value_to_wep"),
        "stix-dni": ("dni_to_value", "value_to_dni"),
    }

    @pytest.mark.parametrize("scale_id", sorted(FUNCTIONS))
    def test_values_and_ranges(self, scale_id: str) -> None:
        scales = pytest.importorskip("stix2.confidence.scales")
        to_value, from_value = (getattr(scales, name) for name in self.FUNCTIONS[scale_id])
        scale = _scale(scale_id)
        # (stix2's docstring table gives 20 for WEP "Unlikely/Probably Not"; its code
        # and the specification's Appendix A give 30.)
        assert [to_value(level.label) for level in scale.judged_levels] == [
            level.stix for level in scale.judged_levels
        ]
        for value in range(101):
            expected = from_value(value)
            matching = [
                level.label
                for level in scale.judged_levels
                if level.band is not None and value / 100 in level.band
            ]
            assert [expected] == matching


class TestLevelParsing:
    """Every published spelling parses, case-insensitively, to its level."""

    @pytest.mark.parametrize(("scale", "level"), ALL_LEVELS, ids=str)
    def test_str_of_level_parses_to_the_level(self, scale: Scale, level: Level) -> None:
        assert level is scale.level(str(level))

    @pytest.mark.parametrize(("scale", "level"), ALL_LEVELS, ids=str)
    def test_every_spelling_in_any_case(self, scale: Scale, level: Level) -> None:
        for spelling in level.spellings:
            for variant in (spelling, spelling.upper(), spelling.lower(), spelling.title()):
                assert level is scale.level(variant)

    @pytest.mark.parametrize(
        ("scale_id", "text", "label"),
        [
            ("stix-dni", "likely/probable", "Likely / Probable"),
            ("stix-wep", "Likely / Probable", "Likely/Probable"),
            ("stix-admiralty", "2-probably true", "2 - Probably True"),
            ("admiralty-reliability", "  b  ", "B"),
            ("icd203", "Roughly  Even\tOdds", "roughly even chance"),
            ("icd203", "cannot be judged", CANNOT_BE_JUDGED),
        ],
    )
    def test_space_and_dash_insensitive(self, scale_id: str, text: str, label: str) -> None:
        assert label == _level(scale_id, text).label

    @pytest.mark.parametrize(
        ("scale_id", "text", "label"),
        [
            # MISP's estimative-language taxonomy and others write ICD 203 with dashes
            # or underscores between the words.
            ("icd203", "almost-no-chance", "almost no chance"),
            ("icd203", "roughly_even_chance", "roughly even chance"),
            ("icd203", "Highly-Improbable", "very unlikely"),
            ("ipcc", "about-as-likely-as-not", "about as likely as not"),
            ("ipcc", "more_likely_than_not", "more likely than not"),
            ("icd203-confidence", "high-confidence", "high"),
            ("stix-wep", "highly-unlikely", "Highly Unlikely/Almost Certainly Not"),
            ("admiralty-credibility", "2 – probably true", "2"),
            ("admiralty-credibility", "5_improbable", "5"),
            ("stix-admiralty", "3—possibly true", "3 - Possibly True"),
        ],
    )
    def test_dash_and_underscore_variants(self, scale_id: str, text: str, label: str) -> None:
        assert label == _level(scale_id, text).label

    @pytest.mark.parametrize(
        ("scale_id", "text", "label"),
        [
            # "improbable" is ICD 203's own second spelling of "unlikely", and
            # Admiralty's grade 5 on both credibility scales.
            ("icd203", "improbable", "unlikely"),
            ("stix-dni", "improbable", "Unlikely / Improbable"),
            ("admiralty-credibility", "improbable", "5"),
            ("stix-admiralty", "improbable", "5 - Improbable"),
            # "medium" is IPCC's confidence word and STIX 1's "Medium" (A.1 "Med").
            ("ipcc-confidence", "medium", "medium"),
            ("stix-none-low-med-high", "medium", "Med"),
        ],
    )
    def test_published_aliases(self, scale_id: str, text: str, label: str) -> None:
        assert label == _level(scale_id, text).label

    @pytest.mark.parametrize(
        ("scale_id", "text"),
        [
            ("icd203-confidence", "medium"),  # ICD 203 says "moderate"
            ("ipcc-confidence", "moderate"),  # IPCC says "medium"
            ("icd203", "even chance"),  # STIX WEP's term, not ICD 203's
            ("stix-wep", "improbable"),  # WEP says "Probable" but never "Improbable"
        ],
    )
    def test_spellings_the_standard_does_not_publish(self, scale_id: str, text: str) -> None:
        assert _scale(scale_id).level(text) is None

    @pytest.mark.parametrize("scale", list(SCALES.values()), ids=str)
    def test_cannot_be_judged_is_on_every_scale(self, scale: Scale) -> None:
        level = scale.level("Cannot-Be-Judged")
        assert level is not None
        expected = (CANNOT_BE_JUDGED, None, False)
        assert expected == (level.label, level.band, level.judged)

    @pytest.mark.parametrize("scale", list(SCALES.values()), ids=str)
    def test_unknown_spelling_is_none(self, scale: Scale) -> None:
        assert scale.level("perhaps") is None

    def test_non_string_is_none(self) -> None:
        assert _scale("icd203").level(3) is None  # type: ignore[arg-type]

    def test_a_spelling_may_not_name_two_levels(self) -> None:
        with pytest.raises(InvalidValueError, match="names two levels"):
            Scale(
                id="clash",
                name="Clash",
                kind=ScaleKind.LIKELIHOOD,
                citation="none",
                levels=(Level(label="a", aliases=("b",)), Level(label="B")),
            )

    def test_a_band_is_an_interval(self) -> None:
        with pytest.raises(InvalidTypeError, match="band must be an Interval"):
            Level(label="x", band=(0.1, 0.2))  # type: ignore[arg-type]

    def test_unjudged_names_a_level_that_cannot_be_judged(self) -> None:
        with pytest.raises(InvalidValueError, match="'a' is not a level that cannot be judged"):
            Scale(
                id="odd",
                name="Odd",
                kind=ScaleKind.RELIABILITY,
                citation="none",
                levels=(Level(label="a"),),
                unjudged="a",
            )

    def test_a_level_that_cannot_be_judged_has_no_band(self) -> None:
        with pytest.raises(InvalidValueError, match="carries no number"):
            Level(label="x", band=Interval.point(0.5), judged=False)


NEWSROOM = Scale(
    id="x-newsroom",
    name="Newsroom rating",
    kind=ScaleKind.RATING,
    levels=tuple(
        Level(label=label)
        for label in ("False", "Mostly false", "Half true", "Mostly true", "True")
    ),
)


class TestScalesYouDefine:
    """A scale of your own is built from the same classes and checked the same way."""

    def test_ranks_are_the_order_of_the_levels(self) -> None:
        expected = [("False", 0), ("Mostly false", 1), ("Half true", 2), ("True", 4)]
        assert expected == [
            (level.label, level.rank) for level in NEWSROOM.levels if level.label != "Mostly true"
        ]

    def test_a_rating_is_a_grade(self) -> None:
        assert (ScaleKind.RATING.grades, NEWSROOM.is_probability) == (True, False)
        assert NEWSROOM.level("half-true") is NEWSROOM.levels[2]

    def test_parse_takes_the_scale_itself(self) -> None:
        rated = Confidence.parse("mostly TRUE", scale=NEWSROOM, assessor="desk")
        expected = Confidence(scale="x-newsroom", level="Mostly true", assessor="desk")
        assert expected == rated

    @pytest.mark.parametrize(
        "kind", [ScaleKind.CONFIDENCE, ScaleKind.RELIABILITY, ScaleKind.RATING]
    )
    def test_a_grade_takes_no_band(self, kind: ScaleKind) -> None:
        with pytest.raises(InvalidValueError, match="carry no probability band"):
            Scale(
                id="x-odd", name="Odd", kind=kind, levels=(Level(label="a", band=_percent(0, 50)),)
            )

    def test_bands_on_every_judged_level_or_none(self) -> None:
        with pytest.raises(InvalidValueError, match="every judged level has a probability band"):
            Scale(
                id="x-odd",
                name="Odd",
                kind=ScaleKind.LIKELIHOOD,
                levels=(Level(label="a", band=_percent(0, 50)), Level(label="b")),
            )

    def test_a_likelihood_scale_without_bands_is_not_a_probability(self) -> None:
        words = Scale(
            id="x-words", name="Words", kind=ScaleKind.LIKELIHOOD, levels=(Level(label="a"),)
        )
        assert not words.is_probability

    def test_a_given_rank_must_be_the_position(self) -> None:
        with pytest.raises(InvalidValueError, match=r"listed at position 0 .* has rank 1"):
            Scale(id="x-odd", name="Odd", kind=ScaleKind.RATING, levels=(Level(label="a", rank=1),))

    def test_an_unjudged_level_has_no_rank(self) -> None:
        with pytest.raises(InvalidValueError, match="has no rank"):
            Scale(
                id="x-odd",
                name="Odd",
                kind=ScaleKind.RATING,
                levels=(Level(label="a"), Level(label="b", judged=False, rank=1)),
            )

    def test_levels_are_levels(self) -> None:
        with pytest.raises(InvalidTypeError, match=r"levels\[0\] must be a Level"):
            Scale(id="x-odd", name="Odd", kind=ScaleKind.RATING, levels=("a",))  # type: ignore[arg-type]

    def test_a_scale_has_levels(self) -> None:
        with pytest.raises(InvalidValueError, match="has no levels"):
            Scale(id="x-odd", name="Odd", kind=ScaleKind.RATING, levels=())

    def test_an_open_bound_needs_a_band(self) -> None:
        with pytest.raises(InvalidValueError, match="no bound of it can be open"):
            Level(label="a", low_open=True)

    def test_a_point_cannot_be_open(self) -> None:
        with pytest.raises(InvalidValueError, match="cannot exclude it"):
            Level(label="a", band=Interval.point(0.5), high_open=True)

    def test_rank_is_a_whole_number(self) -> None:
        with pytest.raises(InvalidTypeError, match="rank must be a whole number"):
            Level(label="a", rank=-1)

    def test_kind_is_a_member(self) -> None:
        with pytest.raises(InvalidTypeError, match="kind must be one of"):
            Scale(id="x-odd", name="Odd", kind="rating", levels=(Level(label="a"),))  # type: ignore[arg-type]

    def test_describe_band(self) -> None:
        level = Level(label="a", band=_percent(20, 50), high_open=True)
        assert ("20%–< 50%", "no probability") == (
            level.describe_band(),
            Level(label="b").describe_band(),
        )
        assert "70%" == Level(label="c", band=Interval.point(0.7)).describe_band()
        assert level.admits(Interval(low=0.2, high=0.49))
        assert not level.admits(Interval(low=0.3, high=0.5))
        assert not Level(label="b").admits(Interval.point(0.5))


class TestProbabilityScale:
    """The open ``probability`` scale takes a point or an interval of numbers."""

    @pytest.mark.parametrize(
        ("text", "label", "low", "high"),
        [
            ("0.7", "0.7", 0.7, 0.7),
            ("70%", "0.7", 0.7, 0.7),
            ("0.6-0.8", "0.6-0.8", 0.6, 0.8),
            (" 60 % – 80 % ", "0.6-0.8", 0.6, 0.8),
            ("1", "1.0", 1.0, 1.0),
            (".25", "0.25", 0.25, 0.25),
            ("0-1", "0.0-1.0", 0.0, 1.0),
            ("1e-05-0.5", "1e-05-0.5", 0.00001, 0.5),
        ],
    )
    def test_spellings(self, text: str, label: str, low: float, high: float) -> None:
        level = _level("probability", text)
        assert (label, Interval(low=low, high=high)) == (level.label, level.band)

    @pytest.mark.parametrize("text", ["1.2", "0.8-0.6", "abc", "-0.1", "0.5-", "150%", "", "nan"])
    def test_rejects(self, text: str) -> None:
        assert _scale("probability").level(text) is None

    @given(
        st.floats(min_value=0, max_value=1),
        st.floats(min_value=0, max_value=1),
    )
    def test_label_round_trips(self, a: float, b: float) -> None:
        band = Interval(low=min(a, b), high=max(a, b))
        level = _level("probability", f"{band.low!r}-{band.high!r}")
        assert band == level.band
        assert level == _level("probability", level.label)


class TestConfidenceParse:
    """``Confidence.parse`` gives the canonical label and band, or a clear error."""

    @pytest.mark.parametrize(("scale", "level"), ALL_LEVELS, ids=str)
    def test_parse_of_label_is_the_level(self, scale: Scale, level: Level) -> None:
        confidence = Confidence.parse(level.label.upper(), scale=scale.id)
        assert (scale.id, level.label, level.band) == (
            confidence.scale,
            confidence.level,
            confidence.probability,
        )

    def test_alias_gives_canonical_label(self) -> None:
        expected = Confidence(scale="icd203", level="likely", probability=_percent(55, 80))
        assert expected == Confidence.parse("Probable", scale="icd203")

    def test_assessor_and_basis(self) -> None:
        confidence = Confidence.parse(
            "B", scale="admiralty-reliability", assessor="desk", basis="x"
        )
        expected = ("desk", "x")
        assert expected == (confidence.assessor, confidence.basis)

    def test_error_lists_valid_levels(self) -> None:
        with pytest.raises(InvalidValueError) as caught:
            Confidence.parse("maybe", scale="icd203-confidence")
        message = str(caught.value)
        assert "'maybe'" in message
        for label in ("'low'", "'moderate'", "'high'", repr(CANNOT_BE_JUDGED)):
            assert label in message
        assert caught.value.field == "level"

    def test_error_for_probability_shows_the_forms(self) -> None:
        with pytest.raises(InvalidValueError, match=r"'0\.6-0\.8'"):
            Confidence.parse("likely", scale="probability")

    def test_error_for_stix_names_the_range(self) -> None:
        with pytest.raises(InvalidValueError, match="'0' to '100'"):
            Confidence.parse("101", scale="stix")

    def test_unknown_scale(self) -> None:
        with pytest.raises(InvalidValueError, match="unknown scale 'nato'"):
            Confidence.parse("A", scale="nato")

    def test_non_string(self) -> None:
        with pytest.raises(InvalidTypeError):
            Confidence.parse(70, scale="stix")  # type: ignore[arg-type]


class TestJudged:
    """``Confidence.judged`` tells "cannot be judged" from "not a probability"."""

    @pytest.mark.parametrize(
        ("scale_id", "text", "judged", "has_band"),
        [
            ("icd203", "likely", True, True),
            ("icd203-confidence", "high", True, False),
            ("ipcc-confidence", "very low", True, False),
            ("admiralty-reliability", "B", True, False),
            ("admiralty-reliability", "F", False, False),
            ("admiralty-credibility", "6", False, False),
            ("stix-none-low-med-high", "Not Specified", False, False),
            ("stix", CANNOT_BE_JUDGED, False, False),
        ],
    )
    def test_judged(self, scale_id: str, text: str, judged: bool, has_band: bool) -> None:
        confidence = Confidence.parse(text, scale=scale_id)
        assert (judged, has_band) == (confidence.judged, confidence.probability is not None)

    def test_unknown_scale_falls_back_to_the_band(self) -> None:
        assert Confidence(scale="house", level="x", probability=Interval.point(0.5)).judged
        assert not Confidence(scale="house", level="x").judged


class TestTablesBuiltAfresh:
    """The built-in tables, built again from their module, are the tables in use."""

    def test_the_same_scales(self) -> None:
        # Building the tables runs the scale classes' checks and the helpers that
        # spell the published rows; doing it inside a test lets a change to either
        # show (the tables in use were built once, when the module was imported).
        # (The module's own name, so that the functions it defines are its functions.)
        fresh = runpy.run_path(str(Path(scales_module.__file__)), run_name=scales_module.__name__)
        assert dict(SCALES) == dict(fresh["SCALES"])
        assert scales_module.STIX_TABLES == fresh["STIX_TABLES"]
        for scale in fresh["SCALES"].values():
            assert [level.label for level in scale.levels] == list(scale.levels_by_label)
            assert scale.unjudged_level().label == scale.unjudged
            for level in scale.levels:
                assert scale.levels_by_label[level.label] is level
                for spelling in level.spellings:
                    assert scale.level(spelling) is level


def _odd(**changes: Any) -> Scale:
    fields: dict[str, Any] = {"id": "x-odd", "name": "Odd", "kind": ScaleKind.RATING}
    return Scale(**(fields | changes))


class TestErrorsNameTheirField:
    """Every check of a scale or level says what is wrong and names the field."""

    @pytest.mark.parametrize(
        ("build", "error", "message", "field"),
        [
            (
                lambda: Level(label="x", band=(0.1, 0.2)),  # type: ignore[arg-type]
                InvalidTypeError,
                "band must be an Interval or None, not (0.1, 0.2)",
                "band",
            ),
            (
                lambda: Level(label="x", rank="1"),  # type: ignore[arg-type]
                InvalidTypeError,
                "rank must be a whole number or None, not '1'",
                "rank",
            ),
            (
                lambda: Level(label="x", rank=-1),
                InvalidTypeError,
                "rank must be a whole number or None, not -1",
                "rank",
            ),
            (
                lambda: Level(label="x", stix=5, judged=False),
                InvalidValueError,
                "level 'x' cannot be judged, so it carries no number",
                "band",
            ),
            (
                lambda: Level(label="x", high_open=True),
                InvalidValueError,
                "level 'x' has no band, so no bound of it can be open",
                "band",
            ),
            (
                lambda: Level(label="x", band=Interval.point(0.2), low_open=True),
                InvalidValueError,
                "level 'x': a band of one point cannot exclude it",
                "band",
            ),
            (
                lambda: _odd(levels=("a",)),
                InvalidTypeError,
                "scale 'x-odd': levels[0] must be a Level, not a string",
                "levels",
            ),
            (
                lambda: _odd(levels=(Level(label="a"), Level(label="u", judged=False, rank=1))),
                InvalidValueError,
                "scale 'x-odd': level 'u' cannot be judged, so it has no rank",
                "levels",
            ),
            (
                lambda: _odd(levels=(Level(label="a", rank=1),)),
                InvalidValueError,
                (
                    "scale 'x-odd': level 'a' is listed at position 0 among the judged levels but "
                    "has rank 1; list levels in ascending order and leave rank unset"
                ),
                "levels",
            ),
            (
                lambda: _odd(levels=()),
                InvalidValueError,
                "scale 'x-odd' has no levels",
                "levels",
            ),
            (
                lambda: _odd(levels=(Level(label="a", aliases=("b",)), Level(label="B"))),
                InvalidValueError,
                "scale 'x-odd': spelling 'B' names two levels",
                "levels",
            ),
            (
                lambda: _odd(levels=(Level(label="a"),), unjudged="a"),
                InvalidValueError,
                "scale 'x-odd': 'a' is not a level that cannot be judged",
                "unjudged",
            ),
            (
                lambda: _odd(levels=(Level(label="a", band=Interval.point(0.5)),)),
                InvalidValueError,
                (
                    "scale 'x-odd' grades rating, not probability, so its levels carry no "
                    "probability band"
                ),
                "levels",
            ),
            (
                lambda: _odd(
                    kind=ScaleKind.LIKELIHOOD,
                    levels=(Level(label="a", band=Interval.point(0.5)), Level(label="b")),
                ),
                InvalidValueError,
                "scale 'x-odd': either every judged level has a probability band or none has",
                "levels",
            ),
        ],
    )
    def test_message_and_field(
        self, build: Callable[[], object], error: type[Exception], message: str, field: str
    ) -> None:
        with pytest.raises(error) as caught:
            build()
        assert (message, field) == (str(caught.value), getattr(caught.value, "field", None))

    def test_describe_levels(self) -> None:
        assert (
            "'a', 'u', 'b', 'cannot be judged'"
            == _odd(
                levels=(Level(label="a"), Level(label="u", judged=False), Level(label="b"))
            ).describe_levels()
        )
        long = _odd(kind=ScaleKind.NUMERIC, levels=tuple(Level(label=str(n)) for n in range(21)))
        assert "an integer from '0' to '20', or 'cannot be judged'" == long.describe_levels()
        twenty = _odd(levels=tuple(Level(label=str(n)) for n in range(20)))
        assert twenty.describe_levels().startswith("'0', '1', '2'")
        assert (
            "a probability from 0 to 1 such as '0.7', '70%' or '0.6-0.8', or 'cannot be judged'"
            == _scale("probability").describe_levels()
        )

    def test_levels_after_an_unjudged_one_keep_their_order(self) -> None:
        scale = _odd(
            levels=(Level(label="a"), Level(label="u", judged=False), Level(label="b", rank=1))
        )
        expected = [("a", 0), ("u", None), ("b", 1)]
        assert expected == [(level.label, level.rank) for level in scale.levels]
        assert ["a", "b"] == [level.label for level in scale.judged_levels]

    def test_a_stated_band_within_the_tolerance(self) -> None:
        level = Level(label="a", band=Interval(low=0.2, high=0.4))
        assert not level.admits(Interval(low=0.2, high=0.5))  # no tolerance by default
        assert level.admits(Interval(low=0.2 - 1e-10, high=0.4 + 1e-10), 1e-9)
        assert not level.admits(Interval(low=0.2, high=0.4 + 1e-8), 1e-9)
