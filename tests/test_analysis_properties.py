"""Properties of the corroboration analysis over generated bundles."""

from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

import claimmodel as cm
from analysis_helpers import LIKELY

SOURCE_IDS = [f"s{i}" for i in range(8)]
CLAIMS = tuple(cm.Claim(id=f"c{i}", text=f"Claim number {i}.") for i in range(3))

# Strategies built once: building them inside every draw is most of the generation time.
_years = st.none() | st.integers(min_value=2010, max_value=2030).map(
    lambda y: cm.PartialDate(year=y)
)
_source_ids = st.sampled_from(SOURCE_IDS)
_targets = st.sampled_from([*SOURCE_IDS, "outside"])
_affiliation_kinds = st.sampled_from(cm.AffiliationKind)
_source_kinds = st.sampled_from(["person", "organization", "collective", "document"])
_members = st.lists(_source_ids, max_size=2, unique=True)
_authors = st.lists(_source_ids, max_size=1)
_chains = st.lists(_source_ids, max_size=2)
_claim_ids = st.sampled_from([claim.id for claim in CLAIMS])
_claims = st.sampled_from(CLAIMS)
_stances = st.sampled_from(cm.Stance)


@st.composite
def _affiliations(draw: st.DrawFn) -> cm.Affiliation:
    start, end = draw(_years), draw(_years)
    if start is not None and end is not None and start.year > end.year:
        start, end = end, start
    return cm.Affiliation(
        kind=draw(_affiliation_kinds),
        target=draw(_targets),
        start=start,
        end=end,
    )


_affiliation = _affiliations()


@st.composite
def _sources(draw: st.DrawFn, source_id: str) -> cm.Source:
    affiliations = tuple(draw(st.lists(_affiliation, max_size=2)))
    kind = draw(_source_kinds)
    if kind == "person":
        roles: tuple[cm.Role, ...] = ()
        if draw(st.booleans()):
            roles = (
                cm.Role(
                    office="officer",
                    organization=draw(_source_ids),
                    start=draw(_years),
                ),
            )
        return cm.Person(id=source_id, affiliations=affiliations, roles=roles)
    if kind == "collective":
        members = tuple(draw(_members))
        return cm.Collective(id=source_id, affiliations=affiliations, members=members)
    if kind == "document":
        authors = tuple(draw(_authors))
        return cm.Document(id=source_id, affiliations=affiliations, authors=authors)
    return cm.Organization(id=source_id, affiliations=affiliations)


@st.composite
def _assertions(draw: st.DrawFn, assertion_id: str) -> cm.Assertion:
    chain = tuple(cm.Link(source=s) for s in draw(_chains))
    return cm.Assertion(
        id=assertion_id,
        claim=draw(_claim_ids),
        attribution=cm.Attribution(source=draw(_source_ids), chain=chain),
        confidence=LIKELY,
        stance=draw(_stances),
        date=draw(_years),
    )


@st.composite
def bundles(draw: st.DrawFn) -> cm.Bundle:
    """Small bundles whose sources depend on each other in many dated and undated ways."""
    count = draw(st.integers(min_value=1, max_value=len(SOURCE_IDS)))
    sources = tuple(draw(_sources(source_id)) for source_id in SOURCE_IDS[:count])
    size = draw(st.integers(min_value=0, max_value=12))
    assertions = tuple(draw(_assertions(f"a{i}")) for i in range(size))
    return cm.Bundle(sources=sources, claims=CLAIMS, assertions=assertions)


class TestMonotonicity:
    """Who may raise the count of independent origins, and by how much."""

    @given(bundles(), st.data())
    def test_source_already_inside_an_origin_never_raises_the_count(
        self, bundle: cm.Bundle, data: st.DataObject
    ) -> None:
        claim = data.draw(_claims).id
        before = cm.analyze(bundle)[claim]
        inside = [source for origin in before.independent for source in origin.sources]
        if not inside:
            return
        extra = attrs.evolve(
            data.draw(_assertions("extra")),
            claim=claim,
            attribution=cm.Attribution(source=data.draw(st.sampled_from(inside))),
        )
        after = cm.analyze(bundle.with_assertion(extra))[claim]
        assert after.independent_origins <= before.independent_origins

    @given(bundles(), st.data())
    def test_known_speaker_never_adds_an_origin_of_any_stance(
        self, bundle: cm.Bundle, data: st.DataObject
    ) -> None:
        claim = data.draw(_claims).id
        before = cm.analyze(bundle)[claim]
        if not before.sources:
            return
        extra = attrs.evolve(
            data.draw(_assertions("extra")),
            claim=claim,
            attribution=cm.Attribution(source=data.draw(st.sampled_from(before.sources))),
        )
        after = cm.analyze(bundle.with_assertion(extra))[claim]
        assert len(after.origins) <= len(before.origins)

    @given(bundles(), st.data())
    def test_new_unaffiliated_source_raises_the_count_by_one(
        self, bundle: cm.Bundle, data: st.DataObject
    ) -> None:
        claim = data.draw(_claims).id
        stance = data.draw(_stances)
        newcomer = cm.Person(id="newcomer")
        extra = cm.Assertion(
            id="extra",
            claim=claim,
            attribution=cm.Attribution(source="newcomer"),
            confidence=LIKELY,
            stance=stance,
            date=data.draw(_years),
        )
        before = cm.analyze(bundle)[claim]
        after = cm.analyze(bundle.with_source(newcomer).with_assertion(extra))[claim]
        raised = int(stance is cm.Stance.ASSERTS)
        assert (before.independent_origins + raised, len(before.origins) + 1) == (
            after.independent_origins,
            len(after.origins),
        )


class TestMerging:
    """Merging bundles changes nothing the analysis of their union would say."""

    @given(bundles(), st.data())
    def test_merged_parts_analyse_as_the_whole(
        self, bundle: cm.Bundle, data: st.DataObject
    ) -> None:
        in_first = [data.draw(st.booleans()) for _ in bundle.assertions]
        keep_first = [data.draw(st.booleans()) for _ in bundle.sources]
        first = attrs.evolve(
            bundle,
            sources=tuple(s for s, keep in zip(bundle.sources, keep_first, strict=True) if keep),
            assertions=tuple(
                a for a, side in zip(bundle.assertions, in_first, strict=True) if side
            ),
        )
        second = attrs.evolve(
            bundle,
            assertions=tuple(
                a for a, side in zip(bundle.assertions, in_first, strict=True) if not side
            ),
        )
        assert cm.analyze(bundle) == cm.analyze(cm.merge([second, first]))

    @given(bundles())
    def test_merging_a_bundle_with_itself_changes_nothing(self, bundle: cm.Bundle) -> None:
        assert cm.analyze(bundle) == cm.analyze(cm.merge([bundle, bundle]))


class TestOrderIndependence:
    """The analysis does not depend on the order of sources, claims or assertions."""

    @given(bundles(), st.data())
    def test_permuted_bundle_analyses_the_same(
        self, bundle: cm.Bundle, data: st.DataObject
    ) -> None:
        permuted = attrs.evolve(
            bundle,
            sources=tuple(data.draw(st.permutations(bundle.sources))),
            claims=tuple(data.draw(st.permutations(bundle.claims))),
            assertions=tuple(data.draw(st.permutations(bundle.assertions))),
        )
        assert cm.analyze(bundle) == cm.analyze(permuted)


def _reference_origins(bundle: cm.Bundle, claim: str) -> set[frozenset[str]]:
    """The origins of ``claim`` by the definition, slowly: search the graph at each date."""
    edges = list(cm.dependencies(bundle))
    assertions = [a for a in bundle.assertions if a.claim == claim]

    def reachable(assertion: cm.Assertion) -> set[str]:
        active = [e for e in edges if e.active(assertion.date)]
        found, todo = {assertion.source}, [assertion.source]
        while todo:
            node = todo.pop()
            for edge in active:
                for here, there in ((edge.source, edge.target), (edge.target, edge.source)):
                    if here == node and there not in found:
                        found.add(there)
                        todo.append(there)
        return found

    groups = [({a.id}, {a.source}, reachable(a)) for a in assertions]
    merged = True
    while merged:
        merged = False
        for i, (ids, speakers, seen) in enumerate(groups):
            for j in range(i + 1, len(groups)):
                other_ids, other_speakers, other_seen = groups[j]
                if speakers & other_seen or other_speakers & seen:
                    groups[i] = (ids | other_ids, speakers | other_speakers, seen | other_seen)
                    del groups[j]
                    merged = True
                    break
            if merged:
                break
    return {frozenset(ids) for ids, _, _ in groups}


class TestDefinition:
    """The fast grouping agrees with a slow search that follows the definition literally."""

    @given(bundles())
    def test_agrees_with_the_reference(self, bundle: cm.Bundle) -> None:
        analysis = cm.analyze(bundle)
        for claim in CLAIMS:
            found = {frozenset(origin.assertions) for origin in analysis[claim.id].origins}
            assert _reference_origins(bundle, claim.id) == found
