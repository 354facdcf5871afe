"""The registry of export and import formats: one table behind ``claimmodel export --to``
and ``claimmodel import --from``.

A :class:`Format` names the module that implements it and the optional extra that
module needs, as strings: listing the formats (for ``--help`` or an error message)
imports nothing, and a format's third-party library is imported only when a bundle
is actually exported or imported in it.  See ``docs/architecture.md``, "Exchange
formats", for how a format registers.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable, Mapping
from typing import cast

import attrs

from claimmodel.exceptions import InvalidTypeError, InvalidValueError, MissingExtraError
from claimmodel.model import Bundle, FrozenMap
from claimmodel.model import _checks as check

__all__ = [
    "Exporter",
    "Format",
    "Imported",
    "Importer",
    "export_bundle",
    "formats",
    "get_format",
    "import_bundle",
    "register_format",
]


def _counts(value: Mapping[str, int]) -> FrozenMap[int]:
    if not isinstance(value, Mapping):
        raise InvalidTypeError(
            f"skipped must be a mapping of kinds to counts, not {check.type_name(value)}",
            field="skipped",
        )
    for kind, count in value.items():
        if type(kind) is not str or type(count) is not int or count < 1:
            raise InvalidValueError(
                f"skipped maps each kind to a positive count, not {kind!r}: {count!r}",
                field="skipped",
            )
    return FrozenMap(dict(sorted(value.items())))


@attrs.frozen(kw_only=True)
class Imported:
    """What an importer made of a document: the ``bundle``, and what it left out.

    ``skipped`` counts the objects of the document that carry nothing claimmodel
    records (in STIX, indicators or malware), by kind, so that a caller can say
    what was not taken rather than drop it silently.
    """

    bundle: Bundle = attrs.field(validator=check.instance_of(Bundle, "a Bundle"))
    skipped: FrozenMap[int] = attrs.field(factory=FrozenMap[int], converter=_counts)

    def summary(self) -> str | None:
        """One line on what was skipped (``None`` when nothing was)."""
        if not self.skipped:
            return None
        total = sum(self.skipped.values())
        parts = ", ".join(f"{count} {kind}" for kind, count in self.skipped.items())
        what = "object that carries" if total == 1 else "objects that carry"
        return f"skipped {total} {what} no claim: {parts}"


Exporter = Callable[[Bundle], "str | bytes"]
"""A format's writer: a bundle in, the document's text (or bytes) out."""
Importer = Callable[[bytes], Imported]
"""A format's reader: the document's bytes in, an :class:`Imported` out."""

_NAME_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")


def _format_name(_: object, attribute: attrs.Attribute[str], value: object) -> None:
    if type(value) is not str or not value or not set(value) <= _NAME_CHARACTERS:
        raise InvalidValueError(
            f"a format name is lower-case letters, digits and hyphens, not {value!r}",
            field=attribute.name,
        )


@attrs.frozen(kw_only=True)
class Format:
    """One export/import format.

    ``name`` is what ``--to`` and ``--from`` take; ``summary`` the line ``--help``
    shows.  ``module`` is the dotted name of the module that implements the
    format, ``writer`` and ``reader`` the names of its :data:`Exporter` and
    :data:`Importer` functions (either may be ``None`` for a one-way format).
    ``extra`` is the optional extra that installs what the module needs, and
    ``requires`` the top-level modules that extra provides, checked before the
    format's module is imported so that a missing one is reported by name.
    """

    name: str = attrs.field(validator=_format_name)
    summary: str = attrs.field(validator=check.text)
    module: str = attrs.field(validator=check.identifier)
    writer: str | None = attrs.field(default=None, validator=check.optional_identifier)
    reader: str | None = attrs.field(default=None, validator=check.optional_identifier)
    extra: str | None = attrs.field(default=None, validator=check.optional_identifier)
    requires: tuple[str, ...] = check.tuple_field(check.identifier_items)

    def __attrs_post_init__(self) -> None:
        if self.writer is None and self.reader is None:
            raise InvalidValueError(
                f"format {self.name!r} needs a writer, a reader or both", field="writer"
            )

    @property
    def can_export(self) -> bool:
        """Whether bundles can be written in this format."""
        return self.writer is not None

    @property
    def can_import(self) -> bool:
        """Whether documents in this format can be read into bundles."""
        return self.reader is not None

    def _function(self, attribute: str | None, action: str) -> object:
        if attribute is None:
            raise InvalidValueError(f"the {self.name!r} format cannot be used to {action}")
        missing = [name for name in self.requires if not _installed(name)]
        if missing:
            raise self._missing(", ".join(missing))
        try:
            module = importlib.import_module(self.module)
        except ImportError as error:
            raise self._missing(error.name or str(error)) from error
        return getattr(module, attribute)

    def _missing(self, what: str) -> MissingExtraError:
        extra = self.extra or self.name
        return MissingExtraError(
            f"the {self.name!r} format needs {what}, which is not installed; "
            f"install the {extra!r} extra: pip install 'claimmodel[{extra}]'",
            extra=extra,
        )

    def exporter(self) -> Exporter:
        """The writer, its module imported now; :class:`MissingExtraError` without the extra."""
        return cast("Exporter", self._function(self.writer, "export"))

    def importer(self) -> Importer:
        """The reader, its module imported now; :class:`MissingExtraError` without the extra."""
        return cast("Importer", self._function(self.reader, "import"))


def _installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):  # ValueError: a module blocked as None in sys.modules
        return False


# The formats claimmodel ships.  A new built-in format adds one entry here (see
# docs/architecture.md); other packages call register_format.
_BUILT_IN = (
    Format(
        name="stix",
        summary="STIX 2.1 JSON: sources as Identities, assertions as Notes and Opinions, verdicts "
        "as their reviewers' Opinions",
        module="claimmodel.interop.stix",
        writer="to_stix_json",
        reader="read_stix",
        extra="stix",
        requires=("stix2",),
    ),
    Format(
        name="graphml",
        summary="GraphML: sources as nodes, dependencies and chain hops as edges (one-way)",
        module="claimmodel.interop.graph",
        writer="to_graphml",
        extra="graph",
        requires=("networkx",),
    ),
    Format(
        name="node-link",
        summary="networkx node-link JSON of the same graph as graphml (one-way)",
        module="claimmodel.interop.graph",
        writer="to_node_link_json",
        extra="graph",
        requires=("networkx",),
    ),
    Format(
        name="claimreview",
        summary="schema.org ClaimReview JSON-LD: one ClaimReview per verdict; reads JSON-LD, "
        "web pages and the Fact Check Tools API",
        module="claimmodel.interop.claimreview",
        writer="to_claimreview_json",
        reader="read_claimreview",
        extra="claimreview",
        requires=("pyld",),
    ),
    Format(
        name="factcheck-page",
        summary="Fact Check Tools API ClaimReviewMarkupPage JSON: one page per review URL",
        module="claimmodel.interop.claimreview",
        writer="to_factcheck_pages_json",
        reader="read_claimreview",
        extra="claimreview",
        requires=("pyld",),
    ),
    *(
        Format(
            name=name,
            summary=f"W3C {title}: sources as agents, each chain link a quotation (exact)",
            module="claimmodel.interop.prov",
            writer=f"_write_{name.replace('-', '_')}",
            reader=f"_read_{name.replace('-', '_')}",
            extra="prov",
            requires=("prov", "rdflib", "lxml"),
        )
        for name, title in (
            ("prov-json", "PROV-JSON"),
            ("prov-n", "PROV-N"),
            ("prov-xml", "PROV-XML"),
            ("prov-o", "PROV-O in Turtle"),
        )
    ),
)

_FORMATS: dict[str, Format] = {entry.name: entry for entry in _BUILT_IN}


def register_format(entry: Format, *, replace: bool = False) -> None:
    """Add ``entry`` to the formats ``export_bundle``, ``import_bundle`` and the command
    line know; a name already taken is an error unless ``replace`` is true."""
    if not isinstance(entry, Format):
        raise InvalidTypeError(f"expected a Format, not {check.type_name(entry)}")
    if entry.name in _FORMATS and not replace:
        raise InvalidValueError(f"a format named {entry.name!r} is already registered")
    _FORMATS[entry.name] = entry


def formats() -> tuple[Format, ...]:
    """Every registered format, by name."""
    return tuple(sorted(_FORMATS.values(), key=lambda entry: entry.name))


def get_format(name: str) -> Format:
    """The format called ``name``; an :class:`InvalidValueError` listing the known ones."""
    entry = _FORMATS.get(name) if type(name) is str else None
    if entry is None:
        known = ", ".join(repr(known) for known in sorted(_FORMATS))
        raise InvalidValueError(f"unknown format {name!r}; known formats: {known}")
    return entry


def export_bundle(bundle: Bundle, *, to: str) -> str | bytes:
    """``bundle`` written in the format called ``to``."""
    if not isinstance(bundle, Bundle):
        raise InvalidTypeError(f"expected a Bundle, not {check.type_name(bundle)}")
    return get_format(to).exporter()(bundle)


def import_bundle(data: str | bytes, *, from_format: str) -> Imported:
    """The document ``data`` (text, or bytes as read from a file) read in ``from_format``."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    elif not isinstance(data, bytes):
        raise InvalidTypeError(f"expected text or bytes, not {check.type_name(data)}")
    return get_format(from_format).importer()(data)
