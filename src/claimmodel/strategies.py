"""Hypothesis strategies for every claimmodel type, for testing code that uses claimmodel.

Install the extra first: ``pip install claimmodel[hypothesis]``.

The strategies follow Hypothesis' own conventions: plural names, keyword-only
options, and strategies accepted where a caller may want to steer a part (the
``ids`` of :func:`assertions`, the ``sources`` of :func:`attributions`, …).  Each
building-block strategy gives objects that are *locally* valid (their
constructors accept them); :func:`bundles` gives whole bundles that are also
*referentially* valid: every reference resolves, and dates come in order.

Strings deliberately include text outside the Basic Multilingual Plane,
combining marks and right-to-left scripts; dates include time-zone offsets and
microseconds; extensible objects carry ``x_…`` extension data of any JSON shape.
Sizes are small by default so that tests stay fast.

Use them with :func:`hypothesis.given`::

    from hypothesis import given

    import claimmodel
    from claimmodel.strategies import bundles


    @given(bundles(max_assertions=2))
    def test_round_trip(bundle):
        assert claimmodel.loads(claimmodel.dumps(bundle)) == bundle
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import hashlib
import itertools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar, cast

import attrs

try:
    from hypothesis import strategies as st
    from hypothesis.errors import InvalidArgument
except ImportError as error:  # pragma: no cover  (tested in a subprocess)
    raise ImportError(
        "claimmodel.strategies needs Hypothesis, which is an optional extra; "
        "install it with: pip install claimmodel[hypothesis]"
    ) from error

from claimmodel.model import (
    CANNOT_BE_JUDGED,
    SCALES,
    Affiliation,
    AffiliationKind,
    AnonymousSource,
    Assertion,
    AssertionMode,
    Attribution,
    Bearing,
    Bundle,
    Channel,
    Claim,
    Collective,
    Confidence,
    DateCertainty,
    DeclaredLevel,
    DeclaredScale,
    Document,
    Draft,
    Evidence,
    EvidenceKind,
    FrozenMap,
    GovernmentBody,
    GroundRule,
    Hedge,
    HedgeCategory,
    Identifier,
    IdentifierScheme,
    Interval,
    JSONValue,
    Link,
    MediaOutlet,
    Occasion,
    Organization,
    PartialDate,
    Person,
    Polarity,
    Precision,
    Quantity,
    Quotation,
    Rating,
    Relation,
    RelationKind,
    Role,
    Scale,
    ScaleKind,
    Source,
    SourceKind,
    Span,
    Stance,
    Verdict,
)
from claimmodel.model._identifiers import _CROCKFORD, _mod_11_2, _ror_checksum

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__ = [
    "affiliations",
    "assertions",
    "attributions",
    "bundles",
    "claims",
    "confidences",
    "declared_scales",
    "drafts",
    "evidence",
    "extensions",
    "external_identifiers",
    "hedges",
    "identifiers",
    "intervals",
    "json_values",
    "links",
    "occasions",
    "partial_dates",
    "quantities",
    "ratings",
    "relations",
    "roles",
    "schema_uris",
    "sources",
    "spans",
    "texts",
    "verdicts",
]

_T = TypeVar("_T")
_F = TypeVar("_F", bound=Callable[..., Any])


def _cached(function: _F) -> _F:
    """Build each strategy once per set of options.

    Hypothesis validates a strategy the first time it draws from it; reusing the
    built strategies keeps that cost off every example.
    """
    return cast("_F", functools.lru_cache(maxsize=1024)(function))


# -- text ----------------------------------------------------------------------------

_FRAGMENTS = (
    "Kursk",
    "RIA Novosti",
    "according to",
    "allegedly",
    "Кремль",  # Cyrillic
    "مصدر مطلع",  # Arabic, right to left
    "שלום",  # Hebrew, right to left
    "\u200fRTL\u200e",  # explicit direction marks
    "\u202eoverride\u202c",
    "e\u0301",  # e + combining acute accent
    "a\u0308\u0301",  # stacked combining marks
    "\u0928\u093f",  # Devanagari with a vowel sign
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",  # mathematical letters, outside the BMP
    "😀",  # an emoji outside the BMP
    "\U0001f1fa\U0001f1e6",  # a flag: two regional indicators
    "\U00020000",  # a CJK ideograph in plane 2
    "中文",
    "ﬁ",  # a ligature NFKC unfolds
    "İß",  # letters whose case folding changes length
    "Ⅻ",
    "\x00",  # NUL is a valid character in JSON strings
    " ",
    "\t",
    # What a terminal acts on: an escape sequence, a one-byte CSI, DEL, new lines.
    "\x1b]0;title\x07\x1b[2J",
    "\x9b31m\x7f",
    "line\nFORGED\r\n",
    "\u2028\u2029\u2066",
)

_characters = st.characters(codec="utf-8")
"""Every code point except lone surrogates, which UTF-8 cannot encode."""


def _check_size(name: str, value: int, minimum: int) -> None:
    if type(value) is not int or value < minimum:
        raise InvalidArgument(f"{name}={value!r} must be an integer of at least {minimum}")


@_cached
def texts(*, max_size: int = 6) -> SearchStrategy[str]:
    """Strings with at least one non-space character, as every text field requires.

    Each is up to ``max_size`` arbitrary code points (any plane, lone surrogates
    excepted) between two fragments chosen to break naive code — right-to-left
    scripts, direction marks, combining marks, emoji, NUL — either of which may
    be left out.
    """
    _check_size("max_size", max_size, 1)
    fragments = st.sampled_from(("", *_FRAGMENTS))
    return (
        st.tuples(fragments, st.text(_characters, min_size=1, max_size=max_size), fragments)
        .map("".join)
        .filter(lambda text: bool(text) and not text.isspace())
    )


@_cached
def identifiers(*, max_size: int = 4) -> SearchStrategy[str]:
    """Ids: non-empty strings without surrounding whitespace (see :func:`texts`)."""
    _check_size("max_size", max_size, 1)
    return texts(max_size=max_size).map(str.strip).filter(bool)


@_cached
def _optional(strategy: SearchStrategy[_T]) -> SearchStrategy[_T | None]:
    return st.none() | strategy


@_cached
def _choice(options: tuple[_T, ...]) -> SearchStrategy[_T]:
    """``sampled_from``, built once per tuple of options."""
    return st.sampled_from(options)


# -- drafts, external identifiers, schema URIs ---------------------------------------


@_cached
def drafts(*, allow_extensions: bool = True) -> SearchStrategy[Draft]:
    """Draft markers: the program that suggested an object, perhaps a note for its reviewer."""
    return st.builds(
        Draft,
        by=st.sampled_from(("claimmodel cues 0.1", "extractor")) | texts(),
        note=_optional(texts()),
        extensions=_extensions_or_none(allow_extensions),
    )


@_cached
def _drafts_or_none(allow_extensions: bool) -> SearchStrategy[Draft | None]:
    # Most objects are not drafts.
    return st.none() | st.none() | drafts(allow_extensions=allow_extensions)


def _ror(body: str) -> str:
    """A ROR id's base-32 part followed by its check number, as the model verifies it."""
    return f"{body}{_ror_checksum(body):02d}"


_digits = st.text("0123456789", min_size=15, max_size=15)
_labels = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?", fullmatch=True)
_IDENTIFIER_VALUES: dict[IdentifierScheme, SearchStrategy[str]] = {
    IdentifierScheme.WIKIDATA: st.integers(1, 10**12 - 1).map(lambda n: f"Q{n}"),
    IdentifierScheme.ROR: st.text(_CROCKFORD, min_size=6, max_size=6).map(lambda t: _ror(f"0{t}")),
    IdentifierScheme.ISNI: _digits.map(lambda d: d + _mod_11_2(d)),
    IdentifierScheme.ORCID: _digits.map(lambda d: d + _mod_11_2(d)).map(
        lambda d: "-".join(d[i : i + 4] for i in range(0, 16, 4))
    ),
    IdentifierScheme.DOMAIN: st.sampled_from(("ria.ru", "kcna.kp", "xn--80aswg.xn--p1ai"))
    | st.builds(
        lambda labels, top: ".".join((*labels, top)),
        st.lists(_labels, min_size=1, max_size=3),
        st.from_regex(r"[a-z][a-z0-9]{1,5}", fullmatch=True),
    ),
    IdentifierScheme.URL: st.sampled_from(
        ("https://ria.ru/", "http://example.org/a?b=c#d", "https://xn--80aswg.xn--p1ai/%D0%B0")
    )
    | st.builds(
        lambda scheme, host, rest: f"{scheme}://{host}{rest}",
        st.sampled_from(("http", "https")),
        st.text(
            st.characters(min_codepoint=0x21, max_codepoint=0x7E, exclude_characters="/?#@"),
            min_size=1,
            max_size=8,
        ),
        st.sampled_from(("", "/", "?q", "#f"))
        | st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E), max_size=6).map(
            lambda t: f"/{t}"
        ),
    ),
}


@_cached
def external_identifiers(
    *, schemes: SearchStrategy[IdentifierScheme] | None = None
) -> SearchStrategy[Identifier]:
    """External identifiers of every scheme (or of ``schemes``), check digits right."""
    chosen = st.sampled_from(IdentifierScheme) if schemes is None else schemes
    return chosen.flatmap(
        lambda scheme: _IDENTIFIER_VALUES[scheme].map(
            lambda value: Identifier(scheme=scheme, value=value)
        )
    )


@_cached
def schema_uris() -> SearchStrategy[str]:
    """Values of a bundle's ``$schema``: URLs, relative paths, URNs, any string without
    whitespace or control characters."""
    return st.sampled_from(
        (
            "https://example.org/claimmodel-1.1.schema.json",
            "./claimmodel.schema.json",
            "urn:claimmodel:schema:claimmodel-1.1",
        )
    ) | st.text(
        st.characters(
            codec="utf-8",
            exclude_categories=("Cc", "Zs", "Zl", "Zp"),
            exclude_characters="\x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000",
        ),
        min_size=1,
        max_size=8,
    )


# -- extension data ------------------------------------------------------------------

# Beyond 64 bits, beyond any float (2**1024), and as long as Python writes by default.
_big_integers = st.sampled_from(
    (2**63, -(2**63) - 1, 10**30, -(10**40), 2**1024 - 1, -(2**1024), 10**4299)
)


@_cached
def json_values(*, max_leaves: int = 6) -> SearchStrategy[JSONValue]:
    """Any JSON value in frozen form (arrays as tuples, objects as :class:`FrozenMap`).

    Includes nested arrays and objects, finite floats (``-0.0`` and subnormals
    too), integers beyond 64 bits and arbitrary strings as values and keys.
    """
    _check_size("max_leaves", max_leaves, 1)
    scalars: SearchStrategy[JSONValue] = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        _big_integers,
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(_characters, max_size=5),
    )

    def extend(children: SearchStrategy[JSONValue]) -> SearchStrategy[JSONValue]:
        arrays: SearchStrategy[JSONValue] = st.lists(children, max_size=3).map(tuple)
        objects: SearchStrategy[JSONValue] = st.dictionaries(
            st.text(_characters, max_size=4), children, max_size=3
        ).map(FrozenMap)
        return arrays | objects

    return st.recursive(scalars, extend, max_leaves=max_leaves)


@_cached
def extensions(
    *, max_size: int = 2, values: SearchStrategy[JSONValue] | None = None
) -> SearchStrategy[FrozenMap[JSONValue]]:
    """Extension data: up to ``max_size`` ``x_…`` keys mapped to ``values`` (any JSON)."""
    _check_size("max_size", max_size, 0)
    keys = st.text(_characters, max_size=4).map(lambda key: f"x_{key}")
    items = json_values() if values is None else values
    return st.dictionaries(keys, items, max_size=max_size).map(FrozenMap)


_NO_EXTENSIONS: FrozenMap[JSONValue] = FrozenMap()


@_cached
def _extensions_or_none(allow: bool) -> SearchStrategy[FrozenMap[JSONValue]]:
    # Most objects carry none, so that bundles stay small and quick to draw.
    none = st.just(_NO_EXTENSIONS)
    return none | none | extensions(values=json_values(max_leaves=4)) if allow else none


# -- dates ---------------------------------------------------------------------------

_MAX_OFFSET_MINUTES = 23 * 60 + 59


@_cached
def _edgy(low: int, high: int) -> SearchStrategy[int]:
    """Integers from ``low`` to ``high``, either end drawn often: the calendar's corners
    (year 1 and 9999, 31 December, 23:59:59.999999) are where date arithmetic breaks."""
    return st.sampled_from((low, high)) | st.integers(low, high)


_time_zones = st.one_of(
    st.just(dt.UTC),
    # The widest offsets, and those that bound "local time" in validation (−12 h, +14 h).
    st.sampled_from((-_MAX_OFFSET_MINUTES, _MAX_OFFSET_MINUTES, -12 * 60, 14 * 60)).map(
        lambda minutes: dt.timezone(dt.timedelta(minutes=minutes))
    ),
    st.integers(-_MAX_OFFSET_MINUTES, _MAX_OFFSET_MINUTES)
    .filter(bool)
    .map(lambda minutes: dt.timezone(dt.timedelta(minutes=minutes))),
)


def _check_years(min_year: int, max_year: int) -> None:
    _check_size("min_year", min_year, 1)
    _check_size("max_year", max_year, min_year)
    if max_year > 9999:
        raise InvalidArgument(f"max_year={max_year!r} must not exceed 9999")


@_cached
def partial_dates(
    *,
    min_year: int = 1,
    max_year: int = 9999,
    precisions: SearchStrategy[Precision] | None = None,
    allow_time_zones: bool = True,
) -> SearchStrategy[PartialDate]:
    """Partial dates from ``min_year`` to ``max_year`` at any precision from year to second.

    Days are real days of their month (29 February in leap years only); times
    may carry microseconds and, when ``allow_time_zones``, ``Z`` or a UTC offset
    of whole minutes (up to ±23:59).  ``precisions`` narrows the precisions drawn.
    Each part is often at an end of its range, so the ends of the calendar (year 1,
    9999-12-31T23:59:59.999999), with and without the widest offsets, come up.
    """
    _check_years(min_year, max_year)
    return _partial_dates(
        min_year=min_year,
        max_year=max_year,
        precisions=st.sampled_from(Precision) if precisions is None else precisions,
        allow_time_zones=allow_time_zones,
    )


@_cached
@st.composite
def _partial_dates(
    draw: st.DrawFn,
    *,
    min_year: int,
    max_year: int,
    precisions: SearchStrategy[Precision],
    allow_time_zones: bool,
) -> PartialDate:
    depth = list(Precision).index(draw(precisions))
    year = draw(_edgy(min_year, max_year))
    fields: dict[str, Any] = {"year": year}
    if depth >= 1:
        fields["month"] = draw(_edgy(1, 12))
    if depth >= 2:
        fields["day"] = draw(_edgy(1, calendar.monthrange(year, fields["month"])[1]))
    if depth >= 3:
        fields["hour"] = draw(_edgy(0, 23))
        if allow_time_zones:
            fields["tz"] = draw(_optional(_time_zones))
    if depth >= 4:
        fields["minute"] = draw(_edgy(0, 59))
    if depth >= 5:
        fields["second"] = draw(_edgy(0, 59))
        fields["microsecond"] = draw(_optional(_edgy(0, 999_999)))
    return PartialDate(**fields)


@_cached
@st.composite
def _chronological(
    draw: st.DrawFn, *, count: int, min_year: int, max_year: int, allow_time_zones: bool
) -> list[PartialDate | None]:
    """``count`` dates, each possibly ``None``, in order at least two years apart.

    Two years apart, so that no reading of "before" (earliest instant, latest
    instant, shifted by any time zone) can find them out of order.
    """
    steps = (max_year - min_year) // 2
    steps_drawn = st.lists(_edgy(0, steps), unique=True, min_size=count, max_size=count)
    chosen = sorted(draw(steps_drawn))
    dates: list[PartialDate | None] = []
    for step in chosen:
        year = min_year + 2 * step
        dates.append(
            draw(
                _optional(
                    partial_dates(min_year=year, max_year=year, allow_time_zones=allow_time_zones)
                )
            )
        )
    return dates


# -- confidence, hedges, spans -------------------------------------------------------


@_cached
@st.composite
def _intervals(draw: st.DrawFn) -> Interval:
    bounds = st.one_of(st.sampled_from((0.0, 0.05, 0.5, 0.95, 1.0)), st.floats(0.0, 1.0))
    low, high = sorted((draw(bounds), draw(bounds)))
    return Interval(low=low, high=high)


@_cached
def intervals() -> SearchStrategy[Interval]:
    """Probability intervals ``[low, high]`` within ``[0, 1]``, points included."""
    return _intervals()


# Assertions state how likely a claim is; reliability belongs to sources.
_ASSERTION_SCALE_KINDS = (
    ScaleKind.LIKELIHOOD,
    ScaleKind.CONFIDENCE,
    ScaleKind.CREDIBILITY,
    ScaleKind.NUMERIC,
)

_LEVELS = (
    "likely",
    "very unlikely",
    "roughly even chance",
    "almost certain",
    "B2",
    "high",
)


@_cached
def confidences(
    *,
    scales: SearchStrategy[str] | None = None,
    levels: SearchStrategy[str] | None = None,
    kinds: Sequence[ScaleKind] | None = None,
    assessors: SearchStrategy[str | None] | None = None,
    allow_extensions: bool = True,
) -> SearchStrategy[Confidence]:
    """Confidences: a ``level`` on a ``scale``, with the probability interval it stands for.

    By default the scale is drawn from the registered scales (``claimmodel.SCALES``),
    restricted to ``kinds`` when given, and the level from that scale, with exactly
    its band — or ``cannot be judged`` — so the confidences pass
    :func:`claimmodel.validate`.  Pass ``scales`` and ``levels`` to draw free text
    instead (for testing validation itself); ``assessors`` (source ids, or ``None``)
    steers who judged.
    """
    assessors = _optional(identifiers()) if assessors is None else assessors
    if scales is None and levels is None:
        wanted = tuple(ScaleKind) if kinds is None else tuple(kinds)
        registered = tuple(
            scale for scale_id, scale in sorted(SCALES.items()) if scale.kind in wanted
        )
        if not registered:
            raise InvalidArgument(f"no registered scale is of the kinds {wanted!r}")
        return _registered_confidences(
            scales=registered, assessors=assessors, allow_extensions=allow_extensions
        )
    return _confidences(
        scales=st.sampled_from(("probability", "icd-203")) | identifiers()
        if scales is None
        else scales,
        levels=st.sampled_from((*_UNJUDGED, *_LEVELS)) | texts() if levels is None else levels,
        assessors=assessors,
        allow_extensions=allow_extensions,
    )


_UNJUDGED = (CANNOT_BE_JUDGED, "cannot-be-judged")
"""The universal level in its spelling and in format 1.0's, which is still read."""


@_cached
@st.composite
def _registered_confidences(
    draw: st.DrawFn,
    *,
    scales: tuple[Scale, ...],
    assessors: SearchStrategy[str | None],
    allow_extensions: bool,
) -> Confidence:
    scale = draw(st.sampled_from(scales))
    probability: Interval | None
    if scale.open:  # levels are numbers, not a list
        band = draw(intervals())
        label = repr(band.low) if band.low == band.high else f"{band.low!r}-{band.high!r}"
        level, probability = Confidence.parse(label, scale=scale.id).level, band
    else:
        chosen = draw(st.sampled_from((*scale.levels, scale.unjudged_level())))
        level, probability = chosen.label, chosen.band
    return Confidence(
        scale=scale.id,
        level=level,
        probability=probability,
        assessor=draw(assessors),
        basis=draw(_optional(texts())),
        extensions=draw(_extensions_or_none(allow_extensions)),
    )


@_cached
@st.composite
def _confidences(
    draw: st.DrawFn,
    *,
    scales: SearchStrategy[str],
    levels: SearchStrategy[str],
    assessors: SearchStrategy[str | None],
    allow_extensions: bool,
) -> Confidence:
    level = draw(levels)
    return Confidence(
        scale=draw(scales),
        level=level,
        probability=None if level in _UNJUDGED else draw(intervals()),
        assessor=draw(assessors),
        basis=draw(_optional(texts())),
        extensions=draw(_extensions_or_none(allow_extensions)),
    )


@_cached
def spans(*, length: int = 1000) -> SearchStrategy[Span]:
    """Non-empty character spans ``[start, end)`` within a text of ``length`` characters."""
    _check_size("length", length, 1)
    return (
        st.tuples(st.integers(0, length), st.integers(0, length))
        .filter(lambda pair: pair[0] != pair[1])
        .map(lambda pair: Span(start=min(pair), end=max(pair)))
    )


@_cached
def hedges(
    *,
    voices: SearchStrategy[str | None] | None = None,
    spans: SearchStrategy[Span | None] | None = None,
    allow_extensions: bool = True,
) -> SearchStrategy[Hedge]:
    """Hedges of every category; ``voices`` draws ``voiced_by`` (a source id or ``None``),
    ``spans`` the span of the cue."""
    return st.builds(
        Hedge,
        cue=st.sampled_from(("allegedly", "may", "about", "according to", "hinted")) | texts(),
        category=st.sampled_from(HedgeCategory),
        scope=_optional(texts()),
        span=_optional(_spans()) if spans is None else spans,
        voiced_by=_optional(identifiers()) if voices is None else voices,
        draft=_drafts_or_none(allow_extensions),
        extensions=_extensions_or_none(allow_extensions),
    )


_spans = spans


# -- attribution and evidence --------------------------------------------------------


@_cached
def links(
    *,
    sources: SearchStrategy[str] | None = None,
    dates: SearchStrategy[PartialDate | None] | None = None,
    allow_extensions: bool = True,
) -> SearchStrategy[Link]:
    """Links of an attribution chain: an intermediary (from ``sources``), a channel, a date."""
    return st.builds(
        Link,
        source=identifiers() if sources is None else sources,
        channel=st.sampled_from(Channel),
        date=_optional(partial_dates()) if dates is None else dates,
        cue=_optional(st.sampled_from(("told", "according to", "reported")) | texts()),
        cue_span=_optional(_spans()),
        extensions=_extensions_or_none(allow_extensions),
    )


@_cached
def attributions(
    *,
    sources: SearchStrategy[str] | None = None,
    max_chain: int = 3,
    dates: SearchStrategy[PartialDate | None] | None = None,
    allow_extensions: bool = True,
) -> SearchStrategy[Attribution]:
    """Attributions whose path (speaker, then up to ``max_chain`` intermediaries) never
    repeats a source; ``sources`` draws the ids, ``dates`` the dates of the links."""
    _check_size("max_chain", max_chain, 0)
    return _attributions(
        sources=identifiers() if sources is None else sources,
        max_chain=max_chain,
        dates=_optional(partial_dates()) if dates is None else dates,
        allow_extensions=allow_extensions,
    )


@_cached
@st.composite
def _attributions(
    draw: st.DrawFn,
    *,
    sources: SearchStrategy[str],
    max_chain: int,
    dates: SearchStrategy[PartialDate | None],
    allow_extensions: bool,
) -> Attribution:
    path = draw(st.lists(sources, min_size=1, max_size=max_chain + 1, unique=True))
    chain = tuple(
        draw(links(sources=st.just(source), dates=dates, allow_extensions=allow_extensions))
        for source in path[1:]
    )
    return Attribution(
        source=path[0],
        cue=draw(_optional(st.sampled_from(("said", "confirmed", "hinted")) | texts())),
        cue_span=draw(_optional(_spans())),
        chain=chain,
        extensions=draw(_extensions_or_none(allow_extensions)),
    )


_certainties = _optional(st.sampled_from(DateCertainty))

_urls = (
    st.sampled_from(("https://example.org/a", "https://example.org/clip.mp4", "urn:x:1")) | texts()
)
_archive_urls = (
    st.sampled_from(
        (
            "https://web.archive.org/web/20251126000000/https://example.org/clip.mp4",
            "https://archive.ph/AbC12",
        )
    )
    | schema_uris()
)
_sha256s = st.sampled_from(
    (
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",  # no bytes
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    )
) | st.binary(max_size=8).map(lambda content: hashlib.sha256(content).hexdigest())


@_cached
def evidence(
    *,
    documents: SearchStrategy[str | None] | None = None,
    spans: SearchStrategy[Span | None] | None = None,
    dates: SearchStrategy[PartialDate | None] | None = None,
    allow_extensions: bool = True,
) -> SearchStrategy[Evidence]:
    """Evidence of every kind with at least one of a quote, a span, a url, an archive
    url and a content hash, and perhaps a bearing on the claim; ``documents`` draws the
    document id the span indexes into (``None``: the bundle's document), ``dates`` the
    dates it was captured and archived (never archived before it was captured)."""
    return _evidence(
        documents=_optional(identifiers()) if documents is None else documents,
        spans=_optional(_spans()) if spans is None else spans,
        dates=_optional(partial_dates()) if dates is None else dates,
        allow_extensions=allow_extensions,
    )


@_cached
@st.composite
def _evidence(
    draw: st.DrawFn,
    *,
    documents: SearchStrategy[str | None],
    spans: SearchStrategy[Span | None],
    dates: SearchStrategy[PartialDate | None],
    allow_extensions: bool,
) -> Evidence:
    span = draw(spans)
    quote = draw(_optional(texts()))
    url = draw(_optional(_urls))
    found = draw(_found(dates))
    if quote is None and span is None and url is None and not found.keys() & _FINDABLE:
        quote = draw(texts())
    return Evidence(
        quote=quote,
        span=span,
        document=draw(documents),
        url=url,
        **draw(_quotations(quoted=quote is not None or span is not None)),
        **found,
        extensions=draw(_extensions_or_none(allow_extensions)),
    )


_FINDABLE = frozenset({"archive_url", "sha256"})


@_cached
@st.composite
def _found(draw: st.DrawFn, dates: SearchStrategy[PartialDate | None]) -> dict[str, Any]:
    """What evidence is and how it was found: its kind, content hash, when it was captured
    and archived (a later archive date at least two years on, so that no reading of
    "before" finds it earlier, or the capture date itself), where, and its bearing."""
    captured, archived = draw(dates), draw(dates)
    if captured is not None and archived is not None and archived.year < captured.year + 2:
        archived = captured
    found = {
        "kind": draw(st.sampled_from(EvidenceKind)),
        "sha256": draw(_optional(_sha256s)),
        "captured": captured,
        "archived": archived,
        "archive_url": draw(_optional(_archive_urls)),
        "bearing": draw(_optional(st.sampled_from(Bearing))),
    }
    return {key: value for key, value in found.items() if value is not None}


@_cached
@st.composite
def _quotations(draw: st.DrawFn, *, quoted: bool) -> dict[str, Any]:
    """How evidence reports the words: its quotation kind, language and original words."""
    original = draw(_optional(st.sampled_from(("Проект продвигается", "«Да»")) | texts()))
    return {
        "quotation": draw(_optional(st.sampled_from(Quotation))) if quoted else None,
        "language": draw(_optional(_languages)),
        "original": original,
        "original_language": None if original is None else draw(_optional(_languages)),
    }


@_cached
def occasions(*, allow_extensions: bool = True) -> SearchStrategy[Occasion]:
    """Occasions of a statement: a channel, an event, a place (at least one of them)."""
    return _occasions(allow_extensions=allow_extensions)


_specified_channels = tuple(channel for channel in Channel if channel is not Channel.UNSPECIFIED)


@_cached
@st.composite
def _occasions(draw: st.DrawFn, *, allow_extensions: bool) -> Occasion:
    event = draw(_optional(st.sampled_from(("the Eastern Economic Forum", "a rally")) | texts()))
    place = draw(_optional(st.sampled_from(("Wonsan", "Kursk", "Пхеньян")) | texts()))
    channels = Channel if event is not None or place is not None else _specified_channels
    return Occasion(
        channel=draw(st.sampled_from(channels)),
        event=event,
        place=place,
        extensions=draw(_extensions_or_none(allow_extensions)),
    )


# -- claims, assertions, relations ---------------------------------------------------

# Integers and floats, at the edges orjson writes otherwise than json too; -0.0 included.
_figures = st.one_of(
    st.integers(-(2**64), 2**64),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from((0, 600, 10_000, 12_000, 3.5, 1e-7, 1e20)),
)


@_cached
def quantities(*, allow_extensions: bool = True) -> SearchStrategy[Quantity]:
    """Quantities that validation accepts: a value, one or two bounds (some excluded), or
    both, the value within the bounds; measures and units from small sets, so that
    claims about the same quantity occur."""
    return _quantities(allow_extensions=allow_extensions)


@_cached
@st.composite
def _quantities(draw: st.DrawFn, *, allow_extensions: bool) -> Quantity:
    low, middle, high = sorted(draw(st.lists(_figures, min_size=3, max_size=3)))
    shape = draw(st.sampled_from(("value", "lower", "upper", "both")))
    fields: dict[str, Any] = {}
    if shape == "value" or draw(st.booleans()):
        fields["value"] = middle
    if shape in ("lower", "both"):
        fields["lower"] = low
        fields["lower_exclusive"] = low < middle and draw(st.booleans())
    if shape in ("upper", "both"):
        fields["upper"] = high
        fields["upper_exclusive"] = middle < high and draw(st.booleans())
    return Quantity(
        measure=draw(_optional(st.sampled_from(("troops", "killed", "share")))),
        unit=draw(_optional(st.sampled_from(("troops", "%", "people")))),
        approximate=draw(st.booleans()),
        **fields,
        extensions=draw(_extensions_or_none(allow_extensions)),
    )


_stances = st.sampled_from(Stance)
_RENDERINGS = (RelationKind.TRANSLATION_OF, RelationKind.PARAPHRASE_OF)
_languages = st.sampled_from(("en", "ru", "uk", "ar", "he", "zh-Hant", "und"))


@_cached
def claims(
    *, ids: SearchStrategy[str | None] | None = None, allow_extensions: bool = True
) -> SearchStrategy[Claim]:
    """Claims, optionally structured, naming up to two interested parties and stating a
    quantity; ``ids``
    draws the id, ``None`` meaning derived from the content (the default draws both)."""
    return _claims(
        ids=_optional(identifiers()) if ids is None else ids, allow_extensions=allow_extensions
    )


@_cached
@st.composite
def _claims(draw: st.DrawFn, *, ids: SearchStrategy[str | None], allow_extensions: bool) -> Claim:
    fields: dict[str, Any] = {
        "text": draw(texts()),
        "subject": draw(_optional(texts())),
        "predicate": draw(_optional(texts())),
        "object": draw(_optional(texts())),
        "polarity": draw(st.sampled_from(Polarity)),
        "language": draw(_optional(_languages)),
        "parties": tuple(draw(st.lists(identifiers(), max_size=2, unique=True))),
        "quantity": draw(_optional(quantities(allow_extensions=allow_extensions))),
        "draft": draw(_drafts_or_none(allow_extensions)),
        "extensions": draw(_extensions_or_none(allow_extensions)),
    }
    claim_id = draw(ids)
    if claim_id is not None:
        fields["id"] = claim_id
    return Claim(**fields)


@_cached
def assertions(
    *,
    ids: SearchStrategy[str] | None = None,
    claims: SearchStrategy[str] | None = None,
    attributions: SearchStrategy[Attribution] | None = None,
    confidences: SearchStrategy[Confidence] | None = None,
    hedges: SearchStrategy[Hedge] | None = None,
    evidence: SearchStrategy[Evidence] | None = None,
    dates: SearchStrategy[PartialDate | None] | None = None,
    max_hedges: int = 2,
    max_evidence: int = 2,
    allow_extensions: bool = True,
) -> SearchStrategy[Assertion]:
    """Assertions, each with an attribution and a confidence.

    ``ids`` draws the assertion's id, ``claims`` the id of the claim asserted;
    the other options draw the parts, up to ``max_hedges`` hedges and
    ``max_evidence`` pieces of evidence.
    """
    _check_size("max_hedges", max_hedges, 0)
    _check_size("max_evidence", max_evidence, 0)
    return st.builds(
        Assertion,
        id=identifiers() if ids is None else ids,
        claim=identifiers() if claims is None else claims,
        attribution=_attributions_default() if attributions is None else attributions,
        confidence=_confidences_default() if confidences is None else confidences,
        stance=st.sampled_from(Stance),
        hedges=st.lists(_hedges_default() if hedges is None else hedges, max_size=max_hedges).map(
            tuple
        ),
        date=_optional(partial_dates()) if dates is None else dates,
        earliest=_optional(partial_dates()),
        latest=_optional(partial_dates()),
        occasion=_optional(occasions(allow_extensions=allow_extensions)),
        mode=st.sampled_from(AssertionMode),
        evidence=st.lists(
            _evidence_default() if evidence is None else evidence, max_size=max_evidence
        ).map(tuple),
        draft=_drafts_or_none(allow_extensions),
        extensions=_extensions_or_none(allow_extensions),
    ).flatmap(_revising)


def _revising(assertion: Assertion) -> SearchStrategy[Assertion]:
    """The assertion, or a copy that retracts or corrects another (by an id of its own)."""
    others = identifiers().filter(lambda other: other != assertion.id)
    return st.one_of(
        st.just(assertion),
        others.map(lambda other: _evolve(assertion, retracts=other)),
        others.map(lambda other: _evolve(assertion, corrects=other)),
    )


@_cached
def relations(
    *,
    ids: SearchStrategy[str] | None = None,
    subjects: SearchStrategy[str] | None = None,
    objects: SearchStrategy[str] | None = None,
    allow_extensions: bool = True,
) -> SearchStrategy[Relation]:
    """Relations of every kind between two different ids (``subjects``, ``objects``)."""
    return st.builds(
        Relation,
        id=identifiers() if ids is None else ids,
        kind=st.sampled_from(RelationKind),
        subject=identifiers() if subjects is None else subjects,
        object=identifiers() if objects is None else objects,
        basis=_optional(texts()),
        draft=_drafts_or_none(allow_extensions),
        extensions=_extensions_or_none(allow_extensions),
    ).filter(lambda relation: relation.subject != relation.object)


# -- declared scales ----------------------------------------------------------------

_level_words = (
    "False", "Mostly false", "Half true", "Mostly true", "True",
    "low", "moderate", "high", "remote", "likely",
)  # fmt: skip
_declarable = (ScaleKind.LIKELIHOOD, ScaleKind.CONFIDENCE, ScaleKind.RATING)
_probabilities = st.floats(0.0, 1.0)


@_cached
def declared_scales(
    *,
    ids: SearchStrategy[str] | None = None,
    kinds: SearchStrategy[ScaleKind] | None = None,
    allow_extensions: bool = True,
) -> SearchStrategy[DeclaredScale]:
    """Scales a record declares: one to five levels with distinct spellings, on a likelihood
    scale either every level with a band (the bands ascending, end to end) or none;
    ``ids`` draws the id (by default a few that are no built-in scale's), ``kinds`` the
    kind (likelihood, confidence or rating)."""
    return _declared_scales(
        ids=st.sampled_from(("newsroom", "desk", "house")) if ids is None else ids,
        kinds=st.sampled_from(_declarable) if kinds is None else kinds,
        allow_extensions=allow_extensions,
    )


@_cached
@st.composite
def _declared_scales(
    draw: st.DrawFn,
    *,
    ids: SearchStrategy[str],
    kinds: SearchStrategy[ScaleKind],
    allow_extensions: bool,
) -> DeclaredScale:
    kind = draw(kinds)
    labels = draw(st.lists(st.sampled_from(_level_words), min_size=1, max_size=5, unique=True))
    bands: list[Interval | None] = [None] * len(labels)
    if kind is ScaleKind.LIKELIHOOD and draw(st.booleans()):
        points = sorted(draw(st.lists(_probabilities, min_size=len(labels) + 1)))
        bands = [Interval(low=low, high=high) for low, high in itertools.pairwise(points)]
        bands = bands[: len(labels)]
    levels = tuple(
        DeclaredLevel(
            label=label,
            band=band,
            aliases=draw(st.sampled_from(((), (f"level {index + 1}",)))),
            extensions=draw(_extensions_or_none(allow_extensions)),
        )
        for index, (label, band) in enumerate(zip(labels, bands, strict=True))
    )
    return DeclaredScale(
        id=draw(ids),
        kind=kind,
        levels=levels,
        name=draw(_optional(st.sampled_from(("Newsroom rating", "Desk confidence")) | texts())),
        extensions=draw(_extensions_or_none(allow_extensions)),
    )


# -- verdicts ------------------------------------------------------------------------

_rating_labels = st.sampled_from(("True", "Mostly true", "Half true", "Mostly false", "False"))


@_cached
def ratings(
    *, scales: SearchStrategy[str | None] | None = None, allow_extensions: bool = True
) -> SearchStrategy[Rating]:
    """Ratings with a label and, or not, a value between a worst and a best that differ
    (either may be the higher, at the edges of what JSON libraries write alike);
    ``scales`` draws the scale id (the default: none, or an ``x-`` id)."""
    return _ratings(
        scales=_optional(st.just("x-newsroom")) if scales is None else scales,
        allow_extensions=allow_extensions,
    )


@_cached
@st.composite
def _ratings(
    draw: st.DrawFn, *, scales: SearchStrategy[str | None], allow_extensions: bool
) -> Rating:
    numbers: dict[str, Any] = {}
    if draw(st.booleans()):
        low, middle, high = sorted(draw(st.lists(_figures, min_size=3, max_size=3)))
        if low == high:  # best and worst differ
            low, middle, high = 1, draw(st.sampled_from((1, 2.5, 5))), 5
        worst, best = draw(st.permutations((low, high)))
        numbers = {"value": middle, "best": best, "worst": worst}
    return Rating(
        label=draw(_rating_labels | texts()),
        **numbers,
        scale=draw(scales),
        extensions=draw(_extensions_or_none(allow_extensions)),
    )


@_cached
def verdicts(
    *,
    ids: SearchStrategy[str] | None = None,
    reviewers: SearchStrategy[str] | None = None,
    reviews: SearchStrategy[tuple[str, ...]] | None = None,
    ratings: SearchStrategy[Rating] | None = None,
    evidence: SearchStrategy[Evidence] | None = None,
    dates: SearchStrategy[PartialDate | None] | None = None,
    max_evidence: int = 2,
    allow_extensions: bool = True,
) -> SearchStrategy[Verdict]:
    """Verdicts: ``reviewers`` draws the reviewing source's id, ``reviews`` the ids of the
    assertions reviewed (at least one, each once), the other options the parts, up to
    ``max_evidence`` pieces of evidence."""
    _check_size("max_evidence", max_evidence, 0)
    return st.builds(
        Verdict,
        id=identifiers() if ids is None else ids,
        reviewer=identifiers() if reviewers is None else reviewers,
        reviews=(
            st.lists(identifiers(), min_size=1, max_size=3, unique=True).map(tuple)
            if reviews is None
            else reviews
        ),
        rating=_ratings_default(allow_extensions=allow_extensions) if ratings is None else ratings,
        date=_optional(partial_dates()) if dates is None else dates,
        url=_optional(_urls),
        explanation=_optional(texts()),
        evidence=st.lists(
            _evidence_default() if evidence is None else evidence, max_size=max_evidence
        ).map(tuple),
        extensions=_extensions_or_none(allow_extensions),
    )


# -- sources -------------------------------------------------------------------------


@_cached
def roles(
    *,
    organizations: SearchStrategy[str | None] | None = None,
    min_year: int = 1,
    max_year: int = 9999,
    allow_extensions: bool = True,
    allow_time_zones: bool = True,
) -> SearchStrategy[Role]:
    """Offices held, at an organization from ``organizations`` (a source id or ``None``),
    with a start that, when both are given, is years before the end."""
    _check_years(min_year, max_year)
    return _roles(
        organizations=_optional(identifiers()) if organizations is None else organizations,
        min_year=min_year,
        max_year=max_year,
        allow_extensions=allow_extensions,
        allow_time_zones=allow_time_zones,
    )


@_cached
@st.composite
def _roles(
    draw: st.DrawFn,
    *,
    organizations: SearchStrategy[str | None],
    min_year: int,
    max_year: int,
    allow_extensions: bool,
    allow_time_zones: bool,
) -> Role:
    start, end = _draw_period(draw, min_year, max_year, allow_time_zones)
    return Role(
        office=draw(st.sampled_from(("spokesman", "minister", "sculptor")) | texts()),
        organization=draw(organizations),
        start=start,
        end=end,
        extensions=draw(_extensions_or_none(allow_extensions)),
    )


def _draw_period(
    draw: st.DrawFn, min_year: int, max_year: int, allow_time_zones: bool
) -> tuple[PartialDate | None, PartialDate | None]:
    if max_year - min_year < 2:
        start = draw(
            _optional(
                partial_dates(
                    min_year=min_year, max_year=max_year, allow_time_zones=allow_time_zones
                )
            )
        )
        return start, None
    start, end = draw(
        _chronological(
            count=2, min_year=min_year, max_year=max_year, allow_time_zones=allow_time_zones
        )
    )
    return start, end


@_cached
def affiliations(
    *,
    targets: SearchStrategy[str] | None = None,
    kinds: SearchStrategy[AffiliationKind] | None = None,
    min_year: int = 1,
    max_year: int = 9999,
    allow_extensions: bool = True,
    allow_time_zones: bool = True,
) -> SearchStrategy[Affiliation]:
    """Affiliations with a ``kind`` and a ``target`` source id, and a start that, when
    both are given, is years before the end."""
    _check_years(min_year, max_year)
    return _affiliations(
        targets=identifiers() if targets is None else targets,
        kinds=st.sampled_from(AffiliationKind) if kinds is None else kinds,
        min_year=min_year,
        max_year=max_year,
        allow_extensions=allow_extensions,
        allow_time_zones=allow_time_zones,
    )


@_cached
@st.composite
def _affiliations(
    draw: st.DrawFn,
    *,
    targets: SearchStrategy[str],
    kinds: SearchStrategy[AffiliationKind],
    min_year: int,
    max_year: int,
    allow_extensions: bool,
    allow_time_zones: bool,
) -> Affiliation:
    start, end = _draw_period(draw, min_year, max_year, allow_time_zones)
    return Affiliation(
        kind=draw(kinds),
        target=draw(targets),
        start=start,
        end=end,
        extensions=draw(_extensions_or_none(allow_extensions)),
    )


_SOURCE_TYPES: dict[SourceKind, type[Source]] = {
    SourceKind.PERSON: Person,
    SourceKind.ORGANIZATION: Organization,
    SourceKind.GOVERNMENT_BODY: GovernmentBody,
    SourceKind.MEDIA_OUTLET: MediaOutlet,
    SourceKind.DOCUMENT: Document,
    SourceKind.ANONYMOUS: AnonymousSource,
    SourceKind.COLLECTIVE: Collective,
}


@_cached
def sources(
    *,
    kinds: SearchStrategy[SourceKind] | None = None,
    ids: SearchStrategy[str] | None = None,
    references: SearchStrategy[str] | None = None,
    min_year: int = 1,
    max_year: int = 9999,
    allow_extensions: bool = True,
    allow_time_zones: bool = True,
) -> SearchStrategy[Source]:
    """Sources of every kind (or of ``kinds``), with the fields of their kind.

    ``ids`` draws the source's id and ``references`` the ids it points to (role
    organizations, affiliation targets, assessors, authors, publisher, members).
    """
    _check_years(min_year, max_year)
    return _sources(
        kinds=st.sampled_from(SourceKind) if kinds is None else kinds,
        ids=identifiers() if ids is None else ids,
        references=identifiers() if references is None else references,
        min_year=min_year,
        max_year=max_year,
        allow_extensions=allow_extensions,
        allow_time_zones=allow_time_zones,
    )


_source_texts = st.sampled_from(("RIA Novosti", "Vladimir Putin", "officials")) | texts()


@_cached
@st.composite
def _sources(
    draw: st.DrawFn,
    *,
    kinds: SearchStrategy[SourceKind],
    ids: SearchStrategy[str],
    references: SearchStrategy[str] | None,
    min_year: int,
    max_year: int,
    allow_extensions: bool,
    allow_time_zones: bool,
) -> Source:
    """A source; ``references`` is ``None`` when there is nothing it may refer to."""

    def some(max_size: int) -> tuple[str, ...]:
        if references is None:
            return ()
        return tuple(draw(st.lists(references, max_size=max_size, unique=True)))

    maybe: SearchStrategy[str | None] = st.none() if references is None else _optional(references)
    kind = draw(kinds)
    fields: dict[str, Any] = {
        "id": draw(ids),
        "name": draw(_optional(_source_texts)),
        "aliases": tuple(draw(st.lists(texts(), max_size=2, unique=True))),
        "identifiers": tuple(draw(st.lists(external_identifiers(), max_size=2, unique=True))),
        "description": draw(_optional(texts())),
        "roles": tuple(
            draw(
                st.lists(
                    roles(
                        organizations=maybe,
                        min_year=min_year,
                        max_year=max_year,
                        allow_extensions=allow_extensions,
                        allow_time_zones=allow_time_zones,
                    ),
                    max_size=2,
                )
            )
        ),
        "affiliations": ()
        if references is None
        else tuple(
            draw(
                st.lists(
                    affiliations(
                        targets=references,
                        min_year=min_year,
                        max_year=max_year,
                        allow_extensions=allow_extensions,
                        allow_time_zones=allow_time_zones,
                    ),
                    max_size=2,
                )
            )
        ),
        "reliability": draw(
            _optional(
                confidences(
                    kinds=(ScaleKind.RELIABILITY,),
                    assessors=maybe,
                    allow_extensions=allow_extensions,
                )
            )
        ),
        "draft": draw(_drafts_or_none(allow_extensions)),
        "extensions": draw(_extensions_or_none(allow_extensions)),
    }
    if kind is SourceKind.GOVERNMENT_BODY:
        fields["jurisdiction"] = draw(_optional(st.sampled_from(("Russia", "Україна")) | texts()))
    if kind in (SourceKind.MEDIA_OUTLET, SourceKind.DOCUMENT):
        fields["url"] = draw(_optional(st.just("https://example.org/") | texts()))
    if kind is SourceKind.DOCUMENT:
        fields["published"] = draw(
            _optional(
                partial_dates(
                    min_year=min_year, max_year=max_year, allow_time_zones=allow_time_zones
                )
            )
        )
        if fields["published"] is not None:
            fields["published_certainty"] = draw(_certainties)
        fields["authors"] = some(2)
        fields["publisher"] = draw(maybe)
        fields["language"] = draw(_optional(_languages))
        fields["text"] = draw(_optional(texts(max_size=16)))
    if kind is SourceKind.COLLECTIVE:
        fields["members"] = some(3)
    if kind is SourceKind.ANONYMOUS:
        fields["count"] = draw(_optional(st.integers(1, 10**6)))
        fields["ground_rule"] = draw(_optional(st.sampled_from(GroundRule)))
        fields["independent"] = draw(st.booleans())
    return _SOURCE_TYPES[kind](**fields)


# -- bundles -------------------------------------------------------------------------


@_cached
def bundles(
    *,
    max_sources: int = 3,
    max_claims: int = 2,
    min_assertions: int = 0,
    max_assertions: int = 3,
    max_relations: int = 2,
    max_verdicts: int = 1,
    max_scales: int = 1,
    min_year: int = 1,
    max_year: int = 9999,
    allow_extensions: bool = True,
    allow_time_zones: bool = True,
) -> SearchStrategy[Bundle]:
    """Referentially valid bundles of up to the given numbers of each part
    (and at least ``min_assertions`` assertions).

    Every id is unique (across kinds, too); every reference — a claim's parties, an
    assertion's claim, its attribution's source and chain, assessors, hedge voices, evidence
    documents, role organizations, affiliation targets, authors, publishers,
    members, relation ends, verdicts' reviewers and the assertions they review — names an
    object of the bundle, of a fitting kind (a translation or paraphrase joins two claims,
    a verdict reviews assertions of one claim, dated, if at all, in a later year than
    every one of them).
    Chains never repeat a source, ``part-of``/``controlled-by`` (indeed all)
    affiliations form no cycle, no source is affiliated with itself.  Dates
    fall between ``min_year`` and ``max_year``; every date but a verdict's is years
    before the bundle's ``published`` date, a role or affiliation starts years before it
    ends, and an assertion's date comes before the dates of its chain's links,
    which follow each other in order.  Spans lie within the text they index, and
    a hedge's cue or an evidence quote with a span is the text the span covers.
    """
    _check_size("max_sources", max_sources, 0)
    _check_size("max_claims", max_claims, 0)
    _check_size("min_assertions", min_assertions, 0)
    _check_size("max_assertions", max_assertions, min_assertions)
    if min_assertions and not (max_sources and max_claims):
        raise InvalidArgument("assertions need max_sources and max_claims of at least 1")
    _check_size("max_relations", max_relations, 0)
    _check_size("max_verdicts", max_verdicts, 0)
    _check_size("max_scales", max_scales, 0)
    _check_years(min_year, max_year)
    if max_year - min_year < 16:
        raise InvalidArgument(
            f"bundles need a span of at least 16 years to order their dates, "
            f"not {min_year}..{max_year}"
        )
    return _bundles(
        max_sources=max_sources,
        max_claims=max_claims,
        min_assertions=min_assertions,
        max_assertions=max_assertions,
        max_relations=max_relations,
        max_verdicts=max_verdicts,
        max_scales=max_scales,
        min_year=min_year,
        max_year=max_year,
        allow_extensions=allow_extensions,
        allow_time_zones=allow_time_zones,
    )


_REFERABLE_KINDS = {
    "organization": (SourceKind.ORGANIZATION, SourceKind.GOVERNMENT_BODY, SourceKind.MEDIA_OUTLET),
    "author": (
        SourceKind.PERSON,
        SourceKind.ORGANIZATION,
        SourceKind.ANONYMOUS,
        SourceKind.COLLECTIVE,
    ),
    "publisher": (SourceKind.MEDIA_OUTLET, SourceKind.ORGANIZATION, SourceKind.GOVERNMENT_BODY),
    "member": (
        SourceKind.PERSON,
        SourceKind.ORGANIZATION,
        SourceKind.GOVERNMENT_BODY,
        SourceKind.MEDIA_OUTLET,
        SourceKind.ANONYMOUS,
    ),
}


def _pick(draw: st.DrawFn, choices: Sequence[str]) -> str | None:
    return draw(_optional(_choice(tuple(choices)))) if choices else None


def _pick_some(draw: st.DrawFn, choices: Sequence[str], max_size: int) -> tuple[str, ...]:
    if not choices:
        return ()
    return tuple(draw(st.lists(_choice(tuple(choices)), max_size=max_size, unique=True)))


@st.composite
def _bundles(
    draw: st.DrawFn,
    *,
    max_sources: int,
    max_claims: int,
    min_assertions: int,
    max_assertions: int,
    max_relations: int,
    max_verdicts: int,
    max_scales: int,
    min_year: int,
    max_year: int,
    allow_extensions: bool,
    allow_time_zones: bool,
) -> Bundle:
    exts = _extensions_or_none(allow_extensions)
    published = draw(
        _optional(
            partial_dates(
                min_year=min_year + 16, max_year=max_year, allow_time_zones=allow_time_zones
            )
        )
    )
    # Every other date lies at least two years before ``published``.
    last_year = max_year if published is None else published.year - 2

    least = 1 if min_assertions else 0
    n_sources = draw(st.integers(least, max_sources))
    n_claims = draw(st.integers(least, max_claims))
    n_assertions = (
        draw(st.integers(min_assertions, max_assertions)) if n_sources and n_claims else 0
    )
    n_relations = draw(st.integers(0, max_relations))
    n_verdicts = draw(st.integers(0, max_verdicts)) if n_assertions else 0
    n_ids = n_sources + n_claims + n_assertions + n_relations + n_verdicts + 1
    ids = draw(st.lists(identifiers(), unique=True, min_size=n_ids, max_size=n_ids))
    source_ids, ids = ids[:n_sources], ids[n_sources:]
    claim_ids, ids = ids[:n_claims], ids[n_claims:]
    assertion_ids, ids = ids[:n_assertions], ids[n_assertions:]
    relation_ids, ids = ids[:n_relations], ids[n_relations:]
    verdict_ids, bundle_id = ids[:n_verdicts], ids[n_verdicts]
    used = set(source_ids) | set(assertion_ids) | set(relation_ids) | set(verdict_ids)
    used.add(bundle_id)

    # Sources, built so that each refers only to sources built before it (no
    # cycles of any kind), then shuffled.
    kinds = [draw(st.sampled_from(SourceKind)) for _ in source_ids]
    the_document = draw(
        _optional(st.sampled_from([i for i, k in enumerate(kinds) if k is SourceKind.DOCUMENT]))
        if SourceKind.DOCUMENT in kinds
        else st.none()
    )
    language = draw(_optional(_languages))
    built = _bundle_sources(
        draw,
        source_ids=source_ids,
        kinds=kinds,
        the_document=the_document,
        published=published,
        language=language,
        min_year=min_year,
        max_year=last_year,
        allow_extensions=allow_extensions,
        allow_time_zones=allow_time_zones,
    )
    shuffled: list[Source] = draw(st.permutations(built)) if built else []
    documents_with_text = {
        source.id: source.text
        for source in built
        if isinstance(source, Document) and source.text is not None
    }
    document_id = source_ids[the_document] if the_document is not None else None

    # Claims: derived ids where they are new, otherwise one of the drawn ids.
    claim_list: list[Claim] = []
    for claim_id in claim_ids:
        claim = draw(claims(ids=st.none() | st.just(claim_id), allow_extensions=allow_extensions))
        if claim.id != claim_id and claim.id in used:
            claim = _evolve(claim, id=claim_id)
        claim = _evolve(claim, parties=_pick_some(draw, source_ids, 2))
        used.add(claim.id)
        claim_list.append(claim)
    final_claim_ids = [claim.id for claim in claim_list]

    # Assertions.
    assertion_list = [
        _bundle_assertion(
            draw,
            assertion_id=assertion_id,
            claim_ids=final_claim_ids,
            source_ids=source_ids,
            document_id=document_id,
            documents_with_text=documents_with_text,
            min_year=min_year,
            max_year=last_year,
            allow_extensions=allow_extensions,
            allow_time_zones=allow_time_zones,
        )
        for assertion_id in assertion_ids
    ]
    assertion_list = _with_revisions(draw, assertion_list)

    declared, assertion_list = _bundle_scales(draw, assertion_list, max_scales, allow_extensions)
    rating_scales = tuple(scale for scale in declared if scale.kind is ScaleKind.RATING)

    # Relations between two different assertions or two different claims.
    pools = [pool for pool in ([a.id for a in assertion_list], final_claim_ids) if len(pool) > 1]
    relation_list: list[Relation] = []
    seen: set[tuple[RelationKind, str, str]] = set()
    for relation_id in relation_ids if pools else []:
        pool = draw(st.sampled_from(pools))
        subject, obj = draw(st.permutations(pool))[:2]
        relation = draw(
            relations(
                ids=st.just(relation_id),
                subjects=st.just(subject),
                objects=st.just(obj),
                allow_extensions=allow_extensions,
            )
        )
        if relation.kind in _RENDERINGS and pool is not final_claim_ids:
            relation = _evolve(relation, kind=RelationKind.SAME_AS)  # renderings join claims
        if (relation.kind, subject, obj) not in seen:
            seen.add((relation.kind, subject, obj))
            relation_list.append(relation)

    verdict_list = [
        _bundle_verdict(
            draw,
            verdict_id=verdict_id,
            assertions=assertion_list,
            source_ids=source_ids,
            document_id=document_id,
            documents_with_text=documents_with_text,
            rating_scales=rating_scales,
            min_year=min_year,
            max_year=max_year,
            allow_extensions=allow_extensions,
            allow_time_zones=allow_time_zones,
        )
        for verdict_id in verdict_ids
    ]

    return Bundle(
        schema=draw(_optional(schema_uris())),
        id=draw(_optional(st.just(bundle_id))),
        title=draw(_optional(texts())),
        published=published,
        published_certainty=None if published is None else draw(_certainties),
        document=document_id,
        language=language,
        scales=tuple(declared),
        sources=tuple(shuffled),
        claims=tuple(claim_list),
        assertions=tuple(assertion_list),
        relations=tuple(relation_list),
        verdicts=tuple(verdict_list),
        extensions=draw(exts),
    )


def _bundle_sources(
    draw: st.DrawFn,
    *,
    source_ids: list[str],
    kinds: list[SourceKind],
    the_document: int | None,
    published: PartialDate | None,
    language: str | None,
    min_year: int,
    max_year: int,
    allow_extensions: bool,
    allow_time_zones: bool,
) -> list[Source]:
    """The sources of a bundle, each referring only to sources before it (so no cycles)."""
    built: list[Source] = []
    for index, (source_id, kind) in enumerate(zip(source_ids, kinds, strict=True)):
        earlier = list(zip(source_ids[:index], kinds[:index], strict=True))
        targets = [s for s, k in earlier if k is not SourceKind.DOCUMENT]

        def earlier_of(role: str, earlier: list[tuple[str, SourceKind]] = earlier) -> list[str]:
            return [s for s, k in earlier if k in _REFERABLE_KINDS[role]]

        source = draw(
            _sources(
                kinds=_choice((kind,)),
                ids=_choice((source_id,)),
                references=_choice(tuple(targets)) if targets else None,
                min_year=min_year,
                max_year=max_year,
                allow_extensions=allow_extensions,
                allow_time_zones=allow_time_zones,
            )
        )
        organizations = earlier_of("organization")
        fixed: dict[str, Any] = {
            "roles": tuple(
                role
                if role.organization is None or role.organization in organizations
                else _evolve(role, organization=_pick(draw, organizations))
                for role in source.roles
            ),
            "reliability": None
            if source.reliability is None
            else _evolve(source.reliability, assessor=_pick(draw, source_ids)),
        }
        if isinstance(source, Document):
            fixed["authors"] = _pick_some(draw, earlier_of("author"), 2)
            fixed["publisher"] = _pick(draw, earlier_of("publisher"))
            if index == the_document:
                fixed["published"] = published
                fixed["published_certainty"] = None if published is None else draw(_certainties)
                fixed["language"] = language
        if isinstance(source, Collective):
            fixed["members"] = _pick_some(draw, earlier_of("member"), 3)
        built.append(_evolve(source, **fixed))
    return built


def _bundle_assertion(
    draw: st.DrawFn,
    *,
    assertion_id: str,
    claim_ids: list[str],
    source_ids: list[str],
    document_id: str | None,
    documents_with_text: dict[str, str],
    min_year: int,
    max_year: int,
    allow_extensions: bool,
    allow_time_zones: bool,
) -> Assertion:
    """One assertion of a bundle, its dates in order: the statement, then each relay."""
    document_text = documents_with_text.get(document_id) if document_id is not None else None
    attribution = draw(
        attributions(
            sources=_choice(tuple(source_ids)),
            max_chain=min(3, len(source_ids) - 1),
            dates=st.none(),
            allow_extensions=allow_extensions,
        )
    )
    dates = draw(
        _chronological(
            count=1 + len(attribution.chain),
            min_year=min_year,
            max_year=max_year,
            allow_time_zones=allow_time_zones,
        )
    )
    attribution = _evolve(
        _evolve(attribution, **draw(_cue_in(document_text))),
        chain=tuple(
            _evolve(link, date=date, **draw(_cue_in(document_text)))
            for link, date in zip(attribution.chain, dates[1:], strict=True)
        ),
    )
    sources = tuple(source_ids)
    return Assertion(
        id=assertion_id,
        claim=draw(_choice(tuple(claim_ids))),
        attribution=attribution,
        confidence=draw(
            confidences(
                kinds=_ASSERTION_SCALE_KINDS,
                assessors=_optional(_choice(sources)),
                allow_extensions=allow_extensions,
            )
        ),
        stance=draw(_stances),
        hedges=tuple(
            draw(st.lists(_hedges_in(document_text, sources, allow_extensions), max_size=2))
        ),
        date=dates[0],
        **draw(_bounds_of(dates[0])),
        occasion=draw(_optional(occasions(allow_extensions=allow_extensions))),
        mode=draw(st.sampled_from(AssertionMode)),
        evidence=tuple(
            draw(
                st.lists(
                    _evidence_in(
                        tuple(sorted(documents_with_text.items())),
                        document_id,
                        allow_extensions,
                        _optional(
                            partial_dates(
                                min_year=min_year,
                                max_year=max_year,
                                allow_time_zones=allow_time_zones,
                            )
                        ),
                    ),
                    max_size=2,
                )
            )
        ),
        draft=draw(_drafts_or_none(allow_extensions)),
        extensions=draw(_extensions_or_none(allow_extensions)),
    )


def _bundle_verdict(
    draw: st.DrawFn,
    *,
    verdict_id: str,
    assertions: list[Assertion],
    source_ids: list[str],
    document_id: str | None,
    documents_with_text: dict[str, str],
    rating_scales: tuple[DeclaredScale, ...],
    min_year: int,
    max_year: int,
    allow_extensions: bool,
    allow_time_zones: bool,
) -> Verdict:
    """A verdict on some assertions of one claim, dated (if at all) two years or more after
    theirs."""
    claim = draw(_choice(tuple(sorted({a.claim for a in assertions}))))
    of_claim = tuple(a.id for a in assertions if a.claim == claim)
    reviews = tuple(draw(st.lists(_choice(of_claim), min_size=1, max_size=2, unique=True)))
    reviewed = [a for a in assertions if a.id in reviews]
    years = [
        date.year
        for a in reviewed
        for date in (a.date, a.earliest, a.latest, *(link.date for link in a.attribution.chain))
        if date is not None
    ]
    first_year = max(years, default=min_year - 2) + 2
    dates: SearchStrategy[PartialDate | None] = st.none()
    if first_year <= max_year:
        dates = _optional(
            partial_dates(min_year=first_year, max_year=max_year, allow_time_zones=allow_time_zones)
        )
    return draw(
        verdicts(
            ids=st.just(verdict_id),
            reviewers=_choice(tuple(source_ids)),
            reviews=st.just(reviews),
            evidence=_evidence_in(
                tuple(sorted(documents_with_text.items())),
                document_id,
                allow_extensions,
                _optional(
                    partial_dates(
                        min_year=min_year, max_year=max_year, allow_time_zones=allow_time_zones
                    )
                ),
            ),
            ratings=_declared_ratings(rating_scales, allow_extensions=allow_extensions),
            dates=dates,
            allow_extensions=allow_extensions,
        )
    )


def _bundle_scales(
    draw: st.DrawFn, assertions: list[Assertion], max_scales: int, allow_extensions: bool
) -> tuple[list[DeclaredScale], list[Assertion]]:
    """Scales the bundle declares, and its assertions, some of them judged on those scales."""
    declared = draw(
        st.lists(
            declared_scales(allow_extensions=allow_extensions),
            max_size=max_scales,
            unique_by=lambda scale: scale.id,
        )
    )
    graded = tuple(scale for scale in declared if scale.kind is not ScaleKind.RATING)
    if graded:
        assertions = [
            _evolve(assertion, confidence=draw(_declared_confidences(graded)))
            if draw(st.booleans())
            else assertion
            for assertion in assertions
        ]
    return declared, assertions


def _declared_ratings(
    scales: tuple[DeclaredScale, ...], *, allow_extensions: bool
) -> SearchStrategy[Rating]:
    """Ratings on no scale or an ``x-`` one, or a label of one of ``scales`` on it."""
    plain = ratings(allow_extensions=allow_extensions)
    if not scales:
        return plain
    on_declared = (
        _choice(scales)
        .flatmap(
            lambda scale: st.tuples(
                st.just(scale.id), _choice(tuple(level.label for level in scale.levels))
            )
        )
        .flatmap(
            lambda pair: ratings(scales=st.just(pair[0]), allow_extensions=allow_extensions).map(
                lambda rating: _evolve(rating, label=pair[1])
            )
        )
    )
    return plain | on_declared


@_cached
@st.composite
def _declared_confidences(draw: st.DrawFn, scales: tuple[DeclaredScale, ...]) -> Confidence:
    """A confidence at a level of one of ``scales``, with the band it stands for."""
    scale = draw(_choice(scales))
    level = draw(_choice(scale.levels))
    return Confidence(scale=scale.id, level=level.label, probability=level.band)


def _with_revisions(draw: st.DrawFn, assertions: list[Assertion]) -> list[Assertion]:
    """Some assertions retract or correct one made before them (so revisions never go in a
    circle); a retraction is of the same claim, and a revision of a dated assertion is
    undated, so that it is never dated before what it revises."""
    revised: list[Assertion] = []
    for index, assertion in enumerate(assertions):
        how = draw(st.sampled_from(("", "", "retracts", "corrects"))) if index else ""
        if not how:
            revised.append(assertion)
            continue
        earlier = revised[draw(st.integers(0, index - 1))]
        changes: dict[str, Any] = {how: earlier.id}
        if how == "retracts":
            changes["claim"] = earlier.claim
        if earlier.date is not None:  # left undated rather than risk revising the past
            changes.update(date=None, earliest=None, latest=None)
        revised.append(_evolve(assertion, **changes))
    return revised


def _evolve(instance: _T, **changes: Any) -> _T:
    return attrs.evolve(instance, **changes)  # type: ignore[misc]


def _bounds_of(date: PartialDate | None) -> SearchStrategy[dict[str, Any]]:
    """Bounds around a statement's ``date``: its year, either side or both (none undated)."""
    if date is None:
        return st.just({})
    # Validation reads a date without an offset as local time, within −12 h … +14 h of
    # UTC: a date at a wider offset near a year's end lies outside its own year so read.
    offset = date.tz.utcoffset(None) if date.tz is not None else None
    if offset is not None and not dt.timedelta(hours=-12) <= offset <= dt.timedelta(hours=14):
        return st.just({})
    year = PartialDate(year=date.year)
    return st.fixed_dictionaries({}, optional={"earliest": st.just(year), "latest": st.just(year)})


@_cached
def _cue_in(text: str | None) -> SearchStrategy[dict[str, Any]]:
    """A cue's span within ``text`` with the words it covers, or no span (the cue kept)."""
    none: SearchStrategy[dict[str, Any]] = st.just({"cue_span": None})
    if text is None:
        return none
    spanned = spans(length=len(text)).map(
        lambda span: (
            {"cue_span": span, "cue": span.of(text)}
            if not span.of(text).isspace()
            else {"cue_span": None}
        )
    )
    return none | spanned


@_cached
def _hedges_in(
    text: str | None, source_ids: tuple[str, ...], allow_extensions: bool
) -> SearchStrategy[Hedge]:
    """Hedges voiced by sources of the bundle, their spans (if any) covering their cue."""
    voices = _optional(_choice(source_ids))
    plain = hedges(voices=voices, spans=st.none(), allow_extensions=allow_extensions)
    if text is None:
        return plain
    spanned = st.tuples(plain, spans(length=len(text))).map(
        lambda pair: (
            _evolve(pair[0], span=pair[1], cue=pair[1].of(text))
            if not pair[1].of(text).isspace()
            else pair[0]
        )
    )
    return plain | spanned


@_cached
def _evidence_in(
    document_texts: tuple[tuple[str, str], ...],
    document_id: str | None,
    allow_extensions: bool,
    dates: SearchStrategy[PartialDate | None],
) -> SearchStrategy[Evidence]:
    """Evidence whose spans lie within the text of the document they index into."""
    plain = evidence(
        documents=st.none() if document_id is None else st.just(document_id),
        spans=st.none(),
        dates=dates,
        allow_extensions=allow_extensions,
    )
    texts_by_document = dict(document_texts)
    choices: list[tuple[str | None, str]] = list(document_texts)
    if document_id is not None and document_id in texts_by_document:
        choices.append((None, texts_by_document[document_id]))
    if not choices:
        return plain
    documents = _choice(tuple(choices))

    @st.composite
    def spanned(draw: st.DrawFn) -> Evidence:
        document, text = draw(documents)
        span = draw(spans(length=len(text)))
        covered = span.of(text)
        quoted = draw(st.booleans()) and not covered.isspace()
        return Evidence(
            quote=covered if quoted else None,
            span=span,
            document=document,
            url=draw(_optional(_urls)),
            **draw(_quotations(quoted=True)),
            **draw(_found(dates)),
            extensions=draw(_extensions_or_none(allow_extensions)),
        )

    return plain | spanned()


# The options of assertions() shadow these names inside it.
_attributions_default = attributions
_confidences_default = confidences
_hedges_default = hedges
_evidence_default = evidence
_ratings_default = ratings
