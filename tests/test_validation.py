"""Examples for ``claimmodel.validate``: the report, rule selection and each rule's edges."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import attrs
import pytest

import claimmodel
from claimmodel import (
    Affiliation,
    AffiliationKind,
    Assertion,
    Attribution,
    Bundle,
    Channel,
    Claim,
    ClaimModelError,
    Confidence,
    Document,
    Evidence,
    Finding,
    Hedge,
    HedgeCategory,
    Interval,
    Link,
    MediaOutlet,
    Organization,
    PartialDate,
    Person,
    Relation,
    RelationKind,
    Report,
    Role,
    Severity,
    Span,
    ValidationError,
    validate,
)
from claimmodel.cli import main
from claimmodel.exceptions import InvalidTypeError, InvalidValueError
from claimmodel.validation import RULES, Family, definitely_after, resolve_severities
from validation_helpers import dangling

TEXT = "The sculptor confirmed that the troops allegedly fought there."
ALLEGEDLY = Span(start=TEXT.index("allegedly"), end=TEXT.index("allegedly") + 9)


def _assertion(**changes: Any) -> Assertion:
    assertion = Assertion(
        id="a1",
        claim="c1",
        attribution=Attribution(
            source="sculptor", chain=(Link(source="article", channel=Channel.PUBLICATION),)
        ),
        confidence=Confidence(
            scale="icd203", level="likely", probability=Interval(low=0.6, high=0.7)
        ),
    )
    return attrs.evolve(assertion, **changes)


def _bundle(*assertions: Assertion, **changes: Any) -> Bundle:
    bundle = Bundle(
        document="article",
        published=PartialDate(year=2025, month=11, day=25),
        sources=(Document(id="article", text=TEXT), Person(id="sculptor")),
        claims=(Claim(id="c1", text="The troops fought there"),),
        assertions=assertions or (_assertion(),),
    )
    return attrs.evolve(bundle, **changes)


def _found(bundle: Bundle) -> list[tuple[str, str]]:
    return [(f.code, f.path) for f in validate(bundle)]


class TestReport:
    """A report holds every finding in document order and says whether the bundle is ok."""

    def test_a_valid_bundle_has_no_findings(self) -> None:
        report = validate(_bundle())
        assert (True, 0, "no findings") == (report.ok, len(report), str(report))

    def test_findings_follow_document_order_with_numeric_indices(self) -> None:
        assertions = [_assertion(id=f"a{i}", claim="nowhere") for i in range(12)]
        paths = [f.path for f in validate(_bundle(*assertions), select=["CM301"])]
        assert [f"$.assertions[{i}].claim" for i in range(12)] == paths

    def test_warnings_alone_leave_the_report_ok(self) -> None:
        report = validate(_bundle().with_source(Person(id="bystander")))
        assert (True, (), ("CM701",)) == (
            report.ok,
            report.errors,
            tuple(f.code for f in report.warnings),
        )

    def test_a_finding_prints_path_code_severity_and_message(self) -> None:
        finding = Finding(code="CM701", severity=Severity.WARNING, path="$.sources[1]", message="m")
        assert "$.sources[1]: CM701 warning: m" == str(finding)

    def test_raise_for_errors_carries_every_finding(self) -> None:
        bundle = _bundle(_assertion(claim="nowhere")).with_source(Person(id="bystander"))
        report = validate(bundle)
        with pytest.raises(ValidationError) as caught:
            report.raise_for_errors()
        assert (report.findings, ("CM301",)) == (
            caught.value.findings,
            tuple(f.code for f in caught.value.errors),
        )

    def test_the_exception_is_a_claimmodel_error_and_a_value_error(self) -> None:
        assert (True, True) == (
            issubclass(ValidationError, ClaimModelError),
            issubclass(ValidationError, ValueError),
        )

    def test_raise_for_errors_is_silent_for_an_ok_report(self) -> None:
        validate(_bundle().with_source(Person(id="bystander"))).raise_for_errors()

    def test_reports_compare_by_findings(self) -> None:
        assert Report(validate(_bundle(_assertion(claim="x"))).findings) == validate(
            _bundle(_assertion(claim="x"))
        )

    def test_validate_rejects_what_is_not_a_bundle(self) -> None:
        with pytest.raises(InvalidTypeError, match="needs a Bundle"):
            validate({"sources": []})  # type: ignore[arg-type]


class TestSelection:
    """Rules are chosen and graded the way linters let users choose them."""

    BROKEN = _bundle(_assertion(), _assertion(id="a2", claim="nowhere")).with_source(
        Person(id="bystander")
    )

    def test_ignore_drops_a_rule(self) -> None:
        assert [("CM301", "$.assertions[1].claim")] == [
            (f.code, f.path) for f in validate(self.BROKEN, ignore=["CM701"])
        ]

    def test_select_by_family_prefix(self) -> None:
        assert {"CM701"} == validate(self.BROKEN, select=["CM7"]).codes

    def test_ignore_wins_over_select(self) -> None:
        assert frozenset() == validate(self.BROKEN, select=["CM7"], ignore=["CM701"]).codes

    def test_severity_override(self) -> None:
        report = validate(self.BROKEN, severities={"CM701": "error", "CM3": Severity.WARNING})
        assert {"CM701": Severity.ERROR, "CM301": Severity.WARNING} == {
            f.code: f.severity for f in report
        }

    def test_the_most_specific_override_wins(self) -> None:
        chosen = resolve_severities(severities={"CM301": "error", "CM3": "warning"})
        assert (Severity.ERROR, Severity.WARNING) == (chosen["CM301"], chosen["CM302"])

    def test_warnings_as_errors(self) -> None:
        report = validate(self.BROKEN, warnings_as_errors=True)
        assert (False, {Severity.ERROR}) == (report.ok, {f.severity for f in report})

    @pytest.mark.parametrize(
        ("options", "message"),
        [
            ({"ignore": ["CM999"]}, "matches no rule code"),
            ({"select": ["XY"]}, "matches no rule code"),
            ({"ignore": ["CM001"]}, "codes given outside the rules"),
            ({"ignore": "CM701"}, "a list of codes"),
            ({"severities": {"CM701": "fatal"}}, "'error' or 'warning'"),
        ],
    )
    def test_bad_options_are_errors(self, options: dict[str, object], message: str) -> None:
        with pytest.raises(InvalidValueError, match=message):
            validate(self.BROKEN, **options)  # type: ignore[arg-type]

    @pytest.mark.parametrize("options", [{"select": 7}, {"ignore": 7}, {"severities": ["CM701"]}])
    def test_options_of_the_wrong_type_are_type_errors(self, options: dict[str, object]) -> None:
        with pytest.raises(InvalidTypeError):
            validate(self.BROKEN, **options)  # type: ignore[arg-type]

    def test_every_code_has_a_documented_family_digit(self) -> None:
        digits = {rule.code[2] for rule in RULES.values()}
        assert {str(i) for i in range(len(Family))} == digits


class TestAttributionRules:
    """Attribution sources, chains and assessors resolve, and chains are sound."""

    def test_the_speaker_repeated_at_the_end_of_the_chain(self) -> None:
        chain = (
            Link(source="article", channel=Channel.PUBLICATION),
            Link(source="sculptor", channel=Channel.INTERVIEW),
        )
        attribution = Attribution(source="sculptor", chain=chain)
        assert [("CM104", "$.assertions[0].attribution.chain[1].source")] == _found(
            _bundle(_assertion(attribution=attribution))
        )

    def test_a_chain_of_the_maximum_length_is_accepted(self) -> None:
        relays = tuple(Person(id=f"r{i}") for i in range(16))
        chain = tuple(Link(source=p.id, channel=Channel.CONVERSATION) for p in relays)
        assertion = _assertion(attribution=Attribution(source="sculptor", chain=chain))
        bundle = _bundle(assertion)
        assert [] == _found(attrs.evolve(bundle, sources=(*bundle.sources, *relays)))

    def test_a_person_relaying_needs_no_channel(self) -> None:
        chain = (Link(source="friend"),)
        assertion = _assertion(attribution=Attribution(source="sculptor", chain=chain))
        assert [] == _found(_bundle(assertion).with_source(Person(id="friend")))

    def test_an_outlet_relaying_needs_a_channel(self) -> None:
        chain = (Link(source="ria"),)
        assertion = _assertion(attribution=Attribution(source="sculptor", chain=chain))
        assert [("CM106", "$.assertions[0].attribution.chain[0].channel")] == _found(
            _bundle(assertion).with_source(MediaOutlet(id="ria"))
        )

    def test_a_source_reliability_assessor_resolves(self) -> None:
        reliability = Confidence(scale="admiralty-reliability", level="B", assessor="desk")
        bundle = _bundle()
        sources = (bundle.sources[0], attrs.evolve(bundle.sources[1], reliability=reliability))
        assert [("CM103", "$.sources[1].reliability.assessor")] == _found(
            attrs.evolve(bundle, sources=sources)
        )


class TestConfidenceRules:
    """Levels belong to their scale and stated probabilities agree with its bands."""

    @pytest.mark.parametrize(
        "confidence",
        [
            Confidence(scale="icd203", level="Highly Probable", probability=Interval.point(0.9)),
            Confidence(scale="icd203", level="likely", probability=Interval(low=0.55, high=0.8)),
            Confidence(scale="ipcc", level="likely", probability=Interval(low=0.66, high=1.0)),
            Confidence(scale="probability", level="0.7", probability=Interval.point(0.7)),
            Confidence(scale="admiralty-reliability", level="F"),
            Confidence(scale="icd203-confidence", level="moderate"),
            Confidence.cannot_be_judged(scale="icd203"),
            Confidence(scale="x-newsroom", level="solid"),
        ],
    )
    def test_agreeing_confidences_pass(self, confidence: Confidence) -> None:
        assert [] == _found(_bundle(_assertion(confidence=confidence)))

    def test_floating_point_noise_at_a_band_edge_is_tolerated(self) -> None:
        confidence = Confidence(
            scale="icd203", level="likely", probability=Interval(low=0.1 + 0.45, high=0.8)
        )
        assert [] == _found(_bundle(_assertion(confidence=confidence)))

    def test_a_wider_interval_than_the_band_is_reported(self) -> None:
        confidence = Confidence(
            scale="icd203", level="likely", probability=Interval(low=0.5, high=0.8)
        )
        assert [("CM202", "$.assertions[0].confidence.probability")] == _found(
            _bundle(_assertion(confidence=confidence))
        )

    def test_a_conversion_and_its_original_both_agree(self) -> None:
        likely = Confidence(scale="icd203", level="likely", probability=Interval(low=0.6, high=0.7))
        assert [] == _found(
            _bundle(_assertion(confidence=claimmodel.model.convert(likely, "ipcc")))
        )

    def test_the_original_of_a_conversion_is_checked(self) -> None:
        wrong = Confidence(scale="icd203", level="likely", probability=Interval.point(0.9))
        converted = Confidence(
            scale="probability", level="0.9", probability=Interval.point(0.9), original=wrong
        )
        assert [("CM202", "$.assertions[0].confidence.original.probability")] == _found(
            _bundle(_assertion(confidence=converted))
        )

    @pytest.mark.parametrize(
        ("scale", "level"),
        [
            ("icd203-confidence", "high"),
            ("ipcc-confidence", "very low"),
            ("admiralty-reliability", "B"),
        ],
    )
    def test_a_grade_takes_no_probability(self, scale: str, level: str) -> None:
        # ICD 203 keeps confidence in the analysis apart from likelihood.
        confidence = Confidence(scale=scale, level=level, probability=Interval(low=0.1, high=0.2))
        findings = validate(_bundle(_assertion(confidence=confidence)))
        assert [("CM206", "$.assertions[0].confidence.probability")] == [
            (f.code, f.path) for f in findings
        ]
        assert f"grades {claimmodel.get_scale(scale).kind.value}" in findings.findings[0].message  # type: ignore[union-attr]

    def test_more_likely_than_not_excludes_one_half(self) -> None:
        half = Confidence(
            scale="ipcc", level="more likely than not", probability=Interval(low=0.5, high=0.9)
        )
        findings = validate(_bundle(_assertion(confidence=half)))
        assert [("CM202", "$.assertions[0].confidence.probability")] == [
            (f.code, f.path) for f in findings
        ]
        assert "not within > 50%–100%" in findings.findings[0].message
        above = attrs.evolve(half, probability=Interval(low=0.51, high=0.9))
        assert [] == _found(_bundle(_assertion(confidence=above)))
        parsed = Confidence.parse("more likely than not", scale="ipcc")  # the level's own band
        assert [] == _found(_bundle(_assertion(confidence=parsed)))

    def test_scales_you_define_are_checked(self) -> None:
        desk = claimmodel.Scale(
            id="desk",
            name="Desk likelihood",
            kind=claimmodel.ScaleKind.LIKELIHOOD,
            levels=(
                claimmodel.Level(label="open", band=Interval(low=0.3, high=0.7)),
                claimmodel.Level(label="solid", band=Interval(low=0.7, high=1.0)),
            ),
        )
        solid = Confidence.parse("Solid", scale=desk)
        bundle = _bundle(_assertion(confidence=solid))
        assert [("CM205", "$.assertions[0].confidence.scale")] == _found(bundle)
        assert [] == list(validate(bundle, scales=[desk]))
        wrong = attrs.evolve(solid, probability=Interval.point(0.5))
        odd = attrs.evolve(solid, level="sure")
        assert [
            ("CM202", "$.assertions[0].confidence.probability"),
            ("CM201", "$.assertions[1].confidence.level"),
        ] == [
            (f.code, f.path)
            for f in validate(
                _bundle(_assertion(confidence=wrong), _assertion(id="a2", confidence=odd)),
                scales=[desk],
            )
        ]

    def test_a_rating_you_define_is_judged_and_takes_no_probability(self) -> None:
        newsroom = claimmodel.Scale(
            id="x-newsroom",
            name="Newsroom rating",
            kind=claimmodel.ScaleKind.RATING,
            levels=(claimmodel.Level(label="False"), claimmodel.Level(label="True")),
        )
        rated = Confidence.parse("true", scale=newsroom)
        assert [] == list(validate(_bundle(_assertion(confidence=rated)), scales=[newsroom]))
        banded = attrs.evolve(rated, probability=Interval.point(0.9))
        assert [("CM206", "$.assertions[0].confidence.probability")] == [
            (f.code, f.path)
            for f in validate(_bundle(_assertion(confidence=banded)), scales=[newsroom])
        ]

    def test_built_in_scales_cannot_be_redefined(self) -> None:
        mine = claimmodel.Scale(
            id="icd203",
            name="Mine",
            kind=claimmodel.ScaleKind.RATING,
            levels=(claimmodel.Level(label="yes"),),
        )
        with pytest.raises(InvalidValueError, match="'icd203' is a built-in scale id"):
            validate(_bundle(), scales=[mine])

    def test_an_unknown_level_is_not_also_checked_against_a_band(self) -> None:
        confidence = Confidence(scale="icd203", level="sure", probability=Interval.point(0.1))
        assert [("CM201", "$.assertions[0].confidence.level")] == _found(
            _bundle(_assertion(confidence=confidence))
        )


class TestReferenceRules:
    """Ids are unique and every reference names an item of the bundle."""

    def test_duplicates_are_reported_after_the_first(self) -> None:
        bundle = _bundle(_assertion(), _assertion(), _assertion())
        assert [("CM302", "$.assertions[1].id"), ("CM302", "$.assertions[2].id")] == _found(bundle)

    def test_every_edge_of_a_two_source_cycle_is_reported(self) -> None:
        unit = Organization(
            id="unit", affiliations=(Affiliation(kind=AffiliationKind.PART_OF, target="army"),)
        )
        army = Organization(
            id="army", affiliations=(Affiliation(kind=AffiliationKind.PART_OF, target="unit"),)
        )
        bundle = _bundle().with_source(unit).with_source(army)
        assert {
            ("CM308", "$.sources[2].affiliations[0].target"),
            ("CM308", "$.sources[3].affiliations[0].target"),
        } == set(_found(bundle))

    def test_a_mixed_cycle_of_part_of_and_funded_by_is_no_cycle(self) -> None:
        unit = Organization(
            id="unit", affiliations=(Affiliation(kind=AffiliationKind.PART_OF, target="army"),)
        )
        army = Organization(
            id="army", affiliations=(Affiliation(kind=AffiliationKind.FUNDED_BY, target="unit"),)
        )
        assert [] == _found(_bundle().with_source(unit).with_source(army))

    def test_a_long_chain_of_part_of_has_no_cycle(self) -> None:
        units = [
            Organization(
                id=f"u{i}",
                affiliations=(Affiliation(kind=AffiliationKind.PART_OF, target=f"u{i + 1}"),),
            )
            for i in range(5000)
        ]
        bundle = attrs.evolve(
            _bundle(), sources=(*_bundle().sources, *units, Organization(id="u5000"))
        )
        assert {"CM701"} == {code for code, _ in _found(bundle)}

    def test_the_bundle_document_must_be_a_document(self) -> None:
        assert [("CM307", "$.document")] == _found(_bundle(document="sculptor"))

    def test_relations_resolve(self) -> None:
        relation = Relation(id="r1", kind=RelationKind.SUPPORTS, subject="a1", object="c9")
        assert [("CM303", "$.relations[0].object")] == _found(_bundle().with_relation(relation))


class TestHedgeRules:
    """Doubting hedges and near-certain confidence need a stated basis to go together."""

    CERTAIN = Confidence(scale="icd203", level="very likely", probability=Interval.point(0.8))
    HEDGE = Hedge(cue="allegedly", category=HedgeCategory.REPORTATIVE, span=ALLEGEDLY)

    def test_the_ceiling_itself_is_reported(self) -> None:
        assertion = _assertion(confidence=self.CERTAIN, hedges=(self.HEDGE,))
        assert [("CM401", "$.assertions[0].confidence.probability")] == _found(_bundle(assertion))

    def test_a_stated_basis_answers_it(self) -> None:
        confidence = self.CERTAIN.with_basis("three independent videos")
        assertion = _assertion(confidence=confidence, hedges=(self.HEDGE,))
        assert [] == _found(_bundle(assertion))

    def test_an_epistemic_hedge_does_not_count(self) -> None:
        hedge = attrs.evolve(self.HEDGE, category=HedgeCategory.EPISTEMIC)
        assert [] == _found(_bundle(_assertion(confidence=self.CERTAIN, hedges=(hedge,))))


class TestDateRules:
    """Dates are compared by the instants they can stand for."""

    @pytest.mark.parametrize(
        ("later", "earlier", "expected"),
        [
            ("2026", "2025-11-25", True),
            ("2025", "2025-11-25", False),
            ("2025-11-25", "2025", False),
            ("2025-11-26T14", "2025-11-25T23Z", True),
            ("2025-11-26T13", "2025-11-25T23Z", False),
            ("2025-11-26T00Z", "2025-11-25T11", True),
            ("2025-11-25T23Z", "2025-11-25T11", False),
            ("2025-11-25T10+03:00", "2025-11-25T08Z", False),
            ("2025-11-25T12+03:00", "2025-11-25T08Z", True),
        ],
    )
    def test_definitely_after(self, later: str, earlier: str, expected: bool) -> None:
        assert expected == definitely_after(
            PartialDate.fromisoformat(later), PartialDate.fromisoformat(earlier)
        )

    def test_the_document_publication_date_stands_in_for_the_bundle(self) -> None:
        document = Document(id="article", text=TEXT, published=PartialDate(year=2024))
        bundle = _bundle(_assertion(date=PartialDate(year=2025)), published=None)
        bundle = attrs.evolve(bundle, sources=(document, bundle.sources[1]))
        assert [("CM501", "$.assertions[0].date")] == _found(bundle)

    def test_an_affiliation_ending_before_it_starts(self) -> None:
        affiliation = Affiliation(
            kind=AffiliationKind.EMPLOYED_BY,
            target="article",
            start=PartialDate(year=2020, month=5),
            end=PartialDate(year=2020, month=4),
        )
        sources = (
            Document(id="article", text=TEXT),
            Person(id="sculptor").with_affiliation(affiliation),
        )
        assert [("CM502", "$.sources[1].affiliations[0].end")] == _found(_bundle(sources=sources))

    def test_a_relay_compares_with_the_nearest_dated_step(self) -> None:
        chain = (Link(source="article", channel=Channel.PUBLICATION, date=PartialDate(year=2024)),)
        assertion = _assertion(
            date=PartialDate(year=2024, month=3),
            attribution=Attribution(source="sculptor", chain=chain),
        )
        assert [] == _found(_bundle(assertion))


class TestSpanRules:
    """Spans index the text of their document, and quotes are exact."""

    def test_the_cue_may_differ_in_case_and_spacing(self) -> None:
        hedge = Hedge(cue="Allegedly", category=HedgeCategory.REPORTATIVE, span=ALLEGEDLY)
        assert [] == _found(_bundle(_assertion(hedges=(hedge,))))

    def test_an_evidence_document_of_its_own(self) -> None:
        other = Document(id="wire", text="short")
        evidence = Evidence(quote="shor", span=Span(start=0, end=5), document="wire")
        bundle = _bundle(_assertion(evidence=(evidence,))).with_source(other)
        assert [("CM602", "$.assertions[0].evidence[0].quote")] == _found(bundle)

    def test_a_document_without_text_is_not_checked(self) -> None:
        evidence = Evidence(quote="anything", span=Span(start=500, end=600))
        bundle = _bundle(_assertion(evidence=(evidence,)))
        bundle = attrs.evolve(bundle, sources=(Document(id="article"), bundle.sources[1]))
        assert [] == _found(bundle)


class TestOrphanRules:
    """Sources and claims that nothing uses are reported as warnings."""

    def test_the_bundle_document_counts_as_used(self) -> None:
        bundle = _bundle(
            _assertion(attribution=Attribution(source="sculptor")),
        )
        assert [] == _found(bundle)

    def test_a_claim_used_only_by_a_relation_is_not_an_orphan(self) -> None:
        relation = Relation(id="r1", kind=RelationKind.SAME_AS, subject="a1", object="c2")
        bundle = _bundle().with_claim(Claim(id="c2", text="Another")).with_relation(relation)
        assert [] == _found(bundle)

    def test_an_outlet_used_only_as_a_publisher_is_not_an_orphan(self) -> None:
        document = Document(id="article", text=TEXT, publisher="ria")
        bundle = _bundle().with_source(MediaOutlet(id="ria"))
        bundle = attrs.evolve(bundle, sources=(document, *bundle.sources[1:]))
        assert [] == _found(bundle)

    def test_roles_count_as_uses(self) -> None:
        person = Person(id="sculptor", roles=(Role(office="artist", organization="studio"),))
        bundle = _bundle().with_source(Organization(id="studio"))
        bundle = attrs.evolve(bundle, sources=(bundle.sources[0], person, bundle.sources[2]))
        assert [] == _found(bundle)


class TestDocs:
    """docs/validation.md documents exactly the implemented rules."""

    DOCS = Path(__file__).resolve().parent.parent / "docs" / "validation.md"

    def test_every_rule_is_documented_with_its_name_and_severity(self) -> None:
        headings = re.findall(
            r"^### (CM\d{3}) `([a-z-]+)` \((error|warning)\)$",
            self.DOCS.read_text(encoding="utf-8"),
            re.MULTILINE,
        )
        documented = {code: (name, severity) for code, name, severity in headings}
        implemented = {code: (r.name, r.severity.value) for code, r in RULES.items()}
        assert (implemented, len(headings)) == (documented, len(documented))

    def test_no_other_code_is_mentioned(self) -> None:
        mentioned = set(re.findall(r"\bCM\d{3}\b", self.DOCS.read_text(encoding="utf-8")))
        assert set() == mentioned - set(RULES)


class TestPublicApi:
    """Validation is reachable from the top-level package."""

    def test_names(self) -> None:
        names = {"validate", "Report", "Finding", "Severity", "ValidationError"}
        assert names == names & set(claimmodel.__all__)


class TestWorkedExample:
    """The worked example validates with no errors."""

    def test_the_example_has_no_errors(self, example_path: Path) -> None:
        bundle = claimmodel.loads(example_path.read_bytes())
        assert () == validate(bundle).errors


class TestCommandLine:
    """`claimmodel validate` prints decoding problems and findings alike and exits by severity."""

    @pytest.fixture
    def broken(self, tmp_path: Path) -> str:
        bundle = _bundle(_assertion(), _assertion(id="a2", claim="nowhere")).with_source(
            Person(id="bystander")
        )
        path = tmp_path / "broken.json"
        path.write_text(claimmodel.dumps(bundle), encoding="utf-8")
        return str(path)

    @pytest.fixture
    def warned(self, tmp_path: Path) -> str:
        path = tmp_path / "warned.json"
        path.write_text(
            claimmodel.dumps(_bundle().with_source(Person(id="bystander"))), encoding="utf-8"
        )
        return str(path)

    def test_findings_are_printed_in_one_line_format(
        self, broken: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert 1 == main(["validate", broken])
        lines = capsys.readouterr().out.splitlines()
        assert [
            (
                f"{broken}: $.sources[2]: CM701 warning: source 'bystander' is not used by any "
                "assertion, chain, hedge, evidence, verdict or other source; attribute something "
                "to it or remove it"
            ),
            (
                f"{broken}: $.assertions[1].claim: CM301 error: claim 'nowhere' is not a claim of "
                "the bundle; add the claim or correct the id"
            ),
        ] == lines

    def test_warnings_pass(self, warned: str, capsys: pytest.CaptureFixture[str]) -> None:
        assert 0 == main(["validate", warned])
        assert ["CM701 warning"] == re.findall(r"CM\d+ \w+", capsys.readouterr().out)

    def test_warnings_as_errors_fail(self, warned: str, capsys: pytest.CaptureFixture[str]) -> None:
        assert 1 == main(["validate", "--warnings-as-errors", warned])
        assert ["CM701 error"] == re.findall(r"CM\d+ \w+", capsys.readouterr().out)

    def test_ignore_a_rule(self, broken: str, capsys: pytest.CaptureFixture[str]) -> None:
        assert 0 == main(["validate", "--ignore", "CM301,CM7", broken])
        assert "" == capsys.readouterr().out

    def test_select_a_family(self, broken: str, capsys: pytest.CaptureFixture[str]) -> None:
        assert 0 == main(["validate", "--select", "CM7", broken])
        assert ["CM701 warning"] == re.findall(r"CM\d+ \w+", capsys.readouterr().out)

    def test_severity_override(self, broken: str, capsys: pytest.CaptureFixture[str]) -> None:
        assert 0 == main(["validate", "--severity", "CM301=warning", broken])
        assert ["CM701 warning", "CM301 warning"] == re.findall(
            r"CM\d+ \w+", capsys.readouterr().out
        )

    @pytest.mark.parametrize(
        "options",
        [["--ignore", "CM999"], ["--severity", "CM301"], ["--severity", "CM301=fatal"]],
    )
    def test_bad_options_are_usage_errors(
        self, broken: str, options: list[str], capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert 2 == main(["validate", *options, broken])
        captured = capsys.readouterr()
        assert ("", True) == (captured.out, captured.err.startswith("claimmodel validate: error:"))

    def test_list_rules(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert 0 == main(["validate", "--list-rules"])
        lines = capsys.readouterr().out.splitlines()
        assert [f"{r.code} {r.name} ({r.severity.value})" for r in RULES.values()] == [
            line.split(":")[0] for line in lines
        ]

    def test_files_or_list_rules_are_required(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert 2 == main(["validate"])
        assert "usage" in capsys.readouterr().err

    def test_decoding_problems_share_the_format(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = tmp_path / "bad.json"
        path.write_text(
            '{"format": "claimmodel/1.0", "sources": 1, "claims": [], "assertions": [], '
            '"relations": []}',
            encoding="utf-8",
        )
        assert 1 == main(["validate", str(path)])
        assert [f"{path}: $.sources: CM001 error: expected an array, got an integer"] == (
            capsys.readouterr().out.splitlines()
        )


class TestMaxFindings:
    """max_findings bounds the report, and its memory, and says how many were left out."""

    def test_the_first_in_document_order_and_a_count_of_the_others(self) -> None:
        bundle = dangling(600)  # 1,800 findings: the validation trims as it goes
        every = validate(bundle)
        bounded = validate(bundle, max_findings=100)
        summary, *listed = bounded
        assert list(every)[:100] == listed
        assert (1_200 - 67, 600 - 33) == (bounded.unlisted_errors, bounded.unlisted_warnings)
        assert 1_700 == bounded.unlisted
        assert ("CM003", "$", Severity.ERROR) == (summary.code, summary.path, summary.severity)
        assert summary.message.startswith("1,700 more findings not listed (1,133 errors, 567")
        assert "max_findings=100" in summary.message
        assert not bounded.ok

    def test_unlisted_warnings_only(self) -> None:
        bounded = validate(dangling(3), max_findings=2, select=["CM2"])
        assert (0, 1) == (bounded.unlisted_errors, bounded.unlisted_warnings)
        (summary,) = bounded.at("$")
        assert Severity.WARNING == summary.severity
        assert summary.message.startswith("1 more finding not listed (0 errors, 1 warning):")
        assert bounded.ok

    def test_one_unlisted_error(self) -> None:
        summary, *_ = validate(dangling(1), max_findings=1)
        assert summary.message.startswith("2 more findings not listed (1 error, 1 warning):")

    def test_within_the_bound_nothing_changes(self) -> None:
        bundle = dangling(3)
        assert validate(bundle) == validate(bundle, max_findings=9)
        assert 0 == validate(bundle, max_findings=9).unlisted

    @pytest.mark.parametrize(
        ("value", "error"),
        [
            (0, InvalidValueError),
            (-1, InvalidValueError),
            ("5", InvalidTypeError),
            (True, InvalidTypeError),
        ],
    )
    def test_bad_bounds(self, value: object, error: type[Exception]) -> None:
        with pytest.raises(error, match="max_findings"):
            validate(dangling(1), max_findings=value)  # type: ignore[arg-type]

    def test_cm003_is_not_a_rule_to_choose(self) -> None:
        assert Family.DECODING == RULES["CM003"].family
        with pytest.raises(InvalidValueError, match="outside the rules"):
            validate(dangling(1), ignore=["CM003"])

    def test_command_line(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        path = tmp_path / "many.json"
        path.write_text(claimmodel.dumps(dangling(400)), "utf-8")
        assert 1 == main(["validate", str(path)])
        out, err = capsys.readouterr()
        assert 1_001 == len(out.splitlines())
        assert f"{path}: $: CM003 error: 200 more findings not listed" in out.splitlines()[0]
        assert "1 file, 800 errors, 400 warnings (200 not listed: see --max-findings)\n" == err
        assert 1 == main(["validate", "--max-findings", "0", str(path)])
        out, err = capsys.readouterr()
        assert (1_200, "1 file, 800 errors, 400 warnings\n") == (len(out.splitlines()), err)
        assert 1 == main(["validate", "--max-findings", "3", "--jsonl", str(path)])
        assert 4 == len(capsys.readouterr().out.splitlines())
        assert 2 == main(["validate", "--max-findings", "-1", str(path)])
        assert "expected a whole number, not '-1'" in capsys.readouterr().err
