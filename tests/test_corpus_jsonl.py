"""JSON Lines corpora: streaming reads, line-safe writes, and the command line on them."""

from __future__ import annotations

import gzip
import io
import sys
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimmodel as cm
from claimmodel.cli import main
from claimmodel.cli._progress import Progress
from claimmodel.corpus import for_corroboration
from claimmodel.strategies import bundles

Captured = pytest.CaptureFixture[str]

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "kursk-monument.json"


def _example() -> cm.Bundle:
    with EXAMPLE.open("rb") as file:
        return cm.load(file)


def _corpus(*bundles_: cm.Bundle) -> bytes:
    out = io.StringIO()
    cm.dump_lines(bundles_, out)
    return out.getvalue().encode("utf-8")


class TestRoundTrip:
    """What dump_lines writes, iter_load reads back exactly, one bundle per line."""

    @given(st.lists(bundles(), max_size=4))
    def test_generated_bundles(self, written: list[cm.Bundle]) -> None:
        text = _corpus(*written)
        assert len(written) == text.count(b"\n")
        assert written == list(cm.iter_load(io.BytesIO(text)))

    def test_paths_plain_and_gzip(self, tmp_path: Path) -> None:
        corpus = [_example(), cm.Bundle(id="empty")]
        for name in ("corpus.jsonl", "corpus.jsonl.gz"):
            path = tmp_path / name
            assert 2 == cm.dump_lines(iter(corpus), path)
            assert corpus == list(cm.iter_load(path))
            assert corpus == list(cm.iter_load(str(path)))
        assert gzip.decompress((tmp_path / "corpus.jsonl.gz").read_bytes()) == (
            (tmp_path / "corpus.jsonl").read_bytes()
        )

    def test_binary_files(self, tmp_path: Path) -> None:
        corpus = [_example(), cm.Bundle(id="b", title="a\u2028b")]
        buffer = io.BytesIO()
        assert 2 == cm.dump_lines(corpus, buffer)
        assert not buffer.closed  # the caller's file stays the caller's
        assert corpus == list(cm.iter_load(io.BytesIO(buffer.getvalue())))
        with gzip.open(tmp_path / "c.gz", "wb") as compressed:
            cm.dump_lines(corpus, compressed)
        assert corpus == list(cm.iter_load(tmp_path / "c.gz"))

    def test_text_files(self) -> None:
        text = _corpus(_example()).decode("utf-8")
        assert [_example()] == list(cm.iter_load(io.StringIO(text)))

    def test_crlf_line_ends_and_a_byte_order_mark(self) -> None:
        lines = _corpus(_example(), cm.Bundle(id="b")).replace(b"\n", b"\r\n")
        read = cm.iter_load(io.BytesIO(b"\xef\xbb\xbf" + lines))
        assert [_example(), cm.Bundle(id="b")] == list(read)

    def test_an_empty_corpus(self) -> None:
        assert [] == list(cm.iter_load(io.BytesIO(b"")))


class TestLineBreakers:
    """Characters that JSON allows raw but line tools split at are escaped by the writer."""

    @pytest.mark.parametrize("character", ["\u0085", "\u2028", "\u2029"])
    def test_escaped_and_read_back(self, character: str) -> None:
        person = cm.Person(id="p", name=f"x{character}y")
        bundle = cm.Bundle(title=f"before{character}after", sources=(person,))
        assert character in cm.dumps(bundle)  # dumps writes it raw, as JSON allows
        line = cm.dumps_line(bundle)
        assert character not in line
        assert [line] == line.splitlines()
        assert bundle == cm.loads(line)

    @given(bundles())
    def test_every_line_is_one_line(self, bundle: cm.Bundle) -> None:
        line = cm.dumps_line(bundle)
        assert [line] == line.splitlines()
        assert bundle == cm.loads(line)


class TestErrors:
    """Every error names the corpus and the line; good lines around a bad one are kept."""

    CORPUS = (
        b'{"format":"claimmodel/1.0","sources":[],"claims":[],"assertions":[],"relations":[]}\n'
    )

    def test_a_bad_line_stops_iter_load_naming_it(self) -> None:
        data = self.CORPUS + b"\n   \n{oops\n" + self.CORPUS
        read = cm.iter_load(io.BytesIO(data), name="wire.jsonl")
        assert cm.Bundle() == next(read)
        with pytest.raises(cm.LineDecodeError) as caught:
            next(read)
        assert ("wire.jsonl", 4) == (caught.value.name, caught.value.line)
        assert str(caught.value).startswith("wire.jsonl, line 4: 1 problem: $: not valid JSON")
        assert isinstance(caught.value, cm.DecodeError)
        assert isinstance(caught.value.__cause__, cm.DecodeError)

    def test_iter_lines_reads_past_bad_lines(self) -> None:
        data = b"{oops\n" + self.CORPUS + b'{"format":"claimmodel/9.0"}\n' + self.CORPUS
        lines = list(cm.iter_lines(io.BytesIO(data)))
        assert [1, 2, 3, 4] == [line.number for line in lines]
        assert [False, True, False, True] == [line.ok for line in lines]
        assert isinstance(lines[2].error, cm.LineDecodeError)
        assert isinstance(lines[2].error.__cause__, cm.exceptions.UnsupportedFormatError)
        assert {"<stream>"} == {line.name for line in lines}

    def test_problem_paths_are_inside_the_line(self) -> None:
        data = self.CORPUS.replace(b'"claims":[]', b'"claims":[{"id":"c"}]')
        (line,) = cm.iter_lines(io.BytesIO(data), name="x")
        assert line.error is not None
        assert ["$.claims[0].text"] == [problem.path for problem in line.error.problems]

    def test_an_overlong_line_is_skipped_in_bounded_memory(self) -> None:
        limits = cm.Limits(max_document_bytes=len(self.CORPUS) - 1)  # the newline not counted
        huge = b'{"x_pad":"' + b"a" * 1_000_000 + b'"}\n'
        data = self.CORPUS + huge + self.CORPUS.rstrip(b"\n")
        lines = list(cm.iter_lines(io.BytesIO(data), limits=limits))
        assert [True, False, True] == [line.ok for line in lines]
        error = lines[1].error
        assert error is not None
        assert isinstance(error.__cause__, cm.LimitExceededError)
        assert "max_document_bytes" in str(error)

    def test_a_path_that_cannot_be_opened(self, tmp_path: Path) -> None:
        with pytest.raises(FileNotFoundError):
            next(cm.iter_load(tmp_path / "missing.jsonl"))

    def test_not_a_file(self) -> None:
        with pytest.raises(TypeError, match="a path or a file"):
            next(cm.iter_load(42))  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="a path or a file open for writing"):
            cm.dump_lines([], 42)  # type: ignore[arg-type]


class TestForCorroboration:
    """What a corpus keeps of each bundle for corroboration analyses the same."""

    def test_the_example_analyses_the_same(self) -> None:
        bundle = _example()
        kept = for_corroboration(bundle)
        assert kept != bundle  # the example has evidence and a document text
        assert cm.analyze(bundle) == cm.analyze(kept)
        assert all(not a.evidence for a in kept.assertions)

    @given(bundles())
    def test_generated_bundles_analyse_the_same(self, bundle: cm.Bundle) -> None:
        assert cm.analyze(bundle) == cm.analyze(for_corroboration(bundle))

    def test_nothing_to_drop_returns_the_bundle(self) -> None:
        bundle = cm.Bundle(id="b", sources=(cm.Document(id="d"),))
        assert bundle is for_corroboration(bundle)


def _invalid() -> cm.Bundle:
    return cm.Bundle(
        sources=(cm.Person(id="p"),),
        claims=(cm.Claim(id="c", text="It rained"),),
        assertions=(
            cm.Assertion(
                id="a",
                claim="c",
                attribution=cm.Attribution(source="ghost"),
                confidence=cm.Confidence(scale="icd203", level="likely"),
            ),
        ),
    )


class TestValidateCommand:
    """`claimmodel validate` streams JSON Lines and names file and line in every finding."""

    def test_findings_name_the_line(self, tmp_path: Path, capsys: Captured) -> None:
        path = tmp_path / "c.jsonl"
        tail = b'\n{oops\n{"format":"claimmodel/1.0"}\n'
        path.write_bytes(_corpus(_example(), _invalid()) + tail)
        assert 2 == main(["validate", str(path)])
        out, err = capsys.readouterr()
        assert f"{path}:2: $.assertions[0].attribution.source: CM" in out
        assert f"{path}:5: $.sources: CM001 error:" in out
        assert f"{path}:4: $: CM002 error: not valid JSON" in out  # every finding on stdout
        assert err.startswith("1 file, ")
        assert " error: " not in "".join(line for line in out.splitlines() if f"{path}:1:" in line)

    def test_valid_corpus_exits_zero(self, tmp_path: Path, capsys: Captured) -> None:
        path = tmp_path / "c.ndjson"
        path.write_bytes(_corpus(_example(), _example()))
        assert 0 == main(["validate", str(path)])
        out, err = capsys.readouterr()
        assert err.startswith("1 file, 0 errors, ")  # the summary
        assert " error: " not in out
        assert f"{path}:2: $.assertions[14].attribution.chain[0].channel: CM106 warning:" in out

    def test_standard_input_with_jsonl(
        self, monkeypatch: pytest.MonkeyPatch, capsys: Captured
    ) -> None:
        stdin = io.TextIOWrapper(io.BytesIO(_corpus(_example(), _invalid())), encoding="utf-8")
        monkeypatch.setattr(sys, "stdin", stdin)
        assert 1 == main(["validate", "--jsonl", "-"])
        assert "<stdin>:2: $.assertions[0].attribution.source: CM" in capsys.readouterr().out

    def test_standard_input_as_one_document(
        self, monkeypatch: pytest.MonkeyPatch, capsys: Captured
    ) -> None:
        stdin = io.TextIOWrapper(io.BytesIO(cm.dumps(_invalid()).encode()), encoding="utf-8")
        monkeypatch.setattr(sys, "stdin", stdin)
        assert 1 == main(["validate", "-"])
        assert "<stdin>: $.assertions[0].attribution.source: CM" in capsys.readouterr().out

    def test_unreadable_corpora(self, tmp_path: Path, capsys: Captured) -> None:
        broken = tmp_path / "cut.jsonl.gz"
        broken.write_bytes(gzip.compress(_corpus(_example(), _example()))[:-30])
        assert 2 == main(["validate", str(tmp_path / "missing.jsonl"), str(broken)])
        out = capsys.readouterr().out
        assert f"{tmp_path / 'missing.jsonl'}: $: CM002 error: cannot read:" in out
        assert f"{broken}:" in out
        assert "cannot read past line" in out


class TestReportCommand:
    """`claimmodel report` reads JSON Lines corpora beside single files."""

    def test_corpus_and_file_agree_with_the_merge(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = tmp_path / "c.jsonl"
        path.write_bytes(_corpus(_example(), _example()))
        assert 0 == main(["report", "--format", "json", str(path), str(EXAMPLE)])
        out = capsys.readouterr().out
        assert 0 == main(["report", "--format", "json", str(EXAMPLE)])
        assert capsys.readouterr().out == out

    def test_bad_lines_are_named(self, tmp_path: Path, capsys: Captured) -> None:
        path = tmp_path / "c.jsonl"
        path.write_bytes(_corpus(_example()) + b'{"format":"claimmodel/1.0"}\n')
        assert 1 == main(["report", str(path)])
        assert f"{path}:2: $.sources:" in capsys.readouterr().err

    def test_unreadable_corpus(self, tmp_path: Path, capsys: Captured) -> None:
        assert 2 == main(["report", str(tmp_path / "missing.jsonl")])
        assert "cannot read" in capsys.readouterr().err

    def test_title_names_the_inputs(self, tmp_path: Path, capsys: Captured) -> None:
        path = tmp_path / "c.jsonl"
        other = attrs.evolve(_example(), id="other")
        path.write_bytes(_corpus(_example(), other))
        assert 0 == main(["report", str(path)])
        # The heading wraps where the terminal would, so compare its words, not its lines.
        heading = " ".join(capsys.readouterr().out.split())
        assert heading.startswith(f"2 bundles: {path} ")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class TestProgress:
    """A progress line is drawn on a terminal only, and erased at the end."""

    def test_drawn_on_a_terminal(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        path = tmp_path / "c.jsonl"
        path.write_bytes(_corpus(_example()))
        clock = iter([0.0, 1.0, 1.1, 2.0])
        monkeypatch.setattr("claimmodel.cli._progress.time.monotonic", lambda: next(clock))
        stream = _Terminal()
        with path.open("rb") as file:
            progress = Progress("c.jsonl", file, stream=stream)
            file.read()
            progress.update(10)  # drawn: a second has passed
            progress.update(11)  # not drawn: too soon
            progress.update(20)
            progress.close()
        text = stream.getvalue()
        assert "\rc.jsonl: 10 bundles (100 %), 10/s" in text
        assert "11 bundles" not in text
        assert "20 bundles (100 %), 10/s" in text
        assert text.endswith("\r")

    def test_silent_elsewhere(self, tmp_path: Path) -> None:
        stream = io.StringIO()
        progress = Progress("x", io.BytesIO(b"abc"), stream=stream)
        progress.update(5)
        progress.close()
        assert "" == stream.getvalue()

    def test_quiet_draws_nothing_on_a_terminal(
        self, monkeypatch: pytest.MonkeyPatch, capsys: Captured
    ) -> None:
        clock = iter([0.0, 1.0, 2.0, 3.0])
        monkeypatch.setattr("claimmodel.cli._progress.time.monotonic", lambda: next(clock))
        stream = _Terminal()
        progress = Progress("x", io.BytesIO(b"abc"), stream=stream, enabled=False)
        progress.update(3)
        progress.close()
        assert "" == stream.getvalue()

    def test_a_stream_without_size(self, monkeypatch: pytest.MonkeyPatch) -> None:
        clock = iter([0.0, 1.0])
        monkeypatch.setattr("claimmodel.cli._progress.time.monotonic", lambda: next(clock))
        stream = _Terminal()
        progress = Progress("<stdin>", io.BytesIO(b"abc"), stream=stream)
        progress.update(3)
        assert "\r<stdin>: 3 bundles, 3/s" == stream.getvalue()


class TestReportJsonStream:
    """The JSON report, printed claim by claim, is the text json.dumps gives for the list."""

    def test_same_text_as_the_whole_list(self, capsys: Captured) -> None:
        from claimmodel.cli._report import claim_data
        from claimmodel.cli._terminal import json_for_terminal

        assert 0 == main(["report", "--format", "json", str(EXAMPLE)])
        example = _example()
        analysis = cm.analyze(example)
        expected = json_for_terminal([claim_data(c, example) for c in analysis.values()]) + "\n"
        assert expected == capsys.readouterr().out

    def test_no_claims(self, tmp_path: Path, capsys: Captured) -> None:
        path = tmp_path / "empty.jsonl"
        path.write_bytes(_corpus(cm.Bundle(id="a"), cm.Bundle(id="b")))
        assert 0 == main(["report", "--format", "json", str(path)])
        assert "[]\n" == capsys.readouterr().out
