"""The worked example: the Kursk monument article encoded as a bundle."""

from __future__ import annotations

import io
import runpy
from collections.abc import Callable
from pathlib import Path
from typing import cast

import pytest

import claimmodel as cm
from claimmodel.cli import main

NK_FOUGHT = "nk-fought"
RUSSIAN_STATE = "russian-government"
ICD203_BANDS = {
    "almost no chance": (0.01, 0.05),
    "very unlikely": (0.05, 0.20),
    "unlikely": (0.20, 0.45),
    "roughly even chance": (0.45, 0.55),
    "likely": (0.55, 0.80),
    "very likely": (0.80, 0.95),
    "almost certain": (0.95, 0.99),
}
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

    def test_published_date_is_the_assumed_day(self, bundle: cm.Bundle) -> None:
        assert (cm.Precision.DAY, "2025-11-25") == (
            bundle.published.precision if bundle.published else None,
            str(bundle.published),
        )
        assert "2025-11-25" in str(bundle.extensions["x_note"])

    def test_document_is_the_article_in_english(self, bundle: cm.Bundle) -> None:
        document = bundle.document_source
        assert document is not None
        assert ("en", bundle.published) == (document.language, document.published)


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
        bands = [(c.probability.low, c.probability.high) for c in judged if c.probability]
        assert [ICD203_BANDS[c.level] for c in judged] == bands
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

    def test_in_july_is_the_month_before_publication(self, bundle: cm.Bundle) -> None:
        assertion = bundle.assertion("lavrov-joint-project")
        assert assertion is not None
        assert bundle.published is not None
        expected = cm.PartialDate.parse("July", reference=bundle.published)
        assert (cm.Precision.MONTH, "2025-07") == (expected.precision, str(expected))
        assert expected == assertion.date
        assert [expected] == [link.date for link in assertion.attribution.chain]
        assert cm.Channel.PRESS_CONFERENCE == assertion.attribution.chain[0].channel

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

    def test_is_hedged_allegedly_disputed_and_evidential_gap(self, bundle: cm.Bundle) -> None:
        hedges = [h for a in bundle.assertions_of(NK_FOUGHT) for h in a.hedges]
        by_cue = {h.cue: h.category for h in hedges}
        assert cm.HedgeCategory.REPORTATIVE == by_cue["allegedly"]
        assert cm.HedgeCategory.DISPUTED == by_cue["remains a subject of debate"]
        assert cm.HedgeCategory.EVIDENTIAL_GAP == by_cue["independent verification remains elusive"]

    def test_every_asserting_source_traces_back_to_the_russian_state(
        self, bundle: cm.Bundle
    ) -> None:
        asserting = {
            a.source for a in bundle.assertions_of(NK_FOUGHT) if a.stance is cm.Stance.ASSERTS
        }
        assert {"lavrov", "belyushikov", "russian-officials"} == asserting
        assert [] == sorted(s for s in asserting if RUSSIAN_STATE not in _parents(bundle, s))

    def test_the_article_only_reports_it(self, bundle: cm.Bundle) -> None:
        own = [a for a in bundle.assertions_of(NK_FOUGHT) if a.source == bundle.document]
        assert [cm.Stance.REPORTS] == [a.stance for a in own]


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
