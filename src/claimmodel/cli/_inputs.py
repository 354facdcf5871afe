"""Where the command line reads bundles from: files, JSON Lines corpora, standard input."""

from __future__ import annotations

import gzip
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, cast

from claimmodel.cli._progress import Progress
from claimmodel.corpus import CorpusLine, iter_lines

__all__ = ["STDIN", "CorpusReadError", "display_name", "is_jsonl", "read_corpus"]

STDIN = "-"
"""The file name that stands for standard input."""

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")


class CorpusReadError(Exception):
    """A corpus could not be opened, or stopped being readable (``line`` is the last line read)."""

    def __init__(self, message: str, *, line: int) -> None:
        super().__init__(message)
        self.line = line


def display_name(path: str) -> str:
    """How findings name ``path`` (standard input has no name of its own)."""
    return "<stdin>" if path == STDIN else path


def is_jsonl(path: str, *, jsonl: bool) -> bool:
    """Whether ``path`` is read as JSON Lines: by ``--jsonl``, or by its suffix."""
    return jsonl or path.lower().endswith(JSONL_SUFFIXES)


@contextmanager
def _opened(path: str) -> Iterator[IO[bytes]]:
    if path == STDIN:
        yield sys.stdin.buffer
        return
    try:
        gzipped = path.lower().endswith(".gz")
        file = cast("IO[bytes]", gzip.open(path, "rb") if gzipped else Path(path).open("rb"))  # noqa: SIM115
    except (OSError, ValueError) as error:  # ValueError: e.g. a NUL in the path
        reason = getattr(error, "strerror", None) or error
        raise CorpusReadError(f"cannot read: {reason}", line=0) from None
    with file:
        yield file


def read_corpus(path: str) -> Iterator[CorpusLine]:
    """The lines of the JSON Lines corpus at ``path``, with a progress line on a terminal.

    Raises :class:`CorpusReadError` when the file cannot be opened or its bytes stop
    making sense (a broken gzip stream), after yielding every line read before that.
    """
    name = display_name(path)
    with _opened(path) as file:
        progress = Progress(name, file)
        number = 0
        try:
            for count, line in enumerate(iter_lines(file, name=name), start=1):
                number = line.number
                progress.update(count)
                yield line
        except (OSError, EOFError) as error:  # gzip's errors on a damaged or cut stream
            reason = getattr(error, "strerror", None) or error
            message = f"cannot read past line {number}: {reason}"
            raise CorpusReadError(message, line=number) from None
        finally:
            progress.close()
