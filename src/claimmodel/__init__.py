"""claimmodel: record who claims what, through whom, how hedged, and how sure we are.

Build or load :class:`Bundle` records of sources, claims and assertions, check
them, exchange them as JSON (:func:`loads`, :func:`dumps`) and question them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimmodel.analysis import (
    Analysis,
    ClaimAnalysis,
    Contradiction,
    Dependency,
    DependencyKind,
    Origin,
    RaisedHedge,
    analyze,
    dependencies,
    merge,
)
from claimmodel.exceptions import (
    ClaimModelError,
    DecodeError,
    LimitExceededError,
    Problem,
    ValidationError,
)
from claimmodel.format import (
    FORMAT_VERSION,
    Limits,
    dump,
    dumps,
    from_data,
    json_schema,
    load,
    loads,
    to_data,
)
from claimmodel.model import (
    CANNOT_BE_JUDGED,
    SCALES,
    Affiliation,
    AffiliationKind,
    AnonymousSource,
    Assertion,
    Attribution,
    Bundle,
    Channel,
    Claim,
    Collective,
    Confidence,
    Document,
    Evidence,
    FrozenMap,
    GovernmentBody,
    Hedge,
    HedgeCategory,
    Interval,
    Level,
    Link,
    MediaOutlet,
    Organization,
    PartialDate,
    Person,
    Polarity,
    Precision,
    Relation,
    RelationKind,
    Role,
    Scale,
    ScaleKind,
    Source,
    SourceKind,
    Span,
    Stance,
    admiralty_code,
    claim_id,
    convert,
    get_scale,
    summarize,
)
from claimmodel.validation import Finding, Report, Severity, validate

if TYPE_CHECKING:
    __version__: str

__all__ = [
    "CANNOT_BE_JUDGED",
    "FORMAT_VERSION",
    "SCALES",
    "Affiliation",
    "AffiliationKind",
    "Analysis",
    "AnonymousSource",
    "Assertion",
    "Attribution",
    "Bundle",
    "Channel",
    "Claim",
    "ClaimAnalysis",
    "ClaimModelError",
    "Collective",
    "Confidence",
    "Contradiction",
    "DecodeError",
    "Dependency",
    "DependencyKind",
    "Document",
    "Evidence",
    "Finding",
    "FrozenMap",
    "GovernmentBody",
    "Hedge",
    "HedgeCategory",
    "Interval",
    "Level",
    "LimitExceededError",
    "Limits",
    "Link",
    "MediaOutlet",
    "Organization",
    "Origin",
    "PartialDate",
    "Person",
    "Polarity",
    "Precision",
    "Problem",
    "RaisedHedge",
    "Relation",
    "RelationKind",
    "Report",
    "Role",
    "Scale",
    "ScaleKind",
    "Severity",
    "Source",
    "SourceKind",
    "Span",
    "Stance",
    "ValidationError",
    "admiralty_code",
    "analyze",
    "claim_id",
    "convert",
    "dependencies",
    "dump",
    "dumps",
    "from_data",
    "get_scale",
    "json_schema",
    "load",
    "loads",
    "merge",
    "summarize",
    "to_data",
    "validate",
]


def __getattr__(name: str) -> str:
    # The version comes from the installed package's metadata, read on first use.
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415

        return version("claimmodel")
    raise AttributeError(f"module 'claimmodel' has no attribute {name!r}")
