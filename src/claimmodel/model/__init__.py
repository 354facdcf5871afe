"""The domain model: immutable value classes and nothing else.

This layer knows nothing of JSON, cattrs, validation rules or the command line.
"""

import importlib
from typing import TYPE_CHECKING

from claimmodel.model._assertions import (
    Assertion,
    AssertionMode,
    Attribution,
    Bearing,
    Channel,
    Evidence,
    EvidenceKind,
    Link,
    Occasion,
    Quotation,
    Stance,
)
from claimmodel.model._bounds import parse_date_bounds
from claimmodel.model._bundle import Bundle
from claimmodel.model._claims import Claim, Polarity, claim_id, normalize_text
from claimmodel.model._confidence import Confidence
from claimmodel.model._dates import DateCertainty, PartialDate, Precision
from claimmodel.model._declared import DeclaredLevel, DeclaredScale
from claimmodel.model._drafts import Draft
from claimmodel.model._frozen import FrozenMap, JSONValue
from claimmodel.model._hedges import WIKIDATA_SOURCING_CIRCUMSTANCES, Hedge, HedgeCategory, Span
from claimmodel.model._identifiers import Identifier, IdentifierScheme
from claimmodel.model._interval import Interval
from claimmodel.model._quantities import Quantity
from claimmodel.model._relations import Relation, RelationKind
from claimmodel.model._repr import use_compact_reprs
from claimmodel.model._scale import CANNOT_BE_JUDGED, Level, Scale, ScaleKind
from claimmodel.model._sources import (
    SOURCE_CLASSES,
    Affiliation,
    AffiliationKind,
    AnonymousSource,
    Collective,
    Document,
    GovernmentBody,
    GroundRule,
    MediaOutlet,
    Organization,
    Person,
    Role,
    Source,
    SourceKind,
)
from claimmodel.model._verdicts import Rating, Verdict

if TYPE_CHECKING:
    from claimmodel.model._convert import admiralty_code, convert, summarize
    from claimmodel.model._scales import SCALES, get_scale

__all__ = [
    "CANNOT_BE_JUDGED",
    "SCALES",
    "SOURCE_CLASSES",
    "WIKIDATA_SOURCING_CIRCUMSTANCES",
    "Affiliation",
    "AffiliationKind",
    "AnonymousSource",
    "Assertion",
    "AssertionMode",
    "Attribution",
    "Bearing",
    "Bundle",
    "Channel",
    "Claim",
    "Collective",
    "Confidence",
    "DateCertainty",
    "DeclaredLevel",
    "DeclaredScale",
    "Document",
    "Draft",
    "Evidence",
    "EvidenceKind",
    "FrozenMap",
    "GovernmentBody",
    "GroundRule",
    "Hedge",
    "HedgeCategory",
    "Identifier",
    "IdentifierScheme",
    "Interval",
    "JSONValue",
    "Level",
    "Link",
    "MediaOutlet",
    "Occasion",
    "Organization",
    "PartialDate",
    "Person",
    "Polarity",
    "Precision",
    "Quantity",
    "Quotation",
    "Rating",
    "Relation",
    "RelationKind",
    "Role",
    "Scale",
    "ScaleKind",
    "Source",
    "SourceKind",
    "Span",
    "Stance",
    "Verdict",
    "admiralty_code",
    "claim_id",
    "convert",
    "get_scale",
    "normalize_text",
    "parse_date_bounds",
    "summarize",
]

use_compact_reprs(globals())  # reprs without the fields at their defaults

# Building and decoding records needs neither the built-in scale tables nor the
# conversion rules, so their modules load when one of these names is first used
# (PEP 562), as `Confidence.parse` and `Confidence.judged` load the tables when first
# called.
_LAZY_HOMES = {
    "SCALES": "_scales",
    "get_scale": "_scales",
    "admiralty_code": "_convert",
    "convert": "_convert",
    "summarize": "_convert",
}


def __getattr__(name: str) -> object:
    if name in _LAZY_HOMES:
        module = importlib.import_module(f"claimmodel.model.{_LAZY_HOMES[name]}")
        value = getattr(module, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'claimmodel.model' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
