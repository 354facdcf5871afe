"""The date (CM5xx) and reference (CM3xx) rules at their edges: each behaviour that a
mutant of ``validation/_dates.py`` or ``validation/_references.py`` could change (the
revisions, derived ids, relations to themselves, renderings and parties included)."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from claimmodel import (
    Affiliation,
    AffiliationKind,
    Assertion,
    Attribution,
    Bundle,
    Channel,
    Claim,
    Collective,
    Confidence,
    Document,
    Evidence,
    Hedge,
    HedgeCategory,
    Identifier,
    IdentifierScheme,
    Link,
    Organization,
    PartialDate,
    Person,
    Relation,
    RelationKind,
    Role,
    Source,
    validate,
)


def _date(text: str) -> PartialDate:
    return PartialDate.fromisoformat(text)


def _link(source: str, date: str | None) -> Link:
    return Link(
        source=source,
        channel=Channel.INTERVIEW,
        date=None if date is None else _date(date),
    )


def _bundle(
    *,
    sources: tuple[Source, ...] = (),
    said: str | None = None,
    chain: tuple[Link, ...] = (),
    published: str | None = "2025-11-25",
    relations: tuple[Relation, ...] = (),
) -> Bundle:
    people = tuple(Person(id=f"p{i}") for i in range(4))
    return Bundle(
        published=None if published is None else _date(published),
        sources=(*people, *sources),
        claims=(Claim(id="c", text="It happened"),),
        assertions=(
            Assertion(
                id="a",
                claim="c",
                date=None if said is None else _date(said),
                attribution=Attribution(source="p0", chain=chain),
                confidence=Confidence.cannot_be_judged(),
            ),
        ),
        relations=relations,
    )


def _found(bundle: Bundle, *codes: str) -> list[tuple[str, str, str]]:
    """The findings of ``codes``, as (code, path, message)."""
    return [(f.code, f.path, f.message) for f in validate(bundle) if f.code in codes]


def _paths(bundle: Bundle, *codes: str) -> list[tuple[str, str]]:
    return [(code, path) for code, path, _ in _found(bundle, *codes)]


class TestRelayOrder:
    """Each dated link is compared with the nearest dated step before it."""

    def test_a_link_before_the_previous_link(self) -> None:
        chain = (_link("p1", "2025-06"), _link("p2", "2025-03"))
        [(code, path, message)] = _found(_bundle(said="2025-01", chain=chain), "CM503")
        assert ("CM503", "$.assertions[0].attribution.chain[1].date") == (code, path)
        assert message.endswith(
            "relayed on 2025-03, before link 0 (2025-06); links run in transmission order, "
            "speaker first: correct the date or the order"
        )

    def test_a_link_before_the_statement(self) -> None:
        chain = (_link("p1", "2025-03"),)
        [(_, path, message)] = _found(_bundle(said="2025-06", chain=chain), "CM503")
        assert "$.assertions[0].attribution.chain[0].date" == path
        assert "relayed on 2025-03, before the statement (2025-06)" in message

    def test_an_undated_link_is_skipped(self) -> None:
        chain = (_link("p1", None), _link("p2", "2025-03"))
        [(_, path, message)] = _found(_bundle(said="2025-06", chain=chain), "CM503")
        assert "$.assertions[0].attribution.chain[1].date" == path
        assert "before the statement (2025-06)" in message

    def test_an_undated_statement_then_links_in_order(self) -> None:
        chain = (_link("p1", None), _link("p2", "2025-03"), _link("p3", "2025-04"))
        assert [] == _found(_bundle(said=None, chain=chain), "CM503", "CM501")

    def test_an_undated_statement_then_links_out_of_order(self) -> None:
        chain = (_link("p1", "2025-04"), _link("p2", None), _link("p3", "2025-03"))
        [(_, path, message)] = _found(_bundle(said=None, chain=chain), "CM503")
        assert "$.assertions[0].attribution.chain[2].date" == path
        assert "before link 0 (2025-04)" in message

    @pytest.mark.parametrize(
        ("said", "relayed"),
        [
            ("2025-03-01T10:00", "2025-03-01T10:00"),
            ("2025-03-01T10:00Z", "2025-03-01T12:00+02:00"),  # the same instant, two zones
            ("2025-03", "2025-03-01"),  # a month and a day within it
            ("2025-03-01T10:00", "2025-03-01T00:00Z"),  # local 10:00 may be 00:00Z at +10:00
        ],
    )
    def test_the_same_instant_is_not_before(self, said: str, relayed: str) -> None:
        chain = (_link("p1", relayed),)
        assert [] == _found(_bundle(said=said, chain=chain), "CM503")

    @pytest.mark.parametrize(
        ("said", "relayed", "found"),
        [
            # A local time is between UTC−12:00 and UTC+14:00.
            ("2025-03-01T14:00:00.000000", "2025-03-01T00:00:00.000000Z", False),
            ("2025-03-01T14:00:00.000001", "2025-03-01T00:00:00.000000Z", True),
            ("2025-03-01T12:00:00.000000Z", "2025-03-01T00:00:00.000000", False),
            ("2025-03-01T12:00:00.000001Z", "2025-03-01T00:00:00.000000", True),
        ],
    )
    def test_the_zone_bounds(self, said: str, relayed: str, found: bool) -> None:
        chain = (_link("p1", relayed),)
        assert found == bool(_found(_bundle(said=said, chain=chain, published=None), "CM503"))


class TestAfterPublication:
    """Nothing is said or relayed after the document appeared."""

    def test_the_statement_and_each_link(self) -> None:
        chain = (_link("p1", "2026-01"), _link("p2", None), _link("p3", "2026-02"))
        found = _found(_bundle(said="2025-12", chain=chain, published="2025-11"), "CM501")
        messages = {path: message for _, path, message in found}
        assert {
            "$.assertions[0].date",
            "$.assertions[0].attribution.chain[0].date",
            "$.assertions[0].attribution.chain[2].date",
        } == set(messages)
        assert (
            "the statement is dated 2025-12, after the document appeared (2025-11); "
            "correct the date, or the bundle's publication date"
        ) == messages["$.assertions[0].date"]
        assert (
            "the relay is dated 2026-02, after the document appeared (2025-11)"
            in (messages["$.assertions[0].attribution.chain[2].date"])
        )

    @pytest.mark.parametrize("said", ["2025-11-25", "2025-11-25T23:59:59.999999", "2025-11"])
    def test_on_the_day_is_not_after(self, said: str) -> None:
        assert [] == _found(_bundle(said=said), "CM501")

    def test_without_a_publication_date(self) -> None:
        assert [] == _found(_bundle(said="2999", published=None), "CM501")

    def test_the_document_date_stands_in(self) -> None:
        document = Document(id="doc", text="x", published=_date("2025-01"))
        bundle = attrs.evolve(
            _bundle(said="2025-02", published=None, sources=(document,)), document="doc"
        )
        [(_, path, message)] = _found(bundle, "CM501")
        assert "$.assertions[0].date" == path
        assert "after the document appeared (2025-01)" in message


class TestPeriods:
    """A role or an affiliation does not end before it starts, at its own path."""

    @staticmethod
    def _source(*, roles: int, affiliations: int, broken: str, at: int) -> Source:
        def period(field: str, position: int) -> tuple[PartialDate, PartialDate]:
            if field == broken and position == at:
                return _date("2020"), _date("2019")
            return _date("2019"), _date("2020")

        person: Source = Person(id="x")
        for position in range(roles):
            start, end = period("roles", position)
            person = person.with_role(Role(office=f"office {position}", start=start, end=end))
        for position in range(affiliations):
            start, end = period("affiliations", position)
            affiliation = Affiliation(
                kind=AffiliationKind.EMPLOYED_BY, target=f"p{position}", start=start, end=end
            )
            person = person.with_affiliation(affiliation)
        return person

    @pytest.mark.parametrize(("field", "at"), [("roles", 2), ("affiliations", 2), ("roles", 0)])
    def test_the_path_of_each(self, field: str, at: int) -> None:
        source = self._source(roles=3, affiliations=3, broken=field, at=at)
        [(_, path, message)] = _found(_bundle(sources=(source,)), "CM502")
        assert f"$.sources[4].{field}[{at}].end" == path
        assert "it ends (2019) before it starts (2020)" in message

    @pytest.mark.parametrize(
        ("start", "end"),
        [("2020", None), (None, "2019"), ("2020", "2020-01"), ("2020-05", "2020")],
    )
    def test_open_or_overlapping_periods(self, start: str | None, end: str | None) -> None:
        role = Role(
            office="spokesperson",
            start=None if start is None else _date(start),
            end=None if end is None else _date(end),
        )
        assert [] == _found(_bundle(sources=(Person(id="x").with_role(role),)), "CM502")


def _part_of(target: str, kind: AffiliationKind = AffiliationKind.PART_OF) -> Affiliation:
    return Affiliation(kind=kind, target=target)


class TestCycles:
    """Every affiliation on a part-of or controlled-by circle is reported, none other."""

    def test_a_cycle_through_a_second_affiliation(self) -> None:
        a = Organization(id="a").with_affiliation(_part_of("p0")).with_affiliation(_part_of("b"))
        b = Organization(id="b").with_affiliation(_part_of("a"))
        found = _found(_bundle(sources=(a, b)), "CM308")
        assert [
            ("CM308", "$.sources[4].affiliations[1].target"),
            ("CM308", "$.sources[5].affiliations[0].target"),
        ] == [(code, path) for code, path, _ in found]
        assert found[0][2] == (
            "part-of affiliations go round in a circle (these sources form a circle: 'a', "
            "'b'); remove or reverse the affiliation that closes it"
        )

    def test_a_source_part_of_itself(self) -> None:
        a = Organization(id="a").with_affiliation(_part_of("p0")).with_affiliation(_part_of("a"))
        [(_, path, message)] = _found(_bundle(sources=(a,)), "CM308")
        assert "$.sources[4].affiliations[1].target" == path
        assert "'a' is part-of itself" in message

    def test_controlled_by_is_checked_apart_from_part_of(self) -> None:
        controlled = AffiliationKind.CONTROLLED_BY
        a = Organization(id="a").with_affiliation(_part_of("b", controlled))
        b = Organization(id="b").with_affiliation(_part_of("a"))
        assert [] == _found(_bundle(sources=(a, b)), "CM308")
        b = Organization(id="b").with_affiliation(_part_of("a", controlled))
        found = _found(_bundle(sources=(a, b)), "CM308")
        assert 2 == len(found)
        assert all("controlled-by affiliations go round in a circle" in m for *_, m in found)

    def test_other_kinds_may_circle(self) -> None:
        employed = AffiliationKind.EMPLOYED_BY
        a = Person(id="a").with_affiliation(_part_of("b", employed))
        b = Person(id="b").with_affiliation(_part_of("a", employed))
        assert [] == _found(_bundle(sources=(a, b)), "CM308")

    def test_a_chain_is_not_a_circle(self) -> None:
        a = Organization(id="a").with_affiliation(_part_of("b"))
        b = Organization(id="b").with_affiliation(_part_of("c"))
        c = Organization(id="c").with_affiliation(_part_of("p0"))
        assert [] == _found(_bundle(sources=(a, b, c)), "CM308")

    def test_a_circle_after_a_duplicate_source(self) -> None:
        twin = Organization(id="p1")  # a second p1: CM302, and ignored for circles
        a = Organization(id="a").with_affiliation(_part_of("b"))
        b = Organization(id="b").with_affiliation(_part_of("a"))
        found = _paths(_bundle(sources=(twin, a, b)), "CM308", "CM302")
        assert [
            ("CM302", "$.sources[4].id"),
            ("CM308", "$.sources[5].affiliations[0].target"),
            ("CM308", "$.sources[6].affiliations[0].target"),
        ] == found

    def test_a_duplicate_does_not_add_its_affiliations(self) -> None:
        twin = Organization(id="p1").with_affiliation(_part_of("a"))
        a = Organization(id="a").with_affiliation(_part_of("p1"))
        assert [("CM302", "$.sources[4].id")] == _paths(
            _bundle(sources=(twin, a)), "CM308", "CM302"
        )

    def test_two_separate_circles(self) -> None:
        sources = tuple(
            Organization(id=name).with_affiliation(_part_of(target))
            for name, target in (("a", "b"), ("b", "a"), ("c", "d"), ("d", "c"))
        )
        found = _found(_bundle(sources=sources), "CM308")
        assert 4 == len(found)
        assert "these sources form a circle: 'a', 'b'" in found[0][2]
        assert "these sources form a circle: 'c', 'd'" in found[2][2]

    def test_a_tail_into_a_circle_is_not_on_it(self) -> None:
        tail = Organization(id="t").with_affiliation(_part_of("a"))
        a = Organization(id="a").with_affiliation(_part_of("b"))
        b = Organization(id="b").with_affiliation(_part_of("c"))
        c = Organization(id="c").with_affiliation(_part_of("a"))
        found = _paths(_bundle(sources=(tail, a, b, c)), "CM308")
        assert ["$.sources[5]", "$.sources[6]", "$.sources[7]"] == [
            path.split(".affiliations")[0] for _, path in found
        ]

    def test_an_affiliation_to_nothing_is_not_followed(self) -> None:
        a = Organization(id="a").with_affiliation(_part_of("ghost"))
        assert [("CM305", "$.sources[4].affiliations[0].target")] == _paths(
            _bundle(sources=(a,)), "CM308", "CM305"
        )


class TestDanglingSources:
    """A reference from a source to no source is reported at its own path."""

    def test_every_kind_of_reference(self) -> None:
        person = (
            Person(id="x")
            .with_role(Role(office="one", organization="p1"))
            .with_role(Role(office="two", organization="ghost-org"))
            .with_affiliation(_part_of("p1", AffiliationKind.EMPLOYED_BY))
            .with_affiliation(_part_of("ghost-target", AffiliationKind.EMPLOYED_BY))
        )
        collective = Collective(id="y", members=("p1", "ghost-member"))
        document = Document(id="z", authors=("p2", "ghost-author"), publisher="ghost-publisher")
        found = _found(_bundle(sources=(person, collective, document)), "CM305")
        assert [
            ("$.sources[4].affiliations[1].target", "the affiliation target 'ghost-target'"),
            ("$.sources[4].roles[1].organization", "the organization 'ghost-org'"),
            ("$.sources[5].members[1]", "member 'ghost-member'"),
            ("$.sources[6].authors[1]", "author 'ghost-author'"),
            ("$.sources[6].publisher", "publisher 'ghost-publisher'"),
        ] == [(path, message.split(" is not")[0]) for _, path, message in found]
        assert all(m.endswith("add the source or correct the id") for *_, m in found)

    def test_known_publisher_and_no_publisher(self) -> None:
        documents = (Document(id="z", publisher="p1"), Document(id="w"))
        assert [] == _found(_bundle(sources=documents), "CM305")


class TestDuplicates:
    """Every collection reports a repeated id at the repetition, naming the first."""

    def test_relations(self) -> None:
        relation = Relation(id="r", kind=RelationKind.SUPPORTS, subject="a", object="c")
        found = _found(_bundle(relations=(relation, relation, relation)), "CM302")
        assert [
            ("CM302", "$.relations[1].id", "id 'r' is already used by $.relations[0]"),
            ("CM302", "$.relations[2].id", "id 'r' is already used by $.relations[0]"),
        ] == [(c, p, m.split(";")[0]) for c, p, m in found]
        assert found[0][2].endswith("give each of the relations its own id")

    @pytest.mark.parametrize("collection", ["sources", "claims", "assertions"])
    def test_each_collection(self, collection: str) -> None:
        bundle = _bundle()
        items: tuple[Any, ...] = getattr(bundle, collection)
        changes: dict[str, Any] = {collection: (*items, items[0])}
        bundle = attrs.evolve(bundle, **changes)
        [(_, path, message)] = _found(bundle, "CM302")
        assert f"$.{collection}[{len(items)}].id" == path
        assert f"is already used by $.{collection}[0]; give each of the {collection}" in message


class TestRelationEnds:
    """A relation's ends name one assertion or one claim."""

    def test_both_ends_checked(self) -> None:
        relation = Relation(id="r", kind=RelationKind.SUPPORTS, subject="nothing", object="none")
        found = _found(_bundle(relations=(relation,)), "CM303", "CM304")
        assert [
            ("CM303", "$.relations[0].object", "object 'none'"),
            ("CM303", "$.relations[0].subject", "subject 'nothing'"),
        ] == [(c, p, m.split(" is neither")[0]) for c, p, m in found]
        assert found[0][2].endswith(
            "is neither an assertion nor a claim of the bundle; add it or correct the id"
        )

    def test_an_id_of_both_kinds(self) -> None:
        bundle = _bundle()
        bundle = attrs.evolve(bundle, claims=(*bundle.claims, Claim(id="a", text="Also a")))
        relation = Relation(id="r", kind=RelationKind.SUPPORTS, subject="a", object="c")
        bundle = attrs.evolve(bundle, relations=(relation,))
        [(code, path, message)] = _found(bundle, "CM303", "CM304")
        assert ("CM304", "$.relations[0].subject") == (code, path)
        assert (
            "subject 'a' is the id of both an assertion and a claim; "
            "rename one so the relation names a single item"
        ) == message


class TestDocumentsAndVoices:
    """The bundle's document, evidence documents and hedge voices name real sources."""

    @staticmethod
    def _with(
        *, document: str | None = None, evidence: str | None = None, voice: str | None = None
    ) -> Bundle:
        bundle = _bundle(sources=(Document(id="doc", text="It is so."),))
        assertion = bundle.assertions[0]
        if evidence is not None:
            assertion = attrs.evolve(assertion, evidence=(Evidence(quote="It", document=evidence),))
        if voice is not None:
            hedge = Hedge(cue="reportedly", category=HedgeCategory.REPORTATIVE, voiced_by=voice)
            assertion = attrs.evolve(assertion, hedges=(hedge,))
        return attrs.evolve(bundle, document=document, assertions=(assertion,))

    def test_the_bundles_document(self) -> None:
        [(code, path, message)] = _found(self._with(document="ghost"), "CM307")
        assert ("CM307", "$.document") == (code, path)
        assert (
            "the bundle's document 'ghost' is not a source of the bundle; "
            "add it as a document source or correct the id"
        ) == message

    def test_a_document_of_the_wrong_kind(self) -> None:
        [(_, path, message)] = _found(self._with(evidence="p1"), "CM307")
        assert "$.assertions[0].evidence[0].document" == path
        assert (
            "the evidence document 'p1' is a person source, not a document; "
            "name a source of kind 'document'"
        ) == message

    def test_known_documents(self) -> None:
        assert [] == _found(self._with(document="doc", evidence="doc"), "CM307")

    def test_an_unknown_voice(self) -> None:
        [(code, path, message)] = _found(self._with(voice="ghost"), "CM306")
        assert ("CM306", "$.assertions[0].hedges[0].voiced_by") == (code, path)
        assert (
            "the hedge is voiced by 'ghost', which is not a source of the bundle; add the "
            "source, correct the id, or leave voiced_by out for the asserting source"
        ) == message

    def test_a_known_voice(self) -> None:
        assert [] == _found(self._with(voice="p2"), "CM306")

    def test_the_second_hedge_and_evidence(self) -> None:
        bundle = self._with(evidence="doc", voice="p2")
        assertion = bundle.assertions[0]
        hedge = attrs.evolve(assertion.hedges[0], voiced_by="ghost")
        evidence = attrs.evolve(assertion.evidence[0], document="nowhere")
        assertion = attrs.evolve(
            assertion,
            hedges=(assertion.hedges[0], hedge),
            evidence=(assertion.evidence[0], evidence),
        )
        bundle = attrs.evolve(bundle, assertions=(bundle.assertions[0], assertion))
        assert [
            ("CM306", "$.assertions[1].hedges[1].voiced_by"),
            ("CM307", "$.assertions[1].evidence[1].document"),
        ] == sorted(_paths(bundle, "CM306", "CM307"))


def _identified(source_id: str, *values: str) -> Organization:
    identifiers = tuple(Identifier(scheme=IdentifierScheme.WIKIDATA, value=v) for v in values)
    return attrs.evolve(Organization(id=source_id), identifiers=identifiers)


class TestIdentifiers:
    """An identifier is listed once per source, and names one source of the bundle."""

    def test_a_repetition_in_one_source(self) -> None:
        source = _identified("x", "Q1", "Q2", "Q1", "Q1")
        found = _found(_bundle(sources=(source,)), "CM309", "CM310")
        assert [
            (
                "CM309",
                "$.sources[4].identifiers[2]",
                "'x' lists wikidata:Q1 twice; remove the repetition",
            ),
            (
                "CM309",
                "$.sources[4].identifiers[3]",
                "'x' lists wikidata:Q1 twice; remove the repetition",
            ),
        ] == found

    def test_shared_by_three_sources(self) -> None:
        sources = (_identified("x", "Q2", "Q1"), _identified("y", "Q1"), _identified("z", "Q1"))
        found = _found(_bundle(sources=sources), "CM309", "CM310")
        assert [
            ("CM310", "$.sources[4].identifiers[1]", "'y', 'z'"),
            ("CM310", "$.sources[5].identifiers[0]", "'x', 'z'"),
            ("CM310", "$.sources[6].identifiers[0]", "'x', 'y'"),
        ] == [(c, p, m.split("is also an identifier of ")[1].split(":")[0]) for c, p, m in found]
        assert found[0][2] == (
            "wikidata:Q1 is also an identifier of 'y', 'z': sources of one bundle that carry "
            "the same identifier name the same entity; merge them, or correct the identifier"
        )

    def test_a_repetition_is_not_a_second_holder(self) -> None:
        sources = (_identified("x", "Q1", "Q1"), _identified("y", "Q1"))
        assert [
            ("CM310", "$.sources[4].identifiers[0]"),
            ("CM309", "$.sources[4].identifiers[1]"),
            ("CM310", "$.sources[5].identifiers[0]"),
        ] == _paths(_bundle(sources=sources), "CM309", "CM310")

    def test_distinct_identifiers(self) -> None:
        sources = (_identified("x", "Q1", "Q2"), _identified("y", "Q3"))
        assert [] == _found(_bundle(sources=sources), "CM309", "CM310")

    def test_ignoring_cm310_keeps_cm309(self) -> None:
        sources = (_identified("x", "Q1", "Q1"), _identified("y", "Q1"))
        found = [(f.code, f.path) for f in validate(_bundle(sources=sources), ignore=["CM310"])]
        assert [("CM309", "$.sources[4].identifiers[1]")] == [
            item for item in found if item[0] in ("CM309", "CM310")
        ]


def _statements(*revisions: tuple[str, str, str | None, str | None]) -> Bundle:
    """A bundle of assertions (id, claim, retracts, corrects) by p0 of claims c and d."""
    bundle = _bundle()
    first = bundle.assertions[0]
    assertions = tuple(
        attrs.evolve(first, id=item, claim=claim, retracts=retracts, corrects=corrects)
        for item, claim, retracts, corrects in revisions
    )
    claims = (*bundle.claims, Claim(id="d", text="It did not happen"))
    return attrs.evolve(bundle, claims=claims, assertions=assertions)


class TestRevisions:
    """A retraction or correction names an assertion of the bundle; a retraction withdraws
    the same claim; revisions do not go round in a circle."""

    def test_an_unknown_target(self) -> None:
        bundle = _statements(("a", "c", None, None), ("b", "c", "x", None), ("e", "c", None, "y"))
        assert [
            ("CM311", "$.assertions[1].retracts", "it retracts 'x', which is not an assertion"),
            ("CM311", "$.assertions[2].corrects", "it corrects 'y', which is not an assertion"),
        ] == [(c, p, m.split(" of the bundle")[0]) for c, p, m in _found(bundle, "CM311")]
        assert _found(bundle, "CM311")[0][2].endswith(
            "of the bundle; add the assertion or correct the id"
        )

    def test_a_retraction_of_another_claim(self) -> None:
        bundle = _statements(("a", "c", None, None), ("b", "d", "a", None), ("e", "d", None, "a"))
        assert [
            (
                "CM312",
                "$.assertions[1].claim",
                (
                    "it retracts 'a', an assertion of claim 'c', but is itself of claim 'd': a "
                    "retraction withdraws the same claim; to put another claim in its place, "
                    "write corrects instead"
                ),
            )
        ] == _found(bundle, "CM311", "CM312", "CM313")

    def test_a_retraction_of_the_same_claim(self) -> None:
        bundle = _statements(("a", "c", None, None), ("b", "c", "a", None), ("e", "d", None, "b"))
        assert [] == _found(bundle, "CM311", "CM312", "CM313")

    def test_a_circle(self) -> None:
        bundle = _statements(
            ("a", "c", None, None),  # a tail into the circle is not on it
            ("b", "c", "a", None),
            ("e", "c", None, "f"),
            ("f", "c", "g", None),
            ("g", "c", None, "e"),
        )
        found = _found(bundle, "CM313")
        assert [
            ("CM313", "$.assertions[2].corrects"),
            ("CM313", "$.assertions[3].retracts"),
            ("CM313", "$.assertions[4].corrects"),
        ] == [(c, p) for c, p, _ in found]
        assert {
            (
                "revisions go round in a circle ('e', 'f', 'g'): each assertion revises one made "
                "before it; remove the revision that closes the circle"
            )
        } == {m for _, _, m in found}

    def test_a_tail_into_a_circle(self) -> None:
        bundle = _statements(
            ("a", "c", None, "b"),  # revises b, which is on the circle; a is not
            ("b", "c", None, "e"),
            ("e", "c", "b", None),
        )
        assert [("CM313", "$.assertions[1].corrects"), ("CM313", "$.assertions[2].retracts")] == [
            (c, p) for c, p, _ in _found(bundle, "CM313")
        ]

    def test_two_circles(self) -> None:
        bundle = _statements(
            ("a", "c", None, "b"),
            ("b", "c", None, "a"),
            ("e", "c", "f", None),
            ("f", "c", "e", None),
        )
        messages = [m.split(":")[0] for _, _, m in _found(bundle, "CM313")]
        assert ["revisions go round in a circle ('a', 'b')"] * 2 + [
            "revisions go round in a circle ('e', 'f')"
        ] * 2 == messages

    def test_ignoring_the_circles(self) -> None:
        bundle = _statements(("a", "c", None, "b"), ("b", "c", None, "a"))
        assert ["CM313", "CM313"] == [f.code for f in validate(bundle) if f.code == "CM313"]
        assert [] == [f for f in validate(bundle, ignore=["CM313"]) if f.code == "CM313"]


class TestDerivedIds:
    """An id in the form of a derived id must be the claim's derived id."""

    def test_an_edited_claim(self) -> None:
        derived = Claim(text="It happened")
        edited = attrs.evolve(derived, text="It happened twice")
        bundle = attrs.evolve(_bundle(), claims=(derived, edited))
        assert [
            (
                "CM314",
                "$.claims[1].id",
                (
                    f"{derived.id!r} has the form of a derived id but the claim's content derives "
                    f"{edited.derived_id!r}: its wording was probably edited after the id was "
                    "made, so it will not merge with the same claim elsewhere; use the derived id "
                    "(Claim.with_text re-derives it), or an id of another form"
                ),
            )
        ] == _found(bundle, "CM314")

    def test_a_derived_id_and_an_id_of_another_form(self) -> None:
        claims = (Claim(text="It happened"), Claim(id="claim-1", text="It happened twice"))
        assert [] == _found(attrs.evolve(_bundle(), claims=claims), "CM314")
        edited = attrs.evolve(claims[0], text="Edited")
        bundle = attrs.evolve(_bundle(), claims=(edited,))
        assert ["CM314"] == [code for code, _, _ in _found(bundle, "CM314")]
        assert [] == [f for f in validate(bundle, ignore=["CM314"]) if f.code == "CM314"]


def _related(kind: RelationKind, subject: str, object_: str) -> Bundle:
    bundle = _bundle()
    claims = (*bundle.claims, Claim(id="d", text="It did not happen"))
    relation = Relation(id="r", kind=kind, subject=subject, object=object_)
    return attrs.evolve(bundle, claims=claims, relations=(relation,))


class TestRelationsToThemselvesAndRenderings:
    """A relation relates two items; a translation or paraphrase joins two claims."""

    def test_to_itself(self) -> None:
        found = _found(_related(RelationKind.SUPPORTS, "c", "c"), "CM320", "CM321")
        assert [
            (
                "CM320",
                "$.relations[0].object",
                (
                    "the relation supports relates 'c' to itself; name the other item it relates "
                    "to, or remove the relation"
                ),
            )
        ] == found

    @pytest.mark.parametrize("kind", [RelationKind.TRANSLATION_OF, RelationKind.PARAPHRASE_OF])
    def test_a_rendering_of_assertions(self, kind: RelationKind) -> None:
        found = _found(_related(kind, "a", "c"), "CM320", "CM321")
        assert [
            (
                "CM321",
                "$.relations[0].subject",
                (
                    f"subject 'a' is an assertion, but {kind.value} joins two claims (the same "
                    "claim in other words or another language); name the claims, or record a "
                    "translated quotation as the evidence's original"
                ),
            )
        ] == found
        assert [("CM321", "$.relations[0].object")] == [
            (c, p) for c, p, _ in _found(_related(kind, "d", "a"), "CM321")
        ]
        assert [] == _found(_related(kind, "d", "c"), "CM320", "CM321")

    def test_other_kinds_may_relate_assertions(self) -> None:
        assert [] == _found(_related(RelationKind.SUPPORTS, "a", "c"), "CM320", "CM321")

    def test_an_id_of_both_kinds_is_not_an_assertion_alone(self) -> None:
        bundle = _related(RelationKind.TRANSLATION_OF, "a", "c")
        bundle = attrs.evolve(bundle, claims=(*bundle.claims, Claim(id="a", text="Also a")))
        assert [("CM304", "$.relations[0].subject")] == _paths(bundle, "CM304", "CM321")


class TestParties:
    """A claim's parties are sources of the bundle, each named once."""

    def test_unknown_and_repeated(self) -> None:
        bundle = _bundle()
        claim = attrs.evolve(bundle.claims[0], parties=("p1", "nobody", "p1", "nobody"))
        found = _found(attrs.evolve(bundle, claims=(claim,)), "CM322", "CM323")
        assert [
            (
                "CM322",
                "$.claims[0].parties[1]",
                (
                    "the party 'nobody' is not a source of the bundle; add it as a source (a "
                    "government, an organization, a person) or correct the id"
                ),
            ),
            (
                "CM323",
                "$.claims[0].parties[2]",
                "claim 'c' names the party 'p1' twice; remove the repetition",
            ),
            (
                "CM323",
                "$.claims[0].parties[3]",
                "claim 'c' names the party 'nobody' twice; remove the repetition",
            ),
        ] == found

    def test_known_parties(self) -> None:
        bundle = _bundle()
        claim = attrs.evolve(bundle.claims[0], parties=("p1", "p2"))
        assert [] == _found(attrs.evolve(bundle, claims=(claim,)), "CM322", "CM323")


def _dated(**changes: Any) -> Bundle:
    """The bundle of :func:`_bundle` with its assertion changed (dates as ISO text)."""
    bundle = _bundle()
    return attrs.evolve(bundle, assertions=(attrs.evolve(bundle.assertions[0], **_dates(changes)),))


def _dates(changes: dict[str, Any]) -> dict[str, Any]:
    """``changes`` with the dates given as ISO text read as partial dates."""
    keys = {"date", "earliest", "latest"}
    return {k: _date(v) if k in keys and v is not None else v for k, v in changes.items()}


class TestBounds:
    """An assertion's earliest and latest dates are in order, and its date within them."""

    def test_bounds_out_of_order(self) -> None:
        found = _found(
            _dated(earliest="2025-08", latest="2025-07", date="2025-09"), "CM505", "CM506"
        )
        assert [
            (
                "CM505",
                "$.assertions[0].latest",
                (
                    "the latest date (2025-07) is before the earliest (2025-08); "
                    "correct or swap the bounds"
                ),
            )
        ] == found  # the date is not compared with bounds that contradict each other

    @pytest.mark.parametrize(
        ("earliest", "latest", "date", "message"),
        [
            ("2025-08", None, "2025-07-31", "dated 2025-07-31, before its earliest date (2025-08)"),
            (None, "2025-07", "2025-08-01", "dated 2025-08-01, after its latest date (2025-07)"),
            ("2025-08", "2025-09", "2025-07", "dated 2025-07, before its earliest date (2025-08)"),
            ("2025-06", "2025-07", "2025-08", "dated 2025-08, after its latest date (2025-07)"),
        ],
    )
    def test_a_date_outside_its_bounds(
        self, earliest: str | None, latest: str | None, date: str, message: str
    ) -> None:
        changes = {"earliest": earliest, "latest": latest, "date": date}
        [(code, path, found)] = _found(_dated(**changes), "CM505", "CM506")
        assert ("CM506", "$.assertions[0].date") == (code, path)
        assert found.startswith(message + "; correct the date")
        assert found.endswith("; correct the date or the bound")

    @pytest.mark.parametrize(
        ("earliest", "latest", "date"),
        [
            ("2025-07", "2025-07", "2025-07-14"),
            ("2025-07-14", "2025-07-14", "2025-07-14"),
            ("2025", "2025", None),
            (None, None, "2025-07"),
        ],
    )
    def test_within_bounds(
        self, earliest: str | None, latest: str | None, date: str | None
    ) -> None:
        changes = {"earliest": earliest, "latest": latest, "date": date}
        assert [] == _found(_dated(**changes), "CM505", "CM506")

    def test_the_earliest_date_after_publication(self) -> None:
        [(code, path, message)] = _found(_dated(earliest="2025-12"), "CM501")
        assert ("CM501", "$.assertions[0].earliest") == (code, path)
        assert message.startswith("the statement's earliest date is dated 2025-12, after the")

    def test_the_earliest_date_before_a_relay(self) -> None:
        bundle = _dated(
            earliest="2025-07-14",
            attribution=Attribution(source="p0", chain=(_link("p1", "2025-07-13"),)),
        )
        [(_, path, message)] = _found(bundle, "CM503")
        assert "$.assertions[0].attribution.chain[0].date" == path
        assert message.startswith(
            "relayed on 2025-07-13, before the statement's earliest date (2025-07-14)"
        )


class TestRevisedBeforeSaid:
    """A retraction or correction is made after the statement it revises."""

    @staticmethod
    def _revision(**changes: Any) -> Bundle:
        bundle = _statements(("a", "c", None, None), ("b", "c", "a", None))
        first, second = bundle.assertions
        first = attrs.evolve(first, date=_date("2025-07-14"))
        return attrs.evolve(bundle, assertions=(first, attrs.evolve(second, **_dates(changes))))

    def test_dated_before(self) -> None:
        assert [
            (
                "CM504",
                "$.assertions[1].date",
                (
                    "it retracts 'a', said on 2025-07-14, but is dated 2025-07-13, before it; a "
                    "statement is revised after it is made: correct a date or the revision"
                ),
            )
        ] == _found(self._revision(date="2025-07-13"), "CM504")

    def test_at_the_latest_before(self) -> None:
        [(_, path, message)] = _found(self._revision(latest="2025-07-13"), "CM504")
        assert "$.assertions[1].latest" == path
        assert "but is dated 2025-07-13, before it" in message

    def test_a_correction(self) -> None:
        bundle = self._revision(retracts=None, corrects="a", date="2025-07")
        assert [] == _found(bundle, "CM504")  # July may be after the 14th
        [(_, path, message)] = _found(
            self._revision(retracts=None, corrects="a", date="2025-06"), "CM504"
        )
        assert ("$.assertions[1].date", "it corrects 'a', said on 2025-07-14") == (
            path,
            message.split(", but")[0],
        )

    def test_against_the_earliest_date_of_the_revised(self) -> None:
        bundle = self._revision(date="2025-07-13")
        first = attrs.evolve(bundle.assertions[0], date=None, earliest=_date("2025-07-14"))
        bundle = attrs.evolve(bundle, assertions=(first, bundle.assertions[1]))
        [(_, _, message)] = _found(bundle, "CM504")
        assert message.startswith("it retracts 'a', said on 2025-07-14, but is dated 2025-07-13")

    @pytest.mark.parametrize(
        "changes",
        [{"date": "2025-07-14"}, {"date": "2025-07-15"}, {}, {"earliest": "2025-07-01"}],
    )
    def test_in_order_or_undated(self, changes: dict[str, str]) -> None:
        assert [] == _found(self._revision(**changes), "CM504")

    def test_an_unknown_or_undated_target(self) -> None:
        bundle = self._revision(date="2025-07-13")
        undated = attrs.evolve(bundle.assertions[0], date=None)
        assert [] == _found(
            attrs.evolve(bundle, assertions=(undated, bundle.assertions[1])), "CM504"
        )
        unknown = attrs.evolve(bundle.assertions[1], retracts="x")
        assert [] == _found(
            attrs.evolve(bundle, assertions=(bundle.assertions[0], unknown)), "CM504"
        )


class TestArchivedBeforeCaptured:
    """Evidence is archived after it is captured."""

    def test_each_evidence(self) -> None:
        url = "https://example.org/video"
        evidence = (
            Evidence(url=url, captured=_date("2025-07-14"), archived=_date("2025-07-15")),
            Evidence(url=url, captured=_date("2025-07-14"), archived=_date("2025-07-13")),
            Evidence(url=url, captured=_date("2025-07"), archived=_date("2025-07-01")),
            Evidence(url=url, archived=_date("2025-07-01")),
        )
        assert [
            (
                "CM507",
                "$.assertions[0].evidence[1].archived",
                (
                    "the evidence is archived on 2025-07-13, before it was captured (2025-07-14); "
                    "a copy is made after the recording: correct a date"
                ),
            )
        ] == _found(_dated(evidence=evidence), "CM507")
