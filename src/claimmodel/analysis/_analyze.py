"""Corroboration analysis: how many independent origins stand behind each claim."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from operator import attrgetter, itemgetter
from typing import Literal

import attrs

from claimmodel.analysis._dependencies import period, unnamed_by_relay
from claimmodel.analysis._evidence import CitedEvidence, cited_evidence, evidence_words
from claimmodel.analysis._figures import FigureConflict, conflicting_figures
from claimmodel.analysis._origins import OriginFinder
from claimmodel.analysis._parties import ControlledRelay, Controls
from claimmodel.analysis._same import same_claims
from claimmodel.analysis._verdicts import FactCheck, fact_checks
from claimmodel.format._fast import bundle_is_large, gc_paused
from claimmodel.model import (
    Assertion,
    AssertionMode,
    Bearing,
    Bundle,
    Channel,
    FrozenMap,
    Hedge,
    HedgeCategory,
    Interval,
    Quantity,
    Scale,
    Stance,
)
from claimmodel.model import _checks as check
from claimmodel.model._convert import envelope, states_judgement
from claimmodel.model._scales import with_declared

__all__ = [
    "Analysis",
    "CitedEvidence",
    "ClaimAnalysis",
    "Contradiction",
    "ControlledRelay",
    "FactCheck",
    "FigureConflict",
    "Origin",
    "RaisedHedge",
    "Reversal",
    "Route",
    "SameClaim",
    "Withdrawal",
    "analyze",
]

_STANCE_ORDER = tuple(Stance)
_id = attrgetter("id")
_sources = attrgetter("sources")
_OPPOSING = frozenset({Stance.DENIES, Stance.DISPUTES, Stance.QUESTIONS})
_CONTRADICTING = frozenset({Stance.DENIES, Stance.DISPUTES})

# How each hedge category reads in a verdict, in verdict order.
HEDGE_WORDS: dict[HedgeCategory, str] = {
    HedgeCategory.REPORTATIVE: "alleged",
    HedgeCategory.DISPUTED: "disputed",
    HedgeCategory.EVIDENTIAL_GAP: "unverified",
    HedgeCategory.EPISTEMIC: "uncertain",
    HedgeCategory.WEAK_COMMITMENT: "weakly committed",
    HedgeCategory.ATTRIBUTION_SHIELD: "attributed",
    HedgeCategory.APPROXIMATOR: "approximate",
}


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


@attrs.frozen(kw_only=True)
class Origin:
    """One independent origin of a claim: speakers whose assertions trace back to each other.

    ``sources`` are the ids of the speakers of the claim's assertions that fall in
    this origin (sorted), ``names`` their readable names in the same order,
    ``assertions`` the ids of those assertions (sorted) and ``stances`` what the
    origin does with the claim (in :class:`~claimmodel.Stance` order).  ``mode``
    is how the origin backs the claim: stated if any of its assertions that
    assert it says so outright, else presupposed if one presupposes it, else
    inferred (``None`` when it does not assert it).  ``reasons`` explain a
    grouping the record does not state outright (unnamed sources reached through
    one intermediary).  ``interested`` are the claim's parties the origin is, or
    depends on when its assertions were made (ids, in the claim's order), and
    ``interested_names`` their names: independence is not disinterest.
    """

    sources: tuple[str, ...]
    names: tuple[str, ...]
    assertions: tuple[str, ...]
    stances: tuple[Stance, ...]
    mode: AssertionMode | None = None
    reasons: tuple[str, ...] = ()
    interested: tuple[str, ...] = ()
    interested_names: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """The names of its speakers, joined with ``" + "``."""
        return " + ".join(self.names)

    @property
    def asserts(self) -> bool:
        """Whether the origin states the claim as true."""
        return Stance.ASSERTS in self.stances

    @property
    def opposes(self) -> bool:
        """Whether the origin denies, disputes or questions the claim."""
        return not _OPPOSING.isdisjoint(self.stances)

    @property
    def is_interested(self) -> bool:
        """Whether the origin is, or depends on, one of the claim's interested parties."""
        return bool(self.interested)

    @property
    def contradicts(self) -> bool:
        """Whether the origin denies or disputes the claim (questioning does not contradict)."""
        return not _CONTRADICTING.isdisjoint(self.stances)


@attrs.frozen(kw_only=True)
class Route:
    """The way a relayed statement travelled: its speaker, then each intermediary in turn.

    ``sources`` are ids in the order the statement passed through them (the speaker
    first, the one nearest the reader last), ``names`` their readable names and
    ``channels`` the channel by which each intermediary received it (one fewer than
    ``sources``).  ``assertions`` are the ids of the claim's assertions that took this
    way (sorted).
    """

    sources: tuple[str, ...]
    names: tuple[str, ...]
    channels: tuple[Channel, ...]
    assertions: tuple[str, ...]

    @property
    def label(self) -> str:
        """The names in travel order, each arrow marked with its channel where the record
        names one: ``"Alexei Chebanenko -[interview]-> RIA Novosti -[publication]-> Article"``.
        """
        steps = [self.names[0]]
        for name, channel in zip(self.names[1:], self.channels, strict=True):
            arrow = "->" if channel is Channel.UNSPECIFIED else f"-[{channel.value}]->"
            steps.append(f"{arrow} {name}")
        return " ".join(steps)


@attrs.frozen(kw_only=True)
class Withdrawal:
    """An ``assertion`` of the claim that a later assertion (``by``) retracted or corrected.

    A withdrawn assertion neither backs nor opposes the claim any more.  ``source`` and
    ``by_source`` are the speakers of the two, ``name`` and ``by_name`` their names.
    """

    assertion: str
    source: str
    name: str
    how: Literal["retracted", "corrected"]
    by: str
    by_source: str
    by_name: str


@attrs.frozen(kw_only=True)
class Reversal:
    """A ``source`` that took back or turned against what it said earlier about the claim.

    ``before`` and ``after`` are the two assertions (``after`` may retract or correct
    ``before``, or oppose what it backed, or the reverse) and ``change`` says it in
    words: ``"asserted it (2025-07), then retracted it (2025-09)"``.
    """

    source: str
    name: str
    before: str
    after: str
    change: str


@attrs.frozen(kw_only=True)
class RaisedHedge:
    """A ``hedge`` on the claim and the id of the ``assertion`` that carries it."""

    assertion: str
    hedge: Hedge


@attrs.frozen(kw_only=True)
class SameClaim:
    """A claim declared the same as the one analysed (a translation, a paraphrase,
    ``same-as``), whose assertions are counted with it."""

    claim: str
    text: str | None
    language: str | None = None


@attrs.frozen(kw_only=True)
class ClaimAnalysis:
    """Everything the record shows about who stands behind one claim.

    ``text`` is ``None`` when assertions name a claim the bundle does not hold.
    ``sources`` are the speakers of its assertions and ``relays`` the
    intermediaries of their attribution chains (ids, sorted); ``routes`` show the
    way each relayed statement travelled, in order.  ``backing`` are the ids of the
    assertions that still back the claim (state it as true, in force), and
    ``presupposed`` and ``inferred`` those of them that only presuppose it or that
    the encoder infers.  ``origins`` groups
    the speakers of all its assertions that still count, whatever their stance —
    not those later retracted or corrected (``withdrawn``), nor retractions, which
    withdraw rather than back (they count only when they deny, dispute or
    question); the independent origins behind the claim are those of them that
    assert it.  ``confidence`` is
    :func:`~claimmodel.summarize` over the confidences of its assertions: the
    envelope of their probability bands (``None`` when none of them carries one).
    ``judged`` says whether any of them states a judgement at all — a band, or a
    grade such as analytic confidence or a rating — so that a claim graded only
    in words is never reported as "cannot be judged".
    """

    claim: str
    text: str | None
    assertions: tuple[str, ...]
    sources: tuple[str, ...]
    relays: tuple[str, ...]
    origins: tuple[Origin, ...]
    hedges: tuple[RaisedHedge, ...]
    confidence: Interval | None
    judged: bool = True
    withdrawn: tuple[Withdrawal, ...] = ()
    """Its assertions that later assertions retracted or corrected, in assertion-id order."""
    reversals: tuple[Reversal, ...] = ()
    """Sources that changed their position on it over time, in source order."""
    routes: tuple[Route, ...] = ()
    """How its relayed assertions travelled, one route per distinct way (sorted)."""
    backing: tuple[str, ...] = ()
    """The assertions in force that state it as true, whatever their mode (sorted)."""
    presupposed: tuple[str, ...] = ()
    """Those of :attr:`backing` that only presuppose it (sorted)."""
    inferred: tuple[str, ...] = ()
    """Those of :attr:`backing` that the encoder infers (sorted)."""
    same: tuple[SameClaim, ...] = ()
    """The other claims declared the same as this one, in id order: their assertions are
    among ``assertions`` and counted as this claim's."""
    parties: tuple[str, ...] = ()
    """The claim's interested parties (ids; with those of the claims counted with it)."""
    party_names: tuple[str, ...] = ()
    """Their names, in the same order."""
    controlled_relays: tuple[ControlledRelay, ...] = ()
    """The relays of its counted assertions that an interested party controls, by relay id."""
    only_through_controlled: bool = False
    """Whether every counted assertion reached the reader through such a relay."""
    quantity: Quantity | None = None
    """The figure the claim states, if any."""
    conflicting_figures: tuple[FigureConflict, ...] = ()
    """The conflicts between its figure (or that of a claim counted with it) and others."""
    evidence: tuple[CitedEvidence, ...] = ()
    """The evidence on its assertions whose bearing on it the record states, each piece
    once per bearing (see :func:`~claimmodel.analysis._evidence.cited_evidence`).  Evidence
    is never an origin: a video shows, it does not speak."""

    def _bearing(self, bearing: Bearing) -> tuple[CitedEvidence, ...]:
        return tuple(item for item in self.evidence if item.bearing is bearing)

    @property
    def supporting_evidence(self) -> tuple[CitedEvidence, ...]:
        """The pieces of evidence that support the claim."""
        return self._bearing(Bearing.SUPPORTS)

    @property
    def refuting_evidence(self) -> tuple[CitedEvidence, ...]:
        """The pieces of evidence that refute the claim, whoever asserts it."""
        return self._bearing(Bearing.REFUTES)

    @property
    def inconclusive_evidence(self) -> tuple[CitedEvidence, ...]:
        """The pieces of evidence examined that bear on the claim neither way."""
        return self._bearing(Bearing.NEITHER)

    fact_checks: tuple[FactCheck, ...] = ()
    """The verdicts on it (or on a claim counted with it), in bundle order: shown beside the
    count of origins, never counted in it (a reviewer rates a claim, it does not assert it)."""

    @property
    def interested_origins(self) -> int:
        """How many of the independent origins behind the claim are interested parties."""
        return sum(1 for origin in self.independent if origin.is_interested)

    @property
    def independent(self) -> tuple[Origin, ...]:
        """The independent origins that stand behind the claim: those that assert it."""
        return tuple(origin for origin in self.origins if origin.asserts)

    @property
    def independent_origins(self) -> int:
        """How many independent origins stand behind (assert) the claim."""
        return len(self.independent)

    @property
    def single_origin(self) -> bool:
        """Whether exactly one independent origin stands behind the claim."""
        return self.independent_origins == 1

    def _with(self, *stances: Stance) -> tuple[Origin, ...]:
        wanted = set(stances)
        return tuple(origin for origin in self.origins if not wanted.isdisjoint(origin.stances))

    @property
    def asserting(self) -> int:
        """How many independent origins state the claim as true (``independent_origins``)."""
        return len(self._with(Stance.ASSERTS))

    @property
    def denying(self) -> int:
        """How many independent origins state it is false."""
        return len(self._with(Stance.DENIES))

    @property
    def disputing(self) -> int:
        """How many independent origins dispute it (questioning is :attr:`questioning`)."""
        return len(self._with(Stance.DISPUTES))

    @property
    def questioning(self) -> int:
        """How many independent origins question it, without denying or disputing it."""
        return len(self._with(Stance.QUESTIONS))

    @property
    def contradicted(self) -> bool:
        """Whether an origin asserts it and another denies or disputes it.

        Questioning a claim is not contradicting it: an origin that only questions
        it leaves it uncontradicted.
        """
        asserting = self.independent
        opposing = tuple(origin for origin in self.origins if origin.contradicts)
        return bool(asserting and opposing) and {*asserting, *opposing} != {asserting[0]}

    @property
    def reporting(self) -> int:
        """How many independent origins pass it on without taking a position."""
        return len(self._with(Stance.REPORTS))

    @property
    def stated_origins(self) -> int:
        """How many independent origins state the claim outright (see :attr:`Origin.mode`)."""
        return sum(1 for origin in self.independent if origin.mode is AssertionMode.STATED)

    @property
    def presupposed_origins(self) -> int:
        """How many independent origins back the claim only by presupposing it."""
        return sum(1 for origin in self.independent if origin.mode is AssertionMode.PRESUPPOSED)

    @property
    def inferred_origins(self) -> int:
        """How many independent origins back the claim only as the encoder infers."""
        return sum(1 for origin in self.independent if origin.mode is AssertionMode.INFERRED)

    @property
    def declining(self) -> int:
        """How many origins were asked about it and declined to comment.

        Silence neither backs nor opposes a claim: these origins are not counted
        in :attr:`independent_origins` nor among those who deny or dispute it.
        """
        return len(self._with(Stance.DECLINES_TO_COMMENT))

    @property
    def not_responding(self) -> int:
        """How many origins were asked about it and did not respond (see :attr:`declining`)."""
        return len(self._with(Stance.DOES_NOT_RESPOND))

    @property
    def hedge_words(self) -> tuple[str, ...]:
        """One word for each category of hedge raised on the claim, in verdict order."""
        raised = {raised.hedge.category for raised in self.hedges}
        return tuple(word for category, word in HEDGE_WORDS.items() if category in raised)

    @property
    def backing_words(self) -> str:
        """How many assertions back the claim, the presupposed and inferred apart.

        ``"3 assertions back it (2 presupposed)"``, ``"1 assertion backs it"``,
        ``"no assertion backs it"``.
        """
        count = len(self.backing)
        if not count:
            return "no assertion backs it"
        words = f"{_plural(count, 'assertion')} {'backs' if count == 1 else 'back'} it"
        weak = [
            f"{len(ids)} {word}"
            for ids, word in ((self.presupposed, "presupposed"), (self.inferred, "inferred"))
            if ids
        ]
        return words + (" (" + ", ".join(weak) + ")" if weak else "")

    @property
    def verdict(self) -> str:
        """One line: the origins behind the claim, what backs it, who else speaks of it, the
        hedges raised.

        For example ``"1 independent origin (Sergey Lavrov + Russian officials); 3
        assertions back it (2 presupposed); reported by the article; questioned by
        the international community; alleged"``.  What reports, questions, disputes or
        denies the claim, or declines to comment on it, is never counted as backing it.
        """
        if not self.assertions:
            return "no assertions"
        behind = self.independent
        noun = "independent origin" if len(behind) == 1 else "independent origins"
        head = f"{len(behind)} {noun}"
        if behind:
            head += " (" + ", ".join(origin.label for origin in behind) + ")"
        head += self._interest()
        parts = [head, self.backing_words]
        for stance, verb in _STANCE_VERBS.items():
            others = self._with(stance)
            if others:
                parts.append(f"{verb} by " + ", ".join(origin.label for origin in others))
        for stance, words in SILENCE_WORDS.items():
            silent = self._with(stance)
            if silent:
                parts.append(f"{words}: " + ", ".join(origin.label for origin in silent))
        for how in ("retracted", "corrected"):
            withdrawn = [
                f"{w.name} (assertion {w.assertion})" for w in self.withdrawn if w.how == how
            ]
            if withdrawn:
                parts.append(f"{how}: " + ", ".join(withdrawn))
        parts.extend(f"{r.name} {r.change}" for r in self.reversals)
        if self.only_through_controlled:
            parts.append(
                "reached the reader only through outlets an interested party controls ("
                + "; ".join(relay.description for relay in self.controlled_relays)
                + ")"
            )
        if self.conflicting_figures:
            parts.append(
                "conflicting figures: "
                + "; ".join(conflict.description for conflict in self.conflicting_figures)
            )
        if self.same:
            parts.append("counted as one with " + ", ".join(same.claim for same in self.same))
        if self.evidence:
            parts.append(evidence_words(self.evidence))
        parts.extend(
            f"rated {found.rating.label!r} by {found.reviewer_name}" for found in self.fact_checks
        )
        parts.extend(self.hedge_words)
        return "; ".join(parts)

    def _interest(self) -> str:
        """How many of the origins behind the claim are interested parties, in words."""
        behind = self.independent
        interested = [origin for origin in behind if origin.is_interested]
        if not interested:
            return ""
        names = ", ".join(dict.fromkeys(n for o in interested for n in o.interested_names))
        if len(behind) == 1:
            return f", an interested party ({names})"
        if len(interested) == len(behind):
            both = "both" if len(behind) == 2 else f"all {len(behind)}"
            return f", {both} interested parties ({names})"
        some = (
            "1 of them an interested party"
            if len(interested) == 1
            else (f"{len(interested)} of them interested parties")
        )
        return f", {some} ({names})"


_STANCE_VERBS = {
    Stance.REPORTS: "reported",
    Stance.QUESTIONS: "questioned",
    Stance.DISPUTES: "disputed",
    Stance.DENIES: "denied",
}
"""How the stances that neither back nor are silent read in a verdict, in verdict order."""

SILENCE_WORDS = {
    Stance.DECLINES_TO_COMMENT: "declined to comment",
    Stance.DOES_NOT_RESPOND: "did not respond",
}
"""How the stances of a source that gave no answer read in a verdict and a report."""


@attrs.frozen(kw_only=True)
class Contradiction:
    """A claim asserted by one origin and denied or disputed by another.

    ``opposed_by`` are the origins that deny or dispute it; one that only
    questions it does not contradict it.
    """

    claim: str
    text: str | None
    asserted_by: tuple[Origin, ...]
    opposed_by: tuple[Origin, ...]


@attrs.frozen(kw_only=True)
class Analysis(Mapping[str, ClaimAnalysis]):
    """The analysis of every claim of a bundle: a read-only mapping from claim id.

    ``analysis["nk-fought"]``, ``"nk-fought" in analysis``, ``get``, ``keys``,
    ``values`` and ``items`` work as on any mapping; iterating yields claim ids in
    the order of the bundle's claims, then the claims that assertions name but the
    bundle does not hold.  Claims declared the same (see :attr:`ClaimAnalysis.same`)
    are analysed once, under the id that represents them: ``same`` maps every other
    id of such a group to it, and looking one of those ids up (``[]``, ``in``,
    ``get``) gives the group's analysis, while ``keys`` holds the representative
    alone.  Two analyses are equal when they say the same about the same claims,
    whatever the order.
    """

    claims: FrozenMap[ClaimAnalysis]
    same: FrozenMap[str] = FrozenMap()
    """Each claim id counted under another's (a translation, a paraphrase): that id."""
    conflicting_figures: tuple[FigureConflict, ...] = ()
    """Claims about one quantity whose figures do not overlap, by measure and claim ids."""

    def __iter__(self) -> Iterator[str]:
        return iter(self.claims)

    def __len__(self) -> int:
        return len(self.claims)

    def __getitem__(self, claim_id: str) -> ClaimAnalysis:
        return self.claims[self.same.get(claim_id, claim_id)]

    def __contains__(self, claim_id: object) -> bool:
        return claim_id in self.claims or claim_id in self.same

    @property
    def single_origin(self) -> tuple[ClaimAnalysis, ...]:
        """The claims exactly one independent origin stands behind."""
        return tuple(claim for claim in self.values() if claim.single_origin)

    @property
    def contradictions(self) -> tuple[Contradiction, ...]:
        """Claims asserted by one origin and denied or disputed by another.

        Questioning is not contradiction: a claim only questioned is not listed.
        """
        return tuple(
            Contradiction(
                claim=claim.claim,
                text=claim.text,
                asserted_by=claim.independent,
                opposed_by=tuple(o for o in claim.origins if o.contradicts),
            )
            for claim in self.values()
            if claim.contradicted
        )


def analyze(bundle: Bundle, *, scales: Iterable[Scale] = ()) -> Analysis:
    """Analyse every claim of ``bundle`` (merge several first with :func:`merge`).

    ``scales`` are scales you define (see ``docs/confidence.md``): their bands count
    in each claim's confidence and their levels are judgements.  The scales the bundle
    declares (``Bundle.scales``) count alike; one passed here wins over a declared one
    of the same id.

    Runs in time linear in the assertions and dependencies (see ``docs/analysis.md``
    for the one case with dated dependencies where it can do more work).
    """
    check.argument("analyze", bundle, Bundle, "a Bundle")
    # What the analysis builds holds no cycles: for a large bundle, the collector's
    # passes over it while it grows would find nothing (docs/performance.md).
    with gc_paused(bundle_is_large(bundle)):
        record = Record(bundle, scales=scales)
        by_claim: dict[str, list[Assertion]] = {claim_id: [] for claim_id in record.claims}
        for assertion in bundle.assertions:
            by_claim.setdefault(record.representative(assertion.claim), []).append(assertion)
        withdrawn = _withdrawn(bundle.assertions)
        analysis = record.analysis(
            record.claim(claim_id, assertions, withdrawn)
            for claim_id, assertions in by_claim.items()
        )
        return _with_fact_checks(analysis, bundle, record)


def _with_fact_checks(analysis: Analysis, bundle: Bundle, record: Record) -> Analysis:
    """The analysis with each verdict beside the claim (group) it reviews."""
    if not bundle.verdicts:
        return analysis
    checked: dict[str, list[FactCheck]] = {}
    for found in fact_checks(bundle, record.names):
        for claim_id in dict.fromkeys(record.representative(c) for c in found.claims):
            checked.setdefault(claim_id, []).append(found)
    claims = dict(analysis.claims)
    for claim_id, checks in checked.items():
        if claim_id in claims:
            claims[claim_id] = attrs.evolve(claims[claim_id], fact_checks=tuple(checks))
    return attrs.evolve(analysis, claims=FrozenMap(claims))


@attrs.frozen(kw_only=True)
class ClaimFacts:
    """What a record says of one claim (a group of claims declared the same) beside its
    assertions."""

    text: str | None
    parties: tuple[str, ...] = ()
    same: tuple[SameClaim, ...] = ()
    quantity: Quantity | None = None
    conflicting_figures: tuple[FigureConflict, ...] = ()


Withdrawn = dict[str, tuple[Assertion, Literal["retracted", "corrected"]]]
"""Each withdrawn assertion's id: the assertion in force that withdraws it, and how."""


class Record:
    """What the analysis of each claim reads from the whole record, gathered once.

    The sources (names, dependencies, control), the claims (declared sameness,
    parties, figures) and the unnamed sources joined by a relay: everything but
    the assertions, which :meth:`claim` is given a claim at a time.  ``unnamed``
    replaces :func:`~claimmodel.analysis._dependencies.unnamed_by_relay` of the
    bundle, for a record whose assertions are not in ``bundle`` (a corpus analysed
    in parts); the record then keeps no reference to ``bundle``.
    """

    def __init__(
        self,
        bundle: Bundle,
        *,
        scales: Iterable[Scale] = (),
        unnamed: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        relayed = unnamed_by_relay(bundle) if unnamed is None else unnamed
        # A dict: it crosses processes.  The record's declared scales count as if passed.
        self.scales = dict(with_declared(scales, bundle.declared_scales))
        self.finder = OriginFinder(bundle, unnamed=relayed)
        self.controls = Controls(bundle)
        self.same = same_claims(bundle)
        names: dict[str, str] = {}
        for source in reversed(bundle.sources):  # the first source with an id wins
            names[source.id] = source.label
        self.names = names
        shared: dict[str, list[str]] = {}
        for relay, speakers in relayed.items():
            for speaker in speakers:
                shared.setdefault(speaker, []).append(relay)
        self.unnamed = shared
        members: dict[str, list[SameClaim]] = {}
        parties: dict[str, dict[str, None]] = {}  # a claim group's parties, in order
        for member in sorted(bundle.claims, key=lambda c: self.same.get(c.id, c.id) != c.id):
            if bundle.claim(member.id) is not member:
                continue  # a duplicate id; the first claim is the one look-ups find
            representative = self.same.get(member.id, member.id)
            parties.setdefault(representative, {}).update(dict.fromkeys(member.parties))
            if representative != member.id:
                found = SameClaim(claim=member.id, text=member.text, language=member.language)
                members.setdefault(representative, []).append(found)
        self.conflicts = conflicting_figures(bundle.claims)
        involved: dict[str, dict[FigureConflict, None]] = {}
        for conflict in self.conflicts:
            for side in (conflict.first, conflict.second):
                involved.setdefault(self.same.get(side, side), {})[conflict] = None
        facts: dict[str, ClaimFacts] = {}
        for claim in bundle.claims:
            representative = self.same.get(claim.id, claim.id)
            if representative in facts:
                continue
            first = bundle.claim(representative)
            facts[representative] = ClaimFacts(
                text=first.text if first else None,
                parties=tuple(parties.get(representative, ())),
                same=tuple(sorted(members.get(representative, ()), key=lambda o: o.claim)),
                quantity=first.quantity if first else None,
                conflicting_figures=tuple(involved.get(representative, ())),
            )
        self.claims = facts
        """Each claim the record holds, under the id that represents it, in record order."""

    @classmethod
    def of_parts(
        cls,
        *,
        claims: Mapping[str, ClaimFacts],
        names: dict[str, str],
        unnamed: dict[str, list[str]],
        finder: OriginFinder,
        controls: Controls,
        scales: dict[str, Scale],
        same: dict[str, str] | None = None,
    ) -> Record:
        """A record that analyses only some claims, from the parts of the whole record they
        read: their facts, the names, shared relays, origins and control of the sources
        they reach (and ``same``, the representatives of the claims it is asked about).
        Its :meth:`claim` and :meth:`representative` equal the whole record's for those
        claims and sources."""
        record = cls.__new__(cls)
        record.scales = scales
        record.finder = finder
        record.controls = controls
        record.same = {} if same is None else same
        record.names = names
        record.unnamed = unnamed
        record.conflicts = ()
        record.claims = dict(claims)
        return record

    def representative(self, claim_id: str) -> str:
        """The id the claim is analysed under: its own, or that of the claims declared the same."""
        return self.same.get(claim_id, claim_id)

    def claim(
        self, claim_id: str, assertions: list[Assertion], withdrawn: Withdrawn
    ) -> ClaimAnalysis:
        """The analysis of the claim ``claim_id`` (a representative) from ``assertions``, all
        of its assertions in record order; ``withdrawn`` holds at least those of them that
        are withdrawn."""
        facts = self.claims.get(claim_id, _UNKNOWN)
        context = _Context(
            names=self.names,
            withdrawn=withdrawn,
            unnamed=self.unnamed,
            finder=self.finder,
            controls=self.controls,
        )
        return _claim_analysis(claim_id, facts, assertions, context, scales=self.scales)

    def analysis(self, claims: Iterable[ClaimAnalysis]) -> Analysis:
        """The record's :class:`Analysis` of ``claims``."""
        aliases = {key: value for key, value in self.same.items() if key != value}
        return Analysis(
            claims=FrozenMap({claim.claim: claim for claim in claims}),
            same=FrozenMap(aliases),
            conflicting_figures=self.conflicts,
        )


_UNKNOWN = ClaimFacts(text=None)
"""The facts of a claim that assertions name but the record does not hold."""


@attrs.frozen
class _Context:
    """What every claim's analysis reads from the whole bundle."""

    names: dict[str, str]
    withdrawn: Withdrawn
    """Each withdrawn assertion's id: the assertion in force that withdraws it, and how."""
    unnamed: dict[str, list[str]]
    """Each unnamed source not held independent: the intermediaries shared with others."""
    finder: OriginFinder
    controls: Controls


def _withdrawn(assertions: Sequence[Assertion]) -> Withdrawn:
    """The assertions withdrawn by a retraction or correction that is itself in force.

    A retraction of a retraction reinstates what the first one withdrew, so revisions
    are settled from the last: an assertion nothing revises is in force, and one is
    withdrawn when an assertion in force revises it.  Revisions in a circle (a record
    error, CM313) settle nothing: every assertion on or into the circle counts as
    withdrawn, which errs towards fewer origins.
    """
    first: dict[str, Assertion] = {}
    for assertion in assertions:
        first.setdefault(assertion.id, assertion)
    revisers: dict[str, list[Assertion]] = {}
    for assertion in first.values():
        target = assertion.revises
        if target is not None and target in first:
            revisers.setdefault(target, []).append(assertion)
    pending = {key: len(found) for key, found in revisers.items()}
    ready = [key for key in first if key not in pending]
    settled: dict[str, bool] = {}  # id -> withdrawn
    found: Withdrawn = {}
    while ready:
        key = ready.pop()
        in_force = [r for r in revisers.get(key, ()) if not settled[r.id]]
        settled[key] = bool(in_force)
        if in_force:
            by = min(in_force, key=_id)
            found[key] = (by, "retracted" if by.retracts is not None else "corrected")
        target = first[key].revises
        if target is not None and target in pending:
            pending[target] -= 1
            if pending[target] == 0:
                ready.append(target)
    for key in first:
        if key not in settled and key in revisers:  # on or behind a circle
            by = min(revisers[key], key=_id)
            found[key] = (by, "retracted" if by.retracts is not None else "corrected")
    return found


_STRONGEST_FIRST = (AssertionMode.STATED, AssertionMode.PRESUPPOSED, AssertionMode.INFERRED)


def _origin(assertions: list[Assertion], parties: tuple[str, ...], context: _Context) -> Origin:
    names = context.names
    finder = context.finder
    if len(assertions) == 1:  # most origins: one speaker, one stance, nothing to join
        (assertion,) = assertions
        source, stance = assertion.attribution.source, assertion.stance
        interested = tuple([party for party in parties if finder.depends(assertion, party)])
        return Origin(
            interested=interested,
            interested_names=tuple([names.get(party, party) for party in interested]),
            sources=(source,),
            names=(names.get(source, source),),
            assertions=(assertion.id,),
            stances=(stance,),
            mode=assertion.mode if stance is Stance.ASSERTS else None,
        )
    sources = tuple(sorted({a.attribution.source for a in assertions}))
    stances = [a.stance for a in assertions]  # a list: members compare by identity, unhashed
    modes = [a.mode for a in assertions if a.stance is Stance.ASSERTS]
    interested = tuple(
        party for party in parties if any(finder.depends(a, party) for a in assertions)
    )
    return Origin(
        interested=interested,
        interested_names=tuple(names.get(party, party) for party in interested),
        sources=sources,
        names=tuple(names.get(s, s) for s in sources),
        assertions=tuple(sorted(a.id for a in assertions)),
        stances=tuple(s for s in _STANCE_ORDER if s in stances),
        mode=next((m for m in _STRONGEST_FIRST if m in modes), None),
        reasons=_reasons(sources, context),
    )


def _reasons(sources: tuple[str, ...], context: _Context) -> tuple[str, ...]:
    """Why unnamed speakers of one origin are one: the intermediary they were reached by."""
    by_relay: dict[str, list[str]] = {}
    for source in sources:
        for relay in context.unnamed.get(source, ()):
            by_relay.setdefault(relay, []).append(source)
    reasons = []
    for relay in sorted(by_relay):
        joined = by_relay[relay]
        if len(joined) > 1:
            who = " and ".join(context.names.get(s, s) for s in joined)
            reasons.append(
                f"{who} are unnamed and reached through the same intermediary "
                f"({context.names.get(relay, relay)}): counted as one, since they may be "
                "one person or one office"
            )
    return tuple(reasons)


def _withdrawal(
    assertion: Assertion,
    by: Assertion,
    how: Literal["retracted", "corrected"],
    names: dict[str, str],
) -> Withdrawal:
    source, by_source = assertion.attribution.source, by.attribution.source
    return Withdrawal(
        assertion=assertion.id,
        source=source,
        name=names.get(source, source),
        how=how,
        by=by.id,
        by_source=by_source,
        by_name=names.get(by_source, by_source),
    )


def _counts(assertion: Assertion, withdrawn: Withdrawn) -> bool:
    """Whether the assertion backs or opposes its claim: not when it has been withdrawn,
    and a retraction does not back what it withdraws (it opposes only by its stance)."""
    if assertion.id in withdrawn:
        return False
    return assertion.retracts is None or assertion.stance in _OPPOSING


_POSITIONS = {
    Stance.ASSERTS._value_: ("asserted", 1),
    Stance.DENIES._value_: ("denied", -1),
    Stance.DISPUTES._value_: ("disputed", -1),
    Stance.QUESTIONS._value_: ("questioned", -1),
}
"""Each backing or opposing stance's verb and side, by the stance's wire value: a string
hashes in C with its hash cached, where an enumeration member hashes through Python."""


def _said(assertion: Assertion, verb: str) -> str:
    return f"{verb} it" + (f" ({assertion.date})" if assertion.date is not None else "")


def _reversals(assertions: list[Assertion], context: _Context) -> tuple[Reversal, ...]:
    """Speakers that withdrew what they said, or both backed and opposed the claim.

    The result depends on the record, never on the order of its items: a change of
    position is dated when every statement of the speaker involved is, and is otherwise
    reported once, in no order, with the lowest ids of either side.
    """
    found: list[Reversal] = []
    by_speaker: dict[str, list[Assertion]] = {}
    for assertion in assertions:
        speaker = assertion.attribution.source
        withdrawal = context.withdrawn.get(assertion.id)
        if withdrawal is not None and withdrawal[0].attribution.source == speaker:
            position = _POSITIONS.get(assertion.stance._value_, ("said", 0))[0]
            found.append(
                _reversal(
                    assertion,
                    withdrawal[0],
                    f"{_said(assertion, position)}, then {_said(withdrawal[0], withdrawal[1])}",
                    context,
                )
            )
        if assertion.retracts is None and assertion.stance._value_ in _POSITIONS:
            by_speaker.setdefault(speaker, []).append(assertion)
    for said in by_speaker.values():
        if len(said) < 2 or len({_POSITIONS[a.stance._value_][1] for a in said}) < 2:
            continue
        if all(a.date is not None for a in said):
            ordered = sorted(said, key=lambda a: (period(a.date, a.date), a.id))
            for before, after in itertools.pairwise(ordered):
                (was, side) = _POSITIONS[before.stance._value_]
                (now, turned) = _POSITIONS[after.stance._value_]
                if side != turned:
                    change = f"{_said(before, was)}, then {_said(after, now)}"
                    found.append(_reversal(before, after, change, context))
            continue
        backing = min((a for a in said if _POSITIONS[a.stance._value_][1] > 0), key=_id)
        opposing = min((a for a in said if _POSITIONS[a.stance._value_][1] < 0), key=_id)
        change = (
            f"{_said(backing, _POSITIONS[backing.stance._value_][0])} and "
            f"{_said(opposing, _POSITIONS[opposing.stance._value_][0])}, in an order the dates "
            "do not tell"
        )
        found.append(_reversal(backing, opposing, change, context))
    found.sort(key=lambda r: (r.source, r.before, r.after))
    return tuple(found)


def _reversal(before: Assertion, after: Assertion, change: str, context: _Context) -> Reversal:
    speaker = before.attribution.source
    return Reversal(
        source=speaker,
        name=context.names.get(speaker, speaker),
        before=before.id,
        after=after.id,
        change=change,
    )


def _controlled(
    counted: list[Assertion], parties: tuple[str, ...], context: _Context
) -> tuple[tuple[ControlledRelay, ...], bool]:
    """The relays of ``counted`` an interested party controls, and whether every one of
    ``counted`` passed through such a relay."""
    found: dict[str, ControlledRelay] = {}
    every = bool(counted) and bool(parties)
    names = context.names
    for assertion in counted:
        through = False
        for link in assertion.attribution.chain:
            date = link.date if link.date is not None else assertion.date
            control = context.controls.controller(link.source, date, parties)
            if control is None:
                continue
            through = True
            party, via = control
            found.setdefault(
                link.source,
                ControlledRelay(
                    relay=link.source,
                    name=names.get(link.source, link.source),
                    party=party,
                    party_name=names.get(party, party),
                    via=via,
                    via_names=tuple(names.get(v, v) for v in via),
                ),
            )
        every = every and through
    return tuple(found[relay] for relay in sorted(found)), every


def _claim_analysis(
    claim_id: str,
    facts: ClaimFacts,
    assertions: list[Assertion],
    context: _Context,
    *,
    scales: Mapping[str, Scale],
) -> ClaimAnalysis:
    parties = facts.parties
    withdrawn, names = context.withdrawn, context.names
    counted = [a for a in assertions if _counts(a, withdrawn)]
    groups = context.finder.origins(counted)
    origins = sorted(
        [_origin([counted[p] for p in group], parties, context) for group in groups],
        key=_sources,
    )
    # No interested party, no controlled relay: nothing to look for along the chains.
    controlled, only_through = _controlled(counted, parties, context) if parties else ((), False)
    ordered = sorted(assertions, key=_id)
    confidence = envelope([a.confidence for a in assertions], scales)
    # The counted assertions that assert it, in id order (a stable sort of a subsequence
    # orders it as the whole sorted).
    backing = sorted([a for a in counted if a.stance is Stance.ASSERTS], key=_id)
    return ClaimAnalysis(
        claim=claim_id,
        text=facts.text,
        assertions=tuple([a.id for a in ordered]),
        sources=tuple(sorted({a.attribution.source for a in assertions})),
        relays=tuple(sorted({link.source for a in assertions for link in a.attribution.chain})),
        origins=tuple(origins),
        hedges=tuple([RaisedHedge(assertion=a.id, hedge=h) for a in ordered for h in a.hedges]),
        confidence=confidence,
        judged=confidence is not None
        or any(states_judgement(a.confidence, scales) for a in assertions),
        withdrawn=tuple(
            [_withdrawal(a, *withdrawn[a.id], names) for a in ordered if a.id in withdrawn]
        )
        if withdrawn
        else (),
        reversals=_reversals(assertions, context),
        routes=_routes(ordered, names),
        backing=tuple([a.id for a in backing]),
        presupposed=tuple([a.id for a in backing if a.mode is AssertionMode.PRESUPPOSED]),
        inferred=tuple([a.id for a in backing if a.mode is AssertionMode.INFERRED]),
        parties=parties,
        party_names=tuple([names.get(party, party) for party in parties]),
        controlled_relays=controlled,
        only_through_controlled=only_through,
        evidence=cited_evidence(ordered),
        same=facts.same,
        quantity=facts.quantity,
        conflicting_figures=facts.conflicting_figures,
    )


def _routes(assertions: list[Assertion], names: dict[str, str]) -> tuple[Route, ...]:
    """The ways the relayed ``assertions`` travelled: speaker first, then each link in turn."""
    # Keyed by the channels' wire values, which hash in C (a member hashes in Python)
    # and sort as the routes are ordered.
    ways: dict[tuple[tuple[str, ...], tuple[str, ...]], tuple[tuple[Channel, ...], list[str]]]
    ways = {}
    for assertion in assertions:
        chain = assertion.attribution.chain
        if chain:
            sources = (assertion.attribution.source, *[link.source for link in chain])
            key = (sources, tuple([link.channel._value_ for link in chain]))
            way = ways.get(key)
            if way is None:
                ways[key] = (tuple([link.channel for link in chain]), [assertion.id])
            else:
                way[1].append(assertion.id)
    return tuple(
        Route(
            sources=sources,
            names=tuple([names.get(s, s) for s in sources]),
            channels=channels,
            assertions=tuple(ids),
        )
        for (sources, _), (channels, ids) in sorted(ways.items(), key=itemgetter(0))
    )
