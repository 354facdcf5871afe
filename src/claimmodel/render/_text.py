"""Text from a document made fit for a picture: one line, no control characters, wrapped."""

from __future__ import annotations

import re
import textwrap
import unicodedata

__all__ = ["one_line", "wrapped"]

_SPACE = re.compile(r"\s+")


def _visible(character: str) -> str:
    """A character a picture cannot show as itself, written as its code point."""
    if unicodedata.category(character) in {"Cc", "Cs"} or character in "\ufffe\uffff":
        return f"\\u{ord(character):04x}"
    return character


def one_line(text: str) -> str:
    """``text`` with each run of white space made one space and every control character,
    lone surrogate or non-character written as ``\\uXXXX``, so it is shown, never acted on."""
    flat = _SPACE.sub(" ", text).strip()
    return "".join(_visible(character) for character in flat)


def wrapped(text: str, width: int) -> list[str]:
    """:func:`one_line` of ``text`` cut into lines of about ``width`` characters."""
    return textwrap.wrap(one_line(text), width=width, break_on_hyphens=False) or [""]
