"""The domain model: immutable value classes and nothing else.

This layer knows nothing of JSON, cattrs, validation rules or the command line.
"""

from typing import TYPE_CHECKING

from claimmodel.model._assertions import Assertion, Attribution, Channel, Evidence, Link, Stance
from claimmodel.model._bundle import Bundle
from claimmodel.model._claims import Claim, Polarity, claim_id, normalize_text
from claimmodel.model._confidence import CANNOT_BE_JUDGED, Confidence, Interval
from claimmodel.model._dates import PartialDate, Precision
from claimmodel.model._frozen import FrozenMap, JSONValue
from claimmodel.model._hedges import WIKIDATA_SOURCING_CIRCUMSTANCES, Hedge, HedgeCategory, Span
from claimmodel.model._relations import Relation, RelationKind
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

if TYPE_CHECKING:
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

# Building and decoding records does not need the confidence scales, so their module,
# and the registry it builds, load when one of these names is first used (PEP 562), as
# `Confidence.parse` and `Confidence.judged` load it when they are first called.
_SCALE_NAMES = frozenset(
    {"SCALES", "Level", "Scale", "ScaleKind", "admiralty_code", "convert", "get_scale", "summarize"}
)


def __getattr__(name: str) -> object:
    if name in _SCALE_NAMES:
        from claimmodel.model import _scales  # noqa: PLC0415

        value = getattr(_scales, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'claimmodel.model' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
