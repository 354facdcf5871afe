"""Corroboration analysis: how many independent origins stand behind each claim."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping
from typing import Literal

import attrs

from claimmodel.analysis._dependencies import period, unnamed_by_relay
from claimmodel.analysis._origins import OriginFinder
from claimmodel.model import (
    Assertion,
    AssertionMode,
    Bundle,
    FrozenMap,
    Hedge,
    HedgeCategory,
    Interval,
    Scale,
    Stance,
)
from claimmodel.model._convert import envelope, states_judgement
from claimmodel.model._scales import catalog

__all__ = [
    "Analysis",
    "ClaimAnalysis",
    "Contradiction",
    "Origin",
    "RaisedHedge",
    "Reversal",
    "Withdrawal",
    "analyze",
]

_STANCE_ORDER = tuple(Stance)
_OPPOSING = frozenset({Stance.DENIES, Stance.DISPUTES, Stance.QUESTIONS})

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
    one intermediary).
    """

    sources: tuple[str, ...]
    names: tuple[str, ...]
    assertions: tuple[str, ...]
    stances: tuple[Stance, ...]
    mode: AssertionMode | None = None
    reasons: tuple[str, ...] = ()

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
class ClaimAnalysis:
    """Everything the record shows about who stands behind one claim.

    ``text`` is ``None`` when assertions name a claim the bundle does not hold.
    ``sources`` are the speakers of its assertions and ``relays`` the
    intermediaries of their attribution chains (ids, sorted).  ``origins`` groups
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
        """How many independent origins dispute or question it."""
        return len(self._with(Stance.DISPUTES, Stance.QUESTIONS))

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
    def verdict(self) -> str:
        """One line: the origins behind the claim, who else speaks of it, the hedges raised.

        For example ``"1 independent origin (Sergey Lavrov + Russian officials)
        across 3 assertions; questioned by the international community; alleged"``.
        """
        if not self.assertions:
            return "no assertions"
        behind = self.independent
        noun = "independent origin" if len(behind) == 1 else "independent origins"
        head = f"{len(behind)} {noun}"
        if behind:
            head += " (" + ", ".join(origin.label for origin in behind) + ")"
        head += self._weak_backing()
        parts = [f"{head} across {_plural(len(self.assertions), 'assertion')}"]
        for stance, verb in _STANCE_VERBS.items():
            others = self._with(stance)
            if others:
                parts.append(f"{verb} by " + ", ".join(origin.label for origin in others))
        for stance, words in SILENCE_WORDS.items():
            silent = self._with(stance)
            if silent:
                parts.append(f"{words}: " + ", ".join(origin.label for origin in silent))
        for how in ("retracted", "corrected"):
            withdrawn = [f"{w.name} ({w.assertion})" for w in self.withdrawn if w.how == how]
            if withdrawn:
                parts.append(f"{how}: " + ", ".join(withdrawn))
        parts.extend(f"{r.name} {r.change}" for r in self.reversals)
        parts.extend(self.hedge_words)
        return "; ".join(parts)

    def _weak_backing(self) -> str:
        """How many of the origins behind the claim only presuppose or infer it, in words."""
        behind = self.independent
        weak = [
            (count, word)
            for count, word in (
                (self.presupposed_origins, "presupposed"),
                (self.inferred_origins, "inferred"),
            )
            if count
        ]
        if not weak:
            return ""
        if len(behind) == 1:
            return f", {weak[0][1]}"
        return ", " + ", ".join(f"{count} of them {word}" for count, word in weak)


_STANCE_VERBS = {
    Stance.DENIES: "denied",
    Stance.DISPUTES: "disputed",
    Stance.QUESTIONS: "questioned",
    Stance.REPORTS: "reported",
}

SILENCE_WORDS = {
    Stance.DECLINES_TO_COMMENT: "declined to comment",
    Stance.DOES_NOT_RESPOND: "did not respond",
}
"""How the stances of a source that gave no answer read in a verdict and a report."""


@attrs.frozen(kw_only=True)
class Contradiction:
    """A claim asserted by one origin and denied, disputed or questioned by another."""

    claim: str
    text: str | None
    asserted_by: tuple[Origin, ...]
    opposed_by: tuple[Origin, ...]


@attrs.frozen(kw_only=True)
class Analysis:
    """The analysis of every claim of a bundle, keyed by claim id.

    Iterating yields :class:`ClaimAnalysis` objects in the order of the bundle's
    claims, then claims that assertions name but the bundle does not hold.  Two
    analyses are equal when they say the same about the same claims, whatever the
    order.
    """

    claims: FrozenMap[ClaimAnalysis]

    def __iter__(self) -> Iterator[ClaimAnalysis]:
        return iter(self.claims.values())

    def __len__(self) -> int:
        return len(self.claims)

    def __getitem__(self, claim_id: str) -> ClaimAnalysis:
        return self.claims[claim_id]

    @property
    def single_origin(self) -> tuple[ClaimAnalysis, ...]:
        """The claims exactly one independent origin stands behind."""
        return tuple(claim for claim in self if claim.single_origin)

    @property
    def contradictions(self) -> tuple[Contradiction, ...]:
        """Claims asserted by one origin and denied, disputed or questioned by another."""
        found: list[Contradiction] = []
        for claim in self:
            asserting = tuple(o for o in claim.origins if o.asserts)
            opposing = tuple(o for o in claim.origins if o.opposes)
            if asserting and opposing and {*asserting, *opposing} != {asserting[0]}:
                found.append(
                    Contradiction(
                        claim=claim.claim,
                        text=claim.text,
                        asserted_by=asserting,
                        opposed_by=opposing,
                    )
                )
        return tuple(found)


def analyze(bundle: Bundle, *, scales: Iterable[Scale] = ()) -> Analysis:
    """Analyse every claim of ``bundle`` (merge several first with :func:`merge`).

    ``scales`` are scales you define (see ``docs/confidence.md``): their bands count
    in each claim's confidence and their levels are judgements.

    Runs in time linear in the assertions and dependencies (see ``docs/analysis.md``
    for the one case with dated dependencies where it can do more work).
    """
    known = catalog(scales)
    finder = OriginFinder(bundle)
    by_claim: dict[str, list[Assertion]] = {claim.id: [] for claim in bundle.claims}
    for assertion in bundle.assertions:
        by_claim.setdefault(assertion.claim, []).append(assertion)
    names: dict[str, str] = {}
    for source in reversed(bundle.sources):  # the first source with an id wins
        names[source.id] = source.label
    context = _Context(
        names=names,
        withdrawn=_withdrawn(bundle.assertions),
        unnamed=_unnamed_relays(bundle),
    )
    result: dict[str, ClaimAnalysis] = {}
    for claim_id, assertions in by_claim.items():
        claim = bundle.claim(claim_id)
        result[claim_id] = _claim_analysis(
            claim_id, claim.text if claim else None, assertions, finder, context, scales=known
        )
    return Analysis(claims=FrozenMap(result))


@attrs.frozen
class _Context:
    """What every claim's analysis reads from the whole bundle."""

    names: dict[str, str]
    withdrawn: dict[str, tuple[Assertion, Literal["retracted", "corrected"]]]
    """Each withdrawn assertion's id: the assertion in force that withdraws it, and how."""
    unnamed: dict[str, list[str]]
    """Each unnamed source not held independent: the intermediaries shared with others."""


def _withdrawn(
    assertions: tuple[Assertion, ...],
) -> dict[str, tuple[Assertion, Literal["retracted", "corrected"]]]:
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
    found: dict[str, tuple[Assertion, Literal["retracted", "corrected"]]] = {}
    while ready:
        key = ready.pop()
        in_force = [r for r in revisers.get(key, ()) if not settled[r.id]]
        settled[key] = bool(in_force)
        if in_force:
            by = min(in_force, key=lambda r: r.id)
            found[key] = (by, "retracted" if by.retracts is not None else "corrected")
        target = first[key].revises
        if target is not None and target in pending:
            pending[target] -= 1
            if pending[target] == 0:
                ready.append(target)
    for key in first:
        if key not in settled and key in revisers:  # on or behind a circle
            by = min(revisers[key], key=lambda r: r.id)
            found[key] = (by, "retracted" if by.retracts is not None else "corrected")
    return found


def _unnamed_relays(bundle: Bundle) -> dict[str, list[str]]:
    shared: dict[str, list[str]] = {}
    for relay, speakers in unnamed_by_relay(bundle).items():
        for speaker in speakers:
            shared.setdefault(speaker, []).append(relay)
    return shared


_STRONGEST_FIRST = (AssertionMode.STATED, AssertionMode.PRESUPPOSED, AssertionMode.INFERRED)


def _origin(assertions: list[Assertion], context: _Context) -> Origin:
    names = context.names
    sources = tuple(sorted({a.attribution.source for a in assertions}))
    stances = [a.stance for a in assertions]  # a list: members compare by identity, unhashed
    modes = [a.mode for a in assertions if a.stance is Stance.ASSERTS]
    return Origin(
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


def _counts(assertion: Assertion, context: _Context) -> bool:
    """Whether the assertion backs or opposes its claim: not when it has been withdrawn,
    and a retraction does not back what it withdraws (it opposes only by its stance)."""
    if assertion.id in context.withdrawn:
        return False
    return assertion.retracts is None or assertion.stance in _OPPOSING


_POSITIONS = {
    Stance.ASSERTS: ("asserted", 1),
    Stance.DENIES: ("denied", -1),
    Stance.DISPUTES: ("disputed", -1),
    Stance.QUESTIONS: ("questioned", -1),
}


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
            position = _POSITIONS.get(assertion.stance, ("said", 0))[0]
            found.append(
                _reversal(
                    assertion,
                    withdrawal[0],
                    f"{_said(assertion, position)}, then {_said(withdrawal[0], withdrawal[1])}",
                    context,
                )
            )
        if assertion.retracts is None and assertion.stance in _POSITIONS:
            by_speaker.setdefault(speaker, []).append(assertion)
    for said in by_speaker.values():
        if len({_POSITIONS[a.stance][1] for a in said}) < 2:
            continue
        if all(a.date is not None for a in said):
            ordered = sorted(said, key=lambda a: (period(a.date, a.date), a.id))
            for before, after in itertools.pairwise(ordered):
                (was, side), (now, turned) = _POSITIONS[before.stance], _POSITIONS[after.stance]
                if side != turned:
                    change = f"{_said(before, was)}, then {_said(after, now)}"
                    found.append(_reversal(before, after, change, context))
            continue
        backing = min((a for a in said if _POSITIONS[a.stance][1] > 0), key=lambda a: a.id)
        opposing = min((a for a in said if _POSITIONS[a.stance][1] < 0), key=lambda a: a.id)
        change = (
            f"{_said(backing, _POSITIONS[backing.stance][0])} and "
            f"{_said(opposing, _POSITIONS[opposing.stance][0])}, in an order the dates "
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


def _claim_analysis(
    claim_id: str,
    text: str | None,
    assertions: list[Assertion],
    finder: OriginFinder,
    context: _Context,
    *,
    scales: Mapping[str, Scale],
) -> ClaimAnalysis:
    counted = [a for a in assertions if _counts(a, context)]
    groups = finder.origins(counted)
    origins = sorted(
        (_origin([counted[p] for p in group], context) for group in groups),
        key=lambda origin: origin.sources,
    )
    ordered = sorted(assertions, key=lambda a: a.id)
    confidence = envelope((a.confidence for a in assertions), scales)
    return ClaimAnalysis(
        claim=claim_id,
        text=text,
        assertions=tuple(a.id for a in ordered),
        sources=tuple(sorted({a.attribution.source for a in assertions})),
        relays=tuple(sorted({link.source for a in assertions for link in a.attribution.chain})),
        origins=tuple(origins),
        hedges=tuple(RaisedHedge(assertion=a.id, hedge=h) for a in ordered for h in a.hedges),
        confidence=confidence,
        judged=confidence is not None
        or any(states_judgement(a.confidence, scales) for a in assertions),
        withdrawn=tuple(
            _withdrawal(a, *context.withdrawn[a.id], context.names)
            for a in ordered
            if a.id in context.withdrawn
        ),
        reversals=_reversals(assertions, context),
    )
