"""Example tests that pin the analysis layer's behaviour, one behaviour per test.

Each test names what it pins; ``python scripts/mutation.py analysis`` (or one of its
groups: ``origins``, ``dependencies``, ``facts``, ``analyze``) shows that a change to that
behaviour makes a test fail.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from typing import Any

import attrs
import pytest

import claimmodel as cm
from analysis_helpers import CLAIM, affiliation, bundle, date, org, person, says
from claimmodel.analysis import _analyze
from claimmodel.analysis._analyze import Record
from claimmodel.analysis._dependencies import (
    Dependency,
    overlaps,
    period,
    unnamed_by_relay,
)
from claimmodel.analysis._evidence import cited_evidence, evidence_words
from claimmodel.analysis._figures import conflicting_figures
from claimmodel.analysis._origins import OriginFinder, UnionFind, overlay, overlay_root, when
from claimmodel.analysis._parties import ControlledRelay, Controls
from claimmodel.analysis._same import same_claims
from claimmodel.analysis._verdicts import fact_checks
from claimmodel.exceptions import MergeConflictError
from claimmodel.format import _fast

K = cm.AffiliationKind
R = cm.RelationKind


def _finders(value: cm.Bundle) -> tuple[OriginFinder, OriginFinder]:
    """A bundle's finder, and the finder of its parts built from that finder's answers (as a
    corpus analysed in parts builds it): every root, and each dated group's overlay at the
    period of each assertion made in it."""
    full = OriginFinder(value)
    roots: dict[str, tuple[int, int]] = {}
    for source_id in full.sources():
        found = full.roots(source_id)
        assert found is not None
        roots[source_id] = found
    dated = full.dated_groups()
    answers: dict[tuple[int, tuple[object, ...]], tuple[dict[int, int], frozenset[int]]] = {}
    for assertion in value.assertions:
        _, group = roots[assertion.attribution.source]
        if group not in dated:
            continue
        at = when(assertion)
        parent, touched = overlay(dated[group], at)
        bases = {base for base, coarse in roots.values() if coarse == group}
        labels = {base: overlay_root(parent, base) for base in bases}
        answers[(group, at)] = (labels, touched & bases)
    return full, OriginFinder.of_answers(roots, answers)  # type: ignore[arg-type]


def _split(finder: OriginFinder, value: cm.Bundle) -> list[list[str]]:
    """The origins ``finder`` splits the bundle's assertions into, as assertion ids."""
    found = finder.origins(value.assertions)
    return sorted(sorted(value.assertions[p].id for p in positions) for positions in found)


# A–B and C–D in force 2010–2012, B–C in 2020: one coarse group, two origins in 2011;
# E employed by F at all times; G in no dependency.
DATED = bundle(
    [
        person("a", affiliation(K.MEMBER_OF, "b", start="2010", end="2012")),
        person("b", affiliation(K.MEMBER_OF, "c", start="2020", end="2020")),
        person("c", affiliation(K.MEMBER_OF, "d", start="2010", end="2012")),
        org("d"),
        person("e", affiliation(K.EMPLOYED_BY, "f")),
        org("f"),
        person("g"),
    ],
    [
        says("a1", "a", when="2011"),
        says("a2", "c", when="2011"),
        says("a3", "b", when="2011"),
        says("a4", "d", when="2020"),
        says("a6", "e"),
        says("a7", "f"),
        says("a8", "g"),
    ],
)


class TestOriginFinder:
    """The finder splits a claim's assertions by the dependencies in force when each was made."""

    def test_dated_groups_apart_at_one_date_stay_apart(self) -> None:
        # Two dated dependencies in force at the same date join only their own ends.
        full, _ = _finders(DATED)
        assert [["a1", "a3"], ["a2", "a4"], ["a6", "a7"], ["a8"]] == _split(full, DATED)

    def test_finder_of_parts_splits_as_the_whole(self) -> None:
        full, part = _finders(DATED)
        assert _split(full, DATED) == _split(part, DATED)

    def test_depends_reads_the_dependencies_in_force(self) -> None:
        full, _ = _finders(DATED)
        by_id = {a.id: a for a in DATED.assertions}
        expected = {
            ("a1", "b"): True,  # in force in 2011
            ("a1", "c"): False,  # one coarse group, apart in 2011
            ("a1", "d"): False,
            ("a4", "c"): False,  # the C–D tie ended in 2012
            ("a4", "d"): True,  # a speaker is its own party
            ("a6", "f"): True,  # undated: at all times
            ("a8", "a"): False,  # different coarse groups
            ("a8", "nobody"): False,  # a party in no dependency
        }
        actual = {(a, p): full.depends(by_id[a], p) for a, p in expected}
        assert expected == actual

    def test_finder_of_parts_depends_as_the_whole(self) -> None:
        full, part = _finders(DATED)
        parties = [*full.sources(), "nobody"]
        expected = [full.depends(a, p) for a in DATED.assertions for p in parties]
        assert expected == [part.depends(a, p) for a in DATED.assertions for p in parties]

    def test_roots_of_a_source(self) -> None:
        full, _ = _finders(DATED)
        a, b, c, g = (full.roots(s) for s in "abcg")
        assert a is not None
        assert b is not None
        assert c is not None
        assert g is not None
        # a and b are joined only by dated dependencies: their own base, one coarse group.
        assert (a[1], b[1], c[1]) == (a[1], a[1], a[1])
        assert len({a[0], b[0], c[0]}) == 3
        assert g[0] == g[1] != a[1]
        assert full.roots("nobody") is None

    def test_sources_in_order(self) -> None:
        full, _ = _finders(DATED)
        assert ["a", "b", "c", "d", "e", "f", "g"] == full.sources()

    def test_dated_groups_lists_each_dated_dependency_between_base_roots(self) -> None:
        full, _ = _finders(DATED)
        roots = {s: full.roots(s) for s in "abcd"}
        base = {s: found[0] for s, found in roots.items() if found is not None}
        group = next(iter(roots.values()))
        assert group is not None
        groups = full.dated_groups()
        assert [group[1]] == list(groups)
        ends = [(u, v) for u, v, _ in groups[group[1]]]
        assert [(base["a"], base["b"]), (base["b"], base["c"]), (base["c"], base["d"])] == ends
        held = [period for _, _, period in groups[group[1]]]
        in_force = [("2010", "2012"), ("2020", "2020"), ("2010", "2012")]
        expected = [(_at(start)[0], _at(end)[1]) for start, end in in_force]
        assert expected == held


def _at(text: str) -> tuple[object, object]:
    """The period an assertion made at ``text`` stands for."""
    return when(says("x", "a", when=text))


def _chain_bundle(*assertions: cm.Assertion) -> cm.Bundle:
    """A member of B 2010–2012, B member of C 2010–2012 as well, C member of D in 2020."""
    return bundle(
        [
            person("a", affiliation(K.MEMBER_OF, "b", start="2010", end="2012")),
            person("b", affiliation(K.MEMBER_OF, "c", start="2010", end="2012")),
            person("c", affiliation(K.MEMBER_OF, "d", start="2020", end="2020")),
            org("d"),
        ],
        assertions,
    )


def _bounded(assertion_id: str, source: str, earliest: str, latest: str) -> cm.Assertion:
    """An undated assertion made between ``earliest`` and ``latest``."""
    return attrs.evolve(says(assertion_id, source), earliest=date(earliest), latest=date(latest))


class TestDatedRefinement:
    """Which dated dependencies are in force, and what they join, at each assertion's date."""

    def test_a_chain_of_dated_dependencies_joins_its_ends(self) -> None:
        value = _chain_bundle(*(says(f"a{n}", s, when="2011") for n, s in enumerate("abc")))
        full, _ = _finders(value)
        assert [["a0", "a1", "a2"]] == _split(full, value)

    def test_a_join_counts_among_the_speakers_of_a_larger_group(self) -> None:
        # In 2011 A–B and B–C hold, while D, a speaker of the same coarse group, is tied to
        # no one: fewer sources are tied in 2011 than speak in the group.  C spoke in 2015,
        # but B–C held when B spoke.
        value = _chain_bundle(
            says("a1", "a", when="2011"),
            says("a2", "b", when="2011"),
            says("a3", "c", when="2015"),
            says("a4", "d", when="2011"),
        )
        full, _ = _finders(value)
        assert [["a1", "a2", "a3"], ["a4"]] == _split(full, value)

    def test_bounds_stand_for_the_period_between_them(self) -> None:
        # A and C spoke sometime in 2014–2015, after A–B ended and before C–D began.
        value = _chain_bundle(
            _bounded("a1", "a", "2014", "2015"),
            says("a2", "b", when="2014"),
            _bounded("a3", "c", "2014", "2015"),
            says("a4", "d", when="2014"),
        )
        full, _ = _finders(value)
        assert [["a1"], ["a2"], ["a3"], ["a4"]] == _split(full, value)

    def test_a_speaker_unknown_to_the_graph_is_an_origin_alone(self) -> None:
        finder = OriginFinder(_chain_bundle())
        found = finder.origins([says("a1", "z"), says("a2", "a"), says("a3", "z")])
        assert [[0, 2], [1]] == found

    def test_undated_assertions_are_told_apart_by_their_bounds(self) -> None:
        # B spoke between 2011 and 2011 (bounds, no date), while A–B held: one origin; A's
        # own statement, bounded to 2014–2015, is a different period, read first.
        value = _chain_bundle(
            _bounded("a1", "a", "2014", "2015"), _bounded("a2", "b", "2011", "2011")
        )
        full, _ = _finders(value)
        assert [["a1", "a2"]] == _split(full, value)

    def test_a_period_is_placed_by_both_its_ends(self) -> None:
        # A said it in 2013, after A–B ended; then, undated, sometime in 2011–2013, when it
        # may still have held: the second period overlaps A–B and joins A with B.
        spanning = _bounded("a2", "a", "2011", "2013")
        value = _chain_bundle(says("a1", "a", when="2013"), spanning, says("a3", "b", when="2013"))
        full, _ = _finders(value)
        assert [["a1", "a2", "a3"]] == _split(full, value)

    def test_unnamed_sources_given_join_as_relayed(self) -> None:
        value = bundle([person("u1"), person("u2")], [says("a1", "u1"), says("a2", "u2")])
        assert [["a1"], ["a2"]] == _split(OriginFinder(value), value)
        joined = OriginFinder(value, unnamed={"desk": ["u1", "u2"]})
        assert [["a1", "a2"]] == _split(joined, value)


class TestUnionFind:
    """Disjoint sets: joins are transitive, a copy is independent."""

    def test_union_and_copy(self) -> None:
        sets = UnionFind(4)
        sets.union(0, 1)
        copied = sets.copy()
        copied.union(1, 2)
        assert (sets.find(1) == sets.find(0), sets.find(2) == sets.find(0)) == (True, False)
        assert copied.find(2) == copied.find(0) != copied.find(3)


def _unnamed(source_id: str, *, independent: bool = False) -> cm.AnonymousSource:
    return cm.AnonymousSource(id=source_id, independent=independent)


class TestUnnamedByRelay:
    """Unnamed sources not held independent are joined by the intermediary they spoke to."""

    def test_first_link_or_the_document_is_the_relay(self) -> None:
        value = attrs.evolve(
            bundle(
                [_unnamed("u1"), _unnamed("u2"), _unnamed("u3"), _unnamed("u4"), org("tass")],
                [
                    says("a1", "u2", via=["tass", "paper"]),
                    says("a2", "u1", via=["tass"]),
                    says("a3", "u3"),
                    says("a4", "u4"),
                    says("a5", "u2", via=["tass"]),
                ],
            ),
            document="article",
        )
        assert {"tass": ["u2", "u1"], "article": ["u3", "u4"]} == unnamed_by_relay(value)

    def test_named_independent_and_lone_sources_are_left_out(self) -> None:
        value = bundle(
            [_unnamed("u1"), person("named"), _unnamed("free", independent=True), _unnamed("u2")],
            [
                says("a1", "u1", via=["tass"]),
                says("a2", "named", via=["tass"]),
                says("a3", "free", via=["tass"]),
                says("a4", "u2", via=["tass"]),
                says("a5", "u1", via=["rt"]),  # alone at RT
                says("a6", "u2"),  # no chain and no document: no relay
            ],
        )
        assert {"tass": ["u1", "u2"]} == unnamed_by_relay(value)

    def test_joined_speakers_depend_on_the_one_before(self) -> None:
        value = bundle(
            [_unnamed("u1"), _unnamed("u2"), _unnamed("u3")],
            [says(f"a{n}", f"u{n}", via=["tass"]) for n in (1, 2, 3)],
        )
        found = [(d.source, d.target, d.kind) for d in cm.dependencies(value)]
        kind = cm.DependencyKind.UNNAMED_VIA_SAME_RELAY
        assert [("u2", "u1", kind), ("u3", "u2", kind)] == found


class TestDependencyPeriods:
    """A dependency holds from the first instant of its start to the last of its end."""

    def test_active_at_a_date(self) -> None:
        dated = Dependency(
            source="a",
            target="b",
            kind=cm.DependencyKind.MEMBER_OF,
            start=date("2010-05"),
            end=date("2012"),
        )
        at = {text: dated.active(date(text)) for text in ("2010", "2010-04", "2012-12-31", "2013")}
        assert {"2010": True, "2010-04": False, "2012-12-31": True, "2013": False} == at
        assert dated.active(None)
        assert (dated.dated, attrs.evolve(dated, start=None).dated) == (True, True)
        assert not attrs.evolve(dated, start=None, end=None).dated

    def test_periods_that_touch_overlap(self) -> None:
        first, second = period(date("2010"), date("2011")), period(date("2011"), date("2012"))
        apart = period(date("2012"), date("2013"))
        assert (overlaps(first, second), overlaps(second, first)) == (True, True)
        assert (overlaps(first, apart), overlaps(apart, first)) == (False, False)

    def test_periods_that_share_one_instant_overlap(self) -> None:
        early, late = period(date("2010"), None)[0], period(date("2011"), None)[0]
        assert overlaps((early, late), (late, late))
        assert overlaps((late, late), (early, late))
        assert not overlaps((early, early), (late, late))

    def test_a_naive_date_is_read_as_utc(self) -> None:
        naive = period(date("2010-01-01T12:00"), None)
        assert naive[0] == period(date("2010-01-01T12:00Z"), None)[0]
        assert naive[0] < period(date("2010-01-01T12:00-01:00"), None)[0]

    def test_dependencies_refuses_what_is_not_a_bundle(self) -> None:
        with pytest.raises(cm.ClaimModelError) as raised:
            cm.dependencies("bundle")  # type: ignore[arg-type]
        assert "dependencies() needs a Bundle, not a string" == str(raised.value)

    def test_a_dated_office_and_unordered_members(self) -> None:
        minister = cm.Person(
            id="lavrov",
            roles=(
                cm.Role(office="adviser"),
                cm.Role(
                    office="minister", organization="mfa", start=date("2004"), end=date("2020")
                ),
            ),
        )
        article = cm.Document(id="article", authors=("r1", "r2"))
        found = [
            (d.source, d.target, d.kind.value, d.start, d.end)
            for d in cm.dependencies(bundle([minister, article], []))
        ]
        assert [
            ("lavrov", "mfa", "holds-office-at", date("2004"), date("2020")),
            ("article", "r1", "written-by", None, None),
            ("article", "r2", "written-by", None, None),
        ] == found

    def test_each_affiliation_keeps_its_kind_and_period(self) -> None:
        source = person(
            "a",
            affiliation(K.EMPLOYED_BY, "b", start="2001"),
            affiliation(K.FUNDED_BY, "c", end="2002"),
        )
        found = [
            (d.target, d.kind.value, d.start, d.end) for d in cm.dependencies(bundle([source], []))
        ]
        assert [
            ("b", "employed-by", date("2001"), None),
            ("c", "funded-by", None, date("2002")),
        ] == found


def _controls() -> Controls:
    """An outlet part of a holding the government controls (2000–2030), and controlled
    directly by the ministry; employment does not control."""
    return Controls(
        bundle(
            [
                org(
                    "outlet", affiliation(K.PART_OF, "holding"), affiliation(K.CONTROLLED_BY, "mfa")
                ),
                org("holding", affiliation(K.CONTROLLED_BY, "gov", start="2000", end="2030")),
                org("mfa", affiliation(K.PART_OF, "gov")),
                org("gov"),
                person("editor", affiliation(K.EMPLOYED_BY, "gov")),
                org("outlet", affiliation(K.CONTROLLED_BY, "other")),  # duplicate id: ignored
            ],
            [],
        )
    )


class TestControls:
    """Which party controls a relay, through whom, at a date."""

    def test_the_first_party_in_order_by_the_shortest_chain(self) -> None:
        controls = _controls()
        assert ("gov", ("holding",)) == controls.controller("outlet", None, ("gov",))
        assert ("mfa", ()) == controls.controller("outlet", None, ("nobody", "mfa", "gov"))
        assert ("gov", ("mfa",)) == controls.controller("outlet", date("2040"), ("gov",))
        assert ("holding", ()) == controls.controller("outlet", date("1990"), ("holding", "gov"))

    def test_a_party_is_its_own_relay_and_employment_is_no_control(self) -> None:
        controls = _controls()
        assert ("gov", ()) == controls.controller("gov", None, ("gov",))
        assert controls.controller("editor", None, ("gov",)) is None
        assert controls.controller("outlet", None, ()) is None
        assert controls.controller("outlet", None, ("other",)) is None

    def test_a_date_outside_every_control_finds_none(self) -> None:
        controls = Controls(
            bundle(
                [org("outlet", affiliation(K.CONTROLLED_BY, "gov", start="2000", end="2001"))], []
            )
        )
        assert controls.controller("outlet", date("2005"), ("gov",)) is None
        assert controls.controller("outlet", date("1990"), ("gov",)) is None
        assert ("gov", ()) == controls.controller("outlet", date("2000-06"), ("gov",))

    def test_reach_holds_every_edge_read_and_rebuilds_the_controls(self) -> None:
        controls = _controls()
        found = controls.reach("outlet")
        assert ["outlet", "holding", "mfa"] == list(found)
        assert [("holding", period(None, None)), ("mfa", period(None, None))] == found["outlet"]
        assert [("gov", period(date("2000"), date("2030")))] == found["holding"]
        assert {} == controls.reach("gov")
        again = Controls.of_edges(found)
        parties = ("gov", "mfa")
        for at in (None, date("1990"), date("2010")):
            expected = controls.controller("outlet", at, parties)
            assert expected == again.controller("outlet", at, parties)

    def test_reach_ends_on_a_circle(self) -> None:
        controls = Controls(
            bundle(
                [
                    org("a", affiliation(K.PART_OF, "b")),
                    org("b", affiliation(K.CONTROLLED_BY, "c")),
                    org("c", affiliation(K.PART_OF, "b")),
                ],
                [],
            )
        )
        assert ["a", "b", "c"] == list(controls.reach("a"))

    def test_reach_goes_on_past_a_source_without_control(self) -> None:
        controls = Controls(
            bundle(
                [
                    org(
                        "outlet", affiliation(K.PART_OF, "desk"), affiliation(K.PART_OF, "holding")
                    ),
                    org("holding", affiliation(K.CONTROLLED_BY, "gov")),
                ],
                [],
            )
        )
        assert ["outlet", "holding"] == list(controls.reach("outlet"))

    def test_a_control_out_of_force_does_not_hide_the_next(self) -> None:
        controls = Controls(
            bundle(
                [
                    org(
                        "outlet",
                        affiliation(K.CONTROLLED_BY, "old", start="2000", end="2001"),
                        affiliation(K.CONTROLLED_BY, "gov"),
                    ),
                    org("outlet", affiliation(K.CONTROLLED_BY, "other")),  # duplicate: ignored
                    org("later", affiliation(K.CONTROLLED_BY, "gov")),
                ],
                [],
            )
        )
        assert ("gov", ()) == controls.controller("outlet", date("2010"), ("gov",))
        assert ("gov", ()) == controls.controller("later", None, ("gov",))

    def test_description(self) -> None:
        own = ControlledRelay(relay="gov", name="Gov", party="gov", party_name="Gov")
        direct = ControlledRelay(relay="ria", name="RIA", party="gov", party_name="Gov")
        via = attrs.evolve(direct, via=("h", "m"), via_names=("Holding", "Media"))
        assert [
            "Gov, itself an interested party",
            "RIA, controlled by Gov",
            "RIA, controlled by Gov through Holding, Media",
        ] == [relay.description for relay in (own, direct, via)]


def _evidence(kind: str, bearing: cm.Bearing | None, **fields: str) -> cm.Evidence:
    return cm.Evidence(kind=cm.EvidenceKind(kind), bearing=bearing, **fields)  # type: ignore[arg-type]


class TestCitedEvidence:
    """Evidence with a bearing is listed once per piece and bearing, and put in words."""

    def test_evidence_without_a_bearing_does_not_hide_the_next(self) -> None:
        carried = attrs.evolve(
            says("a1", "s"),
            evidence=(
                _evidence("video", None, url="https://v.example/1"),
                _evidence("image", cm.Bearing.REFUTES, url="https://i.example/1"),
            ),
        )
        found = [(c.evidence.kind.value, c.assertions) for c in cited_evidence([carried])]
        assert [("image", ("a1",))] == found

    def test_words_name_each_kind_once_in_order(self) -> None:
        carried = attrs.evolve(
            says("a1", "s"),
            evidence=(
                _evidence("image", cm.Bearing.REFUTES, url="https://i.example/1"),
                _evidence("dataset", cm.Bearing.REFUTES, url="https://d.example/1"),
                _evidence("image", cm.Bearing.REFUTES, url="https://i.example/2"),
                _evidence("video", cm.Bearing.SUPPORTS, url="https://v.example/1"),
            ),
        )
        words = evidence_words(cited_evidence([carried]))
        assert "evidence: 1 supports it (video), 3 refute it (image, dataset)" == words

    def test_no_evidence_is_no_words(self) -> None:
        assert "" == evidence_words(())


def _relations(*relations: tuple[str, cm.RelationKind, str]) -> cm.Bundle:
    """Four claims, c1 to c4, and these relations between them."""
    return cm.Bundle(
        claims=tuple(cm.Claim(id=c, text=f"Claim {c}.") for c in ("c1", "c2", "c3", "c4")),
        relations=tuple(
            cm.Relation(id=f"r{n}", kind=kind, subject=subject, object=target)
            for n, (subject, kind, target) in enumerate(relations)
        ),
    )


class TestSameClaims:
    """Claims declared the same form groups, each under one representative."""

    def test_other_relations_and_unknown_or_self_references_are_skipped(self) -> None:
        value = _relations(
            ("c1", R.SUPPORTS, "c2"),
            ("c1", R.SAME_AS, "ghost"),
            ("ghost", R.SAME_AS, "c1"),
            ("c3", R.SAME_AS, "c3"),
            ("c2", R.SAME_AS, "c1"),
        )
        assert {"c1": "c1", "c2": "c1"} == same_claims(value)

    def test_separate_groups_keep_their_own_representative(self) -> None:
        value = _relations(("c2", R.SAME_AS, "c1"), ("c4", R.TRANSLATION_OF, "c3"))
        assert {"c1": "c1", "c2": "c1", "c3": "c3", "c4": "c3"} == same_claims(value)


def _reviewed() -> cm.Bundle:
    """Three reviewed assertions: a1 (March) seen nowhere, a2 (bounded, from February)
    seen at a URL, a3 (April) seen in a document; the reviewer is not among the sources."""
    nowhere = attrs.evolve(
        says("a1", "minister", when="2025-03"),
        evidence=(
            cm.Evidence(quote="they fought", document="sculptor"),  # not a document
            cm.Evidence(quote="they fought", document="missing"),
        ),
    )
    bounded = attrs.evolve(
        says("a2", "ghost"),
        earliest=date("2025-02"),
        evidence=(cm.Evidence(url="https://x.example/2"),),
    )
    in_tass = attrs.evolve(
        says("a3", "minister", when="2025-04"),
        evidence=(cm.Evidence(quote="they fought", document="tass"),),
    )
    rating = cm.Rating(label="False")

    def verdict(verdict_id: str, *reviews: str) -> cm.Verdict:
        return cm.Verdict(id=verdict_id, reviewer="checker", reviews=reviews, rating=rating)

    return cm.Bundle(
        sources=(
            person("sculptor"),
            person("minister"),
            cm.Document(id="tass", url="https://tass.example/1"),
        ),
        claims=(cm.Claim(id="c", text="They fought."),),
        assertions=(nowhere, bounded, in_tass),
        verdicts=(
            attrs.evolve(
                verdict("v1", "a3", "a1", "a2"),
                evidence=(cm.Evidence(url="https://checker.example/proof"),),
            ),
            verdict("v2", "a1", "a3"),
            verdict("v3", "a1"),
        ),
    )


class TestFactChecks:
    """What a verdict shows beside a claim: names, where the claim appeared, and first."""

    def test_names_fall_back_to_ids_and_the_evidence_is_kept(self) -> None:
        first = fact_checks(_reviewed(), {"minister": "The minister"})[0]
        assert ("checker", ("minister", "ghost"), ("The minister", "ghost")) == (
            first.reviewer_name,
            first.claimants,
            first.claimant_names,
        )
        assert (cm.Evidence(url="https://checker.example/proof"),) == first.evidence

    def test_the_first_appearance_is_that_of_the_statement_made_first(self) -> None:
        # a2 has no date but cannot have been made before February: it came first.
        found = fact_checks(_reviewed(), {})
        expected = [
            (("https://tass.example/1", "https://x.example/2"), "https://x.example/2"),
            (("https://tass.example/1",), "https://tass.example/1"),  # a1 was seen nowhere
            ((), None),
        ]
        assert expected == [(check.appearances, check.first_appearance) for check in found]


def _with_part(field: str, text: str) -> cm.Claim:
    """The claim with its subject, predicate or object (``field``) worded ``text``."""
    changes: dict[str, Any] = {field: text}
    return attrs.evolve(CLAIM, **changes)


def _merged_claims(first: cm.Claim, second: cm.Claim) -> tuple[cm.Claim, ...]:
    return cm.merge([cm.Bundle(claims=(first,)), cm.Bundle(claims=(second,))]).claims


class TestMergeClaims:
    """Claims with one id unify when every field agrees once wording is normalized."""

    @pytest.mark.parametrize("field", ["subject", "predicate", "object"])
    def test_a_part_worded_alike_unifies(self, field: str) -> None:
        first = _with_part(field, "North Korean  Soldiers")
        second = _with_part(field, "north korean soldiers")
        assert (first,) == _merged_claims(first, second)

    @pytest.mark.parametrize("field", ["subject", "predicate", "object"])
    def test_a_part_worded_differently_conflicts(self, field: str) -> None:
        first = _with_part(field, "Kursk")
        second = _with_part(field, "Belgorod")
        with pytest.raises(MergeConflictError) as raised:
            _merged_claims(first, second)
        assert str(raised.value).endswith(f"different content: they differ in {field}")

    def test_every_field_that_differs_is_named(self) -> None:
        first = attrs.evolve(CLAIM, subject="Kursk", predicate="fought in")
        second = attrs.evolve(CLAIM, text="Another text.", subject="Belgorod")
        with pytest.raises(MergeConflictError) as raised:
            _merged_claims(first, second)
        expected = (
            "claim 'c' in bundle #1 (claims[0]) and in bundle #2 (claims[0]) has the same id "
            "but different content: they differ in text, subject, predicate"
        )
        assert expected == str(raised.value)

    def test_merge_names_what_it_needs(self) -> None:
        with pytest.raises(cm.ClaimModelError) as raised:
            cm.merge([cm.Bundle(), 3])  # type: ignore[list-item]
        assert "merge() needs Bundles, not an integer (item 1)" == str(raised.value)


class TestMergeMetadata:
    """The metadata every bundle agrees on is kept; a certainty only with its date."""

    def test_one_bundle_keeps_its_metadata(self) -> None:
        alone = cm.Bundle(title="Kursk", language="en")
        assert (alone.title, alone.language) == (
            cm.merge([alone]).title,
            cm.merge([alone]).language,
        )

    def test_a_certainty_is_kept_with_its_date_and_dropped_without(self) -> None:
        estimated = cm.DateCertainty.ESTIMATED
        first = cm.Bundle(published=date("2025-07"), published_certainty=estimated)
        same = cm.merge([first, first])
        other = cm.merge([first, attrs.evolve(first, published=date("2025-08"))])
        assert (date("2025-07"), estimated) == (same.published, same.published_certainty)
        assert (None, None) == (other.published, other.published_certainty)


class TestConflictingFigures:
    """Claims about one measure and unit whose ranges do not overlap conflict."""

    def test_a_claim_without_a_figure_does_not_hide_the_others(self) -> None:
        plain = cm.Claim(id="c0", text="They fought.")
        low = cm.Claim(
            id="c1",
            text="About 11,000 troops.",
            quantity=cm.Quantity(measure="troops", value=11_000, unit="troops"),
        )
        high = attrs.evolve(
            low,
            id="c2",
            text="At least 15,000 troops.",
            quantity=cm.Quantity(measure="troops", lower=15_000, unit="troops"),
        )
        found = [(f.first, f.second) for f in conflicting_figures([plain, low, high])]
        assert [("c1", "c2")] == found

    def test_conflicts_by_measure_then_unit_the_unitless_first(self) -> None:
        def pair(measure: str, unit: str | None) -> list[cm.Claim]:
            key = f"{measure}-{unit}"
            return [
                cm.Claim(
                    id=f"{key}-{n}",
                    text=f"{value} {measure}.",
                    quantity=cm.Quantity(measure=measure, value=value, unit=unit),
                )
                for n, value in ((1, 10), (2, 20))
            ]

        claims = [
            *pair("deaths", "troops"),
            *pair("deaths", "people"),
            *pair("deaths", None),
            *pair("arrivals", "people"),
        ]
        found = [
            (f.measure, f.unit, f.first_text, f.second_text) for f in conflicting_figures(claims)
        ]
        assert [
            ("arrivals", "people", "10 arrivals.", "20 arrivals."),
            ("deaths", None, "10 deaths.", "20 deaths."),
            ("deaths", "people", "10 deaths.", "20 deaths."),
            ("deaths", "troops", "10 deaths.", "20 deaths."),
        ] == found


def _link(source: str, when: str | None = None) -> cm.Link:
    return cm.Link(source=source, date=date(when))


def _relayed(assertion_id: str, *links: cm.Link, when: str | None = None) -> cm.Assertion:
    """An assertion of claim ``c`` by the sculptor, relayed through ``links``."""
    said = says(assertion_id, "sculptor", when=when)
    return attrs.evolve(said, attribution=cm.Attribution(source="sculptor", chain=links))


def _controlled_bundle(*assertions: cm.Assertion) -> cm.Bundle:
    """RIA, part of a holding the government controlled in 2000–2020; a blog no one
    controls; the Kremlin, a party the record does not describe, relays too."""
    claim = attrs.evolve(CLAIM, parties=("gov", "kremlin"))
    return bundle(
        [
            org("ria", affiliation(K.PART_OF, "holding")),
            org("holding", affiliation(K.CONTROLLED_BY, "gov", start="2000", end="2020")),
            org("gov"),
            org("blog"),
        ],
        assertions,
        [claim],
    )


class TestControlledRelays:
    """Relays an interested party controls when they pass a statement on, at that date."""

    def test_the_link_date_else_the_assertion_date_decides(self) -> None:
        value = _controlled_bundle(
            _relayed("a1", _link("blog"), _link("ria", "2010"), when="2024"),
            _relayed("a2", _link("ria"), when="2010"),
        )
        claim = cm.analyze(value)["c"]
        expected = (
            (
                ControlledRelay(
                    relay="ria",
                    name="RIA",
                    party="gov",
                    party_name="GOV",
                    via=("holding",),
                    via_names=("HOLDING",),
                ),
            ),
            True,
        )
        assert expected == (claim.controlled_relays, claim.only_through_controlled)

    def test_a_relay_out_of_control_at_the_date_is_not_controlled(self) -> None:
        value = _controlled_bundle(
            _relayed("a1", _link("ria"), when="2024"),
            _relayed("a2", _link("ria", "2024"), when="2010"),
        )
        claim = cm.analyze(value)["c"]
        assert ((), False) == (claim.controlled_relays, claim.only_through_controlled)

    def test_one_statement_not_through_a_controlled_relay_is_enough(self) -> None:
        value = _controlled_bundle(
            _relayed("a1", _link("ria"), when="2010"), _relayed("a2", _link("blog"), when="2010")
        )
        claim = cm.analyze(value)["c"]
        assert (("ria",), False) == (
            tuple(r.relay for r in claim.controlled_relays),
            claim.only_through_controlled,
        )

    def test_a_party_unknown_to_the_record_relays_under_its_id(self) -> None:
        value = _controlled_bundle(_relayed("a1", _link("kremlin")))
        claim = cm.analyze(value)["c"]
        own = ControlledRelay(
            relay="kremlin", name="kremlin", party="kremlin", party_name="kremlin"
        )
        assert ((own,), True) == (claim.controlled_relays, claim.only_through_controlled)

    def test_a_claim_no_one_states_is_not_reached_through_anything(self) -> None:
        claim = cm.analyze(_controlled_bundle())["c"]
        assert ((), False) == (claim.controlled_relays, claim.only_through_controlled)


class TestReasonsAndChanges:
    """Why unnamed speakers are one origin, and who withdrew or turned, by name or id."""

    def test_a_reason_names_each_relay_shared_within_the_origin(self) -> None:
        other = cm.Claim(id="other", text="Another claim.")
        value = bundle(
            [_unnamed("u1"), _unnamed("u2"), _unnamed("u3")],
            [
                says("a1", "u1", via=["tass"]),
                says("a2", "u2", via=["tass"]),
                says("a3", "u1", via=["rt"], claim="other"),
                says("a4", "u3", via=["rt"], claim="other"),
            ],
            [CLAIM, other],
        )
        (origin,) = cm.analyze(value)["c"].origins
        expected = (
            "u1 and u2 are unnamed and reached through the same intermediary (tass): counted "
            "as one, since they may be one person or one office"
        )
        assert (expected,) == origin.reasons

    def test_speakers_the_record_does_not_describe_go_by_their_ids(self) -> None:
        retraction = attrs.evolve(says("a2", "editor", when="2025-08"), retracts="a1")
        value = bundle(
            [],
            [
                says("a1", "sculptor", when="2025-07"),
                retraction,
                says("a3", "minister"),
                says("a4", "minister", stance=cm.Stance.DENIES),
            ],
        )
        claim = cm.analyze(value)["c"]
        assert [("a1", "sculptor", "sculptor", "a2", "editor", "editor")] == [
            (w.assertion, w.source, w.name, w.by, w.by_source, w.by_name) for w in claim.withdrawn
        ]
        assert [
            (
                "minister",
                "minister",
                "asserted it and denied it, in an order the dates do not tell",
            )
        ] == [(r.source, r.name, r.change) for r in claim.reversals]


def _interested(*speakers: str) -> str:
    """The head of the verdict on a claim of the parties gov, army and union, each speaker
    working for the party its id names (``indep`` for none); a speaker named twice says
    it twice."""
    parties = ("gov", "army", "union")
    claim = attrs.evolve(CLAIM, parties=parties)
    sources = [org(p) for p in parties] + [
        person(s, *[affiliation(K.EMPLOYED_BY, p) for p in parties if s.startswith(p)])
        for s in speakers
    ]
    sources = list({source.id: source for source in sources}.values())
    value = bundle(sources, [says(f"a{n}", s) for n, s in enumerate(speakers)], [claim])
    return cm.analyze(value)["c"].verdict.split(";")[0]


class TestInterestInWords:
    """How many of the origins behind a claim are interested parties, in words."""

    @pytest.mark.parametrize(
        ("speakers", "expected"),
        [
            (["gov1"], "1 independent origin (Gov1), an interested party (GOV)"),
            (
                ["gov1", "army1"],
                "2 independent origins (Army1, Gov1), both interested parties (ARMY, GOV)",
            ),
            (
                ["gov1", "army1", "union1"],
                (
                    "3 independent origins (Army1, Gov1, Union1), all 3 interested parties "
                    "(ARMY, GOV, UNION)"
                ),
            ),
            (
                ["gov1", "indep"],
                "2 independent origins (Gov1, Indep), 1 of them an interested party (GOV)",
            ),
            (
                ["gov1", "army1", "indep"],
                (
                    "3 independent origins (Army1, Gov1, Indep), 2 of them interested parties "
                    "(ARMY, GOV)"
                ),
            ),
            (["indep"], "1 independent origin (Indep)"),
            (["gov1", "gov1"], "1 independent origin (Gov1), an interested party (GOV)"),
        ],
    )
    def test_interest(self, speakers: list[str], expected: str) -> None:
        assert expected == _interested(*speakers)

    def test_analyze_names_what_it_needs(self) -> None:
        with pytest.raises(cm.ClaimModelError) as raised:
            cm.analyze("bundle")  # type: ignore[arg-type]
        assert "analyze() needs a Bundle, not a string" == str(raised.value)


def _via(assertion_id: str, speaker: str, *links: tuple[str, cm.Channel]) -> cm.Assertion:
    chain = tuple(cm.Link(source=s, channel=channel) for s, channel in links)
    return attrs.evolve(
        says(assertion_id, speaker), attribution=cm.Attribution(source=speaker, chain=chain)
    )


class TestRoutes:
    """One route per way a statement travelled (speaker, intermediaries and channels), sorted."""

    def test_routes(self) -> None:
        ch = cm.Channel
        value = bundle(
            [person("sculptor"), org("ria")],
            [
                _via("a3", "sculptor", ("ria", ch.STATEMENT)),
                _via("a1", "sculptor", ("ria", ch.INTERVIEW)),
                _via("a4", "minister", ("pool", ch.UNSPECIFIED)),
                says("a5", "sculptor"),
                _via("a2", "sculptor", ("ria", ch.INTERVIEW)),
            ],
        )
        found = [
            (r.sources, r.names, r.channels, r.assertions) for r in cm.analyze(value)["c"].routes
        ]
        assert [
            (("minister", "pool"), ("minister", "pool"), (ch.UNSPECIFIED,), ("a4",)),
            (("sculptor", "ria"), ("Sculptor", "RIA"), (ch.INTERVIEW,), ("a1", "a2")),
            (("sculptor", "ria"), ("Sculptor", "RIA"), (ch.STATEMENT,), ("a3",)),
        ] == found


class TestOriginFields:
    """Each origin's names, interest and mode, for speakers the record does not describe."""

    def test_origins(self) -> None:
        mode = cm.AssertionMode
        claim = attrs.evolve(CLAIM, parties=("kremlin", "tass"))
        value = bundle(
            [],
            [
                says("a1", "kremlin"),
                says("a2", "minister", stance=cm.Stance.DENIES),
                attrs.evolve(says("a3", "tass"), mode=mode.INFERRED),
                attrs.evolve(says("a4", "tass"), mode=mode.PRESUPPOSED),
                attrs.evolve(says("a5", "tass", stance=cm.Stance.REPORTS), mode=mode.STATED),
            ],
            [claim],
        )
        s = cm.Stance
        assert (
            cm.Origin(
                sources=("kremlin",),
                names=("kremlin",),
                assertions=("a1",),
                stances=(s.ASSERTS,),
                mode=mode.STATED,
                interested=("kremlin",),
                interested_names=("kremlin",),
            ),
            cm.Origin(
                sources=("minister",), names=("minister",), assertions=("a2",), stances=(s.DENIES,)
            ),
            cm.Origin(
                sources=("tass",),
                names=("tass",),
                assertions=("a3", "a4", "a5"),
                stances=(s.ASSERTS, s.REPORTS),
                mode=mode.PRESUPPOSED,
                interested=("tass",),
                interested_names=("tass",),
            ),
        ) == cm.analyze(value)["c"].origins
        analysed = cm.analyze(value)["c"]
        assert (("a1", "a3", "a4"), ("a4",), ("a3",), ("kremlin", "tass")) == (
            analysed.backing,
            analysed.presupposed,
            analysed.inferred,
            analysed.party_names,
        )


class TestClaimGroups:
    """What the analysis reads of claims declared the same: text, parties, figures."""

    def test_a_group_under_its_representative(self) -> None:
        def claim(claim_id: str, text: str, *parties: str, value: int | None = None) -> cm.Claim:
            quantity = None if value is None else cm.Quantity(measure="troops", value=value)
            return cm.Claim(id=claim_id, text=text, parties=parties, quantity=quantity)

        value = cm.Bundle(
            claims=(
                claim("c2", "Member.", "b", value=10),
                claim("c1", "Representative.", "a"),
                claim("c1", "A duplicate.", "d"),
                claim("c3", "Other.", "x", value=20),
            ),
            relations=(cm.Relation(id="r1", kind=R.SAME_AS, subject="c2", object="c1"),),
        )
        analysis = cm.analyze(value)
        assert ["c1", "c3"] == list(analysis)
        (conflict,) = analysis.conflicting_figures
        found = [
            (claim.text, claim.parties, claim.conflicting_figures, [s.claim for s in claim.same])
            for claim in analysis.values()
        ]
        assert [
            ("Representative.", ("a", "b"), (conflict,), ["c2"]),
            ("Other.", ("x",), (conflict,), []),
        ] == found


class TestWithdrawn:
    """Which assertions a retraction or correction in force withdraws."""

    def test_a_retraction_of_an_assertion_the_record_lacks_withdraws_nothing(self) -> None:
        value = bundle([], [says("a1", "s"), attrs.evolve(says("a2", "s"), retracts="ghost")])
        claim = cm.analyze(value)["c"]
        assert ((), ("a1",)) == (claim.withdrawn, claim.backing)

    def test_the_lowest_id_in_force_withdraws(self) -> None:
        value = bundle(
            [],
            [
                says("a1", "s"),
                attrs.evolve(says("a3", "t"), retracts="a1"),
                attrs.evolve(says("a2", "u"), corrects="a1"),
            ],
        )
        found = [(w.assertion, w.by, w.how) for w in cm.analyze(value)["c"].withdrawn]
        assert [("a1", "a2", "corrected")] == found

    def test_revisions_in_a_circle_withdraw_every_assertion_on_it(self) -> None:
        value = bundle(
            [],
            [
                attrs.evolve(says("a1", "s"), corrects="a2"),
                attrs.evolve(says("a2", "t"), retracts="a1"),
                attrs.evolve(says("a4", "u"), retracts="a1"),
                says("a5", "v"),
            ],
        )
        claim = cm.analyze(value)["c"]
        found = [(w.assertion, w.by, w.how) for w in claim.withdrawn]
        assert [("a1", "a2", "retracted"), ("a2", "a1", "corrected")] == found
        assert ("a5",) == claim.backing


class TestReversals:
    """Speakers that withdrew what they said, or backed and opposed the claim, in words."""

    def test_a_report_taken_back(self) -> None:
        value = bundle(
            [],
            [
                says("a1", "s", stance=cm.Stance.REPORTS, when="2025-07"),
                attrs.evolve(says("a2", "s", when="2025-08"), retracts="a1"),
            ],
        )
        changes = [r.change for r in cm.analyze(value)["c"].reversals]
        assert ["said it (2025-07), then retracted it (2025-08)"] == changes

    def test_dated_positions_in_order_of_their_start(self) -> None:
        value = bundle(
            [],
            [
                says("a0", "alone"),
                says("a2", "minister", stance=cm.Stance.DENIES, when="2025-06"),
                says("a1", "minister", when="2025"),
            ],
        )
        found = [(r.source, r.change) for r in cm.analyze(value)["c"].reversals]
        assert [("minister", "asserted it (2025), then denied it (2025-06)")] == found

    def test_positions_starting_together_in_order_of_their_end(self) -> None:
        value = bundle(
            [],
            [
                says("a1", "minister", when="2025"),
                says("a2", "minister", stance=cm.Stance.DENIES, when="2025-01"),
            ],
        )
        changes = [r.change for r in cm.analyze(value)["c"].reversals]
        assert ["denied it (2025-01), then asserted it (2025)"] == changes

    def test_every_speaker_by_id_whatever_the_order_found(self) -> None:
        value = bundle(
            [],
            [
                says("a1", "zed", when="2025-07"),
                attrs.evolve(says("a2", "zed", when="2025-08"), retracts="a1"),
                says("a3", "bee", when="2025-01"),
                says("a4", "bee", stance=cm.Stance.DISPUTES, when="2025-02"),
                says("a5", "cee", when="2025-01"),
                says("a6", "cee", stance=cm.Stance.QUESTIONS, when="2025-03"),
            ],
        )
        found = [(r.source, r.before, r.after) for r in cm.analyze(value)["c"].reversals]
        assert [("bee", "a3", "a4"), ("cee", "a5", "a6"), ("zed", "a1", "a2")] == found

    def test_undated_positions_by_their_lowest_ids(self) -> None:
        value = bundle(
            [],
            [
                says("a4", "minister"),
                says("a2", "minister"),
                says("a3", "minister", stance=cm.Stance.DENIES),
                says("a1", "minister", stance=cm.Stance.QUESTIONS),
            ],
        )
        found = [(r.before, r.after, r.change) for r in cm.analyze(value)["c"].reversals]
        change = "asserted it and questioned it, in an order the dates do not tell"
        assert [("a2", "a1", change)] == found


class TestRecordOfParts:
    """A record built from the parts of another analyses each claim as the whole record."""

    def test_a_record_of_parts_analyses_as_the_whole(self) -> None:
        house = cm.DeclaredScale(
            id="house", kind=cm.ScaleKind.CONFIDENCE, levels=(cm.DeclaredLevel(label="firm"),)
        )
        firm = cm.Confidence(scale="house", level="firm")
        value = cm.Bundle(
            scales=(house,),
            sources=(
                _unnamed("u1"),
                _unnamed("u2"),
                org("ria", affiliation(K.CONTROLLED_BY, "gov")),
                org("gov"),
            ),
            claims=(attrs.evolve(CLAIM, parties=("gov",)), cm.Claim(id="c2", text="Reworded.")),
            assertions=(
                attrs.evolve(says("a1", "u1", via=["ria"], claim="c2"), confidence=firm),
                says("a2", "u2", via=["ria"]),
            ),
            relations=(cm.Relation(id="r1", kind=R.SAME_AS, subject="c2", object="c"),),
        )
        whole = Record(value)
        part = Record.of_parts(
            claims=whole.claims,
            names=whole.names,
            unnamed=whole.unnamed,
            finder=whole.finder,
            controls=whole.controls,
            scales=whole.scales,
            same=whole.same,
        )
        assertions = list(value.assertions)
        expected = whole.claim("c", assertions, {})
        # What the parts carry matters here: a judgement on a declared scale, a relay
        # the party controls, two unnamed sources joined by it, a claim counted as one.
        assert (True, True, 1, "GOV") == (
            expected.judged,
            expected.only_through_controlled,
            len(expected.origins[0].reasons),
            expected.controlled_relays[0].party_name,
        )
        assert expected == part.claim("c", assertions, {})
        assert ("c", "c") == (part.representative("c2"), part.representative("c"))
        assert whole.analysis([expected]) == part.analysis([expected])
        alone = Record.of_parts(
            claims=whole.claims,
            names=whole.names,
            unnamed=whole.unnamed,
            finder=whole.finder,
            controls=whole.controls,
            scales=whole.scales,
        )
        assert "c2" == alone.representative("c2")


class TestCollector:
    """``analyze`` pauses the cyclic collector for a large bundle, and for it alone."""

    @pytest.mark.parametrize("items", [1, 10**9])
    def test_paused_while_the_claims_are_analysed(
        self, items: int, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        seen: list[bool] = []
        withdrawn = _analyze._withdrawn

        def watched(assertions: Sequence[cm.Assertion]) -> _analyze.Withdrawn:
            seen.append(gc.get_threshold()[0] == _fast._PAUSED_THRESHOLD)
            return withdrawn(assertions)

        monkeypatch.setattr(_fast, "LARGE_DOCUMENT_ITEMS", items)
        monkeypatch.setattr(_analyze, "_withdrawn", watched)
        thresholds = gc.get_threshold()
        cm.analyze(bundle([person("s")], [says("a1", "s")]))
        assert ([items == 1], thresholds) == (seen, gc.get_threshold())
