"""Outlets controlled by an interested party: relays that answer to one of a claim's parties.

A relay (a source in an attribution chain) is controlled by a party when it is the
party, or when a chain of ``controlled-by`` and ``part-of`` affiliations in force when
it passed the statement on leads from it to the party: RIA Novosti, controlled by the
Russian government, is controlled by it; so is an outlet part of a holding the
government controls.  Other dependencies (employment, membership, funding) make a
*speaker* one origin with a party, but do not make an outlet the party's own.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping, Sequence

import attrs

from claimmodel.analysis._dependencies import Period, overlaps, period
from claimmodel.model import AffiliationKind, Bundle, PartialDate

__all__ = ["ControlledRelay", "Controls"]

_CONTROL = frozenset({AffiliationKind.CONTROLLED_BY, AffiliationKind.PART_OF})


@attrs.frozen(kw_only=True)
class ControlledRelay:
    """A ``relay`` of the claim controlled by the interested ``party``.

    ``via`` are the ids of the sources between them (controlled by or part of each
    other, in order), empty when the relay answers to the party directly or is the
    party; ``name``, ``party_name`` and ``via_names`` are their readable names.
    """

    relay: str
    name: str
    party: str
    party_name: str
    via: tuple[str, ...] = ()
    via_names: tuple[str, ...] = ()

    @property
    def description(self) -> str:
        """In words: ``"RIA Novosti, controlled by Government of the Russian Federation"``."""
        if self.relay == self.party:
            return f"{self.name}, itself an interested party"
        through = f" through {', '.join(self.via_names)}" if self.via_names else ""
        return f"{self.name}, controlled by {self.party_name}{through}"


class Controls:
    """The ``controlled-by`` and ``part-of`` affiliations of a bundle, for finding the party
    that controls a relay at a date."""

    def __init__(self, bundle: Bundle) -> None:
        self._edges: dict[str, list[tuple[str, Period]]] = {}
        seen: set[str] = set()
        for source in bundle.sources:
            if source.id in seen:
                continue  # a duplicate id; the first source is the one look-ups find
            seen.add(source.id)
            for affiliation in source.affiliations:
                if affiliation.kind in _CONTROL:
                    when = period(affiliation.start, affiliation.end)
                    self._edges.setdefault(source.id, []).append((affiliation.target, when))

    @classmethod
    def of_edges(cls, edges: Mapping[str, Sequence[tuple[str, Period]]]) -> Controls:
        """The controls of some sources: each one's ``controlled-by`` and ``part-of``
        targets with the period each holds (as :meth:`reach` gives them)."""
        controls = cls.__new__(cls)
        controls._edges = {source: list(found) for source, found in edges.items()}
        return controls

    def edges(self) -> Mapping[str, Sequence[tuple[str, Period]]]:
        """Every source's control edges: its targets with the period each holds (as
        :meth:`of_edges` takes them)."""
        return self._edges

    def reach(self, relay: str) -> dict[str, list[tuple[str, Period]]]:
        """The control edges of ``relay`` and of every source they lead to (at any date):
        all that :meth:`controller` reads to look up ``relay``."""
        found: dict[str, list[tuple[str, Period]]] = {}
        queue = deque([relay])
        seen = {relay}
        while queue:
            node = queue.popleft()
            edges = self._edges.get(node)
            if edges is None:
                continue
            found[node] = edges
            for target, _ in edges:
                if target not in seen:
                    seen.add(target)
                    queue.append(target)
        return found

    def controller(
        self, relay: str, date: PartialDate | None, parties: tuple[str, ...]
    ) -> tuple[str, tuple[str, ...]] | None:
        """The first of ``parties`` that controls ``relay`` at ``date`` (any date, when it is
        ``None``) and the sources between them; ``None`` when none does.

        Parties are tried in order, each by the shortest chain of control.
        """
        wanted = set(parties)
        if not wanted:
            return None
        if relay in wanted:
            return relay, ()
        when = period(date, date) if date is not None else None
        reached: dict[str, tuple[str, ...]] = {relay: ()}
        queue = deque([relay])
        while queue:
            node = queue.popleft()
            for target, held in self._edges.get(node, ()):
                if target in reached or (when is not None and not overlaps(when, held)):
                    continue
                reached[target] = (*reached[node], target)
                queue.append(target)
        for party in parties:
            path = reached.get(party)
            if path is not None:
                return party, path[:-1]
        return None
