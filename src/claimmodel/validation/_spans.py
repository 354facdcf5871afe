"""Span rules (CM6xx): character spans index into the document text they name.

A span is checked only when its document is a document source of the bundle that
carries ``text``: evidence (an assertion's or a verdict's) names its document (or,
without one, the bundle's document); hedges and the cues of attributions and links
always index the bundle's document.
"""

from __future__ import annotations

from claimmodel.model import Attribution, Document, Link, Span
from claimmodel.validation._context import Context

__all__ = ["check"]


def _collapse(text: str) -> str:
    return " ".join(text.casefold().split())


def _outside(ctx: Context, path: str, span: Span, text: str, document: str) -> bool:
    if span.end <= len(text):
        return False
    ctx.emit(
        "CM601",
        path,
        f"span [{span.start}, {span.end}) runs past the end of document {document!r}, "
        f"whose text has {len(text)} characters; offsets count code points from 0",
    )
    return True


def _cue(ctx: Context, path: str, cued: Attribution | Link, own: Document, text: str) -> None:
    cue, span = cued.cue, cued.cue_span
    if span is None or _outside(ctx, f"{path}.cue_span", span, text, own.id):
        return
    covered = span.of(text)
    if cue is not None and _collapse(covered) != _collapse(cue):
        ctx.emit(
            "CM604",
            f"{path}.cue",
            f"the cue {cue!r} is not the text its span covers ({covered!r}); "
            "correct the cue or the span",
        )


def check(ctx: Context) -> None:
    """Apply every span rule."""
    own = ctx.document(ctx.bundle.document)
    own_text = own.text if own is not None else None
    for index, assertion in enumerate(ctx.bundle.assertions):
        base = f"$.assertions[{index}]"
        if own_text is not None and own is not None:
            attribution = assertion.attribution
            _cue(ctx, f"{base}.attribution", attribution, own, own_text)
            for position, link in enumerate(attribution.chain):
                _cue(ctx, f"{base}.attribution.chain[{position}]", link, own, own_text)
        for position, hedge in enumerate(assertion.hedges):
            if hedge.span is None or own_text is None or own is None:
                continue
            path = f"{base}.hedges[{position}]"
            if _outside(ctx, f"{path}.span", hedge.span, own_text, own.id):
                continue
            covered = hedge.span.of(own_text)
            if _collapse(covered) != _collapse(hedge.cue):
                ctx.emit(
                    "CM603",
                    f"{path}.cue",
                    f"the cue {hedge.cue!r} is not the text its span covers ({covered!r}); "
                    "correct the cue or the span",
                )
    for path, evidence in ctx.evidence():
        if evidence.span is None:
            continue
        document = ctx.document(evidence.document or ctx.bundle.document)
        if document is None or document.text is None:
            continue
        if _outside(ctx, f"{path}.span", evidence.span, document.text, document.id):
            continue
        covered = evidence.span.of(document.text)
        if evidence.quote is not None and evidence.quote != covered:
            ctx.emit(
                "CM602",
                f"{path}.quote",
                f"the quote is not the text its span covers ({covered!r}); "
                "quote the document exactly or correct the span",
            )
