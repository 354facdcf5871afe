"""The safety limits: defaults, each limit enforced by every decoder, and raising them."""

from __future__ import annotations

import io
import json
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimmodel
import claimmodel.strategies
from claimmodel import LimitExceededError, Limits
from claimmodel.exceptions import (
    ClaimModelError,
    DecodeError,
    InvalidTypeError,
    InvalidValueError,
)
from claimmodel.format import _codec
from claimmodel.format._limits import LimitHitError


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
        assert (64 * 1024 * 1024, 64, 1_000_000, 1_000_000, 100, 1_000) == (
            limits.max_document_bytes,
            limits.max_depth,
            limits.max_string_length,
            limits.max_items,
            limits.max_chain_length,
            limits.max_problems,
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

    def test_counted_from_the_deepest_place_an_object_can_sit(self) -> None:
        data = _with_chain(0)
        confidence = data["assertions"][0]["confidence"]
        confidence["original"] = {"scale": "s", "level": "l", "x_deep": [[1]]}
        # bundle 1, assertions 2, assertion 3, confidence 4, original 5, x_deep 6, [1] 7
        assert claimmodel.Bundle() != claimmodel.from_data(data, limits=Limits(max_depth=7))
        error = _limit_error(data, Limits(max_depth=6))
        assert "$.assertions[0].confidence.original.x_deep[0]" == error.problems[0].path

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


class TestSharedChecks:
    """The checks other decoders share behave as the converter's do."""

    def test_check_value_is_check_json(self) -> None:
        limits = Limits(max_depth=2)
        with pytest.raises(LimitHitError) as caught:
            limits.check_value({"x_a": [[1]]}, depth=1)
        assert ("max_depth", ".x_a[0]") == (caught.value.limit, caught.value.subpath)


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
            ({"sources": [{"kind": "person", "id": f"p{i}"} for i in range(7)]}, "$.sources"),
            ({"x_list": list(range(7))}, "$.x_list"),
            ({"x_map": {str(i): i for i in range(7)}}, "$.x_map"),
            ({"x_a": 1, "x_b": 2}, "$"),  # the four arrays, format and two more: seven
            # An object inside the bundle, its members counted with its extension keys.
            (
                {"claims": [{"id": "c", "text": "t", **{f"x_{i}": i for i in range(5)}}]},
                "$.claims[0]",
            ),
            (
                {"sources": [{"kind": "person", "id": "p", **{f"x_{i}": i for i in range(5)}}]},
                "$.sources[0]",
            ),
        ],
    )
    def test_over_the_limit(self, data: dict[str, Any], path: str) -> None:
        error = _limit_error(_bundle(**data), Limits(max_items=6))
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


class TestProblemBudget:
    """``max_problems`` bounds the report, and says where reading stopped."""

    def test_stops_after_the_budget(self) -> None:
        data = _bundle(claims=[1] * 10, relations=[1] * 3)
        with pytest.raises(DecodeError) as caught:
            claimmodel.from_data(data, limits=Limits(max_problems=4))
        paths = [problem.path for problem in caught.value.problems]
        assert ["$.claims[0]", "$.claims[1]", "$.claims[2]", "$.claims[3]", "$.claims[4]"] == (
            paths[:5]
        )
        assert "items 4 to 9 not read" in caught.value.problems[4].message
        assert ["$.relations"] == paths[5:]
        assert not isinstance(caught.value, LimitExceededError)

    def test_everything_within_the_budget_is_reported(self) -> None:
        data = _bundle(claims=[1] * 10)
        with pytest.raises(DecodeError) as caught:
            claimmodel.from_data(data, limits=Limits(max_problems=10))
        assert [f"$.claims[{i}]" for i in range(10)] == [p.path for p in caught.value.problems]


class TestMessages:
    """A limit error names the limit and how to raise it, and is a ``ClaimModelError``."""

    def test_says_how_to_raise(self) -> None:
        error = _limit_error(_bundle(title="t" * 11), Limits(max_string_length=10))
        assert isinstance(error, ClaimModelError)
        assert "Limits(max_string_length=...)" in str(error)


class TestProblemsThemselvesAreBounded:
    """``max_problems`` counts problems, not failing items: an item may hold thousands."""

    def test_objects_of_many_unknown_keys(self) -> None:
        unknown = {f"unknown{i}": i for i in range(2_000)}
        data = _bundle(claims=[{"id": f"c{n}", "text": "t", **unknown} for n in range(50)])
        with pytest.raises(DecodeError) as caught:
            claimmodel.from_data(data, limits=Limits(max_problems=1_000))
        problems = caught.value.problems
        assert 1_002 == len(problems)  # 1,000 listed, where reading stopped, how many more
        assert "items 1 to 49 not read" in problems[-2].message
        assert "$" == problems[-1].path
        assert problems[-1].message.startswith("1,000 more problems not listed")
        assert "max_problems=1,000" in problems[-1].message

    def test_a_single_object_of_many_unknown_keys(self) -> None:
        data = _bundle(**{f"unknown{i}": i for i in range(5_000)})
        with pytest.raises(DecodeError) as caught:
            claimmodel.from_data(data, limits=Limits(max_problems=100))
        problems = caught.value.problems
        assert 101 == len(problems)
        assert problems[-1].message.startswith("4,900 more problems not listed")

    def test_items_after_the_budget_are_not_read(self) -> None:
        unknown = {f"unknown{i}": i for i in range(50)}
        claims = [{"id": f"c{n}", "text": "t", **unknown} for n in range(10)]
        with pytest.raises(DecodeError) as caught:
            claimmodel.from_data(_bundle(claims=claims), limits=Limits(max_problems=120))
        problems = caught.value.problems
        assert 122 == len(problems)
        assert "items 3 to 9 not read" in problems[-2].message
        assert problems[-1].message.startswith("30 more problems not listed")
        assert {f"$.claims[{n}]" for n in range(3)} == {
            p.path.split(".unknown")[0] for p in problems[:-2]
        }


class TestWrittenIsReadable:
    """Nothing ``dumps`` or ``dump`` writes is refused by ``loads`` with the same limits."""

    @staticmethod
    def _bundle(text_length: int = 10, links: int = 1) -> claimmodel.Bundle:
        sources = tuple(claimmodel.Person(id=f"p{i}") for i in range(links + 1))
        chain = tuple(
            claimmodel.Link(source=f"p{i}", channel=claimmodel.Channel.INTERVIEW)
            for i in range(1, links + 1)
        )
        return claimmodel.Bundle(
            sources=sources,
            claims=(claimmodel.Claim(id="c", text="t" * text_length),),
            assertions=(
                claimmodel.Assertion(
                    id="a",
                    claim="c",
                    attribution=claimmodel.Attribution(source="p0", chain=chain),
                    confidence=claimmodel.Confidence.cannot_be_judged(),
                ),
            ),
        )

    def test_pretty_printing_past_the_size_limit(self) -> None:
        bundle = self._bundle()
        compact = claimmodel.dumps(bundle)
        limits = Limits(max_document_bytes=len(compact) + 10)
        assert bundle == claimmodel.loads(claimmodel.dumps(bundle, limits=limits), limits=limits)
        with pytest.raises(LimitExceededError) as written:
            claimmodel.dump(bundle, io.StringIO(), limits=limits)
        with pytest.raises(LimitExceededError) as read:
            claimmodel.loads(claimmodel.dumps(bundle, indent=2), limits=limits)
        assert read.value.problems == written.value.problems

    def test_the_same_error_as_the_reader(self) -> None:
        for bundle, limits in (
            (self._bundle(text_length=50), Limits(max_string_length=40)),
            (self._bundle(links=5), Limits(max_chain_length=4)),
        ):
            _refused_alike(bundle, limits)

    def test_raised_limits_write_what_they_read(self) -> None:
        bundle = self._bundle(links=120)
        with pytest.raises(LimitExceededError):
            claimmodel.dumps(bundle)
        limits = Limits(max_chain_length=200)
        assert bundle == claimmodel.loads(claimmodel.dumps(bundle, limits=limits), limits=limits)

    def test_a_long_string_with_escaped_quotes(self) -> None:
        bundle = self._bundle()
        claim = claimmodel.Claim(id="c", text='"' * 60)  # no stretch between quotes is long
        bundle = attrs.evolve(bundle, claims=(claim,))
        with pytest.raises(LimitExceededError) as written:
            claimmodel.dumps(bundle, limits=Limits(max_string_length=50))
        assert "$.claims[0].text" == written.value.problems[0].path

    def test_too_many_items(self) -> None:
        bundle = self._bundle()
        claims = tuple(claimmodel.Claim(id=f"c{n}", text="t") for n in range(5))
        bundle = attrs.evolve(bundle, claims=(*bundle.claims, *claims))
        _refused_alike(bundle, Limits(max_items=5))

    def test_an_inner_array_over_max_items(self) -> None:
        person = claimmodel.Person(id="p0", aliases=tuple(f"name {n}" for n in range(6)))
        bundle = attrs.evolve(self._bundle(), sources=(person, claimmodel.Person(id="p1")))
        limits = Limits(max_items=5)
        written = _refused_alike(bundle, limits)
        assert written.problems[0].path == "$.sources[0].aliases"

    def test_extension_data_nested_deeper_than_max_depth(self) -> None:
        claim = claimmodel.Claim(id="c", text="t", extensions={"x_deep": _nested(8)})
        bundle = attrs.evolve(self._bundle(), claims=(claim,))
        limits = Limits(max_depth=8)
        _refused_alike(bundle, limits)
        deeper = Limits(max_depth=12)
        assert bundle == claimmodel.loads(claimmodel.dumps(bundle, limits=deeper), limits=deeper)

    def test_extension_arrays_and_keys_over_max_items(self) -> None:
        many_items = claimmodel.Claim(id="c", text="t", extensions={"x_list": list(range(6))})
        many_keys = claimmodel.Claim(
            id="c", text="t", extensions={f"x_{n}": n for n in range(4)}
        )  # four extension keys and the claim's own id and text: six members
        for claim in (many_items, many_keys):
            bundle = attrs.evolve(self._bundle(), claims=(claim,))
            limits = Limits(max_items=5)
            _refused_alike(bundle, limits)

    @given(
        bundle=claimmodel.strategies.bundles(),
        limits=st.builds(
            Limits,
            max_depth=st.integers(1, 12),
            max_items=st.integers(1, 6),
            max_string_length=st.integers(1, 40),
            max_chain_length=st.integers(1, 4),
        ),
        indent=st.sampled_from([None, 2]),
    )
    def test_written_under_limits_if_and_only_if_read_under_them(
        self, bundle: claimmodel.Bundle, limits: Limits, indent: int | None
    ) -> None:
        unlimited = claimmodel.dumps(bundle, indent=indent)
        written = _outcome(lambda: claimmodel.dumps(bundle, indent=indent, limits=limits))
        read = _outcome(lambda: claimmodel.loads(unlimited, limits=limits))
        if isinstance(written, LimitExceededError):
            assert isinstance(read, LimitExceededError)
            assert written.problems == read.problems
        else:
            assert written == unlimited
            assert read == bundle


class TestLongStrings:
    """``dumps`` finds a stretch between quotes longer than a limit without splitting its text."""

    @staticmethod
    def _split(text: str, limit: int) -> bool:
        return max(map(len, text.replace('\\"', "__").split('"'))) > limit

    @given(text=st.text(alphabet='ab"\\', max_size=80), limit=st.integers(1, 16))
    def test_as_the_split_finds(self, text: str, limit: int) -> None:
        assert self._split(text, limit) == _codec._stretch_longer_than(text, limit)

    def test_many_blocks_for_a_low_limit(self) -> None:
        short = '"abcde' * 2000
        assert (False, True) == (
            _codec._stretch_longer_than(short, 10),
            _codec._stretch_longer_than(short + "x" * 11, 10),
        )

    def test_a_string_longer_than_the_limit_in_a_long_text(self) -> None:
        text = '"' + "a" * 100 + '"' + 'b\\"' * 60 + '"'
        assert (True, False, True) == (
            _codec._stretch_longer_than(text, 150),  # the escaped quotes are no quotes
            _codec._stretch_longer_than(text, 200),
            self._split(text, 150),
        )


def _refused_alike(bundle: claimmodel.Bundle, limits: Limits) -> LimitExceededError:
    """The error ``dumps`` raises for ``bundle`` under ``limits``, checked to be the one
    ``loads`` raises for the bundle written without them."""
    with pytest.raises(LimitExceededError) as written:
        claimmodel.dumps(bundle, limits=limits)
    with pytest.raises(LimitExceededError) as read:
        claimmodel.loads(claimmodel.dumps(bundle), limits=limits)
    assert read.value.problems == written.value.problems
    return written.value


def _outcome(call: Any) -> Any:
    """What ``call`` returns, or the :class:`LimitExceededError` it raises."""
    try:
        return call()
    except LimitExceededError as error:
        return error
