"""STIX 2.1 export and import: time and size for bundles of growing size.

Run from the repository root (the ``stix`` extra installed):

    python benchmarks/stix.py                     # 1,000 and 10,000 assertions
    python benchmarks/stix.py --assertions 200    # a smoke run

Each bundle has the shape ``benchmarks/_bundles.py`` generates.  ``to_stix_json`` is
timed pretty-printed (the default, what ``claimmodel export`` writes) and compact;
``from_stix`` reads the pretty-printed text back and is checked to give the same
bundle.  Most of the import is the ``stix2`` library checking each object, which
``read_stix`` asks of it so that malformed STIX is reported by object.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from _bundles import bundle_data  # noqa: E402  (the path is set up first)

import claimmodel as cm  # noqa: E402
from claimmodel.interop.stix import from_stix, to_stix_json  # noqa: E402


def _timed(function: object, *args: object, **kwargs: object) -> tuple[float, object]:
    assert callable(function)
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - started, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assertions", type=int, nargs="+", default=[1_000, 10_000])
    args = parser.parse_args(argv)
    print("| assertions | STIX objects | size | export | export (compact) | import |")
    print("|---|---|---|---|---|---|")
    for count in args.assertions:
        bundle = cm.from_data(bundle_data(count))
        exported, text = _timed(to_stix_json, bundle)
        compact, _ = _timed(to_stix_json, bundle, indent=None)
        imported, back = _timed(from_stix, text)
        assert isinstance(text, str)
        if back != bundle:
            print(f"{count:,} assertions: the import differs from the bundle", file=sys.stderr)
            return 1
        objects = text.count('"spec_version"')
        print(
            f"| {count:,} | {objects:,} | {len(text.encode()) / 2**20:.1f} MiB "
            f"| {exported:.2f} s | {compact:.2f} s | {imported:.2f} s |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
