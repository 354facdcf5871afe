"""``claimmodel report``: the independent origins behind each claim, for people or programs."""

from __future__ import annotations

import argparse
import contextlib
import shutil
import sys
import tempfile
import textwrap
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import IO, Any, Protocol

from claimmodel.analysis import (
    Analysis,
    CitedEvidence,
    ClaimAnalysis,
    Contradiction,
    FactCheck,
    FigureConflict,
)
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
    decode_bytes,
    display_name,
    expand,
    is_jsonl,
    read,
    read_corpus,
)
from claimmodel.cli._terminal import json_for_terminal, printable
from claimmodel.corpus import Conflict, for_corroboration
from claimmodel.corpus._corroborate import gathered, registry_of
from claimmodel.exceptions import DecodeError, InvalidValueError, MergeConflictError
from claimmodel.model import (
    Assertion,
    AssertionMode,
    Bearing,
    Bundle,
    Confidence,
    Quantity,
    Stance,
)
from claimmodel.render._chains import claim_chains
from claimmodel.render._html import write_html

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


class _Lookup(Protocol):
    """What a claim's report reads beside its analysis: its assertions and sources' names."""

    def assertion(self, assertion_id: str) -> Assertion | None: ...

    def label(self, source_id: str) -> str | None: ...


class _InBundle:
    """The look-ups of a whole bundle."""

    def __init__(self, bundle: Bundle) -> None:
        self.bundle = bundle

    def assertion(self, assertion_id: str) -> Assertion | None:
        return self.bundle.assertion(assertion_id)

    def label(self, source_id: str) -> str | None:
        source = self.bundle.source(source_id)
        return None if source is None else source.label


class _OfClaim:
    """The look-ups of one claim of a corpus read in parts: its assertions, and the
    registry's names of sources (the first source of each id, as in a bundle)."""

    def __init__(self, assertions: Iterable[Assertion], names: Mapping[str, str]) -> None:
        self.assertions: dict[str, Assertion] = {}
        for assertion in assertions:
            self.assertions.setdefault(assertion.id, assertion)
        self.names = names

    def assertion(self, assertion_id: str) -> Assertion | None:
        return self.assertions.get(assertion_id)

    def label(self, source_id: str) -> str | None:
        return self.names.get(source_id)


def judgements(bundle: Bundle, claim: ClaimAnalysis) -> list[tuple[Confidence, list[str]]]:
    """Each distinct judgement of the claim's assertions (level, scale, band, assessor),
    with the ids of the assertions that carry it, in the order they first appear."""
    return _judgements(_InBundle(bundle), claim)


def _judgements(lookup: _Lookup, claim: ClaimAnalysis) -> list[tuple[Confidence, list[str]]]:
    found: dict[tuple[str, str, object, str | None], tuple[Confidence, list[str]]] = {}
    for assertion_id in claim.assertions:
        assertion = lookup.assertion(assertion_id)
        if assertion is None:  # pragma: no cover - the analysis names only the bundle's
            continue
        confidence = assertion.confidence
        key = (confidence.scale, confidence.level, confidence.probability, confidence.assessor)
        found.setdefault(key, (confidence, []))[1].append(assertion_id)
    return list(found.values())


def _judged_by(lookup: _Lookup, confidence: Confidence) -> str:
    assessor = confidence.assessor
    if assessor is None:
        return f"{confidence}; who judged it is not stated"
    label = lookup.label(assessor)
    return f"{confidence}, judged by {label if label is not None else assessor}"


def _confidence_lines(lookup: _Lookup, claim: ClaimAnalysis) -> list[str]:
    """The level, scale and assessor of each judgement of the claim; their joint band first
    when there are several."""
    found = _judgements(lookup, claim)
    if len(found) == 1:
        return _wrap(f"confidence: {_judged_by(lookup, found[0][0])}")
    if claim.confidence is not None:
        overall = f"{claim.confidence} over {len(found)} judgements"
    elif claim.judged:
        overall = f"graded, no probability stated, in {len(found)} judgements"
    else:
        overall = f"cannot be judged, in {len(found)} judgements"
    lines = _wrap(f"confidence: {overall}")
    for confidence, ids in found:
        lines += _wrap(f"{_judged_by(lookup, confidence)} ({_ids(ids)})", indent="    ")
    return lines


def _block(lookup: _Lookup, claim: ClaimAnalysis) -> list[str]:
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
        lines += _confidence_lines(lookup, claim)
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
    heading = title or bundle.title or bundle.id
    lookup = _InBundle(bundle)
    claims = ((claim, lookup) for claim in analysis.values())
    return "".join(_report_text(heading, claims, analysis.conflicting_figures))


def _report_text(
    heading: str | None,
    claims: Iterable[tuple[ClaimAnalysis, _Lookup]],
    figures: Sequence[FigureConflict],
) -> Iterator[str]:
    """The plain-text report in pieces, one claim's block at a time (each claim with what
    its block looks up), so that a corpus's report never holds all its text at once."""
    if heading:
        yield "\n".join([*_wrap(heading, indent="", hang="  "), "", ""])
    count = single = questioned = refuted = checked = 0
    contradictions: list[Contradiction] = []
    for claim, lookup in claims:
        yield "\n".join([*_block(lookup, claim), "", ""])
        count += 1
        single += claim.single_origin
        questioned += bool(claim.questioning)
        refuted += bool(claim.refuting_evidence)
        checked += bool(claim.fact_checks)
        if claim.contradicted:
            contradictions.append(
                Contradiction(
                    claim=claim.claim,
                    text=claim.text,
                    asserted_by=claim.independent,
                    opposed_by=tuple(o for o in claim.origins if o.contradicts),
                )
            )
    summary = (
        f"{_plural(count, 'claim')}; {single} single-origin; {len(contradictions)} contradicted"
    )
    if questioned:
        summary += f"; {questioned} questioned"
    if figures:
        summary += f"; {_plural(len(figures), 'conflict')} of figures"
    if refuted:
        summary += f"; {refuted} with refuting evidence"
    if checked:
        summary += f"; {checked} fact-checked"
    lines = _wrap(summary, indent="", hang="  ")
    for found in contradictions:
        asserted = ", ".join(origin.label for origin in found.asserted_by)
        opposed = ", ".join(origin.label for origin in found.opposed_by)
        lines += _wrap(f"contradicted: {found.claim}: asserted by {asserted}; opposed by {opposed}")
    for conflict in figures:
        lines += _wrap(f"conflicting figures ({conflict.measure}): {conflict.description}")
    yield "\n".join(lines) + "\n"


def claim_data(claim: ClaimAnalysis, bundle: Bundle | None = None) -> dict[str, Any]:
    """The JSON object ``report --format json`` prints for one claim (with each judgement
    of its assertions when ``bundle``, the analysed bundle, is given)."""
    return _claim_data(claim, None if bundle is None else _InBundle(bundle))


def _claim_data(claim: ClaimAnalysis, lookup: _Lookup | None) -> dict[str, Any]:
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
    if lookup is not None:
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
            for confidence, ids in _judgements(lookup, claim)
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


class _Inputs:
    """The bundles of the report's files, each with its name (``file:line`` for a line of a
    corpus), as many times as they are asked for: standard input is kept in a temporary
    file when first read.  The first reading reports what cannot be read or breaks a
    validation rule (those bundles are left out) and records the exit status."""

    def __init__(self, paths: list[str], *, jsonl: bool, keep: Callable[[Bundle], Bundle]) -> None:
        self.paths = paths
        self.jsonl = jsonl
        self.keep = keep
        self.status = EXIT_OK
        self.count = 0
        self._stdin: IO[bytes] | None = None
        self._stdin_bytes: bytes | None = None

    def close(self) -> None:
        if self._stdin is not None:
            self._stdin.close()

    def read(self, *, check: bool) -> Iterator[tuple[str, Bundle]]:
        """Every bundle with its name; ``check`` on the first reading."""
        for path in self.paths:
            if is_jsonl(path, jsonl=self.jsonl):
                yield from self._corpus(path, check=check)
                continue
            try:
                bundle = decode_bytes(path, self._bytes(path))
                if check:
                    notice = invalid_notice("report", display_name(path), path, bundle)
                    if notice is not None:
                        print(notice, file=sys.stderr)
                        self.status = max(self.status, EXIT_INVALID)
                        continue
                yield display_name(path), self.keep(bundle)
            except UnreadableError as error:
                print_unreadable(error)
                self.status = max(self.status, EXIT_UNREADABLE)
            except DecodeError as error:
                print_decode_error(path, error)
                self.status = max(self.status, EXIT_INVALID)

    def _bytes(self, path: str) -> bytes:
        if path != STDIN:
            return read(path)
        if self._stdin_bytes is None:
            self._stdin_bytes = read(path)
        return self._stdin_bytes

    def _file(self, path: str) -> IO[bytes] | None:
        """Standard input's bytes, kept in a temporary file; ``None`` for a path."""
        if path != STDIN:
            return None
        if self._stdin is None:
            self._stdin = tempfile.TemporaryFile()  # noqa: SIM115  (closed by close())
            shutil.copyfileobj(sys.stdin.buffer, self._stdin)
        self._stdin.seek(0)
        return self._stdin

    def _corpus(self, path: str, *, check: bool) -> Iterator[tuple[str, Bundle]]:
        """The bundles of a JSON Lines corpus, each kept as far as ``keep`` keeps it."""
        name = display_name(path)
        try:
            for line in read_corpus(path, file=self._file(path)):
                if line.error is not None:
                    for problem in line.error.problems:
                        where = f"{printable(name)}:{line.number}: {printable(problem.path)}"
                        print(f"{where}: {printable(problem.message)}", file=sys.stderr)
                    self.status = max(self.status, EXIT_INVALID)
                elif line.bundle is not None:
                    where = f"{name}:{line.number}"
                    if check:
                        notice = invalid_notice("report", where, path, line.bundle)
                        if notice is not None:
                            print(notice, file=sys.stderr)
                            self.status = max(self.status, EXIT_INVALID)
                            continue
                    yield where, self.keep(line.bundle)
        except CorpusReadError as error:
            print(f"{printable(name)}: {printable(error)}", file=sys.stderr)
            self.status = EXIT_UNREADABLE


def _write_claims(claims: Iterable[tuple[ClaimAnalysis, _Lookup]]) -> None:
    """Print the JSON list of claims one claim at a time, as ``json.dumps(..., indent=2)``
    would print it whole, so that a corpus's report never holds all its text at once."""
    write = sys.stdout.write
    first = True
    for claim, lookup in claims:
        item = json_for_terminal(_claim_data(claim, lookup)).replace("\n", "\n  ")
        write(("[\n  " if first else ",\n  ") + item)
        first = False
    write("[]\n" if first else "\n]\n")


def _title(files: list[str], count: int) -> str:
    shown = ", ".join(display_name(path) for path in files)
    return f"{count} bundles: {shown}"


def run_report(args: argparse.Namespace) -> int:
    paths = list(expand(args.files))
    # The text and JSON reports need only what the analysis reads; the page quotes too.
    keep = _whole if args.format == "html" else for_corroboration
    inputs = _Inputs(paths, jsonl=args.jsonl, keep=keep)
    try:
        return _in_parts(args, inputs)
    except UnreadableError as error:
        print_unreadable(error)
        return EXIT_UNREADABLE
    finally:
        inputs.close()


def _in_parts(args: argparse.Namespace, inputs: _Inputs) -> int:
    """Every report, read in two passes (``claimmodel.corpus._corroborate``): the registry
    of sources and claims first, then each claim's assertions, analysed and written one
    claim at a time."""
    page = args.format == "html"
    try:
        registry = registry_of(
            inputs.read(check=True),
            strict=args.strict,
            edges=page,
            again=lambda: inputs.read(check=False),  # for a record on several lines
        )
    except MergeConflictError as error:
        if inputs.status != EXIT_OK:
            return inputs.status
        print(f"cannot merge: {printable(error)}", file=sys.stderr)
        return EXIT_INVALID
    except InvalidValueError as error:  # the corpus changed between two readings
        if inputs.status != EXIT_OK:  # or a record left out as unreadable or invalid
            return inputs.status
        print(f"claimmodel report: {printable(error)}", file=sys.stderr)
        return EXIT_UNREADABLE
    if inputs.status != EXIT_OK:
        return inputs.status
    _print_conflicts(registry.conflicts)
    title = None if registry.records == 1 else _title(inputs.paths, registry.records)
    text: list[str] = []  # the merged document's words, from the first record giving them

    def records() -> Iterator[tuple[str, Bundle]]:
        for name, bundle in inputs.read(check=False):
            if page and not text:
                found = registry.document_text(bundle.id or name, bundle)
                text.extend([found] if found is not None else [])
            yield name, bundle

    with contextlib.ExitStack() as stack:
        try:
            found = stack.enter_context(gathered(registry, records(), keep=inputs.keep))
        except MergeConflictError as error:  # two versions of a record, with --strict
            print(f"cannot merge: {printable(error)}", file=sys.stderr)
            return EXIT_INVALID
        except InvalidValueError as error:  # the corpus changed between the two readings
            print(f"claimmodel report: {printable(error)}", file=sys.stderr)
            return EXIT_UNREADABLE
        _print_conflicts(found.conflicts)
        analysed = found.analyses(registry)
        names = registry.record.names
        with _output(args.output):
            if page:
                edges = registry.edges or []
                write_html(
                    sys.stdout.write,
                    (
                        (claim_chains(claim, _by_id(assertions), edges, names), assertions)
                        for claim, assertions in analysed
                    ),
                    title=title or registry.heading or "claimmodel report",
                    names=names,
                    scale_names=registry.scale_names,
                    text=text[0] if text else None,
                )
                return EXIT_OK
            claims = ((claim, _OfClaim(assertions, names)) for claim, assertions in analysed)
            if args.format == "json":
                _write_claims(claims)
            else:
                heading = title or registry.heading
                for piece in _report_text(heading, claims, registry.record.conflicts):
                    sys.stdout.write(piece)
    return EXIT_OK


def _by_id(assertions: Iterable[Assertion]) -> dict[str, Assertion]:
    """The assertions by id, the first of each id (as a bundle's look-up finds it)."""
    found: dict[str, Assertion] = {}
    for assertion in assertions:
        found.setdefault(assertion.id, assertion)
    return found


def _print_conflicts(conflicts: Iterable[Conflict]) -> None:
    for conflict in conflicts:
        print(f"claimmodel report: conflict: {printable(conflict)}", file=sys.stderr)


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
