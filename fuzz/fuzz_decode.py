"""Coverage-guided fuzzing of the decoder with atheris (optional; not run by the tests).

Every input must either decode to a bundle that survives encode → decode unchanged
and that ``validate`` accepts, or raise a ``DecodeError``; anything else is a crash
that atheris reports with the input that caused it.  See ``fuzz/README.md``.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    import claimmodel
    from claimmodel.exceptions import DecodeError

# Small limits keep each run fast; they are limits like any others.
LIMITS = claimmodel.Limits(max_document_bytes=1 << 20, max_problems=100)


def test_one_input(data: bytes) -> None:
    """The decoding contract for one input."""
    try:
        bundle = claimmodel.loads(data, limits=LIMITS)
    except DecodeError as error:
        for problem in error.problems:
            line = str(problem)
            if not problem.path.startswith("$") or len(line.splitlines()) != 1:
                raise AssertionError(f"malformed problem: {line!r}") from None
        return
    text = claimmodel.dumps(bundle)
    if claimmodel.loads(text.encode("utf-8"), limits=LIMITS) != bundle:
        raise AssertionError("a decoded bundle did not survive encode -> decode")
    claimmodel.validate(bundle)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
