"""Turn what cattrs and the model raise into :class:`~claimmodel.exceptions.Problem` lists.

cattrs reports nested failures as exception groups whose members carry notes
naming the attribute or index; this walks them to build paths in wire names.
It reads each leaf's own message, so errors raised inside attrs validators keep
their words (cattrs' ``transform_error`` drops them).
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterator

import attrs

from claimmodel.exceptions import InvalidTypeError, InvalidValueError, Problem
from claimmodel.format._shape import wire_key

__all__ = [
    "ACTIVE_CHARACTERS",
    "EXTENSIONS_KEY",
    "NotReadError",
    "WireError",
    "escape_controls",
    "json_escaped",
    "json_path_step",
    "problem_count",
    "problems_from",
    "shortened",
]

EXTENSIONS_KEY = "\x00extensions"
"""The internal key the ``extensions`` field travels under inside the converter.

Input never reaches the generated hooks with this key: every ``x_…`` key is
gathered under it first, and a literal occurrence is rejected as unknown.
"""

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*", re.ASCII)


class WireError(ValueError):
    """A value on the wire is not what the format allows (raised inside hooks).

    ``field`` names the key of the current object the problem is at, if any;
    ``subpath`` is a JSON path below it (``".x_note[3]"``), for values nested deeper.
    """

    def __init__(self, message: str, *, field: str | None = None, subpath: str = "") -> None:
        super().__init__(message)
        self.field = field
        self.subpath = subpath


ACTIVE_CHARACTERS = (
    "\x00-\x1f\x7f-\x9f"  # C0 controls, DEL, C1 controls
    "\u2028\u2029"  # line and paragraph separators
    "\u202a-\u202e\u2066-\u2069"  # bidi embeddings, overrides, isolates and their ends
    "\ud800-\udfff"  # lone surrogates (never part of valid text)
)
"""The characters a terminal acts on instead of showing them, as the body of a regular
expression's character class.

ESC starts sequences that move the cursor, clear the screen, retitle the window or
write to the clipboard, 0x9B is a one-byte CSI, CR and the separators move to another
line, and the bidirectional controls reorder the rest of a line, so that what is read
differs from what is there ("Trojan Source", CVE-2021-42574).  Everything claimmodel
prints escapes them; what it writes for other programs escapes them where the format
has an escape that means the same (JSON's ``\\uXXXX``, XML's ``&#xXX;``).
"""

_CONTROL = re.compile(f"[{ACTIVE_CHARACTERS}]")
_NAMED_ESCAPES = {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}
# In JSON text the C0 controls are always escaped already, and the others can stand only
# inside strings, where \uXXXX means the same character.
_ACTIVE_IN_JSON = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def escape_controls(text: str) -> str:
    """``text`` with every character a terminal acts on (:data:`ACTIVE_CHARACTERS`) written
    as an escape: ``\\n``, ``\\t``, ``\\r``, ``\\b`` and ``\\f`` as in JSON, the others as
    ``\\uXXXX``.

    The result prints on one line in any UTF-8 terminal and reads in its own order.
    """
    return _CONTROL.sub(lambda m: _NAMED_ESCAPES.get(m[0], f"\\u{ord(m[0]):04x}"), text)


def json_escaped(text: str) -> str:
    """JSON text with every character a terminal acts on written as ``\\uXXXX``: the same
    data, which no terminal acts on."""
    return _ACTIVE_IN_JSON.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


def shortened(text: str, longest: int) -> str:
    """``text`` as one printable line of about ``longest`` characters at most.

    Control characters are escaped (:func:`escape_controls`); a longer text keeps
    its beginning and its end, where messages name what is wrong and how to fix it,
    and says how much of the middle (usually a hostile value) was left out.
    """
    text = escape_controls(text)
    if len(text) <= longest:
        return text
    tail = longest // 4
    head = max(longest - tail - 40, 0)  # the marker takes up to 40 characters
    return f"{text[:head]}… ({len(text) - head - tail:,} characters left out) …{text[-tail:]}"


def json_path_step(key: str) -> str:
    """The path step for an object key: ``.key``, or ``['odd key']`` when needed.

    Odd keys are escaped as in RFC 9535 normalized paths: backslash, quote and
    control characters, so a path is always one printable line.
    """
    if _IDENTIFIER.fullmatch(key):
        return f".{key}"
    escaped = escape_controls(key.replace("\\", "\\\\").replace("'", "\\'"))
    return f"['{escaped}']"


def _step(exc: BaseException) -> str:
    # cattrs is imported when an error is reported, not with claimmodel (import time).
    from cattrs.errors import AttributeValidationNote, IterableValidationNote  # noqa: PLC0415

    for note in getattr(exc, "__notes__", ()):
        if isinstance(note, AttributeValidationNote):
            return "" if note.name == EXTENSIONS_KEY else json_path_step(wire_key(note.name))
        if isinstance(note, IterableValidationNote):
            return f"[{note.index}]"
    return ""


def _allowed_keys(cls: type) -> str:
    names = [wire_key(f.name) for f in attrs.fields(cls) if f.name != "extensions"]
    if len(names) == len(attrs.fields(cls)):
        return ", ".join(names)
    return ", ".join(names) + ", or an x_… extension key"


class NotReadError(WireError):
    """Part of a document was skipped because the problem budget was spent (a notice,
    not a problem of the document: it is always reported and never counted)."""


def problem_count(exc: BaseException) -> int:
    """How many problems :func:`problems_from` finds in ``exc``, without building them."""
    from cattrs.errors import BaseValidationError, ForbiddenExtraKeysError  # noqa: PLC0415

    if isinstance(exc, BaseValidationError):
        return sum(problem_count(sub) for sub in exc.exceptions)
    if isinstance(exc, ForbiddenExtraKeysError):
        return len(exc.extra_fields)
    return 0 if isinstance(exc, NotReadError) else 1


def problems_from(
    exc: BaseException, path: str = "$", *, budget: list[int] | None = None
) -> Iterator[Problem]:
    """Every problem ``exc`` describes, with its path below ``path``.

    With a ``budget`` (``[how many more to list]``), no more problems than that are
    built and listed; :class:`NotReadError` notices always are.
    """
    from cattrs.errors import BaseValidationError, ForbiddenExtraKeysError  # noqa: PLC0415

    spent = budget is not None and budget[0] <= 0
    if spent and not isinstance(exc, BaseValidationError | NotReadError):
        return
    if isinstance(exc, BaseValidationError):
        for sub in exc.exceptions:
            yield from problems_from(sub, path + _step(sub), budget=budget)
        return
    if isinstance(exc, ForbiddenExtraKeysError):
        keys = exc.extra_fields
        if budget is not None and budget[0] < len(keys):
            keys = set(heapq.nsmallest(budget[0], keys, key=repr))  # no sort of them all
        for key in sorted(keys, key=repr):
            if budget is not None:
                budget[0] -= 1
            if type(key) is not str:  # possible in Python data, never in JSON
                yield Problem(path=path, message=f"object keys must be strings, not {key!r}")
                continue
            shown = "extensions" if key == EXTENSIONS_KEY else key
            yield Problem(
                path=path + json_path_step(shown),
                message=f"unknown key {shown!r}; allowed here: {_allowed_keys(exc.cl)}",
            )
        return
    if budget is not None and not isinstance(exc, NotReadError):
        budget[0] -= 1
    if isinstance(exc, KeyError):
        name = path.rsplit(".", 1)[-1]
        yield Problem(path=path, message=f"required key {name!r} is missing")
        return
    if isinstance(exc, InvalidTypeError | InvalidValueError | WireError) and exc.field is not None:
        path += json_path_step(wire_key(exc.field))
    if isinstance(exc, WireError):
        path += exc.subpath
    yield Problem(path=path, message=str(exc) or type(exc).__name__)
