"""W3C PROV out and back in, each serialization read back by the prov library itself."""

from __future__ import annotations

import importlib.resources
import json
import re
from pathlib import Path

import attrs
import jsonschema
import pytest
import rdflib
from hypothesis import given, settings
from lxml import etree
from prov.constants import (
    PROV_ATTR_AGENT,
    PROV_ATTR_DELEGATE,
    PROV_ATTR_ENTITY,
    PROV_ATTR_GENERATED_ENTITY,
    PROV_ATTR_INFLUENCEE,
    PROV_ATTR_INFLUENCER,
    PROV_ATTR_RESPONSIBLE,
    PROV_ATTR_USED_ENTITY,
    PROV_LABEL,
    PROV_LOCATION,
    PROV_TYPE,
)
from prov.model import PROV, ProvActivity, ProvDocument, ProvRecord
from rdflib.compare import isomorphic

import claimmodel as cm
from claimmodel.cli import main
from claimmodel.exceptions import DecodeError, InvalidValueError, LimitExceededError
from claimmodel.interop import export_bundle, get_format, import_bundle
from claimmodel.interop._prov_terms import PUBLISHER, decode_id, encode_id
from claimmodel.interop.prov import (
    PROV_FORMATS,
    ProvFormat,
    dumps_prov,
    from_prov,
    loads_prov,
    parse_prov,
    serialize_prov,
    to_prov,
)
from claimmodel.strategies import bundles, identifiers

# The prov library's own name for each serialization, and its options there.
LIBRARY_FORMATS: dict[str, tuple[str, dict[str, str]]] = {
    "prov-json": ("json", {}),
    "prov-n": ("provn", {}),
    "prov-xml": ("xml", {}),
    "prov-o": ("rdf", {"rdf_format": "turtle"}),
}
# The W3C schemas the prov library checks its own output with, shipped in its
# package (prov/tests/schemas: the PROV-JSON member submission's JSON Schema and
# the PROV-XML XSD set; the README.md beside them names their sources).
PROV_SCHEMAS = importlib.resources.files("prov.tests") / "schemas"
# An ASCII XML NCName: what every local part claimmodel writes must be.
NCNAME = re.compile(r"[A-Za-z_][A-Za-z0-9._-]*")
# rdflib 7.6 warns about its own Dataset.default_context inside the Turtle code prov calls.
RDFLIB_WARNING = "ignore:Dataset.default_context is deprecated:DeprecationWarning"
SERIALIZED = settings(max_examples=15)


@pytest.fixture(scope="module")
def kursk() -> cm.Bundle:
    """The worked example."""
    return cm.loads((Path(__file__).parent.parent / "examples" / "kursk-monument.json").read_text())


def read_back(text: str, format: str) -> ProvDocument:  # noqa: A002
    """``text`` as the prov library reads it, without claimmodel in between."""
    name, options = LIBRARY_FORMATS[format]
    return ProvDocument.deserialize(content=text, format=name, **options)


def graph(text: str) -> rdflib.Graph:
    """Turtle text parsed by rdflib."""
    return rdflib.Graph().parse(data=text, format="turtle")


def rewritten(document: ProvDocument) -> rdflib.Graph:
    """``document`` written as PROV-O by the prov library, parsed by rdflib."""
    text = document.serialize(format="rdf", rdf_format="turtle")
    assert isinstance(text, str)
    return graph(text)


def xml_schema() -> etree.XMLSchema:
    """The PROV-XML schema (prov.xsd and the files it includes)."""
    with importlib.resources.as_file(PROV_SCHEMAS / "prov.xsd") as path:
        return etree.XMLSchema(etree.parse(str(path)))


def json_validator() -> jsonschema.protocols.Validator:
    """A validator for the PROV-JSON schema (draft 04)."""
    schema = json.loads((PROV_SCHEMAS / "prov-json.schema.json").read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def records(document: ProvDocument, kind: str) -> list[ProvRecord]:
    """The document's records of one PROV type, such as ``"Attribution"``."""
    return [r for r in document.get_records() if r.get_type() == PROV[kind]]


def one(document: ProvDocument, kind: str, **ends: str) -> ProvRecord:
    """The one record of ``kind`` whose formal attributes have these values."""
    names = {
        "entity": PROV_ATTR_ENTITY,
        "agent": PROV_ATTR_AGENT,
        "generated": PROV_ATTR_GENERATED_ENTITY,
        "used": PROV_ATTR_USED_ENTITY,
        "delegate": PROV_ATTR_DELEGATE,
        "responsible": PROV_ATTR_RESPONSIBLE,
        "influencee": PROV_ATTR_INFLUENCEE,
        "influencer": PROV_ATTR_INFLUENCER,
        "activity": PROV["activity"],
    }
    found = [
        r
        for r in records(document, kind)
        if all(
            {str(v) for v in r.get_attribute(names[key])} == {value} for key, value in ends.items()
        )
    ]
    assert 1 == len(found), (kind, ends, found)
    return found[0]


def node(document: ProvDocument, identifier: str) -> list[ProvRecord]:
    """The element records (entity, agent, activity) with this identifier."""
    return [r for r in document.get_records() if str(r.identifier) == identifier]


class TestRoundTrip:
    """``from_prov(to_prov(b)) == b``, directly and through every serialization."""

    @given(bundles())
    def test_document(self, bundle: cm.Bundle) -> None:
        assert bundle == from_prov(to_prov(bundle))

    @pytest.mark.parametrize("serialization", PROV_FORMATS)
    def test_kursk(self, kursk: cm.Bundle, serialization: ProvFormat) -> None:
        assert kursk == loads_prov(dumps_prov(kursk, format=serialization), format=serialization)

    @pytest.mark.parametrize("serialization", PROV_FORMATS)
    @SERIALIZED
    @given(bundle=bundles())
    def test_serialized(self, bundle: cm.Bundle, serialization: ProvFormat) -> None:
        assert bundle == loads_prov(dumps_prov(bundle, format=serialization), format=serialization)

    @pytest.mark.parametrize("serialization", PROV_FORMATS)
    def test_bytes(self, kursk: cm.Bundle, serialization: ProvFormat) -> None:
        text = dumps_prov(kursk, format=serialization)
        assert kursk == loads_prov(text.encode("utf-8"), format=serialization)

    @pytest.mark.parametrize("serialization", PROV_FORMATS)
    def test_deterministic(self, kursk: cm.Bundle, serialization: ProvFormat) -> None:
        assert dumps_prov(kursk, format=serialization) == dumps_prov(kursk, format=serialization)

    def test_text_xml_cannot_carry(self) -> None:
        """NUL, carriage returns, other C0 controls and U+FFFE travel as JSON escapes."""
        awkward = "a\x00b\r\nc\x1f\ufffe\U0001f600 "
        bundle = cm.Bundle(
            id=awkward.strip(),
            title=awkward,
            sources=(cm.Person(id="p", name=awkward, description=awkward),),
            claims=(cm.Claim(id="c", text=awkward),),
            extensions={"x_é \x00": awkward},
        )
        for serialization in PROV_FORMATS:
            text = dumps_prov(bundle, format=serialization)
            assert "\x00" not in text
            assert bundle == loads_prov(text, format=serialization)

    def test_names_stay_native_when_plain(self, kursk: cm.Bundle) -> None:
        document = to_prov(kursk)
        sculptor = node(document, "source:chebanenko")[0]
        assert {"Alexei Chebanenko"} == sculptor.get_attribute(PROV_LABEL)
        claim = node(document, "claim:monument-planned")[0]
        assert {kursk.claim("monument-planned").text} == claim.get_attribute(  # type: ignore[union-attr]
            PROV["value"]
        )


class TestReadByProv:
    """The prov library reads each export back as the document claimmodel built."""

    @pytest.mark.parametrize("serialization", ["prov-json", "prov-n", "prov-xml"])
    def test_same_document(self, kursk: cm.Bundle, serialization: ProvFormat) -> None:
        assert to_prov(kursk) == read_back(dumps_prov(kursk, format=serialization), serialization)

    @pytest.mark.parametrize("serialization", ["prov-json", "prov-n", "prov-xml"])
    @SERIALIZED
    @given(bundle=bundles())
    def test_same_document_generated(self, bundle: cm.Bundle, serialization: ProvFormat) -> None:
        assert to_prov(bundle) == read_back(dumps_prov(bundle, format=serialization), serialization)

    @pytest.mark.filterwarnings(RDFLIB_WARNING)
    def test_prov_o_read_back(self, kursk: cm.Bundle) -> None:
        """PROV-O has no order and joins an entity and an agent of one IRI into one
        node: prov reads the document back as one record with both types, which
        from_prov reads as it reads the original."""
        document = read_back(dumps_prov(kursk, format="prov-o"), "prov-o")
        article = node(document, "source:article")
        assert 1 == len(article)
        assert PROV["Agent"] in article[0].get_attribute(PROV_TYPE)
        assert kursk == from_prov(document)


@pytest.mark.filterwarnings(RDFLIB_WARNING)
class TestProvO:
    """PROV-O is compared as RDF graphs: the export, and what prov makes of it, are isomorphic."""

    def test_read_and_rewritten(self, kursk: cm.Bundle) -> None:
        text = dumps_prov(kursk, format="prov-o")
        assert isomorphic(graph(text), rewritten(read_back(text, "prov-o")))

    def test_same_graph_from_prov_json(self, kursk: cm.Bundle) -> None:
        """The PROV-JSON export, read by prov and written as PROV-O, is the same graph."""
        document = read_back(dumps_prov(kursk, format="prov-json"), "prov-json")
        assert isomorphic(graph(dumps_prov(kursk, format="prov-o")), rewritten(document))

    @SERIALIZED
    @given(bundles())
    def test_generated(self, bundle: cm.Bundle) -> None:
        text = dumps_prov(bundle, format="prov-o")
        assert isomorphic(graph(text), rewritten(read_back(text, "prov-o")))

    def test_chain_as_triples(self, kursk: cm.Bundle) -> None:
        found = graph(dumps_prov(kursk, format="prov-o")).query(
            """
            PREFIX prov: <http://www.w3.org/ns/prov#>
            SELECT ?relay ?agent WHERE {
                ?relay (prov:qualifiedQuotation/prov:entity)+
                           <urn:claimmodel:statement:chebanenko-proceeding> ;
                       prov:wasAttributedTo ?agent .
            }
            """
        )
        expected = {
            ("urn:claimmodel:relay:chebanenko-proceeding-1", "urn:claimmodel:source:ria-novosti"),
            ("urn:claimmodel:relay:chebanenko-proceeding-2", "urn:claimmodel:source:article"),
        }
        assert expected == {(str(row[0]), str(row[1])) for row in found}  # type: ignore[index]


class TestSchemas:
    """PROV-JSON validates against the W3C PROV-JSON schema, PROV-XML against the PROV-XML XSD."""

    def test_prov_json_kursk(self, kursk: cm.Bundle) -> None:
        errors = list(json_validator().iter_errors(json.loads(dumps_prov(kursk))))
        assert [] == errors

    @SERIALIZED
    @given(bundles())
    def test_prov_json_generated(self, bundle: cm.Bundle) -> None:
        errors = list(json_validator().iter_errors(json.loads(dumps_prov(bundle))))
        assert [] == errors

    def test_prov_xml_kursk(self, kursk: cm.Bundle) -> None:
        schema = xml_schema()
        document = etree.fromstring(dumps_prov(kursk, format="prov-xml").encode("utf-8"))
        assert schema.validate(document), schema.error_log

    @SERIALIZED
    @given(bundles())
    def test_prov_xml_generated(self, bundle: cm.Bundle) -> None:
        schema = xml_schema()
        document = etree.fromstring(dumps_prov(bundle, format="prov-xml").encode("utf-8"))
        assert schema.validate(document), schema.error_log

    def test_schemas_catch_breakage(self, kursk: cm.Bundle) -> None:
        """The checks above can fail: a broken export is refused by both schemas."""
        data = json.loads(dumps_prov(kursk))
        data["entity"]["claim:nk-fought"]["prov:label"] = {"$": 1}
        assert list(json_validator().iter_errors(data))
        text = dumps_prov(kursk, format="prov-xml").replace(' prov:id="', ' prov:ident="', 1)
        assert not xml_schema().validate(etree.fromstring(text.encode("utf-8")))


@pytest.fixture(scope="module")
def document(kursk: cm.Bundle) -> ProvDocument:
    """The Kursk export in PROV-JSON, as the prov library reads it."""
    return read_back(dumps_prov(kursk), "prov-json")


class TestKurskChain:
    """The Kursk export, as prov reads it: the sculptor's statement, quoted by RIA Novosti,
    quoted by the article, each attributed to its agent."""

    def test_sculptor_statement(self, document: ProvDocument) -> None:
        statement = "statement:chebanenko-proceeding"
        one(document, "Attribution", entity=statement, agent="source:chebanenko")
        one(document, "Generation", entity=statement, activity="assertion:chebanenko-proceeding")
        one(
            document,
            "Association",
            activity="assertion:chebanenko-proceeding",
            agent="source:chebanenko",
        )
        (agent,) = node(document, "source:chebanenko")
        assert {PROV["Person"]} == agent.get_attribute(PROV_TYPE)

    def test_quoted_by_ria_then_the_article(self, document: ProvDocument) -> None:
        ria = "relay:chebanenko-proceeding-1"
        article = "relay:chebanenko-proceeding-2"
        first = one(document, "Derivation", generated=ria, used="statement:chebanenko-proceeding")
        second = one(document, "Derivation", generated=article, used=ria)
        assert {PROV["Quotation"]} == first.get_attribute(PROV_TYPE)
        assert {PROV["Quotation"]} == second.get_attribute(PROV_TYPE)
        one(document, "Attribution", entity=ria, agent="source:ria-novosti")
        one(document, "Attribution", entity=article, agent="source:article")

    def test_article_entity_and_agent(self, document: ProvDocument) -> None:
        kinds = {r.get_type() for r in node(document, "source:article")}
        assert {PROV["Entity"], PROV["Agent"]} == kinds

    def test_silent_document_is_no_agent(self) -> None:
        bundle = cm.Bundle(sources=(cm.Document(id="report"),))
        assert [PROV["Entity"]] == [r.get_type() for r in node(to_prov(bundle), "source:report")]

    def test_affiliations(self, document: ProvDocument) -> None:
        employed = one(
            document, "Delegation", delegate="source:lavrov", responsible="source:russia-mfa"
        )
        assert {"employed-by"} == employed.get_attribute("claimmodel:kind")
        member = one(
            document,
            "Influence",
            influencee="source:chebanenko",
            influencer="source:grekov-studio",
        )
        assert {"member-of"} == member.get_attribute("claimmodel:kind")

    def test_confidence_in_the_claimmodel_namespace(self, document: ProvDocument) -> None:
        (activity,) = node(document, "assertion:chebanenko-proceeding")
        (confidence,) = activity.get_attribute("json:confidence")
        assert "icd203" == json.loads(confidence)["scale"]


class TestDates:
    """Dates known to the minute become PROV times; coarser dates stay claimmodel data."""

    def generation_times(self, bundle: cm.Bundle) -> set[str]:
        document = to_prov(bundle)
        return {
            str(time)
            for record in records(document, "Generation")
            for time in record.get_attribute(PROV["time"])
        }

    def bundle(self, date: cm.PartialDate) -> cm.Bundle:
        link = cm.Link(source="s", date=date)
        assertion = cm.Assertion(
            id="a",
            claim="c",
            attribution=cm.Attribution(source="s", chain=(link,)),
            confidence=cm.Confidence.cannot_be_judged(),
            date=date,
        )
        return cm.Bundle(
            sources=(cm.Person(id="s"),),
            claims=(cm.Claim(id="c", text="t"),),
            assertions=(assertion,),
        )

    @pytest.mark.parametrize(
        ("date", "expected"),
        [
            ("2025-07-14T09:30", {"2025-07-14 09:30:00"}),
            ("2025-07-14T09:30:05.250000+03:00", {"2025-07-14 09:30:05.250000+03:00"}),
            ("2025-07-14T09", set()),
            ("2025-07", set()),
            ("2025-07-14T09:30+14:30", set()),  # beyond the offsets xsd:dateTime allows
        ],
    )
    def test_generation_time(self, date: str, expected: set[str]) -> None:
        times = self.generation_times(self.bundle(cm.PartialDate.fromisoformat(date)))
        assert expected == times


class TestCommands:
    """`claimmodel export --to prov-…` and `import --from prov-…`, through the registry."""

    @pytest.mark.parametrize("serialization", PROV_FORMATS)
    def test_registered(self, kursk: cm.Bundle, serialization: ProvFormat) -> None:
        entry = get_format(serialization)
        assert ("prov", True, True) == (entry.extra, entry.can_export, entry.can_import)
        text = export_bundle(kursk, to=serialization)
        assert isinstance(text, str)
        assert dumps_prov(kursk, format=serialization).rstrip("\n") == text.rstrip("\n")
        assert text.endswith("\n")
        assert kursk == import_bundle(text, from_format=serialization).bundle

    @pytest.mark.parametrize("serialization", PROV_FORMATS)
    def test_export_then_import(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], serialization: ProvFormat
    ) -> None:
        example = Path(__file__).parent.parent / "examples" / "kursk-monument.json"
        exported, imported = tmp_path / "kursk.prov", tmp_path / "kursk.json"
        assert 0 == main(["export", "--to", serialization, "-o", str(exported), str(example)])
        assert 0 == main(["import", "--from", serialization, "-o", str(imported), str(exported)])
        assert ("", "") == capsys.readouterr()
        assert cm.loads(example.read_bytes()) == cm.loads(imported.read_bytes())

    def test_export_to_standard_output(self, capsys: pytest.CaptureFixture[str]) -> None:
        example = Path(__file__).parent.parent / "examples" / "kursk-monument.json"
        assert 0 == main(["export", "--to", "prov-n", str(example)])
        out, err = capsys.readouterr()
        assert ("document\n", "") == (out[:9], err)
        assert out.endswith("endDocument\n")

    def test_import_of_something_else(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A PROV document claimmodel did not write is refused, naming the record."""
        document = tmp_path / "other.provn"
        document.write_text(
            "document\n  prefix ex <http://example.org/>\n  entity(ex:report)\nendDocument\n"
        )
        assert 1 == main(["import", "--from", "prov-n", str(document)])
        _, err = capsys.readouterr()
        assert "entity ex:report: this is not a record claimmodel writes" in err


class TestIds:
    """Ids become NCName local parts reversibly."""

    @given(identifiers(max_size=12))
    def test_round_trip(self, identifier: str) -> None:
        local = encode_id(identifier)
        assert NCNAME.fullmatch(local)
        assert identifier == decode_id(local, where="here")

    @pytest.mark.parametrize(
        ("identifier", "local"),
        [
            ("src-sculptor", "src-sculptor"),
            ("a_1", "a_5f_1"),
            ("1", "_31_"),
            ("-x", "_2d_x"),
            ("ria novosti/2025", "ria_20_novosti_2f_2025"),
            ("Шойгу", "_428__43e__439__433__443_"),
        ],
    )
    def test_examples(self, identifier: str, local: str) -> None:
        assert local == encode_id(identifier)

    @pytest.mark.parametrize("local", ["a b", "a_5f", "_", "-a", "a_110000_"])
    def test_foreign(self, local: str) -> None:
        with pytest.raises(DecodeError, match="here"):
            decode_id(local, where="here")


class TestErrors:
    """Text prov cannot read and documents claimmodel did not write get a clear error."""

    @pytest.mark.parametrize(
        ("text", "serialization"),
        [
            ("{", "prov-json"),
            ("[1]", "prov-json"),
            ('{"entity": 3}', "prov-json"),
            ("document\nentity(", "prov-n"),
            ("<x", "prov-xml"),
            ("@prefix", "prov-o"),
            ("[" * 100_000, "prov-json"),
        ],
    )
    def test_unreadable(self, text: str, serialization: ProvFormat) -> None:
        with pytest.raises(DecodeError, match=f"not readable as {serialization}"):
            loads_prov(text, format=serialization)

    def test_not_utf8(self) -> None:
        with pytest.raises(DecodeError, match="not UTF-8"):
            loads_prov(b"\xff{}")

    def test_not_text(self) -> None:
        with pytest.raises(DecodeError, match="text or bytes"):
            loads_prov(3)  # type: ignore[arg-type]

    def test_unknown_format(self) -> None:
        with pytest.raises(InvalidValueError, match="prov-json, prov-n, prov-xml, prov-o"):
            dumps_prov(cm.Bundle(), format="prov-jsonld")  # type: ignore[arg-type]

    def test_no_bundle(self) -> None:
        with pytest.raises(DecodeError, match=r"claimmodel:Bundle, not 0"):
            from_prov(ProvDocument())

    def test_foreign_record(self) -> None:
        document = to_prov(cm.Bundle())
        document.add_namespace("ex", "http://example.org/")
        document.entity("ex:thing")
        with pytest.raises(DecodeError, match="entity ex:thing: this is not a record"):
            from_prov(document)

    def test_foreign_attribute(self) -> None:
        document = to_prov(cm.Bundle(sources=(cm.Person(id="p"),)))
        document.add_namespace("ex", "http://example.org/")
        node(document, "source:p")[0].add_attributes({"ex:note": "hello"})
        with pytest.raises(DecodeError, match="ex:note is not an attribute claimmodel writes"):
            from_prov(document)

    def test_positions(self) -> None:
        data = json.loads(dumps_prov(cm.Bundle(sources=(cm.Person(id="p"),))))
        data["agent"]["source:p"]["claimmodel:_position"] = 3
        with pytest.raises(DecodeError, match="sources"):
            loads_prov(json.dumps(data))

    def test_bad_json_value(self, kursk: cm.Bundle) -> None:
        data = json.loads(dumps_prov(kursk))
        data["activity"]["assertion:article-nk-fought"]["json:confidence"] = "{"
        with pytest.raises(DecodeError, match="assertion:article-nk-fought json:confidence"):
            loads_prov(json.dumps(data))

    def test_invalid_wire_data(self) -> None:
        """What the attributes carry is decoded as claimmodel JSON is, with its checks."""
        data = json.loads(dumps_prov(cm.Bundle(sources=(cm.Person(id="p"),))))
        data["agent"]["source:p"]["claimmodel:kind"] = "alien"
        with pytest.raises(DecodeError, match="alien"):
            loads_prov(json.dumps(data))

    def test_chain_without_relay(self, kursk: cm.Bundle) -> None:
        data = json.loads(dumps_prov(kursk))
        del data["entity"]["relay:chebanenko-proceeding-1"]
        with pytest.raises(DecodeError, match="not a new relay"):
            loads_prov(json.dumps(data))

    def test_missing_association(self) -> None:
        assertion = cm.Assertion(
            id="a",
            claim="c",
            attribution=cm.Attribution(source="s"),
            confidence=cm.Confidence.cannot_be_judged(),
        )
        data = json.loads(dumps_prov(cm.Bundle(assertions=(assertion,))))
        del data["wasAssociatedWith"]
        with pytest.raises(DecodeError, match="assertion:a: needs exactly one"):
            loads_prov(json.dumps(data))


def test_every_field_travels() -> None:
    """A bundle with every optional part filled survives every serialization (the
    strategies generate them too; this one is readable when it fails)."""
    date = cm.PartialDate(year=2025, month=7)
    document = cm.Document(
        id="doc",
        name="Doc",
        published=cm.PartialDate(year=2025, month=11, day=25),
        authors=("p",),
        publisher="o",
        url="https://example.org/doc",
        language="en",
        text="Alice said it.",
    )
    person = cm.Person(
        id="p",
        name="Alice",
        aliases=("A.",),
        roles=(cm.Role(office="minister", organization="o", start=date),),
        affiliations=(
            cm.Affiliation(kind=cm.AffiliationKind.EMPLOYED_BY, target="o", start=date),
            cm.Affiliation(kind=cm.AffiliationKind.FUNDED_BY, target="doc"),
        ),
    )
    outlet = cm.MediaOutlet(id="o", name="Outlet", url="https://example.org")
    assertion = cm.Assertion(
        id="a",
        claim="c",
        attribution=cm.Attribution(
            source="p",
            cue="said",
            chain=(cm.Link(source="o", channel=cm.Channel.INTERVIEW, date=date, cue="told"),),
        ),
        confidence=cm.Confidence.parse("likely", scale="icd203", assessor="doc"),
        stance=cm.Stance.QUESTIONS,
        hedges=(cm.Hedge(cue="allegedly", category=cm.HedgeCategory.REPORTATIVE),),
        date=date,
        evidence=(cm.Evidence(quote="said it", span=cm.Span(start=6, end=13), document="doc"),),
        extensions={"x_n": 1.5},
    )
    bundle = cm.Bundle(
        id="b",
        title="T",
        published=document.published,
        document="doc",
        sources=(document, person, outlet),
        claims=(cm.Claim(text="It", subject="it", polarity=cm.Polarity.NEGATIVE),),
        assertions=(attrs.evolve(assertion, claim=cm.Claim(text="It").id),),
        relations=(
            cm.Relation(id="r", kind=cm.RelationKind.SUPPORTS, subject="a", object="a", basis="x"),
        ),
    )
    bundle = attrs.evolve(
        bundle,
        claims=(cm.Claim(text="It", id=bundle.assertions[0].claim),),
    )
    for serialization in PROV_FORMATS:
        assert bundle == loads_prov(dumps_prov(bundle, format=serialization), format=serialization)


def test_serialize_and_parse(kursk: cm.Bundle) -> None:
    """serialize_prov and parse_prov are the two halves of dumps_prov and loads_prov."""
    for serialization in PROV_FORMATS:
        text = serialize_prov(to_prov(kursk), format=serialization)
        assert text == dumps_prov(kursk, format=serialization)
        assert kursk == from_prov(parse_prov(text, format=serialization))


def spoken(date: str | None, occasion: cm.Occasion | None) -> cm.Bundle:
    """One person's assertion, made at ``date`` on ``occasion``."""
    assertion = cm.Assertion(
        id="a",
        claim="c",
        attribution=cm.Attribution(source="p"),
        confidence=cm.Confidence.cannot_be_judged(),
        date=cm.PartialDate.fromisoformat(date) if date is not None else None,
        occasion=occasion,
    )
    return cm.Bundle(
        sources=(cm.Person(id="p"),), claims=(cm.Claim(id="c", text="t"),), assertions=(assertion,)
    )


PRESS = cm.Occasion(channel=cm.Channel.PRESS_CONFERENCE, event="Talks with Cho", place="Wonsan")


class TestOccasion:
    """The occasion's place is the asserting activity's prov:location, the statement's
    time its start and end; both read back exactly."""

    @pytest.mark.parametrize("serialization", ["prov-json", "prov-n", "prov-xml"])
    def test_location_and_times(self, serialization: ProvFormat) -> None:
        bundle = spoken("2025-07-14T09:30:05.250000+03:00", PRESS)
        document = read_back(dumps_prov(bundle, format=serialization), serialization)
        (activity,) = node(document, "assertion:a")
        assert isinstance(activity, ProvActivity)
        assert {"Wonsan"} == activity.get_attribute(PROV_LOCATION)
        expected = "2025-07-14T09:30:05.250000+03:00"
        assert (expected, expected) == (
            activity.get_startTime().isoformat(),  # type: ignore[union-attr]
            activity.get_endTime().isoformat(),  # type: ignore[union-attr]
        )
        rest = json.loads(next(iter(activity.get_attribute("json:occasion"))))
        assert {"channel": "press-conference", "event": "Talks with Cho"} == rest
        assert bundle == from_prov(document)

    @pytest.mark.parametrize(
        ("date", "occasion"),
        [
            ("2025-07-14T09:30", cm.Occasion(place="Wonsan")),
            ("2025-07-14T09:30Z", PRESS),
            ("2025-07", PRESS),
            (None, cm.Occasion(place="a\x00b\r\n")),  # no plain text: stays claimmodel data
            ("2025-07-14T09:30+14:30", cm.Occasion(event="Talks")),
            (None, cm.Occasion(place="Wonsan", extensions={"x_geo": [39.15, 127.44]})),
        ],
    )
    def test_round_trip(self, date: str | None, occasion: cm.Occasion) -> None:
        bundle = spoken(date, occasion)
        for serialization in PROV_FORMATS:
            text = dumps_prov(bundle, format=serialization)
            assert bundle == loads_prov(text, format=serialization)
            if serialization != "prov-o":
                assert to_prov(bundle) == read_back(text, serialization)
        assert [] == list(json_validator().iter_errors(json.loads(dumps_prov(bundle))))
        xml = etree.fromstring(dumps_prov(bundle, format="prov-xml").encode("utf-8"))
        assert xml_schema().validate(xml)

    @pytest.mark.filterwarnings(RDFLIB_WARNING)
    def test_prov_o(self) -> None:
        text = dumps_prov(spoken("2025-07-14T09:30Z", PRESS), format="prov-o")
        assert isomorphic(graph(text), rewritten(read_back(text, "prov-o")))
        found = graph(text).query(
            """
            PREFIX prov: <http://www.w3.org/ns/prov#>
            SELECT ?place ?start ?end WHERE {
                <urn:claimmodel:assertion:a> prov:atLocation ?place ;
                    prov:startedAtTime ?start ; prov:endedAtTime ?end .
            }
            """
        )
        assert [("Wonsan", "2025-07-14T09:30:00+00:00", "2025-07-14T09:30:00+00:00")] == [
            tuple(str(value) for value in row)  # type: ignore[union-attr]
            for row in found
        ]

    @pytest.mark.parametrize(
        ("date", "occasion", "expected"),
        [
            ("2025-07-14T09:30", None, ("2025-07-14T09:30:00", None)),
            ("2025-07-14", cm.Occasion(place="Wonsan"), (None, "Wonsan")),
            (None, cm.Occasion(event="Talks"), (None, None)),
        ],
    )
    def test_only_what_prov_can_say(
        self, date: str | None, occasion: cm.Occasion | None, expected: tuple[str | None, ...]
    ) -> None:
        """A day is a period, not an instant; an occasion without a place has no location."""
        (activity,) = node(to_prov(spoken(date, occasion)), "assertion:a")
        assert isinstance(activity, ProvActivity)
        start = activity.get_startTime()
        assert start == activity.get_endTime()
        place = activity.get_attribute(PROV_LOCATION)
        assert expected == (
            start.isoformat() if start is not None else None,
            next(iter(place), None),
        )

    def test_time_changed_in_prov(self) -> None:
        data = json.loads(dumps_prov(spoken("2025-07-14T09:30Z", PRESS)))
        data["activity"]["assertion:a"]["prov:endTime"] = "2025-07-14T10:30:00+00:00"
        with pytest.raises(
            DecodeError, match=r"activity assertion:a: prov:endTime is 2025-07-14T10:30"
        ):
            loads_prov(json.dumps(data))
        del data["activity"]["assertion:a"]["prov:endTime"]
        with pytest.raises(DecodeError, match="prov:endTime is absent"):
            loads_prov(json.dumps(data))

    def test_place_written_twice(self) -> None:
        data = json.loads(dumps_prov(spoken(None, PRESS)))
        data["activity"]["assertion:a"]["json:occasion"] = '{"place":"Kursk"}'
        with pytest.raises(DecodeError, match="without a place, beside prov:location"):
            loads_prov(json.dumps(data))


class TestAuthorsAndPublisher:
    """A document's authors and publisher are native attributions, in order."""

    def bundle(self) -> cm.Bundle:
        report = cm.Document(id="report", authors=("q", "p", "desk"), publisher="outlet")
        return cm.Bundle(
            sources=(
                report,
                cm.Person(id="p"),
                cm.Person(id="q"),
                cm.Document(id="desk"),
                cm.MediaOutlet(id="outlet"),
            )
        )

    def test_attributions(self) -> None:
        document = read_back(dumps_prov(self.bundle()), "prov-json")
        attributed = sorted(
            (
                str(next(iter(r.get_attribute(PROV_ATTR_AGENT)))),
                str(next(iter(r.get_attribute(PROV_TYPE)))),
                next(iter(r.get_attribute("claimmodel:_position")), None),
            )
            for r in records(document, "Attribution")
            if {"source:report"} == {str(e) for e in r.get_attribute(PROV_ATTR_ENTITY)}
        )
        assert [
            ("source:desk", "claimmodel:author", 2),
            ("source:outlet", "claimmodel:publisher", None),
            ("source:p", "claimmodel:author", 1),
            ("source:q", "claimmodel:author", 0),
        ] == attributed
        (report,) = node(document, "source:report")
        assert not {"claimmodel:authors", "json:authors", "claimmodel:publisher"} & {
            str(name) for name, _ in report.attributes
        }

    def test_a_writing_document_is_an_agent(self) -> None:
        kinds = {r.get_type() for r in node(to_prov(self.bundle()), "source:desk")}
        assert {PROV["Entity"], PROV["Agent"]} == kinds

    @pytest.mark.parametrize("serialization", PROV_FORMATS)
    def test_round_trip(self, serialization: ProvFormat) -> None:
        bundle = self.bundle()
        assert bundle == loads_prov(dumps_prov(bundle, format=serialization), format=serialization)

    def test_schemas(self) -> None:
        bundle = self.bundle()
        assert [] == list(json_validator().iter_errors(json.loads(dumps_prov(bundle))))
        xml = etree.fromstring(dumps_prov(bundle, format="prov-xml").encode("utf-8"))
        assert xml_schema().validate(xml)

    @pytest.mark.filterwarnings(RDFLIB_WARNING)
    def test_prov_o(self) -> None:
        text = dumps_prov(self.bundle(), format="prov-o")
        assert isomorphic(graph(text), rewritten(read_back(text, "prov-o")))
        assert self.bundle() == loads_prov(text, format="prov-o")

    def test_other_attribution_of_a_source(self) -> None:
        document = to_prov(self.bundle())
        document.attribution("source:report", "source:p")
        with pytest.raises(DecodeError, match="has the prov:type claimmodel:author or"):
            from_prov(document)

    def test_two_publishers(self) -> None:
        document = to_prov(self.bundle())
        document.attribution("source:report", "source:p", other_attributes={PROV_TYPE: PUBLISHER})
        with pytest.raises(DecodeError, match="source:report: needs exactly one"):
            from_prov(document)


class TestLimits:
    """PROV input is held to the same limits as claimmodel JSON."""

    @pytest.mark.parametrize("serialization", PROV_FORMATS)
    def test_document_size(self, kursk: cm.Bundle, serialization: ProvFormat) -> None:
        text = dumps_prov(kursk, format=serialization)
        small = cm.Limits(max_document_bytes=1_000)
        for data in (text, text.encode("utf-8")):
            with pytest.raises(LimitExceededError, match="exceeds the limit max_document_bytes"):
                parse_prov(data, format=serialization, limits=small)
            with pytest.raises(LimitExceededError, match="max_document_bytes=1,000"):
                loads_prov(data, format=serialization, limits=small)
        size = cm.Limits(max_document_bytes=len(text.encode("utf-8")))
        assert kursk == loads_prov(text, format=serialization, limits=size)

    def test_before_parsing(self) -> None:
        """The size is checked first: text too large is refused, readable or not."""
        with pytest.raises(LimitExceededError, match="a document of 6 bytes"):
            parse_prov("[[[[[[", limits=cm.Limits(max_document_bytes=5))

    def test_wire_data(self, kursk: cm.Bundle) -> None:
        """The data a document carries is held to the limits as from_data holds it."""
        document = to_prov(kursk)
        with pytest.raises(LimitExceededError, match="max_chain_length"):
            from_prov(document, limits=cm.Limits(max_chain_length=1))
        assert kursk == from_prov(document, limits=cm.Limits(max_chain_length=2))


class TestEvidence:
    """Each piece of evidence is an entity of prov:type claimmodel:Evidence that its
    assertion uses, generated when it was captured."""

    DIGEST = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

    def _bundle(self) -> cm.Bundle:
        video = cm.Evidence(
            kind=cm.EvidenceKind.VIDEO,
            url="https://t.me/sculptor/412",
            sha256=self.DIGEST,
            captured=cm.PartialDate.fromisoformat("2025-11-20T14:05+03:00"),
            archived=cm.PartialDate(year=2025, month=11, day=26),
            archive_url="https://web.archive.org/web/20251126/https://t.me/sculptor/412",
            bearing=cm.Bearing.SUPPORTS,
        )
        return cm.Bundle(
            sources=(cm.Person(id="sculptor"),),
            claims=(cm.Claim(id="begun", text="Construction has begun"),),
            assertions=(
                cm.Assertion(
                    id="a1",
                    claim="begun",
                    attribution=cm.Attribution(source="sculptor"),
                    confidence=cm.Confidence.cannot_be_judged(scale="icd203"),
                    evidence=(cm.Evidence(quote="begun"), video),
                ),
            ),
        )

    def test_an_entity_used_by_its_assertion(self) -> None:
        document = to_prov(self._bundle())
        records = list(document.get_records())
        entities = {
            str(r.identifier): r
            for r in records
            if PROV["Entity"] == r.get_type() and str(r.identifier).startswith("evidence:")
        }
        assert ["evidence:a1-1", "evidence:a1-2"] == sorted(entities)
        video = entities["evidence:a1-2"]
        assert {"claimmodel:Evidence"} == {str(t) for t in video.get_attribute(PROV_TYPE)}
        attributes = {str(name): value for name, value in video.attributes}
        assert ("video", self.DIGEST) == (
            attributes["claimmodel:kind"],
            attributes["claimmodel:sha256"],
        )
        used = {
            str(r.get_attribute(PROV_ATTR_ENTITY).pop())
            for r in records
            if PROV["Usage"] == r.get_type() and "claimmodel:evidence" in str(r.attributes)
        }
        assert {"evidence:a1-1", "evidence:a1-2"} == used
        generated = [
            r.get_attribute("prov:time")
            for r in records
            if PROV["Generation"] == r.get_type()
            and str(r.get_attribute(PROV_ATTR_ENTITY).pop()) == "evidence:a1-2"
        ]
        assert 1 == len(generated)  # captured to the minute: an instant PROV can hold

    @pytest.mark.parametrize("serialization", PROV_FORMATS)
    def test_round_trip(self, serialization: ProvFormat) -> None:
        bundle = self._bundle()
        assert bundle == loads_prov(dumps_prov(bundle, format=serialization), format=serialization)

    def test_evidence_as_json_on_the_activity_is_still_read(self) -> None:
        # What earlier releases wrote: the evidence as the activity's json:evidence.
        bundle = self._bundle()
        data = json.loads(dumps_prov(bundle, format="prov-json"))
        evidence = [cm.to_data(bundle)["assertions"][0]["evidence"]]
        for key in ("entity", "used", "wasGeneratedBy"):
            data[key] = {
                name: record
                for name, record in data.get(key, {}).items()
                if "evidence:" not in name and "evidence:" not in json.dumps(record)
            }
        data["activity"]["assertion:a1"]["json:evidence"] = json.dumps(evidence[0])
        assert bundle == loads_prov(json.dumps(data), format="prov-json")

    def test_evidence_no_assertion_uses_is_refused(self) -> None:
        data = json.loads(dumps_prov(self._bundle(), format="prov-json"))
        data["used"] = {k: v for k, v in data["used"].items() if k != "evidence:a1-2-use"}
        with pytest.raises(DecodeError, match="no assertion uses this evidence"):
            loads_prov(json.dumps(data), format="prov-json")

    def test_evidence_written_twice_is_refused(self) -> None:
        data = json.loads(dumps_prov(self._bundle(), format="prov-json"))
        data["activity"]["assertion:a1"]["json:evidence"] = "[]"
        with pytest.raises(DecodeError, match="evidence is written twice"):
            loads_prov(json.dumps(data), format="prov-json")

    def test_a_use_of_something_else_in_the_role_of_evidence_is_refused(self) -> None:
        data = json.loads(dumps_prov(self._bundle(), format="prov-json"))
        data["used"]["evidence:a1-2-use"]["prov:entity"] = "claim:begun"
        with pytest.raises(DecodeError, match="not evidence it alone uses"):
            loads_prov(json.dumps(data), format="prov-json")
