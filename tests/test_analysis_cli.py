"""``claimmodel report``: a block per claim for people, a list of objects for programs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

import claimmodel as cm
from analysis_helpers import LIKELY, bundle, org, person, says
from claimmodel.cli import main

if TYPE_CHECKING:
    import pytest


def _write(path: Path, value: cm.Bundle) -> str:
    path.write_text(cm.dumps(value), encoding="utf-8")
    return str(path)


class TestReportText:
    """The text report fits 80 columns and ends each claim's block with its verdict."""

    def test_example_fits_and_ends_in_verdicts(
        self, example_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert 0 == main(["report", str(example_path)])
        out = capsys.readouterr().out
        analysis = cm.analyze(cm.loads(example_path.read_bytes()))
        blocks = out.split("\n\n")[1:-1]  # after the title, before the summary
        verdicts = [" ".join(block.split("verdict: ", 1)[1].split()) for block in blocks]
        assert ([], [c.verdict for c in analysis.values()]) == (
            [line for line in out.splitlines() if len(line) > 80],
            verdicts,
        )

    def test_example_single_origin_verdict(
        self, example_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        main(["report", str(example_path)])
        block = next(b for b in capsys.readouterr().out.split("\n\n") if b.startswith("nk-fought"))
        verdict = " ".join(block.split("verdict: ", 1)[1].split())
        assert verdict.startswith(
            "1 independent origin (Andrei Belyushikov + Sergey Lavrov + Ministry of Defense of "
            "the Russian Federation + Russian officials), an interested party (Government of "
            "the Russian Federation); 4 assertions back it (3 presupposed)"
        )

    def test_graded_claims_are_not_unjudgeable(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        high = cm.Confidence.parse("high", scale="icd203-confidence")
        unknown = cm.Confidence.cannot_be_judged()
        graded = bundle([person("p")], [says("a", "p", confidence=high)])
        assert 0 == main(["report", _write(tmp_path / "graded.json", graded)])
        assert "confidence: high [icd203-confidence]; who judged it is not stated" in (
            capsys.readouterr().out
        )
        unjudged = bundle([person("p")], [says("a", "p", confidence=unknown)])
        assert 0 == main(["report", _write(tmp_path / "unjudged.json", unjudged)])
        assert f"confidence: {unknown}; who judged it is not stated" in (capsys.readouterr().out)

    def test_files_are_merged(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        first = _write(tmp_path / "a.json", bundle([person("a")], [says("1", "a")]))
        second = _write(tmp_path / "b.json", bundle([person("b")], [says("2", "b")]))
        assert 0 == main(["report", first, second])
        out = capsys.readouterr().out
        assert "verdict: 2 independent origins (A, B); 2 assertions back it" in out

    def test_summary_lists_contradictions(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        value = bundle(
            [person("a"), person("b")], [says("1", "a"), says("2", "b", stance=cm.Stance.DENIES)]
        )
        main(["report", _write(tmp_path / "a.json", value)])
        tail = capsys.readouterr().out.splitlines()[-2:]
        assert [
            "1 claim; 1 single-origin; 1 contradicted",
            "  contradicted: c: asserted by A; opposed by B",
        ] == tail


class TestReportJson:
    """``--format json`` prints one object per claim with the agreed keys."""

    def test_keys_and_counts(self, example_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        assert 0 == main(["report", "--format", "json", str(example_path)])
        data = json.loads(capsys.readouterr().out)
        fought = next(item for item in data if item["claim"] == "nk-fought")
        analysis = cm.analyze(cm.loads(example_path.read_bytes()))["nk-fought"]
        expected = {
            "claim": "nk-fought",
            "text": analysis.text,
            "assertions": len(analysis.assertions),
            "independent_origins": 1,
            "single_origin": True,
            "verdict": analysis.verdict,
        }
        assert expected == {key: fought[key] for key in expected}

    def test_origins_are_listed(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        value = bundle([person("a")], [says("1", "a")])
        main(["report", "--format", "json", _write(tmp_path / "a.json", value)])
        (item,) = json.loads(capsys.readouterr().out)
        assert [
            {
                "sources": ["a"],
                "names": ["A"],
                "assertions": ["1"],
                "stances": ["asserts"],
                "mode": "stated",
                "reasons": [],
                "interested": [],
            }
        ] == item["origins"]


class TestReportErrors:
    """Bad input gives a message and an exit code, never a traceback."""

    def test_the_same_local_id_in_two_files_is_two_sources(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        first = _write(tmp_path / "a.json", bundle([person("a")], [says("1", "a")]))
        other = cm.Person(id="a", name="Other")
        second = _write(tmp_path / "b.json", bundle([other], [says("2", "a")]))
        assert 0 == main(["report", first, second])
        out, err = capsys.readouterr()
        assert "" == err
        assert "verdict: 2 independent origins (A, Other); 2 assertions back it" in out

    def test_conflicts_are_reported_and_strict_fails(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        # The same bundle id: one record, whose two versions disagree about source a.
        first = _write(tmp_path / "a.json", attrs.evolve(bundle([person("a")], []), id="r"))
        changed = bundle([cm.Person(id="a", name="Other")], [])
        second = _write(tmp_path / "b.json", attrs.evolve(changed, id="r"))
        assert 0 == main(["report", first, second])
        assert (
            "claimmodel report: conflict: source r/a and r/a: the same id with different"
            in capsys.readouterr().err
        )
        assert 1 == main(["report", "--strict", first, second])
        assert "cannot merge: source r/a and r/a:" in capsys.readouterr().err

    def test_unreadable_exits_2(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        assert 2 == main(["report", str(tmp_path / "missing.json")])
        assert "cannot read" in capsys.readouterr().err

    def test_invalid_exits_1(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        path = tmp_path / "bad.json"
        path.write_text('{"format": "claimmodel/1.0", "sources": 3}', encoding="utf-8")
        assert 1 == main(["report", str(path)])
        assert "bad.json: $" in capsys.readouterr().err


def _block(out: str, claim: str = "c") -> str:
    """The report's block for ``claim``, its wrapped lines joined."""
    block = next(b for b in out.split("\n\n") if b.startswith(claim + "\n"))
    return block.replace("\n    ", " ")


class TestReportWording:
    """The report says only what the record supports: backing apart from the other stances,
    questioning apart from contradiction, routes in travel order, who judged the confidence."""

    def _mixed(self) -> cm.Bundle:
        presupposed = cm.AssertionMode.PRESUPPOSED
        return bundle(
            [person(name) for name in ("a", "b", "c", "wire", "critic", "press")],
            [
                says("1", "a"),
                attrs.evolve(says("2", "b"), mode=presupposed),
                attrs.evolve(says("3", "c"), mode=presupposed),
                says("4", "wire", stance=cm.Stance.REPORTS),
                says("5", "critic", stance=cm.Stance.QUESTIONS),
                says("6", "press", stance=cm.Stance.DECLINES_TO_COMMENT),
            ],
        )

    def test_backing_is_counted_apart_from_what_only_speaks_of_it(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert 0 == main(["report", _write(tmp_path / "mixed.json", self._mixed())])
        block = _block(capsys.readouterr().out)
        assert "  6 assertions by 6 sources: 3 assertions back it (2 presupposed)\n" in block
        assert block.endswith(
            "verdict: 3 independent origins (A, B, C); 3 assertions back it (2 presupposed); "
            "reported by Wire; questioned by Critic; declined to comment: Press"
        )
        assert "  questioned by: Critic (assertion 5)\n" in block

    def test_questioning_is_not_contradiction(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert 0 == main(["report", _write(tmp_path / "mixed.json", self._mixed())])
        out = capsys.readouterr().out
        assert "1 claim; 0 single-origin; 0 contradicted; 1 questioned\n" == out.split("\n\n")[-1]
        assert "contradict" not in _block(out)
        denied = bundle(
            [person("a"), person("b"), person("d")],
            [
                says("1", "a"),
                says("2", "b", stance=cm.Stance.QUESTIONS),
                says("3", "d", stance=cm.Stance.DISPUTES),
            ],
        )
        main(["report", _write(tmp_path / "disputed.json", denied)])
        summary = capsys.readouterr().out.split("\n\n")[-1]
        assert (
            "1 claim; 1 single-origin; 1 contradicted; 1 questioned\n"
            "  contradicted: c: asserted by A; opposed by D\n"
        ) == summary

    def test_relays_in_the_order_the_statement_travelled(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        relayed = cm.Assertion(
            id="a1",
            claim="c",
            attribution=cm.Attribution(
                source="sculptor",
                chain=(
                    cm.Link(source="wire", channel=cm.Channel.INTERVIEW),
                    cm.Link(source="article", channel=cm.Channel.PUBLICATION),
                ),
            ),
            confidence=LIKELY,
        )
        sources: list[cm.Source] = [
            cm.Person(id="sculptor", name="Sculptor"),
            cm.MediaOutlet(id="wire", name="Agency"),
            cm.Document(id="article", name="Article"),
        ]
        value = attrs.evolve(bundle(sources, [relayed]), document="article")
        assert 0 == main(["report", _write(tmp_path / "relayed.json", value)])
        block = _block(capsys.readouterr().out)
        assert (
            "  relayed: Sculptor -[interview]-> Agency -[publication]-> Article (assertion a1)\n"
        ) in block
        (route,) = cm.analyze(value)["c"].routes
        assert (("sculptor", "wire", "article"), ("a1",)) == (route.sources, route.assertions)

    def test_confidence_shows_level_scale_band_and_assessor(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        judged = attrs.evolve(LIKELY, assessor="desk")
        doubtful = cm.Confidence(
            scale="icd203",
            level="unlikely",
            probability=cm.Interval(low=0.2, high=0.45),
            assessor="desk",
        )
        value = bundle(
            [person("a"), person("b"), org("desk")],
            [says("1", "a", confidence=judged), says("2", "b", confidence=doubtful)],
        )
        assert 0 == main(["report", _write(tmp_path / "judged.json", value)])
        block = capsys.readouterr().out
        assert (
            "  confidence: 20%–80% over 2 judgements\n"
            "    likely [icd203] (55%–80%), judged by DESK (assertion 1)\n"
            "    unlikely [icd203] (20%–45%), judged by DESK (assertion 2)\n"
        ) in block
        one = bundle([person("a"), org("desk")], [says("1", "a", confidence=judged)])
        main(["report", _write(tmp_path / "one.json", one)])
        assert "  confidence: likely [icd203] (55%–80%), judged by DESK\n" in _block(
            capsys.readouterr().out
        )


class TestInvalidBundles:
    """``report`` gives no verdict on a bundle with validation errors; ``show`` says so."""

    def _ghost(self, tmp_path: Path) -> str:
        return _write(tmp_path / "ghost.json", bundle([person("a")], [says("1", "nobody")]))

    def test_report_says_so_and_prints_nothing(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = self._ghost(tmp_path)
        assert 1 == main(["report", path])
        out, err = capsys.readouterr()
        assert ("", 1) == (out, len(err.splitlines()))
        assert err.startswith(f"claimmodel report: {path}: 1 validation error (first: CM")
        assert err.endswith(f"run `claimmodel validate {path}` to see them\n")

    def test_show_says_so_and_shows_the_record(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = self._ghost(tmp_path)
        assert 0 == main(["show", path])
        out, err = capsys.readouterr()
        assert "nobody (unknown source)" in out
        assert [f"run `claimmodel validate {path}` to see them"] == [
            line.split("; ", 1)[1] for line in err.splitlines()
        ]

    def test_a_corpus_line_is_named_by_its_number(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        good = bundle([person("a")], [says("1", "a")])
        bad = bundle([person("a")], [says("1", "nobody")])
        corpus = tmp_path / "corpus.jsonl"
        corpus.write_text(cm.dumps_line(good) + "\n" + cm.dumps_line(bad) + "\n", encoding="utf-8")
        assert 1 == main(["report", str(corpus)])
        out, err = capsys.readouterr()
        assert ("", f"claimmodel report: {corpus}:2: 1 validation error") == (
            out,
            err.split(" (", 1)[0],
        )

    def test_warnings_alone_do_not_stop_the_report(
        self, example_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert cm.validate(cm.loads(example_path.read_bytes())).warnings
        assert 0 == main(["report", str(example_path)])
        assert "" == capsys.readouterr().err


class TestReportJudgements:
    """``--format json`` says whether the claim is judged, and by whom on which scale."""

    def test_judged_and_judgements(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        unknown = cm.Confidence.cannot_be_judged(scale="icd203", assessor="desk")
        value = bundle([person("a"), org("desk")], [says("1", "a", confidence=unknown)])
        main(["report", "--format", "json", _write(tmp_path / "a.json", value)])
        (item,) = json.loads(capsys.readouterr().out)
        assert (False, None) == (item["judged"], item["confidence"])
        assert [
            {
                "scale": "icd203",
                "level": cm.CANNOT_BE_JUDGED,
                "probability": None,
                "assessor": "desk",
                "assertions": ["1"],
            }
        ] == item["judgements"]
        assert (["1"], [], [], 0, False) == (
            item["backing"],
            item["presupposed"],
            item["inferred"],
            item["questioning"],
            item["contradicted"],
        )
