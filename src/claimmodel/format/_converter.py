"""The project's one cattrs converter: model objects to and from plain JSON data.

Strict by design: no type is coerced (``None`` is not ``"None"``, ``1`` is not
``"1"``, a string is not an array of characters), unknown keys are errors, and
keys starting with ``x_`` are gathered into each object's ``extensions``.

The :class:`~claimmodel.format._limits.Limits` are enforced where values land:
string lengths in the string hooks, item counts in the array and object hooks,
chain length in the chain hook, and depth, lengths and counts inside extension
values (the only place the format lets nesting run free).  A converter is built
per set of limits, so the checks cost no look-up at decode time.
"""

from __future__ import annotations

import datetime as dt
import enum
import typing
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache, lru_cache
from typing import Any, TypeVar

import attrs
from cattrs.errors import IterableValidationError, IterableValidationNote
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.preconf.json import JsonConverter, make_converter

from claimmodel.format._errors import EXTENSIONS_KEY, NotReadError, WireError, problem_count
from claimmodel.format._limits import DEFAULT_LIMITS, Limits, check_integer, check_text
from claimmodel.format._shape import (
    EXTENSIBLE,
    NESTING_LEVELS,
    PLAIN,
    SHARED,
    WIRE_KEYS,
    is_homogeneous_tuple,
    shared_key,
)
from claimmodel.model import (
    SOURCE_CLASSES,
    Bundle,
    Claim,
    FrozenMap,
    Link,
    PartialDate,
    Source,
)
from claimmodel.model._checks import type_name
from claimmodel.model._frozen import freeze_json, thaw_json

__all__ = ["converter", "converter_for", "problem_budget", "sharing"]

_T = TypeVar("_T")


_WIRE_ORDER: dict[type, tuple[str, ...]] = {
    Bundle: (
        "$schema",
        "id",
        "title",
        "published",
        "published_certainty",
        "document",
        "language",
        "scales",
        "sources",
        "claims",
        "assertions",
        "relations",
        "verdicts",
    ),
    Claim: (
        "id",
        "text",
        "subject",
        "predicate",
        "object",
        "polarity",
        "language",
        "parties",
        "quantity",
        "draft",
    ),
}

# Top-level arrays are part of the contract: always written, even when empty, and required.
_ALWAYS_WRITTEN: dict[type, tuple[str, ...]] = {
    Bundle: ("sources", "claims", "assertions", "relations")
}


def _strict(kind: type, noun: str) -> Callable[[Any, Any], Any]:
    def structure(value: Any, _: Any) -> Any:
        if type(value) is not kind:
            raise WireError(f"expected {noun}, got {type_name(value)}")
        return value

    return structure


def _structure_number(value: Any, _: Any) -> float:
    # JSON has one number type: 1 and 1.0 are both numbers; booleans are not.
    if type(value) is float:
        return value
    if type(value) is not int:
        raise WireError(f"expected a number, got {type_name(value)}")
    if value.bit_length() > 1024:  # beyond any float: too large for every number field
        raise WireError("the number is too large for any field")
    return value


def _structure_int(value: Any, _: Any) -> int:
    if type(value) is not int:
        raise WireError(f"expected an integer, got {type_name(value)}")
    check_integer(value)
    return value


def _string_hook(limits: Limits) -> Callable[[Any, Any], str]:
    maximum = limits.max_string_length

    def structure(value: Any, _: Any) -> str:
        if type(value) is not str:
            raise WireError(f"expected a string, got {type_name(value)}")
        if len(value) > maximum:
            limits.check_string(value)
        if not value.isascii():  # constant time; the rare non-ASCII string pays for the check
            check_text(value)
        return value

    return structure


def _partial_date_hook(limits: Limits) -> Callable[[Any, Any], PartialDate]:
    def structure(value: Any, _: Any) -> PartialDate:
        if type(value) is not str:
            raise WireError(f"expected a partial date string, got {type_name(value)}")
        shared = _SHARING.get()
        if shared is not None:
            found: PartialDate | None = shared.get(value)
            if found is not None:
                return found
        limits.check_string(value)
        date = PartialDate.fromisoformat(value)
        if shared is not None:
            shared[value] = date
        return date

    return structure


def _enum_hook(enum_type: type[enum.Enum]) -> Callable[[Any, Any], enum.Enum]:
    by_value = {member.value: member for member in enum_type}
    allowed = ", ".join(repr(v) for v in by_value)

    def structure(value: Any, _: Any) -> enum.Enum:
        if type(value) is not str:
            raise WireError(f"expected one of {allowed}, got {type_name(value)}")
        try:
            return by_value[value]
        except KeyError:
            raise WireError(f"{value!r} is not one of {allowed}") from None

    return structure


def _is_frozen_map(tp: Any) -> bool:
    return tp is FrozenMap or typing.get_origin(tp) is FrozenMap


def _build(limits: Limits = DEFAULT_LIMITS) -> JsonConverter:
    conv = make_converter(forbid_extra_keys=True, omit_if_default=True)

    conv.register_structure_hook(str, _string_hook(limits))
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _strict(bool, "a boolean"))
    conv.register_structure_hook(float, _structure_number)
    conv.register_structure_hook(PartialDate, _partial_date_hook(limits))
    conv.register_unstructure_hook(PartialDate, PartialDate.isoformat)
    conv.register_unstructure_hook(dt.timezone, str)
    conv.register_structure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum),
        lambda value, t: _enum_hook_for(t)(value, t),
    )
    conv.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), lambda member: member.value
    )
    conv.register_structure_hook_func(_is_frozen_map, _structure_extensions)
    conv.register_unstructure_hook_func(_is_frozen_map, thaw_json)
    conv.register_structure_hook_factory(
        is_homogeneous_tuple, lambda tp: _tuple_hook(conv, tp, limits)
    )
    conv.register_unstructure_hook_factory(is_homogeneous_tuple, lambda tp: _tuple_unhook(conv, tp))

    # Factories, not hooks: cattrs generates each class's code on first use, when every
    # class is registered, so nested fields always get the project's hooks.
    for cls in (*PLAIN, *EXTENSIBLE):
        attrs.resolve_types(cls)
    conv.register_structure_hook_factory(
        lambda t: t in PLAIN, lambda t: _object_hook(conv, t, limits, extensible=False)
    )
    conv.register_unstructure_hook_factory(
        lambda t: t in PLAIN, lambda t: make_dict_unstructure_fn(t, conv)
    )
    conv.register_structure_hook_factory(
        lambda t: t in EXTENSIBLE, lambda t: _object_hook(conv, t, limits, extensible=True)
    )
    conv.register_unstructure_hook_factory(
        lambda t: t in EXTENSIBLE, lambda t: _object_unhook(conv, t)
    )

    # The tagged union of source kinds, registered after its members' hooks.
    conv.register_structure_hook(Source, _source_hook(conv, limits))
    conv.register_unstructure_hook(Source, lambda source: conv.unstructure(source, type(source)))
    return conv


@cache
def _enum_hook_for(enum_type: type[enum.Enum]) -> Callable[[Any, Any], enum.Enum]:
    return _enum_hook(enum_type)


def _structure_extensions(value: Any, _: Any) -> FrozenMap[Any]:
    frozen = freeze_json(value, where="extension")
    assert isinstance(frozen, FrozenMap)
    return frozen


_BUDGET: ContextVar[list[int] | None] = ContextVar("claimmodel_problem_budget", default=None)
"""How many more failing array items the current decoding may collect, if bounded."""


@contextmanager
def problem_budget(limit: int) -> Iterator[None]:
    """Within this block, stop reading arrays once ``limit`` problems have been found.

    Each problem costs far more to report than its few bytes of input, so an
    unbounded report would let a small document cost much time and memory.
    """
    token = _BUDGET.set([limit])
    try:
        yield
    finally:
        _BUDGET.reset(token)


_SHARING: ContextVar[dict[Any, Any] | None] = ContextVar("claimmodel_sharing", default=None)
"""The values of the document being structured that its equal occurrences share, if any:
partial dates by their text, :data:`~._shape.SHARED` objects by class and wire data."""


@contextmanager
def sharing() -> Iterator[None]:
    """Within this block, equal partial dates and equal :data:`~._shape.SHARED` objects
    (confidences, hedges) are built once and shared, as the fast engine shares them.

    Enter it around the structuring of one document: the values are immutable and
    equal by value, so one instance can stand for every occurrence, with fewer
    objects to build, to keep and for the collector to traverse (and each shared
    one is written once by ``dumps``).  Failures are never kept: an equal value
    that failed fails again, with its own path.
    """
    token = _SHARING.set({})
    try:
        yield
    finally:
        _SHARING.reset(token)


def _stopped(index: int, length: int, item_type: Any) -> Exception:
    which = f"item {index}" if index == length - 1 else f"items {index} to {length - 1}"
    error = NotReadError(
        f"{which} not read: too many problems before them; "
        "to read on, raise limits=claimmodel.Limits(max_problems=...)"
    )
    error.__notes__ = [IterableValidationNote(f"@ index {index}", index, item_type)]
    return error


def _tuple_hook(
    conv: JsonConverter, tp: Any, limits: Limits
) -> Callable[[Any, Any], tuple[Any, ...]]:
    item_type = typing.get_args(tp)[0]
    item_hook: list[Callable[[Any, Any], Any]] = []  # resolved on first use
    # Only attribution chains are arrays of links; their own, smaller limit applies.
    check = limits.check_chain if item_type is Link else limits.check_items

    def structure(value: Any, _: Any) -> tuple[Any, ...]:
        if type(value) is not list:
            got = "a tuple" if type(value) is tuple else type_name(value)
            raise WireError(f"expected an array, got {got}")
        check(len(value))
        budget = _BUDGET.get()
        if budget is not None and budget[0] <= 0 and value:
            raise NotReadError("not read: too many problems before it (see max_problems)")
        if not item_hook:
            item_hook.append(conv.get_structure_hook(item_type))
        hook = item_hook[0]
        items = []
        errors: list[Exception] = []
        for index, item in enumerate(value):
            try:
                items.append(hook(item, item_type))
            except Exception as error:  # noqa: BLE001  (gathered and reported with its path)
                error.__notes__ = [
                    *getattr(error, "__notes__", []),
                    IterableValidationNote(f"@ index {index}", index, item_type),
                ]
                errors.append(error)
                if budget is not None:  # every problem counts: one item may hold thousands
                    budget[0] -= problem_count(error)
                    if budget[0] <= 0 and index + 1 < len(value):
                        errors.append(_stopped(index + 1, len(value), item_type))
                        break
        if errors:
            raise IterableValidationError(f"While structuring {tp!r}", errors, tp)
        return tuple(items)

    return structure


def _tuple_unhook(conv: JsonConverter, tp: Any) -> Callable[[tuple[Any, ...]], list[Any]]:
    item_type = typing.get_args(tp)[0]
    hook = conv.get_unstructure_hook(item_type)
    return lambda items: [hook(item) for item in items]


def _object_hook(
    conv: JsonConverter, cls: type[_T], limits: Limits, *, extensible: bool
) -> Callable[[Any, Any], _T]:
    overrides: dict[str, Any] = (
        {"extensions": override(rename=EXTENSIONS_KEY)} if extensible else {}
    )
    overrides.update(_renamed(cls))
    generated = make_dict_structure_fn(
        cls, conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True, **overrides
    )

    level = NESTING_LEVELS.get(cls, 1)
    max_items = limits.max_items
    required = _ALWAYS_WRITTEN.get(cls, ())
    # Keys a value must have: null for one of them gets the advice to give a value.
    needed = frozenset(required) | {
        field.name
        for field in attrs.fields(cls)  # type: ignore[arg-type]  # every hooked class is attrs
        if field.default is attrs.NOTHING
    }

    def structure(value: Any, _: Any) -> _T:
        if type(value) is not dict:
            raise WireError(f"expected an object, got {type_name(value)}")
        if len(value) > max_items:
            limits.check_items(len(value))
        if EXTENSIONS_KEY in value:
            raise WireError("object keys must not contain NUL characters")
        extensions = None
        if extensible:
            extensions = {k: v for k, v in value.items() if type(k) is str and k.startswith("x_")}
            if extensions:
                limits.check_json(extensions, depth=level)
                value = {k: v for k, v in value.items() if k not in extensions}
        if None in value.values():
            _reject_nulls(value, needed, arrays=required)
        if required:
            _require(value, required)
        if extensions:
            value[EXTENSIONS_KEY] = extensions
        return generated(value, cls)

    if cls not in SHARED:
        return structure

    def structure_shared(value: Any, _: Any) -> _T:
        shared = _SHARING.get()
        key = None if shared is None else shared_key(value)
        if key is None:
            return structure(value, _)
        key = (cls, key)
        found: _T | None = shared.get(key)  # type: ignore[union-attr]
        if found is None:
            found = shared[key] = structure(value, _)  # type: ignore[index]
        return found

    return structure_shared


def _renamed(cls: type) -> dict[str, Any]:
    return {name: override(rename=key) for name, key in WIRE_KEYS.get(cls, {}).items()}


def _reject_nulls(
    value: dict[str, Any], needed: frozenset[str], *, arrays: tuple[str, ...]
) -> None:
    # Absence has one spelling on the wire, a missing key; null is never written.  The
    # advice for a required key matches the message for its absence (see _require).
    errors = [
        WireError(_null_advice(key, needed, arrays), field=key)
        for key, item in value.items()
        if item is None
    ]
    raise IterableValidationError("null values", errors, dict)


def _null_advice(key: str, needed: frozenset[str], arrays: tuple[str, ...]) -> str:
    if key in arrays:
        return f"null is not allowed; {key!r} is required: write [] when it is empty"
    if key in needed:
        return f"null is not allowed; {key!r} is required: give it a value"
    return "null is not allowed; leave the key out instead"


def _require(value: dict[str, Any], required: tuple[str, ...]) -> None:
    missing = [key for key in required if key not in value]
    if missing:
        errors = [
            WireError(f"required key {key!r} is missing; write [] when it is empty", field=key)
            for key in missing
        ]
        raise IterableValidationError("missing keys", errors, dict)


def _object_unhook(conv: JsonConverter, cls: type[_T]) -> Callable[[_T], dict[str, Any]]:
    always = _ALWAYS_WRITTEN.get(cls, ())
    overrides: dict[str, Any] = {"extensions": override(rename=EXTENSIONS_KEY)}
    overrides.update(_renamed(cls))
    overrides.update({name: override(omit_if_default=False) for name in always})
    if cls is Claim:  # written even when derived, so readers need not re-derive it
        overrides["id"] = override(omit_if_default=False)
    generated = make_dict_unstructure_fn(cls, conv, _cattrs_omit_if_default=True, **overrides)
    # Keys are written in field order, except where the generated code cannot keep it:
    # forced keys come first in cattrs' output, and a claim's id is declared last only
    # because it is derived from the fields before it.
    order = _WIRE_ORDER.get(cls)
    source_classes: tuple[type, ...] = tuple(SOURCE_CLASSES.values())
    kind = cls.kind if issubclass(cls, source_classes) else None  # type: ignore[attr-defined]

    def unstructure(instance: _T) -> dict[str, Any]:
        data: dict[str, Any] = generated(instance)
        extensions = data.pop(EXTENSIONS_KEY, None)
        if order is not None:
            data = {key: data[key] for key in order if key in data}
        if kind is not None:
            data = {"kind": kind.value, **data}
        if extensions:
            data.update(extensions)
        return data

    return unstructure


def _source_hook(conv: JsonConverter, limits: Limits) -> Callable[[Any, Any], Source]:
    allowed = ", ".join(repr(k.value) for k in SOURCE_CLASSES)
    by_tag = {
        kind.value: (cls, conv.get_structure_hook(cls)) for kind, cls in SOURCE_CLASSES.items()
    }

    def structure(value: Any, _: Any) -> Source:
        if type(value) is not dict:
            raise WireError(f"expected a source object, got {type_name(value)}")
        if "kind" not in value:
            raise WireError(f"a source needs a 'kind': one of {allowed}", field="kind")
        tag = value["kind"]
        if type(tag) is not str or tag not in by_tag:
            raise WireError(f"source kind {tag!r} is not one of {allowed}", field="kind")
        cls, hook = by_tag[tag]
        if len(value) > limits.max_items:  # the tag is one of the members
            limits.check_items(len(value))
        rest = {k: v for k, v in value.items() if k != "kind"}
        return hook(rest, cls)  # type: ignore[no-any-return]

    return structure


converter: JsonConverter = _build()
"""The converter behind every claimmodel encoder and decoder, with the default limits."""


@lru_cache(maxsize=8)
def converter_for(limits: Limits) -> JsonConverter:
    """The converter enforcing ``limits`` (built once per distinct set of limits)."""
    return converter if limits == DEFAULT_LIMITS else _build(limits)
