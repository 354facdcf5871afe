"""The hostile corpus (``tests/hostile/``) through the API and the command line.

Each file has its expected outcome here: the error class and the paths of the
problems, or ``None`` when it decodes (some of those are for ``validate`` to
refuse), and the exit code of ``claimmodel validate``.  A file without an entry
fails the suite, so the corpus cannot grow untested.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import claimmodel as cm
from claimmodel.cli import main
from claimmodel.exceptions import DecodeError, LimitExceededError, UnsupportedFormatError

CORPUS = Path(__file__).parent / "hostile"

_Outcome = tuple[type[DecodeError] | None, tuple[str, ...], int]

_ROOT = ("$",)
EXPECTED: dict[str, _Outcome] = {
    # Bytes and text that are not JSON, or not UTF-8: unreadable, exit 2.
    "bom-utf16.json": (DecodeError, _ROOT, 2),
    "not-utf8.json": (DecodeError, _ROOT, 2),
    "overlong-utf8.json": (DecodeError, _ROOT, 2),
    "surrogate-in-utf8.json": (DecodeError, _ROOT, 2),
    "truncated.json": (DecodeError, _ROOT, 2),
    "not-json.txt": (DecodeError, _ROOT, 2),
    "empty.json": (DecodeError, _ROOT, 2),
    "whitespace-only.json": (DecodeError, _ROOT, 2),
    "trailing-garbage.json": (DecodeError, _ROOT, 2),
    "nan.json": (DecodeError, _ROOT, 2),
    "infinity.json": (DecodeError, _ROOT, 2),
    # Beyond a limit: exit 2, with the path where one is known.
    "deep-arrays.json": (LimitExceededError, _ROOT, 2),
    "deep-objects.json": (LimitExceededError, _ROOT, 2),
    "deep-extension.json": (LimitExceededError, ("$.x_tree" + "[0]" * 63,), 2),
    "long-chain.json": (LimitExceededError, ("$.assertions[0].attribution.chain",), 2),
    "integer-too-many-digits.json": (LimitExceededError, _ROOT, 2),
    # JSON that is not a valid bundle: exit 1, every problem with its path.
    "top-level-array.json": (DecodeError, _ROOT, 1),
    "top-level-string.json": (DecodeError, _ROOT, 1),
    "top-level-null.json": (DecodeError, _ROOT, 1),
    "number-overflows-float.json": (
        DecodeError,
        ("$.assertions[0].confidence.probability.high",),
        1,
    ),
    "probability-beyond-float.json": (
        DecodeError,
        ("$.assertions[0].confidence.probability.low",),
        1,
    ),
    # 1,800 unknown keys: the first 1,000 listed, where reading stopped, how many more.
    "many-unknown-keys.json": (
        DecodeError,
        (
            *(f"$.claims[0].k{i:03d}" for i in range(600)),
            *(f"$.claims[1].k{i:03d}" for i in range(400)),
            "$.claims[2]",
            "$",
        ),
        1,
    ),
    "integer-as-probability.json": (
        DecodeError,
        ("$.assertions[0].confidence.probability.high",),
        1,
    ),
    "duplicate-top-level-key.json": (DecodeError, _ROOT, 1),
    "duplicate-nested-key.json": (DecodeError, ("$.assertions[0]",), 1),
    "duplicate-extension-key.json": (DecodeError, ("$.x_a",), 1),
    "wrong-types.json": (
        DecodeError,
        (
            "$.title",
            "$.published",
            "$.sources[0].name",
            "$.sources[0].aliases",
            "$.claims[0].text",
            "$.assertions[0].attribution.chain",
            "$.assertions[0].confidence.probability.low",
            "$.assertions[0].confidence.probability.high",
            "$.assertions[0].hedges[0]",
            "$.relations",
        ),
        1,
    ),
    "empty-and-whitespace-ids.json": (
        DecodeError,
        ("$.sources[0].id", "$.claims[0].id", "$.assertions[0].attribution.source"),
        1,
    ),
    "unknown-tags.json": (
        DecodeError,
        (
            "$.sources[0].kind",
            "$.assertions[0].attribution.chain[0].channel",
            "$.assertions[0].stance",
            "$.assertions[0].hedges[0].category",
        ),
        1,
    ),
    "missing-kind.json": (DecodeError, ("$.sources[0].kind",), 1),
    # Only the outer null is reported: a null stops its object being read further.
    "null-values.json": (DecodeError, ("$.title",), 1),
    "lone-surrogate-value.json": (DecodeError, ("$.title",), 1),
    "lone-low-surrogate.json": (DecodeError, ("$.x_note[0]",), 1),
    "lone-surrogate-key.json": (DecodeError, ("$['x_\\ud83d']",), 1),
    "format-missing.json": (DecodeError, ("$.format",), 1),
    "format-future-major.json": (UnsupportedFormatError, ("$.format",), 1),
    "format-future-minor.json": (UnsupportedFormatError, ("$.format",), 1),
    "format-not-a-string.json": (UnsupportedFormatError, ("$.format",), 1),
    "format-other.json": (UnsupportedFormatError, ("$.format",), 1),
    "unknown-keys.json": (DecodeError, _ROOT, 1),
    "control-characters.json": (DecodeError, ("$.claims[0]['colour\\nnew line']",), 1),
    "nul-in-key.json": (DecodeError, ("$['ti\\u0000tle']",), 1),
    "bool-for-number.json": (DecodeError, ("$.assertions[0].confidence.probability.low",), 1),
    "bad-dates.json": (DecodeError, ("$.published", "$.sources[0].published"), 1),
    "bad-span.json": (DecodeError, ("$.assertions[0].evidence[0].span.end",), 1),
    "self-contradiction.json": (DecodeError, ("$.assertions[0].confidence.probability",), 1),
    "interval-reversed.json": (DecodeError, ("$.assertions[0].confidence.probability.low",), 1),
    # Valid documents, awkward ones included.
    "valid-minimal.json": (None, (), 0),
    "bom-utf8.json": (None, (), 0),
    "surrogate-pair-escaped.json": (None, (), 0),
    "calendar-ends.json": (None, (), 0),  # year 1 and 9999 across time zones
    "terminal-controls.json": (None, (), 0),  # escapes, new lines, bidi in every text
    # Well-formed bundles whose faults are document-level: validation's to report.
    "looping-chain.json": (None, (), 1),
    "dangling-references.json": (None, (), 1),
}

# The codes ``validate`` reports, in order, for each corpus file that decodes.
VALIDATION: dict[str, tuple[str, ...]] = {
    "valid-minimal.json": (),
    "bom-utf8.json": (),
    "surrogate-pair-escaped.json": (),
    "calendar-ends.json": (),
    "terminal-controls.json": (),
    "looping-chain.json": ("CM106", "CM104", "CM106", "CM104"),  # a source twice in a chain
    "dangling-references.json": ("CM701", "CM702", "CM101", "CM301", "CM303"),
}

FILES = sorted(path.name for path in CORPUS.iterdir() if path.suffix in {".json", ".txt"})


class TestCorpusIsComplete:
    """Every corpus file has an expected outcome, and every expectation a file."""

    def test_same_names(self) -> None:
        assert sorted(EXPECTED) == FILES

    def test_every_decodable_file_has_its_findings(self) -> None:
        decodable = sorted(name for name, (error, _, _) in EXPECTED.items() if error is None)
        assert decodable == sorted(VALIDATION)


def _outcome(decode: object) -> tuple[type[DecodeError] | None, tuple[str, ...]]:
    assert callable(decode)
    try:
        decode()
    except DecodeError as error:
        return type(error), tuple(problem.path for problem in error.problems)
    return None, ()


class TestCorpusThroughTheApi:
    """``loads``, ``load`` and ``from_data`` give each file its expected outcome."""

    @pytest.mark.parametrize("name", FILES)
    def test_loads(self, name: str) -> None:
        error, paths, _ = EXPECTED[name]
        data = (CORPUS / name).read_bytes()
        assert (error, paths) == _outcome(lambda: cm.loads(data))

    @pytest.mark.parametrize("name", FILES)
    def test_load_binary_and_text(self, name: str) -> None:
        error, paths, _ = EXPECTED[name]
        with (CORPUS / name).open("rb") as file:
            assert (error, paths) == _outcome(lambda: cm.load(file))
        try:
            text = (CORPUS / name).read_text("utf-8")
        except UnicodeDecodeError:
            return  # not text: only the binary reading applies
        assert (error, paths) == _outcome(lambda: cm.load(io.StringIO(text)))

    @pytest.mark.parametrize("name", FILES)
    def test_from_data(self, name: str) -> None:
        error, paths, code = EXPECTED[name]
        try:
            data = json.loads((CORPUS / name).read_bytes())
        except (ValueError, RecursionError):
            return  # not JSON the standard library reads: nothing to hand from_data
        outcome = _outcome(lambda: cm.from_data(data))  # never anything but a DecodeError
        if (code == 2 and paths == _ROOT) or name.startswith("duplicate-"):
            # Refused by claimmodel's parser but read by the standard library, which
            # allows NaN and encoded surrogates and keeps one of each repeated key.
            return
        assert (error, paths) == outcome

    @pytest.mark.parametrize("name", FILES)
    def test_problems_are_single_short_lines(self, name: str) -> None:
        try:
            cm.loads((CORPUS / name).read_bytes())
        except DecodeError as error:
            lines = [str(problem) for problem in error.problems]
        else:
            lines = []
        assert [] == [line for line in lines if len(line.splitlines()) != 1 or len(line) > 800]


class TestCorpusThroughValidation:
    """``validate`` takes every decodable corpus file and reports its document-level faults."""

    @pytest.mark.parametrize("name", sorted(VALIDATION))
    def test_findings(self, name: str) -> None:
        report = cm.validate(cm.loads((CORPUS / name).read_bytes()))
        assert VALIDATION[name] == tuple(finding.code for finding in report)


def _cli_lines(name: str) -> int:
    """How many lines ``claimmodel validate`` prints for corpus file ``name``."""
    error, paths, code = EXPECTED[name]
    if error is None:
        return len(VALIDATION[name])
    return len(paths) if code == 1 else 1


class TestCorpusThroughTheCli:
    """``claimmodel validate`` and ``show`` exit 0, 1 or 2 with one line per problem."""

    @pytest.mark.parametrize("name", FILES)
    def test_validate(self, name: str, capsys: pytest.CaptureFixture[str]) -> None:
        _, _, code = EXPECTED[name]
        path = str(CORPUS / name)
        assert code == main(["validate", path])
        out, err = capsys.readouterr()
        lines = out.splitlines()  # every finding on one stream, the summary on the other
        assert "Traceback" not in out + err
        assert all(line.startswith(f"{path}: ") for line in lines)
        assert _cli_lines(name) == len(lines)
        assert err.startswith("1 file, ")

    @pytest.mark.parametrize("name", FILES)
    def test_show(self, name: str, capsys: pytest.CaptureFixture[str]) -> None:
        error, _, code = EXPECTED[name]
        assert (0 if error is None else code) == main(["show", str(CORPUS / name)])
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        assert "\x1b" not in out  # terminal escapes from the bundle are shown escaped

    def test_show_escapes_control_characters(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        data = json.loads((CORPUS / "valid-minimal.json").read_bytes())
        data["claims"][0]["text"] = "red \x1b[31malert\x1b[0m\rgone"
        path = tmp_path / "escapes.json"
        path.write_text(json.dumps(data), "utf-8")
        assert 0 == main(["show", str(path)])
        out = capsys.readouterr().out
        assert "red \\u001b[31malert\\u001b[0m" in out
        assert ("\x1b", "\r") == tuple(c for c in "\x1b\r" if c not in out)

    def test_whole_corpus_in_a_subprocess(self) -> None:
        paths = [str(CORPUS / name) for name in FILES]
        result = subprocess.run(
            [sys.executable, "-m", "claimmodel", "validate", *paths],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
            timeout=120,
        )
        assert 2 == result.returncode
        assert "Traceback" not in result.stderr
        expected = sum(_cli_lines(name) for name in FILES)
        assert expected == len(result.stdout.splitlines())
        assert result.stderr.startswith(f"{len(FILES)} files, ")
