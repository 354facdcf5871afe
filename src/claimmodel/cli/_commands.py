"""What each sub-command does."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from claimmodel.cli._inputs import STDIN, CorpusReadError, display_name, is_jsonl, read_corpus
from claimmodel.cli._show import render_bundle
from claimmodel.cli._terminal import printable
from claimmodel.exceptions import DecodeError, InvalidValueError, LimitExceededError
from claimmodel.format import Limits, loads
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
    """A file could not be read, is not JSON at all, or is beyond a safety limit.

    ``where`` is the path of the problem in the document (``$`` for the whole).
    """

    def __init__(self, message: str, *, where: str = "$") -> None:
        super().__init__(message)
        self.where = where


def _read(path: str) -> bytes:
    # Never more than the size limit (plus one byte, to tell that it is over): a
    # huge or endless file must not exhaust memory before the limit is checked.
    if path == STDIN:
        return sys.stdin.buffer.read(Limits().max_document_bytes + 1)
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
            raise _UnreadableError(f"{path}: {first.message}", where=first.path) from None
        raise


def _is_unreadable(error: BaseException) -> bool:
    # Problems at the root that are about the bytes or the JSON syntax, not the content,
    # and input beyond the safety limits.
    if isinstance(error, LimitExceededError):
        return True
    if not isinstance(error, DecodeError):  # pragma: no cover  (only decode errors get here)
        return False
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
    """One finding's line; each part is escaped, so no part can forge a line or a field."""
    return f"{printable(path)}: {printable(where)}: {code} {severity.value}: {printable(message)}"


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
        print(f"claimmodel validate: error: {printable(error)}", file=sys.stderr)
        return EXIT_UNREADABLE
    status = EXIT_OK
    for path in args.files:
        if is_jsonl(path, jsonl=args.jsonl):
            status = max(status, _validate_corpus(path, options))
            continue
        name = display_name(path)
        try:
            bundle = _decode(path)
        except _UnreadableError as error:
            message = str(error).removeprefix(f"{path}: ")
            line = _line(name, error.where, UNREADABLE.code, Severity.ERROR, message)
            print(line, file=sys.stderr)
            status = max(status, EXIT_UNREADABLE)
            continue
        except DecodeError as error:
            for problem in error.problems:
                code = DECODE_ERROR.code
                print(_line(name, problem.path, code, Severity.ERROR, problem.message))
            status = max(status, EXIT_INVALID)
            continue
        report = validate(bundle, **options)
        for finding in report:
            print(_line(name, finding.path, finding.code, finding.severity, finding.message))
        if not report.ok:
            status = max(status, EXIT_INVALID)
    return status


def _validate_corpus(path: str, options: dict[str, Any]) -> int:
    """Validate a JSON Lines corpus line by line, holding one bundle at a time."""
    status = EXIT_OK
    name = display_name(path)
    try:
        for line in read_corpus(path):
            where = f"{name}:{line.number}"
            if line.error is not None:
                if _is_unreadable(line.error.__cause__ or line.error):
                    first = line.error.problems[0]
                    print(
                        _line(where, first.path, UNREADABLE.code, Severity.ERROR, first.message),
                        file=sys.stderr,
                    )
                    status = max(status, EXIT_UNREADABLE)
                    continue
                for problem in line.error.problems:
                    code = DECODE_ERROR.code
                    print(_line(where, problem.path, code, Severity.ERROR, problem.message))
                status = max(status, EXIT_INVALID)
                continue
            assert line.bundle is not None  # a line holds one or the other
            report = validate(line.bundle, **options)
            for finding in report:
                print(_line(where, finding.path, finding.code, finding.severity, finding.message))
            if not report.ok:
                status = max(status, EXIT_INVALID)
    except CorpusReadError as error:
        where = name if error.line == 0 else f"{name}:{error.line}"
        print(_line(where, "$", UNREADABLE.code, Severity.ERROR, str(error)), file=sys.stderr)
        status = max(status, EXIT_UNREADABLE)
    return status


def run_show(args: argparse.Namespace) -> int:
    try:
        bundle = _decode(args.file)
    except _UnreadableError as error:
        print(printable(error), file=sys.stderr)
        return EXIT_UNREADABLE
    except DecodeError as error:
        for problem in error.problems:
            where = f"{printable(args.file)}: {printable(problem.path)}"
            print(f"{where}: {printable(problem.message)}", file=sys.stderr)
        return EXIT_INVALID
    sys.stdout.write(render_bundle(bundle))  # each value from the bundle escaped as placed
    return EXIT_OK
