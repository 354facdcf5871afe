"""The wire format: round trips, strictness, paths in wire names, versions."""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import Any

import pytest

import claimmodel as cm
from claimmodel.exceptions import DecodeError, UnsupportedFormatError
from claimmodel.format import _envelope


def _bundle() -> cm.Bundle:
    tz = dt.timezone(dt.timedelta(hours=3))
    return cm.Bundle(
        id="b1",
        title="Ünïcödé 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 עברית e\u0301",
        published=cm.PartialDate(year=2025, month=11, day=25),
        document="article",
        language="en",
        sources=(
            cm.Document(id="article", name="The report", published=cm.PartialDate(year=2025)),
            cm.Person(
                id="lavrov",
                name="Sergey Lavrov",
                roles=(cm.Role(office="Foreign Minister", organization="mfa"),),
                affiliations=(
                    cm.Affiliation(
                        kind=cm.AffiliationKind.EMPLOYED_BY,
                        target="mfa",
                        start=cm.PartialDate(year=2004),
                    ),
                ),
                extensions={"x_wikidata": "Q80137"},
            ),
            cm.GovernmentBody(id="mfa", name="Ministry of Foreign Affairs", jurisdiction="Russia"),
        ),
        claims=(cm.Claim(id="c1", text="Moscow and Pyongyang collaborate on the monument"),),
        assertions=(
            cm.Assertion(
                id="a1",
                claim="c1",
                attribution=cm.Attribution(
                    source="lavrov",
                    cue="confirmed",
                    extensions={"x_attr": [{}]},
                    chain=(
                        cm.Link(
                            source="article",
                            channel=cm.Channel.PRESS_CONFERENCE,
                            date=cm.PartialDate(year=2025, month=7),
                            extensions={"x_link": 1},
                        ),
                    ),
                ),
                confidence=cm.Confidence(
                    scale="icd203",
                    level="likely",
                    probability=cm.Interval(low=0.55, high=0.8),
                    assessor="article",
                    basis="on the record",
                    extensions={"x_conf": "y"},
                ),
                date=cm.PartialDate(
                    year=2025, month=7, day=12, hour=9, minute=5, second=7, microsecond=123, tz=tz
                ),
                hedges=(cm.Hedge(cue="allegedly", category=cm.HedgeCategory.REPORTATIVE),),
                evidence=(cm.Evidence(quote="confirmed that", span=cm.Span(start=3, end=17)),),
                extensions={"x_nested": {"b": [1, 2.5, None, True], "a": {"deep": "𝄞"}}},
            ),
        ),
        relations=(cm.Relation(id="r1", kind=cm.RelationKind.SAME_AS, subject="a1", object="a1"),),
        extensions={"x_tool": {"name": "desk", "version": 3}},
    )


def _data() -> dict[str, Any]:
    return json.loads(cm.dumps(_bundle()))  # type: ignore[no-any-return]


def _paths(data: object) -> list[str]:
    with pytest.raises(DecodeError) as info:
        cm.from_data(data)
    return [problem.path for problem in info.value.problems]


class TestRoundTrip:
    """Decoding what was encoded gives back the same bundle, and the same bytes."""

    def test_exact_round_trip(self) -> None:
        bundle = _bundle()
        text = cm.dumps(bundle)
        assert bundle == cm.loads(text)
        assert text == cm.dumps(cm.loads(text))

    def test_bytes_and_pretty_print(self) -> None:
        bundle = _bundle()
        assert bundle == cm.loads(cm.dumps(bundle, indent=2).encode("utf-8"))

    def test_file_round_trip_is_byte_for_byte(self) -> None:
        out = io.StringIO()
        cm.dump(_bundle(), out)
        again = io.StringIO()
        cm.dump(cm.load(io.StringIO(out.getvalue())), again)
        assert out.getvalue() == again.getvalue()
        assert out.getvalue().endswith("}\n")

    def test_envelope_and_contract_keys(self) -> None:
        data = cm.to_data(cm.Bundle())
        assert {
            "format": "claimmodel/1.1",
            "sources": [],
            "claims": [],
            "assertions": [],
            "relations": [],
        } == data
        assertion = _data()["assertions"][0]
        assert {"id", "claim", "attribution", "confidence"} <= set(assertion)
        assert "lavrov" == assertion["attribution"]["source"]

    def test_format_comes_first(self) -> None:
        assert cm.dumps(_bundle()).startswith('{"format":"claimmodel/1.1"')

    def test_unicode_is_written_as_itself(self) -> None:
        assert "𝔘𝔫𝔦𝔠𝔬𝔡𝔢" in cm.dumps(_bundle())

    def test_claim_id_is_always_written(self) -> None:
        claim = cm.Claim(text="derived")
        data = cm.to_data(cm.Bundle(claims=(claim,)))
        assert claim.id == data["claims"][0]["id"]
        assert ["id", "text"] == list(data["claims"][0])

    def test_extensions_are_flattened_sorted_and_kept(self) -> None:
        data = _data()
        assertion = data["assertions"][0]
        assert {"a": {"deep": "𝄞"}, "b": [1, 2.5, None, True]} == assertion["x_nested"]
        assert ["a", "b"] == list(assertion["x_nested"])
        assert list(assertion)[-1] == "x_nested"
        assert {"name": "desk", "version": 3} == data["x_tool"]

    def test_extension_objects_come_back_frozen(self) -> None:
        # cattrs pitfall: Mapping fields come back as plain dicts unless hooked.
        bundle = cm.loads(cm.dumps(_bundle()))
        nested = bundle.assertions[0].extensions["x_nested"]
        assert isinstance(nested, cm.FrozenMap)
        assert isinstance(nested["b"], tuple)

    def test_source_kind_tag_is_written(self) -> None:
        kinds = [source["kind"] for source in _data()["sources"]]
        assert ["document", "person", "government-body"] == kinds

    def test_affiliation_kind_does_not_collide_with_the_source_tag(self) -> None:
        # cattrs pitfall: a union tag key may collide with a field name.  Sources are
        # tagged with `kind`; affiliations have their own `kind` field one level down.
        lavrov = _data()["sources"][1]
        assert "person" == lavrov["kind"]
        assert "employed-by" == lavrov["affiliations"][0]["kind"]

    def test_equal_bundles_encode_identically(self) -> None:
        one = cm.Person(id="p", extensions={"x_a": {"k1": 1, "k2": 2}})
        two = cm.Person(id="p", extensions={"x_a": {"k2": 2, "k1": 1}})
        assert one == two
        assert cm.dumps(cm.Bundle(sources=(one,))) == cm.dumps(cm.Bundle(sources=(two,)))


class TestStrictness:
    """Nothing is coerced and nothing unknown passes."""

    def test_unknown_key_is_named_with_its_path(self) -> None:
        data = _data()
        data["assertions"][0]["confidence"]["levl"] = "likely"
        with pytest.raises(DecodeError) as info:
            cm.from_data(data)
        (problem,) = info.value.problems
        assert "$.assertions[0].confidence.levl" == problem.path
        assert "unknown key 'levl'" in problem.message

    def test_internal_extensions_name_is_not_a_wire_key(self) -> None:
        data = _data()
        data["sources"][0]["extensions"] = {"x_a": 1}
        assert ["$.sources[0].extensions"] == _paths(data)

    @pytest.mark.parametrize(
        ("location", "value"),
        [
            (("title",), None),
            (("assertions", 0, "attribution", "cue"), None),
            (("title",), 5),
            (("claims", 0, "text"), ["a"]),
            (("assertions", 0, "confidence", "level"), 5),
            (("assertions", 0, "confidence", "probability", "low"), "0.5"),
            (("assertions", 0, "confidence", "probability", "low"), True),
            (("assertions", 0, "evidence", 0, "span", "start"), 3.0),
            (("assertions", 0, "stance"), "ASSERTS"),
            (("assertions", 0, "hedges"), "allegedly"),
            (("sources", 1, "aliases"), "abc"),
            (("sources", 1, "roles", 0, "start"), 2004),
            (("sources", 1, "affiliations", 0, "kind"), "friend-of"),
            (("assertions", 0, "attribution", "chain", 0, "channel"), None),
            (("assertions", 0, "date"), "2025-02-30"),
        ],
    )
    def test_wrong_values_are_rejected_at_their_path(
        self, location: tuple[str | int, ...], value: object
    ) -> None:
        data = _data()
        target: Any = data
        for step in location[:-1]:
            target = target[step]
        target[location[-1]] = value
        expected = "$" + "".join(f"[{s}]" if isinstance(s, int) else f".{s}" for s in location)
        assert [expected] == _paths(data)

    def test_validator_messages_survive(self) -> None:
        # cattrs pitfall: transform_error drops messages raised inside attrs validators.
        data = _data()
        data["assertions"][0]["confidence"]["probability"] = {"low": 0.9, "high": 0.1}
        with pytest.raises(DecodeError) as info:
            cm.from_data(data)
        (problem,) = info.value.problems
        assert "$.assertions[0].confidence.probability.low" == problem.path
        assert "must not exceed" in problem.message

    def test_missing_required_keys_are_named(self) -> None:
        data = _data()
        del data["assertions"][0]["attribution"]
        del data["assertions"][0]["confidence"]
        del data["claims"][0]["text"]
        assert {
            "$.claims[0].text",
            "$.assertions[0].attribution",
            "$.assertions[0].confidence",
        } == set(_paths(data))

    def test_every_problem_is_reported(self) -> None:
        data = _data()
        data["sources"][0]["kind"] = "alien"
        data["sources"][2]["name"] = ""
        data["relations"][0]["kind"] = "likes"
        assert ["$.sources[0].kind", "$.sources[2].name", "$.relations[0].kind"] == _paths(data)

    def test_empty_and_whitespace_ids(self) -> None:
        data = _data()
        data["assertions"][0]["claim"] = ""
        data["sources"][1]["id"] = "  "
        assert {"$.sources[1].id", "$.assertions[0].claim"} == set(_paths(data))

    def test_extensions_on_nested_objects_round_trip(self) -> None:
        data = _data()
        assertion = data["assertions"][0]
        assert [{}] == assertion["attribution"]["x_attr"]
        assert 1 == assertion["attribution"]["chain"][0]["x_link"]
        assert "y" == assertion["confidence"]["x_conf"]
        assert "extensions" not in json.dumps(data)

    def test_source_without_kind(self) -> None:
        data = _data()
        del data["sources"][0]["kind"]
        assert ["$.sources[0].kind"] == _paths(data)

    def test_odd_keys_are_quoted_in_paths(self) -> None:
        data = _data()
        data["sources"][0]["odd key"] = 1
        assert ["$.sources[0]['odd key']"] == _paths(data)

    def test_top_level_must_be_an_object(self) -> None:
        values: list[object] = [[], "x", 3, None]
        for value in values:
            assert ["$"] == _paths(value)

    def test_duplicate_keys_are_rejected(self) -> None:
        with pytest.raises(DecodeError, match="appears twice"):
            cm.loads('{"format": "claimmodel/1.0", "sources": [], "sources": []}')

    @pytest.mark.parametrize("text", ["NaN", "Infinity", "-Infinity"])
    def test_non_finite_numbers_are_rejected(self, text: str) -> None:
        with pytest.raises(DecodeError, match="finite"):
            cm.loads('{"format": "claimmodel/1.0", "x_n": ' + text + "}")

    def test_not_json(self) -> None:
        with pytest.raises(DecodeError, match="not valid JSON"):
            cm.loads('{"format": ')

    def test_not_utf8(self) -> None:
        with pytest.raises(DecodeError, match="not UTF-8"):
            cm.loads(b'{"format": "\xff"}')

    def test_byte_order_mark_is_ignored(self) -> None:
        text = cm.dumps(_bundle())
        assert _bundle() == cm.loads("\ufeff" + text)
        assert _bundle() == cm.loads(b"\xef\xbb\xbf" + text.encode())

    def test_deep_nesting_is_an_error_not_a_crash(self) -> None:
        with pytest.raises(DecodeError):
            cm.loads(
                '{"format": "claimmodel/1.0", "x_deep": ' + "[" * 100_000 + "]" * 100_000 + "}"
            )

    def test_error_is_a_value_error(self) -> None:
        with pytest.raises(ValueError, match="problem"):
            cm.loads("[]")


class TestVersions:
    """The envelope names the format; unknown versions are refused clearly."""

    def test_missing_format(self) -> None:
        assert ["$.format"] == _paths({"sources": []})

    @pytest.mark.parametrize(
        "value", ["claimmodel/2.0", "claimmodel/1.9", "other/1.0", "1.0", 1.0, None]
    )
    def test_unsupported(self, value: object) -> None:
        data = _data()
        data["format"] = value
        with pytest.raises(UnsupportedFormatError) as info:
            cm.from_data(data)
        assert "$.format" == info.value.problems[0].path

    def test_unknown_major_names_what_is_readable(self) -> None:
        data = _data()
        data["format"] = "claimmodel/2.0"
        with pytest.raises(UnsupportedFormatError, match="major version 2"):
            cm.from_data(data)

    def test_older_versions_are_upgraded_at_the_dict_level(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        # A hypothetical 0.9 that called `sources` `speakers`, to exercise the mechanism.
        def rename(data: dict[str, Any]) -> dict[str, Any]:
            data = dict(data)
            data["sources"] = data.pop("speakers")
            return data

        monkeypatch.setitem(_envelope._UPGRADES, (0, 9), ((1, 0), rename))
        data = _data()
        data["format"] = "claimmodel/0.9"
        data["speakers"] = data.pop("sources")
        assert _bundle() == cm.from_data(data)
        assert cm.dumps(_bundle()) == cm.dumps(cm.from_data(data))

    def test_a_version_never_released(self) -> None:
        data = _data()
        data["format"] = "claimmodel/0.3"
        with pytest.raises(UnsupportedFormatError):
            cm.from_data(data)


class TestKeyOrder:
    """Objects are written in a fixed, readable key order."""

    def test_bundle_metadata_comes_before_the_arrays(self) -> None:
        keys = list(cm.to_data(_bundle()))
        assert [
            "format",
            "id",
            "title",
            "published",
            "document",
            "language",
            "sources",
            "claims",
            "assertions",
            "relations",
            "x_tool",
        ] == keys

    def test_span_allows_no_extensions(self) -> None:
        data = _data()
        data["assertions"][0]["evidence"][0]["span"]["x_a"] = 1
        with pytest.raises(DecodeError) as info:
            cm.from_data(data)
        (problem,) = info.value.problems
        assert "$.assertions[0].evidence[0].span.x_a" == problem.path
        assert "allowed here: start, end" in problem.message
        assert "extension" not in problem.message


class TestNull:
    """Absence has one spelling on the wire: the key is left out."""

    def test_null_is_refused_with_its_path(self) -> None:
        data = _data()
        data["assertions"][0]["attribution"]["cue"] = None
        data["sources"][0]["name"] = None
        with pytest.raises(DecodeError) as info:
            cm.from_data(data)
        assert [
            "$.sources[0].name",
            "$.assertions[0].attribution.cue",
        ] == [problem.path for problem in info.value.problems]
        assert "leave the key out" in info.value.problems[0].message

    def test_null_inside_extensions_is_data(self) -> None:
        data = _data()
        data["x_empty"] = None
        assert cm.from_data(data).extensions["x_empty"] is None


class TestEnginesAgree:
    """`loads` (fast engine first) refuses what `from_data` (the reference) refuses."""

    def test_contract_arrays_are_required_by_loads(self) -> None:
        with pytest.raises(DecodeError) as info:
            cm.loads('{"format": "claimmodel/1.0", "sources": []}')
        assert ["$.claims", "$.assertions", "$.relations"] == [
            problem.path for problem in info.value.problems
        ]

    def test_large_documents_decode_identically(self) -> None:
        # Longer than the default string-length limit, so no shortcut can skip a check.
        many = _bundle()
        claims = tuple(cm.Claim(id=f"c{n}", text="x" * 200) for n in range(6000))
        big = cm.Bundle(claims=(*many.claims, *claims), sources=many.sources)
        text = cm.dumps(big)
        assert len(text) > cm.Limits().max_string_length
        assert cm.from_data(json.loads(text)) == cm.loads(text) == big

    def test_a_long_string_in_a_large_document_is_a_limit_error(self) -> None:
        claims = tuple(cm.Claim(id=f"c{n}", text="x" * 20) for n in range(100))
        text = cm.dumps(cm.Bundle(claims=claims))
        with pytest.raises(cm.LimitExceededError, match="max_string_length"):
            cm.loads(text, limits=cm.Limits(max_string_length=19))
