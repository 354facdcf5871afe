"""What corroboration over a corpus keeps of each bundle."""

from __future__ import annotations

import attrs

from claimmodel.model import Assertion, Bundle, Document
from claimmodel.model import _checks as check

__all__ = ["for_corroboration"]


def for_corroboration(bundle: Bundle) -> Bundle:
    """The bundle without what :func:`~claimmodel.analyze` never reads: evidence without a
    bearing, and document text.

    Quotes, spans, URLs of evidence and the full text of documents are most of a
    record's bytes; the sources (with their affiliations and roles), claims,
    assertions (attribution chains, stances, hedges, confidences, dates, the evidence
    whose bearing on the claim is stated), relations and verdicts are kept whole, and
    so is the evidence of the assertions a verdict reviews (it tells where the claim
    appeared), so the analysis of a merge of such bundles equals the analysis of a merge
    of the originals.  The bundle is returned unchanged when it holds neither.
    """
    check.argument("for_corroboration", bundle, Bundle, "a Bundle")
    reviewed = {assertion_id for verdict in bundle.verdicts for assertion_id in verdict.reviews}
    sources = tuple(
        attrs.evolve(source, text=None)
        if isinstance(source, Document) and source.text is not None
        else source
        for source in bundle.sources
    )
    assertions = tuple(
        assertion if assertion.id in reviewed else _weighed_evidence_only(assertion)
        for assertion in bundle.assertions
    )
    changed = any(a is not b for a, b in zip(sources, bundle.sources, strict=True)) or any(
        a is not b for a, b in zip(assertions, bundle.assertions, strict=True)
    )
    return attrs.evolve(bundle, sources=sources, assertions=assertions) if changed else bundle


def _weighed_evidence_only(assertion: Assertion) -> Assertion:
    """The assertion with only the evidence whose bearing it states (itself, when that is
    all its evidence)."""
    kept = tuple(evidence for evidence in assertion.evidence if evidence.bearing is not None)
    return (
        assertion
        if len(kept) == len(assertion.evidence)
        else attrs.evolve(assertion, evidence=kept)
    )
