"""Schema.org ClaimReview out of verdicts and back in (claimmodel.interop.claimreview)."""

from __future__ import annotations

import contextlib
import copy
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

import claimmodel as cm
from claimmodel.cli import main
from claimmodel.exceptions import ClaimModelError, DecodeError, InvalidValueError
from claimmodel.interop import export_bundle, import_bundle
from claimmodel.interop.claimreview import (
    expand,
    from_claimreview,
    read_claimreview,
    to_claimreview,
    to_claimreview_json,
    to_factcheck_pages,
)
from claimmodel.strategies import bundles, ratings, verdicts

SCHEMA = json.loads(
    (
        Path(__file__).parent / "fixtures" / "claimreview" / "claimreview-required.schema.json"
    ).read_text(encoding="utf-8")
)
SCHEMA_ORG = "http://schema.org/"
EXAMPLE = Path(__file__).parent.parent / "examples" / "kursk-monument.json"


def _checked() -> cm.Bundle:
    """A minister's claim, seen in a transcript and on a web page, rated by a fact-checker."""
    said = cm.Assertion(
        id="a1",
        claim="fought",
        attribution=cm.Attribution(source="minister"),
        confidence=cm.Confidence.cannot_be_judged(scale="icd203"),
        date=cm.PartialDate(year=2025, month=7, day=12),
        evidence=(
            cm.Evidence(quote="they fought", document="transcript"),
            cm.Evidence(
                url="https://news.example/kursk",
                archive_url="https://archive.example/2025/news.example/kursk",
            ),
        ),
    )
    return cm.Bundle(
        sources=(
            cm.Person(id="minister", name="The minister"),
            cm.Document(id="transcript", url="https://mfa.example/transcript-2025-07-12"),
            cm.MediaOutlet(
                id="checker", name="Example Fact Check", url="https://factcheck.example"
            ),
        ),
        claims=(cm.Claim(id="fought", text="North Korean soldiers fought in Kursk"),),
        assertions=(said,),
        verdicts=(
            cm.Verdict(
                id="v1",
                reviewer="checker",
                reviews=("a1",),
                rating=cm.Rating(label="Mostly true", value=4, best=5, worst=1),
                date=cm.PartialDate(year=2025, month=12, day=1),
                url="https://factcheck.example/kursk",
                explanation="Both governments confirmed it.",
            ),
        ),
    )


EXPECTED = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "https://factcheck.example/kursk",
    "claimReviewed": "North Korean soldiers fought in Kursk",
    "author": {
        "@type": "Organization",
        "name": "Example Fact Check",
        "url": "https://factcheck.example",
    },
    "datePublished": "2025-12-01",
    "itemReviewed": {
        "@type": "Claim",
        "author": {"@type": "Person", "name": "The minister"},
        "datePublished": "2025-07-12",
        "firstAppearance": {
            "@type": "CreativeWork",
            "url": "https://mfa.example/transcript-2025-07-12",
        },
        "appearance": [
            {
                "@type": "CreativeWork",
                "url": "https://news.example/kursk",
                "archivedAt": "https://archive.example/2025/news.example/kursk",
            }
        ],
    },
    "reviewRating": {
        "@type": "Rating",
        "alternateName": "Mostly true",
        "ratingValue": 4,
        "bestRating": 5,
        "worstRating": 1,
        "ratingExplanation": "Both governments confirmed it.",
    },
}


def _fields(bundle: cm.Bundle) -> list[dict[str, Any]]:
    """What ClaimReview carries of each verdict, by the names of the model."""
    found = []
    for verdict in bundle.verdicts:
        reviewed = [bundle.assertion(ident) for ident in verdict.reviews]
        assertions = [assertion for assertion in reviewed if assertion is not None]
        reviewer = bundle.source(verdict.reviewer)
        claim = bundle.claim(assertions[0].claim)
        assert reviewer is not None
        assert claim is not None
        claimants = {bundle.source(a.attribution.source) for a in assertions}
        found.append(
            {
                "claim": claim.text,
                "claimants": sorted(
                    {(type(s) is cm.Person, s.name) for s in claimants if s is not None},
                    key=repr,
                ),
                "claim dates": sorted(str(a.date) for a in assertions if a.date is not None),
                "reviewer": (
                    type(reviewer) is cm.Person,
                    reviewer.name,
                    getattr(reviewer, "url", None),
                ),
                "date": verdict.date,
                "url": verdict.url,
                "rating": (
                    verdict.rating.label,
                    verdict.rating.value,
                    verdict.rating.best,
                    verdict.rating.worst,
                ),
                "explanation": verdict.explanation,
            }
        )
    return found


class TestExport:
    """Each verdict is one ClaimReview with the required and recommended fields."""

    def test_the_hand_written_verdict(self) -> None:
        assert [EXPECTED] == to_claimreview(_checked())

    def test_json_text_is_deterministic(self) -> None:
        text = to_claimreview_json(_checked())
        assert text == to_claimreview_json(_checked())
        assert [EXPECTED] == json.loads(text)
        assert text == export_bundle(_checked(), to="claimreview")

    def test_a_whole_float_is_the_integer_it_equals(self) -> None:
        bundle = _checked()
        verdict = attrs.evolve(
            bundle.verdicts[0], rating=cm.Rating(label="x", value=4.0, best=5.0, worst=1.0)
        )
        rating = to_claimreview(attrs.evolve(bundle, verdicts=(verdict,)))[0]["reviewRating"]
        assert (4, 5, 1) == (rating["ratingValue"], rating["bestRating"], rating["worstRating"])
        assert all(type(rating[key]) is int for key in ("ratingValue", "bestRating", "worstRating"))

    def test_a_fraction_is_refused_not_rounded(self) -> None:
        bundle = _checked()
        verdict = attrs.evolve(
            bundle.verdicts[0], rating=cm.Rating(label="x", value=3.5, best=5, worst=1)
        )
        with pytest.raises(InvalidValueError, match=r"verdict 'v1'.*value 3\.5.*does not round"):
            to_claimreview(attrs.evolve(bundle, verdicts=(verdict,)))

    def test_a_label_alone(self) -> None:
        bundle = _checked()
        verdict = attrs.evolve(bundle.verdicts[0], rating=cm.Rating(label="False"))
        rating = to_claimreview(attrs.evolve(bundle, verdicts=(verdict,)))[0]["reviewRating"]
        assert {"@type", "alternateName", "ratingExplanation"} == set(rating)

    @pytest.mark.parametrize(
        ("change", "message"),
        [
            ({"url": None}, r"verdict 'v1': it has no url"),
            ({"reviewer": "nobody"}, r"verdict 'v1': its reviewer 'nobody' is not in"),
            ({"reviewer": "transcript"}, r"verdict 'v1': its reviewer 'transcript' is a document"),
            ({"reviews": ("a9",)}, r"verdict 'v1': it reviews assertion 'a9', which is not"),
        ],
    )
    def test_what_is_missing_is_named(self, change: dict[str, Any], message: str) -> None:
        bundle = _checked()
        verdict = attrs.evolve(bundle.verdicts[0], **change)
        with pytest.raises(InvalidValueError, match=message):
            to_claimreview(attrs.evolve(bundle, verdicts=(verdict,)))

    def test_an_anonymous_claimant_is_named(self) -> None:
        bundle = _checked().with_source(cm.AnonymousSource(id="minister"))
        bundle = attrs.evolve(bundle, sources=bundle.sources[1:])
        with pytest.raises(InvalidValueError, match="its claimant 'minister' is an anonymous"):
            to_claimreview(bundle)

    def test_a_claim_not_in_the_bundle(self) -> None:
        bundle = attrs.evolve(_checked(), claims=())
        with pytest.raises(InvalidValueError, match="the claim 'fought' it reviews is not"):
            to_claimreview(bundle)

    def test_no_verdicts(self) -> None:
        with pytest.raises(InvalidValueError, match="no verdicts"):
            to_claimreview(attrs.evolve(_checked(), verdicts=()))

    def test_claimants_earliest_first(self) -> None:
        bundle = _checked()
        later = attrs.evolve(
            bundle.assertions[0],
            id="a2",
            attribution=cm.Attribution(source="outlet"),
            date=cm.PartialDate(year=2025, month=8),
            evidence=(cm.Evidence(url="https://outlet.example/1"),),
        )
        undated = attrs.evolve(later, id="a3", date=None, evidence=())
        bundle = bundle.with_assertion(later).with_assertion(undated)
        bundle = bundle.with_source(cm.Organization(id="outlet", name="Outlet"))
        verdict = attrs.evolve(bundle.verdicts[0], reviews=("a3", "a2", "a1"))
        item = to_claimreview(attrs.evolve(bundle, verdicts=(verdict,)))[0]["itemReviewed"]
        assert [
            {"@type": "Person", "name": "The minister"},
            {"@type": "Organization", "name": "Outlet"},
        ] == item["author"]
        assert "2025-07-12" == item["datePublished"]
        assert "https://mfa.example/transcript-2025-07-12" == item["firstAppearance"]["url"]
        assert ["https://news.example/kursk", "https://outlet.example/1"] == [
            work["url"] for work in item["appearance"]
        ]


class TestRequiredFields:
    """A JSON Schema of Google's required fields: the output passes, a copy without one fails."""

    def test_the_output_passes(self) -> None:
        jsonschema.Draft202012Validator.check_schema(SCHEMA)
        for review in to_claimreview(_checked()):
            jsonschema.validate(review, SCHEMA, cls=jsonschema.Draft202012Validator)

    @pytest.mark.parametrize(
        "path",
        [
            ("claimReviewed",),
            ("url",),
            ("reviewRating",),
            ("reviewRating", "alternateName"),
            ("reviewRating", "bestRating"),
        ],
    )
    def test_a_copy_without_a_required_field_fails(self, path: tuple[str, ...]) -> None:
        review = copy.deepcopy(to_claimreview(_checked())[0])
        node = review
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(review, SCHEMA, cls=jsonschema.Draft202012Validator)


class TestJsonLd:
    """The output expands offline against the shipped schema.org context."""

    def test_expanded(self) -> None:
        [review] = expand(to_claimreview(_checked()))
        assert [f"{SCHEMA_ORG}ClaimReview"] == review["@type"]
        assert [{"@id": "https://factcheck.example/kursk"}] == review[f"{SCHEMA_ORG}url"]
        assert [{"@type": f"{SCHEMA_ORG}Date", "@value": "2025-12-01"}] == review[
            f"{SCHEMA_ORG}datePublished"
        ]
        [rating] = review[f"{SCHEMA_ORG}reviewRating"]
        assert [{"@value": 4}] == rating[f"{SCHEMA_ORG}ratingValue"]
        assert [{"@value": "Mostly true"}] == rating[f"{SCHEMA_ORG}alternateName"]
        [item] = review[f"{SCHEMA_ORG}itemReviewed"]
        [author] = item[f"{SCHEMA_ORG}author"]
        assert [f"{SCHEMA_ORG}Person"] == author["@type"]
        [first] = item[f"{SCHEMA_ORG}firstAppearance"]
        assert [{"@id": "https://mfa.example/transcript-2025-07-12"}] == first[f"{SCHEMA_ORG}url"]

    def test_every_key_is_a_schema_org_term(self) -> None:
        # A key the context does not define would be dropped by expansion.
        def keys(node: object) -> set[str]:
            if isinstance(node, list):
                return set().union(*(keys(item) for item in node))
            if isinstance(node, dict):
                return set(node).union(*(keys(value) for value in node.values()))
            return set()

        written = keys(to_claimreview(_checked())) - {"@context", "@type"}
        expanded = {
            key.removeprefix(SCHEMA_ORG) for key in keys(expand(to_claimreview(_checked())))
        }
        assert written <= expanded

    def test_another_remote_context_is_refused(self) -> None:
        with pytest.raises(DecodeError, match="fetches nothing"):
            expand({"@context": "https://example.org/context.jsonld", "name": "x"})


def _review(**changes: Any) -> dict[str, Any]:
    review = copy.deepcopy(EXPECTED)
    review.update(changes)
    return review


class TestImport:
    """ClaimReview read back: our JSON-LD, web pages, the Fact Check Tools API."""

    def test_round_trip_field_by_field(self) -> None:
        back = from_claimreview(to_claimreview_json(_checked()))
        assert _fields(_checked()) == _fields(back)
        [assertion] = back.assertions
        assert [
            ("https://mfa.example/transcript-2025-07-12", None),
            ("https://news.example/kursk", "https://archive.example/2025/news.example/kursk"),
        ] == [(e.url, e.archive_url) for e in assertion.evidence]
        assert isinstance(back.source(back.verdicts[0].reviewer), cm.MediaOutlet)
        assert [] == list(cm.validate(back).errors)

    def test_round_trip_through_the_fact_check_page(self) -> None:
        back = from_claimreview(json.dumps(to_factcheck_pages(_checked())))
        [before], [after] = _fields(_checked()), _fields(back)
        # The API keeps names only: whether each is a person is not said, nor the
        # reviewer's URL.
        assert {**before, "claimants": [], "reviewer": None} == {
            **after,
            "claimants": [],
            "reviewer": None,
        }
        assert [(True, "The minister")] == after["claimants"]
        assert (False, "Example Fact Check", None) == after["reviewer"]

    def test_the_same_document_twice_is_one_verdict(self) -> None:
        bundle = from_claimreview([EXPECTED, EXPECTED])
        assert 1 == len(bundle.verdicts)

    def test_a_page_with_several_scripts_and_a_graph(self) -> None:
        other = _review(url="https://factcheck.example/other", claimReviewed="Another claim")
        del other["@context"]
        crumbs = {"@context": "https://schema.org", "@type": "BreadcrumbList"}
        graph = {
            "@context": "https://schema.org",
            "@graph": [EXPECTED, other, {"@type": "Organization"}],
        }
        page = f"""<!doctype html>
<html><head><title>Fact check</title>
<script type="application/ld+json">{json.dumps(crumbs)}</script>
<script>var notJsonLd = {{"@type": "ClaimReview"}};</script>
<script type="application/ld+json">
{json.dumps(graph)}
</script>
</head><body><p>Text</p></body></html>
"""
        imported = import_bundle(page, from_format="claimreview")
        assert ["Another claim", "North Korean soldiers fought in Kursk"] == sorted(
            claim.text for claim in imported.bundle.claims
        )
        assert {"BreadcrumbList": 1, "Organization": 1} == dict(imported.skipped)

    def test_malformed_json_ld_names_the_script(self) -> None:
        page = (
            "<html><head>\n"
            f'<script type="application/ld+json">{json.dumps(EXPECTED)}</script>\n'
            '<script type="application/ld+json">{"@type": "ClaimReview",}</script>\n'
            "</head></html>"
        )
        with pytest.raises(DecodeError, match=r"script 2 \(line 3\).*not JSON"):
            read_claimreview(page.encode())

    def test_a_page_without_json_ld(self) -> None:
        with pytest.raises(DecodeError, match="no <script"):
            read_claimreview(b"<html><body>nothing</body></html>")

    def test_another_context_is_compacted(self) -> None:
        document = {
            "@context": {"@vocab": "http://schema.org/"},
            "@type": "ClaimReview",
            "claimReviewed": "x",
            "url": "https://a.example/",
            "author": {"@type": "Organization", "name": "A"},
            "reviewRating": {"@type": "Rating", "alternateName": "False"},
        }
        bundle = from_claimreview(document)
        [verdict] = bundle.verdicts
        assert ("https://a.example/", "False") == (verdict.url, verdict.rating.label)
        # No claimant named: an anonymous source, not an invented one.
        [assertion] = bundle.assertions
        assert isinstance(bundle.source(assertion.attribution.source), cm.AnonymousSource)

    def test_numbers_written_as_strings(self) -> None:
        rating = {"@type": "Rating", "alternateName": "False", "ratingValue": "1"}
        rating |= {"bestRating": "5", "worstRating": "1"}
        [verdict] = from_claimreview(_review(reviewRating=rating)).verdicts
        assert (1, 5, 1) == (verdict.rating.value, verdict.rating.best, verdict.rating.worst)

    @pytest.mark.parametrize(
        ("change", "message"),
        [
            (
                {"reviewRating": {"@type": "Rating", "alternateName": "x", "ratingValue": 3}},
                "without bestRating and worstRating",
            ),
            ({"reviewRating": {"@type": "Rating"}}, "alternateName is required"),
            ({"reviewRating": None}, "reviewRating"),
            ({"claimReviewed": None}, r"claimReviewed is required"),
            ({"datePublished": "yesterday"}, r"\$\.datePublished: datePublished is not an ISO"),
            ({"author": None}, "author"),
            ({"url": 7}, "url must be a non-empty string"),
        ],
    )
    def test_bad_reviews_are_named(self, change: dict[str, Any], message: str) -> None:
        with pytest.raises(DecodeError, match=message):
            from_claimreview(_review(**change))

    def test_the_search_response(self) -> None:
        response = {
            "claims": [
                {
                    "text": "North Korean soldiers fought in Kursk",
                    "claimant": "The minister",
                    "claimDate": "2025-07-12T00:00:00Z",
                    "claimReview": [
                        {
                            "publisher": {
                                "name": "Example Fact Check",
                                "site": "factcheck.example",
                            },
                            "url": "https://factcheck.example/kursk",
                            "title": "Did they fight?",
                            "reviewDate": "2025-12-01T09:30:00Z",
                            "textualRating": "Mostly true",
                            "languageCode": "en",
                        },
                        {
                            "publisher": {"name": "Other Check"},
                            "url": "https://other.example/1",
                            "textualRating": "Unproven",
                        },
                    ],
                }
            ],
            "nextPageToken": "abc",
        }
        bundle = from_claimreview(response)
        assert ["Mostly true", "Unproven"] == [v.rating.label for v in bundle.verdicts]
        assert "2025-12-01T09:30:00Z" == str(bundle.verdicts[0].date)
        assert {"The minister", "Example Fact Check", "Other Check"} == {
            source.name for source in bundle.sources
        }
        [claim] = bundle.claims
        assert all(a.claim == claim.id for a in bundle.assertions)

    def test_one_markup_page(self) -> None:
        [page] = to_factcheck_pages(_checked())
        [verdict] = from_claimreview(page).verdicts
        assert "https://factcheck.example/kursk" == verdict.url

    def test_other_shapes_of_author_and_appearance(self) -> None:
        item = {
            "@type": "schema:Claim",
            "author": "Someone",
            "appearance": ["https://a.example/1", {"archivedAt": "https://archive.example/1"}],
        }
        review = _review(itemReviewed=item, author={"@type": ["Thing", "Person"], "name": "P"})
        review["@type"] = "http://schema.org/ClaimReview"
        bundle = from_claimreview(review)
        [assertion] = bundle.assertions
        assert ["https://a.example/1", "https://archive.example/1"] == [
            e.url for e in assertion.evidence
        ]
        speaker = bundle.source(assertion.attribution.source)
        assert isinstance(speaker, cm.Person)
        assert speaker.description is not None
        assert "not stated" in speaker.description
        assert isinstance(bundle.source(bundle.verdicts[0].reviewer), cm.Person)

    @pytest.mark.parametrize(
        ("document", "message"),
        [
            (_review(author=[{"name": "a"}, {"name": "b"}]), "several authors"),
            (_review(author=7), "an author must be an object or a name"),
            (_review(itemReviewed="x"), "itemReviewed must be a Claim object"),
            (_review(itemReviewed={"appearance": 7}), "an appearance must be a URL"),
            (_review(itemReviewed={"appearance": {}}), "an appearance needs a url"),
            (
                _review(reviewRating={"alternateName": "x", "ratingValue": "high"}),
                "ratingValue must be a number",
            ),
            ({"claimReviewMarkups": 1}, "claimReviewMarkups must be a list"),
            ({"claimReviewMarkups": [1]}, "a markup must be an object"),
            ({"claimReviewMarkups": [{}]}, r"\.rating: rating is required"),
            (
                {"claimReviewMarkups": [{"rating": {}, "claimAppearances": "x"}]},
                "claimAppearances must be a list",
            ),
            ({"claimReviewAuthor": 1, "claimReviewMarkups": []}, "must be an object"),
            ({"claims": 1}, "claims must be a list"),
            ({"claims": [1]}, "a claim must be an object"),
            ({"claims": [{"text": "x"}]}, "claimReview must be a list"),
            ({"claims": [{"text": "x", "claimReview": [1]}]}, "a claim review must be an object"),
            ({"claims": [{"text": "x", "claimReview": [{}]}]}, "publisher is required"),
            (
                {"claims": [{"text": " ", "claimReview": []}]},
                r"\$\.claims\[0\]\.text: text must be a non-empty string",
            ),
        ],
    )
    def test_bad_documents_are_named(self, document: object, message: str) -> None:
        with pytest.raises(DecodeError, match=message):
            from_claimreview(document)  # type: ignore[arg-type]

    def test_a_value_the_model_refuses_is_named(self) -> None:
        rating = {"alternateName": "x", "ratingValue": 9, "bestRating": 5, "worstRating": 1}
        with pytest.raises(DecodeError, match=r"\$: .*not between worst"):
            from_claimreview(_review(reviewRating=rating))

    def test_a_broken_context_is_named(self) -> None:
        with pytest.raises(DecodeError, match="the JSON-LD cannot be read"):
            from_claimreview({"@context": {"@vocab": 7}, "@type": "ClaimReview"})

    def test_a_bad_search_response(self) -> None:
        with pytest.raises(DecodeError, match=r"\$\.claims\[0\]\.claimReview\[0\]\.textualRating"):
            from_claimreview({"claims": [{"text": "x", "claimReview": [{"publisher": {}}]}]})

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            (b"\xff", "not UTF-8"),
            (b"{", "not JSON"),
            (b"[1]", "must be an object"),
            (b'{"@context": "https://schema.org", "@type": "Thing"}', "no ClaimReview"),
        ],
    )
    def test_not_claimreview(self, data: bytes, message: str) -> None:
        with pytest.raises(DecodeError, match=message):
            read_claimreview(data)


def _whole(rating: cm.Rating) -> cm.Rating:
    """The rating, or its label alone where a number is not whole (ClaimReview's are)."""
    numbers = (rating.value, rating.best, rating.worst)
    if all(n is None or float(n).is_integer() for n in numbers):
        return rating
    return cm.Rating(label=rating.label)


@st.composite
def _reviewed(draw: st.DrawFn) -> cm.Bundle:
    """A generated bundle with assertions and up to two verdicts on them, each with a URL
    and whole-number ratings, by an organization the bundle holds."""
    bundle = draw(
        bundles(
            max_sources=2,
            max_claims=1,
            min_assertions=1,
            max_assertions=2,
            max_relations=0,
            max_verdicts=0,
            allow_extensions=False,
        )
    )
    ids = [assertion.id for assertion in bundle.assertions]
    reviewer = cm.Organization(id="x-reviewer", name="Checker")
    drawn = draw(
        st.lists(
            verdicts(
                reviewers=st.just(reviewer.id),
                reviews=st.lists(st.sampled_from(ids), min_size=1, max_size=3, unique=True).map(
                    tuple
                ),
                ratings=ratings(scales=st.none(), allow_extensions=False).map(_whole),
                allow_extensions=False,
            ),
            min_size=1,
            max_size=2,
            unique_by=lambda verdict: verdict.id,
        )
    )
    made = [
        attrs.evolve(verdict, url=verdict.url or f"https://check.example/{index}")
        for index, verdict in enumerate(drawn)
    ]
    return attrs.evolve(bundle.with_source(reviewer), verdicts=tuple(made))


class TestGenerated:
    """On generated bundles: a verdict is exported and read back whole, or refused by name."""

    @settings(max_examples=40)
    @given(_reviewed())
    def test_round_trip_or_a_named_refusal(self, bundle: cm.Bundle) -> None:
        refusal: str | None = None
        reviews: list[dict[str, Any]] = []
        try:
            reviews = to_claimreview(bundle)
        except InvalidValueError as error:
            refusal = str(error)
        event("refused" if refusal else "exported")
        if refusal:
            assert any(f"verdict {v.id!r}" in refusal for v in bundle.verdicts)
            return
        for review in reviews:
            jsonschema.validate(review, SCHEMA, cls=jsonschema.Draft202012Validator)
        back = from_claimreview(reviews)
        before, after = _fields(bundle), _fields(back)
        for one, other in zip(before, after, strict=True):
            # A date is the earliest of the reviewed assertions', kept on the first claimant.
            assert set(other.pop("claim dates")) <= set(one.pop("claim dates"))
            assert one == other

    @given(st.lists(st.sampled_from(["<", ">", "{", "}", '"', "script", " ", "@graph"])))
    def test_any_text_is_read_or_refused_by_name(self, parts: list[str]) -> None:
        with contextlib.suppress(ClaimModelError):
            read_claimreview("".join(parts))


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


class TestCommandLine:
    """export --to claimreview / factcheck-page and import --from claimreview."""

    def test_export_and_import(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        source = tmp_path / "bundle.json"
        source.write_text(cm.dumps(_checked()), encoding="utf-8")
        code, out, err = _run(capsys, "export", "--to", "claimreview", str(source))
        assert (0, "") == (code, err)
        assert [EXPECTED] == json.loads(out)
        markup = tmp_path / "markup.json"
        markup.write_text(out, encoding="utf-8")
        code, out, err = _run(capsys, "import", "--from", "claimreview", str(markup))
        assert (0, "") == (code, err)
        assert _fields(_checked()) == _fields(cm.loads(out))

    def test_factcheck_page(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        source = tmp_path / "bundle.json"
        source.write_text(cm.dumps(_checked()), encoding="utf-8")
        code, out, _ = _run(capsys, "export", "--to", "factcheck-page", str(source))
        assert 0 == code
        assert [
            {
                "pageUrl": "https://factcheck.example/kursk",
                "publishDate": "2025-12-01",
                "claimReviewAuthor": {"name": "Example Fact Check"},
                "claimReviewMarkups": [
                    {
                        "url": "https://factcheck.example/kursk",
                        "claimReviewed": "North Korean soldiers fought in Kursk",
                        "claimDate": "2025-07-12",
                        "claimFirstAppearance": "https://mfa.example/transcript-2025-07-12",
                        "claimAppearances": ["https://news.example/kursk"],
                        "claimAuthor": {"name": "The minister"},
                        "rating": {
                            "textualRating": "Mostly true",
                            "ratingValue": 4,
                            "bestRating": 5,
                            "worstRating": 1,
                            "ratingExplanation": "Both governments confirmed it.",
                        },
                    }
                ],
            }
        ] == json.loads(out)

    def test_a_refusal_is_one_line(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        bundle = _checked()
        bundle = attrs.evolve(bundle, verdicts=(attrs.evolve(bundle.verdicts[0], url=None),))
        source = tmp_path / "bundle.json"
        source.write_text(cm.dumps(bundle), encoding="utf-8")
        code, out, err = _run(capsys, "export", "--to", "claimreview", str(source))
        assert (1, "") == (code, out)
        assert err.startswith("claimmodel export: error: ")
        assert f"{source}: verdict 'v1': it has no url" in err
        assert 1 == err.count("\n")


class TestFactCheckPages:
    """Page-level fields are one per page: verdicts that share a URL must agree on them."""

    def test_two_verdicts_one_page(self) -> None:
        bundle = _checked()
        second = attrs.evolve(bundle.verdicts[0], id="v2", rating=cm.Rating(label="True"))
        pages = to_factcheck_pages(bundle.with_verdict(second))
        assert 1 == len(pages)
        assert ["Mostly true", "True"] == [
            m["rating"]["textualRating"] for m in pages[0]["claimReviewMarkups"]
        ]

    def test_a_shared_url_with_another_reviewer(self) -> None:
        bundle = _checked().with_source(cm.Organization(id="other", name="Other"))
        second = attrs.evolve(bundle.verdicts[0], id="v2", reviewer="other")
        with pytest.raises(InvalidValueError, match="verdict 'v2': it shares the review URL"):
            to_factcheck_pages(bundle.with_verdict(second))

    def test_several_claimants_are_refused(self) -> None:
        bundle = _checked().with_source(cm.Person(id="other", name="Other"))
        again = attrs.evolve(
            bundle.assertions[0], id="a2", attribution=cm.Attribution(source="other")
        )
        verdict = attrs.evolve(bundle.verdicts[0], reviews=("a1", "a2"))
        bundle = attrs.evolve(bundle.with_assertion(again), verdicts=(verdict,))
        with pytest.raises(InvalidValueError, match="names one claim author"):
            to_factcheck_pages(bundle)


class TestWithoutTheExtra:
    """Without pyld the core works, and the format names the extra to install."""

    def test_the_command(self) -> None:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
        code = (
            "import sys\nsys.modules['pyld'] = None\n"
            "from claimmodel.cli import main\n"
            "raise SystemExit(main(['export', '--to', 'claimreview', "
            f"{str(EXAMPLE)!r}]))"
        )
        done = subprocess.run(
            [sys.executable, "-c", code], check=False, capture_output=True, text=True, env=env
        )
        assert (2, "") == (done.returncode, done.stdout)
        assert "pip install 'claimmodel[claimreview]'" in done.stderr
