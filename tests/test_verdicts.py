"""Format 1.1: fact-check verdicts on claims as assertions made them."""

from __future__ import annotations

import datetime as dt
import json
import math
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimmodel as cm
from claimmodel import exceptions
from claimmodel.cli import main
from claimmodel.corpus import merge_corpus
from claimmodel.format import _fast
from claimmodel.strategies import bundles, ratings, verdicts
from claimmodel.validation import definitely_after


def _checked() -> cm.Bundle:
    """A sculptor's claim, relayed by RIA, rated by a fact-checker."""
    said = cm.Assertion(
        id="a1",
        claim="fought",
        attribution=cm.Attribution(source="sculptor"),
        confidence=cm.Confidence.cannot_be_judged(scale="icd203"),
        date=cm.PartialDate(year=2025, month=7),
        evidence=(cm.Evidence(url="https://ria.example/1"),),
    )
    again = attrs.evolve(
        said,
        id="a2",
        attribution=cm.Attribution(source="minister"),
        date=cm.PartialDate(year=2025, month=3),
        evidence=(cm.Evidence(quote="they fought", document="tass"),),
    )
    return cm.Bundle(
        sources=(
            cm.Person(id="sculptor", name="The sculptor"),
            cm.Person(id="minister", name="The minister"),
            cm.Document(id="tass", url="https://tass.example/2"),
            cm.Organization(id="checker", name="Example Fact Check"),
        ),
        claims=(cm.Claim(id="fought", text="North Korean soldiers fought in Kursk"),),
        assertions=(said, again),
        verdicts=(
            cm.Verdict(
                id="v1",
                reviewer="checker",
                reviews=("a1", "a2"),
                rating=cm.Rating(label="Mostly true", value=4, best=5, worst=1),
                date=cm.PartialDate(year=2025, month=12, day=1),
                url="https://factcheck.example/kursk",
                explanation="Both governments confirmed it.",
            ),
        ),
    )


class TestRating:
    """A rating is a label and, together or not at all, a value between worst and best."""

    def test_a_label_alone(self) -> None:
        assert "False" == str(cm.Rating(label="False"))

    @pytest.mark.parametrize(("best", "worst"), [(5, 1), (1, 5), (1.0, 0.0)])
    def test_value_between_worst_and_best_in_either_order(self, best: float, worst: float) -> None:
        for value in (best, worst, (best + worst) / 2):
            assert value == cm.Rating(label="x", value=value, best=best, worst=worst).value

    @pytest.mark.parametrize("value", [0, 6, 5.000001, -math.inf, math.nan])
    def test_value_outside_is_refused(self, value: float) -> None:
        with pytest.raises(exceptions.InvalidValueError) as caught:
            cm.Rating(label="x", value=value, best=5, worst=1)
        assert caught.value.field == "value"

    @pytest.mark.parametrize("missing", ["value", "best", "worst"])
    def test_the_numbers_come_together(self, missing: str) -> None:
        numbers: dict[str, Any] = {"value": 2, "best": 5, "worst": 1}
        del numbers[missing]
        with pytest.raises(exceptions.InvalidValueError, match="come together") as caught:
            cm.Rating(label="x", **numbers)
        assert missing == caught.value.field

    def test_best_and_worst_differ(self) -> None:
        with pytest.raises(exceptions.InvalidValueError, match="differ"):
            cm.Rating(label="x", value=1, best=1, worst=1.0)

    @pytest.mark.parametrize("huge", [2**1025, -(10**5000)], ids=["1026-bits", "5000-digits"])
    def test_a_huge_integer_is_a_claimmodel_error(self, huge: int) -> None:
        with pytest.raises(exceptions.InvalidValueError, match="integer of") as caught:
            cm.Rating(label="x", value=huge, best=huge, worst=0)
        assert caught.value.field == "value"

    @pytest.mark.parametrize("wrong", ["3", True, None, [3]])
    def test_a_number_is_a_number(self, wrong: object) -> None:
        with pytest.raises(exceptions.ClaimModelError):
            cm.Rating(label="x", value=wrong, best=5, worst=1)  # type: ignore[arg-type]

    def test_position_is_exact(self) -> None:
        big = 2**1000
        assert Fraction(1, 4) == cm.Rating(label="x", value=2, best=5, worst=1).position
        assert Fraction(3, 4) == cm.Rating(label="x", value=2, best=1, worst=5).position
        assert Fraction(1, 2) == cm.Rating(label="x", value=big, best=2 * big, worst=0).position
        assert cm.Rating(label="x").position is None

    def test_signed_zero_is_one_value_with_one_spelling(self) -> None:
        negative = cm.Rating(label="x", value=-0.0, best=1.0, worst=-0.0)
        positive = cm.Rating(label="x", value=0.0, best=1.0, worst=0.0)
        assert (negative, hash(negative)) == (positive, hash(positive))
        bundles = [attrs.evolve(_checked().verdicts[0], rating=r) for r in (negative, positive)]
        texts = {cm.dumps(_checked().with_verdict(attrs.evolve(v, id="v2"))) for v in bundles}
        assert 1 == len(texts)

    def test_an_integer_and_a_float_are_written_as_they_were(self) -> None:
        whole, decimal = (
            cm.Rating(label="x", value=1, best=2, worst=0),
            cm.Rating(label="x", value=1.0, best=2, worst=0),
        )
        assert whole != decimal
        for rating in (whole, decimal):
            bundle = attrs.evolve(
                _checked(), verdicts=(attrs.evolve(_checked().verdicts[0], rating=rating),)
            )
            assert bundle == cm.loads(cm.dumps(bundle))


class TestVerdict:
    """A verdict reviews at least one assertion, each once, and carries a Rating."""

    def test_reviews_at_least_one_assertion(self) -> None:
        with pytest.raises(exceptions.InvalidValueError, match="at least one"):
            cm.Verdict(id="v", reviewer="r", reviews=(), rating=cm.Rating(label="x"))

    def test_reviews_each_once(self) -> None:
        with pytest.raises(exceptions.InvalidValueError, match="repeats"):
            cm.Verdict(id="v", reviewer="r", reviews=("a", "a"), rating=cm.Rating(label="x"))

    def test_reviews_is_not_a_string(self) -> None:
        with pytest.raises(exceptions.InvalidTypeError):
            cm.Verdict(id="v", reviewer="r", reviews="a1", rating=cm.Rating(label="x"))

    def test_a_rating_not_a_string(self) -> None:
        with pytest.raises(exceptions.InvalidTypeError):
            cm.Verdict(id="v", reviewer="r", reviews=("a",), rating="False")  # type: ignore[arg-type]

    def test_bundle_look_ups(self) -> None:
        bundle = _checked()
        assert bundle.verdicts[0] is bundle.verdict("v1")
        assert bundle.verdict("v9") is None
        assert bundle.verdicts == bundle.verdicts_of("fought")
        assert () == bundle.verdicts_of("other")
        extra = attrs.evolve(bundle.verdicts[0], id="v2")
        assert bundle.with_verdict(extra).verdicts == (*bundle.verdicts, extra)
        evidence = cm.Evidence(url="https://archive.example/x")
        assert (evidence,) == extra.with_evidence(evidence).evidence


class TestWire:
    """Verdicts travel under ``verdicts``, in format 1.1 only, exactly and by both engines."""

    def test_keys(self) -> None:
        data = cm.to_data(_checked())
        assert {
            "id": "v1",
            "reviewer": "checker",
            "reviews": ["a1", "a2"],
            "rating": {"label": "Mostly true", "value": 4, "best": 5, "worst": 1},
            "date": "2025-12-01",
            "url": "https://factcheck.example/kursk",
            "explanation": "Both governments confirmed it.",
        } == data["verdicts"][0]
        assert "verdicts" == list(data)[-1]

    def test_no_verdicts_no_key(self) -> None:
        assert "verdicts" not in cm.to_data(attrs.evolve(_checked(), verdicts=()))

    def test_valid_under_the_schema(self) -> None:
        validator = jsonschema.Draft202012Validator(cm.json_schema())
        assert [] == list(validator.iter_errors(cm.to_data(_checked())))

    def test_refused_in_a_1_0_document(self) -> None:
        data = cm.to_data(_checked())
        data["format"] = "claimmodel/1.0"
        with pytest.raises(exceptions.DecodeError) as caught:
            cm.from_data(data)
        assert ["$.verdicts"] == [p.path for p in caught.value.problems]

    @pytest.mark.parametrize(
        ("change", "path"),
        [
            ({"reviews": []}, "$.verdicts[0].reviews"),
            ({"reviews": ["a1", "a1"]}, "$.verdicts[0].reviews"),
            (
                {"rating": {"label": "x", "value": 9, "best": 5, "worst": 1}},
                "$.verdicts[0].rating.value",
            ),
            ({"rating": {"label": "x", "value": 2}}, "$.verdicts[0].rating.best"),
            ({"rating": {"value": 2, "best": 5, "worst": 1}}, "$.verdicts[0].rating.label"),
            ({"rating": {"label": "x", "value": "2", "best": 5, "worst": 1}}, None),
            ({"rating": {"label": "x", "value": 2**1100, "best": 5, "worst": 1}}, None),
            ({"reviewer": None}, "$.verdicts[0].reviewer"),
            ({"colour": "red"}, None),
        ],
    )
    def test_bad_verdicts_are_decode_errors_at_their_path(
        self, change: dict[str, object], path: str | None
    ) -> None:
        data = cm.to_data(_checked())
        data["verdicts"][0].update(change)
        with pytest.raises(exceptions.DecodeError) as caught:
            cm.from_data(data)
        paths = [p.path for p in caught.value.problems]
        assert all(p.startswith("$.verdicts[0]") for p in paths), paths
        if path is not None:
            assert path in paths

    @given(bundles(max_verdicts=2))
    def test_both_engines_read_and_write_alike(self, bundle: cm.Bundle) -> None:
        data = cm.to_data(bundle)
        assert data == {"format": cm.FORMAT_VERSION, **_fast.unstructure_bundle(bundle)}
        body = {k: v for k, v in json.loads(json.dumps(data)).items() if k != "format"}
        assert bundle == _fast.structure_bundle(body, cm.Limits())
        assert bundle == cm.loads(cm.dumps(bundle))


class TestStrategies:
    """The strategies generate what the model accepts, verdicts among a bundle's parts."""

    @given(ratings())
    def test_ratings(self, rating: cm.Rating) -> None:
        position = rating.position
        assert position is None or 0 <= position <= 1

    @given(verdicts(max_evidence=1))
    def test_verdicts(self, verdict: cm.Verdict) -> None:
        assert verdict.reviews
        assert len(verdict.evidence) <= 1

    @given(bundles(min_assertions=1, max_verdicts=2))
    def test_bundles_with_verdicts_break_no_verdict_rule(self, bundle: cm.Bundle) -> None:
        verdict_rules = ("CM207", "CM302", "CM330", "CM331", "CM332", "CM510")
        assert [] == [f for f in cm.validate(bundle) if f.code in verdict_rules]

    def test_max_verdicts(self) -> None:
        with pytest.raises(Exception, match="max_verdicts"):
            bundles(max_verdicts=-1).example()


class TestAnalysis:
    """A verdict is shown beside the count of origins, never counted in it."""

    def test_never_an_origin(self) -> None:
        bundle = _checked()
        without = attrs.evolve(bundle, verdicts=())
        claim, plain = cm.analyze(bundle)["fought"], cm.analyze(without)["fought"]
        assert attrs.evolve(claim, fact_checks=()) == plain
        assert "checker" not in claim.sources
        assert 2 == claim.independent_origins

    def test_what_a_claim_review_needs(self) -> None:
        (check,) = cm.analyze(_checked())["fought"].fact_checks
        assert (
            cm.FactCheck(
                verdict="v1",
                claims=("fought",),
                reviewer="checker",
                reviewer_name="Example Fact Check",
                rating=cm.Rating(label="Mostly true", value=4, best=5, worst=1),
                date=cm.PartialDate(year=2025, month=12, day=1),
                url="https://factcheck.example/kursk",
                explanation="Both governments confirmed it.",
                assertions=("a1", "a2"),
                claimants=("sculptor", "minister"),
                claimant_names=("The sculptor", "The minister"),
                appearances=("https://ria.example/1", "https://tass.example/2"),
                first_appearance="https://tass.example/2",  # the minister spoke in March
            )
            == check
        )
        assert (
            "Example Fact Check: Mostly true (4 of 1 to 5), 2025-12-01, "
            "https://factcheck.example/kursk"
        ) == check.description
        assert (
            "rated 'Mostly true' by Example Fact Check" in cm.analyze(_checked())["fought"].verdict
        )

    def test_first_appearance_without_dates_is_the_first_listed(self) -> None:
        bundle = _checked()
        undated = tuple(attrs.evolve(a, date=None) for a in bundle.assertions)
        (check,) = cm.analyze(attrs.evolve(bundle, assertions=undated))["fought"].fact_checks
        assert "https://ria.example/1" == check.first_appearance

    def test_the_bundle_document_is_where_evidence_is_missing(self) -> None:
        bundle = _checked()
        bare = tuple(attrs.evolve(a, evidence=()) for a in bundle.assertions)
        article = cm.Document(id="article", url="https://news.example/article")
        plain = attrs.evolve(bundle, assertions=bare, document="article").with_source(article)
        (check,) = cm.analyze(plain)["fought"].fact_checks
        assert ("https://news.example/article",) == check.appearances

    def test_a_verdict_on_a_translation_is_on_the_claim_counted_with_it(self) -> None:
        bundle = _checked()
        russian = cm.Claim(id="fought-ru", text="Северокорейские солдаты воевали в Курске")
        said = attrs.evolve(bundle.assertions[0], id="a3", claim="fought-ru")
        on_it = attrs.evolve(bundle.verdicts[0], id="v2", reviews=("a3",))
        relation = cm.Relation(
            id="r1", kind=cm.RelationKind.TRANSLATION_OF, subject="fought-ru", object="fought"
        )
        grown = (
            bundle.with_claim(russian)
            .with_assertion(said)
            .with_relation(relation)
            .with_verdict(on_it)
        )
        assert () == cm.validate(grown).errors
        analysis = cm.analyze(grown)
        assert ["v1", "v2"] == [check.verdict for check in analysis["fought-ru"].fact_checks]

    def test_a_dangling_review_shows_the_rest(self) -> None:
        bundle = _checked()
        stray = attrs.evolve(bundle.verdicts[0], reviews=("a9", "a1"))
        (check,) = cm.analyze(attrs.evolve(bundle, verdicts=(stray,)))["fought"].fact_checks
        assert ("a1",) == check.assertions

    def test_merge_keeps_verdicts(self) -> None:
        bundle = _checked()
        assert bundle.verdicts == cm.merge([bundle, bundle]).verdicts
        changed = attrs.evolve(bundle.verdicts[0], url="https://elsewhere.example")
        with pytest.raises(exceptions.MergeConflictError, match="verdict 'v1'"):
            cm.merge([bundle, attrs.evolve(bundle, verdicts=(changed,))])


class TestCorpusMerge:
    """merge_corpus keeps every verdict, its references renamed with what they name."""

    def test_colliding_ids_are_renamed(self) -> None:
        first = attrs.evolve(_checked(), id="one")
        second = attrs.evolve(_checked(), id="two")
        merged = merge_corpus([first, second])
        assert ["one/v1", "two/v1"] == [v.id for v in merged.bundle.verdicts]
        reviewed = [v.reviews for v in merged.bundle.verdicts]
        assert [("one/a1", "one/a2"), ("two/a1", "two/a2")] == reviewed
        assert [] == [f for f in cm.validate(merged.bundle).errors if f.code.startswith("CM3")]
        assert "two/v1" == merged.merged_id("two", "v1", kind="verdicts")


class TestReport:
    """The report and its JSON show each verdict beside the claim it rates."""

    @pytest.fixture
    def path(self, tmp_path: Path) -> Path:
        written = tmp_path / "checked.json"
        written.write_text(cm.dumps(_checked()), encoding="utf-8")
        return written

    def test_text(self, path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        assert 0 == main(["report", str(path)])
        out = capsys.readouterr().out
        assert (
            "  fact-check: Example Fact Check: Mostly true (4 of 1 to 5), 2025-12-01,\n"
            "    https://factcheck.example/kursk (assertions a1, a2)\n"
        ) in out
        assert out.rstrip().endswith("1 claim; 0 single-origin; 0 contradicted; 1 fact-checked")

    def test_json(self, path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        assert 0 == main(["report", "--format", "json", str(path)])
        (claim,) = json.loads(capsys.readouterr().out)
        assert [
            {
                "verdict": "v1",
                "reviewer": "checker",
                "reviewer_name": "Example Fact Check",
                "rating": {
                    "label": "Mostly true",
                    "value": 4,
                    "best": 5,
                    "worst": 1,
                    "scale": None,
                },
                "date": "2025-12-01",
                "url": "https://factcheck.example/kursk",
                "explanation": "Both governments confirmed it.",
                "assertions": ["a1", "a2"],
                "claimants": ["sculptor", "minister"],
                "appearances": ["https://ria.example/1", "https://tass.example/2"],
                "first_appearance": "https://tass.example/2",
            }
        ] == claim["fact_checks"]
        assert 2 == claim["independent_origins"]


_EAST, _WEST = dt.timezone(dt.timedelta(hours=14)), dt.timezone(-dt.timedelta(hours=12))
_ENDS = [
    cm.PartialDate(year=1),
    cm.PartialDate(year=1, month=1, day=1, hour=0, minute=0, tz=_EAST),
    cm.PartialDate(year=1, month=1, day=1, hour=0, minute=0),
    cm.PartialDate(year=9999, month=12, day=31, hour=23, minute=59, tz=_WEST),
    cm.PartialDate(year=9999, month=12, day=31, hour=23, minute=59),
    cm.PartialDate(year=9999),
]


class TestCalendarEnds:
    """Dates at the ends of the calendar give findings and orders, never an overflow."""

    @given(st.sampled_from(_ENDS), st.sampled_from(_ENDS), st.sampled_from(_ENDS))
    def test_reviewed_before_said(
        self, first: cm.PartialDate, second: cm.PartialDate, reviewed: cm.PartialDate
    ) -> None:
        bundle = _checked()
        said = tuple(
            attrs.evolve(a, date=date)
            for a, date in zip(bundle.assertions, (first, second), strict=True)
        )
        verdict = attrs.evolve(bundle.verdicts[0], date=reviewed)
        edited = attrs.evolve(bundle, assertions=said, verdicts=(verdict,))
        found = [f.path for f in cm.validate(edited) if f.code == "CM510"]
        early = [d for d in (first, second) if definitely_after(d, reviewed)]
        assert ["$.verdicts[0].date"] * len(early) == found
        (check,) = cm.analyze(edited)["fought"].fact_checks
        expected = "https://tass.example/2" if definitely_after(first, second) else None
        assert (expected or "https://ria.example/1") == check.first_appearance
