"""Corroboration of a corpus without holding it: a registry pass, then each claim's assertions.

:func:`~claimmodel.analyze` of :func:`~claimmodel.corpus.merge_corpus` needs the
whole corpus in memory, twice over while the merge runs.  What a claim's
analysis reads from the rest of the corpus is far less: every source (names,
dated dependencies, control), every claim (declared sameness, parties,
figures), which unnamed speakers were reached through one relay, and which
assertion and verdict ids more than one record uses (those the merge
namespaces).  So the corpus is read twice:

1. *The registry*: each record cut down to a :class:`Skeleton` (its sources,
   claims, declared scales, the relations that declare claims the same and its
   metadata) and its assertion and verdict ids, once per record; the skeletons
   are merged by :func:`~claimmodel.corpus.merge_corpus`, which decides identity
   across documents and which claims are one, and :class:`Registry` keeps the
   :class:`~claimmodel.analysis._analyze.Record` every claim's analysis reads.
2. *The contributions*: each record read again, its assertions renamed as the
   merge renames them, paired with what withdraws them (retractions and
   corrections stay within a record) and keyed by the claim they count for; its
   verdicts as :class:`~claimmodel.FactCheck` by the claims they review.

Each claim is then analysed by the function :func:`~claimmodel.analyze` calls for
it.  The same pieces run in one process (:func:`registry_of`, :func:`gathered`,
:func:`analyses`, which ``claimmodel report`` uses; the contributions wait in a
temporary file by claim, so one claim's are held at a time) and on Dask
(:mod:`claimmodel.corpus.dask`, which cuts the passes by partition and brings each
claim's contributions together by a shuffle).  Dask requires each record to be in
the corpus once (:func:`repeated_namespace` finds a namespace on two lines); in one
process the versions of such a record are reconciled item by item as the merge
reconciles them, from a third reading of those records (:func:`registry_of`) and by
holding their lines in the second (:func:`gathered`).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from operator import itemgetter
from typing import Any, Literal, TypeVar, cast

import attrs
from attrs import AttrsInstance

from claimmodel.analysis._analyze import Analysis, ClaimAnalysis, Record, Withdrawn, _withdrawn
from claimmodel.analysis._dependencies import Dependency, stated, unnamed_dependencies
from claimmodel.analysis._figures import FigureConflict
from claimmodel.analysis._verdicts import FactCheck, fact_checks
from claimmodel.corpus._keep import for_corroboration
from claimmodel.corpus._merge import Conflict, ItemOrigin, differences, merge_corpus
from claimmodel.corpus._references import Renamer
from claimmodel.exceptions import InvalidValueError, MergeConflictError
from claimmodel.model import (
    Affiliation,
    AnonymousSource,
    Assertion,
    Bundle,
    Document,
    FrozenMap,
    Identifier,
    PartialDate,
    Relation,
    Role,
    Scale,
    Verdict,
)

__all__ = [
    "Contribution",
    "Gathered",
    "Given",
    "IdCount",
    "Registry",
    "Shared",
    "Skeleton",
    "analyses",
    "contributions",
    "gathered",
    "record_ids",
    "registry_of",
    "repeated_namespace",
    "shared_ids",
    "skeleton",
]

_COUNTED = ("assertions", "verdicts")
"""The collections whose ids the registry counts: their items are never joined across
records, so an id two records use is namespaced."""


@attrs.frozen(kw_only=True)
class Skeleton:
    """What the registry keeps of one record: its ``id``, where it is (``name``, the file,
    and ``number``, its line, counted from where its reader started) and a bundle of its
    sources, claims, declared scales, claim-joining relations and metadata; ``unnamed``
    pairs each unnamed speaker with the relay it spoke through (``None``: the document)."""

    id: str | None
    name: str
    number: int
    bundle: Bundle
    unnamed: tuple[tuple[str, str | None], ...]


def skeleton(bundle: Bundle, name: str, number: int, *, shared: Shared | None = None) -> Skeleton:
    """The :class:`Skeleton` of ``bundle`` (as :func:`for_corroboration` leaves it), its
    sources and claims made of the values ``shared`` already holds when it is given."""
    anonymous = {s.id for s in bundle.sources if isinstance(s, AnonymousSource)}
    unnamed: dict[tuple[str, str | None], None] = {}
    for assertion in bundle.assertions:
        speaker = assertion.attribution.source
        if speaker in anonymous:
            chain = assertion.attribution.chain
            unnamed[(speaker, chain[0].source if chain else None)] = None
    sources, claims = bundle.sources, bundle.claims
    if shared is not None:
        sources = tuple(shared.item(source) for source in sources)
        claims = tuple(shared.item(claim) for claim in claims)
    kept = attrs.evolve(
        bundle,
        sources=sources,
        claims=claims,
        assertions=(),
        verdicts=(),
        relations=tuple(r for r in bundle.relations if r.kind.declares_same_claim),
    )
    return Skeleton(id=bundle.id, name=name, number=number, bundle=kept, unnamed=tuple(unnamed))


_Value = TypeVar("_Value", bound=AttrsInstance)
_Held = TypeVar("_Held")


class Shared:
    """One copy of each value the records' sources and claims repeat: every string, and
    every identifier, date, affiliation and role (without extension data, kept as each
    record writes it) and tuple of them.

    Each record is decoded apart, so the same person named in a thousand records comes
    as a thousand copies of its name, identifiers and dated affiliations; the registry
    holds every record's sources until the merge has joined them, and so keeps one.
    Only values that are equal exactly when they are interchangeable are shared (dates
    without a time zone: two zones with one offset are equal and named apart).
    """

    def __init__(self) -> None:
        self._kept: dict[object, object] = {}

    def value(self, value: _Held) -> _Held:
        """``value`` (a string, a tuple of them…) as held, or held from now on."""
        return cast("_Held", self._value(value))

    def item(self, item: _Value) -> _Value:
        """``item`` (a source or claim) made of the values already held (itself when
        none is new)."""
        changes: dict[str, object] = {}
        for field in attrs.fields(type(item)):
            if field.init:
                value = getattr(item, field.name)
                found = self._value(value)
                if found is not value:
                    changes[field.alias or field.name] = found
        if not changes:
            return item
        rebuilt: Any = attrs.evolve(cast("Any", item), **changes)  # an attrs class, as bound
        return cast("_Value", rebuilt)

    def _value(self, value: object) -> object:
        if type(value) is tuple:
            items = tuple(self._value(v) for v in value)
            if all(_shareable(v) for v in items):
                return self._kept.setdefault(items, items)
            return value if all(a is b for a, b in zip(items, value, strict=True)) else items
        if not _shareable(value):
            return value
        found = self._kept.get(value)
        if found is None:
            found = self.item(value) if isinstance(value, Affiliation | Role) else value
            self._kept[found] = found
        return found


def _shareable(value: object) -> bool:
    """Whether ``value`` equals only values interchangeable with it."""
    kind = type(value)
    if kind is str or kind is Identifier:
        return True
    if isinstance(value, PartialDate):
        return value.tz is None
    if isinstance(value, Affiliation | Role):
        return not value.extensions and _shareable(value.start) and _shareable(value.end)
    return value is None


def record_ids(bundle: Bundle) -> Iterator[tuple[str, str]]:
    """The (collection, id) of the record's assertions and verdicts, each once."""
    for kind in _COUNTED:
        for local in dict.fromkeys(item.id for item in getattr(bundle, kind)):
            yield kind, local


IdCount = tuple[bool, str, str]
"""An id the merge may rename: (whether more than one record uses it, collection, id);
an id one record uses is listed only when it is spelt like a namespaced one."""


def shared_ids(ids: Iterable[tuple[str, str]]) -> list[IdCount]:
    """Of some ids (each listed once per record that holds it, with its collection): those
    more than one record uses, and those one record uses that hold a ``/``."""
    found: list[IdCount] = []
    for (kind, local), count in Counter(ids).items():
        if count > 1:
            found.append((True, kind, local))
        elif "/" in local:
            found.append((False, kind, local))
    return found


def repeated_namespace(named: Iterable[tuple[str, Skeleton]]) -> tuple[str, str, str] | None:
    """The first namespace two records share (a bundle id on two lines), with the names of
    both places, or ``None``."""
    where: dict[str, str] = {}
    for name, found in named:
        namespace = name if found.id is None else found.id
        earlier = where.setdefault(namespace, name)
        if earlier != name:
            return namespace, earlier, name
    return None


class Registry:
    """The corpus's sources and claims, merged: the :class:`Record` every claim's analysis
    reads, each namespace's new ids, and what the merged bundle says beside its items.

    ``named`` pairs each record's :class:`Skeleton` with its name (``file:line``), in
    corpus order; ``ids`` are the record ids :func:`shared_ids` found.  ``strict`` makes
    the first conflict raise :class:`~claimmodel.exceptions.MergeConflictError`.
    ``edges`` keeps :attr:`edges`, the merged record's dependencies, which a page draws.
    ``versions`` accepts a record on several lines (its versions, :attr:`versions`), which
    the second pass must then bring together (:func:`gathered` does); otherwise that is an
    :class:`~claimmodel.exceptions.InvalidValueError`.
    """

    def __init__(
        self,
        named: Sequence[tuple[str, Skeleton]],
        ids: Iterable[IdCount],
        *,
        same_as: Iterable[tuple[tuple[str, str], tuple[str, str]]] = (),
        scales: Iterable[Scale] = (),
        strict: bool = False,
        edges: bool = False,
        versions: bool = False,
    ) -> None:
        repeated = None if versions else repeated_namespace(named)
        if repeated is not None:
            namespace, earlier, name = repeated
            raise InvalidValueError(
                f"the bundle id {namespace!r} is on {earlier} and on {name}: the analysis "
                "of a corpus in parts takes each record once (merge the two versions, or "
                "give them ids of their own)"
            )
        merged = merge_corpus(
            (found.bundle for _, found in named),
            names=[name for name, _ in named],
            same_as=same_as,
            strict=strict,
        )
        self.records = len(named)
        self.conflicts = merged.conflicts
        self.strict = strict
        lines = Counter(merged.namespaces)
        self.versions = {namespace: n for namespace, n in lines.items() if n > 1}
        """The lines of each record on more than one, by namespace."""
        tables: dict[str, tuple[dict[str, str], dict[str, str]]] = {
            namespace: ({}, {}) for namespace in merged.namespaces
        }
        for slot, kind in enumerate(("sources", "claims")):
            for new, origins in merged.origins[kind].items():
                for origin in origins:
                    tables[origin.namespace][slot][origin.local] = new
        self.tables = tables
        self.taken = frozenset(new for kind in merged.origins.values() for new in kind)
        bundle = merged.bundle
        unnamed = {
            s.id for s in bundle.sources if isinstance(s, AnonymousSource) and not s.independent
        }
        relayed: dict[str, dict[str, None]] = {}
        for namespace, (_, found) in zip(merged.namespaces, named, strict=True):
            sources = tables[namespace][0]
            for speaker, relay in found.unnamed:
                merged_speaker = sources.get(speaker)
                if merged_speaker not in unnamed:
                    continue
                through = bundle.document if relay is None else self.rename(namespace, relay)
                if through is not None:
                    relayed.setdefault(through, {})[merged_speaker] = None
        shared_relays = {relay: list(s) for relay, s in relayed.items() if len(s) > 1}
        self.record = Record(bundle, scales=scales, unnamed=shared_relays)
        self.edges: list[Dependency] | None = None
        """The merged record's dependencies, as :func:`~claimmodel.analysis.dependencies`
        gives them (``None`` unless asked for)."""
        if edges:
            self.edges = [*stated(bundle), *unnamed_dependencies(shared_relays)]
        self.scale_names = {scale.id: scale.name for scale in bundle.declared_scales}
        self.shared = {kind: set[str]() for kind in _COUNTED}
        self.slashed = {kind: set[str]() for kind in _COUNTED}
        for shared, kind, local in ids:
            (self.shared if shared else self.slashed)[kind].add(local)
        self.order = {claim_id: position for position, claim_id in enumerate(self.record.claims)}
        self.heading = bundle.title or bundle.id
        """What a report of the corpus is headed with when it holds one record."""
        self.document = bundle.document
        # Where a claim a verdict reviews appeared: the documents with a URL.
        self.documents = {
            s.id: s
            for s in reversed(bundle.sources)
            if isinstance(s, Document) and s.url is not None
        }

    def document_text(self, namespace: str, bundle: Bundle) -> str | None:
        """The text the record ``bundle`` (of ``namespace``) gives the merged record's
        document, if it gives one: the merged document takes the first text of the
        documents it joins, in corpus order."""
        if self.document is None:
            return None
        for source in bundle.sources:
            if (
                isinstance(source, Document)
                and source.text is not None
                and self.rename(namespace, source.id) == self.document
            ):
                return source.text
        return None

    def rename(self, namespace: str, local: str) -> str:
        """The merged id of the source ``local`` of ``namespace``, or of a dangling reference."""
        found = self.tables[namespace][0].get(local)
        if found is not None:
            return found
        return f"{namespace}/{local}" if local in self.taken else local

    def item_id(self, kind: str, namespace: str, local: str) -> str:
        """The merged id of the assertion or verdict ``local`` of ``namespace``: its own
        unless another record uses it, then namespaced (with ``~2`` … if that is itself
        another's id)."""
        if local not in self.shared[kind]:
            return local
        candidate = f"{namespace}/{local}"
        suffix = 1
        while candidate in self.slashed[kind]:
            suffix += 1
            candidate = f"{namespace}/{local}~{suffix}"
        return candidate

    def renamer(self, namespace: str, assertions: Mapping[str, str]) -> Renamer:
        """The :class:`Renamer` that gives the namespace's items their merged ids."""
        sources, claims = self.tables[namespace]
        taken = self.taken

        def dangling(reference: str) -> str:
            return f"{namespace}/{reference}" if reference in taken else reference

        return Renamer(sources=sources, claims=claims, assertions=assertions, dangling=dangling)

    def summary(self) -> tuple[FrozenMap[str], tuple[FigureConflict, ...], tuple[Conflict, ...]]:
        """What the whole analysis holds beside its claims, and the merge's conflicts."""
        analysis = self.record.analysis(())
        return analysis.same, analysis.conflicting_figures, self.conflicts

    def place(self, claim_id: str, first: tuple[int, ...]) -> tuple[int, tuple[int, ...]]:
        """Where a claim comes in the analysis: the merged bundle's claims in order, then the
        claims only assertions name, by where the first of them is (``first``)."""
        return self.order.get(claim_id, len(self.order)), first


Withdrawal = tuple[Assertion, Literal["retracted", "corrected"]]
Given = tuple[tuple[int, ...], Assertion | FactCheck, Withdrawal | None]
"""What a record gives a claim, with its place in the corpus (see :data:`Contribution`)."""
Placed = tuple[str, tuple[int, int], Assertion | FactCheck, Withdrawal | None]
"""A contribution (see :data:`Contribution`) with its place in the corpus: the record's
number, from 1, and the item's position in it."""
Contribution = tuple[str, int, Assertion | FactCheck, Withdrawal | None]
"""What a record gives one claim: the claim's id, the item's position in the record, and
an assertion under its merged ids with what withdraws it and how, or a verdict's
:class:`~claimmodel.FactCheck` (withdrawing nothing)."""


def contributions(bundle: Bundle, namespace: str, registry: Registry) -> Iterator[Contribution]:
    """The record's assertions, renamed as the merge renames them, by the claim they count
    for; then its verdicts, by each claim they review (``bundle`` as
    :func:`for_corroboration` leaves it)."""
    record = registry.record
    kept: dict[str, Assertion] = {}
    for assertion in bundle.assertions:
        kept.setdefault(assertion.id, assertion)  # a repeated id: the merge keeps the first
    new_ids = {local: registry.item_id("assertions", namespace, local) for local in kept}
    renamer = registry.renamer(namespace, new_ids)
    renamed = [renamer.assertion(a, new_ids[local]) for local, a in kept.items()]
    withdrawn = _withdrawn(renamed)
    for position, assertion in enumerate(renamed):
        claim_id = record.representative(assertion.claim)
        yield claim_id, position, assertion, withdrawn.get(assertion.id)
    if not bundle.verdicts:
        return
    verdicts: dict[str, Verdict] = {}
    for verdict in bundle.verdicts:
        verdicts.setdefault(verdict.id, verdict)  # a repeated id: the merge keeps the first
    renamed_verdicts = tuple(
        renamer.verdict(v, registry.item_id("verdicts", namespace, local))
        for local, v in verdicts.items()
    )
    # What fact_checks reads of the merged bundle: the reviewed assertions, and the
    # documents that tell where they appeared.
    documents = registry.documents
    wanted = [registry.document, *(e.document for a in renamed for e in a.evidence)]
    view = Bundle(
        document=registry.document,
        sources=tuple(
            documents[d] for d in dict.fromkeys(wanted) if d is not None and d in documents
        ),
        assertions=tuple(renamed),
        verdicts=renamed_verdicts,
    )
    for position, found in enumerate(fact_checks(view, record.names), start=len(renamed)):
        for claim_id in dict.fromkeys(record.representative(c) for c in found.claims):
            yield claim_id, position, found, None


def claim_analysis(
    registry: Registry,
    claim_id: str,
    given: Iterable[Given],
) -> tuple[tuple[int, tuple[int, ...]], ClaimAnalysis]:
    """The analysis of one claim from everything the corpus gave it, each item with its
    place in the corpus, and where the claim comes in the analysis."""
    first, analysed = analysed_claim(registry.record, claim_id, sorted(given, key=itemgetter(0)))
    return registry.place(claim_id, first), analysed


def registry_of(
    records: Iterable[tuple[str, Bundle]],
    *,
    same_as: Iterable[tuple[tuple[str, str], tuple[str, str]]] = (),
    scales: Iterable[Scale] = (),
    strict: bool = False,
    edges: bool = False,
    again: Callable[[], Iterable[tuple[str, Bundle]]] | None = None,
) -> Registry:
    """The first pass, in one process: the :class:`Registry` of ``records``, each a bundle
    with its name (``file:line``), in corpus order.

    A record on several lines (one bundle id twice) is its versions, reconciled item by
    item as :func:`~claimmodel.corpus.merge_corpus` reconciles them: the registry merges
    their sources and claims, and :func:`gathered` their assertions and verdicts.  Which
    of a version's assertions and ids stand (the first of each id) is known only once the
    corpus has been read, so a corpus holding one is read again, for those records alone,
    from ``again`` (the same records again); without it, such a corpus is an
    :class:`~claimmodel.exceptions.InvalidValueError`.
    """
    named: list[tuple[str, Skeleton]] = []
    ids: Counter[tuple[str, str]] = Counter()  # most records spell their ids alike
    shared = Shared()
    for name, bundle in records:
        kept = for_corroboration(bundle)
        named.append((name, skeleton(kept, name, 0, shared=shared)))
        ids.update(record_ids(kept))
    del shared
    if repeated_namespace(named) is not None:
        if again is None:
            namespace, earlier, name = repeated_namespace(named) or ("", "", "")
            raise InvalidValueError(
                f"the bundle id {namespace!r} is on {earlier} and on {name}: its versions are "
                "reconciled from a second reading of the corpus, which was not given"
            )
        _versions(named, ids, again())
    return Registry(
        named,
        shared_ids(ids.elements()),
        same_as=same_as,
        scales=scales,
        strict=strict,
        edges=edges,
        versions=True,
    )


def _versions(
    named: list[tuple[str, Skeleton]],
    ids: Counter[tuple[str, str]],
    records: Iterable[tuple[str, Bundle]],
) -> None:
    """Reconcile the versions of each record on several lines, from the corpus read again:
    each id they share counted once in ``ids``, and each version's skeleton given the
    speakers and relays of its assertions that stand (those whose id no earlier version
    of the record gave), every speaker, since which ones are unnamed is the merged
    record's to say."""
    namespaces = [name if found.id is None else found.id for name, found in named]
    lines = Counter(namespaces)
    seen: dict[str, set[tuple[str, str]]] = {}
    count = 0
    same = True
    for count, (name, bundle) in enumerate(records, start=1):
        same = count <= len(named) and named[count - 1][0] == name
        if not same:
            break
        namespace = namespaces[count - 1]
        if lines[namespace] == 1:
            continue
        earlier = seen.setdefault(namespace, set())
        standing: dict[tuple[str, str | None], None] = {}
        given: set[str] = set()
        for assertion in bundle.assertions:
            if ("assertions", assertion.id) in earlier or assertion.id in given:
                continue  # the first assertion of an id stands
            given.add(assertion.id)
            chain = assertion.attribution.chain
            standing[(assertion.attribution.source, chain[0].source if chain else None)] = None
        for key in record_ids(bundle):
            if key in earlier:
                ids[key] -= 1
            earlier.add(key)
        found = named[count - 1][1]
        named[count - 1] = (name, attrs.evolve(found, unnamed=tuple(standing)))
    if not same or count != len(named):
        raise InvalidValueError(
            f"the corpus held {len(named)} records when first read and not the same when read "
            "again: it changed while it was read"
        )


def analyses(
    registry: Registry,
    records: Iterable[tuple[str, Bundle]],
    *,
    keep: Callable[[Bundle], Bundle] = for_corroboration,
) -> Generator[tuple[ClaimAnalysis, list[Assertion]]]:
    """The second pass, in one process: every claim's analysis, in the order
    :func:`~claimmodel.analyze` gives them, with the assertions counted for it (under their
    merged ids, in corpus order), from the same ``records`` read again (:func:`gathered`)."""
    with gathered(registry, records, keep=keep) as found:
        yield from found.analyses(registry)


@contextlib.contextmanager
def gathered(
    registry: Registry,
    records: Iterable[tuple[str, Bundle]],
    *,
    keep: Callable[[Bundle], Bundle] = for_corroboration,
) -> Iterator[Gathered]:
    """The second reading of the corpus, done: every record's contributions, by claim.

    A claim's last assertion may be on the last line, so the contributions are written to
    a temporary file (removed on leaving the context) and read back a claim at a time by
    :meth:`Gathered.analyses`: what is held is one claim's contributions, and a number
    and a place in the order per claim.  ``keep`` is what is kept of each record (a page
    quotes the words that :func:`for_corroboration` drops).

    A record on several lines (:attr:`Registry.versions`) is held from its first line to
    its last, then its versions' assertions and verdicts are made one record as the merge
    makes them (the first of each id stands, each in its version's place in the corpus,
    and one that differs is a :class:`~claimmodel.corpus.Conflict` of
    :attr:`Gathered.conflicts`, or raises :class:`~claimmodel.exceptions.MergeConflictError`
    when the registry is strict).  A corpus that does not hold the records it held when
    the registry was built is an :class:`~claimmodel.exceptions.InvalidValueError`.
    """
    with Gathered() as found:
        count = 0
        pending: dict[str, list[tuple[int, Bundle]]] = {}
        for count, (name, bundle) in enumerate(records, start=1):
            kept = keep(bundle)
            namespace = kept.id if kept.id is not None else name
            lines = registry.versions.get(namespace)
            if lines is None:
                found.add(
                    (claim_id, (count, position), item, by)
                    for claim_id, position, item, by in contributions(kept, namespace, registry)
                )
                continue
            held = pending.setdefault(namespace, [])
            held.append((count, kept))
            if len(held) == lines:
                del pending[namespace]
                found.add(found.versions(held, namespace, registry))
        if count != registry.records or pending:
            raise InvalidValueError(
                f"the corpus held {registry.records} records when first read and {count} when "
                "read again: it changed while it was read"
            )
        yield found


class Gathered:
    """Every record's contributions, kept by claim in a temporary SQLite file (pickled: the
    file is this process's own and removed when it is closed), so that the second pass
    holds one claim's at a time."""

    def __init__(self) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="claimmodel-")
        self._db = sqlite3.connect(os.path.join(self._folder.name, "contributions.sqlite"))
        self._db.executescript(
            "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
            "CREATE TABLE given (claim INTEGER, record INTEGER, position INTEGER, item BLOB);"
        )
        # Each claim's number in the file and its first assertion's place, which orders
        # the claims only assertions name; the registry's claims first, as analyze has them.
        self._numbers: dict[str, int] = {}
        self._first: dict[str, tuple[int, ...]] = {}
        self.conflicts: list[Conflict] = []
        """What the versions of a record on several lines give one assertion, verdict or
        relation id apart (the registry has the rest)."""

    def __enter__(self) -> Gathered:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._db.close()
        self._folder.cleanup()

    def _number(self, claim_id: str) -> int:
        return self._numbers.setdefault(claim_id, len(self._numbers))

    def add(self, given: Iterable[Placed]) -> None:
        """A record's contributions, each with its place in the corpus."""
        rows = []
        for claim_id, place, item, by in given:
            if isinstance(item, Assertion):
                first = self._first.get(claim_id)
                if first is None or place < first:
                    self._first[claim_id] = place
            blob = pickle.dumps((item, by), protocol=pickle.HIGHEST_PROTOCOL)
            rows.append((self._number(claim_id), *place, blob))
        self._db.executemany("INSERT INTO given VALUES (?, ?, ?, ?)", rows)

    def versions(
        self, versions: Sequence[tuple[int, Bundle]], namespace: str, registry: Registry
    ) -> Iterator[Placed]:
        """The contributions of a record on several lines (each version with its number in
        the corpus), its versions' assertions and verdicts made one as the merge makes
        them: the first of each id stands, in its place in the corpus."""
        assertions: dict[str, tuple[tuple[int, int], Assertion]] = {}
        verdicts: dict[str, tuple[tuple[int, int], Verdict]] = {}
        relations: dict[str, Relation] = {}
        for record, bundle in versions:
            for position, assertion in enumerate(bundle.assertions):
                first = assertions.setdefault(assertion.id, ((record, position), assertion))[1]
                self._compare("assertions", namespace, first, assertion, registry)
            for position, verdict in enumerate(bundle.verdicts, start=len(bundle.assertions)):
                kept = verdicts.setdefault(verdict.id, ((record, position), verdict))[1]
                self._compare("verdicts", namespace, kept, verdict, registry)
            for relation in bundle.relations:
                said = relations.setdefault(relation.id, relation)
                # The registry compared those that declare two claims the same.
                if not (said.kind.declares_same_claim and relation.kind.declares_same_claim):
                    self._compare("relations", namespace, said, relation, registry)
        places = [place for place, _ in (*assertions.values(), *verdicts.values())]
        one = Bundle(
            assertions=tuple(assertion for _, assertion in assertions.values()),
            verdicts=tuple(verdict for _, verdict in verdicts.values()),
        )
        for claim_id, position, item, by in contributions(one, namespace, registry):
            yield claim_id, places[position], item, by

    def _compare(
        self,
        kind: str,
        namespace: str,
        first: Assertion | Verdict | Relation,
        other: Assertion | Verdict | Relation,
        registry: Registry,
    ) -> None:
        if first is other or first == other:
            return
        origin = ItemOrigin(namespace=namespace, local=first.id)
        found = Conflict(kind=kind, first=origin, second=origin, message=differences(first, other))
        if registry.strict:
            raise MergeConflictError(
                str(found),
                kind=kind,
                item=found.first.local,
                first=str(found.first),
                second=str(found.second),
            )
        self.conflicts.append(found)

    def analyses(self, registry: Registry) -> Iterator[tuple[ClaimAnalysis, list[Assertion]]]:
        """Every claim's analysis, in the order :func:`~claimmodel.analyze` gives them,
        with the assertions counted for it (under their merged ids, in corpus order)."""
        for claim_id, found in self.claims(registry):
            analysed = claim_analysis(registry, claim_id, found)[1]
            yield analysed, [item for _, item, _ in found if isinstance(item, Assertion)]

    def claims(self, registry: Registry) -> Iterator[tuple[str, list[Given]]]:
        """Every claim (the registry's, then those only contributions name) in the order of
        the analysis, each with what it was given in corpus order."""
        for claim_id in registry.order:
            self._number(claim_id)
        self._db.execute("CREATE INDEX IF NOT EXISTS by_claim ON given (claim, record, position)")
        places = sorted(
            (registry.place(claim_id, self._first.get(claim_id, ())), claim_id, number)
            for claim_id, number in self._numbers.items()
        )
        query = "SELECT record, position, item FROM given WHERE claim = ? ORDER BY record, position"
        for _, claim_id, number in places:
            found: list[Given] = []
            for record, position, blob in self._db.execute(query, (number,)):
                item, by = pickle.loads(blob)  # noqa: S301  (this process's own file)
                found.append(((record, position), item, by))
            yield claim_id, found


def assemble(registry: Registry, claims: Iterable[ClaimAnalysis]) -> Analysis:
    """The :class:`~claimmodel.Analysis` of ``claims`` (in order), with the registry's."""
    same, conflicting, _ = registry.summary()
    return Analysis(
        claims=FrozenMap({claim.claim: claim for claim in claims}),
        same=same,
        conflicting_figures=conflicting,
    )


def analysed_claim(
    record: Record, claim_id: str, ordered: Sequence[Given]
) -> tuple[tuple[int, ...], ClaimAnalysis]:
    """The analysis of one claim by ``record`` (the registry's, or one built of the slices
    of it the claim reads) from everything the corpus gave it, in corpus order; and the
    place of its first assertion."""
    assertions = [item for _, item, _ in ordered if isinstance(item, Assertion)]
    withdrawn: Withdrawn = {
        item.id: by for _, item, by in ordered if by is not None and isinstance(item, Assertion)
    }
    analysed = record.claim(claim_id, assertions, withdrawn)
    checks = tuple(item for _, item, _ in ordered if isinstance(item, FactCheck))
    if checks:
        analysed = attrs.evolve(analysed, fact_checks=checks)
    first = next((place for place, item, _ in ordered if isinstance(item, Assertion)), ())
    return first, analysed
