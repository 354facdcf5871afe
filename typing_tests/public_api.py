"""Exercise the public API under the type checker (``mypy --strict typing_tests``).

Nothing here runs in the test suite: the file passes when mypy finds no error,
so that the annotations users see stay precise.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import claimmodel as cm
from claimmodel.interop import Format, Imported, export_bundle, get_format, import_bundle
from claimmodel.interop.stix import from_stix, read_stix, to_stix_json


def build() -> cm.Bundle:
    date: cm.PartialDate = cm.PartialDate.parse("July", reference=dt.date(2025, 11, 25))
    precision: cm.Precision = date.precision
    assert precision is cm.Precision.MONTH
    source: cm.Source = cm.Person(id="p", name="Name as written").with_alias("Alias")
    figure = cm.Quantity(measure="m", lower=10_000, upper=12_500.5, unit="troops", approximate=True)
    claim = cm.Claim(text="A proposition", parties=("p",), quantity=figure)
    claim_id: str = claim.id
    bounds: tuple[float, bool, float, bool] = figure.bounds
    assert figure.overlaps(figure)
    assert bounds[0] <= bounds[2]
    confidence = cm.Confidence(
        scale="icd203", level="likely", probability=cm.Interval(low=0.55, high=0.8)
    )
    judged: bool = confidence.judged
    assert judged
    assertion = cm.Assertion(
        id="a",
        claim=claim_id,
        attribution=cm.Attribution(source="p", chain=(cm.Link(source="p"),)),
        confidence=confidence,
        date=date,
        extensions={"x_anything": [1, {"k": None}]},
    )
    path: tuple[str, ...] = assertion.attribution.path
    assert path
    return cm.Bundle(sources=(source,), claims=(claim,), assertions=(assertion,))


def exchange(bundle: cm.Bundle) -> cm.Bundle:
    text: str = cm.dumps(bundle, indent=2)
    try:
        return cm.loads(text)
    except cm.DecodeError as error:
        problems: tuple[cm.Problem, ...] = error.problems
        raise ValueError(problems[0].path) from error


def check(bundle: cm.Bundle) -> list[str]:
    report: cm.Report = cm.validate(bundle, ignore=["CM7"], severities={"CM106": "error"})
    ok: bool = report.ok
    findings: tuple[cm.Finding, ...] = report.errors
    severity: cm.Severity = findings[0].severity if findings else cm.Severity.WARNING
    try:
        report.raise_for_errors()
    except cm.ValidationError as error:
        codes = [finding.code for finding in error.findings]
        raise ValueError(codes) from error
    return [f"{f.path}: {f.code} {severity.value} {ok}" for f in report]


def scales(confidence: cm.Confidence) -> cm.Interval | None:
    scale: cm.Scale | None = cm.get_scale("icd203")
    assert scale is not None
    kind: cm.ScaleKind = scale.kind
    assert kind is cm.ScaleKind.LIKELIHOOD
    level: cm.Level | None = scale.level("probable")
    assert level is not None
    known: int = len(cm.SCALES)
    assert known
    parsed: cm.Confidence = cm.Confidence.parse("B", scale="admiralty-reliability")
    converted: cm.Confidence = cm.convert(confidence, to="stix")
    original: cm.Confidence | None = converted.original
    assert original is not None
    source = cm.Person(id="p", reliability=parsed)
    assertion = cm.Assertion(
        id="a", claim="c", attribution=cm.Attribution(source="p"), confidence=confidence
    )
    code: str = cm.admiralty_code(source, assertion, independent_origins=2)
    assert code
    desk = cm.Scale(
        id="x-desk",
        name="Desk",
        kind=cm.ScaleKind.RATING,
        levels=(cm.Level(label="doubtful"), cm.Level(label="solid")),
    )
    rated: cm.Confidence = cm.Confidence.parse("solid", scale=desk)
    onto: cm.Confidence = cm.convert(confidence, to=desk, scales=[desk])
    assert rated != onto
    report: cm.Report = cm.validate(cm.Bundle(), scales=[desk])
    assert report.ok
    return cm.summarize([confidence, converted], scales=(desk,))


def corroboration(bundles: list[cm.Bundle]) -> list[str]:
    merged: cm.Bundle = cm.merge(bundles)
    analysis: cm.Analysis = cm.analyze(merged)
    verdicts: list[str] = []
    for claim_id in analysis:
        result: cm.ClaimAnalysis = analysis[claim_id]
        found: cm.ClaimAnalysis | None = analysis.get(claim_id)
        assert found is result
        assert claim_id in analysis
        routes: tuple[cm.Route, ...] = result.routes
        assert all(route.label for route in routes)
        same: tuple[cm.SameClaim, ...] = result.same
        relays: tuple[cm.ControlledRelay, ...] = result.controlled_relays
        interested: int = result.interested_origins
        assert interested >= 0
        assert all(s.claim for s in same)
        assert all(relay.description for relay in relays)
        origins: tuple[cm.Origin, ...] = result.independent
        count: int = result.independent_origins
        single: bool = result.single_origin
        verdicts.append(f"{result.claim}: {count} {single} {len(origins)} {result.verdict}")
    contradictions: tuple[cm.Contradiction, ...] = analysis.contradictions
    figures: tuple[cm.FigureConflict, ...] = analysis.conflicting_figures
    verdicts.extend(conflict.description for conflict in figures)
    for result in analysis.values():
        checks: tuple[cm.FactCheck, ...] = result.fact_checks
        verdicts.extend(f"{check.description} {check.first_appearance}" for check in checks)
    return verdicts + [c.claim for c in contradictions]


def fact_check(bundle: cm.Bundle) -> cm.Bundle:
    rating = cm.Rating(label="Mostly true", value=4, best=5, worst=1.0, scale="x-newsroom")
    where: Fraction | None = rating.position
    assert where is not None
    verdict = cm.Verdict(
        id="v1",
        reviewer="checker",
        reviews=["a1"],
        rating=rating,
        date=cm.PartialDate(year=2025),
        evidence=(cm.Evidence(url="https://archive.example/1"),),
    )
    reviewed: tuple[str, ...] = verdict.reviews
    assert reviewed == ("a1",)
    found: tuple[cm.Verdict, ...] = bundle.with_verdict(verdict).verdicts_of("c1")
    return bundle.with_verdict(verdict) if not found else bundle


def untrusted(text: bytes) -> cm.Bundle | None:
    limits = cm.Limits(max_document_bytes=1_000_000, max_depth=32)
    try:
        return cm.loads(text, limits=limits)
    except cm.LimitExceededError as error:
        paths: list[str] = [problem.path for problem in error.problems]
        assert paths
        return None


def other_formats(bundle: cm.Bundle) -> cm.Bundle:
    entry: Format = get_format("stix")
    assert entry.can_export
    written: str | bytes = export_bundle(bundle, to="stix")
    imported: Imported = import_bundle(written, from_format="stix")
    summary: str | None = imported.summary()
    assert summary is None
    text: str = to_stix_json(bundle, ids="random", indent=None)
    assert read_stix(text).bundle == from_stix(text)
    return imported.bundle


def weigh(bundle: cm.Bundle) -> list[str]:
    video = cm.Evidence(
        kind=cm.EvidenceKind.VIDEO,
        url="https://example.org/v.mp4",
        sha256="0" * 64,
        captured=cm.PartialDate(year=2025),
        archived=cm.PartialDate(year=2026),
        archive_url="https://archive.ph/x",
        bearing=cm.Bearing.REFUTES,
    )
    recording: bool = video.is_recording
    assert recording
    claim: cm.ClaimAnalysis = cm.analyze(bundle)[bundle.claims[0].id]
    refuting: tuple[cm.CitedEvidence, ...] = claim.refuting_evidence
    bearing: cm.Bearing = refuting[0].bearing if refuting else cm.Bearing.NEITHER
    carriers: tuple[str, ...] = claim.evidence[0].assertions if claim.evidence else ()
    return [bearing.value, *carriers, *(i.evidence.kind.value for i in claim.supporting_evidence)]
