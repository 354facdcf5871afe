"""Corroboration analysis: how many independent origins stand behind each claim."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

import attrs

from claimmodel.analysis._origins import OriginFinder
from claimmodel.model import (
    Assertion,
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
    origin does with the claim (in :class:`~claimmodel.Stance` order).
    """

    sources: tuple[str, ...]
    names: tuple[str, ...]
    assertions: tuple[str, ...]
    stances: tuple[Stance, ...]

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
    the speakers of *all* its assertions, whatever their stance; the independent
    origins behind the claim are those of them that assert it.  ``confidence`` is
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
        parts = [f"{head} across {_plural(len(self.assertions), 'assertion')}"]
        for stance, verb in _STANCE_VERBS.items():
            others = self._with(stance)
            if others:
                parts.append(f"{verb} by " + ", ".join(origin.label for origin in others))
        for stance, words in SILENCE_WORDS.items():
            silent = self._with(stance)
            if silent:
                parts.append(f"{words}: " + ", ".join(origin.label for origin in silent))
        parts.extend(self.hedge_words)
        return "; ".join(parts)


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
    result: dict[str, ClaimAnalysis] = {}
    for claim_id, assertions in by_claim.items():
        claim = bundle.claim(claim_id)
        result[claim_id] = _claim_analysis(
            claim_id, claim.text if claim else None, assertions, finder, names, scales=known
        )
    return Analysis(claims=FrozenMap(result))


def _origin(assertions: list[Assertion], names: dict[str, str]) -> Origin:
    sources = tuple(sorted({a.attribution.source for a in assertions}))
    stances = [a.stance for a in assertions]  # a list: members compare by identity, unhashed
    return Origin(
        sources=sources,
        names=tuple(names.get(s, s) for s in sources),
        assertions=tuple(sorted(a.id for a in assertions)),
        stances=tuple(s for s in _STANCE_ORDER if s in stances),
    )


def _claim_analysis(
    claim_id: str,
    text: str | None,
    assertions: list[Assertion],
    finder: OriginFinder,
    names: dict[str, str],
    *,
    scales: Mapping[str, Scale],
) -> ClaimAnalysis:
    groups = finder.origins(assertions)
    origins = sorted(
        (_origin([assertions[p] for p in group], names) for group in groups),
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
    )
