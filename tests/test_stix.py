"""STIX 2.1 export and import, checked by the OASIS library and validator."""

from __future__ import annotations

import copy
import json
import math
import re
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import pytest
import stix2
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import FormatChecker
from stix2validator import ValidationOptions, validate_string

import claimmodel as cm
import claimmodel.strategies as cms
from claimmodel.interop._stix_terms import is_uri
from claimmodel.interop.stix import (
    EXTENSION_ID,
    TOOL_IDENTITY_ID,
    from_stix,
    read_stix,
    strip_extension,
    to_stix,
    to_stix_json,
)

ROOT = Path(__file__).resolve().parent.parent
KURSK = cm.loads((ROOT / "examples" / "kursk-monument.json").read_bytes())
SAN_TELMO = cm.loads((ROOT / "examples" / "san-telmo-port.json").read_bytes())

# The validator's checks left out, each for the reason docs/stix.md gives.
DETERMINISTIC_IDS_DISABLED = "uuid-check,relationship-types"
RANDOM_IDS_DISABLED = "relationship-types"


def _validate(text: str, disabled: str) -> None:
    options = ValidationOptions(
        version="2.1", strict=True, enforce_refs=True, disabled=disabled, silent=True
    )
    result = validate_string(text, options)
    assert result.is_valid, result.as_dict()


def _objects(text: str) -> dict[str, dict[str, Any]]:
    return {obj["id"]: obj for obj in json.loads(text)["objects"]}


def _stix_id(text: str, stix_type: str, claimmodel_id: str) -> str:
    for obj in json.loads(text)["objects"]:
        extension = obj.get("extensions", {}).get(EXTENSION_ID, {})
        data = extension.get("claimmodel_data", {})
        if obj["type"] == stix_type and data.get("id") == claimmodel_id:
            return str(obj["id"])
    raise AssertionError(f"no {stix_type} for {claimmodel_id}")


def _ids_of(text: str, item: str) -> dict[str, str]:
    """claimmodel id → STIX id, for the objects standing for one kind of item."""
    found = {}
    for obj in json.loads(text)["objects"]:
        extension = obj.get("extensions", {}).get(EXTENSION_ID, {})
        if extension.get("claimmodel_item") == item:
            found[extension["claimmodel_data"]["id"]] = obj["id"]
    return found


def _stix_value(confidence: cm.Confidence, bundle: cm.Bundle) -> int | None:
    try:
        converted = cm.convert(confidence, to="stix", scales=bundle.declared_scales)
    except cm.exceptions.InvalidValueError:
        return None
    return int(converted.level) if converted.judged else None


OPINIONS = ("strongly-disagree", "disagree", "neutral", "agree", "strongly-agree")


def _expected_opinion(bundle: cm.Bundle, rating: cm.Rating) -> str:
    """docs/stix.md's rule, stated from each end: the fifth of the range from the nearer
    end (worst or best) that the rating's position falls in."""
    position = rating.position
    declared = {scale.id: scale for scale in bundle.scales}
    if position is None and rating.scale in declared:
        labels = [level.label for level in declared[rating.scale].levels]
        if rating.label in labels and len(labels) > 1:
            position = Fraction(labels.index(rating.label), len(labels) - 1)
    if position is None or position == Fraction(1, 2):
        return "neutral"
    if position < Fraction(1, 2):
        return OPINIONS[math.floor(5 * position)]
    return OPINIONS[4 - math.floor(5 * (1 - position))]


class TestEveryExport:
    """Every export is read by stix2 with no custom content, passes the strict validator
    with reference checking, comes back exactly through the extension, and is byte-stable.

    One property per id style, each checking all four, so that the bundles drawn and
    exported are shared (the validator is the slow part).
    """

    @given(cms.bundles())
    def test_deterministic_ids(self, bundle: cm.Bundle) -> None:
        text = to_stix_json(bundle)
        assert isinstance(stix2.parse(text, allow_custom=False, version="2.1"), stix2.Bundle)
        _validate(text, DETERMINISTIC_IDS_DISABLED)
        assert bundle == from_stix(text)
        assert text == to_stix_json(cm.loads(cm.dumps(bundle)))

    @given(cms.bundles())
    def test_random_ids(self, bundle: cm.Bundle) -> None:
        text = to_stix_json(bundle, ids="random")
        assert isinstance(stix2.parse(text, allow_custom=False, version="2.1"), stix2.Bundle)
        _validate(text, RANDOM_IDS_DISABLED)
        assert bundle == from_stix(text)

    def test_deterministic_ids_are_what_the_uuid_check_objects_to(self) -> None:
        options = ValidationOptions(version="2.1", strict=True, enforce_refs=True, silent=True)
        result = validate_string(to_stix_json(KURSK), options)
        assert not result.is_valid
        assert "uuid-check" in json.dumps(result.as_dict()) or "UUIDv4" in json.dumps(
            result.as_dict()
        )

    def test_to_stix_gives_a_stix2_bundle(self) -> None:
        parsed = to_stix(KURSK)
        assert isinstance(parsed, stix2.Bundle)
        assert json.loads(to_stix_json(KURSK))["id"] == parsed.id


class TestRoundTrip:
    """Through the extension, the bundle comes back exactly, from every input form."""

    def test_every_input_form(self) -> None:
        text = to_stix_json(KURSK)
        for form in (text, text.encode(), json.loads(text), to_stix(KURSK)):
            assert KURSK == from_stix(form)

    def test_characters_a_terminal_acts_on_are_escaped(self) -> None:
        bundle = cm.Bundle(title="over\u202eride\x85next\u2028line")
        text = to_stix_json(bundle)
        assert "over\\u202eride\\u0085next\\u2028line" in text
        assert bundle == from_stix(text)

    def test_random_ids_differ(self) -> None:
        assert to_stix_json(KURSK, ids="random") != to_stix_json(KURSK, ids="random")

    def test_ids_option(self) -> None:
        with pytest.raises(cm.exceptions.InvalidValueError, match="ids must be"):
            to_stix_json(KURSK, ids="v4")  # type: ignore[arg-type]

    def test_a_stix_tools_edit_to_a_native_property_is_read(self) -> None:
        # claimmodel_native keys are read from STIX, so an edit there is not overridden.
        data = json.loads(to_stix_json(KURSK))
        lavrov = _stix_id(json.dumps(data), "identity", "lavrov")
        for obj in data["objects"]:
            if obj["id"] == lavrov:
                assert "name" in obj["extensions"][EXTENSION_ID]["claimmodel_native"]
                obj["name"] = "Sergei Lavrov"
        source = from_stix(data).source("lavrov")
        assert source is not None
        assert "Sergei Lavrov" == source.name


class TestNativeMapping:
    """Without the extension, what STIX itself holds matches the original, field by field."""

    @given(cms.bundles())
    def test_field_by_field(self, bundle: cm.Bundle) -> None:
        text = to_stix_json(bundle)
        plain = read_stix(strip_extension(text))
        native = plain.bundle
        assert {} == dict(plain.skipped)
        if bundle.title is not None:
            assert bundle.title == native.title
        # The Report's date, and whether the record only estimates or assumes it.
        dated = bundle if bundle.published is not None else bundle.document_source
        if dated is not None and dated.published is not None:
            assert dated.published_certainty is native.published_certainty
        else:  # STIX requires a date: the Report has the documented fixed one, unlabelled
            assert None is native.published_certainty
        # Sources: one per Identity, in order, with their names and kinds.
        assert len(bundle.sources) == len(native.sources)
        labels = {source.id: source.label for source in bundle.sources}
        native_labels = {source.id: source.label for source in native.sources}
        for source, read_source in zip(bundle.sources, native.sources, strict=True):
            assert source.label == read_source.name
            assert source.description == read_source.description
            expected = (
                cm.SourceKind.ANONYMOUS if source.kind is cm.SourceKind.DOCUMENT else (source.kind)
            )
            assert expected is read_source.kind
            assert source.identifiers == read_source.identifiers
            assert [role.office for role in source.roles] == [
                role.office for role in read_source.roles
            ]
            assert [(a.kind, labels[a.target]) for a in source.affiliations] == [
                (a.kind, native_labels[a.target]) for a in read_source.affiliations
            ]
        # Assertions: the speaker, the claim's text, the stance and the STIX confidence.
        stix = _objects(text)
        assert len(bundle.assertions) == len(native.assertions)
        for original, read in zip(bundle.assertions, native.assertions, strict=True):
            assert labels[original.source] == native_labels[read.source]
            claim, read_claim = bundle.claim(original.claim), native.claim(read.claim)
            assert claim is not None
            assert read_claim is not None
            assert claim.text == read_claim.text
            if read.id.startswith("note--"):  # a Note is about the claim's parties
                # (a claim read from STIX is every claim of its text: it may name more)
                assert {labels[p] for p in claim.parties} <= {
                    native_labels[p] for p in read_claim.parties
                }
            assert original.stance is read.stance
            value = read.confidence.level if read.confidence.judged else None
            if read.id.startswith("note--"):
                expected_value = _stix_value(original.confidence, bundle)
                assert expected_value == stix[read.id].get("confidence")
                assert (str(expected_value) if expected_value is not None else None) == value
                assessor = original.confidence.assessor
                read_assessor = read.confidence.assessor
                assert (labels[assessor] if assessor is not None else None) == (
                    native_labels[read_assessor] if read_assessor is not None else None
                )
            else:  # an Opinion is the speaker's: the analyst's confidence is not on it
                assert None is value
            # Evidence at a URI with its digest is an external reference with its hash.
            referenced = [e for e in original.evidence if e.sha256 and e.url and is_uri(e.url)]
            assert [(e.kind, e.url, e.sha256) for e in referenced] == [
                (e.kind, e.url, e.sha256) for e in read.evidence
            ]
        self._verdicts(bundle, native, stix)
        self._membership(stix)

    @staticmethod
    def _membership(stix: dict[str, dict[str, Any]]) -> None:
        """The Report holds every object; each Note is about the claim's parties, or the
        Report when it names none."""
        objects = list(stix.values())
        (report,) = [obj for obj in objects if obj["type"] == "report"]
        members = {
            obj["id"]
            for obj in objects
            if obj["type"] in {"identity", "note", "opinion", "relationship"}
            and obj["id"] != TOOL_IDENTITY_ID
        }
        assert members <= set(report["object_refs"])
        for obj in objects:
            if obj["type"] == "note":
                refs = obj["object_refs"]
                assert [report["id"]] == refs or all(r.startswith("identity--") for r in refs)

    @staticmethod
    def _verdicts(bundle: cm.Bundle, native: cm.Bundle, stix: dict[str, dict[str, Any]]) -> None:
        """Each verdict an Opinion created by its reviewer, about the reviewed statements,
        labelled with the rating's label and placed on STIX's scale by the documented rule."""
        labels = {source.id: source.label for source in bundle.sources}
        native_labels = {source.id: source.label for source in native.sources}
        statement_of = {
            a.id: r.id for a, r in zip(bundle.assertions, native.assertions, strict=True)
        }
        assert len(bundle.verdicts) == len(native.verdicts)
        for verdict, read_verdict in zip(bundle.verdicts, native.verdicts, strict=True):
            opinion = stix[read_verdict.id]
            assert read_verdict.reviewer == opinion["created_by_ref"]
            assert labels[verdict.reviewer] == native_labels[read_verdict.reviewer]
            assert tuple(statement_of[a] for a in verdict.reviews) == read_verdict.reviews
            assert verdict.rating.label == read_verdict.rating.label
            assert _expected_opinion(bundle, verdict.rating) == opinion["opinion"]
            assert "confidence" not in opinion
            assert (verdict.explanation, verdict.url) == (
                read_verdict.explanation,
                read_verdict.url,
            )
            referenced = [e for e in verdict.evidence if e.sha256 and e.url and is_uri(e.url)]
            assert [(e.kind, e.url, e.sha256) for e in referenced] == [
                (e.kind, e.url, e.sha256) for e in read_verdict.evidence
            ]

    def test_stripping_leaves_no_claimmodel_object(self) -> None:
        stripped = json.dumps(strip_extension(to_stix_json(KURSK)))
        assert EXTENSION_ID not in stripped
        assert TOOL_IDENTITY_ID not in stripped


class TestKurskExport:
    """The worked example, object by object."""

    text = to_stix_json(KURSK)
    objects = _objects(text)

    def _of(self, stix_type: str, claimmodel_id: str) -> dict[str, Any]:
        return self.objects[_stix_id(self.text, stix_type, claimmodel_id)]

    def test_counts(self) -> None:
        types = [obj["type"] for obj in self.objects.values()]
        counts = {t: types.count(t) for t in set(types)}
        affiliations = sum(len(source.affiliations) for source in KURSK.sources)
        supported = 6  # relations between two assertions; two link two claims
        assert {
            "extension-definition": 1,
            "identity": len(KURSK.sources) + 1,
            "report": 1,
            "note": len(KURSK.assertions) - 1,
            "opinion": 1,
            "relationship": affiliations + supported,
        } == counts

    def test_the_sculptors_statement(self) -> None:
        note = self._of("note", "chebanenko-proceeding")
        claim = KURSK.claim("project-proceeding")
        assert claim is not None
        assert claim.text == note["content"]
        assert ["Alexei Chebanenko"] == note["authors"]
        parties = [self._of("identity", party)["id"] for party in claim.parties]
        assert ["russian-government", "dprk-government"] == list(claim.parties)
        assert parties == note["object_refs"]  # about the claim's parties, not the relay
        ria = self._of("identity", "ria-novosti")
        assert ria["id"] not in note["object_refs"]
        partyless = self._of("note", "chebanenko-concept-stage")
        assert [self._of("report", "kursk-monument")["id"]] == partyless["object_refs"]
        assert note["abstract"].startswith("Alexei Chebanenko, confirmed; relayed by RIA Novosti")
        assert self._of("identity", "desk")["id"] == note["created_by_ref"]
        assessed = KURSK.assertion("chebanenko-proceeding")
        assert assessed is not None
        assert int(cm.convert(assessed.confidence, to="stix").level) == note["confidence"]
        assert "labels" not in note  # asserted, unhedged

    def test_the_articles_hedged_reports(self) -> None:
        body = self._of("note", "article-nk-fought")
        headline = self._of("note", "headline-nk-fought")
        assert (["reports", "reportative"], ["reports", "reportative", "disputed"]) == (
            body["labels"],
            headline["labels"],
        )
        assert ["Article on the planned Kursk monument"] == body["authors"]

    def test_the_articles_questions_are_its_own_opinion(self) -> None:
        opinion = self._of("opinion", "article-questions-nk-involvement")
        assert "neutral" == opinion["opinion"]
        assert self._of("identity", "article")["id"] == opinion["created_by_ref"]
        assert ["Article on the planned Kursk monument"] == opinion["authors"]
        stating = [
            a.id
            for a in KURSK.assertions_of("nk-involvement")
            if a.stance is not cm.Stance.QUESTIONS
        ]
        assert ["article-nk-involvement"] == stating
        assert [self._of("note", a)["id"] for a in stating] == opinion["object_refs"]
        assert "confidence" not in opinion

    def test_identities(self) -> None:
        expected = {
            "article": ("unknown", None),
            "chebanenko": ("individual", None),
            "grekov-studio": ("organization", None),
            "ria-novosti": ("organization", ["communications"]),
            "russia-mod": ("organization", ["government"]),
            "russian-officials": ("group", None),
            "desk": ("organization", None),
        }
        for source_id, (identity_class, sectors) in expected.items():
            identity = self._of("identity", source_id)
            assert (identity_class, sectors) == (
                identity["identity_class"],
                identity.get("sectors"),
            )
        assert ["Foreign Minister"] == self._of("identity", "lavrov")["roles"]

    def test_affiliations(self) -> None:
        relationships = [o for o in self.objects.values() if o["type"] == "relationship"]
        sculptor = self._of("identity", "chebanenko")["id"]
        studio = self._of("identity", "grekov-studio")["id"]
        assert any(
            (r["source_ref"], r["relationship_type"], r["target_ref"])
            == (sculptor, "member-of", studio)
            for r in relationships
        )

    def test_report(self) -> None:
        report = self._of("report", "kursk-monument")
        assert KURSK.title == report["name"]
        assert "2025-01-01T00:00:00.000Z" == report["published"]  # 2025, at its first instant
        assert self._of("identity", "desk")["id"] == report["created_by_ref"]
        for obj in self.objects.values():
            if obj["id"] not in {EXTENSION_ID, TOOL_IDENTITY_ID}:
                assert ("2025-01-01T00:00:00.000Z",) * 2 == (obj["created"], obj["modified"])

    def test_the_date_is_estimated(self) -> None:
        """The record estimates the article's date: the Report says so in a label, which
        the import reads without the extension."""
        report = self._of("report", "kursk-monument")
        assert ["published-estimated"] == report["labels"]
        extension = report["extensions"][EXTENSION_ID]
        assert "published_certainty" in extension["claimmodel_native"]
        assert "published_certainty" not in extension.get("claimmodel_data", {})
        stripped = from_stix(strip_extension(self.text))
        assert cm.DateCertainty.ESTIMATED is stripped.published_certainty

    def test_the_docs_show_this_export(self) -> None:
        page = (ROOT / "docs" / "stix.md").read_text(encoding="utf-8")
        blocks = re.findall(r"```json\n(.*?)```", page, flags=re.DOTALL)
        shown = [json.loads(block) for block in blocks]
        assert 7 == len(shown)
        # Six objects of the Kursk export, and the San Telmo verdict's Opinion.
        objects = {**self.objects, **_objects(to_stix_json(SAN_TELMO))}
        for obj in shown:
            if "type" in obj:
                written = {k: v for k, v in objects[obj["id"]].items() if k != "extensions"}
                assert written == obj
            else:
                assert self._of("identity", "chebanenko")["extensions"] == obj
        types = [obj["type"] for obj in self.objects.values()]
        assert f"writes {len(types)} objects" in " ".join(page.split())

    def test_extension_definition(self) -> None:
        definition = self.objects[EXTENSION_ID]
        assert TOOL_IDENTITY_ID == definition["created_by_ref"]
        assert ["property-extension"] == definition["extension_types"]
        assert definition["schema"]
        assert "1.1.0" == definition["version"]
        # Version 1.1.0 added the verdict item: a later modified, the same id and created.
        assert ("2026-12-01T00:00:00.000Z", "2026-12-03T00:00:00.000Z") == (
            definition["created"],
            definition["modified"],
        )
        assert "'verdict' on an Opinion" in definition["schema"]


PLAIN: dict[str, Any] = {
    "type": "bundle",
    "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d",
    "objects": [
        {
            "type": "identity",
            "spec_version": "2.1",
            "id": "identity--311b2d2d-f010-4473-83ec-1edf84858f4c",
            "created": "2024-03-01T10:00:00.000Z",
            "modified": "2024-03-01T10:00:00.000Z",
            "name": "ACME Threat Intel",
            "identity_class": "organization",
            "external_references": [
                {"source_name": "wikidata", "external_id": "Q7747"},
                {"source_name": "url", "external_id": "https://acme.example/"},
                {"source_name": "wikidata", "external_id": "not an item"},
                {"source_name": "mitre-attack", "external_id": "G0007"},
            ],
        },
        {
            "type": "identity",
            "spec_version": "2.1",
            "id": "identity--023d105b-752e-4e3c-941c-7d3f3cb15e9e",
            "created": "2024-03-01T10:00:00.000Z",
            "modified": "2024-03-01T10:00:00.000Z",
            "name": "Ministry of Digital Affairs",
            "identity_class": "organization",
            "sectors": ["government-national"],
        },
        {
            "type": "note",
            "spec_version": "2.1",
            "id": "note--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061",
            "created": "2024-03-02T10:00:00.000Z",
            "modified": "2024-03-02T10:00:00.000Z",
            "created_by_ref": "identity--311b2d2d-f010-4473-83ec-1edf84858f4c",
            "authors": ["J. Analyst"],
            "content": "The outage was caused by a wiper.",
            "confidence": 70,
            "labels": ["triage"],
            "object_refs": ["malware--92ec0cbd-2c30-44a2-b270-73f4ec949841"],
        },
        {
            "type": "opinion",
            "spec_version": "2.1",
            "id": "opinion--b01efc25-77b4-4003-b18b-f6e24b5cd9f7",
            "created": "2024-03-03T10:00:00.000Z",
            "modified": "2024-03-03T10:00:00.000Z",
            "created_by_ref": "identity--023d105b-752e-4e3c-941c-7d3f3cb15e9e",
            "explanation": "Maintenance, not an attack.",
            "opinion": "strongly-disagree",
            "object_refs": ["note--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061"],
        },
        {
            "type": "opinion",
            "spec_version": "2.1",
            "id": "opinion--1a4b1a8e-0b39-4a53-9ac5-8d3b0a0a6b11",
            "created": "2024-03-03T10:00:00.000Z",
            "modified": "2024-03-03T10:00:00.000Z",
            "opinion": "agree",
            "object_refs": ["malware--92ec0cbd-2c30-44a2-b270-73f4ec949841"],
        },
        {
            "type": "relationship",
            "spec_version": "2.1",
            "id": "relationship--57b56a43-b8b0-4cba-9deb-34e3e1faed9e",
            "created": "2024-03-01T10:00:00.000Z",
            "modified": "2024-03-01T10:00:00.000Z",
            "relationship_type": "funded-by",
            "source_ref": "identity--311b2d2d-f010-4473-83ec-1edf84858f4c",
            "target_ref": "identity--023d105b-752e-4e3c-941c-7d3f3cb15e9e",
            "start_time": "2020-01-01T00:00:00Z",
        },
        {
            "type": "malware",
            "spec_version": "2.1",
            "id": "malware--92ec0cbd-2c30-44a2-b270-73f4ec949841",
            "created": "2024-03-01T10:00:00.000Z",
            "modified": "2024-03-01T10:00:00.000Z",
            "name": "Wiper-X",
            "description": "A wiper seen in the March outage.",
            "is_family": False,
        },
        {
            "type": "indicator",
            "spec_version": "2.1",
            "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
            "created": "2024-03-01T10:00:00.000Z",
            "modified": "2024-03-01T10:00:00.000Z",
            "pattern": "[file:hashes.'SHA-256' = "
            "'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']",
            "name": "Wiper-X sample",
            "description": "The sample recovered from the outage.",
            "pattern_type": "stix",
            "valid_from": "2024-03-01T10:00:00Z",
        },
        {
            "type": "report",
            "spec_version": "2.1",
            "id": "report--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3",
            "created": "2024-03-04T10:00:00.000Z",
            "modified": "2024-03-04T10:00:00.000Z",
            "name": "The March outage",
            "published": "2024-03-04T10:00:00Z",
            "object_refs": ["note--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061"],
        },
    ],
}


class TestPublishedCertainty:
    """A Report's ``published`` that the record only estimates or assumes is labelled so,
    and the label is read back, with the extension or without it."""

    @staticmethod
    def _report(text: str) -> dict[str, Any]:
        objects: list[dict[str, Any]] = json.loads(text)["objects"]
        (report,) = [obj for obj in objects if obj["type"] == "report"]
        return report

    @pytest.mark.parametrize(
        ("bundle", "labels"),
        [
            (
                cm.Bundle(
                    published=cm.PartialDate(year=2025, month=11),
                    published_certainty=cm.DateCertainty.ESTIMATED,
                ),
                ["published-estimated"],
            ),
            (
                cm.Bundle(
                    document="doc",
                    sources=(
                        cm.Document(
                            id="doc",
                            published=cm.PartialDate(year=2025),
                            published_certainty=cm.DateCertainty.ASSUMED,
                        ),
                    ),
                ),
                ["published-assumed"],
            ),
            (
                # The bundle's own date is stated: the document's certainty is not its.
                cm.Bundle(
                    published=cm.PartialDate(year=2025, month=11, day=25),
                    document="doc",
                    sources=(
                        cm.Document(
                            id="doc",
                            published=cm.PartialDate(year=2025),
                            published_certainty=cm.DateCertainty.ESTIMATED,
                        ),
                    ),
                ),
                None,
            ),
            (cm.Bundle(published=cm.PartialDate(year=2025)), None),
        ],
    )
    def test_label(self, bundle: cm.Bundle, labels: list[str] | None) -> None:
        text = to_stix_json(bundle)
        assert labels == self._report(text).get("labels")
        assert isinstance(stix2.parse(text, allow_custom=False, version="2.1"), stix2.Bundle)
        _validate(text, DETERMINISTIC_IDS_DISABLED)
        _validate(to_stix_json(bundle, ids="random"), RANDOM_IDS_DISABLED)
        assert bundle == from_stix(text)
        stripped = from_stix(strip_extension(text))
        dated = bundle if bundle.published is not None else bundle.document_source
        assert dated is not None
        # STIX's published is an instant: the date's precision is the extension's to keep.
        assert stripped.published is not None
        assert dated.published_certainty is stripped.published_certainty

    def test_from_someone_else(self) -> None:
        data = copy.deepcopy(PLAIN)
        data["objects"][-1]["labels"] = ["outage", "published-estimated"]
        _validate(json.dumps(data), RANDOM_IDS_DISABLED)
        assert cm.DateCertainty.ESTIMATED is from_stix(data).published_certainty
        assert None is from_stix(PLAIN).published_certainty


class TestParties:
    """A Note is about its claim's interested parties: their Identities are its object_refs."""

    def test_a_claim_with_parties(self) -> None:
        fought = KURSK.claim("nk-fought")
        assert fought is not None
        claims = tuple(
            attrs.evolve(c, parties=("russian-government", "dprk-government")) if c is fought else c
            for c in KURSK.claims
        )
        bundle = attrs.evolve(KURSK, claims=claims)
        text = to_stix_json(bundle)
        _validate(text, DETERMINISTIC_IDS_DISABLED)
        note = _objects(text)[_stix_id(text, "note", "lavrov-nk-fought")]
        assert [
            _stix_id(text, "identity", "russian-government"),
            _stix_id(text, "identity", "dprk-government"),
        ] == note["object_refs"]
        assert bundle == from_stix(text)
        plain = read_stix(strip_extension(text)).bundle
        [read] = [c for c in plain.claims if c.text == fought.text]
        names = {source.id: source.label for source in plain.sources}
        assert [
            "Government of the Russian Federation",
            "Government of the Democratic People's Republic of Korea",
        ] == [names[party] for party in read.parties]


class TestEvidence:
    """Evidence at a URL with its digest is an external reference with a SHA-256 hash."""

    DIGEST = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

    def _bundle(self, *evidence: cm.Evidence, stance: cm.Stance = cm.Stance.ASSERTS) -> cm.Bundle:
        return cm.Bundle(
            sources=(cm.Person(id="sculptor", name="Alexei Chebanenko"),),
            claims=(cm.Claim(id="begun", text="Construction has begun"),),
            assertions=(
                cm.Assertion(
                    id="a1",
                    claim="begun",
                    attribution=cm.Attribution(source="sculptor"),
                    confidence=cm.Confidence.cannot_be_judged(scale="icd203"),
                    stance=stance,
                    evidence=evidence,
                ),
            ),
        )

    def test_a_video_with_its_digest(self) -> None:
        video = cm.Evidence(
            kind=cm.EvidenceKind.VIDEO,
            url="https://t.me/sculptor/412",
            sha256=self.DIGEST,
            captured=cm.PartialDate(year=2025, month=11, day=20),
            bearing=cm.Bearing.SUPPORTS,
        )
        page = cm.Evidence(url="https://example.org/article")  # no digest: no reference
        bundle = self._bundle(video, page)
        text = to_stix_json(bundle)
        _validate(text, DETERMINISTIC_IDS_DISABLED)
        note = _objects(text)[_stix_id(text, "note", "a1")]
        assert [
            {
                "source_name": "video",
                "url": "https://t.me/sculptor/412",
                "hashes": {"SHA-256": self.DIGEST},
            }
        ] == note["external_references"]
        assert bundle == from_stix(text)
        (read,) = read_stix(strip_extension(text)).bundle.assertions[0].evidence
        assert (
            cm.Evidence(
                kind=cm.EvidenceKind.VIDEO, url="https://t.me/sculptor/412", sha256=self.DIGEST
            )
            == read
        )

    def test_what_stix_holds_exactly_travels_natively(self) -> None:
        image = cm.Evidence(
            kind=cm.EvidenceKind.IMAGE, url="https://x.example/a.jpg", sha256=self.DIGEST
        )
        text = to_stix_json(self._bundle(image))
        extension = _objects(text)[_stix_id(text, "note", "a1")]["extensions"][EXTENSION_ID]
        assert "evidence" in extension["claimmodel_native"]
        assert "evidence" not in extension["claimmodel_data"]

    def test_an_opinion_carries_its_evidence_too(self) -> None:
        image = cm.Evidence(
            kind=cm.EvidenceKind.IMAGE, url="https://x.example/a.jpg", sha256=self.DIGEST
        )
        asserted = self._bundle()
        denied = self._bundle(image, stance=cm.Stance.DENIES)
        bundle = attrs.evolve(
            asserted,
            assertions=(*asserted.assertions, attrs.evolve(denied.assertions[0], id="a2")),
        )
        text = to_stix_json(bundle)
        _validate(text, DETERMINISTIC_IDS_DISABLED)
        opinion = _objects(text)[_stix_id(text, "opinion", "a2")]
        assert "image" == opinion["external_references"][0]["source_name"]
        assert bundle == from_stix(text)

    @given(
        st.from_regex(r"\A[a-z]{1,5}:(//)?[a-z0-9.:@%/?#\[\]-]{0,12}\Z")
        | st.text(max_size=12)
        | st.sampled_from(["https://x.example/a", "urn:x:1", "http://a:b/", "https://a/%zz"])
    )
    def test_only_what_the_validator_takes_for_a_uri_is_written_as_a_url(self, url: str) -> None:
        if is_uri(url):
            assert FormatChecker().conforms(url, "uri")

    def test_someone_elses_references(self) -> None:
        data = copy.deepcopy(PLAIN)
        (note,) = [obj for obj in data["objects"] if obj["type"] == "note"]
        note["external_references"] = [
            {
                "source_name": "video",
                "url": "https://x.example/v",
                "hashes": {"SHA-256": self.DIGEST.upper()},
            },
            {"source_name": "vendor blog", "url": "https://x.example/post"},
            {"source_name": "capec", "external_id": "CAPEC-1"},  # no URL: nothing to find
        ]
        evidence = read_stix(data).bundle.assertions[0].evidence
        assert (
            cm.Evidence(kind=cm.EvidenceKind.VIDEO, url="https://x.example/v", sha256=self.DIGEST),
            cm.Evidence(url="https://x.example/post"),
        ) == evidence


class TestPlainStixIn:
    """STIX written by someone else becomes a bundle; what carries no claim is counted."""

    imported = read_stix(PLAIN)
    bundle = imported.bundle

    def test_it_validates(self) -> None:
        _validate(json.dumps(PLAIN), RANDOM_IDS_DISABLED)

    def test_sources(self) -> None:
        kinds = [(s.kind, s.label) for s in self.bundle.sources]
        assert [
            (cm.SourceKind.ORGANIZATION, "ACME Threat Intel"),
            (cm.SourceKind.GOVERNMENT_BODY, "Ministry of Digital Affairs"),
            (cm.SourceKind.PERSON, "J. Analyst"),
        ] == kinds
        (acme, ministry, _) = self.bundle.sources
        assert [("wikidata", "Q7747"), ("url", "https://acme.example/")] == [
            (i.scheme.value, i.value) for i in acme.identifiers
        ]
        assert [(cm.AffiliationKind.FUNDED_BY, ministry.id)] == [
            (a.kind, a.target) for a in acme.affiliations
        ]
        assert cm.PartialDate.fromisoformat("2020-01-01T00:00:00Z") == acme.affiliations[0].start

    def test_a_url_identifier_in_the_url_property(self) -> None:
        data = copy.deepcopy(PLAIN)
        data["objects"][0]["external_references"] = [
            {"source_name": "url", "url": "https://acme.example/", "hashes": {"SHA-256": "0" * 64}}
        ]
        (identifier,) = from_stix(data).sources[0].identifiers
        assert ("url", "https://acme.example/") == (identifier.scheme.value, identifier.value)

    def test_note(self) -> None:
        note = self.bundle.assertions[0]
        claim = self.bundle.claim(note.claim)
        assert claim is not None
        assert "The outage was caused by a wiper." == claim.text
        assert cm.claim_id(claim.text) == claim.id
        speaker = self.bundle.source(note.source)
        assert speaker is not None
        assert "J. Analyst" == speaker.label
        assert ("stix", "70", cm.Interval.point(0.7)) == (
            note.confidence.scale,
            note.confidence.level,
            note.confidence.probability,
        )
        assert "identity--311b2d2d-f010-4473-83ec-1edf84858f4c" == note.confidence.assessor
        assert ("triage",) == note.extensions["x_stix_labels"]
        assert cm.Stance.ASSERTS is note.stance

    def test_opinion(self) -> None:
        denial = self.bundle.assertions[1]
        assert cm.Stance.DENIES is denial.stance
        assert "identity--023d105b-752e-4e3c-941c-7d3f3cb15e9e" == denial.source
        assert self.bundle.assertions[0].claim == denial.claim
        assert not denial.confidence.judged
        assert "Maintenance, not an attack." == denial.extensions["x_stix_explanation"]

    def test_report(self) -> None:
        assert "The March outage" == self.bundle.title
        assert cm.PartialDate.fromisoformat("2024-03-04T10:00:00Z") == self.bundle.published

    def test_skipped(self) -> None:
        assert {"indicator": 1, "malware": 1, "opinion": 1} == dict(self.imported.skipped)
        assert (
            "skipped 3 objects that carry no claim: 1 indicator, 1 malware, 1 opinion"
            == self.imported.summary()
        )

    def test_it_validates_as_claimmodel(self) -> None:
        assert cm.validate(self.bundle).ok

    def test_it_exports_again(self) -> None:
        again = to_stix_json(self.bundle)
        _validate(again, DETERMINISTIC_IDS_DISABLED)
        assert self.bundle == from_stix(again)

    def test_an_author_without_identity_and_no_author(self) -> None:
        data = copy.deepcopy(PLAIN)
        note = data["objects"][2]
        del note["authors"], note["created_by_ref"]
        bundle = from_stix(data)
        speaker = bundle.source(bundle.assertions[0].source)
        assert speaker is not None
        assert cm.SourceKind.ANONYMOUS is speaker.kind
        note["created_by_ref"] = data["objects"][0]["id"]
        bundle = from_stix(data)
        assert data["objects"][0]["id"] == bundle.assertions[0].source


class TestMalformedStix:
    """Malformed STIX is a DecodeError naming where, never a traceback from inside."""

    @pytest.mark.parametrize(
        ("document", "path", "message"),
        [
            ("{", "$", "not valid JSON"),
            (b"\xff", "$", "not valid JSON"),
            ("[]", "$", 'a STIX document is a JSON object with "type": "bundle"'),
            ('{"type": "bundle", "objects": {}}', "$.objects", "a JSON array"),
            ('{"type": "bundle", "objects": [1]}', "$.objects[0]", "a STIX object is"),
            (
                '{"type": "bundle", "objects": [{"type": "note", "id": "note--x"}]}',
                "$.objects[0]",
                "not a valid STIX 2.1 note",
            ),
        ],
    )
    def test_errors(self, document: str | bytes, path: str, message: str) -> None:
        with pytest.raises(cm.DecodeError) as caught:
            from_stix(document)
        (problem,) = caught.value.problems
        assert path == problem.path
        assert message in problem.message

    def test_nesting(self) -> None:
        deep = '{"type": "bundle", "objects": [' + "[" * 100_000 + "]" * 100_000 + "]}"
        with pytest.raises(cm.DecodeError, match="nested too deeply"):
            from_stix(deep)
        data = json.loads(to_stix_json(KURSK))
        value: Any = []
        for _ in range(100_000):
            value = [value]
        note = next(obj for obj in data["objects"] if obj["type"] == "note")
        note["extensions"][EXTENSION_ID]["claimmodel_data"]["x_deep"] = value
        with pytest.raises(cm.DecodeError, match=r"\$\.objects\[\d+\]: not a valid STIX 2.1 note"):
            from_stix(data)

    def test_size_limit(self) -> None:
        text = json.dumps(PLAIN)
        with pytest.raises(cm.LimitExceededError, match="max_document_bytes"):
            from_stix(text, limits=cm.Limits(max_document_bytes=len(text) - 1))
        assert isinstance(
            from_stix(text, limits=cm.Limits(max_document_bytes=len(text))), cm.Bundle
        )

    def test_a_bad_opinion_value(self) -> None:
        data = copy.deepcopy(PLAIN)
        data["objects"][3]["opinion"] = "meh"
        with pytest.raises(cm.DecodeError, match=r"\$\.objects\[3\]"):
            from_stix(data)

    def test_repeated_id(self) -> None:
        data = copy.deepcopy(PLAIN)
        data["objects"].append(data["objects"][0])
        with pytest.raises(cm.DecodeError, match="appears more than once"):
            from_stix(data)

    def test_extension_data_that_is_not_claimmodel_data(self) -> None:
        data = json.loads(to_stix_json(KURSK))
        for obj in data["objects"]:
            if obj["type"] == "note":
                obj["extensions"][EXTENSION_ID]["claimmodel_data"]["confidence"] = "high"
                break
        with pytest.raises(cm.DecodeError, match="as claimmodel data"):
            from_stix(data)


class TestRefusals:
    """A bundle STIX cannot represent is refused with the reason."""

    def test_repeated_ids(self) -> None:
        person = cm.Person(id="p", name="P")
        with pytest.raises(cm.exceptions.InvalidValueError, match="two sources share the id 'p'"):
            to_stix_json(cm.Bundle(sources=(person, person)))

    def test_a_claim_not_in_the_bundle(self) -> None:
        bundle = cm.Bundle(
            sources=(cm.Person(id="p"),),
            assertions=(
                cm.Assertion(
                    id="a",
                    claim="c",
                    attribution=cm.Attribution(source="p"),
                    confidence=cm.Confidence.cannot_be_judged(),
                ),
            ),
        )
        with pytest.raises(cm.exceptions.InvalidValueError, match="claim 'c'"):
            to_stix_json(bundle)


def _reviewed(*verdicts: cm.Verdict, scales: tuple[cm.DeclaredScale, ...] = ()) -> cm.Bundle:
    """A bundle with one statement, by a minister, and the given verdicts on it."""
    return cm.Bundle(
        scales=scales,
        sources=(cm.Person(id="minister", name="The Minister"), cm.Organization(id="fc")),
        claims=(cm.Claim(id="c", text="Exports doubled last year."),),
        assertions=(
            cm.Assertion(
                id="a",
                claim="c",
                attribution=cm.Attribution(source="minister"),
                confidence=cm.Confidence.cannot_be_judged(),
            ),
        ),
        verdicts=verdicts,
    )


def _verdict(rating: cm.Rating, **changes: Any) -> cm.Verdict:
    return attrs.evolve(cm.Verdict(id="v", reviewer="fc", reviews=("a",), rating=rating), **changes)


RATINGS = cm.DeclaredScale(
    id="newsroom",
    kind=cm.ScaleKind.RATING,
    levels=tuple(
        cm.DeclaredLevel(label=label, aliases=(f"level {index}",))
        for index, label in enumerate(
            ("False", "Mostly false", "Half true", "Mostly true", "True"), start=1
        )
    ),
)


class TestVerdicts:
    """A verdict is an Opinion created by its reviewer about the statements it reviews, its
    rating placed on STIX's opinion scale by the rule docs/stix.md states."""

    text = to_stix_json(SAN_TELMO)
    objects = _objects(text)

    def test_the_fact_checkers_verdict(self) -> None:
        (verdict,) = SAN_TELMO.verdicts
        opinion = self.objects[_stix_id(self.text, "opinion", verdict.id)]
        reviewer = self.objects[_stix_id(self.text, "identity", "verifato")]
        assert reviewer["id"] == opinion["created_by_ref"]  # the reviewer's, not the desk's
        assert [reviewer["name"]] == opinion["authors"]
        reviewed = _stix_id(self.text, "note", "varro-no-chemical-agent")
        assert [reviewed] == opinion["object_refs"]
        assert "strongly-disagree" == opinion["opinion"]  # False: 1 on a scale of 1 to 5
        assert ["verdict", "False"] == opinion["labels"]
        assert verdict.explanation == opinion["explanation"]
        assert "confidence" not in opinion
        assert [
            {"source_name": "review", "external_id": verdict.url},
            {
                "source_name": "video",
                "url": "https://social.example/posts/san-telmo-gate",
                "hashes": {"SHA-256": verdict.evidence[0].sha256},
            },
        ] == opinion["external_references"]
        (report,) = [obj for obj in self.objects.values() if obj["type"] == "report"]
        assert opinion["id"] in report["object_refs"]
        # The rating's numbers, the date and the rest of the evidence: the extension's.
        extension = opinion["extensions"][EXTENSION_ID]
        assert "verdict" == extension["claimmodel_item"]
        assert {"label": "False", "value": 1, "best": 5, "worst": 1} == extension[
            "claimmodel_data"
        ]["rating"]
        assert "verdicts" not in report["extensions"][EXTENSION_ID].get("claimmodel_data", {})

    def test_it_passes_the_oasis_tools_and_comes_back(self) -> None:
        assert isinstance(stix2.parse(self.text, allow_custom=False, version="2.1"), stix2.Bundle)
        _validate(self.text, DETERMINISTIC_IDS_DISABLED)
        _validate(to_stix_json(SAN_TELMO, ids="random"), RANDOM_IDS_DISABLED)
        assert SAN_TELMO == from_stix(self.text)
        assert SAN_TELMO == from_stix(to_stix_json(SAN_TELMO, ids="random"))

    def test_without_the_extension(self) -> None:
        stripped = read_stix(strip_extension(self.text))
        assert {} == dict(stripped.skipped)
        (verdict,) = stripped.bundle.verdicts
        reviewer = stripped.bundle.source(verdict.reviewer)
        assert reviewer is not None
        assert "VeriFato" == reviewer.name
        assert (_stix_id(self.text, "note", "varro-no-chemical-agent"),) == verdict.reviews
        assert cm.Rating(label="False") == verdict.rating
        assert SAN_TELMO.verdicts[0].explanation == verdict.explanation
        assert SAN_TELMO.verdicts[0].url == verdict.url

    @pytest.mark.parametrize(
        ("value", "worst", "best", "opinion"),
        [
            (1, 1, 5, "strongly-disagree"),
            (2, 1, 5, "disagree"),
            (3, 1, 5, "neutral"),
            (4, 1, 5, "agree"),
            (5, 1, 5, "strongly-agree"),
            (1, 5, 1, "strongly-agree"),  # a scale where 1 is best
            (4, 5, 1, "disagree"),
            (1, 0, 10, "strongly-disagree"),
            (2, 0, 10, "disagree"),  # a fifth of the way: the second fifth
            (4, 0, 10, "neutral"),
            (6, 0, 10, "neutral"),  # the middle fifth is closed at both ends
            (8, 0, 10, "agree"),  # a fifth from the best: still the fourth fifth
            (9, 0, 10, "strongly-agree"),
            (0.5, 0, 1, "neutral"),
        ],
    )
    def test_the_rating_rule(self, value: float, worst: float, best: float, opinion: str) -> None:
        rating = cm.Rating(label="Rated", value=value, worst=worst, best=best)
        bundle = _reviewed(_verdict(rating))
        text = to_stix_json(bundle)
        assert opinion == _objects(text)[_stix_id(text, "opinion", "v")]["opinion"]
        assert opinion == _expected_opinion(bundle, rating)
        assert bundle == from_stix(text)

    @pytest.mark.parametrize(
        ("rating", "opinion"),
        [
            (cm.Rating(label="Mostly false", scale="newsroom"), "disagree"),
            (cm.Rating(label="True", scale="newsroom"), "strongly-agree"),
            (cm.Rating(label="level 3", scale="newsroom"), "neutral"),  # an alias
            (cm.Rating(label="Mostly true", scale="newsroom"), "agree"),
            # The numbers, when given, place the rating; the label's rank does not.
            (
                cm.Rating(label="True", value=1, worst=1, best=5, scale="newsroom"),
                "strongly-disagree",
            ),
            # Nothing STIX can place: neither numbers nor a level of a declared scale.
            (cm.Rating(label="Pants on fire", scale="newsroom"), "neutral"),
            (cm.Rating(label="False", scale="x-elsewhere"), "neutral"),
            (cm.Rating(label="False"), "neutral"),
        ],
    )
    def test_a_label_on_a_declared_scale(self, rating: cm.Rating, opinion: str) -> None:
        bundle = _reviewed(_verdict(rating), scales=(RATINGS,))
        text = to_stix_json(bundle)
        written = _objects(text)[_stix_id(text, "opinion", "v")]
        assert opinion == written["opinion"]
        assert ["verdict", rating.label] == written["labels"]
        assert bundle == from_stix(text)

    @given(cms.bundles(min_assertions=1, max_verdicts=3, max_scales=2))
    def test_every_export_with_verdicts(self, bundle: cm.Bundle) -> None:
        text = to_stix_json(bundle)
        assert isinstance(stix2.parse(text, allow_custom=False, version="2.1"), stix2.Bundle)
        _validate(text, DETERMINISTIC_IDS_DISABLED)
        assert bundle == from_stix(text)
        objects = json.loads(text)["objects"]
        opinions = [obj for obj in objects if (obj.get("labels") or [None])[0] == "verdict"]
        assert len(bundle.verdicts) == len(opinions)
        for verdict, opinion in zip(bundle.verdicts, opinions, strict=True):
            assert _stix_id(text, "identity", verdict.reviewer) == opinion["created_by_ref"]
            assert _expected_opinion(bundle, verdict.rating) == opinion["opinion"]
            statements = _ids_of(text, "assertion")
            assert [statements[a] for a in verdict.reviews] == opinion["object_refs"]

    def test_a_scale_of_one_level_places_nothing(self) -> None:
        one = cm.DeclaredScale(
            id="pass", kind=cm.ScaleKind.RATING, levels=(cm.DeclaredLevel(label="Checked"),)
        )
        bundle = _reviewed(_verdict(cm.Rating(label="Checked", scale="pass")), scales=(one,))
        text = to_stix_json(bundle)
        assert "neutral" == _objects(text)[_stix_id(text, "opinion", "v")]["opinion"]

    def test_the_review_address(self) -> None:
        url = "https://factcheck.example/reviews/exports doubled"
        bundle = _reviewed(_verdict(cm.Rating(label="False"), url=url))
        text = to_stix_json(bundle)
        opinion = _objects(text)[_stix_id(text, "opinion", "v")]
        # external_id, not url: the strict validator wants a hash beside a url.
        assert [{"source_name": "review", "external_id": url}] == opinion["external_references"]
        _validate(text, DETERMINISTIC_IDS_DISABLED)
        assert bundle == from_stix(text)
        (read,) = from_stix(strip_extension(text)).verdicts
        assert url == read.url

    def test_a_verdict_on_an_opinion(self) -> None:
        # A denial written as an Opinion is reviewed as itself: the verdict is about it.
        base = _reviewed()
        denial = attrs.evolve(base.assertions[0], id="d", stance=cm.Stance.DENIES)
        bundle = attrs.evolve(
            base,
            assertions=(*base.assertions, denial),
            verdicts=(_verdict(cm.Rating(label="True"), reviews=("d", "a")),),
        )
        text = to_stix_json(bundle)
        opinion = _objects(text)[_stix_id(text, "opinion", "v")]
        assert [_stix_id(text, "opinion", "d"), _stix_id(text, "note", "a")] == opinion[
            "object_refs"
        ]
        _validate(text, DETERMINISTIC_IDS_DISABLED)
        assert bundle == from_stix(text)
        (read,) = from_stix(strip_extension(text)).verdicts
        assert (_stix_id(text, "opinion", "d"), _stix_id(text, "note", "a")) == read.reviews

    def test_ids_of_verdicts_and_statements_never_meet(self) -> None:
        # A verdict's Opinion id comes from "verdict/<id>", a statement's from
        # "opinion/<id>": an assertion whose id looks like a verdict's path is no clash.
        base = _reviewed()
        denial = attrs.evolve(base.assertions[0], id="verdict/v", stance=cm.Stance.DENIES)
        bundle = attrs.evolve(
            base,
            assertions=(*base.assertions, denial),
            verdicts=(_verdict(cm.Rating(label="False")),),
        )
        text = to_stix_json(bundle)
        assert _stix_id(text, "opinion", "verdict/v") != _stix_id(text, "opinion", "v")
        assert bundle == from_stix(text)

    def test_a_reviewer_not_in_the_bundle(self) -> None:
        bundle = _reviewed(_verdict(cm.Rating(label="False"), reviewer="nobody"))
        with pytest.raises(cm.exceptions.InvalidValueError, match="verdict 'v' is by 'nobody'"):
            to_stix_json(bundle)

    def test_an_assertion_not_in_the_bundle(self) -> None:
        bundle = _reviewed(_verdict(cm.Rating(label="False"), reviews=("a", "gone")))
        with pytest.raises(cm.exceptions.InvalidValueError, match="reviews assertion 'gone'"):
            to_stix_json(bundle)

    def test_two_verdicts_with_one_id(self) -> None:
        verdict = _verdict(cm.Rating(label="False"))
        with pytest.raises(cm.exceptions.InvalidValueError, match="two verdicts share"):
            to_stix_json(_reviewed(verdict, verdict))

    def test_an_export_of_version_1_0_0(self) -> None:
        # Version 1.0.0 of the extension carried the verdicts whole in the Report's data.
        data = json.loads(self.text)
        verdict = _stix_id(self.text, "opinion", "verifato-no-chemical-agent")
        (wire,) = cm.to_data(SAN_TELMO)["verdicts"]
        objects = []
        for obj in data["objects"]:
            if obj["type"] == "report":
                obj["object_refs"].remove(verdict)
                obj["extensions"][EXTENSION_ID]["claimmodel_data"]["verdicts"] = [wire]
            if obj["id"] != verdict:
                objects.append(obj)
        data["objects"] = objects
        assert SAN_TELMO == from_stix(data)

    def test_someone_elses_verdicts(self) -> None:
        data = copy.deepcopy(PLAIN)
        opinion = {
            "type": "opinion",
            "spec_version": "2.1",
            "created": "2024-03-04T10:00:00.000Z",
            "modified": "2024-03-04T10:00:00.000Z",
            "created_by_ref": "identity--311b2d2d-f010-4473-83ec-1edf84858f4c",
            "opinion": "disagree",
        }
        data["objects"] += [
            {
                **opinion,
                "id": "opinion--6a1d8d4e-3f7e-4a55-9a51-0f2b1c3d4e5f",
                "labels": ["verdict", "Misleading", "triage"],
                "object_refs": ["note--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061"],
                "explanation": "Maintenance logs show a planned outage.",
                "external_references": [
                    {"source_name": "review", "url": "https://acme.example/r/1"},
                    {"source_name": "document", "url": "https://acme.example/logs"},
                ],
            },
            {  # no rating label: the opinion itself is the rating
                **opinion,
                "id": "opinion--7b2e9e5f-4a8f-4b66-8b62-1a3c2d4e5f60",
                "labels": ["verdict"],
                "object_refs": ["note--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061"],
            },
            {  # about no statement: nothing to review
                **opinion,
                "id": "opinion--8c3fa06a-5b9a-4c77-9c73-2b4d3e5f6071",
                "labels": ["verdict", "False"],
                "object_refs": ["malware--92ec0cbd-2c30-44a2-b270-73f4ec949841"],
            },
        ]
        imported = read_stix(data)
        acme = imported.bundle.sources[0].id
        note = "note--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061"
        assert (
            cm.Verdict(
                id="opinion--6a1d8d4e-3f7e-4a55-9a51-0f2b1c3d4e5f",
                reviewer=acme,
                reviews=(note,),
                rating=cm.Rating(label="Misleading"),
                url="https://acme.example/r/1",
                explanation="Maintenance logs show a planned outage.",
                evidence=(
                    cm.Evidence(kind=cm.EvidenceKind.DOCUMENT, url="https://acme.example/logs"),
                ),
                extensions={"x_stix_labels": ["triage"]},
            ),
            cm.Verdict(
                id="opinion--7b2e9e5f-4a8f-4b66-8b62-1a3c2d4e5f60",
                reviewer=acme,
                reviews=(note,),
                rating=cm.Rating(label="disagree"),
            ),
        ) == imported.bundle.verdicts
        # The verdicts are not statements; the one about malware is skipped and counted.
        assert len(read_stix(PLAIN).bundle.assertions) == len(imported.bundle.assertions)
        assert read_stix(PLAIN).skipped["opinion"] + 1 == imported.skipped["opinion"]


class TestDeclaredScales:
    """A confidence on a scale the bundle declares is converted through its level's band,
    by the library's own ``convert``; without a band there is no STIX value to give."""

    HOUSE = cm.DeclaredScale(
        id="house",
        kind=cm.ScaleKind.LIKELIHOOD,
        levels=(
            cm.DeclaredLevel(label="doubtful", band=cm.Interval(low=0.1, high=0.3)),
            cm.DeclaredLevel(label="expected", band=cm.Interval(low=0.7, high=0.9)),
        ),
    )

    @staticmethod
    def _bundle(scale: cm.DeclaredScale, level: str) -> cm.Bundle:
        bundle = _reviewed(scales=(scale,))
        confidence = cm.Confidence(scale=scale.id, level=level)  # no probability stated
        assertion = attrs.evolve(bundle.assertions[0], confidence=confidence)
        return attrs.evolve(bundle, assertions=(assertion,))

    @pytest.mark.parametrize(("level", "value"), [("expected", 70), ("doubtful", 30)])
    def test_through_the_levels_band(self, level: str, value: int) -> None:
        bundle = self._bundle(self.HOUSE, level)
        text = to_stix_json(bundle)
        note = _objects(text)[_stix_id(text, "note", "a")]
        # No stronger than the band: 70-90 % is as strong as 70 %, 10-30 % as 30 %.
        assert value == note["confidence"]
        assert value == _stix_value(bundle.assertions[0].confidence, bundle)
        _validate(text, DETERMINISTIC_IDS_DISABLED)
        assert bundle == from_stix(text)
        (read,) = from_stix(strip_extension(text)).assertions
        assert ("stix", str(value)) == (read.confidence.scale, read.confidence.level)

    @pytest.mark.parametrize(
        "scale",
        [
            cm.DeclaredScale(
                id="grades",
                kind=cm.ScaleKind.CONFIDENCE,
                levels=(cm.DeclaredLevel(label="low"), cm.DeclaredLevel(label="high")),
            ),
            cm.DeclaredScale(
                id="words",
                kind=cm.ScaleKind.LIKELIHOOD,
                levels=(cm.DeclaredLevel(label="low"), cm.DeclaredLevel(label="high")),
            ),
        ],
    )
    def test_no_band_no_value(self, scale: cm.DeclaredScale) -> None:
        bundle = self._bundle(scale, "high")
        text = to_stix_json(bundle)
        assert "confidence" not in _objects(text)[_stix_id(text, "note", "a")]
        _validate(text, DETERMINISTIC_IDS_DISABLED)
        assert bundle == from_stix(text)
