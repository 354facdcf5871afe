"""Immutable JSON values: the home of extension data (``x_…`` keys).

Extension values are arbitrary JSON.  To keep every model object deeply immutable
and hashable, arrays become tuples and objects become :class:`FrozenMap`.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any, TypeAlias, TypeVar, cast

from claimmodel.exceptions import InvalidTypeError, InvalidValueError

__all__ = [
    "EMPTY_MAP",
    "FrozenMap",
    "JSONValue",
    "freeze_json",
    "lone_surrogate",
    "thaw_json",
    "unwritable_integer",
]

_V_co = TypeVar("_V_co", covariant=True)

JSONValue: TypeAlias = (
    "bool | int | float | str | tuple[JSONValue, ...] | FrozenMap[JSONValue] | None"
)
"""A JSON value in frozen form: arrays are tuples, objects are :class:`FrozenMap`."""


class FrozenMap(Mapping[str, _V_co]):
    """A read-only, hashable mapping with string keys, equal to any mapping with equal items.

    Iteration follows insertion order; equality and hashing do not depend on order.
    Lists, tuples, dicts and sets among the values are frozen on the way in (to
    tuples, ``FrozenMap`` and ``frozenset``), so nothing reachable from the map can
    change and a map of JSON-like data is always hashable.  The items are kept
    behind a read-only view, and the map is built once: its cached hash cannot go
    stale.
    """

    __slots__ = ("_hash", "_items")

    _items: MappingProxyType[str, _V_co]
    _hash: int | None

    def __new__(cls, items: Mapping[str, _V_co] | None = None) -> FrozenMap[_V_co]:
        if items is not None and not isinstance(items, Mapping):
            raise InvalidTypeError(f"FrozenMap needs a mapping, not {type(items).__name__}")
        frozen = {key: _frozen(value) for key, value in dict(items).items()} if items else {}
        return cls._of(cast("dict[str, _V_co]", frozen))

    @classmethod
    def _of(cls, items: dict[str, _V_co]) -> FrozenMap[_V_co]:
        """A map of ``items`` taken as they are: values already frozen, dict not shared."""
        instance = object.__new__(cls)
        object.__setattr__(instance, "_items", MappingProxyType(items))
        object.__setattr__(instance, "_hash", None)
        return instance

    def __getitem__(self, key: str) -> _V_co:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        if self._hash is None:
            object.__setattr__(self, "_hash", hash(frozenset(self._items.items())))
        return cast("int", self._hash)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenMap):
            return _same_json(self, other)
        if isinstance(other, Mapping):
            return dict(self._items) == dict(other)
        return NotImplemented

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("FrozenMap is immutable")

    def __repr__(self) -> str:
        return f"FrozenMap({dict(self._items)!r})"

    def __reduce__(self) -> tuple[type[FrozenMap[_V_co]], tuple[dict[str, _V_co]]]:
        return (type(self), (dict(self._items),))


def _frozen(value: Any) -> Any:
    """``value`` with every list, tuple, dict and set in it frozen (other values as they are)."""
    kind = type(value)
    if kind is list or kind is tuple:
        return tuple(_frozen(item) for item in value)
    if kind is set:
        return frozenset(value)
    if isinstance(value, Mapping) and not isinstance(value, FrozenMap):
        return FrozenMap(value)
    return value


EMPTY_MAP: FrozenMap[JSONValue] = FrozenMap()


def _same_json(first: object, second: object) -> bool:
    """Equality that JSON text can tell apart: ``true`` is not ``1``, ``1`` is not ``1.0``
    and ``0.0`` is not ``-0.0`` — so equal extension data always encodes identically."""
    if type(first) is not type(second):
        return False
    if type(first) is float:
        assert isinstance(second, float)
        return first == second and math.copysign(1.0, first) == math.copysign(1.0, second)
    if type(first) is tuple:
        assert isinstance(second, tuple)
        return len(first) == len(second) and all(
            _same_json(a, b) for a, b in zip(first, second, strict=True)
        )
    if isinstance(first, FrozenMap):
        assert isinstance(second, FrozenMap)
        items = first._items
        other = second._items
        return items.keys() == other.keys() and all(
            _same_json(value, other[key]) for key, value in items.items()
        )
    return first == second


def lone_surrogate(text: str) -> int | None:
    """The index of the first lone surrogate (U+D800–U+DFFF) in ``text``, or ``None``.

    JSON text can spell one (``"\\ud800"``) and Python can hold one, but no UTF-8
    document can carry it: a value holding one could not be written.  Only non-ASCII
    strings pay for the check (``isascii`` takes constant time).
    """
    if text.isascii():
        return None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        return error.start
    return None


def unwritable_integer(value: int) -> bool:
    """Whether ``value`` has more digits than Python turns into text.

    That is ``sys.get_int_max_str_digits()`` digits, 4,300 by default: such an
    integer could be neither written as JSON nor read back.
    """
    digits = sys.get_int_max_str_digits()
    if not digits or value.bit_length() <= 3 * digits:  # fewer bits always fit (log2 10 > 3)
        return False
    return abs(value) >= _power_of_ten(digits)


def _power_of_ten(digits: int) -> int:
    if _POWERS.get(digits) is None:
        _POWERS[digits] = 10**digits
    return _POWERS[digits]


_POWERS: dict[int, int] = {}


def _unicode(value: str, where: str, what: str = "string") -> str:
    at = lone_surrogate(value)
    if at is not None:
        raise InvalidValueError(
            f"{where}: the {what} holds a lone surrogate U+{ord(value[at]):04X} at character "
            f"{at}, which is not Unicode text and cannot be written as UTF-8"
        )
    return value


def freeze_json(value: object, *, where: str = "value") -> JSONValue:
    """Return ``value`` as a frozen JSON value, rejecting anything JSON cannot hold.

    Lists and tuples become tuples, dicts become :class:`FrozenMap`; non-finite
    floats, non-string keys, strings holding a lone surrogate, integers of more
    digits than Python writes and non-JSON types raise a :class:`ClaimModelError`
    subclass naming ``where``.
    """
    if value is None or type(value) is bool:
        return cast("JSONValue", value)
    if type(value) is str:
        return _unicode(value, where)
    if type(value) is int:
        if unwritable_integer(value):
            raise InvalidValueError(
                f"{where}: an integer of {value.bit_length():,} bits has more digits than "
                "Python writes as text (sys.get_int_max_str_digits())"
            )
        return value
    if type(value) is float:
        if not math.isfinite(value):
            raise InvalidValueError(f"{where}: {value} is not a JSON number")  # nan, inf, -inf
        return value
    if type(value) in (list, tuple):
        items = cast("list[object] | tuple[object, ...]", value)
        return tuple(freeze_json(item, where=f"{where}[{i}]") for i, item in enumerate(items))
    if isinstance(value, Mapping):
        mapping = cast("Mapping[object, object]", value)
        frozen: dict[str, JSONValue] = {}
        for key, item in mapping.items():
            if type(key) is not str:
                raise InvalidTypeError(
                    f"{where}: object keys must be strings, not {_shown_key(key)}"
                )
            frozen[_unicode(key, where, "key")] = freeze_json(item, where=f"{where}.{key}")
        return FrozenMap._of(frozen)  # every value frozen just now
    raise InvalidTypeError(f"{where}: {type(value).__name__} is not a JSON value")


def _shown_key(key: object) -> str:
    try:
        text = repr(key)
    except ValueError:  # an integer too long to write
        return type(key).__name__
    return text if len(text) <= 80 else f"{text[:79]}…"


def thaw_json(value: JSONValue) -> object:
    """Return a frozen JSON value as plain ``dict``/``list`` data, objects with sorted keys."""
    if isinstance(value, tuple):
        return [thaw_json(item) for item in value]
    if isinstance(value, FrozenMap):
        return {key: thaw_json(value[key]) for key in sorted(value)}
    return value
