"""Mutation testing: which small changes to the code the tests fail to notice.

Runs mutmut (``pip install mutmut``) over one group of modules with that group's own
tests, in a scratch copy of the project, so neither the work tree nor the configuration
changes.  Prints mutmut's summary and each surviving mutant's name; ``--show`` prints
their diffs too.  docs/contributing.md records the scores and the survivors judged
equivalent (changes no test could notice, because behaviour does not change).

    python scripts/mutation.py rules               # validation/_dates.py, _references.py
    python scripts/mutation.py dates --show        # one module, with the survivors' diffs
    python scripts/mutation.py all                 # model, format, validation, analysis
    python scripts/mutation.py --list

Mutation testing runs the group's tests once per mutant: expect minutes per module on
two cores, and run one group at a time.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_VALIDATION_TESTS = ("tests/test_validation.py", "tests/test_validation_rules.py")
_ANALYSIS_TESTS = (
    "tests/test_analysis.py",
    "tests/test_analysis_merge.py",
    "tests/test_calendar_ends.py",
    "tests/test_analysis_pins.py",
)

_SCALES = (
    "src/claimmodel/model/_scale.py",
    "src/claimmodel/model/_scales.py",
    "src/claimmodel/model/_convert.py",
)
_MODEL_TESTS = (
    "tests/test_model.py",
    "tests/test_model_pins.py",
    "tests/test_hardening.py",
    "tests/test_calendar_ends.py",
    "tests/test_statements.py",  # bounded and relative dates, derived claim ids
    "tests/test_claim_contents.py",  # quantities
    "tests/test_verdicts.py",
    "tests/test_evidence.py",
    "tests/test_declared_scales.py",
)
_FORMAT_TESTS = (
    "tests/test_format.py",
    "tests/test_format_pins.py",
    "tests/test_format_versions.py",
    "tests/test_fast.py",
    "tests/test_hostile_corpus.py",
    "tests/test_hostile_limits.py",
)

# name: (modules to mutate, modules left alone, the tests that own them)
GROUPS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "dates": (
        ("src/claimmodel/validation/_dates.py",),
        (),
        (*_VALIDATION_TESTS, "tests/test_calendar_ends.py"),
    ),
    "references": (("src/claimmodel/validation/_references.py",), (), _VALIDATION_TESTS),
    "rules": (
        ("src/claimmodel/validation/_dates.py", "src/claimmodel/validation/_references.py"),
        (),
        (*_VALIDATION_TESTS, "tests/test_calendar_ends.py"),
    ),
    "checks": (
        (
            "src/claimmodel/validation/_attribution.py",
            "src/claimmodel/validation/_confidence.py",
            "src/claimmodel/validation/_verdicts.py",
        ),
        (),
        (*_VALIDATION_TESTS, "tests/test_validation_checks.py"),
    ),
    "findings": (
        (
            "src/claimmodel/validation/_context.py",
            "src/claimmodel/validation/_hedges.py",
            "src/claimmodel/validation/_orphans.py",
            "src/claimmodel/validation/_quantities.py",
            "src/claimmodel/validation/_review.py",
            "src/claimmodel/validation/_spans.py",
            "src/claimmodel/validation/_validate.py",
        ),
        (),
        (
            *_VALIDATION_TESTS,
            "tests/test_validation_checks.py",
            "tests/test_validation_findings.py",
            "tests/test_claim_contents.py",
            "tests/test_statements.py",
            "tests/test_cues_draft.py",
        ),
    ),
    "reporting": (
        ("src/claimmodel/validation/_registry.py", "src/claimmodel/validation/_report.py"),
        (),
        ("tests/test_validation.py", "tests/test_validation_report.py"),
    ),
    "validation": (
        ("src/claimmodel/validation/*",),
        (),
        (
            *_VALIDATION_TESTS,
            "tests/test_calendar_ends.py",
            "tests/test_hardening.py",
            "tests/test_validation_checks.py",
            "tests/test_validation_findings.py",
            "tests/test_validation_report.py",
            "tests/test_claim_contents.py",
            "tests/test_statements.py",
            "tests/test_cues_draft.py",
        ),
    ),
    "origins": (
        ("src/claimmodel/analysis/_origins.py",),
        (),
        _ANALYSIS_TESTS,
    ),
    "dependencies": (
        ("src/claimmodel/analysis/_dependencies.py", "src/claimmodel/analysis/_parties.py"),
        (),
        (*_ANALYSIS_TESTS, "tests/test_claim_contents.py"),
    ),
    "facts": (
        (
            "src/claimmodel/analysis/_evidence.py",
            "src/claimmodel/analysis/_figures.py",
            "src/claimmodel/analysis/_merge.py",
            "src/claimmodel/analysis/_same.py",
            "src/claimmodel/analysis/_verdicts.py",
        ),
        (),
        (
            *_ANALYSIS_TESTS,
            "tests/test_claim_contents.py",
            "tests/test_evidence.py",
            "tests/test_verdicts.py",
        ),
    ),
    "analyze": (
        ("src/claimmodel/analysis/_analyze.py",),
        (),
        (
            *_ANALYSIS_TESTS,
            "tests/test_claim_contents.py",
            "tests/test_evidence.py",
            "tests/test_verdicts.py",
            "tests/test_statements.py",
        ),
    ),
    "analysis": (
        ("src/claimmodel/analysis/*",),
        (),
        (
            *_ANALYSIS_TESTS,
            "tests/test_claim_contents.py",
            "tests/test_evidence.py",
            "tests/test_verdicts.py",
            "tests/test_statements.py",
        ),
    ),
    # The scales' modules (_scale.py, _scales.py, _convert.py) are measured on their own,
    # with their property tests: docs/contributing.md, "The confidence scales".
    "model-dates": (
        ("src/claimmodel/model/_dates.py", "src/claimmodel/model/_bounds.py"),
        (),
        _MODEL_TESTS,
    ),
    "model-values": (
        ("src/claimmodel/model/*",),
        (*_SCALES, "src/claimmodel/model/_dates.py", "src/claimmodel/model/_bounds.py"),
        _MODEL_TESTS,
    ),
    "model": (("src/claimmodel/model/*",), _SCALES, _MODEL_TESTS),
    "format-codec": (("src/claimmodel/format/_codec.py",), (), _FORMAT_TESTS),
    "format-converter": (("src/claimmodel/format/_converter.py",), (), _FORMAT_TESTS),
    "format-wire": (
        (
            "src/claimmodel/format/_envelope.py",
            "src/claimmodel/format/_errors.py",
            "src/claimmodel/format/_limits.py",
            "src/claimmodel/format/_shape.py",
        ),
        (),
        _FORMAT_TESTS,
    ),
    "format-fast": (("src/claimmodel/format/_fast.py",), (), _FORMAT_TESTS),
    "format": (("src/claimmodel/format/*",), (), _FORMAT_TESTS),
}


# mutmut's progress line: done/total, then killed, no tests, timeout, suspicious,
# survived and skipped, each after its emoji.
_COUNTS = re.compile(
    r"(\d+)/(\d+)\s+\S+ (\d+)\s+\S+ (\d+)\s+\S+ (\d+)\s+\S+ (\d+)\s+\S+ (\d+)\s+\S+ (\d+)"
)


def _config(modules: tuple[str, ...], spared: tuple[str, ...], tests: tuple[str, ...]) -> str:
    def strings(items: tuple[str, ...] | list[str]) -> str:
        return "[" + ", ".join(f'"{item}"' for item in items) + "]"

    return (
        "\n[tool.mutmut]\n"
        'source_paths = ["src"]\n'
        f"only_mutate = {strings(modules)}\n"
        f"do_not_mutate = {strings(spared)}\n"
        f"pytest_add_cli_args_test_selection = {strings(tests)}\n"
        # Coverage and its floor belong to the whole suite, not to a group's tests; property
        # tests are left out: each mutant reruns the tests, and they are slow and random.
        # mutmut runs the tests in its own process: -n 0 keeps them there.
        'pytest_add_cli_args = ["--no-cov", "-n", "0", "-p", "no:cacheprovider", "-q", '
        '"-m", "not hypothesis"]\n'
        'also_copy = ["examples", "docs", "conftest.py"]\n'
    )


def _scratch_copy(
    modules: tuple[str, ...], spared: tuple[str, ...], tests: tuple[str, ...], into: Path
) -> None:
    for part in ("src", "tests", "examples", "docs"):
        shutil.copytree(
            ROOT / part, into / part, ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
        )
    for name in ("conftest.py", "README.md"):
        shutil.copy2(ROOT / name, into / name)
    pyproject = (ROOT / "pyproject.toml").read_text("utf-8")
    pyproject = re.sub(r"(?ms)^\[tool\.mutmut\].*?(?=^\[|\Z)", "", pyproject)
    (into / "pyproject.toml").write_text(pyproject + _config(modules, spared, tests), "utf-8")


def run(group: str, *, show: bool, keep: bool) -> int:
    """Mutate ``group`` in a scratch copy; print the summary and the survivors."""
    modules, spared, tests = GROUPS[group]
    scratch = Path(tempfile.mkdtemp(prefix=f"claimmodel-mutation-{group}-"))
    try:
        _scratch_copy(modules, spared, tests, scratch)
        # The mutated copy must come first on the path, before an editable install; the
        # folder exists before Python starts, or its import finder would be cached as absent.
        (scratch / "mutants" / "src").mkdir(parents=True)
        env = {**os.environ, "PYTHONPATH": str(scratch / "mutants" / "src")}
        mutmut = [sys.executable, "-m", "mutmut"]
        ran = subprocess.run(
            [*mutmut, "run"], cwd=scratch, env=env, check=False, capture_output=True, text=True
        )
        counts = _COUNTS.findall(ran.stdout)
        if not counts:
            print(ran.stdout[-3000:], ran.stderr[-3000:], sep="\n")
            return 1
        done, total, killed, _, timeouts, suspicious, survived, skipped = map(int, counts[-1])
        detected = killed + timeouts
        print(
            f"{group}: {done}/{total} mutants run; {killed} killed, {timeouts} timed out, "
            f"{suspicious} suspicious, {survived} survived, {skipped} skipped; "
            f"score {detected / max(done - skipped, 1):.1%}"
        )
        results = subprocess.run(
            [*mutmut, "results"], cwd=scratch, env=env, check=False, capture_output=True, text=True
        )
        survivors = [
            line.split(":")[0].strip()
            for line in results.stdout.splitlines()
            if line.strip().endswith(("survived", "no tests"))
        ]
        print(f"surviving mutants: {len(survivors)}")
        for name in survivors:
            print(f"  {name}")
            if show:
                shown = subprocess.run(
                    [*mutmut, "show", name],
                    cwd=scratch,
                    env=env,
                    check=False,
                    capture_output=True,
                    text=True,
                )
                print(shown.stdout)
        return 0
    finally:
        if keep:
            print(f"scratch copy kept in {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)


ALL = ("model", "format", "validation", "analysis")
"""The groups ``all`` runs, one after the other: every module of these four layers."""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "group", nargs="?", choices=[*sorted(GROUPS), "all"], help="the modules to mutate"
    )
    parser.add_argument("--list", action="store_true", help="list the groups and exit")
    parser.add_argument("--show", action="store_true", help="print each survivor's diff")
    parser.add_argument("--keep", action="store_true", help="keep the scratch copy")
    args = parser.parse_args()
    if args.list or args.group is None:
        for name, (modules, _, tests) in GROUPS.items():
            print(f"{name}: {', '.join(modules)}\n    tests: {', '.join(tests)}")
        print(f"all: the groups {', '.join(ALL)}, one after the other")
        return 0
    groups = ALL if args.group == "all" else (args.group,)
    return max(run(group, show=args.show, keep=args.keep) for group in groups)


if __name__ == "__main__":
    sys.exit(main())
