"""Unit tests of the model layer: one class per concept."""

from __future__ import annotations

import datetime as dt
import pickle

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimmodel as cm
from claimmodel.exceptions import ClaimModelError, InvalidTypeError, InvalidValueError
from claimmodel.model import FrozenMap, normalize_text


def _confidence() -> cm.Confidence:
    return cm.Confidence(
        scale="icd203", level="likely", probability=cm.Interval(low=0.55, high=0.8)
    )


def _assertion(**changes: object) -> cm.Assertion:
    fields: dict[str, object] = {
        "id": "a1",
        "claim": "c1",
        "attribution": cm.Attribution(source="s1"),
        "confidence": _confidence(),
    }
    fields.update(changes)
    return cm.Assertion(**fields)  # type: ignore[arg-type]


class TestPartialDate:
    """Partial dates keep exactly the precision they were given."""

    @pytest.mark.parametrize(
        ("text", "precision"),
        [
            ("2025", cm.Precision.YEAR),
            ("2025-07", cm.Precision.MONTH),
            ("2025-07-14", cm.Precision.DAY),
            ("2025-07-14T09", cm.Precision.HOUR),
            ("2025-07-14T09:30", cm.Precision.MINUTE),
            ("2025-07-14T09:30:05", cm.Precision.SECOND),
            ("2025-07-14T09:30:05.000250", cm.Precision.SECOND),
            ("2025-07-14T09:30+03:00", cm.Precision.MINUTE),
            ("2025-07-14T09Z", cm.Precision.HOUR),
            ("2025-07-14T09:30:05.123456-05:30", cm.Precision.SECOND),
        ],
    )
    def test_wire_form_round_trips(self, text: str, precision: cm.Precision) -> None:
        date = cm.PartialDate.fromisoformat(text)
        assert precision == date.precision
        assert text == date.isoformat()

    def test_fraction_is_kept_to_the_microsecond(self) -> None:
        date = cm.PartialDate.fromisoformat("2025-07-14T09:30:05.25")
        assert 250_000 == date.microsecond
        assert "2025-07-14T09:30:05.250000" == str(date)

    @pytest.mark.parametrize(
        "text",
        [
            "2025-02-29",
            "2025-13",
            "2025-04-31",
            "25-07",
            "2025-7",
            "2025-07-14T24",
            "2025-07-14 09:30",
            "2025-07Z",
            "2025-07-14T09:30+24:00",
            "",
            "July 2025",
        ],
    )
    def test_rejects_what_is_not_a_real_partial_date(self, text: str) -> None:
        with pytest.raises(InvalidValueError):
            cm.PartialDate.fromisoformat(text)

    def test_leap_day_is_a_real_date(self) -> None:
        assert 29 == cm.PartialDate.fromisoformat("2024-02-29").day

    def test_parts_must_be_contiguous(self) -> None:
        with pytest.raises(InvalidValueError, match="day is given but month is not"):
            cm.PartialDate(year=2025, day=3)

    def test_time_zone_needs_an_hour(self) -> None:
        with pytest.raises(InvalidValueError):
            cm.PartialDate(year=2025, month=7, tz=dt.UTC)

    def test_strict_types(self) -> None:
        with pytest.raises(InvalidTypeError):
            cm.PartialDate(year="2025")  # type: ignore[arg-type]
        with pytest.raises(InvalidTypeError):
            cm.PartialDate(year=True)

    def test_in_july_resolves_against_the_reference(self) -> None:
        published = cm.PartialDate(year=2025, month=11, day=25)
        assert cm.PartialDate(year=2025, month=7) == cm.PartialDate.parse(
            "in July", reference=published
        )

    def test_a_later_month_resolves_to_the_previous_year(self) -> None:
        published = cm.PartialDate(year=2025, month=11, day=25)
        assert cm.PartialDate(year=2024, month=12) == cm.PartialDate.parse(
            "December", reference=published
        )

    def test_a_day_and_month_resolve_to_the_most_recent_on_or_before(self) -> None:
        reference = dt.date(2025, 3, 12)
        assert cm.PartialDate(year=2025, month=3, day=12) == cm.PartialDate.parse(
            "12 March", reference=reference
        )
        assert cm.PartialDate(year=2024, month=3, day=13) == cm.PartialDate.parse(
            "13 March", reference=reference
        )

    def test_leap_day_without_year_finds_a_leap_year(self) -> None:
        reference = dt.date(2027, 6, 1)
        assert cm.PartialDate(year=2024, month=2, day=29) == cm.PartialDate.parse(
            "29 February", reference=reference
        )

    def test_parse_keeps_only_stated_parts(self) -> None:
        assert cm.PartialDate(year=2025, month=7) == cm.PartialDate.parse("July 2025")
        assert cm.PartialDate(year=2025, month=3, day=12, hour=14, minute=5) == (
            cm.PartialDate.parse("12 March 2025 14:05")
        )

    def test_parse_keeps_an_offset(self) -> None:
        date = cm.PartialDate.parse("2025-03-12 14:05 +03:00")
        assert "2025-03-12T14:05+03:00" == date.isoformat()

    def test_parse_without_year_or_reference_is_an_error(self) -> None:
        with pytest.raises(InvalidValueError, match="reference"):
            cm.PartialDate.parse("July")

    def test_parse_rejects_nonsense(self) -> None:
        with pytest.raises(InvalidValueError):
            cm.PartialDate.parse("the day after never")

    def test_bounds(self) -> None:
        july = cm.PartialDate(year=2025, month=7)
        assert dt.datetime(2025, 7, 1) == july.earliest()
        assert dt.datetime(2025, 7, 31, 23, 59, 59, 999_999) == july.latest()

    def test_with_precision_cuts(self) -> None:
        date = cm.PartialDate.fromisoformat("2025-07-14T09:30:05+03:00")
        assert cm.PartialDate(year=2025, month=7) == date.with_precision(cm.Precision.MONTH)
        assert "2025-07-14T09+03:00" == str(date.with_precision(cm.Precision.HOUR))
        with pytest.raises(InvalidValueError):
            cm.PartialDate(year=2025).with_precision(cm.Precision.DAY)

    def test_from_date_and_datetime(self) -> None:
        assert "2025-07-14" == str(cm.PartialDate.from_date(dt.date(2025, 7, 14)))
        aware = dt.datetime(2025, 7, 14, 9, 30, 5, 7, tzinfo=dt.timezone(dt.timedelta(hours=-4)))
        assert "2025-07-14T09:30:05.000007-04:00" == str(cm.PartialDate.from_date(aware))

    def test_wikidata_precision_codes(self) -> None:
        assert 10 == cm.Precision.MONTH.wikidata
        assert cm.Precision.YEAR == cm.Precision.from_wikidata(9)
        with pytest.raises(InvalidValueError):
            cm.Precision.from_wikidata(7)


class TestConfidence:
    """Confidence keeps scale, level and band together; 'cannot be judged' has no band."""

    def test_interval_bounds(self) -> None:
        with pytest.raises(InvalidValueError):
            cm.Interval(low=0.8, high=0.5)
        with pytest.raises(InvalidValueError):
            cm.Interval(low=-0.1, high=0.5)
        with pytest.raises(InvalidTypeError):
            cm.Interval(low="0.1", high=0.5)
        with pytest.raises(InvalidTypeError):
            cm.Interval(low=True, high=1.0)

    def test_interval_accepts_integers_as_probabilities(self) -> None:
        assert cm.Interval(low=0.0, high=1.0) == cm.Interval(low=0, high=1)
        assert isinstance(cm.Interval(low=0, high=1).low, float)

    def test_point_and_membership(self) -> None:
        point = cm.Interval.point(0.7)
        assert 0.7 in point
        assert 0.71 not in point

    def test_cannot_be_judged_has_no_probability(self) -> None:
        unjudged = cm.Confidence.cannot_be_judged(basis="single anonymous source")
        assert not unjudged.judged
        assert cm.CANNOT_BE_JUDGED == unjudged.level
        with pytest.raises(InvalidValueError):
            cm.Confidence(
                scale="icd203", level=cm.CANNOT_BE_JUDGED, probability=cm.Interval.point(0.5)
            )

    def test_required_text(self) -> None:
        with pytest.raises(InvalidValueError):
            cm.Confidence(scale="icd203", level="  ")
        with pytest.raises(InvalidValueError):
            cm.Confidence(scale=" icd203", level="likely")

    def test_with_basis(self) -> None:
        assert "two sources" == _confidence().with_basis("two sources").basis


class TestSources:
    """Sources of every kind, identified by id and never by name."""

    def test_every_kind_has_its_class(self) -> None:
        assert set(cm.SourceKind) == set(cm.model.SOURCE_CLASSES)
        for kind, cls in cm.model.SOURCE_CLASSES.items():
            assert kind == cls(id="x").kind

    def test_garbled_name_is_kept_with_alias(self) -> None:
        head = cm.Person(id="defence-head", name="Andrei Belyushikov").with_alias("Andrei Belousov")
        assert "Andrei Belyushikov" == head.name
        assert ("Andrei Belousov",) == head.aliases
        assert head is head.with_alias("Andrei Belousov")

    def test_roles_and_affiliations(self) -> None:
        lavrov = (
            cm.Person(id="lavrov")
            .with_role(cm.Role(office="Foreign Minister", organization="mfa"))
            .with_affiliation(cm.Affiliation(kind=cm.AffiliationKind.EMPLOYED_BY, target="mfa"))
        )
        assert "Foreign Minister" == lavrov.roles[0].office
        assert cm.AffiliationKind.EMPLOYED_BY == lavrov.affiliations[0].kind

    def test_lists_become_tuples(self) -> None:
        person = cm.Person(id="p", aliases=["a", "b"])  # type: ignore[arg-type]
        assert ("a", "b") == person.aliases

    def test_a_string_is_not_a_list_of_aliases(self) -> None:
        with pytest.raises(InvalidTypeError, match="aliases"):
            cm.Person(id="p", aliases="abc")  # type: ignore[arg-type]

    @pytest.mark.parametrize("bad", ["", " ", " p", "p\n", None, 3])
    def test_ids_are_strict(self, bad: object) -> None:
        with pytest.raises(ClaimModelError):
            cm.Person(id=bad)  # type: ignore[arg-type]

    def test_label(self) -> None:
        assert (
            "officials familiar"
            == cm.AnonymousSource(id="anon", description="officials familiar").label
        )

    def test_enum_wire_strings_are_not_accepted_in_python(self) -> None:
        with pytest.raises(InvalidTypeError):
            cm.Affiliation(kind="member-of", target="x")  # type: ignore[arg-type]


class TestClaim:
    """Claims derive a stable id from their normalized content."""

    def test_same_content_same_id(self) -> None:
        one = cm.Claim(text="North Korean soldiers  fought in Kursk")
        two = cm.Claim(text="north korean soldiers fought in KURSK ")
        assert one.id == two.id
        assert one.id.startswith("claim-")

    def test_polarity_and_structure_change_the_id(self) -> None:
        text = "Troops fought in Kursk"
        assert cm.Claim(text=text).id != cm.Claim(text=text, polarity=cm.Polarity.NEGATIVE).id
        assert cm.Claim(text=text).id != cm.Claim(text=text, subject="troops").id

    def test_given_id_is_kept(self) -> None:
        claim = cm.Claim(id="c1", text="x")
        assert "c1" == claim.id
        assert claim.derived_id == cm.claim_id("x")

    def test_normalization(self) -> None:
        assert "ﬁne day" != normalize_text("ﬁne  Day")
        assert "fine day" == normalize_text(" ﬁne  Day\n")

    def test_derived_id_needs_text(self) -> None:
        with pytest.raises(InvalidValueError):
            cm.Claim(text="")


class TestHedge:
    """Hedges carry a category from a closed vocabulary, a scope, a span and a voice."""

    def test_categories_cover_the_required_kinds(self) -> None:
        values = {c.value for c in cm.HedgeCategory}
        assert {
            "reportative",
            "epistemic",
            "approximator",
            "disputed",
            "evidential-gap",
            "attribution-shield",
        } <= values

    @pytest.mark.parametrize(
        ("qid", "category"),
        [
            ("Q32188232", cm.HedgeCategory.REPORTATIVE),
            ("Q18912752", cm.HedgeCategory.DISPUTED),
            ("Q18122778", cm.HedgeCategory.EPISTEMIC),
            ("Q5727902", cm.HedgeCategory.APPROXIMATOR),
            ("Q56644435", cm.HedgeCategory.EPISTEMIC),
            ("Q30230067", cm.HedgeCategory.EPISTEMIC),
        ],
    )
    def test_wikidata_sourcing_circumstances_map(
        self, qid: str, category: cm.HedgeCategory
    ) -> None:
        assert category == cm.HedgeCategory.from_wikidata(qid)

    def test_unknown_wikidata_item(self) -> None:
        with pytest.raises(InvalidValueError, match="Q1"):
            cm.HedgeCategory.from_wikidata("Q1")

    def test_span(self) -> None:
        assert "allegedly" == cm.Span(start=4, end=13).of("who allegedly fought")
        with pytest.raises(InvalidValueError):
            cm.Span(start=5, end=5)
        with pytest.raises(InvalidValueError):
            cm.Span(start=-1, end=5)
        with pytest.raises(InvalidTypeError):
            cm.Span(start=1.0, end=5)  # type: ignore[arg-type]


class TestAttribution:
    """Chains run from the speaker to the reader; MPQA order converts."""

    def test_path_is_in_transmission_order(self) -> None:
        attribution = (
            cm.Attribution(source="sculptor")
            .via(cm.Link(source="ria", channel=cm.Channel.INTERVIEW))
            .via(cm.Link(source="article", channel=cm.Channel.PUBLICATION))
        )
        assert ("sculptor", "ria", "article") == attribution.path
        assert ("article", "ria", "sculptor") == attribution.reader_first

    def test_from_reader_first(self) -> None:
        attribution = cm.Attribution.from_reader_first(
            ["article", "ria", "sculptor"],
            cue="confirmed",
            channels=[cm.Channel.PUBLICATION, cm.Channel.INTERVIEW],
        )
        assert "sculptor" == attribution.source
        assert [("ria", cm.Channel.INTERVIEW), ("article", cm.Channel.PUBLICATION)] == [
            (link.source, link.channel) for link in attribution.chain
        ]

    def test_from_reader_first_checks_lengths(self) -> None:
        with pytest.raises(InvalidValueError):
            cm.Attribution.from_reader_first([])
        with pytest.raises(InvalidValueError):
            cm.Attribution.from_reader_first(["a", "b"], channels=[])


class TestAssertion:
    """An assertion cannot exist without an attribution and a confidence."""

    def test_requires_attribution_and_confidence(self) -> None:
        with pytest.raises(TypeError):
            cm.Assertion(id="a", claim="c", confidence=_confidence())  # type: ignore[call-arg]
        with pytest.raises(TypeError):
            cm.Assertion(id="a", claim="c", attribution=cm.Attribution(source="s"))  # type: ignore[call-arg]
        with pytest.raises(InvalidTypeError, match="attribution"):
            _assertion(attribution=None)
        with pytest.raises(InvalidTypeError, match="confidence"):
            _assertion(confidence=None)

    def test_defaults_and_helpers(self) -> None:
        assertion = _assertion()
        assert cm.Stance.ASSERTS == assertion.stance
        assert "s1" == assertion.source
        hedged = assertion.with_hedge(
            cm.Hedge(cue="allegedly", category=cm.HedgeCategory.REPORTATIVE)
        )
        assert 1 == len(hedged.hedges)
        assert () == assertion.hedges

    def test_evidence_needs_something(self) -> None:
        with pytest.raises(InvalidValueError):
            cm.Evidence()

    def test_hedges_must_be_hedges(self) -> None:
        with pytest.raises(InvalidTypeError, match=r"hedges\[0\]"):
            _assertion(hedges=("allegedly",))


class TestBundle:
    """The bundle looks items up by id and builds new bundles."""

    def test_lookups(self) -> None:
        bundle = cm.Bundle(
            sources=(cm.Person(id="s1"),),
            claims=(cm.Claim(id="c1", text="x"),),
            assertions=(_assertion(),),
        )
        assert "s1" == bundle.source("s1").id  # type: ignore[union-attr]
        assert bundle.claim("nope") is None
        assert (bundle.assertions[0],) == bundle.assertions_of("c1")
        assert bundle.assertion("a1") is bundle.assertions[0]

    def test_document_source(self) -> None:
        bundle = cm.Bundle(document="d", sources=(cm.Document(id="d"),))
        assert "d" == bundle.document_source.id  # type: ignore[union-attr]
        assert cm.Bundle(document="d").document_source is None

    def test_builders_return_new_bundles(self) -> None:
        empty = cm.Bundle()
        grown = empty.with_source(cm.Person(id="p")).with_claim(cm.Claim(text="x"))
        grown = grown.with_assertion(_assertion()).with_relation(
            cm.Relation(id="r", kind=cm.RelationKind.SUPPORTS, subject="a1", object="a1")
        )
        assert () == empty.sources
        assert (1, 1, 1, 1) == (
            len(grown.sources),
            len(grown.claims),
            len(grown.assertions),
            len(grown.relations),
        )

    def test_frozen(self) -> None:
        bundle = cm.Bundle()
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            bundle.title = "x"  # type: ignore[misc]

    def test_pickles(self) -> None:
        bundle = cm.Bundle(sources=(cm.Person(id="p", extensions={"x_a": [1]}),))
        assert bundle == pickle.loads(pickle.dumps(bundle))


class TestFrozenMap:
    """Extension data is frozen deeply and compares like a mapping."""

    def test_freezes_nested_values(self) -> None:
        person = cm.Person(id="p", extensions={"x_data": {"list": [1, {"k": None}]}})
        value = person.extensions["x_data"]
        assert isinstance(value, FrozenMap)
        assert (1, FrozenMap({"k": None})) == value["list"]
        assert hash(person) == hash(
            cm.Person(id="p", extensions={"x_data": {"list": [1, {"k": None}]}})
        )

    def test_equality_ignores_order(self) -> None:
        assert FrozenMap({"a": 1, "b": 2}) == FrozenMap({"b": 2, "a": 1})
        assert hash(FrozenMap({"a": 1, "b": 2})) == hash(FrozenMap({"b": 2, "a": 1}))
        assert FrozenMap({"a": 1}) == {"a": 1}

    def test_immutable(self) -> None:
        with pytest.raises(AttributeError):
            FrozenMap({"a": 1}).x = 1

    @pytest.mark.parametrize(
        "bad", [{"y_key": 1}, {"x_n": float("nan")}, {"x_s": {1, 2}}, {"x_k": {1: 2}}, ["x_a"]]
    )
    def test_rejects_non_json_and_non_extension_keys(self, bad: object) -> None:
        with pytest.raises(ClaimModelError):
            cm.Person(id="p", extensions=bad)  # type: ignore[arg-type]


class TestExtensionEquality:
    """Equal extension data encodes identically: JSON's distinctions are kept."""

    @pytest.mark.parametrize(
        ("first", "second"),
        [(True, 1), (1, 1.0), (0.0, -0.0), ([True], [1]), ({"k": 1}, {"k": 1.0}), (False, 0)],
    )
    def test_values_json_tells_apart_are_unequal(self, first: object, second: object) -> None:
        one = cm.Bundle(extensions={"x_a": first})
        two = cm.Bundle(extensions={"x_a": second})
        assert one != two
        assert cm.dumps(one) != cm.dumps(two)

    def test_same_values_are_equal(self) -> None:
        one = cm.Bundle(extensions={"x_a": [1, 2.5, {"k": None, "j": "v"}]})
        two = cm.Bundle(extensions={"x_a": [1, 2.5, {"j": "v", "k": None}]})
        assert one == two
        assert hash(one) == hash(two)
        assert cm.dumps(one) == cm.dumps(two)


# -- reading the wire form without the constructor, as the constructor would ---------------


@attrs.frozen(kw_only=True)
class _ThroughConstructor(cm.PartialDate):
    """A subclass, which fromisoformat always builds through the constructor."""


def _read(cls: type[cm.PartialDate], text: str) -> tuple[object, ...]:
    try:
        return attrs.astuple(cls.fromisoformat(text), recurse=False)
    except ClaimModelError as error:
        return type(error), str(error)


WIRE_SHAPES = st.from_regex(
    r"[0-9]{4}(-[0-9]{2}(-[0-9]{2}(T[0-9]{2}(:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?)?"
    r"(Z|[+-][0-9]{2}:[0-9]{2})?)?)?)?",
    fullmatch=True,
)


@st.composite
def real_wire_dates(draw: st.DrawFn) -> str:
    """A real instant written at a random precision, with or without an offset."""
    moment = draw(st.datetimes(timezones=st.none() | st.timezones()))
    text = moment.isoformat()[: draw(st.sampled_from([4, 7, 10, 13, 16, 19, 26]))]
    offset = moment.utcoffset()
    if len(text) >= 13 and offset is not None:
        minutes = int(offset.total_seconds()) // 60
        text += f"{'-' if minutes < 0 else '+'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return text


class TestFromisoformatWithoutConstructor:
    """PartialDate.fromisoformat checks with datetime, in C, exactly what the constructor checks."""

    @given(WIRE_SHAPES | real_wire_dates())
    def test_same_date_or_same_error_as_the_constructor(self, text: str) -> None:
        assert _read(_ThroughConstructor, text) == _read(cm.PartialDate, text)

    @pytest.mark.parametrize(
        "text", ["0000", "2025-00", "2025-02-29", "2025-01-00", "2025-01-01T24", "2025-01-01T10:60"]
    )
    def test_refuses_what_the_constructor_refuses(self, text: str) -> None:
        with pytest.raises(InvalidValueError, match="is not a real date"):
            cm.PartialDate.fromisoformat(text)


def _spelled_out(date: cm.PartialDate) -> str:
    """A date's wire form written part by part with format specifications."""
    text = f"{date.year:04d}"
    for separator, part in (("-", date.month), ("-", date.day), ("T", date.hour)):
        if part is None:
            return text
        text += f"{separator}{part:02d}"
    for part in (date.minute, date.second):
        if part is not None:
            text += f":{part:02d}"
    if date.microsecond is not None:
        text += f".{date.microsecond:06d}"
    if date.tz is not None:
        minutes = int(date.tz.utcoffset(None).total_seconds()) // 60
        sign = "-" if minutes < 0 else "+"
        text += f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}" if minutes else "Z"
    return text


class TestIsoformat:
    """isoformat writes every precision, year and offset as format specifications would."""

    @given(real_wire_dates() | st.sampled_from(["0001", "0999-01", "1000-12-31T23:59:59.000001Z"]))
    def test_same_text_as_format_specifications(self, text: str) -> None:
        date = cm.PartialDate.fromisoformat(text)
        assert _spelled_out(date) == date.isoformat()


class TestCompactRepr:
    """Reprs leave out the fields at their defaults, and still build an equal object."""

    def test_every_public_value_class_has_it(self) -> None:
        import attrs

        import claimmodel
        from claimmodel.model._repr import compact_repr

        classes = [getattr(claimmodel, name) for name in claimmodel.__all__]
        attrs_classes = [  # a class without defaults (Problem) has nothing to leave out
            c
            for c in classes
            if isinstance(c, type)
            and attrs.has(c)
            and any(f.default is not attrs.NOTHING for f in attrs.fields(c))
        ]
        missing = [c.__name__ for c in attrs_classes if c.__repr__ is not compact_repr]
        assert ([], True) == (missing, len(attrs_classes) > 20)

    def test_defaults_left_out(self) -> None:
        assert "Bundle()" == repr(cm.Bundle())
        assert "Claim(text='x', id='c')" == repr(cm.Claim(id="c", text="x"))
        assert "PartialDate(year=2025, month=7)" == repr(cm.PartialDate(year=2025, month=7))
        assert "Limits(max_depth=5)" == repr(cm.Limits(max_depth=5))

    def test_eval_round_trip(self) -> None:
        value = cm.Bundle(
            title="T",
            sources=(cm.Person(id="p", name="P", aliases=("Q",)),),
            claims=(cm.Claim(text="x"),),
            assertions=(
                cm.Assertion(
                    id="a",
                    claim=cm.Claim(text="x").id,
                    attribution=cm.Attribution(source="p", cue="said"),
                    confidence=cm.Confidence(
                        scale="icd203", level="likely", probability=cm.Interval(low=0.55, high=0.8)
                    ),
                ),
            ),
        )
        namespace = {name: getattr(cm, name) for name in cm.__all__}
        assert value == eval(repr(value), namespace)  # our own repr, of our own value
        assert "extensions" not in repr(value)
