"""Nested objects travel through their own hooks, whatever order the converter registers them."""

from __future__ import annotations

import claimmodel as cm
from claimmodel.model import JSONValue


def _nested_bundle() -> cm.Bundle:
    extra: cm.FrozenMap[JSONValue] = cm.FrozenMap({"x_note": (1, cm.FrozenMap({"k": None}))})
    return cm.Bundle(
        sources=(cm.Person(id="p", extensions=extra),),
        claims=(cm.Claim(text="The monument stands in Kursk.", id="c", extensions=extra),),
        assertions=(
            cm.Assertion(
                id="a",
                claim="c",
                attribution=cm.Attribution(source="p", extensions=extra),
                confidence=cm.Confidence(
                    scale="probability",
                    level="likely",
                    probability=cm.Interval(low=0.55, high=0.8),
                    extensions=extra,
                ),
                hedges=(
                    cm.Hedge(
                        cue="allegedly", category=cm.HedgeCategory.REPORTATIVE, extensions=extra
                    ),
                ),
                evidence=(cm.Evidence(quote="stands", extensions=extra),),
            ),
        ),
        relations=(
            cm.Relation(
                id="r", kind=cm.RelationKind.SAME_AS, subject="c", object="c", extensions=extra
            ),
        ),
    )


class TestNestedHooks:
    """Nested objects are written and read by their own hooks: flat ``x_…`` keys, claim ids."""

    def test_nested_extensions_are_written_flat(self) -> None:
        data = cm.to_data(_nested_bundle())
        assertion = data["assertions"][0]
        written = [
            data["sources"][0],
            data["claims"][0],
            assertion["attribution"],
            assertion["confidence"],
            assertion["hedges"][0],
            assertion["evidence"][0],
            data["relations"][0],
        ]
        assert [[1, {"k": None}]] * len(written) == [item.get("x_note") for item in written]
        expected: list[object] = []
        assert expected == [item for item in written if "extensions" in item]

    def test_derived_claim_id_is_written(self) -> None:
        text = "The monument stands in Kursk."
        bundle = cm.Bundle(claims=(cm.Claim(text=text),))
        assert cm.claim_id(text) == cm.to_data(bundle)["claims"][0]["id"]

    def test_round_trip(self) -> None:
        bundle = _nested_bundle()
        assert bundle == cm.loads(cm.dumps(bundle))
