"""Every exception claimmodel raises on bad input.

All of them derive from :class:`ClaimModelError`, so one ``except`` clause catches
everything the library reports.  Each also derives from the builtin that fits
(:class:`ValueError` or :class:`TypeError`), so code written against the builtins
keeps working.  Exception *wording* is not part of the public API; the classes,
their attributes and the ``path`` strings are.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Sequence
from typing import Protocol

import attrs

__all__ = [
    "ClaimModelError",
    "DecodeError",
    "InvalidTypeError",
    "InvalidValueError",
    "LimitExceededError",
    "LineDecodeError",
    "MergeConflictError",
    "MissingExtraError",
    "Problem",
    "UnsupportedFormatError",
    "ValidationError",
]


class ClaimModelError(Exception):
    """The root of every error claimmodel raises.

    Every one survives :mod:`pickle` (and so crosses process pools) with its message
    and attributes intact: it is rebuilt from its arguments and its state, without
    calling ``__init__``, whose signature differs from class to class.
    """

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), self.args), self.__dict__)


def _rebuild(cls: type[ClaimModelError], args: tuple[object, ...]) -> ClaimModelError:
    """An exception of ``cls`` with ``args``, its attributes to be restored by pickle."""
    error = cls.__new__(cls, *args)
    error.args = args
    return error


class InvalidValueError(ClaimModelError, ValueError):
    """A constructor was given a value that breaks a local rule (range, emptiness, shape).

    ``field`` names the offending field in wire spelling, when there is one.
    """

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class InvalidTypeError(ClaimModelError, TypeError):
    """A constructor was given a value of the wrong type.

    ``field`` names the offending field in wire spelling, when there is one.
    """

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with an input document.

    ``path`` is a JSONPath-like location in *wire* names, such as
    ``$.assertions[3].confidence.level``; ``message`` says what is wrong and how to
    fix it.
    """

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class DecodeError(ClaimModelError, ValueError):
    """A document could not be turned into model objects.

    ``problems`` holds *every* problem found, in document order, each with its
    path.  Iterating over the error yields them too.
    """

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        count = len(self.problems)
        head = "; ".join(str(p) for p in self.problems[:3])
        more = f" (and {count - 3} more)" if count > 3 else ""
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"{count} {noun}: {head}{more}")

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.problems)

    @classmethod
    def single(cls, path: str, message: str) -> DecodeError:
        """An error carrying one problem."""
        return cls([Problem(path=path, message=message)])


class UnsupportedFormatError(DecodeError):
    """The document's ``format`` names a version this release cannot read."""


class LimitExceededError(DecodeError):
    """The input exceeds a safety limit (size, depth, length or count).

    The message names the limit and how to raise it.
    """


class LineDecodeError(DecodeError):
    """One line of a JSON Lines corpus could not be decoded.

    ``name`` is the corpus (a file name, or ``"<stdin>"``), ``line`` the line's
    number (the first line is 1) and ``problems`` the problems of the line's
    bundle, with paths inside it.  The error that the line itself raised (a
    :class:`LimitExceededError` or :class:`UnsupportedFormatError`, say) is the
    ``__cause__``.
    """

    def __init__(self, problems: Sequence[Problem], *, name: str, line: int) -> None:
        super().__init__(problems)
        self.name = name
        self.line = line
        self.args = (f"{name}, line {line}: {self.args[0]}",)


class _Finding(Protocol):
    """What :class:`ValidationError` needs of a finding (:class:`claimmodel.Finding` has it).

    Declared here, rather than imported, because exceptions sit below every layer.
    """

    @property
    def code(self) -> str: ...
    @property
    def severity(self) -> enum.Enum: ...
    @property
    def path(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def is_error(self) -> bool: ...


class ValidationError(ClaimModelError, ValueError):
    """A bundle decoded but breaks document-level rules (see :func:`claimmodel.validate`).

    ``findings`` holds *every* :class:`claimmodel.Finding` of the report that raised
    it, warnings included, in the report's order; ``errors`` only those of severity error.
    Iterating over the error yields every finding.
    """

    def __init__(self, findings: Sequence[_Finding]) -> None:
        self.findings: tuple[_Finding, ...] = tuple(findings)
        errors = self.errors
        count = len(errors)
        head = "; ".join(str(f) for f in errors[:3])
        more = f" (and {count - 3} more)" if count > 3 else ""
        noun = "error" if count == 1 else "errors"
        super().__init__(f"{count} validation {noun}: {head}{more}")

    @property
    def errors(self) -> tuple[_Finding, ...]:
        """The findings of severity error."""
        return tuple(f for f in self.findings if f.is_error)

    def __iter__(self) -> Iterator[_Finding]:
        return iter(self.findings)


class MergeConflictError(ClaimModelError, ValueError):
    """Two bundles being merged hold different items under the same id.

    ``kind`` is the collection (``"sources"``, ``"claims"``, ``"assertions"`` or
    ``"relations"``), ``item`` the shared id, and ``first`` and ``second`` name
    where each version came from (a bundle's name and the item's position in it).
    """

    def __init__(self, message: str, *, kind: str, item: str, first: str, second: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.item = item
        self.first = first
        self.second = second


class MissingExtraError(ClaimModelError, ImportError):
    """A feature needs an optional extra that is not installed.

    ``extra`` is the extra's name, as in ``pip install 'claimmodel[EXTRA]'``; the
    message says what needs it and gives that command.
    """

    def __init__(self, message: str, *, extra: str) -> None:
        super().__init__(message)
        self.extra = extra
