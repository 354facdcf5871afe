"""What a user would otherwise pick, built to the same shape as a claimmodel bundle.

* a pydantic v2 model: frozen, unknown keys forbidden, enumerations as literals,
  partial dates as strings checked against the same pattern, sources as a union
  discriminated by ``kind``;
* a msgspec model: frozen ``Struct`` classes with the same rules and a tagged union;
* stix2: each source an ``Identity``, each assertion a ``Note`` whose
  ``object_refs`` are the speaker and the chain, whose ``abstract`` is the cue,
  whose ``confidence`` is the probability band's upper end on 0–100 and whose
  ``labels`` are the hedge categories.

The pydantic and msgspec models read and write the very bytes claimmodel writes;
stix2 reads and writes its own representation of the same content.  Each is
imported only when used, so the benchmark runs (and says so) without them.
"""

import uuid
from functools import cache
from typing import Annotated, Any, Literal

DATE_PATTERN = (
    r"^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2}(\.\d{1,6})?)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$"
)

Channel = Literal[
    "interview",
    "press-conference",
    "statement",
    "publication",
    "broadcast",
    "social-media",
    "leak",
    "testimony",
    "correspondence",
    "conversation",
    "unspecified",
]
Stance = Literal["asserts", "reports", "denies", "disputes", "questions"]
Category = Literal[
    "reportative",
    "epistemic",
    "approximator",
    "disputed",
    "evidential-gap",
    "attribution-shield",
    "weak-commitment",
]
AffiliationKind = Literal["member-of", "employed-by", "part-of", "controlled-by", "funded-by"]
RelationKind = Literal["supports", "contradicts", "disputes", "elaborates", "same-as"]
Polarity = Literal["positive", "negative"]


# -- pydantic ----------------------------------------------------------------------------


@cache
def pydantic_bundle() -> Any:
    """The pydantic model class of a whole bundle."""
    from pydantic import BaseModel, ConfigDict, Field, StringConstraints

    iso_date = Annotated[str, StringConstraints(pattern=DATE_PATTERN)]

    class Model(BaseModel):
        model_config = ConfigDict(frozen=True, extra="forbid")

    class Interval(Model):
        low: float
        high: float

    class Span(Model):
        start: int
        end: int

    class Confidence(Model):
        scale: str
        level: str
        probability: Interval | None = None
        assessor: str | None = None
        basis: str | None = None

    class Link(Model):
        source: str
        channel: Channel = "unspecified"
        date: iso_date | None = None  # type: ignore[valid-type]
        cue: str | None = None

    class Attribution(Model):
        source: str
        cue: str | None = None
        chain: tuple[Link, ...] = ()

    class Hedge(Model):
        cue: str
        category: Category
        scope: str | None = None
        span: Span | None = None
        voiced_by: str | None = None

    class Evidence(Model):
        quote: str | None = None
        span: Span | None = None
        document: str | None = None
        url: str | None = None

    class Assertion(Model):
        id: str
        claim: str
        attribution: Attribution
        confidence: Confidence
        stance: Stance = "asserts"
        hedges: tuple[Hedge, ...] = ()
        date: iso_date | None = None  # type: ignore[valid-type]
        evidence: tuple[Evidence, ...] = ()

    class Role(Model):
        office: str
        organization: str | None = None
        start: iso_date | None = None  # type: ignore[valid-type]
        end: iso_date | None = None  # type: ignore[valid-type]

    class Affiliation(Model):
        kind: AffiliationKind
        target: str
        start: iso_date | None = None  # type: ignore[valid-type]
        end: iso_date | None = None  # type: ignore[valid-type]

    class SourceBase(Model):
        id: str
        name: str | None = None
        aliases: tuple[str, ...] = ()
        description: str | None = None
        roles: tuple[Role, ...] = ()
        affiliations: tuple[Affiliation, ...] = ()
        reliability: Confidence | None = None

    class Person(SourceBase):
        kind: Literal["person"]

    class Organization(SourceBase):
        kind: Literal["organization"]

    class GovernmentBody(SourceBase):
        kind: Literal["government-body"]
        jurisdiction: str | None = None

    class MediaOutlet(SourceBase):
        kind: Literal["media-outlet"]
        url: str | None = None

    class Document(SourceBase):
        kind: Literal["document"]
        url: str | None = None
        published: iso_date | None = None  # type: ignore[valid-type]
        authors: tuple[str, ...] = ()
        publisher: str | None = None
        language: str | None = None
        text: str | None = None

    class Anonymous(SourceBase):
        kind: Literal["anonymous"]

    class Collective(SourceBase):
        kind: Literal["collective"]
        members: tuple[str, ...] = ()

    source = Annotated[
        Person | Organization | GovernmentBody | MediaOutlet | Document | Anonymous | Collective,
        Field(discriminator="kind"),
    ]

    class Claim(Model):
        id: str
        text: str
        subject: str | None = None
        predicate: str | None = None
        object: str | None = None
        polarity: Polarity = "positive"
        language: str | None = None

    class Relation(Model):
        id: str
        kind: RelationKind
        subject: str
        object: str
        basis: str | None = None

    class Bundle(Model):
        format: str
        id: str | None = None
        title: str | None = None
        published: iso_date | None = None  # type: ignore[valid-type]
        document: str | None = None
        language: str | None = None
        sources: tuple[source, ...]  # type: ignore[valid-type]
        claims: tuple[Claim, ...]
        assertions: tuple[Assertion, ...]
        relations: tuple[Relation, ...]

    return Bundle


# -- msgspec -----------------------------------------------------------------------------


@cache
def msgspec_codec() -> tuple[Any, Any]:
    """A msgspec decoder and encoder for a whole bundle."""
    import msgspec
    from msgspec import Meta, Struct

    iso_date = Annotated[str, Meta(pattern=DATE_PATTERN)]
    options: dict[str, Any] = {"frozen": True, "forbid_unknown_fields": True, "omit_defaults": True}

    class Interval(Struct, **options):
        low: float
        high: float

    class Span(Struct, **options):
        start: int
        end: int

    class Confidence(Struct, **options):
        scale: str
        level: str
        probability: Interval | None = None
        assessor: str | None = None
        basis: str | None = None

    class Link(Struct, **options):
        source: str
        channel: Channel = "unspecified"
        date: iso_date | None = None  # type: ignore[valid-type]
        cue: str | None = None

    class Attribution(Struct, **options):
        source: str
        cue: str | None = None
        chain: tuple[Link, ...] = ()

    class Hedge(Struct, **options):
        cue: str
        category: Category
        scope: str | None = None
        span: Span | None = None
        voiced_by: str | None = None

    class Evidence(Struct, **options):
        quote: str | None = None
        span: Span | None = None
        document: str | None = None
        url: str | None = None

    class Assertion(Struct, **options):
        id: str
        claim: str
        attribution: Attribution
        confidence: Confidence
        stance: Stance = "asserts"
        hedges: tuple[Hedge, ...] = ()
        date: iso_date | None = None  # type: ignore[valid-type]
        evidence: tuple[Evidence, ...] = ()

    class Role(Struct, **options):
        office: str
        organization: str | None = None
        start: iso_date | None = None  # type: ignore[valid-type]
        end: iso_date | None = None  # type: ignore[valid-type]

    class Affiliation(Struct, **options):
        kind: AffiliationKind
        target: str
        start: iso_date | None = None  # type: ignore[valid-type]
        end: iso_date | None = None  # type: ignore[valid-type]

    tagged: dict[str, Any] = {**options, "tag_field": "kind"}

    class SourceBase(Struct, **tagged):
        id: str
        name: str | None = None
        aliases: tuple[str, ...] = ()
        description: str | None = None
        roles: tuple[Role, ...] = ()
        affiliations: tuple[Affiliation, ...] = ()
        reliability: Confidence | None = None

    class Person(SourceBase, tag="person"):
        pass

    class Organization(SourceBase, tag="organization"):
        pass

    class GovernmentBody(SourceBase, tag="government-body"):
        jurisdiction: str | None = None

    class MediaOutlet(SourceBase, tag="media-outlet"):
        url: str | None = None

    class Document(SourceBase, tag="document"):
        url: str | None = None
        published: iso_date | None = None  # type: ignore[valid-type]
        authors: tuple[str, ...] = ()
        publisher: str | None = None
        language: str | None = None
        text: str | None = None

    class Anonymous(SourceBase, tag="anonymous"):
        pass

    class Collective(SourceBase, tag="collective"):
        members: tuple[str, ...] = ()

    source = (
        Person | Organization | GovernmentBody | MediaOutlet | Document | Anonymous | Collective
    )

    class Claim(Struct, **options):
        id: str
        text: str
        subject: str | None = None
        predicate: str | None = None
        object: str | None = None
        polarity: Polarity = "positive"
        language: str | None = None

    class Relation(Struct, **options):
        id: str
        kind: RelationKind
        subject: str
        object: str
        basis: str | None = None

    class Bundle(Struct, **options):
        format: str
        sources: tuple[source, ...]  # type: ignore[valid-type]
        claims: tuple[Claim, ...]
        assertions: tuple[Assertion, ...]
        relations: tuple[Relation, ...]
        id: str | None = None
        title: str | None = None
        published: iso_date | None = None  # type: ignore[valid-type]
        document: str | None = None
        language: str | None = None

    return msgspec.json.Decoder(Bundle), msgspec.json.Encoder()


# -- stix2 -------------------------------------------------------------------------------

_IDENTITY_CLASS = {
    "person": "individual",
    "organization": "organization",
    "government-body": "organization",
    "media-outlet": "organization",
    "document": "system",
    "anonymous": "unknown",
    "collective": "group",
}
_NAMESPACE = uuid.UUID("6f1d3c52-9a4e-4b8e-8d0c-3c1f0b7e2a11")
_CREATED = "2025-11-25T00:00:00.000Z"


def _identity_id(source_id: str) -> str:
    return f"identity--{uuid.uuid5(_NAMESPACE, source_id)}"


def stix_text(data: dict[str, Any]) -> str:
    """The bundle's sources and assertions as a STIX 2.1 bundle, serialized by stix2."""
    import stix2

    claims = {claim["id"]: claim["text"] for claim in data["claims"]}
    objects: list[Any] = [
        stix2.Identity(
            id=_identity_id(source["id"]),
            created=_CREATED,
            modified=_CREATED,
            name=source.get("name") or source.get("description") or source["id"],
            identity_class=_IDENTITY_CLASS[source["kind"]],
        )
        for source in data["sources"]
    ]
    for assertion in data["assertions"]:
        attribution = assertion["attribution"]
        path = [attribution["source"], *(link["source"] for link in attribution["chain"])]
        refs = list(dict.fromkeys(_identity_id(source) for source in path))
        probability = assertion["confidence"].get("probability")
        note: dict[str, Any] = {
            "id": f"note--{uuid.uuid5(_NAMESPACE, assertion['id'])}",
            "created": _CREATED,
            "modified": _CREATED,
            "content": claims[assertion["claim"]],
            "abstract": attribution.get("cue") or "says",
            "object_refs": refs,
            "created_by_ref": refs[0],
        }
        if probability is not None:
            note["confidence"] = round(probability["high"] * 100)
        hedges = [hedge["category"] for hedge in assertion.get("hedges", ())]
        if hedges:
            note["labels"] = hedges
        objects.append(stix2.Note(**note))
    bundle = stix2.Bundle(objects=objects)
    text: str = bundle.serialize()
    return text


def stix_parse(text: str) -> Any:
    """The STIX bundle with every object built and checked by stix2."""
    import stix2

    return stix2.parse(text, allow_custom=False)


def stix_serialize(bundle: Any) -> str:
    """The STIX bundle as JSON text."""
    text: str = bundle.serialize()
    return text
