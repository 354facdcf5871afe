"""The public names: a snapshot, so that a removal is a deliberate act."""

from __future__ import annotations

import claimmodel
import claimmodel.analysis
import claimmodel.exceptions
import claimmodel.format
import claimmodel.model
import claimmodel.validation

# Adding a name: add it here too.  Removing one: it breaks users; see docs/compatibility.md.
EXPECTED_TOP_LEVEL = {
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
    "Severity",
    "Scale",
    "ScaleKind",
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
}

EXPECTED_EXCEPTIONS = {
    "ClaimModelError",
    "DecodeError",
    "InvalidTypeError",
    "InvalidValueError",
    "LimitExceededError",
    "MergeConflictError",
    "Problem",
    "UnsupportedFormatError",
    "ValidationError",
}


def _isort_style(name: str) -> tuple[int, str]:
    # The order ruff's RUF022 keeps: CONSTANTS, then Classes, then functions.
    if name.isupper():
        return (0, name)
    return (1, name) if name[0].isupper() else (2, name)


class TestPublicAPI:
    """Every public name is still there, and `__all__` lists only real, sorted names."""

    def test_top_level_names(self) -> None:
        assert EXPECTED_TOP_LEVEL <= set(claimmodel.__all__)

    def test_exception_names(self) -> None:
        assert EXPECTED_EXCEPTIONS <= set(claimmodel.exceptions.__all__)

    def test_all_is_sorted_and_resolves(self) -> None:
        modules = (
            claimmodel,
            claimmodel.analysis,
            claimmodel.exceptions,
            claimmodel.format,
            claimmodel.model,
            claimmodel.validation,
        )
        for module in modules:
            assert sorted(module.__all__, key=_isort_style) == list(module.__all__)
            for name in module.__all__:
                assert hasattr(module, name), f"{module.__name__}.{name}"

    def test_every_error_is_a_claimmodel_error(self) -> None:
        for name in claimmodel.exceptions.__all__:
            obj = getattr(claimmodel.exceptions, name)
            if isinstance(obj, type) and issubclass(obj, Exception):
                assert issubclass(obj, claimmodel.ClaimModelError)

    def test_version_comes_from_metadata(self) -> None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            expected = version("claimmodel")
        except PackageNotFoundError:  # running from a source tree that is not installed
            return
        assert expected == claimmodel.__version__
