"""Corpora on Dask (the ``dask`` extra): read, validate and corroborate a corpus in parallel.

The same code runs on the processes of one machine and on a cluster: give
:func:`dask.distributed.Client` a scheduler's address and the corpus a location
every worker can read (a shared file system, or ``s3://``, ``gs://`` … through
fsspec).  A :class:`Corpus` is a list of JSON Lines files cut into byte ranges
that end at line ends (compressed files are read whole); every line keeps its
file and number.

:func:`validate_corpus` validates every bundle where it is read.
:func:`corroborate` computes, per claim, what :func:`~claimmodel.analyze` of
:func:`~claimmodel.corpus.merge_corpus` of the whole corpus computes, in steps over
the partitions:

1. *The registry* (one task, on one worker): every bundle's sources, claims and
   the relations that declare claims the same are merged by
   :func:`~claimmodel.corpus.merge_corpus` — identity across documents, the
   connected components of the dependencies (dated affiliations included), which
   claims are one — and each partition sends the ids of its assertions, hashed to
   buckets whose tasks find the ids more than one record uses (those are namespaced,
   as the merge does).  The registry holds every source and claim of the corpus, not
   its assertions, and is no task's output, so no other task receives it: the same
   task cuts it into tables by key (each part's view, each source's slice, each
   component's dated dependencies), pickled, and summarises it.
2. *The map*: each partition, read again with its view of the registry (its records'
   new ids), renames its bundles' assertions as the merge would and sends each to the
   bucket of its claim, with what withdraws it; and names the sources each bucket's
   claims reach.
3. *The join*: the sources' slices are shuffled by source id to the buckets that
   named them.
4. *The questions*: each bucket, with its contributions and slices together,
   asks the components with dated dependencies its claims' speakers are in which roots
   the dependencies in force at each period of their assertions join, and the control
   groups of its claims' relays which of a claim's parties controls each relay at the
   date of its link; a shuffle by component or group brings the questions to the task
   holding the component's dependencies or the group's control affiliations, which
   answers them.
5. *The reduce*: the answers are shuffled by bucket beside the buckets (into as
   many partitions, which places a bucket by its number alone), and each bucket builds
   a :class:`~claimmodel.analysis._analyze.Record` of the slices and answers it
   received and analyses its claims by the same function :func:`~claimmodel.analyze`
   calls for each claim.

Memory per task is bounded by a partition (a byte range of ``blocksize``), the
slices and answers its buckets' claims need and the ids more than one record uses;
the registry's worker also holds the corpus's sources and claims, and the task that
answers for a component its dated dependencies or for a control group its control
affiliations holds those (``docs/corpus.md`` gives the figures).  What waits between
the steps (every part's output, until the next step has read it) is pickled, so that
Dask measures it exactly and a worker spills it to disk beyond its memory limit;
:meth:`Corroboration.compute` assembles the analysis in the caller's process.
"""

from __future__ import annotations

import io
import os
import pickle
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from operator import getitem, itemgetter
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

from claimmodel.analysis._analyze import Analysis, ClaimAnalysis, ClaimFacts, Record
from claimmodel.analysis._dependencies import Period
from claimmodel.analysis._figures import FigureConflict
from claimmodel.analysis._origins import OriginFinder, UnionFind, overlay, overlay_root, when
from claimmodel.analysis._parties import Controls
from claimmodel.analysis._verdicts import FactCheck
from claimmodel.corpus._corroborate import (
    IdCount,
    Registry,
    Skeleton,
    Withdrawal,
    analysed_claim,
    contributions,
    record_ids,
    shared_ids,
    skeleton,
)
from claimmodel.corpus._jsonl import CorpusLine, iter_lines
from claimmodel.corpus._keep import for_corroboration
from claimmodel.corpus._merge import Conflict
from claimmodel.corpus._references import Renamer
from claimmodel.exceptions import InvalidValueError
from claimmodel.format import Limits
from claimmodel.format._limits import DEFAULT_LIMITS
from claimmodel.model import Assertion, Bundle, FrozenMap, PartialDate, Scale
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


def _delayed(bag: db.Bag) -> list[Delayed]:
    """The bag's partitions, their keys kept as they are (a bag given to ``delayed`` whole
    is optimized apart, and what it shares with the rest of the graph is computed twice).

    A task given the list receives each partition's items (a list of lists) straight from
    the workers that hold them: no task joins them first, on a worker of its own."""
    parts: list[Delayed] = bag.to_delayed(optimize_graph=False)
    return parts


def _concatenated(parts: Iterable[Iterable[Any]]) -> list[Any]:
    return [item for part in parts for item in part]


def _is_local(fs: Any) -> bool:
    protocol = fs.protocol if isinstance(fs.protocol, str) else fs.protocol[0]
    return protocol in ("file", "local")


def _has_magic(text: str) -> bool:
    return any(character in text for character in "*?[")


def _first_lines(
    parts: Sequence[Part], counts: Iterable[Iterable[int]]
) -> dict[tuple[int, int], int]:
    """Each part's first line number, from the number of lines of every part (in order, by
    partition)."""
    found: dict[tuple[int, int], int] = {}
    after: dict[int, int] = {}
    for part, count in zip(parts, _concatenated(counts), strict=True):
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


_Packed = tuple[int, str, bytes]
"""What a task sends through a shuffle: for one slot (a partition of the shuffle's output),
every item it sends there, pickled into one ``bytes`` (with a tag naming what they are).

Dask keeps each task's output until its dependents have run, and at a shuffle that is every
part's output at once: pickled, it is several times smaller than the objects it holds, and
Dask measures it exactly (``sizeof`` of a ``bytes``), so that a worker given a memory limit
spills it to disk when it should, where the objects' estimate is a fraction of their size.
"""


def _pack(items: Iterable[tuple[Any, ...]], count: int, tag: str = "") -> list[_Packed]:
    """``items`` keyed by a number (their first member), pickled by slot (the number modulo
    ``count``)."""
    slots: dict[int, list[tuple[Any, ...]]] = {}
    for item in items:
        slots.setdefault(item[0] % count, []).append(item)
    return [
        (slot, tag, pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL))
        for slot, found in sorted(slots.items())
    ]


def _unpacked(members: Iterable[_Packed]) -> list[Any]:
    """The items a slot of a shuffle received, in the order they were sent."""
    return [item for _, _, data in members for item in pickle.loads(data)]  # noqa: S301  (the tasks' own output)


def _tagged(tag: str) -> Any:
    def tagged(item: _Packed) -> bool:
        return item[1] == tag

    return tagged


@attrs.frozen(kw_only=True)
class _PartSkeleton:
    """Pass 1's result for a part: its key (file, index), its line count, its skeletons
    (their lines counted from the part's first), and the ids its records' assertions and
    verdicts name (:func:`_references`)."""

    key: tuple[int, int]
    lines: int
    skeletons: tuple[Skeleton, ...]
    references: frozenset[str] = frozenset()


def _first_pass(
    parts: Sequence[Part], limits: Limits, storage_options: Mapping[str, Any], count: int
) -> list[_Packed]:
    """Pass 1 over a part: its skeleton, and each record's assertion and verdict ids (once
    per record), keyed and packed for the shuffle that counts them."""
    out: list[_PartSkeleton] = []
    ids: list[tuple[int, tuple[str, str]]] = []
    for part in parts:
        skeletons: list[Skeleton] = []
        references: set[str] = set()
        block = None if part.length is None else _block(part, storage_options)
        lines = 0 if block is None else block.count(b"\n")
        for line in _iter_part(part, 1, limits, storage_options, block):
            bundle = for_corroboration(_bundle_of(line))
            skeletons.append(skeleton(bundle, line.name, line.number))
            ids.extend((_hashed(local), (kind, local)) for kind, local in record_ids(bundle))
            _references(bundle, references)
        del block
        out.append(
            _PartSkeleton(
                key=(part.file, part.index),
                lines=lines,
                skeletons=tuple(skeletons),
                references=frozenset(references),
            )
        )
    # Packed like what crosses a shuffle: the skeletons wait for every part's before the
    # registry's task reads them.
    packed = pickle.dumps(out, protocol=pickle.HIGHEST_PROTOCOL)
    return [(0, "skeletons", packed), *_pack(ids, count, "id")]


def _references(bundle: Bundle, found: set[str]) -> None:
    """Add to ``found`` the ids the bundle's assertions and verdicts name that the bundle
    does not hold: those the merge renames as dangling references."""

    def dangling(reference: str) -> str:
        found.add(reference)
        return reference

    renamer = Renamer(
        sources={s.id: s.id for s in bundle.sources},
        claims={c.id: c.id for c in bundle.claims},
        assertions={a.id: a.id for a in bundle.assertions},
        dangling=dangling,
    )
    for assertion in bundle.assertions:
        renamer.assertion(assertion, assertion.id)
    for verdict in bundle.verdicts:
        renamer.verdict(verdict, verdict.id)


def _shared_ids(groups: Iterable[tuple[int, list[_Packed]]]) -> list[IdCount]:
    """Of the ids of some slots (each listed once per record that holds it): those more
    than one record uses, and those one record uses that are spelt like namespaced ids."""
    return [
        found for _, members in groups for found in shared_ids(i for _, i in _unpacked(members))
    ]


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
        self.first_lines = _first_lines(parts, [[found.lines for found in ordered]])
        self.keys = [(part.file, part.index) for part in parts]
        named = [
            (f"{found.name}:{found.number + self.first_lines[read.key] - 1}", found)
            for read in ordered
            for found in read.skeletons
        ]
        super().__init__(named, ids, same_as=same_as, scales=scales)
        self.namespaces_of = [
            [
                found.id if found.id is not None else f"{found.name}:{found.number + first - 1}"
                for found in read.skeletons
            ]
            for read in ordered
            for first in (self.first_lines[read.key],)
        ]
        self.references_of = [read.references for read in ordered]
        self.claims_of: list[list[str]] = [[] for _ in parts]
        for claim_id in self.record.claims:
            self.claims_of[_hashed(claim_id) % len(parts)].append(claim_id)


_Summary = tuple[FrozenMap[str], tuple[FigureConflict, ...], tuple[Conflict, ...]]
"""What the registry decides for the whole analysis: the claims declared the same, the
conflicting figures, and the merge's conflicts."""


def _registry(
    parts: Sequence[Part],
    skeletons: Iterable[Iterable[_Packed]],
    ids: Iterable[Iterable[IdCount]],
    same_as: Sequence[tuple[tuple[str, str], tuple[str, str]]],
    scales: Sequence[Scale],
) -> tuple[list[list[_Packed]], list[list[_Packed]], list[list[_Packed]], _Shared, _Summary]:
    """The registry, built, cut into tables by key and summarised in one task: no task's
    output holds it, so Dask never moves it to another worker (it would reckon it a few
    bytes, ``sizeof`` of an object it does not know, and fetch it for any task that read
    it).  The tables are packed, each piece by the partition it goes to (:func:`_tables`)."""
    count = len(parts)
    registry = _Registry(
        parts,
        _unpacked(_concatenated(skeletons)),
        _concatenated(ids),
        same_as=same_as,
        scales=scales,
    )
    views, slices, groups, shared = _tables(registry, count)
    return (
        [[(number, "view", pickle.dumps(view))] for number, view in enumerate(views)],
        [_pack(piece, count) for piece in slices],
        [_pack(piece, count) for piece in groups],
        shared,
        registry.summary(),
    )


class _PartView(Registry):
    """What pass 2 over one part reads of the registry: the part's first line, its share
    of the registry's claims, and what renames its records' items as the merge does (their
    namespaces' new ids, the ids other records use, the representatives, names and
    documents of the sources and claims they name), and nothing of other parts.

    It is built on the registry's worker and sent to the part's; the ids more than one
    record uses (:func:`shared_ids`) go to every part whole.
    """

    def __init__(self, registry: _Registry, number: int) -> None:
        # A view of the registry's tables, not a registry of its own: no merge is run.
        namespaces = registry.namespaces_of[number]
        self.first_line = registry.first_lines[registry.keys[number]]
        self.tables = {namespace: registry.tables[namespace] for namespace in namespaces}
        references = registry.references_of[number]
        self.taken = frozenset(r for r in references if r in registry.taken)
        self.shared = registry.shared
        self.slashed = registry.slashed
        record = registry.record
        # Every id an item of the part can be renamed to: its namespaces' new ids, and
        # each dangling reference as is or namespaced.
        sources: dict[str, None] = dict.fromkeys(references)
        claims: dict[str, None] = dict.fromkeys(references)
        for namespace in namespaces:
            local_sources, local_claims = self.tables[namespace]
            sources.update(dict.fromkeys(local_sources.values()))
            claims.update(dict.fromkeys(local_claims.values()))
            for reference in self.taken:
                sources[f"{namespace}/{reference}"] = None
                claims[f"{namespace}/{reference}"] = None
        self.document = registry.document
        if registry.document is not None:
            sources[registry.document] = None
        self.documents = {s: registry.documents[s] for s in sources if s in registry.documents}
        self.claims = [
            (claim_id, _Facts(position=registry.order[claim_id], facts=record.claims[claim_id]))
            for claim_id in registry.claims_of[number]
        ]
        self.record = Record.of_parts(
            claims={},
            names={s: record.names[s] for s in sources if s in record.names},
            unnamed={},
            finder=OriginFinder.of_answers({}, {}),
            controls=Controls.of_edges({}),
            scales={},
            same={c: record.same[c] for c in claims if c in record.same},
        )


# -- the registry shared by key ----------------------------------------------------------
#
# The reduce does not receive the registry.  Each claim's analysis reads, of the
# registry, the claim's facts and, for each source its assertions and parties reach
# (speakers, intermediaries, the speakers of what withdraws them), a slice: its name,
# its roots in the dependency graph the registry resolved (the connected components of
# the dependencies, undated and all), the relays it shares as an unnamed speaker, and
# the number of the control group its control affiliations are in; where its speakers
# are in a component with dated dependencies, which roots those in force at each period
# of its assertions join; and, for each relay of its assertions with control
# affiliations, which of its interested parties controls it at the link's date.  The
# map names the sources each bucket of claims reaches; the slices are joined with those
# requests by source id; each bucket's questions go to the task holding the component's
# dependencies or the control group's affiliations, and its answers come back, each by a
# shuffle; the reduce builds a Record of the slices and answers it received alone: no
# control graph reaches it, only the answers (a relay's control reach grows with the
# corpus: every record that names its controller without the identifier that joins it
# adds an edge).


@attrs.frozen(kw_only=True)
class _Slice:
    """What the analysis of a claim reads of one source it reaches (see above)."""

    id: str
    name: str | None
    roots: tuple[int, int] | None
    """Its base and coarse roots in the registry's dependency graph."""
    dated: bool
    """Whether its coarse group holds dated dependencies (a :class:`_Group`)."""
    relays: tuple[tuple[str, str | None], ...]
    """As an unnamed speaker, the relays it shares with others, each with its name."""
    controlled: int | None
    """The number of the control group its control edges are in (a :class:`_ControlGroup`;
    ``None``: it has none, so that no party controls it as a relay but itself)."""


@attrs.frozen(kw_only=True)
class _Group:
    """The dated dependencies of one coarse group of the registry's graph."""

    root: int
    edges: tuple[tuple[int, int, Period], ...]


@attrs.frozen(kw_only=True)
class _ControlGroup:
    """The control edges of one group of the registry's sources (those the edges join, in
    either direction), with the names of its sources: all that
    :meth:`Controls.controller` reads to look up a relay of the group."""

    number: int
    edges: tuple[tuple[str, tuple[tuple[str, Period], ...]], ...]
    names: tuple[tuple[str, str], ...]


@attrs.frozen(kw_only=True)
class _Facts:
    """A claim of the registry: its place in the merged bundle and its facts."""

    position: int
    facts: ClaimFacts


@attrs.frozen(kw_only=True)
class _Shared:
    """What every bucket reads of the registry whole: the declared and given scales, and
    how many claims the merged bundle holds."""

    scales: dict[str, Scale]
    claims: int


def _tables(
    registry: _Registry, count: int
) -> tuple[
    list[list[_PartView]],
    list[list[tuple[int, str, _Slice]]],
    list[list[tuple[int, _Group | _ControlGroup]]],
    _Shared,
]:
    """The registry as tables by key: each part's view; every source's slice, in ``count``
    pieces by source id; every dated group and every control group, in ``count`` pieces by
    number; and what every bucket reads whole."""
    record = registry.record
    finder, names = record.finder, record.names
    dated = finder.dated_groups()
    control_of, controls = _control_groups(record.controls.edges(), names)
    slices: list[list[tuple[int, str, _Slice]]] = [[] for _ in range(count)]
    for source_id in dict.fromkeys([*names, *finder.sources(), *record.unnamed]):
        roots = finder.roots(source_id)
        found = _Slice(
            id=source_id,
            name=names.get(source_id),
            roots=roots,
            dated=roots is not None and roots[1] in dated,
            relays=tuple((r, names.get(r)) for r in record.unnamed.get(source_id, ())),
            controlled=control_of.get(source_id),
        )
        key = _hashed(source_id)
        slices[key % count].append((key, source_id, found))
    groups: list[list[tuple[int, _Group | _ControlGroup]]] = [[] for _ in range(count)]
    for root, edges in dated.items():
        groups[root % count].append((root, _Group(root=root, edges=tuple(edges))))
    for group in controls:
        groups[group.number % count].append((group.number, group))
    views = [[_PartView(registry, number)] for number in range(count)]
    return views, slices, groups, _Shared(scales=record.scales, claims=len(record.claims))


def _control_groups(
    edges: Mapping[str, Sequence[tuple[str, Period]]], names: Mapping[str, str]
) -> tuple[dict[str, int], list[_ControlGroup]]:
    """The control edges in groups, numbered from 0 (the sources the edges join, in either
    direction: every source a relay leads to is in the relay's group), and the group of
    each source with control edges."""
    index: dict[str, int] = {}
    for source_id, targets in edges.items():
        index.setdefault(source_id, len(index))
        for target, _ in targets:
            index.setdefault(target, len(index))
    union = UnionFind(len(index))
    for source_id, targets in edges.items():
        for target, _ in targets:
            union.union(index[source_id], index[target])
    numbers: dict[int, int] = {}
    members: list[list[str]] = []
    for node, at in index.items():
        number = numbers.setdefault(union.find(at), len(members))
        if number == len(members):
            members.append([])
        members[number].append(node)
    groups = [
        _ControlGroup(
            number=number,
            edges=tuple((node, tuple(edges[node])) for node in nodes if node in edges),
            names=tuple((node, names[node]) for node in nodes if node in names),
        )
        for number, nodes in enumerate(members)
    ]
    return {source_id: numbers[union.find(index[source_id])] for source_id in edges}, groups


_Given = tuple[tuple[int, int, int], Assertion | FactCheck, Withdrawal | None]
"""What a record gives a claim (see :data:`Contribution`), with its place in the corpus
(file, line, position in the record)."""
_Keyed = tuple[int, str, "_Given | _Facts | _Slice | _Answer | _Control"]
"""What a bucket of claims receives, by bucket: a contribution or a claim's facts (by
claim id), a slice of a source its claims reach or an answer to one of its questions
(with no claim id)."""
_Request = tuple[int, str, int]
"""A bucket's request for a source's slice: the source id's hash, the id, the bucket."""


def _reached(item: Assertion | FactCheck, by: Withdrawal | None) -> Iterator[str]:
    """The sources the analysis of a claim reads for one of its contributions."""
    if isinstance(item, FactCheck):
        return
    yield item.attribution.source
    for link in item.attribution.chain:
        yield link.source
    if by is not None:
        yield by[0].attribution.source


def _second_pass(
    parts: Sequence[Part],
    views: Iterable[_Packed],
    limits: Limits,
    storage_options: Mapping[str, Any],
    count: int,
) -> list[_Packed]:
    """Pass 2 over a part, with its view of the registry: every assertion renamed as the
    merge renames it, and every verdict's fact check, by the bucket of its claim; the
    part's share of the registry's claims with their facts, so that claims no assertion
    names are analysed; and the sources each bucket's claims reach, once a bucket."""
    out: list[_Keyed] = []
    requested: dict[tuple[str, int], None] = {}
    found: list[_PartView] = _unpacked(views)
    for part, view in zip(parts, found, strict=True):
        for claim_id, facts in view.claims:
            bucket = _hashed(claim_id) % count
            out.append((bucket, claim_id, facts))
            requested.update(dict.fromkeys((party, bucket) for party in facts.facts.parties))
        for line in _iter_part(part, view.first_line, limits, storage_options):
            bundle = for_corroboration(_bundle_of(line))
            namespace = bundle.id if bundle.id is not None else f"{line.name}:{line.number}"
            for claim_id, position, item, by in contributions(bundle, namespace, view):
                place = (part.file, line.number, position)
                bucket = _hashed(claim_id) % count
                out.append((bucket, claim_id, (place, item, by)))
                requested.update(dict.fromkeys((s, bucket) for s in _reached(item, by)))
    requests: list[_Request] = [(_hashed(s), s, bucket) for s, bucket in requested]
    return [*_pack(out, count, "keyed"), *_pack(requests, count, "request")]


def _deliver_slices(groups: Iterable[tuple[int, list[_Packed]]], count: int) -> list[_Packed]:
    """Each requested slice, by the bucket that asked for it."""
    out: list[_Keyed] = []
    for _, members in groups:
        items: list[tuple[int, str, _Slice | int]] = _unpacked(members)
        found = {s: item for _, s, item in items if isinstance(item, _Slice)}
        for _, source_id, item in items:
            if isinstance(item, int) and source_id in found:
                out.append((item, "", found[source_id]))
    return _pack(out, count)


@attrs.frozen(kw_only=True)
class _Answer:
    """The dated dependencies of a coarse group applied at one period, for the base roots a
    bucket asked about: the root each is joined to (``labels``: only those joined to
    another, for :func:`overlay_root` reads any other as its own root) and those the
    dependencies in force touch (``touched``)."""

    group: int
    at: Period
    labels: tuple[tuple[int, int], ...]
    touched: frozenset[int]


_Query = tuple[int, int, Period, tuple[int, ...]]
"""A bucket's question to a coarse group: (the group's root, the bucket, a period, the
base roots asked about)."""

_Asked = tuple[str, PartialDate | None, tuple[str, ...]]
"""What the analysis of a claim asks :meth:`Controls.controller`: a relay, the date of its
link, the claim's interested parties."""
_ControlQuery = tuple[int, int, str, PartialDate | None, tuple[str, ...]]
"""A bucket's question to a control group: (the group's number, the bucket, and what it
asks, :data:`_Asked`)."""
_Controller = tuple[str, tuple[str, ...]] | None
"""What :meth:`Controls.controller` answers: the party and the sources between, or none."""


@attrs.frozen(kw_only=True)
class _Control:
    """A control group's answer to a bucket: which of ``parties`` controls ``relay`` at
    ``date`` (:meth:`Controls.controller`), with the names of that party and the sources
    between them."""

    relay: str
    date: PartialDate | None
    parties: tuple[str, ...]
    found: _Controller
    names: tuple[tuple[str, str], ...]


def _questions(groups: Iterable[tuple[int, list[_Packed]]], count: int) -> list[_Packed]:
    """Each bucket's questions to the coarse groups that hold dated dependencies: for each
    claim, the periods its assertions there are made in, and the base roots of its
    speakers and parties there; and to the control groups of its claims' relays: which of
    a claim's parties controls each relay of its assertions, at the link's date (once
    each)."""
    out: list[_Query | _ControlQuery] = []
    for bucket, packed in groups:
        members: list[_Keyed] = _unpacked(packed)
        slices = {item.id: item for _, _, item in members if isinstance(item, _Slice)}
        parties: dict[str, tuple[str, ...]] = {}
        said: dict[str, list[Assertion]] = {}
        for _, claim_id, item in members:
            if isinstance(item, _Facts):
                parties[claim_id] = item.facts.parties
            elif isinstance(item, tuple) and isinstance(item[1], Assertion):
                said.setdefault(claim_id, []).append(item[1])
        asked: dict[tuple[int, Period], dict[int, None]] = {}
        for claim_id, assertions in said.items():
            periods: dict[int, dict[Period, None]] = {}
            bases: dict[int, dict[int, None]] = {}
            for assertion in assertions:
                found = slices.get(assertion.attribution.source)
                if found is not None and found.dated and found.roots is not None:
                    base, group = found.roots
                    periods.setdefault(group, {})[when(assertion)] = None
                    bases.setdefault(group, {})[base] = None
            for party in parties.get(claim_id, ()):
                found = slices.get(party)
                if found is not None and found.dated and found.roots is not None:
                    bases.setdefault(found.roots[1], {})[found.roots[0]] = None
            for group, at in periods.items():
                for period_ in at:
                    asked.setdefault((group, period_), {}).update(bases[group])
        out.extend(
            (group, bucket, period_, tuple(found)) for (group, period_), found in asked.items()
        )
        controls = _control_questions(said, parties, slices)
        out.extend(
            (number, bucket, relay, date, interested)
            for (relay, date, interested), number in controls.items()
        )
    return _pack(out, count)


def _control_questions(
    said: Mapping[str, Iterable[Assertion]],
    parties: Mapping[str, tuple[str, ...]],
    slices: Mapping[str, _Slice],
) -> dict[_Asked, int]:
    """What the analysis of some claims will ask :meth:`Controls.controller` (as
    ``_controlled`` asks it, of every assertion), by the control group that answers it; a
    relay with no control edges is not asked about."""
    asked: dict[_Asked, int] = {}
    for claim_id, assertions in said.items():
        interested = parties.get(claim_id, ())
        if not interested:
            continue  # no party: the analysis asks nothing
        for assertion in assertions:
            for link in assertion.attribution.chain:
                found = slices.get(link.source)
                if found is None or found.controlled is None:
                    continue
                date = link.date if link.date is not None else assertion.date
                asked[(link.source, date, interested)] = found.controlled
    return asked


def _answers(groups: Iterable[tuple[int, list[_Packed]]], count: int) -> list[_Packed]:
    """Each question a bucket asked a coarse group, answered from the group's dated
    dependencies (each period's overlay computed once, and held only while its questions
    are answered); and each question it asked a control group (:func:`_controllers`)."""
    out: list[_Keyed] = []
    by_group: dict[int, list[tuple[int, _Group] | _Query]] = {}
    by_controls: dict[int, list[tuple[int, _ControlGroup] | _ControlQuery]] = {}
    for _, packed in groups:
        for item in _unpacked(packed):
            if len(item) == 5 or isinstance(item[1], _ControlGroup):
                by_controls.setdefault(item[0], []).append(item)
            else:
                by_group.setdefault(item[0], []).append(item)
    out.extend(_controllers(by_controls.values()))
    for members in by_group.values():
        edges: tuple[tuple[int, int, Period], ...] | None = None
        by_period: dict[Period, list[_Query]] = {}
        for item in members:
            if len(item) == 2:
                edges = item[1].edges
            else:
                by_period.setdefault(item[2], []).append(item)
        # Questions go only to the groups the registry lists as dated.
        assert edges is not None, "questions to a group with no dated dependencies"
        # One period's overlay at a time, dropped once its questions are answered.
        for at, asked in by_period.items():
            parent, touched = overlay(edges, at)
            for group, bucket, _, bases in asked:
                # A base the dependencies in force join to no other is its own root, as
                # the overlay reads a base it does not hold: its label would say nothing.
                roots = ((base, overlay_root(parent, base)) for base in bases)
                labels = tuple((base, root) for base, root in roots if root != base)
                answer = _Answer(
                    group=group, at=at, labels=labels, touched=touched.intersection(bases)
                )
                out.append((bucket, "", answer))
    return _pack(out, count)


def _controllers(
    groups: Iterable[Iterable[tuple[int, _ControlGroup] | _ControlQuery]],
) -> Iterator[_Keyed]:
    """Each question a bucket asked a control group, answered by
    :meth:`Controls.controller` of the group's edges (once, for every bucket that asked)."""
    for members in groups:
        group: _ControlGroup | None = None
        asked: dict[_Asked, list[int]] = {}
        for item in members:
            if len(item) == 2:
                group = item[1]
            else:
                _, bucket, relay, date, parties = item
                asked.setdefault((relay, date, parties), []).append(bucket)
        # Questions go only to the groups of relays with control edges.
        assert group is not None, "questions to a control group the registry has not"
        controls = Controls.of_edges(dict(group.edges))
        names = dict(group.names)
        for (relay, date, parties), buckets in asked.items():
            found = controls.controller(relay, date, parties)
            between = () if found is None else (found[0], *found[1])
            answer = _Control(
                relay=relay,
                date=date,
                parties=parties,
                found=found,
                names=tuple((s, names[s]) for s in between if s in names),
            )
            yield from ((bucket, "", answer) for bucket in buckets)


class _AnsweredControls(Controls):
    """The controls a bucket's claims read, as the control groups answered the bucket's
    questions: a relay with no control edges is controlled by none of the parties but
    itself."""

    def __init__(self, answers: Mapping[_Asked, _Controller], controlled: set[str]) -> None:
        self._edges = {}
        self._answers = answers
        self._controlled = controlled

    def controller(
        self, relay: str, date: PartialDate | None, parties: tuple[str, ...]
    ) -> tuple[str, tuple[str, ...]] | None:
        key = (relay, date, parties)
        if key in self._answers:
            return self._answers[key]
        # The bucket asked about every relay with control edges of its claims' assertions.
        assert relay not in self._controlled, f"no answer for the control of {relay!r}"
        return super().controller(relay, date, parties)


_Placed = tuple[tuple[int, tuple[int, ...]], ClaimAnalysis]
"""A claim's analysis and its place in the record's order: the merged bundle's claims, then
claims only assertions name (by their first assertion)."""


def _reduce(
    groups: Iterable[tuple[int, list[_Packed]]],
    answered: Iterable[tuple[int, list[_Packed]]],
    shared: _Shared,
) -> list[_Packed]:
    """The analysis of every claim of some buckets, from the slices of the registry that
    their claims reach and the answers to their questions, which the buckets received;
    packed (:data:`_Packed`), for it waits on its worker until the whole analysis is
    gathered.

    ``answered`` is the same partition of the shuffle of the answers by bucket as
    ``groups`` is of the buckets' contributions: both shuffles place a bucket by its
    number alone, over as many partitions.
    """
    by_bucket = dict(answered)
    placed: list[_Placed] = []
    for bucket, packed in groups:
        members: list[_Keyed] = _unpacked(packed)
        by_claim: dict[str, list[_Given]] = {}
        facts: dict[str, _Facts] = {}
        slices: list[_Slice] = []
        answers: dict[tuple[int, Period], tuple[dict[int, int], frozenset[int]]] = {}
        controls: list[_Control] = []
        for _, _, item in _unpacked(by_bucket.pop(bucket, ())):
            if isinstance(item, _Control):
                controls.append(item)
                continue
            assert isinstance(item, _Answer)  # the answers' shuffle holds nothing else
            answers[(item.group, item.at)] = (dict(item.labels), item.touched)
        for _, claim_id, item in members:
            if isinstance(item, _Slice):
                slices.append(item)
            elif isinstance(item, _Facts):
                facts[claim_id] = item
                by_claim.setdefault(claim_id, [])
            elif not isinstance(item, _Answer | _Control):
                by_claim.setdefault(claim_id, []).append(item)
        record = _record(slices, answers, controls, facts, shared)
        for claim_id, given in by_claim.items():
            found = facts.get(claim_id)
            order = shared.claims if found is None else found.position
            first, analysed = analysed_claim(record, claim_id, sorted(given, key=itemgetter(0)))
            placed.append(((order, first), analysed))
    if by_bucket:
        raise AssertionError(f"answers for buckets {sorted(by_bucket)} reached no bucket")
    return [(0, "placed", pickle.dumps(placed, protocol=pickle.HIGHEST_PROTOCOL))]


def _record(
    slices: Iterable[_Slice],
    answers: Mapping[tuple[int, Period], tuple[Mapping[int, int], frozenset[int]]],
    controls: Iterable[_Control],
    facts: Mapping[str, _Facts],
    shared: _Shared,
) -> Record:
    """The :class:`Record` of some claims, from the slices of the sources they reach and
    the answers to their questions."""
    names: dict[str, str] = {}
    unnamed: dict[str, list[str]] = {}
    roots: dict[str, tuple[int, int]] = {}
    controlled: set[str] = set()
    for found in slices:
        if found.name is not None:
            names[found.id] = found.name
        if found.roots is not None:
            roots[found.id] = found.roots
        if found.relays:
            unnamed[found.id] = [relay for relay, _ in found.relays]
            names.update((relay, name) for relay, name in found.relays if name is not None)
        if found.controlled is not None:
            controlled.add(found.id)
    controllers: dict[_Asked, _Controller] = {}
    for control in controls:
        controllers[(control.relay, control.date, control.parties)] = control.found
        names.update(control.names)
    return Record.of_parts(
        claims={claim_id: found.facts for claim_id, found in facts.items()},
        names=names,
        unnamed=unnamed,
        finder=OriginFinder.of_answers(roots, answers),
        controls=_AnsweredControls(controllers, controlled),
        scales=shared.scales,
    )


def _assemble(
    summary: tuple[FrozenMap[str], tuple[FigureConflict, ...], tuple[Conflict, ...]],
    placed: Iterable[Iterable[_Packed]],
) -> Analysis:
    """The whole analysis, from the registry's summary and the reduce's partitions."""
    same, conflicting, _ = summary
    found: list[_Placed] = _unpacked(_concatenated(placed))
    ordered = sorted(found, key=itemgetter(0))
    return Analysis(
        claims=FrozenMap({claim.claim: claim for _, claim in ordered}),
        same=same,
        conflicting_figures=conflicting,
    )


def _claims(packed: Iterable[_Packed]) -> list[ClaimAnalysis]:
    """The analyses of a partition of the reduce."""
    return [claim for _, claim in _unpacked(packed)]


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
    _placed: db.Bag = attrs.field(alias="placed", repr=False)
    _summary: Delayed = attrs.field(alias="summary", repr=False)

    def compute(self, **options: Any) -> Analysis:
        """The :class:`~claimmodel.Analysis`, computed (``options`` go to ``dask.compute``).

        Each partition's claims are gathered in the caller's process and assembled there,
        so that no worker holds the whole analysis (``analysis`` is assembled by a task,
        on a worker)."""
        summary, *placed = compute(self._summary, *_delayed(self._placed), **options)
        return _assemble(summary, placed)


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
    count = len(corpus.parts)
    first = parts.map_partitions(_first_pass, *options, count)
    shared = _shuffled(first.filter(_tagged("id")), count).map_partitions(_shared_ids)
    views, slices, groups, whole, summary = delayed(_registry, nout=5)(
        corpus.parts,
        _delayed(first.filter(_tagged("skeletons"))),
        _delayed(shared),
        tuple(same_as),
        tuple(scales),
    )
    mapped = db.map_partitions(
        _second_pass, parts, db.from_delayed(_pieces(views, count)), *options, count
    )
    delivered = _shuffled(
        db.concat([db.from_delayed(_pieces(slices, count)), mapped.filter(_tagged("request"))]),
        count,
    ).map_partitions(_deliver_slices, count)
    grouped = _shuffled(db.concat([mapped.filter(_tagged("keyed")), delivered]), count)
    questions = grouped.map_partitions(_questions, count)
    answers = _shuffled(db.concat([db.from_delayed(_pieces(groups, count)), questions]), count)
    answered = _shuffled(answers.map_partitions(_answers, count), count)
    reduced = db.map_partitions(_reduce, grouped, answered, whole)
    return Corroboration(
        claims=reduced.map_partitions(_claims),
        analysis=delayed(_assemble)(summary, _delayed(reduced)),
        conflicts=delayed(_third)(summary),
        placed=reduced,
        summary=summary,
    )


def _shuffled(bag: db.Bag, count: int) -> db.Bag:
    """The packed items of ``bag`` grouped by slot into ``count`` partitions: slot *n* in
    partition *n* (a small int is its own hash), so that two shuffles of as many slots
    place a bucket alike."""
    grouped: db.Bag = bag.repartition(count).groupby(itemgetter(0), shuffle="tasks")
    return grouped


def _pieces(table: Delayed, count: int) -> list[Delayed]:
    """The ``count`` pieces of a table the registry's task returns, each a task of its own."""
    return [delayed(getitem, pure=True)(table, number) for number in range(count)]
