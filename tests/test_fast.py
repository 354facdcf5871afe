"""The fast engine against the cattrs converter: same objects, same bytes, same rejections."""

from __future__ import annotations

import contextlib
import copy
import gc
import json
import sys
import types
import typing
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimmodel as cm
from claimmodel.exceptions import DecodeError
from claimmodel.format import _codec, _fast
from claimmodel.format._converter import converter_for
from claimmodel.format._limits import DEFAULT_LIMITS, Limits
from claimmodel.format._shape import shared_key
from claimmodel.model import _checks as check

# -- documents: mostly valid, with every kind of defect the wire format refuses -------------

IDS = st.sampled_from(["a1", "s1", "s2", "c1", "doc", "x y", " lead", ""])
TEXT = st.sampled_from(["confirmed", "Allegedly fought", "Ünïcödé 𝔘", "e\u0301", " ", ""])
DATES = st.sampled_from(
    [
        "2025",
        "2025-07",
        "2025-07-14",
        "2025-07-14T09",
        "2025-07-14T09:30Z",
        "2025-07-14T09:30:05.25+03:00",
        "2024-02-29",
        "2025-02-29",
        "2025-13",
        "July",
        "2025-07-14T09:30-00:00",
    ]
)
FLOATS = st.sampled_from([0.0, 0.05, 0.2, 0.55, 1.0, 1, 0, 1e-05, 1e-07, 2, -0.5, True])
JUNK = st.sampled_from([None, 1, True, 1.5, "s", [], {}, ["s"], {"x": 1}, 2**70, 1e-05])
EXTENSION_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=4),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3)
    ),
    max_leaves=8,
)
EXTENSIONS = st.dictionaries(
    st.from_regex(r"x_[a-z]{1,3}", fullmatch=True), EXTENSION_VALUES, max_size=2
)


def _collector_paused() -> bool:
    import gc

    return gc.get_threshold()[0] == _fast._PAUSED_THRESHOLD


def objects(
    required: dict[str, Any], optional: dict[str, Any]
) -> st.SearchStrategy[dict[str, Any]]:
    """A JSON object with the required keys, some optional ones and perhaps extension keys."""
    return st.builds(
        lambda base, extensions: {**base, **extensions},
        st.fixed_dictionaries(required, optional=optional),
        EXTENSIONS,
    )


SPANS = st.fixed_dictionaries(
    {"start": st.sampled_from([0, 3, -1]), "end": st.sampled_from([2, 5, 9])}
)
INTERVALS = st.fixed_dictionaries({"low": FLOATS, "high": FLOATS})
ORIGINALS = objects(
    {"scale": st.sampled_from(["icd-203", "probability"]), "level": st.sampled_from(["likely"])},
    {"probability": INTERVALS},
)
CONFIDENCES = objects(
    {
        "scale": st.sampled_from(["icd-203", "probability"]),
        "level": st.sampled_from(["likely", "cannot-be-judged"]),
    },
    {"probability": INTERVALS, "assessor": IDS, "basis": TEXT, "original": ORIGINALS},
)
LINKS = objects(
    {"source": IDS},
    {
        "channel": st.sampled_from(["interview", "leak", "unspecified", "rumour"]),
        "date": DATES,
        "cue": TEXT,
        "cue_span": SPANS,
    },
)
DRAFTS = objects({"by": TEXT}, {"note": TEXT})
OCCASIONS = objects(
    {},
    {
        "channel": st.sampled_from(["interview", "unspecified", "rally"]),
        "event": TEXT,
        "place": TEXT,
    },
)
QUANTITIES = objects(
    {},
    {
        "measure": TEXT,
        "value": st.one_of(FLOATS, st.sampled_from([600, -0.0, 2**70, True])),
        "lower": st.sampled_from([10_000, 1e-7, 0.5]),
        "upper": st.sampled_from([12_000, 1e20, 0.25]),
        "lower_exclusive": st.booleans(),
        "upper_exclusive": st.sampled_from([True, False, 1]),
        "unit": TEXT,
        "approximate": st.booleans(),
    },
)
IDENTIFIERS = st.fixed_dictionaries(
    {
        "scheme": st.sampled_from(["wikidata", "orcid", "domain", "isbn"]),
        "value": st.sampled_from(["Q7747", "Q07747", "0000-0002-1825-0097", "ria.ru", " "]),
    },
    optional={"x_no": st.just(1)},
)
HEDGES = objects(
    {"cue": TEXT, "category": st.sampled_from(["reportative", "epistemic", "disputed", "vague"])},
    {"scope": TEXT, "span": SPANS, "voiced_by": IDS, "draft": DRAFTS},
)
EVIDENCE = objects(
    {},
    {
        "quote": TEXT,
        "span": SPANS,
        "document": IDS,
        "url": TEXT,
        "quotation": st.sampled_from(["direct", "mixed", "verbatim"]),
        "language": TEXT,
        "original": TEXT,
        "original_language": TEXT,
        "kind": st.sampled_from(["text", "video", "dataset", "film", None]),
        "sha256": st.sampled_from(["ab" * 32, "AB" * 32, "ab" * 31, "sha256:" + "ab" * 32, 7]),
        "captured": DATES,
        "archived": DATES,
        "archive_url": st.sampled_from(["https://archive.ph/x", "urn:x", "a b", "", 1]),
        "bearing": st.sampled_from(["supports", "refutes", "neither", "confirms"]),
    },
)
ASSERTIONS = objects(
    {
        "id": IDS,
        "claim": IDS,
        "attribution": objects(
            {"source": IDS},
            {"cue": TEXT, "cue_span": SPANS, "chain": st.lists(LINKS, max_size=3)},
        ),
        "confidence": CONFIDENCES,
    },
    {
        "stance": st.sampled_from(["asserts", "denies", "declines-to-comment", "believes"]),
        "hedges": st.lists(HEDGES, max_size=3),
        "date": DATES,
        "evidence": st.lists(EVIDENCE, max_size=2),
        "draft": DRAFTS,
        "occasion": OCCASIONS,
        "mode": st.sampled_from(["stated", "inferred", "guessed"]),
        "earliest": DATES,
        "latest": DATES,
        "retracts": IDS,
        "corrects": IDS,
    },
)
ROLES = objects({"office": TEXT}, {"organization": IDS, "start": DATES, "end": DATES})
AFFILIATIONS = objects(
    {"kind": st.sampled_from(["member-of", "funded-by", "friend-of"]), "target": IDS},
    {"start": DATES, "end": DATES},
)
SOURCE_FIELDS: dict[str, Any] = {
    "name": TEXT,
    "aliases": st.lists(TEXT, max_size=2),
    "description": TEXT,
    "roles": st.lists(ROLES, max_size=2),
    "affiliations": st.lists(AFFILIATIONS, max_size=2),
    "reliability": CONFIDENCES,
    "identifiers": st.lists(IDENTIFIERS, max_size=2),
    "draft": DRAFTS,
}
SOURCES = st.one_of(
    objects(
        {"kind": st.sampled_from(["person", "anonymous", "organization", "robot"]), "id": IDS},
        SOURCE_FIELDS,
    ),
    objects(
        {"kind": st.just("anonymous"), "id": IDS},
        {
            **SOURCE_FIELDS,
            "count": st.sampled_from([1, 2, 0, True, 2.0]),
            "ground_rule": st.sampled_from(["anonymity", "background", "on-record"]),
            "independent": st.sampled_from([True, False, 1, "yes"]),
        },
    ),
    objects(
        {"kind": st.just("document"), "id": IDS},
        {
            **SOURCE_FIELDS,
            "published": DATES,
            "published_certainty": st.sampled_from(["estimated", "assumed", "guessed"]),
            "authors": st.lists(IDS, max_size=2),
            "text": TEXT,
        },
    ),
    objects(
        {"kind": st.just("collective"), "id": IDS},
        {**SOURCE_FIELDS, "members": st.lists(IDS, max_size=2)},
    ),
    objects(
        {"kind": st.just("government-body"), "id": IDS}, {**SOURCE_FIELDS, "jurisdiction": TEXT}
    ),
)
CLAIMS = objects(
    {"text": TEXT},
    {
        "id": IDS,
        "subject": TEXT,
        "polarity": st.sampled_from(["positive", "negative", "maybe"]),
        "language": TEXT,
        "parties": st.lists(IDS, max_size=2),
        "quantity": QUANTITIES,
        "draft": DRAFTS,
    },
)
RELATIONS = objects(
    {
        "id": IDS,
        "kind": st.sampled_from(["supports", "refutes", "translation-of"]),
        "subject": IDS,
        "object": IDS,
    },
    {"basis": TEXT, "draft": DRAFTS},
)
BUNDLES = st.builds(
    lambda version, base, extensions: {"format": version, **base, **extensions},
    st.sampled_from(["claimmodel/1.1", "claimmodel/1.0"]),
    st.fixed_dictionaries(
        {
            "sources": st.lists(SOURCES, max_size=3),
            "claims": st.lists(CLAIMS, max_size=2),
            "assertions": st.lists(ASSERTIONS, max_size=3),
            "relations": st.lists(RELATIONS, max_size=1),
        },
        optional={
            "$schema": st.sampled_from(["https://example.org/s.json", "a b", ""]),
            "id": IDS,
            "title": TEXT,
            "published": DATES,
            "published_certainty": st.sampled_from(["estimated", "assumed", "guessed"]),
            "document": IDS,
        },
    ),
    EXTENSIONS,
)


def _places(value: Any) -> Iterator[tuple[dict[str, Any] | list[Any], Any]]:
    """Every (container, key) position in a JSON value."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield value, key
            yield from _places(item)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield value, index
            yield from _places(item)


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    """A bundle document, valid or broken in one place (wrong type, missing or unknown key)."""
    document = draw(BUNDLES)
    places = list(_places(document))
    broken: bool = draw(st.booleans())
    if places and broken:
        container, key = draw(st.sampled_from(places))
        action = draw(st.sampled_from(["junk", "delete", "unknown", "reserved"]))
        if action == "junk":
            container[key] = draw(JUNK)
        elif action == "delete" and isinstance(container, dict):
            del container[key]
        elif isinstance(container, dict):
            name = draw(st.sampled_from(["bogus", "extensions", "\x00extensions", "kind", "X_up"]))
            container[name] = 1 if action == "unknown" else {}
    return document


# -- the two engines -----------------------------------------------------------------------


def _reference(data: dict[str, Any], limits: Limits) -> cm.Bundle | tuple[type, tuple[Any, ...]]:
    try:
        return cm.from_data(copy.deepcopy(data), limits=limits)  # the converter alone
    except DecodeError as error:
        return type(error), error.problems


def _fast_path(data: dict[str, Any], limits: Limits) -> cm.Bundle | tuple[type, tuple[Any, ...]]:
    try:
        body = _codec._body(copy.deepcopy(data), limits)
        return _codec._structure(body, limits, lambda: copy.deepcopy(data))
    except DecodeError as error:
        return type(error), error.problems


def _reference_text(bundle: cm.Bundle) -> str:
    data = {
        "format": cm.FORMAT_VERSION,
        **converter_for(DEFAULT_LIMITS).unstructure(bundle, cm.Bundle),
    }
    return json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


class TestDifferential:
    """Whatever the document, the fast engine decides and writes exactly as the converter does."""

    @given(documents())
    def test_same_objects_or_same_problems(self, data: dict[str, Any]) -> None:
        assert _reference(data, DEFAULT_LIMITS) == _fast_path(data, DEFAULT_LIMITS)

    @given(documents())
    def test_same_under_tight_limits(self, data: dict[str, Any]) -> None:
        limits = Limits(max_depth=4, max_chain_length=1)
        assert _reference(data, limits) == _fast_path(data, limits)

    @given(documents())
    def test_same_data_and_bytes(self, data: dict[str, Any]) -> None:
        decoded = _reference(data, DEFAULT_LIMITS)
        if not isinstance(decoded, cm.Bundle):
            return
        expected = _reference_text(decoded)
        assert converter_for(DEFAULT_LIMITS).unstructure(decoded, cm.Bundle) == {
            k: v for k, v in cm.to_data(decoded).items() if k != "format"
        }
        assert expected == cm.dumps(decoded)
        with _fast.without_fast_extra():
            assert expected == cm.dumps(decoded)
        assert decoded == cm.loads(expected)


# -- JSON text: what the fast parse must read exactly as json.loads, or decline ----------


class Pairs(list[tuple[str, Any]]):
    """A JSON object written key by key, so a key may be written twice."""


@st.composite
def json_values(draw: st.DrawFn) -> Any:
    """JSON values as texts can hold them, objects as :class:`Pairs` (keys may repeat)."""
    scalars = (
        st.none()
        | st.booleans()
        | st.integers(min_value=-(10**40), max_value=10**40)
        | st.floats(allow_nan=False, allow_infinity=False)
        | st.text(st.characters(exclude_categories=["Cs"]), max_size=6)
    )
    keys = st.sampled_from(["a", "b", "a:b", ":", '"', "x_\u00e9", ""])
    return draw(
        st.recursive(
            scalars,
            lambda inner: (
                st.lists(inner, max_size=3)
                | st.lists(st.tuples(keys, inner), max_size=3).map(Pairs)
            ),
            max_leaves=10,
        )
    )


NUMBER_SPELLINGS = st.from_regex(
    r"-?(0|[1-9][0-9]{0,24})(\.[0-9]{1,24})?([eE][+-]?[0-9]{1,2})?", fullmatch=True
)


def _string(value: str, draw: st.DrawFn) -> str:
    """``value`` as a JSON string, some characters escaped in one of the ways JSON allows."""
    out = []
    for char in value:
        if char in '"\\' or char < " " or (char in ":\u00e9" and draw(st.booleans())):
            short = json.dumps(char, ensure_ascii=False)[1:-1]
            out.append(f"\\u{ord(char):04x}" if draw(st.booleans()) else short)
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


@st.composite
def json_texts(draw: st.DrawFn) -> str:
    """A JSON text of a :func:`json_values` value, spaced and escaped in various ways."""
    space = st.sampled_from(["", " ", "\n  ", "\t"])

    def write(value: Any) -> str:
        if isinstance(value, Pairs):
            items = (f"{draw(space)}{_string(k, draw)}{draw(space)}:{write(v)}" for k, v in value)
            return "{" + ",".join(items) + draw(space) + "}"
        if isinstance(value, list):
            return "[" + ",".join(draw(space) + write(v) for v in value) + draw(space) + "]"
        if isinstance(value, str):
            return _string(value, draw)
        if type(value) is int and draw(st.booleans()):
            return draw(NUMBER_SPELLINGS)  # a number as people write them, not as repr does
        return json.dumps(value)

    return write(draw(json_values()))


class _RepeatedKeyError(Exception):
    pass


def _repeats_a_key(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _RepeatedKeyError
    return result


def _same(a: Any, b: Any) -> bool:
    """Equal, and of the same JSON types all the way down (``1`` is not ``1.0``)."""
    if type(a) is not type(b):
        return False
    if type(a) is dict:
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if type(a) is list:
        return len(a) == len(b) and all(map(_same, a, b))
    if type(a) is float:
        return repr(a) == repr(b)
    return bool(a == b)


@pytest.mark.skipif(_fast._msgspec() is None, reason="the fast extra is not installed")
class TestParse:
    """The fast parse reads every text exactly as json.loads does, or declines it."""

    @given(json_texts())
    def test_reads_as_json_or_declines(self, text: str) -> None:
        try:
            expected = json.loads(text, object_pairs_hook=_repeats_a_key)
        except _RepeatedKeyError:
            with pytest.raises(_fast.Fallback):
                _fast.parse(text)
            return
        for form in (text, text.encode()):
            if "\\u003" in text:  # an escaped colon: declined, or read exactly
                with contextlib.suppress(_fast.Fallback):
                    assert _same(expected, _fast.parse(form))
            else:
                assert _same(expected, _fast.parse(form))

    @pytest.mark.parametrize(
        "text",
        [
            '{"a":1,"a":1}',
            '{"a" : {"b":":","b":":"}}',
            '[{"a:":1},{"a:":1,"a:":2}]',
            '{"\\u0061":1,"a":2}',
            '{"x":"\\":\\":","x":1}',
            '{"a":[' + '{"k:":":"},' * 600 + '{"k":1,"k":2}]}',  # beyond the slices counted
        ],
    )
    def test_declines_every_repeated_key(self, text: str) -> None:
        with pytest.raises(_fast.Fallback):
            _fast.parse(text)

    @pytest.mark.parametrize(
        "text",
        [
            '{"a\\u003a":1}',  # an escaped colon
            "NaN",
            "1e400",
            "1" * 4301,  # longer than Python reads
            '"\\ud800"',  # a lone surrogate
            '"\ud800"',
            "\ufeff{}",  # a byte-order mark (json is told to skip it)
            "[" * 5000 + "]" * 5000,
            "{}x",
        ],
    )
    def test_declines_what_it_may_read_differently(self, text: str) -> None:
        with pytest.raises(_fast.Fallback):
            _fast.parse(text)

    def test_reads_long_arrays_whole(self) -> None:
        text = '{"a":[' + ",".join(['{"k:":":"}'] * 601) + '],"b":{"c":[":"]}}'
        assert _same(json.loads(text), _fast.parse(text))

    def test_leaves_no_utf8_copy_inside_a_str_it_reads(self) -> None:
        text = '{"name":"Ch\u00f6 Son-hui: \ucd5c\uc120\ud76c","n":[1.5,-0.0]}'
        size = sys.getsizeof(text)  # counts a cached UTF-8 copy, once made
        assert _same(json.loads(text), _fast.parse(text))
        assert size == sys.getsizeof(text)

    def test_small_documents_are_left_to_json_until_msgspec_is_worth_importing(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.delitem(sys.modules, "msgspec", raising=False)
        monkeypatch.setattr(_fast, "_parsed_small", [0])
        small, large = "x" * 10, "x" * _fast.SMALL_DOCUMENT
        assert (True, False) == (_fast.parse_small(small), _fast.parse_small(large))
        monkeypatch.setattr(_fast, "_parsed_small", [_fast._WORTH_IMPORTING])
        assert not _fast.parse_small(small)
        monkeypatch.setattr(_fast, "_parsed_small", [0])
        monkeypatch.setitem(sys.modules, "msgspec", types.ModuleType("msgspec"))
        assert not _fast.parse_small(small)

    def test_declines_without_the_extra(self) -> None:
        with _fast.without_fast_extra(), pytest.raises(_fast.Fallback):
            _fast.parse("{}")

    @given(documents(), st.data())
    def test_loads_decides_as_without_the_extra(
        self, data: dict[str, Any], more: st.DataObject
    ) -> None:
        text = json.dumps(data, ensure_ascii=False)
        if more.draw(st.booleans()):  # repeat a key somewhere: the text, then a key again
            at = more.draw(st.sampled_from([i for i, c in enumerate(text) if c == "{"]))
            text = f'{text[: at + 1]}"id":"x",{text[at + 1 :]}'
            text = text.replace('"id":"x",}', '"id":"x"}')

        def decide() -> cm.Bundle | tuple[type, tuple[Any, ...]]:
            try:
                return cm.loads(text)
            except DecodeError as error:
                return type(error), error.problems

        with _fast.without_fast_extra():
            expected = decide()
        assert expected == decide()


class TestFastEngine:
    """The fast engine itself accepts valid documents rather than always deferring."""

    def test_accepts_extensions_and_every_kind_of_object(self) -> None:
        data = json.loads(cm.dumps(_rich_bundle()))
        body = {k: v for k, v in data.items() if k != "format"}
        assert _rich_bundle() == _fast.structure_bundle(body, DEFAULT_LIMITS)

    def test_declines_an_unknown_key(self) -> None:
        data = json.loads(cm.dumps(_rich_bundle()))
        data["assertions"][0]["attribution"]["bogus"] = 1
        body = {k: v for k, v in data.items() if k != "format"}
        with pytest.raises(_fast.Fallback):
            _fast.structure_bundle(body, DEFAULT_LIMITS)

    def test_builds_every_model_class_without_its_constructor(self) -> None:
        data = json.loads(cm.dumps(_rich_bundle()))
        body = {k: v for k, v in data.items() if k != "format"}
        _fast.structure_bundle(body, DEFAULT_LIMITS)
        objects = _model_classes(cm.Bundle) - {cm.PartialDate}  # a date is a string
        assert objects <= _fast.DIRECT

    @pytest.mark.parametrize(
        ("where", "value"),
        [
            (("assertions", 0, "evidence", 0, "span"), {"start": 5, "end": 5}),  # post-init
            (("assertions", 0, "evidence", 0, "span"), {"start": -1, "end": 5}),  # validator
            (("assertions", 0, "confidence", "probability"), {"low": 0.9, "high": 0.1}),
            (("assertions", 0, "confidence", "probability"), {"low": 1.5, "high": 2}),
            (("assertions", 0, "evidence", 0), {"document": "doc"}),  # post-init
            (("assertions", 0, "evidence", 1, "sha256"), "0F" * 32),  # validator
            (("assertions", 0, "evidence", 1, "archive_url"), "a b"),
            (("claims", 0, "id"), " c1"),  # the id a claim may derive, checked when given
            (("claims", 0, "text"), "\u2003"),
            (("sources", 0, "aliases"), ["B", " "]),
            (("assertions", 0, "attribution", "chain", 0, "source"), "s1 "),
        ],
    )
    def test_runs_every_check_the_constructor_runs(
        self, where: tuple[str | int, ...], value: object
    ) -> None:
        data = json.loads(cm.dumps(_rich_bundle()))
        parent: Any = data
        for step in where[:-1]:
            parent = parent[step]
        parent[where[-1]] = value
        body = {k: v for k, v in data.items() if k != "format"}
        with pytest.raises(Exception):  # noqa: B017  (Fallback or the model's own error)
            _fast.structure_bundle(body, DEFAULT_LIMITS)
        with pytest.raises(DecodeError):
            cm.from_data(data)

    def test_garbage_collector_state_is_restored(self) -> None:
        import gc

        thresholds = gc.get_threshold()
        with pytest.raises(DecodeError), _fast.gc_paused(True):
            cm.loads('{"format": "claimmodel/1.0", "sources": 1}')
        assert (True, thresholds) == (gc.isenabled(), gc.get_threshold())

    def test_collector_is_paused_only_when_asked(self) -> None:
        with _fast.gc_paused(False):
            running_small = not _collector_paused()
        with _fast.gc_paused(True):
            running_large = not _collector_paused()
        assert (True, False, True) == (running_small, running_large, not _collector_paused())

    def test_a_pause_never_undoes_other_code(self) -> None:
        import gc

        thresholds = gc.get_threshold()
        try:
            with _fast.gc_paused(True):
                gc.disable()  # as another thread might, meanwhile
            assert (False, thresholds) == (gc.isenabled(), gc.get_threshold())
            gc.enable()
            with _fast.gc_paused(True):
                gc.set_threshold(5000, 20, 20)
            assert (5000, 20, 20) == gc.get_threshold()
        finally:
            gc.enable()
            gc.set_threshold(*thresholds)

    def test_overlapping_pauses_resume_when_the_last_ends(self) -> None:
        import gc

        thresholds = gc.get_threshold()
        first, second = _fast.gc_paused(True), _fast.gc_paused(True)
        first.__enter__()
        second.__enter__()
        first.__exit__(None, None, None)  # one decode ends while the other runs on
        still_paused = _collector_paused()
        second.__exit__(None, None, None)
        assert (True, thresholds) == (still_paused, gc.get_threshold())

    @pytest.mark.parametrize("threshold", [0, 10**9])
    def test_loads_pauses_the_collector_for_large_documents(
        self, threshold: int, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        seen: list[bool] = []
        structure = _codec._structure

        def watched(body: dict[str, Any], limits: Limits, reread: Any = None) -> Any:
            seen.append(not _collector_paused())
            return structure(body, limits, reread)

        monkeypatch.setattr(_codec, "LARGE_DOCUMENT_CHARACTERS", threshold)
        monkeypatch.setattr(_codec, "_structure", watched)
        cm.loads(cm.dumps(_rich_bundle()))
        assert [threshold != 0] == seen

    @pytest.mark.parametrize("threshold", [0, 10**9])
    def test_validate_and_analyze_pause_the_collector_for_large_bundles(
        self, threshold: int, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from claimmodel.analysis import _analyze
        from claimmodel.validation._context import Context

        seen: list[bool] = []
        withdrawn, trim = _analyze._withdrawn, Context.trim

        def watched_withdrawn(assertions: Any) -> Any:
            seen.append(_collector_paused())
            return withdrawn(assertions)

        def watched_trim(ctx: Any) -> None:
            seen.append(_collector_paused())
            trim(ctx)

        monkeypatch.setattr(_fast, "LARGE_DOCUMENT_ITEMS", threshold)
        monkeypatch.setattr(_analyze, "_withdrawn", watched_withdrawn)
        monkeypatch.setattr(Context, "trim", watched_trim)
        thresholds = gc.get_threshold()
        cm.validate(_rich_bundle())
        cm.analyze(_rich_bundle())
        assert ([threshold == 0] * 2, thresholds) == (seen, gc.get_threshold())

    def test_dates_are_shared_within_a_document_and_forgotten_after_it(self) -> None:
        text = cm.dumps(_rich_bundle())  # the same date on a role, a document, a link, …
        _fast._cached_date("1999")  # left over from before: emptied, not reused
        bundle = cm.loads(text)
        role_start = bundle.sources[0].roles[0].start
        link_date = bundle.assertions[0].attribution.chain[0].date
        assert (True, 0) == (role_start is link_date, _fast._cached_date.cache_info().currsize)

    def test_equal_confidences_and_hedges_are_shared_within_a_document(self) -> None:
        data = _sharing_document()
        bundle = cm.loads(json.dumps(data))
        first, second, third, fourth = bundle.assertions
        assert (True, True, False, False, False, True) == (
            first.confidence is second.confidence,
            first.hedges[0] is second.hedges[0],
            first.confidence is third.confidence,  # 1 against 1.0: written differently
            first.hedges[0] is third.hedges[0],  # another scope
            first.confidence is fourth.confidence,  # an array inside: built afresh
            first.hedges[0] is fourth.hedges[0],
        )
        assert (json.dumps(data, separators=(",", ":"), ensure_ascii=False), []) == (
            cm.dumps(bundle),
            [memo for memo in _fast._MEMOS if memo],
        )

    def test_from_data_shares_what_loads_shares(self) -> None:
        data = _sharing_document()
        data["assertions"][1]["attribution"]["chain"] = [
            {"source": "p", "channel": "interview", "date": "2025-07"},
            {"source": "p", "channel": "statement", "date": "2025-07"},
        ]
        expected = copy.deepcopy(data)
        decoded, built = cm.loads(json.dumps(data)), cm.from_data(data)

        def identities(bundle: cm.Bundle) -> list[bool]:
            first, second, third, fourth = bundle.assertions
            chain = second.attribution.chain
            return [
                first.confidence is second.confidence,
                first.hedges[0] is second.hedges[0],
                first.confidence is third.confidence,
                first.hedges[0] is third.hedges[0],
                first.confidence is fourth.confidence,
                first.hedges[0] is fourth.hedges[0],
                chain[0].date is chain[1].date,
            ]

        assert ([True, True, False, False, False, True, True], decoded, expected) == (
            identities(built),
            built,
            data,  # the caller's data is left as it was
        )
        assert identities(decoded) == identities(built)

    def test_from_data_shares_within_one_document_only(self) -> None:
        bundle, again = cm.from_data(_sharing_document()), cm.from_data(_sharing_document())
        converted = converter_for(DEFAULT_LIMITS).structure(
            {k: v for k, v in _sharing_document().items() if k != "format"}, cm.Bundle
        )
        assert (bundle, False, False) == (
            again,
            bundle.assertions[0].confidence is again.assertions[0].confidence,
            converted.assertions[0].confidence is converted.assertions[1].confidence,
        )

    def test_an_equal_value_that_fails_fails_at_each_occurrence(self) -> None:
        data = _sharing_document()
        for assertion in data["assertions"][:2]:
            assertion["confidence"]["level"] = ""
        with pytest.raises(DecodeError) as raised:
            cm.from_data(data)
        paths = [p.path for p in raised.value.problems]
        assert [
            "$.assertions[0].confidence.level",
            "$.assertions[1].confidence.level",
        ] == [p for p in paths if p.endswith(".level")]

    def test_shared_values_are_forgotten_after_each_document(self) -> None:
        bundle = cm.loads(json.dumps(_sharing_document()))
        again = cm.loads(json.dumps(_sharing_document()))
        assert (bundle, False) == (
            again,
            bundle.assertions[0].confidence is again.assertions[0].confidence,
        )

    def test_each_shared_object_is_written_once_per_document(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        pytest.importorskip("orjson")
        data = _sharing_document()
        bundle = cm.loads(json.dumps(data))
        cm.dumps(bundle)  # the writers made
        write = _fast._STREAM_WRITERS[cm.Confidence]
        written: list[cm.Confidence] = []

        def counted(confidence: cm.Confidence) -> Any:
            written.append(confidence)
            return write(confidence)

        monkeypatch.setitem(_fast._STREAM_WRITERS, cm.Confidence, counted)
        expected = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
        assert (expected, expected) == (cm.dumps(bundle), cm.dumps(bundle))
        # The first two assertions share one confidence: three written per document.
        assert ([a.confidence for a in bundle.assertions[1:]] * 2, None) == (
            written,
            _fast._WRITTEN.written,
        )

    def test_shared_objects_written_once_by_json_and_handed_out_separately(self) -> None:
        data = _sharing_document()
        bundle = cm.loads(json.dumps(data))
        expected = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
        with _fast.without_fast_extra():
            assert expected == cm.dumps(bundle)
        first, second, *_ = cm.to_data(bundle)["assertions"]
        assert (True, False) == (
            first["confidence"] == second["confidence"],
            first["confidence"] is second["confidence"],  # data of its own for every caller
        )

    def test_a_shared_object_with_a_number_orjson_writes_differently(self) -> None:
        data = _sharing_document()
        for assertion in data["assertions"][:2]:
            assertion["confidence"]["x_note"] = 1e-05
        bundle = cm.loads(json.dumps(data))
        assert bundle.assertions[0].confidence is bundle.assertions[1].confidence
        expected = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
        assert (None, expected) == (_fast.encode_compact(bundle), cm.dumps(bundle))

    def test_wire_keys_tell_apart_what_is_written_differently(self) -> None:
        keys = [
            shared_key(value)
            for value in (
                {"a": 1},
                {"a": 2},
                {"a": 1.0},
                {"a": "1"},
                {"a": -0.0},
                {"a": 0.0},
                {"a": {"b": 1}},
                {"a": {"b": 1.0}},
            )
        ]
        assert len(keys) == len(set(keys))
        assert [None, None, None, None] == [
            shared_key(value) for value in ({"a": True}, {"a": None}, {"a": [1]}, [1])
        ]

    def test_large_data_is_counted_by_the_items_of_its_arrays(self) -> None:
        half = _fast.LARGE_DOCUMENT_ITEMS // 2
        data: dict[str, Any] = {"sources": [{}] * half, "claims": [{}] * half, "x_a": [0] * 10}
        shorter = {**data, "claims": [{}] * (half - 1)}
        assert (True, False, False) == (
            _fast.is_large(data),
            _fast.is_large(shorter),
            _fast.is_large({"assertions": "not an array"}),
        )

    def test_orjson_declines_numbers_it_writes_differently(self) -> None:
        pytest.importorskip("orjson")
        written = [
            _fast.encode_compact(cm.Bundle(extensions={"x_a": value}))
            for value in (1e-05, 2**64, 0.5)
        ]
        expected = [
            None,
            None,
            (
                '{"format":"claimmodel/1.1","sources":[],"claims":[],'
                '"assertions":[],"relations":[],"x_a":0.5}'
            ),
        ]
        assert expected == written


def _refuse_bad(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value == "BAD":  # as the converter leaves "bad"
        raise ValueError(attribute.name)


def _upper(value: str) -> str:
    return value.upper()


def _field_converted_with_self() -> Any:
    return attrs.field(converter=attrs.Converter(lambda v, _: v, takes_self=True))


def _sharing_document() -> dict[str, Any]:
    """Four assertions: the first two with equal confidences and hedges, the third with
    its confidence's extension data written as an integer and another scope, the
    fourth with an array in that extension data."""

    def assertion(number: int, note: Any, scope: str) -> dict[str, Any]:
        return {
            "id": f"a{number}",
            "claim": "c",
            "attribution": {"source": "p"},
            "confidence": {
                "scale": "icd203",
                "level": "likely",
                "probability": {"low": 0.55, "high": 0.8},
                "x_note": note,
            },
            "hedges": [{"cue": "allegedly", "category": "reportative", "scope": scope}],
        }

    return {
        "format": cm.FORMAT_VERSION,
        "sources": [{"kind": "person", "id": "p", "name": "P"}],
        "claims": [{"id": "c", "text": "It rained"}],
        "assertions": [
            assertion(1, 1.0, "it rained"),
            assertion(2, 1.0, "it rained"),
            assertion(3, 1, "it poured"),
            assertion(4, [1.0], "it rained"),
        ],
        "relations": [],
    }


@attrs.frozen(kw_only=True)
class _Custom:
    """A class with a validator the engine cannot write inline and a converter."""

    name: str = attrs.field(validator=_refuse_bad, converter=_upper)


@attrs.frozen(kw_only=True)
class _PreInit:
    name: str

    def __attrs_pre_init__(self) -> None:
        pass


@attrs.frozen(kw_only=True)
class _UnknownType:
    scores: dict[str, int]


@attrs.frozen(kw_only=True)
class _SelfConverter:
    name: str = _field_converted_with_self()


@attrs.frozen(kw_only=True)
class _BadDefault:
    name: str = attrs.field(default=" ", validator=check.text)


def _builder(cls: type) -> Any:
    return _fast._direct_builder(cls, _fast._Plan(attrs.resolve_types(cls), DEFAULT_LIMITS, 1))


class TestDirectBuilder:
    """The generated builder runs what it cannot inline, and declines what it cannot mimic."""

    def test_runs_validators_and_converters_it_does_not_inline(self) -> None:
        build = _builder(_Custom)
        assert _Custom(name="ok") == build({"name": "ok"})
        assert "OK" == build({"name": "ok"}).name
        with pytest.raises(ValueError, match="name"):
            build({"name": "bad"})

    @pytest.mark.parametrize("cls", [_PreInit, _UnknownType, _SelfConverter, _BadDefault])
    def test_declines_a_class_it_cannot_reproduce(self, cls: type) -> None:
        assert _builder(cls) is None


def _model_classes(cls: type, seen: set[type] | None = None) -> set[type]:
    """Every attrs class reachable from ``cls`` through field types."""
    seen = set() if seen is None else seen
    if cls in seen or not attrs.has(cls):
        return seen
    seen.add(cls)
    for field in attrs.fields(attrs.resolve_types(cls)):
        for inner in _types_in(field.type):
            _model_classes(inner, seen)
    return seen


def _types_in(tp: Any) -> Iterator[type]:
    args = typing.get_args(tp)
    if not args:
        if isinstance(tp, type):
            yield tp
        return
    for arg in args:
        yield from _types_in(arg)


ORCID = "0000-0002-1825-0097"


def _rich_bundle() -> cm.Bundle:
    date = cm.PartialDate.fromisoformat("2025-07-14T09:30+03:00")
    confidence = cm.Confidence(
        scale="icd-203", level="likely", probability=cm.Interval(low=0.55, high=0.8), assessor="s1"
    )
    return cm.Bundle(
        schema="https://example.org/claimmodel.schema.json",
        id="b",
        published=cm.PartialDate(year=2025, month=11),
        sources=(
            cm.Person(
                id="s1",
                name="A",
                aliases=("B",),
                roles=(cm.Role(office="minister", organization="s2", start=date),),
                affiliations=(cm.Affiliation(kind=cm.AffiliationKind.FUNDED_BY, target="s2"),),
                reliability=confidence,
                identifiers=(cm.Identifier(scheme=cm.IdentifierScheme.ORCID, value=ORCID),),
                draft=cm.Draft(by="extractor", note="check", extensions={"x_e": 1}),
                extensions={"x_q": {"z": [1, 2.5, None]}},
            ),
            cm.Document(
                id="s2",
                authors=("s1",),
                published=date,
                published_certainty=cm.DateCertainty.ESTIMATED,
                text="Text",
            ),
            cm.Collective(id="s3", members=("s1",)),
            cm.AnonymousSource(
                id="s4", count=2, ground_rule=cm.GroundRule.BACKGROUND, independent=True
            ),
        ),
        claims=(
            cm.Claim(
                text="It happened",
                subject="it",
                parties=("s1", "s3"),
                quantity=cm.Quantity(measure="m", value=3, lower=1.5, unit="%", approximate=True),
            ),
        ),
        assertions=(
            cm.Assertion(
                id="a1",
                claim="c1",
                attribution=cm.Attribution(
                    source="s1",
                    cue="said",
                    chain=(cm.Link(source="s2", channel=cm.Channel.LEAK, date=date),),
                    extensions={"x_n": True},
                ),
                confidence=confidence,
                stance=cm.Stance.DENIES,
                hedges=(
                    cm.Hedge(
                        cue="allegedly",
                        category=cm.HedgeCategory.REPORTATIVE,
                        span=cm.Span(start=0, end=3),
                    ),
                ),
                date=date,
                occasion=cm.Occasion(channel=cm.Channel.BROADCAST, place="Kursk"),
                mode=cm.AssertionMode.INFERRED,
                earliest=cm.PartialDate(year=2025),
                latest=date,
                corrects="a0",
                evidence=(
                    cm.Evidence(
                        quote="q",
                        span=cm.Span(start=1, end=2),
                        quotation=cm.Quotation.MIXED,
                        original="к",
                        original_language="ru",
                    ),
                    cm.Evidence(
                        kind=cm.EvidenceKind.VIDEO,
                        sha256="0f" * 32,
                        captured=cm.PartialDate(year=2025, month=7),
                        archived=date,
                        archive_url="https://archive.ph/x",
                        bearing=cm.Bearing.REFUTES,
                    ),
                ),
            ),
        ),
        relations=(cm.Relation(id="r", kind=cm.RelationKind.SUPPORTS, subject="a1", object="a1"),),
        extensions={"x_top": "v"},
    )
