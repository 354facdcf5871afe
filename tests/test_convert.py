"""Conversion between scales, summaries of several confidences and Admiralty codes."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any, ClassVar

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimmodel import DecodeError, loads
from claimmodel.exceptions import InvalidTypeError, InvalidValueError
from claimmodel.format._converter import converter
from claimmodel.model import (
    CANNOT_BE_JUDGED,
    SCALES,
    Assertion,
    Attribution,
    Claim,
    Confidence,
    FrozenMap,
    Interval,
    Level,
    Person,
    Scale,
    ScaleKind,
    admiralty_code,
    convert,
    get_scale,
    summarize,
)
from claimmodel.model._convert import summarize as summarize_in_model
from claimmodel.model._scales import STIX_TABLES

PROBABILITY_SCALES = [scale for scale in SCALES.values() if scale.is_probability]
FIXED_PROBABILITY_SCALES = [scale for scale in PROBABILITY_SCALES if not scale.open]
NON_PROBABILITY_SCALES = [scale for scale in SCALES.values() if not scale.is_probability]
PAIRS = [
    (source, target)
    for source, target in itertools.product(FIXED_PROBABILITY_SCALES, PROBABILITY_SCALES)
    if source is not target
]
STIX_VERBAL = [scale for scale in SCALES.values() if scale.id.startswith("stix-")]


def _scale(scale_id: str) -> Scale:
    scale = get_scale(scale_id)
    assert scale is not None
    return scale


def _judged(scale: Scale) -> list[Confidence]:
    return [Confidence.parse(level.label, scale=scale.id) for level in scale.judged_levels]


def _order(confidence: Confidence) -> tuple[float, ...]:
    """Where a converted confidence sits on its scale: its rank, or its band."""
    level = _scale(confidence.scale).level(confidence.level)
    assert level is not None
    if level.rank is not None:
        return (level.rank,)
    assert confidence.probability is not None
    return (confidence.probability.low, confidence.probability.high)


def _probability(band: Interval) -> Confidence:
    return Confidence.parse(f"{band.low!r}-{band.high!r}", scale="probability")


def _pair_id(pair: object) -> str:
    return str(pair)


intervals = st.tuples(st.floats(min_value=0, max_value=1), st.floats(min_value=0, max_value=1)).map(
    lambda ab: Interval(low=min(ab), high=max(ab))
)


class TestRoundTrips:
    """Converting and converting back returns exactly the original."""

    @pytest.mark.parametrize(("source", "target"), PAIRS, ids=_pair_id)
    def test_there_and_back(self, source: Scale, target: Scale) -> None:
        for original in _judged(source):
            there = convert(original, to=target.id)
            assert (target.id, original) == (there.scale, there.original)
            assert original == convert(there, to=source.id)

    @pytest.mark.parametrize("source", FIXED_PROBABILITY_SCALES, ids=str)
    def test_through_probability_without_the_original(self, source: Scale) -> None:
        # ``probability`` is the finest scale: even with the kept original dropped,
        # coming back by the rule finds the same level, except the grade that says
        # "confirmed by other sources", which no probability reaches, and IPCC's
        # "more likely than not", whose open bound a closed interval cannot keep.
        for original in _judged(source):
            bare = attrs.evolve(convert(original, to="probability"), original=None)
            back = attrs.evolve(convert(bare, to=source.id), original=None)
            level = source.level(original.level)
            assert level is not None
            if level.corroborated:
                assert source.judged_levels[(level.rank or 0) - 1].label == back.level
            elif level.low_open:
                assert "about as likely as not" == back.level
            else:
                assert original == back

    @pytest.mark.parametrize("source", STIX_VERBAL, ids=str)
    def test_stix_verbal_through_stix_without_the_original(self, source: Scale) -> None:
        # STIX 0–100 is finer than its verbal scales: the published value of each
        # level lies in the level's own range, so even the bare number comes back.
        # The number's point survives as the probability: it lies within the level.
        for original in _judged(source):
            bare = attrs.evolve(convert(original, to="stix"), original=None)
            back = convert(bare, to=source.id)
            assert (original.level, bare.probability) == (back.level, back.probability)

    @pytest.mark.parametrize(("source", "target"), PAIRS, ids=_pair_id)
    def test_chains_do_not_drift(self, source: Scale, target: Scale) -> None:
        for original in _judged(source):
            for middle in ("stix", "probability", "ipcc"):
                chained = convert(convert(original, to=middle), to=target.id)
                assert convert(original, to=target.id) == chained

    def test_str_names_the_original(self) -> None:
        converted = convert(Confidence.parse("likely", scale="icd203"), to="stix")
        expected = "70 [stix] (70%), from likely [icd203] (55%–80%)"
        assert expected == str(converted)

    def test_same_scale_is_unchanged(self) -> None:
        confidence = Confidence.parse("likely", scale="icd203", assessor="desk")
        assert confidence is convert(confidence, to="icd203")

    def test_assessor_basis_and_extensions_are_kept(self) -> None:
        original = Confidence(
            scale="icd203",
            level="likely",
            probability=Interval(low=0.55, high=0.8),
            assessor="desk",
            basis="two documents",
            extensions=FrozenMap({"x_note": "n"}),
        )
        converted = convert(original, to="stix")
        expected = (original.assessor, original.basis, original.extensions)
        assert expected == (converted.assessor, converted.basis, converted.extensions)


def _strength(low: float, high: float, *, low_open: bool = False) -> tuple[int, float]:
    """The side of 0.5 a band lies on and its strength, written out from the stated rule."""
    if low > 0.5 or (low == 0.5 and low_open):
        return 1, low - 0.5
    if high < 0.5:
        return -1, 0.5 - high
    return 0, 0.0


def _stated(confidence: Confidence) -> tuple[int, float]:
    root = confidence.original if confidence.original is not None else confidence
    level = _scale(root.scale).level(root.level)
    assert level is not None
    assert level.band is not None
    if root.probability is not None and root.probability != level.band:
        return _strength(root.probability.low, root.probability.high)
    return _strength(level.band.low, level.band.high, low_open=level.low_open)


def _never_stronger(converted: Confidence) -> None:
    """The converted level lies on its source's side of 0.5 (or contains it), no stronger."""
    side, strength = _stated(converted)
    level = _scale(converted.scale).level(converted.level)
    assert level is not None
    assert level.band is not None
    to_side, to_strength = _strength(level.band.low, level.band.high, low_open=level.low_open)
    assert to_side in (0, side), converted
    assert to_strength <= strength + 1e-9, converted


def _has_table(scale: Scale) -> bool:
    return scale.id == "stix" or scale.id in STIX_TABLES or scale.stix_table is not None


# The pairs STIX Appendix A decides; every other pair of probability scales follows the rule.
PUBLISHED_PAIRS = [
    (source, target)
    for source, target in PAIRS
    if _has_table(source) and _has_table(target) and not target.open
]
RULE_PAIRS = [pair for pair in PAIRS if pair not in PUBLISHED_PAIRS and not pair[1].open]


class TestNeverStronger:
    """Wherever no table decides, a converted level is never stronger than its source."""

    def test_which_pairs_follow_the_rule(self) -> None:
        # Likelihood scales for the rule: every scale whose levels stand for
        # probability bands, ``stix`` and ``probability`` included.
        ruled = {scale.id for scale in PROBABILITY_SCALES if not _has_table(scale)}
        assert {"ipcc", "probability"} == ruled
        assert len(PAIRS) == len(PUBLISHED_PAIRS) + len(RULE_PAIRS) + len(
            [pair for pair in PAIRS if pair[1].open]
        )

    @pytest.mark.parametrize(("source", "target"), RULE_PAIRS, ids=_pair_id)
    def test_every_level(self, source: Scale, target: Scale) -> None:
        for original in _judged(source):
            _never_stronger(convert(original, to=target.id))

    @pytest.mark.parametrize("target", FIXED_PROBABILITY_SCALES, ids=str)
    @given(band=intervals)
    def test_every_interval(self, target: Scale, band: Interval) -> None:
        _never_stronger(convert(_probability(band), to=target.id))

    @pytest.mark.parametrize("target", FIXED_PROBABILITY_SCALES, ids=str)
    @given(data=st.data())
    def test_every_stated_band(self, target: Scale, data: st.DataObject) -> None:
        source = data.draw(
            st.sampled_from([s for s in FIXED_PROBABILITY_SCALES if s is not target])
        )
        level = data.draw(st.sampled_from(source.judged_levels))
        assert level.band is not None
        low, high = sorted(
            data.draw(
                st.floats(level.band.low, level.band.high).filter(
                    lambda x: x != 0.5 or not level.low_open
                )
            )
            for _ in range(2)
        )
        stated = Confidence(
            scale=source.id, level=level.label, probability=Interval(low=low, high=high)
        )
        if stated.probability == level.band:
            return  # the level itself: a table may decide
        _never_stronger(convert(stated, to=target.id))

    @pytest.mark.parametrize(("source", "target"), RULE_PAIRS, ids=_pair_id)
    def test_the_narrowest_allowed_containing_level_wins(
        self, source: Scale, target: Scale
    ) -> None:
        for original in _judged(source):
            level = source.level(original.level)
            assert level is not None
            assert level.band is not None
            side, strength = _stated(original)
            allowed = []
            for candidate in target.judged_levels:
                assert candidate.band is not None
                to_side, to_strength = _strength(
                    candidate.band.low, candidate.band.high, low_open=candidate.low_open
                )
                if (
                    to_side in (0, side)
                    and to_strength <= strength + 1e-9
                    and not candidate.corroborated
                ):
                    allowed.append(candidate)
            containing = [
                c
                for c in allowed
                if c.band is not None
                and c.band.low <= level.band.low
                and level.band.high <= c.band.high
                and (not c.low_open or level.band.low > c.band.low or level.low_open)
            ]
            converted = _scale(target.id).level(convert(original, to=target.id).level)
            assert converted in allowed
            if containing:
                assert converted in containing
                widths = [c.band.high - c.band.low for c in containing if c.band is not None]
                assert converted.band is not None
                assert min(widths) == converted.band.high - converted.band.low


class TestRule:
    """The documented rule on examples an analyst would check by hand."""

    @pytest.mark.parametrize(
        ("source", "level", "target", "expected"),
        [
            # One-sided IPCC bands keep their word (they used to strengthen).
            ("ipcc", "likely", "icd203", "likely"),  # at least 66 %
            ("ipcc", "very likely", "icd203", "very likely"),
            ("ipcc", "unlikely", "icd203", "unlikely"),
            ("ipcc", "very unlikely", "icd203", "very unlikely"),
            ("ipcc", "extremely likely", "icd203", "almost certain"),
            ("ipcc", "exceptionally unlikely", "icd203", "almost no chance"),
            ("ipcc", "about as likely as not", "icd203", "roughly even chance"),
            ("ipcc", "more likely than not", "icd203", "roughly even chance"),
            # ICD 203 to IPCC: never a stronger IPCC word than the ICD 203 band allows.
            ("icd203", "likely", "ipcc", "more likely than not"),  # 55–80 %: not 66 %
            ("icd203", "very likely", "ipcc", "likely"),
            ("icd203", "unlikely", "ipcc", "about as likely as not"),
            ("icd203", "very unlikely", "ipcc", "unlikely"),
            ("icd203", "almost no chance", "ipcc", "extremely unlikely"),  # contained
            ("icd203", "almost certain", "ipcc", "extremely likely"),  # 95–99 % in 95–100 %
            ("ipcc", "likely", "stix-wep", "Likely/Probable"),
            ("ipcc", "virtually certain", "stix-admiralty", "2 - Probably True"),
            ("probability", "0.5", "icd203", "roughly even chance"),
            ("probability", "0.8", "icd203", "very likely"),  # on a border: the narrower
            ("probability", "0", "stix-wep", "Impossible"),
            ("probability", "1", "ipcc", "virtually certain"),
            ("probability", "0.9", "admiralty-credibility", "2"),  # never 1 from a number
        ],
    )
    def test_examples(self, source: str, level: str, target: str, expected: str) -> None:
        assert expected == convert(Confidence.parse(level, scale=source), to=target).level

    @pytest.mark.parametrize(
        ("source", "level", "expected"),
        [
            ("ipcc", "virtually certain", "99"),
            ("ipcc", "likely", "66"),  # at least 66 %: 66, not the band's centre 83
            ("ipcc", "unlikely", "33"),
            ("ipcc", "about as likely as not", "50"),
            ("ipcc", "more likely than not", "50"),  # more than 50 %, by any margin
            ("probability", "0.123", "13"),  # 12 would be a stronger "unlikely"
            ("probability", "0.125", "13"),
            ("probability", "0.7", "70"),
            ("probability", "0.25-0.75", "50"),
        ],
    )
    def test_to_stix(self, source: str, level: str, expected: str) -> None:
        converted = convert(Confidence.parse(level, scale=source), to="stix")
        assert (expected, Interval.point(int(expected) / 100)) == (
            converted.level,
            converted.probability,
        )

    @pytest.mark.parametrize("source", FIXED_PROBABILITY_SCALES, ids=str)
    def test_to_probability_is_the_band(self, source: Scale) -> None:
        for original in _judged(source):
            converted = convert(original, to="probability")
            assert original.probability == converted.probability
            parsed = Confidence.parse(converted.level, scale="probability")
            assert converted == attrs.evolve(parsed, original=original)

    def test_no_level_as_weak_as_the_source(self) -> None:
        two_sided = Scale(
            id="x-two",
            name="Two-sided",
            kind=ScaleKind.LIKELIHOOD,
            levels=(
                Level(label="unlikely", band=Interval(low=0.0, high=0.4)),
                Level(label="likely", band=Interval(low=0.6, high=1.0)),
            ),
        )
        even = Confidence.parse("roughly even chance", scale="icd203")
        with pytest.raises(InvalidValueError, match="no level of scale 'x-two' states as little"):
            convert(even, to=two_sided)


# A scale on which two levels tie on width and on distance from a source's centre.
TIED = Scale(
    id="x-tied",
    name="Tied",
    kind=ScaleKind.LIKELIHOOD,
    levels=(
        Level(label="low", band=Interval(low=0.3, high=0.4)),
        Level(label="lower middle", band=Interval(low=0.4, high=0.5)),
        Level(label="upper middle", band=Interval(low=0.5, high=0.6)),
        Level(label="high", band=Interval(low=0.6, high=0.7)),
    ),
)


class TestTieBreaking:
    """Between equally narrow, equally near levels: the weaker, then the lower one."""

    def test_the_weaker_level_wins(self) -> None:
        # 40 % lies in "low" and "lower middle", equally narrow, centres equally near;
        # "lower middle" contains 50 %, so it states less.
        converted = convert(_probability(Interval.point(0.4)), to=TIED)
        assert "lower middle" == converted.level

    def test_then_the_lower_level_wins(self) -> None:
        # 50 % lies in both middle levels, which are equally narrow, near and weak.
        converted = convert(_probability(Interval.point(0.5)), to=TIED)
        assert "lower middle" == converted.level

    def test_the_nearer_centre_wins_before_strength(self) -> None:
        converted = convert(_probability(Interval(low=0.55, high=0.6)), to=TIED)
        assert ("upper middle", Interval(low=0.55, high=0.6)) == (
            converted.level,
            converted.probability,
        )


class TestPublishedTables:
    """STIX 2.1 Appendix A decides every pair it covers, as the ``stix2`` library reads it."""

    FUNCTIONS: ClassVar[dict[str, tuple[str, str]]] = {
        "stix-none-low-med-high": ("none_low_med_high_to_value", "value_to_none_low_medium_high"),
        "stix-0-10": ("zero_ten_to_value", "value_to_zero_ten"),
        "stix-admiralty": ("admiralty_credibility_to_value", "value_to_admiralty_credibility"),
        "stix-wep": ("wep_to_value", "value_to_wep"),
        "stix-dni": ("dni_to_value", "value_to_dni"),
    }
    # The scales that spell a STIX table in their own words, rank for rank.
    SPELLINGS: ClassVar[dict[str, str]] = {
        "stix-none-low-med-high": "stix-none-low-med-high",
        "stix-0-10": "stix-0-10",
        "stix-admiralty": "stix-admiralty",
        "stix-wep": "stix-wep",
        "stix-dni": "stix-dni",
        "icd203": "stix-dni",
        "admiralty-credibility": "stix-admiralty",
    }

    @staticmethod
    def _functions(table: str) -> tuple[Any, Any]:
        scales = pytest.importorskip("stix2.confidence.scales")
        to_value, from_value = TestPublishedTables.FUNCTIONS[table]
        return getattr(scales, to_value), getattr(scales, from_value)

    @staticmethod
    def _in_table(scale_id: str, label: str) -> str:
        """The STIX table's label for a level of ``scale_id`` (the same rank)."""
        scale, table = _scale(scale_id), _scale(TestPublishedTables.SPELLINGS[scale_id])
        level = scale.level(label)
        assert level is not None
        return table.judged_levels[level.rank or 0].label

    @pytest.mark.parametrize("scale_id", sorted(SPELLINGS))
    def test_to_stix(self, scale_id: str) -> None:
        to_value, _ = self._functions(self.SPELLINGS[scale_id])
        for original in _judged(_scale(scale_id)):
            expected = str(to_value(self._in_table(scale_id, original.level)))
            assert expected == convert(original, to="stix").level

    def test_icd203_to_stix_is_appendix_a5(self) -> None:
        words = ["almost no chance", "very unlikely", "unlikely", "roughly even chance"]
        words += ["likely", "very likely", "almost certain"]
        converted = [convert(Confidence.parse(w, scale="icd203"), to="stix").level for w in words]
        assert ["5", "15", "30", "50", "70", "85", "95"] == converted

    @pytest.mark.parametrize("scale_id", sorted(SPELLINGS))
    def test_from_stix_every_value(self, scale_id: str) -> None:
        _, from_value = self._functions(self.SPELLINGS[scale_id])
        for value in range(101):
            converted = convert(Confidence.parse(str(value), scale="stix"), to=scale_id)
            expected = from_value(value)
            if scale_id == "admiralty-credibility" and expected.startswith("1"):
                # The doctrine's grade 1 needs corroboration: a number gives at most 2.
                expected = "2 - Probably True"
            assert expected == self._in_table(scale_id, converted.level), value

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (6, "almost no chance"),
            (9, "almost no chance"),
            (10, "very unlikely"),
            (20, "unlikely"),
            (40, "roughly even chance"),
            (44, "roughly even chance"),
            (56, "roughly even chance"),
            (59, "roughly even chance"),
            (60, "likely"),
            (90, "almost certain"),
            (94, "almost certain"),
            (100, "almost certain"),
        ],
    )
    def test_stix_to_icd203_follows_a5(self, value: int, expected: str) -> None:
        converted = convert(Confidence.parse(str(value), scale="stix"), to="icd203")
        assert expected == converted.level

    @pytest.mark.parametrize(("source", "target"), PUBLISHED_PAIRS, ids=_pair_id)
    def test_between_tables_through_the_stix_value(self, source: Scale, target: Scale) -> None:
        if source.id == "stix" or target.id == "stix":
            return  # the two tests above
        to_value, _ = self._functions(self.SPELLINGS[source.id])
        _, from_value = self._functions(self.SPELLINGS[target.id])
        same = self.SPELLINGS[source.id] == self.SPELLINGS[target.id]
        for original in _judged(source):
            converted = convert(original, to=target.id)
            if same:  # two spellings of one table: level for level
                expected = self._in_table(source.id, original.level)
            else:
                expected = from_value(to_value(self._in_table(source.id, original.level)))
                if target.id == "admiralty-credibility" and expected.startswith("1"):
                    expected = "2 - Probably True"
            assert expected == self._in_table(target.id, converted.level)

    def test_stix_admiralty_presents_80_to_100_as_grade_1(self) -> None:
        # STIX requires A.3 when presenting a STIX value on the Admiralty scale; on
        # the doctrine's own scale, a number is no corroboration.
        ninety = Confidence.parse("90", scale="stix")
        assert "1 - Confirmed by other sources" == convert(ninety, to="stix-admiralty").level
        assert "2" == convert(ninety, to="admiralty-credibility").level
        graded = Confidence.parse("1 - Confirmed by other sources", scale="stix-admiralty")
        assert ("1", "90") == (
            convert(graded, to="admiralty-credibility").level,
            convert(graded, to="stix").level,
        )


class TestStixZero:
    """STIX 0 is a judgement (the data is almost surely wrong), never "cannot be judged"."""

    @pytest.mark.parametrize(
        ("target", "expected"),
        [
            ("stix-none-low-med-high", "None"),
            ("stix-0-10", "0"),
            ("stix-admiralty", "5 - Improbable"),
            ("stix-wep", "Impossible"),
            ("stix-dni", "Almost No Chance / Remote"),
            ("icd203", "almost no chance"),
            ("admiralty-credibility", "5"),
            ("ipcc", "exceptionally unlikely"),
            ("probability", "0.0"),
        ],
    )
    def test_zero(self, target: str, expected: str) -> None:
        zero = Confidence.parse("0", scale="stix")
        converted = convert(zero, to=target)
        assert (expected, True) == (converted.level, converted.judged)

    def test_not_specified_is_not_zero(self) -> None:
        unspecified = Confidence.parse("Not Specified", scale="stix-none-low-med-high")
        assert CANNOT_BE_JUDGED == convert(unspecified, to="stix").level


class TestStatedBand:
    """A band the encoder stated survives conversion and chooses the target level."""

    @staticmethod
    def _likely(low: float, high: float) -> Confidence:
        return Confidence(scale="icd203", level="likely", probability=Interval(low=low, high=high))

    @pytest.mark.parametrize(
        ("target", "expected"),
        [
            ("ipcc", "more likely than not"),
            ("stix-wep", "Likely/Probable"),
            ("stix-dni", "Likely / Probable"),
            ("admiralty-credibility", "2"),
            ("probability", "0.6-0.7"),
        ],
    )
    def test_survives(self, target: str, expected: str) -> None:
        converted = convert(self._likely(0.6, 0.7), to=target)
        assert (expected, Interval(low=0.6, high=0.7)) == (
            converted.level,
            converted.probability,
        )

    def test_chooses_the_level(self) -> None:
        # 56–58 % is "likely" in ICD 203 but "Roughly Even Chance" by STIX's ranges.
        converted = convert(self._likely(0.56, 0.58), to="stix-dni")
        assert ("Roughly Even Chance / Roughly Even Odds", Interval(low=0.56, high=0.58)) == (
            converted.level,
            converted.probability,
        )

    def test_numbers_convert_numbers(self) -> None:
        # The table maps the word "likely" to 70; a stated 60–70 % is no stronger than 60.
        assert "60" == convert(self._likely(0.6, 0.7), to="stix").level

    def test_a_band_not_within_the_level_is_the_levels_band(self) -> None:
        converted = convert(Confidence.parse("likely", scale="ipcc"), to="icd203")
        assert Interval(low=0.55, high=0.8) == converted.probability

    def test_the_level_without_a_stated_band_keeps_its_own(self) -> None:
        converted = convert(Confidence.parse("likely", scale="icd203"), to="ipcc")
        assert ("more likely than not", Interval(low=0.55, high=0.8)) == (
            converted.level,
            converted.probability,
        )


class TestGrades:
    """Analytic confidence, reliability and ratings are never read as probabilities."""

    def test_a_stated_band_does_not_make_a_grade_convertible(self) -> None:
        high = Confidence(
            scale="icd203-confidence", level="high", probability=Interval(low=0.1, high=0.2)
        )
        with pytest.raises(InvalidValueError, match="not a probability"):
            convert(high, to="icd203")

    def test_a_stated_band_on_a_grade_is_left_out_of_summaries(self) -> None:
        high = Confidence(
            scale="icd203-confidence", level="high", probability=Interval(low=0.1, high=0.2)
        )
        likely = Confidence.parse("likely", scale="icd203")
        assert likely.probability == summarize([high, likely])
        assert summarize([high]) is None


NEWSROOM = Scale(
    id="x-newsroom",
    name="Newsroom rating",
    kind=ScaleKind.RATING,
    levels=tuple(Level(label=label) for label in ("False", "Half true", "True")),
)
IN_HOUSE = Scale(
    id="x-desk",
    name="Desk likelihood",
    kind=ScaleKind.LIKELIHOOD,
    citation="the desk's style guide",
    levels=(
        Level(label="doubtful", band=Interval(low=0.0, high=0.3)),
        Level(label="open", band=Interval(low=0.3, high=0.7)),
        Level(label="solid", band=Interval(low=0.7, high=0.9)),
        Level(label="certain", band=Interval(low=0.9, high=1.0)),
    ),
)


class TestScalesYouDefine:
    """Scales of your own are passed explicitly and read like the built-in ones."""

    def test_convert_from_and_to(self) -> None:
        solid = Confidence.parse("solid", scale=IN_HOUSE)
        as_icd = convert(solid, to="icd203", scales=[IN_HOUSE])
        assert ("likely", solid) == (as_icd.level, as_icd.original)  # 70 % is not yet 80
        likely = Confidence.parse("likely", scale="icd203")
        assert "open" == convert(likely, to=IN_HOUSE).level  # 55 % is not yet "solid"
        assert "open" == convert(likely, to="x-desk", scales=[IN_HOUSE]).level

    def test_never_stronger_on_your_scale(self) -> None:
        for level in _scale("ipcc").judged_levels:
            _never_stronger_on(
                IN_HOUSE, convert(Confidence.parse(level.label, scale="ipcc"), to=IN_HOUSE)
            )

    def test_unknown_without_the_scale(self) -> None:
        with pytest.raises(InvalidValueError, match="unknown scale 'x-desk'"):
            convert(Confidence.parse("likely", scale="icd203"), to="x-desk")

    def test_a_rating_is_not_converted(self) -> None:
        half = Confidence.parse("Half true", scale=NEWSROOM)
        with pytest.raises(InvalidValueError, match="not a probability"):
            convert(half, to="icd203", scales=[NEWSROOM])
        assert (
            CANNOT_BE_JUDGED
            == convert(Confidence.cannot_be_judged(scale="icd203"), to=NEWSROOM).level
        )

    def test_summaries_read_your_bands(self) -> None:
        bare = Confidence(scale="x-desk", level="solid")
        assert summarize([bare]) is None  # an unknown scale states no band
        assert Interval(low=0.7, high=0.9) == summarize([bare], scales=[IN_HOUSE])
        half = Confidence.parse("Half true", scale=NEWSROOM)
        assert summarize([half], scales=[NEWSROOM]) is None

    def test_built_in_ids_cannot_be_redefined(self) -> None:
        mine = attrs.evolve(IN_HOUSE, id="icd203")
        with pytest.raises(InvalidValueError, match="'icd203' is a built-in scale id"):
            convert(Confidence.parse("likely", scale="icd203"), to="stix", scales=[mine])

    def test_the_built_in_scale_itself_may_be_passed(self) -> None:
        icd203 = _scale("icd203")
        likely = Confidence.parse("likely", scale="icd203")
        assert "70" == convert(likely, to="stix", scales=[icd203]).level
        assert convert(likely, to="stix") == convert(likely, to=_scale("stix"))

    def test_two_scales_with_one_id(self) -> None:
        with pytest.raises(InvalidValueError, match="two scales have the id 'x-desk'"):
            summarize([], scales=[IN_HOUSE, attrs.evolve(IN_HOUSE, name="Other")])

    def test_scales_are_scales(self) -> None:
        with pytest.raises(InvalidTypeError, match=r"scales\[0\] must be a Scale"):
            summarize([], scales=["x-desk"])  # type: ignore[list-item]

    def test_to_is_a_scale_or_an_id(self) -> None:
        with pytest.raises(InvalidTypeError, match="to must be a scale id or a Scale"):
            convert(Confidence.parse("likely", scale="icd203"), to=3)  # type: ignore[arg-type]

    def test_a_stix_table_of_your_own(self) -> None:
        words = Scale(
            id="x-dni-words",
            name="DNI words",
            kind=ScaleKind.LIKELIHOOD,
            stix_table="stix-dni",
            levels=_scale("icd203").levels,
        )
        likely = Confidence.parse("likely", scale=words)
        assert "70" == convert(likely, to="stix", scales=[words]).level
        short = attrs.evolve(words, levels=words.levels[:3])
        with pytest.raises(InvalidValueError, match="is not a STIX Appendix A scale with 3"):
            convert(likely, to="stix", scales=[short])


def _never_stronger_on(scale: Scale, converted: Confidence) -> None:
    side, strength = _stated(converted)
    level = scale.level(converted.level)
    assert level is not None
    assert level.band is not None
    to_side, to_strength = _strength(level.band.low, level.band.high)
    assert to_side in (0, side)
    assert to_strength <= strength + 1e-9


class TestMonotone:
    """A higher level never maps to a lower one."""

    @pytest.mark.parametrize(("source", "target"), PAIRS, ids=_pair_id)
    def test_levels(self, source: Scale, target: Scale) -> None:
        converted = [_order(convert(c, to=target.id)) for c in _judged(source)]
        assert sorted(converted) == converted

    @pytest.mark.parametrize("target", FIXED_PROBABILITY_SCALES, ids=str)
    @given(a=intervals, b=intervals)
    def test_intervals(self, target: Scale, a: Interval, b: Interval) -> None:
        lower = Interval(low=min(a.low, b.low), high=min(a.high, b.high))
        upper = Interval(low=max(a.low, b.low), high=max(a.high, b.high))
        converted = [_order(convert(_probability(band), to=target.id)) for band in (lower, upper)]
        assert sorted(converted) == converted


class TestCannotBeJudged:
    """ "Cannot be judged" and STIX "Not Specified" never become numbers."""

    UNJUDGED: ClassVar[list[tuple[str, str]]] = [
        (scale.id, level.label)
        for scale in SCALES.values()
        for level in (*scale.levels, scale.unjudged_level())
        if not level.judged
    ]

    @pytest.mark.parametrize(("source", "level"), UNJUDGED)
    def test_never_a_number(self, source: str, level: str) -> None:
        original = Confidence.parse(level, scale=source)
        for target in SCALES.values():
            converted = convert(original, to=target.id)
            expected: tuple[Interval | None, bool] = (None, False)
            assert expected == (converted.probability, converted.judged)
            if target.id != source:
                assert target.unjudged == converted.level
                assert original == convert(converted, to=source)

    def test_admiralty_unjudged_levels(self) -> None:
        unjudged = Confidence.cannot_be_judged(scale="icd203")
        expected = {
            "admiralty-reliability": "F",
            "admiralty-credibility": "6",
            "stix-admiralty": "6 - Truth cannot be judged",
            "stix": CANNOT_BE_JUDGED,
        }
        assert expected == {target: convert(unjudged, to=target).level for target in expected}


class TestErrors:
    """What cannot be converted says why."""

    @pytest.mark.parametrize("source", NON_PROBABILITY_SCALES, ids=str)
    def test_from_a_grade(self, source: Scale) -> None:
        for original in _judged(source):
            with pytest.raises(InvalidValueError, match="not a probability"):
                convert(original, to="probability")

    @pytest.mark.parametrize("target", NON_PROBABILITY_SCALES, ids=str)
    def test_to_a_grade(self, target: Scale) -> None:
        with pytest.raises(InvalidValueError, match="not probability"):
            convert(Confidence.parse("likely", scale="icd203"), to=target.id)

    def test_unknown_target(self) -> None:
        with pytest.raises(InvalidValueError, match="unknown scale 'percent'"):
            convert(Confidence.parse("likely", scale="icd203"), to="percent")

    def test_level_not_on_its_scale(self) -> None:
        stray = Confidence(scale="icd203", level="perhaps", probability=Interval.point(0.5))
        with pytest.raises(InvalidValueError, match="'perhaps' is not a level"):
            convert(stray, to="stix")

    def test_a_level_without_a_stated_band_converts_by_its_level(self) -> None:
        bare = Confidence(scale="icd203", level="probable")
        expected = convert(Confidence.parse("likely", scale="icd203"), to="stix").level
        assert expected == convert(bare, to="stix").level

    def test_unknown_source_scale_converts_by_its_band(self) -> None:
        house = Confidence(scale="house", level="fair", probability=Interval(low=0.6, high=0.7))
        expected = Confidence(scale="icd203", level="likely", probability=house.probability)
        assert expected == attrs.evolve(convert(house, to="icd203"), original=None)

    def test_original_must_be_first(self) -> None:
        converted = convert(Confidence.parse("likely", scale="icd203"), to="stix")
        with pytest.raises(InvalidValueError, match="first judgement"):
            attrs.evolve(converted, scale="probability", original=converted)

    def test_original_must_be_a_confidence(self) -> None:
        with pytest.raises(InvalidTypeError, match="original must be a Confidence"):
            Confidence(scale="stix", level="5", original="likely")  # type: ignore[arg-type]


class TestWire:
    """A converted confidence keeps its original through JSON."""

    def test_round_trip(self) -> None:
        converted = convert(Confidence.parse("probable", scale="icd203"), to="stix-wep")
        data = converter.unstructure(converted, Confidence)
        expected = {"scale": "icd203", "level": "likely", "probability": {"low": 0.55, "high": 0.8}}
        assert expected == data["original"]
        assert converted == converter.structure(data, Confidence)

    def test_nested_original_is_reported_with_its_path(self) -> None:
        inner = '{"scale": "icd203", "level": "likely"}'
        original = f'{{"scale": "stix", "level": "68", "original": {inner}}}'
        confidence = f'{{"scale": "probability", "level": "0.7", "original": {original}}}'
        document = (
            '{"format": "claimmodel/1.0", "sources": [{"kind": "person", "id": "s"}], '
            '"claims": [{"id": "c", "text": "t"}], "relations": [], "assertions": [{"id": "a", '
            f'"claim": "c", "attribution": {{"source": "s"}}, "confidence": {confidence}}}]}}'
        )
        with pytest.raises(DecodeError) as caught:
            loads(document)
        expected = ["$.assertions[0].confidence.original"]
        assert expected == [problem.path for problem in caught.value.problems]


class TestSummarize:
    """The summary of several confidences is the envelope of their judged bands."""

    def test_envelope(self) -> None:
        confidences = [
            Confidence.parse("likely", scale="icd203"),
            Confidence.parse("very likely", scale="ipcc"),
            Confidence.parse("0.3", scale="probability"),
        ]
        assert Interval(low=0.3, high=1.0) == summarize(confidences)

    def test_unjudged_and_grades_are_left_out(self) -> None:
        confidences = [
            Confidence.cannot_be_judged(),
            Confidence.parse("high", scale="icd203-confidence"),
            Confidence.parse("6", scale="admiralty-credibility"),
            Confidence.parse("Med", scale="stix-none-low-med-high"),
        ]
        assert Interval(low=0.3, high=0.69) == summarize(confidences)

    def test_a_level_without_a_stated_band_counts_with_its_level(self) -> None:
        confidences = [
            Confidence(scale="ipcc", level="Likely"),
            Confidence(scale="stix", level="40"),
        ]
        assert Interval(low=0.4, high=1.0) == summarize(confidences)

    def test_an_unjudged_level_never_counts(self) -> None:
        stray = Confidence(
            scale="admiralty-credibility", level="6", probability=Interval.point(0.9)
        )
        assert summarize([stray]) is None

    def test_nothing_judged(self) -> None:
        assert summarize([Confidence.cannot_be_judged()]) is None
        assert summarize([]) is None

    def test_uses_the_original_judgement(self) -> None:
        converted = convert(Confidence.parse("likely", scale="icd203"), to="stix")
        assert Interval(low=0.55, high=0.8) == summarize([converted])

    def test_accepts_any_iterable(self) -> None:
        confidences = (Confidence.parse(text, scale="stix") for text in ("20", "70"))
        assert Interval(low=0.2, high=0.7) == summarize_in_model(confidences)

    @given(st.lists(intervals, min_size=1, max_size=8))
    def test_contains_every_band_and_no_more(self, bands: list[Interval]) -> None:
        confidences = [_probability(band) for band in bands]
        summary = summarize(confidences)
        assert summary is not None
        assert all(summary.low <= b.low and b.high <= summary.high for b in bands)
        assert (min(b.low for b in bands), max(b.high for b in bands)) == (
            summary.low,
            summary.high,
        )


class TestAdmiraltyCode:
    """Reliability comes from the source, credibility from the assertion."""

    @staticmethod
    def _assertion(confidence: Confidence) -> Assertion:
        return Assertion(
            id="a",
            claim=Claim(text="The monument will be built.").id,
            attribution=Attribution(source="s"),
            confidence=confidence,
        )

    @pytest.mark.parametrize(
        ("reliability", "confidence", "origins", "expected"),
        [
            (("B", "admiralty-reliability"), ("2", "admiralty-credibility"), 1, "B2"),
            (("usually reliable", "admiralty-reliability"), ("probable", "icd203"), 1, "B2"),
            (("a", "admiralty-reliability"), ("confirmed", "admiralty-credibility"), 2, "A1"),
            (None, ("3 - Possibly True", "stix-admiralty"), 1, "F3"),
            (("F", "admiralty-reliability"), (CANNOT_BE_JUDGED, "admiralty-credibility"), 3, "F6"),
            (("E", "admiralty-reliability"), ("high", "icd203-confidence"), 2, "E6"),
            (("high", "icd203-confidence"), ("10", "stix"), 1, "F5"),
            # Grade 1 is "confirmed by other sources": one origin confirms nothing.
            (("A", "admiralty-reliability"), ("confirmed", "admiralty-credibility"), 1, "A2"),
            (("A", "admiralty-reliability"), ("1", "stix-admiralty"), 0, "A2"),
            (("C", "admiralty-reliability"), ("almost certain", "icd203"), 1, "C2"),
            (("C", "admiralty-reliability"), ("95", "stix"), 1, "C2"),
            # Corroborated, a probability STIX A.3 reads as 1 (80–100) reaches it.
            (("C", "admiralty-reliability"), ("almost certain", "icd203"), 2, "C1"),
            (("C", "admiralty-reliability"), ("virtually certain", "ipcc"), 2, "C1"),
            (("C", "admiralty-reliability"), ("80", "stix"), 3, "C1"),
            (("C", "admiralty-reliability"), ("79", "stix"), 3, "C2"),
        ],
    )
    def test_codes(
        self,
        reliability: tuple[str, str] | None,
        confidence: tuple[str, str],
        origins: int,
        expected: str,
    ) -> None:
        source = Person(
            id="s",
            reliability=None
            if reliability is None
            else Confidence.parse(reliability[0], scale=reliability[1]),
        )
        assertion = self._assertion(Confidence.parse(confidence[0], scale=confidence[1]))
        assert expected == admiralty_code(source, assertion, independent_origins=origins)

    @pytest.mark.parametrize(
        "reliability",
        [
            None,
            Confidence.parse("high", scale="icd203-confidence"),
            Confidence.parse("F", scale="admiralty-reliability"),
            Confidence.cannot_be_judged(scale="admiralty-reliability"),
            Confidence(scale="admiralty-reliability", level="Z"),
        ],
        ids=["missing", "other-scale", "F", "cannot-be-judged", "unknown-level"],
    )
    def test_the_fallback_letter_is_f(self, reliability: Confidence | None) -> None:
        source = Person(id="s", reliability=reliability)
        assertion = self._assertion(Confidence.parse("2", scale="admiralty-credibility"))
        assert "F2" == admiralty_code(source, assertion, independent_origins=1)

    def test_origins_is_a_count(self) -> None:
        source = Person(id="s")
        assertion = self._assertion(Confidence.parse("2", scale="admiralty-credibility"))
        with pytest.raises(InvalidTypeError, match="independent_origins must be an integer"):
            admiralty_code(source, assertion, independent_origins="2")  # type: ignore[arg-type]
        with pytest.raises(InvalidValueError, match="must not be negative"):
            admiralty_code(source, assertion, independent_origins=-1)


def _error(call: Callable[[], object]) -> tuple[str, str, str | None]:
    """The class, message and field of the error ``call`` raises."""
    with pytest.raises((InvalidTypeError, InvalidValueError)) as caught:
        call()
    return (type(caught.value).__name__, str(caught.value), getattr(caught.value, "field", None))


def _two_sided() -> Scale:
    return Scale(
        id="x-two",
        name="Two-sided",
        kind=ScaleKind.LIKELIHOOD,
        levels=(
            Level(label="unlikely", band=Interval(low=0.0, high=0.5), high_open=True),
            Level(label="likely", band=Interval(low=0.5, high=1.0), low_open=True),
        ),
    )


class TestErrorsSayWhatAndWhere:
    """Every conversion error names what is wrong and the field it is about."""

    LIKELY = Confidence.parse("likely", scale="icd203")

    def test_no_level_as_weak(self) -> None:
        more = Confidence.parse("more likely than not", scale="ipcc")
        even = Confidence.parse("roughly even chance", scale="icd203")
        expected = (
            "InvalidValueError",
            (
                "no level of scale 'x-two' states as little as [0.45, 0.55]: each would state a "
                "stronger judgement than the one converted"
            ),
            "scale",
        )
        assert expected == _error(lambda: convert(even, to=_two_sided()))
        half = _probability(Interval.point(0.5))
        assert "states as little as 0.5:" in _error(lambda: convert(half, to=_two_sided()))[1]
        # "more likely than not" is above 50 %: the open "likely" is no stronger.
        assert "likely" == convert(more, to=_two_sided()).level
        assert Interval(low=0.5, high=1.0) == convert(more, to=_two_sided()).probability

    def test_open_bounds_are_shown(self) -> None:
        apart = Scale(
            id="x-apart",
            name="Apart",
            kind=ScaleKind.LIKELIHOOD,
            levels=(
                Level(label="no", band=Interval(low=0.0, high=0.4)),
                Level(label="yes", band=Interval(low=0.6, high=1.0)),
            ),
        )
        more = Confidence.parse("more likely than not", scale="ipcc")
        assert "states as little as (>0.5, 1]:" in _error(lambda: convert(more, to=apart))[1]
        less = Scale(
            id="x-less",
            name="Less",
            kind=ScaleKind.LIKELIHOOD,
            levels=(Level(label="less", band=Interval(low=0.2, high=0.5), high_open=True),),
        )
        below = Confidence.parse("less", scale=less)
        message = _error(lambda: convert(below, to=apart, scales=[less]))[1]
        assert "states as little as [0.2, <0.5):" in message

    def test_unknown_level(self) -> None:
        stray = Confidence(scale="icd203", level="perhaps", probability=Interval.point(0.5))
        assert (
            "InvalidValueError",
            (
                "'perhaps' is not a level of scale 'icd203'; valid levels: 'almost no chance', "
                "'very unlikely', 'unlikely', 'roughly even chance', 'likely', 'very likely', "
                "'almost certain', 'cannot be judged'"
            ),
            "level",
        ) == _error(lambda: convert(stray, to="stix"))

    def test_a_grade(self) -> None:
        high = Confidence.parse("high", scale="icd203-confidence")
        assert (
            "InvalidValueError",
            (
                "'high' on scale 'icd203-confidence' is not a probability and has no equivalent "
                "on scale 'ipcc'"
            ),
            "level",
        ) == _error(lambda: convert(high, to="ipcc"))

    def test_no_band_on_an_unknown_scale(self) -> None:
        bare = Confidence(scale="house", level="fair")
        assert (
            "InvalidValueError",
            "'fair' on scale 'house' states no probability and has no equivalent on scale 'icd203'",
            "level",
        ) == _error(lambda: convert(bare, to="icd203"))

    def test_to_a_grade(self) -> None:
        assert (
            "InvalidValueError",
            (
                "scale 'admiralty-reliability' grades reliability, not probability: a probability "
                "cannot be converted to it"
            ),
            "scale",
        ) == _error(lambda: convert(self.LIKELY, to="admiralty-reliability"))

    def test_to_is_a_scale_or_an_id(self) -> None:
        assert (
            "InvalidTypeError",
            "to must be a scale id or a Scale, not an integer",
            "to",
        ) == _error(lambda: convert(self.LIKELY, to=3))  # type: ignore[arg-type]

    def test_unknown_target(self) -> None:
        kind, message, field = _error(lambda: convert(self.LIKELY, to="percent"))
        assert (kind, field) == ("InvalidValueError", "scale")
        assert message.startswith(
            "unknown scale 'percent'; known scales: 'icd203', 'icd203-confidence', 'ipcc', "
        )
        assert message.endswith("'stix-dni', 'probability'")

    def test_a_scale_id_is_a_string(self) -> None:
        assert get_scale(["icd203"]) is None  # type: ignore[arg-type]
        kind, message, field = _error(lambda: Confidence.parse("likely", scale=["icd203"]))  # type: ignore[arg-type]
        assert (kind, field) == ("InvalidValueError", "scale")
        assert message.startswith("unknown scale ['icd203']; known scales: 'icd203'")

    def test_admiralty_origins(self) -> None:
        source = Person(id="s")
        said = Assertion(
            id="a", claim="c", attribution=Attribution(source="s"), confidence=self.LIKELY
        )
        assert (
            "InvalidTypeError",
            "independent_origins must be an integer, not a string",
            "independent_origins",
        ) == _error(lambda: admiralty_code(source, said, independent_origins="2"))  # type: ignore[arg-type]
        assert (
            "InvalidValueError",
            "independent_origins must not be negative, not -1",
            "independent_origins",
        ) == _error(lambda: admiralty_code(source, said, independent_origins=-1))

    @pytest.mark.parametrize(
        ("scales", "message"),
        [
            (["x-desk"], "scales[0] must be a Scale, not a string"),
            (
                [attrs.evolve(IN_HOUSE, id="icd203")],
                (
                    "scales[0]: 'icd203' is a built-in scale id and cannot be redefined; give your "
                    "scale an id of its own (such as 'x-' followed by a name)"
                ),
            ),
            (
                [IN_HOUSE, attrs.evolve(IN_HOUSE, name="Other")],
                "scales[1]: two scales have the id 'x-desk'",
            ),
            (
                [attrs.evolve(IN_HOUSE, stix_table="nope")],
                "scales[0]: stix_table 'nope' is not a STIX Appendix A scale with 4 judged levels",
            ),
            (
                [attrs.evolve(IN_HOUSE, stix_table="stix-none-low-med-high", levels=(), open=True)],
                (
                    "scales[0]: stix_table 'stix-none-low-med-high' is not a STIX Appendix A scale "
                    "with 0 judged levels"
                ),
            ),
            (
                [attrs.evolve(IN_HOUSE, stix_table="icd203")],
                (
                    "scales[0]: stix_table 'icd203' is not a STIX Appendix A scale with 4 judged "
                    "levels"
                ),
            ),
        ],
    )
    def test_scales_you_define(self, scales: list[Scale], message: str) -> None:
        kind = "InvalidTypeError" if message.endswith("a string") else "InvalidValueError"
        assert (kind, message, "scales") == _error(lambda: summarize([], scales=scales))


class TestOpenBounds:
    """A band that excludes a bound is read without it, on both sides of 50 %."""

    def test_a_closed_level_is_preferred_to_an_open_one_that_excludes_the_band(self) -> None:
        scale = Scale(
            id="x-open",
            name="Open",
            kind=ScaleKind.LIKELIHOOD,
            levels=(
                Level(label="low", band=Interval(low=0.1, high=0.3)),
                Level(label="lower", band=Interval(low=0.2, high=0.4), high_open=True),
                Level(label="middle", band=Interval(low=0.1, high=0.9)),
                Level(label="upper", band=Interval(low=0.6, high=0.8), low_open=True),
                Level(label="high", band=Interval(low=0.7, high=0.9)),
            ),
        )
        # 60–70 % is not within "upper" (more than 60 %), so "middle" contains it.
        assert "middle" == convert(_probability(Interval(low=0.6, high=0.7)), to=scale).level
        assert "upper" == convert(_probability(Interval(low=0.61, high=0.7)), to=scale).level
        # 30–40 % is not within "lower" (less than 40 %).
        assert "middle" == convert(_probability(Interval(low=0.3, high=0.4)), to=scale).level
        assert "lower" == convert(_probability(Interval(low=0.3, high=0.39)), to=scale).level

    def test_an_open_bound_at_one_half_is_not_neutral(self) -> None:
        half = _probability(Interval.point(0.5))
        scale = Scale(
            id="x-halves",
            name="Halves",
            kind=ScaleKind.LIKELIHOOD,
            levels=(
                Level(label="below", band=Interval(low=0.0, high=0.5), high_open=True),
                Level(label="even", band=Interval(low=0.5, high=1.0)),
            ),
        )
        assert "even" == convert(half, to=scale).level  # "below" excludes 50 %


class TestCorroboratedLevels:
    """A level stating confirmation is skipped wherever it stands on a scale."""

    def test_the_levels_after_it_still_count(self) -> None:
        scale = Scale(
            id="x-confirmed",
            name="Confirmed",
            kind=ScaleKind.CREDIBILITY,
            levels=(
                Level(label="doubtful", band=Interval(low=0.0, high=0.4)),
                Level(label="confirmed", band=Interval(low=0.4, high=0.6), corroborated=True),
                Level(label="probable", band=Interval(low=0.6, high=1.0)),
            ),
        )
        assert "probable" == convert(_probability(Interval.point(0.9)), to=scale).level


class TestSummaryBands:
    """A summary takes a stated band before its level's, and a stray level by its band."""

    def test_the_stated_band(self) -> None:
        judged = Confidence(scale="icd203", level="likely", probability=Interval(low=0.6, high=0.7))
        assert Interval(low=0.6, high=0.7) == summarize([judged])

    def test_a_level_not_on_its_scale(self) -> None:
        stray = Confidence(scale="icd203", level="perhaps", probability=Interval.point(0.3))
        assert Interval.point(0.3) == summarize([stray])

    def test_the_built_in_scale_and_one_of_yours(self) -> None:
        icd203 = _scale("icd203")
        solid = Confidence(scale="x-desk", level="solid")
        assert Interval(low=0.7, high=0.9) == summarize([solid], scales=[icd203, IN_HOUSE])
        assert Interval(low=0.7, high=0.9) == summarize([solid], scales=IN_HOUSE)  # type: ignore[arg-type]
