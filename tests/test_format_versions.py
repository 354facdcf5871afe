"""Format versions: every released version reads, keeps to its own keys, and writes as 1.1."""

from __future__ import annotations

import io
import json
import typing
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given

import claimmodel as cm
from claimmodel.exceptions import DecodeError, InvalidTypeError, InvalidValueError
from claimmodel.format import _envelope
from claimmodel.format._shape import WIRE_KEYS
from claimmodel.strategies import bundles, external_identifiers

GOLDEN = Path(__file__).resolve().parent / "golden"


def _golden(version: str) -> str:
    return (GOLDEN / f"claimmodel-{version}.json").read_text(encoding="utf-8")


def _dumped(bundle: cm.Bundle) -> str:
    out = io.StringIO()
    cm.dump(bundle, out)
    return out.getvalue()


def _problems(data: object) -> list[str]:
    with pytest.raises(DecodeError) as info:
        cm.from_data(data)
    return [str(problem) for problem in info.value.problems]


class TestGoldenDocuments:
    """A document of every released version reads; the current one round-trips byte for byte."""

    def test_1_0_reads_unchanged_and_writes_as_1_1(self) -> None:
        text = _golden("1.0")
        assert '"format": "claimmodel/1.0"' in text
        expected = text.replace('"format": "claimmodel/1.0"', '"format": "claimmodel/1.1"', 1)
        assert expected == _dumped(cm.loads(text))

    def test_1_0_reads_alike_by_both_engines(self) -> None:
        text = _golden("1.0")
        assert cm.from_data(json.loads(text)) == cm.loads(text)

    def test_1_1_round_trips_byte_for_byte(self) -> None:
        text = _golden("1.1")
        assert text == _dumped(cm.loads(text))

    def test_1_1_uses_every_key_1_1_added(self) -> None:
        # Read as if it were 1.0, the golden 1.1 document must trip on every key 1.1 added.
        data = json.loads(_golden("1.1"))
        with pytest.raises(DecodeError) as info:
            _envelope._check_keeps_to(data, (1, 0))
        used = {problem.message.split("'")[1] for problem in info.value.problems}
        added = set().union(
            *_envelope.ADDED_IN[(1, 1)].values(), *_envelope.ADDED_VALUES[(1, 1)].values()
        )
        assert added == used

    @pytest.mark.parametrize("version", ["1.0", "1.1"])
    def test_valid_under_the_current_schema(self, version: str) -> None:
        validator = jsonschema.Draft202012Validator(cm.json_schema())
        assert [] == [
            error.message for error in validator.iter_errors(json.loads(_golden(version)))
        ]

    def test_1_0_valid_under_its_own_schema(self) -> None:
        validator = jsonschema.Draft202012Validator(cm.json_schema("claimmodel/1.0"))
        assert [] == [error.message for error in validator.iter_errors(json.loads(_golden("1.0")))]


class TestVersionPolicy:
    """This release writes 1.1, reads 1.0 and 1.1, and refuses what a version did not have."""

    def test_writes_1_1(self) -> None:
        assert "claimmodel/1.1" == cm.FORMAT_VERSION == cm.to_data(cm.Bundle())["format"]

    def test_newer_minor_is_refused(self) -> None:
        data = cm.to_data(cm.Bundle())
        data["format"] = "claimmodel/1.2"
        with pytest.raises(cm.exceptions.UnsupportedFormatError, match="upgrade claimmodel"):
            cm.from_data(data)

    def test_1_1_keys_in_a_1_0_document_are_refused_where_they_are(self) -> None:
        data = json.loads(_golden("1.1"))
        data["format"] = "claimmodel/1.0"
        problems = _problems(data)
        assert problems[0].startswith("$['$schema']: key '$schema' was added in claimmodel/1.1")
        assert any(
            p.startswith("$.sources[1].identifiers: key 'identifiers' was added in")
            for p in problems
        )
        assert "$.assertions[0].hedges[0].draft" in {p.split(":")[0] for p in problems}

    def test_loads_refuses_them_too(self) -> None:
        text = _golden("1.1").replace('"claimmodel/1.1"', '"claimmodel/1.0"', 1)
        with pytest.raises(DecodeError, match=r"was added in claimmodel/1\.1"):
            cm.loads(text)

    @given(bundles())
    def test_a_1_0_document_reads_exactly_when_it_keeps_to_1_0(self, bundle: cm.Bundle) -> None:
        # The decoder and the current schema (which embeds the 1.0 schema) agree on every
        # generated document relabelled as 1.0.
        data = cm.to_data(bundle)
        data["format"] = "claimmodel/1.0"
        validator = jsonschema.Draft202012Validator(cm.json_schema())
        try:
            decoded: cm.Bundle | None = cm.from_data(json.loads(json.dumps(data)))
        except DecodeError:
            decoded = None
        valid = not list(validator.iter_errors(data))
        assert (valid, bundle if valid else None) == (decoded is not None, decoded)

    def test_json_schema_of_each_version(self) -> None:
        assert "urn:claimmodel:schema:claimmodel-1.0" == cm.json_schema("claimmodel/1.0")["$id"]
        assert "urn:claimmodel:schema:claimmodel-1.1" == cm.json_schema()["$id"]
        with pytest.raises(InvalidValueError, match=r"known: 'claimmodel/1\.0'"):
            cm.json_schema("claimmodel/0.9")


class TestSchemaKey:
    """A bundle's ``$schema`` is read and written back as it was, after ``format``."""

    def test_round_trip_and_position(self) -> None:
        bundle = cm.Bundle(schema="./claimmodel.schema.json")
        text = cm.dumps(bundle)
        assert text.startswith('{"format":"claimmodel/1.1","$schema":"./claimmodel.schema.json",')
        assert bundle == cm.loads(text)

    def test_absent_unless_given(self) -> None:
        assert "$schema" not in cm.to_data(cm.Bundle())

    @pytest.mark.parametrize("value", ["", "a b", "tab\there", "\u2028"])
    def test_a_uri_without_spaces_or_controls(self, value: str) -> None:
        with pytest.raises(InvalidValueError, match="schema must be a URI"):
            cm.Bundle(schema=value)
        data = cm.to_data(cm.Bundle())
        data["$schema"] = value
        assert ["$['$schema']: schema must be a URI"] == [
            p.split(" without")[0] for p in _problems(data)
        ]

    def test_wrong_type_names_the_wire_key(self) -> None:
        data = cm.to_data(cm.Bundle())
        data["$schema"] = 1
        assert ["$['$schema']: expected a string, got an integer"] == _problems(data)
        with pytest.raises(InvalidTypeError):
            cm.Bundle(schema=1)  # type: ignore[arg-type]

    def test_renamed_fields_are_renamed_wherever_they_occur(self) -> None:
        # Error paths name a field without its class, so a renamed name must mean one key.
        renamed = {name for keys in WIRE_KEYS.values() for name in keys}
        for cls in (cm.Bundle, *_model_classes()):
            for field in attrs.fields(cls):
                if field.name in renamed:
                    assert field.name in WIRE_KEYS.get(cls, {}), (cls, field.name)


def _model_classes() -> set[type]:
    found: set[type] = set()
    pending: list[type] = [cm.Bundle]
    while pending:
        cls = pending.pop()
        for field in attrs.fields(attrs.resolve_types(cls)):
            for candidate in _types_in(field.type):
                if attrs.has(candidate) and candidate not in found:
                    found.add(candidate)
                    pending.append(candidate)
    return found


def _types_in(tp: Any) -> list[type]:
    args = typing.get_args(tp)
    if not args:
        return [tp] if isinstance(tp, type) else []
    return [t for arg in args for t in _types_in(arg)]


class TestIdentifiers:
    """External identifiers are typed, in canonical form, check digits included."""

    @pytest.mark.parametrize(
        ("scheme", "value"),
        [
            ("wikidata", "Q7747"),
            ("ror", "01ggx4157"),
            ("isni", "0000000218250097"),
            ("orcid", "0000-0002-1694-233X"),
            ("domain", "ria.ru"),
            ("domain", "xn--80aswg.xn--p1ai"),
            ("url", "https://ria.ru/politics/?page=2#top"),
        ],
    )
    def test_canonical_forms_are_accepted(self, scheme: str, value: str) -> None:
        identifier = cm.Identifier(scheme=cm.IdentifierScheme(scheme), value=value)
        assert f"{scheme}:{value}" == str(identifier)

    @pytest.mark.parametrize(
        ("scheme", "value", "why"),
        [
            ("wikidata", "Q0123", "without leading zeros"),
            ("wikidata", "q42", "Q followed by"),
            ("wikidata", "P31", "Q followed by"),
            ("ror", "https://ror.org/01ggx4157", "without https://ror.org/"),
            ("ror", "01ggx4158", "check digits"),
            ("ror", "01ggl4157", "no i, l, o, u"),
            ("isni", "0000 0002 1825 0097", "without spaces"),
            ("isni", "0000000218250098", "check character"),
            ("orcid", "0000000218250097", "groups of four"),
            ("orcid", "0000-0002-1825-0098", "check character"),
            ("domain", "RIA.ru", "lower-case"),
            ("domain", "ria.ru.", "final dot"),
            ("domain", "https://ria.ru", "no scheme"),
            ("domain", "localhost", "two or more labels"),
            ("domain", "-ria.ru", "hyphens"),
            ("domain", "10.0.0.1", "lower-case letters"),
            ("domain", "пример.рф", "xn--"),
            ("url", "ria.ru", "starts with http"),
            ("url", "ftp://ria.ru/", "starts with http"),
            ("url", "https://ria.ru/a b", "no spaces"),
            ("url", "https://user@ria.ru/", "a host"),
            ("url", "https://ria.ru/статья", "outside ASCII"),
        ],
    )
    def test_other_forms_are_refused_with_the_reason(
        self, scheme: str, value: str, why: str
    ) -> None:
        with pytest.raises(InvalidValueError, match=why.replace("?", "\\?")) as info:
            cm.Identifier(scheme=cm.IdentifierScheme(scheme), value=value)
        assert "value" == info.value.field

    def test_on_the_wire(self) -> None:
        person = cm.Person(
            id="p", identifiers=(cm.Identifier(scheme=cm.IdentifierScheme.WIKIDATA, value="Q7747"),)
        )
        data = cm.to_data(cm.Bundle(sources=(person,)))
        assert [{"scheme": "wikidata", "value": "Q7747"}] == data["sources"][0]["identifiers"]
        data["sources"][0]["identifiers"][0]["value"] = "Q07747"
        (problem,) = _problems(data)
        assert problem.startswith("$.sources[0].identifiers[0].value: 'Q07747' is not a valid")

    def test_identifiers_take_no_extension_keys(self) -> None:
        data = json.loads(_golden("1.1"))
        data["sources"][1]["identifiers"][0]["x_note"] = 1
        (problem,) = _problems(data)
        assert problem.startswith("$.sources[1].identifiers[0].x_note: unknown key")

    def test_with_identifier_adds_once(self) -> None:
        qid = cm.Identifier(scheme=cm.IdentifierScheme.WIKIDATA, value="Q7747")
        person = cm.Person(id="p").with_identifier(qid)
        assert (qid,) == person.with_identifier(qid).identifiers

    @given(external_identifiers())
    def test_generated_identifiers_are_valid_under_the_schema(
        self, identifier: cm.Identifier
    ) -> None:
        validator = jsonschema.Draft202012Validator(cm.json_schema())
        data = cm.to_data(cm.Bundle(sources=(cm.Person(id="p", identifiers=(identifier,)),)))
        assert [] == [error.message for error in validator.iter_errors(data)]
        assert identifier == cm.from_data(data).sources[0].identifiers[0]


class TestDrafts:
    """A draft marker travels on the wire and comes off with ``reviewed()``."""

    def test_every_kind_of_object_can_be_a_draft_and_be_reviewed(self) -> None:
        bundle = cm.loads(_golden("1.1"))
        marked = [
            bundle.sources[3],
            bundle.claims[0],
            bundle.assertions[0],
            bundle.assertions[0].hedges[0],
            bundle.relations[0],
        ]
        assert all(item.draft is not None for item in marked)
        assert all(item.reviewed().draft is None for item in marked)
        assert "en-reportative-allegedly" == marked[3].draft.extensions["x_entry"]  # type: ignore[union-attr]

    def test_a_draft_says_who_suggested_it(self) -> None:
        with pytest.raises(TypeError):
            cm.Draft()  # type: ignore[call-arg]
        with pytest.raises(InvalidValueError):
            cm.Draft(by=" ")


class TestCannotBeJudgedSpelling:
    """The universal level is spelt in words like the scales' levels; 1.0's spelling still reads."""

    def _document(self, version: str, level: str, **confidence: object) -> dict[str, Any]:
        return {
            "format": f"claimmodel/{version}",
            "sources": [{"kind": "person", "id": "p", "name": "P"}],
            "claims": [{"id": "c", "text": "C."}],
            "assertions": [
                {
                    "id": "a",
                    "claim": "c",
                    "attribution": {"source": "p"},
                    "confidence": {"scale": "icd203", "level": level, **confidence},
                }
            ],
            "relations": [],
        }

    def test_spelt_like_the_levels_of_the_scales(self) -> None:
        assert "cannot be judged" == cm.CANNOT_BE_JUDGED
        icd203 = cm.get_scale("icd203")
        assert icd203 is not None
        spellings = {level.label for level in icd203.levels}
        assert ("very likely" in spellings, [], []) == (
            True,
            [label for label in spellings if "-" in label],
            [word for word in cm.CANNOT_BE_JUDGED.split(" ") if not word.isalpha()],
        )
        written = cm.to_data(cm.loads(json.dumps(self._document("1.1", cm.CANNOT_BE_JUDGED))))
        assert "cannot be judged" == written["assertions"][0]["confidence"]["level"]

    @pytest.mark.parametrize("version", ["1.0", "1.1"])
    @pytest.mark.parametrize("level", ["cannot be judged", "cannot-be-judged"])
    def test_both_spellings_read_alike_and_are_kept_as_written(
        self, version: str, level: str
    ) -> None:
        bundle = cm.from_data(self._document(version, level))
        (confidence,) = [a.confidence for a in bundle.assertions]
        assert (level, False, set(), False) == (
            confidence.level,
            confidence.judged,
            {code for code in cm.validate(bundle).codes if code.startswith("CM2")},
            cm.analyze(bundle)["c"].judged,
        )
        assert level == cm.to_data(bundle)["assertions"][0]["confidence"]["level"]
        assert "cannot be judged" == cm.Confidence.parse(level, scale="icd203").level

    @pytest.mark.parametrize("level", ["cannot be judged", "cannot-be-judged"])
    def test_neither_spelling_takes_a_probability(self, level: str) -> None:
        document = self._document("1.1", level, probability={"low": 0.5, "high": 0.6})
        assert any("carries no probability" in problem for problem in _problems(document))
        validator = jsonschema.Draft202012Validator(cm.json_schema())
        assert list(validator.iter_errors(document))
