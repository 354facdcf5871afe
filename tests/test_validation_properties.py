"""Properties of ``claimmodel.validate`` over generated bundles.

Every rule has a breaker: a function that takes a valid bundle and breaks exactly
that rule, returning the path where the finding must appear.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimmodel import (
    CANNOT_BE_JUDGED,
    Affiliation,
    AffiliationKind,
    AnonymousSource,
    Assertion,
    Attribution,
    Bundle,
    Channel,
    Claim,
    Collective,
    Confidence,
    Document,
    Draft,
    Evidence,
    EvidenceKind,
    GovernmentBody,
    Hedge,
    HedgeCategory,
    Identifier,
    IdentifierScheme,
    Interval,
    Link,
    MediaOutlet,
    Organization,
    PartialDate,
    Person,
    Rating,
    Relation,
    RelationKind,
    Role,
    Severity,
    Source,
    Span,
    Verdict,
    validate,
)
from claimmodel.model import SCALES, Quantity
from claimmodel.strategies import evidence as evidence_of_any_kind
from claimmodel.strategies import quantities, ratings
from claimmodel.validation import MAX_CHAIN_LENGTH, RULES, Family, _report

# -- a generator of bundles that break no rule ----------------------------------------

_TEXT = st.text(alphabet="abcdefgh ", min_size=20, max_size=60).filter(lambda t: t.strip())
_CHANNELS = [c for c in Channel if c is not Channel.UNSPECIFIED]
_PROBABILITY_LEVELS = [
    (scale.id, level.label, level.band, level.low_open, level.high_open)
    for scale in SCALES.values()
    if not scale.open
    for level in scale.levels
    if level.judged
]


@st.composite
def confidences(draw: st.DrawFn, source_ids: list[str]) -> Confidence:
    """A confidence that agrees with its scale, sometimes assessed by a known source."""
    scale, level, band, low_open, high_open = draw(st.sampled_from(_PROBABILITY_LEVELS))
    probability = None
    if band is not None:  # inside the band, its open bounds excluded ("more than 50 %")
        low = draw(st.floats(band.low, band.high, exclude_min=low_open, exclude_max=high_open))
        high = draw(st.floats(low, band.high, exclude_max=high_open))
        probability = Interval(low=low, high=high)
    elif draw(st.booleans()):
        level = draw(st.sampled_from((CANNOT_BE_JUDGED, "cannot-be-judged")))
    assessor = draw(st.none() | st.sampled_from(source_ids))
    basis = draw(st.none() | st.just("field reporting"))
    return Confidence(
        scale=scale, level=level, probability=probability, assessor=assessor, basis=basis
    )


def _source(kind: int, source_id: str, text: str, others: list[str]) -> Source:
    """A source of one of the kinds; "doc" is the bundle's document, written by the others."""
    if source_id == "doc":
        published = PartialDate(year=2025, month=11, day=25)
        return Document(id="doc", text=text, published=published, authors=tuple(others[:1]))
    classes: list[type[Source]] = [
        Person,
        Organization,
        GovernmentBody,
        MediaOutlet,
        AnonymousSource,
        Collective,
    ]
    cls = classes[kind % len(classes)]
    if cls is Collective:
        return Collective(id=source_id, members=tuple(o for o in others if o != source_id))
    return cls(id=source_id)


@st.composite
def valid_bundles(draw: st.DrawFn) -> Bundle:
    """A bundle every rule accepts (warnings aside): ids resolve, dates and spans agree."""
    text = draw(_TEXT)
    count = draw(st.integers(2, 6))
    ids = ["doc", *(f"s{i}" for i in range(1, count))]
    kinds = draw(st.lists(st.integers(0, 5), min_size=count, max_size=count))
    sources = [_source(kind, sid, text, ids[1:]) for kind, sid in zip(kinds, ids, strict=True)]
    for index in range(1, count - 1):  # affiliations point forward only: no cycle
        if draw(st.booleans()):
            target = ids[draw(st.integers(index + 1, count - 1))]
            kind = draw(st.sampled_from(AffiliationKind))
            start = PartialDate(year=draw(st.integers(1990, 2010)))
            end = draw(st.none() | st.just(PartialDate(year=2020)))
            affiliation = Affiliation(kind=kind, target=target, start=start, end=end)
            role = Role(office="spokesperson", organization=target, start=start, end=end)
            sources[index] = sources[index].with_affiliation(affiliation).with_role(role)
    claims = [
        Claim(
            id=f"c{i}",
            text=draw(_TEXT),
            parties=tuple(draw(st.lists(st.sampled_from(ids), unique=True, max_size=2))),
            quantity=draw(st.none() | quantities()),
        )
        for i in range(draw(st.integers(1, 4)))
    ]
    assertions = []
    for index in range(draw(st.integers(1, 5))):
        speaker, *relays = draw(st.permutations(ids))[: draw(st.integers(1, min(4, count)))]
        chain = tuple(
            Link(
                source=relay,
                channel=draw(st.sampled_from(_CHANNELS)),
                date=PartialDate(year=2023, month=position + 1),
            )
            for position, relay in enumerate(relays)
        )
        first = draw(st.integers(0, len(text) - 1))
        span = Span(start=first, end=draw(st.integers(first + 1, len(text))))
        covered = span.of(text)
        hedges: tuple[Hedge, ...] = ()
        evidence: tuple[Evidence, ...] = ()
        if not covered.isspace():
            evidence = (Evidence(quote=covered, span=span),)
            if draw(st.booleans()):
                category = draw(st.sampled_from(HedgeCategory))
                voice = draw(st.none() | st.sampled_from(ids))
                hedges = (Hedge(cue=covered, category=category, span=span, voiced_by=voice),)
        # Recordings, datasets, files: evidence of any kind, never archived before captured.
        found = st.lists(evidence_of_any_kind(documents=st.none(), spans=st.none()), max_size=1)
        evidence += tuple(draw(found))
        confidence = draw(confidences(ids))
        if hedges and confidence.basis is None:
            confidence = confidence.with_basis("checked against two other reports")
        assertions.append(
            Assertion(
                id=f"a{index}",
                claim=draw(st.sampled_from(claims)).id,
                attribution=Attribution(source=speaker, chain=chain),
                confidence=confidence,
                hedges=hedges,
                evidence=evidence,
                date=draw(st.none() | st.just(PartialDate(year=2022))),
            )
        )
    # Two different ends; a translation or paraphrase joins two claims.
    ends = [a.id for a in assertions] + [c.id for c in claims]
    relations = []
    for i in range(draw(st.integers(0, 2)) if len(ends) > 1 else 0):
        kind = draw(st.sampled_from(RelationKind))
        pool = [c.id for c in claims] if kind in _RENDERINGS else ends
        if len(pool) > 1:
            subject, obj = draw(st.permutations(pool))[:2]
            relations.append(Relation(id=f"r{i}", kind=kind, subject=subject, object=obj))
    # Verdicts on the assertions of one claim, after them, resting on evidence in the text.
    verdicts = []
    for i in range(draw(st.integers(0, 2))):
        claim = draw(st.sampled_from([a.claim for a in assertions]))
        of_claim = [a.id for a in assertions if a.claim == claim]
        reviews = draw(st.lists(st.sampled_from(of_claim), min_size=1, unique=True))
        verdicts.append(
            Verdict(
                id=f"v{i}",
                reviewer=draw(st.sampled_from(ids)),
                reviews=tuple(reviews),
                rating=draw(ratings(scales=st.none() | st.just("x-newsroom"))),
                date=draw(st.none() | st.just(PartialDate(year=2026, month=1))),
                evidence=assertions[0].evidence,
            )
        )
    return Bundle(
        document="doc",
        published=PartialDate(year=2025, month=11, day=25),
        sources=tuple(sources),
        claims=tuple(claims),
        assertions=tuple(assertions),
        relations=tuple(relations),
        verdicts=tuple(verdicts),
    )


# -- breakers: each breaks exactly one rule and says where -----------------------------

Breaker = Callable[[Bundle, st.DataObject], tuple[Bundle, str]]


_RENDERINGS = (RelationKind.TRANSLATION_OF, RelationKind.PARAPHRASE_OF)


def _pick(bundle: Bundle, data: st.DataObject) -> tuple[int, Assertion]:
    index = data.draw(st.integers(0, len(bundle.assertions) - 1), label="assertion")
    return index, bundle.assertions[index]


def _replace(bundle: Bundle, index: int, assertion: Assertion) -> Bundle:
    assertions = list(bundle.assertions)
    assertions[index] = assertion
    return attrs.evolve(bundle, assertions=tuple(assertions))


def _with_confidence(
    bundle: Bundle, data: st.DataObject, confidence: Confidence
) -> tuple[Bundle, int]:
    index, assertion = _pick(bundle, data)
    return _replace(bundle, index, assertion.with_confidence(confidence)), index


def _unknown_attribution_source(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    index, assertion = _pick(bundle, data)
    attribution = attrs.evolve(assertion.attribution, source="ghost")
    broken = _replace(bundle, index, attrs.evolve(assertion, attribution=attribution))
    return broken, f"$.assertions[{index}].attribution.source"


def _unknown_chain_source(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    index, assertion = _pick(bundle, data)
    attribution = assertion.attribution.via(Link(source="ghost", channel=Channel.LEAK))
    broken = _replace(bundle, index, attrs.evolve(assertion, attribution=attribution))
    return broken, f"$.assertions[{index}].attribution.chain[{len(attribution.chain) - 1}].source"


def _unknown_assessor(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    index, assertion = _pick(bundle, data)
    confidence = attrs.evolve(assertion.confidence, assessor="ghost")
    broken = _replace(bundle, index, assertion.with_confidence(confidence))
    return broken, f"$.assertions[{index}].confidence.assessor"


def _repeated_chain_source(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    index, assertion = _pick(bundle, data)
    again = data.draw(st.sampled_from(assertion.attribution.path), label="repeated")
    attribution = assertion.attribution.via(Link(source=again, channel=Channel.INTERVIEW))
    broken = _replace(bundle, index, attrs.evolve(assertion, attribution=attribution))
    return broken, f"$.assertions[{index}].attribution.chain[{len(attribution.chain) - 1}].source"


def _chain_too_long(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    index, assertion = _pick(bundle, data)
    relays = [Person(id=f"relay-{i}") for i in range(MAX_CHAIN_LENGTH + 1)]
    chain = tuple(Link(source=p.id, channel=Channel.CONVERSATION) for p in relays)
    attribution = attrs.evolve(assertion.attribution, chain=chain)
    broken = _replace(bundle, index, attrs.evolve(assertion, attribution=attribution))
    broken = attrs.evolve(broken, sources=(*broken.sources, *relays))
    return broken, f"$.assertions[{index}].attribution.chain"


def _intermediary_without_channel(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    index, assertion = _pick(bundle, data)
    attribution = assertion.attribution.via(Link(source="wire-service"))
    broken = _replace(bundle, index, attrs.evolve(assertion, attribution=attribution))
    broken = broken.with_source(MediaOutlet(id="wire-service"))
    return broken, f"$.assertions[{index}].attribution.chain[{len(attribution.chain) - 1}].channel"


def _recording_as_speaker(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    # "A video the speaker posted shows…": the video made the speaker, the speaker a relay.
    index, assertion = _pick(bundle, data)
    by_evidence = data.draw(st.booleans(), label="url of evidence")
    url = "https://example.org/watch?v=1" if by_evidence else "https://example.org/Speech.MP4"
    shown = (Evidence(kind=EvidenceKind.VIDEO, url=url),) if by_evidence else ()
    posted = Link(source=assertion.source, channel=Channel.SOCIAL_MEDIA)
    attribution = Attribution(source="recording", chain=(posted, *assertion.attribution.chain))
    changed = attrs.evolve(
        assertion, attribution=attribution, evidence=(*assertion.evidence, *shown)
    )
    broken = _replace(bundle, index, changed).with_source(Document(id="recording", url=url))
    return broken, f"$.assertions[{index}].attribution.source"


def _unknown_level(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    scale = data.draw(st.sampled_from(sorted(SCALES)), label="scale")
    broken, index = _with_confidence(bundle, data, Confidence(scale=scale, level="no such level"))
    return broken, f"$.assertions[{index}].confidence.level"


def _probability_outside_band(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    low = data.draw(st.floats(0.0, 0.54), label="low")
    confidence = Confidence(
        scale="icd203", level="likely", probability=Interval(low=low, high=0.6), basis="b"
    )
    broken, index = _with_confidence(bundle, data, confidence)
    return broken, f"$.assertions[{index}].confidence.probability"


def _unjudged_with_probability(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    scale, level = data.draw(
        st.sampled_from([("admiralty-reliability", "F"), ("admiralty-credibility", "6")])
    )
    confidence = Confidence(scale=scale, level=level, probability=Interval.point(0.5))
    broken, index = _with_confidence(bundle, data, confidence)
    return broken, f"$.assertions[{index}].confidence.probability"


def _grade_with_probability(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    scale, level = data.draw(
        st.sampled_from(
            [
                ("icd203-confidence", "high"),
                ("ipcc-confidence", "low"),
                ("admiralty-reliability", "B"),
            ]
        )
    )
    low = data.draw(st.floats(0.0, 1.0), label="low")
    confidence = Confidence(scale=scale, level=level, probability=Interval(low=low, high=1.0))
    broken, index = _with_confidence(bundle, data, confidence)
    return broken, f"$.assertions[{index}].confidence.probability"


def _judged_without_probability(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    broken, index = _with_confidence(bundle, data, Confidence(scale="ipcc", level="likely"))
    return broken, f"$.assertions[{index}].confidence.probability"


def _unknown_scale(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    broken, index = _with_confidence(bundle, data, Confidence(scale="my-scale", level="meh"))
    return broken, f"$.assertions[{index}].confidence.scale"


def _unknown_claim(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    index, assertion = _pick(bundle, data)
    broken = _replace(bundle, index, attrs.evolve(assertion, claim="ghost"))
    return broken, f"$.assertions[{index}].claim"


def _duplicate_id(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    kinds = ["sources", "claims", "assertions", *(["verdicts"] if bundle.verdicts else [])]
    kind = data.draw(st.sampled_from(kinds), label="kind")
    items = getattr(bundle, kind)
    copied = items[data.draw(st.integers(0, len(items) - 1), label="copied")]
    broken = attrs.evolve(bundle, **{kind: (*items, copied)})  # type: ignore[arg-type]
    return broken, f"$.{kind}[{len(items)}].id"


def _unknown_relation_end(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    end = data.draw(st.sampled_from(["subject", "object"]), label="end")
    other = bundle.claims[0].id
    relation = Relation(id="r-new", kind=RelationKind.SUPPORTS, subject=other, object=other)
    broken = bundle.with_relation(attrs.evolve(relation, **{end: "ghost"}))  # type: ignore[arg-type]
    return broken, f"$.relations[{len(bundle.relations)}].{end}"


def _ambiguous_relation_end(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    _, assertion = _pick(bundle, data)
    twin = Claim(id=assertion.id, text="a claim that shares an assertion's id")
    relation = Relation(
        id="r-new", kind=RelationKind.ELABORATES, subject=assertion.id, object=bundle.claims[0].id
    )
    broken = bundle.with_claim(twin).with_relation(relation)
    return broken, f"$.relations[{len(bundle.relations)}].subject"


def _relation_to_itself(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    kind = data.draw(st.sampled_from(RelationKind), label="kind")
    _, assertion = _pick(bundle, data)
    end = data.draw(st.sampled_from([assertion.id, bundle.claims[0].id]), label="item")
    if kind in (RelationKind.TRANSLATION_OF, RelationKind.PARAPHRASE_OF):
        end = bundle.claims[0].id
    relation = Relation(id="r-new", kind=kind, subject=end, object=end)
    return bundle.with_relation(relation), f"$.relations[{len(bundle.relations)}].object"


def _rendering_of_an_assertion(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    kind = data.draw(
        st.sampled_from([RelationKind.TRANSLATION_OF, RelationKind.PARAPHRASE_OF]), label="kind"
    )
    _, assertion = _pick(bundle, data)
    end = data.draw(st.sampled_from(["subject", "object"]), label="end")
    ends = (assertion.id, bundle.claims[0].id)
    subject, obj = ends if end == "subject" else ends[::-1]
    relation = Relation(id="r-new", kind=kind, subject=subject, object=obj)
    return bundle.with_relation(relation), f"$.relations[{len(bundle.relations)}].{end}"


def _unknown_party(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    index = data.draw(st.integers(0, len(bundle.claims) - 1), label="claim")
    claim = bundle.claims[index]
    claims = list(bundle.claims)
    claims[index] = attrs.evolve(claim, parties=(*claim.parties, "ghost"))
    path = f"$.claims[{index}].parties[{len(claim.parties)}]"
    return attrs.evolve(bundle, claims=tuple(claims)), path


def _repeated_party(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    index = data.draw(st.integers(0, len(bundle.claims) - 1), label="claim")
    claim = bundle.claims[index]
    party = data.draw(st.sampled_from([s.id for s in bundle.sources]), label="party")
    claims = list(bundle.claims)
    parties = (*claim.parties, party, party)
    claims[index] = attrs.evolve(claim, parties=parties)
    path = f"$.claims[{index}].parties[{len(parties) - 1}]"
    return attrs.evolve(bundle, claims=tuple(claims)), path


def _with_quantity(bundle: Bundle, index: int, quantity: Quantity) -> Bundle:
    claims = list(bundle.claims)
    claims[index] = attrs.evolve(claims[index], quantity=quantity)
    return attrs.evolve(bundle, claims=tuple(claims))


def _empty_quantity_range(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    index = data.draw(st.integers(0, len(bundle.claims) - 1), label="claim")
    low = data.draw(st.integers(-5, 5), label="low")
    high = data.draw(st.integers(low - 3, low), label="high")
    quantity = Quantity(lower=low, upper=high, upper_exclusive=high == low)
    return _with_quantity(bundle, index, quantity), f"$.claims[{index}].quantity.lower"


def _value_outside_bounds(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    index = data.draw(st.integers(0, len(bundle.claims) - 1), label="claim")
    above = data.draw(st.booleans(), label="above")
    quantity = Quantity(value=3 if above else 0.5, lower=1, upper=2)
    return _with_quantity(bundle, index, quantity), f"$.claims[{index}].quantity.value"


def _measure_in_different_units(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    index = data.draw(st.integers(0, len(bundle.claims) - 1), label="claim")
    quantity = Quantity(measure="m-new", value=1, unit="km")
    other = Claim(id="c-other-unit", text="the same measure in miles", quantity=quantity)
    unit = data.draw(st.sampled_from([None, "mi"]), label="unit")
    broken = _with_quantity(bundle, index, attrs.evolve(quantity, unit=unit))
    return broken.with_claim(other), f"$.claims[{index}].quantity.unit"


def _unknown_related_source(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    index = data.draw(st.integers(0, len(bundle.sources) - 1), label="source")
    source = bundle.sources[index]
    sources = list(bundle.sources)
    sources[index] = source.with_role(Role(office="minister", organization="ghost"))
    broken = attrs.evolve(bundle, sources=tuple(sources))
    return broken, f"$.sources[{index}].roles[{len(source.roles)}].organization"


def _unknown_hedge_voice(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    index, assertion = _pick(bundle, data)
    hedge = Hedge(cue="likely", category=HedgeCategory.EPISTEMIC, voiced_by="ghost")
    broken = _replace(bundle, index, assertion.with_hedge(hedge))
    return broken, f"$.assertions[{index}].hedges[{len(assertion.hedges)}].voiced_by"


_QID = Identifier(scheme=IdentifierScheme.WIKIDATA, value="Q7747")


def _with_source(bundle: Bundle, index: int, source: Source) -> Bundle:
    sources = list(bundle.sources)
    sources[index] = source
    return attrs.evolve(bundle, sources=tuple(sources))


def _repeated_identifier(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    index = data.draw(st.integers(0, len(bundle.sources) - 1), label="source")
    source = attrs.evolve(bundle.sources[index], identifiers=(_QID, _QID))
    return _with_source(bundle, index, source), f"$.sources[{index}].identifiers[1]"


def _shared_identifier(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    first, second = sorted(
        data.draw(st.permutations(range(len(bundle.sources))), label="sources")[:2]
    )
    for index in (first, second):
        bundle = _with_source(bundle, index, bundle.sources[index].with_identifier(_QID))
    return bundle, f"$.sources[{second}].identifiers[0]"


def _unreviewed_draft(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    draft = Draft(by="extractor")
    where = data.draw(st.sampled_from(["sources", "claims", "assertions", "relations"]))
    items = getattr(bundle, where)
    if not items:
        where, items = "claims", bundle.claims
    index = data.draw(st.integers(0, len(items) - 1), label="item")
    changed: list[Any] = list(items)
    changed[index] = attrs.evolve(items[index], draft=draft)
    changes: dict[str, Any] = {where: tuple(changed)}
    return attrs.evolve(bundle, **changes), f"$.{where}[{index}].draft"


def _stale_derived_id(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    index = data.draw(st.integers(0, len(bundle.claims) - 1), label="claim")
    old = bundle.claims[index]
    derived = attrs.evolve(old, id=old.derived_id)
    stale = attrs.evolve(derived, text=f"{old.text} (edited)")
    claims = list(bundle.claims)
    claims[index] = stale
    assertions = tuple(
        attrs.evolve(a, claim=stale.id) if a.claim == old.id else a for a in bundle.assertions
    )
    relations = tuple(
        attrs.evolve(
            r,
            subject=stale.id if r.subject == old.id else r.subject,
            object=stale.id if r.object == old.id else r.object,
        )
        for r in bundle.relations
    )
    changed = attrs.evolve(bundle, claims=tuple(claims), assertions=assertions, relations=relations)
    return changed, f"$.claims[{index}].id"


def _unknown_revised_assertion(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    index, assertion = _pick(bundle, data)
    how = data.draw(st.sampled_from(["retracts", "corrects"]), label="how")
    changes: dict[str, Any] = {how: "ghost"}
    broken = _replace(bundle, index, attrs.evolve(assertion, **changes))
    return broken, f"$.assertions[{index}].{how}"


def _retraction_of_another_claim(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    _, assertion = _pick(bundle, data)
    other = Claim(id="c-other", text="something else")
    reviser = attrs.evolve(assertion, id="retraction", claim=other.id, retracts=assertion.id)
    reviser = attrs.evolve(reviser, date=None)
    broken = bundle.with_claim(other).with_assertion(reviser)
    return broken, f"$.assertions[{len(bundle.assertions)}].claim"


def _revision_cycle(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    _, assertion = _pick(bundle, data)
    first = attrs.evolve(assertion, id="r1", retracts="r2", date=None)
    second = attrs.evolve(assertion, id="r2", retracts="r1", date=None)
    broken = bundle.with_assertion(first).with_assertion(second)
    return broken, f"$.assertions[{len(bundle.assertions)}].retracts"


def _revised_before_said(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    index, assertion = _pick(bundle, data)
    said = attrs.evolve(assertion, date=PartialDate(year=2022, month=6))
    broken = _replace(bundle, index, said)
    reviser = attrs.evolve(
        said,
        id=f"{assertion.id}-retracted",
        retracts=assertion.id,
        date=PartialDate(year=2021),
        attribution=Attribution(source=assertion.attribution.source),
    )
    return broken.with_assertion(reviser), f"$.assertions[{len(bundle.assertions)}].date"


def _bounds_reversed(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    index, assertion = _pick(bundle, data)
    bounded = attrs.evolve(
        assertion, date=None, earliest=PartialDate(year=2021), latest=PartialDate(year=2020)
    )
    return _replace(bundle, index, bounded), f"$.assertions[{index}].latest"


def _date_outside_bounds(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    index, assertion = _pick(bundle, data)
    chain = tuple(attrs.evolve(link, date=None) for link in assertion.attribution.chain)
    bounded = attrs.evolve(
        assertion,
        date=PartialDate(year=2022),
        latest=PartialDate(year=2021),
        attribution=attrs.evolve(assertion.attribution, chain=chain),
    )
    return _replace(bundle, index, bounded), f"$.assertions[{index}].date"


def _archived_before_captured(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    index, assertion = _pick(bundle, data)
    kind = data.draw(st.sampled_from(EvidenceKind), label="kind")
    backwards = Evidence(
        kind=kind,
        sha256="0" * 64,
        captured=PartialDate(year=2024, month=3),
        archived=PartialDate(year=2024, month=2, day=29),
    )
    changed = attrs.evolve(assertion, evidence=(*assertion.evidence, backwards))
    path = f"$.assertions[{index}].evidence[{len(assertion.evidence)}].archived"
    return _replace(bundle, index, changed), path


def _unknown_document(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    index, assertion = _pick(bundle, data)
    target = data.draw(st.sampled_from(["ghost", assertion.attribution.source]), label="target")
    if target != "ghost" and target == "doc":
        target = "ghost"
    evidence = Evidence(url="https://example.org/a", document=target)
    broken = _replace(
        bundle, index, attrs.evolve(assertion, evidence=(*assertion.evidence, evidence))
    )
    return broken, f"$.assertions[{index}].evidence[{len(assertion.evidence)}].document"


def _affiliation_cycle(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    index = data.draw(st.integers(0, len(bundle.sources) - 1), label="source")
    source = bundle.sources[index]
    kind = data.draw(st.sampled_from([AffiliationKind.PART_OF, AffiliationKind.CONTROLLED_BY]))
    sources = list(bundle.sources)
    sources[index] = source.with_affiliation(Affiliation(kind=kind, target=source.id))
    broken = attrs.evolve(bundle, sources=tuple(sources))
    return broken, f"$.sources[{index}].affiliations[{len(source.affiliations)}].target"


def _hedged_but_confident(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    index, assertion = _pick(bundle, data)
    category = data.draw(
        st.sampled_from(
            [HedgeCategory.REPORTATIVE, HedgeCategory.DISPUTED, HedgeCategory.EVIDENTIAL_GAP]
        )
    )
    confidence = Confidence(
        scale="icd203", level="almost certain", probability=Interval(low=0.95, high=0.99)
    )
    hedged = assertion.with_hedge(Hedge(cue="allegedly", category=category))
    broken = _replace(bundle, index, hedged.with_confidence(confidence))
    return broken, f"$.assertions[{index}].confidence.probability"


def _dated_after_publication(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    index, assertion = _pick(bundle, data)
    later = PartialDate(year=data.draw(st.integers(2026, 2100)))
    undated = tuple(attrs.evolve(link, date=None) for link in assertion.attribution.chain)
    attribution = attrs.evolve(assertion.attribution, chain=undated)
    broken = _replace(bundle, index, attrs.evolve(assertion, date=later, attribution=attribution))
    verdicts = tuple(  # a review of it is now dated before it: CM510's, not this rule's
        attrs.evolve(v, date=None) if assertion.id in v.reviews else v for v in bundle.verdicts
    )
    return attrs.evolve(broken, verdicts=verdicts), f"$.assertions[{index}].date"


def _ends_before_start(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    index = data.draw(st.integers(0, len(bundle.sources) - 1), label="source")
    source = bundle.sources[index]
    role = Role(office="envoy", start=PartialDate(year=2020), end=PartialDate(year=2019))
    sources = list(bundle.sources)
    sources[index] = source.with_role(role)
    broken = attrs.evolve(bundle, sources=tuple(sources))
    return broken, f"$.sources[{index}].roles[{len(source.roles)}].end"


def _relayed_before_said(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    index, assertion = _pick(bundle, data)
    relay = Person(id="late-relay")
    attribution = attrs.evolve(
        assertion.attribution,
        chain=(Link(source=relay.id, channel=Channel.BROADCAST, date=PartialDate(year=2021)),),
    )
    said = attrs.evolve(assertion, attribution=attribution, date=PartialDate(year=2022, month=3))
    broken = _replace(bundle, index, said).with_source(relay)
    return broken, f"$.assertions[{index}].attribution.chain[0].date"


def _document_text(bundle: Bundle) -> str:
    document = bundle.document_source
    assert document is not None
    assert document.text is not None
    return document.text


def _span_outside_text(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    index, assertion = _pick(bundle, data)
    length = len(_document_text(bundle))
    start = data.draw(st.integers(0, length + 5), label="start")
    span = Span(start=start, end=max(start + 1, length + 1))
    hedge = Hedge(cue="reportedly", category=HedgeCategory.REPORTATIVE, span=span)
    broken = _replace(bundle, index, assertion.with_hedge(hedge))
    return broken, f"$.assertions[{index}].hedges[{len(assertion.hedges)}].span"


def _quote_mismatch(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    index, assertion = _pick(bundle, data)
    text = _document_text(bundle)
    start = data.draw(st.integers(0, len(text) - 1), label="start")
    span = Span(start=start, end=data.draw(st.integers(start + 1, len(text)), label="end"))
    evidence = Evidence(quote=span.of(text) + "!", span=span)
    broken = _replace(
        bundle, index, attrs.evolve(assertion, evidence=(*assertion.evidence, evidence))
    )
    return broken, f"$.assertions[{index}].evidence[{len(assertion.evidence)}].quote"


def _hedge_cue_mismatch(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    index, assertion = _pick(bundle, data)
    text = _document_text(bundle)
    start = data.draw(st.integers(0, len(text) - 1), label="start")
    span = Span(start=start, end=data.draw(st.integers(start + 1, len(text)), label="end"))
    hedge = Hedge(cue="§", category=HedgeCategory.APPROXIMATOR, span=span)
    broken = _replace(bundle, index, assertion.with_hedge(hedge))
    return broken, f"$.assertions[{index}].hedges[{len(assertion.hedges)}].cue"


def _attribution_cue_mismatch(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    index, assertion = _pick(bundle, data)
    text = _document_text(bundle)
    start = data.draw(st.integers(0, len(text) - 1), label="start")
    span = Span(start=start, end=data.draw(st.integers(start + 1, len(text)), label="end"))
    attribution = attrs.evolve(assertion.attribution, cue="§", cue_span=span)
    broken = _replace(bundle, index, attrs.evolve(assertion, attribution=attribution))
    return broken, f"$.assertions[{index}].attribution.cue"


def _unreferenced_source(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    del data
    return bundle.with_source(Person(id="bystander")), f"$.sources[{len(bundle.sources)}]"


def _unreferenced_claim(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    del data
    claim = Claim(id="c-unused", text="nobody says this")
    return bundle.with_claim(claim), f"$.claims[{len(bundle.claims)}]"


def _with_verdict(bundle: Bundle, data: st.DataObject, **changes: Any) -> tuple[Bundle, str]:
    """The bundle with one more verdict, on a picked assertion, changed as asked."""
    _, assertion = _pick(bundle, data)
    verdict = Verdict(
        id="v-new", reviewer=assertion.source, reviews=(assertion.id,), rating=Rating(label="False")
    )
    return bundle.with_verdict(
        attrs.evolve(verdict, **changes)
    ), f"$.verdicts[{len(bundle.verdicts)}]"


def _not_a_rating_scale(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    scale = data.draw(st.sampled_from(sorted(SCALES)), label="scale")
    label = SCALES[scale].levels[0].label if SCALES[scale].levels else "0.5"
    broken, path = _with_verdict(bundle, data, rating=Rating(label=label, scale=scale))
    return broken, f"{path}.rating.scale"


def _unknown_reviewer(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    broken, path = _with_verdict(bundle, data, reviewer="ghost")
    return broken, f"{path}.reviewer"


def _unknown_reviewed_assertion(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    _, assertion = _pick(bundle, data)
    broken, path = _with_verdict(bundle, data, reviews=(assertion.id, "ghost"))
    return broken, f"{path}.reviews[1]"


def _reviews_of_several_claims(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    _, assertion = _pick(bundle, data)
    other = Claim(id="c-other", text="something else entirely")
    said = attrs.evolve(assertion, id="a-other", claim=other.id, hedges=(), evidence=())
    grown = bundle.with_claim(other).with_assertion(said)
    broken, path = _with_verdict(grown, data, reviews=(assertion.id, said.id))
    return broken, f"{path}.reviews[1]"


def _reviewed_before_said(bundle: Bundle, data: st.DataObject) -> tuple[Bundle, str]:
    index, assertion = _pick(bundle, data)
    dated = _replace(bundle, index, attrs.evolve(assertion, date=PartialDate(year=2022)))
    verdict = Verdict(
        id="v-new",
        reviewer=assertion.source,
        reviews=(assertion.id,),
        rating=Rating(label="False"),
        date=PartialDate(year=2021, month=12, day=31),
    )
    return dated.with_verdict(verdict), f"$.verdicts[{len(bundle.verdicts)}].date"


BREAKERS: dict[str, Breaker] = {
    "CM101": _unknown_attribution_source,
    "CM102": _unknown_chain_source,
    "CM103": _unknown_assessor,
    "CM104": _repeated_chain_source,
    "CM105": _chain_too_long,
    "CM106": _intermediary_without_channel,
    "CM107": _recording_as_speaker,
    "CM201": _unknown_level,
    "CM202": _probability_outside_band,
    "CM203": _unjudged_with_probability,
    "CM204": _judged_without_probability,
    "CM205": _unknown_scale,
    "CM206": _grade_with_probability,
    "CM207": _not_a_rating_scale,
    "CM301": _unknown_claim,
    "CM302": _duplicate_id,
    "CM303": _unknown_relation_end,
    "CM304": _ambiguous_relation_end,
    "CM305": _unknown_related_source,
    "CM306": _unknown_hedge_voice,
    "CM307": _unknown_document,
    "CM308": _affiliation_cycle,
    "CM309": _repeated_identifier,
    "CM310": _shared_identifier,
    "CM311": _unknown_revised_assertion,
    "CM312": _retraction_of_another_claim,
    "CM313": _revision_cycle,
    "CM314": _stale_derived_id,
    "CM320": _relation_to_itself,
    "CM321": _rendering_of_an_assertion,
    "CM322": _unknown_party,
    "CM323": _repeated_party,
    "CM330": _unknown_reviewer,
    "CM331": _unknown_reviewed_assertion,
    "CM332": _reviews_of_several_claims,
    "CM401": _hedged_but_confident,
    "CM501": _dated_after_publication,
    "CM502": _ends_before_start,
    "CM503": _relayed_before_said,
    "CM504": _revised_before_said,
    "CM505": _bounds_reversed,
    "CM506": _date_outside_bounds,
    "CM507": _archived_before_captured,
    "CM510": _reviewed_before_said,
    "CM601": _span_outside_text,
    "CM602": _quote_mismatch,
    "CM603": _hedge_cue_mismatch,
    "CM604": _attribution_cue_mismatch,
    "CM701": _unreferenced_source,
    "CM702": _unreferenced_claim,
    "CM801": _unreviewed_draft,
    "CM901": _empty_quantity_range,
    "CM902": _value_outside_bounds,
    "CM903": _measure_in_different_units,
}

_ITEM = re.compile(r"^\$\.(sources|claims|assertions|relations|verdicts)\[(\d+)\]")


def _by_id(bundle: Bundle, path: str) -> str:
    """The path with its first index replaced by the id of the item it points at."""
    match = _ITEM.match(path)
    if match is None:
        return path
    item = getattr(bundle, match[1])[int(match[2])]
    return f"$.{match[1]}[id={item.id}]{path[match.end() :]}"


def _findings_by_id(bundle: Bundle) -> set[tuple[str, str, Severity]]:
    return {(f.code, _by_id(bundle, f.path), f.severity) for f in validate(bundle)}


# One run per rule: a fifth of the profile's examples each keeps the suite quick.
_PROFILE = settings.default
assert _PROFILE is not None
_PER_RULE = settings(max_examples=max(10, _PROFILE.max_examples // 5))


class TestBreakers:
    """Every rule has a breaker, and breaking a rule yields exactly that rule's finding."""

    def test_every_bundle_rule_has_a_breaker(self) -> None:
        expected = {code for code, rule in RULES.items() if rule.family is not Family.DECODING}
        assert expected == set(BREAKERS)

    @pytest.mark.parametrize("code", sorted(BREAKERS))
    @_PER_RULE
    @given(bundle=valid_bundles(), data=st.data())
    def test_breaking_a_rule_reports_it_at_its_path(
        self, code: str, bundle: Bundle, data: st.DataObject
    ) -> None:
        broken, path = BREAKERS[code](bundle, data)
        report = validate(broken)
        assert code in {f.code for f in report.at(path)}
        other_errors = {f.code for f in report.errors} - {code}
        assert set() == other_errors


class TestValidBundles:
    """Generated valid bundles pass, whatever their order, as often as asked."""

    @given(valid_bundles())
    def test_valid_bundles_have_no_errors(self, bundle: Bundle) -> None:
        assert () == validate(bundle).errors

    @given(valid_bundles(), st.sampled_from(sorted(BREAKERS)), st.data())
    def test_findings_do_not_depend_on_order(
        self, bundle: Bundle, code: str, data: st.DataObject
    ) -> None:
        broken, _ = BREAKERS[code](bundle, data)
        shuffled = attrs.evolve(
            broken,
            sources=tuple(data.draw(st.permutations(broken.sources), label="sources")),
            claims=tuple(data.draw(st.permutations(broken.claims), label="claims")),
            assertions=tuple(data.draw(st.permutations(broken.assertions), label="assertions")),
        )
        assert _findings_by_id(broken) == _findings_by_id(shuffled)

    @given(valid_bundles(), st.sampled_from(sorted(BREAKERS)), st.data())
    def test_validating_twice_gives_the_same_report(
        self, bundle: Bundle, code: str, data: st.DataObject
    ) -> None:
        broken, _ = BREAKERS[code](bundle, data)
        assert validate(broken) == validate(broken)


_PATH_STEPS = st.one_of(
    st.sampled_from(["sources", "claims", "assertions", "relations", "id", "x_a", "chain"]),
    st.text(alphabet="aé_-1²١ '[]\\.$", max_size=4),
    st.integers(min_value=0, max_value=10**12).map(lambda i: f"[{i}]"),
    st.text(alphabet="ab '\\]", max_size=3).map(lambda t: f"['{t}']"),
)


class TestPathKey:
    """Findings sort by path the same whichever way a path is read."""

    @given(st.lists(_PATH_STEPS, max_size=6), st.booleans())
    def test_splitting_agrees_with_the_pattern(self, steps: list[str], dotted: bool) -> None:
        path = "$" + "".join(s if s.startswith("[") or not dotted else f".{s}" for s in steps)
        assert _report._path_key_by_pattern(path) == _report.path_key(path)

    @given(st.text(max_size=30))
    def test_any_text_agrees_with_the_pattern(self, path: str) -> None:
        assert _report._path_key_by_pattern(path) == _report.path_key(path)
