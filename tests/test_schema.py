"""The shipped JSON Schema: a valid 2020-12 schema that agrees with the decoder."""

from __future__ import annotations

import copy
import enum
import json
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import claimmodel as cm
from claimmodel.format._shape import wire_key
from claimmodel.model import SOURCE_CLASSES
from claimmodel.model._declared import DECLARABLE_KINDS
from claimmodel.strategies import bundles

SCHEMA = cm.json_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)

# The $defs entry describing each model class.
DEFS: dict[type, str] = {
    cm.Bundle: "",
    cm.Role: "role",
    cm.Affiliation: "affiliation",
    cm.Claim: "claim",
    cm.Interval: "interval",
    cm.Confidence: "confidence",
    cm.Span: "span",
    cm.Hedge: "hedge",
    cm.Link: "link",
    cm.Attribution: "attribution",
    cm.Evidence: "evidence",
    cm.Assertion: "assertion",
    cm.Relation: "relation",
    cm.Identifier: "identifier",
    cm.Draft: "draft",
    cm.Occasion: "occasion",
    cm.Verdict: "verdict",
    cm.Rating: "rating",
    cm.DeclaredScale: "declaredScale",
    cm.DeclaredLevel: "declaredLevel",
    **{cls: f"source-{kind.value}" for kind, cls in SOURCE_CLASSES.items()},
}
PLAIN = (cm.Identifier, cm.Interval, cm.Span)


def schema_errors(data: object) -> list[str]:
    """The schema's complaints about ``data``, as ``path: message`` lines."""
    return [f"{error.json_path}: {error.message}" for error in VALIDATOR.iter_errors(data)]


def decode_problems(data: object) -> list[str]:
    """The decoder's complaints about ``data`` (empty when it decodes)."""
    try:
        cm.from_data(data)
    except cm.DecodeError as error:
        return [str(problem) for problem in error.problems]
    return []


def definition(cls: type) -> dict[str, Any]:
    """The schema object describing ``cls``."""
    name = DEFS[cls]
    found: dict[str, Any] = SCHEMA if not name else SCHEMA["$defs"][name]
    return found


def wire_fields(cls: type) -> set[str]:
    """The keys the decoder knows for ``cls``, besides ``x_…`` extension keys."""
    names = {wire_key(field.name) for field in attrs.fields(cls) if field.name != "extensions"}
    if cls in SOURCE_CLASSES.values():
        names.add("kind")
    if cls is cm.Bundle:
        names.add("format")
    return names


def required_fields(cls: type) -> set[str]:
    """The keys the decoder requires for ``cls``: its fields without a default."""
    names = {
        field.name
        for field in attrs.fields(cls)
        if field.default is attrs.NOTHING and field.name != "extensions"
    }
    if cls in SOURCE_CLASSES.values():
        names.add("kind")
    if cls is cm.Bundle:  # the envelope and the four contract arrays
        names |= {"format", "sources", "claims", "assertions", "relations"}
    return names


def enum_fields(cls: type) -> dict[str, type[enum.Enum]]:
    """The fields of ``cls`` whose values come from an enum."""
    hints = attrs.resolve_types(cls)
    return {
        field.name: field.type
        for field in attrs.fields(hints)
        if isinstance(field.type, type) and issubclass(field.type, enum.Enum)
    }


# -- walking wire data ---------------------------------------------------------------

Location = tuple[tuple[str | int, ...], type]


def _children(cls: type) -> dict[str, tuple[type, bool]]:
    """Fields of ``cls`` holding model objects: name → (class, is an array)."""
    children: dict[str, tuple[type, bool]] = {}
    for field in attrs.fields(attrs.resolve_types(cls)):
        for candidate in DEFS:
            if field.type in (candidate, candidate | None):
                children[field.name] = (candidate, False)
            if (
                typing.get_origin(field.type) is tuple
                and typing.get_args(field.type)[0] is candidate
            ):
                children[field.name] = (candidate, True)
    if cls is cm.Bundle:
        children["sources"] = (object, True)  # resolved by kind below
    return children


def objects(data: dict[str, Any]) -> Iterator[Location]:
    """Every model object in bundle ``data``: its path and its class."""

    def walk(node: dict[str, Any], path: tuple[str | int, ...], cls: type) -> Iterator[Location]:
        yield path, cls
        for name, (child, many) in _children(cls).items():
            value = node.get(name)
            items = list(enumerate(value)) if many and value else []
            if not many and isinstance(value, dict):
                yield from walk(value, (*path, name), child)
            for index, item in items:
                if child is object:
                    kinds = {kind.value: c for kind, c in SOURCE_CLASSES.items()}
                    yield from walk(item, (*path, name, index), kinds[item["kind"]])
                else:
                    yield from walk(item, (*path, name, index), child)

    yield from walk(data, (), cm.Bundle)


def at(data: dict[str, Any], path: tuple[str | int, ...]) -> Any:
    """The node of ``data`` at ``path``."""
    node: Any = data
    for step in path:
        node = node[step]
    return node


# -- mutations -----------------------------------------------------------------------


@st.composite
def mutated(draw: st.DrawFn) -> tuple[dict[str, Any], str]:
    """The data of a generated bundle with one change the format forbids, and what it was."""
    data = cm.to_data(draw(bundles()))
    path, cls = draw(st.sampled_from(list(objects(data))))
    node = at(data, path)
    present = sorted(key for key in node if not key.startswith("x_"))
    enums = enum_fields(cls)
    choices = ["unknown-key"]
    if required_fields(cls) & set(node):
        choices.append("drop-required")
    if present:
        choices.append("wrong-type")
    if set(enums) & set(node) or "kind" in node:
        choices.append("bad-enum")
    what = draw(st.sampled_from(choices))
    if what == "unknown-key":
        key = draw(st.sampled_from(("unknown", "X_upper", "_x", "extensions", "xx_", " x_")))
        node[key] = draw(st.sampled_from((None, 1, "text", [], {})))
    elif what == "drop-required":
        key = draw(st.sampled_from(sorted(required_fields(cls) & set(node))))
        del node[key]
    elif what == "wrong-type":
        # Only a boolean field takes a boolean: give it a string, and every other one a
        # boolean, always the wrong type.
        key = draw(st.sampled_from(present))
        node[key] = "true" if type(node[key]) is bool else draw(st.booleans())
    else:
        key = draw(st.sampled_from(sorted((set(enums) | {"kind"}) & set(node))))
        node[key] = draw(st.sampled_from(("bogus", "", "ASSERTS", " person")))
    return data, f"{what} {key!r} at {path}"


GOLDEN_1_1 = Path(__file__).parent / "golden" / "claimmodel-1.1.json"


def _spanned_bundle() -> cm.Bundle:
    """A bundle whose hedge and evidence carry spans (a span from 0 to 2 is a fine span)."""
    text = "It is allegedly so."
    span = cm.Span(start=0, end=2)
    return cm.Bundle(
        document="doc",
        sources=(cm.Document(id="doc", text=text), cm.Person(id="p")),
        claims=(cm.Claim(id="c", text="It is so"),),
        assertions=(
            cm.Assertion(
                id="a",
                claim="c",
                attribution=cm.Attribution(source="p"),
                confidence=cm.Confidence(
                    scale="icd203", level="likely", probability=cm.Interval(low=0.55, high=0.8)
                ),
                hedges=(cm.Hedge(cue="It", category=cm.HedgeCategory.EPISTEMIC, span=span),),
                evidence=(cm.Evidence(quote="It", span=span, document="doc"),),
            ),
        ),
    )


_BAD_DATES = ("2025-02-29", "2025-13", "2025-1-01", "25", "2025-07-14T24", "2025\n")


def forbidden_values(key: str, value: object) -> tuple[object, ...]:
    """Values that ``key`` refuses on their own, whatever the rest of its object holds.

    Only such values make a fair differential test: the schema cannot relate two keys
    (a span's end after its start, an interval's low below its high), so a value
    refused only beside another (an end of 2 where the span starts at 2) is accepted
    by the schema, and the test would fail once Hypothesis found it.
    """
    if key in ("value", "best", "worst"):  # a rating's: refused only beside the other two
        return ()
    if isinstance(value, str):
        return _BAD_DATES if key in ("published", "date", "start", "end") else ("", " ", "\t")
    if type(value) is int:  # a count or an offset: never negative, never a fraction
        return (-1, 1.5, -0.25)
    if type(value) is float:  # a probability
        return (-1, 1.5, -0.25, 2)
    return ()


@st.composite
def mistyped_values(draw: st.DrawFn) -> tuple[dict[str, Any], str]:
    """Bundle data with one string, number or date field given a value its rules forbid."""
    data = cm.to_data(draw(bundles()))
    candidates: list[tuple[tuple[str | int, ...], str, Any]] = []
    for path, cls in objects(data):
        node = at(data, path)
        enums = set(enum_fields(cls)) | {"kind", "format"}
        for key, value in node.items():
            if key.startswith("x_") or key in enums:
                continue
            forbidden = forbidden_values(key, value)
            if forbidden:
                candidates.append((path, key, st.sampled_from(forbidden)))
    if not candidates:
        data["format"] = draw(st.sampled_from(("claimmodel/2.0", "claimmodel", "1.0")))
        return data, "format"
    path, key, values = draw(st.sampled_from(candidates))
    at(data, path)[key] = draw(values)
    return data, f"{key!r} at {path}"


# -- tests ---------------------------------------------------------------------------


class TestSchemaDocument:
    """The schema is a valid draft 2020-12 schema describing every wire object."""

    def test_is_valid_draft_2020_12(self) -> None:
        jsonschema.Draft202012Validator.check_schema(SCHEMA)
        expected = "https://json-schema.org/draft/2020-12/schema"
        assert expected == SCHEMA["$schema"]

    def test_each_call_returns_a_fresh_copy(self) -> None:
        expected = cm.json_schema()
        cm.json_schema()["$defs"].clear()
        assert expected == cm.json_schema()

    @pytest.mark.parametrize("cls", list(DEFS), ids=lambda cls: cls.__name__)
    def test_properties_are_the_wire_fields(self, cls: type) -> None:
        assert wire_fields(cls) == set(definition(cls)["properties"])

    @pytest.mark.parametrize("cls", list(DEFS), ids=lambda cls: cls.__name__)
    def test_required_keys_are_the_fields_without_default(self, cls: type) -> None:
        assert required_fields(cls) == set(definition(cls).get("required", ()))

    @pytest.mark.parametrize("cls", list(DEFS), ids=lambda cls: cls.__name__)
    def test_closed_with_extensions_where_the_decoder_keeps_them(self, cls: type) -> None:
        found = definition(cls)
        expected = {} if cls in PLAIN else {"^x_"}
        assert (False, set(expected)) == (
            found["additionalProperties"],
            set(found.get("patternProperties", {})),
        )

    @pytest.mark.parametrize("cls", list(DEFS), ids=lambda cls: cls.__name__)
    def test_enums_list_the_wire_values(self, cls: type) -> None:
        properties = definition(cls)["properties"]
        expected = {name: [m.value for m in kind] for name, kind in enum_fields(cls).items()}
        if cls is cm.DeclaredScale:  # a record declares three kinds of scale, not all six
            expected["kind"] = [k.value for k in cm.ScaleKind if k in DECLARABLE_KINDS]
        assert expected == {name: properties[name]["enum"] for name in expected}

    def test_source_kinds(self) -> None:
        expected = [kind.value for kind in cm.SourceKind]
        assert expected == SCHEMA["$defs"]["source"]["properties"]["kind"]["enum"]


class TestGeneratedBundles:
    """Every bundle the strategies generate is valid under the schema."""

    @given(bundles())
    def test_valid(self, bundle: cm.Bundle) -> None:
        expected: list[str] = []
        assert expected == schema_errors(cm.to_data(bundle))

    @given(bundles(), st.data())
    def test_null_for_an_absent_optional_is_refused_by_both(
        self, bundle: cm.Bundle, data_strategy: st.DataObject
    ) -> None:
        # Absence is spelled by leaving the key out; null is refused by both sides.
        data = cm.to_data(bundle)
        candidates = [
            (path, wire_key(field.name))
            for path, cls in objects(data)
            for field in attrs.fields(cls)
            if field.default is None and wire_key(field.name) not in at(data, path)
        ]
        assume(candidates)
        path, name = data_strategy.draw(st.sampled_from(candidates))
        at(data, path)[name] = None
        assert (True, True) == (bool(schema_errors(data)), bool(decode_problems(data)))

    @given(bundles(), st.sampled_from(["sources", "claims", "assertions", "relations"]))
    def test_contract_arrays_are_required_by_both(self, bundle: cm.Bundle, key: str) -> None:
        data = cm.to_data(bundle)
        del data[key]
        problems = decode_problems(data)
        assert (True, 1, True) == (
            bool(schema_errors(data)),
            len(problems),
            problems[0].startswith(f"$.{key}: "),
        )


class TestDifferential:
    """The schema and the decoder reject the same broken documents.

    Rules the schema cannot state are left out, and listed in its ``$comment``:
    an interval's low above its high, a span ending where it starts, an integer
    written as ``1.0``, duplicate keys, a newer format minor version.
    """

    @given(mutated())
    def test_structural_mutations_rejected_by_both(self, case: tuple[dict[str, Any], str]) -> None:
        data, what = case
        assert (True, True, what) == (bool(decode_problems(data)), bool(schema_errors(data)), what)

    @given(mistyped_values())
    def test_value_mutations_rejected_by_both(self, case: tuple[dict[str, Any], str]) -> None:
        data, what = case
        assert (True, True, what) == (bool(decode_problems(data)), bool(schema_errors(data)), what)

    def test_every_value_mutation_is_refused_on_its_own(self) -> None:
        # A span's end of 2 where it starts at 0 is a fine span: the mutation must not be
        # drawn from values that only break a rule between two keys.
        accepted: list[str] = []
        for data in (cm.to_data(_spanned_bundle()), json.loads(GOLDEN_1_1.read_bytes())):
            accepted += self._accepted_value_mutations(data)
        assert [] == accepted

    @staticmethod
    def _accepted_value_mutations(data: dict[str, Any]) -> list[str]:
        accepted: list[str] = []
        for path, cls in objects(data):
            enums = set(enum_fields(cls)) | {"kind", "format"}
            for key, value in at(data, path).items():
                if key.startswith("x_") or key in enums:
                    continue
                for bad in forbidden_values(key, value):
                    mutant = copy.deepcopy(data)
                    at(mutant, path)[key] = bad
                    if not (decode_problems(copy.deepcopy(mutant)) and schema_errors(mutant)):
                        accepted.append(f"{key}={bad!r} at {path}")
        return accepted

    @given(bundles())
    def test_unmutated_accepted_by_both(self, bundle: cm.Bundle) -> None:
        data = cm.to_data(bundle)
        expected: list[str] = []
        assert (expected, expected) == (decode_problems(copy.deepcopy(data)), schema_errors(data))


_DATE_PIECES = st.sampled_from(
    [
        *("2025", "0000", "0004", "1900", "2000", "-", "02", "29", "30", "31", "13", "00"),
        *("T", "23", "24", ":", "59", "60", ".", "123456", "1234567", "Z", "+", "-00:00"),
        *("+23:59", "+24:00", "\n", " ", "5"),
    ]
)


class TestSharedRules:
    """Dates, ids and texts: the schema's patterns accept exactly what the decoder does."""

    @given(st.lists(_DATE_PIECES, max_size=9).map("".join) | st.text(max_size=12))
    def test_partial_dates(self, text: str) -> None:
        data = {"format": cm.FORMAT_VERSION, "published": text}
        assert bool(decode_problems(data)) == bool(schema_errors(data))

    @given(st.text(st.sampled_from(" \t\n\x85\u3000\ufeffa\u200bé")))
    def test_ids(self, text: str) -> None:
        data = {"format": cm.FORMAT_VERSION, "id": text}
        assert bool(decode_problems(data)) == bool(schema_errors(data))

    @given(st.text(st.sampled_from(" \t\n\x1c\x85\u2028\u3000\ufeffa\u200b")))
    def test_texts(self, text: str) -> None:
        data = {"format": cm.FORMAT_VERSION, "title": text}
        assert bool(decode_problems(data)) == bool(schema_errors(data))

    @pytest.mark.parametrize(
        "version",
        [
            "claimmodel/1.0",
            "claimmodel/1.1",
            "claimmodel/1.2",
            "claimmodel/2.0",
            "claimmodel/1.01",
            "claimmodel/1.1\n",
        ],
    )
    def test_format(self, version: str) -> None:
        data = {"format": version, "sources": [], "claims": [], "assertions": [], "relations": []}
        # The schema admits the versions this release reads, 1.0 and 1.1.
        expected = version not in ("claimmodel/1.0", "claimmodel/1.1")
        assert (expected, expected) == (bool(decode_problems(data)), bool(schema_errors(data)))
