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
it.  The same pieces run in one process (:func:`registry_of`, :func:`analyses`,
which ``claimmodel report`` uses on a corpus) and on Dask
(:mod:`claimmodel.corpus.dask`, which cuts the passes by partition and brings each
claim's contributions together by a shuffle).  Both require each record to be in
the corpus once: a namespace on two lines would make the merge reconcile two
versions of one record item by item (:func:`repeated_namespace` finds one).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from operator import itemgetter
from typing import Literal

import attrs

from claimmodel.analysis._analyze import Analysis, ClaimAnalysis, Record, Withdrawn, _withdrawn
from claimmodel.analysis._figures import FigureConflict
from claimmodel.analysis._verdicts import FactCheck, fact_checks
from claimmodel.corpus._keep import for_corroboration
from claimmodel.corpus._merge import Conflict, merge_corpus
from claimmodel.corpus._references import Renamer
from claimmodel.exceptions import InvalidValueError
from claimmodel.model import (
    AnonymousSource,
    Assertion,
    Bundle,
    Document,
    FrozenMap,
    Scale,
    Verdict,
)

__all__ = [
    "Contribution",
    "Given",
    "IdCount",
    "Registry",
    "Skeleton",
    "analyses",
    "contributions",
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


def skeleton(bundle: Bundle, name: str, number: int) -> Skeleton:
    """The :class:`Skeleton` of ``bundle`` (as :func:`for_corroboration` leaves it)."""
    anonymous = {s.id for s in bundle.sources if isinstance(s, AnonymousSource)}
    unnamed: dict[tuple[str, str | None], None] = {}
    for assertion in bundle.assertions:
        speaker = assertion.attribution.source
        if speaker in anonymous:
            chain = assertion.attribution.chain
            unnamed[(speaker, chain[0].source if chain else None)] = None
    kept = attrs.evolve(
        bundle,
        assertions=(),
        verdicts=(),
        relations=tuple(r for r in bundle.relations if r.kind.declares_same_claim),
    )
    return Skeleton(id=bundle.id, name=name, number=number, bundle=kept, unnamed=tuple(unnamed))


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
    """

    def __init__(
        self,
        named: Sequence[tuple[str, Skeleton]],
        ids: Iterable[IdCount],
        *,
        same_as: Iterable[tuple[tuple[str, str], tuple[str, str]]] = (),
        scales: Iterable[Scale] = (),
        strict: bool = False,
    ) -> None:
        repeated = repeated_namespace(named)
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
        self.record = Record(
            bundle,
            scales=scales,
            unnamed={relay: list(s) for relay, s in relayed.items() if len(s) > 1},
        )
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
) -> Registry | None:
    """The first pass, in one process: the :class:`Registry` of ``records``, each a bundle
    with its name (``file:line``), in corpus order; ``None`` when a record is in the
    corpus twice (:func:`repeated_namespace`), whose versions only
    :func:`~claimmodel.corpus.merge_corpus` of the whole bundles reconciles."""
    named: list[tuple[str, Skeleton]] = []
    ids: list[tuple[str, str]] = []
    for name, bundle in records:
        kept = for_corroboration(bundle)
        named.append((name, skeleton(kept, name, 0)))
        ids.extend(record_ids(kept))
    counted = shared_ids(ids)
    del ids
    if repeated_namespace(named) is not None:
        return None
    return Registry(named, counted, same_as=same_as, scales=scales, strict=strict)


def analyses(
    registry: Registry, records: Iterable[tuple[str, Bundle]]
) -> Iterator[tuple[ClaimAnalysis, list[Assertion]]]:
    """The second pass, in one process: every claim's analysis, in the order
    :func:`~claimmodel.analyze` gives them, with the assertions counted for it (under their
    merged ids, in corpus order), from the same ``records`` read again.

    Every claim's contributions are gathered first (a claim's last assertion may be on
    the last line); each claim's are dropped once it is analysed and the caller moves on.
    """
    given: dict[str, list[Given]] = {claim_id: [] for claim_id in registry.order}
    count = 0
    for count, (name, bundle) in enumerate(records, start=1):
        kept = for_corroboration(bundle)
        namespace = kept.id if kept.id is not None else name
        for claim_id, position, item, by in contributions(kept, namespace, registry):
            given.setdefault(claim_id, []).append(((count, position), item, by))
    if count != registry.records:
        raise InvalidValueError(
            f"the corpus held {registry.records} records when first read and {count} when "
            "read again: it changed while it was read"
        )
    places = sorted(
        (registry.place(claim_id, _first(found)), claim_id) for claim_id, found in given.items()
    )
    for _, claim_id in places:
        found = given.pop(claim_id)
        analysed = claim_analysis(registry, claim_id, found)[1]
        yield analysed, [item for _, item, _ in found if isinstance(item, Assertion)]


def _first(given: list[Given]) -> tuple[int, ...]:
    return next((place for place, item, _ in given if isinstance(item, Assertion)), ())


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
