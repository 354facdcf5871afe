"""Assertions: one act of a source putting a claim forward, and how it reached us.

Attribution chains are written in **transmission order**: ``Attribution.source``
is the original speaker, and ``chain`` lists the intermediaries the statement
passed through, nearest the speaker first and nearest the reader (usually the
document the bundle describes) last.  This is FactBank's order (nearest source
first, author last); MPQA's nested sources run the other way, and
:meth:`Attribution.from_reader_first` converts from it.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from typing import Any

import attrs

from claimmodel.exceptions import InvalidTypeError, InvalidValueError
from claimmodel.model import _checks as check
from claimmodel.model._confidence import Confidence
from claimmodel.model._dates import PartialDate
from claimmodel.model._drafts import Draft
from claimmodel.model._frozen import EMPTY_MAP, FrozenMap, JSONValue
from claimmodel.model._hedges import Hedge, Span

__all__ = [
    "Assertion",
    "AssertionMode",
    "Attribution",
    "Bearing",
    "Channel",
    "Evidence",
    "EvidenceKind",
    "Link",
    "Occasion",
    "Quotation",
    "Stance",
]


class Stance(enum.Enum):
    """What the source does with the claim; the value is the wire spelling."""

    ASSERTS = "asserts"
    """States it as true."""
    REPORTS = "reports"
    """Passes it on without taking a position (a relay, a summary)."""
    DENIES = "denies"
    """States it is false."""
    DISPUTES = "disputes"
    """Contests it without flatly denying it."""
    QUESTIONS = "questions"
    """Raises it as open or doubtful."""
    DECLINES_TO_COMMENT = "declines-to-comment"
    """Was asked about it and declined to say anything ("declined to comment")."""
    DOES_NOT_RESPOND = "does-not-respond"
    """Was asked about it and gave no answer ("did not respond to a request for comment")."""


class AssertionMode(enum.Enum):
    """How the text carries an assertion; the value is the wire spelling."""

    STATED = "stated"
    """Said outright."""
    PRESUPPOSED = "presupposed"
    """Taken for granted by what is said ("the soldiers' return" presupposes they went)."""
    INFERRED = "inferred"
    """Not in the text: the encoder infers that the source holds it."""


class Quotation(enum.Enum):
    """How evidence reports the words; the value is the wire spelling."""

    DIRECT = "direct"
    """The source's own words, in quotation marks: she said: "We will build it"."""
    INDIRECT = "indirect"
    """Reported speech, in the writer's words: she said that they would build it."""
    MIXED = "mixed"
    """Reported speech with quoted fragments: she said they would build it "without delay"."""


class EvidenceKind(enum.Enum):
    """What a piece of evidence is; the value is the wire spelling.

    Evidence is what the record rests on, never who speaks: a video, a photograph
    or a recording shows something, and whoever filmed, posted or broadcast it is
    the source that asserts.
    """

    TEXT = "text"
    """Words: a quote, a span of a document's text, a page of text (the default)."""
    IMAGE = "image"
    """A photograph, a screenshot, a satellite image."""
    VIDEO = "video"
    """A video recording."""
    AUDIO = "audio"
    """A sound recording: an intercepted call, a radio broadcast."""
    DATASET = "dataset"
    """Data: a table, a database extract, flight or shipping records."""
    DOCUMENT = "document"
    """A document as an object: a scanned letter, a PDF, a leaked file."""


MEDIA_KINDS = frozenset({EvidenceKind.IMAGE, EvidenceKind.VIDEO, EvidenceKind.AUDIO})
"""The kinds of evidence that are recordings: they show, they never assert."""


class Bearing(enum.Enum):
    """How evidence bears on the claim asserted; the value is the wire spelling.

    The bearing is on the *claim*, whatever the assertion's stance: a video that
    shows the claim false refutes it, also when it is attached to a denial.
    Without a bearing, the evidence only shows where the assertion can be seen.
    """

    SUPPORTS = "supports"
    """It shows the claim true, or makes it more likely."""
    REFUTES = "refutes"
    """It shows the claim false, or makes it less likely."""
    NEITHER = "neither"
    """It was examined and bears neither way (inconclusive, or about something else)."""


_SHA256 = re.compile("[0-9a-f]{64}", flags=re.ASCII)


def _sha256(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """``None`` or a SHA-256 digest written as 64 lowercase hexadecimal digits.

    Nothing is normalised: a digest in capitals or with a prefix is refused with the
    spelling to use, so that a record keeps exactly what it was given.
    """
    if value is None:
        return
    if type(value) is not str:
        raise InvalidTypeError(
            f"{attribute.name} must be a string of 64 hexadecimal digits, "
            f"not {check.type_name(value)}",
            field=attribute.name,
        )
    if _SHA256.fullmatch(value):
        return
    hint = ""
    candidate = value.strip().removeprefix("sha256:").removeprefix("SHA256:").lower()
    if _SHA256.fullmatch(candidate):
        hint = f"; write it as {candidate!r}"
    raise InvalidValueError(
        f"{attribute.name} must be a SHA-256 digest in 64 lowercase hexadecimal digits, "
        f"not {check.shown(value)}{hint}",
        field=attribute.name,
    )


class Channel(enum.Enum):
    """How a statement passed from one link of a chain to the next."""

    INTERVIEW = "interview"
    PRESS_CONFERENCE = "press-conference"
    STATEMENT = "statement"
    PUBLICATION = "publication"
    BROADCAST = "broadcast"
    SOCIAL_MEDIA = "social-media"
    LEAK = "leak"
    TESTIMONY = "testimony"
    CORRESPONDENCE = "correspondence"
    CONVERSATION = "conversation"
    UNSPECIFIED = "unspecified"


_optional_date = check.optional_instance_of(PartialDate, "a PartialDate")


@attrs.frozen(kw_only=True)
class Link:
    """One intermediary (``source``, an id) and the ``channel`` by which it got the statement."""

    source: str = attrs.field(validator=check.identifier)
    channel: Channel = attrs.field(default=Channel.UNSPECIFIED, validator=check.member_of(Channel))
    date: PartialDate | None = attrs.field(default=None, validator=_optional_date)
    cue: str | None = attrs.field(default=None, validator=check.optional_text)
    """The words that introduce the relay ("told", "according to")."""
    cue_span: Span | None = attrs.field(
        default=None, validator=check.optional_instance_of(Span, "a Span")
    )
    """Where the cue is in the text of the bundle's document."""
    extensions: FrozenMap[JSONValue] = attrs.field(
        default=EMPTY_MAP, converter=check.freeze_extensions
    )


@attrs.frozen(kw_only=True)
class Attribution:
    """Who asserts (``source``, an id), the ``cue`` that says so, and the ``chain`` it came by."""

    source: str = attrs.field(validator=check.identifier)
    cue: str | None = attrs.field(default=None, validator=check.optional_text)
    """The attributing words as written: "confirmed", "hinted", "according to"."""
    cue_span: Span | None = attrs.field(
        default=None, validator=check.optional_instance_of(Span, "a Span")
    )
    """Where the cue is in the text of the bundle's document."""
    chain: tuple[Link, ...] = check.tuple_field(check.items_of(Link, "a Link"))
    extensions: FrozenMap[JSONValue] = attrs.field(
        default=EMPTY_MAP, converter=check.freeze_extensions
    )

    @property
    def path(self) -> tuple[str, ...]:
        """Source ids in transmission order: the speaker, then each intermediary."""
        return (self.source, *(link.source for link in self.chain))

    @property
    def reader_first(self) -> tuple[str, ...]:
        """Source ids nearest the reader first (MPQA's nesting order)."""
        return self.path[::-1]

    @classmethod
    def from_reader_first(
        cls,
        sources: Sequence[str],
        *,
        cue: str | None = None,
        channels: Sequence[Channel] | None = None,
    ) -> Attribution:
        """Build from source ids listed nearest the reader first (MPQA order).

        ``["article", "ria", "sculptor"]`` becomes the sculptor's statement relayed
        by RIA to the article.  ``channels``, when given, are in the same
        reader-first order, one for each intermediary (``len(sources) - 1``).
        """
        if not sources:
            raise InvalidValueError("an attribution needs at least the asserting source")
        order = list(sources)[::-1]
        relayed = order[1:]
        ways = (
            list(channels)[::-1] if channels is not None else [Channel.UNSPECIFIED] * len(relayed)
        )
        if len(ways) != len(relayed):
            raise InvalidValueError(
                f"{len(relayed)} intermediaries need {len(relayed)} channels, not {len(ways)}"
            )
        chain = tuple(Link(source=s, channel=c) for s, c in zip(relayed, ways, strict=True))
        return cls(source=order[0], cue=cue, chain=chain)

    def via(self, link: Link) -> Attribution:
        """A copy relayed through one more intermediary, nearest the reader."""
        return attrs.evolve(self, chain=(*self.chain, link))


@attrs.frozen(kw_only=True)
class Occasion:
    """Where and at what event a statement was made: PARC's "supplement".

    ``channel`` is the kind of occasion ("at a press conference", "in an interview",
    "in a televised address"), ``event`` names it ("the Eastern Economic Forum") and
    ``place`` says where ("Wonsan").  When it was made is the assertion's ``date``.
    How the statement travelled afterwards is the attribution's chain, not this.
    """

    channel: Channel = attrs.field(default=Channel.UNSPECIFIED, validator=check.member_of(Channel))
    event: str | None = attrs.field(default=None, validator=check.optional_text)
    place: str | None = attrs.field(default=None, validator=check.optional_text)
    extensions: FrozenMap[JSONValue] = attrs.field(
        default=EMPTY_MAP, converter=check.freeze_extensions
    )

    def __attrs_post_init__(self) -> None:
        if self.channel is Channel.UNSPECIFIED and self.event is None and self.place is None:
            raise InvalidValueError(
                "an occasion needs a channel other than unspecified, an event or a place",
                field="channel",
            )


@attrs.frozen(kw_only=True)
class Evidence:
    """What an assertion can be seen in, or what bears on its claim.

    Text evidence is a ``quote``, its ``span`` in a document or a ``url``;
    ``document`` is the source id of the document the span indexes into (``None``:
    the document the bundle describes).  Evidence of another ``kind`` — an image, a
    video, a sound recording, a dataset, a document as a file — is found at its
    ``url`` or ``archive_url`` and identified by its ``sha256``; ``captured`` is when
    it was recorded or collected, ``archived`` when the copy at ``archive_url`` was
    made.  ``bearing`` says whether it supports or refutes the claim asserted
    (``None``: not stated; the evidence only shows where the assertion is seen).

    Evidence is never a source: a video shows, whoever filmed or posted it speaks.
    The analysis never counts evidence as an origin.
    """

    quote: str | None = attrs.field(default=None, validator=check.optional_text)
    """The words that show the assertion (for a recording, the words heard or shown)."""
    span: Span | None = attrs.field(
        default=None, validator=check.optional_instance_of(Span, "a Span")
    )
    document: str | None = attrs.field(default=None, validator=check.optional_identifier)
    url: str | None = attrs.field(default=None, validator=check.optional_text)
    quotation: Quotation | None = attrs.field(
        default=None, validator=check.optional_instance_of(Quotation, "a Quotation")
    )
    """Whether the quote is the source's own words, reported speech, or both."""
    language: str | None = attrs.field(default=None, validator=check.optional_text)
    """A BCP 47 tag for the language of ``quote``."""
    original: str | None = attrs.field(default=None, validator=check.optional_text)
    """The words as the source said them, when ``quote`` is a translation."""
    original_language: str | None = attrs.field(default=None, validator=check.optional_text)
    """A BCP 47 tag for the language of ``original`` ("said in Russian")."""
    kind: EvidenceKind = attrs.field(
        default=EvidenceKind.TEXT, validator=check.member_of(EvidenceKind)
    )
    """What the evidence is: text (the default), an image, a video, audio, a dataset or a
    document."""
    sha256: str | None = attrs.field(default=None, validator=_sha256)
    """The SHA-256 digest of the evidence's content, 64 lowercase hexadecimal digits."""
    captured: PartialDate | None = attrs.field(default=None, validator=_optional_date)
    """When it was recorded, photographed or collected."""
    archived: PartialDate | None = attrs.field(default=None, validator=_optional_date)
    """When the copy at ``archive_url`` (or a copy kept elsewhere) was made."""
    archive_url: str | None = attrs.field(default=None, validator=check.optional_uri)
    """Where an archived copy is (a web archive's snapshot)."""
    bearing: Bearing | None = attrs.field(
        default=None, validator=check.optional_instance_of(Bearing, "a Bearing")
    )
    """Whether it supports or refutes the claim asserted, or neither."""
    extensions: FrozenMap[JSONValue] = attrs.field(
        default=EMPTY_MAP, converter=check.freeze_extensions
    )

    def __attrs_post_init__(self) -> None:
        if (
            self.quote is None
            and self.span is None
            and self.url is None
            and self.archive_url is None
            and self.sha256 is None
        ):
            raise InvalidValueError(
                "evidence needs a quote, a span, a url, an archive_url or a sha256",
                field="quote",
            )
        if self.quotation is not None and self.quote is None and self.span is None:
            raise InvalidValueError(
                "a quotation needs the quoted words: a quote or a span", field="quotation"
            )
        if self.original_language is not None and self.original is None:
            raise InvalidValueError(
                "original_language is the language of original, which is missing",
                field="original_language",
            )

    @property
    def is_recording(self) -> bool:
        """Whether it is an image, a video or a sound recording."""
        return self.kind in MEDIA_KINDS


@attrs.frozen(kw_only=True)
class Assertion:
    """One act of a source putting a claim forward.

    ``attribution`` and ``confidence`` are required: nothing in claimmodel is
    unattributed, and every assertion says how sure the encoder is.
    """

    id: str = attrs.field(validator=check.identifier)
    claim: str = attrs.field(validator=check.identifier)
    """The id of the claim asserted."""
    attribution: Attribution = attrs.field(
        validator=check.instance_of(Attribution, "an Attribution")
    )
    confidence: Confidence = attrs.field(validator=check.instance_of(Confidence, "a Confidence"))
    stance: Stance = attrs.field(default=Stance.ASSERTS, validator=check.member_of(Stance))
    hedges: tuple[Hedge, ...] = check.tuple_field(check.items_of(Hedge, "a Hedge"))
    date: PartialDate | None = attrs.field(default=None, validator=_optional_date)
    """When the source made the statement (not when it was reported)."""
    earliest: PartialDate | None = attrs.field(default=None, validator=_optional_date)
    """The earliest it can have been made ("after July"; Wikidata's P1319)."""
    latest: PartialDate | None = attrs.field(default=None, validator=_optional_date)
    """The latest it can have been made ("previously", "before July"; Wikidata's P1326)."""
    occasion: Occasion | None = attrs.field(
        default=None, validator=check.optional_instance_of(Occasion, "an Occasion")
    )
    """Where and at what event the source made the statement."""
    mode: AssertionMode = attrs.field(
        default=AssertionMode.STATED, validator=check.member_of(AssertionMode)
    )
    """Whether the source states it, the text presupposes it, or the encoder infers it."""
    retracts: str | None = attrs.field(default=None, validator=check.optional_identifier)
    """The id of an earlier assertion this one withdraws ("the agency withdrew the report")."""
    corrects: str | None = attrs.field(default=None, validator=check.optional_identifier)
    """The id of an earlier assertion this one corrects ("in a correction, the paper said")."""
    evidence: tuple[Evidence, ...] = check.tuple_field(check.items_of(Evidence, "an Evidence"))
    draft: Draft | None = attrs.field(
        default=None, validator=check.optional_instance_of(Draft, "a Draft")
    )
    """Set when a program suggested this and no person has reviewed it yet."""
    extensions: FrozenMap[JSONValue] = attrs.field(
        default=EMPTY_MAP, converter=check.freeze_extensions
    )

    def __attrs_post_init__(self) -> None:
        if self.retracts is not None and self.corrects is not None:
            raise InvalidValueError(
                "an assertion either retracts or corrects an earlier one, not both",
                field="corrects",
            )
        if self.id in (self.retracts, self.corrects):
            field = "retracts" if self.retracts == self.id else "corrects"
            raise InvalidValueError(f"assertion {self.id!r} cannot revise itself", field=field)

    @property
    def source(self) -> str:
        """The id of the asserting source."""
        return self.attribution.source

    @property
    def revises(self) -> str | None:
        """The id of the assertion this one retracts or corrects, if any."""
        return self.retracts if self.retracts is not None else self.corrects

    def with_confidence(self, confidence: Confidence) -> Assertion:
        """A copy with another confidence."""
        return attrs.evolve(self, confidence=confidence)

    def with_hedge(self, hedge: Hedge) -> Assertion:
        """A copy with one more hedge."""
        return attrs.evolve(self, hedges=(*self.hedges, hedge))

    def reviewed(self) -> Assertion:
        """A copy without the draft marker: a person has reviewed it."""
        return attrs.evolve(self, draft=None)
