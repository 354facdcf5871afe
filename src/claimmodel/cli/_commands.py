"""What each sub-command does."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from claimmodel.cli._show import render_bundle
from claimmodel.exceptions import DecodeError, InvalidValueError
from claimmodel.format import loads
from claimmodel.model import Bundle
from claimmodel.validation import (
    DECODE_ERROR,
    RULES,
    UNREADABLE,
    Severity,
    resolve_severities,
    validate,
)

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


def _codes(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


def _severities(values: list[str]) -> dict[str, str]:
    chosen: dict[str, str] = {}
    for value in values:
        code, equals, level = value.partition("=")
        if not equals:
            raise InvalidValueError(
                f"--severity takes CODE=LEVEL, such as CM701=error, not {value!r}"
            )
        chosen[code.strip()] = level.strip().lower()
    return chosen


def _line(path: str, where: str, code: str, severity: Severity, message: str) -> str:
    return f"{path}: {where}: {code} {severity.value}: {message}"


def _list_rules() -> int:
    for rule in RULES.values():
        print(f"{rule.code} {rule.name} ({rule.severity.value}): {rule.summary}")
    return EXIT_OK


def run_validate(args: argparse.Namespace) -> int:
    if args.list_rules:
        return _list_rules()
    try:
        options: dict[str, Any] = {
            "select": _codes(args.select),
            "ignore": _codes(args.ignore),
            "severities": _severities(args.severity),
            "warnings_as_errors": args.warnings_as_errors,
        }
        resolve_severities(**options)  # report a bad option once, before any file
    except InvalidValueError as error:
        print(f"claimmodel validate: error: {error}", file=sys.stderr)
        return EXIT_UNREADABLE
    status = EXIT_OK
    for path in args.files:
        try:
            bundle = _decode(path)
        except _UnreadableError as error:
            message = str(error).removeprefix(f"{path}: ")
            print(_line(path, "$", UNREADABLE.code, Severity.ERROR, message), file=sys.stderr)
            status = max(status, EXIT_UNREADABLE)
            continue
        except DecodeError as error:
            for problem in error.problems:
                code = DECODE_ERROR.code
                print(_line(path, problem.path, code, Severity.ERROR, problem.message))
            status = max(status, EXIT_INVALID)
            continue
        report = validate(bundle, **options)
        for finding in report:
            print(f"{path}: {finding}")
        if not report.ok:
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
