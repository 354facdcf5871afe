"""The worked example: the Kursk monument article encoded as a bundle."""

from __future__ import annotations

import io
import runpy
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar, cast

import attrs
import pytest

import claimmodel as cm
from claimmodel.cli import main

NK_FOUGHT = "nk-fought"
RUSSIAN_STATE = "russian-government"
ICD203_BANDS = {level.label: level.band for level in cm.SCALES["icd203"].judged_levels}
"""Each judged ICD 203 level and its band, as the built-in scale has them."""
ICD203_LEVELS = set(ICD203_BANDS)


@pytest.fixture
def text(example_path: Path) -> str:
    """The example file's text, exactly as shipped."""
    return example_path.read_text(encoding="utf-8")


@pytest.fixture
def bundle(text: str) -> cm.Bundle:
    """The decoded example."""
    return cm.loads(text)


def _parents(bundle: cm.Bundle, source_id: str) -> set[str]:
    """Every source ``source_id`` depends on, through affiliations and roles, transitively."""
    found: set[str] = set()
    todo = [source_id]
    while todo:
        source = bundle.source(todo.pop())
        if source is None:
            continue
        targets = [a.target for a in source.affiliations]
        targets += [r.organization for r in source.roles if r.organization is not None]
        for target in targets:
            if target not in found:
                found.add(target)
                todo.append(target)
    return found


class TestExampleFile:
    """The shipped file decodes and is exactly what the encoder writes."""

    def test_decodes_to_a_bundle(self, bundle: cm.Bundle) -> None:
        assert "kursk-monument" == bundle.id

    def test_dump_of_load_reproduces_the_file_byte_for_byte(self, example_path: Path) -> None:
        with example_path.open(encoding="utf-8") as file:
            decoded = cm.load(file)
        out = io.StringIO()
        cm.dump(decoded, out)
        assert example_path.read_bytes() == out.getvalue().encode("utf-8")

    def test_build_script_produces_the_shipped_bundle(
        self, example_path: Path, bundle: cm.Bundle
    ) -> None:
        namespace = runpy.run_path(str(example_path.with_name("build_kursk.py")))
        build = cast("Callable[[], cm.Bundle]", namespace["build"])
        assert bundle == build()

    def test_published_date_is_the_estimated_year(self, bundle: cm.Bundle) -> None:
        document = bundle.document_source
        assert document is not None
        assert (cm.Precision.YEAR, "2025") == (
            bundle.published.precision if bundle.published else None,
            str(bundle.published),
        )
        assert (cm.DateCertainty.ESTIMATED, cm.DateCertainty.ESTIMATED) == (
            bundle.published_certainty,
            document.published_certainty,
        )
        assert "estimated" in str(bundle.extensions["x_note"])

    def test_document_is_the_article_in_english(self, bundle: cm.Bundle) -> None:
        document = bundle.document_source
        assert document is not None
        assert ("en", bundle.published) == (document.language, document.published)

    def test_the_document_holds_the_article_text(
        self, bundle: cm.Bundle, example_path: Path
    ) -> None:
        document = bundle.document_source
        assert document is not None
        article = example_path.with_name("kursk-article.txt").read_bytes().decode("utf-8")
        assert article == document.text

    def test_the_title_is_the_headline(self, bundle: cm.Bundle) -> None:
        document = bundle.document_source
        assert document is not None
        assert document.text is not None
        assert document.text.split("\n", 1)[0] == bundle.title


class TestExampleSources:
    """Every source the article names is there, with identity by id."""

    def test_every_kind_of_source_the_article_calls_for_is_present(self, bundle: cm.Bundle) -> None:
        expected = {
            cm.SourceKind.DOCUMENT,
            cm.SourceKind.PERSON,
            cm.SourceKind.ORGANIZATION,
            cm.SourceKind.MEDIA_OUTLET,
            cm.SourceKind.GOVERNMENT_BODY,
            cm.SourceKind.COLLECTIVE,
        }
        assert expected <= {source.kind for source in bundle.sources}

    def test_source_ids_are_unique(self, bundle: cm.Bundle) -> None:
        ids = [source.id for source in bundle.sources]
        assert sorted(set(ids)) == sorted(ids)

    def test_garbled_name_is_kept_with_the_usual_spelling_as_alias(self, bundle: cm.Bundle) -> None:
        head = bundle.source("belyushikov")
        assert head is not None
        assert ("Andrei Belyushikov", ("Andrei Belousov",)) == (head.name, head.aliases)

    def test_every_reference_between_sources_resolves(self, bundle: cm.Bundle) -> None:
        referenced = set()
        for source in bundle.sources:
            referenced |= {a.target for a in source.affiliations}
            referenced |= {r.organization for r in source.roles if r.organization}
            if isinstance(source, cm.Collective):
                referenced |= set(source.members)
        assert set() == {i for i in referenced if bundle.source(i) is None}

    def test_background_affiliations_say_so(self, bundle: cm.Bundle) -> None:
        outlet = bundle.source("ria-novosti")
        assert outlet is not None
        assert [RUSSIAN_STATE] == [a.target for a in outlet.affiliations]
        assert all("x_basis" in a.extensions for a in outlet.affiliations)


class TestExampleAssertions:
    """Every assertion is attributed, judged on the ICD 203 scale and resolvable."""

    def test_every_assertion_names_a_known_claim_and_sources(self, bundle: cm.Bundle) -> None:
        dangling = [
            a.id
            for a in bundle.assertions
            if bundle.claim(a.claim) is None
            or any(bundle.source(s) is None for s in a.attribution.path)
        ]
        assert [] == dangling

    def test_every_claim_is_asserted(self, bundle: cm.Bundle) -> None:
        assert [] == [c.id for c in bundle.claims if not bundle.assertions_of(c.id)]

    def test_every_confidence_is_an_icd203_level_with_assessor_and_basis(
        self, bundle: cm.Bundle
    ) -> None:
        for assertion in bundle.assertions:
            confidence = assertion.confidence
            assert "icd203" == confidence.scale
            assert confidence.level in {*ICD203_LEVELS, cm.CANNOT_BE_JUDGED}
            assert confidence.assessor is not None
            assert bundle.source(confidence.assessor) is not None
            assert confidence.basis

    def test_judged_levels_carry_their_band(self, bundle: cm.Bundle) -> None:
        judged = [a.confidence for a in bundle.assertions if a.confidence.judged]
        unjudged = [a.confidence for a in bundle.assertions if not a.confidence.judged]
        assert [ICD203_BANDS[c.level] for c in judged] == [c.probability for c in judged]
        assert [cm.CANNOT_BE_JUDGED] * len(unjudged) == [c.level for c in unjudged]
        assert unjudged, "the example shows an honest 'cannot be judged'"

    def test_own_voice_is_the_article_with_no_chain(self, bundle: cm.Bundle) -> None:
        own = [a for a in bundle.assertions if a.source == bundle.document]
        assert own
        assert [()] * len(own) == [a.attribution.chain for a in own]

    def test_sculptor_reaches_the_article_through_an_interview(self, bundle: cm.Bundle) -> None:
        assertion = bundle.assertion("chebanenko-proceeding")
        assert assertion is not None
        channels = [link.channel for link in assertion.attribution.chain]
        assert ("chebanenko", "ria-novosti", "article") == assertion.attribution.path
        assert [cm.Channel.INTERVIEW, cm.Channel.PUBLICATION] == channels
        assert "confirmed" == assertion.attribution.cue

    def test_the_opening_statement_is_the_sculptors(self, bundle: cm.Bundle) -> None:
        """It is the revelation that "comes from Alexei Chebanenko", through RIA Novosti."""
        (planned,) = bundle.assertions_of("monument-planned")
        assert ("chebanenko", "ria-novosti", "article") == planned.attribution.path
        assert "comes from" == planned.attribution.cue
        assert ["plans are being finalized to erect a statue"] == [
            e.quote for e in planned.evidence
        ]

    def test_lavrov_spoke_at_a_press_conference_in_wonsan_in_july(self, bundle: cm.Bundle) -> None:
        assert bundle.published is not None
        july = cm.PartialDate.parse("July", reference=bundle.published)
        assert (cm.Precision.MONTH, "2025-07") == (july.precision, str(july))
        said = [a for a in bundle.assertions if a.source == "lavrov"]
        assert 3 == len(said)
        for assertion in said:
            occasion = assertion.occasion
            assert occasion is not None
            assert (july, cm.Channel.PRESS_CONFERENCE, "Wonsan") == (
                assertion.date,
                occasion.channel,
                occasion.place,
            )
            assert "Cho Son-hui" in (occasion.event or "")
            # The occasion is the minister's; how the article came by it, it does not say.
            assert [("article", cm.Channel.UNSPECIFIED, None)] == [
                (link.source, link.channel, link.date) for link in assertion.attribution.chain
            ]

    def test_cho_son_hui_is_used_and_keeps_the_usual_romanisation(self, bundle: cm.Bundle) -> None:
        minister = bundle.source("cho-son-hui")
        assert minister is not None
        assert ("Cho Son-hui", ("Choe Son-hui",)) == (minister.name, minister.aliases)
        met = bundle.claim("ministers-met")
        assert met is not None
        assert ("lavrov", "cho-son-hui") == met.parties
        assert [] == [f for f in cm.validate(bundle) if f.code == "CM701"]

    def test_the_sculptor_spoke_after_lavrov_and_the_ministry_before_the_article(
        self, bundle: cm.Bundle
    ) -> None:
        assert bundle.published is not None
        july = cm.PartialDate.parse("July", reference=bundle.published)
        sculptor = [a for a in bundle.assertions if a.source == "chebanenko"]
        assert len(sculptor) == 5
        assert [(july, None)] * 5 == [(a.earliest, a.latest) for a in sculptor]
        previously = cm.parse_date_bounds("previously", reference=bundle.published)
        defence = [a for a in bundle.assertions if a.source in {"belyushikov", "russia-mod"}]
        assert len(defence) == 3
        assert [previously] * 3 == [(a.earliest, a.latest) for a in defence]

    def test_the_defence_ministry_weighs_in_itself(self, bundle: cm.Bundle) -> None:
        assertion = bundle.assertion("mod-nk-fought")
        assert assertion is not None
        assert ("russia-mod", "weighed in") == (assertion.source, assertion.attribution.cue)

    def test_honouring_and_discussing_presuppose_the_fighting(self, bundle: cm.Bundle) -> None:
        modes = {a.source: a.mode for a in bundle.assertions_of(NK_FOUGHT)}
        assert {
            "lavrov": cm.AssertionMode.PRESUPPOSED,
            "russia-mod": cm.AssertionMode.PRESUPPOSED,
            "belyushikov": cm.AssertionMode.PRESUPPOSED,
            "russian-officials": cm.AssertionMode.STATED,
            "article": cm.AssertionMode.STATED,
        } == modes

    def test_the_strategic_claim_is_about_the_alliance(self, bundle: cm.Bundle) -> None:
        """He "hinted at the strategic importance of the alliance ... in the context of the war"."""
        (hinted,) = [a for a in bundle.assertions if a.attribution.cue == "hinted"]
        claim = bundle.claim(hinted.claim)
        assert claim is not None
        assert (
            "the alliance between Russia and North Korea",
            "is of strategic importance in",
            "the war in Ukraine",
        ) == (claim.subject, claim.predicate, claim.object)

    def test_every_cue_hedge_and_quote_has_its_span_in_the_text(self, bundle: cm.Bundle) -> None:
        document = bundle.document_source
        assert document is not None
        assert document.text is not None
        text = document.text
        shown: list[tuple[str, str]] = []
        for assertion in bundle.assertions:
            cued = assertion.attribution
            if cued.cue is not None:
                assert cued.cue_span is not None, assertion.id
                shown.append((cued.cue, cued.cue_span.of(text)))
            for hedge in assertion.hedges:
                assert hedge.span is not None, assertion.id
                shown.append((hedge.cue, hedge.span.of(text)))
            for evidence in assertion.evidence:
                assert evidence.span is not None, assertion.id
                shown.append((evidence.quote or "", evidence.span.of(text)))
        assert [] == [(said, found) for said, found in shown if said != found]
        assert [] == [f for f in cm.validate(bundle) if f.code.startswith("CM6")]

    def test_the_defence_heads_commitment_is_hedged_as_weak(self, bundle: cm.Bundle) -> None:
        assertion = bundle.assertion("belyushikov-strategic")
        assert assertion is not None
        weak = {h.cue for h in assertion.hedges if h.category is cm.HedgeCategory.WEAK_COMMITMENT}
        assert {"hinted", "vague"} == weak
        assert {"article"} == {h.voiced_by for h in assertion.hedges}

    def test_every_hedge_has_a_scope(self, bundle: cm.Bundle) -> None:
        assert [] == [a.id for a in bundle.assertions for h in a.hedges if not h.scope]

    def test_relations_connect_known_assertions_or_claims(self, bundle: cm.Bundle) -> None:
        def known(item: str) -> bool:
            return bundle.assertion(item) is not None or bundle.claim(item) is not None

        assert [] == [r.id for r in bundle.relations if not (known(r.subject) and known(r.object))]


class TestExampleContestedClaim:
    """The fighting claim is hedged as alleged, disputed and unverified, with one origin."""

    def test_is_hedged_alleged_disputed_and_evidential_gap(self, bundle: cm.Bundle) -> None:
        hedges = [h for a in bundle.assertions_of(NK_FOUGHT) for h in a.hedges]
        assert {
            "Alleged": cm.HedgeCategory.REPORTATIVE,
            "Sparks Debate": cm.HedgeCategory.DISPUTED,
            "allegedly": cm.HedgeCategory.REPORTATIVE,
            "independent verification remains elusive": cm.HedgeCategory.EVIDENTIAL_GAP,
        } == {h.cue: h.category for h in hedges}

    def test_the_debate_and_the_questions_are_about_north_koreas_involvement(
        self, bundle: cm.Bundle
    ) -> None:
        """The debate is over "the precise nature of North Korea's involvement", and "questions
        linger about the accuracy of the claims surrounding" it, not about the fighting."""
        scopes = {(a.claim, h.cue): h.scope for a in bundle.assertions for h in a.hedges if h.scope}
        assert scopes[("nk-involvement", "remains a subject of debate")] == (
            "the precise nature of North Korea's involvement in the Kursk region"
        )
        assert scopes[("nk-involvement", "questions linger")] == (
            "the accuracy of the claims surrounding North Korea's involvement in the region"
        )
        involvement = {a.id: (a.stance, a.mode) for a in bundle.assertions_of("nk-involvement")}
        assert {
            "article-nk-involvement": (cm.Stance.ASSERTS, cm.AssertionMode.PRESUPPOSED),
            "article-questions-nk-involvement": (cm.Stance.QUESTIONS, cm.AssertionMode.STATED),
        } == involvement

    def test_nobody_questions_that_the_soldiers_fought(self, bundle: cm.Bundle) -> None:
        """Scrutinizing "the details of their collaboration" does not question the fighting."""
        stances = {a.stance for a in bundle.assertions_of(NK_FOUGHT)}
        assert {cm.Stance.ASSERTS, cm.Stance.REPORTS} == stances
        assert "nk-fought" not in cm.analyze(bundle)["scrutiny"].assertions

    def test_every_asserting_source_traces_back_to_the_russian_state(
        self, bundle: cm.Bundle
    ) -> None:
        asserting = {
            a.source for a in bundle.assertions_of(NK_FOUGHT) if a.stance is cm.Stance.ASSERTS
        }
        assert {"lavrov", "belyushikov", "russia-mod", "russian-officials"} == asserting
        assert [] == sorted(s for s in asserting if RUSSIAN_STATE not in _parents(bundle, s))

    def test_the_article_only_reports_it(self, bundle: cm.Bundle) -> None:
        own = [a for a in bundle.assertions_of(NK_FOUGHT) if a.source == bundle.document]
        assert [cm.Stance.REPORTS] * 2 == [a.stance for a in own]

    def test_its_parties_are_the_two_states(self, bundle: cm.Bundle) -> None:
        claim = bundle.claim(NK_FOUGHT)
        assert claim is not None
        assert (RUSSIAN_STATE, "dprk-government") == claim.parties


class TestExampleHeadline:
    """The headline is recorded with its hedges, like "the alleged collaboration"."""

    def test_the_headline_reports_an_alleged_and_debated_role(self, bundle: cm.Bundle) -> None:
        headline = bundle.assertion("headline-nk-fought")
        assert headline is not None
        assert (cm.Stance.REPORTS, ["Alleged Role in Ukraine Conflict"]) == (
            headline.stance,
            [e.quote for e in headline.evidence],
        )
        assert [("Alleged", "reportative"), ("Sparks Debate", "disputed")] == [
            (h.cue, h.category.value) for h in headline.hedges
        ]
        controversial = bundle.assertion("headline-controversy")
        assert controversial is not None
        assert ["Controversial Monument"] == [e.quote for e in controversial.evidence]

    def test_the_alleged_collaboration_is_reported(self, bundle: cm.Bundle) -> None:
        (reported,) = bundle.assertions_of("collaboration")
        assert (cm.Stance.REPORTS, ["alleged"]) == (
            reported.stance,
            [h.cue for h in reported.hedges],
        )


class TestExampleRelations:
    """Tensions inside the article are disputes; nothing qualified is an elaboration."""

    def test_the_tensions_are_disputes(self, bundle: cm.Bundle) -> None:
        disputes = {
            (r.subject, r.object) for r in bundle.relations if r.kind is cm.RelationKind.DISPUTES
        }
        assert {
            ("chebanenko-concept-stage", "chebanenko-monument-planned"),
            ("article-sketches-only", "chebanenko-look-settled"),
            ("article-construction-soon", "chebanenko-site-open"),
        } == disputes

    def test_however_introduces_no_elaboration(self, bundle: cm.Bundle) -> None:
        elaborations = [r for r in bundle.relations if r.kind is cm.RelationKind.ELABORATES]
        assert [] == [r.id for r in elaborations if r.subject == "article-sketches-only"]


class TestExampleIndependence:
    """Judgements do not count the foreign minister as independent of the sculptor."""

    def test_the_minister_and_the_sculptor_are_one_origin(self, bundle: cm.Bundle) -> None:
        said = bundle.assertion("chebanenko-proceeding")
        assert said is not None
        also = attrs.evolve(
            said, id="x-lavrov-proceeding", attribution=cm.Attribution(source="lavrov")
        )
        proceeding = cm.analyze(bundle.with_assertion(also))["project-proceeding"]
        assert [("chebanenko", "lavrov")] == [o.sources for o in proceeding.independent]

    def test_no_basis_counts_the_minister_as_independent_support(self, bundle: cm.Bundle) -> None:
        leaning = [
            a.id
            for a in bundle.assertions
            if a.source == "chebanenko"
            and "foreign minister" in (a.confidence.basis or "")
            and "no independent support" not in (a.confidence.basis or "")
        ]
        assert [] == leaning
        (support,) = [r for r in bundle.relations if r.subject == "lavrov-joint-project"]
        assert "no independent support" in (support.basis or "")


class TestExampleShown:
    """``claimmodel show`` prints every claim of the example."""

    def test_show_prints_each_claim(
        self, example_path: Path, bundle: cm.Bundle, capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert 0 == main(["show", str(example_path)])
        out = capsys.readouterr().out
        flat = " ".join(out.split())  # long lines are wrapped
        assert [] == [
            c.id for c in bundle.claims if " ".join(f"{c.id}: {c.text}".split()) not in flat
        ]
        assert [] == [a.id for a in bundle.assertions if f"[{a.id}]" not in out]


class TestExampleFindings:
    """Validation finds exactly what the article gives reason for, and docs/examples.md
    says why, finding by finding."""

    # The article says how none of these statements reached it: the links stay
    # unspecified (CM106), one for each assertion of the foreign minister, the defence
    # ministry, its head and Russian officials.
    EXPECTED: ClassVar[list[tuple[str, str]]] = [
        ("CM106", f"$.assertions[{index}].attribution.chain[0].channel")
        for index in (14, 15, 16, 18, 19, 20, 22)
    ]

    def test_exactly_the_expected_findings(self, bundle: cm.Bundle) -> None:
        found = [(f.code, f.path) for f in cm.validate(bundle)]
        assert self.EXPECTED == found

    def test_each_is_an_unsaid_channel(self, bundle: cm.Bundle) -> None:
        speakers = [
            bundle.assertions[int(path.split("[")[1].split("]")[0])].source
            for _, path in self.EXPECTED
        ]
        assert ["lavrov"] * 3 + ["russia-mod"] + ["belyushikov"] * 2 + [
            "russian-officials"
        ] == speakers

    def test_the_docs_justify_each(self, bundle: cm.Bundle, example_path: Path) -> None:
        page = (example_path.parent.parent / "docs" / "examples.md").read_text(encoding="utf-8")
        flat = " ".join(page.split())
        why = flat.split("## What validation reports, and why", 1)[1]
        for code, path in self.EXPECTED:
            where = path.split(".attribution", 1)[0]
            assertion = bundle.assertions[int(where.split("[")[1].rstrip("]"))]
            assert f"`{where}`" in why, (code, path)
            assert f"`{assertion.id}`" in why, (code, path)
            assert f'("{code}", "{path}", "{assertion.id}")' in why, (code, path)


class TestExampleControlledRelay:
    """RIA Novosti, controlled by the Russian government, shows in the sculptor's verdicts."""

    def test_the_monument_reached_the_reader_only_through_a_controlled_relay(
        self, bundle: cm.Bundle
    ) -> None:
        planned = cm.analyze(bundle)["monument-planned"]
        assert (True, ["ria-novosti"], ["russian-government"]) == (
            planned.only_through_controlled,
            [relay.relay for relay in planned.controlled_relays],
            [relay.party for relay in planned.controlled_relays],
        )
        assert "RIA Novosti, controlled by Government of the Russian Federation" in planned.verdict


class TestExampleReport:
    """The README quotes the verdict ``claimmodel report`` gives the example's hard claim."""

    def test_readme_quotes_the_verdict(
        self, example_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert 0 == main(["report", str(example_path)])
        block = next(b for b in capsys.readouterr().out.split("\n\n") if b.startswith(NK_FOUGHT))
        verdict = " ".join(block.split("verdict: ", 1)[1].split())
        readme = (example_path.parent.parent / "README.md").read_text(encoding="utf-8")
        assert f'ends in the verdict "{verdict}"' in " ".join(readme.split())
