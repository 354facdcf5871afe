"""Nothing lost: decode → encode → decode is the identity for every valid bundle.

The strategies here lean on what breaks codecs: characters outside the BMP,
combining marks, right-to-left and bidi-control text, time-zone offsets,
microseconds, and extension data holding any JSON value.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import claimmodel as cm

# Text that breaks naive codecs; every string strategy mixes these in.
_AWKWARD = (
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",  # outside the BMP (surrogate pairs in UTF-16 and in \\u escapes)
    "e\u0301",  # a combining mark
    "\u0627\u0644\u0639\u0631\u0628\u064a\u0629",  # right-to-left (Arabic)
    "\u05e2\u05d1\u05e8\u05d9\u05ea",  # right-to-left (Hebrew)
    "\u202eevil\u202c",  # bidi override characters
    "👩\u200d👩\u200d👧",  # a zero-width-joiner emoji sequence
    "\u2028\u2029",  # JSON allows these raw; JavaScript once did not
    '"\\/\b\f\n\r\t',  # every JSON escape
    "\x00\x1f\x7f",  # control characters
    "\ufeff",  # a byte-order mark inside text
    "ｆｕｌｌｗｉｄｔｈ",  # compatibility characters NFKC would fold
)

_CHARACTERS = st.characters(codec="utf-8")  # every code point but the surrogates


def _strings(*, min_size: int = 0) -> st.SearchStrategy[str]:
    return st.one_of(
        st.text(_CHARACTERS, min_size=min_size, max_size=12),
        st.lists(st.sampled_from(_AWKWARD), min_size=1, max_size=3).map("".join),
    )


def _texts() -> st.SearchStrategy[str]:
    """Strings with at least one non-space character (what ``text`` fields need)."""
    return _strings(min_size=1).filter(lambda s: not s.isspace())


def _ids() -> st.SearchStrategy[str]:
    return _strings(min_size=1).filter(lambda s: s.strip() == s and s != "")


def _optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


@st.composite
def _dates(draw: st.DrawFn) -> cm.PartialDate:
    parts: dict[str, Any] = {"year": draw(st.integers(1, 9999))}
    depth = draw(st.integers(0, 6))
    if depth >= 1:
        parts["month"] = draw(st.integers(1, 12))
    if depth >= 2:
        parts["day"] = draw(st.integers(1, 28))
    if depth >= 3:
        parts["hour"] = draw(st.integers(0, 23))
        minutes = draw(st.integers(-(23 * 60 + 59), 23 * 60 + 59))
        parts["tz"] = draw(st.sampled_from([None, dt.timezone(dt.timedelta(minutes=minutes))]))
    if depth >= 4:
        parts["minute"] = draw(st.integers(0, 59))
    if depth >= 5:
        parts["second"] = draw(st.integers(0, 59))
    if depth >= 6:
        parts["microsecond"] = draw(st.integers(0, 999_999))
    return cm.PartialDate(**parts)


_json_values: st.SearchStrategy[Any] = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | _strings(),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(_strings(), children, max_size=3)
    ),
    max_leaves=8,
)


def _extensions() -> st.SearchStrategy[dict[str, Any]]:
    return st.dictionaries(_strings().map(lambda s: "x_" + s), _json_values, max_size=2)


def _spans() -> st.SearchStrategy[cm.Span]:
    return st.tuples(st.integers(0, 2**40), st.integers(1, 2**40)).map(
        lambda p: cm.Span(start=p[0], end=p[0] + p[1])
    )


def _confidences() -> st.SearchStrategy[cm.Confidence]:
    probability = st.tuples(st.floats(0, 1), st.floats(0, 1)).map(
        lambda p: cm.Interval(low=min(p), high=max(p))
    )
    judged = st.builds(
        cm.Confidence,
        scale=_ids(),
        level=_texts().filter(lambda s: s != cm.CANNOT_BE_JUDGED),
        probability=_optional(probability),
        assessor=_optional(_ids()),
        basis=_optional(_texts()),
        extensions=_extensions(),
    )
    return judged | st.builds(cm.Confidence.cannot_be_judged, scale=_ids())


def _sources() -> st.SearchStrategy[cm.Source]:
    common: dict[str, st.SearchStrategy[Any]] = {
        "id": _ids(),
        "name": _optional(_texts()),
        "aliases": st.lists(_texts(), max_size=2).map(tuple),
        "description": _optional(_texts()),
        "roles": st.lists(
            st.builds(
                cm.Role,
                office=_texts(),
                organization=_optional(_ids()),
                start=_optional(_dates()),
                extensions=_extensions(),
            ),
            max_size=1,
        ).map(tuple),
        "affiliations": st.lists(
            st.builds(
                cm.Affiliation,
                kind=st.sampled_from(cm.AffiliationKind),
                target=_ids(),
                end=_optional(_dates()),
            ),
            max_size=1,
        ).map(tuple),
        "reliability": _optional(_confidences()),
        "extensions": _extensions(),
    }
    return st.one_of(
        st.builds(cm.Person, **common),
        st.builds(cm.Organization, **common),
        st.builds(cm.GovernmentBody, jurisdiction=_optional(_texts()), **common),
        st.builds(cm.MediaOutlet, url=_optional(_texts()), **common),
        st.builds(
            cm.Document,
            published=_optional(_dates()),
            authors=st.lists(_ids(), max_size=2).map(tuple),
            text=_optional(_texts()),
            **common,
        ),
        st.builds(cm.AnonymousSource, **common),
        st.builds(cm.Collective, members=st.lists(_ids(), max_size=2).map(tuple), **common),
    )


def _assertions() -> st.SearchStrategy[cm.Assertion]:
    link = st.builds(
        cm.Link,
        source=_ids(),
        channel=st.sampled_from(cm.Channel),
        date=_optional(_dates()),
        cue=_optional(_texts()),
        extensions=_extensions(),
    )
    hedge = st.builds(
        cm.Hedge,
        cue=_texts(),
        category=st.sampled_from(cm.HedgeCategory),
        scope=_optional(_texts()),
        span=_optional(_spans()),
        voiced_by=_optional(_ids()),
        extensions=_extensions(),
    )
    evidence = st.builds(
        cm.Evidence, quote=_texts(), span=_optional(_spans()), url=_optional(_texts())
    )
    return st.builds(
        cm.Assertion,
        id=_ids(),
        claim=_ids(),
        attribution=st.builds(
            cm.Attribution,
            source=_ids(),
            cue=_optional(_texts()),
            chain=st.lists(link, max_size=3).map(tuple),
            extensions=_extensions(),
        ),
        confidence=_confidences(),
        stance=st.sampled_from(cm.Stance),
        hedges=st.lists(hedge, max_size=2).map(tuple),
        date=_optional(_dates()),
        evidence=st.lists(evidence, max_size=1).map(tuple),
        extensions=_extensions(),
    )


def _claims() -> st.SearchStrategy[cm.Claim]:
    return st.builds(
        cm.Claim,
        text=_texts(),
        subject=_optional(_texts()),
        polarity=st.sampled_from(cm.Polarity),
        language=_optional(_texts()),
        extensions=_extensions(),
    )


def _relations() -> st.SearchStrategy[cm.Relation]:
    return st.builds(
        cm.Relation,
        id=_ids(),
        kind=st.sampled_from(cm.RelationKind),
        subject=_ids(),
        object=_ids(),
        basis=_optional(_texts()),
    )


def awkward_bundles() -> st.SearchStrategy[cm.Bundle]:
    """Valid bundles full of text and data that are hard to carry exactly."""
    return st.builds(
        cm.Bundle,
        id=_optional(_ids()),
        title=_optional(_texts()),
        published=_optional(_dates()),
        language=_optional(_texts()),
        sources=st.lists(_sources(), max_size=3).map(tuple),
        claims=st.lists(_claims(), max_size=2).map(tuple),
        assertions=st.lists(_assertions(), max_size=2).map(tuple),
        relations=st.lists(_relations(), max_size=1).map(tuple),
        extensions=_extensions(),
    )


def _examples(factor: int) -> int:
    """``factor`` times the active profile's examples (``dev`` is quick, ``ci`` thorough)."""
    current = settings.default
    assert current is not None
    return current.max_examples * factor


class TestRoundTrip:
    """Every valid bundle survives decode → encode → decode unchanged, byte for byte."""

    # One generated bundle goes through every path: generating is the costly part.
    @settings(max_examples=_examples(2))
    @given(bundle=awkward_bundles(), indent=st.sampled_from([None, 2]))
    def test_every_path_is_the_identity(self, bundle: cm.Bundle, indent: int | None) -> None:
        text = cm.dumps(bundle, indent=indent)
        again = cm.loads(text)
        assert bundle == again
        assert text == cm.dumps(again, indent=indent)
        data = text.encode("utf-8")
        assert bundle == cm.loads(data)
        assert bundle == cm.loads(b"\xef\xbb\xbf" + data)  # behind a byte-order mark
        # Other encoders escape everything outside ASCII, non-BMP as surrogate pairs.
        assert bundle == cm.loads(json.dumps(cm.to_data(bundle), ensure_ascii=True))
        assert bundle == cm.from_data(json.loads(text))


class TestRoundTripExamples:
    """Named cases the strategies might reach only rarely."""

    def test_extension_values_of_every_json_kind(self) -> None:
        value: dict[str, Any] = {
            "x_all": [None, True, False, 0, -1, 2**64, 1.5, -0.0, 1e308, 5e-324, "", {}, []],
            "x_deep": {"a": [{"b": [[["c"]]]}]},
        }
        bundle = cm.Bundle(extensions=value)
        assert bundle == cm.loads(cm.dumps(bundle))

    def test_time_zones_and_microseconds(self) -> None:
        when = cm.PartialDate.fromisoformat("2025-07-01T23:59:59.000001-09:30")
        bundle = cm.Bundle(published=when)
        again = cm.loads(cm.dumps(bundle))
        assert (when, "2025-07-01T23:59:59.000001-09:30") == (
            again.published,
            again.published.isoformat() if again.published else None,
        )
