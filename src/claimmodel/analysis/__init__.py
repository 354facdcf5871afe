"""Corroboration analysis: how many independent origins stand behind each claim.

:func:`analyze` groups the speakers of each claim's assertions into independent
origins — sources that depend on each other through the affiliations, offices,
memberships and authorship the record states, at the time of each assertion —
and counts them; relays in attribution chains are never origins of their own, and
retracted or corrected assertions no longer count.
:func:`merge` joins several bundles first, so that origins are counted across
records.  ``docs/analysis.md`` explains what counts as independent and why.

This layer knows the model; the model does not know it.
"""

from claimmodel.analysis._analyze import (
    Analysis,
    CitedEvidence,
    ClaimAnalysis,
    Contradiction,
    ControlledRelay,
    FactCheck,
    FigureConflict,
    Origin,
    RaisedHedge,
    Reversal,
    Route,
    SameClaim,
    Withdrawal,
    analyze,
)
from claimmodel.analysis._dependencies import Dependency, DependencyKind, dependencies
from claimmodel.analysis._merge import merge
from claimmodel.model._repr import use_compact_reprs

__all__ = [
    "Analysis",
    "CitedEvidence",
    "ClaimAnalysis",
    "Contradiction",
    "ControlledRelay",
    "Dependency",
    "DependencyKind",
    "FactCheck",
    "FigureConflict",
    "Origin",
    "RaisedHedge",
    "Reversal",
    "Route",
    "SameClaim",
    "Withdrawal",
    "analyze",
    "dependencies",
    "merge",
]

use_compact_reprs(globals())  # reprs without the fields at their defaults
