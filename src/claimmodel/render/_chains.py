"""What a picture of a claim's attribution chains shows, independent of how it is drawn.

For each claim: its origins as the analysis groups them (each with the speakers in
it and, when it holds several, the sources and dependencies that join them, which
is why they count once), the intermediaries of their chains, and each hop of a
chain with its channel.  The DOT, Mermaid and HTML writers draw this one model.
"""

from __future__ import annotations

import collections
from collections.abc import Iterable, Mapping

import attrs

from claimmodel.analysis import (
    Analysis,
    ClaimAnalysis,
    Dependency,
    DependencyKind,
    Origin,
    analyze,
    dependencies,
)
from claimmodel.exceptions import InvalidTypeError, InvalidValueError
from claimmodel.model import Assertion, Bundle, Channel, Occasion, PartialDate, Stance
from claimmodel.model import _checks as check

__all__ = ["ClaimChains", "Group", "Hop", "chains", "claim_chains"]

# How each stance reads in a group's title, in the order of Stance.
STANCE_WORDS: dict[Stance, str] = {
    Stance.ASSERTS: "asserts it",
    Stance.DENIES: "denies it",
    Stance.DISPUTES: "disputes it",
    Stance.QUESTIONS: "questions it",
    Stance.REPORTS: "reports it",
    Stance.DECLINES_TO_COMMENT: "declined to comment",
    Stance.DOES_NOT_RESPOND: "did not respond",
}

# How each dependency reads on an edge.
DEPENDENCY_WORDS: dict[DependencyKind, str] = {
    DependencyKind.MEMBER_OF: "member of",
    DependencyKind.EMPLOYED_BY: "employed by",
    DependencyKind.PART_OF: "part of",
    DependencyKind.CONTROLLED_BY: "controlled by",
    DependencyKind.FUNDED_BY: "funded by",
    DependencyKind.HOLDS_OFFICE_AT: "holds office at",
    DependencyKind.LISTED_MEMBER_OF: "listed member of",
    DependencyKind.WRITTEN_BY: "written by",
    DependencyKind.PUBLISHED_BY: "published by",
    DependencyKind.UNNAMED_VIA_SAME_RELAY: "unnamed, same intermediary as",
}


@attrs.frozen(kw_only=True)
class Group:
    """One origin of a claim, as drawn: a box around the sources that count once.

    ``number`` numbers the origins that assert the claim (``None`` for the others);
    ``speakers`` are the origin's speakers and ``joining`` the other sources on the
    dependencies that join them (``ties``), so that the box shows why they count once.
    """

    origin: Origin
    number: int | None
    speakers: tuple[str, ...]
    joining: tuple[str, ...]
    ties: tuple[Dependency, ...]

    @property
    def members(self) -> tuple[str, ...]:
        """Every source drawn inside the box: the speakers, then the sources joining them."""
        return (*self.speakers, *self.joining)

    @property
    def title(self) -> str:
        """The box's title: which origin it is and what it does with the claim."""
        voices = f"{len(self.speakers)} voices, counted once" if len(self.speakers) > 1 else ""
        if self.number is not None:
            head = f"Independent origin {self.number} behind the claim"
            return f"{head}: {voices}" if voices else head
        stances = ", ".join(STANCE_WORDS[stance] for stance in self.origin.stances)
        head = stances[:1].upper() + stances[1:]
        return f"{head}: {voices}" if voices else head


def occasion_words(occasion: Occasion) -> str:
    """Where a statement was made, in words: the kind of occasion (or, without one, the
    event's name) and the place ("press conference in Wonsan")."""
    what = (
        occasion.channel.value.replace("-", " ")
        if occasion.channel is not Channel.UNSPECIFIED
        else ""
    )
    if not what and occasion.event is not None:
        what = occasion.event
    if occasion.place is not None:
        return f"{what} in {occasion.place}" if what else f"in {occasion.place}"
    return what


@attrs.frozen(kw_only=True)
class Hop:
    """One step of one or more chains: ``start`` passed the statement to ``end`` by
    ``channel`` (on ``date``), for the ``assertions`` named.

    On the step leaving the speaker, ``occasion`` is where the speaker made the
    statement (``said`` when), so a picture shows the press conference or the
    interview even when the chain's first link names no channel.
    """

    start: str
    end: str
    channel: Channel
    date: PartialDate | None
    assertions: tuple[str, ...]
    occasion: Occasion | None = None
    said: PartialDate | None = None

    @property
    def label(self) -> str:
        """The channel in words, the occasion, and the date when stated (the link's date,
        else when the statement was made at its occasion)."""
        parts = (
            [] if self.channel is Channel.UNSPECIFIED else [self.channel.value.replace("-", " ")]
        )
        if self.occasion is not None:
            where = occasion_words(self.occasion)
            if where and where not in parts:
                parts.append(where if not parts else f"at {where}")
        date = self.date if self.date is not None else (self.said if self.occasion else None)
        if date is not None:
            parts.append(str(date))
        return ", ".join(parts)


@attrs.frozen(kw_only=True)
class ClaimChains:
    """Everything a picture of one claim shows.

    ``analysis`` is the claim's :class:`~claimmodel.analysis.ClaimAnalysis`;
    ``groups`` its origins (those that assert it first, numbered); ``relays`` the
    intermediaries of its chains that no group holds; ``hops`` every step of its
    chains; ``labels`` the readable name of every source drawn.
    """

    analysis: ClaimAnalysis
    groups: tuple[Group, ...]
    relays: tuple[str, ...]
    hops: tuple[Hop, ...]
    labels: dict[str, str] = attrs.field(eq=False)

    @property
    def claim(self) -> str:
        """The claim's id."""
        return self.analysis.claim

    @property
    def text(self) -> str:
        """The claim's text (its id when the bundle does not hold it)."""
        return self.analysis.text if self.analysis.text is not None else self.analysis.claim


def _counted(claim: ClaimAnalysis) -> set[str]:
    return {assertion for origin in claim.origins for assertion in origin.assertions}


def _joining(
    speakers: tuple[str, ...], edges: list[Dependency]
) -> tuple[tuple[str, ...], tuple[Dependency, ...]]:
    """The sources and dependencies on shortest paths from the first speaker to the others."""
    adjacent: dict[str, list[tuple[str, Dependency]]] = collections.defaultdict(list)
    for edge in edges:
        adjacent[edge.source].append((edge.target, edge))
        adjacent[edge.target].append((edge.source, edge))
    start = speakers[0]
    came: dict[str, tuple[str, Dependency] | None] = {start: None}
    queue = collections.deque([start])
    while queue:
        node = queue.popleft()
        for other, edge in adjacent[node]:
            if other not in came:
                came[other] = (node, edge)
                queue.append(other)
    nodes: dict[str, None] = {}
    ties: dict[Dependency, None] = {}
    for speaker in speakers[1:]:
        node = speaker
        while (step := came.get(node)) is not None:
            node, edge = step
            ties[edge] = None
            nodes[node] = None
    joining = tuple(sorted(node for node in nodes if node not in speakers))
    return joining, tuple(ties)


def _active(edges: list[Dependency], assertions: Iterable[Assertion]) -> list[Dependency]:
    """The dependencies in force when any of ``assertions`` was made."""
    dates = [assertion.date for assertion in assertions]
    return [edge for edge in edges if any(edge.active(date) for date in dates)]


def _groups(
    claim: ClaimAnalysis, by_id: Mapping[str, Assertion], edges: list[Dependency]
) -> tuple[Group, ...]:
    backing = [origin for origin in claim.origins if origin.asserts]
    others = [origin for origin in claim.origins if not origin.asserts]
    groups: list[Group] = []
    placed: set[str] = set()
    for number, origin in [*enumerate(backing, start=1), *((None, o) for o in others)]:
        joining: tuple[str, ...] = ()
        ties: tuple[Dependency, ...] = ()
        if len(origin.sources) > 1:
            said = [by_id[key] for key in origin.assertions if key in by_id]
            joining, ties = _joining(origin.sources, _active(edges, said))
        joining = tuple(node for node in joining if node not in placed)
        placed.update(origin.sources, joining)
        groups.append(
            Group(origin=origin, number=number, speakers=origin.sources, joining=joining, ties=ties)
        )
    return tuple(groups)


_Step = tuple[str, str, Channel, PartialDate | None, Occasion | None, PartialDate | None]
"""A hop's start, end, channel, link date, and the speaker's occasion and date."""


def _hops(claim: ClaimAnalysis, by_id: Mapping[str, Assertion]) -> tuple[Hop, ...]:
    found: dict[_Step, list[str]] = {}
    for key in sorted(_counted(claim)):
        assertion = by_id.get(key)
        if assertion is None:  # pragma: no cover - the analysis names the bundle's assertions
            continue
        path = assertion.attribution.path
        for number, link in enumerate(assertion.attribution.chain):
            occasion = assertion.occasion if number == 0 else None
            said = assertion.date if occasion is not None else None
            step = (path[number], link.source, link.channel, link.date, occasion, said)
            found.setdefault(step, []).append(key)
    return tuple(
        Hop(
            start=start,
            end=end,
            channel=channel,
            date=date,
            assertions=tuple(keys),
            occasion=occasion,
            said=said,
        )
        for (start, end, channel, date, occasion, said), keys in found.items()
    )


def chains(
    bundle: Bundle, *, claim: str | None = None, analysis: Analysis | None = None
) -> tuple[ClaimChains, ...]:
    """What a picture of ``bundle`` shows: one :class:`ClaimChains` for each claim, or for
    the claim whose id is ``claim``.

    ``analysis`` is :func:`~claimmodel.analysis.analyze` of the bundle, computed when
    not given.  Only assertions that still count are drawn (not those retracted or
    corrected).  An unknown ``claim`` is an :class:`~claimmodel.exceptions.InvalidValueError`.
    """
    if not isinstance(bundle, Bundle):
        raise InvalidTypeError(f"expected a Bundle, not {check.type_name(bundle)}")
    if analysis is None:
        analysis = analyze(bundle)
    if claim is not None:
        if claim not in analysis.claims:
            known = ", ".join(repr(key) for key in analysis.claims) or "none"
            raise InvalidValueError(f"no claim {claim!r} in the bundle; its claims: {known}")
        selected: Iterable[ClaimAnalysis] = (analysis.claims[claim],)
    else:
        selected = analysis.claims.values()
    by_id: dict[str, Assertion] = {}
    for assertion in bundle.assertions:
        by_id.setdefault(assertion.id, assertion)
    edges = list(dependencies(bundle))
    labels: dict[str, str] = {}
    for source in reversed(bundle.sources):  # the first source with an id wins
        labels[source.id] = source.label
    return tuple(claim_chains(found, by_id, edges, labels) for found in selected)


def claim_chains(
    found: ClaimAnalysis,
    by_id: Mapping[str, Assertion],
    edges: list[Dependency],
    labels: Mapping[str, str],
) -> ClaimChains:
    """What a picture of one claim shows, from its analysis, its assertions by id, the
    dependencies of the record (:func:`~claimmodel.analysis.dependencies`) and the
    readable name of each of its sources."""
    groups = _groups(found, by_id, edges)
    hops = _hops(found, by_id)
    placed = {member for group in groups for member in group.members}
    relays: dict[str, None] = {}
    for hop in hops:
        for end in (hop.start, hop.end):
            if end not in placed:
                relays[end] = None
    drawn = placed | set(relays)
    return ClaimChains(
        analysis=found,
        groups=groups,
        relays=tuple(relays),
        hops=hops,
        labels={key: labels.get(key, key) for key in sorted(drawn)},
    )
