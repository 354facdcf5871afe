"""Validators and converters for *local* facts, shared by every model class.

They check types strictly (``None`` is not ``"None"``, a string is not a list of
characters) and raise :class:`~claimmodel.exceptions.InvalidTypeError` or
:class:`~claimmodel.exceptions.InvalidValueError` naming the field.
Cross-object rules belong to :mod:`claimmodel.validation`, not here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping
from enum import Enum
from typing import Any, TypeVar

import attrs

from claimmodel.exceptions import InvalidTypeError, InvalidValueError
from claimmodel.model._frozen import (
    EMPTY_MAP,
    FrozenMap,
    JSONValue,
    freeze_json,
    lone_surrogate,
    unwritable_integer,
)

_T = TypeVar("_T")

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def type_name(value: object) -> str:
    """How a value's type is named in messages (JSON terms where they apply)."""
    if value is None:
        return "null"
    names = {bool: "a boolean", int: "an integer", float: "a number", str: "a string"}
    if type(value) in names:
        return names[type(value)]
    if isinstance(value, list | tuple):
        return "an array"
    if isinstance(value, Mapping):
        return "an object"
    return type(value).__name__


def shown(value: object, longest: int = 80) -> str:
    """``repr(value)`` for a message, cut to about ``longest`` characters.

    An integer too long to be worth writing (or too long for Python to write at
    all: more than 4,300 digits) is described by its size instead.
    """
    if type(value) is int and value.bit_length() > 4 * longest:
        return f"an integer of {value.bit_length():,} bits"
    try:
        text = repr(value)
    except ValueError:  # a container of an integer too long for Python to write
        return type_name(value)
    return text if len(text) <= longest else f"{text[: longest - 1]}…"


def argument(function: str, value: object, cls: type | tuple[type, ...], noun: str) -> None:
    """Refuse an argument of a public function that is not an instance of ``cls``.

    ``noun`` names what is expected ("a Bundle"); the message names the function.
    """
    if not isinstance(value, cls):
        raise InvalidTypeError(f"{function}() needs {noun}, not {type_name(value)}")


def arguments(
    function: str, values: object, cls: type | tuple[type, ...], nouns: str
) -> tuple[Any, ...]:
    """The items of an iterable argument, each an instance of ``cls`` (``nouns`` names them).

    A string or a mapping is not taken for a collection of items.
    """
    if isinstance(values, str | bytes | Mapping) or not isinstance(values, Iterable):
        raise InvalidTypeError(
            f"{function}() needs an iterable of {nouns}, not {type_name(values)}"
        )
    items = tuple(values)
    for index, item in enumerate(items):
        if not isinstance(item, cls):
            raise InvalidTypeError(
                f"{function}() needs {nouns}, not {type_name(item)} (item {index})"
            )
    return items


def unicode(name: str, value: str, index: int | None = None) -> None:
    """Refuse a string holding a lone surrogate: it is not Unicode text, and no UTF-8
    document (so no bundle claimmodel writes) can carry it.

    ``index`` is the item's position when the string is an item of the field.
    """
    at = lone_surrogate(value)
    if at is not None:
        where = name if index is None else f"{name}[{index}]"
        raise InvalidValueError(
            f"{where} holds a lone surrogate U+{ord(value[at]):04X} at character {at}, "
            "which is not Unicode text and cannot be written as UTF-8",
            field=name,
        )


def writable_integer(name: str, value: int) -> None:
    """Refuse an integer of more digits than Python writes as text (4,300 by default):
    no JSON that claimmodel writes, or reads, can hold it."""
    if unwritable_integer(value):
        raise InvalidValueError(
            f"{name} has more digits than Python writes as text "
            f"(sys.get_int_max_str_digits()): {shown(value)}",
            field=name,
        )


def text(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A string with at least one non-space character."""
    if type(value) is not str:
        raise InvalidTypeError(
            f"{attribute.name} must be a string, not {type_name(value)}", field=attribute.name
        )
    if not value or value.isspace():
        raise InvalidValueError(
            f"{attribute.name} must not be empty or only whitespace", field=attribute.name
        )
    unicode(attribute.name, value)


def optional_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``None`` or :func:`text`."""
    if value is not None:
        text(instance, attribute, value)


def identifier(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An id: a non-empty string without leading or trailing whitespace."""
    if type(value) is not str:
        raise InvalidTypeError(
            f"{attribute.name} must be a string id, not {type_name(value)}", field=attribute.name
        )
    if not value or value.strip() != value:
        raise InvalidValueError(
            f"{attribute.name} must be a non-empty id without surrounding whitespace, "
            f"not {shown(value)}",
            field=attribute.name,
        )
    unicode(attribute.name, value)


def optional_identifier(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``None`` or :func:`identifier`."""
    if value is not None:
        identifier(instance, attribute, value)


_NOT_IN_URI = re.compile("[\x00-\x20\x7f-\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")
"""Whitespace (as ``str.isspace`` has it) and control characters."""


def certainty_of(date_field: str) -> Validator:
    """A validator of a certainty field that qualifies ``date_field``: ``None``, or a
    :class:`~claimmodel.model.DateCertainty` of a date that is there."""

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        from claimmodel.model._dates import DateCertainty  # noqa: PLC0415  (no cycle)

        if value is None:
            return
        MemberOf(DateCertainty)(instance, attribute, value)
        if getattr(instance, date_field) is None:
            raise InvalidValueError(
                f"{attribute.name} qualifies {date_field}, which is missing", field=attribute.name
            )

    return validate


def optional_uri(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``None`` or a URI reference: a non-empty string without spaces or control characters."""
    if value is None:
        return
    if type(value) is not str:
        raise InvalidTypeError(
            f"{attribute.name} must be a string (a URI), not {type_name(value)}",
            field=attribute.name,
        )
    if not value or _NOT_IN_URI.search(value):
        raise InvalidValueError(
            f"{attribute.name} must be a URI without spaces or control characters, "
            f"not {shown(value)}",
            field=attribute.name,
        )
    unicode(attribute.name, value)


@attrs.frozen
class InstanceOf:
    """Exactly an instance of one of ``admits`` (described as ``noun`` in messages).

    A value object rather than a closure, so that code building model objects
    from data it has already typed (the fast decoder) can see what it checks.
    """

    admits: tuple[type, ...]
    noun: str
    optional: bool = False
    """Whether ``None`` is accepted too."""

    def __call__(self, _: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and self.optional:
            return
        if not isinstance(value, self.admits):
            raise InvalidTypeError(
                f"{attribute.name} must be {self.noun}, not {type_name(value)}",
                field=attribute.name,
            )


@attrs.frozen
class ItemsOf:
    """Every item of a tuple field is an instance of one of ``admits``."""

    admits: tuple[type, ...]
    noun: str

    def __call__(
        self, _: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]
    ) -> None:
        for index, item in enumerate(value):
            if not isinstance(item, self.admits):
                raise InvalidTypeError(
                    f"{attribute.name}[{index}] must be {self.noun}, not {type_name(item)}",
                    field=attribute.name,
                )


@attrs.frozen
class MemberOf:
    """A member of ``enum`` itself; its wire string is not accepted in Python."""

    enum: type[Enum]

    def __call__(self, _: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) is not self.enum:
            allowed = ", ".join(f"{m.__class__.__name__}.{m.name}" for m in self.enum)
            raise InvalidTypeError(
                f"{attribute.name} must be one of {allowed}, not {shown(value)}",
                field=attribute.name,
            )


def _types(cls: type | tuple[type, ...]) -> tuple[type, ...]:
    return cls if isinstance(cls, tuple) else (cls,)


def instance_of(cls: type | tuple[type, ...], noun: str) -> InstanceOf:
    """Exactly an instance of ``cls`` (described as ``noun`` in messages)."""
    return InstanceOf(_types(cls), noun)


def optional_instance_of(cls: type | tuple[type, ...], noun: str) -> InstanceOf:
    """``None`` or :func:`instance_of`."""
    return InstanceOf(_types(cls), noun, optional=True)


def member_of(enum: type[Enum]) -> MemberOf:
    """A member of ``enum`` itself; its wire string is not accepted in Python."""
    return MemberOf(enum)


def items_of(cls: type | tuple[type, ...], noun: str) -> ItemsOf:
    """Every item of a tuple field is an instance of ``cls``."""
    return ItemsOf(_types(cls), noun)


def text_items(_: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
    """Every item of a tuple field is a non-empty string."""
    for index, item in enumerate(value):
        if type(item) is not str or not item or item.isspace():
            raise InvalidValueError(
                f"{attribute.name}[{index}] must be a non-empty string, not {shown(item)}",
                field=attribute.name,
            )
        unicode(attribute.name, item, index)


def identifier_items(_: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
    """Every item of a tuple field is an id."""
    for index, item in enumerate(value):
        if type(item) is not str or not item or item.strip() != item:
            raise InvalidValueError(
                f"{attribute.name}[{index}] must be a non-empty id, not {shown(item)}",
                field=attribute.name,
            )
        unicode(attribute.name, item, index)


def _to_tuple(value: object, _: object, field: attrs.Attribute[Any]) -> tuple[object, ...]:
    if type(value) is tuple:
        return value
    if type(value) is list:
        return tuple(value)
    raise InvalidTypeError(
        f"{field.name} must be a tuple or list, not {type_name(value)}", field=field.name
    )


to_tuple = attrs.Converter(_to_tuple, takes_self=True, takes_field=True)
"""Accept a list or tuple and store a tuple; anything else (a string included) is an error."""


def freeze_extensions(value: Mapping[str, object]) -> FrozenMap[JSONValue]:
    """The converter of every ``extensions`` field: ``x_…`` keys to deeply frozen JSON."""
    if value is EMPTY_MAP:
        return EMPTY_MAP
    if not isinstance(value, Mapping):
        raise InvalidTypeError(
            f"extensions must be a mapping of x_… keys to JSON values, not {type_name(value)}",
            field="extensions",
        )
    if not value:
        return EMPTY_MAP
    for key in value:
        if type(key) is not str or not key.startswith("x_"):
            raise InvalidValueError(
                f"extension keys must start with 'x_', not {key!r}", field="extensions"
            )
    frozen = freeze_json(value, where="extensions")
    assert isinstance(frozen, FrozenMap)
    return frozen


def tuple_field(*validators: Validator) -> Any:
    """A tuple field, empty by default, accepting a list or tuple."""
    return attrs.field(default=(), converter=to_tuple, validator=list(validators))


# -- numbers --------------------------------------------------------------------------

LARGEST_BITS = 1024
"""The widest integer a number field takes: beyond it, no float can stand for it."""


def _number(value: object) -> float | None:
    # -0.0 becomes 0.0 (one value, one spelling); 1 stays an integer and 1.0 a float,
    # so that a number reads back as it was written.
    if value is None:
        return None
    if type(value) is float:
        return value + 0.0
    return value  # type: ignore[return-value]  # an int, or refused by the validator


def _finite(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if type(value) is not int and type(value) is not float:
        raise InvalidTypeError(
            f"{attribute.name} must be a number, not {type_name(value)}", field=attribute.name
        )
    if type(value) is float and not math.isfinite(value):
        raise InvalidValueError(
            f"{attribute.name} must be a finite number, not {value!r}", field=attribute.name
        )
    if type(value) is int and value.bit_length() > LARGEST_BITS:
        raise InvalidValueError(
            f"{attribute.name} is too large: {shown(value)}", field=attribute.name
        )


def _as_written(value: float | None) -> tuple[bool, float] | None:
    # 1 and 1.0 are written differently, so they are different numbers.
    return None if value is None else (type(value) is int, value)


def number_field() -> Any:
    """An optional number (an ``int`` or a finite ``float``), kept as written: ``1`` and
    ``1.0`` differ, ``-0.0`` is stored as ``0.0``, integers wider than
    :data:`LARGEST_BITS` are refused."""
    return attrs.field(default=None, converter=_number, validator=_finite, eq=_as_written)
