"""claimmodel against the JSON floor and the alternatives a user would pick.

Run from the repository root:

    python benchmarks/run.py            # 1,000 and 100,000 assertions (about 15 minutes)
    python benchmarks/run.py --quick    # a smoke run in seconds (what CI runs)

It needs the ``benchmark`` extra (pydantic, msgspec, orjson, stix2); a missing
alternative, or a claimmodel part not present in this checkout (validation,
analysis), is reported as skipped.  Every figure is the median of interleaved
runs with the interpreter's default garbage-collector settings; every decoder
reads the same bytes (stix2 reads the same content in its own format).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
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


@dataclass
class Case:
    """One timed operation."""

    name: str
    group: str  # "decode", "encode", "check"
    run: Callable[[], object]
    times: list[float] = field(default_factory=list)
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.times) if self.times else float("nan")


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


def build_cases(size: int) -> tuple[list[Case], dict[str, Any]]:
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
    facts: dict[str, Any] = {"bytes": len(raw), "text": text, "bundle": bundle}
    cases = [
        Case("json.loads (floor)", "decode", lambda: json.loads(text)),
        Case("claimmodel.loads", "decode", lambda: claimmodel.loads(text)),
        Case("claimmodel.loads without fast", "decode", lambda: stdlib_decode(text)),
        Case("claimmodel reference (cattrs, GC on)", "decode", lambda: reference_decode(text)),
        Case("claimmodel reference (cattrs, GC paused)", "decode", lambda: paused_decode(text)),
        Case("claimmodel fast engine, GC on", "decode", lambda: fast_decode(text)),
        Case("json.dumps (floor)", "encode", lambda: json.dumps(plain, ensure_ascii=False)),
        Case("claimmodel.dumps", "encode", lambda: claimmodel.dumps(bundle)),
        Case("claimmodel.dumps without fast", "encode", lambda: stdlib_encode(bundle)),
        Case("claimmodel reference (cattrs)", "encode", lambda: reference_encode(bundle)),
    ]
    if _available("orjson"):
        import orjson

        cases.insert(1, Case("orjson.loads (floor)", "decode", lambda: orjson.loads(raw)))
        cases.insert(5, Case("orjson.dumps (floor)", "encode", lambda: orjson.dumps(plain)))
    validate = getattr(claimmodel, "validate", None)
    if validate is not None:
        cases.append(Case("claimmodel.validate", "check", lambda: validate(bundle)))
    analyze = getattr(claimmodel, "analyze", None)
    if analyze is not None:
        cases.append(Case("claimmodel.analyze", "check", lambda: analyze(bundle)))
    if _available("pydantic"):
        model = pydantic_bundle()
        parsed = model.model_validate_json(raw)
        cases.append(
            Case("pydantic model_validate_json", "decode", lambda: model.model_validate_json(raw))
        )
        cases.append(
            Case(
                "pydantic model_dump_json",
                "encode",
                lambda: parsed.model_dump_json(exclude_defaults=True),
            )
        )
    if _available("msgspec"):
        decoder, encoder = msgspec_codec()
        decoded = decoder.decode(raw)
        cases.append(Case("msgspec Struct decode", "decode", lambda: decoder.decode(raw)))
        cases.append(Case("msgspec Struct encode", "encode", lambda: encoder.encode(decoded)))
    facts["plain"] = plain
    return cases, facts


def stix_cases(plain: dict[str, Any]) -> list[Case]:
    """stix2 reading and writing the same content (built apart: its objects are many)."""
    if not _available("stix2"):
        return []
    stix_json = stix_text(plain)
    stix_bundle = stix_parse(stix_json)
    return [
        Case("stix2 parse", "decode", lambda: stix_parse(stix_json)),
        Case("stix2 serialize", "encode", lambda: stix_serialize(stix_bundle)),
    ]


def _done() -> None:
    return None


def measure(cases: list[Case], repeats: int, *, once: tuple[str, ...] = ()) -> None:
    """Run every case ``repeats`` times, interleaved, rotating the order each round.

    The collector stays enabled (default settings); garbage from the previous
    run is collected before each timed call, outside the timing.
    """
    if not cases:
        return
    for round_ in range(repeats):
        print(f"  round {round_ + 1} of {repeats}", file=sys.stderr, flush=True)
        shift = round_ % len(cases)
        for case in cases[shift:] + cases[:shift]:
            if case.name in once and case.times:
                continue
            gc.collect()
            start = time.perf_counter()
            result = case.run()
            elapsed = time.perf_counter() - start
            del result
            case.times.append(elapsed)


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
        # The first decode fills caches shared by every later one; count them too,
        # but a second decode must not need more.
        del bundle
    finally:
        tracemalloc.stop()
    return {"retained": retained / size, "peak": peak / size, "ratio": peak / retained}


# The smallest realistic first use: one source, claim and assertion to decode.
FIRST_USE = json.dumps(
    {
        "format": "claimmodel/1.0",
        "sources": [{"kind": "person", "id": "p", "name": "P"}],
        "claims": [{"id": "c", "text": "It rained"}],
        "assertions": [
            {
                "id": "a",
                "claim": "c",
                "attribution": {"source": "p"},
                "confidence": {"scale": "icd203", "level": "likely"},
            }
        ],
        "relations": [],
    },
    separators=(",", ":"),
)


def import_time(runs: int) -> dict[str, Any]:
    """What ``import claimmodel`` costs, what its first use costs, and the heavy modules it loads.

    ``seconds`` is the median cumulative ``import claimmodel`` line of ``-X importtime``,
    the figure the target speaks of.  Because the package loads its parts on first use,
    two wall-clock figures say what that moves rather than saves: ``added``, the time
    ``python -c "import claimmodel"`` takes beyond ``python -c pass``, and ``first_use``,
    the same for the import and a first ``claimmodel.loads`` of a tiny document
    (medians of interleaved runs).  A warm-up run first writes the bytecode, as
    installing a package does, so that no measured run compiles the sources.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = os.pathsep.join(sys.path)

    def run(code: str, *options: str) -> tuple[float, str]:
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, *options, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        )
        return time.perf_counter() - start, done.stderr

    first_use = f"import claimmodel; claimmodel.loads({FIRST_USE!r})"
    run(f"{first_use}; import claimmodel.validation, claimmodel.analysis")  # the bytecode
    walls: dict[str, list[float]] = {"pass": [], "import": [], "first use": []}
    totals = []
    for _ in range(runs):
        walls["pass"].append(run("pass")[0])
        walls["import"].append(run("import claimmodel")[0])
        walls["first use"].append(run(first_use)[0])
        for line in run("import claimmodel", "-X", "importtime")[1].splitlines():
            parts = [p.strip() for p in line.removeprefix("import time:").split("|")]
            if len(parts) == 3 and parts[2] == "claimmodel":
                totals.append(int(parts[1]) / 1e6)
    start = statistics.median(walls["pass"])
    probe = f"import claimmodel, sys; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env
    ).stdout.strip()
    return {
        "seconds": statistics.median(totals),
        "start": start,
        "added": statistics.median(walls["import"]) - start,
        "first_use": statistics.median(walls["first use"]) - start,
        "runs": runs,
        "loaded": [m for m in loaded.split(",") if m],
    }


def _fmt_time(seconds: float) -> str:
    if math.isnan(seconds):
        return "—"
    if seconds >= 1:
        return f"{seconds:.2f} s"
    return f"{seconds * 1000:.1f} ms"


def report(
    results: dict[int, list[Case]], facts: dict[int, dict[str, Any]], repeats: int
) -> list[str]:
    """The table of times and ratios, as Markdown lines."""
    sizes = sorted(results)
    lines = ["| operation | " + " | ".join(f"{n:,} assertions" for n in sizes) + " | ratio |"]
    lines.append("|---|" + "---|" * len(sizes) + "---|")
    for group, floor, ours in (
        ("decode", "json.loads (floor)", "claimmodel.loads"),
        ("encode", "json.dumps (floor)", "claimmodel.dumps"),
        ("check", "claimmodel.loads", "claimmodel.loads"),
    ):
        by_name = {n: {c.name: c for c in results[n]} for n in sizes}
        names = [c.name for c in results[sizes[0]] if c.group == group]
        for name in names:
            cells = []
            for n in sizes:
                case = by_name[n][name]
                mine = by_name[n][ours].median
                runs = len(case.times)
                once = f" [{runs} run{'s' if runs > 1 else ''}]" if runs < repeats else ""
                cells.append(f"{_fmt_time(case.median)}{once} ({case.median / mine:.2f}x)")
            lines.append(f"| {group}: {name} | " + " | ".join(cells) + f" | vs {ours} |")
        del floor
    return lines


def targets(
    results: dict[int, list[Case]], mem: dict[int, dict[str, float]], imp: dict[str, Any]
) -> list[tuple[str, str, bool | None]]:
    """Each target: what it asks, what was measured, whether it is met (None: not measured)."""
    out: list[tuple[str, str, bool | None]] = []

    def ratio(n: int, numerator: str, denominator: str) -> float | None:
        by = {c.name: c.median for c in results[n]}
        if numerator not in by or denominator not in by:
            return None
        return by[numerator] / by[denominator]

    def add(
        what: str, value: float | None, ok: Callable[[float], bool], unit: str = "x", note: str = ""
    ) -> None:
        if value is None:
            out.append((what, "not measured", None))
        else:
            out.append((what, f"{value:.2f}{unit}{note}", ok(value)))

    for n in sorted(results):
        add(
            f"{n:,}: decode ≥1.3x faster than pydantic",
            ratio(n, "pydantic model_validate_json", "claimmodel.loads"),
            lambda r: r >= 1.3,
        )
        add(
            f"{n:,}: decode within 2x of json.loads",
            ratio(n, "claimmodel.loads", "json.loads (floor)"),
            lambda r: r <= 2,
        )
        add(
            f"{n:,}: encode no slower than pydantic",
            ratio(n, "claimmodel.dumps", "pydantic model_dump_json"),
            lambda r: r <= 1,
        )
        add(
            f"{n:,}: decode ≥15x faster than stix2",
            ratio(n, "stix2 parse", "claimmodel.loads"),
            lambda r: r >= 15,
        )
        add(
            f"{n:,}: encode ≥15x faster than stix2",
            ratio(n, "stix2 serialize", "claimmodel.dumps"),
            lambda r: r >= 15,
        )
        add(
            f"{n:,}: validate faster than decode",
            ratio(n, "claimmodel.validate", "claimmodel.loads"),
            lambda r: r < 1,
        )
        add(
            f"{n:,}: analysis faster than decode",
            ratio(n, "claimmodel.analyze", "claimmodel.loads"),
            lambda r: r < 1,
        )
        if n in mem:
            add(
                f"{n:,}: ≤2.5 KB retained per assertion",
                mem[n]["retained"] / 1000,
                lambda r: r <= 2.5,
                " KB",
            )
            add(f"{n:,}: decode peak ≤2x retained", mem[n]["ratio"], lambda r: r <= 2)
    sizes = sorted(results)
    if len(sizes) > 1:
        small, large = sizes[0], sizes[-1]

        def growth(name: str) -> float | None:
            """Time per assertion at the large size over that at the small one."""
            by_small = {c.name: c.median for c in results[small]}
            by_large = {c.name: c.median for c in results[large]}
            if name not in by_small or name not in by_large:
                return None
            return (by_large[name] / large) / (by_small[name] / small)

        # The sizes are measured minutes apart; how the floor itself grew tells a
        # reader how much of the growth is the machine's rather than the library's.
        for name, floor in (
            ("claimmodel.loads", "json.loads (floor)"),
            ("claimmodel.dumps", "json.dumps (floor)"),
        ):
            floor_growth = growth(floor)
            note = "" if floor_growth is None else f" ({floor}: {floor_growth:.2f}x)"
            add(
                f"{name} time per assertion at {large:,} within 1.3x of {small:,}",
                growth(name),
                lambda r: r <= 1.3,
                note=note,
            )
    add("import claimmodel ≤60 ms", imp["seconds"] * 1000, lambda r: r <= 60, " ms")
    heavy = [m for m in imp["loaded"] if m in DEFERRED]
    out.append(
        (
            "heavy imports deferred (" + ", ".join(DEFERRED) + ")",
            "loaded: " + (", ".join(heavy) or "none"),
            not heavy,
        )
    )
    return out


def print_results(
    results: dict[int, list[Case]],
    facts: dict[int, dict[str, Any]],
    mem: dict[int, dict[str, float]],
    imp: dict[str, Any],
    repeats: int,
) -> None:
    """The tables: times and ratios, memory, import time, targets."""
    sizes = sorted(results)
    print()
    print(
        f"Median of {repeats} interleaved runs unless marked [n runs]; the ratio is against "
        "claimmodel in the same run."
    )
    print()
    for line in report(results, facts, repeats):
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
        f"import claimmodel: {imp['seconds'] * 1000:.1f} ms (median of {imp['runs']} "
        "-X importtime runs, bytecode compiled); "
        f"loaded with it: {', '.join(imp['loaded']) or 'none of ' + ', '.join(HEAVY)}"
    )
    print(
        f"wall clock added to interpreter start ({imp['start'] * 1000:.1f} ms), "
        f"median of {imp['runs']} runs: import claimmodel {imp['added'] * 1000:.1f} ms; "
        f"import and a first claimmodel.loads of a tiny document {imp['first_use'] * 1000:.1f} ms"
    )
    print()
    print("| target | measured | met |")
    print("|---|---|---|")
    for what, value, ok in targets(results, mem, imp):
        verdict = "skipped" if ok is None else ("yes" if ok else "NO")
        print(f"| {what} | {value} | {verdict} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a smoke run in seconds")
    parser.add_argument("--sizes", type=int, nargs="+", help="assertions per bundle")
    parser.add_argument("--repeat", type=int, help="interleaved runs per operation")
    parser.add_argument(
        "--without", nargs="+", default=[], metavar="MODULE", help="run as if not installed"
    )
    args = parser.parse_args(argv)
    for module in args.without:
        sys.modules[module] = None  # type: ignore[assignment]
    sizes = args.sizes or ([200] if args.quick else [1000, 100_000])
    repeats = args.repeat or (3 if args.quick else 7)

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
    print(f"Python {platform.python_version()} on {cpu}, {os.cpu_count()} CPUs")
    missing = [module for module in ("msgspec", "orjson") if not _available(module)]
    state = f"not installed ({', '.join(missing)} missing)" if missing else "installed"
    print(f"fast extra (msgspec, orjson): {state}")
    for module in ("pydantic", "msgspec", "stix2", "orjson"):
        if not _available(module):
            print(f"skipped: {module} is not installed")
    for part in ("validate", "analyze"):
        if getattr(claimmodel, part, None) is None:
            print(f"skipped: claimmodel.{part} does not exist in this checkout")
    print()

    results: dict[int, list[Case]] = {}
    facts: dict[int, dict[str, Any]] = {}
    mem: dict[int, dict[str, float]] = {}
    for size in sizes:
        start = time.perf_counter()
        cases, facts[size] = build_cases(size)
        # At 100,000 assertions the paths kept only to show what a technique bought
        # (the collector running) take most of a minute, and stix2 minutes: those run
        # once there, and everything else fewer times.  stix2 runs after the rest, so
        # its many objects do not weigh on the others' measurements.
        large = size > 10_000
        runs = min(repeats, args.repeat or 3) if large else repeats
        print(f"{size:,} assertions: measuring", file=sys.stderr, flush=True)
        once = tuple(c.name for c in cases if "GC on" in c.name) if large else ()
        measure(cases, runs, once=once)
        mem[size] = memory(facts[size]["text"], size)
        for case in cases:
            case.run = _done  # let go of the bundles each case holds
        print(f"{size:,} assertions: stix2", file=sys.stderr, flush=True)
        more = stix_cases(facts[size].pop("plain"))
        measure(more, runs, once=tuple(c.name for c in more) if large else ())
        for case in more:
            case.run = _done
        cases += more
        del more
        results[size] = cases
        facts[size].pop("text")
        facts[size].pop("bundle")
        print(
            f"{size:,} assertions: {facts[size]['bytes'] / size:.0f} bytes per assertion, "
            f"measured in {time.perf_counter() - start:.0f} s"
        )
    imp = import_time(5 if args.quick else 15)

    print_results(results, facts, mem, imp, repeats)
    return 0


if __name__ == "__main__":
    sys.exit(main())
