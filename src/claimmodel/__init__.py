"""claimmodel: record who claims what, through whom, how hedged, and how sure we are.

Build or load :class:`Bundle` records of sources, claims and assertions, check
them, exchange them as JSON (:func:`loads`, :func:`dumps`) and question them.
"""

# The public names are loaded on first use (PEP 562, as Scientific Python's SPEC 1
# describes): ``import claimmodel`` imports none of the library, not even attrs;
# ``claimmodel.Bundle`` imports ``claimmodel.model``, ``claimmodel.loads`` the format
# layer, ``claimmodel.validate`` validation.  Type checkers read the imports below;
# the interpreter reads ``_HOMES``.  tests/test_public_api.py keeps the two, and
# ``__all__``, in step.

from __future__ import annotations

# typing.TYPE_CHECKING without importing typing, which costs more than all the rest of
# this module; type checkers treat any constant of this name the same way.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from claimmodel.analysis import (
        Analysis,
        ClaimAnalysis,
        Contradiction,
        Dependency,
        DependencyKind,
        Origin,
        RaisedHedge,
        Reversal,
        Route,
        Withdrawal,
        analyze,
        dependencies,
        merge,
    )
    from claimmodel.corpus import (
        CorpusLine,
        CorpusMerge,
        dump_lines,
        dumps_line,
        iter_lines,
        iter_load,
        merge_corpus,
    )
    from claimmodel.exceptions import (
        ClaimModelError,
        DecodeError,
        InvalidTypeError,
        InvalidValueError,
        LimitExceededError,
        LineDecodeError,
        MergeConflictError,
        MissingExtraError,
        Problem,
        UnsupportedFormatError,
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
        AssertionMode,
        Attribution,
        Bundle,
        Channel,
        Claim,
        Collective,
        Confidence,
        DateCertainty,
        Document,
        Draft,
        Evidence,
        FrozenMap,
        GovernmentBody,
        GroundRule,
        Hedge,
        HedgeCategory,
        Identifier,
        IdentifierScheme,
        Interval,
        Level,
        Link,
        MediaOutlet,
        Occasion,
        Organization,
        PartialDate,
        Person,
        Polarity,
        Precision,
        Quotation,
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
        parse_date_bounds,
        summarize,
    )
    from claimmodel.validation import Finding, Report, Severity, validate

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
    "AssertionMode",
    "Attribution",
    "Bundle",
    "Channel",
    "Claim",
    "ClaimAnalysis",
    "ClaimModelError",
    "Collective",
    "Confidence",
    "Contradiction",
    "CorpusLine",
    "CorpusMerge",
    "DateCertainty",
    "DecodeError",
    "Dependency",
    "DependencyKind",
    "Document",
    "Draft",
    "Evidence",
    "Finding",
    "FrozenMap",
    "GovernmentBody",
    "GroundRule",
    "Hedge",
    "HedgeCategory",
    "Identifier",
    "IdentifierScheme",
    "Interval",
    "InvalidTypeError",
    "InvalidValueError",
    "Level",
    "LimitExceededError",
    "Limits",
    "LineDecodeError",
    "Link",
    "MediaOutlet",
    "MergeConflictError",
    "MissingExtraError",
    "Occasion",
    "Organization",
    "Origin",
    "PartialDate",
    "Person",
    "Polarity",
    "Precision",
    "Problem",
    "Quotation",
    "RaisedHedge",
    "Relation",
    "RelationKind",
    "Report",
    "Reversal",
    "Role",
    "Route",
    "Scale",
    "ScaleKind",
    "Severity",
    "Source",
    "SourceKind",
    "Span",
    "Stance",
    "UnsupportedFormatError",
    "ValidationError",
    "Withdrawal",
    "admiralty_code",
    "analyze",
    "claim_id",
    "convert",
    "dependencies",
    "dump",
    "dump_lines",
    "dumps",
    "dumps_line",
    "from_data",
    "get_scale",
    "iter_lines",
    "iter_load",
    "json_schema",
    "load",
    "loads",
    "merge",
    "merge_corpus",
    "parse_date_bounds",
    "summarize",
    "to_data",
    "validate",
]

# The public subpackage that holds each name: imported when the name is first used.
_HOMES: dict[str, tuple[str, ...]] = {
    "claimmodel.analysis": (
        "Analysis",
        "ClaimAnalysis",
        "Contradiction",
        "Dependency",
        "DependencyKind",
        "Origin",
        "RaisedHedge",
        "Reversal",
        "Route",
        "Withdrawal",
        "analyze",
        "dependencies",
        "merge",
    ),
    "claimmodel.corpus": (
        "CorpusLine",
        "CorpusMerge",
        "dump_lines",
        "dumps_line",
        "iter_lines",
        "iter_load",
        "merge_corpus",
    ),
    "claimmodel.exceptions": (
        "ClaimModelError",
        "DecodeError",
        "InvalidTypeError",
        "InvalidValueError",
        "LimitExceededError",
        "LineDecodeError",
        "MergeConflictError",
        "MissingExtraError",
        "Problem",
        "UnsupportedFormatError",
        "ValidationError",
    ),
    "claimmodel.format": (
        "FORMAT_VERSION",
        "Limits",
        "dump",
        "dumps",
        "from_data",
        "json_schema",
        "load",
        "loads",
        "to_data",
    ),
    "claimmodel.model": (
        "CANNOT_BE_JUDGED",
        "SCALES",
        "Affiliation",
        "AffiliationKind",
        "AnonymousSource",
        "Assertion",
        "AssertionMode",
        "Attribution",
        "Bundle",
        "Channel",
        "Claim",
        "Collective",
        "Confidence",
        "DateCertainty",
        "Document",
        "Draft",
        "Evidence",
        "FrozenMap",
        "GovernmentBody",
        "GroundRule",
        "Hedge",
        "HedgeCategory",
        "Identifier",
        "IdentifierScheme",
        "Interval",
        "Level",
        "Link",
        "MediaOutlet",
        "Occasion",
        "Organization",
        "PartialDate",
        "Person",
        "Polarity",
        "Precision",
        "Quotation",
        "Relation",
        "RelationKind",
        "Role",
        "Scale",
        "ScaleKind",
        "Source",
        "SourceKind",
        "Span",
        "Stance",
        "admiralty_code",
        "claim_id",
        "convert",
        "get_scale",
        "parse_date_bounds",
        "summarize",
    ),
    "claimmodel.validation": (
        "Finding",
        "Report",
        "Severity",
        "validate",
    ),
}
_HOME_OF = {name: module for module, names in _HOMES.items() for name in names}

# Subpackages reachable as attributes (``claimmodel.model``) without importing them first.
_SUBPACKAGES = frozenset({"analysis", "corpus", "exceptions", "format", "model", "validation"})


def __getattr__(name: str) -> object:
    import importlib  # noqa: PLC0415

    if name in _HOME_OF:
        value = getattr(importlib.import_module(_HOME_OF[name]), name)
        globals()[name] = value  # later look-ups skip this function
        return value
    if name in _SUBPACKAGES:
        return importlib.import_module(f"claimmodel.{name}")
    # The version comes from the installed package's metadata, read on first use.
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415

        return version("claimmodel")
    raise AttributeError(f"module 'claimmodel' has no attribute {name!r}")


def __dir__() -> list[str]:
    return list(__all__)  # the public names, whether loaded yet or not
