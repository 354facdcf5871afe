"""Reading STIX 2.1 objects as claimmodel wire data.

The reading has two layers.  The *plain* reading takes what STIX itself says —
Identities become sources, Notes and Opinions assertions (Opinions labelled
``verdict`` verdicts), Relationships affiliations and relations, the first Report
the bundle's title and date — and is all there is for STIX written by someone else.
Objects that claimmodel wrote also carry its property extension: the wire keys the
plain reading does not reproduce exactly (``claimmodel_data``), and the keys it does
(``claimmodel_native``), which are taken from the plain reading.  Either way the
result is wire data, decoded by :func:`claimmodel.from_data` like any other document.

Nothing here imports ``stix2``: the objects are plain parsed JSON, already
checked by the caller.
"""

from __future__ import annotations

import collections
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from claimmodel.format import FORMAT_VERSION
from claimmodel.interop._stix_terms import (
    AFFILIATION_TYPES,
    CERTAINTY_OF_LABEL,
    DATA,
    EXTENSION_ID,
    ITEM,
    NATIVE,
    RELATION_TYPES,
    REVIEW_REFERENCE,
    STANCE_LABELS,
    STANCE_OF_OPINION,
    TOOL_IDENTITY_ID,
    UUID_NAMESPACE,
    VERDICT_LABEL,
    evidence,
    identifier,
    partial_date,
)
from claimmodel.model import CANNOT_BE_JUDGED, SourceKind, Stance, claim_id

__all__ = ["Reading", "merged", "read_plain"]

Wire = dict[str, Any]

UNKNOWN_AUTHOR = "stix-unknown-author"
"""The source of a Note or Opinion that names no author and no creator."""

_STATEMENTS = frozenset({"note", "opinion"})
_OURS = frozenset({EXTENSION_ID, TOOL_IDENTITY_ID})


@attrs.define
class Reading:
    """The plain reading of a list of STIX objects, keyed by STIX id where one object
    becomes one claimmodel item."""

    bundle: Wire
    """Bundle-level keys: ``format``, ``id``, ``title``, ``published``, ``claims``,
    ``relations``."""
    report: str | None
    """The id of the Report the bundle-level keys come from."""
    sources: dict[str, Wire]
    """Identity id → source."""
    authors: list[Wire]
    """Sources made for authors that name no Identity."""
    assertions: dict[str, Wire]
    """Note or Opinion id → assertion."""
    verdicts: dict[str, Wire]
    """Opinion id → verdict, for the Opinions labelled ``verdict``."""
    skipped: collections.Counter[str]


def _extension(obj: Mapping[str, Any]) -> Mapping[str, Any] | None:
    extensions = obj.get("extensions")
    if isinstance(extensions, Mapping):
        found = extensions.get(EXTENSION_ID)
        if isinstance(found, Mapping):
            return found
    return None


def claimmodel_ids(objects: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """STIX id → claimmodel id, for the objects whose extension carries their own id."""
    ids: dict[str, str] = {}
    for obj in objects:
        extension = _extension(obj)
        data = extension.get(DATA) if extension is not None else None
        if isinstance(data, Mapping) and isinstance(data.get("id"), str):
            ids[obj["id"]] = data["id"]
    return ids


class _Reader:
    def __init__(self, objects: Sequence[Mapping[str, Any]], ids: Mapping[str, str]) -> None:
        self.objects = objects
        self.by_id = {obj["id"]: obj for obj in objects}
        self.ids = ids
        self.sources: dict[str, Wire] = {}
        self.by_name: dict[str, str] = {}
        self.authors: dict[str, Wire] = {}
        self.claims: dict[str, Wire] = {}
        self.assertions: dict[str, Wire] = {}
        self.verdicts: dict[str, Wire] = {}
        self.claim_of: dict[str, str] = {}
        self.relations: list[Wire] = []
        self.skipped: collections.Counter[str] = collections.Counter()

    def id(self, stix_id: str) -> str:
        return self.ids.get(stix_id, stix_id)

    # -- sources ---------------------------------------------------------------------

    def identity(self, obj: Mapping[str, Any]) -> None:
        identity_class = obj.get("identity_class")
        sectors = [s for s in obj.get("sectors", ()) if isinstance(s, str)]
        if identity_class == "individual":
            kind = SourceKind.PERSON
        elif identity_class in {"group", "class"}:
            kind = SourceKind.COLLECTIVE
        elif identity_class in {"organization", "system"}:
            if any(sector.startswith("government") for sector in sectors):
                kind = SourceKind.GOVERNMENT_BODY
            elif "communications" in sectors:
                kind = SourceKind.MEDIA_OUTLET
            else:
                kind = SourceKind.ORGANIZATION
        else:  # "unknown", or not stated
            kind = SourceKind.ANONYMOUS
        source: Wire = {"kind": kind.value, "id": self.id(obj["id"]), "name": obj["name"]}
        if "description" in obj:
            source["description"] = obj["description"]
        identifiers = [identifier(r) for r in obj.get("external_references", ())]
        if any(identifiers):
            source["identifiers"] = [i for i in identifiers if i is not None]
        if obj.get("roles"):
            source["roles"] = [{"office": role} for role in obj["roles"]]
        self.sources[obj["id"]] = source
        self.by_name.setdefault(obj["name"], obj["id"])

    def speaker(self, obj: Mapping[str, Any], *, creator_first: bool) -> str:
        """The source id of whoever speaks in a Note or Opinion."""
        creator = obj.get("created_by_ref")
        if creator_first and creator in self.sources:
            return self.id(creator)
        authors = obj.get("authors") or ()
        if authors:
            name = authors[0]
            if name in self.by_name:
                return self.id(self.by_name[name])
            source_id = f"author--{uuid.uuid5(UUID_NAMESPACE, name)}"
            self.authors.setdefault(source_id, {"kind": "person", "id": source_id, "name": name})
            return source_id
        if creator in self.sources:
            return self.id(creator)
        self.authors.setdefault(
            UNKNOWN_AUTHOR,
            {
                "kind": SourceKind.ANONYMOUS.value,
                "id": UNKNOWN_AUTHOR,
                "description": "the author of a STIX Note or Opinion that names none",
            },
        )
        return UNKNOWN_AUTHOR

    # -- statements ------------------------------------------------------------------

    def confidence(self, obj: Mapping[str, Any]) -> Wire:
        value = obj.get("confidence")
        if value is None:
            confidence: Wire = {"scale": "stix", "level": CANNOT_BE_JUDGED}
        else:
            confidence = {
                "scale": "stix",
                "level": str(value),
                "probability": {"low": value / 100, "high": value / 100},
            }
        creator = obj.get("created_by_ref")
        if creator in self.sources:
            confidence["assessor"] = self.id(creator)
        return confidence

    def note(self, obj: Mapping[str, Any]) -> None:
        text = obj["content"]
        claim = self.claim_of[obj["id"]]
        wire = self.claims.setdefault(claim, {"id": claim, "text": text})
        # Identities a note is about are the claim's interested parties.
        parties = [self.id(ref) for ref in obj.get("object_refs", ()) if ref in self.sources]
        if parties:
            known = wire.setdefault("parties", [])
            known.extend(party for party in dict.fromkeys(parties) if party not in known)
        labels = list(obj.get("labels", ()))
        stance = next((label for label in labels if label in STANCE_LABELS), None)
        assertion: Wire = {
            "id": self.id(obj["id"]),
            "claim": claim,
            "attribution": {"source": self.speaker(obj, creator_first=False)},
            "confidence": self.confidence(obj),
        }
        if stance is not None:
            assertion["stance"] = stance
            labels.remove(stance)
        self._evidence(assertion, obj)
        self._keep(assertion, obj, labels, "abstract")
        self.assertions[obj["id"]] = assertion

    @staticmethod
    def _evidence(assertion: Wire, obj: Mapping[str, Any]) -> None:
        # A statement's external references with a URL: where it, or what bears on it, is.
        found = [evidence(reference) for reference in obj.get("external_references", ())]
        if any(found):
            assertion["evidence"] = [item for item in found if item is not None]

    def opinion(self, obj: Mapping[str, Any]) -> None:
        claim = next(
            (self.claim_of[ref] for ref in obj["object_refs"] if ref in self.claim_of), None
        )
        if claim is None:  # an opinion about an indicator, a report, …: no claim to hold
            self.skipped["opinion"] += 1
            return
        assertion: Wire = {
            "id": self.id(obj["id"]),
            "claim": claim,
            "attribution": {"source": self.speaker(obj, creator_first=True)},
            "confidence": self.confidence(obj),
        }
        stance = STANCE_OF_OPINION[obj["opinion"]]
        if stance is not Stance.ASSERTS:
            assertion["stance"] = stance.value
        self._evidence(assertion, obj)
        self._keep(assertion, obj, list(obj.get("labels", ())), "explanation")
        self.assertions[obj["id"]] = assertion

    def verdict(self, obj: Mapping[str, Any]) -> None:
        """An Opinion labelled ``verdict``: a reviewer's rating of the statements it is about."""
        reviews = [
            self.assertions[ref]["id"]
            for ref in dict.fromkeys(obj["object_refs"])
            if ref in self.assertions
        ]
        if not reviews:  # a verdict on no statement read here: nothing to review
            self.skipped["opinion"] += 1
            return
        labels = list(obj["labels"][1:])
        rating_label = labels.pop(0) if labels else obj["opinion"]
        verdict: Wire = {
            "id": self.id(obj["id"]),
            "reviewer": self.speaker(obj, creator_first=True),
            "reviews": reviews,
            "rating": {"label": rating_label},
        }
        references = list(obj.get("external_references", ()))
        review = next(
            (
                r
                for r in references
                if isinstance(r, dict) and r.get("source_name") == REVIEW_REFERENCE
            ),
            None,
        )
        if review is not None:
            references.remove(review)
            url = review.get("external_id", review.get("url"))
            if type(url) is str:
                verdict["url"] = url
        if "explanation" in obj:
            verdict["explanation"] = obj["explanation"]
        found = [evidence(reference) for reference in references]
        if any(found):
            verdict["evidence"] = [item for item in found if item is not None]
        if labels:
            verdict["x_stix_labels"] = labels
        self.verdicts[obj["id"]] = verdict

    @staticmethod
    def _keep(assertion: Wire, obj: Mapping[str, Any], labels: list[str], text: str) -> None:
        # What STIX says of a statement that claimmodel has no field for, kept as
        # extension data rather than dropped.
        if labels:
            assertion["x_stix_labels"] = labels
        if text in obj:
            assertion[f"x_stix_{text}"] = obj[text]

    # -- relationships ---------------------------------------------------------------

    def relationship(self, obj: Mapping[str, Any]) -> None:
        kind = obj["relationship_type"]
        source, target = obj["source_ref"], obj["target_ref"]
        if kind in AFFILIATION_TYPES and source in self.sources and target in self.sources:
            affiliation: Wire = {"kind": kind, "target": self.id(target)}
            for key, name in (("start_time", "start"), ("stop_time", "end")):
                date = partial_date(obj[key]) if key in obj else None
                if date is not None:
                    affiliation[name] = date
            self.sources[source].setdefault("affiliations", []).append(affiliation)
        elif kind in RELATION_TYPES and source in self.assertions and target in self.assertions:
            relation: Wire = {
                "id": self.id(obj["id"]),
                "kind": kind,
                "subject": self.assertions[source]["id"],
                "object": self.assertions[target]["id"],
            }
            if "description" in obj:
                relation["basis"] = obj["description"]
            self.relations.append(relation)
        else:
            self.skipped["relationship"] += 1

    # -- the whole -------------------------------------------------------------------

    def read(self) -> Reading:
        kinds = collections.defaultdict(list)
        for obj in self.objects:
            if obj["id"] not in _OURS:
                kinds[obj["type"]].append(obj)
        for obj in kinds.pop("identity", ()):
            self.identity(obj)
        notes = kinds.pop("note", [])
        # An opinion may come before the notes it is about: know their claims first.
        self.claim_of = {note["id"]: claim_id(note["content"]) for note in notes}
        verdicts = []
        for obj in self.objects:
            if obj["type"] == "note" and obj["id"] not in _OURS:
                self.note(obj)
            elif obj["type"] == "opinion" and obj["id"] not in _OURS:
                if (obj.get("labels") or [None])[0] == VERDICT_LABEL:
                    verdicts.append(obj)  # read once every statement it may review is
                else:
                    self.opinion(obj)
        for obj in verdicts:
            self.verdict(obj)
        kinds.pop("opinion", None)
        for obj in kinds.pop("relationship", ()):
            self.relationship(obj)
        bundle: Wire = {"format": FORMAT_VERSION}
        reports = kinds.pop("report", [])
        report = reports[0] if reports else None
        if report is not None:
            bundle["id"] = self.id(report["id"])
            bundle["title"] = report["name"]
            published = partial_date(report["published"])
            if published is not None:
                bundle["published"] = published
                # "published-estimated" or "published-assumed": a date no source states.
                labels = [
                    label for label in report.get("labels", ()) if label in CERTAINTY_OF_LABEL
                ]
                if labels:
                    bundle["published_certainty"] = CERTAINTY_OF_LABEL[labels[0]]
            self.skipped.update({"report": len(reports) - 1} if len(reports) > 1 else {})
        bundle["claims"] = list(self.claims.values())
        bundle["relations"] = self.relations
        for kind, found in kinds.items():
            self.skipped[kind] += len(found)
        return Reading(
            bundle=bundle,
            report=report["id"] if report is not None else None,
            sources=self.sources,
            authors=list(self.authors.values()),
            assertions=self.assertions,
            verdicts=self.verdicts,
            skipped=self.skipped,
        )


def read_plain(
    objects: Sequence[Mapping[str, Any]], *, ids: Mapping[str, str] | None = None
) -> Reading:
    """The plain reading of ``objects``; ``ids`` maps STIX ids to the claimmodel ids to
    use for them (see :func:`claimmodel_ids`)."""
    return _Reader(objects, ids or {}).read()


def _overlay(plain: Wire, extension: Mapping[str, Any] | None) -> Wire:
    if extension is None:
        return plain
    data = extension.get(DATA) or {}
    native = extension.get(NATIVE) or ()
    return {**data, **{key: plain[key] for key in native if key in plain}}


def merged(
    objects: Sequence[Mapping[str, Any]],
) -> tuple[dict[str, Any], collections.Counter[str]]:
    """The wire data of a bundle read from ``objects`` — the plain reading, with
    claimmodel's extension applied to every object that carries it — and the count of
    objects skipped, by type."""
    by_id = {obj["id"]: obj for obj in objects}
    reading = read_plain(objects, ids=claimmodel_ids(objects))
    bundle = reading.bundle
    if reading.report is not None:
        bundle = {"format": FORMAT_VERSION, **_overlay(bundle, _extension(by_id[reading.report]))}
    sources = [_overlay(s, _extension(by_id[key])) for key, s in reading.sources.items()]
    assertions = [_overlay(a, _extension(by_id[key])) for key, a in reading.assertions.items()]
    verdicts = [_overlay(v, _extension(by_id[key])) for key, v in reading.verdicts.items()]
    wire = {
        **bundle,
        "sources": sources + reading.authors,
        "claims": bundle.get("claims", []),
        "assertions": assertions,
        "relations": bundle.get("relations", []),
    }
    if verdicts:
        wire["verdicts"] = verdicts
    return wire, reading.skipped


def is_ours(obj: Mapping[str, Any]) -> bool:
    """Whether ``obj`` carries claimmodel's extension."""
    extension = _extension(obj)
    return extension is not None and isinstance(extension.get(ITEM), str)
