"""Merging bundles: equal items unify, conflicting ones are an error naming both places."""

from __future__ import annotations

import pytest

import claimmodel as cm
from analysis_helpers import CLAIM, bundle, person, says
from claimmodel.exceptions import InvalidValueError, MergeConflictError


class TestMerge:
    """merge() joins the items of several bundles, keeping each id once."""

    def test_same_items_unify(self) -> None:
        first = bundle([person("a"), person("b")], [says("1", "a")])
        second = bundle([person("b"), person("c")], [says("1", "a"), says("2", "c")])
        merged = cm.merge([first, second])
        summary = (
            [s.id for s in merged.sources],
            [c.id for c in merged.claims],
            [a.id for a in merged.assertions],
        )
        assert (["a", "b", "c"], ["c"], ["1", "2"]) == summary

    def test_origins_are_counted_across_bundles(self) -> None:
        first = bundle([person("a")], [says("1", "a")])
        second = bundle([person("b")], [says("2", "b")])
        assert 2 == cm.analyze(cm.merge([first, second]))["c"].independent_origins

    def test_conflict_names_both_origins(self) -> None:
        first = cm.Bundle(id="ria", sources=(person("a"),))
        second = cm.Bundle(id="tass", sources=(person("b"), cm.Person(id="a", name="Someone else")))
        with pytest.raises(MergeConflictError) as caught:
            cm.merge([first, second])
        error = caught.value
        expected = ("sources", "a", "bundle 'ria' (sources[0])", "bundle 'tass' (sources[1])")
        assert expected == (error.kind, error.item, error.first, error.second)
        assert "bundle 'ria' (sources[0])" in str(error)
        assert "bundle 'tass' (sources[1])" in str(error)
        assert "name" in str(error)

    def test_conflict_uses_the_given_names(self) -> None:
        first = bundle([], [says("1", "a")])
        second = bundle([], [says("1", "b")])
        with pytest.raises(MergeConflictError) as caught:
            cm.merge([first, second], names=["one.json", "two.json"])
        assert ("one.json (assertions[0])", "two.json (assertions[0])") == (
            caught.value.first,
            caught.value.second,
        )

    def test_unnamed_bundles_are_named_by_position(self) -> None:
        first = cm.Bundle(claims=(CLAIM,))
        second = cm.Bundle(claims=(cm.Claim(id="c", text="Something else entirely."),))
        with pytest.raises(MergeConflictError) as caught:
            cm.merge([first, second])
        assert ("bundle #1 (claims[0])", "bundle #2 (claims[0])") == (
            caught.value.first,
            caught.value.second,
        )

    def test_conflict_is_a_claimmodel_value_error(self) -> None:
        first = cm.Bundle(sources=(person("a"),))
        second = cm.Bundle(sources=(cm.Organization(id="a"),))
        with pytest.raises(cm.ClaimModelError, match=r"Person.*Organization"):
            cm.merge([first, second])
        assert issubclass(MergeConflictError, ValueError)

    def test_claims_worded_alike_unify(self) -> None:
        text = "North Korean soldiers fought in the Kursk region."
        first = cm.Claim(text=text)
        second = cm.Claim(text="  north korean SOLDIERS fought in the kursk region. ")
        merged = cm.merge([cm.Bundle(claims=(first,)), cm.Bundle(claims=(second,))])
        assert (first,) == merged.claims

    def test_metadata_kept_where_all_agree(self) -> None:
        published = cm.PartialDate(year=2025, month=11)
        first = cm.Bundle(id="x", title="One", published=published, language="en")
        second = cm.Bundle(id="y", title="Two", published=published, language="en")
        merged = cm.merge([first, second])
        assert (None, None, published, "en") == (
            merged.id,
            merged.title,
            merged.published,
            merged.language,
        )

    def test_merging_nothing_is_an_empty_bundle(self) -> None:
        assert cm.Bundle() == cm.merge([])

    def test_names_must_match_the_bundles(self) -> None:
        with pytest.raises(InvalidValueError, match="2 bundles need 2 names, not 1"):
            cm.merge([cm.Bundle(), cm.Bundle()], names=["one"])

    def test_relations_unify_and_conflict(self) -> None:
        relation = cm.Relation(id="r", kind=cm.RelationKind.SUPPORTS, subject="1", object="2")
        other = cm.Relation(id="r", kind=cm.RelationKind.CONTRADICTS, subject="1", object="2")
        merged = cm.merge([cm.Bundle(relations=(relation,)), cm.Bundle(relations=(relation,))])
        assert (relation,) == merged.relations
        with pytest.raises(MergeConflictError, match="relation 'r'"):
            cm.merge([cm.Bundle(relations=(relation,)), cm.Bundle(relations=(other,))])
