"""Every rule's code, name, family, default severity and purpose, in one table.

Codes are ``CM`` and three digits; the first digit is the family.  A code is
never reused: a retired rule keeps its number, unused.  ``CM0xx`` are the
command line's codes for documents that do not decode; :func:`validate` never
produces them.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping

import attrs

from claimmodel.exceptions import InvalidTypeError, InvalidValueError
from claimmodel.model import FrozenMap
from claimmodel.model._checks import type_name
from claimmodel.validation._report import Severity

__all__ = ["DECODE_ERROR", "RULES", "UNREADABLE", "Family", "Rule", "resolve_severities"]


class Family(enum.Enum):
    """The group a rule belongs to; the code's first digit."""

    DECODING = "decoding"
    ATTRIBUTION = "attribution"
    CONFIDENCE = "confidence"
    REFERENCES = "references"
    HEDGES = "hedges"
    DATES = "dates"
    SPANS = "spans"
    ORPHANS = "orphans"
    REVIEW = "review"
    QUANTITIES = "quantities"


_FAMILY_DIGIT = {family: str(digit) for digit, family in enumerate(Family)}


@attrs.frozen(kw_only=True)
class Rule:
    """One documented rule: its ``code``, short ``name``, ``family``, default
    ``severity`` and what it protects (``summary``)."""

    code: str
    name: str
    family: Family
    severity: Severity
    summary: str

    def __attrs_post_init__(self) -> None:
        if not re.fullmatch(r"CM\d{3}", self.code) or self.code[2] != _FAMILY_DIGIT[self.family]:
            raise InvalidValueError(f"{self.code} is not a code of the {self.family.value} family")


_E = Severity.ERROR
_W = Severity.WARNING

_TABLE = (
    Rule(
        code="CM001",
        name="decode-error",
        family=Family.DECODING,
        severity=_E,
        summary="the document has the structure and types the wire format requires",
    ),
    Rule(
        code="CM002",
        name="unreadable",
        family=Family.DECODING,
        severity=_E,
        summary="the file can be read and is JSON",
    ),
    Rule(
        code="CM003",
        name="findings-not-listed",
        family=Family.DECODING,
        severity=_E,
        summary="the report lists every finding (an error when an unlisted finding is one)",
    ),
    Rule(
        code="CM101",
        name="unknown-attribution-source",
        family=Family.ATTRIBUTION,
        severity=_E,
        summary="every assertion is attributed to a source of the bundle",
    ),
    Rule(
        code="CM102",
        name="unknown-chain-source",
        family=Family.ATTRIBUTION,
        severity=_E,
        summary="every intermediary of an attribution chain is a source of the bundle",
    ),
    Rule(
        code="CM103",
        name="unknown-assessor",
        family=Family.ATTRIBUTION,
        severity=_E,
        summary="whoever assessed a confidence is a source of the bundle",
    ),
    Rule(
        code="CM104",
        name="repeated-chain-source",
        family=Family.ATTRIBUTION,
        severity=_E,
        summary="a statement does not pass through the same source twice",
    ),
    Rule(
        code="CM105",
        name="chain-too-long",
        family=Family.ATTRIBUTION,
        severity=_E,
        summary="attribution chains stay within the documented maximum length",
    ),
    Rule(
        code="CM106",
        name="intermediary-without-channel",
        family=Family.ATTRIBUTION,
        severity=_W,
        summary="a document or media outlet that relays a statement says how it got it",
    ),
    Rule(
        code="CM107",
        name="recording-as-speaker",
        family=Family.ATTRIBUTION,
        severity=_W,
        summary="a recording is evidence, not a source that asserts",
    ),
    Rule(
        code="CM201",
        name="unknown-level",
        family=Family.CONFIDENCE,
        severity=_E,
        summary="a confidence level or a rating label is one of its scale's levels",
    ),
    Rule(
        code="CM202",
        name="probability-outside-band",
        family=Family.CONFIDENCE,
        severity=_E,
        summary="the stated probability lies within the band the level stands for",
    ),
    Rule(
        code="CM203",
        name="unjudged-with-probability",
        family=Family.CONFIDENCE,
        severity=_E,
        summary='a level that means "cannot be judged" carries no probability',
    ),
    Rule(
        code="CM204",
        name="judged-without-probability",
        family=Family.CONFIDENCE,
        severity=_W,
        summary="a level that stands for a probability band states it",
    ),
    Rule(
        code="CM205",
        name="unknown-scale",
        family=Family.CONFIDENCE,
        severity=_W,
        summary="a confidence or a rating names a known scale, or an x- extension scale",
    ),
    Rule(
        code="CM206",
        name="grade-with-probability",
        family=Family.CONFIDENCE,
        severity=_E,
        summary="a grade (analytic confidence, reliability, a rating) carries no probability",
    ),
    Rule(
        code="CM207",
        name="not-a-rating-scale",
        family=Family.CONFIDENCE,
        severity=_E,
        summary="a verdict's rating names a scale of kind rating",
    ),
    Rule(
        code="CM301",
        name="unknown-claim",
        family=Family.REFERENCES,
        severity=_E,
        summary="every assertion asserts a claim of the bundle",
    ),
    Rule(
        code="CM302",
        name="duplicate-id",
        family=Family.REFERENCES,
        severity=_E,
        summary="ids are unique among sources, claims, assertions, relations and verdicts",
    ),
    Rule(
        code="CM303",
        name="unknown-relation-end",
        family=Family.REFERENCES,
        severity=_E,
        summary="a relation's subject and object are assertions or claims of the bundle",
    ),
    Rule(
        code="CM304",
        name="ambiguous-relation-end",
        family=Family.REFERENCES,
        severity=_W,
        summary="a relation's subject or object names one item, not an assertion and a claim",
    ),
    Rule(
        code="CM305",
        name="unknown-related-source",
        family=Family.REFERENCES,
        severity=_E,
        summary="roles, affiliations, members, authors and publishers name sources of the bundle",
    ),
    Rule(
        code="CM306",
        name="unknown-hedge-voice",
        family=Family.REFERENCES,
        severity=_E,
        summary="whoever voices a hedge is a source of the bundle",
    ),
    Rule(
        code="CM307",
        name="unknown-document",
        family=Family.REFERENCES,
        severity=_E,
        summary="the bundle's document and evidence documents are document sources",
    ),
    Rule(
        code="CM308",
        name="affiliation-cycle",
        family=Family.REFERENCES,
        severity=_E,
        summary="part-of and controlled-by affiliations do not go round in a circle",
    ),
    Rule(
        code="CM309",
        name="repeated-identifier",
        family=Family.REFERENCES,
        severity=_W,
        summary="a source lists each of its external identifiers once",
    ),
    Rule(
        code="CM310",
        name="shared-identifier",
        family=Family.REFERENCES,
        severity=_W,
        summary="two sources of a bundle do not carry the same external identifier",
    ),
    Rule(
        code="CM311",
        name="unknown-revised-assertion",
        family=Family.REFERENCES,
        severity=_E,
        summary="an assertion retracts or corrects an assertion of the bundle",
    ),
    Rule(
        code="CM312",
        name="retraction-of-another-claim",
        family=Family.REFERENCES,
        severity=_W,
        summary="a retraction withdraws the claim of the assertion it retracts",
    ),
    Rule(
        code="CM313",
        name="revision-cycle",
        family=Family.REFERENCES,
        severity=_E,
        summary="retractions and corrections do not go round in a circle",
    ),
    Rule(
        code="CM314",
        name="stale-derived-id",
        family=Family.REFERENCES,
        severity=_W,
        summary="a claim id of the derived form is the one its content derives",
    ),
    Rule(
        code="CM320",
        name="relation-to-itself",
        family=Family.REFERENCES,
        severity=_E,
        summary="a relation relates two different items",
    ),
    Rule(
        code="CM321",
        name="rendering-of-an-assertion",
        family=Family.REFERENCES,
        severity=_E,
        summary="a translation or paraphrase relation joins two claims",
    ),
    Rule(
        code="CM322",
        name="unknown-party",
        family=Family.REFERENCES,
        severity=_E,
        summary="a claim's interested parties are sources of the bundle",
    ),
    Rule(
        code="CM323",
        name="repeated-party",
        family=Family.REFERENCES,
        severity=_W,
        summary="a claim names each interested party once",
    ),
    Rule(
        code="CM330",
        name="unknown-reviewer",
        family=Family.REFERENCES,
        severity=_E,
        summary="a verdict's reviewer is a source of the bundle",
    ),
    Rule(
        code="CM331",
        name="unknown-reviewed-assertion",
        family=Family.REFERENCES,
        severity=_E,
        summary="a verdict reviews assertions of the bundle",
    ),
    Rule(
        code="CM332",
        name="reviews-of-several-claims",
        family=Family.REFERENCES,
        severity=_E,
        summary="the assertions a verdict reviews assert one claim (or claims declared the same)",
    ),
    Rule(
        code="CM401",
        name="hedged-but-confident",
        family=Family.HEDGES,
        severity=_W,
        summary="an alleged, disputed or unverified assertion is not held near-certain "
        "without a stated basis",
    ),
    Rule(
        code="CM501",
        name="dated-after-publication",
        family=Family.DATES,
        severity=_E,
        summary="nothing the document reports happened after the document appeared",
    ),
    Rule(
        code="CM502",
        name="ends-before-start",
        family=Family.DATES,
        severity=_E,
        summary="a role or affiliation does not end before it starts",
    ),
    Rule(
        code="CM503",
        name="relayed-before-said",
        family=Family.DATES,
        severity=_E,
        summary="a statement is not relayed before it was made",
    ),
    Rule(
        code="CM504",
        name="revised-before-said",
        family=Family.DATES,
        severity=_E,
        summary="a retraction or correction comes after the statement it revises",
    ),
    Rule(
        code="CM505",
        name="bounds-reversed",
        family=Family.DATES,
        severity=_E,
        summary="an assertion's latest date is not before its earliest",
    ),
    Rule(
        code="CM506",
        name="date-outside-bounds",
        family=Family.DATES,
        severity=_E,
        summary="an assertion's date lies between its earliest and latest dates",
    ),
    Rule(
        code="CM507",
        name="archived-before-captured",
        family=Family.DATES,
        severity=_E,
        summary="evidence is not archived before it was captured",
    ),
    Rule(
        code="CM510",
        name="reviewed-before-said",
        family=Family.DATES,
        severity=_E,
        summary="a verdict is not dated before the statements it reviews",
    ),
    Rule(
        code="CM601",
        name="span-outside-text",
        family=Family.SPANS,
        severity=_E,
        summary="character spans lie inside the document text they index",
    ),
    Rule(
        code="CM602",
        name="quote-mismatch",
        family=Family.SPANS,
        severity=_E,
        summary="an evidence quote is exactly the text its span covers",
    ),
    Rule(
        code="CM603",
        name="hedge-cue-mismatch",
        family=Family.SPANS,
        severity=_W,
        summary="a hedge's cue is the text its span covers",
    ),
    Rule(
        code="CM604",
        name="attribution-cue-mismatch",
        family=Family.SPANS,
        severity=_W,
        summary="an attribution's or a link's cue is the text its span covers",
    ),
    Rule(
        code="CM701",
        name="unreferenced-source",
        family=Family.ORPHANS,
        severity=_W,
        summary="every source is used by something in the bundle",
    ),
    Rule(
        code="CM702",
        name="unreferenced-claim",
        family=Family.ORPHANS,
        severity=_W,
        summary="every claim is asserted or related",
    ),
    Rule(
        code="CM801",
        name="unreviewed-draft",
        family=Family.REVIEW,
        severity=_W,
        summary="nothing a program suggested stands in the record unreviewed",
    ),
    Rule(
        code="CM901",
        name="empty-quantity-range",
        family=Family.QUANTITIES,
        severity=_E,
        summary="a quantity's bounds leave room for a number",
    ),
    Rule(
        code="CM902",
        name="value-outside-bounds",
        family=Family.QUANTITIES,
        severity=_E,
        summary="a quantity's value lies within its bounds",
    ),
    Rule(
        code="CM903",
        name="measure-in-different-units",
        family=Family.QUANTITIES,
        severity=_W,
        summary="the figures of one measure are stated in one unit",
    ),
)

RULES: Mapping[str, Rule] = FrozenMap({rule.code: rule for rule in _TABLE})
"""Every rule by code, in code order, the command line's decoding codes included."""

DECODE_ERROR = RULES["CM001"]
UNREADABLE = RULES["CM002"]
NOT_LISTED = RULES["CM003"]

_BUNDLE_RULES = tuple(rule for rule in _TABLE if rule.family is not Family.DECODING)


def _matching(selector: object, option: str) -> list[Rule]:
    if type(selector) is not str:
        raise InvalidValueError(f"{option} takes rule codes such as 'CM101', not {selector!r}")
    prefix = selector.strip().upper()
    found = [rule for rule in _TABLE if rule.code.startswith(prefix)] if prefix else []
    if not found:
        raise InvalidValueError(
            f"{option}: {selector!r} matches no rule code; codes run CM001 to "
            f"{_TABLE[-1].code} (a prefix such as 'CM7' selects a family)"
        )
    decoding = [rule for rule in found if rule.family is Family.DECODING]
    if decoding and len(decoding) == len(found):
        raise InvalidValueError(
            f"{option}: {selector!r} names codes given outside the rules (decoding, the "
            "report's own), which always apply"
        )
    return [rule for rule in found if rule.family is not Family.DECODING]


def _severity(value: object, code: str) -> Severity:
    if isinstance(value, Severity):
        return value
    try:
        return Severity(value)
    except ValueError:
        raise InvalidValueError(
            f"severities: {value!r} for {code} is not 'error' or 'warning'"
        ) from None


def resolve_severities(
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    severities: Mapping[str, Severity | str] | None = None,
    warnings_as_errors: bool = False,
) -> dict[str, Severity]:
    """The rules to apply, each with the severity its findings get.

    ``select`` (default: every rule) and ``ignore`` take codes or code prefixes;
    ``ignore`` wins.  ``severities`` maps codes or prefixes to a severity (the
    longer prefix wins); ``warnings_as_errors`` then raises every warning.
    """
    if isinstance(select, str) or isinstance(ignore, str):
        raise InvalidValueError("select and ignore take a list of codes, not one string")
    for option, codes in (("select", select), ("ignore", ignore)):
        if codes is not None and not isinstance(codes, Iterable):
            raise InvalidTypeError(f"{option} takes a list of codes, not {type_name(codes)}")
    if severities is not None and not isinstance(severities, Mapping):
        raise InvalidTypeError(
            f"severities takes a mapping of codes to severities, not {type_name(severities)}"
        )
    chosen = (
        list(_BUNDLE_RULES)
        if select is None
        else [rule for selector in select for rule in _matching(selector, "select")]
    )
    dropped = {rule.code for selector in ignore or () for rule in _matching(selector, "ignore")}
    result = {rule.code: rule.severity for rule in chosen if rule.code not in dropped}
    overrides = sorted(
        (severities or {}).items(), key=lambda item: len(str(item[0]).strip())
    )  # shorter prefixes first, so the most specific one is applied last
    for selector, value in overrides:
        for rule in _matching(selector, "severities"):
            if rule.code in result:
                result[rule.code] = _severity(value, rule.code)
    if warnings_as_errors:
        result = dict.fromkeys(result, Severity.ERROR)
    return dict(sorted(result.items()))
