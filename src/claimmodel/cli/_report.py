"""``claimmodel report``: the independent origins behind each claim, for people or programs."""

from __future__ import annotations

import argparse
import contextlib
import sys
import textwrap
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from claimmodel.analysis import Analysis, CitedEvidence, ClaimAnalysis, FactCheck, analyze
from claimmodel.cli._commands import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_UNREADABLE,
    invalid_notice,
    print_decode_error,
    print_unreadable,
)
from claimmodel.cli._inputs import (
    STDIN,
    CorpusReadError,
    UnreadableError,
    decode,
    display_name,
    expand,
    is_jsonl,
    read_corpus,
)
from claimmodel.cli._interop import write_output
from claimmodel.cli._terminal import json_for_terminal, printable
from claimmodel.corpus import for_corroboration, merge_corpus
from claimmodel.exceptions import DecodeError, MergeConflictError
from claimmodel.model import AssertionMode, Bearing, Bundle, Confidence, Quantity, Stance
from claimmodel.render import render_html

__all__ = ["claim_data", "judgements", "render_report", "run_report"]

WIDTH = 80

_STANCE_VERBS = {
    Stance.REPORTS: "reported by",
    Stance.QUESTIONS: "questioned by",
    Stance.DISPUTES: "disputed by",
    Stance.DENIES: "denied by",
    Stance.DECLINES_TO_COMMENT: "declined to comment",
    Stance.DOES_NOT_RESPOND: "did not respond",
}
"""What the origins that do not back a claim do with it, in the order the report lists them."""


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


def _ids(ids: Iterable[str]) -> str:
    """Assertion ids, labelled as such: ``assertion a1`` or ``assertions a1, a2``."""
    listed = list(ids)
    return ("assertion " if len(listed) == 1 else "assertions ") + ", ".join(listed)


def judgements(bundle: Bundle, claim: ClaimAnalysis) -> list[tuple[Confidence, list[str]]]:
    """Each distinct judgement of the claim's assertions (level, scale, band, assessor),
    with the ids of the assertions that carry it, in the order they first appear."""
    found: dict[tuple[str, str, object, str | None], tuple[Confidence, list[str]]] = {}
    for assertion_id in claim.assertions:
        assertion = bundle.assertion(assertion_id)
        if assertion is None:  # pragma: no cover - the analysis names only the bundle's
            continue
        confidence = assertion.confidence
        key = (confidence.scale, confidence.level, confidence.probability, confidence.assessor)
        found.setdefault(key, (confidence, []))[1].append(assertion_id)
    return list(found.values())


def _judged_by(bundle: Bundle, confidence: Confidence) -> str:
    assessor = confidence.assessor
    if assessor is None:
        return f"{confidence}; who judged it is not stated"
    source = bundle.source(assessor)
    return f"{confidence}, judged by {source.label if source is not None else assessor}"


def _confidence_lines(bundle: Bundle, claim: ClaimAnalysis) -> list[str]:
    """The level, scale and assessor of each judgement of the claim; their joint band first
    when there are several."""
    found = judgements(bundle, claim)
    if len(found) == 1:
        return _wrap(f"confidence: {_judged_by(bundle, found[0][0])}")
    if claim.confidence is not None:
        overall = f"{claim.confidence} over {len(found)} judgements"
    elif claim.judged:
        overall = f"graded, no probability stated, in {len(found)} judgements"
    else:
        overall = f"cannot be judged, in {len(found)} judgements"
    lines = _wrap(f"confidence: {overall}")
    for confidence, ids in found:
        lines += _wrap(f"{_judged_by(bundle, confidence)} ({_ids(ids)})", indent="    ")
    return lines


def _block(bundle: Bundle, claim: ClaimAnalysis) -> list[str]:
    lines = [printable(claim.claim)]
    lines += _wrap(claim.text if claim.text is not None else "(claim not in the bundle)")
    for same in claim.same:
        language = f" ({same.language})" if same.language is not None else ""
        lines += _wrap(f"same claim, counted with it: {same.claim}{language}: {same.text}")
    if claim.parties:
        lines += _wrap("interested parties: " + ", ".join(claim.party_names))
    if claim.quantity is not None:
        measure = claim.quantity.measure
        lines += _wrap(f"figure: {claim.quantity}" + (f" ({measure})" if measure else ""))
    for conflict in claim.conflicting_figures:
        lines += _wrap(f"conflicting figures ({conflict.measure}): {conflict.description}")
    lines += _wrap(
        f"{_plural(len(claim.assertions), 'assertion')} by "
        f"{_plural(len(claim.sources), 'source')}: {claim.backing_words}"
    )
    for number, origin in enumerate(claim.independent, start=1):
        backing = "" if origin.mode in (None, AssertionMode.STATED) else f", {origin.mode.value}"
        if origin.is_interested:
            backing += f", an interested party ({', '.join(origin.interested_names)})"
        lines += _wrap(f"origin {number}: {origin.label} ({_ids(origin.assertions)}){backing}")
    for origin in claim.origins:
        for reason in origin.reasons:
            lines += _wrap(f"one origin: {reason}")
    for route in claim.routes:
        lines += _wrap(f"relayed: {route.label} ({_ids(route.assertions)})")
    for stance, verb in _STANCE_VERBS.items():
        for origin in claim.origins:
            if stance in origin.stances:
                lines += _wrap(f"{verb}: {origin.label} ({_ids(origin.assertions)})")
    for relay in claim.controlled_relays:
        lines += _wrap(f"relayed by an outlet an interested party controls: {relay.description}")
    if claim.only_through_controlled:
        lines += _wrap("reached the reader only through outlets an interested party controls")
    for withdrawn in claim.withdrawn:
        lines += _wrap(
            f"{withdrawn.how}: assertion {withdrawn.assertion} ({withdrawn.name}) "
            f"by assertion {withdrawn.by} ({withdrawn.by_name}); no longer counted"
        )
    for reversal in claim.reversals:
        lines += _wrap(f"changed position: {reversal.name} {reversal.change}")
    if claim.hedges:
        hedges = "; ".join(
            f'"{raised.hedge.cue}" {raised.hedge.category.value}' for raised in claim.hedges
        )
        lines += _wrap(f"hedges: {hedges}")
    for item in claim.evidence:
        lines += _wrap(f"evidence {_evidence_line(item)}")
    if claim.assertions:
        lines += _confidence_lines(bundle, claim)
    for check in claim.fact_checks:
        lines += _wrap(f"fact-check: {check.description} ({_ids(check.assertions)})")
    lines += _wrap(f"verdict: {claim.verdict}")
    return lines


_BEARING_WORDS = {
    Bearing.SUPPORTS: "supports it",
    Bearing.REFUTES: "refutes it",
    Bearing.NEITHER: "bears neither way",
}


def _evidence_line(item: CitedEvidence) -> str:
    """One cited piece of evidence: its bearing, kind, where it is, when it was captured."""
    evidence = item.evidence
    where = evidence.url or evidence.archive_url or evidence.quote
    described = [evidence.kind.value, *([where] if where is not None else [])]
    if evidence.sha256 is not None:
        described.append(f"sha256 {evidence.sha256}")
    if evidence.captured is not None:
        described.append(f"captured {evidence.captured}")
    return f"{_BEARING_WORDS[item.bearing]}: {', '.join(described)} ({_ids(item.assertions)})"


def render_report(bundle: Bundle, analysis: Analysis, *, title: str | None = None) -> str:
    """The plain-text report: one block per claim, ending in its verdict, then a summary."""
    lines: list[str] = []
    heading = title or bundle.title or bundle.id
    if heading:
        lines += _wrap(heading, indent="", hang="  ")
        lines.append("")
    for claim in analysis.values():
        lines += _block(bundle, claim)
        lines.append("")
    single = len(analysis.single_origin)
    contradictions = analysis.contradictions
    questioned = sum(1 for claim in analysis.values() if claim.questioning)
    summary = (
        f"{_plural(len(analysis), 'claim')}; {single} single-origin; "
        f"{len(contradictions)} contradicted"
    )
    if questioned:
        summary += f"; {questioned} questioned"
    figures = analysis.conflicting_figures
    if figures:
        summary += f"; {_plural(len(figures), 'conflict')} of figures"
    refuted = sum(1 for claim in analysis.values() if claim.refuting_evidence)
    if refuted:
        summary += f"; {refuted} with refuting evidence"
    checked = sum(1 for claim in analysis.values() if claim.fact_checks)
    if checked:
        summary += f"; {checked} fact-checked"
    lines += _wrap(summary, indent="", hang="  ")
    for found in contradictions:
        asserted = ", ".join(origin.label for origin in found.asserted_by)
        opposed = ", ".join(origin.label for origin in found.opposed_by)
        lines += _wrap(f"contradicted: {found.claim}: asserted by {asserted}; opposed by {opposed}")
    for conflict in figures:
        lines += _wrap(f"conflicting figures ({conflict.measure}): {conflict.description}")
    return "\n".join(lines) + "\n"


def claim_data(claim: ClaimAnalysis, bundle: Bundle | None = None) -> dict[str, Any]:
    """The JSON object ``report --format json`` prints for one claim (with each judgement
    of its assertions when ``bundle``, the analysed bundle, is given)."""
    data: dict[str, Any] = {
        "claim": claim.claim,
        "text": claim.text,
        "assertions": len(claim.assertions),
        "assertion_ids": list(claim.assertions),
        "sources": list(claim.sources),
        "relays": list(claim.relays),
        "routes": [
            {
                "sources": list(route.sources),
                "names": list(route.names),
                "channels": [channel.value for channel in route.channels],
                "assertions": list(route.assertions),
            }
            for route in claim.routes
        ],
        "backing": list(claim.backing),
        "presupposed": list(claim.presupposed),
        "inferred": list(claim.inferred),
        "independent_origins": claim.independent_origins,
        "single_origin": claim.single_origin,
        "asserting": claim.asserting,
        "denying": claim.denying,
        "disputing": claim.disputing,
        "questioning": claim.questioning,
        "reporting": claim.reporting,
        "declining": claim.declining,
        "not_responding": claim.not_responding,
        "contradicted": claim.contradicted,
        "stated_origins": claim.stated_origins,
        "presupposed_origins": claim.presupposed_origins,
        "inferred_origins": claim.inferred_origins,
        "parties": list(claim.parties),
        "interested_origins": claim.interested_origins,
        "controlled_relays": [
            {
                "relay": relay.relay,
                "name": relay.name,
                "party": relay.party,
                "party_name": relay.party_name,
                "via": list(relay.via),
            }
            for relay in claim.controlled_relays
        ],
        "only_through_controlled": claim.only_through_controlled,
        "quantity": None if claim.quantity is None else _quantity_data(claim.quantity),
        "conflicting_figures": [
            {
                "measure": conflict.measure,
                "unit": conflict.unit,
                "first": conflict.first,
                "first_figure": str(conflict.first_quantity),
                "second": conflict.second,
                "second_figure": str(conflict.second_quantity),
            }
            for conflict in claim.conflicting_figures
        ],
        "fact_checks": [_fact_check_data(check) for check in claim.fact_checks],
        "origins": [
            {
                "sources": list(origin.sources),
                "names": list(origin.names),
                "assertions": list(origin.assertions),
                "stances": [stance.value for stance in origin.stances],
                "mode": None if origin.mode is None else origin.mode.value,
                "reasons": list(origin.reasons),
                "interested": list(origin.interested),
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
        "judged": claim.judged,
        "evidence": [_evidence_data(item) for item in claim.evidence],
        "supporting_evidence": len(claim.supporting_evidence),
        "refuting_evidence": len(claim.refuting_evidence),
        "inconclusive_evidence": len(claim.inconclusive_evidence),
        "same_claims": [
            {"claim": same.claim, "text": same.text, "language": same.language}
            for same in claim.same
        ],
        "verdict": claim.verdict,
    }
    if bundle is not None:
        data["judgements"] = [
            {
                "scale": confidence.scale,
                "level": confidence.level,
                "probability": (
                    None
                    if confidence.probability is None
                    else {"low": confidence.probability.low, "high": confidence.probability.high}
                ),
                "assessor": confidence.assessor,
                "assertions": ids,
            }
            for confidence, ids in judgements(bundle, claim)
        ]
    return data


def _evidence_data(item: CitedEvidence) -> dict[str, Any]:
    """A cited piece of evidence: its bearing, kind, where and when, and who carries it."""
    evidence = item.evidence
    return {
        "bearing": item.bearing.value,
        "kind": evidence.kind.value,
        "url": evidence.url,
        "sha256": evidence.sha256,
        "captured": None if evidence.captured is None else evidence.captured.isoformat(),
        "archived": None if evidence.archived is None else evidence.archived.isoformat(),
        "archive_url": evidence.archive_url,
        "quote": evidence.quote,
        "assertions": list(item.assertions),
    }


def _fact_check_data(check: FactCheck) -> dict[str, Any]:
    """A verdict on the claim: the review, its rating, and what it reviewed."""
    rating = check.rating
    return {
        "verdict": check.verdict,
        "reviewer": check.reviewer,
        "reviewer_name": check.reviewer_name,
        "rating": {
            "label": rating.label,
            "value": rating.value,
            "best": rating.best,
            "worst": rating.worst,
            "scale": rating.scale,
        },
        "date": None if check.date is None else check.date.isoformat(),
        "url": check.url,
        "explanation": check.explanation,
        "assertions": list(check.assertions),
        "claimants": list(check.claimants),
        "appearances": list(check.appearances),
        "first_appearance": check.first_appearance,
    }


def _quantity_data(quantity: Quantity) -> dict[str, Any]:
    """A quantity's wire keys (extension data left out) and its figure in words."""
    data: dict[str, Any] = {
        "measure": quantity.measure,
        "value": quantity.value,
        "lower": quantity.lower,
        "upper": quantity.upper,
        "lower_exclusive": quantity.lower_exclusive,
        "upper_exclusive": quantity.upper_exclusive,
        "unit": quantity.unit,
        "approximate": quantity.approximate,
    }
    return {**data, "figure": str(quantity)}


def _read_corpus(
    path: str, bundles: list[Bundle], names: list[str], keep: Callable[[Bundle], Bundle]
) -> int:
    """Add the bundles of a JSON Lines corpus, each kept as far as ``keep`` keeps it."""
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
                notice = invalid_notice("report", f"{name}:{line.number}", path, line.bundle)
                if notice is not None:
                    print(notice, file=sys.stderr)
                    status = max(status, EXIT_INVALID)
                    continue
                bundles.append(keep(line.bundle))
                names.append(f"{name}:{line.number}")
    except CorpusReadError as error:
        print(f"{printable(name)}: {printable(error)}", file=sys.stderr)
        status = EXIT_UNREADABLE
    return status


def _write_claims(bundle: Bundle, analysis: Analysis) -> None:
    """Print the JSON list of claims one claim at a time, as ``json.dumps(..., indent=2)``
    would print it whole, so that a corpus's report never holds all its text at once."""
    write = sys.stdout.write
    first = True
    for claim in analysis.values():
        item = json_for_terminal(claim_data(claim, bundle)).replace("\n", "\n  ")
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
    # The text and JSON reports need only what the analysis reads; the page quotes too.
    keep = _whole if args.format == "html" else for_corroboration
    for path in paths:
        if is_jsonl(path, jsonl=args.jsonl):
            status = max(status, _read_corpus(path, bundles, names, keep))
            continue
        try:
            bundle = decode(path)
            notice = invalid_notice("report", display_name(path), path, bundle)
            if notice is not None:
                print(notice, file=sys.stderr)
                status = max(status, EXIT_INVALID)
                continue
            bundles.append(keep(bundle))
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
    title = None if count == 1 else _title(paths, count)
    try:
        if args.format == "html":
            write_output(args.output, render_html(bundle, analysis, title=title))
            return EXIT_OK
        with _output(args.output):
            if args.format == "json":
                _write_claims(bundle, analysis)
            else:
                sys.stdout.write(render_report(bundle, analysis, title=title))
    except UnreadableError as error:
        print_unreadable(error)
        return EXIT_UNREADABLE
    return EXIT_OK


def _whole(bundle: Bundle) -> Bundle:
    return bundle


@contextlib.contextmanager
def _output(path: str | None) -> Iterator[None]:
    """Standard output, or the file ``path`` in its place (``-o``)."""
    if path is None or path == STDIN:
        yield
        return
    try:
        stream = open(path, "w", encoding="utf-8")  # noqa: SIM115  (closed below)
    except OSError as error:
        raise UnreadableError(path, f"cannot write: {error.strerror or error}") from None
    with stream, contextlib.redirect_stdout(stream):
        yield
