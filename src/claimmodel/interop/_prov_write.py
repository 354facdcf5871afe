"""A bundle as a W3C PROV document (see docs/prov.md for the mapping)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final

from prov.constants import PROV_LABEL, PROV_LOCATION, PROV_ROLE, PROV_TYPE, PROV_VALUE
from prov.model import PROV, ProvDocument, QualifiedName

from claimmodel.format import to_data
from claimmodel.interop._prov_terms import (
    ASSERTION,
    AUTHOR,
    BUNDLE,
    CLAIM,
    CLAIMMODEL,
    EVIDENCE,
    EVIDENCE_ROLE,
    FORMAT,
    OTHER,
    POSITION,
    PROPOSITION,
    PUBLISHER,
    RELATION,
    RELAY,
    SOURCE,
    STATEMENT,
    encode_id,
    instant,
    is_plain,
    json_text,
    new_document,
    wire_attribute,
)
from claimmodel.model import Bundle

__all__ = ["DELEGATING_AFFILIATIONS", "to_prov"]

DELEGATING_AFFILIATIONS: Final = frozenset({"employed-by", "controlled-by", "part-of"})
"""Affiliation kinds written as ``actedOnBehalfOf``: the source acts for its target.
The others (``member-of``, ``funded-by``) are written as ``wasInfluencedBy``."""

_AGENT_TYPES: Final = {
    "person": PROV["Person"],
    "organization": PROV["Organization"],
    "government-body": PROV["Organization"],
    "media-outlet": PROV["Organization"],
}

Attributes = list[tuple[QualifiedName, Any]]


def wire_attributes(data: Mapping[str, Any], native: Iterable[str]) -> Attributes:
    """The wire data of one object that the PROV terms do not carry, as attributes.

    Keys that are names (every model field, most extension keys) travel under
    ``claimmodel:KEY`` or ``json:KEY`` (see :func:`wire_attribute`); any other key
    joins one JSON object under ``json:_other``.
    """
    skip = set(native)
    attributes: Attributes = []
    other: dict[str, Any] = {}
    for key, value in data.items():
        if key in skip:
            continue
        attribute = wire_attribute(key, value)
        if attribute is None:
            other[key] = value
        else:
            attributes.append(attribute)
    if other:
        attributes.append((OTHER, json_text(other)))
    return attributes


def native_text(data: Mapping[str, Any], key: str, term: QualifiedName) -> Attributes:
    """The PROV term (``prov:label``, ``prov:value``) for a text every serialization
    carries as it is; other text stays wire data, written as JSON."""
    value = data.get(key)
    return [(term, value)] if is_plain(value) else []


def _natively(attributes: Attributes, key: str) -> set[str]:
    return {key} if attributes else set()


class _Writer:
    """Writes one bundle's wire data into a new document."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.document = new_document()
        # Who acts: every speaker and relay, and every author and publisher.  A
        # document among them is an agent as well as an entity.
        self.agents = {
            link["source"]
            for assertion in data["assertions"]
            for link in (assertion["attribution"], *assertion["attribution"].get("chain", ()))
        }
        for source in data["sources"]:
            self.agents.update(source.get("authors", ()))
            if "publisher" in source:
                self.agents.add(source["publisher"])
        self.kinds = {source["id"]: source["kind"] for source in data["sources"]}
        self._bundle(data)
        for position, source in enumerate(data["sources"]):
            self._source(position, source)
        for position, claim in enumerate(data["claims"]):
            self._claim(position, claim)
        for position, assertion in enumerate(data["assertions"]):
            self._assertion(position, assertion)
        for position, relation in enumerate(data["relations"]):
            self._relation(position, relation)

    def _is_agent(self, source_id: str) -> bool:
        return self.kinds.get(source_id) != "document" or source_id in self.agents

    def _bundle(self, data: dict[str, Any]) -> None:
        identifier = BUNDLE[encode_id(data["id"])] if "id" in data else CLAIMMODEL["bundle"]
        title = native_text(data, "title", PROV_LABEL)
        attributes: Attributes = [
            (PROV_TYPE, CLAIMMODEL["Bundle"]),
            (FORMAT, data["format"]),
            *title,
        ]
        native = {"format", "id", "document", "sources", "claims", "assertions", "relations"}
        attributes += wire_attributes(data, native | _natively(title, "title"))
        self.document.entity(identifier, attributes)
        if "document" in data:
            self.document.primary_source(identifier, SOURCE[encode_id(data["document"])])

    def _source(self, position: int, source: dict[str, Any]) -> None:
        source_id = source["id"]
        identifier = SOURCE[encode_id(source_id)]
        label = native_text(source, "name", PROV_LABEL)
        attributes: Attributes = [*label, (POSITION, position)]
        native = {"id", "affiliations", "authors", "publisher"} | _natively(label, "name")
        attributes += wire_attributes(source, native)
        if source["kind"] == "document":
            self.document.entity(identifier, attributes)
            if source_id in self.agents:
                # The document speaks in its own voice (or wrote or published another):
                # it is an agent, too.
                self.document.agent(identifier, label)
            for index, author in enumerate(source.get("authors", ())):
                self.document.attribution(
                    identifier,
                    SOURCE[encode_id(author)],
                    other_attributes=[(PROV_TYPE, AUTHOR), (POSITION, index)],
                )
            if "publisher" in source:
                self.document.attribution(
                    identifier,
                    SOURCE[encode_id(source["publisher"])],
                    other_attributes=[(PROV_TYPE, PUBLISHER)],
                )
        else:
            kind = _AGENT_TYPES.get(source["kind"])
            self.document.agent(identifier, [(PROV_TYPE, kind)] * (kind is not None) + attributes)
        for index, affiliation in enumerate(source.get("affiliations", ())):
            target = affiliation["target"]
            attributes = [(POSITION, index), *wire_attributes(affiliation, ("target",))]
            if (
                affiliation["kind"] in DELEGATING_AFFILIATIONS
                and self._is_agent(source_id)
                and self._is_agent(target)
            ):
                self.document.delegation(
                    identifier, SOURCE[encode_id(target)], other_attributes=attributes
                )
            else:
                self.document.influence(
                    identifier, SOURCE[encode_id(target)], other_attributes=attributes
                )

    def _claim(self, position: int, claim: dict[str, Any]) -> None:
        text = native_text(claim, "text", PROV_VALUE)
        attributes: Attributes = [
            (PROV_TYPE, CLAIMMODEL["Claim"]),
            *text,
            (POSITION, position),
            *wire_attributes(claim, {"id"} | _natively(text, "text")),
        ]
        self.document.entity(CLAIM[encode_id(claim["id"])], attributes)

    def _assertion(self, position: int, assertion: dict[str, Any]) -> None:
        local = encode_id(assertion["id"])
        activity = ASSERTION[local]
        wire = dict(assertion)
        place = native_text(wire.get("occasion", {}), "place", PROV_LOCATION)
        if place:
            # The place is the activity's prov:location; the rest of the occasion
            # (its channel, the event, extension data) stays claimmodel data.
            rest = {key: value for key, value in wire.pop("occasion").items() if key != "place"}
            if rest:
                wire["occasion"] = rest
        when = instant(assertion.get("date"))
        self.document.activity(
            activity,
            when,
            when,
            other_attributes=[
                (PROV_TYPE, CLAIMMODEL["Assertion"]),
                *place,
                (POSITION, position),
                *wire_attributes(wire, ("id", "claim", "attribution", "evidence")),
            ],
        )
        self.document.usage(
            activity,
            CLAIM[encode_id(assertion["claim"])],
            other_attributes=[(PROV_ROLE, PROPOSITION)],
        )
        for index, evidence in enumerate(assertion.get("evidence", ())):
            self._evidence(activity, f"{local}-{index + 1}", index, evidence)
        attribution = assertion["attribution"]
        speaker = SOURCE[encode_id(attribution["source"])]
        self.document.association(
            activity, speaker, other_attributes=wire_attributes(attribution, ("source", "chain"))
        )
        statement = STATEMENT[local]
        self.document.entity(statement, [(PROV_TYPE, CLAIMMODEL["Statement"])])
        self.document.generation(statement, activity, when)
        self.document.attribution(statement, speaker)
        quoted = statement
        for number, link in enumerate(attribution.get("chain", ()), start=1):
            relay = RELAY[f"{local}-{number}"]
            self.document.entity(
                relay,
                [(PROV_TYPE, CLAIMMODEL["Statement"]), *wire_attributes(link, ("source",))],
            )
            when = instant(link.get("date"))
            if when is not None:
                self.document.generation(relay, None, when)
            self.document.attribution(relay, SOURCE[encode_id(link["source"])])
            self.document.quotation(relay, quoted)
            quoted = relay

    def _evidence(
        self, activity: QualifiedName, local: str, position: int, evidence: dict[str, Any]
    ) -> None:
        """One piece of evidence: an entity the assertion uses, generated when captured."""
        entity = EVIDENCE[local]
        self.document.entity(
            entity,
            [
                (PROV_TYPE, CLAIMMODEL["Evidence"]),
                (POSITION, position),
                *wire_attributes(evidence, ()),
            ],
        )
        captured = instant(evidence.get("captured"))
        if captured is not None:
            self.document.generation(entity, None, captured)
        # Named, so that serializations order an assertion's uses the same way every time.
        self.document.usage(
            activity,
            entity,
            identifier=EVIDENCE[f"{local}-use"],
            other_attributes=[(PROV_ROLE, EVIDENCE_ROLE)],
        )

    def _relation(self, position: int, relation: dict[str, Any]) -> None:
        attributes: Attributes = [
            (PROV_TYPE, CLAIMMODEL["Relation"]),
            (POSITION, position),
            *wire_attributes(relation, ("id",)),
        ]
        self.document.entity(RELATION[encode_id(relation["id"])], attributes)


def to_prov(bundle: Bundle) -> ProvDocument:
    """``bundle`` as a W3C PROV document, every part of it kept (see docs/prov.md).

    Read it back with :func:`from_prov`; serialize it with :func:`dumps_prov` or
    the document's own ``serialize``.
    """
    return _Writer(to_data(bundle)).document
