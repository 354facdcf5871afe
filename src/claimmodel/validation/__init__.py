"""Document-level validation: the rules only a whole bundle can break.

Decoding already rejects malformed structure; :func:`validate` checks that ids
resolve, chains are sound, confidences agree with their scales, hedges with
confidence, dates with each other and spans with the text, and reports every
finding with a stable code, a severity and a path in wire names.  The rules are
listed in :data:`RULES` and described in ``docs/validation.md``.
"""

from claimmodel.model._repr import use_compact_reprs
from claimmodel.validation._attribution import MAX_CHAIN_LENGTH
from claimmodel.validation._confidence import BAND_TOLERANCE, EXTENSION_SCALE_PREFIX
from claimmodel.validation._dates import definitely_after
from claimmodel.validation._hedges import DOUBTING_CATEGORIES, HEDGED_CONFIDENCE_CEILING
from claimmodel.validation._registry import (
    DECODE_ERROR,
    NOT_LISTED,
    RULES,
    UNREADABLE,
    Family,
    Rule,
    resolve_severities,
)
from claimmodel.validation._report import Finding, Report, Severity
from claimmodel.validation._validate import validate

__all__ = [
    "BAND_TOLERANCE",
    "DECODE_ERROR",
    "DOUBTING_CATEGORIES",
    "EXTENSION_SCALE_PREFIX",
    "HEDGED_CONFIDENCE_CEILING",
    "MAX_CHAIN_LENGTH",
    "NOT_LISTED",
    "RULES",
    "UNREADABLE",
    "Family",
    "Finding",
    "Report",
    "Rule",
    "Severity",
    "definitely_after",
    "resolve_severities",
    "validate",
]

use_compact_reprs(globals())  # reprs without the fields at their defaults
