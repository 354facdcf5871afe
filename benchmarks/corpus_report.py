"""`claimmodel report` on a JSON Lines corpus: peak memory and time against corpus size.

Run from the repository root (under ``nice -n 19`` on a shared machine):

    python benchmarks/corpus_report.py                         # 10,000, 50,000, 100,000 records
    python benchmarks/corpus_report.py --records 2000 5000     # a smoke run

For each size a corpus of generated records (``tests/corpus_helpers.py``: people and
bodies recurring across records under colliding local ids and joined by their Wikidata
ids, dated employment, outlets, unnamed officials, claims recurring by wording,
translations, retractions, figures; a person for every 20 records and a claim for every
2) is written to a temporary file, and each contender runs in a fresh interpreter, so
that its peak resident memory (``ru_maxrss``) is its own:

- *two passes*: ``claimmodel report --format json`` as it runs on a corpus (the registry
  of sources and claims, then each claim's assertions; ``claimmodel.corpus._corroborate``),
  its output sent to ``/dev/null``;
- *in memory*: what it did before, and still does for ``--format html``: every bundle
  validated and kept by ``for_corroboration``, ``merge_corpus``, ``analyze``, the JSON
  printed claim by claim;
- *registry*: the first pass alone under ``tracemalloc``, to weigh the registry: the
  memory it holds once built, and the first pass's peak (the skeletons of every record and
  their merge), per source mention read;
- *second pass*: the second pass alone under ``tracemalloc``, over the built registry:
  its peak above what the registry holds, per claim, beside the number of assertions of
  the claim with the most (the contributions of one claim at a time are what it holds).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent / "tests"))

from dask_corpus import measure  # noqa: E402  (a fresh interpreter per measurement)

from corpus_helpers import World, bundle_data  # noqa: E402  (the path is set up first)

_TWO_PASSES = """
import json, os, resource, sys, time
from claimmodel.cli import main
start = time.perf_counter()
status = main(["report", "--format", "json", "-o", os.devnull, sys.argv[1]])
seconds = time.perf_counter() - start
assert status == 0, status
print(json.dumps({"seconds": seconds,
                  "peak_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""

_IN_MEMORY = """
import json, os, resource, sys, time
import claimmodel as cm
from claimmodel.cli._report import claim_data
from claimmodel.corpus import for_corroboration, iter_lines, merge_corpus
start = time.perf_counter()
bundles, names = [], []
for line in iter_lines(sys.argv[1], name=sys.argv[1]):
    assert not cm.validate(line.bundle).errors  # as the report checks every record
    bundles.append(for_corroboration(line.bundle))
    names.append(f"{line.name}:{line.number}")
merged = merge_corpus(bundles, names=names)
bundles.clear()
analysis = cm.analyze(merged.bundle)
with open(os.devnull, "w") as out:
    for claim in analysis.values():
        out.write(json.dumps(claim_data(claim, merged.bundle), indent=2))
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "claims": len(analysis),
                  "assertions": len(merged.bundle.assertions),
                  "peak_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""

_REGISTRY = """
import json, sys, tracemalloc
from claimmodel.corpus import iter_lines
from claimmodel.corpus._corroborate import registry_of

mentions = 0
def records():
    global mentions
    for line in iter_lines(sys.argv[1], name=sys.argv[1]):
        mentions += len(line.bundle.sources)
        yield f"{line.name}:{line.number}", line.bundle

tracemalloc.start()
registry = registry_of(records())
held, peak = tracemalloc.get_traced_memory()
print(json.dumps({"held": held, "peak": peak, "mentions": mentions,
                  "sources": len(registry.record.names), "claims": len(registry.order)}))
"""

_SECOND_PASS = """
import gc, json, sys, tracemalloc
from claimmodel.corpus import iter_lines
from claimmodel.corpus._corroborate import analyses, registry_of

def records():
    for line in iter_lines(sys.argv[1], name=sys.argv[1]):
        yield f"{line.name}:{line.number}", line.bundle

registry = registry_of(records())
gc.collect()
tracemalloc.start()
held = tracemalloc.get_traced_memory()[0]
claims = largest = 0
for claim, assertions in analyses(registry, records()):
    claims += 1
    largest = max(largest, len(assertions))
    del claim, assertions
peak = tracemalloc.get_traced_memory()[1]
print(json.dumps({"above": peak - held, "claims": claims, "largest": largest}))
"""


def write_corpus(path: Path, records: int) -> dict[str, Any]:
    """Write ``records`` records about one world to ``path``; return what was written."""
    world = World(0, people=max(16, records // 20), statements=max(48, records // 2))
    assertions = 0
    with path.open("w", encoding="utf-8", newline="\n") as file:
        for index in range(records):
            data = bundle_data(world, index)
            file.write(json.dumps(data, separators=(",", ":")) + "\n")
            assertions += len(data["assertions"])
    return {"assertions": assertions, "bytes": path.stat().st_size}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, nargs="+", default=[10_000, 50_000, 100_000])
    parser.add_argument(
        "--runs",
        nargs="+",
        choices=["two-passes", "in-memory", "registry", "second-pass"],
        default=["two-passes", "in-memory", "registry", "second-pass"],
    )
    args = parser.parse_args(argv)
    print(
        "| records | assertions | MiB | two passes: time, peak | in memory: time, peak "
        "| registry per source mention: held, first pass's peak "
        "| second pass: peak above the registry, per claim (largest claim) |",
        flush=True,
    )
    print("|---|---|---|---|---|---|---|", flush=True)
    for records in args.records:
        cells = dict.fromkeys(("two-passes", "in-memory", "registry", "second-pass"), "not run")
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "corpus.jsonl"
            corpus = write_corpus(path, records)
            for run, code in (("two-passes", _TWO_PASSES), ("in-memory", _IN_MEMORY)):
                if run in args.runs:
                    found = measure(code, str(path))
                    cells[run] = f"{found['seconds']:,.0f} s, {found['peak_kib'] / 1024:,.0f} MiB"
            if "registry" in args.runs:
                found = measure(_REGISTRY, str(path))
                mentions = found["mentions"]
                cells["registry"] = (
                    f"{found['held'] / mentions:,.0f} B, {found['peak'] / mentions:,.0f} B "
                    f"({mentions:,} mentions, {found['sources']:,} sources)"
                )
            if "second-pass" in args.runs:
                found = measure(_SECOND_PASS, str(path))
                cells["second-pass"] = (
                    f"{found['above'] / 2**20:,.1f} MiB, {found['above'] / found['claims']:,.0f} "
                    f"B ({found['claims']:,} claims; {found['largest']:,} assertions)"
                )
        print(
            f"| {records:,} | {corpus['assertions']:,} | {corpus['bytes'] / 2**20:,.0f} "
            f"| {cells['two-passes']} | {cells['in-memory']} | {cells['registry']} "
            f"| {cells['second-pass']} |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    started = time.perf_counter()
    status = main()
    print(f"done in {time.perf_counter() - started:,.0f} s", file=sys.stderr)
    sys.exit(status)
