"""The registry of export/import formats and the `export` / `import` commands."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import claimmodel as cm
from claimmodel.cli import main
from claimmodel.exceptions import InvalidValueError, MissingExtraError
from claimmodel.interop import (
    Format,
    Imported,
    _registry,
    export_bundle,
    formats,
    get_format,
    import_bundle,
    register_format,
)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "kursk-monument.json"

ABSENT = Format(
    name="absent",
    summary="a format whose library is not installed",
    module="claimmodel_absent_format",
    writer="write",
    reader="read",
    extra="absent-extra",
    requires=("claimmodel_no_such_library",),
)


def _echo_writer(bundle: cm.Bundle) -> str:
    return f"{len(bundle.sources)} sources\n"


def _bytes_writer(bundle: cm.Bundle) -> bytes:
    return b"\x00\xff"


def _echo_reader(data: bytes) -> Imported:
    return Imported(bundle=cm.Bundle(title=data.decode()), skipped={"line": 2})


ECHO = Format(
    name="echo",
    summary="a test format",
    module=__name__,
    writer="_echo_writer",
    reader="_echo_reader",
)


@pytest.fixture
def registered() -> Iterator[None]:
    """The two test formats registered for one test, then removed."""
    register_format(ABSENT)
    register_format(ECHO)
    try:
        yield
    finally:
        del _registry._FORMATS["absent"], _registry._FORMATS["echo"]


class TestRegistry:
    """Formats register by name, are listed without importing them, and fail clearly."""

    def test_stix_is_built_in(self) -> None:
        entry = get_format("stix")
        assert (True, True, "stix") == (entry.can_export, entry.can_import, entry.extra)
        assert entry in formats()

    def test_unknown_format_names_the_known_ones(self) -> None:
        with pytest.raises(InvalidValueError, match=r"unknown format 'stx'.*'stix'"):
            get_format("stx")

    def test_a_name_is_taken_once(self, registered: None) -> None:
        with pytest.raises(InvalidValueError, match="already registered"):
            register_format(ECHO)
        register_format(ECHO, replace=True)
        assert ECHO is get_format("echo")

    def test_missing_extra_names_the_extra(self, registered: None) -> None:
        with pytest.raises(MissingExtraError) as caught:
            export_bundle(cm.Bundle(), to="absent")
        assert "absent-extra" == caught.value.extra
        assert "pip install 'claimmodel[absent-extra]'" in str(caught.value)
        assert isinstance(caught.value, ImportError)

    def test_a_module_that_fails_to_import_is_a_missing_extra(self) -> None:
        broken = Format(name="broken", summary="x", module="claimmodel_no_such_module", reader="r")
        with pytest.raises(MissingExtraError, match=r"claimmodel\[broken\]"):
            broken.importer()

    def test_one_way_format(self) -> None:
        one_way = Format(name="out", summary="x", module=__name__, writer="_echo_writer")
        assert (True, False) == (one_way.can_export, one_way.can_import)
        with pytest.raises(InvalidValueError, match="cannot be used to import"):
            one_way.importer()

    def test_a_format_needs_a_direction(self) -> None:
        with pytest.raises(InvalidValueError, match="needs a writer, a reader or both"):
            Format(name="none", summary="x", module="m")

    @pytest.mark.parametrize("name", ["", "STIX", "prov json", 3])
    def test_format_names(self, name: object) -> None:
        with pytest.raises(InvalidValueError, match="format name"):
            Format(name=name, summary="x", module="m", writer="w")  # type: ignore[arg-type]

    def test_export_and_import_call_the_format(self, registered: None) -> None:
        assert "0 sources\n" == export_bundle(cm.Bundle(), to="echo")
        imported = import_bundle("a title", from_format="echo")
        assert "a title" == imported.bundle.title
        assert "skipped 2 objects that carry no claim: 2 line" == imported.summary()

    def test_wrong_argument_types(self) -> None:
        with pytest.raises(TypeError):
            export_bundle({}, to="stix")  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            import_bundle(["{}"], from_format="stix")  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            register_format("stix")  # type: ignore[arg-type]


class TestImported:
    """An import result counts what it skipped, and says so in one line."""

    def test_nothing_skipped(self) -> None:
        assert None is Imported(bundle=cm.Bundle()).summary()

    def test_counts_sorted(self) -> None:
        imported = Imported(bundle=cm.Bundle(), skipped={"malware": 1, "indicator": 2})
        assert ["indicator", "malware"] == list(imported.skipped)
        assert "skipped 3 objects that carry no claim: 2 indicator, 1 malware" == (
            imported.summary()
        )
        one = Imported(bundle=cm.Bundle(), skipped={"malware": 1})
        assert "skipped 1 object that carry no claim: 1 malware" != one.summary()
        assert "skipped 1 object that carries no claim: 1 malware" == one.summary()

    @pytest.mark.parametrize("skipped", [{"x": 0}, {"x": "1"}, {1: 1}, [("x", 1)]])
    def test_bad_counts(self, skipped: object) -> None:
        with pytest.raises((InvalidValueError, TypeError)):
            Imported(bundle=cm.Bundle(), skipped=skipped)  # type: ignore[arg-type]


class TestWithoutTheExtra:
    """Without stix2 the core works, and the STIX format says which extra to install."""

    def _run(self, code: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
        blocked = "import sys\nsys.modules['stix2'] = None\n"
        return subprocess.run(
            [sys.executable, "-c", blocked + code],
            check=False,
            capture_output=True,
            text=True,
            env=env,
        )

    def test_the_command(self) -> None:
        done = self._run(
            "from claimmodel.cli import main\n"
            f"raise SystemExit(main(['export', '--to', 'stix', {str(EXAMPLE)!r}]))"
        )
        assert (2, "") == (done.returncode, done.stdout)
        assert done.stderr.startswith("claimmodel export: error: the 'stix' format needs stix2")
        assert "pip install 'claimmodel[stix]'" in done.stderr

    def test_the_module(self) -> None:
        done = self._run("import claimmodel.interop.stix")
        assert 1 == done.returncode
        assert "pip install 'claimmodel[stix]'" in done.stderr


class TestLazy:
    """Listing the formats imports none of their libraries."""

    def test_interop_imports_no_format_library(self) -> None:
        code = (
            "import sys, claimmodel.interop as i\n"
            "i.formats(); i.get_format('stix')\n"
            "print('stix2' in sys.modules, 'claimmodel.interop.stix' in sys.modules)"
        )
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
        )
        assert "False False" == done.stdout.strip()


def _run(
    capsys: pytest.CaptureFixture[str], *argv: str, stdin: bytes | None = None
) -> tuple[int, str, str]:
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin))
    try:
        code = main(list(argv))
    finally:
        sys.stdin = sys.__stdin__
    out, err = capsys.readouterr()
    return code, out, err


class TestCommands:
    """`claimmodel export --to` and `claimmodel import --from`: one spelling, one error style."""

    def test_export_to_standard_output(self, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
        code = main(["export", "--to", "stix", str(EXAMPLE)])
        out, err = capsysbinary.readouterr()
        assert (0, b"") == (code, err)
        assert "bundle" == json.loads(out)["type"]

    def test_binary_formats_write_bytes(
        self, registered: None, capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path
    ) -> None:
        register_format(
            Format(name="bytes", summary="x", module=__name__, writer="_bytes_writer"),
        )
        try:
            assert 0 == main(["export", "--to", "bytes", str(EXAMPLE)])
            assert (b"\x00\xff", b"") == capsysbinary.readouterr()
            out = tmp_path / "out.bin"
            assert 0 == main(["export", "--to", "bytes", "-o", str(out), str(EXAMPLE)])
            assert b"\x00\xff" == out.read_bytes()
        finally:
            del _registry._FORMATS["bytes"]

    def test_export_to_a_file_then_import_it(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        exported, imported = tmp_path / "out.stix.json", tmp_path / "back.json"
        assert (0, "", "") == _run(
            capsys, "export", "--to", "stix", "-o", str(exported), str(EXAMPLE)
        )
        assert (0, "", "") == _run(
            capsys, "import", "--from", "stix", "--output", str(imported), str(exported)
        )
        original = cm.loads(EXAMPLE.read_bytes())
        assert original == cm.loads(imported.read_bytes())

    def test_standard_input(self, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(EXAMPLE.read_bytes()))
        try:
            code = main(["export", "--to", "stix", "-"])
        finally:
            sys.stdin = sys.__stdin__
        out, _ = capsysbinary.readouterr()
        assert 0 == code
        sys.stdin = io.TextIOWrapper(io.BytesIO(out))
        try:
            code = main(["import", "--from", "stix", "-"])
        finally:
            sys.stdin = sys.__stdin__
        out, _ = capsysbinary.readouterr()
        assert (0, cm.loads(EXAMPLE.read_bytes())) == (code, cm.loads(out))

    def test_unknown_format_is_a_usage_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, err = _run(capsys, "export", "--to", "stx", str(EXAMPLE))
        assert (2, "") == (code, out)
        assert "invalid choice: 'stx'" in err
        assert "usage: claimmodel export" in err

    def test_missing_extra(self, registered: None, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, err = _run(capsys, "export", "--to", "absent", str(EXAMPLE))
        assert (2, "") == (code, out)
        assert err.startswith("claimmodel export: error: the 'absent' format needs")
        assert "pip install 'claimmodel[absent-extra]'" in err
        code, _, err = _run(capsys, "import", "--from", "absent", str(EXAMPLE))
        assert 2 == code
        assert err.startswith("claimmodel import: error: ")

    def test_import_summary_on_standard_error(
        self, registered: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        path = tmp_path / "in.txt"
        path.write_text("t", encoding="utf-8")
        code, out, err = _run(capsys, "import", "--from", "echo", str(path))
        assert (0, "t") == (code, json.loads(out)["title"])
        assert f"claimmodel import: {path}: skipped 2 objects that carry no claim: 2 line\n" == err

    def test_unreadable_input(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        missing = str(tmp_path / "missing.json")
        code, out, err = _run(capsys, "export", "--to", "stix", missing)
        assert (2, "") == (code, out)
        assert err.startswith(f"{missing}: cannot read")
        code, _, err = _run(capsys, "import", "--from", "stix", missing)
        assert 2 == code
        assert err.startswith(f"{missing}: cannot read")

    def test_unwritable_output(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        out_path = str(tmp_path / "no-such-dir" / "out.json")
        code, _, err = _run(capsys, "export", "--to", "stix", "-o", out_path, str(EXAMPLE))
        assert 2 == code
        assert err.startswith(f"{out_path}: cannot write")

    def test_invalid_bundle(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        path = tmp_path / "bad.json"
        path.write_text('{"format": "claimmodel/1.0", "sources": 1}', encoding="utf-8")
        code, out, err = _run(capsys, "export", "--to", "stix", str(path))
        assert (1, "") == (code, out)
        assert f"{path}: $.claims: required key 'claims' is missing" in err

    def test_not_json(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        path = tmp_path / "bad.json"
        path.write_text("{", encoding="utf-8")
        code, out, err = _run(capsys, "export", "--to", "stix", str(path))
        assert (2, "") == (code, out)
        assert err.startswith(f"{path}: not valid JSON")
        code, out, err = _run(capsys, "import", "--from", "stix", str(path))
        assert (2, "") == (code, out)
        assert err.startswith(f"{path}: not valid JSON")

    def test_bundle_stix_cannot_carry(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        bundle = cm.Bundle(
            claims=(cm.Claim(id="c", text="x"),),
            assertions=(
                cm.Assertion(
                    id="a",
                    claim="c",
                    attribution=cm.Attribution(source="nobody"),
                    confidence=cm.Confidence.cannot_be_judged(),
                ),
            ),
        )
        path = tmp_path / "dangling.json"
        path.write_text(cm.dumps(bundle), encoding="utf-8")
        code, out, err = _run(capsys, "export", "--to", "stix", str(path))
        assert (1, "") == (code, out)
        assert f"claimmodel export: error: {path}: assertion 'a' is attributed to 'nobody'" in err

    def test_malformed_stix(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        path = tmp_path / "bad.stix.json"
        path.write_text('{"type": "bundle", "objects": [{"type": "note"}]}', encoding="utf-8")
        code, out, err = _run(capsys, "import", "--from", "stix", str(path))
        assert (1, "") == (code, out)
        assert err.startswith(f"{path}: $.objects[0]: not a valid STIX 2.1 note")

    def test_help_lists_the_formats(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = _run(capsys, "export", "--help")
        assert 0 == code
        assert "stix: STIX 2.1 JSON" in " ".join(out.split())
