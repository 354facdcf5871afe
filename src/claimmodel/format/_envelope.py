"""The versioned envelope: which format a document is in, and upgrading older ones.

A document names its format as ``"claimmodel/MAJOR.MINOR"``.  This release writes
:data:`FORMAT_VERSION` and reads every version listed in :data:`_UPGRADES`, each
upgraded at the dict level, one step at a time, before structuring.  A newer
minor version may carry keys this release does not know, so it is refused with
an error that says to upgrade claimmodel; an unknown major version likewise.

A minor version only adds optional keys and enumeration values, so a document of
an older minor version means the same in the newer one and its upgrade changes
nothing.  What the upgrade does check is that the document keeps to its own
version: a key or value added later, in a document that says it is older, is an
error naming the version that added it (as packaging refuses a metadata field
newer than the declared ``Metadata-Version``).  :data:`ADDED_IN` lists them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from claimmodel.exceptions import DecodeError, Problem, UnsupportedFormatError
from claimmodel.format._errors import json_path_step
from claimmodel.model._checks import type_name

__all__ = ["ADDED_IN", "FORMAT_NAME", "FORMAT_VERSION", "parse_version", "upgrade"]

FORMAT_NAME = "claimmodel"
CURRENT = (1, 1)
FORMAT_VERSION = f"{FORMAT_NAME}/{CURRENT[0]}.{CURRENT[1]}"
"""The ``format`` string this release writes."""

_VERSION = re.compile(r"claimmodel/(0|[1-9][0-9]{0,3})\.(0|[1-9][0-9]{0,3})", re.ASCII)

Upgrade = Callable[[dict[str, Any]], dict[str, Any]]

# -- what each minor version added ---------------------------------------------------

_CHILDREN: dict[str, dict[str, tuple[str, bool]]] = {
    "bundle": {
        "sources": ("source", True),
        "claims": ("claim", True),
        "assertions": ("assertion", True),
        "relations": ("relation", True),
    },
    "source": {
        "roles": ("role", True),
        "affiliations": ("affiliation", True),
        "reliability": ("confidence", False),
    },
    "assertion": {
        "attribution": ("attribution", False),
        "confidence": ("confidence", False),
        "hedges": ("hedge", True),
        "evidence": ("evidence", True),
    },
    "attribution": {"chain": ("link", True)},
    "confidence": {"original": ("confidence", False)},
}
"""Where the objects of ``claimmodel/1.0`` hold other objects: key → (object, in an array).

A source's kind-specific keys are listed under ``"source:KIND"`` in :data:`ADDED_IN`.
"""

ADDED_IN: dict[tuple[int, int], dict[str, frozenset[str]]] = {
    (1, 1): {
        "bundle": frozenset({"$schema", "published_certainty", "scales", "verdicts"}),
        "source": frozenset({"identifiers", "draft"}),
        "claim": frozenset({"draft", "parties", "quantity"}),
        "assertion": frozenset(
            {"draft", "occasion", "mode", "retracts", "corrects", "earliest", "latest"}
        ),
        "source:anonymous": frozenset({"count", "ground_rule", "independent"}),
        "source:document": frozenset({"published_certainty"}),
        "hedge": frozenset({"draft"}),
        "attribution": frozenset({"cue_span"}),
        "link": frozenset({"cue_span"}),
        "evidence": frozenset(
            {
                "quotation",
                "language",
                "original",
                "original_language",
                "kind",
                "sha256",
                "captured",
                "archived",
                "archive_url",
                "bearing",
            }
        ),
        "relation": frozenset({"draft"}),
    },
}
"""For each minor version, the keys it added, by the object of the older version that
holds them (keys of objects it added are not listed: their parent key is)."""

ADDED_VALUES: dict[tuple[int, int], dict[tuple[str, str], frozenset[str]]] = {
    (1, 1): {
        ("assertion", "stance"): frozenset({"declines-to-comment", "does-not-respond"}),
        ("relation", "kind"): frozenset({"translation-of", "paraphrase-of"}),
    },
}
"""For each minor version, the enumeration values it added: (object, key) → values."""


def _check_keeps_to(data: dict[str, Any], version: tuple[int, int]) -> None:
    """Refuse keys and values that ``data``, a document of ``version``, cannot hold.

    Only what later minor versions added is looked for; anything else that is
    wrong is left to the decoder, which reports it with every other problem.
    """
    if all(added <= version for added in ADDED_IN):
        return
    problems: list[Problem] = []
    stack: list[tuple[object, str, str]] = [(data, "bundle", "$")]
    while stack:  # depth first, in document order
        node, name, path = stack.pop()
        if type(node) is not dict:
            continue
        names = {name}
        if name == "source" and type(node.get("kind")) is str:
            names.add(f"source:{node['kind']}")
        for key, value in node.items():
            added = _added(names, key, value, version)
            if added is not None:
                what = f"key {key!r}" if added[1] else f"value {value!r}"
                problems.append(_too_new(path + json_path_step(key), what, added[0], version))
        children = _CHILDREN.get(name, {})
        for key in reversed(node):
            if key not in children:
                continue
            child, many = children[key]
            value, step = node[key], path + json_path_step(key)
            if not many:
                stack.append((value, child, step))
            elif type(value) is list:
                stack.extend((value[i], child, f"{step}[{i}]") for i in reversed(range(len(value))))
    if problems:
        raise DecodeError(problems)


def _added(
    names: set[str], key: str, value: object, version: tuple[int, int]
) -> tuple[str, bool] | None:
    """The version after ``version`` that added ``key`` (``True``) or its ``value``
    (``False``) to the objects ``names``, if one did."""
    for added, keys in ADDED_IN.items():
        if added <= version:
            continue
        spelled = f"{FORMAT_NAME}/{added[0]}.{added[1]}"
        if any(key in keys.get(name, ()) for name in names):
            return spelled, True
        values = ADDED_VALUES[added]
        if type(value) is str and any(value in values.get((n, key), ()) for n in names):
            return spelled, False
    return None


def _too_new(path: str, what: str, added: str, version: tuple[int, int]) -> Problem:
    said = f"{FORMAT_NAME}/{version[0]}.{version[1]}"
    return Problem(
        path=path,
        message=f"{what} was added in {added}, but the document's format is {said}; "
        f'write "format": "{added}" (or newer) to use it',
    )


def _from_1_0(data: dict[str, Any]) -> dict[str, Any]:
    # 1.1 only added keys and values: a 1.0 document that keeps to 1.0 is a 1.1 document.
    _check_keeps_to(data, (1, 0))
    return data


_UPGRADES: dict[tuple[int, int], tuple[tuple[int, int], Upgrade]] = {
    (1, 0): ((1, 1), _from_1_0),
}
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
