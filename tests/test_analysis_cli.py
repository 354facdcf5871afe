"""``claimmodel report``: a block per claim for people, a list of objects for programs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

import claimmodel as cm
from analysis_helpers import bundle, person, says
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
        assert ([], [c.verdict for c in analysis]) == (
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
            "1 independent origin (Andrei Belyushikov + Sergey Lavrov + Russian officials) "
            "across 5 assertions"
        )

    def test_graded_claims_are_not_unjudgeable(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        high = cm.Confidence.parse("high", scale="icd203-confidence")
        unknown = cm.Confidence.cannot_be_judged()
        graded = bundle([person("p")], [says("a", "p", confidence=high)])
        assert 0 == main(["report", _write(tmp_path / "graded.json", graded)])
        assert "confidence: graded, no probability stated" in capsys.readouterr().out
        unjudged = bundle([person("p")], [says("a", "p", confidence=unknown)])
        assert 0 == main(["report", _write(tmp_path / "unjudged.json", unjudged)])
        assert "confidence: cannot be judged" in capsys.readouterr().out

    def test_files_are_merged(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        first = _write(tmp_path / "a.json", bundle([person("a")], [says("1", "a")]))
        second = _write(tmp_path / "b.json", bundle([person("b")], [says("2", "b")]))
        assert 0 == main(["report", first, second])
        out = capsys.readouterr().out
        assert "verdict: 2 independent origins (A, B) across 2 assertions" in out

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
        assert "verdict: 2 independent origins (A, Other) across 2 assertions" in out

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
