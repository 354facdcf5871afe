"""Streaming a JSON Lines corpus: iter_load + validate throughput and peak memory.

Run from the repository root:

    python benchmarks/corpus.py                          # 1,000,000 assertions (minutes)
    python benchmarks/corpus.py --assertions 2000 --report-assertions 2000 \
        --parquet-assertions 2000                        # a smoke run in seconds

It also runs ``claimmodel report --format json`` over a smaller corpus
(``--report-assertions``), which must keep what corroboration needs of every
bundle until the last is read, and prints its time and peak memory per assertion;
and, with the arrow extra, converts a corpus (``--parquet-assertions``) to
Parquet and reads it back.

The corpus is written once into a temporary folder: bundles of ``--per-bundle``
assertions of the shape ``benchmarks/_bundles.py`` generates, each with an id of
its own.  Each measurement then runs in a fresh interpreter, so its peak resident
memory (``ru_maxrss``) is its own: the figure printed beside it is the same
interpreter's resident memory after importing claimmodel and decoding one
bundle, before the stream starts.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from _bundles import bundle_data  # noqa: E402  (the path is set up first)

# What the child interpreter runs: stream the corpus, validating each bundle.
_VALIDATE = """
import json, resource, sys, time
import claimmodel
path = sys.argv[1]
first = next(claimmodel.iter_load(path))
claimmodel.validate(first)
baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
bundles = assertions = errors = 0
for bundle in claimmodel.iter_load(path):
    report = claimmodel.validate(bundle)
    bundles += 1
    assertions += len(bundle.assertions)
    errors += len(report.errors)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"bundles": bundles, "assertions": assertions, "errors": errors,
                  "seconds": seconds, "baseline_kib": baseline, "peak_kib": peak}))
"""


# What the child interpreter runs for the report: the command line, output discarded.
_REPORT = """
import contextlib, io, json, resource, sys, time
from claimmodel.cli import main
baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
with contextlib.redirect_stdout(io.StringIO()) as out:
    status = main(["report", "--format", "json", sys.argv[1]])
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
claims = len(json.loads(out.getvalue()))
print(json.dumps({"status": status, "claims": claims, "seconds": seconds,
                  "baseline_kib": baseline, "peak_kib": peak}))
"""


# JSON Lines to Parquet and back, a batch at a time (the arrow extra).
_PARQUET = """
import json, os, resource, sys, tempfile, time
import claimmodel
from claimmodel.interop import arrow
baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
with tempfile.TemporaryDirectory() as folder:
    start = time.perf_counter()
    bundles = arrow.write_parquet(claimmodel.iter_load(sys.argv[1]), folder)
    written = time.perf_counter() - start
    size = sum(os.path.getsize(os.path.join(folder, name)) for name in os.listdir(folder))
    start = time.perf_counter()
    assertions = sum(len(bundle.assertions) for bundle in arrow.read_parquet(folder))
    read = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"bundles": bundles, "assertions": assertions, "written": written,
                  "read": read, "size": size, "baseline_kib": baseline, "peak_kib": peak}))
"""


def write_corpus(path: Path, assertions: int, per_bundle: int) -> tuple[int, int]:
    """Write the corpus; return its bundle count and size in bytes."""
    count = max(1, assertions // per_bundle)
    with path.open("w", encoding="utf-8", newline="\n") as file:
        for index in range(count):
            data: dict[str, Any] = bundle_data(per_bundle, seed=index)
            data["id"] = f"wire-{index}"
            file.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
            file.write("\n")
    return count, path.stat().st_size


def measure(path: Path, code: str = _VALIDATE) -> dict[str, Any]:
    """Run ``code`` on the corpus in a fresh interpreter and return what it measured."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assertions", type=int, default=1_000_000)
    parser.add_argument("--per-bundle", type=int, default=100)
    parser.add_argument("--report-assertions", type=int, default=100_000)
    parser.add_argument("--parquet-assertions", type=int, default=100_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "corpus.jsonl"
        started = time.perf_counter()
        bundles, size = write_corpus(path, args.assertions, args.per_bundle)
        print(
            f"corpus: {bundles:,} bundles of {args.per_bundle} assertions, "
            f"{size / 2**20:,.1f} MiB, written in {time.perf_counter() - started:.1f} s"
        )
        result = measure(path)
    seconds = result["seconds"]
    print("| operation | assertions | time | assertions/s | bundles/s | MiB/s | peak RSS |")
    print("|---|---|---|---|---|---|---|")
    print(
        f"| iter_load + validate | {result['assertions']:,} | {seconds:.1f} s "
        f"| {result['assertions'] / seconds:,.0f} | {result['bundles'] / seconds:,.0f} "
        f"| {size / 2**20 / seconds:.2f} "
        f"| {result['peak_kib'] / 1024:,.0f} MiB (after the first bundle: "
        f"{result['baseline_kib'] / 1024:,.0f} MiB) |"
    )
    print(f"validation errors found: {result['errors']:,}")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "corpus.jsonl"
        bundles, size = write_corpus(path, args.report_assertions, args.per_bundle)
        report = measure(path, _REPORT)
    assertions = bundles * args.per_bundle
    grown = (report["peak_kib"] - report["baseline_kib"]) * 1024
    print(
        f"| report --format json | {assertions:,} | {report['seconds']:.1f} s "
        f"| {assertions / report['seconds']:,.0f} | {bundles / report['seconds']:,.0f} "
        f"| {size / 2**20 / report['seconds']:.2f} "
        f"| {report['peak_kib'] / 1024:,.0f} MiB ({grown / assertions:,.0f} B per assertion "
        f"over the {report['baseline_kib'] / 1024:,.0f} MiB at start) |"
    )
    print(f"report: exit status {report['status']}, {report['claims']:,} claims")
    if importlib.util.find_spec("pyarrow") is None:
        print("parquet: skipped (the arrow extra, pyarrow, is not installed)")
        return 0
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "corpus.jsonl"
        bundles, size = write_corpus(path, args.parquet_assertions, args.per_bundle)
        parquet = measure(path, _PARQUET)
    assertions = parquet["assertions"]
    peak = f"{parquet['peak_kib'] / 1024:,.0f} MiB"
    for name, seconds in (
        ("iter_load + write_parquet", parquet["written"]),
        ("read_parquet", parquet["read"]),
    ):
        print(
            f"| {name} | {assertions:,} | {seconds:.1f} s | {assertions / seconds:,.0f} "
            f"| {bundles / seconds:,.0f} | {size / 2**20 / seconds:.2f} | {peak} |"
        )
    print(f"parquet: {parquet['size'] / 2**20:,.1f} MiB for {size / 2**20:,.1f} MiB of JSON Lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
