"""What corroboration over a corpus keeps of each bundle."""

from __future__ import annotations

import attrs

from claimmodel.model import Bundle, Document

__all__ = ["for_corroboration"]


def for_corroboration(bundle: Bundle) -> Bundle:
    """The bundle without what :func:`~claimmodel.analyze` never reads: evidence and document text.

    Quotes, spans, URLs of evidence and the full text of documents are most of a
    record's bytes; the sources (with their affiliations and roles), claims,
    assertions (attribution chains, stances, hedges, confidences, dates) and
    relations are kept whole, so the analysis of a merge of such bundles equals
    the analysis of a merge of the originals.  The bundle is returned unchanged
    when it holds neither.
    """
    sources = tuple(
        attrs.evolve(source, text=None)
        if isinstance(source, Document) and source.text is not None
        else source
        for source in bundle.sources
    )
    assertions = tuple(
        attrs.evolve(assertion, evidence=()) if assertion.evidence else assertion
        for assertion in bundle.assertions
    )
    changed = any(a is not b for a, b in zip(sources, bundle.sources, strict=True)) or any(
        a is not b for a, b in zip(assertions, bundle.assertions, strict=True)
    )
    return attrs.evolve(bundle, sources=sources, assertions=assertions) if changed else bundle
