"""The shape of the wire format that every decoder shares, known without cattrs.

Which model classes travel as JSON objects, which of them take ``x_…`` extension
keys, which fields travel under another key than their Python name, and how
deep in a document each can sit — the level from which the depth of its
extension values is counted, identically by every engine.
"""

from __future__ import annotations

import typing
from typing import Any

import attrs

from claimmodel.model import (
    SOURCE_CLASSES,
    Affiliation,
    Assertion,
    Attribution,
    Bundle,
    Claim,
    Confidence,
    DeclaredLevel,
    DeclaredScale,
    Draft,
    Evidence,
    Hedge,
    Identifier,
    Interval,
    Link,
    Occasion,
    Quantity,
    Rating,
    Relation,
    Role,
    Source,
    Span,
    Verdict,
)

__all__ = [
    "EXTENSIBLE",
    "NESTING_LEVELS",
    "PLAIN",
    "SHARED",
    "WIRE_KEYS",
    "is_homogeneous_tuple",
    "shared_key",
    "wire_key",
]

EXTENSIBLE: tuple[type, ...] = (
    Affiliation,
    Assertion,
    Attribution,
    Bundle,
    Claim,
    Confidence,
    DeclaredLevel,
    DeclaredScale,
    Draft,
    Evidence,
    Hedge,
    Link,
    Occasion,
    Quantity,
    Rating,
    Relation,
    Role,
    Rating,
    Verdict,
    *SOURCE_CLASSES.values(),
)
PLAIN: tuple[type, ...] = (Identifier, Interval, Span)

WIRE_KEYS: dict[type, dict[str, str]] = {Bundle: {"schema": "$schema"}}
"""Fields written under another key than their name: class → field name → wire key.

Error paths name fields without their class, so a field name renamed in one
class is renamed alike wherever it occurs (tests/test_format.py checks it).
"""

_RENAMED = {name: key for keys in WIRE_KEYS.values() for name, key in keys.items()}


def wire_key(name: str) -> str:
    """The wire key of a field called ``name``."""
    return _RENAMED.get(name, name)


SHARED: frozenset[type] = frozenset({Confidence, Hedge})
"""The classes whose equal values one document shares, whichever engine decodes it: they
repeat (a confidence level and its band, the same "allegedly") and hold no array."""


def shared_key(value: Any) -> tuple[Any, ...] | None:
    """A hashable key equal for equal JSON objects of strings, numbers and such objects only.

    Equal data is equal JSON: the key tells strings from numbers, and integers
    from floats (``1``, ``1.0``, ``true`` and ``-0.0`` against ``0.0`` are written
    differently); data holding anything else (an array, ``null``, a boolean, a
    ``str`` subclass, a key that is not a ``str``) has no key and is built afresh each time.
    """
    if type(value) is not dict:
        return None
    items: list[Any] = []
    for key, item in value.items():
        if type(key) is not str:
            return None
        kind = type(item)
        if kind is str:
            items.append((key, item))
        elif kind is float:
            items.append((key, 0, item.hex()))
        elif kind is int:
            items.append((key, 1, item))
        elif kind is dict:
            nested = shared_key(item)
            if nested is None:
                return None
            items.append((key, 2, nested))
        else:
            return None
    return tuple(items)


def is_homogeneous_tuple(tp: Any) -> bool:
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


def _nesting_levels() -> dict[type, int]:
    """The deepest level each model class can sit at in a document (the bundle is level 1).

    The format fixes every level except inside extension values, which the
    extension hooks count from here.  A class that can occur at two levels (a
    confidence and the ``original`` confidence inside it) counts from the
    deeper one, so the depth check is never lenient.  A class appears at most
    twice on one path: the model forbids an ``original`` inside an ``original``.
    """
    levels: dict[type, int] = {}
    pending: list[tuple[type, int, tuple[type, ...]]] = [(Bundle, 1, ())]
    while pending:
        cls, level, above = pending.pop()
        levels[cls] = max(level, levels.get(cls, 0))
        path = (*above, cls)
        for field in attrs.fields(attrs.resolve_types(cls)):
            tp, below = field.type, level + 1
            if is_homogeneous_tuple(tp):
                tp, below = typing.get_args(tp)[0], below + 1
            members = SOURCE_CLASSES.values() if tp is Source else (*typing.get_args(tp), tp)
            pending.extend(
                (m, below, path) for m in members if m in _STRUCTURED and path.count(m) < 2
            )
    return levels


_STRUCTURED = frozenset((*EXTENSIBLE, *PLAIN))
NESTING_LEVELS: dict[type, int] = _nesting_levels()
