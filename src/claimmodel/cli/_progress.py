"""A one-line progress display on standard error, for long reads of JSON Lines corpora."""

from __future__ import annotations

import os
import sys
import time
from typing import IO

__all__ = ["Progress"]

_INTERVAL = 0.25  # seconds between redraws: often enough to look alive, cheap enough to ignore


def _position(file: IO[bytes]) -> int | None:
    # The underlying file's offset (for gzip, in the compressed file), when it has one.
    raw = getattr(file, "fileobj", None) or file
    try:
        return int(raw.tell())
    except (OSError, ValueError, AttributeError):
        return None


def _size(file: IO[bytes]) -> int | None:
    raw = getattr(file, "fileobj", None) or file
    try:
        size = os.fstat(raw.fileno()).st_size
    except (OSError, ValueError, AttributeError):
        return None
    return size or None


class Progress:
    """Redraws ``NAME: N bundles (P %), R/s`` on ``stream`` while a corpus is read.

    It draws only when ``stream`` is a terminal, so piped or redirected output
    never holds progress lines.  ``close`` erases the line.
    """

    def __init__(
        self, name: str, file: IO[bytes], *, stream: IO[str] | None = None, enabled: bool = True
    ) -> None:
        self._stream = sys.stderr if stream is None else stream
        self._active = enabled and self._stream.isatty()
        self._name = name
        self._file = file
        self._size = _size(file)
        self._started = time.monotonic()
        self._drawn = self._started
        self._width = 0

    def update(self, bundles: int) -> None:
        """Record that ``bundles`` lines have been read; redraw now and then."""
        if not self._active:
            return
        now = time.monotonic()
        if now - self._drawn < _INTERVAL:
            return
        self._drawn = now
        text = f"{self._name}: {bundles:,} bundles"
        position = _position(self._file)
        if self._size is not None and position is not None:
            text += f" ({min(100, 100 * position // self._size)} %)"
        text += f", {bundles / max(now - self._started, 1e-9):,.0f}/s"
        self._stream.write("\r" + text.ljust(self._width))
        self._stream.flush()
        self._width = len(text)

    def close(self) -> None:
        """Erase the progress line, if one was drawn."""
        if self._active and self._width:
            self._stream.write("\r" + " " * self._width + "\r")
            self._stream.flush()
            self._width = 0
