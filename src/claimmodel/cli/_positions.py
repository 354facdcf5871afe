"""Where each JSON path of a document starts in its text: line and column, for SARIF and CI.

Decoding keeps no positions (it would cost every caller), so the command line parses the
text once more, only when an output format asks for positions.  The paths are spelled as
the decoder and the validation rules spell them (``$.claims[0].text``, ``$['odd key']``).
An object member is placed at its key, an array item at its value.
"""

from __future__ import annotations

import bisect
import contextlib
import json
import re
from collections.abc import Callable
from json import decoder

from claimmodel.format._errors import json_path_step

__all__ = ["Positions"]

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_SCALAR = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?|true|false|null")
# The standard library's string scanner (C), which typeshed does not declare.
_scanstring: Callable[[str, int], tuple[str, int]] = decoder.scanstring  # type: ignore[attr-defined]
_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # as SARIF counts lines


class Positions:
    """The start of every value of one JSON text, looked up by JSON path.

    Lines and columns count from 1; columns count Unicode code points (SARIF's
    ``unicodeCodePoints`` column kind).  Text that is not valid JSON is read as far as it
    goes; the place where a parse fails is :meth:`syntax_error`.
    """

    def __init__(self, data: bytes) -> None:
        text = data.decode("utf-8", errors="replace").removeprefix("\ufeff")
        self._text = text
        self._line_starts = [0] + [match.end() for match in _LINE_BREAK.finditer(text)]
        self._offsets: dict[str, int] = {}
        with contextlib.suppress(ValueError, IndexError):  # not JSON beyond this point
            self._scan()

    def line_column(self, path: str) -> tuple[int, int]:
        """The line and column of ``path``, or of its nearest ancestor in the text."""
        while path not in self._offsets and path != "$":
            path = _parent(path)
        return self._at(self._offsets.get(path, 0))

    def syntax_error(self) -> tuple[int, int] | None:
        """The line and column where the text stops being JSON; ``None`` if it is JSON."""
        try:
            json.loads(self._text)
        except json.JSONDecodeError as error:
            return self._at(error.pos)
        except (ValueError, RecursionError):  # numbers too long, nesting too deep: no place
            return None
        return None

    def _at(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def _skip(self, offset: int) -> int:
        match = _WHITESPACE.match(self._text, offset)
        assert match is not None  # the pattern matches the empty string
        return match.end()

    def _member(self, parent: str, offset: int) -> tuple[str, int]:
        """Read ``"key":`` at ``offset``, note the key's place; the path and the value's offset."""
        if self._text[offset] != '"':
            raise ValueError("expected a key")
        key, after = _scanstring(self._text, offset + 1)
        path = parent + json_path_step(key)
        self._offsets.setdefault(path, offset)
        after = self._skip(after)
        if self._text[after] != ":":
            raise ValueError("expected a colon")
        return path, self._skip(after + 1)

    def _scan(self) -> None:
        # Iterative, so that no nesting depth reaches the interpreter's recursion limit.
        text = self._text
        frames: list[list[str | int]] = []  # [container path, item count, "{" or "["]
        path, offset = "$", self._skip(0)
        while True:
            self._offsets.setdefault(path, offset)
            char = text[offset]
            if char in "{[":
                offset = self._skip(offset + 1)
                if text[offset] != ("}" if char == "{" else "]"):
                    frames.append([path, 0, char])
                    if char == "{":
                        path, offset = self._member(path, offset)
                    else:
                        path = f"{path}[0]"
                    continue
                offset += 1
            elif char == '"':
                offset = _scanstring(text, offset + 1)[1]
            else:
                match = _SCALAR.match(text, offset)
                if match is None:
                    raise ValueError("expected a value")
                offset = match.end()
            # After a value: close finished containers, then go to the next item.
            while True:
                offset = self._skip(offset)
                if not frames:
                    return
                container, count, kind = frames[-1]
                assert isinstance(container, str)
                assert isinstance(count, int)
                if text[offset] != ",":
                    offset += 1  # "]" or "}"
                    frames.pop()
                    continue
                frames[-1][1] = count + 1
                offset = self._skip(offset + 1)
                if kind == "{":
                    path, offset = self._member(container, offset)
                else:
                    path = f"{container}[{count + 1}]"
                break


def _parent(path: str) -> str:
    """The path one step up: ``$.a[2]`` → ``$.a``, ``$['b c'].d`` → ``$['b c']``."""
    if path.endswith("']"):
        # Inside a quoted step every quote is escaped, so the last "['" opens it.
        return path[: path.rindex("['")]
    if path.endswith("]"):
        return path[: path.rindex("[")]
    return path[: path.rindex(".")] if "." in path else "$"
