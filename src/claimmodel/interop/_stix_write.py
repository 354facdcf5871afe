"""Writing a bundle as STIX 2.1 objects (plain JSON data; ``stix2`` reads them back).

Every object is first written as plain STIX, then read back the way STIX from
anyone else is read (:mod:`claimmodel.interop._stix_read`).  Each claimmodel item's
wire data is compared key by key with that reading: the keys the reading
reproduces exactly are listed in the property extension as ``claimmodel_native``,
every other key travels in ``claimmodel_data``.  So the extension carries exactly
what STIX has no place for, new fields of the wire format travel without a change
here, and an edit a STIX tool makes to a native property is what an import sees.
"""

from __future__ import annotations

import hashlib
import math
import uuid
from collections.abc import Iterable
from fractions import Fraction
from typing import Any, Literal

from claimmodel.exceptions import InvalidValueError
from claimmodel.format import dumps, to_data
from claimmodel.interop._stix_read import Wire, read_plain
from claimmodel.interop._stix_terms import (
    DATA,
    DEFINED,
    EXTENSION_ID,
    EXTENSION_VERSION,
    IDENTITY_CLASS,
    ITEM,
    NATIVE,
    NO_DATE,
    OPINION_OF,
    PUBLISHED_LABEL,
    REVIEW_REFERENCE,
    REVISED,
    SECTORS,
    TOOL_IDENTITY_ID,
    UUID_NAMESPACE,
    VERDICT_LABEL,
    end_of,
    evidence_reference,
    external_reference,
    opinion_of_rating,
    start_of,
)
from claimmodel.model import (
    Assertion,
    Bundle,
    Channel,
    Confidence,
    Rating,
    Source,
    Stance,
    Verdict,
    convert,
)

__all__ = ["Ids", "stix_objects"]

Ids = Literal["deterministic", "random"]

_STATEMENT_STANCES = frozenset({Stance.ASSERTS, Stance.REPORTS})

EXTENSION_SCHEMA = (
    "Property extension 'claimmodel' (version 1.1.0).  claimmodel_item names the "
    "claimmodel item an object stands for ('bundle' on the Report, 'source' on an "
    "Identity, 'assertion' on a Note or Opinion, 'verdict' on an Opinion labelled "
    "'verdict').  claimmodel_native lists the wire keys "
    "of that item which the object's STIX properties hold exactly, as read by claimmodel's "
    "STIX import; claimmodel_data holds every other wire key with its value, in the "
    "claimmodel JSON format (claimmodel/1.x).  The mapping is documented in the "
    "claimmodel package, docs/stix.md."
)


def _fixed_objects() -> list[Wire]:
    tool: Wire = {
        "type": "identity",
        "spec_version": "2.1",
        "id": TOOL_IDENTITY_ID,
        "created": DEFINED,
        "modified": DEFINED,
        "name": "claimmodel",
        "description": "The claimmodel library, which defines the claimmodel extension.",
        "identity_class": "system",
    }
    definition: Wire = {
        "type": "extension-definition",
        "spec_version": "2.1",
        "id": EXTENSION_ID,
        "created_by_ref": TOOL_IDENTITY_ID,
        "created": DEFINED,
        "modified": REVISED,
        "name": "claimmodel",
        "description": (
            "What a claimmodel record holds beyond STIX: claim ids and structure, "
            "attribution chains, confidence on its original scale, hedges, evidence, "
            "dates with their precision."
        ),
        "schema": EXTENSION_SCHEMA,
        "version": EXTENSION_VERSION,
        "extension_types": ["property-extension"],
    }
    return [tool, definition]


def _same(a: object, b: object) -> bool:
    """Whether two JSON values are written the same (``1`` is not ``1.0`` nor ``True``)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        assert isinstance(b, dict)
        return a.keys() == b.keys() and all(_same(a[key], b[key]) for key in a)
    if isinstance(a, list):
        assert isinstance(b, list)
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float):
        assert isinstance(b, float)
        return a == b and math.copysign(1.0, a) == math.copysign(1.0, b)
    return a == b


def _split(item: str, wire: Wire, plain: Wire | None) -> Wire:
    """The property extension for ``wire`` beside ``plain``, its plain STIX reading."""
    plain = plain or {}
    native = [key for key, value in wire.items() if key in plain and _same(plain[key], value)]
    extension: Wire = {"extension_type": "property-extension", ITEM: item}
    data = {key: value for key, value in wire.items() if key not in native}
    if data:
        extension[DATA] = data
    if native:
        extension[NATIVE] = native
    return extension


def _duplicates(kind: str, ids: Iterable[str]) -> None:
    seen: set[str] = set()
    for item_id in ids:
        if item_id in seen:
            raise InvalidValueError(
                f"two {kind} share the id {item_id!r}; STIX needs one object per id"
            )
        seen.add(item_id)


class _Writer:
    def __init__(self, bundle: Bundle, ids: Ids) -> None:
        self.bundle = bundle
        if ids not in ("deterministic", "random"):
            raise InvalidValueError(f"ids must be 'deterministic' or 'random', not {ids!r}")
        self.deterministic = ids == "deterministic"
        date, certainty = bundle.published, bundle.published_certainty
        document = bundle.document_source
        if date is None and document is not None:
            date, certainty = document.published, document.published_certainty
        self.time = start_of(date) if date is not None else NO_DATE
        # The Report's label for a date no source states (see docs/stix.md).
        self.published_labels = (
            [PUBLISHED_LABEL[certainty]] if date is not None and certainty is not None else None
        )
        key = (
            bundle.id
            if bundle.id is not None
            else hashlib.sha256(dumps(bundle).encode()).hexdigest()
        )
        self.report_id = self.new_id("report", key)
        self.bundle_id = self.new_id("bundle", key)
        self.scales = bundle.declared_scales
        self.scales_by_id = {scale.id: scale for scale in self.scales}
        # A bundle holds few distinct confidences, many times.
        self.confidences: dict[Confidence, int | None] = {}

    def new_id(self, stix_type: str, key: str, *, item: str | None = None) -> str:
        """A STIX id for the claimmodel item ``key`` names: UUIDv5 of ``"<item>/<key>"``
        (``item`` the STIX type unless given, so that two kinds of item written as one
        STIX type never share an id), or UUIDv4."""
        if not self.deterministic:
            return f"{stix_type}--{uuid.uuid4()}"
        return f"{stix_type}--{uuid.uuid5(UUID_NAMESPACE, f'{item or stix_type}/{key}')}"

    def _object(self, stix_type: str, stix_id: str, **properties: Any) -> Wire:
        obj: Wire = {
            "type": stix_type,
            "spec_version": "2.1",
            "id": stix_id,
            "created": self.time,
            "modified": self.time,
        }
        obj.update((key, value) for key, value in properties.items() if value is not None)
        return obj

    def stix_confidence(self, confidence: Confidence) -> int | None:
        """The STIX value for ``confidence``: ``convert`` to ``stix``, the bundle's declared
        scales known to it (None: cannot be judged, or no probability to give)."""
        if confidence not in self.confidences:
            try:
                converted = convert(confidence, to="stix", scales=self.scales)
            except InvalidValueError:  # analytic confidence, reliability, a band-less level
                value = None
            else:
                value = int(converted.level) if converted.judged else None
            self.confidences[confidence] = value
        return self.confidences[confidence]

    # -- sources ---------------------------------------------------------------------

    def identity(self, source: Source, stix_id: str) -> Wire:
        return self._object(
            "identity",
            stix_id,
            name=source.label,
            description=source.description,
            roles=[role.office for role in source.roles] or None,
            identity_class=IDENTITY_CLASS[source.kind],
            sectors=SECTORS.get(source.kind),
            external_references=[external_reference(i) for i in source.identifiers] or None,
        )

    def affiliations(self, source: Source, identities: dict[str, str]) -> list[Wire]:
        found = []
        for index, affiliation in enumerate(source.affiliations):
            target = identities.get(affiliation.target)
            if target is None:
                continue  # a dangling target: nothing for STIX to point at
            start = start_of(affiliation.start) if affiliation.start is not None else None
            stop = end_of(affiliation.end) if affiliation.end is not None else None
            if start is not None and stop is not None and stop <= start:
                stop = None  # STIX: stop_time MUST be later than start_time
            found.append(
                self._object(
                    "relationship",
                    self.new_id("relationship", f"affiliation/{source.id}/{index}"),
                    relationship_type=affiliation.kind.value,
                    source_ref=identities[source.id],
                    target_ref=target,
                    start_time=start,
                    stop_time=stop,
                )
            )
        return found

    # -- assertions ------------------------------------------------------------------

    def labels(self, assertion: Assertion, *, with_stance: bool) -> list[str] | None:
        labels = [assertion.stance.value] if with_stance else []
        for hedge in assertion.hedges:
            if hedge.category.value not in labels:
                labels.append(hedge.category.value)
        return labels or None

    def abstract(self, assertion: Assertion, speaker: Source) -> str:
        """Who said it and through whom, in words: the chain for people, not object_refs."""
        said = (
            f"{speaker.label}, {assertion.attribution.cue}"
            if assertion.attribution.cue
            else (speaker.label)
        )
        relays = []
        for link in assertion.attribution.chain:
            relay = self.bundle.source(link.source)
            name = relay.label if relay is not None else link.source
            relays.append(
                name if link.channel is Channel.UNSPECIFIED else f"{name} ({link.channel.value})"
            )
        return f"{said}; relayed by {', then '.join(relays)}" if relays else said

    def statement(
        self,
        assertion: Assertion,
        stix_id: str,
        identities: dict[str, str],
        notes_of: dict[str, list[str]],
    ) -> Wire:
        speaker = self.bundle.source(assertion.source)
        claim = self.bundle.claim(assertion.claim)
        if speaker is None:
            raise InvalidValueError(
                f"assertion {assertion.id!r} is attributed to {assertion.source!r}, which is "
                "not among the bundle's sources; STIX needs an Identity for every speaker"
            )
        if claim is None:
            raise InvalidValueError(
                f"assertion {assertion.id!r} asserts claim {assertion.claim!r}, which is not "
                "among the bundle's claims; STIX needs the claim's text"
            )
        # Evidence at a URL, with its digest: where the statement or what bears on it is.
        found = [evidence_reference(evidence) for evidence in assertion.evidence]
        references = [reference for reference in found if reference is not None] or None
        if stix_id.startswith("opinion--"):
            return self._object(
                "opinion",
                stix_id,
                created_by_ref=identities[speaker.id],
                authors=[speaker.label],
                opinion=OPINION_OF[assertion.stance],
                object_refs=notes_of[assertion.claim],
                labels=self.labels(assertion, with_stance=False),
                external_references=references,
            )
        assessor = assertion.confidence.assessor
        # What the note is about: the claim's interested parties, else the Report.
        parties = [identities[p] for p in dict.fromkeys(claim.parties) if p in identities]
        return self._object(
            "note",
            stix_id,
            created_by_ref=identities.get(assessor) if assessor is not None else None,
            abstract=self.abstract(assertion, speaker),
            content=claim.text,
            authors=[speaker.label],
            object_refs=parties or [self.report_id],
            labels=self.labels(assertion, with_stance=assertion.stance is not Stance.ASSERTS),
            confidence=self.stix_confidence(assertion.confidence),
            external_references=references,
        )

    # -- verdicts --------------------------------------------------------------------

    def position(self, rating: Rating) -> Fraction | None:
        """Where ``rating`` lies from worst (0) to best (1): by its value, else by its
        label's rank on the declared rating scale it names; None when neither places it."""
        if rating.position is not None:
            return rating.position
        scale = self.scales_by_id.get(rating.scale) if rating.scale is not None else None
        level = scale.level(rating.label) if scale is not None else None
        if scale is None or level is None or level.rank is None:
            return None
        top = len(scale.judged_levels) - 1
        return Fraction(level.rank, top) if top else None

    def verdict(
        self,
        verdict: Verdict,
        stix_id: str,
        identities: dict[str, str],
        statements: dict[str, str],
    ) -> Wire:
        reviewer = identities.get(verdict.reviewer)
        if reviewer is None:
            raise InvalidValueError(
                f"verdict {verdict.id!r} is by {verdict.reviewer!r}, which is not among the "
                "bundle's sources; STIX needs an Identity for every reviewer"
            )
        missing = [a for a in verdict.reviews if a not in statements]
        if missing:
            raise InvalidValueError(
                f"verdict {verdict.id!r} reviews assertion {missing[0]!r}, which is not among "
                "the bundle's assertions; STIX needs the Note or Opinion it is about"
            )
        references: list[Wire] = []
        if verdict.url is not None:
            references.append({"source_name": REVIEW_REFERENCE, "external_id": verdict.url})
        found = [evidence_reference(evidence) for evidence in verdict.evidence]
        references.extend(reference for reference in found if reference is not None)
        source = self.bundle.source(verdict.reviewer)
        assert source is not None
        return self._object(
            "opinion",
            stix_id,
            created_by_ref=reviewer,
            authors=[source.label],
            explanation=verdict.explanation,
            opinion=opinion_of_rating(self.position(verdict.rating)),
            object_refs=[statements[a] for a in verdict.reviews],
            labels=[VERDICT_LABEL, verdict.rating.label],
            external_references=references or None,
        )

    # -- the whole -------------------------------------------------------------------

    def write(self) -> Wire:
        bundle = self.bundle
        _duplicates("sources", (source.id for source in bundle.sources))
        _duplicates("assertions", (assertion.id for assertion in bundle.assertions))
        _duplicates("relations", (relation.id for relation in bundle.relations))
        _duplicates("verdicts", (verdict.id for verdict in bundle.verdicts))
        identities = {s.id: self.new_id("identity", s.id) for s in bundle.sources}
        stated = {a.claim for a in bundle.assertions if a.stance in _STATEMENT_STANCES}
        statements: dict[str, str] = {}
        notes_of: dict[str, list[str]] = {}
        for assertion in bundle.assertions:
            if assertion.stance in OPINION_OF and assertion.claim in stated:
                statements[assertion.id] = self.new_id("opinion", assertion.id)
            else:
                statements[assertion.id] = note = self.new_id("note", assertion.id)
                notes_of.setdefault(assertion.claim, []).append(note)

        sources = [self.identity(s, identities[s.id]) for s in bundle.sources]
        affiliations = [r for s in bundle.sources for r in self.affiliations(s, identities)]
        said = [
            self.statement(a, statements[a.id], identities, notes_of) for a in bundle.assertions
        ]
        verdicts = {v.id: self.new_id("opinion", v.id, item="verdict") for v in bundle.verdicts}
        reviews = [self.verdict(v, verdicts[v.id], identities, statements) for v in bundle.verdicts]
        relations = [
            self._object(
                "relationship",
                self.new_id("relationship", f"relation/{relation.id}"),
                relationship_type=relation.kind.value,
                source_ref=statements[relation.subject],
                target_ref=statements[relation.object],
                description=relation.basis,
            )
            for relation in bundle.relations
            if relation.subject in statements and relation.object in statements
        ]
        members = [obj["id"] for obj in (*sources, *affiliations, *said, *reviews, *relations)]
        report = self._object(
            "report",
            self.report_id,
            created_by_ref=self._report_creator(identities),
            name=bundle.title or self._report_name(),
            published=self.time,
            labels=self.published_labels,
            object_refs=members or [TOOL_IDENTITY_ID],
        )
        objects = [report, *sources, *affiliations, *said, *reviews, *relations]
        self._extend(objects, identities, statements, verdicts)
        return {"type": "bundle", "id": self.bundle_id, "objects": [*_fixed_objects(), *objects]}

    def _report_creator(self, identities: dict[str, str]) -> str | None:
        # The record's maker, when every judged confidence names the same assessor.
        assessors = {a.confidence.assessor for a in self.bundle.assertions}
        if len(assessors) == 1:
            (assessor,) = assessors
            return identities.get(assessor) if assessor is not None else None
        return None

    def _report_name(self) -> str:
        document = self.bundle.document_source
        if document is not None:
            return document.label
        return self.bundle.id or "claimmodel bundle"

    def _extend(
        self,
        objects: list[Wire],
        identities: dict[str, str],
        statements: dict[str, str],
        verdicts: dict[str, str],
    ) -> None:
        reading = read_plain(objects)
        wire = to_data(self.bundle)
        by_id = {obj["id"]: obj for obj in objects}

        def attach(stix_id: str, extension: Wire) -> None:
            by_id[stix_id]["extensions"] = {EXTENSION_ID: extension}

        items = {"format", "sources", "assertions", "verdicts"}
        top = {k: v for k, v in wire.items() if k not in items}
        plain_top = reading.bundle if reading.report == self.report_id else None
        attach(self.report_id, _split("bundle", top, plain_top))
        for source in wire["sources"]:
            stix_id = identities[source["id"]]
            attach(stix_id, _split("source", source, reading.sources.get(stix_id)))
        for assertion in wire["assertions"]:
            stix_id = statements[assertion["id"]]
            attach(stix_id, _split("assertion", assertion, reading.assertions.get(stix_id)))
        for verdict in wire.get("verdicts", ()):
            stix_id = verdicts[verdict["id"]]
            attach(stix_id, _split("verdict", verdict, reading.verdicts.get(stix_id)))


def stix_objects(bundle: Bundle, *, ids: Ids = "deterministic") -> Wire:
    """``bundle`` as a STIX 2.1 bundle, in plain JSON data."""
    return _Writer(bundle, ids).write()
