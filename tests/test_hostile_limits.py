"""The safety limits: defaults, each limit enforced by every decoder, and raising them."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

import claimmodel
from claimmodel import LimitExceededError, Limits
from claimmodel.exceptions import ClaimModelError, InvalidTypeError, InvalidValueError


def _bundle(**extra: Any) -> dict[str, Any]:
    return {
        "format": claimmodel.FORMAT_VERSION,
        "sources": [],
        "claims": [],
        "assertions": [],
        "relations": [],
        **extra,
    }


def _with_chain(links: int) -> dict[str, Any]:
    return _bundle(
        sources=[{"kind": "person", "id": "p"}],
        claims=[{"id": "c", "text": "It happened."}],
        assertions=[
            {
                "id": "a",
                "claim": "c",
                "attribution": {"source": "p", "chain": [{"source": "p"}] * links},
                "confidence": {"scale": "s", "level": "likely"},
            }
        ],
    )


def _nested(levels: int) -> Any:
    value: Any = 0
    for _ in range(levels):
        value = [value]
    return value


def _limit_error(data: dict[str, Any], limits: Limits) -> LimitExceededError:
    """The error both ``loads`` and ``from_data`` raise for ``data``, checked to agree."""
    with pytest.raises(LimitExceededError) as from_text:
        claimmodel.loads(json.dumps(data), limits=limits)
    with pytest.raises(LimitExceededError) as from_data:
        claimmodel.from_data(data, limits=limits)
    assert from_text.value.problems == from_data.value.problems
    return from_text.value


class TestLimitsClass:
    """``Limits`` is an immutable record of positive integers with safe defaults."""

    def test_defaults_accept_a_large_bundle_shape(self) -> None:
        limits = Limits()
        assert (128 * 1024 * 1024, 64, 1_000_000, 1_000_000, 100) == (
            limits.max_document_bytes,
            limits.max_depth,
            limits.max_string_length,
            limits.max_items,
            limits.max_chain_length,
        )

    def test_equal_by_value_and_hashable(self) -> None:
        assert Limits(max_depth=9) == Limits(max_depth=9)
        assert hash(Limits(max_depth=9)) == hash(Limits(max_depth=9))

    @pytest.mark.parametrize("bad", [0, -1])
    def test_rejects_non_positive(self, bad: int) -> None:
        with pytest.raises(InvalidValueError):
            Limits(max_items=bad)

    @pytest.mark.parametrize("bad", [1.5, "10", True, None])
    def test_rejects_non_integers(self, bad: object) -> None:
        with pytest.raises(InvalidTypeError):
            Limits(max_items=bad)  # type: ignore[arg-type]


class TestDocumentSize:
    """``max_document_bytes`` bounds the JSON text before it is parsed."""

    def test_over_the_limit_is_refused(self) -> None:
        text = json.dumps(_bundle())
        with pytest.raises(LimitExceededError) as caught:
            claimmodel.loads(text, limits=Limits(max_document_bytes=len(text) - 1))
        assert "max_document_bytes" in caught.value.problems[0].message

    def test_at_the_limit_is_accepted(self) -> None:
        text = json.dumps(_bundle())
        assert claimmodel.Bundle() == claimmodel.loads(
            text, limits=Limits(max_document_bytes=len(text))
        )

    def test_counts_utf8_bytes_of_text(self) -> None:
        text = json.dumps(_bundle(x_note="é" * 10), ensure_ascii=False)
        size = len(text.encode("utf-8"))
        with pytest.raises(LimitExceededError):
            claimmodel.loads(text, limits=Limits(max_document_bytes=size - 1))
        assert claimmodel.loads(text, limits=Limits(max_document_bytes=size)).extensions

    def test_load_reads_no_more_than_the_limit(self) -> None:
        file = io.BytesIO(json.dumps(_bundle(x_pad=" " * 1000)).encode())
        with pytest.raises(LimitExceededError):
            claimmodel.load(file, limits=Limits(max_document_bytes=100))
        assert 101 == file.tell()


class TestDepth:
    """``max_depth`` bounds nesting inside extension values, counted from the document root."""

    def test_deepest_allowed(self) -> None:
        data = _bundle(x_deep=_nested(3))  # the object is level 1, the arrays 2, 3 and 4
        assert claimmodel.from_data(data, limits=Limits(max_depth=4)).extensions

    def test_one_deeper_is_refused_with_its_path(self) -> None:
        error = _limit_error(_bundle(x_deep=_nested(3)), Limits(max_depth=3))
        assert "$.x_deep[0][0]" == error.problems[0].path
        assert "max_depth=3" in error.problems[0].message

    def test_levels_count_from_the_root_in_nested_objects(self) -> None:
        data = _with_chain(1)
        data["assertions"][0]["attribution"]["chain"][0]["x_meta"] = {"a": 1}
        # bundle 1, assertions 2, assertion 3, attribution 4, chain 5, link 6, x_meta 7
        assert claimmodel.Bundle() != claimmodel.from_data(data, limits=Limits(max_depth=7))
        error = _limit_error(data, Limits(max_depth=6))
        assert "$.assertions[0].attribution.chain[0].x_meta" == error.problems[0].path

    def test_a_hundred_thousand_levels_of_json(self) -> None:
        for text in ("[" * 100_000 + "]" * 100_000, '{"a":' * 100_000 + "1" + "}" * 100_000):
            with pytest.raises(LimitExceededError) as caught:
                claimmodel.loads(text)
            assert "max_depth" in caught.value.problems[0].message

    def test_a_cycle_in_python_data(self) -> None:
        loop: list[Any] = []
        loop.append(loop)
        with pytest.raises(LimitExceededError):
            claimmodel.from_data(_bundle(x_loop=loop))


class TestStringLength:
    """``max_string_length`` bounds every string the decoder keeps."""

    @pytest.mark.parametrize(
        ("data", "path"),
        [
            (_bundle(title="t" * 11), "$.title"),
            (_bundle(x_note=["ok", "n" * 11]), "$.x_note[1]"),
            (_bundle(x_note={"k" * 11: 1}), "$.x_note"),
            (_bundle(published="2" * 11), "$.published"),
        ],
    )
    def test_over_the_limit(self, data: dict[str, Any], path: str) -> None:
        error = _limit_error(data, Limits(max_string_length=10))
        assert path == error.problems[0].path
        assert "max_string_length=10" in error.problems[0].message

    def test_at_the_limit(self) -> None:
        bundle = claimmodel.from_data(_bundle(title="t" * 10), limits=Limits(max_string_length=10))
        assert "t" * 10 == bundle.title


class TestItems:
    """``max_items`` bounds the members of every array and object."""

    @pytest.mark.parametrize(
        ("data", "path"),
        [
            ({"sources": [{"kind": "person", "id": f"p{i}"} for i in range(4)]}, "$.sources"),
            ({"x_list": [1, 2, 3, 4]}, "$.x_list"),
            ({"x_map": {"a": 1, "b": 2, "c": 3, "d": 4}}, "$.x_map"),
            ({"x_a": 1, "x_b": 2, "x_c": 3}, "$"),
        ],
    )
    def test_over_the_limit(self, data: dict[str, Any], path: str) -> None:
        data = {"format": claimmodel.FORMAT_VERSION, **data}
        error = _limit_error(data, Limits(max_items=3))
        assert path == error.problems[0].path
        assert "max_items" in error.problems[0].message


class TestChainLength:
    """``max_chain_length`` bounds each attribution chain."""

    def test_over_the_limit(self) -> None:
        error = _limit_error(_with_chain(3), Limits(max_chain_length=2))
        assert "$.assertions[0].attribution.chain" == error.problems[0].path
        assert "max_chain_length=2" in error.problems[0].message

    def test_at_the_limit(self) -> None:
        bundle = claimmodel.from_data(_with_chain(2), limits=Limits(max_chain_length=2))
        assert 2 == len(bundle.assertions[0].attribution.chain)


class TestMessages:
    """A limit error names the limit and how to raise it, and is a ``ClaimModelError``."""

    def test_says_how_to_raise(self) -> None:
        error = _limit_error(_bundle(title="t" * 11), Limits(max_string_length=10))
        assert isinstance(error, ClaimModelError)
        assert "Limits(max_string_length=...)" in str(error)
