"""`validate --format text|json|github|sarif`, positions in the text, and terminal safety."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema
from hypothesis import given
from hypothesis import strategies as st

import claimmodel as cm
from claimmodel.cli import main
from claimmodel.cli._positions import Positions
from claimmodel.cli._terminal import colours_wanted, github_data, github_property
from claimmodel.format._errors import json_path_step

if TYPE_CHECKING:
    import pytest

SARIF_SCHEMA = json.loads(
    (Path(__file__).parent / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
)


def _write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def _findings_bundle() -> dict[str, Any]:
    """A bundle with a warning (unused source) and an error (dangling claim)."""
    bundle = cm.Bundle(
        sources=(cm.Person(id="p", name="P"), cm.Person(id="unused", name="U")),
        claims=(cm.Claim(id="c", text="x"),),
        assertions=(
            cm.Assertion(
                id="a",
                claim="missing",
                attribution=cm.Attribution(source="p"),
                confidence=cm.Confidence.cannot_be_judged(),
            ),
        ),
    )
    return cm.to_data(bundle)


def _validate(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    status = main(["validate", "--quiet", *args])
    return status, capsys.readouterr().out


class TestJson:
    """`--format json` is one list of objects, one per finding, for every file."""

    def test_entries(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        path = _write(tmp_path / "a.json", json.dumps(_findings_bundle(), indent=2))
        broken = _write(tmp_path / "b.json", "{")
        status, out = _validate(capsys, "--format", "json", path, broken)
        assert 2 == status
        entries = json.loads(out)
        assert {
            (path, "CM301", "error", "$.assertions[0].claim"),
            (path, "CM701", "warning", "$.sources[1]"),
            (broken, "CM002", "error", "$"),
        } <= {(e["file"], e["code"], e["severity"], e["path"]) for e in entries}
        assert {"file", "path", "code", "severity", "message"} == set(entries[0])

    def test_no_findings_is_an_empty_list(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = _write(tmp_path / "a.json", cm.dumps(cm.Bundle()))
        assert (0, "[]\n") == _validate(capsys, "--format", "json", path)


class TestSarif:
    """`--format sarif` is valid SARIF 2.1.0 with logical and physical locations."""

    def _log(self, capsys: pytest.CaptureFixture[str], *paths: str) -> dict[str, Any]:
        _, out = _validate(capsys, "--format", "sarif", *paths)
        log: dict[str, Any] = json.loads(out)
        jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
        return log

    def test_valid_against_the_published_schema(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], example_path: Path
    ) -> None:
        path = _write(tmp_path / "a b.json", json.dumps(_findings_bundle(), indent=2))
        broken = _write(tmp_path / "broken.json", '{\n  "format": ]')
        log = self._log(capsys, path, broken, str(example_path), str(tmp_path / "missing.json"))
        (run,) = log["runs"]
        rules = run["tool"]["driver"]["rules"]
        assert [rule.code for rule in cm.validation.RULES.values()] == [r["id"] for r in rules]
        for result in run["results"]:
            assert result["ruleId"] == rules[result["ruleIndex"]]["id"]
        assert "2.1.0" == log["version"]

    def test_locations(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        text = json.dumps(_findings_bundle(), indent=2)
        path = _write(tmp_path / "a b.json", text)
        (run,) = self._log(capsys, path)["runs"]
        by_code = {result["ruleId"]: result for result in run["results"]}
        (location,) = by_code["CM301"]["locations"]
        physical = location["physicalLocation"]
        assert str(Path(path).as_uri()) == physical["artifactLocation"]["uri"]
        assert [{"fullyQualifiedName": "$.assertions[0].claim", "kind": "element"}] == location[
            "logicalLocations"
        ]
        line, column = physical["region"]["startLine"], physical["region"]["startColumn"]
        assert text.splitlines()[line - 1][column - 1 :].startswith('"claim": "missing"')

    def test_syntax_error_is_placed(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = _write(tmp_path / "broken.json", '{\n  "format": ]')
        (run,) = self._log(capsys, path)["runs"]
        (result,) = run["results"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert ("CM002", 2, 13) == (result["ruleId"], region["startLine"], region["startColumn"])

    def test_relative_path_and_stdin(
        self,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        monkeypatch.chdir(tmp_path)
        (tmp_path / "sub dir").mkdir()
        _write(tmp_path / "sub dir" / "a%.json", "[]")
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"[]")))
        (run,) = self._log(capsys, "sub dir/a%.json", "-")["runs"]
        locations = [
            r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run["results"]
        ]
        assert [
            {"uri": "sub%20dir/a%25.json"},
            {"description": {"text": "standard input"}},
        ] == locations


class TestGitHub:
    """`--format github` writes workflow commands that text from a document cannot break."""

    def test_annotation(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        path = _write(tmp_path / "a.json", json.dumps(_findings_bundle(), indent=2))
        _, out = _validate(capsys, "--format", "github", path)
        lines = {line.split(" ", 1)[0]: line for line in out.splitlines()}
        assert lines["::error"].startswith(f"::error file={github_property(path)},line=")
        assert ",title=CM301 at $.assertions[0].claim::claim 'missing'" in lines["::error"]
        assert lines["::warning"].startswith(f"::warning file={github_property(path)},line=")

    def test_injection(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        data = _findings_bundle()
        data["assertions"][0]["claim"] = "x\n::error file=evil::forged%0A\r\x1b[2J"
        path = _write(tmp_path / "a.json", json.dumps(data))
        _, out = _validate(capsys, "--format", "github", "--select", "CM301", path)
        (line,) = out.splitlines()  # one command: the newline did not start another
        assert "\x1b" not in line
        assert "\r" not in line
        assert "forged%250A" in line  # the runner decodes %25 back to %, not to a newline

    def test_encoders(self) -> None:
        assert "100%25%0D%0Aend" == github_data("100%\r\nend")
        assert "a%3Ab%2Cc%25" == github_property("a:b,c%")


class TestText:
    """Text output: colour only on a terminal without NO_COLOR; no escape sequence otherwise."""

    class _Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    def test_colour_rules(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.delenv("NO_COLOR", raising=False)
        monkeypatch.setenv("TERM", "xterm")
        assert (True, False) == (colours_wanted(self._Terminal()), colours_wanted(io.StringIO()))
        monkeypatch.setenv("NO_COLOR", "1")
        assert not colours_wanted(self._Terminal())
        monkeypatch.setenv("NO_COLOR", "")  # the convention: set and not empty
        assert colours_wanted(self._Terminal())
        monkeypatch.setenv("TERM", "dumb")
        assert not colours_wanted(self._Terminal())

    def test_coloured_on_a_terminal(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        path = _write(tmp_path / "a.json", json.dumps(_findings_bundle()))
        monkeypatch.delenv("NO_COLOR", raising=False)
        monkeypatch.setenv("TERM", "xterm")
        terminal = self._Terminal()
        monkeypatch.setattr("sys.stdout", terminal)
        main(["validate", "--quiet", path])
        assert "\x1b[31mCM301 error\x1b[0m" in terminal.getvalue()
        assert "\x1b[33mCM701 warning\x1b[0m" in terminal.getvalue()

    def test_no_escape_sequence_in_a_pipe(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        data = _findings_bundle()
        data["assertions"][0]["claim"] = "\x1b]0;owned\x07\x9b2J"
        path = _write(tmp_path / "a.json", json.dumps(data))
        _, out = _validate(capsys, path)
        assert not any(char in out for char in "\x1b\x07\x9b")
        assert "]0;owned" in out


class TestPositions:
    """Every path of a JSON text is placed at its key (members) or its value (items)."""

    def test_places(self) -> None:
        text = '{"a": [1, {"b c": null}],\r\n "é": {}, "x": []}'
        positions = Positions(text.encode())
        assert (1, 1) == positions.line_column("$")
        assert (1, 2) == positions.line_column("$.a")
        assert (1, 11) == positions.line_column("$.a[1]")
        assert (1, 12) == positions.line_column("$.a[1]['b c']")
        assert (2, 2) == positions.line_column("$['é']")
        assert (2, 11) == positions.line_column("$.x")
        assert (1, 12) == positions.line_column("$.a[1]['b c'].missing[3]")  # nearest ancestor
        assert positions.syntax_error() is None

    def test_broken_text(self) -> None:
        positions = Positions(b'{"a": [1,\n  2, }')
        assert (2, 6) == positions.syntax_error()
        assert (2, 3) == positions.line_column("$.a[1]")

    @given(
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(),
            lambda inner: (
                st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4)
            ),
            max_leaves=20,
        ),
        st.sampled_from([None, 1, 2]),
    )
    def test_every_path_is_found(self, value: object, indent: int | None) -> None:
        text = json.dumps(value, indent=indent)
        positions = Positions(text.encode())
        lines = text.splitlines()
        decoder = json.JSONDecoder()
        stack: list[tuple[object, str]] = [(value, "$")]
        while stack:
            item, path = stack.pop()
            line, column = positions.line_column(path)
            rest = "\n".join([lines[line - 1][column - 1 :], *lines[line:]])
            found, _ = decoder.raw_decode(rest)
            if isinstance(item, dict):
                stack.extend((v, path + json_path_step(k)) for k, v in item.items())
            elif isinstance(item, list):
                stack.extend((v, f"{path}[{i}]") for i, v in enumerate(item))
            parent_is_object = path.endswith(("']",)) or (path != "$" and not path.endswith("]"))
            if parent_is_object:  # placed at the key
                assert path.endswith(json_path_step(found))
            else:
                assert item == found
