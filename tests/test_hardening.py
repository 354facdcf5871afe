"""Hostile values at the edges of the API: input types, huge numbers, signed zeros, pickling,
frozen maps, the collector's state, long values in findings, pipes with no writer."""

from __future__ import annotations

import argparse
import array
import copy
import ctypes
import importlib
import inspect
import io
import json
import mmap
import os
import pickle
import pkgutil
import threading
import time
import types
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import attrs
import pytest

import claimmodel
import claimmodel as cm
from claimmodel import exceptions
from claimmodel.cli import _inputs, _parser, main
from claimmodel.corpus import for_corroboration
from claimmodel.interop import Format
from claimmodel.render._dot import run_dot

GOLDEN = Path(__file__).parent / "golden"
EXAMPLE = GOLDEN / "claimmodel-1.1.json"
TEXT = EXAMPLE.read_bytes()
MINIMAL = json.loads((Path(__file__).parent / "hostile" / "valid-minimal.json").read_bytes())


class _Text(str):
    __slots__ = ()


class _Bytes(bytes):
    __slots__ = ()


def _wrong_calls() -> dict[str, list[Any]]:
    """For each public function, calls that give it an argument of the wrong type."""
    bundle: Any = cm.loads(TEXT)
    source, assertion = bundle.sources[0], bundle.assertions[0]
    data: Any = cm.to_data(bundle)
    nothing: Any = None
    three: Any = 3
    return {
        "admiralty_code": [
            lambda: cm.admiralty_code(nothing, assertion, independent_origins=1),
            lambda: cm.admiralty_code(source, bundle, independent_origins=1),
            lambda: cm.admiralty_code(source, assertion, independent_origins=nothing),
        ],
        "analyze": [lambda: cm.analyze(nothing), lambda: cm.analyze(data)],
        "claim_id": [lambda: cm.claim_id(nothing), lambda: cm.claim_id("x", subject=three)],
        "convert": [lambda: cm.convert(assertion.confidence.level, "ipcc")],
        "dependencies": [lambda: cm.dependencies(nothing)],
        "dump": [lambda: cm.dump(nothing, io.StringIO()), lambda: cm.dump(bundle, data)],
        "dump_lines": [
            lambda: cm.dump_lines(bundle, io.StringIO()),
            lambda: cm.dump_lines([nothing], io.StringIO()),
            lambda: cm.dump_lines([bundle], three),
        ],
        "dumps": [lambda: cm.dumps(nothing), lambda: cm.dumps(bundle, limits=three)],
        "dumps_line": [lambda: cm.dumps_line(data)],
        "for_corroboration": [lambda: for_corroboration(nothing)],
        "from_data": [lambda: cm.from_data({}, limits=data)],
        "get_scale": [],  # any value is a lookup: None when there is no such scale
        "iter_lines": [
            lambda: cm.iter_lines(nothing),
            lambda: cm.iter_lines(io.BytesIO(), limits=nothing),
            lambda: cm.iter_lines(io.BytesIO(), name=three),
        ],
        "iter_load": [lambda: cm.iter_load(data)],
        "json_schema": [lambda: cm.json_schema(nothing)],
        "load": [lambda: cm.load(data), lambda: cm.load(io.BytesIO(TEXT), limits=three)],
        "loads": [lambda: cm.loads(TEXT, limits=nothing)],
        "merge": [lambda: cm.merge(bundle), lambda: cm.merge([bundle, nothing])],
        "merge_corpus": [lambda: cm.merge_corpus(nothing)],
        "parse_date_bounds": [lambda: cm.parse_date_bounds(three)],
        "summarize": [lambda: cm.summarize(assertion.confidence)],
        "to_data": [lambda: cm.to_data(data)],
        "validate": [lambda: cm.validate(data)],
    }


def _public_functions() -> set[str]:
    return {
        name
        for module in (cm, claimmodel.corpus)
        for name in module.__all__
        if inspect.isfunction(getattr(module, name))
    }


class TestArguments:
    """A public function given an argument of the wrong type raises InvalidTypeError, naming
    what it needs, before it does anything (a generator too, when it is called)."""

    def test_every_public_function_is_covered(self) -> None:
        assert _public_functions() == set(_wrong_calls())

    @pytest.mark.parametrize("name", sorted(_public_functions()))
    def test_wrong_types(self, name: str) -> None:
        for call in _wrong_calls()[name]:
            with pytest.raises(exceptions.InvalidTypeError):
                call()

    def test_dump_writes_binary_files_too(self) -> None:
        bundle = cm.loads(TEXT)
        binary, text = io.BytesIO(), io.StringIO()
        cm.dump(bundle, binary)
        cm.dump(bundle, text)
        assert text.getvalue().encode("utf-8") == binary.getvalue()
        assert bundle == cm.load(io.BytesIO(binary.getvalue()))


def _buffers() -> Iterator[tuple[str, object]]:
    """The example's bytes in every kind of single-byte buffer Python offers."""
    spread = bytes(byte for pair in zip(TEXT, b" " * len(TEXT), strict=True) for byte in pair)
    yield "bytes", TEXT
    yield "bytes subclass", _Bytes(TEXT)
    yield "str subclass", _Text(TEXT.decode())
    yield "bytearray", bytearray(TEXT)
    yield "memoryview", memoryview(TEXT)
    yield "read-only memoryview of a bytearray", memoryview(bytearray(TEXT)).toreadonly()
    yield "strided memoryview", memoryview(spread)[::2]
    yield "reversed memoryview", memoryview(TEXT[::-1])[::-1]
    even = TEXT + b" " * (len(TEXT) % 2)
    yield "two-dimensional memoryview", memoryview(even).cast("B", (len(even) // 2, 2))
    yield "memoryview of signed chars", memoryview(TEXT).cast("b")
    yield "memoryview of chars", memoryview(TEXT).cast("c")
    yield "array('B')", array.array("B", TEXT)
    yield "array('b')", array.array("b", TEXT)
    yield "ctypes char array", (ctypes.c_char * len(TEXT)).from_buffer_copy(TEXT)
    mapped = mmap.mmap(-1, len(TEXT))
    mapped.write(TEXT)
    yield "mmap", mapped


class TestInputTypes:
    """Every input loads accepts ends in a bundle; anything else in a named DecodeError."""

    # Ids name the kind, never a repr holding a memory address: every test process
    # must collect the same ids (pytest-xdist runs the suite in several).
    @pytest.mark.parametrize(
        ("kind", "text"), [pytest.param(kind, text, id=kind) for kind, text in _buffers()]
    )
    def test_every_buffer_of_bytes(self, kind: str, text: Any) -> None:
        assert cm.loads(TEXT) == cm.loads(text)

    @pytest.mark.parametrize(
        ("text", "named"),
        [
            (array.array("H", [0x7B7B]), "array of 2-byte items (format 'H')"),
            (memoryview(TEXT[:8]).cast("I"), "memoryview of 4-byte items (format 'I')"),
            (array.array("d", [1.0]), "array of 8-byte items (format 'd')"),
            (12, "an integer"),
            (None, "null"),
            (1.5, "a number"),
            ([TEXT], "an array"),
            ({"format": "claimmodel/1.1"}, "an object"),
            (object(), "object"),
            (iter([TEXT]), "list_iterator"),
        ],
        ids=lambda value: value if isinstance(value, str) else type(value).__name__,
    )
    def test_anything_else_is_named(self, text: Any, named: str) -> None:
        with pytest.raises(exceptions.DecodeError) as caught:
            cm.loads(text)
        assert named in caught.value.problems[0].message

    def test_a_released_view(self) -> None:
        view = memoryview(TEXT)
        view.release()
        with pytest.raises(exceptions.DecodeError, match="got memoryview"):
            cm.loads(view)  # type: ignore[arg-type]

    def test_a_large_buffer_is_refused_before_it_is_copied(self) -> None:
        view = memoryview(bytes(2000))[::2]
        with pytest.raises(exceptions.LimitExceededError, match="1,000 bytes"):
            cm.loads(view, limits=cm.Limits(max_document_bytes=999))  # type: ignore[arg-type]


def _instances(
    value: Any, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[Any, tuple[str | int, ...]]]:
    """Every attrs instance reachable from ``value``, with its path of fields and indices."""
    if attrs.has(type(value)):
        yield value, path
        for field in attrs.fields(type(value)):
            yield from _instances(getattr(value, field.name), (*path, field.name))
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from _instances(item, (*path, index))


def _replaced(root: Any, path: tuple[str | int, ...], new: Any) -> Any:
    """``root`` with the value at ``path`` replaced by ``new``, rebuilt through constructors."""
    if not path:
        return new
    step, rest = path[0], path[1:]
    if isinstance(step, int):
        return (*root[:step], _replaced(root[step], rest, new), *root[step + 1 :])
    return attrs.evolve(root, **{step: _replaced(getattr(root, step), rest, new)})


def _samples() -> dict[type, Any]:
    """One instance of every class of the model: from the example, and the few it lacks."""
    by_class: dict[type, Any] = {}
    for instance, _ in _instances(cm.loads(TEXT)):
        by_class.setdefault(type(instance), instance)
    for extra in (
        cm.Affiliation(kind=cm.AffiliationKind.PART_OF, target="o"),
        cm.Collective(id="c"),
        cm.GovernmentBody(id="g"),
        cm.Role(office="minister"),
        cm.Interval(low=0, high=1),
        cm.Level(label="likely"),
        cm.get_scale("icd203"),
    ):
        by_class.setdefault(type(extra), extra)
    return by_class


def _model_classes() -> list[type]:
    return [
        value
        for value in (getattr(cm, name) for name in cm.__all__)
        if isinstance(value, type)
        and attrs.has(value)
        and value.__module__.startswith("claimmodel.model.")
    ]


_HOSTILE: list[object] = [
    2**1024,
    2**1024 - 1,
    -(2**1024),
    10**5000,  # more digits than Python writes
    -(10**5000),
    float("nan"),
    float("inf"),
    -0.0,
    True,
    "",
    "\x00\ud800",
    "a\udfff",
    ("a", "b\udc00"),
    object(),
    [object()],
    {"x_a": [object()]},
    {"x_a": 10**5000},
    {"x_a": {"k": "\ud800"}},
    {"x_\ud800": 1},
    {"x_a": {"\udbff": 1}},
    {"x_a": {10**5000: 1}},
    None,
]


def _text_fields(cls: type) -> list[attrs.Attribute[Any]]:
    """The fields of ``cls`` that hold a string or strings."""
    return [
        field
        for field in attrs.fields(cls)
        if field.init and str(field.type) in ("str", "str | None", "tuple[str, ...]")
    ]


class TestConstructors:
    """Every constructor raises a ClaimModelError for every bad value, never a bare one, and
    what it accepts, claimmodel writes and reads back."""

    def test_every_model_class_is_sampled(self) -> None:
        assert [] == [cls.__name__ for cls in _model_classes() if cls not in _samples()]

    def test_every_field_of_every_class(self) -> None:
        escaped: list[str] = []
        for cls, instance in _samples().items():
            for field in attrs.fields(cls):
                if not field.init:
                    continue
                for value in _HOSTILE:
                    try:
                        attrs.evolve(instance, **{field.name: value})
                    except exceptions.ClaimModelError:
                        pass
                    except Exception as error:  # noqa: BLE001  (what the test looks for)
                        shown = type(value).__name__
                        escaped.append(f"{cls.__name__}.{field.name}={shown}: {error!r}")
        assert [] == escaped

    def test_what_a_bundle_holds_is_written_and_read_back(self) -> None:
        bundle = cm.loads(TEXT)
        unreadable: list[str] = []
        for instance, path in _instances(bundle):
            for field in attrs.fields(type(instance)):
                for value in _HOSTILE if field.init else ():
                    try:
                        changed = _replaced(
                            bundle, path, attrs.evolve(instance, **{field.name: value})
                        )
                    except exceptions.ClaimModelError:
                        continue
                    try:
                        assert changed == cm.loads(cm.dumps(changed))
                    except Exception as error:  # noqa: BLE001  (what the test looks for)
                        where = f"{type(instance).__name__}.{field.name}={type(value).__name__}"
                        unreadable.append(f"{where}: {type(error).__name__}")
        assert [] == unreadable

    @pytest.mark.parametrize(
        ("cls", "field"),
        [
            (cls, field)
            for cls in sorted(_samples(), key=lambda cls: cls.__name__)
            if cls not in (cm.Scale, cm.Level)  # not written into a bundle
            for field in _text_fields(cls)
        ],
        ids=lambda value: getattr(value, "__name__", getattr(value, "name", None)),
    )
    def test_a_lone_surrogate_in_any_text(self, cls: type, field: attrs.Attribute[Any]) -> None:
        value: object = ("fine", "\ud83d!") if "tuple" in str(field.type) else "a\ud83d"
        with pytest.raises(exceptions.InvalidValueError) as caught:
            attrs.evolve(_samples()[cls], **{field.name: value})
        assert field.name == caught.value.field

    def test_the_message_names_the_surrogate(self) -> None:
        with pytest.raises(exceptions.InvalidValueError, match=r"U\+D800 at character 1,"):
            cm.Claim(text="a\ud800")
        with pytest.raises(exceptions.InvalidValueError, match=r"aliases\[1\] holds a lone"):
            cm.Person(id="p", aliases=("a", "b\udfff"))

    @pytest.mark.parametrize(
        "extensions",
        [{"x_a": "\ud800"}, {"x_\udc00": 1}, {"x_a": [{"b": ["\ud800"]}]}, {"x_a": 10**4300}],
        ids=["string", "key", "nested", "integer"],
    )
    def test_extension_data_that_cannot_be_written(self, extensions: dict[str, Any]) -> None:
        with pytest.raises(exceptions.InvalidValueError, match="extensions"):
            cm.Claim(text="It happened.", extensions=extensions)

    def test_the_longest_integer_python_writes(self) -> None:
        longest = 10**4300 - 1  # 4,300 digits
        claim = cm.Claim(text="It happened.", extensions={"x_a": longest})
        assert longest == cm.loads(cm.dumps(cm.Bundle(claims=(claim,)))).claims[0].extensions["x_a"]
        with pytest.raises(exceptions.InvalidValueError, match="more digits than Python writes"):
            cm.Span(start=0, end=longest + 1)
        with pytest.raises(exceptions.InvalidValueError, match="more digits than Python writes"):
            cm.AnonymousSource(id="a", count=longest + 1)

    @pytest.mark.parametrize(
        "value",
        [2**1024, 2**1024 - 1, -(2**1024), 10**5000],
        ids=lambda v: f"{v.bit_length()}-bits",
    )
    def test_interval_of_a_huge_integer(self, value: int) -> None:
        with pytest.raises(exceptions.InvalidValueError, match="integer of") as caught:
            cm.Interval(low=value, high=1)
        assert "low" == caught.value.field

    def test_huge_integer_on_the_wire(self) -> None:
        data = copy.deepcopy(MINIMAL)
        data["assertions"][0]["confidence"]["probability"] = {"low": 2**1024 - 1, "high": 1}
        with pytest.raises(exceptions.DecodeError) as caught:
            cm.from_data(data)
        (problem,) = caught.value.problems
        assert "$.assertions[0].confidence.probability.low" == problem.path
        assert "from 0 to 1" in problem.message


class TestSignedZero:
    """Equal bundles encode identically: a probability of -0.0 is 0.0."""

    @pytest.mark.parametrize("zero", ["-0.0", "-0", "0", "0.0", "0e5", "-0e-5"])
    def test_every_spelling_of_zero(self, zero: str) -> None:
        data = copy.deepcopy(MINIMAL)
        data["assertions"][0]["confidence"]["probability"] = {"low": 0.0, "high": 1}
        positive = cm.from_data(data)
        text = json.dumps(data).replace('"low": 0.0', f'"low": {zero}')
        signed = cm.loads(text)
        assert (positive, hash(positive)) == (signed, hash(signed))
        assert cm.dumps(positive) == cm.dumps(signed)

    def test_constructor(self) -> None:
        interval = cm.Interval(low=-0.0, high=-0.0)
        assert ("0.0", "0.0") == (repr(interval.low), repr(interval.high))


def _every_module() -> Iterator[types.ModuleType]:
    """Every module of claimmodel that imports here (an optional extra may be missing)."""
    for info in pkgutil.walk_packages(claimmodel.__path__, "claimmodel."):
        if info.name.endswith(".__main__"):  # importing it runs the command line
            continue
        try:
            yield importlib.import_module(info.name)
        except (ImportError, exceptions.MissingExtraError):
            continue


def _public_exceptions() -> list[type[exceptions.ClaimModelError]]:
    """Every subclass of ClaimModelError in claimmodel, found by importing every module."""
    modules = list(_every_module())
    assert 40 < len(modules)
    found: list[type[exceptions.ClaimModelError]] = []
    todo: list[type[exceptions.ClaimModelError]] = [exceptions.ClaimModelError]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return sorted(found, key=lambda cls: cls.__name__)


def _raised() -> dict[type[BaseException], BaseException]:
    """One real instance of every public exception, raised by the library itself."""
    bundle = cm.loads(TEXT)
    denied = attrs.evolve(bundle.assertions[0], stance=cm.Stance.DENIES)
    errors: list[BaseException] = []
    tries: list[Any] = [
        lambda: cm.loads("{"),
        lambda: cm.loads('{"format": "claimmodel/9.0"}'),
        lambda: cm.loads(TEXT, limits=cm.Limits(max_document_bytes=10)),
        lambda: cm.Interval(low=2, high=1),
        lambda: cm.Interval(low="x", high=1),
        lambda: cm.validate(attrs.evolve(bundle, claims=())).raise_for_errors(),
        lambda: cm.merge([bundle, attrs.evolve(bundle, assertions=(denied,))]),
        lambda: list(cm.iter_load(io.BytesIO(b"{}\n"), name="c.jsonl")),
        lambda: exceptions.ClaimModelError("the root"),
        lambda: Format(
            name="absent", summary="x", module="m", writer="w", extra="x", requires=("cm_none",)
        ).exporter(),
        lambda: run_dot("not DOT {"),  # GraphvizError: dot refuses it, or is not installed
    ]
    for attempt in tries:
        try:
            raised = attempt()
        except exceptions.ClaimModelError as error:
            raised = error
        if isinstance(raised, BaseException):
            raised.add_note("a note")
            errors.append(raised)
    return {type(error): error for error in errors}


def _state(error: BaseException) -> tuple[object, ...]:
    return (type(error), error.args, str(error), vars(error))


def _raise_in_a_worker(error: BaseException) -> None:
    raise error


class TestPickling:
    """Every public exception survives pickle, and so a process pool, with all it carries."""

    def test_every_public_exception_is_a_claimmodel_error(self) -> None:
        public = [
            f"{module.__name__}.{name}"
            for module in _every_module()
            if not any(part.startswith("_") for part in module.__name__.split("."))
            for name, value in vars(module).items()
            if isinstance(value, type)
            and issubclass(value, BaseException)
            and value.__module__ == module.__name__
            and not name.startswith("_")
            and not issubclass(value, exceptions.ClaimModelError)
        ]
        assert [] == public

    def test_every_public_exception_is_covered(self) -> None:
        raised = _raised()
        assert [] == [cls.__name__ for cls in _public_exceptions() if cls not in raised]

    @pytest.mark.parametrize("cls", _public_exceptions(), ids=lambda cls: cls.__name__)
    def test_round_trip(self, cls: type[BaseException]) -> None:
        error = _raised()[cls]
        assert _state(error) == _state(pickle.loads(pickle.dumps(error)))

    def test_through_a_process_pool(self) -> None:
        error = _raised()[exceptions.ValidationError]
        assert isinstance(error, exceptions.ValidationError)
        with ProcessPoolExecutor(max_workers=1) as pool:
            future = pool.submit(_raise_in_a_worker, error)
            with pytest.raises(exceptions.ValidationError) as caught:
                future.result(timeout=60)
        assert error.findings == caught.value.findings


class TestFrozenMap:
    """A FrozenMap is hashable and cannot change, however it was built."""

    def test_built_from_mutable_values(self) -> None:
        frozen = cm.FrozenMap({"a": [1, {"b": [2]}], "c": {3}})
        assert hash(frozen) == hash(cm.FrozenMap({"c": {3}, "a": [1, {"b": [2]}]}))
        assert (1, cm.FrozenMap({"b": (2,)})) == frozen["a"]

    def test_its_items_cannot_be_changed(self) -> None:
        frozen = cm.FrozenMap({"a": 1})
        before = hash(frozen)
        with pytest.raises(TypeError):
            frozen._items["a"] = 2  # type: ignore[index]
        frozen.__init__({"a": 2})  # type: ignore[misc]
        with pytest.raises(AttributeError):
            frozen.a = 2
        assert (before, {"a": 1}) == (hash(frozen), dict(frozen))

    def test_the_source_is_not_shared(self) -> None:
        source: dict[str, Any] = {"a": [1]}
        frozen = cm.FrozenMap(source)
        source["a"].append(2)
        source["b"] = 3
        assert {"a": (1,)} == dict(frozen)

    def test_pickle(self) -> None:
        frozen = cm.FrozenMap({"a": (1, cm.FrozenMap({"b": -0.0}))})
        assert frozen == pickle.loads(pickle.dumps(frozen))


def _subcommands() -> list[str]:
    parser = _parser()
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return list(commands.choices)


# Every command that reads a file, in each way it reads one.
_READING: list[tuple[str, ...]] = [
    ("validate",),
    ("validate", "--jsonl"),
    ("show",),
    ("report",),
    ("graph",),
    ("export", "--to", "stix"),
    ("import", "--from", "stix"),
    ("cues",),
]


class TestPaths:
    """An empty path or a directory without bundles is said to be one, by every command."""

    @pytest.mark.parametrize("run", _READING, ids=" ".join)
    def test_an_empty_path(self, run: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
        assert 2 == main([*run, ""])
        assert "'': " in "".join(capsys.readouterr())

    def test_an_empty_path_named(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert 2 == main(["validate", ""])
        out, _ = capsys.readouterr()
        assert (
            "'': $: CM002 error: an empty path names no file; name a file, a directory or -\n"
            == out
        )

    def test_a_directory_without_bundles(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        (tmp_path / "notes.txt").write_text("not a bundle")
        (tmp_path / ".hidden.json").write_bytes(TEXT)
        assert 0 == main(["validate", str(tmp_path)])
        _, err = capsys.readouterr()
        assert f"claimmodel: warning: {tmp_path}: no bundle file (*.json, " in err
        assert err.endswith("0 files, 0 errors, 0 warnings\n")
        (tmp_path / "b.json").write_bytes(TEXT)
        assert 0 == main(["validate", str(tmp_path)])
        assert "claimmodel: warning" not in capsys.readouterr().err


class TestLongValuesInFindings:
    """A finding is one printable line of a few hundred characters, whatever the ids hold."""

    def test_a_megabyte_id(self) -> None:
        bundle = cm.loads(TEXT)
        assertion = attrs.evolve(bundle.assertions[0], claim="x\n" * 500_000 + "x")
        report = cm.validate(attrs.evolve(bundle, assertions=(assertion,)))
        (finding,) = report.at("$.assertions[0].claim")
        assert len(finding.message) <= 400
        assert finding.message.isprintable()
        assert "characters left out" in finding.message
        assert finding.message.endswith("add the claim or correct the id")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
class TestNamedPipes:
    """A named pipe that nothing writes to hangs no command."""

    def test_every_command_that_reads_a_file_is_tried(self) -> None:
        assert {*_subcommands()} - {"schema"} == {run[0] for run in _READING}

    @pytest.mark.parametrize("run", _READING, ids=" ".join)
    def test_no_writer(
        self,
        run: tuple[str, ...],
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        fifo = tmp_path / "pipe.json"
        os.mkfifo(fifo)
        monkeypatch.setattr(_inputs, "PIPE_WAIT", 0.2)
        started = time.monotonic()
        assert 2 == main([*run, str(fifo)])
        assert time.monotonic() - started < 10
        assert "nothing wrote to this named pipe" in "".join(capsys.readouterr())

    def test_a_writer_that_comes_later(self, tmp_path: Path) -> None:
        fifo = tmp_path / "pipe.json"
        os.mkfifo(fifo)

        def write() -> None:
            time.sleep(0.2)
            fifo.write_bytes(TEXT)

        writer = threading.Thread(target=write)
        writer.start()
        try:
            assert 0 == main(["show", str(fifo)])
        finally:
            writer.join()
