"""A readable plain-text summary of a bundle, for ``claimmodel show``."""

from __future__ import annotations

import textwrap

from claimmodel.cli._terminal import printable
from claimmodel.model import Assertion, Bundle, Hedge, Source

WIDTH = 88
"""Lines are wrapped to this width; continuation lines are indented under their label."""


def _wrapped(label: str, text: str, indent: str = "      ") -> list[str]:
    return textwrap.wrap(
        text,
        width=WIDTH,
        initial_indent=f"{indent}{label}: ",
        subsequent_indent=indent + " " * (len(label) + 2),
        break_on_hyphens=False,
    )


def _source_label(bundle: Bundle, source_id: str) -> str:
    source = bundle.source(source_id)
    if source is None:
        return f"{printable(source_id)} (unknown source)"
    return f"{_name(source)} ({source.kind.value})"


def _name(source: Source) -> str:
    return printable(source.name or source.description or source.id)


def _name_or_id(bundle: Bundle, source_id: str) -> str:
    source = bundle.source(source_id)
    return _name(source) if source is not None else printable(source_id)


def _hedge(bundle: Bundle, hedge: Hedge) -> str:
    text = f'"{printable(hedge.cue)}" {hedge.category.value}'
    if hedge.voiced_by is not None:
        text += f", voiced by {_name_or_id(bundle, hedge.voiced_by)}"
    return text


def _assertion(bundle: Bundle, assertion: Assertion) -> list[str]:
    attribution = assertion.attribution
    head = (
        f"  - [{printable(assertion.id)}] {_source_label(bundle, attribution.source)} "
        f"{assertion.stance.value}"
    )
    if attribution.cue:
        head += f' ("{printable(attribution.cue)}")'
    if assertion.date is not None:
        head += f", {assertion.date}"
    lines = [head]
    if attribution.chain:
        steps = [_name_or_id(bundle, attribution.source)]
        for link in attribution.chain:
            step = f"{_name_or_id(bundle, link.source)} [{link.channel.value}"
            step += f", {link.date}]" if link.date is not None else "]"
            steps.append(step)
        lines.extend(_wrapped("via", " -> ".join(steps)))
    if assertion.hedges:
        lines.extend(_wrapped("hedges", "; ".join(_hedge(bundle, h) for h in assertion.hedges)))
    confidence = assertion.confidence
    line = f"      confidence: {printable(confidence)}"
    if confidence.assessor is not None:
        line += f", assessed by {_name_or_id(bundle, confidence.assessor)}"
    lines.append(line)
    if confidence.basis:
        lines.extend(_wrapped("basis", printable(confidence.basis)))
    return lines


def render_bundle(bundle: Bundle) -> str:
    """Each claim, who asserts it through which chain, with which hedges and confidence."""
    lines: list[str] = []
    title = printable(bundle.title or bundle.id or "(untitled bundle)")
    lines.append(title)
    facts = [
        f"{len(bundle.sources)} sources",
        f"{len(bundle.claims)} claims",
        f"{len(bundle.assertions)} assertions",
        f"{len(bundle.relations)} relations",
    ]
    if bundle.published is not None:
        facts.insert(0, f"published {bundle.published}")
    if bundle.document is not None:
        facts.insert(0, f"document: {_source_label(bundle, bundle.document)}")
    lines.append("  " + "; ".join(facts))
    by_claim: dict[str, list[Assertion]] = {}
    for assertion in bundle.assertions:
        by_claim.setdefault(assertion.claim, []).append(assertion)
    for claim in bundle.claims:
        lines.append("")
        polarity = "" if claim.polarity.value == "positive" else " (negative)"
        lines.extend(_wrapped(f"{printable(claim.id)}{polarity}", printable(claim.text), indent=""))
        assertions = by_claim.pop(claim.id, [])
        if not assertions:
            lines.append("  (no assertions)")
        for assertion in assertions:
            lines.extend(_assertion(bundle, assertion))
    for claim_id, assertions in by_claim.items():
        lines.append("")
        lines.append(f"{printable(claim_id)}: (claim not in this bundle)")
        for assertion in assertions:
            lines.extend(_assertion(bundle, assertion))
    return "\n".join(lines) + "\n"
