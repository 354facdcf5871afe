"""Dependencies between sources, as the record states them, and when they hold.

A source *depends on* another when it is part of, controlled by, employed by, a
member of or funded by it (its affiliations), when it holds an office there (a
role with an organization), when it is a listed member of a collective, and when
it is a document written by an author or published by an outlet.  Each
dependency is one edge of the graph the origins are found in.
"""

from __future__ import annotations

import datetime as dt
import enum
import itertools
from collections.abc import Iterator, Mapping, Sequence

import attrs

from claimmodel.model import AnonymousSource, Bundle, Collective, Document, PartialDate
from claimmodel.model import _checks as check

__all__ = [
    "Dependency",
    "DependencyKind",
    "dependencies",
    "overlaps",
    "period",
    "stated",
    "unnamed_by_relay",
    "unnamed_dependencies",
]


class DependencyKind(enum.Enum):
    """Why one source depends on another; affiliation kinds keep their wire spelling."""

    MEMBER_OF = "member-of"
    EMPLOYED_BY = "employed-by"
    PART_OF = "part-of"
    CONTROLLED_BY = "controlled-by"
    FUNDED_BY = "funded-by"
    HOLDS_OFFICE_AT = "holds-office-at"
    """A role (an office) held at an organization."""
    LISTED_MEMBER_OF = "listed-member-of"
    """Named in a collective's ``members``."""
    WRITTEN_BY = "written-by"
    """A document and one of its authors."""
    PUBLISHED_BY = "published-by"
    """A document and its publisher."""
    UNNAMED_VIA_SAME_RELAY = "unnamed-via-same-relay"
    """Two unnamed sources reached through the same intermediary (the first link of a
    chain, or the bundle's document when there is none), which the record does not hold
    independent: they may be one person or one office."""


@attrs.frozen(kw_only=True)
class Dependency:
    """``source`` depends on ``target`` (both source ids) for ``kind``, from ``start`` to ``end``.

    A missing ``start`` or ``end`` leaves that side of the period open.
    """

    source: str
    target: str
    kind: DependencyKind
    start: PartialDate | None = None
    end: PartialDate | None = None

    @property
    def dated(self) -> bool:
        """Whether the record bounds the dependency in time at all."""
        return self.start is not None or self.end is not None

    def active(self, date: PartialDate | None) -> bool:
        """Whether it holds at some instant of ``date`` (always, for an undated statement)."""
        return overlaps(period(date, date), period(self.start, self.end))


def dependencies(bundle: Bundle) -> Iterator[Dependency]:
    """Every dependency the bundle's sources state, in bundle order, then the unnamed
    sources joined by the relay they were reached through."""
    check.argument("dependencies", bundle, Bundle, "a Bundle")
    return _all_dependencies(bundle)


def _all_dependencies(bundle: Bundle) -> Iterator[Dependency]:
    yield from stated(bundle)
    yield from unnamed_dependencies(unnamed_by_relay(bundle))


def unnamed_dependencies(unnamed: Mapping[str, Sequence[str]]) -> Iterator[Dependency]:
    """The dependencies joining the unnamed sources of each relay of ``unnamed`` (as
    :func:`unnamed_by_relay` gives them)."""
    for speakers in unnamed.values():
        for first, second in itertools.pairwise(speakers):
            yield Dependency(
                source=second, target=first, kind=DependencyKind.UNNAMED_VIA_SAME_RELAY
            )


def unnamed_by_relay(bundle: Bundle) -> dict[str, list[str]]:
    """For each intermediary, the unnamed sources not held independent that speak through it
    (in order of first appearance); only intermediaries with two or more are listed.

    An assertion's intermediary is the first link of its chain, the source the speaker
    talked to; with no chain, the bundle's document, whose writer the speaker talked to.
    """
    unnamed = {
        source.id
        for source in bundle.sources
        if isinstance(source, AnonymousSource) and not source.independent
    }
    found: dict[str, dict[str, None]] = {}
    for assertion in bundle.assertions:
        speaker = assertion.attribution.source
        if speaker not in unnamed:
            continue
        chain = assertion.attribution.chain
        relay = chain[0].source if chain else bundle.document
        if relay is not None:
            found.setdefault(relay, {})[speaker] = None
    return {relay: list(speakers) for relay, speakers in found.items() if len(speakers) > 1}


def stated(bundle: Bundle) -> Iterator[Dependency]:
    """The dependencies the bundle's sources state (affiliations, offices, members,
    authors, publishers), in bundle order."""
    for source in bundle.sources:
        for affiliation in source.affiliations:
            yield Dependency(
                source=source.id,
                target=affiliation.target,
                kind=DependencyKind(affiliation.kind.value),
                start=affiliation.start,
                end=affiliation.end,
            )
        for role in source.roles:
            if role.organization is not None:
                yield Dependency(
                    source=source.id,
                    target=role.organization,
                    kind=DependencyKind.HOLDS_OFFICE_AT,
                    start=role.start,
                    end=role.end,
                )
        if isinstance(source, Collective):
            for member in source.members:
                yield Dependency(
                    source=member, target=source.id, kind=DependencyKind.LISTED_MEMBER_OF
                )
        if isinstance(source, Document):
            for author in source.authors:
                yield Dependency(source=source.id, target=author, kind=DependencyKind.WRITTEN_BY)
            if source.publisher is not None:
                yield Dependency(
                    source=source.id, target=source.publisher, kind=DependencyKind.PUBLISHED_BY
                )


# -- time ------------------------------------------------------------------------------

_FIRST = dt.timedelta.min
_LAST = dt.timedelta.max
_EPOCH = dt.datetime(1, 1, 1, tzinfo=dt.UTC)

Period = tuple[dt.timedelta, dt.timedelta]
"""A closed span of instants, each the time since the start of year 1 (UTC)."""


def _utc(instant: dt.datetime) -> dt.timedelta:
    # Dates without an offset are compared as if they were UTC.  The time since an
    # epoch is exact at both ends of the calendar, where converting to UTC overflows.
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=dt.UTC)
    return instant - _EPOCH


def period(start: PartialDate | None, end: PartialDate | None) -> Period:
    """The instants from the first of ``start`` to the last of ``end``; ``None`` is open."""
    return (
        _FIRST if start is None else _utc(start.earliest()),
        _LAST if end is None else _utc(end.latest()),
    )


def overlaps(first: Period, second: Period) -> bool:
    """Whether two periods share at least one instant."""
    return first[0] <= second[1] and second[0] <= first[1]
