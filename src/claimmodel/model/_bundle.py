"""The bundle: the unit of exchange, usually one analysed document."""

from __future__ import annotations

from functools import cached_property

import attrs

from claimmodel.model import _checks as check
from claimmodel.model._assertions import Assertion
from claimmodel.model._claims import Claim
from claimmodel.model._dates import DateCertainty, PartialDate
from claimmodel.model._declared import DeclaredScale
from claimmodel.model._frozen import EMPTY_MAP, FrozenMap, JSONValue
from claimmodel.model._relations import Relation
from claimmodel.model._scale import Scale
from claimmodel.model._sources import (
    AnonymousSource,
    Collective,
    Document,
    GovernmentBody,
    MediaOutlet,
    Organization,
    Person,
    Source,
)
from claimmodel.model._verdicts import Verdict

__all__ = ["Bundle"]

_SOURCE_TYPES = (
    Person,
    Organization,
    GovernmentBody,
    MediaOutlet,
    Document,
    AnonymousSource,
    Collective,
)


def _index(
    items: tuple[Source, ...] | tuple[Claim, ...] | tuple[Assertion, ...] | tuple[Verdict, ...],
) -> FrozenMap[object]:
    # The first item wins on duplicate ids; validate() reports the duplicates.
    index: dict[str, object] = {}
    for item in items:
        index.setdefault(item.id, item)
    return FrozenMap(index)


@attrs.frozen(kw_only=True)
class Bundle:
    """Sources, claims, assertions, relations and verdicts, with the bundle's own metadata.

    ``document`` is the id of the :class:`Document` source the bundle describes (its
    own voice, its text and publication date); ``published`` is when that document
    appeared, the reference for partial dates such as "in July", and
    ``published_certainty`` says when that date is only estimated or assumed.
    """

    schema: str | None = attrs.field(default=None, validator=check.optional_uri)
    """The JSON Schema the document names (its ``$schema`` key), kept as written."""
    id: str | None = attrs.field(default=None, validator=check.optional_identifier)
    title: str | None = attrs.field(default=None, validator=check.optional_text)
    published: PartialDate | None = attrs.field(
        default=None, validator=check.optional_instance_of(PartialDate, "a PartialDate")
    )
    published_certainty: DateCertainty | None = attrs.field(
        default=None, validator=check.certainty_of("published")
    )
    """Set when no source states ``published``: it is estimated or assumed."""
    document: str | None = attrs.field(default=None, validator=check.optional_identifier)
    language: str | None = attrs.field(default=None, validator=check.optional_text)
    scales: tuple[DeclaredScale, ...] = check.tuple_field(
        check.items_of(DeclaredScale, "a DeclaredScale")
    )
    """The scales the record declares for its confidences and ratings (format 1.1)."""
    sources: tuple[Source, ...] = check.tuple_field(check.items_of(_SOURCE_TYPES, "a source"))
    claims: tuple[Claim, ...] = check.tuple_field(check.items_of(Claim, "a Claim"))
    assertions: tuple[Assertion, ...] = check.tuple_field(check.items_of(Assertion, "an Assertion"))
    relations: tuple[Relation, ...] = check.tuple_field(check.items_of(Relation, "a Relation"))
    verdicts: tuple[Verdict, ...] = check.tuple_field(check.items_of(Verdict, "a Verdict"))
    """Fact-check verdicts on claims as the assertions made them (format 1.1)."""
    extensions: FrozenMap[JSONValue] = attrs.field(
        default=EMPTY_MAP, converter=check.freeze_extensions
    )

    # -- look-ups -------------------------------------------------------------------

    @cached_property
    def _sources_by_id(self) -> FrozenMap[object]:
        return _index(self.sources)

    @cached_property
    def _claims_by_id(self) -> FrozenMap[object]:
        return _index(self.claims)

    @cached_property
    def _assertions_by_id(self) -> FrozenMap[object]:
        return _index(self.assertions)

    @cached_property
    def _verdicts_by_id(self) -> FrozenMap[object]:
        return _index(self.verdicts)

    @property
    def declared_scales(self) -> tuple[Scale, ...]:
        """The :class:`~claimmodel.Scale` of each declared scale, the first of each id."""
        first: dict[str, Scale] = {}
        for declared in self.scales:
            first.setdefault(declared.id, declared.scale)
        return tuple(first.values())

    def source(self, source_id: str) -> Source | None:
        """The source with this id, or ``None``."""
        return self._sources_by_id.get(source_id)  # type: ignore[return-value]

    def claim(self, claim_id: str) -> Claim | None:
        """The claim with this id, or ``None``."""
        return self._claims_by_id.get(claim_id)  # type: ignore[return-value]

    def assertion(self, assertion_id: str) -> Assertion | None:
        """The assertion with this id, or ``None``."""
        return self._assertions_by_id.get(assertion_id)  # type: ignore[return-value]

    def verdict(self, verdict_id: str) -> Verdict | None:
        """The verdict with this id, or ``None``."""
        return self._verdicts_by_id.get(verdict_id)  # type: ignore[return-value]

    def verdicts_of(self, claim_id: str) -> tuple[Verdict, ...]:
        """Every verdict reviewing an assertion of the claim with this id, in bundle order."""
        return tuple(
            verdict
            for verdict in self.verdicts
            if any(
                (reviewed := self.assertion(assertion_id)) is not None
                and reviewed.claim == claim_id
                for assertion_id in verdict.reviews
            )
        )

    def assertions_of(self, claim_id: str) -> tuple[Assertion, ...]:
        """Every assertion of the claim with this id, in bundle order."""
        return tuple(a for a in self.assertions if a.claim == claim_id)

    @property
    def document_source(self) -> Document | None:
        """The :class:`Document` the bundle describes, when it names one that exists."""
        found = self.source(self.document) if self.document is not None else None
        return found if isinstance(found, Document) else None

    # -- building -------------------------------------------------------------------

    def with_source(self, source: Source) -> Bundle:
        """A copy with one more source."""
        return attrs.evolve(self, sources=(*self.sources, source))

    def with_claim(self, claim: Claim) -> Bundle:
        """A copy with one more claim."""
        return attrs.evolve(self, claims=(*self.claims, claim))

    def with_assertion(self, assertion: Assertion) -> Bundle:
        """A copy with one more assertion."""
        return attrs.evolve(self, assertions=(*self.assertions, assertion))

    def with_relation(self, relation: Relation) -> Bundle:
        """A copy with one more relation."""
        return attrs.evolve(self, relations=(*self.relations, relation))

    def with_verdict(self, verdict: Verdict) -> Bundle:
        """A copy with one more verdict."""
        return attrs.evolve(self, verdicts=(*self.verdicts, verdict))
