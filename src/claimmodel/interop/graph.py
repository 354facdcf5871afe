"""A bundle as a networkx graph of who said it through whom (extra ``graph``).

:func:`to_networkx` builds a :class:`networkx.MultiDiGraph`: each source of the
bundle is a node, and each stated dependency (an affiliation, an office held at
an organization, a collective's listed member, a document's author or publisher)
and each hop of an attribution chain is an edge.  :func:`to_graphml` and
:func:`to_node_link_json` write that graph as GraphML and as networkx's
node-link JSON; networkx's own readers read either back to an equal graph
(``networkx.utils.graphs_equal``).

Every attribute value is a string, except an edge's ``hop`` (an integer), so
that GraphML, which holds only scalars, carries the graph unchanged.  The rule
for the values GraphML cannot hold: a value that is absent (``None``) or an
empty list is left out, so a missing attribute means "not stated", and a
non-empty list (a source's ``aliases``) is written as the text of a JSON array.
Dates are written in the wire format's ISO 8601 form, cut at their precision.
``docs/graphs.md`` lists every attribute.

Install the extra first: ``pip install 'claimmodel[graph]'``.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from typing import Final

try:
    import networkx as nx
except ImportError as error:  # pragma: no cover - exercised without the extra only
    raise ImportError(
        "claimmodel.interop.graph needs networkx, which is an optional extra; "
        "install it with: pip install 'claimmodel[graph]'"
    ) from error

from claimmodel.exceptions import InvalidTypeError, InvalidValueError
from claimmodel.format import FORMAT_VERSION
from claimmodel.format._errors import json_escaped
from claimmodel.model import Bundle, Collective, Document, PartialDate
from claimmodel.model import _checks as check

__all__ = [
    "DEPENDENCY_RELATIONS",
    "RELAYS",
    "to_graphml",
    "to_networkx",
    "to_node_link_json",
]

RELAYS: Final = "relays"
"""The ``relation`` of an edge that is one hop of an attribution chain."""

DEPENDENCY_RELATIONS: Final = (
    "member-of",
    "employed-by",
    "part-of",
    "controlled-by",
    "funded-by",
    "holds-office-at",
    "listed-member-of",
    "written-by",
    "published-by",
)
"""The ``relation`` of an edge that is a dependency the record states: the five
affiliation kinds (by their wire spelling), an office held at an organization, a
listed member of a collective, a document's author and its publisher.  The same
spellings as :class:`claimmodel.analysis.DependencyKind`."""

Attributes = dict[str, str | int]


def _put(attributes: Attributes, name: str, value: str | PartialDate | None) -> None:
    """Set ``name`` unless the value is absent: a missing attribute means "not stated"."""
    if value is not None:
        attributes[name] = str(value)


def _list(attributes: Attributes, name: str, values: tuple[str, ...]) -> None:
    """A non-empty list as the text of a JSON array; an empty one left out."""
    if values:
        attributes[name] = json.dumps(list(values), ensure_ascii=False)


def _graph_attributes(bundle: Bundle) -> Attributes:
    attributes: Attributes = {"format": FORMAT_VERSION}
    _put(attributes, "bundle", bundle.id)  # not "id": networkx's GraphML writer drops it
    _put(attributes, "title", bundle.title)
    _put(attributes, "document", bundle.document)
    _put(attributes, "published", bundle.published)
    return attributes


def _dependency_edges(bundle: Bundle) -> Iterator[tuple[str, str, str, Attributes]]:
    """``(source, target, key, attributes)`` for every stated dependency, in bundle order."""
    for source in bundle.sources:
        for number, affiliation in enumerate(source.affiliations):
            attributes: Attributes = {"relation": affiliation.kind.value}
            _put(attributes, "start", affiliation.start)
            _put(attributes, "end", affiliation.end)
            yield source.id, affiliation.target, f"{source.id}/affiliation/{number}", attributes
        for number, role in enumerate(source.roles):
            if role.organization is None:
                continue
            attributes = {"relation": "holds-office-at", "office": role.office}
            _put(attributes, "start", role.start)
            _put(attributes, "end", role.end)
            yield source.id, role.organization, f"{source.id}/role/{number}", attributes
        if isinstance(source, Collective):
            for number, member in enumerate(source.members):
                attributes = {"relation": "listed-member-of"}
                yield member, source.id, f"{source.id}/member/{number}", attributes
        if isinstance(source, Document):
            for number, author in enumerate(source.authors):
                attributes = {"relation": "written-by"}
                yield source.id, author, f"{source.id}/author/{number}", attributes
            if source.publisher is not None:
                attributes = {"relation": "published-by"}
                yield source.id, source.publisher, f"{source.id}/publisher", attributes


def _relay_edges(bundle: Bundle) -> Iterator[tuple[str, str, str, Attributes]]:
    """One edge for each hop of each attribution chain, from the speaker towards the reader."""
    for assertion in bundle.assertions:
        path = assertion.attribution.path
        for hop, link in enumerate(assertion.attribution.chain):
            attributes: Attributes = {
                "relation": RELAYS,
                "assertion": assertion.id,
                "claim": assertion.claim,
                "stance": assertion.stance.value,
                "hop": hop,
                "channel": link.channel.value,
            }
            _put(attributes, "date", link.date)
            _put(attributes, "cue", link.cue)
            yield path[hop], link.source, f"{assertion.id}/{hop}", attributes


def to_networkx(bundle: Bundle) -> nx.MultiDiGraph[str]:
    """The sources of ``bundle`` as nodes, its dependencies and relays as edges.

    Nodes are keyed by source id, with ``kind``, ``label`` (the name, else the
    description, else the id), and ``name``, ``description`` and ``aliases`` when
    the source has them.  A source that an edge names but the bundle does not hold
    is a node without attributes.  Each edge has a ``relation`` (``"relays"`` or
    one of :data:`DEPENDENCY_RELATIONS`) and a key unique in the graph: a relay
    runs from the speaker (or the previous intermediary) to the intermediary, keyed
    ``ASSERTION/HOP``, with the ``assertion``, its ``claim`` and ``stance``, the
    ``hop`` (0 for the speaker's own hop), the link's ``channel`` and, when stated,
    its ``date`` and ``cue``; a dependency runs from the dependent source to the one
    it depends on, with its ``start`` and ``end`` when stated (and the ``office`` of
    an office held).  The graph's own attributes are the bundle's ``format``, and,
    when stated, the bundle's id (as ``bundle``), ``title``, ``document`` and
    ``published`` date, beside networkx's GraphML key defaults (``node_default``
    and ``edge_default``, empty), which networkx's GraphML reader always sets.
    """
    if not isinstance(bundle, Bundle):
        raise InvalidTypeError(f"expected a Bundle, not {check.type_name(bundle)}")
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    graph.graph.update(_graph_attributes(bundle))
    graph.graph["node_default"] = {}
    graph.graph["edge_default"] = {}
    for source in bundle.sources:
        if source.id in graph:  # the first source with an id wins, as in the analysis
            continue
        attributes: Attributes = {"kind": source.kind.value, "label": source.label}
        _put(attributes, "name", source.name)
        _put(attributes, "description", source.description)
        _list(attributes, "aliases", source.aliases)
        graph.add_node(source.id, **attributes)
    for edges in (_dependency_edges(bundle), _relay_edges(bundle)):
        for start, end, key, attributes in edges:
            graph.add_edge(start, end, key=key, **attributes)
    return graph


# What XML 1.0 cannot hold: the C0 controls but tab, line feed and carriage return,
# lone surrogates, and U+FFFE and U+FFFF.
_NOT_XML: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


_ACTIVE_IN_XML: Final = re.compile("[\r\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _xml_text(value: object, where: str) -> None:
    if isinstance(value, str) and (found := _NOT_XML.search(value)) is not None:
        raise InvalidValueError(
            f"GraphML (XML 1.0) cannot hold the character U+{ord(found.group()):04X} of "
            f"{where}; node-link JSON can"
        )


def _check_xml(graph: nx.MultiDiGraph[str]) -> None:
    """Refuse, naming where, a value that XML 1.0 cannot hold (nothing is dropped silently)."""
    for name, value in graph.graph.items():
        _xml_text(value, f"the graph's {name!r}")
    for node, data in graph.nodes(data=True):
        _xml_text(node, f"the source id {node!r}")
        for name, value in data.items():
            _xml_text(value, f"the {name!r} of source {node!r}")
    for _, _, key, data in graph.edges(keys=True, data=True):
        _xml_text(key, f"the edge key {key!r}")
        for name, value in data.items():
            _xml_text(value, f"the {name!r} of edge {key!r}")


def to_graphml(bundle: Bundle) -> str:
    """:func:`to_networkx` written as GraphML (UTF-8 XML text).

    XML 1.0 cannot hold most control characters: a bundle with one in a value the
    graph carries is refused with an :class:`~claimmodel.exceptions.InvalidValueError`
    naming it (node-link JSON carries it).
    """
    graph = to_networkx(bundle)
    _check_xml(graph)
    buffer = io.BytesIO()
    nx.write_graphml(graph, buffer, encoding="utf-8", prettyprint=True)
    # What a terminal acts on and XML holds (carriage returns, DEL, C1 controls, separators,
    # bidirectional controls) can stand only in text and attribute values: as character
    # references, the same data (a carriage return read raw would even become a line feed).
    text = _ACTIVE_IN_XML.sub(lambda m: f"&#x{ord(m[0]):x};", buffer.getvalue().decode("utf-8"))
    return text + "\n"


def to_node_link_json(bundle: Bundle) -> str:
    """:func:`to_networkx` as networkx's node-link JSON (``edges`` under ``"edges"``).

    ``networkx.node_link_graph(json.loads(text), edges="edges")`` reads it back.
    """
    data = nx.node_link_data(to_networkx(bundle), edges="edges")
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)
    return json_escaped(text) + "\n"  # nothing a terminal acts on: the same data
