"""Terminal safety: no command prints a character a terminal would act on, from any field."""

from __future__ import annotations

import argparse
import io
import json
import re
import shutil
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimmodel import (
    AnonymousSource,
    Bundle,
    Document,
    Organization,
    Rating,
    Verdict,
    from_data,
    validate,
)
from claimmodel.cli import _parser, main
from claimmodel.cli._terminal import json_for_terminal, printable
from claimmodel.interop import export_bundle, formats, import_bundle
from claimmodel.interop.graph import to_graphml, to_networkx, to_node_link_json

EXAMPLE = Path(__file__).parent.parent / "examples" / "kursk-monument.json"

# Everything a terminal interprets: C0, DEL, C1, separators, bidi controls, lone surrogates.
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")

# Retitles the window, clears the screen, reverses the line, starts a forged line,
# a one-byte CSI, a line separator, a carriage return and a bell.
PAYLOAD = "\x1b]0;owned\x07\x1b[2J\u202e\nFORGED\x9b31m\u2028\r\u2066x\u2069\x7f"

# Keys whose values are closed vocabularies, dates or the format: the payload would make
# the document invalid, and the value printed is then claimmodel's own.
_VOCABULARY = {"category", "channel", "date", "format", "kind", "language", "published"}
_VOCABULARY |= {"scale", "stance", "polarity", "role"}
_VOCABULARY |= {"published_certainty", "mode", "quotation", "ground_rule", "scheme", "value"}
_VOCABULARY |= {"earliest", "latest"}


def _poisoned(
    data: Any, key: str | None = None, *, vocabulary: frozenset[str] = frozenset(_VOCABULARY)
) -> Any:
    """``data`` with the payload appended to every id, reference, name and text."""
    if isinstance(data, dict):
        return {k: _poisoned(v, k, vocabulary=vocabulary) for k, v in data.items()}
    if isinstance(data, list):
        return [_poisoned(item, key, vocabulary=vocabulary) for item in data]
    if isinstance(data, str) and key not in vocabulary:
        return data + PAYLOAD
    return data


def _assert_safe(output: str) -> None:
    assert [] == UNSAFE.findall(output.replace("\n", ""))  # the command's own newlines
    assert [] == [line for line in output.splitlines() if line.startswith("FORGED")]
    assert "\\nFORGED" in output  # the value is still shown, escaped


@pytest.fixture
def poisoned(tmp_path: Path) -> str:
    data = _poisoned(json.loads(EXAMPLE.read_text("utf-8")))
    path = tmp_path / f"bundle{PAYLOAD}.json"
    path.write_text(json.dumps(data), "utf-8")
    return str(path)


@pytest.fixture
def poisoned_valid(tmp_path: Path) -> str:
    """The example poisoned where validation lets it be: ``report`` reports only valid
    bundles.  Levels keep their spelling, and the document's text goes, so that no span
    rule compares a poisoned quote with poisoned text."""
    data = _poisoned(
        json.loads(EXAMPLE.read_text("utf-8")), vocabulary=frozenset({*_VOCABULARY, "level"})
    )
    for source in data["sources"]:
        source.pop("text", None)
    assert not validate(from_data(data)).errors
    path = tmp_path / f"bundle{PAYLOAD}.json"
    path.write_text(json.dumps(data), "utf-8")
    return str(path)


class TestPrintable:
    """printable() escapes exactly the characters a terminal acts on."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("plain", "plain"),
            ("a\nb", "a\\nb"),
            ("\t\r\b\f", "\\t\\r\\b\\f"),
            ("\x1b[2J", "\\u001b[2J"),
            ("\x00\x07\x7f", "\\u0000\\u0007\\u007f"),
            ("\x9b31m", "\\u009b31m"),
            ("\u2028\u2029", "\\u2028\\u2029"),
            ("abc\u202edef", "abc\\u202edef"),
            ("\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u202d", None),
            ("\ud800", "\\ud800"),
        ],
    )
    def test_escapes(self, text: str, expected: str | None) -> None:
        escaped = printable(text)
        if expected is not None:
            assert expected == escaped
        assert [] == UNSAFE.findall(escaped)

    @pytest.mark.parametrize(
        "text",
        [
            "שלום עולם",  # right-to-left text
            "السلام عليكم\u061c",  # with an Arabic letter mark
            "a\u200fb\u200e",  # right-to-left and left-to-right marks
            "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 e\u0301",  # outside the BMP, a combining mark
            "back\\slash",
        ],
    )
    def test_keeps_text(self, text: str) -> None:
        assert text == printable(text)

    @given(st.text())
    def test_nothing_unsafe_remains(self, text: str) -> None:
        escaped = printable(text)
        assert [] == UNSAFE.findall(escaped)
        assert (text == escaped) == (not UNSAFE.search(text))

    @given(
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(),
            lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
        )
    )
    def test_json_means_the_same(self, data: Any) -> None:
        text = json_for_terminal(data)
        assert [] == UNSAFE.findall(text.replace("\n", ""))
        assert data == json.loads(text)


class TestCommands:
    """Every command escapes every value from a document and every file name."""

    def test_validate(self, poisoned: str, capsys: pytest.CaptureFixture[str]) -> None:
        main(["validate", poisoned])
        out, err = capsys.readouterr()
        assert out
        _assert_safe(out + err)

    def test_validate_decode_problems(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        data = _poisoned(json.loads(EXAMPLE.read_text("utf-8")))
        data["claims"][0]["polarity"] = "sideways" + PAYLOAD
        data["sources"][0][f"unknown{PAYLOAD}"] = 1
        path = tmp_path / f"bad{PAYLOAD}.json"
        path.write_text(json.dumps(data), "utf-8")
        assert 1 == main(["validate", str(path)])
        _assert_safe("".join(capsys.readouterr()))

    def test_validate_unreadable(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        assert 2 == main(["validate", str(tmp_path / f"missing{PAYLOAD}.json")])
        _assert_safe("".join(capsys.readouterr()))

    def test_show(self, poisoned: str, capsys: pytest.CaptureFixture[str]) -> None:
        assert 0 == main(["show", poisoned])
        out, err = capsys.readouterr()
        _assert_safe(out + err)
        (notice,) = err.splitlines()  # the poisoned levels are not levels of their scale
        assert notice.startswith("claimmodel show: ")

    def test_show_valid(self, poisoned_valid: str, capsys: pytest.CaptureFixture[str]) -> None:
        assert 0 == main(["show", poisoned_valid])
        out, err = capsys.readouterr()
        _assert_safe(out + err)
        assert "" == err

    def test_show_unreadable(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        assert 2 == main(["show", str(tmp_path / f"missing{PAYLOAD}.json")])
        _assert_safe("".join(capsys.readouterr()))

    @pytest.mark.parametrize("form", ["text", "json"])
    def test_report(
        self, poisoned_valid: str, form: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert 0 == main(["report", "--format", form, poisoned_valid, poisoned_valid])
        out, err = capsys.readouterr()
        _assert_safe(out + err)
        if form == "json":
            claims = json.loads(out)
            assert claims[0]["claim"].endswith(PAYLOAD)  # escaped, not changed

    def test_report_refusing_an_invalid_bundle(
        self, poisoned: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert 1 == main(["report", poisoned])
        out, err = capsys.readouterr()
        assert "" == out
        _assert_safe(err)  # the notice names the file, escaped

    def test_report_unreadable(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        assert 2 == main(["report", str(tmp_path / f"missing{PAYLOAD}.json")])
        _assert_safe("".join(capsys.readouterr()))


# The payload without the C0 controls, which XML 1.0 (GraphML) cannot hold at all.
XML_PAYLOAD = "\u202e\x9b31m\u2028\u0085\u2066x\u2069\x7f"


def _xml_poisoned() -> Any:
    """The example with :data:`XML_PAYLOAD` appended where :func:`_poisoned` appends its own."""

    def replaced(data: Any) -> Any:
        if isinstance(data, dict):
            return {replaced(k): replaced(v) for k, v in data.items()}
        if isinstance(data, list):
            return [replaced(item) for item in data]
        return data.replace(PAYLOAD, XML_PAYLOAD) if isinstance(data, str) else data

    return replaced(_poisoned(json.loads(EXAMPLE.read_text("utf-8"))))


def _subcommands() -> set[str]:
    parser = _parser()
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return set(commands.choices)


def _exporters() -> list[str]:
    return [entry.name for entry in formats() if entry.can_export]


def _importers() -> list[str]:
    return [entry.name for entry in formats() if entry.can_import]


# ClaimReview carries a bundle's verdicts alone, and reads back what ClaimReview says of
# them rather than the whole bundle (docs/claimreview.md).
_REVIEWS = frozenset({"claimreview", "factcheck-page"})


def _with_verdict(bundle: Bundle) -> Bundle:
    """``bundle`` with a verdict on its first assertion by a person or an organization (a
    claimant ClaimReview can name), the payload in its texts."""
    reviewed = next(
        assertion
        for assertion in bundle.assertions
        if not isinstance(bundle.source(assertion.attribution.source), (AnonymousSource, Document))
    )
    reviewer = Organization(id="x-checker", name=f"Checker{PAYLOAD}")
    verdict = Verdict(
        id="x-verdict",
        reviewer=reviewer.id,
        reviews=(reviewed.id,),
        rating=Rating(label=f"False{PAYLOAD}"),
        url="https://check.example/1",
        explanation=f"Because{PAYLOAD}",
    )
    return attrs.evolve(bundle.with_source(reviewer), verdicts=(verdict,))


@pytest.fixture
def files(poisoned: str, poisoned_valid: str, tmp_path: Path) -> dict[str, str]:
    """Every kind of input a command takes, each holding the payload, by name."""
    valid = from_data(json.loads(Path(poisoned_valid).read_text("utf-8")))
    found = {"poisoned": poisoned, "valid": poisoned_valid}
    text = tmp_path / f"article{PAYLOAD}.txt"
    text.write_text(f"Officials allegedly said{PAYLOAD} it was likely.\n", "utf-8")
    found["text"] = str(text)
    found["missing"] = str(tmp_path / f"missing{PAYLOAD}.json")
    xml_path = tmp_path / f"xml{PAYLOAD}.json"
    xml_path.write_text(json.dumps(_xml_poisoned()), "utf-8")
    found["xml"] = str(xml_path)
    for name in _importers():
        exported = export_bundle(_with_verdict(valid) if name in _REVIEWS else valid, to=name)
        path = tmp_path / f"{name}{PAYLOAD}.export"
        path.write_bytes(exported.encode("utf-8") if isinstance(exported, str) else exported)
        found[name] = str(path)
    return found


# Every command, with each of its output formats, on the inputs named in braces.  The
# text of ``cues`` and an HTML page keep the document's own line breaks (white space in a
# page, lines of the text that ``cues`` shows), and so may start a line with its words.
_RUNS: list[tuple[str, ...]] = [
    ("validate", "{poisoned}"),
    ("validate", "--format", "json", "{poisoned}"),
    ("validate", "--format", "github", "{poisoned}"),
    ("validate", "--format", "sarif", "{poisoned}"),
    ("validate", "--jsonl", "{poisoned}"),
    ("validate", "{missing}"),
    ("validate", "--select", f"CM1{PAYLOAD}", "{valid}"),
    ("show", "{poisoned}"),
    ("show", "{valid}"),
    ("show", "{missing}"),
    ("report", "{valid}"),
    ("report", "--format", "json", "{valid}"),
    ("report", "--format", "html", "{valid}"),
    ("report", "--claim", f"none{PAYLOAD}", "{valid}"),
    ("report", "{poisoned}"),
    ("schema",),
    ("cues", "{text}"),
    ("cues", "--format", "json", "{text}"),
    ("cues", "{missing}"),
    ("graph", "--format", "dot", "{valid}"),
    ("graph", "--format", "mermaid", "{valid}"),
    ("graph", "--format", "svg", "{valid}"),
    ("graph", "--claim", f"none{PAYLOAD}", "{valid}"),
    *(("export", "--to", name, "{valid}") for name in _exporters()),
    *(("export", "--to", name, "{xml}") for name in _exporters()),
    ("export", "--to", "stix", "{missing}"),
    *(("import", "--from", name, "{%s}" % name) for name in _importers()),  # noqa: UP031
    ("import", "--from", "stix", "{text}"),
]


class TestEveryCommand:
    """Every command, in every output format, on every input, prints nothing a terminal acts
    on: documents, exports, file names and arguments alike."""

    def test_every_command_is_run(self) -> None:
        assert _subcommands() == {run[0] for run in _RUNS}

    @pytest.mark.parametrize("run", _RUNS, ids=lambda run: " ".join(run).split(PAYLOAD)[0])
    def test_nothing_a_terminal_acts_on(
        self, run: tuple[str, ...], files: dict[str, str], capsys: pytest.CaptureFixture[str]
    ) -> None:
        if run[:3] == ("graph", "--format", "svg") and shutil.which("dot") is None:
            pytest.skip("Graphviz is not installed")
        main([part.format(**files) if "{" in part else part for part in run])
        out, err = capsys.readouterr()
        assert [] == UNSAFE.findall((out + err).replace("\n", ""))
        if run[:1] != ("cues",) and "html" not in run:
            assert [] == [line for line in (out + err).splitlines() if line.startswith("FORGED")]


class TestExportsKeepTheData:
    """What the exports escape for terminals is the same data: read back, nothing changed."""

    @pytest.mark.parametrize("name", sorted(_REVIEWS))
    def test_reviews_read_back(self, name: str, poisoned_valid: str) -> None:
        bundle = _with_verdict(from_data(json.loads(Path(poisoned_valid).read_text("utf-8"))))
        exported = export_bundle(bundle, to=name)
        assert isinstance(exported, str)
        assert [] == UNSAFE.findall(exported.replace("\n", ""))
        back = import_bundle(exported, from_format=name).bundle
        [verdict] = back.verdicts
        assert (f"False{PAYLOAD}", f"Because{PAYLOAD}") == (
            verdict.rating.label,
            verdict.explanation,
        )
        reviewer = back.source(verdict.reviewer)
        assert reviewer is not None
        assert f"Checker{PAYLOAD}" == reviewer.name

    @pytest.mark.parametrize("name", [name for name in _importers() if name not in _REVIEWS])
    def test_read_back(self, name: str, poisoned_valid: str) -> None:
        bundle = from_data(json.loads(Path(poisoned_valid).read_text("utf-8")))
        exported = export_bundle(bundle, to=name)
        assert [] == UNSAFE.findall(
            (exported if isinstance(exported, str) else exported.decode()).replace("\n", "")
        )
        assert bundle == import_bundle(exported, from_format=name).bundle

    def test_node_link_and_graphml(self) -> None:
        networkx = pytest.importorskip("networkx")
        bundle = from_data(_xml_poisoned())
        graph = to_networkx(bundle)
        link = to_node_link_json(bundle)
        graphml = to_graphml(bundle)
        assert [] == UNSAFE.findall(link.replace("\n", "") + graphml.replace("\n", ""))
        read = networkx.node_link_graph(json.loads(link), edges="edges")
        assert networkx.utils.graphs_equal(graph, read)
        assert networkx.utils.graphs_equal(
            graph, networkx.read_graphml(io.BytesIO(graphml.encode()))
        )
