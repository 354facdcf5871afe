"""``claimmodel cues``: the text marked, the findings as JSON, unreadable input."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from claimmodel.cli import main

if TYPE_CHECKING:
    import pytest

ARTICLE = Path(__file__).resolve().parent.parent / "examples" / "kursk-article.txt"


def _write(tmp_path: Path, name: str, content: str | bytes) -> str:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


class TestMarkedText:
    """The text comes back with every cue bracketed and labelled."""

    def test_brackets_when_not_a_terminal(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = _write(tmp_path, "a.txt", "Officials said it allegedly fell.\n\nNext.")
        assert 0 == main(["cues", path])
        out = capsys.readouterr().out
        assert (
            "[Officials]{speaker} [said]{attribution:asserts} it "
            "[allegedly]{hedge:reportative} fell.\n\nNext.\n"
        ) == out
        assert "\x1b" not in out

    def test_one_span_with_two_labels_and_nesting(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = _write(tmp_path, "a.txt", "According to the Interior Ministry, it rose.")
        assert 0 == main(["cues", path])
        assert (
            "[According to]{hedge:attribution-shield attribution:reports} the "
            "[Interior Ministry]{speaker}, it rose.\n"
        ) == capsys.readouterr().out

    def test_document_text_is_escaped(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = _write(tmp_path, "a.txt", "He \x1b[2J said\u202e so.")
        assert 0 == main(["cues", path])
        out = capsys.readouterr().out
        assert "\x1b" not in out
        assert "He \\u001b[2J [said]{attribution:asserts}\\u202e so.\n" == out

    def test_colour_on_a_terminal_only(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        path = _write(tmp_path, "a.txt", "It may rain.")

        class Terminal(io.StringIO):
            def isatty(self) -> bool:
                return True

        monkeypatch.delenv("NO_COLOR", raising=False)
        monkeypatch.delenv("TERM", raising=False)
        terminal = Terminal()
        monkeypatch.setattr(sys, "stdout", terminal)
        assert 0 == main(["cues", path])
        assert "\x1b[33mmay\x1b[0m\x1b[2m{hedge:epistemic}\x1b[0m" in terminal.getvalue()
        monkeypatch.setenv("NO_COLOR", "1")
        terminal = Terminal()
        monkeypatch.setattr(sys, "stdout", terminal)
        assert 0 == main(["cues", path])
        assert "It [may]{hedge:epistemic} rain.\n" == terminal.getvalue()

    def test_several_files_get_headers(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        first = _write(tmp_path, "a.txt", "It may rain.")
        second = _write(tmp_path, "b.txt", "No cue here.")
        assert 0 == main(["cues", first, second])
        out = capsys.readouterr().out
        assert f"==> {first} <==\n" in out
        assert f"==> {second} <==\nNo cue here.\n" in out


class TestJson:
    """--format json gives offsets, matched text, entry ids, categories and stances."""

    def test_article(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert 0 == main(["cues", "--format", "json", str(ARTICLE)])
        (result,) = json.loads(capsys.readouterr().out)
        text = ARTICLE.read_text(encoding="utf-8")
        assert {"name": "claimmodel-cues", "version": "2.0.0"} == result["lexicon"]
        for item in (*result["hedges"], *result["attributions"], *result["quotations"]):
            assert item["text"] == text[item["start"] : item["end"]]
        hedge = next(h for h in result["hedges"] if h["text"] == "allegedly")
        assert {"entry": "en.hedge.allegedly", "category": "reportative"} == {
            key: hedge[key] for key in ("entry", "category")
        }
        confirmed = result["attributions"][0]
        assert ("confirmed", "asserts", "en.attribution.confirm") == (
            confirmed["text"],
            confirmed["stance"],
            confirmed["entry"],
        )
        assert "Alexei Chebanenko" == confirmed["speaker"]["text"]
        assert "RIA Novosti" == confirmed["channel"]["text"]

    def test_standard_input_and_extension(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        extension = _write(
            tmp_path,
            "mine.json",
            json.dumps(
                {
                    "add": [
                        {
                            "id": "mine.hedge.mooted",
                            "kind": "hedge",
                            "category": "epistemic",
                            "forms": ["mooted"],
                        }
                    ],
                    "remove": ["en.hedge.may"],
                }
            ),
        )
        monkeypatch.setattr(
            sys, "stdin", io.TextIOWrapper(io.BytesIO("\ufeffIt may be mooted.".encode()))
        )
        assert 0 == main(["cues", "--format", "json", "--lexicon", extension, "-"])
        (result,) = json.loads(capsys.readouterr().out)
        assert "<stdin>" == result["file"]
        assert [("mooted", 10, 16)] == [(h["text"], h["start"], h["end"]) for h in result["hedges"]]


class TestUnreadable:
    """Unreadable text and bad lexicon extensions exit 2 with one clear line."""

    def test_missing_and_not_utf8(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        good = _write(tmp_path, "good.txt", "It may rain.")
        latin = _write(tmp_path, "latin.txt", "caf\xe9".encode("latin-1"))
        missing = str(tmp_path / "missing.txt")
        assert 2 == main(["cues", missing, latin, good])
        captured = capsys.readouterr()
        assert "It [may]{hedge:epistemic} rain." in captured.out
        assert f"{missing}: cannot read: No such file or directory" in captured.err
        assert f"{latin}: the text is not UTF-8 (byte 3)" in captured.err

    def test_bad_extension(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        text = _write(tmp_path, "a.txt", "It may rain.")
        bad = _write(tmp_path, "bad.json", json.dumps({"remove": ["en.hedge.nope"]}))
        assert 2 == main(["cues", "--lexicon", bad, text])
        err = capsys.readouterr().err
        assert f"claimmodel cues: {bad}: remove: the lexicon 'claimmodel-cues' has no entry" in err

    def test_installed_command(self, tmp_path: Path) -> None:
        path = _write(tmp_path, "a.txt", "Police said so.")
        done = subprocess.run(
            [sys.executable, "-m", "claimmodel", "cues", path],
            capture_output=True,
            text=True,
            check=False,
        )
        assert (0, "[Police]{speaker} [said]{attribution:asserts} so.\n") == (
            done.returncode,
            done.stdout,
        )
