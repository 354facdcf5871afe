"""The benchmark still runs: its quick mode, end to end (no timing is checked)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "run.py"


def _run(*arguments: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--quick", *arguments],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env=env,
    )


class TestQuickMode:
    """``benchmarks/run.py --quick`` measures, reports and judges every target."""

    def test_runs_and_reports_every_section(self) -> None:
        done = _run()
        assert (0, False) == (done.returncode, "Traceback" in done.stderr)
        for heading in (
            "| operation |",
            "| memory |",
            "import claimmodel:",
            "wall clock",
            "| target |",
        ):
            assert heading in done.stdout

    def test_runs_without_the_optional_alternatives(self) -> None:
        done = _run("--without", "pydantic", "msgspec", "stix2", "orjson")
        assert (0, False) == (done.returncode, "Traceback" in done.stderr)
        assert "skipped: pydantic is not installed" in done.stdout


CORPUS_SCRIPT = SCRIPT.parent / "corpus.py"


class TestCorpusBenchmark:
    """``benchmarks/corpus.py`` writes, streams and reports a small corpus end to end."""

    def test_small_corpus(self) -> None:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
        done = subprocess.run(
            [
                sys.executable,
                str(CORPUS_SCRIPT),
                "--assertions",
                "300",
                "--report-assertions",
                "300",
                "--parquet-assertions",
                "300",
                "--per-bundle",
                "100",
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
            env=env,
        )
        assert (0, "") == (done.returncode, done.stderr)
        assert "| iter_load + validate | 300 |" in done.stdout
        assert "| report --format json | 300 |" in done.stdout
        assert "report: exit status 0" in done.stdout
        assert "| read_parquet | 300 |" in done.stdout


STIX_SCRIPT = SCRIPT.parent / "stix.py"


class TestStixBenchmark:
    """``benchmarks/stix.py`` exports, imports and compares a small bundle end to end."""

    def test_smoke(self) -> None:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
        done = subprocess.run(
            [sys.executable, str(STIX_SCRIPT), "--assertions", "50"],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
            env=env,
        )
        assert (0, "") == (done.returncode, done.stderr)
        assert "| 50 |" in done.stdout
