"""Attribution rules (CM1xx): who asserts, through whom, and who judged how sure."""

from __future__ import annotations

import urllib.parse

from claimmodel.model import Channel, Confidence, Document, EvidenceKind, MediaOutlet, Source
from claimmodel.validation._context import Context

__all__ = ["MAX_CHAIN_LENGTH", "check"]

MAX_CHAIN_LENGTH = 16
"""The most intermediaries an attribution chain may list (CM105).

Real reporting rarely passes a statement through more than four or five hands;
a longer chain is almost always a mistake in the data, such as a loop unrolled.
"""

_NAMED_CHANNEL_KINDS = (Document, MediaOutlet)

_MEDIA_SUFFIXES: dict[str, EvidenceKind] = {
    **dict.fromkeys(
        ("avi", "m4v", "mkv", "mov", "mp4", "mpeg", "mpg", "ogv", "webm"), EvidenceKind.VIDEO
    ),
    **dict.fromkeys(
        ("gif", "heic", "jpeg", "jpg", "png", "svg", "tif", "tiff", "webp"), EvidenceKind.IMAGE
    ),
    **dict.fromkeys(("aac", "flac", "m4a", "mp3", "oga", "ogg", "opus", "wav"), EvidenceKind.AUDIO),
}
"""File name endings that make a URL a recording's (CM107)."""


def _media_file(url: str) -> EvidenceKind | None:
    """The kind of recording a URL's path names by its ending, if it names one."""
    try:
        path = urllib.parse.urlsplit(url).path
    except ValueError:  # not a URL at all ("http://[x"): it names no file
        return None
    # What follows the last dot; with a dot only in a folder's name it holds a slash,
    # which no file ending does.
    _, dot, suffix = path.rpartition(".")
    return _MEDIA_SUFFIXES.get(suffix.lower()) if dot else None


def _recordings(ctx: Context) -> dict[str, EvidenceKind]:
    """The URLs of the image, video and audio evidence of the record, and their kinds."""
    found: dict[str, EvidenceKind] = {}
    for assertion in ctx.bundle.assertions:
        for evidence in assertion.evidence:
            if evidence.is_recording:
                for url in (evidence.url, evidence.archive_url):
                    if url is not None:
                        found.setdefault(url, evidence.kind)
    return found


def _recording(source: Source, recordings: dict[str, EvidenceKind]) -> str | None:
    """Why ``source`` looks like a recording rather than a speaker, or None."""
    url = source.url if isinstance(source, _NAMED_CHANNEL_KINDS) else None
    if url is None:
        return None
    kind = recordings.get(url)
    if kind is not None:
        return f"its url is that of {kind.value} evidence in the record"
    kind = _media_file(url)
    if kind is not None:
        article = "a" if kind is EvidenceKind.VIDEO else "an"  # an image, an audio file
        return f"its url names {article} {kind.value} file"
    return None


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
    recordings = _recordings(ctx) if ctx.wants("CM107") else None
    for index, assertion in enumerate(ctx.bundle.assertions):
        base = f"$.assertions[{index}]"
        attribution = assertion.attribution
        speaker = ctx.sources.get(attribution.source)
        if speaker is None:
            ctx.emit(
                "CM101",
                f"{base}.attribution.source",
                f"assertion {assertion.id!r} is attributed to {attribution.source!r}, which is "
                "not a source of the bundle; add the source or correct the id",
            )
        elif recordings is not None:
            why = _recording(speaker, recordings)
            if why is not None:
                ctx.emit(
                    "CM107",
                    f"{base}.attribution.source",
                    f"assertion {assertion.id!r} is attributed to {attribution.source!r}, but "
                    f"{why}: a recording shows, it does not assert; attribute the statement "
                    "to whoever speaks in it or filmed or posted it, and keep the recording "
                    "as evidence on the assertion",
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
