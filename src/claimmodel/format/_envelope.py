"""The versioned envelope: which format a document is in, and upgrading older ones.

A document names its format as ``"claimmodel/MAJOR.MINOR"``.  This release writes
:data:`FORMAT_VERSION` and reads every version listed in :data:`_UPGRADES`, each
upgraded at the dict level, one step at a time, before structuring.  A newer
minor version may carry keys this release does not know, so it is refused with
an error that says to upgrade claimmodel; an unknown major version likewise.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from claimmodel.exceptions import UnsupportedFormatError
from claimmodel.model._checks import type_name

__all__ = ["FORMAT_NAME", "FORMAT_VERSION", "parse_version", "upgrade"]

FORMAT_NAME = "claimmodel"
CURRENT = (1, 0)
FORMAT_VERSION = f"{FORMAT_NAME}/{CURRENT[0]}.{CURRENT[1]}"
"""The ``format`` string this release writes."""

_VERSION = re.compile(r"claimmodel/(0|[1-9][0-9]{0,3})\.(0|[1-9][0-9]{0,3})", re.ASCII)

Upgrade = Callable[[dict[str, Any]], dict[str, Any]]

_UPGRADES: dict[tuple[int, int], tuple[tuple[int, int], Upgrade]] = {}
"""For each older readable version: the next version and the dict-level step to it."""


def parse_version(value: object) -> tuple[int, int]:
    """The ``(major, minor)`` a ``format`` value names, or an :class:`UnsupportedFormatError`."""
    if type(value) is not str:
        raise UnsupportedFormatError.single(
            "$.format", f"expected a string such as {FORMAT_VERSION!r}, got {type_name(value)}"
        )
    match = _VERSION.fullmatch(value)
    if match is None:
        raise UnsupportedFormatError.single(
            "$.format", f"{value!r} is not a claimmodel format; expected e.g. {FORMAT_VERSION!r}"
        )
    return int(match[1]), int(match[2])


def upgrade(data: dict[str, Any], version: tuple[int, int]) -> dict[str, Any]:
    """``data`` (a document of ``version``) rewritten as the current version."""
    major, minor = version
    if version == CURRENT:
        return data
    if major != CURRENT[0] and version not in _UPGRADES:
        raise UnsupportedFormatError.single(
            "$.format",
            f"format major version {major} is not supported; this release reads "
            f"{FORMAT_NAME}/{CURRENT[0]}.x up to {FORMAT_VERSION}",
        )
    if version > CURRENT:
        raise UnsupportedFormatError.single(
            "$.format",
            f"{FORMAT_NAME}/{major}.{minor} is newer than this release reads "
            f"({FORMAT_VERSION}); upgrade claimmodel",
        )
    while version != CURRENT:
        if version not in _UPGRADES:
            raise UnsupportedFormatError.single(
                "$.format", f"{FORMAT_NAME}/{version[0]}.{version[1]} was never released"
            )
        version, step = _UPGRADES[version]
        data = step(data)
    return data
