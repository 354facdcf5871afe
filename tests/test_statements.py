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
            "1 independent origin (Reporter); 1 assertion backs it; "
            "declined to comment: ACME; did not respond: MINISTRY"
        )

    def test_report_and_json_show_it(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        text = _report(tmp_path, _declined(), capsys)
        assert "  declined to comment: ACME (assertion a2)\n" in text
        assert "  did not respond: MINISTRY (assertion a3)\n" in text
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


# -- 2. retraction and correction ---------------------------------------------------------


def _retracted() -> cm.Bundle:
    ria = cm.MediaOutlet(id="ria", name="RIA Novosti")
    return bundle(
        [ria, person("lavrov")],
        [
            says("a1", "ria", when="2025-07"),
            attrs.evolve(says("a2", "ria", when="2025-09"), retracts="a1"),
            says("a3", "lavrov"),
        ],
    )


class TestRetraction:
    """A retracted or corrected assertion stops counting, and the change is shown."""

    def test_a_retracted_assertion_no_longer_backs_the_claim(self) -> None:
        claim = cm.analyze(_retracted())["c"]
        assert [("lavrov",)] == [origin.sources for origin in claim.independent]
        assert (
            cm.Withdrawal(
                assertion="a1",
                source="ria",
                name="RIA Novosti",
                how="retracted",
                by="a2",
                by_source="ria",
                by_name="RIA Novosti",
            ),
        ) == claim.withdrawn

    def test_the_source_contradicting_itself_is_noted(self) -> None:
        claim = cm.analyze(_retracted())["c"]
        assert (
            cm.Reversal(
                source="ria",
                name="RIA Novosti",
                before="a1",
                after="a2",
                change="asserted it (2025-07), then retracted it (2025-09)",
            ),
        ) == claim.reversals
        assert claim.verdict == (
            "1 independent origin (Lavrov); 1 assertion backs it; "
            "retracted: RIA Novosti (assertion a1); "
            "RIA Novosti asserted it (2025-07), then retracted it (2025-09)"
        )

    def test_dates_decide_the_order_of_a_change_of_stance(self) -> None:
        value = bundle(
            [person("minister")],
            [
                says("late", "minister", when="2025-09", stance=cm.Stance.DENIES),
                says("early", "minister", when="2025-03"),
            ],
        )
        (reversal,) = cm.analyze(value)["c"].reversals
        assert ("early", "late", "asserted it (2025-03), then denied it (2025-09)") == (
            reversal.before,
            reversal.after,
            reversal.change,
        )
        undated = bundle(
            [person("minister")],
            [says("x", "minister", stance=cm.Stance.DENIES), says("y", "minister")],
        )
        (reversal,) = cm.analyze(undated)["c"].reversals
        assert "in an order the dates do not tell" in reversal.change

    def test_a_correction_withdraws_and_counts_for_its_own_claim(self) -> None:
        corrected = cm.Claim(id="c2", text="The figure is 10, not 100.")
        value = bundle(
            [person("paper")],
            [says("a1", "paper"), attrs.evolve(says("a2", "paper", claim="c2"), corrects="a1")],
            claims=[cm.Claim(id="c", text="The figure is 100."), corrected],
        )
        analysis = cm.analyze(value)
        assert (0, 1) == (analysis["c"].independent_origins, analysis["c2"].independent_origins)
        assert "corrected" == analysis["c"].withdrawn[0].how
        assert "then corrected it" in analysis["c"].reversals[0].change

    def test_retracting_a_retraction_reinstates(self) -> None:
        value = bundle(
            [person("a")],
            [
                says("a1", "a"),
                attrs.evolve(says("a2", "a"), retracts="a1"),
                attrs.evolve(says("a3", "a"), retracts="a2"),
            ],
        )
        claim = cm.analyze(value)["c"]
        assert (1, ("a2",)) == (
            claim.independent_origins,
            tuple(w.assertion for w in claim.withdrawn),
        )

    def test_a_retraction_that_denies_opposes(self) -> None:
        value = bundle(
            [person("a"), person("b")],
            [
                says("a1", "a"),
                attrs.evolve(says("a2", "a", stance=cm.Stance.DENIES), retracts="a1"),
            ],
        )
        assert 1 == cm.analyze(value)["c"].denying

    def test_report_and_json_show_it(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        text = _report(tmp_path, _retracted(), capsys)
        assert (
            "  retracted: assertion a1 (RIA Novosti) by assertion a2 (RIA Novosti); no longer\n"
            "    counted\n"
        ) in text
        assert "  changed position: RIA Novosti asserted it (2025-07), then retracted it" in text
        (claim,) = _report_json(tmp_path, _retracted(), capsys)
        assert [
            {"assertion": "a1", "source": "ria", "how": "retracted", "by": "a2", "by_source": "ria"}
        ] == claim["withdrawn"]
        assert ["a1"] == [reversal["before"] for reversal in claim["reversals"]]

    def test_validation(self) -> None:
        value = _retracted()
        revised = list(value.assertions)
        revised[1] = attrs.evolve(revised[1], retracts="ghost")
        assert [("CM311", "$.assertions[1].retracts")] == _codes(
            attrs.evolve(value, assertions=tuple(revised))
        )
        revised[1] = attrs.evolve(revised[1], retracts="a1", date=cm.PartialDate(year=2024))
        assert [("CM504", "$.assertions[1].date")] == _codes(
            attrs.evolve(value, assertions=tuple(revised))
        )

    def test_local_checks_and_the_wire(self) -> None:
        with pytest.raises(InvalidValueError, match="not both"):
            attrs.evolve(says("a1", "a"), retracts="x", corrects="y")
        with pytest.raises(InvalidValueError, match="cannot revise itself"):
            attrs.evolve(says("a1", "a"), retracts="a1")
        value = _retracted()
        assert "a1" == cm.to_data(value)["assertions"][1]["retracts"]
        assert value == cm.loads(cm.dumps(value))
        assert ["$.assertions[1].retracts"] == _refused_in_1_0(value)


# -- 5. anonymous sourcing ----------------------------------------------------------------


def _unnamed(*, independent: bool = False) -> cm.Bundle:
    reuters = cm.MediaOutlet(id="reuters", name="Reuters")
    two = cm.AnonymousSource(
        id="two",
        name="two people familiar with the matter",
        count=2,
        ground_rule=cm.GroundRule.ANONYMITY,
    )
    senior = cm.AnonymousSource(
        id="senior",
        name="a senior official",
        ground_rule=cm.GroundRule.BACKGROUND,
        independent=independent,
    )
    return bundle(
        [reuters, two, senior],
        [says("a1", "two", via=("reuters",)), says("a2", "senior", via=("reuters",))],
    )


class TestAnonymousSourcing:
    """Unnamed sources reached through one intermediary count as one origin, and say why."""

    def test_one_origin_with_the_reason(self) -> None:
        claim = cm.analyze(_unnamed())["c"]
        (origin,) = claim.independent
        assert ("senior", "two") == origin.sources
        (reason,) = origin.reasons
        assert "reached through the same intermediary (Reuters)" in reason
        assert "may be one person or one office" in reason

    def test_independent_when_the_record_says_so(self) -> None:
        claim = cm.analyze(_unnamed(independent=True))["c"]
        assert (2, ()) == (claim.independent_origins, claim.independent[0].reasons)

    def test_named_speakers_through_one_relay_stay_apart(self) -> None:
        value = bundle(
            [org("reuters"), person("a"), person("b")],
            [says("a1", "a", via=("reuters",)), says("a2", "b", via=("reuters",))],
        )
        assert 2 == cm.analyze(value)["c"].independent_origins

    def test_the_dependency_is_listed(self) -> None:
        kinds = [dependency.kind for dependency in cm.dependencies(_unnamed())]
        assert [cm.DependencyKind.UNNAMED_VIA_SAME_RELAY] == kinds

    def test_report_and_json_show_why(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        text = " ".join(_report(tmp_path, _unnamed(), capsys).split())
        assert "one origin: a senior official and two people familiar with the matter" in text
        (claim,) = _report_json(tmp_path, _unnamed(), capsys)
        assert 1 == claim["independent_origins"]
        assert "Reuters" in claim["origins"][0]["reasons"][0]

    def test_on_the_wire(self) -> None:
        value = _unnamed(independent=True)
        data = cm.to_data(value)
        assert {"count": 2, "ground_rule": "anonymity"} == {
            key: data["sources"][1][key] for key in ("count", "ground_rule")
        }
        assert data["sources"][2]["independent"] is True
        assert value == cm.loads(cm.dumps(value))
        assert [
            "$.sources[1].count",
            "$.sources[1].ground_rule",
            "$.sources[2].ground_rule",
            "$.sources[2].independent",
        ] == _refused_in_1_0(value)

    @pytest.mark.parametrize("count", [0, -1, True, 1.0])
    def test_count_is_a_positive_integer(self, count: object) -> None:
        with pytest.raises((InvalidValueError, TypeError)):
            cm.AnonymousSource(id="x", count=count)  # type: ignore[arg-type]


# -- 7. presupposed and inferred assertions -----------------------------------------------


def _presupposed() -> cm.Bundle:
    return bundle(
        [person("a"), person("b"), person("c")],
        [
            says("a1", "a"),
            attrs.evolve(says("a2", "b"), mode=cm.AssertionMode.PRESUPPOSED),
            attrs.evolve(says("a3", "c"), mode=cm.AssertionMode.PRESUPPOSED),
        ],
    )


class TestPresupposition:
    """Backing by presupposition or inference is counted, and reported apart."""

    def test_counts_by_mode(self) -> None:
        claim = cm.analyze(_presupposed())["c"]
        assert (3, 1, 2, 0) == (
            claim.independent_origins,
            claim.stated_origins,
            claim.presupposed_origins,
            claim.inferred_origins,
        )
        assert claim.verdict == (
            "3 independent origins (A, B, C); 3 assertions back it (2 presupposed)"
        )

    def test_an_origin_that_also_states_it_states_it(self) -> None:
        value = bundle(
            [person("a")],
            [attrs.evolve(says("a1", "a"), mode=cm.AssertionMode.INFERRED), says("a2", "a")],
        )
        assert cm.AssertionMode.STATED == cm.analyze(value)["c"].independent[0].mode

    def test_report_and_json_show_it(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        text = _report(tmp_path, _presupposed(), capsys)
        assert "  origin 2: B (assertion a2), presupposed\n" in text
        assert "  3 assertions by 3 sources: 3 assertions back it (2 presupposed)\n" in text
        (claim,) = _report_json(tmp_path, _presupposed(), capsys)
        assert (1, 2, 0) == (
            claim["stated_origins"],
            claim["presupposed_origins"],
            claim["inferred_origins"],
        )
        assert ["stated", "presupposed", "presupposed"] == [o["mode"] for o in claim["origins"]]

    def test_on_the_wire(self) -> None:
        value = _presupposed()
        assert "presupposed" == cm.to_data(value)["assertions"][1]["mode"]
        assert "mode" not in cm.to_data(value)["assertions"][0]
        assert value == cm.loads(cm.dumps(value))
        assert ["$.assertions[1].mode", "$.assertions[2].mode"] == _refused_in_1_0(value)


# -- 4. quotation -------------------------------------------------------------------------


class TestQuotation:
    """Evidence says how it reports the words, in what language, and the original words."""

    def test_round_trip_and_new_in_1_1(self) -> None:
        evidence = cm.Evidence(
            quote="the project is moving forward",
            quotation=cm.Quotation.INDIRECT,
            language="en",
            original="проект продвигается",
            original_language="ru",
        )
        value = bundle([person("a")], [attrs.evolve(says("a1", "a"), evidence=(evidence,))])
        assert {
            "quote": "the project is moving forward",
            "quotation": "indirect",
            "language": "en",
            "original": "проект продвигается",
            "original_language": "ru",
        } == cm.to_data(value)["assertions"][0]["evidence"][0]
        assert value == cm.loads(cm.dumps(value))
        assert [
            "$.assertions[0].evidence[0].quotation",
            "$.assertions[0].evidence[0].language",
            "$.assertions[0].evidence[0].original",
            "$.assertions[0].evidence[0].original_language",
        ] == _refused_in_1_0(value)

    def test_local_checks(self) -> None:
        with pytest.raises(InvalidValueError, match="a quotation needs the quoted words"):
            cm.Evidence(url="https://example.org/", quotation=cm.Quotation.DIRECT)
        with pytest.raises(InvalidValueError, match="original_language"):
            cm.Evidence(quote="yes", original_language="ru")


class TestCueSpans:
    """The cues of attributions and links have spans, checked against the document."""

    TEXT = "The sculptor told RIA Novosti the project was going ahead."

    def _bundle(self, attribution: cm.Attribution) -> cm.Bundle:
        return cm.Bundle(
            document="article",
            sources=(
                cm.Document(id="article", text=self.TEXT),
                cm.Person(id="sculptor"),
                cm.MediaOutlet(id="ria"),
            ),
            claims=(cm.Claim(id="c", text="It is going ahead."),),
            assertions=(attrs.evolve(says("a1", "sculptor"), attribution=attribution),),
        )

    def test_spans_that_cover_their_cue_pass(self) -> None:
        told = cm.Span(start=13, end=17)
        attribution = cm.Attribution(
            source="sculptor",
            cue="told",
            cue_span=told,
            chain=(cm.Link(source="ria", channel=cm.Channel.INTERVIEW, cue="told", cue_span=told),),
        )
        value = self._bundle(attribution)
        assert [] == _codes(value)
        assert {"start": 13, "end": 17} == cm.to_data(value)["assertions"][0]["attribution"][
            "cue_span"
        ]
        assert value == cm.loads(cm.dumps(value))

    def test_a_mismatch_and_a_span_outside_the_text_are_reported(self) -> None:
        attribution = cm.Attribution(
            source="sculptor",
            cue="confirmed",
            cue_span=cm.Span(start=13, end=17),
            chain=(
                cm.Link(
                    source="ria", channel=cm.Channel.INTERVIEW, cue_span=cm.Span(start=50, end=90)
                ),
            ),
        )
        assert [
            ("CM601", "$.assertions[0].attribution.chain[0].cue_span"),
            ("CM604", "$.assertions[0].attribution.cue"),
        ] == _codes(self._bundle(attribution))


# -- 8. estimated dates of the record itself ----------------------------------------------


class TestEstimatedPublication:
    """A publication date nobody states says so, and findings that lean on it say so too."""

    def test_the_example_says_its_date_is_estimated(self, example_path: Path) -> None:
        value = cm.loads(example_path.read_bytes())
        assert (cm.DateCertainty.ESTIMATED, cm.DateCertainty.ESTIMATED) == (
            value.published_certainty,
            value.document_source.published_certainty if value.document_source else None,
        )

    def test_a_finding_that_leans_on_it_says_so(self) -> None:
        late = says("a1", "a", when="2026-01")
        for certainty, caveat in (
            (None, False),
            (cm.DateCertainty.ESTIMATED, True),
            (cm.DateCertainty.ASSUMED, True),
        ):
            value = attrs.evolve(
                bundle([person("a")], [late]),
                published=cm.PartialDate(year=2025, month=11),
                published_certainty=certainty,
            )
            (finding,) = cm.validate(value)
            assert ("CM501", caveat) == (finding.code, "not stated" in finding.message)
            if certainty is not None:
                assert f"is {certainty.value}" in finding.message

    def test_the_document_source_speaks_when_the_bundle_does_not(self) -> None:
        article = cm.Document(
            id="article",
            published=cm.PartialDate(year=2025),
            published_certainty=cm.DateCertainty.ESTIMATED,
        )
        value = attrs.evolve(
            bundle([person("a"), article], [says("a1", "a", when="2026", via=("article",))]),
            document="article",
        )
        assert all("is estimated" in f.message for f in cm.validate(value) if f.code == "CM501")

    def test_a_certainty_needs_its_date(self) -> None:
        with pytest.raises(InvalidValueError, match="qualifies published"):
            cm.Bundle(published_certainty=cm.DateCertainty.ESTIMATED)
        with pytest.raises(InvalidValueError, match="qualifies published"):
            cm.Document(id="d", published_certainty=cm.DateCertainty.ASSUMED)

    def test_on_the_wire(self) -> None:
        value = cm.Bundle(
            published=cm.PartialDate(year=2025, month=11, day=25),
            published_certainty=cm.DateCertainty.ASSUMED,
        )
        assert "assumed" == cm.to_data(value)["published_certainty"]
        assert value == cm.loads(cm.dumps(value))
        assert ["$.published_certainty"] == _refused_in_1_0(value)


# -- 6. bounded and relative dates --------------------------------------------------------

_PUBLISHED = cm.PartialDate(year=2025, month=11, day=25)


class TestBoundedDates:
    """A statement dated by its bounds, read from words and checked against the rest."""

    @pytest.mark.parametrize(
        ("phrase", "expected"),
        [
            ("before July", (None, "2025-06")),
            ("after 14 July 2025", ("2025-07-15", None)),
            ("by October", (None, "2025-10")),
            ("since June 2024", ("2024-06", None)),
            ("between March and May", ("2025-03", "2025-05")),
            ("from 2023 to 2024", ("2023", "2024")),
            ("previously", (None, "2025-11-25")),
            ("earlier this year", ("2025", "2025-11-25")),
            ("last year", ("2024", "2024")),
            ("last month", ("2025-10", "2025-10")),
            ("before January", (None, "2024-12")),
        ],
    )
    def test_phrases(self, phrase: str, expected: tuple[str | None, str | None]) -> None:
        earliest, latest = cm.parse_date_bounds(phrase, reference=_PUBLISHED)
        assert expected == (
            None if earliest is None else str(earliest),
            None if latest is None else str(latest),
        )

    def test_relative_phrases_need_a_reference(self) -> None:
        with pytest.raises(InvalidValueError, match="give a reference date"):
            cm.parse_date_bounds("previously")
        with pytest.raises(InvalidValueError, match="is not a bounded date"):
            cm.parse_date_bounds("once upon a time", reference=_PUBLISHED)

    def test_on_the_wire(self) -> None:
        earliest, latest = cm.parse_date_bounds("between March and May", reference=_PUBLISHED)
        value = bundle(
            [person("a")], [attrs.evolve(says("a1", "a"), earliest=earliest, latest=latest)]
        )
        data = cm.to_data(value)["assertions"][0]
        assert ("2025-03", "2025-05") == (data["earliest"], data["latest"])
        assert value == cm.loads(cm.dumps(value))
        assert ["$.assertions[0].earliest", "$.assertions[0].latest"] == _refused_in_1_0(value)

    def test_validation_uses_the_bounds(self) -> None:
        def found(**changes: Any) -> list[tuple[str, str]]:
            statement = attrs.evolve(says("a1", "a", via=("b",)), **changes)
            value = attrs.evolve(bundle([person("a"), org("b")], [statement]), published=_PUBLISHED)
            return [f for f in _codes(value) if f[0] != "CM106"]

        year = cm.PartialDate.fromisoformat
        assert [("CM505", "$.assertions[0].latest")] == found(
            earliest=year("2025-05"), latest=year("2025-03")
        )
        assert [("CM506", "$.assertions[0].date")] == found(
            date=year("2025-07"), latest=year("2025-06")
        )
        assert [("CM501", "$.assertions[0].earliest")] == found(earliest=year("2026"))
        late_relay = (cm.Link(source="b", date=year("2025-01")),)
        relayed = attrs.evolve(says("a1", "a").attribution, chain=late_relay)
        assert [("CM503", "$.assertions[0].attribution.chain[0].date")] == found(
            attribution=relayed, earliest=year("2025-03")
        )
        assert [] == found(date=year("2025-04"), earliest=year("2025-03"), latest=year("2025-05"))

    def test_analysis_reads_the_bounds_of_an_undated_statement(self) -> None:
        ended = cm.Affiliation(
            kind=cm.AffiliationKind.EMPLOYED_BY, target="b", end=cm.PartialDate(year=2019)
        )
        value = bundle(
            [person("a", ended), org("b")],
            [
                attrs.evolve(says("a1", "a"), earliest=cm.PartialDate(year=2023)),
                says("a2", "b", when="2024"),
            ],
        )
        assert 2 == cm.analyze(value)["c"].independent_origins
