"""A SARIF 2.1.0 log of ``claimmodel validate``'s findings, for code-scanning tools.

Each result names its rule, its level, the file, the finding's JSON path as a logical
location and, where the path can be found in the text, its line and column.  Every rule is
listed in the tool's driver, so that a viewer can show its name and purpose.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from claimmodel.cli._inputs import STDIN
from claimmodel.cli._results import Entry
from claimmodel.validation import Rule

__all__ = ["SARIF_SCHEMA", "SARIF_VERSION", "artifact_location", "sarif_log"]

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
"""The published identifier of the schema the log follows (its ``$schema``)."""


def artifact_location(path: str) -> dict[str, Any]:
    """A file's artifactLocation: a relative URI reference, or a file URI when absolute."""
    if path == STDIN:
        return {"description": {"text": "standard input"}}
    pure = PurePath(path)
    if pure.is_absolute():
        return {"uri": pure.as_uri()}
    return {"uri": quote(pure.as_posix())}


def _rule(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "defaultConfiguration": {"level": rule.severity.value},
        "properties": {"family": rule.family.value},
    }


def _result(entry: Entry, index: int) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": artifact_location(entry.file)}
    if entry.line is not None:
        physical["region"] = {"startLine": entry.line}
        if entry.column is not None:
            physical["region"]["startColumn"] = entry.column
    return {
        "ruleId": entry.code,
        "ruleIndex": index,
        "level": entry.severity.value,
        "message": {"text": entry.message},
        "locations": [
            {
                "physicalLocation": physical,
                "logicalLocations": [{"fullyQualifiedName": entry.path, "kind": "element"}],
            }
        ],
    }


def sarif_log(
    entries: Iterable[Entry], *, rules: Mapping[str, Rule], version: str
) -> dict[str, Any]:
    """The SARIF log of ``entries``; ``rules`` is every rule by code, ``version`` the tool's."""
    index = {code: number for number, code in enumerate(rules)}
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "claimmodel",
                        "version": version,
                        "rules": [_rule(rule) for rule in rules.values()],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(entry, index[entry.code]) for entry in entries],
            }
        ],
    }
