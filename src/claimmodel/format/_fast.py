"""The fast engine: plain data to model objects and back without the cattrs machinery.

The cattrs converter in :mod:`claimmodel.format._converter` is the reference:
what it accepts, the objects it builds, the data it writes and the problems it
reports define the format.  This module is an accelerator held identical to it
(a differential property test compares the two on generated documents):

* :func:`parse` reads JSON text with msgspec when it is installed (the
  ``fast`` extra), for the documents it can prove msgspec reads exactly as the
  standard library does; otherwise it declines and the caller uses
  :func:`json.loads`.
* :func:`structure_bundle` builds the bundle with code generated per class
  from the model's own field definitions: the wire types are checked first
  (strict JSON types, the ``kind`` tag of sources, enum look-ups), which implies
  the constructor's type validators; the string validators are written inline;
  every other validator and converter, and ``__attrs_post_init__``, runs as the
  constructor runs it; the instance is then filled through its slots without
  the constructor's per-field overhead.  Keys beyond an object's fields are
  read as extension data (``x_…`` keys only, within the limits) and frozen by
  the model's own converter.  At the first thing it does not like, the
  engine gives up with :class:`Fallback`.  The caller
  then runs the reference path, which either raises the reference error, with
  every problem and its path, or (were the engines ever to disagree) returns
  the reference result.  So the engine never needs its own error reporting, and
  a rejection is always the reference rejection.
* :func:`unstructure_bundle` writes the same plain data as the converter, key
  for key and in the same order.
* :func:`encode_compact` writes that data with orjson when it is installed
  (the ``fast`` extra), for the documents whose bytes orjson is known to write
  exactly as the standard library does; otherwise it says so and the caller
  uses :func:`json.dumps`.

Nothing here is imported by the model, and nothing heavy is imported until
first use.
"""

from __future__ import annotations

import enum
import gc
import inspect
import sys
import threading
import types
import typing
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache, lru_cache
from typing import Any

import attrs

from claimmodel.format._envelope import FORMAT_VERSION
from claimmodel.format._limits import Limits
from claimmodel.format._shape import NESTING_LEVELS, SHARED, shared_key, wire_key
from claimmodel.model import (
    SOURCE_CLASSES,
    Bundle,
    Claim,
    Confidence,
    FrozenMap,
    Interval,
    Link,
    PartialDate,
    Quantity,
    Rating,
    Source,
    Span,
)
from claimmodel.model import _checks as check
from claimmodel.model._frozen import EMPTY_MAP, thaw_json

__all__ = [
    "Fallback",
    "bundle_is_large",
    "encode_compact",
    "gc_paused",
    "is_large",
    "parse",
    "parse_small",
    "structure_bundle",
    "unstructure_bundle",
    "without_fast_extra",
    "writing_once",
]

Hook = Callable[[Any], Any]


class Fallback(Exception):  # noqa: N818  (a signal, not an error anyone sees)
    """The fast engine declines this input; the reference path decides."""


LARGE_DOCUMENT_CHARACTERS = 4 * 1024 * 1024
"""From this size of JSON text (about 7,000 assertions), decoding pauses the collector."""

LARGE_DOCUMENT_ITEMS = 12_000
"""From this many items in a bundle's arrays (the same size), ``from_data`` pauses it."""


def is_large(data: dict[str, Any]) -> bool:
    """Whether parsed bundle data holds at least :data:`LARGE_DOCUMENT_ITEMS` items."""
    arrays = (data.get(key) for key in _ARRAYS)
    return sum(len(array) for array in arrays if type(array) is list) >= LARGE_DOCUMENT_ITEMS


def bundle_is_large(bundle: Bundle) -> bool:
    """Whether a built bundle holds at least :data:`LARGE_DOCUMENT_ITEMS` items in its
    arrays: ``validate`` and ``analyze`` pause the collector for such a bundle, since
    what they build is as free of cycles as a decoded bundle, and as numerous."""
    return (
        len(bundle.sources) + len(bundle.claims) + len(bundle.assertions) + len(bundle.relations)
        >= LARGE_DOCUMENT_ITEMS
    )


_PAUSES = threading.Lock()
_PAUSED_THRESHOLD = 2**31 - 1  # allocations before a young collection: never, in a decode
_pauses: list[Any] = [0, None]  # decodes in a pause now; the thresholds to restore


@contextmanager
def gc_paused(when: bool = True) -> Iterator[None]:
    """Pause the cyclic garbage collector while a large tree of new objects is built.

    Decoding allocates many objects and frees almost none, which makes the
    collector's generation counters fire again and again over a growing heap,
    for nothing: model objects form no cycles.  That matters for large
    documents only (``when``): for a small one the collector's young passes
    over objects still in the processor's cache cost less than the one pass
    over all of them that follows a pause (measured in docs/performance.md).

    The pause raises the first generation's threshold out of reach rather than
    disabling the collector, so ``gc.enable()``/``gc.disable()`` stay other code's
    alone.  Decodes running at once in several threads share one pause: the first
    to start records the thresholds, the last to end restores exactly those,
    however its block ends, and only if no other code set thresholds meanwhile
    (its setting then stands).
    """
    if not when:
        yield
        return
    with _PAUSES:
        if not _pauses[0]:
            found = gc.get_threshold()
            _pauses[1] = found
            gc.set_threshold(_PAUSED_THRESHOLD, *found[1:])
        _pauses[0] += 1
    try:
        yield
    finally:
        with _PAUSES:
            _pauses[0] -= 1
            if not _pauses[0] and gc.get_threshold()[0] == _PAUSED_THRESHOLD:
                gc.set_threshold(*_pauses[1])


def _run(source: str, name: str, namespace: dict[str, Any]) -> None:
    """Define the generated ``source`` in ``namespace``, named for profiles and tracebacks."""
    code = compile(source, f"<claimmodel generated: {name}>", "exec")
    exec(code, namespace)  # noqa: S102  (code built from the model's own fields)


# -- parsing -----------------------------------------------------------------------------


SMALL_DOCUMENT = 64 * 1024
"""Below this length, while msgspec is not yet worth importing, ``json`` parses a document."""

_WORTH_IMPORTING = 16 * 1024 * 1024
"""How much small text ``json`` parses before msgspec's import is worth it."""

_parsed_small = [0]  # characters (or bytes) of small documents parsed without msgspec


def parse_small(text: str | bytes) -> bool:
    """Whether ``json`` should parse ``text``, so that a first small document does not pay
    for importing msgspec.

    msgspec's import costs tens of milliseconds of processor time, and it
    saves about 2 µs per kilobyte parsed: a document under
    :data:`SMALL_DOCUMENT` is parsed by ``json`` until the small documents so
    parsed add up to :data:`_WORTH_IMPORTING`, or until msgspec is loaded
    anyway (by a larger document, or by the caller).  Both parsers give the
    same data or the same error, so this decides only the time it takes.
    """
    if len(text) >= SMALL_DOCUMENT or "msgspec" in sys.modules:
        return False
    if _parsed_small[0] >= _WORTH_IMPORTING:
        return False
    _parsed_small[0] += len(text)
    return True


def parse(text: str | bytes) -> Any:
    """JSON text parsed by msgspec as :func:`json.loads` parses it, or :class:`Fallback`.

    msgspec parses twice as fast as ``json.loads`` straight into Python objects,
    with no larger peak of memory, integers of any length and correctly rounded
    floats.  Where it differs it refuses with an error (non-finite numbers, a
    number too long for Python to read, lone surrogates, a byte-order mark,
    nesting deeper than its own limit), and the caller then reads the document
    with ``json``, which reports or accepts it as always.

    It keeps the last of repeated keys silently, where the format refuses
    them.  A colon outside strings follows a key, so the text holds one colon
    per key it spells plus the colons inside its strings.  Written back by
    msgspec (compact, and never escaping a colon), the parsed data holds one per
    key it kept plus the colons of the strings it kept, which are no more than
    the text's when no colon in the text is escaped (``\\u003a``).  So equal
    counts mean no key was dropped; they differ for every document that repeats
    a key, and for no other (a document with an escaped colon declines first).
    """
    msgspec = _msgspec()
    if msgspec is None:
        raise Fallback
    if isinstance(text, str):
        if not text.isascii():
            # msgspec reads UTF-8, which a str not all ASCII would otherwise cache
            # inside itself for as long as the caller keeps it: a copy, read and freed.
            try:
                text = text.encode("utf-8")
            except UnicodeEncodeError:  # a lone surrogate: json finds and reports it
                raise Fallback from None
            return parse(text)
        if "\\u003" in text:
            raise Fallback
        spelled = text.count(":")
    else:
        if b"\\u003" in text:
            raise Fallback
        spelled = text.count(b":")
    try:
        data = msgspec.json.decode(text)
    except (msgspec.DecodeError, ValueError, RecursionError):  # ValueError: a surrogate
        raise Fallback from None
    if spelled != _colons_written(data, msgspec.json.encode):
        raise Fallback  # a repeated key (see above): json finds and reports it
    return data


_COUNTED_TOGETHER = 256
"""Items of a top-level array written at once to count their colons."""


def _colons_written(data: Any, encode: Callable[[Any], bytes]) -> int:
    """The colons in ``data`` as ``encode`` writes it compactly.

    Each top-level array is written a slice of items at a time, so that no copy
    of a whole large document is held beside its parsed data.  (A key's colon
    count is the same written or not: UTF-8 spells no other character with a
    colon's byte, and JSON never escapes one.)
    """
    if type(data) is not dict:
        return encode(data).count(b":")
    total = len(data)  # the colon after each key
    for key, value in data.items():
        total += key.count(":")
        if type(value) is list:
            for start in range(0, len(value), _COUNTED_TOGETHER):
                total += encode(value[start : start + _COUNTED_TOGETHER]).count(b":")
        else:
            total += encode(value).count(b":")
    return total


# -- structuring -------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _cached_date(text: str) -> PartialDate:
    # Dates repeat within a document (a publication day, "in July"); a PartialDate
    # is immutable and equal by value, so one instance can stand for every
    # occurrence.  Failures are not cached (they raise).  The cache is emptied
    # before and after each bundle (see structure_bundle): kept across documents,
    # it would make decoding the same document again look faster than decoding
    # a new one, and hold on to dates nobody uses.  Another thread emptying it
    # meanwhile costs only a second parse.
    return PartialDate.fromisoformat(text)


def _declined(_: Any) -> Any:
    raise Fallback


def _hook_for(tp: Any, limits: Limits, level: int) -> Hook:
    """The hook for a field holding a ``tp`` (a model class or the source union).

    ``level`` is the nesting level of the object holding the field (the bundle
    is level 1), from which extension data inside nested objects is counted.
    """
    if tp == Source:
        return _source_hook(limits, level + 1)
    if tp in _BUILDING:  # a class nested in itself (a confidence's original)
        return _recursive(tp, limits)
    return _object_hook(tp, limits, level + 1)


_SOURCE_TYPES = frozenset(SOURCE_CLASSES.values())
_SOURCE_CLASSES: tuple[type, ...] = tuple(SOURCE_CLASSES.values())


_BUILDING: set[type] = set()
_BUILT: dict[tuple[type, Limits], Hook] = {}


def _recursive(cls: type, limits: Limits) -> Hook:
    """The hook of ``cls`` (being built) for a field of ``cls`` itself, found when called.

    Its nesting level is the outer object's, as the converter counts it.
    """

    def structure(value: Any) -> Any:
        return _BUILT[cls, limits](value)

    return structure


@cache
def _object_hook(cls: type, limits: Limits, level: int) -> Hook:
    """Structure a JSON object at nesting ``level`` into ``cls``."""
    _BUILDING.add(cls)
    try:
        hook = _build_object_hook(cls, limits, level)
    finally:
        _BUILDING.discard(cls)
    _BUILT.setdefault((cls, limits), hook)
    if cls in SHARED and hook is not _declined:
        return _shared(hook)
    return hook


_MEMOS: list[dict[Any, Any]] = []
"""Each shared class's values of the document being decoded, emptied around each
(see :func:`structure_bundle`), as the dates are."""


def _shared(build: Hook) -> Hook:
    """``build``, giving one instance for every occurrence of equal wire data in a document.

    The instances are immutable and equal by value, so one can stand for every
    occurrence: fewer objects to build, to keep and for the collector to
    traverse.  Equal data is equal JSON: the key tells strings from numbers, and
    integers from floats (``1``, ``1.0``, ``true`` and ``-0.0`` against ``0.0`` are
    written differently); data holding anything else (an array, ``null``) is built
    afresh each time.  Failures are never kept: they raise.
    """
    memo: dict[Any, Any] = {}
    _MEMOS.append(memo)

    def structure(value: Any) -> Any:
        key = shared_key(value)
        if key is None:
            return build(value)
        found = memo.get(key)
        if found is None:
            found = memo[key] = build(value)
        return found

    return structure


def _build_object_hook(cls: type, limits: Limits, level: int) -> Hook:
    attrs.resolve_types(cls)
    builder = _direct_builder(cls, _Plan(cls, limits, level))
    if builder is None:  # a class this engine cannot build (none in the model: see the tests)
        return _declined
    DIRECT.add(cls)
    return builder


DIRECT: set[type] = set()
"""The classes the engine builds (for tests: every class of the model should be here)."""


class _Plan:
    """The namespace of the code generated for one class, and its limits."""

    def __init__(self, cls: type, limits: Limits, level: int) -> None:
        self.limits = limits
        self.level = level
        self.namespace: dict[str, Any] = {
            "cls": cls,
            "new": object.__new__,
            "Fallback": Fallback,
        }

    def bind(self, name: str, value: Any) -> str:
        """``name``, now standing for ``value`` in the generated code."""
        self.namespace[name] = value
        return name


def _validators(field: attrs.Attribute[Any]) -> tuple[Any, ...]:
    validator = field.validator
    if validator is None:
        return ()
    return tuple(getattr(validator, "_validators", (validator,)))


# The string validators this engine writes inline, and the test each adds: of a
# string field, and of each item of an array of strings.  Their refusal of lone
# surrogates is implied: the engine only ever reads text that holds none.
_STRING_TESTS: dict[Any, str] = {
    check.text: " or {v}.isspace()",
    check.optional_text: " or {v}.isspace()",
    check.identifier: " or {v}.strip() != {v}",
    check.optional_identifier: " or {v}.strip() != {v}",
}
_STRING_ITEM_TESTS: dict[Any, str] = {
    check.text_items: " or {v}.isspace()",
    check.identifier_items: " or {v}.strip() != {v}",
}


def _string_test(
    v: str, validators: tuple[Any, ...], maximum: int, *, items: bool
) -> tuple[str, list[Any]]:
    """A condition true when ``v`` is not a string within ``maximum`` characters that
    the validators written inline accept, and the validators left to run.

    With ``items``, ``v`` is an item of the array the validators check.
    """
    tests = _STRING_ITEM_TESTS if items else _STRING_TESTS
    test = f"type({v}) is not str or len({v}) > {maximum}"
    if any(validator in tests for validator in validators):
        test += f" or not {v}"  # every one of them refuses the empty string
    rest = []
    for validator in validators:
        if validator in tests:
            test += tests[validator].format(v=v)
        else:
            rest.append(validator)
    return test, rest


def _implied(validator: Any, produced: tuple[type, ...], *, items: bool) -> bool:
    """Whether values of the ``produced`` types always pass ``validator``."""
    if isinstance(validator, check.InstanceOf) and not items:
        return all(issubclass(t, validator.admits) for t in produced)
    if isinstance(validator, check.ItemsOf) and items:
        return all(issubclass(t, validator.admits) for t in produced)
    if isinstance(validator, check.MemberOf) and not items:
        return produced == (validator.enum,)
    return False


def _value_code(
    plan: _Plan, index: int, field: attrs.Attribute[Any]
) -> tuple[list[str], list[Any]] | None:
    """Lines that check ``v<index>``, a field's wire value (never null), and make it the
    field's value, and the field's validators those lines do not imply.

    ``None`` for a field this engine does not build inline.
    """
    v, limits, level = f"v{index}", plan.limits, plan.level
    tp: Any = field.type
    args = typing.get_args(tp)
    produced: tuple[type, ...]
    item_hook: Hook | None
    if typing.get_origin(tp) in (typing.Union, types.UnionType) and type(None) in args:
        tp = args[0] if args[1] is type(None) else args[1]  # null is not a wire value
        args = typing.get_args(tp)
    validators = _validators(field)
    fallback = "    raise Fallback"
    is_tuple = typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis
    lines: list[str]
    if tp is str or (is_tuple and args[0] is str):
        item = "item" if is_tuple else v
        test, rest = _string_test(item, validators, limits.max_string_length, items=is_tuple)
        if not is_tuple:
            return [f"if {test}:", fallback], rest
        lines = [
            f"if type({v}) is not list or len({v}) > {limits.max_items}:",
            fallback,
            f"for item in {v}:",
            f"    if {test}:",
            f"    {fallback}",
            f"{v} = tuple({v})",
        ]
        return lines, rest
    if tp in (int, bool):
        lines, produced = [f"if type({v}) is not {tp.__name__}:", fallback], (tp,)
    elif tp is float:
        lines = [f"if type({v}) is not float and type({v}) is not int:", fallback]
        produced = (float, int)
    elif tp is PartialDate:
        date = plan.bind("date", _cached_date)
        lines, produced = [f"if type({v}) is not str:", fallback, f"{v} = {date}({v})"], (tp,)
    elif isinstance(tp, type) and issubclass(tp, enum.Enum):
        members = plan.bind(f"m{index}", {member.value: member for member in tp})
        lines = [f"{v} = {members}.get({v}) if type({v}) is str else None", f"if {v} is None:"]
        lines, produced = [*lines, fallback], (tp,)
    elif tp == Source or (isinstance(tp, type) and attrs.has(tp)):
        lines = [f"{v} = {plan.bind(f'h{index}', _hook_for(tp, limits, level))}({v})"]
        produced = _SOURCE_CLASSES if tp == Source else (tp,)
    elif is_tuple and (args[0] == Source or (isinstance(args[0], type) and attrs.has(args[0]))):
        if args[0] is Link:  # a chain: items two levels down (array, link)
            item_hook, maximum = _object_hook(Link, limits, level + 2), limits.max_chain_length
        else:  # the array is one level down
            item_hook, maximum = _hook_for(args[0], limits, level + 1), limits.max_items
        lines = [
            f"if type({v}) is not list or len({v}) > {maximum}:",
            fallback,
            f"{v} = tuple(map({plan.bind(f'h{index}', item_hook)}, {v}))",
        ]
        produced = _SOURCE_CLASSES if args[0] == Source else (args[0],)
    else:
        return None
    rest = [x for x in validators if not _implied(x, produced, items=is_tuple)]
    return lines, rest


def _direct_builder(cls: type, plan: _Plan) -> Hook | None:
    """Code generated for ``cls`` that builds it from a JSON object without its constructor.

    The constructor checks values a caller may have given in any type; here the
    wire types are checked first, which implies many of the constructor's
    validators (a value built by an ``Assertion`` hook is an ``Assertion``) and
    lets the string validators be written inline.  Every other validator and
    converter still runs, in the constructor's order, and then
    ``__attrs_post_init__``.  The instance is filled through its slots, as the
    constructor does.  ``None`` when the class has a part this cannot reproduce
    (a converter that takes the instance, a pre-init hook, a field without a slot).
    """
    fields = [f for f in attrs.fields(cls) if f.name != "extensions"]
    # Source classes are reached only through the tagged union, which has read
    # the ``kind`` tag already; here it is simply not a field.
    known = frozenset(wire_key(f.name) for f in fields) | (
        {"kind"} if cls in _SOURCE_TYPES else set()
    )
    if hasattr(cls, "__attrs_pre_init__"):
        return None
    # ``n`` counts the keys read; any other key is extension data (or refused).
    required = [f for f in fields if f.default is attrs.NOTHING]
    body: list[str] = ["o = new(cls)", f"n = {len(required) + (cls in _SOURCE_TYPES)}"]
    after: list[str] = []
    for index, field in enumerate(fields):
        code = _field_code(plan, cls, index, field)
        if code is None:
            return None
        body += code[0]
        after += code[1]
    extra: Hook = _declined  # keys beyond the fields: a class without extensions refuses them
    if len(attrs.fields(cls)) != len(fields):
        extensions = attrs.fields(cls).extensions
        slot = inspect.getattr_static(cls, "extensions", None)
        if (
            extensions.converter is not check.freeze_extensions
            or extensions.validator is not None
            or type(slot).__name__ != "member_descriptor"
        ):
            return None
        extra = _extension_reader(cls, known, plan.limits, plan.level)
        body.append(
            f"{plan.bind('sx', slot.__set__)}(o, empty if len(value) == n else extra(value))"
        )
    else:
        body += ["if len(value) != n:", "    extra(value)"]
    if hasattr(cls, "__attrs_post_init__"):
        after.append("o.__attrs_post_init__()")
    plan.namespace.update(extra=extra, empty=EMPTY_MAP)
    # An object of more members than ``max_items`` is the reference path's to refuse;
    # with extension data the reader below counts, and without, only a limit lower
    # than the class's own keys can be reached.
    counted = (
        [f"    if len(value) > {plan.limits.max_items}:", "        raise Fallback"]
        if len(known) > plan.limits.max_items
        else []
    )
    source = "\n".join(
        [
            "def structure(value):",
            "    if type(value) is not dict:",
            "        raise Fallback",
            *counted,
            # Null needs no test of its own: no value check below accepts it (a
            # source's ``kind`` tag, not read here, was checked by the union).
            *(f"    {line}" for line in body + after),
            "    return o",
        ]
    )
    _run(source, f"structure {cls.__name__}", plan.namespace)
    built: Hook = plan.namespace["structure"]
    return built


def _extension_reader(cls: type, known: frozenset[str], limits: Limits, level: int) -> Hook:
    """Read the keys of an object beyond its fields: ``x_…`` extension data, frozen."""
    # Counted from the deepest level the class can sit at, as the converter does.
    depth = NESTING_LEVELS.get(cls, level)

    def read(value: dict[str, Any]) -> Any:
        if len(value) > limits.max_items:
            raise Fallback
        data = {key: item for key, item in value.items() if key not in known}
        for key in data:
            if not key.startswith("x_"):
                raise Fallback
        limits.check_json(data, depth=depth)
        return check.freeze_extensions(data)

    return read


def _field_code(
    plan: _Plan, cls: type, index: int, field: attrs.Attribute[Any]
) -> tuple[list[str], list[str]] | None:
    """The lines that read, check and store one field, and the validator calls left for last."""
    v = f"v{index}"
    code = _value_code(plan, index, field)
    slot = inspect.getattr_static(cls, field.name, None)
    converter: Any = None if field.converter is check.to_tuple else field.converter  # a tuple
    if (
        code is None
        or not field.init
        or field.alias != field.name
        or type(slot).__name__ != "member_descriptor"
        or isinstance(converter, attrs.Converter)
        or (converter is not None and not callable(converter))
    ):
        return None
    lines, rest = code
    key = wire_key(field.name)
    if converter is not None:
        lines.append(f"{v} = {plan.bind(f'c{index}', converter)}({v})")
    default: Any = field.default
    if default is attrs.NOTHING:
        body = [f"{v} = value[{key!r}]", *lines]
    else:
        # ``in`` then a subscript: cheaper than ``get`` for the keys usually left out.
        body = [f"if {key!r} in value:", f"    {v} = value[{key!r}]", "    n += 1"]
        body += [f"    {line}" for line in lines]
        body.append("else:")
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            factory = plan.bind(f"f{index}", default.factory)
            body.append(f"    {v} = {factory}({'o' if default.takes_self else ''})")
            if converter is not None:
                body.append(f"    {v} = c{index}({v})")
            rest = list(_validators(field))  # a made value is checked as a given one
        else:
            plan.bind(f"d{index}", default)
            body.append(f"    {v} = {f'c{index}(d{index})' if converter else f'd{index}'}")
            skipped = [x for x in _validators(field) if x not in rest]
            if not all(_accepts(x, field, default) for x in skipped):
                return None  # a default the skipped checks would refuse
    body.append(f"{plan.bind(f's{index}', slot.__set__)}(o, {v})")
    after = [
        f"{plan.bind(f'x{index}_{n}', x)}(o, {plan.bind(f'a{index}', field)}, {v})"
        for n, x in enumerate(rest)
    ]
    return body, after


def _accepts(validator: Any, field: attrs.Attribute[Any], value: Any) -> bool:
    try:
        validator(None, field, value)
    except Exception:  # noqa: BLE001
        return False
    return True


@cache
def _source_hook(limits: Limits, level: int) -> Hook:
    classes: dict[str, type] = {kind.value: cls for kind, cls in SOURCE_CLASSES.items()}
    hooks = {tag: _object_hook(cls, limits, level) for tag, cls in classes.items()}

    def structure(value: Any) -> Source:
        if type(value) is not dict:
            raise Fallback
        tag = value.get("kind")
        if type(tag) is not str:
            raise Fallback
        hook = hooks.get(tag)
        if hook is None:
            raise Fallback
        return hook(value)  # type: ignore[no-any-return]

    return structure


def structure_bundle(body: dict[str, Any], limits: Limits, *, consume: bool = False) -> Bundle:
    """The bundle for ``body`` (its ``format`` key removed), or :class:`Fallback`.

    Any exception besides :class:`Fallback` (a validator's, a converter's) also
    means "let the reference path decide"; the caller treats them alike.

    Of the ``limits``, this engine checks string lengths, array lengths, chain
    lengths and everything inside extension data; it gives up at the first one
    exceeded, and the converter reports it.  Strings are taken as they are, so
    the caller keeps documents that may hold a lone surrogate away from it.

    With ``consume``, each item of the top-level arrays is replaced by ``None``
    once built, so its parsed data can be freed while the rest is decoded: the
    decode then needs little more memory than its result.  ``body`` is unusable
    afterwards, also when this fails.
    """
    if not body.keys() >= _ARRAYS:  # the contract arrays are required
        raise Fallback
    _forget()
    try:
        return _structure_bundle(body, limits, consume=consume)
    finally:
        _forget()


def _forget() -> None:
    """Empty the caches of one document's values (dates, shared objects)."""
    _cached_date.cache_clear()
    for memo in _MEMOS:
        memo.clear()


def _structure_bundle(body: dict[str, Any], limits: Limits, *, consume: bool) -> Bundle:
    structure = _object_hook(Bundle, limits, 1)
    if not consume:
        bundle: Bundle = structure(body)
        return bundle
    arrays: dict[str, Any] = {}
    for key, item_hook in _item_hooks(limits).items():
        items = body[key]
        if type(items) is not list or len(items) > limits.max_items:
            raise Fallback
        built = []
        for index, item in enumerate(items):
            built.append(item_hook(item))
            items[index] = None
        arrays[key] = tuple(built)
        body[key] = []
    # The rest of the bundle (its own fields, extensions) with empty arrays, then
    # the arrays put in through the constructor.
    shell: Bundle = structure(body)
    return attrs.evolve(shell, **arrays)


_ARRAYS = frozenset({"sources", "claims", "assertions", "relations"})


@cache
def _item_hooks(limits: Limits) -> dict[str, Hook]:
    """The hooks of the items of the bundle's arrays (at level 3: bundle, array, item)."""
    fields = attrs.fields_dict(attrs.resolve_types(Bundle))
    return {key: _hook_for(typing.get_args(fields[key].type)[0], limits, 2) for key in _ARRAYS}


# -- unstructuring -----------------------------------------------------------------------

_ALWAYS_WRITTEN: dict[type, frozenset[str]] = {
    Bundle: frozenset({"sources", "claims", "assertions", "relations"}),
    Claim: frozenset({"id"}),
}


def _unhook_for(tp: Any) -> Callable[[Any], Any] | None:
    """How to write a value of type ``tp``; ``None`` means as it is."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if tp in (str, int, float, bool):
        return None
    if tp is PartialDate:
        return PartialDate.isoformat
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return _enum_value
    if tp == Source:
        return _unstructure_source
    if isinstance(tp, type) and attrs.has(tp):
        if tp in _WRITING:  # a class nested in itself: look its writer up when called

            def write(value: Any) -> Any:
                return _object_unhook(tp)(value)

            return write
        return _shared_writer(tp) if tp in SHARED else _object_unhook(tp)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = _unhook_for(args[0])
        if item is None:
            return list
        return lambda items: [item(x) for x in items]
    if len(args) == 2 and type(None) in args:
        inner = _unhook_for(args[0] if args[1] is type(None) else args[1])
        if inner is None:
            return None
        return lambda value: None if value is None else inner(value)
    if tp is FrozenMap or origin is FrozenMap:
        return thaw_json
    raise TypeError(f"no writer for {tp!r}")  # pragma: no cover  (the model is closed)


def _enum_value(member: enum.Enum) -> Any:
    return member._value_  # the property ``value`` reads it through a Python-level descriptor


def _default_of(field: attrs.Attribute[Any]) -> Any:
    default = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return attrs.NOTHING  # never equal: written always (only Claim.id has one)
    return default


_WRITING: set[type] = set()


@cache
def _object_unhook(cls: type) -> Callable[[Any], dict[str, Any]]:
    _WRITING.add(cls)
    try:
        return _writer(cls, stream=False)
    finally:
        _WRITING.discard(cls)


class _Written(threading.local):
    """What the writers met, while :func:`measuring`, that a reader's limits could refuse.

    The writers cannot know the limits, so they note the little a check needs:
    ``widest``, the most items in any array field other than a chain (a reader
    counts chain links against ``max_chain_length`` instead), and ``extensions``,
    each object's extension data with its class and the number of its other keys.
    Nothing is noted when no measurement is on, so other callers pay one test.

    ``written`` holds, while one document is written (:func:`writing_once`), what
    each shared object (a :data:`SHARED` class: decoding gives one instance for
    every occurrence of an equal confidence or hedge) was written as, by the
    object's identity; ``None`` otherwise, so that :func:`to_data` hands every
    caller data of its own.
    """

    on: bool = False
    widest: int = 0
    extensions: list[tuple[type, FrozenMap[Any], int]]
    written: dict[int, Any] | None = None


_WRITTEN = _Written()


@contextmanager
def measuring() -> Iterator[_Written]:
    """Note, for this thread, what the writers meet while the block runs."""
    record = _WRITTEN
    record.on, record.widest, record.extensions = True, 0, []
    try:
        yield record
    finally:
        record.on, record.extensions = False, []


@contextmanager
def writing_once() -> Iterator[None]:
    """Write each shared object once while the block runs (this thread only).

    A shared object's data (or, streaming, the JSON text of a
    :data:`_STREAM_ONCE` object) is kept by the object's identity and reused
    for its every occurrence in the document.  The objects are immutable, and
    the bundle being written keeps them alive, so an identity stands for one
    value for as long as the block runs; the memo goes with it.  Extension
    data of a shared object is noted for the limits once, which is all a check
    needs (the same data, class and keys each time).
    """
    record = _WRITTEN
    outer = record.written
    if outer is None:
        record.written = {}
    try:
        yield
    finally:
        record.written = outer


def _shared_writer(cls: type) -> Callable[[Any], dict[str, Any]]:
    """The plain-data writer of a :data:`SHARED` class, reusing what it wrote while
    :func:`writing_once` (the same dict for every occurrence: for ``json.dumps``)."""
    write = _object_unhook(cls)
    record = _WRITTEN

    def write_shared(value: Any) -> dict[str, Any]:
        written = record.written
        if written is None:
            return write(value)
        key = id(value)
        found: dict[str, Any] | None = written.get(key)
        if found is None:
            found = written[key] = write(value)
        return found

    return write_shared


def _fragment(value: Any) -> Any:
    """A shared object as JSON text for orjson to copy, kept by the object's identity for
    the rest of the document (see :func:`writing_once`): the writers look it up first."""
    orjson = _orjson()
    found = _WRITTEN.written[id(value)] = orjson.Fragment(  # type: ignore[index]
        orjson.dumps(_stream_default(value), default=_stream_default)
    )
    return found


def _measured_array(tp: Any) -> bool:
    """Whether a field of type ``tp`` holds an array whose length the writers note."""
    args = typing.get_args(tp)
    if len(args) == 2 and type(None) in args:
        return _measured_array(args[0] if args[1] is type(None) else args[1])
    return typing.get_origin(tp) is tuple and args[:1] != (Link,)


def _writer(cls: type, *, stream: bool) -> Callable[[Any], dict[str, Any]]:
    """Code generated for ``cls`` that writes its fields as the converter does.

    In field order (a claim's id first, a source's ``kind`` tag before all),
    each field left out when it equals its default, except the ones always
    written; extension data last.  With ``stream``, nested values are left for
    orjson to hand back to :func:`_stream_default`, and numbers are checked.
    """
    attrs.resolve_types(cls)
    fields = [f for f in attrs.fields(cls) if f.name != "extensions"]
    if cls is Claim:
        fields.sort(key=lambda f: f.name != "id")
    always = _ALWAYS_WRITTEN.get(cls, frozenset())
    extensible = len(fields) != len(attrs.fields(cls))
    namespace: dict[str, Any] = {
        "extension_data": _checked if stream else thaw_json,
        "check": _NUMBER_CHECKS.get(cls, _check_int),
        "m": _WRITTEN,
        "cls": cls,
    }
    check_numbers = stream and cls in _NUMBER_CHECKS
    literal = [f'"kind": {cls.kind.value!r}'] if cls in _SOURCE_TYPES else []
    lines: list[str] = []
    for index, field in enumerate(fields):
        default = attrs.NOTHING if field.name in always else _default_of(field)
        namespace[f"d{index}"] = default
        template = _value_expression(field.type, default, index, namespace, stream=stream)
        value = template.format(v="v")
        measure = (
            ["if m.on and len(v) > m.widest:", "    m.widest = len(v)"]
            if _measured_array(field.type)
            else []
        )
        if default is attrs.NOTHING and not lines and not measure:
            literal.append(f"{wire_key(field.name)!r}: {template.format(v=f'o.{field.name}')}")
            if check_numbers:
                lines.append(f"    check(o.{field.name})")
            continue
        lines.append(f"    v = o.{field.name}")
        if check_numbers:
            lines.append("    check(v)")
        if default is attrs.NOTHING:
            lines += [f"    {line}" for line in measure]
            lines.append(f"    d[{wire_key(field.name)!r}] = {value}")
            continue
        if default is None:
            condition = "v is not None"
        elif isinstance(default, enum.Enum):
            condition = f"v is not d{index}"
        elif default == ():
            condition = "v"
        else:  # a boolean's False
            condition = f"v is not d{index}"
        lines += [f"    if {condition}:", *(f"        {line}" for line in measure)]
        lines.append(f"        d[{wire_key(field.name)!r}] = {value}")
    if extensible:
        namespace["empty"] = EMPTY_MAP  # the only empty map a model object holds
        lines += [
            "    e = o.extensions",
            "    if e is not empty:",
            "        if m.on:",
            "            m.extensions.append((cls, e, len(d)))",
            "        d.update(extension_data(e))",
        ]
    head = ["    w = m.written"] if stream and "w.get(" in "".join([*literal, *lines]) else []
    source = "\n".join(
        ["def write(o):", *head, f"    d = {{{', '.join(literal)}}}", *lines, "    return d"]
    )
    _run(source, f"write {cls.__name__}", namespace)
    write: Callable[[Any], dict[str, Any]] = namespace["write"]
    return write


def _value_expression(
    tp: Any, default: Any, index: int, namespace: dict[str, Any], *, stream: bool
) -> str:
    """How the generated writer writes ``{v}``, a field's value other than its default.

    Enumerations and dates are written here, in both modes: orjson would read an
    enumeration's ``value`` through a Python-level property, and a date would
    cost a round trip through :func:`_stream_default`.  Other nested values are
    left to orjson when streaming.
    """
    args = typing.get_args(tp)
    if default is None and len(args) == 2 and type(None) in args:  # never None when written
        tp = args[0] if args[1] is type(None) else args[1]
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return "{v}._value_"
    if tp is PartialDate:
        namespace["isoformat"] = PartialDate.isoformat
        return "isoformat({v})"
    if stream and tp in _STREAM_ONCE:  # ``w``: what this document's shared objects were written as
        namespace["fragment"] = _fragment
        return "(w.get(id({v})) or fragment({v}))"
    if stream and typing.get_origin(tp) is tuple and typing.get_args(tp)[:1][0] in _STREAM_ONCE:
        namespace["fragment"] = _fragment
        return "[w.get(id(x)) or fragment(x) for x in {v}]"
    hook = None if stream else _unhook_for(tp)
    if hook is None:
        return "{v}"
    namespace[f"h{index}"] = hook
    return f"h{index}({{v}})"


_STREAM_ONCE = frozenset({Confidence})
"""The shared classes whose objects a stream writes once per document, as JSON text kept by
identity: confidences, which repeat whole (a scale's few levels).  Hedges are shared by
decoding too, but most carry a scope of their own, so that writing each distinct one
ahead as text cost more than it saved (docs/performance.md)."""


def _unstructure_source(source: Source) -> dict[str, Any]:
    cls: type = type(source)
    return _object_unhook(cls)(source)


def unstructure_bundle(bundle: Bundle) -> dict[str, Any]:
    """The bundle as plain data, exactly as the reference converter writes it."""
    return _object_unhook(Bundle)(bundle)


# -- encoding ----------------------------------------------------------------------------


def encode_compact(bundle: Bundle) -> str | None:
    """The bundle as compact JSON text, by orjson; ``None`` when the caller must use ``json``.

    Streaming: orjson walks the bundle and asks :func:`_stream_default` for the
    fields of each model object as it reaches it, so no tree of plain data is
    built first.  orjson writes the same bytes as ``json.dumps(...,
    ensure_ascii=False, separators=(",", ":"))`` except for floats below 1e-4 or
    from 1e16 in magnitude (``1e-05`` against ``0.00001``), integers outside 64
    bits, and lone surrogates, which it refuses.  Numbers occur only in interval
    bounds, spans, quantities, ratings and extension data; when one of them is
    outside those ranges (or orjson refuses a string) the result is ``None``, and
    ``json`` writes it.
    """
    orjson = _orjson()
    if orjson is None:
        return None
    try:
        with writing_once():
            encoded: bytes = orjson.dumps(
                {"format": FORMAT_VERSION, **_stream_default(bundle)},
                default=_stream_default,
            )
    except (_Unsafe, orjson.JSONEncodeError):  # an unsafe number or a lone surrogate
        return None
    return encoded.decode("utf-8")


_ABSENT: Any = object()


@contextmanager
def without_fast_extra() -> Iterator[None]:
    """claimmodel as it runs without the ``fast`` extra (for the benchmark and the tests)."""
    saved = {name: sys.modules.get(name, _ABSENT) for name in ("orjson", "msgspec")}
    for name in saved:
        sys.modules[name] = None  # type: ignore[assignment]
    _orjson.cache_clear()
    _msgspec.cache_clear()
    try:
        yield
    finally:
        for name, module in saved.items():
            if module is _ABSENT:
                del sys.modules[name]
            else:
                sys.modules[name] = module
        _orjson.cache_clear()
        _msgspec.cache_clear()


@cache
def _orjson() -> Any:
    try:
        import orjson  # noqa: PLC0415  (optional, and deferred to keep import time low)
    except ImportError:
        return None
    return orjson


@cache
def _msgspec() -> Any:
    try:
        import msgspec  # noqa: PLC0415  (optional, and deferred to keep import time low)
    except ImportError:
        return None
    return msgspec


_INT64 = 2**63


class _Unsafe(Exception):  # noqa: N818  (a signal: let json write this document)
    pass


def _check_float(value: float) -> None:
    magnitude = abs(value)
    if magnitude != 0.0 and not 1e-4 <= magnitude < 1e16:
        raise _Unsafe


def _check_int(value: int) -> None:
    if not -_INT64 <= value < _INT64:
        raise _Unsafe


def _check_figure(value: object) -> None:
    """A quantity's or a rating's field: its numbers (integers or floats) checked, the rest
    let be."""
    if type(value) is float:
        _check_float(value)
    elif type(value) is int:
        _check_int(value)


_NUMBER_CHECKS: dict[type, Callable[[Any], None]] = {
    Interval: _check_float,
    Span: _check_int,
    Quantity: _check_figure,
    Rating: _check_figure,
}
"""The classes whose numbers orjson may write otherwise than ``json``, and their check."""


def _checked(value: Any) -> Any:
    """Extension data thawed to plain data, every number in it checked."""
    stack = [value]
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind is float:
            _check_float(item)
        elif kind is int:
            _check_int(item)
        elif kind is tuple:
            stack.extend(item)
        elif kind is FrozenMap:
            stack.extend(item.values())
    return thaw_json(value)


_STREAM_WRITERS: dict[type, Callable[[Any], Any]] = {PartialDate: PartialDate.isoformat}


def _stream_default(value: Any) -> Any:
    kind = type(value)
    writer = _STREAM_WRITERS.get(kind)
    if writer is None:
        if not attrs.has(kind):
            raise TypeError(f"{kind.__name__} is not part of a bundle")  # pragma: no cover
        writer = _STREAM_WRITERS[kind] = _writer(kind, stream=True)
    return writer(value)
