"""The domain model: immutable value classes and nothing else.

This layer knows nothing of JSON, cattrs, validation rules or the command line.
"""

from claimmodel.model._assertions import Assertion, Attribution, Channel, Evidence, Link, Stance
from claimmodel.model._bundle import Bundle
from claimmodel.model._claims import Claim, Polarity, claim_id, normalize_text
from claimmodel.model._confidence import CANNOT_BE_JUDGED, Confidence, Interval
from claimmodel.model._dates import PartialDate, Precision
from claimmodel.model._frozen import FrozenMap, JSONValue
from claimmodel.model._hedges import WIKIDATA_SOURCING_CIRCUMSTANCES, Hedge, HedgeCategory, Span
from claimmodel.model._relations import Relation, RelationKind
from claimmodel.model._scales import (
    SCALES,
    Level,
    Scale,
    ScaleKind,
    admiralty_code,
    convert,
    get_scale,
    summarize,
)
from claimmodel.model._sources import (
    SOURCE_CLASSES,
    Affiliation,
    AffiliationKind,
    AnonymousSource,
    Collective,
    Document,
    GovernmentBody,
    MediaOutlet,
    Organization,
    Person,
    Role,
    Source,
    SourceKind,
)

__all__ = [
    "CANNOT_BE_JUDGED",
    "SCALES",
    "SOURCE_CLASSES",
    "WIKIDATA_SOURCING_CIRCUMSTANCES",
    "Affiliation",
    "AffiliationKind",
    "AnonymousSource",
    "Assertion",
    "Attribution",
    "Bundle",
    "Channel",
    "Claim",
    "Collective",
    "Confidence",
    "Document",
    "Evidence",
    "FrozenMap",
    "GovernmentBody",
    "Hedge",
    "HedgeCategory",
    "Interval",
    "JSONValue",
    "Level",
    "Link",
    "MediaOutlet",
    "Organization",
    "PartialDate",
    "Person",
    "Polarity",
    "Precision",
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
    "normalize_text",
    "summarize",
]
