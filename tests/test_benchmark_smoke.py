"""The benchmark still runs: its quick mode, end to end, and its judgement of the targets
on figures given by hand (nothing here is timed)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "run.py"


def _module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("claimmodel_benchmark_run", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    path = list(sys.path)
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path[:] = path  # the script puts its own folder first
    return module


RUN = _module()


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
            "| operation | 200: charged | bare |",
            "| decode: stix2 parse |",
            "| pipeline: loads, validate, analyze, dumps |",
            "| control: control loop",
            "| memory |",
            "import claimmodel:",
            "added to a bare interpreter start",
            "| target (charged figures) |",
        ):
            assert heading in done.stdout

    def test_check_exits_as_the_targets_say(self) -> None:
        done = _run("--check")
        assert "Traceback" not in done.stderr
        met = "every target met" in done.stdout
        missed = [line for line in done.stdout.splitlines() if line.startswith("target ")]
        assert (0 if met else 1, not met) == (done.returncode, bool(missed))

    def test_runs_without_the_optional_alternatives(self) -> None:
        done = _run("--without", "pydantic", "msgspec", "stix2", "orjson")
        assert (0, False) == (done.returncode, "Traceback" in done.stderr)
        assert "skipped: pydantic is not installed" in done.stdout


def _figures(charged: float, *, to_pydantic: float | None = None) -> dict[str, float]:
    row = {"charged": charged, "bare": charged, "charged_ratio": 0.5, "bare_ratio": 0.5}
    if to_pydantic is not None:
        row["to_pydantic"] = to_pydantic
    return row


def _summary(*, decode: float, growth: float) -> dict[int, dict[str, dict[str, float]]]:
    """Figures at 1,000 and 100,000 assertions: decode ``decode`` times pydantic's, and
    validate's time per assertion ``growth`` times larger at the larger size."""
    summary: dict[int, dict[str, dict[str, float]]] = {}
    for size, per in ((1000, 1.0), (100_000, growth)):
        summary[size] = {
            RUN.LOADS: _figures(1.0, to_pydantic=decode),
            RUN.DUMPS: _figures(1.0, to_pydantic=1.1),
            RUN.VALIDATE: _figures(per * size / 1000),
            RUN.ANALYZE: _figures(size / 1000),
            RUN.PIPELINE: _figures(size / 1000),
        }
    return summary


MEMORY = {n: {"retained": 1900.0, "peak": 3000.0, "ratio": 1.58} for n in (1000, 100_000)}
USE: dict[str, Any] = {"load": 0.05, "cli": 0.12, "loaded": []}


class TestCheck:
    """``--check`` fails exactly when a target is missed or was not measured, naming it."""

    def test_every_target_met(self) -> None:
        found = RUN.targets(_summary(decode=0.9, growth=1.2), MEMORY, USE)
        assert (0, [f"every target met ({len(found)})"]) == RUN.check(found)

    def test_a_slower_decode_is_named(self) -> None:
        status, lines = RUN.check(RUN.targets(_summary(decode=1.1, growth=1.2), MEMORY, USE))
        assert (
            1,
            [
                "target missed: 1,000: decode no slower than pydantic (1.10x)",
                "target missed: 100,000: decode no slower than pydantic (1.10x)",
            ],
        ) == (
            status,
            lines,
        )

    def test_growth_is_per_assertion_of_the_charged_time(self) -> None:
        status, lines = RUN.check(RUN.targets(_summary(decode=0.9, growth=1.4), MEMORY, USE))
        expected = [
            (
                "target missed: claimmodel.validate: time per assertion at 100,000 within 1.3x "
                "of 1,000 (1.40x)"
            )
        ]
        assert (1, expected) == (status, lines)

    def test_first_use_and_memory(self) -> None:
        use = {**USE, "cli": 0.2, "loaded": ["msgspec"]}
        memory = {**MEMORY, 1000: {"retained": 2100.0, "peak": 3800.0, "ratio": 1.81}}
        _, lines = RUN.check(RUN.targets(_summary(decode=0.9, growth=1.0), memory, use))
        assert [
            "target missed: 1,000: ≤2 KB retained per assertion (2.10 KB)",
            "target missed: 1,000: decode peak ≤1.7x retained (1.81x)",
            "target missed: claimmodel validate on the example ≤150 ms (200.00 ms)",
            (
                "target missed: import claimmodel loads none of jsonschema, hypothesis, orjson, "
                "msgspec (loaded: msgspec)"
            ),
        ] == lines

    def test_an_alternative_not_installed_is_not_a_target_met(self) -> None:
        summary = _summary(decode=0.9, growth=1.0)
        for size in summary:
            del summary[size][RUN.LOADS]["to_pydantic"]
        status, lines = RUN.check(RUN.targets(summary, MEMORY, USE))
        assert 1 == status
        assert "target not measured: 1,000: decode no slower than pydantic (not measured)" in lines


class TestRatios:
    """Ratios are taken within each round, then their median: not a ratio of medians."""

    def test_median_of_per_round_ratios(self) -> None:
        assert 1.0 == RUN.median_ratio([1.0, 2.0, 3.0], [1.0, 1.0, 6.0])

    def test_summary_against_the_group_reference(self) -> None:
        cases = [
            RUN.Case(RUN.LOADS, "decode", object, charged=[2.0, 4.0, 2.0], bare=[1.0, 2.0, 1.0]),
            RUN.Case("other", "decode", object, charged=[1.0, 4.0, 3.0], bare=[1.0, 1.0, 1.0]),
        ]
        found = RUN.summarize(cases)["other"]
        assert {"charged": 3.0, "bare": 1.0, "charged_ratio": 1.0, "bare_ratio": 1.0} == found


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
