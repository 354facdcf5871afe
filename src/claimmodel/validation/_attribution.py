"""Attribution rules (CM1xx): who asserts, through whom, and who judged how sure."""

from __future__ import annotations

from claimmodel.model import Channel, Confidence, Document, MediaOutlet
from claimmodel.validation._context import Context

__all__ = ["MAX_CHAIN_LENGTH", "check"]

MAX_CHAIN_LENGTH = 16
"""The most intermediaries an attribution chain may list (CM105).

Real reporting rarely passes a statement through more than four or five hands;
a longer chain is almost always a mistake in the data, such as a loop unrolled.
"""

_NAMED_CHANNEL_KINDS = (Document, MediaOutlet)


def _assessor(ctx: Context, confidence: Confidence | None, path: str) -> None:
    if confidence is None or confidence.assessor is None:
        return
    if confidence.assessor not in ctx.sources:
        ctx.emit(
            "CM103",
            f"{path}.assessor",
            f"assessor {confidence.assessor!r} is not a source of the bundle; "
            "add the source or correct the id",
        )


def check(ctx: Context) -> None:
    """Apply every attribution rule."""
    for index, source in enumerate(ctx.bundle.sources):
        _assessor(ctx, source.reliability, f"$.sources[{index}].reliability")
    for index, assertion in enumerate(ctx.bundle.assertions):
        base = f"$.assertions[{index}]"
        attribution = assertion.attribution
        if attribution.source not in ctx.sources:
            ctx.emit(
                "CM101",
                f"{base}.attribution.source",
                f"assertion {assertion.id!r} is attributed to {attribution.source!r}, which is "
                "not a source of the bundle; add the source or correct the id",
            )
        if len(attribution.chain) > MAX_CHAIN_LENGTH:
            ctx.emit(
                "CM105",
                f"{base}.attribution.chain",
                f"the chain has {len(attribution.chain)} intermediaries, more than the "
                f"maximum of {MAX_CHAIN_LENGTH}; keep only the links the record can support",
            )
        seen = {attribution.source: -1}  # source id -> position in the chain (-1: speaker)
        for position, link in enumerate(attribution.chain):
            relay = ctx.sources.get(link.source)
            if relay is None:
                ctx.emit(
                    "CM102",
                    f"{base}.attribution.chain[{position}].source",
                    f"intermediary {link.source!r} is not a source of the bundle; "
                    "add the source or correct the id",
                )
            earlier = seen.setdefault(link.source, position)
            if earlier != position:
                where = "the asserting source" if earlier < 0 else f"link {earlier}"
                ctx.emit(
                    "CM104",
                    f"{base}.attribution.chain[{position}].source",
                    f"{link.source!r} is already in the chain as {where}; a statement "
                    "passes through each source once, so remove the repeated link",
                )
            if isinstance(relay, _NAMED_CHANNEL_KINDS) and link.channel is Channel.UNSPECIFIED:
                ctx.emit(
                    "CM106",
                    f"{base}.attribution.chain[{position}].channel",
                    f"{relay.kind.value} {link.source!r} relays the statement but the channel "
                    "is 'unspecified'; say how it got it (e.g. 'interview', 'publication')",
                )
        _assessor(ctx, assertion.confidence, f"{base}.confidence")
