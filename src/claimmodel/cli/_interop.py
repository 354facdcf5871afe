"""``claimmodel export --to FORMAT`` and ``claimmodel import --from FORMAT``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from claimmodel.cli._commands import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_UNREADABLE,
    print_decode_error,
    print_unreadable,
)
from claimmodel.cli._inputs import (
    STDIN,
    UnreadableError,
    decode_bytes,
    display_name,
    is_unreadable,
    read,
)
from claimmodel.cli._terminal import json_for_terminal, printable
from claimmodel.exceptions import ClaimModelError, DecodeError, MissingExtraError
from claimmodel.format import to_data
from claimmodel.interop import export_bundle, formats, import_bundle

__all__ = ["add_interop_commands", "fail", "run_export", "run_import", "write_output"]


def add_interop_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``export`` and ``import`` to the sub-commands, with the registered formats."""
    known = formats()
    writers = [entry.name for entry in known if entry.can_export]
    readers = [entry.name for entry in known if entry.can_import]
    listing = "; ".join(f"{entry.name}: {entry.summary}" for entry in known)

    export = commands.add_parser(
        "export",
        help="write a bundle in another standard's format",
        description="Write the bundle in FILE in FORMAT, to OUT or to standard output.",
        epilog=f"Formats — {listing}.",
    )
    export.add_argument(
        "--to",
        required=True,
        choices=writers,
        metavar="FORMAT",
        help="one of " + ", ".join(writers),
    )
    export.add_argument("-o", "--output", metavar="OUT", help="write here, not to standard output")
    export.add_argument("file", metavar="FILE", help="a bundle JSON file ('-' for standard input)")
    export.set_defaults(run=run_export)

    importing = commands.add_parser(
        "import",
        help="read another standard's format into a bundle",
        description=(
            "Read FILE, written in FORMAT, and write it as a claimmodel bundle to OUT or to "
            "standard output.  What the document held that carries no claim is counted on "
            "standard error."
        ),
        epilog=f"Formats — {listing}.",
    )
    importing.add_argument(
        "--from",
        dest="source_format",
        required=True,
        choices=readers,
        metavar="FORMAT",
        help="one of " + ", ".join(readers),
    )
    importing.add_argument(
        "-o", "--output", metavar="OUT", help="write here, not to standard output"
    )
    importing.add_argument(
        "file", metavar="FILE", help="the document to read ('-' for standard input)"
    )
    importing.set_defaults(run=run_import)


def write_output(output: str | None, content: str | bytes) -> None:
    """Write ``content`` to the file ``output``, or to standard output (``None`` or ``-``)."""
    if output is None or output == STDIN:
        if isinstance(content, str):
            sys.stdout.write(content)
        else:  # a binary format
            sys.stdout.flush()
            sys.stdout.buffer.write(content)
        return
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        Path(output).write_bytes(data)
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or error
        raise UnreadableError(output, f"cannot write: {reason}") from None


def fail(command: str, message: str) -> int:
    """Print ``claimmodel COMMAND: error: MESSAGE`` on standard error; return exit code 2."""
    print(f"claimmodel {command}: error: {printable(message)}", file=sys.stderr)
    return EXIT_UNREADABLE


def run_export(args: argparse.Namespace) -> int:
    try:
        bundle = decode_bytes(args.file, read(args.file))
        write_output(args.output, export_bundle(bundle, to=args.to))
    except UnreadableError as error:
        print_unreadable(error)
        return EXIT_UNREADABLE
    except DecodeError as error:
        print_decode_error(args.file, error)
        return EXIT_INVALID
    except MissingExtraError as error:
        return fail("export", str(error))
    except ClaimModelError as error:  # a bundle the format cannot carry
        fail("export", f"{display_name(args.file)}: {error}")
        return EXIT_INVALID
    return EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    try:
        data = read(args.file)
        try:
            imported = import_bundle(data, from_format=args.source_format)
        except DecodeError as error:
            if not is_unreadable(error):
                raise
            first = error.problems[0]
            raise UnreadableError(args.file, first.message, where=first.path) from None
        # Characters a terminal acts on are written as JSON escapes: the same data.
        write_output(args.output, json_for_terminal(to_data(imported.bundle)) + "\n")
    except UnreadableError as error:
        print_unreadable(error)
        return EXIT_UNREADABLE
    except DecodeError as error:
        print_decode_error(args.file, error)
        return EXIT_INVALID
    except MissingExtraError as error:
        return fail("import", str(error))
    except ClaimModelError as error:
        fail("import", f"{display_name(args.file)}: {error}")
        return EXIT_INVALID
    summary = imported.summary()
    if summary is not None:
        name = printable(display_name(args.file))
        print(f"claimmodel import: {name}: {summary}", file=sys.stderr)
    return EXIT_OK
