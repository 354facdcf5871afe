"""claimmodel.corpus.dask: a corpus read, validated and corroborated on Dask, equal to one
process claim by claim."""

from __future__ import annotations

import gzip
import json
import logging
import os
import pickle
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import dask
import pytest
from dask.base import compute
from dask.local import get_sync
from distributed import Client, LocalCluster, get_task_stream

import claimmodel as cm
import claimmodel.corpus.dask as dask_module
from claimmodel.analysis._dependencies import period
from claimmodel.corpus import for_corroboration, iter_lines, merge_corpus
from claimmodel.corpus._corroborate import Registry
from claimmodel.corpus.dask import Corpus, LineFinding, Part, corroborate, validate_corpus
from claimmodel.exceptions import DecodeError, InvalidValueError, LineDecodeError
from claimmodel.interop import arrow
from corpus_helpers import World, bundle_data, write_corpus


def _single_process(
    paths: list[Path], **options: object
) -> tuple[cm.Analysis, tuple[cm.corpus.Conflict, ...]]:
    """What one process computes: the analysis of the merge of every line, named file:line."""
    bundles, names = [], []
    for path in paths:
        for line in iter_lines(path, name=str(path)):
            assert line.bundle is not None
            bundles.append(for_corroboration(line.bundle))
            names.append(f"{line.name}:{line.number}")
    merged = merge_corpus(bundles, names=names, **options)  # type: ignore[arg-type]
    return cm.analyze(merged.bundle), merged.conflicts


def _assert_equal_claim_by_claim(expected: cm.Analysis, actual: cm.Analysis) -> None:
    assert list(expected) == list(actual)
    for claim_id, analysed in expected.items():
        assert analysed == actual[claim_id], claim_id
    assert expected.same == actual.same
    assert expected.conflicting_figures == actual.conflicting_figures
    assert expected == actual


def _desk_scale() -> cm.Scale:
    return cm.Scale(
        id="x-desk",
        name="Desk likelihood",
        kind=cm.ScaleKind.LIKELIHOOD,
        levels=(cm.Level(label="solid", band=cm.Interval(low=0.7, high=1.0)),),
    )


def _with_desk_scale(folder: Path) -> tuple[Path, list[cm.Bundle]]:
    """Six records whose first assertion is judged on the desk's own scale."""
    path = folder / "corpus.jsonl"
    records = [bundle_data(World(9), index, seed=9) for index in range(6)]
    for record in records:
        record["assertions"][0]["confidence"] = {"scale": "x-desk", "level": "solid"}
    path.write_text("".join(json.dumps(record) + "\n" for record in records))
    return path, [cm.loads(json.dumps(record)) for record in records]


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # any free port: never collide with a running cluster
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as connected,
    ):
        yield connected


@pytest.fixture
def sync() -> Iterator[None]:
    with dask.config.set(scheduler="sync"):
        yield


class TestDifferential:
    """On two worker processes, the corpus-wide analysis equals one process's, claim by claim."""

    def test_local_cluster(self, client: Client, tmp_path: Path) -> None:
        paths = write_corpus(tmp_path, 300, files=3, seed=1)
        expected, conflicts = _single_process(paths)
        corpus = Corpus.json_lines([str(path) for path in paths], blocksize=150_000)
        assert len(corpus.parts) > len(paths)  # files cut into byte ranges
        corroboration = corroborate(corpus)
        actual, found = client.compute([corroboration.analysis, corroboration.conflicts], sync=True)
        _assert_equal_claim_by_claim(expected, actual)
        assert conflicts == found
        # The corpus exercises what crosses documents: claims many records back, origins
        # split by dated dependencies, declared sameness, withdrawals, parties, figures.
        assert len(expected) > 30
        assert any(len(claim.origins) > 1 for claim in expected.values())
        assert any(claim.same for claim in expected.values())
        assert any(claim.withdrawn for claim in expected.values())
        assert any(claim.conflicting_figures for claim in expected.values())
        assert any(origin.interested for claim in expected.values() for origin in claim.origins)
        assert any(origin.reasons for claim in expected.values() for origin in claim.origins)

    def test_scales_cross_processes(self, client: Client, tmp_path: Path) -> None:
        desk = _desk_scale()
        path, bundles = _with_desk_scale(tmp_path)
        names = [f"{path}:{number}" for number in range(1, len(bundles) + 1)]
        expected = cm.analyze(merge_corpus(bundles, names=names).bundle, scales=[desk])
        corroboration = corroborate(Corpus.json_lines(str(path)), scales=[desk])
        _assert_equal_claim_by_claim(expected, client.compute(corroboration.analysis, sync=True))

    def test_claims_bag(self, client: Client, tmp_path: Path) -> None:
        paths = write_corpus(tmp_path, 40, files=1, seed=2)
        expected, _ = _single_process(paths)
        corpus = Corpus.json_lines(paths[0], blocksize=20_000)
        claims = corroborate(corpus).claims
        assert len(corpus.parts) > 1
        assert claims.npartitions > 1
        found = client.compute(claims, sync=True)
        assert dict(expected.claims) == {claim.claim: claim for claim in found}


def _parquet_corpus(folder: Path, bundles: int, *, seed: int) -> tuple[Path, list[cm.Bundle]]:
    """A generated corpus written as Parquet, 25 bundles to a row group."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = write_corpus(folder, bundles, files=1, seed=seed)
    records = [line.bundle for line in iter_lines(paths[0]) if line.bundle is not None]
    parquet = folder / "parquet"
    arrow.write_parquet(records, parquet, batch_size=25)
    return parquet, records


def _named(folder: Path, bundles: list[cm.Bundle]) -> cm.Analysis:
    """One process's analysis of a Parquet corpus: each bundle named FOLDER:N."""
    names = [f"{folder}:{n}" for n in range(1, len(bundles) + 1)]
    kept = [for_corroboration(b) for b in bundles]
    return cm.analyze(merge_corpus(kept, names=names).bundle)


class TestParquet:
    """A corpus of Parquet folders, read by row group, validated and corroborated alike."""

    def test_local_cluster(self, client: Client, tmp_path: Path) -> None:
        folder, bundles = _parquet_corpus(tmp_path, 120, seed=7)
        assert any(b.id is None for b in bundles)  # named by folder and position
        corpus = Corpus.parquet(str(folder))
        assert [(p.row_group, p.file) for p in corpus.parts] == [(g, 0) for g in range(5)]
        actual = client.compute(corroborate(corpus).analysis, sync=True)
        _assert_equal_claim_by_claim(_named(folder, bundles), actual)

    def test_validated_with_positions(self, sync: None, tmp_path: Path) -> None:
        folder, bundles = _parquet_corpus(tmp_path, 30, seed=8)
        findings = validate_corpus(Corpus.parquet(folder)).compute()
        expected = [
            (str(folder), n, f.code, f.path)
            for n, b in enumerate(bundles, start=1)
            for f in cm.validate(b).findings
        ]
        assert expected
        assert expected == [(f.name, f.line, f.code, f.path) for f in findings]

    def test_rewritten_files_are_one_part(self, sync: None, tmp_path: Path) -> None:
        import pyarrow.parquet as pq

        folder, bundles = _parquet_corpus(tmp_path, 60, seed=9)
        claims = folder / "claims.parquet"
        pq.write_table(pq.read_table(claims), claims)  # one row group: no longer aligned
        corpus = Corpus.parquet(folder)
        assert [(None, 0)] == [(p.row_group, p.file) for p in corpus.parts]
        _assert_equal_claim_by_claim(_named(folder, bundles), corroborate(corpus).compute())

    def test_folders_and_globs(self, sync: None, tmp_path: Path) -> None:
        first, bundles = _parquet_corpus(tmp_path / "a", 30, seed=10)
        second = tmp_path / "b" / "parquet"
        others = [attrs.evolve(b, id=None) for b in bundles[:10]]  # named by place
        arrow.write_parquet(others, second, batch_size=25)
        corpus = Corpus.parquet(str(tmp_path / "*" / "parquet"))
        assert [0, 0, 1] == [p.file for p in corpus.parts]
        names = [f"{first}:{n}" for n in range(1, 31)] + [f"{second}:{n}" for n in range(1, 11)]
        kept = [for_corroboration(b) for b in [*bundles, *others]]
        expected = cm.analyze(merge_corpus(kept, names=names).bundle)
        _assert_equal_claim_by_claim(expected, corroborate(corpus).compute())

    def test_no_folder(self, tmp_path: Path) -> None:
        with pytest.raises(FileNotFoundError):
            Corpus.parquet(str(tmp_path / "missing"))
        with pytest.raises(InvalidValueError, match="folders"):
            Corpus.parquet([3])  # type: ignore[list-item]


class TestInProcess:
    """The same computation on Dask's synchronous scheduler, over corpora of every shape."""

    @pytest.mark.parametrize(("bundles", "files", "blocksize"), [(1, 1, None), (60, 2, 8_000)])
    def test_equal(
        self, sync: None, tmp_path: Path, bundles: int, files: int, blocksize: int | None
    ) -> None:
        paths = write_corpus(tmp_path, bundles, files=files, seed=3)
        expected, conflicts = _single_process(paths)
        corroboration = corroborate(Corpus.json_lines(paths, blocksize=blocksize))
        _assert_equal_claim_by_claim(expected, corroboration.compute())
        assert conflicts == corroboration.conflicts.compute()

    def test_each_pass_runs_once(
        self, sync: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        calls: Counter[str] = Counter()
        for name in ("_first_pass", "_second_pass", "_registry", "_reduce"):
            original = getattr(dask_module, name)

            def counted(*args: object, _original: Any = original, _name: str = name) -> Any:
                calls[_name] += 1
                return _original(*args)

            monkeypatch.setattr(dask_module, name, counted)
        corpus = Corpus.json_lines(write_corpus(tmp_path, 30, files=2), blocksize=10_000)
        parts = len(corpus.parts)
        assert parts > 2
        corroboration = corroborate(corpus)
        compute(corroboration.analysis, corroboration.conflicts)
        expected = {"_first_pass": parts, "_second_pass": parts, "_registry": 1, "_reduce": parts}
        assert expected == dict(calls)

    def test_compressed_files_and_globs(self, sync: None, tmp_path: Path) -> None:
        plain = write_corpus(tmp_path, 30, files=2, seed=4)
        for path in plain:
            with gzip.open(path.with_suffix(".jsonl.gz"), "wb") as file:
                file.write(path.read_bytes())
        corpus = Corpus.json_lines(str(tmp_path / "*.jsonl.gz"))
        assert [0, 1] == [part.file for part in corpus.parts]
        assert all(part.length is None for part in corpus.parts)
        expected, _ = _single_process([path.with_suffix(".jsonl.gz") for path in plain])
        _assert_equal_claim_by_claim(expected, corroborate(corpus).compute())

    def test_declared_sameness_and_scales(self, sync: None, tmp_path: Path) -> None:
        paths = write_corpus(tmp_path, 20, files=1, seed=5)
        first, second = [
            line.bundle for line in iter_lines(paths[0]) if line.bundle and line.bundle.id
        ][:2]
        assert first.id is not None
        assert second.id is not None
        # Two unnamed speakers (or two documents) declared one source; two claims one claim.
        kind = cm.SourceKind.DOCUMENT
        one, other = (next(s.id for s in b.sources if s.kind is kind) for b in (first, second))
        declared = [
            ((first.id, one), (second.id, other)),
            ((first.id, first.claims[0].id), (second.id, second.claims[-1].id)),
        ]
        expected, _ = _single_process(paths, same_as=declared)
        actual = corroborate(Corpus.json_lines(paths), same_as=declared).compute()
        _assert_equal_claim_by_claim(expected, actual)

    def test_scales_you_define(self, sync: None, tmp_path: Path) -> None:
        desk = _desk_scale()
        path, bundles = _with_desk_scale(tmp_path)
        names = [f"{path}:{number}" for number in range(1, 7)]
        expected = cm.analyze(merge_corpus(bundles, names=names).bundle, scales=[desk])
        assert expected != cm.analyze(merge_corpus(bundles, names=names).bundle)
        _assert_equal_claim_by_claim(
            expected, corroborate(Corpus.json_lines(str(path)), scales=[desk]).compute()
        )

    def test_declared_scales_and_verdicts(self, sync: None, tmp_path: Path) -> None:
        # The desk's scale declared by the records; verdicts whose ids and reviewed
        # assertions' ids two records use.
        path, bundles = _with_desk_scale(tmp_path)
        desk = _desk_scale()
        declared = cm.DeclaredScale(
            id=desk.id,
            kind=desk.kind,
            name=desk.name,
            levels=(cm.DeclaredLevel(label="solid", band=cm.Interval(low=0.7, high=1.0)),),
        )
        port = cm.loads(Path("examples/san-telmo-port.json").read_bytes())
        records = [
            *(attrs.evolve(b, scales=(declared,)) for b in bundles),
            attrs.evolve(port, id="port-a"),
            attrs.evolve(port, id="port-b"),
        ]
        cm.dump_lines(records, path)
        expected, _ = _single_process([path])
        assert any(claim.fact_checks for claim in expected.values())
        undeclared = tmp_path / "undeclared.jsonl"
        cm.dump_lines([*bundles, *records[6:]], undeclared)
        assert _single_process([undeclared])[0] != expected  # the declaration counts
        _assert_equal_claim_by_claim(expected, corroborate(Corpus.json_lines(path)).compute())

    def test_ids_other_records_use_are_namespaced(self, sync: None, tmp_path: Path) -> None:
        world = World(6)
        records = [bundle_data(world, index, seed=6) for index in range(4)]
        records[0]["id"] = "report-0"
        records[1]["id"] = None
        # One record's own ids spelt like another's namespaced ones.
        records[2]["assertions"][0]["id"] = "report-0/a1"
        path = tmp_path / "corpus.jsonl"
        path.write_text(
            "".join(
                json.dumps({k: v for k, v in r.items() if v is not None}) + "\n" for r in records
            )
        )
        expected, _ = _single_process([path])
        actual = corroborate(Corpus.json_lines(path)).compute()
        assert expected == actual
        ids = {a for claim in actual.values() for a in claim.assertions}
        assert "report-0/a1~2" in ids


class TestValidation:
    """Every finding names its file and line, as reading the file in one process does."""

    def test_findings_carry_file_and_line(self, sync: None, tmp_path: Path) -> None:
        paths = write_corpus(tmp_path, 40, files=2, seed=7)
        with paths[1].open("a", encoding="utf-8") as file:
            file.write("\n{not json\n")
            file.write(
                '{"format": "claimmodel/1.0", "sources": [], "claims": [], "assertions": '
                '[{"id": "a", "claim": "c", "attribution": {"source": "s"}, '
                '"confidence": {"scale": "icd203", "level": "likely"}}], "relations": []}\n'
            )
        expected: list[tuple[str, int, str | None, str]] = []
        for path in paths:
            for line in iter_lines(path, name=str(path)):
                if line.error is not None:
                    expected += [
                        (line.name, line.number, None, problem.path) for problem in line.error
                    ]
                    continue
                assert line.bundle is not None
                report = cm.validate(line.bundle, ignore=["CM7"])
                expected += [(line.name, line.number, f.code, f.path) for f in report.findings]
        corpus = Corpus.json_lines(paths, blocksize=2_000)
        found = validate_corpus(corpus, ignore=["CM7"]).compute()
        assert expected == [(f.name, f.line, f.code, f.path) for f in found]
        assert any(f.code is None for f in found)
        assert any(f.code == "CM301" for f in found)
        undecodable = next(f for f in found if f.code is None)
        assert str(undecodable).startswith(f"{paths[1]}:{undecodable.line}: $: decode error: ")

    def test_lines_and_bundles(self, sync: None, tmp_path: Path) -> None:
        paths = write_corpus(tmp_path, 12, files=1, seed=8)
        corpus = Corpus.json_lines(paths, blocksize=1_000)
        numbers = [line.number for line in corpus.lines().compute()]
        assert list(range(1, 13)) == numbers
        assert [line.bundle for line in iter_lines(paths[0])] == corpus.bundles().compute()
        assert repr(corpus) == f"<Corpus: 1 files in {len(corpus.parts)} parts>"


class TestBadInput:
    """Bad input is reported by claimmodel's errors, naming what and where."""

    def test_a_line_that_does_not_decode(self, sync: None, tmp_path: Path) -> None:
        path = write_corpus(tmp_path, 3, files=1)[0]
        with path.open("a", encoding="utf-8") as file:
            file.write("[]\n")
        with pytest.raises(LineDecodeError) as raised:
            corroborate(Corpus.json_lines(path)).compute()
        assert (str(path), 4) == (raised.value.name, raised.value.line)

    def test_a_line_that_does_not_decode_crosses_processes(
        self, client: Client, tmp_path: Path
    ) -> None:
        path = write_corpus(tmp_path, 3, files=1)[0]
        with path.open("a", encoding="utf-8") as file:
            file.write("[]\n")
        with pytest.raises(LineDecodeError) as raised:
            client.compute(Corpus.json_lines(path).bundles(), sync=True)
        assert (str(path), 4) == (raised.value.name, raised.value.line)

    def test_decode_errors_cross_processes(self) -> None:
        # distributed installs tblib's pickling of exceptions, which carries their chains,
        # for every exception class there is then (cattrs' among them, once imported).
        import tblib.pickling_support

        text = '{"format": "claimmodel/1.0", "sources": [{"kind": "person"}], "claims": [], '
        text += '"assertions": [], "relations": []}'
        with pytest.raises(DecodeError):
            cm.loads(text)  # the reference decoder, and cattrs with it, are imported
        tblib.pickling_support.install()
        with pytest.raises(DecodeError) as raised:
            cm.loads(text)
        revived = pickle.loads(pickle.dumps(raised.value))
        assert (type(raised.value), raised.value.problems) == (type(revived), revived.problems)

    def test_a_record_twice(self, sync: None, tmp_path: Path) -> None:
        path = write_corpus(tmp_path, 2, files=1)[0]
        text = path.read_text()
        path.write_text(text + text.splitlines()[0] + "\n")
        with pytest.raises(InvalidValueError, match=r"on .*:1 and on .*:3"):
            corroborate(Corpus.json_lines(path)).compute()

    @pytest.mark.parametrize("blocksize", [0, -1, 1.5, "1"])
    def test_blocksize(self, tmp_path: Path, blocksize: object) -> None:
        with pytest.raises(InvalidValueError, match="blocksize"):
            Corpus.json_lines(tmp_path, blocksize=blocksize)  # type: ignore[arg-type]

    def test_paths(self, tmp_path: Path) -> None:
        with pytest.raises(FileNotFoundError):
            Corpus.json_lines(str(tmp_path / "*.jsonl"))
        with pytest.raises(InvalidValueError, match="paths"):
            Corpus.json_lines([3])  # type: ignore[list-item]

    def test_parts_are_values(self) -> None:
        assert Part(path="a", name="a", file=0, index=0) == Part(
            path="a", name="a", file=0, index=0
        )
        assert (
            LineFinding(
                name="f", line=1, code="CM101", severity=cm.Severity.ERROR, path="$", message="m"
            ).bundle
            is None
        )


def _reached(analysed: cm.ClaimAnalysis) -> set[str]:
    """The sources a claim's analysis names: speakers, intermediaries, parties, and the
    speakers of what withdrew its assertions."""
    found = {*analysed.sources, *analysed.relays, *analysed.parties}
    for withdrawal in analysed.withdrawn:
        found.update((withdrawal.source, withdrawal.by_source))
    return found


def _task_name(key: object) -> str:
    """What a task of a graph runs: its key up to the first dash (a function's name)."""
    return str(key[0] if isinstance(key, tuple) else key).split("-")[0]


class TestRegistryByKey:
    """The registry is built on one worker and shared by key: the map and the reduce receive
    only the slices of it that their records and claims need, and a component's dated
    dependencies, or a control group's affiliations, stay with the task that answers
    questions about them."""

    def test_no_task_receives_the_registry(self, tmp_path: Path) -> None:
        corpus = Corpus.json_lines(write_corpus(tmp_path, 30, files=2), blocksize=10_000)
        corroboration = corroborate(corpus)
        graph = dict(corroboration.analysis.__dask_graph__())
        (registry,) = (key for key in graph if _task_name(key) == "_registry")
        readers = {
            _task_name(key) for key in graph if registry in dask.core.get_dependencies(graph, key)
        }
        assert {"getitem"} == readers  # its five outputs, each taken apart
        # The registry's task is built, cut and summarised in one task: its output is the
        # tables, pickled by the partition each piece goes to, and what every bucket reads.
        views, slices, dated, shared, summary = get_sync(graph, registry)
        assert len(views) == len(slices) == len(dated) == len(corpus.parts)
        packed = [item for table in (views, slices, dated) for piece in table for item in piece]
        assert all(isinstance(data, bytes) for _, _, data in packed)
        assert isinstance(shared, dask_module._Shared)
        assert not any(isinstance(found, Registry) for found in summary)

    def test_each_bucket_receives_the_sources_its_claims_reach(
        self, sync: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        paths = write_corpus(tmp_path, 60, files=2, seed=5)
        expected, _ = _single_process(paths)
        received: list[tuple[set[str], set[str]]] = []
        answers: list[object] = []
        original = dask_module._reduce

        def recorded(groups: Any, answered: Any, shared: Any) -> Any:
            groups, answered = list(groups), list(answered)
            # What crossed the shuffles is pickled, one bytes per slot and sending task.
            packed = [item for _, found in [*groups, *answered] for item in found]
            assert all(isinstance(data, bytes) for _, _, data in packed)
            # No component's dated dependencies, no control affiliations: only the answers
            # to its questions.
            unpacked = [item for _, found in answered for item in dask_module._unpacked(found)]
            kinds = (dask_module._Answer, dask_module._Control)
            assert all(isinstance(item, kinds) for *_, item in unpacked)
            answers.extend(item for *_, item in unpacked)
            for _, found in groups:
                members = dask_module._unpacked(found)
                slices = {i.id for _, _, i in members if isinstance(i, dask_module._Slice)}
                claims = {claim_id for _, claim_id, _ in members if claim_id}
                received.append((claims, slices))
            return original(groups, answered, shared)

        monkeypatch.setattr(dask_module, "_reduce", recorded)
        corpus = Corpus.json_lines(paths, blocksize=8_000)
        _assert_equal_claim_by_claim(expected, corroborate(corpus).compute())
        lines = [line for path in paths for line in iter_lines(path, name=str(path))]
        merged = merge_corpus(
            [line.bundle for line in lines if line.bundle is not None],
            names=[f"{line.name}:{line.number}" for line in lines],
        )
        known = {source.id for source in merged.bundle.sources}
        assert len(corpus.parts) >= len(received) > 2
        assert any(isinstance(a, dask_module._Answer) for a in answers)  # dated employment
        # An answer labels only the base roots the dependencies in force join to another.
        labels = [pair for a in answers if isinstance(a, dask_module._Answer) for pair in a.labels]
        assert labels
        assert all(base != root for base, root in labels)
        assert any(isinstance(a, dask_module._Control) and a.found for a in answers)
        assert set(expected) == {claim for claims, _ in received for claim in claims}
        for claims, slices in received:
            wanted = {s for claim in claims for s in _reached(expected[claim])}
            assert wanted & known == slices
            assert len(slices) < len(known)

    def test_control_groups(self) -> None:
        """A control group holds the sources its edges join in either direction; a source
        with no control edges of its own is in no group."""
        always = period(None, None)
        edges = {"a": [("b", always)], "c": [("b", always)], "d": [("e", always)]}
        group_of, groups = dask_module._control_groups(edges, {"a": "A", "b": "B", "e": "E"})
        assert {"a": 0, "c": 0, "d": 1} == group_of
        assert [0, 1] == [group.number for group in groups]
        assert (("a", (("b", always),)), ("c", (("b", always),))) == groups[0].edges
        assert (("a", "A"), ("b", "B")) == groups[0].names
        assert (("e", "E"),) == groups[1].names

    def test_a_bucket_receives_no_control_graph(
        self, sync: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """An outlet that many records say a government controls (the government named
        without the identifier that joins it, so each record's is a source of its own) has
        a control reach that grows with the corpus: a bucket whose claim it relays receives
        the answer to its question, not that reach."""
        government = {"id": "gov", "kind": "government-body", "name": "Government"}
        first = {
            "format": "claimmodel/1.1",
            "id": "first",
            "sources": [
                {"id": "p", "kind": "person", "name": "Ana"},
                {
                    "id": "outlet",
                    "kind": "media-outlet",
                    "name": "Wire",
                    "identifiers": [{"scheme": "wikidata", "value": "Q1"}],
                    "affiliations": [{"kind": "controlled-by", "target": "gov"}],
                },
                {**government, "identifiers": [{"scheme": "wikidata", "value": "Q2"}]},
            ],
            "claims": [{"id": "c1", "text": "The bridge was closed.", "parties": ["gov"]}],
            "assertions": [
                {
                    "id": "a1",
                    "claim": "c1",
                    "attribution": {
                        "source": "p",
                        "chain": [{"source": "outlet", "channel": "interview"}],
                    },
                    "confidence": {"scale": "icd203", "level": "likely"},
                    "date": "2020-05",
                }
            ],
            "relations": [],
        }
        others = [
            {
                "format": "claimmodel/1.1",
                "id": f"other-{k}",
                "sources": [
                    {
                        "id": f"outlet-{k}",
                        "kind": "media-outlet",
                        "name": "Wire",
                        "identifiers": [{"scheme": "wikidata", "value": "Q1"}],
                        "affiliations": [{"kind": "controlled-by", "target": f"copy-{k}"}],
                    },
                    {**government, "id": f"copy-{k}"},
                ],
                "claims": [],
                "assertions": [],
                "relations": [],
            }
            for k in range(8)
        ]
        path = tmp_path / "corpus.jsonl"
        path.write_text("".join(json.dumps(record) + "\n" for record in [first, *others]))
        expected, _ = _single_process([path])
        (relay,) = expected["c1"].controlled_relays
        assert ("outlet", "gov", ()) == (relay.relay, relay.party, relay.via)
        received: list[bytes] = []
        controls: list[dask_module._Control] = []
        original = dask_module._reduce

        def recorded(groups: Any, answered: Any, shared: Any) -> Any:
            groups, answered = list(groups), list(answered)
            received.extend(data for _, found in [*groups, *answered] for _, _, data in found)
            controls.extend(
                item
                for _, found in answered
                for *_, item in dask_module._unpacked(found)
                if isinstance(item, dask_module._Control)
            )
            return original(groups, answered, shared)

        monkeypatch.setattr(dask_module, "_reduce", recorded)
        _assert_equal_claim_by_claim(expected, corroborate(Corpus.json_lines(path)).compute())
        assert received
        # The outlet's edges to the other records' governments reach no bucket.
        assert not any(b"copy-" in data for data in received)
        # Asked once, and answered with the party and the sources between them.
        assert [("outlet", ("gov", ()))] == [(found.relay, found.found) for found in controls]


class TestMemory:
    """What bounds a worker's memory: no task gathers the whole analysis, and what waits
    between the steps is pickled, so that Dask measures it (and spills it) as it is."""

    def test_the_analysis_is_assembled_in_the_client(self, client: Client, tmp_path: Path) -> None:
        paths = write_corpus(tmp_path, 60, files=2, seed=3)
        expected, _ = _single_process(paths)
        corpus = Corpus.json_lines(paths, blocksize=8_000)
        with get_task_stream(client) as stream:
            actual = corroborate(corpus).compute()
        _assert_equal_claim_by_claim(expected, actual)
        ran = {_task_name(task["key"]) for task in stream.data}
        assert {"_registry", "_reduce"} <= ran
        assert "_assemble" not in ran

    def test_pack(self) -> None:
        items = [(7, "a"), (2, "b"), (12, "c"), (3, "d")]
        packed = dask_module._pack(items, 5, "keyed")
        assert [(2, "keyed"), (3, "keyed")] == [(slot, tag) for slot, tag, _ in packed]
        assert [(7, "a"), (2, "b"), (12, "c")] == dask_module._unpacked(packed[:1])
        assert [(3, "d")] == dask_module._unpacked(packed[1:])
        assert [] == dask_module._pack([], 5)


class TestIsolation:
    """Nothing outside the dask extra imports Dask."""

    def test_no_other_module_imports_dask(self) -> None:
        code = """
import pkgutil, importlib, sys
import claimmodel
for module in pkgutil.walk_packages(claimmodel.__path__, "claimmodel."):
    if module.name in ("claimmodel.corpus.dask", "claimmodel.__main__"):
        continue
    if module.name == "claimmodel.cues.spacy_adapter":
        continue  # slow to import; tests/test_architecture.py reads its imports instead
    try:
        importlib.import_module(module.name)
    except ImportError:
        pass  # another optional extra that is not installed
print(sorted(name for name in sys.modules if name.split(".")[0] in ("dask", "distributed")))
"""
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
        )
        assert "[]" == done.stdout.strip()
