"""Arrow tables and Parquet files: exact round trips, and columns that mean what they say."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimmodel as cm
from claimmodel.strategies import bundles

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
arrow = pytest.importorskip("claimmodel.interop.arrow")

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "kursk-monument.json"


def _example() -> cm.Bundle:
    with EXAMPLE.open("rb") as file:
        return cm.load(file)


def _utc(date: cm.PartialDate | None, latest: bool) -> dt.datetime | None:
    if date is None:
        return None
    instant = date.latest() if latest else date.earliest()
    if instant.tzinfo is None:
        return instant.replace(tzinfo=dt.UTC)
    try:
        return instant.astimezone(dt.UTC)
    except OverflowError:  # before year 1 or after 9999 in UTC: no timestamp
        return None


def _expected_row(
    bundle: cm.Bundle, index: int, position: int, a: cm.Assertion
) -> dict[str, object]:
    claim = bundle.claim(a.claim)
    speaker = bundle.source(a.source)
    probability = a.confidence.probability
    return {
        "bundle_index": index,
        "bundle": bundle.id,
        "position": position,
        "assertion": a.id,
        "claim": a.claim,
        "claim_text": claim.text if claim else None,
        "claim_language": claim.language if claim else None,
        "claim_polarity": claim.polarity.value if claim else None,
        "stance": a.stance.value,
        "speaker": a.attribution.source,
        "speaker_kind": speaker.kind.value if speaker else None,
        "speaker_name": speaker.name if speaker else None,
        "cue": a.attribution.cue,
        "chain": [
            {
                "source": link.source,
                "channel": link.channel.value,
                "date": None if link.date is None else str(link.date),
                "cue": link.cue,
            }
            for link in a.attribution.chain
        ],
        "scale": a.confidence.scale,
        "level": a.confidence.level,
        "probability_low": probability.low if probability else None,
        "probability_high": probability.high if probability else None,
        "assessor": a.confidence.assessor,
        "date": None if a.date is None else str(a.date),
        "date_earliest": _utc(a.date, latest=False),
        "date_latest": _utc(a.date, latest=True),
        "hedges": [
            {
                "cue": h.cue,
                "category": h.category.value,
                "scope": h.scope,
                "voiced_by": h.voiced_by,
                "span_start": h.span.start if h.span else None,
                "span_end": h.span.end if h.span else None,
            }
            for h in a.hedges
        ],
    }


class TestRoundTrip:
    """from_arrow gives back exactly the bundles to_tables was given, in order."""

    @given(st.lists(bundles(), max_size=4))
    def test_generated_corpora(self, corpus: list[cm.Bundle]) -> None:
        assert corpus == arrow.from_arrow(arrow.to_tables(corpus))

    def test_example_and_an_empty_bundle(self) -> None:
        corpus = [_example(), cm.Bundle(), cm.Bundle(id="empty", title="Nothing yet")]
        tables = arrow.to_tables(corpus)
        assert [len(corpus[0].assertions), 0, 0] == tables.bundles.column("assertions").to_pylist()
        assert corpus == arrow.from_arrow(tables)

    def test_rows_in_any_order(self) -> None:
        corpus = [_example(), cm.Bundle(id="b"), _example()]
        tables = arrow.to_tables(corpus)
        shuffled = {
            name: tables[name].take(list(range(tables[name].num_rows))[::-1])
            for name in arrow.TABLES
        }
        assert corpus == arrow.from_arrow(arrow.Tables(**shuffled))

    def test_batches_hold_whole_bundles(self) -> None:
        corpus = [_example(), cm.Bundle(id="b"), _example()]
        batches = list(arrow.iter_batches(corpus, batch_size=2))
        assert [2, 1] == [b.bundles.num_rows for b in batches]
        assert corpus == [bundle for b in batches for bundle in arrow.from_arrow(b)]
        assert [2] == batches[1].assertions.column("bundle_index").unique().to_pylist()

    def test_to_arrow_is_the_assertions_table(self) -> None:
        table = arrow.to_arrow([_example()])
        assert arrow.SCHEMAS["assertions"] == table.schema
        assert len(_example().assertions) == table.num_rows

    @pytest.mark.parametrize("size", [0, -1, 1.5])
    def test_batch_size_must_be_positive(self, size: object) -> None:
        with pytest.raises(cm.exceptions.InvalidValueError, match="batch_size"):
            next(arrow.iter_batches([], batch_size=size))

    def test_only_bundles(self) -> None:
        with pytest.raises(TypeError, match="expected Bundles, got dict at position 0"):
            arrow.to_tables([{}])


class TestColumns:
    """Every structured column holds the model's value, so the JSON column hides nothing."""

    @given(st.lists(bundles(), min_size=1, max_size=3))
    def test_assertion_rows(self, corpus: list[cm.Bundle]) -> None:
        table = arrow.to_arrow(corpus)
        expected = [
            _expected_row(bundle, index, position, a)
            for index, bundle in enumerate(corpus)
            for position, a in enumerate(bundle.assertions)
        ]
        actual = [{k: v for k, v in row.items() if k != "json"} for row in table.to_pylist()]
        assert expected == actual

    @given(bundles())
    def test_source_claim_and_relation_rows(self, bundle: cm.Bundle) -> None:
        tables = arrow.to_tables([bundle])
        assert [
            (
                s.id,
                s.kind.value,
                s.name,
                list(s.aliases),
                [{"scheme": i.scheme.value, "value": i.value} for i in s.identifiers],
                s.description,
            )
            for s in bundle.sources
        ] == [
            (r["source"], r["kind"], r["name"], r["aliases"], r["identifiers"], r["description"])
            for r in tables.sources.to_pylist()
        ]
        assert [
            (
                c.id,
                c.derived_id,
                c.text,
                c.subject,
                c.predicate,
                c.object,
                c.polarity.value,
                c.language,
                list(c.parties),
            )
            for c in bundle.claims
        ] == [
            tuple(
                r[k]
                for k in (
                    "claim",
                    "derived_id",
                    "text",
                    "subject",
                    "predicate",
                    "object",
                    "polarity",
                    "language",
                    "parties",
                )
            )
            for r in tables.claims.to_pylist()
        ]
        assert [(r.id, r.kind.value, r.subject, r.object) for r in bundle.relations] == [
            (r["relation"], r["kind"], r["subject"], r["object"])
            for r in tables.relations.to_pylist()
        ]
        (head,) = tables.bundles.to_pylist()
        published = None if bundle.published is None else str(bundle.published)
        assert (bundle.id, bundle.title, published, bundle.document, bundle.language) == (
            head["bundle"],
            head["title"],
            head["published"],
            head["document"],
            head["language"],
        )

    def test_json_cells_are_the_wire_items(self) -> None:
        bundle = _example()
        data = cm.to_data(bundle)
        tables = arrow.to_tables([bundle])
        for kind in ("sources", "claims", "assertions", "relations"):
            assert data[kind] == [json.loads(t) for t in tables[kind].column("json").to_pylist()]

    def test_an_instant_utc_cannot_hold(self) -> None:
        tz = dt.timezone(dt.timedelta(hours=5))
        early = cm.PartialDate(year=1, month=1, day=1, hour=1, tz=tz)
        bundle = cm.Bundle(
            sources=(cm.Person(id="p"),),
            assertions=(
                cm.Assertion(
                    id="a",
                    claim="c",
                    attribution=cm.Attribution(source="p"),
                    confidence=cm.Confidence(scale="icd203", level="likely"),
                    date=early,
                ),
            ),
        )
        (row,) = arrow.to_arrow([bundle]).to_pylist()
        assert ("0001-01-01T01+05:00", None) == (row["date"], row["date_earliest"])
        assert [bundle] == arrow.from_arrow(arrow.to_tables([bundle]))

    def test_schemas_carry_the_format_version(self) -> None:
        for name, schema in arrow.SCHEMAS.items():
            assert cm.FORMAT_VERSION.encode() == schema.metadata[b"claimmodel.format"]
            assert name.encode() == schema.metadata[b"claimmodel.table"]


class TestBadTables:
    """Tables that cannot be bundles raise a DecodeError naming the table and the row."""

    def _tables(self) -> dict[str, Any]:
        tables = arrow.to_tables([_example(), cm.Bundle(id="b")])
        return {name: tables[name] for name in arrow.TABLES}

    def _fails(self, tables: dict[str, Any], match: str) -> None:
        with pytest.raises(cm.DecodeError, match=match):
            arrow.from_arrow(arrow.Tables(**tables))

    def test_a_missing_column(self) -> None:
        tables = self._tables()
        tables["claims"] = tables["claims"].drop_columns(["position"])
        self._fails(tables, "table 'claims' lacks the column")

    def test_a_cell_that_is_not_json(self) -> None:
        tables = self._tables()
        column = tables["claims"].column_names.index("json")
        cells = tables["claims"].column("json").to_pylist()
        cells[1] = "{oops"
        tables["claims"] = tables["claims"].set_column(column, "json", pa.array(cells))
        self._fails(tables, r"table 'claims', row 1: the json cell is not valid JSON")

    def test_a_cell_cannot_smuggle_a_second_item(self) -> None:
        tables = self._tables()
        column = tables["claims"].column_names.index("json")
        cells = tables["claims"].column("json").to_pylist()
        cells[0] = cells[0] + ',{"id":"extra","text":"Smuggled"}'
        tables["claims"] = tables["claims"].set_column(column, "json", pa.array(cells))
        self._fails(tables, r"table 'claims', row 0: the json cell is not valid JSON")

    def test_a_repeated_key_in_a_cell(self) -> None:
        tables = self._tables()
        column = tables["bundles"].column_names.index("json")
        cells = tables["bundles"].column("json").to_pylist()
        cells[1] = '{"format":"claimmodel/1.0","id":"b","id":"c"}'
        tables["bundles"] = tables["bundles"].set_column(column, "json", pa.array(cells))
        self._fails(tables, "repeats a key")

    def test_a_bundle_cell_with_items(self) -> None:
        tables = self._tables()
        column = tables["bundles"].column_names.index("json")
        cells = tables["bundles"].column("json").to_pylist()
        cells[1] = '{"format":"claimmodel/1.0","claims":[]}'
        tables["bundles"] = tables["bundles"].set_column(column, "json", pa.array(cells))
        self._fails(tables, "must be an object without")

    def test_rows_of_a_missing_bundle(self) -> None:
        tables = self._tables()
        tables["bundles"] = tables["bundles"].slice(1)
        self._fails(tables, "has rows for bundle_index 0, which 'bundles' lacks")

    def test_a_repeated_bundle(self) -> None:
        tables = self._tables()
        tables["bundles"] = pa.concat_tables([tables["bundles"], tables["bundles"].slice(1)])
        self._fails(tables, "bundle_index is missing or repeated")

    def test_a_gap_in_positions(self) -> None:
        tables = self._tables()
        tables["claims"] = tables["claims"].slice(1)
        self._fails(tables, "positions are not 0, 1, 2")

    def test_an_invalid_item(self) -> None:
        tables = self._tables()
        column = tables["claims"].column_names.index("json")
        cells = tables["claims"].column("json").to_pylist()
        cells[0] = '{"id":"c"}'
        tables["claims"] = tables["claims"].set_column(column, "json", pa.array(cells))
        with pytest.raises(cm.DecodeError) as caught:
            arrow.from_arrow(arrow.Tables(**tables))
        (problem,) = caught.value.problems
        assert "$.claims[0].text" == problem.path
        assert problem.message.startswith("table 'bundles', bundle_index 0: ")


class TestParquet:
    """write_parquet and read_parquet keep a corpus exactly, batch by batch."""

    def test_round_trip_in_row_groups(self, tmp_path: Path) -> None:
        corpus = [_example(), cm.Bundle(id="b"), _example(), cm.Bundle()]
        assert 4 == arrow.write_parquet(iter(corpus), tmp_path / "out", batch_size=3)
        files = {p.name for p in (tmp_path / "out").iterdir()}
        assert {f"{name}.parquet" for name in arrow.TABLES} == files
        assert 2 == pq.ParquetFile(tmp_path / "out" / "assertions.parquet").num_row_groups
        assert corpus == list(arrow.read_parquet(tmp_path / "out"))
        schema = pq.read_schema(tmp_path / "out" / "assertions.parquet")
        assert cm.FORMAT_VERSION.encode() == schema.metadata[b"claimmodel.format"]

    def test_files_rewritten_by_other_tools(self, tmp_path: Path) -> None:
        corpus = [_example(), cm.Bundle(id="b"), _example()]
        arrow.write_parquet(corpus, tmp_path, batch_size=1)
        # Rewritten with other row groups: no longer aligned, so read whole.
        table = pq.read_table(tmp_path / "assertions.parquet")
        pq.write_table(table, tmp_path / "assertions.parquet", row_group_size=4)
        assert corpus == list(arrow.read_parquet(tmp_path))
        # Rewritten in one row group each: aligned again.
        for name in arrow.TABLES:
            pq.write_table(
                pq.read_table(tmp_path / f"{name}.parquet"), tmp_path / f"{name}.parquet"
            )
        assert corpus == list(arrow.read_parquet(tmp_path))

    def test_files_without_statistics(self, tmp_path: Path) -> None:
        corpus = [_example(), cm.Bundle(id="b")]
        arrow.write_parquet(corpus, tmp_path, batch_size=1)
        for name in arrow.TABLES:
            table = pq.read_table(tmp_path / f"{name}.parquet")
            pq.write_table(
                table, tmp_path / f"{name}.parquet", row_group_size=1, write_statistics=False
            )
        assert corpus == list(arrow.read_parquet(tmp_path))

    def test_an_empty_corpus(self, tmp_path: Path) -> None:
        assert 0 == arrow.write_parquet([], tmp_path)
        assert [] == list(arrow.read_parquet(tmp_path))


duckdb = pytest.importorskip("duckdb")

_PER_CLAIM = """
WITH relays AS (
    SELECT claim, count(DISTINCT link.source) AS relays
    FROM (SELECT claim, unnest(chain) AS link FROM '{folder}/assertions.parquet')
    GROUP BY claim
), hedges AS (
    SELECT claim, count(*) AS hedges
    FROM (SELECT claim, unnest(hedges) AS hedge FROM '{folder}/assertions.parquet')
    GROUP BY claim
)
SELECT a.claim,
       count(*) AS assertions,
       count(DISTINCT a.speaker) AS sources,
       coalesce(any_value(r.relays), 0) AS relays,
       coalesce(any_value(h.hedges), 0) AS hedges
FROM '{folder}/assertions.parquet' AS a
LEFT JOIN relays AS r USING (claim)
LEFT JOIN hedges AS h USING (claim)
GROUP BY a.claim
ORDER BY a.claim
"""


class TestDuckDB:
    """DuckDB's per-claim counts over the Parquet equal analyze's."""

    def _check(self, bundle: cm.Bundle, folder: Path) -> None:
        arrow.write_parquet([bundle], folder)
        rows = duckdb.sql(_PER_CLAIM.format(folder=folder)).fetchall()
        # The query counts each claim under its own id: the analysis of the same bundle
        # without the relations that declare claims the same, which it counts as one.
        apart = attrs.evolve(
            bundle,
            relations=tuple(r for r in bundle.relations if not r.kind.declares_same_claim),
        )
        expected = sorted(
            (c.claim, len(c.assertions), len(c.sources), len(c.relays), len(c.hedges))
            for c in cm.analyze(apart).values()
            if c.assertions
        )
        assert expected == rows

    def test_the_example(self, tmp_path: Path) -> None:
        self._check(_example(), tmp_path)

    @settings(max_examples=10)
    @given(bundles())
    def test_generated_bundles(self, bundle: cm.Bundle) -> None:
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            self._check(bundle, Path(folder))


class TestWithoutPyarrow:
    """Without the extra, importing the module says which extra to install."""

    def test_import_error_names_the_extra(self) -> None:
        code = (
            "import sys; sys.modules['pyarrow'] = None\n"
            "try:\n    import claimmodel.interop.arrow\n"
            "except ImportError as e:\n    print(e)\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert "pip install 'claimmodel[arrow]'" in done.stdout
