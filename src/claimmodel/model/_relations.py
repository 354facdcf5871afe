"""Relations between assertions or claims: supports, contradicts, disputes, …"""

from __future__ import annotations

import enum

import attrs

from claimmodel.model import _checks as check
from claimmodel.model._drafts import Draft
from claimmodel.model._frozen import EMPTY_MAP, FrozenMap, JSONValue

__all__ = ["Relation", "RelationKind"]


class RelationKind(enum.Enum):
    """How ``subject`` bears on ``object``; the value is the wire spelling.

    ``same-as``, ``translation-of`` and ``paraphrase-of`` between two claims
    declare them the same claim (see :attr:`declares_same_claim`): the analysis
    counts them as one.  A translation or paraphrase names the claim it renders
    as its ``object``.
    """

    SUPPORTS = "supports"
    CONTRADICTS = "contradicts"
    DISPUTES = "disputes"
    ELABORATES = "elaborates"
    SAME_AS = "same-as"
    TRANSLATION_OF = "translation-of"
    """``subject`` is ``object`` in another language (format 1.1)."""
    PARAPHRASE_OF = "paraphrase-of"
    """``subject`` is ``object`` in other words (format 1.1)."""

    @property
    def declares_same_claim(self) -> bool:
        """Whether the relation, between two claims, makes them one claim."""
        return self in _SAME_CLAIM


_SAME_CLAIM = frozenset(
    {RelationKind.SAME_AS, RelationKind.TRANSLATION_OF, RelationKind.PARAPHRASE_OF}
)


@attrs.frozen(kw_only=True)
class Relation:
    """``subject`` (an assertion or claim id) stands in relation ``kind`` to ``object``."""

    id: str = attrs.field(validator=check.identifier)
    kind: RelationKind = attrs.field(validator=check.member_of(RelationKind))
    subject: str = attrs.field(validator=check.identifier)
    object: str = attrs.field(validator=check.identifier)
    basis: str | None = attrs.field(default=None, validator=check.optional_text)
    """Why the encoder records this relation."""
    draft: Draft | None = attrs.field(
        default=None, validator=check.optional_instance_of(Draft, "a Draft")
    )
    """Set when a program suggested this and no person has reviewed it yet."""
    extensions: FrozenMap[JSONValue] = attrs.field(
        default=EMPTY_MAP, converter=check.freeze_extensions
    )

    def reviewed(self) -> Relation:
        """A copy without the draft marker: a person has reviewed it."""
        return attrs.evolve(self, draft=None)
