"""Fact-checks: the verdicts on a claim, with what the record says about the claim reviewed.

A verdict is shown beside a claim's corroboration count, never counted in it: the
reviewer rates the claim, it does not put it forward, so it is neither an assertion
nor an origin.  A :class:`FactCheck` gathers what a ClaimReview needs from the record:
the reviewer and its name, the rating, date and URL of the review, and — from the
assertions reviewed — the claimants and where the claim appeared.

Where a reviewed assertion appeared: the URL of each piece of its evidence (or, for
evidence without one, its archived copy's, or that of the document source the evidence
names), else the URL of the document the bundle describes.  The *first* appearance is
that of the reviewed assertion made first: by its ``date`` (its ``earliest`` date when it
has none); undated assertions come after dated ones, and ties keep the order of
``reviews``.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from claimmodel.model import (
    Assertion,
    Bundle,
    Document,
    Evidence,
    PartialDate,
    Rating,
)
from claimmodel.validation import definitely_after

__all__ = ["FactCheck", "fact_checks"]


@attrs.frozen(kw_only=True)
class FactCheck:
    """A verdict on a claim (``verdict``, its id) and what the record says of it.

    ``assertions`` are the reviewed assertions the bundle holds, in the verdict's
    order; ``claimants`` the sources that made them (ids, once each, in that order)
    and ``claimant_names`` their names; ``appearances`` the URLs where the claim
    reviewed appeared (once each) and ``first_appearance`` the first of them (see
    the module's description).
    """

    verdict: str
    claims: tuple[str, ...]
    """The ids of the claims the reviewed assertions assert (one, in a valid bundle)."""
    reviewer: str
    reviewer_name: str
    rating: Rating
    date: PartialDate | None = None
    url: str | None = None
    explanation: str | None = None
    evidence: tuple[Evidence, ...] = ()
    assertions: tuple[str, ...] = ()
    claimants: tuple[str, ...] = ()
    claimant_names: tuple[str, ...] = ()
    appearances: tuple[str, ...] = ()
    first_appearance: str | None = None

    @property
    def description(self) -> str:
        """In words: ``"Example Fact Check: Half true (3 of 1 to 5), 2025-11-27,
        https://factcheck.example/monument"``."""
        parts = [f"{self.reviewer_name}: {self.rating}"]
        if self.date is not None:
            parts.append(str(self.date))
        if self.url is not None:
            parts.append(self.url)
        return ", ".join(parts)


def fact_checks(bundle: Bundle, names: Mapping[str, str]) -> tuple[FactCheck, ...]:
    """One :class:`FactCheck` for each verdict of ``bundle``, in bundle order.

    ``names`` maps source ids to the names shown (a source the bundle lacks shows its id).
    """
    found = []
    for verdict in bundle.verdicts:
        reviewed = [a for a in map(bundle.assertion, verdict.reviews) if a is not None]
        claimants = tuple(dict.fromkeys(a.source for a in reviewed))
        where = [_appearances(bundle, a) for a in reviewed]
        first = next((urls[0] for urls in _by_when(reviewed, where) if urls), None)
        found.append(
            FactCheck(
                claims=tuple(dict.fromkeys(a.claim for a in reviewed)),
                verdict=verdict.id,
                reviewer=verdict.reviewer,
                reviewer_name=names.get(verdict.reviewer, verdict.reviewer),
                rating=verdict.rating,
                date=verdict.date,
                url=verdict.url,
                explanation=verdict.explanation,
                evidence=verdict.evidence,
                assertions=tuple(a.id for a in reviewed),
                claimants=claimants,
                claimant_names=tuple(names.get(c, c) for c in claimants),
                appearances=tuple(dict.fromkeys(url for urls in where for url in urls)),
                first_appearance=first,
            )
        )
    return tuple(found)


def _url_of(bundle: Bundle, document_id: str | None) -> str | None:
    found = bundle.source(document_id) if document_id is not None else None
    return found.url if isinstance(found, Document) else None


def _appearances(bundle: Bundle, assertion: Assertion) -> tuple[str, ...]:
    """Where ``assertion`` can be seen: its evidence's URLs, else the bundle's document's."""
    urls = []
    for item in assertion.evidence:
        url = item.url or item.archive_url or _url_of(bundle, item.document)
        if url is not None:
            urls.append(url)
    if not urls:
        own = _url_of(bundle, bundle.document)
        urls += [own] if own is not None else []
    return tuple(dict.fromkeys(urls))


def _by_when(reviewed: list[Assertion], where: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The appearances of the reviewed assertions, those of the one made first first."""
    dated = [
        (index, said)
        for index, a in enumerate(reviewed)
        if (said := a.date if a.date is not None else a.earliest) is not None
    ]
    first = next(
        (i for i, said in dated if not any(definitely_after(said, other) for _, other in dated)),
        None,
    )
    if first is None:
        return where
    return [where[first], *(urls for index, urls in enumerate(where) if index != first)]
