"""STIX 2.1 out and back in (the ``stix`` extra, on the OASIS ``stix2`` library).

:func:`to_stix` writes a bundle as a :class:`stix2.Bundle` (:func:`to_stix_json` as
JSON text): sources as Identities, affiliations as Relationships, assertions as
Notes (an opposing stance as an Opinion about the Notes it opposes), verdicts as
Opinions created by their reviewers, the record as a Report.  claimmodel's property
extension carries what STIX has no place for, so :func:`from_stix` gives back exactly
the bundle that was written.  STIX written
by anyone else is read too: :func:`read_stix` also says which objects carried no
claim and were skipped.  ``docs/stix.md`` has the mapping.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

try:
    import stix2
    import stix2.exceptions
except ImportError as error:  # pragma: no cover  (tested in a subprocess)
    raise ImportError(
        "claimmodel.interop.stix needs the stix2 library, which is an optional extra; "
        "install it with: pip install 'claimmodel[stix]'"
    ) from error

from claimmodel.exceptions import DecodeError, LimitExceededError, Problem
from claimmodel.format import Limits, from_data
from claimmodel.format._errors import json_escaped
from claimmodel.interop._registry import Imported
from claimmodel.interop._stix_read import is_ours, merged
from claimmodel.interop._stix_terms import EXTENSION_ID, TOOL_IDENTITY_ID, UUID_NAMESPACE
from claimmodel.interop._stix_write import Ids, stix_objects
from claimmodel.model import Bundle

__all__ = [
    "EXTENSION_ID",
    "TOOL_IDENTITY_ID",
    "UUID_NAMESPACE",
    "from_stix",
    "read_stix",
    "strip_extension",
    "to_stix",
    "to_stix_json",
]


def to_stix_json(bundle: Bundle, *, ids: Ids = "deterministic", indent: int | None = 2) -> str:
    """``bundle`` as STIX 2.1 JSON text.

    ``ids="deterministic"`` (the default) derives every object's id from the
    claimmodel id it stands for (UUIDv5), so exporting the same bundle twice gives
    the same bytes; ``ids="random"`` draws UUIDv4 ids, as STIX recommends for
    domain objects, at the price of that stability.
    """
    # Characters that JSON leaves raw but a terminal or an editor acts on (C1 controls,
    # DEL, line separators, bidirectional controls) are written as \uXXXX: the same data.
    text = json.dumps(stix_objects(bundle, ids=ids), ensure_ascii=False, indent=indent)
    text = json_escaped(text)
    return text + "\n" if indent is not None else text


def to_stix(bundle: Bundle, *, ids: Ids = "deterministic") -> stix2.Bundle:
    """``bundle`` as a :class:`stix2.Bundle`, parsed by ``stix2`` with no custom content."""
    parsed = stix2.parse(to_stix_json(bundle, ids=ids), allow_custom=False, version="2.1")
    assert isinstance(parsed, stix2.Bundle)
    return parsed


def _problem(path: str, message: str) -> DecodeError:
    return DecodeError([Problem(path=path, message=message)])


def _objects(
    data: str | bytes | Mapping[str, Any] | stix2.Bundle, limits: Limits
) -> list[dict[str, Any]]:
    """The objects of a STIX 2.1 bundle, each checked by ``stix2``."""
    if isinstance(data, stix2.Bundle):
        data = data.serialize()
    if isinstance(data, str | bytes):
        limits.check_document(data)
        try:
            data = json.loads(data)
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise _problem("$", f"not valid JSON: {error}") from None
        except RecursionError:
            raise _problem("$", "the JSON is nested too deeply to read") from None
    if not isinstance(data, Mapping) or data.get("type") != "bundle":
        raise _problem("$", 'a STIX document is a JSON object with "type": "bundle"')
    objects = data.get("objects", [])
    if not isinstance(objects, list):
        raise _problem("$.objects", "a STIX bundle's objects are a JSON array")
    checked = []
    for index, obj in enumerate(objects):
        where = f"$.objects[{index}]"
        if not isinstance(obj, dict):
            raise _problem(where, "a STIX object is a JSON object")
        try:
            stix2.parse(obj, allow_custom=True, version="2.1")
        except RecursionError:
            raise _problem(where, "the object is nested too deeply to read") from None
        except (stix2.exceptions.STIXError, ValueError, TypeError, KeyError) as error:
            kind = obj.get("type", "object")
            raise _problem(where, f"not a valid STIX 2.1 {kind}: {error}") from None
        checked.append(obj)
    ids = [obj["id"] for obj in checked]
    if len(set(ids)) != len(ids):
        repeated = next(stix_id for stix_id in ids if ids.count(stix_id) > 1)
        raise _problem("$.objects", f"{repeated} appears more than once; keep one version")
    return checked


def _decode(wire: dict[str, Any], limits: Limits) -> Bundle:
    try:
        return from_data(wire, limits=limits)
    except LimitExceededError:
        raise
    except DecodeError as error:
        raise DecodeError(
            [
                Problem(path=problem.path, message=f"as claimmodel data: {problem.message}")
                for problem in error.problems
            ]
        ) from None


def read_stix(
    data: str | bytes | Mapping[str, Any] | stix2.Bundle, *, limits: Limits | None = None
) -> Imported:
    """Read a STIX 2.1 bundle (JSON text or bytes, parsed JSON, or a ``stix2.Bundle``).

    Objects claimmodel wrote come back exactly; Identities, Notes, Opinions,
    Relationships and Reports from anyone else are read as :doc:`docs/stix.md`
    describes, and every other object (indicators, malware, …) is counted in
    :attr:`Imported.skipped`.  Malformed STIX raises
    :class:`~claimmodel.exceptions.DecodeError` with the path of the object at fault;
    text over ``limits.max_document_bytes`` raises
    :class:`~claimmodel.exceptions.LimitExceededError`, and the claimmodel data read is
    held to ``limits`` as :func:`claimmodel.from_data` holds it.
    """
    limits = limits if limits is not None else Limits()
    objects = _objects(data, limits)
    wire, skipped = merged(objects)
    return Imported(bundle=_decode(wire, limits), skipped=dict(+skipped))


def from_stix(
    data: str | bytes | Mapping[str, Any] | stix2.Bundle, *, limits: Limits | None = None
) -> Bundle:
    """The claimmodel bundle a STIX 2.1 bundle holds (see :func:`read_stix`)."""
    return read_stix(data, limits=limits).bundle


def strip_extension(data: str | bytes | Mapping[str, Any]) -> dict[str, Any]:
    """A copy of a STIX bundle without claimmodel's extension: what a STIX tool that
    ignores it sees."""
    if isinstance(data, str | bytes):
        data = json.loads(data)
    assert isinstance(data, Mapping)
    objects = []
    for obj in data["objects"]:
        if obj["id"] in {EXTENSION_ID, TOOL_IDENTITY_ID}:
            continue
        plain = {k: v for k, v in obj.items() if k != "extensions"} if is_ours(obj) else obj
        objects.append(plain)
    return {**data, "objects": objects}
