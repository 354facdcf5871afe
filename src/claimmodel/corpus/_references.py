"""Every place a model object names another item by id, and renaming them.

A corpus merge gives items new ids (a local id that collides becomes
namespaced); each reference must follow.  ``REFERENCES`` lists every id-valued
field of the model that names another item, and what it names;
``tests/test_corpus_merge.py`` checks that the model has no other such field, so
a field added later cannot be left unrenamed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

import attrs

from claimmodel.model import (
    Assertion,
    Bundle,
    Claim,
    Collective,
    Confidence,
    Document,
    Evidence,
    Relation,
    Source,
    Verdict,
)

__all__ = ["NOT_REFERENCES", "REFERENCES", "Renamer"]

REFERENCES: dict[tuple[str, str], str] = {
    ("Affiliation", "target"): "sources",
    ("Role", "organization"): "sources",
    ("Collective", "members"): "sources",
    ("Document", "authors"): "sources",
    ("Document", "publisher"): "sources",
    ("Confidence", "assessor"): "sources",
    ("Attribution", "source"): "sources",
    ("Link", "source"): "sources",
    ("Hedge", "voiced_by"): "sources",
    ("Evidence", "document"): "sources",
    ("Claim", "parties"): "sources",
    ("Assertion", "claim"): "claims",
    ("Assertion", "retracts"): "assertions",
    ("Assertion", "corrects"): "assertions",
    ("Relation", "subject"): "assertions or claims",
    ("Relation", "object"): "assertions or claims",
    ("Bundle", "document"): "sources",
    ("Verdict", "reviewer"): "sources",
    ("Verdict", "reviews"): "assertions",
}
"""(class name, field name) → the collection whose item the field names."""

NOT_REFERENCES: frozenset[tuple[str, str]] = frozenset(
    {
        ("Bundle", "id"),  # the bundle's own id
        ("Confidence", "scale"),  # a scale of the registry, not an item
        ("Rating", "scale"),  # a rating scale, not an item
    }
)
"""Id-valued fields that name no item of a bundle (besides each item's own ``id``)."""

Rename = Callable[[str], str]


class Renamer:
    """Renames every reference of a bundle's items through per-collection mappings.

    ``sources``, ``claims`` and ``assertions`` map a local id to its new id; an
    id not in its mapping (a dangling reference) goes through ``dangling``.
    """

    def __init__(
        self,
        *,
        sources: Mapping[str, str],
        claims: Mapping[str, str],
        assertions: Mapping[str, str],
        dangling: Rename,
    ) -> None:
        self._sources = sources
        self._claims = claims
        self._assertions = assertions
        self._dangling = dangling

    def source_id(self, local: str) -> str:
        """The new id of the source ``local`` names."""
        found = self._sources.get(local)
        return self._dangling(local) if found is None else found

    def claim_id(self, local: str) -> str:
        """The new id of the claim ``local`` names."""
        found = self._claims.get(local)
        return self._dangling(local) if found is None else found

    def assertion_id(self, local: str | None) -> str | None:
        """The new id of the assertion ``local`` names (``None`` stays ``None``)."""
        return None if local is None else self._assertion(local)

    def _assertion(self, local: str) -> str:
        found = self._assertions.get(local)
        return self._dangling(local) if found is None else found

    def _either(self, local: str) -> str:
        # Relations name an assertion or a claim; an id that is both is reported by
        # validation (CM304), and is read here as the assertion.
        found = self._assertions.get(local)
        if found is None:
            found = self._claims.get(local)
        return self._dangling(local) if found is None else found

    def _optional(self, local: str | None) -> str | None:
        return None if local is None else self.source_id(local)

    def confidence(self, confidence: Confidence | None) -> Confidence | None:
        """``confidence`` with its assessor (and its original's) renamed."""
        if confidence is None:
            return None
        assessor = self._optional(confidence.assessor)
        original = self.confidence(confidence.original)
        if assessor == confidence.assessor and original is confidence.original:
            return confidence
        return attrs.evolve(confidence, assessor=assessor, original=original)

    def source(self, source: Source, new_id: str) -> Source:
        """``source`` under ``new_id``, with every source it names renamed."""
        changes: dict[str, object] = {"id": new_id}
        changes["roles"] = tuple(
            role
            if role.organization is None
            else _evolve(role, organization=self.source_id(role.organization))
            for role in source.roles
        )
        changes["affiliations"] = tuple(
            _evolve(affiliation, target=self.source_id(affiliation.target))
            for affiliation in source.affiliations
        )
        changes["reliability"] = self.confidence(source.reliability)
        if isinstance(source, Collective):
            changes["members"] = tuple(self.source_id(member) for member in source.members)
        if isinstance(source, Document):
            changes["authors"] = tuple(self.source_id(author) for author in source.authors)
            changes["publisher"] = self._optional(source.publisher)
        return _evolve(source, **changes)

    def claim(self, claim: Claim, new_id: str) -> Claim:
        """``claim`` under ``new_id``, its parties renamed."""
        if not claim.parties:
            return _evolve(claim, id=new_id)
        parties = tuple(self.source_id(party) for party in claim.parties)
        return _evolve(claim, id=new_id, parties=parties)

    def assertion(self, assertion: Assertion, new_id: str) -> Assertion:
        """``assertion`` under ``new_id``, with every item it names renamed."""
        attribution = assertion.attribution
        renamed_attribution = _evolve(
            attribution,
            source=self.source_id(attribution.source),
            chain=tuple(
                _evolve(link, source=self.source_id(link.source)) for link in attribution.chain
            ),
        )
        return _evolve(
            assertion,
            id=new_id,
            claim=self.claim_id(assertion.claim),
            retracts=self.assertion_id(assertion.retracts),
            corrects=self.assertion_id(assertion.corrects),
            attribution=renamed_attribution,
            confidence=self.confidence(assertion.confidence),
            hedges=tuple(
                hedge
                if hedge.voiced_by is None
                else _evolve(hedge, voiced_by=self.source_id(hedge.voiced_by))
                for hedge in assertion.hedges
            ),
            evidence=self.evidence(assertion.evidence),
        )

    def evidence(self, evidence: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
        """``evidence`` with the documents it names renamed."""
        return tuple(
            item if item.document is None else _evolve(item, document=self.source_id(item.document))
            for item in evidence
        )

    def verdict(self, verdict: Verdict, new_id: str) -> Verdict:
        """``verdict`` under ``new_id``, its reviewer, the assertions it reviews and its
        evidence documents renamed."""
        return _evolve(
            verdict,
            id=new_id,
            reviewer=self.source_id(verdict.reviewer),
            reviews=tuple(self._assertion(item) for item in verdict.reviews),
            evidence=self.evidence(verdict.evidence),
        )

    def relation(self, relation: Relation, new_id: str) -> Relation:
        """``relation`` under ``new_id``, its ends renamed."""
        return _evolve(
            relation,
            id=new_id,
            subject=self._either(relation.subject),
            object=self._either(relation.object),
        )

    def document(self, bundle: Bundle) -> str | None:
        """The new id of the bundle's document source."""
        return self._optional(bundle.document)


_T = TypeVar("_T")


def _evolve(item: _T, **changes: object) -> _T:
    """``attrs.evolve`` that returns ``item`` itself when nothing changes."""
    if all(getattr(item, name) == value for name, value in changes.items()):
        return item
    return attrs.evolve(item, **changes)  # type: ignore[misc]
