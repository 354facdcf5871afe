"""Hedges: the words that weaken, distance or qualify a statement.

A hedge has a ``cue`` (the words), a :class:`HedgeCategory`, an optional ``scope``
(the embedded proposition it governs, in words), an optional character ``span`` in
the document, and ``voiced_by``: whose hedge it is.  "Allegedly" in an article is
the article's hedge on the claim; "vague" and "hinted" are the article's hedges on
the *speaker's* commitment (category :attr:`HedgeCategory.WEAK_COMMITMENT`).
"""

from __future__ import annotations

import enum

import attrs

from claimmodel.exceptions import InvalidTypeError, InvalidValueError
from claimmodel.model import _checks as check
from claimmodel.model._drafts import Draft
from claimmodel.model._frozen import EMPTY_MAP, FrozenMap, JSONValue

__all__ = ["WIKIDATA_SOURCING_CIRCUMSTANCES", "Hedge", "HedgeCategory", "Span"]


class HedgeCategory(enum.Enum):
    """What kind of distance a hedge puts between the words and the claim."""

    REPORTATIVE = "reportative"
    """Allegation or hearsay: "allegedly", "reportedly", "claims"."""
    EPISTEMIC = "epistemic"
    """Modal uncertainty: "may", "possibly", "likely", "presumably"."""
    APPROXIMATOR = "approximator"
    """Imprecise quantity or time: "about", "around", "circa"."""
    DISPUTED = "disputed"
    """Contestation: "disputed", "remains a subject of debate"."""
    EVIDENTIAL_GAP = "evidential-gap"
    """Missing confirmation: "unconfirmed", "independent verification remains elusive"."""
    ATTRIBUTION_SHIELD = "attribution-shield"
    """The writer hides behind the source: "according to"."""
    WEAK_COMMITMENT = "weak-commitment"
    """The source's own commitment is weak or indirect: "hinted", "vague", "suggested"."""

    @classmethod
    def from_wikidata(cls, qid: str) -> HedgeCategory:
        """The category for a Wikidata "sourcing circumstances" (P1480) item id."""
        try:
            return WIKIDATA_SOURCING_CIRCUMSTANCES[qid][1]
        except KeyError:
            known = ", ".join(f"{q} ({label})" for q, (label, _) in _SORTED_WIKIDATA)
            raise InvalidValueError(
                f"{qid!r} is not a Wikidata sourcing circumstance claimmodel maps; known: {known}"
            ) from None


WIKIDATA_SOURCING_CIRCUMSTANCES: dict[str, tuple[str, HedgeCategory]] = {
    "Q32188232": ("allegedly", HedgeCategory.REPORTATIVE),
    "Q18912752": ("disputed", HedgeCategory.DISPUTED),
    "Q18122778": ("presumably", HedgeCategory.EPISTEMIC),
    "Q5727902": ("circa", HedgeCategory.APPROXIMATOR),
    "Q56644435": ("probably", HedgeCategory.EPISTEMIC),
    "Q30230067": ("possibly", HedgeCategory.EPISTEMIC),
    "Q18603603": ("hypothetically", HedgeCategory.EPISTEMIC),
    "Q21818619": ("near", HedgeCategory.APPROXIMATOR),
    "Q60070514": ("approximately", HedgeCategory.APPROXIMATOR),
    "Q28831311": ("unconfirmed", HedgeCategory.EVIDENTIAL_GAP),
    "Q59783740": ("according to some sources", HedgeCategory.ATTRIBUTION_SHIELD),
}
"""Wikidata's sourcing-circumstance values (P1480 qualifiers): item id → (label, category)."""

_SORTED_WIKIDATA = sorted(WIKIDATA_SOURCING_CIRCUMSTANCES.items())


def _offset(_: object, attribute: attrs.Attribute[int], value: object) -> None:
    if type(value) is not int:
        raise InvalidTypeError(
            f"{attribute.name} must be an integer, not {check.type_name(value)}",
            field=attribute.name,
        )
    if value < 0:
        raise InvalidValueError(
            f"{attribute.name} must not be negative, not {check.shown(value)}", field=attribute.name
        )
    check.writable_integer(attribute.name, value)


@attrs.frozen(kw_only=True)
class Span:
    """Characters ``[start, end)`` of a document's text, as code-point indices (Python ``str``)."""

    start: int = attrs.field(validator=_offset)
    end: int = attrs.field(validator=_offset)

    def __attrs_post_init__(self) -> None:
        if self.end <= self.start:
            raise InvalidValueError(
                "a span must end after it starts, not "
                f"[{check.shown(self.start)}, {check.shown(self.end)})",
                field="end",
            )

    def of(self, text: str) -> str:
        """The characters of ``text`` this span covers."""
        return text[self.start : self.end]


@attrs.frozen(kw_only=True)
class Hedge:
    """A hedging ``cue`` of a ``category``, with its ``scope``, ``span`` and who voices it."""

    cue: str = attrs.field(validator=check.text)
    category: HedgeCategory = attrs.field(validator=check.member_of(HedgeCategory))
    scope: str | None = attrs.field(default=None, validator=check.optional_text)
    """The proposition the hedge governs, in words (for "allegedly fought", the fighting)."""
    span: Span | None = attrs.field(
        default=None, validator=check.optional_instance_of(Span, "a Span")
    )
    voiced_by: str | None = attrs.field(default=None, validator=check.optional_identifier)
    """Source id of whoever hedges; ``None`` means the asserting source itself."""
    draft: Draft | None = attrs.field(
        default=None, validator=check.optional_instance_of(Draft, "a Draft")
    )
    """Set when a program suggested this and no person has reviewed it yet."""
    extensions: FrozenMap[JSONValue] = attrs.field(
        default=EMPTY_MAP, converter=check.freeze_extensions
    )

    def reviewed(self) -> Hedge:
        """A copy without the draft marker: a person has reviewed it."""
        return attrs.evolve(self, draft=None)
