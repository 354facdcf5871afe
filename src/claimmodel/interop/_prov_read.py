"""A W3C PROV document that claimmodel wrote, read back into the same bundle."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from prov.constants import (
    PROV_ACTIVITY,
    PROV_AGENT,
    PROV_ASSOCIATION,
    PROV_ATTR_AGENT,
    PROV_ATTR_ENTITY,
    PROV_ATTR_GENERATED_ENTITY,
    PROV_ATTR_INFLUENCER,
    PROV_ATTR_RESPONSIBLE,
    PROV_ATTR_USED_ENTITY,
    PROV_ATTRIBUTION,
    PROV_DELEGATION,
    PROV_DERIVATION,
    PROV_ENTITY,
    PROV_GENERATION,
    PROV_INFLUENCE,
    PROV_LABEL,
    PROV_LOCATION,
    PROV_N_MAP,
    PROV_ROLE,
    PROV_TYPE,
    PROV_USAGE,
    PROV_VALUE,
)
from prov.model import PROV, ProvActivity, ProvDocument, ProvRecord, QualifiedName

from claimmodel.exceptions import ClaimModelError, DecodeError
from claimmodel.format import Limits, from_data
from claimmodel.format._limits import DEFAULT_LIMITS
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
    WIRE_JSON,
    decode_id,
    instant,
    read_json,
    read_text,
)
from claimmodel.model import Bundle

__all__ = ["from_prov"]

_QUOTATION = PROV["Quotation"]
_PRIMARY_SOURCE = PROV["PrimarySource"]


def _where(record: ProvRecord) -> str:
    """How a problem's location is written: the record's PROV-N head."""
    name = PROV_N_MAP[record.get_type()]
    identifier = record.identifier
    if identifier is not None:
        return f"{name} {identifier}"
    ends = ", ".join(str(value) for value in record.args[:2] if value is not None)
    return f"{name}({ends})"


def _in(name: object, namespace: Any) -> bool:
    return isinstance(name, QualifiedName) and name.namespace.uri == namespace.uri


def _id(name: object, record: ProvRecord) -> str:
    if not isinstance(name, QualifiedName):
        raise DecodeError.single(_where(record), f"{name!r} is not a qualified name")
    return decode_id(name.localpart, where=_where(record))


def _single(record: ProvRecord, attribute: QualifiedName) -> Any:
    values = record.get_attribute(attribute)
    if len(values) > 1:
        raise DecodeError.single(_where(record), f"{attribute} has {len(values)} values, not one")
    return next(iter(values), None)


class _Reader:
    """Gathers a document's records by role, then rebuilds the bundle's wire data."""

    def __init__(self, document: ProvDocument) -> None:
        if document.has_bundles():
            raise DecodeError.single("document", "claimmodel writes no PROV bundles")
        self.bundles: list[ProvRecord] = []
        self.sources: list[ProvRecord] = []
        self.claims: list[ProvRecord] = []
        self.assertions: list[ProvRecord] = []
        self.relations: list[ProvRecord] = []
        self.evidence: dict[str, ProvRecord] = {}
        self.statements: dict[str, ProvRecord] = {}
        self.speaking_documents: set[str] = set()
        self.used: dict[str, list[ProvRecord]] = defaultdict(list)
        self.associated: dict[str, list[ProvRecord]] = defaultdict(list)
        self.attributed: dict[str, list[ProvRecord]] = defaultdict(list)
        self.quoted_by: dict[str, list[ProvRecord]] = defaultdict(list)
        self.primary: list[ProvRecord] = []
        self.affiliations: dict[str, list[ProvRecord]] = defaultdict(list)
        for record in document.get_records():
            self._sort(record)

    def _sort(self, record: ProvRecord) -> None:
        kind = record.get_type()
        identifier = record.identifier
        if kind == PROV_ENTITY:
            if _single(record, PROV_TYPE) == CLAIMMODEL["Bundle"]:
                self.bundles.append(record)
            elif _in(identifier, SOURCE):
                self.sources.append(record)
            elif _in(identifier, CLAIM):
                self.claims.append(record)
            elif _in(identifier, STATEMENT) or _in(identifier, RELAY):
                self.statements[str(identifier)] = record
            elif _in(identifier, RELATION):
                self.relations.append(record)
            elif _in(identifier, EVIDENCE):
                self.evidence[str(identifier)] = record
            else:
                self._unknown(record)
        elif kind == PROV_AGENT and _in(identifier, SOURCE):
            if record.get_attribute(POSITION):
                self.sources.append(record)
            else:
                self.speaking_documents.add(str(identifier))
        elif kind == PROV_ACTIVITY and _in(identifier, ASSERTION):
            self.assertions.append(record)
        elif kind == PROV_USAGE:
            self.used[str(record.args[0])].append(record)
        elif kind == PROV_ASSOCIATION:
            self.associated[str(record.args[0])].append(record)
        elif kind == PROV_ATTRIBUTION:
            self.attributed[str(record.args[0])].append(record)
        elif kind == PROV_DERIVATION:
            derivation = _single(record, PROV_TYPE)
            if derivation == _QUOTATION:
                used = record.get_attribute(PROV_ATTR_USED_ENTITY)
                self.quoted_by[str(next(iter(used), None))].append(record)
            elif derivation == _PRIMARY_SOURCE:
                self.primary.append(record)
            else:
                self._unknown(record)
        elif kind in {PROV_DELEGATION, PROV_INFLUENCE}:
            self.affiliations[str(record.args[0])].append(record)
        elif kind != PROV_GENERATION:
            # Generations only restate times the wire data holds exactly.
            self._unknown(record)

    @staticmethod
    def _unknown(record: ProvRecord) -> None:
        raise DecodeError.single(
            _where(record), "this is not a record claimmodel writes; from_prov reads what it wrote"
        )

    # -- wire data ----------------------------------------------------------------

    @staticmethod
    def _wire(record: ProvRecord, native: Iterable[QualifiedName] = ()) -> dict[str, Any]:
        """The record's claimmodel attributes as wire data; PROV's own are checked by callers."""
        known = {PROV_TYPE, POSITION, FORMAT, *native}
        formal = set(record.FORMAL_ATTRIBUTES)
        data: dict[str, Any] = {}
        where = _where(record)
        for name, value in record.attributes:
            if name in known or name in formal:
                continue
            if name == OTHER:
                other = read_json(value, where=f"{where} {name}")
                if not isinstance(other, dict):
                    raise DecodeError.single(where, f"{name} must hold a JSON object")
                data.update(other)
            elif (_in(name, CLAIMMODEL) or _in(name, WIRE_JSON)) and name.localpart[:1] != "_":
                if name.localpart in data:
                    raise DecodeError.single(where, f"{name.localpart} is written twice")
                read = read_text if _in(name, CLAIMMODEL) else read_json
                data[name.localpart] = read(value, where=f"{where} {name}")
            else:
                raise DecodeError.single(where, f"{name} is not an attribute claimmodel writes")
        return data

    @staticmethod
    def _ordered(records: list[ProvRecord], what: str) -> list[ProvRecord]:
        positions = []
        for record in records:
            position = _single(record, POSITION)
            if type(position) is not int:
                raise DecodeError.single(_where(record), f"{POSITION} must be an integer")
            positions.append(position)
        if sorted(positions) != list(range(len(records))):
            raise DecodeError.single(
                what, f"{POSITION} must number the {len(records)} records from 0, not {positions}"
            )
        return [record for _, record in sorted(zip(positions, records, strict=True))]

    @staticmethod
    def _native(
        data: dict[str, Any], key: str, record: ProvRecord, attribute: QualifiedName
    ) -> None:
        """Set ``data[key]`` from a native text term, when the record has it."""
        value = _single(record, attribute)
        if value is None:
            return
        if key in data:
            raise DecodeError.single(_where(record), f"{key} is written twice")
        data[key] = read_text(value, where=f"{_where(record)} {attribute}")

    def _only(self, records: list[ProvRecord], what: str, where: str) -> ProvRecord:
        if len(records) != 1:
            raise DecodeError.single(where, f"needs exactly one {what}, not {len(records)}")
        return records[0]

    # -- the bundle ---------------------------------------------------------------

    def bundle(self, limits: Limits) -> Bundle:
        record = self._only(self.bundles, "entity of prov:type claimmodel:Bundle", "document")
        data = self._wire(record, (PROV_LABEL,))
        data["format"] = _single(record, FORMAT)
        if _in(record.identifier, BUNDLE):
            data["id"] = _id(record.identifier, record)
        self._native(data, "title", record, PROV_LABEL)
        if self.primary:
            primary = self._only(self.primary, "prov:hadPrimarySource", "document")
            data["document"] = _id(_single(primary, PROV_ATTR_USED_ENTITY), primary)
        data["sources"] = [self._source(r) for r in self._ordered(self.sources, "sources")]
        data["claims"] = [self._claim(r) for r in self._ordered(self.claims, "claims")]
        data["assertions"] = [
            self._assertion(r) for r in self._ordered(self.assertions, "assertions")
        ]
        data["relations"] = [self._relation(r) for r in self._ordered(self.relations, "relations")]
        if self.evidence:
            unused = next(iter(self.evidence.values()))
            raise DecodeError.single(_where(unused), "no assertion uses this evidence")
        return from_data(data, limits=limits)

    def _source(self, record: ProvRecord) -> dict[str, Any]:
        data = {"id": _id(record.identifier, record), **self._wire(record, (PROV_LABEL,))}
        self._native(data, "name", record, PROV_LABEL)
        affiliations = self.affiliations.get(str(record.identifier), [])
        if affiliations:
            data["affiliations"] = [
                {
                    "target": _id(
                        _single(a, PROV_ATTR_RESPONSIBLE)
                        if a.get_type() == PROV_DELEGATION
                        else _single(a, PROV_ATTR_INFLUENCER),
                        a,
                    ),
                    **self._wire(a),
                }
                for a in self._ordered(affiliations, f"affiliations of {record.identifier}")
            ]
        self._attributions(data, record)
        return data

    def _attributions(self, data: dict[str, Any], record: ProvRecord) -> None:
        """A document's authors and publisher, from its ``wasAttributedTo`` records."""
        authors: list[ProvRecord] = []
        publishers: list[ProvRecord] = []
        for attribution in self.attributed.get(str(record.identifier), []):
            kind = _single(attribution, PROV_TYPE)
            if kind == AUTHOR:
                authors.append(attribution)
            elif kind == PUBLISHER:
                publishers.append(attribution)
            else:
                raise DecodeError.single(
                    _where(attribution),
                    f"a source's prov:wasAttributedTo has the prov:type {AUTHOR} or "
                    f"{PUBLISHER}, not {kind}",
                )
            if self._wire(attribution):
                raise DecodeError.single(
                    _where(attribution), "an author's or publisher's attribution carries no data"
                )
        for key, found in (("authors", authors), ("publisher", publishers)):
            if found and key in data:
                raise DecodeError.single(_where(record), f"{key} is written twice")
        if authors:
            ordered = self._ordered(authors, f"authors of {record.identifier}")
            data["authors"] = [_id(_single(a, PROV_ATTR_AGENT), a) for a in ordered]
        if publishers:
            publisher = self._only(publishers, f"{PUBLISHER} attribution", _where(record))
            data["publisher"] = _id(_single(publisher, PROV_ATTR_AGENT), publisher)

    def _claim(self, record: ProvRecord) -> dict[str, Any]:
        data = {"id": _id(record.identifier, record), **self._wire(record, (PROV_VALUE,))}
        self._native(data, "text", record, PROV_VALUE)
        return data

    def _assertion(self, record: ProvRecord) -> dict[str, Any]:
        where = _where(record)
        key = str(record.identifier)
        data = {"id": _id(record.identifier, record), **self._wire(record, (PROV_LOCATION,))}
        place = _single(record, PROV_LOCATION)
        if place is not None:
            occasion = data.get("occasion", {})
            if not isinstance(occasion, dict) or "place" in occasion:
                raise DecodeError.single(
                    where, "json:occasion must be an object without a place, beside prov:location"
                )
            data["occasion"] = {
                **occasion,
                "place": read_text(place, where=f"{where} prov:location"),
            }
        assert isinstance(record, ProvActivity)
        self._check_times(record, data.get("date"))
        uses = [u for u in self.used.get(key, []) if _single(u, PROV_ROLE) == PROPOSITION]
        use = self._only(uses, "prov:used with prov:role claimmodel:proposition", where)
        data["claim"] = _id(_single(use, PROV_ATTR_ENTITY), use)
        self._evidence_of(data, key, where)
        association = self._only(self.associated.get(key, []), "prov:wasAssociatedWith", where)
        attribution = {
            "source": _id(_single(association, PROV_ATTR_AGENT), association),
            **self._wire(association),
        }
        assert isinstance(record.identifier, QualifiedName)
        statement = str(STATEMENT[record.identifier.localpart])
        if statement not in self.statements:
            raise DecodeError.single(where, f"needs the statement entity {statement}")
        chain = []
        seen = {statement}
        while quotations := self.quoted_by.get(statement):
            quotation = self._only(quotations, f"prov:wasQuotedFrom {statement}", where)
            statement = str(_single(quotation, PROV_ATTR_GENERATED_ENTITY))
            relay = self.statements.get(statement)
            if relay is None or statement in seen:
                raise DecodeError.single(where, f"its chain reaches {statement}, not a new relay")
            seen.add(statement)
            speaker = self._only(self.attributed.get(statement, []), "prov:wasAttributedTo", where)
            link = {"source": _id(_single(speaker, PROV_ATTR_AGENT), speaker)}
            chain.append({**link, **self._wire(relay)})
        if chain:
            attribution["chain"] = chain
        data["attribution"] = attribution
        return data

    def _evidence_of(self, data: dict[str, Any], key: str, where: str) -> None:
        """The evidence entities the assertion uses, in order (each used once)."""
        found = []
        for use in self.used.get(key, []):
            if _single(use, PROV_ROLE) != EVIDENCE_ROLE:
                continue
            entity = str(_single(use, PROV_ATTR_ENTITY))
            record = self.evidence.pop(entity, None)
            if record is None:
                raise DecodeError.single(where, f"uses {entity}, not evidence it alone uses")
            found.append(record)
        if not found:
            return
        if "evidence" in data:
            raise DecodeError.single(where, "evidence is written twice")
        ordered = self._ordered(found, f"evidence of {where}")
        data["evidence"] = [self._wire(record) for record in ordered]

    @staticmethod
    def _check_times(record: ProvActivity, date: object) -> None:
        """The activity's start and end are the instant of the wire date, or absent."""
        try:
            expected = instant(date)
        except ClaimModelError:  # not a date: from_data names the key and the fault
            return
        for name, time in (
            ("prov:startTime", record.get_startTime()),
            ("prov:endTime", record.get_endTime()),
        ):
            if _time_text(time) != _time_text(expected):
                wanted = "none" if expected is None else expected.isoformat()
                raise DecodeError.single(
                    _where(record),
                    f"{name} is {_time_text(time) or 'absent'}, but the assertion's "
                    f"claimmodel:date {date!r} gives {wanted}",
                )

    def _relation(self, record: ProvRecord) -> dict[str, Any]:
        return {"id": _id(record.identifier, record), **self._wire(record)}


def _time_text(time: object) -> str | None:
    """A PROV time as text, offset included (equal instants in other zones differ)."""
    return time.isoformat() if isinstance(time, dt.datetime) else None


def from_prov(document: ProvDocument, *, limits: Limits = DEFAULT_LIMITS) -> Bundle:
    """The bundle a document written by :func:`to_prov` holds, exactly.

    Raises :class:`~claimmodel.exceptions.DecodeError` naming the PROV record at
    fault when the document is not one claimmodel wrote (or was changed so that
    the bundle cannot be recovered), and whatever :func:`claimmodel.from_data`
    raises when the wire data it carries is not a valid bundle or goes beyond
    ``limits`` (see :class:`~claimmodel.Limits`).
    """
    return _Reader(document).bundle(limits)
