"""``loads``/``dumps`` and their dict-level and file-level siblings."""

from __future__ import annotations

import io
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import IO, Any, cast

import attrs

from claimmodel.exceptions import (
    ClaimModelError,
    DecodeError,
    InvalidTypeError,
    InvalidValueError,
    LimitExceededError,
    Problem,
)
from claimmodel.format._envelope import FORMAT_VERSION, parse_version, upgrade
from claimmodel.format._errors import json_path_step, shortened
from claimmodel.format._fast import (
    LARGE_DOCUMENT_CHARACTERS,
    Fallback,
    encode_compact,
    gc_paused,
    is_large,
    measuring,
    parse,
    parse_small,
    structure_bundle,
    unstructure_bundle,
    writing_once,
)
from claimmodel.format._limits import DEFAULT_LIMITS, LimitHitError, Limits
from claimmodel.format._shape import NESTING_LEVELS
from claimmodel.model import Bundle
from claimmodel.model._checks import argument, type_name

__all__ = ["dump", "dumps", "from_data", "json_schema", "load", "loads", "to_data"]

SCHEMA_RESOURCES = {
    "claimmodel/1.0": "claimmodel-1.0.schema.json",
    "claimmodel/1.1": "claimmodel-1.1.schema.json",
}
"""The JSON Schema of each released format version, by its ``format`` string."""
_RECURSION_MARGIN = 50  # frames in use below the parser when it starts


def _reject_constant(name: str) -> Any:
    raise DecodeError.single("$", f"not valid JSON: {name} is not a number; numbers must be finite")


class _DuplicateKeyError(Exception):
    """Raised by the parse hook; the document is then parsed again to find where."""


def _object_pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _DuplicateKeyError
    return result


class _Repeated(dict[str, Any]):
    """An object that repeated ``key`` (built only while locating a duplicate key)."""

    key: str


def _marking_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) == len(pairs):
        return result
    marked = _Repeated(result)
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            marked.key = key
            break
        seen.add(key)
    return marked


def _duplicate_key_error(text: str) -> DecodeError:
    """The error for the first object, in document order, that repeats a key."""
    try:
        data = json.loads(text, object_pairs_hook=_marking_hook)
    except (ValueError, RecursionError):  # pragma: no cover  (the first parse got this far)
        data = None
    stack: list[tuple[object, str]] = [(data, "$")]
    while stack:
        item, path = stack.pop()
        if isinstance(item, _Repeated):
            message = f"key {item.key!r} appears twice in one object; JSON keys must be unique"
            return DecodeError(list(_short([Problem(path=path, message=message)])))
        if type(item) is list:
            stack.extend((v, f"{path}[{i}]") for i, v in reversed(list(enumerate(item))))
        elif isinstance(item, dict):
            stack.extend((v, path + json_path_step(k)) for k, v in reversed(item.items()))
    return DecodeError.single("$", "an object repeats a key; JSON keys must be unique")


def _too_deep(limits: Limits) -> LimitExceededError:
    """The error for nesting deeper than Python's recursion limit lets a parser follow."""
    reachable = sys.getrecursionlimit() - _RECURSION_MARGIN
    if limits.max_depth < reachable:
        return limits.exceeded("max_depth", f"nesting over {limits.max_depth:,} levels deep")
    message = f"nesting deeper than this Python can read (about {reachable:,} levels)"
    return LimitExceededError([Problem(path="$", message=message)])


_OTHER_ENCODINGS = (  # byte-order marks of the encodings JSON once allowed
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\xfe\xff", "UTF-16"),
    (b"\xff\xfe", "UTF-16"),
)


def _not_utf8(data: bytes, error: UnicodeDecodeError) -> DecodeError:
    for mark, name in _OTHER_ENCODINGS:
        if data.startswith(mark):
            return DecodeError.single(
                "$",
                f"the document is not UTF-8 but {name} (by its byte-order mark); "
                "JSON documents are exchanged as UTF-8 (RFC 8259 §8.1)",
            )
    return DecodeError.single(
        "$", f"the document is not UTF-8: byte {error.start} cannot be decoded"
    )


def _parse_fast(text: str | bytes, limits: Limits) -> Any:
    """The document read by msgspec, or :class:`Fallback` (see :func:`._fast.parse`); a
    small one is left to ``json`` (see :func:`._fast.parse_small`)."""
    limits.check_document(text)
    if parse_small(text):
        raise Fallback
    return parse(text)


def _as_text(text: object, limits: Limits) -> str | bytes:
    """``text`` as exactly ``str`` or ``bytes``, which every later step can take.

    Any buffer of single bytes (``bytearray``, ``memoryview`` of any shape or
    stride, ``array('B')``, ``mmap``, …) is copied into ``bytes``, after its size
    is checked; a buffer of wider items is not UTF-8 text, and anything else is
    not text at all: both are refused naming the type.
    """
    if type(text) is str or type(text) is bytes:
        return text
    if isinstance(text, str):
        return str(text)  # a subclass may override what the parsers call
    try:
        view = memoryview(text)  # type: ignore[arg-type]
    except (TypeError, ValueError):  # not a buffer, or one already released
        got = type_name(text)
        raise DecodeError.single("$", f"expected JSON text (str or bytes), got {got}") from None
    with view:
        if view.itemsize != 1:
            raise DecodeError.single(
                "$",
                f"expected JSON text (str or bytes), got a {type(text).__name__} of "
                f"{view.itemsize}-byte items (format {view.format!r})",
            )
        if view.nbytes > limits.max_document_bytes:
            what = f"a document of {view.nbytes:,} bytes"
            raise limits.exceeded("max_document_bytes", what)
        return view.tobytes()


def _parse_json(text: str | bytes, limits: Limits) -> Any:
    limits.check_document(text)
    if isinstance(text, bytes):
        raw = text
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise _not_utf8(raw, error) from None
    if text.startswith("\ufeff"):
        text = text[1:]  # A byte-order mark says nothing about the content (RFC 8259 §8.1).
    try:
        return json.loads(
            text, parse_constant=_reject_constant, object_pairs_hook=_object_pairs_hook
        )
    except _DuplicateKeyError:
        raise _duplicate_key_error(text) from None
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise DecodeError.single(
            "$", f"not valid JSON: {error.msg.removesuffix(' at')} at {where}"
        ) from None
    except RecursionError:
        raise _too_deep(limits) from None
    except ValueError as error:
        if isinstance(error, ClaimModelError):
            raise
        if "digits" not in str(error):  # pragma: no cover  (no other ValueError is known)
            raise DecodeError.single("$", f"not valid JSON: {error}") from None
        digits = sys.get_int_max_str_digits()  # an integer longer than Python converts
        message = (
            f"a number has more than {digits:,} digits, more than Python reads "
            "(see sys.set_int_max_str_digits)"
        )
        raise LimitExceededError([Problem(path="$", message=message)]) from None


_LONGEST_MESSAGE = 400
_LONGEST_PATH = 300


def _short(problems: Iterable[Problem]) -> Iterator[Problem]:
    """Problems whose text hostile values cannot flood: one line each, a few hundred characters."""
    for problem in problems:
        path, message = problem.path, problem.message
        if (
            len(path) > _LONGEST_PATH
            or len(message) > _LONGEST_MESSAGE
            or not (path.isprintable() and message.isprintable())
        ):
            path, message = shortened(path, _LONGEST_PATH), shortened(message, _LONGEST_MESSAGE)
            yield Problem(path=path, message=message)
        else:
            yield problem


def _hit_limit(error: BaseException) -> bool:
    from cattrs.errors import BaseValidationError  # noqa: PLC0415  (see _structure)

    if isinstance(error, LimitHitError):
        return True
    if isinstance(error, BaseValidationError):
        return any(_hit_limit(sub) for sub in error.exceptions)
    return False


def from_data(data: object, *, limits: Limits = DEFAULT_LIMITS) -> Bundle:
    """A :class:`~claimmodel.Bundle` from parsed JSON data (``dict``/``list``/``str``/…).

    Raises :class:`~claimmodel.exceptions.DecodeError` carrying every problem
    found, each with its path in wire names;
    :class:`~claimmodel.exceptions.LimitExceededError` (a ``DecodeError``) when
    the data goes beyond ``limits`` (see :class:`~claimmodel.Limits`).
    """
    argument("from_data", limits, Limits, "limits= a Limits")
    if type(data) is not dict:
        raise DecodeError.single("$", f"a bundle is a JSON object, not {type_name(data)}")
    if len(data) > limits.max_items:
        raise limits.exceeded("max_items", f"{len(data):,} items in one array or object")
    with gc_paused(is_large(data)):
        return _structure(_body(data, limits), limits)


def _body(data: dict[str, Any], limits: Limits) -> dict[str, Any]:
    """The document's content, checked for a format and upgraded, ``format`` removed."""
    if "format" not in data:
        raise DecodeError.single(
            "$.format", f"required key 'format' is missing; expected e.g. {FORMAT_VERSION!r}"
        )
    try:
        body = upgrade(data, parse_version(data["format"]))
    except DecodeError as error:
        raise type(error)(list(_short(error.problems))) from None
    return {key: value for key, value in body.items() if key != "format"}


def _structure(
    body: dict[str, Any], limits: Limits, reread: Callable[[], object] | None = None
) -> Bundle:
    # -- engine selection: given ``reread`` (which parses the text again), the
    # fast engine first (see format/_fast.py), consuming the parsed data as it
    # goes; the reference converter when it declines, on data read afresh.  So
    # every rejection, and its report, is the converter's.
    if reread is not None:
        try:
            return structure_bundle(body, limits, consume=True)
        except Exception:  # noqa: BLE001  (any doubt: the reference path decides)
            again = reread()
            if type(again) is not dict:  # pragma: no cover  (the first read was a dict)
                raise DecodeError.single("$", "the document changed while it was read") from None
            body = _body(again, limits)
    # -- the reference path.  cattrs is imported here, on first use, rather than
    # with claimmodel: the fast engine decodes and encodes valid documents
    # without it, and it is most of the import time.
    from claimmodel.format._converter import (  # noqa: PLC0415
        converter_for,
        problem_budget,
        sharing,
    )
    from claimmodel.format._errors import problem_count, problems_from  # noqa: PLC0415

    try:
        with problem_budget(limits.max_problems), sharing():  # equal values built once
            return converter_for(limits).structure(body, Bundle)
    except RecursionError:
        raise _too_deep(limits) from None
    except Exception as error:  # noqa: BLE001  (every failure becomes a DecodeError)
        # The report holds at most max_problems problems, and says how many more there were.
        listed = limits.max_problems
        problems = list(_short(problems_from(error, budget=[listed])))
        more = problem_count(error) - listed
        if more > 0:
            message = (
                f"{more:,} more problems not listed: the report stops at max_problems="
                f"{listed:,}; to see them, raise limits=claimmodel.Limits(max_problems=...)"
            )
            problems.append(Problem(path="$", message=message))
        failed = LimitExceededError(problems) if _hit_limit(error) else DecodeError(problems)
    # Raised outside the handler, so that the converter's error is not its __context__:
    # pickling that installs chains (tblib, as Dask's distributed installs it) could not
    # rebuild cattrs' error groups, and the problems already say all they held.
    raise failed


def to_data(bundle: Bundle) -> dict[str, Any]:
    """The bundle as plain JSON data, ``format`` first, ready for any JSON encoder."""
    argument("to_data", bundle, Bundle, "a Bundle")
    data = unstructure_bundle(bundle)  # the converter's output, written faster
    return {"format": FORMAT_VERSION, **data}


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE_ESCAPE_BYTES = re.compile(rb"\\u[dD][89a-fA-F]")


def _no_surrogates(text: str | bytes) -> bool:
    """Whether ``text`` can hold no surrogate code point (escaped or, in a str, raw)."""
    if isinstance(text, str):
        if _SURROGATE_ESCAPE.search(text):
            return False
        if text.isascii():
            return True
        try:
            text.encode("utf-8")  # fails exactly on a raw surrogate
        except UnicodeEncodeError:
            return False
        return True
    return _SURROGATE_ESCAPE_BYTES.search(text) is None


def loads(text: str | bytes, *, limits: Limits = DEFAULT_LIMITS) -> Bundle:
    """Decode a bundle from JSON text.

    Every failure — not UTF-8, not JSON, duplicate keys, wrong types, unknown keys,
    an unsupported format version — raises
    :class:`~claimmodel.exceptions.DecodeError` listing every problem found;
    input beyond ``limits`` raises its subclass
    :class:`~claimmodel.exceptions.LimitExceededError` naming the limit.
    """
    argument("loads", limits, Limits, "limits= a Limits")
    text = _as_text(text, limits)
    with gc_paused(len(text) >= LARGE_DOCUMENT_CHARACTERS):
        # Strings that may hold a lone surrogate are left to the reference path,
        # which finds and reports them; the fast engine takes strings as they are.
        try:
            data = _parse_fast(text, limits)
            fast = True  # msgspec refuses lone surrogates
        except Fallback:
            data = _parse_json(text, limits)
            fast = _no_surrogates(text)
        if type(data) is not dict:
            return from_data(data, limits=limits)
        if len(data) > limits.max_items:
            raise limits.exceeded("max_items", f"{len(data):,} items in one array or object")
        body = _body(data, limits)
        del data  # the fast engine frees each item's data as it builds the item
        return _structure(body, limits, (lambda: _parse_json(text, limits)) if fast else None)


def dumps(bundle: Bundle, *, indent: int | None = None, limits: Limits = DEFAULT_LIMITS) -> str:
    """Encode a bundle as JSON text.

    The output is deterministic: equal bundles give identical text.  Non-ASCII
    characters are written as themselves.  ``indent`` pretty-prints.

    What :func:`loads` with the same ``limits`` would refuse raises the reader's
    :class:`~claimmodel.exceptions.LimitExceededError` instead: a document over
    ``max_document_bytes`` (pretty-printing adds about a third), a chain over
    ``max_chain_length``, an array or object over ``max_items``, a string over
    ``max_string_length``, nesting deeper than ``max_depth``.  Pass the limits the
    reader will use to write more.
    """
    argument("dumps", bundle, Bundle, "a Bundle")
    argument("dumps", limits, Limits, "limits= a Limits")
    with measuring() as written:
        text = encode_compact(bundle) if indent is None else None  # orjson, when sure of it
        if text is None:
            written.widest, written.extensions = 0, []  # measured again as written below
            separators = (",", ":") if indent is None else (",", ": ")
            with writing_once():  # each shared confidence and hedge's data built once
                data = to_data(bundle)
            text = json.dumps(
                data,
                ensure_ascii=False,
                allow_nan=False,
                indent=indent,
                separators=separators,
            )
        refusable = _may_be_refused(bundle, text, written.widest, written.extensions, limits)
    if refusable:  # the reader decides, so that the error is its own, path and all
        try:
            loads(text, limits=limits)
        except LimitExceededError as refused:
            raise LimitExceededError(refused.problems) from None
    return text


def _may_be_refused(
    bundle: Bundle,
    text: str,
    widest: int,
    extensions: Iterable[tuple[type, Any, int]],
    limits: Limits,
) -> bool:
    """Whether a reader with ``limits`` could refuse ``text``, written from ``bundle``.

    Never lenient, and each check costs next to nothing beside the encoding: the
    size; the widest array the writers met (``widest``) and the most keys any model
    object can have; the deepest the format nests; every chain; strings only when
    some stretch of the text between two quotes is longer than
    ``max_string_length`` (a string that long must make one); and each object's
    extension data, with its class and the number of its other keys, checked as
    the reader checks it, from the deepest level the class can sit at.
    """
    try:
        limits.check_document(text)
    except LimitExceededError:
        return True
    most_keys, deepest = _format_extent()
    if widest > limits.max_items or limits.max_items < most_keys or limits.max_depth < deepest:
        return True
    chain_length = limits.max_chain_length
    if any(len(a.attribution.chain) > chain_length for a in bundle.assertions):
        return True
    if _stretch_longer_than(text, limits.max_string_length):
        return True
    for cls, data, other_keys in extensions:
        if len(data) + other_keys > limits.max_items:
            return True
        try:
            limits.check_json(data, depth=NESTING_LEVELS.get(cls, 1))
        except LimitHitError:
            return True
    return False


@cache
def _format_extent() -> tuple[int, int]:
    """The most keys of any model object (a source's ``kind`` counted) and the deepest
    level anything but extension data reaches (an array inside the deepest object)."""
    most_keys = max(len(attrs.fields(cls)) + 1 for cls in NESTING_LEVELS)
    return most_keys, max(NESTING_LEVELS.values()) + 1


_MOST_BLOCKS = 1024


def _stretch_longer_than(text: str, limit: int) -> bool:
    """Whether some run of characters between two quotes is longer than ``limit``, a quote
    preceded by a backslash not counted as a quote: true whenever a string is that long.

    Without splitting the text (at 100,000 assertions, 59 million characters, a split
    made some three million strings and took half of ``dumps``): such a run holds a
    whole block of ``(limit + 2) // 2`` characters starting at a multiple of that size,
    and a block with as many quotes as backslash-quotes holds no quote (a block whose
    first quote follows anything but a backslash holds one).  Searching and counting
    are done in C without a copy; only around such a block is the run measured.
    """
    size = len(text)
    if size <= limit:
        return False
    block = (limit + 2) // 2  # a run of limit + 1 >= 2 * block - 1 holds a whole block
    if size // block > _MOST_BLOCKS:  # a low limit: the split is quicker than many counts
        return max(map(len, text.replace('\\"', "__").split('"'))) > limit
    for start in range(0, size - block + 1, block):
        end = start + block
        first = text.find('"', start, end)
        if first > 0 and text[first - 1] != "\\":
            continue  # the usual case: a quote, soon found
        if text.count('"', start, end) != text.count('\\"', start - 1 if start else 0, end):
            continue
        first = _quote_before(text, start)
        last = _quote_after(text, end)
        if last - first - 1 > limit:
            return True
    return False


def _quote_before(text: str, position: int) -> int:
    """The index of the last quote before ``position`` not preceded by a backslash, or -1."""
    found = text.rfind('"', 0, position)
    while found > 0 and text[found - 1] == "\\":
        found = text.rfind('"', 0, found - 1)
    return found


def _quote_after(text: str, position: int) -> int:
    """The index of the first quote from ``position`` not preceded by a backslash, or the
    text's length."""
    found = text.find('"', position)
    while found > 0 and text[found - 1] == "\\":
        found = text.find('"', found + 1)
    return len(text) if found == -1 else found


def load(file: IO[bytes] | IO[str], *, limits: Limits = DEFAULT_LIMITS) -> Bundle:
    """Decode a bundle from an open file (binary or text), reading no more than ``limits`` allow."""
    argument("load", limits, Limits, "limits= a Limits")
    if not callable(getattr(file, "read", None)):
        raise InvalidTypeError(
            f"load() needs a file open for reading, not {type_name(file)} (loads() takes text)"
        )
    # One byte or character past the limit is enough to know the document is too big.
    return loads(file.read(limits.max_document_bytes + 1), limits=limits)


def dump(bundle: Bundle, file: IO[str] | IO[bytes], *, limits: Limits = DEFAULT_LIMITS) -> None:
    """Write a bundle to a file, text or binary (UTF-8 is written), pretty-printed with a
    final newline.

    ``dump(load(f))`` reproduces a file written by :func:`dump` byte for byte, and
    nothing is written that :func:`load` with the same ``limits`` would refuse (see
    :func:`dumps`): a bundle near the size limit may fit compact but not pretty-printed.
    """
    if not callable(getattr(file, "write", None)):
        raise InvalidTypeError(f"dump() needs a file open for writing, not {type_name(file)}")
    text = dumps(bundle, indent=2, limits=limits) + "\n"
    if isinstance(file, io.RawIOBase | io.BufferedIOBase):
        cast("IO[bytes]", file).write(text.encode("utf-8"))
    else:
        cast("IO[str]", file).write(text)


def json_schema(version: str = FORMAT_VERSION) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a format version, the current one by default,
    as a fresh ``dict``.

    ``version`` is a ``format`` string such as ``"claimmodel/1.0"``; every released
    version has its schema.  The current schema also describes every older version
    of its major version (it embeds their schemas), so one schema checks any
    document this release reads.
    """
    from importlib import resources  # noqa: PLC0415  (rarely needed; keep import time low)

    argument("json_schema", version, str, f"a format string such as {FORMAT_VERSION!r}")
    if version not in SCHEMA_RESOURCES:
        known = ", ".join(repr(v) for v in SCHEMA_RESOURCES)
        raise InvalidValueError(f"no JSON Schema for format {version!r}; known: {known}")
    resource = resources.files("claimmodel.format.schema").joinpath(SCHEMA_RESOURCES[version])
    text = resource.read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
