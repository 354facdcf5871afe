"""What ``claimmodel validate`` found, and the four ways it writes it (``--format``).

``text`` is for people (one line per finding, coloured on a terminal), ``json`` for
programs, ``github`` for GitHub Actions annotations and ``sarif`` for code-scanning tools.
Every finding goes to standard output, whatever its kind; the summary goes to standard
error.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TextIO

import attrs

from claimmodel.cli._inputs import display_name
from claimmodel.cli._terminal import (
    Colour,
    colours_wanted,
    github_data,
    github_property,
    json_for_terminal,
    printable,
)
from claimmodel.validation import NOT_LISTED, Report, Rule, Severity

__all__ = ["FORMATS", "LOCATED_FORMATS", "Entry", "Summary", "Writer", "writer"]

FORMATS = ("text", "json", "github", "sarif")
LOCATED_FORMATS = frozenset({"github", "sarif"})
"""The formats that give each finding's line and column (found by parsing again)."""


@attrs.frozen(kw_only=True)
class Entry:
    """One finding in one file: a decoding problem, an unreadable file or a rule broken.

    ``file`` is the path as given (``-`` for standard input) and ``record`` the line of a
    JSON Lines corpus the finding is in (``None`` for a JSON file); ``line`` and ``column``
    are the place in the file, set for the formats that show them (and, for a corpus, the
    line is the record's).
    """

    file: str
    record: int | None = None
    path: str
    code: str
    severity: Severity
    message: str
    line: int | None = None
    column: int | None = None

    @property
    def name(self) -> str:
        """The file as text output names it: ``FILE``, or ``FILE:LINE`` in a corpus."""
        name = display_name(self.file)
        return name if self.record is None else f"{name}:{self.record}"

    def data(self) -> dict[str, Any]:
        """The object ``--format json`` writes for this entry (``line``: in a corpus)."""
        data: dict[str, Any] = {"file": display_name(self.file)}
        if self.record is not None:
            data["line"] = self.record
        return data | {
            "path": self.path,
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
        }


@attrs.define
class Summary:
    """What a run counted: files read, errors and warnings found."""

    files: int = 0
    errors: int = 0
    warnings: int = 0
    not_listed: int = 0

    def count(self, entry: Entry) -> None:
        if entry.code == NOT_LISTED.code:  # a count of other findings, counted by unlisted()
            return
        if entry.severity is Severity.ERROR:
            self.errors += 1
        else:
            self.warnings += 1

    def unlisted(self, report: Report) -> None:
        """Count the findings ``report`` found but does not list (see ``max_findings``)."""
        self.errors += report.unlisted_errors
        self.warnings += report.unlisted_warnings
        self.not_listed += report.unlisted

    def __str__(self) -> str:
        counts = ", ".join(
            f"{number:,} {noun}" if number == 1 else f"{number:,} {noun}s"
            for number, noun in (
                (self.files, "file"),
                (self.errors, "error"),
                (self.warnings, "warning"),
            )
        )
        if self.not_listed:
            counts += f" ({self.not_listed:,} not listed: see --max-findings)"
        return counts


class Writer:
    """Writes entries to a stream as they come (text, github) or all at the end (json, sarif)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def add(self, entry: Entry) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Write whatever is written only at the end."""


class _Text(Writer):
    def __init__(self, stream: TextIO) -> None:
        super().__init__(stream)
        self.colour = colours_wanted(stream)

    def add(self, entry: Entry) -> None:
        colour = Colour.RED if entry.severity is Severity.ERROR else Colour.YELLOW
        head = Colour.BOLD.paint(printable(entry.name), enabled=self.colour)
        level = colour.paint(f"{entry.code} {entry.severity.value}", enabled=self.colour)
        path = printable(entry.path)
        self.stream.write(f"{head}: {path}: {level}: {printable(entry.message)}\n")


class _GitHub(Writer):
    def add(self, entry: Entry) -> None:
        properties = [f"file={github_property(printable(display_name(entry.file)))}"]
        if entry.line is not None:
            properties.append(f"line={entry.line}")
        if entry.column is not None:
            properties.append(f"col={entry.column}")
        title = f"{entry.code} at {entry.path}"
        properties.append(f"title={github_property(printable(title))}")
        message = github_data(printable(entry.message))
        self.stream.write(f"::{entry.severity.value} {','.join(properties)}::{message}\n")


class _Json(Writer):
    def __init__(self, stream: TextIO) -> None:
        super().__init__(stream)
        self.entries: list[Entry] = []

    def add(self, entry: Entry) -> None:
        self.entries.append(entry)

    def close(self) -> None:
        data = [entry.data() for entry in self.entries]
        self.stream.write(json_for_terminal(data) + "\n")


class _Sarif(_Json):
    def __init__(self, stream: TextIO, *, rules: Mapping[str, Rule], version: str) -> None:
        super().__init__(stream)
        self.rules = rules
        self.version = version

    def close(self) -> None:
        from claimmodel.cli._sarif import sarif_log  # noqa: PLC0415

        log = sarif_log(self.entries, rules=self.rules, version=self.version)
        self.stream.write(json_for_terminal(log) + "\n")


def writer(
    name: str, stream: TextIO, *, rules: Mapping[str, Rule], version: Callable[[], str]
) -> Writer:
    """The writer of format ``name`` (one of :data:`FORMATS`); ``version`` gives the tool's
    version, read only by SARIF (reading it loads ``importlib.metadata``)."""
    if name == "text":
        return _Text(stream)
    if name == "github":
        return _GitHub(stream)
    if name == "json":
        return _Json(stream)
    return _Sarif(stream, rules=rules, version=version())
