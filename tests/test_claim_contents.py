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
