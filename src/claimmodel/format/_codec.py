"""``loads``/``dumps`` and their dict-level and file-level siblings."""

from __future__ import annotations

import json
from typing import IO, Any

from claimmodel.exceptions import ClaimModelError, DecodeError, Problem
from claimmodel.format._converter import converter
from claimmodel.format._envelope import FORMAT_VERSION, parse_version, upgrade
from claimmodel.format._errors import problems_from
from claimmodel.format._fast import (
    encode_compact,
    gc_paused,
    structure_bundle,
    unstructure_bundle,
)
from claimmodel.model import Bundle
from claimmodel.model._checks import type_name

__all__ = ["dump", "dumps", "from_data", "json_schema", "load", "loads", "to_data"]

SCHEMA_RESOURCE = "claimmodel-1.0.schema.json"


def _reject_constant(name: str) -> Any:
    raise DecodeError.single("$", f"{name} is not valid JSON; numbers must be finite")


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise DecodeError.single(
                    "$", f"key {key!r} appears twice in one object; JSON keys must be unique"
                )
            seen.add(key)
    return result


def _parse_json(text: str | bytes) -> Any:
    if isinstance(text, bytes | bytearray):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as error:
            raise DecodeError.single(
                "$", f"the document is not UTF-8: byte {error.start} cannot be decoded"
            ) from None
    elif not isinstance(text, str):
        raise DecodeError.single("$", f"expected JSON text (str or bytes), got {type_name(text)}")
    if text.startswith("\ufeff"):
        text = text[1:]  # A byte-order mark says nothing about the content (RFC 8259 §8.1).
    try:
        return json.loads(
            text, parse_constant=_reject_constant, object_pairs_hook=_no_duplicate_keys
        )
    except json.JSONDecodeError as error:
        raise DecodeError.single(
            "$", f"not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        ) from None
    except RecursionError:
        raise DecodeError.single("$", "the JSON is nested too deeply to read") from None
    except ValueError as error:  # e.g. an integer with more digits than Python reads
        if isinstance(error, ClaimModelError):
            raise
        raise DecodeError.single("$", f"not valid JSON: {error}") from None


def from_data(data: object) -> Bundle:
    """A :class:`~claimmodel.Bundle` from parsed JSON data (``dict``/``list``/``str``/…).

    Raises :class:`~claimmodel.exceptions.DecodeError` carrying every problem
    found, each with its path in wire names.
    """
    if type(data) is not dict:
        raise DecodeError.single("$", f"a bundle is a JSON object, not {type_name(data)}")
    if "format" not in data:
        raise DecodeError.single(
            "$.format", f"required key 'format' is missing; expected e.g. {FORMAT_VERSION!r}"
        )
    body = upgrade(data, parse_version(data["format"]))
    body = {key: value for key, value in body.items() if key != "format"}
    with gc_paused():
        return _structure(body)


def _structure(body: dict[str, Any]) -> Bundle:
    # -- engine selection: the fast engine first, the reference converter when it
    # declines; so every rejection, and its report, is the converter's.
    try:
        return structure_bundle(body)
    except Exception:  # noqa: BLE001, S110  (any doubt: the reference path decides)
        pass
    # -- the reference path.
    try:
        return converter.structure(body, Bundle)
    except RecursionError:
        raise DecodeError.single("$", "the document is nested too deeply to read") from None
    except Exception as error:  # noqa: BLE001  (every failure becomes a DecodeError)
        problems: list[Problem] = list(problems_from(error))
        raise DecodeError(problems) from None


def to_data(bundle: Bundle) -> dict[str, Any]:
    """The bundle as plain JSON data, ``format`` first, ready for any JSON encoder."""
    if not isinstance(bundle, Bundle):
        raise TypeError(f"expected a Bundle, got {type_name(bundle)}")
    data = unstructure_bundle(bundle)  # the converter's output, written faster
    return {"format": FORMAT_VERSION, **data}


def loads(text: str | bytes) -> Bundle:
    """Decode a bundle from JSON text.

    Every failure — not UTF-8, not JSON, duplicate keys, wrong types, unknown keys,
    an unsupported format version — raises
    :class:`~claimmodel.exceptions.DecodeError` listing every problem found.
    """
    with gc_paused():
        return from_data(_parse_json(text))


def dumps(bundle: Bundle, *, indent: int | None = None) -> str:
    """Encode a bundle as JSON text.

    The output is deterministic: equal bundles give identical text.  Non-ASCII
    characters are written as themselves.  ``indent`` pretty-prints.
    """
    data = to_data(bundle)
    if indent is None and (text := encode_compact(data)) is not None:
        return text  # orjson, when installed and sure to write the same bytes
    separators = (",", ":") if indent is None else (",", ": ")
    return json.dumps(
        data,
        ensure_ascii=False,
        allow_nan=False,
        indent=indent,
        separators=separators,
    )


def load(file: IO[bytes] | IO[str]) -> Bundle:
    """Decode a bundle from an open file (binary or text)."""
    return loads(file.read())


def dump(bundle: Bundle, file: IO[str]) -> None:
    """Write a bundle to a text file, pretty-printed with a final newline.

    ``dump(load(f))`` reproduces a file written by :func:`dump` byte for byte.
    """
    file.write(dumps(bundle, indent=2))
    file.write("\n")


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the current format, as a fresh ``dict``."""
    from importlib import resources  # noqa: PLC0415  (rarely needed; keep import time low)

    text = resources.files("claimmodel.format.schema").joinpath(SCHEMA_RESOURCE).read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
