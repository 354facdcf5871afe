"""The conventions every sub-command follows (docs/cli.md), through the installed command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import claimmodel as cm
from claimmodel.cli import main

COMMAND = str(Path(sys.executable).with_name("claimmodel"))


def _run(
    *args: str, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the installed ``claimmodel`` command (not the function) with ``args``."""
    return subprocess.run(
        [COMMAND, *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
    )


def _bundle(title: str = "A bundle", *, unused_source: bool = False) -> cm.Bundle:
    sources = [cm.Person(id="p", name="P")]
    if unused_source:
        sources.append(cm.Person(id="q", name="Q"))
    return cm.Bundle(
        title=title,
        sources=tuple(sources),
        claims=(cm.Claim(id="c", text="The bridge is closed"),),
        assertions=(
            cm.Assertion(
                id="a",
                claim="c",
                attribution=cm.Attribution(source="p"),
                confidence=cm.Confidence.cannot_be_judged(),
            ),
        ),
    )


def _write(path: Path, content: str | cm.Bundle) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = content if isinstance(content, str) else cm.dumps(content)
    path.write_text(text, encoding="utf-8")
    return str(path)


class TestCommandLine:
    """--version, - for standard input, and usage errors naming the sub-command."""

    def test_version(self) -> None:
        result = _run("--version")
        assert (0, f"claimmodel {cm.__version__}\n") == (result.returncode, result.stdout)

    @pytest.mark.parametrize("command", ["validate", "show", "report"])
    def test_dash_reads_standard_input(self, command: str) -> None:
        result = _run(command, "-", stdin=cm.dumps(_bundle("From stdin")))
        assert 0 == result.returncode, result.stderr
        if command != "validate":
            assert "From stdin" in result.stdout

    def test_standard_input_is_named_in_findings(self) -> None:
        result = _run("validate", "-", stdin="[1]")
        assert 1 == result.returncode
        assert "<stdin>: $: CM001 error: a bundle is a JSON object, not an array\n" == result.stdout

    @pytest.mark.parametrize(
        ("args", "usage"),
        [
            (["validate", "--bogus", "x.json"], "usage: claimmodel validate"),
            (["show", "x.json", "--format", "json"], "usage: claimmodel show"),
            (["report", "--quiet", "x.json"], "usage: claimmodel report"),
            (["schema", "extra"], "usage: claimmodel schema"),
        ],
    )
    def test_bad_option_prints_the_sub_command_usage(self, args: list[str], usage: str) -> None:
        result = _run(*args)
        assert 2 == result.returncode
        assert result.stderr.startswith(usage)
        assert "unrecognized arguments" in result.stderr

    def test_every_option_is_in_help(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert 0 == main(["validate", "--help"])
        out = capsys.readouterr().out
        for option in ("--format", "--quiet", "--select", "--ignore", "--severity", "-"):
            assert option in out


class TestShow:
    """`show` takes several files, like the other commands."""

    def test_several_files(self, tmp_path: Path) -> None:
        first = _write(tmp_path / "a.json", _bundle("First"))
        second = _write(tmp_path / "b.json", _bundle("Second"))
        result = _run("show", first, second)
        assert 0 == result.returncode
        assert result.stdout.startswith(f"==> {first} <==\nFirst\n")
        assert f"\n\n==> {second} <==\nSecond\n" in result.stdout

    def test_json_lines_corpus(self, tmp_path: Path) -> None:
        path = tmp_path / "c.jsonl"
        path.write_text(f"{cm.dumps(_bundle('One'))}\n[]\n{cm.dumps(_bundle('Three'))}\n")
        result = _run("show", str(path))
        assert 1 == result.returncode
        assert result.stdout.startswith(f"==> {path}:1 <==\nOne\n")
        assert f"\n\n==> {path}:3 <==\nThree\n" in result.stdout
        assert result.stderr.startswith(f"{path}:2: $: ")

    def test_goes_on_after_a_bad_file(self, tmp_path: Path) -> None:
        bad = _write(tmp_path / "a.json", "{")
        good = _write(tmp_path / "b.json", _bundle("Good"))
        result = _run("show", bad, good)
        assert 2 == result.returncode
        assert "Good" in result.stdout
        assert result.stderr.startswith(f"{bad}: not valid JSON")


class TestOneStream:
    """Every finding goes to standard output; the summary to standard error."""

    def test_unreadable_invalid_and_warnings_share_stdout(self, tmp_path: Path) -> None:
        broken = _write(tmp_path / "1.json", "{")
        invalid = _write(tmp_path / "2.json", "[]")
        warned = _write(tmp_path / "3.json", _bundle(unused_source=True))
        result = _run("validate", broken, invalid, warned)
        assert 2 == result.returncode
        assert [
            f"{broken}: $: CM002 error",
            f"{invalid}: $: CM001 error",
            f"{warned}: $.sources[1]: CM701 warning",
        ] == [": ".join(line.split(": ")[:3]) for line in result.stdout.splitlines()]
        assert "3 files, 2 errors, 1 warning\n" == result.stderr

    def test_quiet_leaves_out_the_summary(self, tmp_path: Path) -> None:
        path = _write(tmp_path / "a.json", _bundle())
        result = _run("validate", "--quiet", path)
        assert (0, "", "") == (result.returncode, result.stdout, result.stderr)

    def test_summary_counts(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        path = _write(tmp_path / "a.json", _bundle())
        assert 0 == main(["validate", path])
        assert "1 file, 0 errors, 0 warnings\n" == capsys.readouterr().err


class TestDirectories:
    """A directory is walked for *.json files, sorted; hidden ones are skipped."""

    def test_walk(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        _write(tmp_path / "b" / "two.json", "[]")
        _write(tmp_path / "a.JSON", "[]")
        _write(tmp_path / "notes.txt", "[]")
        _write(tmp_path / ".hidden.json", "[]")
        _write(tmp_path / ".git" / "x.json", "[]")
        assert 1 == main(["validate", "--format", "json", str(tmp_path)])
        files = [entry["file"] for entry in json.loads(capsys.readouterr().out)]
        assert [str(tmp_path / "a.JSON"), str(tmp_path / "b" / "two.json")] == files

    def test_a_file_named_directly_is_read_whatever_its_name(self, tmp_path: Path) -> None:
        path = _write(tmp_path / "bundle.txt", _bundle())
        assert 0 == main(["validate", path])

    def test_show_and_report_walk_too(self, tmp_path: Path) -> None:
        _write(tmp_path / "a.json", _bundle("Walked"))
        assert "Walked" in _run("show", str(tmp_path)).stdout
        assert "Walked" in _run("report", str(tmp_path)).stdout


class TestSchemaCommand:
    """`claimmodel schema` prints the format's JSON Schema."""

    def test_prints_the_schema(self, example_path: Path) -> None:
        import jsonschema

        result = _run("schema")
        schema = json.loads(result.stdout)
        assert cm.json_schema() == schema
        jsonschema.Draft202012Validator(schema).validate(json.loads(example_path.read_text()))

    def test_each_format_version(self) -> None:
        result = _run("schema", "--format-version", "claimmodel/1.0")
        assert cm.json_schema("claimmodel/1.0") == json.loads(result.stdout)
        unknown = _run("schema", "--format-version", "claimmodel/0.9")
        assert 2 == unknown.returncode
        assert unknown.stderr.startswith("usage: claimmodel schema")


class TestNullAdvice:
    """null for a key gets advice that agrees with the message for the key's absence."""

    def test_required_key(self) -> None:
        data = cm.to_data(_bundle())
        data["assertions"][0]["claim"] = None
        data["sources"] = None
        with pytest.raises(cm.DecodeError) as info:
            cm.from_data(data)
        messages = {problem.path: problem.message for problem in info.value}
        assert {
            "$.sources": "null is not allowed; 'sources' is required: write [] when it is empty"
        } == messages
        data["sources"] = []
        with pytest.raises(cm.DecodeError) as info:
            cm.from_data(data)
        (problem,) = info.value.problems
        assert "null is not allowed; 'claim' is required: give it a value" == problem.message
        del data["assertions"][0]["claim"]
        with pytest.raises(cm.DecodeError) as info:
            cm.from_data(data)
        assert "required key 'claim' is missing" in info.value.problems[0].message

    def test_optional_key(self) -> None:
        data = cm.to_data(_bundle())
        data["title"] = None
        with pytest.raises(cm.DecodeError) as info:
            cm.from_data(data)
        assert "null is not allowed; leave the key out instead" == info.value.problems[0].message
