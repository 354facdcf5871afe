"""Bundles as Apache Arrow tables and Parquet files (the ``arrow`` extra, on pyarrow).

A corpus becomes five tables, each row carrying the position of its bundle in the
corpus (``bundle_index``) and the bundle's id: ``assertions`` (one row per
assertion, the table for analysis), ``sources``, ``claims``, ``relations`` and
``bundles`` (one row per bundle, those without assertions included).  Every row
also holds its item's wire JSON, so :func:`from_arrow` gives back exactly the
bundles that were written, whatever the structured columns leave out.  The
layout is in ``docs/corpus.md``; each schema carries the format version in its
metadata (``claimmodel.format``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import attrs

try:
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq
except ImportError as error:  # pragma: no cover  (tested in a subprocess)
    raise ImportError(
        "claimmodel.interop.arrow needs pyarrow, which is an optional extra; "
        "install it with: pip install 'claimmodel[arrow]'"
    ) from error

from claimmodel.exceptions import DecodeError, InvalidValueError
from claimmodel.format import FORMAT_VERSION, Limits, loads, to_data
from claimmodel.format._limits import DEFAULT_LIMITS
from claimmodel.model import Assertion, Bundle, Claim, PartialDate, Relation, Source

__all__ = [
    "SCHEMAS",
    "TABLES",
    "Batches",
    "Opener",
    "Tables",
    "from_arrow",
    "iter_batches",
    "iter_parquet",
    "parquet_row_groups",
    "read_parquet",
    "to_arrow",
    "to_tables",
    "write_parquet",
]

TABLES = ("bundles", "sources", "claims", "assertions", "relations")
"""The tables of a corpus, in the order they are written."""

_ITEMS = ("sources", "claims", "assertions", "relations")
_INSTANT = pa.timestamp("us", tz="UTC")

_LINK = pa.struct(
    [
        ("source", pa.string()),
        ("channel", pa.string()),
        ("date", pa.string()),
        ("cue", pa.string()),
    ]
)
_HEDGE = pa.struct(
    [
        ("cue", pa.string()),
        ("category", pa.string()),
        ("scope", pa.string()),
        ("voiced_by", pa.string()),
        ("span_start", pa.int64()),
        ("span_end", pa.int64()),
    ]
)
_IDENTIFIER = pa.struct([("scheme", pa.string()), ("value", pa.string())])
_WHERE = [
    ("bundle_index", pa.int64()),
    ("bundle", pa.string()),
    ("position", pa.int64()),
]


def _schema(table: str, fields: list[tuple[str, pa.DataType]]) -> pa.Schema:
    metadata = {"claimmodel.format": FORMAT_VERSION, "claimmodel.table": table}
    return pa.schema(fields, metadata=metadata)


SCHEMAS: dict[str, pa.Schema] = {
    "bundles": _schema(
        "bundles",
        [
            ("bundle_index", pa.int64()),
            ("bundle", pa.string()),
            ("title", pa.string()),
            ("published", pa.string()),
            ("document", pa.string()),
            ("language", pa.string()),
            ("sources", pa.int64()),
            ("claims", pa.int64()),
            ("assertions", pa.int64()),
            ("relations", pa.int64()),
            ("json", pa.string()),
        ],
    ),
    "sources": _schema(
        "sources",
        [
            *_WHERE,
            ("source", pa.string()),
            ("kind", pa.string()),
            ("name", pa.string()),
            ("aliases", pa.list_(pa.string())),
            ("identifiers", pa.list_(_IDENTIFIER)),
            ("description", pa.string()),
            ("json", pa.string()),
        ],
    ),
    "claims": _schema(
        "claims",
        [
            *_WHERE,
            ("claim", pa.string()),
            ("derived_id", pa.string()),
            ("text", pa.string()),
            ("subject", pa.string()),
            ("predicate", pa.string()),
            ("object", pa.string()),
            ("polarity", pa.string()),
            ("language", pa.string()),
            ("parties", pa.list_(pa.string())),
            ("json", pa.string()),
        ],
    ),
    "assertions": _schema(
        "assertions",
        [
            *_WHERE,
            ("assertion", pa.string()),
            ("claim", pa.string()),
            ("claim_text", pa.string()),
            ("claim_language", pa.string()),
            ("claim_polarity", pa.string()),
            ("stance", pa.string()),
            ("speaker", pa.string()),
            ("speaker_kind", pa.string()),
            ("speaker_name", pa.string()),
            ("cue", pa.string()),
            ("chain", pa.list_(_LINK)),
            ("scale", pa.string()),
            ("level", pa.string()),
            ("probability_low", pa.float64()),
            ("probability_high", pa.float64()),
            ("assessor", pa.string()),
            ("date", pa.string()),
            ("date_earliest", _INSTANT),
            ("date_latest", _INSTANT),
            ("hedges", pa.list_(_HEDGE)),
            ("json", pa.string()),
        ],
    ),
    "relations": _schema(
        "relations",
        [
            *_WHERE,
            ("relation", pa.string()),
            ("kind", pa.string()),
            ("subject", pa.string()),
            ("object", pa.string()),
            ("json", pa.string()),
        ],
    ),
}
"""The schema of each table, by name."""


@attrs.frozen(kw_only=True)
class Tables:
    """A corpus as five Arrow tables (see the module's description)."""

    bundles: pa.Table
    sources: pa.Table
    claims: pa.Table
    assertions: pa.Table
    relations: pa.Table

    def __getitem__(self, name: str) -> pa.Table:
        if name not in TABLES:
            raise KeyError(name)
        table: pa.Table = getattr(self, name)
        return table


@attrs.frozen(kw_only=True)
class Batches:
    """One record batch of each table, holding every row of the same bundles."""

    bundles: pa.RecordBatch
    sources: pa.RecordBatch
    claims: pa.RecordBatch
    assertions: pa.RecordBatch
    relations: pa.RecordBatch

    def __getitem__(self, name: str) -> pa.RecordBatch:
        if name not in TABLES:
            raise KeyError(name)
        batch: pa.RecordBatch = getattr(self, name)
        return batch


# -- writing rows ---------------------------------------------------------------------


# One encoder for every cell: json.dumps with options builds a new one per call.
_text = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode


def _date(date: PartialDate | None) -> str | None:
    return None if date is None else date.isoformat()


def _utc(instant: dt.datetime) -> dt.datetime | None:
    # A date without a time zone is read as UTC; an instant that UTC would put
    # outside the years 1 to 9999 has no timestamp (the wire string keeps it).
    if instant.tzinfo is None:
        return instant.replace(tzinfo=dt.UTC)
    try:
        return instant.astimezone(dt.UTC)
    except OverflowError:
        return None


def _assertion_row(bundle: Bundle, assertion: Assertion) -> dict[str, Any]:
    claim = bundle.claim(assertion.claim)
    speaker = bundle.source(assertion.source)
    confidence = assertion.confidence
    probability = confidence.probability
    date = assertion.date
    return {
        "assertion": assertion.id,
        "claim": assertion.claim,
        "claim_text": None if claim is None else claim.text,
        "claim_language": None if claim is None else claim.language,
        "claim_polarity": None if claim is None else claim.polarity.value,
        "stance": assertion.stance.value,
        "speaker": assertion.source,
        "speaker_kind": None if speaker is None else speaker.kind.value,
        "speaker_name": None if speaker is None else speaker.name,
        "cue": assertion.attribution.cue,
        "chain": [
            {
                "source": link.source,
                "channel": link.channel.value,
                "date": _date(link.date),
                "cue": link.cue,
            }
            for link in assertion.attribution.chain
        ],
        "scale": confidence.scale,
        "level": confidence.level,
        "probability_low": None if probability is None else probability.low,
        "probability_high": None if probability is None else probability.high,
        "assessor": confidence.assessor,
        "date": _date(date),
        "date_earliest": None if date is None else _utc(date.earliest()),
        "date_latest": None if date is None else _utc(date.latest()),
        "hedges": [
            {
                "cue": hedge.cue,
                "category": hedge.category.value,
                "scope": hedge.scope,
                "voiced_by": hedge.voiced_by,
                "span_start": None if hedge.span is None else hedge.span.start,
                "span_end": None if hedge.span is None else hedge.span.end,
            }
            for hedge in assertion.hedges
        ],
    }


def _source_row(source: Source) -> dict[str, Any]:
    return {
        "source": source.id,
        "kind": source.kind.value,
        "name": source.name,
        "aliases": list(source.aliases),
        "identifiers": [
            {"scheme": identifier.scheme.value, "value": identifier.value}
            for identifier in source.identifiers
        ],
        "description": source.description,
    }


def _claim_row(claim: Claim) -> dict[str, Any]:
    return {
        "claim": claim.id,
        "derived_id": claim.derived_id,
        "text": claim.text,
        "subject": claim.subject,
        "predicate": claim.predicate,
        "object": claim.object,
        "polarity": claim.polarity.value,
        "language": claim.language,
        "parties": list(claim.parties),
    }


def _relation_row(relation: Relation) -> dict[str, Any]:
    return {
        "relation": relation.id,
        "kind": relation.kind.value,
        "subject": relation.subject,
        "object": relation.object,
    }


def _rows(index: int, bundle: Bundle, rows: dict[str, list[dict[str, Any]]]) -> None:
    """Add ``bundle``'s rows, as the ``index``-th bundle of the corpus, to ``rows``."""
    if not isinstance(bundle, Bundle):
        raise TypeError(f"expected Bundles, got {type(bundle).__name__} at position {index}")
    data = to_data(bundle)
    where = {"bundle_index": index, "bundle": bundle.id}
    items: dict[str, Iterable[dict[str, Any]]] = {
        "sources": (_source_row(s) for s in bundle.sources),
        "claims": (_claim_row(c) for c in bundle.claims),
        "assertions": (_assertion_row(bundle, a) for a in bundle.assertions),
        "relations": (_relation_row(r) for r in bundle.relations),
    }
    for kind, made in items.items():
        table = rows[kind]
        for position, (row, item) in enumerate(zip(made, data.pop(kind), strict=True)):
            table.append({**where, "position": position, **row, "json": _text(item)})
    rows["bundles"].append(
        {
            **where,
            "title": bundle.title,
            "published": _date(bundle.published),
            "document": bundle.document,
            "language": bundle.language,
            "sources": len(bundle.sources),
            "claims": len(bundle.claims),
            "assertions": len(bundle.assertions),
            "relations": len(bundle.relations),
            "json": _text(data),  # the bundle's own keys: the four arrays were taken out
        }
    )


def _batches(rows: dict[str, list[dict[str, Any]]]) -> Batches:
    made = {name: pa.RecordBatch.from_pylist(rows[name], schema=SCHEMAS[name]) for name in TABLES}
    return Batches(**made)


def iter_batches(bundles: Iterable[Bundle], *, batch_size: int = 1000) -> Iterator[Batches]:
    """The corpus as record batches, ``batch_size`` bundles at a time.

    Each :class:`Batches` holds every row of its bundles in all five tables, so a
    consumer can write or process a corpus larger than memory batch by batch.
    """
    if type(batch_size) is not int or batch_size < 1:
        raise InvalidValueError(f"batch_size must be a positive integer, not {batch_size!r}")
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    count = 0
    for index, bundle in enumerate(bundles):
        _rows(index, bundle, rows)
        count += 1
        if count == batch_size:
            yield _batches(rows)
            rows = {name: [] for name in TABLES}
            count = 0
    if count:
        yield _batches(rows)


def to_tables(bundles: Iterable[Bundle]) -> Tables:
    """The corpus as five Arrow tables, in memory."""
    collected: dict[str, list[pa.RecordBatch]] = {name: [] for name in TABLES}
    for batches in iter_batches(bundles):
        for name in TABLES:
            collected[name].append(batches[name])
    return Tables(
        **{name: pa.Table.from_batches(collected[name], schema=SCHEMAS[name]) for name in TABLES}
    )


def to_arrow(bundles: Iterable[Bundle]) -> pa.Table:
    """One row per assertion of ``bundles``: the table to query (see ``docs/corpus.md``).

    Bundles without assertions, and the sources, claims and relations, are in the
    other tables of :func:`to_tables`; :func:`from_arrow` needs all of them.
    """
    return to_tables(bundles).assertions


# -- reading rows ---------------------------------------------------------------------


class _DuplicateKeyError(ValueError):
    pass


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _DuplicateKeyError("an object repeats a key")
    return result


def _parse(text: object, where: str) -> Any:
    if not isinstance(text, str):
        raise DecodeError.single("$", f"{where}: the json cell is not a string")
    try:
        return json.loads(text, object_pairs_hook=_pairs, parse_constant=_not_a_number)
    except (ValueError, RecursionError) as error:
        raise DecodeError.single(
            "$", f"{where}: the json cell is not valid JSON: {error}"
        ) from None


def _not_a_number(name: str) -> Any:
    raise ValueError(f"{name} is not a number")


def _columns(table: pa.Table | pa.RecordBatch, name: str) -> dict[str, list[Any]]:
    missing = [c for c in ("bundle_index", "json") if c not in table.column_names]
    if name != "bundles":
        missing += [c for c in ("position",) if c not in table.column_names]
    if missing:
        raise DecodeError.single(
            "$", f"table {name!r} lacks the column(s) {', '.join(missing)} that from_arrow reads"
        )
    keys = ["bundle_index"] if name == "bundles" else ["bundle_index", "position"]
    order = pc.sort_indices(table, sort_keys=[(key, "ascending") for key in keys])
    ordered = table.take(order)
    result: dict[str, list[Any]] = {
        column: ordered.column(column).to_pylist() for column in [*keys, "json"]
    }
    return result


def _bundles_of(tables: Tables | Batches, limits: Limits) -> Iterator[Bundle]:
    for _, bundle in _indexed_bundles_of(tables, limits):
        yield bundle


def _indexed_bundles_of(tables: Tables | Batches, limits: Limits) -> Iterator[tuple[int, Bundle]]:
    """Each bundle with its ``bundle_index``, in that order."""
    columns = {name: _columns(tables[name], name) for name in TABLES}
    cursors = dict.fromkeys(_ITEMS, 0)
    head = columns["bundles"]
    for row, (index, text) in enumerate(zip(head["bundle_index"], head["json"], strict=True)):
        where = f"table 'bundles', bundle_index {index}"
        if type(index) is not int or (row and index == head["bundle_index"][row - 1]):
            raise DecodeError.single("$", f"{where}: bundle_index is missing or repeated")
        data = _parse(text, where)
        if type(data) is not dict or any(kind in data for kind in _ITEMS):
            raise DecodeError.single(
                "$", f"{where}: the json cell must be an object without {', '.join(_ITEMS)}"
            )
        # The document is put together from the cells' text, each checked to be one JSON
        # value, and decoded as loads decodes a document (the fast engine first).
        parts = [_text(data)[:-1], "," if data else ""]
        for number, kind in enumerate(_ITEMS):
            column = columns[kind]
            cells = []
            start = cursor = cursors[kind]
            while cursor < len(column["json"]) and column["bundle_index"][cursor] == index:
                if column["position"][cursor] != cursor - start:
                    raise DecodeError.single(
                        "$", f"table {kind!r}, bundle_index {index}: positions are not 0, 1, 2, …"
                    )
                cell = column["json"][cursor]
                _parse(cell, f"table {kind!r}, row {cursor}")
                cells.append(cell)
                cursor += 1
            cursors[kind] = cursor
            parts += ["," if number else "", f'"{kind}":[', ",".join(cells), "]"]
        parts.append("}")
        try:
            yield index, loads("".join(parts), limits=limits)
        except DecodeError as error:
            problems = [
                type(p)(path=p.path, message=f"{where}: {p.message}") for p in error.problems
            ]
            raise type(error)(problems) from None
    for kind in _ITEMS:
        if cursors[kind] != len(columns[kind]["json"]):
            orphan = columns[kind]["bundle_index"][cursors[kind]]
            raise DecodeError.single(
                "$", f"table {kind!r} has rows for bundle_index {orphan}, which 'bundles' lacks"
            )


def from_arrow(tables: Tables | Batches, *, limits: Limits = DEFAULT_LIMITS) -> list[Bundle]:
    """The bundles that :func:`to_tables` (or one :class:`Batches`) holds, exactly, in order.

    Rows are read from the ``json`` columns and matched by ``bundle_index`` and
    ``position``, whatever order the tables' rows are in; each bundle is decoded
    as :func:`~claimmodel.loads` decodes a document, with ``limits``.  A table that
    lacks a column, a cell that is not JSON or a row whose bundle is missing
    raises :class:`~claimmodel.exceptions.DecodeError` naming the table and row.
    """
    return list(_bundles_of(tables, limits))


# -- Parquet ---------------------------------------------------------------------------

_FILES = {name: f"{name}.parquet" for name in TABLES}


def write_parquet(
    bundles: Iterable[Bundle],
    folder: str | os.PathLike[str],
    *,
    batch_size: int = 1000,
    compression: str = "zstd",
) -> int:
    """Write the corpus as five Parquet files in ``folder`` (created if need be).

    ``bundles.parquet``, ``sources.parquet``, ``claims.parquet``,
    ``assertions.parquet`` and ``relations.parquet``, written ``batch_size``
    bundles at a time (one row group per batch in every file), so a corpus of any
    size is written in memory bounded by one batch.  Returns the number of
    bundles written.
    """
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    writers = {
        name: pq.ParquetWriter(path / _FILES[name], SCHEMAS[name], compression=compression)
        for name in TABLES
    }
    count = 0
    try:
        for batches in iter_batches(bundles, batch_size=batch_size):
            for name in TABLES:
                writers[name].write_batch(batches[name])
            count += batches.bundles.num_rows
    finally:
        for writer in writers.values():
            writer.close()
    return count


def _index_range(file: pq.ParquetFile, group: int) -> tuple[int, int] | None:
    """The least and greatest bundle_index of a row group (``None``: it has no rows).

    Raises :class:`LookupError` when the file's statistics do not say.
    """
    meta = file.metadata.row_group(group)
    if meta.num_rows == 0:
        return None
    column = meta.column(0)
    statistics = column.statistics
    if column.path_in_schema != "bundle_index" or statistics is None:
        raise LookupError("no statistics")
    if not statistics.has_min_max:
        raise LookupError("no range")
    return (statistics.min, statistics.max)


def _aligned(files: dict[str, pq.ParquetFile]) -> bool:
    """Whether row group *i* of every file holds the rows of the same bundles."""
    count = files["bundles"].num_row_groups
    if any(file.num_row_groups != count for file in files.values()):
        return False
    try:
        for group in range(count):
            span = _index_range(files["bundles"], group)
            for name in _ITEMS:
                inner = _index_range(files[name], group)
                if inner is not None and (
                    span is None or not span[0] <= inner[0] <= inner[1] <= span[1]
                ):
                    return False
    except LookupError:
        return False
    return True


Opener = Callable[[str], IO[bytes]]
"""Opens one of a Parquet corpus's files by its name (``"bundles.parquet"`` …) for reading
bytes: a local folder's by default, or a store's (fsspec, say)."""


def _local(folder: str | os.PathLike[str]) -> Opener:
    path = Path(folder)

    def opener(name: str) -> IO[bytes]:
        return (path / name).open("rb")

    return opener


@contextlib.contextmanager
def _parquet_files(opener: Opener) -> Iterator[dict[str, pq.ParquetFile]]:
    opened: list[IO[bytes]] = []
    try:
        files = {}
        for name in TABLES:
            opened.append(opener(_FILES[name]))
            files[name] = pq.ParquetFile(opened[-1])
        yield files
    finally:
        for file in opened:
            file.close()


def parquet_row_groups(
    folder: str | os.PathLike[str] | None = None, *, opener: Opener | None = None
) -> int | None:
    """How many row groups the Parquet corpus in ``folder`` (or what ``opener`` opens) has,
    when row group *i* of every file holds the rows of the same bundles, as
    :func:`write_parquet` writes them; ``None`` when they do not line up (files rewritten
    by another tool), and the corpus can only be read whole."""
    with _parquet_files(opener or _local(_folder(folder))) as files:
        return files["bundles"].num_row_groups if _aligned(files) else None


def _folder(folder: str | os.PathLike[str] | None) -> str | os.PathLike[str]:
    if folder is None:
        raise InvalidValueError("give the corpus's folder, or an opener for its files")
    return folder


def iter_parquet(
    folder: str | os.PathLike[str] | None = None,
    *,
    row_group: int | None = None,
    opener: Opener | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Iterator[tuple[int, Bundle]]:
    """The bundles of a Parquet corpus, each with its ``bundle_index`` (its position in the
    corpus as written), in that order: every one, or those of one ``row_group`` (of
    files whose row groups line up: see :func:`parquet_row_groups`).

    ``opener`` opens the corpus's files in place of ``folder``'s (a store read through
    fsspec, say).  A bundle that does not decode raises
    :class:`~claimmodel.exceptions.DecodeError` naming its table and ``bundle_index``.
    """
    with _parquet_files(opener or _local(_folder(folder))) as files:
        if row_group is not None:
            read = {name: files[name].read_row_group(row_group) for name in TABLES}
            yield from _indexed_bundles_of(Tables(**read), limits)
        elif _aligned(files):
            for group in range(files["bundles"].num_row_groups):
                read = {name: files[name].read_row_group(group) for name in TABLES}
                yield from _indexed_bundles_of(Tables(**read), limits)
        else:
            whole = {name: file.read() for name, file in files.items()}
            yield from _indexed_bundles_of(Tables(**whole), limits)


def read_parquet(
    folder: str | os.PathLike[str], *, limits: Limits = DEFAULT_LIMITS
) -> Iterator[Bundle]:
    """The bundles of a corpus that :func:`write_parquet` wrote, in order.

    Files written by :func:`write_parquet` are read one row group at a time, so
    memory stays bounded by one batch; files rewritten by other tools (whose row
    groups no longer line up) are read whole.
    """
    for _, bundle in iter_parquet(folder, limits=limits):
        yield bundle
