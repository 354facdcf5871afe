"""Sources: everyone and everything that can assert — people, organizations, outlets,
documents, anonymous and collective voices — with their offices and affiliations.

A source is identified by its ``id``, never by its name: names are kept exactly as
a text spells them (a garbled spelling included) and other spellings go in
``aliases``.  The wire form tags each source with its ``kind``.
"""

from __future__ import annotations

import enum
from typing import Any, ClassVar, TypeAlias

import attrs

from claimmodel.exceptions import InvalidTypeError, InvalidValueError
from claimmodel.model import _checks as check
from claimmodel.model._confidence import Confidence
from claimmodel.model._dates import DateCertainty, PartialDate
from claimmodel.model._drafts import Draft
from claimmodel.model._frozen import EMPTY_MAP, FrozenMap, JSONValue
from claimmodel.model._identifiers import Identifier

__all__ = [
    "Affiliation",
    "AffiliationKind",
    "AnonymousSource",
    "Collective",
    "Document",
    "GovernmentBody",
    "GroundRule",
    "MediaOutlet",
    "Organization",
    "Person",
    "Role",
    "Source",
    "SourceKind",
]


class SourceKind(enum.Enum):
    """The kinds of source; the value is the wire tag under ``kind``."""

    PERSON = "person"
    ORGANIZATION = "organization"
    GOVERNMENT_BODY = "government-body"
    MEDIA_OUTLET = "media-outlet"
    DOCUMENT = "document"
    ANONYMOUS = "anonymous"
    COLLECTIVE = "collective"


class AffiliationKind(enum.Enum):
    """How one source depends on another; the value is the wire spelling."""

    MEMBER_OF = "member-of"
    EMPLOYED_BY = "employed-by"
    PART_OF = "part-of"
    CONTROLLED_BY = "controlled-by"
    FUNDED_BY = "funded-by"


class GroundRule(enum.Enum):
    """The terms on which an unnamed source spoke; the value is the wire spelling."""

    ANONYMITY = "anonymity"
    """"Speaking on condition of anonymity": quoted, but not named."""
    BACKGROUND = "background"
    """"On background": usable with an agreed description, not by name."""
    DEEP_BACKGROUND = "deep-background"
    """"On deep background": usable, but not attributed at all."""
    OFF_THE_RECORD = "off-the-record"
    """"Off the record": not to be used; recorded when it is used all the same."""


_optional_date = check.optional_instance_of(PartialDate, "a PartialDate")


def _optional_count(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if type(value) is not int:
        raise InvalidTypeError(
            f"{attribute.name} must be an integer, not {check.type_name(value)}",
            field=attribute.name,
        )
    if value < 1:
        raise InvalidValueError(
            f"{attribute.name} must be at least 1, not {check.shown(value)}",
            field=attribute.name,
        )
    check.writable_integer(attribute.name, value)


def _boolean(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not bool:
        raise InvalidTypeError(
            f"{attribute.name} must be true or false, not {check.type_name(value)}",
            field=attribute.name,
        )


@attrs.frozen(kw_only=True)
class Role:
    """An office held (``office``), optionally at an ``organization`` (a source id),
    from ``start`` to ``end``."""

    office: str = attrs.field(validator=check.text)
    organization: str | None = attrs.field(default=None, validator=check.optional_identifier)
    start: PartialDate | None = attrs.field(default=None, validator=_optional_date)
    end: PartialDate | None = attrs.field(default=None, validator=_optional_date)
    extensions: FrozenMap[JSONValue] = attrs.field(
        default=EMPTY_MAP, converter=check.freeze_extensions
    )


@attrs.frozen(kw_only=True)
class Affiliation:
    """A dependency of this source on ``target`` (a source id), from ``start`` to ``end``."""

    kind: AffiliationKind = attrs.field(validator=check.member_of(AffiliationKind))
    target: str = attrs.field(validator=check.identifier)
    start: PartialDate | None = attrs.field(default=None, validator=_optional_date)
    end: PartialDate | None = attrs.field(default=None, validator=_optional_date)
    extensions: FrozenMap[JSONValue] = attrs.field(
        default=EMPTY_MAP, converter=check.freeze_extensions
    )


@attrs.frozen(kw_only=True)
class _SourceBase:
    """Fields every kind of source has."""

    kind: ClassVar[SourceKind]

    id: str = attrs.field(validator=check.identifier)
    name: str | None = attrs.field(default=None, validator=check.optional_text)
    aliases: tuple[str, ...] = check.tuple_field(check.text_items)
    identifiers: tuple[Identifier, ...] = check.tuple_field(
        check.items_of(Identifier, "an Identifier")
    )
    """Its ids in shared registries (Wikidata, ROR, ISNI, ORCID, a domain, a URL)."""
    description: str | None = attrs.field(default=None, validator=check.optional_text)
    roles: tuple[Role, ...] = check.tuple_field(check.items_of(Role, "a Role"))
    affiliations: tuple[Affiliation, ...] = check.tuple_field(
        check.items_of(Affiliation, "an Affiliation")
    )
    reliability: Confidence | None = attrs.field(
        default=None, validator=check.optional_instance_of(Confidence, "a Confidence")
    )
    """How reliable the source is judged to be (for example Admiralty A–F)."""
    draft: Draft | None = attrs.field(
        default=None, validator=check.optional_instance_of(Draft, "a Draft")
    )
    """Set when a program suggested this and no person has reviewed it yet."""

    @property
    def label(self) -> str:
        """A human-readable name: the name, else the description, else the id."""
        return self.name or self.description or self.id

    def with_alias(self, alias: str) -> Source:
        """A copy with one more alias (no change if it is already known)."""
        if alias in self.aliases or alias == self.name:
            return self  # type: ignore[return-value]
        return attrs.evolve(self, aliases=(*self.aliases, alias))  # type: ignore[return-value]

    def with_affiliation(self, affiliation: Affiliation) -> Source:
        """A copy with one more affiliation."""
        return attrs.evolve(self, affiliations=(*self.affiliations, affiliation))  # type: ignore[return-value]

    def with_role(self, role: Role) -> Source:
        """A copy with one more role."""
        return attrs.evolve(self, roles=(*self.roles, role))  # type: ignore[return-value]

    def with_identifier(self, identifier: Identifier) -> Source:
        """A copy with one more external identifier (no change if it is already known)."""
        if identifier in self.identifiers:
            return self  # type: ignore[return-value]
        return attrs.evolve(self, identifiers=(*self.identifiers, identifier))  # type: ignore[return-value]

    def reviewed(self) -> Source:
        """A copy without the draft marker: a person has reviewed it."""
        return attrs.evolve(self, draft=None)  # type: ignore[return-value]


@attrs.frozen(kw_only=True)
class Person(_SourceBase):
    """A named individual."""

    kind: ClassVar[SourceKind] = SourceKind.PERSON
    extensions: FrozenMap[JSONValue] = attrs.field(
        default=EMPTY_MAP, converter=check.freeze_extensions
    )


@attrs.frozen(kw_only=True)
class Organization(_SourceBase):
    """A company, studio, party, NGO or other non-governmental body."""

    kind: ClassVar[SourceKind] = SourceKind.ORGANIZATION
    extensions: FrozenMap[JSONValue] = attrs.field(
        default=EMPTY_MAP, converter=check.freeze_extensions
    )


@attrs.frozen(kw_only=True)
class GovernmentBody(_SourceBase):
    """A ministry, agency, armed force or other organ of a state."""

    kind: ClassVar[SourceKind] = SourceKind.GOVERNMENT_BODY
    jurisdiction: str | None = attrs.field(default=None, validator=check.optional_text)
    """The state or territory it belongs to, as written (for example ``"Russia"``)."""
    extensions: FrozenMap[JSONValue] = attrs.field(
        default=EMPTY_MAP, converter=check.freeze_extensions
    )


@attrs.frozen(kw_only=True)
class MediaOutlet(_SourceBase):
    """A news agency, newspaper, broadcaster or channel."""

    kind: ClassVar[SourceKind] = SourceKind.MEDIA_OUTLET
    url: str | None = attrs.field(default=None, validator=check.optional_text)
    extensions: FrozenMap[JSONValue] = attrs.field(
        default=EMPTY_MAP, converter=check.freeze_extensions
    )


@attrs.frozen(kw_only=True)
class Document(_SourceBase):
    """An article, report or post that speaks in its own voice.

    ``text`` is the document's text when the bundle carries it; character spans of
    hedges and evidence index into it (Python ``str`` indices, code points).
    """

    kind: ClassVar[SourceKind] = SourceKind.DOCUMENT
    url: str | None = attrs.field(default=None, validator=check.optional_text)
    published: PartialDate | None = attrs.field(default=None, validator=_optional_date)
    published_certainty: DateCertainty | None = attrs.field(
        default=None, validator=check.certainty_of("published")
    )
    """Set when no source states ``published``: it is estimated or assumed."""
    authors: tuple[str, ...] = check.tuple_field(check.identifier_items)
    """Source ids of the people or bodies who wrote it."""
    publisher: str | None = attrs.field(default=None, validator=check.optional_identifier)
    """Source id of the outlet that published it."""
    language: str | None = attrs.field(default=None, validator=check.optional_text)
    """A BCP 47 language tag such as ``"en"``."""
    text: str | None = attrs.field(default=None, validator=check.optional_text)
    extensions: FrozenMap[JSONValue] = attrs.field(
        default=EMPTY_MAP, converter=check.freeze_extensions
    )


@attrs.frozen(kw_only=True)
class AnonymousSource(_SourceBase):
    """An unnamed source ("officials familiar with the matter"); say who in ``description``.

    What is known of the people behind it goes in its ``roles`` ("a senior official")
    and ``affiliations`` (at the ministry), like any source's.
    """

    kind: ClassVar[SourceKind] = SourceKind.ANONYMOUS
    count: int | None = attrs.field(default=None, validator=_optional_count)
    """How many people it stands for ("two people familiar with the matter": 2)."""
    ground_rule: GroundRule | None = attrs.field(
        default=None, validator=check.optional_instance_of(GroundRule, "a GroundRule")
    )
    """The terms on which it spoke ("on condition of anonymity", "on background")."""
    independent: bool = attrs.field(default=False, validator=_boolean)
    """Whether the record holds it independent of the other unnamed sources reached
    through the same intermediary; otherwise the analysis counts them as one origin,
    since they may be one person or one office."""
    extensions: FrozenMap[JSONValue] = attrs.field(
        default=EMPTY_MAP, converter=check.freeze_extensions
    )


@attrs.frozen(kw_only=True)
class Collective(_SourceBase):
    """A group spoken of as one voice ("Russian officials"), optionally with known members."""

    kind: ClassVar[SourceKind] = SourceKind.COLLECTIVE
    members: tuple[str, ...] = check.tuple_field(check.identifier_items)
    """Source ids of members the record knows of; the group may have others."""
    extensions: FrozenMap[JSONValue] = attrs.field(
        default=EMPTY_MAP, converter=check.freeze_extensions
    )


Source: TypeAlias = (
    Person | Organization | GovernmentBody | MediaOutlet | Document | AnonymousSource | Collective
)
"""Any kind of source."""

SOURCE_CLASSES: dict[SourceKind, type[Source]] = {
    cls.kind: cls
    for cls in (
        Person,
        Organization,
        GovernmentBody,
        MediaOutlet,
        Document,
        AnonymousSource,
        Collective,
    )
}
"""The class for each kind of source."""
