"""Pins of the format layer's behaviour by example: each test names what it pins.

Mutation testing (``python scripts/mutation.py format``) runs the example tests only,
in processes forked after claimmodel is imported: the converter built at import is
already in place.  These tests build a converter afresh, so that the code which builds
it is tested too, and pin what a decode error's text looks like.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cattrs.errors import AttributeValidationNote, ClassValidationError, ForbiddenExtraKeysError

import claimmodel as cm
from claimmodel.exceptions import (
    DecodeError,
    InvalidTypeError,
    InvalidValueError,
    LimitExceededError,
    UnsupportedFormatError,
)
from claimmodel.format import _codec, _converter, _envelope, _fast
from claimmodel.format._converter import _build, converter
from claimmodel.format._errors import (
    EXTENSIONS_KEY,
    NotReadError,
    WireError,
    json_escaped,
    json_path_step,
    problems_from,
    shortened,
)
from claimmodel.format._limits import DEFAULT_LIMITS, LimitHitError
from claimmodel.format._shape import _nesting_levels, is_homogeneous_tuple

_GOLDEN = Path(__file__).resolve().parent / "golden"


class TestConverterBuiltAfresh:
    """A converter built inside the test writes and reads every golden document alike."""

    @pytest.mark.parametrize("version", ["1.0", "1.1"])
    def test_writes_and_reads_as_the_built_in_one(self, version: str) -> None:
        value = cm.loads((_GOLDEN / f"claimmodel-{version}.json").read_text("utf-8"))
        written = {k: v for k, v in cm.to_data(value).items() if k != "format"}
        fresh = _build()
        data = fresh.unstructure(value)
        assert json.dumps(written) == json.dumps(data)  # the same keys in the same order
        assert value == fresh.structure(data, cm.Bundle)


def _golden(version: str) -> tuple[cm.Bundle, dict[str, Any]]:
    """The golden document of ``version`` and its data as written now (format 1.1)."""
    value = cm.loads((_GOLDEN / f"claimmodel-{version}.json").read_text("utf-8"))
    return value, cm.to_data(value)


class TestFastEngineBuiltAfresh:
    """The fast engine, its caches emptied, reads and writes the golden documents itself."""

    @pytest.fixture(autouse=True)
    def _emptied(self) -> None:
        caches = (
            _fast._object_hook,
            _fast._source_hook,
            _fast._item_hooks,
            _fast._object_unhook,
            _fast._cached_date,
        )
        for cache in caches:
            cache.cache_clear()
        _fast._BUILT.clear()

    @pytest.mark.parametrize("version", ["1.0", "1.1"])
    @pytest.mark.parametrize("consume", [False, True])
    def test_reads_without_falling_back(self, version: str, consume: bool) -> None:
        value, data = _golden(version)
        body = json.loads(json.dumps({k: v for k, v in data.items() if k != "format"}))
        assert value == _fast.structure_bundle(body, DEFAULT_LIMITS, consume=consume)

    @pytest.mark.parametrize("version", ["1.0", "1.1"])
    def test_writes_as_the_converter(self, version: str) -> None:
        value, data = _golden(version)
        written = _fast.unstructure_bundle(value)
        assert json.dumps(converter.unstructure(value)) == json.dumps(written)
        compact = _fast.encode_compact(value)
        if compact is not None:  # orjson is installed (the fast extra)
            assert json.dumps(data, separators=(",", ":"), ensure_ascii=False) == compact


class TestShortened:
    """A long or unprintable text becomes one line that keeps its beginning and end."""

    @pytest.mark.parametrize(
        ("text", "longest", "expected"),
        [
            ("a" * 10, 10, "a" * 10),
            ("a\nb", 10, "a\\nb"),
            (
                "".join(chr(65 + i % 26) for i in range(100)),
                60,
                "ABCDE… (80 characters left out) …HIJKLMNOPQRSTUV",
            ),
            (
                "".join(chr(65 + i % 26) for i in range(100)),
                30,
                "… (93 characters left out) …PQRSTUV",
            ),
            (
                "".join(chr(65 + i % 26) for i in range(100)),
                99,
                (
                    "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHI… (41 characters left out) …"
                    "YZABCDEFGHIJKLMNOPQRSTUV"
                ),
            ),
            ("x" * 2000, 20, "… (1,995 characters left out) …xxxxx"),
        ],
    )
    def test_shortened(self, text: str, longest: int, expected: str) -> None:
        assert expected == shortened(text, longest)


class TestJsonEscaped:
    """JSON text keeps its data; what a terminal acts on and JSON leaves raw is escaped."""

    def test_escaped(self) -> None:
        text = json.dumps({"a": "\x1b[2J\u202e\x7f\x85 ok\u2028"}, ensure_ascii=False)
        escaped = json_escaped(text)
        assert '{"a": "\\u001b[2J\\u202e\\u007f\\u0085 ok\\u2028"}' == escaped
        assert json.loads(text) == json.loads(escaped)


def _document(
    *,
    sources: list[Any] | None = None,
    claims: list[Any] | None = None,
    assertions: list[Any] | None = None,
) -> dict[str, Any]:
    """A 1.1 document holding what it is given, the other lists empty."""
    return {
        "format": "claimmodel/1.1",
        "sources": sources or [],
        "claims": claims or [],
        "assertions": assertions or [],
        "relations": [],
    }


def _problems(text: str | bytes, limits: cm.Limits = DEFAULT_LIMITS) -> list[tuple[str, str]]:
    with pytest.raises(DecodeError) as raised:
        cm.loads(text, limits=limits)
    return [(p.path, p.message) for p in raised.value.problems]


class TestDecodeMessages:
    """The path and text of the problems of a repeated key, a foreign encoding, a new key."""

    def test_the_repeated_key_is_named_where_it_repeats(self) -> None:
        assert [("$", "key 'b' appears twice in one object; JSON keys must be unique")] == (
            _problems('{"a": 1, "b": 2, "b": 3}')
        )
        nested = '{"sources": [{"kind": "person", "id": "p", "id": "q"}]}'
        assert [
            ("$.sources[0]", "key 'id' appears twice in one object; JSON keys must be unique")
        ] == _problems(nested)

    def test_not_utf8(self) -> None:
        assert [
            (
                "$",
                (
                    "the document is not UTF-8 but UTF-16 (by its byte-order mark); "
                    "JSON documents are exchanged as UTF-8 (RFC 8259 §8.1)"
                ),
            )
        ] == _problems('{"a": 1}'.encode("utf-16"))
        assert [("$", "the document is not UTF-8: byte 7 cannot be decoded")] == _problems(
            b'{"a": "\xff"}'
        )

    def test_a_key_newer_than_the_document(self) -> None:
        data = {
            "format": "claimmodel/1.0",
            "sources": [],
            "claims": [],
            "assertions": [],
            "verdicts": [],
        }
        assert [
            (
                "$.verdicts",
                (
                    "key 'verdicts' was added in claimmodel/1.1, but the document's format is "
                    'claimmodel/1.0; write "format": "claimmodel/1.1" (or newer) to use it'
                ),
            )
        ] == _problems(json.dumps(data))


_KINDS = (
    "'person', 'organization', 'government-body', 'media-outlet', 'document', 'anonymous', "
    "'collective'"
)
_STANCES = (
    "'asserts', 'reports', 'denies', 'disputes', 'questions', 'declines-to-comment', "
    "'does-not-respond'"
)
_LIKELY: dict[str, Any] = {"scale": "icd203", "level": "likely"}


def _set(*steps: Any) -> Any:
    """A change to a document: the value at the path of ``steps[:-1]`` set to ``steps[-1]``."""

    def change(data: dict[str, Any]) -> None:
        *path, key, value = steps
        target: Any = data
        for step in path:
            target = target[step]
        target[key] = value

    return change


class TestReferenceConverterBuiltAfresh:
    """Refusals as the reference converter reports them, with the converter built afresh."""

    @pytest.fixture(autouse=True)
    def _fresh_converter(self, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
        _converter._enum_hook_for.cache_clear()
        _converter.converter_for.cache_clear()
        monkeypatch.setattr(_converter, "converter", _build())
        yield
        _converter.converter_for.cache_clear()

    @pytest.mark.parametrize(
        ("change", "expected"),
        [
            (
                _set("assertions", 0, "stance", "maybe"),
                [("$.assertions[0].stance", f"'maybe' is not one of {_STANCES}")],
            ),
            (
                _set("assertions", 0, "stance", 3),
                [("$.assertions[0].stance", f"expected one of {_STANCES}, got an integer")],
            ),
            (
                _set("claims", 0, "text", 3),
                [("$.claims[0].text", "expected a string, got an integer")],
            ),
            (
                _set("sources", 4, "independent", "yes"),
                [("$.sources[4].independent", "expected a boolean, got a string")],
            ),
            (
                _set(
                    "assertions",
                    0,
                    "confidence",
                    {**_LIKELY, "probability": {"low": "x", "high": 1}},
                ),
                [("$.assertions[0].confidence.probability.low", "expected a number, got a string")],
            ),
            (
                _set(
                    "assertions",
                    0,
                    "confidence",
                    {**_LIKELY, "probability": {"low": 2**1100, "high": 1}},
                ),
                [
                    (
                        "$.assertions[0].confidence.probability.low",
                        "the number is too large for any field",
                    )
                ],
            ),
            (
                _set("sources", 4, "count", 1.5),
                [("$.sources[4].count", "expected an integer, got a number")],
            ),
            (
                _set("published", 2020),
                [("$.published", "expected a partial date string, got an integer")],
            ),
            (
                _set("published", "2020-13"),
                [
                    (
                        "$.published",
                        "'2020-13' is not a real date: month must be from 1 to 12, not 13",
                    )
                ],
            ),
            (_set("title", None), [("$.title", "null is not allowed; leave the key out instead")]),
            (
                _set("claims", None),
                [
                    (
                        "$.claims",
                        "null is not allowed; 'claims' is required: write [] when it is empty",
                    )
                ],
            ),
            (
                _set("claims", 0, "bogus", 1),
                [
                    (
                        "$.claims[0].bogus",
                        (
                            "unknown key 'bogus'; allowed here: text, subject, predicate, "
                            "object, polarity, language, parties, quantity, id, draft, or an "
                            "x_… extension key"
                        ),
                    )
                ],
            ),
            (_set("sources", 0, 3), [("$.sources[0]", "expected a source object, got an integer")]),
            (
                _set("sources", 0, "kind", "alien"),
                [("$.sources[0].kind", f"source kind 'alien' is not one of {_KINDS}")],
            ),
            (
                _set("sources", 0, "kind", 1),
                [("$.sources[0].kind", f"source kind 1 is not one of {_KINDS}")],
            ),
            (_set("claims", {}), [("$.claims", "expected an array, got an object")]),
            (_set("claims", 0, "x"), [("$.claims[0]", "expected an object, got a string")]),
        ],
    )
    def test_refused(self, change: Any, expected: list[tuple[str, str]]) -> None:
        data = json.loads((_GOLDEN / "claimmodel-1.1.json").read_text("utf-8"))
        change(data)
        assert expected == _problems(json.dumps(data))

    def test_a_missing_kind_and_key(self) -> None:
        data = json.loads((_GOLDEN / "claimmodel-1.1.json").read_text("utf-8"))
        del data["sources"][0]["kind"]
        del data["claims"][0]["text"]
        data["claims"][1]["text"] = None
        assert [
            ("$.sources[0].kind", f"a source needs a 'kind': one of {_KINDS}"),
            ("$.claims[0].text", "required key 'text' is missing"),
            ("$.claims[1].text", "null is not allowed; 'text' is required: give it a value"),
        ] == _problems(json.dumps(data))


class TestWritingAndReading:
    """dump writes text or bytes; json_schema and too-deep documents are refused by name."""

    def test_dump_to_text_and_binary_files(self) -> None:
        value, _ = _golden("1.1")
        binary, text = io.BytesIO(), io.StringIO()
        cm.dump(value, binary)
        cm.dump(value, text)
        expected = cm.dumps(value, indent=2) + "\n"
        assert (expected.encode("utf-8"), expected) == (binary.getvalue(), text.getvalue())

    def test_dump_to_no_file(self) -> None:
        with pytest.raises(InvalidTypeError) as raised:
            cm.dump(cm.Bundle(), 3)  # type: ignore[arg-type]
        assert "dump() needs a file open for writing, not an integer" == str(raised.value)

    def test_json_schema_refusals(self) -> None:
        with pytest.raises(InvalidTypeError) as wrong_type:
            cm.json_schema(3)  # type: ignore[arg-type]
        assert (
            "json_schema() needs a format string such as 'claimmodel/1.1', not an integer"
            == str(wrong_type.value)
        )
        with pytest.raises(InvalidValueError) as unknown:
            cm.json_schema("claimmodel/9.9")
        assert (
            "no JSON Schema for format 'claimmodel/9.9'; known: 'claimmodel/1.0', "
            "'claimmodel/1.1'" == str(unknown.value)
        )
        assert (
            "https://json-schema.org/draft/2020-12/schema"
            == (cm.json_schema("claimmodel/1.0")["$schema"])
        )

    def test_too_deep(self) -> None:
        deep = "[" * 3000 + "]" * 3000
        text = f'{{"format": "claimmodel/1.1", "sources": {deep}, "claims": [], "assertions": []}}'
        reachable = sys.getrecursionlimit() - 50
        limited = [
            (
                "$",
                (
                    "nesting over 50 levels deep exceeds the limit max_depth=50; if the input "
                    "is trusted, raise it with limits=claimmodel.Limits(max_depth=...)"
                ),
            )
        ]
        beyond = [("$", f"nesting deeper than this Python can read (about {reachable:,} levels)")]
        assert limited == _problems(text, limits=cm.Limits(max_depth=50))
        assert beyond == _problems(text, limits=cm.Limits(max_depth=10**6))
        assert beyond == _problems(text, limits=cm.Limits(max_depth=reachable))


_ONE_CLAIM = (
    '{"format": "claimmodel/1.1", "sources": [], "claims": [{"id": "c", "text": "%s"}], '
    '"assertions": [], "relations": []}'
)


class TestKeysNewerThanTheDocument:
    """A 1.0 document is searched through, whatever order its keys come in."""

    def test_a_nested_key_after_a_plain_one(self) -> None:
        data = {
            "format": "claimmodel/1.0",
            "sources": [],
            "claims": [{"id": "c", "text": "x", "quantity": {"value": 1}}],
            "assertions": [],
            "relations": [],
            "title": "t",  # last: the search meets it first, and goes on to the claims
        }
        message = (
            "key 'quantity' was added in claimmodel/1.1, but the document's format is "
            'claimmodel/1.0; write "format": "claimmodel/1.1" (or newer) to use it'
        )
        assert [("$.claims[0].quantity", message)] == _problems(json.dumps(data))


class TestEngineChoice:
    """The fast engine reads what cannot hold a surrogate; the reference reads the rest."""

    @pytest.fixture
    def fast_reads(self, monkeypatch: pytest.MonkeyPatch) -> list[int]:
        reads: list[int] = []
        structure = _fast.structure_bundle

        def counted(*args: Any, **kwargs: Any) -> cm.Bundle:
            reads.append(1)
            return structure(*args, **kwargs)

        monkeypatch.setattr(_codec, "structure_bundle", counted)
        return reads

    @pytest.mark.parametrize("text", ["plain", "café"])
    def test_without_surrogates_the_fast_engine_reads(
        self, text: str, fast_reads: list[int]
    ) -> None:
        document = _ONE_CLAIM % text
        assert text == cm.loads(document).claims[0].text
        assert text == cm.loads(document.encode("utf-8")).claims[0].text
        assert 2 == len(fast_reads)

    @pytest.mark.parametrize(
        ("text", "code", "at"),
        [("\\ud800", "D800", 0), ("x\\uD83D", "D83D", 1), ("\ud800", "D800", 0)],
    )
    def test_a_surrogate_is_left_to_the_reference(
        self, text: str, code: str, at: int, fast_reads: list[int]
    ) -> None:
        message = (
            f"the string holds a lone surrogate U+{code} at character {at}, which is not "
            "Unicode text and cannot be written as UTF-8"
        )
        assert [("$.claims[0].text", message)] == _problems(_ONE_CLAIM % text)
        if text.isascii():
            assert [("$.claims[0].text", message)] == _problems((_ONE_CLAIM % text).encode())
        assert [] == fast_reads


class TestNestingLevels:
    """The deepest level each class can sit at, worked out afresh (the bundle is level 1)."""

    def test_levels(self) -> None:
        expected = {
            "Bundle": 1,
            **dict.fromkeys(
                [
                    "AnonymousSource",
                    "Assertion",
                    "Claim",
                    "Collective",
                    "DeclaredScale",
                    "Document",
                    "GovernmentBody",
                    "MediaOutlet",
                    "Organization",
                    "Person",
                    "Relation",
                    "Verdict",
                ],
                3,
            ),
            **dict.fromkeys(["Attribution", "Occasion", "Quantity", "Rating"], 4),
            **dict.fromkeys(
                [
                    "Affiliation",
                    "Confidence",
                    "DeclaredLevel",
                    "Evidence",
                    "Hedge",
                    "Identifier",
                    "Role",
                ],
                5,
            ),
            **dict.fromkeys(["Draft", "Interval", "Link"], 6),
            "Span": 7,
        }
        assert expected == {cls.__name__: level for cls, level in _nesting_levels().items()}


class TestLimitMessages:
    """A string over the limit is named by its path, in a field or inside extension data."""

    @pytest.mark.parametrize(
        ("claim", "path", "length"),
        [
            ({"id": "c", "text": "abcdef"}, "$.claims[0].text", 6),
            ({"id": "c", "text": "a", "x_n": {"k": ["a", "abcdefg"]}}, "$.claims[0].x_n.k[1]", 7),
        ],
    )
    def test_long_string(self, claim: dict[str, Any], path: str, length: int) -> None:
        document = _document(claims=[claim])
        message = (
            f"a string of {length} code points exceeds the limit max_string_length=5; if the "
            "input is trusted, raise it with limits=claimmodel.Limits(max_string_length=...)"
        )
        text = json.dumps(document)
        assert [(path, message)] == _problems(text, limits=cm.Limits(max_string_length=5))

    def test_a_string_at_the_limit_is_read(self) -> None:
        document = _document(claims=[{"id": "c", "text": "abcde"}])
        read = cm.loads(json.dumps(document), limits=cm.Limits(max_string_length=5))
        assert "abcde" == read.claims[0].text

    def test_long_chain(self) -> None:
        assertion = {
            "id": "a",
            "claim": "c",
            "attribution": {"source": "p", "chain": [{"source": "p"}] * 3},
            "confidence": _LIKELY,
        }
        document = _document(assertions=[assertion])
        message = (
            "an attribution chain of 3 links exceeds the limit max_chain_length=2; if the "
            "input is trusted, raise it with limits=claimmodel.Limits(max_chain_length=...)"
        )
        assert [("$.assertions[0].attribution.chain", message)] == _problems(
            json.dumps(document), limits=cm.Limits(max_chain_length=2)
        )

    @pytest.mark.parametrize(
        ("source", "path"),
        [
            ({"kind": "anonymous", "id": "p", "count": 10**5000}, "$.sources[0].count"),
            ({"kind": "person", "id": "p", "x_n": [1, 10**5000]}, "$.sources[0].x_n[1]"),
        ],
    )
    def test_an_integer_too_long_to_write(self, source: dict[str, Any], path: str) -> None:
        document = _document(sources=[source])
        with pytest.raises(DecodeError) as raised:
            cm.from_data(document)
        message = "the integer has too many digits to write back as JSON"
        assert [(path, message)] == [(p.path, p.message) for p in raised.value.problems]


class TestLimitsRefused:
    """A limit is a positive integer; 1 is the least."""

    def test_refused(self) -> None:
        with pytest.raises(InvalidValueError) as zero:
            cm.Limits(max_items=0)
        assert "max_items must be at least 1, not 0" == str(zero.value)
        for wrong in ("3", True):
            with pytest.raises(InvalidTypeError) as wrong_type:
                cm.Limits(max_items=wrong)  # type: ignore[arg-type]
            message = f"max_items must be an integer, not {type(wrong).__name__}"
            assert (message, "max_items") == (str(wrong_type.value), wrong_type.value.field)
        assert 1 == cm.Limits(max_items=1).max_items


class TestKeyProblems:
    """Keys that are not strings, and unknown keys within the problem budget, in order."""

    def _refused(self, claim: dict[Any, Any], limits: cm.Limits = DEFAULT_LIMITS) -> list[Any]:
        document = _document(claims=[claim])
        with pytest.raises(DecodeError) as raised:
            cm.from_data(document, limits=limits)
        return [(p.path, p.message) for p in raised.value.problems]

    def test_keys_not_strings(self) -> None:
        assert [
            ("$.claims[0]", "object keys must be strings, not 1"),
            ("$.claims[0]", "object keys must be strings, not 2"),
        ] == self._refused({"id": "c", "text": "x", 2: "b", 1: "a"})

    def test_unknown_keys_over_the_budget(self) -> None:
        allowed = (
            "allowed here: text, subject, predicate, object, polarity, language, parties, "
            "quantity, id, draft, or an x_… extension key"
        )
        claim = {"id": "c", "text": "x", "b": 1, "c": 3, "a": 2}
        assert [
            ("$.claims[0].a", f"unknown key 'a'; {allowed}"),
            ("$.claims[0].b", f"unknown key 'b'; {allowed}"),
            (
                "$",
                (
                    "1 more problems not listed: the report stops at max_problems=2; to see "
                    "them, raise limits=claimmodel.Limits(max_problems=...)"
                ),
            ),
        ] == self._refused(claim, cm.Limits(max_problems=2))
        every = self._refused(claim, cm.Limits(max_problems=3))
        assert ["$.claims[0].a", "$.claims[0].b", "$.claims[0].c"] == [p for p, _ in every]


def _limit_message(what: str, limit: str, maximum: int) -> str:
    return (
        f"{what} exceeds the limit {limit}={maximum}; if the input is trusted, "
        f"raise it with limits=claimmodel.Limits({limit}=...)"
    )


class TestCheckJson:
    """What ``Limits.check_json`` refuses in an extension value: its error, message and path."""

    _LIMITS = cm.Limits(max_depth=3, max_items=2, max_string_length=3)

    @pytest.mark.parametrize(
        ("value", "kind", "message", "subpath"),
        [
            pytest.param(
                {"a": [1, {"b": object()}]},
                WireError,
                "object is not a JSON value",
                ".a[1].b",
                id="a type JSON does not have, at its path",
            ),
            pytest.param(
                {"a": {"b": {1: 2}}},
                WireError,
                "object keys must be strings, not 1",
                ".a.b",
                id="a key not a string, at the object holding it",
            ),
            pytest.param(
                {"a": [1, 2, 3]},
                LimitHitError,
                _limit_message("3 items in one array or object", "max_items", 2),
                ".a",
                id="too many items, at the container",
            ),
            pytest.param(
                [[[[1]]]],
                LimitHitError,
                _limit_message("nesting 4 levels deep", "max_depth", 3),
                "[0][0][0]",
                id="too deep, at the container one level too deep",
            ),
            pytest.param(
                {"a": {"b": {"abcd": 1}}},
                LimitHitError,
                _limit_message("a key of 4 code points", "max_string_length", 3),
                ".a.b",
                id="a key too long, at the object holding it",
            ),
            pytest.param(
                {"a": {"b\ud800": 1}},
                WireError,
                (
                    "the key holds a lone surrogate U+D800 at character 1, which is not "
                    "Unicode text and cannot be written as UTF-8"
                ),
                ".a['b\\ud800']",
                id="a key not Unicode, at the key",
            ),
            pytest.param(
                {"a": [1.5, float("nan")]},
                WireError,
                "nan is not a JSON number",
                ".a[1]",
                id="a number not finite, at its path",
            ),
            pytest.param(
                {"ab": "abcd"},
                LimitHitError,
                _limit_message("a string of 4 code points", "max_string_length", 3),
                ".ab",
                id="a string too long, at its path",
            ),
        ],
    )
    def test_refused(
        self, value: object, kind: type[WireError], message: str, subpath: str
    ) -> None:
        with pytest.raises(kind) as raised:
            self._LIMITS.check_json(value, depth=1)
        assert (message, subpath) == (str(raised.value), raised.value.subpath)

    def test_at_each_limit_accepted(self) -> None:
        for value in ([1, 2], {"abc": "abc"}, [[1.5]], {"a": {"b": True, "c": None}}):
            self._LIMITS.check_json(value, depth=1)


class TestProblemsFrom:
    """How ``problems_from`` spends the problem budget, orders unknown keys and names them."""

    _ALLOWED = (
        "allowed here: text, subject, predicate, object, polarity, language, parties, "
        "quantity, id, draft, or an x_… extension key"
    )

    def _listed(self, exc: BaseException, budget: list[int] | None = None) -> list[Any]:
        return [(p.path, p.message) for p in problems_from(exc, "$.a", budget=budget)]

    def test_a_problem_is_counted_against_the_budget(self) -> None:
        budget = [3]
        assert [("$.a", "bad")] == self._listed(ValueError("bad"), budget)
        assert [2] == budget

    def test_nothing_is_listed_once_the_budget_is_spent(self) -> None:
        budget = [0]
        assert [] == self._listed(ValueError("bad"), budget)
        assert [0] == budget

    def test_a_notice_is_listed_when_spent_and_never_counted(self) -> None:
        budget = [0]
        notice = NotReadError("skipped", subpath="[3]")
        assert [("$.a[3]", "skipped")] == self._listed(notice, budget)
        assert [0] == budget

    def test_without_a_budget_and_without_a_message(self) -> None:
        assert [("$.a", "bad")] == self._listed(ValueError("bad"))
        assert [("$.a", "ValueError")] == self._listed(ValueError())

    def test_unknown_keys_in_the_order_of_their_repr_whatever_their_type(self) -> None:
        keys: set[Any] = {1, "a", "b'"}  # possible in Python data, never in JSON
        exc = ForbiddenExtraKeysError(None, cm.Claim, keys)
        every = [
            ("$.a['b\\'']", f'unknown key "b\'"; {self._ALLOWED}'),
            ("$.a.a", f"unknown key 'a'; {self._ALLOWED}"),
            ("$.a", "object keys must be strings, not 1"),
        ]
        assert every == self._listed(exc)
        budget = [2]
        assert every[:2] == self._listed(exc, budget)
        assert [0] == budget

    def test_the_extensions_key_is_named_as_on_the_wire(self) -> None:
        exc = ForbiddenExtraKeysError(None, cm.Claim, {EXTENSIONS_KEY})
        expected = [("$.a.extensions", f"unknown key 'extensions'; {self._ALLOWED}")]
        assert expected == self._listed(exc)


class TestUpgradeChain:
    """A gap in the chain of upgrades is refused at ``$.format``, naming the missing version."""

    def test_a_version_never_released(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(_envelope, "_UPGRADES", {(0, 9): ((0, 10), dict)})
        with pytest.raises(UnsupportedFormatError) as raised:
            _envelope.upgrade({}, (0, 9))
        problems = [(p.path, p.message) for p in raised.value.problems]
        assert [("$.format", "claimmodel/0.10 was never released")] == problems


class TestLimitChecks:
    """The single checks of ``Limits``: each limit is reached, not passed, at its value."""

    _LIMITS = cm.Limits(max_document_bytes=4, max_items=2, max_string_length=3)

    def test_a_document_counted_in_bytes_near_the_limit(self) -> None:
        for text in ("abcd", "éé", "é".encode() * 2):
            self._LIMITS.check_document(text)
        with pytest.raises(LimitExceededError) as raised:
            self._LIMITS.check_document("ééaa")  # 4 code points, 6 bytes
        message = _limit_message("a document of 6 bytes", "max_document_bytes", 4)
        assert [("$", message)] == [(p.path, p.message) for p in raised.value.problems]

    def test_a_string_and_an_item_count(self) -> None:
        self._LIMITS.check_string("abc")
        self._LIMITS.check_items(2)
        with pytest.raises(LimitHitError) as string:
            self._LIMITS.check_string("abcd")
        with pytest.raises(LimitHitError) as items:
            self._LIMITS.check_items(3)
        assert [
            _limit_message("a string of 4 code points", "max_string_length", 3),
            _limit_message("3 items in one array or object", "max_items", 2),
        ] == [str(string.value), str(items.value)]


class TestPathSteps:
    """An odd key's path step escapes backslash and quote; the extensions field adds none."""

    def test_an_odd_key_escaped(self) -> None:
        assert "['a\\\\b\\'c']" == json_path_step("a\\b'c")

    def test_the_extensions_field_adds_no_step(self) -> None:
        inner = ValueError("bad")
        inner.add_note(AttributeValidationNote("note", EXTENSIONS_KEY, object))
        group = ClassValidationError("While structuring Claim", [inner], cm.Claim)
        assert [("$.a", "bad")] == [(p.path, p.message) for p in problems_from(group, "$.a")]


class TestEnvelope:
    """The ``format`` value's type, and keys newer than the document anywhere in it."""

    def test_a_format_not_a_string(self) -> None:
        with pytest.raises(UnsupportedFormatError) as raised:
            _envelope.parse_version(11)
        message = "expected a string such as 'claimmodel/1.1', got an integer"
        assert [("$.format", message)] == [(p.path, p.message) for p in raised.value.problems]

    def test_a_newer_key_found_after_a_value_that_is_not_an_object(self) -> None:
        document = {
            "format": "claimmodel/1.0",
            "sources": [
                {"kind": "person", "id": "p", "reliability": None},
                {"kind": "person", "id": "q", "draft": True},
            ],
            "claims": [],
            "assertions": [],
            "relations": [],
        }
        with pytest.raises(DecodeError) as raised:
            cm.from_data(document)
        message = (
            "key 'draft' was added in claimmodel/1.1, but the document's format is "
            'claimmodel/1.0; write "format": "claimmodel/1.1" (or newer) to use it'
        )
        problems = [(p.path, p.message) for p in raised.value.problems]
        assert [("$.sources[1].draft", message)] == problems


def test_only_a_tuple_of_any_length_is_homogeneous() -> None:
    assert is_homogeneous_tuple(tuple[int, ...])
    assert not is_homogeneous_tuple(tuple[int, str])
    assert not is_homogeneous_tuple(list[int])
