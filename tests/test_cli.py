"""The command line: exit codes, one line per problem, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import claimmodel as cm
from claimmodel.cli import main


def _write(tmp_path: Path, name: str, content: str | bytes) -> str:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


def _valid_bundle() -> cm.Bundle:
    return cm.Bundle(
        title="Two claims",
        document="doc",
        published=cm.PartialDate(year=2025, month=11, day=25),
        sources=(cm.Document(id="doc", name="The report"), cm.Person(id="p", name="A. Person")),
        claims=(
            cm.Claim(id="c1", text="The bridge is closed"),
            cm.Claim(id="c2", text="Unasserted"),
        ),
        assertions=(
            cm.Assertion(
                id="a1",
                claim="c1",
                attribution=cm.Attribution(
                    source="p",
                    cue="said",
                    chain=(
                        cm.Link(
                            source="doc",
                            channel=cm.Channel.INTERVIEW,
                            date=cm.PartialDate(year=2025, month=7),
                        ),
                    ),
                ),
                confidence=cm.Confidence(
                    scale="icd203",
                    level="likely",
                    probability=cm.Interval(low=0.55, high=0.8),
                    assessor="doc",
                    basis="eyewitness",
                ),
                hedges=(
                    cm.Hedge(
                        cue="reportedly", category=cm.HedgeCategory.REPORTATIVE, voiced_by="doc"
                    ),
                ),
                date=cm.PartialDate(year=2025, month=7),
            ),
            cm.Assertion(
                id="a2",
                claim="c-elsewhere",
                attribution=cm.Attribution(source="doc"),
                confidence=cm.Confidence.cannot_be_judged(),
                stance=cm.Stance.DENIES,
            ),
        ),
    )


class TestValidate:
    """`claimmodel validate` exits 0, 1 or 2 and prints one line per problem."""

    def test_valid_files(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        full = _valid_bundle()
        clean = attrs.evolve(full, claims=full.claims[:1], assertions=full.assertions[:1])
        one = _write(tmp_path, "one.json", cm.dumps(clean))
        two = _write(tmp_path, "two.json", cm.dumps(cm.Bundle()))
        assert 0 == main(["validate", one, two])
        assert "" == capsys.readouterr().out

    def test_invalid_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        data = cm.to_data(_valid_bundle())
        data["assertions"][0]["confidence"]["level"] = 3
        data["claims"][0]["colour"] = "red"
        bad = _write(tmp_path, "bad.json", json.dumps(data))
        good = _write(tmp_path, "good.json", cm.dumps(cm.Bundle()))
        assert 1 == main(["validate", good, bad])
        lines = capsys.readouterr().out.splitlines()
        assert [
            (
                f"{bad}: $.claims[0].colour: CM001 error: unknown key 'colour'; allowed here: "
                "text, subject, predicate, object, polarity, language, parties, quantity, id, "
                "draft, or an x_… extension key"
            ),
            (
                f"{bad}: $.assertions[0].confidence.level: CM001 error: expected a string, "
                "got an integer"
            ),
        ] == lines

    @pytest.mark.parametrize("content", ["{", b"\xff\xfe", ""])
    def test_not_json_exits_2(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | bytes
    ) -> None:
        path = _write(tmp_path, "broken.json", content)
        assert 2 == main(["validate", path])
        captured = capsys.readouterr()
        assert captured.out.startswith(f"{path}: $: CM002 error: ")
        assert "Traceback" not in captured.err

    def test_missing_file_exits_2(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        missing = str(tmp_path / "missing.json")
        assert 2 == main(["validate", missing])
        assert f"{missing}: $: CM002 error: cannot read" in capsys.readouterr().out

    def test_unreadable_beats_invalid(self, tmp_path: Path) -> None:
        bad = _write(tmp_path, "bad.json", "[]")
        broken = _write(tmp_path, "broken.json", "{")
        assert 2 == main(["validate", bad, broken])

    def test_usage_error_exits_2(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert 2 == main(["validate"])
        assert "usage" in capsys.readouterr().err


class TestShow:
    """`claimmodel show` summarises each claim with its assertions."""

    def test_summary(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        path = _write(tmp_path, "one.json", cm.dumps(_valid_bundle()))
        assert 0 == main(["show", path])
        out = capsys.readouterr().out
        assert out.startswith("Two claims\n")
        assert "c1: The bridge is closed" in out
        assert '[a1] A. Person (person) asserts ("said"), 2025-07' in out
        assert "via: A. Person -> The report [interview, 2025-07]" in out
        assert 'hedges: "reportedly" reportative, voiced by The report' in out
        assert "confidence: likely [icd203] (55%–80%), assessed by The report" in out
        assert "basis: eyewitness" in out
        assert "c2: Unasserted\n  (no assertions)" in out
        assert "c-elsewhere: (claim not in this bundle)" in out
        assert "cannot be judged [probability]" in out

    def test_invalid_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        path = _write(tmp_path, "bad.json", '{"format": "claimmodel/9.0"}')
        assert 1 == main(["show", path])
        assert "$.format" in capsys.readouterr().err

    def test_unreadable(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        assert 2 == main(["show", str(tmp_path / "nope.json")])
        assert "cannot read" in capsys.readouterr().err


class TestEntryPoints:
    """`python -m claimmodel` runs the same command line."""

    def test_module_entry_point(self, tmp_path: Path) -> None:
        path = _write(tmp_path, "bad.json", "[1]")
        result = subprocess.run(
            [sys.executable, "-m", "claimmodel", "validate", path],
            capture_output=True,
            text=True,
            check=False,
        )
        assert 1 == result.returncode
        expected = f"{path}: $: CM001 error: a bundle is a JSON object, not an array\n"
        assert expected == result.stdout
        assert "Traceback" not in result.stderr

    def test_help(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert 0 == main(["--help"])
        assert "validate" in capsys.readouterr().out
