"""claimmodel against the JSON floor and the alternatives a user would pick.

Run from the repository root (on a shared machine, under ``nice -n 19``):

    python benchmarks/run.py            # 1,000 and 100,000 assertions (about 20 minutes)
    python benchmarks/run.py --quick    # a smoke run in seconds (what CI runs)
    python benchmarks/run.py --check    # exit 1, naming each target missed

It needs the ``benchmark`` extra (pydantic, msgspec, orjson, stix2); a missing
alternative is reported as skipped (and, under ``--check``, as a target not met).

Every operation pays for the garbage it leaves: it is timed followed by a full
collection, inside its timing (the *charged* figure; the *bare* figure stops
the clock before the collection).  The harness freezes its own fixtures
(``gc.freeze``) so that a collection traverses only what the call made.  All
operations of one size run interleaved in one process, the order rotating each
round; each ratio is taken within a round, and the table gives the median of
those per-round ratios.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
try:
    import claimmodel
except ImportError:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT / "src"))
    import claimmodel

from _alternatives import (  # noqa: E402  (the path is set up first)
    msgspec_codec,
    pydantic_bundle,
    stix_parse,
    stix_serialize,
    stix_text,
)
from _bundles import bundle_data  # noqa: E402

from claimmodel.format import _fast  # noqa: E402
from claimmodel.format._converter import converter  # noqa: E402
from claimmodel.format._limits import DEFAULT_LIMITS  # noqa: E402

HEAVY = ("jsonschema", "hypothesis", "orjson", "msgspec", "pydantic", "dateutil")
DEFERRED = ("jsonschema", "hypothesis", "orjson", "msgspec")
EXAMPLE = ROOT / "examples" / "kursk-monument.json"

# What each group's ratios are taken against, within a round.
REFERENCE = {
    "decode": "claimmodel.loads",
    "encode": "claimmodel.dumps",
    "check": "claimmodel.loads",
    "pipeline": "claimmodel.loads",
    "control": "claimmodel.loads",
}
LOADS, DUMPS = "claimmodel.loads", "claimmodel.dumps"
PYDANTIC_DECODE, PYDANTIC_ENCODE = "pydantic model_validate_json", "pydantic model_dump_json"
VALIDATE, ANALYZE = "claimmodel.validate", "claimmodel.analyze"
PIPELINE = "loads, validate, analyze, dumps"
CONTROL = "control loop (touch every assertion)"


@dataclass
class Case:
    """One timed operation: its charged and bare time in each round."""

    name: str
    group: str  # "decode", "encode", "check", "pipeline", "control"
    run: Callable[[], object]
    charged: list[float] = field(default_factory=list)
    bare: list[float] = field(default_factory=list)


def _available(module: str) -> bool:
    try:
        importlib.import_module(module)
    except ImportError:
        return False
    return True


def reference_decode(text: str) -> object:
    """The cattrs converter alone, with the collector running (the path before tuning)."""
    data = json.loads(text)
    body = {k: v for k, v in data.items() if k != "format"}
    return converter.structure(body, claimmodel.Bundle)


def paused_decode(text: str) -> object:
    """The cattrs converter alone (``from_data``), with the collector paused at any size."""
    with _fast.gc_paused():
        return claimmodel.from_data(json.loads(text))


def fast_decode(text: str) -> object:
    """The fast engine with the collector running (what pausing it buys)."""
    data = json.loads(text)
    body = {k: v for k, v in data.items() if k != "format"}
    return _fast.structure_bundle(body, DEFAULT_LIMITS, consume=True)


def reference_encode(bundle: claimmodel.Bundle) -> str:
    """The cattrs converter's data written by ``json`` (the path before tuning)."""
    data = {"format": claimmodel.FORMAT_VERSION, **converter.unstructure(bundle, claimmodel.Bundle)}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def stdlib_decode(text: str) -> claimmodel.Bundle:
    with _fast.without_fast_extra():
        return claimmodel.loads(text)


def stdlib_encode(bundle: claimmodel.Bundle) -> str:
    with _fast.without_fast_extra():
        return claimmodel.dumps(bundle)


def pipeline(text: str) -> tuple[object, ...]:
    """What a program does with a document: load, validate, analyze, dump (all kept)."""
    bundle = claimmodel.loads(text)
    report = claimmodel.validate(bundle)
    analysis = claimmodel.analyze(bundle)
    return bundle, report, analysis, claimmodel.dumps(bundle)


def control_loop(bundle: claimmodel.Bundle) -> list[tuple[str, str]]:
    """The least a check of every assertion does, in plain Python.

    One pass over the assertions with two look-ups each (a dict of claims, a set
    of sources) and a small tuple kept per assertion: the same memory traffic,
    at the same size, as the checks, with none of their work.  How its time per
    assertion grows with the size is the machine's (caches, the allocator, the
    collector), and the growth of the real operations is read beside it.
    """
    claims = {claim.id: claim for claim in bundle.claims}
    sources = {source.id for source in bundle.sources}
    return [
        (assertion.id, assertion.claim)
        for assertion in bundle.assertions
        if assertion.claim in claims and assertion.attribution.source in sources
    ]


def build_cases(size: int, *, techniques: bool) -> tuple[list[Case], dict[str, Any]]:
    """Every operation at ``size`` assertions, and facts about the bundle."""
    data = bundle_data(size)
    bundle = claimmodel.from_data(data)
    text = claimmodel.dumps(bundle)
    raw = text.encode("utf-8")
    plain = json.loads(text)
    if not claimmodel.loads(text) == stdlib_decode(text) == bundle or stdlib_encode(bundle) != text:
        raise SystemExit("claimmodel does not round-trip the benchmark bundle")
    if reference_encode(bundle) != text:
        raise SystemExit("the fast engine's output differs from the converter's")
    facts: dict[str, Any] = {"bytes": len(raw), "text": text}
    cases = [
        Case("json.loads (floor)", "decode", lambda: json.loads(text)),
        Case(LOADS, "decode", lambda: claimmodel.loads(text)),
        Case("claimmodel.loads without fast", "decode", lambda: stdlib_decode(text)),
        Case("json.dumps (floor)", "encode", lambda: json.dumps(plain, ensure_ascii=False)),
        Case(DUMPS, "encode", lambda: claimmodel.dumps(bundle)),
        Case("claimmodel.dumps without fast", "encode", lambda: stdlib_encode(bundle)),
        Case(VALIDATE, "check", lambda: claimmodel.validate(bundle)),
        Case(ANALYZE, "check", lambda: claimmodel.analyze(bundle)),
        Case(PIPELINE, "pipeline", lambda: pipeline(text)),
        Case(CONTROL, "control", lambda: control_loop(bundle)),
    ]
    if techniques:
        cases += [
            Case("claimmodel reference (cattrs, GC on)", "decode", lambda: reference_decode(text)),
            Case("claimmodel reference (cattrs, GC paused)", "decode", lambda: paused_decode(text)),
            Case("claimmodel fast engine, GC on", "decode", lambda: fast_decode(text)),
            Case("claimmodel reference (cattrs)", "encode", lambda: reference_encode(bundle)),
        ]
    if _available("orjson"):
        import orjson

        cases.insert(1, Case("orjson.loads (floor)", "decode", lambda: orjson.loads(raw)))
        cases.insert(5, Case("orjson.dumps (floor)", "encode", lambda: orjson.dumps(plain)))
    if _available("pydantic"):
        model = pydantic_bundle()
        parsed = model.model_validate_json(raw)
        cases.append(Case(PYDANTIC_DECODE, "decode", lambda: model.model_validate_json(raw)))
        cases.append(
            Case(PYDANTIC_ENCODE, "encode", lambda: parsed.model_dump_json(exclude_defaults=True))
        )
    if _available("msgspec"):
        decoder, encoder = msgspec_codec()
        decoded = decoder.decode(raw)
        cases.append(Case("msgspec Struct decode", "decode", lambda: decoder.decode(raw)))
        cases.append(Case("msgspec Struct encode", "encode", lambda: encoder.encode(decoded)))
    if _available("stix2"):
        stix_json = stix_text(plain)
        stix_bundle = stix_parse(stix_json)
        cases.append(Case("stix2 parse", "decode", lambda: stix_parse(stix_json)))
        cases.append(Case("stix2 serialize", "encode", lambda: stix_serialize(stix_bundle)))
    return cases, facts


def measure(cases: list[Case], rounds: int) -> None:
    """Run every case once a round, interleaved, rotating the order each round.

    The collector keeps its default settings.  Each call is followed by a full
    collection with its result still alive: the charged time includes it, the
    bare time stops before it.  The result is then let go and what it leaves is
    collected outside the timing, so that the next call starts clean.
    """
    for round_ in range(rounds):
        print(f"  round {round_ + 1} of {rounds}", file=sys.stderr, flush=True)
        shift = round_ % len(cases)
        for case in cases[shift:] + cases[:shift]:
            gc.collect()
            start = time.perf_counter()
            result = case.run()
            bare = time.perf_counter()
            gc.collect()
            charged = time.perf_counter()
            del result
            case.bare.append(bare - start)
            case.charged.append(charged - start)
        gc.collect()


def memory(text: str, size: int) -> dict[str, float]:
    """Bytes retained per assertion by a decoded bundle, and the decode peak over that."""
    gc.collect()
    tracemalloc.start()
    try:
        before, _ = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        bundle = claimmodel.loads(text)
        after, peak = tracemalloc.get_traced_memory()
        retained = after - before
        peak -= before
        del bundle
    finally:
        tracemalloc.stop()
    return {"retained": retained / size, "peak": peak / size, "ratio": peak / retained}


def _cli() -> list[str]:
    """The ``claimmodel`` command installed beside this interpreter, else ``-m claimmodel``."""
    script = Path(sys.executable).with_name("claimmodel")
    if script.exists():
        return [str(script)]
    found = shutil.which("claimmodel")
    return [found] if found else [sys.executable, "-m", "claimmodel"]


def first_use(runs: int) -> dict[str, Any]:
    """What a fresh interpreter adds to a bare one, for a first real use.

    Three commands run interleaved ``runs`` times: ``python -c pass``; a fresh
    interpreter importing claimmodel and loading the worked example
    (``examples/kursk-monument.json``); and ``claimmodel validate`` on it.  Each
    round's difference to the bare start is taken, and the median reported.  A
    warm-up run first writes the bytecode, as installing a package does.  The
    cumulative ``import claimmodel`` line of ``-X importtime`` and the heavy
    modules that import loads are reported too.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = os.pathsep.join(sys.path)

    def run(command: Sequence[str]) -> tuple[float, str]:
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
        return time.perf_counter() - start, done.stderr

    python = [sys.executable, "-c"]
    load = f"import claimmodel; claimmodel.load(open({str(EXAMPLE)!r}, 'rb'))"
    cli = [*_cli(), "validate", str(EXAMPLE)]
    run([*python, f"{load}; import claimmodel.validation, claimmodel.analysis"])
    run(cli)
    deltas: dict[str, list[float]] = {"load": [], "cli": []}
    starts, totals = [], []
    for _ in range(runs):
        bare = run([*python, "pass"])[0]
        starts.append(bare)
        deltas["load"].append(run([*python, load])[0] - bare)
        deltas["cli"].append(run(cli)[0] - bare)
        for line in run([sys.executable, "-X", "importtime", "-c", "import claimmodel"])[
            1
        ].splitlines():
            parts = [p.strip() for p in line.removeprefix("import time:").split("|")]
            if len(parts) == 3 and parts[2] == "claimmodel":
                totals.append(int(parts[1]) / 1e6)
    probe = f"import claimmodel, sys; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    loaded = subprocess.run(
        [*python, probe], capture_output=True, text=True, check=True, env=env
    ).stdout.strip()
    return {
        "import": statistics.median(totals) if totals else float("nan"),
        "start": statistics.median(starts),
        "load": statistics.median(deltas["load"]),
        "cli": statistics.median(deltas["cli"]),
        "runs": runs,
        "loaded": [m for m in loaded.split(",") if m],
    }


def _fmt_time(seconds: float) -> str:
    if math.isnan(seconds):
        return "—"
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 0.001:
        return f"{seconds * 1000:.1f} ms"
    return f"{seconds * 1e6:.0f} µs"


def median_ratio(numerator: Sequence[float], denominator: Sequence[float]) -> float:
    """The median of the per-round ratios of two cases measured in the same rounds."""
    return statistics.median(n / d for n, d in zip(numerator, denominator, strict=True))


def summarize(cases: list[Case]) -> dict[str, dict[str, float]]:
    """Each case's median times and median per-round ratios against its group's reference."""
    by_name = {case.name: case for case in cases}
    out: dict[str, dict[str, float]] = {}
    for case in cases:
        reference = by_name[REFERENCE[case.group]]
        out[case.name] = {
            "charged": statistics.median(case.charged),
            "bare": statistics.median(case.bare),
            "charged_ratio": median_ratio(case.charged, reference.charged),
            "bare_ratio": median_ratio(case.bare, reference.bare),
        }
        # Ratios to pydantic, per round, for the targets.
        for other, key in ((PYDANTIC_DECODE, "to_pydantic"), (PYDANTIC_ENCODE, "to_pydantic")):
            if other in by_name and by_name[other].group == case.group:
                out[case.name][key] = median_ratio(case.charged, by_name[other].charged)
    return out


@dataclass(frozen=True)
class Target:
    """A target of docs/performance.md: what it asks, what was measured, whether it is met."""

    what: str
    measured: str
    met: bool | None  # None: not measured


def targets(
    summary: dict[int, dict[str, dict[str, float]]],
    mem: dict[int, dict[str, float]],
    use: dict[str, Any] | None,
) -> list[Target]:
    """Each target, judged on the charged figures (``summary`` as :func:`summarize` gives)."""
    out: list[Target] = []

    def add(what: str, value: float | None, ok: Callable[[float], bool], unit: str = "x") -> None:
        if value is None or math.isnan(value):
            out.append(Target(what, "not measured", None))
        else:
            out.append(Target(what, f"{value:.2f}{unit}", ok(value)))

    def get(n: int, name: str, key: str) -> float | None:
        return summary[n].get(name, {}).get(key)

    sizes = sorted(summary)
    for n in sizes:
        add(f"{n:,}: decode no slower than pydantic", get(n, LOADS, "to_pydantic"), _le(1.0))
        add(f"{n:,}: encode within 1.2x of pydantic", get(n, DUMPS, "to_pydantic"), _le(1.2))
        add(f"{n:,}: validate faster than decode", get(n, VALIDATE, "charged_ratio"), _lt(1.0))
        add(f"{n:,}: analyze faster than decode", get(n, ANALYZE, "charged_ratio"), _lt(1.0))
        if n in mem:
            add(f"{n:,}: ≤2 KB retained per assertion", mem[n]["retained"] / 1000, _le(2), " KB")
            add(f"{n:,}: decode peak ≤1.7x retained", mem[n]["ratio"], _le(1.7))
    if len(sizes) > 1:
        small, large = sizes[0], sizes[-1]
        for name in (VALIDATE, ANALYZE, PIPELINE):
            add(
                f"{name}: time per assertion at {large:,} within 1.3x of {small:,}",
                growth(summary, name, small, large),
                _le(1.3),
            )
    if use is not None:
        add("first use (import, load the example) ≤60 ms", use["load"] * 1000, _le(60), " ms")
        add("claimmodel validate on the example ≤150 ms", use["cli"] * 1000, _le(150), " ms")
        heavy = [m for m in use["loaded"] if m in DEFERRED]
        out.append(
            Target(
                "import claimmodel loads none of " + ", ".join(DEFERRED),
                "loaded: " + (", ".join(heavy) or "none"),
                not heavy,
            )
        )
    return out


def _le(bound: float) -> Callable[[float], bool]:
    return lambda value: value <= bound


def _lt(bound: float) -> Callable[[float], bool]:
    return lambda value: value < bound


def growth(
    summary: dict[int, dict[str, dict[str, float]]], name: str, small: int, large: int
) -> float | None:
    """Charged time per assertion at ``large`` over that at ``small``."""
    if name not in summary[small] or name not in summary[large]:
        return None
    return (summary[large][name]["charged"] / large) / (summary[small][name]["charged"] / small)


def check(found: Sequence[Target]) -> tuple[int, list[str]]:
    """``--check``: exit status 1 and one line per target missed or not measured, else 0."""
    missed = [t for t in found if t.met is not True]
    lines = [
        f"target {'not measured' if t.met is None else 'missed'}: {t.what} ({t.measured})"
        for t in missed
    ]
    if not missed:
        lines.append(f"every target met ({len(found)})")
    return (1 if missed else 0), lines


def report(
    summary: dict[int, dict[str, dict[str, float]]], names: list[tuple[str, str]], rounds: int
) -> list[str]:
    """The table of charged and bare times with their median per-round ratios (Markdown)."""
    sizes = sorted(summary)
    head = "| operation | " + " | ".join(f"{n:,}: charged | bare" for n in sizes) + " | ratio |"
    lines = [head, "|---|" + "---|---|" * len(sizes) + "---|"]
    for name, group in names:
        cells = []
        for n in sizes:
            row = summary[n].get(name)
            if row is None:
                cells.append("— | —")
                continue
            cells.append(
                f"{_fmt_time(row['charged'])} ({row['charged_ratio']:.2f}x) | "
                f"{_fmt_time(row['bare'])} ({row['bare_ratio']:.2f}x)"
            )
        lines.append(f"| {group}: {name} | " + " | ".join(cells) + f" | vs {REFERENCE[group]} |")
    del rounds
    return lines


def scaling(summary: dict[int, dict[str, dict[str, float]]]) -> list[str]:
    """Charged time per assertion at each size, and its growth, beside the control loop's."""
    sizes = sorted(summary)
    if len(sizes) < 2:
        return []
    small, large = sizes[0], sizes[-1]
    lines = [
        "| per assertion (charged) | "
        + " | ".join(f"{n:,}" for n in sizes)
        + f" | growth {large:,} / {small:,} |",
        "|---|" + "---|" * len(sizes) + "---|",
    ]
    for name in (
        "json.loads (floor)",
        LOADS,
        DUMPS,
        VALIDATE,
        ANALYZE,
        PIPELINE,
        PYDANTIC_DECODE,
        CONTROL,
    ):
        if any(name not in summary[n] for n in sizes):
            continue
        cells = [_fmt_time(summary[n][name]["charged"] / n) for n in sizes]
        value = growth(summary, name, small, large)
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {value:.2f}x |")
    return lines


def print_results(
    summary: dict[int, dict[str, dict[str, float]]],
    names: list[tuple[str, str]],
    mem: dict[int, dict[str, float]],
    use: dict[str, Any],
    rounds: dict[int, int],
) -> list[Target]:
    """The tables: times and ratios, scaling, memory, first use, targets."""
    sizes = sorted(summary)
    print()
    print(
        "Medians of interleaved rounds ("
        + ", ".join(f"{rounds[n]} at {n:,}" for n in sizes)
        + "); charged: the call and a full collection after it; bare: the call alone. "
        "Each ratio is the median of per-round ratios against claimmodel."
    )
    print()
    for line in report(summary, names, max(rounds.values())):
        print(line)
    print()
    for line in scaling(summary):
        print(line)
    print()
    print("| memory | " + " | ".join(f"{n:,} assertions" for n in sizes) + " |")
    print("|---|" + "---|" * len(sizes))
    print(
        "| retained per assertion | "
        + " | ".join(f"{mem[n]['retained']:,.0f} B" for n in sizes)
        + " |"
    )
    print(
        "| decode peak per assertion | "
        + " | ".join(f"{mem[n]['peak']:,.0f} B" for n in sizes)
        + " |"
    )
    print("| peak / retained | " + " | ".join(f"{mem[n]['ratio']:.2f}" for n in sizes) + " |")
    print()
    print(
        f"import claimmodel: {use['import'] * 1000:.1f} ms (-X importtime); loaded with it: "
        f"{', '.join(use['loaded']) or 'none of ' + ', '.join(HEAVY)}"
    )
    print(
        f"added to a bare interpreter start ({use['start'] * 1000:.1f} ms), median of "
        f"{use['runs']} interleaved runs: import claimmodel and load {EXAMPLE.name} "
        f"{use['load'] * 1000:.1f} ms; claimmodel validate {EXAMPLE.name} "
        f"{use['cli'] * 1000:.1f} ms"
    )
    print()
    found = targets(summary, mem, use)
    print("| target (charged figures) | measured | met |")
    print("|---|---|---|")
    for target in found:
        verdict = "skipped" if target.met is None else ("yes" if target.met else "NO")
        print(f"| {target.what} | {target.measured} | {verdict} |")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a smoke run in seconds")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--sizes", type=int, nargs="+", help="assertions per bundle")
    parser.add_argument(
        "--rounds", type=int, help="interleaved rounds (default 7, and 5 above 10,000)"
    )
    parser.add_argument(
        "--techniques",
        action="store_true",
        help="also time the paths kept to show what a technique bought",
    )
    parser.add_argument(
        "--without", nargs="+", default=[], metavar="MODULE", help="run as if not installed"
    )
    args = parser.parse_args(argv)
    for module in args.without:
        sys.modules[module] = None  # type: ignore[assignment]
    sizes = args.sizes or ([200] if args.quick else [1000, 100_000])

    print(f"claimmodel benchmark — {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    cpu = (
        next(
            (
                line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")
            ),
            platform.processor() or "unknown",
        )
        if Path("/proc/cpuinfo").exists()
        else platform.processor()
    )
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"Python {platform.python_version()} on {cpu}, {os.cpu_count()} CPUs, "
        f"load average {load:.1f} at start"
    )
    missing = [module for module in ("msgspec", "orjson") if not _available(module)]
    state = f"not installed ({', '.join(missing)} missing)" if missing else "installed"
    print(f"fast extra (msgspec, orjson): {state}")
    for module in ("pydantic", "msgspec", "stix2", "orjson"):
        if not _available(module):
            print(f"skipped: {module} is not installed")
    print()

    summary: dict[int, dict[str, dict[str, float]]] = {}
    mem: dict[int, dict[str, float]] = {}
    rounds: dict[int, int] = {}
    names: list[tuple[str, str]] = []
    for size in sizes:
        start = time.perf_counter()
        print(f"{size:,} assertions: building", file=sys.stderr, flush=True)
        cases, facts = build_cases(size, techniques=args.techniques)
        for case in cases:
            if (case.name, case.group) not in names:
                names.append((case.name, case.group))
        rounds[size] = args.rounds or (3 if args.quick else (5 if size > 10_000 else 7))
        mem[size] = memory(facts.pop("text"), size)
        # The fixtures (bundles, texts, parsed alternatives) are the harness's own:
        # frozen, a collection does not traverse them, only what each call made.
        gc.collect()
        gc.freeze()
        try:
            print(f"{size:,} assertions: measuring", file=sys.stderr, flush=True)
            measure(cases, rounds[size])
            summary[size] = summarize(cases)
        finally:
            del cases
            gc.unfreeze()
            gc.collect()
        print(
            f"{size:,} assertions: {facts['bytes'] / size:.0f} bytes per assertion, "
            f"measured in {time.perf_counter() - start:.0f} s"
        )
    use = first_use(5 if args.quick else 15)
    names.sort(key=lambda item: list(REFERENCE).index(item[1]))
    found = print_results(summary, names, mem, use, rounds)
    if args.check:
        status, lines = check(found)
        print()
        for line in lines:
            print(line)
        return status
    return 0


if __name__ == "__main__":
    sys.exit(main())
