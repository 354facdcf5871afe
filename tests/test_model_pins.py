"""Pins of the model's behaviour by example: each test names what it pins.

Mutation testing (``python scripts/mutation.py model``) runs the example tests only, so
each behaviour of the model layer that a property test or another layer's test reached
is pinned here by example: the messages and fields of constructor errors, the copies the
``with_*`` and ``reviewed`` helpers make, the text forms, and the lazy names.
"""

from __future__ import annotations

import datetime as dt
import math
import sys
from typing import Any

import attrs
import pytest

import claimmodel as cm
import claimmodel.model
from claimmodel.exceptions import InvalidTypeError, InvalidValueError
from claimmodel.model import _checks as check
from claimmodel.model import _convert, _frozen, _scales
from claimmodel.model._claims import claim_id
from claimmodel.model._frozen import freeze_json, unwritable_integer
from claimmodel.model._repr import compact_repr, use_compact_reprs

_DRAFT = cm.Draft(by="claimmodel cues", note="check the speaker")
_UNSURE = cm.Confidence.cannot_be_judged()


def _assertion(assertion_id: str, claim: str, **changes: Any) -> cm.Assertion:
    return cm.Assertion(
        id=assertion_id,
        claim=claim,
        attribution=cm.Attribution(source="s"),
        confidence=_UNSURE,
        **changes,
    )


class TestCopies:
    """The ``with_*`` and ``reviewed`` helpers copy the object with one change only."""

    def test_assertion_with_confidence(self) -> None:
        judged = cm.Confidence.parse("likely", scale="icd203")
        assertion = _assertion("a1", "c", draft=_DRAFT)
        assert attrs.evolve(assertion, confidence=judged) == assertion.with_confidence(judged)
        assert assertion.draft is not None
        assert attrs.evolve(assertion, draft=None) == assertion.reviewed()

    def test_claim_reviewed_keeps_the_rest(self) -> None:
        claim = cm.Claim(id="c", text="The dam burst.", draft=_DRAFT)
        assert cm.Claim(id="c", text="The dam burst.") == claim.reviewed()

    def test_with_text_derives_the_id_again_only_when_derived(self) -> None:
        derived = cm.Claim(text="The dam burst.", subject="dam")
        edited = derived.with_text("The dam held.")
        assert ("The dam held.", "dam") == (edited.text, edited.subject)
        assert claim_id("The dam held.", subject="dam") == edited.id
        named = cm.Claim(id="dam", text="The dam burst.").with_text("The dam held.")
        assert cm.Claim(id="dam", text="The dam held.") == named

    def test_hedge_relation_and_source_reviewed(self) -> None:
        hedge = cm.Hedge(cue="allegedly", category=cm.HedgeCategory.REPORTATIVE, draft=_DRAFT)
        assert attrs.evolve(hedge, draft=None) == hedge.reviewed()
        relation = cm.Relation(
            id="r", kind=cm.RelationKind.CONTRADICTS, subject="c1", object="c2", draft=_DRAFT
        )
        assert attrs.evolve(relation, draft=None) == relation.reviewed()
        person = cm.Person(id="p", name="Ann", draft=_DRAFT)
        assert cm.Person(id="p", name="Ann") == person.reviewed()

    def test_with_identifier_appends_once(self) -> None:
        first = cm.Identifier(scheme=cm.IdentifierScheme.WIKIDATA, value="Q42")
        second = cm.Identifier(scheme=cm.IdentifierScheme.WIKIDATA, value="Q1")
        person = cm.Person(id="p", name="Ann").with_identifier(first)
        assert (first,) == person.identifiers
        assert "Ann" == person.name
        assert person is person.with_identifier(first)
        assert (first, second) == person.with_identifier(second).identifiers

    def test_with_verdict_and_evidence_append(self) -> None:
        rating = cm.Rating(label="False")
        verdict = cm.Verdict(id="v", reviewer="r", reviews=("a1",), rating=rating)
        evidence = cm.Evidence(quote="It did not.")
        with_evidence = verdict.with_evidence(evidence)
        assert attrs.evolve(verdict, evidence=(evidence,)) == with_evidence
        again = with_evidence.with_evidence(evidence)
        assert (evidence, evidence) == again.evidence
        value = cm.Bundle(verdicts=(verdict,))
        assert (verdict, verdict) == value.with_verdict(verdict).verdicts
        assert attrs.evolve(value, verdicts=(verdict, verdict)) == value.with_verdict(verdict)


class TestBundleLookups:
    """A bundle finds claims and verdicts by id, and the verdicts on a claim."""

    def test_lookups(self) -> None:
        claims = (cm.Claim(id="c1", text="One."), cm.Claim(id="c2", text="Two."))
        assertions = (_assertion("a1", "c1"), _assertion("a2", "c2"))
        on_one = cm.Verdict(id="v1", reviewer="r", reviews=("a1",), rating=cm.Rating(label="F"))
        on_two = cm.Verdict(
            id="v2", reviewer="r", reviews=("a9", "a2"), rating=cm.Rating(label="T")
        )
        value = cm.Bundle(claims=claims, assertions=assertions, verdicts=(on_one, on_two))
        assert claims[1] is value.claim("c2")
        assert value.claim("c3") is None
        assert on_two is value.verdict("v2")
        assert value.verdict("v3") is None
        assert (on_one,) == value.verdicts_of("c1")
        assert (on_two,) == value.verdicts_of("c2")
        assert () == value.verdicts_of("c3")


class TestAttributionFromReaderFirst:
    """Reader-first sources become the speaker and a chain; channels default to unspecified."""

    def test_without_channels(self) -> None:
        built = cm.Attribution.from_reader_first(["article", "ria", "sculptor"], cue="said")
        expected = cm.Attribution(
            source="sculptor",
            cue="said",
            chain=(
                cm.Link(source="ria", channel=cm.Channel.UNSPECIFIED),
                cm.Link(source="article", channel=cm.Channel.UNSPECIFIED),
            ),
        )
        assert expected == built

    def test_no_source(self) -> None:
        with pytest.raises(InvalidValueError) as raised:
            cm.Attribution.from_reader_first([])
        assert "an attribution needs at least the asserting source" == str(raised.value)

    def test_channels_of_the_wrong_count(self) -> None:
        with pytest.raises(InvalidValueError) as raised:
            cm.Attribution.from_reader_first(["a", "b"], channels=[])
        assert "1 intermediaries need 1 channels, not 0" == str(raised.value)


class TestClaimId:
    """A derived id is 16 hex digits of SHA-256 over every part of the content."""

    def test_values(self) -> None:
        assert "claim-a892b1c4350ab488" == claim_id("The dam burst.")
        assert "claim-c44c1af66ca1dc59" == claim_id("The dam burst.", subject="dam")
        assert "claim-bab03f42bc1c7a2e" == claim_id("x", predicate="p")
        assert "claim-ee7c26c1db94d9bd" == claim_id("x", object="o")

    def test_the_claim_derives_from_every_part(self) -> None:
        parts: dict[str, Any] = {"subject": "s", "predicate": "p", "object": "o"}
        claim = cm.Claim(text="x", **parts, polarity=cm.Polarity.NEGATIVE)
        assert claim_id("x", **parts, polarity=cm.Polarity.NEGATIVE) == claim.id
        assert claim.id_is_derived

    def test_a_claim_deriving_its_id_checks_its_parts_first(self) -> None:
        assert (
            "InvalidTypeError",
            "polarity must be one of Polarity.POSITIVE, Polarity.NEGATIVE, not 'negative'",
            "polarity",
        ) == _refusal(lambda: cm.Claim(text="x", polarity="negative"))  # type: ignore[arg-type]
        assert ("InvalidTypeError", "text must be a string, not an integer", "text") == (
            _refusal(lambda: cm.Claim(text=3))  # type: ignore[arg-type]
        )

    @pytest.mark.parametrize(
        ("changes", "message"),
        [
            ({"object": 5}, "object must be a string, not an integer"),
            ({"polarity": "negative"}, "polarity must be"),
        ],
    )
    def test_bad_parts_named(self, changes: dict[str, Any], message: str) -> None:
        with pytest.raises((InvalidTypeError, InvalidValueError), match=message):
            claim_id("x", **changes)


class TestConfidenceText:
    """How a confidence reads, is parsed and says it cannot be judged."""

    def test_str(self) -> None:
        likely = cm.Confidence.parse("likely", scale="icd203")
        assert "likely [icd203] (55%–80%)" == str(likely)
        high = cm.Confidence.parse("high", scale="icd203-confidence")
        assert "high [icd203-confidence]" == str(high)
        converted = attrs.evolve(likely, original=high)
        assert "likely [icd203] (55%–80%), from high [icd203-confidence]" == str(converted)

    def test_parse(self) -> None:
        parsed = cm.Confidence.parse("likely", scale="icd203", assessor="me", basis="b")
        expected = cm.Confidence(
            scale="icd203",
            level="likely",
            probability=cm.Interval(low=0.55, high=0.8),
            assessor="me",
            basis="b",
        )
        assert expected == parsed

    def test_parse_on_a_scale_object(self) -> None:
        scale = _scales.require_scale("icd203")
        assert cm.Confidence.parse("likely", scale="icd203") == cm.Confidence.parse(
            "likely", scale=scale
        )

    def test_parse_refusals(self) -> None:
        with pytest.raises(InvalidTypeError) as wrong_type:
            cm.Confidence.parse(3, scale="icd203")  # type: ignore[arg-type]
        assert ("a confidence level must be a string, not an integer", "level") == (
            str(wrong_type.value),
            wrong_type.value.field,
        )
        with pytest.raises(InvalidValueError) as unknown:
            cm.Confidence.parse("zzz", scale="icd203")
        assert "level" == unknown.value.field
        assert str(unknown.value).startswith(
            "'zzz' is not a level of scale 'icd203'; valid levels: 'almost no chance', "
        )

    def test_cannot_be_judged(self) -> None:
        plain = cm.Confidence.cannot_be_judged()
        assert ("probability", "cannot be judged", None) == (
            plain.scale,
            plain.level,
            plain.probability,
        )
        stated = cm.Confidence.cannot_be_judged(scale="icd203", assessor="a", basis="b")
        assert ("icd203", "a", "b") == (stated.scale, stated.assessor, stated.basis)


class TestIntervalErrors:
    """An interval's bounds are named in its errors; only 0 to 1 is a probability."""

    @pytest.mark.parametrize(
        ("low", "high", "error", "message", "field"),
        [
            (0.5, 0.25, InvalidValueError, "low (0.5) must not exceed high (0.25)", "low"),
            (0.5, "x", InvalidTypeError, "high must be a number, not a string", "high"),
            (
                0.5,
                1.5,
                InvalidValueError,
                "high must be a probability from 0 to 1, not 1.5",
                "high",
            ),
            (0.5, 2, InvalidValueError, "high must be a probability from 0 to 1, not 2", "high"),
        ],
    )
    def test_refused(
        self, low: object, high: object, error: type[Exception], message: str, field: str
    ) -> None:
        with pytest.raises(error) as raised:
            cm.Interval(low=low, high=high)
        assert (message, field) == (str(raised.value), getattr(raised.value, "field", None))

    def test_str(self) -> None:
        assert ("25%", "20%–30%") == (
            str(cm.Interval(low=0.25, high=0.25)),
            str(cm.Interval(low=0.2, high=0.3)),
        )


class TestRatingText:
    """A rating reads as its label, with its value on its scale when it has one."""

    def test_str(self) -> None:
        assert "False" == str(cm.Rating(label="False"))
        assert "False (1 of 1 to 5)" == str(cm.Rating(label="False", value=1, best=5, worst=1))


class TestHedgeCategoryFromWikidata:
    """An unknown item is refused with the known items listed."""

    def test_unknown(self) -> None:
        with pytest.raises(InvalidValueError) as raised:
            cm.HedgeCategory.from_wikidata("Q1")
        assert str(raised.value).startswith(
            "'Q1' is not a Wikidata sourcing circumstance claimmodel maps; known: "
            "Q18122778 (presumably), Q18603603 (hypothetically), "
        )

    def test_known(self) -> None:
        assert cm.HedgeCategory.REPORTATIVE is cm.HedgeCategory.from_wikidata("Q32188232")


class TestFrozenJson:
    """Hashes follow the contents; keys and huge integers are refused by name."""

    def test_repr(self) -> None:
        assert "FrozenMap({'a': 1, 'b': (2,)})" == repr(cm.FrozenMap({"a": 1, "b": [2]}))

    def test_hashes_differ_with_contents(self) -> None:
        maps = [cm.FrozenMap({"k": i}) for i in range(8)]
        assert 8 == len({hash(m) for m in maps})
        assert hash(cm.FrozenMap({"k": 1})) == hash(cm.FrozenMap({"k": 1}))

    def test_a_long_key_is_cut(self) -> None:
        key = tuple(range(40))
        with pytest.raises(InvalidTypeError) as raised:
            freeze_json({key: 1}, where="x")
        shown = repr(key)[:79] + "…"
        assert f"x: object keys must be strings, not {shown}" == str(raised.value)
        exact = (1, "a" * 73)  # a repr of exactly 80 characters is shown whole
        assert 80 == len(repr(exact))
        with pytest.raises(InvalidTypeError) as whole:
            freeze_json({exact: 1}, where="x")
        assert f"x: object keys must be strings, not {exact!r}" == str(whole.value)

    def test_a_key_of_81_characters_is_cut(self) -> None:
        key = (1, "a" * 74)
        assert 81 == len(repr(key))
        with pytest.raises(InvalidTypeError) as raised:
            freeze_json({key: 1}, where="x")
        assert f"x: object keys must be strings, not {repr(key)[:79]}…" == str(raised.value)

    def test_a_key_too_long_to_write_is_named_by_type(self) -> None:
        with pytest.raises(InvalidTypeError) as raised:
            freeze_json({10**5000: 1}, where="x")
        assert "x: object keys must be strings, not int" == str(raised.value)

    def test_the_digit_limit_is_read_each_time(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(_frozen, "_POWERS", {})  # nothing cached by earlier tests
        limit = sys.get_int_max_str_digits()
        try:
            sys.set_int_max_str_digits(4321)
            assert unwritable_integer(10**4321)
            assert not unwritable_integer(10**4321 - 1)
            assert unwritable_integer(-(10**4321))
            sys.set_int_max_str_digits(4322)
            assert not unwritable_integer(10**4321)
        finally:
            sys.set_int_max_str_digits(limit)


class TestValidatorFactories:
    """The validator factories build their validators afresh (they run at import otherwise)."""

    def _attribute(self, cls: type, name: str) -> attrs.Attribute[Any]:
        return next(a for a in attrs.fields(cls) if a.name == name)

    def test_certainty_of(self) -> None:
        validate = check.certainty_of("published")
        field = self._attribute(cm.Bundle, "published_certainty")
        dated = cm.Bundle(published=cm.PartialDate(year=1))
        undated = cm.Bundle()
        validate(undated, field, None)
        validate(dated, field, cm.DateCertainty.ASSUMED)
        with pytest.raises(InvalidValueError) as missing:
            validate(undated, field, cm.DateCertainty.ASSUMED)
        assert ("published_certainty qualifies published, which is missing",) == (
            str(missing.value),
        )
        assert "published_certainty" == missing.value.field
        with pytest.raises((InvalidValueError, InvalidTypeError), match="published_certainty"):
            validate(dated, field, "assumed")

    def test_instance_and_items_of(self) -> None:
        field = self._attribute(cm.Assertion, "claim")
        check.instance_of(str, "a string")(None, field, "x")
        check.instance_of((str, int), "a string")(None, field, 3)
        with pytest.raises(InvalidTypeError, match="claim must be a string, not an integer"):
            check.instance_of(str, "a string")(None, field, 3)
        with pytest.raises(InvalidTypeError, match="claim must be a string"):
            check.optional_instance_of(str, "a string")(None, field, 3)
        check.optional_instance_of(str, "a string")(None, field, None)
        check.items_of(str, "a string")(None, field, ("x",))
        with pytest.raises(InvalidTypeError, match="a string"):
            check.items_of(str, "a string")(None, field, ("x", 3))
        with pytest.raises(InvalidTypeError, match="must be a string"):
            check.instance_of(str, "a string")(None, field, None)

    def test_tuple_and_number_fields(self) -> None:
        @attrs.frozen(kw_only=True)
        class Holder:
            items: tuple[str, ...] = check.tuple_field(check.items_of(str, "a string"))
            number: float | None = check.number_field()

        assert ((), None) == (Holder().items, Holder().number)
        assert ("a", "b") == Holder(items=["a", "b"]).items  # type: ignore[arg-type]
        with pytest.raises(InvalidTypeError, match="a string"):
            Holder(items=(3,))  # type: ignore[arg-type]
        with pytest.raises(InvalidValueError, match="number"):
            Holder(number=float("nan"))
        assert Holder(number=1) != Holder(number=1.0)
        assert Holder(number=-0.0) == Holder(number=0.0)
        assert Holder(number=2.5) == Holder(number=2.5)
        stored = Holder(number=-0.0).number
        assert stored is not None
        assert 1.0 == math.copysign(1.0, stored)  # -0.0 is stored as 0.0
        assert float is type(Holder(number=2.5).number)

    def test_arguments(self) -> None:
        with pytest.raises(InvalidTypeError) as not_iterable:
            check.arguments("f", 3, str, "strings")
        assert "f() needs an iterable of strings, not an integer" == str(not_iterable.value)
        with pytest.raises(InvalidTypeError) as wrong_item:
            check.arguments("f", ["a", 3], str, "strings")
        assert "f() needs strings, not an integer (item 1)" == str(wrong_item.value)


class TestShown:
    """A value in a message: its repr cut to 80 characters, a long integer by its size."""

    def test_type_names(self) -> None:
        values: tuple[object, ...] = (None, True, 1, 1.5, "s", [1], (1,), {}, b"x", object())
        names = [check.type_name(value) for value in values]
        assert [
            "null",
            "a boolean",
            "an integer",
            "a number",
            "a string",
            "an array",
            "an array",
            "an object",
            "bytes",
            "object",
        ] == names

    def test_shown(self) -> None:
        assert f"{'a' * 78!r}" == check.shown("a" * 78)
        assert f"'{'a' * 78}…" == check.shown("a" * 79)
        assert f"{str(2**320 - 1)[:79]}…" == check.shown(2**320 - 1)
        assert "an integer of 321 bits" == check.shown(2**320)
        assert "an array" == check.shown([10**5000])
        assert "'abc…" == check.shown("abcdef", longest=5)


class TestCompactReprs:
    """Short reprs: given afresh to a namespace's own attrs classes, defaults left out."""

    def test_given_to_claimmodel_attrs_classes_only(self) -> None:
        @attrs.define
        class Mine:
            a: int = 1
            b: list[int] = attrs.field(factory=list)
            c: int = attrs.field(default=attrs.Factory(lambda self: self.a + 1, takes_self=True))
            d: str = attrs.field(default="", repr=lambda v: f"<{v}>")
            hidden: int = attrs.field(default=0, repr=False)
            e: int = attrs.field(default=0, alias="e_alias")

        @attrs.define
        class Foreign:
            a: int = 1

        class Plain:
            pass

        Mine.__module__ = "claimmodel.somewhere"
        Plain.__module__ = "claimmodel.somewhere"
        use_compact_reprs({"Mine": Mine, "Foreign": Foreign, "Plain": Plain, "n": 3})
        assert "Mine()" == repr(Mine())
        shown = repr(Mine(a=2, c=9, d="x", hidden=5, e_alias=4))
        assert "Mine(a=2, c=9, d=<x>, e_alias=4)" == shown
        assert "Mine(a=2)" == repr(Mine(a=2, c=3))
        assert "Mine(b=[1])" == repr(Mine(b=[1]))
        assert "Foreign(a=1)" == repr(Foreign())  # attrs' own repr: not a claimmodel class
        assert compact_repr is not Plain.__repr__

    def test_an_iterable_of_classes(self) -> None:
        @attrs.define
        class Mine:
            a: int = 1

        Mine.__module__ = "claimmodel.somewhere"
        use_compact_reprs([Mine])
        assert "Mine(a=2)" == repr(Mine(a=2))


class TestLazyNames:
    """The scale tables and conversion rules load on first use of their names."""

    def test_lazy_name(self) -> None:
        getattr_ = claimmodel.model.__getattr__
        assert _convert.convert is getattr_("convert")
        assert _scales.SCALES is getattr_("SCALES")
        assert _scales.SCALES is vars(claimmodel.model)["SCALES"]

    def test_unknown_name(self) -> None:
        with pytest.raises(AttributeError) as raised:
            claimmodel.model.__getattr__("nothing")
        assert "module 'claimmodel.model' has no attribute 'nothing'" == str(raised.value)

    def test_dir_lists_the_lazy_names(self) -> None:
        assert {"convert", "SCALES", "Bundle"} <= set(dir(claimmodel.model))


def _refusal(build: Any) -> tuple[str, str, str | None]:
    """The class, message and field of the error ``build()`` raises."""
    with pytest.raises((InvalidTypeError, InvalidValueError)) as raised:
        build()
    return type(raised.value).__name__, str(raised.value), getattr(raised.value, "field", None)


_UTC2 = dt.timezone(dt.timedelta(hours=2))
_P = cm.PartialDate


class TestPartialDateRefusals:
    """Each part's bounds, type and dependencies are refused with a message and a field."""

    @pytest.mark.parametrize(
        ("parts", "expected"),
        [
            ({"year": 0}, ("InvalidValueError", "year must be from 1 to 9999, not 0", "year")),
            (
                {"year": 10000},
                ("InvalidValueError", "year must be from 1 to 9999, not 10000", "year"),
            ),
            (
                {"year": "2020"},
                ("InvalidTypeError", "year must be an integer, not a string", "year"),
            ),
            (
                {"year": 2020, "day": 3},
                ("InvalidValueError", "day is given but month is not", "day"),
            ),
            (
                {"year": 2020, "month": 0},
                ("InvalidValueError", "month must be from 1 to 12, not 0", "month"),
            ),
            (
                {"year": 2021, "month": 2, "day": 29},
                ("InvalidValueError", "2021-02 has 28 days, not 29", "day"),
            ),
            (
                {"year": 2020, "month": 1, "day": 1, "hour": 1, "minute": 1, "microsecond": 5},
                ("InvalidValueError", "microsecond needs a second", "microsecond"),
            ),
            (
                {
                    "year": 2020,
                    "month": 1,
                    "day": 1,
                    "hour": 1,
                    "minute": 1,
                    "second": 1,
                    "microsecond": 1_000_000,
                },
                (
                    "InvalidValueError",
                    "microsecond must be from 0 to 999999, not 1000000",
                    "microsecond",
                ),
            ),
            (
                {"year": 2020, "month": 1, "day": 1, "hour": 1, "tz": "UTC"},
                ("InvalidTypeError", "tz must be a datetime.timezone, not a string", "tz"),
            ),
            (
                {"year": 2020, "month": 1, "day": 1, "tz": dt.UTC},
                ("InvalidValueError", "a time zone needs at least an hour", "tz"),
            ),
            (
                {
                    "year": 2020,
                    "month": 1,
                    "day": 1,
                    "hour": 1,
                    "tz": dt.timezone(dt.timedelta(seconds=30)),
                },
                ("InvalidValueError", "a UTC offset must be whole minutes", "tz"),
            ),
            (
                {
                    "year": 2020,
                    "month": 1,
                    "day": 1,
                    "hour": 1,
                    "tz": dt.timezone(dt.timedelta(microseconds=30)),
                },
                ("InvalidValueError", "a UTC offset must be whole minutes", "tz"),
            ),
        ],
    )
    def test_refused(self, parts: dict[str, Any], expected: tuple[str, str, str]) -> None:
        assert expected == _refusal(lambda: _P(**parts))

    def test_the_ends_of_each_range_are_accepted(self) -> None:
        assert (1, 9999) == (_P(year=1).year, _P(year=9999).year)
        second: dict[str, Any] = {
            "year": 2020,
            "month": 1,
            "day": 1,
            "hour": 1,
            "minute": 1,
            "second": 1,
        }
        assert 0 == _P(**second, microsecond=0).microsecond
        assert 999_999 == _P(**second, microsecond=999_999).microsecond

    def test_wikidata_precision(self) -> None:
        assert (
            "InvalidValueError",
            "Wikidata precision 3 is not supported; use 9 (year) to 14 (second)",
            None,
        ) == _refusal(lambda: cm.Precision.from_wikidata(3))


class TestPartialDateConversions:
    """from_date, with_precision and earliest, at each precision and zone."""

    def test_from_date(self) -> None:
        assert _P(year=2020, month=1, day=2, hour=3, minute=4, second=5) == _P.from_date(
            dt.datetime(2020, 1, 2, 3, 4, 5)
        )
        utc = _P.from_date(dt.datetime(2020, 1, 2, 3, 4, 5, tzinfo=dt.timezone(dt.timedelta(0))))
        assert dt.UTC is utc.tz
        east = _P.from_date(dt.datetime(2020, 1, 2, 3, 4, 5, 6, tzinfo=_UTC2))
        assert (_UTC2, 6) == (east.tz, east.microsecond)
        assert _P(year=2020, month=1, day=2) == _P.from_date(dt.date(2020, 1, 2))
        assert (
            "InvalidTypeError",
            "expected a date or datetime, not a string",
            None,
        ) == _refusal(lambda: _P.from_date("2020"))  # type: ignore[arg-type]

    def test_with_precision(self) -> None:
        month = _P(year=2020, month=3)
        assert month == month.with_precision(cm.Precision.MONTH)
        assert (
            "InvalidValueError",
            "cannot refine a month-precision date to day",
            None,
        ) == _refusal(lambda: month.with_precision(cm.Precision.DAY))
        full = _P(year=2020, month=1, day=1, hour=1, minute=1, second=1, microsecond=7, tz=_UTC2)
        assert full == full.with_precision(cm.Precision.SECOND)
        minute = _P(year=2020, month=1, day=1, hour=1, minute=1, tz=_UTC2)
        assert minute == full.with_precision(cm.Precision.MINUTE)
        assert _P(year=2020, month=1, day=1) == full.with_precision(cm.Precision.DAY)

    def test_isoformat_writes_four_digit_years(self) -> None:
        years = [_P(year=y).isoformat() for y in (1, 999, 1000, 9999)]
        assert ["0001", "0999", "1000", "9999"] == years

    def test_earliest(self) -> None:
        assert dt.datetime(2020, 1, 1) == _P(year=2020).earliest()


@attrs.frozen(kw_only=True)
class _Subclass(cm.PartialDate):
    """A subclass: fromisoformat builds it through its constructor."""


class TestFromisoformat:
    """The wire form read into the class asked for, every part kept; other forms refused."""

    def test_a_subclass_through_its_constructor(self) -> None:
        read = _Subclass.fromisoformat("2020-01-02T03:04:05.25+02:00")
        assert _Subclass is type(read)
        assert (2020, 1, 2, 3, 4, 5, 250_000, _UTC2) == attrs.astuple(read, recurse=False)
        assert _Subclass(year=2020) == _Subclass.fromisoformat("2020")

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (2020, ("InvalidTypeError", "a partial date must be a string, not an integer", None)),
            (
                "2020-1",
                (
                    "InvalidValueError",
                    (
                        "'2020-1' is not a partial date; write YYYY, YYYY-MM, YYYY-MM-DD or "
                        "YYYY-MM-DDThh[:mm[:ss[.ffffff]]] with an optional Z or ±hh:mm"
                    ),
                    None,
                ),
            ),
        ],
    )
    def test_refused(self, text: Any, expected: tuple[str, str, None]) -> None:
        assert expected == _refusal(lambda: cm.PartialDate.fromisoformat(text))


class TestPartialDateParse:
    """What parse reads, the year it supplies from a reference, and what it refuses."""

    def test_parts_stated(self) -> None:
        assert _P(
            year=2020, month=1, day=2, hour=3, minute=4, second=5, microsecond=250_000
        ) == _P.parse("2020-01-02 03:04:05.25")
        assert _P(year=2020, month=1, day=2, hour=3, minute=4) == _P.parse("2020-01-02 03:04")
        # a time without a day: only the parts up to the first missing one are kept
        assert _P(year=2020, month=3) == _P.parse("March 2020 10:00:05")
        assert _P(
            year=2020, month=1, day=2, hour=3, minute=4, second=5, microsecond=0, tz=_UTC2
        ) == _P.parse("2020-01-02T03:04:05+02:00")
        utc = _P.parse("2020-01-02T03:04:05+00:00")
        assert dt.UTC is utc.tz

    @pytest.mark.parametrize(
        ("text", "reference", "year"),
        [
            ("10:00", dt.datetime(2025, 1, 1, 23, 0), 2025),  # month and day default to 1
            ("10:00", dt.datetime(2025, 1, 1, 9, 0), 2024),
            ("1 January", dt.datetime(2025, 1, 1, 0, 0, 0), 2025),  # the very instant
            ("1 January", dt.datetime(2025, 1, 1, 0, 0, 0, 1), 2025),
            ("1 January 00:30", dt.datetime(2025, 1, 1, 0, 45), 2025),
            ("1 January 10:00", dt.datetime(2025, 1, 1, 9, 59), 2024),
            ("1 March 10:30", dt.datetime(2025, 3, 1, 10, 29), 2024),
            ("1 March 10:30", dt.datetime(2025, 3, 1, 10, 30), 2025),
            ("1 March 10:00:30", dt.datetime(2025, 3, 1, 10, 0, 29), 2024),
            ("2 March", dt.date(2025, 3, 1), 2024),
            ("2 March", _P(year=2025, month=3), 2025),
            ("29 February", dt.date(2025, 3, 1), 2024),
            ("March", dt.date(1, 5, 1), 1),
            ("29 February", dt.date(8, 3, 1), 8),
        ],
    )
    def test_most_recent_year(self, text: str, reference: Any, year: int) -> None:
        assert year == _P.parse(text, reference=reference).year

    @pytest.mark.parametrize(
        ("text", "reference", "expected"),
        [
            (5, None, ("InvalidTypeError", "a date must be a string, not an integer", None)),
            (
                "zzqqx",
                None,
                ("InvalidValueError", "'zzqqx' is not a date python-dateutil can read", None),
            ),
            (
                "July",
                3,
                (
                    "InvalidTypeError",
                    "reference must be a PartialDate or date, not an integer",
                    None,
                ),
            ),
            (
                "29 February",
                dt.date(1904, 1, 1),  # 1900 was a common year: no 29 February in eight years
                ("InvalidValueError", "'29 February' does not occur on or before 1904-01-01", None),
            ),
            (
                "29 February",
                _P(year=1, month=3),
                ("InvalidValueError", "'29 February' does not occur on or before 0001-03", None),
            ),
            (
                "2020-01-02 03:04 UTC+25",
                None,
                (
                    "InvalidValueError",
                    "'2020-01-02 03:04 UTC+25' states a UTC offset of a day or more",
                    None,
                ),
            ),
        ],
    )
    def test_refused(self, text: Any, reference: Any, expected: tuple[str, str, None]) -> None:
        assert expected == _refusal(lambda: _P.parse(text, reference=reference))

    def test_an_offset_of_a_day_in_a_bound(self) -> None:
        with pytest.raises(InvalidValueError, match="a UTC offset of a day or more"):
            cm.parse_date_bounds("before 2020-01-02 03:04 UTC-24")


class TestDateBounds:
    """Bounds step one unit of the date's precision, across years; words in any case."""

    _REFERENCE = _P(year=2025, month=1, day=15)

    @pytest.mark.parametrize(
        ("phrase", "expected"),
        [
            ("before 2020", (None, _P(year=2019))),
            ("after 2020", (_P(year=2021), None)),
            ("after December 2024", (_P(year=2025, month=1), None)),
            ("before January 2025", (None, _P(year=2024, month=12))),
            ("last month", (_P(year=2024, month=12), _P(year=2024, month=12))),
            (
                "after 14 July 2025 10:00",
                (_P(year=2025, month=7, day=14, hour=10, minute=1), None),
            ),
            (
                "before 1 January 2025 00:00",
                (None, _P(year=2024, month=12, day=31, hour=23, minute=59)),
            ),
            (
                "after 1 January 2025 10:00:59",
                (_P(year=2025, month=1, day=1, hour=10, minute=1, second=0), None),
            ),
            (
                "before 1 January 2025 10",
                (None, _P(year=2025, month=1, day=1, hour=9)),
            ),
            (
                "After 14 July 2025 10:00 UTC.",
                (_P(year=2025, month=7, day=14, hour=10, minute=1, tz=dt.UTC), None),
            ),
            ("BETWEEN March AND May", (_P(year=2024, month=3), _P(year=2024, month=5))),
            ("In the past", (None, _REFERENCE)),
        ],
    )
    def test_bounds(
        self, phrase: str, expected: tuple[cm.PartialDate | None, cm.PartialDate | None]
    ) -> None:
        assert expected == cm.parse_date_bounds(phrase, reference=self._REFERENCE)

    @pytest.mark.parametrize(
        ("phrase", "expected"),
        [
            ("this year", (_P(year=2025), _P(year=2025))),
            ("earlier this year", (_P(year=2025), _REFERENCE)),
            ("last year", (_P(year=2024), _P(year=2024))),
            ("this month", (_P(year=2025, month=1), _P(year=2025, month=1))),
            ("earlier this month", (_P(year=2025, month=1), _REFERENCE)),
        ],
    )
    def test_relative(
        self, phrase: str, expected: tuple[cm.PartialDate | None, cm.PartialDate | None]
    ) -> None:
        assert expected == cm.parse_date_bounds(phrase, reference=self._REFERENCE)

    @pytest.mark.parametrize(
        ("phrase", "reference", "message"),
        [
            (
                "this month",
                _P(year=2025),
                "'this month' needs a reference date of finer precision than 2025",
            ),
            (
                "last month",
                _P(year=2025),
                "'last month' needs a reference date of finer precision than 2025",
            ),
            ("this week", _REFERENCE, "'this week' is not a date phrase claimmodel reads"),
            ("last week", _P(year=2025), "'last week' is not a date phrase claimmodel reads"),
        ],
    )
    def test_relative_refused(self, phrase: str, reference: cm.PartialDate, message: str) -> None:
        assert ("InvalidValueError", message, None) == _refusal(
            lambda: cm.parse_date_bounds(phrase, reference=reference)
        )

    def test_reading(self) -> None:
        on_a_date = cm.parse_date_bounds("before July", reference=dt.date(2025, 11, 25))
        assert (None, _P(year=2025, month=6)) == on_a_date
        assert (None, self._REFERENCE) == cm.parse_date_bounds(
            "Previously.", reference=self._REFERENCE
        )
        assert (None, _P(year=2024, month=6)) == cm.parse_date_bounds(
            "before July,", reference=self._REFERENCE
        )

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (3, ("InvalidTypeError", "a date phrase must be a string, not an integer", None)),
            (
                "since 2020X",  # only dots and commas end a phrase
                ("InvalidValueError", "'2020X' is not a date python-dateutil can read", None),
            ),
            (
                "sometime",
                (
                    "InvalidValueError",
                    (
                        "'sometime' is not a bounded date claimmodel reads; write it as "
                        "'before X', 'after X', 'by X', 'since X' or 'between X and Y', or give "
                        "the bounds as dates"
                    ),
                    None,
                ),
            ),
        ],
    )
    def test_refused(self, text: Any, expected: tuple[str, str, None]) -> None:
        assert expected == _refusal(lambda: cm.parse_date_bounds(text, reference=self._REFERENCE))


class TestCheckCharacters:
    """ISO 7064 MOD 11-2 (ISNI, ORCID) at each kind of check character: 0, 1 and X."""

    @pytest.mark.parametrize(
        ("scheme", "value"),
        [
            (cm.IdentifierScheme.ISNI, "0000000000000001"),
            (cm.IdentifierScheme.ISNI, "0000000000000060"),
            (cm.IdentifierScheme.ISNI, "000000000000001X"),
            (cm.IdentifierScheme.ORCID, "0000-0002-1694-233X"),
        ],
    )
    def test_accepted(self, scheme: cm.IdentifierScheme, value: str) -> None:
        assert value == cm.Identifier(scheme=scheme, value=value).value

    @pytest.mark.parametrize(
        ("scheme", "value", "reason"),
        [
            (cm.IdentifierScheme.ISNI, "0000000000000010", "the ISNI is mistyped"),
            (cm.IdentifierScheme.ISNI, "0000000000000061", "the ISNI is mistyped"),
            (cm.IdentifierScheme.ORCID, "0000-0002-1694-2330", "the iD is mistyped"),
            (cm.IdentifierScheme.ROR, "01ggx4158", "the id is mistyped"),
        ],
    )
    def test_refused(self, scheme: cm.IdentifierScheme, value: str, reason: str) -> None:
        message = (
            f"{value!r} is not a valid {scheme.value!r} identifier: its check "
            f"{'digits do' if scheme is cm.IdentifierScheme.ROR else 'character does'} not "
            f"match: {reason}"
        )
        assert ("InvalidValueError", message) == _refusal(
            lambda: cm.Identifier(scheme=scheme, value=value)
        )[:2]


_DOMAIN_RULE = (
    "a domain is two or more labels of lower-case letters, digits and hyphens joined by dots, "
    "such as ria.ru (no scheme, path or final dot; an internationalised name in its xn-- form)"
)
_LONG_LABELS = ("a" * 61 + ".") * 4  # 248 characters


class TestIdentifierShapes:
    """What each scheme accepts at its edges, and the rule it states when it refuses."""

    @pytest.mark.parametrize(
        ("scheme", "value"),
        [
            (cm.IdentifierScheme.DOMAIN, "123.ru"),
            (cm.IdentifierScheme.DOMAIN, "a.123.ru"),
            (cm.IdentifierScheme.DOMAIN, _LONG_LABELS + "abcde"),  # 253 characters
        ],
    )
    def test_accepted(self, scheme: cm.IdentifierScheme, value: str) -> None:
        assert value == cm.Identifier(scheme=scheme, value=value).value

    @pytest.mark.parametrize(
        ("scheme", "value", "rule"),
        [
            (
                cm.IdentifierScheme.WIKIDATA,
                "Q0",
                "a Wikidata item id is Q followed by a number without leading zeros, such as Q7747",
            ),
            (
                cm.IdentifierScheme.ORCID,
                "0000-0002-1825-009",
                (
                    "an ORCID iD is four groups of four digits joined by hyphens, the last "
                    "character a digit or X, such as 0000-0002-1825-0097, without https://orcid.org/"
                ),
            ),
            (
                cm.IdentifierScheme.ISNI,
                "123",
                "an ISNI is 15 digits and a check digit or X, without spaces",
            ),
            (
                cm.IdentifierScheme.ROR,
                "xyz",
                (
                    "a ROR id is 9 characters: 0, six lower-case letters or digits (no i, l, o, "
                    "u) and two check digits, such as 01ggx4157, without https://ror.org/"
                ),
            ),
            (cm.IdentifierScheme.DOMAIN, "ria", _DOMAIN_RULE),
            (cm.IdentifierScheme.DOMAIN, "ria.123", _DOMAIN_RULE),
            (cm.IdentifierScheme.DOMAIN, "a.b.123", _DOMAIN_RULE),
            (cm.IdentifierScheme.DOMAIN, "RIA.ru", _DOMAIN_RULE),
            (cm.IdentifierScheme.DOMAIN, _LONG_LABELS + "abcdef", _DOMAIN_RULE),  # 254
            (
                cm.IdentifierScheme.URL,
                "ftp://x",
                (
                    "a URL is absolute, starts with http:// or https:// and a host, and has no "
                    "spaces or characters outside ASCII (percent-encode them)"
                ),
            ),
        ],
    )
    def test_refused(self, scheme: cm.IdentifierScheme, value: str, rule: str) -> None:
        message = f"{value!r} is not a valid {scheme.value!r} identifier: {rule}"
        assert ("InvalidValueError", message) == _refusal(
            lambda: cm.Identifier(scheme=scheme, value=value)
        )[:2]


_LEVELS = [cm.DeclaredLevel(label="a")]


class TestConstructorRefusals:
    """Spans, ratings, quantities and declared scales name what is wrong and where."""

    @pytest.mark.parametrize(
        ("build", "expected"),
        [
            (
                lambda: cm.Span(start=3, end=2),
                ("InvalidValueError", "a span must end after it starts, not [3, 2)", "end"),
            ),
            (
                lambda: cm.Span(start="a", end=2),  # type: ignore[arg-type]
                ("InvalidTypeError", "start must be an integer, not a string", "start"),
            ),
            (
                lambda: cm.Rating(label="x", value=1),
                (
                    "InvalidValueError",
                    "a rating's value, best and worst come together: best and worst missing",
                    "best",
                ),
            ),
            (
                lambda: cm.Rating(label="x", value=1, best=2),
                (
                    "InvalidValueError",
                    "a rating's value, best and worst come together: worst missing",
                    "worst",
                ),
            ),
            (
                lambda: cm.Rating(label="x", value=3, worst=1),
                (
                    "InvalidValueError",
                    "a rating's value, best and worst come together: best missing",
                    "best",
                ),
            ),
            (
                lambda: cm.Rating(label="x", best=2, worst=1),
                (
                    "InvalidValueError",
                    "a rating's value, best and worst come together: value missing",
                    "value",
                ),
            ),
            (
                lambda: cm.Rating(label="x", value=1, best=2, worst=2),
                ("InvalidValueError", "a rating's best and worst must differ, not both 2", "best"),
            ),
            (
                lambda: cm.Rating(label="x", value=3, best=2, worst=1),
                (
                    "InvalidValueError",
                    "a rating's value 3 is not between worst 1 and best 2",
                    "value",
                ),
            ),
            (
                lambda: cm.Quantity(value=1, lower_exclusive=True),
                (
                    "InvalidValueError",
                    "lower_exclusive needs a lower bound to exclude",
                    "lower_exclusive",
                ),
            ),
            (
                lambda: cm.DeclaredScale(
                    id="probability", name="x", kind=cm.ScaleKind.RATING, levels=_LEVELS
                ),
                (
                    "InvalidValueError",
                    (
                        "'probability' is a built-in scale id and cannot be redefined; give the "
                        "declared scale an id of its own"
                    ),
                    "id",
                ),
            ),
            (
                lambda: cm.DeclaredScale(id="s", name="x", kind=cm.ScaleKind.RATING, levels="ab"),
                (
                    "InvalidTypeError",
                    "levels must be a tuple or list of DeclaredLevel, not a string",
                    "levels",
                ),
            ),
            (
                lambda: cm.DeclaredScale(
                    id="s", name="x", kind=cm.ScaleKind.NUMERIC, levels=_LEVELS
                ),
                (
                    "InvalidValueError",
                    (
                        "a record declares scales of kind 'confidence', 'likelihood', "
                        "'rating', not 'numeric'"
                    ),
                    "kind",
                ),
            ),
        ],
    )
    def test_refused(self, build: Any, expected: tuple[str, str, str]) -> None:
        assert expected == _refusal(build)

    @pytest.mark.parametrize(
        ("build", "expected"),
        [
            (
                cm.Occasion,
                (
                    "InvalidValueError",
                    "an occasion needs a channel other than unspecified, an event or a place",
                    "channel",
                ),
            ),
            (
                lambda: cm.Span(start=-1, end=2),
                ("InvalidValueError", "start must not be negative, not -1", "start"),
            ),
            (
                lambda: cm.Span(start=0, end=2**70000),
                (
                    "InvalidValueError",
                    (
                        "end has more digits than Python writes as text "
                        "(sys.get_int_max_str_digits()): an integer of 70,001 bits"
                    ),
                    "end",
                ),
            ),
            (
                lambda: freeze_json(float("nan")),
                ("InvalidValueError", "value: nan is not a JSON number", None),
            ),
            (
                lambda: freeze_json("\ud800"),
                (
                    "InvalidValueError",
                    (
                        "value: the string holds a lone surrogate U+D800 at character 0, which is "
                        "not Unicode text and cannot be written as UTF-8"
                    ),
                    None,
                ),
            ),
            (
                lambda: freeze_json({"\ud800": 1}),
                (
                    "InvalidValueError",
                    (
                        "value: the key holds a lone surrogate U+D800 at character 0, which is not "
                        "Unicode text and cannot be written as UTF-8"
                    ),
                    None,
                ),
            ),
            (
                lambda: freeze_json(10**5000),
                (
                    "InvalidValueError",
                    (
                        "value: an integer of 16,610 bits has more digits than Python writes as "
                        "text (sys.get_int_max_str_digits())"
                    ),
                    None,
                ),
            ),
        ],
    )
    def test_more_refused(self, build: Any, expected: tuple[str, str, str | None]) -> None:
        assert expected == _refusal(build)

    @pytest.mark.parametrize(
        ("build", "expected"),
        [
            (
                lambda: cm.Rating(label="x", value="1", best=2, worst=1),  # type: ignore[arg-type]
                ("InvalidTypeError", "value must be a number, not a string", "value"),
            ),
            (
                lambda: cm.Rating(label="x", value=2**1024, best=2**1025, worst=1),
                ("InvalidValueError", "value is too large: an integer of 1,025 bits", "value"),
            ),
            (
                lambda: freeze_json(object()),
                ("InvalidTypeError", "value: object is not a JSON value", None),
            ),
            (
                lambda: cm.Identifier(scheme=cm.IdentifierScheme.WIKIDATA, value="Q0"),
                (
                    "InvalidValueError",
                    (
                        "'Q0' is not a valid 'wikidata' identifier: a Wikidata item id is Q "
                        "followed by a number without leading zeros, such as Q7747"
                    ),
                    "value",
                ),
            ),
            (
                cm.Quantity,
                ("InvalidValueError", "a quantity needs a value, a lower or an upper bound", None),
            ),
            (
                lambda: cm.AnonymousSource(id="a", count="2"),  # type: ignore[arg-type]
                ("InvalidTypeError", "count must be an integer, not a string", "count"),
            ),
            (
                lambda: cm.AnonymousSource(id="a", count=0),
                ("InvalidValueError", "count must be at least 1, not 0", "count"),
            ),
            (
                lambda: cm.AnonymousSource(id="a", count=2**70000),
                (
                    "InvalidValueError",
                    (
                        "count has more digits than Python writes as text "
                        "(sys.get_int_max_str_digits()): an integer of 70,001 bits"
                    ),
                    "count",
                ),
            ),
            (
                lambda: cm.AnonymousSource(id="a", independent="yes"),  # type: ignore[arg-type]
                (
                    "InvalidTypeError",
                    "independent must be true or false, not a string",
                    "independent",
                ),
            ),
            (
                lambda: cm.Verdict(id="v", reviewer="r", reviews="a1", rating=cm.Rating(label="F")),
                (
                    "InvalidTypeError",
                    "reviews must be a tuple or list of assertion ids, not a string",
                    "reviews",
                ),
            ),
        ],
    )
    def test_values_refused(self, build: Any, expected: tuple[str, str, str | None]) -> None:
        assert expected == _refusal(build)

    @pytest.mark.parametrize(
        ("reviews", "message"),
        [
            ((), "a verdict reviews at least one assertion (the claim as someone made it)"),
            (("a1", "a1"), "reviews[1] repeats assertion 'a1'"),
        ],
    )
    def test_verdict_reviews_refused(self, reviews: tuple[str, ...], message: str) -> None:
        rating = cm.Rating(label="F")
        assert ("InvalidValueError", message, "reviews") == _refusal(
            lambda: cm.Verdict(id="v", reviewer="r", reviews=reviews, rating=rating)
        )

    def test_values_at_their_ends(self) -> None:
        largest = cm.Rating(label="x", value=2**1023, best=2**1024 - 1, worst=1)
        assert 2**1024 - 1 == largest.best
        assert 1 == cm.AnonymousSource(id="a", count=1).count
        assert (True, None) == (freeze_json(True), freeze_json(None))
        reviews = cm.Verdict(id="v", reviewer="r", reviews=["a1"], rating=cm.Rating(label="F"))
        assert ("a1",) == reviews.reviews

    def test_declared_levels_as_a_list(self) -> None:
        scale = cm.DeclaredScale(id="s", name="x", kind=cm.ScaleKind.RATING, levels=_LEVELS)
        assert tuple(_LEVELS) == scale.levels
