"""The second worked example: a wire report on the San Telmo port, encoded as a bundle."""

from __future__ import annotations

import hashlib
import io
import json
import runpy
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar, cast

import jsonschema
import networkx as nx
import pytest

import claimmodel as cm
from claimmodel.cli import main
from claimmodel.interop.claimreview import (
    expand,
    from_claimreview,
    to_claimreview,
    to_claimreview_json,
    to_factcheck_pages,
)
from claimmodel.interop.graph import to_graphml, to_networkx
from claimmodel.interop.prov import PROV_FORMATS, ProvFormat, dumps_prov, loads_prov
from claimmodel.interop.stix import from_stix, to_stix_json

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
WIRE = EXAMPLES / "san-telmo-port.json"
ARTICLE = EXAMPLES / "san-telmo-article.txt"
BUILDER = EXAMPLES / "build_san_telmo.py"
DOCS = EXAMPLES.parent / "docs" / "examples.md"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CLAIMREVIEW_SCHEMA = FIXTURES / "claimreview" / "claimreview-required.schema.json"
# rdflib warns about its own Dataset.default_context inside the Turtle code prov calls.
RDFLIB_WARNING = "ignore:Dataset.default_context is deprecated:DeprecationWarning"


@pytest.fixture(scope="module")
def bundle() -> cm.Bundle:
    """The decoded example."""
    return cm.loads(WIRE.read_bytes())


def _assertion(bundle: cm.Bundle, assertion_id: str) -> cm.Assertion:
    assertion = bundle.assertion(assertion_id)
    assert assertion is not None, assertion_id
    return assertion


def _report(capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    """``claimmodel report`` on the example, as one flattened block per claim id."""
    assert 0 == main(["report", str(WIRE)])
    blocks = capsys.readouterr().out.split("\n\n")
    return {block.split("\n", 1)[0]: " ".join(block.split()) for block in blocks[1:]}


class TestWireFile:
    """The shipped file is what the builder writes, and holds the article."""

    def test_dump_of_load_reproduces_the_file_byte_for_byte(self) -> None:
        with WIRE.open(encoding="utf-8") as file:
            decoded = cm.load(file)
        out = io.StringIO()
        cm.dump(decoded, out)
        assert WIRE.read_bytes() == out.getvalue().encode("utf-8")

    def test_build_script_produces_the_shipped_bundle(self, bundle: cm.Bundle) -> None:
        namespace = runpy.run_path(str(BUILDER))
        build = cast("Callable[[], cm.Bundle]", namespace["build"])
        built = build()
        out = io.StringIO()
        cm.dump(built, out)
        assert (bundle, WIRE.read_bytes()) == (built, out.getvalue().encode("utf-8"))

    def test_the_document_holds_the_article_and_the_title_is_its_headline(
        self, bundle: cm.Bundle
    ) -> None:
        document = bundle.document_source
        assert document is not None
        article = ARTICLE.read_bytes().decode("utf-8")
        assert (article, article.split("\n", 1)[0]) == (document.text, bundle.title)

    def test_the_dateline_gives_the_day(self, bundle: cm.Bundle) -> None:
        assert ("2026-03-04", None) == (str(bundle.published), bundle.published_certainty)
        document = bundle.document_source
        assert document is not None
        assert "March 4, 2026" in (document.text or "")

    def test_every_cue_hedge_and_quote_is_where_its_span_says(self, bundle: cm.Bundle) -> None:
        document = bundle.document_source
        assert document is not None
        text = document.text or ""
        shown: list[tuple[str, str]] = []
        for assertion in bundle.assertions:
            cued = assertion.attribution
            if cued.cue is not None:
                assert cued.cue_span is not None, assertion.id
                shown.append((cued.cue, cued.cue_span.of(text)))
            shown += [(h.cue, h.span.of(text)) for h in assertion.hedges if h.span is not None]
            assert all(h.span is not None for h in assertion.hedges), assertion.id
            for evidence in assertion.evidence:
                if evidence.span is not None:
                    shown.append((evidence.quote or "", evidence.span.of(text)))
                else:  # only the video stands without a span in the text
                    assert cm.EvidenceKind.VIDEO is evidence.kind, assertion.id
        assert [] == [(said, found) for said, found in shown if said != found]
        assert len(shown) > len(bundle.assertions)


class TestWireSources:
    """Unnamed sources keep how many they are and on what terms they spoke."""

    def test_two_officials_speaking_on_condition_of_anonymity(self, bundle: cm.Bundle) -> None:
        officials = bundle.source("security-officials")
        assert isinstance(officials, cm.AnonymousSource)
        assert (2, cm.GroundRule.ANONYMITY) == (officials.count, officials.ground_rule)
        assert ["public-order-directorate"] == [a.target for a in officials.affiliations]

    def test_the_doctors_are_two_with_no_ground_rule_given(self, bundle: cm.Bundle) -> None:
        doctors = bundle.source("hospital-doctors")
        assert isinstance(doctors, cm.AnonymousSource)
        assert (2, None) == (doctors.count, doctors.ground_rule)


class TestWireAssertions:
    """The denial, the no-comment, the range, the correction and the translated quote."""

    def test_the_ministry_denies_the_tear_gas(self, bundle: cm.Bundle) -> None:
        stances = {a.id: a.stance for a in bundle.assertions_of("tear-gas")}
        assert {
            "ministry-denies-tear-gas": cm.Stance.DENIES,
            "union-tear-gas": cm.Stance.ASSERTS,
        } == stances
        denial = _assertion(bundle, "ministry-denies-tear-gas")
        assert ("denied", cm.Channel.STATEMENT) == (
            denial.attribution.cue,
            denial.attribution.chain[0].channel,
        )

    def test_the_port_authority_declines_to_comment_on_the_figure(self, bundle: cm.Bundle) -> None:
        silent = _assertion(bundle, "port-authority-no-comment")
        assert ("detained-40-to-60", cm.Stance.DECLINES_TO_COMMENT, "declined to comment") == (
            silent.claim,
            silent.stance,
            silent.attribution.cue,
        )

    def test_the_figure_is_a_range_and_the_earlier_one_open_ended(self, bundle: cm.Bundle) -> None:
        now, before = bundle.claim("detained-40-to-60"), bundle.claim("detained-over-100")
        assert now is not None
        assert before is not None
        assert now.quantity is not None
        assert before.quantity is not None
        assert ("between 40 and 60 people", "more than 100 people") == (
            str(now.quantity),
            str(before.quantity),
        )
        assert now.quantity.measure == before.quantity.measure
        assert not now.quantity.overlaps(before.quantity)

    def test_the_officials_correct_their_earlier_figure(self, bundle: cm.Bundle) -> None:
        corrected = _assertion(bundle, "officials-detained")
        earlier = _assertion(bundle, "officials-over-100")
        assert "officials-over-100" == corrected.corrects
        assert corrected.source == earlier.source
        assert ("meridian", "first-report", "report") == earlier.attribution.path[1:]
        # Published on Tuesday; corrected "later", so on Tuesday at the earliest.
        assert ("2026-03-03", "2026-03-03") == (str(earlier.latest), str(corrected.earliest))

    def test_the_spokeswoman_is_quoted_in_translation_with_her_portuguese(
        self, bundle: cm.Bundle
    ) -> None:
        evidence = _assertion(bundle, "varro-no-chemical-agent").evidence[0]
        article = ARTICLE.read_text(encoding="utf-8")
        assert (cm.Quotation.DIRECT, "en", "pt") == (
            evidence.quotation,
            evidence.language,
            evidence.original_language,
        )
        assert evidence.original is not None
        assert evidence.original in article
        assert "issued in Portuguese" in article

    def test_the_video_is_evidence_never_a_source(self, bundle: cm.Bundle) -> None:
        video = _assertion(bundle, "report-canisters").evidence[1]
        assert (cm.EvidenceKind.VIDEO, cm.Bearing.SUPPORTS) == (video.kind, video.bearing)
        assert (str(video.captured), str(video.archived)) == ("2026-03-03", "2026-03-04")
        digest = hashlib.sha256(b"claimmodel example: San Telmo video").hexdigest()
        assert digest == video.sha256
        assert "illustrative" in str(video.extensions["x_basis"])
        assert (video.url or "").startswith("https://social.example/")
        assert (video.archive_url or "").startswith("https://archive.example/")

    def test_the_wire_voices_the_gap_in_the_unions_figure(self, bundle: cm.Bundle) -> None:
        hedges = _assertion(bundle, "union-members-treated").hedges
        assert [("could not independently verify", cm.HedgeCategory.EVIDENTIAL_GAP)] == [
            (h.cue, h.category) for h in hedges
        ]
        assert "report" == hedges[0].voiced_by
        assert "the union's figure" in (hedges[0].scope or "")


class TestWireVerdict:
    """VeriFato rates the ministry's statement, on the video and the doctors' accounts."""

    def test_rates_the_statement_false_on_a_five_point_scale(self, bundle: cm.Bundle) -> None:
        (verdict,) = bundle.verdicts
        assert ("verifato", ("varro-no-chemical-agent",), "2026-03-04") == (
            verdict.reviewer,
            verdict.reviews,
            str(verdict.date),
        )
        assert ("False", 1, 1, 5) == (
            verdict.rating.label,
            verdict.rating.value,
            verdict.rating.worst,
            verdict.rating.best,
        )
        assert [cm.Bearing.REFUTES] * 2 == [e.bearing for e in verdict.evidence]

    def test_is_shown_beside_the_count_and_never_in_it(self, bundle: cm.Bundle) -> None:
        analysis = cm.analyze(bundle)["no-chemical-agent"]
        assert (1, ("verifato-no-chemical-agent",)) == (
            analysis.independent_origins,
            tuple(check.verdict for check in analysis.fact_checks),
        )


class TestWireFindings:
    """Validation finds exactly what the article gives reason for, and docs/examples.md
    says why, finding by finding."""

    # The article does not say how the union's and the port authority's words reached it.
    EXPECTED: ClassVar[list[tuple[str, str, str]]] = [
        ("CM106", "$.assertions[7].attribution.chain[0].channel", "union-tear-gas"),
        ("CM106", "$.assertions[8].attribution.chain[0].channel", "union-members-treated"),
        ("CM106", "$.assertions[11].attribution.chain[0].channel", "port-authority-no-comment"),
        ("CM106", "$.assertions[14].attribution.chain[0].channel", "union-no-talks"),
    ]

    def test_exactly_the_expected_findings(self, bundle: cm.Bundle) -> None:
        found = [
            (f.code, f.path, bundle.assertions[int(f.path[13:].split("]")[0])].id)
            for f in cm.validate(bundle)
        ]
        assert self.EXPECTED == found

    def test_the_docs_justify_each(self) -> None:
        flat = " ".join(DOCS.read_text(encoding="utf-8").split())
        why = flat.split("## The wire report: what validation reports, and why", 1)[1]
        for code, path, assertion in self.EXPECTED:
            where = path.split(".attribution", 1)[0]
            assert f"`{where}`" in why, path
            assert f"`{assertion}`" in why, path
            assert f'("{code}", "{path}", "{assertion}")' in why, path


class TestWireReport:
    """``claimmodel report`` shows the denial, the no-comment, the correction, the range
    and the verdict."""

    def test_the_denial(self, capsys: pytest.CaptureFixture[str]) -> None:
        block = _report(capsys)["tear-gas"]
        assert "denied by: Interior Ministry of Calderra (assertion ministry-denies-tear-gas)" in (
            block
        )

    def test_the_no_comment_and_the_range(self, capsys: pytest.CaptureFixture[str]) -> None:
        block = _report(capsys)["detained-40-to-60"]
        assert "figure: between 40 and 60 people" in block
        assert "declined to comment: San Telmo Port Authority" in block
        assert "against detained-over-100 (more than 100 people)" in block

    def test_the_correction(self, capsys: pytest.CaptureFixture[str]) -> None:
        block = _report(capsys)["detained-over-100"]
        assert "corrected: assertion officials-over-100 (two security officials) by " in block
        assert "no assertion backs it" in block

    def test_the_verdict_line(self, capsys: pytest.CaptureFixture[str]) -> None:
        block = _report(capsys)["no-chemical-agent"]
        assert "fact-check: VeriFato: False (1 of 1 to 5), 2026-03-04" in block
        assert block.endswith("rated 'False' by VeriFato")


class TestWireExports:
    """The example comes back exactly through STIX and PROV, and as the same graph."""

    def test_stix(self, bundle: cm.Bundle) -> None:
        assert bundle == from_stix(to_stix_json(bundle))

    @pytest.mark.filterwarnings(RDFLIB_WARNING)
    @pytest.mark.parametrize("serialization", PROV_FORMATS)
    def test_prov(self, bundle: cm.Bundle, serialization: ProvFormat) -> None:
        text = dumps_prov(bundle, format=serialization)
        assert bundle == loads_prov(text, format=serialization)

    def test_graphml(self, bundle: cm.Bundle) -> None:
        text = to_graphml(bundle).encode("utf-8")
        read = nx.read_graphml(io.BytesIO(text), force_multigraph=True)
        assert nx.utils.graphs_equal(to_networkx(bundle), read)


class TestWireClaimReview:
    """VeriFato's verdict goes out as ClaimReview and as a Fact Check Tools API page, and
    comes back field by field."""

    def test_one_review_with_the_required_fields(self, bundle: cm.Bundle) -> None:
        schema = json.loads(CLAIMREVIEW_SCHEMA.read_text(encoding="utf-8"))
        [review] = to_claimreview(bundle)
        jsonschema.validate(review, schema, cls=jsonschema.Draft202012Validator)
        verdict = bundle.verdicts[0]
        assert (verdict.url, "VeriFato", {"@type": "Person", "name": "Ilena Varro"}) == (
            review["url"],
            review["author"]["name"],
            review["itemReviewed"]["author"],
        )
        [expanded] = expand([review])
        assert ["http://schema.org/ClaimReview"] == expanded["@type"]

    def test_read_back_field_by_field(self, bundle: cm.Bundle) -> None:
        verdict = bundle.verdicts[0]
        claim = bundle.claim("no-chemical-agent")
        assert claim is not None
        back = from_claimreview(to_claimreview_json(bundle))
        [read] = back.verdicts
        [said] = back.assertions
        reviewer, claimant, claimed = (
            back.source(read.reviewer),
            back.source(said.source),
            back.claim(said.claim),
        )
        assert reviewer is not None
        assert claimant is not None
        assert claimed is not None
        assert (
            verdict.url,
            verdict.date,
            verdict.rating,
            verdict.explanation,
            "VeriFato",
            "Ilena Varro",
            claim.text,
        ) == (
            read.url,
            read.date,
            read.rating,
            read.explanation,
            reviewer.name,
            claimant.name,
            claimed.text,
        )

    def test_one_fact_check_page(self, bundle: cm.Bundle) -> None:
        [page] = to_factcheck_pages(bundle)
        [markup] = page["claimReviewMarkups"]
        assert (bundle.verdicts[0].url, "2026-03-04", {"name": "VeriFato"}) == (
            page["pageUrl"],
            page["publishDate"],
            page["claimReviewAuthor"],
        )
        assert ({"name": "Ilena Varro"}, "False") == (
            markup["claimAuthor"],
            markup["rating"]["textualRating"],
        )

    def test_the_command(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert 0 == main(["export", "--to", "claimreview", str(WIRE)])
        captured = capsys.readouterr()
        assert (to_claimreview_json(cm.loads(WIRE.read_bytes())), "") == (
            captured.out,
            captured.err,
        )
