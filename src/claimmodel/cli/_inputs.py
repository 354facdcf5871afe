"""Where the command line reads bundles from: files, directories, JSON Lines corpora, ``-``.

Every command that reads bundles takes its FILE arguments through :func:`expand` (a
directory is walked for bundle files) and reads each with :func:`decode` or, for a JSON
Lines corpus, :func:`read_corpus`.
"""

from __future__ import annotations

import errno
import gzip
import os
import select
import stat
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, cast

from claimmodel.cli._progress import Progress
from claimmodel.cli._terminal import printable
from claimmodel.exceptions import DecodeError, LimitExceededError
from claimmodel.format import Limits, loads
from claimmodel.model import Bundle

if TYPE_CHECKING:  # the corpus layer loads when a corpus is read
    from claimmodel.corpus import CorpusLine

__all__ = [
    "BUNDLE_SUFFIXES",
    "JSONL_SUFFIXES",
    "STDIN",
    "CorpusReadError",
    "UnreadableError",
    "decode",
    "decode_bytes",
    "display_name",
    "expand",
    "is_jsonl",
    "is_unreadable",
    "read",
    "read_corpus",
]

STDIN = "-"
"""The file name that stands for standard input, for every command that reads a file."""

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")

BUNDLE_SUFFIXES = (".json", *JSONL_SUFFIXES)
"""The file names a directory is searched for (case-insensitively)."""


class CorpusReadError(Exception):
    """A corpus could not be opened, or stopped being readable (``line`` is the last line read)."""

    def __init__(self, message: str, *, line: int) -> None:
        super().__init__(message)
        self.line = line


def is_jsonl(path: str, *, jsonl: bool) -> bool:
    """Whether ``path`` is read as JSON Lines: by ``--jsonl``, or by its suffix."""
    return jsonl or path.lower().endswith(JSONL_SUFFIXES)


class UnreadableError(Exception):
    """A file could not be read, is not JSON at all, or is beyond a safety limit.

    ``file`` is the path as given, ``reason`` says what is wrong and ``where`` is the
    path of the problem in the document (``$`` for the whole).
    """

    def __init__(self, file: str, reason: str, *, where: str = "$") -> None:
        super().__init__(f"{display_name(file)}: {reason}")
        self.file = file
        self.reason = reason
        self.where = where


def display_name(path: str) -> str:
    """How output names ``path``: ``<stdin>`` for ``-`` (it has no name), ``''`` for an
    empty path (which names nothing), else as given."""
    if path == STDIN:
        return "<stdin>"
    return path or "''"


def expand(paths: Iterable[str]) -> Iterator[str]:
    """Each path as given, except that a directory yields its bundle files, sorted.

    A directory is walked recursively for ``*.json`` files and JSON Lines corpora
    (``*.jsonl``, ``*.ndjson``, optionally gzipped); hidden files and folders
    (names starting with a dot, such as ``.git``) are skipped, and links to folders are
    not followed.  A file named directly is read whatever its name.  A directory that
    holds no bundle file is named in a warning on standard error, so that a mistyped
    folder cannot pass for one whose bundles are all valid.
    """
    for path in paths:
        if path == STDIN or not os.path.isdir(path):
            yield path
            continue
        found: list[str] = []
        for folder, folders, files in os.walk(path):
            folders[:] = [name for name in folders if not name.startswith(".")]
            found.extend(
                os.path.join(folder, name)
                for name in files
                if not name.startswith(".") and name.lower().endswith(BUNDLE_SUFFIXES)
            )
        if not found:
            suffixes = ", ".join(f"*{suffix}" for suffix in BUNDLE_SUFFIXES)
            print(
                f"claimmodel: warning: {printable(path)}: no bundle file ({suffixes}) "
                "in this directory",
                file=sys.stderr,
            )
        yield from sorted(found)


PIPE_WAIT = 10.0
"""Seconds to wait for something to write to a named pipe (FIFO) given as a file."""


def _open(path: str) -> IO[bytes]:
    """``path`` opened for reading bytes, never waiting forever for a writer.

    Opening a named pipe (FIFO) blocks until something opens it for writing, which
    may never happen.  So it is opened without blocking, then given
    :data:`PIPE_WAIT` seconds to have data (or a writer that came and went); after
    that it is refused, as a file that cannot be read.
    """
    nonblocking = getattr(os, "O_NONBLOCK", 0)  # POSIX; elsewhere there are no FIFOs
    fd = os.open(path, os.O_RDONLY | nonblocking | getattr(os, "O_BINARY", 0))
    try:
        if nonblocking:
            _wait_for_a_writer(fd)
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _wait_for_a_writer(fd: int) -> None:
    """Raise :class:`TimeoutError` if ``fd`` is a pipe with nothing to read in time."""
    if stat.S_ISFIFO(os.fstat(fd).st_mode) and not _written_within(fd, PIPE_WAIT):
        reason = f"nothing wrote to this named pipe within {PIPE_WAIT:g} seconds"
        raise TimeoutError(errno.ETIMEDOUT, reason)


def _written_within(fd: int, seconds: float) -> bool:
    """Whether the pipe ``fd`` has data, or a writer that closed it, within ``seconds``."""
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    return bool(poller.poll(int(seconds * 1000)))


def read(path: str) -> bytes:
    """The bytes of ``path`` (standard input for ``-``), never more than the size limit.

    One byte over the limit is read, so that decoding can tell that the file is over it;
    a huge or endless file must not exhaust memory first.
    """
    limit = Limits().max_document_bytes + 1
    if not path:
        raise UnreadableError(path, "an empty path names no file; name a file, a directory or -")
    if path == STDIN:
        return sys.stdin.buffer.read(limit)
    try:
        with _open(path) as file:
            return file.read(limit)
    except (OSError, ValueError) as error:  # ValueError: e.g. a NUL in the path
        reason = getattr(error, "strerror", None) or error
        raise UnreadableError(path, f"cannot read: {reason}") from None


def decode_bytes(path: str, data: bytes) -> Bundle:
    """Decode the bytes read from ``path``.

    Raises DecodeError for an invalid bundle and UnreadableError for text that is not
    JSON at all or is beyond a safety limit.
    """
    try:
        return loads(data)
    except DecodeError as error:
        if is_unreadable(error):
            first = error.problems[0]
            raise UnreadableError(path, first.message, where=first.path) from None
        raise


def decode(path: str) -> Bundle:
    """Read and decode ``path`` (see :func:`read` and :func:`decode_bytes`)."""
    return decode_bytes(path, read(path))


def is_unreadable(error: BaseException) -> bool:
    """Whether a decoding error is about the bytes, the JSON syntax or a safety limit.

    Such a document is unreadable (``CM002``), not an invalid bundle (``CM001``).
    """
    if isinstance(error, LimitExceededError):
        return True
    if not isinstance(error, DecodeError):
        return False
    first = error.problems[0]
    return first.path == "$" and first.message.startswith(
        ("not valid JSON", "the document is not UTF-8", "the JSON is nested", "expected JSON text")
    )


@contextmanager
def _opened(path: str, given: IO[bytes] | None = None) -> Iterator[IO[bytes]]:
    if given is not None:
        yield given
        return
    if path == STDIN:
        yield sys.stdin.buffer
        return
    try:
        raw = _open(path)
    except (OSError, ValueError) as error:  # ValueError: e.g. a NUL in the path
        reason = getattr(error, "strerror", None) or error
        raise CorpusReadError(f"cannot read: {reason}", line=0) from None
    with raw:
        if not path.lower().endswith(".gz"):
            yield raw
            return
        with gzip.open(raw, "rb") as unzipped:
            yield cast("IO[bytes]", unzipped)


def read_corpus(
    path: str, *, progress: bool = True, file: IO[bytes] | None = None
) -> Iterator[CorpusLine]:
    """The lines of the JSON Lines corpus at ``path``, with a progress line on a terminal.

    ``progress=False`` (``--quiet``) draws no progress line, even on a terminal.  ``file``
    is read in place of the path's bytes (standard input kept aside, say).

    Raises :class:`CorpusReadError` when the file cannot be opened or its bytes stop
    making sense (a broken gzip stream), after yielding every line read before that.
    """
    from claimmodel.corpus import iter_lines  # noqa: PLC0415  (see the imports)

    name = display_name(path)
    with _opened(path, file) as opened:
        shown = Progress(name, opened, enabled=progress)
        number = 0
        try:
            for count, line in enumerate(iter_lines(opened, name=name), start=1):
                number = line.number
                shown.update(count)
                yield line
        except (OSError, EOFError) as error:  # gzip's errors on a damaged or cut stream
            reason = getattr(error, "strerror", None) or error
            message = f"cannot read past line {number}: {reason}"
            raise CorpusReadError(message, line=number) from None
        finally:
            shown.close()
