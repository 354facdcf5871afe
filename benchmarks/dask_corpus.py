"""Corroborating a corpus on Dask: throughput on 1 and 2 workers beside one process.

Run from the repository root, with the dask extra installed:

    python benchmarks/dask_corpus.py                     # 1,000,000 assertions (tens of minutes)
    python benchmarks/dask_corpus.py --assertions 5000   # a smoke run in a minute

The corpus is written once into a temporary folder, as ``--files`` JSON Lines files of
records about one generated world (``tests/corpus_helpers.py``: people and bodies that
recur across records under colliding local ids, joined by their Wikidata ids; dated
employment; claims that recur by wording; translations, retractions, figures), with a
claim for every ``--claims-per-assertion`` assertions and a person for every 100.

Every contender runs in a fresh interpreter, so the collector's work and the peak
resident memory (``ru_maxrss``) are charged to whoever made the garbage:

- *one process*: ``iter_lines``, ``for_corroboration``, ``merge_corpus``, ``analyze``
  (what ``claimmodel report`` does), the reference the others are held to;
- *Dask, N workers*: ``corroborate(Corpus.json_lines(...)).compute()`` on a
  ``LocalCluster`` of N worker processes with one thread each, the whole ``Analysis``
  assembled in the client. Workers have no memory limit unless ``--memory-limit`` gives
  one (``400MiB``, say): each then spills the task outputs it holds beyond 60 % of it to
  disk (Dask's defaults), and is neither paused nor restarted past it (the registry's
  worker holds the registry, which is not spilled). Each worker's peak is its own
  process's ``ru_maxrss``, read from the worker once the computation is done; a thread
  on each worker samples its resident memory every 50 ms and, at its highest, what it
  held by step (Dask's measure of the task outputs in memory), what ran and how much it
  had spilled. The cluster's start is not timed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent / "tests"))

from corpus_helpers import World, bundle_data  # noqa: E402  (the path is set up first)

_SINGLE = """
import json, resource, sys, time
import claimmodel as cm
from claimmodel.corpus import for_corroboration, iter_lines, merge_corpus
paths = json.loads(sys.argv[1])
start = time.perf_counter()
bundles, names = [], []
for path in paths:
    for line in iter_lines(path, name=path):
        bundles.append(for_corroboration(line.bundle))
        names.append(f"{line.name}:{line.number}")
merged = merge_corpus(bundles, names=names)
bundles.clear()
analysis = cm.analyze(merged.bundle)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "claims": len(analysis), "peak_kib": peak,
                  "assertions": len(merged.bundle.assertions)}))
"""

_DASK = """
import json, logging, resource, sys, threading, time
from collections import defaultdict
import dask
from dask.utils import key_split
from distributed import Client, LocalCluster, get_task_stream
from claimmodel.corpus.dask import Corpus, corroborate

def peak():
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

def watch(dask_worker):
    # Every 50 ms: the process's resident memory and, at its highest, what the worker held
    # in memory by step (Dask's own estimate, sizeof), what it had spilled and what ran.
    import psutil
    process, seen, steps = psutil.Process(), {"rss": 0, "spilled": 0}, {}
    seen["steps"] = steps
    dask_worker.claimmodel_watch = seen
    def sample():
        while not seen.get("stop"):
            rss = process.memory_info().rss
            try:
                for ts in list(dask_worker.state.executing):
                    step = key_split(ts.key)
                    steps[step] = max(steps.get(step, 0), rss)
            except RuntimeError:
                pass
            data = dask_worker.data
            spilled = getattr(getattr(data, "spilled_total", None), "disk", 0)
            seen["spilled"] = max(seen["spilled"], spilled)
            if rss > seen["rss"]:
                held = defaultdict(int)
                try:
                    fast = getattr(data, "fast", data)
                    for ts in list(dask_worker.state.tasks.values()):
                        if ts.state == "memory" and ts.key in fast:
                            held[key_split(ts.key)] += ts.nbytes
                    running = sorted(key_split(ts.key) for ts in list(dask_worker.state.executing))
                except RuntimeError:  # changed while read: the next sample
                    continue
                seen.update(rss=rss, held=dict(held), running=running)
            time.sleep(0.05)
    threading.Thread(target=sample, daemon=True).start()

def watched(dask_worker):
    seen = dask_worker.claimmodel_watch
    seen["stop"] = True
    held = sorted(seen.get("held", {}).items(), key=lambda kv: -kv[1])[:4]
    return {"peak_kib": peak(), "rss": seen["rss"], "spilled": seen["spilled"],
            "held": held, "running": seen.get("running", []),
            "steps": sorted(seen["steps"].items(), key=lambda kv: -kv[1])}

if __name__ == "__main__":
    paths, workers, blocksize = json.loads(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    limit = sys.argv[4]
    # With a memory limit, a worker spills the task outputs it holds beyond 60 % of it (by
    # Dask's measure) or when the process passes 70 %; it is neither paused nor restarted,
    # for the registry's worker holds the registry, which cannot be spilled, beyond it.
    dask.config.set({"distributed.worker.memory.pause": False,
                     "distributed.worker.memory.terminate": False})
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      memory_limit=limit, dashboard_address=":0",
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        client.run(lambda: None)  # the workers are up
        client.run(watch)
        corpus = Corpus.json_lines(paths, blocksize=blocksize)
        start = time.perf_counter()
        with get_task_stream() as stream:
            analysis = corroborate(corpus).compute()
        seconds = time.perf_counter() - start
        seen = sorted(client.run(watched).values(), key=lambda found: found["peak_kib"])
    # Seconds of work by step, from the task stream (the names of the functions run).
    steps = defaultdict(float)
    for task in stream.data:
        name = task["key"][0] if isinstance(task["key"], tuple) else task["key"]
        step = str(name)
        step = step.split("-")[0] if step.startswith("_") else step.rsplit("-", 1)[0]
        for span in task["startstops"]:
            if span["action"] == "compute":
                steps[step] += span["stop"] - span["start"]
    print(json.dumps({"seconds": seconds, "claims": len(analysis), "parts": len(corpus.parts),
                      "worker_peaks_kib": [found["peak_kib"] for found in seen],
                      "workers": seen, "client_peak_kib": peak(),
                      "steps": dict(sorted(steps.items(), key=lambda kv: -kv[1])[:8])}))
"""


def write_corpus(
    folder: Path, assertions: int, files: int, claims_per_assertion: float
) -> dict[str, Any]:
    """Write records until there are ``assertions`` assertions; return what was written."""
    statements = max(48, int(assertions * claims_per_assertion))
    world = World(0, people=max(16, assertions // 100), statements=statements)
    bundles = written = 0
    paths = [folder / f"part-{number}.jsonl" for number in range(files)]
    handles = [path.open("w", encoding="utf-8", newline="\n") for path in paths]
    try:
        while written < assertions:
            data = bundle_data(world, bundles)
            handles[bundles % files].write(json.dumps(data, separators=(",", ":")) + "\n")
            written += len(data["assertions"])
            bundles += 1
    finally:
        for handle in handles:
            handle.close()
    size = sum(path.stat().st_size for path in paths)
    return {
        "paths": [str(p) for p in paths],
        "bundles": bundles,
        "assertions": written,
        "bytes": size,
    }


def measure(code: str, *arguments: str) -> dict[str, Any]:
    """Run ``code`` in a fresh interpreter and return what it printed last (JSON)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    done = subprocess.run(
        [sys.executable, "-c", code, *arguments],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _row(assertions: int, name: str, seconds: float, peak: str, claims: int) -> None:
    print(
        f"| {name} | {seconds:,.1f} s | {assertions / seconds:,.0f} | {peak} | {claims:,} |",
        flush=True,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assertions", type=int, default=1_000_000)
    parser.add_argument("--files", type=int, default=8)
    parser.add_argument("--blocksize", type=int, default=32 * 2**20)
    parser.add_argument("--claims-per-assertion", type=float, default=0.1)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--without-single", action="store_true", help="skip the one-process run")
    parser.add_argument(
        "--memory-limit",
        default="0",
        help="each worker's memory_limit (e.g. 400MiB; 0, the default: none)",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        corpus = write_corpus(Path(folder), args.assertions, args.files, args.claims_per_assertion)
        print(
            f"corpus: {corpus['assertions']:,} assertions in {corpus['bundles']:,} records, "
            f"{args.files} files, {corpus['bytes'] / 2**20:,.0f} MiB, written in "
            f"{time.perf_counter() - started:.0f} s",
            flush=True,
        )
        paths = json.dumps(corpus["paths"])
        rows: list[tuple[str, float, str, int]] = []
        print("| run | time | assertions/s | peak RSS per process | claims |", flush=True)
        print("|---|---|---|---|---|", flush=True)
        if not args.without_single:
            single = measure(_SINGLE, paths)
            rows.append(
                (
                    "one process",
                    single["seconds"],
                    f"{single['peak_kib'] / 1024:,.0f} MiB",
                    single["claims"],
                )
            )
            _row(corpus["assertions"], *rows[-1])
        for workers in args.workers:
            result = measure(_DASK, paths, str(workers), str(args.blocksize), args.memory_limit)
            peaks = ", ".join(f"{kib / 1024:,.0f}" for kib in result["worker_peaks_kib"])
            steps = ", ".join(f"{name} {spent:,.1f} s" for name, spent in result["steps"].items())
            print(f"Dask, {workers} workers: work by step: {steps}", flush=True)
            for seen in result["workers"]:
                held = ", ".join(f"{step} {size / 2**20:,.1f}" for step, size in seen["held"])
                print(
                    f"  a worker at its highest ({seen['rss'] / 2**20:,.0f} MiB resident): "
                    f"held {held or 'nothing'} MiB (Dask's estimate), running "
                    f"{', '.join(seen['running']) or 'nothing'}; spilled at most "
                    f"{seen['spilled'] / 2**20:,.1f} MiB",
                    flush=True,
                )
                highest = ", ".join(f"{step} {rss / 2**20:,.0f}" for step, rss in seen["steps"])
                print(f"    its highest while running each step: {highest} MiB", flush=True)
            rows.append(
                (
                    f"Dask, {workers} worker{'s' if workers > 1 else ''} ({result['parts']} parts)",
                    result["seconds"],
                    f"{peaks} MiB (client {result['client_peak_kib'] / 1024:,.0f} MiB)",
                    result["claims"],
                )
            )
            _row(corpus["assertions"], *rows[-1])
    if len({claims for *_, claims in rows}) != 1:
        print("claims differ between runs", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
