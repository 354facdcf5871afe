"""Coverage-guided fuzzing of the decoder with atheris (optional; not run by the tests).

Every input, given to ``loads`` as bytes, text or another buffer type (chosen by its
first byte), must either decode to a bundle that survives encode → decode unchanged
and that ``validate`` and ``analyze`` accept, or raise a ``DecodeError`` of at most
about ``max_problems`` problems that survives pickling; anything else is a crash that
atheris reports with the input that caused it.  See ``fuzz/README.md``.
"""

from __future__ import annotations

import array
import pickle
import sys

import atheris

with atheris.instrument_imports():
    import claimmodel
    from claimmodel.exceptions import DecodeError

# Small limits keep each run fast; they are limits like any others.
LIMITS = claimmodel.Limits(max_document_bytes=1 << 20, max_problems=100)


def _buffer(data: bytes) -> object:
    """The input in one of the buffer types ``loads`` takes, chosen by its first byte."""
    kind, rest = (data[0] % 5, data[1:]) if data else (0, data)
    if kind == 1:
        return bytearray(rest)
    if kind == 2:
        return memoryview(bytes(b for byte in rest for b in (byte, 0)))[::2]  # strided
    if kind == 3:
        return array.array("B", rest)
    if kind == 4:
        return rest.decode("utf-8", "surrogateescape")  # text, lone surrogates included
    return rest


def test_one_input(data: bytes) -> None:
    """The decoding contract for one input."""
    try:
        bundle = claimmodel.loads(_buffer(data), limits=LIMITS)  # type: ignore[arg-type]
    except DecodeError as error:
        if len(error.problems) > LIMITS.max_problems + 20:
            count = len(error.problems)
            raise AssertionError(f"{count} problems: the budget did not hold") from None
        for problem in error.problems:
            line = str(problem)
            if not problem.path.startswith("$") or len(line.splitlines()) != 1:
                raise AssertionError(f"malformed problem: {line!r}") from None
        if pickle.loads(pickle.dumps(error)).problems != error.problems:  # noqa: S301  (our own)
            raise AssertionError("the error did not survive pickling") from None
        return
    text = claimmodel.dumps(bundle)
    if claimmodel.loads(text.encode("utf-8"), limits=LIMITS) != bundle:
        raise AssertionError("a decoded bundle did not survive encode -> decode")
    for finding in claimmodel.validate(bundle):  # every rule answers, in one short line
        if len(finding.message) > 400 or not finding.message.isprintable():
            raise AssertionError(f"an unprintable or long finding: {finding.message[:80]!r}")
    claimmodel.analyze(bundle)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
