"""Format 1.1: scales a record declares, used by its confidences and ratings."""

from __future__ import annotations

import json

import attrs
import jsonschema
import pytest
from hypothesis import given

import claimmodel as cm
from claimmodel import exceptions
from claimmodel.corpus import merge_corpus
from claimmodel.strategies import bundles, declared_scales

RATING = cm.ScaleKind.RATING
WORDS = ("False", "Mostly false", "Half true", "Mostly true", "True")


def _newsroom() -> cm.DeclaredScale:
    return cm.DeclaredScale(
        id="newsroom",
        name="Newsroom rating",
        kind=RATING,
        levels=tuple(cm.DeclaredLevel(label=word) for word in WORDS),
    )


def _desk() -> cm.DeclaredScale:
    """An in-house likelihood scale with bands."""
    return cm.DeclaredScale(
        id="desk",
        kind=cm.ScaleKind.LIKELIHOOD,
        levels=(
            cm.DeclaredLevel(label="doubtful", band=cm.Interval(low=0.0, high=0.4)),
            cm.DeclaredLevel(label="plausible", band=cm.Interval(low=0.4, high=0.7)),
            cm.DeclaredLevel(label="solid", band=cm.Interval(low=0.7, high=1.0), aliases=("firm",)),
        ),
    )


def _bundle(confidence: cm.Confidence, rating: cm.Rating) -> cm.Bundle:
    return cm.Bundle(
        scales=(_newsroom(), _desk()),
        sources=(cm.Person(id="sculptor"), cm.Organization(id="checker")),
        claims=(cm.Claim(id="c1", text="The project is going ahead"),),
        assertions=(
            cm.Assertion(
                id="a1",
                claim="c1",
                attribution=cm.Attribution(source="sculptor"),
                confidence=confidence,
            ),
        ),
        verdicts=(cm.Verdict(id="v1", reviewer="checker", reviews=("a1",), rating=rating),),
    )


SOLID = cm.Confidence(scale="desk", level="solid", probability=cm.Interval(low=0.7, high=1.0))
HALF = cm.Rating(label="Half true", scale="newsroom")


class TestModel:
    """A declared scale is a Scale of one of three kinds, never a built-in one redefined."""

    def test_its_scale(self) -> None:
        scale = _desk().scale
        assert ("desk", cm.ScaleKind.LIKELIHOOD) == (scale.id, scale.kind)
        assert "solid" == str(scale.level("Firm"))
        assert all(level.judged for level in scale.levels)

    @pytest.mark.parametrize("builtin", ["icd203", "probability", "stix"])
    def test_a_builtin_id_cannot_be_redefined(self, builtin: str) -> None:
        with pytest.raises(exceptions.InvalidValueError, match="cannot be redefined") as caught:
            attrs.evolve(_newsroom(), id=builtin)
        assert "id" == caught.value.field

    @pytest.mark.parametrize(
        "kind", [cm.ScaleKind.RELIABILITY, cm.ScaleKind.CREDIBILITY, cm.ScaleKind.NUMERIC]
    )
    def test_three_kinds_only(self, kind: cm.ScaleKind) -> None:
        with pytest.raises(exceptions.InvalidValueError, match="declares scales of kind"):
            attrs.evolve(_newsroom(), kind=kind)

    @pytest.mark.parametrize(
        ("levels", "match"),
        [
            ((), "no levels"),
            ((cm.DeclaredLevel(label="True"), cm.DeclaredLevel(label="true")), "names two"),
            ((cm.DeclaredLevel(label="cannot be judged"),), "names two"),
            ((cm.DeclaredLevel(label="x", band=cm.Interval.point(0.5)),), "no probability band"),
        ],
    )
    def test_the_levels_make_a_scale(
        self, levels: tuple[cm.DeclaredLevel, ...], match: str
    ) -> None:
        with pytest.raises(exceptions.InvalidValueError, match=match):
            attrs.evolve(_newsroom(), levels=levels)

    def test_bands_on_every_level_or_none(self) -> None:
        desk = _desk()
        half = (*desk.levels[:2], attrs.evolve(desk.levels[2], band=None))
        with pytest.raises(exceptions.InvalidValueError, match="every judged level"):
            attrs.evolve(desk, levels=half)

    def test_declared_scales_keep_the_first_of_each_id(self) -> None:
        other = attrs.evolve(_newsroom(), name="Another")
        bundle = cm.Bundle(scales=(_newsroom(), other, _desk()))
        assert ["Newsroom rating", "desk"] == [s.name for s in bundle.declared_scales]


class TestWire:
    """Declared scales travel under ``scales``, in format 1.1 only, exactly."""

    def test_keys(self) -> None:
        data = cm.to_data(cm.Bundle(scales=(_desk(),)))
        assert ["format", "scales", "sources", "claims", "assertions", "relations"] == list(data)
        assert {
            "id": "desk",
            "kind": "likelihood",
            "levels": [
                {"label": "doubtful", "band": {"low": 0.0, "high": 0.4}},
                {"label": "plausible", "band": {"low": 0.4, "high": 0.7}},
                {"label": "solid", "band": {"low": 0.7, "high": 1.0}, "aliases": ["firm"]},
            ],
        } == data["scales"][0]
        assert [] == list(jsonschema.Draft202012Validator(cm.json_schema()).iter_errors(data))

    def test_redefining_a_builtin_is_a_decode_error_at_its_path(self) -> None:
        data = cm.to_data(cm.Bundle(scales=(_newsroom(), _desk())))
        data["scales"][1]["id"] = "icd203"
        with pytest.raises(exceptions.DecodeError) as caught:
            cm.from_data(data)
        (problem,) = caught.value.problems
        assert "$.scales[1].id" == problem.path
        assert "cannot be redefined" in problem.message

    @pytest.mark.parametrize(
        ("change", "path"),
        [
            ({"kind": "reliability"}, "$.scales[0].kind"),
            ({"levels": []}, "$.scales[0].levels"),
            ({"levels": [{"label": "x", "band": {"low": 0.2, "high": 0.1}}]}, None),
            ({"levels": "False"}, "$.scales[0].levels"),
        ],
    )
    def test_bad_scales(self, change: dict[str, object], path: str | None) -> None:
        data = cm.to_data(cm.Bundle(scales=(_newsroom(),)))
        data["scales"][0].update(change)
        with pytest.raises(exceptions.DecodeError) as caught:
            cm.from_data(data)
        paths = [p.path for p in caught.value.problems]
        assert all(p.startswith("$.scales[0]") for p in paths), paths
        if path is not None:
            assert path in paths

    def test_refused_in_a_1_0_document(self) -> None:
        data = cm.to_data(cm.Bundle(scales=(_newsroom(),)))
        data["format"] = "claimmodel/1.0"
        with pytest.raises(exceptions.DecodeError) as caught:
            cm.from_data(data)
        assert ["$.scales"] == [p.path for p in caught.value.problems]

    @given(bundles(max_scales=2))
    def test_round_trip(self, bundle: cm.Bundle) -> None:
        text = cm.dumps(bundle)
        assert bundle == cm.loads(text)
        assert bundle == cm.loads(json.dumps(json.loads(text), indent=1))

    @given(declared_scales())
    def test_strategy(self, declared: cm.DeclaredScale) -> None:
        assert declared.scale.levels
        assert declared.id not in cm.SCALES


class TestValidation:
    """Confidences and ratings on a declared scale are checked against it."""

    def test_valid(self) -> None:
        assert [] == list(cm.validate(_bundle(SOLID, HALF)))

    def test_an_unknown_label(self) -> None:
        report = cm.validate(_bundle(SOLID, cm.Rating(label="Pants on fire", scale="newsroom")))
        assert [("CM201", "$.verdicts[0].rating.label")] == [(f.code, f.path) for f in report]

    def test_a_level_outside_its_band(self) -> None:
        wrong = attrs.evolve(SOLID, probability=cm.Interval.point(0.2))
        found = [(f.code, f.path) for f in cm.validate(_bundle(wrong, HALF))]
        assert [("CM202", "$.assertions[0].confidence.probability")] == found

    def test_a_rating_on_a_declared_likelihood_scale(self) -> None:
        report = cm.validate(_bundle(SOLID, cm.Rating(label="solid", scale="desk")))
        assert [("CM207", "$.verdicts[0].rating.scale")] == [(f.code, f.path) for f in report]

    def test_undeclared_it_is_unknown(self) -> None:
        bundle = attrs.evolve(_bundle(SOLID, HALF), scales=())
        codes = [(f.code, f.path) for f in cm.validate(bundle)]
        assert [
            ("CM205", "$.assertions[0].confidence.scale"),
            ("CM205", "$.verdicts[0].rating.scale"),
        ] == codes

    def test_a_scale_passed_wins(self) -> None:
        passed = cm.Scale(
            id="newsroom", name="Other", kind=RATING, levels=(cm.Level(label="Pants on fire"),)
        )
        report = cm.validate(_bundle(SOLID, HALF), scales=[passed])
        assert [("CM201", "$.verdicts[0].rating.label")] == [(f.code, f.path) for f in report]

    def test_two_scales_with_one_id(self) -> None:
        bundle = _bundle(SOLID, HALF)
        twice = attrs.evolve(bundle, scales=(*bundle.scales, attrs.evolve(_newsroom(), name="B")))
        assert [("CM302", "$.scales[2].id")] == [(f.code, f.path) for f in cm.validate(twice)]


class TestAnalysis:
    """Declared levels are judgements, never "cannot be judged"; bands count."""

    def test_a_grade_on_a_declared_scale_is_judged(self) -> None:
        graded = cm.DeclaredScale(
            id="house", kind=cm.ScaleKind.CONFIDENCE, levels=(cm.DeclaredLevel(label="firm"),)
        )
        bundle = _bundle(cm.Confidence(scale="house", level="firm"), HALF)
        bundle = attrs.evolve(bundle, scales=(*bundle.scales, graded))
        claim = cm.analyze(bundle)["c1"]
        assert claim.judged
        assert claim.confidence is None
        assert not cm.analyze(attrs.evolve(bundle, scales=()))["c1"].judged

    def test_a_declared_band_counts(self) -> None:
        claim = cm.analyze(_bundle(SOLID, HALF))["c1"]
        assert cm.Interval(low=0.7, high=1.0) == claim.confidence

    def test_convert_with_the_declared_scales(self) -> None:
        bundle = _bundle(SOLID, HALF)
        converted = cm.convert(SOLID, "icd203", scales=bundle.declared_scales)
        assert converted.original == SOLID

    def test_merges_keep_declared_scales(self) -> None:
        first = attrs.evolve(_bundle(SOLID, HALF), id="one")
        second = attrs.evolve(_bundle(SOLID, HALF), id="two")
        assert first.scales == cm.merge([first, first]).scales
        merged = merge_corpus([first, second])
        assert first.scales == merged.bundle.scales
        assert [] == [c for c in merged.conflicts if c.kind == "scales"]
        other = attrs.evolve(second, scales=(attrs.evolve(_newsroom(), name="Other"),))
        (conflict,) = [c for c in merge_corpus([first, other]).conflicts if c.kind == "scales"]
        assert ("one", "two") == (conflict.first.namespace, conflict.second.namespace)
        with pytest.raises(exceptions.MergeConflictError, match="scale 'newsroom'"):
            cm.merge([first, other])
