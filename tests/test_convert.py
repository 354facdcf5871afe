"""Conversion between scales, summaries of several confidences and Admiralty codes."""

from __future__ import annotations

import itertools
from typing import ClassVar

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
    Person,
    Scale,
    admiralty_code,
    convert,
    get_scale,
    summarize,
)
from claimmodel.model._scales import summarize as summarize_in_model

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
        # coming back by the containment rule finds the same level.
        for original in _judged(source):
            bare = attrs.evolve(convert(original, to="probability"), original=None)
            assert original == attrs.evolve(convert(bare, to=source.id), original=None)

    @pytest.mark.parametrize("source", STIX_VERBAL, ids=str)
    def test_stix_verbal_through_stix_without_the_original(self, source: Scale) -> None:
        # STIX 0–100 is finer than its verbal scales: the published value of each
        # level lies in the level's own range, so even the bare number comes back.
        for original in _judged(source):
            bare = attrs.evolve(convert(original, to="stix"), original=None)
            assert original == attrs.evolve(convert(bare, to=source.id), original=None)

    @pytest.mark.parametrize(("source", "target"), PAIRS, ids=_pair_id)
    def test_chains_do_not_drift(self, source: Scale, target: Scale) -> None:
        for original in _judged(source):
            for middle in ("stix", "probability", "ipcc"):
                chained = convert(convert(original, to=middle), to=target.id)
                assert convert(original, to=target.id) == chained

    def test_str_names_the_original(self) -> None:
        converted = convert(Confidence.parse("likely", scale="icd203"), to="stix")
        expected = "68 [stix] (68%), from likely [icd203] (55%–80%)"
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


class TestRule:
    """The documented rule: containment, then the band's centre, then published values."""

    @pytest.mark.parametrize(("source", "target"), PAIRS, ids=_pair_id)
    def test_containing_level_is_used_when_one_exists(self, source: Scale, target: Scale) -> None:
        if target.id == "stix":
            return  # STIX integers are points; see test_to_stix
        for original in _judged(source):
            band = original.probability
            assert band is not None
            converted = convert(original, to=target.id)
            assert converted.probability is not None
            containing = [
                level.band
                for level in target.judged_levels
                if level.band is not None
                and level.band.low <= band.low <= band.high <= level.band.high
            ]
            if containing:
                result = converted.probability
                assert result.low <= band.low <= band.high <= result.high
                assert min(b.high - b.low for b in containing) == result.high - result.low

    @pytest.mark.parametrize(
        ("source", "level", "target", "expected"),
        [
            ("icd203", "likely", "ipcc", "likely"),  # centre 67.5 % in 66–100 %
            ("ipcc", "about as likely as not", "icd203", "roughly even chance"),
            ("ipcc", "very likely", "icd203", "almost certain"),  # centre 95 %
            ("ipcc", "exceptionally unlikely", "icd203", "almost no chance"),  # nearest
            ("icd203", "almost no chance", "ipcc", "extremely unlikely"),  # contained
            ("icd203", "almost certain", "ipcc", "extremely likely"),  # 95–99 % in 95–100 %
            ("stix-wep", "Even Chance", "icd203", "roughly even chance"),
            ("stix-dni", "Likely / Probable", "stix-wep", "Likely/Probable"),
            ("admiralty-credibility", "2", "stix-admiralty", "2 - Probably True"),
            ("stix-admiralty", "1 - Confirmed by other sources", "admiralty-credibility", "1"),
            ("stix-0-10", "7", "stix-none-low-med-high", "High"),
            ("probability", "0.5", "icd203", "roughly even chance"),
            ("probability", "0.8", "icd203", "very likely"),  # on a border: the narrower
            ("probability", "0", "stix-wep", "Impossible"),
            ("probability", "1", "ipcc", "virtually certain"),
        ],
    )
    def test_examples(self, source: str, level: str, target: str, expected: str) -> None:
        assert expected == convert(Confidence.parse(level, scale=source), to=target).level

    @pytest.mark.parametrize("source", STIX_VERBAL, ids=str)
    def test_to_stix_uses_the_published_value(self, source: Scale) -> None:
        for level in source.judged_levels:
            converted = convert(Confidence.parse(level.label, scale=source.id), to="stix")
            assert str(level.stix) == converted.level

    @pytest.mark.parametrize("target", STIX_VERBAL, ids=str)
    def test_from_stix_uses_the_published_range(self, target: Scale) -> None:
        for value in range(101):
            converted = convert(Confidence.parse(str(value), scale="stix"), to=target.id)
            level = target.level(converted.level)
            assert level is not None
            assert level.band is not None
            assert value / 100 in level.band

    @pytest.mark.parametrize(
        ("source", "level", "expected"),
        [
            ("icd203", "likely", "68"),  # centre of 55–80 %, halves up
            ("icd203", "roughly even chance", "50"),
            ("ipcc", "virtually certain", "100"),
            ("ipcc", "about as likely as not", "50"),
            ("probability", "0.123", "12"),
            ("probability", "0.125", "13"),
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
        expected = Confidence.parse("likely", scale="icd203")
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
        ("reliability", "confidence", "expected"),
        [
            (("B", "admiralty-reliability"), ("2", "admiralty-credibility"), "B2"),
            (("usually reliable", "admiralty-reliability"), ("probable", "icd203"), "B2"),
            (("a", "admiralty-reliability"), ("confirmed", "admiralty-credibility"), "A1"),
            (None, ("3 - Possibly True", "stix-admiralty"), "F3"),
            (("F", "admiralty-reliability"), (CANNOT_BE_JUDGED, "admiralty-credibility"), "F6"),
            (("E", "admiralty-reliability"), ("high", "icd203-confidence"), "E6"),
            (("high", "icd203-confidence"), ("10", "stix"), "F5"),
        ],
    )
    def test_codes(
        self,
        reliability: tuple[str, str] | None,
        confidence: tuple[str, str],
        expected: str,
    ) -> None:
        source = Person(
            id="s",
            reliability=None
            if reliability is None
            else Confidence.parse(reliability[0], scale=reliability[1]),
        )
        assertion = self._assertion(Confidence.parse(confidence[0], scale=confidence[1]))
        assert expected == admiralty_code(source, assertion)
