"""How statements are made (format 1.1): silence, retraction, occasion, quotation, anonymity,
bounded dates, presupposition, estimated publication dates, edited claims."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import pytest

import claimmodel as cm
from analysis_helpers import bundle, org, person, says
from claimmodel.cli import main
from claimmodel.exceptions import DecodeError, InvalidValueError

if TYPE_CHECKING:
    from collections.abc import Sequence


def _write(path: Path, value: cm.Bundle) -> str:
    path.write_text(cm.dumps(value), encoding="utf-8")
    return str(path)


def _report(tmp_path: Path, value: cm.Bundle, capsys: pytest.CaptureFixture[str]) -> str:
    assert 0 == main(["report", _write(tmp_path / "b.json", value)])
    return capsys.readouterr().out


def _report_json(
    tmp_path: Path, value: cm.Bundle, capsys: pytest.CaptureFixture[str]
) -> list[dict[str, Any]]:
    assert 0 == main(["report", "--format", "json", _write(tmp_path / "b.json", value)])
    data: list[dict[str, Any]] = json.loads(capsys.readouterr().out)
    return data


def _codes(value: cm.Bundle) -> list[tuple[str, str]]:
    return [(finding.code, finding.path) for finding in cm.validate(value)]


def _as_1_0(value: cm.Bundle) -> dict[str, Any]:
    data = cm.to_data(value)
    data["format"] = "claimmodel/1.0"
    return data


def _refused_in_1_0(value: cm.Bundle) -> Sequence[str]:
    with pytest.raises(DecodeError) as info:
        cm.from_data(_as_1_0(value))
    return [problem.path for problem in info.value.problems]


# -- 1. no comment and no response --------------------------------------------------------


def _declined() -> cm.Bundle:
    return bundle(
        [person("reporter"), org("acme"), org("ministry")],
        [
            says("a1", "reporter"),
            says("a2", "acme", stance=cm.Stance.DECLINES_TO_COMMENT),
            says("a3", "ministry", stance=cm.Stance.DOES_NOT_RESPOND),
        ],
    )


class TestNoComment:
    """A source that was asked and gave no answer neither backs nor opposes the claim."""

    def test_silence_is_not_counted(self) -> None:
        claim = cm.analyze(_declined())["c"]
        assert (1, 0, 0, 1, 1) == (
            claim.independent_origins,
            claim.denying,
            claim.disputing,
            claim.declining,
            claim.not_responding,
        )
        assert () == cm.analyze(_declined()).contradictions

    def test_verdict_says_who_gave_no_answer(self) -> None:
        assert cm.analyze(_declined())["c"].verdict == (
            "1 independent origin (Reporter) across 3 assertions; "
            "declined to comment: ACME; did not respond: MINISTRY"
        )

    def test_report_and_json_show_it(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        text = _report(tmp_path, _declined(), capsys)
        assert "  declined to comment: ACME (a2)\n" in text
        assert "  did not respond: MINISTRY (a3)\n" in text
        (claim,) = _report_json(tmp_path, _declined(), capsys)
        assert (1, 1, 1) == (
            claim["independent_origins"],
            claim["declining"],
            claim["not_responding"],
        )
        assert ["declines-to-comment"] == claim["origins"][0]["stances"]

    def test_on_the_wire_and_new_in_1_1(self) -> None:
        value = _declined()
        assert value == cm.loads(cm.dumps(value))
        assert ["$.assertions[1].stance", "$.assertions[2].stance"] == _refused_in_1_0(value)


# -- 3. the occasion of a statement -------------------------------------------------------


class TestOccasion:
    """Where and at what event a statement was made, apart from how it travelled."""

    def test_round_trip(self) -> None:
        occasion = cm.Occasion(
            channel=cm.Channel.PRESS_CONFERENCE, event="a joint press conference", place="Wonsan"
        )
        statement = attrs.evolve(says("a1", "lavrov", via=("article",)), occasion=occasion)
        value = bundle([person("lavrov"), cm.Document(id="article")], [statement])
        data = cm.to_data(value)
        assert {
            "channel": "press-conference",
            "event": "a joint press conference",
            "place": "Wonsan",
        } == data["assertions"][0]["occasion"]
        assert value == cm.from_data(data) == cm.loads(cm.dumps(value))
        assert ["$.assertions[0].occasion"] == _refused_in_1_0(value)

    def test_an_occasion_says_something(self) -> None:
        with pytest.raises(InvalidValueError, match="an occasion needs"):
            cm.Occasion()
        assert cm.Channel.BROADCAST == cm.Occasion(channel=cm.Channel.BROADCAST).channel


# -- 9. claims whose text was edited ------------------------------------------------------


class TestEditedClaims:
    """Editing a claim's wording re-derives a derived id; a stale one is reported."""

    def test_with_text_re_derives_a_derived_id(self) -> None:
        claim = cm.Claim(text="The monument will be built.")
        edited = claim.with_text("The monument will be built in Kursk.")
        assert (edited.id, edited.text) == (
            cm.claim_id("The monument will be built in Kursk."),
            "The monument will be built in Kursk.",
        )
        assert (True, True) == (edited.id_is_derived, claim.id != edited.id)

    def test_with_text_keeps_an_id_given_by_hand(self) -> None:
        claim = cm.Claim(id="monument", text="The monument will be built.")
        assert "monument" == claim.with_text("It will be built.").id

    def test_a_stale_derived_id_is_reported(self) -> None:
        claim = cm.Claim(text="The monument will be built.")
        stale = attrs.evolve(claim, text="The monument will be built in Kursk.")
        value = bundle([person("a")], [says("a1", "a", claim=stale.id)], claims=[stale])
        assert [("CM314", "$.claims[0].id")] == _codes(value)
        fixed = bundle([person("a")], [says("a1", "a", claim=claim.id)], claims=[claim])
        assert [] == _codes(fixed)

    def test_ids_of_another_form_are_left_alone(self) -> None:
        claim = cm.Claim(id="claim-monument", text="The monument will be built.")
        value = bundle([person("a")], [says("a1", "a", claim=claim.id)], claims=[claim])
        assert [] == _codes(value)
