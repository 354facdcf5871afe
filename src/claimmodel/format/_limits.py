"""Safety limits for decoding untrusted documents.

Every decoder (:func:`~claimmodel.loads`, :func:`~claimmodel.load`,
:func:`~claimmodel.from_data`) takes ``limits=Limits(...)``.  The defaults accept
any realistic bundle (100,000 assertions fit easily) while keeping the time and
memory a hostile document can cost bounded.  Exceeding a limit raises
:class:`~claimmodel.exceptions.LimitExceededError` naming the limit, the path of
the offending value and how to raise the limit.

What each limit counts (any decoder, fast or not, must count the same way):

``max_document_bytes``
    The length of the JSON text in UTF-8 bytes (a byte-order mark included).
    Checked before parsing; not applied by :func:`~claimmodel.from_data`.
``max_depth``
    How deeply arrays and objects nest.  The top-level object is level 1, each
    array or object inside another adds one: ``{"x_a": [[1]]}`` has depth 3.
    The format fixes the shape down to level 6, so only extension values can
    nest deeper (anything else that deep is the wrong type already); the
    decoder counts their levels from the deepest place their object can sit.
``max_string_length``
    The length of any one string, key or value, in code points.
``max_items``
    The number of members of any one array or object.
``max_chain_length``
    The number of links in any one attribution ``chain``.
``max_problems``
    Not a limit on the input but on the report: once this many problems have
    been found (each unknown key, wrong type or bad value is one, however many
    one item holds), the rest of every array is skipped, no more than this many
    are listed, and the :class:`~claimmodel.exceptions.DecodeError` says where
    reading stopped and how many more problems there were.  Reporting a problem
    costs far more than the few bytes that cause it; unbounded, a small
    document of many broken items, or of objects with thousands of unknown
    keys, could cost much time and memory.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sized
from typing import Final, cast

import attrs

from claimmodel.exceptions import InvalidTypeError, InvalidValueError, LimitExceededError, Problem
from claimmodel.format._errors import WireError, json_path_step
from claimmodel.model._frozen import lone_surrogate, unwritable_integer

__all__ = ["DEFAULT_LIMITS", "LimitHitError", "Limits", "check_integer", "check_text"]


def _positive(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if type(value) is not int:
        raise InvalidTypeError(
            f"{attribute.name} must be an integer, not {type(value).__name__}",
            field=attribute.name,
        )
    if value < 1:
        raise InvalidValueError(f"{attribute.name} must be at least 1, not {value}")


class LimitHitError(WireError):
    """A limit was exceeded inside a decoder (reported as :class:`LimitExceededError`).

    ``limit`` is the field name of :class:`Limits` exceeded; ``subpath`` is the
    location of the offending value below the point where it was detected, in
    JSON-path steps (``".x_note[3]"``), or ``""``.
    """

    def __init__(self, message: str, *, limit: str, subpath: str = "") -> None:
        super().__init__(message, subpath=subpath)
        self.limit = limit


@attrs.frozen(kw_only=True)
class Limits:
    """How much a decoder accepts before refusing a document as too large or too deep.

    Raise a limit for trusted input that needs it, e.g.
    ``claimmodel.loads(text, limits=claimmodel.Limits(max_document_bytes=2**30))``.
    Every limit is a positive integer.
    """

    max_document_bytes: int = attrs.field(default=64 * 1024 * 1024, validator=_positive)
    """The largest JSON text, in UTF-8 bytes (64 MiB)."""
    max_depth: int = attrs.field(default=64, validator=_positive)
    """The deepest nesting of arrays and objects; the top-level object is level 1."""
    max_string_length: int = attrs.field(default=1_000_000, validator=_positive)
    """The longest string (key or value), in code points."""
    max_items: int = attrs.field(default=1_000_000, validator=_positive)
    """The most members in any one array or object."""
    max_chain_length: int = attrs.field(default=100, validator=_positive)
    """The most links in any one attribution chain."""
    max_problems: int = attrs.field(default=1_000, validator=_positive)
    """How many problems are reported before the rest of the document is skipped.

    Not an error of its own: the :class:`~claimmodel.exceptions.DecodeError` then
    lists at most this many problems, says where reading stopped and how many
    more problems there were.
    """

    # -- checks shared by every decoder ------------------------------------------

    def exceeded(self, limit: str, what: str, path: str = "$") -> LimitExceededError:
        """The error for ``what`` (e.g. ``"a string of 2,000,000 code points"``) at ``path``."""
        return LimitExceededError([Problem(path=path, message=self.message(limit, what))])

    def message(self, limit: str, what: str) -> str:
        """The sentence reporting that ``what`` exceeds ``limit``, saying how to raise it."""
        maximum: int = getattr(self, limit)
        return (
            f"{what} exceeds the limit {limit}={maximum:,}; if the input is trusted, "
            f"raise it with limits=claimmodel.Limits({limit}=...)"
        )

    def check_document(self, text: str | bytes) -> None:
        """Raise :class:`LimitExceededError` when ``text`` is over ``max_document_bytes``."""
        maximum = self.max_document_bytes
        size = len(text)
        if isinstance(text, str) and maximum // 4 < size <= maximum and not text.isascii():
            size = len(text.encode("utf-8", "surrogatepass"))  # only when it could matter
        if size > maximum:
            raise self.exceeded("max_document_bytes", f"a document of {size:,} bytes")

    def hit(self, limit: str, what: str, subpath: str = "") -> LimitHitError:
        """The in-decoder form of :meth:`exceeded` (path filled in by the decoder)."""
        return LimitHitError(self.message(limit, what), limit=limit, subpath=subpath)

    def check_string(self, value: str) -> None:
        """Raise :class:`LimitHitError` when ``value`` is longer than ``max_string_length``."""
        if len(value) > self.max_string_length:
            raise self.hit("max_string_length", f"a string of {len(value):,} code points")

    def check_items(self, count: int) -> None:
        """Raise :class:`LimitHitError` when an array or object has more than ``max_items``."""
        if count > self.max_items:
            raise self.hit("max_items", f"{count:,} items in one array or object")

    def check_chain(self, count: int) -> None:
        """Raise :class:`LimitHitError` when a chain has more than ``max_chain_length`` links."""
        if count > self.max_chain_length:
            raise self.hit("max_chain_length", f"an attribution chain of {count:,} links")

    def check_json(self, value: object, *, depth: int) -> None:
        """Check arbitrary data (an extension value) is JSON, writable, and within the limits.

        ``depth`` is the nesting level of ``value`` itself in the document (an
        array directly in the top-level object is at level 2).  Refused, with the
        path below ``value``: non-finite numbers, integers too long to write,
        non-string keys, strings that are not valid Unicode (see
        :func:`check_text`), any type JSON does not have (:class:`WireError`), and
        anything over :attr:`max_depth`, :attr:`max_string_length` or
        :attr:`max_items` (:class:`LimitHitError`).  The walk is iterative, so a
        cyclic or absurdly deep Python structure is refused without recursion.
        """
        # Depth first over iterators, so memory grows with the depth, not the size.
        # The path is kept as the keys of the open containers and written out only
        # for an error.
        keys: list[str | int] = []
        in_object: list[bool] = []
        members: list[Iterator[tuple[object, object]]] = []
        item: object = value
        while True:
            kind = type(item)
            if kind is str or kind is int or kind is float:
                self._check_scalar(item, keys, in_object)
            elif kind is list or kind is tuple or isinstance(item, Mapping):
                container = cast("Sized", item)
                level = depth + len(members)
                if level > self.max_depth:
                    what = f"nesting {level:,} levels deep"
                    raise self.hit("max_depth", what, _path(keys, in_object))
                if len(container) > self.max_items:
                    what = f"{len(container):,} items in one array or object"
                    raise self.hit("max_items", what, _path(keys, in_object))
                is_object = isinstance(item, Mapping)
                pairs = (
                    cast("Mapping[object, object]", item).items()
                    if is_object
                    else enumerate(cast("list[object] | tuple[object, ...]", item))
                )
                members.append(iter(pairs))
                in_object.append(is_object)
                keys.append(0)
            elif item is not None and kind is not bool:
                raise WireError(
                    f"{kind.__name__} is not a JSON value", subpath=_path(keys, in_object)
                )
            # On to the next value: the next member of the innermost open container.
            while members:
                pair = next(members[-1], None)
                if pair is None:
                    members.pop()
                    in_object.pop()
                    keys.pop()
                    continue
                key, item = pair
                if in_object[-1]:
                    if type(key) is not str:
                        where = _path(keys[:-1], in_object[:-1])
                        raise WireError(f"object keys must be strings, not {key!r}", subpath=where)
                    if len(key) > self.max_string_length:
                        what = f"a key of {len(key):,} code points"
                        raise self.hit("max_string_length", what, _path(keys[:-1], in_object))
                    keys[-1] = key
                    if not key.isascii():
                        check_text(key, _path(keys, in_object), what="key")
                else:
                    keys[-1] = cast("int", key)
                break
            else:
                return

    def check_value(self, value: object, *, depth: int) -> None:
        """The first name of :meth:`check_json`, kept for decoders written against it."""
        self.check_json(value, depth=depth)

    def _check_scalar(self, item: object, keys: list[str | int], in_object: list[bool]) -> None:
        if type(item) is str:
            if len(item) > self.max_string_length:
                what = f"a string of {len(item):,} code points"
                raise self.hit("max_string_length", what, _path(keys, in_object))
            if not item.isascii():
                check_text(item, _path(keys, in_object))
        elif type(item) is int:
            check_integer(item, _path(keys, in_object))
        elif type(item) is float and not math.isfinite(item):
            raise WireError(f"{item!r} is not a JSON number", subpath=_path(keys, in_object))


def _path(keys: list[str | int], in_object: list[bool]) -> str:
    """The JSON path steps for ``keys``, each an object key or an array index."""
    return "".join(
        json_path_step(cast("str", key)) if is_object else f"[{key}]"
        for key, is_object in zip(keys, in_object, strict=False)
    )


def check_text(value: str, path: str = "", *, what: str = "string") -> None:
    """Raise :class:`WireError` when ``value`` holds a lone surrogate (U+D800–U+DFFF).

    JSON text can spell one (``"\\ud800"``), Python can hold one, but no UTF-8
    document can carry it, so a bundle holding one could not be written back.
    """
    at = lone_surrogate(value)
    if at is not None:
        raise WireError(
            f"the {what} holds a lone surrogate U+{ord(value[at]):04X} at character {at}, "
            "which is not Unicode text and cannot be written as UTF-8",
            subpath=path,
        )


def check_integer(value: int, path: str = "") -> None:
    """Raise :class:`WireError` when ``value`` has too many digits for Python to write.

    Python refuses to turn integers of more than ``sys.get_int_max_str_digits()``
    digits (4,300 by default) into text; such a value could not be encoded.
    """
    if unwritable_integer(value):
        raise WireError("the integer has too many digits to write back as JSON", subpath=path)


DEFAULT_LIMITS: Final = Limits()
"""The limits every decoder applies unless given others."""
