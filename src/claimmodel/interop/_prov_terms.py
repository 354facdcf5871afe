"""The names and values a claimmodel PROV document is written in.

Two reversible encodings keep every claimmodel id and every string valid in all
four PROV serializations:

* ids become the local part of a qualified name (and so of an IRI): ASCII
  letters are kept, and so are digits and hyphens after the first character;
  every other character is written as ``_`` + its code point in hex + ``_``.
  ``_`` itself is always escaped, so the encoding reads back without ambiguity,
  and a local part is always an XML NCName, a PROV-N local name and an IRI
  segment (``src-1`` stays, ``a_1`` becomes ``a_5f_1``, ``1`` becomes ``_31_``);
* wire data is written as a plain string where it is a string every serialization
  carries as it is, under ``claimmodel:KEY``; anything else — numbers, arrays,
  objects, and strings PROV-XML cannot carry (C0 controls other than tab and line
  feed, carriage returns, which XML readers turn into line feeds, lone surrogates,
  U+FFFE and U+FFFF) or that hold a character a terminal acts on and PROV-N cannot
  escape (DEL, C1 controls, line separators, bidirectional controls) — is written
  as JSON text under ``json:KEY``, with those characters as ``\\u`` escapes.  Plain
  strings keep every serialization schema-valid, where a datatype of claimmodel's own
  would not be (the PROV-XML schema knows no such type), so nothing is written broken
  and nothing is lost.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Final

from prov.model import Namespace, ProvDocument, QualifiedName

from claimmodel.exceptions import DecodeError
from claimmodel.model import PartialDate, Precision

__all__ = [
    "ASSERTION",
    "AUTHOR",
    "BUNDLE",
    "CLAIM",
    "CLAIMMODEL",
    "EVIDENCE",
    "EVIDENCE_ROLE",
    "FORMAT",
    "NAMESPACES",
    "OTHER",
    "POSITION",
    "PROPOSITION",
    "PUBLISHER",
    "RELATION",
    "RELAY",
    "SOURCE",
    "STATEMENT",
    "WIRE_JSON",
    "decode_id",
    "encode_id",
    "instant",
    "is_plain",
    "json_text",
    "new_document",
    "read_json",
    "read_text",
    "wire_attribute",
]

CLAIMMODEL: Final = Namespace("claimmodel", "urn:claimmodel:vocabulary:")
"""claimmodel's own terms: types, bookkeeping and the wire data PROV has no term for."""
WIRE_JSON: Final = Namespace("json", "urn:claimmodel:json:")
"""Wire data written as JSON text: ``json:confidence`` holds the assertion's confidence."""
BUNDLE: Final = Namespace("bundle", "urn:claimmodel:bundle:")
SOURCE: Final = Namespace("source", "urn:claimmodel:source:")
CLAIM: Final = Namespace("claim", "urn:claimmodel:claim:")
ASSERTION: Final = Namespace("assertion", "urn:claimmodel:assertion:")
STATEMENT: Final = Namespace("statement", "urn:claimmodel:statement:")
RELAY: Final = Namespace("relay", "urn:claimmodel:relay:")
RELATION: Final = Namespace("relation", "urn:claimmodel:relation:")
EVIDENCE: Final = Namespace("evidence", "urn:claimmodel:evidence:")
NAMESPACES: Final = (
    CLAIMMODEL,
    WIRE_JSON,
    BUNDLE,
    SOURCE,
    CLAIM,
    ASSERTION,
    STATEMENT,
    RELAY,
    RELATION,
    EVIDENCE,
)

POSITION: Final = CLAIMMODEL["_position"]
"""Where an item sits in its array: PROV-O and PROV-JSON keep no order of records."""
FORMAT: Final = CLAIMMODEL["_format"]
"""The claimmodel format version of the wire data the attributes carry."""
OTHER: Final = WIRE_JSON["_other"]
"""Wire keys that are not names, gathered into one JSON object."""
PROPOSITION: Final = CLAIMMODEL["proposition"]
"""The role in which an assertion uses its claim."""
EVIDENCE_ROLE: Final = CLAIMMODEL["evidence"]
"""The role in which an assertion uses its evidence."""
AUTHOR: Final = CLAIMMODEL["author"]
"""The ``prov:type`` of the attribution of a document to one of its authors."""
PUBLISHER: Final = CLAIMMODEL["publisher"]
"""The ``prov:type`` of the attribution of a document to its publisher."""

_ESCAPE = re.compile(r"_([0-9a-f]{1,6})_")
_ENCODED = re.compile(r"(?:[A-Za-z]|_[0-9a-f]{1,6}_)(?:[A-Za-z0-9-]|_[0-9a-f]{1,6}_)*")
# Characters XML 1.0 cannot hold, plus the carriage return, which XML readers
# normalize to a line feed unless it is escaped as a character reference.
# What XML 1.0 cannot hold, and what a terminal acts on (DEL, C1 controls, separators,
# bidirectional controls), which PROV-N cannot escape: such strings travel as JSON text.
_NOT_PLAIN = re.compile(
    "[^\t\n\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
    "|[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
# A wire key written as an attribute of its own: what every model field and
# most extension keys look like.  Bookkeeping names start with "_" instead, so
# they never meet a wire key.
_WIRE_KEY = re.compile(r"[a-z][A-Za-z0-9_-]*", re.ASCII)
_LARGEST_OFFSET: Final = dt.timedelta(hours=14)


def encode_id(identifier: str) -> str:
    """The local part of a qualified name that stands for ``identifier``."""
    out = []
    for index, character in enumerate(identifier):
        if character.isascii() and (
            character.isalpha() or (index and (character.isdigit() or character == "-"))
        ):
            out.append(character)
        else:
            out.append(f"_{ord(character):x}_")
    return "".join(out)


def decode_id(local: str, *, where: str) -> str:
    """The id a local part written by :func:`encode_id` stands for."""
    if not _ENCODED.fullmatch(local):
        raise DecodeError.single(where, f"{local!r} is not an id claimmodel wrote")
    try:
        return _ESCAPE.sub(lambda match: chr(int(match.group(1), 16)), local)
    except (ValueError, OverflowError):
        raise DecodeError.single(where, f"{local!r} escapes no character") from None


def instant(wire_date: object) -> dt.datetime | None:
    """The PROV time of a wire date known to the minute or finer, else ``None``.

    PROV times are instants (``xsd:dateTime``); a day or a month is a period, and
    stays claimmodel data only, as does a time whose UTC offset is beyond the
    ±14:00 that ``xsd:dateTime`` allows.
    """
    if type(wire_date) is not str:
        return None
    date = PartialDate.fromisoformat(wire_date)
    if date.precision not in {Precision.MINUTE, Precision.SECOND}:
        return None
    if date.tz is not None and abs(date.tz.utcoffset(None)) > _LARGEST_OFFSET:
        return None
    return date.earliest()


def json_text(value: object) -> str:
    """``value`` as JSON text every serialization carries (see the module docstring)."""
    text = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    # Unwritable characters can only sit inside JSON strings, where \\u escapes hold them.
    return _NOT_PLAIN.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def is_plain(value: object) -> bool:
    """Whether ``value`` is a string every serialization carries as it is."""
    return type(value) is str and not _NOT_PLAIN.search(value)


def wire_attribute(key: str, value: object) -> tuple[QualifiedName, str] | None:
    """The attribute a wire key and its value travel as, or ``None`` for a key that is
    not a name (those are gathered into one JSON object under ``json:_other``)."""
    if not _WIRE_KEY.fullmatch(key):
        return None
    if is_plain(value):
        assert isinstance(value, str)
        return CLAIMMODEL[key], value
    return WIRE_JSON[key], json_text(value)


def read_json(value: object, *, where: str) -> object:
    """The wire data a ``json:`` attribute holds."""
    if type(value) is not str:
        raise DecodeError.single(where, f"{value!r} is not JSON text")
    try:
        return json.loads(value)
    except ValueError as error:
        raise DecodeError.single(where, f"not JSON text: {error}") from None


def read_text(value: object, *, where: str) -> str:
    """A plain string attribute's value."""
    if type(value) is not str:
        raise DecodeError.single(where, f"{value!r} is not a plain string")
    return value


def new_document() -> ProvDocument:
    """An empty document with claimmodel's namespaces declared."""
    document = ProvDocument()
    for namespace in NAMESPACES:
        document.add_namespace(namespace)
    return document
