"""A corpus analysed in two passes (the registry, then each claim's assertions) equals the
analysis of the whole corpus merged in memory: the functions, and `claimmodel report`."""

from __future__ import annotations

import datetime as dt
import io
import json
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimmodel as cm
from claimmodel.cli import main
from claimmodel.cli._report import claim_data, render_report
from claimmodel.cli._terminal import json_for_terminal
from claimmodel.corpus import Conflict, dump_lines, for_corroboration, iter_lines, merge_corpus
from claimmodel.corpus._corroborate import Shared, analyses, gathered, registry_of
from claimmodel.render import render_html
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

    def test_a_record_on_two_lines_apart(self, corpus: list[Path]) -> None:
        first, second = _versions()
        named = [("c.jsonl:1", first), *_lines(corpus[:2]), ("c.jsonl:99", second)]
        claims, found = _assert_versions_equal(named)
        assert {"assertions", "verdicts", "relations"} == {c.kind for c in found}
        assert any(claim.withdrawn for claim in claims)  # across the versions
        assert any(claim.fact_checks for claim in claims)

    def test_versions_need_the_corpus_again(self) -> None:
        named = [("c.jsonl:1", _versions()[0]), ("c.jsonl:2", _versions()[1])]
        with pytest.raises(cm.exceptions.InvalidValueError, match=r"'port-v' is on c\.jsonl:1"):
            registry_of(named)
        for changed in (named[:1], [named[0], ("c.jsonl:3", named[1][1])], [*named, *named]):
            with pytest.raises(cm.exceptions.InvalidValueError, match="changed while it was"):
                registry_of(named, again=_reading(changed))
        registry = registry_of(named, again=lambda: named)
        with pytest.raises(cm.exceptions.InvalidValueError, match="changed while it was"):
            list(analyses(registry, named[:1]))  # a version is missing

    def test_versions_in_conflict_refused_when_strict(self) -> None:
        first, second = _versions()
        named = [("c.jsonl:1", first), ("c.jsonl:2", second)]
        registry = registry_of(named, strict=True, again=lambda: named)
        with (
            pytest.raises(cm.exceptions.MergeConflictError, match="port-v/"),
            gathered(registry, named),
        ):
            pass  # pragma: no cover - refused on entering

    @settings(max_examples=30, deadline=None)
    @given(st.lists(bundles(max_verdicts=2, max_scales=1), min_size=2, max_size=4), st.data())
    def test_generated_versions(self, generated: list[cm.Bundle], data: st.DataObject) -> None:
        # Records that may share an id: the versions of one record.
        named = [
            (f"corpus.jsonl:{n}", attrs.evolve(b, id=data.draw(st.sampled_from([None, "r", "s"]))))
            for n, b in enumerate(generated, start=1)
        ]
        _assert_versions_equal(named)

    def test_versions_that_relay_unnamed_speakers_apart(self) -> None:
        # The second version has the first unnamed speaker speak through the second's
        # outlet: the first version's assertion stands, so they stay two origins.
        first = _unnamed([("a1", "u1", "o1"), ("a2", "u2", "o2")])
        second = _unnamed([("a1", "u1", "o2"), ("a2", "u2", "o2"), ("a3", "u3", "o1")])
        _assert_versions_equal([("c.jsonl:1", first), ("c.jsonl:2", second)])

    def test_versions_that_give_a_relation_two_kinds(self) -> None:
        # The second version makes r1 a same-as of the two claims; the first's r1 stands.
        first = _unnamed([("a1", "u1", "o1")], relation=cm.RelationKind.SUPPORTS)
        second = _unnamed([("a1", "u1", "o1")], relation=cm.RelationKind.SAME_AS)
        _assert_versions_equal([("c.jsonl:1", first), ("c.jsonl:2", second)])

    def test_a_corpus_that_changes_between_the_passes(self) -> None:
        named = [(f"c.jsonl:{n}", b) for n, b in enumerate(_reviewed_twice(), start=1)]
        registry = registry_of(named)
        assert registry is not None
        with pytest.raises(cm.exceptions.InvalidValueError, match="changed while it was read"):
            list(analyses(registry, named[:1]))


def _assert_versions_equal(named: Named) -> tuple[list[cm.ClaimAnalysis], list[Conflict]]:
    """The analysis of a corpus holding records on several lines equals the merge's, and
    so do its conflicts (in another order); the analysis and the second pass's conflicts."""
    merged = _merged(named)
    expected = cm.analyze(merged.bundle)
    registry = registry_of(named, again=lambda: named)
    with gathered(registry, named) as found:
        claims = [claim for claim, _ in found.analyses(registry)]
        conflicts = [*registry.conflicts, *found.conflicts]
    assert list(expected) == [claim.claim for claim in claims]
    for claim in claims:
        assert expected[claim.claim] == claim
    assert sorted(map(str, merged.conflicts)) == sorted(map(str, conflicts))
    return claims, found.conflicts


def _reading(named: Named) -> Callable[[], Named]:
    return lambda: named


def _unnamed(
    said: list[tuple[str, str, str]], *, relation: cm.RelationKind | None = None
) -> cm.Bundle:
    """A version of the record ``w`` in which unnamed officials (``u1`` …) speak through
    outlets (``o1``, ``o2``): each assertion's id, speaker and outlet; with ``relation``,
    a relation ``r1`` of that kind between its two claims."""
    speakers = sorted({speaker for _, speaker, _ in said})
    data: dict[str, object] = {
        "format": "claimmodel/1.1",
        "id": "w",
        "sources": [
            *({"id": u, "kind": "anonymous", "description": "officials"} for u in speakers),
            {"id": "o1", "kind": "media-outlet", "name": "One"},
            {"id": "o2", "kind": "media-outlet", "name": "Two"},
        ],
        "claims": [{"id": "c1", "text": "It happened."}, {"id": "c2", "text": "It was so."}],
        "assertions": [
            {
                "id": assertion,
                "claim": "c1",
                "attribution": {
                    "source": speaker,
                    "chain": [{"source": outlet, "channel": "interview"}],
                },
                "confidence": {"scale": "icd203", "level": "likely"},
            }
            for assertion, speaker, outlet in said
        ],
        "relations": (
            []
            if relation is None
            else [{"id": "r1", "kind": relation.value, "subject": "c2", "object": "c1"}]
        ),
    }
    return cm.loads(json.dumps(data))


def _versions() -> tuple[cm.Bundle, cm.Bundle]:
    """Two versions of one record (one bundle id): the second changes an assertion, the
    verdict and a relation (three conflicts), and leaves an assertion out and withdraws it
    (a withdrawal across the versions)."""
    port = cm.loads((EXAMPLES / "san-telmo-port.json").read_bytes())
    kept, dropped, changed = port.assertions[:-2], port.assertions[-2], port.assertions[-1]
    relation = cm.Relation(
        id="r1", kind=cm.RelationKind.SUPPORTS, subject=kept[0].id, object=kept[1].id
    )
    first = attrs.evolve(port, id="port-v", relations=(*port.relations, relation))
    second = attrs.evolve(
        first,
        assertions=(
            *kept,
            attrs.evolve(changed, stance=cm.Stance.QUESTIONS),
            attrs.evolve(dropped, id="withdrawn", retracts=dropped.id, date=None),
        ),
        verdicts=tuple(attrs.evolve(v, explanation="Changed.") for v in port.verdicts),
        relations=(*port.relations, attrs.evolve(relation, kind=cm.RelationKind.CONTRADICTS)),
    )
    return first, second


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

    @pytest.mark.parametrize("form", ["text", "json", "html"])
    def test_a_record_on_two_lines_apart(
        self, tmp_path: Path, corpus: list[Path], form: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        first, second = _versions()
        second = attrs.evolve(second, assertions=second.assertions[:-1])  # valid alone
        path = tmp_path / "versions.jsonl"
        dump_lines([first, *(b for _, b in _lines(corpus[:1])), second], path)
        named = _lines([path])
        title = f"{len(named)} bundles: {path}"
        if form == "html":
            expected, conflicts = _expected_page(named, title)
        else:
            expected, conflicts = _expected_report(named, title, form)
        assert 0 == main(["report", "--format", form, str(path)])
        out, err = capsys.readouterr()
        assert expected == out
        assert sorted(conflicts) == sorted(err.splitlines())  # the versions' last
        assert any(": conflict: verdict port-v/" in line for line in conflicts)
        dump_lines([first, second], path)  # what only the versions' assertions tell apart
        assert 1 == main(["report", "--strict", "--format", form, str(path)])
        assert capsys.readouterr().err.startswith("cannot merge: assertion port-v/")

    def test_a_record_on_two_lines_and_an_invalid_one(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = tmp_path / "versions.jsonl"
        dump_lines(_versions(), path)  # the second withdraws what it does not hold
        assert 1 == main(["report", str(path)])
        err = capsys.readouterr().err
        assert f"{path}:2" in err
        assert "changed" not in err

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


def _person(source_id: str, *, tz: dt.timezone | None = None, note: int | float = 1) -> cm.Person:
    """A person as each record decodes it: every value a copy of its own."""
    start = cm.PartialDate(year=2020, month=1, day=1, hour=9, tz=tz)
    return cm.Person(
        id=source_id,
        name="".join(["Person ", "7"]),
        identifiers=(cm.Identifier(scheme=cm.IdentifierScheme.WIKIDATA, value="Q" + "1007"),),
        affiliations=(
            cm.Affiliation(kind=cm.AffiliationKind.EMPLOYED_BY, target="".join(["s", "2"])),
            cm.Affiliation(kind=cm.AffiliationKind.MEMBER_OF, target="s3", start=start),
            cm.Affiliation(
                kind=cm.AffiliationKind.PART_OF, target="s4", extensions={"x_note": note}
            ),
        ),
    )


class TestShared:
    """The registry keeps one copy of what the records' sources and claims repeat."""

    def test_equal_values_are_kept_once(self) -> None:
        shared = Shared()
        first, second = shared.item(_person("s1")), shared.item(_person("s5"))
        assert (first, second) == (_person("s1"), _person("s5"))
        assert first.name is second.name
        assert first.identifiers is second.identifiers
        assert first.affiliations[0] is second.affiliations[0]
        assert first.affiliations[1] is second.affiliations[1]

    def test_values_equal_but_written_apart_are_not(self) -> None:
        shared = Shared()
        named = dt.timezone(dt.timedelta(hours=1), "CET")
        first = shared.item(_person("s1", tz=dt.timezone(dt.timedelta(hours=1))))
        second = shared.item(_person("s1", tz=named, note=1.0))
        assert first.affiliations[1] == second.affiliations[1]  # one offset, named or not
        assert first.affiliations[1] is not second.affiliations[1]
        assert first.affiliations[2] is not second.affiliations[2]
        assert second.affiliations[1].start is not None
        assert second.affiliations[1].start.tz is named
        assert second.affiliations[2].extensions["x_note"] == 1.0
        assert type(second.affiliations[2].extensions["x_note"]) is float


class TestSpill:
    """The second pass keeps each claim's contributions in a temporary file of its own."""

    def test_the_file_is_removed_when_done_or_abandoned(
        self, corpus: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        named = _lines(corpus[:2])
        registry = registry_of(named)
        assert registry is not None
        folder = tmp_path / "spill"
        folder.mkdir()
        monkeypatch.setattr(tempfile, "tempdir", str(folder))
        found = analyses(registry, named)
        next(found)
        assert [p.name for p in folder.iterdir() for _ in p.iterdir()]  # the file, written
        found.close()
        assert not list(folder.iterdir())
        assert len(list(analyses(registry, named))) == len(registry.order)
        assert not list(folder.iterdir())


def _expected_page(named: Named, title: str | None) -> tuple[str, list[str]]:
    merged = _merged(named)
    conflicts = [f"claimmodel report: conflict: {c}" for c in merged.conflicts]
    page = render_html(merged.bundle, cm.analyze(merged.bundle), title=title)
    return page, conflicts


def _told_twice() -> list[cm.Bundle]:
    """The article's record twice, under two ids, each naming the article by its address:
    the first without the article's words, which the second gives (the merged document
    takes them from it, and the page quotes them)."""
    kursk = cm.loads((EXAMPLES / "kursk-monument.json").read_bytes())
    address = cm.Identifier(scheme=cm.IdentifierScheme.URL, value="https://example.org/kursk")

    def told(bundle_id: str, *, words: bool) -> cm.Bundle:
        sources = tuple(
            attrs.evolve(
                s,
                identifiers=(address,),
                text=s.text if words else None,
            )
            if isinstance(s, cm.Document) and s.id == kursk.document
            else s
            for s in kursk.sources
        )
        # The quotes are left to the spans, which the page cuts from the document's words.
        assertions = tuple(
            attrs.evolve(
                a,
                evidence=tuple(
                    attrs.evolve(e, quote=None) if e.span is not None else e for e in a.evidence
                ),
            )
            for a in kursk.assertions
        )
        return attrs.evolve(kursk, id=bundle_id, sources=sources, assertions=assertions)

    return [told("kursk-a", words=False), told("kursk-b", words=True)]


class TestReportPage:
    """`claimmodel report --format html` writes, a claim at a time, the page of the merge."""

    def test_same_page(self, corpus: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
        named = _lines(corpus)
        title = f"{len(named)} bundles: " + ", ".join(str(p) for p in corpus)
        expected, conflicts = _expected_page(named, title)
        assert 0 == main(["report", "--format", "html", *map(str, corpus)])
        out, err = capsys.readouterr()
        assert expected == out
        assert conflicts == err.splitlines()
        assert '<nav aria-label="Claims">' in out

    def test_the_document_quoted_is_the_merged_one(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = tmp_path / "told.jsonl"
        dump_lines(_told_twice(), path)
        named = _lines([path])
        assert _merged(named).bundle.document_source is not None
        expected, _ = _expected_page(named, f"2 bundles: {path}")
        assert 0 == main(["report", "--format", "html", "-o", str(tmp_path / "p.html"), str(path)])
        written = (tmp_path / "p.html").read_text(encoding="utf-8")
        assert expected == written
        assert "<blockquote>" in written

    @pytest.mark.parametrize("name", ["kursk-monument.json", "san-telmo-port.json"])
    def test_one_record(self, name: str, capsys: pytest.CaptureFixture[str]) -> None:
        path = EXAMPLES / name
        bundle = cm.loads(path.read_bytes())
        assert 0 == main(["report", "--format", "html", str(path)])
        assert render_html(bundle) == capsys.readouterr().out
