"""Claims: propositions in the encoder's words, independent of who says them."""

from __future__ import annotations

import enum
import unicodedata
from typing import Any

import attrs

from claimmodel.model import _checks as check
from claimmodel.model._drafts import Draft
from claimmodel.model._frozen import EMPTY_MAP, FrozenMap, JSONValue
from claimmodel.model._quantities import Quantity

__all__ = ["Claim", "Polarity", "claim_id", "normalize_text"]


class Polarity(enum.Enum):
    """Whether the claim states that something is (positive) or is not (negative)."""

    POSITIVE = "positive"
    NEGATIVE = "negative"


def normalize_text(text: str) -> str:
    """The form of a claim's wording that its derived id depends on.

    Unicode NFKC, case-folded, runs of whitespace collapsed to one space, and no
    surrounding whitespace: so the same words typed twice give the same id.
    """
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def claim_id(
    text: str,
    *,
    subject: str | None = None,
    predicate: str | None = None,
    object: str | None = None,  # noqa: A002  (mirrors the Claim field)
    polarity: Polarity = Polarity.POSITIVE,
) -> str:
    """The id a :class:`Claim` with this content gets when none is given.

    ``"claim-"`` and 16 hex digits of a SHA-256 over the normalized content, so the
    same claim in two records merges.  Each part is checked as the claim's field is.
    """
    fields = attrs.fields(Claim)
    check.text(None, fields.text, text)
    for field, value in ((fields.subject, subject), (fields.predicate, predicate)):
        check.optional_text(None, field, value)
    check.optional_text(None, fields.object, object)
    check.member_of(Polarity)(None, fields.polarity, polarity)
    import hashlib  # noqa: PLC0415  (loads OpenSSL: a cost only derived ids should pay)

    parts = [normalize_text(text), polarity.value]
    parts += [normalize_text(p) if p is not None else "" for p in (subject, predicate, object)]
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"claim-{digest[:16]}"


def _derived_id(self: Any) -> str:
    check.text(self, attrs.fields(Claim).text, self.text)
    check.member_of(Polarity)(self, attrs.fields(Claim).polarity, self.polarity)
    return claim_id(
        self.text,
        subject=self.subject,
        predicate=self.predicate,
        object=self.object,
        polarity=self.polarity,
    )


@attrs.frozen(kw_only=True)
class Claim:
    """A proposition, optionally structured as ``subject`` / ``predicate`` / ``object``.

    Without an ``id``, one is derived from the normalized content (see
    :func:`claim_id`); ``parties`` and ``quantity`` do not take part in it.  ``polarity`` says
    whether the claim is stated positively; whether a *source* affirms or denies
    it is the assertion's stance.
    """

    text: str = attrs.field(validator=check.text)
    subject: str | None = attrs.field(default=None, validator=check.optional_text)
    predicate: str | None = attrs.field(default=None, validator=check.optional_text)
    object: str | None = attrs.field(default=None, validator=check.optional_text)
    polarity: Polarity = attrs.field(default=Polarity.POSITIVE, validator=check.member_of(Polarity))
    language: str | None = attrs.field(default=None, validator=check.optional_text)
    """A BCP 47 tag for the language of ``text``."""
    parties: tuple[str, ...] = check.tuple_field(check.identifier_items)
    """Ids of the sources the claim is about or that gain from it (the interested parties):
    an origin that is one of them, or depends on one, is interested (format 1.1)."""
    quantity: Quantity | None = attrs.field(
        default=None, validator=check.optional_instance_of(Quantity, "a Quantity")
    )
    """The figure the claim states, if any (format 1.1)."""
    id: str = attrs.field(
        default=attrs.Factory(_derived_id, takes_self=True), validator=check.identifier
    )
    draft: Draft | None = attrs.field(
        default=None, validator=check.optional_instance_of(Draft, "a Draft")
    )
    """Set when a program suggested this and no person has reviewed it yet."""
    extensions: FrozenMap[JSONValue] = attrs.field(
        default=EMPTY_MAP, converter=check.freeze_extensions
    )

    @property
    def derived_id(self) -> str:
        """The id this claim's content derives, whatever ``id`` it was given."""
        return _derived_id(self)

    @property
    def id_is_derived(self) -> bool:
        """Whether ``id`` is the one the claim's content derives."""
        return self.id == self.derived_id

    def with_text(self, text: str) -> Claim:
        """A copy worded ``text``; a derived id is derived again from the new wording.

        An id given by hand is kept: it names the claim whatever its wording.  Use
        this, not ``attrs.evolve(claim, text=...)``, which keeps a derived id of the
        old wording (validation reports such an id, ``CM314``).
        """
        if not self.id_is_derived:
            return attrs.evolve(self, text=text)
        edited = attrs.evolve(self, text=text)
        return attrs.evolve(edited, id=edited.derived_id)

    def reviewed(self) -> Claim:
        """A copy without the draft marker: a person has reviewed it."""
        return attrs.evolve(self, draft=None)
