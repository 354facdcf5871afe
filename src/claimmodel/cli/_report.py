"""``claimmodel report``: the independent origins behind each claim, for people or programs."""

from __future__ import annotations

import argparse
import sys
import textwrap
from typing import Any

from claimmodel.analysis import Analysis, ClaimAnalysis, analyze
from claimmodel.cli._commands import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_UNREADABLE,
    print_decode_error,
    print_unreadable,
)
from claimmodel.cli._inputs import (
    CorpusReadError,
    UnreadableError,
    decode,
    display_name,
    expand,
    is_jsonl,
    read_corpus,
)
from claimmodel.cli._terminal import json_for_terminal, printable
from claimmodel.corpus import for_corroboration, merge_corpus
from claimmodel.exceptions import DecodeError, MergeConflictError
from claimmodel.model import AssertionMode, Bundle, Stance

__all__ = ["claim_data", "render_report", "run_report"]

WIDTH = 80

_STANCE_VERBS = {
    Stance.DENIES: "denied",
    Stance.DISPUTES: "disputed",
    Stance.QUESTIONS: "questioned",
    Stance.REPORTS: "reported",
}
_SILENCE = {
    Stance.DECLINES_TO_COMMENT: "declined to comment",
    Stance.DOES_NOT_RESPOND: "did not respond",
}


def _wrap(text: str, *, indent: str = "  ", hang: str = "    ") -> list[str]:
    """``text`` wrapped; it is escaped first, so it may hold anything from a document."""
    return textwrap.wrap(
        printable(text),
        width=WIDTH,
        initial_indent=indent,
        subsequent_indent=hang,
        break_long_words=False,
        break_on_hyphens=False,
    )


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _names(bundle: Bundle, ids: tuple[str, ...]) -> str:
    return ", ".join((s.label if (s := bundle.source(i)) else i) for i in ids)


def _block(bundle: Bundle, claim: ClaimAnalysis) -> list[str]:
    lines = [printable(claim.claim)]
    lines += _wrap(claim.text if claim.text is not None else "(claim not in the bundle)")
    facts = (
        f"{_plural(len(claim.assertions), 'assertion')} by {_plural(len(claim.sources), 'source')}"
    )
    if claim.relays:
        facts += f"; relayed by {_names(bundle, claim.relays)}"
    lines += _wrap(facts)
    for number, origin in enumerate(claim.independent, start=1):
        backing = "" if origin.mode in (None, AssertionMode.STATED) else f", {origin.mode.value}"
        ids = ", ".join(origin.assertions)
        lines += _wrap(f"origin {number}: {origin.label} ({ids}){backing}")
    for origin in claim.origins:
        for reason in origin.reasons:
            lines += _wrap(f"one origin: {reason}")
    for origin in claim.origins:
        for stance in origin.stances:
            if stance in _STANCE_VERBS:
                ids = ", ".join(origin.assertions)
                lines += _wrap(f"{_STANCE_VERBS[stance]} by: {origin.label} ({ids})")
            elif stance in _SILENCE:
                ids = ", ".join(origin.assertions)
                lines += _wrap(f"{_SILENCE[stance]}: {origin.label} ({ids})")
    for withdrawn in claim.withdrawn:
        lines += _wrap(
            f"{withdrawn.how}: {withdrawn.assertion} ({withdrawn.name}) "
            f"by {withdrawn.by} ({withdrawn.by_name}); no longer counted"
        )
    for reversal in claim.reversals:
        lines += _wrap(f"changed position: {reversal.name} {reversal.change}")
    if claim.hedges:
        hedges = "; ".join(
            f'"{raised.hedge.cue}" {raised.hedge.category.value}' for raised in claim.hedges
        )
        lines += _wrap(f"hedges: {hedges}")
    if claim.assertions:
        if claim.confidence is not None:
            confidence = str(claim.confidence)
        elif claim.judged:
            confidence = "graded, no probability stated"
        else:
            confidence = "cannot be judged"
        lines += _wrap(f"confidence: {confidence}")
    lines += _wrap(f"verdict: {claim.verdict}")
    return lines


def render_report(bundle: Bundle, analysis: Analysis, *, title: str | None = None) -> str:
    """The plain-text report: one block per claim, ending in its verdict, then a summary."""
    lines: list[str] = []
    heading = title or bundle.title or bundle.id
    if heading:
        lines += _wrap(heading, indent="", hang="  ")
        lines.append("")
    for claim in analysis:
        lines += _block(bundle, claim)
        lines.append("")
    single = len(analysis.single_origin)
    contradictions = analysis.contradictions
    lines += _wrap(
        f"{_plural(len(analysis), 'claim')}; {single} single-origin; "
        f"{len(contradictions)} contradicted",
        indent="",
        hang="  ",
    )
    for found in contradictions:
        asserted = ", ".join(origin.label for origin in found.asserted_by)
        opposed = ", ".join(origin.label for origin in found.opposed_by)
        lines += _wrap(f"contradicted: {found.claim}: asserted by {asserted}; opposed by {opposed}")
    return "\n".join(lines) + "\n"


def claim_data(claim: ClaimAnalysis) -> dict[str, Any]:
    """The JSON object ``report --format json`` prints for one claim."""
    return {
        "claim": claim.claim,
        "text": claim.text,
        "assertions": len(claim.assertions),
        "assertion_ids": list(claim.assertions),
        "sources": list(claim.sources),
        "relays": list(claim.relays),
        "independent_origins": claim.independent_origins,
        "single_origin": claim.single_origin,
        "asserting": claim.asserting,
        "denying": claim.denying,
        "disputing": claim.disputing,
        "reporting": claim.reporting,
        "declining": claim.declining,
        "not_responding": claim.not_responding,
        "stated_origins": claim.stated_origins,
        "presupposed_origins": claim.presupposed_origins,
        "inferred_origins": claim.inferred_origins,
        "origins": [
            {
                "sources": list(origin.sources),
                "names": list(origin.names),
                "assertions": list(origin.assertions),
                "stances": [stance.value for stance in origin.stances],
                "mode": None if origin.mode is None else origin.mode.value,
                "reasons": list(origin.reasons),
            }
            for origin in claim.origins
        ],
        "withdrawn": [
            {
                "assertion": withdrawn.assertion,
                "source": withdrawn.source,
                "how": withdrawn.how,
                "by": withdrawn.by,
                "by_source": withdrawn.by_source,
            }
            for withdrawn in claim.withdrawn
        ],
        "reversals": [
            {
                "source": reversal.source,
                "name": reversal.name,
                "before": reversal.before,
                "after": reversal.after,
                "change": reversal.change,
            }
            for reversal in claim.reversals
        ],
        "hedges": [
            {
                "assertion": raised.assertion,
                "cue": raised.hedge.cue,
                "category": raised.hedge.category.value,
                "voiced_by": raised.hedge.voiced_by,
            }
            for raised in claim.hedges
        ],
        "confidence": (
            None
            if claim.confidence is None
            else {"low": claim.confidence.low, "high": claim.confidence.high}
        ),
        "verdict": claim.verdict,
    }


def _read_corpus(path: str, bundles: list[Bundle], names: list[str]) -> int:
    """Add the bundles of a JSON Lines corpus, each kept only as far as the analysis reads it."""
    status = EXIT_OK
    name = display_name(path)
    try:
        for line in read_corpus(path):
            if line.error is not None:
                for problem in line.error.problems:
                    where = f"{printable(name)}:{line.number}: {printable(problem.path)}"
                    print(f"{where}: {printable(problem.message)}", file=sys.stderr)
                status = max(status, EXIT_INVALID)
            elif line.bundle is not None:
                bundles.append(for_corroboration(line.bundle))
                names.append(f"{name}:{line.number}")
    except CorpusReadError as error:
        print(f"{printable(name)}: {printable(error)}", file=sys.stderr)
        status = EXIT_UNREADABLE
    return status


def _write_claims(analysis: Analysis) -> None:
    """Print the JSON list of claims one claim at a time, as ``json.dumps(..., indent=2)``
    would print it whole, so that a corpus's report never holds all its text at once."""
    write = sys.stdout.write
    first = True
    for claim in analysis:
        item = json_for_terminal(claim_data(claim)).replace("\n", "\n  ")
        write(("[\n  " if first else ",\n  ") + item)
        first = False
    write("[]\n" if first else "\n]\n")


def _title(files: list[str], count: int) -> str:
    shown = ", ".join(display_name(path) for path in files)
    return f"{count} bundles: {shown}"


def run_report(args: argparse.Namespace) -> int:
    bundles: list[Bundle] = []
    names: list[str] = []
    status = EXIT_OK
    paths = list(expand(args.files))
    for path in paths:
        if is_jsonl(path, jsonl=args.jsonl):
            status = max(status, _read_corpus(path, bundles, names))
            continue
        try:
            bundles.append(for_corroboration(decode(path)))
            names.append(display_name(path))
        except UnreadableError as error:
            print_unreadable(error)
            status = max(status, EXIT_UNREADABLE)
        except DecodeError as error:
            print_decode_error(path, error)
            status = max(status, EXIT_INVALID)
    if status != EXIT_OK:
        return status
    try:
        merged = merge_corpus(bundles, names=names, strict=args.strict)
        count = len(bundles)
        bundles.clear()  # the merge holds all the analysis needs: free the inputs for it
    except MergeConflictError as error:
        print(f"cannot merge: {printable(error)}", file=sys.stderr)
        return EXIT_INVALID
    for conflict in merged.conflicts:
        print(f"claimmodel report: conflict: {printable(conflict)}", file=sys.stderr)
    bundle = merged.bundle
    analysis = analyze(bundle)
    if args.format == "json":
        _write_claims(analysis)
    else:
        title = None if count == 1 else _title(paths, count)
        sys.stdout.write(render_report(bundle, analysis, title=title))
    return EXIT_OK
