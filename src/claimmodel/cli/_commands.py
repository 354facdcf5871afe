"""What each sub-command does."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from claimmodel.cli._show import render_bundle
from claimmodel.exceptions import DecodeError, LimitExceededError
from claimmodel.format import Limits, loads
from claimmodel.format._errors import escape_controls
from claimmodel.model import Bundle

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_UNREADABLE = 2


class _UnreadableError(Exception):
    """A file could not be read, or is not JSON at all."""


def _read(path: str) -> bytes:
    # Never more than the size limit (plus one byte, to tell that it is over): a
    # huge or endless file must not exhaust memory before the limit is checked.
    try:
        with Path(path).open("rb") as file:
            return file.read(Limits().max_document_bytes + 1)
    except (OSError, ValueError) as error:  # ValueError: e.g. a NUL in the path
        reason = getattr(error, "strerror", None) or error
        raise _UnreadableError(f"{path}: cannot read: {reason}") from None


def _decode(path: str) -> Bundle:
    """Decode ``path``; DecodeError for invalid bundles, _UnreadableError for non-JSON."""
    data = _read(path)
    try:
        return loads(data)
    except DecodeError as error:
        if _is_unreadable(error):
            first = error.problems[0]
            where = f"{first.path}: " if first.path != "$" else ""
            raise _UnreadableError(f"{path}: {where}{first.message}") from None
        raise


def _is_unreadable(error: DecodeError) -> bool:
    # Problems at the root that are about the bytes or the JSON syntax, not the content,
    # and input beyond the safety limits.
    if isinstance(error, LimitExceededError):
        return True
    first = error.problems[0]
    return first.path == "$" and first.message.startswith(
        ("not valid JSON", "the document is not UTF-8", "the JSON is nested", "expected JSON text")
    )


def run_validate(args: argparse.Namespace) -> int:
    status = EXIT_OK
    for path in args.files:
        try:
            _decode(path)
        except _UnreadableError as error:
            print(error, file=sys.stderr)
            status = max(status, EXIT_UNREADABLE)
        except DecodeError as error:
            for problem in error.problems:
                print(f"{path}: {problem.path}: {problem.message}")
            status = max(status, EXIT_INVALID)
    return status


def run_show(args: argparse.Namespace) -> int:
    try:
        bundle = _decode(args.file)
    except _UnreadableError as error:
        print(error, file=sys.stderr)
        return EXIT_UNREADABLE
    except DecodeError as error:
        for problem in error.problems:
            print(f"{args.file}: {problem.path}: {problem.message}", file=sys.stderr)
        return EXIT_INVALID
    # Text from the bundle may hold control characters (terminal escapes); show them escaped.
    lines = render_bundle(bundle).split("\n")
    sys.stdout.write("\n".join(escape_controls(line) for line in lines))
    return EXIT_OK
