"""The bundle as a networkx graph, written as GraphML and node-link JSON and read back by
networkx's own readers."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings

import claimmodel as cm
from claimmodel.cli import main
from claimmodel.exceptions import InvalidTypeError, InvalidValueError
from claimmodel.interop import export_bundle, get_format
from claimmodel.interop.graph import (
    DEPENDENCY_RELATIONS,
    RELAYS,
    to_graphml,
    to_networkx,
    to_node_link_json,
)
from claimmodel.strategies import bundles

EXAMPLE = Path(__file__).parent.parent / "examples" / "kursk-monument.json"
# What XML 1.0 cannot hold (the GraphML writer refuses a bundle with one).
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@pytest.fixture(scope="module")
def kursk() -> cm.Bundle:
    """The worked example."""
    return cm.loads(EXAMPLE.read_text(encoding="utf-8"))


def from_graphml(text: str) -> nx.MultiDiGraph[str]:
    """GraphML text as networkx reads it, nothing of claimmodel in between."""
    graph = nx.read_graphml(io.BytesIO(text.encode("utf-8")), force_multigraph=True)
    assert isinstance(graph, nx.MultiDiGraph)
    return graph


def from_node_link(text: str) -> nx.MultiDiGraph[str]:
    """Node-link JSON as networkx reads it."""
    graph = nx.node_link_graph(json.loads(text), edges="edges")
    assert isinstance(graph, nx.MultiDiGraph)
    return graph


def relays(graph: nx.MultiDiGraph[str], assertion: str) -> list[tuple[str, str, dict[str, object]]]:
    """The hops of one assertion's chain, in order."""
    found = [
        (start, end, data)
        for start, end, data in graph.edges(data=True)
        if data["relation"] == RELAYS and data["assertion"] == assertion
    ]
    return sorted(found, key=lambda edge: int(str(edge[2]["hop"])))


def strings(graph: nx.MultiDiGraph[str]) -> list[str]:
    """Every string the graph holds: ids, keys and attribute values."""
    found: list[object] = [*graph.graph.values(), *graph.nodes]
    for _, data in graph.nodes(data=True):
        found.extend(data.values())
    for _, _, key, data in graph.edges(keys=True, data=True):
        found.extend((key, *data.values()))
    return [value for value in found if isinstance(value, str)]


class TestToNetworkx:
    """Sources are nodes; dependencies and chain hops are edges with their attributes."""

    def test_every_source_is_a_node(self, kursk: cm.Bundle) -> None:
        graph = to_networkx(kursk)
        assert {source.id for source in kursk.sources} == set(graph.nodes)
        assert "person" == graph.nodes["lavrov"]["kind"]
        assert "Sergey Lavrov" == graph.nodes["lavrov"]["label"]
        assert ["Studio of Military Painters named after Grekov"] == json.loads(
            graph.nodes["grekov-studio"]["aliases"]
        )

    def test_a_chain_is_a_path_of_relays(self, kursk: cm.Bundle) -> None:
        graph = to_networkx(kursk)
        hops = relays(graph, "chebanenko-proceeding")
        assert [("chebanenko", "ria-novosti"), ("ria-novosti", "article")] == [
            (start, end) for start, end, _ in hops
        ]
        first = hops[0][2]
        assert "project-proceeding" == first["claim"]
        assert 0 == first["hop"]
        link = kursk.assertion("chebanenko-proceeding")
        assert link is not None
        assert link.attribution.chain[0].channel.value == first["channel"]
        assert "asserts" == first["stance"]

    def test_dependencies_are_edges(self, kursk: cm.Bundle) -> None:
        graph = to_networkx(kursk)
        studio = graph.get_edge_data("grekov-studio", "russia-mod")
        assert studio is not None
        assert [{"relation": "part-of"}] == [
            {k: v for k, v in data.items() if k == "relation"} for data in studio.values()
        ]
        office = graph.get_edge_data("chebanenko", "grekov-studio", key="chebanenko/role/0")
        assert {"relation": "holds-office-at", "office": "sculptor"} == office

    def test_every_edge_has_a_known_relation(self, kursk: cm.Bundle) -> None:
        relations = {data["relation"] for _, _, data in to_networkx(kursk).edges(data=True)}
        assert relations <= {RELAYS, *DEPENDENCY_RELATIONS}
        assert RELAYS in relations

    def test_absent_values_are_left_out(self) -> None:
        bundle = cm.Bundle(
            sources=(
                cm.Person(
                    id="p",
                    affiliations=(cm.Affiliation(kind=cm.AffiliationKind.MEMBER_OF, target="o"),),
                ),
                cm.Organization(id="o", name="Org"),
            )
        )
        graph = to_networkx(bundle)
        assert {"kind": "person", "label": "p"} == graph.nodes["p"]
        assert {"relation": "member-of"} == graph.edges["p", "o", "p/affiliation/0"]
        assert {"format": cm.FORMAT_VERSION, "node_default": {}, "edge_default": {}} == graph.graph

    def test_dates_and_every_dependency_kind(self) -> None:
        date = cm.PartialDate.parse("2024-07")
        bundle = cm.Bundle(
            id="b",
            title="T",
            document="doc",
            published=cm.PartialDate.parse("2024-08-01"),
            sources=(
                cm.Document(id="doc", authors=("p",), publisher="outlet"),
                cm.Person(
                    id="p",
                    roles=(cm.Role(office="editor", organization="outlet", start=date),),
                    affiliations=(
                        cm.Affiliation(
                            kind=cm.AffiliationKind.FUNDED_BY, target="outlet", end=date
                        ),
                    ),
                ),
                cm.MediaOutlet(id="outlet"),
                cm.Collective(id="c", members=("p",)),
            ),
            claims=(cm.Claim(id="k", text="Something"),),
            assertions=(
                cm.Assertion(
                    id="a",
                    claim="k",
                    attribution=cm.Attribution(
                        source="p",
                        chain=(
                            cm.Link(
                                source="doc", channel=cm.Channel.INTERVIEW, date=date, cue="told"
                            ),
                        ),
                    ),
                    confidence=cm.Confidence.cannot_be_judged(),
                ),
            ),
        )
        graph = to_networkx(bundle)
        assert {"format", "bundle", "title", "document", "published"} <= set(graph.graph)
        assert "2024-08-01" == graph.graph["published"]
        kinds = {key: data for _, _, key, data in graph.edges(keys=True, data=True)}
        assert "2024-07" == kinds["p/role/0"]["start"]
        assert "2024-07" == kinds["p/affiliation/0"]["end"]
        assert "listed-member-of" == kinds["c/member/0"]["relation"]
        assert "written-by" == kinds["doc/author/0"]["relation"]
        assert "published-by" == kinds["doc/publisher"]["relation"]
        assert {"date": "2024-07", "cue": "told", "channel": "interview"}.items() <= kinds[
            "a/0"
        ].items()

    def test_not_a_bundle(self) -> None:
        with pytest.raises(InvalidTypeError, match="expected a Bundle, not an object"):
            to_networkx({})  # type: ignore[arg-type]


class TestReadBack:
    """networkx reads GraphML and node-link JSON back to an equal graph."""

    def test_graphml(self, kursk: cm.Bundle) -> None:
        assert nx.utils.graphs_equal(to_networkx(kursk), from_graphml(to_graphml(kursk)))

    def test_node_link(self, kursk: cm.Bundle) -> None:
        assert nx.utils.graphs_equal(to_networkx(kursk), from_node_link(to_node_link_json(kursk)))

    def test_markup_and_line_ends_survive_graphml(self) -> None:
        bundle = cm.Bundle(
            title="a\r\nb\t<c> & 'd'",
            sources=(cm.Person(id='p <1> & "q"', name=" x\ry ", aliases=("q", "]]>")),),
        )
        back = from_graphml(to_graphml(bundle))
        assert nx.utils.graphs_equal(to_networkx(bundle), back)
        assert "a\r\nb\t<c> & 'd'" == back.graph["title"]

    def test_a_control_character_is_refused_by_graphml_only(self) -> None:
        bundle = cm.Bundle(sources=(cm.Person(id="p", name="bell\x07"),))
        with pytest.raises(InvalidValueError, match=r"U\+0007 of the 'label' of source 'p'"):
            to_graphml(bundle)
        assert nx.utils.graphs_equal(to_networkx(bundle), from_node_link(to_node_link_json(bundle)))

    @settings(max_examples=30)
    @given(bundles(max_sources=4, max_assertions=4))
    def test_any_bundle(self, bundle: cm.Bundle) -> None:
        graph = to_networkx(bundle)
        assert nx.utils.graphs_equal(graph, from_node_link(to_node_link_json(bundle)))
        try:
            text = to_graphml(bundle)
        except InvalidValueError:
            assert any(NOT_XML.search(text) for text in strings(graph))
        else:
            assert nx.utils.graphs_equal(graph, from_graphml(text))

    def test_output_is_deterministic(self, kursk: cm.Bundle) -> None:
        assert to_graphml(kursk) == to_graphml(cm.loads(cm.dumps(kursk)))
        assert to_node_link_json(kursk) == to_node_link_json(cm.loads(cm.dumps(kursk)))


class TestExport:
    """``claimmodel export --to graphml`` and ``--to node-link`` come from the registry."""

    def test_registered_one_way(self) -> None:
        for name in ("graphml", "node-link"):
            entry = get_format(name)
            assert entry.can_export
            assert not entry.can_import
            assert "graph" == entry.extra

    def test_export_bundle(self, kursk: cm.Bundle) -> None:
        assert to_graphml(kursk) == export_bundle(kursk, to="graphml")

    @pytest.mark.parametrize("name", ["graphml", "node-link"])
    def test_command(
        self, name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], kursk: cm.Bundle
    ) -> None:
        out = tmp_path / "out"
        assert 0 == main(["export", "--to", name, "-o", str(out), str(EXAMPLE)])
        text = out.read_text(encoding="utf-8")
        read = from_graphml(text) if name == "graphml" else from_node_link(text)
        assert nx.utils.graphs_equal(to_networkx(kursk), read)
        assert ("", "") == capsys.readouterr()

    def test_command_refuses_what_graphml_cannot_hold(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = tmp_path / "bell.json"
        path.write_text(cm.dumps(cm.Bundle(sources=(cm.Person(id="p", name="\x07"),))))
        assert 1 == main(["export", "--to", "graphml", str(path)])
        err = capsys.readouterr().err
        assert err.startswith("claimmodel export: error: ")
        assert "U+0007" in err
