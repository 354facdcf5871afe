"""Corpora on Dask (the ``dask`` extra): read, validate and corroborate a corpus in parallel.

The same code runs on the processes of one machine and on a cluster: give
:func:`dask.distributed.Client` a scheduler's address and the corpus a location
every worker can read (a shared file system, or ``s3://``, ``gs://`` … through
fsspec).  A :class:`Corpus` is a list of JSON Lines files cut into byte ranges
that end at line ends (compressed files are read whole); every line keeps its
file and number.

:func:`validate_corpus` validates every bundle where it is read.
:func:`corroborate` computes, per claim, what :func:`~claimmodel.analyze` of
:func:`~claimmodel.corpus.merge_corpus` of the whole corpus computes, in three
steps over the partitions:

1. *The registry* (one task, on one worker): every bundle's sources, claims and
   the relations that declare claims the same are merged by
   :func:`~claimmodel.corpus.merge_corpus` — identity across documents, the
   dependency closure of dated affiliations, which claims are one — and each
   partition sends the ids of its assertions, hashed to buckets whose tasks find
   the ids more than one record uses (those are namespaced, as the merge does).
   The registry holds every source and claim of the corpus, not its assertions.
2. *The map*: each partition, read again, renames its bundles' assertions as the
   merge would and sends each to the bucket of its claim, with what withdraws it.
3. *The reduce*: each bucket analyses its claims with the registry, by the same
   function :func:`~claimmodel.analyze` calls for each claim.

Memory per worker is bounded by a partition (a byte range of ``blocksize``) and,
for the registry's worker, by the corpus's sources and claims
(``docs/corpus.md`` gives the figures).
"""

from __future__ import annotations

import io
import os
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from operator import itemgetter
from typing import Any

import attrs

try:
    import dask.bag as db
    import fsspec
    from dask.base import compute
    from dask.delayed import Delayed, delayed
    from fsspec.utils import infer_compression, read_block
except ImportError as error:  # pragma: no cover  (tested in a subprocess)
    raise ImportError(
        "claimmodel.corpus.dask needs dask, which is an optional extra; "
        "install it with: pip install 'claimmodel[dask]'"
    ) from error

from claimmodel.analysis._analyze import Analysis, ClaimAnalysis
from claimmodel.analysis._figures import FigureConflict
from claimmodel.analysis._verdicts import FactCheck
from claimmodel.corpus._corroborate import (
    IdCount,
    Registry,
    Skeleton,
    Withdrawal,
    claim_analysis,
    contributions,
    record_ids,
    shared_ids,
    skeleton,
)
from claimmodel.corpus._jsonl import CorpusLine, iter_lines
from claimmodel.corpus._keep import for_corroboration
from claimmodel.corpus._merge import Conflict
from claimmodel.exceptions import InvalidValueError
from claimmodel.format import Limits
from claimmodel.format._limits import DEFAULT_LIMITS
from claimmodel.model import Assertion, Bundle, FrozenMap, Scale
from claimmodel.validation import Severity, validate

__all__ = [
    "Corpus",
    "Corroboration",
    "LineFinding",
    "Part",
    "corroborate",
    "validate_corpus",
]

BLOCKSIZE = 32 * 2**20
"""The default size of a partition, in bytes of JSON Lines."""


@attrs.frozen(kw_only=True)
class Part:
    """One partition of a corpus: bytes ``offset`` to ``offset + length`` of the file at
    ``path`` (moved on to the next line ends), or the whole file when ``length`` is ``None``;
    or a row group of a Parquet corpus (``parquet``).

    ``name`` labels its lines (the path as the corpus was given it), ``file`` is the
    file's position in the corpus and ``index`` the part's position in its file.
    """

    path: str
    name: str
    file: int
    index: int
    offset: int = 0
    length: int | None = None
    parquet: bool = False
    """Whether ``path`` is a Parquet corpus's folder (``length`` is then ``None``)."""
    row_group: int | None = None
    """The row group of a Parquet corpus the part is (``None``: the whole folder)."""


@attrs.frozen(kw_only=True)
class LineFinding:
    """A finding on one line of a corpus.

    ``name`` is the file and ``line`` the line's number; ``bundle`` is the bundle's
    id (when it has one).  ``code``, ``severity``, ``path`` and ``message`` are the
    :class:`~claimmodel.Finding`'s; a line that does not decode has ``code`` ``None``,
    severity error and one finding per problem.
    """

    name: str
    line: int
    code: str | None
    severity: Severity
    path: str
    message: str
    bundle: str | None = None

    def __str__(self) -> str:
        code = self.code or "decode"
        return f"{self.name}:{self.line}: {self.path}: {code} {self.severity.value}: {self.message}"


class Corpus:
    """A corpus of JSON Lines files and how it is cut into partitions (see :meth:`json_lines`)."""

    def __init__(
        self,
        parts: Sequence[Part],
        *,
        limits: Limits = DEFAULT_LIMITS,
        storage_options: Mapping[str, Any] | None = None,
    ) -> None:
        self.parts = tuple(parts)
        self.limits = limits
        self.storage_options = dict(storage_options or {})

    def __repr__(self) -> str:
        files = len({part.file for part in self.parts})
        return f"<Corpus: {files} files in {len(self.parts)} parts>"

    @classmethod
    def json_lines(
        cls,
        paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
        *,
        blocksize: int | None = BLOCKSIZE,
        limits: Limits = DEFAULT_LIMITS,
        storage_options: Mapping[str, Any] | None = None,
    ) -> Corpus:
        """The JSON Lines files at ``paths`` (paths, URLs or glob patterns, in order).

        Each file is cut into parts of about ``blocksize`` bytes, ending at line
        ends (``None``: one part per file); a compressed file (``.gz``, ``.bz2``,
        ``.xz``, ``.zst``) is one part.  ``storage_options`` go to fsspec (a remote
        store's credentials, say); ``limits`` apply to each line as to a document.
        """
        if blocksize is not None and (type(blocksize) is not int or blocksize < 1):
            raise InvalidValueError(f"blocksize is a positive number of bytes, not {blocksize!r}")
        given = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
        options = dict(storage_options or {})
        parts: list[Part] = []
        files: list[str] = []
        for given_path in given:
            if not isinstance(given_path, str | os.PathLike):
                raise InvalidValueError(f"paths are strings or path objects, not {given_path!r}")
            text = os.fspath(given_path)
            fs, _, found = fsspec.get_fs_token_paths(text, storage_options=options)
            if not found:
                raise FileNotFoundError(f"no file matches {text!r}")
            for path in found:
                url = path if _is_local(fs) else fs.unstrip_protocol(path)
                name = text if len(found) == 1 and not _has_magic(text) else url
                file = len(files)
                files.append(url)
                size = fs.size(path)
                if blocksize is None or infer_compression(path) is not None:
                    parts.append(Part(path=url, name=name, file=file, index=0))
                    continue
                offsets = range(0, max(size, 1), blocksize)
                parts.extend(
                    Part(path=url, name=name, file=file, index=index, offset=o, length=blocksize)
                    for index, o in enumerate(offsets)
                )
        return cls(parts, limits=limits, storage_options=options)

    @classmethod
    def parquet(
        cls,
        folders: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
        *,
        limits: Limits = DEFAULT_LIMITS,
        storage_options: Mapping[str, Any] | None = None,
    ) -> Corpus:
        """The Parquet corpora in ``folders`` (paths, URLs or glob patterns, in order), each
        a folder as :func:`~claimmodel.interop.arrow.write_parquet` writes it.

        Each row group is a part (every file's row group *i* holds the same bundles); a
        folder whose files another tool rewrote, so that their row groups no longer line
        up, is one part.  A bundle's line is its position in its folder's corpus (its
        ``bundle_index``, counted from 1), so a bundle without an id is named
        ``FOLDER:N``.  Needs the ``arrow`` extra beside ``dask``.
        """
        arrow = _arrow()
        given = [folders] if isinstance(folders, str | os.PathLike) else list(folders)
        options = dict(storage_options or {})
        parts: list[Part] = []
        file = 0
        for given_folder in given:
            if not isinstance(given_folder, str | os.PathLike):
                raise InvalidValueError(
                    f"folders are strings or path objects, not {given_folder!r}"
                )
            text = os.fspath(given_folder)
            fs, _, found = fsspec.get_fs_token_paths(text, storage_options=options)
            if _has_magic(text):  # a pattern: the folders it matches (files are not listed)
                found = sorted(fs.glob(fs._strip_protocol(text)))
            found = [path for path in found if fs.isdir(path)]
            if not found:
                raise FileNotFoundError(f"no folder matches {text!r}")
            for path in found:
                url = path if _is_local(fs) else fs.unstrip_protocol(path)
                name = text if len(found) == 1 and not _has_magic(text) else url
                groups = arrow.parquet_row_groups(opener=_opener(url, options))
                if groups is None:
                    parts.append(Part(path=url, name=name, file=file, index=0, parquet=True))
                else:
                    parts.extend(
                        Part(path=url, name=name, file=file, index=g, parquet=True, row_group=g)
                        for g in range(groups)
                    )
                file += 1
        return cls(parts, limits=limits, storage_options=options)

    # -- reading -----------------------------------------------------------------------

    def _parts(self) -> db.Bag:
        """A bag with one part in each partition."""
        bag: db.Bag = db.from_sequence(self.parts, partition_size=1)
        return bag

    def _first_lines(self) -> Delayed:
        """The number of each part's first line, by (file, index): one more than the lines of
        the parts before it in its file, counted by a pass that reads the bytes once more."""
        counts = self._parts().map(_count_lines, self.storage_options)
        first: Delayed = delayed(_first_lines)(self.parts, _delayed(counts))
        return first

    def lines(self) -> db.Bag:
        """A Dask bag of every non-blank line, decoded (:class:`~claimmodel.corpus.CorpusLine`:
        its file, number, and bundle or error), one partition per part."""
        bag: db.Bag = self._parts().map_partitions(
            _lines, self._first_lines(), self.limits, self.storage_options
        )
        return bag

    def bundles(self) -> db.Bag:
        """A Dask bag of the corpus's bundles; a line that does not decode raises
        :class:`~claimmodel.exceptions.LineDecodeError` when the bag is computed."""
        bag: db.Bag = self.lines().map(_bundle_of)
        return bag


def _delayed(bag: db.Bag) -> Delayed:
    """The bag's items as one list, its keys kept as they are: a bag given to ``delayed``
    whole is optimized apart, and what it shares with the rest of the graph is computed
    twice."""
    parts: list[Delayed] = bag.to_delayed(optimize_graph=False)
    joined: Delayed = delayed(_concatenated)(parts)
    return joined


def _concatenated(parts: Iterable[Iterable[Any]]) -> list[Any]:
    return [item for part in parts for item in part]


def _is_local(fs: Any) -> bool:
    protocol = fs.protocol if isinstance(fs.protocol, str) else fs.protocol[0]
    return protocol in ("file", "local")


def _has_magic(text: str) -> bool:
    return any(character in text for character in "*?[")


def _first_lines(parts: Sequence[Part], counts: Sequence[int]) -> dict[tuple[int, int], int]:
    """Each part's first line number, from the number of lines of every part (in order)."""
    found: dict[tuple[int, int], int] = {}
    after: dict[int, int] = {}
    for part, count in zip(parts, counts, strict=True):
        found[(part.file, part.index)] = after.get(part.file, 0) + 1
        after[part.file] = after.get(part.file, 0) + count
    return found


def _block(part: Part, storage_options: Mapping[str, Any]) -> bytes:
    assert part.length is not None  # a whole file is read as a stream
    with fsspec.open(part.path, "rb", **storage_options) as file:
        data: bytes = read_block(file, part.offset, part.length, delimiter=b"\n")
    return data


def _count_lines(part: Part, storage_options: Mapping[str, Any]) -> int:
    """How many lines the part holds (none are counted after a whole file, whose lines no
    part follows, nor in Parquet, whose bundles are numbered by their bundle_index)."""
    return 0 if part.length is None else _block(part, storage_options).count(b"\n")


def _arrow() -> Any:
    try:
        from claimmodel.interop import arrow  # noqa: PLC0415  (the arrow extra, when used)
    except ImportError as error:
        raise ImportError(
            "a Parquet corpus needs pyarrow, which is an optional extra; install it with: "
            "pip install 'claimmodel[arrow]'"
        ) from error
    return arrow


def _opener(url: str, storage_options: Mapping[str, Any]) -> Any:
    """What opens each file of the Parquet corpus at ``url`` (through fsspec)."""

    def opener(name: str) -> Any:
        return fsspec.open(f"{url.rstrip('/')}/{name}", "rb", **storage_options).open()

    return opener


def _iter_part(
    part: Part,
    first_line: int,
    limits: Limits,
    storage_options: Mapping[str, Any],
    block: bytes | None = None,
) -> Iterator[CorpusLine]:
    """The lines of a part; ``block`` is its bytes, when they have been read already."""
    if part.parquet:
        bundles = _arrow().iter_parquet(
            row_group=part.row_group,
            opener=_opener(part.path, storage_options),
            limits=limits,
        )
        for index, bundle in bundles:
            yield CorpusLine(name=part.name, number=index + 1, bundle=bundle)
        return
    if part.length is None:
        with fsspec.open(part.path, "rb", compression="infer", **storage_options) as file:
            yield from iter_lines(file, limits=limits, name=part.name)
        return
    data = io.BytesIO(_block(part, storage_options) if block is None else block)
    yield from iter_lines(data, limits=limits, name=part.name, first_line=first_line)


def _lines(
    parts: Sequence[Part],
    first_lines: Mapping[tuple[int, int], int],
    limits: Limits,
    storage_options: Mapping[str, Any],
) -> list[CorpusLine]:
    return [
        line
        for part in parts
        for line in _iter_part(part, first_lines[(part.file, part.index)], limits, storage_options)
    ]


def _bundle_of(line: CorpusLine) -> Bundle:
    if line.error is not None:
        raise line.error
    assert line.bundle is not None  # a CorpusLine holds one or the other
    return line.bundle


# -- validation ------------------------------------------------------------------------


def validate_corpus(corpus: Corpus, **options: Any) -> db.Bag:
    """A Dask bag of the :class:`LineFinding` of every line of ``corpus``, in corpus order
    within each partition.

    Each bundle is validated where it is read, with ``options`` (``select``,
    ``ignore``, ``severities``, ``warnings_as_errors``, ``scales``) passed to
    :func:`~claimmodel.validate`; a line that does not decode gives its problems.
    """
    bag: db.Bag = corpus.lines().map_partitions(_findings, options)
    return bag


def _findings(lines: Iterable[CorpusLine], options: Mapping[str, Any]) -> list[LineFinding]:
    found: list[LineFinding] = []
    for line in lines:
        if line.error is not None:
            found.extend(
                LineFinding(
                    name=line.name,
                    line=line.number,
                    code=None,
                    severity=Severity.ERROR,
                    path=problem.path,
                    message=problem.message,
                )
                for problem in line.error.problems
            )
            continue
        assert line.bundle is not None  # a CorpusLine holds one or the other
        found.extend(
            LineFinding(
                name=line.name,
                line=line.number,
                code=finding.code,
                severity=finding.severity,
                path=finding.path,
                message=finding.message,
                bundle=line.bundle.id,
            )
            for finding in validate(line.bundle, **options).findings
        )
    return found


# -- corroboration ---------------------------------------------------------------------


def _hashed(key: str) -> int:
    """A number for ``key`` that every process computes alike (``hash`` of a str is salted
    per process, and the shuffles group by it)."""
    return zlib.crc32(key.encode("utf-8", "surrogatepass"))


@attrs.frozen(kw_only=True)
class _PartSkeleton:
    """Pass 1's result for a part: its key (file, index), its line count, its skeletons
    (their lines counted from the part's first)."""

    key: tuple[int, int]
    lines: int
    skeletons: tuple[Skeleton, ...]


def _first_pass(
    parts: Sequence[Part], limits: Limits, storage_options: Mapping[str, Any]
) -> list[_PartSkeleton | tuple[int, tuple[str, str]]]:
    """Pass 1 over a part: its skeleton, and each record's assertion and verdict ids (once
    per record), keyed for the shuffle that counts them."""
    out: list[_PartSkeleton | tuple[int, tuple[str, str]]] = []
    for part in parts:
        skeletons: list[Skeleton] = []
        block = None if part.length is None else _block(part, storage_options)
        lines = 0 if block is None else block.count(b"\n")
        for line in _iter_part(part, 1, limits, storage_options, block):
            bundle = for_corroboration(_bundle_of(line))
            skeletons.append(skeleton(bundle, line.name, line.number))
            out.extend((_hashed(local), (kind, local)) for kind, local in record_ids(bundle))
        del block
        out.append(
            _PartSkeleton(key=(part.file, part.index), lines=lines, skeletons=tuple(skeletons))
        )
    return out


def _is_skeleton(item: object) -> bool:
    return isinstance(item, _PartSkeleton)


def _is_id(item: object) -> bool:
    return not isinstance(item, _PartSkeleton)


def _shared_ids(groups: Iterable[tuple[int, list[tuple[int, tuple[str, str]]]]]) -> list[IdCount]:
    """Of the ids of some groups (each listed once per record that holds it): those more
    than one record uses, and those one record uses that are spelt like namespaced ids."""
    return [found for _, members in groups for found in shared_ids(i for _, i in members)]


class _Registry(Registry):
    """The :class:`Registry` of a corpus read in parts, with each part's first line and
    the share of the registry's claims each part sends to the reduce."""

    def __init__(
        self,
        parts: Sequence[Part],
        skeletons: Sequence[_PartSkeleton],
        ids: Iterable[IdCount],
        *,
        same_as: Sequence[tuple[tuple[str, str], tuple[str, str]]],
        scales: Sequence[Scale],
    ) -> None:
        by_key = {found.key: found for found in skeletons}
        ordered = [by_key[(part.file, part.index)] for part in parts]
        self.first_lines = _first_lines(parts, [found.lines for found in ordered])
        self.numbers = {(part.file, part.index): n for n, part in enumerate(parts)}
        named = [
            (f"{found.name}:{found.number + self.first_lines[read.key] - 1}", found)
            for read in ordered
            for found in read.skeletons
        ]
        super().__init__(named, ids, same_as=same_as, scales=scales)
        self.claims_of: list[list[str]] = [[] for _ in parts]
        for claim_id in self.record.claims:
            self.claims_of[_hashed(claim_id) % len(parts)].append(claim_id)


def _registry(
    parts: Sequence[Part],
    skeletons: Sequence[_PartSkeleton],
    ids: Iterable[IdCount],
    same_as: Sequence[tuple[tuple[str, str], tuple[str, str]]],
    scales: Sequence[Scale],
) -> _Registry:
    return _Registry(parts, skeletons, ids, same_as=same_as, scales=scales)


_Given = tuple[tuple[int, int, int], Assertion | FactCheck, Withdrawal | None]
"""What a record gives a claim (see :data:`Contribution`), with its place in the corpus
(file, line, position in the record)."""
_Keyed = tuple[int, str, _Given | None]
"""A contribution, or ``None`` for a claim of the registry, by claim id and its hash."""


def _second_pass(
    parts: Sequence[Part], limits: Limits, storage_options: Mapping[str, Any], registry: _Registry
) -> list[_Keyed]:
    """Pass 2 over a part: every assertion renamed as the merge renames it, and every
    verdict's fact check, by claim; and the part's share of the registry's claims, so that
    claims no assertion names are analysed."""
    out: list[_Keyed] = []
    for part in parts:
        key = (part.file, part.index)
        out.extend((_hashed(c), c, None) for c in registry.claims_of[registry.numbers[key]])
        for line in _iter_part(part, registry.first_lines[key], limits, storage_options):
            bundle = for_corroboration(_bundle_of(line))
            namespace = bundle.id if bundle.id is not None else f"{line.name}:{line.number}"
            for claim_id, position, item, by in contributions(bundle, namespace, registry):
                place = (part.file, line.number, position)
                out.append((_hashed(claim_id), claim_id, (place, item, by)))
    return out


_Placed = tuple[tuple[int, tuple[int, ...]], ClaimAnalysis]
"""A claim's analysis and its place in the record's order: the merged bundle's claims, then
claims only assertions name (by their first assertion)."""


def _reduce(groups: Iterable[tuple[int, list[_Keyed]]], registry: _Registry) -> list[_Placed]:
    """The analysis of every claim of some groups, with the registry."""
    by_claim: dict[str, list[_Given]] = {}
    for _, members in groups:
        for _, claim_id, given in members:
            found = by_claim.setdefault(claim_id, [])
            if given is not None:
                found.append(given)
    return [claim_analysis(registry, claim_id, given) for claim_id, given in by_claim.items()]


def _assemble(
    summary: tuple[FrozenMap[str], tuple[FigureConflict, ...], tuple[Conflict, ...]],
    placed: Iterable[_Placed],
) -> Analysis:
    same, conflicting, _ = summary
    ordered = sorted(placed, key=itemgetter(0))
    return Analysis(
        claims=FrozenMap({claim.claim: claim for _, claim in ordered}),
        same=same,
        conflicting_figures=conflicting,
    )


def _third(summary: tuple[object, object, tuple[Conflict, ...]]) -> tuple[Conflict, ...]:
    return summary[2]


@attrs.frozen
class Corroboration:
    """The corpus-wide analysis, as Dask collections (nothing is computed until asked).

    ``claims`` is a bag of every claim's :class:`~claimmodel.ClaimAnalysis`;
    ``analysis`` the whole :class:`~claimmodel.Analysis` (gathered where it is
    computed); ``conflicts`` the merge's :class:`~claimmodel.corpus.Conflict` list
    for sources and claims.  Compute several at once
    (``dask.compute(c.analysis, c.conflicts)``) to read the corpus once.
    """

    claims: db.Bag
    analysis: Delayed
    conflicts: Delayed

    def compute(self, **options: Any) -> Analysis:
        """The :class:`~claimmodel.Analysis`, computed (``options`` go to ``dask.compute``)."""
        (analysis,) = compute(self.analysis, **options)
        assert isinstance(analysis, Analysis)
        return analysis


def corroborate(
    corpus: Corpus,
    *,
    scales: Iterable[Scale] = (),
    same_as: Iterable[tuple[tuple[str, str], tuple[str, str]]] = (),
) -> Corroboration:
    """The analysis of the whole corpus, claim by claim, as Dask computes it.

    Equal to :func:`~claimmodel.analyze` of :func:`~claimmodel.corpus.merge_corpus` of
    the corpus's bundles named ``file:line`` (``scales`` and ``same_as`` as there).
    Each record must be in the corpus once: a bundle id on two lines raises
    :class:`~claimmodel.exceptions.InvalidValueError`; a line that does not decode
    raises its :class:`~claimmodel.exceptions.LineDecodeError`.
    """
    options = (corpus.limits, corpus.storage_options)
    parts = corpus._parts()
    first = parts.map_partitions(_first_pass, *options)
    shared = (
        first.filter(_is_id).groupby(itemgetter(0), shuffle="tasks").map_partitions(_shared_ids)
    )
    registry = delayed(_registry)(
        corpus.parts,
        _delayed(first.filter(_is_skeleton)),
        _delayed(shared),
        tuple(same_as),
        tuple(scales),
    )
    reduced = (
        parts.map_partitions(_second_pass, *options, registry)
        .groupby(itemgetter(0), shuffle="tasks")
        .map_partitions(_reduce, registry)
    )
    summary = delayed(Registry.summary)(registry)
    return Corroboration(
        claims=reduced.map(itemgetter(1)),
        analysis=delayed(_assemble)(summary, _delayed(reduced)),
        conflicts=delayed(_third)(summary),
    )
