"""The ``claimmodel`` command line (standard-library argparse).

Exit codes: 0 when everything is valid (warnings allowed), 1 when any input
is invalid, 2 when a file cannot be read or is not JSON, a format's optional
extra is not installed, or the command line itself is wrong.
No traceback reaches the user for bad input.

The conventions every sub-command follows are in docs/cli.md: FILE arguments
take files, directories (walked for bundles) and ``-`` for standard input; what
a run finds goes to standard output, summaries and progress to standard error; a
bad option prints the sub-command's usage.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Sequence

from claimmodel.cli import _cues, _graph
from claimmodel.cli._commands import (
    DEFAULT_MAX_FINDINGS,
    package_version,
    run_schema,
    run_show,
    run_validate,
)
from claimmodel.cli._interop import add_interop_commands
from claimmodel.cli._results import FORMATS
from claimmodel.cli._terminal import printable
from claimmodel.format import FORMAT_VERSION
from claimmodel.format._codec import SCHEMA_RESOURCES

__all__ = ["main"]

_SCHEMA_VERSIONS = tuple(SCHEMA_RESOURCES)


_JSONL_HELP = (
    "read every FILE, standard input included, as JSON Lines (one bundle per line) "
    "whatever its name; without it, only names ending in .jsonl, .jsonl.gz or .ndjson are"
)
_FILES_HELP = (
    "bundle JSON files, JSON Lines corpora (*.jsonl, *.jsonl.gz, *.ndjson: one bundle per "
    "line), directories (searched for both) or - for standard input"
)


class _VersionAction(argparse.Action):
    """``--version``: the installed version, read only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str) -> None:  # noqa: A002
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        print(f"{parser.prog} {package_version()}")
        parser.exit()


def _run_report(args: argparse.Namespace) -> int:
    """``claimmodel report``, whose analysis and page load only when it runs."""
    from claimmodel.cli._report import run_report  # noqa: PLC0415  (see the docstring)

    return run_report(args)


def _count(text: str) -> int:
    """A whole number of zero or more, for an option (argparse names the option on error)."""
    if not text.isascii() or not text.isdigit():
        raise argparse.ArgumentTypeError(f"expected a whole number, not {printable(text)!r}")
    return int(text)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimmodel",
        description="Check, summarise and question claimmodel bundles.",
        epilog="FILE is a bundle JSON file, a JSON Lines corpus (one bundle per line), a "
        "directory (searched for both) or - for standard input. Findings and results go to "
        "standard output, summaries and progress to standard error. Colour is used only on "
        "a terminal, never when NO_COLOR is set. Exit 0: valid; 1: invalid; 2: unreadable "
        "input or a usage error. Run 'claimmodel COMMAND --help' for a command's options; "
        "docs/cli.md is the reference.",
    )
    parser.add_argument(
        "--version", action=_VersionAction, help="print the version of claimmodel and exit"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser(
        "validate",
        help="check bundles and list every problem",
        description=(
            "Check each FILE: decode it, then apply every document-level rule. Print each "
            "problem to standard output, in text as 'FILE: PATH: CODE SEVERITY: message', or "
            "'FILE:LINE: PATH: ...' for a line of a JSON Lines corpus (decoding problems are "
            "CM001, unreadable files and lines CM002), and a one-line summary to standard "
            "error. Exit 0 when no problem is an error, 1 when one is, "
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
        help=_FILES_HELP,
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
    validate.add_argument(
        "--max-findings",
        type=_count,
        default=DEFAULT_MAX_FINDINGS,
        metavar="N",
        help=f"list at most N findings of each bundle, the first in document order, and "
        f"one more (CM003) counting the others; 0 lists every one (default: "
        f"{DEFAULT_MAX_FINDINGS:,})",
    )
    validate.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text for people (default); json for programs; github for GitHub Actions "
        "annotations; sarif for code-scanning tools (SARIF 2.1.0, with lines and columns)",
    )
    validate.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print the findings only, without the summary line on standard error",
    )
    validate.set_defaults(run=run_validate)

    show = commands.add_parser(
        "show",
        help="summarise a bundle: each claim, who asserts it, through whom, how sure",
        description="Print a readable summary of each FILE, one after the other.",
    )
    show.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help=_FILES_HELP,
    )
    show.set_defaults(run=run_show)

    report = commands.add_parser(
        "report",
        help="count the independent origins behind each claim",
        description=(
            "Merge the bundles in FILE... (each bundle's ids are its own: sources are one "
            "across bundles only when they share an external identifier, claims when their "
            "content is the same; see docs/corpus.md) and print, for each claim, its "
            "assertions, its independent origins, the stances they take and the hedges "
            "raised, ending in a verdict line."
        ),
    )
    report.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help=_FILES_HELP,
    )
    report.add_argument("--jsonl", action="store_true", help=_JSONL_HELP)
    report.add_argument(
        "--strict",
        action="store_true",
        help="fail (exit 1) on the first conflict between bundles instead of reporting it "
        "on standard error and going on",
    )
    report.add_argument(
        "--format",
        choices=("text", "json", "html"),
        default="text",
        help="text for people (default), json for programs: a list of one object per claim; "
        "html: one self-contained page for a browser (pictures drawn when Graphviz is "
        "installed), best written with -o",
    )
    report.add_argument("-o", "--output", metavar="OUT", help="write here, not to standard output")
    report.set_defaults(run=_run_report)

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of the bundle format",
        description=(
            "Print the JSON Schema (draft 2020-12) that describes the current bundle format "
            "(and every older version of its major version), for editors and other "
            "validators; docs/cli.md says how to point an editor at it."
        ),
    )
    schema.add_argument(
        "--format-version",
        choices=_SCHEMA_VERSIONS,
        default=FORMAT_VERSION,
        metavar="VERSION",
        help=f"the schema of this format version ({', '.join(_SCHEMA_VERSIONS)}); "
        f"default: {FORMAT_VERSION}",
    )
    schema.set_defaults(run=run_schema)

    _cues.add_parser(commands)
    _graph.add_parser(commands)
    add_interop_commands(commands)
    return parser


def _sub_parser(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
    """The parser of sub-command ``name`` (argparse keeps no public handle on them)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found: argparse.ArgumentParser = action.choices.get(name, parser)
            return found
    return parser  # pragma: no cover  (the parser always has sub-commands)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    for stream in (sys.stdout, sys.stderr):  # odd file names or text must not crash printing
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    parser = _parser()
    try:
        args, unknown = parser.parse_known_args(argv)
        if unknown:  # name the sub-command's usage, not the top-level one
            _sub_parser(parser, args.command).error(f"unrecognized arguments: {' '.join(unknown)}")
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
