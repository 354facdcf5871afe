"""The hedge (CM401), span (CM6xx), orphan (CM7xx), review (CM801) and quantity rules
(CM9xx), how a finding's message is kept to one short line, what ``max_findings`` says
it left out and when ``validate`` pauses the collector, by example, message and path
included: each behaviour that a mutant of ``validation/_context.py``, ``_hedges.py``,
``_orphans.py``, ``_quantities.py``, ``_review.py``, ``_spans.py`` or ``_validate.py``
could change."""

from __future__ import annotations

import gc

import attrs
import pytest

from claimmodel import (
    Affiliation,
    AffiliationKind,
    Assertion,
    Attribution,
    Bundle,
    Claim,
    Collective,
    Confidence,
    Document,
    Draft,
    Evidence,
    Hedge,
    HedgeCategory,
    Interval,
    Link,
    Person,
    Quantity,
    Rating,
    Relation,
    RelationKind,
    Role,
    Severity,
    Source,
    Span,
    Verdict,
    validate,
)
from claimmodel.exceptions import InvalidTypeError, InvalidValueError
from claimmodel.format import _fast
from claimmodel.validation._context import Context
from validation_helpers import dangling

TEXT = "The sculptor Confirmed  that the troops allegedly fought there."
_UNJUDGED = Confidence.cannot_be_judged()


def _span(words: str, text: str = TEXT) -> Span:
    start = text.index(words)
    return Span(start=start, end=start + len(words))


def _assertion(
    assertion_id: str = "a",
    *,
    claim: str = "c",
    attribution: Attribution | None = None,
    confidence: Confidence = _UNJUDGED,
    hedges: tuple[Hedge, ...] = (),
    evidence: tuple[Evidence, ...] = (),
    draft: Draft | None = None,
) -> Assertion:
    return Assertion(
        id=assertion_id,
        claim=claim,
        attribution=attribution or Attribution(source="p"),
        confidence=confidence,
        hedges=hedges,
        evidence=evidence,
        draft=draft,
    )


def _bundle(
    *assertions: Assertion,
    sources: tuple[Source, ...] = (),
    claims: tuple[Claim, ...] = (),
    relations: tuple[Relation, ...] = (),
    verdicts: tuple[Verdict, ...] = (),
    document: str | None = "article",
) -> Bundle:
    return Bundle(
        document=document,
        sources=(Document(id="article", text=TEXT), Person(id="p"), *sources),
        claims=claims or (Claim(id="c", text="It happened."),),
        assertions=assertions or (_assertion(),),
        relations=relations,
        verdicts=verdicts,
    )


def _found(bundle: Bundle, *codes: str) -> list[tuple[str, str, str]]:
    """The findings of ``codes``, as (code, path, message)."""
    return [(f.code, f.path, f.message) for f in validate(bundle) if f.code in codes]


def _paths(bundle: Bundle, *codes: str) -> list[tuple[str, str]]:
    """The findings of ``codes``, as (code, path)."""
    return [(code, path) for code, path, _ in _found(bundle, *codes)]


def _held(low: float, *, basis: str | None = None) -> Confidence:
    return Confidence(
        scale="icd203", level="very likely", probability=Interval(low=low, high=0.95), basis=basis
    )


class TestHedgedYetSure:
    """CM401: an alleged, disputed or unverified assertion held at 80 % or more."""

    @pytest.mark.parametrize(
        "category",
        [HedgeCategory.REPORTATIVE, HedgeCategory.DISPUTED, HedgeCategory.EVIDENTIAL_GAP],
    )
    def test_each_doubting_category_at_the_ceiling(self, category: HedgeCategory) -> None:
        hedged = _assertion(
            confidence=_held(0.8), hedges=(Hedge(cue="allegedly", category=category),)
        )
        assert _found(_bundle(hedged), "CM401") == [
            (
                "CM401",
                "$.assertions[0].confidence.probability",
                (
                    f"the assertion is hedged as {category.value} ('allegedly') yet held at "
                    "80%–95%, at or above 80%; state the basis of that confidence or lower it"
                ),
            )
        ]

    @pytest.mark.parametrize(
        "category",
        [
            HedgeCategory.EPISTEMIC,
            HedgeCategory.APPROXIMATOR,
            HedgeCategory.ATTRIBUTION_SHIELD,
            HedgeCategory.WEAK_COMMITMENT,
        ],
    )
    def test_other_categories_do_not_doubt(self, category: HedgeCategory) -> None:
        hedged = _assertion(confidence=_held(0.9), hedges=(Hedge(cue="may", category=category),))
        assert _found(_bundle(hedged), "CM401") == []

    def test_the_first_doubting_hedge_is_named(self) -> None:
        hedges = (
            Hedge(cue="may", category=HedgeCategory.EPISTEMIC),
            Hedge(cue="disputed", category=HedgeCategory.DISPUTED),
            Hedge(cue="allegedly", category=HedgeCategory.REPORTATIVE),
        )
        unsure = _assertion(hedges=hedges)  # neither of these two stops the rule
        undoubted = _assertion("b", confidence=_held(0.9), hedges=hedges[:1])
        other = _assertion("d", confidence=_held(0.85), hedges=hedges)
        ((_, path, message),) = _found(_bundle(unsure, undoubted, other), "CM401")
        assert "$.assertions[2].confidence.probability" == path
        assert message.startswith("the assertion is hedged as disputed ('disputed') yet held at")

    def test_below_the_ceiling(self) -> None:
        hedges = (Hedge(cue="allegedly", category=HedgeCategory.REPORTATIVE),)
        assert _found(_bundle(_assertion(confidence=_held(0.79), hedges=hedges)), "CM401") == []

    def test_a_stated_basis(self) -> None:
        hedges = (Hedge(cue="allegedly", category=HedgeCategory.REPORTATIVE),)
        sure = _held(0.9, basis="two independent witnesses")
        assert _found(_bundle(_assertion(confidence=sure, hedges=hedges)), "CM401") == []

    def test_no_probability(self) -> None:
        hedges = (Hedge(cue="allegedly", category=HedgeCategory.REPORTATIVE),)
        level = Confidence(scale="icd203", level="almost certain")
        assert _found(_bundle(_assertion(confidence=level, hedges=hedges)), "CM401") == []


class TestSpans:
    """CM601-CM604: spans index into the text of the document they name."""

    def test_a_cue_matches_its_span_whatever_its_case_and_spacing(self) -> None:
        cue = "confirmed that"  # the text has "Confirmed  that"
        attribution = Attribution(
            source="p",
            cue=cue,
            cue_span=_span("Confirmed  that"),
            chain=(Link(source="p", cue=" CONFIRMED\tthat ", cue_span=_span("Confirmed  that")),),
        )
        hedge = Hedge(cue="Allegedly", category=HedgeCategory.REPORTATIVE, span=_span("allegedly"))
        assertion = _assertion(attribution=attribution, hedges=(hedge,))
        assert _found(_bundle(assertion), "CM601", "CM603", "CM604") == []

    def test_an_attribution_cue_that_is_not_its_span(self) -> None:
        attribution = Attribution(source="p", cue="hinted", cue_span=_span("Confirmed"))
        assert _found(_bundle(_assertion(), _assertion(attribution=attribution)), "CM604") == [
            (
                "CM604",
                "$.assertions[1].attribution.cue",
                (
                    "the cue 'hinted' is not the text its span covers ('Confirmed'); "
                    "correct the cue or the span"
                ),
            )
        ]

    def test_a_link_cue_that_is_not_its_span(self) -> None:
        chain = (
            Link(source="p", cue="Confirmed", cue_span=_span("Confirmed")),
            Link(source="p", cue="said", cue_span=_span("fought")),
        )
        attribution = Attribution(source="p", chain=chain)
        assert _found(_bundle(_assertion(attribution=attribution)), "CM604") == [
            (
                "CM604",
                "$.assertions[0].attribution.chain[1].cue",
                (
                    "the cue 'said' is not the text its span covers ('fought'); "
                    "correct the cue or the span"
                ),
            )
        ]

    def test_a_span_without_a_cue_is_still_bounded(self) -> None:
        end = len(TEXT)
        chain = (
            Link(source="p", cue_span=Span(start=0, end=end)),
            Link(source="p", cue_span=Span(start=1, end=end + 1)),
        )
        attribution = Attribution(source="p", cue_span=Span(start=0, end=end), chain=chain)
        assert _found(_bundle(_assertion(attribution=attribution)), "CM601", "CM604") == [
            (
                "CM601",
                "$.assertions[0].attribution.chain[1].cue_span",
                (
                    f"span [1, {end + 1}) runs past the end of document 'article', whose text "
                    f"has {end} characters; offsets count code points from 0"
                ),
            )
        ]

    def test_a_cue_span_past_the_end_is_not_compared(self) -> None:
        attribution = Attribution(source="p", cue="x", cue_span=Span(start=0, end=len(TEXT) + 1))
        assert _paths(_bundle(_assertion(attribution=attribution)), "CM601", "CM604") == [
            ("CM601", "$.assertions[0].attribution.cue_span")
        ]

    def test_a_hedge_cue_that_is_not_its_span(self) -> None:
        hedges = (
            Hedge(cue="allegedly", category=HedgeCategory.REPORTATIVE, span=_span("allegedly")),
            Hedge(cue="allegedly", category=HedgeCategory.REPORTATIVE),
            Hedge(cue="reportedly", category=HedgeCategory.REPORTATIVE, span=_span("allegedly")),
        )
        assert _found(_bundle(_assertion(hedges=hedges)), "CM601", "CM603") == [
            (
                "CM603",
                "$.assertions[0].hedges[2].cue",
                (
                    "the cue 'reportedly' is not the text its span covers ('allegedly'); "
                    "correct the cue or the span"
                ),
            )
        ]

    def test_a_hedge_span_past_the_end(self) -> None:
        hedges = (
            Hedge(cue="there.", category=HedgeCategory.REPORTATIVE, span=_span("there.")),
            Hedge(
                cue="there",
                category=HedgeCategory.REPORTATIVE,
                span=Span(start=len(TEXT) - 6, end=len(TEXT) + 1),
            ),
            Hedge(cue="reportedly", category=HedgeCategory.REPORTATIVE, span=_span("allegedly")),
        )
        assert _paths(_bundle(_assertion(hedges=hedges)), "CM601", "CM603") == [
            ("CM601", "$.assertions[0].hedges[1].span"),
            ("CM603", "$.assertions[0].hedges[2].cue"),
        ]
        assert _found(_bundle(_assertion(hedges=hedges)), "CM601") == [
            (
                "CM601",
                "$.assertions[0].hedges[1].span",
                (
                    f"span [{len(TEXT) - 6}, {len(TEXT) + 1}) runs past the end of document "
                    f"'article', whose text has {len(TEXT)} characters; offsets count code "
                    "points from 0"
                ),
            )
        ]

    def _everything_mismatched(self) -> Assertion:
        attribution = Attribution(
            source="p",
            cue="x",
            cue_span=_span("troops"),
            chain=(Link(source="p", cue="x", cue_span=_span("troops")),),
        )
        hedges = (Hedge(cue="x", category=HedgeCategory.REPORTATIVE, span=_span("troops")),)
        return _assertion(attribution=attribution, hedges=hedges)

    def test_a_bundle_document_without_text_checks_no_cue(self) -> None:
        bundle = _bundle(
            self._everything_mismatched(), document="bare", sources=(Document(id="bare"),)
        )
        assert _found(bundle, "CM601", "CM603", "CM604") == []

    def test_a_bundle_document_that_is_not_a_document_checks_no_cue(self) -> None:
        bundle = _bundle(self._everything_mismatched(), document="p")
        assert _found(bundle, "CM601", "CM603", "CM604") == []

    def test_every_cue_against_the_bundle_document(self) -> None:
        assert _paths(_bundle(self._everything_mismatched()), "CM603", "CM604") == [
            ("CM604", "$.assertions[0].attribution.chain[0].cue"),
            ("CM604", "$.assertions[0].attribution.cue"),
            ("CM603", "$.assertions[0].hedges[0].cue"),
        ]


class TestEvidenceSpans:
    """CM601 and CM602: a quote is exactly the text its span covers, in its document."""

    OTHER = "Officials said nothing."

    def _bundle(self, *evidence: Evidence, verdict: tuple[Evidence, ...] = ()) -> Bundle:
        verdicts = (
            Verdict(
                id="v",
                reviewer="p",
                reviews=("a",),
                rating=Rating(label="False"),
                evidence=verdict,
            ),
        )
        other = (Document(id="other", text=self.OTHER), Document(id="bare"))
        return _bundle(
            _assertion(), _assertion("b", evidence=evidence), sources=other, verdicts=verdicts
        )

    def test_a_quote_that_is_not_its_span(self) -> None:
        evidence = (
            Evidence(quote="allegedly", span=_span("allegedly")),
            Evidence(quote="Allegedly", span=_span("allegedly")),
        )
        assert _found(self._bundle(*evidence), "CM601", "CM602") == [
            (
                "CM602",
                "$.assertions[1].evidence[1].quote",
                (
                    "the quote is not the text its span covers ('allegedly'); quote the "
                    "document exactly or correct the span"
                ),
            )
        ]

    def test_the_evidence_names_its_own_document(self) -> None:
        evidence = (
            Evidence(quote="said", span=_span("said", self.OTHER), document="other"),
            Evidence(quote="nothing", span=_span("said", self.OTHER), document="other"),
        )
        assert _paths(self._bundle(*evidence), "CM601", "CM602") == [
            ("CM602", "$.assertions[1].evidence[1].quote")
        ]

    def test_a_span_past_the_end_of_the_named_document(self) -> None:
        end = len(self.OTHER)
        evidence = (
            Evidence(quote="x", span=Span(start=0, end=end + 1), document="other"),
            Evidence(quote="x", span=_span("troops")),
        )
        assert _found(self._bundle(*evidence), "CM601") == [
            (
                "CM601",
                "$.assertions[1].evidence[0].span",
                (
                    f"span [0, {end + 1}) runs past the end of document 'other', whose text "
                    f"has {end} characters; offsets count code points from 0"
                ),
            )
        ]
        assert _paths(self._bundle(*evidence), "CM602") == [
            ("CM602", "$.assertions[1].evidence[1].quote")
        ]

    def test_a_span_ending_at_the_end(self) -> None:
        evidence = (
            Evidence(quote=self.OTHER, span=Span(start=0, end=len(self.OTHER)), document="other"),
        )
        assert _found(self._bundle(*evidence), "CM601", "CM602") == []

    def test_what_is_not_checked(self) -> None:
        evidence = (
            Evidence(quote="x"),  # no span
            Evidence(span=_span("troops")),  # no quote
            Evidence(quote="x", span=Span(start=0, end=999), document="bare"),  # no text
            Evidence(quote="x", span=Span(start=0, end=999), document="p"),  # not a document
            Evidence(quote="x", span=Span(start=0, end=999), document="ghost"),  # no source
            Evidence(quote="x", span=_span("troops")),  # checked all the same
        )
        assert _paths(self._bundle(*evidence), "CM601", "CM602") == [
            ("CM602", "$.assertions[1].evidence[5].quote")
        ]

    def test_a_verdict_s_evidence(self) -> None:
        evidence = (Evidence(quote="x", span=_span("troops")),)
        assert _paths(
            self._bundle(verdict=(Evidence(url="https://example.org"), *evidence)), "CM601", "CM602"
        ) == [("CM602", "$.verdicts[0].evidence[1].quote")]


def _orphans(bundle: Bundle) -> list[str]:
    """The messages' source ids of the CM701 findings, in order."""
    return [message.split("'")[1] for _, _, message in _found(bundle, "CM701")]


_ASSESSED = Confidence(scale="icd203", level="likely", assessor="u")


class TestUnusedSources:
    """CM701: a source nothing in the bundle uses."""

    def _spoken_by(self, speaker: Source) -> Bundle:
        """The speaker "p" of the one assertion, the document "article" and "u"."""
        return Bundle(
            document="article",
            sources=(Document(id="article"), speaker, Person(id="u")),
            claims=(Claim(id="c", text="It happened."),),
            assertions=(_assertion(),),
        )

    def test_the_message_and_path(self) -> None:
        bundle = _bundle(sources=(Person(id="u"), Person(id="w")))
        assert _found(bundle, "CM701") == [
            (
                "CM701",
                f"$.sources[{index}]",
                (
                    f"source {source!r} is not used by any assertion, chain, hedge, evidence, "
                    "verdict or other source; attribute something to it or remove it"
                ),
            )
            for index, source in ((2, "u"), (3, "w"))
        ]

    @pytest.mark.parametrize(
        "speaker",
        [
            Person(id="p", roles=(Role(office="aide"), Role(office="envoy", organization="u"))),
            Person(
                id="p",
                affiliations=(
                    Affiliation(kind=AffiliationKind.MEMBER_OF, target="article"),
                    Affiliation(kind=AffiliationKind.EMPLOYED_BY, target="u"),
                ),
            ),
            Person(id="p", reliability=_ASSESSED),
            Collective(id="p", members=("article", "u")),
            Document(id="p", authors=("article", "u")),
            Document(id="p", publisher="u"),
        ],
        ids=["role", "affiliation", "reliability", "member", "author", "publisher"],
    )
    def test_a_source_used_by_another(self, speaker: Source) -> None:
        assert _orphans(self._spoken_by(speaker)) == []

    def test_an_unassessed_reliability_uses_no_one(self) -> None:
        speaker = Person(id="p", reliability=Confidence(scale="icd203", level="likely"))
        assert _orphans(self._spoken_by(speaker)) == ["u"]

    @pytest.mark.parametrize(
        "assertion",
        [
            _assertion(
                attribution=Attribution(source="p", chain=(Link(source="p"), Link(source="u")))
            ),
            _assertion(confidence=_ASSESSED),
            _assertion(
                hedges=(
                    Hedge(cue="may", category=HedgeCategory.EPISTEMIC),
                    Hedge(cue="may", category=HedgeCategory.EPISTEMIC, voiced_by="u"),
                )
            ),
            _assertion(evidence=(Evidence(quote="x"), Evidence(quote="x", document="u"))),
        ],
        ids=["chain", "assessor", "hedge", "evidence"],
    )
    def test_a_source_used_by_an_assertion(self, assertion: Assertion) -> None:
        assert _orphans(_bundle(assertion, sources=(Person(id="u"),))) == []

    def test_a_source_used_by_a_claim_a_verdict_or_the_bundle(self) -> None:
        parties = (Claim(id="c", text="It happened.", parties=("u",)),)
        assert _orphans(_bundle(sources=(Person(id="u"),), claims=parties)) == []
        verdict = Verdict(id="v", reviewer="u", reviews=("a",), rating=Rating(label="False"))
        assert _orphans(_bundle(sources=(Person(id="u"),), verdicts=(verdict,))) == []
        cited = Verdict(
            id="v",
            reviewer="p",
            reviews=("a",),
            rating=Rating(label="False"),
            evidence=(Evidence(quote="x", document="u"),),
        )
        assert _orphans(_bundle(sources=(Person(id="u"),), verdicts=(cited,))) == []
        assert _orphans(_bundle(sources=(Person(id="u"),), document="u")) == ["article"]
        assert _orphans(_bundle(document=None)) == ["article"]

    def test_only_when_selected(self) -> None:
        bundle = _bundle(sources=(Person(id="u"),), claims=(Claim(id="d", text="No."),))
        assert {"CM702"} == validate(bundle, select=["CM702"]).codes
        assert {"CM701"} == validate(bundle, select=["CM701"]).codes


class TestUnusedClaims:
    """CM702: a claim neither asserted nor related."""

    def test_the_message_and_path(self) -> None:
        claims = tuple(Claim(id=claim, text="Something.") for claim in ("c", "d", "e", "f", "g"))
        relation = Relation(id="r", kind=RelationKind.SUPPORTS, subject="d", object="e")
        bundle = _bundle(claims=claims, relations=(relation,))
        assert _found(bundle, "CM702") == [
            (
                "CM702",
                f"$.claims[{index}]",
                (
                    f"claim {claim!r} is neither asserted nor related; add the assertion that "
                    "puts it forward or remove it"
                ),
            )
            for index, claim in ((3, "f"), (4, "g"))
        ]


class TestDrafts:
    """CM801: a draft marker on each kind of object that carries one."""

    def test_every_draft_marker_in_document_order(self) -> None:
        by_program = Draft(by="extractor 2.1")
        noted = Draft(by="model-x", note="low attention")
        hedges = (
            Hedge(cue="may", category=HedgeCategory.EPISTEMIC),
            Hedge(cue="allegedly", category=HedgeCategory.REPORTATIVE, draft=noted),
        )
        relation = Relation(id="r", kind=RelationKind.SUPPORTS, subject="c", object="d")
        bundle = _bundle(
            _assertion(),
            _assertion("b", hedges=hedges, draft=by_program),
            sources=(Person(id="q", draft=by_program),),
            claims=(Claim(id="c", text="Yes."), Claim(id="d", text="No.", draft=noted)),
            relations=(
                Relation(id="q", kind=RelationKind.SUPPORTS, subject="c", object="d"),
                attrs.evolve(relation, draft=by_program),
            ),
        )
        assert _found(bundle, "CM801") == [
            (
                "CM801",
                path,
                (
                    f"{what} was suggested by {by} and no person has reviewed it; "
                    "check it, then remove the draft marker"
                ),
            )
            for path, what, by in [
                ("$.sources[2].draft", "source 'q'", "extractor 2.1"),
                ("$.claims[1].draft", "claim 'd'", "model-x (low attention)"),
                ("$.assertions[1].draft", "assertion 'b'", "extractor 2.1"),
                ("$.assertions[1].hedges[1].draft", "hedge 'allegedly'", "model-x (low attention)"),
                ("$.relations[1].draft", "relation 'r'", "extractor 2.1"),
            ]
        ]

    def test_only_when_selected(self) -> None:
        bundle = _bundle(_assertion(draft=Draft(by="extractor")))
        assert [("CM801", "$.assertions[0].draft")] == [
            (f.code, f.path) for f in validate(bundle, select=["CM8"])
        ]
        assert [] == list(validate(bundle, select=["CM7"]))


def _figures(*quantities: Quantity | None) -> Bundle:
    claims = tuple(
        Claim(id=f"c{index}", text="So many.", quantity=quantity)
        for index, quantity in enumerate(quantities)
    )
    assertions = tuple(
        _assertion(f"a{index}", claim=claim.id) for index, claim in enumerate(claims)
    )
    return _bundle(*assertions, claims=claims)


class TestFigureBounds:
    """CM901 and CM902: a figure's bounds leave room for a number, and for its value."""

    def test_bounds_that_leave_no_number(self) -> None:
        bundle = _figures(
            Quantity(lower=2, upper=2),
            Quantity(lower=3, upper=1, unit="km"),
            Quantity(lower=2, upper=2, lower_exclusive=True),
            Quantity(lower=2, upper=2, upper_exclusive=True),
            Quantity(lower=1, upper=2, lower_exclusive=True, upper_exclusive=True),
        )
        assert _found(bundle, "CM901", "CM902") == [
            (
                "CM901",
                f"$.claims[{index}].quantity.lower",
                (
                    f"the bounds of the figure of claim 'c{index}' leave no number between them "
                    f"({figure}); swap them, or correct the one mistyped"
                ),
            )
            for index, figure in [
                (1, "between 3 and 1 km"),
                (2, "more than 2 and at most 2"),
                (3, "at least 2 and less than 2"),
            ]
        ]

    def test_bounds_without_room_are_not_also_said_to_miss_the_value(self) -> None:
        assert _paths(_figures(Quantity(value=9, lower=3, upper=1)), "CM901", "CM902") == [
            ("CM901", "$.claims[0].quantity.lower")
        ]

    def test_a_value_outside_its_bounds(self) -> None:
        bundle = _figures(
            Quantity(value=1, lower=2, upper=5),
            Quantity(value=2, lower=2, upper=5, lower_exclusive=True),
            Quantity(value=6, lower=2, upper=5),
            Quantity(value=5, lower=2, upper=5, upper_exclusive=True),
            Quantity(value=1, lower=2),
            Quantity(value=6, upper=5, unit="%"),
        )
        assert _found(bundle, "CM902") == [
            (
                "CM902",
                f"$.claims[{index}].quantity.value",
                (
                    f"the value of the figure of claim 'c{index}' is outside its {side} bound "
                    f"({figure}); correct the value or the bound"
                ),
            )
            for index, side, figure in [
                (0, "lower", "1 (between 2 and 5)"),
                (1, "lower", "2 (more than 2 and at most 5)"),
                (2, "upper", "6 (between 2 and 5)"),
                (3, "upper", "5 (at least 2 and less than 5)"),
                (4, "lower", "1 (at least 2)"),
                (5, "upper", "6 % (at most 5)"),
            ]
        ]

    def test_a_value_within_its_bounds(self) -> None:
        bundle = _figures(
            None,
            Quantity(value=2, lower=2, upper=5),
            Quantity(value=5, lower=2, upper=5),
            Quantity(value=3, lower=2, upper=5, lower_exclusive=True, upper_exclusive=True),
            Quantity(value=9, lower=2),
            Quantity(value=-9, upper=5),
            Quantity(value=7),
            Quantity(lower=2),
        )
        assert _found(bundle, "CM901", "CM902") == []


class TestFigureUnits:
    """CM903: figures of one measure stated in different units."""

    def test_every_figure_of_the_measure_names_every_unit(self) -> None:
        bundle = _figures(
            Quantity(measure="troops", value=1, unit="m"),
            None,
            Quantity(measure="troops", lower=3, upper=1),  # no room, but a unit all the same
            Quantity(measure="troops", value=2, unit="km"),
            Quantity(measure="troops", value=3, unit="m"),
            Quantity(value=4, unit="mi"),
            Quantity(measure="length", value=5, unit="m"),
            Quantity(measure="length", value=6, unit="m"),
        )
        message = (
            "figures of the measure 'troops' are stated in different units (no unit, 'km', "
            "'m'), so they cannot be compared; state them in one unit"
        )
        assert _found(bundle, "CM903") == [
            ("CM903", f"$.claims[{index}].quantity.unit", message) for index in (0, 2, 3, 4)
        ]

    def test_two_units(self) -> None:
        bundle = _figures(
            Quantity(measure="share", value=1, unit="%"),
            Quantity(measure="share", value=0.5, unit="fraction"),
        )
        assert [message for _, _, message in _found(bundle, "CM903")] == [
            (
                "figures of the measure 'share' are stated in different units ('%', 'fraction'), "
                "so they cannot be compared; state them in one unit"
            )
        ] * 2

    def test_one_unit_or_none(self) -> None:
        bundle = _figures(
            Quantity(measure="share", value=1, unit="%"),
            Quantity(measure="share", value=2, unit="%"),
            Quantity(measure="count", value=1),
            Quantity(measure="count", value=2),
        )
        assert _found(bundle, "CM903") == []

    def test_only_when_selected(self) -> None:
        bundle = _figures(
            Quantity(measure="share", value=9, upper=5, unit="%"),
            Quantity(measure="share", value=0.5, unit="fraction"),
        )
        assert [("CM903", "$.claims[0].quantity.unit"), ("CM903", "$.claims[1].quantity.unit")] == [
            (f.code, f.path) for f in validate(bundle, select=["CM903"])
        ]
        assert [("CM902", "$.claims[0].quantity.value")] == [
            (f.code, f.path) for f in validate(bundle, select=["CM9"], ignore=["CM903"])
        ]


class TestMessages:
    """A finding's message is one printable line of at most 400 characters."""

    FIXED = len("source '' is not used by any assertion, chain, hedge, evidence, verdict or other ")
    FIXED += len("source; attribute something to it or remove it")

    def _message(self, source_id: str) -> str:
        ((_, _, message),) = _found(_bundle(sources=(Person(id=source_id),)), "CM701")
        return message

    def _whole(self, source_id: str) -> str:
        return (
            f"source {source_id!r} is not used by any assertion, chain, hedge, evidence, "
            "verdict or other source; attribute something to it or remove it"
        )

    def test_a_message_of_400_characters_is_whole(self) -> None:
        source_id = "x" * (400 - self.FIXED)
        assert (400, self._whole(source_id)) == (
            len(self._message(source_id)),
            self._message(source_id),
        )

    def test_a_longer_one_keeps_its_ends_and_counts_what_it_leaves_out(self) -> None:
        source_id = "x" * 200 + "y" * (201 - self.FIXED)
        whole = self._whole(source_id)
        assert 401 == len(whole)
        assert f"{whole[:260]}… (41 characters left out) …{whole[-100:]}" == self._message(
            source_id
        )

    def test_control_characters_are_escaped(self) -> None:
        bundle = _bundle(_assertion(draft=Draft(by="bot\x1b]0;pwned\x07", note="line\nbreak")))
        assert _found(bundle, "CM801") == [
            (
                "CM801",
                "$.assertions[0].draft",
                (
                    "assertion 'a' was suggested by bot\\u001b]0;pwned\\u0007 (line\\nbreak) "
                    "and no person has reviewed it; check it, then remove the draft marker"
                ),
            )
        ]


class TestNotListed:
    """CM003: what ``max_findings`` left out, counted in full."""

    def test_the_whole_message_with_thousands(self) -> None:
        bundle = dangling(600)
        summary, *listed = validate(bundle, max_findings=1_000)
        assert 1_000 == len(listed)
        assert ("CM003", "$", Severity.ERROR) == (summary.code, summary.path, summary.severity)
        assert summary.message == (
            "800 more findings not listed (533 errors, 267 warnings): the report stops at "
            "max_findings=1,000; fix those listed first, or raise max_findings "
            "(--max-findings on the command line) to see them"
        )
        first = next(iter(validate(bundle, max_findings=1)))
        assert first.message.startswith(
            "1,799 more findings not listed (1,199 errors, 600 warnings): the report stops at "
            "max_findings=1;"
        )

    def test_one_of_each(self) -> None:
        report = validate(dangling(1), select=["CM101", "CM204"], max_findings=1)
        assert [("CM003", Severity.WARNING), ("CM101", Severity.ERROR)] == [
            (f.code, f.severity) for f in report
        ]
        assert next(iter(report)).message.startswith(
            "1 more finding not listed (0 errors, 1 warning): the report stops at max_findings=1;"
        )

    @pytest.mark.parametrize(
        ("value", "error", "message"),
        [
            (0, InvalidValueError, "max_findings must be at least 1, not 0"),
            (False, InvalidTypeError, "max_findings must be an integer or None, not a boolean"),
            (1.0, InvalidTypeError, "max_findings must be an integer or None, not a number"),
        ],
    )
    def test_bad_bounds(self, value: object, error: type[Exception], message: str) -> None:
        with pytest.raises(error) as raised:
            validate(dangling(1), max_findings=value)  # type: ignore[arg-type]
        assert message == str(raised.value)

    def test_not_a_bundle(self) -> None:
        with pytest.raises(InvalidTypeError) as raised:
            validate({"sources": []})  # type: ignore[arg-type]
        assert "validate() needs a Bundle, not an object" == str(raised.value)


class TestBoundedMemory:
    """With ``max_findings``, the findings held never pass twice the bound and 256 more."""

    def test_trimmed_as_they_come(self) -> None:
        severities = {"CM101": Severity.ERROR, "CM204": Severity.WARNING}
        ctx = Context(Bundle(), severities, limit=3)
        for index in range(2 * 3 + 255):
            ctx.emit("CM204" if index % 4 else "CM101", f"$.x[{index:03}]", "m")
        assert (261, 0, 0) == (len(ctx.findings), ctx.unlisted_errors, ctx.unlisted_warnings)
        ctx.emit("CM204", "$.a", "m")
        assert ["$.a", "$.x[000]", "$.x[001]"] == [finding.path for finding in ctx.findings]
        assert (65, 194) == (ctx.unlisted_errors, ctx.unlisted_warnings)

    def test_without_a_bound_every_finding_is_held(self) -> None:
        ctx = Context(Bundle(), {"CM204": Severity.WARNING})
        for index in range(600):
            ctx.emit("CM204", f"$.x[{index}]", "m")
        ctx.trim()
        assert (600, 0, 0) == (len(ctx.findings), ctx.unlisted_errors, ctx.unlisted_warnings)


class TestCollector:
    """``validate`` pauses the cyclic collector for a large bundle, and for it alone."""

    @pytest.mark.parametrize("items", [1, 10**9])
    def test_paused_while_the_rules_run(self, items: int, monkeypatch: pytest.MonkeyPatch) -> None:
        seen: list[bool] = []
        trim = Context.trim

        def watched(ctx: Context) -> None:
            seen.append(gc.get_threshold()[0] == _fast._PAUSED_THRESHOLD)
            trim(ctx)

        monkeypatch.setattr(_fast, "LARGE_DOCUMENT_ITEMS", items)
        monkeypatch.setattr(Context, "trim", watched)
        thresholds = gc.get_threshold()
        validate(_bundle())
        assert ([items == 1], thresholds) == (seen, gc.get_threshold())
