"""Text from documents and file names, made safe to print on a terminal.

A terminal acts on some characters instead of showing them: C0 and C1 controls
(ESC starts sequences that move the cursor, clear the screen, retitle the window
or write to the clipboard; 0x9B is a one-byte CSI), DEL, line and paragraph
separators, and the bidirectional embeddings, overrides and isolates, which
reorder the rest of a line on terminals that lay out right-to-left text, so that
what is read differs from what is there ("Trojan Source", CVE-2021-42574).
A lone surrogate cannot be written as UTF-8 at all.

Every command escapes each such character in every value it takes from a
document or a file name *before* placing the value in a line of output, so a
value cannot forge a line, a field or a colour; the command's own newlines are
the only ones printed.  Directional marks (LRM, RLM, ALM) are left as they are:
a mark acts like one letter of its direction, no more than any Hebrew or Arabic
letter in the text does, and names written in those scripts use them.

Colour is the only escape sequence claimmodel writes itself, and only to a
terminal, never when ``NO_COLOR`` is set (https://no-color.org) or ``TERM`` is
``dumb``.  In a GitHub Actions log, a runner interprets ``::`` workflow commands
at the start of a line: what claimmodel writes there is encoded so that a value
cannot end a command or start another one.
"""

from __future__ import annotations

import enum
import json
import os
import re
from typing import Any, TextIO

from claimmodel.format._errors import ACTIVE_CHARACTERS, escape_controls, json_escaped

__all__ = [
    "Colour",
    "colours_wanted",
    "github_data",
    "github_property",
    "json_for_terminal",
    "printable",
]

_UNSAFE = re.compile(f"[{ACTIVE_CHARACTERS}]")


def printable(value: object) -> str:
    """``str(value)`` with every character a terminal acts on written as an escape.

    Backspace, tab, newline, form feed and carriage return are written as in JSON
    (``\\b``, ``\\t``, ``\\n``, ``\\f``, ``\\r``), every other such character as
    ``\\uXXXX`` (the same spellings as in decoding problems, so one style is seen).
    The result is one line that shows what it holds, in the order it holds it.
    """
    text = str(value)
    return escape_controls(text) if _UNSAFE.search(text) else text


def json_for_terminal(data: Any, *, indent: int | None = 2) -> str:
    """``data`` as JSON text (non-ASCII kept) with no character a terminal acts on.

    JSON already escapes C0 controls; this also writes DEL, C1 controls,
    separators, bidi controls and lone surrogates as ``\\uXXXX``, which decodes
    to the same value.
    """
    return json_escaped(json.dumps(data, ensure_ascii=False, indent=indent))


class Colour(enum.Enum):
    """The SGR codes the command line uses."""

    RED = "31"
    YELLOW = "33"
    BOLD = "1"

    def paint(self, text: str, *, enabled: bool) -> str:
        """``text`` in this colour when ``enabled``, else ``text`` unchanged."""
        return f"\x1b[{self.value}m{text}\x1b[0m" if enabled else text


def colours_wanted(stream: TextIO) -> bool:
    """Whether output to ``stream`` may be coloured: a terminal, without NO_COLOR or TERM=dumb.

    NO_COLOR counts when it is set to anything but the empty string, as its convention says.
    """
    if os.environ.get("NO_COLOR", "") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty is not None and isatty())


def github_data(text: str) -> str:
    """``text`` encoded as the message of a GitHub Actions workflow command.

    ``%``, CR and LF are percent-encoded, as the runner decodes them, so a value can
    neither end the command nor start another one on a new line.
    """
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    """``text`` encoded as a property value (``file=…``) of a workflow command.

    Besides what :func:`github_data` encodes, ``:`` and ``,`` end a property, so they are
    encoded too.
    """
    return github_data(text).replace(":", "%3A").replace(",", "%2C")
