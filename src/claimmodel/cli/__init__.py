"""The ``claimmodel`` command line (standard-library argparse).

Exit codes: 0 when everything is valid (warnings allowed), 1 when any input
is invalid, 2 when a file cannot be read or is not JSON, or the command line
itself is wrong.
No traceback reaches the user for bad input.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Sequence

from claimmodel.cli import _cues
from claimmodel.cli._commands import run_show, run_validate
from claimmodel.cli._report import run_report
from claimmodel.cli._terminal import printable

__all__ = ["main"]


_JSONL_HELP = (
    "read every FILE, standard input included, as JSON Lines (one bundle per line) "
    "whatever its name; without it, only names ending in .jsonl, .jsonl.gz or .ndjson are"
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimmodel",
        description="Check, summarise and question claimmodel bundles.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser(
        "validate",
        help="check bundles and list every problem",
        description=(
            "Check each FILE: decode it, then apply every document-level rule. Print each "
            "problem as 'FILE: PATH: CODE SEVERITY: message', or 'FILE:LINE: PATH: ...' for "
            "a line of a JSON Lines corpus (decoding problems are CM001, unreadable files "
            "and lines CM002). Exit 0 when no problem is an error, 1 when one is, "
            "2 when a file cannot be read or is not JSON."
        ),
        epilog="CODE is a rule code such as CM101 or a prefix such as CM7 (a whole family); "
        "--list-rules prints them, and docs/validation.md describes each.",
    )
    what = validate.add_mutually_exclusive_group(required=True)
    what.add_argument(
        "files",
        nargs="*",
        default=[],
        metavar="FILE",
        help="bundle JSON files, JSON Lines corpora (*.jsonl, *.jsonl.gz, *.ndjson: one bundle "
        "per line), or - for standard input",
    )
    what.add_argument(
        "--list-rules",
        action="store_true",
        help="print every rule's code, name, default severity and purpose, then exit",
    )
    validate.add_argument(
        "--select",
        action="append",
        metavar="CODE",
        help="apply only these rules (repeat, or separate with commas); default: all",
    )
    validate.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="CODE",
        help="do not apply these rules (repeat, or separate with commas); wins over --select",
    )
    validate.add_argument(
        "--severity",
        action="append",
        default=[],
        metavar="CODE=LEVEL",
        help="report a rule as 'error' or 'warning' instead of its default (repeatable)",
    )
    validate.add_argument(
        "--warnings-as-errors",
        action="store_true",
        help="report every warning as an error, so that warnings fail the run",
    )
    validate.add_argument("--jsonl", action="store_true", help=_JSONL_HELP)
    validate.set_defaults(run=run_validate)

    show = commands.add_parser(
        "show",
        help="summarise a bundle: each claim, who asserts it, through whom, how sure",
        description="Print a readable summary of FILE.",
    )
    show.add_argument("file", metavar="FILE", help="a bundle JSON file, or - for standard input")
    show.set_defaults(run=run_show)

    report = commands.add_parser(
        "report",
        help="count the independent origins behind each claim",
        description=(
            "Merge the bundles in FILE... and print, for each claim, its assertions, its "
            "independent origins, the stances they take and the hedges raised, ending in a "
            "verdict line."
        ),
    )
    report.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="bundle JSON files, JSON Lines corpora (*.jsonl, *.jsonl.gz, *.ndjson), "
        "or - for standard input",
    )
    report.add_argument("--jsonl", action="store_true", help=_JSONL_HELP)
    report.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for people (default), json for programs: a list of one object per claim",
    )
    report.set_defaults(run=run_report)

    _cues.add_parser(commands)
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
            f"claimmodel: internal error ({type(error).__name__}: {printable(error)}); "
            "this is a bug in claimmodel, please report it",
            file=sys.stderr,
        )
        return 2
