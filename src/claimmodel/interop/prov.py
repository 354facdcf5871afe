"""W3C PROV: a bundle's attribution chains as provenance, and back (extra ``prov``).

:func:`to_prov` writes a bundle as a :class:`prov.model.ProvDocument` — sources as
agents, each assertion as an activity generating a statement attributed to its
speaker, each link of a chain as a statement quoting the one before it — and
:func:`from_prov` reads such a document back into the same bundle: what PROV has
no term for travels in the ``claimmodel`` namespace.  :func:`serialize_prov` and
:func:`parse_prov` write and read documents in the four serializations through
the ``prov`` library — PROV-JSON, PROV-N, PROV-XML and PROV-O (Turtle) — and
:func:`dumps_prov` and :func:`loads_prov` do both steps at once.  docs/prov.md
has the mapping.

Install the extra first: ``pip install 'claimmodel[prov]'``.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Final, Literal

try:
    from prov.model import ProvDocument
except ImportError as error:  # pragma: no cover - exercised without the extra only
    raise ImportError(
        "claimmodel.interop.prov needs the prov library, which is an optional extra; "
        "install it with: pip install 'claimmodel[prov]'"
    ) from error

from claimmodel.exceptions import DecodeError, InvalidValueError
from claimmodel.format import Limits
from claimmodel.format._limits import DEFAULT_LIMITS
from claimmodel.interop._prov_read import from_prov
from claimmodel.interop._prov_terms import CLAIMMODEL
from claimmodel.interop._prov_write import DELEGATING_AFFILIATIONS, to_prov
from claimmodel.interop._registry import Imported
from claimmodel.model import Bundle

__all__ = [
    "CLAIMMODEL",
    "DELEGATING_AFFILIATIONS",
    "PROV_FORMATS",
    "ProvFormat",
    "dumps_prov",
    "from_prov",
    "loads_prov",
    "parse_prov",
    "serialize_prov",
    "to_prov",
]

ProvFormat = Literal["prov-json", "prov-n", "prov-xml", "prov-o"]
"""The serializations: PROV-JSON, PROV-N, PROV-XML and PROV-O in Turtle."""

# Each serialization's name in the prov library and the options it takes there.
_SERIALIZERS: Final[dict[str, tuple[str, dict[str, str]]]] = {
    "prov-json": ("json", {}),
    "prov-n": ("provn", {}),
    "prov-xml": ("xml", {}),
    "prov-o": ("rdf", {"rdf_format": "turtle"}),
}
PROV_FORMATS: Final[tuple[ProvFormat, ...]] = ("prov-json", "prov-n", "prov-xml", "prov-o")
"""The serializations' names, as :func:`dumps_prov` and :func:`loads_prov` take them."""


def _serializer(format: str) -> tuple[str, dict[str, str]]:  # noqa: A002  (prov's own word)
    try:
        return _SERIALIZERS[format]
    except (KeyError, TypeError):
        known = ", ".join(PROV_FORMATS)
        raise InvalidValueError(f"unknown PROV format {format!r}; known: {known}") from None


@contextmanager
def _quiet_rdflib() -> Iterator[None]:
    # rdflib 7.6 warns about its own use of Dataset.default_context inside the
    # Turtle serializer that prov calls; nothing a caller of ours can change.
    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", message=r"Dataset\.default_context is deprecated", category=DeprecationWarning
        )
        yield


def serialize_prov(document: ProvDocument, *, format: ProvFormat = "prov-json") -> str:  # noqa: A002
    """``document`` as text in ``format``, written by the ``prov`` library."""
    name, options = _serializer(format)
    stream = io.StringIO()
    with _quiet_rdflib():
        document.serialize(stream, format=name, **options)
    return stream.getvalue()


def parse_prov(
    data: str | bytes,
    *,
    format: ProvFormat = "prov-json",  # noqa: A002
    limits: Limits = DEFAULT_LIMITS,
) -> ProvDocument:
    """The document in ``data``, read by the ``prov`` library.

    Text over ``limits.max_document_bytes`` (UTF-8 bytes, counted as
    :func:`claimmodel.loads` counts them) raises
    :class:`~claimmodel.exceptions.LimitExceededError` before any parsing; text the
    library cannot parse raises :class:`~claimmodel.exceptions.DecodeError` with the
    library's message.
    """
    name, options = _serializer(format)
    if isinstance(data, str | bytes):
        limits.check_document(data)
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise DecodeError.single("$", f"{format} text is not UTF-8: {error}") from None
    elif not isinstance(data, str):
        raise DecodeError.single("$", f"{format} input must be text or bytes")
    try:
        with _quiet_rdflib():
            return ProvDocument.deserialize(content=data, format=name, **options)
    except MemoryError:
        raise
    # The library and the parsers beneath it (json, lxml, rdflib) raise exceptions
    # of many unrelated classes on malformed text, and each becomes one DecodeError.
    except Exception as error:  # noqa: BLE001
        message = str(error) or type(error).__name__
        raise DecodeError.single("$", f"not readable as {format}: {message}") from None


def dumps_prov(bundle: Bundle, *, format: ProvFormat = "prov-json") -> str:  # noqa: A002
    """``bundle`` as PROV text in ``format``: :func:`to_prov`, then :func:`serialize_prov`."""
    return serialize_prov(to_prov(bundle), format=format)


def loads_prov(
    data: str | bytes,
    *,
    format: ProvFormat = "prov-json",  # noqa: A002
    limits: Limits = DEFAULT_LIMITS,
) -> Bundle:
    """The bundle in PROV text that :func:`dumps_prov` wrote: :func:`parse_prov`, then
    :func:`from_prov`, each raising :class:`~claimmodel.exceptions.DecodeError` on
    what it cannot read, and both holding the input to ``limits``."""
    return from_prov(parse_prov(data, format=format, limits=limits), limits=limits)


# The writers and readers `claimmodel export --to` and `import --from` call, one per
# serialization (see the registry in _registry.py).


def _text(bundle: Bundle, serialization: ProvFormat) -> str:
    text = dumps_prov(bundle, format=serialization)
    return text if text.endswith("\n") else text + "\n"


def _write_prov_json(bundle: Bundle) -> str:
    return _text(bundle, "prov-json")


def _write_prov_n(bundle: Bundle) -> str:
    return _text(bundle, "prov-n")


def _write_prov_xml(bundle: Bundle) -> str:
    return _text(bundle, "prov-xml")


def _write_prov_o(bundle: Bundle) -> str:
    return _text(bundle, "prov-o")


def _read_prov_json(data: bytes) -> Imported:
    return Imported(bundle=loads_prov(data, format="prov-json"))


def _read_prov_n(data: bytes) -> Imported:
    return Imported(bundle=loads_prov(data, format="prov-n"))


def _read_prov_xml(data: bytes) -> Imported:
    return Imported(bundle=loads_prov(data, format="prov-xml"))


def _read_prov_o(data: bytes) -> Imported:
    return Imported(bundle=loads_prov(data, format="prov-o"))
