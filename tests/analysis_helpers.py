"""Small builders for the analysis tests: sources, assertions and bundles in one line each."""

from __future__ import annotations

from collections.abc import Sequence

import claimmodel as cm

LIKELY = cm.Confidence(scale="icd203", level="likely", probability=cm.Interval(low=0.55, high=0.8))
CLAIM = cm.Claim(id="c", text="North Korean soldiers fought in the Kursk region.")


def date(text: str | None) -> cm.PartialDate | None:
    """A partial date from its wire form, or ``None``."""
    return None if text is None else cm.PartialDate.fromisoformat(text)


def affiliation(
    kind: cm.AffiliationKind, target: str, start: str | None = None, end: str | None = None
) -> cm.Affiliation:
    """An affiliation to ``target``, dated by wire-form dates."""
    return cm.Affiliation(kind=kind, target=target, start=date(start), end=date(end))


def person(source_id: str, *affiliations: cm.Affiliation) -> cm.Person:
    """A person named after its id."""
    return cm.Person(id=source_id, name=source_id.title(), affiliations=affiliations)


def org(source_id: str, *affiliations: cm.Affiliation) -> cm.Organization:
    """An organization named after its id."""
    return cm.Organization(id=source_id, name=source_id.upper(), affiliations=affiliations)


def says(
    assertion_id: str,
    source: str,
    *,
    claim: str = "c",
    stance: cm.Stance = cm.Stance.ASSERTS,
    via: Sequence[str] = (),
    when: str | None = None,
    confidence: cm.Confidence = LIKELY,
    hedges: Sequence[cm.Hedge] = (),
) -> cm.Assertion:
    """An assertion of ``claim`` by ``source``, relayed through ``via`` (speaker side first)."""
    return cm.Assertion(
        id=assertion_id,
        claim=claim,
        attribution=cm.Attribution(source=source, chain=tuple(cm.Link(source=s) for s in via)),
        confidence=confidence,
        stance=stance,
        date=date(when),
        hedges=tuple(hedges),
    )


def bundle(
    sources: Sequence[cm.Source],
    assertions: Sequence[cm.Assertion],
    claims: Sequence[cm.Claim] = (CLAIM,),
) -> cm.Bundle:
    """A bundle of these sources, claims and assertions."""
    return cm.Bundle(sources=tuple(sources), claims=tuple(claims), assertions=tuple(assertions))


def origins_of(value: cm.Bundle, claim: str = "c") -> list[tuple[str, ...]]:
    """The speaker ids of each origin of ``claim``, any stance."""
    return [origin.sources for origin in cm.analyze(value)[claim].origins]
