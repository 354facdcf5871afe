"""Short reprs: a value class shows only the fields that differ from their defaults.

attrs' own repr prints every field, so a claim with one text printed eight fields and an
empty bundle ten.  ``Claim(text='x', id='c')`` reads at a glance in a notebook or a
traceback, and it is still an expression that builds an equal object.  Reprs are not part
of the public API (docs/compatibility.md): their wording may change.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

__all__ = ["compact_repr", "use_compact_reprs"]


def _default(field: attrs.Attribute[Any], instance: object) -> object:
    default = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]  # attrs' Factory is a class
        factory: Any = default
        return factory.factory(instance) if factory.takes_self else factory.factory()
    return default


def compact_repr(self: object) -> str:
    """``Class(field=value, ...)`` with only the fields whose values are not their defaults."""
    parts = []
    for field in attrs.fields(type(self)):  # type: ignore[arg-type]  # set on attrs classes only
        if not field.repr:
            continue
        value = getattr(self, field.name)
        default = _default(field, self)
        if default is not attrs.NOTHING and type(value) is type(default) and value == default:
            continue
        shown = field.repr(value) if callable(field.repr) else repr(value)
        parts.append(f"{field.alias or field.name}={shown}")
    return f"{type(self).__name__}({', '.join(parts)})"


def use_compact_reprs(namespace: Mapping[str, object] | Iterable[object]) -> None:
    """Give :func:`compact_repr` to each attrs class among ``namespace``'s values.

    Each public subpackage calls this once over its own names, so a class added to it later
    gets the short repr without touching the class itself.
    """
    values = namespace.values() if isinstance(namespace, Mapping) else namespace
    for value in list(values):
        if (
            isinstance(value, type)
            and attrs.has(value)
            and value.__module__.startswith("claimmodel.")
        ):
            value.__repr__ = compact_repr  # type: ignore[method-assign]
