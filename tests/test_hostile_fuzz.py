"""Fuzzing the decoder: valid bundles mutated as bytes and as structures.

Whatever the mutation, decoding either succeeds, and then the bundle survives
encode → decode unchanged, or raises a ``DecodeError`` (a ``ClaimModelError``)
whose problems each carry a ``$``-rooted path and a one-line message.  Any
other exception fails the test.  The ``ci`` profile runs a few thousand
examples of each kind; ``dev`` a few hundred.
"""

from __future__ import annotations

import array
import copy
import datetime as dt
import json
import pickle
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimmodel as cm
from claimmodel.exceptions import ClaimModelError, DecodeError


def _examples(factor: int) -> int:
    """``factor`` times the active profile's examples (``dev`` is quick, ``ci`` thorough)."""
    current = settings.default
    assert current is not None
    return current.max_examples * factor


def _rich_bundle() -> cm.Bundle:
    """A bundle using every object type, so mutations can reach every field."""
    tz = dt.timezone(dt.timedelta(hours=-9, minutes=-30))
    confidence = cm.Confidence(
        scale="icd203",
        level="likely",
        probability=cm.Interval(low=0.55, high=0.8),
        assessor="desk",
        basis="two witnesses",
        extensions={"x_note": {"nested": [1, 2.5, None, True]}},
    )
    return cm.Bundle(
        id="b-1",
        title="𝔘𝔫𝔦𝔠𝔬𝔡𝔢 עברית e\u0301",
        published=cm.PartialDate.fromisoformat("2025-11-25T10:30:00.000001+03:00"),
        document="doc",
        language="en",
        sources=(
            cm.Document(
                id="doc",
                name="The report",
                published=cm.PartialDate(year=2025),
                authors=("desk",),
                text="He allegedly said so.",
            ),
            cm.Person(
                id="p",
                name="A. Person",
                aliases=("A. P.",),
                roles=(cm.Role(office="Minister", organization="gov"),),
                affiliations=(cm.Affiliation(kind=cm.AffiliationKind.MEMBER_OF, target="gov"),),
                reliability=cm.Confidence.cannot_be_judged(),
            ),
            cm.GovernmentBody(id="gov", name="Ministry", jurisdiction="X"),
            cm.MediaOutlet(id="ria", name="RIA", url="https://example.org"),
            cm.Collective(id="officials", members=("p",)),
            cm.AnonymousSource(id="desk", description="the news desk"),
            cm.Organization(id="org", extensions={"x_ids": ["Q1"]}),
        ),
        claims=(
            cm.Claim(id="c1", text="The monument will be built", subject="monument"),
            cm.Claim(text="Soldiers fought there", polarity=cm.Polarity.NEGATIVE),
        ),
        assertions=(
            cm.Assertion(
                id="a1",
                claim="c1",
                attribution=cm.Attribution(
                    source="p",
                    cue="confirmed",
                    chain=(
                        cm.Link(
                            source="ria",
                            channel=cm.Channel.INTERVIEW,
                            date=cm.PartialDate(year=2025, month=7, day=1, hour=9, tz=tz),
                        ),
                        cm.Link(source="doc", channel=cm.Channel.PUBLICATION),
                    ),
                ),
                confidence=confidence,
                stance=cm.Stance.ASSERTS,
                hedges=(
                    cm.Hedge(
                        cue="allegedly",
                        category=cm.HedgeCategory.REPORTATIVE,
                        span=cm.Span(start=3, end=12),
                        voiced_by="doc",
                    ),
                ),
                date=cm.PartialDate(year=2025, month=7),
                evidence=(cm.Evidence(quote="said so", span=cm.Span(start=14, end=21)),),
            ),
        ),
        relations=(cm.Relation(id="r1", kind=cm.RelationKind.SUPPORTS, subject="a1", object="a1"),),
        extensions={"x_pipeline": {"run": 7, "ok": True}},
    )


_SEEDS = (
    cm.dumps(_rich_bundle()).encode("utf-8"),
    cm.dumps(_rich_bundle(), indent=2).encode("utf-8"),
    json.dumps(cm.to_data(_rich_bundle()), ensure_ascii=True).encode("ascii"),
    cm.dumps(cm.Bundle()).encode("utf-8"),
)

# Byte strings that tend to matter to a JSON reader.
_TOKENS = (
    b"{",
    b"}",
    b"[",
    b"]",
    b",",
    b":",
    b'"',
    b"\\",
    b"\\u",
    b"\\ud800",
    b"\\udc00",
    b"\\u0000",
    b"NaN",
    b"-Infinity",
    b"1e999",
    b"-0",
    b"9" * 5000,
    b"null",
    b"true",
    b"\xff",
    b"\xc0\x80",
    b"\xed\xa0\x80",  # a surrogate encoded as UTF-8 (invalid)
    b"\xef\xbb\xbf",
    b"\x00",
    b'"x_":',
    b'"kind":"person",',
    b'"0001-01-01T00:00"',  # the ends of the calendar, naive and zoned
    b'"9999-12-31T23:59:59.999999-23:59"',
    str(2**1024 - 1).encode(),  # beyond any float
    rb'"\u001b]0;t\u0007\n\u202e"',  # terminal controls, a new line, a bidi override
)


def _check_contract(decode: Any) -> None:
    """``decode()`` succeeds with a bundle that round-trips, or fails as the contract says."""
    try:
        bundle = decode()
    except ClaimModelError as caught:
        error: ClaimModelError | None = caught
    else:
        error = None
    if error is not None:
        assert isinstance(error, DecodeError)
        assert error.problems
        # At most max_problems, where reading stopped (one per array) and how many more.
        assert len(error.problems) <= cm.Limits().max_problems + 20
        revived = pickle.loads(pickle.dumps(error))
        assert (type(error), error.problems) == (type(revived), revived.problems)
        for problem in error.problems:
            line = str(problem)
            assert problem.path.startswith("$")
            assert problem.message
            assert len(line.splitlines()) == 1
            assert len(line) < 1000
            line.encode("utf-8")  # printable on any UTF-8 terminal
        return
    assert isinstance(bundle, cm.Bundle)
    assert bundle == cm.loads(cm.dumps(bundle).encode("utf-8"))
    for finding in cm.validate(bundle):  # every rule answers for every decoded bundle
        assert len(finding.message) <= 400
        assert finding.message.isprintable()
    cm.analyze(bundle)


@st.composite
def _byte_mutants(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(_SEEDS)))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        op = draw(
            st.sampled_from(["truncate", "delete", "insert", "flip", "token", "nest", "copy"])
        )
        if op == "truncate":
            del data[at:]
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 40))]
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif op == "flip" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        elif op == "token":
            data[at:at] = draw(st.sampled_from(_TOKENS))
        elif op == "nest":
            opener = draw(st.sampled_from([b"[", b'{"x_a":', b'{"a":[']))
            data[at:at] = opener * draw(st.integers(1, 3000))
        elif op == "copy":
            start = draw(st.integers(0, len(data)))
            data[at:at] = data[start : start + draw(st.integers(1, 200))]
    return bytes(data)


class _Pairs:
    """A JSON object written with these key/value pairs, repeated keys included."""

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        self.pairs = pairs


def _write(value: Any) -> str:
    """JSON text for ``value``, writing :class:`_Pairs` objects with their repeated keys."""
    if isinstance(value, _Pairs):
        inner = ",".join(f"{json.dumps(k)}:{_write(v)}" for k, v in value.pairs)
        return "{" + inner + "}"
    if isinstance(value, dict):
        return _write(_Pairs(list(value.items())))
    if isinstance(value, list):
        return "[" + ",".join(_write(v) for v in value) + "]"
    return json.dumps(value)


def _slots(value: Any) -> list[tuple[Any, Any]]:
    """Every (container, key-or-index) place in ``value``, the root's members included."""
    found: list[tuple[Any, Any]] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            found.extend((item, key) for key in item)
            stack.extend(item.values())
        elif isinstance(item, list):
            found.extend((item, index) for index in range(len(item)))
            stack.extend(item)
    return found


_WRONG_VALUES: tuple[Any, ...] = (
    None,
    True,
    0,
    -1,
    2**64,
    1.5,
    -0.0,
    1e308,
    "",
    " ",
    "\t\n",
    "x" * 3000,
    "\ud800",
    "a\udc00b",
    "person",
    "claimmodel/1.0",
    "claimmodel/2.0",
    "2025-13-01",
    "2025-02-30T25:00",
    "0001-01-01T00:00",
    "0001-01-01T00:00+23:59",
    "9999-12-31T23:59:59.999999",
    "9999-12-31T23:59:59.999999-23:59",
    "9999",
    2**1024 - 1,
    -(2**1024),
    10**4299,
    "\x1b]0;title\x07\x1b[2J\nFORGED\r\u202e\x9b",
    [],
    {},
    [None],
    [[]],
    {"kind": "person"},
    {"x_a": float("inf")},
)

_SEED_DATA = tuple(json.loads(seed) for seed in _SEEDS)


@st.composite
def _structure_mutants(draw: st.DrawFn) -> tuple[Any, bool]:
    """A mutated bundle as data, and whether it holds repeated keys (text only)."""
    data = json.loads(json.dumps(draw(st.sampled_from(_SEED_DATA))))
    repeated = False
    for _ in range(draw(st.integers(1, 3))):
        slots = _slots(data)
        container, key = draw(st.sampled_from(slots))
        op = draw(
            st.sampled_from(["drop", "retype", "unknown", "many", "extend", "nest", "repeat"])
        )
        if op == "drop":
            del container[key]
        elif op == "retype":
            container[key] = copy.deepcopy(draw(st.sampled_from(_WRONG_VALUES)))
        elif op == "unknown" and isinstance(container, dict):
            container[draw(st.sampled_from(["colour", "x_", "x_ok", "", "\x00extensions"]))] = 1
        elif op == "many" and isinstance(container, dict):  # thousands of problems in one item
            count = draw(st.sampled_from([10, 1_001, 3_000]))
            container.update({f"unknown{i}": i for i in range(count)})
        elif op == "extend" and isinstance(container, list):
            container.append(container[key])
        elif op == "nest":
            value = container[key]
            for _ in range(draw(st.integers(1, 100))):
                value = draw(st.sampled_from([[value], {"x_a": value}]))
            container[key] = value
        elif op == "repeat" and isinstance(container, dict):
            pairs = list(container.items())
            pairs.append((key, draw(st.sampled_from(_WRONG_VALUES[:6]))))
            container.clear()
            container["\x00repeat"] = _Pairs(pairs)
            repeated = True
        if not _slots(data):
            break
    return data, repeated


def _unwrap(value: Any) -> Any:
    """``value`` with each repeated-key object replaced by its writer."""
    if isinstance(value, dict):
        if "\x00repeat" in value:
            return _unwrap(value["\x00repeat"])
        return {k: _unwrap(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_unwrap(v) for v in value]
    if isinstance(value, _Pairs):
        return _Pairs([(k, _unwrap(v)) for k, v in value.pairs])
    return value


class TestFuzzBytes:
    """Any mutation of an encoded bundle's bytes decodes or fails as the contract says."""

    @settings(max_examples=_examples(10), suppress_health_check=[HealthCheck.too_slow])
    @given(data=_byte_mutants())
    def test_loads(self, data: bytes) -> None:
        _check_contract(lambda: cm.loads(data))

    @settings(max_examples=_examples(2), suppress_health_check=[HealthCheck.too_slow])
    @given(data=_byte_mutants())
    def test_loads_text(self, data: bytes) -> None:
        text = data.decode("utf-8", "surrogateescape")  # lone surrogates reach the decoder
        _check_contract(lambda: cm.loads(text))


def _as_buffer(data: bytes, kind: str) -> Any:
    """``data`` in another kind of buffer of single bytes."""
    if kind == "bytearray":
        return bytearray(data)
    if kind == "strided":
        return memoryview(bytes(b for byte in data for b in (byte, 0)))[::2]
    if kind == "array":
        return array.array("B", data)
    return memoryview(data).toreadonly()


def _outcome(decode: Any) -> Any:
    try:
        return decode()
    except DecodeError as error:
        return type(error), error.problems


class TestFuzzBufferTypes:
    """Every buffer of the same bytes decodes to the same bundle, or the same problems."""

    @settings(max_examples=_examples(2), suppress_health_check=[HealthCheck.too_slow])
    @given(
        data=_byte_mutants(),
        kind=st.sampled_from(["bytearray", "strided", "array", "memoryview"]),
    )
    def test_loads(self, data: bytes, kind: str) -> None:
        expected = _outcome(lambda: cm.loads(data))
        assert expected == _outcome(lambda: cm.loads(_as_buffer(data, kind)))


class TestFuzzStructures:
    """Any structural mutation of a bundle decodes or fails as the contract says."""

    @settings(max_examples=_examples(10), suppress_health_check=[HealthCheck.too_slow])
    @given(mutant=_structure_mutants())
    def test_loads_and_from_data(self, mutant: tuple[Any, bool]) -> None:
        data, repeated = mutant
        text = _write(_unwrap(data))
        _check_contract(lambda: cm.loads(text))
        if not repeated:
            _check_contract(lambda: cm.from_data(data))

    def test_a_repeated_key_is_refused(self) -> None:
        data = json.loads(_SEEDS[0])
        data["assertions"][0] = {
            "\x00repeat": _Pairs([*data["assertions"][0].items(), ("id", "b")])
        }
        with pytest.raises(DecodeError) as caught:
            cm.loads(_write(_unwrap(data)))
        assert ["$.assertions[0]"] == [p.path for p in caught.value.problems]
