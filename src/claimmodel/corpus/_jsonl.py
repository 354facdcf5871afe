"""JSON Lines corpora: one bundle per line, read and written as a stream.

A corpus file holds one compact bundle per line (https://jsonlines.org): UTF-8,
lines ended by ``\\n`` (a ``\\r`` before it is JSON whitespace and harmless).
Lines holding only whitespace are skipped but counted, so line numbers match
what an editor shows.  A file whose name ends in ``.gz`` is read and written
through gzip.
"""

from __future__ import annotations

import gzip
import io
import os
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import IO, TypeAlias, cast

import attrs

from claimmodel.exceptions import DecodeError, InvalidTypeError, LineDecodeError
from claimmodel.format import Limits, dumps, loads
from claimmodel.format._limits import DEFAULT_LIMITS
from claimmodel.model import Bundle
from claimmodel.model._checks import argument, type_name

__all__ = ["CorpusLine", "dump_lines", "dumps_line", "iter_lines", "iter_load"]

Readable: TypeAlias = str | os.PathLike[str] | IO[bytes] | IO[str] | io.BufferedIOBase
"""A corpus to read: a path (``.gz`` read through gzip) or a file open for reading."""

Writable: TypeAlias = str | os.PathLike[str] | IO[str] | IO[bytes] | io.BufferedIOBase
"""Where to write a corpus: a path (``.gz`` written through gzip) or a file open for writing."""

_CHUNK = 1 << 16  # how much of an overlong line is read at a time while skipping it

# JSON lets these stand raw inside strings, but str.splitlines and many line-based
# tools break lines at them; the writer escapes them so a line stays one line.
_LINE_BREAKERS = str.maketrans({"\u0085": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


@attrs.frozen(kw_only=True)
class CorpusLine:
    """One non-blank line of a corpus: its bundle, or why it has none.

    ``name`` is the corpus (a file name, or what the caller called it), ``number``
    the line's number (the first line is 1); exactly one of ``bundle`` and
    ``error`` is set.
    """

    name: str
    number: int
    bundle: Bundle | None = None
    error: LineDecodeError | None = None

    @property
    def ok(self) -> bool:
        """Whether the line decoded to a bundle."""
        return self.error is None


def _name_of(source: object) -> str:
    if isinstance(source, str | os.PathLike):
        return os.fspath(source)
    name = getattr(source, "name", None)
    return name if isinstance(name, str) else "<stream>"


def _open(source: Readable, stack: ExitStack) -> IO[bytes] | IO[str]:
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        opened = gzip.open(path, "rb") if path.suffix == ".gz" else path.open("rb")  # noqa: SIM115
        return cast("IO[bytes]", stack.enter_context(opened))
    return cast("IO[bytes] | IO[str]", source)


def _physical_lines(file: IO[bytes] | IO[str], longest: int) -> Iterator[str | bytes | None]:
    """Each line of ``file`` in turn, or ``None`` for one longer than ``longest``.

    No more than ``longest`` + 1 bytes (or characters) of a line are held at once.
    """
    while True:
        line = file.readline(longest + 1)
        if not line:
            return
        if len(line) <= longest:
            yield line
            continue
        if line[-1:] in ("\n", b"\n"):  # exactly the longest line allowed, and its newline
            yield line[:-1]
            continue
        while line and line[-1:] not in ("\n", b"\n"):  # skip the rest of the long line
            line = file.readline(_CHUNK)
        yield None


def iter_lines(
    source: Readable,
    *,
    limits: Limits = DEFAULT_LIMITS,
    name: str | None = None,
    first_line: int = 1,
) -> Iterator[CorpusLine]:
    """Each non-blank line of a JSON Lines corpus, decoded, in order.

    Unlike :func:`iter_load`, a line that does not decode does not stop the
    stream: its :class:`CorpusLine` carries the error and the next line follows.
    ``limits`` applies to each line as to one document (a line longer than
    ``max_document_bytes`` is skipped without being held in memory).  ``name``
    labels the lines; by default, the path or the file's name.  ``first_line`` is the
    number of the source's first line, for a part of a larger file.
    """
    argument("iter_lines", limits, Limits, "limits= a Limits")
    argument("iter_lines", name, (str, type(None)), "name= a string")
    if not isinstance(source, str | os.PathLike) and not callable(
        getattr(source, "readline", None)
    ):
        raise InvalidTypeError(
            f"iter_lines() needs a path or a file open for reading, not {type_name(source)}"
        )
    argument("iter_lines", first_line, int, "first_line= an integer")
    return _lines(source, limits, _name_of(source) if name is None else name, first_line)


def _lines(source: Readable, limits: Limits, label: str, first_line: int) -> Iterator[CorpusLine]:
    with ExitStack() as stack:
        file = _open(source, stack)  # a path that cannot be opened raises OSError, as open() does
        longest = limits.max_document_bytes
        for number, text in enumerate(_physical_lines(file, longest), start=first_line):
            if text is None:
                what = f"a line of more than {longest:,} bytes"
                cause: DecodeError = limits.exceeded("max_document_bytes", what)
            elif not text.strip():
                continue
            else:
                try:
                    yield CorpusLine(name=label, number=number, bundle=loads(text, limits=limits))
                    continue
                except DecodeError as error:
                    cause = error
            failed = LineDecodeError(cause.problems, name=label, line=number)
            failed.__cause__ = cause
            yield CorpusLine(name=label, number=number, error=failed)


def iter_load(
    source: Readable, *, limits: Limits = DEFAULT_LIMITS, name: str | None = None
) -> Iterator[Bundle]:
    """The bundles of a JSON Lines corpus, one per non-blank line, read as they are needed.

    Memory stays bounded by one line whatever the corpus's size.  The first line
    that does not decode raises :class:`~claimmodel.exceptions.LineDecodeError`
    naming the corpus and the line; use :func:`iter_lines` to read past bad lines.
    A path that cannot be opened raises :class:`OSError`, as :func:`open` does.
    """
    return _bundles(iter_lines(source, limits=limits, name=name))


def _bundles(lines: Iterator[CorpusLine]) -> Iterator[Bundle]:
    for line in lines:
        if line.error is not None:
            raise line.error
        assert line.bundle is not None  # a CorpusLine holds one or the other
        yield line.bundle


def dumps_line(bundle: Bundle) -> str:
    """The bundle as one line of JSON Lines, without the final ``\\n``.

    The text is :func:`~claimmodel.dumps`'s compact form with U+0085, U+2028 and
    U+2029 escaped: JSON allows them raw, but ``str.splitlines`` and other
    line-based tools would split the line at them.  It decodes to the same bundle.
    """
    argument("dumps_line", bundle, Bundle, "a Bundle")
    return dumps(bundle).translate(_LINE_BREAKERS)


def _is_binary(file: object) -> bool:
    # Text files are TextIOBase (io.StringIO, open(..., "w"), gzip in "wt" mode);
    # byte streams are the buffered and raw kinds, and gzip opened for bytes.
    return isinstance(file, io.RawIOBase | io.BufferedIOBase) and not isinstance(
        file, io.TextIOBase
    )


def dump_lines(bundles: Iterable[Bundle], target: Writable) -> int:
    """Write ``bundles`` as a JSON Lines corpus, one line each; return how many were written.

    ``target`` is a file open for writing, text (its encoding is then the file's) or
    binary (UTF-8 is written), or a path to create (a ``.gz`` path is compressed).
    Bundles are written as they come, so a generator of any length fits in memory.
    """
    if isinstance(bundles, Bundle | str | bytes) or not isinstance(bundles, Iterable):
        raise InvalidTypeError(
            f"dump_lines() needs an iterable of Bundles, not {type_name(bundles)}"
        )
    with ExitStack() as stack:
        if isinstance(target, str | os.PathLike):
            path = Path(target)
            opened = (
                gzip.open(path, "wt", encoding="utf-8", newline="\n")  # noqa: SIM115
                if path.suffix == ".gz"
                else path.open("w", encoding="utf-8", newline="\n")
            )
            target = stack.enter_context(opened)
        elif not callable(getattr(target, "write", None)):
            raise InvalidTypeError(
                f"dump_lines() needs a path or a file open for writing, not {type_name(target)}"
            )
        binary = _is_binary(target)
        count = 0
        for bundle in bundles:
            line = dumps_line(bundle) + "\n"
            target.write(line.encode("utf-8") if binary else line)  # type: ignore[arg-type]
            count += 1
        return count
