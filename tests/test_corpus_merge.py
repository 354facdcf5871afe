"""merge_corpus: bundles written apart, local ids kept apart, identity only on evidence."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimmodel as cm
from claimmodel.corpus import ItemOrigin, merge_corpus
from claimmodel.corpus._references import NOT_REFERENCES, REFERENCES
from claimmodel.model import _checks as check
from claimmodel.strategies import bundles

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "kursk-monument.json"

LIKELY = cm.Confidence(scale="icd203", level="likely", probability=cm.Interval(low=0.55, high=0.8))


def _desk_bundle(
    bundle_id: str | None, reporter: str, text: str = "The bridge is closed"
) -> cm.Bundle:
    """A record as a desk writes it: its own natural ids (desk, reporter, c, a1)."""
    return cm.Bundle(
        id=bundle_id,
        sources=(
            cm.Organization(id="desk", name="News desk"),
            cm.Person(
                id="reporter",
                name=reporter,
                affiliations=(cm.Affiliation(kind=cm.AffiliationKind.EMPLOYED_BY, target="desk"),),
            ),
        ),
        claims=(cm.Claim(id="c", text=text),),
        assertions=(
            cm.Assertion(
                id="a1",
                claim="c",
                attribution=cm.Attribution(source="reporter"),
                confidence=attrs.evolve(LIKELY, assessor="desk"),
            ),
        ),
    )


def _example() -> cm.Bundle:
    with EXAMPLE.open("rb") as file:
        return cm.load(file)


class TestLocalIds:
    """Each bundle's ids are its own: colliding ones are namespaced, never confused."""

    def test_two_desks_merge_where_merge_fails(self) -> None:
        first, second = _desk_bundle("wire-1", "Ann"), _desk_bundle("wire-2", "Bob")
        with pytest.raises(cm.exceptions.MergeConflictError):
            cm.merge([first, second])
        merged = merge_corpus([first, second])
        assert () == merged.conflicts
        bundle = merged.bundle
        assert ["wire-1/desk", "wire-1/reporter", "wire-2/desk", "wire-2/reporter"] == [
            s.id for s in bundle.sources
        ]
        bob = bundle.source("wire-2/reporter")
        assert bob is not None
        assert "wire-2/desk" == bob.affiliations[0].target
        a2 = bundle.assertion("wire-2/a1")
        assert a2 is not None
        assert ("wire-2/reporter", "wire-2/desk") == (a2.source, a2.confidence.assessor)
        assert cm.validate(bundle).ok

    def test_identical_sources_without_identifiers_stay_apart(self) -> None:
        merged = merge_corpus([_desk_bundle("wire-1", "Ann"), _desk_bundle("wire-2", "Ann")])
        assert 4 == len(merged.bundle.sources)
        claim = cm.analyze(merged.bundle)["c"]
        assert 2 == claim.independent_origins  # two records, no evidence they are one person

    def test_ids_no_other_item_wants_are_kept(self) -> None:
        merged = merge_corpus([_desk_bundle("wire-1", "Ann"), _example()])
        ids = [s.id for s in merged.bundle.sources]
        assert "wire-1/desk" in ids
        assert "kursk-monument/desk" in ids
        assert "article" in ids  # only the example has it
        assert merged.bundle.assertion("article-nk-fought") is not None

    def test_bundles_without_ids_are_named_or_numbered(self) -> None:
        corpus = [_desk_bundle(None, "Ann"), _desk_bundle(None, "Bob")]
        assert ("#1", "#2") == merge_corpus(corpus).namespaces
        named = merge_corpus(corpus, names=["wire.jsonl:1", "wire.jsonl:2"])
        assert "wire.jsonl:2/reporter" in [s.id for s in named.bundle.sources]

    def test_a_namespaced_id_that_is_taken(self) -> None:
        first = _desk_bundle("w", "Ann")
        second = attrs.evolve(
            _desk_bundle("x", "Bob"),
            sources=(
                cm.Organization(id="desk", name="News desk"),
                cm.Person(id="reporter", name="Bob"),
                cm.Person(id="w/desk", name="Slash"),
            ),
        )
        ids = [s.id for s in merge_corpus([first, second]).bundle.sources]
        assert len(ids) == len(set(ids))
        assert {"w/desk~2", "w/desk"} <= set(ids)

    def test_dangling_references_stay_dangling(self) -> None:
        lost = cm.Bundle(
            id="lost",
            assertions=(
                cm.Assertion(
                    id="x",
                    claim="c",
                    attribution=cm.Attribution(source="reporter"),
                    confidence=LIKELY,
                ),
            ),
        )
        merged = merge_corpus([_desk_bundle("wire-1", "Ann"), lost])
        assertion = merged.bundle.assertion("x")
        assert assertion is not None
        assert "lost/reporter" == assertion.source  # not wire-1's reporter
        assert "lost/c" == assertion.claim  # nor wire-1's claim c
        assert "reporter" == merged.bundle.source("reporter").id  # type: ignore[union-attr]

    def test_the_same_bundle_twice_is_one(self) -> None:
        example = _example()
        merged = merge_corpus([example, example])
        assert () == merged.conflicts
        assert cm.merge([example, example]) == merged.bundle

    def test_a_single_bundle_is_unchanged(self) -> None:
        example = _example()
        assert example == merge_corpus([example]).bundle


class TestConflicts:
    """What cannot be one is reported, not raised, unless strict."""

    def test_one_namespace_two_versions(self) -> None:
        first = _desk_bundle("wire-1", "Ann")
        second = _desk_bundle("wire-1", "Bob")
        merged = merge_corpus([first, second])
        (conflict,) = merged.conflicts
        assert ("sources", "wire-1", "reporter") == (
            conflict.kind,
            conflict.first.namespace,
            conflict.first.local,
        )
        assert "they differ in name" in conflict.message
        assert "Ann" == merged.bundle.source("reporter").name  # type: ignore[union-attr]
        assert str(conflict).startswith("source wire-1/reporter and wire-1/reporter:")
        with pytest.raises(cm.exceptions.MergeConflictError) as caught:
            merge_corpus([first, second], strict=True)
        assert ("sources", "reporter") == (caught.value.kind, caught.value.item)

    def test_a_different_kind_of_item(self) -> None:
        first = _desk_bundle("w", "Ann")
        second = attrs.evolve(first, sources=(cm.Person(id="desk"), first.sources[1]))
        (conflict,) = merge_corpus([first, second]).conflicts
        assert "the same id for a Organization and a Person" in conflict.message

    def test_declared_same_but_of_two_kinds(self) -> None:
        corpus = [_desk_bundle("wire-1", "Ann"), _desk_bundle("wire-2", "Bob")]
        declared = [(("wire-1", "desk"), ("wire-2", "reporter"))]
        merged = merge_corpus(corpus, same_as=declared)
        (conflict,) = merged.conflicts
        assert "declared the same, but are organization and person: kept apart" in conflict.message
        assert 4 == len(merged.bundle.sources)
        with pytest.raises(cm.exceptions.MergeConflictError):
            merge_corpus(corpus, same_as=declared, strict=True)


RIA = cm.Identifier(scheme=cm.IdentifierScheme.DOMAIN, value="ria.ru")
QID = cm.Identifier(scheme=cm.IdentifierScheme.WIKIDATA, value="Q7747")


class TestIdentifiers:
    """Sources that share an external identifier are one source across bundles."""

    def _with(self, bundle: cm.Bundle, local: str, *identifiers: cm.Identifier) -> cm.Bundle:
        sources = tuple(
            attrs.evolve(s, identifiers=identifiers) if s.id == local else s for s in bundle.sources
        )
        return attrs.evolve(bundle, sources=sources)

    def test_shared_identifier_joins(self) -> None:
        first = self._with(_desk_bundle("wire-1", "Ann"), "reporter", QID)
        second = self._with(_desk_bundle("wire-2", "A. N. Other"), "reporter", QID, RIA)
        merged = merge_corpus([first, second])
        assert () == merged.conflicts
        reporter = merged.bundle.source("reporter")
        assert reporter is not None
        assert ((QID, RIA), ("A. N. Other",)) == (reporter.identifiers, reporter.aliases)
        assert 2 == len(merged.origins_of("reporter"))
        # The desks have no identifier: still two, and the one reporter is employed by both.
        assert [
            cm.Affiliation(kind=cm.AffiliationKind.EMPLOYED_BY, target="wire-1/desk"),
            cm.Affiliation(kind=cm.AffiliationKind.EMPLOYED_BY, target="wire-2/desk"),
        ] == list(reporter.affiliations)
        assert 1 == cm.analyze(merged.bundle)["c"].independent_origins
        assert cm.validate(merged.bundle).ok

    def test_one_identifier_for_two_kinds(self) -> None:
        first = self._with(_desk_bundle("wire-1", "Ann"), "desk", QID)
        second = self._with(_desk_bundle("wire-2", "Bob"), "reporter", QID)
        merged = merge_corpus([first, second])
        (conflict,) = merged.conflicts
        assert (
            "they share the identifier wikidata:Q7747, but are organization and person: kept apart"
        ) == conflict.message
        assert (("wire-1", "desk"), ("wire-2", "reporter")) == (
            (conflict.first.namespace, conflict.first.local),
            (conflict.second.namespace, conflict.second.local),
        )
        assert 4 == len(merged.bundle.sources)

    def test_joined_through_a_chain_of_identifiers(self) -> None:
        first = self._with(_desk_bundle("1", "A"), "desk", QID)
        second = self._with(_desk_bundle("2", "B"), "desk", QID, RIA)
        third = self._with(_desk_bundle("3", "C"), "desk", RIA)
        merged = merge_corpus([first, second, third])
        assert 3 == len(merged.origins_of("desk"))


class TestSameAs:
    """Declared sameness joins sources and claims, and keeps what each said."""

    def test_sources(self) -> None:
        first = _desk_bundle("wire-1", "Ann Smith")
        second = _desk_bundle("wire-2", "A. Smith")
        merged = merge_corpus(
            [first, second],
            same_as=[
                (("wire-1", "reporter"), ("wire-2", "reporter")),
                (("wire-1", "desk"), ("wire-2", "desk")),
            ],
        )
        assert () == merged.conflicts
        assert ["desk", "reporter"] == [s.id for s in merged.bundle.sources]
        reporter = merged.bundle.source("reporter")
        assert reporter is not None
        assert ("Ann Smith", ("A. Smith",)) == (reporter.name, reporter.aliases)
        assert (
            ItemOrigin(namespace="wire-1", local="reporter"),
            ItemOrigin(namespace="wire-2", local="reporter"),
        ) == (merged.origins_of("reporter"))
        assert "reporter" == merged.merged_id("wire-2", "reporter")
        assert 1 == cm.analyze(merged.bundle)["c"].independent_origins

    def test_lists_are_united_and_gaps_filled(self) -> None:
        first = cm.Bundle(id="1", sources=(cm.Person(id="p", name="P", aliases=("Pe",)),))
        second = cm.Bundle(
            id="2", sources=(cm.Person(id="q", description="a person", aliases=("Pe", "Pi")),)
        )
        merged = merge_corpus([first, second], same_as=[(("1", "p"), ("2", "q"))])
        (person,) = merged.bundle.sources
        assert cm.Person(id="p", name="P", aliases=("Pe", "Pi"), description="a person") == person

    def test_claims_by_relation_and_declaration(self) -> None:
        inner = cm.Bundle(
            id="in",
            claims=(cm.Claim(id="x", text="Rain"), cm.Claim(id="y", text="Precipitation")),
            relations=(cm.Relation(id="r", kind=cm.RelationKind.SAME_AS, subject="x", object="y"),),
        )
        other = cm.Bundle(id="out", claims=(cm.Claim(id="z", text="Wet weather"),))
        merged = merge_corpus([inner, other], same_as=[(("in", "y"), ("out", "z"))])
        assert ["x"] == [c.id for c in merged.bundle.claims]
        assert ("x", "x") == (merged.bundle.relations[0].subject, merged.bundle.relations[0].object)
        assert 3 == len(merged.origins_of("x", kind="claims"))

    @pytest.mark.parametrize(
        "pair",
        [
            (("wire-1", "nobody"), ("wire-2", "desk")),
            (("wire-1", "desk"), ("wire-2", "c")),
            ("wire-1/desk", "wire-2/desk"),
            (("wire-1", "desk"),),
            42,
        ],
    )
    def test_a_bad_declaration(self, pair: object) -> None:
        corpus = [_desk_bundle("wire-1", "Ann"), _desk_bundle("wire-2", "Bob")]
        with pytest.raises(cm.exceptions.InvalidValueError, match="same_as"):
            merge_corpus(corpus, same_as=[pair])  # type: ignore[list-item]


class TestClaimsByContent:
    """Claims whose content derives the same id are one claim across bundles."""

    def test_same_wording_other_ids(self) -> None:
        first = _desk_bundle("wire-1", "Ann", "The bridge is closed")
        second = attrs.evolve(
            _desk_bundle("wire-2", "Bob", "the  BRIDGE is closed"),
        )
        second = attrs.evolve(
            second,
            claims=(cm.Claim(id="bridge", text="the  BRIDGE is closed"),),
            assertions=(attrs.evolve(second.assertions[0], claim="bridge"),),
        )
        merged = merge_corpus([first, second])
        assert ["c"] == [c.id for c in merged.bundle.claims]
        analysis = cm.analyze(merged.bundle)
        assert ("wire-1/a1", "wire-2/a1") == analysis["c"].assertions

    def test_two_alike_claims_of_one_bundle_stay_two(self) -> None:
        bundle = cm.Bundle(
            id="b", claims=(cm.Claim(id="x", text="Rain"), cm.Claim(id="y", text="rain"))
        )
        assert bundle == merge_corpus([bundle]).bundle
        other = cm.Bundle(id="o", claims=(cm.Claim(id="z", text="RAIN"),))
        merged = merge_corpus([bundle, other])
        assert ["x", "y"] == [c.id for c in merged.bundle.claims]
        assert 2 == len(merged.origins_of("x", kind="claims"))


class TestInputs:
    """Wrong inputs are refused with a clear error."""

    def test_names_must_match(self) -> None:
        with pytest.raises(cm.exceptions.InvalidValueError, match="2 bundles need 2 names, not 1"):
            merge_corpus([cm.Bundle(), cm.Bundle()], names=["a"])

    @pytest.mark.parametrize("name", ["", " padded", 3])
    def test_names_must_be_usable_in_ids(self, name: object) -> None:
        with pytest.raises(cm.exceptions.InvalidValueError, match="non-empty string"):
            merge_corpus([cm.Bundle()], names=[name])  # type: ignore[list-item]

    def test_only_bundles(self) -> None:
        with pytest.raises(cm.InvalidTypeError, match=r"needs Bundles, not an object \(item 1\)"):
            merge_corpus([cm.Bundle(), {}])  # type: ignore[list-item]

    def test_metadata_kept_where_all_agree(self) -> None:
        published = cm.PartialDate(year=2025)
        first = attrs.evolve(
            _desk_bundle("1", "A"), published=published, title="T", document="desk"
        )
        second = attrs.evolve(
            _desk_bundle("2", "B"), published=published, title="U", document="desk"
        )
        merged = merge_corpus([first, second]).bundle
        assert (None, None, published, None) == (
            merged.id,
            merged.title,
            merged.published,
            merged.document,
        )
        alone = merge_corpus([first]).bundle
        assert ("1", "T", "desk") == (alone.id, alone.title, alone.document)


class TestGenerated:
    """On generated corpora: nothing lost, every reference followed, still valid."""

    @given(st.lists(bundles(), min_size=1, max_size=3))
    def test_every_item_is_found_under_its_merged_id(self, corpus: list[cm.Bundle]) -> None:
        corpus = [attrs.evolve(b, id=f"b{i}") for i, b in enumerate(corpus)]
        merged = merge_corpus(corpus)
        # Distinct bundle ids: the only conflicts are identifiers shared by two kinds,
        # claims of the same content that state different figures, and different scales
        # declared under one id.
        assert all(
            "share the identifier" in c.message
            or "states the figure" in c.message
            or (c.kind == "scales" and "a different scale" in c.message)
            for c in merged.conflicts
        )
        result = merged.bundle
        for bundle in corpus:
            namespace = bundle.id
            assert namespace is not None
            for assertion in bundle.assertions:
                found = result.assertion(
                    merged.merged_id(namespace, assertion.id, kind="assertions")
                )
                assert found is not None
                assert (assertion.stance, len(assertion.hedges)) == (
                    found.stance,
                    len(found.hedges),
                )
                assert merged.merged_id(namespace, assertion.source) == found.source
                assert [
                    merged.merged_id(namespace, link.source) for link in assertion.attribution.chain
                ] == [link.source for link in found.attribution.chain]
                if bundle.claim(assertion.claim) is not None:
                    assert (
                        merged.merged_id(namespace, assertion.claim, kind="claims") == found.claim
                    )
            for source in bundle.sources:
                assert result.source(merged.merged_id(namespace, source.id)) is not None
        # Every reference resolves, once (joining sources may close a circle: CM308 may stand).
        resolving = {"CM301", "CM302", "CM303", "CM304", "CM305", "CM306", "CM307"}
        assert [] == [e for e in cm.validate(result).errors if e.code in resolving]

    @given(bundles())
    def test_one_bundle_is_itself(self, bundle: cm.Bundle) -> None:
        declares = any(
            r.kind is cm.RelationKind.SAME_AS
            and bundle.claim(r.subject) is not None
            and bundle.claim(r.object) is not None
            for r in bundle.relations
        )
        # Two sources of the bundle that share an identifier are joined, as documented.
        held = [i for source in bundle.sources for i in set(source.identifiers)]
        if not declares and len(held) == len(set(held)):
            assert bundle == merge_corpus([bundle]).bundle


_ID_CHECKS = (check.identifier, check.optional_identifier, check.identifier_items)


def _model_classes() -> list[type]:
    from claimmodel import model

    return [
        value
        for name in model.__all__
        if isinstance(value := getattr(model, name), type) and attrs.has(value)
    ]


class TestReferenceTable:
    """Every id-valued field of the model is renamed by the merge, or known not to name an item."""

    def test_the_table_covers_the_model(self) -> None:
        found = set()
        for cls in _model_classes():
            for field in attrs.fields(cls):
                validators = getattr(field.validator, "_validators", (field.validator,))
                if any(v in _ID_CHECKS for v in validators) and field.name != "id":
                    found.add((cls.__name__, field.name))
                if field.name == "id" and cls.__name__ == "Bundle":
                    found.add(("Bundle", "id"))
        assert {("Collective", "members"), ("Assertion", "claim")} <= found  # the search works
        unknown = {item for item in found if item not in REFERENCES and item not in NOT_REFERENCES}
        assert set() == unknown
