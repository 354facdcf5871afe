"""Format 1.1: what a claim is about — the same claim in other words or another language."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimmodel as cm
from claimmodel.cli import main


def _asserting(assertion_id: str, claim: str, source: str) -> cm.Assertion:
    return cm.Assertion(
        id=assertion_id,
        claim=claim,
        attribution=cm.Attribution(source=source),
        confidence=cm.Confidence.cannot_be_judged(scale="icd203"),
    )


def _related(kind: cm.RelationKind, subject: str, obj: str, number: int) -> cm.Relation:
    return cm.Relation(id=f"r{number}", kind=kind, subject=subject, object=obj)


TRANSLATION = cm.RelationKind.TRANSLATION_OF
PARAPHRASE = cm.RelationKind.PARAPHRASE_OF


def _translated() -> cm.Bundle:
    """Two outlets assert one claim, one of them in Russian."""
    return cm.Bundle(
        sources=(cm.MediaOutlet(id="ria", name="RIA Novosti"), cm.MediaOutlet(id="bbc")),
        claims=(
            cm.Claim(id="fought", text="North Korean soldiers fought in Kursk", language="en"),
            cm.Claim(
                id="fought-ru", text="Северокорейские солдаты воевали в Курске", language="ru"
            ),
        ),
        assertions=(_asserting("a1", "fought-ru", "ria"), _asserting("a2", "fought", "bbc")),
        relations=(_related(TRANSLATION, "fought-ru", "fought", 1),),
    )


class TestSameClaim:
    """Claims declared the same are analysed as one claim, under one id."""

    def test_a_translation_is_counted_with_the_claim_it_translates(self) -> None:
        analysis = cm.analyze(_translated())
        assert 1 == len(analysis)
        claim = analysis["fought"]
        assert claim is analysis["fought-ru"]
        assert 2 == claim.independent_origins
        assert ("a1", "a2") == claim.assertions
        expected = cm.SameClaim(
            claim="fought-ru", text="Северокорейские солдаты воевали в Курске", language="ru"
        )
        assert (expected,) == claim.same
        assert claim.verdict.endswith("; counted as one with fought-ru")
        assert {"fought-ru": "fought"} == dict(analysis.same)

    def test_without_the_relation_they_are_two_claims(self) -> None:
        bundle = attrs.evolve(_translated(), relations=())
        analysis = cm.analyze(bundle)
        assert [1, 1] == [claim.independent_origins for claim in analysis.values()]
        assert () == analysis["fought"].same

    def test_a_chain_is_closed_and_the_original_represents_it(self) -> None:
        bundle = _translated().with_claim(cm.Claim(id="a-fought", text="Koreans fought there"))
        bundle = bundle.with_relation(_related(PARAPHRASE, "a-fought", "fought-ru", 2))
        bundle = bundle.with_assertion(_asserting("a3", "a-fought", "bbc"))
        analysis = cm.analyze(bundle)
        assert ["fought"] == list(analysis.claims)
        assert ("a-fought", "fought-ru") == tuple(s.claim for s in analysis["fought"].same)
        assert ("a1", "a2", "a3") == analysis["a-fought"].assertions

    def test_a_circle_is_represented_by_its_smallest_id(self) -> None:
        bundle = _translated().with_relation(_related(TRANSLATION, "fought", "fought-ru", 2))
        assert ["fought"] == list(cm.analyze(bundle).claims)
        renamed = _translated().with_relation(_related(PARAPHRASE, "fought", "fought-ru", 2))
        assert ["fought"] == list(cm.analyze(renamed))

    def test_same_as_between_claims_joins_them_between_assertions_it_does_not(self) -> None:
        same = attrs.evolve(
            _translated(), relations=(_related(cm.RelationKind.SAME_AS, "fought", "fought-ru", 1),)
        )
        assert 1 == len(cm.analyze(same))
        between = attrs.evolve(
            _translated(), relations=(_related(cm.RelationKind.SAME_AS, "a1", "a2", 1),)
        )
        assert 2 == len(cm.analyze(between))

    def test_other_relations_join_nothing(self) -> None:
        for kind in (cm.RelationKind.SUPPORTS, cm.RelationKind.ELABORATES):
            bundle = attrs.evolve(
                _translated(), relations=(_related(kind, "fought-ru", "fought", 1),)
            )
            assert 2 == len(cm.analyze(bundle))

    @given(st.permutations(range(3)), st.booleans())
    def test_the_representative_does_not_depend_on_order(
        self, order: list[int], flip: bool
    ) -> None:
        bundle = _translated().with_claim(cm.Claim(id="b", text="Koreans fought"))
        relations = (
            _related(TRANSLATION, "fought-ru", "fought", 1),
            _related(PARAPHRASE, "b", "fought", 2),
            _related(cm.RelationKind.SAME_AS, "fought-ru", "b", 3),
        )
        claims = bundle.claims if not flip else bundle.claims[::-1]
        shuffled = attrs.evolve(bundle, claims=claims, relations=tuple(relations[i] for i in order))
        assert ["fought"] == list(cm.analyze(shuffled).claims)

    def test_the_report_shows_the_merged_claim(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = tmp_path / "translated.json"
        path.write_text(cm.dumps(_translated()), encoding="utf-8")
        assert 0 == main(["report", str(path)])
        text = capsys.readouterr().out
        assert (
            "  same claim, counted with it: fought-ru (ru): Северокорейские солдаты воевали в\n"
            "    Курске\n"
        ) in text
        assert "1 claim;" in text
        assert 0 == main(["report", "--format", "json", str(path)])
        [data] = json.loads(capsys.readouterr().out)
        assert [
            {
                "claim": "fought-ru",
                "text": "Северокорейские солдаты воевали в Курске",
                "language": "ru",
            }
        ] == data["same_claims"]
        assert 2 == data["independent_origins"]

    def test_validation_refuses_a_rendering_of_itself_or_of_an_assertion(self) -> None:
        itself = _translated().with_relation(_related(TRANSLATION, "fought", "fought", 2))
        assert [("CM320", "$.relations[1].object")] == [
            (f.code, f.path) for f in cm.validate(itself)
        ]
        of_assertion = _translated().with_relation(_related(PARAPHRASE, "a1", "fought", 2))
        assert [("CM321", "$.relations[1].subject")] == [
            (f.code, f.path) for f in cm.validate(of_assertion)
        ]

    def test_a_1_0_document_cannot_declare_a_translation(self) -> None:
        data = cm.to_data(_translated())
        data["format"] = "claimmodel/1.0"
        del data["claims"][0]["language"]
        with pytest.raises(cm.exceptions.DecodeError) as caught:
            cm.from_data(data)
        assert ["$.relations[0].kind"] == [p.path for p in caught.value.problems]


def _belligerents() -> cm.Bundle:
    """Two belligerents' ministers say the same through an agency one of them controls."""
    controlled = cm.Affiliation(kind=cm.AffiliationKind.CONTROLLED_BY, target="russia")
    return cm.Bundle(
        sources=(
            cm.GovernmentBody(id="russia", name="Russian government"),
            cm.GovernmentBody(id="dprk", name="DPRK government"),
            cm.GovernmentBody(
                id="mfa",
                name="Russian foreign ministry",
                affiliations=(cm.Affiliation(kind=cm.AffiliationKind.PART_OF, target="russia"),),
            ),
            cm.Person(
                id="lavrov",
                name="Sergey Lavrov",
                affiliations=(cm.Affiliation(kind=cm.AffiliationKind.EMPLOYED_BY, target="mfa"),),
            ),
            cm.Person(
                id="cho",
                name="Cho Son-hui",
                affiliations=(cm.Affiliation(kind=cm.AffiliationKind.EMPLOYED_BY, target="dprk"),),
            ),
            cm.MediaOutlet(id="ria", name="RIA Novosti", affiliations=(controlled,)),
            cm.MediaOutlet(id="bbc", name="BBC"),
        ),
        claims=(
            cm.Claim(
                id="fought",
                text="North Korean soldiers fought in Kursk",
                parties=("russia", "dprk"),
            ),
        ),
        assertions=(
            _relayed("a1", "lavrov", "ria"),
            _relayed("a2", "cho", "ria"),
        ),
    )


def _relayed(assertion_id: str, speaker: str, *relays: str) -> cm.Assertion:
    return attrs.evolve(
        _asserting(assertion_id, "fought", speaker),
        attribution=cm.Attribution(
            source=speaker, chain=tuple(cm.Link(source=relay) for relay in relays)
        ),
    )


class TestParties:
    """Origins that are interested parties, and relays those parties control."""

    def test_two_belligerents_are_two_origins_both_interested(self) -> None:
        claim = cm.analyze(_belligerents())["fought"]
        assert 2 == claim.independent_origins
        assert 2 == claim.interested_origins
        assert [("dprk",), ("russia",)] == [o.interested for o in claim.independent]
        assert ("russia", "dprk") == claim.parties
        assert ("Russian government", "DPRK government") == claim.party_names
        assert claim.verdict.startswith(
            "2 independent origins (Cho Son-hui, Sergey Lavrov), both interested parties "
            "(DPRK government, Russian government); 2 assertions back it; reached the reader "
            "only through outlets an interested party controls (RIA Novosti, controlled by "
            "Russian government)"
        )

    def test_one_origin_an_interested_party(self) -> None:
        bundle = attrs.evolve(_belligerents(), assertions=(_relayed("a1", "lavrov"),))
        claim = cm.analyze(bundle)["fought"]
        assert claim.verdict == (
            "1 independent origin (Sergey Lavrov), an interested party (Russian government); "
            "1 assertion backs it"
        )
        assert () == claim.controlled_relays
        assert not claim.only_through_controlled

    def test_an_independent_voice_is_not_interested_and_not_controlled(self) -> None:
        bundle = _belligerents().with_assertion(_relayed("a3", "bbc"))
        claim = cm.analyze(bundle)["fought"]
        assert (3, 2) == (claim.independent_origins, claim.interested_origins)
        assert "2 of them interested parties" in claim.verdict
        assert not claim.only_through_controlled
        assert ["ria"] == [relay.relay for relay in claim.controlled_relays]

    def test_without_parties_nothing_is_interested(self) -> None:
        bundle = _belligerents()
        plain = attrs.evolve(bundle, claims=(attrs.evolve(bundle.claims[0], parties=()),))
        claim = cm.analyze(plain)["fought"]
        assert 0 == claim.interested_origins
        assert () == claim.controlled_relays
        assert "interested" not in claim.verdict

    def test_a_dependency_ended_before_the_statement_does_not_make_it_interested(
        self,
    ) -> None:
        bundle = _belligerents()
        retired = cm.Affiliation(
            kind=cm.AffiliationKind.EMPLOYED_BY, target="mfa", end=cm.PartialDate(year=2020)
        )
        lavrov = cm.Person(id="lavrov", name="Sergey Lavrov", affiliations=(retired,))
        said = attrs.evolve(_relayed("a1", "lavrov"), date=cm.PartialDate(year=2025, month=7))
        sources = tuple(lavrov if s.id == "lavrov" else s for s in bundle.sources)
        claim = cm.analyze(attrs.evolve(bundle, sources=sources, assertions=(said,)))["fought"]
        assert 0 == claim.interested_origins
        earlier = attrs.evolve(said, date=cm.PartialDate(year=2019))
        again = cm.analyze(attrs.evolve(bundle, sources=sources, assertions=(earlier,)))
        assert 1 == again["fought"].interested_origins

    def test_control_through_a_holding_and_a_party_relaying_itself(self) -> None:
        bundle = _belligerents()
        holding = cm.Organization(
            id="holding",
            name="Rossiya Segodnya",
            affiliations=(cm.Affiliation(kind=cm.AffiliationKind.CONTROLLED_BY, target="russia"),),
        )
        ria = cm.MediaOutlet(
            id="ria",
            name="RIA Novosti",
            affiliations=(cm.Affiliation(kind=cm.AffiliationKind.PART_OF, target="holding"),),
        )
        sources = (*(s for s in bundle.sources if s.id != "ria"), ria, holding)
        assertions = (_relayed("a1", "cho", "ria"), _relayed("a2", "bbc", "dprk"))
        claim = cm.analyze(attrs.evolve(bundle, sources=sources, assertions=assertions))["fought"]
        assert claim.only_through_controlled
        assert [
            "DPRK government, itself an interested party",
            "RIA Novosti, controlled by Russian government through Rossiya Segodnya",
        ] == [relay.description for relay in claim.controlled_relays]

    def test_a_translation_brings_its_parties(self) -> None:
        bundle = _translated()
        russian = attrs.evolve(bundle.claims[1], parties=("ria",))
        bundle = attrs.evolve(bundle, claims=(bundle.claims[0], russian))
        claim = cm.analyze(bundle)["fought"]
        assert ("ria",) == claim.parties
        assert 1 == claim.interested_origins

    def test_the_report_shows_parties_and_controlled_relays(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = tmp_path / "belligerents.json"
        path.write_text(cm.dumps(_belligerents()), encoding="utf-8")
        assert 0 == main(["report", str(path)])
        text = capsys.readouterr().out
        assert "  interested parties: Russian government, DPRK government\n" in text
        assert (
            "  origin 1: Cho Son-hui (assertion a2), an interested party (DPRK government)\n"
            in text
        )
        assert (
            "  relayed by an outlet an interested party controls: RIA Novosti, controlled by\n"
            "    Russian government\n"
        ) in text
        assert 0 == main(["report", "--format", "json", str(path)])
        [data] = json.loads(capsys.readouterr().out)
        assert ["russia", "dprk"] == data["parties"]
        assert 2 == data["interested_origins"]
        assert [["dprk"], ["russia"]] == [o["interested"] for o in data["origins"]]
        assert [
            {
                "relay": "ria",
                "name": "RIA Novosti",
                "party": "russia",
                "party_name": "Russian government",
                "via": [],
            }
        ] == data["controlled_relays"]
        assert data["only_through_controlled"]

    def test_parties_round_trip_and_are_refused_in_1_0(self) -> None:
        bundle = _belligerents()
        assert bundle == cm.loads(cm.dumps(bundle))
        data = cm.to_data(bundle)
        assert ["russia", "dprk"] == data["claims"][0]["parties"]
        data["format"] = "claimmodel/1.0"
        with pytest.raises(cm.exceptions.DecodeError) as caught:
            cm.from_data(data)
        assert ["$.claims[0].parties"] == [p.path for p in caught.value.problems]

    def test_validation_of_parties(self) -> None:
        bundle = _belligerents()
        assert () == cm.validate(bundle).errors
        ghost = attrs.evolve(bundle.claims[0], parties=("russia", "ghost", "russia"))
        found = cm.validate(attrs.evolve(bundle, claims=(ghost,)))
        assert [("CM322", "$.claims[0].parties[1]"), ("CM323", "$.claims[0].parties[2]")] == [
            (f.code, f.path) for f in found if f.code.startswith("CM32")
        ]

    def test_a_corpus_merge_keeps_every_bundles_parties(self) -> None:
        def desk(name: str, party: str) -> cm.Bundle:
            return cm.Bundle(
                id=name,
                sources=(cm.GovernmentBody(id=party),),
                claims=(cm.Claim(text="Troops fought in Kursk", parties=(party,)),),
            )

        merged = cm.merge_corpus([desk("one", "gov"), desk("two", "gov")]).bundle
        [claim] = merged.claims
        assert ("one/gov", "two/gov") == claim.parties
        assert {"one/gov", "two/gov"} == {source.id for source in merged.sources}


def _figures(*quantities: cm.Quantity | None) -> cm.Bundle:
    """One claim per quantity, c1, c2, …, each asserted by its own outlet."""
    claims = tuple(
        cm.Claim(id=f"c{i}", text=f"Figure {i}", quantity=q)
        for i, q in enumerate(quantities, start=1)
    )
    return cm.Bundle(
        sources=tuple(cm.MediaOutlet(id=f"o{i}") for i in range(1, len(claims) + 1)),
        claims=claims,
        assertions=tuple(_asserting(f"a{i}", f"c{i}", f"o{i}") for i in range(1, len(claims) + 1)),
    )


class TestQuantities:
    """A claim's figure: value or bounds, unit, approximation; conflicting figures found."""

    def test_figures_in_words(self) -> None:
        assert "between 10,000 and 12,000 troops" == str(
            cm.Quantity(lower=10_000, upper=12_000, unit="troops")
        )
        assert "at least 600 killed" == str(cm.Quantity(lower=600, unit="killed"))
        assert "about 3 %" == str(cm.Quantity(value=3, unit="%", approximate=True))
        assert "more than 600 and at most 700" == str(
            cm.Quantity(lower=600, lower_exclusive=True, upper=700)
        )
        assert "less than 0.5" == str(cm.Quantity(upper=0.5, upper_exclusive=True))
        assert "about 11,000 troops (between 10,000 and 12,000)" == str(
            cm.Quantity(value=11_000, lower=10_000, upper=12_000, unit="troops", approximate=True)
        )
        assert "roughly at least 600" == str(cm.Quantity(lower=600, approximate=True))

    @pytest.mark.parametrize(
        ("fields", "error"),
        [
            ({}, cm.exceptions.InvalidValueError),
            ({"value": "600"}, cm.exceptions.InvalidTypeError),
            ({"value": True}, cm.exceptions.InvalidTypeError),
            ({"lower": float("nan")}, cm.exceptions.InvalidValueError),
            ({"upper": float("inf")}, cm.exceptions.InvalidValueError),
            ({"value": 2**1025}, cm.exceptions.InvalidValueError),
            ({"value": 1, "lower_exclusive": True}, cm.exceptions.InvalidValueError),
            ({"value": 1, "upper_exclusive": True}, cm.exceptions.InvalidValueError),
            ({"value": 1, "approximate": 1}, cm.exceptions.InvalidTypeError),
            ({"value": 1, "unit": ""}, cm.exceptions.InvalidValueError),
        ],
    )
    def test_local_checks(self, fields: dict[str, object], error: type[Exception]) -> None:
        with pytest.raises(error):
            cm.Quantity(**fields)  # type: ignore[arg-type]

    def test_figures_read_back_as_written(self) -> None:
        assert cm.Quantity(value=1) != cm.Quantity(value=1.0)
        assert cm.Quantity(value=-0.0) == cm.Quantity(value=0.0)
        bundle = _figures(cm.Quantity(value=1), cm.Quantity(value=1.0, lower=-0.0, upper=1e20))
        text = cm.dumps(bundle)
        assert '"quantity":{"value":1}' in text
        assert '"quantity":{"value":1.0,"lower":0.0,"upper":1e+20}' in text
        assert bundle == cm.loads(text)
        assert text == cm.dumps(cm.loads(text))

    def test_ranges_that_do_not_overlap_are_conflicting_figures(self) -> None:
        bundle = _figures(
            cm.Quantity(lower=10_000, upper=12_000, measure="nk-troops", unit="troops"),
            cm.Quantity(lower=15_000, measure="nk-troops", unit="troops"),
            cm.Quantity(value=11_000, approximate=True, measure="nk-troops", unit="troops"),
            cm.Quantity(value=20_000, measure="nk-troops", unit="soldiers"),
            cm.Quantity(value=1),
        )
        analysis = cm.analyze(bundle)
        assert [("c1", "c2"), ("c2", "c3")] == [
            (c.first, c.second) for c in analysis.conflicting_figures
        ]
        assert ["c1", "c2"] == [c.first for c in analysis["c2"].conflicting_figures]
        assert analysis["c1"].verdict.endswith(
            "; conflicting figures: c1 (between 10,000 and 12,000 troops) against c2 "
            "(at least 15,000 troops)"
        )
        assert () == analysis["c4"].conflicting_figures
        assert bundle.claims[0].quantity == analysis["c1"].quantity

    @pytest.mark.parametrize(
        ("first", "second", "conflict"),
        [
            (cm.Quantity(upper=10), cm.Quantity(lower=10), False),
            (cm.Quantity(upper=10, upper_exclusive=True), cm.Quantity(lower=10), True),
            (cm.Quantity(upper=10), cm.Quantity(lower=10, lower_exclusive=True), True),
            (cm.Quantity(value=10), cm.Quantity(value=10.0), False),
            (cm.Quantity(lower=1, upper=2), cm.Quantity(upper=0.5), True),
            (cm.Quantity(lower=1), cm.Quantity(upper=0.5, lower=-3), True),
        ],
    )
    def test_open_and_closed_bounds(
        self, first: cm.Quantity, second: cm.Quantity, conflict: bool
    ) -> None:
        measured = [attrs.evolve(q, measure="m") for q in (first, second)]
        assert conflict == bool(cm.analyze(_figures(*measured)).conflicting_figures)
        assert conflict == bool(cm.analyze(_figures(*measured[::-1])).conflicting_figures)

    def test_the_report_shows_figures_and_their_conflicts(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        bundle = _figures(
            cm.Quantity(lower=10_000, upper=12_000, measure="nk-troops", unit="troops"),
            cm.Quantity(lower=15_000, measure="nk-troops", unit="troops"),
        )
        path = tmp_path / "figures.json"
        path.write_text(cm.dumps(bundle), encoding="utf-8")
        assert 0 == main(["report", str(path)])
        text = capsys.readouterr().out
        assert "  figure: between 10,000 and 12,000 troops (nk-troops)\n" in text
        assert "2 claims; 2 single-origin; 0 contradicted; 1 conflict of figures\n" in text
        assert (
            "conflicting figures (nk-troops): c1 (between 10,000 and 12,000 troops) against\n"
            "    c2 (at least 15,000 troops)\n"
        ) in text
        assert 0 == main(["report", "--format", "json", str(path)])
        first, _ = json.loads(capsys.readouterr().out)
        assert {
            "measure": "nk-troops",
            "value": None,
            "lower": 10_000,
            "upper": 12_000,
            "lower_exclusive": False,
            "upper_exclusive": False,
            "unit": "troops",
            "approximate": False,
            "figure": "between 10,000 and 12,000 troops",
        } == first["quantity"]
        assert [
            {
                "measure": "nk-troops",
                "unit": "troops",
                "first": "c1",
                "first_figure": "between 10,000 and 12,000 troops",
                "second": "c2",
                "second_figure": "at least 15,000 troops",
            }
        ] == first["conflicting_figures"]

    def test_validation_of_figures(self) -> None:
        bundle = _figures(
            cm.Quantity(lower=12_000, upper=10_000, measure="nk-troops", unit="troops"),
            cm.Quantity(value=9, lower=10, upper=12, measure="nk-troops"),
            cm.Quantity(value=3, lower=3, lower_exclusive=True),
            cm.Quantity(lower=3, upper=3, upper_exclusive=True),
        )
        assert [
            ("CM901", "$.claims[0].quantity.lower"),
            ("CM903", "$.claims[0].quantity.unit"),
            ("CM903", "$.claims[1].quantity.unit"),
            ("CM902", "$.claims[1].quantity.value"),
            ("CM902", "$.claims[2].quantity.value"),
            ("CM901", "$.claims[3].quantity.lower"),
        ] == [(f.code, f.path) for f in cm.validate(bundle) if f.code.startswith("CM9")]

    def test_a_1_0_document_cannot_state_a_quantity(self) -> None:
        data = cm.to_data(_figures(cm.Quantity(value=600)))
        data["format"] = "claimmodel/1.0"
        with pytest.raises(cm.exceptions.DecodeError) as caught:
            cm.from_data(data)
        assert ["$.claims[0].quantity"] == [p.path for p in caught.value.problems]

    def test_decoding_refuses_a_malformed_quantity_at_its_path(self) -> None:
        data = cm.to_data(_figures(cm.Quantity(value=600)))
        data["claims"][0]["quantity"] = {"value": "600"}
        with pytest.raises(cm.exceptions.DecodeError) as caught:
            cm.from_data(data)
        assert ["$.claims[0].quantity.value"] == [p.path for p in caught.value.problems]
        data["claims"][0]["quantity"] = {"unit": "troops"}
        with pytest.raises(cm.exceptions.DecodeError) as caught:
            cm.from_data(data)
        assert ["$.claims[0].quantity"] == [p.path for p in caught.value.problems]

    def test_a_corpus_merge_reports_a_claim_with_two_figures(self) -> None:
        def desk(name: str, quantity: cm.Quantity) -> cm.Bundle:
            return cm.Bundle(id=name, claims=(cm.Claim(text="Troops", quantity=quantity),))

        merged = cm.merge_corpus(
            [desk("one", cm.Quantity(value=1)), desk("two", cm.Quantity(value=2))]
        )
        [conflict] = merged.conflicts
        assert "states the figure '2' here and '1' where it is kept" in conflict.message
        assert cm.Quantity(value=1) == merged.bundle.claims[0].quantity
        same = cm.merge_corpus(
            [desk("one", cm.Quantity(value=1)), desk("two", cm.Quantity(value=1))]
        )
        assert () == same.conflicts
