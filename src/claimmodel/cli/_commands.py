"""What the ``validate``, ``show`` and ``schema`` sub-commands do."""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from collections.abc import Iterator
from typing import Any

from claimmodel.cli._inputs import (
    CorpusReadError,
    UnreadableError,
    decode,
    decode_bytes,
    display_name,
    expand,
    is_jsonl,
    is_unreadable,
    read,
    read_corpus,
)
from claimmodel.cli._results import LOCATED_FORMATS, Entry, Summary, writer
from claimmodel.cli._show import render_bundle
from claimmodel.cli._terminal import printable
from claimmodel.exceptions import DecodeError, InvalidValueError
from claimmodel.format import json_schema
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
DEFAULT_MAX_FINDINGS = 1000
"""How many findings of one bundle ``claimmodel validate`` lists unless told otherwise."""

__all__ = [
    "DEFAULT_MAX_FINDINGS",
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_UNREADABLE",
    "invalid_notice",
    "package_version",
    "print_decode_error",
    "print_unreadable",
    "run_schema",
    "run_show",
    "run_validate",
]


def package_version() -> str:
    """The installed claimmodel's version."""
    from importlib.metadata import version  # noqa: PLC0415

    return version("claimmodel")


def print_unreadable(error: UnreadableError) -> None:
    """Report a file that cannot be read on standard error (show, report and the like)."""
    print(printable(error), file=sys.stderr)


def print_decode_error(path: str, error: DecodeError) -> None:
    """Report an invalid bundle on standard error, one problem a line."""
    name = printable(display_name(path))
    for problem in error.problems:
        where = f"{name}: {printable(problem.path)}"
        print(f"{where}: {printable(problem.message)}", file=sys.stderr)


def invalid_notice(command: str, name: str, path: str, bundle: Bundle) -> str | None:
    """One line saying that ``bundle`` (``name``, read from ``path``) breaks validation rules.

    ``None`` when no rule finds an error in it.  ``show`` and ``report`` print it to
    standard error, so that nobody takes what they print for a sound record.
    """
    errors = validate(bundle).errors
    if not errors:
        return None
    first = errors[0]
    count = "1 validation error" if len(errors) == 1 else f"{len(errors)} validation errors"
    return printable(
        f"claimmodel {command}: {name}: {count} (first: {first.code} at {first.path}); "
        f"run `claimmodel validate {shlex.quote(path)}` to see them"
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


def _list_rules() -> int:
    for rule in RULES.values():
        print(f"{rule.code} {rule.name} ({rule.severity.value}): {rule.summary}")
    return EXIT_OK


def _check(
    path: str, options: dict[str, Any], summary: Summary, *, locate: bool
) -> tuple[int, list[Entry]]:
    """The exit status for ``path`` and its entries, with lines and columns if ``locate``;
    ``summary`` counts the findings the report does not list."""
    entries: list[Entry] = []
    status = EXIT_OK
    data = b""
    try:
        data = read(path)
        bundle = decode_bytes(path, data)
    except UnreadableError as error:
        entries.append(_entry(path, error.where, UNREADABLE.code, error.reason))
        status = EXIT_UNREADABLE
    except DecodeError as error:
        code = DECODE_ERROR.code
        entries += [_entry(path, problem.path, code, problem.message) for problem in error]
        status = EXIT_INVALID
    else:
        report = validate(bundle, **options)
        summary.unlisted(report)
        entries += [
            Entry(
                file=path,
                path=finding.path,
                code=finding.code,
                severity=finding.severity,
                message=finding.message,
            )
            for finding in report
        ]
        if not report.ok:
            status = EXIT_INVALID
    if locate and entries and data:
        entries = list(_located(entries, data))
    return status, entries


def _entry(path: str, where: str, code: str, message: str, *, record: int | None = None) -> Entry:
    return Entry(
        file=path,
        record=record,
        path=where,
        code=code,
        severity=Severity.ERROR,
        message=message,
        line=record,
    )


def _check_corpus(
    path: str, options: dict[str, Any], summary: Summary, *, progress: bool
) -> Iterator[tuple[int, Entry | None]]:
    """Validate a JSON Lines corpus line by line, holding one bundle at a time.

    Yields the status of each line and its entries (``None`` once for a line without any),
    so that the caller counts lines and writes findings as they come.
    """
    try:
        for line in read_corpus(path, progress=progress):
            number = line.number
            if line.error is not None:
                if is_unreadable(line.error.__cause__ or line.error):
                    first = line.error.problems[0]
                    code = UNREADABLE.code
                    yield (
                        EXIT_UNREADABLE,
                        _entry(path, first.path, code, first.message, record=number),
                    )
                    continue
                for problem in line.error.problems:
                    code = DECODE_ERROR.code
                    yield (
                        EXIT_INVALID,
                        _entry(path, problem.path, code, problem.message, record=number),
                    )
                continue
            assert line.bundle is not None  # a line holds one or the other
            report = validate(line.bundle, **options)
            summary.unlisted(report)
            status = EXIT_OK if report.ok else EXIT_INVALID
            found = False
            for finding in report:
                found = True
                yield (
                    status,
                    Entry(
                        file=path,
                        record=number,
                        path=finding.path,
                        code=finding.code,
                        severity=finding.severity,
                        message=finding.message,
                        line=number,
                    ),
                )
            if not found:
                yield EXIT_OK, None
    except CorpusReadError as error:
        record = error.line or None
        yield EXIT_UNREADABLE, _entry(path, "$", UNREADABLE.code, str(error), record=record)


def _located(entries: list[Entry], data: bytes) -> Iterator[Entry]:
    from claimmodel.cli._positions import Positions  # noqa: PLC0415  (only for github, sarif)

    positions = Positions(data)
    for entry in entries:
        place = positions.syntax_error() if entry.code == UNREADABLE.code else None
        line, column = place or positions.line_column(entry.path)
        yield Entry(
            file=entry.file,
            path=entry.path,
            code=entry.code,
            severity=entry.severity,
            message=entry.message,
            line=line,
            column=column,
        )


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
        options["max_findings"] = args.max_findings or None
    except InvalidValueError as error:
        print(f"claimmodel validate: error: {printable(error)}", file=sys.stderr)
        return EXIT_UNREADABLE
    output = writer(args.format, sys.stdout, rules=RULES, version=package_version)
    locate = args.format in LOCATED_FORMATS
    summary = Summary()
    status = EXIT_OK
    for path in expand(args.files):
        summary.files += 1
        if is_jsonl(path, jsonl=args.jsonl):
            for line_status, found in _check_corpus(
                path, options, summary, progress=not args.quiet
            ):
                status = max(status, line_status)
                if found is not None:
                    summary.count(found)
                    output.add(found)
            continue
        file_status, entries = _check(path, options, summary, locate=locate)
        status = max(status, file_status)
        for entry in entries:
            summary.count(entry)
            output.add(entry)
    output.close()
    if not args.quiet:
        sys.stdout.flush()  # the findings before the summary, when both go to one terminal
        print(summary, file=sys.stderr)
    return status


def _bundles_to_show(path: str) -> Iterator[tuple[str, Bundle | None, int]]:
    """Each bundle of ``path`` with the name to head it (``None`` and a status if it failed)."""
    if not is_jsonl(path, jsonl=False):
        try:
            yield display_name(path), decode(path), EXIT_OK
        except UnreadableError as error:
            print_unreadable(error)
            yield display_name(path), None, EXIT_UNREADABLE
        except DecodeError as error:
            print_decode_error(path, error)
            yield display_name(path), None, EXIT_INVALID
        return
    try:
        for line in read_corpus(path):
            name = f"{display_name(path)}:{line.number}"
            if line.error is not None:
                print_decode_error(name, line.error)
            yield name, line.bundle, EXIT_OK if line.error is None else EXIT_INVALID
    except CorpusReadError as error:
        print(f"{printable(display_name(path))}: {printable(error)}", file=sys.stderr)
        yield display_name(path), None, EXIT_UNREADABLE


def run_show(args: argparse.Namespace) -> int:
    status = EXIT_OK
    paths = list(expand(args.files))
    shown = 0
    for path in paths:
        for name, bundle, read_status in _bundles_to_show(path):
            status = max(status, read_status)
            if bundle is None:
                continue
            notice = invalid_notice("show", name, path, bundle)
            if notice is not None:
                print(notice, file=sys.stderr)  # shown all the same: the record as it is
            if shown:
                sys.stdout.write("\n")
            if len(paths) > 1 or name != display_name(path):
                sys.stdout.write(f"==> {printable(name)} <==\n")
            sys.stdout.write(render_bundle(bundle))  # each value from the bundle escaped as placed
            shown += 1
    return status


def run_schema(args: argparse.Namespace) -> int:
    schema = json_schema(args.format_version)
    sys.stdout.write(json.dumps(schema, indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK
