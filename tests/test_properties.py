"""Properties of the model and the wire format over generated bundles, and of the strategies."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import claimmodel as cm
from claimmodel import strategies as cms


def walk(value: object) -> Iterator[object]:
    """``value`` and everything reachable from it through fields, tuples and maps."""
    yield value
    cls = type(value)
    if attrs.has(cls):
        for field in attrs.fields(cls):
            yield from walk(getattr(value, field.name))
    elif isinstance(value, tuple):
        for item in value:
            yield from walk(item)
    elif isinstance(value, cm.FrozenMap):
        for key, item in value.items():
            yield from walk(key)
            yield from walk(item)


def reversed_keys(data: Any) -> Any:
    """``data`` with the keys of every object in reverse order."""
    if isinstance(data, dict):
        return {key: reversed_keys(data[key]) for key in reversed(list(data))}
    if isinstance(data, list):
        return [reversed_keys(item) for item in data]
    return data


def dates_of(bundle: object) -> Iterator[cm.PartialDate]:
    """Every partial date in ``bundle`` (or any other model object)."""
    for value in walk(bundle):
        if isinstance(value, cm.PartialDate):
            yield value


class TestRoundTrip:
    """Encoding and decoding are exact inverses, and encoding is deterministic."""

    @given(cms.bundles())
    def test_decode_encode(self, bundle: cm.Bundle) -> None:
        assert bundle == cm.loads(cm.dumps(bundle))

    @given(cms.bundles())
    def test_encode_decode_encode(self, bundle: cm.Bundle) -> None:
        text = cm.dumps(bundle)
        assert text == cm.dumps(cm.loads(text))

    @given(cms.bundles())
    def test_pretty_printed(self, bundle: cm.Bundle) -> None:
        assert bundle == cm.loads(cm.dumps(bundle, indent=2).encode("utf-8"))

    @given(cms.bundles())
    def test_key_order_of_the_input_does_not_matter(self, bundle: cm.Bundle) -> None:
        data = cm.to_data(bundle)
        shuffled = cm.from_data(reversed_keys(data))
        assert (bundle, cm.dumps(bundle)) == (shuffled, cm.dumps(shuffled))

    @given(cms.bundles())
    def test_equal_bundles_encode_identically(self, bundle: cm.Bundle) -> None:
        rebuilt = cm.from_data(json.loads(json.dumps(cm.to_data(bundle))))
        assert cm.dumps(bundle) == cm.dumps(rebuilt)


class TestRequiredParts:
    """An assertion without its attribution or confidence is refused, at exactly that path."""

    @pytest.mark.parametrize("key", ["attribution", "confidence"])
    @given(data=st.data())
    def test_missing(self, key: str, data: st.DataObject) -> None:
        bundle = data.draw(cms.bundles(min_assertions=1))
        index = data.draw(st.integers(0, len(bundle.assertions) - 1))
        wire = cm.to_data(bundle)
        del wire["assertions"][index][key]
        with pytest.raises(cm.DecodeError) as caught:
            cm.from_data(wire)
        assert [f"$.assertions[{index}].{key}"] == [p.path for p in caught.value.problems]


class TestImmutability:
    """No model object exposes a mutable container, however deep."""

    @given(cms.bundles())
    def test_no_mutable_containers(self, bundle: cm.Bundle) -> None:
        mutable = (list, dict, set, bytearray)
        found = [type(value).__name__ for value in walk(bundle) if isinstance(value, mutable)]
        expected: list[str] = []
        assert expected == found

    @given(cms.bundles())
    def test_fields_cannot_be_set(self, bundle: cm.Bundle) -> None:
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            bundle.sources = ()  # type: ignore[misc]


class TestHashing:
    """Every object is hashable, and equal objects hash equal."""

    @given(cms.bundles())
    def test_every_object_hashable(self, bundle: cm.Bundle) -> None:
        for value in walk(bundle):
            hash(value)

    @given(cms.bundles())
    def test_decoding_twice_gives_equal_objects(self, bundle: cm.Bundle) -> None:
        text = cm.dumps(bundle)
        first, second = cm.loads(text), cm.loads(text)
        pairs = list(zip(walk(first), walk(second), strict=True))
        assert [(a, hash(a)) for a, _ in pairs] == [(b, hash(b)) for _, b in pairs]

    @given(cms.sources() | cms.claims() | cms.assertions() | cms.relations())
    def test_building_blocks_hashable_and_equal_to_copies(self, value: object) -> None:
        copied = attrs.evolve(value)  # type: ignore[misc]
        assert (value, hash(value)) == (copied, hash(copied))


class TestBundlesStrategy:
    """``bundles()`` keeps its promises: references resolve, dates are in order."""

    @given(cms.bundles())
    def test_ids_unique_within_and_across_kinds(self, bundle: cm.Bundle) -> None:
        ids = [item.id for part in (bundle.sources, bundle.claims) for item in part]
        ids += [item.id for part in (bundle.assertions, bundle.relations) for item in part]
        assert len(set(ids)) == len(ids)

    @given(cms.bundles())
    def test_references_resolve(self, bundle: cm.Bundle) -> None:
        sources = {source.id for source in bundle.sources}
        claims = {claim.id for claim in bundle.claims}
        assertions = {assertion.id for assertion in bundle.assertions}
        dangling: list[str] = []
        for assertion in bundle.assertions:
            path = assertion.attribution.path
            if len(set(path)) != len(path):
                dangling.append(f"chain repeats a source: {path}")
            dangling += [s for s in path if s not in sources]
            dangling += [assertion.claim] if assertion.claim not in claims else []
            for value in walk(assertion):
                if isinstance(value, cm.Confidence) and value.assessor is not None:
                    dangling += [value.assessor] if value.assessor not in sources else []
                if isinstance(value, cm.Hedge) and value.voiced_by is not None:
                    dangling += [value.voiced_by] if value.voiced_by not in sources else []
                if isinstance(value, cm.Evidence) and value.document is not None:
                    dangling += [value.document] if value.document not in sources else []
        for source in bundle.sources:
            targets = [role.organization for role in source.roles if role.organization]
            targets += [affiliation.target for affiliation in source.affiliations]
            targets += list(getattr(source, "authors", ()))
            targets += list(getattr(source, "members", ()))
            publisher: str | None = getattr(source, "publisher", None)
            targets += [publisher] if publisher is not None else []
            dangling += [t for t in targets if t not in sources or t == source.id]
        for relation in bundle.relations:
            ends = {relation.subject, relation.object}
            if not (ends <= assertions or ends <= claims) or len(ends) != 2:
                dangling.append(f"relation {relation.id}: {relation.subject} → {relation.object}")
        for verdict in bundle.verdicts:
            dangling += [] if verdict.reviewer in sources else [verdict.reviewer]
            dangling += [a for a in verdict.reviews if a not in assertions]
            reviewed = {a.claim for a in bundle.assertions if a.id in verdict.reviews}
            dangling += [] if len(reviewed) == 1 else [f"verdict {verdict.id}: {reviewed}"]
            documents = [e.document for e in verdict.evidence if e.document is not None]
            dangling += [d for d in documents if d not in sources]
        if bundle.document is not None:
            dangling += [] if isinstance(bundle.document_source, cm.Document) else [bundle.document]
        expected: list[str] = []
        assert expected == dangling

    @given(cms.bundles())
    def test_no_affiliation_cycles(self, bundle: cm.Bundle) -> None:
        edges = {s.id: {a.target for a in s.affiliations} for s in bundle.sources}
        reached = {node: set(targets) for node, targets in edges.items()}
        for _ in edges:
            for seen in reached.values():
                seen |= {t for target in seen for t in edges.get(target, ())}
        expected: list[str] = []
        assert expected == [node for node, seen in reached.items() if node in seen]

    @given(cms.bundles())
    def test_dates_in_order(self, bundle: cm.Bundle) -> None:
        def before(first: cm.PartialDate | None, second: cm.PartialDate | None) -> bool:
            if first is None or second is None:
                return True
            # Any time zone shifts by less than a day.  Differences, not shifted dates:
            # shifting overflows at the ends of the calendar, which bundles reach.
            gap = second.earliest().replace(tzinfo=None) - first.latest().replace(tzinfo=None)
            return gap > dt.timedelta(days=2)

        published = bundle.published
        # Reviews (and the evidence they rest on) may come after publication.
        reviewed = {id(date) for verdict in bundle.verdicts for date in dates_of(verdict)}
        wrong = [
            f"{date} is not before publication {published}"
            for date in dates_of(bundle)
            if date is not published and id(date) not in reviewed and not before(date, published)
        ]
        periods: list[cm.Role | cm.Affiliation] = []
        for source in bundle.sources:
            periods += [*source.roles, *source.affiliations]
        wrong += [f"{p.start} … {p.end}" for p in periods if not before(p.start, p.end)]
        for assertion in bundle.assertions:
            dates = [assertion.date, *(link.date for link in assertion.attribution.chain)]
            known = [date for date in dates if date is not None]
            if not all(before(a, b) for a, b in itertools.pairwise(known)):
                wrong.append(f"{assertion.id}: {dates}")
        for verdict in bundle.verdicts:
            for assertion_id in verdict.reviews:
                found = bundle.assertion(assertion_id)
                assert found is not None
                said = [found.date, found.earliest, found.latest]
                wrong += [
                    f"{verdict.id} reviews {assertion_id} said {date}, before {verdict.date}"
                    for date in said
                    if not before(date, verdict.date)
                ]
        expected: list[str] = []
        assert expected == wrong

    @given(cms.bundles())
    def test_judged_confidences_carry_an_interval(self, bundle: cm.Bundle) -> None:
        confidences = [v for v in walk(bundle) if isinstance(v, cm.Confidence)]
        declared = {scale.id: scale for scale in bundle.declared_scales}
        bands = []
        for confidence in confidences:
            scale = cm.get_scale(confidence.scale) or declared.get(confidence.scale)
            level = scale.level(confidence.level) if scale is not None else None
            bands.append(level.band if level is not None else "unknown level")
        assert bands == [c.probability for c in confidences]

    @given(cms.bundles())
    def test_spans_cover_their_text(self, bundle: cm.Bundle) -> None:
        texts = {s.id: s.text for s in bundle.sources if isinstance(s, cm.Document)}
        own = texts.get(bundle.document) if bundle.document is not None else None
        wrong: list[str] = []
        for assertion in bundle.assertions:
            wrong += [
                f"hedge {hedge.cue!r} at {hedge.span}"
                for hedge in assertion.hedges
                if hedge.span is not None and (own is None or hedge.span.of(own) != hedge.cue)
            ]
            for item in assertion.evidence:
                if item.span is None:
                    continue
                text = own if item.document is None else texts.get(item.document)
                if text is None or item.span.end > len(text):
                    wrong.append(f"evidence span {item.span}")
                elif item.quote is not None and item.span.of(text) != item.quote:
                    wrong.append(f"quote {item.quote!r} at {item.span}")
        expected: list[str] = []
        assert expected == wrong


class TestStrategyOptions:
    """The strategies' options do what they say."""

    @given(cms.bundles(max_assertions=0, max_relations=0))
    def test_no_assertions(self, bundle: cm.Bundle) -> None:
        expected = ((), ())
        assert expected == (bundle.assertions, bundle.relations)

    @given(cms.bundles(max_sources=0))
    def test_no_sources_means_no_assertions(self, bundle: cm.Bundle) -> None:
        expected = ((), ())
        assert expected == (bundle.sources, bundle.assertions)

    @given(cms.bundles(max_sources=1, max_claims=1, max_assertions=1))
    def test_upper_bounds(self, bundle: cm.Bundle) -> None:
        sizes = (len(bundle.sources), len(bundle.claims), len(bundle.assertions))
        assert all(size <= 1 for size in sizes)

    @given(cms.bundles(min_assertions=2))
    def test_lower_bound(self, bundle: cm.Bundle) -> None:
        assert len(bundle.assertions) >= 2

    @given(cms.bundles(allow_extensions=False, allow_time_zones=False))
    def test_without_extensions_or_time_zones(self, bundle: cm.Bundle) -> None:
        found = [
            value
            for value in walk(bundle)
            if (attrs.has(type(value)) and getattr(value, "extensions", None))
            or (isinstance(value, cm.PartialDate) and value.tz is not None)
        ]
        expected: list[object] = []
        assert expected == found

    @given(cms.bundles(min_year=2000, max_year=2030))
    def test_year_range(self, bundle: cm.Bundle) -> None:
        assert all(2000 <= date.year <= 2030 for date in dates_of(bundle))

    @given(cms.partial_dates(precisions=st.just(cm.Precision.MONTH), min_year=1999, max_year=1999))
    def test_partial_date_precision(self, date: cm.PartialDate) -> None:
        expected = (cm.Precision.MONTH, 1999)
        assert expected == (date.precision, date.year)

    @given(cms.confidences(levels=st.just(cm.CANNOT_BE_JUDGED), scales=st.just("admiralty")))
    def test_cannot_be_judged(self, confidence: cm.Confidence) -> None:
        expected = ("admiralty", None)
        assert expected == (confidence.scale, confidence.probability)

    @given(cms.attributions(max_chain=0, sources=st.just("ria")))
    def test_attribution_without_chain(self, attribution: cm.Attribution) -> None:
        expected = ("ria",)
        assert expected == attribution.path

    @given(cms.attributions(sources=st.sampled_from("abcd"), max_chain=3))
    def test_attribution_path_never_repeats(self, attribution: cm.Attribution) -> None:
        assert len(set(attribution.path)) == len(attribution.path)

    @given(cms.sources(kinds=st.just(cm.SourceKind.COLLECTIVE), ids=st.just("officials")))
    def test_source_kind_and_id(self, source: cm.Source) -> None:
        expected = (cm.Collective, "officials")
        assert expected == (type(source), source.id)

    @given(cms.claims(ids=st.none()))
    def test_claims_with_derived_ids(self, claim: cm.Claim) -> None:
        assert claim.derived_id == claim.id

    @given(cms.extensions(max_size=3))
    def test_extension_keys(self, extensions: cm.FrozenMap[Any]) -> None:
        assert len(extensions) <= 3
        assert all(key.startswith("x_") for key in extensions)

    @given(cms.texts())
    def test_texts_have_a_visible_character(self, text: str) -> None:
        assert text.strip()

    @given(cms.identifiers())
    def test_identifiers_have_no_surrounding_space(self, text: str) -> None:
        assert text == text.strip() != ""

    @given(cms.spans(length=5))
    def test_spans_within_length(self, span: cm.Span) -> None:
        assert 0 <= span.start < span.end <= 5

    @pytest.mark.parametrize(
        "build",
        [
            lambda: cms.bundles(max_sources=-1),
            lambda: cms.bundles(min_year=2000, max_year=2005),
            lambda: cms.partial_dates(min_year=0),
            lambda: cms.partial_dates(min_year=5, max_year=4),
            lambda: cms.texts(max_size=0),
            lambda: cms.bundles(min_assertions=2, max_assertions=1),
            lambda: cms.bundles(min_assertions=1, max_claims=0),
            lambda: cms.spans(length=0),
            lambda: cms.attributions(max_chain=-1),
        ],
    )
    def test_bad_options_raise_invalid_argument(self, build: Any) -> None:
        with pytest.raises(InvalidArgument):
            build()


class TestOptionalExtra:
    """Without Hypothesis, importing the strategies says how to install it."""

    def test_import_error_names_the_extra(self) -> None:
        code = (
            "import sys; sys.modules['hypothesis'] = None\n"
            "try:\n"
            "    import claimmodel.strategies\n"
            "except ImportError as error:\n"
            "    from claimmodel import ClaimModelError\n"
            "    assert not isinstance(error, ClaimModelError)\n"
            "    print(error)\n"
        )
        env = {**os.environ, "PYTHONPATH": str(Path(cm.__file__).resolve().parent.parent)}
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
        )
        assert "pip install claimmodel[hypothesis]" in result.stdout


class TestGeneratedBundlesValidate:
    """Every bundle the public strategy generates passes ``validate`` without an error."""

    @given(cms.bundles())
    def test_no_errors(self, bundle: cm.Bundle) -> None:
        assert [] == [str(finding) for finding in cm.validate(bundle).errors]

    @given(cms.confidences(kinds=(cm.ScaleKind.RELIABILITY,)))
    def test_reliability_confidences_use_reliability_scales(
        self, confidence: cm.Confidence
    ) -> None:
        scale = cm.get_scale(confidence.scale)
        assert scale is not None
        assert cm.ScaleKind.RELIABILITY is scale.kind
