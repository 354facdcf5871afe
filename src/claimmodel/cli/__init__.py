"""The ``claimmodel`` command line (standard-library argparse).

Exit codes: 0 when everything is valid, 1 when any input is invalid, 2 when a
file cannot be read or is not JSON, or the command line itself is wrong.
No traceback reaches the user for bad input.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Sequence

from claimmodel.cli._commands import run_show, run_validate

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimmodel",
        description="Check, summarise and question claimmodel bundles.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser(
        "validate",
        help="check bundles and list every problem",
        description="Check each FILE; print every problem as 'FILE: PATH: message'.",
    )
    validate.add_argument("files", nargs="+", metavar="FILE", help="bundle JSON files")
    validate.set_defaults(run=run_validate)

    show = commands.add_parser(
        "show",
        help="summarise a bundle: each claim, who asserts it, through whom, how sure",
        description="Print a readable summary of FILE.",
    )
    show.add_argument("file", metavar="FILE", help="a bundle JSON file")
    show.set_defaults(run=run_show)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    for stream in (sys.stdout, sys.stderr):  # odd file names or text must not crash printing
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse exits 2 on usage errors and 0 for --help
        return int(exit_.code or 0)
    try:
        return int(args.run(args))
    except BrokenPipeError:  # e.g. `claimmodel show x.json | head`
        sys.stderr.close()
        return 0
    except Exception as error:  # noqa: BLE001  (a bug must not show a user a traceback)
        print(
            f"claimmodel: internal error ({type(error).__name__}: {error}); "
            "this is a bug in claimmodel, please report it",
            file=sys.stderr,
        )
        return 2
