"""What each sub-command does."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from claimmodel.cli._show import render_bundle
from claimmodel.exceptions import DecodeError
from claimmodel.format import loads
from claimmodel.model import Bundle

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_UNREADABLE = 2


class _UnreadableError(Exception):
    """A file could not be read, or is not JSON at all."""


def _read(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise _UnreadableError(f"{path}: cannot read: {error.strerror or error}") from None


def _decode(path: str) -> Bundle:
    """Decode ``path``; DecodeError for invalid bundles, _UnreadableError for non-JSON."""
    data = _read(path)
    try:
        return loads(data)
    except DecodeError as error:
        if _is_unreadable(error):
            raise _UnreadableError(f"{path}: {error.problems[0].message}") from None
        raise


def _is_unreadable(error: DecodeError) -> bool:
    # Problems at the root that are about the bytes or the JSON syntax, not the content.
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
    sys.stdout.write(render_bundle(bundle))
    return EXIT_OK
