"""Corroboration analysis on hand-built bundles: dependencies, relaying, dates, stances."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest

import claimmodel as cm
from analysis_helpers import (
    CLAIM,
    affiliation,
    bundle,
    date,
    org,
    origins_of,
    person,
    says,
)

K = cm.AffiliationKind


class TestDependencyKinds:
    """Each kind of dependency the record can state joins two speakers into one origin."""

    @pytest.mark.parametrize("kind", list(cm.AffiliationKind))
    def test_affiliation_joins(self, kind: cm.AffiliationKind) -> None:
        value = bundle(
            [person("lavrov", affiliation(kind, "mfa")), org("mfa")],
            [says("a1", "lavrov"), says("a2", "mfa")],
        )
        assert [("lavrov", "mfa")] == origins_of(value)

    @pytest.mark.parametrize("kind", list(cm.AffiliationKind))
    def test_affiliation_is_transitive(self, kind: cm.AffiliationKind) -> None:
        value = bundle(
            [
                person("lavrov", affiliation(kind, "mfa")),
                org("mfa", affiliation(K.PART_OF, "government")),
                org("mod", affiliation(K.PART_OF, "government")),
                org("government"),
            ],
            [says("a1", "lavrov"), says("a2", "mod")],
        )
        assert [("lavrov", "mod")] == origins_of(value)

    def test_role_at_an_organization_joins(self) -> None:
        minister = cm.Person(id="lavrov", roles=(cm.Role(office="minister", organization="mfa"),))
        value = bundle([minister, org("mfa")], [says("a1", "lavrov"), says("a2", "mfa")])
        assert [("lavrov", "mfa")] == origins_of(value)

    def test_role_without_organization_does_not_join(self) -> None:
        sculptor = cm.Person(id="sculptor", roles=(cm.Role(office="sculptor"),))
        value = bundle([sculptor, org("mfa")], [says("a1", "sculptor"), says("a2", "mfa")])
        assert [("mfa",), ("sculptor",)] == origins_of(value)

    def test_collective_and_its_members_are_one_origin(self) -> None:
        officials = cm.Collective(id="officials", members=("lavrov", "belousov"))
        value = bundle(
            [officials, person("lavrov"), person("belousov")],
            [says("a1", "lavrov"), says("a2", "belousov"), says("a3", "officials")],
        )
        assert [("belousov", "lavrov", "officials")] == origins_of(value)

    def test_document_depends_on_its_authors_and_publisher(self) -> None:
        article = cm.Document(id="article", authors=("reporter",), publisher="paper")
        value = bundle(
            [article, person("reporter"), org("paper")],
            [says("a1", "article"), says("a2", "reporter"), says("a3", "paper")],
        )
        assert [("article", "paper", "reporter")] == origins_of(value)

    def test_unaffiliated_sources_are_independent(self) -> None:
        value = bundle(
            [person("lavrov"), person("sculptor")],
            [says("a1", "lavrov"), says("a2", "sculptor")],
        )
        assert [("lavrov",), ("sculptor",)] == origins_of(value)

    def test_same_source_twice_is_one_origin(self) -> None:
        value = bundle([person("lavrov")], [says("a1", "lavrov"), says("a2", "lavrov")])
        analysis = cm.analyze(value)["c"]
        assert (1, ("a1", "a2")) == (analysis.independent_origins, analysis.assertions)

    def test_affiliation_to_a_source_not_in_the_bundle_still_joins(self) -> None:
        value = bundle(
            [
                person("a", affiliation(K.FUNDED_BY, "ghost")),
                person("b", affiliation(K.FUNDED_BY, "ghost")),
            ],
            [says("a1", "a"), says("a2", "b")],
        )
        assert [("a", "b")] == origins_of(value)

    def test_dependencies_lists_every_edge(self) -> None:
        article = cm.Document(id="article", authors=("reporter",), publisher="paper")
        officials = cm.Collective(id="officials", members=("lavrov",))
        minister = cm.Person(
            id="lavrov",
            roles=(cm.Role(office="minister", organization="mfa"),),
            affiliations=(affiliation(K.MEMBER_OF, "party", start="2000"),),
        )
        found = {
            (d.source, d.target, d.kind, d.dated)
            for d in cm.dependencies(bundle([article, officials, minister], []))
        }
        expected = {
            ("article", "reporter", cm.DependencyKind.WRITTEN_BY, False),
            ("article", "paper", cm.DependencyKind.PUBLISHED_BY, False),
            ("lavrov", "officials", cm.DependencyKind.LISTED_MEMBER_OF, False),
            ("lavrov", "mfa", cm.DependencyKind.HOLDS_OFFICE_AT, False),
            ("lavrov", "party", cm.DependencyKind.MEMBER_OF, True),
        }
        assert expected == found


class TestRelaying:
    """Intermediaries of an attribution chain relay the speaker; they are not origins."""

    def test_agency_relaying_a_sculptor_is_one_origin(self) -> None:
        value = bundle(
            [person("sculptor"), cm.MediaOutlet(id="ria"), cm.Document(id="article")],
            [says("a1", "sculptor", via=["ria", "article"])],
        )
        analysis = cm.analyze(value)["c"]
        expected = ([("sculptor",)], ("article", "ria"), ("sculptor",))
        assert expected == (origins_of(value), analysis.relays, analysis.sources)

    def test_relay_does_not_join_the_speakers_it_relays(self) -> None:
        value = bundle(
            [person("sculptor"), person("lavrov"), cm.MediaOutlet(id="ria")],
            [says("a1", "sculptor", via=["ria"]), says("a2", "lavrov", via=["ria"])],
        )
        assert [("lavrov",), ("sculptor",)] == origins_of(value)

    def test_relay_speaking_in_its_own_voice_is_its_own_origin(self) -> None:
        value = bundle(
            [person("sculptor"), cm.MediaOutlet(id="ria")],
            [says("a1", "sculptor", via=["ria"]), says("a2", "ria")],
        )
        assert [("ria",), ("sculptor",)] == origins_of(value)

    def test_affiliated_relay_does_not_make_an_origin(self) -> None:
        value = bundle(
            [
                person("sculptor"),
                cm.MediaOutlet(id="ria", affiliations=(affiliation(K.CONTROLLED_BY, "state"),)),
                org("state"),
            ],
            [says("a1", "sculptor", via=["ria"]), says("a2", "state")],
        )
        assert [("sculptor",), ("state",)] == origins_of(value)


class TestDatedAffiliations:
    """A dated dependency joins only what was said while it held."""

    @staticmethod
    def _value(when_person: str | None, when_ministry: str | None) -> cm.Bundle:
        return bundle(
            [
                person("adviser", affiliation(K.EMPLOYED_BY, "mod", "2015-03", "2019-06-30")),
                org("mod"),
            ],
            [says("a1", "adviser", when=when_person), says("a2", "mod", when=when_ministry)],
        )

    @pytest.mark.parametrize(
        ("when_person", "when_ministry", "expected"),
        [
            ("2018", "2018", 1),  # both while employed
            ("2024", "2024", 2),  # both after leaving
            ("2014", "2014-12", 2),  # both before joining
            ("2018-05-01", "2024", 1),  # the adviser spoke while employed
            ("2024", "2016", 1),  # the ministry spoke while the adviser worked there
            ("2019", "2024", 1),  # a year-precision date overlaps the end of the job
            ("2019-07", "2024", 2),  # the month after it ended does not
            ("2015-02-28", "2015-02-28", 2),  # the day before it began
            (None, "2024", 1),  # an undated statement counts every dependency as active
            (None, None, 1),
        ],
    )
    def test_dates(self, when_person: str | None, when_ministry: str | None, expected: int) -> None:
        assert (
            expected == cm.analyze(self._value(when_person, when_ministry))["c"].independent_origins
        )

    def test_open_ended_affiliation(self) -> None:
        value = bundle(
            [person("adviser", affiliation(K.EMPLOYED_BY, "mod", start="2020")), org("mod")],
            [
                says("a1", "adviser", when="2019"),
                says("a2", "mod", when="2019"),
                says("a3", "mod", when="2030"),
            ],
        )
        # The 2019 statements are independent; the adviser is joined to the ministry in 2030.
        assert [("adviser", "mod")] == origins_of(value)

    def test_dated_role_is_respected(self) -> None:
        minister = cm.Person(
            id="former",
            roles=(cm.Role(office="minister", organization="mfa", end=date("2010")),),
        )
        value = bundle(
            [minister, org("mfa")],
            [says("a1", "former", when="2024"), says("a2", "mfa", when="2024")],
        )
        assert [("former",), ("mfa",)] == origins_of(value)

    def test_dated_link_through_an_undated_one(self) -> None:
        value = bundle(
            [
                person("adviser", affiliation(K.EMPLOYED_BY, "unit", "2015", "2019")),
                org("unit", affiliation(K.PART_OF, "mod")),
                org("mod"),
            ],
            [
                says("a1", "adviser", when="2024"),
                says("a2", "mod", when="2024"),
                says("a3", "unit", when="2024"),
            ],
        )
        assert [("adviser",), ("mod", "unit")] == origins_of(value)

    def test_a_date_joins_only_what_was_said_at_it(self) -> None:
        value = bundle(
            [
                person("adviser", affiliation(K.EMPLOYED_BY, "mod", "2015", "2019")),
                person("veteran", affiliation(K.EMPLOYED_BY, "mod", "2000", "2005")),
                org("mod"),
            ],
            [
                says("a1", "adviser", when="2024"),
                says("a2", "mod", when="2024"),
                says("a3", "veteran", when="2018"),
            ],
        )
        # The adviser worked for the ministry in 2018, but neither spoke then.
        assert [("adviser",), ("mod",), ("veteran",)] == origins_of(value)

    @pytest.mark.parametrize("when", ["0001-01-01T01:00+03:00", "9999-12-31T23:00-03:00"])
    def test_offsets_at_the_ends_of_the_calendar(self, when: str) -> None:
        value = bundle(
            [person("adviser", affiliation(K.EMPLOYED_BY, "mod", end="2019")), org("mod")],
            [says("a1", "adviser", when=when), says("a2", "mod", when=when)],
        )
        expected = [("adviser", "mod")] if when.startswith("0001") else [("adviser",), ("mod",)]
        assert expected == origins_of(value)

    def test_time_zones_compare(self) -> None:
        value = bundle(
            [
                person("adviser", affiliation(K.EMPLOYED_BY, "mod", end="2019-06-30T23:30+00:00")),
                org("mod"),
            ],
            [
                says("a1", "adviser", when="2019-07-01T01:00+03:00"),
                says("a2", "mod", when="2019-07-01T09"),
            ],
        )
        # 01:00 at +03:00 is 22:00 UTC on 30 June, while the adviser still worked there.
        assert [("adviser", "mod")] == origins_of(value)


class TestStances:
    """Only origins that assert a claim stand behind it; the others are counted apart."""

    def test_counts(self) -> None:
        sources = [person(name) for name in ("a", "b", "c", "d", "e")]
        assertions = [
            says("1", "a"),
            says("2", "b"),
            says("3", "c", stance=cm.Stance.DENIES),
            says("4", "d", stance=cm.Stance.DISPUTES),
            says("5", "e", stance=cm.Stance.QUESTIONS),
            says("6", "a", stance=cm.Stance.REPORTS),
        ]
        analysis = cm.analyze(bundle(sources, assertions))["c"]
        counts = (
            analysis.independent_origins,
            analysis.asserting,
            analysis.denying,
            analysis.disputing,
            analysis.questioning,
            analysis.reporting,
            analysis.single_origin,
        )
        assert (2, 2, 1, 1, 1, 1, False) == counts

    def test_report_without_a_speaker_is_no_origin_behind_the_claim(self) -> None:
        value = bundle(
            [cm.MediaOutlet(id="wire", name="The Wire")],
            [says("1", "wire", stance=cm.Stance.REPORTS)],
        )
        analysis = cm.analyze(value)["c"]
        expected = (
            0,
            False,
            ("0 independent origins; no assertion backs it; reported by The Wire"),
        )
        assert expected == (analysis.independent_origins, analysis.single_origin, analysis.verdict)

    def test_verdict_names_every_origin(self) -> None:
        value = bundle(
            [person("lavrov", affiliation(K.EMPLOYED_BY, "mfa")), org("mfa"), person("kyiv")],
            [
                says(
                    "1",
                    "lavrov",
                    hedges=[cm.Hedge(cue="allegedly", category=cm.HedgeCategory.REPORTATIVE)],
                ),
                says("2", "mfa"),
                says("3", "kyiv", stance=cm.Stance.DENIES),
            ],
        )
        expected = (
            "1 independent origin (Lavrov + MFA); 2 assertions back it; denied by Kyiv; alleged"
        )
        assert expected == cm.analyze(value)["c"].verdict

    def test_verdict_without_assertions(self) -> None:
        assert "no assertions" == cm.analyze(bundle([], []))["c"].verdict

    def test_verdict_hedge_words_follow_a_fixed_order(self) -> None:
        hedges = [
            cm.Hedge(cue="about", category=cm.HedgeCategory.APPROXIMATOR),
            cm.Hedge(cue="disputed", category=cm.HedgeCategory.DISPUTED),
            cm.Hedge(cue="reportedly", category=cm.HedgeCategory.REPORTATIVE),
        ]
        value = bundle([person("a")], [says("1", "a", hedges=hedges)])
        assert ("alleged", "disputed", "approximate") == cm.analyze(value)["c"].hedge_words


class TestHedgesAndConfidence:
    """The hedges raised on a claim and the envelope of its confidences."""

    def test_hedges_are_listed_with_their_assertion(self) -> None:
        hedge = cm.Hedge(cue="allegedly", category=cm.HedgeCategory.REPORTATIVE)
        value = bundle([person("a"), person("b")], [says("2", "b", hedges=[hedge]), says("1", "a")])
        assert (cm.RaisedHedge(assertion="2", hedge=hedge),) == cm.analyze(value)["c"].hedges

    def test_confidence_is_the_envelope(self) -> None:
        unlikely = cm.Confidence(
            scale="icd203", level="unlikely", probability=cm.Interval(low=0.2, high=0.45)
        )
        value = bundle(
            [person("a"), person("b"), person("c")],
            [
                says("1", "a"),
                says("2", "b", confidence=unlikely),
                says("3", "c", confidence=cm.Confidence.cannot_be_judged()),
            ],
        )
        assert cm.Interval(low=0.2, high=0.8) == cm.analyze(value)["c"].confidence

    def test_no_judged_confidence_gives_none(self) -> None:
        value = bundle([person("a")], [says("1", "a", confidence=cm.Confidence.cannot_be_judged())])
        assert cm.analyze(value)["c"].confidence is None


class TestContradictions:
    """Claims asserted by one origin and opposed by another are listed."""

    def test_denial_by_another_origin(self) -> None:
        other = cm.Claim(id="d", text="Another claim.")
        value = bundle(
            [person("a"), person("b")],
            [
                says("1", "a"),
                says("2", "b", stance=cm.Stance.DENIES),
                says("3", "a", claim="d"),
            ],
            claims=[CLAIM, other],
        )
        found = cm.analyze(value).contradictions
        summary = [
            (c.claim, [o.sources for o in c.asserted_by], [o.sources for o in c.opposed_by])
            for c in found
        ]
        assert [("c", [("a",)], [("b",)])] == summary

    def test_one_origin_contradicting_itself_is_not_listed(self) -> None:
        value = bundle(
            [person("a", affiliation(K.EMPLOYED_BY, "b")), org("b")],
            [says("1", "a"), says("2", "b", stance=cm.Stance.DISPUTES)],
        )
        assert () == cm.analyze(value).contradictions

    def test_no_assertion_no_contradiction(self) -> None:
        value = bundle([person("b")], [says("2", "b", stance=cm.Stance.DENIES)])
        assert () == cm.analyze(value).contradictions


class TestAnalysisShape:
    """The analysis follows the bundle's claims and survives incomplete records."""

    def test_a_read_only_mapping_from_claim_id(self) -> None:
        first = cm.Claim(id="z", text="First in the bundle.")
        value = bundle([person("a")], [says("1", "a", claim="z")], claims=[first, CLAIM])
        analysis = cm.analyze(value)
        assert isinstance(analysis, Mapping)
        assert (["z", "c"], ["z", "c"], True, False) == (
            list(analysis),
            list(analysis.keys()),
            "z" in analysis,
            "ghost" in analysis,
        )
        assert [("z", analysis["z"]), ("c", analysis["c"])] == list(analysis.items())
        assert (None, analysis["c"]) == (analysis.get("ghost"), analysis.get("c"))
        with pytest.raises(KeyError):
            analysis["ghost"]
        with pytest.raises(TypeError):
            analysis["z"] = analysis["c"]  # type: ignore[index]

    def test_claims_in_bundle_order_then_unknown_claims(self) -> None:
        first = cm.Claim(id="z", text="First in the bundle.")
        value = bundle(
            [person("a")],
            [says("1", "a", claim="ghost"), says("2", "a", claim="c")],
            claims=[first, CLAIM],
        )
        analysis = cm.analyze(value)
        assert (["z", "c", "ghost"], None) == (list(analysis), analysis["ghost"].text)

    def test_unknown_speaker_is_named_by_its_id(self) -> None:
        value = bundle([], [says("1", "nobody-known")])
        assert ("nobody-known",) == cm.analyze(value)["c"].origins[0].names

    def test_single_origin_claims(self) -> None:
        other = cm.Claim(id="d", text="Another claim.")
        value = bundle(
            [person("a"), person("b")],
            [says("1", "a"), says("2", "b"), says("3", "a", claim="d")],
            claims=[CLAIM, other],
        )
        assert ["d"] == [c.claim for c in cm.analyze(value).single_origin]

    def test_analysis_length_and_lookup(self) -> None:
        analysis = cm.analyze(bundle([person("a")], [says("1", "a")]))
        assert (1, "c") == (len(analysis), analysis["c"].claim)


class TestWorkedExample:
    """On the Kursk monument article, the fighting claim rests on one origin, named in full."""

    @pytest.fixture
    def analysis(self, example_path: Path) -> cm.Analysis:
        return cm.analyze(cm.loads(example_path.read_bytes()))

    def test_north_korean_fighting_is_single_origin(self, analysis: cm.Analysis) -> None:
        fought = analysis["nk-fought"]
        expected = (True, (("belyushikov", "lavrov", "russia-mod", "russian-officials"),))
        assert expected == (fought.single_origin, tuple(o.sources for o in fought.independent))

    def test_every_origin_is_named_in_the_verdict(self, analysis: cm.Analysis) -> None:
        fought = analysis["nk-fought"]
        missing = [name for o in fought.origins for name in o.names if name not in fought.verdict]
        assert [] == missing

    def test_the_sculptor_is_one_origin_despite_the_agency(self, analysis: cm.Analysis) -> None:
        proceeding = analysis["project-proceeding"]
        assert (("chebanenko",), ("article", "ria-novosti")) == (
            proceeding.independent[0].sources,
            proceeding.relays,
        )


class TestJudgedWithoutABand:
    """A claim graded only in words is judged; only "cannot be judged" is not."""

    RATING = cm.Scale(
        id="x-newsroom",
        name="Newsroom rating",
        kind=cm.ScaleKind.RATING,
        levels=(cm.Level(label="False"), cm.Level(label="True")),
    )
    DESK = cm.Scale(
        id="x-desk",
        name="Desk likelihood",
        kind=cm.ScaleKind.LIKELIHOOD,
        levels=(
            cm.Level(label="open", band=cm.Interval(low=0.3, high=0.7)),
            cm.Level(label="solid", band=cm.Interval(low=0.7, high=1.0)),
        ),
    )

    @pytest.mark.parametrize(
        ("confidence", "judged"),
        [
            (cm.Confidence.parse("high", scale="icd203-confidence"), True),
            (cm.Confidence.parse("B", scale="admiralty-reliability"), True),
            (cm.Confidence.cannot_be_judged(), False),
            (cm.Confidence.parse("6", scale="admiralty-credibility"), False),
            (cm.Confidence(scale="x-house", level="fair"), False),
        ],
    )
    def test_grades(self, confidence: cm.Confidence, judged: bool) -> None:
        found = cm.analyze(bundle([person("p")], [says("a", "p", confidence=confidence)]))["c"]
        assert (None, judged) == (found.confidence, found.judged)

    def test_scales_you_define(self) -> None:
        rated = cm.Confidence(scale="x-newsroom", level="True")
        solid = cm.Confidence(scale="x-desk", level="solid")
        value = bundle(
            [person("p"), person("q")],
            [says("a", "p", confidence=rated), says("b", "q", confidence=solid)],
        )
        found = cm.analyze(value, scales=[self.RATING, self.DESK])["c"]
        assert (cm.Interval(low=0.7, high=1.0), True) == (found.confidence, found.judged)
        alone = bundle([person("p")], [says("a", "p", confidence=rated)])
        assert cm.analyze(alone, scales=[self.RATING])["c"].judged
        assert not cm.analyze(alone)["c"].judged
