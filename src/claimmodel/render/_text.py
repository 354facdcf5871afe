"""Text from a document made fit for a picture: one line, no control characters, wrapped."""

from __future__ import annotations

import re
import textwrap

from claimmodel.format._errors import ACTIVE_CHARACTERS

__all__ = ["one_line", "shown", "wrapped"]

_SPACE = re.compile(r"\s+")
# Control characters, separators, bidirectional controls, lone surrogates, non-characters.
_INVISIBLE = re.compile(f"[{ACTIVE_CHARACTERS}\ufffe\uffff]")


def _code_point(match: re.Match[str]) -> str:
    return f"\\u{ord(match[0]):04x}"


def shown(text: str, *, keep: str = "") -> str:
    """``text`` with every character a terminal acts on or a picture cannot show (controls,
    separators, bidirectional controls, lone surrogates, non-characters) written as
    ``\\uXXXX``, except those in ``keep``, so it is shown, never acted on."""
    return _INVISIBLE.sub(lambda m: m[0] if m[0] in keep else _code_point(m), text)


def one_line(text: str) -> str:
    """``text`` with each run of white space made one space and every control character,
    separator, bidirectional control, lone surrogate or non-character written as
    ``\\uXXXX``, so it is shown, never acted on."""
    return _INVISIBLE.sub(_code_point, _SPACE.sub(" ", text).strip())


def wrapped(text: str, width: int) -> list[str]:
    """:func:`one_line` of ``text`` cut into lines of about ``width`` characters."""
    return textwrap.wrap(one_line(text), width=width, break_on_hyphens=False) or [""]
