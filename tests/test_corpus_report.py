"""A corpus analysed in two passes (the registry, then each claim's assertions) equals the
analysis of the whole corpus merged in memory: the functions, and `claimmodel report`."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimmodel as cm
from claimmodel.cli import main
from claimmodel.cli._report import claim_data, render_report
from claimmodel.cli._terminal import json_for_terminal
from claimmodel.corpus import dump_lines, for_corroboration, iter_lines, merge_corpus
from claimmodel.corpus._corroborate import analyses, registry_of
from claimmodel.strategies import bundles
from corpus_helpers import write_corpus

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

Named = list[tuple[str, cm.Bundle]]


def _lines(paths: list[Path]) -> Named:
    found: Named = []
    for path in paths:
        if path.suffix == ".json":
            found.append((str(path), cm.loads(path.read_bytes())))
            continue
        for line in iter_lines(path, name=str(path)):
            assert line.bundle is not None
            found.append((f"{line.name}:{line.number}", line.bundle))
    return found


def _merged(named: Named) -> cm.corpus.CorpusMerge:
    return merge_corpus([b for _, b in named], names=[name for name, _ in named])


def _in_parts(named: Named) -> tuple[cm.Analysis, list[list[cm.Assertion]]]:
    registry = registry_of(named)
    assert registry is not None
    found = list(analyses(registry, named))
    same, conflicting, _ = registry.summary()
    analysis = cm.Analysis(
        claims=cm.FrozenMap({claim.claim: claim for claim, _ in found}),
        same=same,
        conflicting_figures=conflicting,
    )
    return analysis, [assertions for _, assertions in found]


def _assert_equal(expected: cm.Analysis, actual: cm.Analysis) -> None:
    assert list(expected) == list(actual)
    for claim_id, analysed in expected.items():
        assert analysed == actual[claim_id], claim_id
    assert expected.same == actual.same
    assert expected.conflicting_figures == actual.conflicting_figures


def _reviewed_twice() -> list[cm.Bundle]:
    """The example with verdicts twice under two ids, so that every assertion and verdict id
    is used by two records and the merge namespaces them."""
    port = cm.loads((EXAMPLES / "san-telmo-port.json").read_bytes())
    assert port.verdicts
    return [attrs.evolve(port, id="port-a"), attrs.evolve(port, id="port-b")]


@pytest.fixture
def corpus(tmp_path: Path) -> list[Path]:
    """A generated corpus (colliding local ids, people and claims recurring across records)
    beside the two worked examples, one with a fact-checker's verdict and one reviewed
    twice in a corpus of its own."""
    paths = write_corpus(tmp_path, 90, files=2, seed=11)
    reviewed = tmp_path / "reviewed.jsonl"
    dump_lines([*_reviewed_twice(), _impostor()], reviewed)
    return [*paths, EXAMPLES / "kursk-monument.json", reviewed, EXAMPLES / "san-telmo-port.json"]


def _impostor() -> cm.Bundle:
    """A record naming a person by the Wikidata id the generated world gives a ministry:
    a conflict the merge reports."""
    return cm.loads(
        json.dumps(
            {
                "format": "claimmodel/1.1",
                "sources": [
                    {
                        "id": "p",
                        "kind": "person",
                        "name": "Someone",
                        "identifiers": [{"scheme": "wikidata", "value": "Q100"}],
                    }
                ],
                "claims": [],
                "assertions": [],
                "relations": [],
            }
        )
    )


class TestEqualToTheMerge:
    """analyses(registry_of(...)) gives what analyze(merge_corpus(...)) gives, claim by claim."""

    def test_generated_corpus_and_examples(self, corpus: list[Path]) -> None:
        named = _lines(corpus)
        merged = _merged(named)
        expected = cm.analyze(merged.bundle)
        actual, assertions = _in_parts(named)
        _assert_equal(expected, actual)
        assert any(claim.fact_checks for claim in actual.values())
        # What each claim's report looks up is the merged bundle's assertions, as kept.
        kept = _merged([(name, for_corroboration(b)) for name, b in named]).bundle
        for claim, found in zip(actual.values(), assertions, strict=True):
            assert [kept.assertion(a.id) for a in found] == found
            assert sorted(a.id for a in found) == list(claim.assertions)

    @settings(max_examples=30, deadline=None)
    @given(st.lists(bundles(max_verdicts=2, max_scales=1), min_size=1, max_size=4), st.data())
    def test_generated_bundles(self, generated: list[cm.Bundle], data: st.DataObject) -> None:
        # Each record once: its own id, or none (then its name is its namespace).
        named = [
            (f"corpus.jsonl:{n}", attrs.evolve(b, id=data.draw(st.sampled_from([None, f"r{n}"]))))
            for n, b in enumerate(generated, start=1)
        ]
        merged = _merged(named)
        registry = registry_of(named)
        assert registry is not None
        assert merged.conflicts == registry.conflicts
        _assert_equal(cm.analyze(merged.bundle), _in_parts(named)[0])

    def test_a_record_twice_is_left_to_the_merge(self) -> None:
        port = _reviewed_twice()[0]
        assert registry_of([("c.jsonl:1", port), ("c.jsonl:2", port)]) is None

    def test_a_corpus_that_changes_between_the_passes(self) -> None:
        named = [(f"c.jsonl:{n}", b) for n, b in enumerate(_reviewed_twice(), start=1)]
        registry = registry_of(named)
        assert registry is not None
        with pytest.raises(cm.exceptions.InvalidValueError, match="changed while it was read"):
            list(analyses(registry, named[:1]))


def _expected_report(named: Named, title: str | None, form: str) -> tuple[str, list[str]]:
    merged = _merged(named)
    analysis = cm.analyze(merged.bundle)
    conflicts = [f"claimmodel report: conflict: {c}" for c in merged.conflicts]
    if form == "json":
        listed = [claim_data(c, merged.bundle) for c in analysis.values()]
        return json_for_terminal(listed) + "\n", conflicts
    return render_report(merged.bundle, analysis, title=title), conflicts


class TestReportCommand:
    """`claimmodel report` prints, from the two passes, what the merge in memory gives."""

    @pytest.mark.parametrize("form", ["text", "json"])
    def test_same_output(
        self, corpus: list[Path], form: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        named = _lines(corpus)
        title = f"{len(named)} bundles: " + ", ".join(str(p) for p in corpus)
        expected, conflicts = _expected_report(named, title, form)
        assert 0 == main(["report", "--format", form, *map(str, corpus)])
        out, err = capsys.readouterr()
        assert expected == out
        assert conflicts == err.splitlines()
        assert conflicts  # the generated corpus states conflicting facts

    def test_one_record(self, capsys: pytest.CaptureFixture[str]) -> None:
        path = EXAMPLES / "san-telmo-port.json"
        expected, _ = _expected_report(_lines([path]), None, "text")
        assert 0 == main(["report", str(path)])
        assert expected == capsys.readouterr().out

    def test_a_record_twice(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        path = tmp_path / "twice.jsonl"
        port = _reviewed_twice()[0]
        changed = attrs.evolve(port, title="Corrected")
        dump_lines([port, changed], path)
        expected, conflicts = _expected_report(_lines([path]), f"2 bundles: {path}", "text")
        assert 0 == main(["report", str(path)])
        out, err = capsys.readouterr()
        assert expected == out
        assert conflicts == err.splitlines()

    def test_json_lines_on_standard_input(
        self,
        corpus: list[Path],
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(corpus[0].read_bytes())))
        assert 0 == main(["report", "--jsonl", "--format", "json", "-"])
        from_stdin = capsys.readouterr().out
        assert 0 == main(["report", "--format", "json", str(corpus[0])])
        assert capsys.readouterr().out.replace(str(corpus[0]), "<stdin>") == from_stdin
        assert "<stdin>:2/" in from_stdin

    def test_a_bundle_on_standard_input(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = EXAMPLES / "kursk-monument.json"
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(path.read_bytes())))
        assert 0 == main(["report", "-"])
        from_stdin = capsys.readouterr().out
        assert 0 == main(["report", str(path)])
        assert capsys.readouterr().out == from_stdin

    def test_strict(self, corpus: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
        assert 1 == main(["report", "--strict", *map(str, corpus)])
        assert capsys.readouterr().err.startswith("cannot merge: ")

    def test_invalid_records_stop_it_before_the_merge(
        self, tmp_path: Path, corpus: list[Path], capsys: pytest.CaptureFixture[str]
    ) -> None:
        bad = tmp_path / "bad.jsonl"
        bad.write_text('{"format":"claimmodel/1.0"}\n')
        assert 1 == main(["report", "--strict", *map(str, corpus), str(bad)])
        err = capsys.readouterr().err
        assert f"{bad}:1: $.sources:" in err
        assert "cannot merge" not in err

    def test_a_corpus_that_changes_between_the_passes(
        self,
        corpus: list[Path],
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        from claimmodel.cli import _report

        reads: list[bool] = []
        original = _report._Inputs.read

        def read(self: _report._Inputs, *, check: bool) -> Iterator[tuple[str, cm.Bundle]]:
            reads.append(check)
            found = original(self, check=check)
            return found if check else iter(list(found)[1:])

        monkeypatch.setattr(_report._Inputs, "read", read)
        assert 2 == main(["report", str(corpus[0])])
        assert [True, False] == reads
        assert "changed while it was read" in capsys.readouterr().err
