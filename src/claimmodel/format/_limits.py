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
``max_string_length``
    The length of any one string, key or value, in code points.
``max_items``
    The number of members of any one array or object.
``max_chain_length``
    The number of links in any one attribution ``chain``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sized
from typing import Final, cast

import attrs

from claimmodel.exceptions import InvalidTypeError, InvalidValueError, LimitExceededError, Problem
from claimmodel.format._errors import WireError, json_path_step

__all__ = ["DEFAULT_LIMITS", "LimitHitError", "Limits"]


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

    max_document_bytes: int = attrs.field(default=128 * 1024 * 1024, validator=_positive)
    """The largest JSON text, in UTF-8 bytes (128 MiB)."""
    max_depth: int = attrs.field(default=64, validator=_positive)
    """The deepest nesting of arrays and objects; the top-level object is level 1."""
    max_string_length: int = attrs.field(default=1_000_000, validator=_positive)
    """The longest string (key or value), in code points."""
    max_items: int = attrs.field(default=1_000_000, validator=_positive)
    """The most members in any one array or object."""
    max_chain_length: int = attrs.field(default=100, validator=_positive)
    """The most links in any one attribution chain."""

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
        if isinstance(text, str) and maximum // 4 < size <= maximum:
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

    def check_value(self, value: object, *, depth: int) -> None:
        """Check arbitrary JSON data (an extension value) against every limit but size.

        ``depth`` is the nesting level of ``value`` itself in the document (a
        value directly in the top-level object is at level 2 if it is an array or
        object).  The walk is iterative, so a cyclic or absurdly deep Python
        structure is refused without recursion; non-JSON types are left for the
        caller to reject.
        """
        # A stack of (value, level, path); paths are short in practice, and a
        # pathological one is bounded by the limits being checked.
        stack: list[tuple[object, int, str]] = [(value, depth, "")]
        while stack:
            item, level, path = stack.pop()
            if type(item) is str:
                if len(item) > self.max_string_length:
                    raise self.hit(
                        "max_string_length", f"a string of {len(item):,} code points", path
                    )
                continue
            if not (type(item) is list or type(item) is tuple or isinstance(item, Mapping)):
                continue  # a scalar; anything not JSON is left for the caller to reject
            container = cast("Sized", item)
            if level > self.max_depth:
                raise self.hit("max_depth", f"nesting {level:,} levels deep", path)
            if len(container) > self.max_items:
                raise self.hit(
                    "max_items", f"{len(container):,} items in one array or object", path
                )
            if isinstance(item, Mapping):
                mapping = cast("Mapping[object, object]", item)
                for key, member in mapping.items():
                    if type(key) is not str:  # not JSON; the caller rejects it in its own words
                        stack.append((member, level + 1, f"{path}[{key!r}]"))
                        continue
                    if len(key) > self.max_string_length:
                        raise self.hit(
                            "max_string_length", f"a key of {len(key):,} code points", path
                        )
                    stack.append((member, level + 1, path + json_path_step(key)))
            else:
                array = cast("list[object] | tuple[object, ...]", item)
                stack.extend((m, level + 1, f"{path}[{i}]") for i, m in enumerate(array))


DEFAULT_LIMITS: Final = Limits()
"""The limits every decoder applies unless given others."""
